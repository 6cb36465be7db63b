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

from eventwire.geo.gazetteer import Place, load_gazetteer
from eventwire.geo.toponyms import LOCATIVE_PREPOSITIONS, ArticlePlaces, Toponym, places_of
from eventwire.nlp.anchors import opens_clause, path_crosses, sentence_of, trigger_token
from eventwire.records import Event, Location, ParsedArticle

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
    place_object_verbs: frozenset[str]
    place_heads: frozenset[str]
    stateless_speakers: frozenset[str]
    spoken_roots: frozenset[str]
    direction_words: frozenset[str]
    dateline_roots: frozenset[str]
    presence_codes: tuple[str, ...]
    visit_words: frozenset[str]


@lru_cache(maxsize=1)
def place_rules() -> PlaceRules:
    raw = yaml.safe_load((DATA / "event_places.yaml").read_text(encoding="utf-8"))
    return PlaceRules(frozenset(raw["media_appearances"]), frozenset(raw["actor_prepositions"]),
                      int(raw["lead_sentences"]), dict(raw["precision_of_kind"]),
                      frozenset(raw["place_object_verbs"]), frozenset(raw["place_heads"]),
                      frozenset(raw.get("stateless_speakers", [])), frozenset(raw.get("spoken_roots", [])),
                      frozenset(raw.get("direction_words", [])),
                      frozenset(str(root) for root in raw.get("dateline_roots", [])),
                      tuple(str(code) for code in raw.get("presence_codes", [])),
                      frozenset(raw.get("visit_words", [])))


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


def _precision(place: Place | None) -> str | None:
    """A place name the gazetteer lacks ("Batrah", "Al-Balad District") is a place: its own name,
    the coordinates of the town it was placed in when one is named near it, else none."""
    return "place" if place is None else place_rules().precision_of_kind.get(place.kind)


def _toponym_location(toponym: Toponym) -> Location:
    place = toponym.place
    if place is None or toponym.inferred:
        # Known by name only: the nearest named town's position when there is one.
        return Location(name=toponym.text, country=place.country if place else None,
                        lat=place.lat if place else None, lon=place.lon if place else None,
                        geonameid=None, precision="place")
    return _location(place, _precision(place))


def _attachment_point(token: Token) -> Token | None:
    """The word a locative phrase modifies, skipping nested phrases: in "met at his residence in
    Sochi", "in Sochi" modifies "residence", which "at" attaches to "met": the answer is "met"."""
    if (token.dep_ == "pobj" and token.head.lower_ == "of"
            and token.head.head.lower_ in place_rules().direction_words):
        # "ambushed north of Karbala", "in an ambush north of Karbala": the direction stands for
        # the locative phrase
        direction = token.head.head
        if direction.dep_ in ("advmod", "npadvmod") and direction.head != direction:
            return None if direction.head.lower_ in place_rules().media_appearances \
                else direction.head
        token = direction
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


def _phrase_root(token: Token) -> Token:
    """The noun a place name stands under when that noun says where: "the city of Deir Ezzor",
    "his Freetown home", "the West Bank's largest hospital", "Damboa town" give the noun."""
    heads = place_rules().place_heads
    for _ in range(3):
        head = token.head
        if token.dep_ in ("compound", "poss", "nmod", "appos") and head.lower_ in heads:
            token = head
        elif (token.dep_ == "pobj" and token.head.lower_ == "of" and head.head.lower_ in heads
              and head.head != head):
            token = head.head
        elif token.dep_ in ("compound", "nmod") and token.head.pos_ == "PROPN":
            token = head  # "Bama Town"
        else:
            break
    return token


def _is_place_argument(root: Token, verb: Token) -> bool:
    """"gunmen attacked Damboa town", "Eastern Slavonia was captured": the place is the verb's
    object (or passive subject) for verbs whose object is where they happen."""
    return (verb.lemma_.lower() in place_rules().place_object_verbs and root.head == verb
            and root.dep_ in ("dobj", "nsubjpass"))


