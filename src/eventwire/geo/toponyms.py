"""Toponym recognition (spaCy entities plus gazetteer matches) and resolution in context.

Resolution scores each gazetteer candidate of a name:
- prior importance: log10 of the population, plus a bonus by kind (countries and capitals first);
- the article's focus country (the country its place names point to, a name used as a place,
  "in Sochi", counting more than one that modifies a noun, "a US official") and the other
  countries it mentions;
- nearness to the other places the article mentions (a town near the article's other towns, a
  state whose towns it names);
- a qualifier right after the name: "Paris, Texas" keeps only candidates in Texas.
Demonyms ("Russian") are never places: they describe actors.
"""

from __future__ import annotations

import bisect
import csv
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from eventwire.geo.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    EARTH_RADIUS_KM,
    REGION,
    Gazetteer,
    Place,
    distance_km,
    load_gazetteer,
)
from eventwire.geo.labels import MISLABELLED, PLACE_LABELS, OtherwiseLabelled, trim

# Where something is or happens ("in Sochi"): the geo stage's set, with "within", "throughout", "on".
from eventwire.words import GEO_LOCATIVE_PREPOSITIONS as LOCATIVE_PREPOSITIONS

# Names matched from the gazetteer alone (no entity around them) must be this important, so that
# ordinary capitalised words ("Mobile", "Reading") are not taken for towns.
GAZETTEER_ONLY_KINDS = {COUNTRY, ADMIN1, CONTINENT, REGION}
GAZETTEER_ONLY_MIN_POPULATION = 500_000
# After a locative preposition ("demonstrated in Copenhagen", "villages in Swat") a capitalised
# proper noun that is the main name of a town of this size is a place, whatever label the small
# spaCy model gave it (it calls "Copenhagen" an organisation).
LOCATIVE_MIN_POPULATION = 20_000
EMBEDDED_MIN_POPULATION = 100_000  # a town named inside a longer name ("Dubai World Cup")
MAX_NAME_TOKENS = 4
POSSESSIVES = ("'s", "’s", "'", "’")
KIND_BONUS = {COUNTRY: 2.0, CONTINENT: 1.0, REGION: 0.0, ADMIN1: 0.0, ADMIN2: 0.0, CITY: 0.0}
REGION_PRIOR = 7.0  # regions carry no population: rank them like a large country
CAPITAL_BONUS = 1.0
MAIN_NAME_BONUS = 1.0
FOCUS_COUNTRY_BONUS = 1.5
MENTIONED_COUNTRY_BONUS = 0.5
NEARBY_BONUS = 1.0
LOCAL_KINDS = (CITY, ADMIN2)  # places small enough to locate a street or building in them
UNKNOWN_NAME_CONTEXT_CHARS = 2000  # about a few paragraphs
NEARBY_KM = 400.0
CLOSE_KM = 100.0
SMALL_TOWN_POPULATION = 15_000  # smaller towns need another place nearby to be chosen
CITY_OVER_STATE_SHARE = 0.1
# Words that make another place of the name they precede: "New England" is not England (but
# "Greater London" and "North London" are London).
NAME_MAKING_WORDS = {"new"}
# Towns named by an alternate name need another place nearby below this size (see
# _nearness_bonus), as towns under SMALL_TOWN_POPULATION do by their main names.
ALTERNATE_NAME_MIN_POPULATION = 100_000


@dataclass
class Toponym:
    """A place name in the coded text (``start``/``end`` are offsets in ``doc.text``)."""

    text: str
    start: int
    end: int
    candidates: list[tuple[Place, bool]] = field(default_factory=list)
    place: Place | None = None
    qualifier: Toponym | None = None  # "Texas" in "Paris, Texas"
    weight: float = 1.0  # how much the mention says the article is about this place
    # A name the gazetteer lacks ("Royal Street") is placed at the nearest town named around it.
    inferred: bool = False
    # "Mosul's Old City": the qualifier is a town that owns the place, which must lie near it.
    possessed: bool = False


LOCATIVE_WEIGHT = 2.0  # "talks in Sochi": the article is about a place
MODIFIER_WEIGHT = 0.25  # "a US official", "the Ukraine ceasefire": it is about something else


def mention_weight(span: Span) -> float:
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return LOCATIVE_WEIGHT
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        return MODIFIER_WEIGHT
    return 1.0


