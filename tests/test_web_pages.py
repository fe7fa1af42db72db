"""The pages through a real app client on the demo database: content, as_of, filters, escaping, forms."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from test_web_demo import HOSTILE_TITLE, PASSWORDS, demo_database

from nkmonitor.pack import load_pack
from nkmonitor.store import open_store
from nkmonitor.web import create_app
from nkmonitor.web.app import WebSettings

PAGES = ["/", "/posts", "/laws", "/un-votes", "/recommendations", "/indicators", "/documents", "/api/docs"]


@pytest.fixture(scope="module")
def demo():
    return demo_database()


@pytest.fixture(scope="module")
def client(demo):
    with TestClient(create_app(demo["url"], web=WebSettings(secret_key="pages")), raise_server_exceptions=False) as c:
        yield c


class Audit(HTMLParser):
    """Collects what the accessibility checks need: h1s, landmarks, inputs and their labels, scripts."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.h1 += tag == "h1"


def audit(html: str) -> Audit:
    a = Audit()
    a.feed(html)
    return a


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_accessible_and_script_free_inline(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    a = audit(r.text)
    assert a.h1 == 1
    tags = [t for t, _ in a.tags]
    assert "main" in tags and "nav" in tags and "header" in tags
    assert any(t == "a" and at.get("class") == "skip" for t, at in a.tags)
    labels = {at.get("for") for t, at in a.tags if t == "label"}
    for t, at in a.tags:
        if t in ("input", "select", "textarea") and at.get("type") != "hidden":
            assert at.get("id") in labels or at.get("aria-label"), (path, at)
        if t == "script":
            assert at.get("src", "").startswith("/static/"), "inline script would break the CSP"
    assert ' style="' not in r.text


def test_overview_answers_as_of(client):
    today = client.get("/").text
    past = client.get("/", params={"as_of": "2010-01-01"}).text
    assert "Elizabeth Salmón" in today and "Elizabeth Salmón" not in past
    assert "Marzuki Darusman" not in today
    assert client.get("/", params={"as_of": "2010-13-01"}).status_code == 400


def test_posts_page_durations_and_chart(client):
    html = client.get("/posts", params={"as_of": "2020-01-01"}).text
    assert "<svg" in html and "as of 2020-01-01" in html
    # On 2020-01-01 the US envoy post had been vacant since 2017-01-13.
    row = re.search(r'#post-us_special_envoy_nkhr">.*?</tr>', html, re.S).group(0)
    assert "vacant" in row and "2017-01-13" in row and "2 years 11 months" in row


def test_laws_page_lists_events_with_sources(client):
    html = client.get("/laws").text
    assert "North Korean Human Rights Act of 2004" in html
    section = html[html.index('id="inst-us_nkhra_2004"'):]
    assert section.count("<tr>") >= 5 and 'rel="noopener noreferrer external"' in section
    before = client.get("/laws", params={"as_of": "2003-01-01"}).text
    assert "No events recorded by 2003-01-01" in before


def test_recommendations_filters_and_escaping(client, demo):
    html = client.get("/recommendations").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "<script>window" not in html
    total = int(re.search(r"<h2>(\d+) recommendation", html).group(1))
    dprk = client.get("/recommendations", params={"addressee": "dprk"}).text
    n = int(re.search(r"<h2>(\d+) recommendation", dprk).group(1))
    assert 0 < n < total and "to China" not in dprk
    assert client.get("/recommendations", params={"status": "bogus"}).status_code == 400


def test_indicators_page_has_a_chart_per_indicator(client):
    from nkmonitor.track.indicators import INDICATORS

    html = client.get("/indicators").text
    for name in INDICATORS:
        assert f'id="ind-{name}"' in html
    assert html.count("<svg") == len(INDICATORS)
    quarter = client.get("/indicators", params={"by": "quarter"}).text
    assert "Not shown by quarter" in quarter  # alignment is yearly only


def test_reader_escapes_title_outlet_and_text(client, demo):
    html = client.get(f"/documents/{demo['hostile_id']}").text
    assert "<script>window" not in html and "<img src=x" not in html and "<b>Outlet</b>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "Hostile &lt;b&gt;Outlet&lt;/b&gt;" in html


def test_document_list_pages_and_unknown_document(client, demo):
    first = client.get("/documents", params={"limit": 5}).text
    assert f"{demo['documents']} documents" in first and 'rel="next"' in first
    r = client.get("/documents/999999", headers={"accept": "text/html"})
    assert r.status_code == 404 and "no document with this id" in r.text and "Traceback" not in r.text


def test_review_edit_through_the_form(demo):
    app = create_app(demo["url"], web=WebSettings(secret_key="edit"))
    with TestClient(app, raise_server_exceptions=False) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)
        c.post("/signin", data={"username": "edna", "password": PASSWORDS["edna"], "csrf_token": token})
        store = open_store(demo["url"])
        from nkmonitor.store.suggestions import list_suggestions

        s = next(s for s in list_suggestions(store, status="suggested", limit=500)
                 if isinstance(s.payload.get("date"), str) and len(s.payload["date"]) == 10)
        form = c.get(f"/review/{s.id}/edit").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        new_date = s.payload["date"][:7]  # less precise, still consistent with the evidence
        r = c.post(f"/review/{s.id}", data={"csrf_token": token, "decision": "edit", f"field_date": new_date,
                                           "reason": "day not certain"}, follow_redirects=False)
        assert r.status_code == 303
        after = c.get(f"/api/suggestions/{s.id}").json()
        if "error=" in r.headers["location"]:
            pytest.fail(f"edit refused: {r.headers['location']}")
        assert after["status"] == "edited" and after["payload"]["date"] == new_date
        log = c.get("/api/review/log", params={"suggestion_id": s.id}).json()["items"][0]
        assert log["action"] == "edit" and log["reason"] == "day not certain" and log["actor"] == "edna"
        assert log["before"]["payload"]["date"] == s.payload["date"]


def test_cached_results_follow_review_decisions(demo):
    """Recommendations are cached by data version: accepting one shows at once."""
    app = create_app(demo["url"], web=WebSettings(secret_key="cache"))
    with TestClient(app, raise_server_exceptions=False) as c:
        from nkmonitor.store.suggestions import list_suggestions

        store = open_store(demo["url"])
        s = list_suggestions(store, kind="recommendation", status="suggested", limit=1)[0]

        def card() -> str:
            html = c.get("/recommendations").text
            anchor = html.index(f"#span-{s.id}\"")
            return html[html.rindex("<li id=\"rec-", 0, anchor):html.index("</li>", anchor)]

        assert "unreviewed" in card()
        token = c.get("/api/session").json()["csrf_token"]
        token = c.post("/api/session", json={"username": "edna", "password": PASSWORDS["edna"]},
                       headers={"X-CSRF-Token": token}).json()["csrf_token"]
        r = c.post(f"/api/suggestions/{s.id}/decision", json={"decision": "accept"}, headers={"X-CSRF-Token": token})
        assert r.status_code == 200, r.text
        assert "unreviewed" not in card()
