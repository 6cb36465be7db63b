"""`eventwire eval NAME ...` and `eventwire audit`: every evaluation's command, registered here.

The command line (``eventwire.cli``) calls ``register(subparsers)``; the evaluation modules are
imported only when their command runs. ``eval_group(subparsers)`` gives the `eval` group's
sub-commands, creating the group on first use.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from eventwire.actors import ActorResolver

# name -> (module, help). Each module has evaluate(path, min_confidence=, half=) -> dict and
# report(dict) -> str; ``half`` is the tune or check half of the set (evaluate/split.py).
GOLD_EVALUATIONS = {
    "plover": ("eventwire.evaluate.plover", "PLOVER gold records: type and full-tuple P/R/F1"),
    "counts": ("eventwire.evaluate.counts", "PLOVER gold dead/injured/size: the event's counts"),
    "police": ("eventwire.evaluate.police", "IndiaPoliceEvents: police action detection"),
    "plv": ("eventwire.evaluate.plv", "PLV expert-coded sentences: PLOVER type and tuple with spans"),
    "cameo-class": ("eventwire.evaluate.cameo_class", "ConfliBERT five-way class accuracy"),
    "cameo-ner": ("eventwire.evaluate.cameo_ner", "ConfliBERT source/target span P/R"),
    "coder-rounds": ("eventwire.evaluate.coder_rounds",
                     "CAMEO root vs each coder and their majority, beside human agreement"),
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
    add_half_argument(parser)
    parser.set_defaults(func=_run_limited, evaluation_module=module)


def add_half_argument(parser: argparse.ArgumentParser) -> None:
    """``--half tune|check|all``: the records of one half of the dev set (evaluate.split); with
    ``all`` (the default) the report gives each half's figures too."""
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all",
                        help="score one half of the gold records (tune: read its misses; "
                             "check: judge changes); default all, each half reported")


def _run_limited(args: argparse.Namespace) -> int:
    module = importlib.import_module(args.evaluation_module)
    print(module.report(module.evaluate(args.path, limit=args.limit, half=args.half)))
    return 0


def run(args: argparse.Namespace) -> int:
    module = importlib.import_module(GOLD_EVALUATIONS[args.evaluation][0])
    halves = ["tune", "check"] if args.half == "both" else [args.half]
    for number, half in enumerate(halves):
        if number:
            print()
        print(module.report(module.evaluate(args.path, min_confidence=args.min_confidence,
                                            half=None if half == "all" else half)))
    return 0


def _run_calibration(args: argparse.Namespace) -> int:
    from eventwire.evaluate import calibration

    try:
        result = calibration.evaluate(args.path, half=args.half, db=args.db)
    except (OSError, ValueError) as error:
        raise SystemExit(f"eventwire eval calibration: {error}") from None
    print(calibration.report(result))
    return 0


