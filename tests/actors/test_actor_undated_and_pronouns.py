"""Patterns of the BBC (undated) and world audits: an undated article's time and a country-less
article's country come from the people and bodies the text names; he/she never takes a person
the text calls a woman/man, and prefers the doer of a passive; "former" makes an elite only of
a public office."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver
from eventwire.nlp import parse_article
from eventwire.records import Article

CABINET = ("Tony Blair said the plan was fair. Gordon Brown said the budget would help. "
           "Charles Clarke said the powers would be used rarely. ")


def actor(text: str, word: str, day: str | None = None, nth: int = 0):
    parsed = parse_article(Article(id="t", text=text, date=day))
    actors = ActorResolver.default().annotate(parsed)
    return actors.actor_at([t for t in parsed.doc if t.text == word][nth])


def test_an_undated_article_takes_its_time_from_the_people_in_office_together():
    text = CABINET + "Michael Heseltine said the party had lost its way."
    found = actor(text, "Heseltine")
    assert found.code == "GBRELI"
    assert any("article's time" in step for step in found.resolution)
    assert actor(text, "Brown").code == "GBRGOV"  # in office then: unchanged


def test_a_dated_article_keeps_the_role_of_its_date():
    text = CABINET + "Michael Heseltine said the party had lost its way."
    assert actor(text, "Heseltine", day="1996-03-01").code == "GBRGOV"


def test_no_time_from_too_few_people_or_years_before_it():
    two = "Tony Blair said the plan was fair. Michael Heseltine said the party had lost its way."
    assert actor(two, "Heseltine").code == "GBRGOV"  # the latest role, as before
    older = CABINET + "Michael Heseltine said the party had lost its way in 1996."
    assert actor(older, "Heseltine").code == "GBRGOV"  # 2004's cabinet is not of a 1996 story


def test_a_state_office_with_a_portfolio_is_the_articles_not_another_bodys():
    text = ("Britain will raise fees. The Higher Education Minister, Kim Howells, said schools "
            "were working hard. The Culture Secretary said the plan was fair.")
    assert actor(text, "Minister").code == "GBRGOV"
    assert actor(text, "Secretary").code == "GBRGOV"
    assert actor("The IIHF president said the games would go on.", "president").country in ("", None)


COMMISSIONER = " Mr Jones, the information commissioner, said the watchdog had few complaints."


@pytest.mark.parametrize("bodies, country", [
    ("Labour and the Tories clashed over the plan.", "GBR"),
    ("Labour and the US Congress clashed over the plan.", ""),  # two countries
    ("Labour criticised the plan.", ""),  # one name alone: Ireland has a Labour party too
])
def test_an_article_naming_no_country_takes_the_one_country_of_its_bodies(bodies, country):
    found = actor(bodies + COMMISSIONER, "Jones")
    assert (found.country or "") == country
    assert found.sectors == ["GOV"]
    assert any("names no country" in step for step in found.resolution) == bool(country)


def test_he_is_not_a_woman_the_text_calls_a_wife_or_ms():
    text = ("Mr Kennedy will campaign across Britain. He planned the campaign around the birth "
            "of his child. The baby and his wife Sarah would come first, he said.")
    assert actor(text, "he") is None  # Mr Kennedy, whom the dictionary lacks; not Sarah
    text = "The Scottish minister Ms Jamieson met the ministers in Britain. He said the talks went well."
    assert actor(text, "He") is None


def test_he_takes_the_doer_of_a_passive_before_a_possessor():
    text = ("Downing Street media chief Alastair Campbell met aides. The charge was denied by "
            "Peter Mandelson, who said the Tories feared Mr Campbell's skills. He warned the BBC "
            "that attacks had brought it trouble.")
    assert actor(text, "He").name == "Peter Mandelson"


def test_former_makes_an_elite_only_of_a_public_office():
    text = "In Dublin, a former teacher said the school was unsafe. A former minister said it was not."
    assert actor(text, "teacher", day="2017-03-01").code == "IRLEDU"
    assert actor(text, "minister", day="2017-03-01").code == "IRLELI"


def test_undated_a_generic_title_names_the_role_with_its_words():
    # "Leader" says no sector: it is his Leader of the Opposition role, not his earlier
    # Home Secretary one (both listed).
    text = "The Conservatives unveiled the plan. Leader Michael Howard said it would help."
    found = actor(text, "Howard")
    assert found.code == "GBROPP"
    assert any("Leader of the Opposition" in step for step in found.resolution)


def test_undated_a_generic_title_names_a_role_only_if_held_in_the_years_written():
    # Blair led the opposition in the 1990s only: "Labour leader" in a story of 2006 is not
    # that role, in one of 1996 it is
    text = "Labour leader Tony Blair criticised Chancellor Gordon Brown in 2006. Blair spoke."
    assert actor(text, "Blair").code == "GBRGOV"
    assert actor(text.replace("2006", "1996"), "Blair").code == "GBROPP"


def test_undated_a_title_that_fits_no_listed_role_says_what_the_person_was():
    # listed only for government offices; the text calls him a shadow minister
    text = "Shadow minister Philip Hammond said the budget was a mistake."
    found = actor(text, "Hammond")
    assert found.code == "GBROPPLEG"
    assert any("fits none of Philip Hammond's listed roles" in step for step in found.resolution)
    # an article date decides as before
    assert actor(text, "Hammond", day="2015-03-01").code == "GBRGOV"


def test_undated_no_time_long_before_the_years_the_text_writes():
    # listed together in 1994 (Blair leading the opposition, Howard at the Home Office),
    # but a story that writes 2002 is not of 1994
    text = ("Tony Blair said the war was right. Michael Howard said the case was weak. "
            "Saddam Hussein had denied it. The dossier of 2002 was criticised.")
    assert actor(text, "Blair").code == "GBRGOV"


def test_undated_a_year_looked_ahead_to_does_not_move_the_time():
    # the Blair cabinet and the Howard front bench listed together: their time stands, a plan
    # "ready by 2011" is no story of 2011
    text = ("Prime Minister Tony Blair met Gordon Brown, John Prescott and Jack Straw. Blair "
            "said the scheme would be finished by 2011. Michael Howard, Oliver Letwin, David "
            "Davis and Liam Fox opposed it.")
    assert actor(text, "Davis").code == "GBROPPLEG"
    assert actor(text, "Fox").code == "GBROPP"


def test_a_description_refers_to_the_office_the_person_holds_in_the_article():
    # Blair was once Leader of the Opposition too; here he is the prime minister
    text = ("Michael Howard said the plan was wrong. Tony Blair said the plan was fair. "
            "The Tory leader said the cost was too high.")
    assert actor(text, "leader").code == "GBROPP"
    assert "Michael Howard" in actor(text, "leader").name
