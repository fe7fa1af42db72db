"""The one conftest: paths to the shared corpus, database fixtures for SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests explore at random while developing; CI replays a fixed sequence so a
# landing never depends on luck (a found counterexample is fixed, then pinned as a test).
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NKMONITOR_SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
SPEC = SHARED / "spec"
PG_URL = os.environ.get("NKMONITOR_TEST_PG_URL")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"shared corpus not found at {CORPUS} (set NKMONITOR_SHARED)")
    return CORPUS


@pytest.fixture(scope="session")
def spec_dir() -> Path:
    return SPEC


def _pg_url_or_fail() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI"):
        pytest.fail("NKMONITOR_TEST_PG_URL is not set: CI must run the store tests on PostgreSQL")
    pytest.skip("no PostgreSQL server (run scripts/start-postgres.sh and set NKMONITOR_TEST_PG_URL)")


@pytest.fixture
def pg_url() -> str:
    """A fresh, empty PostgreSQL schema for one test (dropped afterwards)."""
    base = _pg_url_or_fail()
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "nkmonitor.db")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request, tmp_path: Path) -> str:
    """Run a store test on both backends."""
    if request.param == "sqlite":
        return str(tmp_path / "nkmonitor.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def extractor():
    """One Extractor (spaCy model and pack loaded once) for the whole session."""
    from nkmonitor.analyze import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def facts_of(extractor):
    """facts_of(text, published, outlet=None) -> the facts of a short text as spec JSON.

    Runs linking and the fact rules on one parse, and checks what every fact must satisfy: its
    evidence is the slice of the text at its offsets and its confidence lies strictly in (0, 1)."""
    from nkmonitor.analyze.context import DocContext
    from nkmonitor.analyze.facts import extract_facts
    from nkmonitor.analyze.linking import link_mentions

    def _run(text: str, published: str | None = "2023-10-14", outlet: str | None = None) -> list[dict]:
        ctx = DocContext(text=text, sdoc=extractor.nlp(text), published=published, pack=extractor.pack, outlet=outlet)
        ctx.mentions = link_mentions(ctx)
        facts = extract_facts(ctx)
        for f in facts:
            assert f.evidence.text == text[f.evidence.start:f.evidence.end]
            assert 0.0 < f.confidence < 1.0
        return [f.to_json() for f in facts]
    return _run
