"""Event locations: where each event happened, not where it was reported.

In order: the place named in the event's clause ("met ... in Sochi"); for the article's main
events (the lead), the dateline; a place the text ties to one of the event's actors ("protesters
in Haifa"); else, only when the fallback is on, the article's focus place (``precision =
"article_focus"``); else none. ``Location.precision`` says which: ``place`` (a town, district or
county), ``admin1`` (a state, province or region), ``country``, ``article_focus``.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from eventwire.geo.gazetteer import Place
from eventwire.geo.toponyms import LOCATIVE_PREPOSITIONS, ArticlePlaces, Toponym, places_of
from eventwire.records import Event, Location, ParsedArticle
from eventwire.time.anchors import opens_clause, path_crosses, sentence_of, trigger_token

DATA = Path(__file__).with_name("data")
ARTICLE_FOCUS = "article_focus"
# Off with `--no-article-focus` (code, ingest) or EVENTWIRE_ARTICLE_FOCUS=0: then an event whose
# text says nowhere gets no location rather than the article's focus place.
ENV_SWITCH = "EVENTWIRE_ARTICLE_FOCUS"


@dataclass(frozen=True)
class PlaceRules:
    media_appearances: frozenset[str]
    actor_prepositions: frozenset[str]
    lead_sentences: int
    precision_of_kind: dict[str, str]


@lru_cache(maxsize=1)
def place_rules() -> PlaceRules:
    raw = yaml.safe_load((DATA / "event_places.yaml").read_text(encoding="utf-8"))
    return PlaceRules(frozenset(raw["media_appearances"]), frozenset(raw["actor_prepositions"]),
                      int(raw["lead_sentences"]), dict(raw["precision_of_kind"]))


class _NoArticleFocus(argparse.Action):
    """Turns the switch off for this process and the workers it starts (scale/)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        os.environ[ENV_SWITCH] = "0"
        setattr(namespace, self.dest, False)


def add_article_focus_argument(parser: argparse.ArgumentParser) -> None:
    """``--no-article-focus``: no location for an event whose text says nowhere, instead of the
    article's focus place (the default, marked ``precision: article_focus``)."""
    parser.add_argument("--no-article-focus", dest="article_focus", nargs=0, action=_NoArticleFocus,
                        default=True, help="an event whose text names no place gets no location "
                        "(default: the article's focus place, precision article_focus)")


def article_focus_enabled(requested: bool | None = None) -> bool:
    """``requested`` when given, else the environment switch (on unless set to 0/off/false)."""
    if requested is not None:
        return requested
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "off", "false", "no")


def _location(place: Place, precision: str) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, precision=precision)


def _precision(place: Place) -> str | None:
    return place_rules().precision_of_kind.get(place.kind)


def _attachment_point(token: Token) -> Token | None:
    """The word a locative phrase modifies, skipping nested phrases: in "met at his residence in
    Sochi", "in Sochi" modifies "residence", which "at" attaches to "met": the answer is "met"."""
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return None
    point = token.head.head
    while point.dep_ == "pobj" and point.head.dep_ == "prep" and point.head.head != point:
        if point.lower_ in place_rules().media_appearances:
            return None  # "in an interview in New York": where it was said, not done
        point = point.head.head
    if point.lower_ in place_rules().media_appearances:
        return None
    return point


def _in_media_appearance(toponym_root: Token) -> bool:
    """"said during an interview Sunday with ABC's 'This Week'": a name inside the phrase of a
    media appearance is the medium or its studio, never the event's place."""
    return any(a.lower_ in place_rules().media_appearances and a.pos_ in ("NOUN", "PROPN")
               for a in toponym_root.ancestors if a.pos_ not in ("VERB", "AUX"))


def place_score(toponym_root: Token, trigger: Token) -> int:
    """3: the place phrase modifies the trigger; 2: it modifies a word above the trigger, or below
    it in the same clause; 0: not where the event happened (another clause's place, a place that
    describes an actor: "US Secretary of State", or a media appearance's)."""
    point = _attachment_point(toponym_root)
    if point is None or _in_media_appearance(toponym_root):
        return 0
    if point == trigger:
        return 3
    # Above the trigger, but not through a coordination ("conflicts in Syria ... as well as
    # negotiations with Iran"); below it, but not in a clause of its own ("said that the talks in
    # Vienna collapsed").
    if point in trigger.ancestors and not path_crosses(trigger, point, _coordinated):
        return 2
    if trigger in point.ancestors and not path_crosses(point, trigger, opens_clause):
        return 2
    return 0


