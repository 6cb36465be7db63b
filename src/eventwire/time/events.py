"""Event dates: the date expression attached to the event's trigger, else the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from eventwire.records import Event, ParsedArticle
from eventwire.time.anchors import opens_clause, sentence_of, trigger_token
from eventwire.time.expressions import TimeExpression, as_contract, find_times


def publication_date(parsed: ParsedArticle) -> dt.date | None:
    try:
        return dt.date.fromisoformat(parsed.article.date) if parsed.article.date else None
    except ValueError:
        return None


def attachment(expression: TimeExpression, trigger: Token) -> int:
    """How closely a date expression belongs to a trigger: 3 when it modifies the trigger itself,
    2 when it modifies a non-finite verb under the trigger ("prior to meeting Putin on Tuesday,
    Kerry was locked in talks") or the verb a noun trigger belongs to, 0 otherwise.
    "70 years since the victory" dates the victory, not the verb it hangs on: never an event's."""
    if expression.kind == "ago" and expression.text.lower().endswith("since"):
        return 0
    doc = trigger.doc
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    token = span.root
    governing = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    crossed_finite = False
    first_verb = True
    while True:
        if token == trigger:
            return 3 if first_verb else (0 if crossed_finite else 2)
        if token.pos_ in ("VERB", "AUX") and token not in span:
            if trigger.pos_ not in ("VERB", "AUX") and token == governing and first_verb:
                return 2  # "imposed sanctions in April 2014" dates the noun trigger "sanctions"
            crossed_finite = crossed_finite or opens_clause(token)
            first_verb = False
        if token.head == token:
            return 0
        token = token.head


SIMULTANEITY_MARKERS = {"when", "while", "as"}


def _attached(expressions: list[TimeExpression], trigger: Token) -> TimeExpression | None:
    scored = [(attachment(e, trigger), e) for e in expressions]
    scored = [(score, e) for score, e in scored if score]
    if not scored:
        return None
    return max(scored, key=lambda pair: (pair[0], -abs(pair[1].start - trigger.idx)))[1]


def _simultaneous_clause(trigger: Token) -> bool:
    return trigger.dep_ == "advcl" and any(
        child.dep_ == "advmod" and child.lower_ in SIMULTANEITY_MARKERS
        or child.dep_ == "mark" and child.lower_ in SIMULTANEITY_MARKERS
        for child in trigger.children)


def date_events(parsed: ParsedArticle, events: list[Event]) -> None:
    """Set each event's date and precision from its sentence, else the publication date."""
    published = publication_date(parsed)
    by_sentence: dict[int, list[TimeExpression]] = {}
    for event in events:
        sentence = sentence_of(parsed, event)
        date, precision = None, None
        if sentence is not None:
            if sentence.index not in by_sentence:
                by_sentence[sentence.index] = [
                    e for e in find_times(sentence.span, published) if as_contract(e.value)[0]
                ]
            trigger = trigger_token(sentence, event)
            expression = _attached(by_sentence[sentence.index], trigger)
            if expression is None and _simultaneous_clause(trigger):
                # "Relations collapsed last spring when Russia annexed Crimea": the main clause's
                # date is the when-clause's too.
                expression = _attached(by_sentence[sentence.index], trigger.head)
            if expression is not None:
                date, precision = as_contract(expression.value)
        if date is None and published is not None:
            date, precision = published.isoformat(), "day"
        event.date, event.date_precision = date, precision
