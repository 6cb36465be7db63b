"""The ``eventwire`` command line. It only wires stages together: no coding logic lives here.

Each stage that offers commands has a ``cli`` module with ``register(subparsers)``; list it in
``COMMAND_MODULES`` to add its commands.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence

from eventwire.events.calibration import default_min_confidence
from eventwire.events.explain import explain
from eventwire.extras import MissingExtraError
from eventwire.geo.events import add_article_focus_argument
from eventwire.ingest.report import IngestReport
from eventwire.nlp import parse_articles
from eventwire.pipeline import code_articles, iter_articles
from eventwire.records import Article, Event, ParsedArticle, ReadError

# Events below this confidence are dropped unless --min-confidence says otherwise: one default
# for `code` and `ingest`, chosen from the calibration curve (calibration.json, docs/evidence.md).
DEFAULT_MIN_CONFIDENCE = default_min_confidence()

# Modules adding subcommands, each with register(subparsers). Add a line per stage.
COMMAND_MODULES: list[str] = [
    "eventwire.evaluate.cli",
    "eventwire.events.cli",
    "eventwire.ingest.cli",
    "eventwire.geo.cli",
    "eventwire.time.cli",
    "eventwire.store.cli",
    "eventwire.api.cli",
    "eventwire.actors.cli",
]


class ErrorCounter:
    """Reports each unreadable document on one stderr line and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: ReadError) -> None:
        self.count += 1
        print(str(error), file=sys.stderr, flush=True)


def date_argument(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files to read, or - for stdin (the default when stdin is not a "
                        "terminal)")
    parser.add_argument(
        "--date", type=date_argument, default=None,
        help="publication date (YYYY-MM-DD) for documents that carry none",
    )
    parser.add_argument("--summary", action="store_true",
                        help="end with a summary line on stderr (always shown on a terminal)")


def write_json_line(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def print_article_records(
    args: argparse.Namespace, records_of: Callable[[ParsedArticle], list[dict]]
) -> int:
    """Parse each input article and print the JSON records ``records_of`` finds in it.

    For the per-article listings (places, times); one failing article never stops the batch.
    """
    read = 0
    for parsed in parse_articles(iter_articles(args.paths, args.date, on_error=ErrorCounter())):
        read += 1
        try:
            records = records_of(parsed)
        except Exception as exc:  # noqa: BLE001 - reported on one line, the batch goes on
            print(f"eventwire: skipped {parsed.article.id}: {exc}", file=sys.stderr, flush=True)
            continue
        for record in records:
            write_json_line(record)
    return 0 if read else 1


def read_inputs(args: argparse.Namespace, report: IngestReport) -> Iterator[Article]:
    return iter_articles(args.paths, date=args.date, on_error=ErrorCounter(), report=report)


def finish(report: IngestReport, args: argparse.Namespace) -> int:
    """Exit status 0 when a document was read; the run's summary on a terminal or --summary.

    Off by default in pipes so that stderr holds exactly one line per unreadable document.
    """
    if args.summary or sys.stderr.isatty():
        print(report.summary(), file=sys.stderr)
    return 0 if report.read else 1


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


def version_line() -> str:
    """eventwire's version and the coder's (the version, a hash of the pattern files and the
    confidence calibration's version), as each event's ``coder_version`` records it."""
    from eventwire import __version__
    from eventwire.events.coder import coder_version
    from eventwire.events.patterns import pattern_book

    return f"eventwire {__version__} (coder {coder_version(pattern_book())})"


class VersionAction(argparse.Action):
    """``--version``: the coder's version needs the pattern files, so it is read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print eventwire's version and its coder's, then exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire", description="Code who did what to whom, where and when, from the news."
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="read and clean documents; print articles as JSONL")
    add_input_arguments(extract)
    extract.set_defaults(func=run_extract)

    code = sub.add_parser("code", help="extract, then code events; print them as JSONL or a table")
    add_input_arguments(code)
    code.add_argument("--format", choices=("jsonl", "table", "explain"), default="jsonl",
                      help="explain: each event's sentence with spans marked and its decisions")
    code.add_argument(
        "--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
        help=f"drop events below this confidence (default {DEFAULT_MIN_CONFIDENCE})",
    )
    add_article_focus_argument(code)
    code.set_defaults(func=run_code)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "paths", None) == []:
        # As Unix filters do: no PATH reads a pipe or redirected file, never a terminal.
        if sys.stdin is None or sys.stdin.isatty():
            parser.error(f"{args.command}: the following arguments are required: PATH "
                         "(or documents on stdin)")
        args.paths = ["-"]
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. `eventwire code ... | head`
        return 0
    except MissingExtraError as error:  # one line naming what to install, not a traceback
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