def _joined_verb(trigger: Token) -> Token | None:
    """The verb a trigger continues: "attacked Katarko village, killed eight people" (a
    conjunct), "attacked Damboa town, killing over 60" (a participle)."""
    if trigger.dep_ == "conj" or (trigger.dep_ == "advcl" and trigger.tag_ == "VBG"):
        return trigger.head
    return None


def place_score(toponym_root: Token, trigger: Token) -> int:
    """3: the place phrase modifies the trigger, or is its object where the verb's object is a
    place ("attacked Damboa"); 2: it modifies a word above the trigger, or below it in the same
    clause; 0: not where the event happened (another clause's place, a place that describes an
    actor: "US Secretary of State", or a media appearance's)."""
    toponym_root = _phrase_root(toponym_root)
    if _is_place_argument(toponym_root, trigger) and not _in_media_appearance(toponym_root):
        return 3
    joined = _joined_verb(trigger)
    if joined is not None and _is_place_argument(toponym_root, joined):
        return 2
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
    # Verbs sharing a subject share a trailing place: "gunmen shot dead a soldier and wounded
    # five in the nearby city of Fallujah"; "were killed in Mosul and wounded ..." the other way.
    if _shared_subject_conjuncts(trigger, point):
        return 2
    return 0


def _shared_subject_conjuncts(first: Token, second: Token) -> bool:
    """Two coordinated verbs, the later one without a subject of its own."""
    for head, conjunct in ((first, second), (second, first)):
        if (conjunct.head == head and conjunct.dep_ == "conj" and conjunct.pos_ == "VERB"
                and head.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)):
            return True
    return False


def _coordinated(token: Token) -> bool:
    return token.dep_ == "conj"


def _sentence_toponyms(article_places: ArticlePlaces, parsed: ParsedArticle, span: Span
                       ) -> list[tuple[Toponym, Token]]:
    """The resolved, located names of a sentence with their root tokens."""
    found = []
    for toponym in article_places.starting_within(span.start_char, span.end_char):
        if _precision(toponym.place) is None:
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
    best: tuple[tuple[int, int, int], Toponym] | None = None
    for toponym, root in _sentence_toponyms(article_places, parsed, sentence.span):
        if _in_apposition(root) and not _in_apposition(trigger):
            # "X, a law professor at the University of California, Irvine, said", "Kupczyk, an
            # officer of a brigade in the Baltic Sea port, was shot": who, not where
            continue
        score = place_score(root, trigger)
        if (root.dep_ == "compound" and root.head == trigger and trigger.pos_ == "NOUN"
                and _precision(toponym.place) == "place"):
            score = 3  # "a Brussels summit", "the Paris talks" (a town's; "Syria talks": topic)
        # Equal scores: the finer place ("the Homs neighbourhood of Baba Amr", "the West Bank
        # city of Nablus"), then the nearer one.
        # A possessor is the wider place ("Baghdad's Sadr City neighbourhood").
        rank = (score, -_coarseness(toponym) - (root.dep_ == "poss"),
                -abs(toponym.start - trigger.idx))
        if score and (best is None or rank > best[0]):
            best = (rank, toponym)
    return best[1] if best else None


COARSENESS = {"place": 0, "admin1": 1, "country": 2}


