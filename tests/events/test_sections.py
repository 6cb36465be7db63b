"""Sports and entertainment pages (events/data/sections.yaml): their rows between teams and
celebrities are no political events; a state actor's act on such a page still is."""

from __future__ import annotations

from eventwire.events.patterns import pattern_book
from eventwire.records import Event

ROW = "Japan accused China of cheating. The police arrested the coach. Britain praised Brazil."


def kinds(events: list[Event]) -> set[str]:
    return {e.cameo[:2] for e in events}


def test_a_sports_page_keeps_only_the_acts_of_state_actors(code_at_url):
    def code_page(url):
        return code_at_url(ROW, url)

    news = code_page("https://news.example.com/world/asia/2008/01/12/story.html")
    assert {"11", "17", "05"} <= kinds(news)  # the same text on a news page
    sports = code_page("https://www.example.co.uk/sport/cricket/7185056.stm")
    assert kinds(sports) == {"17"}  # the police's arrest stays; the teams' row and praise go
    assert kinds(code_page("https://uk.eurosport.example.com/18012008/1/wrap.html")) == {"17"}
    assert kinds(code_page("https://www.example.com/nfl/15023805/detail.html")) == {"17"}


def test_a_url_word_that_only_contains_a_section_word_is_no_section(code_at_url):
    sections = pattern_book().off_topic
    assert sections.section_word("https://www.example.com/2017/02/08/world/passports-fraud") is None
    assert sections.section_word("https://www.example.com/transportation/strike.html") is None
    assert sections.section_word("https://www.example.com/news/nfl-draft.html") == "nfl"
    # short entries must be a whole URL word: "f1" inside an id is not Formula One
    assert sections.section_word("https://www.example.com/story?id=3f1c2") is None
    assert sections.section_word(None) is None
    assert kinds(code_at_url(ROW, None)) >= {"11", "17", "05"}  # no URL: coded as news


LINKS = """France warned Germany on Monday, officials said.
Latest news
Japan accuses China of murder plot
Russia expels British diplomats
1. Iran praises Syria
2. Brazil visit to ...
Britain praised Brazil."""


def test_headlines_in_a_list_of_links_are_not_coded(code_text):
    coded = {e.sentence for e in code_text(LINKS)}
    assert "France warned Germany on Monday, officials said." in coded
    assert "Britain praised Brazil." in coded  # prose after the list is coded again
    assert not coded & {"Japan accuses China of murder plot", "Iran praises Syria"}


def test_a_lone_headline_and_prose_wrapped_over_short_lines_are_coded(code_text):
    # one headline line is no list
    assert "Japan accuses China of murder plot" in {
        e.sentence for e in code_text("Japan accuses China of murder plot\nThe row grew on Monday.")}
    wrapped = ("The talks ended on Monday, and\nJapan accused China of lying to\n"
               "the envoys, while Russia praised\nBrazil for its help.\n")
    assert {"11", "05"} <= kinds(code_text(wrapped))
