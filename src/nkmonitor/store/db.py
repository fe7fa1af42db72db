"""Database engines for SQLite and PostgreSQL, connection set-up and versioned migrations."""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from nkmonitor.errors import StoreError

MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def utc_now() -> str:
    """ISO 8601 UTC timestamp, second precision, as stored in every *_at column."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def redact(url: str) -> str:
    """A database URL without its password, fit for error messages."""
    if "://" not in url:
        return url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given, minus anything after '@'
        return url.split("@")[-1]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def create_db_engine(url: str) -> tuple[Engine, str]:
    """An engine for a SQLite path or a PostgreSQL URL, and the dialect name."""
    if is_postgres(url):
        sa_url = re.sub(r"^(postgresql|postgres)(\+psycopg)?://", "postgresql+psycopg://", url)
        engine = create_engine(sa_url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        return engine, "postgresql"
    if "://" in url and not url.startswith("sqlite"):
        raise StoreError("unsupported database URL (use a file path or postgresql://...)", subject=redact(url))
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError("the folder of the database file does not exist", subject=str(path),
                             hint="create the folder or pass another --db")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 60})
    _configure_sqlite(engine)
    return engine, "sqlite"


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's implicit transactions start only at the first write, so a read-then-write
    # (the dedup check) could race another process. We take over BEGIN ourselves
    # (SQLAlchemy's documented recipe) and use BEGIN IMMEDIATE for write transactions.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # NORMAL is durable against application crashes in WAL mode (only a power loss can
        # lose the last commits, never corrupt the file).
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")


@contextmanager
def transaction(engine: Engine, dialect: str, write: bool = True) -> Iterator[Connection]:
    """A connection inside one transaction: committed on success, rolled back on any error."""
    try:
        conn = engine.connect()
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open the database: {_reason(err)}") from err
    try:
        conn.info["write"] = write and dialect == "sqlite"
        with conn.begin():
            yield conn
    finally:
        conn.info.pop("write", None)
        conn.close()


def _reason(err: Exception) -> str:
    orig = getattr(err, "orig", None) or err
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of the packaged migration scripts for a dialect, in order."""
    folder = resources.files("nkmonitor.store") / "migrations" / dialect
    found = []
    for entry in folder.iterdir():
        m = MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migration scripts for {dialect} are not numbered 1..n: {versions}")
    return found


def _sqlite_statements(script: str) -> Iterator[str]:
    # sqlite3.complete_statement understands trigger bodies, so BEGIN ... END stays whole.
    buf: list[str] = []
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        stmt = "".join(buf)
        if sqlite3.complete_statement(stmt):
            yield stmt
            buf = []
    if "".join(buf).strip():
        raise StoreError("migration script ends with an incomplete statement")


@dataclass
class MigrationResult:
    applied: list[int]
    version: int


def migrate(engine: Engine, dialect: str) -> MigrationResult:
    """Apply every migration not yet recorded in schema_migrations, each in its own transaction."""
    scripts = migrations(dialect)
    latest = scripts[-1][0] if scripts else 0
    applied: list[int] = []
    create = ("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
              "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    try:
        for version, name, sql in scripts:
            with transaction(engine, dialect, write=True) as conn:
                if dialect == "postgresql":
                    # Serialize concurrent openers of the same schema.
                    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema()))"))
                conn.exec_driver_sql(create)
                done = {row[0] for row in conn.exec_driver_sql("SELECT version FROM schema_migrations")}
                if done and max(done) > latest:
                    raise StoreError(
                        f"the database schema is at version {max(done)}, newer than this nkmonitor knows ({latest})",
                        hint="upgrade nkmonitor")
                if version in done:
                    continue
                if dialect == "sqlite":
                    raw = conn.connection.dbapi_connection
                    cur = raw.cursor()
                    for stmt in _sqlite_statements(sql):
                        cur.execute(stmt)
                    cur.close()
                else:
                    conn.exec_driver_sql(sql)
                conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                             {"v": version, "n": name, "t": utc_now()})
                applied.append(version)
    except StoreError:
        raise
    except (DBAPIError, SQLAlchemyError, sqlite3.Error) as err:
        raise StoreError(f"cannot prepare the database: {_reason(err)}") from err
    return MigrationResult(applied=applied, version=latest)
