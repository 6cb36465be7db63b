"""A real `eventwire serve` over a small store built with `eventwire ingest`, and headless Chromium.

The store holds the first articles of ../shared/corpora/world_news_2016_17.jsonl, the seed
article (dated 2015-05-12, so that USA–RUS events exist) and an anniversary story of 2016 that
recalls an event of 1945 (background, outside the articles' dates); tests skip when ../shared is
absent.
The browser is Debian's chromium driven by Playwright (which downloads no browser of its own).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import httpx
import pytest
from shared_data import SEED, SHARED, require_shared

REPO = Path(__file__).resolve().parents[2]
WORLD_NEWS = SHARED / "corpora" / "world_news_2016_17.jsonl"
N_WORLD_NEWS = 4
# An anniversary story: its first event is dated 1945-08-06, decades before the articles.
ANNIVERSARY = {
    "id": "hiroshima-anniversary", "date": "2016-08-06", "title": "Hiroshima marks the anniversary",
    "text": "On August 6, 1945, the United States attacked Hiroshima with an atomic bomb, killing "
            "tens of thousands of people. Japanese Prime Minister Shinzo Abe met survivors in "
            "Hiroshima on Saturday."}
ARTIFACTS = REPO / "artifacts" / "web"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def eventwire(*args: str, **kwargs) -> subprocess.Popen | subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "eventwire.cli", *args]
    if kwargs.pop("background", False):
        return subprocess.Popen(command, env=env, **kwargs)
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True, **kwargs)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """Start `eventwire serve` on a free loopback port and wait until it answers."""
    port = free_port()
    process = eventwire("serve", "--db", str(db), "--port", str(port), background=True,
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"the server did not start: {process.stderr.read().decode()[-2000:]}")


@pytest.fixture(scope="session")
def store(tmp_path_factory) -> Path:
    require_shared(WORLD_NEWS)
    require_shared(SEED)
    folder = tmp_path_factory.mktemp("web")
    sample = folder / "world_news_sample.jsonl"
    with WORLD_NEWS.open(encoding="utf-8") as corpus:
        sample.write_text("".join(islice(corpus, N_WORLD_NEWS)) + json.dumps(ANNIVERSARY) + "\n",
                          encoding="utf-8")
    db = folder / "events.duckdb"
    # --date only dates documents that carry none: here the seed article.
    # every coded event, whatever its confidence: these tests are of the API and the dashboard
    eventwire("ingest", str(sample), str(SEED), "--date", "2015-05-12", "--db", str(db), "--quiet",
              "--min-confidence", "0")
    return db


@pytest.fixture(scope="session")
def server(store) -> Iterator[str]:
    process, base = serve(store)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def api(server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=20) as client:
        yield client


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium under Playwright; skips with the reason when either is missing."""
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])")
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed and could not be (`make browser` runs "
                    "apt-get install -y chromium, which needs root and the Debian mirror)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh laptop-sized page; fails the test on any script error or off-loopback request."""
    # Playwright evaluates string predicates (wait_for_function) with eval, which the server's
    # Content-Security-Policy forbids; test_security_policy.py runs the page under it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith((server, "data:"))
            else errors.append(f"request off the server: {request.url}"))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, errors


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot under artifacts/web/ (git-ignored) for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
