"""Event dates: the date of the event's clause, else its sentence's, else the publication date;
never after the publication date for a past or present event; background when well before it."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from eventwire.nlp import syntax
from eventwire.nlp.anchors import sentence_of, trigger_token
from eventwire.records import Event, ParsedArticle, ParsedSentence
from eventwire.time.attachment import attached, attachment
from eventwire.time.clauses import (
    participle_of,
    simultaneous_clause,
    time_sharing_heads,
    verb_of,
)
from eventwire.time.expressions import (
    FUTURE,
    PAST,
    TimeExpression,
    as_contract,
    find_times,
    resolve_as_past,
    verb_tense,
)
from eventwire.time.narrative import (
    UNDATED_KINDS,
    first_day,
    frame,
    heading,
    last_day,
    simple_past_step,
    story_date,
)
from eventwire.time.rules import date_rules


def publication_date(parsed: ParsedArticle) -> dt.date | None:
    return parsed.article.published


# Reasons for an unknown date that a date framing the whole sentence overrides.
BACKGROUND_CLAUSES = ("relative_clause", "since_clause")


def _bound(expression: TimeExpression, doc) -> bool:
    """A date the event is after, not on: "since 2003", "after his January 20 inauguration"."""
    prepositions = date_rules().bound_prepositions
    if expression.text.split()[0].lower() in prepositions:
        return True
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in prepositions:
            return True
    return False


def _own_in_bound(expression: TimeExpression, trigger: Token) -> bool:
    """"since the 2011 uprising", "after the annexation of Crimea in March 2014": the date bounds
    the verb the phrase hangs on, but it is the date of the noun trigger it modifies."""
    prepositions = date_rules().bound_prepositions
    if trigger.pos_ in ("VERB", "AUX") or expression.text.split()[0].lower() in prepositions:
        return False  # "the fighting since 2003" is a stretch, not the fighting's day
    span = trigger.doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or len(span) == 0 or trigger in span:
        return False
    token = span.root
    while token != trigger:
        if token.pos_ in ("VERB", "AUX") or token.head == token or (
                token.dep_ == "prep" and token.lower_ in prepositions):
            return False
        token = token.head
    # the bound is above the trigger: the noun is what the phrase is since or after
    for token in trigger.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in prepositions:
            return True
    return False


def _undated_expressions(sentence: ParsedSentence, found: list[TimeExpression]
                         ) -> list[TimeExpression]:
    """The sentence's expressions that leave an event they modify undated: "the following day",
    "in recent weeks", an adverb of an earlier time or a habit ("previously", "has repeatedly
    said"), a vague past ("recently": PAST_REF), or a span up to now ("since 2003")."""
    rules = date_rules()
    span = sentence.span
    text, offset = span.text, span.start_char
    undated = [TimeExpression(m.group(0), offset + m.start(), offset + m.end(), None, "undated")
               for m in rules.undated.finditer(text)]
    for match in rules.earlier_adverbs.finditer(text):
        words = span.doc.char_span(offset + match.start(), offset + match.end(),
                                   alignment_mode="expand")
        # an adverb, not "before the vote" or "once the deal is signed"
        if words is not None and len(words) and words.root.dep_ in ("advmod", "npadvmod"):
            undated.append(TimeExpression(match.group(0), offset + match.start(),
                                          offset + match.end(), None, "earlier_adverb"))
    for expression in found:
        if expression.value == "PAST_REF":
            undated.append(TimeExpression(expression.text, expression.start, expression.end,
                                          None, "vague_past"))
        elif as_contract(expression.value)[0] and _bound(expression, span.doc):
            # the value stays for a noun it dates inside the bound ("since the 2011 uprising")
            undated.append(TimeExpression(expression.text, expression.start, expression.end,
                                          expression.value, "bound"))
    return undated


def _sentence_expressions(parsed: ParsedArticle, sentence: ParsedSentence, published: dt.date | None
                          ) -> list[TimeExpression]:
    """The dated expressions of a sentence and those that leave an event undated; a dated one
    inside an undated one is part of it ("over the past year", "since 2003")."""
    found = find_times(sentence.span, published,
                       headline=sentence.span.start_char < parsed.title_offset)
    undated = _undated_expressions(sentence, found)
    dated = [e for e in found if as_contract(e.value)[0]
             and not any(u.start <= e.start and e.end <= u.end for u in undated)]
    return dated + undated


def _pluperfect_verb(trigger: Token) -> Token | None:
    """The verb in the pluperfect ("had shelled") that the trigger's clause is, or shares its time
    with ("had quoted the radio as saying ...", "had entered the office and attacked ...")."""
    auxiliaries = date_rules().earlier_auxiliaries
    return next((verb for verb in [verb_of(trigger), *time_sharing_heads(trigger)]
                 if any(child.dep_ == "aux" and child.lower_ in auxiliaries
                        for child in verb.children)), None)


def _sequence_under_pluperfect(position: int, trigger: Token, dated: list[TimeExpression]) -> bool:
    """"Erdogan and Merkel had met a short while before the journalist was arrested": past the
    lead, a clause of sequence (`sequence_words`: before, after, since, following, until, ahead,
    prior) under a pluperfect is as much before the report as that verb is; its date is unknown,
    not the article's (the pluperfect's own rules: not under an undated past report, which is the
    sequence of tenses). In the title and lead (`perfect_lead_sentences`) the clause is the
    story's own time: "protesters had gathered for hours before police fired tear gas"."""
    verb = verb_of(trigger)
    if position < date_rules().perfect_lead_sentences or verb.dep_ != "advcl" or not any(
            child.dep_ in ("mark", "advmod") and child.lower_ in date_rules().sequence_words
            for child in verb.children):
        return False
    head = verb_of(verb.head)
    return (_pluperfect_verb(head) is not None and not _backshifted(head, dated)
            and attached(dated, head) is None)


def _earlier_than_frame(trigger: Token) -> bool:
    """"had shelled": a pluperfect is before the sentence's framing date."""
    return _pluperfect_verb(trigger) is not None


def _perfect_position(event: Event, position: int, trigger: Token) -> bool:
    """"has said he can produce 4% growth", "has vowed to shut mosques", "each side has
    expelled ten diplomats": past the lead, a present perfect is an act of some unstated time,
    not the report's day (`perfect_roots`), unless an adverb runs it up to now ("has so far
    refused")."""
    rules = date_rules()
    # A noun's verb is another act: "have achieved progress at the talks" dates no talks.
    # "has so far refused": a state up to the report's day (`ongoing_adverbs`)
    ongoing = any(child.dep_ == "advmod" and " ".join(
        t.lower_ for t in child.subtree) in rules.ongoing_adverbs for child in trigger.children)
    return (event.cameo_root in rules.perfect_roots and trigger.tag_ == "VBN" and not ongoing
            and position >= rules.perfect_lead_sentences
            and any(child.dep_ == "aux" and child.lemma_.lower() == "have"
                    and child.tag_ in ("VBZ", "VBP") for child in trigger.children))


def _backshifted(trigger: Token, dated: list[TimeExpression]) -> bool:
    """"Police said that eight people had been wounded": a pluperfect under a past reporting verb
    is the sequence of tenses, the report's own time, unless that report is dated itself ("the
    UN said in a report last month that the army had committed mass killings")."""
    head = syntax.reporting_head(_pluperfect_verb(trigger) or verb_of(trigger))
    return head is not None and head.tag_ == "VBD" and attached(dated, head) is None


def _clause_of(trigger: Token) -> Token:
    """The verb heading the trigger's clause, through coordination ("which attacked and burned")
    and the when- or as-clauses and participles that share its time ("the revolt, in which 850
    people were killed as police clashed with protesters"), and a verb's complement."""
    clause = verb_of(trigger)
    # and through a verb's complement: "the accord, under which the army agreed to free the prisoners",
    # "the jets, which managed to escape the invasion" are told in the relative clause
    while clause.head.i != clause.i and (clause.dep_ in ("conj", "xcomp")
                                         or simultaneous_clause(clause) or participle_of(clause)):
        clause = verb_of(clause.head)
    return clause


def _antecedent_date(dated: list[TimeExpression], trigger: Token) -> TimeExpression | None:
    """A relative clause with no date of its own takes the date of the noun it describes: "in
    late November, when X told the forum", "twin attacks on Saturday that killed 40 people";
    for a thing, not a person, the date of that noun's verb too ("was unveiled on Tuesday in a
    ceremony that was protested by ..."), but "police on Monday arrested a man who stabbed two
    women" does not date the stabbing."""
    rules = date_rules()
    clause = _clause_of(trigger)  # a past relative clause (`_background_clause`)
    noun, doc = clause.head, trigger.doc
    for expression in dated:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is not None and noun in span:
            return expression
    lead = doc[clause.left_edge.i:clause.i]
    person = any(token.lower_ in rules.person_relatives for token in lead)
    scored = [(score, e) for e in dated if (score := attachment(e, noun)) == 3 or score == 2 and not person]
    return max(scored, key=lambda pair: (pair[0], -abs(pair[1].start - noun.idx)))[1] if scored else None


def _background_clause(trigger: Token) -> str | None:
    """"the war that killed 500,000", "a man who murdered his neighbour was convicted", "has been
    without an ambassador since the president expelled the envoy": a past act told in a relative
    clause or a since-clause is background to the sentence's news (`background_clauses`)."""
    rules = date_rules()
    verb = verb_of(trigger)
    clause = _clause_of(trigger)
    if verb_tense(clause) != PAST or verb_tense(verb) not in (PAST, None):
        return None  # "a failure that, as his lawyer told CNN, doctors agree is ...": the news
    if clause.dep_ in rules.background_clauses:
        return "relative_clause"
    if clause.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ in rules.clause_marks
                                      for child in clause.children):
        return "since_clause"
    return None


