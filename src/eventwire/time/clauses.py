"""The clause structure the time stage reads: participles, when- and as-clauses, the verb a noun
trigger belongs to, and the verbs whose time a clause shares."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.nlp import syntax
from eventwire.time.expressions import PAST, verb_tense
from eventwire.time.rules import date_rules

SIMULTANEITY_MARKERS = {"when", "while", "as"}


def bare_participle(token: Token) -> bool:
    """A participle with no subject or conjunction of its own ("led by police", "speaking to")."""
    return token.tag_ in ("VBG", "VBN") and not any(
        child.dep_ in ("nsubj", "nsubjpass", "mark") for child in token.children)


def participle_of(trigger: Token) -> bool:
    """A participle that continues its verb's act: "called them targets, saying ..."."""
    return trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not any(
        child.dep_ == "mark" for child in trigger.children)


def verb_of(trigger: Token) -> Token:
    """The trigger if it is a verb, else the verb it belongs to ("had committed mass killings")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    return next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)


def _time_sharing_head(verb: Token) -> Token | None:
    """The verb whose time ``verb``'s clause shares, None if it has its own: a when- or
    as-clause ("began yesterday, when guards entered the office"), a participle that continues
    its verb ("called them targets, saying ..."), a past verb coordinated without a subject of its
    own ("entered the office and attacked the director"; not "hijacked the ship on Monday and
    are demanding a ransom"), a participle of a quotation ("quoted the radio as saying ..."), a
    to-infinitive ("promised two weeks ago to free the hostages"). Not a clause that describes a
    noun ("suggestions the mission had been a failure"): its time is its own."""
    head = verb.head
    if head.i == verb.i:
        return None
    if simultaneous_clause(verb) or participle_of(verb):
        head = verb_of(head)
    elif verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children) or not (
                verb_tense(verb) == verb_tense(head) == PAST):
            return None
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in SIMULTANEITY_MARKERS:
        head = head.head
    elif not (verb.dep_ in ("xcomp", "advcl") and syntax.is_infinitive(verb)):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.dep_ != "acl" else None


def time_sharing_heads(trigger: Token) -> list[Token]:
    """The verbs above the trigger's whose time the trigger's clause shares (`_time_sharing_head`),
    nearest first; none for a noun in a phrase of sequence ("holding talks before a scheduled
    meeting": the meeting is not at the talks' time)."""
    verb = verb_of(trigger)
    sequence = date_rules().sequence_words
    if verb is not trigger and any(token.dep_ in ("prep", "advmod") and token.lower_ in sequence
                                   for token in _path_up(trigger, verb)):
        return []
    heads: list[Token] = []
    head = _time_sharing_head(verb)
    while head is not None and head not in heads and len(heads) < 4:
        heads.append(head)
        head = _time_sharing_head(head)
    return heads


def _path_up(token: Token, above: Token) -> list[Token]:
    """The tokens from ``token`` (excluded) up to ``above`` (excluded)."""
    path = []
    while token.head.i != token.i and token.head != above:
        token = token.head
        path.append(token)
    return path


def simultaneous_clause(trigger: Token) -> bool:
    return trigger.dep_ == "advcl" and any(
        child.dep_ == "advmod" and child.lower_ in SIMULTANEITY_MARKERS
        or child.dep_ == "mark" and child.lower_ in SIMULTANEITY_MARKERS
        for child in trigger.children)
