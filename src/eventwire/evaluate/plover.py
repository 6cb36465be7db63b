"""PLOVER gold-standard evaluation (../shared/gold/plover_gsr_dev.jsonl).

Each gold record is one sentence with one event type, source and target codes. We code the
sentence as an article (with the record's date) and compare the PLOVER events we produce:

- Event type, micro over records: per record, the distinct PLOVER types we produce; the gold
  type among them is a true positive, each other type a false positive, a missed gold type a
  false negative. Statements (PLOVER null) and negated events ("did not meet", "refused to
  lift") are not predictions: they claim the event did not happen.
- Full tuple (type + source country + target country): per record, the distinct
  (type, source country, target country) tuples we produce; one matching a gold tuple is a true
  positive, every other tuple a false positive; a record with no match is a false negative.
  A gold record without target matches a tuple without target. Actors the annotator marked
  ``(SRC/TAR: ...)`` in the record's markup ("Jordan and Britain agreed") are each other's
  targets, as the coder codes "X and Y met" both ways: the record also accepts (type, X, Y)
  for any two of them.
- Confusion: gold type -> our types, for records where we got it wrong.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.evaluate.metrics import HEADER, Score, deciles, format_deciles
from eventwire.evaluate.split import HALVES, half_of
from eventwire.pipeline import code_articles
from eventwire.records import Article

# Older PLOVER type names used in the gold set (shared/README.md).
TYPE_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT"}
# CAMEO-style country codes in the gold set that differ from ISO alpha-3.
CODE_ALIASES = {"JAP": "JPN", "VTN": "VNM"}


def _codes(actors: object) -> set[str | None]:
    if not isinstance(actors, list) or not actors:
        return {None}
    return {CODE_ALIASES.get(a.get("code"), a.get("code")) for a in actors if isinstance(a, dict)}


def _gold_tuples(record: dict, gold_type: str) -> set[tuple[str, str | None, str | None]]:
    sources = _codes(record.get("source"))
    tuples = {(gold_type, s, t) for s in sources for t in _codes(record.get("target"))}
    info = record.get("textInfo")
    if isinstance(info, dict) and "(SRC/TAR:" in str(info.get("markup", "")):
        tuples |= {(gold_type, a, b) for a in sources for b in sources if a != b}
    return tuples


def load_records(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    if half not in (None, "all", *HALVES):
        raise ValueError(f"half must be one of tune, check, all, not {half!r}")
    records = [r for r in load_records(path)
               if half in (None, "all") or half_of(r["id"], "plover_gsr") == half]
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    by_id = {r["id"]: r for r in records}
    types: defaultdict[str, Score] = defaultdict(Score)
    overall, tuples = Score(), Score()
    confusion: Counter[tuple[str, str]] = Counter()
    scored: list[tuple[float, bool]] = []
    for article, events in code_articles(articles):
        record = by_id[article.id]
        gold = TYPE_ALIASES.get(record["event"], record["event"])
        events = [e for e in events
                  if e.plover and not e.negated and (e.confidence or 0) >= min_confidence]
        predicted = {e.plover for e in events}
        for event in events:
            scored.append((event.confidence or 0.0, event.plover == gold))
        if gold in predicted:
            types[gold].tp += 1
            overall.tp += 1
        else:
            types[gold].fn += 1
            overall.fn += 1
            confusion[(gold, ",".join(sorted(predicted)) or "-")] += 1
        for other in predicted - {gold}:
            types[other].fp += 1
            overall.fp += 1
        gold_tuples = _gold_tuples(record, gold)
        ours = {(e.plover, e.source.country if e.source else None,
                 e.target.country if e.target else None) for e in events}
        matched = ours & gold_tuples
        tuples.tp += 1 if matched else 0
        tuples.fn += 0 if matched else 1
        tuples.fp += len(ours - gold_tuples) + max(0, len(matched) - 1)
    return {"records": len(records), "half": half or "all", "types": dict(types), "overall": overall,
            "tuples": tuples, "confusion": confusion, "deciles": deciles(scored)}


def report(result: dict) -> str:
    return type_report(f"PLOVER gold dev ({result.get('half', 'all')})", result, "FULL TUPLE")


def type_report(title: str, result: dict, tuple_label: str) -> str:
    """Per-type scores, the tuple line, the commonest confusions and the confidence deciles of a
    PLOVER-type evaluation (this module's and ``plv``'s)."""
    lines = [f"{title}: {result['records']} records", "", HEADER]
    for name in sorted(result["types"]):
        lines.append(result["types"][name].row(name))
    lines += [result["overall"].row("EVENT TYPE"), result["tuples"].row(tuple_label), "",
              "Confusion (gold -> ours, misses only):"]
    for (gold, ours), count in result["confusion"].most_common(15):
        lines.append(f"  {gold:<10} -> {ours:<30} {count}")
    lines += ["", "Precision by confidence decile (event type correct):",
              format_deciles(result["deciles"])]
    return "\n".join(lines)
