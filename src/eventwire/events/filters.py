"""Which candidate events of a sentence stand: none in a discarded sentence; none for an act
only feared, asked for, supposed, asked about, meant (a purpose, a subjunctive), counted or told
as background (a description, an activity, a topic, a date before the article's year) or as
context (events.context: questions, life stories, trends, counts); one per intention; and of
two events of the same kind, the one with both sides.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.actors.fixing import identity, named
from eventwire.events.context import told_as_context
from eventwire.events.matching import VIOLENT_ROOTS, Candidate
from eventwire.events.patterns import PatternBook
from eventwire.nlp import syntax
from eventwire.records import Event, ParsedSentence

Token = Any

# What a request asks for ("demanded the withdrawal", "urged X to meet") and what an
# accusation or rejection is about ("accused X of violating", "blamed X for the bombing") and
# the comment declined ("refused to comment") are the content of that act, not an event that
# happened: by root or code, the dependencies leading to it.
CONTENT_DEPS = {"02": ("ccomp", "xcomp", "dobj", "prep"), "10": ("ccomp", "xcomp", "dobj", "prep"),
                "11": ("prep",), "112": ("ccomp",),  # "alleged that X killed Y"
                "016": ("ccomp",), "011": ("xcomp",)}
# How far and through which dependencies a trigger is read as the complement of an unreal
# head ("afraid *of* killings", "dedicated his life *to* fighting", "trained *to* fight").
UNREAL_HOPS = 3
UNREAL_PATH = {"pobj", "pcomp", "prep", "xcomp", "dobj", "acomp", "amod"}
# Roots of statements and disapproval, which a relative clause reports rather than describes
# ("Gulen, *who Erdogan blames* for the coup").
STANDING_ROOTS = ("01", "11", "12")
# Roots of cooperation whose participle modifying a noun only describes it ("backed by X").
COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")
# Dependencies of a noun's place in a clause.
NOMINAL_DEPS = {"attr", "nsubj", "nsubjpass", "dobj", "pobj", "appos"}
# Words after "a week" that make it an offset from another time, not a rate.
OFFSET_WORDS = {"after", "before", "ago", "later", "earlier", "since", "into", "from", "on",
                "or", "and", "to", "of", "-"}
# Clauses inside a phrase, whose dates are their own.
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "appos", "parataxis"}
# How many "of" phrases a topic may hold its event noun through ("concerns about the number
# of killings").
TOPIC_HOPS = 3
# Verbs that carry the event of their complement ("agreed to provide aid" is the aid promise).
INTENT_CARRIERS = syntax.INTENT | syntax.THREAT


def discarded(book: PatternBook, sentence: ParsedSentence) -> bool:
    """A sentence holding a phrase of discards.yaml, starting with one of its ``start``
    expressions, or holding ``count`` matches of a ``labels`` expression (as written: a table's
    "TARGET: ... ATTACKER: ..." row), codes no event."""
    text = sentence.text.lower()
    for rule in book.discards:
        labels = rule.get("labels")
        if labels:
            # a stack of labels leading the sentence ("BREAKING: UPDATE: ...") is a news lead
            body = re.sub(str(rule.get("lead", r"^\b$")), "", sentence.text.strip())
            if len(re.findall(str(labels), body)) >= int(rule.get("count", 1)):
                return True
        phrase = str(rule.get("phrase", "")).lower()
        if phrase and phrase in text:
            return True
        start = rule.get("start")
        if start and re.match(str(start), text.lstrip()):
            return True
    return False


def standing(book: PatternBook, candidates: list[Candidate], year: int | None = None,
             headline: bool = False) -> list[Candidate]:
    """The candidates that are events, intention carriers last: in "threatened to attack X",
    when the carrier and its complement code the same dyad, the event keeps the complement's
    trigger (the act threatened). ``year`` is the article's: acts dated before it are history.
    ``headline``: the sentence is the article's title, where the simple present tells news."""
    candidates = [c for c in candidates if not unreal(book, c.trigger)
                  and (headline or not habitual(book, c))
                  and not asked(book, c.trigger) and not topic(book, c)
                  and not description(book, c) and not activity(book, c) and not tally(book, c.trigger)
                  and not purpose(book, c) and not mandated(c.trigger)
                  and not dated_before(book, c.trigger, year) and not told_earlier(book, c)
                  and not alleged(book, c.trigger) and not told_as_context(book, c)]
    candidates = drop_background(candidates)
    candidates = drop_carriers_and_requested(candidates)
    candidates.sort(key=lambda c: c.trigger.lemma_.lower() in INTENT_CARRIERS)
    return candidates


