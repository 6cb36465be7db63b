"""locate_events: where each event happened, else the article's focus place."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.geo import locate_events
from eventwire.geo.gazetteer import distance_km
from eventwire.ingest import read_articles
from eventwire.nlp import parse_article
from eventwire.records import Actor


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
    assert event.location.precision == "article_focus"
    assert event.location.country in ("UKR", "SYR", "YEM")


def test_place_in_another_clause_or_an_actor_title_is_not_the_event_place(
    make_event, parse
) -> None:
    parsed = parse("The US Secretary of State said that the talks in Vienna collapsed.")
    event = make_event(parsed, "said", "said")
    locate_events(parsed, [event])
    assert event.location is None or event.location.precision == "article_focus"


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



def test_media_appearance_is_not_the_event_place(make_event, parse) -> None:
    parsed = parse("North Korea fired a missile. Tillerson said during an interview in New York "
                   "on Sunday that the test was a provocation.")
    event = make_event(parsed, "interview", "said")
    locate_events(parsed, [event], article_focus=False)
    assert event.location is None


def test_an_apposition_describing_a_speaker_does_not_name_the_focus_place(make_event, parse
                                                                         ) -> None:
    """"Dr Burdick, a surgeon who works at a hospital in Baltimore, said": the focus place
    (Baltimore) is named only to say who spoke, so only its country stands in."""
    parsed = parse("Police in Baltimore arrested two men. The council met. The mayor spoke. "
                   "Doctor James Burdick, a surgeon who works at a hospital in Baltimore, said "
                   "the system works well.")
    said = make_event(parsed, "surgeon", "said", cameo_root="01")
    arrested = make_event(parsed, "Police in Baltimore", "arrested")
    locate_events(parsed, [said, arrested], article_focus=False)
    assert said.location is None
    assert arrested.location is not None and arrested.location.name == "Baltimore"
    locate_events(parsed, [said, arrested])
    assert said.location.precision == "article_focus" and said.location.name != "Baltimore"
    assert said.location.country == "USA"


def test_an_affiliation_in_apposition_is_not_where_the_speaker_spoke(make_event, parse) -> None:
    """"Hasen, a law professor at the University of California, Irvine, said": the apposition
    says who spoke, not where; an act keeps a place its clause names."""
    parsed = parse("Richard Hasen, a law professor at a university in Irvine, said the rules "
                   "conflict. Police arrested a man at a university in Irvine.")
    said = make_event(parsed, "said the rules", "said", cameo_root="01")
    arrested = make_event(parsed, "arrested a man", "arrested")
    locate_events(parsed, [said, arrested], article_focus=False)
    assert said.location is None
    assert arrested.location is not None and arrested.location.name == "Irvine"


def test_dateline_places_only_the_leads_events(make_event, parse) -> None:
    parsed = parse("MOSCOW, May 12 (Reuters) - Russia expelled two diplomats on Tuesday.\n"
                   "Officials said the decision was final.\nThe ministry thanked its staff.\n"
                   "Later, Germany criticized the decision.", title=None)
    expelled = make_event(parsed, "expelled", "expelled")
    criticized = make_event(parsed, "criticized", "criticized")
    locate_events(parsed, [expelled, criticized], article_focus=False)
    assert (expelled.location.name, expelled.location.precision) == ("Moscow", "place")
    assert criticized.location is None  # the reporter's city is not the place of a later event


def test_a_named_speaker_past_the_lead_speaks_at_the_dateline(make_event, parse) -> None:
    """"TOKYO - ... Lavrov said": a named person's words the text places nowhere were spoken
    where the reporter filed, also a visitor's whose country meets there; a state's words were
    issued at home, and an act is not placed by the reporter's city."""
    parsed = parse("TOKYO, May 12 (Reuters) - Japan and Russia held talks on Tuesday.\n"
                   "The ministers discussed the islands.\nThe talks lasted two hours.\n"
                   "Russian Foreign Minister Sergei Lavrov said the talks were useful.\n"
                   "Russia criticized the decision.\nRebels attacked a convoy.", title=None)
    minister = Actor(text="Russian Foreign Minister Sergei Lavrov", code="RUSGOV", country="RUS",
                     sectors=["GOV"], name="Sergei Lavrov")
    state = Actor(text="Russia", code="RUS", country="RUS")
    talks = make_event(parsed, "held talks", "held")
    talks.source, talks.target = Actor(text="Japan", code="JPN", country="JPN"), state
    said = make_event(parsed, "Lavrov said", "said", cameo_root="01")
    said.source = minister
    criticized = make_event(parsed, "criticized", "criticized", cameo_root="11")
    criticized.source = state
    attacked = make_event(parsed, "attacked", "attacked", cameo_root="19")
    locate_events(parsed, [talks, said, criticized, attacked])
    assert (said.location.name, said.location.precision) == ("Tokyo", "article_focus")
    assert criticized.location is None
    assert attacked.location is None or attacked.location.name != "Tokyo"
    locate_events(parsed, [said], article_focus=False)
    assert said.location is None


