"""Actor resolution on spaCy parses: who is who in an article.

For each noun-phrase head the resolver composes the actor from the dictionary matches inside its
phrase (longest match first): a named person or organisation (with the role it held on the
article date), a country, a capital as a metonym, or a role word (agent) with its country from a
modifier, a possessor or an "in/of/from X" attachment. An article pass then links later
mentions to earlier ones: surnames to full names, "the Russian leader" to the nearest Russian
leader, "he"/"she" to the nearest compatible individual. Every step is written down in
``Actor.resolution`` so the evidence of an event can say how its actors were coded.

This module drives the pass over an article and holds its result (``ArticleActors``). The
steps live in their own modules: ``article`` (the article's context), ``mention`` and ``phrase``
(one phrase and its resolved ``Mention``), ``composition`` and ``people`` (the actor a phrase
names), ``roles_by_date``, ``country_in_phrase``, ``country_from_context``, ``coreference`` and
``evidence`` (the steps written down, tagged by kind); docs/actors.md has the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from eventwire.actors.article import ArticleContext, PlaceNames
from eventwire.actors.composition import (
    acronym_vouched,
    compose_agent,
    compose_collective,
    compose_organization,
    compose_place,
)
from eventwire.actors.coreference import (
    coordinated_actors,
    link_to_earlier,
    merge_appositions,
    resolve_pronoun,
    unify_people,
)
from eventwire.actors.country_from_context import article_context
from eventwire.actors.dictionary import (
    ADJECTIVE,
    COUNTRY,
    MODIFIER,
    ORGANIZATION,
    ORGANIZATION_COUNTRIES,
    PERSON,
    Dictionary,
    default_dictionary,
)
from eventwire.actors.evidence import as_plain_text
from eventwire.actors.matching import PLACE_KINDS, Match, is_head, phrase_tokens
from eventwire.actors.mention import Mention, PhraseFacts, aged
from eventwire.actors.people import (
    compose_person,
    compose_unlisted,
    name_extends,
    namesake_by_title,
    surname_vouched,
)
from eventwire.actors.phrase import inside_longer_name, phrase_facts
from eventwire.records import Actor, ParsedArticle

__all__ = ["ActorResolver", "ArticleActors", "resolve_phrase"]


class ArticleActors:
    """The resolved actor mentions of one article, keyed by the token that heads each phrase."""

    def __init__(
        self,
        by_token: dict[int, Actor],
        members: dict[int, int] | None = None,
        sentence_of: dict[int, int] | None = None,
        coordinated: dict[int, list[Actor]] | None = None,
        matches: list[Match] | None = None,
    ):
        self._by_token = by_token
        self._members = members or {}
        self._sentence_of = sentence_of or {}
        self._coordinated = coordinated or {}
        # Every actor-dictionary match of the article, actor or not ("German" in "German goods"):
        # the coder reads nationalities from them.
        self.matches = matches if matches is not None else []
        # The article's own country and how it was found (dateline, only or main country),
        # worked out when first asked for (it may read the article's place names).
        self.context_of: Callable[[], tuple[str, list[str]]] = lambda: ("", [])
        self._context: tuple[str, list[str]] | None = None
        self.victims: set[int] = set()  # ids of the actors that name victims ("the victims")

    @property
    def context(self) -> tuple[str, list[str]]:
        """The article's own country for parties the text leaves unnamed, and the steps
        that found it (``country_from_context.article_context``)."""
        if self._context is None:
            country, steps = self.context_of()
            as_plain_text(steps)
            self._context = (country, steps)
        return self._context

    def is_victim(self, actor: Actor) -> bool:
        """True for the actor of a phrase naming victims: never the author of an attack."""
        return id(actor) in self.victims

    def place_implied(self, events: list[Any]) -> None:
        """Parties an event implies without naming them ("five men were arrested": by police;
        text "") belong to the article's own country (``context``), said in their evidence.
        The article's country is worked out only when some event has such a party."""
        if not any(actor is not None and not actor.text and not actor.country
                   for event in events for actor in (event.source, event.target)):
            return
        country, steps = self.context
        if not country:
            return
        for event in events:
            for role in ("source", "target"):
                actor = getattr(event, role)
                if actor is None or actor.text or actor.country:
                    continue
                placed = replace(actor, code=country + actor.code, country=country,
                                 resolution=[*actor.resolution, *steps])
                setattr(event, role, placed)
                evidence = getattr(event, "evidence", None)
                if isinstance(evidence, dict) and f"{role}_resolution" in evidence:
                    evidence[f"{role}_resolution"] = list(placed.resolution)

    def actor_at(self, token: Any) -> Actor | None:
        """The actor whose noun phrase is headed by ``token`` (or contains it), else None."""
        index = token.i if hasattr(token, "i") else int(token)
        if index in self._by_token:
            return self._by_token[index]
        head = self._members.get(index)
        return self._by_token.get(head) if head is not None else None

    def actors_at(self, token: Any) -> list[Actor]:
        """All actors of the phrase: one per coordinated country ("US and British forces")."""
        actor = self.actor_at(token)
        if actor is None:
            return []
        index = token.i if hasattr(token, "i") else int(token)
        head = index if index in self._by_token else self._members.get(index, index)
        return [actor, *self._coordinated.get(head, [])]

    def mentions(self) -> list[Actor]:
        """Every resolved actor mention, in document order (coordinated countries included)."""
        return [
            a
            for i in sorted(self._by_token)
            for a in [self._by_token[i], *self._coordinated.get(i, [])]
        ]

    def in_sentence(self, index: int) -> list[Actor]:
        """The actor mentions of sentence ``index`` (``ParsedSentence.index``), in order."""
        return [
            actor
            for i in sorted(self._by_token)
            if self._sentence_of.get(i) == index
            for actor in [self._by_token[i], *self._coordinated.get(i, [])]
        ]

    def head_indices(self) -> list[int]:
        return sorted(self._by_token)

    def __len__(self) -> int:
        return len(self._by_token)


