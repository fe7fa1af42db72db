"""The issue's acceptance checks through the real CLI on the bundled pack: posts, instruments, un-votes, exports."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from nkmonitor.cli import app


def run(*args: str, code: int = 0):
    result = CliRunner(env={"COLUMNS": "220"}).invoke(app, list(args))
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result


def run_json(*args: str):
    return json.loads(run(*args, "--json").stdout)


def test_us_envoy_timeline():
    tl = run_json("posts", "us_special_envoy_nkhr", "--as-of", "2025-12-31")
    segs = tl["segments"]
    holders = [(s["person"], s["start"], s["end"]) for s in segs if s["kind"] == "holder"]
    assert holders == [("jay_lefkowitz", "2005-08-19", "2009-01"), ("robert_king", "2009-11", "2017-01-13"),
                       ("julie_turner", "2023-10-13", "2025-01")]
    vacancies = [(s["start"], s["end"]) for s in segs if s["kind"] == "vacancy"]
    assert ("2017-01-13", "2023-10-13") in vacancies
    assert vacancies[-1] == ("2025-01", None)
    turner = [s for s in segs if s["person"] == "julie_turner"][0]
    assert turner["start_reason"] == "took_office" and turner["start_precision"] == "day"
    assert [s["person_name"] for s in segs if s["kind"] == "holder"] == ["Jay Lefkowitz", "Robert R. King", "Julie Turner"]
    # the vacancy since 2017 is exact; the one since January 2025 is only known to the month
    v2017 = [s for s in segs if s["kind"] == "vacancy" and s["start"] == "2017-01-13"][0]
    assert v2017["duration_days"] == 2464 and not v2017["approximate"]
    assert segs[-1]["approximate"] and segs[-1]["start_precision"] == "month" and segs[-1]["open"]
    assert tl["status"] == "vacant"
    assert all(s["provenance"] for s in segs)


def test_us_envoy_as_of_2021_is_vacant_since_january_2017():
    tl = run_json("posts", "us_special_envoy_nkhr", "--as-of", "2021-06-01")
    last = tl["segments"][-1]
    assert (last["kind"], last["start"], last["end"], last["open"]) == ("vacancy", "2017-01-13", None, True)
    assert "julie_turner" not in {s["person"] for s in tl["segments"]}
    assert last["duration_days"] == 1600


def test_rok_ambassador_timeline():
    segs = run_json("posts", "rok_ambassador_nkhr", "--as-of", "2025-12-31")["segments"]
    assert [(s["kind"], s["person"], s["start"], s["end"]) for s in segs] == [
        ("holder", "lee_jung_hoon", "2016-09", "2017-09"),
        ("vacancy", None, "2017-09", "2022-07-19"),
        ("holder", "lee_shin_wha", "2022-07-19", "2024-07-18"),
        ("vacancy", None, "2024-07-18", None),
    ]
    segs = run_json("posts", "rok_ambassador_nkhr", "--as-of", "2021-06-01")["segments"]
    assert (segs[-1]["kind"], segs[-1]["start"], segs[-1]["open"]) == ("vacancy", "2017-09", True)


def test_un_special_rapporteur_timeline():
    segs = run_json("posts", "un_special_rapporteur_dprk", "--as-of", "2025-12-31")["segments"]
    holders = [s["person"] for s in segs if s["kind"] == "holder"]
    assert holders == ["vitit_muntarbhorn", "marzuki_darusman", "tomas_ojea_quintana", "elizabeth_salmon"]
    assert segs[-1]["person"] == "elizabeth_salmon" and segs[-1]["open"]
    segs = run_json("posts", "un_special_rapporteur_dprk", "--as-of", "2021-06-01")["segments"]
    assert segs[-1]["person"] == "tomas_ojea_quintana" and segs[-1]["open"]


def test_all_posts_and_human_table():
    rows = run_json("posts", "--as-of", "2024-01-01")
    assert {r["post"] for r in rows} >= {"us_special_envoy_nkhr", "rok_ambassador_nkhr", "un_special_rapporteur_dprk"}
    out = run("posts", "us_special_envoy_nkhr", "--as-of", "2024-01-01").stdout
    assert "Julie Turner" in out and "Nov 2009 (month)" in out


@pytest.mark.parametrize("args,needle", [
    (("posts", "--as-of", "2021-02-30"), "--as-of"),
    (("posts", "us_envoy"), "us_special_envoy_nkhr"),
    (("instruments", "nkhra"), "us_nkhra_2004"),
    (("un-votes", "--state", "korea"), "rok"),
    (("pack", "export", "--format", "xml"), "popolo"),
])
def test_bad_input_is_a_clear_usage_error(args, needle):
    result = run(*args, code=2)
    assert needle in result.stderr and result.stdout == ""


def test_nkhra_expired_on_2022_09_30():
    st = run_json("instruments", "us_nkhra_2004", "--as-of", "2024-01-01")
    assert (st["status"], st["since"]) == ("expired", "2022-09-30")
    assert not st["uncertain"]
    assert all(e["date"] <= "2024-01-01" for e in st["events"])
    assert "us_nkhra_2024_passed_house" not in {e["id"] for e in st["events"]}
    assert {m["id"] for m in st["mandates"]} >= {"us_nkhra_sec107_envoy"}
    assert run_json("instruments", "us_nkhra_2004", "--as-of", "2020-01-01")["status"] == "in_force"


def test_instrument_statuses_on_a_date():
    rows = {r["instrument"]: r for r in run_json("instruments", "--as-of", "2024-01-01")}
    assert rows["rok_anti_leaflet_law_2020"]["status"] == "struck_down"
    assert rows["rok_anti_leaflet_law_2020"]["since"] == "2023-09-26"
    assert rows["rok_nkhra_2016"]["status"] == "in_force"
    assert rows["us_nkspea_2016"]["status"] == "in_force"
    assert rows["unga_dprk_hr_resolution"]["status"] == "adopted_annually"
    foundation = [m for m in rows["rok_nkhra_2016"]["mandates"] if m["id"] == "rok_nkhra_foundation"][0]
    assert foundation["status"] == "not_implemented"
    out = run("instruments", "rok_anti_leaflet_law_2020", "--as-of", "2024-01-01").stdout
    assert "struck down" in out


def test_un_votes_rok():
    rows = run_json("un-votes", "--state", "rok")
    ga = {r["year"]: [p["position"] for p in r["positions"]["rok"]] for r in rows if r["instrument"] == "unga_dprk_hr_resolution"}
    for year in (2019, 2020, 2021):
        assert "not_cosponsored" in ga[year] and "cosponsored" not in ga[year]
    for year in list(range(2008, 2019)) + [2022]:
        assert ga[year] == ["cosponsored"], year
    assert all(set(r["positions"]) == {"rok"} for r in rows)
    y2014 = [r for r in rows if r["year"] == 2014 and r["instrument"] == "unga_dprk_hr_resolution"][0]
    assert {(v["body"], v.get("yes")) for v in y2014["votes"]} == {("un_ga_third_committee", 111), ("un_ga", 116)}


def test_un_votes_filters_and_table():
    rows = run_json("un-votes", "--instrument", "unhrc_dprk_hr_resolution", "--body", "un_hrc")
    assert rows and all(r["instrument"] == "unhrc_dprk_hr_resolution" for r in rows)
    assert all(v["body"] == "un_hrc" for r in rows for v in r["votes"])
    out = run("un-votes", "--state", "rok", "--instrument", "unga_dprk_hr_resolution").stdout
    assert "NOT co-sponsored" in out and "2019" in out


def test_popolo_export(tmp_path):
    target = tmp_path / "popolo.json"
    run("pack", "export", "--format", "popolo", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    person_ids = {p["id"] for p in data["persons"]}
    post_ids = {p["id"] for p in data["posts"]}
    org_ids = {o["id"] for o in data["organizations"]}
    assert data["memberships"]
    for m in data["memberships"]:
        assert m["person_id"] in person_ids and m["post_id"] in post_ids and m["organization_id"] in org_ids
        assert m["sources"]
    king = [m for m in data["memberships"] if m["person_id"] == "robert_king"][0]
    assert king["start_date"] == "2009-11" and king["end_date"] == "2017-01-13"
    assert any(n["name"] == "이신화" for p in data["persons"] if p["id"] == "lee_shin_wha" for n in p["other_names"])


def test_csv_export(tmp_path):
    run("pack", "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "state_positions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["state"] == "rok" and r["year"] == "2019" and r["position"] == "not_cosponsored" for r in rows)
    with (tmp_path / "csv" / "sources.csv").open(encoding="utf-8") as fh:
        sources = list(csv.DictReader(fh))
    with (tmp_path / "csv" / "alternatives.csv").open(encoding="utf-8") as fh:
        alts = list(csv.DictReader(fh))
    assert len(sources) > 300 and all(s["url"] for s in sources)
    assert {a["fact_id"] for a in alts} >= {"tenure_us_envoy_king", "unga_2014_plenary"}
    assert run("pack", "export", "--format", "csv", code=2).stderr


def test_pack_ids():
    rows = run_json("pack", "ids", "post")
    assert {r["id"] for r in rows} >= {"us_special_envoy_nkhr", "rok_ambassador_nkhr"}
    run("pack", "ids", "planet", code=2)
