"""Events whose sentence names no place take the lead's place, marked as the focus."""

from __future__ import annotations

import eventwire


def test_events_without_place_take_the_leads_place_as_focus():
    text = ("Egypt hosted talks with Israel in Cairo on Monday.\n"
            "Officials said the United States and Canada also attended.\n"
            "Later, Israel criticized Iran.")
    events = eventwire.code(text, date="2016-05-02")
    hosted = [e for e in events if e.plover == "CONSULT" and e.sentence_index == 0]
    assert hosted and hosted[0].location.name == "Cairo"
    assert hosted[0].location.precision == "place"
    criticism = [e for e in events if e.trigger == "criticized"]
    assert criticism and criticism[0].location.name == "Cairo"
    assert criticism[0].location.precision == "article_focus"
