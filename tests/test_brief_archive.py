"""Briefings with an archive database: documents cited with outlet, date and quote; hostile text escaped."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import ingest_paths
from nkmonitor.report.brief import build_brief, render_html, render_markdown
from nkmonitor.store import open_store

HOSTILE_TITLE = "<script>alert('brief')</script> Envoy post <img src=x onerror=alert(1)>"


def _write(folder, name: str, text: str, **sidecar) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(sidecar), encoding="utf-8")


def _pg_schema_url() -> tuple[str, str]:
    """A fresh PostgreSQL schema for this module (as conftest's pg_url, but shared by its tests)."""
    base = os.environ.get("NKMONITOR_TEST_PG_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("NKMONITOR_TEST_PG_URL is not set: CI must run the store tests on PostgreSQL")
        pytest.skip("no PostgreSQL server (run scripts/start-postgres.sh and set NKMONITOR_TEST_PG_URL)")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def archive(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    _write(folder, "hostile", "The post of special envoy for North Korean human rights remains a subject of debate in "
           "Washington. Analysts say the administration should act.", title=HOSTILE_TITLE,
           outlet="Example <b>Wire</b>", published="2023-12-01", url="https://example.org/hostile")
    _write(folder, "later", "This article about a much later development was published after the as-of date of "
           "the briefing and must not be listed.", title="A later development",
           outlet="Example Times", published="2024-02-01", url="https://example.org/later")
    _write(folder, "month", "A monthly review published some day in December 2023, so it is not certainly known "
           "on 2023-12-15 but it is by 2024-01-01.", title="December review", outlet="Example Monthly",
           published="2023-12")
    schema = None
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("db") / "brief.db")
    else:
        db, schema = _pg_schema_url()
    store = open_store(db)
    report = ingest_paths(store, [folder])
    assert report.ok and report.ingested == 3, report.failed
    yield store, db
    store.close()
    if schema:
        import psycopg

        with psycopg.connect(os.environ["NKMONITOR_TEST_PG_URL"], autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_documents_are_cited_with_outlet_date_and_quote(archive):
    store, _ = archive
    brief = build_brief(store, load_pack(), dt.date(2024, 1, 1))
    docs = next(s for s in brief.sections if s.key == "documents")
    titles = [row[1] for row in docs.tables[0].rows]
    assert HOSTILE_TITLE in titles and "December review" in titles
    assert "A later development" not in titles
    entry = next(c for c in brief.citations if c.kind == "document" and c.title == HOSTILE_TITLE)
    assert entry.publisher == "Example <b>Wire</b>" and entry.date == "2023-12-01"
    assert entry.quote.startswith("The post of special envoy") and entry.url == "https://example.org/hostile"


def test_month_precision_document_waits_for_the_month_to_end(archive):
    store, _ = archive
    brief = build_brief(store, load_pack(), dt.date(2023, 12, 15))
    docs = next(s for s in brief.sections if s.key == "documents")
    titles = [row[1] for row in docs.tables[0].rows]
    assert HOSTILE_TITLE in titles and "December review" not in titles


def test_hostile_document_text_is_escaped_in_html_and_markdown(archive):
    store, _ = archive
    brief = build_brief(store, load_pack(), dt.date(2024, 1, 1))
    page = render_html(brief)
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//script") and not doc.xpath("//img") and not doc.xpath("//*[@onerror]")
    assert "&lt;script&gt;alert" in page
    assert any(HOSTILE_TITLE in el.text_content() for el in doc.xpath("//td"))
    md = render_markdown(brief)
    # Markdown renderers pass raw HTML through: every "<" from a document must be escaped.
    assert re.search(r"(?<!\\)<", md) is None
    assert r"\<script\>alert" in md and r"\<img src=x" in md


def test_archive_sections_are_present_with_db(archive):
    store, _ = archive
    brief = build_brief(store, load_pack(), dt.date(2024, 1, 1))
    keys = {s.key: s for s in brief.sections}
    assert brief.with_archive
    assert keys["documents"].empty is None
    # Without analysis there are no suggestions: the sections say so rather than fail.
    assert keys["recommendations"].empty and "No recommendations" in keys["recommendations"].empty


def test_brief_command_with_db_writes_html(archive, tmp_path):
    _, db = archive
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", "--as-of", "2024-01-01", "--format", "html", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "December review" in page and "A later development" not in page


def test_unreachable_db_exits_3(tmp_path):
    result = CliRunner().invoke(app, ["brief", "--as-of", "2024-01-01", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 3
