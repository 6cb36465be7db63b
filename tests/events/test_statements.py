"""Statements read for what they say and whom they aim at (statements.py, statement_cues.yaml),
each on sentences written for the test."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.nlp import parse_article
from eventwire.records import Article, Event


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in events}


def _code_with_actors(text: str) -> list[Event]:
    """Code a one-paragraph article of 2005-03-01 with the real actor resolver."""
    parsed = parse_article(Article(id="t", text=text, date="2005-03-01"))
    return EventCoder.default().code(parsed, ActorResolver.default().annotate(parsed))


def test_a_condemning_adjective_on_the_predicate_noun_denounces(code_text):
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said the Russian ban was a reckless and cynical move."))
    # "this" points at the act: its author is named by the noun's by-phrase
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said this was a stupid decision by Russia."))
    # an adjective that only classifies the noun condemns nothing
    assert ("DEU", "010", None) in dyads(code_text("Germany said it was a criminal investigation."))
    assert ("DEU", "010", None) in dyads(code_text("Germany said the Russians were illegal immigrants."))


def test_a_judgment_framed_by_a_verb_of_opinion_is_the_statements(code_text):
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said it believed the Russian air strikes were a war crime."))
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said: \"I think the Russian air strikes were a disgrace.\""))
    # a supposed judgment stays advice, framed or not
    assert ("DEU", "010", None) in dyads(
        code_text("Germany said it believed a Russian ban would be a mistake."))


def test_saying_one_does_not_agree_with_a_party_disapproves_of_it(code_text):
    assert ("GOV", "110", "FRA") in dyads(code_text("The minister said he did not agree with France."))
    # what another side thinks, or agreeing: no disapproval by the speaker
    for text in ("The minister said Russia did not agree with France.",
                 "The minister said he agreed with France on the plan."):
        assert not [e for e in code_text(text) if e.cameo == "110"], text
    # a refusal to come stays a rejection
    assert ("GOV", "120", "FRA") in dyads(code_text("The minister said he would not agree with France."))


def test_an_appeal_of_a_party_naming_no_one_is_aimed_at_its_government():
    events = _code_with_actors("The Conservatives have called for a change in the law.")
    assert ("GBRPTY", "020", "GBRGOV") in dyads(events)
    appeal = next(e for e in events if e.cameo == "020")
    assert "implied target" in " ".join(appeal.target.resolution)
    # a state's own appeal names no one
    calm = _code_with_actors("The Chinese foreign minister called for calm.")
    assert all(e.target is None for e in calm if e.cameo_root == "02")


def test_an_accusation_framed_by_a_verb_of_opinion_is_the_statements(code_text):
    assert ("FRA", "112", "RUS") in dyads(
        code_text("France said it believed Russia had violated the ceasefire."))
    assert ("FRA", "010", None) in dyads(
        code_text("France said it believed Russia had not violated the ceasefire."))


def test_what_is_told_to_an_audience_is_aimed_at_the_party_it_names(code_text):
    assert ("GOV", "112", "RUS") in dyads(
        code_text("The minister told reporters that Russia had violated the ceasefire."))
    # a plain remark told to someone keeps its addressee
    assert not [e for e in code_text("The minister told France that the talks had ended.")
                if e.cameo_root == "11"]


def test_another_partys_belief_is_no_judgment_of_the_speaker():
    # a framing verb of someone else's reports their opinion: the speaker accuses no one
    for text in ("The Dutch minister said the farmers believed Belgium had breached the treaty.",
                 "The Chilean president said many Chileans think the new tolls were a scandal.",
                 "The minister said the opposition believes the government rigged the vote."):
        events = _code_with_actors(text)
        assert not [e for e in events if e.cameo_root == "11"], text
        assert [e for e in events if e.cameo == "010"], text
    # the speaker's own opinion still frames it
    assert ("NLDGOV", "112", "BEL") in dyads(_code_with_actors(
        "The Dutch minister said he believed Belgium had breached the treaty."))


def test_a_condemning_adjective_on_a_thing_blames_no_one():
    # sympathy for a misfortune, or an adjective on a thing no party is named for: a plain remark
    for text in ("The governor said the storm was a cowardly enemy of the farmers.",
                 "The mayor said the landslide was a shocking tragedy for the people of Peru.",
                 "The minister said the Peruvian drought was a disastrous blow to exports."):
        events = _code_with_actors(text)
        assert not [e for e in events if e.cameo_root == "11"], text
    # the same adjective on a party's act still denounces it
    assert ("ECU", "111", "PER") in dyads(_code_with_actors(
        "Ecuador said the Peruvian embargo was a cowardly move."))


def test_an_appeal_addressed_to_someone_or_by_a_union_implies_no_government():
    for text in ("The Spanish opposition party called on its supporters to stay at home.",
                 "The Spanish opposition party demanded more money from the banks.",
                 "The Spanish opposition party urged its members to boycott the fair.",
                 "The Spanish dockers' union called for a strike at the port of Valencia."):
        events = _code_with_actors(text)
        appeals = [e for e in events if e.cameo_root in ("02", "10")]
        assert appeals, text
        assert all(e.target is None or e.target.code != "ESPGOV" for e in appeals), text


def test_a_speaker_whose_country_is_only_guessed_accuses_no_one_of_it():
    # the only country named is the accused one: the unnamed speaker's country comes from it
    for text in ("The prime minister told the radio station that Peru had violated the agreement.",
                 "The minister told parliament he thinks Peru had breached the treaty."):
        events = _code_with_actors(text)
        assert not [e for e in events if e.cameo_root == "11"], text
        assert [e for e in events if e.cameo == "010"], text
    # a speaker whose country is named still accuses
    assert ("CHLGOV", "112", "PER") in dyads(_code_with_actors(
        "The Chilean prime minister told the radio station that Peru had violated the agreement."))


def test_he_quoted_by_a_speaker_is_someone_else_not_the_speaker():
    # the speaker, named or described, is not the "he" of his own quotation (a police chief)
    for speaker in ("Tarrant", "the chief"):
        events = _code_with_actors('Police Chief Michael Tarrant spoke to reporters. "He attacked '
                                   f'two officers with a knife," {speaker} said.')
        attack = [e for e in events if e.cameo.startswith(("18", "19"))]
        assert attack and not any(e.source and e.source.code == "COP" for e in attack), speaker
    # reported without quotation marks, the pronoun is the speaker's own
    events = _code_with_actors("The German minister said he would impose sanctions on Russia.")
    assert ("DEUGOV", "1312", "RUS") in dyads(events)


def test_one_said_to_be_to_blame_is_blamed_by_the_speaker(code_text):
    assert ("DEU", "112", "RUS") in dyads(code_text("Germany said Russia was to blame for the crisis."))
    assert ("RUS", "112", None) not in dyads(code_text("Germany said Russia was to blame for the crisis."))
    # one who blames is still the source
    assert ("DEU", "112", "RUS") in dyads(code_text("Germany blamed Russia for the crisis."))


def test_a_plan_to_blame_someone_is_the_planners_blame():
    events = _code_with_actors("Russia's strategy is to blame Ukraine for every attack.")
    assert ("RUS", "112", "UKR") in dyads(events)
    assert not any(e.target and e.target.code == "RUS" for e in events)
    # with no object the one said to be to blame is still blamed
    assert ("DEU", "112", "RUS") in dyads(_code_with_actors("Germany said Russia was to blame."))


def test_calling_a_party_something_good_praises_it(code_text):
    assert ("DEU", "051", "RUS") in dyads(code_text("Germany said Russia was a reliable partner."))
    assert ("DEU", "051", "FRA") in dyads(
        code_text("Germany said it thought France was very wise."))
    # a thing, a pronoun, the speaker itself, or a supposed judgment: no one praised
    for text in ("Germany said the deal was excellent.",
                 "Germany said he was a reliable partner.",
                 "Germany said Germany was a reliable partner.",
                 "Germany said Russia would be a reliable partner."):
        assert not [e for e in code_text(text) if e.cameo == "051"], text


def test_denying_a_partys_word_a_quality_it_needs_criticises_it(code_text):
    assert ("DEU", "111", "RUS") in dyads(
        code_text("Germany said Russia's explanation was not credible."))
    # a claim of no one, or the quality granted: no criticism
    assert not [e for e in code_text("Germany said the claims were not credible.")
                if e.cameo == "111"]
    assert not [e for e in code_text("Germany said Russia's explanation was credible.")
                if e.cameo == "111"]


def test_saying_ones_side_opposes_something_disapproves_of_its_author(code_text):
    assert ("DEU", "110", "RUS") in dyads(code_text("Germany said it opposed Russia's plan."))
    assert ("DEU", "110", "FRA") in dyads(
        code_text("Germany said it was firmly opposed to the deployment by France."))
    # another side's opposition, a negated or a supposed one: no disapproval by the speaker
    for text in ("Germany said Russia opposed the plan.",
                 "Germany said it was not opposed to the deployment by France.",
                 "Germany said it would oppose Russia's plan."):
        assert not [e for e in code_text(text) if e.cameo == "110"], text


def test_a_capital_speaking_for_the_speakers_state_opposes_with_it():
    events = _code_with_actors(
        "A Chinese spokesman said Beijing was firmly opposed to Seoul's missile deployment.")
    assert any(e.cameo == "110" and e.source and e.source.country == "CHN"
               and e.target and e.target.country == "KOR" for e in events)


def test_saying_another_party_will_pay_for_it_threatens_that_party(code_text):
    assert ("DEU", "130", "RUS") in dyads(code_text("Germany said Russia would pay a heavy price."))
    assert ("DEU", "130", "RUS") in dyads(code_text("Germany said Russia will face consequences."))
    # a negated fate, the speaker's own, or a price no one named pays: no threat
    for text in ("Germany said Russia would not face consequences.",
                 "Germany said it would pay a heavy price.",
                 "Germany said consumers would pay a higher price."):
        assert not [e for e in code_text(text) if e.cameo == "130"], text


def test_saying_a_named_party_failed_to_act_faults_it(code_text):
    assert ("DEU", "111", "RUS") in dyads(code_text("Germany said Russia had failed to protect civilians."))
    for text in ("Germany said it had failed to protect civilians.",
                 "Germany said Russia had not failed to protect civilians.",
                 "Germany said Russia would fail to protect civilians."):
        assert not [e for e in code_text(text) if e.cameo == "111"], text


def test_saying_ones_side_had_no_part_in_it_is_a_denial(code_text):
    assert ("DEU", "016", None) in dyads(code_text("Germany said it had nothing to do with the attack."))
    assert ("DEU", "016", None) in dyads(code_text("Germany said it was not involved in the attack."))
    # another side's part, or nothing to add: no denial by the speaker
    for text in ("Germany said Russia was not involved in the attack.",
                 "Germany said it had nothing new to report."):
        assert not [e for e in code_text(text) if e.cameo == "016"], text


def test_calling_a_partys_word_false_criticises_the_party(code_text):
    assert ("DEU", "111", "RUS") in dyads(code_text("Germany said Russia's claims were entirely false."))
    assert not [e for e in code_text("Germany said the claims were false.") if e.cameo == "111"]


def test_failing_at_what_is_no_duty_is_no_fault(code_text):
    assert not [e for e in code_text("Germany said Russia had failed to qualify for the final.")
                if e.cameo == "111"]


def test_a_hedged_compared_asked_or_ended_judgment_is_no_praise(code_text):
    for text in ("Germany said Russia was no longer a reliable partner.",
                 "Germany said Russia was hardly a reliable partner.",
                 "Germany said neither Russia nor France was a reliable partner.",
                 "Germany said Russia was less reliable than France.",
                 "Germany said Russia had been a reliable partner until now.",
                 'Germany told reporters: "Is Russia a reliable partner? We do not know."'):
        assert not [e for e in code_text(text) if e.cameo == "051"], text


def test_words_of_threat_size_sport_or_relation_are_no_praise(code_text):
    for text in ("Germany said Russia was capable of striking Berlin.",
                 "Germany said Russia's military buildup was impressive.",
                 "Germany said Russia's progress in enriching uranium was remarkable.",
                 "Germany said Russia was a brilliant team.",
                 "Germany said Russia was a great friend of France."):
        assert not [e for e in code_text(text) if e.cameo == "051"], text


def test_the_speakers_own_countrys_forces_are_its_own_side():
    events = _code_with_actors("US President Joe Biden said American troops were heroes.")
    assert not [e for e in events if e.cameo == "051"]


def test_a_party_cleared_or_unhurt_is_not_discredited(code_text):
    for text in ("Germany said Russia was not responsible for the crash.",
                 "Germany said Russia was not qualified to host the final.",
                 "Germany said Russia's president's injuries were not serious."):
        assert not [e for e in code_text(text) if e.cameo == "111"], text
    assert ("DEU", "111", "RUS") in dyads(code_text("Germany said Russia was not serious about the talks."))


def test_opposing_what_befalls_a_party_takes_its_side(code_text):
    for text in ("Germany said it opposed Russia's exclusion from the talks.",
                 "Germany said it opposed Russia's suspension from the council."):
        assert not [e for e in code_text(text) if e.cameo == "110" and e.target], text


def test_they_is_the_speakers_side_only_for_a_plural_speaker():
    for text in ("US Senator Elizabeth Warren said they opposed Israel's annexation plan.",
                 "The French president said they opposed the plan by Germany."):
        assert not [e for e in _code_with_actors(text) if e.cameo == "110"], text


def test_a_thing_that_does_not_involve_something_is_no_denial():
    events = _code_with_actors("The Pentagon said the operation was a success and said it did not"
                               " involve ground troops.")
    assert not [e for e in events if e.cameo == "016"]


def test_a_price_paid_for_goods_or_a_higher_price_is_no_threat(code_text):
    for text in ("Germany said Russia would pay a higher price for French wine.",
                 "Germany said Russia would pay a price for French wine."):
        assert not [e for e in code_text(text) if e.cameo == "130"], text


def test_abuse_told_in_the_passive_accuses_the_agent_not_the_victim():
    abused = [e for e in _code_with_actors("Police said the girl had been abused by her stepfather.")
              if e.cameo == "112"]
    assert abused and all(e.target and e.target.text == "her stepfather" for e in abused)
    assert not [e for e in _code_with_actors("Kenyan police said the children were abused at the school.")
                if e.cameo == "112"]


def test_failing_to_pay_a_debt_is_no_fault(code_text):
    assert not [e for e in code_text("Germany said Russia had failed to pay its debt.")
                if e.cameo == "111"]


def test_a_government_of_no_country_said_by_a_government_is_its_own():
    events = _code_with_actors("Kenyan President Uhuru Kenyatta said the government had failed to act.")
    assert not [e for e in events if e.cameo == "111"]


def test_calling_waste_rubbish_is_no_refutation(code_text):
    assert not [e for e in code_text("Germany said Russia's biggest problem was rubbish.")
                if e.cameo == "111"]
