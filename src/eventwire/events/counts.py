"""How many: killed, injured, arrested, kidnapped, displaced and participants of each event.

``count_events(parsed, events)`` sets ``Event.counts`` from the event's own sentence, reading
the spaCy dependency parse:

- a count predicate ("killed", "were wounded", "fled", "marched") counts its victims: the
  object, or the subject in the passive and of intransitive verbs ("three US servicemen were
  killed", "thousands marched");
- state words count the noun they qualify or are ("12 people dead", "five deaths");
- a protest's numbered subject is its size ("About 200 supporters blocked roads");
- "the death toll rose to 200" is a cumulative ``toll``, never new deaths;
- "no casualties were reported" is a 0.

A count goes to the events whose own argument the counted noun is: the trigger is the count's
predicate ("arrested" in "11 people arrested since the attack", not the attack), its "in
custody", the act a same-act preposition names ("killed in an air strike"), or the noun a
relative clause tells of ("an attack in which nine were killed"). Only when no event owns it,
the one event that may hold it within a few edges of the predicate gets it (none when two are in
reach). An event may hold a category when its PLOVER type accepts it (counts.yaml
``event_types``) and its CAMEO code is not of a kind the category never belongs to
(``not_of_codes``: an arrest kills no one, an attack arrests no one). Each event keeps its
nearest count of a kind, so "killed 3 militants and wounded 5 soldiers" gives killed 3 and
injured 5 to the attack, and a meeting in the same sentence gets none. A year is never a count.
Word lists live in ``data/counts.yaml``, loaded by ``events/count_words.py``, which also parses
the numbers (``parse_number``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from eventwire.events.count_words import Lexicon, Number, lexicon, parse_number
from eventwire.records import Event, ParsedArticle, ParsedSentence

if TYPE_CHECKING:  # annotations only: the store reads CATEGORIES without loading spaCy
    from spacy.tokens import Span, Token

__all__ = ["CATEGORIES", "Count", "count_events", "parse_number", "sentence_counts"]

CATEGORIES = ("killed", "injured", "arrested", "displaced", "kidnapped", "participants")
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVES = frozenset({"who", "whom", "that", "which"})
# entity types of figures that count no people: "$500,000", "20 percent", "10 pm"
NOT_PEOPLE = frozenset({"MONEY", "PERCENT", "TIME", "ORDINAL"})


@dataclass(frozen=True)
class Count:
    """One count found in a sentence: its category, number, words and where it hangs."""

    category: str
    number: Number
    start: int  # token indices (doc) of the words the number came from
    end: int
    anchor: int  # token index of the predicate it belongs to (for the distance to triggers)
    # token indices where a trigger makes the event the count's own (the predicate, its
    # particle, "in custody", the act named by "killed in a strike"); empty: no event owns it
    own: frozenset[int] = frozenset()


# -- finding counts in a sentence -------------------------------------------------------------
def sentence_counts(span: Span) -> tuple[list[Count], list[Count]]:
    """Counts and tolls of one parsed sentence."""
    lex = lexicon()
    tolls = [t for t in (_toll(token) for token in span if token.lemma_.lower() in lex.toll_words) if t]
    used = {i for toll in tolls for i in range(toll.start, toll.end + 1)}
    counts: list[Count] = []
    # predicates first: "50 protesters were arrested" are arrested, not a protest's size
    for token in sorted(span, key=lambda t: t.pos_ not in ("VERB", "AUX")):
        # a word counts once ("4,000 protesters" arrested are not also a protest's size), but
        # one word may give several categories ("no casualties": none killed, none injured)
        found = [c for c in _counts_at(token, lex) if not used.intersection(range(c.start, c.end + 1))]
        counts += found
        used.update(i for c in found for i in range(c.start, c.end + 1))
    running = [c for c in counts if _running_total(span.doc[c.anchor], lex)]
    counts = [c for c in counts if c not in running]
    return counts, tolls + [replace(c, category=f"toll:{c.category}") for c in running]


def _running_total(predicate: Token, lex: Lexicon) -> bool:
    """Whether the count's predicate is told over a period, a running total: "have been killed
    since the conflict began", "were killed in the war", "so far this year"."""
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in predicate.children):
        return False  # "on Tuesday": one day's act
    for child in predicate.children:
        words = child.lower_ if child.dep_ != "advmod" else " ".join(t.lower_ for t in child.subtree)
        if child.dep_ in ("prep", "mark", "advmod") and words in lex.running_marks:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.running_marks
                                         for m in child.children):
            return True  # "since the offensive began"
        periods = ([o for o in child.children if o.dep_ == "pobj"]
                   if child.dep_ == "prep" and child.lower_ in lex.running_preps else
                   [child] if child.dep_ == "npadvmod" else [])
        if any(_period(o, lex) for o in periods):
            return True
    return False


