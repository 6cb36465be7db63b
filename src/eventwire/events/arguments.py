"""Argument choice: which words of the parse are an event's target and where it happens.

The rules are those of docs/events.md ("Finding the target"): the pattern's preposition, the
direct object, the usual target prepositions (``events/data/arguments.yaml``), the party of the
thing acted on ("rejected X's proposal"), the subject of a complement clause, the addressee of a
purpose clause. Who the chosen words are is the actors stage's answer (``actors.fixing``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.actors.fixing import Arguments
from eventwire.events.patterns import Pattern, PatternBook
from eventwire.nlp import syntax

Token = Any

# Nouns that only carry the event of another word ("a number of sanctions", "tons of aid").
QUANTITY_NOUNS = {"number", "series", "set", "round", "wave", "package", "host", "lot", "couple",
                  "dollar", "ton", "tonne", "worth", "amount", "shipment", "consignment", "batch",
                  "million", "billion", "kind", "type", "form", "part", "range", "day", "week",
                  "month", "hour", "year"}
# Roots whose target, without an object, is the subject of the complement clause: "demanded
# that Hamas renounce", "warned that Iran would face", "accused that X".
COMPLEMENT_TARGET_ROOTS = ("02", "10", "11", "12", "13")
# Penn tags of the wh-words that open a question ("why", "how", "what", "who", "which").
WH_TAGS = {"WRB", "WP", "WDT", "WP$"}
# Roots of acts on people (assault, fight, mass violence): their coordinated objects are all
# victims, each named or not ("killed six guards and two police officers"), unlike "talks on
# trade and Syria" where a word that is no actor says the list is no list of parties.
HARM_ROOTS = ("18", "19", "20")
# How deep the coder follows prepositions inside an object for its target: "launch an
# offensive in its war *with* X" (offensive -> war -> X).
FRAME_DEPTH = 2
# Entity types of a preposition's object that is a time, not a party ("on Tuesday").
TIME_ENTITIES = {"DATE", "TIME"}


def verb_targets(
    book: PatternBook, verb: Token, pattern: Pattern, objects: list[Token], actors: Arguments,
    complement: bool = False,
) -> list[Token]:
    """The target of a verb: the first of the rules in docs/events.md that names an actor."""
    holders = [verb, *objects, *(p for o in objects for p in syntax.prep_objects(o, "of"))]
    topic = verb.lemma_.lower() in book.topic_verbs  # "discussed Syria": a topic, no party
    if pattern.prep:  # a date names no party: "called X *on Tuesday*", "imposed sanctions *on Monday*"
        found = [t for h in holders for t in syntax.prep_objects(h, pattern.prep)
                 if not _date(t)]
        if not found:  # "spoke *by telephone with* X": the partner hangs from the means
            means = [m for p in book.means_preps for m in syntax.prep_objects(verb, p)
                     if actors.actor_at(m) is None]
            found = [t for m in means for t in syntax.prep_objects(m, pattern.prep)
                     if not _date(t) and actors.actor_at(t) is not None]
        if found and not actors.actors(found):  # "called for sanctions against X"
            return aimed_at(book, found, actors) or found
        return found  # a topic's own "with X" too: "discussed the crisis *with* X" (the parser's)
    if topic:  # nor what it is about: "discussed sanctions against X", "discussed X's plan"
        objects, holders = [], [verb]
    if syntax.is_passive(verb):
        return syntax.passive_targets(verb)
    if verb.head.lemma_.lower() in book.summoning_verbs:
        found = _addressee(verb, actors)  # "summoned X's ambassador to complain about Y": X's
        if found:
            return found
    # the pattern's own target prepositions first ("complained to X *about* Y"), then the
    # usual places; named actors first, a nationality modifier ("a U.S. request") only
    # when none is found
    views = (actors.named_only(), actors)
    for view in views:
        for prep in pattern.target_preps:
            found = _prep_objects(book, verb, holders, prep)
            if view.actors(found):
                return found
    for view in views:
        found = _argument_targets(book, pattern, objects, holders, view)
        if found:
            return found
    if pattern.cameo.startswith(COMPLEMENT_TARGET_ROOTS):
        for clause in syntax.children(verb, {"ccomp"}):
            if _question(book, clause):  # "asked why Putin believed": Putin is the topic
                continue
            subjects = syntax.clause_subjects(clause)
            if actors.actors(subjects):
                return subjects
    if pattern.cameo.startswith("16"):  # "expelled two Russian diplomats": content is target
        return [o for o in objects if actors.actor_at(o)]
    if complement or pattern.cameo.startswith(book.content_roots):
        return []  # "denied accusing Germany": what is denied, not whom the denial answers
    if (verb.lemma_.lower() in syntax.OBJECT_CONTROL and objects
            and syntax.children(verb, {"xcomp"})):
        return []  # "asked me to greet the Christians": the one asked, named or not, is the target
    bare = replace(pattern, prep=None, objects=frozenset(), target_preps=())
    for clause in syntax.children(verb, {"xcomp"}):  # "threatened to cut off power to X"
        found = verb_targets(book, clause, bare, syntax.children(clause, syntax.OBJECTS),
                             actors, complement=True)
        if actors.actors(found):
            return found
    return _addressee(verb, actors)


def _argument_targets(
    book: PatternBook, pattern: Pattern, objects: list[Token], holders: list[Token],
    actors: Arguments,
) -> list[Token]:
    """An actor object, else the actor of a target preposition, else the party of the
    object ("rejected X's proposal", "an offer from X", "the withdrawal of X"), else the
    party the subject's own act is "of" ("lifted its blockade of X", own_party_preps)."""
    others = [o for o in objects if o.lemma_.lower() not in pattern.objects
              and o.lemma_.lower() not in QUANTITY_NOUNS and not own(o, book)]
    if actors.actors(others):
        return others
    listed = [m for o in others for prep in book.member_preps
              for p in syntax.prep_objects(o, prep) for m in (p, *p.conjuncts)]
    if listed and all(m.pos_ == "PROPN" and actors.actor_at(m) is not None for m in listed):
        return listed  # "chastised the groups, including X and Y": all of them named actors
        # (never "sites, including hospitals and schools": places that take the doer's country)
    if pattern.cameo.startswith(HARM_ROOTS):  # "killing six guards and two police officers"
        victims = [c for o in others for c in o.conjuncts if actors.actor_at(c) is not None]
        if victims:
            return victims
    for prep in target_preps(book, pattern):
        found = _prep_objects(book, holders[0], holders, prep)
        if actors.actors(found):
            return found
    found = object_parties(book, [o for o in objects if not own(o, book)], holders, actors)
    if found:
        return found
    # "lifted its blockade of Yemen": the subject's own act, aimed at the party it is "of"
    for thing in (o for o in objects if own(o, book)):
        for prep in book.own_party_preps:
            found = syntax.prep_objects(thing, prep)
            if actors.actors(found):
                return found
    return []


