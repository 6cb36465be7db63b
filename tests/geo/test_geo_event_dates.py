"""date_events: the date attached to the event's trigger, else the publication date."""

from __future__ import annotations

import pytest

from eventwire.ingest import read_articles
from eventwire.nlp import parse_article
from eventwire.time import date_events


def test_expression_attached_to_the_trigger_dates_the_event(make_event, parse) -> None:
    parsed = parse("The ministers met on Sunday and will meet again on Friday.")
    met = make_event(parsed, "met on Sunday", "met")
    meet = make_event(parsed, "met on Sunday", "meet")
    date_events(parsed, [met, meet])
    assert (met.date, met.date_precision) == ("2015-05-10", "day")
    assert (meet.date, meet.date_precision) == ("2015-05-15", "day")


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), [
    # no date expression: the publication date, else nothing
    ("The minister resigned after the vote.", "2015-05-12", "resigned", ("2015-05-12", "day")),
    ("The minister resigned after the vote.", None, "resigned", (None, None)),
    # a date in another clause is not the event's
    ("He said on Sunday that the rebels had withdrawn.", "2015-05-12", "withdrawn",
     ("2015-05-12", "day")),
    # a when-clause shares the main clause's date
    ("Relations collapsed last spring when Russia annexed Crimea.", "2015-05-12", "annexed",
     ("2014", "year")),
    # "70 years since the victory" dates the victory, not the wreath-laying
    ("They laid wreaths to mark 70 years since the victory.", "2015-05-12", "laid",
     ("2015-05-12", "day")),
])
def test_sentence_dates(make_event, parse, text: str, published: str | None, trigger: str,
                        expected: tuple) -> None:
    parsed = parse(text, date=published)
    event = make_event(parsed, trigger, trigger)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == expected


def test_evidence_trigger_span_is_used(make_event, parse) -> None:
    parsed = parse("Police arrested him in March, and he was released on Sunday.")
    sentence = parsed.sentences[0].text
    start = sentence.index("released")
    event = make_event(parsed, "Police arrested", "released",
                       evidence={"spans": {"trigger": [start, start + len("released")]}})
    date_events(parsed, [event])
    assert event.date == "2015-05-10"


def test_seed_dates(make_event, seed_path) -> None:
    (article,) = list(read_articles([str(seed_path)], date="2015-05-12"))
    parsed = parse_article(article)
    meeting = make_event(parsed, "Prior to meeting Putin on Tuesday", "meeting")
    sanctions = make_event(parsed, "first imposed a number of sanctions", "imposed")
    date_events(parsed, [meeting, sanctions])
    assert (meeting.date, meeting.date_precision) == ("2015-05-12", "day")
    assert (sanctions.date, sanctions.date_precision) == ("2014-04", "month")

