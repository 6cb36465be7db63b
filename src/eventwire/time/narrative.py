"""A sentence's framing date, and the date a story told in the past carries from an earlier
sentence to its next steps (`narrative` of `event_dates.yaml`; docs/geo_time.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Token

from eventwire.nlp.anchors import sentence_at
from eventwire.records import ParsedArticle, ParsedSentence
from eventwire.time.attachment import attachment
from eventwire.time.clauses import verb_of
from eventwire.time.expressions import PAST, TimeExpression, as_contract, verb_tense
from eventwire.time.rules import date_rules
from eventwire.words import QUOTATION_MARKS

# Kinds of the expressions that give the event they modify no date (`_undated_expressions`).
UNDATED_KINDS = ("undated", "earlier_adverb", "vague_past", "bound")

# The dated and undated expressions of a sentence (events._sentence_expressions).
ExpressionsOf = Callable[[ParsedSentence], list[TimeExpression]]


def frame(expressions: list[TimeExpression], sentence: ParsedSentence) -> TimeExpression | None:
    """The date that frames a whole sentence: a leading "October 7:" (timelines), or a date
    before the main verb that modifies it ("On Monday, rebels shelled the town and seized ...")."""
    span = sentence.span
    text = span.text  # the sentence's own: spaCy rebuilds Doc.text, the whole article, per access
    lead = span.start_char + len(text) - len(text.lstrip())
    for expression in expressions:
        after = text[expression.end - span.start_char:]
        if expression.start == lead and after.lstrip().startswith(":"):
            return expression
    # Only a date that opens the sentence frames it ("On Monday, ..."; "Long says last year
    # they rescued 109 victims" does not date the saying).
    root = span.root
    framing = [e for e in expressions
               if e.start == lead and e.end <= root.idx and attachment(e, root) == 3]
    return framing[0] if framing else None


def first_day(date: str, precision: str) -> dt.date:
    """The first day a date at its precision covers (2014-04 -> 2014-04-01)."""
    if precision == "day":
        return dt.date.fromisoformat(date)
    return dt.date(int(date[:4]), int(date[5:7]) if precision == "month" else 1, 1)


def last_day(date: str, precision: str) -> dt.date:
    """The last day a date at its precision covers (2014-04 -> 2014-04-30)."""
    if precision == "day":
        return dt.date.fromisoformat(date)
    if precision == "month":
        year, month = int(date[:4]), int(date[5:7])
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(int(date[:4]), 12, 31)


def simple_past_step(trigger: Token, sentence: ParsedSentence) -> bool:
    """"The man was arrested nearby": the event's verb and its sentence's main verb are in the
    simple past (no perfect, no present report, no plan): a step of a story told in the past."""
    def simple_past(verb: Token) -> bool:
        return verb_tense(verb) == PAST and not any(
            child.dep_ == "aux" and child.lemma_.lower() == "have" for child in verb.children)
    return simple_past(verb_of(trigger)) and simple_past(sentence.span.root)


def _told_in_past(sentence: ParsedSentence) -> bool:
    """A sentence with a past verb and no present or modal one ("She had sustained head injuries
    and was pronounced dead"; not "Neighbours say it is a shock", nor "READ MORE:"). A sentence
    the prefilter left unparsed holds no event's verb form: a description, it is passed over."""
    tags = {token.tag_ for token in sentence.span}
    if tags <= {""}:
        return True
    return "VBD" in tags and not tags & {"VBZ", "VBP", "MD"}


def _main_date(expressions: list[TimeExpression], sentence: ParsedSentence,
               published: dt.date, background: bool = False) -> TimeExpression | None:
    """The day a sentence's main verb is dated by, when it is one of the days before publication
    (`narrative_days`): "was found early yesterday morning", "said Monday evening"; with
    ``background``, also a date of the past it recalls (`narrative.background`): "In 1974,
    gunmen threw a grenade into a shop."."""
    root = sentence.span.root
    if verb_tense(root) != PAST:
        return None  # a story's step told in the past, not a tweet's signature "March 22, 2017"
    text, offset = sentence.span.text, sentence.span.start_char
    # Not a day counted from the story's own time ("two days earlier"), nor one inside a quote
    # ("'On February 4 troops shelled the city,' she said" dates the shelling, not the saying).
    dated = [e for e in expressions if e.kind not in UNDATED_KINDS
             and not (e.kind == "ago" and not e.text.lower().endswith("ago"))
             and sum(text[:e.start - offset].count(q) for q in QUOTATION_MARKS) % 2 == 0]
    own = [e for e in dated if attachment(e, root) == 3] or [f for f in [frame(dated, sentence)] if f]
    if not own:
        return None
    date, precision = as_contract(own[0].value)
    if date is None or precision is None:
        return None
    rules = date_rules()
    if background and last_day(date, precision) < published - dt.timedelta(
            days=rules.background_days):
        return own[0]
    if precision in rules.narrative_coarse:
        # "Earlier this month, police raided the camp. They arrested five men.": the month; a
        # recent one only (an older one is background, carried only with ``background``)
        recent = last_day(date, precision) >= published - dt.timedelta(days=rules.background_days)
        # the month or year of the news only: "began last month" is not today's step
        return own[0] if recent and first_day(date, precision) <= published <= last_day(
            date, precision) else None
    if precision != "day":
        return None
    day = dt.date.fromisoformat(date)
    return own[0] if published - dt.timedelta(days=rules.narrative_days) <= day < published else None


def _times_its_verb(expressions: list[TimeExpression], sentence: ParsedSentence) -> bool:
    """Whether a sentence has a date, or a vague time of its main verb: "It was the second recent
    attack on tourists" (a vague word of a noun) does not stop the story's day, "It had
    previously attacked tourists" does."""
    root = sentence.span.root
    return any(e.kind not in UNDATED_KINDS or _modifies_verb(e, root) for e in expressions)


def _modifies_verb(expression: TimeExpression, verb: Token) -> bool:
    """The expression hangs on the verb itself ("had previously attacked", "attacked in recent
    weeks"), not on a noun of its clause ("the second recent attack")."""
    span = verb.doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    return head == verb or (head.dep_ == "prep" and head.head == verb)


def _narrative_date(parsed: ParsedArticle, index: int, by_sentence: dict[int, list[TimeExpression]],
                    expressions_of: ExpressionsOf, published: dt.date | None,
                    background: bool = False) -> tuple[int, TimeExpression] | None:
    """The date a story told in the past gives its next steps: the day of the nearest earlier
    body sentence (at most `narrative_sentences` back, none of them with another date) that dates
    its main verb ("... was found early yesterday morning. She had sustained head injuries. The
    man was arrested nearby." : arrested yesterday). The headline has no earlier sentence."""
    if published is None:
        return None
    for previous in range(index - 1, max(-1, index - 1 - date_rules().narrative_sentences), -1):
        sentence = sentence_at(parsed, previous)
        if sentence is None or sentence.span.start_char < parsed.title_offset:
            return None
        if previous not in by_sentence:
            by_sentence[previous] = expressions_of(sentence)
        if _times_its_verb(by_sentence[previous], sentence):
            found = _main_date(by_sentence[previous], sentence, published, background)
            return (previous, found) if found is not None else None
        if not _told_in_past(sentence):
            return None  # "Analysts say ...": the story told in the past stops here
    return None


def _dates_its_story(expressions: list[TimeExpression], sentence: ParsedSentence) -> bool:
    """Whether the sentence dates its own main verb or frames itself ("On Monday, ..."): a date
    of something its main verb only tells of ("He said the planned January 28 closure would be
    held off") leaves the telling to the story's day."""
    dated = [e for e in expressions if e.kind not in UNDATED_KINDS]
    root = sentence.span.root
    return (any(attachment(e, root) or not _told_of(e, root) for e in dated)
            or frame(dated, sentence) is not None)


def _told_of(expression: TimeExpression, root: Token) -> bool:
    """The expression lies in the complement clause of a reporting verb ("He said *the planned
    May 20 vote* would be delayed"): it dates what is told, not the telling. Any other date
    ("Officers who arrived on May 11 arrested a man") dates the sentence's own story."""
    span = root.doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    reporting = date_rules().reporting_verbs
    return any(above.dep_ == "ccomp" and above.head.lemma_.lower() in reporting
               for above in [span.root, *span.root.ancestors])


def story_date(parsed: ParsedArticle, sentence: ParsedSentence, trigger: Token,
               by_sentence: dict[int, list[TimeExpression]], expressions_of: ExpressionsOf,
               published: dt.date | None) -> tuple[int, TimeExpression] | None:
    """For an event its own sentence leaves undated (no date there at all) and told in the simple
    past, the day an earlier sentence of the story gives it (`_narrative_date`)."""
    if _dates_its_story(by_sentence[sentence.index], sentence):
        return None
    if not simple_past_step(trigger, sentence):
        return None
    # A recalled past carries on to the next step of its story ("In 1974, gunmen threw a grenade
    # into a shop. Two people were killed."), not to a report ("Officials said ...": today's).
    background = (date_rules().narrative_background
                  and sentence.span.root.lemma_.lower() not in date_rules().reporting_verbs)
    return _narrative_date(parsed, sentence.index, by_sentence, expressions_of, published,
                           background)


def heading(parsed: ParsedArticle, sentence: ParsedSentence,
            by_sentence: dict[int, list[TimeExpression]], expressions_of: ExpressionsOf
            ) -> tuple[int, TimeExpression] | None:
    """A timeline's heading that the sentence splitter left at the end of the sentence before
    ("... the envoy resigns after a row. September 2014:" / "The minister meets the envoy in
    private."): the date that frames this sentence, as a leading "October
    7:" frames its own."""
    previous = sentence_at(parsed, sentence.index - 1)
    if previous is None or previous.span.start_char < parsed.title_offset:
        return None
    text = previous.span.text.rstrip()
    if not text.endswith(":"):
        return None
    if previous.index not in by_sentence:
        by_sentence[previous.index] = expressions_of(previous)
    offset = previous.span.start_char
    found = [e for e in by_sentence[previous.index] if e.kind not in UNDATED_KINDS
             and not text[e.end - offset:-1].strip()]
    return (previous.index, found[0]) if found else None
