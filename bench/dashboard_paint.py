"""First meaningful paint of the dashboard's overview, in headless Chromium (Playwright timing).

Starts `eventwire serve` over a store on a free loopback port, then loads ``/`` RUNS times, each in
a fresh browser context (empty HTTP cache). For each load it reads, relative to navigation start:
- ``overview``: the ``eventwire:overview-painted`` mark the page sets once the events-over-time
  chart is drawn and painted (the first meaningful paint: the chart, with the data);
- ``fcp``: Chromium's first-contentful-paint entry (the page shell).
The first meaningful paint of a load is the later of the two (under heavy load Chromium can paint
after the mark). The first load is the server's first request (cold DuckDB); the median is over
all loads.

Usage: python bench/dashboard_paint.py events.duckdb [RUNS]   (make bench-dashboard DB=...)
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMING = """() => ({
  overview: performance.getEntriesByName('eventwire:overview-painted')[0].startTime,
  fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
})"""


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db),
                                "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urlopen(f"{base}/openapi.json", timeout=2):
                return process, base
        except (URLError, ConnectionError):
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def main(db: str, runs: int = 6) -> int:
    process, base = start_server(Path(db))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
            timings = []
            for _ in range(runs):
                # Playwright's wait_for_function evaluates its predicate with eval, which the
                # server's Content-Security-Policy forbids (tests/web/conftest.py does the same).
                context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                page = context.new_page()
                page.goto(base + "/")
                page.wait_for_function(
                    "performance.getEntriesByName('eventwire:overview-painted').length > 0",
                    timeout=30_000)
                timings.append(page.evaluate(TIMING))
                context.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    for i, timing in enumerate(timings, 1):
        print(f"load {i}: overview chart drawn {timing['overview']:.0f} ms, "
              f"first contentful paint {timing['fcp']:.0f} ms")
    overview = [max(t["overview"], t["fcp"]) for t in timings]
    print(f"first meaningful paint (overview chart): first load {overview[0]:.0f} ms, "
          f"median {statistics.median(overview):.0f} ms, max {max(overview):.0f} ms "
          f"over {runs} loads; target < 1500 ms")
    return 0 if max(overview) < 1500 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *(int(a) for a in sys.argv[2:3])))
