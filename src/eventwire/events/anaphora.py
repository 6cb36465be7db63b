"""Light coreference for violent acts: a killing or attack that names no doer, told right after
another violent act whose doer the text names, takes that doer, in two forms only
(``earlier_doer_preps``, ``doer_anaphors`` in events/data/arguments.yaml):

- a passive whose act is named by a definite event noun: "The Taliban stormed a police post.
  Six police were killed *in the assault*.";
- a definite subject that only refers back: "Boko Haram fighters attacked a village. *The
  group* killed 12 villagers." (a named or non-state armed doer only, ``anaphor_sectors``).

And an armed force that reports its enemies killed in a definite operation carried it out
("the army said hundreds of rebels had been killed in the offensive", ``reporting_force``).

Only the sentence just before counts, and never a doer on the victims' side (the act is kept
without one).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any

from eventwire.events.candidate import Candidate
from eventwire.events.patterns import PatternBook
from eventwire.nlp import syntax
from eventwire.records import Actor, Event

Token = Any

# Roots of the acts that lend and take a doer: assault, fight, mass violence.
DOER_ROOTS = ("18", "19", "20")
DEFINITE = {"the", "this", "that", "these", "those"}
PLACE_LABELS = ("GPE", "LOC")


def earlier_doer(
    book: PatternBook, candidate: Candidate, before: list[Event], targets: list[Actor]
) -> list[Actor]:
    """The doer of the violent act of the sentence before that ``candidate`` (a violent act
    with no doer) refers back to, as its source; none where the form is not one of the two."""
    if not candidate.pattern.cameo.startswith(DOER_ROOTS):
        return []
    anaphor = _definite_subject(book, candidate)
    noun = None if anaphor is not None else _act_named_before(book, candidate)
    sentence = candidate.trigger.sent
    if (anaphor is None and noun is None) or any(
            t.lower_ in book.doer_break_words for t in sentence):
        return []  # "in a separate incident, two civilians were killed in the attack"
    for event in reversed(before):
        doer = event.source
        if (not event.cameo.startswith(DOER_ROOTS) or doer is None or not doer.text
                or doer.start is None or event.negated  # named in its own sentence, not lent
                or (noun is not None and not _same_family(book, noun, event, sentence.doc))):
            continue
        if any(e.label_ in PLACE_LABELS and e.text not in event.sentence for e in sentence.ents):
            return []  # "In Iraq, five soldiers were killed in the shelling": another act
        if anaphor is not None and not (doer.name or set(doer.sectors) & book.anaphor_sectors):
            return []
        if any(_same_side(t, doer) for t in targets):
            return []  # "the army attacked ... five soldiers were killed in the assault"
        how = (f"'{anaphor.text}'" if anaphor is not None
               else "the act named by a definite noun")
        return [replace(doer, start=None, end=None, resolution=[
            *doer.resolution,
            f"earlier doer: {how} refers back to the {event.trigger!r} of the sentence before, "
            f"by '{doer.text}' (arguments.yaml: earlier_doer_preps, doer_anaphors)"])]
    return []


def reporting_force(
    book: PatternBook, candidate: Candidate, reporter: Actor | None, targets: list[Actor]
) -> list[Actor]:
    """"The army said hundreds of rebels had been killed in the offensive": an armed force
    reporting its enemies killed in a definite operation (``operation_nouns``) carried it out
    (``enemy_sectors``); not "12 civilians were killed in the attack" (anyone's)."""
    if (reporter is None or not reporter.text or not targets
            or not candidate.pattern.cameo.startswith(DOER_ROOTS)
            or _act_named_before(book, candidate, book.operation_nouns) is None):
        return []
    enemies = frozenset().union(*(book.enemy_sectors.get(s, frozenset()) for s in reporter.sectors))
    if not enemies or not all(set(t.sectors) & enemies for t in targets):
        return []
    return [replace(reporter, start=None, end=None, resolution=[
        *reporter.resolution,
        f"reporting force: '{reporter.text}' tells of its enemies killed in its operation "
        f"(arguments.yaml: operation_nouns, enemy_sectors)"])]


def _same_side(target: Actor, doer: Actor) -> bool:
    """Whether a victim may be on the doer's own side: the doer's code, or a sector of the
    doer's with no country (which the coder then gives the doer's country and drops as one
    party, coder._different): the event is kept without a doer rather than lost."""
    return target.code == doer.code or (
        not target.country and bool(set(target.sectors) & set(doer.sectors)))


def _definite_subject(book: PatternBook, candidate: Candidate) -> Token | None:
    """"*The group* killed 12 villagers": a definite subject among ``doer_anaphors``."""
    if len(candidate.sources) != 1:
        return None
    subject = candidate.sources[0]
    if (subject.lemma_.lower() not in book.doer_anaphors
            or subject.dep_ not in syntax.SUBJECTS
            or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children)
            or any(c.dep_ in ("prep", "compound", "amod", "poss", "relcl", "acl")
                   for c in subject.children)):
        return None  # "the group of protesters", "the rebel group" say who they are
    return subject


def _act_named_before(book: PatternBook, candidate: Candidate,
                      nouns: Collection[str] | None = None) -> Token | None:
    """"Six police were killed *in the assault*": the noun of a passive with no by-phrase whose
    act is a definite one-sided violent act (``doer_act_nouns``) with no doer of its own."""
    verb = candidate.trigger
    if verb.pos_ not in ("VERB", "AUX") or not syntax.is_passive(verb) or syntax.by_agents(verb):
        return None
    verbs = [v for v in syntax.conjuncts(verb) if syntax.is_passive(v)]  # "killed and wounded in"
    for prep in book.earlier_doer_preps:
        for noun in (n for v in verbs for n in syntax.prep_objects(v, prep)):
            if (noun.lemma_.lower() in (book.doer_act_nouns if nouns is None else nouns)
                    and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
                    and not any(_own_doer(c) for c in noun.children)):
                return noun
    return None


def _same_family(book: PatternBook, noun: Token, event: Event, doc: Any) -> bool:
    """Whether the earlier ``event``'s trigger is an act the definite ``noun`` may name
    (``doer_act_nouns``): "the strike" names "jets struck", not "Hamas attacked"."""
    family = book.doer_act_nouns.get(noun.lemma_.lower(), frozenset())
    words = {w.lower() for w in event.trigger.split()}
    if event.trigger_index is not None and 0 <= event.trigger_index < len(doc):
        words.add(doc[event.trigger_index].lemma_.lower())
    return bool(words & family)


def _own_doer(child: Token) -> bool:
    """A word that names the event noun's own doer: "the Taliban('s) assault", "the Israeli
    strike", "the attack by X"."""
    return (child.dep_ in ("poss", "compound") or (child.dep_ == "amod" and child.text[:1].isupper())
            or (child.dep_ in ("prep", "agent") and child.lower_ == "by"))