@lru_cache(maxsize=1)
def name_words() -> dict[str, set[str]]:
    """Feature words by role ("generic", "street"), from ``data/name_words.tsv``."""
    roles: dict[str, set[str]] = {}
    path = Path(__file__).with_name("data") / "name_words.tsv"
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            roles.setdefault(row["role"], set()).add(row["word"])
    return roles


def _words_of(role: str, words: list[str]) -> list[bool]:
    listed = name_words()[role]
    return [word.lower().strip(".,") in listed for word in words]


def candidates_of(gazetteer: Gazetteer, name: str) -> list[tuple[Place, bool]]:
    """Gazetteer candidates of a name, else of the most important place name inside it:
    "University of California" -> California, "Dubai World Cup" -> Dubai, "Russian Embassy" ->
    Russia (a demonym inside a name locates the name). A street ("Northumberland Avenue") is
    not in the place it is named after, and generic words ("Rogers Centre") locate nothing."""
    candidates = gazetteer.lookup(name)
    if candidates:
        return candidates
    words = name.split()
    if any(_words_of("street", words[-1:])):
        return []
    for length in range(len(words) - 1, 0, -1):
        for start in range(len(words) - length + 1):
            part = " ".join(words[start:start + length])
            rest = words[:start] + words[start + length:]
            if (not part[:1].isupper() or all(_words_of("generic", words[start:start + length]))
                    or all(word.lower() in NAME_MAKING_WORDS for word in rest)):
                continue
            inner = [(p, m) for p, m in gazetteer.lookup(part) if m and (
                p.kind in GAZETTEER_ONLY_KINDS or p.population >= EMBEDDED_MIN_POPULATION)]
            if inner:
                return inner
            place = gazetteer.demonym_place(part)
            if place is not None:
                return [(place, True)]
    return []


