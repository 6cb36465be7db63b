"""The dashboard shows people killed: in the dyad view and on the map (headless Chromium).

The store is coded by the real pipeline (`eventwire ingest`) from two short articles written for
this test, so the figures come from the text: 12 and at least 20 rebels killed by Syrian forces,
three soldiers killed by rebels, all in Aleppo.
"""

from __future__ import annotations

import json

import httpx
import pytest

from web.conftest import eventwire, screenshot, serve

ARTICLES = [
    {"id": "fatal-1", "title": "Fighting in Aleppo", "date": "2016-05-02", "source": "Example Wire",
     "text": "Syrian government forces killed 12 rebels in Aleppo on Monday, a monitoring group "
             "said. Syrian rebels killed three Syrian soldiers in Aleppo on Sunday."},
    {"id": "fatal-2", "title": "Clashes in Aleppo", "date": "2016-06-10", "source": "Another Wire",
     "text": "Syrian government forces killed at least 20 rebels in Aleppo on Thursday, activists "
             "said."},
]


@pytest.fixture(scope="module")
def counts_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("counts-web")
    source = folder / "fatal.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "events.duckdb"
    eventwire("ingest", str(source), "--db", str(db), "--quiet")
    process, base = serve(db)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def counts_page(browser, counts_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, errors


def test_dyad_view_shows_people_killed_per_month(counts_page, counts_server):
    months = httpx.get(f"{counts_server}/api/counts", params={"by": "month", "source": "SYR",
                                                              "target": "SYR"}).json()["rows"]
    assert {r["key"][:7]: r["killed"] for r in months} == {"2016-05": 15, "2016-06": 20}
    counts_page.goto(counts_server + "/#/dyad?a=SYRMIL&b=SYRREB&dir=both")
    counts_page.wait_for_selector("#dyad-table tbody tr")
    assert counts_page.locator("#dyad-title").inner_text().endswith("35 killed")
    killed = dict(zip(counts_page.locator("#dyad-table tbody th").all_inner_texts(),
                      counts_page.locator("#dyad-table tbody td.killed").all_inner_texts(),
                      strict=True))
    assert killed == {"2016-05": "15", "2016-06": "20"}
    counts_page.wait_for_selector("#dyad-events .events li")
    chips = counts_page.locator("#dyad-events .count-killed").all_inner_texts()
    assert sorted(chip.strip() for chip in chips) == ["12 killed", "20 killed (20–…)", "3 killed"]
    screenshot(counts_page, "dyad-killed")


def test_map_shows_people_killed_at_the_place(counts_page, counts_server):
    counts_page.goto(counts_server + "/#/map")
    counts_page.wait_for_selector("#map .cluster text.killed")
    assert counts_page.locator("#map-total").inner_text().endswith("35 killed)")
    assert counts_page.locator("#map .cluster text.killed").all_text_contents() == ["35 killed"]
    screenshot(counts_page, "map-killed")