def _coarseness(toponym: Toponym) -> int:
    place = None if toponym.inferred else toponym.place
    return -1 if place is None else COARSENESS.get(_precision(place) or "", 3) * 2 + (
        place.kind == "admin2")


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
                  article_focus: bool | None = None, places: ArticlePlaces | None = None) -> None:
    """Set each event's location: its clause's place; the dateline for the lead's events; a place
    tied to its actors; the article's focus when ``article_focus`` (None: the
    EVENTWIRE_ARTICLE_FOCUS switch, on by default) with ``precision="article_focus"``; else None.
    ``places``: the article's places when the caller has read them already (``places_of``).
    """
    if not events:
        return
    article_places = places if places is not None else places_of(parsed.doc, parsed.title_offset)
    lead = place_rules().lead_sentences
    found = [_own_place(article_places, parsed, event, lead) for event in events]
    lead_place = focus = None
    if article_focus_enabled(article_focus):
        # Where the lead's first located event happened ("Kerry met Putin ... in Sochi"): the
        # article's main event, which its headline and lead report.
        lead_place = next((toponym.place for event, (toponym, _) in zip(events, found, strict=True)
                           if toponym is not None and toponym.place is not None
                           and not toponym.inferred and event.sentence_index < lead), None)
        # The article's focus: that place when it is in the country the article's places point
        # to, else its most prominent place name.
        focus = (lead_place if lead_place is not None
                 and lead_place.country == article_places.focus_country else article_places.focus)
    present = _countries_at_dateline(article_places, events, found)
    for event, (toponym, how) in zip(events, found, strict=True):
        if toponym is not None:
            event.location = _toponym_location(toponym)
            event.evidence["location"] = _evidence(parsed, event, toponym, how)
            continue
        event.location = None
        if (lead_place is not None and event.sentence_index < lead
                and _actors_allow(event, lead_place.country)):
            fallback = lead_place  # "Kerry meets Putin" (the headline) in Sochi
        elif focus is not None and _speaks_at_dateline(article_places, parsed, event, present):
            fallback = article_places.dateline.place  # "TOKYO - ... Lavrov said": in Tokyo
        else:
            fallback = None if focus is None else _focus_fallback(
                focus, _names_focus(article_places, parsed, event, focus), event)
        if fallback is not None:
            event.location = _location(fallback, ARTICLE_FOCUS)
            event.evidence["location"] = {"from": ARTICLE_FOCUS, "text": None, "span": None}


def _own_place(article_places: ArticlePlaces, parsed: ParsedArticle, event: Event, lead: int
               ) -> tuple[Toponym | None, str | None]:
    """The event's own place name and where it was found: its clause, the dateline (the lead's
    events only, and only where no actor of the event is of another country: "MOSCOW - ... Turkey
    said" is where the reporter filed, not where Turkey spoke), a place tied to its actors."""
    dateline = article_places.dateline if event.sentence_index < lead else None
    if dateline is not None and dateline.place is not None and not _actors_allow(
            event, dateline.place.country):
        dateline = None
    for how, toponym in (("clause", event_place(article_places, parsed, event)),
                         ("dateline", dateline),
                         ("actor", actor_place(article_places, parsed, event))):
        if toponym is not None and _precision(toponym.place):
            return toponym, how
    return None, None


def _actor_countries(event: Event) -> set[str]:
    """The countries of the event's source and target (not IGO, NGO or MNC)."""
    countries = load_gazetteer().countries
    return {actor.country for actor in (event.source, event.target)
            if actor is not None and actor.country in countries}


def _actors_allow(event: Event, country: str | None) -> bool:
    """A place the text does not tie to the event may stand for it only in one of its actors'
    countries, or where no actor has a country: the focus of a story about Libya is not where
    Russia deployed troops, nor Turkey's capital where a Russian official spoke."""
    actors = _actor_countries(event)
    return not actors or country in actors


def _names_focus(article_places: ArticlePlaces, parsed: ParsedArticle, event: Event,
                 focus: Place) -> bool:
    """Whether the event's sentence names the focus place (its dateline does not: that is where
    the reporter filed; nor an apposition that says who an actor is: "Dr Burdick, professor at
    a hospital in Baltimore, said")."""
    sentence = sentence_of(parsed, event)
    return sentence is not None and any(
        toponym.place is focus and not toponym.inferred and toponym is not article_places.dateline
        and not (_spoken(event) and _in_apposition(root))
        for toponym, root in _sentence_toponyms(article_places, parsed, sentence.span))


def _in_apposition(toponym_root: Token) -> bool:
    """The name stands in an apposition that says who ("X, a law professor at the University of
    California, Irvine"); not the one that names a place noun ("the capital, Kabul"), nor one
    whose head is a place noun (`place_heads`: "in Hasakah, a city in northeastern Syria" says
    where)."""
    heads = place_rules().place_heads
    return any(token.dep_ == "appos" and token.lower_ not in heads
               for token in _phrase_root(toponym_root).ancestors)