def _period(noun: Token, lex: Lexicon) -> bool:
    """"the war", "the past two years", "this year": a period, not an incident."""
    lemma = noun.lemma_.lower()
    compound = " ".join(t.lower_ for t in noun.children if t.dep_ in ("compound", "amod"))
    if lemma not in lex.running_periods and f"{compound} {lemma}".strip() not in lex.running_periods:
        return False
    if lemma in ("year", "month", "week", "decade"):  # a time unit: "this year", "the past two years"
        return any(t.lower_ in ("this", "past", "last", "previous", "recent")
                   for t in noun.children)
    return True


def _counts_at(token: Token, lex: Lexicon) -> list[Count]:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        category = lex.verbs.get(_predicate(token, lex))
        if category and not _alternative(token):
            own = _own_words(token, lex)
            return [c for c in (_victim_count(v, category, token, own) for v in _victims(token, lex)) if c]
        return []
    if lemma in lex.casualty_words or token.lower_ in lex.casualty_words:
        zero = _stated_zero(token, lex)
        if zero:
            return zero
    category = lex.state_words.get(lemma) or lex.state_words.get(token.lower_)
    if category:
        return _state_count(token, category)
    return []


def _predicate(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma with a particle or object that makes a listed predicate ("round up",
    "take part", "shoot dead", "take into custody")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("prt", "dobj", "acomp", "oprd", "advmod", "xcomp", "prep", "ccomp"):
            phrase = f"{lemma} {child.lower_}"
            if phrase in lex.verbs:
                return phrase
            if child.dep_ == "prep":
                full = f"{phrase} {' '.join(c.lower_ for c in child.children if c.dep_ == 'pobj')}"
                if full in lex.verbs:
                    return full
    return lemma


def _own_words(word: Token, lex: Lexicon) -> frozenset[int]:
    """Where a trigger makes an event the count's own: the predicate and its particle, "in
    custody", the act a same-act preposition names ("killed in an air strike"), and the noun a
    relative clause tells of ("an attack in which nine police officers were killed")."""
    own = {word.i}
    for child in word.children:
        if child.dep_ == "prt":
            own.add(child.i)
        if child.dep_ == "prep" and child.lower_ in lex.same_act_preps:
            own.update(c.i for c in child.children if c.dep_ == "pobj")
    if word.dep_ == "relcl" and word.head.pos_ in ("NOUN", "PROPN"):
        own.add(word.head.i)
    # "Four people were killed and 50 injured": coordinated count predicates tell one incident
    # (the kinds still have to fit: "killed 100 and kidnapped 60" stay apart)
    pair = [c for c in word.children if c.dep_ == "conj"] + ([word.head] if word.dep_ == "conj" else [])
    own.update(p.i for p in pair if p.pos_ in ("VERB", "AUX") and _predicate(p, lex) in lex.verbs)
    return frozenset(own)


def _alternative(verb: Token) -> bool:
    """"killing or wounding 50", "killed or captured": neither count is known."""
    partners = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        partners.append(verb.head)
    # the "or" hangs on the first of the pair: "remain in custody, neither charged or
    # identified" joins charged and identified, not remain
    return any(p.pos_ in ("VERB", "AUX") and p.lemma_.lower() != verb.lemma_.lower()
               and any(c.lower_ == "or" and c.dep_ == "cc" for c in (p if p.i < verb.i else verb).children)
               for p in partners)


def _victims(verb: Token, lex: Lexicon) -> list[Token]:
    """Who the predicate counts: the passive subject, the object, or an intransitive subject."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    objects = [c for c in children if c.dep_ in ("dobj", "attr")] or _up_to_object(verb)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive and not subjects:
        heads = [verb.head]  # "five people killed in the blast"; not "claims that 200 had been killed"
    elif passive:
        heads = passive
    elif lemma in lex.intransitive or _predicate(verb, lex) in lex.intransitive:
        heads = subjects  # "thousands marched"; never "rallying 4.6 million expatriates to vote"
    elif objects:
        heads = objects
    elif any(_numeric(s) for s in subjects):
        heads = subjects  # "thousands marched"; "and 30 wounded"
    elif verb.tag_ == "VBN" and subjects:
        heads = subjects  # a reduced passive: "with 99 people killed", "Six journalists arrested"
    elif verb.tag_ == "VBN" and verb.dep_ in ("oprd", "xcomp", "acomp", "ccomp"):
        # "10 women were reported wounded": the reporting verb's subject
        heads = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    else:
        heads = _shared_object(verb)
    if verb.dep_ == "relcl":  # "Nine others who had been arrested": the noun the clause is on
        heads = [verb.head if h.lower_ in RELATIVES else h for h in heads]
    if lemma in lex.person_object_only:  # "seized 3 soldiers", never "seized $500,000" or a town
        heads = [h for h in heads if _person_noun(h)]
    return [x for h in heads for x in (h, *_conjuncts(h))]


def _up_to_object(verb: Token) -> list[Token]:
    """"arrested up to 4,000 protesters", "abducted between 10 and 20 villagers": objects the
    parse reads as a "to" or "between" phrase."""
    ups = [verb, *(c for c in verb.children if c.lower_ == "up")]
    preps = [p for up in ups for p in up.children if p.dep_ == "prep" and (
        p.lower_ == "between" or (p.lower_ == "to" and p.i > 0 and p.doc[p.i - 1].lower_ == "up"))]
    return [c for p in preps for c in p.children if c.dep_ == "pobj" and _has_number(c)]


def _shared_object(verb: Token) -> list[Token]:
    """"killed and wounded 20 people": the object of the next verb of an "and" list."""
    for conj in verb.children:
        if conj.dep_ == "conj" and any(c.lower_ == "and" for c in verb.children if c.dep_ == "cc"):
            return [c for c in conj.children if c.dep_ == "dobj"]
    return []


def _conjuncts(noun: Token) -> list[Token]:
    """"100 soldiers, 20 civilians and 59 tourists": every noun of the list."""
    found = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    return [x for c in found for x in (c, *_conjuncts(c))]


def _person_noun(noun: Token) -> bool:
    """A noun of people: "soldiers", "people", "hostages", or a number "of" such a noun."""
    lex = lexicon()
    if _numeric(noun):
        objects = [c for p in noun.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        return bool(objects) and _person_noun(objects[0])
    return (noun.lemma_.lower() in lex.person_nouns or noun.lemma_.lower() in lex.state_words
            or noun.ent_type_ == "NORP")


def _numeric(token: Token) -> bool:
    return token.pos_ == "NUM" or token.like_num or token.lower_ in lexicon().vague


def _victim_count(head: Token, category: str, anchor: Token, own: frozenset[int] = frozenset()
                  ) -> Count | None:
    start, end = _phrase(head)
    doc = head.doc
    start = _with_modifier(doc, start)
    if any(t.like_num and t.ent_type_ in NOT_PEOPLE for t in doc[start:end + 1]):
        return None
    if any(_year(t, head) for t in doc[start:end + 1]):
        return None
    number = parse_number(doc[start:end + 1].text)
    if number is None and category != "participants":  # one leader who rallies is no crowd of one
        number = _one(head)
    if number is None:
        return None
    return Count(category, number, start, end, anchor.i, own)


def _year(token: Token, head: Token) -> bool:
    """A figure that is a year, not a count: "the 2010 candidate", "in 2010", "since 1999"."""
    lex = lexicon()
    low, high = lex.year_range
    if not (token.text.isdigit() and low <= int(token.text) <= high):
        return False
    doc = token.doc
    near = {doc[j].lower_ for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)}
    return token.ent_type_ == "DATE" or bool(near & lex.date_words) or not _person_noun(head)


def _with_modifier(doc: Any, start: int) -> int:
    """Move the start back over a bound the parse left outside the phrase ("up to", "some")."""
    lex = lexicon()
    bounds = {*lex.floor, *lex.ceiling, *lex.approximate, "between"}
    for size in (3, 2, 1):
        if start - size >= 0 and doc[start - size:start].text.lower() in bounds:
            return start - size
    return start


def _phrase(head: Token) -> tuple[int, int]:
    """The words of a counted noun phrase: from its left edge to the noun ("at least five
    others"), through "of" when the noun is the number ("thousands of Tamil refugees")."""
    start, end = head.left_edge.i, head.i
    if _numeric(head):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    end = objects[0].i
    return start, end


def _one(head: Token) -> Number | None:
    """A singular person is a count of one: "a prominent journalist", "the deputy chief",
    a named person."""
    lex = lexicon()
    if head.tag_ in ("NNS", "NNPS") or head.morph.get("Number") == ["Plur"]:
        return None
    person = head.lemma_.lower() in lex.person_nouns or head.ent_type_ == "PERSON"
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "nummod")}
    if person and (determiners & {"a", "an", "one", "the"} or head.ent_type_ == "PERSON"):
        return Number(1, 1, 1)
    return None


