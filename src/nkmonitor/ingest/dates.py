"""Publication dates: strict EDTF-style parsing (day, month or year) and datelines near the top of a text."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from nkmonitor.errors import BadValue

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# Any word of 3-9 letters, checked against _MONTHS afterwards: a 25-way alternation under
# re.IGNORECASE made this the slowest step of reading a plain text file.
_MONTH_RE = r"\b(?P<month>[A-Za-z]{3,9})\.?"
# "August 19, 2005", "Nov. 19, 2005", "November. 19, 2005" (sic, seen on real pages)
_MDY = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
# "19 August 2005"
_DMY = re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
# "2023-10-14", "2023.10.14", "2023/10/14"
_YMD = re.compile(r"\b(?P<year>(?:19|20)\d{2})([-./])(?P<month>\d{1,2})\2(?P<day>\d{1,2})\b")
# "2023년 10월 14일"
_KO = re.compile(r"(?P<year>(?:19|20)\d{2})\s*년\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일")

# A dateline belongs to the head of a document: the first lines, not a date quoted in the body.
HEAD_LINES = 12
HEAD_CHARS = 800


def _build(year: int, month: int | None, day: int | None, raw: str) -> str:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise BadValue(f"invalid date {raw!r}: there is no month {month}", hint="use YYYY-MM-DD, YYYY-MM or YYYY")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        raise BadValue(f"invalid date {raw!r}: {calendar.month_name[month]} {year} has no day {day}", hint="use YYYY-MM-DD, YYYY-MM or YYYY") from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(value: object) -> str | None:
    """Normalize a metadata date to `2023-10-14`, `2023-10` or `2023`; None for empty; BadValue for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return f"{value:04d}"
    if not isinstance(value, str):
        raise BadValue(f"invalid date {value!r}: expected text like 2023-10-14, 2023-10 or 2023")
    raw = value.strip()
    match = _ISO.match(raw)
    if not match:
        raise BadValue(f"invalid date {raw!r}", hint="use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    return _build(int(year), int(month) if month else None, int(day) if day else None, raw)


# A date in a long prose line is an event the story reports ("on November 7, 2024"),
# not when the story was published; a dateline sits on a short line or after a keyword.
DATELINE_MAX_LINE = 100
_KEYWORD = re.compile(r"(posted|published|updated|date[d:]?|issued|released)\s*(on)?\s*:?\s*$", re.I)


def _is_dateline(head: str, start: int) -> bool:
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", start)
    line = head[line_start: line_end if line_end >= 0 else len(head)]
    return len(line.strip()) <= DATELINE_MAX_LINE or bool(_KEYWORD.search(head[line_start:start]))


def find_dateline(text: str) -> str | None:
    """The first full date (day precision) on a dateline near the top, e.g. "Posted November. 19, 2005"; None if absent or impossible."""
    head = "\n".join(text[:HEAD_CHARS].split("\n")[:HEAD_LINES])
    found: list[tuple[int, str]] = []
    for pattern in (_MDY, _DMY, _YMD, _KO):
        for match in pattern.finditer(head):
            if not _is_dateline(head, match.start()):
                continue
            month = match.group("month")
            month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower())
            if month_no is None:
                continue
            try:
                found.append((match.start(), _build(int(match.group("year")), month_no, int(match.group("day")), match.group(0))))
            except BadValue:
                continue  # "February 30, 2023" in a header is a typo, not a date to keep
    return min(found)[1] if found else None