def _since_bound(trigger: Token) -> bool:
    """"The militants have destroyed more shrines since they took the town in June", "has
    mobilized since the invasion": an act in the perfect or the progressive that a since-clause or
    -phrase of its own verb bounds runs from that time to the report's; its day is not stated
    (`clause_marks`). A simple past is one act: "since the talks failed, the army attacked the
    town" gives a reason, not a stretch."""
    marks = date_rules().clause_marks
    verb = verb_of(trigger)
    stretch = any(child.dep_ == "aux" and child.lemma_.lower() == "have"
                  for child in verb.children) or verb.tag_ == "VBG"
    return stretch and any(child.dep_ == "advcl" and any(mark.dep_ == "mark" and mark.lower_ in marks
                                                         for mark in child.children)
                           or child.dep_ == "prep" and child.lower_ in marks
                           for child in verb.children)


def _after_clause(position: int, trigger: Token) -> bool:
    """"Days after the agency criticised the army, a video appeared online": past the lead, an act
    told in the simple past in an after-clause is before its sentence's news, at a time the text
    does not state, when the word before the mark states the gap (`gap_words`); without
    one it is the same scene ("police fired tear gas after protesters threw stones"), and in the
    lead it is the story's own time."""
    rules = date_rules()
    verb = verb_of(trigger)
    marks = [child for child in verb.children
             if child.dep_ == "mark" and child.lower_ in rules.after_marks]
    # the word just before the mark: "two weeks after", not "arrested 30 people after"
    gap = any(mark.i > 0 and verb.doc[mark.i - 1].lower_ in rules.gap_words for mark in marks)
    return (position >= rules.perfect_lead_sentences and verb.dep_ == "advcl"
            and verb_tense(verb) == PAST and gap)


