"""Fused timelines: the curated pack plus accepted extractions, conflicts flagged with both sources, as-of answers."""

from __future__ import annotations

import datetime as dt

import pytest

from nkmonitor.errors import BadValue
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import ingest_paths
from nkmonitor.records import Evidence, Extraction, Fact
from nkmonitor.store import open_store
from nkmonitor.store.suggestions import add_analysis
from nkmonitor.track.fusion import fused_instrument_status, fused_post_timelines, fused_un_votes
from nkmonitor.track.review import decide_many

ENVOY = "us_special_envoy_nkhr"


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def _pack_tenure(pack, person):
    return next(t for t in pack.tenures if t.person == person)


def _accept(store, doc, facts, pack, version="f1"):
    """Store hand-built facts for a real document (evidence = a phrase of its text) and accept them."""
    built = []
    for f in facts:
        phrase = f.pop("phrase")
        start = doc["text"].index(phrase)
        built.append(Fact(evidence=Evidence(start=start, end=start + len(phrase), text=phrase), confidence=0.9, **f))
    with store.connect() as conn:
        _, ids = add_analysis(conn, document_id=doc["id"], text_hash=version, component="test",
                              component_version=version, pack_version=pack.version,
                              extraction=Extraction(document={}, facts=built), pack=pack)
    decide_many(store, ids, "accept", actor="tester", pack=pack)
    return ids


@pytest.fixture
def store(db_url, corpus_dir):
    s = open_store(db_url)
    ingest_paths(s, [corpus_dir / "seeds"])
    return s


def _doc(store, stem):
    return next(d for d in store.iter_documents() if d["source"].endswith(f"/{stem}.txt"))


def test_pack_only_envoy_timeline_has_the_long_vacancy(pack):
    (timeline,) = fused_post_timelines(pack, post=ENVOY, today=dt.date(2025, 6, 1))
    king, turner = _pack_tenure(pack, "robert_king"), _pack_tenure(pack, "julie_turner")
    vacant = [s for s in timeline.segments if s.kind == "vacancy"]
    gap = next(s for s in vacant if s.start == king.end)
    assert gap.end == turner.start
    # the current vacancy keeps the month precision of Turner's departure: no padded day
    assert (timeline.segments[-1].kind, timeline.segments[-1].start) == ("vacancy", turner.end)
    assert timeline.segments[-1].start_precision == "month" and timeline.segments[-1].approximate
    assert timeline.conflicts == []
    assert all(t.sources for t in timeline.tenures)  # every curated tenure shows its sources
    # as of 2020 Turner is unknown and the post is simply vacant, still running
    (then,) = fused_post_timelines(pack, post=ENVOY, as_of="2020-06-30")
    assert "julie_turner" not in {t.person for t in then.tenures}
    assert then.segments[-1].kind == "vacancy" and then.segments[-1].open and then.segments[-1].end is None
    with pytest.raises(BadValue):
        fused_post_timelines(pack, post="no_such_post")
    with pytest.raises(BadValue):
        fused_post_timelines(pack, as_of="2023-02-30")


def test_contradicting_accepted_fact_is_flagged_with_both_sources(store, pack):
    doc = _doc(store, "000")
    _accept(store, doc, [
        dict(type="post_event", post=ENVOY, person="julie_turner", event="took_office", date="2023-07",
             phrase="special envoy"),
        dict(type="post_event", post=ENVOY, person="robert_king", event="took_office", date="2009",
             phrase="human rights"),
    ], pack)
    (timeline,) = fused_post_timelines(pack, store, post=ENVOY)
    turner, king = _pack_tenure(pack, "julie_turner"), _pack_tenure(pack, "robert_king")
    (conflict,) = timeline.conflicts
    assert (conflict.field, conflict.pack_value, conflict.extracted_value) == ("start", turner.start, "2023-07")
    assert conflict.pack_fact == turner.id and conflict.pack_sources == [s.url for s in turner.sources]
    assert [d.document_id for d in conflict.documents] == [doc["id"]]
    ev = conflict.documents[0]
    assert doc["text"][ev.span_start:ev.span_end] == ev.text == "special envoy"
    # the pack's date stays on the timeline: nothing is silently resolved
    assert next(t for t in timeline.tenures if t.person == "julie_turner").start == turner.start
    # an agreeing fact (2009 vs 2009-11) corroborates instead
    fused_king = next(t for t in timeline.tenures if t.person == "robert_king")
    assert fused_king.start == king.start and fused_king.origin == "pack+extracted"
    assert [d.document_id for d in fused_king.documents] == [doc["id"]]