def _coordinated(token: Token) -> bool:
    return token.dep_ == "conj"


def _sentence_toponyms(article_places: ArticlePlaces, parsed: ParsedArticle, span: Span
                       ) -> list[tuple[Toponym, Token]]:
    """The resolved, located names of a sentence with their root tokens."""
    found = []
    for toponym in article_places.toponyms:
        if (toponym.place is None or toponym.inferred or _precision(toponym.place) is None
                or not (span.start_char <= toponym.start < span.end_char)):
            continue
        name = parsed.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if name is not None:
            found.append((toponym, name.root))
    return found


def event_place(
    article_places: ArticlePlaces, parsed: ParsedArticle, event: Event
) -> Toponym | None:
    """The resolved place name where the event happened, if its clause says so."""
    sentence = sentence_of(parsed, event)
    if sentence is None:
        return None
    trigger = trigger_token(sentence, event)
    best: tuple[int, int, Toponym] | None = None
    for toponym, root in _sentence_toponyms(article_places, parsed, sentence.span):
        score = place_score(root, trigger)
        if score and (best is None or (score, -abs(toponym.start - trigger.idx)) > best[:2]):
            best = (score, -abs(toponym.start - trigger.idx), toponym)
    return best[2] if best else None


def _actor_tokens(event: Event, span: Span) -> list[Token]:
    """The head tokens of the event's source and target (evidence spans within the sentence)."""
    lead = len(span.text) - len(span.text.lstrip())
    tokens = []
    for role in ("source", "target"):
        offsets = (event.evidence or {}).get("spans", {}).get(role)
        if not offsets or len(offsets) != 2:
            continue
        start = span.start_char + lead + int(offsets[0])
        found = span.doc.char_span(start, span.start_char + lead + int(offsets[1]),
                                   alignment_mode="expand")
        if found is not None and len(found):
            tokens.append(found.root)
    return tokens


def actor_place(article_places: ArticlePlaces, parsed: ParsedArticle, event: Event
                ) -> Toponym | None:
    """A place the sentence ties to one of the event's actors by a locative phrase: "protesters
    in Haifa clashed with police" (not "US Secretary of State": a title names no place of an
    event, nor does a country's name before an actor)."""
    sentence = sentence_of(parsed, event)
    if sentence is None:
        return None
    actors = _actor_tokens(event, sentence.span)
    prepositions = place_rules().actor_prepositions
    for toponym, root in _sentence_toponyms(article_places, parsed, sentence.span):
        if root.dep_ == "pobj" and root.head.lower_ in prepositions and root.head.head in actors \
                and not _in_media_appearance(root):
            return toponym
    return None


def locate_events(parsed: ParsedArticle, events: list[Event],
                  article_focus: bool | None = None) -> None:
    """Set each event's location: its clause's place; the dateline for the lead's events; a place
    tied to its actors; the article's focus place when ``article_focus`` (None: the
    EVENTWIRE_ARTICLE_FOCUS switch, on by default) with ``precision="article_focus"``; else None.
    """
    if not events:
        return
    article_places = places_of(parsed.doc, parsed.title_offset)
    lead = place_rules().lead_sentences
    dateline = article_places.dateline.place if article_places.dateline is not None else None
    places = []
    for event in events:
        toponym = event_place(article_places, parsed, event)
        place = toponym.place if toponym is not None else None
        if place is None and event.sentence_index < lead:
            place = dateline
        if place is None:
            toponym = actor_place(article_places, parsed, event)
            place = toponym.place if toponym is not None else None
        places.append(place if place is not None and _precision(place) is not None else None)
    focus = None
    if article_focus_enabled(article_focus):
        # The article's focus: where its lead's first located event happened ("Kerry met Putin
        # ... in Sochi"), else its most prominent place name.
        focus = next((place for event, place in zip(events, places, strict=True)
                      if place is not None and event.sentence_index < lead), article_places.focus)
    for event, place in zip(events, places, strict=True):
        if place is not None:
            event.location = _location(place, _precision(place))
        elif focus is not None:
            event.location = _location(focus, ARTICLE_FOCUS)
        else:
            event.location = None
