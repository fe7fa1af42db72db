"""The archive commands through a real `nkmonitor` process on the shared corpus and small fixtures."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest


def run(*args: str, db: str, check: int | None = 0) -> subprocess.CompletedProcess:
    env = {**os.environ, "NKMONITOR_DB": db, "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "nkmonitor", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def test_done_when_seeds_ingest_twice_then_search(corpus_dir, db_url):
    seeds = str(corpus_dir / "seeds")
    first = json.loads(run("ingest", seeds, "--json", db=db_url).stdout)
    assert first["ingested"] == 5 and first["failed"] == 0
    second_proc = run("ingest", seeds, "--json", db=db_url)
    second = json.loads(second_proc.stdout)
    assert second["ingested"] == 0 and second["already_present"] == 5
    assert "5 already present" in second_proc.stderr

    hits = json.loads(run("search", '"special envoy"', "--json", db=db_url).stdout)
    assert hits, "the seeds talk about the special envoy"
    for hit in hits:
        assert {"id", "title", "date", "outlet", "score", "snippet"} <= set(hit)
        assert "<mark>" in hit["snippet"].lower()
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    listed = json.loads(run("documents", "--json", db=db_url).stdout)
    assert {h["id"] for h in hits} <= {d["id"] for d in listed}
    assert len(listed) == 5


def test_bad_inputs_fail_alone_and_exit_1(tmp_path, sqlite_url):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The special envoy met defectors in Seoul on 3 March 2023.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 20)
    proc = run("ingest", str(folder), "--json", db=sqlite_url, check=1)
    report = json.loads(proc.stdout)
    assert report["ingested"] == 1 and report["failed"] == 2
    failed = {os.path.basename(e["source"]) for e in report["errors"]}
    assert failed == {"empty.txt", "junk.html"}
    assert "empty.txt" in proc.stderr and "junk.html" in proc.stderr
    assert len(json.loads(run("documents", "--json", db=sqlite_url).stdout)) == 1


@pytest.fixture(scope="module")
def seeded(corpus_dir, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("seeded") / "nkmonitor.db")
    run("ingest", str(corpus_dir / "seeds"), str(corpus_dir / "dev"), db=db)
    return db


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "envoy (", "-envoy"])
def test_malformed_query_exit_2_clear_message(seeded, query):
    proc = run("search", "--", query, db=seeded, check=2)
    assert "NK-DB-002" in proc.stderr and proc.stdout == ""


def test_search_filters_and_human_output(seeded):
    all_hits = json.loads(run("search", "envoy", "--json", "--limit", "50", db=seeded).stdout)
    recent = json.loads(run("search", "envoy", "--json", "--from", "2023-01-01", "--limit", "50", db=seeded).stdout)
    assert recent and len(recent) < len(all_hits)
    assert all(h["date"] and h["date"][:4] >= "2023" for h in recent)
    prefix = json.loads(run("search", "envo*", "--json", "--limit", "50", db=seeded).stdout)
    assert len(prefix) >= len(all_hits)
    human = run("search", "envoy", "--limit", "3", db=seeded)
    assert human.stdout.count("#") >= 3 and "3 documents" in human.stderr
    assert run("search", "envoy", "--from", "last week", db=seeded, check=2).stderr.count("NK-IN-006") == 1


def test_documents_show_and_export(seeded, tmp_path):
    listed = json.loads(run("documents", "list", "--limit", "3", "--json", db=seeded).stdout)
    assert len(listed) == 3
    shown = json.loads(run("documents", "show", str(listed[0]["id"]), "--json", db=seeded).stdout)
    assert shown["id"] == listed[0]["id"] and shown["text"] and shown["sources"]
    assert "NK-IN-006" in run("documents", "show", "9999", db=seeded, check=2).stderr
    rows = list(csv.DictReader(io.StringIO(run("export", "documents", "--format", "csv", db=seeded).stdout)))
    jsonl = run("export", "documents", "--format", "jsonl", db=seeded).stdout.splitlines()
    out = tmp_path / "docs.parquet"
    run("export", "documents", "--format", "parquet", "-o", str(out), db=seeded)
    import pyarrow.parquet as pq

    assert len(rows) == len(jsonl) == pq.read_table(out).num_rows == 21
    assert "NK-IN-006" in run("export", "documents", "--format", "parquet", db=seeded, check=2).stderr


def test_unusable_database_exit_3(tmp_path):
    for db in (str(tmp_path / "no" / "such" / "x.db"), "postgresql://nobody@127.0.0.1:1/none"):
        proc = run("search", "envoy", db=db, check=3)
        assert "NK-DB-001" in proc.stderr
    assert "NK-DB-001" in run("ingest", str(tmp_path), db=str(tmp_path / "no" / "x.db"), check=3).stderr
