"""Date expressions in text, normalised against the publication date.

``find_times(span, published)`` finds the date expressions of a spaCy span (a sentence or a whole
document) and gives each a TIMEX3-style value: ``2015-05-12`` (day), ``2015-W19`` (week),
``2014-04`` (month), ``2014-Q2`` (quarter), ``2014-SP`` (season), ``2014`` (year), ``201``
(decade), or ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``. ``as_contract`` maps a value to the
contract's day / month / year precision.

Relative expressions ("on Tuesday", "last week", "in February", "last spring") need the
publication date; the tense of the verb they modify picks the direction of a bare weekday or month
("met on Tuesday": the Tuesday before; "will meet on Tuesday": the one after). Nothing here reads
the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

DATA = Path(__file__).with_name("data")

PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int  # character offsets in the text of the span's doc
    end: int
    value: str | None  # TIMEX3-style value; None when it cannot be resolved (no publication date)
    kind: str  # the pattern that found it
    ahead: bool = False  # a weekday read as a timetable's ("meet Monday"): it may lie after publication


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    month_alone_needs_before: frozenset[str]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    modifiers: dict[str, int]  # last -1, next 1, this 0: the step from publication
    numbers: dict[str, int | None]
    references: dict[str, str]
    deictic_days: dict[str, int]
    future_heads: frozenset[str]
    schedule_states: frozenset[str]
    schedule_reporters: frozenset[str]
    deictic_last_not_after: frozenset[str]
    present_reports: frozenset[str]
    unchanged_pasts: frozenset[str]
    timetable_verbs: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    raw = yaml.safe_load((DATA / "words.yaml").read_text(encoding="utf-8"))
    return Words(
        months=raw["months"],
        month_alone_needs_before=frozenset(raw["month_alone_needs_before"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=raw["weekdays"],
        seasons=raw["seasons"],
        ordinals=raw["ordinals"],
        modifiers=raw["modifiers"],
        numbers=raw["numbers"],
        references=raw["references"],
        deictic_days=raw["deictic_days"],
        future_heads=frozenset(raw["future_heads"]),
        schedule_states=frozenset(raw["schedule_states"]),
        schedule_reporters=frozenset(raw["schedule_reporters"]),
        deictic_last_not_after=frozenset(raw["deictic_last_not_after"]),
        present_reports=frozenset(raw["present_reports"]),
        unchanged_pasts=frozenset(raw["unchanged_pasts"]),
        timetable_verbs=frozenset(raw["timetable_verbs"]),
    )


def _alternation(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) pairs; every pattern is tried and the longest matches win."""
    w = words()
    month = rf"(?P<month>{_alternation(w.months)})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d|,\d)"
    weekday = rf"(?P<weekday>{_alternation(w.weekdays)})"
    season = rf"(?P<season>{_alternation(w.seasons)})"
    ordinal = rf"(?P<ordinal>{_alternation(w.ordinals)})"
    number = rf"(?P<number>\d+|{_alternation(w.numbers)})"
    part = r"(?:(?P<part>early|mid|late)[\s-]+)?"
    modifier = rf"(?P<modifier>{_alternation(w.modifiers)})"
    def i(piece: str) -> str:  # case-insensitive pieces; month and weekday names keep capitals
        return f"(?i:{piece})"

    on = i(r"on\s+") + "?"
    month_lead = i(r"(?:in\s+)?(?:(?:early|late|mid)[\s-]+)?(?:" + modifier + r"\s+)?")
    season_lead = i(r"(?:in\s+)?(?:the\s+|" + modifier + r"\s+|" + part + ")?")
    optional_year = r"(?:\s+(?:of\s+)?" + year + ")?"
    weekday_lead = i(r"(?:(?:on|by|until)\s+)?(?:" + modifier + r"\s+)?")
    day_part = i(r"\s+(?:morning|afternoon|evening|night)")
    relative_year = i(modifier + r"\s+year")
    year_lead = i(r"(?:(?:in|since|by|until|during|before|after|of|from)\s+)?(?:fiscal\s+)?")
    table = [
        ("iso", r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-" + day + r"\b"),
        ("month_day_year", rf"\b{on}(?:{weekday},?\s+)?{month}\s+{day},?\s+{year}"),
        ("day_month_year", rf"\b{on}{day}\s+{month},?\s+{year}"),
        ("month_day", rf"\b{on}(?:{weekday},?\s+)?{month}\s+{day}\b(?!\s*(?:,\s*)?\d)"),
        ("month_relative_year", rf"\b{i('in ')}?{month}\s+{relative_year}\b"),
        ("day_month", rf"\b{on}{day}\s+(?:of\s+)?{month}\b"),
        ("month_year", rf"\b{i('in ')}?{i(part)}{month},?\s+(?:of\s+)?{year}"),
        ("month", rf"\b{month_lead}{month}\b"),
        ("season", rf"\b{season_lead}{i(season)}\b{optional_year}"),
        ("decade", r"\b" + i(r"(?:the\s+)?" + part)
                   + r"(?:(?P<decade>(?:1[6-9]|20)\d)0s|'(?P<short>\d)0s)"),
        ("quarter", r"\b" + i(r"(?:(?:the|this\s+year.s)\s+)?(?:fiscal\s+)?" + ordinal
                             + r"[\s-]+quarter") + optional_year),
        ("reported_quarter", i(r"\b(?:the|this|its)\s+(?:(?P<which>latest|last|recent|most\s+"
                                r"recent|current|year[\s-](?:earlier|ago))\s+)?quarter\b(?!s)")),
        ("half", r"\b" + i(r"(?:the\s+)?" + ordinal + r"\s+half") + r"(?:\s+of\s+" + year + ")?"),
        ("relative", i(r"\b(?:(?:earlier|later)\s+)?" + modifier
                       + r"\s+(?P<unit>week(?:end)?|month|year)\b")),
        ("ago", i(r"\b" + number + r"\s+(?P<unit>day|week|month|year)s?\s+"
                  r"(?P<ago>ago|earlier|before|since)\b")),
        ("year_ago", i(r"\byear[\s-](?:earlier|ago)\b")),
        ("deictic", i(r"\b(?:" + _alternation(w.deictic_days) + r")\b")),
        ("weekday", rf"\b{weekday_lead}{weekday}(?:{day_part})?\b"),
        ("reference", i(r"\b(?:" + _alternation(w.references) + r")\b")),
        ("year", rf"\b{year_lead}{i(part)}{year}\b"),
        ("weekend", i(r"\b(?:the|this)\s+weekend\b")),
    ]
    return [(kind, re.compile(pattern)) for kind, pattern in table]


def find_times(span: Span, published: dt.date | None, headline: bool = False
               ) -> list[TimeExpression]:
    """The date expressions of a span, resolved against the publication date; a ``headline``
    tells past acts in the present ("Police arrest man Monday"), a body the schedule's future."""
    text = span.text
    offset = span.start_char
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in patterns():
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    expressions: list[TimeExpression] = []
    last_end = -1
    for start, end, kind, match in found:
        if start < last_end or not _plausible(kind, match, span, offset):
            continue
        verb = tensed_verb(span.doc, offset + start, offset + end)
        tense = _verb_tense(verb) if verb is not None else None
        ahead = (kind == "weekday" and not headline and tense == PRESENT
                 and scheduled_present(verb) and _on_verb(span.doc, offset + start, offset + end, verb))
        if ahead:
            tense = FUTURE  # "Arafat and Netanyahu meet separately Monday with Albright"
        elif (tense in (PRESENT, PAST) and _timetabled(verb)
              and _on_schedule(span.doc, offset + start, offset + end, verb)):
            tense = FUTURE  # "talks are set for Friday", "the vote is due Monday"
        value = _resolve(kind, match, published, tense)
        if value is not None and _year_ago_of_quarter(kind, match, span.doc, offset + start):
            # "profit rose 5% from a year earlier" in a quarterly report: the same quarter a
            # year before, as the year-ago quarter.
            value = _reported_quarter(YEAR_AGO_QUARTER.fullmatch("the year-ago quarter"),
                                      published)
        if value is None and published is not None:
            continue  # a match we cannot read is no date expression
        expression = TimeExpression(match.group(0), offset + start, offset + end, value, kind, ahead)
        expressions.append(expression)
        last_end = end
    return expressions


YEAR_AGO_QUARTER = re.compile(r"the (?P<which>year-ago) quarter")


def _year_ago_of_quarter(kind: str, match: re.Match[str], doc, start: int) -> bool:
    """A year ago (one year, no more) in a sentence about a quarter's results."""
    if kind == "ago":
        raw = match.group("number").lower()
        if match.group("unit").lower() != "year" or raw not in ("1", "a", "an", "one"):
            return False
    elif kind != "year_ago":
        return False
    token = doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")
    sentence = token.sent if token is not None and len(token) else None
    return sentence is not None and any(t.lemma_.lower() == "quarter" for t in sentence)


def resolve_as_past(expression: TimeExpression, published: dt.date) -> str | None:
    """The expression's value read as the past (the latest such day, month or season up to the
    publication date): "October 7: ... blames Russia" in a March 2017 timeline is 2016-10-07,
    though the historical present would put it ahead. Explicit dates keep their value."""
    pattern = dict(patterns()).get(expression.kind)
    match = pattern.fullmatch(expression.text) if pattern else None
    return _resolve(expression.kind, match, published, PAST) if match else expression.value


def verb_tense(verb: Token) -> str | None:
    """"past", "present" or "future" ("will meet", "is set to resume") for a verb; None else."""
    return _verb_tense(verb)


def _plausible(kind: str, match: re.Match[str], span: Span, offset: int) -> bool:
    """Reject readings that are ordinary words: "may", a bare "March", a number that is no year."""
    w = words()
    if kind == "month" and match.group("month") in w.ambiguous_months:
        before = match.string[:match.start("month")].split()
        return bool(before) and before[-1].lower().rstrip("-") in w.month_alone_needs_before
    if kind == "season":
        return any(match.group(g) for g in ("modifier", "year", "part")) or match.group(0)[
            :match.start("season") - match.start()].strip() != ""
    if kind == "year":
        tokens = span.doc.char_span(offset + match.start("year"), offset + match.end("year"),
                                    alignment_mode="expand")
        prefix = match.group(0)[:match.start("year") - match.start()].strip()
        return bool(prefix) or any(t.ent_type_ == "DATE" for t in tokens or [])
    if kind == "reference":
        return match.group(0).islower() or match.start() == 0
    if kind == "deictic" and match.group(0).lower().startswith("last"):
        before = match.string[:match.start()].split()
        after = match.string[match.end():].split()
        return not ((before and before[-1].lower() in w.deictic_last_not_after)
                    or (after and after[0].lower() == "of"))
    return True


def tensed_verb(doc, start: int, end: int) -> Token | None:
    """The verb whose tense says which way the expression lies: the one it modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBG",):
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _on_verb(doc, start: int, end: int, verb: Token) -> bool:
    """The expression modifies the verb itself ("meet Monday", "meet on Monday"), not a noun of
    its clause ("a premium over Thursday's closing price")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    return head == verb or (head.dep_ == "prep" and head.head == verb)


def scheduled_present(verb: Token) -> bool:
    """A simple present (or present passive) that tells a timetable, not a report: "the leaders
    meet Monday", "the vote is held Sunday" lie ahead; "says Monday" is a report of that day
    (`present_reports`), and "stocks hurt ... on Friday" may be a past (`unchanged_pasts`)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_.lower() in words().present_reports:
        return False
    if verb.lemma_.lower() not in words().timetable_verbs or _when_clause(verb):
        return False  # "protesters clash with police Tuesday" (a caption), "when reporters visit"
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries and not (verb.tag_ == "VBP"
                                        and verb.lower_ in words().unchanged_pasts)
    return (verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
            and auxiliaries[0].tag_ in ("VBZ", "VBP"))


def _when_clause(verb: Token) -> bool:
    """Whether a verb opens a "when / as / while" clause: a habit or a scene, not a timetable."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever", "as", "while")
        for c in verb.children)


