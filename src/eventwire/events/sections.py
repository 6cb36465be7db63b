"""Sections of a news site that hold no political events (``events/data/sections.yaml``).

A sports page's "X accused Y" is a row between teams, not between states: an article whose URL
names a sports or entertainment section keeps only the events with a state actor on one side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.records import Event

# entries this long may sit inside a longer URL word ("eurosport"); shorter ones must be the word
MIN_CONTAINED = 5
_URL_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class OffTopicSections:
    url_words: frozenset[str] = frozenset()
    not_words: frozenset[str] = frozenset()
    keep_sectors: frozenset[str] = frozenset()

    def section_word(self, url: str | None) -> str | None:
        """The URL word that names an off-topic section ("sport" in ".../sport/cricket/..."), or None."""
        for word in _URL_WORD.split((url or "").lower()):
            if not word or word in self.not_words:
                continue
            for entry in self.url_words:
                if word == entry or (len(entry) >= MIN_CONTAINED and entry in word):
                    return word
        return None

    def keeps(self, event: Event) -> bool:
        """Whether an event of such a section stays: a state actor on one side."""
        return any(actor is not None and self.keep_sectors.intersection(actor.sectors)
                   for actor in (event.source, event.target))


def off_topic_sections(data: dict[str, Any] | None) -> OffTopicSections:
    """sections.yaml's ``off_topic`` entry, lower-cased."""
    data = data or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return OffTopicSections(words("url_words"), words("not_words"),
                            frozenset(str(s) for s in data.get("keep_sectors") or ()))