def _run_ecbplus(args: argparse.Namespace) -> int:
    from eventwire.evaluate import ecbplus

    halves = ("tune", "check") if args.half == "both" else (args.half,)
    modes = ecbplus.MODES if args.dates == "both" else (args.dates,)
    cache = Path(args.cache) if args.cache else None
    print(ecbplus.report(ecbplus.evaluate(args.path, modes=modes, halves=halves, cache=cache,
                                          why=args.why)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Every `eval` command, in the order `eventwire eval --help` lists them, then `audit`."""
    register_gold(subparsers)
    register_extraction(subparsers)
    add_limited_evaluation(
        subparsers, "geo", "eventwire.evaluate.geo",
        "toponym resolution against GeoWebNews (accuracy within 161 km)",
        path_help="geowebnews.xml", limit_help="first N articles only")
    add_limited_evaluation(
        subparsers, "event-location", "eventwire.evaluate.event_location",
        "where each event happened: our event's place against the annotated place",
        path_help="event_location_dev.jsonl", limit_help="first N sentences only")
    add_limited_evaluation(
        subparsers, "time", "eventwire.evaluate.timex",
        "date normalisation against TimeBank (TimeML .tml folder)",
        path_help="folder of TimeBank .tml files", limit_help="first N documents only")
    register_actors(subparsers)
    register_audit(subparsers)


def register_gold(subparsers: argparse._SubParsersAction) -> None:
    """Calibration, ECB+ and the gold sets of event coding (``GOLD_EVALUATIONS``)."""
    evaluations = eval_group(subparsers)
    parser = evaluations.add_parser(
        "calibration", help="reliability of the confidence on a gold dev set or judged records")
    parser.add_argument("path", help="a gold dev set (plover_gsr_dev.jsonl, plv_train_dev.jsonl, "
                        "cameo_class_dev.jsonl, india_police_events_dev.jsonl) or a JSONL file of "
                        "records with 'confidence' and a boolean 'right' (or 'event_ok')")
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all",
                        help="the records of one half only (evaluate.split; default all)")
    parser.add_argument("--db", default=None, metavar="STORE",
                        help="judge each record with the confidence its mention_id has in this "
                             "store (e.g. a copy re-coded with `eventwire recode`)")
    parser.set_defaults(func=_run_calibration)
    ecb = evaluations.add_parser(
        "ecbplus", help="ECB+: cross-article event merging, pairwise P/R and B-cubed")
    ecb.add_argument("path", help="the ECB+ folder (topic folders of XML files)")
    ecb.add_argument("--half", choices=("tune", "check", "all", "both"), default="both",
                     help="topics of one half (by evaluate.split.half_of), all, or both halves")
    ecb.add_argument("--dates", choices=("split", "one-day", "both"), default="both",
                     help="split: ecb and ecbplus files months apart; one-day: all on one day")
    ecb.add_argument("--cache", default=None,
                     help="JSON file of coded events (default: one per coder version in the temp dir)")
    ecb.add_argument("--why", action="store_true",
                     help="also count the gold pairs left apart by the first merge rule that keeps "
                          "them apart (read it on the tune half only)")
    ecb.set_defaults(func=_run_ecbplus)
    for name, (_, help_text) in GOLD_EVALUATIONS.items():
        parser = evaluations.add_parser(name, help=help_text)
        parser.add_argument("path", help="the gold file")
        parser.add_argument("--min-confidence", type=float, default=0.0,
                            help="ignore events below this confidence")
        parser.add_argument("--half", choices=("tune", "check", "both", "all"), default="all",
                            help="score the tune half, the check half, each of them, or all records"
                                 " (halves by a stable hash of record ids: evaluate/split.py)")
        parser.set_defaults(func=run)


def run_eval_extraction(args: argparse.Namespace) -> int:
    from eventwire.evaluate.extraction import report

    corpus = Path(args.corpus)
    if not (corpus / "ground-truth.json").exists():
        print(f"eventwire: {corpus} holds no ground-truth.json", file=sys.stderr)
        return 1
    lines, ok = report(corpus, limit=args.limit, warc=not args.no_warc)
    for line in lines:
        print(line, flush=True)
    return 0 if ok else 1


def register_extraction(subparsers: argparse._SubParsersAction) -> None:
    """`eventwire eval extraction CORPUS` (the ingest stage's main-text extraction)."""
    extraction = eval_group(subparsers).add_parser(
        "extraction", help="main-text extraction on L3S-GN1 (ours vs plain trafilatura)"
    )
    extraction.add_argument("corpus", help="the l3s_gn1 folder (ground-truth.json, html/)")
    extraction.add_argument("--limit", type=int, default=None, help="score the first N pages")
    extraction.add_argument("--no-warc", action="store_true", help="skip the WARC comparison")
    extraction.set_defaults(func=run_eval_extraction)


def resolver_for(phoenix: str | None) -> ActorResolver:
    """The default actor resolver, or one with the Phoenix dictionaries in ``phoenix`` added
    (their import summary on stderr)."""
    if not phoenix:
        return ActorResolver.default()
    from eventwire.actors.phoenix import import_phoenix

    imported = import_phoenix(phoenix)
    print(imported.summary(), file=sys.stderr)
    return ActorResolver(imported.dictionary)


def run_eval_actors(args: argparse.Namespace) -> int:
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


def run_eval_spans(args: argparse.Namespace) -> int:
    from eventwire.evaluate.actor_spans import evaluate

    try:
        result = evaluate(args.path, limit=args.limit, half=args.half)
    except (OSError, ValueError, KeyError) as exc:
        print(f"eventwire: {args.path}: {exc}", file=sys.stderr)
        return 1
    print(result.report(args.failures))
    return 0


def register_actors(subparsers: argparse._SubParsersAction) -> None:
    """`eventwire eval actors` and `eventwire eval actor-spans` (the actors stage)."""
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
    evaluate.set_defaults(func=run_eval_actors)

    spans = eval_group(subparsers).add_parser(
        "actor-spans",
        help="source/target spans of coded events against plv_train_dev.jsonl or "
        "cameo_ner_dev.jsonl (P and R per half)",
    )
    spans.add_argument("path", metavar="PATH", help="the gold JSONL file")
    spans.add_argument("--half", choices=("tune", "check", "all"), default="all")
    spans.add_argument("--limit", type=int, default=None, help="only the first N records")
    spans.add_argument("--failures", action="store_true", help="list the misses of the tune half")
    spans.set_defaults(func=run_eval_spans)


def register_audit(subparsers: argparse._SubParsersAction) -> None:
    """`eventwire audit draw|tally|agreement` (evaluate/audit.py, docs/audit.md)."""
    audit = subparsers.add_parser("audit", help="draw stored mentions to judge; tally the verdicts")
    commands = audit.add_subparsers(dest="audit_command", required=True)
    drawer = commands.add_parser("draw", help="draw random and most violent stored mentions")
    drawer.add_argument("--db", default="events.duckdb", help="the store (default events.duckdb)")
    drawer.add_argument("--seed", type=int, required=True, help="a fresh seed for each audit")
    drawer.add_argument("--random", type=int, default=100, help="random mentions (default 100)")
    drawer.add_argument("--violent", type=int, default=30, help="most violent mentions (default 30)")
    drawer.add_argument("--min-confidence", type=float, default=0.0,
                        help="draw only mentions at or above this confidence")
    drawer.add_argument("--worksheet", required=True,
                        help="JSONL worksheet to write (holds article text: keep it out of git)")
    drawer.add_argument("--verdicts", required=True,
                        help="JSONL verdict template to write (ids only: commit it once judged)")
    drawer.set_defaults(func=_run_draw)
    tallier = commands.add_parser("tally", help="print the shares right from a verdict file")
    tallier.add_argument("verdicts", nargs="+", help="JSONL verdict files")
    tallier.set_defaults(func=_run_tally)
    agreeing = commands.add_parser(
        "agreement", help="how often two readers' verdicts on the same mentions agree")
    agreeing.add_argument("first", help="one reader's JSONL verdict file")
    agreeing.add_argument("second", help="the other reader's, on some of the same mentions")
    agreeing.set_defaults(func=_run_agreement)


def _run_draw(args: argparse.Namespace) -> int:
    import json

    from eventwire.evaluate.audit import draw, format_entry
    from eventwire.store.connection import open_reader

    con = open_reader(args.db)  # no store, or a busy one: one line from the CLI's main
    try:
        entries = draw(con, args.seed, args.random, args.violent, args.min_confidence)
    finally:
        con.close()
    for path in (args.worksheet, args.verdicts):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(args.worksheet, "w", encoding="utf-8") as sheet, \
            open(args.verdicts, "w", encoding="utf-8") as verdicts:
        for number, entry in enumerate(entries, 1):
            sheet.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
            verdicts.write(json.dumps({
                "mention_id": entry["mention_id"], "sample": entry["sample"],
                "statement": entry["statement"], "cameo": entry["cameo"],
                "confidence": entry["confidence"], "seed": args.seed,
                "event": None, "source": None, "target": None, "place": None, "date": None,
                "note": "",
            }) + "\n")
            print(format_entry(number, entry) + "\n")
    print(f"eventwire audit: {len(entries)} mentions drawn with seed {args.seed} -> "
          f"{args.worksheet}; judge them in {args.verdicts}", file=sys.stderr)
    return 0


def _run_tally(args: argparse.Namespace) -> int:
    from itertools import chain

    from eventwire.evaluate.audit import read_verdicts, report, tally

    try:
        result = tally(chain.from_iterable(read_verdicts(path) for path in args.verdicts))
    except (OSError, ValueError) as error:
        print(f"eventwire audit: {error}", file=sys.stderr)
        return 1
    print(report(result))
    return 0


def _run_agreement(args: argparse.Namespace) -> int:
    from eventwire.evaluate.audit import agreement, read_verdicts

    try:
        result = agreement(read_verdicts(args.first), read_verdicts(args.second))
    except (OSError, ValueError) as error:
        print(f"eventwire audit: {error}", file=sys.stderr)
        return 1
    print("\n".join(result.lines()))
    return 0
