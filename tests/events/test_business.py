"""Business news is no political event (events/data/business.yaml): a company's result, sale or
comment is not coded, an act of a political actor about a company is."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.coder import coder_version
from eventwire.events.patterns import PATTERNS_DIR_VARIABLE, PatternBook, pattern_book
from eventwire.nlp import parse_article
from eventwire.records import Article, Event


def coded(text: str) -> list[Event]:
    parsed = parse_article(Article(id="t", text=text, date="1989-10-27"))
    return EventCoder.default().code(parsed, ActorResolver.default().annotate(parsed))


def test_business_content_is_not_coded():
    for text in (
        "NEW YORK - Rolex Foods Inc. agreed to sell its candy unit to Vell Corp. for $370 million.",
        "NEW YORK - The company said it had a loss of $5 million in the quarter.",
        "NEW YORK - Richard Moore, president of Unisar Corp., said prices will rise next year.",
        "NEW YORK - Vell Corp. went public this month, offering 1.7 million shares at $15 a share.",
    ):
        assert coded(text) == [], text


def test_a_political_actor_acting_on_a_company_is_coded():
    events = coded("WASHINGTON - The Justice Department sued Vell Corp. to block the merger.")
    assert [(e.cameo[:2], e.source.sectors[:1], e.target.sectors) for e in events] == [
        ("11", ["GOV"], ["BUS"])]
    # the same words with a state as a side stay
    assert coded("MOSCOW - Russia agreed to sell its gas to Ukraine for $370 million.")
    # a company's word on anything but business is a statement like any other
    assert coded("MIAMI - The ship did not take on water, said the company.")
    # a company's word on a state's act is politics as well as business
    assert coded("LONDON - Vell Corp. said the government's new tax would cut its profit.")


def test_the_guard_reads_its_data():
    guard = pattern_book().business
    assert "BUS" in guard.business_sectors and "GOV" not in guard.business_sectors
    assert "14" not in guard.roots  # a strike or a protest is never business news


RESULT = "NEW YORK - The company said it had a loss of $5 million in the quarter."


def book_from(folder: Path, monkeypatch: pytest.MonkeyPatch) -> PatternBook:
    """The pattern book of an override folder (EVENTWIRE_PATTERNS_DIR), loaded afresh."""
    monkeypatch.setenv(PATTERNS_DIR_VARIABLE, str(folder))
    pattern_book.cache_clear()
    try:
        return pattern_book()
    finally:
        monkeypatch.delenv(PATTERNS_DIR_VARIABLE)
        pattern_book.cache_clear()  # the packaged book again for the other tests


def coded_with(book: PatternBook, text: str) -> list[Event]:
    parsed = parse_article(Article(id="t", text=text, date="1989-10-27"))
    return EventCoder(book).code(parsed, ActorResolver.default().annotate(parsed))


def copied_patterns(tmp_path: Path) -> Path:
    folder = tmp_path / "patterns"
    shutil.copytree(resources.files("eventwire.events") / "data", folder)
    return folder


def test_an_override_folder_without_business_yaml_reads_the_packaged_guard(tmp_path, monkeypatch):
    # a folder of edited pattern files made before business.yaml existed
    folder = copied_patterns(tmp_path)
    (folder / "business.yaml").unlink()
    book = book_from(folder, monkeypatch)
    assert book.business == pattern_book().business
    assert book.version_hash == pattern_book().version_hash
    assert coded_with(book, RESULT) == []
    assert coded_with(book, "MOSCOW - Russia agreed to sell its gas to Ukraine for $370 million.")


def test_an_override_of_business_yaml_changes_coding_and_the_coder_version(tmp_path, monkeypatch):
    folder = copied_patterns(tmp_path)
    guard = folder / "business.yaml"
    edited = guard.read_text(encoding="utf-8").replace("business_sectors: [BUS]", "business_sectors: []")
    assert edited != guard.read_text(encoding="utf-8")
    guard.write_text(edited, encoding="utf-8")
    book = book_from(folder, monkeypatch)
    assert coder_version(book) != coder_version(pattern_book())
    # no sector is a business's now: the company's word on its result is coded
    events = coded_with(book, RESULT)
    assert events and all(e.source.sectors[:1] == ["BUS"] for e in events)
