"""Statements read for the stance they take: praise (051), a discredited word (111), opposition
(110), fault (111), denial (016) and a warning of a price to pay (130), aimed at the party the
reported clause names (statement_cues.yaml); and ``what_is_said``, which reads a plain statement
(010) with these and ``events.statements``' readings. ``events.matching`` calls it on every
candidate."""

from __future__ import annotations

from dataclasses import replace

from eventwire.actors.fixing import Arguments
from eventwire.events.candidate import Candidate
from eventwire.events.patterns import PatternBook
from eventwire.events.statements import (
    GUESSED_COUNTRY,
    NO_ONE,
    SELF_OR_GENERIC,
    Token,
    _predicate_words,
    _predicates,
    _qualities,
    _reported,
    _speakers_country,
    _speakers_side,
    _verb_words,
    condemnation,
    disagreement,
    instruction,
    obligation,
    stated_act,
    wrongdoing,
)
from eventwire.nlp import syntax


def what_is_said(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A plain statement (010) is coded by what it says: told to someone, an appeal to them when
    it is what they are to do; else the first of a demand, a criticism, an accusation, a
    disapproval, a threat or a rejection that its reported clause makes, aimed at the party it
    names ("told MPs the Tories had misled voters": an accusation of the Tories, not of the
    MPs; told to an audience, only when it names one)."""
    if found.pattern.cameo != "010":
        return found
    asked = instruction(book, actors, found)
    if asked is not found:
        return found if _guessed_own(actors, found.sources, asked.targets) else asked
    for reading in (obligation, condemnation, appraisal, wrongdoing, failing, disagreement,
                    opposition, denial, stated_act, warning):
        read = reading(book, actors, found)
        if read is found or (found.targets and not actors.actors(read.targets)):
            continue  # told to an audience, what it says of a named party is its aim
        if not _guessed_own(actors, found.sources, read.targets):
            return read
    return found


def _guessed_own(actors: Arguments, sources: list[Token], targets: list[Token]) -> bool:
    """Whether a speaker whose country the phrase does not name (guessed from the article:
    GUESSED_COUNTRY, "the prime minister" in a story naming only Russia) would be aimed at that
    country itself: the guess most likely comes from the country the speaker talks of ("the
    prime minister told the BBC that *Russia* had violated the deal"), so the speaker is no
    one's accuser. A party of that country stays a plausible aim ("said all political forces
    in Yemen must support the authorities")."""
    aimed = {a.country for a in actors.actors(targets) if a.country and a.code == a.country}
    return any(a.country in aimed and any(cue in step for step in a.resolution
                                          for cue in GUESSED_COUNTRY)
               for a in actors.actors(sources))


def appraisal(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement whose clause calls a party something good praises it (051, statement_cues.yaml
    praising: "said Germany was a reliable partner", "says he thinks X is very smart"); one
    that denies a party's word or act a quality it ought to have, or calls it false, discredits
    it (111, discrediting: "said X's explanation was not credible"; refuting: "said X's
    conclusions were entirely false"). Aimed at the party the clause's
    subject names or belongs to ("*X's* explanation"); never at the speaker's own side, a
    pronoun or a thing ("said the deal was good", "said it was not fair": no one appraised),
    nor when the judgment is only supposed ("would be a wise choice"), hedged or compared
    ("hardly", "no longer", "less reliable than": appraisal_hedges), asked ("Is X ...?"), of an
    ended past ("had been"), of a team (sports_nouns) or by no named speaker."""
    if not actors.actors(found.sources):
        return found
    for clause in _reported(book, actors, found):
        if any(c.dep_ == "aux" and c.lower_ in syntax.HYPOTHETICAL_AUX | {"had"}
               for c in clause.children) or _hedged(book, clause):
            continue
        predicates = _predicates(book, clause)
        if any(p.lemma_.lower() in book.sports_nouns or p.tag_ in ("JJR", "RBR")
               for p in predicates) or any(_hedged(book, p) for p in predicates):
            continue
        negated = any(c.dep_ == "neg" or c.lower_ == "never"
                      for head in (clause, *predicates) for c in head.children)
        words = {w for p in predicates for w in _predicate_words(p)
                 if not syntax.prep_objects(p, "of")}
        words |= {w for p in predicates if p.pos_ == "NOUN" for w in _qualities(p)}
        cues = ({"discrediting": book.discrediting} if negated else
                {"praising": book.praising, "refuting": book.refuting})
        cue = next((name for name, listed in cues.items() if words & listed), None)
        subjects = syntax.clause_subjects(clause)
        if cue == "discrediting" and not words & (book.discrediting - book.discrediting_of_party):
            subjects = [] if any(syntax.children(s, {"poss"}) or s.pos_ != "PROPN"
                                 for s in subjects) else subjects  # "X was not serious"
        aimed = _appraised(actors, found.sources, subjects) if cue else []
        if not aimed:
            continue
        code = "051" if cue == "praising" else "111"
        act = replace(found.pattern, cameo=code, sense=(
            f"a statement judging a party by its qualities appraises it (statement_cues.yaml {cue})"))
        return Candidate(act, found.trigger, found.sources, aimed, content=found.content)
    return found


def _hedged(book: PatternBook, head: Token) -> bool:
    """Whether a clause or predicate is hedged, compared or asked: a word of appraisal_hedges
    among its modifiers or its subject's ("*hardly* a partner", "no *longer*", "*neither* X
    nor Y", "less reliable *than*"), or a clause that ends in a question mark."""
    near = [c for c in head.children if c.dep_ not in ("ccomp", "xcomp", "advcl", "conj")]
    near += [g for c in near if c.dep_ in syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS | {"advmod"}
             for g in c.children]
    if any(c.lower_ in book.appraisal_hedges for c in near):
        return True
    last = max(t.i for t in head.subtree)
    doc = head.doc
    return (last + 1 < len(doc) and doc[last + 1].text == "?") or doc[last].text == "?"


def _appraised(actors: Arguments, sources: list[Token], subjects: list[Token]) -> list[Token]:
    """The party a judgment is of: the clause's subject when it names an actor, else the
    subject's possessor ("*X's* explanation"); none for a pronoun subject, a thing, or the
    speaker's own side (its country, any actor of that country: "Biden said American troops
    were heroes" is no praise of another party, or its own actor: no self-praise)."""
    if not subjects or any(s.pos_ == "PRON" or s.lower_ in SELF_OR_GENERIC | NO_ONE
                           for s in subjects):
        return []
    aimed = subjects if actors.actors(subjects) else [
        p for s in subjects for p in syntax.children(s, {"poss"})]
    named = actors.actors(aimed)
    speaking = {a.code for a in actors.actors(sources)}
    countries = {a.country for a in actors.actors(sources) if a.country}
    if not named or _speakers_country(actors, sources, aimed) or any(
            a.code in speaking or a.country in countries for a in named):
        return []
    return aimed


def opposition(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that the speaker's side opposes something disapproves of it (110,
    statement_cues.yaml opposing): "said Beijing was firmly opposed to Seoul's deployment",
    "said it opposed the plan". Aimed at the party the opposed thing names (itself, its
    possessor, its by-phrase or the subject of a gerund: "opposed to *Seoul* cooperating"), else
    at no one. Not what another side opposes, nor "is not opposed to", nor "would oppose"."""
    for clause in _reported(book, actors, found):
        if any(c.dep_ == "neg" or c.lower_ == "never" or (
                c.dep_ == "aux" and c.lower_ in syntax.HYPOTHETICAL_AUX) for c in clause.children):
            continue
        subjects = syntax.children(clause, syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS)
        if not _speakers_state(actors, found.sources, subjects):
            continue
        # "was opposed to and dissatisfied with Seoul cooperating": each coordinated adjective
        for head in (clause, *[a for c in syntax.children(clause, {"acomp"})
                               for a in syntax.conjuncts(c)]):
            for cue, code in book.opposing.items():
                word, _, prep = cue.partition(" ")
                if word not in (head.lemma_.lower(), head.lower_):
                    continue
                opposed = syntax.prep_objects(head, prep) if prep else syntax.children(head, {"dobj"})
                if not opposed:
                    continue
                parties = [t for o in opposed for t in (
                    *syntax.prep_objects(o, "by"), *([] if o.lemma_.lower() in book.opposed_undergone
                                                     else (o, *syntax.children(o, {"poss", "nsubj"}))))]
                aimed = [t for t in parties if actors.actors([t])
                         and not _speakers_country(actors, found.sources, [t])]
                act = replace(found.pattern, cameo=code, sense=(
                    "a statement that the speaker's side opposes something disapproves of it "
                    "(statement_cues.yaml opposing)"))
                return Candidate(act, found.trigger, found.sources, aimed[:1], content=found.content)
    return found


def warning(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that another party will meet a fate the speaker holds over it threatens that
    party (statement_cues.yaml warning_fates): "said Pyongyang would pay a heavy price", "said
    Iran will face consequences". Only of a party named by a proper name other than the
    speaker's side ("said consumers would pay a higher price" warns no one), said as to
    come ("will", "would" after a past speech verb), never negated ("will not face")."""
    told_in_past = found.trigger.tag_ in ("VBD", "VBN")
    for clause in _reported(book, actors, found):
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        will = auxes & (syntax.FUTURE_AUX | syntax.BACKSHIFTED_WILL)
        if not will or (will == syntax.BACKSHIFTED_WILL and not told_in_past) or any(
                c.dep_ == "neg" or c.lower_ == "never" for c in clause.children):
            continue
        code = next((book.warning_fates[w] for w in _verb_words(clause) if w in book.warning_fates),
                    None)
        if code is not None and not _heavy_price(book, clause):
            continue
        subjects = syntax.clause_subjects(clause)
        if code is None or not actors.actors(subjects) or _speakers_state(
                actors, found.sources, subjects) or any(s.pos_ != "PROPN" for s in subjects):
            continue
        act = replace(found.pattern, cameo=code, sense=(
            "a statement that another party will pay for what it does threatens it "
            "(statement_cues.yaml warning_fates)"))
        return Candidate(act, found.trigger, found.sources, subjects, content=found.content)
    return found


def _heavy_price(book: PatternBook, clause: Token) -> bool:
    """Whether a fate is one held over a party: not a price that is modified by a comparative or
    a word outside heavy_prices ("a higher price", "a political price") or paid "for" something
    ("for Russian gas"); "pay a heavy price", "pay a price" and "face consequences" are."""
    prices = [o for o in syntax.children(clause, {"dobj"}) if o.lemma_.lower() == "price"]
    for price in prices:
        modifiers = [c for c in price.children if c.dep_ in ("amod", "compound", "nmod")]
        if any(m.lower_ not in book.heavy_prices or m.tag_ in ("JJR", "RBR") for m in modifiers):
            return False
        if any(c.lower_ in ("for", "of") for c in (*price.children, *clause.children)
               if c.dep_ == "prep"):
            return False
    return True


def failing(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that a named party failed to do something faults it (111, statement_cues.yaml
    faulting): "said the United States had failed to protect civilians". Only of a party other
    than the speaker's side, named (not a pronoun), failing at a duty (statement_cues.yaml
    duties: not "failed to qualify", "failed to attend"); not "did not fail", nor "would
    fail" (a forecast), nor "the talks failed" (no party)."""
    for clause in _reported(book, actors, found):
        code = book.faulting.get(clause.lemma_.lower())
        if code is None or not any(syntax.is_infinitive(c) and c.lemma_.lower() in book.duties
                                   for c in syntax.children(clause, {"xcomp"})):
            continue  # "failed to protect civilians"; not "failed to qualify"
        if any(c.dep_ == "neg" or c.lower_ == "never" or (
                c.dep_ == "aux" and c.lower_ in syntax.HYPOTHETICAL_AUX | syntax.FUTURE_AUX)
                for c in clause.children):
            continue
        subjects = syntax.clause_subjects(clause)
        if (not actors.actors(subjects) or any(s.pos_ == "PRON" for s in subjects)
                or _speakers_state(actors, found.sources, subjects)
                or _speakers_government(actors, found.sources, subjects)):
            continue
        act = replace(found.pattern, cameo=code, sense=(
            "a statement that a party failed to act faults it (statement_cues.yaml faulting)"))
        return Candidate(act, found.trigger, found.sources, subjects, content=found.content)
    return found


def _speakers_government(actors: Arguments, sources: list[Token], subjects: list[Token]) -> bool:
    """Whether a subject names a government of no country ("the government") said by a
    government: most likely the speaker's own ("Kenyatta said the government had failed")."""
    return any(a.code.endswith("GOV") for a in actors.actors(sources)) and any(
        not a.country and a.code.startswith("GOV") for a in actors.actors(subjects))


def denial(book: PatternBook, actors: Arguments, found: Candidate) -> Candidate:
    """A statement that the speaker's side had no part in something denies it (016,
    statement_cues.yaml denying): "said it was not involved in the attack", "said Moscow had
    nothing to do with it". Aimed at no one: whoever accused is not named by the clause."""
    for clause in _reported(book, actors, found):
        if not _speakers_state(actors, found.sources, syntax.children(
                clause, syntax.SUBJECTS | syntax.PASSIVE_SUBJECTS)):
            continue
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in clause.children)
        words = {f"not {w}" for p in [clause, *syntax.children(clause, {"acomp"})]
                 for w in (p.lemma_.lower(), p.lower_)} if negated else {  # "had nothing to do"
            f"{clause.lemma_.lower()} {o.lemma_.lower()} to {v.lemma_.lower()}"
            for o in syntax.children(clause, {"dobj"})
            for v in syntax.children(o, {"relcl", "acl"}) if syntax.is_infinitive(v)}
        code = next((book.denying[w] for w in sorted(words) if w in book.denying), None)
        if code is None or ("not involved" in words and not any(
                syntax.prep_objects(p, prep) for p in [clause, *syntax.children(clause, {"acomp"})]
                for prep in ("in", "with"))):
            continue  # "it did not involve ground troops" says what a thing is
        act = replace(found.pattern, cameo=code, sense=(
            "a statement that the speaker's side had no part in something denies it "
            "(statement_cues.yaml denying)"))
        return Candidate(act, found.trigger, found.sources, [], content=found.content)
    return found


def _speakers_state(actors: Arguments, sources: list[Token], subjects: list[Token]) -> bool:
    """The speaker's side (_speakers_side), or its state named by its capital or government
    ("a Chinese spokesman said *Beijing* was opposed")."""
    if _speakers_side(actors, sources, subjects):
        return True
    speaking = {a.country for a in actors.actors(sources) if a.country}
    return any(a.country in speaking and a.code in (a.country, f"{a.country}GOV")
               for a in actors.actors(subjects))
