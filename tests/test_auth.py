"""Users, argon2 hashes, sessions, CSRF and the sign-in rate limit, on a fresh database per test."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from nkmonitor.errors import BadValue
from nkmonitor.store import open_store
from nkmonitor.web import auth, create_app
from nkmonitor.web.app import WebSettings


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "auth.db"))
    auth.add_user(s, "ed", "correct horse 1", "editor")
    yield s
    s.close()


def make_client(store, **web) -> TestClient:
    app = create_app(store.url, web=WebSettings(secret_key="k", **web))
    return TestClient(app, raise_server_exceptions=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_passwords_are_argon2_hashed(store):
    with store.connect(write=False) as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE username = 'ed'")).scalar_one()
    assert stored.startswith("$argon2id$") and "correct horse 1" not in stored
    assert auth.authenticate(store, "ed", "correct horse 1", "1.2.3.4").role == "editor"
    with pytest.raises(auth.SignInRefused):
        auth.authenticate(store, "ed", "wrong", "1.2.3.4")
    with pytest.raises(auth.SignInRefused):
        auth.authenticate(store, "nobody", "whatever", "1.2.3.4")


def test_user_management_refuses_bad_input(store):
    with pytest.raises(BadValue):
        auth.add_user(store, "ed", "another password", "viewer")  # exists
    with pytest.raises(BadValue):
        auth.add_user(store, "x", "short", "viewer")
    with pytest.raises(BadValue):
        auth.add_user(store, "y", "long enough pass", "superuser")
    assert [u.username for u in auth.list_users(store)] == ["ed"]


def test_sign_in_form_sets_a_hardened_session_cookie(store):
    c = make_client(store)
    form = c.get("/signin")
    r = c.post("/signin", data={"username": "ed", "password": "correct horse 1", "next": "/review",
                                "csrf_token": csrf_of(form.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    assert "Signed in as" in c.get("/documents").text
    secure = make_client(store, cookie_secure=True)
    assert "secure" in secure.get("/signin").headers["set-cookie"].lower()


def test_sign_in_needs_the_csrf_token(store):
    c = make_client(store)
    c.get("/signin")
    r = c.post("/signin", data={"username": "ed", "password": "correct horse 1"})
    assert r.status_code == 403
    r = c.post("/signin", data={"username": "ed", "password": "correct horse 1", "csrf_token": "0" * 64})
    assert r.status_code == 403


def test_no_open_redirect_after_sign_in(store):
    c = make_client(store)
    token = csrf_of(c.get("/signin").text)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        r = c.post("/signin", data={"username": "ed", "password": "correct horse 1", "next": target,
                                    "csrf_token": token}, follow_redirects=False)
        assert r.headers["location"] == "/"
        token = csrf_of(c.get("/signin").text)  # a sign-in starts a new session (and token)


def test_failed_sign_ins_are_rate_limited(store):
    c = make_client(store)
    token = csrf_of(c.get("/signin").text)
    codes = [c.post("/signin", data={"username": "ed", "password": f"guess {i}", "csrf_token": token}).status_code
             for i in range(6)]
    assert codes == [401] * 5 + [429]
    # Even the right password is refused while the limit holds.
    r = c.post("/signin", data={"username": "ed", "password": "correct horse 1", "csrf_token": token})
    assert r.status_code == 429 and "too many" in r.text
    with store.connect(write=False) as conn:
        rows = conn.execute(text("SELECT ok FROM login_attempts WHERE username = 'ed'")).all()
    assert len(rows) == 5 and not any(r.ok for r in rows)
    # Another user from another address is not affected.
    auth.add_user(store, "other", "another pass 1", "viewer")
    assert auth.authenticate(store, "other", "another pass 1", "9.9.9.9").username == "other"


def test_disabled_user_is_signed_out_at_once(store):
    c = make_client(store)
    token = csrf_of(c.get("/signin").text)
    c.post("/signin", data={"username": "ed", "password": "correct horse 1", "csrf_token": token})
    assert c.get("/api/session").json()["user"]["username"] == "ed"
    auth.set_disabled(store, "ed", True)
    assert c.get("/api/session").json()["user"] is None
    with pytest.raises(auth.SignInRefused):
        auth.authenticate(store, "ed", "correct horse 1", "1.2.3.4")


def test_sign_out_needs_csrf_and_ends_the_session(store):
    c = make_client(store)
    token = csrf_of(c.get("/signin").text)
    c.post("/signin", data={"username": "ed", "password": "correct horse 1", "csrf_token": token})
    assert c.post("/signout", data={}).status_code == 403
    token = c.get("/api/session").json()["csrf_token"]
    c.post("/signout", data={"csrf_token": token})
    assert c.get("/api/session").json()["user"] is None


def test_users_cli_reads_the_password_from_stdin(tmp_path):
    from typer.testing import CliRunner

    from nkmonitor.cli import app

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    r = runner.invoke(app, ["users", "add", "ann", "--role", "editor", "--password-stdin", "--db", db],
                      input="a long password\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["users", "list", "--json", "--db", db])
    assert '"role": "editor"' in r.stdout
    r = runner.invoke(app, ["users", "add", "bob", "--role", "root", "--password-stdin", "--db", db], input="a long password\n")
    assert r.exit_code == 2
    assert runner.invoke(app, ["users", "disable", "ann", "--db", db]).exit_code == 0
    s = open_store(db)
    assert auth.get_user(s, "ann").disabled
