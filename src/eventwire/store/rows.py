"""Turn coded articles (Article, [Event]) into the rows of the articles and mentions tables.

Each event record the coder gives becomes one *mention*; merge.py decides which real-world event
it belongs to. Offsets are located here, once, so the API can highlight triggers without the
spaCy pipeline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from eventwire.records import Article, Event


def iso_day(value: str | None) -> str | None:
    """``value`` if it is a full ISO date (YYYY-MM-DD), else None: a month or year is no day."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        return None


def short_hash(*parts: object) -> str:
    """A 16-hex-digit digest of the parts: the store's deterministic identifiers."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def content_hash(article: Article) -> str:
    return short_hash(article.title or "", article.text)


def web_url(url: str | None) -> str | None:
    """The URL if it is a web (http or https) address, else None: the dashboard links stored URLs,
    and a ``javascript:`` or ``data:`` one from a hostile input would run in the reader's page."""
    if not url:
        return None
    url = url.strip()
    return url if urlparse(url).scheme.lower() in ("http", "https") else None


def publisher(article: Article) -> str | None:
    """Who published the article: its credit line, else the web site from its URL."""
    if article.source:
        return article.source
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _span(evidence: dict[str, Any], name: str) -> tuple[int, int] | None:
    """The (start, end) of a span in the evidence, in whichever shape the coder wrote it."""
    spans = evidence.get("spans") if isinstance(evidence, dict) else None
    value = spans.get(name) if isinstance(spans, dict) else None
    if isinstance(value, dict):
        value = (value.get("start"), value.get("end"))
    if isinstance(value, list | tuple) and len(value) == 2 and all(
            isinstance(v, int) for v in value):
        return int(value[0]), int(value[1])
    return None


@dataclass
class SentenceLocator:
    """Finds each sentence of an article in its title or text, moving forward as sentences do."""

    article: Article
    _cursor: int = 0
    _found: dict[int, tuple[bool, int | None]] = field(default_factory=dict)

    def locate(self, sentence_index: int, sentence: str) -> tuple[bool, int | None]:
        if sentence_index in self._found:
            return self._found[sentence_index]
        title = self.article.title or ""
        if sentence and sentence_index == 0 and title and sentence in title:
            where: tuple[bool, int | None] = (True, title.find(sentence))
        else:
            start = self.article.text.find(sentence, self._cursor) if sentence else -1
            if start < 0 and sentence:
                start = self.article.text.find(sentence)
            where = (False, start if start >= 0 else None)
            if start >= 0:
                self._cursor = start
        self._found[sentence_index] = where
        return where


def _offset(sentence_start: int | None, span: tuple[int, int] | None) -> int | None:
    if sentence_start is None or span is None:
        return None
    return sentence_start + span[0]


def mention_row(article: Article, seq: int, event: Event,
                locator: SentenceLocator) -> dict[str, Any]:
    """The mentions-table row of one coded event."""
    in_title, sentence_start = locator.locate(event.sentence_index, event.sentence)
    trigger_span = _span(event.evidence, "trigger")
    if trigger_span is None and event.trigger and event.trigger in event.sentence:
        found = event.sentence.find(event.trigger)
        trigger_span = (found, found + len(event.trigger))
    trigger_start = _offset(sentence_start, trigger_span)
    location = event.location
    return {
        # Not the event's position in the article's list: a re-code that adds an event before
        # this one must leave this mention (and the event it founded) with the same id.
        "mention_id": short_hash("mention", article.id, event.event_id),
        "coded_event_id": event.event_id,
        "article_id": article.id,
        "seq": seq,
        "publisher": publisher(article),
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "in_title": in_title,
        "sentence_start": sentence_start,
        "trigger": event.trigger,
        "trigger_start": trigger_start,
        "trigger_end": None if trigger_start is None or trigger_span is None
        else trigger_start + trigger_span[1] - trigger_span[0],
        "source_start": _offset(sentence_start, _span(event.evidence, "source")),
        "target_start": _offset(sentence_start, _span(event.evidence, "target")),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "negated": bool(event.negated),
        "modality": event.modality,
        "date": iso_day(event.date),
        "date_precision": event.date_precision,
        "article_date": iso_day(article.date),
        "source_code": event.source.code if event.source else None,
        "source_country": event.source.country if event.source else None,
        "source_name": event.source.name if event.source else None,
        "source_sectors": list(event.source.sectors) if event.source else None,
        "target_code": event.target.code if event.target else None,
        "target_country": event.target.country if event.target else None,
        "target_name": event.target.name if event.target else None,
        "target_sectors": list(event.target.sectors) if event.target else None,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "geonameid": location.geonameid if location else None,
        "url": web_url(article.url),
        "confidence": event.confidence,
        "coder_version": event.coder_version,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def article_row(article: Article, seq: int, n_mentions: int) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "content_hash": content_hash(article),
        "seq": seq,
        "title": article.title,
        "text": article.text,
        "date": iso_day(article.date),
        "url": web_url(article.url),
        "source": publisher(article),
        "language": article.language,
        "origin": article.origin,
        "n_mentions": n_mentions,
    }


def coded_article_rows(article: Article, seq: int,
                       events: list[Event]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The articles-table row of a coded article and the mentions-table rows of its events."""
    locator = SentenceLocator(article)
    return (article_row(article, seq, len(events)),
            [mention_row(article, seq, event, locator) for event in events])
