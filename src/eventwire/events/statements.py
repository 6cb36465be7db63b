"""Statements coded by what they say: a plain "said" (010) read for the appeal, demand,
criticism, accusation, threat or rejection its reported clause makes, and who the speaker is.
Split from ``events.matching``; ``events.stances`` holds the readings of praise, opposition,
fault, denial and warning, and ``what_is_said``, which runs them all on every candidate."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.actors.fixing import Arguments
from eventwire.events.candidate import Candidate
from eventwire.events.confidence import INFERRED_COUNTRY
from eventwire.events.patterns import PatternBook
from eventwire.nlp import syntax

Token = Any

# Subjects of a reported clause that name no one else to make demands of or to denounce ("we
# must", "one should", "we were wrong").
SELF_OR_GENERIC = {"we", "i", "you", "one", "it", "this", "that", "there"}
# Subjects that name no one to denounce: "said nothing was wrong", "something is wrong".
NO_ONE = {"nothing", "something", "anything", "everything", "nobody", "none"}
# Dependencies of a clause an anticipatory "it" announces after the predicate: "it was wrong
# *to put* China under the embargo", "it was unacceptable *that Russia had annexed* Crimea",
# "it was a mistake *for Germany to leave*".
EXTRAPOSED_DEPS = {"xcomp", "ccomp", "relcl", "acl"}
# Resolution steps of an actor whose country was guessed from the article, not named in the
# phrase (actors.country_from_context; coreference copies the antecedent's steps).
# The steps that lend a country the phrase does not name (as the confidence reads them), and the
# actors stage's note that the phrase named none.
GUESSED_COUNTRY = ("no country in the phrase:", *INFERRED_COUNTRY)
# Subjects that point at something the sentence names elsewhere ("*this* was a stupid remark by X").
DEMONSTRATIVES = {"this", "that", "it"}


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
    nor a supposed judgment ("said EU nuclear weapons would be a mistake"). An adjective on the
    predicate noun ("a *reckless* move", condemning_qualities) condemns only a party the clause
    names ("the Russian ban", "a stupid remark by X"), not a thing ("the virus was a cowardly
    enemy", "the floods were a shocking blow").
    """
    for clause in _reported(book, actors, found):
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in syntax.HYPOTHETICAL_AUX)
               for c in clause.children):
            continue  # "would be a mistake": a supposed judgment, advice rather than criticism
        predicates = _predicates(book, clause)
        words = {w for p in predicates for w in _predicate_words(p)}
        qualities = {w for p in predicates if p.pos_ == "NOUN" for w in _qualities(p)}
        subjects = syntax.clause_subjects(clause)
        named = bool(words & book.condemning)  # a quality alone: only of a party named
        if not (named or qualities & book.condemning_qualities) or any(
                s.lower_ in NO_ONE for s in subjects):
            continue
        extraposed = _extraposed(clause, predicates) if any(s.lower_ == "it" for s in subjects) else []
        authors = _authors(actors, predicates)
        if extraposed:  # "said it was wrong to put China under the embargo": that act is denounced
            subjects = _denounced_doers(actors, extraposed)
            if subjects is None:
                continue
        elif authors and (all(s.lower_ in DEMONSTRATIVES for s in subjects)
                          or not actors.actors(subjects)):
            subjects = authors  # "this was a stupid remark by the first minister"
        elif any(s.lower_ in SELF_OR_GENERIC for s in subjects):
            continue
        if not named and not actors.actors(subjects):
            continue  # "said the earthquake was a shocking tragedy": sympathy, no one blamed
        criticism = replace(found.pattern, cameo="111", sense=(
            "a statement calling something a crime, illegal ... denounces it "
            "(statement_cues.yaml condemning)"))
        return Candidate(criticism, found.trigger, found.sources, subjects, content=found.content)
    return found


def _reported(book: PatternBook, actors: Arguments, found: Candidate) -> list[Token]:
    """The clauses a speech verb reports, through the verbs of opinion that only frame them
    (statement_cues.yaml framing_verbs): "said *the strikes were* a crime", "said: 'I think we
    have to say that *this was* a stupid remark'". Only the speaker's own opinion frames: a
    framing verb whose subject is the speaker's side or none; "said *the rebels believed*
    Russia had ..." reports another's belief, no judgment of the speaker's."""
    clauses, todo = [], syntax.children(found.trigger, {"ccomp"})
    while todo:
        clause = todo.pop(0)
        clauses.append(clause)
        if clause.lemma_.lower() in book.framing_verbs and len(clauses) < 8:
            if _speakers_opinion(actors, found.sources, syntax.clause_subjects(clause)):
                todo += syntax.children(clause, {"ccomp", "xcomp"})
    return clauses