class ActorResolver:
    """Resolves actor mentions with an actor ``Dictionary`` (the packaged one by default)."""

    def __init__(self, dictionary: Dictionary):
        self.dictionary = dictionary

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> ActorResolver:
        return cls(default_dictionary())

    def annotate(self, parsed: ParsedArticle, places: PlaceNames | None = None) -> ArticleActors:
        """Resolve every actor mention of ``parsed``. ``places`` (optional, called at most
        once and only when needed) gives the article's place names with their countries as
        a gazetteer reads them: the country of an article that names none ("police" in a
        story about Stourbridge) is read from them."""
        return resolve_article(ArticleContext(self.dictionary, parsed, places))


def resolve_article(ctx: ArticleContext) -> ArticleActors:
    """Resolve every noun-phrase head in reading order, then link appositions and people."""
    by_token: dict[int, Actor] = {}
    members: dict[int, int] = {}
    for sentence in ctx.parsed.sentences:
        for token in sentence.span:
            if not is_head(token) or ctx.in_dateline(token):
                continue
            mention = resolve_head(ctx, token, sentence.index)
            if mention is None:
                continue
            if not mention.base_steps:
                mention.base_steps = list(mention.actor.resolution)
            ctx.add_mention(mention)
            for member in phrase_tokens(token):
                if member.i != token.i and not is_head(member):
                    members.setdefault(member.i, token.i)
    merge_appositions(ctx)
    unify_people(ctx)
    coordinated: dict[int, list[Actor]] = {}
    for mention in ctx.mentions:
        by_token[mention.head.i] = mention.actor
        others = coordinated_actors(ctx, mention)
        if others:
            coordinated[mention.head.i] = others
    actors = ArticleActors(by_token, members, ctx.sentence_of, coordinated, ctx.matches)
    actors.victims = {id(m.actor) for m in ctx.mentions if m.victim}
    actors.context_of = lambda: article_context(ctx)
    # Step kinds serve this pass only: what leaves it is plain text, as before.
    for actor in actors.mentions():
        as_plain_text(actor.resolution)
    return actors


def resolve_head(ctx: ArticleContext, head: Any, sentence: int) -> Mention | None:
    """The mention a noun-phrase head (or a pronoun) resolves to, linked to an earlier one."""
    if head.pos_ == "PRON":
        return resolve_pronoun(ctx, head, sentence)
    tokens = [t for t in phrase_tokens(head) if not ctx.in_dateline(t)]
    facts = phrase_facts(ctx, tokens, head)
    match = facts.head_match
    if match and match.start < tokens[0].i and ctx.doc[match.start].pos_ != "VERB":
        return None  # "State" in "Secretary of State": part of a longer name, not a head
    mention = compose(ctx, head, tokens, facts, sentence)
    if mention is None:
        return None
    link_to_earlier(ctx, mention, facts, tokens)
    if not mention.actor.code:
        return None  # "the embassy" of a state nothing names: no actor, not an empty one
    return mention


