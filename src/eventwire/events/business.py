"""The business guard: business news coded as events is held back (events/data/business.yaml).

A company's result, an offering, a private merger or a company's comment is no political event
(docs/audit.md, judging guide): the patterns match its words ("offering", "agreed to sell",
"said") as they match a state's. An event whose sides are all businesses, in a sentence about
results, deals, markets or money that names no political actor (a state, a country alone, a
party, an armed group, a union), is not coded; any other event stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.records import Actor, Event, ParsedArticle

if TYPE_CHECKING:  # the pattern book imports this module: it stays free of the actor stage
    from eventwire.actors import ArticleActors

DATA_FILE = "business.yaml"  # in events/data, read by patterns.pattern_book


@dataclass(frozen=True)
class BusinessGuard:
    """The lists of business.yaml: which events are business content."""

    roots: tuple[str, ...]
    business_sectors: frozenset[str]
    political_sectors: frozenset[str]
    words: frozenset[str]
    money: bool

    def holds_back(self, event: Event, parsed: ParsedArticle, resolved: ArticleActors) -> bool:
        """Whether ``event`` is business content that is not coded: all its sides businesses,
        its sentence about business and naming no political actor."""
        sides = [a for a in (event.source, event.target) if a is not None]
        if not sides or not event.cameo.startswith(self.roots):
            return False
        if not all(self._business(actor) for actor in sides):
            return False
        if any(self._political(actor) for actor in resolved.in_sentence(event.sentence_index)):
            return False  # "the CBI said the Chancellor's tax rise ...": business and politics
        sentence = next((s for s in parsed.sentences if s.index == event.sentence_index), None)
        return sentence is not None and self._about_business(sentence.span)

    def _political(self, actor: Actor) -> bool:
        """A state, a country named alone, a party, an armed group or a union."""
        if not actor.sectors:
            return bool(actor.country)
        return actor.sectors[0] in self.political_sectors

    def _business(self, actor: Actor) -> bool:
        return bool(actor.sectors) and actor.sectors[0] in self.business_sectors

    def _about_business(self, span: Any) -> bool:
        for token in span:
            if token.pos_ in ("NOUN", "PROPN") and (
                    token.lemma_.lower() in self.words or token.lower_ in self.words):
                return True
            if self.money and token.ent_type_ == "MONEY":
                return True
        return False


def guard_from(data: dict[str, Any] | None) -> BusinessGuard:
    """The guard of a loaded business.yaml (``patterns.pattern_book`` reads the file, with the
    other pattern files, so it is hashed into ``coder_version`` and may be overridden)."""
    data = data or {}
    return BusinessGuard(
        roots=tuple(str(r) for r in data.get("roots", [])),
        business_sectors=frozenset(data.get("business_sectors", [])),
        political_sectors=frozenset(data.get("political_sectors", [])),
        words=frozenset(str(w).lower() for w in data.get("words", [])),
        money=bool(data.get("money", False)),
    )
