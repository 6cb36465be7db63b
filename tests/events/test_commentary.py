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


def test_a_state_speaker_named_by_a_company_word_is_coded():
    # a head of government called "chief executive", a state agency's scientist: not bystanders
    for text in (
        "Chief Executive Carrie Lam said the city's tourism would recover next year.",
        "NASA's chief scientist said the planet was warming faster than expected.",
    ):
        assert statements(text), text


def test_witnesses_of_violence_or_disaster_near_a_market_are_coded():
    for text in (
        "Residents said the blast shattered the windows of shops near the market.",
        "Witnesses said an airstrike flattened the shops along the main street.",
        "Residents said mortar rounds landed near the stadium during the game.",
        "Residents said the looting began after the stores closed.",
        "Residents said the flooding swept away shops in the market.",
        "Residents said the landslide buried dozens of homes near the tourist resort.",
    ):
        assert statements(text), text


def test_a_cleric_on_tradition_is_left_to_the_sermons_guard():
    assert "REL" not in pattern_book().commentary.speaker_sectors
    assert coded("Pope Francis said the tradition of welcoming strangers was part of Europe's "
                 "heritage.")


def test_talk_of_trade_policy_is_coded():
    for text in (
        "An economist at Barclays said the export ban on rice would raise prices across Asia.",
        "Analysts said the bailout of the banks would cost taxpayers billions.",
        "Exporters said the new duties on steel would cost thousands of jobs.",
        "Analysts said the nationalisation of the oil industry would scare investors away.",
    ):
        assert statements(text), text


def test_a_political_word_in_a_business_or_sport_sense_is_no_politics():
    guard = pattern_book().commentary
    assert "injury" not in guard.political_words
    for text in (
        "The team doctor said the player's injury would keep him out for the rest of the season.",
        "Analysts said the market crash would hurt small investors.",
    ):
        assert statements(text) == [], text