def test_as_of_leaves_out_documents_published_later(store, pack):
    doc = _doc(store, "002")  # published 2023
    _accept(store, doc, [dict(type="post_event", post=ENVOY, person="julie_turner", event="took_office",
                              date="2023-07", phrase="human rights")], pack)
    assert fused_post_timelines(pack, store, post=ENVOY, as_of="2023-12-31")[0].conflicts
    assert not fused_post_timelines(pack, store, post=ENVOY, as_of="2022-12-31")[0].conflicts


def test_another_holder_in_the_same_period_is_a_conflict(store, pack):
    doc = _doc(store, "004")
    # "2017" may fall after King left on 2017-01-13, so review lets it through; fusion flags it
    _accept(store, doc, [dict(type="post_event", post=ENVOY, person_name="Pat Placeholder", event="took_office",
                              date="2017", phrase="Seoul")], pack)
    (timeline,) = fused_post_timelines(pack, store, post=ENVOY)
    (conflict,) = timeline.conflicts
    assert conflict.field == "holder" and "Pat Placeholder" in conflict.extracted_value
    assert conflict.pack_fact == _pack_tenure(pack, "robert_king").id
    assert "Pat Placeholder" not in {t.person_label for t in timeline.tenures}


def test_vacancy_report_against_a_holder_is_a_conflict(store, pack):
    doc = _doc(store, "004")
    _accept(store, doc, [dict(type="post_vacancy", post=ENVOY, as_of="2012-05", phrase="Seoul"),
                         dict(type="post_vacancy", post=ENVOY, as_of="2021-03", phrase="human rights")], pack)
    (timeline,) = fused_post_timelines(pack, store, post=ENVOY)
    assert [c.extracted_value for c in timeline.conflicts] == ["vacant as of 2012-05"]
    assert len(timeline.vacancy_reports) == 2


def test_instrument_events_fuse_and_conflict(store, pack):
    doc = _doc(store, "002")
    struck = next(e for e in pack.events_of("rok_anti_leaflet_law_2020") if e.event == "struck_down")
    _accept(store, doc, [
        dict(type="instrument_event", instrument="rok_anti_leaflet_law_2020", event="struck_down", date="2023-08-01",
             phrase="human rights"),
        dict(type="instrument_event", instrument="us_nkhra_2004", event="enacted", date="2004", phrase="Congress"),
    ], pack)
    by_id = {s.instrument: s for s in fused_instrument_status(pack, store)}
    leaflet = by_id["rok_anti_leaflet_law_2020"]
    assert leaflet.status == "struck_down" and leaflet.status_since == struck.date
    (conflict,) = leaflet.conflicts
    assert conflict.pack_value == struck.date and conflict.extracted_value == "2023-08-01"
    enacted = next(e for e in by_id["us_nkhra_2004"].events if e.event == "enacted")
    assert enacted.origin == "pack+extracted" and enacted.documents[0].document_id == doc["id"]
    # before the court ruling was known, the law was in force
    (before,) = fused_instrument_status(pack, None, "rok_anti_leaflet_law_2020", as_of="2022-12-31")
    assert before.status == "in_force"


