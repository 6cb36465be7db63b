"""Actor resolution on spaCy parses: who is who in an article.

For each noun-phrase head the resolver composes the actor from the dictionary matches inside its
phrase (longest match first): a named person or organisation (with the role it held on the
article date), a country, a capital as a metonym, or a role word (agent) with its country from a
modifier, a possessor or an "in/of/from X" attachment. An article pass then links later
mentions to earlier ones: surnames to full names, "the Russian leader" to the nearest Russian
leader, "he"/"she" to the nearest compatible individual. Every step is written down in
``Actor.resolution`` so the evidence of an event can say how its actors were coded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from eventwire.actors.dictionary import (
    ADJECTIVE,
    AGENT,
    CAPITAL,
    COUNTRY,
    MODIFIER,
    ORGANIZATION,
    ORGANIZATION_COUNTRIES,
    PERSON,
    PLACE,
    Dictionary,
    Entry,
    Named,
    Role,
    default_dictionary,
    words,
)
from eventwire.actors.evidence import GUESSED_FROM_CONTEXT, LINKS, Step, StepKind, as_plain_text, kind_of
from eventwire.actors.matching import (
    MODIFIER_DEPS,
    PLACE_KINDS,
    Match,
    find_matches,
    is_head,
    phrase_tokens,
)
from eventwire.records import Actor, ParsedArticle
from eventwire.words import ACTOR_LOCATIVE_PREPOSITIONS

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Dependents through which an actor owns the thing a noun names ("U.S. request", "Serbia's move").
ATTRIBUTE_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
POSSESSIVE_PRONOUNS = {"its": "", "their": "", "his": "m", "her": "f"}  # with the gender
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# A dateline: words in capitals opening the body, then a comma, a credit in brackets or a dash
# ("WASHINGTON (AP) —", "KABUL, Afghanistan -", "BEIJING:").
DATELINE = re.compile(
    r"\s*((?:THE |LA |EL )?[A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3})"
    r"(?=\s*(?:,|\.|\(|-|\u2014|\u2013|:|\"\?))"
    # ", Netherlands", ", February 7."
    r"(?:[,.][^,()\n\u2014\u2013:/]{1,40}?(?=\s*(?:,|\(|-|\u2014|\u2013|:|/)))?"
    r"(?:,?\s*\([^()\n]{1,40}\))?"  # "(Reuters)"
    # what ends it: a dash, a colon, a credit between slashes ("/TASS/."), or '"?' (a dash
    # mangled by a wrong text encoding)
    r"\s*(?:--?|\u2014|\u2013|:|/[A-Za-z -]{2,30}/\.?|\"\?)"
)
UNSPECIFIC_DETERMINERS = frozenset({"some", "any", "every", "each", "no", "another"})
# Verbs of going somewhere: their place is a destination, not where the mover belongs.
MOVEMENT_LEMMAS = frozenset({"visit", "travel", "arrive", "fly", "go", "come", "return", "tour",
                             "head", "land", "move", "flee", "emigrate", "migrate"})
# First words of country names that stand for the country after it was named in full ("the
# North" after "North Korea").
SHORT_FORMS = frozenset({"North", "South"})
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018"})
# The article's main country must be named at least this many times as often as the next one.
MAIN_COUNTRY_LEAD = 2


def _days_from(role: Role, day: date) -> int:
    """Days between ``day`` and the span of ``role`` (0 when the role holds on that day)."""
    if role.start and day < role.start:
        return (role.start - day).days
    if role.end and day >= role.end:
        return (day - role.end).days + 1
    return 0


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


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
        # The article's own country and how it was found (dateline, only or main country).
        self.context: tuple[str, list[str]] = ("", [])
        self.victims: set[int] = set()  # ids of the actors that name victims ("the victims")

    def is_victim(self, actor: Actor) -> bool:
        """True for the actor of a phrase naming victims: never the author of an attack."""
        return id(actor) in self.victims

    def place_implied(self, events: list[Any]) -> None:
        """Parties an event implies without naming them ("five men were arrested": by police;
        text "") belong to the article's own country (``context``), said in their evidence."""
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


def _aged(head: Any) -> bool:
    """A name with an age in apposition ("Aden, 52,") names a person."""
    return any(child.dep_ == "appos" and child.text.isdigit() and 0 < int(child.text) < 120
               for child in head.children)


class ActorResolver:
    """Resolves actor mentions with an actor ``Dictionary`` (the packaged one by default)."""

    def __init__(self, dictionary: Dictionary):
        self.dictionary = dictionary

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> ActorResolver:
        return cls(default_dictionary())

    def annotate(self, parsed: ParsedArticle) -> ArticleActors:
        return _ArticlePass(self.dictionary, parsed).run()


