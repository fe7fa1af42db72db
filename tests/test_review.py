"""Review queue on real stores: decisions, the audit log, undo, corroboration and refusals that write nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.errors import BadValue, ReviewRefused
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import ingest_paths
from nkmonitor.records import Evidence, Extraction, Fact, Recommendation
from nkmonitor.store import open_store
from nkmonitor.store.suggestions import (
    accepted_facts, add_analysis, carry_over_decisions, get_suggestion, list_suggestions,
)
from nkmonitor.track.review import audit_log, bulk_accept, decide, decide_many, undo


def _evidence(doc_text: str, phrase: str) -> Evidence:
    start = doc_text.index(phrase)
    return Evidence(start=start, end=start + len(phrase), text=phrase)


def _docs(store) -> dict[str, dict]:
    """Seed documents by file stem (000..004), with their text."""
    return {d["source"].rsplit("/", 1)[-1][:3]: d for d in store.iter_documents()}


def _analyze(store, doc: dict, facts: list[dict], recs: list[dict] = (), version: str = "test-1") -> list[int]:
    """Store a hand-built analysis of a real document (each item names a phrase of its text)."""
    extraction = Extraction(document={"id": doc["id"]}, issues=["envoys_institutions"], stance="hr_centered",
                            facts=[Fact(evidence=_evidence(doc["text"], f.pop("phrase")), **f) for f in facts],
                            recommendations=[Recommendation(evidence=_evidence(doc["text"], r.pop("phrase")), **r)
                                             for r in recs])
    with store.connect() as conn:
        analysis_id, ids = add_analysis(conn, document_id=doc["id"], text_hash="h-" + version, component="test",
                                        component_version=version, pack_version="p", extraction=extraction,
                                        pack=load_pack())
        carry_over_decisions(conn, doc["id"], analysis_id)
    return ids


def _post_without_tenures() -> str:
    pack = load_pack()
    return sorted(p for p in pack.ids("post") if not pack.tenures_of(p))[0]


def _snapshot(store) -> str:
    with store.connect(write=False) as conn:
        rows = [list(map(str, r)) for table in ("suggestions", "review_log", "analyses")
                for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    return json.dumps(rows)


@pytest.fixture
def seeded(db_url, corpus_dir):
    store = open_store(db_url)
    ingest_paths(store, [corpus_dir / "seeds"])
    docs = _docs(store)
    king_start = dict(type="post_event", post="us_special_envoy_nkhr", person="robert_king", event="took_office",
                      date="2009", confidence=0.95, phrase="Robert King")
    vacancy = dict(type="post_vacancy", post="us_special_envoy_nkhr", as_of="2021-03", confidence=0.6,
                   phrase="special envoy")
    ids4 = _analyze(store, docs["004"], [king_start, vacancy],
                    [dict(addressee="rok", action="appoint_official", confidence=0.7, phrase="Seoul")])
    ids0 = _analyze(store, docs["000"], [dict(type="post_event", post="us_special_envoy_nkhr", person="robert_king",
                                              event="took_office", date="2009", confidence=0.92,
                                              phrase="special envoy")],
                    [dict(by="author", addressee="us", action="appoint_official", confidence=0.93,
                          phrase="Appoint a special envoy")])
    return store, docs, ids4, ids0


def test_identical_suggestions_from_two_documents_are_one_fact_with_two_evidence(seeded):
    store, docs, ids4, ids0 = seeded
    rows = list_suggestions(store, type="post_event")
    assert {s.id for s in rows} == {ids4[0], ids0[0]}
    assert all(s.corroboration == 2 for s in rows)
    assert list_suggestions(store, document_id=docs["004"]["id"], kind="fact")[1].type == "post_vacancy"
    assert [s.id for s in list_suggestions(store, min_confidence=0.9)] == sorted([ids4[0], ids0[0], ids0[1]])
    decide(store, ids4[0], "accept", actor="ana")
    decide(store, ids0[0], "accept", actor="ben")
    facts = accepted_facts(store, types=["post_event"])
    assert len(facts) == 1 and facts[0].document_ids == sorted([docs["004"]["id"], docs["000"]["id"]])
    # evidence spans point into the stored document text
    for ev in facts[0].evidence:
        doc = store.get_document(ev.document_id)
        assert doc["text"][ev.span_start:ev.span_end] == ev.text


def test_accept_logs_who_when_before_after_and_undo_restores(seeded):
    store, docs, ids4, _ = seeded
    result = decide(store, ids4[0], "accept", actor="ana", reason="matches the pack")
    assert get_suggestion(store, ids4[0]).status == "accepted"
    entry = audit_log(store, suggestion_id=ids4[0])[0]
    assert (entry["actor"], entry["action"], entry["reason"]) == ("ana", "accept", "matches the pack")
    assert entry["before"]["status"] == "suggested" and entry["after"]["status"] == "accepted"
    assert entry["at"].endswith("Z")
    back = undo(store, result.log_id, actor="ben")
    assert get_suggestion(store, ids4[0]).status == "suggested"
    log = audit_log(store, suggestion_id=ids4[0])
    assert [e["action"] for e in log] == ["undo", "accept"]
    assert log[1]["undone_by"] == back.log_id and log[0]["actor"] == "ben"
    with pytest.raises(ReviewRefused):
        undo(store, result.log_id, actor="ben")  # already undone


def test_undo_refuses_when_a_later_decision_stands(seeded):
    store, _, ids4, _ = seeded
    first = decide(store, ids4[0], "accept", actor="ana")
    decide(store, ids4[0], "edit", actor="ana", changes={"date": "2009-11"})
    before = _snapshot(store)
    with pytest.raises(ReviewRefused) as err:
        undo(store, first.log_id, actor="ana")
    assert err.value.code == "NK-RV-005"
    assert _snapshot(store) == before


def test_edit_changes_payload_key_and_status(seeded):
    store, _, ids4, ids0 = seeded
    decide(store, ids4[0], "edit", actor="ana", changes={"date": "2009-11"}, reason="text says November")
    s = get_suggestion(store, ids4[0])
    assert s.status == "edited" and s.payload["date"] == "2009-11" and "date=2009-11" in s.fact_key
    assert s.corroboration == 1  # no longer identical to the other document's claim
    assert get_suggestion(store, ids0[0]).corroboration == 1


@pytest.mark.parametrize("changes, code", [
    ({"post": "us_special_envoy_nowhere"}, "NK-RV-002"),
    ({"person": "kim_nobody"}, "NK-RV-002"),
    ({"date": "2023-02-30"}, "NK-RV-003"),
    ({"date": "2023-13"}, "NK-RV-003"),
    ({"event": "crowned"}, "NK-RV-002"),
    ({"colour": "blue"}, "NK-RV-002"),
])
def test_bad_edits_are_refused_and_nothing_is_written(seeded, changes, code):
    store, _, ids4, _ = seeded
    before = _snapshot(store)
    with pytest.raises(ReviewRefused) as err:
        decide(store, ids4[0], "edit", actor="ana", changes=changes)
    assert err.value.code == code
    assert _snapshot(store) == before


def test_vacancy_ending_before_it_starts_is_refused(seeded):
    store, _, ids4, _ = seeded
    before = _snapshot(store)
    with pytest.raises(ReviewRefused, match="before it starts"):
        decide(store, ids4[1], "edit", actor="ana", changes={"since": "2022-01"})
    assert _snapshot(store) == before


def test_unknown_suggestion_id_is_refused(seeded):
    store, _, ids4, _ = seeded
    before = _snapshot(store)
    with pytest.raises(ReviewRefused) as err:
        decide_many(store, [ids4[0], 999_999], "accept", actor="ana")
    assert err.value.code == "NK-RV-001"
    assert _snapshot(store) == before  # the valid id in the same call was not accepted either
    with pytest.raises(BadValue):
        decide(store, ids4[0], "approve", actor="ana")


def test_overlapping_tenure_on_single_holder_post_is_refused(seeded):
    """Two people certainly holding a single-holder post at once cannot both be accepted."""
    store, docs, _, _ = seeded
    post = _post_without_tenures()  # the check runs on accepted facts alone
    ids = _analyze(store, docs["002"], [
        dict(type="post_event", post=post, person_name="Ada Example", event="took_office", date="2010-03",
             confidence=0.95, phrase="human rights"),
        dict(type="post_event", post=post, person_name="Ada Example", event="left_office", date="2015-06",
             confidence=0.95, phrase="North Korea"),
        dict(type="post_event", post=post, person_name="Bo Sample", event="took_office", date="2012",
             confidence=0.95, phrase="United States"),
    ], version="t2")
    decide_many(store, ids[:2], "accept", actor="ana")
    before = _snapshot(store)
    with pytest.raises(ReviewRefused) as err:
        decide(store, ids[2], "accept", actor="ana")
    assert err.value.code == "NK-RV-004" and "Ada Example" in str(err.value)
    assert _snapshot(store) == before
    # the same fact moved after the first tenure is fine
    decide(store, ids[2], "edit", actor="ana", changes={"date": "2016"})
    assert get_suggestion(store, ids[2]).status == "edited"
    # and editing it back into the first tenure is refused
    before = _snapshot(store)
    with pytest.raises(ReviewRefused):
        decide(store, ids[2], "edit", actor="ana", changes={"date": "2013-05-02"})
    assert _snapshot(store) == before


def test_overlap_with_a_curated_pack_tenure_is_refused(seeded):
    store, docs, _, _ = seeded
    pack = load_pack()
    tenure = next(t for t in pack.tenures_of("us_special_envoy_nkhr") if t.end and t.start[:4] < t.end[:4])
    inside = str(int(tenure.start[:4]) + 1) if int(tenure.end[:4]) - int(tenure.start[:4]) >= 2 else tenure.start
    ids = _analyze(store, docs["002"], [dict(type="post_event", post="us_special_envoy_nkhr",
                                             person_name="Someone Else", event="took_office", date=inside,
                                             confidence=0.9, phrase="human rights")], version="t3")
    before = _snapshot(store)
    with pytest.raises(ReviewRefused) as err:
        decide(store, ids[0], "accept", actor="ana")
    assert tenure.id in str(err.value)
    assert _snapshot(store) == before


def test_bulk_accept_takes_only_confident_ones_and_skips_refused(seeded):
    store, docs, ids4, ids0 = seeded
    post = _post_without_tenures()
    extra = _analyze(store, docs["003"], [
        dict(type="post_event", post=post, person_name="Ada Example", event="took_office", date="2010-03",
             confidence=0.97, phrase="North Korea"),
        dict(type="post_event", post=post, person_name="Ada Example", event="left_office", date="2015-06",
             confidence=0.97, phrase="human rights"),
        dict(type="post_event", post=post, person_name="Bo Sample", event="took_office", date="2012-02",
             confidence=0.96, phrase="U.S."),
    ], version="t4")
    result = bulk_accept(store, 0.9, actor="ana")
    accepted = {r.suggestion_id for r in result.decided}
    assert accepted == {ids4[0], ids0[0], ids0[1], extra[0], extra[1]}
    assert [r["suggestion_id"] for r in result.refused] == [extra[2]]
    assert get_suggestion(store, extra[2]).status == "suggested"
    assert get_suggestion(store, ids4[1]).status == "suggested"  # 0.6 < 0.9


def test_reanalysis_supersedes_and_carries_decisions_over(seeded):
    store, docs, ids4, _ = seeded
    decide(store, ids4[0], "accept", actor="ana")
    decide(store, ids4[1], "reject", actor="ana")
    new = _analyze(store, docs["004"], [
        dict(type="post_event", post="us_special_envoy_nkhr", person="robert_king", event="took_office",
             date="2009", confidence=0.9, phrase="Robert King"),
        dict(type="post_event", post="us_special_envoy_nkhr", person="robert_king", event="left_office",
             date="2017", confidence=0.9, phrase="special envoy"),
    ], version="test-2")
    current = {s.id: s for s in list_suggestions(store, document_id=docs["004"]["id"])}
    assert set(current) == set(new)
    assert current[new[0]].status == "accepted" and current[new[1]].status == "suggested"
    assert audit_log(store, suggestion_id=new[0])[0]["action"] == "carry_over"
    old = list_suggestions(store, document_id=docs["004"]["id"], include_superseded=True)
    assert {s.id for s in old if not s.current} == set(ids4)


def test_cli_review_commands(seeded, db_url):
    store, _, ids4, ids0 = seeded
    runner = CliRunner()
    out = runner.invoke(app, ["review", "list", "--db", db_url, "--type", "post_event", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert {r["id"] for r in rows} == {ids4[0], ids0[0]} and {r["corroboration"] for r in rows} == {2}
    out = runner.invoke(app, ["review", "edit", str(ids4[0]), "--db", db_url, "--set", "date=2009-11",
                              "--actor", "cli-user", "--reason", "per text", "--json"])
    assert out.exit_code == 0, out.output
    log_id = json.loads(out.stdout)[0]["log_id"]
    before = _snapshot(store)
    bad = runner.invoke(app, ["review", "edit", str(ids4[0]), "--db", db_url, "--set", "date=2023-02-30"])
    assert bad.exit_code == 2 and "NK-RV-003" in bad.stderr
    bad = runner.invoke(app, ["review", "accept", "424242", "--db", db_url])
    assert bad.exit_code == 2 and "NK-RV-001" in bad.stderr
    bad = runner.invoke(app, ["review", "list", "--type", "post_evnt", "--db", db_url])
    assert bad.exit_code == 2 and "NK-IN-006" in bad.stderr
    assert _snapshot(store) == before
    out = runner.invoke(app, ["review", "log", "--db", db_url, "--json"])
    entries = json.loads(out.stdout)
    assert entries[0]["id"] == log_id and entries[0]["actor"] == "cli-user"
    out = runner.invoke(app, ["review", "undo", str(log_id), "--db", db_url, "--actor", "cli-user"])
    assert out.exit_code == 0, out.output
    assert get_suggestion(store, ids4[0]).payload["date"] == "2009"
    out = runner.invoke(app, ["review", "accept", "--min-confidence", "0.9", "--db", db_url, "--json"],
                        env={"NKMONITOR_USER": "bulk-bot"})
    assert out.exit_code == 0, out.output
    assert {e["actor"] for e in audit_log(store) if e["action"] == "accept"} == {"bulk-bot"}


def test_ids_shared_by_an_issue_and_an_action_are_accepted(seeded):
    """`information_access` is both a codebook issue and a codebook action."""
    store, docs, _, _ = seeded
    (rec,) = _analyze(store, docs["001"], [], [dict(addressee="us", action="information_access",
                                                    issues=["information_access"], confidence=0.8,
                                                    phrase="access to information")], version="t5")
    decide(store, rec, "accept", actor="ana")
    decide(store, rec, "edit", actor="ana", changes={"issues": "information_access,refugees_repatriation"})
    assert get_suggestion(store, rec).payload["issues"] == ["information_access", "refugees_repatriation"]
    with pytest.raises(ReviewRefused):
        decide(store, rec, "edit", actor="ana", changes={"action": "political_prison_camps"})  # an issue, not an action


def test_grouped_view_merges_identical_claims(seeded, db_url):
    from nkmonitor.store.suggestions import grouped_suggestions

    store, docs, ids4, ids0 = seeded
    groups = grouped_suggestions(store, type="post_event")
    assert len(groups) == 1
    (g,) = groups
    assert g["corroboration"] == 2 and {x["id"] for x in g["suggestions"]} == {ids4[0], ids0[0]}
    assert sorted(g["documents"]) == sorted([docs["004"]["id"], docs["000"]["id"]])
    decide(store, ids0[0], "reject", actor="ana")
    assert grouped_suggestions(store, type="post_event")[0]["statuses"] == {"suggested": 1, "rejected": 1}
    out = CliRunner().invoke(app, ["review", "list", "--grouped", "--json", "--db", db_url])
    assert out.exit_code == 0, out.output
    assert {g["fact_key"] for g in json.loads(out.stdout)} == {s.fact_key for s in list_suggestions(store)}
