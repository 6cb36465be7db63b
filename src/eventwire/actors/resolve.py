"""Placeholder resolver (countries by name through pycountry); replaced by the dictionary one."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pycountry

from eventwire.records import Actor, ParsedArticle


class ArticleActors:
    def __init__(self, by_token: dict[int, Actor]):
        self._by_token = by_token

    def actor_at(self, token: Any) -> Actor | None:
        return self._by_token.get(token.i)


class ActorResolver:
    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> ActorResolver:
        return cls()

    def annotate(self, parsed: ParsedArticle) -> ArticleActors:
        found: dict[int, Actor] = {}
        for ent in parsed.doc.ents:
            if ent.label_ not in ("GPE", "NORP"):
                continue
            try:
                country = pycountry.countries.search_fuzzy(ent.text)[0].alpha_3
            except LookupError:
                continue
            sent = ent.sent
            found[ent.root.head.i if ent.label_ == "NORP" else ent.root.i] = Actor(
                text=ent.text,
                code=country,
                country=country,
                start=ent.start_char - sent.start_char,
                end=ent.end_char - sent.start_char,
            )
        return ArticleActors(found)
