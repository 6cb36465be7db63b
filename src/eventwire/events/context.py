"""Acts a sentence tells as context, not as news (issue 17, a trained coder's "not an event"):
a direct question, a trend ("*rising* attacks"), a life story ("arrested *at age 17*"), a
run of someone's acts ("*his meetings* with officials"), a past act told of a person to say who
they are ("a woman *whose son was killed* by ..."), an animal as the one who attacks or is
shot, one who harms only themself ("killed *himself*"), and counts of acts ("*338
attacks*", "*30,000 people* arrested *in 2015*", "*24 fighters* have been killed *since
Saturday*"), a kind of act ("*any* attack on a judge", "*those who*
killed"), a statistic ("*compared with* 120 in 2010") and a named event of history ("the
Armenian *Genocide*"). The words are senses.yaml's ``context``; an act with a date of
its own on its clause is history the time stage dates, and stays, except a count or a life
story. A sentence that dates an act to a day (day_words: a weekday, "overnight", "yesterday";
a month and day; a time) or opens with a breaking-news label (news_leads) is current news:
none of these but the animal and self-harm rules applies to it.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.matching import Candidate
from eventwire.events.patterns import PatternBook
from eventwire.nlp import syntax

Token = Any

# How a number counts a noun ("*30,000* people").
COUNT_DEPS = {"nummod"}
# The present perfect's auxiliary ("*have* been killed since ..."): a count up to now.
PERFECT_TAGS = ("VBZ", "VBP")


def told_as_context(book: PatternBook, candidate: Candidate) -> bool:
    """Whether the candidate is an act told as context, not an act of the news."""
    words = book.context
    if not words:
        return False
    trigger = candidate.trigger
    chain = syntax.predicate_chain(trigger)
    if animal(words, chain) or self_harm(words, candidate, chain):
        return True
    if day_dated(words, trigger.sent):
        return False
    return (question(words, trigger) or life_story(words, chain)
            or counted(words, candidate, chain) or generic(words, candidate, chain)
            or compared(words, chain) or named_event(candidate)
            or (not _dated(words, chain) and (trend(words, candidate) or who_they_are(chain)
                                               or series(words, candidate))))


def day_dated(words: dict[str, frozenset[str]], sentence: Token) -> bool:
    """Whether the sentence dates an act to a day ("on Monday", "overnight", "this morning",
    "on March 3", a time) or opens with a breaking-news label ("BREAKING:"): current news."""
    tokens = [t for t in sentence if not t.is_space]
    if len(tokens) > 1 and tokens[0].lower_ in words.get("news_leads", ()) and tokens[1].text == ":":
        return True
    for t in tokens:
        if t.lower_ in words.get("day_words", ()):
            return True
        if t.ent_type_ in ("DATE", "TIME") and t.lower_ in words.get("day_parts", ()):
            return True
        if t.ent_type_ == "TIME":
            return True
        if t.ent_type_ == "DATE" and t.lower_[:3] in _MONTHS and any(
                u.ent_type_ == "DATE" and u.text.isdigit() and len(u.text) <= 2
                for u in t.doc[max(t.i - 2, sentence.start):min(t.i + 3, sentence.end)]):
            return True
    return False


def question(words: dict[str, frozenset[str]], trigger: Token) -> bool:
    """"Did the army attack the town?", "Who attacked the minister?": a direct question (led by
    a question word or an inverted auxiliary, ending in "?") asserts no act of its main clause;
    one in a relative or adverbial clause is presupposed ("... the attack that killed X?")."""
    sentence = trigger.sent
    tokens = [t for t in sentence if not t.is_punct and not t.is_space]
    text = sentence.text.rstrip().rstrip("\"'”’ ").rstrip()
    if not tokens or not text.endswith("?"):
        return False
    first = tokens[0]
    if first.lower_ not in words.get("question_starts", ()) or first.i >= trigger.i:
        return False
    # the question's own act only: one in a relative or adverbial clause is presupposed
    return not any(t.dep_ in ("relcl", "advcl", "acl", "pobj", "pcomp")
                   for t in (trigger, *trigger.ancestors))


def life_story(words: dict[str, frozenset[str]], chain: list[Token]) -> bool:
    """"was arrested *at age 17*", "met *as teenagers*", "jailed *in his youth*": a stage of a
    person's life on the act's clause tells a life story (life_stages: preposition + noun),
    dated or not ("met as teenagers in 1953")."""
    stages = words.get("life_stages", frozenset())
    for node in chain:
        if node.pos_ not in ("VERB", "AUX"):
            continue  # "a girl, at age 16 the youngest ...": a stage of a noun, not of the act
        for prep in syntax.children(node, {"prep"}):
            for noun in syntax.children(prep, {"pobj"}):
                if any(c.pos_ in ("VERB", "AUX") for c in noun.children) \
                        or noun.head.pos_ == "VERB" and noun.dep_ == "nsubj":
                    continue  # "as children watched": a clause, "as" a mark
                if f"{prep.lower_} {noun.lemma_.lower()}" in stages:
                    return True
    return False


def generic(words: dict[str, frozenset[str]], candidate: Candidate, chain: list[Token]) -> bool:
    """"*any* attack on a judge is an attack on all judges", "*those who* killed journalists
    will be punished", "*whoever* attacked him": an act of anyone at all (generic_determiners
    on an event noun, or on the subject of the copula the noun is told of; a doer of
    generic_doers, or a relative clause on one, in the present or under a modal main clause)
    is a kind of act; "those who attacked the station *were* members of X" tells one act."""
    trigger = candidate.trigger
    determiners = words.get("generic_determiners", frozenset())
    doers = words.get("generic_doers", frozenset())
    if candidate.pattern.kind == "noun":
        nouns = [trigger]
        if trigger.dep_ == "attr":  # "any attack on X *is an attack* on Y"
            nouns += syntax.children(trigger.head, {"nsubj"})
        return any(c.dep_ == "det" and c.lower_ in determiners for n in nouns for c in n.children)
    for node in chain:
        relative = node.dep_ == "relcl" and node.head.lower_ in doers
        doer = relative or any(c.dep_ == "nsubj" and c.lower_ in doers for c in node.children)
        main = node.head.head if relative else node.head  # the clause it is told in
        if doer and (node.tag_ in ("VBP", "VBZ") or _modal(main) or _modal(trigger.sent.root)):
            return True  # "those who *kill* ...", "those who killed ... *will* be punished"
    return False


def _modal(root: Token) -> bool:
    """A main clause with a modal or future auxiliary ("*will* be punished", "*must* face")."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in root.children)


