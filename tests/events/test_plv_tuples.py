"""Targets and kinds read off the PLV dev set's tune half (issue 17, stop 24), each on
sentences written for the test: the place of a thing attacked, the envoy summoned, states of
emergency, suspended aid, arrests by troops and "killed in police firing"."""

from __future__ import annotations

from eventwire.pipeline import code
from eventwire.records import Event


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source.code if e.source else None, e.plover, e.target.code if e.target else None)
            for e in events if not e.negated}


def codes(events: list[Event]) -> set[str]:
    return {e.cameo for e in events if not e.negated}


def test_force_aimed_at_a_thing_in_a_place_targets_its_country(code_text):
    assert ("ISR", "ASSAULT", "SYR") in dyads(
        code_text("Israel launched airstrikes against a weapons depot in Syria."))
    assert ("TUR", "ASSAULT", "SYR") in dyads(
        code_text("Turkey bombed an ammunition factory inside Syria on Monday."))


def test_the_place_of_a_thing_is_no_target_of_words_or_talks(code_text):
    found = dyads(code_text("France criticised the plans for a dam in Egypt."))
    assert not any(target == "EGY" for _, _, target in found)
    found = dyads(code_text("Germany held talks on a factory in Iran."))
    assert not any(target == "IRN" for _, _, target in found)


def test_a_summoned_envoy_is_addressed_before_what_is_complained_about(code_text):
    found = dyads(code_text(
        "France summoned Germany's ambassador to complain about a raid on a charity in Egypt."))
    assert ("FRA", "ACCUSE", "DEU") in found
    assert ("FRA", "ACCUSE", "EGY") not in found


def test_a_declared_state_of_emergency_or_siege_is_coercion(code_text):
    assert "1724" in codes(code_text("Egypt declared a state of emergency in Sinai."))
    assert "1724" in codes(code_text("Turkey declared a state of siege in the east."))
    assert "1724" not in codes(code_text("Egypt declared a state of mourning."))


def test_suspended_supplies_and_a_suspension_of_aid_reduce_aid(code_text):
    assert ("FRA", "SANCTION", "EGY") in dyads(
        code_text("France suspended food supplies to Egypt."))
    assert "162" in codes(code_text("Germany announced a suspension of aid to Egypt."))
    assert "162" not in codes(code_text("Germany announced a suspension of the talks."))


def test_troops_who_apprehend_a_man_arrest_him():
    arrests = [e for e in code("Israeli troops apprehended a man near the border.")
               if e.cameo == "173"]
    assert arrests and arrests[0].source and arrests[0].source.code == "ISRMIL"
    # without a force of order as subject, "apprehend" is still no arrest (to fear, in Indian
    # English): "residents apprehend trouble"
    assert not any(e.cameo == "173" for e in code("Residents apprehended trouble after the vote."))


def test_killed_in_police_firing_is_force_by_the_police(code_text):
    fired = [e for e in code_text("two persons were killed in police firing in the old city.")
             if e.cameo.startswith("19") and not e.negated]
    assert fired and all(e.source and e.source.code == "COP" for e in fired)


def test_a_date_is_no_party_of_a_patterns_preposition(code_text):
    # "called X on Tuesday" names no one called on: no appeal
    assert "020" not in codes(code_text("Germany called the Egyptian minister on Tuesday."))
    assert "020" in codes(code_text("Germany called on Egypt to release the men."))


def test_borders_opened_to_refugees_give_refuge(code_text):
    assert "075" in codes(code_text("Turkey opened its borders to refugees from Syria."))
    assert "0863" in codes(code_text("Egypt opened its border crossing with Gaza."))


def test_troops_sent_to_a_peacekeeping_force_are_peacekeepers(code_text):
    assert "074" in codes(code_text("Japan is sending troops to the peacekeeping force in Syria."))
    assert "154" in codes(code_text("Russia is sending troops to the border with Turkey."))


def test_a_court_charging_someone_accuses_and_police_charging_arrests():
    assert "112" in {e.cameo for e in code("A Russian court charged the British banker with fraud.")}
    assert "173" in {e.cameo for e in code("Police charged the two men with rioting.")}
