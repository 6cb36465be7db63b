"""Parts of the news that hold no political events (``events/data/sections.yaml``).

- A sports page's "X accused Y" is a row between teams, not between states: an article whose URL
  names a sports or entertainment section keeps only the events with a state actor on one side.
- A list of links left in a page's text ("Latest", a menu, related stories) holds the headlines
  of other articles: a sentence that is a whole line of such a list is not coded.
- A link mark ("READ MORE:") introduces the headline of another article: what follows it in its
  sentence, or the next sentence when the mark ends its own, is not coded.
- The signature of an embedded post ("Name (@name) March 8, 2017") ends the post: what comes
  before it in its sentence is not coded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.records import Event

# entries this long may sit inside a longer URL word ("eurosport"); shorter ones must be the word
MIN_CONTAINED = 5
_URL_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class OffTopicSections:
    url_words: frozenset[str] = frozenset()
    not_words: frozenset[str] = frozenset()
    keep_sectors: frozenset[str] = frozenset()

    def section_word(self, url: str | None) -> str | None:
        """The URL word that names an off-topic section ("sport" in ".../sport/cricket/..."), or None."""
        for word in _URL_WORD.split((url or "").lower()):
            if not word or word in self.not_words:
                continue
            for entry in self.url_words:
                if word == entry or (len(entry) >= MIN_CONTAINED and entry in word):
                    return word
        return None

    def keeps(self, event: Event) -> bool:
        """Whether an event of such a section stays: a state actor on one side."""
        return any(actor is not None and self.keep_sectors.intersection(actor.sectors)
                   for actor in (event.source, event.target))


_SPACES = re.compile(r"\s*")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·|>]+|\d{1,2}[.)])\s*")


@dataclass(frozen=True)
class LinkLists:
    min_run: int = 3
    max_chars: int = 90
    sentence_ends: tuple[str, ...] = (".", "!", "?")
    cut_marks: tuple[str, ...] = ("...",)

    def lines(self, text: str, title: str | None = None) -> list[tuple[int, int, bool]]:
        """Each line of ``text``: its start, its end, and whether it belongs to a list of links
        (a run of ``min_run`` lines that look like links, blank lines aside); a line equal to
        ``title`` never does."""
        spans, runs, run = [], [], []
        offset = 0
        raws = text.split("\n")
        continued = _continued_lines(raws)
        for number, raw in enumerate(raws):
            spans.append((offset, offset + len(raw)))
            line = _LIST_MARKER.sub("", raw).strip()
            if (line and self._looks_like_link(line) and line != (title or "").strip()
                    and not continued[number]):
                run.append(len(spans) - 1)
            elif line:
                runs.append(run)
                run = []
            offset += len(raw) + 1
        runs.append(run)
        listed = {index for run in runs if len(run) >= self.min_run for index in run}
        return [(start, end, index in listed) for index, (start, end) in enumerate(spans)]

    def _looks_like_link(self, line: str) -> bool:
        if len(line) > self.max_chars or line[0].islower():
            return False
        return line.endswith(self.cut_marks) or not line.endswith(self.sentence_ends)


def _continued_lines(raws: list[str]) -> list[bool]:
    """For each line, whether the next line that is not blank goes on with its sentence (prose
    wrapped over short lines: "... the minister\nsaid on Monday"); one pass from the end, so a
    long text with many lines costs no more than reading it."""
    continued = [False] * len(raws)
    following = ""
    for number in range(len(raws) - 1, -1, -1):
        continued[number] = bool(following) and following[0].islower()
        stripped = raws[number].strip()
        following = stripped or following
    return continued


def link_list_sentences(rule: LinkLists, text: str, title: str | None,
                        sentences: list[tuple[int, str]]) -> set[int]:
    """The starts of the ``(start, text)`` sentences of ``text`` made of whole lines of a list of
    links. A sentence of prose wrapped over short lines starts or ends inside a line, or ends
    with a line that ends a sentence: never one."""
    lines = rule.lines(text, title)
    if not any(listed for _, _, listed in lines):
        return set()
    starts = [line_start for line_start, _, _ in lines]
    found = set()
    for start, sentence in sentences:
        # the sentence's own text, wherever it begins: a sentence's span may start with the
        # spaces after a list marker ("1.  Headline") that its stripped text leaves out
        first = _past_spaces(text, start) + len(sentence) - len(sentence.lstrip())
        last = first + len(sentence.strip())
        index = bisect_right(starts, first) - 1
        covered = []
        while index < len(lines) and lines[index][0] < last:
            covered.append(lines[index])
            index += 1
        if (covered and all(listed for _, _, listed in covered)
                and not _LIST_MARKER.sub("", text[covered[0][0]:first]).strip()
                and not text[last:covered[-1][1]].strip()):
            found.add(start)
    return found


def _past_spaces(text: str, at: int) -> int:
    """The offset of the first character of ``text`` from ``at`` on that is not a space."""
    spaces = _SPACES.match(text, at)
    return spaces.end() if spaces else at


@cache
def _whole(mark: str) -> re.Pattern[str]:
    """``mark`` where no letter runs into it from the left."""
    return re.compile(r"(?<![A-Za-z])" + re.escape(mark))


def link_mark_cuts(marks: tuple[str, ...], sentences: list[tuple[int, str]]) -> dict[int, int]:
    """For the ``(start, text)`` sentences that hold a linked headline, the offset in the
    sentence at which it begins: after a link mark (``marks``, matched as written and as a whole
    word: "READ MORE:", not the "MORE:" of "BALTIMORE:"), or 0 for the sentence after one that
    ends with a mark (the sentence splitter leaves "READ MORE:" at the end of the previous
    sentence)."""
    cuts: dict[int, int] = {}
    follows = False
    for start, sentence in sentences:
        if follows:
            cuts[start] = 0
        found = [match.end() for match in (_whole(mark).search(sentence) for mark in marks)
                 if match]
        follows = bool(found) and not sentence[max(found):].strip(" -–—|:")
        if found and not follows:
            cuts.setdefault(start, min(found))
    return cuts


def post_ends(signatures: tuple[str, ...], sentences: list[tuple[int, str]]) -> dict[int, int]:
    """For the ``(start, text)`` sentences that hold the signature of an embedded post (a name,
    a handle and a date: ``signatures``), the offset in the sentence where the last one begins:
    what comes before it is the post."""
    ends: dict[int, int] = {}
    for start, sentence in sentences:
        found = [match.start() for signature in signatures
                 for match in re.finditer(signature, sentence)]
        if found:
            ends[start] = max(found)
    return ends


def linked(rule: LinkLists, sentence: str, cut: int, offset: int, headline_verb: bool) -> bool:
    """Whether the word at ``offset`` of ``sentence``, whose linked headline begins at ``cut``,
    belongs to that headline. A headline has no full stop, so the article's next sentence often
    runs on after it ("READ MORE: Taliban kills eight police Gunmen stormed the hospital last
    Wednesday"): when what follows the cut is longer than a link line (``max_chars``), only a
    verb in the headline's tense (``headline_verb``, the simple present) within that length is."""
    if offset < cut:
        return False
    if len(sentence[cut:].strip()) <= rule.max_chars:
        return True
    return headline_verb and offset < cut + rule.max_chars


def link_lists(data: dict[str, Any] | None) -> LinkLists:
    """sections.yaml's ``link_lists`` entry (defaults for what it leaves out)."""
    data = data or {}
    default = LinkLists()
    return LinkLists(int(data.get("min_run", default.min_run)),
                     int(data.get("max_chars", default.max_chars)),
                     tuple(str(c) for c in data.get("sentence_ends") or default.sentence_ends),
                     tuple(str(c) for c in data.get("cut_marks") or default.cut_marks))


def off_topic_sections(data: dict[str, Any] | None) -> OffTopicSections:
    """sections.yaml's ``off_topic`` entry, lower-cased."""
    data = data or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return OffTopicSections(words("url_words"), words("not_words"),
                            frozenset(str(s) for s in data.get("keep_sectors") or ()))
