"""Pattern matching: the candidate events of one sentence.

1. every verb whose lemma has patterns is tried, most specific pattern first;
2. every event noun ("talks", "sanctions", "annexation") not already used by a verb pattern.

A match is a ``Candidate``: its pattern, trigger and the words of its sources and targets, read off
the dependency parse (source = logical subject: agent in the passive, controller in "aims to
meet"; targets by ``events.arguments``). Which candidates stand is ``events.filters``'s job.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.actors.fixing import Arguments
from eventwire.events.arguments import (
    QUANTITY_NOUNS,
    light_verb,
    object_parties,
    target_preps,
    verb_targets,
)
from eventwire.events.candidate import Candidate
from eventwire.events.patterns import Pattern, PatternBook
from eventwire.events.senses import (
    detail_words,
    forecast,
    means_words,
    one_person,
    one_victim,
    other_sense,
    verbal,
)
from eventwire.events.stances import what_is_said
from eventwire.events.statements import speakers
from eventwire.nlp import syntax
from eventwire.records import Actor, ParsedSentence

Token = Any

SPEECH_LEMMAS = frozenset(
    {"say", "tell", "state", "announce", "declare", "add", "remark", "note", "claim", "insist",
     "warn", "believe", "stress", "report", "write", "explain", "argue", "assert", "suggest",
     "conclude", "confirm", "reiterate", "indicate"}
)
# Passive verbs whose subject takes part in the nominal event ("forces were engaged in
# fighting"), unlike "a man was hurt in the firing".
PARTICIPATION = {"engage", "involve", "embroil", "lock", "mire", "bog"}
# Coercion and violence (CAMEO 17-20): never dropped as background when told in a relative clause,
# and a passive subject is no participant in them ("one man was hurt in the firing").
VIOLENT_ROOTS = ("17", "18", "19", "20")
# Named entities that are someone, for ``actor_object``: a person the dictionary lacks is a guest.
PERSON_ENTITIES = ("PERSON", "NORP", "ORG", "GPE")




def candidates(
    book: PatternBook, sentence: ParsedSentence, lemmas: set[str], actors: Arguments
) -> list[Candidate]:
    """Every verb pattern, then every noun pattern the sentence matches (a noun a verb pattern
    used as its content is no event of its own)."""
    consumed: set[int] = set()
    found: list[Candidate] = []
    for token in sentence.span:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in book.verbs:
            match = match_verb(book, token, lemmas, actors)
            if match:
                found.append(match)
                consumed.update(match.content)
                implied = implied_accusation(match)
                if implied:
                    found.append(implied)
    found = [what_is_said(book, actors, c) for c in found]
    # "Iran condemned the attack": whoever reacts to an act is not its author
    reactions = {c.trigger.i for c in found if c.pattern.cameo.startswith(book.reaction_codes)}
    for token in sentence.span:
        if token.i in consumed or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue  # a compound modifies its head ("battle zones", "protest rally")
        if token.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 6" names a day, not a march
        if token.lemma_.lower() in book.nouns:
            match = match_noun(book, token, lemmas, actors, reactions)
            if match:
                found.append(match)
    return found


def match_verb(
    book: PatternBook, verb: Token, lemmas: set[str], actors: Arguments
) -> Candidate | None:
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
    if _strives(book, verb, objects) or other_sense(book, verb):
        return None
    complements = {c.lemma_.lower() for c in syntax.children(verb, {"xcomp"})}
    words = means_words(book, verb)
    for pattern in book.verbs[verb.lemma_.lower()]:
        if pattern.particle and pattern.particle != particle:
            continue
        if pattern.objects and not (pattern.objects & object_lemmas):
            continue
        if pattern.requires and not (pattern.requires & lemmas):
            continue
        if pattern.complements and not (pattern.complements & complements):
            continue
        if pattern.passive and not syntax.is_passive(verb):
            continue
        if pattern.means and not (pattern.means & words):
            continue
        if pattern.details and not (pattern.details & detail_words(verb)):
            continue
        if pattern.actor_object is not None and not _guest(pattern, verb, actors):
            continue
        targets = verb_targets(book, verb, pattern, objects, actors)
        if pattern.prep and not targets:
            continue
        sources = speakers(book, actors, verb)
        if not actors.actors(sources):
            sources = _purpose_of_event(book, verb) or sources
        if pattern.cameo[:2] in VIOLENT_ROOTS and not actors.actors(sources):
            sources = (_act_authors(book, sources, lemmas, actors)
                       or _harm_clause_authors(book, verb, lemmas, actors) or sources)
        elif pattern.cameo[:2] in VIOLENT_ROOTS and not _specific(actors.actors(sources)):
            # "Turkish army attacks killed 20": the army (TURMIL), not only Turkey
            sources = [c for s in sources for c in s.children if actors.is_force_modifier(c)] or sources
        if receiving_infinitive(book, verb):  # "Washington is to blame": Washington is blamed
            targets, sources = sources, []
        if syntax.is_purpose(verb) and not actors.actors(sources):
            sources = []  # "they took the help of the police to arrest him": implied agent
        if pattern.source_sectors and not any(
                a.sectors and a.sectors[0] in pattern.source_sectors
                for a in actors.actors(_spoken_for(sources))):
            continue  # "police raided the offices": a search, not the army's raid
        if pattern.source_preps:  # "Israel received aid from the US": the subject receives
            targets = sources
            sources = [t for p in pattern.source_preps for holder in (verb, *contents)
                       for t in syntax.prep_objects(holder, p)]
        pair = False
        if (pattern.symmetric and not actors.named_only().actors(targets)
                and len(actors.actors(sources)) >= 2):  # not "talks on a US plan"
            pair = True
        used = tuple(o.i for o in contents if o.lemma_.lower() in pattern.objects)
        sense = one_person(book, one_victim(
            book, forecast(book, verbal(book, pattern, verb), verb), verb), verb,
            actors.actors(sources), _places(actors, verb))
        return Candidate(sense, verb, sources, targets, pair, used)
    return None


def receiving_infinitive(book: PatternBook, verb: Token) -> bool:
    """"X is to blame": the infinitive of a verb in ``receiving_infinitives`` after "be" is
    done to the subject of "be" (by whoever says so), not by it; with a direct object it is
    the subject's plan ("Russia's strategy is to blame Ukraine": Russia blames Ukraine)."""
    return (verb.lemma_.lower() in book.receiving_infinitives and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() == "be" and syntax.is_infinitive(verb)
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children))


