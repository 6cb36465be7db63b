"""Word senses: which uses of an event word are no event of its kind (events/data/senses.yaml).

"admitted him to hospital" admits nothing, "fight crime" is no armed fight, "attacked the Lib Dems
for not being responsible" and "Rutte shot back" are criticism in words, not force. Each test
reads only the predicate's own arguments, never the rest of the sentence - but one: an attack
between politicians is criticism only in a sentence without violence (``between_politicians``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.events.patterns import Pattern, PatternBook
from eventwire.nlp import syntax
from eventwire.records import Actor

Token = Any

# Dependencies of a predicate whose words tell its sense: objects (a passive verb's subject
# too: "*the blossoms* were killed"), particles, prepositions' objects, and a noun's own
# modifiers ("*heart* attack").
_OWN_DEPS = syntax.OBJECTS | syntax.PASSIVE_SUBJECTS | {"prt", "compound", "amod", "nmod", "advmod"}
# Roots of force and violence: the only codes a verbal use turns into criticism.
FORCE_ROOTS = ("17", "18", "19", "20")
QUOTES = syntax.QUOTE_TOKENS


def argument_words(token: Token) -> set[str]:
    """Lemmas and lower-case forms of the predicate's objects, particles, modifiers and
    prepositional objects (with their conjuncts)."""
    words: set[str] = set()
    heads = [c for c in token.children if c.dep_ in _OWN_DEPS]
    heads += [o for _, o in syntax.all_prep_objects(token)]
    for head in heads:
        for word in syntax.conjuncts(head):
            words.update((word.lemma_.lower(), word.lower_))
    return words


def means_words(book: PatternBook, token: Token) -> set[str]:
    """Where a pattern's ``means`` are read: the predicate's active subject and its objects of
    with/by/in/from ("a car *bomb* killed", "killed *in a bombing*", "attacked *with sarin*"), and
    the modifiers of those that carry the means (means_carriers: "a *bomb* blast", "*sarin*
    gas"); not its objects, the ones acted on ("police killed *the bomber*"), not places or
    times ("near a *bomb* factory", "after a *bomb* threat"), not the subject's own modifiers
    ("*gas* workers attacked")."""
    heads = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    heads += [o for p, o in syntax.all_prep_objects(token) if p in ("with", "by", "in", "from")]
    heads += [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")]
    words: set[str] = set()
    for head in heads:
        carried = [m for m in head.children if m.dep_ in ("compound", "amod")
                   and head.lemma_.lower() in book.means_carriers]
        for word in (head, *carried):
            words.update((word.lemma_.lower(), word.lower_))
    return words


DETAIL_PREPS = ("to", "for", "into", "as")


def detail_words(token: Token) -> set[str]:
    """Where a pattern's ``detail`` is read: the modifiers and "of" objects of the verb's
    direct objects ("suspended *food* supplies", "deliveries *of arms*"), and the objects of
    to/for/into/as on the verb or its objects, with their modifiers ("sent troops *to the
    peacekeeping force*", "opened its borders *to refugees*"); not the rest of the sentence
    ("sent troops to X *amid peacekeeping talks*")."""
    objects = syntax.children(token, syntax.OBJECTS)
    heads = [p for o in objects for p in syntax.prep_objects(o, "of")]
    heads += [p for h in (token, *objects) for prep in DETAIL_PREPS
              for p in syntax.prep_objects(h, prep)]
    words = {m.lemma_.lower() for o in objects for m in o.children
             if m.dep_ in ("compound", "amod", "nmod")}
    for head in heads:
        for word in (head, *(m for m in head.children if m.dep_ in ("compound", "amod", "nmod"))):
            words.update((word.lemma_.lower(), word.lower_))
    return words


def other_sense(book: PatternBook, token: Token) -> bool:
    """Whether the predicate's own arguments mark another sense of its lemma (other_senses);
    a part of something ("*half of* the blossoms", partitives) is read as what it is part of."""
    if token.lemma_.lower() in book.objectless and any(
            o.lemma_.lower() not in book.objectless_feelings
            for o in syntax.children(token, {"dobj", "ccomp"})):
        return True  # "demonstrated *its resolve*", "demonstrated *that it works*": showed
    if book.cause_senses.get(token.lemma_.lower(), frozenset()) & _cause_words(token):
        return True  # "killed *in a fall*", "died *of cholera*", "killed by cancer"
    vetoes = book.other_senses.get(token.lemma_.lower())
    if not vetoes:
        return False
    if _accident(book, token):
        return True
    words = argument_words(token) | _doers(token)
    # an animal is read as a party (subject, by-agent, object), never as an instrument: "police
    # attacked the protesters *with dogs*" is the police's attack (senses.yaml animals)
    words -= {w for o in syntax.prep_objects(token, "with") for c in syntax.conjuncts(o)
              if c.lemma_.lower() in book.animals for w in (c.lemma_.lower(), c.lower_)}
    for contest in syntax.children(token, syntax.OBJECTS):
        if contest.lemma_.lower() in book.verbal.get("contests", ()):
            # "fought a *trade* war", "is fighting a *legal* battle": the contest's own kind
            vetoes = vetoes | book.other_senses.get(contest.lemma_.lower(), frozenset())
            words |= {w for m in contest.children if m.dep_ in ("compound", "amod")
                      for w in (m.lemma_.lower(), m.lower_)}
    for part in syntax.children(token, syntax.OBJECTS | syntax.PASSIVE_SUBJECTS):
        if part.lemma_.lower() in book.partitives or part.lower_ in book.partitives:
            words |= {w for o in syntax.prep_objects(part, "of")
                      for w in (o.lemma_.lower(), o.lower_)}
    return bool(vetoes & words)


CAUSE_PREPS = ("in", "from", "of")


def _cause_words(token: Token) -> set[str]:
    """Where cause_senses are read: the doer, the by-agent and the objects of in/from/of on the
    predicate, with their modifiers; a word with an "of" object is read as that object ("in
    the fall *of* Idlib": Idlib; "an outbreak *of* cholera": cholera)."""
    heads = [c for c in token.children if c.dep_ == "nsubj"] + syntax.by_agents(token)
    heads += [o for prep in CAUSE_PREPS for o in syntax.prep_objects(token, prep)]
    words: set[str] = set()
    for head in (c for h in heads for c in syntax.conjuncts(h)):
        if head.lower_ in ("which", "that") and token.dep_ == "relcl":
            head = token.head  # "a bushfire *that* killed three": the bushfire
        inner = syntax.prep_objects(head, "of")
        for word in inner or [head, *(m for m in head.children if m.dep_ in ("compound", "amod"))]:
            words.update((word.lemma_.lower(), word.lower_))
    return words


def _accident(book: PatternBook, token: Token) -> bool:
    """Whether a clause of how the harm came (harm_clause_words) tells an accident
    (accident_verbs): "five were killed *when* their bus *collided* with a truck", "injured
    *as* the building *collapsed*" - no one's act of violence. Only for a passive with no agent
    of its own and a clause with no object: "police shot protesters *as* they toppled a statue",
    "troops shot two *when* crowds overturned a car" are acts of the police and troops."""
    if not syntax.is_passive(token) or syntax.by_agents(token):
        return False
    return any(c.dep_ == "advcl" and c.lemma_.lower() in book.accident_verbs
               and not syntax.children(c, syntax.OBJECTS)
               and any(m.dep_ in ("mark", "advmod") and m.lower_ in book.harm_clause_words
                       for m in c.children)
               for c in token.children)


def _doers(token: Token) -> set[str]:
    """Lemmas of an active predicate's subject, a relative pronoun read as the noun it stands for:
    "the storm killed five", "a bushfire *that* killed three" (the bushfire)."""
    words: set[str] = set()
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        if subject.lower_ in ("that", "which") and token.dep_ == "relcl":
            subject = token.head
        words.update((subject.lemma_.lower(), subject.lower_))
    return words


def verbal(book: PatternBook, pattern: Pattern, token: Token) -> Pattern:
    """The pattern, or criticism (verbal_code) where a violent word is used of words: a reason of
    blame ("attacked X *for* failing"), a retort ("shot *back*" with a quote), a missile of
    words ("fire *a warning* at"), or words and decisions as what is attacked ("attacks *on the
    report*")."""
    cues = book.verbal
    if (token.lemma_.lower() not in cues.get("lemmas", ())
            or not pattern.cameo.startswith(FORCE_ROOTS)):
        return pattern
    if not (_blamed(cues, token) or _retort(cues, token)
            or _words_attacked(cues, token)):
        return pattern
    return replace(pattern, cameo=book.verbal_code, agent=None,
                   sense="force used of words is criticism (senses.yaml verbal)")


def between_politicians(book: PatternBook, pattern: Pattern, trigger: Token,
                        sides: tuple[Actor | None, Actor | None]) -> Pattern | None:
    """The pattern; criticism (verbal_code) for an attack word between political actors in a
    sentence without violence ("Howard attacked Blair", "an attack on the Chancellor"); None, no
    event, for a contest word there ("the parties clashed over tax", "fought a campaign"). The
    source must be named, and every side named political by its main sector (senses.yaml verbal)."""
    cues = book.verbal
    lemma = trigger.lemma_.lower()
    attack, contest = lemma in cues.get("lemmas", ()), lemma in cues.get("contests", ())
    if not (attack or contest) or not pattern.cameo.startswith(FORCE_ROOTS):
        return pattern
    political = cues.get("political_sectors", frozenset())
    # the author must be named: "a teacher was attacked" may well be a real assault
    if sides[0] is None or not all(side.sectors and side.sectors[0].lower() in political
                                   for side in sides if side is not None):
        return pattern
    violence = cues.get("violence", frozenset())
    if any(token.lemma_.lower() in violence or token.lower_ in violence for token in trigger.sent):
        return pattern
    if contest:
        return None
    return replace(pattern, cameo=book.verbal_code, agent=None,
                   sense="force between political actors is criticism (senses.yaml verbal)")


def forecast(book: PatternBook, pattern: Pattern, verb: Token) -> Pattern:
    """The pattern, or a pessimistic comment (forecast_code) for a warning that says what may
    come: a that-clause or an "of"/"about" phrase (forecasts). Said to someone, it is a threat
    unless what it foretells is a thing's fate ("warned MPs that climate change could be out of
    control"); "issued warnings that the dam could collapse" is read as "warned"."""
    cues = book.forecasts
    if not pattern.cameo.startswith("13"):
        return pattern
    nouns = [o for o in syntax.children(verb, syntax.OBJECTS)
             if o.lemma_.lower() in cues.get("nouns", ())]
    if verb.lemma_.lower() not in cues.get("lemmas", ()) and not nouns:
        return pattern
    addressees = [o for o in syntax.children(verb, syntax.OBJECTS) if o not in nouns]
    addressees += [o for holder in (verb, *nouns) for o in syntax.prep_objects(holder, "to")]
    clause = syntax.children(verb, {"ccomp"}) + [
        c for o in addressees + nouns for c in syntax.children(o, {"relcl", "acl"})
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    about = [o for p in cues.get("preps", ()) for holder in (verb, *nouns)
             for o in syntax.prep_objects(holder, p)]
    if not clause and not about:
        return _advice(book, pattern, verb, nouns)
    if addressees and not (clause and all(_thing_foretold(cues, c) for c in clause)):
        return pattern  # "warned Britain that it would ...": said to someone, a threat
    said = [t for head in clause + about for t in head.subtree]
    if any(t.lemma_.lower() in cues.get("threat_words", ()) for t in said) or any(
            syntax.in_condition(t) for t in said):
        return pattern  # "warned that pressure would be increased if ...": a threat
    return replace(pattern, cameo=book.forecast_code,
                   sense="a warning of what may come is a pessimistic comment (senses.yaml forecasts)")


def _advice(book: PatternBook, pattern: Pattern, verb: Token, nouns: list[Token]) -> Pattern:
    """"warned its citizens *against travel*", "warned Americans *to avoid* Mexico", "warned
    his supporters against complacency": a warning against an act, or to do one, said to one's
    own people or nobody (advisees) or against a behaviour (advised_acts), that says nothing of
    what the speaker would do is advice, an appeal (advice_code), no threat;
    "warned X against any attack, saying it would retaliate" still threatens (threat_words)."""
    cues = book.forecasts
    advised = [c for holder in (verb, *nouns) for c in syntax.children(holder, {"xcomp"})
               if syntax.is_infinitive(c)]
    advised += [o for holder in (verb, *nouns) for p in syntax.children(holder, {"prep"})
                if p.lower_ in cues.get("advice_preps", ())
                for o in syntax.children(p, {"pobj", "pcomp"})]
    if not advised:
        return pattern
    addressees = syntax.children(verb, syntax.OBJECTS)
    if not all(o.lemma_.lower() in cues.get("advisees", ()) or o.ent_type_ == "NORP"
               or syntax.children(o, {"poss"}) for o in addressees) and not any(
            a.lemma_.lower() in cues.get("advised_acts", ()) for a in advised):
        return pattern  # "North Korea warned the United States against provocations": a threat
    said = [t for t in verb.sent]  # the reason may follow: "..., saying it would retaliate"
    if any(t.lemma_.lower() in cues.get("threat_words", ()) for t in said) or any(
            syntax.in_condition(t) for t in said):
        return pattern
    return replace(pattern, cameo=book.advice_code,
                   sense="a warning against an act, threatening nothing, is advice (senses.yaml forecasts)")


def _thing_foretold(cues: dict[str, frozenset[str]], clause: Token) -> bool:
    """"(warned MPs that) *climate change* could be out of control": the clause's subject is a
    thing, no person, group or place (a named entity) and nobody's own (no pronoun in it),
    so the warning foretells, it does not threaten the addressee."""
    subjects = syntax.children(clause, {"nsubj", "nsubjpass"})
    return bool(subjects) and all(
        s.pos_ == "NOUN" and not any(t.ent_type_ or t.pos_ == "PRON" or t.tag_ == "PRP$"
                                     or t.lemma_.lower() in cues.get("people", ())
                                     for t in s.subtree)
        for s in subjects)


def one_victim(book: PatternBook, pattern: Pattern, verb: Token) -> Pattern:
    """The pattern, or the one-person code (single_victims) for mass violence done to one
    person: "a child was slaughtered" is a killing (1823), no massacre."""
    single = book.single_codes.get(pattern.cameo)
    if single is None:
        return pattern
    victims = (syntax.children(verb, syntax.PASSIVE_SUBJECTS) if syntax.is_passive(verb)
               else syntax.children(verb, syntax.OBJECTS))
    if not victims or not all(_one(v, book.collective) for v in victims):
        return pattern
    return replace(pattern, cameo=single,
                   sense="mass violence on one person (senses.yaml single_victims)")


def one_person(book: PatternBook, pattern: Pattern, trigger: Token,
               sources: list[Actor] | None = None, places: frozenset[int] = frozenset()) -> Pattern:
    """The pattern, or its code on one person (single_persons): force aimed at one person -
    "gunmen attacked the editor", "an attack on the judge" - is an assault (182). A name that
    resolves to a place (``places``, token indices: "attacked *Kharkiv*") is no person; an armed
    force's act (``keep_sources``: "special forces attacked the leader") or a raid or operation
    (``keep_words``) stays military force."""
    code = book.person_codes.get(pattern.cameo)
    if code is None:
        return pattern
    if trigger.pos_ in ("NOUN", "PROPN"):
        victims = [o for p in ("on", "against") for o in syntax.prep_objects(trigger, p)]
    elif syntax.is_passive(trigger):
        victims = syntax.children(trigger, syntax.PASSIVE_SUBJECTS)
    else:
        victims = syntax.children(trigger, syntax.OBJECTS)
    if not victims or not all(_one(v, book.collective) and (
            (v.ent_type_ == "PERSON" and v.i not in places) or v.lemma_.lower() in book.persons
            or v.lower_ in ("him", "her", "he", "she")) for v in victims):
        return pattern
    keep = book.person_keep
    if any(a.sectors and a.sectors[0] in keep.get("sources", ()) for a in sources or ()):
        return pattern
    if (argument_words(trigger) | {trigger.lemma_.lower()}) & keep.get("words", frozenset()):
        return pattern
    return replace(pattern, cameo=code,
                   sense="force aimed at one person is an assault (senses.yaml single_persons)")


def _one(victim: Token, collective: frozenset[str]) -> bool:
    return (victim.tag_ in ("NN", "NNP", "PRP") and victim.lemma_.lower() not in collective
            and victim.lower_ not in ("they", "them", "we", "us")
            and not any(c.dep_ in ("nummod", "conj") for c in victim.children))


def _blamed(cues: dict[str, frozenset[str]], token: Token) -> bool:
    """"attacked X for not being responsible": a reason clause or gerund after for/over."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in cues.get("reason_preps", ()):
            continue
        if any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in prep.children):
            return True
    return False


def _retort(cues: dict[str, frozenset[str]], token: Token) -> bool:
    """"'That's a fake solution,' Rutte shot back", "lashed out at critics, saying ...": a
    particle of retort in a sentence that quotes or reports the words."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ in cues.get("particles", ())
               for c in token.children):
        return False
    quoted = any(t.text in QUOTES for t in token.sent)
    return quoted or any(c.dep_ in ("ccomp", "parataxis", "advcl") for c in token.children)


def _words_attacked(cues: dict[str, frozenset[str]], token: Token) -> bool:
    """"fire a warning at the PM", "attacks on the report": the thing thrown or hit is words."""
    thrown = {w for c in token.children if c.dep_ in syntax.OBJECTS for w in (c.lemma_.lower(), c.lower_)}
    hit = {w for _, o in syntax.all_prep_objects(token) for w in (o.lemma_.lower(), o.lower_)}
    if token.pos_ in ("NOUN", "PROPN"):
        return bool(hit & cues.get("targets", frozenset()))
    return bool(thrown & cues.get("objects", frozenset())) or bool(
        (thrown | hit) & cues.get("targets", frozenset()))
