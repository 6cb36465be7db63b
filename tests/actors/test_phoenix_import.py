"""Importing Phoenix / PETRARCH dictionaries at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.phoenix import import_phoenix, phoenix_date
from eventwire.actors.resolve import resolve_phrase

ACTORS = """# a small TABARI-format file written for this test
RUNOVIA_  [RUN]
PETAR_VELIKIN_
+PRESIDENT_VELIKIN
\t[USAGOVLEG 990103-130201]
\t[USAGOV >130201]
\t[ELI]
UNITED_NATIONS_ [IGOUNO]
BROKEN_DATE_ACTOR_
\t[FRAGOV 9008223-100101]
"""
AGENTS = """!PERSON! = MAN, MEN
CATTLE!PERSON! [~AGR]
THIEF {THIEVES} [~CRM]
NEWSCASTER [~MED]
"""


@pytest.fixture
def phoenix_dir(tmp_path: Path) -> Path:
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def test_dates_in_both_forms():
    assert phoenix_date("130201").isoformat() == "2013-02-01"
    assert phoenix_date("850103").isoformat() == "1985-01-03"
    assert phoenix_date("20070101").isoformat() == "2007-01-01"


def test_imported_people_keep_their_dated_roles(phoenix_dir):
    imported = import_phoenix(phoenix_dir)
    resolver = ActorResolver(imported.dictionary)
    assert resolve_phrase(resolver, "Petar Velikin", date="2005-01-01").code == "USAGOVLEG"
    assert resolve_phrase(resolver, "President Velikin", date="2015-01-01").code == "USAGOV"
    assert any("Countries.actors.txt:9" in line for line in imported.skipped)


def test_agents_expand_macros_and_plurals_and_rename_media(phoenix_dir):
    resolver = ActorResolver(import_phoenix(phoenix_dir).dictionary)
    assert resolve_phrase(resolver, "cattlemen").sectors == ["AGR"]
    assert resolve_phrase(resolver, "Russian newscaster").code == "RUSJRN"


def test_packaged_dictionary_wins(phoenix_dir):
    imported = import_phoenix(phoenix_dir)
    assert imported.kept_packaged >= 1  # "UNITED NATIONS" and "THIEF" are packaged already
    resolver = ActorResolver(imported.dictionary)
    assert resolve_phrase(resolver, "the United Nations").code == "IGOUNO"


def test_a_folder_without_dictionaries_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="none of"):
        import_phoenix(tmp_path)


def test_real_phoenix_dictionaries(shared_dir):
    folder = shared_dir / "reference" / "phoenix_dictionaries"
    imported = import_phoenix(folder)
    assert imported.added_names > 10_000 and imported.added_agents > 1_000
    resolver = ActorResolver(imported.dictionary)
    assert resolve_phrase(resolver, "Ivo Josipovic", date="2013-01-01").code == "HRVGOV"
