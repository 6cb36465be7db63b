"""Sentences that report no political event (docs/audit.md, judging guide): link lines to other
articles, embedded posts, habits and standing claims, sermons."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.sections import LinkLists, link_mark_cuts, linked
from eventwire.nlp import parse_article
from eventwire.records import Article, Event


def sentences(events: list[Event]) -> set[str]:
    return {e.sentence for e in events}


def test_the_headline_after_a_link_mark_is_not_coded_and_the_text_before_it_is(code_text):
    run_on = code_text("France warned Germany on Monday. READ MORE: Russia attacks Turkey "
                       "Britain praised Brazil on Monday.")
    assert [e.cameo[:2] for e in run_on] == ["13"]  # only the warning before the mark
    # the mark alone at the end of a sentence: the next sentence is the linked headline
    apart = code_text("Britain praised Brazil on Monday. READ MORE:\n"
                      "Russia accuses Turkey of lying France praised Germany on Monday.\n"
                      "Iran praised Syria.")
    assert {(e.source.code, e.target.code) for e in apart} == {("GBR", "BRA"), ("IRN", "SYR")}
    # a headline that runs on into this article's next sentence: only its verb is left out
    long = code_text("Britain praised Brazil on Monday. READ MORE:\n"
                     "Russia accuses Turkey of lying about the long row over the border "
                     "Iran praised Syria on Monday at the end of the meeting in the capital.")
    assert {e.cameo[:2] for e in long} == {"05"}
    assert "Iran praised Syria" in " ".join(sentences(long))


def test_link_marks_are_matched_as_written():
    marks = ("READ MORE:",)
    assert link_mark_cuts(marks, [(0, "Britain praised Brazil, Human Rights Watch: said.")]) == {}
    assert link_mark_cuts(marks, [(0, "A said. READ MORE: B attacks C"), (40, "D met E.")]) == {0: 18}
    rule = LinkLists(max_chars=20)
    assert linked(rule, "READ MORE: B attacks C", 10, 13, headline_verb=False)  # all headline
    run_on = "READ MORE: B attacks C D met E on Monday in the capital"
    assert linked(rule, run_on, 10, 13, headline_verb=True)
    assert not linked(rule, run_on, 10, 25, headline_verb=False)
    assert link_mark_cuts(marks, [(0, "A said. READ MORE:"), (20, "B attacks C D met E.")]) == {20: 0}


def test_an_embedded_post_is_not_coded(code_text):
    assert not code_text("France warned Germany https://t.co/ab12 pic.twitter.com/cd34")
    assert code_text("France warned Germany on Monday.")


def test_an_act_told_in_the_simple_present_of_a_clause_is_a_habit(code_text):
    assert not [e for e in code_text("France said Russia attacks Turkey with impunity.")
                if e.cameo.startswith("19")]
    assert [e for e in code_text("France said Russia attacked Turkey.") if e.cameo.startswith("19")]
    # words and stances are news in the present; so is a dated act (a caption) and a headline
    assert [e for e in code_text("France said Russia condemns Turkey.") if e.cameo.startswith("11")]
    assert [e for e in code_text("France said Russia attacks Turkey on Monday.")
            if e.cameo.startswith("19")]
    assert [e for e in code_text("Russia attacks Turkey") if e.cameo.startswith("19")]


def test_a_sermon_is_no_statement_but_a_clerics_word_on_politics_is():
    def coded(text: str) -> list[Event]:
        parsed = parse_article(Article(id="t", text=text, date="2017-04-15"))
        return EventCoder.default().code(parsed, ActorResolver.default().annotate(parsed))

    assert not coded("MANILA - Archbishop Jose Santos said God had raised the living from the tomb.")
    assert not coded("MANILA - The archbishop urged the faithful to pray for mercy on Easter.")
    assert coded("MANILA - Archbishop Jose Santos said the government must stop the killings.")
    assert coded("MANILA - Archbishop Jose Santos said the talks would go on.")  # no word of faith
