"""Commands of the store stage: ``ingest``, ``export``, ``watch`` and ``recode``."""

from __future__ import annotations

import argparse
import sys
from itertools import islice

from eventwire.cli.common import ErrorCounter, add_input_arguments
from eventwire.cli.scale import add_scale_arguments, scaled_ingest
from eventwire.events.calibration import default_min_confidence
from eventwire.geo.events import add_article_focus_argument
from eventwire.pipeline import code_articles, iter_articles
from eventwire.store.connection import open_reader
from eventwire.store.export import FORMATS, TABLES, export, export_to_path
from eventwire.store.ingest import DEFAULT_BATCH_SIZE
from eventwire.store.watch import parse_interval, watch

DEFAULT_DB = "events.duckdb"


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive integer: {value!r}")
    return number


def interval(value: str) -> float:
    try:
        return parse_interval(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def run_ingest(args: argparse.Namespace) -> int:
    if args.min_confidence is None:
        args.min_confidence = default_min_confidence()
    errors = ErrorCounter()
    articles = iter_articles(args.paths, date=args.date, on_error=errors)
    if args.limit:
        articles = islice(articles, args.limit)
    try:
        report = scaled_ingest(articles, args.db, args, batch_size=args.batch_size,
                               progress=None if not args.quiet else False)
    except KeyboardInterrupt:
        print("eventwire ingest: interrupted; committed batches are kept, run the same command "
              "again to resume", file=sys.stderr)
        return 130
    print(f"eventwire ingest: {report.summary()} -> {args.db}", file=sys.stderr)
    return 0 if report.read else 1


def run_export(args: argparse.Namespace) -> int:
    con = open_reader(args.db)
    try:
        if args.output and args.output != "-":
            rows = export_to_path(con, args.format, args.table, args.output)
        else:
            rows = export(con, args.format, args.table, sys.stdout.buffer)
            sys.stdout.flush()
    finally:
        con.close()
    print(f"eventwire export: {rows} {args.table} rows as {args.format}", file=sys.stderr)
    return 0


def run_watch(args: argparse.Namespace) -> int:
    # `watch` has no --min-confidence and has always stored every event: it says so here.
    return watch(args.feeds, args.db, args.every, code_articles, rounds=args.rounds,
                 min_confidence=0.0)


def register(subparsers: argparse._SubParsersAction) -> None:
    ingest = subparsers.add_parser(
        "ingest", help="code documents and store their events in a DuckDB database")
    add_input_arguments(ingest)
    ingest.set_defaults(func=run_ingest)
    ingest.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    ingest.add_argument("--limit", type=positive_int, default=None,
                        help="stop after this many articles (counting those already stored)")
    ingest.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH_SIZE,
                        help="articles per transaction (a crash loses at most one batch)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="do not store events below this confidence (default "
                        f"{default_min_confidence()}, as `eventwire code`; 0 stores all)")
    add_scale_arguments(ingest, positive_int)
    add_article_focus_argument(ingest)

    exporter = subparsers.add_parser("export", help="export the stored events or mentions")
    exporter.add_argument("--db", default=DEFAULT_DB)
    exporter.add_argument("--format", choices=FORMATS, default="gdelt",
                          help="gdelt (GDELT 2.0 TSV), csv, parquet or jsonl (PLOVER-style)")
    exporter.add_argument("--table", choices=TABLES, default="events")
    exporter.add_argument("--output", "-o", default=None, help="file to write (default stdout)")
    exporter.set_defaults(func=run_export)

    watcher = subparsers.add_parser("watch", help="poll feeds and store new articles' events")
    watcher.add_argument("feeds", nargs="+", metavar="FEED", help="RSS/Atom feed URLs or files")
    watcher.add_argument("--db", default=DEFAULT_DB)
    watcher.add_argument("--every", type=interval, default=parse_interval("15m"),
                         help="time between polls, e.g. 15m, 90s, 1h (default 15m)")
    watcher.add_argument("--rounds", type=positive_int, default=None,
                         help="stop after this many polls (default: run until interrupted)")
    watcher.set_defaults(func=run_watch)
    register_recode(subparsers)


def run_recode(args: argparse.Namespace) -> int:
    from eventwire.store.recode import recode

    report = recode(args.db, code_articles, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    verb = "would change" if args.dry_run else "changed"
    print(f"eventwire recode: {report.summary()}"
          + ("" if report.changed else f"; nothing {verb}"), file=sys.stderr)
    return 0


def register_recode(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recode", help="re-code the stored articles with the current dictionaries and patterns")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the DuckDB store (default {DEFAULT_DB})")
    parser.add_argument("--dry-run", action="store_true",
                        help="report what would change without writing")
    parser.set_defaults(func=run_recode)
