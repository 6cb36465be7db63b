"""The actor dictionary files: schema checks with file and line, load cost, dated roles."""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from eventwire.actors.dictionary import (
    DATA_DIR,
    PERSON,
    DictionaryError,
    build_dictionary,
    plural_forms,
    words,
)


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_packaged_dictionary_loads_fast_and_is_large():
    # CPU time: on a shared machine the wall clock measures the neighbours.
    start = time.process_time()
    dictionary = build_dictionary()
    assert time.process_time() - start < 1.0
    assert len(dictionary.countries) >= 240
    people = [n for n in dictionary.named.values() if n.kind == PERSON]
    assert len(people) >= 400
    countries_with_people = {r.country for p in people for r in p.roles}
    assert len(countries_with_people) >= 60


def test_every_role_has_a_start_and_a_known_country():
    dictionary = build_dictionary()
    for named in dictionary.named.values():
        if named.kind != PERSON:
            continue
        for role in named.roles:
            assert role.start is not None, named.name
            assert role.sectors, named.name


def test_bad_sector_is_reported_with_file_and_line(tmp_path):
    data = copy_data(tmp_path)
    people = data / "people.tsv"
    lines = people.read_text(encoding="utf-8").splitlines()
    lines.append("Jane Example\t\tf\tFRA\tXYZ\t2020-01-01\t\tminister\t")
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as error:
        build_dictionary(data)
    assert f"people.tsv:{len(lines)}:" in str(error.value)
    assert "XYZ" in str(error.value)


@pytest.mark.parametrize(
    ("cell", "message"),
    [("ZZZ", "unknown country"), ("FRA", "ends")],
)
def test_bad_country_and_reversed_dates_are_reported(tmp_path, cell, message):
    data = copy_data(tmp_path)
    organizations = data / "organizations.tsv"
    row = f"Example Front\t\t{cell}\t\tREB\t2020-01-01\t2019-01-01\tarmed group"
    if cell == "ZZZ":
        row = f"Example Front\t\t{cell}\t\tREB\t\t\tarmed group"
    text = organizations.read_text(encoding="utf-8") + row + "\n"
    organizations.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as error:
        build_dictionary(data)
    assert "organizations.tsv:" in str(error.value)


def test_missing_column_names_the_header_line(tmp_path):
    data = copy_data(tmp_path)
    (data / "places.tsv").write_text("# comment\nname\tcountry\nKharkiv\tUKR\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"places.tsv:2: header lacks column\(s\) kind"):
        build_dictionary(data)


def test_roles_by_date_and_most_recent():
    kerry = build_dictionary().named["person:John Kerry"]
    assert kerry.role_on(date(2005, 6, 1)).sectors == ("LEG",)
    assert kerry.role_on(date(2015, 6, 1)).title == "Secretary of State"
    assert kerry.role_on(date(2019, 6, 1)) is None
    assert kerry.role_on(None).start == date(2021, 1, 20)


def test_normalised_words_and_plurals():
    assert words("U.S.") == words("US") == ["us"]
    assert words("Côte d’Ivoire") == ["cote", "d", "ivoire"]
    assert plural_forms("policeman") == ["policemen"]
    assert plural_forms("militia") == ["militias"]
    assert plural_forms("authority") == ["authorities"]


HEAD_TITLES = (
    "president of", "prime minister of", "chancellor of", "premier of", "supreme leader",
    "queen of", "king of", "emir of", "sultan of", "leader of", "taoiseach", "chairman of",
    "state counsellor", "general secretary", "chief adviser", "acting president",
    "chief executive of", "head of the military", "president of the transition",
)
FOREIGN_TITLES = ("foreign minister", "secretary of state", "foreign secretary", "acting foreign")


def holds_title(dictionary, country: str, day: date, titles: tuple[str, ...]) -> bool:
    return any(
        role.title.lower().startswith(titles) and role.holds_on(day)
        for _, role in dictionary.holders.get(country, [])
    )


def test_sixty_countries_have_a_leader_on_record_every_year_since_2000():
    dictionary = build_dictionary()
    years = [date(year, 7, 1) for year in range(2000, 2026)]
    covered = [
        country
        for country in dictionary.holders
        if country not in ("", "IGO")
        and all(holds_title(dictionary, country, day, HEAD_TITLES) for day in years)
    ]
    assert len(covered) >= 60, sorted(covered)


@pytest.mark.parametrize(
    "country", ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "UKR", "IRN", "ISR", "TUR"]
)
def test_starter_countries_have_leader_and_foreign_minister_since_2010(country):
    dictionary = build_dictionary()
    for year in range(2010, 2026):
        day = date(year, 7, 1)
        assert holds_title(dictionary, country, day, HEAD_TITLES), (country, year)
        assert holds_title(dictionary, country, day, FOREIGN_TITLES), (country, year)
