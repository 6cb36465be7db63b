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
    assert "19" in _roots(code_text("Syria launched an attack on Turkey in the north."))
    assert VIOLENT & _roots(code_text("The police killed protesters who resisted the raid."))


def test_statistics_compared_with_numbers_are_not_acts(code_text):
    assert not code_text("In 2011, 40 Turkish ships were attacked by Syria, compared with 120 in 2010.")
    assert "19" in _roots(code_text("Syria attacked 40 Turkish ships off the coast."))


def test_a_timeline_in_the_present_passive_is_not_news(code_text):
    assert "18" not in _roots(code_text("The minister is executed by Syria after his appeal is rejected."))
    assert "18" in _roots(code_text("The minister was executed by Syria after his appeal was rejected."))
    assert "18" in _roots(code_text("Police say a minister is killed by Syria in the town on Monday."))


def test_a_named_event_of_history_is_not_coded_but_a_title_is(code_text):
    assert "20" not in _roots(code_text("Turkey denied the Armenian Genocide at a meeting with France."))
    assert VIOLENT & _roots(code_text("Syria Attack on Turkey Kills 26 Police Officers"))
