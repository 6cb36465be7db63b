"""The pipeline: wires the stages together. Article -> parse -> actors -> events -> time, geo.

Both the CLI and the notebook API (``eventwire.extract``/``eventwire.code``) call these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.events.calibration import add_setting_parts
from eventwire.events.counts import count_events
from eventwire.events.patterns import pattern_book
from eventwire.geo import ArticlePlaces, locate_events, places_of
from eventwire.ingest import read_articles
from eventwire.nlp import parse_articles
from eventwire.nlp.prefilter import parse_candidates, prefilter_enabled
from eventwire.records import Article, Event, ParsedArticle, ReadError
from eventwire.time import date_events

ErrorHandler = Callable[[ReadError], None]


def _ignore(error: ReadError) -> None:
    return None


def iter_articles(
    sources: Iterable[str], date: str | None = None, on_error: ErrorHandler = _ignore,
    **options: Any,
) -> Iterator[Article]:
    """Read every source; bad documents go to ``on_error`` and the batch goes on.

    ``options`` go to ``ingest.read_articles`` (report, languages, dedupe, progress, ...).
    """
    for item in read_articles(sources, date=date, **options):
        if isinstance(item, ReadError):
            on_error(item)
        else:
            yield item


def trigger_lemmas() -> frozenset[str]:
    """The lemmas the coder fires on (its verb and noun patterns): what the pre-filter looks for."""
    book = pattern_book()
    return frozenset({*book.verbs, *book.nouns})


def code_articles(
    articles: Iterable[Article], prefilter: bool | None = None
) -> Iterator[tuple[Article, list[Event]]]:
    """Code each article, yielding it with its events, in input order.

    ``prefilter``: parse only sentences that could hold an event (nlp/prefilter.py); None
    follows the ``EVENTWIRE_PREFILTER`` switch (on by default).
    """
    resolver = ActorResolver.default()
    coder = EventCoder.default()
    if prefilter_enabled(prefilter):
        parsed_articles = parse_candidates(articles, trigger_lemmas())
    else:
        parsed_articles = parse_articles(articles)
    for parsed in parsed_articles:
        places = ArticlePlacesOnce(parsed)
        actors = resolver.annotate(parsed, places.named)
        events = coder.code(parsed, actors)
        count_events(parsed, events)
        date_events(parsed, events)
        locate_events(parsed, events, places=places.get() if events else None)
        add_setting_parts(events, parsed.article.date)
        yield parsed.article, events


class ArticlePlacesOnce:
    """An article's place names, read by the geo stage once and only when asked: by the actors
    stage (the country of an article that names none) or to place the events."""

    def __init__(self, parsed: ParsedArticle):
        self.parsed = parsed
        self._places: ArticlePlaces | None = None

    def get(self) -> ArticlePlaces:
        if self._places is None:
            self._places = places_of(self.parsed.doc, self.parsed.title_offset)
        return self._places

    def named(self) -> list[tuple[str, str, float]]:
        """(name, country, weight) of each place name the gazetteer resolved itself."""
        return self.get().named_countries()


def _as_sources(text_or_path: str | Path) -> tuple[list[str], Article | None]:
    if isinstance(text_or_path, Path) or (
        "\n" not in str(text_or_path) and len(str(text_or_path)) < 4096
        and Path(str(text_or_path)).exists()
    ):
        return [str(text_or_path)], None
    from eventwire.ingest.readers import read_text

    return [], read_text("-", str(text_or_path), None)


def extract(text_or_path: str | Path, date: str | None = None) -> list[Article]:
    """Read a path (any supported kind) or a string of article text into clean articles."""
    sources, article = _as_sources(text_or_path)
    if article is not None:
        article.date = article.date or date
        return [article]
    return list(iter_articles(sources, date=date))


def code(text_or_path: str | Path, date: str | None = None) -> list[Event]:
    """Code the events of a path or a string of article text."""
    events: list[Event] = []
    for _, article_events in code_articles(extract(text_or_path, date=date)):
        events.extend(article_events)
    return events