def _spoken_for(sources: list[Token]) -> list[Token]:
    """The sources, a pronoun read as the speaker whose reported clause it is in ("police said
    *they* had raided a flat": the police, as the coder reads it when it codes the event)."""
    if not sources or not all(s.pos_ == "PRON" for s in sources):
        return sources
    verb = syntax.speaker_clause(sources[0], SPEECH_LEMMAS)
    return syntax.clause_subjects(verb) if verb is not None else sources


def _places(actors: Arguments, trigger: Token) -> frozenset[int]:
    """Indices of the trigger's objects (its on/against objects) that resolve to a place or a
    bare country, not a person: "attacked *Kharkiv*" (a town a tagger may call a person)."""
    held = syntax.children(trigger, syntax.OBJECTS | syntax.PASSIVE_SUBJECTS) + [
        o for p in ("on", "against") for o in syntax.prep_objects(trigger, p)]
    return frozenset(t.i for t in held for a in actors.actors([t]) if a.code == a.country
                     or any("places.tsv" in r or "countries.tsv" in r for r in a.resolution))


def _guest(pattern: Pattern, verb: Token, actors: Arguments) -> bool:
    """"received *the Japanese prime minister*", "received *a delegation*": the object (a
    passive's subject) names an actor or one of the pattern's ``actor_object`` words; not
    "received *criticism* from X" (actor_object)."""
    objects = syntax.children(verb, syntax.OBJECTS | syntax.PASSIVE_SUBJECTS)
    return bool(actors.actors(objects)) or any(
        o.lemma_.lower() in (pattern.actor_object or ()) or o.ent_type_ in PERSON_ENTITIES
        for o in objects)