def compared(words: dict[str, frozenset[str]], chain: list[Token]) -> bool:
    """"40 ships were attacked in 2011, *compared with 120* in 2010": an act compared with a
    number (comparison_words with a number in its phrase, on the act's clause) is a
    statistic, not one act, when the act or the compared phrase is dated to a year ("in
    2011", "last year"); "killed 12 in Gaza, compared with 3 in the West Bank" is news."""
    marks = words.get("comparison_words", frozenset())
    for c in (c for node in chain for c in node.children if c.lower_ in marks):
        phrase = [t for t in c.subtree if t.i > c.i]
        if any(t.like_num for t in phrase) and (_year_span(words, chain) or any(
                t.shape_ == "dddd" and t.ent_type_ == "DATE" for t in phrase)):
            return True  # "attacked in 2011, compared with 120 in 2010"
    return False


def named_event(candidate: Candidate) -> bool:
    """"the Armenian *Genocide*", "the Boston *Massacre*": an event noun written as a proper
    name inside an ordinary sentence names an event of history; the news tells of it, it does
    not report it. A headline in title case ("Suicide *Attack* on Police Kills 26") is not
    such a sentence: it has no verb in lower case. An act on or against a target is read as
    a current one unless the parser names it an EVENT ("the Israeli Attack *on* the hospital")."""
    trigger = candidate.trigger
    if candidate.pattern.kind != "noun" or trigger.tag_ not in ("NNP", "NNPS") \
            or trigger.i == trigger.sent.start or not trigger.is_title:
        return False
    if trigger.ent_type_ != "EVENT" and any(
            c.dep_ == "prep" and c.lower_ in ("on", "against") for c in trigger.children):
        return False  # "condemned the Israeli Attack *on* the hospital": a current act
    return any(t.pos_ in ("VERB", "AUX") and t.is_lower and t.is_alpha for t in trigger.sent)


