"""The commentary guard: talk and trade outside politics is held back (events/data/commentary.yaml).

A trained CAMEO coder codes what political and social actors say and do to each other; an
analyst's word on a market, a professor's on history or science, a manager's on a product, a
resident's on a building, a company's investment or offer are no such interaction, although the
patterns match their words ("says", "offering", "investing") as they match a minister's. An
event of a root in ``roots`` whose sides are bystanders of politics (no actor, or an actor of a
``speaker_sectors`` sector: a company, an academic, a doctor, a civilian, the press), in a
sentence that names no political actor (``political_sectors``, an international or
non-governmental organisation, a country named alone) and holds no word of a political matter
(``political_words``: a state, a law, a court, an election, a war, a crime, a disaster) but a
word of another matter (``topic_nouns``, ``topic_adjectives``: markets, culture, science,
sport, travel), is not
coded. "Legal experts said a court might rule ...", "a witness said the car was hindered" and
"residents say the storm worsened" stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.records import Actor, Event, ParsedArticle
from eventwire.words import LOCATIVE_PREPOSITIONS

if TYPE_CHECKING:  # the pattern book imports this module: it stays free of the actor stage
    from eventwire.actors import ArticleActors

DATA_FILE = "commentary.yaml"  # in events/data, read by patterns.pattern_book
Token = Any

# Codes of an actor's "country" that are organisations, not countries.
ORGANISATIONS = ("IGO", "NGO")
# How a country's word owns a noun: "*China's* growth", "*Chinese* brands", "*US* firms".
OWNER_DEPS = ("poss", "amod", "compound", "nmod")
# Dependencies of a clause below the root: what is told, not who tells it.
CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis", "advcl", "relcl", "acl", "csubj", "conj")


@dataclass(frozen=True)
class CommentaryGuard:
    """The lists of commentary.yaml: which events are talk or trade outside politics."""

    roots: tuple[str, ...] = ()
    speaker_sectors: frozenset[str] = frozenset()
    political_sectors: frozenset[str] = frozenset()
    political_words: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    topic_adjectives: frozenset[str] = frozenset()
    speaker_kinds: tuple[str, ...] = ()
    state_sectors: frozenset[str] = frozenset()

    def holds_back(self, event: Event, parsed: ParsedArticle, resolved: ArticleActors) -> bool:
        """Whether ``event`` is commentary or trade outside politics, not coded."""
        if not self.roots or not event.cameo.startswith(self.roots):
            return False
        sentence = next((s for s in parsed.sentences if s.index == event.sentence_index), None)
        if sentence is None:
            return False
        sides = [actor for actor in (event.source, event.target) if actor is not None]
        own = {token.i for token in sentence.span if any(
            _same(actor, side) for actor in [resolved.actor_at(token)] if actor for side in sides)}
        if not self.off_politics(sentence.span, own):
            return False
        mentions = _mentions(sentence.span, resolved)
        kinds = [actor for actor in sides if self.of_kind(actor, mentions)]
        if not all(self.bystander(actor) or actor in kinds for actor in sides):
            return False
        return not any(self.political(actor, token) for token, actor in mentions
                       if not any(_same(actor, side) for side in kinds))

    def of_kind(self, actor: Actor, mentions: list[tuple[Token, Actor]]) -> bool:
        """Whether the actor's words or their apposition name a speaker outside politics
        (``speaker_kinds``), whatever its code: "literary critic Meng", "X, general manager of
        a diving firm", "Y, chief economist at a bank"."""
        if not self.speaker_kinds or actor.country in ORGANISATIONS:
            return False
        if any(sector in self.state_sectors for sector in actor.sectors):
            return False  # "Chief Executive Carrie Lam", "NASA's chief scientist": a state's
        words = [actor.text.lower()]
        for token, mention in mentions:
            if _same(mention, actor):
                words += [" ".join(t.lower_ for t in c.subtree)
                          for c in token.children if c.dep_ == "appos"]
        text = f" {' '.join(words)} "
        return any(f" {kind} " in text for kind in self.speaker_kinds)

    def bystander(self, actor: Actor | None) -> bool:
        """No actor, or one of a non-political sector ("analysts", "the company", "residents")."""
        if actor is None:
            return True
        if actor.country in ORGANISATIONS:
            return False
        if not actor.sectors:
            return not actor.country  # a country named alone speaks for its state
        return actor.sectors[0] in self.speaker_sectors and not self.state_side(actor)

    def state_side(self, actor: Actor) -> bool:
        """An actor with a political sector among its sectors ("NASA's chief scientist", EDUGOV)."""
        return any(sector in self.political_sectors for sector in actor.sectors)

    def political(self, actor: Actor, head: Token | None = None) -> bool:
        """A state, party, armed group, court, police or organisation, or a country alone that
        acts or is acted on: not a place ("a professor *in Spain*") nor the owner of a market or
        a product (``head`` the mention's head: "*China's* economic growth", "*Chinese* brands")."""
        if actor.country in ORGANISATIONS:
            return True
        if actor.sectors:
            return actor.sectors[0] in self.political_sectors
        if not actor.country:
            return False
        return head is None or not (self.place(head) or self.topic(head)
                                    or head.dep_ in OWNER_DEPS and self.topic(head.head))

    def place(self, head: Token) -> bool:
        """"a professor at a university *in Singapore* said", "*In Ireland*, the bank said":
        where the speaker is, outside what is told (no clause between the place and the
        sentence's root: "said there is a crisis *in Syria*" names a country in the news)."""
        if not (head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS):
            return False
        return not any(node.dep_ in CLAUSE_DEPS for node in head.ancestors)

    def topic(self, token: Token) -> bool:
        """A noun of ``topic_nouns`` or an adjective of ``topic_adjectives``."""
        words = (token.lemma_.lower(), token.lower_)
        if token.pos_ == "NOUN":
            return any(w in self.topic_nouns for w in words)
        return token.pos_ == "ADJ" and any(w in self.topic_adjectives for w in words)

    def off_politics(self, span: Any, sides: set[int] | None = None) -> bool:
        """A sentence with a word of a non-political matter and none of a political one (a
        person's name is no word: "Sue"). The words of the event's own sides (``sides``, token
        indices) name who speaks, not what about: "said *the company*" is no matter."""
        topic = False
        for token in span:
            if token.ent_type_ == "PERSON":
                continue
            if self.political_word(token):
                return False
            topic = topic or (token.i not in (sides or ()) and self.topic(token))
        return topic


    def political_word(self, token: Token) -> bool:
        """A word of ``political_words``, but not in another matter's sense: modified by a topic
        word or modifying one ("a *market* crash", "a *merger* deal", "the *national* team"), nor
        inside a name of several words ("the United *States*", "China *National* Petroleum")."""
        if not (token.lemma_.lower() in self.political_words
                or token.lower_ in self.political_words):
            return False
        if token.pos_ == "PROPN" and token.ent_type_ and _in_long_name(token):
            return False
        if token.pos_ == "ADJ" and token.dep_ == "amod" and self.topic(token.head):
            return False
        return not any(child.dep_ in ("compound", "amod") and self.topic(child)
                       for child in token.children)


