"""The curated facts: every URL and discrepancy of the shared reference/facts.md is in the pack."""

from __future__ import annotations

import re

import pytest

from nkmonitor.pack import load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack()


@pytest.fixture(scope="module")
def facts_md(spec_dir):
    return (spec_dir.parent / "reference" / "facts.md").read_text(encoding="utf-8")


def _all_urls(pack) -> set[str]:
    urls = {s.url for s in pack.sources.values()}
    for e in pack.entities.values():
        urls |= {s.url for s in e.established_sources}
    for _, f in pack.facts():
        urls |= {s.url for s in f.sources}
        for alt in f.alternatives:
            for v in alt.values:
                urls |= {s.url for s in v.sources}
        for sub in (getattr(f, "events", None) or []) + (getattr(f, "history", None) or []):
            urls |= {s.url for s in sub.sources}
    return urls


def test_every_source_url_of_facts_md_is_cited(pack, facts_md):
    wanted = {u.rstrip(").,;") for u in re.findall(r"https?://[^\s|)]+", facts_md)}
    assert len(wanted) > 200
    assert sorted(wanted - _all_urls(pack)) == []


def test_every_fact_has_a_source_with_a_date(pack):
    for _, fact in pack.facts():
        assert fact.sources, fact.id
        for s in fact.sources:
            assert s.url.startswith("http") and (s.published or s.accessed), (fact.id, s.url)


def _alt(pack, fact_id: str, field: str):
    fact = pack.find_fact(fact_id)
    assert fact is not None, fact_id
    found = [a for a in fact.alternatives if a.field == field]
    assert found, f"{fact_id} has no alternative for {field}"
    return found[0], fact


@pytest.mark.parametrize("fact_id,field,used,other", [
    ("tenure_us_envoy_king", "end", "2017-01-13", "2017-01-20"),          # log 1
    ("tenure_us_envoy_turner", "start", "2023-10-13", "2023-07"),         # log 2
    ("hrc_2013_22_13", "date", "2013-03-21", "2013-03-22"),               # log 3
    ("coi_established", "date", "2013-03-21", "2013-03-22"),              # log 3
    ("unga_2014_plenary", "abstain", 53, 55),                             # log 4
    ("unga_2014_tc", "year", 2014, 2015),                                 # log 6
    ("us_nkhra_2024_passed_house", "yes", 335, 334),                      # log 7
    ("rok_nkhra_2016_passed", "date", "2016-03-02", "2016-03-03"),        # log 8
    ("upr_cycle4_adopted", "recommendations", 294, 306),                  # log 10
    ("unsc_2024_06_12", "date", "2024-06-12", "2024-06-11"),              # log 11
    ("us_nkhra_2017_expired", "date", "2017", "2017-08-12"),              # log 12
    ("rok_nkhra_annual_report", "started", "2017", "2018"),               # log 13
    ("usagm_cuts_2025", "date", "2025-03-14", "2025-01-15"),              # A12 VOA/RFA
])
def test_discrepancies_are_recorded_as_alternatives(pack, fact_id, field, used, other):
    alt, fact = _alt(pack, fact_id, field)
    values = [v.value for v in alt.values]
    assert used in values and other in values
    assert alt.used == used == getattr(fact, field)
    assert alt.reason.strip()
    assert all(v.sources for v in alt.values)


def test_unverified_items_are_gaps(pack):
    about = {ref for g in pack.gaps for ref in g.about}
    for ref in ("tenure_us_envoy_king", "unga_2010_plenary", "upr_cycle2_review", "rok_nkhra_advisory_committee",
                "us_nkspea_sec402_termination", "summit_2023_washington_declaration", "unsc_dprk_hr_agenda"):
        assert ref in about, ref


def test_rok_cosponsorship_tracks_kept_apart(pack):
    """Log item 9: UNGA gap 2019-2021 (back 2022), HRC gap 2019-2022 (back 2023)."""
    def years(instrument, position):
        return sorted(p.year for p in pack.state_positions
                      if p.state == "rok" and p.instrument == instrument and p.position == position)
    assert years("unga_dprk_hr_resolution", "not_cosponsored") == [2019, 2020, 2021]
    assert years("unga_dprk_hr_resolution", "cosponsored") == list(range(2008, 2019)) + [2022, 2023, 2024, 2025]
    assert years("unhrc_dprk_hr_resolution", "not_cosponsored") == [2019, 2020, 2021, 2022]
    assert 2023 in years("unhrc_dprk_hr_resolution", "cosponsored")
    assert years("unga_dprk_hr_resolution", "abstained") == [2005, 2007]
    assert years("unga_dprk_hr_resolution", "voted_yes") == [2006]


def test_us_cosponsorship_through_2024_not_2025(pack):
    us = {(p.year, p.position) for p in pack.state_positions if p.state == "us" and p.instrument == "unga_dprk_hr_resolution"}
    assert all((y, "cosponsored") in us for y in range(2005, 2025))
    assert (2025, "not_cosponsored") in us and (2025, "cosponsored") not in us


def test_mandates_of_the_rok_act(pack):
    by_id = {m.id: m for m in pack.mandates_of("rok_nkhra_2016")}
    assert by_id["rok_nkhra_foundation"].history[-1].status == "not_implemented"
    assert by_id["rok_nkhra_advisory_committee"].history[-1].status == "unknown"
    assert by_id["rok_nkhra_records_center"].creates == "rok_nkhr_records_center"
    assert by_id["rok_nkhra_ambassador"].creates == "rok_ambassador_nkhr"


def test_nkspea_conditions(pack):
    by_id = {m.id: m for m in pack.mandates_of("us_nkspea_2016")}
    assert len(by_id["us_nkspea_sec401_suspension"].conditions) == 6
    assert len(by_id["us_nkspea_sec402_termination"].conditions) == 5
    assert any("political prison camps" in c for c in by_id["us_nkspea_sec401_suspension"].conditions)


def test_council_meeting_votes(pack):
    votes = {m.date: (m.yes, m.no, m.abstain) for m in pack.council_meetings if m.procedural_vote}
    assert votes["2014-12-22"] == (11, 2, 2)
    assert votes["2024-06-12"] == (12, 2, 1)
    assert {m.outcome for m in pack.council_meetings if m.date.startswith("2018")} == {"not_held"}


def test_tenure_dates_keep_their_precision(pack):
    king = pack.find_fact("tenure_us_envoy_king")
    assert king.start == "2009-11"  # never padded to a fake day
    assert [e.event for e in king.events][:2] == ["nominated", "confirmed"]
