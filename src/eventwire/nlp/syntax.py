"""Reading a spaCy dependency parse: who is the subject, object and prepositional object of a
predicate, and in what mood it is said. Pure functions over spaCy tokens, no knowledge tables
beyond the small closed-class word lists below (grammar, not domain knowledge).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Token = Any  # spacy.tokens.Token

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj", "attr", "dative"}
# Verbs whose object is the subject of their complement ("push Putin to implement").
OBJECT_CONTROL = {"push", "urge", "ask", "force", "persuade", "press", "call", "tell", "order",
                  "prompt", "lead", "drive", "instruct", "direct", "authorize", "authorise",
                  "encourage", "invite", "allow", "help", "compel", "pressure", "request",
                  "demand", "warn", "advise", "beg", "implore", "require", "challenge"}
# ("hop": spaCy's small model gives "hoped" that lemma: "said he hoped to meet Kerry")
INTENT = {"aim", "plan", "intend", "want", "seek", "hope", "hop", "propose", "prepare",
          "expect", "wish", "mean", "push", "vow", "pledge", "promise", "offer", "decide", "agree",
          "willing", "prepared", "ready", "determined", "eager", "unwilling"}
THREAT = {"threaten"}
REFUSAL = {"refuse", "decline", "fail", "reject", "unwilling"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can", "ca", "must"}
# "would" under a past reporting verb is the reported "will": "told reporters that Xi would meet"
BACKSHIFTED_WILL = {"would"}
WISH_VERBS = {"like", "love", "prefer"}  # "we would like to": a wish, not a reported "will"
REPORTING_VERBS = {"say", "tell", "announce", "state", "confirm", "add", "report", "declare"}
CONDITION_MARKS = {"if", "unless", "provided"}
# Modifiers of an event noun that put it ahead ("the *upcoming* visit", "*next* week's talks")
# or make it only possible ("a *possible* strike").
PLANNED = {"upcoming", "planned", "proposed", "scheduled", "forthcoming", "expected", "future",
           "next", "impending", "prospective", "coming"}
# Words whose to-infinitive is a schedule, not an act done ("is *set* to meet", "was *due* to hold
# talks", "is *scheduled* to visit"; the time stage's future_heads read them the same way).
SCHEDULE_HEADS = {"set", "schedule", "due", "slate", "poise"}
# Verbs that put the event noun they take as object, or as passive subject, on a timetable: "has
# *scheduled* a meeting with the governor", "talks are *set* for next week", "a summit is
# *planned* for May": the meeting is planned, not held. Some only as a passive: "talks are
# *expected* next week", "talks are *set* for Friday" ("the army expected an attack" is no one's
# plan, "rebels set an ambush" laid it).
SCHEDULING_VERBS = {"schedule", "plan", "arrange", "reschedule"}
PASSIVE_SCHEDULING_VERBS = {"expect", "set", "slate"}
# Verbs of an event's happening: a schedule joined to one was kept ("set for Monday and *held*").
HAPPENING_VERBS = {"hold", "begin", "start", "open", "take", "go", "proceed", "convene", "end"}
# a headline tells the past in the present, so a past tense with a count for its subject and no
# object is a passive the parse mistook ("One police officer killed in Kabul") only for the verbs
# whose object is a victim; any other counted subject does the act ("Two ministers resigned")
HEADLINE_VICTIM_VERBS = {
    "kill", "wound", "injure", "shoot", "arrest", "detain", "kidnap", "abduct", "free", "release",
    "behead", "execute", "hang", "stab", "murder", "slay", "capture", "jail", "imprison",
    "sentence", "convict", "deport", "expel", "rescue", "hurt", "maim", "torture", "assassinate",
    "massacre", "lynch", "sack", "dismiss", "indict", "extradite"}
POSSIBLE = {"possible", "potential", "hypothetical", "likely", "feared"}
# Possessives that make a thing the subject's own ("withdrew *its* troops": no target).
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
# Subjects of a reported clause that most often mean the speaker ("X said *it* would allow").
SPEAKER_PRONOUNS = {"we", "i", "it", "they", "he", "she"}
# Prepositions of place that spaCy misreads as an adjective on a fronted noun ("*Outside* court,
# X said" parsed as the subject "Outside court" with X in apposition): a scene, not a subject.
SCENE_PREPOSITIONS = {"outside", "inside"}
DATELINE_DASHES = {"-", "--", "\u2013", "\u2014"}


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("the US and the European Union")."""
    return [token, *token.conjuncts]


