"""Regressions of the PLV-set rules (issue 17, stop 24) a review found, on sentences written
for the test: where a threat or order was made is no target, a span of days that carries an
act is no date, peacekeeping and refugees must be what troops or borders go to, commercial
deliveries are no aid, "apprehend" a feeling is no arrest, and an operation at home has no
foreign target."""

from __future__ import annotations

from eventwire.pipeline import code


def coded(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in code(text) if not e.negated}


def cameos(text: str) -> set[str]:
    return {cameo for _, cameo, _ in coded(text)}


def targets(events: set[tuple[str | None, str, str | None]], root: str) -> set[str | None]:
    return {target for _, cameo, target in events if cameo.startswith(root)}


def test_the_meeting_where_force_is_threatened_or_ordered_is_no_target():
    assert "138" in cameos("Turkey threatened an offensive at a meeting in Ankara.")
    assert "138" in cameos("Israel threatened airstrikes at a meeting in Jerusalem.")
    found = coded("Putin ordered the invasion at a meeting in Moscow.")
    assert "192" in {c for _, c, _ in found} and targets(found, "19") == {None}
    found = coded("The Taliban claimed the bombing at a press briefing in Kabul.")
    assert targets(found, "18") | targets(found, "19") <= {None}
    # an offensive launched against a place still aims at its country
    assert targets(coded("Turkey launched airstrikes on militant camps in Syria."), "19") == {"SYR"}


def test_an_operation_at_home_has_no_target_of_its_own_country():
    found = coded("Nigeria launched airstrikes against militant camps in Borno.")
    assert found and targets(found, "19") == {None}
    found = coded("Police fired tear gas at a rally in Istanbul.")
    assert ("TURCOP", "193", "TUR") not in found


def test_a_day_of_an_act_is_no_date_of_a_patterns_preposition():
    assert ("PSEREB", "020", "ISR") in coded("Hamas called for a day of rage against Israel.")
    found = cameos("The opposition called for a week of protests.")
    assert "020" in found and "140" not in found


def test_peacekeeping_and_refugees_must_be_what_troops_and_borders_go_to():
    assert "074" not in cameos("Russia sent troops to Syria amid peacekeeping talks.")
    assert "074" not in cameos(
        "India sent troops to the border after peacekeepers were attacked in Lebanon.")
    assert "074" not in cameos(
        "The United States sent soldiers to Poland, a former peacekeeping contributor said.")
    assert "075" not in cameos("Jordan opened the border to trade despite the refugee crisis.")


def test_commercial_deliveries_suspended_are_no_aid():
    assert "162" not in cameos("The airline suspended deliveries of new jets.")
    assert "162" not in cameos("The company suspended shipments to China after the outbreak.")
    assert "162" in cameos("Russia suspended gas deliveries to Ukraine.")


def test_troops_who_apprehend_a_feeling_arrest_no_one():
    assert "173" not in cameos("Troops apprehend a backlash from villagers.")
    assert "173" not in cameos("The soldiers apprehended trouble in the valley.")




def test_every_summoning_verb_can_name_an_addressee():
    # _addressee reads no addressee for verbs whose object does the act ("invited X to
    # visit": X visits); such a verb listed as summoning would do nothing
    from eventwire.events.patterns import pattern_book
    from eventwire.nlp import syntax
    assert pattern_book().summoning_verbs
    assert not pattern_book().summoning_verbs & set(syntax.OBJECT_CONTROL)
