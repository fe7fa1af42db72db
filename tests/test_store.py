"""Store tests on both backends: migrations, dedup, one transaction per document, search, export."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from sqlalchemy import text

from nkmonitor.errors import BadValue, QueryError, StoreError
from nkmonitor.ingest import content_hash, raw_hash
from nkmonitor.records import Document
from nkmonitor.store import decode_json, open_store
from nkmonitor.store.export import export_documents

TABLES = {"schema_migrations", "documents", "document_sources", "minhash_signatures", "analyses",
          "suggestions", "review_log", "users", "login_attempts"}

# Filler vocabulary, disjoint from the words the search tests look for.
WORDS = ("delegate appointment abstention repatriation forced labour prison camp defector testimony "
         "ambassador commission inquiry rapporteur council assembly sanctions border refugee "
         "accountability tribunal mandate").split()


def make_doc(text_: str, source: str, **fields) -> Document:
    return Document(source=source, text=text_, raw_hash=raw_hash(text_.encode() + source.encode()),
                    content_hash=content_hash(text_), reader="text", reader_version="text/1",
                    size_bytes=len(text_.encode()), **fields)


def story(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def tables(store) -> set[str]:
    with store.connect(write=False) as conn:
        if store.dialect == "sqlite":
            rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table')"))
        else:
            rows = conn.execute(text("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))
        return {r[0] for r in rows}


def test_open_creates_full_schema_once(db_url):
    first = open_store(db_url)
    assert TABLES <= tables(first)
    first.close()
    again = open_store(db_url)  # reopening applies nothing twice
    with again.connect(write=False) as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))]
    assert versions == [1, 2]
    assert again.schema_version == 2
    again.close()


def test_postgres_store_stays_in_its_schema(pg_url):
    store = open_store(pg_url)
    schema = pg_url.rsplit("%3D", 1)[1]
    with store.connect(write=False) as conn:
        assert conn.execute(text("SELECT current_schema()")).scalar_one() == schema
        where = {r[0] for r in conn.execute(text(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'documents'"))}
    assert schema in where and "public" not in where
    store.close()


def test_newer_schema_is_refused(db_url):
    store = open_store(db_url)
    with store.connect() as conn:
        conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')"))
    store.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_exact_duplicates_and_already_present(store):
    doc = make_doc(story(1), "a.txt", title="Envoy named")
    assert store.add_document(doc).status == "ingested"
    again = store.add_document(doc)
    assert again.status == "already_present"
    other_copy = make_doc(story(1).upper(), "b.txt")  # same normalized text, other bytes and source
    dup = store.add_document(other_copy)
    assert dup.status == "duplicate" and dup.document_id == again.document_id
    assert store.count_documents() == 1
    shown = store.get_document(dup.document_id)
    assert [s["source"] for s in shown["sources"]] == ["a.txt", "b.txt"]


def test_near_duplicate_recorded_against_canonical(store):
    near = store.near_index()
    body = story(2, 400)
    first = store.add_document(make_doc("Seoul, Yonhap. " + body, "wire1.txt"), near)
    second = store.add_document(make_doc("Reprinted by The Daily Example, March 2023. " + body, "wire2.txt"), near)
    unrelated = store.add_document(make_doc(story(3, 400), "other.txt"), near)
    assert first.status == "ingested"
    assert second.status == "near_duplicate"
    assert second.duplicate_of == first.document_id and 0.8 <= second.similarity < 1.0
    assert unrelated.status == "ingested"
    # A reprint of the reprint points at the root, not at the middle of the chain.
    third = store.add_document(make_doc("Another header line here. " + body + " extra", "wire3.txt"), near)
    assert third.status == "near_duplicate" and third.duplicate_of == first.document_id
    row = store.get_document(second.document_id)
    assert row["duplicate_kind"] == "near" and row["duplicate_of"] == first.document_id
    assert store.get_document(first.document_id)["near_duplicates"] == [second.document_id, third.document_id]


def test_near_index_built_lazily_from_stored_signatures(db_url):
    body = story(4, 400)
    store = open_store(db_url)
    store.add_document(make_doc("Header A. " + body, "x1.txt"), store.near_index())
    store.close()
    # A later run (new process, new index) still finds the earlier document.
    store = open_store(db_url)
    loads = []
    index = store.near_index()
    original = index._load
    index._load = lambda: (loads.append(1), *original())[1:]
    for i in range(3):
        store.add_document(make_doc(f"Header {i}b. " + body, f"x{i}b.txt"), index)
    assert loads == [1]  # loaded once, then kept up to date in memory
    assert [r["duplicate_of"] for r in store.list_documents()] == [1, 1, 1, None]
    store.close()


def test_failed_document_leaves_nothing_behind(store):
    # A real trigger in the database refuses the source row, after the document row (and its
    # FTS entry) was written in the same transaction: everything must roll back.
    with store.connect() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON document_sources WHEN new.source = 'bad.txt' "
                              "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"))
        else:
            conn.execute(text("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                              "IF NEW.source = 'bad.txt' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; "
                              "RETURN NEW; END $$"))
            conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON document_sources FOR EACH ROW EXECUTE FUNCTION refuse()"))
    with pytest.raises(StoreError, match="bad.txt"):
        store.add_document(make_doc("special envoy " + story(5), "bad.txt"))
    store.add_document(make_doc("special envoy " + story(6), "good.txt"))
    with store.connect(write=False) as conn:
        for table in ("documents", "document_sources", "minhash_signatures"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 1
    assert [h.source for h in store.search("envoy")] == ["good.txt"]
    assert store.check_integrity() == []


@pytest.fixture
def corpus_store(store):
    docs = [
        make_doc("The special envoy for North Korean human rights was named. " + story(10, 80), "d1.txt",
                 title="Special envoy named", outlet="Yonhap", published="2023-01-27", language="en"),
        make_doc("A report on envoys and detention. The envoy visited. The envoy spoke. " + story(11, 80), "d2.txt",
                 title="Report", outlet="NK News", published="2023", language="en"),
        make_doc("The assembly adopted the resolution by consensus. " + story(12, 80), "d3.txt",
                 title="Resolution adopted", outlet="UN News", published="2022-12-16", language="en"),
        make_doc("북한 인권 특사 임명 special envoy", "d4.txt", title="특사", outlet="Yonhap", published="2023-02",
                 language="ko"),
        make_doc("An undated note on special arrangements for the envoy.", "d5.txt", title="Note"),
    ]
    for d in docs:
        store.add_document(d)
    return store


def ids(hits) -> list[int]:
    return [h.id for h in hits]


def test_search_phrase_prefix_boolean(corpus_store):
    s = corpus_store
    phrase = s.search('"special envoy"')
    assert set(ids(phrase)) == {1, 4}  # d5 has both words but not side by side
    assert phrase[0].id == 1  # the phrase is in its title too
    assert all("<mark>" in h.snippet for h in phrase)
    assert set(ids(s.search("envo*"))) == {1, 2, 4, 5}
    assert set(ids(s.search("envoy -special"))) == {2}
    assert set(ids(s.search("envoy NOT special"))) == {2}
    assert set(ids(s.search("resolution OR detention"))) >= {2, 3}
    assert set(ids(s.search("(resolution OR detention) consensus"))) == {3}
    assert ids(s.search("특사")) == [4]


def test_search_ranks_and_highlights(corpus_store):
    hits = corpus_store.search("envoy", mark=("[", "]"))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all("[" in h.snippet and "]" in h.snippet for h in hits)
    assert {"id", "title", "date", "outlet", "score", "snippet"} <= set(hits[0].to_json())


def test_search_filters(corpus_store):
    s = corpus_store
    assert set(ids(s.search("envoy", date_from="2023-01-01"))) == {1, 2, 4}
    # d2 is dated only "2023": it may be from February, so it matches a February window.
    assert set(ids(s.search("envoy", date_from="2023-02", date_to="2023-02-28"))) == {2, 4}
    assert set(ids(s.search("envoy", date_to="2022"))) == set()
    assert set(ids(s.search("envoy", outlet="yonhap"))) == {1, 4}
    assert set(ids(s.search("envoy", language="ko"))) == {4}
    assert len(s.search("envoy", limit=1)) == 1


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "", "   ", "envoy AND", "OR envoy", "(envoy",
                                   "envoy)", "-envoy", "NOT", "()", "*"])
def test_malformed_queries_raise_query_error(corpus_store, query):
    with pytest.raises(QueryError) as info:
        corpus_store.search(query)
    assert info.value.code == "NK-DB-002"


@pytest.mark.parametrize("query", ["NEAR(envoy special) title:x ^y 'z' \\ ;-- DROP TABLE documents",
                                   "envoy's", "U.N. envoy", "co-sponsor*", "특사*"])
def test_odd_queries_run_safely(corpus_store, query):
    assert isinstance(corpus_store.search(query), list)
    assert corpus_store.count_documents() == 5


@pytest.mark.parametrize("bad", ["2023-13", "yesterday", "2023-02-30", "23"])
def test_bad_dates_are_refused(corpus_store, bad):
    with pytest.raises(BadValue, match=bad):
        corpus_store.search("envoy", date_from=bad)


def test_unknown_document_id(store):
    with pytest.raises(BadValue, match="document 42"):
        store.get_document(42)


def test_export_round_trips(corpus_store, tmp_path):
    import pyarrow.parquet as pq

    n = corpus_store.count_documents()
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"docs.{fmt}"
        assert export_documents(corpus_store, fmt, out) == n
        assert not list(tmp_path.glob(".*.partial"))
        if fmt == "csv":
            rows = list(csv.DictReader(out.open(encoding="utf-8")))
            assert json.loads(rows[3]["metadata"]) == {}
        elif fmt == "jsonl":
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        else:
            rows = pq.read_table(out).to_pylist()
        assert [int(r["id"]) for r in rows] == list(range(1, n + 1))
        assert rows[3]["title"] == "특사" and rows[0]["published"] == "2023-01-27"
    buf = io.StringIO()
    assert export_documents(corpus_store, "jsonl", stream=buf) == n
    with pytest.raises(BadValue):
        export_documents(corpus_store, "parquet")
    with pytest.raises(BadValue):
        export_documents(corpus_store, "xml", tmp_path / "x")


def test_metadata_and_sample_flag(store):
    out = store.add_document(make_doc(story(20), "s.txt", metadata={"sample": True, "note": "ours"}))
    row = store.get_document(out.document_id)
    assert row["is_sample"] is True and row["metadata"] == {"sample": True, "note": "ours"}
    with store.connect(write=False) as conn:
        raw = conn.execute(text("SELECT metadata FROM documents")).scalar_one()
    assert decode_json(raw)["note"] == "ours"


def test_bulk_load_skips_stored_texts(store):
    docs = [make_doc("bulkmarker " + story(100 + i, 50), f"b{i}.txt") for i in range(25)]
    assert store.bulk_load(docs[:10], batch=4) == 10
    assert store.bulk_load(docs, batch=7) == 15
    assert store.count_documents() == 25
    assert len(store.search("bulkmarker", limit=100)) == 25
    assert store.check_integrity() == []


def test_unusable_databases_give_store_errors(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path / "missing" / "x.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))
    with pytest.raises(StoreError, match="127.0.0.1:1"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError):
        open_store("mysql://x/y")