def _act_authors(book: PatternBook, subjects: list[Token], lemmas: set[str], actors: Arguments
                 ) -> list[Token]:
    """"An air strike *by the coalition* killed 12 civilians", "ISIS carried out an attack
    that killed 17": a violent act whose subject is itself a violent event noun was done by
    whoever carried out that act (the noun's own source, as ``match_noun`` reads it). The
    subject of the verb the noun hangs from counts only where that verb carries the act out
    (authoring_verbs): "X condemned the attack that killed 17", "X issued a warning after the
    bombings that killed 250" are no killings by X."""
    for subject in subjects:
        if subject.pos_ not in ("NOUN", "PROPN") or subject.lemma_.lower() not in book.nouns:
            continue
        act = match_noun(book, subject, lemmas, actors, set())
        if act is None or act.pair or act.pattern.cameo[:2] not in VIOLENT_ROOTS:
            continue
        holder = syntax.governing_verb(subject, hops=3)
        held = ({t.i for t in syntax.clause_subjects(holder, participant=True)}
                if holder is not None and holder.lemma_.lower() not in book.authoring_verbs
                else set())
        authors = [t for t in act.sources if t.i not in held]
        forces = [c for c in subject.children if actors.is_force_modifier(c)]
        if forces and not _specific(actors.actors(authors)):
            authors = forces  # "an army raid killed two men": the army did
        if actors.actors(authors):
            return authors
    return []


