"""`eventwire serve` beside a real `eventwire ingest` and `eventwire watch` on the same store.

DuckDB lets no process write a file another process has open, so the server must not keep the file
while it has nothing to answer. The writers are real CLI processes (real spaCy coding); the server
is idle, busy, or busy and idle in turn while they run. A writer that had to wait for the file
would wait its full lock timeout (two minutes) and exit 1 ("locked by another process").
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serving import serving, subprocess_env

# A writer kept from the file waits out its 120 s lock timeout and exits 1, which fails the test
# whatever this limit; the limit only stops a hung run (spaCy loads slowly on a busy machine).
WRITER_LIMIT_SECONDS = 240

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.example/</link>
<description>test</description>
<item><title>Merkel in {city}</title><guid>{city}-feed-1</guid>
<pubDate>Sun, 10 May 2015 09:00:00 GMT</pubDate>
<description>German Chancellor Angela Merkel visited {city} and met Vladimir Putin.</description>
</item></channel></rss>
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A server over a fresh store, answered once (so it has opened the file) and then left."""
    db = tmp_path_factory.mktemp("sharing") / "events.duckdb"
    with serving(db) as base:
        yield base, db


class Traffic:
    """Requests from a thread while a writer runs: none, all the time, or in bursts."""

    def __init__(self, base: str, mode: str) -> None:
        self.base, self.mode = base, mode
        self.statuses: Counter[int] = Counter()
        self.missing_retry_after = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Traffic:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _run(self) -> None:
        if self.mode == "idle":
            return
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self._stop.is_set():
                burst_end = time.monotonic() + 1.0
                while time.monotonic() < burst_end and not self._stop.is_set():
                    for path in ("/api/stats", "/api/events?limit=5"):
                        response = client.get(path)
                        self.statuses[response.status_code] += 1
                        if response.status_code == 503 and "retry-after" not in response.headers:
                            self.missing_retry_after += 1
                if self.mode == "turns":
                    self._stop.wait(2.5)  # idle long enough for a writer to arrive meanwhile


def start_writer(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", *args], text=True,
                            env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(writer: subprocess.Popen, deadline: float) -> tuple[int, str]:
    try:
        _, stderr = writer.communicate(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        writer.kill()
        pytest.fail(f"{writer.args[3]} did not get the store in {WRITER_LIMIT_SECONDS} s")
    return writer.returncode, stderr


def stored_articles(base: str) -> int:
    for _ in range(100):
        response = httpx.get(f"{base}/api/stats", timeout=60)
        if response.status_code == 200:
            return response.json()["articles"]
        time.sleep(0.2)
    pytest.fail("the server never answered /api/stats with 200")


@pytest.mark.parametrize("mode, city", [("idle", "Sochi"), ("busy", "Minsk"), ("turns", "Kiev")])
def test_ingest_and_watch_get_the_store_from_a_server(served, tmp_path, mode, city):
    """Both writers at once (so they also queue for each other), next to each kind of traffic."""
    base, db = served
    before = stored_articles(base)  # the server has opened the file at least once
    documents = tmp_path / f"{mode}.jsonl"
    documents.write_text("\n".join(json.dumps(record) for record in [
        {"id": f"{mode}-1", "date": "2015-05-12",
         "text": f"US Secretary of State John Kerry met Russian President Vladimir Putin in {city}."},
        {"id": f"{mode}-2", "date": "2015-05-13",
         "text": f"Iran accused Saudi Arabia of supporting terrorism in {city}."},
    ]) + "\n")
    feed = tmp_path / f"{mode}.rss"
    feed.write_text(RSS.format(city=city))
    with Traffic(base, mode) as traffic:
        deadline = time.monotonic() + WRITER_LIMIT_SECONDS
        ingest = start_writer("ingest", str(documents), "--db", str(db), "--batch-size", "1",
                              "--quiet")
        watch = start_writer("watch", str(feed), "--db", str(db), "--rounds", "1")
        (ingest_rc, ingest_err), (watch_rc, watch_err) = finish(ingest, deadline), finish(
            watch, deadline)
    assert ingest_rc == 0, ingest_err
    assert ", 2 stored" in ingest_err
    assert watch_rc == 0, watch_err
    assert ", 1 stored" in watch_err
    assert stored_articles(base) == before + 3
    # Readers kept answering: 200, or 503 with Retry-After while a write held the file.
    assert set(traffic.statuses) <= {200, 503}
    assert traffic.missing_retry_after == 0
    if mode != "idle":
        assert traffic.statuses[200] > 0
