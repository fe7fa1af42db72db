"""EDTF-style dates with their precision (2023-10-13, 2023-10, 2023) and their plausible day range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from nkmonitor.errors import BadValue

Precision = Literal["day", "month", "year"]

_EDTF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=False)
class EdtfDate:
    """A date known to a day, a month or a year; `earliest`/`latest` bound the real day."""

    text: str
    precision: Precision
    earliest: dt.date
    latest: dt.date

    @property
    def exact(self) -> bool:
        return self.precision == "day"

    def __str__(self) -> str:
        return self.text


def parse_edtf(value: str | int | dt.date) -> EdtfDate:
    """Parse `2023-10-13`, `2023-10` or `2023`; raise ValueError naming the value otherwise."""
    if isinstance(value, dt.date):
        return EdtfDate(value.isoformat(), "day", value, value)
    text = str(value).strip()
    m = _EDTF.match(text)
    if not m:
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    year = int(m.group(1))
    if m.group(2) is None:
        return EdtfDate(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range in {text!r}")
    if m.group(3) is None:
        last = calendar.monthrange(year, month)[1]
        return EdtfDate(text, "month", dt.date(year, month, 1), dt.date(year, month, last))
    try:
        day = dt.date(year, month, int(m.group(3)))
    except ValueError as exc:
        raise ValueError(f"impossible day {text!r}: {exc}") from None
    return EdtfDate(text, "day", day, day)


def is_valid_edtf(value: object) -> bool:
    try:
        parse_edtf(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def parse_user_date(value: str | None, *, option: str = "--as-of") -> dt.date | None:
    """A date typed by a user (YYYY-MM-DD, YYYY-MM, YYYY or 'today'): the last plausible day.

    A month or year means "as of the end of that period", so `--as-of 2021` includes
    everything known during 2021. Bad input raises BadValue naming the option.
    """
    if value is None:
        return None
    if value.strip().lower() == "today":
        return dt.date.today()
    try:
        return parse_edtf(value).latest
    except ValueError as exc:
        raise BadValue(str(exc), subject=option, hint="use YYYY-MM-DD, e.g. 2021-06-01") from None
