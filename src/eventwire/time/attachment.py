"""How closely a date expression belongs to an event's trigger (the time stage's attachment
rules: the trigger's own date, a non-finite verb's under it, a noun trigger's verb's; never the
date of a planned act or of a stretch "since" the event)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.nlp import syntax
from eventwire.nlp.anchors import opens_clause
from eventwire.time.clauses import bare_participle
from eventwire.time.expressions import TimeExpression
from eventwire.time.rules import date_rules


def attachment(expression: TimeExpression, trigger: Token) -> int:
    """How closely a date expression belongs to a trigger: 3 when it modifies the trigger itself,
    2 when it modifies a non-finite verb under the trigger ("prior to meeting Putin on Tuesday,
    Kerry was locked in talks"; "Speaking on Sunday, the minister criticised ...") or the verb a
    noun trigger belongs to, 0 otherwise; never the planned act of "agreed to resume on March 7".
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
        if _planned_act(token, trigger):
            return 0  # "agreed to resume the withdrawal on March 7": March 7 is the withdrawal's
        if token.pos_ in ("VERB", "AUX") and token not in span:
            if trigger.pos_ not in ("VERB", "AUX") and token == governing and first_verb:
                return 2  # "imposed sanctions in April 2014" dates the noun trigger "sanctions"
            crossed_finite = crossed_finite or (opens_clause(token)
                                                and not _circumstance_of(token, trigger)
                                                and not _news_day_in_modifier(expression, token))
            first_verb = False
        if token.head == token:
            return 0
        token = token.head


# Day words of the news ("on Saturday", "yesterday", a day of a month without its year: "Dec.
# 24"): inside a participle that only describes a noun ("a convoy led by police on Saturday",
# "fired on tourists having a picnic Dec. 24") the parse hangs them on the participle, but they
# date the act of the clause; a year or a month there stays the noun's ("a bridge built in 1990").
NEWS_DAY_KINDS = ("weekday", "deictic", "month_day", "day_month")


def _news_day_in_modifier(expression: TimeExpression, token: Token) -> bool:
    """Not the day of a plan ("elections scheduled for January 8") nor of a noun in a phrase of
    sequence ("killed ahead of elections held on Sunday"): another time than the clause's."""
    rules = date_rules()
    if not (expression.kind in NEWS_DAY_KINDS and token.dep_ == "acl" and bare_participle(token)):
        return False
    if token.lemma_.lower() in rules.prospective_verbs:
        return False
    for above in token.ancestors:
        # before the verb test: spaCy tags "following" (a preposition here) VERB
        if above.lower_ in rules.sequence_words:
            return False
        if above.pos_ in ("VERB", "AUX"):
            return True
    return True


def _planned_act(token: Token, trigger: Token) -> bool:
    """A to-infinitive under a trigger that looks ahead ("agreed to resume", "plans to visit"):
    the act it names comes after the trigger's, so its date is not the trigger's."""
    return (token.dep_ == "xcomp" and token.head == trigger and token.tag_ == "VB"
            and trigger.lemma_.lower() in date_rules().prospective_verbs
            and syntax.is_infinitive(token))


def _circumstance_of(token: Token, trigger: Token) -> bool:
    """A participle clause without subject or conjunction that sets the trigger's scene ("Speaking
    to reporters on Sunday, the minister criticized ..."): its date is the trigger's."""
    return token.dep_ == "advcl" and token.head == trigger and bare_participle(token)


def attached(expressions: list[TimeExpression], trigger: Token, own: bool = False
              ) -> TimeExpression | None:
    """The expression that belongs most closely to the trigger; with ``own``, only one that
    modifies the trigger itself (`attachment` 3)."""
    scored = [(attachment(e, trigger), e) for e in expressions]
    scored = [(score, e) for score, e in scored if score == 3 or score and not own]
    if not scored:
        return None
    return max(scored, key=lambda pair: (pair[0], -abs(pair[1].start - trigger.idx)))[1]
