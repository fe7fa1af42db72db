"""Small formatting helpers for pages: fact descriptions, durations, labels from the pack."""

from __future__ import annotations

import datetime as dt
from typing import Any

# Payload fields in the order a reader wants them; ids are shown with their pack label.
ORDER = ("post", "person", "person_name", "event", "instrument", "chamber", "body", "state", "position", "year",
         "date", "since", "as_of", "method", "yes", "no", "abstain", "cosponsors", "outcome", "mechanism", "by",
         "count", "addressee", "action", "issues")
ID_FIELDS = {"post", "person", "instrument", "body", "state", "mechanism", "by", "addressee"}


def describe(payload: dict[str, Any], pack: Any = None) -> list[tuple[str, str]]:
    """(field, value) pairs of a fact or recommendation payload, ids as pack labels."""
    out = []
    keys = [k for k in ORDER if k in payload] + sorted(k for k in payload if k not in ORDER)
    for key in keys:
        value = payload.get(key)
        if value in (None, "", [], {}) or key in ("evidence", "confidence", "type"):
            continue
        if key in ID_FIELDS and pack is not None and isinstance(value, str):
            value = pack.label(value) or value
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append((key.replace("_", " "), str(value).replace("_", " ") if key in ("event", "position", "method", "outcome") else str(value)))
    return out


def to_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value)
    try:
        if len(s) >= 10:
            return dt.date.fromisoformat(s[:10])
        if len(s) == 7:
            return dt.date.fromisoformat(s + "-01")
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def duration(start: Any, end: Any = None) -> str:
    """'6 years 9 months' between two (partial) dates; the end defaults to today."""
    a, b = to_date(start), to_date(end) or dt.date.today()
    if a is None or b < a:
        return ""
    months = (b.year - a.year) * 12 + (b.month - a.month) - (1 if b.day < a.day else 0)
    years, months = divmod(max(months, 0), 12)
    if years == 0 and months == 0:
        days = (b - a).days
        return f"{days} day{'s' if days != 1 else ''}"
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    # Partial dates (2009-11) make the figure approximate; say so rather than invent precision.
    approx = "about " if len(str(start)) < 10 or (end is not None and len(str(end)) < 10) else ""
    return approx + " ".join(parts)