class _ArticlePass:
    """One article: matches, phrase resolution, then coreference in reading order."""

    def __init__(self, dictionary: Dictionary, parsed: ParsedArticle):
        self.dictionary = dictionary
        self.parsed = parsed
        self.doc = parsed.doc
        self.text = parsed.doc.text  # spaCy rebuilds Doc.text on every access
        self.day = parse_day(parsed.article.date)
        self.matches = find_matches(self.doc, dictionary)
        self.match_at: dict[int, Match] = {}
        for match in self.matches:
            self.prefer_people_of_the_date(match)
            for i in range(match.start, match.end):
                self.match_at[i] = match
        self.sentence_of: dict[int, int] = {}
        self.sentence_offset: dict[int, int] = {}
        for sentence in parsed.sentences:
            span = sentence.span
            leading = len(span.text) - len(span.text.lstrip())
            for token in span:
                self.sentence_of[token.i] = sentence.index
            self.sentence_offset[sentence.index] = span.start_char + leading
        self.mentions: list[Mention] = []
        self._focus: Counter[str] | None = None
        self.dateline_end, self.dateline = self.find_dateline()
        self.quoted = self.quoted_sentences()

    def prefer_people_of_the_date(self, match: Match) -> None:
        """'Bush' in 1990 is George H. W. Bush, in 2005 George W. Bush: of the people a name
        may mean, the one in office on the article date (else the nearest in time) comes first.
        """
        people = [e for e in match.entries if e.kind == PERSON and e.named]
        if len(people) < 2 or self.day is None:
            return
        day = self.day
        people.sort(key=lambda e: min((_days_from(r, day) for r in e.named.roles), default=0))
        match.entries = people + [e for e in match.entries if e not in people]

    # ---- article-level facts -------------------------------------------------------------

    def find_dateline(self) -> tuple[int, Match | None]:
        """The place opening the body in capitals ("MOSCOW (Reuters) -", "THE HAGUE,
        Netherlands --"): where the reporter filed from. Returns the end of the dateline (a
        character offset; its words are no actors) and the match of its country or place."""
        start = self.parsed.title_offset
        found = DATELINE.match(self.text, start)
        if found is None:
            return -1, None
        for match in self.matches:
            first = self.doc[match.start]
            if first.idx >= found.end(1):
                break
            entry = match.first((CAPITAL, PLACE))  # a city; "US, Russia agree" is no dateline
            if first.idx >= found.start(1) and entry is not None and entry.country:
                return found.end(), match
        return -1, None

    def quoted_sentences(self) -> set[int]:
        """Sentences that lie inside a quotation: they open inside one, or open one."""
        quoted: set[int] = set()
        open_quote = False
        for sentence in self.parsed.sentences:
            text = sentence.span.text.strip()
            if open_quote or text[:1] in QUOTES:
                quoted.add(sentence.index)
            marks = sum(text.count(q) for q in ('"', "\u201c", "\u201d"))
            open_quote = open_quote != (marks % 2 == 1)
        return quoted

    def in_dateline(self, token: Any) -> bool:
        return self.parsed.title_offset <= token.idx < self.dateline_end

    def focus_countries(self) -> list[str]:
        """Countries the article is about, most named first (title mentions count double)."""
        return [code for code, _ in self.focus_counts().most_common()]

    def focus_counts(self) -> Counter[str]:
        """How often the article names each country (title mentions count double)."""
        if self._focus is None:
            counts: Counter[str] = Counter()
            for match in self.matches:
                entry = match.first(PLACE_KINDS)
                if (entry is None or not entry.country or self._is_aligned(match)
                        or _aged(self.doc[match.end - 1])):
                    continue
                weight = 2 if self.doc[match.start].idx < self.parsed.title_offset else 1
                counts[entry.country] += weight
            self._focus = counts
        return self._focus

    def _is_aligned(self, match: Match) -> bool:
        """True for the country of "pro-Russian" or "Russia-backed": sympathy, not nationality."""
        doc = self.doc
        before = [t for t in doc[max(0, match.start - 2) : match.start] if t.text not in "-‐"]
        after = [t for t in doc[match.end : min(len(doc), match.end + 2)] if t.text not in "-‐"]
        if match.suffix:  # one token: "Russia-backed"
            return any(e.marks_alignment(after=True)
                       for e in self.dictionary.lookup(match.suffix[:1]))
        return self._alignment_word(before[-1:], after=False) or (
            match.end < len(doc) and doc[match.end].text in "-‐"
            and self._alignment_word(after[:1], after=True)
        )

    def _alignment_word(self, tokens: list[Any], after: bool) -> bool:
        for token in tokens:
            found = self.match_at.get(token.i)
            if found and any(entry.marks_alignment(after) for entry in found.entries):
                return True
        return False

    # ---- the pass ------------------------------------------------------------------------

    def run(self) -> ArticleActors:
        by_token: dict[int, Actor] = {}
        members: dict[int, int] = {}
        for sentence in self.parsed.sentences:
            for token in sentence.span:
                if not is_head(token) or self.in_dateline(token):
                    continue
                mention = self.resolve_head(token, sentence.index)
                if mention is None:
                    continue
                if not mention.base_steps:
                    mention.base_steps = list(mention.actor.resolution)
                self.mentions.append(mention)
                for member in phrase_tokens(token):
                    if member.i != token.i and not is_head(member):
                        members.setdefault(member.i, token.i)
        self.merge_appositions()
        self.unify_people()
        coordinated: dict[int, list[Actor]] = {}
        for mention in self.mentions:
            by_token[mention.head.i] = mention.actor
            others = self.coordinated_actors(mention)
            if others:
                coordinated[mention.head.i] = others
        actors = ArticleActors(by_token, members, self.sentence_of, coordinated, self.matches)
        actors.victims = {id(m.actor) for m in self.mentions if m.victim}
        actors.context = self.article_context()
        # Step kinds serve this pass only: what leaves it is plain text, as before.
        for actor in actors.mentions():
            as_plain_text(actor.resolution)
        as_plain_text(actors.context[1])
        return actors

    def coordinated_actors(self, mention: Mention) -> list[Actor]:
        """'French and Egyptian warships', 'US and British forces': one actor per country."""
        actor = mention.actor
        if mention.named is not None or not actor.country:
            return []
        others = []
        for token in phrase_tokens(mention.head):
            if token.dep_ not in MODIFIER_DEPS:
                continue
            for conjunct in token.conjuncts:
                match = self.match_at.get(conjunct.i)
                entry = match.first(PLACE_KINDS) if match else None
                if entry is None or not entry.country or entry.country == actor.country:
                    continue
                others.append(
                    Actor(
                        text=actor.text,
                        code=entry.country + "".join(actor.sectors),
                        country=entry.country,
                        sectors=list(actor.sectors),
                        name=None,
                        start=actor.start,
                        end=actor.end,
                        resolution=[
                            Step(
                                StepKind.COORDINATED,
                                f"coordinated modifier '{conjunct.text}' -> {entry.country}: "
                                f"one actor per country ({entry.source})"
                            ),
                            *actor.resolution,
                        ],
                    )
                )
        return others

    def merge_appositions(self) -> None:
        """'his Russian counterpart Sergei Lavrov': the described head is the named apposition."""
        by_head = {m.head.i: m for m in self.mentions}
        for mention in self.mentions:
            if mention.head.dep_ != "appos" or mention.named is None:
                continue
            described = by_head.get(mention.head.head.i)
            if described is None or described.named is not None:
                continue
            if not self.can_corefer(described, mention):
                continue
            described.actor = Actor(
                text=described.actor.text,
                code=mention.actor.code,
                country=mention.actor.country,
                sectors=list(mention.actor.sectors),
                name=mention.actor.name,
                start=described.actor.start,
                end=described.actor.end,
                resolution=[
                    Step(
                        StepKind.APPOSITION,
                        f"apposition: '{described.actor.text}' is '{mention.actor.text}'"
                    ),
                    *mention.actor.resolution,
                ],
            )
            described.named = mention.named

    def can_corefer(self, described: Mention, named: Mention) -> bool:
        """An apposition joins two phrases only when they can name the same one: set off by a
        comma or dash ("Lavrov, Russia's foreign minister"), or a close apposition whose
        described head is a person's role word ("his Russian counterpart Sergei Lavrov"). Two
        phrases run together in a headline ("An Innocent Man Mike Pence Refused To Pardon")
        are subject and object, not one person."""
        first, second = sorted((described.head, named.head), key=lambda t: t.i)
        between = self.doc[first.i : second.i]
        if any(t.text in (",", "-", "–", "—", "(") for t in between):
            return True
        if described.head.idx < self.parsed.title_offset:
            return False
        entry = described.head_entry
        return entry is not None and entry.agent is not None and "person" in entry.agent.flags

    def unify_people(self) -> None:
        """Every mention of a person takes the code of the mention that names them best.

        The anchor is the first mention whose role a title in the text chose ("US Secretary of
        State John Kerry"), else the first mention; a headline "Kerry" before it is cataphora.
        With an article date every mention resolves by the date, so only the evidence changes.
        """
        groups: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            if mention.named is not None and mention.named.kind == PERSON:
                groups.setdefault(id(mention.named), []).append(mention)
        for group in groups.values():
            anchor = next(
                (m for m in group if m.title_fit),
                max(group, key=lambda m: (m.name_words, -m.head.i)),
            )
            for mention in group:
                if mention is anchor:
                    continue
                first = mention.actor.resolution[:1]
                own = (
                    first
                    if first
                    and kind_of(first[0]) in LINKS
                    and (mention.head_entry is None or mention.head_entry.kind != PERSON)
                    else []
                )
                link = (
                    Step(
                        StepKind.COREFERENCE,
                        f"coreference: '{mention.actor.text}' refers to '{anchor.actor.text}' "
                        f"(sentence {anchor.sentence}, the same person)"
                    )
                )
                mention.actor.code = anchor.actor.code
                mention.actor.country = anchor.actor.country
                mention.actor.sectors = list(anchor.actor.sectors)
                mention.actor.name = anchor.actor.name
                mention.actor.resolution = [*(own or [link]), *anchor.base_steps]

    def resolve_head(self, head: Any, sentence: int) -> Mention | None:
        if head.pos_ == "PRON":
            return self.resolve_pronoun(head, sentence)
        tokens = [t for t in phrase_tokens(head) if not self.in_dateline(t)]
        facts = self.phrase_facts(tokens, head)
        match = facts.head_match
        if match and match.start < tokens[0].i and self.doc[match.start].pos_ != "VERB":
            return None  # "State" in "Secretary of State": part of a longer name, not a head
        mention = self.compose(head, tokens, facts, sentence)
        if mention is None:
            return None
        self.link_to_earlier(mention, facts, tokens)
        return mention

    def phrase_facts(self, tokens: list[Any], head: Any) -> PhraseFacts:
        facts = PhraseFacts(head_match=self.match_at.get(head.i))
        seen: set[int] = set()
        for token in tokens:
            match = self.match_at.get(token.i)
            if match is None or id(match) in seen or match is facts.head_match:
                continue
            if not all(self._in(tokens, i) for i in range(match.start, match.end)):
                continue
            seen.add(id(match))
            self.add_fact(facts, match)
        facts.countries.sort(key=lambda c: (c[3] < head.i, c[3] if c[3] < head.i else -c[3]))
        return facts

    @staticmethod
    def _in(tokens: list[Any], index: int) -> bool:
        return any(t.i == index for t in tokens)

    def add_fact(self, facts: PhraseFacts, match: Match) -> None:
        text = self.doc[match.start : match.end].text
        entry = match.best
        if entry.kind in PLACE_KINDS:
            if not entry.country:
                return  # "Latin American": no country
            if self._is_aligned(match):
                facts.aligned.append((entry.country, text))
            else:
                facts.countries.append((entry.country, text, entry.source, match.start))
        elif entry.kind == ORGANIZATION and entry.named:
            if not self.inside_longer_name(match):
                facts.organizations.append((entry.named, text))
        elif entry.kind == PERSON and entry.named:
            facts.people.append((entry.named, text))
        elif entry.kind == AGENT and not self._is_aligned(match):  # not "pro-government"
            facts.agents.append((entry, text))
        elif entry.kind == MODIFIER and entry.agent and "former" in entry.agent.flags:
            facts.former = text

    def unknown_body(self, head: Any) -> Any:
        """The capitalised modifier the dictionary does not know in "the IIHF president": the
        role belongs to that body, whose country the article's context does not give."""
        return next((t for t in head.children
                     if t.i < head.i and t.dep_ in ("compound", "nmod") and t.text[:1].isupper()
                     and t.i not in self.match_at and t.ent_type_ != "PERSON"
                     and not t.is_sent_start), None)

    def inside_longer_name(self, match: Match) -> bool:
        """'Democratic Party' in 'the Social Democratic Party' is part of another name: a
        capitalised word the dictionary does not know modifies it right before the match."""
        if match.start == 0:
            return False
        before = self.doc[match.start - 1]
        return (before.text[:1].isupper() and before.i not in self.match_at
                and before.dep_ in MODIFIER_DEPS and match.start <= before.head.i < match.end
                and not before.is_sent_start)

    # ---- composing one phrase -------------------------------------------------------------

    def compose(
        self, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
    ) -> Mention | None:
        match = facts.head_match
        entry = match.best if match else None
        if entry is None or entry.kind == MODIFIER:
            return self.compose_unlisted(head, tokens, facts, sentence)
        if entry.kind == PERSON and entry.named:
            entry = self.namesake_by_title(head, facts, match, entry)
            assert entry.named is not None
            if not self.surname_vouched(match, facts, entry.named):
                return self.compose_unlisted(head, tokens, facts, sentence)
            return self.compose_person(head, tokens, facts, sentence, entry, entry.named)
        if entry.kind == ORGANIZATION and entry.named:
            if self.inside_longer_name(match):
                return None  # "the Social Democratic Party" is not the Democratic Party
            return self.compose_organization(head, tokens, facts, sentence, entry, entry.named)
        if entry.kind in PLACE_KINDS and (self.name_extends(head, match) or _aged(head)):
            # "Feliciano Valencia"; "Aden, 52, said": a person named like a place
            return self.compose_unlisted(head, tokens, facts, sentence)
        locative = head.dep_ == "pobj" and head.head.lower_ in ACTOR_LOCATIVE_PREPOSITIONS
        if entry.kind == PLACE and not entry.country:
            return None  # a continent or world region ("Latin America") is no actor
        if entry.kind == PLACE:
            # Alone a city stands for its people ("Mariupol was shelled"), a region for its country.
            sectors = ["CVL"] if entry.detail == "city" and not locative else []
            steps = [Step(
                StepKind.DICTIONARY,
                f"'{self.doc[match.start : match.end].text}' is a {entry.detail} in {entry.country}"
                + (", standing for its people" if sectors else "")
                + f" ({entry.source})",
            )]
            return self.mention(head, tokens, sentence, entry.country, sectors, None, steps, entry)
        if entry.kind == CAPITAL and locative:
            steps = [
                Step(
                    StepKind.DICTIONARY,
                    f"'{head.head.text} {head.text}' is a place in {entry.country}, "
                    f"not a metonym ({entry.source})"
                )
            ]
            return self.mention(
                head,
                tokens,
                sentence,
                entry.country,
                [],
                self.dictionary.country_name(entry.country),
                steps,
                entry,
            )
        if entry.kind == CAPITAL:
            steps = [
                Step(
                    StepKind.DICTIONARY,
                    f"metonymy: '{self.doc[match.start : match.end].text}' is the capital or seat of "
                    f"{self.dictionary.country_name(entry.country)} and stands for its government "
                    f"({entry.source})"
                )
            ]
            return self.mention(head, tokens, sentence, entry.country, ["GOV"], None, steps, entry)
        if entry.kind in (COUNTRY, ADJECTIVE):
            if self._is_aligned(match):
                return None
            noun = "country name" if entry.kind == COUNTRY else "demonym"
            steps = [
                Step(
                    StepKind.DICTIONARY,
                    f"{noun} '{self.doc[match.start : match.end].text}' -> {entry.country} "
                    f"({entry.source})"
                )
            ]
            country = entry.country
            if entry.kind == ADJECTIVE:
                country = self.residence_country(head, facts, entry.country, steps)
            sectors = self.role_sectors(facts)  # "ordinary Kazakhs" -> KAZCVL
            if sectors:
                written = ", ".join(text for _, text in facts.agents)
                steps.append(Step(StepKind.SECTOR, f"modifier {written} -> {' '.join(sectors)}"))
            return self.mention(
                head,
                tokens,
                sentence,
                country,
                sectors,
                self.dictionary.country_name(country),
                steps,
                entry,
            )
        if entry.agent and "collective" in entry.agent.flags:
            return self.compose_collective(head, tokens, facts, sentence, entry)
        return self.compose_agent(head, tokens, facts, sentence, entry)

    def residence_country(
        self, head: Any, facts: PhraseFacts, nationality: str, steps: list[str]
    ) -> str:
        """Where a people named by its demonym lives, when the phrase says so.

        A country word before the demonym ("Bosnian Serbs", "Kosovo Albanians", "Soviet Jews")
        or a country or place of an "of" attachment, or of "in" after "ethnic" ("the Albanians
        of southern Serbia", "ethnic Albanians in south Serbia"), is the country; the demonym
        alone is the nationality ("Serbs" -> SRB).
        """
        ethnic = any(t.lower_ == "ethnic" for t in head.children)
        for code, text, source, index in reversed(facts.countries):
            if code == nationality:
                continue
            token = self.doc[index]
            if index < head.i and token.dep_ in ("amod", "compound") and token.head.i == head.i:
                steps.append(Step(
                    StepKind.PHRASE_COUNTRY,
                    f"'{text}' before the demonym: a people living in {code} ({source})"
                ))
                return code
            preposition = token.head if token.dep_ == "pobj" else token.head.head
            kind = self.match_at[index].best.kind if index in self.match_at else ""
            if (
                index > head.i
                and kind != ADJECTIVE
                and preposition.head.i == head.i
                and (preposition.lower_ == "of" or (ethnic and preposition.lower_ == "in"))
            ):
                steps.append(
                    Step(
                        StepKind.PHRASE_COUNTRY,
                        f"'{preposition.text} {text}': a people living in {code} ({source})"
                    )
                )
                return code
        return nationality

    def compose_collective(
        self, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry
    ) -> Mention | None:
        """'the al-Qaeda network' is al-Qaeda; 'a group of Moroccan diplomats' the diplomats."""
        if facts.organizations:
            organization, text = facts.organizations[-1]
            role = organization.role_on(self.day) or organization.role_on(None)
            steps = [
                Step(
                    StepKind.DICTIONARY,
                    f"'{head.text}' of '{text}': the organisation itself "
                    f"({organization.source})"
                )
            ]
            if role is None:
                return self.mention(head, tokens, sentence, "", [], organization.name, steps, entry)
            country = role.country or self.phrase_country(head, facts, sentence, steps)
            return self.mention(
                head, tokens, sentence, country, list(role.sectors), organization.name, steps,
                entry, role,
            )
        mention = self.compose_agent(head, tokens, facts, sentence, entry)
        return mention if mention.actor.code else None  # "the group" alone names no one

    def namesake_by_title(self, head: Any, facts: PhraseFacts, match: Match, entry: Entry) -> Entry:
        """Undated, 'Vice President George Bush' is the Bush who held that office: of the people
        a name may mean, the one with a role whose title shares the most written title words
        (dated articles choose by date, see ``prefer_people_of_the_date``)."""
        people = [e for e in match.entries if e.kind == PERSON and e.named]
        if self.day is not None or len(people) < 2:
            return entry
        written = {w for _, text in self.apposition_title(head, facts).agents for w in words(text)}
        if not written:
            return entry

        def fit(candidate: Entry) -> int:
            roles = candidate.named.roles if candidate.named else []
            return max((len(written & set(words(r.title))) for r in roles), default=0)

        return max(people, key=fit)  # the first of equal fits: the dictionary's order

    def name_extends(self, head: Any, match: Match) -> bool:
        """True when a person's name runs past a place-name match (a surname like "Valencia")."""
        if head.ent_type_ != "PERSON":
            return False
        entity = next((e for e in self.doc.ents if e.start <= head.i < e.end), None)
        if entity is None or (entity.start >= match.start and entity.end <= match.end):
            return False
        # "Bosnian Serbs" tagged as a person is two demonyms, not a name ending in a place.
        outside = [i for i in range(entity.start, entity.end) if not match.start <= i < match.end]
        return any(
            self.match_at.get(i) is None or self.match_at[i].first(PLACE_KINDS) is None
            for i in outside
        )

    def title_sectors(self, facts: PhraseFacts) -> list[str]:
        """The sectors of a person's written title, one per role: a generic title ("leader",
        "chairman", "spokesperson") gives way to the organisation or role word behind it
        ("Hamas leader" -> REB; "chairman of the Federation Council" -> LEG)."""
        generic = [e for e, _ in facts.agents if e.agent and "member" in e.agent.flags]
        sectors = [
            s for e, _ in facts.agents if e.agent and "member" not in e.agent.flags
            for s in e.agent.sectors
        ]
        if generic:
            for named, _ in facts.organizations:
                role = named.role_on(self.day) or named.role_on(None)
                sectors = [*(role.sectors if role else ()), *sectors]
        if not sectors:
            sectors = [s for e in generic for s in e.agent.sectors]  # type: ignore[union-attr]
        return list(dict.fromkeys(sectors))

    def role_sectors(self, facts: PhraseFacts) -> list[str]:
        sectors: list[str] = []
        for agent_entry, _ in facts.agents:
            if agent_entry.agent:
                sectors.extend(s for s in agent_entry.agent.sectors if s not in sectors)
        return sectors

    def phrase_country(self, head: Any, facts: PhraseFacts, sentence: int, steps: list[str]) -> str:
        """The country a phrase names, with the step that says where it came from."""
        if facts.countries:
            # The modifier nearest the head: "Russia's ambassador" -> RUS; but a country word
            # right before a demonym says where that people lives: "Bosnian Serb forces" -> BIH.
            code, text, source, index = facts.countries[-1]
            if len(facts.countries) > 1 and index < head.i:
                outer_code, outer_text, outer_source, outer_index = facts.countries[-2]
                match = self.match_at.get(index)
                if outer_index == index - 1 and match is not None and match.best.kind == ADJECTIVE:
                    steps.append(Step(
                        StepKind.PHRASE_COUNTRY,
                        f"'{outer_text} {text}': a people living in {outer_code}"
                    ))
                    code, text, source = outer_code, outer_text, outer_source
            steps.append(Step(StepKind.PHRASE_COUNTRY, f"country from '{text}' -> {code} ({source})"))
            return code
        for named, text in facts.organizations + facts.people:
            # "the Reagan administration" in 1999: the person's country, in office or not.
            role = named.role_on(self.day) or self.nearest_role(named)
            if role and role.country:
                steps.append(Step(
                    StepKind.PHRASE_COUNTRY,
                    f"country from '{text}' -> {role.country}{role.code}"
                ))
                return role.country + role.code  # IGO + block: "European Union legislators"
        inherited = self.conjunct_country(head)
        if inherited:
            steps.append(Step(
                StepKind.PHRASE_COUNTRY,
                f"country shared with the conjunct '{inherited[1]}' -> {inherited[0]}"
            ))
            return inherited[0]
        if facts.aligned:
            code, text = facts.aligned[-1]
            place = self.conflict_country(sentence, exclude=code)
            if place:
                steps.append(
                    Step(
                        StepKind.ALIGNMENT,
                        f"alignment: '{text}' marks sympathy with {code}, not nationality; "
                        f"country of the conflict -> {place}"
                    )
                )
                return place
            steps.append(Step(
                StepKind.ALIGNMENT,
                f"alignment: '{text}' marks sympathy with {code}, not nationality"
            ))
        return self.possessor_country(head, sentence, steps)

    def nearest_role(self, named: Named) -> Role | None:
        """The role nearest the article date (the latest one with no date)."""
        if self.day is None or not named.roles:
            return named.role_on(None)
        day = self.day
        return min(named.roles, key=lambda r: _days_from(r, day))

    def possessor_country(self, head: Any, sentence: int, steps: list[str]) -> str:
        """'Bosnian Serbs said their forces ...': 'their' / 'its' refers to the nearest earlier
        group or organisation with a country (this or the previous sentence), 'his' / 'her' to
        the nearest individual."""
        pronoun = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
            None,
        )
        if pronoun is None:
            return ""
        gender_of_pronoun = POSSESSIVE_PRONOUNS[pronoun.lower_]
        individual = bool(gender_of_pronoun)
        for earlier in reversed(self.mentions):
            if earlier.sentence < sentence - 1:
                break
            actor = earlier.actor
            if earlier.head.i >= head.i or not actor.country or earlier.individual != individual:
                continue
            gender = earlier.named.gender if earlier.named else ""
            if individual and gender and gender != gender_of_pronoun:
                continue
            country = actor.code[: len(actor.code) - 3 * len(actor.sectors)] or actor.country
            steps.append(Step(
                StepKind.PHRASE_COUNTRY,
                f"possessive '{pronoun.text}' refers to '{actor.text}' -> {country}"
            ))
            return country
        return ""

    def context_country(
        self, head: Any, facts: PhraseFacts, steps: list[str], agent: Any = None
    ) -> str:
        """The country of a phrase that names none, from its context, in order of trust: a
        title used by one state ("Sen."), the organisation or person it speaks for ("a
        spokesman for President Ashraf Ghani"), the dateline ("BEIJING (Reuters) -"), the
        article's only country, the one country where the sentence says things happen, the
        country the article is mainly about. Role words that
        belong to no state ("the international community", flag ``open``) take none. Each
        step is written down; with none, so is that the text leaves the country open."""
        if agent is not None and "open" in agent.flags:
            steps.append(Step(
                StepKind.NO_COUNTRY,
                f"'{head.text}' belongs to no one state: no country from the context"
            ))
            return ""
        unknown = self.unknown_body(head) if agent is not None else None
        if unknown is not None:
            steps.append(Step(
                StepKind.NO_COUNTRY,
                f"'{unknown.text}' names a body the dictionary lacks: its country is "
                "not the article's"
            ))
            return ""
        country = (
            self.state_title_country(facts, steps)
            or self.spoken_for_country(head, steps)
            or self.dateline_country(steps)
            or self.article_country(head, steps)
            or self.sentence_place_country(head, steps)
            or self.main_country(head, steps)
        )
        if not country:
            steps.append(Step(
                StepKind.NO_COUNTRY,
                "no country: the text leaves it open (no title, organisation, "
                "dateline or main country of the article gives one)"
            ))
        return country

    def state_title_country(self, facts: PhraseFacts, steps: list[str]) -> str:
        """'Sen. Mark Warner' -> USA: a title used by one state (state_titles.tsv), unless the
        dateline is elsewhere (or, for titles marked ``named``, the article names countries,
        none of them the title's)."""
        for _, text in reversed(facts.agents):
            found = self.dictionary.state_titles.get(tuple(words(text)))
            if found is None:
                continue
            country, only_named, source = found
            dateline = self.dateline.first(PLACE_KINDS) if self.dateline else None
            named = set(self.focus_countries())
            if (dateline and dateline.country != country) or (
                only_named and named and country not in named
            ):
                continue
            steps.append(Step(
                StepKind.STATE_TITLE,
                f"title '{text}' is used by one state -> {country} ({source})"
            ))
            return country
        return ""

    def spoken_for_country(self, head: Any, steps: list[str]) -> str:
        """'a spokesman for President Ashraf Ghani', 'an official of the Foreign Ministry of
        China': the country of the party the role word speaks for."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "with"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                facts = self.phrase_facts(phrase_tokens(obj), obj)
                inner: list[str] = []
                country = self.phrase_country(obj, facts, self.sentence_of.get(obj.i, 0), inner)
                match = facts.head_match
                if match is not None and self.inside_longer_name(match):
                    continue  # "for the Social Democratic Party": not the Democratic Party
                if not country and match is not None:
                    named = match.best.named
                    role = named.role_on(self.day) or self.nearest_role(named) if named else None
                    country = role.country if role else ""
                    if not country and match.best.kind in PLACE_KINDS:
                        country = match.best.country
                if country and country not in ORGANIZATION_COUNTRIES and len(country) == 3:
                    steps.append(Step(StepKind.SPOKEN_FOR, f"speaks for '{obj.text}' -> {country}"))
                    return country
        return ""

    def sentence_place_country(self, head: Any, steps: list[str]) -> str:
        """The one country of the places where the sentence says things happen ("killed three
        men in southern Serbia"), when the sentence names no other country."""
        index = self.sentence_of.get(head.i)
        if index is None:
            return ""
        span = self.parsed.sentences[index].span
        found: dict[str, str] = {}
        for match in self.matches:
            if not span.start <= match.start < span.end:
                continue
            entry = match.first(PLACE_KINDS)
            token = self.doc[match.end - 1]
            while token.dep_ in ("compound", "amod") and token.head.i > token.i:
                token = token.head
            if (entry is None or not entry.country or token.dep_ != "pobj"
                    or token.head.lower_ not in ACTOR_LOCATIVE_PREPOSITIONS or self._is_aligned(match)):
                continue
            verb = token.head.head
            if verb.lemma_.lower() in MOVEMENT_LEMMAS and head.head.i == verb.i:
                continue  # "the Queen visited the King in Thailand": where she went, not hers
            found.setdefault(entry.country, self.doc[match.start : match.end].text)
        named = {m.first(PLACE_KINDS).country for m in self.matches  # type: ignore[union-attr]
                 if span.start <= m.start < span.end and m.first(PLACE_KINDS) is not None}
        if len(found) != 1 or len(named - {""}) != 1:
            return ""  # "Police detained two French tourists in Lagos": whose, it does not say
        code, text = next(iter(found.items()))
        steps.append(Step(
            StepKind.SENTENCE_PLACE,
            f"no country in the phrase: the sentence happens in '{text}' -> {code}"
        ))
        return code

    def article_context(self) -> tuple[str, list[str]]:
        """The article's own country for parties the text leaves unnamed ("were arrested": by
        police): the dateline, else the only country named, else the main one."""
        steps: list[str] = []
        country = self.dateline_country(steps)
        if not country and len(self.focus_counts()) == 1:
            country = self.focus_countries()[0]
            steps.append(Step(StepKind.ARTICLE_COUNTRY, f"the article's only country -> {country}"))
        if not country and self.matches:
            country = self.main_country(self.doc[self.matches[0].start], steps)
        return country, steps

    def dateline_country(self, steps: list[str]) -> str:
        entry = self.dateline.first(PLACE_KINDS) if self.dateline else None
        if entry is None or not entry.country:
            return ""
        assert self.dateline is not None
        written = self.doc[self.dateline.start : self.dateline.end].text
        steps.append(Step(
            StepKind.DATELINE,
            f"no country in the phrase: the dateline '{written}' -> {entry.country}"
        ))
        return entry.country

    def main_country(self, head: Any, steps: list[str]) -> str:
        """The country the article is mainly about: named (title counting double) at least
        MAIN_COUNTRY_LEAD times as often as any other."""
        others = self.other_title_countries(head)
        counts = Counter({c: n for c, n in self.focus_counts().items() if c not in others})
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[0][1] < MAIN_COUNTRY_LEAD * ranked[1][1]):
            return ""
        code = ranked[0][0]
        steps.append(
            Step(
                StepKind.MAIN_COUNTRY,
                f"no country in the phrase: the article is mainly about {code} "
                f"(named {ranked[0][1]} times, next {ranked[1][1] if len(ranked) > 1 else 0})"
            )
        )
        return code

    def article_country(self, head: Any, steps: list[str]) -> str:
        """The article's only country, for a phrase that names none ('President Ivan Petrovsky
        imposed a curfew in Minsk' -> BLR, 'police' in an article about Nigeria -> NGA),
        leaving out countries that belong to another named person's title in the same
        sentence ('Ukrainian leader Leonid Kravchuk'). Nothing when the article names two.
        """
        others = self.other_title_countries(head)
        candidates = [code for code in self.focus_countries() if code not in others]
        if len(candidates) != 1:
            return ""
        steps.append(Step(
            StepKind.ARTICLE_COUNTRY,
            f"no country in the phrase: the article's only country -> {candidates[0]}"
        ))
        return candidates[0]

    def other_title_countries(self, head: Any) -> set[str]:
        """Countries of other named people's titles in the sentence ("Ukrainian leader Leonid
        Kravchuk"): they are those people's, not the article's."""
        others = set()
        index = self.sentence_of.get(head.i)
        sentence = self.parsed.sentences[index].span if index is not None else self.doc[:]
        for match in self.matches:
            if not sentence.start <= match.start < sentence.end:
                continue
            entry = match.first(PLACE_KINDS)
            token = self.doc[match.end - 1]
            owner = token.head
            if entry is None or owner.i == head.i or token.dep_ not in MODIFIER_DEPS | {"poss"}:
                continue
            if self._names_person(owner) or self._names_person(owner.head):
                others.add(entry.country)
        return others

    def _names_person(self, token: Any) -> bool:
        match = self.match_at.get(token.i)
        return token.ent_type_ == "PERSON" or (match is not None and match.best.kind == PERSON)

    def conjunct_country(self, head: Any) -> tuple[str, str] | None:
        """'Russian individuals and businesses': the second conjunct shares the first's country."""
        if head.dep_ != "conj":
            return None
        first = head.head
        while first.dep_ == "conj":
            first = first.head
        for mention in reversed(self.mentions):
            if mention.head.i == first.i and mention.actor.country:
                return mention.actor.country, mention.actor.text
        return None

    def conflict_country(self, sentence: int, exclude: str) -> str:
        """Where 'pro-X rebels' fight: another country in the sentence, else the article's focus."""
        span = self.parsed.sentences[sentence].span
        for match in self.matches:
            if span.start <= match.start < span.end:
                entry = match.first(PLACE_KINDS)
                if entry and entry.country not in (exclude, "") and not self._is_aligned(match):
                    return entry.country
        for code in self.focus_countries():
            if code != exclude:
                return code
        return ""

    def compose_agent(
        self, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry
    ) -> Mention:
        assert entry.agent is not None
        match = facts.head_match
        assert match is not None
        steps = [
            Step(
                StepKind.DICTIONARY,
                f"agent '{self.doc[match.start : match.end].text}' -> "
                f"{' '.join(entry.agent.sectors) or 'no sector'} ({entry.source})"
            )
        ]
        sectors: list[str] = []
        if "victim" in entry.agent.flags:
            # "victims of a terrorist attack": the attachment says what happened to them
            facts = replace(facts, organizations=[], agents=[])
            steps.append(Step(
                StepKind.SECTOR,
                "victims: the words around them name what happened to them, not who "
                "they are"
            ))
        for named, text in facts.organizations:  # "Boko Haram gunmen", "CIA official"
            role = named.role_on(self.day)
            if role:
                sectors.extend(s for s in role.sectors if s not in sectors)
                steps.append(Step(
                    StepKind.SECTOR,
                    f"member of '{text}' ({named.name}) -> {' '.join(role.sectors)}"
                ))
        member = "member" in entry.agent.flags
        if member:  # "intelligence agency officer": the agency first
            for agent_entry, text in facts.agents:
                if agent_entry.agent and agent_entry.agent.sectors:
                    sectors.extend(s for s in agent_entry.agent.sectors if s not in sectors)
                    steps.append(Step(
                        StepKind.SECTOR,
                        f"member of '{text}' -> {' '.join(agent_entry.agent.sectors)}"
                    ))
        # One sector per role: "Hamas leader" is REB, "chairman of the Federation Council" LEG
        # (the "member of" steps above say so); a generic title's own sector only when nothing
        # stands behind it.
        if not (member and sectors):
            sectors.extend(s for s in entry.agent.sectors if s not in sectors)
        for agent_entry, text in facts.agents:
            if agent_entry.agent:
                new = [s for s in agent_entry.agent.sectors if s not in sectors]
                if new:
                    sectors.extend(new)
                    steps.append(Step(
                        StepKind.SECTOR,
                        f"modifier '{text}' adds {' '.join(new)} ({agent_entry.source})"
                    ))
        if facts.former:
            sectors = ["ELI"]
            steps.append(Step(StepKind.SECTOR, f"'{facts.former}': a former office-holder -> ELI"))
        country = self.phrase_country(head, facts, sentence, steps)
        if not country and sectors and sectors[0] in ORGANIZATION_COUNTRIES:
            # "a human rights group" is an NGO of no named country: CAMEO's top-level NGO.
            country, sectors = sectors[0], sectors[1:]
            steps.append(Step(StepKind.PHRASE_COUNTRY, f"no country named: {country} is the country code"))
        if not country and sectors and not facts.aligned:
            # "police", "the president", "refugees" in an article about one country are its own.
            country = self.context_country(head, facts, steps, entry.agent)
        mention = self.mention(head, tokens, sentence, country, sectors, None, steps, entry)
        mention.individual = "person" in entry.agent.flags and head.tag_ in ("NN", "NNP")
        mention.victim = "victim" in entry.agent.flags
        return mention

    def compose_unlisted(
        self, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
    ) -> Mention | None:
        """A head the dictionary lacks: a titled person ("Minister Juan Jobet") or a surname."""
        if head.ent_type_ != "PERSON" and head.pos_ != "PROPN":
            return self.compose_attributed(head, tokens, facts, sentence)
        short = self.country_short_form(head, tokens, sentence)
        if short is not None:
            return short
        earlier = self.earlier_person_by_surname(head)
        if earlier is not None:
            return self.corefer(head, tokens, sentence, earlier, "the same name")
        facts = self.apposition_title(head, facts)  # "Kenzo Oshima, the UN relief coordinator"
        if not facts.agents or not (head.ent_type_ == "PERSON" or self.titled_by_apposition(head)):
            return None
        sectors = self.title_sectors(facts)
        titles = ", ".join(f"'{text}'" for _, text in facts.agents)
        steps = [Step(
            StepKind.SECTOR,
            f"person not in the dictionary; title {titles} -> {' '.join(sectors)}"
        )]
        if facts.former:
            sectors = ["ELI"]
            steps.append(Step(StepKind.SECTOR, f"'{facts.former}': a former office-holder -> ELI"))
        country = (self.phrase_country(head, facts, sentence, steps)
                   or self.context_country(head, facts, steps))
        name = " ".join(t.text for t in tokens if t.ent_type_ == "PERSON" and t.i <= head.i)
        mention = self.mention(
            head, tokens, sentence, country, sectors, name or head.text, steps, None
        )
        mention.individual = True
        return mention

    def country_short_form(self, head: Any, tokens: list[Any], sentence: int) -> Mention | None:
        """'the North' after 'North Korea', 'the South' after 'South Sudan': a country the
        article has named by its full name, called by its first word with "the"."""
        if len(tokens) != 2 or tokens[0].lower_ != "the" or head.text not in SHORT_FORMS:
            return None
        named: dict[str, str] = {}
        for match in self.matches:
            entry = match.first((COUNTRY,))
            text = self.doc[match.start : match.end].text
            if match.end <= head.i and entry is not None and words(text)[:1] == [head.lower_]:
                named[entry.country] = text
        if len(named) != 1:
            return None
        code, text = next(iter(named.items()))
        steps = [Step(
            StepKind.PHRASE_COUNTRY,
            f"'the {head.text}' is the short form of '{text}', named before -> {code}"
        )]
        return self.mention(
            head, tokens, sentence, code, [], self.dictionary.country_name(code), steps, None
        )

    def compose_attributed(
        self, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
    ) -> Mention | None:
        """A thing an actor owns or does stands for that actor, as in CAMEO coding: "Putin's
        decision" -> RUSGOV, "a U.S. request" -> USA, "an Australian ultimatum" -> AUS, "a U.N.
        Security Council resolution" -> IGOUNO. Only a possessor, an organisation, a demonym
        or an initialism ("U.S.", "UK") right before the head counts: a country's name there
        is usually the topic ("the Ukraine ceasefire", "Russia sanctions"), and "of"
        attachments head their own phrases. Never an aligned country ("pro-Russian media").
        """
        if head.pos_ != "NOUN" or facts.aligned:
            return None
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        owner = next(
            (m for m in reversed(self.mentions) if possessor is not None and m.head.i == possessor.i),
            None,
        )
        if owner is not None:
            actor = owner.actor
            steps = [Step(
                StepKind.ATTRIBUTED,
                f"'{actor.text}' owns '{head.text}': the phrase stands for {actor.code}"
            )]
            mention = self.mention(
                head, tokens, sentence, actor.country or "", list(actor.sectors), actor.name,
                [*steps, *actor.resolution], None,
            )
            mention.actor.code = actor.code
            return mention
        for named, text in reversed(facts.organizations):
            role = named.role_on(self.day) or named.role_on(None)
            if role is not None and role.country and self._modifies(head, text):
                steps = [Step(
                    StepKind.ATTRIBUTED,
                    f"'{text}' modifies '{head.text}': the phrase stands for {named.name}"
                )]
                return self.mention(
                    head, tokens, sentence, role.country, list(role.sectors), named.name, steps,
                    None, role,
                )
        for code, text, source, index in reversed(facts.countries):
            token = self.doc[index]
            if index >= head.i or token.head.i != head.i or token.dep_ not in ATTRIBUTE_DEPS:
                continue
            kind = self.match_at[index].best.kind if index in self.match_at else ""
            initialism = text.replace(".", "").isupper() and len(text) <= 5
            if kind == ADJECTIVE or (kind == COUNTRY and initialism):
                steps = [Step(
                    StepKind.ATTRIBUTED,
                    f"'{text}' modifies '{head.text}': the phrase stands for {code} ({source})"
                )]
                return self.mention(head, tokens, sentence, code, [], None, steps, None)
        return None

    def _modifies(self, head: Any, text: str) -> bool:
        """True when the words ``text`` end right before ``head`` as its modifier."""
        before = [t for t in head.children if t.i < head.i and t.dep_ in ATTRIBUTE_DEPS]
        return any(words(text)[-1:] == words(t.text)[-1:] for t in before)

    def titled_by_apposition(self, head: Any) -> bool:
        """A proper name described by a person's title ("Oshima, the UN relief coordinator"),
        whatever entity type the tagger guessed."""
        for child in head.children:
            match = self.match_at.get(child.i) if child.dep_ == "appos" else None
            agent = match.best.agent if match is not None else None
            if agent is not None and "person" in agent.flags:
                return True
        return False

    def earlier_person_by_surname(self, head: Any) -> Mention | None:
        key = words(head.text)
        if not key:
            return None
        for mention in reversed(self.mentions):
            if not mention.individual or not mention.actor.name:
                continue
            if words(mention.actor.name)[-len(key) :] == key:
                return mention
        return None

    def dictionary_step(self, facts: PhraseFacts, named: Named, entry: Entry) -> list[str]:
        match = facts.head_match
        assert match is not None
        written = self.doc[match.start : match.end].text
        return [Step(StepKind.DICTIONARY, f"'{written}' is {named.name} in the dictionary ({entry.source})")]

    @cached_property
    def lower_text(self) -> str:
        return self.text.lower()

    def surname_vouched(self, match: Match, facts: PhraseFacts, person: Named) -> bool:
        """A name of one word ("Reeves", "Putin") names the listed person unless the article
        speaks against it: it names countries, none of them the person's, and gives neither
        the full name nor a title. "Reeves said" in an American court story is not the British
        chancellor; "Trump" alone, with nothing around it, is still Donald Trump."""
        if match.end - match.start > 1 or facts.agents:
            return True
        article = set(self.focus_countries())
        if not article or article & {role.country for role in person.roles}:
            return True
        return person.name.lower() in self.lower_text

    def compose_person(
        self,
        head: Any,
        tokens: list[Any],
        facts: PhraseFacts,
        sentence: int,
        entry: Entry,
        person: Named,
    ) -> Mention:
        steps = self.dictionary_step(facts, person, entry)
        title = self.apposition_title(head, facts)
        title_sectors = self.role_sectors(title)
        # A place after the name ("John Kerry in Moscow") is where, not whose, so it is no title.
        own = {t.i for t in tokens}
        titled = [c for c in title.countries if c[3] < head.i or c[3] not in own]
        title_country = titled[-1][0] if titled else ""
        role = self.choose_role(person, title_country, title_sectors, steps, title.agents)
        if facts.former:
            steps.append(Step(StepKind.SECTOR, f"'{facts.former}': a former office-holder -> ELI"))
            country = role.country if role else title_country
            mention = self.mention(
                head, tokens, sentence, country, ["ELI"], person.name, steps, entry
            )
        elif role is None:
            mention = self.mention(
                head, tokens, sentence, title_country, title_sectors, person.name, steps, entry
            )
        else:
            mention = self.mention(
                head,
                tokens,
                sentence,
                role.country,
                list(role.sectors),
                person.name,
                steps,
                entry,
                role,
            )
        mention.named = person
        mention.individual = True
        mention.title_fit = bool(title.agents)
        assert facts.head_match is not None
        mention.name_words = facts.head_match.end - facts.head_match.start
        return mention

    def apposition_title(self, head: Any, facts: PhraseFacts) -> PhraseFacts:
        """Title evidence of a name: its own modifiers plus a describing apposition.

        "his Russian counterpart Sergei Lavrov" and "Harry Tseng, Taiwan's deputy foreign
        minister" both say which role the person holds.
        """
        described = [head.head] if head.dep_ == "appos" else []
        described += [child for child in head.children if child.dep_ == "appos"]
        if not described:
            return facts
        merged = PhraseFacts(
            head_match=facts.head_match,
            countries=list(facts.countries),
            agents=list(facts.agents),
            aligned=list(facts.aligned),
            organizations=list(facts.organizations),
            people=list(facts.people),
            former=facts.former,
        )
        for other in described:
            outer = self.phrase_facts(phrase_tokens(other), other)
            merged.countries = outer.countries + merged.countries
            merged.agents = outer.agents + merged.agents
            merged.organizations = outer.organizations + merged.organizations
            if outer.head_match and outer.head_match.best.kind == AGENT:
                text = self.doc[outer.head_match.start : outer.head_match.end].text
                merged.agents.append((outer.head_match.best, text))
        return merged

    def choose_role(
        self,
        person: Named,
        title_country: str,
        title_sectors: list[str],
        steps: list[str],
        title_words: Sequence[tuple[Entry, str]] = (),
    ) -> Role | None:
        """The role on the article date; undated: the role a written title names, else latest."""
        if self.day is not None:
            role = person.role_on(self.day)
            if role is not None:
                steps.append(
                    Step(
                        StepKind.ROLE,
                        f"on {self.day.isoformat()} {person.name} was {role.title or 'in office'} "
                        f"({role.span_words()}) -> {role.actor_code}"
                    )
                )
                return role
            ended = person.roles_ended_before(self.day)
            if ended:
                last = max(ended, key=lambda r: r.end or date.min)
                steps.append(
                    Step(
                        StepKind.ROLE,
                        f"on {self.day.isoformat()} {person.name} held no listed office; last role "
                        f"{last.title or ''} ended {last.end} -> former office-holder, ELI"
                    )
                )
                return Role(
                    last.country, ("ELI",), last.end, None, "former " + last.title, last.code
                )
            first = min(person.roles, key=lambda r: r.start or date.min)
            steps.append(
                Step(
                    StepKind.ROLE,
                    f"on {self.day.isoformat()} {person.name} held no listed office yet; "
                    f"earliest role {first.title} ({first.span_words()})"
                )
            )
            return first
        if title_sectors or title_country:
            fitting = [
                r
                for r in person.roles
                if (not title_country or r.country == title_country)
                and (not title_sectors or set(title_sectors) & set(r.sectors))
            ]
            if fitting:
                # "Secretary of State John Kerry": prefer the role whose title shares the words.
                written = {w for _, text in title_words for w in words(text)}
                role = max(
                    fitting,
                    key=lambda r: (len(written & set(words(r.title))), r.start or date.min),
                )
                steps.append(
                    Step(
                        StepKind.ROLE,
                        f"no article date: the title in the text fits the role {role.title or ''} "
                        f"({role.span_words()}) -> {role.actor_code}"
                    )
                )
                return role
        role = person.role_on(None)
        if role is not None:
            steps.append(
                Step(
                    StepKind.ROLE,
                    f"no article date: most recent role {role.title or ''} ({role.span_words()}) "
                    f"-> {role.actor_code}"
                )
            )
        return role

    def compose_organization(
        self,
        head: Any,
        tokens: list[Any],
        facts: PhraseFacts,
        sentence: int,
        entry: Entry,
        organization: Named,
    ) -> Mention:
        role = organization.role_on(self.day) or organization.role_on(None)
        steps = self.dictionary_step(facts, organization, entry)
        if role is None:
            return self.mention(head, tokens, sentence, "", [], organization.name, steps, entry)
        if len(organization.roles) > 1:
            steps.append(Step(StepKind.ROLE, f"role {role.title or ''} ({role.span_words()})"))
        if role.title == "seat":
            steps.append(Step(StepKind.ROLE, f"metonymy: the seat stands for {role.actor_code}"))
        country = role.country
        if not country:
            country = self.phrase_country(head, facts, sentence, steps)
        return self.mention(
            head,
            tokens,
            sentence,
            country,
            list(role.sectors),
            organization.name,
            steps,
            entry,
            role,
        )

    def mention(
        self,
        head: Any,
        tokens: list[Any],
        sentence: int,
        country: str,
        sectors: list[str],
        name: str | None,
        steps: list[str],
        entry: Entry | None,
        role: Role | None = None,
    ) -> Mention:
        start_char = min(t.idx for t in tokens)
        end_char = max(t.idx + len(t.text) for t in tokens)
        offset = self.sentence_offset.get(sentence, 0)
        block = role.code if role else ""
        if len(country) > 3:  # an organisation's country with its block, e.g. IGOEUREEC
            country, block = country[:3], country[3:]
        actor = Actor(
            text=self.text[start_char:end_char],
            code=(country or "") + block + "".join(sectors),
            country=country or None,
            sectors=list(sectors),
            name=name,
            start=start_char - offset,
            end=end_char - offset,
            resolution=steps,
        )
        return Mention(head=head, sentence=sentence, actor=actor, head_entry=entry)

    # ---- coreference ---------------------------------------------------------------------

    def corefer(
        self, head: Any, tokens: list[Any], sentence: int, earlier: Mention, why: str
    ) -> Mention:
        source = earlier.actor
        steps = [
            Step(
                StepKind.COREFERENCE,
                f"coreference: '{self.doc[tokens[0].i : tokens[-1].i + 1].text}' refers back to "
                f"'{source.text}' (sentence {earlier.sentence}, {why})"
            ),
            *(earlier.base_steps or source.resolution),
        ]
        mention = self.mention(
            head,
            tokens,
            sentence,
            source.country or "",
            list(source.sectors),
            source.name,
            steps,
            earlier.head_entry,
        )
        mention.actor.code = source.code
        mention.named = earlier.named
        mention.individual = earlier.individual
        mention.base_steps = list(earlier.base_steps or source.resolution)
        return mention

    def link_to_earlier(self, mention: Mention, facts: PhraseFacts, tokens: list[Any]) -> None:
        """Later mentions take the identity (and title evidence) of the mention that named them."""
        if mention.named is not None:
            return  # names: unify_people links all mentions of a person after the pass
        if mention.head_entry is None or mention.head_entry.kind != AGENT:
            return
        determiners = {t.lower_ for t in tokens if t.dep_ == "det"}
        possessed = any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in tokens)
        if not determiners & DEFINITE_DETERMINERS and not possessed:
            return
        if not mention.individual:
            self.link_to_body(mention, tokens)
            return
        earlier = self.antecedent_of_description(mention)
        if earlier is None:
            self.link_to_office_holder(mention, facts)
            return
        linked = self.corefer(
            mention.head, tokens, mention.sentence, earlier, "definite description"
        )
        mention.actor = linked.actor
        mention.named = earlier.named
        mention.base_steps = linked.base_steps

    def link_to_body(self, mention: Mention, tokens: list[Any]) -> None:
        """'BP posted a profit, the company announced': a definite role word naming a body
        ("the company", "the ministry") with no country of its own refers to the nearest
        mention of this or the previous sentence that has a country and the same first sector;
        with none it keeps what it had."""
        actor = mention.actor
        if actor.country or not actor.sectors or len(tokens) > 3:
            return
        for earlier in reversed(self.mentions):
            if earlier.sentence < mention.sentence - 1:
                break
            found = earlier.actor
            if (earlier.head.i >= mention.head.i or earlier.individual or not found.country
                    or found.sectors[:1] != actor.sectors[:1]):
                continue
            linked = self.corefer(mention.head, tokens, mention.sentence, earlier,
                                  "definite description of the same kind of body")
            mention.actor, mention.named, mention.base_steps = (
                linked.actor, earlier.named, linked.base_steps)
            return

    def link_to_office_holder(self, mention: Mention, facts: PhraseFacts) -> None:
        """'the Russian foreign minister' on a dated article: whoever held that office then.

        The role title must begin with the role words ("Foreign Minister of Russia"; "president"
        never matches "Vice President ...") and exactly one person may hold it on the date.
        Undated articles are left alone: today's holder may not be the article's.
        """
        country = mention.actor.country
        if self.day is None or not country or facts.head_match is None:
            return
        match = facts.head_match
        agent = match.best.agent
        if agent is not None and "member" in agent.flags:
            return  # "the chairman of X's committee" names no office of the country itself
        if self.unknown_body(mention.head) is not None:
            return  # "the IIHF president" holds an office of something the dictionary lacks
        if any(kind_of(step) in GUESSED_FROM_CONTEXT for step in mention.actor.resolution):
            return  # a country guessed from the context names no office
        role_words = words(self.doc[match.start : match.end].text)
        holders = {
            id(named): (named, role)
            for named, role in self.dictionary.holders.get(country, [])
            if role.holds_on(self.day) and words(role.title)[: len(role_words)] == role_words
        }
        if len(holders) != 1:
            return
        named, role = next(iter(holders.values()))
        steps = [
            Step(
                StepKind.OFFICE_HOLDER,
                f"office-holder: on {self.day.isoformat()} the {role.title} was {named.name} "
                f"({role.span_words()}, {named.source})"
            )
        ]
        actor = mention.actor
        actor.code = role.actor_code
        actor.country, actor.sectors, actor.name = role.country, list(role.sectors), named.name
        actor.resolution = steps + actor.resolution
        mention.named = named
        mention.base_steps = list(actor.resolution)

    def antecedent_of_description(self, mention: Mention) -> Mention | None:
        """'the Russian leader': the nearest earlier individual of that country and role."""
        country = mention.actor.country
        head_words = set(words(mention.head.lemma_)) | set(words(mention.head.text))
        sectors = set(mention.actor.sectors)
        fallback = None
        for earlier in reversed(self.mentions):
            if not earlier.individual or earlier.head.i >= mention.head.i:
                continue
            if country and earlier.actor.country != country:
                continue
            if earlier.head.lemma_.lower() == mention.head.lemma_.lower() and not earlier.named:
                return earlier  # "a top US official" ... "the US official"
            if earlier.named is None:
                continue
            titles = " ".join(r.title.lower() for r in earlier.named.roles)
            if head_words & set(words(titles)):
                return earlier
            if fallback is None and (not sectors or sectors & set(earlier.actor.sectors)):
                fallback = earlier
        return fallback

    @staticmethod
    def specific(mention: Mention) -> bool:
        """A named person or one singular described person ("the US official", "a spokesman",
        "Russian presidential envoy"), not "some officials" or "any judge"."""
        if mention.actor.name:
            return True
        return mention.head.tag_ not in ("NNS", "NNPS") and not any(
            c.dep_ == "det" and c.lower_ in UNSPECIFIC_DETERMINERS for c in mention.head.children)

    def resolve_pronoun(self, head: Any, sentence: int) -> Mention | None:
        """'he'/'she' take the nearest compatible named person (or one described person: "the
        US official", "a spokesman") of the same or the previous sentence, a subject before other mentions
        ("Sessions said that during his meeting with Mr Kislyak he ..." is Sessions); with
        none, the pronoun stays unresolved rather than reach into an unrelated part of the
        article. Sentences of a quotation do not count ("X said. 'A. B. C,' he said.": up to
        three of them are passed over to reach the sentence before the quotation)."""
        gender = PERSONAL_PRONOUNS.get(head.lower_)
        if gender is None or head.dep_ == "poss":
            return None
        first = sentence - 1
        while first > sentence - 4 and first in self.quoted:
            first -= 1  # "'...' he said": the quotation's sentences lead back to its speaker
        candidates = []
        for earlier in reversed(self.mentions):
            if earlier.sentence < first:
                break
            if not earlier.individual or earlier.head.i >= head.i or not self.specific(earlier):
                continue
            if (
                earlier.named is not None
                and earlier.named.gender
                and earlier.named.gender != gender
            ):
                continue
            candidates.append(earlier)
        if not candidates:
            return None
        chosen = next(
            (m for m in candidates if m.head.dep_ in ("nsubj", "nsubjpass")), candidates[0]
        )
        why = f"nearest compatible antecedent of '{head.text}'"
        if chosen is not candidates[0]:
            why = f"the nearest compatible subject before '{head.text}'"
        return self.corefer(head, [head], sentence, chosen, why)


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