def compose(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
) -> Mention | None:
    """The actor a phrase names, by the kind of its head's best dictionary entry."""
    match = facts.head_match
    entry = match.best if match else None
    if entry is None or entry.kind == MODIFIER:
        return compose_unlisted(ctx, head, tokens, facts, sentence)
    if entry.kind == PERSON and entry.named:
        entry = namesake_by_title(ctx, head, facts, match, entry)
        assert entry.named is not None
        if foreign_namesake(ctx, match, facts, entry.named):  # a listed namesake of that country
            entry = next((e for e in match.entries if e.kind == PERSON and e.named
                          and not foreign_namesake(ctx, match, facts, e.named)), entry)
        assert entry.named is not None
        if (not surname_vouched(ctx, match, facts, entry.named)
                or foreign_namesake(ctx, match, facts, entry.named)):
            return compose_unlisted(ctx, head, tokens, facts, sentence)
        return compose_person(ctx, head, tokens, facts, sentence, entry, entry.named)
    if entry.kind == ORGANIZATION and entry.named:
        if inside_longer_name(ctx, match):
            return None  # "the Social Democratic Party" is not the Democratic Party
        if not acronym_vouched(ctx, match, entry.named):
            return None  # "the NPA" of a South African story: not the Philippine rebels
        return compose_organization(ctx, head, tokens, facts, sentence, entry, entry.named)
    if entry.kind in PLACE_KINDS and (name_extends(ctx, head, match) or aged(head)):
        # "Feliciano Valencia"; "Aden, 52, said": a person named like a place
        return compose_unlisted(ctx, head, tokens, facts, sentence)
    if entry.kind in PLACE_KINDS:
        return compose_place(ctx, head, tokens, facts, sentence, match, entry)
    if entry.agent and "collective" in entry.agent.flags:
        return compose_collective(ctx, head, tokens, facts, sentence, entry)
    return compose_agent(ctx, head, tokens, facts, sentence, entry)


def foreign_namesake(ctx: ArticleContext, match: Match, facts: PhraseFacts, person: Any) -> bool:
    """"Jordan's King Abdullah" is not the listed Saudi King Abdullah: a country written
    before the name as a possessive ("Jordan's") or as a bare demonym ("Jordanian King
    Abdullah"), or with "of" after it ("King Abdullah of Jordan"; not where the person is,
    "Kenny in Valletta") is none that the person's roles were in. A birthplace or origin
    ("New York-born", "Indian-origin", "Czech-born Secretary of State") and a city say
    nothing of the office. People with a role in a body of no one state (IGO, NGO) keep
    their match: "Portugal's Guterres"."""
    named = {code for code, _, _, index in facts.countries
             if index in ctx.match_at and _office_country(ctx, ctx.match_at[index], match)}
    held = {role.country for role in person.roles}
    states = all(len(c) == 3 and c.isalpha() and c not in ORGANIZATION_COUNTRIES for c in held)
    return bool(named) and states and not named & held


def _office_country(ctx: ArticleContext, place: Match, person: Match) -> bool:
    """A country match that says whose office a listed person holds (``foreign_namesake``)."""
    if place.best.kind not in (COUNTRY, ADJECTIVE):
        return False  # a city or region: "New York-born"
    doc = ctx.doc
    after = doc[place.end] if place.end < len(doc) else None
    before = doc[place.start - 1] if place.start > 0 else None
    if (after is not None and after.text == "-") or (before is not None and before.text == "-"):
        return False  # "Czech-born", "Indian-origin", "Iranian-American", "US-backed"
    if place.start >= person.start:  # "King Abdullah of Jordan": "of" on the title or name
        of = doc[place.start : place.end].root.head
        return of.lower_ == "of" and person.start - 4 <= of.head.i < person.end
    if after is not None and after.tag_ == "POS":
        return True  # "Jordan's King Abdullah"
    # a bare demonym right before the title or name: "Jordanian King Abdullah"
    return all(t.pos_ in ("NOUN", "PROPN") or t.lower_ == "of" for t in doc[place.end : person.start])


def resolve_phrase(
    resolver: ActorResolver, text: str, date: str | None = None, context: str = ""
) -> Actor | None:
    """Resolve one short actor phrase ("the Russian leader", "Kyiv police") on its own.

    A bare noun phrase parses badly ("crowd control police" comes out as a verb), so it is
    parsed as the subject of a carrier sentence ("crowd control police said.") and its actor
    is the one heading that subject, else the widest mention. ``context`` (a country or an
    adjective, as in dictionary test cases) gives the country when the phrase names none.
    """
    from eventwire.nlp import parse_article
    from eventwire.records import Article

    phrase = text.strip().rstrip(".,;:")
    if not phrase:
        return None
    parsed = parse_article(Article(id="phrase", text=f"{phrase} said.", date=date))
    actors = resolver.annotate(parsed)
    heads = actors.head_indices()
    subjects = [t for t in parsed.doc if t.dep_ in ("nsubj", "nsubjpass") and t.i in heads]
    actor = actors.actor_at(subjects[0]) if subjects else None
    if actor is None:
        mentions = actors.mentions()
        if not mentions:
            return None
        actor = max(mentions, key=lambda a: ((a.end or 0) - (a.start or 0), a.country is not None))
    if not actor.country and context:
        hint = resolve_phrase(resolver, context, date)
        if hint is not None and hint.country:
            actor.country = hint.country
            actor.code = hint.country + "".join(actor.sectors)
            actor.resolution.append(f"country from the context '{context}' -> {hint.country}")
    return actor
