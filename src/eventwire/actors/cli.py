"""Commands of the actors stage: ``eventwire eval actors`` and ``eventwire actor``."""

from __future__ import annotations

import argparse
import json
import sys

from eventwire.actors.resolve import ActorResolver, resolve_phrase


def resolver_for(phoenix: str | None) -> ActorResolver:
    if not phoenix:
        return ActorResolver.default()
    from eventwire.actors.phoenix import import_phoenix

    imported = import_phoenix(phoenix)
    print(imported.summary(), file=sys.stderr)
    return ActorResolver(imported.dictionary)


def run_eval(args: argparse.Namespace) -> int:
    from eventwire.evaluate.actors import (
        evaluate_actor_cases,
        evaluate_plover_actors,
        is_plover_file,
    )

    try:
        resolver = resolver_for(args.phoenix)
        if is_plover_file(args.path):
            print(evaluate_plover_actors(args.path, resolver, args.half).report(args.failures))
        else:
            print(evaluate_actor_cases(args.path, resolver, half=args.half).report(args.failures))
    except (OSError, ValueError) as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 1
    return 0


def run_spans(args: argparse.Namespace) -> int:
    from eventwire.evaluate.actor_spans import evaluate

    try:
        result = evaluate(args.path, limit=args.limit, half=args.half)
    except (OSError, ValueError, KeyError) as exc:
        print(f"eventwire: {args.path}: {exc}", file=sys.stderr)
        return 1
    print(result.report(args.failures))
    return 0


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
    from eventwire.cli import date_argument
    from eventwire.evaluate.cli import eval_group

    evaluate = eval_group(subparsers).add_parser(
        "actors",
        help="score actor resolution: actor_resolution_cases.jsonl (per method) or the "
        "PLOVER gold records (actors in their sentence)",
    )
    evaluate.add_argument("path", metavar="PATH", help="the JSONL file of cases or records")
    evaluate.add_argument("--phoenix", metavar="DIR", help="add the Phoenix dictionaries in DIR")
    evaluate.add_argument("--failures", action="store_true", help="list the cases missed")
    evaluate.add_argument("--half", choices=("tune", "check", "all"), default="all",
                          help="score one half of the records (evaluate.split; default all)")
    evaluate.set_defaults(func=run_eval)

    spans = eval_group(subparsers).add_parser(
        "actor-spans",
        help="source/target spans of coded events against plv_train_dev.jsonl or "
        "cameo_ner_dev.jsonl (P and R per half)",
    )
    spans.add_argument("path", metavar="PATH", help="the gold JSONL file")
    spans.add_argument("--half", choices=("tune", "check", "all"), default="all")
    spans.add_argument("--limit", type=int, default=None, help="only the first N records")
    spans.add_argument("--failures", action="store_true", help="list the misses of the tune half")
    spans.set_defaults(func=run_spans)

    actor = subparsers.add_parser("actor", help="resolve one actor phrase and say how")
    actor.add_argument("text", help='the phrase, e.g. "the Russian foreign minister"')
    actor.add_argument("--date", type=date_argument, default=None, help="date (YYYY-MM-DD)")
    actor.add_argument("--context", default="", help="a country or adjective for the phrase")
    actor.add_argument("--phoenix", metavar="DIR", help="add the Phoenix dictionaries in DIR")
    actor.set_defaults(func=run_actor)
