"""The event coder: predicates matched against the pattern dictionary, arguments read off the
dependency parse, actors from the actors stage.

For each sentence that holds at least one actor:
1. every verb whose lemma has patterns is tried, most specific pattern first;
2. every event noun ("talks", "sanctions", "annexation") not already used by a verb pattern;
3. source = logical subject (agent in the passive, controller in "aims to meet"), target =
   the pattern's preposition object, else the direct object, else a usual preposition object;
   coordinated actors give one event each, "X and Y met" / "talks between X and Y" both ways;
4. negation, modality and the reporting speaker are read off the clause.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventwire import __version__
from eventwire.actors import ActorResolver, ArticleActors
from eventwire.actors.dictionary import CAPITAL, COUNTRY, Dictionary, words
from eventwire.actors.nationality import Nationalities
from eventwire.events import calibration
from eventwire.events.cameo import CameoCode, cameo_table
from eventwire.events.confidence import event_features
from eventwire.events.patterns import Pattern, PatternBook, pattern_book
from eventwire.nlp import syntax
from eventwire.records import Actor, Event, ParsedArticle, ParsedSentence

Token = Any

SPEECH_LEMMAS = frozenset(
    {"say", "tell", "state", "announce", "declare", "add", "remark", "note", "claim", "insist",
     "warn", "believe", "stress", "report", "write", "explain", "argue", "assert", "suggest",
     "conclude", "confirm", "reiterate", "indicate"}
)
# Nouns that only carry the event of another word ("a number of sanctions", "tons of aid").
QUANTITY_NOUNS = {"number", "series", "set", "round", "wave", "package", "host", "lot", "couple",
                  "dollar", "ton", "tonne", "worth", "amount", "shipment", "consignment", "batch",
                  "million", "billion", "kind", "type", "form", "part", "range", "day", "week",
                  "month", "hour", "year"}
# Passive verbs whose subject takes part in the nominal event ("forces were engaged in
# fighting"), unlike "a man was hurt in the firing".
PARTICIPATION = {"engage", "involve", "embroil", "lock", "mire", "bog"}
# Modals that turn a reported clause into a demand ("X said Y must withdraw": X demands of Y).
OBLIGATION_MODALS = {"must", "should"}
# Modalities under which a negated cooperative act is refused ("will not", "does not intend to");
# not a condition ("courts do not offer opinions unless asked" is a habit, not a refusal).
REFUSAL_MODALITIES = {"future", "intended"}
# Modalities under which an action is only expressed as an intention (intent_codes.yaml).
INTENT_MODALITIES = {"future", "intended", "threatened", "conditional"}
# Roots whose target, without an object, is the subject of the complement clause: "demanded
# that Hamas renounce", "warned that Iran would face", "accused that X".
COMPLEMENT_TARGET_ROOTS = ("02", "10", "11", "12", "13")
# What a request asks for ("demanded the withdrawal", "urged X to meet") and what an
# accusation or rejection is about ("accused X of violating", "blamed X for the bombing") is
# the content of that act, not an event that happened: by root, the dependencies leading to it.
CONTENT_DEPS = {"02": ("ccomp", "xcomp", "dobj", "prep"), "10": ("ccomp", "xcomp", "dobj", "prep"),
                "11": ("prep",), "016": ("ccomp",)}
# Coercion and violence (CAMEO 17-20) told in a relative clause are news of their own ("the men
# who were arrested", "three soldiers who were killed"): never dropped as background.
VIOLENT_ROOTS = ("17", "18", "19", "20")
# How far and through which dependencies a trigger is read as the complement of an unreal
# head ("afraid *of* killings", "dedicated his life *to* fighting", "trained *to* fight").
UNREAL_HOPS = 3
UNREAL_PATH = {"pobj", "pcomp", "prep", "xcomp", "dobj", "acomp", "amod"}
# Verbs that carry the event of their complement ("agreed to provide aid" is the aid promise).
INTENT_CARRIERS = syntax.INTENT | syntax.THREAT | {"agree"}


@dataclass
class Candidate:
    pattern: Pattern
    trigger: Token
    sources: list[Token]
    targets: list[Token]
    pair: bool = False  # sources and targets are one coordinated group ("X and Y met")
    content: tuple[int, ...] = ()  # tokens the pattern used as its content ("impose *sanctions*")


# How deep the coder follows prepositions inside an object for its target: "launch an
# offensive in its war *with* X" (offensive -> war -> X).
FRAME_DEPTH = 2
# Roots of violent acts whose victims are never their authors (assault, fight, mass violence).
ASSAULT_ROOTS = ("18", "19", "20")
# Verbs whose subject (active) or passive subject suffered the act: victims, not authors.
SUFFERING_LEMMAS = frozenset({"die", "perish"})
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "maim", "behead", "murder"})


@dataclass
class Arguments:
    """The actors of one article as arguments are read: the phrases the actors stage resolved,
    then the nationality modifiers of things ("German goods")."""

    resolved: ArticleActors
    nationalities: Nationalities
    nationality: bool = True  # whether a nationality modifier may stand for an actor

    def actor_at(self, token: Token) -> Actor | None:
        return self.resolved.actor_at(token)

    def named_only(self) -> Arguments:
        return replace(self, nationality=False)


def coder_version(book: PatternBook) -> str:
    """``<eventwire version>+<patterns hash>.cal<calibration version>``: a change of patterns or
    a re-fit of the confidence is visible in every record."""
    return f"{__version__}+{book.version_hash}.cal{calibration.calibration()['version']}"


class EventCoder:
    def __init__(self, book: PatternBook | None = None, dictionary: Dictionary | None = None):
        self.book = book or pattern_book()
        self.cameo = cameo_table()
        self.version = coder_version(self.book)
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

    # -- public -------------------------------------------------------------------------
    def code(self, parsed: ParsedArticle, resolved: ArticleActors) -> list[Event]:
        owners = Nationalities(parsed.doc, self.dictionary, parsed.article.date, resolved.matches)
        actors = Arguments(resolved, owners)
        events: list[Event] = []
        for sentence in parsed.sentences:
            if not self._has_actor(sentence, actors) and not self._implies_agent(sentence):
                continue  # no political actor: no event, and no parse reading needed
            events.extend(self._code_sentence(parsed, sentence, actors))
        _place_implied(resolved, events)
        return events

    # -- matching -----------------------------------------------------------------------
    def _implies_agent(self, sentence: ParsedSentence) -> bool:
        """A predicate with an implied agent ("were arrested": by police) needs no named actor."""
        return any(token.lemma_.lower() in self.book.agent_lemmas for token in sentence.span)

    def _has_actor(self, sentence: ParsedSentence, actors: Arguments) -> bool:
        return any(actors.actor_at(token) for token in sentence.span)

    def _code_sentence(
        self, parsed: ParsedArticle, sentence: ParsedSentence, actors: Arguments
    ) -> list[Event]:
        lemmas = {token.lemma_.lower() for token in sentence.span}
        if self._discarded(sentence, lemmas):
            return []
        consumed: set[int] = set()
        candidates: list[Candidate] = []
        for token in sentence.span:
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.book.verbs:
                found = self._match_verb(token, lemmas, actors)
                if found:
                    candidates.append(found)
                    consumed.update(found.content)
                    implied = self._implied(found)
                    if implied:
                        candidates.append(implied)
        candidates = [self._obligation(c) for c in candidates]
        # "Iran condemned the attack": whoever reacts to an act is not its author
        reactions = {c.trigger.i for c in candidates
                     if c.pattern.cameo.startswith(self.book.reaction_codes)}
        for token in sentence.span:
            if token.i in consumed or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
                continue  # a compound modifies its head ("battle zones", "protest rally")
            if token.lemma_.lower() in self.book.nouns:
                found = self._match_noun(token, lemmas, actors, reactions)
                if found:
                    candidates.append(found)
        candidates = [c for c in candidates if not self._unreal(c.trigger)]
        candidates = self._drop_background(candidates)
        candidates = _drop_carriers_and_requested(candidates)
        # "threatened to attack X": when the carrier and its complement code the same dyad,
        # the event keeps the complement's trigger (the act threatened), so carriers go last
        candidates.sort(key=lambda c: c.trigger.lemma_.lower() in INTENT_CARRIERS)
        events: list[Event] = []
        seen: set[tuple[str, ...]] = set()
        for candidate in candidates:
            for event in self._events(parsed, sentence, candidate, actors):
                key = (event.cameo, *_identity(event.source), *_identity(event.target))
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return [e for e in events if not any(_covers(other, e) for other in events)]

    def _discarded(self, sentence: ParsedSentence, lemmas: set[str]) -> bool:
        text = sentence.text.lower()
        for rule in self.book.discards:
            phrase = str(rule.get("phrase", "")).lower()
            if phrase and phrase in text:
                return True
        return False

    def _match_verb(self, verb: Token, lemmas: set[str], actors: Arguments) -> Candidate | None:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        objects = [verb.head if o.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else o
                   for o in syntax.children(verb, syntax.OBJECTS)]  # "claims *which* X denied"
        if not objects:  # "denounced as a crime X's crackdown": the object moved to the end
            objects = [a for c in syntax.prep_objects(verb, "as")
                       for a in syntax.children(c, {"appos"})]
        if not objects:  # "arrested and deported X": the verbs share the object
            objects = [o for c in syntax.children(verb, {"conj"}) if c.pos_ == "VERB"
                       and not syntax.children(c, syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS)
                       for o in syntax.children(c, syntax.OBJECTS)]
        contents = objects + [
            p for o in objects if o.lemma_.lower() in QUANTITY_NOUNS
            for p in syntax.prep_objects(o, "of")
        ]
        object_lemmas = {o.lemma_.lower() for o in contents}
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            object_lemmas.add(verb.head.lemma_.lower())  # "a statement released by X"
        if self._strives(verb, objects):
            return None
        for pattern in self.book.verbs[verb.lemma_.lower()]:
            if pattern.particle and pattern.particle != particle:
                continue
            if pattern.objects and not (pattern.objects & object_lemmas):
                continue
            if pattern.requires and not (pattern.requires & lemmas):
                continue
            if pattern.passive and not syntax.is_passive(verb):
                continue
            targets = self._verb_targets(verb, pattern, objects, actors)
            if pattern.prep and not targets:
                continue
            sources = syntax.clause_subjects(verb)
            if not self._actors(sources, actors):
                sources = self._purpose_of_event(verb) or sources
            if syntax.is_purpose(verb) and not self._actors(sources, actors):
                sources = []  # "they took the help of the police to arrest him": implied agent
            if pattern.source_preps:  # "Israel received aid from the US": the subject receives
                targets = sources
                sources = [t for p in pattern.source_preps for holder in (verb, *contents)
                           for t in syntax.prep_objects(holder, p)]
            pair = False
            if (pattern.symmetric and not self._actors(targets, actors.named_only())
                    and len(self._actors(sources, actors)) >= 2):  # not "talks on a US plan"
                pair = True
            used = tuple(o.i for o in contents if o.lemma_.lower() in pattern.objects)
            return Candidate(pattern, verb, sources, targets, pair, used)
        return None

    def _strives(self, verb: Token, objects: list[Token]) -> bool:
        """"battled to save his life": a conflict verb completed by a to-infinitive, with no
        object or preposition of its own, names an effort, not a fight (striving_verbs)."""
        return (verb.lemma_.lower() in self.book.striving_verbs and not objects
                and not syntax.children(verb, {"prep"})
                and any(syntax.is_infinitive(c) for c in syntax.children(verb, {"xcomp", "advcl"})))

    def _drop_background(self, candidates: list[Candidate]) -> list[Candidate]:
        """A past act told in a relative clause or participle is background to the sentence's
        news and is not coded when the sentence has an act of its own: "returned antiquities
        *that were seized* in 2001", "the ceasefire *agreed* in May collapsed". Alone in its
        sentence it is still coded, and so is coercion or violence (VIOLENT_ROOTS)."""
        background = [_background(c.trigger) and not c.pattern.cameo.startswith(VIOLENT_ROOTS)
                      for c in candidates]
        if all(background):
            return candidates
        return [c for c, old in zip(candidates, background, strict=True) if not old]

    def _unreal(self, trigger: Token) -> bool:
        """"afraid of revenge killings", "dedicated his life to fighting", "trained to fight",
        "do not condone extrajudicial killings": a word of fear, devotion, training or tolerance
        (unreal_heads) that governs the trigger through its complement says no such act took
        place. Only the complement is read ("trained soldiers who attacked X" still attacked)."""
        token = trigger
        for _ in range(UNREAL_HOPS):
            if token.dep_ not in UNREAL_PATH or token.head.i == token.i:
                return False
            token = token.head
            if token.lemma_.lower() in self.book.unreal_heads:
                return True
        return False

    def _purpose_of_event(self, verb: Token) -> list[Token]:
        """"began a hunger strike *to protest*", "held a rally *to demand*": the purpose of an
        event noun is pursued by whoever holds the event (the subject of its light verb)."""
        noun = verb.head
        if (verb.dep_ not in ("acl", "relcl") or not syntax.is_infinitive(verb)
                or noun.lemma_.lower() not in self.book.nouns):
            return []
        light_verb = _light_verb(noun)
        return syntax.clause_subjects(light_verb) if light_verb is not None else []

    def _implied(self, found: Candidate) -> Candidate | None:
        """The event a matched pattern implies for the author of its object.

        "X believes that Y arms the rebels - claims which Y has denied": whoever made the
        claims accuses Y. The author is the subject of the nearest speech or belief verb above
        the claim noun.
        """
        pattern = found.pattern
        if not pattern.implies:
            return None
        claims = [found.trigger.doc[i] for i in found.content]
        claims += [found.trigger.head for _ in [0] if found.trigger.dep_ == "relcl"
                   and found.trigger.head.lemma_.lower() in pattern.objects]
        for claim in claims:
            author_verb = next((a for a in claim.ancestors if a.lemma_ in SPEECH_LEMMAS), None)
            if author_verb is not None:
                authors = syntax.clause_subjects(author_verb)
                implied = replace(pattern, cameo=pattern.implies, implies=None)
                return Candidate(implied, claim, authors, found.sources)
        return None

    def _obligation(self, found: Candidate) -> Candidate:
        """A statement whose clause says someone must act is a demand on them.

        "The forum concluded that the US must allocate resources": the forum demands (100) of
        the US; what is demanded is then not coded as if it happened.
        """
        if found.pattern.cameo != "010" or found.targets:
            return found
        for clause in syntax.children(found.trigger, {"ccomp"}):
            modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            if modals & OBLIGATION_MODALS:
                demand = replace(found.pattern, cameo="100")
                return Candidate(demand, found.trigger, found.sources,
                                 syntax.clause_subjects(clause), content=found.content)
        return found

    def _intent(self, cameo: str, modality: str, reported: bool) -> str:
        """An action only promised, planned or threatened is coded as that intention (03x/13x)."""
        if modality not in INTENT_MODALITIES and not (reported and modality == "hypothetical"):
            return cameo
        intent = self.book.intent_code(cameo)
        if modality == "threatened" and cameo[:2] not in ("13",):
            return intent if intent and intent.startswith("13") else "130"
        return intent or cameo

    def _refusal(self, cameo: str, trigger: Token, negated: bool, modality: str) -> str | None:
        """The rejection code of a cooperative act an actor will not, refuses, declines or fails
        to do (intent_codes.yaml, refusal); None for any other act, and for a plain past negation
        ("did not meet" says nothing was refused)."""
        if not negated or not (modality in REFUSAL_MODALITIES or syntax.refused(trigger)):
            return None
        return self.book.refusal_code(cameo)

    def _tone(self, pattern: Pattern, trigger: Token) -> str:
        """A plain statement with optimistic or pessimistic words becomes 013 or 012."""
        if pattern.cameo != "010":
            return pattern.cameo
        said = " ".join(t.lemma_.lower() for t in trigger.sent if t.i > trigger.i)
        said = f" {said} "
        if any(f" {cue} " in said for cue in self.book.pessimistic):
            return "012"
        if any(f" {cue} " in said for cue in self.book.optimistic):
            return "013"
        return "010"

    def _verb_targets(
        self, verb: Token, pattern: Pattern, objects: list[Token], actors: Arguments,
        complement: bool = False,
    ) -> list[Token]:
        """The target of a verb: the first of the rules in docs/events.md that names an actor."""
        holders = [verb, *objects, *(p for o in objects for p in syntax.prep_objects(o, "of"))]
        if pattern.prep:
            found = [t for h in holders for t in syntax.prep_objects(h, pattern.prep)]
            if found and not self._actors(found, actors):  # "called for sanctions against X"
                return self._aimed_at(found, actors) or found
            return found
        if syntax.is_passive(verb):
            return syntax.passive_targets(verb)
        # the pattern's own target prepositions first ("complained to X *about* Y"), then the
        # usual places; named actors first, a nationality modifier ("a U.S. request") only
        # when none is found
        views = (actors.named_only(), actors)
        for view in views:
            for prep in pattern.target_preps:
                found = [t for h in holders for t in syntax.prep_objects(h, prep)]
                if self._actors(found, view):
                    return found
        for view in views:
            found = self._argument_targets(pattern, objects, holders, view)
            if found:
                return found
        if pattern.cameo.startswith(COMPLEMENT_TARGET_ROOTS):
            for clause in syntax.children(verb, {"ccomp"}):
                subjects = syntax.clause_subjects(clause)
                if self._actors(subjects, actors):
                    return subjects
        if pattern.cameo.startswith("16"):  # "expelled two Russian diplomats": content is target
            return [o for o in objects if actors.actor_at(o)]
        if complement:
            return []
        bare = replace(pattern, prep=None, objects=frozenset(), target_preps=())
        for clause in syntax.children(verb, {"xcomp"}):  # "threatened to cut off power to X"
            found = self._verb_targets(clause, bare, syntax.children(clause, syntax.OBJECTS),
                                       actors, complement=True)
            if self._actors(found, actors):
                return found
        return self._addressee(verb, actors)

    def _argument_targets(
        self, pattern: Pattern, objects: list[Token], holders: list[Token], actors: Arguments
    ) -> list[Token]:
        """An actor object, else the actor of a target preposition, else the party of the
        object ("rejected X's proposal", "an offer from X", "the withdrawal of X")."""
        others = [o for o in objects if o.lemma_.lower() not in pattern.objects
                  and o.lemma_.lower() not in QUANTITY_NOUNS and not _own(o)]
        if self._actors(others, actors):
            return others
        for prep in self._target_preps(pattern):
            found = [t for h in holders for t in syntax.prep_objects(h, prep)]
            if self._actors(found, actors):
                return found
        return self._object_parties([o for o in objects if not _own(o)], holders, actors)

    def _target_preps(self, pattern: Pattern) -> tuple[str, ...]:
        """The usual target prepositions, less those that name a venue for talks and
        statements ("talks at the White House")."""
        if pattern.cameo.startswith(self.book.venue_roots):
            return tuple(p for p in self.book.target_preps if p not in self.book.venue_preps)
        return tuple(self.book.target_preps)

    def _aimed_at(self, things: list[Token], actors: Arguments) -> list[Token]:
        """Whom the things a pattern's preposition names are aimed at: "called for *sanctions
        against X*", "appealed for *the release of X*"."""
        for view in (actors.named_only(), actors):
            for prep in self.book.target_preps:
                found = [t for thing in things for t in syntax.prep_objects(thing, prep)]
                if self._actors(found, view):
                    return found
            found = self._object_parties(things, things, view)
            if found:
                return found
        return []

    def _object_parties(
        self, objects: list[Token], holders: list[Token], actors: Arguments
    ) -> list[Token]:
        """Whose the thing acted on is: "rejected X's proposal", "a U.S. request", "an offer
        from X", "demanded the withdrawal of X", "an offensive in its war with X"."""
        for thing in objects:
            if self._actors([thing], actors):  # possessor, actor modifier or nationality
                return [thing]
            for prep in self.book.party_preps:
                found = syntax.prep_objects(thing, prep)
                if self._actors(found, actors):
                    return found
        frontier = list(holders)
        for _ in range(FRAME_DEPTH):
            frontier = [o for t in frontier for _, o in syntax.all_prep_objects(t)]
            for prep in self.book.target_preps:
                found = [o for t in frontier for o in syntax.prep_objects(t, prep)]
                if self._actors(found, actors):
                    return found
        return []

    def _addressee(self, verb: Token, actors: Arguments) -> list[Token]:
        """"summoned X's ambassador to complain": a purpose clause is addressed to the object
        of the verb it completes (not where that object is the clause's own subject: "urged X
        to act", OBJECT_CONTROL)."""
        head = verb.head
        if (verb.dep_ not in ("xcomp", "advcl") or not syntax.is_infinitive(verb)
                or head.lemma_ in syntax.OBJECT_CONTROL):  # "urged X to act": X acts
            return []
        objects = syntax.children(head, syntax.OBJECTS)
        return objects if self._actors(objects, actors) else []

    def _match_noun(
        self, noun: Token, lemmas: set[str], actors: Arguments, reactions: set[int]
    ) -> Candidate | None:
        modifiers = {m.lemma_.lower() for c in noun.children
                     if c.dep_ in ("compound", "amod", "nmod")
                     for m in syntax.conjuncts(c)}  # "artillery and rocket fire"
        for pattern in self.book.nouns[noun.lemma_.lower()]:
            if pattern.requires and not (pattern.requires & lemmas):
                continue
            if pattern.modifiers and not (pattern.modifiers & modifiers):
                continue
            between = syntax.prep_objects(noun, "between")
            if between and "between" not in pattern.target_preps:
                group = [t for b in between for t in syntax.conjuncts(b)]
                return Candidate(pattern, noun, group, [], pair=True)
            light_verb = _light_verb(noun)
            # "Obama drew criticism from Democrats": Obama undergoes it, Democrats criticise
            receiving = (light_verb is not None and noun.dep_ in syntax.OBJECTS
                         and light_verb.lemma_.lower() in self.book.receiving_verbs)
            sources = [c for c in noun.children if c.dep_ == "poss"]
            named = [t for p in pattern.source_preps for t in syntax.prep_objects(noun, p)]
            if receiving:
                named += [t for p in pattern.source_preps
                          for t in syntax.prep_objects(light_verb, p)]
            sources += named
            sources += [c for c in noun.children if c.dep_ in ("compound", "amod")
                        and actors.actor_at(c)]
            if not self._actors(sources, actors) and not named and not receiving:
                holders = self._holders(noun, pattern, reactions)
                sources = sources if holders is None else holders
            if not self._actors(sources, actors) and actors.nationalities.modifier_actor(noun):
                sources = [noun]  # "Israeli air raids": the raids are Israel's
            target_preps = pattern.target_preps or self._target_preps(pattern)
            targets = [t for p in target_preps for t in syntax.prep_objects(noun, p)]
            if not targets and receiving:
                targets = syntax.clause_subjects(light_verb)
            if not targets and light_verb is not None:
                # "gave a warm welcome to X", "were engaged in ethnic cleansing against X"
                targets = [t for p in target_preps for t in syntax.prep_objects(light_verb, p)]
            if targets and not self._actors(targets, actors):
                # "demonstrations against violations by X": the party of what it is against
                targets = self._object_parties(targets, [], actors) or targets
            pair = (pattern.symmetric and not self._actors(targets, actors.named_only())
                    and len(self._actors(sources, actors)) >= 2)  # "X and Y held talks"
            return Candidate(pattern, noun, sources, targets, pair)
        return None

    def _holders(self, noun: Token, pattern: Pattern, reactions: set[int]
                 ) -> list[Token] | None:
        """Who takes part in an event noun, read from the verb it hangs from: "X held talks",
        "X was locked in talks", "retook the town after fighting"; not "in the wake of the
        attack" (deeper), nor "X condemned the attack" (a reaction) or "X stopped the attacks"
        (preventing_verbs), and the victim of a passive is no participant in violence ("one man
        was hurt in the firing"). None where the verb says nothing of them."""
        phrase = noun
        if noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
            phrase = noun.head.head  # "after five days of fighting"
        verb = syntax.governing_verb(phrase, hops=3)
        if verb is None or noun.dep_ in ("nsubj", "nsubjpass"):
            return None
        against = verb.i in reactions or verb.lemma_.lower() in self.book.preventing_verbs
        if against and not any(t.dep_ == "prep" and t.lower_ in self.book.circumstance_preps
                               for t in _path_up(phrase, verb)):
            return None
        violent = pattern.cameo[:2] in ("17", "18", "19", "20")
        return syntax.clause_subjects(verb, participant=not violent or verb.lemma_ in PARTICIPATION)

    # -- building events ----------------------------------------------------------------
    def _actors(self, tokens: list[Token], actors: Arguments) -> list[Actor]:
        """The actors named by ``tokens`` and the actors coordinated with them ("the US and
        the EU"); a word that is no actor brings in none of its conjuncts ("negotiations" that a
        misparse coordinates with "Syria, Yemen and Libya")."""
        resolved: list[Actor] = []
        for token in tokens:
            if self._actor_of(token, actors) is None:
                continue
            for member in syntax.conjuncts(token):
                actor = self._actor_of(member, actors)
                if actor is not None and all(actor is not r for r in resolved):
                    resolved.append(actor)
        return resolved

    def _actor_of(self, token: Token, actors: Arguments) -> Actor | None:
        actor = actors.actor_at(token)
        if actor is None:
            # "X, the envoy"; "army bulldozers", "police firing": the instrument's owner
            related = syntax.children(token, {"appos", "compound", "poss", "nmod", "amod"})
            actor = next((a for a in map(actors.actor_at, related) if a), None)
        if actor is None and actors.nationality and token.pos_ in ("NOUN", "PROPN"):
            # "German goods": Germany's; "X, the U.N. relief coordinator": the UN's
            owners = [token, *syntax.children(token, {"appos"})]
            actor = next(filter(None, map(actors.nationalities.modifier_actor, owners)), None)
        if actor is None and token.lemma_.lower() in self.book.group_nouns:
            # "members of X", "a group of X diplomats", "doctors from X aid groups"
            members = [o for p in ("of", "from") for o in syntax.prep_objects(token, p)]
            for member in members:  # "thousands of students from X": down the tree
                actor = self._actor_of(member, actors)
                if actor is not None:  # the group is the actor's people, not the actor itself
                    phrase = token.doc[token.left_edge.i : member.right_edge.i + 1].text
                    return replace(actor, text=phrase, resolution=[
                        f"group noun '{token.text}' of '{actor.text}'", *actor.resolution])
            for place in syntax.prep_objects(token, "in"):  # "opposition groups in X": X's people
                found = actors.actor_at(place)
                if found is not None and found.country in self.dictionary.countries:
                    phrase = token.doc[token.left_edge.i : place.right_edge.i + 1].text
                    return Actor(text=phrase, code=found.country, country=found.country,
                                 sectors=[], resolution=[
                                     f"group noun '{token.text}' in '{found.text}' -> "
                                     f"{found.country}", *found.resolution])
        return actor

    def _events(
        self, parsed: ParsedArticle, sentence: ParsedSentence, candidate: Candidate,
        actors: Arguments,
    ) -> list[Event]:
        sources = self._authors(candidate, actors)
        targets = self._actors(candidate.targets, actors)
        speaker_verb = syntax.speaker_clause(candidate.trigger, SPEECH_LEMMAS)
        reporters = self._actors(syntax.clause_subjects(speaker_verb), actors) if speaker_verb else []
        if not sources and reporters and _speaker_is_subject(speaker_verb, candidate):
            sources = reporters  # "We will roll back sanctions," the official said
        if reporters and reporters[0].country and any(_own(t) for t in candidate.sources):
            speaker = reporters[0]  # "Bosnian Serbs said their forces had withdrawn"
            sources = [s if s.country else replace(
                s, code=f"{speaker.country}{s.code}", country=speaker.country,
                resolution=[*s.resolution, f"the speaker's own: '{speaker.text}'"])
                for s in sources]
        if (not sources and candidate.pattern.agent and not candidate.pair
                and (candidate.pattern.kind == "noun"
                     or all(t.pos_ == "PRON" for t in candidate.sources))):
            sources = [_implied_agent(candidate.pattern)]  # "five men were arrested": by police
        places = self._actors(_place_objects(candidate), actors)
        if candidate.pair:
            dyads = [(a, b) for a in sources for b in sources if a is not b]
        elif not sources and not targets:
            return []
        else:
            if not targets and not candidate.pattern.cameo.startswith(self.book.venue_roots):
                targets = places  # "blocked roads in Algiers": the place stands for its country
            dyads = [(s, t or self._dissent_target(candidate.pattern, s))
                     for s in (sources or [None]) for t in (targets or [None])
                     if s is None or t is None or s.code != t.code or s.name != t.name]
        return [
            self._event(parsed, sentence, candidate,
                        *self._domestic(source, target, places, candidate.pattern),
                        reporters[0] if reporters else None)
            for source, target in dyads
        ]

    def _authors(self, candidate: Candidate, actors: Arguments) -> list[Actor]:
        """The sources, less the victims of a violent act: a phrase naming victims ("the victims
        of last week's terror attack"; actors stage, ``ArticleActors.is_victim``) and those who
        died or were hurt in it ("25,000 people died during the bombing") never carried it out."""
        if candidate.pattern.cameo[:2] not in ASSAULT_ROOTS:
            return self._actors(candidate.sources, actors)
        authors = [t for t in candidate.sources if not _suffers(t, candidate.trigger)]
        is_victim = getattr(actors.resolved, "is_victim", None)  # stand-ins may lack it
        return [s for s in self._actors(authors, actors) if not (is_victim and is_victim(s))]

    def _domestic(
        self, source: Actor | None, target: Actor | None, places: list[Actor], pattern: Pattern
    ) -> tuple[Actor | None, Actor | None]:
        """A party with no country ("about 20 people", "Shona rebels", "Judge X") belongs to
        the country where the act happens ("killed three men in southern Serbia"). Failing a
        place, the unnamed target of a conflictual act (quad class 3-4) by a country's police or
        courts ("domestic_sectors") is of that country, unless it is a government or army role
        ("foreign_sectors"): "Egyptian police opened fire on demonstrators" (not "US airstrikes
        killed civilians", nor "the U.S. supports the rebels", cooperation, nor "an Iranian was
        detained", whose unnamed side is the source). International bodies (IGO, NGO) lend and
        take no country."""
        if source is None or target is None or bool(source.country) == bool(target.country):
            return source, target
        known, unknown = (source, target) if source.country else (target, source)
        home = next((p for p in places if p.country in self.dictionary.countries), None)
        if (home is None and unknown is target and unknown.name is None
                and self.cameo[pattern.cameo].quad_class >= 3
                and set(known.sectors) & self.book.domestic_sectors
                and not set(unknown.sectors) & self.book.foreign_sectors):
            home = known
        if home is None or home.country not in self.dictionary.countries:
            return source, target
        filled = replace(unknown, code=f"{home.country}{unknown.code}", country=home.country,
                         resolution=[*unknown.resolution, "domestic: no country named, that "
                                     f"of '{home.text}' ({home.country})"])
        return (source, filled) if known is source else (filled, target)

    def _dissent_target(self, pattern: Pattern, source: Actor | None) -> Actor | None:
        """"Egyptian demonstrators rioted": dissent with no named target is aimed at the
        government of the dissenters' country (roots in arguments.yaml); a state's own
        protest ("Iran protested") keeps no target."""
        if (source is None or not source.country or self._is_state(source)
                or not pattern.cameo.startswith(self.book.dissent_roots)):
            return None
        return Actor(text="", code=f"{source.country}GOV", country=source.country,
                     sectors=["GOV"], resolution=[
                         f"implied target: dissent by '{source.text}' without a named target "
                         f"is aimed at the government of {source.country} (arguments.yaml)"])

    def _is_state(self, actor: Actor) -> bool:
        """A government, its forces or the country itself ("Algeria"), not its people
        ("Young Algerians", "Egyptian demonstrators")."""
        if set(actor.sectors) & self.book.state_sectors:
            return True
        key = tuple(w for w in words(actor.text) if w != "the")
        return not actor.sectors and any(
            e.kind in (COUNTRY, CAPITAL) for e in self.dictionary.lookup(key))

    def _event(
        self, parsed: ParsedArticle, sentence: ParsedSentence, candidate: Candidate,
        source: Actor | None, target: Actor | None, reported_by: Actor | None,
    ) -> Event:
        pattern = candidate.pattern
        trigger = candidate.trigger
        negated = syntax.negated(trigger)
        modality = syntax.modality(trigger)
        refusal = self._refusal(pattern.cameo, trigger, negated, modality)
        if refusal:  # "will not lift the embargo": a rejection that took place
            negated, modality = False, "asserted"
        code: CameoCode = self.cameo[refusal or
            self._intent(self._tone(pattern, trigger), modality, reported_by is not None)]
        offset = sentence.span.start_char
        # sentence.text is stripped of leading whitespace; offsets are relative to it
        lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
        trigger_span = [trigger.idx - offset - lead, trigger.idx - offset - lead + len(trigger)]
        doc_id = parsed.article.id
        features = event_features(
            kind=pattern.kind, specificity=pattern.specificity, quad_class=code.quad_class,
            statement=code.root == "01",
            source=source, target=target, trigger=trigger,
            arguments=candidate.sources + candidate.targets, modality=modality, negated=negated,
            reported=reported_by is not None,
        )
        features = calibration.with_root_prior(features, code.root)
        confidence = calibration.probability(features)
        identity = "|".join([doc_id, str(sentence.index), str(trigger.i - sentence.span.start),
                             code.code, *_identity(source), *_identity(target)])
        return Event(
            event_id=hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16],
            doc_id=doc_id,
            sentence_index=sentence.index,
            sentence=sentence.text,
            trigger=trigger.text,
            cameo=code.code,
            cameo_root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            plover=code.plover,
            plover_mode=code.plover_mode,
            source=source,
            target=target,
            negated=negated,
            modality=modality,
            date=parsed.article.date,
            date_precision="day" if parsed.article.date else None,
            reported_by=reported_by,
            confidence=confidence,
            coder_version=self.version,
            url=parsed.article.url,
            evidence={
                "rule": pattern.id,
                "rule_source": pattern.rule_source,
                "spans": {
                    "trigger": trigger_span,
                    "source": _span(source),
                    "target": _span(target),
                },
                "source_resolution": list(source.resolution) if source else [],
                "target_resolution": list(target.resolution) if target else [],
                "confidence_features": {name: round(value, 3) for name, value in features.items()},
                "confidence_parts": calibration.coded_parts(confidence, source, target),
            },
        )


