"""The words of counts: counts.yaml loaded once, and the numbers a phrase gives.

``parse_number("at least 3")`` is 3 with low 3 and no high; "up to 4,000", "between 10 and 20",
"dozens", "100s", "some 500,000 workers", "no one" (0). The word lists are ``data/counts.yaml``
(docs/data.md); ``events/counts.py`` reads the parse and gives the counts to events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

WORD = re.compile(r"\d[\d,]*(?:\.\d+)?(?:s\b)?|[a-z]+(?:-[a-z]+)*")  # "100s": hundreds
RANGE_JOINERS = ("to", "and", "or", "-")
# "the 48-year-old Lee", "a man aged 26": an age is no count; nor is a date
AGE = re.compile(r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|\baged \d+\b"
                 r"|\b\d{1,4}[./]\d{1,2}[./]\d{2,4}\b")  # and dates: "(21.02.2017) An estimated 25"


@dataclass(frozen=True)
class Number:
    value: int
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    intransitive: frozenset[str]
    person_object_only: frozenset[str]
    state_words: dict[str, str]
    casualty_words: dict[str, tuple[str, ...]]
    toll_words: frozenset[str]
    event_types: dict[str, frozenset[str]]
    subject_participants: frozenset[str]
    person_nouns: frozenset[str]
    units: dict[str, int]
    scales: dict[str, int]
    single: dict[str, int]
    vague: dict[str, tuple[int, int | None]]
    floor: tuple[str, ...]
    ceiling: tuple[str, ...]
    approximate: tuple[str, ...]
    zero: tuple[str, ...]
    not_of_codes: dict[str, tuple[str, ...]]
    fallback_distance: int
    share_distance: int
    same_act_preps: frozenset[str]
    year_range: tuple[int, int]
    date_words: frozenset[str]
    running_marks: frozenset[str]
    running_preps: frozenset[str]
    running_periods: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of data/counts.yaml, loaded once per process."""
    raw: dict[str, Any] = yaml.safe_load(
        (resources.files("eventwire.events") / "data" / "counts.yaml").read_text(encoding="utf-8"))

    def words(key: str) -> tuple[str, ...]:
        # longest first, so "more than" is tried before "more" and "tens of thousands" first
        return tuple(sorted((str(w) for w in raw.get(key) or ()), key=len, reverse=True))

    return Lexicon(
        verbs={str(k): str(v) for k, v in raw["verbs"].items()},
        intransitive=frozenset(words("intransitive")),
        person_object_only=frozenset(words("person_object_only")),
        state_words={str(k): str(v) for k, v in raw["state_words"].items()},
        casualty_words={str(k): tuple(v) for k, v in raw["casualty_words"].items()},
        toll_words=frozenset(words("toll_words")),
        event_types={k: frozenset(v) for k, v in raw["event_types"].items()},
        subject_participants=frozenset(words("subject_participants")),
        person_nouns=frozenset(words("person_nouns")),
        units={str(k): int(v) for k, v in raw["units"].items()},
        scales={str(k): int(v) for k, v in raw["scales"].items()},
        single={str(k): int(v) for k, v in raw["single"].items()},
        vague={str(k): (int(v[0]), None if v[1] is None else int(v[1]))
               for k, v in sorted(raw["vague"].items(), key=lambda kv: -len(kv[0]))},
        floor=words("floor"), ceiling=words("ceiling"), approximate=words("approximate"),
        zero=words("zero"),
        not_of_codes={str(k): tuple(str(c) for c in v or ()) for k, v in raw["not_of_codes"].items()},
        fallback_distance=int(raw["fallback_distance"]),
        share_distance=int(raw["share_distance"]),
        same_act_preps=frozenset(words("same_act_preps")),
        year_range=(int(raw["year_range"][0]), int(raw["year_range"][1])),
        date_words=frozenset(words("date_words")),
        running_marks=frozenset(words("running_marks")),
        running_preps=frozenset(words("running_preps")),
        running_periods=frozenset(words("running_periods")),
    )


# -- numbers ----------------------------------------------------------------------------------
def parse_number(text: str) -> Number | None:
    """The number a phrase gives: "at least 3" -> 3 (low 3, high None), "up to 4,000",
    "between 10 and 20", "dozens", "some 500,000 workers", "no one" -> 0; None without one."""
    lex = lexicon()
    words = WORD.findall(AGE.sub(" ", text.lower().replace("–", "-")))
    joined = " ".join(words)
    for phrase in lex.zero:
        if joined == phrase or joined.startswith(phrase + " "):
            return Number(0, 0, 0)
    for i in range(len(words)):
        found = _number_at(words, i)
        if found is None:
            continue
        value, low, high, after = found
        span = _range_end(words, after)
        if span is not None and high is not None and low == value and span > value:
            return Number(value, value, span)  # "10 to 20": best estimate the low end
        return _bounded(words[:i], value, low, high)
    return None


def _bounded(before: list[str], value: int, low: int | None, high: int | None) -> Number:
    lex = lexicon()
    lead = " ".join(before)
    if any(lead.endswith(w) for w in lex.floor):
        return Number(value, value, None)
    if any(lead.endswith(w) for w in lex.ceiling):
        return Number(value, None, value)
    return Number(value, low, high)


def _range_end(words: list[str], after: int) -> int | None:
    """The upper end of "10 to 20" / "10-20" / "between 10 and 20" starting at ``after``."""
    if after < len(words) and words[after] in RANGE_JOINERS:
        found = _number_at(words, after + 1)
        return found[0] if found else None
    return None


def _number_at(words: list[str], i: int) -> tuple[int, int | None, int | None, int] | None:
    """(value, low, high, next index) of a number starting at word ``i``."""
    lex = lexicon()
    rest = " ".join(words[i:])
    for phrase, (low, high) in lex.vague.items():
        if rest == phrase or rest.startswith(phrase + " "):
            return low, low, high, i + len(phrase.split())
    for phrase, value in lex.single.items():
        if rest == phrase or rest.startswith(phrase + " "):
            n = i + len(phrase.split())
            if n < len(words) and words[n] in lex.scales:  # "a hundred thousand"
                return value * lex.scales[words[n]], None, None, n + 1
            return value, value, value, n
    return _cardinal(words, i)


def _cardinal(words: list[str], i: int) -> tuple[int, int | None, int | None, int] | None:
    """Figures ("4,000", "1.5 million") and number words ("two hundred and fifty")."""
    lex = lexicon()
    word = words[i]
    if word[0].isdigit():
        try:
            amount = float(word.replace(",", ""))
        except ValueError:
            return None
        n = i + 1
        while n < len(words) and words[n] in lex.scales:
            amount *= lex.scales[words[n]]
            n += 1
        value = int(amount)
        return value, value, value, n
    total, current, n = 0, None, i
    while n < len(words):
        part = words[n]
        pieces = part.split("-")
        if all(p in lex.units for p in pieces):
            current = (current or 0) + sum(lex.units[p] for p in pieces)
        elif part in lex.scales and (current is not None or total):
            total += (current or 1) * lex.scales[part]
            current = 0
        elif part == "and" and current is not None and n + 1 < len(words) and words[n + 1] in lex.units:
            pass  # "two hundred and fifty"
        else:
            break
        n += 1
    if current is None and not total:
        return None
    value = total + (current or 0)
    return value, value, value, n
