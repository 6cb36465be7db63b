"""URLs and feeds against a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import time

import pytest

from eventwire.ingest import Fetcher, IngestReport, read_articles
from eventwire.ingest.decode import DocumentError
from eventwire.records import Article, ReadError

from .pages import STORY_PARAGRAPHS, story_html

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Courier</title>
<item><title>Province opens water plant</title><link>{base}/water</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate><guid>water-1</guid></item>
<item><title>Broken story</title><link>{base}/broken</link><guid>broken-1</guid></item>
<item><title>Summary only</title><guid>note-1</guid>
<pubDate>Thu, 07 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The council met on Thursday to discuss the harbour budget.&lt;/p&gt;
</description>
</item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><title>Province opens water plant</title><id>tag:water</id>
<link href="{base}/water"/><updated>2024-03-06T09:00:00Z</updated></entry></feed>"""


def quick_fetcher(**options) -> Fetcher:
    settings = {"timeout": 0.5, "retries": 1, "backoff": 0.05, "min_interval": 0.0}
    settings.update(options)
    return Fetcher(**settings)


def serve(site, path, body, status=200, content_type="text/html; charset=utf-8", delay=0.0):
    site.routes[path] = (status, content_type, body.encode("utf-8"), delay)


def test_page_fetched_over_http(local_site):
    base, site = local_site
    serve(site, "/water", story_html("Province opens water plant", STORY_PARAGRAPHS))
    (article,) = list(read_articles([f"{base}/water"], fetcher=quick_fetcher()))
    assert article.url == f"{base}/water"
    assert article.title == "Province opens water plant"
    assert article.text.splitlines() == STORY_PARAGRAPHS


def test_rss_feed_from_url_follows_links_and_reports_the_broken_one(local_site):
    base, site = local_site
    serve(site, "/feed.xml", RSS.format(base=base), content_type="application/rss+xml")
    serve(site, "/water", story_html("Province opens water plant", STORY_PARAGRAPHS, date=""))
    serve(site, "/broken", "server trouble", status=500, content_type="text/plain")
    report = IngestReport()
    items = list(read_articles([f"{base}/feed.xml"], fetcher=quick_fetcher(), report=report))
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [article.title for article in articles] == ["Province opens water plant",
                                                      "Summary only"]
    assert articles[0].date == "2024-03-06"  # from the feed when the page gives none
    assert articles[1].text == "The council met on Thursday to discuss the harbour budget."
    assert len(errors) == 1 and errors[0].document == f"{base}/broken"
    assert "HTTP 500" in errors[0].reason
    assert site.hits.count("/broken") == 2  # retried once
    assert report.read == 2 and report.skipped["unreadable"] == 1


def test_atom_feed_from_a_file(local_site, tmp_path):
    base, site = local_site
    serve(site, "/water", story_html("Province opens water plant", STORY_PARAGRAPHS))
    feed = tmp_path / "courier.atom"
    feed.write_text(ATOM.format(base=base), "utf-8")
    (article,) = list(read_articles([str(feed)], fetcher=quick_fetcher()))
    assert article.title == "Province opens water plant"


def test_feed_that_times_out_or_fails_is_one_error_and_the_batch_goes_on(local_site, tmp_path):
    base, site = local_site
    serve(site, "/slow.xml", RSS.format(base=base), delay=2.0)
    serve(site, "/down.xml", "oops", status=500, content_type="text/plain")
    text = tmp_path / "note.txt"
    text.write_text("The council met on Thursday. It approved the budget.", "utf-8")
    started = time.monotonic()
    items = list(read_articles(
        [f"{base}/slow.xml", f"{base}/down.xml", str(text)], fetcher=quick_fetcher(retries=0)
    ))
    assert time.monotonic() - started < 5
    slow, down, note = items
    assert isinstance(slow, ReadError) and "timed out" in slow.reason
    assert isinstance(down, ReadError) and "HTTP 500" in down.reason
    assert isinstance(note, Article)


def test_robots_txt_is_obeyed(local_site):
    base, site = local_site
    serve(site, "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    serve(site, "/private/water", story_html("Secret", STORY_PARAGRAPHS))
    (error,) = list(read_articles([f"{base}/private/water"], fetcher=quick_fetcher()))
    assert "robots.txt" in error.reason
    assert "/private/water" not in site.hits


def test_user_agent_rate_limit_and_size_cap(local_site):
    base, site = local_site
    serve(site, "/big", "<html><body><p>" + "word " * 5000 + "</p></body></html>")
    serve(site, "/small", "ok", content_type="text/plain")
    fetcher = quick_fetcher(max_bytes=10_000, min_interval=0.3)
    with pytest.raises(DocumentError, match="size cap"):
        fetcher.fetch(f"{base}/big")
    started = time.monotonic()
    fetcher.fetch(f"{base}/small")
    fetcher.fetch(f"{base}/small")
    assert time.monotonic() - started >= 0.3  # same host: the second waits its turn
    assert site.agents and all(agent.startswith("eventwire/") for agent in site.agents)
