"""Pattern matching: the candidate events of one sentence.

1. every verb whose lemma has patterns is tried, most specific pattern first;
2. every event noun ("talks", "sanctions", "annexation") not already used by a verb pattern.

A match is a ``Candidate``: its pattern, trigger and the words of its sources and targets, read off
the dependency parse (source = logical subject: agent in the passive, controller in "aims to
meet"; targets by ``events.arguments``). Which candidates stand is ``events.filters``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.actors.fixing import Arguments
from eventwire.events.arguments import (
    QUANTITY_NOUNS,
    light_verb,
    object_parties,
    target_preps,
    verb_targets,
)
from eventwire.events.patterns import Pattern, PatternBook
from eventwire.events.senses import forecast, one_victim, other_sense, verbal
from eventwire.nlp import syntax
from eventwire.records import ParsedSentence

Token = Any

SPEECH_LEMMAS = frozenset(
    {"say", "tell", "state", "announce", "declare", "add", "remark", "note", "claim", "insist",
     "warn", "believe", "stress", "report", "write", "explain", "argue", "assert", "suggest",
     "conclude", "confirm", "reiterate", "indicate"}
)
# Passive verbs whose subject takes part in the nominal event ("forces were engaged in
# fighting"), unlike "a man was hurt in the firing".
PARTICIPATION = {"engage", "involve", "embroil", "lock", "mire", "bog"}
# Auxiliaries of what a speaker says its side will do ("said it would retaliate").
# Subjects of a reported clause that name no one else to make demands of or to denounce ("we
# must", "one should", "we were wrong").
SELF_OR_GENERIC = {"we", "i", "you", "one", "it", "this", "that", "there"}
# Subjects that name no one to denounce: "said nothing was wrong", "something is wrong".
NO_ONE = {"nothing", "something", "anything", "everything", "nobody", "none"}
# Dependencies of a clause an anticipatory "it" announces after the predicate: "it was wrong
# *to put* China under the embargo", "it was unacceptable *that Russia had annexed* Crimea",
# "it was a mistake *for Germany to leave*".
EXTRAPOSED_DEPS = {"xcomp", "ccomp", "relcl", "acl"}
# Coercion and violence (CAMEO 17-20): never dropped as background when told in a relative clause,
# and a passive subject is no participant in them ("one man was hurt in the firing").
VIOLENT_ROOTS = ("17", "18", "19", "20")


@dataclass
class Candidate:
    pattern: Pattern
    trigger: Token
    sources: list[Token]
    targets: list[Token]
    pair: bool = False  # sources and targets are one coordinated group ("X and Y met")
    content: tuple[int, ...] = ()  # tokens the pattern used as its content ("impose *sanctions*")


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
        targets = verb_targets(book, verb, pattern, objects, actors)
        if pattern.prep and not targets:
            continue
        sources = speakers(book, actors, verb)
        if not actors.actors(sources):
            sources = _purpose_of_event(book, verb) or sources
        if pattern.cameo[:2] in VIOLENT_ROOTS and not actors.actors(sources):
            sources = (_act_authors(book, sources, lemmas, actors)
                       or _harm_clause_authors(book, verb, lemmas, actors) or sources)
        if syntax.is_purpose(verb) and not actors.actors(sources):
            sources = []  # "they took the help of the police to arrest him": implied agent
        if pattern.source_preps:  # "Israel received aid from the US": the subject receives
            targets = sources
            sources = [t for p in pattern.source_preps for holder in (verb, *contents)
                       for t in syntax.prep_objects(holder, p)]
        pair = False
        if (pattern.symmetric and not actors.named_only().actors(targets)
                and len(actors.actors(sources)) >= 2):  # not "talks on a US plan"
            pair = True
        used = tuple(o.i for o in contents if o.lemma_.lower() in pattern.objects)
        sense = one_victim(book, forecast(book, verbal(book, pattern, verb), verb), verb)
        return Candidate(sense, verb, sources, targets, pair, used)
    return None


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


def what_is_said(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A plain statement (010) is coded by what it says: told to someone, an appeal to them when
    it is what they are to do; with no target, the first of a demand, a criticism, an
    accusation, a threat or a rejection that its reported clause makes."""
    if found.pattern.cameo != "010":
        return found
    asked = instruction(book, actors, found)
    if asked is not found or found.targets:
        return asked
    for reading in (obligation, condemnation, wrongdoing, stated_act):
        read = reading(book, actors, found)
        if read is not found:
            return read
    return found


