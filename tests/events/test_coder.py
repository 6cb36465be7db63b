"""Constructions the coder must read, each on sentences written for the test."""

from __future__ import annotations

from eventwire.events.patterns import pattern_book
from eventwire.records import Event


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in events}


def test_active_verb_with_preposition_target(code_text):
    assert ("FRA", "040", "DEU") in dyads(code_text("France met with Germany on Monday."))


def test_passive_voice_agent_is_source(code_text):
    events = code_text("Syria was attacked by Turkey.")
    assert ("TUR", "190", "SYR") in dyads(events)


def test_coordinated_sources_give_one_event_each(code_text):
    found = dyads(code_text("France and Germany imposed sanctions on Iran."))
    assert {("FRA", "163", "IRN"), ("DEU", "163", "IRN")} <= found


def test_sanctions_target_reached_through_quantity_noun(code_text):
    events = code_text("Britain imposed a number of sanctions on Iran.")
    sanction = [e for e in events if e.cameo == "163"]
    assert sanction and sanction[0].target.code == "IRN" and sanction[0].plover == "SANCTION"


def test_two_actors_meeting_is_a_two_way_consultation(code_text):
    found = dyads(code_text("China and Japan met in Tokyo."))
    assert {("CHN", "040", "JPN"), ("JPN", "040", "CHN")} <= found


def test_two_actors_agreeing_together_are_each_others_partner(code_text):
    found = dyads(code_text("Brazil and Egypt agreed on Tuesday to open a joint trade office."))
    assert {("BRA", "030", "EGY"), ("EGY", "030", "BRA")} <= found
    alone = dyads(code_text("Brazil agreed on Tuesday to open a trade office."))
    assert ("BRA", "030", None) in alone  # one party agreeing names no partner


def test_talks_between_two_actors(code_text):
    found = dyads(code_text("The talks between Egypt and Israel ended late."))
    assert {("EGY", "040", "ISR"), ("ISR", "040", "EGY")} <= found


def test_possessive_nominal_event(code_text):
    events = code_text("Officials said Brazil's meeting with Egypt was useful.")
    assert ("BRA", "040", "EGY") in dyads(events)


def test_light_verb_nominal_event_takes_the_verb_subject(code_text):
    assert ("FRA", "040", "DEU") in dyads(code_text("France held talks with Germany."))


def test_negation(code_all):
    events = [e for e in code_all("Iran did not meet with Israel.") if e.cameo == "040"]
    assert events and events[0].negated


def test_an_act_set_against_a_negated_one_is_coded(code_text):
    # "not approved but rejected": the rejection took place
    events = code_text("The proposal was not approved but rejected by Germany.")
    assert [(e.cameo, e.negated) for e in events if e.cameo.startswith("12")] == [("120", False)]


def test_an_act_that_did_not_take_place_is_not_coded(code_text):
    # discards.yaml negated_roots: no meeting, no attack; a statement not made is still coded
    assert not code_text("Iran did not meet with Israel.")
    assert not code_text("None of the missiles from Syria struck Israel.")
    assert [e.cameo[:2] for e in code_text("Iran met with Israel.")] == ["04"]
    said = code_text("Russia did not say anything on Monday.")
    assert said and said[0].cameo.startswith("01") and said[0].negated


def test_future_and_hypothetical(code_text):
    # a future attack is a threat of force (CAMEO 138, PLOVER THREATEN), modality future
    future = [e for e in code_text("Russia will attack Syria.") if e.cameo == "138"]
    assert future and future[0].modality == "future" and future[0].plover == "THREATEN"
    assert future[0].target.code == "SYR"
    # a supposition is no act: nothing is coded (discards.yaml uncoded_modalities)
    assert not code_text("Russia could attack Syria.")
    assert not code_text("The United States might welcome the decision by Russia.")
    assert [e.cameo for e in code_text("The United States welcomed the decision by Russia.")] == ["051"]


def test_a_reported_would_is_the_reported_will(code_text):
    # "told reporters that Xi would meet": the spokesman said "Xi will meet"
    meets = [e for e in code_text("China told Russia that Iran would meet Syria.") if e.cameo == "036"]
    assert meets and meets[0].modality == "future"
    # a supposition or a wish stays what it is
    assert not code_text("Iran would probably meet Syria.")


