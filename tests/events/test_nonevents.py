"""Sentences that report no political event (docs/audit.md, judging guide): link lines to other
articles, embedded posts, habits and standing claims, sermons."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.sections import LinkLists, link_list_sentences, link_mark_cuts, linked
from eventwire.nlp import coded_text, parse_article
from eventwire.nlp.prefilter import parse_candidates
from eventwire.pipeline import trigger_lemmas
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
    # a mark is a word of its own: the "MORE:" of a dateline's "BALTIMORE:" is no link
    assert link_mark_cuts(("MORE:",), [(0, "BALTIMORE: Police arrested 12 protesters.")]) == {}
    assert link_mark_cuts(("MORE:",), [(0, "A said. MORE: B attacks C")]) == {0: 13}


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


def test_a_direct_question_asserts_no_act(code_text):
    assert not code_text("Who attacked the minister in Syria?")
    assert not code_text("Did Russia attack Turkey?")
    assert code_text("The minister was killed in an attack in Syria on Monday.")


def test_a_life_story_is_no_act_of_the_news(code_text):
    assert not code_text("As a student, the minister was arrested by police.")
    assert not code_text("The minister was arrested at age 17 by police in Egypt.")
    assert code_text("The minister was arrested by police in Egypt on Monday.")


def test_a_trend_or_a_run_of_someones_acts_is_no_one_act(code_text):
    assert not code_text("The rising attacks by Syria against Israel have come together.")
    assert not code_text("Israel held the town against repeated attacks by Syria.")
    assert code_text("The attacks by Syria against Israel have come together.")
    assert not code_text("The minister's meetings with Russia angered France.")
    assert code_text("The minister's meetings with Russia on Monday angered France.")
    assert code_text("The minister's meeting with Russia angered France.")


def test_a_past_act_that_says_who_someone_is_is_background(code_text):
    undated = code_text("Britain hosted protesters whose leader was shot by police.")
    assert [e.cameo[:2] for e in undated] == ["04"]
    dated = code_text("Britain hosted protesters whose leader was shot by police on Monday.")
    assert "19" in {e.cameo[:2] for e in dated}


def test_animals_that_attack_or_are_shot_make_no_event(code_text):
    assert not code_text("The protesters were attacked by a dog in Egypt.")
    assert not code_text("The tiger escaped before it was shot dead by police in Egypt.")
    assert code_text("The protesters escaped before they were shot dead by police in Egypt.")


def test_counts_of_acts_are_tallies_not_events(code_text):
    tallied = code_text("There were at least 338 attacks on protesters in Syria, France said.")
    assert [e.cameo[:2] for e in tallied] == ["01"]
    two = code_text("There were two attacks on protesters in Syria on Monday, France said.")
    assert "19" in {e.cameo[:2] for e in two}
    assert not code_text("In 2015, police arrested 30,000 protesters in Egypt.")
    assert code_text("On Monday, police arrested 3,000 protesters in Egypt.")
    assert not code_text("At least 240 protesters have been killed by police in Syria since March.")
    assert code_text("At least 24 protesters have been killed by police in Syria since Saturday.")
    assert not code_text("A week of violence killed 612 protesters in Syria.")
    assert code_text("At least 24 protesters have been killed by police in Syria.")


def test_rows_of_a_table_of_past_attacks_are_not_coded(code_text):
    assert not code_text("CAIRO, EGYPT September, 2014 TARGET: Two police officers wounded in "
                         "knife attack ATTACKER: protesters 406 stories")
    assert code_text("Police officers were wounded in a knife attack by protesters in Egypt on Monday.")


def test_section_labels_of_other_stories_are_link_marks_in_the_body_only(code_text):
    assert [e.cameo[:2] for e in code_text("France praised Germany on Monday. OPINION: How "
                                            "Russia attacked Turkey\nIran praised Syria.")] == [
        "05", "05"]
    labelled = code_text("Russia attacked Turkey on Monday.", title="IN PICTURES: Russia attacks Turkey")
    assert [e.sentence for e in labelled if e.cameo.startswith("19")][0].startswith("IN PICTURES")


def test_a_photo_caption_is_not_coded(code_text):
    assert not code_text("Police arrested the minister in Egypt on Monday (Picture: Cairo police)")
    around = code_text("France praised Germany.\nImage copyright AFP Image caption Police "
                       "arrested the minister in Egypt, his aide says\nIran praised Syria.")
    assert [e.cameo[:2] for e in around] == ["05", "05"]
    assert code_text("Police arrested the minister in Egypt on Monday (pictured) in Cairo.")


def test_the_post_before_its_signature_is_not_coded_and_the_article_after_it_is(code_text):
    events = code_text("France praised Germany.\nThe minister says Russia attacked Turkey "
                       "Jane Doe (@janedoe) March 8, 2017 Iran praised Syria on Monday.")
    assert [(e.source.code, e.target.code) for e in events] == [("FRA", "DEU"), ("IRN", "SYR")]


def test_a_numbered_list_of_headlines_is_found_when_its_lines_start_with_spaces():
    article = Article(id="t", title="Talks go on", text=(
        "The talks go on.\nThe coverage so far...\n1.  Don't send troops, says France\n"
        "2.  Iran praises Syria on the deal\n3.  Russia attacks Turkey\nThe talks end.\n"))
    parsed = next(parse_candidates([article], trigger_lemmas()))
    text, _ = coded_text(article)
    found = link_list_sentences(EventCoder.default().book.link_lists, text, article.title,
                                [(s.start, s.text) for s in parsed.sentences])
    listed = {s.text for s in parsed.sentences if s.start in found}
    assert {"Don't send troops, says France", "Iran praises Syria on the deal",
            "Russia attacks Turkey"} <= listed
    assert not {"The talks go on.", "The talks end."} & listed
