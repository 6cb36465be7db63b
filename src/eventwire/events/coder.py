"""Placeholder coder; the pattern-based coder replaces it."""

from __future__ import annotations

from functools import lru_cache

from eventwire.actors import ArticleActors
from eventwire.records import Event, ParsedArticle


class EventCoder:
    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> EventCoder:
        return cls()

    def code(self, parsed: ParsedArticle, actors: ArticleActors) -> list[Event]:
        return []