def _harm_clause_authors(book: PatternBook, verb: Token, lemmas: set[str], actors: Arguments
                         ) -> list[Token]:
    """"Two policemen were killed *when gunmen opened fire* on their car": a passive violent
    verb with no by-phrase was done by the named subject of the violent act of its when / as /
    after clause (harm_clause_words). Not a pronoun subject ("were killed when they attacked"
    may name the victims themselves)."""
    if not syntax.is_passive(verb) or syntax.by_agents(verb):
        return []
    for clause in syntax.children(verb, {"advcl"}):
        opening = [c for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
        if not any(c.lower_ in book.harm_clause_words for c in opening):
            continue
        subjects = syntax.children(clause, syntax.SUBJECTS)
        if not subjects or any(s.pos_ == "PRON" for s in subjects):
            continue
        act = match_verb(book, clause, lemmas, actors) if clause.lemma_.lower() in book.verbs else None
        if act is not None and act.pattern.cameo[:2] in VIOLENT_ROOTS and actors.actors(act.sources):
            return act.sources
    return []


def _strives(book: PatternBook, verb: Token, objects: list[Token]) -> bool:
    """"battled to save his life": a conflict verb completed by a to-infinitive, with no
    object or preposition of its own, names an effort, not a fight (striving_verbs)."""
    return (verb.lemma_.lower() in book.striving_verbs and not objects
            and not syntax.children(verb, {"prep"})
            and any(syntax.is_infinitive(c) for c in syntax.children(verb, {"xcomp", "advcl"})))


def _purpose_of_event(book: PatternBook, verb: Token) -> list[Token]:
    """"began a hunger strike *to protest*", "held a rally *to demand*": the purpose of an
    event noun is pursued by whoever holds the event (the subject of its light verb)."""
    noun = verb.head
    if (verb.dep_ not in ("acl", "relcl") or not syntax.is_infinitive(verb)
            or noun.lemma_.lower() not in book.nouns):
        return []
    held_by = light_verb(noun)
    return syntax.clause_subjects(held_by) if held_by is not None else []


def implied_accusation(found: Candidate) -> Candidate | None:
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


def match_noun(
    book: PatternBook, noun: Token, lemmas: set[str], actors: Arguments, reactions: set[int]
) -> Candidate | None:
    modifiers = {m.lemma_.lower() for c in noun.children
                 if c.dep_ in ("compound", "amod", "nmod")
                 for m in syntax.conjuncts(c)}  # "artillery and rocket fire"
    if other_sense(book, noun):  # "a heart attack"
        return None
    words = means_words(book, noun)
    for pattern in book.nouns[noun.lemma_.lower()]:
        if pattern.requires and not (pattern.requires & lemmas):
            continue
        if pattern.means and not (pattern.means & words):
            continue
        if pattern.modifiers and not (pattern.modifiers & modifiers):
            continue
        between = syntax.prep_objects(noun, "between")
        if between and "between" not in pattern.target_preps:
            group = [t for b in between for t in syntax.conjuncts(b)]
            return Candidate(pattern, noun, group, [], pair=True)
        if pattern.prep and not actors.actors(syntax.prep_objects(noun, pattern.prep)):
            continue  # "an anonymous phone call": no party named with "with", no consultation
        return _noun_candidate(book, noun, pattern, actors, reactions)
    return None


def _noun_candidate(
    book: PatternBook, noun: Token, pattern: Pattern, actors: Arguments, reactions: set[int]
) -> Candidate:
    verb = light_verb(noun)
    # "Obama drew criticism from Democrats": Obama undergoes it, Democrats criticise; "its
    # fighters were under attack": the fighters are attacked
    receiving = verb is not None and (
        (noun.dep_ in syntax.OBJECTS and verb.lemma_.lower() in book.receiving_verbs)
        or (noun.dep_ == "pobj" and noun.head.lower_ in book.undergoing_preps))
    # "North Korea was hit with new sanctions": the passive subject undergoes them
    undergone = (verb is not None and noun.dep_ == "pobj" and noun.head.head.i == verb.i
                 and noun.head.lower_ == "with" and verb.lemma_.lower() in book.receiving_passive_verbs
                 and syntax.is_passive(verb)
                 and bool(syntax.children(verb, syntax.PASSIVE_SUBJECTS)))
    receiving = receiving or undergone
    sources = [c for c in noun.children if c.dep_ == "poss"]
    named = [t for p in pattern.source_preps for t in syntax.prep_objects(noun, p)]
    if receiving:
        named += [t for p in pattern.source_preps for t in syntax.prep_objects(verb, p)]
    if undergone:  # "was greeted with a warm welcome by X": the passive's agent gives it
        named += [t for t in [*syntax.by_agents(verb), *syntax.prep_objects(noun, "by")]
                  if t not in named]
    if not receiving:  # "the attack was carried out by X", "strikes launched by X"
        named += _authored_by(book, noun)
    sources += named
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and _modifier_actor(actors, c)]
    forces = [c for c in noun.children if actors.is_force_modifier(c)] if not named else []
    if forces:  # "Israeli army attacks": the army, Israel's, not Israel and its army
        modifiers = [m for m in modifiers if m in forces or actors.actor_at(m) is not actors.actor_at(noun)]
    plotted = bool(book.perpetrator_modifiers & {m.lemma_.lower() for m in noun.children
                                                 if m.dep_ in ("compound", "amod")})
    placed = False
    if plotted:  # "the US terror attacks", "the Paris suicide bombing": where, not whose
        kept = [m for m in modifiers if _specific(actors.actors([m]))]
        placed = len(kept) < len(modifiers) or (
            not kept and actors.nationalities.modifier_actor(noun) is not None)
        modifiers = kept
    sources += modifiers
    # a country dropped as the place leaves no author: never the verb's subject ("Israel
    # responded to Palestinian terror attacks": no attack by Israel)
    if not actors.actors(sources) and not named and not receiving and not placed:
        holders = _holders(book, noun, pattern, reactions)
        sources = sources if holders is None else holders
    if not actors.actors(sources) and not plotted and actors.nationalities.modifier_actor(noun):
        sources = [noun]  # "Israeli air raids": the raids are Israel's
    preps = pattern.target_preps or target_preps(book, pattern)
    targets = [t for p in preps for t in syntax.prep_objects(noun, p)]
    if not targets and receiving:
        targets = (syntax.children(verb, syntax.PASSIVE_SUBJECTS) if undergone
                   else syntax.clause_subjects(verb))
    if not targets and verb is not None:
        # "gave a warm welcome to X", "were engaged in ethnic cleansing against X"
        targets = [t for p in preps for t in syntax.prep_objects(verb, p)]
    if targets and not actors.actors(targets):
        # "demonstrations against violations by X": the party of what it is against
        targets = object_parties(book, targets, [], actors) or targets
    if forces and not receiving and not _specific(actors.actors(sources)) and actors.actors(targets):
        # "the police killing of X": the force carried it out (not the country of the phrase)
        sources = [*[c for c in noun.children if c.dep_ == "poss"], *forces]
    pair = (pattern.symmetric and not actors.named_only().actors(targets)
            and len(actors.actors(sources)) >= 2)  # "X and Y held talks"
    sense = one_person(book, verbal(book, pattern, noun), noun, actors.actors(sources),
                       _places(actors, noun))
    return Candidate(sense, noun, sources, targets, pair)