def recognise(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names in a parsed text: GPE/LOC/FAC entities, then gazetteer names outside entities."""
    found: list[Toponym] = []
    covered: set[int] = set()
    person_state = _PersonLabelledStates(doc)
    otherwise = OtherwiseLabelled(doc)
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        span = trim(ent)
        if ent.label_ in PLACE_LABELS and otherwise.mostly(span, gazetteer):
            continue
        if ent.label_ not in PLACE_LABELS and not (
                ent.label_ == "ORG" and _names_country_or_state(span.text, gazetteer)) and not (
                ent.label_ in MISLABELLED and _locative_town(span, gazetteer)) and not (
                ent.label_ == "PERSON" and person_state.is_place(span, gazetteer)):
            continue
        if len(span) == 0 or gazetteer.demonym_country(span.text):
            continue
        candidates = candidates_of(gazetteer, span.text)
        found.append(Toponym(span.text, span.start_char, span.end_char, candidates,
                             weight=mention_weight(span)))
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in covered or not token.text[:1].isupper() or token.pos_ != "PROPN":
            index += 1
            continue
        match = _gazetteer_match(doc, index, covered, gazetteer)
        if match is None:
            index += 1
            continue
        span, candidates = match
        found.append(Toponym(span.text, span.start_char, span.end_char, candidates,
                             weight=mention_weight(span)))
        index = span.end
    found.sort(key=lambda t: t.start)
    link_qualifiers(doc.text, found)
    return found


def _names_country_or_state(text: str, gazetteer: Gazetteer) -> bool:
    """Whether an organisation entity is, as a whole, the name of a country or state: spaCy's
    small model often labels "Canada" or "Zimbabwe" so, in sports results and lists. (Person
    entities are left alone: "Jordan", "Georgia" and "Victoria" are people's names too.)"""
    if not text or (len(text) <= 3 and text.isupper()) or all(_words_of("generic", text.split())):
        return False  # "771 BC", "NJ Transit"; "Southern" (Zambia's Southern Province)
    return any(main and place.kind in (COUNTRY, ADMIN1) for place, main in gazetteer.lookup(text))


class _PersonLabelledStates:
    """The small model labels "Tamil Nadu" or "Azerbaijan" a person now and then. A person
    entity is a place when it is as a whole the main name of a country or state (not a state
    named as its capital, below), and either has several words ("Tamil Nadu": no one's name)
    or the article labels the same name a place elsewhere and never uses it inside a person's
    longer name: "Jordan" stays a person in a story of Michael Jordan, and in one that never
    names the country as a place."""

    def __init__(self, doc: Doc) -> None:
        self.places = {ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS}
        self.in_names = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                         for t in ent}

    def is_place(self, span: Span, gazetteer: Gazetteer) -> bool:
        if not all(t.text[:1].isupper() for t in span) or span.text in self.in_names:
            return False
        if len(span) == 1 and span.text not in self.places:
            return False
        return _names_country_or_state(span.text, gazetteer) and not _names_a_capital(
            span.text, gazetteer)


def _names_a_capital(text: str, gazetteer: Gazetteer) -> bool:
    """A state's name that a capital bears too ("Kiev", the oblast and the city; "Moscow"), and
    no country's: a person-labelled capital is mostly its government ("relations with Kiev"),
    and would draw the article's focus. "Mexico" and "Djibouti" name their countries first."""
    candidates = gazetteer.lookup(text)
    return (any(place.kind == CITY and place.capital for place, _ in candidates)
            and not any(main and place.kind == COUNTRY for place, main in candidates))


def _locative_town(span: Span, gazetteer: Gazetteer) -> bool:
    """A capitalised proper name right after a locative preposition ("in", "near", "outside",
    optionally "the") that is the main name of a town of LOCATIVE_MIN_POPULATION or more, a
    county, a state or a country: "demonstrated in Copenhagen", "captured villages in Swat"."""
    if len(span) == 0 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return False
    if len(span.text) <= 3 and span.text.isupper():
        return False  # "outside the UN's Baghdad headquarters": an abbreviation, not Un, India
    before = span.doc[span.start - 1] if span.start > 0 else None
    article = before is not None and before.lower_ == "the"
    if article and span.start > 1:
        before = span.doc[span.start - 2]
    if before is None or before.lower_ not in LOCATIVE_PREPOSITIONS - {"on"}:
        return False
    # A town's or a district's name takes no article: "aimed at the Mercedes", "inside the
    # Mercedes" is a car; a region's may ("in the Punjab").
    return any(main and (place.kind not in LOCAL_KINDS if article else
                         place.kind != CITY or place.population >= LOCATIVE_MIN_POPULATION)
               for place, main in gazetteer.lookup(span.text))


def _gazetteer_match(
    doc: Doc, index: int, covered: set[int], gazetteer: Gazetteer
) -> tuple[Span, list[tuple[Place, bool]]] | None:
    """The longest important gazetteer name starting at ``index`` outside any entity."""
    for length in range(MAX_NAME_TOKENS, 0, -1):
        end = index + length
        if end > len(doc) or any(i in covered for i in range(index, end)):
            continue
        span = doc[index:end]
        candidates = [
            (place, main) for place, main in gazetteer.lookup(span.text)
            if main and (place.kind in GAZETTEER_ONLY_KINDS
                         or place.population >= GAZETTEER_ONLY_MIN_POPULATION)
        ]
        if (candidates or _locative_town(span, gazetteer)) and not gazetteer.demonym_country(
                span.text):
            return span, gazetteer.lookup(span.text)
    return None


def link_qualifiers(text: str, toponyms: list[Toponym]) -> None:
    """In "Paris, Texas" the second name qualifies the first (``toponyms`` in text order); in
    "China, Japan and South Korea" a country is listed, not qualified (Japan has a town China).
    """
    for first, second in zip(toponyms, toponyms[1:], strict=False):
        between = text[first.end:second.start]
        if (between.strip() == "," and _contains_any(second, first)
                and not any(place.kind == COUNTRY for place, _ in first.candidates)):
            first.qualifier = second
        elif between.strip() in POSSESSIVES and _names_a_town_only(first):
            # "Mosul's Old City": a part of the town, not a namesake abroad (the one in Jerusalem)
            second.qualifier, second.possessed = first, True


def _names_a_town_only(toponym: Toponym) -> bool:
    """"Mosul", not "Georgia" nor "New York" (also a country or a state: their possessives are
    left to the usual scoring, "Russia's Crimea")."""
    kinds = {place.kind for place, _ in toponym.candidates}
    return bool(kinds) and kinds <= set(LOCAL_KINDS)


def _contains_any(container: Toponym, toponym: Toponym) -> bool:
    return any(_within(place, outer) for place, _ in toponym.candidates
               for outer, _ in container.candidates)


def _within(place: Place, container: Place) -> bool:
    if place is container:
        return False
    if container.kind == COUNTRY:
        return place.country == container.country and place.kind in (ADMIN1, ADMIN2, CITY)
    if container.kind == ADMIN1:
        return (place.kind in (ADMIN2, CITY) and place.country == container.country
                and place.admin1 is not None and place.admin1 == container.admin1)
    return False


def _part_of(place: Place, container: Place) -> bool:
    """Inside a state or country, or a town's district: "Baghdad's Sadr City"."""
    if container.kind in LOCAL_KINDS:
        return (place.kind in LOCAL_KINDS and place is not container
                and distance_km(place.lat, place.lon, container.lat, container.lon) < CLOSE_KM)
    return _within(place, container)


def prior(place: Place, main_name: bool) -> float:
    """Importance of a candidate before context."""
    base = REGION_PRIOR if place.kind == REGION else math.log10(place.population + 1)
    return (base + KIND_BONUS[place.kind] + (CAPITAL_BONUS if place.capital else 0.0)
            + (MAIN_NAME_BONUS if main_name else 0.0))


# (candidate, is its main name) -> score, or None where the context rules the candidate out
Scorer = Callable[[Place, bool], float | None]


@dataclass
class ArticlePlaces:
    """The resolved toponyms of an article and its focus."""

    toponyms: list[Toponym]
    focus_country: str | None
    focus: Place | None  # the place the article is about (a city or region when it has one)
    dateline: Toponym | None = None  # "MOSCOW, May 12 (Reuters) -": where the reporter filed
    _by_start: list[tuple[int, int]] | None = field(default=None, init=False, repr=False,
                                                   compare=False)

    def named_countries(self) -> list[tuple[str, str, float]]:
        """(name as written, country, weight) of each place name the gazetteer placed itself
        (not one placed only by the names around it), in text order: where the article
        happens, for the actors stage."""
        return [(t.text, t.place.country, t.weight) for t in self.toponyms
                if t.place is not None and t.place.country and not t.inferred]

    def starting_within(self, start: int, end: int) -> list[Toponym]:
        """The toponyms that start at a character offset in [start, end), in list order: a
        sentence's, found without reading every name of a long article for each event."""
        if self._by_start is None:
            self._by_start = sorted((t.start, i) for i, t in enumerate(self.toponyms))
        first = bisect.bisect_left(self._by_start, (start, -1))
        last = bisect.bisect_left(self._by_start, (end, -1))
        return [self.toponyms[i] for i in sorted(i for _, i in self._by_start[first:last])]


def resolve(toponyms: list[Toponym], gazetteer: Gazetteer, dateline: Toponym | None = None
            ) -> ArticlePlaces:
    """Choose a place for each toponym in the context of the whole article: a first reading of
    every name by importance alone tells which countries and towns the article is about; each
    name is then read again in that context."""
    context = _ArticleContext.of(toponyms, dateline)
    for toponym in toponyms:
        toponym.place = _best(toponym, _NameInContext(toponym, context).score)
    focus = _focus(toponyms, context.focus_country, gazetteer, dateline)
    _place_unknown_names(toponyms, context.focus_country)
    return ArticlePlaces(toponyms, context.focus_country, focus)


@dataclass
class _ArticleContext:
    """What the first reading of an article's names says: its countries (weighted by how the
    names are used), its focus country, and its towns, counties and states."""

    first_pass: dict[int, Place | None]  # by id() of the toponym
    countries: Counter[str]
    by_name: dict[str, Counter[str]]  # the countries each name's first readings gave
    focus_country: str | None
    neighbours: _Neighbours

    @classmethod
    def of(cls, toponyms: list[Toponym], dateline: Toponym | None) -> _ArticleContext:
        first_pass = {id(t): _best(t, prior) for t in toponyms}
        countries: Counter[str] = Counter()
        by_name: dict[str, Counter[str]] = {}
        for toponym in toponyms:
            place = first_pass[id(toponym)]
            if place is not None and place.country:
                countries[place.country] += toponym.weight
                by_name.setdefault(toponym.text, Counter())[place.country] += toponym.weight
        if dateline is not None and first_pass.get(id(dateline)) is not None:
            countries[first_pass[id(dateline)].country] += len(toponyms)  # the dateline decides
        focus_country = countries.most_common(1)[0][0] if countries else None
        # Each place once: a long article names the same towns many times.
        local = list({id(p): p for p in first_pass.values()
                      if p is not None and p.kind in (CITY, ADMIN1, ADMIN2)}.values())
        return cls(first_pass, countries, by_name, focus_country, _Neighbours(local))


class _NameInContext:
    """Scores the candidates of one toponym in its article's context."""

    def __init__(self, toponym: Toponym, context: _ArticleContext) -> None:
        self.toponym = toponym
        self.focus_country = context.focus_country
        own = context.first_pass[id(toponym)]
        # A name's own first reading is no evidence for itself.
        self.others = context.countries - Counter(
            {own.country: toponym.weight} if own is not None and own.country else {})
        # Nor, for choosing between its main and alternate names, are its other mentions'.
        self.elsewhere = context.countries - context.by_name.get(toponym.text, Counter())
        self.own = own
        self.neighbours = context.neighbours
        # "West Coast", "Western", "Republic": a description, which names a place of the
        # article's own country if any ("the West Coast" in an American story).
        self.descriptive = all(_words_of("generic", toponym.text.split()))
        # The countries of the candidates that bear the name as their main name.
        self.named_in = {p.country for p, main in toponym.candidates if main and p.country}

    def score(self, place: Place, main: bool) -> float | None:
        """The candidate's score, or None where the context rules it out."""
        # A description names a place only by that place's own name: "the North" is not North
        # Salt Lake, whose GeoNames entry lists "North" among its other names.
        if (self.descriptive and (place.country != self.focus_country or not main)) or (
                not main and self.alternate_yields(place)):
            return None
        value = prior(place, main)
        if place.country and place.country == self.focus_country:
            value += FOCUS_COUNTRY_BONUS
        elif place.country in self.others:
            value += MENTIONED_COUNTRY_BONUS
        # A town named by an alternate name competes with the places bearing that name as
        # their main name only with a neighbour, as a small town does.
        nearness = _nearness_bonus(place, self.neighbours, self.own, main or not self.named_in)
        if nearness is None and self.qualified(place):  # "Visbek, Germany" needs no neighbour
            nearness = 0.0
        return None if nearness is None else value + nearness

    def alternate_yields(self, place: Place) -> bool:
        """An alternate name (a translation, a former name: "White House" for Casablanca,
        "Salisbury" for Harare) yields to a place that bears it as its main name in the focus
        country; a town's also to one in a country the article mentions when the town's own
        country goes unmentioned ("Congo" stays a country in a story that mentions Brazil,
        which has a district of that name)."""
        if not self.named_in or place.country is None:
            return False
        return (self.focus_country in self.named_in and place.country != self.focus_country) or (
            place.kind in LOCAL_KINDS and bool(self.named_in & self.elsewhere.keys())
            and place.country not in self.elsewhere)

    def qualified(self, place: Place) -> bool:
        """True for a candidate inside the name's qualifier ("Paris, Texas")."""
        qualifier = self.toponym.qualifier
        return qualifier is not None and any(
            _within(place, outer) for outer, _ in qualifier.candidates)


class _Neighbours:
    """The article's towns, counties and states, indexed for the two questions a candidate asks
    of them: is one within ``km`` of it, and does one lie in it (a state)? Answered without
    measuring every place of a long article for every candidate of every name."""

    def __init__(self, places: list[Place]) -> None:
        self.by_lat = sorted(places, key=lambda p: p.lat)
        self.lats = [p.lat for p in self.by_lat]
        self.by_admin1: dict[tuple[str | None, str], list[Place]] = {}
        for other in places:
            if other.kind in (ADMIN2, CITY) and other.admin1 is not None:
                self.by_admin1.setdefault((other.country, other.admin1), []).append(other)

    def nearest_km(self, place: Place, limit_km: float, besides: Place | None) -> float:
        """The distance to the nearest other place (never ``besides``), when under
        ``limit_km``; else infinity. A great circle is never shorter than its latitude
        difference, so only places in that band of latitude are measured."""
        band = limit_km / (EARTH_RADIUS_KM * math.pi / 180) * 1.001  # a margin for rounding
        first = bisect.bisect_left(self.lats, place.lat - band)
        last = bisect.bisect_right(self.lats, place.lat + band)
        nearest = min((distance_km(place.lat, place.lon, other.lat, other.lon)
                       for other in self.by_lat[first:last]
                       if other is not place and other is not besides), default=math.inf)
        return nearest if nearest < limit_km else math.inf

    def any_within(self, state: Place, besides: Place | None) -> bool:
        return any(other is not besides and other is not state
                   for other in self.by_admin1.get((state.country, state.admin1), ()))


def _nearness_bonus(place: Place, neighbours: _Neighbours, own: Place | None,
                    main_name: bool = True) -> float | None:
    """How near a candidate is to the other places the article names: a town or county close
    to one of them (twice within a metro area), a state containing one. None for a small town
    far from all of them: more likely a word, a street or a building of the same name
    ("Hubbard Street", "August"); and for a town under 100,000 people named by one of its
    alternate names (``main_name`` False), which GeoNames fills with neighbourhoods, squares
    and former names ("Washington Square" for Franklin Square, New York)."""
    small = SMALL_TOWN_POPULATION if main_name else ALTERNATE_NAME_MIN_POPULATION
    if place.kind in (CITY, ADMIN2):
        nearest_km = neighbours.nearest_km(place, NEARBY_KM, besides=own)
        if nearest_km < NEARBY_KM:
            return NEARBY_BONUS * (2 if nearest_km < CLOSE_KM else 1)
        if place.kind == CITY and place.population < small:
            return None
    elif (place.kind == ADMIN1 and place.admin1 is not None
          and neighbours.any_within(place, besides=own)):
        return NEARBY_BONUS
    return 0.0


def _place_unknown_names(toponyms: list[Toponym], focus_country: str | None) -> None:
    """A street, building or village the gazetteer lacks is most likely in the town (or county)
    of the article's country named nearest to it in the text: "Royal Street ... in the French
    Quarter of New Orleans"."""
    located = [t for t in toponyms if t.place is not None and t.place.kind in LOCAL_KINDS
               and t.place.country == focus_country]
    for toponym in toponyms:
        if toponym.place is None and located:
            nearest = min(located, key=lambda other: abs(other.start - toponym.start))
            if abs(nearest.start - toponym.start) <= UNKNOWN_NAME_CONTEXT_CHARS:
                toponym.place, toponym.inferred = nearest.place, True


def _best(toponym: Toponym, score: Scorer) -> Place | None:
    candidates = toponym.candidates
    if toponym.qualifier is not None:
        inside = _part_of if toponym.possessed else _within
        qualified = [(p, m) for p, m in candidates
                     if any(inside(p, outer) for outer, _ in toponym.qualifier.candidates)]
        # A town's part ("Mosul's Old City") that no candidate fits is a name the gazetteer lacks.
        candidates = qualified if qualified or toponym.possessed else candidates
    # "New York" names a state and a big city inside it: news means the city (but "Maryland"
    # is the state, not the small Maryland City).
    candidates = [
        (p, m) for p, m in candidates
        if not (p.kind == ADMIN1 and any(
            _within(other, p) and other.population >= CITY_OVER_STATE_SHARE * p.population
            for other, _ in candidates))
    ]
    scored = [(value, place) for place, main in candidates
              if (value := score(place, main)) is not None]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _focus(toponyms: list[Toponym], focus_country: str | None, gazetteer: Gazetteer,
           dateline: Toponym | None) -> Place | None:
    """The dateline's place, else the most mentioned town of the focus country, else its most
    mentioned region, else the focus country itself."""
    if dateline is not None and dateline.place is not None:
        return dateline.place
    for kind in (CITY, ADMIN1):
        local: Counter[Place] = Counter()
        for t in toponyms:
            if t.place is not None and t.place.kind == kind and t.place.country == focus_country:
                local[t.place] += t.weight
        if local:
            return max(local, key=lambda place: (local[place], place.population))
    if focus_country:
        return gazetteer.countries.get(focus_country)
    return None


def find_dateline(doc: Doc, body_start: int, toponyms: list[Toponym]) -> Toponym | None:
    """A place name opening the body in capitals ("MOSCOW, May 12 (Reuters) -")."""
    for toponym in toponyms:
        if toponym.start < body_start:
            continue
        opening = doc.text[body_start:toponym.start].strip()
        # "MOSCOW, May 12", "MOSCOW (Reuters)", "MOSCOW -": not "US Secretary of State ..."
        after = doc.text[toponym.end:toponym.end + 3].lstrip(" ")
        # "THE HAGUE, Netherlands -": a dateline word of name_words.tsv may come first
        article = opening.isupper() and opening.lower() in name_words().get("dateline", set())
        if ((not opening or article) and toponym.text.isupper()
                and after[:1] in (",", "(", "-", "—", "–")):
            return toponym
        return None
    return None


def places_of(doc: Doc, body_start: int = 0, gazetteer: Gazetteer | None = None) -> ArticlePlaces:
    """Recognise and resolve every place name of a parsed article."""
    gazetteer = gazetteer or load_gazetteer()
    toponyms = recognise(doc, gazetteer)
    dateline = find_dateline(doc, body_start, toponyms)
    places = resolve(toponyms, gazetteer, dateline)
    places.dateline = dateline
    return places