def test_state_position_conflict_and_as_of(store, pack):
    doc = _doc(store, "004")
    pack_pos = next(p for p in pack.state_positions if p.state == "rok" and p.year == 2019
                    and p.instrument == "unga_dprk_hr_resolution" and p.position.endswith("cosponsored"))
    other = "cosponsored" if pack_pos.position == "not_cosponsored" else "not_cosponsored"
    _accept(store, doc, [dict(type="state_position", state="rok", instrument="unga_dprk_hr_resolution", year=2019,
                              position=other, phrase="Seoul")], pack)
    table = fused_un_votes(pack, store, instrument="unga_dprk_hr_resolution")
    assert table.position("rok", "unga_dprk_hr_resolution", 2019) == pack_pos.position
    (conflict,) = table.conflicts
    assert (conflict.pack_value, conflict.extracted_value) == (pack_pos.position, other)
    assert conflict.pack_sources and conflict.documents[0].document_id == doc["id"]
    early = fused_un_votes(pack, None, instrument="unga_dprk_hr_resolution", as_of="2010-06-30")
    assert max(r.year for r in early.rows) <= 2010


def test_cli_posts_instruments_and_un_votes_flag_conflicts_with_db(store, pack, db_url, tmp_path):
    import json

    from typer.testing import CliRunner

    from nkmonitor.cli import app

    runner = CliRunner()
    doc = _doc(store, "000")
    _accept(store, doc, [
        dict(type="post_event", post=ENVOY, person="julie_turner", event="took_office", date="2023-07",
             phrase="special envoy"),
        dict(type="instrument_event", instrument="rok_anti_leaflet_law_2020", event="struck_down",
             date="2023-08-01", phrase="human rights"),
        dict(type="state_position", state="rok", instrument="unga_dprk_hr_resolution", year=2020,
             position="cosponsored", phrase="South Korea"),
    ], pack)
    plain = json.loads(runner.invoke(app, ["posts", ENVOY, "--json"]).stdout)
    out = runner.invoke(app, ["posts", ENVOY, "--json", "--db", db_url])
    assert out.exit_code == 0, out.output
    fused = json.loads(out.stdout)
    assert "conflicts" not in plain  # without --db the pack engineer's format is unchanged
    assert [s["start"] for s in fused["segments"]] == [s["start"] for s in plain["segments"]]
    (conflict,) = fused["conflicts"]
    turner = _pack_tenure(pack, "julie_turner")
    assert conflict["pack_value"] == turner.start and conflict["extracted_value"] == "2023-07"
    assert conflict["pack_sources"] and conflict["documents"][0]["document_id"] == doc["id"]
    text_out = runner.invoke(app, ["posts", ENVOY, "--db", db_url])
    assert "conflict" in text_out.stderr and f"document {doc['id']}" in text_out.stderr
    out = runner.invoke(app, ["instruments", "rok_anti_leaflet_law_2020", "--json", "--db", db_url])
    assert json.loads(out.stdout)["conflicts"][0]["extracted_value"] == "2023-08-01"
    out = runner.invoke(app, ["un-votes", "--instrument", "unga_dprk_hr_resolution", "--json", "--db", db_url])
    row = next(r for r in json.loads(out.stdout) if r["year"] == 2020)
    assert [c["extracted_value"] for c in row["conflicts"]] == ["cosponsored"]
    assert all(not r["conflicts"] for r in json.loads(out.stdout) if r["year"] != 2020)
    bad = runner.invoke(app, ["posts", ENVOY, "--db", str(tmp_path / "missing.db")])
    assert bad.exit_code == 2 and not (tmp_path / "missing.db").exists()


