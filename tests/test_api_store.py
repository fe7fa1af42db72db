"""The API and sign-in on both database backends (SQLite file and PostgreSQL schema)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from test_web_demo import HOSTILE_TITLE, corpus_paths, write_hostile

from nkmonitor.pack import load_pack
from nkmonitor.pipeline import analyze_store, ingest_paths
from nkmonitor.store import open_store
from nkmonitor.web import auth, create_app
from nkmonitor.web.app import WebSettings


@pytest.fixture
def loaded(db_url, tmp_path):
    store = open_store(db_url)
    report = ingest_paths(store, [*corpus_paths(), write_hostile(tmp_path / "hostile")])
    analyze_store(store, load_pack())
    auth.add_user(store, "ed", "editor password", "editor")
    yield store, report
    store.close()


def test_api_on_both_backends(loaded, db_url):
    store, report = loaded
    app = create_app(db_url, web=WebSettings(secret_key="both"))
    with TestClient(app, raise_server_exceptions=False) as c:
        docs = c.get("/api/documents", params={"limit": 3}).json()
        assert docs["total"] == store.count_documents() and len(docs["items"]) == 3
        hits = c.get("/api/search", params={"q": "quokkafish"}).json()["items"]
        assert len(hits) == 1 and hits[0]["title"] == HOSTILE_TITLE
        # SQLite keeps the tags as text (escaped here); PostgreSQL's ts_headline drops them.
        assert "<mark>Quokkafish</mark>" in hits[0]["snippet"]
        assert "<" not in hits[0]["snippet"].replace("<mark>", "").replace("</mark>", "")
        queue = c.get("/api/suggestions", params={"status": "suggested"}).json()
        assert queue["total"] == len(c.get("/api/suggestions", params={"status": "suggested", "limit": 500}).json()["items"])
        sid = queue["items"][0]["id"]
        token = c.get("/api/session").json()["csrf_token"]
        for i in range(5):
            assert c.post("/api/session", json={"username": "ed", "password": f"bad {i}"},
                          headers={"X-CSRF-Token": token}).status_code == 401
        assert c.post("/api/session", json={"username": "ed", "password": "editor password"},
                      headers={"X-CSRF-Token": token}).status_code == 429
    # A fresh limit window: the other backend-independent path, signing in and deciding.
    with store.connect() as conn:
        from sqlalchemy import text

        conn.execute(text("DELETE FROM login_attempts"))
    with TestClient(app, raise_server_exceptions=False) as c:
        token = c.get("/api/session").json()["csrf_token"]
        token = c.post("/api/session", json={"username": "ed", "password": "editor password"},
                       headers={"X-CSRF-Token": token}).json()["csrf_token"]
        r = c.post(f"/api/suggestions/{sid}/decision", json={"decision": "reject"}, headers={"X-CSRF-Token": token})
        assert r.status_code == 200 and r.json()["suggestion"]["status"] == "rejected"
        for page in ("/", "/posts", "/recommendations", f"/documents/{hits[0]['id']}", "/review"):
            assert c.get(page).status_code == 200, page
