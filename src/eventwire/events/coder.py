"""The event coder: predicates matched against the pattern dictionary, arguments read off the
dependency parse, actors from the actors stage.

For each sentence that holds at least one actor:
1. every verb whose lemma has patterns is tried, most specific pattern first;
2. every event noun ("talks", "sanctions", "annexation") not already used by a verb pattern;
3. source = logical subject (agent in the passive, controller in "aims to meet"), target =
   the pattern's preposition object, else the direct object, else a usual preposition object;
   coordinated actors give one event each, "X and Y met" / "talks between X and Y" both ways;
4. negation, modality and the reporting speaker are read off the clause.

The steps live in their own modules: ``events.matching`` (1-2, the candidates), ``events.arguments``
(3, the target words), ``events.filters`` (which candidates stand), ``events.building`` (4, the
record); who the argument words are is the actors stage's ``actors.fixing``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from eventwire import __version__
from eventwire.actors import ActorResolver, ArticleActors
from eventwire.actors.dictionary import Dictionary
from eventwire.actors.fixing import (
    Arguments,
    SideRules,
    identity,
    implied_agent,
    place_implied,
    speakers_own,
)
from eventwire.actors.nationality import Nationalities
from eventwire.events import calibration
from eventwire.events.anaphora import earlier_doer, reporting_force
from eventwire.events.arguments import aimed_places, own, place_objects, plain_targets
from eventwire.events.building import EventBuilder
from eventwire.events.cameo import cameo_table
from eventwire.events.filters import discarded, fullest, standing
from eventwire.events.matching import (
    SPEECH_LEMMAS,
    Candidate,
    candidates,
    receiving_infinitive,
    speakers,
)
from eventwire.events.patterns import PatternBook, pattern_book
from eventwire.events.sections import link_list_sentences, link_mark_cuts, linked, post_ends
from eventwire.events.senses import between_politicians
from eventwire.nlp import coded_text, syntax
from eventwire.records import Actor, Event, ParsedArticle, ParsedSentence
from eventwire.words import QUOTATION_MARKS

Token = Any

# Roots of violent acts whose victims are never their authors (assault, fight, mass violence).
ASSAULT_ROOTS = ("18", "19", "20")
# A conditional act is someone's threat or offer only when someone says it: reported or quoted.
SUPPOSING_AUX = {"could", "might", "may", "can"}


def coder_version(book: PatternBook) -> str:
    """``<eventwire version>+<patterns hash>.cal<calibration version>``: a change of patterns or
    a re-fit of the confidence is visible in every record."""
    return f"{__version__}+{book.version_hash}.cal{calibration.calibration()['version']}"


class EventCoder:
    def __init__(self, book: PatternBook | None = None, dictionary: Dictionary | None = None):
        self.book = book or pattern_book()
        self.cameo = cameo_table()
        self.version = coder_version(self.book)
        self.builder = EventBuilder(self.book, self.cameo, self.version)
        self.rules = SideRules(group_nouns=self.book.group_nouns,
                               follower_nouns=self.book.follower_nouns,
                               force_modifiers=self.book.force_modifiers,
                               state_sectors=self.book.state_sectors,
                               foreign_sectors=self.book.foreign_sectors,
                               domestic_sectors=self.book.domestic_sectors)
        self._dictionary = dictionary

    @property
    def dictionary(self) -> Dictionary:
        """The actor dictionary whose country words name nationalities (loaded on first use)."""
        if self._dictionary is None:
            self._dictionary = ActorResolver.default().dictionary
        return self._dictionary

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> EventCoder:
        return cls()

    def code(self, parsed: ParsedArticle, resolved: ArticleActors) -> list[Event]:
        owners = Nationalities(parsed.doc, self.dictionary, parsed.article.published,
                               resolved.matches)
        actors = Arguments(resolved, owners, self.dictionary, self.rules)
        events: list[Event] = []
        text, body = coded_text(parsed.article)
        spans = [(s.start, s.text) for s in parsed.sentences]
        links = link_list_sentences(self.book.link_lists, text, parsed.article.title, spans)
        # "READ MORE: <another headline>", in the body (the title's "IN PICTURES:" is its label)
        cuts = link_mark_cuts(self.book.link_marks, [(s, t) for s, t in spans if s >= body])
        posts = post_ends(self.book.post_signatures, spans)  # "<a post> Name (@name) March 8, 2017"
        for sentence in parsed.sentences:
            if sentence.start in links:
                continue  # a headline in a list of links to other articles
            if not self._has_actor(sentence, actors) and not self._implies_agent(sentence):
                continue  # no political actor: no event, and no parse reading needed
            before = [e for e in events if e.sentence_index == sentence.index - 1]
            # a headline (the title, a line without a full stop) tells news in the present
            headline = (sentence.start < body or not sentence.text.rstrip().endswith(
                self.book.link_lists.sentence_ends))
            events.extend(self._code_sentence(parsed, sentence, actors, before, headline,
                                              cuts.get(sentence.start), posts.get(sentence.start)))
        if self.book.off_topic.section_word(parsed.article.url):  # a sports page: no state, no event
            events = [event for event in events if self.book.off_topic.keeps(event)]
        # a company's result, a sermon
        for guard in (self.book.business, self.book.sermons):
            events = [event for event in events if not guard.holds_back(event, parsed, resolved)]
        # an analyst's word on a market (talk outside politics), unless force is told beside it
        violent = {event.sentence_index for event in events if event.cameo[:2] >= "14"}
        events = [event for event in events if event.sentence_index in violent
                  or not self.book.commentary.holds_back(event, parsed, resolved)]
        place_implied(resolved, events)
        return events

    def _unsaid(self, event: Event) -> bool:
        """A negated act outside ``negated_roots`` (discards.yaml): "none of the missiles struck
        the jets" is no attack; "declined to say" is still what was (not) said."""
        roots = self.book.negated_roots
        return event.negated and roots is not None and not event.cameo.startswith(roots)

    def _implies_agent(self, sentence: ParsedSentence) -> bool:
        """A predicate with an implied agent ("were arrested": by police) needs no named actor."""
        return any(token.lemma_.lower() in self.book.agent_lemmas for token in sentence.span)

    def _has_actor(self, sentence: ParsedSentence, actors: Arguments) -> bool:
        return any(actors.actor_at(token) for token in sentence.span)

    def _code_sentence(
        self, parsed: ParsedArticle, sentence: ParsedSentence, actors: Arguments,
        before: list[Event] | None = None, headline: bool = False, link_cut: int | None = None,
        post_end: int | None = None,
    ) -> list[Event]:
        """The events of one sentence; ``before``: those of the sentence before it (whose
        violent act may lend its doer, ``events.anaphora``); ``link_cut``: the offset in it from
        which its text is a link to another article ("READ MORE: ..."), whose words code
        nothing; ``post_end``: the offset before which its text is an embedded post."""
        if discarded(self.book, sentence):
            return []
        lemmas = {token.lemma_.lower() for token in sentence.span}
        # a compound written in two words is the one-word lemma a pattern requires too
        # ("air strike" is "airstrike", "war plane" "warplane")
        lemmas |= {(token.lemma_ + token.head.lemma_).lower() for token in sentence.span
                   if token.dep_ == "compound" and token.head.i == token.i + 1}
        published = parsed.article.published
        found = candidates(self.book, sentence, lemmas, actors)
        # offsets in the sentence's stripped text, which starts after its span's spaces
        begins = sentence.span.start_char + len(sentence.span.text) - len(
            sentence.span.text.lstrip())
        if post_end is not None:  # "<a post> Name (@name) March 8, 2017 <this article>"
            found = [c for c in found if c.trigger.idx - begins >= post_end]
        if link_cut is not None:  # "READ MORE: <the headline of another article>"
            tags = self.book.habits.get("tags", ())
            found = [c for c in found if not linked(
                self.book.link_lists, sentence.text, link_cut, c.trigger.idx - begins,
                c.pattern.kind == "verb" and c.trigger.tag_.lower() in tags)]
        found = standing(self.book, found, published.year if published else None, headline)
        events: list[Event] = []
        seen: set[tuple[str, ...]] = set()
        for candidate in found:
            for event in self._events(parsed, sentence, candidate, actors, before or []):
                if event.modality in self.book.uncoded_modalities or self._unsaid(event):
                    continue  # "Iraq could attack Jordan", "did not attack": no act to code
                key = (event.cameo, *identity(event.source), *identity(event.target))
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return fullest(events)

    def _events(
        self, parsed: ParsedArticle, sentence: ParsedSentence, candidate: Candidate,
        actors: Arguments, before: list[Event],
    ) -> list[Event]:
        """One event for each pair of sides the candidate's words name."""
        pattern = candidate.pattern
        sources = actors.authors(candidate.sources, candidate.trigger,
                                 assault=pattern.cameo[:2] in ASSAULT_ROOTS)
        targets = actors.actors(candidate.targets)
        private = not targets and (self.cameo[pattern.cameo].quad_class == 4
                                   or pattern.cameo.startswith(self.book.private_target_codes))
        if private:  # "police arrested John Connors", "accused John Connors of": a private person
            lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
            targets = actors.private_people(plain_targets(self.book, candidate.trigger),
                                            sentence.span.start_char + lead)
        speaker_verb = syntax.speaker_clause(candidate.trigger, SPEECH_LEMMAS)
        if _supposed(candidate.trigger, speaker_verb, sentence):
            return []  # "If found guilty, he could be jailed": the writer's supposition, no threat
        reporters = actors.actors(speakers(self.book, actors, speaker_verb)) if speaker_verb else []
        if not sources and reporters and (_speaker_is_subject(speaker_verb, candidate)
                                          or receiving_infinitive(self.book, candidate.trigger)):
            sources = reporters  # "We will roll back sanctions," the official said
        if reporters and reporters[0].country and any(own(t) for t in candidate.sources):
            sources = speakers_own(sources, reporters[0])  # "Serbs said their forces had ..."
        if not sources and not candidate.pair:  # "six police were killed in the assault"
            sources = (earlier_doer(self.book, candidate, before, targets)
                       or reporting_force(self.book, candidate,
                                          reporters[0] if reporters else None, targets))
        if (not sources and pattern.agent and not candidate.pair
                and (pattern.kind == "noun" or all(t.pos_ == "PRON" for t in candidate.sources))):
            # "five men were arrested": by police
            sources = [implied_agent(pattern.agent, f"{pattern.id} ({pattern.rule_source})")]
        places = actors.actors(place_objects(candidate.trigger))
        aimed = False  # targets read off the place of a thing aimed at (aimed_places)
        if candidate.pair:
            dyads = [(a, b) for a in sources for b in sources if a is not b]
        elif not sources and not targets:
            return []
        else:
            if not targets and not pattern.cameo.startswith(self.book.venue_roots):
                targets = places  # "blocked roads in Algiers": the place stands for its country
            if not targets and pattern.cameo.startswith(self.book.aimed_place_roots):
                targets = actors.actors(aimed_places(self.book, candidate.trigger))
                aimed = bool(targets)
            dyads = [(s, t or self._implied_target(candidate, s, actors))
                     for s in (sources or [None]) for t in (targets or [None])
                     if s is None or t is None or aimed or _different(s, t)]
        conflictual = self.cameo[pattern.cameo].quad_class >= 3
        sides = [actors.domestic(source, target, places, conflictual) for source, target in dyads]
        if aimed:  # "Nigeria launched airstrikes against camps in Borno": at home, no target
            sides = _unique([(source, None if _at_home(source, target) else target)
                             for source, target in sides])
        if private:
            sides = [(source, actors.private_country(target)) for source, target in sides]
        if pattern.cameo.startswith(self.book.press_roots):  # statements: "told Reuters", "told voters"
            sides = [(source, self._statement_target(pattern.cameo, source, target))
                     for source, target in sides]
            sides = [(source, target) for source, target in sides if source or target]
        events = []
        for source, target in sides:
            sense = between_politicians(self.book, pattern, candidate.trigger, (source, target))
            if sense is None:
                continue  # "the parties clashed over tax": a contest of words, no event
            events.append(self.builder.event(parsed, sentence, replace(candidate, pattern=sense),
                                             source, target, reporters[0] if reporters else None))
        return events

    def _implied_target(self, candidate: Candidate, source: Actor | None, actors: Arguments
                        ) -> Actor | None:
        """The government of the source's country, for dissent ("Egyptian demonstrators
        rioted", dissent_roots) and for an appeal or demand of a party or group ("The Tories
        called for a change in the law", appeal_roots, appeal_sectors) that names no target
        and is addressed to no one ("called *on its supporters*", "demanded X *from schools*",
        "urged *voters* to ...": appeal_addressee_preps); None otherwise."""
        code = candidate.pattern.cameo
        if code.startswith(self.book.dissent_roots):
            return actors.dissent_target(source)
        if (code.startswith(self.book.appeal_roots) and source is not None
                and self.book.appeal_sectors.intersection(source.sectors)
                and not self._addressees(candidate.trigger)):
            return actors.dissent_target(source, "an appeal or demand")
        return None

    def _addressees(self, trigger: Token) -> list[Token]:
        """Whom an appeal is made to, actor or not: the object of an addressee preposition
        ("called *on* its supporters", "demanded wages *from* schools"), or an object told to
        do something ("urged *voters* to reject")."""
        found = [t for prep in self.book.appeal_addressee_preps
                 for t in syntax.prep_objects(trigger, prep)]
        if any(syntax.is_infinitive(c) for c in syntax.children(trigger, {"xcomp"})):
            found += syntax.children(trigger, {"dobj"})
        return found

    def _statement_target(self, code: str, source: Actor | None, target: Actor | None
                          ) -> Actor | None:
        """A statement's target, or None for the outlet it was told to ("told Reuters",
        press_sectors) and, for a plain statement (plain_statement_codes), for anyone but
        another country's state or an international organisation ("told voters")."""
        if target is None or self._press(target):
            return None
        if code in self.book.plain_statement_codes and not self._addressed_state(source, target):
            return None
        return target

    def _addressed_state(self, source: Actor | None, target: Actor) -> bool:
        """Whether a plain statement's target is another country's state or an international
        organisation (plain_statement_codes): "told Lavrov", not "told voters" or "told parliament"."""
        if target.code.startswith("IGO"):
            return True
        foreign = bool(target.country) and (source is None or source.country != target.country)
        state = not target.sectors or bool(self.book.state_sectors.intersection(target.sectors))
        return foreign and state

    def _press(self, actor: Actor) -> bool:
        """Whether ``actor`` is a news outlet or journalist (``press_sectors``)."""
        return bool(self.book.press_sectors.intersection(actor.sectors))