def habitual(book: PatternBook, candidate: Candidate) -> bool:
    """"they attack with or without permission", "the Crimeans meet the authorities",
    "X, chief analyst at Y, discusses the strains": outside a headline a verb in the simple
    present (habits' tags, no auxiliary) tells a habit, a standing claim or a teaser, not an act
    of the news. Not words and stances (habits' kept_roots: "X says", "Russia denies"), not
    what the speaker does by saying it ("we condemn", habits' performers), and not an act with
    a date on its clause (a photo caption: "protesters march in Paris on Saturday")."""
    trigger = candidate.trigger
    habits = book.habits
    if (candidate.pattern.kind != "verb" or trigger.tag_.lower() not in habits.get("tags", ())
            or candidate.pattern.cameo.startswith(tuple(habits.get("kept_roots", ())))):
        return False
    if (trigger.dep_ not in habits.get("clauses", ())
            or any(c.dep_ in ("aux", "auxpass") for c in trigger.children)):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in habits.get("performers", ()) for c in trigger.children):
        return False
    chain = syntax.predicate_chain(trigger)
    return not any(t.ent_type_ in ("DATE", "TIME") for node in chain for c in node.children
                   if c.dep_ in ("prep", "npadvmod") for t in c.subtree)


def unreal(book: PatternBook, trigger: Token) -> bool:
    """"afraid of revenge killings", "dedicated his life to fighting", "trained to fight",
    "do not condone extrajudicial killings": a word of fear, devotion, training or tolerance
    (unreal_heads) that governs the trigger through its complement says no such act took
    place. Only the complement is read ("trained soldiers who attacked X" still attacked)."""
    token = trigger
    for _ in range(UNREAL_HOPS):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "not required to respond or *meet*": as its first conjunct
        if token.dep_ not in UNREAL_PATH or token.head.i == token.i:
            return False
        below, token = token, token.head
        lemma = token.lemma_.lower()
        if lemma in book.unreal_topics and not (below.dep_ == "prep" and below.lower_ in ("about", "of")):
            continue  # "talked to reporters after meeting X": only "talked *about* ..." is idle
        if lemma in book.unreal_heads and _unreal_as(book, lemma, token):
            return True
    return False


def _unreal_as(book: PatternBook, lemma: str, head: Token) -> bool:
    """Whether an unreal head counts used as it is here: some only as verbs ("suspected of
    killing", unreal_verbs), some only as nouns ("claims of a clash", unreal_nouns)."""
    if lemma in book.unreal_verbs:
        return not _nominal(head)
    if lemma in book.unreal_nouns:
        return _nominal(head)
    return True


