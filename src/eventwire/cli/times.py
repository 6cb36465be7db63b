"""`eventwire times PATH...`: the date expressions of articles, resolved (the time stage)."""

from __future__ import annotations

import argparse

from eventwire.cli.common import add_input_arguments, print_article_records
from eventwire.records import ParsedArticle
from eventwire.time.events import publication_date
from eventwire.time.expressions import as_contract, find_times


def time_records(parsed: ParsedArticle) -> list[dict]:
    """One record per date expression of the article body, offsets in the article text.

    ``timex`` carries the finer TIMEX3 value ("2015-W19", "2014-SP") beside the contract's value.
    Expressions that name no date ("now", "the 1990s") are left out.
    """
    published = publication_date(parsed)
    offset = parsed.title_offset
    records = []
    for sentence in parsed.sentences:
        for expression in find_times(sentence.span, published):
            if expression.start < offset:
                continue
            value, precision = as_contract(expression.value)
            if expression.value is not None and value is None:
                continue
            records.append({
                "doc_id": parsed.article.id, "text": expression.text,
                "start": expression.start - offset, "end": expression.end - offset,
                "value": value, "precision": precision, "timex": expression.value,
            })
    return records


def run_times(args: argparse.Namespace) -> int:
    return print_article_records(args, time_records)


def register(subparsers: argparse._SubParsersAction) -> None:
    times = subparsers.add_parser("times", help="print the date expressions of articles, resolved")
    add_input_arguments(times)
    times.set_defaults(func=run_times)
