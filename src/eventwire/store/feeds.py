"""Reading news feeds into articles: the one function ``watch`` needs from the outside world.

Kept small on purpose: the ingest stage will offer feed and URL reading of its own, and
``read_feed`` is the single place to swap for it. An entry becomes an article with the feed's
summary or content as text (HTML stripped); the entry's id or link is the article id, so the
same entry seen again on the next poll is recognised and skipped by the store.
"""

from __future__ import annotations

import html
import re
from time import struct_time

import feedparser

from eventwire.records import Article
from eventwire.store.rows import short_hash

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t]+")


class FeedError(RuntimeError):
    """A feed could not be read or parsed."""


def _plain_text(markup: str) -> str:
    text = html.unescape(_TAG.sub(" ", markup))
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.splitlines()).strip()


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed: struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def read_feed(feed: str) -> list[Article]:
    """The entries of an RSS/Atom feed (a URL or a local file) as articles."""
    parsed = feedparser.parse(feed)
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception") or "not a feed"
        raise FeedError(f"{feed}: {reason}")
    source = parsed.get("feed", {}).get("title")
    articles = []
    for entry in parsed.get("entries", []):
        contents = entry.get("content") or []
        markup = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _plain_text(markup or "")
        title = _plain_text(entry.get("title", "")) or None
        if not text and not title:
            continue
        key = entry.get("id") or entry.get("link") or short_hash(title, text)
        articles.append(Article(
            id=f"feed-{short_hash(feed if not entry.get('id') else '', key)}",
            text=text or (title or ""), title=title, date=_entry_date(entry),
            url=entry.get("link"), source=source, origin=feed,
        ))
    return articles
