"""End to end through the `eventwire` command: the contract's extract and code commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = (
    "Home > World > Ministers meet\n"
    "Ministers meet\n\n"
    "Ministers meet\n\n"
    "France accused Iran of supporting militants on Monday.\n"
    "Comments are closed.\n"
)


def eventwire(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_code_reads_text_html_jsonl_and_stdin(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        "<p>Germany imposed sanctions on Iran on Tuesday after a long dispute over its nuclear "
        "programme, officials in Berlin said in a statement.</p>"
        "<p>The measures target banks and shipping companies.</p></article></body></html>")
    (tmp_path / "c.jsonl").write_text(json.dumps(
        {"id": "doc-7", "text": "Egypt hosted talks with Israel.", "date": "2016-05-02"}) + "\n")
    result = eventwire("code", str(tmp_path / "a.txt"), str(tmp_path / "b.html"),
                       str(tmp_path / "c.jsonl"), "-", stdin="Russia attacked Ukraine.")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    by_doc: dict[str, list[dict]] = {}
    for event in events:
        by_doc.setdefault(event["doc_id"], []).append(event)
    assert any(e["plover"] == "ACCUSE" and e["source"]["country"] == "FRA" for e in by_doc["a"])
    assert any(e["plover"] == "SANCTION" and e["target"]["country"] == "IRN" for e in by_doc["b"])
    assert all(e["date"] == "2016-05-02" for e in by_doc["doc-7"])
    assert any(e["doc_id"].startswith("stdin") and e["target"]["country"] == "UKR" for e in events)


def test_bad_files_are_reported_and_the_rest_coded(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Russia attacked Ukraine.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 attaqu\xe9".encode("utf-16"))
    result = eventwire("code", *(str(tmp_path / n) for n in
                                 ("empty.txt", "binary.txt", "good.txt", "latin.txt")))
    assert result.returncode == 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    named = [line for line in errors if "empty.txt" in line or "binary.txt" in line]
    assert len(named) == 2
    assert all(len(line) < 300 for line in named)
    assert any(json.loads(line)["doc_id"] == "good" for line in result.stdout.splitlines())


def test_exit_status_is_1_when_nothing_could_be_read(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    result = eventwire("code", str(tmp_path / "empty.txt"))
    assert result.returncode == 1 and "empty.txt" in result.stderr


def test_table_format_prints_events():
    result = eventwire("code", "-", "--format", "table", stdin="Russia attacked Ukraine.")
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["sent", "cameo", "plover"]
    assert any("ASSAULT" in row and "RUS" in row and "UKR" in row for row in rows)


def test_date_option_is_used_and_never_today():
    result = eventwire("code", "-", "--date", "2016-03-01", stdin="Russia attacked Ukraine.")
    assert json.loads(result.stdout.splitlines()[0])["date"] == "2016-03-01"
    undated = eventwire("code", "-", stdin="Russia attacked Ukraine.")
    assert json.loads(undated.stdout.splitlines()[0])["date"] is None


def test_bad_date_option_is_refused():
    result = eventwire("code", "-", "--date", "12/05/2015", stdin="Russia attacked Ukraine.")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_python_api_matches_the_cli():
    import eventwire

    events = eventwire.code("Russia attacked Ukraine on Monday.", date="2016-03-02")
    assert events and events[0].to_dict()["source"]["country"] == "RUS"
    articles = eventwire.extract("Russia attacked Ukraine.", date="2016-03-02")
    assert articles[0].date == "2016-03-02"
