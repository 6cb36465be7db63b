from __future__ import annotations

import pytest

from eventwire.events import cameo_table
from eventwire.events.patterns import PatternError, _load_section, pattern_book


def test_cameo_table_has_every_code_with_plover_mapping():
    table = cameo_table()
    assert len(table) == 311
    assert table["043"].plover == "CONSULT" and table["043"].goldstein == 2.8
    assert table["010"].plover is None  # statements have no PLOVER type
    assert table["163"].plover == "SANCTION"


def test_patterns_cover_all_twenty_roots():
    book = pattern_book()
    roots = {p.cameo[:2] for group in (book.verbs, book.nouns) for ps in group.values() for p in ps}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_prepositions_are_read_as_words_not_booleans():
    patterns = pattern_book().verbs["impose"]
    assert any(p.prep == "on" for p in patterns)


def test_bad_pattern_names_file_and_line():
    with pytest.raises(PatternError, match=r"x.yaml:7: '999' is not a CAMEO code"):
        _load_section("verb", {"meet": [{"id": "m", "cameo": "999", "__line__": 7}]}, "x.yaml", {})


def test_intent_map_sends_cooperation_to_agree_and_conflict_to_threaten():
    book, table = pattern_book(), cameo_table()
    assert book.intent_code("0874") == "0356"  # "will withdraw": intent to de-escalate
    assert book.intent_code("1823") == "138"  # "will kill": threaten force (root 18)
    for code, intent in book.intent.items():
        expected = "AGREE" if int(code[:2]) <= 9 else "THREATEN"
        assert table[intent].plover == expected, (code, intent)


def test_coverage_files_merge_with_core_patterns_most_specific_first():
    patterns = pattern_book().verbs["open"]
    ids = [p.id for p in patterns]
    assert "open-fire-on" in ids and "open-investigation" in ids  # core and coverage files
    assert patterns[0].specificity == max(p.specificity for p in patterns)


def test_implied_agent_lemmas_are_known():
    assert {"arrest", "detain", "custody"} <= pattern_book().agent_lemmas


def test_the_state_is_its_government_and_its_forces():
    # arguments.yaml's state_sectors and the confidence's sector groups name one concept
    from eventwire.events.confidence import FORCE_SECTORS, GOVERNMENT_SECTORS

    assert pattern_book().state_sectors == FORCE_SECTORS | GOVERNMENT_SECTORS
