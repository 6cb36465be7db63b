"""The kind of a substantive event (issue 17): a bombing is no generic attack, a police raid no
military force, showing no protest, criticism received no visit hosted, a trade war no fight,
an allegation no act done (events/data/*_patterns.yaml, *_coverage.yaml, senses.yaml)."""

from __future__ import annotations

from eventwire.records import Event


def codes(events: list[Event]) -> set[str]:
    return {e.cameo for e in events}


def roots(events: list[Event]) -> set[str]:
    return {e.cameo[:2] for e in events}


def test_killing_or_attacking_with_a_bomb_is_a_bombing(code_text):
    assert "183" in codes(code_text("A car bomb killed five police in Syria."))
    assert "183" in codes(code_text("Five police were killed in a suicide bombing in Syria."))
    assert "183" in codes(code_text("Syria attacked the police with a roadside bomb."))
    # the bomb is the one killed, not the means; a killing by hand stays one
    assert "183" not in codes(code_text("The police killed the bomber in Syria."))
    assert "1823" in codes(code_text("Syria killed five police near the border."))


def test_assassinations_and_poisonings_are_assaults_not_generic_force(code_text):
    assert "186" in codes(code_text("The assassination of the minister shocked Turkey."))
    assert "185" in codes(code_text("Police foiled an assassination attempt on the minister."))
    assert "182" in codes(code_text("Russia poisoned the minister with a nerve agent."))
    assert "182" in codes(code_text("Britain condemned the nerve agent attack on the minister by Russia."))
    # poisoned relations assault no one
    assert not roots(code_text("The dispute poisoned relations between Russia and Britain.")) & {"18"}


def test_a_police_raid_is_a_search_not_military_force(code_text):
    assert "170" in codes(code_text("The police raided the offices of the protesters in Turkey."))
    # an army's raid stays military force
    assert "190" in codes(code_text("Israel raided the police station in Syria."))


def test_demonstrating_something_is_showing_it_not_protesting(code_text):
    assert "14" not in roots(code_text("Iran demonstrated its new missile to Russia."))
    assert "14" not in roots(code_text("The minister demonstrated that the plan works in Turkey."))
    assert "14" in roots(code_text("The protesters demonstrated against the minister in Turkey."))


def test_receiving_criticism_or_a_reaction_hosts_no_visit(code_text):
    assert "043" not in codes(code_text("Iran received strong criticism from Germany."))
    assert "043" not in codes(code_text("The plan received a cold reaction from Germany."))
    assert "043" in codes(code_text("Iran received a delegation from Germany."))
    assert "043" in codes(code_text("The minister received Angela Merkel in Turkey."))


def test_a_trade_war_or_a_legal_battle_is_no_fight(code_text):
    assert "19" not in roots(code_text("China and Germany are fighting a trade war."))
    assert "19" not in roots(code_text("Google is fighting a legal battle with Germany."))
    assert "19" not in roots(code_text("The trade battle between China and Germany escalated."))
    assert "19" in roots(code_text("Syria fought a war with Turkey."))


def test_an_allegation_is_no_act_done(code_text):
    assert "18" not in roots(code_text("A man allegedly killed by Syria was buried in Turkey."))
    assert "18" not in roots(code_text("Syria allegedly tortured the protesters."))
    # the content of an accusation is no act; the accusation is one
    alleged = code_text("Turkey alleged that Syria killed five police.")
    assert "112" in codes(alleged) and "18" not in roots(alleged)
    # what an accusing statement reports of violence is still the violence
    assert "18" in roots(code_text("Turkey said Syria violated the truce and killed five police."))


def test_a_warning_against_an_act_threatening_nothing_is_advice(code_text):
    advice = code_text("Germany warned the protesters against travel to Turkey.")
    assert "020" in codes(advice) and "13" not in roots(advice)
    assert "020" in codes(code_text("France warned its citizens to avoid the border with Syria."))
    # a warning that says what the speaker would do stays a threat
    assert "13" in roots(code_text("Iran warned Israel against any attack, saying it would retaliate."))
    assert "13" in roots(code_text("Russia warned Turkey that it would respond to any provocation."))


def test_force_aimed_at_one_person_is_an_assault(code_text):
    assert "182" in codes(code_text("Syria attacked a journalist in Turkey."))
    assert "182" in codes(code_text("Turkey said the attack on the judge was carried out by Syria."))
    # an attack on a town or on troops stays military force
    assert "190" in codes(code_text("Syria attacked the town of Kilis in Turkey."))