def children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, prep: str) -> list[Token]:
    """Objects of a preposition attached to ``token`` ("met *with* Putin" -> Putin)."""
    found = []
    # a particle's preposition is the verb's: "pulled *out of* X", "kidnapped *up to* 16 X"
    heads = [token, *children(token, {"prt"})]
    for child in (c for h in heads for c in h.children):
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
            found.extend(children(child, {"pobj", "pcomp"}))
    return found


def all_prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative"):
            for obj in children(child, {"pobj"}):
                yield child.lower_, obj


def is_passive(verb: Token) -> bool:
    """"X was arrested", the participle in "the 51 people *arrested* on Friday", a
    participle sharing the passive of the verb it is coordinated with ("were killed and
    *wounded*"), and a headline's passive without its auxiliary ("Gunmen *killed* in Kabul
    shootout")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if headline_passive(verb):
        return True
    if (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not children(verb, SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"})
            and _own_passive(verb.head)):
        return True
    return _own_passive(verb) or _bare_passive(verb)


def _bare_passive(verb: Token) -> bool:
    """A passive spaCy reads without its passive arcs: a participle as the complement of "be"
    ("two soldiers were *slain*": acomp), and one coordinated with a passive with a subject of
    its own and no auxiliary ("five were killed and two soldiers *wounded*")."""
    if verb.tag_ != "VBN" or verb.head.i == verb.i or children(verb, {"aux", "auxpass"}):
        return False
    if verb.dep_ == "acomp":
        return verb.head.lemma_ in ("be", "get")
    return (verb.dep_ == "conj" and bool(children(verb, SUBJECTS))
            and _own_passive(verb.head))


def _bare_patients(verb: Token) -> list[Token]:
    """The patients of a ``_bare_passive`` verb: the subject of "be", or the verb's own subject."""
    if verb.dep_ == "acomp":
        return children(verb.head, SUBJECTS | PASSIVE_SUBJECTS)
    return children(verb, SUBJECTS)


def headline_passive(verb: Token) -> bool:
    """A headline's passive: the main verb of a line with no closing full stop is a bare past
    participle with a subject and no object or auxiliary ("Gunmen killed in Kabul shootout",
    "Two soldiers injured"); the subject is the patient. In running text spaCy also tags an
    intransitive past tense VBN ("students protested against X."), so the line must read
    as a headline."""
    subjects = children(verb, SUBJECTS)
    # headlines tell the past in the present: a past tense there is a participle the parse
    # mistook, where a count is its subject and the verb takes a victim ("One police officer
    # killed", "Two wounded"; "Two ministers resigned" did resign)
    counted = verb.tag_ == "VBD" and verb.lemma_.lower() in HEADLINE_VICTIM_VERBS and any(
        s.pos_ == "NUM" or any(c.dep_ == "nummod" for c in s.children) for s in subjects)
    return (verb.dep_ == "ROOT" and (verb.tag_ == "VBN" or counted) and bool(subjects)
            and not [o for o in children(verb, OBJECTS | {"aux", "auxpass"}) if not is_label(o)]
            and _unpunctuated(verb.sent))


