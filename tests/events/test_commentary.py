"""Talk and trade outside politics are no event (events/data/commentary.yaml): an analyst's word
on a market, an academic's on history, a manager's on a product are not coded; the same
speakers' word on a state, a court, an election or a war is."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.patterns import pattern_book
from eventwire.nlp import parse_article
from eventwire.records import Actor, Article, Event


def coded(text: str) -> list[Event]:
    parsed = parse_article(Article(id="t", text=text, date="2017-01-06"))
    return EventCoder.default().code(parsed, ActorResolver.default().annotate(parsed))


def statements(text: str) -> list[Event]:
    return [e for e in coded(text) if e.cameo.startswith("01")]


def test_commentary_outside_politics_is_not_coded():
    for text in (
        "Analysts say the new handsets will struggle in the most crowded smartphone market.",
        "Jane Wexley, a history professor at Dunmore University, says the old festival "
        "tradition shaped the region's cuisine.",
        "In primate groups, grooming is the glue of it all, said Dr. Hal Brook, a researcher "
        "at Mossfield University in Singapore.",
        "Kim Sato, a senior researcher at the Lanford Institute, says a weaker currency would "
        "raise the costs of companies that borrow abroad.",
        "The old style looks a little like the architecture of the harbour, said Ruth Pell, a "
        "resident since June.",
    ):
        assert statements(text) == [], text


def test_a_speaker_of_a_kind_outside_politics_whatever_the_code():
    # "critic" alone is a government's critic (OPP); a literary critic on novels is no actor
    assert statements("Veteran literary critic Hu Lan says the power of the novel comes from "
                      "village stories and their literary traditions.") == []


def test_the_same_speakers_on_politics_are_coded():
    for text in (
        "Legal experts said it might be hard to find anyone a court would allow to sue.",
        "Analysts said the election would weaken the president's hold on the market.",
        "Kim Sato, a senior researcher at the Lanford Institute, says the government's new "
        "tariffs will hurt the smartphone market.",
        "Residents say the storm destroyed the market in the town.",
        # a country in what is told, not where the speaker is, is news about it
        "Experts told the paper that demand for the product is high in northern Syria.",
    ):
        assert statements(text), text


def test_a_company_acting_with_a_state_is_coded():
    assert coded("Pellam Foods said it would invest in Egypt after meeting the Egyptian "
                 "government's ministers.")


def test_the_guard_reads_its_data():
    guard = pattern_book().commentary
    assert "01" in guard.roots and not any(r.startswith(("1", "2")) for r in guard.roots)
    assert "EDU" in guard.speaker_sectors and "GOV" in guard.political_sectors
    assert "court" in guard.political_words and "market" in guard.topic_nouns
    # a bystander: no actor, a company, an academic; not a state, a country alone or an IGO
    assert guard.bystander(None)
    assert guard.bystander(Actor(text="analysts", code="CHNEDU", country="CHN", sectors=["EDU"]))
    assert not guard.bystander(Actor(text="China", code="CHN", country="CHN"))
    assert not guard.bystander(Actor(text="the IMF", code="IGOIMF", country="IGO"))
