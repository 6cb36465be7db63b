"""`eventwire eval NAME PATH`: run an evaluation and print its table."""

from __future__ import annotations

import argparse
import importlib

# name -> (module, help). Each module has evaluate(path, **options) -> dict and report(dict) -> str.
EVALUATIONS = {
    "plover": ("eventwire.evaluate.plover", "PLOVER gold records: type and full-tuple P/R/F1"),
    "police": ("eventwire.evaluate.police", "IndiaPoliceEvents: police action detection"),
}


def run(args: argparse.Namespace) -> int:
    module = importlib.import_module(EVALUATIONS[args.evaluation][0])
    options = {"min_confidence": args.min_confidence} if args.min_confidence else {}
    print(module.report(module.evaluate(args.path, **options)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="score eventwire against a gold set")
    parser.add_argument("evaluation", choices=sorted(EVALUATIONS),
                        help="; ".join(f"{k}: {v[1]}" for k, v in EVALUATIONS.items()))
    parser.add_argument("path", help="the gold file or folder")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="ignore events below this confidence")
    parser.set_defaults(func=run)
