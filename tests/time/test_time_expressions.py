"""Date expressions found in sentences and resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.nlp import load_nlp
from eventwire.time import as_contract, find_times

TUESDAY = dt.date(2015, 5, 12)


def values(text: str, published: dt.date | None = TUESDAY) -> dict[str, str | None]:
    doc = load_nlp()(text)
    return {e.text: e.value for e in find_times(doc[:], published)}


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("Kerry met Putin on Tuesday.", "on Tuesday", "2015-05-12"),  # the publication day itself
    ("Kerry met Putin on Sunday.", "on Sunday", "2015-05-10"),
    # a year ago in a quarter's results is the year-ago quarter; elsewhere the year before
    ("Third-quarter profit rose 5% from a year earlier.", "a year earlier", "2014-Q1"),
    ("The plant closed a year ago.", "a year ago", "2014"),
    # a present tense does not say which month: the nearest one
    ("The report is due in October.", "in October", "2015-10"),
    ("Kerry will meet Putin on Sunday.", "on Sunday", "2015-05-17"),
    # a timetable told in the present lies ahead; not a noun's weekday, nor a verb whose past is
    # spelt as its present
    ("Kerry and Putin meet on Sunday.", "on Sunday", "2015-05-17"),
    # ... only a timetable's acts, and not a scene: a caption or a when-clause is of the past
    ("Protesters clash with police Tuesday in central Kiev.", "Tuesday", "2015-05-12"),
    ("When reporters visit the camp on Sunday, soldiers guard the gate.", "on Sunday",
     "2015-05-10"),
    ("The bonds are priced over Friday's close.", "Friday", "2015-05-08"),
    ("Big losses hurt the index on Friday.", "on Friday", "2015-05-08"),
    ("Kerry is going to meet Putin on Friday.", "on Friday", "2015-05-15"),
    ("The rebels must leave by Friday.", "by Friday", "2015-05-15"),
    ("The talks collapsed last week.", "last week", "2015-W19"),
    ("In February, the truce was signed.", "In February", "2015-02"),
    ("The vote will be held in September.", "in September", "2015-09"),
    ("Sanctions were imposed in April 2014.", "in April 2014", "2014-04"),
    ("The fighting began last spring.", "last spring", "2014-SP"),
    ("It is 70 years since the war ended.", "70 years since", "1945"),
    ("He was arrested yesterday.", "yesterday", "2015-05-11"),
    ("He spoke to reporters last night.", "last night", "2015-05-11"),
    ("The accord was signed on May 3.", "on May 3", "2015-05-03"),
    ("The accord was signed on 12 June 2014.", "on 12 June 2014", "2014-06-12"),
    ("Profit rose in the third quarter.", "the third quarter", "2014-Q3"),
    ("Profit rose in the quarter.", "the quarter", "2015-Q1"),
    ("The rebels took the town three days ago.", "three days ago", "2015-05-09"),
    ("The region has been calm since 2009.", "since 2009", "2009"),
    # a schedule lies ahead: "set to", "scheduled to", "is to" (unless the schedule was past)
    ("The talks are set to resume Friday in Belfast.", "Friday", "2015-05-15"),
    ("The sale is scheduled to close on Monday.", "on Monday", "2015-05-18"),
    ("Trading is to resume in Paris on Thursday.", "on Thursday", "2015-05-14"),
    ("The sale was scheduled to close on Monday.", "on Monday", "2015-05-11"),
    # ... and so does a present passive or state of schedule, not a past one
    ("The talks are set for Friday in Belfast.", "Friday", "2015-05-15"),
    ("The vote is due on Monday.", "on Monday", "2015-05-18"),
    ("The talks were set for Friday in Belfast.", "Friday", "2015-05-08"),
    # ... as what a past "said" reports, but not a day of the subject's noun
    ("Egypt said talks with Israel were set for Friday.", "Friday", "2015-05-15"),
    ("The air strike on Monday is expected to increase tensions.", "on Monday", "2015-05-11"),
    ("Sunday's protest is expected to be followed by more.", "Sunday", "2015-05-10"),
    # "last Tuesday" in a Tuesday story is a week ago, "next Tuesday" a week ahead
    ("The firms said last Tuesday that they would merge.", "last Tuesday", "2015-05-05"),
    ("The firms will vote next Tuesday.", "next Tuesday", "2015-05-19"),
])
def test_resolved_against_the_publication_date(sentence: str, expression: str, value: str) -> None:
    assert values(sentence).get(expression) == value


def test_a_last_night_of_something_is_no_date() -> None:
    assert "last night" not in values("Rebels attacked the town on the last night of the siege.")
    assert "last night" not in values("He spent his last night in Cairo.")


def test_ordinary_words_are_not_dates() -> None:
    found = values("Officials may march to the square; 2000 people came and paid $1999.")
    assert found == {}


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = values("Sanctions were imposed in April 2014 and extended on Tuesday.", None)
    assert found["in April 2014"] == "2014-04"
    assert found["on Tuesday"] is None


@pytest.mark.parametrize(("value", "contract"), [
    ("2015-05-12", ("2015-05-12", "day")),
    ("2014-04", ("2014-04", "month")),
    ("2014", ("2014", "year")),
    ("2015-W19", ("2015-05", "month")),
    ("2014-SP", ("2014", "year")),
    ("2014-Q3", ("2014", "year")),
    ("PRESENT_REF", (None, None)),
    ("199", (None, None)),
    (None, (None, None)),
])
def test_contract_precisions(value: str | None, contract: tuple) -> None:
    assert as_contract(value) == contract