def _supposed(trigger: Token, speaker_verb: Token | None, sentence: ParsedSentence) -> bool:
    """A conditional that only may happen ("if found guilty, he could be jailed"), told by the
    writer (no speech verb, no quotation): no one's threat or offer. "Russia will impose
    sanctions if ..." is still Russia's threat."""
    if speaker_verb is not None or any(mark in sentence.text for mark in QUOTATION_MARKS):
        return False
    if syntax.modality(trigger) != "conditional":
        return False
    return any(child.dep_ == "aux" and child.lower_ in SUPPOSING_AUX
               for node in syntax.predicate_chain(trigger) for child in node.children)


def _at_home(source: Actor | None, target: Actor | None) -> bool:
    """Whether a place aimed at lies in the source's own country (or is the source)."""
    return (source is not None and target is not None
            and (source.country == target.country or not _different(source, target)))


def _unique(sides: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """The pairs, each once, in order (codes and names compared)."""
    seen: set[tuple[str | None, ...]] = set()
    kept = []
    for source, target in sides:
        key = tuple(x for a in (source, target) for x in ((a.code, a.name) if a else (None, None)))
        if key not in seen:
            seen.add(key)
            kept.append((source, target))
    return kept


def _different(source: Actor, target: Actor) -> bool:
    """Whether an event's two sides are two parties: one code is one actor ("the US military
    sent 200 troops" is no USAMIL -> USAMIL event), but two private people are two ("a man
    stabbed his wife": CVL -> CVL)."""
    if source.code != target.code or source.name != target.name:
        return True
    return "CVL" in source.sectors and source.text != target.text


def _speaker_is_subject(speaker_verb: Token, candidate: Candidate) -> bool:
    """Whether the reported clause's subject is the speaker: "We will act," X said; "X said it
    would allow inspectors" (a pronoun in the reported clause most often means the speaker)."""
    if any(t.lower_ in syntax.SPEAKER_PRONOUNS and not _quoted_third_person(t)
           for t in candidate.sources):
        return True
    quoted = [t for t in speaker_verb.subtree if t.i != speaker_verb.i]
    return any(t.lower_ in ("we", "i") and t.dep_ in ("nsubj", "nsubjpass") for t in quoted)


def _quoted_third_person(pronoun: Token) -> bool:
    """'"He attacked the officers," the chief said': inside the speaker's own words "he" and
    "she" are someone else (the speaker says "I"), unlike "the chief said he would act"."""
    return pronoun.lower_ in ("he", "she") and syntax.quotation_span(pronoun) is not None
