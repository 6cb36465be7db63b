"""``eventwire extract`` (clean articles as JSONL) and ``eventwire code`` (their events)."""

from __future__ import annotations

import argparse

from eventwire.cli.common import add_input_arguments, finish, read_inputs, write_json_line
from eventwire.events.calibration import default_min_confidence
from eventwire.events.explain import explain
from eventwire.geo.events import add_article_focus_argument
from eventwire.ingest.report import IngestReport
from eventwire.pipeline import code_articles
from eventwire.records import Event

# Events below this confidence are dropped unless --min-confidence says otherwise: one default
# for `code` and `ingest`, chosen from the calibration curve (calibration.json, docs/evidence.md).
DEFAULT_MIN_CONFIDENCE = default_min_confidence()


def run_extract(args: argparse.Namespace) -> int:
    report = IngestReport()
    for article in read_inputs(args, report):
        write_json_line(article.to_dict())
    return finish(report, args)


TABLE_COLUMNS = ("sent", "cameo", "plover", "source", "trigger", "target", "date", "where", "mood")


def _where(event: Event) -> str:
    """The event's place; "~" marks the article's focus location, not the event's own place."""
    if event.location is None:
        return "-"
    return ("~" if event.location.precision == "article_focus" else "") + event.location.name


def table_row(event: Event) -> tuple[str, ...]:
    mood = ("not " if event.negated else "") + event.modality
    return (
        str(event.sentence_index),
        event.cameo,
        event.plover or "-",
        event.source.code if event.source else "-",
        event.trigger,
        event.target.code if event.target else "-",
        event.date or "-",
        _where(event),
        mood,
    )


def print_table(rows: list[tuple[str, ...]]) -> None:
    """Aligned columns; a row of one cell is an article heading printed as it is."""
    widths = [max(len(row[i]) for row in rows if len(row) > 1) for i in range(len(TABLE_COLUMNS))]
    for row in rows:
        if len(row) == 1:
            print(row[0])
            continue
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def run_code(args: argparse.Namespace) -> int:
    report = IngestReport()
    rows: list[tuple[str, ...]] = [TABLE_COLUMNS]
    for article, events in code_articles(read_inputs(args, report)):
        events = [e for e in events if (e.confidence or 0.0) >= args.min_confidence]
        if args.format == "jsonl":
            for event in events:
                write_json_line(event.to_dict())
            continue
        if args.format == "explain":
            for event in events:
                print(explain(event.to_dict()), end="\n\n")
            continue
        rows.append((f"# {article.id}: {article.title or ''} ({len(events)} events)",))
        rows.extend(table_row(event) for event in events)
    if args.format == "table":
        print_table(rows)
    return finish(report, args)


def register(subparsers: argparse._SubParsersAction) -> None:
    extract = subparsers.add_parser("extract", help="read and clean documents; print articles as JSONL")
    add_input_arguments(extract)
    extract.set_defaults(func=run_extract)

    code = subparsers.add_parser(
        "code", help="extract, then code events; print them as JSONL or a table")
    add_input_arguments(code)
    code.add_argument("--format", choices=("jsonl", "table", "explain"), default="jsonl",
                      help="explain: each event's sentence with spans marked and its decisions")
    code.add_argument(
        "--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
        help=f"drop events below this confidence (default {DEFAULT_MIN_CONFIDENCE})",
    )
    add_article_focus_argument(code)
    code.set_defaults(func=run_code)
