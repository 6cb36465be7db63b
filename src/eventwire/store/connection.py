"""Opening the DuckDB file so that one writer and many readers can share it.

DuckDB lets one process write a database file, and no other process may even read it meanwhile.
eventwire therefore never holds the file for long:

- A writer (ingest, watch) opens it only to commit one batch, then closes it. Before opening it
  leaves a *write request* file of its own beside the database
  (``events.duckdb.write-request.<pid>``, holding its process id) and removes it after closing.
  One file per writer: two writers queue for the file at once, and the first to finish must not
  take the second one's request away (the server would then keep the file from it).
- A reader (the API server) keeps a read-only connection only while it answers requests (and a
  fraction of a second after), never while idle, and drops it as soon as a write request appears,
  so the writer gets the file within one request's time. It reopens after the writer is done, and
  so sees the new batch.

A request left by a writer that died (``kill -9``) is recognised by its dead process id and ignored.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.store.schema import migrate

LOCK_RETRY_SECONDS = 0.02


class StoreUnavailableError(Exception):
    """The store cannot be opened: a one-line reason for the user (the CLI prints it)."""


class StoreBusyError(StoreUnavailableError, RuntimeError):
    """The database file stayed locked by another process for longer than the wait allowed."""


class StoreMissingError(StoreUnavailableError, FileNotFoundError):
    """No database file where one was expected."""


def request_path(db_path: str | Path, pid: int | None = None) -> Path:
    """The write request of process ``pid`` (this one by default) for the database file."""
    return Path(f"{db_path}.write-request.{pid if pid is not None else os.getpid()}")


def _requests(db_path: str | Path) -> list[Path]:
    """Every writer's request file beside the database (older versions wrote one without a pid
    suffix; a leftover one names a dead process and so counts for nothing)."""
    path = Path(db_path)
    prefix = f"{path.name}.write-request"
    try:
        return [entry for entry in path.parent.iterdir() if entry.name.startswith(prefix)]
    except FileNotFoundError:
        return []


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def write_pending(db_path: str | Path) -> bool:
    """Whether a live writer is waiting for, or holding, the database file."""
    for path in _requests(db_path):
        try:
            pid = int(path.read_text().strip() or 0)
        except (FileNotFoundError, ValueError):
            continue  # removed meanwhile, or half written
        if pid > 0 and _process_alive(pid):
            return True
    return False


def _is_lock_conflict(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


def connect_retrying(
    db_path: str | Path, read_only: bool, wait_seconds: float
) -> duckdb.DuckDBPyConnection:
    """Connect, retrying while another process holds a conflicting lock on the file."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.IOException as error:
            if not _is_lock_conflict(error) or time.monotonic() > deadline:
                if _is_lock_conflict(error):
                    raise StoreBusyError(
                        f"{db_path} is locked by another process (waited {wait_seconds:.0f} s)"
                    ) from error
                raise
            time.sleep(LOCK_RETRY_SECONDS)


@contextmanager
def writing(
    db_path: str | Path, wait_seconds: float = 120.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection with the schema up to date, held only for the ``with`` block."""
    request = request_path(db_path)
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    request.write_text(str(os.getpid()))
    try:
        con = connect_retrying(db_path, read_only=False, wait_seconds=wait_seconds)
        try:
            migrate(con)
            yield con
        finally:
            con.close()
    finally:
        request.unlink(missing_ok=True)


def wait_for_writer(db_path: str | Path, wait_seconds: float) -> None:
    """Wait (bounded) until no live writer has a pending request on the file."""
    deadline = time.monotonic() + wait_seconds
    while write_pending(db_path) and time.monotonic() < deadline:
        time.sleep(LOCK_RETRY_SECONDS)


def open_reader(db_path: str | Path, wait_seconds: float = 10.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection, opened after any pending write."""
    if not Path(db_path).exists():
        raise StoreMissingError(f"no eventwire database at {db_path}")
    wait_for_writer(db_path, wait_seconds)
    return connect_retrying(db_path, read_only=True, wait_seconds=wait_seconds)