@pytest.mark.parametrize(("lead", "place"), [
    # the reporter's bureau: the foreign leader spoke at home, or the text does not say where
    ("Putin said on Tuesday that Moscow would respond to the sanctions.", None),
    ("The two presidents spoke by telephone on Tuesday.", None),
    # the article says the speaker is there
    ("Putin, on his first visit to the country, said on Tuesday that Moscow wants trade.",
     "Washington"),
])
def test_a_foreign_speaker_is_at_the_dateline_only_when_there(make_event, parse, lead: str,
                                                               place: str | None) -> None:
    parsed = parse(f"WASHINGTON, May 12 (Reuters) - {lead}\nThe rouble fell.\nMarkets were calm.\n"
                   "Russian President Vladimir Putin said the sanctions were unlawful.", title=None)
    putin = Actor(text="Russian President Vladimir Putin", code="RUSGOV", country="RUS",
                  sectors=["GOV"], name="Vladimir Putin")
    said = make_event(parsed, "unlawful", "said", cameo_root="01")
    said.source = putin
    locate_events(parsed, [said])
    assert (said.location and said.location.name) == place


def test_an_apposition_that_describes_a_place_keeps_its_places(make_event, parse) -> None:
    """"in Ain Qadish, a town in eastern Lebanon" (a name the parse does not take for a place):
    the apposition says where, not who."""
    parsed = parse("Gunmen shot two guards in Ain Qadish, a town in eastern Lebanon.")
    shot = make_event(parsed, "shot", "shot", cameo_root="18")
    locate_events(parsed, [shot], article_focus=False)
    assert shot.location is not None and shot.location.country == "LBN"
    assert shot.location.precision != "article_focus"


def test_place_tied_to_an_actor_and_precision_by_kind(make_event, parse) -> None:
    parsed = parse("Protesters in Haifa clashed with police on Monday. "
                   "Rebels attacked an army base in Syria.")
    sentence = next(s for s in parsed.sentences if "Haifa" in s.text).text
    clashed = make_event(parsed, "Haifa", "clashed", evidence={"spans": {
        "source": [sentence.index("Protesters"), sentence.index("Protesters") + 10]}})
    attacked = make_event(parsed, "Rebels attacked", "attacked")
    locate_events(parsed, [clashed, attacked], article_focus=False)
    assert (clashed.location.name, clashed.location.precision) == ("Haifa", "place")
    assert (attacked.location.country, attacked.location.precision) == ("SYR", "country")


def test_article_focus_fallback_can_be_turned_off(make_event, parse, monkeypatch) -> None:
    parsed = parse("Fighting went on in Donetsk. The government condemned the attack.")
    event = make_event(parsed, "condemned", "condemned")
    monkeypatch.setenv("EVENTWIRE_ARTICLE_FOCUS", "0")
    locate_events(parsed, [event])
    assert event.location is None
    monkeypatch.delenv("EVENTWIRE_ARTICLE_FOCUS")
    locate_events(parsed, [event])
    assert event.location.precision == "article_focus"


@pytest.mark.parametrize(("actor", "place"), [("Russia", ("Moscow", "place")), ("Turkey", None)])
def test_dateline_places_a_lead_event_only_of_its_countrys_actors(actor: str, place) -> None:
    text = f"MOSCOW, May 12 (Reuters) - {actor} criticized Germany on Tuesday."
    (event,) = [e for e in eventwire.code(text, date="2015-05-12") if e.trigger == "criticized"]
    # Turkey criticising Germany: Moscow is where the reporter filed, not where Turkey spoke.
    assert (event.location and (event.location.name, event.location.precision)) == place


def test_dateline_name_may_follow_the_article(make_event, parse) -> None:
    """"THE HAGUE, Netherlands -": the gazetteer's name is "HAGUE", the dateline is the city's."""
    parsed = parse("THE HAGUE, Netherlands - Judges allowed the video on Tuesday.\n"
                   "The defence objected.", title=None)
    allowed = make_event(parsed, "allowed", "allowed")
    locate_events(parsed, [allowed], article_focus=False)
    assert (allowed.location.name, allowed.location.country) == ("The Hague", "NLD")