def who_they_are(chain: list[Token]) -> bool:
    """"relatives *whose daughter was murdered* by X", "a man whose son was shot": a past act in
    a "whose" relative clause tells who someone is, undated; background."""
    for node in chain:
        if node.dep_ == "relcl" and node.tag_ in ("VBD", "VBN"):
            subjects = syntax.children(node, {"nsubj", "nsubjpass"})
            if any(c.lower_ == "whose" and c.dep_ == "poss" for s in subjects for c in s.children):
                return True
    return False


def series(words: dict[str, frozenset[str]], candidate: Candidate) -> bool:
    """"*his meetings* with Russian officials", "the general's foreign *visits*": a noun of
    meetings and visits (series_nouns; not "talks", always plural) in the plural with its
    owner, undated and placed nowhere ("in Beijing"), tells a run of
    them as background, not one ("renewed *its Twitter attacks*" is an act of the news)."""
    trigger = candidate.trigger
    placed = any(o.dep_ == "pobj" and o.head.lower_ in ("in", "to", "at")
                 and o.ent_type_ in ("GPE", "LOC", "FAC") for o in trigger.sent)
    return (candidate.pattern.kind == "noun" and trigger.tag_ in ("NNS", "NNPS")
            and trigger.lemma_.lower() in words.get("series_nouns", ())
            and any(c.dep_ == "poss" for c in trigger.children) and not placed
            and not any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree))


def animal(words: dict[str, frozenset[str]], chain: list[Token]) -> bool:
    """"was attacked by a dog", "the tiger was shot by police": an animal that attacks or is
    shot (animals, as a participant of the act's own clause) is no political event."""
    animals = words.get("animals", frozenset())
    node = chain[0]
    parts = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    parts += syntax.by_agents(node)
    for part in parts:
        if part.pos_ == "PROPN" or part.is_title and part.i != part.sent.start \
                or any(c.dep_ == "compound" for c in part.children):
            continue  # "The Bear, a militia leader", "a police dog": no wild animal
        if part.lemma_.lower() in animals:
            return True
        if part.lower_ in ("which", "that") and node.dep_ == "relcl" \
                and node.head.lemma_.lower() in animals:
            return True  # "the dog, which attacked him"
        if part.lower_ == "it" and any(t.dep_ in ("nsubj", "nsubjpass")
                                       and t.lemma_.lower() in animals for t in node.sent):
            return True  # "the tiger escaped before it was shot"
    return False


def self_harm(words: dict[str, frozenset[str]], candidate: Candidate, chain: list[Token]) -> bool:
    """"the prisoner *killed himself* in his cell": an act of harm (self_harm_codes) whose one
    object is the doer (reflexives, with no other object joined to it: "killed himself and 12
    others" is a bombing) harms no one else; no political violence ("committed themselves to
    a ceasefire" is no harm; "blew themselves up" is a suicide bombing, and stays)."""
    if not candidate.pattern.cameo.startswith(tuple(words.get("self_harm_codes", ()))):
        return False
    objects = syntax.children(chain[0], {"dobj"})
    return len(objects) == 1 and objects[0].lower_ in words.get("reflexives", ()) \
        and not syntax.children(objects[0], {"conj"}) \
        and not any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                    for c in chain[0].children)  # "shot themselves and *a colleague*", misparsed


