"""``eventwire watch``: poll feeds at an interval, code and store the new entries.

Each round reads every feed through the ingest readers, as ``eventwire ingest FEED`` does: each
new entry's linked page is fetched with the fetcher's rules (robots.txt, a per-host rate limit,
a size cap) and its article extracted; the entry's own text (summary or content) stands in only
when the page cannot be had, and that is reported on one stderr line per entry. Entries the
store already holds are not fetched again. A feed that fails is reported on one line and the
round goes on. Stopping (Ctrl-C, kill) at any point is safe: what was committed stays, and a
restart skips it.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from eventwire.ingest import Fetcher, read_articles
from eventwire.records import Article, ReadError
from eventwire.store.ingest import Coder, ingest_articles, stored_keys

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'15m', '90s', '1h30m', '2d' -> seconds; a bare number is seconds."""
    text = text.strip().lower()
    try:
        seconds = float(text)
    except ValueError:
        parts = _INTERVAL.findall(text)
        if not parts or "".join(number + unit for number, unit in parts) != text:
            raise ValueError(f"not an interval like 15m, 90s or 1h30m: {text!r}") from None
        seconds = sum(float(number) * _SECONDS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"the interval must be positive: {text!r}")
    return seconds


def _log(message: str) -> None:
    print(f"eventwire watch: {message}", file=sys.stderr, flush=True)


Log = Callable[[str], None]
FeedReader = Callable[[str, Collection[str], Log], list[Article]]


def read_feed(feed: str, known: Collection[str] = frozenset(), log: Log = _log,
              fetcher: Fetcher | None = None) -> list[Article]:
    """The new entries of a feed (URL or file) as articles, their pages fetched; each entry
    that failed, or that fell back to its own text, is logged on one line."""
    def fell_back(document: str, reason: str) -> None:
        log(f"{document}: page not read ({reason}); coded the feed entry's own text instead")

    articles = []
    for item in read_articles([feed], known=known, fetcher=fetcher, progress=False,
                              on_fallback=fell_back):
        if isinstance(item, ReadError):
            log(f"skipped {item.document}: {item.reason}")
        else:
            articles.append(item)
    return articles


def poll_once(feeds: Sequence[str], db_path: str | Path, coder: Coder,
              read: FeedReader | None = None, log: Log = _log,
              min_confidence: float | None = None) -> int:
    """Read each feed and store its new entries, coded by ``coder``; return the number of
    articles stored. ``min_confidence`` as ``ingest_articles`` takes it."""
    read = read or read_feed
    known = stored_keys(db_path).ids
    articles: list[Article] = []
    for feed in feeds:
        try:
            articles.extend(read(feed, known, log))
        except Exception as error:  # any failure of one feed must not stop the others
            log(f"skipped feed {feed}: {error}")
    report = ingest_articles(articles, db_path, coder=coder, progress=False,
                             min_confidence=min_confidence)
    log(report.summary())
    return report.stored


def watch(feeds: Sequence[str], db_path: str | Path, every_seconds: float, coder: Coder,
          rounds: int | None = None, read: FeedReader | None = None,
          sleep: Callable[[float], None] = time.sleep,
          min_confidence: float | None = None) -> int:
    """Poll every ``every_seconds`` (``rounds`` times, or until interrupted)."""
    fetcher = Fetcher()  # one for all rounds: its per-host rate limit and robots.txt hold across
    if read is None:
        def read(feed: str, known: Collection[str], log: Log) -> list[Article]:
            return read_feed(feed, known, log, fetcher)
    done = 0
    try:
        while rounds is None or done < rounds:
            started = time.monotonic()
            poll_once(feeds, db_path, coder, read=read, min_confidence=min_confidence)
            done += 1
            if rounds is not None and done >= rounds:
                break
            sleep(max(0.0, every_seconds - (time.monotonic() - started)))
    except KeyboardInterrupt:
        _log(f"stopped after {done} rounds; what was stored is kept, a restart goes on from it")
    finally:
        fetcher.close()
    return 0
