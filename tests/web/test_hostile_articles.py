"""Articles a hostile or ordinary news dump holds: javascript: URLs, ids that are URLs or file
names with spaces. Stored with a real `eventwire ingest` and `watch`, served by `eventwire serve`,
opened in headless Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import duckdb
import httpx
import pytest

from eventwire.store.connection import writing
from web.conftest import eventwire, serve

HOSTILE_URL = "javascript:alert(document.domain)"
URL_ID = "https://news.example/2016/05/kerry-putin?id=7&page=1"
FILE_ID = "Kerry meets Putin (AP)"
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile Wire</title><link>https://wire.example/</link>
<description>test</description>
<item><title>Merkel in Minsk</title><link>{url}</link><guid>hostile-1</guid>
<pubDate>Sun, 10 May 2015 09:00:00 GMT</pubDate>
<description>German Chancellor Angela Merkel accused Russia of supporting the rebels.</description>
</item></channel></rss>
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("hostile")
    dump = folder / "dump.jsonl"
    dump.write_text(json.dumps({
        "id": URL_ID, "date": "2016-05-02", "url": HOSTILE_URL, "title": "Kerry and Putin",
        "text": "US Secretary of State John Kerry met Russian President Vladimir Putin in Sochi."})
        + "\n")
    (folder / f"{FILE_ID}.txt").write_text("Iran accused Saudi Arabia of supporting terrorism.")
    (folder / "feed.rss").write_text(FEED.format(url=HOSTILE_URL))
    db = folder / "events.duckdb"
    eventwire("ingest", str(dump), str(folder / f"{FILE_ID}.txt"), "--date", "2016-05-03",
              "--db", str(db), "--quiet")
    eventwire("watch", str(folder / "feed.rss"), "--db", str(db), "--rounds", "1")
    process, base = serve(db)
    yield base, db
    process.terminate()
    process.wait(timeout=10)


def test_only_web_urls_are_stored_and_any_id_opens(hostile):
    base, db = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
        assert con.execute("SELECT count(*) FROM articles WHERE url IS NOT NULL").fetchall() \
            == [(0,)]
    events = httpx.get(f"{base}/api/events", params={"limit": 100}).json()["events"]
    assert events and all(event["first_url"] is None for event in events)
    for article_id in (URL_ID, FILE_ID):
        response = httpx.get(f"{base}/api/articles/{quote(article_id, safe='')}")
        assert response.status_code == 200, response.text
        assert response.json()["article_id"] == article_id
    assert httpx.get(f"{base}/api/articles/{quote('no such id', safe='')}").status_code == 404


def test_event_pages_open_and_link_only_web_urls(browser, hostile):
    """Every event page loads its mentions (ids that are URLs or have spaces), and even a
    javascript: URL already in a store (written by an older version) never becomes a link."""
    base, db = hostile
    with writing(db) as con:  # a writer as ingest is one: the server lets go of the file
        con.execute("UPDATE articles SET url = ?", [HOSTILE_URL])
        con.execute("UPDATE events SET first_url = ?", [HOSTILE_URL])
    events = httpx.get(f"{base}/api/events", params={"limit": 100}).json()["events"]
    assert {event["first_article_id"] for event in events} >= {URL_ID, FILE_ID}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    page.set_default_timeout(15_000)
    try:
        for event in events:
            page.goto(f"{base}/#/event/{quote(event['event_id'], safe='')}")
            page.wait_for_selector("#event-mentions .mention")
            assert "Could not load" not in page.locator("body").inner_text()
            headings = page.locator("#event-mentions h4").all_inner_texts()
            assert headings and all(headings)
            hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
            assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
            assert "no URL" in page.locator("#event-mentions").inner_text()
    finally:
        context.close()
    assert not errors, errors
