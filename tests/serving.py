"""A real `eventwire serve` process for the API, dashboard and hardening tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def subprocess_env() -> dict[str, str]:
    return {**os.environ,
            "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}


@contextmanager
def serving(db: Path, *options: str) -> Iterator[str]:
    """`eventwire serve --db DB OPTIONS` on a free loopback port; yields its base URL once it
    answers, and stops it afterwards."""
    port = free_port()
    # The server's log goes to a file: an unread pipe fills up under a busy test and then blocks
    # the server in mid-request, holding the store's file.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port), *options],
        env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        log.seek(0)
        pytest.fail(f"the server did not start: {log.read().decode()[-2000:]}")
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
