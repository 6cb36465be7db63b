"""Non-locational place names (geo/mentions.py) and person-labelled state names, on real
spaCy parses of made-up sentences."""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.geo import places_of
from eventwire.geo.gazetteer import load_gazetteer
from eventwire.geo.mentions import mentions_of
from eventwire.geo.toponyms import recognise


def mentions(parsed) -> dict[str, tuple[str, str | None]]:
    places = places_of(parsed.doc, parsed.title_offset)
    return {t.text: (t.place.kind, t.place.name) for t in mentions_of(parsed.doc, places,
                                                                      load_gazetteer())}


def place_names(parsed) -> list[str]:
    return [t.text for t in places_of(parsed.doc, parsed.title_offset).toponyms]


def test_a_demonym_modifying_a_noun_names_its_country_but_locates_nothing(parse) -> None:
    parsed = parse("Ukrainian officials met their counterparts in Geneva on Monday.")
    assert mentions(parsed)["Ukrainian"] == ("country", "Ukraine")
    assert place_names(parsed) == ["Geneva"]


def test_people_called_by_their_demonym_are_no_place(parse) -> None:
    assert "Ukrainians" not in mentions(parse("The Ukrainians left Geneva early on Monday."))


def test_a_country_inside_an_organisation_name(parse) -> None:
    parsed = parse("Passengers of Malaysia Airlines were told to wait in Perth.")
    assert mentions(parsed)["Malaysia"] == ("country", "Malaysia")
    assert "Malaysia" not in place_names(parsed)


def test_generic_words_and_small_towns_inside_names_are_no_place(parse) -> None:
    assert mentions(parse("Delegates of the Southern Baptist Convention met in Dallas.")) == {}
    # Hubbard, Ohio has under 100,000 people: a company's founder, not the town
    assert mentions(parse("Shares of Hubbard Capital Partners fell in Chicago.")) == {}


def test_mentions_leave_the_article_places_as_they_were(parse) -> None:
    parsed = parse("Malaysia Airlines staff protested in Kuala Lumpur. Russian diplomats "
                   "watched from Kuala Lumpur's embassy district.")
    before = [(t.text, t.place) for t in places_of(parsed.doc).toponyms]
    places = places_of(parsed.doc)
    mentions_of(parsed.doc, places, load_gazetteer())
    assert [(t.text, t.place) for t in places.toponyms] == before


def test_a_person_labelled_state_of_several_words_is_a_place(parse) -> None:
    parsed = parse("Tamil Nadu said it had written to the ministry about the river water.")
    doc = parsed.doc
    doc.ents = [Span(doc, 0, 2, label="PERSON")]  # as the small model often labels it
    found = {t.text: t.place for t in places_of(doc).toponyms}
    assert (found["Tamil Nadu"].kind, found["Tamil Nadu"].country) == ("admin1", "IND")


def _with_person(doc, word: str, first: bool = False):
    """The doc with ``word`` (its last occurrence, or first) labelled a person and every
    other entity kept."""
    tokens = [t for t in doc if t.text == word]
    token = tokens[0] if first else tokens[-1]
    kept = [e for e in doc.ents if not (e.start <= token.i < e.end)]
    doc.ents = sorted([*kept, Span(doc, token.i, token.i + 1, label="PERSON")],
                      key=lambda e: e.start)
    return doc


def test_a_person_labelled_country_is_a_place_where_the_article_names_it_so(parse) -> None:
    doc = _with_person(parse("Talks opened in Azerbaijan on Monday. Azerbaijan should release "
                             "the journalists, the envoy said.").doc, "Azerbaijan")
    assert [t.text for t in recognise(doc, load_gazetteer())].count("Azerbaijan") == 2


def test_a_one_word_person_stays_a_person_without_such_support(parse) -> None:
    gazetteer = load_gazetteer()
    alone = _with_person(parse("Jordan said the team would win the final.").doc, "Jordan")
    assert "Jordan" not in [t.text for t in recognise(alone, gazetteer)]
    # the country is named as a place too, but the article's "Jordan" is Michael Jordan
    doc = parse("Michael Jordan flew home from Jordan. Jordan said the trip was fun.").doc
    jordans = [t.i for t in doc if t.text == "Jordan"]
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, jordans[1], jordans[1] + 1, "GPE"),
                Span(doc, jordans[2], jordans[2] + 1, "PERSON")]
    found = [t.start for t in recognise(doc, gazetteer)]
    assert found == [doc[jordans[1]].idx]


def test_a_person_labelled_state_named_as_its_capital_stays_a_person(parse) -> None:
    # "Kiev" names the oblast and the capital: as a person, it is mostly the government
    doc = _with_person(parse("Envoys met in Kiev on Monday. Kiev has done all it can, the "
                             "diplomat said.").doc, "Kiev")
    assert [t.text for t in recognise(doc, load_gazetteer())].count("Kiev") == 1


def test_a_person_labelled_province_named_as_a_smaller_town_is_a_place(parse) -> None:
    doc = parse("Ca Mau exported more shrimp this year, the minister said.").doc
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    found = {t.text: t.place for t in places_of(doc).toponyms}
    assert found["Ca Mau"].country == "VNM"  # recognised; the town or its province