def _in_long_name(token: Token) -> bool:
    """Whether the token is one word of a named entity of several words."""
    after = token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I"
    return token.ent_iob_ == "I" or after


def _mentions(span: Any, resolved: ArticleActors) -> list[tuple[Token, Actor]]:
    """Each actor mention of the sentence with its head: the word of its phrase whose own head
    lies outside the phrase ("growth" of "China's economic growth")."""
    phrases: dict[int, tuple[Actor, list[Token]]] = {}
    for token in span:
        actor = resolved.actor_at(token)
        if actor is not None:
            phrases.setdefault(id(actor), (actor, []))[1].append(token)
    found = []
    for actor, words in phrases.values():
        inside = {t.i for t in words}
        head = next((t for t in words if t.head.i not in inside or t.head is t), words[0])
        found.append((head, actor))
    return found


def _same(one: Actor, other: Actor) -> bool:
    """The same mention: its words and code."""
    return one.text == other.text and one.code == other.code


def commentary_guard(data: dict[str, Any] | None) -> CommentaryGuard:
    """The guard of a loaded commentary.yaml (``patterns.pattern_book`` reads the file with the
    other pattern files, so it is hashed into ``coder_version`` and may be overridden)."""
    data = data or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return CommentaryGuard(
        roots=tuple(str(r) for r in data.get("roots") or []),
        speaker_sectors=frozenset(data.get("speaker_sectors") or []),
        political_sectors=frozenset(data.get("political_sectors") or []),
        political_words=words("political_words"),
        topic_nouns=words("topic_nouns"),
        topic_adjectives=words("topic_adjectives"),
        speaker_kinds=tuple(sorted(words("speaker_kinds"))),
        state_sectors=frozenset(data.get("state_sectors") or []),
    )
