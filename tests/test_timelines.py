"""Pure timeline functions over hand-made records (dicts and objects), as fusion will call them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from nkmonitor.track.timelines import (
    instrument_status, mandate_state, positions_by_year, post_timeline, provenance_of, un_votes_table,
)

SRC = [{"url": "https://example.org/a", "publisher": "Example"}]


def tenure(id_, person, start, end=None, **kw):
    return {"id": id_, "post": "p", "person": person, "start": start, "end": end, "sources": SRC, **kw}


def kinds(segments):
    return [(s.kind, s.person, s.start, s.end) for s in segments]


def test_vacancies_between_after_and_before_holders():
    segs = post_timeline("p", [tenure("t2", "b", "2012-03-01", "2014-01-01"), tenure("t1", "a", "2010-01-01", "2011-06-30")],
                         "2015-01-01", established="2009-06-01")
    assert kinds(segs) == [
        ("vacancy", None, "2009-06-01", "2010-01-01"),
        ("holder", "a", "2010-01-01", "2011-06-30"),
        ("vacancy", None, "2011-06-30", "2012-03-01"),
        ("holder", "b", "2012-03-01", "2014-01-01"),
        ("vacancy", None, "2014-01-01", None),
    ]
    assert segs[-1].open and segs[-1].duration_days == (dt.date(2015, 1, 1) - dt.date(2014, 1, 1)).days
    assert segs[1].duration_days == 545 and not segs[1].approximate


def test_as_of_hides_later_facts():
    tenures = [tenure("t1", "a", "2010-01-01", "2011-06-30"), tenure("t2", "b", "2012-03-01")]
    segs = post_timeline("p", tenures, dt.date(2011, 1, 1))
    assert kinds(segs) == [("holder", "a", "2010-01-01", None)]  # departure not yet known
    assert segs[0].open and segs[0].end_reason is None
    segs = post_timeline("p", tenures, "2012-01-01")
    assert kinds(segs)[-1] == ("vacancy", None, "2011-06-30", None)


def test_month_precision_is_honest():
    segs = post_timeline("p", [tenure("t1", "a", "2009-11", "2017-01-13")], "2018-01-01")
    holder = segs[0]
    assert holder.start == "2009-11" and holder.start_precision == "month"
    assert holder.approximate
    assert holder.duration_days_min == (dt.date(2017, 1, 13) - dt.date(2009, 11, 30)).days
    assert holder.duration_days_max == (dt.date(2017, 1, 13) - dt.date(2009, 11, 1)).days
    assert holder.duration_days_min <= holder.duration_days <= holder.duration_days_max


def test_month_dates_that_may_touch_are_not_a_vacancy():
    # "served until the end of June" / "from July": no provable gap.
    segs = post_timeline("p", [tenure("t1", "a", "2004-07-13", "2010-06"), tenure("t2", "b", "2010-07", "2016-06-30")], "2016-06-01")
    assert [s.kind for s in segs] == ["holder", "holder"]


def test_open_holder_and_start_after_as_of():
    segs = post_timeline("p", [tenure("t1", "a", "2022-08-01")], "2022-07-31")
    assert segs == []
    segs = post_timeline("p", [tenure("t1", "a", "2022-08-01")], "2022-09-01")
    assert segs[0].open and segs[0].duration_days == 31


def test_other_posts_are_ignored_and_established_after_as_of():
    other = {**tenure("x", "z", "2010-01-01"), "post": "q"}
    assert post_timeline("p", [other], "2020-01-01") == []
    assert post_timeline("p", [], "2020-01-01", established="2021-01-01") == []
    never = post_timeline("p", [], "2020-01-01", established="2019-01-01")
    assert kinds(never) == [("vacancy", None, "2019-01-01", None)]


@dataclass
class ExtractedTenure:
    """What a fusion layer might pass: an accepted extraction with document provenance and a conflict flag."""

    id: str
    post: str
    person: str
    start: str
    end: str | None = None
    person_name: str | None = None
    provenance: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)


def test_extracted_records_carry_document_provenance_and_conflicts():
    ext = ExtractedTenure("s-17", "p", "c", "2023-10-13", person_name="Julie Turner",
                          provenance=[{"kind": "document", "ref": "42", "fact_id": "s-17"}],
                          conflicts=["start: pack says 2023-10-13, document 7 says 2023-07"])
    segs = post_timeline("p", [tenure("t1", "a", "2017-01-13", "2017-01-13"), ext], "2024-01-01")
    holder = segs[-1]
    assert holder.person_name == "Julie Turner" and holder.conflicts
    assert holder.provenance[0].kind == "document" and holder.provenance[0].ref == "42"
    # the vacancy before her cites both neighbours
    refs = {p.ref for p in segs[-2].provenance}
    assert refs == {"https://example.org/a", "42"}


def test_source_with_document_id_becomes_document_provenance():
    prov = provenance_of({"id": "f", "sources": [{"url": "nkmonitor:document/9", "document_id": "9"}]})
    assert prov[0].kind == "document" and prov[0].ref == "9" and prov[0].fact_id == "f"


def test_vacancy_checks_add_provenance_to_the_vacancy_they_fall_in():
    check = {"id": "v1", "post": "p", "since": "2017-01", "as_of": "2020-05-01", "sources": [{"url": "https://example.org/check"}]}
    segs = post_timeline("p", [tenure("t1", "a", "2010-01-01", "2017-01-13")], "2021-01-01", vacancy_checks=[check])
    assert "https://example.org/check" in {p.ref for p in segs[-1].provenance}
    early = post_timeline("p", [tenure("t1", "a", "2010-01-01", "2017-01-13")], "2019-01-01", vacancy_checks=[check])
    assert "https://example.org/check" not in {p.ref for p in early[-1].provenance}


# ------------------------------------------------------------------ instruments
def ev(id_, event, date, **kw):
    return {"id": id_, "instrument": "law", "event": event, "date": date, "sources": SRC, **kw}


LAW = [
    ev("e1", "passed_chamber", "2004-07-21", chamber="us_house"),
    ev("e2", "enacted", "2004-10-18"),
    ev("e3", "reauthorized", "2018-07-20", until="2022-09-30"),
    ev("e4", "expired", "2022-09-30"),
]


@pytest.mark.parametrize("as_of,status,since", [
    ("2004-08-01", "not_yet_enacted", None),
    ("2010-01-01", "in_force", "2004-10-18"),
    ("2019-01-01", "in_force", "2018-07-20"),
    ("2024-01-01", "expired", "2022-09-30"),
])
def test_instrument_status_over_time(as_of, status, since):
    st = instrument_status("law", LAW, as_of)
    assert (st.status, st.since) == (status, since)
    assert all(dt.date.fromisoformat(e["date"]) <= dt.date.fromisoformat(as_of) for e in st.events if len(e["date"]) == 10)


def test_authorization_running_out_without_an_expiry_event():
    st = instrument_status("law", LAW[:3], "2023-01-01")
    assert st.status == "expired" and st.since == "2022-09-30"


def test_struck_down_and_entry_into_force():
    events = [ev("a", "passed_chamber", "2020-12-14"), ev("b", "enacted", "2020-12-29"), ev("c", "entered_into_force", "2021-03"),
              ev("d", "struck_down", "2023-09-26")]
    assert instrument_status("law", events, "2021-01-15").status == "enacted_not_in_force"
    assert instrument_status("law", events, "2021-06-01").status == "in_force"
    st = instrument_status("law", events, "2023-10-01")
    assert st.status == "struck_down" and st.provenance[0].fact_id == "d"


def test_year_precision_event_makes_status_uncertain():
    events = [ev("a", "enacted", "2012-08-17"), ev("b", "expired", "2017")]
    st = instrument_status("law", events, "2017-06-01")
    assert st.status == "in_force" and st.uncertain and "2017" in st.note
    assert instrument_status("law", events, "2018-01-01").status == "expired"


def test_resolution_series_status():
    votes = [{"id": "v", "instrument": "res", "year": 2005, "sources": SRC}, {"id": "w", "instrument": "res", "year": 2010, "sources": SRC}]
    st = instrument_status("res", [], "2008-01-01", votes=votes, kind="resolution_series")
    assert st.status == "adopted_annually" and st.since == "2005" and "recorded in the pack: 1" in st.note
    # an undated record of 2010 is known only once 2010 is over
    assert "recorded in the pack: 1" in instrument_status("res", [], "2010-06-01", votes=votes, kind="resolution_series").note
    assert "recorded in the pack: 2" in instrument_status("res", [], "2011-01-01", votes=votes, kind="resolution_series").note


def test_mandate_state_follows_history():
    m = {"id": "m", "instrument": "law", "label": "Foundation", "sources": SRC,
         "history": [{"date": "2016-09-04", "status": "not_implemented"}, {"date": "2023-03", "status": "implemented"}]}
    assert mandate_state(m, "2016-01-01").status == "not_yet"
    assert mandate_state(m, "2020-01-01").status == "not_implemented"
    assert mandate_state(m, "2023-04-01").status == "implemented"
    st = instrument_status("law", LAW, "2020-01-01", mandates=[m])
    assert st.mandates[0].status == "not_implemented"


# ------------------------------------------------------------------ UN votes
VOTES = [
    {"id": "a", "instrument": "ga", "body": "un_ga", "year": 2019, "method": "consensus", "sources": SRC},
    {"id": "b", "instrument": "ga", "body": "un_ga_third_committee", "year": 2019, "date": "2019-11-14", "method": "consensus", "sources": SRC},
    {"id": "c", "instrument": "hrc", "body": "un_hrc", "year": 2014, "method": "recorded_vote", "yes": 30, "no": 6, "abstain": 9, "sources": SRC},
]
POSITIONS = [
    {"id": "p1", "state": "rok", "instrument": "ga", "year": 2019, "position": "not_cosponsored", "sources": SRC},
    {"id": "p2", "state": "us", "instrument": "ga", "year": 2019, "position": "cosponsored", "sources": SRC},
    {"id": "p3", "state": "rok", "instrument": "ga", "year": 2018, "position": "cosponsored", "sources": SRC},
]


def test_vote_table_rows_and_filters():
    rows = un_votes_table(VOTES, POSITIONS)
    assert [(r.instrument, r.year) for r in rows] == [("ga", 2018), ("ga", 2019), ("hrc", 2014)]
    assert [v["body"] for v in rows[1].votes] == ["un_ga_third_committee", "un_ga"]  # dated first
    rok = un_votes_table(VOTES, POSITIONS, state="rok")
    assert positions_by_year(rok, "rok") == {"ga": {2018: ["cosponsored"], 2019: ["not_cosponsored"]}}
    assert all(set(r.positions) == {"rok"} for r in rok)
    hrc = un_votes_table(VOTES, POSITIONS, instrument="hrc")
    assert len(hrc) == 1 and hrc[0].votes[0]["yes"] == 30
    body = un_votes_table(VOTES, POSITIONS, body="un_ga_third_committee")
    assert all(v["body"] == "un_ga_third_committee" for r in body for v in r.votes)


def test_vote_table_as_of():
    rows = un_votes_table(VOTES, POSITIONS, as_of="2019-06-01")
    assert [(r.instrument, r.year) for r in rows] == [("ga", 2018), ("hrc", 2014)]  # nothing of 2019 known yet
    rows = un_votes_table(VOTES, POSITIONS, as_of="2019-11-20")
    y2019 = [r for r in rows if r.year == 2019][0]
    assert [v["id"] for v in y2019.votes] == ["b"]  # the dated Third Committee vote; the plenary row is undated
    assert un_votes_table(VOTES, POSITIONS, as_of="2020-01-01")[1].positions.keys() == {"rok", "us"}


# ------------------------------------------------------------------ properties
from hypothesis import given, settings, strategies as st  # noqa: E402

from nkmonitor.pack.dates import parse_edtf  # noqa: E402


def _fmt(day: dt.date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


@st.composite
def tenure_lists(draw):
    """Consecutive tenures with gaps (or none) between them, each date at a random precision."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    out = []
    for i in range(draw(st.integers(0, 5))):
        start = day + dt.timedelta(days=draw(st.integers(0, 900)))
        end = start + dt.timedelta(days=draw(st.integers(0, 2000)))
        last = i == 4 or draw(st.booleans()) and i > 0
        precision = st.sampled_from(["day", "day", "month", "year"])
        out.append(tenure(f"t{i}", f"p{i}", _fmt(start, draw(precision)), None if last else _fmt(end, draw(precision))))
        if last:
            break
        day = end + dt.timedelta(days=draw(st.integers(400, 900)))  # next start lies after this year ends
    return out


@settings(max_examples=60, deadline=None)
@given(tenures=tenure_lists(), as_of_offset=st.integers(0, 9000))
def test_timeline_invariants(tenures, as_of_offset):
    as_of = dt.date(2000, 1, 1) + dt.timedelta(days=as_of_offset)
    segs = post_timeline("p", tenures, as_of)
    known = [t for t in tenures if parse_edtf(t["start"]).earliest <= as_of]
    assert [s.person for s in segs if s.kind == "holder"] == [t["person"] for t in known]
    for a, b in zip(segs, segs[1:]):
        assert not (a.kind == b.kind == "vacancy")
        assert a.end is not None  # only the last segment can be open
        assert parse_edtf(a.start).earliest <= parse_edtf(b.start).latest  # ordered, within date precision
    for s in segs:
        assert s.duration_days_min <= s.duration_days <= s.duration_days_max
        assert s.approximate == (s.duration_days_min != s.duration_days_max)
        assert s.provenance
        if s.kind == "vacancy" and s.end is not None:
            assert parse_edtf(s.end).earliest > parse_edtf(s.start).latest  # a provable gap
    if segs:
        assert segs[-1].open == (segs[-1].end is None)
