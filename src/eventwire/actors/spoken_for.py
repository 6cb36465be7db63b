"""The party a generic title speaks for ("a spokesman for X", "X's spokesperson", "the X
spokesman"): the title's sector is that party's, not the title's own default.

agents.tsv gives the generic titles (flag ``member``: spokesman, official, leader) a default
sector (GOV) for when nothing stands behind them. When the text names the party behind the
title, that default is a guess against the text: a company's or a singer's spokesman is no
government official, the Taliban's no Afghan government's. A listed organisation or person
gives its role on the article date; a party named earlier in the article ("a spokesman for
Roger" after "District Attorney David Roger") gives that mention's code; a party the text
names but nothing resolves leaves the title without a sector, so that the actor stays
unresolved rather than wrong. A place ("a spokesman for the Kremlin") keeps the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.coreference import earlier_person_by_surname
from eventwire.actors.dictionary import ORGANIZATION, PERSON
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import PLACE_KINDS, phrase_tokens
from eventwire.actors.roles_by_date import dated_role

# Prepositions by which a title names whom it speaks for ("a spokesman for", "an official of").
SPEAKS_FOR_PREPOSITIONS = frozenset({"for", "of"})


@dataclass(frozen=True)
class Party:
    """Whom a generic title speaks for; no sectors when nothing resolves the party."""

    text: str
    country: str = ""
    sectors: tuple[str, ...] = ()


def named_parties(title: Any) -> list[Any]:
    """The proper names a title speaks for: its possessor ("Eminem's spokesperson"), a
    capitalised modifier ("the Tiger spokesman") or the object of "for"/"of"."""
    parties = []
    for child in title.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            parties.append(child)
        elif (child.dep_ in ("compound", "nmod") and child.i < title.i and child.pos_ == "PROPN"
              and not child.is_sent_start):
            parties.append(child)
        elif child.dep_ == "prep" and child.lower_ in SPEAKS_FOR_PREPOSITIONS:
            parties.extend(o for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    return parties


def party_behind(ctx: ArticleContext, title: Any, steps: list[str]) -> Party | None:
    """The party a generic title names, with the country and sectors it gives; None when the
    title names none, or names a place or a role word (the title's default stands)."""
    for party in named_parties(title):
        found = _listed_party(ctx, party)
        if found is None:
            mention = ctx.mention_headed_by(party.i) or earlier_person_by_surname(ctx, party)
            if mention is not None:
                found = Party(party.text, mention.actor.country or "", tuple(mention.actor.sectors))
        if found is None:
            found = _titled_party(ctx, party)
        if found is None:
            return None
        if found.sectors:
            steps.append(Step(
                StepKind.SECTOR,
                f"'{title.text}' speaks for '{party.text}' -> {' '.join(found.sectors)}"
            ))
        else:
            steps.append(Step(
                StepKind.SECTOR,
                f"'{title.text}' speaks for '{party.text}', which nothing resolves: no sector "
                "(not the title's default)"
            ))
        return found
    return None


def _listed_party(ctx: ArticleContext, party: Any) -> Party | None:
    """A listed organisation or person named by the party's words, with its role on the date."""
    for i in _name_span(party):
        match = ctx.match_at.get(i)
        entry = match.best if match is not None else None
        if entry is None or entry.kind not in (ORGANIZATION, PERSON) or entry.named is None:
            continue
        role = dated_role(entry.named, ctx.day)
        return Party(party.text, role.country, tuple(role.sectors)) if role else None
    return None


def _titled_party(ctx: ArticleContext, party: Any) -> Party | None:
    """None (the title's default stands) when the party's name is a place or a role word, or
    carries a title ("Foreign Minister John Doe", "the Prosecutor General's Office": its
    sectors); else a party nothing resolves."""
    head = ctx.match_at.get(party.i)
    if head is not None and head.best.kind in PLACE_KINDS:
        return None  # "a spokesman for the Kremlin"
    for i in [party.i, *(t.i for t in phrase_tokens(party) if t.i != party.i)]:
        match = ctx.match_at.get(i)
        entry = match.best if match is not None else None
        if entry is not None and entry.agent is not None and entry.agent.sectors:
            return Party(party.text, "", tuple(entry.agent.sectors))
    return Party(party.text)


def _name_span(party: Any) -> list[int]:
    """The token indices of a party's name: its head first, then the words before it."""
    return [party.i, *(c.i for c in party.children if c.dep_ == "compound")]
