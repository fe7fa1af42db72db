"""Date expressions in text, normalized to EDTF-style strings with the precision the text supports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

COMPONENT = "dates"
VERSION = "1.0"
NEEDS = ("text", "published", "dateline")
SETS = ("dates",)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a": 1, "an": 1}
YEAR = r"(?:19[4-9]\d|20[0-4]\d)"

_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PART = r"(?:(?P<part>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+middle\s+of)[\s-]+)?"

# Order matters: longer and more precise forms first; overlapping later matches are dropped.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    ("ym", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])\b(?!-\d)")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})\b")),
    ("dmy", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(?P<y>{YEAR})\b")),
    ("my", re.compile(rf"\b{_PART}{_MONTH}\s*,?\s+(?:of\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)),
    ("md", re.compile(rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")),
    ("dm", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*\d)")),
    ("season_y", re.compile(rf"\b(?:the\s+)?(?:early\s+|late\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)),
    ("part_y", re.compile(rf"\b(?P<part>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of)[\s-]+(?P<y>{YEAR})\b", re.IGNORECASE)),
    ("m_rel_year", re.compile(rf"\b(?:(?:in|since|until|through|by|of|from|during|early|late|mid|end\s+of)[\s-]+)*{_MONTH}\s+(?:of\s+)?(?P<which>last|this|next|previous)\s+year\b", re.IGNORECASE)),
    ("m_only", re.compile(rf"\b(?:(?:in|since|until|through|by|of|from|during|last|this|early|late|mid|end\s+of)[\s-]+)+{_MONTH}\b(?!\s*\d)", re.IGNORECASE)),
    ("rel_year", re.compile(r"\b(?P<late>(?:early|late|mid|the\s+end\s+of)[\s-]+)?(?P<which>last|this|next|previous|past)\s+year\b|\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+years?\s+ago\b", re.IGNORECASE)),
    ("rel_month", re.compile(r"\b(?:earlier\s+|later\s+)?(?P<which>last|this|next|previous|past)\s+month\b|\b(?P<n>\d+|one|two|three|four|five|six|a)\s+months?\s+ago\b", re.IGNORECASE)),
    ("rel_week", re.compile(r"\b(?:earlier\s+|later\s+)?(?P<which>last|this|next|past)\s+week\b", re.IGNORECASE)),
    ("rel_day", re.compile(r"\b(?P<word>today|yesterday|tomorrow|this (?:morning|afternoon|evening))\b|\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+days?\s+ago\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<mod>last|this|next|on|early|late)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")),
    ("year", re.compile(rf"(?<![\w$.,/])(?P<y>{YEAR})(?:s\b)?(?![\w,.]\d|-\d{{2}}\b|\s*(?:%|percent|people|won|dollars))")),
]


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# the head of a timeline line: "2006 - ...", "December 18, 2009 — ...", "15 Apr 2004 | ...", "Dec 2005 | ..."
_LINE_DATE = rf"(?:{_MON}[ \t]+\d{{1,2}},?[ \t]+|\d{{1,2}}[ \t]+{_MON}[ \t]+|{_MON}[ \t]+)?"
TIMELINE_HEAD = re.compile(rf"[ \t]*(?:[-*\u2022][ \t]*)?{_LINE_DATE}(?P<y>(?:19|20)\d{{2}})[ \t]*(?:[-\u2013\u2014:|)]|\.(?=\s))")
# a whole year-headed line ("2012 - ... on Dec. 20."): its month-days without a year are of that year
_TIMELINE_LINE = re.compile(rf"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<y>{YEAR})[ \t]*(?:[-\u2013\u2014:|)]|\.(?=\s))[^\n]*", re.M)


def line_year(text: str, char: int) -> int | None:
    """The year heading the timeline line that `char` is on, if that line is a timeline entry."""
    m = TIMELINE_HEAD.match(text, text.rfind("\n", 0, char) + 1)
    return int(m.group("y")) if m else None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str
    precision: str  # day | month | year


def _parse_ref(reference: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an EDTF-style reference; missing parts are None."""
    if not reference:
        return None, None, None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", reference.strip())
    if not m:
        return None, None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _num(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _value(kind: str, g: dict, ref: tuple[int | None, int | None, int | None]) -> str | None:
    """Normalize one regex match against the reference date; None when it cannot be resolved."""
    ry, rm, rd = ref
    mon = MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    if kind == "iso":
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
        return _fmt(y, m, d) if _valid(y, m, d) else None
    if kind == "ym":
        return _fmt(int(g["y"]), int(g["m"]))
    if kind in ("mdy", "dmy"):
        y, d = int(g["y"]), int(g["d"])
        return _fmt(y, mon, d) if mon and _valid(y, mon, d) else None
    if kind == "my":
        return _fmt(int(g["y"]), mon) if mon else None
    if kind in ("md", "dm"):
        if not mon or ry is None:
            return None
        d = int(g["d"])
        y = ry
        # a month-day after the reference date is last year's ("Dec. 28" in a January story)
        if rm is not None and (mon > rm or (mon == rm and rd is not None and d > rd + 1)):
            y -= 1
        if not _valid(y, mon, d):
            return None
        return _fmt(y, mon, d)
    if kind in ("season_y", "part_y", "year"):
        return _fmt(int(g["y"]))
    if kind == "m_rel_year":
        # "April last year": the month of the previous year, whatever the reference month
        delta = {"last": -1, "previous": -1, "this": 0, "next": 1}.get((g.get("which") or "").lower())
        if not mon or ry is None or delta is None:
            return None
        return _fmt(ry + delta, mon)
    if kind == "m_only":
        if not mon or ry is None:
            return None
        if rm is None:
            return _fmt(ry, mon)
        y = ry - 1 if mon > rm else ry
        return _fmt(y, mon)
    if kind == "rel_year":
        if ry is None:
            return None
        n = _num(g.get("n"))
        if n is not None:
            return _fmt(ry - n)
        which = (g.get("which") or "").lower()
        delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}.get(which)
        return None if delta is None or which == "next" else _fmt(ry + delta)
    if kind == "rel_month":
        if ry is None or rm is None:
            return None
        n = _num(g.get("n"))
        which = (g.get("which") or "").lower()
        delta = -n if n is not None else {"last": -1, "previous": -1, "past": -1, "this": 0}.get(which)
        if delta is None:
            return None
        y, m = _shift_month(ry, rm, delta)
        return _fmt(y, m)
    if kind == "rel_week":
        if ry is None or rm is None:
            return None
        which = (g.get("which") or "").lower()
        if which == "next":
            return None
        if rd is None:
            return _fmt(ry, rm)
        ref_day = dt.date(ry, rm, rd)
        lo = ref_day - dt.timedelta(days=13 if which in ("last", "past") else 6)
        hi = ref_day - dt.timedelta(days=7) if which in ("last", "past") else ref_day
        # a week is given the month if it lies within one month, else the year
        if lo.month == hi.month and lo.year == hi.year:
            return _fmt(hi.year, hi.month)
        return _fmt(hi.year) if lo.year == hi.year else None
    if kind == "rel_day":
        if ry is None:
            return None
        word = (g.get("word") or "").lower()
        n = _num(g.get("n"))
        back = {"today": 0, "yesterday": 1, "this morning": 0, "this afternoon": 0, "this evening": 0}.get(re.sub(r"\s+", " ", word), n)
        if back is None:
            return None
        if rm is None:
            return _fmt(ry)
        if rd is None:
            return _fmt(ry, rm) if back <= 7 else None
        day = dt.date(ry, rm, rd) - dt.timedelta(days=back)
        return _fmt(day.year, day.month, day.day)
    if kind == "weekday":
        if ry is None:
            return None
        mod = (g.get("mod") or "").lower()
        if mod == "next":
            return None
        if rm is None:
            return _fmt(ry)
        if rd is None:
            return _fmt(ry, rm)
        ref_day = dt.date(ry, rm, rd)
        wd = WEEKDAYS[g["wd"].lower()]
        back = (ref_day.weekday() - wd) % 7
        if mod == "last" and back == 0:
            back = 7
        day = ref_day - dt.timedelta(days=back)
        return _fmt(day.year, day.month, day.day)
    return None