def _prep_objects(book: PatternBook, verb: Token, holders: list[Token], prep: str) -> list[Token]:
    """The objects of ``prep`` on the verb and its objects, less those of a phrase fronted
    before the verb's subject: "*On Monday* [Lib Dem chairman] X warned" sets the scene (and
    spaCy may read the subject's modifier as the preposition's object); the target follows.
    A fronted partner preposition still names the partner ("*With Germany*, France signed")."""
    subjects = syntax.children(verb, syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS)
    front = -1 if prep in book.partner_preps else min((s.left_edge.i for s in subjects), default=-1)
    return [t for h in holders for t in syntax.prep_objects(h, prep)
            if h is not verb or t.head.i > front]


def plain_targets(book: PatternBook, trigger: Token) -> list[Token]:
    """The words a verb acts on whoever they are: the passive subject ("Connors was
    arrested"), else the direct objects, else the objects of the usual target prepositions
    ("shot at Scott"). For names no dictionary knows (``Arguments.private_people``)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return []
    if syntax.is_passive(trigger):
        return syntax.passive_targets(trigger)
    return (syntax.children(trigger, syntax.OBJECTS)
            or [t for p in book.target_preps for t in syntax.prep_objects(trigger, p)])


def target_preps(book: PatternBook, pattern: Pattern) -> tuple[str, ...]:
    """The usual target prepositions, less those that name a venue for talks and
    statements ("talks at the White House")."""
    if pattern.cameo.startswith(book.venue_roots):
        return tuple(p for p in book.target_preps if p not in book.venue_preps)
    return tuple(book.target_preps)


def aimed_at(book: PatternBook, things: list[Token], actors: Arguments) -> list[Token]:
    """Whom the things a pattern's preposition names are aimed at: "called for *sanctions
    against X*", "appealed for *the release of X*"."""
    for view in (actors.named_only(), actors):
        for prep in book.target_preps:
            found = [t for thing in things for t in syntax.prep_objects(thing, prep)]
            if view.actors(found):
                return found
        found = object_parties(book, things, things, view)
        if found:
            return found
    return []


