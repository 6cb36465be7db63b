"""End to end: the dashboard in headless Chromium against a real `eventwire serve` on loopback.

Screenshots of each view go to artifacts/web/ (git-ignored).
"""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from web.conftest import screenshot


def event_codes(event: dict) -> tuple[str, str]:
    return (event["source"] or {}).get("code", ""), (event["target"] or {}).get("code", "")


def test_overview_draws_events_over_time_and_top_lists(page, server, api):
    page.goto(server + "/")
    page.wait_for_selector("#overview-chart svg .bar")
    page.wait_for_selector("#overview-events .events li")
    summary = api.get("/api/web/summary", params={"interval": "month"}).json()
    start, end = summary["articles_start"][:7], summary["articles_end"][:7]
    months = {p["period"][:7] for p in api.get("/api/series", params={"interval": "month"})
              .json()["points"]} & {m for m in months_between(start, end)}
    bars = page.locator("#overview-chart .bar").evaluate_all(
        "bars => bars.map(b => [b.dataset.period.slice(0, 7), Number(b.dataset.total)])")
    assert {period for period, total in bars if total} == months
    # Empty months are drawn too, so that time runs evenly: one bar per month, first to last.
    first, last = (date.fromisoformat(bars[i][0] + "-01") for i in (0, -1))
    assert len(bars) == (last.year - first.year) * 12 + last.month - first.month + 1
    total = api.get("/api/stats").json()["events"]
    assert page.locator("#overview-total").inner_text() == f"({total} events)"
    for ranked in ("#top-actors", "#top-dyads", "#top-types"):
        assert page.locator(f"{ranked} li").count() > 0
    screenshot(page, "overview")


