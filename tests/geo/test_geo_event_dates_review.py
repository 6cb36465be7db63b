"""date_events: guards for the review of the s24 date rules (made-up articles, published
2015-05-12): a present perfect in the lead, a story's day across briefs, a past month, a causal
"since", an after-clause of the same scene, and a timeline heading's evidence."""

from __future__ import annotations

import pytest

from eventwire.time import date_events

TODAY = ("2015-05-12", "day")


@pytest.mark.parametrize(("text", "title", "sentence_words", "trigger", "cameo_root"), [
    # a standfirst before the lead does not make the lead's present perfect an undated act
    ("Three men are held. A city is in shock. Police have arrested three men after a boy was "
     "stabbed in the city.", None, "Police have arrested", "arrested", "17"),
    ("Troops move north. Villages empty. Residents flee. The army has killed 40 rebels in an "
     "offensive, a spokesman said.", None, "army has killed", "killed", "19"),
    # the lead is counted from the body: a title of two sentences does not push it out
    ("The minister spoke in the capital. The minister has said she will resign.",
     "Cabinet in crisis. Minister quits.", "has said she", "said", "01"),
    ("Poland has condemned the move. The EU has also criticised Moscow.",
     "Row grows. Allies react.", "EU has", "criticised", "11"),
])
def test_a_present_perfect_lead_is_the_news(make_event, parse, text: str, title: str | None,
                                             sentence_words: str, trigger: str,
                                             cameo_root: str) -> None:
    parsed = parse(text, title=title)
    event = make_event(parsed, sentence_words, trigger, cameo_root=cameo_root)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == TODAY


def test_a_verbal_present_perfect_past_the_lead_is_undated(make_event, parse) -> None:
    """"has dismissed the opposition as ..." past the body's lead: a position, no day."""
    parsed = parse("Talks opened in Geneva. Delegates met twice. They ate lunch. The government "
                   "has dismissed the critics as a fringe.", title="Talks open. Critics speak.")
    event = make_event(parsed, "has dismissed", "dismissed", cameo_root="12")
    date_events(parsed, [event])
    assert (event.date, event.evidence["date"]["unknown"]) == (None, "perfect")


@pytest.mark.parametrize(("text", "sentence_words", "trigger", "cameo_root"), [
    # one brief's day does not carry into the next brief
    ("A car bomb killed five people in a market on Monday. The blast destroyed several shops. "
     "No group claimed responsibility. In the port city, police arrested 20 protesters.",
     "police arrested 20", "arrested", "17"),
    ("Fighting killed 20 people in the north on Saturday. Homes burned. Families fled. Roads "
     "closed. The United Nations condemned the violence.", "United Nations condemned",
     "condemned", "11"),
    # an after-clause of the same scene keeps the day: only a stated gap ("days after", "two
    # weeks after") puts the act at an unstated time
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. Police fired tear gas after "
     "protesters threw stones at officers.", "threw stones", "threw", "14"),
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. Riot police arrested 30 "
     "people after the crowd attacked a police station.", "crowd attacked", "attacked", "18"),
])
def test_a_sentence_keeps_the_day_of_its_own_story(make_event, parse, text: str,
                                                   sentence_words: str, trigger: str,
                                                   cameo_root: str) -> None:
    parsed = parse(text)
    event = make_event(parsed, sentence_words, trigger, cameo_root=cameo_root)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == TODAY


def test_a_past_month_does_not_replace_the_day_of_the_news(make_event, parse) -> None:
    """"Protests began last month ... Police fired tear gas": today's clash, not last month's."""
    parsed = parse("Protests against fuel prices began last month in the capital. Police fired "
                   "tear gas at the demonstrators.")
    event = make_event(parsed, "Police fired", "fired", cameo_root="14")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == TODAY


@pytest.mark.parametrize(("text", "trigger"), [
    ("The army attacked the town, since the talks had failed.", "attacked"),
    ("Since the talks failed, the army attacked the rebel town.", "attacked"),
])
def test_a_causal_since_leaves_a_simple_past_act_dated(make_event, parse, text: str,
                                                       trigger: str) -> None:
    parsed = parse(text)
    event = make_event(parsed, "army attacked", trigger, cameo_root="19")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == TODAY


def test_a_heading_records_whether_its_item_may_lie_ahead(make_event, parse) -> None:
    parsed = parse("Talks opened in Geneva. June 2014: The envoy resigns after a row. September 2015: "
                   "The minister meets the envoy in private.")
    meet = make_event(parsed, "meets the envoy", "meets", modality="future")
    date_events(parsed, [meet])
    assert (meet.date, meet.date_precision) == ("2015-09", "month")
    assert meet.evidence["date"]["may_be_future"] is True


def test_a_heading_that_dates_nothing_is_not_the_evidence(make_event, parse) -> None:
    """A present act under a heading after publication: the article's day, not the heading's."""
    parsed = parse("Talks opened in Geneva. June 2014: The envoy resigns after a row. September 2015: "
                   "The minister meets the envoy in private.")
    met = make_event(parsed, "meets the envoy", "meets")
    date_events(parsed, [met])
    assert (met.date, met.date_precision) == TODAY
    assert "September" not in str(met.evidence.get("date", {}).get("text"))
