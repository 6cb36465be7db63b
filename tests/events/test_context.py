"""Acts told as context (events/context.py) never swallow current news: a sentence that dates
the act to a day, or a breaking-news lead, is news (review of s24-notevent; made-up sentences)."""

from __future__ import annotations

from eventwire.events.context import animal
from eventwire.events.patterns import pattern_book
from eventwire.nlp import parse_article, syntax
from eventwire.records import Article


def _roots(events) -> set[str]:
    return {e.cameo[:2] for e in events}


def test_a_count_of_acts_dated_to_a_day_is_news(code_text):
    assert "19" in _roots(code_text("Russia launched 40 missile strikes on Syria overnight."))
    assert "19" in _roots(code_text("Israel carried out more than 100 airstrikes on Syria overnight."))
    assert "19" in _roots(code_text("Russia launched 15 airstrikes on Syria on Monday."))
    assert "19" in _roots(code_text("Russia launched 15 airstrikes on Syria on March 3."))
    assert not code_text("There were at least 338 attacks on protesters in Syria in 2015.")
    assert "14" in _roots(code_text("The protesters staged 12 rallies against Egypt on Saturday."))


def test_talks_and_placed_meetings_are_no_series(code_text):
    assert "04" in _roots(code_text("The minister's talks with Russia in Moscow ended without a deal."))
    assert "04" in _roots(code_text("The minister's talks with Russia focused on the nuclear deal."))
    assert "04" in _roots(code_text("The minister's meetings with Russia in Moscow produced a new gas deal."))
    assert "04" in _roots(code_text("The minister's visits to Russia and Syria followed the summit."))


def test_a_trend_word_on_an_act_of_a_day_keeps_the_act(code_text):
    assert "14" in _roots(code_text("Daily protests against Egypt by protesters continued in"
                                    " Cairo on Saturday."))
    assert "14" in _roots(code_text("Thousands joined mounting protests against Egypt in Cairo on Sunday."))
    assert "19" in _roots(code_text("Escalating clashes between Syria and Turkey killed 30"
                                    " people on Sunday."))
    assert "14" in _roots(code_text("The police fired tear gas at growing protests by"
                                    " protesters in Cairo on Tuesday."))


def test_a_toll_since_a_recent_day_or_event_is_news(code_text):
    assert "18" in _roots(code_text("Syria has killed 24 protesters since Saturday in a wave of attacks."))
    assert "18" in _roots(code_text("Israel has killed 40 protesters since Friday, health officials said."))
    assert "17" in _roots(code_text("Egypt has deported 200 protesters since Monday."))
    assert "17" in _roots(code_text("The police have arrested 300 protesters since the coup attempt."))


def test_a_record_of_a_day_is_no_tally_of_a_year(code_text):
    assert "17" in _roots(code_text("The police arrested 1,500 protesters in Cairo on Sunday"
                                    " in the biggest crackdown since 2020."))
    assert "17" in _roots(code_text("The police arrested 2,000 protesters on Saturday, the"
                                    " most in a single day this year."))
    assert "19" in _roots(code_text("Syria killed 1,000 protesters on Monday in the deadliest"
                                    " day of fighting in years."))


def test_an_act_presupposed_by_a_question_is_news(code_text):
    assert "17" in _roots(code_text("When police arrested the protesters on Monday, did they"
                                    " follow the law?"))
    assert "03" in _roots(code_text("Will the talks succeed after Russia met China in Beijing on Thursday?"))
    assert "18" in _roots(code_text("What do we know about the attack by Syria that killed 12"
                                    " protesters on Monday?"))
    assert "19" in _roots(code_text("Where were the police when Syria attacked Turkey on Sunday?"))
    assert "19" in _roots(code_text("Why did police open fire on protesters in Cairo on Tuesday?"))
    assert "19" in _roots(code_text("Why did police open fire on protesters in Cairo?"))
    assert not code_text("Did Russia attack Turkey?")  # the question's own act


def test_a_clash_with_police_over_a_policy_is_a_clash(code_text):
    assert "19" in _roots(code_text("The protesters clashed over the new tax with police in"
                                    " Cairo on Monday."))
    assert "19" in _roots(code_text("The protesters and police clashed over the budget in"
                                    " Cairo, leaving 10 injured."))
    both = code_text("Syria and Turkey clashed over trade on Monday, killing 10.")
    assert {(e.source.code, e.target.code) for e in both if e.target} == {("SYR", "TUR"), ("TUR", "SYR")}


def test_no_life_story_in_a_clause_of_watchers_or_an_appositive(code_text):
    assert "17" in _roots(code_text("The police arrested the protesters as children watched in"
                                    " Cairo on Monday."))
    assert "17" in _roots(code_text("The police arrested a girl, at age 16 the youngest"
                                    " detainee, in Cairo on Monday."))
    assert not code_text("The minister was arrested at age 17 by police in Egypt.")


def test_a_whose_clause_dated_to_this_morning_or_overnight_is_news(code_text):
    assert "19" in _roots(code_text("Syria, whose fighters attacked Turkey this morning, said"
                                    " it would hold the town."))
    assert "19" in _roots(code_text("Syria, whose troops attacked Turkey overnight, denied the report."))


def _animal(text: str, verb: str) -> bool:
    parsed = parse_article(Article(id="t", text=text))
    token = next(t for s in parsed.sentences for t in s.span if t.lower_ == verb)
    return animal(pattern_book().context, syntax.predicate_chain(token))


def test_police_dogs_and_nicknames_are_no_animals():
    assert not _animal("A police dog attacked a protester in Minneapolis.", "attacked")
    assert not _animal("The Bear, a militia leader, was shot dead by police in Lagos.", "shot")
    assert _animal("A dog attacked a protester in Minneapolis.", "attacked")
    assert _animal("The bear was shot dead by police in the park.", "shot")


def test_a_span_in_a_later_clause_and_stacked_lead_labels_are_news(code_text):
    assert "19" in _roots(code_text("A week of protests ended on Monday when police fired tear"
                                    " gas on protesters in Cairo."))
    assert "17" in _roots(code_text("BREAKING: UPDATE: Police arrested the protesters in Cairo on Monday."))
