"""How-many evaluation: the coded event's counts against the PLOVER GSR `dead`, `injured`, `size`.

Each gold record with one of those fields is one sentence; we code it as an article and take the
events of the gold type (FIGHT is ASSAULT), or every event when none has that type. A gold figure
is matched when one of those events gives it:

- ``dead`` -> ``counts.killed``, ``injured`` -> ``counts.injured``;
- ``size`` (how many people the event was done to or by: protesters, people arrested, deported,
  kidnapped) -> any of the event's counts.

Gold figures are read with the coder's own number reader, so "Thousands" is the same amount as
our "thousands"; a gold size without a number ("group") is left out and reported. Results are
also given for the tune and check halves (evaluate.split).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.evaluate.plover import TYPE_ALIASES, load_records
from eventwire.evaluate.split import HALVES, half_of
from eventwire.events.counts import parse_number
from eventwire.pipeline import code_articles
from eventwire.records import Article, Event

FIELDS = {"dead": ("killed",), "injured": ("injured",), "size": None}


def gold_figures(record: dict[str, Any]) -> dict[str, int | None]:
    """The record's gold counts: field -> number (None when the gold gives a word, no number)."""
    figures: dict[str, int | None] = {}
    for field in FIELDS:
        if field in record and str(record[field]).strip():
            number = parse_number(str(record[field]))
            figures[field] = number.value if number else None
    return figures


def _values(events: Iterable[Event], field: str) -> set[int]:
    keys = FIELDS[field]
    return {count["value"] for event in events for key, count in (event.counts or {}).items()
            if key != "toll" and (keys is None or key in keys)}


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict[str, Any]:
    """Counts of the coded events against the gold figures; ``half`` keeps one half (the PLOVER
    GSR file is split by salted ids, as ``eval plover`` does)."""
    records = [r for r in load_records(path) if gold_figures(r)
               and (half in (None, "all") or half_of(r["id"], "plover_gsr") == half)]
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    by_id = {r["id"]: r for r in records}
    rows: list[dict[str, Any]] = []
    for article, events in code_articles(articles):
        record = by_id[article.id]
        gold_type = TYPE_ALIASES.get(record["event"], record["event"])
        events = [e for e in events if (e.confidence or 0) >= min_confidence]
        ours = [e for e in events if e.plover == gold_type] or events
        for field, gold in gold_figures(record).items():
            found = sorted(_values(ours, field))
            rows.append({"id": article.id, "half": half_of(article.id, "plover_gsr"), "field": field,
                         "gold": gold, "ours": found, "right": gold is not None and gold in found,
                         "coded": bool(events)})
    return {"rows": rows}


def _tally(rows: list[dict[str, Any]]) -> str:
    scored = [r for r in rows if r["gold"] is not None]
    right = sum(r["right"] for r in scored)
    share = f"{100 * right / len(scored):.1f}%" if scored else "-"
    return f"{right}/{len(scored)} = {share}"


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    lines = ["Counts (PLOVER GSR dead/injured/size): the coded event's count equals the gold",
             f"  all    {_tally(rows)}"]
    for half in HALVES:
        lines.append(f"  {half:<6} {_tally([r for r in rows if r['half'] == half])}")
    for field in FIELDS:
        lines.append(f"  {field:<6} {_tally([r for r in rows if r['field'] == field])}")
    lines.append(f"  where an event was coded: {_tally([r for r in rows if r['coded']])}")
    unnumbered = [r["id"] for r in rows if r["gold"] is None]
    if unnumbered:
        lines.append(f"  left out (gold gives no number): {', '.join(unnumbered)}")
    # misses are read in the tune half only; the check half judges the rules
    misses = [r for r in rows if r["gold"] is not None and not r["right"] and r["half"] == "tune"]
    if misses:
        lines.append("  tune-half misses (id, field, gold -> ours):")
        lines += [f"    {r['id']} {r['field']} {r['gold']} -> {r['ours'] or '-'}" for r in misses]
    return "\n".join(lines)
