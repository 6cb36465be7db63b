"""Company officers: a title that every company has too ("president", "vice president",
"spokesman"; agents.tsv flag ``officer``) held in a company the text names is that company's
office, BUS, and never the state's.

"Louis Harvey, Dalbar Inc.'s president", "Richard Moore, president of Unisys" (after "Unisys
Corp."), "its president" (after "the company"), "a spokesman for the Stamford company": the
title's default (GOV) and the country's office-holder on the article date (the US President)
would both be guesses against the text. A company is named by a business role word or a word
that ends a company's name ("company", "Corp.", "Inc.": BUS in agents.tsv), a listed business,
or an earlier mention of the same name that resolved to a business ("Unisys" after "Unisys
Corp."). A title whose party is a place or a state body keeps its default ("president of
Russia").
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.dictionary import AGENT, ORGANIZATION, PERSON, words
from eventwire.actors.evidence import Step, StepKind

BUSINESS = "BUS"
# Prepositions by which a title names its company ("president of Unisys", "a spokesman for
# the company", "vice president at Merrill Lynch").
OFFICE_PREPOSITIONS = frozenset({"of", "for", "at"})
# Possessive pronouns that stand for a body named before ("its president").
BODY_PRONOUNS = frozenset({"its", "their"})


def is_officer_title(entry: Any) -> bool:
    """Whether a dictionary entry is a title companies have too (agents.tsv flag ``officer``)."""
    return entry is not None and entry.agent is not None and "officer" in entry.agent.flags


def company_behind(ctx: ArticleContext, title: Any) -> str | None:
    """The words naming the company a title is held in, or None when it names none."""
    for party in _parties(title):
        if _is_company(ctx, party, title):
            return ctx.doc[party.left_edge.i : party.i + 1].text
    return None


def officer_step(title: Any, company: str) -> Step:
    return Step(StepKind.SECTOR, f"'{title.text}' of the company '{company}': its officer -> BUS")


def _parties(title: Any) -> list[Any]:
    """The words that may name whom a title serves: its possessor ("Dalbar's president",
    "its president"), a capitalised modifier ("the Unisys president") or the object of
    "of"/"for"/"at"."""
    parties = []
    for child in title.children:
        if child.dep_ == "poss":
            parties.append(child)
        elif child.dep_ in ("compound", "nmod") and child.i < title.i and child.pos_ == "PROPN":
            parties.append(child)
        elif child.dep_ == "prep" and child.lower_ in OFFICE_PREPOSITIONS:
            parties.extend(o for o in child.children if o.dep_ == "pobj")
    return parties


def _is_company(ctx: ArticleContext, party: Any, title: Any) -> bool:
    if party.pos_ == "PRON":
        return party.lower_ in BODY_PRONOUNS and _body_before_is_company(ctx, title)
    for token in [party, *(c for c in party.children if c.dep_ in ("compound", "amod"))]:
        if _business_entry(ctx, token.i):
            return True
    mention = ctx.mention_headed_by(party.i)
    if mention is not None and _first_is_business(mention.actor.sectors):
        return True
    return _named_before_as_company(ctx, party)


def _business_entry(ctx: ArticleContext, index: int) -> bool:
    """A business role word ("company", "Corp.") or a listed business at token ``index``."""
    match = ctx.match_at.get(index)
    entry = match.best if match is not None else None
    if entry is None:
        return False
    if entry.kind == AGENT and entry.agent is not None:
        return _first_is_business(entry.agent.sectors)
    if entry.kind in (ORGANIZATION, PERSON) and entry.named is not None:
        role = entry.named.role_on(ctx.day) or entry.named.role_on(None)
        return role is not None and _first_is_business(role.sectors)
    return False


def _named_before_as_company(ctx: ArticleContext, party: Any) -> bool:
    """'Unisys' after 'Unisys Corp.': an earlier mention whose name begins with the party's
    words resolved to a business."""
    if party.pos_ != "PROPN":
        return False
    name = words(party.text)
    for earlier in ctx.mentions:
        if earlier.head.i >= party.i or earlier.individual:
            continue
        if _first_is_business(earlier.actor.sectors) and words(earlier.actor.text)[: len(name)] == name:
            return True
    return False


def _body_before_is_company(ctx: ArticleContext, title: Any) -> bool:
    """'its president': the nearest earlier body (not a person) of this or the previous
    sentence is a business."""
    sentence = ctx.sentence_of.get(title.i)
    for earlier in reversed(ctx.mentions):
        if earlier.head.i >= title.i or earlier.individual:
            continue
        if sentence is not None and earlier.sentence < sentence - 1:
            return False
        return _first_is_business(earlier.actor.sectors)
    return False


def _first_is_business(sectors: Any) -> bool:
    return bool(sectors) and sectors[0] == BUSINESS


def officer_company(ctx: ArticleContext, head: Any) -> tuple[Any, str] | None:
    """The officer title written with a person's name and the company it names ("Louis
    Harvey, Dalbar Inc.'s president"; "Unisys President Richard Moore"), or None."""
    described = [head.head] if head.dep_ == "appos" else []
    described += [c for c in head.children if c.dep_ in ("appos", "compound")]
    for title in described:
        match = ctx.match_at.get(title.i)
        if match is not None and is_officer_title(match.best):
            company = company_behind(ctx, title)
            if company is not None:
                return title, company
    return None


def unknown_possessor(ctx: ArticleContext, title: Any) -> bool:
    """'Dalbar's president': a capitalised possessor the dictionary does not know (no country,
    no listed body) whose office the title is; the country's office-holder it is not."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.i not in ctx.match_at
               and c.ent_type_ != "PERSON" for c in title.children)
