"""The gazetteer index: names, alternate names, abbreviations, demonyms."""

from __future__ import annotations

from eventwire.geo import places_of
from eventwire.geo.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    distance_km,
    load_gazetteer,
    normalise,
)
from eventwire.geo.toponyms import candidates_of


def kinds_and_countries(name: str) -> set[tuple[str, str | None]]:
    return {(place.kind, place.country) for place, _ in load_gazetteer().lookup(name)}


def test_normalise_ignores_case_accents_full_stops_and_the() -> None:
    assert normalise("the U.S.") == "us"
    assert normalise("Zürich") == "zurich"
    assert normalise("Rostov-on-Don") == "rostov on don"


def test_normalise_drops_transliteration_marks_of_ayin_and_hamza() -> None:
    assert normalise("‘Afrīn") == normalise("Afrin") == "afrin"
    assert normalise("Raʼs al Khaymah") == "ras al khaymah"


def test_city_has_population_country_admin1_and_coordinates() -> None:
    (sochi, main), = load_gazetteer().lookup("Sochi")
    assert main and sochi.kind == CITY and sochi.country == "RUS"
    assert sochi.population > 300_000 and sochi.admin1
    assert distance_km(sochi.lat, sochi.lon, 43.60, 39.73) < 10


def test_alternate_names_and_country_spellings() -> None:
    assert (CITY, "UKR") in kinds_and_countries("Kiev")
    assert kinds_and_countries("U.S.") == {(COUNTRY, "USA")}
    assert kinds_and_countries("Britain") == {(COUNTRY, "GBR")}
    assert (COUNTRY, "CZE") in kinds_and_countries("Czech Republic")


def test_abbreviations_and_former_names_news_uses_for_countries() -> None:
    assert kinds_and_countries("DPRK") == {(COUNTRY, "PRK")}
    assert kinds_and_countries("T&T") == {(COUNTRY, "TTO")}
    assert (COUNTRY, "RUS") in kinds_and_countries("the Soviet Union")


def test_unqualified_demonyms_name_their_usual_country() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.demonym_place("Korean").country == "KOR"
    assert gazetteer.demonym_place("Kazakh").country == "KAZ"


def test_states_provinces_and_their_abbreviations() -> None:
    assert kinds_and_countries("Tamil Nadu") == {(ADMIN1, "IND")}
    assert kinds_and_countries("Calif.") == {(ADMIN1, "USA")}
    assert kinds_and_countries("B.C.") == {(ADMIN1, "CAN")}
    assert kinds_and_countries("Miss.") == {(ADMIN1, "USA")}
    assert kinds_and_countries("Miss") == set()  # without its full stop, an ordinary word


def test_a_state_yields_only_to_a_big_city_of_its_name(parse) -> None:
    parsed = parse("Protests spread from New York to Maryland.")
    names = {t.text: t.place.name for t in places_of(parsed.doc).toponyms}
    assert names == {"New York": "New York City", "Maryland": "Maryland"}


def test_same_name_places_are_all_candidates() -> None:
    assert {(CITY, "FRA"), (CITY, "USA")} <= kinds_and_countries("Paris")
    assert {(COUNTRY, "GEO"), (ADMIN1, "USA")} <= kinds_and_countries("Georgia")


def test_demonyms_name_a_country_but_are_no_place_names() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.demonym_country("Russian") == "RUS"
    assert gazetteer.demonym_country("Russians") == "RUS"
    assert gazetteer.demonym_country("Chinese") == "CHN"  # not Macao, which shares it
    assert gazetteer.lookup("Russian") == []
    assert gazetteer.demonym_place("African").name == "Africa"


def test_generic_suffix_falls_back_to_the_listed_name() -> None:
    assert (CITY, "USA") in kinds_and_countries("Suffolk City")


def test_names_inside_longer_names() -> None:
    gazetteer = load_gazetteer()
    assert {p.name for p, _ in candidates_of(gazetteer, "University of California")} == {
        "California"}
    assert {p.country for p, _ in candidates_of(gazetteer, "Russian Embassy")} == {"RUS"}
    assert {p.name for p, _ in candidates_of(gazetteer, "New England")} == {"New England"}


def test_counties_and_districts_are_places_of_their_own() -> None:
    gazetteer = load_gazetteer()
    counties = {(p.country, p.admin1) for p, _ in gazetteer.lookup("Morris County")}
    assert ("USA", "NJ") in counties
    assert (ADMIN2, "GBR") in kinds_and_countries("Leicestershire")
    (yorkshire, main), = [(p, m) for p, m in gazetteer.lookup("East Yorkshire") if p.kind == ADMIN2]
    assert yorkshire.name == "East Riding of Yorkshire" and not main
    # a county's bare stem is the town's name, not the county's
    assert ADMIN2 not in {p.kind for p, _ in gazetteer.lookup("Morris")}


def test_states_carry_geonames_ids_and_a_central_point() -> None:
    (manitoba, _), = load_gazetteer().lookup("Manitoba")
    assert manitoba.geonameid == 6065171
    # the province's geographic centre, not the middle of its southern towns
    assert distance_km(manitoba.lat, manitoba.lon, 55.0, -97.0) < 50


def test_streets_and_generic_words_locate_nothing() -> None:
    gazetteer = load_gazetteer()
    assert candidates_of(gazetteer, "Northumberland Avenue") == []
    assert candidates_of(gazetteer, "Rogers Centre") == []
    assert {p.name for p, _ in candidates_of(gazetteer, "Seoul Central District Court")} == {
        "Seoul"}


def test_countries_countryinfo_lacks_are_at_their_capital() -> None:
    (kosovo,) = [p for p, _ in load_gazetteer().lookup("Kosovo") if p.kind == COUNTRY]
    assert kosovo.country == "XKX"
    assert distance_km(kosovo.lat, kosovo.lon, 42.67, 21.17) < 10  # Pristina
