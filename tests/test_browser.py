"""The pages in real headless Chromium: every page shows demo data, a review by keyboard, hostile text stays text."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_demo import HOSTILE_TEXT, HOSTILE_TITLE, PASSWORDS, demo_database

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).parent / "screenshots"
CHROMIUM = os.environ.get("NKMONITOR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from nkmonitor.web import create_app
    from nkmonitor.web.app import WebSettings

    info = demo_database()
    port = free_port()
    app = create_app(info["url"], web=WebSettings(secret_key="browser-test"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", **info}
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (set NKMONITOR_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()


def shoot(pg, name: str) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    pg.set_viewport_size(PHONE)
    # Readable on a phone: nothing widens the page beyond the screen (wide tables and charts scroll in place).
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{name} overflows on a phone"
    pg.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    pg.set_viewport_size(DESKTOP)


def sign_in(pg, base: str, username: str) -> None:
    pg.goto(f"{base}/signin?next=/review")
    pg.get_by_label("Username").fill(username)
    pg.get_by_label("Password").fill(PASSWORDS[username])
    pg.get_by_role("button", name="Sign in").click()
    pg.wait_for_load_state()


def test_overview_shows_the_state_of_play(server, page):
    page.goto(server["base"] + "/")
    assert page.locator("h1").inner_text().startswith("State of play")
    posts = page.locator("#h-posts").locator("xpath=..")
    assert "US Special Envoy for North Korean Human Rights Issues" in posts.inner_text()
    assert posts.locator(".badge").count() >= 3
    assert page.locator("#h-laws").locator("xpath=..").locator(".badge").count() >= 2
    assert page.locator("#h-docs").locator("xpath=..").locator("a[href^='/documents/']").count() >= 3
    # Drill down: a pack source URL and a link into the posts page.
    assert page.locator(".sources a[href^='http']").count() >= 3
    assert page.locator(".skip").get_attribute("href") == "#content"
    assert page.locator("main#content").count() == 1 and page.locator("nav[aria-label=Main]").count() == 1
    shoot(page, "overview")
    page.goto(server["base"] + "/?as_of=2010-01-01")
    text = page.locator("main").inner_text()
    assert "Robert King" in text or "Robert R. King" in text  # held the US envoy post on that day
    assert "Julie Turner" not in text
    assert not page.errors, page.errors


def test_posts_page_has_gantt_and_table(server, page):
    page.goto(server["base"] + "/posts")
    svg = page.locator("figure.chart svg")
    assert svg.count() == 1 and svg.get_attribute("role") == "img"
    assert "Julie Turner" in page.locator("#post-us_special_envoy_nkhr").inner_text()
    assert page.locator("#post-us_special_envoy_nkhr .badge.vacant").count() >= 1
    shoot(page, "posts")
    assert not page.errors, page.errors


def test_laws_and_un_votes_pages(server, page):
    page.goto(server["base"] + "/laws")
    assert "North Korean Human Rights Act of 2004" in page.locator("main").inner_text()
    assert page.locator("#inst-us_nkhra_2004 tbody tr").count() >= 5
    shoot(page, "laws")
    page.goto(server["base"] + "/un-votes")
    assert page.locator("figure.chart svg").count() >= 1
    years = page.locator("tbody th[scope=row]").all_inner_texts()
    assert "2014" in years and len(years) >= 10
    shoot(page, "un-votes")
    assert not page.errors, page.errors


def test_recommendations_and_indicators_pages(server, page):
    page.goto(server["base"] + "/recommendations")
    items = page.locator("ol.queue > li")
    assert items.count() >= 3 and page.locator("ol.queue .badge").count() >= 3
    total = items.count()
    page.get_by_label("Addressed to").select_option("dprk")
    page.get_by_role("button", name="Filter").click()
    assert 0 < page.locator("ol.queue > li").count() < total
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("ol.queue a[href*='#span-']").count() >= 1  # drill down to the sentence
    shoot(page, "recommendations")
    page.goto(server["base"] + "/indicators")
    assert page.locator("figure.chart svg").count() >= 3
    shoot(page, "indicators")
    page.goto(server["base"] + "/api/docs")
    assert page.locator("h1").inner_text() == "API reference"
    assert not page.errors, page.errors


def test_documents_search_and_reader_highlights_evidence(server, page):
    page.goto(server["base"] + "/documents")
    assert page.locator("tbody tr").count() == min(25, server["documents"])
    page.get_by_label("Search").fill("envoy")
    page.get_by_role("button", name="Search").click()
    assert page.locator(".results li").count() >= 2
    assert page.locator(".snippet mark").count() >= 1
    shoot(page, "search")
    # A document with extracted facts: each fact links to its highlighted span.
    from nkmonitor.store import open_store
    from nkmonitor.store.suggestions import list_suggestions

    store = open_store(server["url"])
    s = next(s for s in list_suggestions(store, limit=500) if s.span_start is not None)
    page.goto(f"{server['base']}/documents/{s.document_id}")
    mark = page.locator(f"#span-{s.id}")
    assert mark.count() == 1
    assert s.evidence_text.startswith(mark.inner_text()) or mark.inner_text().startswith(s.evidence_text[:10])
    page.locator(f"#fact-{s.id} a[href='#span-{s.id}']").click()
    assert page.evaluate("location.hash") == f"#span-{s.id}"
    shoot(page, "reader")
    assert not page.errors, page.errors


def test_hostile_document_cannot_run_script(server, page):
    hid = server["hostile_id"]
    for path in (f"/documents/{hid}", "/documents", "/documents?q=pwned", "/"):
        page.goto(server["base"] + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main img").count() == 0, path
    page.goto(f"{server['base']}/documents/{hid}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    reader = page.locator(".reader").inner_text()
    assert "<script>window.__pwned=1</script>" in reader
    assert '<img src=x onerror="window.__pwned=2">' in reader
    assert reader.strip() == HOSTILE_TEXT.strip()
    shoot(page, "hostile")


def test_review_as_editor_with_the_keyboard(server, browser):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    base = server["base"]
    pg.goto(base + "/review")
    assert "/signin" in pg.url  # the queue is for editors only
    sign_in(pg, base, "edna")
    assert pg.url.endswith("/review")
    items = pg.locator("[data-review-item]")
    assert items.count() >= 2
    first, second = items.nth(0).get_attribute("data-id"), items.nth(1).get_attribute("data-id")
    assert pg.evaluate("document.activeElement.dataset.id") == first
    shoot(pg, "review")
    pg.keyboard.press("j")
    assert pg.evaluate("document.activeElement.dataset.id") == second
    pg.keyboard.press("k")
    assert pg.evaluate("document.activeElement.dataset.id") == first
    with pg.expect_navigation():
        pg.keyboard.press("a")
    assert f"Accepted suggestion {first}" in pg.locator(".notice").inner_text()
    status = pg.evaluate(f"fetch('/api/suggestions/{first}').then(r => r.json()).then(j => j.status)")
    assert status == "accepted"
    log = pg.evaluate(f"fetch('/api/review/log?suggestion_id={first}').then(r => r.json())")
    assert log["items"][0]["actor"] == "edna" and log["items"][0]["action"] == "accept"
    # The decision shows in the audit log on the page, with an undo button.
    assert pg.locator("table tbody tr").first.locator("td").nth(2).inner_text() == "edna"
    # r rejects the focused item; the audit log's Undo puts it back in the queue.
    target = pg.evaluate("document.activeElement.dataset.id")
    with pg.expect_navigation():
        pg.keyboard.press("r")
    assert f"Rejected suggestion {target}" in pg.locator(".notice").inner_text()
    with pg.expect_navigation():
        pg.locator("table tbody tr").first.get_by_role("button", name="Undo").click()
    assert pg.evaluate(f"fetch('/api/suggestions/{target}').then(r => r.json()).then(j => j.status)") == "suggested"
    # e opens the edit form of the focused item.
    focused = pg.evaluate("document.activeElement.dataset.id")
    with pg.expect_navigation():
        pg.keyboard.press("e")
    assert pg.url.endswith(f"/review/{focused}/edit") and pg.locator("form input[name^=field_]").count() >= 1
    context.close()


def test_viewer_cannot_review(server, browser):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    sign_in(pg, server["base"], "vera")
    assert pg.locator("h1").inner_text().startswith("403")
    assert pg.locator("nav.main a[href='/review']").count() == 0
    context.close()
