"""Helpers every command shares: reading the inputs, reporting unreadable documents, the summary
line and the exit status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator

from eventwire.ingest.report import IngestReport
from eventwire.nlp import parse_articles
from eventwire.pipeline import iter_articles
from eventwire.records import Article, ParsedArticle, ReadError


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