def is_label(token: Token) -> bool:
    """A field label of a list, in capitals before a colon ("ATTACKER:", "TARGET:"): the parse
    may take it for an object ("One guard killed ATTACKER: ..."), but it is no word of the clause."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (following is not None and following.text == ":" and len(token.text) > 2
            and token.text.isalpha() and token.text.isupper())


def _unpunctuated(sentence: Any) -> bool:
    """Whether a sentence ends without a full stop, question or exclamation mark (a headline)."""
    words = [t for t in sentence if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text not in (".", "!", "?")


def _own_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children)


def clause_subjects(verb: Token, depth: int = 0, participant: bool = False) -> list[Token]:
    """The logical subject (agent) of a verb, following control, coordination and participles.

    ``participant``: the caller wants who takes part in a nominal event hanging from the verb,
    for which a passive subject counts ("Kerry was locked in talks").
    """
    if depth > 4:
        return []
    if is_passive(verb):
        agents = by_agents(verb) or [  # "X was shot and electrocuted by her husband"
            a for c in children(verb, {"conj"})
            if is_passive(c) and not children(c, PASSIVE_SUBJECTS) for a in by_agents(c)]
        if agents:
            return agents
        if _bare_passive(verb):  # "two soldiers were *slain*": the soldiers are the patients
            return _bare_patients(verb) if depth > 0 or participant else []
        if verb.dep_ == "conj" and not children(verb, PASSIVE_SUBJECTS):
            return clause_subjects(verb.head, depth, participant)  # "were killed and wounded"
        # "Kerry was locked in talks", "Before meeting X, Kerry was flown to Y": the passive
        # subject takes part in what the noun or participle names, though it is not the agent
        # of the passive verb itself (depth 0), where it is the target ("Syria was attacked").
        if verb.dep_ in ("acl", "relcl") and depth == 0 and not participant:
            return []  # "the men (who were) arrested": the noun is the patient, not the agent
        subjects = children(verb, PASSIVE_SUBJECTS)
        if subjects and (depth > 0 or participant):
            return subjects
        if subjects and verb.dep_ == "conj" and (is_passive(verb.head) or verb.head.lemma_ == "be"):
            # "six police were killed and five others *were wounded*", "the men were asleep
            # and each *had been shot*": a passive with a patient of its own has no agent in
            # the passive or "be" clause it is coordinated with (whose subject is another patient)
            return []
    else:
        subjects = ([s for subject in children(verb, SUBJECTS) for s in unscened(subject)]
                    or verb_compounds(verb))
        if verb.dep_ == "relcl" and all(s.tag_ in ("WP", "WDT") for s in subjects):
            subjects = [verb.head] if subjects else []  # "the policemen who killed": policemen
        if subjects:
            return subjects
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        objects = children(head, OBJECTS)
        if head.lemma_ in OBJECT_CONTROL and objects:
            return objects
        return clause_subjects(head, depth + 1)
    if verb.dep_ == "conj" and is_passive(head) and not is_passive(verb):
        # "X has been indicted by the court and will resign": X resigns, not the court
        shared = children(head, PASSIVE_SUBJECTS)
        if shared:
            return shared
    if verb.dep_ in ("conj", "acomp"):  # "X is willing to withdraw": the subject of "is"
        return clause_subjects(head, depth + 1)
    if verb.dep_ == "relcl":
        relative = children(verb, SUBJECTS)
        return relative or [head]
    if is_purpose(verb):  # "X opened fire to disperse them": X disperses
        if is_passive(head):  # "shells were lobbed to disperse them": not the shells
            return by_agents(head)
        return clause_subjects(head, depth + 1)
    if (verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBN" and not participant
            and not any(c.lower_ in ("have", "having") for c in children(verb, {"aux"}))):
        # "Asked about the sanctions, Peskov said": the main clause's subject is the one asked
        # (but "Having met Kerry, Putin flew home": Putin met him)
        return by_agents(verb)
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.i == verb.i - 1
            and not children(verb, OBJECTS)):
        return [head]  # "killed in police firing": spaCy's participle on "police" is "police firing"
    if verb.dep_ in ("advcl", "pcomp", "acl") and verb.tag_ in ("VBG", "VBN"):
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        return clause_subjects(clause, depth + 1) if clause.i != verb.i else []
    return []


def verb_compounds(verb: Token) -> list[Token]:
    """A subject spaCy attached to a headline's verb as a compound ("*Turkey* shells Syrian
    city"): a name right before a finite verb that has no subject of its own."""
    return [c for c in children(verb, {"compound"}) if c.pos_ == "PROPN" and c.i == verb.i - 1
            and verb.tag_ in ("VBZ", "VBD", "VBP")]


