"""What the coder hands to the later stages: its trigger token (not in the JSON record), and no
date, which the time stage alone sets."""

from __future__ import annotations

import json

from eventwire.nlp.anchors import sentence_of, trigger_token
from eventwire.records import Article
from eventwire.time import date_events


def test_each_event_keeps_its_own_trigger_token(code_parsed):
    parsed, events = code_parsed("Russia attacked Syria after Iran attacked Israel.")
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert len(attacks) == 2
    tokens = [trigger_token(sentence_of(parsed, e), e) for e in attacks]
    assert {t.i for t in tokens} == {e.trigger_index for e in attacks}
    assert len({t.i for t in tokens}) == 2 and all(t.text == "attacked" for t in tokens)


def test_the_token_index_stays_out_of_the_record(code_parsed):
    _, events = code_parsed("Russia attacked Syria.")
    (event,) = [e for e in events if e.plover == "ASSAULT"]
    assert event.trigger_index is not None
    record = event.to_dict()
    assert "trigger_index" not in record and "trigger_index" not in json.dumps(record)
    assert "trigger_index" not in repr(event)


def test_an_event_read_back_from_json_finds_its_trigger_by_its_span(code_parsed):
    parsed, events = code_parsed("Russia attacked Syria after Iran attacked Israel.")
    second = max((e for e in events if e.plover == "ASSAULT"), key=lambda e: e.trigger_index)
    index, second.trigger_index = second.trigger_index, None
    assert trigger_token(sentence_of(parsed, second), second).i == index


def test_the_time_stage_alone_dates_events(code_parsed):
    parsed, events = code_parsed("Russia attacked Syria on Monday.")
    assert events and all(e.date is None and e.date_precision is None for e in events)
    parsed.article = Article(id="test", text=parsed.article.text, date="2015-05-13")
    date_events(parsed, events)
    assert {(e.date, e.date_precision) for e in events} == {("2015-05-11", "day")}
