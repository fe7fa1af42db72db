"""analyze_store on real stores with the real extractor: provenance, only new or changed documents, carry-over, near-duplicates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.config import get_settings
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import analyze_store, ingest_paths
from nkmonitor.store import decode_json, open_store
from nkmonitor.store.suggestions import compute_fact_key, get_suggestion, list_suggestions
from nkmonitor.track.review import audit_log, decide


class _Memo:
    """The real Extractor, run once per document text for the session; `bump` simulates a new component version."""

    def __init__(self, real, cache=None, bump=""):
        self.real, self.cache = real, cache if cache is not None else {}
        self.components = {**real.components, **({"facts": real.components["facts"] + bump} if bump else {})}
        self.calls = 0

    def extract_many(self, documents):
        for doc in documents:
            self.calls += 1
            if doc.content_hash not in self.cache:
                self.cache[doc.content_hash] = self.real.extract(doc)
            yield self.cache[doc.content_hash]


@pytest.fixture(scope="session")
def real_extractor():
    from nkmonitor.analyze import Extractor

    return Extractor(get_settings(), load_pack())


@pytest.fixture(scope="session")
def cache():
    return {}


@pytest.fixture
def store(db_url, corpus_dir, tmp_path):
    s = open_store(db_url)
    ingest_paths(s, [corpus_dir / "seeds"])
    # a near-duplicate: one seed with a sentence added (written to the test's temp folder only)
    seed = (corpus_dir / "seeds" / "002.txt").read_text(encoding="utf-8")
    (tmp_path / "reprint.txt").write_text(seed + "\nReprinted with permission.\n", encoding="utf-8")
    report = ingest_paths(s, [tmp_path / "reprint.txt"])
    assert report.near_duplicates == 1
    return s


def test_analysis_rows_and_suggestions_carry_provenance(store, real_extractor, cache):
    pack = load_pack()
    memo = _Memo(real_extractor, cache)
    report = analyze_store(store, pack, extractor=memo)
    assert len(report.analyzed) == 5 and report.failed == []
    (dup,) = report.duplicates
    assert store.get_document(dup["document_id"])["duplicate_of"] == dup["duplicate_of"]
    with store.connect(write=False) as conn:
        analyses = conn.execute(text("SELECT document_id, component, component_version, pack_version, issues, "
                                     "stance, text_hash FROM analyses")).all()
    assert {a.document_id for a in analyses} == set(report.analyzed)
    for a in analyses:
        assert a.component == "nkmonitor.analyze" and a.pack_version == pack.version
        assert all(f"{k}={v}" in a.component_version for k, v in real_extractor.components.items())
        assert isinstance(decode_json(a.issues), list)
    rows = list_suggestions(store, limit=10_000)
    assert len(rows) == report.suggestions > 0
    for s in rows:
        assert s.status == "suggested" and s.pack_version == pack.version and 0 <= s.confidence <= 1
        assert store.get_document(s.document_id)["text"][s.span_start:s.span_end] == s.evidence_text
        assert s.fact_key == compute_fact_key(s.kind, s.type, s.payload, pack)
    assert dup["document_id"] not in {s.document_id for s in rows}


def test_only_new_or_changed_documents_are_analyzed(store, real_extractor, cache):
    pack = load_pack()
    memo = _Memo(real_extractor, cache)
    analyze_store(store, pack, extractor=memo)
    again = analyze_store(store, pack, extractor=memo)
    assert again.analyzed == [] and again.unchanged == 5 and memo.calls == 5
    forced = analyze_store(store, pack, extractor=memo, all=True)
    assert len(forced.analyzed) == 5
    bumped = analyze_store(store, pack, extractor=_Memo(real_extractor, cache, bump="+1"))
    assert len(bumped.analyzed) == 5  # a new component version re-analyzes everything


def test_reanalysis_supersedes_and_keeps_review_decisions(store, real_extractor, cache):
    pack = load_pack()
    memo = _Memo(real_extractor, cache)
    analyze_store(store, pack, extractor=memo)
    first = list_suggestions(store, limit=10_000)
    target, other = first[0], first[-1]
    decide(store, target.id, "accept", actor="ana", pack=pack)
    decide(store, other.id, "reject", actor="ana", pack=pack)
    report = analyze_store(store, pack, extractor=memo, all=True)
    assert report.carried_over >= 2
    current = list_suggestions(store, limit=10_000)
    assert not {s.id for s in current} & {s.id for s in first}  # the old ones are superseded, not current
    same = next(s for s in current if s.document_id == target.document_id and s.fact_key == target.fact_key)
    assert same.status == "accepted"
    assert next(s for s in current if s.document_id == other.document_id and s.fact_key == other.fact_key).status == "rejected"
    assert audit_log(store, suggestion_id=same.id)[0]["action"] == "carry_over"
    old = get_suggestion(store, target.id)
    assert old.current is False and old.status == "accepted"  # history kept for the audit trail


def test_cli_analyze_reports_duplicates_and_refuses_missing_db(store, tmp_path, db_url):
    runner = CliRunner()
    out = runner.invoke(app, ["analyze", "--db", db_url, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert len(data["analyzed"]) == 5 and len(data["duplicates"]) == 1
    assert "near-duplicate of" in out.stderr
    missing = tmp_path / "nothing.db"
    bad = runner.invoke(app, ["analyze", "--db", str(missing)])
    assert bad.exit_code == 2 and not missing.exists()
