"""`nkmonitor serve` as a real process: it serves the dashboard, and --private closes it to visitors."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest

from test_web_demo import demo_database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, *extra: str):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "nkmonitor", "serve", "--db", db, "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited: {proc.stderr.read()}")
        try:
            httpx.get(base + "/api/session", timeout=2)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("serve did not answer within 60 s")


@pytest.mark.parametrize("private", [False, True])
def test_serve_command(private):
    db = demo_database()["url"]
    proc, base = serve(db, *(["--private"] if private else []))
    try:
        home = httpx.get(base + "/", headers={"accept": "text/html"}, follow_redirects=False)
        docs = httpx.get(base + "/api/documents")
        if private:
            assert home.status_code == 303 and home.headers["location"].startswith("/signin")
            assert docs.status_code == 401
        else:
            assert home.status_code == 200 and "State of play" in home.text
            assert docs.status_code == 200 and docs.json()["total"] >= 4
        assert "server" not in {k.lower() for k in home.headers}  # no server banner
    finally:
        proc.terminate()
        proc.wait(20)
    assert "Dashboard: http://127.0.0.1:" in proc.stderr.read()
