"""Events whose sentence names no place take the article's focus, marked as such: the focus
place where their sentence names it, else only its country, and nothing when their actors are
all of other countries."""

from __future__ import annotations

import eventwire

TALKS = ("Egypt hosted talks with Israel in Cairo on Monday.\nOfficials said the United States "
         "attended.\nThe talks lasted six hours.\n")


def _event(events, trigger: str):
    found = [e for e in events if e.trigger == trigger]
    assert found, [e.trigger for e in events]
    return found[0]


def test_the_lead_place_locates_the_lead_event_and_its_country_the_later_ones():
    events = eventwire.code(TALKS + "Later, Egypt criticized Iran.", date="2016-05-02")
    hosted = [e for e in events if e.plover == "CONSULT" and e.sentence_index == 0]
    assert hosted and (hosted[0].location.name, hosted[0].location.precision) == ("Cairo", "place")
    criticism = _event(events, "criticized").location
    # The text never says the criticism was voiced in Cairo: Egypt, as a fallback.
    assert (criticism.country, criticism.precision) == ("EGY", "article_focus")
    assert criticism.name == "Egypt" and abs(criticism.lat - 26.5) < 3 and abs(criticism.lon - 30) < 3


def test_the_headline_takes_the_place_of_the_leads_event():
    events = eventwire.code("Egypt hosts Israel for talks\n\n" + TALKS, date="2016-05-02")
    headline = [e for e in events if e.sentence_index == 0]
    assert headline and headline[0].location.name == "Cairo"
    assert headline[0].location.precision == "article_focus"


def test_the_focus_place_stands_for_an_event_whose_sentence_names_it():
    events = eventwire.code(TALKS + "Later, Egypt criticized Iran over the Cairo protests.",
                            date="2016-05-02")
    criticism = _event(events, "criticized")
    assert (criticism.location.name, criticism.location.precision) == ("Cairo", "article_focus")


def test_no_focus_place_for_an_event_of_other_countries():
    events = eventwire.code(TALKS + "Later, Israel criticized Iran.", date="2016-05-02")
    assert _event(events, "criticized").location is None


def test_a_named_focus_place_is_a_topic_for_an_event_of_other_countries():
    # the sentence names Cairo, but Israel criticizing Iran over it is no act in Cairo
    events = eventwire.code(TALKS + "Later, Israel criticized Iran over the Cairo protests.",
                            date="2016-05-02")
    assert _event(events, "criticized").location is None
    # a deed of theirs that names it keeps it: it may have been done there
    events = eventwire.code(TALKS + "Later, Israel arrested Iranians during the Cairo protests.",
                            date="2016-05-02")
    assert _event(events, "arrested").location.name == "Cairo"


def test_no_focus_place_for_a_statement_of_an_international_body():
    events = eventwire.code(TALKS + "The United Nations criticized the slow pace of the talks.",
                            date="2016-05-02")
    criticism = _event(events, "criticized")
    assert criticism.source is not None and criticism.source.country == "IGO"
    assert criticism.location is None

