"""`eventwire explain`: why an event was coded, in plain words."""

from __future__ import annotations

import argparse
import json
import sys

from eventwire.events.explain import explain
from eventwire.store.connection import open_reader
from eventwire.store.query import mention_records


def _records_from_store(db: str, event_id: str) -> list[dict]:
    con = open_reader(db)
    try:
        return mention_records(con, event_id)
    finally:
        con.close()


def run_explain(args: argparse.Namespace) -> int:
    if args.event_id == "-":
        records = [json.loads(line) for line in sys.stdin if line.strip()]
    elif args.db:
        try:
            records = _records_from_store(args.db, args.event_id)
        except FileNotFoundError as error:
            print(f"eventwire explain: {error}", file=sys.stderr)
            return 1
    else:
        print("eventwire explain: give --db PATH, or - to read event records from stdin",
              file=sys.stderr)
        return 2
    if not records:
        print(f"eventwire explain: no event {args.event_id!r} in {args.db}", file=sys.stderr)
        return 1
    print("\n\n".join(explain(record) for record in records))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain", help="why an event was coded: its sentence with spans marked and the decisions")
    parser.add_argument("event_id", help="an event id (stored or coded), or - for JSONL records on stdin")
    parser.add_argument("--db", help="the DuckDB store to read the event from")
    parser.set_defaults(func=run_explain)