def speakers(book: PatternBook, actors: Arguments, verb: Token) -> list[Token]:
    """Who says what a speech verb reports: its subject, but the one quoted in "the newspaper
    quoted X as saying" and "X was quoted by Interfax as saying" (statement_cues.yaml quoting),
    not the outlet or statement that quotes. A political actor quoting someone makes its own
    statement ("the spokesman quoted the judge as saying": the spokesman's)."""
    subjects = syntax.clause_subjects(verb)
    quoting = None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":  # "quoted X [as [saying]]"
        quoting = verb.head.head
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        quoting = verb.head
    if quoting is None or quoting.lemma_.lower() not in book.quoting:
        return subjects
    quoters = actors.named_only().actors(subjects)
    if any(not book.press_sectors.intersection(a.sectors) for a in quoters):
        return subjects
    quoted = syntax.children(quoting, syntax.PASSIVE_SUBJECTS if syntax.is_passive(quoting)
                             else {"dobj"})
    return quoted or subjects


def instruction(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement told to someone about what they are to do appeals to them.

    "The minister told Ukraine to withdraw its troops", "'Stop the shelling,' the envoy told
    Syria", "Don't upgrade, agency tells schools": an appeal (statement_cues.yaml instructing)
    to the addressee, whose asked-for act is then not coded as done. Not "told Reuters to
    expect" (an outlet, press_sectors) nor "told Lavrov that ..." (a plain statement to him).
    """
    code = book.instructing.get(found.trigger.lemma_.lower())
    if code is None:
        return found
    addressees = syntax.children(found.trigger, {"dobj", "dative"})
    named = actors.named_only().actors(addressees)  # not "told *Scottish* paper the Herald"
    if not named or any(book.press_sectors.intersection(a.sectors) for a in named):
        return found
    if not any(_asked_to_act(book, c) for c in found.trigger.children):
        return found
    appeal = replace(found.pattern, cameo=code, sense=(
        "a statement telling someone what to do appeals to them (statement_cues.yaml instructing)"))
    return Candidate(appeal, found.trigger, found.sources, addressees, content=found.content)


def _asked_to_act(book: PatternBook, clause: Token) -> bool:
    """An infinitive the addressee is to carry out ("told X *to withdraw*") or an imperative
    reported clause: a bare verb with no subject, marker or auxiliary but "do" ("*Stop* the
    shelling", "Don't *upgrade*"), and no turn of speech ("Let me be clear", speech_imperatives)."""
    if clause.dep_ == "xcomp":
        return syntax.is_infinitive(clause)
    if (clause.dep_ not in ("ccomp", "advcl", "parataxis") or clause.tag_ != "VB"
            or clause.lemma_.lower() in book.speech_imperatives):
        return False
    return not any(c.dep_ in syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS | {"mark", "expl"}
                   or (c.dep_ in ("aux", "auxpass") and c.lemma_.lower() != "do")
                   for c in clause.children)


def obligation(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement whose clause says someone must act is a demand on them.

    "The forum concluded that the US must allocate resources", "said Iran needs to free the
    sailors": the speaker demands (100) of them (statement_cues.yaml obligating); what is
    demanded is then not coded as if it happened. Not of the speaker's side: "we should never
    have to" and an American's "the US must see action from X" demand nothing of anyone; and
    "should" said of a thing is an opinion ("said the matter should be left to lie";
    statement_cues.yaml advising), though "intervention must be avoided" is a demand and "Putin
    should be held accountable" one on Putin.
    """
    for clause in syntax.children(found.trigger, {"ccomp"}):
        subjects = syntax.clause_subjects(clause)
        if (any(s.lower_ in SELF_OR_GENERIC for s in subjects)
                or _speakers_country(actors, found.sources, subjects)):
            continue  # "the US has to see action", said by an American: no demand on anyone
        cue = _obliged(book, clause)
        if cue and not (cue in book.advising and _said_of_a_thing(book, actors, clause)):
            demand = replace(found.pattern, cameo="100")
            return Candidate(demand, found.trigger, found.sources, subjects, content=found.content)
    return found


def _said_of_a_thing(book: PatternBook, actors: Arguments, clause: Token) -> bool:
    """Whether a clause's grammatical subject is a thing: a common noun or gerund that is no
    actor and no pronoun ("*the matter* should be left", "*ridiculing a religion* should not be
    allowed"; not "*Putin* should be held accountable", "*they* should invest", "*BayernLB*
    should not be allowed", nor a party or a policy a demand is made of: "other *nations*
    should follow suit", "the *sanctions* should remain", statement_cues.yaml demanded_of)."""
    nominal = syntax.children(clause, syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS)
    return bool(nominal) and all(
        s.pos_ not in ("PRON", "PROPN") and s.lemma_.lower() not in book.demanded_of
        for s in nominal) and not actors.actors(nominal)


def _obliged(book: PatternBook, clause: Token) -> str | None:
    """The obligating cue of a clause: "must free" (a modal cue), "needs to free" (a verb cue
    with its infinitive); None when there is none."""
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    for cue in book.obligating:
        verb, _, to = cue.partition(" ")
        if not to and verb in modals:
            return cue
        if to and clause.lemma_.lower() == verb and not syntax.children(clause, {"dobj"}) and any(
                syntax.is_infinitive(c) for c in syntax.children(clause, {"xcomp"})):
            return cue
    return None


def condemnation(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement whose clause calls something a crime, illegal, a provocation ... denounces it.

    "The minister said the Russian air strikes were a crime", "... constituted a violation of
    international law": criticism (111) of Russia, whom the clause's subject names or belongs
    to; not "said the strikes were not illegal", nor "we were wrong" (the speaker's own side),
    nor a supposed judgment ("said EU nuclear weapons would be a mistake").
    """
    for clause in syntax.children(found.trigger, {"ccomp"}):
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in syntax.HYPOTHETICAL_AUX)
               for c in clause.children):
            continue  # "would be a mistake": a supposed judgment, advice rather than criticism
        predicates = _predicates(book, clause)
        words = {w for p in predicates for w in _predicate_words(p)}
        subjects = syntax.clause_subjects(clause)
        if not words & book.condemning or any(s.lower_ in NO_ONE for s in subjects):
            continue
        extraposed = _extraposed(clause, predicates) if any(s.lower_ == "it" for s in subjects) else []
        if extraposed:  # "said it was wrong to put China under the embargo": that act is denounced
            subjects = _denounced_doers(actors, extraposed)
            if subjects is None:
                continue
        elif any(s.lower_ in SELF_OR_GENERIC for s in subjects):
            continue
        criticism = replace(found.pattern, cameo="111", sense=(
            "a statement calling something a crime, illegal ... denounces it "
            "(statement_cues.yaml condemning)"))
        return Candidate(criticism, found.trigger, found.sources, subjects, content=found.content)
    return found


def _extraposed(clause: Token, predicates: list[Token]) -> list[Token]:
    """The clause an anticipatory "it" stands for, after the predicate: "it was wrong *to put*
    China ...", "it was unacceptable *that Russia had annexed* Crimea", "it was a mistake *for
    Germany to leave*"."""
    found = []
    for head in (clause, *predicates):
        for child in syntax.children(head, EXTRAPOSED_DEPS):
            if child.i > head.i and child.pos_ in ("VERB", "AUX") and (syntax.is_infinitive(child) or any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children)):
                found.append(child)
    return found


def _denounced_doers(actors: Arguments, clauses: list[Token]) -> list[Token] | None:
    """Who did the act an extraposed clause denounces, as the criticism's target: its subject
    when it names another party ("for Germany to leave"), none when unnamed ("to put China
    under the embargo"); None when it is the speaker's own side ("that we had waited")."""
    subjects = [s for c in clauses for s in syntax.clause_subjects(c) if s.lower_ != "it"]
    if any(s.lower_ in SELF_OR_GENERIC for s in subjects):
        return None
    return subjects if actors.actors(subjects) else []


def wrongdoing(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that someone did a wrong ("said Russia violated the ceasefire", "... rigged
    the vote") accuses them (statement_cues.yaml accusing). Only of what the clause asserts: not
    "did not violate", "may have breached", nor "we broke" (the speaker's own side)."""
    clauses = [c for top in syntax.children(found.trigger, {"ccomp"}) for c in syntax.conjuncts(top)]
    for clause in clauses:  # "said X had meddled in the vote and intimidated voters"
        code = book.accusing.get(clause.lemma_.lower())
        if code is None or any(c.dep_ == "neg" or c.lower_ == "never" or (
                c.dep_ == "aux" and c.lower_ in syntax.FUTURE_AUX | syntax.HYPOTHETICAL_AUX)
                for c in clause.children):
            continue
        subjects = syntax.clause_subjects(clause)
        if not subjects or any(s.lower_ in SELF_OR_GENERIC for s in subjects):
            continue
        accusation = replace(found.pattern, cameo=code, sense=(
            "a statement that someone did a wrong accuses them (statement_cues.yaml accusing)"))
        return Candidate(accusation, found.trigger, found.sources, subjects, content=found.content)
    return found


def _predicates(book: PatternBook, clause: Token) -> list[Token]:
    """What a clause calls its subject: after "be" its noun or adjective, after "constitute"
    its object, after "amount to" the object of "to" (statement_cues.yaml condemning_copulas)."""
    lemma = clause.lemma_.lower()
    for cue in book.condemning_copulas:
        verb, _, prep = cue.partition(" ")
        if lemma != verb:
            continue
        if prep:
            return syntax.prep_objects(clause, prep)
        return syntax.children(clause, {"attr", "acomp"} if verb == "be" else {"dobj", "attr"})
    return []


def stated_act(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that the speaker's side will do a hostile act threatens it; that it will
    never do a yielding one rejects it (statement_cues.yaml threatening, refusing).

    "Russia said it would retaliate against Turkey": a threat (130) to Turkey; "Iran said it
    would never negotiate with X": a rejection (125) of X. Not what another side will do
    ("said the rebels would retaliate" is a forecast), nor "would never forget".
    """
    clauses = [c for top in syntax.children(found.trigger, {"ccomp"}) for c in syntax.conjuncts(top)]
    told_in_past = found.trigger.tag_ in ("VBD", "VBN")
    for clause in clauses:
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        will = auxes & (syntax.FUTURE_AUX | syntax.BACKSHIFTED_WILL)
        if not will or (will == syntax.BACKSHIFTED_WILL and not told_in_past):
            continue  # "would" after "says" is a supposition or a habit, not the reported "will"
        refused = any(c.dep_ == "neg" or c.lower_ == "never" for c in clause.children)
        cues = book.refusing if refused else book.threatening
        code = next((cues[w] for w in _verb_words(clause) if w in cues), None)
        if not _speakers_side(actors, found.sources, syntax.clause_subjects(clause)):
            continue
        # a refusal of a known act keeps its own code ("will not meet X until ..."); another
        # held out for a party ("will not end the blockade until Syria ...") rejects that party
        held = _held_out_for(book, actors, found.sources, clause) if refused and not code else None
        if held is not None:  # "will not lift the ban until the EU provides details"
            code, awaited = held
            act = replace(found.pattern, cameo=code, sense=(
                "a statement that the speaker will not act until another party does rejects it "
                "(statement_cues.yaml refusing_until)"))
            return Candidate(act, found.trigger, found.sources, awaited, content=found.content)
        if code is None:
            continue
        preps = ("with", "to", "against") if refused else ("against", "on")
        # "hit back against X", "take revenge on X"
        heads = [clause, *syntax.children(clause, {"prt", "advmod", "dobj"})]
        targets = syntax.children(clause, {"dobj"}) + [
            t for head in heads for p in preps for t in syntax.prep_objects(head, p)]
        act = replace(found.pattern, cameo=code, sense=(
            "a statement that the speaker will (never) do it threatens or rejects "
            "(statement_cues.yaml threatening, refusing)"))
        named = targets if actors.actors(targets) else []  # "never accept *the deal*": no one
        return Candidate(act, found.trigger, found.sources, named, content=found.content)
    return found


def _held_out_for(book: PatternBook, actors: Arguments, sources: list[Token], clause: Token
                  ) -> tuple[str, list[Token]] | None:
    """The code and the awaited party of a refusal held out until another party acts ("will not
    lift the ban *until the EU provides* details"; statement_cues.yaml refusing_until): the
    subject of the condition, an actor other than the speaker's side; None when there is none,
    or when the act has no object: "will not rest / stop / give up until ..." is a vow."""
    if not syntax.children(clause, {"dobj"}):
        return None
    for condition in syntax.children(clause, {"advcl"}):
        marks = [c.lower_ for c in condition.children if c.dep_ == "mark"]
        code = next((book.refusing_until[m] for m in marks if m in book.refusing_until), None)
        subjects = [s for s in syntax.children(condition, syntax.SUBJECTS) if s.pos_ != "PRON"]
        if code and actors.actors(subjects) and not _speakers_side(actors, sources, subjects):
            return code, subjects
    return None


def _verb_words(verb: Token) -> list[str]:
    """A verb's lemma, then it with its particle, adverb or object ("hit back", "take revenge")."""
    lemma = verb.lemma_.lower()
    return [lemma] + [f"{lemma} {c.lemma_.lower()}" for c in verb.children
                      if c.dep_ in ("prt", "advmod", "dobj")]


def _speakers_side(actors: Arguments, sources: list[Token], subjects: list[Token]) -> bool:
    """Whether the clause's subject is the speaker's own side: a pronoun ("said it would"), or
    an actor of the speaker's country ("Russia said Moscow would")."""
    if any(s.lower_ in syntax.SPEAKER_PRONOUNS for s in subjects):
        return True
    return _speakers_country(actors, sources, subjects)


def _speakers_country(actors: Arguments, sources: list[Token], subjects: list[Token]) -> bool:
    """Whether a subject is the speaker's country itself ("Moscow" for a Russian speaker), not
    any person or group of that country ("her parents")."""
    speaking = {a.country for a in actors.actors(sources) if a.country}
    return any(a.country in speaking and a.code == a.country for a in actors.actors(subjects))


def _predicate_words(predicate: Token) -> set[str]:
    """The lemma of a predicate noun or adjective, alone and with its modifier ("war crime")."""
    lemma = predicate.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in predicate.children if c.dep_ in ("compound", "amod")]
    return {lemma, *(f"{m} {lemma}" for m in modifiers)}


def match_noun(
    book: PatternBook, noun: Token, lemmas: set[str], actors: Arguments, reactions: set[int]
) -> Candidate | None:
    modifiers = {m.lemma_.lower() for c in noun.children
                 if c.dep_ in ("compound", "amod", "nmod")
                 for m in syntax.conjuncts(c)}  # "artillery and rocket fire"
    if other_sense(book, noun):  # "a heart attack"
        return None
    for pattern in book.nouns[noun.lemma_.lower()]:
        if pattern.requires and not (pattern.requires & lemmas):
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
    sources = [c for c in noun.children if c.dep_ == "poss"]
    named = [t for p in pattern.source_preps for t in syntax.prep_objects(noun, p)]
    if receiving:
        named += [t for p in pattern.source_preps for t in syntax.prep_objects(verb, p)]
    if not receiving:  # "the attack was carried out by X", "strikes launched by X"
        named += _authored_by(book, noun)
    sources += named
    sources += [c for c in noun.children if c.dep_ in ("compound", "amod") and _modifier_actor(actors, c)]
    if not actors.actors(sources) and not named and not receiving:
        holders = _holders(book, noun, pattern, reactions)
        sources = sources if holders is None else holders
    if not actors.actors(sources) and actors.nationalities.modifier_actor(noun):
        sources = [noun]  # "Israeli air raids": the raids are Israel's
    preps = pattern.target_preps or target_preps(book, pattern)
    targets = [t for p in preps for t in syntax.prep_objects(noun, p)]
    if not targets and receiving:
        targets = syntax.clause_subjects(verb)
    if not targets and verb is not None:
        # "gave a warm welcome to X", "were engaged in ethnic cleansing against X"
        targets = [t for p in preps for t in syntax.prep_objects(verb, p)]
    if targets and not actors.actors(targets):
        # "demonstrations against violations by X": the party of what it is against
        targets = object_parties(book, targets, [], actors) or targets
    pair = (pattern.symmetric and not actors.named_only().actors(targets)
            and len(actors.actors(sources)) >= 2)  # "X and Y held talks"
    return Candidate(verbal(book, pattern, noun), noun, sources, targets, pair)


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
    if violent and not _violent_verb(book, verb) and any(
            t.dep_ == "prep" and t.lower_ in book.sequence_preps for t in _path_up(phrase, verb)):
        return None  # "France raised its alert level after the attacks": no attack by France
    return syntax.clause_subjects(verb, participant=not violent or verb.lemma_ in PARTICIPATION)


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
