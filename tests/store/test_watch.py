"""``watch`` reads feeds through the ingest readers: each entry's page is fetched from a real
HTTP server on 127.0.0.1 and coded with the real pipeline; an entry whose page fails falls back
to its own summary and is reported on one stderr line."""

from __future__ import annotations

import duckdb
from ingest.pages import story_html

from eventwire.ingest import Fetcher
from eventwire.pipeline import code_articles
from eventwire.store.watch import poll_once, read_feed

SUMMIT = [
    "Russian President Vladimir Putin met German Chancellor Angela Merkel in Moscow on Tuesday.",
    "The two leaders discussed the ceasefire in eastern Ukraine for more than three hours.",
    "Officials from both governments said the talks would continue next month in Berlin.",
    "Neither side announced an agreement, but both described the meeting as constructive.",
]
FALLBACK = "US Secretary of State John Kerry met Russian President Vladimir Putin in Sochi."

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Putin meets Merkel</title><link>{base}/summit</link><guid>summit-1</guid>
<pubDate>Tue, 10 May 2016 09:00:00 GMT</pubDate>
<description>Leaders hold talks (feed summary).</description></item>
<item><title>Kerry in Sochi</title><link>{base}/broken</link><guid>sochi-1</guid>
<pubDate>Wed, 11 May 2016 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{fallback}&lt;/p&gt;</description></item>
</channel></rss>"""


def quick_read(feed, known, log):
    fetcher = Fetcher(timeout=2.0, retries=0, backoff=0.0, min_interval=0.0)
    try:
        return read_feed(feed, known, log, fetcher)
    finally:
        fetcher.close()


def stored(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = dict(con.execute("SELECT title, text FROM articles").fetchall())
        mentions = con.execute(
            "SELECT a.title, m.sentence, m.source_code, m.target_code FROM mentions m "
            "JOIN articles a USING (article_id)").fetchall()
    finally:
        con.close()
    return articles, mentions


def test_watch_codes_the_pages_and_reports_an_entry_that_fell_back(local_site, tmp_path, capsys):
    base, site = local_site
    site.routes["/feed.xml"] = (200, "application/rss+xml",
                                FEED.format(base=base, fallback=FALLBACK).encode(), 0.0)
    site.routes["/summit"] = (200, "text/html; charset=utf-8",
                              story_html("Putin meets Merkel", SUMMIT, date="2016-05-10").encode(),
                              0.0)
    site.routes["/broken"] = (500, "text/plain", b"server trouble", 0.0)
    db = tmp_path / "watch.duckdb"

    assert poll_once([f"{base}/feed.xml"], db, code_articles, read=quick_read,
                     min_confidence=0.0) == 2
    report = capsys.readouterr().err.splitlines()
    fallbacks = [line for line in report if "/broken" in line]
    assert len(fallbacks) == 1 and "HTTP 500" in fallbacks[0]
    assert not any("/summit" in line for line in report)

    articles, mentions = stored(db)
    assert articles["Putin meets Merkel"].splitlines() == SUMMIT  # the page, not the summary
    assert articles["Kerry in Sochi"] == FALLBACK
    coded = {(title, source[:3], target[:3]) for title, _, source, target in mentions
             if source and target}
    assert ("Putin meets Merkel", "RUS", "DEU") in coded
    assert ("Kerry in Sochi", "USA", "RUS") in coded

    # The next poll fetches the feed again but neither stored entry's page.
    hits = len(site.hits)
    assert poll_once([f"{base}/feed.xml"], db, code_articles, read=quick_read,
                     min_confidence=0.0) == 0
    assert "/feed.xml" in site.hits[hits:]
    assert not {"/summit", "/broken"} & set(site.hits[hits:])