def months_between(start: str, end: str) -> list[str]:
    year, month = int(start[:4]), int(start[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def test_overview_opens_on_the_articles_dates_with_background_one_click_away(page, server, api):
    # The store holds an event of 1945 (an anniversary story of 2016): the chart opens on the
    # articles' dates, not on 70 years of empty months.
    events_1945 = api.get("/api/events", params={"start": "1945-01-01", "end": "1945-12-31"}).json()
    assert events_1945["total"] > 0
    page.goto(server + "/")
    page.wait_for_selector("#overview-chart svg .bar")
    periods = page.locator("#overview-chart .bar").evaluate_all(
        "bars => bars.map(b => b.dataset.period)")
    stats = api.get("/api/articles/hiroshima-anniversary")
    assert stats.status_code == 200
    assert min(periods) >= "2015-05" and len(periods) < 12 * 5, periods
    expect(page.locator("#overview-range")).to_contain_text("background")
    screenshot(page, "overview-articles-range")
    page.get_by_role("button", name="Show all dates").click()
    page.wait_for_function("[...document.querySelectorAll('#overview-chart .bar')]"
                           ".some(b => b.dataset.period.startsWith('1945'))")
    assert "dates=all" in page.url
    page.get_by_role("button", name="Articles' dates only").click()
    page.wait_for_function("![...document.querySelectorAll('#overview-chart .bar')]"
                           ".some(b => b.dataset.period.startsWith('1945'))")


def test_text_filter_narrows_every_panel(page, server, api):
    page.goto(server + "/")
    page.wait_for_selector("#overview-chart svg .bar")
    page.fill("#filters input[name=q]", "Crimea")
    page.press("#filters input[name=q]", "Enter")
    expected = api.get("/api/events", params={"q": "Crimea"}).json()["total"]
    assert expected > 0
    page.wait_for_function(f"document.querySelector('#overview-total').textContent === "
                           f"'({expected} events)'")
    assert "q=Crimea" in page.url
    expect(page.locator("#overview-events .events li")).to_have_count(min(expected, 20))
    sentences = page.locator("#overview-events .sentence").all_inner_texts()
    assert any("crimea" in s.lower() for s in sentences)


def test_dyad_usa_rus_then_event_with_its_sentence_highlighted(page, server, api):
    page.goto(server + "/")
    page.get_by_role("link", name="Dyad").click()
    page.fill("#dyad-form input[name=a]", "USA")
    page.fill("#dyad-form input[name=b]", "RUS")
    page.press("#dyad-form input[name=b]", "Enter")
    page.wait_for_selector("#dyad-counts svg .bar")
    page.wait_for_selector("#dyad-events .events li")
    both = sum(api.get("/api/events", params=p).json()["total"]
               for p in ({"source": "USA", "target": "RUS"}, {"source": "RUS", "target": "USA"}))
    assert page.locator("#dyad-title").inner_text() == f"USA ↔ RUS: {both} events"
    assert page.locator("#dyad-events .events li").count() == min(both, 20)
    links = page.locator("#dyad-events .events li a.what").all_inner_texts()
    for text in links:
        source, target = re.match(r"(\S+) → (\S+):", text).groups()
        assert {source[:3], target[:3]} == {"USA", "RUS"}, text
    screenshot(page, "dyad-usa-rus")

    first = page.locator("#dyad-events .events li a.what").first
    event_id = first.get_attribute("href").rsplit("/", 1)[1]
    first.click()
    page.wait_for_selector("#event-mentions mark.sentence")
    detail = api.get(f"/api/events/{event_id}").json()
    marked = page.locator("#event-mentions mark.sentence").all_inner_texts()
    assert marked == [m["sentence"] for m in detail["mentions"]]
    trigger = page.locator("#event-mentions mark.sentence .trigger").first.inner_text()
    assert trigger == detail["mentions"][0]["trigger"]
    # The highlighted sentence sits inside the full article text, scrolled into view.
    box = page.locator("#event-mentions .article-text").first
    article = api.get(f"/api/articles/{detail['mentions'][0]['article_id']}").json()
    assert box.inner_text().replace("\n", " ").split() == article["text"].split() \
        or box.inner_text() == article["title"]
    assert page.locator("#event-mentions mark.sentence").first.is_visible()
    assert page.locator("#event-fields").inner_text().count(detail["cameo"]) >= 1
    screenshot(page, "event-detail")


def test_dyad_bar_lists_the_events_of_its_month(page, server):
    page.goto(server + "/#/dyad?a=USA&b=RUS")
    bar = page.locator("#dyad-counts .bar").first
    bar.wait_for()
    month = bar.get_attribute("data-period")[:7]
    bar.focus()
    page.keyboard.press("Enter")  # bars are keyboard buttons
    page.wait_for_function(f"document.querySelector('#dyad-events-title').textContent"
                           f".endsWith('{month}')")
    page.wait_for_selector("#dyad-events .events li")
    dates = page.locator("#dyad-events .events .date").all_inner_texts()
    assert dates and all(d.startswith(month) for d in dates)


def test_map_clusters_every_located_event(page, server, api):
    page.goto(server + "/#/map")
    page.wait_for_selector("#map .cluster")
    located = sum(p["events"] for p in api.get("/api/web/places").json())
    labels = page.locator("#map .cluster text:not(.killed)").all_text_contents()
    assert sum(int(n) for n in labels) == located
    assert page.locator("#map path.land").get_attribute("d").count("M") > 150
    screenshot(page, "map")
    # Zoom in until the first mark is a single place, then list its events.
    for _ in range(12):
        mark = page.locator("#map .cluster").first
        label = mark.get_attribute("aria-label")
        mark.click()
        if "places" not in label:
            break
    page.wait_for_selector("#map-events .events li")
    count = int(re.search(r": (\d+) events", label).group(1))
    assert page.locator("#map-events .events li").count() == min(count, 20)


def test_phone_width_has_no_sideways_scroll(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    for view in ("overview", "dyad?a=USA&b=RUS", "map"):
        page.goto(f"{server}/#/{view}")
        page.wait_for_selector(".view:not([hidden]) svg")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, view
    page.goto(server + "/")
    page.wait_for_selector("#overview-chart svg .bar")
    screenshot(page, "phone-overview", full_page=False)
    context.close()


def test_keyboard_reaches_filters_views_and_bars(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#overview-chart svg .bar")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    focused = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused.append(page.evaluate(
            "document.activeElement.getAttribute('name') || document.activeElement.getAttribute('class') "
            "|| document.activeElement.textContent"))
    assert {"start", "actor", "q", "bar"} <= set(focused)
