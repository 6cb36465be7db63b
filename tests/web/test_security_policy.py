"""The dashboard runs whole under the server's Content-Security-Policy (real chromium)."""

from __future__ import annotations


def test_every_view_runs_under_the_security_policy(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # CSP enforced
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: violations.append(str(error)))
    response = page.goto(server + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("#overview-chart svg .bar")
    page.wait_for_selector("#overview-events .events li")
    assert page.evaluate("window.eventwireEarly !== undefined")  # the inline early fetch ran
    page.get_by_role("link", name="Map").click()
    page.wait_for_selector("#map .cluster")
    page.goto(server + "/#/overview")
    page.locator("#overview-events .events li a.what").first.click()
    page.wait_for_selector("#event-mentions .mention")
    context.close()
    assert violations == []
