"""`eventwire extract` as a user runs it: one JSON article per line, bad documents on stderr."""

from __future__ import annotations

import json

from eventwire.cli import main

from .pages import STORY_PARAGRAPHS, story_html


def run_extract(capsys, *paths: str) -> tuple[int, list[dict], list[str]]:
    status = main(["extract", *paths])
    captured = capsys.readouterr()
    articles = [json.loads(line) for line in captured.out.splitlines()]
    return status, articles, captured.err.splitlines()


def test_seed_title_once_no_furniture_source_credit(capsys, seed_path):
    status, articles, errors = run_extract(capsys, str(seed_path))
    assert status == 0 and not errors
    (article,) = articles
    headline = seed_path.read_text(encoding="utf-8").splitlines()[1].strip()
    assert article["title"] == headline
    assert headline not in article["text"]
    for furniture in ("You are here", "Home »", "Share Button", "Comments are closed",
                      "Scroll To Top", "Deutsche Welle"):
        assert furniture not in article["text"]
    assert article["source"] == "Deutsche Welle"
    assert article["date"] is None
    assert "\nStill no ceasefire\n" in article["text"]
    assert len(article["text"].splitlines()) > 10  # one paragraph per line


def test_bad_files_among_good_ones(capsys, tmp_path):
    good_text = tmp_path / "good.txt"
    good_text.write_text("Home › World › Floods\n" + "\n".join(STORY_PARAGRAPHS), "utf-8")
    good_html = tmp_path / "good.html"
    catch = ["Fishermen in the bay reported the largest sardine catch in twenty years.",
             "Prices at the harbour market fell by a third as boats returned full."]
    good_html.write_text(story_html("Sardines galore", catch), "utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "bad.jsonl").write_text('{"id": "j", "text": "A line."}\n{"id": oops}\n', "utf-8")
    names = ["good.txt", "binary.txt", "empty.txt", "good.html", "bad.jsonl"]
    status, articles, errors = run_extract(capsys, *(str(tmp_path / name) for name in names))
    assert status == 0
    assert [article["id"] for article in articles] == ["good", "good", "j"]
    assert len(errors) == 3
    for error, name in zip(errors, ("binary.txt", "empty.txt", "bad.jsonl:2"), strict=True):
        assert name in error


def test_exit_status_is_1_when_nothing_was_read(capsys, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    status, articles, errors = run_extract(
        capsys, str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt")
    )
    assert status == 1 and not articles and len(errors) == 2


def test_stdin_is_read_as_text(capsys, monkeypatch, tmp_path):
    import io
    import sys

    data = "Breaking » News » Talks resume\n" + "\n".join(STORY_PARAGRAPHS) + "\nReuters\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    status, (article,), _ = run_extract(capsys, "-")
    assert status == 0
    assert article["source"] == "Reuters"
    assert article["text"].splitlines() == STORY_PARAGRAPHS


def test_eval_extraction_joins_an_eval_group_another_stage_created():
    import argparse

    from eventwire.evaluate.commands import register_extraction as register

    parser = argparse.ArgumentParser(prog="eventwire")
    commands = parser.add_subparsers(dest="command", required=True)
    other_stage = commands.add_parser("eval").add_subparsers(dest="evaluation", required=True)
    other_stage.add_parser("plover").set_defaults(func="plover")
    register(commands)
    assert parser.parse_args(["eval", "plover"]).func == "plover"
    args = parser.parse_args(["eval", "extraction", "corpus", "--limit", "3"])
    assert (args.corpus, args.limit) == ("corpus", 3)


def test_eval_extraction_on_a_folder_without_ground_truth(capsys, tmp_path):
    assert main(["eval", "extraction", str(tmp_path)]) == 1
    assert "ground-truth.json" in capsys.readouterr().err
