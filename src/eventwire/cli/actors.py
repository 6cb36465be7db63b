"""``eventwire actor``: resolve one actor phrase and say how (the actors stage)."""

from __future__ import annotations

import argparse
import json
import sys

from eventwire.actors.resolve import resolve_phrase
from eventwire.cli.common import date_argument
from eventwire.evaluate.commands import resolver_for


def run_actor(args: argparse.Namespace) -> int:
    try:
        resolver = resolver_for(args.phoenix)
    except (OSError, ValueError) as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 1
    actor = resolve_phrase(resolver, args.text, date=args.date, context=args.context)
    if actor is None:
        print("null")
        return 1
    record = actor.to_dict() | {"resolution": actor.resolution}
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    actor = subparsers.add_parser("actor", help="resolve one actor phrase and say how")
    actor.add_argument("text", help='the phrase, e.g. "the Russian foreign minister"')
    actor.add_argument("--date", type=date_argument, default=None, help="date (YYYY-MM-DD)")
    actor.add_argument("--context", default="", help="a country or adjective for the phrase")
    actor.add_argument("--phoenix", metavar="DIR", help="add the Phoenix dictionaries in DIR")
    actor.set_defaults(func=run_actor)
