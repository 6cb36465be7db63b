"""The value types of one phrase: what the matches inside it say (``PhraseFacts``) and the
phrase once resolved to an ``Actor`` (``Mention``), remembered for coreference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.dictionary import Entry, Named
from eventwire.actors.matching import Match
from eventwire.records import Actor


@dataclass
class Mention:
    """A resolved noun phrase, remembered for coreference."""

    head: Any
    sentence: int
    actor: Actor
    named: Named | None = None
    head_entry: Entry | None = None
    individual: bool = False  # a single person (for he/she and definite descriptions)
    title_fit: bool = False  # a title is written with the name ("Secretary of State John Kerry")
    name_words: int = 0  # words of the name as written ("John Kerry": 2)
    base_steps: list[str] = field(default_factory=list)  # how it resolved on its own
    victim: bool = False  # "the victims of the attack": never its author


@dataclass
class PhraseFacts:
    """What the dictionary matches inside one phrase say."""

    head_match: Match | None = None
    # (code, words, source, token): ordered so that the last is the one to use: the nearest
    # modifier left of the head ("Russian ambassador in Paris" -> RUS), else the nearest right.
    countries: list[tuple[str, str, str, int]] = field(default_factory=list)
    aligned: list[tuple[str, str]] = field(default_factory=list)  # (code, words)
    agents: list[tuple[Entry, str]] = field(default_factory=list)  # role words (not the head)
    organizations: list[tuple[Named, str]] = field(default_factory=list)
    people: list[tuple[Named, str]] = field(default_factory=list)
    former: str = ""


def aged(head: Any) -> bool:
    """A name with an age in apposition ("Aden, 52,") names a person."""
    return any(child.dep_ == "appos" and child.text.isdigit() and 0 < int(child.text) < 120
               for child in head.children)