def test_a_supposed_outcome_told_by_the_writer_is_no_threat(code_text):
    assert not [e for e in code_text("If found guilty, the Syrian envoy could be jailed by Turkey.")
                if e.cameo.startswith("13") or e.cameo.startswith("17")]
    # a conditional the actor itself states, or a firm one, is its threat
    assert ("RUS", "1312", "TUR") in dyads(
        code_text("Russia will impose sanctions on Turkey if it does not apologise."))
    assert [e for e in code_text("Iran said it could attack Israel if the talks fail.")
            if e.cameo.startswith("13")]


def test_what_an_actor_can_or_must_do_has_not_happened(code_text):
    for text in ("Russia can attack Syria.", "Russia can't attack Syria.",
                 "Russia must attack Syria."):
        assert not [e for e in code_text(text) if e.cameo.startswith("19")], text
    assert [e.cameo[:2] for e in code_text("Russia attacked Syria.")] == ["19"]


def test_a_meeting_ahead_is_an_intent_to_meet_not_a_meeting(code_text):
    # CAMEO codes a meeting planned for later as an intent to meet (036), not as a meeting today
    for text in ("The French minister is set to meet Germany on Friday.",
                 "The French minister was due to hold talks with Russia in Geneva.",
                 "The French minister is scheduled to visit Japan next week.",
                 "French minister to visit Japan in the first half of the year",
                 "France said the negotiations with Germany to come would be hard."):
        meets = [e for e in code_text(text) if e.cameo[:2] in ("03", "04")]
        assert meets and all(e.cameo == "036" and e.modality == "future" for e in meets), text
    held = [e for e in code_text("The French minister held talks with Russia in Geneva.")
            if e.cameo[:2] in ("03", "04")]
    assert held and held[0].cameo.startswith("04") and held[0].modality == "asserted"


def test_a_meeting_put_on_a_timetable_is_not_held(code_text):
    # an event noun that a verb of schedule takes as object or passive subject is planned
    for text in ("France has scheduled a meeting with Germany.",
                 "Talks between France and Germany are set for next week.",
                 "Talks between France and Germany are planned for Friday.",
                 "Talks between France and Germany are expected next week.",
                 "Talks between France and Germany are due on Monday."):
        meets = [e for e in code_text(text) if e.cameo[:2] in ("03", "04")]
        assert meets and all(e.cameo == "036" and e.modality == "future" for e in meets), text
    # "hoped" (which spaCy lemmatises "hop") is an intention
    for text in ("France said it hoped to meet Germany soon.",):
        meets = [e for e in code_text(text) if e.trigger.lower() in ("talks", "meet")]
        assert meets and all(e.cameo == "036" for e in meets), text
    # a meeting that took place, and a phrasal verb of schedule, stay as they are
    held = [e for e in code_text("France held talks with Germany that were set for Friday.")
            if e.cameo[:2] in ("03", "04")]
    assert held and held[0].cameo.startswith("04") and held[0].modality == "asserted"
    # "set" puts an event on a timetable only as its passive: its object is done ("set off a bomb
    # attack") or laid ("set an ambush")
    for text in ("Rebels set off a bomb attack against Turkey.",
                 "Syria set an ambush for Turkey."):
        attack = code_text(text)
        assert attack and attack[0].cameo[:2] in ("18", "19"), text
        assert attack[0].modality == "asserted", text


def test_a_schedule_kept_or_a_cause_is_no_plan(code_text):
    # a passive of schedule joined to the verb of its happening: the talks were held
    for text in ("Talks between France and Germany were set for Monday and held in Paris.",
                 "A visit by France to Germany was scheduled for Monday and went ahead."):
        meets = [e for e in code_text(text) if e.cameo[:2] in ("03", "04")]
        assert meets and all(e.modality == "asserted" for e in meets), text
    # "due to" a cause, and an infinitive of "expected to", put nothing on a timetable
    for text in ("Clashes between France and Germany were due to a misunderstanding.",
                 "Clashes between France and Germany are due to a misunderstanding."):
        assert all(e.modality != "future" for e in code_text(text)), text
    # an intention stops at a conjoined verb with its own subject
    events = code_text("France hoped to meet Germany, but Germany refused.")
    assert any(e.cameo == "036" for e in events)
    assert all(e.modality != "intended" for e in events if e.trigger == "refused")