def counted(words: dict[str, frozenset[str]], candidate: Candidate, chain: list[Token]) -> bool:
    """A count of acts, not one act: "at least *338 attacks*" (an event noun counted at
    ``plural_acts`` or more), "*30,000 people* were arrested *in 2015*" (``victims`` or more
    over a span of a year or more; acts in the plural doing harm over such a span: "its
    attacks *last year* killed 6,000"), "*24 fighters* have been killed *since Saturday*" (a counted
    side in the present perfect, counted since a past time), "*a week of violence* killed 612
    people" (a span as the doer: span_subjects)."""
    trigger = candidate.trigger
    limits = {k: int(next(iter(v))) for k, v in words.items() if k.startswith("count_")}
    if candidate.pattern.kind == "noun":  # "338 attacks", "its attacks *last year* killed"
        return trigger.tag_ in ("NNS", "NNPS") and (
            _count(trigger) >= limits.get("count_acts", 10**9)
            or trigger.dep_ == "nsubj" and _year_span(words, chain))
    node = chain[0]
    spans = words.get("span_subjects", frozenset())
    holders = syntax.children(node, {"nsubj"})
    if any(s.lemma_.lower() in spans and syntax.prep_objects(s, "of") and s.i < trigger.i
           and (s in holders or trigger in s.subtree) for s in trigger.sent):
        return True  # "a week of violence killed 612 people": the toll of a span

    sides = [c for c in node.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    largest = max((_count(s) for s in sides), default=0)
    if largest >= limits.get("count_victims", 10**9) and _year_span(words, chain):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in PERFECT_TAGS
                  for c in node.children)
    since = any(p.lower_ == "since" and _long_since(words, p)
                for n in chain for p in syntax.children(n, {"prep"}))
    return perfect and since and largest >= 2


def _long_since(words: dict[str, frozenset[str]], prep: Token) -> bool:
    """"since 2020", "since March", "since the war began": a span of months or more (a year,
    a month, since_spans), not "since the coup attempt"."""
    phrase = list(prep.subtree)[1:]
    return any(t.lower_ in words.get("since_spans", ()) or t.lower_[:3] in _MONTHS
               or (len(t.text) == 4 and t.text.isdigit()) for t in phrase)


def trend(words: dict[str, frozenset[str]], candidate: Candidate) -> bool:
    """"*rising* attacks by extremists", "*repeated* attacks by the army": an event noun with a
    word of a trend or a habit (trend_words), undated, tells a run of acts, not one act."""
    trigger = candidate.trigger
    return candidate.pattern.kind == "noun" and any(
        c.dep_ == "amod" and c.lower_ in words.get("trend_words", ()) for c in trigger.children)


def _count(noun: Token) -> int:
    """The number in digits counting ``noun`` ("*4,000* people"; words such as "dozens" not)."""
    best = 0
    for child in noun.children:
        if child.dep_ in COUNT_DEPS and child.like_num:
            digits = child.text.replace(",", "")
            if digits.isdigit():
                best = max(best, int(digits))
    return best


def _year_span(words: dict[str, frozenset[str]], chain: list[Token]) -> bool:
    """A date of a year or more on the act's clause or its doer: "in 2015", "last year",
    "this year", "its attacks on 40 towns *last year* killed ..."."""
    spans = words.get("year_spans", frozenset())
    for node in chain:
        heads = [node, *syntax.children(node, {"nsubj"})]
        for child in (c for h in heads for c in h.children):
            if child.dep_ not in ("prep", "npadvmod") or child.lower_ == "since" \
                    or child.lower_ in words.get("comparison_words", ()):
                continue  # "compared with 300 *last year*" dates the other figure
            phrase = list(child.subtree)
            if any(t.tag_ in ("JJS", "RBS") or t.lower_ == "most" for t in phrase):
                continue  # "the biggest crackdown in years": a record, not a span
            if any(t.lower_ in spans for t in phrase):
                return True
            if any(len(t.text) == 4 and t.text.isdigit() and t.ent_type_ == "DATE" for t in phrase) \
                    and not any(t.ent_type_ == "DATE" and t.lower_[:3] in _MONTHS for t in phrase):
                return True
    return False


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _dated(words: dict[str, frozenset[str]], chain: list[Token]) -> bool:
    """Whether the act's clause carries a date of its own ("in 2012", "on March 3, 1996", a
    time, "overnight")."""
    return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in words.get("day_words", ())
               for node in chain for c in node.children
               if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree)