def find_dates(text: str, reference: str | None) -> list[DateMention]:
    """Every date expression of `text` resolved against `reference`, sorted, without overlaps."""
    if not text:
        return []
    ref = _parse_ref(reference)
    # a timeline line ("2012 - For the first time, the text passed without a vote, on Dec. 20."; "2014: ...")
    # anchors the month-days and months it gives without a year to its own year, not the story's
    anchors = [(a.start(), a.end(), int(a.group("y"))) for a in _TIMELINE_LINE.finditer(text)]
    found: list[tuple[int, int, int, str, dict]] = []
    for rank, (kind, rx) in enumerate(_PATTERNS):
        for m in rx.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), rank, kind, m))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    out: list[DateMention] = []
    kinds: list[str] = []
    last_end = -1
    for start, _neg, _rank, kind, m in found:
        if start < last_end:
            continue
        g = m.groupdict()
        if kind == "md" and g.get("mon", "").lower().rstrip(".") == "may" and not re.match(r"May\s+\d", m.group(0)):
            continue
        if kind == "m_only" and (g.get("mon") or "").lower() == "may" and not m.group(0)[-3:] == "May":
            continue  # "in may" (modal) is not a month
        kref = ref
        if anchors and kind in ("md", "dm", "m_only"):
            line = next((a for a in anchors if a[0] <= m.start() < a[1]), None)
            if line is not None:
                kref = (line[2], 12, 31)
        value = _value(kind, g, kref)
        if value is None:
            continue
        s, e = m.start(), m.end()
        if kind == "weekday" and g.get("mod") and g["mod"].lower() in ("on",):
            s = m.start("wd")  # the date is the weekday, "on" is not part of it
        out.append(DateMention(s, e, text[s:e], value, _precision(value)))
        kinds.append(kind)
        last_end = m.end()
    return _borrow_years(text, out, kinds, anchors)