def test_intention_through_control_verb(code_text):
    events = [e for e in code_text("France aims to meet Germany soon.") if e.cameo == "036"]
    assert events and events[0].modality == "intended" and events[0].source.code == "FRA"


def test_threat(code_text):
    events = code_text("Iran threatened to attack Israel.")
    assert any(e.plover == "THREATEN" and e.source.code == "IRN" for e in events)
    attack = [e for e in events if e.trigger == "attack"]
    assert attack and attack[0].modality == "threatened" and attack[0].cameo == "138"
    assert attack[0].target.code == "ISR"


def test_conditional(code_text):
    events = code_text("If Syria withdraws its troops, Turkey will lift sanctions on Syria.")
    # an offer to ease sanctions on a condition: intent to ease sanctions (0354, PLOVER AGREE)
    lift = [e for e in events if e.cameo == "0354"]
    assert lift and lift[0].modality == "conditional" and lift[0].target.code == "SYR"


def test_reported_speech_keeps_the_speaker(code_text):
    events = code_text("Germany said Russia attacked Syria.")
    attack = [e for e in events if e.cameo.startswith("19")]
    assert attack and attack[0].reported_by.code == "DEU"
    assert any(e.cameo == "010" and e.source.code == "DEU" for e in events)


def test_sentence_without_actor_gives_no_event(code_text):
    assert code_text("The committee met with the board on Monday.") == []


def test_discarded_idiom_gives_no_event(code_text):
    assert code_text("France said its heart attack was mild.") == []


def test_evidence_spans_lie_in_the_sentence_and_rules_exist(code_text):
    rules = pattern_book().by_id
    events = code_text("France and Germany imposed sanctions on Iran after Iran attacked Israel.")
    assert events
    for event in events:
        assert event.evidence["rule"] in rules
        for span in event.evidence["spans"].values():
            if span is not None:
                start, end = span
                assert 0 <= start < end <= len(event.sentence)
        trigger_start, trigger_end = event.evidence["spans"]["trigger"]
        assert event.sentence[trigger_start:trigger_end] == event.trigger
        assert 0 < event.confidence < 1
        assert event.coder_version


def test_event_ids_are_stable_and_distinct(code_text):
    text = "France and Germany imposed sanctions on Iran."
    first = [e.event_id for e in code_text(text)]
    assert first == [e.event_id for e in code_text(text)]
    assert len(set(first)) == len(first)


def test_cameo_fields_follow_from_the_code(code_text):
    (event,) = [e for e in code_text("Russia attacked Syria.") if e.cameo == "190"]
    assert (event.cameo_root, event.quad_class, event.goldstein, event.plover) == (
        "19", 4, -10.0, "ASSAULT")


# -- intentions: PLOVER codes promised, planned or threatened acts as AGREE / THREATEN --------
def test_future_cooperation_is_an_intent_to_cooperate(code_text):
    events = code_text("France will meet Germany next week.")
    assert ("FRA", "036", "DEU") in dyads(events)
    assert all(e.plover == "AGREE" for e in events if e.source and e.source.code == "FRA")


def test_agreeing_to_act_is_coded_once_as_the_promised_act(code_text):
    events = code_text("France agreed to provide aid to Syria.")
    assert ("FRA", "033", "SYR") in dyads(events)
    assert not [e for e in events if e.cameo == "030"]  # the bare "agree" is not coded again


def test_willing_to_withdraw_is_an_intent_to_yield(code_text):
    events = code_text("Syria is willing to withdraw its troops from Turkey.")
    withdraw = [e for e in events if e.trigger == "withdraw"]
    assert withdraw and withdraw[0].cameo == "0356" and withdraw[0].source.code == "SYR"


def test_pronoun_in_reported_clause_is_the_speaker(code_text):
    events = code_text("Iran said it would allow inspectors into the country.")
    allow = [e for e in events if e.trigger == "allow"]
    assert allow and allow[0].source.code == "IRN" and allow[0].plover == "AGREE"


def test_condition_clause_is_not_an_event(code_text):
    events = code_text("Turkey will lift sanctions on Syria if Syria withdraws its troops.")
    assert not [e for e in events if e.source and e.source.code == "SYR"]


