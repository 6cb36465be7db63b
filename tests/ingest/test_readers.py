"""Reading files of every kind, including a corpus of hostile inputs generated here."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import IngestReport, read_articles
from eventwire.ingest.readers import kind_from_content
from eventwire.records import Article, ReadError

from .pages import STORY_PARAGRAPHS, story_html

OTHER_STORY = [
    "Fishermen in the bay reported the largest sardine catch in twenty years this week.",
    "Prices at the harbour market fell by a third as boats returned full every morning.",
    "Scientists said warmer currents had pushed the shoals closer to the coast this spring.",
    "The fishing cooperative asked the ministry for help to build more cold storage rooms.",
]
GERMAN_STORY = (
    "Die Regierung hat am Mittwoch ein neues Gesetz zur Energieversorgung beschlossen. "
    "Nach Angaben des Ministeriums sollen damit die Preise für Haushalte sinken. "
    "Die Opposition kritisierte den Entwurf als zu spät und zu wenig ehrgeizig."
)


def split(items):
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, ReadError)]
    return articles, errors


def write_warc(path: Path, pages: list[tuple[str, bytes]], corrupt_last: bool = False) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), http_headers=headers
            )
            writer.write_record(record)
    if corrupt_last:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 60])  # cut into the last record


def test_hostile_corpus_runs_to_the_end(tmp_path, story):
    good_html = tmp_path / "pages" / "water.html"
    good_html.parent.mkdir()
    good_html.write_text(story, encoding="utf-8")
    (tmp_path / "fish.txt").write_text("\n".join(OTHER_STORY) + "\nShare this\n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.html").write_bytes(b"")
    with (tmp_path / "huge.html").open("wb") as huge:  # a 50 MB page
        huge.write(b"<html><body><p>" + b"word " * 10_000_000 + b"</p></body></html>")
    wrong = story_html("Caf\u00e9 owners protest", OTHER_STORY)
    (tmp_path / "wrong_charset.html").write_bytes(wrong.encode("cp1252"))  # declares utf-8
    latin = "\n".join(OTHER_STORY) + "\nCafé owners agreed."
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    truncated = gzip.compress(story.encode("utf-8"))
    (tmp_path / "cut.html.gz").write_bytes(truncated[: len(truncated) // 2])
    lines = [json.dumps({"id": "j1", "text": " ".join(OTHER_STORY[:2])}), "{not json",
             json.dumps({"id": "j2", "title": "no text"})]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    write_warc(
        tmp_path / "crawl.warc.gz",
        [("http://example.test/water", story.encode("utf-8")),
         ("http://example.test/other", story_html("Sardines", OTHER_STORY).encode("utf-8"))],
        corrupt_last=True,
    )
    (tmp_path / "german.txt").write_text(GERMAN_STORY, "utf-8")

    report = IngestReport()
    sources = [str(tmp_path / "pages"), *(str(tmp_path / name) for name in (
        "fish.txt", "binary.txt", "empty.html", "huge.html", "latin1.txt", "cut.html.gz",
        "wrong_charset.html",
        "dump.jsonl", "crawl.warc.gz", "german.txt"))]
    items = list(read_articles(sources, report=report, dedupe=False))
    articles, errors = split(items)
    reasons = {Path(error.document.split("#")[0].split(":")[0]).name: error.reason
               for error in errors}

    assert {article.origin and Path(article.origin.split(":")[0].split("#")[0]).name
            for article in articles} >= {"water.html", "fish.txt", "latin1.txt", "dump.jsonl",
                                         "crawl.warc.gz"}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.html"]
    assert "size cap" in reasons["huge.html"]
    assert "truncated" in reasons["cut.html.gz"]
    assert "malformed JSON" in reasons["dump.jsonl"] or "text" in reasons["dump.jsonl"]
    dump_errors = [error for error in errors if "dump.jsonl" in error.document]
    assert len(dump_errors) == 2
    assert "corrupt WARC" in reasons["crawl.warc.gz"]
    assert "not English" in reasons["german.txt"]
    by_origin = {Path(article.origin or "").name: article for article in articles}
    assert "Café owners" in by_origin["latin1.txt"].text
    assert by_origin["wrong_charset.html"].title == "Café owners protest"
    assert report.read == len(articles)
    assert report.skipped["language"] == 1
    assert sum(report.skipped.values()) == len(errors)
    assert "skipped" in report.summary() and f"read {len(articles)} articles" in report.summary()


def test_warc_response_records_give_url_and_article(tmp_path, story):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("http://example.test/water", story.encode("utf-8"))])
    (article,) = list(read_articles([str(warc)]))
    assert article.url == "http://example.test/water"
    assert article.title == "Province opens water plant"
    assert article.text.splitlines() == STORY_PARAGRAPHS


def test_html_page_metadata(tmp_path, story):
    page = tmp_path / "water.htm"
    page.write_text(story, "utf-8")
    (article,) = list(read_articles([str(page)]))
    assert article.id == "water"
    assert article.title == "Province opens water plant"
    assert article.date == "2024-03-06"
    assert article.source == "Valley Courier"
    assert article.language == "en"
    assert "Home" not in article.text and "Copyright" not in article.text


def test_kind_recognised_by_content_when_the_name_does_not_say(tmp_path, story):
    (tmp_path / "page.dat").write_text(story, "utf-8")
    (tmp_path / "dump.out").write_text(json.dumps({"id": "x", "text": "Hello there."}), "utf-8")
    (tmp_path / "page.bin.gz").write_bytes(gzip.compress(story.encode("utf-8")))
    articles, errors = split(list(read_articles(
        [str(tmp_path / name) for name in ("page.dat", "dump.out", "page.bin.gz")], dedupe=False
    )))
    assert not errors
    assert [article.title for article in articles] == [
        "Province opens water plant", None, "Province opens water plant"
    ]
    assert kind_from_content(b"WARC/1.0\r\n") == "warc"
    assert kind_from_content(b'<?xml version="1.0"?><rss version="2.0">') == "feed"


def test_globs_and_folders_are_read_recursively(tmp_path):
    for folder, name in (("a", "one.txt"), ("a/b", "two.txt"), ("a/b", "skip.css")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(f"Story {name} is here. It has words.", "utf-8")
    from_folder = [item.id for item in read_articles([str(tmp_path / "a")])]
    from_glob = [item.id for item in read_articles([str(tmp_path / "**" / "*.txt")])]
    assert sorted(from_folder) == sorted(from_glob) == ["one", "two"]
    (error,) = list(read_articles([str(tmp_path / "*.nothing")]))
    assert "no file matches" in error.reason


def test_syndicated_copy_is_skipped_or_linked_to_its_original(tmp_path, story):
    original = tmp_path / "courier.html"
    original.write_text(story, "utf-8")
    copy_text = ("You are here: Home » World » Province opens water plant\n"
                 + "\n".join(STORY_PARAGRAPHS[:4]) + "\nValley Courier\nShare Button\n")
    copy = tmp_path / "aggregator.txt"
    copy.write_text(copy_text, "utf-8")
    sources = [str(original), str(copy)]

    articles, errors = split(list(read_articles(sources)))
    assert [article.id for article in articles] == ["courier"]
    assert errors[0].kind == "duplicate" and "courier" in errors[0].reason

    marked = list(read_articles(sources, duplicates="mark"))
    assert [article.duplicate_of for article in marked] == [None, "courier"]


def test_progress_bar_goes_to_stderr_only_when_asked(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("The council met on Thursday. It approved the budget.", "utf-8")
    list(read_articles([str(note)], progress=True))
    shown = capsys.readouterr()
    assert "reading" in shown.err and shown.out == ""
    list(read_articles([str(note)]))  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""


def test_warc_resource_records_charset_and_records_without_articles(tmp_path):
    page = story_html("Caf\u00e9 owners protest", OTHER_STORY).replace("utf-8", "iso-8859-1")
    warc = tmp_path / "archive.warc"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(writer.create_warc_record(
            "http://example.test/cafe", "resource", payload=io.BytesIO(page.encode("latin-1")),
            warc_content_type="text/html; charset=iso-8859-1",
        ))
        for status, content_type in (("404 Not Found", "text/html"), ("200 OK", "image/png")):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "http://example.test/other", "response", payload=io.BytesIO(b"\x89PNG"),
                http_headers=headers,
            ))
    (article,) = list(read_articles([str(warc)]))
    assert article.title == "Café owners protest"
    assert article.url == "http://example.test/cafe"
    assert article.date == "2024-03-06"  # the page's own date, not the archiving date


def test_a_json_line_with_a_date_time_is_dated_by_its_day(tmp_path):
    # Feeds and JSON exports often give "1990-08-16T20:41": the store and the time stage need the day.
    lines = [{"id": "wire-1", "date": "1990-08-16T20:41", "text": STORY_PARAGRAPHS[0]},
             {"id": "wire-2", "date": "not a date", "text": STORY_PARAGRAPHS[1]}]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    articles = {item.id: item for item in read_articles([str(tmp_path / "wire.jsonl")])
                if isinstance(item, Article)}
    assert articles["wire-1"].date == "1990-08-16"
    assert articles["wire-2"].published is None