def _since_noun(trigger: Token) -> bool:
    """"has mobilized since Iraq's invasion": a noun trigger that a stretch runs from is an
    earlier act, as a since-clause is (`clause_marks`)."""
    return (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj"
            and trigger.head.lower_ in date_rules().clause_marks)


def _charged_act(trigger: Token) -> bool:
    """"a suspect in the *killing* of ...", "accused of *attacking* ...": an act that a charge, a
    trial or an inquiry (`legal_heads`) names through its preposition is before it. An arrest
    names its charge only by `custody_prepositions` ("arrested for *attacking*", "in connection
    with the *bombing*"; not "arrested 20 people in a *protest*"), and the parse's "of" on an
    object counts for the verb only for `charging_verbs` ("convicted the leader of *attacking*";
    not "detained the leader of the *protest*")."""
    rules = date_rules()
    prep = trigger.head
    if not (trigger.dep_ in ("pobj", "pcomp") and prep.dep_ == "prep"
            and prep.lower_ in rules.legal_prepositions and prep.head.i != prep.i):
        return False
    head = prep.head
    if prep.lower_ == "with" and head.lower_ == "connection" and head.dep_ == "pobj":
        head = head.head.head  # "arrested in connection with the bombing"
        return head.lemma_.lower() in rules.custody_heads
    heads = [head]
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in rules.charging_verbs:
        heads.append(head.head)
    return any(node.lemma_.lower() in rules.legal_heads and not (
        node.lemma_.lower() in rules.custody_heads
        and prep.lower_ not in rules.custody_prepositions) for node in heads)


