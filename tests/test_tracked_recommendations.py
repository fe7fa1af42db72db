"""Recommendation tracker end to end: seeds ingested and analyzed by the real extractor, followed up against the pack."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.config import get_settings
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import analyze_store, ingest_paths
from nkmonitor.store import open_store
from nkmonitor.store.suggestions import list_suggestions
from nkmonitor.track.recommendations import tracked_recommendations
from nkmonitor.track.review import decide_many

runner = CliRunner()


class _Memo:
    """The real Extractor, run once per document text for the whole session (tests stay fast)."""

    def __init__(self, real):
        self.real, self.components, self.cache = real, real.components, {}

    def extract_many(self, documents):
        for doc in documents:
            if doc.content_hash not in self.cache:
                self.cache[doc.content_hash] = self.real.extract(doc)
            yield self.cache[doc.content_hash]


@pytest.fixture(scope="session")
def extractor():
    from nkmonitor.analyze import Extractor

    return _Memo(Extractor(get_settings(), load_pack()))


@pytest.fixture
def analyzed(db_url, corpus_dir, extractor):
    """The five seed documents ingested and analyzed (library calls; the first test goes through the CLI)."""
    store = open_store(db_url)
    ingest_paths(store, [corpus_dir / "seeds"])
    report = analyze_store(store, load_pack(), all=False, extractor=extractor)
    assert len(report.analyzed) == 5 and report.suggestions > 0
    return db_url, store


@pytest.fixture
def analyzed_cli(db_url, corpus_dir):
    """The five seed documents ingested and analyzed through the CLI, as a user would."""
    out = runner.invoke(app, ["ingest", str(corpus_dir / "seeds"), "--db", db_url])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, ["analyze", "--db", db_url, "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert len(report["analyzed"]) == 5 and report["suggestions"] > 0
    again = json.loads(runner.invoke(app, ["analyze", "--db", db_url, "--json"]).stdout)
    assert again["analyzed"] == [] and again["unchanged"] == 5  # nothing new, nothing redone
    return db_url, open_store(db_url)


def _us_envoy_recs(store):
    """The current suggestions asking the US to appoint an official, read straight from the store."""
    return [s for s in list_suggestions(store, kind="recommendation", limit=10_000)
            if s.payload.get("action") == "appoint_official" and s.payload.get("addressee") in ("us", "us_president",
                                                                                              "us_state_department")]


def test_done_when_appoint_envoy_is_implemented_by_turner_taking_office(analyzed_cli, corpus_dir):
    db_url, store = analyzed_cli
    out = runner.invoke(app, ["recommendations", "--addressee", "us", "--as-of", "2024-01-01", "--json",
                              "--db", db_url])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    (rec,) = [r for r in rows if r["action"] == "appoint_official"]
    assert rec["status"] == "implemented" and rec["addressee"] == "us"
    turner = next(t for t in load_pack().tenures if t.person == "julie_turner" and t.post == "us_special_envoy_nkhr")
    assert rec["status_evidence"][0]["effect"] == "implements"  # the evidence that set the status first
    implementing = [e for e in rec["status_evidence"] if e["effect"] == "implements"]
    assert any(e["date"] == "2023-10-13" and e["pack_fact"] == turner.id and "Julie Turner" in e["summary"]
               and e["sources"] == [s.url for s in turner.sources] for e in implementing)
    # the documents that made it are exactly the analyzed seeds carrying that suggestion
    expected = {s.document_id for s in _us_envoy_recs(store)}
    assert expected and set(rec["documents"]) == expected
    seeds = {store.get_document(d)["source"] for d in rec["documents"]}
    assert all(src.startswith(str(corpus_dir / "seeds")) for src in seeds)
    assert rec["first_date"] <= rec["last_date"] < "2023-10-13"
    for m in rec["mentions"]:
        doc_text = store.get_document(m["document_id"])["text"]
        assert doc_text[m["span_start"]:m["span_end"]] == m["evidence"]
    assert rec["reviewed"] is False  # nobody accepted it yet: flagged, not hidden


def test_status_follows_the_as_of_date(analyzed):
    _, store = analyzed
    pack = load_pack()

    def status(as_of):
        recs = tracked_recommendations(store, pack, addressee="us", action="appoint_official", as_of=as_of)
        return recs[0].status if recs else None

    assert status("2023-06-30") == "partly"  # nominated in January 2023, not yet in office
    assert status("2022-12-31") == "open"
    assert status("2020-12-31") is None  # no seed document had been published yet


def test_review_decisions_shape_the_tracker(analyzed):
    db_url, store = analyzed
    pack = load_pack()
    ids = [s.id for s in _us_envoy_recs(store)]
    decide_many(store, ids[:1], "accept", actor="ana", pack=pack)
    (rec,) = tracked_recommendations(store, pack, addressee="us", action="appoint_official")
    assert rec.reviewed is True
    only_reviewed = tracked_recommendations(store, pack, addressee="us", include_unreviewed=False)
    assert [r.action for r in only_reviewed] == ["appoint_official"]
    decide_many(store, ids, "reject", actor="ana", pack=pack)
    assert tracked_recommendations(store, pack, addressee="us", action="appoint_official") == []


def test_filters_and_bad_input(analyzed):
    db_url, store = analyzed
    out = runner.invoke(app, ["recommendations", "--status", "implemented", "--json", "--db", db_url])
    assert out.exit_code == 0 and all(r["status"] == "implemented" for r in json.loads(out.stdout))
    with store.connect(write=False) as conn:
        before = conn.execute(text("SELECT count(*) FROM review_log")).scalar_one()
    for args in (["--addressee", "atlantis"], ["--as-of", "2023-02-30"], ["--status", "done"],
                 ["--action", "pray"]):
        bad = runner.invoke(app, ["recommendations", "--db", db_url, *args])
        assert bad.exit_code == 2, args
        assert "NK-IN-006" in bad.stderr
    with store.connect(write=False) as conn:
        assert conn.execute(text("SELECT count(*) FROM review_log")).scalar_one() == before
