"""Indicators per period: post vacancy, issue attention, human-rights salience per actor, US–ROK alignment."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from nkmonitor.errors import BadValue
from nkmonitor.store.suggestions import latest_analyses
from nkmonitor.track.asof import as_of_date, edtf, known_by, period_of
from nkmonitor.track.fusion import PostTimeline, fused_post_timelines, fused_un_votes, segment_days

TRACKED_POSTS = ("us_special_envoy_nkhr", "rok_ambassador_nkhr", "un_special_rapporteur_dprk")
DEFAULT_FROM, DEFAULT_TO = 2004, 2025
# Issues that are about security rather than people's rights; engagement is neither.
SECURITY_ISSUES = {"denuclearization_security", "sanctions"}
NEUTRAL_ISSUES = {"engagement_diplomacy"}
SALIENCE_ACTORS = ("us", "rok", "japan", "eu", "china", "russia")
GA_RESOLUTION = "unga_dprk_hr_resolution"


@dataclass
class Indicator:
    name: str
    definition: str
    compute: Callable[..., list[dict[str, Any]]]
    needs_store: bool = True


@dataclass
class IndicatorTable:
    """One indicator's values: one row per period and series (post, issue or actor), with its inputs."""

    name: str
    definition: str
    by: str
    date_from: int
    date_to: int
    as_of: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "definition": self.definition, "by": self.by, "from": self.date_from,
                "to": self.date_to, "as_of": self.as_of, "notes": self.notes, "rows": self.rows}

    def rows_flat(self) -> list[dict[str, Any]]:
        """Rows with nested values spelled out as columns (for CSV and tables)."""
        out = []
        for r in self.rows:
            flat = {}
            for k, v in r.items():
                if isinstance(v, dict):
                    flat.update({f"{k}.{kk}": vv for kk, vv in v.items()})
                elif isinstance(v, list):
                    flat[k] = "; ".join(map(str, v))
                else:
                    flat[k] = v
            out.append(flat)
        return out


# --------------------------------------------------------------------------- periods
def periods(by: str, first: int, last: int) -> list[tuple[str, dt.date, dt.date]]:
    """(label, first day, day after the last) of each year or quarter from `first` to `last` inclusive."""
    if by not in ("year", "quarter"):
        raise BadValue("unknown period; use year or quarter", subject=by)
    if first > last:
        raise BadValue(f"--from {first} is after --to {last}", subject="--from")
    out = []
    for year in range(first, last + 1):
        if by == "year":
            out.append((str(year), dt.date(year, 1, 1), dt.date(year + 1, 1, 1)))
        else:
            for q in range(4):
                start = dt.date(year, 3 * q + 1, 1)
                end = dt.date(year + 1, 1, 1) if q == 3 else dt.date(year, 3 * q + 4, 1)
                out.append((f"{year}-Q{q + 1}", start, end))
    return out


def _year_bound(value: Any, default: int, option: str) -> int:
    if value is None:
        return default
    d = edtf(value)
    if d is None:
        raise BadValue(f"not a year or date: {value!r}", subject=option, hint="use YYYY, e.g. 2016")
    return d.earliest.year


# --------------------------------------------------------------------------- vacancy
def _held_days(timeline: PostTimeline, start: dt.date, end: dt.date) -> int:
    """Days of [start, end) covered by a holder segment.

    The segments keep their dates' precision; for this arithmetic only, a month- or year-precise
    date is placed on its first day (`fusion.segment_days`).
    """
    spans = sorted((max(first, start), min(after or dt.date.max, end)) for first, after in
                   (segment_days(seg) for seg in timeline.segments if seg.kind == "holder") if first is not None)
    days, cursor = 0, start
    for lo, hi in spans:  # a union: imprecise dates placed on their first day may make two tenures touch
        lo = max(lo, cursor)
        if hi > lo:
            days += (hi - lo).days
            cursor = hi
    return days


def _exists_from(timeline: PostTimeline) -> dt.date | None:
    d = edtf(timeline.established)
    if d is not None:
        return d.earliest
    return segment_days(timeline.segments[0])[0] if timeline.segments else None