def alleged(book: PatternBook, trigger: Token) -> bool:
    """"a civilian *allegedly* killed by troops", "the *alleged* attack": the writer tells an
    allegation, no act (senses.yaml alleged); who alleges it, if anyone, is not said."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in book.alleged for c in trigger.children)


def asked(book: PatternBook, trigger: Token) -> bool:
    """"to say *whether* the FBI is probing X", "asked *if* the army had attacked": a trigger in
    a clause of question (question_marks, or "if" under a verb of asking) is no event."""
    for node in (trigger, *trigger.ancestors):
        for mark in node.children:
            if mark.dep_ != "mark":
                continue
            if mark.lower_ in book.question_marks:
                return True
            if (mark.lower_ == "if" and node.dep_ == "ccomp"
                    and node.head.lemma_.lower() in book.question_heads):
                return True
    return False


def topic(book: PatternBook, candidate: Candidate) -> bool:
    """"a forum *on* extrajudicial killings", "concerns *about* the killings": an event noun
    that is the object of a topic preposition (topic_preps) on another noun, or on a verb with
    an object ("held a forum *on* killings"), is what that thing is about. Not under a noun of
    conflict ("a crackdown *on* protests" acts on real protests)."""
    noun = candidate.trigger
    if candidate.pattern.kind != "noun":
        return False
    if (noun.dep_ == "pobj" and noun.head.lower_ in ("of", "about", "against")
            and noun.head.head.lemma_.lower() in book.warning_heads):
        return True  # "an alert warning *of* an attack": what is warned of (warning_heads)
    for _ in range(TOPIC_HOPS):
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
            noun = prep.head  # "concerns over *the use of* detention"
            continue
        break
    if noun.dep_ != "pobj" or prep.lower_ not in book.topic_preps:
        return False
    holder = prep.head
    if holder.pos_ in ("VERB", "AUX"):  # "held a forum *on* killings": the object's topic
        holder = next(iter(syntax.children(holder, {"dobj"})), holder)
    if holder.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(p.cameo[:2] >= "14" for p in book.nouns.get(holder.lemma_.lower(), ()))


def description(book: PatternBook, candidate: Candidate) -> bool:
    """"Digs, which *supports* people renting", "a policy that *bans* NGOs from ...": a verb in
    the simple present in a relative clause describes a standing state or habit, not an act
    (statements and disapproval excepted: "which experts *say* will fail" reports what they
    say, STANDING_ROOTS). So does an "-ing" participle with an object on a noun ("a coalition
    *fighting* al-Qaida", ``_described``), a passive participle of cooperation, with its agent,
    modifying a noun ("rebels *backed by* Turkey", COOPERATIVE_ROOTS), and a noun of threat
    said of someone with "be" ("X is a *threat* to Y", attribute_roots)."""
    trigger = candidate.trigger
    code = candidate.pattern.cameo
    if candidate.pattern.kind == "noun":
        return (trigger.dep_ == "attr" and trigger.head.lemma_.lower() == "be"
                and code.startswith(tuple(book.purposes.get("attribute_roots", ()))))
    if code.startswith(STANDING_ROOTS) or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    if trigger.dep_ == "relcl" and trigger.tag_ in ("VBZ", "VBP"):
        return True
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and syntax.children(trigger, {"dobj"}):
        return _described(book, trigger.head)
    return (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and code.startswith(COOPERATIVE_ROOTS)
            and bool(syntax.children(trigger, {"agent"})))


def _described(book: PatternBook, noun: Token) -> bool:
    """Whether an "-ing" participle on ``noun`` describes it. Not on an act ("an attack
    *killing* ten": an event noun or act_nouns) or a message or decision that does it ("issued
    an order *banning* X", message_nouns), on what a verb of seeing shows ("video shows police
    *shooting* a man", perception_verbs), nor on a noun in a prepositional phrase, where noun and
    participle name the act ("hurt *in police firing*")."""
    lemma = noun.lemma_.lower()
    if (noun.dep_ == "pobj" or lemma in book.nouns or lemma in book.purposes.get("message_nouns", ())
            or lemma in book.purposes.get("act_nouns", ())):
        return False
    return not (noun.dep_ in syntax.OBJECTS
                and noun.head.lemma_.lower() in book.purposes.get("perception_verbs", ()))


def activity(book: PatternBook, candidate: Candidate) -> bool:
    """"cooperation *in fighting* terrorism", "more concerned about fishing than *capturing*
    ships": a gerund that is the object of a preposition (activity_preps, topic_preps) on a noun
    or an adjective, or the subject of a clause ("attacking X had brought trouble"), names an
    activity, not an act that took place."""
    trigger = candidate.trigger
    if candidate.pattern.kind == "noun" or trigger.tag_ != "VBG":
        return False
    if trigger.dep_ in ("csubj", "csubjpass"):
        return True  # "*attacking* Mr Campbell had brought it trouble": the activity judged
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        trigger = trigger.head
    prep = trigger.head
    if trigger.dep_ != "pcomp" or prep.lower_ not in book.activity_preps | book.topic_preps:
        return False
    return prep.head.pos_ in ("NOUN", "PROPN", "ADJ")


def tally(book: PatternBook, trigger: Token) -> bool:
    """"the number *of* rebels *killed* since January": a participle describing the "of"
    object of a count (tally_nouns), or a verb whose subject is a count, counts acts and tells
    none."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and _count(book, c) and syntax.prep_objects(c, "of")
           for c in trigger.children):
        return True  # "the number of protesters (was) killed": not "Germany's number 1 admitted"
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN":
        return False
    noun = trigger.head
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and _count(book, prep.head)


def _count(book: PatternBook, noun: Token) -> bool:
    """A count noun (tally_nouns), not "*a* number of" (some: "a number of gunmen attacked")."""
    return noun.lemma_.lower() in book.tally_nouns and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def purpose(book: PatternBook, candidate: Candidate) -> bool:
    """"recruit children *to fight* as soldiers", "joining forces *to fight* al-Qaida": an act
    of force (purposes' roots) in an infinitive of purpose, without a subject of its own, is
    what someone means to do, not what was done ("met to discuss" mostly tells the talks, and
    stays). After a verb of going (motion_verbs: "moved in to attack") it is what followed."""
    trigger = candidate.trigger
    if (trigger.dep_ != "advcl" or trigger.tag_ != "VB"
            or not candidate.pattern.cameo.startswith(tuple(book.purposes.get("roots", ())))):
        return False
    if trigger.head.lemma_.lower() in book.purposes.get("motion_verbs", ()):
        return False
    words = {c.dep_: c for c in trigger.children}
    return ("aux" in words and words["aux"].tag_ == "TO"
            and not {"nsubj", "nsubjpass"} & words.keys())


def mandated(trigger: Token) -> bool:
    """"recommended that he *be placed* under house arrest", "demanded that they be freed": a
    that-clause in the subjunctive (bare "be", no modal) says what someone wants done, not what
    was done. A noun trigger is read in the clause of the verb that holds it."""
    node = trigger
    for _ in range(UNREAL_HOPS):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return False
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    return (any(a.lower_ == "be" and a.tag_ == "VB" for a in auxes)
            and not any(a.tag_ in ("MD", "TO") for a in auxes))


def dated_before(book: PatternBook, trigger: Token, year: int | None) -> bool:
    """"235 people were killed *over the past two years*", "fighting *since 1984*", "executed
    *between 2011 and 2015*", "kills six million people *a year*", "spent six years battling",
    "clashed *for months*", "attacks *in the past*": a span of past periods, a
    year before the one preceding the article's after since/between, or a rate (past_markers),
    on the trigger's own clause makes the act a tally, a habit or a standing state, not an act
    of the news."""
    markers = book.past_markers
    if _spent_span(trigger, markers):
        return True
    for node in syntax.predicate_chain(trigger):
        holders = [h for h in (node, *syntax.children(node, syntax.OBJECTS))  # "kills 6 million
                   if h.pos_ in ("VERB", "AUX", "NOUN", "PROPN")]              # people a year"
        if any(_rate(c, markers) for h in holders for c in syntax.children(h, {"npadvmod"})):
            return True
        for prep in syntax.children(node, {"prep"}):
            for phrase in syntax.children(prep, {"pobj"}):
                if prep.lower_ in markers.get("period_preps", ()) and _past_span(phrase, markers):
                    return True
                if prep.lower_ in markers.get("bare_preps", ()) and _bare_span(phrase, markers):
                    return True
                if prep.lower_ == "in" and phrase.lower_ in markers.get("past_words", ()):
                    return True  # "have suffered similar attacks *in the past*"
                if prep.lower_ in markers.get("year_preps", ()) and any(
                        _year_before(t, year) for t in _phrase(phrase)):
                    return True
    return False


def told_earlier(book: PatternBook, candidate: Candidate) -> bool:
    """"Boylan, who has *previously* visited Halawa in jail, said ...": an adverb of the past
    (past_markers' adverbs) on the trigger's own clause puts the act before the news, undated:
    background, not an act of the news. A statement (CAMEO 01) is still what was said, and an
    act with a date of its own ("had previously praised her *in 2015*") is history the time
    stage dates."""
    if candidate.pattern.cameo.startswith("01"):
        return False
    adverbs = book.past_markers.get("adverbs", frozenset())
    chain = syntax.predicate_chain(candidate.trigger)
    if not any(c.dep_ == "advmod" and c.lower_ in adverbs for node in chain for c in node.children):
        return False
    return not any(t.ent_type_ == "DATE" for node in chain for c in node.children
                   if c.dep_ in ("prep", "npadvmod") for t in c.subtree)


def _spent_span(trigger: Token, markers: dict[str, frozenset[str]]) -> bool:
    """"troops have spent six years *battling* the Taliban": an "-ing" act whose verb holds a
    number of past periods (periods) as its object tells a campaign, not an act."""
    if trigger.tag_ != "VBG" or trigger.dep_ not in ("xcomp", "advcl"):
        return False
    return any(o.lower_ in markers.get("periods", ()) and any(c.dep_ == "nummod" for c in o.children)
               for o in syntax.children(trigger.head, syntax.OBJECTS))


def _rate(phrase: Token, markers: dict[str, frozenset[str]]) -> bool:
    """"a year", "every day": a habit or a tally, not one act; not an offset ("a week *after*
    X was killed", "a day *earlier*")."""
    following = phrase.nbor(1).lower_ if phrase.i + 1 < len(phrase.doc) else ""
    return (phrase.lower_ in markers.get("rate_periods", ()) and following not in OFFSET_WORDS
            and any(c.dep_ == "det" and c.lower_ in markers.get("rates", ())
                    for c in phrase.children))


def _past_span(phrase: Token, markers: dict[str, frozenset[str]]) -> bool:
    """"the past two years", "the last decades", "recent months"."""
    return phrase.lower_ in markers.get("periods", ()) and any(
        c.lower_ in markers.get("modifiers", ()) for c in phrase.children)


def _bare_span(phrase: Token, markers: dict[str, frozenset[str]]) -> bool:
    """"clashed *for months*", "fighting *for years*": past periods without a number or a
    determiner, a standing state ("fought for two days" is one fight)."""
    return phrase.lower_ in markers.get("periods", ()) and not any(
        c.dep_ in ("det", "nummod", "amod", "poss") for c in phrase.children)


def _phrase(head: Token) -> list[Token]:
    """The words of a phrase, without the clauses inside it ("the war, *which broke out in
    2011*" dates the outbreak, not the act)."""
    words = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS:
            words.extend(_phrase(child))
    return words


def _year_before(token: Token, year: int | None) -> bool:
    """"2012" or "the 1970s" in an article of ``year``, and before the year preceding it."""
    text = token.text.lower().removesuffix("s").removesuffix("'")
    return (year is not None and len(text) == 4 and text.isdigit()
            and 1800 <= int(text) < year - 1)


def _nominal(token: Token) -> bool:
    """A noun, or a word in a noun's place ("an al qaida *suspect*" misread as a verb)."""
    return token.pos_ in ("NOUN", "PROPN") or token.dep_ in NOMINAL_DEPS


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
                      if o.pattern.cameo.startswith(prefix)
                      and not (prefix == "112" and o.pattern.sense))  # "said X killed": told
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