def _speakers_opinion(actors: Arguments, sources: list[Token], subjects: list[Token]) -> bool:
    """Whether a framing verb's subject holds the speaker's own opinion: none ("I have to say"
    has "I"), a pronoun of the speaker ("said *he* believed", "said *it* thought"; "*they*"
    only for a speaker named in the plural) or the speaker's own actor ("the minister said *the
    government* believed"); not another party or people ("said *the rebels* believed", "said
    *many Kenyans* think")."""
    if not subjects:
        return True
    words = {s.lower_ for s in subjects}
    if words & (syntax.SPEAKER_PRONOUNS - {"they"}):
        return True
    if "they" in words:
        return any(s.tag_ in ("NNS", "NNPS") for s in sources)
    speaking = {a.code for a in actors.actors(sources)}
    held = actors.actors(subjects)
    return bool(held) and all(a.code in speaking for a in held)


def _authors(actors: Arguments, predicates: list[Token]) -> list[Token]:
    """Who a condemning predicate noun names as the author of what is condemned: its
    possessor or by-phrase ("a stupid remark *by the first minister*", "*Moscow's* mistake")."""
    found = [t for p in predicates for t in
             syntax.children(p, {"poss"}) + syntax.prep_objects(p, "by")]
    return found if actors.actors(found) else []


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
    the vote", "said he believed X had meddled") accuses them (statement_cues.yaml accusing).
    Only of what the clause asserts: not "did not violate", "may have breached", nor "we broke"
    (the speaker's own side)."""
    clauses = [c for top in _reported(book, actors, found) for c in syntax.conjuncts(top)]
    for clause in clauses:  # "said X had meddled in the vote and intimidated voters"
        subjects = syntax.clause_subjects(clause)
        code = book.accusing.get(clause.lemma_.lower())
        if code is None or any(c.dep_ == "neg" or c.lower_ == "never" or (
                c.dep_ == "aux" and c.lower_ in syntax.FUTURE_AUX | syntax.HYPOTHETICAL_AUX)
                for c in clause.children):
            continue
        if not subjects or any(s.lower_ in SELF_OR_GENERIC for s in subjects):
            continue
        if syntax.children(clause, syntax.PASSIVE_SUBJECTS):  # "had been abused by X": X, never
            subjects = [o for a in syntax.children(clause, {"agent"})  # the one it befell
                        for o in syntax.children(a, {"pobj"})]
            if not actors.actors(subjects):
                continue
        accusation = replace(found.pattern, cameo=code, sense=(
            "a statement that someone did a wrong accuses them (statement_cues.yaml accusing)"))
        return Candidate(accusation, found.trigger, found.sources, subjects, content=found.content)
    return found


def disagreement(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that the speaker does not agree with someone disapproves of them (110,
    statement_cues.yaml disagreeing): "Kelly said he did not agree with King". Only of the
    speaker's side (a pronoun or the speaker's country) and a party named with "with"; "will
    not agree" is a refusal (stated_act)."""
    for clause in _reported(book, actors, found):
        code = book.disagreeing.get(clause.lemma_.lower())
        if code is None or any(c.dep_ == "aux" and c.lower_ in syntax.FUTURE_AUX
                               | syntax.BACKSHIFTED_WILL | syntax.HYPOTHETICAL_AUX
                               for c in clause.children):
            continue
        if not any(c.dep_ == "neg" or c.lower_ == "never" for c in clause.children):
            continue  # "said he agreed with X"; "disagreed with X" is coded by its own pattern
        if not _speakers_side(actors, found.sources, syntax.clause_subjects(clause)):
            continue
        others = syntax.prep_objects(clause, "with")
        if not actors.actors(others):
            continue
        act = replace(found.pattern, cameo=code, sense=(
            "a statement that the speaker does not agree with someone disapproves of them "
            "(statement_cues.yaml disagreeing)"))
        return Candidate(act, found.trigger, found.sources, others, content=found.content)
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
    """Whether the clause's subject is the speaker's own side: a pronoun ("said it would"; "they"
    only for a speaker named in the plural or a state, not "the president said they"), or an
    actor of the speaker's country ("Russia said Moscow would")."""
    if any(s.lower_ in syntax.SPEAKER_PRONOUNS - {"they"} for s in subjects):
        return True
    if any(s.lower_ == "they" for s in subjects):  # "they": a speaker named in the plural, or a
        return any(s.tag_ in ("NNS", "NNPS") for s in sources) or any(  # state ("Iran said they")
            a.country and a.code == a.country for a in actors.actors(sources))
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


def _qualities(predicate: Token) -> set[str]:
    """The adjectives that qualify a predicate noun ("a *stupid and ill-advised* remark", "a
    *reckless* decision"), with an adverb hyphenated to them ("ill-advised")."""
    adjectives = [a for c in predicate.children if c.dep_ == "amod" for a in syntax.conjuncts(c)]
    words = {a.lower_ for a in adjectives}
    words |= {f"{m.lower_}-{a.lower_}" for a in adjectives for m in a.children
              if m.dep_ == "advmod" and m.i == a.i - 2 and a.doc[a.i - 1].text == "-"}
    return words