def unscened(subject: Token) -> list[Token]:
    """A subject, less a fronted scene spaCy took for it: "*Outside court*, X's solicitor, Y,
    said" reads the place as the subject and the speaker as its apposition (the speaker is
    the subject); "*Outside parliament*, the minister said" reads two subjects (only the
    minister is one)."""
    scene = any(c.dep_ in ("amod", "advmod") and c.lower_ in SCENE_PREPOSITIONS
                and c.i == subject.left_edge.i for c in subject.children)
    dash = next((c for c in subject.children if c.dep_ == "punct" and c.i > subject.i
                 and c.lower_ in DATELINE_DASHES), None)
    if dash is not None and any(s.i > dash.i for s in children(subject.head, SUBJECTS)):
        return []  # "GAZA CITY, Gaza Strip (AP) - Israeli tanks raided": a dateline, no subject
    return children(subject, {"appos"}) if scene else [subject]


def by_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's by-phrase: "was shot *by police*" -> police."""
    return [obj for p in children(verb, {"agent"}) for obj in children(p, {"pobj"})]


def is_infinitive(verb: Token) -> bool:
    """A to-infinitive: "*to disperse*", "*to save* his life"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_purpose(verb: Token) -> bool:
    """An infinitive purpose clause: "opened fire *to disperse* the crowd"."""
    return verb.dep_ == "advcl" and is_infinitive(verb)


def passive_targets(verb: Token) -> list[Token]:
    """The patient of a passive verb; "the men who were arrested", "the men arrested" -> men."""
    if not is_passive(verb):
        return []
    if verb.dep_ in ("acl", "relcl") and not [
        s for s in children(verb, PASSIVE_SUBJECTS) if s.tag_ not in ("WP", "WDT", "IN")
    ]:
        return [verb.head]
    if headline_passive(verb):
        return children(verb, SUBJECTS)
    if _bare_passive(verb):
        return _bare_patients(verb)
    return children(verb, PASSIVE_SUBJECTS)


def governing_verb(token: Token, hops: int = 6) -> Token | None:
    """The verb a noun hangs from ("locked in *talks*" -> locked), at most ``hops`` arcs up."""
    node = token
    for _ in range(hops):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def predicate_chain(token: Token) -> list[Token]:
    """The token and the verbs above it, up to the nearest clause with its own subject."""
    chain = [token]
    node = token
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in ("ROOT", "ccomp", "parataxis"):
            break
        if node.dep_ not in ("xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj", "advcl",
                             "nsubj", "nsubjpass", "attr", "appos", "compound", "amod", "acomp"):
            break
        node = node.head
        chain.append(node)
    return chain


# Conjunctions that set a conjoined verb against the negated one: "not approved but rejected".
CONTRASTING = frozenset({"but", "yet", "instead"})


def negated(token: Token) -> bool:
    """True for "did not meet", "never met", "refused to meet"; not for a verb joined to a
    negated one with its own subject or auxiliary ("did not resist and *was* arrested")."""
    for node in _own_clause(predicate_chain(token)):
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "neg" or c.lower_ == "never" for c in node.children
        ):
            return True
        if node.i != token.i and node.lemma_ in REFUSAL:
            return True
        if node.pos_ in ("VERB", "AUX") and any(  # "nobody was arrested", "no one was hurt"
            c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and _nobody(c) for c in node.children
        ):
            return True
    return False


def _own_clause(chain: list[Token]) -> list[Token]:
    """The chain up to a conjoined verb that has its own subject or auxiliary, or that a "but"
    sets against the other ("was not approved but rejected"): a negation above it belongs to the
    other conjunct."""
    for at, node in enumerate(chain):
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and (any(
                c.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"} for c in node.children)
                or any(c.dep_ == "cc" and c.lower_ in CONTRASTING for c in node.head.children)):
            return chain[:at + 1]
    return chain


def _own_subject(chain: list[Token]) -> list[Token]:
    """The chain up to a conjoined verb with its own subject: "Netanyahu hoped to meet Obama, but
    Obama *refused*" (the refusal is no one's intent)."""
    for at, node in enumerate(chain):
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in node.children):
            return chain[:at + 1]
    return chain


