"""ConfliBERT source/target spans (../shared/gold/cameo_ner_dev.jsonl): span precision and recall.

Gold: the spans an annotator marked S (source), T (target) or R (reciprocal: each of the parties
is source and target). Ours: the source and target spans of our predictions, each distinct span
once per role. A span of ours is right when it overlaps (``sentences.py``) a gold span of its
role or an R span; a gold span is found when a span of ours of a compatible role overlaps it.
Precision = our right spans / our spans, recall = gold spans found / gold spans, by role and
over both.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.metrics import HEADER, Score
from eventwire.evaluate.sentences import Span, code_records, load_jsonl, overlaps, predictions, role_span
from eventwire.records import Event

ROLES = {"source": "S", "target": "T"}


def our_spans(text: str, events: list[Event]) -> set[tuple[str, Span]]:
    """(gold role letter, span) of each distinct source and target of our predictions."""
    spans = set()
    for event in events:
        for role, letter in ROLES.items():
            span = role_span(text, event, role)
            if span is not None:
                spans.add((letter, span))
    return spans


def score_record(record: dict, events: list[Event], scores: dict[str, Score]) -> None:
    """Add one record's counts to ``scores`` (keys S, T)."""
    text = record["text"]
    gold = [(g["role"], (g["start"], g["end"])) for g in record.get("spans") or []]
    ours = our_spans(text, events)
    for letter, span in ours:
        right = any(role in (letter, "R") and overlaps(text, span, g) for role, g in gold)
        scores[letter].tp += right
        scores[letter].fp += not right
    for role, g in gold:
        letters = ("S", "T") if role == "R" else (role,)
        if not any(letter in letters and overlaps(text, span, g) for letter, span in ours):
            scores["T" if role == "T" else "S"].fn += 1


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    scores = {"S": Score(), "T": Score()}
    records = 0
    for record, events in code_records(load_jsonl(path), half):
        records += 1
        score_record(record, predictions(events, min_confidence), scores)
    return {"half": half or "all", "records": records, "scores": scores}


def report(result: dict) -> str:
    scores = result["scores"]
    both = Score(*(sum(getattr(s, f) for s in scores.values()) for f in ("tp", "fp", "fn")))
    return "\n".join([
        f"ConfliBERT source/target spans ({result['half']}): {result['records']} sentences", HEADER,
        scores["S"].row("SOURCE"), scores["T"].row("TARGET"), both.row("BOTH"),
        "(reciprocal gold spans count as sources when missed)",
    ])
