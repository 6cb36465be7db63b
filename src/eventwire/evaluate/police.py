"""IndiaPoliceEvents evaluation (../shared/gold/india_police_events_dev.jsonl).

Sentence-level detection of police KILL / ARREST / FORCE actions. A sentence is predicted
positive when we code in it an event whose source is police or security forces (sector COP or
MIL) with PLOVER type ASSAULT or COERCE. Gold positive: the sentence is labelled KILL, ARREST or
FORCE. Articles are coded whole (sentences joined by line breaks) so coreference works; the
released text is lower-cased, which we keep.
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.metrics import HEADER, Score, deciles, format_deciles
from eventwire.evaluate.split import in_half
from eventwire.events.confidence import FORCE_SECTORS
from eventwire.pipeline import code_articles
from eventwire.records import Article, Event

POSITIVE_LABELS = {"KILL", "ARREST", "FORCE"}
POLICE_TYPES = {"ASSAULT", "COERCE"}


def is_police_action(event: Event) -> bool:
    return bool(
        event.plover in POLICE_TYPES and event.source
        and FORCE_SECTORS & set(event.source.sectors) and not event.negated
    )


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    with open(path, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    docs = list(in_half(docs, half, key=lambda d: d["doc_id"]))
    articles, gold = [], {}
    for doc in docs:
        sentences = [s["text"].strip().replace("\n", " ") for s in doc["sentences"]]
        articles.append(Article(id=str(doc["doc_id"]), text="\n".join(sentences),
                                date=doc.get("date")))
        gold[str(doc["doc_id"])] = [bool(POSITIVE_LABELS & set(s["labels"])) for s in doc["sentences"]]
    score = Score()
    scored: list[tuple[float, bool]] = []
    for article, events in code_articles(articles):
        labels = gold[article.id]
        # one line per gold sentence: map our sentence index back by the line it starts on
        line_starts = _line_starts(article.text)
        predicted = [False] * len(labels)
        for event in events:
            if not is_police_action(event) or (event.confidence or 0) < min_confidence:
                continue
            line = _line_of(line_starts, article.text, event.sentence)
            if line is not None and line < len(predicted):
                predicted[line] = True
                scored.append((event.confidence or 0.0, labels[line]))
        for ours, truth in zip(predicted, labels, strict=True):
            score.tp += ours and truth
            score.fp += ours and not truth
            score.fn += truth and not ours
    return {"documents": len(docs), "half": half or "all", "sentences": sum(len(v) for v in gold.values()),
            "score": score, "deciles": deciles(scored)}


def _line_starts(text: str) -> list[int]:
    starts, position = [], 0
    for line in text.split("\n"):
        starts.append(position)
        position += len(line) + 1
    return starts


def _line_of(starts: list[int], text: str, sentence: str) -> int | None:
    position = text.find(sentence)
    if position < 0:
        return None
    line = 0
    for index, start in enumerate(starts):
        if start <= position:
            line = index
    return line


def report(result: dict) -> str:
    return "\n".join([
        f"India police events dev ({result.get('half', 'all')}): {result['documents']} articles,"
        f" {result['sentences']} sentences",
        "police KILL/ARREST/FORCE sentence detection", HEADER, result["score"].row("POLICE ACTION"),
        "", "Precision by confidence decile:", format_deciles(result["deciles"]),
    ])
