"""As-of rules shared by the trackers: when a dated fact or a document counts as known by a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nkmonitor.errors import BadValue
from nkmonitor.pack.dates import EdtfDate, parse_edtf, parse_user_date


def edtf(value: Any) -> EdtfDate | None:
    """A stored EDTF date (or year int) as an EdtfDate; None when missing or unreadable."""
    if value is None or value == "":
        return None
    try:
        return parse_edtf(value)
    except (ValueError, TypeError):
        return None


def as_of_date(value: Any, option: str = "--as-of") -> dt.date | None:
    """A user's as-of value (date, YYYY, YYYY-MM, YYYY-MM-DD) as the last day it covers."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_user_date(str(value), option=option)


def known_by(value: Any, as_of: dt.date | None) -> bool:
    """A date counts as known by `as_of` unless it certainly lies after it.

    `2023` is known by 2023-06-01 (it may be January); `2023-10-13` is not. A missing date
    counts as known: the caller decides from the document date instead.
    """
    if as_of is None:
        return True
    d = edtf(value)
    return d is None or d.earliest <= as_of


def fact_date(payload: dict[str, Any]) -> Any:
    """The date a fact is about: its `date`, else the vacancy's `as_of`/`since`, else its `year`."""
    for name in ("date", "as_of", "since", "year"):
        if payload.get(name) not in (None, ""):
            return payload[name]
    return None


def fact_known_by(payload: dict[str, Any], published: str | None, as_of: dt.date | None) -> bool:
    """Whether an extracted fact was known by `as_of`: its document and its own date not after it.

    Undated documents are left out of as-of answers: nothing says they were known then.
    """
    if as_of is None:
        return True
    if edtf(published) is None:
        return False
    return known_by(published, as_of) and known_by(fact_date(payload), as_of)


def check_date(value: Any, field: str) -> str:
    """A date typed in a review edit: refuse impossible ones (2023-02-30) with BadValue."""
    d = edtf(value)
    if d is None:
        raise BadValue(f"impossible or malformed date {value!r} for {field}", subject=field,
                       hint="use YYYY, YYYY-MM or YYYY-MM-DD")
    return d.text


def certainly_before(a: Any, b: Any) -> bool:
    """True when date `a` certainly lies before date `b` (their plausible ranges do not meet)."""
    da, db = edtf(a), edtf(b)
    return bool(da and db and da.latest < db.earliest)


def dates_agree(a: Any, b: Any) -> bool:
    """Dates agree when equal or when one is a prefix of the other (extraction.md)."""
    if a is None or b is None:
        return True
    sa, sb = str(a), str(b)
    return sa.startswith(sb) or sb.startswith(sa)


def period_of(value: Any, by: str) -> str | None:
    """The period label (`2023` or `2023-Q4`) a date falls in, or None when too coarse to tell."""
    d = edtf(value)
    if d is None:
        return None
    if by == "year":
        return str(d.earliest.year)
    if by == "quarter":
        q1, q2 = (d.earliest.month - 1) // 3, (d.latest.month - 1) // 3
        if d.earliest.year != d.latest.year or q1 != q2:
            return None
        return f"{d.earliest.year}-Q{q1 + 1}"
    raise BadValue("unknown period; use year or quarter", subject=by)
