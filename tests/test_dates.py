"""Date normalization: expressions x reference dates (day, month-only and year-only publication dates)."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.dates import find_dateline, find_dates, normalize_date, resolve_dates

# (expression, reference, expected); 2023-10-14 is a Saturday
TABLE = [
    ("2023-10-13", "2024-01-01", "2023-10-13"),
    ("2021-03", "2024-01-01", "2021-03"),
    ("Nov. 17", "2005-11-19", "2005-11-17"),
    ("Nov. 17, 2005", None, "2005-11-17"),
    ("17 November 2005", None, "2005-11-17"),
    ("Dec. 28", "2024-01-03", "2023-12-28"),          # a later month-day is last year's
    ("early March 2016", None, "2016-03"),
    ("the end of September 2022", None, "2022-09"),
    ("in November 2009", None, "2009-11"),
    ("the fall of 2004", None, "2004"),
    ("late 2019", None, "2019"),
    ("in 2017", None, "2017"),
    ("in July", "2023-10-14", "2023-07"),
    ("in December", "2023-10-14", "2022-12"),         # not yet December: last year's
    ("in July", "2023", "2023-07"),
    ("since late August", "2023-10-11", "2023-08"),
    ("on Friday", "2023-10-14", "2023-10-13"),
    ("on Saturday", "2023-10-14", "2023-10-14"),
    ("last Saturday", "2023-10-14", "2023-10-07"),
    ("on Wednesday", "2008-09", "2008-09"),            # month-only reference: month precision
    ("on Friday", "2022", "2022"),                      # year-only reference: year precision
    ("today", "2023-10-14", "2023-10-14"),
    ("yesterday", "2023-10-01", "2023-09-30"),
    ("two days ago", "2008-09", "2008-09"),
    ("two days ago", "2023-10-14", "2023-10-12"),
    ("last month", "2023-01-05", "2022-12"),
    ("this month", "2019-11-15", "2019-11"),
    ("last year", "2024-05-01", "2023"),
    ("late last year", "2021-03", "2020"),
    ("this year", "2023", "2023"),
    ("three years ago", "2020-06-01", "2017"),
    ("earlier this week", "2023-10-11", "2023-10"),
]


@pytest.mark.parametrize("expr, ref, expected", TABLE)
def test_normalize_table(expr, ref, expected):
    assert normalize_date(expr, ref) == expected


@pytest.mark.parametrize("expr, ref", [
    ("on Friday", None), ("last month", "2022"), ("next year", "2023-01-01"), ("in may", "2023-05-01"),
    ("2,600 people", "2023"), ("Public Law 108-333", "2005"), ("US$22,172", "2023"), ("", "2023"),
])
def test_not_dates(expr, ref):
    assert normalize_date(expr, ref) is None


def test_ranges_give_both_ends():
    for text in ("He served from 2009 to 2017.", "I served as envoy (2009-2017).", "between 2009 and 2017"):
        assert [d.value for d in find_dates(text, "2023")] == ["2009", "2017"]


def test_offsets_and_precision():
    text = "On Friday the envoy, named in July, arrived; the act of 2004 lapsed in September 2022."
    found = find_dates(text, "2023-10-14")
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.precision == {10: "day", 7: "month", 4: "year"}[len(d.value)]
    assert [d.value for d in found] == ["2023-10-13", "2023-07", "2004", "2022-09"]


def test_dateline_anchors_relative_dates():
    text = "SEOUL, Oct. 11 (Yonhap) -- Officials said on Monday that talks would resume."
    assert find_dateline(text, "2023-10") == "2023-10-11"
    ctx = DocContext(text=text, sdoc=None, published="2023-10", pack=None)
    values = [d.value for d in resolve_dates(ctx)]
    assert "2023-10-09" in values, "Monday before the Oct. 11 dateline"


def test_no_reference_keeps_absolute_dates_only():
    found = find_dates("It happened on Friday, after the vote of November 17, 2005.", None)
    assert [d.value for d in found] == ["2005-11-17"]


def test_korean_and_html_text():
    # Korean month/day markers are not read (no English garbage), the bare year is
    assert [d.value for d in find_dates("2023년 10월 13일 특사가 취임했다", "2023-10-14")] == ["2023"]
    found = find_dates("<p>On&nbsp;Friday</p> <b>March 3, 2021</b>", "2023-10-14")
    assert "2021-03-03" in [d.value for d in found]


def test_long_text_is_linear():
    import time

    text = "The committee met on Friday, 12 March 2021, and again in July. " * 20000
    t0 = time.perf_counter()
    found = find_dates(text, "2023-10-14")
    assert time.perf_counter() - t0 < 10
    assert len(found) == 60000


def test_month_of_last_year():
    # "April last year" is the previous year's April even in a story published after April
    assert [d.value for d in find_dates("adopted a resolution in April last year", "2005-08-20")] == ["2004-04"]
    assert [d.value for d in find_dates("in March of this year", "2005-08-20")] == ["2005-03"]


def test_un_press_release_dateline_and_this_afternoon():
    from nkmonitor.analyze.dates import find_dateline

    text = "COUNCIL ADOPTS TEXT\n\nGENEVA (21 March 2013) - The Council this afternoon adopted a resolution."
    assert find_dateline(text, "2013-03-21") == "2013-03-21"
    assert "2013-03-21" in [d.value for d in find_dates("adopted this afternoon", "2013-03-21")]
