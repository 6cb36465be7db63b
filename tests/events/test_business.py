"""Business news is no political event (events/data/business.yaml): a company's result, sale or
comment is not coded, an act of a political actor about a company is."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.business import business_guard
from eventwire.nlp import parse_article
from eventwire.records import Article, Event


def coded(text: str) -> list[Event]:
    parsed = parse_article(Article(id="t", text=text, date="1989-10-27"))
    return EventCoder.default().code(parsed, ActorResolver.default().annotate(parsed))


def test_business_content_is_not_coded():
    for text in (
        "NEW YORK - Rolex Foods Inc. agreed to sell its candy unit to Vell Corp. for $370 million.",
        "NEW YORK - The company said it had a loss of $5 million in the quarter.",
        "NEW YORK - Richard Moore, president of Unisar Corp., said prices will rise next year.",
        "NEW YORK - Vell Corp. went public this month, offering 1.7 million shares at $15 a share.",
    ):
        assert coded(text) == [], text


def test_a_political_actor_acting_on_a_company_is_coded():
    events = coded("WASHINGTON - The Justice Department sued Vell Corp. to block the merger.")
    assert [(e.cameo[:2], e.source.sectors[:1], e.target.sectors) for e in events] == [
        ("11", ["GOV"], ["BUS"])]
    # the same words with a state as a side stay
    assert coded("MOSCOW - Russia agreed to sell its gas to Ukraine for $370 million.")
    # a company's word on anything but business is a statement like any other
    assert coded("MIAMI - The ship did not take on water, said the company.")
    # a company's word on a state's act is politics as well as business
    assert coded("LONDON - Vell Corp. said the government's new tax would cut its profit.")


def test_the_guard_reads_its_data():
    guard = business_guard()
    assert "BUS" in guard.business_sectors and "GOV" not in guard.business_sectors
    assert "14" not in guard.roots  # a strike or a protest is never business news
