"""A title every company has too ("president", "spokesman") held in a company the text names
is that company's officer (BUS), never the state's office or its holder on the article date."""

from __future__ import annotations

from eventwire.actors import ActorResolver
from eventwire.nlp import parse_article
from eventwire.records import Article

DAY = "1989-10-27"  # George H. W. Bush was President of the United States


def actor(text: str, word: str, day: str | None = DAY):
    parsed = parse_article(Article(id="t", text=text, date=day))
    actors = ActorResolver.default().annotate(parsed)
    token = [t for t in parsed.doc if t.text == word][-1]
    return actors.actor_at(token)


def test_a_person_titled_by_a_company_is_its_officer():
    for text, name in (
        ("NEW YORK - Funds kept their money, said Louis Harlan, Dalvar Inc.'s president.", "Harlan"),
        ("NEW YORK - Richard Moore, president of Unisar Corp., said prices will rise.", "Moore"),
        # the company named in full before, by its short name after
        ("NEW YORK - Unisar Corp. posted a loss. Richard Moore, president of Unisar, said the "
         "price war will go on.", "Moore"),
        # a title no state uses
        ("NEW YORK - John Smith, chief financial officer of Milton Ray, declined to comment.", "Smith"),
    ):
        found = actor(text, name)
        assert found is not None and found.sectors == ["BUS"], text
        assert found.name != "George H. W. Bush"


def test_a_companys_president_is_no_head_of_state():
    its = actor("NEW YORK - Coda Energy Inc. sold its wells. Its president said the sale was done.",
                "president")
    assert its is not None and its.sectors == ["BUS"]
    assert "officer" in " ".join(its.resolution)
    later = actor("NEW YORK - Richard Moore, president of Unisar Corp., spoke first. The president "
                  "said sales rose.", "president")
    assert later is not None and later.sectors == ["BUS"] and later.name is None
    spokesman = actor("NEW YORK - A spokesman for the Stamford company said the plant was sold.",
                      "spokesman")
    assert spokesman is not None and spokesman.sectors == ["BUS"]
    # a possessor the dictionary does not know holds the office, not the country
    unknown = actor("WASHINGTON - Dalvar's president said the funds had lost no money.", "president")
    assert unknown is None or unknown.name != "George H. W. Bush"


def test_a_states_president_keeps_the_office():
    assert actor("WASHINGTON - The president of the United States met the press.",
                 "president").name == "George H. W. Bush"
    assert actor("The Russian president met the German chancellor in Moscow.", "president",
                 "2017-03-01").code == "RUSGOV"
    # a party the text names but nothing resolves: as before, no guess
    assert actor("Tom Ulrik, a spokesman for Harvel, said the shares fell.", "Ulrik") is None
