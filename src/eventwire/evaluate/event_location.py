"""Where an event happened (``../shared/gold/event_location_dev.jsonl``, after Halterman's
event_location data): sentences with the verb of an event and the spans naming where it happened.

Each sentence is coded as an article of its own (the full pipeline, no publication date). A gold
event (one verb span) is *coded* when one of our events has a trigger overlapping the verb span;
it is *placed* when that event's location was found in the text at a name overlapping one of the
gold location spans (or, for an article-focus location, when its name overlaps the text of a gold
location). The acceptance figure is placed / coded over gold events that have a location; the
share placed end to end (placed / all gold events with a location) is reported beside it, and,
over gold events with no location that we code, the share we give a place found in the text
("invented" places; the article-focus fallback is counted apart).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from eventwire.evaluate.metrics import progress
from eventwire.evaluate.split import HALVES, half_of, in_half
from eventwire.geo.events import ARTICLE_FOCUS
from eventwire.geo.gazetteer import normalise
from eventwire.pipeline import code_articles
from eventwire.records import Article, Event

MAX_ERRORS = 30
COUNTS = ("sentences", "gold", "coded", "placed", "focus_placed", "unlocated_gold",
          "unlocated_coded", "invented", "focus_given")


def read_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_start(text: str, event: Event) -> int:
    return max(text.find(event.sentence), 0)


def _trigger_span(text: str, event: Event) -> tuple[int, int] | None:
    offsets = (event.evidence or {}).get("spans", {}).get("trigger")
    start = _sentence_start(text, event)
    if offsets and len(offsets) == 2:
        return start + int(offsets[0]), start + int(offsets[1])
    found = event.sentence.find(event.trigger)
    return (start + found, start + found + len(event.trigger)) if found >= 0 else None


def _location_span(text: str, event: Event) -> tuple[int, int] | None:
    span = ((event.evidence or {}).get("location") or {}).get("span")
    if not span:
        return None
    start = _sentence_start(text, event)
    return start + int(span[0]), start + int(span[1])


def _placed(text: str, event: Event, locations: list[dict]) -> bool:
    gold = [(g["start"], g["end"]) for g in locations]
    span = _location_span(text, event)
    if span is not None:
        return any(_overlaps(span, g) for g in gold)
    if event.location is None:
        return False
    name = normalise(event.location.name)
    return any(name in normalise(g["text"]) or normalise(g["text"]) in name for g in locations)


def _score_record(record: dict, events: list[Event], errors: list[str]) -> Counter:
    totals: Counter = Counter(sentences=1)
    text = record["text"]
    spans = [(e, _trigger_span(text, e)) for e in events]
    for annotation in record["annotations"]:
        for verb in annotation["verbs"]:
            ours = [e for e, span in spans
                    if span is not None and _overlaps(span, (verb["start"], verb["end"]))]
            if not annotation["locations"]:
                totals["unlocated_gold"] += 1
                if ours:
                    totals["unlocated_coded"] += 1
                    located = [e for e in ours if e.location is not None]
                    totals["invented"] += any(e.location.precision != ARTICLE_FOCUS for e in located)
                    totals["focus_given"] += any(e.location.precision == ARTICLE_FOCUS
                                                 for e in located)
                continue
            totals["gold"] += 1
            if not ours:
                continue
            totals["coded"] += 1
            placed = [e for e in ours if _placed(text, e, annotation["locations"])]
            if placed:
                totals["placed"] += 1
                totals["focus_placed"] += all(e.location.precision == ARTICLE_FOCUS for e in placed)
            elif len(errors) < MAX_ERRORS:
                where = ours[0].location
                errors.append(f"{verb['text']!r} at {[g['text'] for g in annotation['locations']]}"
                              f" ours {where.name + ' (' + where.precision + ')' if where else None}"
                              f": {text[:140]}")
    return totals


def evaluate(path: str | Path, limit: int | None = None, half: str | None = None,
             **_options: object) -> dict:
    """Score the gold file (one half by record id, or all); each half's figures under
    ``halves``. Options of other evaluations (``min_confidence``) do not apply."""
    records = list(in_half(read_records(Path(path))[:limit], half, key=lambda r: r["id"]))
    articles = [Article(id=r["id"], text=r["text"]) for r in records]
    by_id = {r["id"]: r for r in records}
    halves = {name: Counter(dict.fromkeys(COUNTS, 0)) for name in HALVES}
    errors: list[str] = []
    for article, events in progress(list(code_articles(articles, prefilter=False)), "sentence"):
        side = half_of(article.id)
        # misses are listed from the tune half only: rules are written from them
        halves[side].update(_score_record(by_id[article.id], events,
                                          errors if side == "tune" else []))
    return {**_figures(sum(halves.values(), Counter())), "errors": errors,
            "halves": {name: _figures(totals) for name, totals in halves.items()
                       if totals["sentences"]}}


def _figures(totals: Counter) -> dict:
    def share(part: str, whole: str) -> float:
        return totals[part] / totals[whole] if totals[whole] else 0.0

    return {**{name: totals[name] for name in COUNTS},
            "placed_of_coded": share("placed", "coded"),
            "placed_end_to_end": share("placed", "gold"),
            "coded_share": share("coded", "gold"),
            "invented_share": share("invented", "unlocated_coded")}


def report(result: dict) -> str:
    lines = _report_lines(result, "event_location")
    for name, figures in result.get("halves", {}).items():
        lines += ["", *_report_lines(figures, f"{name} half")]
    lines += ["", "some tune-half misses (gold verb at gold places, ours):",
              *(f"  {line}" for line in result.get("errors", [])[:20])]
    return "\n".join(lines)


def _report_lines(result: dict, title: str) -> list[str]:
    return [
        f"{title}: {result['sentences']} sentences, {result['gold']} gold events with a place",
        f"coded (our trigger on the gold verb)  {result['coded_share']:.3f} "
        f"({result['coded']}/{result['gold']})",
        f"placed, of those coded                {result['placed_of_coded']:.3f} "
        f"({result['placed']}/{result['coded']}; {result['focus_placed']} by the article focus)",
        f"placed end to end                     {result['placed_end_to_end']:.3f} "
        f"({result['placed']}/{result['gold']})",
        f"no gold place, ours from the text     {result['invented_share']:.3f} "
        f"({result['invented']}/{result['unlocated_coded']}; article focus given "
        f"{result['focus_given']})",
    ]
