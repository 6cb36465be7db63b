"""Writers queue for the store file by leaving write requests; a reader yields while any is live.

`eventwire ingest` and `eventwire watch` often run at once beside `eventwire serve`. When the
first writer finished, it used to remove the one request file the second had left too, and a busy
server then kept the file from the second writer until its lock timeout (issue 15, D2).
"""

from __future__ import annotations

import subprocess
import sys

from eventwire.store.connection import request_path, write_pending, writing


def sleeping_process() -> subprocess.Popen:
    """Another live process, standing for a second writer."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_a_writer_that_finishes_leaves_the_request_of_the_one_still_waiting(tmp_path):
    db = tmp_path / "events.duckdb"
    other = sleeping_process()
    try:
        request_path(db, other.pid).write_text(str(other.pid))  # the second writer's request
        with writing(db, wait_seconds=5):
            assert write_pending(db)
        assert write_pending(db), "the second writer's request went with the first writer's"
    finally:
        other.kill()
        other.wait()


def test_a_request_left_by_a_dead_writer_counts_for_nothing(tmp_path):
    db = tmp_path / "events.duckdb"
    dead = sleeping_process()
    dead.kill()
    dead.wait()
    request_path(db, dead.pid).write_text(str(dead.pid))
    (tmp_path / "events.duckdb.write-request").write_text(str(dead.pid))  # an older version's name
    assert not write_pending(db)


def test_no_request_once_every_writer_is_done(tmp_path):
    db = tmp_path / "events.duckdb"
    with writing(db, wait_seconds=5):
        assert write_pending(db)
    assert not write_pending(db)
    assert not list(tmp_path.glob("*.write-request*"))