def test_steps_towards_a_future_pack_tenure_stay_pending(store, pack):
    """As of mid-2023 Turner is nominated, not in office: an accepted nomination must not open a tenure."""
    doc = _doc(store, "002")  # published 2023
    turner = _pack_tenure(pack, "julie_turner")
    nominated = next(e for e in turner.events if e.event == "nominated")
    _accept(store, doc, [dict(type="post_event", post=ENVOY, person="julie_turner", event="nominated",
                              date=nominated.date, phrase="human rights")], pack)
    (timeline,) = fused_post_timelines(pack, store, post=ENVOY, as_of="2023-06-30")
    assert "julie_turner" not in {t.person for t in timeline.tenures}
    assert timeline.segments[-1].kind == "vacancy"
    steps = [e for e in timeline.pending if e["event"] == "nominated"]
    assert {bool(e.get("documents")) for e in steps} == {True, False}  # the pack's step and the document's


from hypothesis import given, settings, strategies as st  # noqa: E402

from nkmonitor.track.fusion import FusedTenure, PostTimeline, segment_days  # noqa: E402
from nkmonitor.track.indicators import _held_days  # noqa: E402
from nkmonitor.track.timelines import post_timeline  # noqa: E402


@st.composite
def _tenure_lists(draw):
    """Consecutive tenures with gaps, some ending, dates at day, month or year precision."""
    day = dt.date(2004, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    tenures = []
    for i in range(draw(st.integers(0, 5))):
        start = day + dt.timedelta(days=draw(st.integers(0, 900)))
        end = start + dt.timedelta(days=draw(st.integers(1, 1500)))
        fmt = draw(st.sampled_from(["day", "month", "year"]))
        text = {"day": start.isoformat(), "month": start.isoformat()[:7], "year": start.isoformat()[:4]}[fmt]
        last = i == 4 or draw(st.booleans())
        tenures.append(FusedTenure(f"t{i}", "p", f"p{i}", f"P {i}", text, None if last else end.isoformat(), "pack"))
        if last:
            break
        day = end
    return tenures


@settings(max_examples=150, deadline=None)
@given(_tenure_lists(), st.integers(0, 9000))
def test_fused_tenures_give_timeline_segments_in_order_with_their_precision(tenures, horizon):
    established = "2004-01-01"
    end_day = dt.date(2004, 1, 1) + dt.timedelta(days=horizon)
    segs = post_timeline("p", tenures, end_day, established=established)
    by_id = {t.id: t for t in tenures}
    for a, b in zip(segs, segs[1:]):
        assert not (a.kind == "vacancy" and a.open)  # an open vacancy is the last segment
        assert segment_days(a)[0] <= segment_days(b)[0]  # in order
        if a.kind == "vacancy":
            assert b.kind == "holder" and a.end == b.start  # a vacancy ends where the next holder starts
    for s in segs:
        if s.kind == "holder":  # a holder segment carries its tenure's dates as written, precision kept
            t = by_id[s.tenure_id]
            assert s.start == t.start and s.start_precision == {4: "year", 7: "month", 10: "day"}[len(t.start)]
            assert s.approximate == (s.duration_days_min != s.duration_days_max)
    held = {s.person for s in segs if s.kind == "holder"}
    assert held <= {t.person for t in tenures}
    # vacancy arithmetic: held days never exceed the days of the period, even when imprecise tenures touch
    tl = PostTimeline("p", "P", established, None, tenures, segs, [])
    first, last = dt.date(2004, 1, 1), end_day + dt.timedelta(days=1)
    assert 0 <= _held_days(tl, first, last) <= (last - first).days


def test_demo_posts_summary_keeps_the_precision_of_the_dates(tmp_path, pack):
    """`nkmonitor demo` says the US envoy post is vacant since 2025-01, as the pack does: no padded day."""
    from pathlib import Path

    from nkmonitor.pipeline import build_demo

    samples = Path(__file__).resolve().parents[1] / "samples" / "corpus"
    summary = build_demo(str(tmp_path / "demo.db"), samples)
    states = {p["post"]: p["state"] for p in summary["posts"]}
    turner = _pack_tenure(pack, "julie_turner")
    assert turner.end == "2025-01"
    assert states[ENVOY].startswith("vacant since 2025-01 ") and "month precision" in states[ENVOY]
    assert "2025-01-01" not in states[ENVOY]
