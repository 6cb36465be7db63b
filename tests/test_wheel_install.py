"""The package as users get it: the wheel built from this tree, installed with the Python's own
pip (3.11 ships 23.2) into a clean venv without the dev extras, then used as the README says:
``eventwire --version``, ``eventwire code`` on the seed, the Python API on a small store, and
``serve`` that names its extra until ``eventwire[serve]`` is installed.

Slow by nature (a venv and a pip install, from PyPI and the machine's wheel mirrors); the
versions are held to requirements.lock (``-c``) so pip does not search, and every step has a
time limit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from shared_data import REPO, SEED

pytestmark = pytest.mark.slow

LOCK = REPO / "requirements.lock"
ARTICLES = [
    {"id": "summit", "date": "2016-05-10", "title": "Putin meets Merkel",
     "text": "Russian President Vladimir Putin met German Chancellor Angela Merkel in Moscow on "
             "Tuesday. The two leaders discussed the ceasefire in eastern Ukraine."},
    {"id": "sanctions", "date": "2016-06-02", "title": "New sanctions",
     "text": "The United States imposed new sanctions on Russia on Thursday, the Treasury said."},
]


def run(*command: str | Path, timeout: float = 300, check: bool = True,
        **options) -> subprocess.CompletedProcess:
    # The installed package alone: nothing of this checkout on the path.
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            env=env, timeout=timeout, **options)
    if check:
        assert result.returncode == 0, f"{command}: {result.stderr[-3000:]}"
    return result


def size_mb(venv: Path) -> float:
    total = sum(path.stat().st_size for path in venv.rglob("*") if path.is_file())
    return round(total / 1e6, 1)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the tree (a build leaves files beside the sources)."""
    pytest.importorskip("wheel", reason="the dev extra (setuptools, wheel) is not installed")
    pytest.importorskip("setuptools", minversion="68", reason="the dev extra is not installed")
    root = tmp_path_factory.mktemp("wheel")
    tree = root / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, tree / name)
    shutil.copytree(REPO / "src", tree / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "-w", root / "dist", tree)
    (built,) = (root / "dist").glob("eventwire-*.whl")
    return built


def test_the_wheel_installs_and_runs_without_the_dev_extras(wheel, tmp_path):
    base_python = getattr(sys, "_base_executable", sys.executable)
    venv = tmp_path / "venv"
    run(base_python, "-m", "venv", venv)
    python, command = venv / "bin" / "python", venv / "bin" / "eventwire"
    run(python, "-m", "pip", "install", "--quiet", "-c", LOCK, wheel, timeout=900)
    core_mb = size_mb(venv)
    installed = run(python, "-m", "pip", "list", "--format", "json").stdout
    names = {package["name"].lower() for package in json.loads(installed)}
    assert not names & {"fastapi", "uvicorn", "dask", "distributed", "pytest", "playwright"}

    version = run(command, "--version").stdout.strip()
    assert re.fullmatch(r"eventwire \S+ \(coder \S+\+\S+\)", version), version

    source = SEED if SEED.exists() else REPO / "examples" / "demo_article.txt"
    coded = run(command, "code", source, "--date", "2015-05-12").stdout.splitlines()
    events = [json.loads(line) for line in coded]
    assert events and all(event["coder_version"] in version for event in events)

    articles = tmp_path / "news.jsonl"
    articles.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES))
    db = tmp_path / "events.duckdb"
    # every event, whatever the default threshold (the store's queries are under test here)
    run(command, "ingest", articles, "--db", db, "--quiet", "--min-confidence", "0", timeout=600)
    script = (
        "import sys, eventwire\n"
        f"store = eventwire.open({str(db)!r})\n"
        "events = store.events()\n"
        "print(events.num_rows, store.events(source='USA', target='RUS').num_rows,\n"
        "      int(sum(store.series('month').column('events').to_pylist())),\n"
        "      store.mentions().num_rows >= events.num_rows, 'spacy' in sys.modules)\n")
    total, dyad, in_series, mentioned, spacy_loaded = run(python, "-c", script).stdout.split()
    assert int(total) >= 2 and int(dyad) >= 1 and int(in_series) == int(total)
    assert mentioned == "True" and spacy_loaded == "False"

    refused = run(command, "serve", "--db", db, check=False)
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        "eventwire serve needs: pip install 'eventwire[serve]' (fastapi, uvicorn are not installed)"]

    run(python, "-m", "pip", "install", "--quiet", "-c", LOCK, f"{wheel}[serve]", timeout=900)
    serve_mb = size_mb(venv)
    print(f"\ninstalled size: core {core_mb} MB, with [serve] {serve_mb} MB")
    assert_serves(command, db, articles=2)


def assert_serves(command: Path, db: Path, articles: int) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([command, "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                time.sleep(0.3)
        else:
            pytest.fail("eventwire serve did not answer within 120 s")
        assert stats.status_code == 200 and stats.json()["articles"] == articles
    finally:
        server.terminate()
        server.wait(timeout=20)