def _focus_fallback(focus: Place, named: bool, event: Event) -> Place | None:
    """What the article's focus says of an event the text ties to no place: the focus place
    itself when the event's sentence names it ("a journalist was shot to death as he walked to
    his office ... in Istanbul"); else only its country, and only where one of the event's actors
    is of that country or none has a country: the town the article mentions most is not where
    each of its events happened (a statement by an official, an earlier ruling), nor is its
    country where foreign actors did something it does not place. Words spoken name their topic:
    a statement naming the focus place is placed there only as any other statement would be,
    and a statement of an international body not at all."""
    if named and not _spoken(event):
        return focus  # "Israeli troops killed three men in a raid near Jenin": where it was done
    if not focus.country or not _actors_allow(event, focus.country) or _stateless_speaker(event):
        return None  # named or not: "Paul said most Americans can't find Montenegro on a map"
    return focus if named else load_gazetteer().countries.get(focus.country)


def _speaks_at_dateline(article_places: ArticlePlaces, parsed: ParsedArticle, event: Event,
                        present: set[str]) -> bool:
    """Words spoken or a meeting (`dateline_roots`) of a person with a role (an actor with a
    sector: "Foreign Minister Lavrov said", "Rice and the prime minister met") that the text
    places nowhere are where the reporter filed from (the dateline), also past the lead and for
    a visitor of another country, but only where the speaker is there: an actor of the
    dateline's country, a country meeting there (``present``), a speaker the article says visits
    (`visit_words`); not "WASHINGTON - Putin said", nor a state's or a body's words ("Turkey
    criticized Germany", "the ministry said in a statement"): those are issued at home."""
    dateline = article_places.dateline
    source = event.source
    if not (dateline is not None and dateline.place is not None and not dateline.inferred
            and event.cameo_root in place_rules().dateline_roots
            and source is not None and bool(source.sectors) and source.name is not None):
        return False
    return (bool(_actor_countries(event)) and _actors_allow(event, dateline.place.country)
            or source.country in present or _visiting(parsed, source.name))


def _countries_at_dateline(article_places: ArticlePlaces, events: list[Event],
                           found: list[tuple[Toponym | None, str | None]]) -> set[str]:
    """The countries whose actors meet or visit (`presence_codes`) at the dateline's place."""
    dateline = article_places.dateline
    if dateline is None or dateline.place is None:
        return set()
    codes = place_rules().presence_codes
    return {country for event, (toponym, _) in zip(events, found, strict=True)
            if toponym is not None and toponym.place is dateline.place
            and event.cameo.startswith(codes) for country in _actor_countries(event)}


def _visiting(parsed: ParsedArticle, name: str) -> bool:
    """Whether a sentence naming the person says a visit (`visit_words`): "Xi, on his first
    state visit, said"."""
    surname = name.split()[-1].lower() if name.split() else ""
    words = place_rules().visit_words
    return bool(surname) and any(
        any(token.lower_ == surname for token in sentence.span)
        and any(token.lemma_.lower() in words for token in sentence.span)
        for sentence in parsed.sentences)


def _spoken(event: Event) -> bool:
    """A statement, appeal, demand, criticism or threat (`spoken_roots`): a place it names is
    often its topic, not where it was said."""
    return event.cameo_root in place_rules().spoken_roots


def _stateless_speaker(event: Event) -> bool:
    """A statement by a body of no country ("The UN says 20 million people face famine", "IMF
    chief Christine Lagarde said ...") is made at its seat or on its travels, not in the country
    the article is about (`stateless_speakers`, `spoken_roots`)."""
    return (event.source is not None and _spoken(event)
            and event.source.country in place_rules().stateless_speakers)


def _evidence(parsed: ParsedArticle, event: Event, toponym: Toponym, how: str) -> dict:
    """How the place was found, and the name's offsets within the event's sentence (as the
    coder's spans) when it is there."""
    sentence = sentence_of(parsed, event)
    span = None
    if sentence is not None and sentence.span.start_char <= toponym.start < sentence.span.end_char:
        lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
        start = toponym.start - sentence.span.start_char - lead
        span = [start, start + toponym.end - toponym.start]
    return {"from": how, "text": toponym.text, "span": span}
