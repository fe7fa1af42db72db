"""The Store: one interface over SQLite and PostgreSQL for documents, dedup and search."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator, Literal

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from nkmonitor.errors import BadValue, QueryError, StoreError
from nkmonitor.pack.dates import parse_edtf
from nkmonitor.records import Document
from nkmonitor.store import dedup
from nkmonitor.store.db import _reason, create_db_engine, migrate, redact, transaction, utc_now
from nkmonitor.store.query import parse_query, to_fts5, to_tsquery

Status = Literal["ingested", "duplicate", "near_duplicate", "already_present"]

# Columns of `documents` in export order (search_vector, PostgreSQL only, is left out).
DOCUMENT_COLUMNS = (
    "id", "content_hash", "raw_hash", "source", "reader", "reader_version", "title", "author",
    "outlet", "url", "published", "published_precision", "published_from", "language",
    "size_bytes", "is_sample", "duplicate_of", "duplicate_kind", "similarity", "ingested_at",
    "metadata", "text",
)
LIST_COLUMNS = ("id", "title", "published", "outlet", "language", "source", "reader", "size_bytes",
                "duplicate_of", "similarity", "ingested_at")


def decode_json(value: Any) -> Any:
    """A JSON column's value as Python: PostgreSQL (JSONB) gives objects, SQLite gives text."""
    if value is None or not isinstance(value, (str, bytes)):
        return value
    return json.loads(value)


@dataclass
class AddOutcome:
    """What storing one document did."""

    status: Status
    document_id: int
    source: str
    duplicate_of: int | None = None
    similarity: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class SearchHit:
    id: int
    title: str | None
    date: str | None
    outlet: str | None
    language: str | None
    score: float
    snippet: str
    source: str
    duplicate_of: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def check_date(value: str | None, name: str) -> str | None:
    """A --from/--to bound as EDTF text (2023, 2023-10, 2023-10-13); BadValue otherwise."""
    if value is None:
        return None
    value = value.strip()
    try:
        parse_edtf(value)
    except ValueError:
        raise BadValue("not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", subject=f"{name} {value}") from None
    return value