def _background(trigger: Token) -> bool:
    """A verb in the past tense or participle modifying a noun ("talks *held* in May"), not in
    the present perfect, which tells what is still news ("claims which Moscow *has* denied")."""
    return (trigger.pos_ in ("VERB", "AUX") and trigger.dep_ in ("relcl", "acl")
            and trigger.tag_ in ("VBN", "VBD")
            and not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in trigger.children))


def _suffers(token: Token, trigger: Token) -> bool:
    """True for the subject of another verb saying it died or was hurt ("people died during
    the bombing", "three were wounded in the attack")."""
    verb = token.head
    if verb.i == trigger.i:
        return False
    lemma = verb.lemma_.lower()
    return (token.dep_ == "nsubj" and lemma in SUFFERING_LEMMAS) or (
        token.dep_ == "nsubjpass" and lemma in HARM_LEMMAS)


def _place_implied(resolved: ArticleActors, events: list[Event]) -> None:
    """Implied parties ("were arrested": by police) take the article's country, as the actors
    stage finds it (``ArticleActors.place_implied``; stand-ins for it may lack the method)."""
    place = getattr(resolved, "place_implied", None)
    if place is not None:
        place(events)


def _implied_agent(pattern: Pattern) -> Actor:
    sector = pattern.agent or ""
    return Actor(text="", code=sector, country=None, sectors=[sector],
                 resolution=[f"implied agent of {pattern.id} ({pattern.rule_source})"])


