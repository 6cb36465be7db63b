"""Long documents: coded in pieces with the events of the whole text; oversized records refused."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from shared_data import SHARED, require_shared

import eventwire.nlp as nlp_stage
from eventwire.pipeline import code_articles
from eventwire.records import Article

# Sentences with no word that can trigger an event: cheap to code, even a megabyte of them.
FILLER = ("The sky was blue and the grass was green. " * 25).strip() + "\n\n"


def eventwire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, timeout=600)


def test_a_document_over_spacys_limit_is_coded_and_the_batch_goes_on(tmp_path: Path):
    repeats = 1_050_000 // len(FILLER) + 1  # over spaCy's 1,000,000 characters
    big = ("Russia attacked Ukraine.\n\n" + FILLER * repeats
           + "Iran accused Saudi Arabia of terrorism.")
    records = [{"id": "before", "text": "Iran accused Saudi Arabia of terrorism."},
               {"id": "big", "text": big},
               {"id": "after", "text": "Russia attacked Ukraine."}]
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in records))
    result = eventwire("code", str(source))
    assert result.returncode == 0, result.stderr[-2000:]
    events = [json.loads(line) for line in result.stdout.splitlines()]
    by_doc: dict[str, list[dict]] = {}
    for event in events:
        by_doc.setdefault(event["doc_id"], []).append(event)
    assert set(by_doc) == {"before", "big", "after"}
    # The long article's events are those of its two event sentences, coded as the short
    # articles code them, and sentence indexes run on across the pieces.
    big_events = sorted(by_doc["big"], key=lambda event: event["sentence_index"])
    assert [e["sentence_index"] for e in big_events] == [0, 1 + 25 * repeats]
    for long, short in zip(big_events, [by_doc["after"][0], by_doc["before"][0]], strict=True):
        assert {key: long[key] for key in ("cameo", "source", "target", "trigger")} == {
            key: short[key] for key in ("cameo", "source", "target", "trigger")}


@pytest.mark.parametrize("prefilter", [True, False], ids=["prefilter", "every-sentence"])
def test_pieces_give_the_events_of_the_whole_text(monkeypatch, prefilter):
    """Real news paragraphs as one long article: cut into pieces of 5,000 characters (as an
    article over the limit is), it gives exactly the events of the text parsed whole."""
    corpus = require_shared(SHARED / "corpora" / "world_news_2016_17.jsonl")
    with corpus.open() as lines:
        texts = [json.loads(next(lines))["text"] for _ in range(8)]
    text = "\n\n".join(texts)

    def events(piece_chars: int) -> list[dict]:
        monkeypatch.setattr(nlp_stage, "MAX_PIECE_CHARS", piece_chars)
        article = Article(id="long", text=text, date="2016-05-02")
        return [event.to_dict() for _, found in code_articles([article], prefilter=prefilter)
                for event in found]

    assert len(nlp_stage.split_text(text, 5_000)) >= 4
    whole = events(len(text) + 1)
    assert len(whole) > 20
    assert events(5_000) == whole


def test_a_jsonl_record_over_the_size_cap_is_refused_naming_it(tmp_path: Path):
    """A small .jsonl.gz whose one line inflates past the 10 MB cap: one line names it, the
    other records are coded, and the line is never held whole in memory."""
    source = tmp_path / "bomb.jsonl.gz"
    with gzip.open(source, "wt") as out:
        out.write(json.dumps({"id": "first", "text": "Russia attacked Ukraine."}) + "\n")
        out.write('{"id": "huge", "text": "' + "a" * 12_000_000 + '"}\n')
        out.write(json.dumps({"id": "last", "text": "Iran accused Saudi Arabia."}) + "\n")
    result = eventwire("extract", str(source))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["first", "last"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "bomb.jsonl.gz:2" in errors[0] and "size cap" in errors[0]