def _verb_tense(verb: Token) -> str | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lemma_.lower() for a in auxiliaries}
    if any(a.tag_ == "MD" for a in auxiliaries) and "have" not in lemmas:
        return FUTURE  # "will meet", "could meet"; "would have met" is past
    if verb.tag_ == "VB" and "to" in lemmas and verb.head.lemma_ == "go" \
            and verb.head.tag_ == "VBG":
        return FUTURE  # "is going to meet"
    if (verb.tag_ == "VB" and "to" in lemmas and verb.head is not verb
            and verb.head.lemma_.lower() in words().future_heads
            and _verb_tense(verb.head) != PAST):
        return FUTURE  # "set to resume Monday", "is scheduled to close Monday"
    if any(a.tag_ == "VBD" for a in auxiliaries) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and lemmas & {"have", "be"}:
        return PAST if "have" in lemmas else PRESENT
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None


def _timetabled(verb: Token) -> bool:
    """A present passive or state of schedule (`schedule_states`): "talks are *set* for Friday",
    "a summit is *planned* for May", "the vote *is due* Monday"; or a past passive that a past
    "said" reports (`schedule_reporters`: "Egypt said talks *were set* for Friday")."""
    w = words()
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and [a.lemma_ for a in auxiliaries] == ["be"]:
        if verb.lemma_.lower() not in w.schedule_states:
            return False
        if auxiliaries[0].tag_ in ("VBZ", "VBP"):
            return True
        head = verb
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        return (auxiliaries[0].tag_ == "VBD" and head.dep_ == "ccomp"
                and head.head.tag_ == "VBD" and head.head.lemma_.lower() in w.schedule_reporters)
    return (verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "acomp" and c.lower_ in w.schedule_states for c in verb.children))


