"""PLV expert-coded sentences (../shared/gold/plv_train_dev.jsonl): PLOVER type and tuple with spans.

Each record is one sentence with one PLOVER type and the source and target spans the expert
marked. Definitions (the shared ones, predictions and span overlap, are in ``sentences.py``):

- Event type, micro over records, as for the PLOVER GSR set: per record the distinct PLOVER
  types of our predictions; the gold type among them is a TP, every other type an FP, a missed
  gold type an FN. PLV uses the older YIELD for what is now CONCEDE or RETREAT: ours are read as
  YIELD. Statements (PLOVER null) are no predictions.
- Tuple with spans: per record the distinct (type, source span, target span) of our predictions.
  One matches when its type is the gold type, its source overlaps a gold source span and its
  target overlaps a gold target span (a record whose expert marked no target matches a tuple
  without target). A record with a match is a TP (further matches are FPs), every unmatched
  tuple an FP, a record without match an FN.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from eventwire.evaluate.metrics import Score, deciles
from eventwire.evaluate.plover import type_report
from eventwire.evaluate.sentences import code_records, load_jsonl, overlaps, predictions, role_span
from eventwire.records import Event

OUR_ALIASES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}

Tuple = tuple[str, tuple[int, int] | None, tuple[int, int] | None]


def plv_type(event: Event) -> str | None:
    return OUR_ALIASES.get(event.plover or "", event.plover)


def our_tuples(text: str, events: list[Event]) -> set[Tuple]:
    return {(plv_type(e) or "", role_span(text, e, "source"), role_span(text, e, "target"))
            for e in events if e.plover}


def tuple_matches(record: dict, candidate: Tuple) -> bool:
    """Type equal, source overlapping a gold source span, target a gold target span (or none)."""
    kind, source, target = candidate
    if kind != record["plover"] or source is None:
        return False
    text, spans = record["text"], record.get("spans") or {}
    if not any(overlaps(text, source, tuple(g)) for g in spans.get("source") or []):
        return False
    gold_targets = spans.get("target") or []
    if not gold_targets:
        return target is None
    return target is not None and any(overlaps(text, target, tuple(g)) for g in gold_targets)


def score_record(record: dict, events: list[Event], types: defaultdict[str, Score],
                 overall: Score, tuples: Score) -> set[str]:
    """Add one record's counts; returns our predicted types."""
    gold = record["plover"]
    predicted = {plv_type(e) for e in events if e.plover}
    hit = gold in predicted
    for score in (types[gold], overall):
        score.tp += hit
        score.fn += not hit
    for other in predicted - {gold}:
        types[other or ""].fp += 1
        overall.fp += 1
    ours = our_tuples(record["text"], events)
    matched = {t for t in ours if tuple_matches(record, t)}
    tuples.tp += 1 if matched else 0
    tuples.fn += 0 if matched else 1
    tuples.fp += len(ours - matched) + max(0, len(matched) - 1)
    return {p for p in predicted if p}


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    types: defaultdict[str, Score] = defaultdict(Score)
    overall, tuples = Score(), Score()
    confusion: Counter[tuple[str, str]] = Counter()
    scored: list[tuple[float, bool]] = []
    records = 0
    for record, events in code_records(load_jsonl(path), half):
        records += 1
        events = predictions(events, min_confidence)
        predicted = score_record(record, events, types, overall, tuples)
        scored += [(e.confidence or 0.0, plv_type(e) == record["plover"]) for e in events if e.plover]
        if record["plover"] not in predicted:
            confusion[(record["plover"], ",".join(sorted(predicted)) or "-")] += 1
    return {"records": records, "half": half or "all", "types": dict(types), "overall": overall,
            "tuples": tuples, "confusion": confusion, "deciles": deciles(scored)}


def report(result: dict) -> str:
    return type_report(f"PLV expert-coded sentences ({result['half']})", result, "TUPLE (SPANS)")
