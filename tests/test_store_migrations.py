"""Migration 0002 (current suggestions) on both backends: an archive created with 0001 only
migrates, the backfill marks the same suggestions current as the old "latest analysis" subquery,
and the review queue lists the same suggestions afterwards."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

import nkmonitor.store.db as db
from nkmonitor.store import open_store
from nkmonitor.store.suggestions import list_suggestions

from test_store import make_doc, story

# The definition of "current" before 0002: the suggestion belongs to its document's latest analysis.
OLD_CURRENT = "s.analysis_id = (SELECT max(a.id) FROM analyses a WHERE a.document_id = s.document_id)"


def _old_store(db_url, monkeypatch):
    """An archive as nkmonitor created it before 0002: only 0001 applied."""
    full = db.migrations
    with monkeypatch.context() as m:
        m.setattr(db, "migrations", lambda dialect: full(dialect)[:1])
        store = open_store(db_url)
    assert store.schema_version == 1
    return store


def _fill_with_old_schema(store, n_docs=12, seed=3):
    """Documents analyzed one to three times, with suggestions inserted as 0001-era code did (no
    superseded_at column), a few decided, one analysis deleted (suggestions left with no analysis)."""
    rng = random.Random(seed)
    doc_ids = [store.add_document(make_doc(story(100 + i), f"m{i}.txt")).document_id for i in range(n_docs)]
    with store.connect() as conn:
        for n, doc in enumerate(doc_ids):
            for run in range(rng.randint(1, 3)):
                at = f"2026-01-{run + 1:02d}T00:00:00Z"
                analysis = conn.execute(text(
                    "INSERT INTO analyses (document_id, text_hash, component, component_version, analyzed_at) "
                    "VALUES (:d, 'h', 'test', :v, :t) RETURNING id"), {"d": doc, "v": f"v{run}", "t": at}).scalar_one()
                for k in range(rng.randint(0, 4)):
                    conn.execute(text(
                        "INSERT INTO suggestions (analysis_id, document_id, kind, type, payload, fact_key, confidence, "
                        "status, created_at, updated_at) VALUES (:a, :d, 'fact', 'post_event', '{}', :fk, :c, :st, :t, :t)"),
                        {"a": analysis, "d": doc, "fk": f"key{k % 3}", "c": round(rng.random(), 3),
                         "st": rng.choice(["suggested", "suggested", "accepted", "rejected"]), "t": at})
            if n == 0:  # an analysis deleted: its suggestions keep no analysis and are not current
                conn.execute(text("DELETE FROM analyses WHERE id = (SELECT max(id) FROM analyses WHERE document_id = :d)"),
                             {"d": doc})
    return doc_ids


def _old_current_ids(store) -> list[int]:
    with store.connect(write=False) as conn:
        return [r[0] for r in conn.execute(text(f"SELECT s.id FROM suggestions s WHERE {OLD_CURRENT} ORDER BY s.id"))]


def test_old_archive_migrates_and_lists_the_same_suggestions(db_url, monkeypatch):
    old = _old_store(db_url, monkeypatch)
    _fill_with_old_schema(old)
    expected_current = _old_current_ids(old)
    with old.connect(write=False) as conn:
        all_ids = [r[0] for r in conn.execute(text("SELECT id FROM suggestions ORDER BY id"))]
        waiting_before = [r[0] for r in conn.execute(text(
            f"SELECT s.id FROM suggestions s WHERE {OLD_CURRENT} AND s.status = 'suggested' ORDER BY s.id"))]
    old.close()
    assert expected_current and len(expected_current) < len(all_ids)  # some rows are superseded

    store = open_store(db_url)  # applies 0002 with its backfill
    assert store.schema_version == 2
    listed = list_suggestions(store, limit=10_000)
    assert [s.id for s in listed] == expected_current
    assert [s.id for s in list_suggestions(store, status="suggested", limit=10_000)] == waiting_before
    everything = list_suggestions(store, limit=10_000, include_superseded=True)
    assert [s.id for s in everything] == all_ids
    assert {s.id for s in everything if s.current} == set(expected_current)
    with store.connect(write=False) as conn:
        # superseded rows carry when: the first later analysis, else their own last update
        missing = conn.execute(text("SELECT count(*) FROM suggestions WHERE superseded_at IS NULL AND NOT "
                                    f"({OLD_CURRENT.replace('s.', 'suggestions.')})")).scalar_one()
        assert missing == 0
    store.close()


def test_re_analysis_after_the_migration_supersedes_through_add_analysis(db_url, monkeypatch):
    from nkmonitor.records import Evidence, Extraction, Fact
    from nkmonitor.store.suggestions import add_analysis

    old = _old_store(db_url, monkeypatch)
    doc_ids = _fill_with_old_schema(old, n_docs=4)
    old.close()
    store = open_store(db_url)
    doc = doc_ids[1]
    before = {s.id for s in list_suggestions(store, document_id=doc, limit=1000)}
    fact = Fact(type="post_event", post="us_special_envoy_nkhr", person="robert_king", event="took_office",
                date="2009", confidence=0.8, evidence=Evidence(start=0, end=5, text="x"))
    with store.connect() as conn:
        _, new_ids = add_analysis(conn, document_id=doc, text_hash="h2", component="test", component_version="v9",
                                  pack_version=None, extraction=Extraction(document={}, facts=[fact]))
    now = list_suggestions(store, document_id=doc, limit=1000)
    assert [s.id for s in now] == new_ids and not before & set(new_ids)
    # the other documents are untouched
    assert _old_current_ids(store) == [s.id for s in list_suggestions(store, limit=10_000)]
    store.close()


@pytest.mark.parametrize("dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_queue_query_reads_the_partial_index(dialect, sqlite_url, request):
    """The review queue's filter is a plain column test the partial index covers (no per-row subquery)."""
    if dialect == "sqlite":
        store = open_store(sqlite_url)
        with store.connect(write=False) as conn:
            plan = " ".join(str(r[-1]) for r in conn.execute(text(
                "EXPLAIN QUERY PLAN SELECT s.id FROM suggestions s WHERE s.superseded_at IS NULL "
                "AND s.status = 'suggested' ORDER BY s.id LIMIT 50")))
        assert "suggestions_current_status" in plan
        store.close()
    else:
        store = open_store(request.getfixturevalue("pg_url"))
        with store.connect(write=False) as conn:
            names = {r[0] for r in conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'suggestions' AND schemaname = current_schema()"))}
        assert {"suggestions_current_status", "suggestions_current_confidence"} <= names
        store.close()