def object_parties(
    book: PatternBook, objects: list[Token], holders: list[Token], actors: Arguments
) -> list[Token]:
    """Whose the thing acted on is: "rejected X's proposal", "a U.S. request", "an offer
    from X", "demanded the withdrawal of X", "an offensive in its war with X"."""
    for thing in objects:
        if actors.actors([thing]):  # possessor, actor modifier or nationality
            return [thing]
        aimed = thing.lemma_.lower() in book.aimed_nouns  # "criticism of X": X is criticised
        for prep in book.author_preps if aimed else book.party_preps:
            found = syntax.prep_objects(thing, prep)
            if actors.actors(found):
                return found
        if not aimed:  # "condemned a rally *held by* X": the doer of the participle's act
            found = [a for acl in syntax.children(thing, {"acl"}) for a in syntax.by_agents(acl)]
            if actors.actors(found):
                return found
    frontier = [h for h in holders if h.lemma_.lower() not in book.aimed_nouns]
    for _ in range(FRAME_DEPTH):
        frontier = [o for t in frontier for _, o in syntax.all_prep_objects(t)]
        for prep in book.target_preps:
            found = [o for t in frontier for o in syntax.prep_objects(t, prep)]
            if actors.actors(found):
                return found
    return []


def _date(thing: Token) -> bool:
    """Whether a preposition's object is a date ("on Tuesday", "in March"), not a span of
    days that carries an act ("a day *of rage*", "a week *of protests*")."""
    return thing.ent_type_ in TIME_ENTITIES and not syntax.prep_objects(thing, "of")


def _question(book: PatternBook, clause: Token) -> bool:
    """Whether a complement clause is a question ("asked *why* Putin believed", "asked
    *whether* X would"): its subject is what is asked about, not whom the act is aimed at."""
    for child in clause.children:
        if child.tag_ in WH_TAGS and child.dep_ != "mark" and child.i < clause.i:
            return True
        if child.dep_ == "mark" and (child.lower_ in book.question_marks or (
                child.lower_ == "if" and clause.head.lemma_.lower() in book.question_heads)):
            return True
    return False


def _addressee(verb: Token, actors: Arguments) -> list[Token]:
    """"summoned X's ambassador to complain": a purpose clause is addressed to the object
    of the verb it completes (not where that object is the clause's own subject: "urged X
    to act", OBJECT_CONTROL)."""
    head = verb.head
    if (verb.dep_ not in ("xcomp", "advcl") or not syntax.is_infinitive(verb)
            or head.lemma_ in syntax.OBJECT_CONTROL):  # "urged X to act": X acts
        return []
    objects = syntax.children(head, syntax.OBJECTS)
    return objects if actors.actors(objects) else []


def light_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition ("gave a
    *welcome*", "engaged in *cleansing*"): its prepositions may name the noun's target."""
    if noun.dep_ in syntax.OBJECTS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.pos_ == "ADP" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def place_objects(trigger: Token) -> list[Token]:
    """Where the act happens: "blocked roads in X", "threatened to impose a curfew in X",
    "remained on alert in X"."""
    verb = light_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    verbs = [trigger, *syntax.children(trigger, {"xcomp"}), *filter(None, [verb])]
    holders = [*verbs, *(o for v in verbs for o in syntax.children(v, syntax.OBJECTS))]
    return [t for h in holders for t in syntax.prep_objects(h, "in")]


def aimed_places(book: PatternBook, trigger: Token) -> list[Token]:
    """Where the thing an act is aimed at lies, when that thing is no actor: "airstrikes
    *against a camp in X*", "attacked *an explosives factory inside X*" (``aimed_place_preps``
    on the act, ``thing_place_preps`` on the thing): the place stands for its country."""
    verb = light_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    if verb is not None and verb.lemma_.lower() not in book.aimed_place_verbs:
        verb = None  # "threatened an offensive *at a meeting in X*": where it was said
    holders = [trigger, *filter(None, [verb])]
    things = [o for h in holders for p in book.aimed_place_preps for o in syntax.prep_objects(h, p)]
    if trigger.pos_ in ("VERB", "AUX"):
        things += syntax.children(trigger, syntax.OBJECTS)
    return [t for thing in things for p in book.thing_place_preps for t in syntax.prep_objects(thing, p)]


def own(thing: Token, book: PatternBook | None = None) -> bool:
    """"withdrew its troops", "closed their borders": the subject's own, no target; but "met
    his counterpart" names another party (``relation_nouns``)."""
    if book is not None and thing.lemma_.lower() in book.relation_nouns:
        return False
    return any(c.dep_ == "poss" and c.lower_ in syntax.POSSESSIVE_PRONOUNS for c in thing.children)
