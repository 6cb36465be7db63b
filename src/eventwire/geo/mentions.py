"""Place names that locate nothing: a demonym that modifies a noun ("Russian officials") and a
place named inside an organisation's or a work's name ("Malaysia Airlines", "Peel Regional
Police", "the EU Aviation Strategy", "Louisville" for its team).

GeoWebNews counts them as toponyms (non-literal modifiers, metonyms, embedded names), so its
end-to-end recall counts them; the geo stage does not: an event is never placed at them, and
they do not weigh in the article's focus. ``mentions_of`` finds and resolves them beside the
article's places, for evaluations and for readers who want every name that points at a place.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, Gazetteer, Place
from eventwire.geo.toponyms import (
    EMBEDDED_MIN_POPULATION,
    ArticlePlaces,
    Toponym,
    name_words,
    resolve,
)

# A demonym names its country only where it modifies a noun: "Russian officials" (GeoWebNews: a
# non-literal modifier); "the Russians" are people (GeoWebNews: a demonym, no place).
MODIFIER_DEPS = {"amod", "compound", "nmod"}
# Entities whose names may hold a place name that stands for an institution, team or product.
NAMED_THINGS = {"ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"}
# Kinds named inside another name by any of their names (aliases included: "EU", "Holy See").
ANY_NAME_KINDS = {COUNTRY, REGION, CONTINENT}
MAX_EMBEDDED_TOKENS = 7  # "the Democratic People's Republic of Korea" inside a longer name


def mentions_of(doc: Doc, places: ArticlePlaces, gazetteer: Gazetteer) -> list[Toponym]:
    """The article's non-locational place names outside its toponyms, each resolved: a demonym
    to its country or region, an embedded name in the context of the article's places (which
    are read, not changed)."""
    taken = {i for t in places.toponyms for i in _token_range(doc, t.start, t.end)}
    demonyms = list(_demonyms(doc, gazetteer, taken))
    taken.update(i for t in demonyms for i in _token_range(doc, t.start, t.end))
    embedded = list(_embedded(doc, gazetteer, taken))
    if embedded:
        # copies: the article's own toponyms keep the places the pipeline gave them
        resolve([replace(t) for t in places.toponyms] + embedded, gazetteer, places.dateline)
    return sorted(demonyms + embedded, key=lambda t: t.start)


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _demonyms(doc: Doc, gazetteer: Gazetteer, taken: set[int]):
    """"Russian officials", "a Central American caravan": capitalised, outside any person's
    name, modifying a noun."""
    index = 0
    while index < len(doc):
        match = None
        for length in (2, 1):
            span = doc[index:index + length]
            if len(span) == length and _is_modifying_demonym(span, gazetteer, taken):
                match = span
                break
        if match is None:
            index += 1
            continue
        place = gazetteer.demonym_place(match.text)
        yield Toponym(match.text, match.start_char, match.end_char, [(place, True)], place=place)
        index = match.end


def _is_modifying_demonym(span: Span, gazetteer: Gazetteer, taken: set[int]) -> bool:
    if any(i in taken for i in range(span.start, span.end)):
        return False
    if not all(t.text[:1].isupper() and t.ent_type_ != "PERSON" for t in span):
        return False
    root = span.root
    return (root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.i not in range(span.start, span.end)
            and not _same_entity(root, root.head)  # "the French Quarter": a name of its own
            and gazetteer.demonym_place(span.text) is not None)


def _same_entity(token: Token, other: Token) -> bool:
    ents = [e for e in token.doc.ents if e.start <= token.i < e.end]
    return bool(ents) and ents[0].start <= other.i < ents[0].end


def _embedded(doc: Doc, gazetteer: Gazetteer, taken: set[int]):
    """The longest place names inside the names of organisations and works (the whole name
    too: a team or government called by its place, "Louisville", "the UAE")."""
    for ent in doc.ents:
        if ent.label_ not in NAMED_THINGS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        index = ent.start
        while index < ent.end:
            match = _embedded_at(doc, index, ent, gazetteer)
            if match is None:
                index += 1
                continue
            span, candidates = match
            yield Toponym(span.text, span.start_char, span.end_char, candidates)
            index = span.end


def _embedded_at(doc: Doc, index: int, ent: Span, gazetteer: Gazetteer
                 ) -> tuple[Span, list[tuple[Place, bool]]] | None:
    if not doc[index].text[:1].isupper():
        return None
    generic = name_words()["generic"]
    for length in range(min(MAX_EMBEDDED_TOKENS, ent.end - index), 0, -1):
        span = doc[index:index + length]
        if all(t.lower_.strip(".,") in generic for t in span):
            continue  # "Southern", "Central": a province's name only by itself
        candidates = [(p, main) for p, main in gazetteer.lookup(span.text) if _stands_out(p, main)]
        if candidates:
            return span, candidates
        place = gazetteer.demonym_place(span.text)
        if place is not None and length == 1 and ent.label_ == "ORG":
            # "the Russian Embassy"; not "the French Quarter", a place of its own
            return span, [(place, True)]
    return None


def _stands_out(place: Place, main: bool) -> bool:
    """A name important enough to be read inside another name: a country or region by any name,
    a state by its main name, a county or town of EMBEDDED_MIN_POPULATION by its main name."""
    if place.kind in ANY_NAME_KINDS:
        return True
    if place.kind == ADMIN1:
        return main
    return main and place.kind in (CITY, ADMIN2) and place.population >= EMBEDDED_MIN_POPULATION
