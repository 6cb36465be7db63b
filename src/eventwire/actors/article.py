"""What the whole article tells each of its phrases: ``ArticleContext``.

The context of one pass of the resolver over an article: its parse and date, every dictionary
match, where each sentence starts, the dateline, the sentences inside quotations, how often it
names each country, and the mentions resolved so far. Resolution functions take it as ``ctx``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import cached_property
from typing import Any

from eventwire.actors.dictionary import ADJECTIVE, CAPITAL, PERSON, PLACE, Dictionary, Named, words
from eventwire.actors.matching import PLACE_KINDS, Match, find_matches
from eventwire.actors.mention import Mention, aged
from eventwire.actors.roles_by_date import prefer_people_of_the_date
from eventwire.records import ParsedArticle

# A dateline: words in capitals opening the body, then a comma, a credit in brackets or a dash
# ("WASHINGTON (AP) —", "KABUL, Afghanistan -", "BEIJING:").
DATELINE = re.compile(
    r"\s*((?:THE |LA |EL )?[A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3})"
    r"(?=\s*(?:,|\.|\(|-|\u2014|\u2013|:|\"\?))"
    # ", Netherlands", ", February 7."
    r"(?:[,.][^,()\n\u2014\u2013:/]{1,40}?(?=\s*(?:,|\(|-|\u2014|\u2013|:|/)))?"
    r"(?:,?\s*\([^()\n]{1,40}\))?"  # "(Reuters)"
    # what ends it: a dash, a colon, a credit between slashes ("/TASS/."), or '"?' (a dash
    # mangled by a wrong text encoding)
    r"\s*(?:--?|\u2014|\u2013|:|/[A-Za-z -]{2,30}/\.?|\"\?)"
)
# The article's place names as a gazetteer reads them, asked for only when needed: (name as
# written, country code, weight: how much the mention says the article happens there).
PlaceNames = Callable[[], Iterable[tuple[str, str, float]]]
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018"})
# An undated article's time is the day most of its listed people held their roles; it takes
# at least this many people in office together to say so.
ERA_PEOPLE = 3
# A year written in the text ("elected in 1997", "the 2005 election"), not one looked ahead
# to ("ready by 2010", "until 2012"): an undated article's time lies at most a year after
# one of them (its people's later offices are not yet) ...
WRITTEN_YEAR = re.compile(r"\b(by|until|till)?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
# ... and at most this many years before it (a story may look a little ahead).
ERA_BEFORE_YEARS = 3


class ArticleContext:
    """One article as the resolver reads it, and the mentions it has resolved so far."""

    def __init__(
        self, dictionary: Dictionary, parsed: ParsedArticle, places: PlaceNames | None = None
    ):
        self.dictionary = dictionary
        self.parsed = parsed
        self._places = places
        self.doc = parsed.doc
        self.text = parsed.doc.text  # spaCy rebuilds Doc.text on every access
        self.day = parsed.article.published
        self.matches = find_matches(self.doc, dictionary)
        self.match_at: dict[int, Match] = {}
        for match in self.matches:
            prefer_people_of_the_date(match, self.day)
            for i in range(match.start, match.end):
                self.match_at[i] = match
        self.sentence_of: dict[int, int] = {}
        self.sentence_offset: dict[int, int] = {}
        for sentence in parsed.sentences:
            span = sentence.span
            leading = len(span.text) - len(span.text.lstrip())
            for token in span:
                self.sentence_of[token.i] = sentence.index
            self.sentence_offset[sentence.index] = span.start_char + leading
        self.mentions: list[Mention] = []
        self._focus: Counter[str] | None = None
        self._matches_by_sentence: dict[int | None, list[Match]] | None = None
        # Named individuals by the last word of their name, for surname lookups: a scan of every
        # earlier mention for each one made a long article's resolution quadratic.
        self._people_by_last_word: dict[str, list[Mention]] = {}
        self._people_indexed = 0
        self._mention_at: dict[int, Mention] = {}
        self.dateline_end, self.dateline = self.find_dateline()
        self.quoted = self.quoted_sentences()

    def find_dateline(self) -> tuple[int, Match | None]:
        """The place opening the body in capitals ("MOSCOW (Reuters) -", "THE HAGUE,
        Netherlands --"): where the reporter filed from. Returns the end of the dateline (a
        character offset; its words are no actors) and the match of its country or place."""
        start = self.parsed.title_offset
        found = DATELINE.match(self.text, start)
        if found is None:
            return -1, None
        for match in self.matches:
            first = self.doc[match.start]
            if first.idx >= found.end(1):
                break
            entry = match.first((CAPITAL, PLACE))  # a city; "US, Russia agree" is no dateline
            if first.idx >= found.start(1) and entry is not None and entry.country:
                return found.end(), match
        return -1, None

    def quoted_sentences(self) -> set[int]:
        """Sentences that lie inside a quotation: they open inside one, or open one."""
        quoted: set[int] = set()
        open_quote = False
        for sentence in self.parsed.sentences:
            text = sentence.span.text.strip()
            if open_quote or text[:1] in QUOTES:
                quoted.add(sentence.index)
            marks = sum(text.count(q) for q in ('"', "\u201c", "\u201d"))
            open_quote = open_quote != (marks % 2 == 1)
        return quoted

    @cached_property
    def listed_people(self) -> list[Named]:
        """The listed people the article names, each once, where a name means one person
        ("Bush" alone could be either)."""
        people: dict[str, Named] = {}
        for match in self.matches:
            named = [e.named for e in match.entries if e.kind == PERSON and e.named]
            if len(named) == 1 and named[0].roles:
                people.setdefault(named[0].name, named[0])
        return list(people.values())

    @cached_property
    def written_years(self) -> list[int]:
        """The years the text writes ("elected in 1997", "the 2005 election")."""
        return [int(year) for ahead, year in WRITTEN_YEAR.findall(self.text) if not ahead]

    @cached_property
    def era(self) -> date | None:
        """An undated article's time, from the listed people it names: the first day on
        which the most of them (at least ERA_PEOPLE) held a listed role together (Tony Blair,
        Gordon Brown and Charles Clarke: 2004-12-15). None for a dated article, and where the
        people do not agree on one time: two separate periods with as many in office (an
        obituary naming Thatcher and Heseltine beside Blair and Brown; a listing that knows
        only the later offices of some: Boris Johnson from 2008), and where it lies more than a
        year after, or ERA_BEFORE_YEARS before, every year the text writes (an article is of
        the years it writes; one looked ahead to, "by 2010", does not count). Dictionaries
        list offices, not whole careers, so only such a clear time tells a former office from
        a current one."""
        if self.day is not None:
            return None
        people = self.listed_people
        days = sorted({d for p in people for r in p.roles for d in (r.start, r.end) if d})
        counts = [sum(1 for p in people if p.role_on(day) is not None) for day in days]
        most = max(counts, default=0)
        if most < ERA_PEOPLE:
            return None
        first = counts.index(most)
        last = len(counts) - 1 - counts[::-1].index(most)
        if min(counts[first : last + 1]) < most:
            return None  # two separate times
        years = self.written_years
        era = days[first].year
        if years and not any(era - 1 <= year <= era + ERA_BEFORE_YEARS for year in years):
            return None  # "MPs tout Lords plan" (1999) is not of 2010; one of 2002 not of 1994
        return days[first]

    def sentence_matches(self, index: int | None) -> list[Match]:
        """The dictionary matches that start in sentence ``index``; every match when None."""
        if index is None:
            return self.matches
        if self._matches_by_sentence is None:
            grouped: dict[int | None, list[Match]] = {}
            for match in self.matches:
                grouped.setdefault(self.sentence_of.get(match.start), []).append(match)
            self._matches_by_sentence = grouped
        return self._matches_by_sentence.get(index, [])

    def add_mention(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._mention_at[mention.head.i] = mention

    def mention_headed_by(self, index: int) -> Mention | None:
        """The latest mention whose head is token ``index``."""
        return self._mention_at.get(index)

    def people_named(self, last_word: str) -> list[Mention]:
        """The mentions so far of named individuals whose name ends with ``last_word``, in
        reading order. Mentions do not change once resolved, so each is indexed once."""
        for mention in self.mentions[self._people_indexed:]:
            if mention.individual and mention.actor.name:
                name = words(mention.actor.name)
                if name:
                    self._people_by_last_word.setdefault(name[-1], []).append(mention)
        self._people_indexed = len(self.mentions)
        return self._people_by_last_word.get(last_word, [])

    def doubts_short_form(self, countries: set[str], full_names: Iterable[str]) -> bool:
        """Whether the article speaks against a short form of a listed name (an acronym
        "NPA", a surname "Reeves") meaning the listed actor: it names countries, none of them
        in ``countries`` (the actor's), and never writes one of ``full_names``."""
        article = set(self.focus_countries())
        if not article or article & countries:
            return False
        return not any(name.lower() in self.lower_text for name in full_names)

    def in_dateline(self, token: Any) -> bool:
        return self.parsed.title_offset <= token.idx < self.dateline_end

    def focus_countries(self) -> list[str]:
        """Countries the article is about, most named first (title mentions count double)."""
        return [code for code, _ in self.focus_counts().most_common()]

    def focus_counts(self) -> Counter[str]:
        """How often the article names each country (title mentions count double)."""
        if self._focus is None:
            counts: Counter[str] = Counter()
            for match in self.matches:
                entry = match.first(PLACE_KINDS)
                if (entry is None or not entry.country or self.is_aligned(match)
                        or aged(self.doc[match.end - 1])):
                    continue
                weight = 2 if self.doc[match.start].idx < self.parsed.title_offset else 1
                counts[entry.country] += weight
            self._focus = counts
        return self._focus

    def is_aligned(self, match: Match) -> bool:
        """True for the country of "pro-Russian" or "Russia-backed": sympathy, not nationality."""
        doc = self.doc
        before = [t for t in doc[max(0, match.start - 2) : match.start] if t.text not in "-‐"]
        after = [t for t in doc[match.end : min(len(doc), match.end + 2)] if t.text not in "-‐"]
        if match.suffix:  # one token: "Russia-backed"
            return any(e.marks_alignment(after=True)
                       for e in self.dictionary.lookup(match.suffix[:1]))
        return self.alignment_word(before[-1:], after=False) or (
            match.end < len(doc) and doc[match.end].text in "-‐"
            and self.alignment_word(after[:1], after=True)
        )

    def alignment_word(self, tokens: list[Any], after: bool) -> bool:
        for token in tokens:
            found = self.match_at.get(token.i)
            if found and any(entry.marks_alignment(after) for entry in found.entries):
                return True
        return False

    @cached_property
    def country_mentions(self) -> dict[str, list[tuple[int, bool]]]:
        """Each country's mentions in the article, read once: the sentence of each and
        whether it is a demonym or a word modifying a noun ("the Madrid bombings"), not a
        place ("in Britain")."""
        found: dict[str, list[tuple[int, bool]]] = {}
        for match in self.matches:
            entry = match.first(PLACE_KINDS)
            if entry is None or not entry.country:
                continue
            modifier = entry.kind == ADJECTIVE or self.doc[match.end - 1].dep_ in ("amod", "compound")
            found.setdefault(entry.country, []).append((self.sentence_of.get(match.start, 0), modifier))
        return found

    @cached_property
    def place_names(self) -> list[tuple[str, str, float]]:
        """The article's place names with their countries, as the caller's gazetteer (the geo
        stage, handed in by the pipeline) reads them: towns and regions the actor dictionary
        lacks ("Stourbridge", "Ferguson"). Empty when no gazetteer was handed in."""
        return list(self._places()) if self._places is not None else []

    @cached_property
    def lower_text(self) -> str:
        return self.text.lower()