def _path_up(token: Token, ancestor: Token) -> list[Token]:
    """The tokens between ``token`` and its ``ancestor`` on the dependency path."""
    path = []
    node = token.head
    while node.i != ancestor.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def _light_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition ("gave a
    *welcome*", "engaged in *cleansing*"): its prepositions may name the noun's target."""
    if noun.dep_ in syntax.OBJECTS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.pos_ == "ADP" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _place_objects(candidate: Candidate) -> list[Token]:
    """Where the act happens: "blocked roads in X", "threatened to impose a curfew in X",
    "remained on alert in X"."""
    trigger = candidate.trigger
    light_verb = _light_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    verbs = [trigger, *syntax.children(trigger, {"xcomp"}), *filter(None, [light_verb])]
    holders = [*verbs, *(o for v in verbs for o in syntax.children(v, syntax.OBJECTS))]
    return [t for h in holders for t in syntax.prep_objects(h, "in")]


POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}


def _own(thing: Token) -> bool:
    """"withdrew its troops", "closed their borders": the subject's own, no target."""
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in thing.children)


def _complement_of(token: Token, head: Token, deps: tuple[str, ...] = ("ccomp", "xcomp")) -> bool:
    """Whether ``token`` lies in a complement (by default a clause: ccomp / xcomp) of ``head``."""
    node = token
    for _ in range(8):
        if node.head.i == node.i or node.dep_ == "relcl":  # "action against X who killed Y"
            return False
        if node.head.i == head.i:
            return node.dep_ in deps
        node = node.head
    return False



