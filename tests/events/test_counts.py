"""How many: counts of killed, injured, arrested, kidnapped, displaced and participants.

Sentences written for these tests; each is coded by the whole pipeline (real parse, real actor
resolver), and the counts are read as a user reads them, from ``to_dict()``.
"""

from __future__ import annotations

import pytest

from eventwire.events.counts import parse_number
from eventwire.pipeline import code


@pytest.mark.parametrize("text, value, low, high", [
    ("two", 2, 2, 2),
    ("a dozen", 12, 12, 12),
    ("dozens", 24, 24, 99),
    ("hundreds", 200, 200, 999),
    ("more than 20", 20, 20, None),
    ("at least 3", 3, 3, None),
    ("up to 4,000", 4000, None, 4000),
    ("some 500,000 workers", 500000, 500000, 500000),
    ("between 10 and 20 villagers", 10, 10, 20),
    ("1.5 million people", 1500000, 1500000, 1500000),
    ("two hundred and fifty", 250, 250, 250),
    ("tens of thousands of people", 20000, 20000, 99999),
    ("no one", 0, 0, 0),
])
def test_number_words_and_figures(text, value, low, high):
    number = parse_number(text)
    assert (number.value, number.low, number.high) == (value, low, high)


def test_no_number_is_none():
    assert parse_number("the protesters") is None


def _counts(sentence: str, plover: str | None = None) -> list[dict]:
    events = [e.to_dict() for e in code(sentence, date="2016-05-12")]
    return [e.get("counts", {}) for e in events if plover is None or e["plover"] == plover]


def _merged(sentence: str, plover: str) -> dict:
    merged: dict = {}
    for counts in _counts(sentence, plover):
        merged.update(counts)
    return merged


def test_killed_and_wounded_go_to_their_own_victims():
    counts = _merged("Taliban gunmen killed 3 militants and wounded 5 soldiers in Kabul.", "ASSAULT")
    assert counts["killed"]["value"] == 3 and counts["injured"]["value"] == 5


def test_bomb_killed_two_and_wounded_five_others():
    sentence = "A bomb killed two Iraqi youths and wounded five others in Baghdad."
    counts = _merged(sentence, "ASSAULT")
    assert counts["killed"]["value"] == 2 and counts["injured"]["value"] == 5
    assert counts["injured"]["text"] == "five others"
    start, end = counts["killed"]["span"]
    assert sentence[start:end] == counts["killed"]["text"] == "two Iraqi youths"


def test_passive_victims():
    counts = _merged("Three US servicemen were killed by a roadside bomb in Iraq.", "ASSAULT")
    assert counts["killed"] == {"value": 3, "low": 3, "high": 3, "text": "Three US servicemen",
                                "span": [0, 19]}


def test_floor_has_no_high_and_toll_is_kept_apart():
    counts = _merged("Syrian government forces killed at least 30 rebels, bringing the death toll "
                     "to more than 200.", "ASSAULT")
    assert (counts["killed"]["value"], counts["killed"]["low"], counts["killed"]["high"]) == (30, 30, None)
    assert counts["toll"]["value"] == 200 and counts["toll"]["of"] == "killed"


@pytest.mark.parametrize("sentence", [
    "At least 79 Syrian aid workers have been killed by rebels since the conflict began.",
    "Syrian government forces killed some 3,000 civilians in the war.",
    "Syrian rebels killed 284 soldiers since the offensive began.",
])
def test_a_running_total_is_a_toll_not_new_deaths(sentence):
    counts = _merged(sentence, "ASSAULT")
    assert "killed" not in counts and counts["toll"]["of"] == "killed"


def test_a_day_of_the_war_is_that_days_count():
    counts = _merged("Syrian rebels killed five soldiers in the war on Tuesday.", "ASSAULT")
    assert counts["killed"]["value"] == 5 and "toll" not in counts


def test_no_casualties_is_zero():
    counts = _merged("Israeli troops raided the village; no casualties were reported.", "ASSAULT")
    assert counts["killed"]["value"] == 0 and counts["injured"]["value"] == 0


def test_protest_size_from_a_vague_word():
    counts = _merged("Thousands of Egyptian protesters marched in Cairo against the government.",
                     "PROTEST")
    assert counts["participants"]["value"] == 2000 and counts["participants"]["high"] == 9999


def test_protest_size_from_the_subject_of_the_act():
    counts = _merged("Some 500,000 workers stopped work on Tuesday to protest against the South "
                     "Korean government.", "PROTEST")
    assert counts["participants"]["value"] == 500000
    assert counts["participants"]["text"] == "Some 500,000 workers"