# -- requests and accusations: the target is who must act; the content is no event ----------
def test_demand_that_clause_targets_its_subject(code_text):
    events = code_text("France demanded that Iran release the prisoners.")
    assert any(e.source.code == "FRA" and e.target.code == "IRN" and e.plover == "REQUEST"
               for e in events if e.source and e.target)
    assert not [e for e in events if e.trigger == "release"]  # demanded, not done


def test_urge_object_to_act(code_text):
    assert ("FRA", "020", "DEU") in dyads(code_text("France urged Germany to support Israel."))


def test_telling_someone_to_act_appeals_to_them(code_text):
    events = code_text("France told Germany to withdraw its troops from Mali.")
    assert ("FRA", "020", "DEU") in dyads(events)
    assert not [e for e in events if e.trigger == "withdraw"]  # asked for, not done
    assert ("FRA", "020", "DEU") in dyads(code_text("France told Germany not to sign the treaty."))
    # an imperative reported clause is what the addressee is to do
    assert ("FRA", "020", "IRN") in dyads(code_text('"Stop the shelling now," France told Iran.'))
    assert ("FRA", "020", "IRN") in dyads(code_text("Don't test missiles, France tells Iran"))


def test_telling_someone_a_fact_or_a_turn_of_speech_is_no_appeal(code_text):
    assert ("FRA", "010", "IRN") in dyads(code_text("France told Iran that the talks would resume in May."))
    assert ("FRA", "010", "IRN") in dyads(code_text('"Let me be clear," France told Iran.'))


def test_reported_must_is_a_demand_on_the_subject(code_text):
    assert ("DEU", "100", "IRN") in dyads(code_text("Germany said Iran must stop the attacks."))
    # what a thing should be is an opinion; what must be is still demanded
    assert ("DEU", "010", None) in dyads(code_text("Germany said the matter should now be left to lie."))
    assert ("DEU", "100", None) in dyads(code_text("Germany said the war must be avoided."))
    assert ("DEU", "100", None) in dyads(code_text("Germany said they should leave the country."))
    # a policy or a party, named or not, is still asked to act
    assert ("DEU", "100", None) in dyads(code_text("Germany said the border should be closed."))
    assert ("DEU", "100", None) in dyads(code_text("Germany said other nations should follow suit."))


def test_calling_something_a_crime_denounces_its_author(code_text):
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said the Russian air strikes were a war crime."))
    assert ("TUR", "111", "NLD") in dyads(code_text("Turkey said the Dutch ban was unacceptable."))
    # negated, or of the speaker's own side: no criticism
    assert ("TUR", "010", None) in dyads(code_text("Turkey said the Dutch ban was not illegal."))
    assert not [e for e in code_text("Turkey said we were reckless.") if e.cameo == "111"]


def test_verbs_of_scolding_and_disagreeing_disapprove_of_their_object(code_text):
    assert ("FRA", "111", "SYR") in dyads(code_text("France berated Syria over the attacks."))
    assert ("FRA", "111", "SYR") in dyads(code_text("France ridiculed Syria's offer."))
    assert ("FRA", "110", "SYR") in dyads(code_text("France disagreed with Syria on the plan."))
    # a disagreement with no party named is no disapproval of anyone
    assert not [e for e in code_text("France and Syria disagreed over the plan.") if e.cameo == "110"]


def test_saying_someone_was_wrong_denounces_them(code_text):
    assert ("DEU", "111", "FRA") in dyads(code_text("Germany said France was wrong to leave the deal."))
    # an "it" announcing the act judged: that act's doer, named or not
    assert ("TUR", "111", "DEU") in dyads(
        code_text("Turkey said it was unacceptable that Germany had banned the rally."))
    assert ("TUR", "111", None) in dyads(code_text("Turkey said it was wrong to ban the rally."))
    # no one, an "it" standing for something said before, or a supposed judgment: no criticism
    for text in ("Turkey said nothing was wrong with the rally.", "Turkey said it was wrong.",
                 "Turkey said it would be a mistake to ban the rally.",
                 "Turkey said a German ban would be a mistake."):
        assert ("TUR", "010", None) in dyads(code_text(text)), text


