"""locate_events: where each event happened, else the article's focus place."""

from __future__ import annotations

import pytest

from eventwire.geo import locate_events
from eventwire.geo.gazetteer import distance_km
from eventwire.ingest import read_articles
from eventwire.nlp import parse_article


def test_place_phrase_of_the_trigger_locates_the_event(make_event, parse) -> None:
    parsed = parse("Ukraine dominated the agenda. The foreign ministers met in Geneva on Monday. "
                   "Ukraine and Russia traded accusations.")
    event = make_event(parsed, "met in Geneva", "met")
    locate_events(parsed, [event])
    assert event.location.name == "Geneva" and event.location.country == "CHE"
    assert event.location.precision == "place"


@pytest.mark.parametrize(("text", "words", "trigger"), [
    ("Fighting went on in Donetsk. Rebels shelled Donetsk again. The government condemned the "
     "attack.", "condemned", "condemned"),
    # the place of a coordinated noun is not the trigger's
    ("Fighting went on in Donetsk. On the agenda were the conflicts in Syria and Yemen as well "
     "as negotiations with Donetsk rebels.", "negotiations", "negotiations"),
])
def test_event_without_its_own_place_gets_the_focus_marked_as_such(
    make_event, parse, text: str, words: str, trigger: str
) -> None:
    parsed = parse(text)
    event = make_event(parsed, words, trigger)
    locate_events(parsed, [event])
    assert event.location.precision == "focus"
    assert event.location.country in ("UKR", "SYR", "YEM")


def test_place_in_another_clause_or_an_actor_title_is_not_the_event_place(
    make_event, parse
) -> None:
    parsed = parse("The US Secretary of State said that the talks in Vienna collapsed.")
    event = make_event(parsed, "said", "said")
    locate_events(parsed, [event])
    assert event.location is None or event.location.precision == "focus"


def test_article_without_places_gives_no_location(make_event, parse) -> None:
    parsed = parse("The minister resigned after the vote.")
    event = make_event(parsed, "resigned", "resigned")
    locate_events(parsed, [event])
    assert event.location is None


def test_seed_meeting_is_in_sochi(make_event, seed_path) -> None:
    (article,) = list(read_articles([str(seed_path)], date="2015-05-12"))
    parsed = parse_article(article)
    event = make_event(parsed, "summer residence in Sochi", "met")
    locate_events(parsed, [event])
    location = event.location
    assert (location.name, location.country, location.precision) == ("Sochi", "RUS", "place")
    assert distance_km(location.lat, location.lon, 43.60, 39.73) < 10

