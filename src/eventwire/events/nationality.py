"""Countries named by a modifier of a word that is no actor: "German goods", "a U.S. request",
"an Australian ultimatum", "Israeli air raids", "the US-led war".

The actors stage resolves noun phrases that name an actor ("the German government"); a demonym
or a country's name that only modifies a thing is left alone. When the coder finds no better
argument, such a modifier names the country the thing belongs to. The words come from the actor
dictionary (its country, demonym and capital entries), so this module holds no knowledge of its
own; "pro-Russian" and "Russia-backed" name a sympathy, not a nationality, and are skipped.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from eventwire.actors.dictionary import ADJECTIVE, CAPITAL, COUNTRY, MODIFIER, Dictionary
from eventwire.actors.matching import Match, find_matches
from eventwire.records import Actor

Token = Any

NATIONAL_KINDS = (COUNTRY, ADJECTIVE, CAPITAL)
# Dependents that make a noun a country's: "German goods", "U.S. request", "Israel's".
NATIONAL_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


class Nationalities:
    """The nationality modifiers of one parsed document, matched on first use."""

    def __init__(self, doc: Any, dictionary: Dictionary):
        self.doc = doc
        self.dictionary = dictionary

    @cached_property
    def _by_token(self) -> dict[int, Match]:
        found: dict[int, Match] = {}
        for match in find_matches(self.doc, self.dictionary):
            for index in range(match.start, match.end):  # "South African": either word
                found[index] = match
        return found

    def modifier_actor(self, token: Token) -> Actor | None:
        """The country of the first nationality modifier of ``token``, as an actor."""
        for child in token.children:
            if child.dep_ not in NATIONAL_DEPS:
                continue
            actor = self.country_actor(child, token)
            if actor is not None:
                return actor
        return None

    def country_actor(self, word: Token, owner: Token) -> Actor | None:
        match = self._by_token.get(word.i)
        entry = match.first(NATIONAL_KINDS) if match else None
        if entry is None or not entry.country or self._aligned(match, word):
            return None
        words = self.doc[match.start : match.end]
        sentence = word.sent
        lead = len(sentence.text) - len(sentence.text.lstrip())  # offsets in the stripped text
        start = words.start_char - sentence.start_char - lead
        return Actor(
            text=words.text, code=entry.country, country=entry.country, sectors=[],
            start=start, end=start + len(words.text),
            resolution=[f"nationality modifier '{words.text}' of '{owner.text}' -> "
                        f"{entry.country} ({entry.source})"],
        )

    def _aligned(self, match: Match, word: Token) -> bool:
        """'pro-Russian', 'anti-American', 'Russia-backed': sympathy, not nationality."""
        if any(self._alignment(w, after=True) for w in match.suffix[:1]):
            return True
        before = self.doc[word.i - 1] if word.i > 0 else None
        if before is not None and before.text in "-\u2010" and word.i > 1:
            before = self.doc[word.i - 2]
        prefix = word.text.lower().split("-")[0] if "-" in word.text else None
        candidates = [w for w in (prefix, before.lower_ if before is not None else None) if w]
        return any(self._alignment(w, after=False) for w in candidates)

    def _alignment(self, word: str, after: bool) -> bool:
        for entry in self.dictionary.lookup((word,)):
            flags = entry.agent.flags if entry.agent else frozenset()
            if entry.kind == MODIFIER and "alignment" in flags and ("after" in flags) == after:
                return True
        return False