# a sentence end: not after an initial ("George W. Bush") or a title ("Sen. Rubio", "Rep. Kim")
_SENT_END = re.compile(r"(?<![\s.][A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\b(?:Mrs|Sen|Rep|Gen|Gov|Amb|U\.S|U\.N))(?<!\bSept)[.!?][\"\u201d']?\s+(?=[A-Z\"\u201c])|\n\s*\n")


def _borrow_years(text: str, out: list[DateMention], kinds: list[str], anchors: list) -> list[DateMention]:
    """A month-day without a year takes the year of a full date in its own sentence ("approved it on September
    28, and Bush signed it on October 18, 2004"), not the story's year."""
    full = [d for d, k in zip(out, kinds) if k in ("iso", "mdy", "dmy", "my")]
    if not full:
        return out
    res = []
    for d, k in zip(out, kinds):
        if k in ("md", "dm") and not any(a[0] <= d.start < a[1] for a in anchors):
            s0 = max((m.end() for m in _SENT_END.finditer(text, max(0, d.start - 400), d.start)), default=max(0, d.start - 400))
            e0 = next((m.start() for m in _SENT_END.finditer(text, d.end, d.end + 400)), d.end + 400)
            same = [f for f in full if s0 <= f.start < e0]
            if same:
                y = min(same, key=lambda f: abs(f.start - d.start)).value[:4]
                if y != d.value[:4]:
                    value = y + d.value[4:]
                    try:
                        dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
                    except ValueError:
                        res.append(d)
                        continue
                    d = DateMention(d.start, d.end, d.text, value, d.precision)
        res.append(d)
    return res


def _precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}[len(value)]


def normalize_date(expr: str, reference: str | None = None) -> str | None:
    """The EDTF-style value of one date expression ("Nov. 17", "last year", "2023-10-13")."""
    found = find_dates(expr or "", reference)
    return found[0].value if found else None


def reference_of(ctx: Any) -> str | None:
    """The anchor for relative dates: the dateline date if the text has one, else the publication date.

    A dateline without a year ("SEOUL, Oct. 11") is resolved against the publication date."""
    dateline = getattr(ctx, "dateline", None)
    published = getattr(ctx, "published", None)
    if dateline:
        value = normalize_date(dateline, published) if not re.match(r"^\d{4}(-\d{2}){0,2}$", dateline) else dateline
        if value and (not published or len(value) >= len(published)):
            return value
    return published


_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z .'-]{{2,40}}(?:\([^)]{{1,30}}\))?,?\s+(?:[A-Z][a-z]+,\s+)?(?P<date>{_MONTH}\s+[0-3]?\d(?:,\s+{YEAR})?)\b"
    # UN press releases: "GENEVA (21 March 2013) -"
    rf"|^[ \t]*[A-Z][A-Z .'-]{{2,40}}\s*\((?P<date2>[0-3]?\d\s+{_MONTH.replace('(?P<mon>', '(?:')}\s+{YEAR})\)\s*[-\u2013\u2014]",
    re.MULTILINE,
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of a wire-style dateline's date in the first lines, if any."""
    m = _DATELINE.search((text or "")[:1500])
    if not m:
        return None
    g = "date" if m.group("date") else "date2"
    return (m.start(g), m.end(g))


def find_dateline(text: str, published: str | None) -> str | None:
    """The date of a wire-style dateline ("SEOUL, Oct. 11 (Yonhap) --") in the first lines, resolved."""
    head = (text or "")[:1500]
    m = _DATELINE.search(head)
    if not m:
        return None
    return normalize_date(m.group("date") or m.group("date2"), published)


def resolve_dates(ctx: Any) -> list[DateMention]:
    """Date mentions of ctx.text resolved against the dateline or publication date."""
    ref = reference_of(ctx)
    if not getattr(ctx, "dateline", None):
        dl = find_dateline(ctx.text or "", getattr(ctx, "published", None))
        if dl and (not ref or len(dl) > len(ref)) and (not ref or dl.startswith(ref[:4])):
            ref = dl
    return find_dates(ctx.text or "", ref)