def test_a_violation_or_war_crime_by_another_verb_denounces_too(code_text):
    assert ("DEU", "111", "RUS") in dyads(code_text(
        "Germany said the Russian strikes constitute a violation of international law."))
    assert ("DEU", "111", None) in dyads(code_text("Germany said the strikes amounted to a war crime."))
    assert ("DEU", "010", None) in dyads(code_text("Germany said the strikes amounted to nothing."))


def test_saying_someone_did_a_wrong_accuses_them(code_text):
    assert ("DEU", "112", "RUS") in dyads(code_text("Germany said Russia violated the ceasefire."))
    assert ("FRA", "112", "SYR") in dyads(code_text("France said Syria had rigged the election."))
    # a wrong in a clause coordinated with the first
    assert ("DEU", "112", "RUS") in dyads(
        code_text("Germany said Russia ignored the rules and meddled in the election."))
    # denied, only possible, or of the speaker's side: no accusation
    for text in ("Germany said Russia did not violate the ceasefire.",
                 "Germany said Russia may have violated the ceasefire.",
                 "Germany said we violated the ceasefire."):
        assert ("DEU", "010", None) in dyads(code_text(text))


def test_needing_to_act_is_a_demand_and_the_act_is_not_done(code_text):
    events = code_text("Germany said Iran needs to free the sailors.")
    assert ("DEU", "100", "IRN") in dyads(events)
    assert not [e for e in events if e.trigger == "free"]  # demanded, not done
    # a need of means is no obligation
    assert ("DEU", "100", "IRN") not in dyads(code_text("Germany said Iran needs money to free them."))


def test_must_of_ourselves_is_no_demand(code_text):
    for text in ("France said we must stay united.", "France said France must rebuild its army."):
        assert ("FRA", "010", None) in dyads(code_text(text))


def test_saying_ones_side_will_retaliate_is_a_threat(code_text):
    assert ("RUS", "130", "TUR") in dyads(code_text("Russia said it would retaliate against Turkey."))
    assert ("RUS", "130", "TUR") in dyads(code_text("Russia said it would hit back against Turkey."))
    # not negated, and not what another side will do (a forecast)
    assert ("RUS", "010", None) in dyads(code_text("Russia said it would not retaliate."))
    assert ("DEU", "010", None) in dyads(code_text("Germany said Russia would retaliate."))


def test_saying_ones_side_will_never_yield_is_a_rejection(code_text):
    assert ("IRN", "125", "ISR") in dyads(code_text("Iran said it would never negotiate with Israel."))
    assert ("IRN", "120", None) in dyads(code_text("Iran said they would never accept the deal."))
    # another side's refusal is a forecast; an act whose refusal rejects nothing stays a statement
    assert ("JPN", "010", None) in dyads(code_text("Japan said China would not accept the ruling."))
    assert ("FRA", "010", None) in dyads(code_text("France said it would never forget the victims."))
    # "would" after a present "says" is a supposition, not the reported "will"
    assert ("DEU", "010", None) in dyads(code_text("Germany says it would never negotiate with Israel."))


def test_content_of_an_accusation_is_not_coded_as_having_happened(code_text):
    events = code_text("France accused Iran of attacking Israel.")
    assert ("FRA", "112", "IRN") in {(s, c[:3], t) for s, c, t in dyads(events)}
    assert not [e for e in events if e.cameo.startswith("19")]


def test_failing_to_reach_agreement_is_a_rejection_both_ways(code_text):
    found = dyads(code_text("Israel and Egypt failed to reach an agreement on Sunday."))
    assert {("ISR", "120", "EGY"), ("EGY", "120", "ISR")} <= found


# -- nominal events and coverage ---------------------------------------------------------------
def test_noun_modifier_selects_the_pattern(code_text):
    events = code_text("Egypt began a hunger strike on Monday.")
    assert [e.cameo for e in events if e.source and e.source.code == "EGY"] == ["142"]


def test_mediation_between_two_parties_targets_both(code_text):
    found = dyads(code_text("France launched a mediation effort between Israel and Egypt."))
    assert {("FRA", "045", "ISR"), ("FRA", "045", "EGY")} <= found