def test_ceiling_and_arrests():
    counts = _merged("Indian police arrested up to 4,000 protesters.", "COERCE")
    assert counts["arrested"] == {"value": 4000, "low": None, "high": 4000,
                                  "text": "up to 4,000 protesters", "span": [23, 45]}


def test_range_of_kidnapped():
    counts = _merged("Nigerian troops abducted between 10 and 20 villagers.", "ASSAULT")
    assert (counts["kidnapped"]["low"], counts["kidnapped"]["high"]) == (10, 20)


def test_a_singular_victim_is_one():
    counts = _merged("Israeli soldiers shot dead a Palestinian teenager in Hebron.", "ASSAULT")
    assert counts["killed"]["value"] == 1


def test_a_meeting_beside_an_attack_gets_no_count():
    sentence = "John Kerry met Sergei Lavrov in Geneva, a day after a bomb killed 12 people in Aleppo."
    assert _counts(sentence, "CONSULT") == [{}]
    assert _merged(sentence, "ASSAULT")["killed"]["value"] == 12


def test_killed_or_wounded_gives_neither():
    assert not any(_counts("Russian warplanes struck Aleppo, killing or wounding 50 civilians.", "ASSAULT"))


def test_an_event_without_a_number_has_no_counts_key():
    events = [e.to_dict() for e in code("Russian troops attacked Ukrainian soldiers.", date="2016-05-12")]
    assert events and all("counts" not in e for e in events)


def test_protesters_who_were_arrested_are_arrested_not_a_protest_size():
    counts = _merged("Fifty protesters were arrested by Turkish police in Istanbul.", "COERCE")
    assert counts["arrested"]["value"] == 50 and "participants" not in counts


def test_an_age_is_no_count_but_the_person_is_one():
    counts = _merged("Malaysian police detained the 48-year-old Lee Jong-su in Kuala Lumpur.", "COERCE")
    assert counts["arrested"]["value"] == 1


def test_money_seized_is_no_count():
    assert not any(_counts("Egyptian security forces seized more than $500,000 in cash.", "COERCE"))


def test_killed_or_captured_gives_no_count():
    assert not any(_counts("Several Afghan Taliban leaders have been killed or captured by Pakistani "
                           "troops.", "ASSAULT"))


def test_each_target_of_a_list_gets_its_own_number():
    sentence = ("Islamist assailants in Egypt have killed more than 100 soldiers, around 20 civilians "
                "and 59 foreign tourists.")
    values = sorted(c["killed"]["value"] for c in _counts(sentence, "ASSAULT") if c)
    assert 20 in values and 59 in values


def test_an_arrest_that_did_not_happen_has_no_count():
    sentence = "A Seoul judge rejected the prosecution's request to arrest Samsung chief Lee Jae-yong."
    assert not any(_counts(sentence, "COERCE"))
    assert not any(_counts("Turkish police did not arrest 20 Kurdish protesters.", "COERCE"))


def test_reduced_and_reported_passives():
    counts = _merged("Six journalists arrested over false news on mutiny in Ivory Coast", "COERCE")
    assert counts["arrested"]["value"] == 6
    counts = _merged("At least 10 more women were reported wounded in the Saudi raid on a funeral in "
                     "Yemen.", "ASSAULT")
    assert counts["injured"]["low"] == 10


def test_demonstrators_belong_to_their_own_march():
    sentence = ("The crowds for the motorcade protest were much smaller than the estimated 3,000 "
                "anti-Trump demonstrators who turned out for a march in the city last weekend.")
    events = [e.to_dict() for e in code(sentence, date="2017-02-05")]
    sized = {e["trigger"]: e.get("counts", {}).get("participants", {}).get("value") for e in events}
    assert sized.get("march") == 3000 and sized.get("protest") is None


def test_killed_as_one_incident_coded_twice_and_hacked_to_death():
    counts = _merged("An estimated 25 people have been hacked to death with machetes by Nande militiamen "
                     "in eastern Congo.", "ASSAULT")
    assert counts["killed"]["value"] == 25
    sentence = ("The president was accused of inciting the deaths of protesters during the revolt, in "
                "which about 850 people were killed as Egyptian police clashed with demonstrators.")
    by_trigger = {e["trigger"]: e.get("counts", {}) for e in
                  (x.to_dict() for x in code(sentence, date="2017-03-02")) if e["plover"] == "ASSAULT"}
    assert by_trigger["clashed"]["killed"]["value"] == 850


def test_no_arrests_is_zero_and_a_rallied_population_is_no_protest_size():
    counts = _merged("There were no known arrests after the protest in Ferguson, the St. Louis County "
                     "police said.", "COERCE")
    assert counts["arrested"]["value"] == 0
    assert not any(_counts("Erdogan has been intent on rallying the roughly 4.6 million expatriate "
                           "Turks living in western Europe to vote.", "PROTEST"))