def _authored_by(book: PatternBook, noun: Token) -> list[Token]:
    """The by-phrase of a passive verb that tells who carried out the event noun
    (authoring_verbs): the noun as its subject ("the bombing was claimed by X") or a
    participle or relative clause on the noun ("an attack carried out by X", "the massacre,
    which was committed by X")."""
    verbs = [noun.head] if noun.dep_ == "nsubjpass" else []
    verbs += syntax.children(noun, {"acl", "relcl"})
    return [agent for verb in verbs
            if verb.lemma_.lower() in book.authoring_verbs and syntax.is_passive(verb)
            for agent in syntax.by_agents(verb)]


def _modifier_actor(actors: Arguments, modifier: Token) -> bool:
    """Whether a modifier of an event noun names an actor of its own ("police killings"), not
    one the noun is only attached to: in "acquitted X of involvement in protester killings"
    the words after X belong to X's phrase, and X is no author of the killings."""
    actor = actors.actor_at(modifier)
    return actor is not None and all(actors.actor_at(a) is not actor for a in modifier.head.ancestors)


def _holders(book: PatternBook, noun: Token, pattern: Pattern, reactions: set[int]
             ) -> list[Token] | None:
    """Who takes part in an event noun, read from the verb it hangs from: "X held talks",
    "X was locked in talks", "captured the town after fighting"; not "in the wake of the
    attack" (deeper), nor "X condemned the attack" (a reaction) or "X stopped the attacks"
    (preventing_verbs), and the victim of a passive is no participant in violence ("one man
    was hurt in the firing"), nor, for violence, what comes before or after a verb that is
    no violence itself (sequence_preps: "France raised its alert level after the attacks").
    None where the verb says nothing of them."""
    phrase = noun
    if noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        phrase = noun.head.head  # "after five days of fighting"
    verb = syntax.governing_verb(phrase, hops=3)
    if verb is None or noun.dep_ in ("nsubj", "nsubjpass"):
        return None
    against = verb.i in reactions or verb.lemma_.lower() in book.preventing_verbs
    if against and not any(t.dep_ == "prep" and t.lower_ in book.circumstance_preps
                           for t in _path_up(phrase, verb)):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # "troops fought an enemy using car bombs": the enemy uses them
    violent = pattern.cameo[:2] in VIOLENT_ROOTS
    if violent and verb.lemma_.lower() in book.telling_verbs and (
            verb.lemma_.lower() != "be" or _claimed(verb) or not any(
                t.lower_ in book.responsibility_words for t in _path_up(phrase, verb))):
        return None  # "an official reported an attack", "it was a targeted attack": no author
    if violent and (not _violent_verb(book, verb) or not pattern.symmetric) and any(
            t.dep_ == "prep" and t.lower_ in book.sequence_preps for t in _path_up(phrase, verb)):
        # "France raised its alert level after the attacks": no attack by France; "the army
        # shelled the town after the rebel attack": a one-sided act before another is not its
        # doer's (a fight before a capture still is: "captured the town after fighting")
        return None
    return syntax.clause_subjects(verb, participant=not violent or verb.lemma_ in PARTICIPATION)


def _claimed(verb: Token) -> bool:
    """Whether "be" is a reported clause with a pronoun subject: "the group said *it was* behind
    the attack" is a claim of responsibility, no act of the news (judged so in the audits)."""
    return verb.dep_ == "ccomp" and any(s.pos_ == "PRON" for s in syntax.children(verb, syntax.SUBJECTS))


def _specific(found: list[Actor]) -> bool:
    """Whether any of ``found`` says who, not only whose: a name or a sector ("Israeli army
    attacks" names the army; "Israeli attacks" only the country)."""
    return any(a.sectors or a.name for a in found)


def _violent_verb(book: PatternBook, verb: Token) -> bool:
    """Whether a verb has a pattern of coercion or violence ("captured", "fought", "arrested")."""
    return any(p.cameo[:2] in VIOLENT_ROOTS for p in book.verbs.get(verb.lemma_.lower(), ()))


def _path_up(token: Token, ancestor: Token) -> list[Token]:
    """The tokens between ``token`` and its ``ancestor`` on the dependency path."""
    path = []
    node = token.head
    while node.i != ancestor.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path
