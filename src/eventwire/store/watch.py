"""``eventwire watch``: poll feeds at an interval, code and store the new entries.

Each round reads every feed (a feed that fails is reported on one line and the round goes on),
then ingests what the store does not hold yet. Stopping (Ctrl-C, kill) at any point is safe: what
was committed stays, and a restart skips it.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from eventwire.records import Article
from eventwire.store.feeds import read_feed
from eventwire.store.ingest import Coder, ingest_articles, pipeline_coder

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


def poll_once(feeds: Sequence[str], db_path: str | Path,
              read: Callable[[str], list[Article]] = read_feed,
              coder: Coder = pipeline_coder, log: Callable[[str], None] = _log) -> int:
    """Read each feed and store its new entries; return the number of articles stored."""
    articles: list[Article] = []
    for feed in feeds:
        try:
            articles.extend(read(feed))
        except Exception as error:  # any failure of one feed must not stop the others
            log(f"skipped feed {feed}: {error}")
    report = ingest_articles(articles, db_path, coder=coder, progress=False)
    log(report.summary())
    return report.stored


def watch(feeds: Sequence[str], db_path: str | Path, every_seconds: float,
          rounds: int | None = None, read: Callable[[str], list[Article]] = read_feed,
          coder: Coder = pipeline_coder, sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll every ``every_seconds`` (``rounds`` times, or until interrupted)."""
    done = 0
    try:
        while rounds is None or done < rounds:
            started = time.monotonic()
            poll_once(feeds, db_path, read=read, coder=coder)
            done += 1
            if rounds is not None and done >= rounds:
                break
            sleep(max(0.0, every_seconds - (time.monotonic() - started)))
    except KeyboardInterrupt:
        _log(f"stopped after {done} rounds; what was stored is kept, a restart goes on from it")
    return 0
