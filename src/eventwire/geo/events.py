"""Event locations: the place named where the event happened, else the article's focus place."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.geo.gazetteer import Place
from eventwire.geo.toponyms import LOCATIVE_PREPOSITIONS, ArticlePlaces, Toponym, places_of
from eventwire.records import Event, Location, ParsedArticle
from eventwire.time.anchors import opens_clause, path_crosses, sentence_of, trigger_token


def _location(place: Place, precision: str) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, precision=precision)


def _attachment_point(token: Token) -> Token | None:
    """The word a locative phrase modifies, skipping nested phrases: in "met at his residence in
    Sochi", "in Sochi" modifies "residence", which "at" attaches to "met": the answer is "met"."""
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return None
    point = token.head.head
    while point.dep_ == "pobj" and point.head.dep_ == "prep" and point.head.head != point:
        point = point.head.head
    return point


def place_score(toponym_root: Token, trigger: Token) -> int:
    """3: the place phrase modifies the trigger; 2: it modifies a word above the trigger, or below
    it in the same clause; 0: not where the event happened (another clause's place, or a place
    that describes an actor: "US Secretary of State", "Russian President")."""
    point = _attachment_point(toponym_root)
    if point is None:
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


def event_place(
    article_places: ArticlePlaces, parsed: ParsedArticle, event: Event
) -> Toponym | None:
    """The resolved place name where the event happened, if its sentence says so."""
    sentence = sentence_of(parsed, event)
    if sentence is None:
        return None
    trigger = trigger_token(sentence, event)
    span = sentence.span
    best: tuple[int, int, Toponym] | None = None
    for toponym in article_places.toponyms:
        if (toponym.place is None or toponym.inferred
                or not (span.start_char <= toponym.start < span.end_char)):
            continue
        name = parsed.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if name is None:
            continue
        score = place_score(name.root, trigger)
        if score and (best is None or (score, -abs(toponym.start - trigger.idx)) > best[:2]):
            best = (score, -abs(toponym.start - trigger.idx), toponym)
    return best[2] if best else None


# Sentences 0-2 (the headline and the first body sentences): news leads say where things happen.
LEAD_SENTENCES = 3


def locate_events(parsed: ParsedArticle, events: list[Event]) -> None:
    """Set each event's location: where it happened, else the article's focus place
    (``precision="focus"``), else None.

    The focus is the place of the lead's first located event ("Kerry met Putin ... in Sochi"),
    else the article's most prominent place name.
    """
    if not events:
        return
    article_places = places_of(parsed.doc, parsed.title_offset)
    places = [event_place(article_places, parsed, event) for event in events]
    lead = next((toponym.place for event, toponym in zip(events, places, strict=True)
                 if toponym is not None and toponym.place is not None
                 and event.sentence_index < LEAD_SENTENCES), None)
    focus = lead or article_places.focus
    for event, toponym in zip(events, places, strict=True):
        if toponym is not None and toponym.place is not None:
            event.location = _location(toponym.place, "place")
        elif focus is not None:
            event.location = _location(focus, "focus")
        else:
            event.location = None
