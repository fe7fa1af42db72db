"""Timelines over plain fact records: post holders and vacancies, instrument status, UN-vote tables.

The functions are pure: they take lists of records (curated pack facts, or reviewed
extractions shaped the same way, as objects or dicts) and an as-of date, and return new
records with provenance. Nothing here reads the pack or the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from nkmonitor.pack.dates import EdtfDate, parse_edtf

__all__ = [
    "InstrumentStatus", "MandateState", "Provenance", "Segment", "VoteRow",
    "instrument_status", "mandate_state", "post_timeline", "provenance_of", "un_votes_table",
]


# ---------------------------------------------------------------- plain inputs
def _get(record: Any, name: str, default: Any = None) -> Any:
    """Read a field from a pydantic model, a dataclass, any object or a dict."""
    if isinstance(record, dict):
        return record.get(name, default)
    return getattr(record, name, default)


class Provenance(BaseModel):
    """Where a segment or event comes from: a pack source URL or an archive document."""

    kind: Literal["pack", "document"]
    ref: str = Field(description="source URL, or the archive document id")
    fact_id: str | None = None
    label: str | None = Field(default=None, description="publisher or title")


def provenance_of(record: Any) -> list[Provenance]:
    """Provenance of one record: its `provenance` list if it has one, else its `sources`."""
    given = _get(record, "provenance")
    if given:
        return [p if isinstance(p, Provenance) else Provenance(**p) for p in given]
    out = []
    fact_id = _get(record, "id")
    for s in _get(record, "sources") or []:
        doc = _get(s, "document_id")
        if doc:
            out.append(Provenance(kind="document", ref=str(doc), fact_id=fact_id, label=_get(s, "title")))
        else:
            out.append(Provenance(kind="pack", ref=_get(s, "url"), fact_id=fact_id,
                                  label=_get(s, "publisher") or _get(s, "title")))
    return out


def _as_of_date(as_of: dt.date | str | None) -> dt.date:
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.date):
        return as_of
    return parse_edtf(as_of).latest


# ---------------------------------------------------------------- posts
class Segment(BaseModel):
    """One stretch of a post's history: a holder's tenure or a vacancy, with honest precision."""

    post: str
    kind: Literal["holder", "vacancy"]
    person: str | None = None
    person_name: str | None = None
    start: str | None = Field(description="EDTF date as precise as known; None: before the record starts")
    start_precision: str | None = None
    end: str | None = Field(default=None, description="None while open at the as-of date")
    end_precision: str | None = None
    open: bool = False
    start_reason: str | None = None
    end_reason: str | None = None
    duration_days: int | None = Field(default=None, description="exact, or the midpoint when approximate")
    duration_days_min: int | None = None
    duration_days_max: int | None = None
    approximate: bool = False
    as_of: str
    tenure_id: str | None = None
    note: str | None = None
    conflicts: list[str] = Field(default_factory=list, description="flags from fused extractions that disagree")
    alternatives: list[dict[str, Any]] = Field(default_factory=list)
    provenance: list[Provenance] = Field(default_factory=list)


def _duration(start: EdtfDate | None, end: EdtfDate | None, as_of: dt.date) -> tuple[int | None, int | None, int | None, bool]:
    if start is None:
        return None, None, None, False
    end_early, end_late = (end.earliest, end.latest) if end is not None else (as_of, as_of)
    longest = (end_late - start.earliest).days
    shortest = max(0, (end_early - start.latest).days)
    approximate = longest != shortest
    return (round((longest + shortest) / 2), shortest, longest, approximate)


def _segment(post: str, kind: str, start: EdtfDate | None, end: EdtfDate | None, as_of: dt.date, **fields: Any) -> Segment:
    mid, low, high, approx = _duration(start, end, as_of)
    return Segment(
        post=post, kind=kind,
        start=start.text if start else None, start_precision=start.precision if start else None,
        end=end.text if end else None, end_precision=end.precision if end else None,
        open=end is None, duration_days=mid, duration_days_min=low, duration_days_max=high,
        approximate=approx, as_of=as_of.isoformat(), **fields,
    )


def post_timeline(
    post_id: str,
    tenures: Iterable[Any],
    as_of: dt.date | str | None = None,
    *,
    established: str | None = None,
    established_sources: Sequence[Any] = (),
    vacancy_checks: Iterable[Any] = (),
    person_names: dict[str, str] | None = None,
) -> list[Segment]:
    """Holder and vacancy segments of one post, in order, as known on `as_of` (default today).

    A tenure that starts after `as_of` is unknown; one that ends after it is still open.
    A vacancy is a gap between the plausible end of one tenure and the start of the next
    (a start known only to the month is not a vacancy when it can touch the previous end),
    after the last tenure, or between the post's establishment and its first holder.
    `vacancy_checks` (sources saying "vacant on date D") add provenance to the vacancy
    they fall in.
    """
    day = _as_of_date(as_of)
    names = person_names or {}
    known = []
    for t in tenures:
        if _get(t, "post") != post_id:
            continue
        start = parse_edtf(_get(t, "start"))
        if start.earliest > day:
            continue  # not yet known on the as-of date
        end_raw = _get(t, "end")
        end = parse_edtf(end_raw) if end_raw else None
        if end is not None and end.earliest > day:
            end = None  # the departure lies after the as-of date
        known.append((start, end, t))
    known.sort(key=lambda x: (x[0].earliest, x[0].latest))

    checks = [c for c in vacancy_checks if _get(c, "post") == post_id and parse_edtf(_get(c, "as_of")).earliest <= day]
    segments: list[Segment] = []

    def vacancy(start: EdtfDate | None, end: EdtfDate | None, before: Any, after: Any, note: str) -> None:
        prov: list[Provenance] = []
        if before is not None:
            prov += provenance_of(before)
        elif start is not None:
            prov += provenance_of({"id": f"{post_id}:established", "sources": list(established_sources)})
        if after is not None:
            prov += provenance_of(after)
        lo = start.earliest if start else dt.date.min
        hi = end.latest if end else day
        for c in checks:
            if lo <= parse_edtf(_get(c, "as_of")).earliest <= hi:
                prov += provenance_of(c)
        segments.append(_segment(post_id, "vacancy", start, end, day, note=note, provenance=prov))

    est = parse_edtf(established) if established else None
    if est is not None and est.earliest > day:
        return []
    if known and est is not None and known[0][0].earliest > est.latest + dt.timedelta(days=1):
        vacancy(est, known[0][0], None, known[0][2], "post established, not yet filled")
    elif not known and est is not None:
        vacancy(est, None, None, None, "post established, never filled")

    for i, (start, end, t) in enumerate(known):
        person = _get(t, "person")
        alts = [a.model_dump() if hasattr(a, "model_dump") else dict(a) for a in (_get(t, "alternatives") or [])]
        segments.append(_segment(
            post_id, "holder", start, end, day,
            person=person, person_name=_get(t, "person_name") or names.get(person or "", person),
            start_reason=_get(t, "start_reason"), end_reason=_get(t, "end_reason") if end is not None else None,
            tenure_id=_get(t, "id"), note=_get(t, "note"), conflicts=list(_get(t, "conflicts") or []),
            alternatives=alts, provenance=provenance_of(t),
        ))
        if end is None:
            continue  # still in post on the as-of date
        nxt = known[i + 1] if i + 1 < len(known) else None
        if nxt is None:
            vacancy(end, None, t, None, "vacant since the last holder left")
        elif nxt[0].earliest > end.latest + dt.timedelta(days=1):
            vacancy(end, nxt[0], t, nxt[2], "vacant between holders")
    return segments


# ---------------------------------------------------------------- instruments
class MandateState(BaseModel):
    id: str
    label: str
    provision: str | None = None
    status: str
    since: str | None = None
    note: str | None = None
    creates: str | None = None
    conditions: list[str] = Field(default_factory=list)
    provenance: list[Provenance] = Field(default_factory=list)


class InstrumentStatus(BaseModel):
    instrument: str
    as_of: str
    status: Literal["in_force", "expired", "struck_down", "not_yet_enacted", "enacted_not_in_force",
                    "adopted_annually", "not_yet_adopted"]
    since: str | None = Field(default=None, description="date of the event that gave this status")
    until: str | None = Field(default=None, description="last day of the current authorization, if it lapses")
    uncertain: bool = False
    note: str | None = None
    events: list[dict[str, Any]] = Field(default_factory=list)
    mandates: list[MandateState] = Field(default_factory=list)
    provenance: list[Provenance] = Field(default_factory=list)


# Order of same-day events: passage before enactment before entry into force.
_EVENT_ORDER = {"introduced": 0, "reported": 1, "passed_chamber": 2, "enacted": 3, "reauthorized": 3,
                "entered_into_force": 4, "amended": 5, "challenged": 5, "died": 6, "expired": 7, "struck_down": 7}


def mandate_state(mandate: Any, as_of: dt.date | str | None = None) -> MandateState:
    """Status of one mandate on a date: the latest `history` entry dated on or before it."""
    day = _as_of_date(as_of)
    status, since, note = "not_yet", None, None
    for entry in sorted(_get(mandate, "history") or [], key=lambda h: parse_edtf(_get(h, "date")).earliest):
        if parse_edtf(_get(entry, "date")).earliest <= day:
            status, since, note = _get(entry, "status"), _get(entry, "date"), _get(entry, "note")
    return MandateState(
        id=_get(mandate, "id"), label=_get(mandate, "label"), provision=_get(mandate, "provision"),
        status=status, since=since, note=note, creates=_get(mandate, "creates"),
        conditions=list(_get(mandate, "conditions") or []), provenance=provenance_of(mandate),
    )


def instrument_status(
    instrument_id: str,
    events: Iterable[Any],
    as_of: dt.date | str | None = None,
    *,
    mandates: Iterable[Any] = (),
    votes: Iterable[Any] = (),
    kind: str | None = None,
) -> InstrumentStatus:
    """Status of a law (or resolution series) on `as_of`, from its events known by then."""
    day = _as_of_date(as_of)
    mine = [e for e in events if _get(e, "instrument") == instrument_id]
    has_eif = any(_get(e, "event") == "entered_into_force" for e in mine)
    known = sorted(
        ((parse_edtf(_get(e, "date")), e) for e in mine if parse_edtf(_get(e, "date")).earliest <= day),
        key=lambda x: (x[0].earliest, _EVENT_ORDER.get(_get(x[1], "event"), 9)),
    )
    status, since, until, uncertain, note = "not_yet_enacted", None, None, False, None
    cause: Any = None
    for date, e in known:
        ev = _get(e, "event")
        if date.latest > day and ev in ("enacted", "entered_into_force", "reauthorized", "expired", "struck_down"):
            # Dated only to a month or year that contains the as-of day: it may or may not
            # have happened yet, so keep the earlier status and say so.
            uncertain = True
            note = f"{ev.replace('_', ' ')} in {date.text} (known to the {date.precision} only): may not have happened yet"
            continue
        if ev == "enacted":
            status, since, until, cause = ("enacted_not_in_force" if has_eif else "in_force"), date.text, _get(e, "until"), e
        elif ev == "entered_into_force":
            status, since, cause = "in_force", date.text, e
        elif ev == "reauthorized":
            status, since, until, cause = "in_force", date.text, _get(e, "until"), e
        elif ev in ("expired", "struck_down"):
            status, since, until, cause = ev, date.text, None, e
    if status == "in_force" and until:
        end = parse_edtf(until)
        if end.latest < day:
            status, since, note = "expired", end.text, f"authorization ran until {end.text}"
        elif end.earliest <= day:
            uncertain, note = True, f"authorization runs until {end.text} ({end.precision} precision)"

    if kind == "resolution_series":
        years = sorted({int(_get(v, "year")) for v in votes
                        if _get(v, "instrument") == instrument_id and _known_by(_get(v, "date"), int(_get(v, "year")), day)})
        status = "adopted_annually" if years else "not_yet_adopted"
        since = str(years[0]) if years else None
        note = f"adoptions recorded in the pack: {len(years)}, last in {years[-1]}" if years else None
        cause = None

    return InstrumentStatus(
        instrument=instrument_id, as_of=day.isoformat(), status=status, since=since, until=until,
        uncertain=uncertain, note=note,
        events=[_event_json(e) for _, e in known],
        mandates=[mandate_state(m, day) for m in mandates if _get(m, "instrument") == instrument_id],
        provenance=provenance_of(cause) if cause is not None else [],
    )


def _known_by(date: str | None, year: int, day: dt.date) -> bool:
    """A dated record is known from its earliest day; an undated one only once its year is over."""
    if date:
        return parse_edtf(date).earliest <= day
    return dt.date(year, 12, 31) <= day


def _event_json(e: Any) -> dict[str, Any]:
    keys = ("id", "event", "date", "chamber", "bill", "public_law", "method", "yes", "no", "until", "note", "certainty")
    out = {k: _get(e, k) for k in keys if _get(e, k) is not None}
    out["date_precision"] = parse_edtf(_get(e, "date")).precision
    alts = _get(e, "alternatives") or []
    if alts:
        out["alternatives"] = [a.model_dump() if hasattr(a, "model_dump") else dict(a) for a in alts]
    out["provenance"] = [p.model_dump() for p in provenance_of(e)]
    return out


# ---------------------------------------------------------------- UN votes
class VoteRow(BaseModel):
    """One year of one resolution series: how each body adopted it and where states stood."""

    instrument: str
    year: int
    votes: list[dict[str, Any]] = Field(default_factory=list)
    positions: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)


def un_votes_table(
    votes: Iterable[Any],
    positions: Iterable[Any],
    *,
    instrument: str | None = None,
    state: str | None = None,
    body: str | None = None,
    as_of: dt.date | str | None = None,
) -> list[VoteRow]:
    """Year-by-year rows of adoption method, counts and state positions, oldest first."""
    day = _as_of_date(as_of) if as_of is not None else None
    rows: dict[tuple[str, int], VoteRow] = {}

    def row(inst: str, year: int) -> VoteRow:
        return rows.setdefault((inst, year), VoteRow(instrument=inst, year=year))

    def visible(inst: str, year: int, date: str | None) -> bool:
        if instrument and inst != instrument:
            return False
        return day is None or _known_by(date, year, day)

    for v in votes:
        inst, year = _get(v, "instrument"), int(_get(v, "year"))
        if not visible(inst, year, _get(v, "date")) or (body and _get(v, "body") != body):
            continue
        keys = ("id", "body", "date", "resolution", "method", "yes", "no", "abstain", "not_voting", "cosponsors", "note", "certainty")
        entry = {k: _get(v, k) for k in keys if _get(v, k) is not None}
        if _get(v, "alternatives"):
            entry["alternatives"] = [a.model_dump() if hasattr(a, "model_dump") else dict(a) for a in _get(v, "alternatives")]
        entry["provenance"] = [p.model_dump() for p in provenance_of(v)]
        row(inst, year).votes.append(entry)

    for p in positions:
        inst, year, st = _get(p, "instrument"), int(_get(p, "year")), _get(p, "state")
        if not visible(inst, year, None) or (state and st != state):
            continue
        if body and _get(p, "body") and _get(p, "body") != body:
            continue
        entry = {k: _get(p, k) for k in ("id", "position", "body", "certainty", "note") if _get(p, k) is not None}
        entry["provenance"] = [x.model_dump() for x in provenance_of(p)]
        row(inst, year).positions.setdefault(st, []).append(entry)

    out = []
    for key in sorted(rows):
        r = rows[key]
        if state and state not in r.positions:
            continue  # asked about one state: only the years where its position is known
        if body and not r.votes and not r.positions:
            continue
        r.votes.sort(key=lambda e: (e.get("date") or "9999", e.get("body") or ""))
        out.append(r)
    return out


def positions_by_year(rows: Iterable[VoteRow], state: str) -> dict[str, dict[int, list[str]]]:
    """{instrument: {year: [positions]}} for one state: the compact view of a vote table."""
    out: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for r in rows:
        if state in r.positions:
            out[r.instrument][r.year] = [p["position"] for p in r.positions[state]]
    return dict(out)
