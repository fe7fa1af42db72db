"""Indicators: vacancy from the pack's tenures, attention and salience from stored analyses, US-ROK alignment."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.errors import BadValue
from nkmonitor.pack import load_pack
from nkmonitor.pipeline import ingest_paths
from nkmonitor.records import Extraction
from nkmonitor.store import open_store
from nkmonitor.store.suggestions import add_analysis
from nkmonitor.track.indicators import INDICATORS, TRACKED_POSTS, compute_indicator

runner = CliRunner()


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def _expected_vacant_days(pack, post, start: dt.date, end: dt.date) -> tuple[int, int]:
    """Independent count from the pack: (days the post existed in [start, end), days nobody held it)."""
    def first_day(value):
        parts = [int(x) for x in value.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    exists = first_day(pack.get(post).established)
    lo = max(start, exists)
    if lo >= end:
        return 0, 0
    held = set()
    for t in pack.tenures_of(post):
        s, e = first_day(t.start), first_day(t.end) if t.end else end
        day = max(s, lo)
        while day < min(e, end):
            held.add(day)
            day += dt.timedelta(days=1)
    days = (end - lo).days
    return days, days - len(held)


def test_vacancy_by_year_cli_covers_2004_to_2025_for_three_posts(pack, tmp_path):
    out = runner.invoke(app, ["indicators", "vacancy", "--by", "year", "--json", "--db", str(tmp_path / "none.db")])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert not (tmp_path / "none.db").exists()  # the pack alone suffices; no database file is created
    years = sorted({r["period"] for r in data["rows"]})
    assert years == [str(y) for y in range(2004, 2026)]
    assert {r["post"] for r in data["rows"]} == set(TRACKED_POSTS)
    assert len(data["rows"]) == 22 * 3
    for r in data["rows"]:
        year = int(r["period"])
        days, vacant = _expected_vacant_days(pack, r["post"], dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        if days == 0:
            assert r["status"] == "not_applicable" and r["value"] is None
        else:
            assert (r["days"], r["vacant_days"]) == (days, vacant), r
            assert r["value"] == pytest.approx(vacant / days, abs=1e-4)
    rok = {r["period"]: r for r in data["rows"] if r["post"] == "rok_ambassador_nkhr"}
    assert rok["2010"]["status"] == "not_applicable"  # before the post existed: not "vacant"
    assert rok["2019"]["value"] == 1.0 and rok["2023"]["value"] == 0.0
    assert data["definition"] == INDICATORS["vacancy"].definition


def test_vacancy_by_quarter_and_as_of(pack):
    table = compute_indicator("vacancy", None, pack, by="quarter", date_from=2016, date_to=2016)
    cell = next(r for r in table.rows if r["period"] == "2016-Q3" and r["post"] == "rok_ambassador_nkhr")
    days, vacant = _expected_vacant_days(pack, "rok_ambassador_nkhr", dt.date(2016, 7, 1), dt.date(2016, 10, 1))
    assert (cell["days"], cell["vacant_days"]) == (days, vacant) and 0 < days < 92
    table = compute_indicator("vacancy", None, pack, as_of="2020-06-30", date_from=2019, date_to=2021)
    by = {(r["period"], r["post"]): r for r in table.rows}
    assert by[("2020", "us_special_envoy_nkhr")]["days"] == 182  # 1 January to 30 June 2020
    assert by[("2021", "us_special_envoy_nkhr")]["status"] == "future"


def test_alignment_cli_shows_the_2019_2021_divergence(db_url):
    open_store(db_url)  # an empty archive: the pack alone answers envoys and co-sponsorship
    out = runner.invoke(app, ["indicators", "alignment", "--json", "--db", db_url])
    assert out.exit_code == 0, out.output
    rows = {r["period"]: r for r in json.loads(out.stdout)["rows"]}
    assert sorted(rows) == [str(y) for y in range(2004, 2026)]
    for year in ("2019", "2020", "2021"):
        comp = rows[year]["components"]
        assert comp["us_cosponsored"] is True and comp["rok_cosponsored"] is False
        assert comp["rok_envoy_filled"] == 0.0 and comp["cosponsor_both"] == 0.0
        assert any(d.startswith("co-sponsorship") for d in rows[year]["divergence"])
        assert rows[year]["value"] < rows["2018"]["value"] and rows[year]["value"] < rows["2022"]["value"]
    assert rows["2018"]["components"]["cosponsor_both"] == 1.0
    assert rows["2010"]["components"]["envoys_both_filled"] is None  # the ROK post did not exist yet


def _analysis(store, doc, issues):
    with store.connect() as conn:
        add_analysis(conn, document_id=doc["id"], text_hash="t", component="test", component_version="1",
                     pack_version="p", extraction=Extraction(document={}, issues=issues))


@pytest.fixture
def labelled(db_url, corpus_dir):
    """The three 2021 seeds with hand-set issues, so attention and salience have known answers."""
    store = open_store(db_url)
    ingest_paths(store, [corpus_dir / "seeds"])
    docs = {d["source"].rsplit("/", 1)[-1][:3]: d for d in store.iter_documents()}
    _analysis(store, docs["001"], ["political_prison_camps", "sanctions"])  # 2021-04
    _analysis(store, docs["003"], ["denuclearization_security"])  # 2021
    _analysis(store, docs["004"], ["engagement_diplomacy", "sanctions"])  # 2021-03
    _analysis(store, docs["000"], ["political_prison_camps"])  # 2022
    return store, docs


def test_attention_is_share_of_the_period_documents(labelled, pack):
    store, _ = labelled
    table = compute_indicator("attention", store, pack, date_from=2021, date_to=2022)
    by = {(r["period"], r["issue"]): r for r in table.rows}
    assert (by[("2021", "sanctions")]["documents"], by[("2021", "sanctions")]["total"]) == (2, 3)
    assert by[("2021", "sanctions")]["value"] == pytest.approx(2 / 3, abs=1e-4)
    assert by[("2022", "political_prison_camps")]["value"] == 1.0
    assert by[("2021", "forced_labor")]["value"] == 0.0
    quarters = compute_indicator("attention", store, pack, by="quarter", date_from=2021, date_to=2021)
    q = {(r["period"], r["issue"]): r for r in quarters.rows}
    assert q[("2021-Q1", "sanctions")]["total"] == 1 and q[("2021-Q2", "sanctions")]["total"] == 1
    assert any("too coarsely" in n for n in quarters.notes)  # the "2021" op-ed has no quarter
    assert compute_indicator("attention", store, pack, as_of="2021-12-31", date_from=2022,
                             date_to=2022).rows[0]["total"] == 0


def test_hr_salience_counts_documents_where_the_actor_appears(labelled, pack):
    store, docs = labelled
    us_forms = ("United States", "U.S.", "Washington", "Biden")
    assert all(any(f in docs[k]["text"] for f in us_forms) for k in ("001", "003", "004"))
    table = compute_indicator("hr-salience", store, pack, date_from=2021, date_to=2021)
    us = next(r for r in table.rows if r["actor"] == "us")
    assert (us["documents"], us["raising_hr"], us["security_only"]) == (3, 1, 2)  # 003 and 004 raise only security
    assert us["value"] == pytest.approx(1 / 3, abs=1e-4)


def test_bad_input_is_refused(db_url, tmp_path):
    open_store(db_url)
    for args in (["nope"], ["vacancy", "--by", "month"], ["vacancy", "--from", "2030", "--to", "2020"],
                 ["vacancy", "--as-of", "2023-02-30"], ["alignment", "--by", "quarter"], ["attention"],
                 ["vacancy", "--from", "twenty"]):
        out = runner.invoke(app, ["indicators", *args, "--db", db_url])
        assert out.exit_code == 2, (args, out.output)
        assert "NK-IN-006" in out.stderr
    missing = tmp_path / "missing.db"
    out = runner.invoke(app, ["indicators", "attention", "--db", str(missing)])
    assert out.exit_code == 2 and not missing.exists()
    with pytest.raises(BadValue):
        compute_indicator("vacancy", None, load_pack(), by="week")


def test_csv_output_has_one_line_per_period_and_post(tmp_path):
    import csv
    import io

    out = runner.invoke(app, ["indicators", "vacancy", "--csv", "--from", "2019", "--to", "2020",
                              "--db", str(tmp_path / "none.db")])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["period"], r["post"]) for r in rows] == [(y, p) for y in ("2019", "2020") for p in TRACKED_POSTS]
    assert {r["value"] for r in rows if r["post"] == "rok_ambassador_nkhr"} == {"1.0"}