def test_place_is_the_target_when_none_is_named(code_text):
    events = code_text("Egypt blocked roads in Syria.")
    assert any(e.cameo == "144" and e.target and e.target.code == "SYR" for e in events)


# -- police actions ----------------------------------------------------------------------------
def test_passive_arrest_implies_the_police(code_text):
    events = [e for e in code_text("Five people were arrested in Iran on Monday.") if e.cameo == "173"]
    assert events and events[0].source.sectors == ["COP"]
    assert "implied agent" in events[0].evidence["source_resolution"][0]


def test_nobody_arrested_is_negated(code_all):
    events = [e for e in code_all("Nobody was arrested in Iran.") if e.cameo == "173"]
    assert events and events[0].negated


def test_lathi_charge_by_police(code_text):
    events = code_text("The police lathi-charged the crowd.")
    assert any(e.cameo == "175" and e.source.code == "COP" for e in events)


def test_people_who_were_shot_are_the_target_not_the_source(code_text):
    events = code_text("The men from Syria who were shot dead by police were buried.")
    shot = [e for e in events if e.trigger == "shot"]
    assert shot and shot[0].source.code == "COP" and shot[0].plover == "ASSAULT"


def test_holding_out_until_another_party_acts_rejects_it(code_text):
    events = code_text("Russia said it will not end the blockade until Syria releases the sailors.")
    assert ("RUS", "120", "SYR") in dyads(events)
    assert ("IRN", "120", "FRA") in dyads(
        code_text("Iran said it would not attend the meeting unless France apologises."))
    # no party awaited, a condition of the speaker's own side, or another side's refusal: a statement
    for text in ("France said it will not rest until justice is done.",
                 "France said it would not rest until police find the girl.",
                 "France said it will not leave until it finishes the work.",
                 "France said Syria will not end the blockade until Russia pays."):
        assert ("FRA", "010", None) in dyads(code_text(text)), text


def test_a_cooperative_act_an_actor_will_not_or_refuses_to_do_is_a_rejection(code_text, code_all):
    # "will not lift", "refused to release": PLOVER REJECT (12x), not a negated act
    lift = [e for e in code_text("Russia will not lift the sanctions on Turkey.") if e.plover]
    assert lift and {e.cameo for e in lift} == {"1244"} and not any(e.negated for e in lift)
    release = {e.cameo for e in code_text("Israel refused to release the prisoners.")}
    assert "1243" in release
    # a plain past negation refuses nothing: still a negated meeting
    met = [e for e in code_all("Iran did not meet with Israel.") if e.cameo == "040"]
    assert met and met[0].negated


def test_fear_devotion_and_training_name_no_act(code_text):
    assert not code_text("The people of Syria are afraid of revenge killings by Turkey.")
    assert not [e for e in code_text("Syria trained them to fight against Turkey.")
                if e.cameo.startswith("19")]
    # the act itself is still coded
    assert ("SYR", "190", "TUR") in dyads(code_text("Syria fought against Turkey."))


def test_missile_tests_and_verbal_attacks_are_no_assaults(code_text):
    assert {e.cameo for e in code_text("Iran fired a ballistic missile into the sea.")} == {"150"}
    assert ("IRN", "195", "ISR") in dyads(code_text("Iran fired a missile at Israel."))
    assert {e.cameo for e in code_text("Russia renewed its Twitter attacks against Turkey.")} == {"111"}


def test_link_lines_and_world_war_background_are_not_coded(code_text):
    assert not code_text("READ MORE: Russia attacked Turkey")
    assert not code_text("France was occupied by Germany in World War II.")


def test_a_past_act_in_a_relative_clause_is_background_to_the_sentence_news(code_text):
    codes = {e.cameo[:2] for e in code_text("Syria rejected the agreement signed by Turkey and Israel.")}
    assert "12" in codes and "05" not in codes
    # alone in its sentence it is the news; violence in a relative clause always is
    assert {e.cameo[:2] for e in code_text("This is the agreement that Turkey signed with Israel.")} == {"05"}
    assert "17" in {e.cameo[:2] for e in code_text("Syria praised the police who arrested protesters.")}
    # the present perfect is still news: "claims which Turkey has denied"
    assert "016" in {e.cameo for e in code_text("Syria repeated claims which Turkey has denied.")}