def _vacancy_cell(timeline: PostTimeline, start: dt.date, end: dt.date, until: dt.date) -> dict[str, Any]:
    exists = _exists_from(timeline)
    lo, hi = max(start, exists) if exists else start, min(end, until + dt.timedelta(days=1))
    if exists is None or exists >= end:
        return {"value": None, "status": "not_applicable", "days": 0, "vacant_days": None}
    if hi <= lo:
        return {"value": None, "status": "future", "days": 0, "vacant_days": None}
    days = (hi - lo).days
    vacant = days - _held_days(timeline, lo, hi)
    return {"value": round(vacant / days, 4), "status": "ok", "days": days, "vacant_days": vacant}


def _compute_vacancy(pack: Any, store: Any, spans: list, day: dt.date | None, until: dt.date,
                     table: IndicatorTable) -> list[dict[str, Any]]:
    rows = []
    timelines = {p: fused_post_timelines(pack, store, post=p, as_of=day, today=until)[0] for p in TRACKED_POSTS}
    for label, start, end in spans:
        for post, timeline in timelines.items():
            rows.append({"period": label, "post": post, **_vacancy_cell(timeline, start, end, until)})
    table.notes.append("month- or year-precise tenure dates are placed on their first day")
    for timeline in timelines.values():
        for c in timeline.conflicts:
            table.notes.append(f"conflict on {c.subject} ({c.field}): pack {c.pack_value} vs documents "
                               f"{c.extracted_value}; the pack's value is used")
    return rows


# --------------------------------------------------------------------------- attention
def _analyses(store: Any, day: dt.date | None) -> list[dict[str, Any]]:
    if store is None:
        raise BadValue("this indicator needs a database with analyzed documents", subject="--db",
                       hint="run `nkmonitor ingest` and `nkmonitor analyze` first")
    rows = latest_analyses(store)
    if not rows:
        raise BadValue("no analyzed documents in this database", subject="--db",
                       hint="run `nkmonitor analyze` first")
    if day is not None:
        rows = [r for r in rows if edtf(r["published"]) and known_by(r["published"], day)]
    return rows


def _place(rows: list[dict[str, Any]], by: str, table: IndicatorTable) -> dict[str, list[dict[str, Any]]]:
    placed: dict[str, list[dict[str, Any]]] = {}
    unplaced = 0
    for r in rows:
        label = period_of(r["published"], by)
        if label is None:
            unplaced += 1
            continue
        placed.setdefault(label, []).append(r)
    if unplaced:
        table.notes.append(f"{unplaced} document(s) left out: no date, or dated too coarsely for a {by}")
    return placed


def _compute_attention(pack: Any, store: Any, spans: list, day: dt.date | None, until: dt.date,
                       table: IndicatorTable) -> list[dict[str, Any]]:
    placed = _place(_analyses(store, day), table.by, table)
    issues = sorted(pack.ids("issue"))
    rows = []
    for label, _, _ in spans:
        docs = placed.get(label, [])
        for issue in issues:
            n = sum(1 for d in docs if issue in (d["issues"] or []))
            rows.append({"period": label, "issue": issue, "documents": n, "total": len(docs),
                         "value": round(n / len(docs), 4) if docs else None,
                         "status": "ok" if docs else "no_data"})
    return rows