def _unknown_reason(expression: TimeExpression | None, event: Event, position: int,
                    trigger: Token, dated: list[TimeExpression]) -> str | None:
    """Why the text leaves the event's date unknown, though it is earlier than the report: an
    undated expression of its own, a pluperfect, a present perfect position, a background
    clause; None else."""
    if expression is not None:
        return expression.kind if expression.kind in UNDATED_KINDS else None
    if _earlier_than_frame(trigger) and not _backshifted(trigger, dated):
        return "pluperfect"
    if _sequence_under_pluperfect(position, trigger, dated):
        return "pluperfect"
    if _perfect_position(event, position, trigger):
        return "perfect"
    if _since_noun(trigger):
        return "since_clause"
    if _since_bound(trigger):
        return "bound"
    if _after_clause(position, trigger):
        return "sequence"
    if _charged_act(trigger):
        return "charged"
    return _background_clause(trigger)


def _when_clause_date(dated: list[TimeExpression], verb: Token) -> TimeExpression | None:
    """The date of a when- or while-clause under ``verb``: the verb's own time."""
    return next(filter(None, (attached(dated, clause) for clause in verb.children
                              if simultaneous_clause(clause))), None)


def _reporting_verb(trigger: Token) -> Token | None:
    """The reporting verb whose complement the trigger's clause is ("said police arrested")."""
    head = syntax.reporting_head(verb_of(trigger))
    return head if head is not None and head.lemma_.lower() in date_rules().reporting_verbs else None


def _may_be_future(event: Event, trigger: Token) -> bool:
    """Plans, threats, schedules ("is set to meet on Monday"): dates after publication stand."""
    return event.modality in date_rules().future_modalities or verb_tense(trigger) == FUTURE


def _event_date(expression: TimeExpression, may_be_future: bool,
                published: dt.date | None) -> tuple[str | None, str | None]:
    """The expression's date for the event; none when it would put a past or present event
    after its article's publication date (read as the past first: "October 7: ... blames")."""
    date, precision = as_contract(expression.value)
    if date is None or published is None or may_be_future:
        return date, precision
    if first_day(date, precision) > published:
        date, precision = as_contract(resolve_as_past(expression, published))
    if date is None or first_day(date, precision) > published:
        return None, None
    return date, precision


