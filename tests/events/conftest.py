"""A small stand-in actor resolver, so coder tests exercise only the coder.

It maps a few proper nouns to codes; everything else is no actor. The real resolver is tested
in tests/actors/ and end to end in tests/test_cli.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.events import EventCoder
from eventwire.events.patterns import pattern_book
from eventwire.nlp import parse_article
from eventwire.records import Actor, Article, Event

CODES = {
    "France": "FRA", "Germany": "DEU", "Russia": "RUS", "Britain": "GBR", "Iran": "IRN",
    "Israel": "ISR", "China": "CHN", "Japan": "JPN", "Syria": "SYR", "Turkey": "TUR",
    "Brazil": "BRA", "Egypt": "EGY", "police": "COP", "minister": "GOV", "protesters": "OPP",
}
SECTORS = {"COP", "GOV", "OPP"}


class StubActors:
    matches = None  # no dictionary matches handed over: the coder matches nationalities itself

    def __init__(self, parsed):
        self.sentence_of = {t.i: s for s in parsed.sentences for t in s.span}

    def actor_at(self, token):
        code = CODES.get(token.text)
        if code is None:
            return None
        span = self.sentence_of[token.i].span
        start = token.idx - span.start_char
        country = None if code in SECTORS else code
        sectors = [code] if code in SECTORS else []
        # role words ("police") are unnamed, as the actors stage resolves them
        return Actor(text=token.text, code=code, country=country, sectors=sectors,
                     start=start, end=start + len(token.text),
                     name=None if sectors else token.text)


@pytest.fixture(scope="session")
def code_text():
    coder = EventCoder.default()

    def run(text: str, title: str | None = None) -> list[Event]:
        parsed = parse_article(Article(id="test", text=text, title=title))
        return coder.code(parsed, StubActors(parsed))

    return run


@pytest.fixture(scope="session")
def code_all():
    """Like ``code_text``, with a coder that also codes what the default leaves out as no act
    (discards.yaml: negated acts, suppositions), flagged ``negated`` or ``hypothetical``: for
    tests of how the flags are read."""
    coder = EventCoder(replace(pattern_book(), negated_roots=None, uncoded_modalities=frozenset()))

    def run(text: str) -> list[Event]:
        parsed = parse_article(Article(id="test", text=text))
        return coder.code(parsed, StubActors(parsed))

    return run


@pytest.fixture(scope="session")
def code_parsed():
    """Like ``code_text``, with the parsed article: ``(parsed, events)``."""
    coder = EventCoder.default()

    def run(text: str):
        parsed = parse_article(Article(id="test", text=text))
        return parsed, coder.code(parsed, StubActors(parsed))

    return run


@pytest.fixture(scope="session")
def code_on():
    """Like ``code_text``, for an article published on ``date`` (YYYY-MM-DD)."""
    coder = EventCoder.default()

    def run(text: str, date: str) -> list[Event]:
        parsed = parse_article(Article(id="test", text=text, date=date))
        return coder.code(parsed, StubActors(parsed))

    return run


@pytest.fixture(scope="session")
def code_at_url():
    """Like ``code_text``, for an article at ``url`` (None: an article without one)."""
    coder = EventCoder.default()

    def run(text: str, url: str | None) -> list[Event]:
        parsed = parse_article(Article(id="test", text=text, url=url))
        return coder.code(parsed, StubActors(parsed))

    return run
