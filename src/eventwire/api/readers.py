"""The API's read-only access to the store, yielding to a writer whenever one asks.

The server shares one read-only DuckDB connection between the requests in flight (a cursor each).
It never keeps the file while idle: DuckDB lets no other process write a file that any process
has open, so the connection is closed ``IDLE_CLOSE_SECONDS`` after the last request ends (at once
when a writer is waiting), and a writer that arrives while no request runs gets the file within
that time. When a writer (``eventwire ingest`` or ``watch`` in another process) leaves its write
request, the connection is closed as soon as the requests in flight finish, new requests wait
for the writer's batch (or answer 503 with Retry-After when it takes longer than they may wait),
and the next request reopens the file and so sees the new data. See ``eventwire.store.connection``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.store.connection import (
    connect_retrying,
    wait_for_writer,
    write_pending,
    writing,
)
from eventwire.store.schema import LATEST_VERSION, schema_version

# Long enough for the burst of requests a dashboard page makes to share one connection, short
# enough that a writer arriving while the server is idle waits well under a second or two.
IDLE_CLOSE_SECONDS = 0.3


class SharedReader:
    def __init__(self, db_path: str | Path, wait_seconds: float = 30.0) -> None:
        self.db_path = Path(db_path)
        self.wait_seconds = wait_seconds
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._in_flight = 0
        self._state = threading.Condition()
        self._idle_timer: threading.Timer | None = None

    def ensure_schema(self) -> None:
        """Create or upgrade the database once, so that an empty store serves empty answers."""
        if self.db_path.exists():
            con = connect_retrying(self.db_path, read_only=True, wait_seconds=self.wait_seconds)
            try:
                current = schema_version(con)
            finally:
                con.close()
            if current >= LATEST_VERSION:
                return
        with writing(self.db_path, wait_seconds=self.wait_seconds):
            pass

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._state:
            self._cancel_idle_timer()
            if self._connection is not None and write_pending(self.db_path):
                # Let the requests in flight finish, then give the file to the writer.
                self._state.wait_for(lambda: self._in_flight == 0, timeout=self.wait_seconds)
                if self._in_flight == 0:
                    self._close()
            if self._connection is None:
                wait_for_writer(self.db_path, self.wait_seconds)
                self._connection = connect_retrying(
                    self.db_path, read_only=True, wait_seconds=self.wait_seconds)
            self._in_flight += 1
            cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._state:
                self._in_flight -= 1
                if self._in_flight == 0:
                    self._release_when_idle()
                self._state.notify_all()

    def _release_when_idle(self) -> None:
        """Close now when a writer waits, else after a short idle time (caller holds the lock)."""
        if write_pending(self.db_path):
            self._close()
            return
        self._idle_timer = threading.Timer(IDLE_CLOSE_SECONDS, self._close_if_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _close_if_idle(self) -> None:
        with self._state:
            if self._in_flight == 0:
                self._close()

    def _cancel_idle_timer(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        with self._state:
            self._cancel_idle_timer()
            self._close()