def _expression_for(expressions: list[TimeExpression], sentence: ParsedSentence, event: Event,
                    trigger: Token, position: int) -> tuple[TimeExpression | None, bool, str | None]:
    """The event's clause first, then the sentence's framing date; whether the date may lie
    after publication (the event's own plan or schedule; for a frame, its main verb's tense:
    "December 30: Putin says Moscow would not expel ..." is last December); and why the date is
    unknown when the text puts the event at an earlier, unstated time."""
    dated = [e for e in expressions if e.kind not in UNDATED_KINDS]
    undated = [e for e in expressions if e.kind in UNDATED_KINDS]
    # A date of the event's own wins over an undated word ("previously met on Monday").
    expression = attached(dated, trigger) or attached(undated, trigger)
    if expression is not None and expression.kind == "bound" and _own_in_bound(expression, trigger):
        expression = TimeExpression(expression.text, expression.start, expression.end,
                                    expression.value, "own_in_bound")
    if expression is None and (simultaneous_clause(trigger) or participle_of(trigger)):
        # "Relations collapsed last spring when Russia annexed Crimea": the main clause's
        # date is the when-clause's too; "on Monday called them moving targets, saying ...".
        expression = attached(dated, trigger.head) or attached(undated, trigger.head)
    for head in time_sharing_heads(trigger) if expression is None else []:
        # further up, only a date of that verb's own: "began last month, when guards entered
        # the office and attacked the director"; "promised on Sunday to free the hostages".
        # A day reaches a when-clause or a coordinated verb only once merging weighs how a
        # date was found: a shared day ("walked in on Friday and shot a man") set the reports
        # of one shooting apart from the others' publication days on ECB+ (docs/geo_time.md).
        expression = attached(dated, head, own=True) or attached(undated, head, own=True)
        if (expression is not None and as_contract(expression.value)[1] == "day"
                and not syntax.is_infinitive(verb_of(trigger))):
            expression = None
        if expression is not None:
            break
    if expression is None:
        # and the other way: "When Mattis visited last month, he said ..." was said last month
        expression = _when_clause_date(dated, trigger)
    unknown = _unknown_reason(expression, event, position, trigger, dated)
    if unknown == "relative_clause":
        expression = _antecedent_date(dated, trigger)
        unknown = None if expression is not None else unknown
    if unknown in BACKGROUND_CLAUSES and frame(dated, sentence) is not None:
        unknown = None  # "In 1982, Hafez ordered a crackdown, which killed ...": the frame's
    if unknown is not None:
        return expression, False, unknown
    reporting = _reporting_verb(trigger)
    if expression is None and reporting is not None and not _may_be_future(event, trigger):
        # "X said on Monday (that) police arrested five men": arrested by Monday
        expression = attached(dated, reporting) or _when_clause_date(dated, reporting)
        report_undated = attached(undated, reporting) if expression is None else None
        if report_undated is not None:
            # "said at the time that police covered up the killing": as undated as its report
            return report_undated, False, report_undated.kind
    if expression is not None:
        return expression, _may_be_future(event, trigger) or expression.ahead, None
    if _earlier_than_frame(trigger):
        return None, False, None  # a backshifted pluperfect: the report's day, not the frame's
    return frame(dated, sentence), verb_tense(sentence.span.root) == FUTURE, None


def _own_day(expression: TimeExpression, trigger: Token, published: dt.date | None) -> str | None:
    """The day the expression gives the trigger's own clause (not its report's, not a frame's),
    when it is one of the `narrative_days` before publication: "were killed Thursday"."""
    if published is None or not any(attachment(expression, verb) for verb in
                                    [trigger, *time_sharing_heads(trigger)]):
        return None
    date, precision = as_contract(expression.value)
    if precision != "day" or date is None:
        return None
    day = dt.date.fromisoformat(date)
    window = dt.timedelta(days=date_rules().narrative_days)
    return date if published - window <= day < published else None


def _later_step(event: Event, trigger: Token, sentence: ParsedSentence) -> bool:
    """A violent act told in the simple past in the body with no date of its own ("Hospital
    sources said four civilians were also killed in the attack"): of the kind of act the lead
    dates (`lead_roots`), it is that act's, as a headline's is (`_headline_days`)."""
    return event.cameo_root in date_rules().lead_roots and simple_past_step(trigger, sentence)