def _drop_carriers_and_requested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one event per intention and none for what is only asked for or supposed.

    "agreed to provide aid": the complement, coded as an intention (033), replaces the bare
    "agree" (030). "demanded that Hamas renounce violence": renouncing is what is demanded, not
    an event; nor is "Baghdad accepted" in "unless Baghdad accepted its conditions".
    """
    kept = []
    for candidate in candidates:
        trigger = candidate.trigger
        carrier = (candidate.pattern.specificity == 0
                   and trigger.lemma_.lower() in INTENT_CARRIERS
                   and any(o is not candidate and _complement_of(o.trigger, trigger)
                           and o.pattern.cameo[:2] not in ("01",) for o in candidates))
        content = any(o is not candidate and _complement_of(trigger, o.trigger, deps)
                      for o in candidates for prefix, deps in CONTENT_DEPS.items()
                      if o.pattern.cameo.startswith(prefix))
        if not carrier and not content and not syntax.in_condition(trigger):
            kept.append(candidate)
    return kept


def _covers(fuller: Event, partial: Event) -> bool:
    """Whether ``fuller`` is the same kind of event of the same sentence as ``partial`` with
    a side ``partial`` lacks: "Iran threatened to launch an offensive against Iraq" and the
    "offensive" without target are one threat, coded once with both sides."""
    if fuller is partial or _kind(fuller) != _kind(partial) or fuller.negated != partial.negated:
        return False
    sides = [(fuller.source, partial.source),
             (_named(fuller.target), _named(partial.target))]
    if any(mine is None and other is not None for mine, other in sides):
        return False
    same = all(other is None or _identity(mine) == _identity(other) for mine, other in sides)
    return same and any(other is None and mine is not None for mine, other in sides)


def _named(actor: Actor | None) -> Actor | None:
    """The target, unless it is only implied (a protest: at the government), which a named
    one of the same event replaces. (An implied source, the police of "were arrested", stays:
    a named source of the same kind is often another party's act.)"""
    return actor if actor is not None and actor.text else None


def _kind(event: Event) -> str:
    return event.plover or event.cameo_root


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


SPEAKER_PRONOUNS = {"we", "i", "it", "they", "he", "she"}


def _speaker_is_subject(speaker_verb: Token, candidate: Candidate) -> bool:
    """Whether the reported clause's subject is the speaker: "We will act," X said; "X said it
    would allow inspectors" (a pronoun in the reported clause most often means the speaker)."""
    if any(t.lower_ in SPEAKER_PRONOUNS for t in candidate.sources):
        return True
    quoted = [t for t in speaker_verb.subtree if t.i != speaker_verb.i]
    return any(t.lower_ in ("we", "i") and t.dep_ in ("nsubj", "nsubjpass") for t in quoted)


def _identity(actor: Actor | None) -> tuple[str, str]:
    """Who an actor is, for telling two events of a sentence apart (two RUSGOV people differ)."""
    return (actor.code, actor.name or actor.text) if actor else ("", "")


def _span(actor: Actor | None) -> list[int] | None:
    """The actor's span; the actors stage already measures it within the stripped sentence."""
    if actor is None or actor.start is None or actor.end is None:
        return None
    return [actor.start, actor.end]
