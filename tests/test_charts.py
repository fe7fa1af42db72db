"""Charts: valid, self-contained, accessible SVG with the labels of the data they draw."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from nkmonitor.report.charts import gantt_rows, indicator_svg, posts_gantt_svg, un_votes_svg, vote_rows

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE = "<script>alert('x')</script> Mallory"

TIMELINES = [
    {"post": "p_envoy", "label": "Envoy for testing purposes with a long name", "segments": [
        {"kind": "holder", "person_label": "Ada Example", "start": "2005-08-19", "end": "2009-01-20"},
        {"kind": "vacancy", "start": "2009-01-20", "end": "2009-11"},
        {"kind": "holder", "person_label": "Bob Sample", "start": "2009-11", "end": "2017-01-13"},
        {"kind": "vacancy", "start": "2017-01-13", "end": "2023-10-13"},
        {"kind": "holder", "person_label": "Cleo Late", "start": "2023-10-13", "end": None},
    ]},
    {"post": "p_rapporteur", "label": "Rapporteur", "segments": [
        {"kind": "holder", "person_label": HOSTILE, "start": "2004-07-13", "end": "2010-06-30"},
        {"kind": "holder", "person_label": "Dana Tomás", "start": "2010-07", "end": None},
    ]},
]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(SVG + "text")]


def assert_self_contained(svg: str, root: ET.Element) -> None:
    assert not list(root.iter(SVG + "script"))
    assert "<script" not in svg.lower()
    for el in root.iter():
        for attr in ("href", XLINK + "href"):
            ref = el.get(attr)
            assert ref is None or ref.startswith("#"), f"external reference {ref!r}"
        for value in el.attrib.values():
            assert "http://" not in value.replace("http://www.w3.org", "") and "https://" not in value
    # Local references only: url(#id) for the hatch pattern.
    assert not re.search(r"url\((?!#)", svg)


def assert_accessible(root: ET.Element, title_part: str) -> None:
    title = root.find(SVG + "title")
    desc = root.find(SVG + "desc")
    assert title is not None and title_part in title.text
    assert desc is not None and desc.text.strip()
    assert root.get("role") == "img" and title_part in root.get("aria-label")


def test_gantt_shows_holders_vacancies_and_as_of():
    svg = posts_gantt_svg(TIMELINES, as_of=dt.date(2024, 1, 1))
    root = parse(svg)
    assert_self_contained(svg, root)
    assert_accessible(root, "2024-01-01")
    labels = texts(root)
    for name in ("Ada Example", "Bob Sample", "Cleo Late", "Dana Tomás", HOSTILE):
        assert name in labels
    assert labels.count("vacant") == 2
    assert "as of 2024-01-01" in labels
    # Vacancies are hatched (a local pattern), not told by colour alone.
    assert root.find(f"{SVG}defs/{SVG}pattern") is not None
    assert svg.count("url(#nk-hatch-vacant)") >= 2
    # Axis years come from the data's range.
    assert "2006" in labels and "2022" in labels


def test_gantt_escapes_hostile_names():
    svg = posts_gantt_svg(TIMELINES, as_of=dt.date(2024, 1, 1))
    root = parse(svg)
    assert not list(root.iter(SVG + "script"))
    assert "&lt;script&gt;" in svg
    assert "<script>" not in svg


def test_gantt_as_of_drops_later_segments_and_clips_open_ones():
    rows = gantt_rows(TIMELINES, as_of=dt.date(2021, 6, 1))
    names = {r["name"] for r in rows}
    assert "Cleo Late" not in names
    vacancy = [r for r in rows if r["kind"] == "vacant" and r["start"] == "2017-01-13"]
    assert vacancy and vacancy[0]["end"] == "2021-06-01"
    svg = posts_gantt_svg(TIMELINES, as_of=dt.date(2021, 6, 1))
    assert "Cleo Late" not in texts(parse(svg))


def test_gantt_is_deterministic():
    assert posts_gantt_svg(TIMELINES, as_of=dt.date(2024, 1, 1)) == posts_gantt_svg(TIMELINES, as_of=dt.date(2024, 1, 1))


def test_gantt_month_precision_dates_use_the_month_bounds():
    rows = gantt_rows(TIMELINES, as_of=dt.date(2024, 1, 1))
    bob = next(r for r in rows if r["name"] == "Bob Sample")
    assert bob["start"] == "2009-11-01"


VOTES = {
    "votes": [
        {"year": 2005, "body": "un_ga", "method": "recorded_vote", "yes": 88, "no": 21, "abstain": 60},
        {"year": 2011, "body": "un_ga", "method": "recorded_vote", "yes": 123, "no": 16, "abstain": 51},
        {"year": 2012, "body": "un_ga", "method": "consensus"},
        {"year": 2019, "body": "un_ga", "method": "consensus"},
    ],
    "positions": [
        {"state": "rok", "year": 2005, "position": "abstained"},
        {"state": "rok", "year": 2011, "position": "cosponsored"},
        {"state": "rok", "year": 2019, "position": "not_cosponsored"},
        {"state": "us", "year": 2019, "position": "cosponsored"},
        {"state": "china", "year": 2019, "position": "voted_no"},
    ],
}


def test_un_votes_chart_counts_consensus_and_states():
    svg = un_votes_svg(VOTES)
    root = parse(svg)
    assert_self_contained(svg, root)
    assert_accessible(root, "General Assembly")
    labels = texts(root)
    assert "88-21-60" in labels and "123-16-51" in labels
    assert labels.count("consensus") == 2
    assert {"2005", "2011", "2012", "2019"} <= set(labels)
    assert "South Korea" in labels and "United States" in labels
    # Only the requested states get a strip row.
    assert "china" not in labels and "China" not in labels
    # Legends name each position in words.
    assert "co-sponsored" in labels and "did not co-sponsor" in labels and "abstained" in labels


def test_vote_rows_accept_positions_nested_in_vote_rows():
    votes, positions = vote_rows([{"year": 2022, "method": "consensus", "positions": {"rok": "cosponsored"}}])
    assert votes[0]["method"] == "consensus"
    assert positions == [{"state": "rok", "year": 2022, "position": "cosponsored"}]


def test_indicator_chart_labels_series_and_periods():
    table = {"name": "vacancy", "label": "Vacancy share per post per year",
             "definition": "Share of days in the year the post had no holder.",
             "rows": [{"year": y, "post": p, "value": v}
                      for p, values in (("US envoy", [0, 0.95, 1]), (HOSTILE, [0.5, 0.25, 0]))
                      for y, v in zip((2016, 2017, 2018), values)]}
    svg = indicator_svg(table)
    root = parse(svg)
    assert_self_contained(svg, root)
    assert_accessible(root, "Vacancy share")
    labels = texts(root)
    assert {"2016", "2017", "2018"} <= set(labels)
    assert "US envoy" in labels and HOSTILE in labels
    assert "Share of days" in root.find(SVG + "desc").text


def test_indicator_with_one_period_draws_labelled_bars():
    svg = indicator_svg({"name": "attention", "rows": [{"year": 2023, "issue": "refugees", "value": 3},
                                                       {"year": 2023, "issue": "food", "value": 1.5}]})
    labels = texts(parse(svg))
    assert "refugees" in labels and "food" in labels and "3" in labels and "1.5" in labels


@pytest.mark.parametrize("render, arg", [(posts_gantt_svg, []), (un_votes_svg, []), (indicator_svg, {"name": "x", "rows": []})])
def test_empty_inputs_give_a_no_data_svg(render, arg):
    svg = render(arg)
    root = parse(svg)
    assert "No " in "".join(texts(root))
    assert root.find(SVG + "title") is not None


def _text_positions(root: ET.Element) -> dict[str, tuple[float, float]]:
    out = {}
    for el in root.iter(SVG + "text"):
        if el.get("role") != "graphics-symbol":
            continue  # legend and axis labels
        m = re.search(r"translate\(([-\d.]+),([-\d.]+)\)", el.get("transform") or "")
        if m:
            out["".join(el.itertext())] = (float(m.group(1)), float(m.group(2)))
    return out


def test_indicator_end_labels_of_equal_values_do_not_overlap():
    rows = [{"year": y, "post": p, "value": v} for p in ("alpha", "beta", "gamma")
            for y, v in ((2020, 0.5), (2021, 0.0 if p != "gamma" else 1.0))]
    root = parse(indicator_svg({"name": "vacancy", "rows": rows}))
    pos = _text_positions(root)
    assert abs(pos["alpha"][1] - pos["beta"][1]) >= 10


def test_un_votes_marks_recorded_votes_without_counts():
    svg = un_votes_svg({"votes": [{"year": 2006, "method": "recorded_vote"}, {"year": 2009, "yes": 99, "no": 20, "abstain": 63}]})
    labels = texts(parse(svg))
    assert "vote, counts n/a" in labels and "99-20-63" in labels


# ------------------------------------------------------------------ charts of the real pack's records

def test_gantt_of_fused_pack_timelines_names_every_known_holder():
    from nkmonitor.pack import load_pack
    from nkmonitor.track.fusion import fused_post_timelines

    pack = load_pack()
    day = dt.date(2024, 1, 1)
    timelines = [t for t in fused_post_timelines(pack, None, as_of=day)
                 if t.post in ("us_special_envoy_nkhr", "rok_ambassador_nkhr", "un_special_rapporteur_dprk")]
    svg = posts_gantt_svg(timelines, as_of=day)
    root = parse(svg)
    assert_self_contained(svg, root)
    labels = texts(root)
    expected = {pack.label(t.person) for t in pack.tenures
                if t.post in {tl.post for tl in timelines} and t.start[:4] <= "2023"}
    assert expected and expected <= set(labels)
    assert "Julie Turner" in labels and "vacant" in labels
    first_year = min(int(t.start[:4]) for t in pack.tenures if t.post in {tl.post for tl in timelines})
    assert str(first_year + 2) in labels and "2022" in labels


def test_un_votes_chart_of_the_pack_shows_each_recorded_count():
    from nkmonitor.pack import load_pack
    from nkmonitor.report.state import GA_RESOLUTION, un_vote_state

    pack = load_pack()
    state = un_vote_state(pack, dt.date(2024, 1, 1))
    labels = texts(parse(un_votes_svg(state.chart_table)))
    recorded = [v for v in state.chart_table["votes"] if v["yes"] is not None]
    assert recorded
    for v in recorded:
        assert f"{v['yes']}-{v['no']}-{v['abstain']}" in labels
    consensus_years = {v["year"] for v in state.chart_table["votes"] if v["method"] == "consensus"}
    assert labels.count("consensus") == len(consensus_years)
    assert any(p.instrument == GA_RESOLUTION and p.state == "rok" for p in pack.state_positions)
    assert "South Korea" in labels


def test_strip_keeps_one_mark_per_state_year_preferring_cosponsorship():
    _, positions = vote_rows({"votes": [], "positions": [
        {"state": "rok", "year": 2019, "position": "joined_consensus"},
        {"state": "rok", "year": 2019, "position": "not_cosponsored"},
        {"state": "rok", "year": 2006, "position": "voted_yes"}]})
    assert positions == [{"state": "rok", "year": 2006, "position": "voted_yes"},
                         {"state": "rok", "year": 2019, "position": "not_cosponsored"}]
