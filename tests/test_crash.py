"""Kill an ingest mid-run (kill -9, Ctrl-C): the database stays consistent and a rerun completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from nkmonitor.ingest import content_hash
from nkmonitor.store import open_store

N_DOCS = 300
VOCAB = ("special envoy human rights resolution general assembly council inquiry detention camp "
         "repatriation defectors refugees abductions sanctions report rapporteur accountability "
         "testimony famine labour prison border china japan seoul pyongyang geneva vote").split()


def make_corpus(folder: Path, n: int = N_DOCS) -> list[Path]:
    folder.mkdir()
    rng = random.Random(7)
    paths = []
    for i in range(n):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(300, 600))]
        # A unique token per document keeps every text distinct (no near-duplicates by chance).
        body = f"Report number doc{i:04d}x. " + " ".join(words) + "."
        path = folder / f"doc{i:04d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def count(store) -> int:
    with store.connect(write=False) as conn:
        return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())


def start_ingest(folder: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "nkmonitor", "ingest", str(folder), "--json", "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_some(proc: subprocess.Popen, store, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        n = count(store)
        if n >= at_least:
            return n
        assert proc.poll() is None, f"ingest ended before it could be interrupted: {proc.stderr.read()}"
        time.sleep(0.01)
    raise AssertionError("ingest made no progress")


def assert_consistent(store) -> int:
    assert store.check_integrity() == []
    with store.connect(write=False) as conn:
        docs = conn.execute(text("SELECT id, text, content_hash FROM documents")).all()
        for table in ("minhash_signatures",):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == len(docs)
        with_source = conn.execute(text("SELECT count(DISTINCT document_id) FROM document_sources")).scalar_one()
        assert with_source == len(docs)
    # No half document: every stored text is whole (its hash is that of a complete file).
    assert all(content_hash(row.text) == row.content_hash and row.text.endswith(".") for row in docs)
    if docs:
        probe = docs[len(docs) // 2].text.split()[2]  # the document's unique token
        assert [h.id for h in store.search(probe)] == [docs[len(docs) // 2].id]
    return len(docs)


def test_kill_9_mid_ingest_then_resume(tmp_path, db_url):
    make_corpus(tmp_path / "corpus")
    store = open_store(db_url)  # migrate first, so the kill lands among documents
    proc = start_ingest(tmp_path / "corpus", db_url)
    try:
        wait_for_some(proc, store, at_least=30)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    stored = assert_consistent(store)
    assert 30 <= stored < N_DOCS
    store.close()

    rerun = subprocess.run([sys.executable, "-m", "nkmonitor", "ingest", str(tmp_path / "corpus"), "--json",
                            "--db", db_url], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["already_present"] == stored
    assert report["ingested"] == N_DOCS - stored and report["near_duplicates"] == 0

    store = open_store(db_url)
    assert assert_consistent(store) == N_DOCS
    with store.connect(write=False) as conn:
        per_source = conn.execute(text("SELECT source, count(*) FROM document_sources GROUP BY source")).all()
    assert len(per_source) == N_DOCS and {n for _, n in per_source} == {1}
    store.close()


def test_ctrl_c_stops_cleanly(tmp_path, sqlite_url):
    make_corpus(tmp_path / "corpus", n=200)
    store = open_store(sqlite_url)
    proc = start_ingest(tmp_path / "corpus", sqlite_url)
    wait_for_some(proc, store, at_least=10)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    report = json.loads(out)
    assert report["interrupted"] is True
    # The signal may land between a commit and the report's count of it: at most one apart.
    assert 0 <= assert_consistent(store) - report["ingested"] <= 1
    store.close()


def test_two_concurrent_ingests_store_each_document_once(tmp_path, db_url):
    make_corpus(tmp_path / "corpus", n=120)
    open_store(db_url).close()
    procs = [start_ingest(tmp_path / "corpus", db_url) for _ in range(2)]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    # Whoever came second for a document saw it as already present (or as the same text).
    assert sum(r["ingested"] for r in reports) == 120
    assert sum(r["already_present"] + r["duplicates"] for r in reports) == 120
    store = open_store(db_url)
    assert assert_consistent(store) == 120
    store.close()
