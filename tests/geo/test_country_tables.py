"""The two tables that name countries agree: the actor dictionary's (actors/data/countries.tsv:
names, aliases, demonyms) and the gazetteer's (geo/data/countries.tsv, aliases.tsv, demonyms.tsv,
with GeoNames' and ISO 3166's names).

They stay two files because each stage matches names its own way (the actors by words, the
gazetteer by its normalised index, with other names beside) and merging them would change what
either finds; this test is what ties them (docs/data.md). A name that both know as a country must
name the same country in both. Where one table gives a name to several countries ("Congo"), the
other may give it to one of them.
"""

from __future__ import annotations

from eventwire.actors.dictionary import (
    ADJECTIVE,
    COUNTRY,
    DATA_DIR,
    default_dictionary,
    read_tsv,
    split_list,
    words,
)
from eventwire.geo.gazetteer import COUNTRY as PLACE_COUNTRY
from eventwire.geo.gazetteer import DATA, load_gazetteer

# Known disagreements, each a behaviour to change in its own issue (changing either table changes
# events): GeoNames still lists Serbia and Montenegro (SCG), "Yugoslavia" among its names, and the
# gazetteer places them there; the actors code the former state as its successor Serbia, as CAMEO
# and GDELT do (the gazetteer does the same for the Soviet Union, at Russia).
KNOWN = {
    ("Federal Republic of Yugoslavia", ("SRB",), ("SCG",)),
    ("Serbia and Montenegro", ("SRB",), ("SCG",)),
    ("Yugoslavia", ("SRB",), ("SCG",)),
}


def actor_countries(name: str, kind: str = COUNTRY) -> set[str]:
    """The countries the actor dictionary gives a name (``kind``: country name or demonym)."""
    key = tuple(words(name))
    if len(key) > 1 and key[0] == "the":  # as Dictionary.add stores it
        key = key[1:]
    return {entry.country for entry in default_dictionary().lookup(key) if entry.kind == kind}


def place_countries(name: str) -> set[str]:
    """The countries the gazetteer gives a name (its places of the country kind)."""
    return {place.country for place, _ in load_gazetteer().lookup(name) if place.kind == PLACE_COUNTRY}


def demonym_country(word: str) -> set[str]:
    """The country the gazetteer takes a demonym for (none for a region's: "African")."""
    place = load_gazetteer().demonym_place(word)
    return {place.country} if place is not None and place.kind == PLACE_COUNTRY else set()


def disagreements(names: set[str], of_actors, of_places) -> set[tuple[str, tuple, tuple]]:
    found = set()
    for name in names:
        actors, places = of_actors(name), of_places(name)
        if actors and places and not (actors <= places or places <= actors):
            found.add((name, tuple(sorted(actors)), tuple(sorted(places))))
    return found


def actor_rows() -> list[dict[str, str]]:
    columns = ("code", "name", "aliases", "adjectives")
    return [row for _, row, _ in read_tsv(DATA_DIR / "countries.tsv", columns)]


def test_the_tables_hold_both_sides_of_the_comparison() -> None:
    # Guards against a vacuous pass: both tables load, and most countries are known to both.
    rows = actor_rows()
    assert len(rows) > 240 and len(load_gazetteer().country_names) > 1000
    both = [row["name"] for row in rows if place_countries(row["name"]) == {row["code"]}]
    assert len(both) > 0.9 * len(rows)
    assert actor_countries("Burma") == place_countries("Burma") == {"MMR"}
    demonyms = {word for row in rows for word in split_list(row["adjectives"])}
    known_to_both = [word for word in demonyms
                     if actor_countries(word, ADJECTIVE) and demonym_country(word)]
    assert len(known_to_both) > 0.5 * len(demonyms)


def test_country_names_name_the_same_country_in_both_tables() -> None:
    names = {name for row in actor_rows() for name in [row["name"], *split_list(row["aliases"])]}
    names |= {name for name, _ in load_gazetteer().country_names}
    assert disagreements(names, actor_countries, place_countries) == KNOWN


def test_demonyms_name_the_same_country_in_both_tables() -> None:
    demonyms = {word for row in actor_rows() for word in split_list(row["adjectives"])}
    demonyms |= set(load_gazetteer().demonyms)
    demonyms |= {row["demonym"] for _, row, _ in read_tsv(DATA / "demonyms.tsv", ("demonym", "place"))}
    found = disagreements(demonyms, lambda word: actor_countries(word, ADJECTIVE), demonym_country)
    assert found == set()
