"""The REST API through a real app client on the demo database (documents, search, review, errors)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from test_web_demo import HOSTILE_TITLE, PASSWORDS, demo_database

from nkmonitor.store import open_store
from nkmonitor.web import create_app
from nkmonitor.web.app import WebSettings


@pytest.fixture(scope="module")
def demo():
    return demo_database()


@pytest.fixture(scope="module")
def app(demo):
    return create_app(demo["url"], web=WebSettings(secret_key="test-secret"))


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def sign_in(client, username: str) -> str:
    token = client.get("/api/session").json()["csrf_token"]
    r = client.post("/api/session", json={"username": username, "password": PASSWORDS[username]},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 200, r.text
    return r.json()["csrf_token"]


def test_documents_are_paged_with_totals(client, demo):
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["total"] == demo["documents"]
    assert len(first["items"]) == 2
    second = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert {d["id"] for d in first["items"]}.isdisjoint({d["id"] for d in second["items"]})
    assert all("text" not in d for d in first["items"])


def test_documents_filter_by_date(client):
    rows = client.get("/api/documents", params={"from": "2023", "limit": 100}).json()
    assert rows["items"], "the demo corpus has documents from 2023 on"
    assert all(d["published"] >= "2023" for d in rows["items"])
    assert client.get("/api/documents", params={"from": "2023-13"}).status_code == 400


def test_document_text_and_facts_have_consistent_spans(client, demo):
    store = open_store(demo["url"])
    for doc in client.get("/api/documents", params={"limit": 100}).json()["items"]:
        text = client.get(f"/api/documents/{doc['id']}/text").text
        assert text == store.get_document(doc["id"])["text"]
        facts = client.get(f"/api/documents/{doc['id']}/facts").json()
        assert facts["total"] == len(facts["items"]) or facts["total"] > facts["limit"]
        for f in facts["items"]:
            if f["span_start"] is not None:
                assert text[f["span_start"]:f["span_end"]] == f["evidence_text"]


def test_unknown_document_is_a_problem_without_trace(client):
    r = client.get("/api/documents/999999")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["code"] == "NK-IN-006" and body["status"] == 404
    assert "Traceback" not in r.text


def test_search_snippets_escape_document_text(client, demo):
    r = client.get("/api/search", params={"q": "pwned"})
    assert r.status_code == 200
    hits = r.json()["items"]
    assert [h["id"] for h in hits] == [demo["hostile_id"]]
    assert "<script" not in hits[0]["snippet"] and "&lt;script&gt;" in hits[0]["snippet"]
    assert "<mark>" in hits[0]["snippet"]
    assert hits[0]["title"] == HOSTILE_TITLE  # JSON carries the raw title; pages escape it


def test_search_pages_and_bad_query(client):
    everything = client.get("/api/search", params={"q": "envoy", "limit": 100}).json()["items"]
    assert len(everything) >= 2
    one = client.get("/api/search", params={"q": "envoy", "limit": 1, "offset": 1}).json()
    assert [h["id"] for h in one["items"]] == [everything[1]["id"]]
    bad = client.get("/api/search", params={"q": '"unclosed'})
    assert bad.status_code == 400 and bad.json()["code"] == "NK-DB-002"


def test_suggestions_filters_and_totals(client):
    allrows = client.get("/api/suggestions", params={"limit": 500}).json()
    assert allrows["total"] == len(allrows["items"]) > 0
    kind = allrows["items"][0]["type"]
    typed = client.get("/api/suggestions", params={"type": kind, "limit": 500}).json()
    assert typed["total"] == sum(1 for s in allrows["items"] if s["type"] == kind)
    assert client.get("/api/suggestions", params={"status": "bogus"}).status_code == 422


def test_decisions_need_an_editor_and_csrf(app, demo):
    sid = next(s["id"] for s in TestClient(app).get("/api/suggestions", params={"status": "suggested"}).json()["items"])
    url = f"/api/suggestions/{sid}/decision"
    with TestClient(app, raise_server_exceptions=False) as anon:
        token = anon.get("/api/session").json()["csrf_token"]
        assert anon.post(url, json={"decision": "reject"}, headers={"X-CSRF-Token": token}).status_code == 401
    with TestClient(app, raise_server_exceptions=False) as viewer:
        token = sign_in(viewer, "vera")
        assert viewer.post(url, json={"decision": "reject"}, headers={"X-CSRF-Token": token}).status_code == 403
    with TestClient(app, raise_server_exceptions=False) as editor:
        token = sign_in(editor, "edna")
        assert editor.post(url, json={"decision": "reject"}).status_code == 403  # no CSRF token
        assert editor.post(url, json={"decision": "reject"}, headers={"X-CSRF-Token": "forged"}).status_code == 403
        assert editor.get(f"/api/suggestions/{sid}").json()["status"] == "suggested"
        r = editor.post(url, json={"decision": "reject", "reason": "test"}, headers={"X-CSRF-Token": token})
        assert r.status_code == 200, r.text
        assert r.json()["suggestion"]["status"] == "rejected"
        log = editor.get("/api/review/log", params={"suggestion_id": sid}).json()["items"]
        assert log[0]["actor"] == "edna" and log[0]["action"] == "reject" and log[0]["reason"] == "test"
        undo = editor.post(f"/api/review/log/{log[0]['id']}/undo", headers={"X-CSRF-Token": token})
        assert undo.status_code == 200, undo.text
        assert editor.get(f"/api/suggestions/{sid}").json()["status"] == "suggested"


def test_forced_internal_error_shows_no_trace(demo):
    app = create_app(demo["url"], web=WebSettings(secret_key="x"))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret internals at /srv/app.py line 42")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
        assert r.status_code == 500
        assert r.headers["content-type"].startswith("application/problem+json")
        assert "secret internals" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
        page = c.get("/api/boom", headers={"accept": "text/html"})
        assert "secret internals" not in page.text


def test_security_headers_and_openapi(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}/text", "/api/search", "/api/suggestions",
              "/api/suggestions/{suggestion_id}/decision", "/api/posts", "/api/instruments", "/api/un-votes",
              "/api/recommendations", "/api/indicators/{name}"):
        assert p in paths, p
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text and "<script" not in docs.text


def test_private_site_requires_sign_in(demo):
    app = create_app(demo["url"], web=WebSettings(secret_key="p", private=True))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/documents").status_code == 401
        page = c.get("/documents", headers={"accept": "text/html"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/signin")
        assert c.get("/signin").status_code == 200
        sign_in(c, "vera")
        assert c.get("/api/documents").status_code == 200
