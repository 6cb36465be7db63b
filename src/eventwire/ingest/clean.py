"""Plain-text cleaning: remove the web boilerplate left in scraped text.

Scrapes saved as text keep the page furniture around the story: a breadcrumb trail
("You are here: Home » World » Headline"), the headline repeated, share/comment/subscribe
lines, and often the original publisher on a line of its own at the end. ``clean_plain_text``
drops the furniture, collapses the repeated headline into ``title`` and recognises the trailing
credit line as ``source``. The rules are data (``data/boilerplate.yaml``); paragraphs are kept
one per line, and short crossheads inside the story are kept because they match no rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

SENTENCE_PUNCTUATION = re.compile(r"[.!?;:,\"“”]")
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# How far from the top a repeated headline is looked for (the story starts soon after).
HEAD_LINES = 6


@dataclass
class CleanedText:
    text: str
    title: str | None
    source: str | None


@dataclass(frozen=True)
class BoilerplateRules:
    version: int
    max_words: int
    line_pattern: re.Pattern[str]
    separator_pattern: re.Pattern[str]
    start_pattern: re.Pattern[str]
    max_crumb_words: int
    credit_max_words: int
    credit_prefix_pattern: re.Pattern[str]
    lowercase_words: frozenset[str]


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    data = yaml.safe_load(
        files("eventwire.ingest").joinpath("data/boilerplate.yaml").read_text(encoding="utf-8")
    )
    patterns = [pattern for group in data["lines"].values() for pattern in group]
    separators = "|".join(re.escape(sep) for sep in data["breadcrumb_separators"])
    starts = "|".join(data["breadcrumb_starts"])
    prefixes = "|".join(re.escape(prefix) for prefix in data["credit_prefixes"])
    return BoilerplateRules(
        version=int(data["version"]),
        max_words=int(data["max_words"]),
        line_pattern=re.compile("(?:" + ")|(?:".join(patterns) + ")", re.IGNORECASE),
        separator_pattern=re.compile(separators),
        start_pattern=re.compile(rf"(?:{starts})(?!\w)\s*", re.IGNORECASE),
        max_crumb_words=int(data["breadcrumb_max_crumb_words"]),
        credit_max_words=int(data["credit_max_words"]),
        credit_prefix_pattern=re.compile(rf"^(?:{prefixes})\s*", re.IGNORECASE),
        lowercase_words=frozenset(data["credit_lowercase_words"]),
    )


def _normal(line: str) -> str:
    """A line as compared for repetition: case, quotes, spaces and trailing dots ignored."""
    line = line.casefold().replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", line).strip(" .…")


def breadcrumb_last_crumb(line: str, rules: BoilerplateRules) -> str | None:
    """The last crumb when ``line`` is a breadcrumb trail, else None.

    A trail has at least one separator and either begins with a start word ("You are here",
    "Home") or has three crumbs or more, all but the last short and without sentence punctuation.
    """
    crumbs = [crumb.strip() for crumb in rules.separator_pattern.split(line)]
    if len(crumbs) < 2 or not crumbs[-1]:
        return None
    leading = crumbs[:-1]
    start = rules.start_pattern.match(crumbs[0])
    if start:
        # "You are here: Home" is one crumb before the first separator.
        leading[0] = crumbs[0][start.end() :] or "home"
    short = all(
        0 < len(crumb.split()) <= rules.max_crumb_words and not SENTENCE_PUNCTUATION.search(crumb)
        for crumb in leading
    )
    return crumbs[-1] if short and (start or len(crumbs) >= 3) else None


def is_boilerplate_line(line: str, rules: BoilerplateRules | None = None) -> bool:
    """Whether a short line is navigation, share, comment, subscribe, related, ad or copyright."""
    rules = rules or boilerplate_rules()
    if len(line.split()) > rules.max_words:
        return False
    return rules.line_pattern.fullmatch(line.strip(" \t-–—•·|:↑^»›")) is not None


def credit_line(line: str, rules: BoilerplateRules | None = None) -> str | None:
    """The publisher named by a trailing credit line ("Reuters", "(AFP)", "Source: BBC News")."""
    rules = rules or boilerplate_rules()
    candidate = line.strip(" \t-–—")
    prefixed = rules.credit_prefix_pattern.match(candidate)
    if prefixed:
        candidate = candidate[prefixed.end() :]
    candidate = candidate.strip().removeprefix("(").removesuffix(")").strip()
    words = candidate.split()
    if not words or len(words) > rules.credit_max_words:
        return None
    if SENTENCE_PUNCTUATION.search(candidate.rstrip(".")) or candidate.endswith(("!", "?")):
        return None
    if not prefixed and candidate.endswith("."):
        return None  # a one-line sentence, not a credit
    for word in words:
        if word.casefold() in rules.lowercase_words:
            continue
        if not WORD.fullmatch(word) or not word[0].isupper():
            return None
    return candidate.rstrip(".")


def _find_title(lines: list[str], crumbs: list[str]) -> str | None:
    """A headline repeated near the top, or equal to the breadcrumb's last crumb."""
    head = [_normal(line) for line in lines[:HEAD_LINES]]
    crumb_keys = [_normal(crumb) for crumb in crumbs]
    for index, key in enumerate(head):
        if not key:
            continue
        repeated = key in head[index + 1 :]
        named_by_crumb = any(key == crumb or key.startswith(crumb) for crumb in crumb_keys if crumb)
        if repeated or named_by_crumb:
            return lines[index]
    return None


def clean_plain_text(raw: str) -> CleanedText:
    rules = boilerplate_rules()
    crumbs: list[str] = []
    lines: list[str] = []
    for raw_line in raw.splitlines():
        line = re.sub(r"[ \t\u00a0]+", " ", raw_line).strip()
        if not line:
            continue
        crumb = breadcrumb_last_crumb(line, rules)
        if crumb is not None:
            crumbs.append(crumb)
        elif not is_boilerplate_line(line, rules):
            lines.append(line)

    title = _find_title(lines, crumbs)
    if title is not None:
        key = _normal(title)
        top = [line for line in lines[:HEAD_LINES] if _normal(line) != key]
        lines = top + lines[HEAD_LINES:]

    source = None
    if len(lines) > 1:
        source = credit_line(lines[-1], rules)
        if source is not None:
            lines.pop()
    return CleanedText(text="\n".join(lines), title=title, source=source)