def _headline_days(parsed: ParsedArticle, events: list[Event], own_days: dict[str, str],
                   undated: list[Event]) -> None:
    """A headline event with no date in the headline is the act its lead reports: when the lead
    (the first body sentence with an event) dates an event of the same kind (CAMEO root) to one
    of the days before publication ("26 killed in suicide attack" / "... were killed Thursday
    when a suicide bomber blew himself up"), the headline event takes that day, not the
    article's; and so does a later violent step of the body (`_later_step`)."""
    body = [e for e in events if (s := sentence_of(parsed, e)) is not None
            and s.span.start_char >= parsed.title_offset]
    if not body:
        return
    lead = min(e.sentence_index for e in body)
    for event in undated:
        day = next((own_days[e.event_id] for e in body if e.sentence_index == lead
                    and e.cameo_root == event.cameo_root and e.event_id in own_days), None)
        if day is not None:
            event.date, event.date_precision, event.background = day, "day", False
            # Evidence for the audit: the date came from the lead's report of the same act.
            event.evidence["date"] = {"text": next(
                e.evidence["date"]["text"] for e in body if own_days.get(e.event_id) == day
                and e.sentence_index == lead), "may_be_future": False, "sentence": lead}


def date_events(parsed: ParsedArticle, events: list[Event]) -> None:
    """Set each event's date and precision: the date of its clause, else its sentence's framing
    date, else, for a step of a story told in the past, the day an earlier sentence gives it,
    else the publication date (``day``); unknown (null) when the text puts the event at an
    earlier time it does not state. No past or present event is dated after the publication
    date; an event dated more than ``background_days`` before it is background."""
    published = publication_date(parsed)
    by_sentence: dict[int, list[TimeExpression]] = {}
    own_days: dict[str, str] = {}  # event id -> the recent day of its own clause
    undated_headline: list[Event] = []  # headline events given the publication date
    # the lead is counted from the first body sentence, not the title's
    body_start = next((s.index for s in parsed.sentences
                       if s.span.start_char >= parsed.title_offset), 0)

    def expressions_of(other: ParsedSentence) -> list[TimeExpression]:
        return _sentence_expressions(parsed, other, published)

    for event in events:
        sentence = sentence_of(parsed, event)
        date, precision, unknown = None, None, None
        if sentence is not None:
            if sentence.index not in by_sentence:
                by_sentence[sentence.index] = _sentence_expressions(parsed, sentence, published)
            trigger = trigger_token(sentence, event)
            expression, may_be_future, unknown = _expression_for(
                by_sentence[sentence.index], sentence, event, trigger,
                event.sentence_index - body_start)
            if unknown is not None:
                # Evidence for the audit: why the date is unknown rather than the article's.
                event.evidence["date"] = {"text": expression.text if expression else None,
                                          "unknown": unknown}
            elif expression is not None:
                date, precision = _event_date(expression, may_be_future, published)
                if date is not None:
                    # Evidence for the audit: which words dated the event, and whether it may lie
                    # after publication (a plan, a threat, a schedule).
                    event.evidence["date"] = {"text": expression.text,
                                              "may_be_future": may_be_future}
                    if (day := _own_day(expression, trigger, published)) is not None:
                        own_days[event.event_id] = day
            if unknown is None and date is None and expression is None:
                titled = heading(parsed, sentence, by_sentence, expressions_of)
                ahead = _may_be_future(event, trigger)
                if titled is not None:
                    date, precision = _event_date(titled[1], ahead, published)
                if titled is not None and date is not None:
                    # Evidence for the audit: the date is the heading of a timeline's item.
                    event.evidence["date"] = {"text": titled[1].text, "may_be_future": ahead,
                                              "sentence": titled[0]}
            if unknown is None and date is None and expression is None:
                carried = story_date(parsed, sentence, trigger, by_sentence, expressions_of,
                                     published)
                if carried is not None:
                    date, precision = as_contract(carried[1].value)
                    # Evidence for the audit: the date came from an earlier sentence of the story.
                    event.evidence["date"] = {"text": carried[1].text, "may_be_future": False,
                                              "sentence": carried[0]}
        event.background = bool(
            date is not None and published is not None
            and last_day(date, precision) < published - dt.timedelta(days=date_rules().background_days))
        if date is None and published is not None and unknown is None:
            date, precision = published.isoformat(), "day"
            if (sentence is not None and event.modality not in date_rules().future_modalities
                    and (sentence.span.start_char < parsed.title_offset
                         or _later_step(event, trigger, sentence))):
                undated_headline.append(event)
        event.date, event.date_precision = date, precision
    if undated_headline and own_days:
        _headline_days(parsed, events, own_days, undated_headline)
