"""`eventwire eval NAME ...`: run an evaluation and print its table.

The `eval` group is shared: each stage adds its evaluations with ``eval_group(subparsers)``,
whichever registers first creates it.
"""

from __future__ import annotations

import argparse
import importlib

# name -> (module, help). Each module has evaluate(path, **options) -> dict and report(dict) -> str.
GOLD_EVALUATIONS = {
    "plover": ("eventwire.evaluate.plover", "PLOVER gold records: type and full-tuple P/R/F1"),
    "police": ("eventwire.evaluate.police", "IndiaPoliceEvents: police action detection"),
}


def eval_group(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-commands of `eventwire eval`, created on first use."""
    parser = subparsers.choices.get("eval") or subparsers.add_parser(
        "eval", help="score a stage against gold data"
    )
    for action in parser._actions:  # argparse keeps a parser's sub-commands in an action
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="evaluation", required=True)


def add_limited_evaluation(
    subparsers: argparse._SubParsersAction, name: str, module: str, help_text: str,
    path_help: str, limit_help: str,
) -> None:
    """`eventwire eval NAME PATH [--limit N]` for a module with evaluate(path, limit=) and
    report(result) (the geo and time stages register theirs so)."""
    parser = eval_group(subparsers).add_parser(name, help=help_text)
    parser.add_argument("path", help=path_help)
    parser.add_argument("--limit", type=int, default=None, help=limit_help)
    parser.set_defaults(func=_run_limited, evaluation_module=module)


def _run_limited(args: argparse.Namespace) -> int:
    module = importlib.import_module(args.evaluation_module)
    print(module.report(module.evaluate(args.path, limit=args.limit)))
    return 0


def run(args: argparse.Namespace) -> int:
    module = importlib.import_module(GOLD_EVALUATIONS[args.evaluation][0])
    options = {"min_confidence": args.min_confidence} if args.min_confidence else {}
    print(module.report(module.evaluate(args.path, **options)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    evaluations = eval_group(subparsers)
    for name, (_, help_text) in GOLD_EVALUATIONS.items():
        parser = evaluations.add_parser(name, help=help_text)
        parser.add_argument("path", help="the gold file")
        parser.add_argument("--min-confidence", type=float, default=0.0,
                            help="ignore events below this confidence")
        parser.set_defaults(func=run)
