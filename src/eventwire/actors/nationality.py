"""Countries named by a modifier of a word that is no actor: "German goods", "a U.S. request",
"an Australian ultimatum", "Israeli air raids", "the US-led war"; and organisations named by a
compound modifier: "a U.N. Security Council resolution", "new EU members".

The actors stage resolves noun phrases that name an actor ("the German government"); a demonym
or a country's name that only modifies a thing is left alone. When the coder finds no better
argument, such a modifier names the country the thing belongs to. The words come from the actor
dictionary (its country and demonym entries), so this module holds no knowledge of its
own; "pro-Russian" and "Russia-backed" name a sympathy, not a nationality, and are skipped.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from eventwire.actors.dictionary import (
    ADJECTIVE,
    COUNTRY,
    ORGANIZATION,
    Dictionary,
)
from eventwire.actors.matching import Match, find_matches
from eventwire.records import Actor

Token = Any

# Not capitals: "the Paris attacks", "the Moscow talks" name where, not whose.
NATIONAL_KINDS = (COUNTRY, ADJECTIVE)
# Dependents that make a noun a country's: "German goods", "U.S. request", "Israel's".
NATIONAL_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


class Nationalities:
    """The nationality modifiers of one parsed document. ``matches`` are the actor stage's
    dictionary matches of the document (``ArticleActors.matches``); without them the document
    is matched on first use."""

    def __init__(self, doc: Any, dictionary: Dictionary, day: date | None = None,
                 matches: list[Match] | None = None):
        self.doc = doc
        self.dictionary = dictionary
        self.day = day  # the article's date (Article.published): an organisation's role on it
        self._matches = matches

    @cached_property
    def _by_token(self) -> dict[int, Match]:
        found: dict[int, Match] = {}
        matches = self._matches
        for match in find_matches(self.doc, self.dictionary) if matches is None else matches:
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
        if match is None or self._aligned(match, word):
            return None
        entry = match.first(NATIONAL_KINDS)
        if (entry is None or not entry.country) and word.dep_ in ("compound", "nmod"):
            return self._organization(match, word, owner)  # "a U.N. Security Council resolution"
        if entry is None or not entry.country:
            return None
        words = self.doc[match.start : match.end]
        start = self._offset(words)
        return Actor(
            text=words.text, code=entry.country, country=entry.country, sectors=[],
            start=start, end=start + len(words.text),
            resolution=[f"nationality modifier '{words.text}' of '{owner.text}' -> "
                        f"{entry.country} ({entry.source})"],
        )

    def _organization(self, match: Match, word: Token, owner: Token) -> Actor | None:
        entry = match.first((ORGANIZATION,))
        named = entry.named if entry else None
        role = (named.role_on(self.day) or named.role_on(None)) if named else None
        if role is None or not role.country:
            return None
        words = self.doc[match.start : match.end]
        start = self._offset(words)
        return Actor(
            text=words.text, code=role.actor_code, country=role.country,
            sectors=list(role.sectors), name=named.name, start=start,
            end=start + len(words.text),
            resolution=[f"organisation modifier '{words.text}' of '{owner.text}' -> "
                        f"{role.actor_code} ({named.source})"],
        )

    def _offset(self, words: Any) -> int:
        """Where ``words`` start in their sentence's stripped text (as actor spans are kept)."""
        sentence = words[0].sent
        lead = len(sentence.text) - len(sentence.text.lstrip())
        return words.start_char - sentence.start_char - lead

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
        return any(entry.marks_alignment(after) for entry in self.dictionary.lookup((word,)))
