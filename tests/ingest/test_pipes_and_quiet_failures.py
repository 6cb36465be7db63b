"""Inputs as a shell user gives them (pipes, stdin, empty files, bad bytes), through the command."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

RECORDS = [
    {"id": "one", "text": "Russia attacked Ukraine on Monday."},
    {"id": "two", "text": "Iran accused Saudi Arabia of supporting terrorism."},
    {"id": "three", "text": "France accused Iran of supporting militants."},
]
EVENTWIRE = f"{shlex.quote(sys.executable)} -m eventwire.cli"


def shell(command: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run a bash command line (process substitution, redirections) as a user would."""
    return subprocess.run(["bash", "-c", command], input=stdin, capture_output=True,
                          timeout=300, env=os.environ.copy())


def doc_ids(stdout: bytes) -> list[str]:
    return [json.loads(line)["doc_id"] for line in stdout.decode().splitlines()]


def test_a_pipe_path_is_read_once_and_stdin_is_the_default(tmp_path: Path):
    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in RECORDS))
    data = source.read_bytes()
    piped = shell(f"{EVENTWIRE} code <(cat {shlex.quote(str(source))})")
    dash = shell(f"{EVENTWIRE} code -", stdin=data)
    bare = shell(f"{EVENTWIRE} code", stdin=data)
    named = shell(f"{EVENTWIRE} code {shlex.quote(str(source))}")
    assert named.returncode == 0 and set(doc_ids(named.stdout)) == {"one", "two", "three"}
    for run in (piped, dash, bare):
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout == named.stdout  # all three documents, the same events
        assert run.stderr == b""


def test_an_empty_jsonl_says_why_it_fails(tmp_path: Path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    db = tmp_path / "events.duckdb"
    for command in (f"{EVENTWIRE} code empty.jsonl", f"{EVENTWIRE} extract empty.jsonl",
                    f"cd {shlex.quote(str(tmp_path))} && {EVENTWIRE} ingest empty.jsonl "
                    f"--db {shlex.quote(str(db))} --quiet"):
        run = shell(f"cd {shlex.quote(str(tmp_path))} && {command}")
        assert run.returncode == 1
        lines = run.stderr.decode().strip().splitlines()
        assert lines and "empty.jsonl" in lines[0] and "empty" in lines[0].split("empty.jsonl")[1]


def test_malformed_json_and_undecodable_text_are_said_plainly(tmp_path: Path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "tab\there"}\n'
                                        + json.dumps(RECORDS[0]) + "\n")
    # Invalid UTF-8 with no charset declared: read by a guess, coded, and said on one line.
    (tmp_path / "garbled.txt").write_bytes(
        b"Russia attacked Ukraine on Monday. caf\xc3\x28 \xff\xfe")
    run = shell(f"cd {shlex.quote(str(tmp_path))} && {EVENTWIRE} code bad.jsonl garbled.txt")
    assert run.returncode == 0, run.stderr.decode()
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 2
    assert "bad.jsonl:1" in lines[0] and " at at " not in lines[0]
    assert "control character at column" in lines[0]
    assert "garbled.txt" in lines[1] and "not valid UTF-8" in lines[1] and "garbled" in lines[1]
    assert doc_ids(run.stdout) == ["one", "garbled"]
