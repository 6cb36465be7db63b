"""date_events: the date attached to the event's trigger, else the publication date."""

from __future__ import annotations

from conftest import make_event

from eventwire.ingest import read_articles
from eventwire.nlp import parse_article
from eventwire.time import date_events


def test_expression_attached_to_the_trigger_dates_the_event(parse) -> None:
    parsed = parse("The ministers met on Sunday and will meet again on Friday.")
    met = make_event(parsed, "met on Sunday", "met")
    meet = make_event(parsed, "met on Sunday", "meet")
    date_events(parsed, [met, meet])
    assert (met.date, met.date_precision) == ("2015-05-10", "day")
    assert (meet.date, meet.date_precision) == ("2015-05-15", "day")


def test_event_without_a_date_expression_gets_the_publication_date(parse) -> None:
    parsed = parse("The minister resigned after the vote.")
    event = make_event(parsed, "resigned", "resigned")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == ("2015-05-12", "day")


def test_no_publication_date_and_no_expression_gives_no_date(parse) -> None:
    parsed = parse("The minister resigned after the vote.", date=None)
    event = make_event(parsed, "resigned", "resigned")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == (None, None)


def test_a_date_in_another_clause_does_not_date_the_event(parse) -> None:
    parsed = parse("He said on Sunday that the rebels had withdrawn.")
    event = make_event(parsed, "withdrawn", "withdrawn")
    date_events(parsed, [event])
    assert event.date == "2015-05-12"


def test_evidence_trigger_span_is_used(parse) -> None:
    parsed = parse("Police arrested him in March, and he was released on Sunday.")
    sentence = parsed.sentences[0].text
    start = sentence.index("released")
    event = make_event(parsed, "Police arrested", "released",
                       evidence={"spans": {"trigger": [start, start + len("released")]}})
    date_events(parsed, [event])
    assert event.date == "2015-05-10"


def test_seed_dates(seed_path) -> None:
    (article,) = list(read_articles([str(seed_path)], date="2015-05-12"))
    parsed = parse_article(article)
    meeting = make_event(parsed, "Prior to meeting Putin on Tuesday", "meeting")
    sanctions = make_event(parsed, "first imposed a number of sanctions", "imposed")
    date_events(parsed, [meeting, sanctions])
    assert (meeting.date, meeting.date_precision) == ("2015-05-12", "day")
    assert (sanctions.date, sanctions.date_precision) == ("2014-04", "month")


def test_when_clause_shares_the_main_clause_date(parse) -> None:
    parsed = parse("Relations collapsed last spring when Russia annexed Crimea.")
    event = make_event(parsed, "annexed", "annexed")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == ("2014", "year")


def test_anniversary_does_not_date_the_event(parse) -> None:
    parsed = parse("They laid wreaths to mark 70 years since the victory.")
    event = make_event(parsed, "laid", "laid")
    date_events(parsed, [event])
    assert event.date == "2015-05-12"