def test_a_march_that_drew_a_million():
    counts = _merged("American women marched in Washington against Donald Trump in protests that drew "
                     "more than 1 million Americans.", "PROTEST")
    assert counts["participants"]["value"] == 1000000


def test_a_date_before_the_number_is_no_count():
    assert parse_number("(21.02.2017) An estimated 25 people").value == 25
    assert parse_number("on 12/03/2016 some 40 villagers").value == 40


def _by_trigger(sentence: str) -> dict[str, dict]:
    return {e["trigger"]: e.get("counts", {}) for e in
            (x.to_dict() for x in code(sentence, date="2017-03-24"))}


def test_arrests_after_an_attack_are_not_the_attacks():
    counts = _by_trigger("Police arrested 11 people after militants attacked a police post in Kandahar.")
    assert counts["arrested"]["arrested"]["value"] == 11
    assert counts["attacked"] == {}


def test_an_injury_and_an_arrest_keep_their_own_person():
    counts = _by_trigger("A police officer was injured as he tried to arrest a man in the street.")
    assert counts["injured"] == {"injured": counts["injured"]["injured"]}
    assert counts["injured"]["injured"]["text"] == "A police officer"
    assert counts["arrest"] == {"arrested": counts["arrest"]["arrested"]}
    assert counts["arrest"]["arrested"]["text"] == "a man"


def test_killed_and_kidnapped_in_one_sentence_keep_their_own_victims():
    counts = _by_trigger("The rebels have killed more than 3,000 villagers and kidnapped 900 children "
                         "in a decade of raids.")
    assert counts["killed"] == {"killed": counts["killed"]["killed"]}
    assert counts["killed"]["killed"]["value"] == 3000
    assert counts["kidnapped"] == {"kidnapped": counts["kidnapped"]["kidnapped"]}
    assert counts["kidnapped"]["kidnapped"]["value"] == 900


def test_detention_told_as_a_state():
    counts = _merged("Police said three men remain in custody after the raids.", "COERCE")
    assert counts["arrested"]["value"] == 3 and counts["arrested"]["text"] == "three men"


def test_the_arrested_of_a_relative_clause():
    counts = _merged("Seven others who had been arrested in connection with the bombing have been "
                     "released.", "COERCE")
    assert counts["arrested"]["value"] == 7 and counts["arrested"]["text"] == "Seven others"


def test_deaths_told_inside_a_claim():
    counts = _merged("The minister was shocked by claims that at least 40 people had been killed in an "
                     "air strike on the market.", "ASSAULT")
    assert (counts["killed"]["value"], counts["killed"]["low"], counts["killed"]["high"]) == (40, 40, None)


def test_a_year_is_no_count():
    for sentence in ("Police detained 2010 presidential candidate Andrei Sannikov in Minsk.",
                     "Police in Minsk detained 1999 protesters' leader Andrei Sannikov in 2010."):
        assert all(c.get("arrested", {}).get("value") not in (2010, 1999) for c in _counts(sentence))
    assert _merged("Police detained 1,200 protesters in Minsk.", "COERCE")["arrested"]["value"] == 1200


def test_hundreds_in_figures():
    number = parse_number("100s of civilians")
    assert (number.value, number.low, number.high) == (200, 200, 999)
    number = parse_number("1000s of people")
    assert (number.value, number.low, number.high) == (2000, 2000, 9999)


def test_people_who_fled_a_later_operation_are_not_the_attacks():
    counts = _by_trigger("Tens of thousands of people have fled the state since the army began an "
                         "operation last October in response to an attack by militants on border posts.")
    assert "displaced" not in counts.get("attack", {})


@pytest.mark.parametrize("sentence, category", [
    ("A 30-year-old woman and two men aged 41 and 35, who were arrested at separate addresses in Leeds.",
     "arrested"),
    ("His wife and two daughters were wounded by shrapnel in the blast and were taken to hospital, "
     "police said.", "injured"),
])
def test_coordinated_victims_each_keep_their_own_number(sentence, category):
    events = [e.to_dict() for e in code(sentence, date="2017-03-24")]
    counted = [e for e in events if category in e.get("counts", {})]
    assert len(counted) == 1  # the numbered conjunct's event only, not the one-person conjunct's
    assert counted[0]["counts"][category]["text"] in counted[0]["target"]["text"]


def test_the_leader_of_a_rally_is_not_its_size():
    counts = _merged("Egyptian opposition leader Ayman Nour rallied his supporters in Cairo.", "PROTEST")
    assert "participants" not in counts
