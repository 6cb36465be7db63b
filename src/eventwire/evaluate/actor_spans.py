"""Source and target spans of coded events against gold spans (PLV and CAMEO-NER dev sets).

Each gold record is one sentence (``plv_train_dev.jsonl``: ``spans.source`` / ``spans.target``;
``cameo_ner_dev.jsonl``: ``spans`` with role ``S``, ``T`` or ``R``, reciprocal, which counts as
gold for both roles). The sentence is coded as an undated article (parse, actors, events; no
geo or time) and the source and target spans of every event are compared with the gold spans
of the same role.

Matching rule: a predicted span matches a gold span when their character overlap covers at
least half of the shorter of the two ("the Russian foreign minister Sergei Lavrov" matches gold
"Sergei Lavrov"; "Moscow" does not match "the Moscow talks" ... unless it is half of it). Each
distinct predicted span of a role counts once per record:

- precision: predicted spans that match a gold span of the role / predicted spans;
- recall: gold spans matched by a predicted span of the role / gold spans.

The gold marks one event per sentence (PLV) or the main ones (CAMEO-NER), so precision counts
as wrong the actors of other events the coder finds in the sentence: it is a floor.
Records split into tune and check halves by their ``id`` (``evaluate.split``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate.split import HALVES, half_of

Span = tuple[int, int]
ROLES = ("source", "target")
CAMEO_NER_ROLES = {"S": ("source",), "T": ("target",), "R": ("source", "target")}


def gold_spans(record: dict[str, Any]) -> dict[str, set[Span]]:
    """The gold spans of each role of one record (either file format)."""
    found: dict[str, set[Span]] = {role: set() for role in ROLES}
    spans = record.get("spans")
    if isinstance(spans, dict):  # PLV: {"source": [[start, end]], "target": [...]}
        for role in ROLES:
            for start, end in spans.get(role) or []:
                found[role].add((int(start), int(end)))
    elif isinstance(spans, list):  # CAMEO-NER: [{"role": "S", "start": .., "end": ..}]
        for span in spans:
            for role in CAMEO_NER_ROLES.get(span.get("role"), ()):
                found[role].add((int(span["start"]), int(span["end"])))
    return found


def spans_match(predicted: Span, gold: Span) -> bool:
    """The overlap covers at least half of the shorter span."""
    overlap = min(predicted[1], gold[1]) - max(predicted[0], gold[0])
    shorter = min(predicted[1] - predicted[0], gold[1] - gold[0])
    return shorter > 0 and overlap * 2 >= shorter


@dataclass
class RoleScore:
    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    def add(self, predicted: set[Span], gold: set[Span]) -> None:
        self.predicted += len(predicted)
        self.predicted_right += sum(any(spans_match(p, g) for g in gold) for p in predicted)
        self.gold += len(gold)
        self.gold_found += sum(any(spans_match(p, g) for p in predicted) for g in gold)


@dataclass
class SpanEvaluation:
    path: str
    scores: dict[tuple[str, str], RoleScore] = field(default_factory=dict)  # (half, role)
    records: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)  # tune half only

    def report(self, show_failures: bool = False) -> str:
        lines = [f"{Path(self.path).name}: source / target spans of coded events",
                 "half   records  role    P      R      (right/predicted, found/gold)"]
        for half in HALVES:
            for role in ROLES:
                score = self.scores.get((half, role), RoleScore())
                lines.append(
                    f"{half:<6} {self.records.get(half, 0):>7}  {role:<7} {score.precision:.3f}  "
                    f"{score.recall:.3f}  ({score.predicted_right}/{score.predicted}, "
                    f"{score.gold_found}/{score.gold})"
                )
        if show_failures:
            lines += ["", "misses of the tune half:", *self.misses]
        return "\n".join(lines)


def _event_spans(parsed: Any, events: list[Any]) -> dict[str, set[Span]]:
    """Document character spans of the events' sources and targets."""
    offsets = {}
    for sentence in parsed.sentences:
        text = sentence.span.text
        offsets[sentence.index] = sentence.span.start_char + len(text) - len(text.lstrip())
    found: dict[str, set[Span]] = {role: set() for role in ROLES}
    for event in events:
        for role in ROLES:
            actor = getattr(event, role)
            if actor is None or actor.start is None or actor.end is None:
                continue
            base = offsets.get(event.sentence_index, 0)
            found[role].add((base + actor.start, base + actor.end))
    return found


def evaluate(path: str | Path, limit: int | None = None, half: str | None = None) -> SpanEvaluation:
    """Code every record (of one half, or both) and score its event actors' spans."""
    from eventwire.actors import ActorResolver
    from eventwire.events import EventCoder
    from eventwire.nlp import parse_articles
    from eventwire.pipeline import ArticlePlacesOnce
    from eventwire.records import Article

    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    records = [r for r in records if half in (None, "all") or half_of(r["id"]) == half][:limit]
    by_id = {str(r["id"]): r for r in records}
    resolver, coder = ActorResolver.default(), EventCoder.default()
    result = SpanEvaluation(str(path))
    articles = [Article(id=str(r["id"]), text=r["text"]) for r in records]
    for parsed in parse_articles(articles):
        record = by_id[parsed.article.id]
        which = half_of(record["id"])
        result.records[which] = result.records.get(which, 0) + 1
        actors = resolver.annotate(parsed, ArticlePlacesOnce(parsed).named)  # as the pipeline
        predicted = _event_spans(parsed, coder.code(parsed, actors))
        gold = gold_spans(record)
        for role in ROLES:
            result.scores.setdefault((which, role), RoleScore()).add(predicted[role], gold[role])
            wrong = [p for p in predicted[role] if not any(spans_match(p, g) for g in gold[role])]
            missed = [g for g in gold[role] if not any(spans_match(p, g) for p in predicted[role])]
            if which == "tune" and (wrong or missed):
                text = record["text"]
                result.misses.append(
                    f"{record['id']} {role}: got {[text[a:b] for a, b in sorted(predicted[role])]}"
                    f" gold {[text[a:b] for a, b in sorted(gold[role])]} | {text[:160]}"
                )
    return result


def report(result: SpanEvaluation) -> str:
    return result.report()
