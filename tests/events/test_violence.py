"""Kinds and roles of violent events (issues 17 and 18, stop 24): an accident or an animal is
no violence, a bomb named as the means makes a bombing, and those who report, warn of or
suffer an attack, or come after it, are not its authors (events/data/arguments.yaml
telling_verbs, perpetrator_modifiers; senses.yaml accident_verbs, other_senses, warning_heads)."""

from __future__ import annotations

from eventwire.records import Event

FORCE = ("18", "19", "20")


def force(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.startswith(FORCE)]


def sources(events: list[Event]) -> set[str | None]:
    return {e.source.code if e.source else None for e in force(events)}


def test_who_reports_or_condemns_an_attack_did_not_carry_it_out(code_text):
    assert "GOV" not in sources(code_text("The minister reported an attack on the police in Syria."))
    assert "ISR" not in sources(code_text("Israel warned the killings in Syria could amount to war crimes."))
    # carrying one out still makes its author
    assert "ISR" in sources(code_text("Israel carried out an attack on the police in Syria."))


def test_an_act_warned_of_took_no_place(code_text):
    assert not force(code_text("The minister issued a warning of an attack on the police in Egypt."))
    assert not force(code_text("Egypt warned of attacks on the police."))


def test_a_one_sided_attack_before_an_act_is_not_its_doers(code_text):
    events = code_text("Syria shelled the border town after the attack on the police in Turkey.")
    assert not any(e.trigger == "attack" and e.source and e.source.code == "SYR" for e in events)
    # a fight before a capture is the capturer's
    events = code_text("Syria captured the town after heavy fighting with Turkey.")
    assert any(e.trigger == "fighting" and e.source and e.source.code == "SYR" for e in events)


def test_terror_attacks_named_by_a_country_are_not_that_countrys(code_text):
    assert "FRA" not in sources(code_text("The French terror attacks shocked Germany."))
    assert "FRA" in sources(code_text("The French army attacks shocked Germany."))


def test_accidents_are_no_violence(code_text):
    assert not force(code_text("Five police were killed when their bus collided with a truck in Turkey."))
    assert not force(code_text("Two Syrian soldiers were injured when their truck overturned."))
    # a clause of an act still tells violence
    assert force(code_text("Five police were killed when Syria stormed the border post in Turkey."))


def test_animals_are_no_parties_to_violence(code_text):
    assert not force(code_text("The police in Japan shot dead a bear."))
    assert not force(code_text("A postman in Britain was attacked by a dog."))
    assert force(code_text("The police in Japan shot dead a protester."))


def test_a_bomb_named_as_the_means_is_a_bombing_during_fighting_too(code_text):
    events = code_text("Five Syrian soldiers were killed by a roadside bomb while battling Turkey.")
    assert "183" in {e.cameo for e in events}


def test_the_police_are_no_implied_shooter_of_shots_fired_at_them(code_text):
    assert "COP" not in sources(code_text("Shots were fired at the police in France."))
    assert "COP" not in sources(code_text("Iran said that shots were fired near a school."))
    # crowd control is the police's
    assert "COP" in sources(code_text("In Egypt rubber bullets were fired to disperse the crowd."))


def test_a_raid_by_the_police_reported_by_them_is_a_search(code_text):
    events = code_text("The police in Turkey said they had raided the offices of the protesters.")
    assert "170" in {e.cameo for e in events}
    assert "190" not in {e.cameo for e in events}


def test_a_dateline_is_no_subject(code_text):
    events = code_text("SOUTH CITY, Turkey, (AP) - Syrian tanks and helicopters raided the police on "
                       "Tuesday, killing 10 people.")
    assert "TUR" not in sources(events)
    assert sources(events)


def test_victims_of_a_passive_without_its_arcs_are_no_authors(code_text):
    # spaCy reads "were slain" as "be" with a complement, and "two soldiers wounded" after a
    # passive with a subject of its own: the soldiers are still the victims
    events = code_text("The police were slain in Egypt.")
    assert force(events) and "COP" not in sources(events)
    assert any(e.target and e.target.code == "COP" for e in force(events))
    events = code_text("Five Syrian rebels were killed and two Egyptian soldiers wounded in Turkey.")
    assert "EGY" not in sources(events)
    # a named author in the by-phrase still is one
    assert "ISR" in sources(code_text("Two Egyptian soldiers were slain by Israel in Sinai."))


def test_a_country_dropped_from_a_terror_attack_leaves_no_author(code_text):
    # the subject of the verb the attacks hang from is no author: it is their victim
    events = code_text("Israel responded to Syrian terror attacks with air strikes.")
    assert not any(e.trigger == "attacks" and e.source and e.source.code == "ISR" for e in events)
    assert "ISR" not in sources(code_text("Israel has faced a wave of Syrian suicide attacks."))
    # a nationality on militants is theirs
    assert "SYR" in sources(code_text("Syrian militant attacks in Turkey have risen."))


def test_violence_during_a_riot_is_no_accident(code_text):
    assert "COP" in sources(code_text("The police shot three protesters as they toppled a statue in Egypt."))
    assert "COP" in sources(code_text("The police killed two protesters as crowds overturned cars in Egypt."))
    # a harm with no agent when a vehicle overturned is one
    assert not force(code_text("Two Syrian soldiers were injured when their truck overturned."))


def test_who_was_behind_or_responsible_for_an_attack_carried_it_out(code_text):
    assert "SYR" in sources(code_text("Syria was behind the attack on the police."))
    assert "SYR" in sources(code_text("Syria is responsible for the bombing in Turkey."))
    # the attack as the complement of "be" names no author
    assert "SYR" not in sources(code_text("Syria said it was a targeted attack."))
    assert "SYR" not in sources(code_text("Syria was the target of the attack on the police."))
    # a claim of its own is no act of the news
    assert "SYR" not in sources(code_text("Syria said it was behind the attack on the police."))


def test_a_force_confirming_its_strike_is_its_author(code_text):
    assert "ISR" in sources(code_text("Israel confirmed an air strike on the police in Syria."))


def test_dogs_as_an_instrument_are_no_animal_attack(code_text):
    events = code_text("The police attacked the protesters with dogs and tear gas in Egypt.")
    assert "COP" in sources(events)
    assert not force(code_text("A postman in Britain was attacked by a dog."))