def _state_count(token: Token, category: str) -> list[Count]:
    """"12 people dead", "30 wounded", "five deaths", "the deaths of 12 people",
    "5,000 protesters"."""
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head = token.head
    elif token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in SUBJECTS):
        head = token
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and _has_number(objects[0]):
                    head = objects[0]
    else:
        return []
    if not _has_number(head):
        return []
    # anchored at the noun itself: "the 3,000 demonstrators who turned out for a march" belong
    # to the march, not to another protest the sentence names
    found = _victim_count(head, category, token, _own_words(token, lexicon()))
    return [found] if found else []


def _has_number(noun: Token) -> bool:
    return _numeric(noun) or any(
        c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in ("several", "dozens"))
        for c in noun.children)


def _verb_above(token: Token) -> Token:
    """The nearest verb governing a word (the anchor of a noun's count)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:  # spaCy makes a
        # new Token object on each access: compare positions, never identities
        current = current.head
    return current


def _stated_zero(token: Token, lex: Lexicon) -> list[Count]:
    """"no casualties were reported", "there were no deaths"."""
    if not any(c.lower_ in ("no", "zero") for c in token.children if c.dep_ == "det"):
        return []
    categories = lex.casualty_words.get(token.lemma_.lower()) or lex.casualty_words.get(token.lower_, ())
    start = token.left_edge.i
    anchor = _verb_above(token).i
    own = _own_words(token, lex)
    return [Count(c, Number(0, 0, 0), start, token.i, anchor, own) for c in categories]


def _toll(token: Token) -> Count | None:
    """The number of "the death toll rose to more than 200", "bringing the toll to 45",
    "a death toll of 30", "the toll stood at 12"."""
    candidates: list[Token] = []
    for child in token.children:  # "a toll of 30"
        if child.dep_ == "prep":
            candidates += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("appos", "nummod"):
            candidates.append(child)
    if token.dep_ in ("nsubj", "dobj", "nsubjpass"):  # "the toll rose to 200", "brought the toll to 45"
        verb = token.head
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                candidates += [c for c in child.children if c.dep_ == "pobj"]
            if child.dep_ in ("attr", "dobj", "npadvmod") and child.i != token.i:
                candidates.append(child)
    for noun in candidates:
        start, end = _phrase(noun)
        number = parse_number(noun.doc[start:end + 1].text)
        if number is not None:
            kind = "injured" if any(c.lower_ in ("injury", "wounded") for c in token.children) else "killed"
            return Count(f"toll:{kind}", number, start, end, _verb_above(token).i)
    return None


# -- giving counts to events ------------------------------------------------------------------
def count_events(parsed: ParsedArticle, events: list[Event]) -> None:
    """Set ``counts`` on each event from its sentence (left empty when the text gives none)."""
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        # an act that did not happen, or is only planned, threatened or supposed, harmed no one
        if not event.negated and event.modality == "asserted":
            by_sentence.setdefault(event.sentence_index, []).append(event)
    sentences = {s.index: s for s in parsed.sentences}
    for index, sentence_events in by_sentence.items():
        sentence = sentences.get(index)
        if sentence is not None and sentence.span is not None:
            _count_sentence(sentence, sentence_events)


def _count_sentence(sentence: ParsedSentence, events: list[Event]) -> None:
    lex = lexicon()
    counts, tolls = sentence_counts(sentence.span)
    triggers = {id(e): _trigger(sentence, e) for e in events}
    counts += _subject_sizes(sentence, events, triggers, counts + tolls, lex)
    given: list[tuple[int, int, int, Event, Count]] = []
    for found in counts + tolls:
        allowed = [e for e in events if _fits(e, found, lex) and triggers[id(e)] is not None]
        chosen = _owners(found, allowed, triggers, sentence, lex)
        given += [(distance, 0 if _about_target(sentence, e, found) else 1, n, e, found)
                  for n, (distance, e) in enumerate(chosen)]
    # an event keeps the nearest count of each category; at equal distance the one about its
    # target ("killed 100 soldiers, 20 civilians and 59 tourists": each target its own), then
    # the first
    for *_, event, found in sorted(given, key=lambda g: (g[0], g[1], g[4].start, g[2])):
        _give(event, sentence, found)


def _fits(event: Event, found: Count, lex: Lexicon) -> bool:
    """Whether the event's type may hold the category and its kind (CAMEO code) is not one the
    category never belongs to (an arrest kills no one; an attack arrests no one)."""
    category, kind = found.category.split(":")[0], found.category.split(":")[-1]
    code = event.cameo or ""
    return ((event.plover or "") in lex.event_types.get(category, ())
            and not any(code.startswith(p) for p in lex.not_of_codes.get(kind, ())))


def _owners(found: Count, allowed: list[Event], triggers: dict[int, Token | None],
            sentence: ParsedSentence, lex: Lexicon) -> list[tuple[int, Event]]:
    """The events a count goes to, with their distance: those whose trigger is the count's own
    predicate (its victims are that trigger's argument); else the one fitting event within
    ``fallback_distance`` edges ("850 people were killed as police clashed": killed is not coded,
    clashed is), never one of several. An owned count is shared
    with fitting events within ``share_distance`` edges."""
    anchor = sentence.span.doc[found.anchor]
    allowed = _own_target(found, allowed, triggers, sentence)
    distances = [(_distance(anchor, triggers[id(e)]), e) for e in allowed]  # type: ignore[arg-type]
    if any(triggers[id(e)].i in found.own for e in allowed):  # type: ignore[union-attr]
        # the owner, and events of a fitting kind a few edges away that code the same incident
        # again ("six soldiers were killed when gunmen launched an attack": killed, attack), as
        # a later confidence threshold may drop either
        return [(0 if triggers[id(e)].i in found.own else d, e)  # type: ignore[union-attr]
                for d, e in distances if triggers[id(e)].i in found.own or d <= lex.share_distance]
    near = [(d, e) for d, e in distances if d <= lex.fallback_distance]
    if len({triggers[id(e)].i for _, e in near}) != 1:  # type: ignore[union-attr]
        return []  # two fitting acts in reach: whose victims they are is not known
    return near


def _own_target(found: Count, allowed: list[Event], triggers: dict[int, Token | None],
                sentence: ParsedSentence) -> list[Event]:
    """Of events coded on one trigger, one per target ("arrested a woman and three men"), a
    count that is one event's target is not another's: "three men" never goes to the woman's."""
    about = {triggers[id(e)].i for e in allowed if _about_target(sentence, e, found)}  # type: ignore[union-attr]
    return [e for e in allowed
            if triggers[id(e)].i not in about or _about_target(sentence, e, found)]  # type: ignore[union-attr]


def _subject_sizes(
    sentence: ParsedSentence, events: list[Event], triggers: dict[int, Token | None],
    taken: list[Count], lex: Lexicon,
) -> list[Count]:
    """A protest's numbered subject is its size: "About 200 supporters blocked roads"."""
    used = {i for c in taken for i in range(c.start, c.end + 1)}
    sizes: list[Count] = []
    for event in events:
        trigger = triggers[id(event)]
        if trigger is None or (event.plover or "") not in lex.subject_participants:
            continue
        for subject in _subjects(_verb_above(trigger)):
            if _has_number(subject) and subject.i not in used:
                found = _victim_count(subject, "participants", trigger, frozenset({trigger.i}))
                if found:
                    sizes.append(found)
                    used.update(range(found.start, found.end + 1))
    return sizes


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes ("workers stopped work to
    protest", "Turks began a hunger strike")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def _trigger(sentence: ParsedSentence, event: Event) -> Token | None:
    """The trigger token: the coder's token index, else the event's trigger span (offsets
    within ``sentence.text``)."""
    known = sentence.token_at(event.trigger_index)
    if known is not None:
        return known
    span = (event.evidence or {}).get("spans", {}).get("trigger")
    if not span:
        return None
    lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
    char = sentence.span.start_char + lead + span[0]
    for token in sentence.span:
        if token.idx <= char < token.idx + max(len(token), 1):
            return token
    return None


def _about_target(sentence: ParsedSentence, event: Event, found: Count) -> bool:
    """Whether the count's words overlap the event's target (offsets within sentence.text)."""
    span = (event.evidence or {}).get("spans", {}).get("target")
    if not span:
        return False
    doc = sentence.span.doc
    lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
    offset = sentence.span.start_char + lead
    begin, finish = doc[found.start].idx - offset, doc[found.end].idx + len(doc[found.end]) - offset
    return begin < span[1] and span[0] < finish


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    up_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return n + depth[t.i]
    return len(up_a) + 99


def _give(event: Event, sentence: ParsedSentence, found: Count) -> None:
    if event.counts is None:
        event.counts = {}
    key = "toll" if found.category.startswith("toll") else found.category
    if key in event.counts:
        return
    doc = sentence.span.doc
    lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
    offset = sentence.span.start_char + lead
    begin, finish = doc[found.start].idx - offset, doc[found.end].idx + len(doc[found.end]) - offset
    record: dict[str, Any] = {"value": found.number.value, "low": found.number.low,
                              "high": found.number.high, "text": sentence.text[begin:finish],
                              "span": [begin, finish]}
    if key == "toll":
        record["of"] = found.category.split(":")[1]
    event.counts[key] = record