def _nobody(subject: Token) -> bool:
    return subject.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def refused(token: Token) -> bool:
    """A verb of refusal governs the token: "refused to meet", "declined to resign"."""
    return any(node.i != token.i and node.lemma_ in REFUSAL for node in predicate_chain(token))


def modality(token: Token) -> str:
    """asserted, intended, threatened, conditional, hypothetical or future."""
    planned = _planned(token)
    if planned:
        return planned
    chain = predicate_chain(token)
    clause_top = chain[-1]
    nodes = chain + [anc for anc in clause_top.ancestors if anc.dep_ != "ccomp"][:3]
    for node in nodes:
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.lower_ in CONDITION_MARKS for m in child.children if m.dep_ == "mark"
            ):
                return "conditional"
    for node in _own_subject(chain)[1:]:
        if node.lemma_ in THREAT:
            return "threatened"
        if node.lemma_ in INTENT:
            return "intended"
    auxes = {c.lower_ for node in chain for c in node.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX or "going" in auxes or any(_scheduled(node) for node in chain):
        return "future"
    if (auxes & BACKSHIFTED_WILL and _reported_in_past(clause_top)
            and not any(node.lemma_ in WISH_VERBS for node in chain)):
        return "future"  # "a spokesman told reporters that Xi would meet Trump": will meet
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def reporting_head(verb: Token) -> Token | None:
    """The verb whose complement clause holds ``verb``, through coordinated verbs: "said" in
    "police said they arrested and charged five men"; None outside a complement clause."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "ccomp" and verb.head.i != verb.i else None


def _reported_in_past(clause: Token) -> bool:
    """Whether the clause is what a past reporting verb reported ("said that X would ..."), where
    "would" is the reported "will" (the sequence of tenses), not a supposition."""
    head = reporting_head(clause)
    return head is not None and head.tag_ == "VBD" and head.lemma_ in REPORTING_VERBS


def _planned(noun: Token) -> str | None:
    """"the *upcoming* visit", "*next week's* talks": future; "a *possible* strike":
    hypothetical; None for a noun with no such modifier, or a verb."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    words |= {g.lower_ for c in noun.children if c.dep_ in ("poss", "npadvmod", "compound")
              for g in c.children if g.dep_ == "amod"}  # "*next* week's visit"
    if words & PLANNED or _to_come(noun) or _on_timetable(noun):
        return "future"
    if words & POSSIBLE:
        return "hypothetical"
    return None


def _on_timetable(noun: Token) -> bool:
    """"*scheduled a meeting*", "*talks are set* for next week", "*talks are due* on Monday": an
    event noun that a verb of schedule takes as its object or passive subject, or the subject of
    a present "be due" (`SCHEDULING_VERBS`). Not "*set up* a committee" (a particle makes another
    verb), not "clashes *were due to* a misunderstanding" (caused by), not a passive joined to a
    verb of its happening ("talks were set for Monday and *held* in Paris"), nor a past passive
    but as what a past "said" reports ("Egypt said talks *were set* for Friday")."""
    head = noun.head
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
        return False
    lemma = head.lemma_.lower()
    if noun.dep_ == "dobj" and lemma in SCHEDULING_VERBS:
        return not children(head, {"prt"})
    if noun.dep_ == "nsubjpass" and lemma in SCHEDULING_VERBS | PASSIVE_SCHEDULING_VERBS:
        if children(head, {"prt"}) or _happened_too(head) or not _schedule_tense(head):
            return False
        # "talks are set *for Friday*", "are expected *next week*"; not "is set *to* rise"
        return lemma in SCHEDULING_VERBS or (not children(head, {"xcomp"}) and any(
            c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ == "for")
            for c in head.children))
    return (noun.dep_ == "nsubj" and head.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "acomp" and c.lower_ == "due" and not any(
            p.dep_ == "prep" and p.lower_ == "to" and children(p, {"pobj"}) for p in c.children)
        for c in head.children) and not any(
        c.dep_ == "prep" and c.lower_ == "to" for c in head.children))