def document_filters(prefix: str = "", *, outlet: str | None = None, language: str | None = None,
                     date_from: str | None = None, date_to: str | None = None) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions and parameters for the document filters shared by search and browsing.

    Dates are compared at the document's own precision: a document dated 2023 matches a
    `date_from` of 2023-06, because it may well be from the second half of that year.
    Outlet and language compare case-insensitively. `prefix` is the table alias ("d.").
    """
    where: list[str] = []
    params: dict[str, Any] = {}
    published = f"{prefix}published"
    if date_from:
        where.append(f"{published} IS NOT NULL AND {published} >= substr(:dfrom, 1, length({published}))")
        params["dfrom"] = date_from
    if date_to:
        where.append(f"{published} IS NOT NULL AND {published} <= substr(:dto, 1, length({published}))")
        params["dto"] = date_to
    if outlet:
        where.append(f"lower({prefix}outlet) = lower(:outlet)")
        params["outlet"] = outlet
    if language:
        where.append(f"lower({prefix}language) = lower(:lang)")
        params["lang"] = language
    return where, params


class Store:
    """An opened, migrated archive database. Use `connect()` for queries of your own."""

    def __init__(self, url: str):
        self.url = url
        self.engine, self.dialect = create_db_engine(url)
        try:
            self.schema_version = migrate(self.engine, self.dialect).version
        except StoreError as err:
            self.engine.dispose()
            if not err.subject:
                err.subject = redact(url)
            raise

    # -- generic access for other modules -------------------------------------------------
    @contextmanager
    def connect(self, write: bool = True) -> Iterator[Connection]:
        """A SQLAlchemy connection inside one transaction (commit on success, rollback on error).

        Write with `sqlalchemy.text()` and named parameters; the SQL is the same on both
        backends for plain tables. JSON columns come back as text on SQLite and as objects
        on PostgreSQL: read them through `decode_json`. `write=False` lets SQLite readers run
        beside a writer.
        """
        try:
            with transaction(self.engine, self.dialect, write=write) as conn:
                yield conn
        except StoreError as err:
            if not err.subject:
                err.subject = redact(self.url)
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- documents -----------------------------------------------------------------------
    def near_index(self) -> dedup.NearDuplicateIndex:
        """A near-duplicate index over this store's signatures (loaded on first use)."""

        def load() -> Iterator[tuple[int, bytes]]:
            with self.connect(write=False) as conn:
                result = conn.execution_options(yield_per=2000).execute(
                    text("SELECT document_id, signature FROM minhash_signatures ORDER BY document_id"))
                for doc_id, blob in result:
                    yield int(doc_id), blob

        return dedup.NearDuplicateIndex(load)

    def add_document(self, doc: Document, near: dedup.NearDuplicateIndex | None = None) -> AddOutcome:
        """Store one document in one transaction, unless it is already there.

        Same source and same bytes: already present. Same normalized text: the source is
        recorded against the existing document. Near-identical text (MinHash over `near`):
        stored, with `duplicate_of` the canonical document and the similarity.
        """
        mh = dedup.signature(doc.text)
        for attempt in (1, 2):
            try:
                outcome = self._add(doc, mh, near)
                break
            except IntegrityError as err:
                # Another process stored the same text or source between our check and insert;
                # the second attempt sees its row and records a duplicate instead.
                if attempt == 2:
                    raise StoreError(f"could not store the document: {_reason(err)}", subject=doc.source) from err
            except DBAPIError as err:
                raise StoreError(f"could not store the document: {_reason(err)}", subject=doc.source) from err
        if near is not None and outcome.status in ("ingested", "near_duplicate"):
            near.add(outcome.document_id, mh)
        return outcome

    def _add(self, doc: Document, mh, near: dedup.NearDuplicateIndex | None) -> AddOutcome:
        now = utc_now()
        with self.connect() as conn:
            row = conn.execute(text("SELECT document_id FROM document_sources WHERE source = :s AND raw_hash = :r"),
                               {"s": doc.source, "r": doc.raw_hash}).first()
            if row:
                return AddOutcome("already_present", int(row[0]), doc.source)
            row = conn.execute(text("SELECT id, duplicate_of FROM documents WHERE content_hash = :h"),
                               {"h": doc.content_hash}).first()
            if row:
                self._add_source(conn, int(row[0]), doc, now)
                return AddOutcome("duplicate", int(row[0]), doc.source)
            canonical, similarity = None, None
            if near is not None:
                match = near.find(mh)
                if match:
                    canonical, similarity = match
                    # Point at the root of a cluster, so a chain of reprints has one canonical.
                    root = conn.execute(text("SELECT duplicate_of FROM documents WHERE id = :i"),
                                        {"i": canonical}).first()
                    if root is None:
                        canonical, similarity = None, None
                    elif root[0] is not None:
                        canonical = int(root[0])
            doc_id = self._insert(conn, doc, now, canonical, similarity)
            conn.execute(text("INSERT INTO minhash_signatures (document_id, signature) VALUES (:i, :b)"),
                         {"i": doc_id, "b": dedup.to_bytes(mh)})
            self._add_source(conn, doc_id, doc, now)
        if canonical is not None:
            return AddOutcome("near_duplicate", doc_id, doc.source, canonical, round(similarity, 4))
        return AddOutcome("ingested", doc_id, doc.source)

    @staticmethod
    def _add_source(conn: Connection, doc_id: int, doc: Document, now: str) -> None:
        conn.execute(text("INSERT INTO document_sources (document_id, source, raw_hash, seen_at) "
                          "VALUES (:d, :s, :r, :t)"), {"d": doc_id, "s": doc.source, "r": doc.raw_hash, "t": now})

    @staticmethod
    def _row(doc: Document, now: str, canonical: int | None = None, similarity: float | None = None) -> dict:
        meta = doc.metadata or {}
        return {
            "content_hash": doc.content_hash, "raw_hash": doc.raw_hash, "source": doc.source,
            "reader": doc.reader, "reader_version": doc.reader_version, "title": doc.title,
            "author": doc.author, "outlet": doc.outlet, "url": doc.url, "published": doc.published,
            "published_precision": doc.published_precision, "published_from": doc.published_from,
            "language": doc.language, "text": doc.text,
            "metadata": json.dumps(meta, ensure_ascii=False, default=str),
            "size_bytes": doc.size_bytes, "is_sample": bool(meta.get("sample") or meta.get("is_sample")),
            "duplicate_of": canonical, "duplicate_kind": "near" if canonical is not None else None,
            "similarity": similarity, "ingested_at": now,
        }

    _INSERT = text(
        "INSERT INTO documents (content_hash, raw_hash, source, reader, reader_version, title, author, outlet, "
        "url, published, published_precision, published_from, language, text, metadata, size_bytes, is_sample, "
        "duplicate_of, duplicate_kind, similarity, ingested_at) VALUES (:content_hash, :raw_hash, :source, "
        ":reader, :reader_version, :title, :author, :outlet, :url, :published, :published_precision, "
        ":published_from, :language, :text, :metadata, :size_bytes, :is_sample, :duplicate_of, "
        ":duplicate_kind, :similarity, :ingested_at) RETURNING id")

    def _insert(self, conn: Connection, doc: Document, now: str, canonical, similarity) -> int:
        return int(conn.execute(self._INSERT, self._row(doc, now, canonical, similarity)).scalar_one())

    def bulk_load(self, docs: Iterable[Document], batch: int = 1000) -> int:
        """Insert many documents fast, for benchmarks and trusted imports.

        Skips near-duplicate detection and signatures; a text already stored is skipped.
        Each batch is one transaction. Returns how many rows were inserted.
        """
        conflict = " ON CONFLICT (content_hash) DO NOTHING"
        insert = text(str(self._INSERT).replace(" RETURNING id", conflict))
        sources = text("INSERT INTO document_sources (document_id, source, raw_hash, seen_at) "
                       "SELECT id, source, raw_hash, ingested_at FROM documents WHERE id > :after "
                       "ON CONFLICT (source, raw_hash) DO NOTHING")
        count = 0
        buf: list[Document] = []

        def flush() -> int:
            now = utc_now()
            with self.connect() as conn:
                after = conn.execute(text("SELECT coalesce(max(id), 0) FROM documents")).scalar_one()
                conn.execute(insert, [self._row(d, now) for d in buf])
                conn.execute(sources, {"after": after})
                return conn.execute(text("SELECT count(*) FROM documents WHERE id > :a"), {"a": after}).scalar_one()

        try:
            for doc in docs:
                buf.append(doc)
                if len(buf) >= batch:
                    count += flush()
                    buf.clear()
            if buf:
                count += flush()
        except DBAPIError as err:
            raise StoreError(f"bulk load failed: {_reason(err)}", subject=redact(self.url)) from err
        return count

    def _document_dict(self, row) -> dict[str, Any]:
        data = dict(row._mapping)
        if "metadata" in data:
            data["metadata"] = decode_json(data["metadata"])
        if "is_sample" in data:
            data["is_sample"] = bool(data["is_sample"])
        return data

    def get_document(self, doc_id: int) -> dict[str, Any]:
        """One document with all its columns and the list of its sources; BadValue if unknown."""
        with self.connect(write=False) as conn:
            row = conn.execute(text(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id = :i"),
                               {"i": doc_id}).first()
            if row is None:
                raise BadValue("no document with this id", subject=f"document {doc_id}",
                               hint="see `nkmonitor documents` for ids")
            data = self._document_dict(row)
            data["sources"] = [dict(r._mapping) for r in conn.execute(
                text("SELECT source, raw_hash, seen_at FROM document_sources WHERE document_id = :i ORDER BY id"),
                {"i": doc_id})]
            data["near_duplicates"] = [int(r[0]) for r in conn.execute(
                text("SELECT id FROM documents WHERE duplicate_of = :i ORDER BY id"), {"i": doc_id})]
        return data

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Documents, newest ingested first (without their text)."""
        with self.connect(write=False) as conn:
            rows = conn.execute(text(f"SELECT {', '.join(LIST_COLUMNS)} FROM documents ORDER BY id DESC "
                                     "LIMIT :l OFFSET :o"), {"l": limit, "o": offset})
            return [self._document_dict(r) for r in rows]

    def count_documents(self) -> int:
        with self.connect(write=False) as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())

    def iter_documents(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every document with all columns, in id order, a batch at a time (bounded memory)."""
        last = 0
        cols = ", ".join(DOCUMENT_COLUMNS)
        while True:
            with self.connect(write=False) as conn:
                rows = [self._document_dict(r) for r in conn.execute(
                    text(f"SELECT {cols} FROM documents WHERE id > :a ORDER BY id LIMIT :n"), {"a": last, "n": batch})]
            if not rows:
                return
            yield from rows
            last = rows[-1]["id"]

    # -- search --------------------------------------------------------------------------
    def search(self, query: str, *, date_from: str | None = None, date_to: str | None = None,
               outlet: str | None = None, language: str | None = None, limit: int = 20,
               mark: tuple[str, str] = ("<mark>", "</mark>")) -> list[SearchHit]:
        """Ranked full-text search with highlighted snippets; QueryError for a malformed query.

        Dates are compared at the document's own precision: a document dated 2023 matches
        --from 2023-06, because it may well be from the second half of that year.
        """
        node = parse_query(query)
        date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
        if limit < 1:
            raise BadValue("the limit must be at least 1", subject=f"--limit {limit}")
        where, params = document_filters("d.", outlet=outlet, language=language, date_from=date_from, date_to=date_to)
        params.update({"limit": limit, "s": mark[0], "e": mark[1]})
        extra = "".join(f" AND {w}" for w in where)
        if self.dialect == "sqlite":
            params["q"] = to_fts5(node)
            # Rank first, then make snippets only for the rows returned (snippet() is costly and
            # SQLite would otherwise compute it for every match before sorting).
            # Title hits weigh five times body hits; bm25 is lower-is-better, so negate it.
            if extra:
                sql = ("SELECT d.id, -bm25(documents_fts, 5.0, 1.0) AS score "
                       "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                       f"WHERE documents_fts MATCH :q{extra} ORDER BY bm25(documents_fts, 5.0, 1.0), d.id LIMIT :limit")
            else:  # without filters the FTS table alone answers, 3-4 times faster than the join
                sql = ("SELECT rowid AS id, -bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts "
                       "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts, 5.0, 1.0), rowid LIMIT :limit")
            second = ("SELECT d.id, d.title, d.published, d.outlet, d.language, d.source, d.duplicate_of, "
                      "snippet(documents_fts, -1, :s, :e, '…', 24) AS snippet "
                      "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                      "WHERE documents_fts MATCH :q AND documents_fts.rowid IN ({ids})")
        else:
            params["q"] = to_tsquery(node)
            params["opts"] = (f'StartSel="{mark[0]}", StopSel="{mark[1]}", MaxWords=35, MinWords=15, '
                              'MaxFragments=2, FragmentDelimiter=" … "')
            # Headlines are costly, so they are made only for the rows that are returned.
            sql = ("WITH q AS (SELECT to_tsquery('english', :q) AS q), hits AS ("
                   "SELECT d.id, ts_rank(d.search_vector, q.q) AS score FROM documents d, q "
                   f"WHERE d.search_vector @@ q.q{extra} ORDER BY score DESC, d.id LIMIT :limit) "
                   "SELECT d.id, d.title, d.published, d.outlet, d.language, d.source, d.duplicate_of, hits.score, "
                   "ts_headline('english', left(d.text, 1000000), q.q, :opts) AS snippet "
                   "FROM hits JOIN documents d ON d.id = hits.id, q ORDER BY hits.score DESC, d.id")
        try:
            with self.connect(write=False) as conn:
                rows = conn.execute(text(sql), params).all()
                if self.dialect == "sqlite" and rows:
                    scores = {int(r.id): r.score for r in rows}
                    ids = ", ".join(str(i) for i in scores)  # integers from the database itself
                    found = {int(r.id): r for r in conn.execute(text(second.format(ids=ids)), params)}
                    rows = [_Row(found[i], scores[i]) for i in scores]
        except DBAPIError as err:
            reason = _reason(err)
            if "fts5" in reason or "syntax" in reason or "tsquery" in reason:
                raise QueryError(f"the search engine refused the query: {reason}", subject=query) from err
            raise StoreError(f"search failed: {reason}", subject=redact(self.url)) from err
        return [SearchHit(id=int(r.id), title=r.title, date=r.published, outlet=r.outlet, language=r.language,
                          score=float(f"{float(r.score):.6g}"), snippet=(r.snippet or "").strip(), source=r.source,
                          duplicate_of=r.duplicate_of) for r in rows]

    # -- checks --------------------------------------------------------------------------
    def check_integrity(self) -> list[str]:
        """Problems found in the database (empty when consistent): engine check, FTS sync, orphans."""
        problems: list[str] = []
        with self.connect(write=False) as conn:
            if self.dialect == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems.extend(f"integrity_check: {r}" for r in result)
                try:
                    conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
                except SQLAlchemyError as err:
                    problems.append(f"full-text index out of sync: {_reason(err)}")
                fk = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
                if fk:
                    problems.append(f"{len(fk)} rows break a foreign key")
            else:
                stale = conn.execute(text(
                    "SELECT count(*) FROM documents WHERE search_vector IS DISTINCT FROM "
                    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
                    "setweight(to_tsvector('english'::regconfig, left(text, 1000000)), 'B')")).scalar_one()
                if stale:
                    problems.append(f"{stale} documents have a stale search vector")
            checks = {
                "documents without a source row": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM document_sources s WHERE s.document_id = d.id)",
                "near-duplicates pointing at a missing document": "SELECT count(*) FROM documents d WHERE "
                "d.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.id = d.duplicate_of)",
            }
            for label, sql in checks.items():
                n = conn.execute(text(sql)).scalar_one()
                if n:
                    problems.append(f"{n} {label}")
        return problems


class _Row:
    """A search row of the second (snippet) query with the score of the first."""

    def __init__(self, row, score: float):
        self._row, self.score = row, score

    def __getattr__(self, name: str):
        return getattr(self._row, name)


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the archive at a SQLite path or postgresql:// URL."""
    return Store(str(url))
