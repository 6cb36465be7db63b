"""Violent acts told as history, tallies, accidents or kinds of act are not coded; current
attacks still are (events/context.py, senses.yaml, discards.yaml; issue 17, stop 25; made-up
sentences)."""

from __future__ import annotations

VIOLENT = {"18", "19", "20"}


def _roots(events) -> set[str]:
    return {e.cameo[:2] for e in events}


def test_a_row_of_a_table_cut_at_its_next_label_is_not_coded(code_text):
    assert not code_text("Two protesters killed and one wounded in shooting by police ATTACKER:")
    assert not code_text("HOMS, SYRIA May, 2013 TARGET: Three protesters killed by police in"
                         " ambush ATTACKER:")
    assert "18" in _roots(code_text("Syria killed three protesters in an ambush near Homs on Monday."))
    assert "18" in _roots(code_text("HOMS: Syria killed three protesters in an ambush on Monday."))


def test_illness_epidemics_and_falls_kill_no_ones_victims(code_text):
    assert not code_text("Egypt was hit by a cholera epidemic, which killed 2,100 protesters.")
    assert not code_text("A fall from a balcony killed the Egyptian minister.")
    assert not code_text("Malaria killed dozens of Egyptian protesters in the province.")
    assert "18" in _roots(code_text("Syria killed 12 protesters in the province."))
    assert "18" in _roots(code_text("Twelve protesters were killed by Syria in a blast at a market."))


def test_one_who_kills_only_themself_is_no_attack(code_text):
    assert not code_text("The Egyptian minister killed himself in his cell on Monday.")
    assert "18" in _roots(code_text("The Syrian bomber killed himself and 12 Egyptian protesters"
                                    " on Monday."))
    assert VIOLENT & _roots(code_text("Two Syrian soldiers shot themselves and a colleague during"
                                      " a drill."))
    assert "18" in _roots(code_text("Eight Syrian fighters blew themselves up with a grenade near"
                                    " the Egyptian police on Monday."))


def test_a_yearly_toll_and_the_toll_of_a_span_are_tallies(code_text):
    assert not code_text("Syrian attacks on 252 Turkish cities last year killed more than 6,000 Turkish"
                         " protesters.")
    # the wounding dated 2015 is history the time stage dates; the attacks over a year are a run
    assert "19" not in _roots(code_text("Syrian attacks on Turkish cities in 2015 wounded 60"
                                        " Turkish protesters."))
    assert not code_text("A month of violence after the vote killed at least 300 Egyptian protesters,"
                         " a report said.")
    assert VIOLENT & _roots(code_text("Syrian attacks on 252 Turkish cities killed more than 60"
                                      " Turkish protesters."))
    # acts in the plural dated to a year but not doing harm are history the time stage dates
    assert "14" in _roots(code_text("The uprising had started in 2011 with protests against Egypt in Cairo."))


def test_a_kind_of_act_is_no_act(code_text):
    assert "19" not in _roots(code_text("Any attack on Egypt is an attack on all of Africa,"
                                        " the minister said."))
    assert "18" not in _roots(code_text("Those who killed protesters will be punished, the minister said."))
    assert "18" not in _roots(code_text("She heard him talk about killing the minister."))
    # those who did it, in the past under a main clause of fact, did one act
    assert "19" in _roots(code_text("Those who attacked the Egyptian police in Cairo were members"
                                    " of a Syrian group, the minister said."))
    assert "19" in _roots(code_text("Syria launched an attack on Turkey in the north."))
    assert VIOLENT & _roots(code_text("The police killed protesters who resisted the raid."))


def test_statistics_compared_with_numbers_are_not_acts(code_text):
    assert not code_text("In 2011, 40 Turkish ships were attacked by Syria, compared with 120 in 2010.")
    assert "19" in _roots(code_text("Syria attacked 40 Turkish ships off the coast."))
    # an act compared with a number but dated to no year is news
    assert "18" in _roots(code_text("Israel killed 14 protesters in Gaza, compared with 4 in the"
                                    " West Bank, the minister said."))
    assert "17" in _roots(code_text("Egypt arrested 30 protesters in Cairo, compared to 200 at"
                                    " last year's rally."))


def test_current_news_in_the_present_passive_is_coded(code_text):
    assert "18" in _roots(code_text("Four Egyptian protesters are killed by Syria near Homs, the"
                                    " minister says."))
    assert "18" in _roots(code_text("09:15 GMT: Three protesters are killed by Syria in an attack"
                                    " near Homs, state media reports."))
    assert "18" in _roots(code_text("Witnesses say a protester is shot dead by Egyptian police in Giza."))
    assert "18" in _roots(code_text("The minister is kidnapped by Syria in Homs, his party said."))


def test_a_named_event_of_history_is_not_coded_but_a_title_is(code_text):
    assert "20" not in _roots(code_text("Turkey denied the Armenian Genocide at a meeting with France."))
    assert VIOLENT & _roots(code_text("Syria Attack on Turkey Kills 26 Police Officers"))


def test_an_event_noun_in_title_case_on_a_target_is_current(code_text):
    assert VIOLENT & _roots(code_text("Egypt condemned the Israeli Attack on the Syrian protesters"
                                      " as a war crime."))


def test_talk_and_jokes_are_idle_only_about_their_topic(code_text):
    met = code_text("The Egyptian minister talked to reporters after meeting Syria in Vienna.")
    assert "meeting" in {e.trigger for e in met}
    assert "04" not in _roots(code_text("The minister joked about meeting Syria in Moscow."))


def test_a_news_line_ending_on_a_label_is_not_a_table_row(code_text):
    assert "18" in _roots(code_text("Syria killed six Egyptian protesters in Homs, the minister"
                                    " said WATCH:"))
    assert "18" in _roots(code_text("Egyptian police killed 14 protesters near Cairo on Monday UPDATE:"))


def test_a_fall_or_an_outbreak_of_something_else_vetoes_no_killing(code_text):
    assert "18" in _roots(code_text("Syria killed 30 Egyptian protesters after the fall of"
                                    " Palmyra, the minister said."))
    assert "18" in _roots(code_text("Egyptian police killed 11 protesters amid a cholera outbreak in"
                                    " the north."))
    assert "18" in _roots(code_text("Syria killed 25 protesters amid famine in the region."))
    assert "18" in _roots(code_text("Egyptian police killed 16 protesters during the outbreak of"
                                    " violence in Cairo."))
    assert "18" in _roots(code_text("Syria killed 20 Egyptian protesters in the fall of Idlib."))
    assert not code_text("The Egyptian minister was killed in a fall from a building in Paris.")