def _happened_too(verb: Token) -> bool:
    """A verb joined to one of its happening: "were set for Monday and *held* in Paris"."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in HAPPENING_VERBS for c in verb.children)


def _schedule_tense(verb: Token) -> bool:
    """A present passive ("talks are set"), or a past one that a past "said" reports."""
    auxiliaries = children(verb, {"auxpass", "aux"})
    if any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxiliaries):
        return True
    head = reporting_head(verb)
    return (any(a.tag_ == "VBD" for a in auxiliaries) and head is not None
            and head.tag_ == "VBD" and head.lemma_ in REPORTING_VERBS)


def _to_come(noun: Token) -> bool:
    """"the negotiations *to come*": an event noun that is still ahead (the infinitive parsed
    as the noun's modifier, or the noun as its subject)."""
    comes = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ == "nsubj":
        comes.append(noun.head)
    return any(c.lemma_ == "come" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
               for c in comes)


def _scheduled(node: Token) -> bool:
    """"the judges *are to meet*", the headline "PM *to visit* Russia", "is *set to* meet": an
    infinitive after "be" or a word of schedule, or standing alone as the main verb, is
    planned, not done."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
        return False
    if node.dep_ == "ROOT":
        return True
    if node.dep_ in ("acl", "relcl") and node.head.dep_ == "ROOT" and node.head.pos_ in ("NOUN", "PROPN"):
        return True  # the headline "Mongolian PM to visit Russia", parsed as the PM's visit
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in SCHEDULE_HEADS:
        return True  # "is set to meet", "was due to hold talks"
    # not "it is too early *to discuss*" ("be" with its own complement), nor "if one *were to
    # hear*" (a condition)
    return (node.dep_ == "xcomp" and node.head.lemma_ == "be"
            and not children(node.head, {"acomp", "attr", "mark"}))


def in_condition(token: Token) -> bool:
    """Whether ``token`` lies in an if / unless clause: a condition, not an event."""
    node = token
    for _ in range(8):
        if node.dep_ == "advcl" and any(
            m.lower_ in CONDITION_MARKS for m in node.children if m.dep_ == "mark"
        ):
            return True
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return False
        node = node.head
    return False


def speaker_clause(token: Token, speech_lemmas: frozenset[str]) -> Token | None:
    """The speech verb whose complement holds ``token`` ("X said Y met Z" -> said)."""
    node = token
    for _ in range(8):
        if node.head.i == node.i or node.dep_ == "appos":  # an aside is the writer's, not quoted
            return None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in speech_lemmas:
            return node.head
        node = node.head
    return None


def entity_of(token: Any) -> Any:
    """The named entity ``token`` belongs to, read from the tokens around it (``Doc.ents``
    builds every entity of the document on each access: too slow per token of a long article)."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


QUOTE_TOKENS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def quotation_span(token: Token) -> tuple[int, int] | None:
    """The token indices (exclusive bounds) of the quotation marks around ``token`` in its
    sentence ('"He was arrested," X said'), or None when it is not quoted there or its clause
    is a subordinate one ("that", "whether", "when": reported speech, or a doubt left to the
    old reading where stray marks of a damaged text mislead). An unclosed mark opens a
    quotation that runs to the sentence's end, an unopened one a quotation from its start."""
    sentence = token.sent
    if any(c.dep_ == "mark" for c in token.head.children):
        return None  # "X clarified that she was not saying ...": reported, whatever marks stray
    marks = [t.i for t in sentence if t.text in QUOTE_TOKENS]
    before = [i for i in marks if i < token.i]
    after = [i for i in marks if i > token.i]
    if len(before) % 2 == 1:
        return before[-1], after[0] if after else sentence.end
    if not before and len(after) % 2 == 1:
        return sentence.start - 1, after[0]
    return None

