"""What code a resolved phrase gets: one sector per role (a person's title inside the name of a
thing adds none), role words of their own sector (activists, campaign staff, scholars), a
diplomat's country not taken from where the article is filed, and an office named by its
whole title."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.nlp import parse_article
from eventwire.records import Article


def actor(text: str, word: str, day: str | None = "2017-03-02", nth: int = 0):
    parsed = parse_article(Article(id="t", text=text, date=day))
    actors = ActorResolver.default().annotate(parsed)
    token = [t for t in parsed.doc if t.text == word][nth]
    return actors.actor_at(token)


def test_a_title_inside_a_hospitals_name_gives_no_military_sector():
    text = "Doctors at Riverside General Hospital in Boston treated the wounded."
    found = actor(text, "Hospital")
    assert found.code == "USAMED"
    assert "MIL" not in actor(text, "Doctors").sectors


def test_a_group_of_diplomats_keeps_its_members_sector():
    assert actor("A group of Peruvian diplomats met the minister.", "group").code == "PERGOV"


def test_a_police_department_commissioner_is_police_alone():
    text = "Harbor County Police Department Commissioner Tom Kessler said the gang was dangerous."
    assert actor(text, "Kessler").sectors == ["COP"]


def test_activists_campaign_staff_and_scholars():
    text = ("A well-known political activist was detained in Cairo. Campaign spokeswoman Ann Holt "
            "said the candidate would win. A Belgian sociologist criticised the plan.")
    assert actor(text, "activist").code == "EGYOPP"
    assert actor(text, "Holt").sectors == ["PTY"]
    assert actor(text, "sociologist").code == "BELEDU"


def test_a_diplomat_takes_the_other_country_not_the_dateline():
    text = ("MOSCOW, March 2 (Reuters) - Bolivian officials met Russian officials on Thursday. "
            "Foreign Minister Pedro Quispe said the talks went well.")
    found = actor(text, "Quispe")
    assert found.code == "BOLGOV"
    assert any("visitor" in step for step in found.resolution)


def test_a_diplomat_in_a_story_of_several_countries_stays_open():
    text = ("ASTANA, March 2 - Syrian, Turkish and Iranian delegations held talks with Russia. "
            "The diplomat said the meeting would be fruitful.")
    found = actor(text, "diplomat")
    assert found.code == "GOV" and found.country is None


def test_a_diplomat_filed_from_home_keeps_the_dateline():
    text = "KIEV, March 2 - The ambassador said the talks went well."
    assert actor(text, "ambassador").code == "UKRGOV"


def test_a_united_states_attorney_is_not_the_attorney_general():
    text = ("NEW YORK, March 2 - The United States Attorney for the district charged five men. "
            "The U.S. attorney general praised the police.")
    district = actor(text, "Attorney")
    assert district.name != "Jeff Sessions"
    assert actor(text, "general").name == "Jeff Sessions"


def test_one_armed_side_per_role():
    text = ("Government soldiers attacked rebel commanders near Goma. Government prosecutors "
            "charged the army officers.")
    assert actor(text, "soldiers").code == "CODMIL"
    assert actor(text, "commanders").code == "CODREB"
    assert actor(text, "prosecutors").code == "CODJUD"


def test_warplanes_and_a_borough():
    text = "A Brooklyn man was hurt in a fall. Syrian aircraft bombed the town of Idlib."
    assert actor(text, "man").country == "USA"
    assert actor(text, "aircraft").code == "SYRMIL"


def test_major_as_an_adjective_is_no_rank():
    text = "The minister met representatives from major Dutch companies. An army major spoke."
    assert "MIL" not in actor(text, "companies").sectors
    assert actor(text, "major", nth=1).sectors == ["MIL"]


def test_a_justice_ministry_keeps_both_sectors_and_fighter_aircraft_are_military():
    text = ("The Dutch justice ministry said the Dutch air force would buy 20 more fighter "
            "aircraft.")
    assert actor(text, "ministry").code == "NLDGOVJUD"
    assert actor(text, "aircraft").sectors == ["MIL"]