# --------------------------------------------------------------------------- hr-salience
def _actor_patterns(pack: Any, actor: str) -> list[re.Pattern]:
    """Surface forms of a state, its national bodies and posts, and people holding its offices, as word-bounded patterns."""
    ids = [e.id for e in pack.entities.values()
           if e.kind in ("state", "body", "post") and (e.id == actor or pack.state_of(e.id) == actor)]
    # officials speak and act for their state: people whose roles are that state's posts or bodies
    people = [e.id for e in pack.of_kind("person") if any(pack.state_of(r) == actor for r in e.roles)]
    out: list[re.Pattern] = []
    exact_forms: set[str] = set()
    loose_forms: set[str] = set()
    for id_ in ids + people:
        for alias in pack.alias_records(id_):
            if len(alias.text) < 2:
                continue
            # names ("Moon") and short forms ("US") only match as written
            exact = alias.case_sensitive or len(alias.text) <= 3 or id_ in people
            (exact_forms if exact else loose_forms).add(alias.text)
    # one alternation per case mode keeps a scan of a long text to two passes
    for forms, flags in ((exact_forms, 0), (loose_forms, re.IGNORECASE)):
        if forms:
            alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            out.append(re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", flags))
    return out


def _speaks_or_acts(text: str, patterns: list[re.Pattern]) -> bool:
    return any(p.search(text) for p in patterns)


def _salience_rows(pack: Any, store: Any, spans: list, day: dt.date | None, table: IndicatorTable,
                   actors: tuple[str, ...]) -> list[dict[str, Any]]:
    placed = _place(_analyses(store, day), table.by, table)
    hr_issues = set(pack.ids("issue")) - SECURITY_ISSUES - NEUTRAL_ISSUES
    patterns = {a: _actor_patterns(pack, a) for a in actors if a in pack.entities}
    rows = []
    for label, _, _ in spans:
        docs = placed.get(label, [])
        for actor, pats in patterns.items():
            involved = [d for d in docs if d["issues"] and _speaks_or_acts(d["text"] or "", pats)]
            hr = [d for d in involved if hr_issues & set(d["issues"])]
            security_only = [d for d in involved if not hr_issues & set(d["issues"])
                             and SECURITY_ISSUES & set(d["issues"])]
            rows.append({"period": label, "actor": actor, "documents": len(involved), "raising_hr": len(hr),
                         "security_only": len(security_only),
                         "value": round(len(hr) / len(involved), 4) if involved else None,
                         "status": "ok" if involved else "no_data"})
    return rows


def _compute_salience(pack: Any, store: Any, spans: list, day: dt.date | None, until: dt.date,
                      table: IndicatorTable) -> list[dict[str, Any]]:
    return _salience_rows(pack, store, spans, day, table, SALIENCE_ACTORS)


# --------------------------------------------------------------------------- alignment
def _cosponsored(table: Any, state: str, year: int) -> bool | None:
    got = table.position(state, GA_RESOLUTION, year, "cosponsorship")
    if got is not None:
        return got == "cosponsored"
    # A recorded vote position with no co-sponsorship on record means the state did not co-sponsor.
    return False if table.position(state, GA_RESOLUTION, year, "vote") in ("voted_yes", "abstained", "voted_no") else None


def _both_filled(a: PostTimeline, b: PostTimeline, start: dt.date, end: dt.date) -> float | None:
    lo = max(start, _exists_from(a) or end, _exists_from(b) or end)
    if lo >= end:
        return None
    days = both = 0
    day = lo
    while day < end:
        days += 1
        ha, hb = a.holder_on(day), b.holder_on(day)
        both += bool(ha and ha.kind == "holder" and hb and hb.kind == "holder")
        day += dt.timedelta(days=1)
    return round(both / days, 4)


def _compute_alignment(pack: Any, store: Any, spans: list, day: dt.date | None, until: dt.date,
                       table: IndicatorTable) -> list[dict[str, Any]]:
    if table.by != "year":
        raise BadValue("alignment is computed per year (co-sponsorship is yearly)", subject="--by")
    us_post, rok_post = (fused_post_timelines(pack, store, post=p, as_of=day, today=until)[0]
                         for p in ("us_special_envoy_nkhr", "rok_ambassador_nkhr"))
    votes = fused_un_votes(pack, store, instrument=GA_RESOLUTION, as_of=day)
    salience: dict[tuple[str, str], float | None] = {}
    try:
        for r in _salience_rows(pack, store, spans, day, table, ("us", "rok")):
            salience[(r["period"], r["actor"])] = r["value"]
    except BadValue:
        table.notes.append("no analyzed documents: the human-rights component (hr_both) is left out")
    rows = []
    for label, start, end in spans:
        year = start.year
        end = min(end, until + dt.timedelta(days=1))
        if end <= start:
            rows.append({"period": label, "value": None, "status": "future", "components": {}, "divergence": []})
            continue
        us_v, rok_v = (_vacancy_cell(t, start, end, until) for t in (us_post, rok_post))
        us_filled = None if us_v["value"] is None else round(1 - us_v["value"], 4)
        rok_filled = None if rok_v["value"] is None else round(1 - rok_v["value"], 4)
        us_co, rok_co = _cosponsored(votes, "us", year), _cosponsored(votes, "rok", year)
        us_hr, rok_hr = salience.get((label, "us")), salience.get((label, "rok"))
        comp = {
            "us_envoy_filled": us_filled, "rok_envoy_filled": rok_filled,
            "envoys_both_filled": _both_filled(us_post, rok_post, start, end),
            "us_cosponsored": us_co, "rok_cosponsored": rok_co,
            "cosponsor_both": None if us_co is None or rok_co is None else float(us_co and rok_co),
            "us_hr_salience": us_hr, "rok_hr_salience": rok_hr,
            "hr_both": None if us_hr is None or rok_hr is None else min(us_hr, rok_hr),
        }
        used = [k for k in ("envoys_both_filled", "cosponsor_both", "hr_both") if comp[k] is not None]
        value = round(sum(comp[k] for k in used) / len(used), 4) if used else None
        divergence = []
        if us_co is not None and rok_co is not None and us_co != rok_co:
            divergence.append(f"co-sponsorship: us {'yes' if us_co else 'no'}, rok {'yes' if rok_co else 'no'}")
        if us_filled is not None and rok_filled is not None and abs(us_filled - rok_filled) >= 0.5:
            divergence.append(f"envoy post filled: us {us_filled:.0%}, rok {rok_filled:.0%}")
        if us_hr is not None and rok_hr is not None and abs(us_hr - rok_hr) >= 0.5:
            divergence.append(f"human-rights salience: us {us_hr:.0%}, rok {rok_hr:.0%}")
        rows.append({"period": label, "value": value, "status": "ok" if used else "no_data",
                     "components_used": used, "components": comp, "divergence": divergence})
    return rows


INDICATORS: dict[str, Indicator] = {
    "vacancy": Indicator(
        "vacancy",
        "Share of the days of each period that a tracked post (US special envoy, ROK ambassador-at-large, UN "
        "special rapporteur) stood vacant, from the fused timeline (pack tenures plus accepted post facts). Days "
        "before the post was established are not counted; a period wholly before it is not_applicable, one wholly "
        "after the as-of date is future.",
        _compute_vacancy, needs_store=False),
    "attention": Indicator(
        "attention",
        "For each issue, the share of the period's analyzed documents (latest analysis, near-duplicates left out) "
        "whose issues include it: documents with the issue / all analyzed documents published in the period.",
        _compute_attention),
    "hr-salience": Indicator(
        "hr-salience",
        "For each actor, among the period's analyzed documents that mention the actor (its state, national bodies, "
        "posts, or people holding its offices, by pack labels and aliases) and carry at least one issue, the share whose issues include a human-rights "
        "issue (any codebook issue other than denuclearization_security, sanctions and engagement_diplomacy). "
        "security_only counts documents raising only security issues.",
        _compute_salience),
    "alignment": Indicator(
        "alignment",
        "US and South Korea per year: the mean of the available components envoys_both_filled (share of the "
        "year's days both envoy posts were filled, counted while both posts existed), cosponsor_both (1 when both "
        "co-sponsored that year's General Assembly resolution, else 0) and hr_both (the lower of the two "
        "hr-salience values). 1 is full alignment; divergence lists where the two differ.",
        _compute_alignment, needs_store=False),
}


def compute_indicator(name: str, store: Any, pack: Any, by: str = "year", as_of: Any = None,
                      date_from: Any = None, date_to: Any = None, today: dt.date | None = None) -> IndicatorTable:
    """Compute one indicator of INDICATORS per year or quarter, from what was known by `as_of`."""
    indicator = INDICATORS.get(name)
    if indicator is None:
        raise BadValue(f"unknown indicator; use one of {', '.join(INDICATORS)}", subject=name)
    day = as_of_date(as_of)
    first = _year_bound(date_from, DEFAULT_FROM, "--from")
    last = _year_bound(date_to, DEFAULT_TO, "--to")
    spans = periods(by, first, last)
    until = day or today or dt.date.today()
    table = IndicatorTable(name, indicator.definition, by, first, last, day.isoformat() if day else None)
    table.rows = indicator.compute(pack, store, spans, day, until, table)
    return table
