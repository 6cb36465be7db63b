"""Commands of the ingest stage: ``eventwire eval extraction CORPUS``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.evaluate.cli import eval_group


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


def register(subparsers: argparse._SubParsersAction) -> None:
    evaluations = eval_group(subparsers)
    extraction = evaluations.add_parser(
        "extraction", help="main-text extraction on L3S-GN1 (ours vs plain trafilatura)"
    )
    extraction.add_argument("corpus", help="the l3s_gn1 folder (ground-truth.json, html/)")
    extraction.add_argument("--limit", type=int, default=None, help="score the first N pages")
    extraction.add_argument("--no-warc", action="store_true", help="skip the WARC comparison")
    extraction.set_defaults(func=run_eval_extraction)
