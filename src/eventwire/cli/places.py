"""`eventwire places PATH...`: the resolved place names of articles (the geo stage)."""

from __future__ import annotations

import argparse

from eventwire.cli.common import add_input_arguments, print_article_records
from eventwire.geo.toponyms import places_of
from eventwire.records import ParsedArticle


def place_records(parsed: ParsedArticle) -> list[dict]:
    """One record per place name of the article body, offsets in the article text. A name the
    gazetteer lacks is unresolved (null fields, as CONTRACT.md says); ``near`` names the town
    it was placed in ("Royal Street" near New Orleans)."""
    records = []
    offset = parsed.title_offset
    for toponym in places_of(parsed.doc, offset).toponyms:
        if toponym.start < offset:
            continue  # in the title, which is not part of the article text
        place = None if toponym.inferred else toponym.place
        records.append({
            "doc_id": parsed.article.id, "text": toponym.text,
            "start": toponym.start - offset, "end": toponym.end - offset,
            "name": place.name if place else None, "country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "geonameid": place.geonameid if place else None,
            "kind": place.kind if place else None,
            "near": toponym.place.name if toponym.inferred and toponym.place else None,
        })
    return records


def run_places(args: argparse.Namespace) -> int:
    return print_article_records(args, place_records)


def register(subparsers: argparse._SubParsersAction) -> None:
    places = subparsers.add_parser("places", help="print the resolved place names of articles")
    add_input_arguments(places)
    places.set_defaults(func=run_places)