def _on_schedule(doc, start: int, end: int, verb: Token) -> bool:
    """The expression hangs on the schedule's verb, its "due" or their phrase ("set *for
    Friday*", "is due *on Monday*"), not on its subject ("the strike *on Monday* is expected to
    ..."), nor on a verb below it ("is set *to* resume ...", which the caller reads itself)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or any(c.dep_ == "xcomp" for c in verb.children):
        return False
    anchors = {verb.i} | {c.i for c in verb.children if c.dep_ == "acomp"}
    head = span.root.head
    return head.i in anchors or (head.dep_ == "prep" and head.head.i in anchors)


# ---------------------------------------------------------------------------------------------
# Resolution


def _year(match: re.Match[str]) -> int | None:
    value = match.groupdict().get("year")
    return int(value) if value else None


def _month_number(match: re.Match[str]) -> int:
    return words().months[match.group("month")]


def _modifier(match: re.Match[str]) -> str | None:
    value = match.groupdict().get("modifier")
    return value.lower() if value else None


def _step(modifier: str | None) -> int:
    """How many units a modifier moves from publication: -1 "last", 1 "next", 0 "this" or none."""
    return words().modifiers.get(modifier or "", 0)


def _direction(modifier: str | None, tense: str | None) -> str | None:
    if modifier not in words().modifiers:
        return tense
    step = _step(modifier)
    return PAST if step < 0 else FUTURE if step > 0 else PRESENT


def _resolve(kind: str, match: re.Match[str], published: dt.date | None, tense: str | None
             ) -> str | None:
    year = _year(match)
    if kind == "iso":
        return _day(year, int(match.group("mon")), int(match.group("day")))
    if kind in ("month_day_year", "day_month_year"):
        return _day(year, _month_number(match), int(match.group("day")))
    if kind == "month_relative_year" and published is not None:
        return f"{published.year + _step(_modifier(match)):04d}-{_month_number(match):02d}"
    if kind == "month_year":
        return f"{year:04d}-{_month_number(match):02d}"
    if kind == "decade":
        if match.group("decade"):
            return match.group("decade")
        return _short_decade(int(match.group("short")), published)
    if kind == "year":
        return f"{year:04d}"
    if kind == "quarter":
        return _quarter(match, year, published)
    if kind == "reported_quarter":
        return _reported_quarter(match, published)
    if kind == "half":
        if year is None and published is None:
            return None
        return f"{year or published.year:04d}-H{words().ordinals[match.group('ordinal').lower()]}"
    if kind == "season" and year is not None:
        return f"{year:04d}-{words().seasons[match.group('season').lower()]}"
    if kind == "reference":
        return words().references[match.group(0).lower()]
    if published is None:
        return None
    direction = _direction(_modifier(match), tense)
    if direction == PRESENT and _modifier(match) is None and kind in ("month_day", "day_month",
                                                                      "month", "season"):
        # A present tense says nothing of which October ("the report is due in October", "sales
        # rise in August"): the nearest one, as with no verb.
        direction = None
    if kind in ("month_day", "day_month"):
        return _month_day(published, _month_number(match), int(match.group("day")), direction)
    if kind == "month":
        return _month(published, _month_number(match), direction, _modifier(match))
    if kind == "season":
        return _season(published, words().seasons[match.group("season").lower()], direction)
    if kind == "relative":
        return _relative(published, match.group("unit").lower(), _modifier(match))
    if kind == "ago":
        return _ago(published, match)
    if kind == "year_ago":
        return f"{published.year - 1:04d}"
    if kind == "deictic":
        offset = words().deictic_days[" ".join(match.group(0).lower().split())]
        return (published + dt.timedelta(days=offset)).isoformat()
    if kind == "weekday":
        if direction != PAST and match.group(0).lower().startswith(("by ", "until ")):
            direction = FUTURE  # a deadline: "must leave by Monday"
        return _weekday(published, words().weekdays[match.group("weekday")], direction,
                        _modifier(match))
    if kind == "weekend":
        return _week(published) + "-WE"
    return None


def _short_decade(digit: int, published: dt.date | None) -> str | None:
    """"the '80s": the latest such decade that has begun by the publication date."""
    if published is None:
        return None
    century = published.year // 100 - (1 if digit * 10 > published.year % 100 else 0)
    return f"{century}{digit}"


def _day(year: int | None, month: int, day: int) -> str | None:
    try:
        return dt.date(year or 0, month, day).isoformat() if year else None
    except ValueError:
        return None


def _month_day(published: dt.date, month: int, day: int, direction: str | None) -> str | None:
    year = published.year
    if direction == PAST and (month, day) > (published.month, published.day) and not _days_ahead(
            published, month, day):
        year -= 1
    elif direction == FUTURE and (month, day) < (published.month, published.day):
        year += 1
    elif direction is None and month - published.month > 6:
        year -= 1  # a news story's undated day is most often in the months just past
    return _day(year, month, day)


NEAR_FUTURE_DAYS = 14


def _days_ahead(published: dt.date, month: int, day: int) -> bool:
    """A day of this month or the next within two weeks of publication: the coming one, whatever
    the tense ("the plant closed until Nov. 10" in a Nov. 3 story), not the one a year before."""
    try:
        ahead = (dt.date(published.year, month, day) - published).days
    except ValueError:
        return False
    return 0 < ahead <= NEAR_FUTURE_DAYS


def _month(published: dt.date, month: int, direction: str | None, modifier: str | None) -> str:
    year = published.year
    if direction == PAST and (month > published.month or (modifier == "last"
                                                          and month == published.month)):
        year -= 1
    elif direction == FUTURE and (month < published.month or (modifier == "next"
                                                              and month == published.month)):
        year += 1
    elif direction is None and month - published.month > 6:
        year -= 1
    return f"{year:04d}-{month:02d}"


SEASON_ORDER = ("WI", "SP", "SU", "FA")


def _season_of(day: dt.date) -> tuple[int, str]:
    """(year, season) of a day; December belongs to the winter of the next year's start."""
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, SEASON_ORDER[(day.month % 12) // 3]


def _season(published: dt.date, season: str, direction: str | None) -> str:
    year, current = _season_of(published)
    index, wanted = SEASON_ORDER.index(current), SEASON_ORDER.index(season)
    if direction == PAST and wanted >= index:
        year -= 1
    elif direction == FUTURE and wanted <= index:
        year += 1
    return f"{year:04d}-{season}"


def _week(day: dt.date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def _relative(published: dt.date, unit: str, modifier: str | None) -> str:
    step = _step(modifier)
    if unit in ("week", "weekend"):
        value = _week(published + dt.timedelta(weeks=step))
        return value + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        months = published.year * 12 + published.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{published.year + step:04d}"


def _ago(published: dt.date, match: re.Match[str]) -> str | None:
    raw = match.group("number").lower()
    count = int(raw) if raw.isdigit() else words().numbers.get(raw)
    if count is None:
        return None
    unit = match.group("unit").lower()
    if unit == "day":
        return (published - dt.timedelta(days=count)).isoformat()
    if unit == "week":
        return _week(published - dt.timedelta(weeks=count))
    if unit == "month":
        months = published.year * 12 + published.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{published.year - count:04d}"


def _weekday(published: dt.date, weekday: int, direction: str | None,
             modifier: str | None = None) -> str:
    """The weekday nearest the publication date in the direction of the tense: ahead for the
    future, else back, as news mostly reports what has happened (the same day counts: a story
    published on a Tuesday says "on Tuesday" for that day, but "last Tuesday" for the one a
    week before and "next Tuesday" for the one a week after)."""
    if direction == FUTURE:
        offset = (weekday - published.weekday()) % 7
    else:
        offset = -((published.weekday() - weekday) % 7)
    if offset == 0 and modifier in ("last", "previous", "next"):
        offset = 7 if modifier == "next" else -7
    return (published + dt.timedelta(days=offset)).isoformat()


def _quarter(match: re.Match[str], year: int | None, published: dt.date | None) -> str | None:
    number = words().ordinals[match.group("ordinal").lower()]
    if year is None:
        if published is None:
            return None
        current = (published.month - 1) // 3 + 1
        # Reports speak of quarters that have ended; a later quarter is last year's.
        year = published.year - (1 if number > current else 0)
    return f"{year:04d}-Q{number}"


def _reported_quarter(match: re.Match[str], published: dt.date | None) -> str | None:
    """"the quarter" in business news is the last quarter that has ended ("the current quarter"
    is the one under way; "the year-ago quarter" the same quarter a year before)."""
    if published is None:
        return None
    which = " ".join((match.group("which") or "").lower().replace("-", " ").split())
    quarters = published.year * 4 + (published.month - 1) // 3  # the current quarter, counted
    if which != "current":
        quarters -= 1
    if which.startswith("year"):
        quarters -= 4
    return f"{quarters // 4:04d}-Q{quarters % 4 + 1}"


# ---------------------------------------------------------------------------------------------
# The contract's precisions


def as_contract(value: str | None) -> tuple[str | None, str | None]:
    """(date, precision) with precision day / month / year, or (None, None).

    A week becomes the month of its Thursday; quarters, halves and seasons become their year;
    decades and the PRESENT/PAST/FUTURE references are no date.
    """
    if not value:
        return None, None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, "month"
    if re.fullmatch(r"\d{4}", value):
        return value, "year"
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if week:
        thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    if re.fullmatch(r"\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)", value):
        return value[:4], "year"
    return None, None
