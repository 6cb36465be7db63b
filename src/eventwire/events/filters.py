"""Which candidate events of a sentence stand: none in a discarded sentence; none for an act
only feared, asked for, supposed or told as background; one per intention; and of two events
of the same kind, the one with both sides.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.fixing import identity, named
from eventwire.events.matching import VIOLENT_ROOTS, Candidate
from eventwire.events.patterns import PatternBook
from eventwire.nlp import syntax
from eventwire.records import Event, ParsedSentence

Token = Any

# What a request asks for ("demanded the withdrawal", "urged X to meet") and what an
# accusation or rejection is about ("accused X of violating", "blamed X for the bombing") is
# the content of that act, not an event that happened: by root, the dependencies leading to it.
CONTENT_DEPS = {"02": ("ccomp", "xcomp", "dobj", "prep"), "10": ("ccomp", "xcomp", "dobj", "prep"),
                "11": ("prep",), "016": ("ccomp",)}
# How far and through which dependencies a trigger is read as the complement of an unreal
# head ("afraid *of* killings", "dedicated his life *to* fighting", "trained *to* fight").
UNREAL_HOPS = 3
UNREAL_PATH = {"pobj", "pcomp", "prep", "xcomp", "dobj", "acomp", "amod"}
# Verbs that carry the event of their complement ("agreed to provide aid" is the aid promise).
INTENT_CARRIERS = syntax.INTENT | syntax.THREAT


def discarded(book: PatternBook, sentence: ParsedSentence) -> bool:
    """A sentence holding a phrase of discards.yaml codes no event."""
    text = sentence.text.lower()
    for rule in book.discards:
        phrase = str(rule.get("phrase", "")).lower()
        if phrase and phrase in text:
            return True
    return False


def standing(book: PatternBook, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are events, intention carriers last: in "threatened to attack X",
    when the carrier and its complement code the same dyad, the event keeps the complement's
    trigger (the act threatened)."""
    candidates = [c for c in candidates if not unreal(book, c.trigger)]
    candidates = drop_background(candidates)
    candidates = drop_carriers_and_requested(candidates)
    candidates.sort(key=lambda c: c.trigger.lemma_.lower() in INTENT_CARRIERS)
    return candidates


def unreal(book: PatternBook, trigger: Token) -> bool:
    """"afraid of revenge killings", "dedicated his life to fighting", "trained to fight",
    "do not condone extrajudicial killings": a word of fear, devotion, training or tolerance
    (unreal_heads) that governs the trigger through its complement says no such act took
    place. Only the complement is read ("trained soldiers who attacked X" still attacked)."""
    token = trigger
    for _ in range(UNREAL_HOPS):
        if token.dep_ not in UNREAL_PATH or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in book.unreal_heads:
            return True
    return False


def drop_background(candidates: list[Candidate]) -> list[Candidate]:
    """A past act told in a relative clause or participle is background to the sentence's
    news and is not coded when the sentence has an act of its own: "returned antiquities
    *that were seized* in 2001", "the ceasefire *agreed* in May collapsed". Alone in its
    sentence it is still coded, and so is coercion or violence (VIOLENT_ROOTS)."""
    background = [_background(c.trigger) and not c.pattern.cameo.startswith(VIOLENT_ROOTS)
                  for c in candidates]
    if all(background):
        return candidates
    return [c for c, old in zip(candidates, background, strict=True) if not old]


def _background(trigger: Token) -> bool:
    """A verb in the past tense or participle modifying a noun ("talks *held* in May"), not in
    the present perfect, which tells what is still news ("claims which Moscow *has* denied")."""
    return (trigger.pos_ in ("VERB", "AUX") and trigger.dep_ in ("relcl", "acl")
            and trigger.tag_ in ("VBN", "VBD")
            and not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in trigger.children))


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


def drop_carriers_and_requested(candidates: list[Candidate]) -> list[Candidate]:
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


def fullest(events: list[Event]) -> list[Event]:
    """The events no other event of the sentence covers (``covers``)."""
    return [e for e in events if not any(covers(other, e) for other in events)]


def covers(fuller: Event, partial: Event) -> bool:
    """Whether ``fuller`` is the same kind of event of the same sentence as ``partial`` with
    a side ``partial`` lacks: "Iran threatened to launch an offensive against Iraq" and the
    "offensive" without target are one threat, coded once with both sides."""
    if fuller is partial or _kind(fuller) != _kind(partial) or fuller.negated != partial.negated:
        return False
    sides = [(fuller.source, partial.source),
             (named(fuller.target), named(partial.target))]
    if any(mine is None and other is not None for mine, other in sides):
        return False
    same = all(other is None or identity(mine) == identity(other) for mine, other in sides)
    return same and any(other is None and mine is not None for mine, other in sides)


def _kind(event: Event) -> str:
    return event.plover or event.cameo_root
