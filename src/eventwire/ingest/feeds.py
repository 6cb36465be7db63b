"""RSS and Atom feeds (feedparser): one article per entry, from the linked page when it can be
fetched, else from the entry's own content."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser
import lxml.html

from eventwire.ingest.decode import DocumentError


@dataclass
class FeedEntry:
    key: str  # entry id, else its link
    link: str | None
    title: str | None
    date: str | None
    text: str  # plain text of the entry's content or summary (may be empty)


def _iso_date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per line."""
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def parse_feed(data: bytes, name: str) -> list[FeedEntry]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise DocumentError(f"not a readable RSS/Atom feed{f' ({problem})' if problem else ''}")
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        contents = [item.get("value", "") for item in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        entries.append(
            FeedEntry(
                key=entry.get("id") or entry.get("link") or f"{name}#{number}",
                link=entry.get("link"),
                title=entry.get("title"),
                date=_iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                text=fragment_text(body),
            )
        )
    return entries
