"""The state of play as of a date, read from the pack: posts, laws and mandates, UN votes, Council meetings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

TRACKED_POSTS = ("us_special_envoy_nkhr", "rok_ambassador_nkhr", "un_special_rapporteur_dprk")
GA_RESOLUTION = "unga_dprk_hr_resolution"
HRC_RESOLUTION = "unhrc_dprk_hr_resolution"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

_EDTF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# ------------------------------------------------------------------ dates

def bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest day an EDTF date (2023-10-13, 2023-10, 2023 or a year int) can mean."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value, value
    m = _EDTF.match(str(value).strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(m.group(2))
    if m.group(3) is None:
        start = dt.date(year, month, 1)
        return start, start + relativedelta(months=1, days=-1)
    day = dt.date(year, month, int(m.group(3)))
    return day, day


def certainly_by(value: Any, as_of: dt.date) -> bool:
    """A dated fact counts for a brief as of D only if it certainly happened by D.

    `2023-10` is not known by 2023-10-15 (it may be the 20th); briefings state what was
    known, so a date that may lie after D is left out.
    """
    b = bounds(value)
    return b is not None and b[1] <= as_of


def earliest(value: Any) -> dt.date:
    b = bounds(value)
    return b[0] if b else dt.date.max


def fmt_date(value: Any) -> str:
    """A date as precise as it is known: 2023-10-13, November 2009, 2017."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    m = _EDTF.match(text)
    if m and m.group(2) and not m.group(3):
        return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return text


def on_date(value: Any) -> str:
    """'on 2023-04-28', 'in December 2022' or 'in 2017', as the date's precision allows."""
    b = bounds(value)
    if b is not None and b[0] != b[1]:
        return f"in {fmt_date(value)}"
    return f"on {fmt_date(value)}"


def duration(since: Any, as_of: dt.date) -> str:
    """How long from `since` to `as_of`, in years and months (days when under a month); 'about' when imprecise."""
    b = bounds(since)
    if b is None:
        return ""
    delta = relativedelta(as_of, b[0])
    parts = []
    if delta.years:
        parts.append(f"{delta.years} year{'s' if delta.years != 1 else ''}")
    if delta.months:
        parts.append(f"{delta.months} month{'s' if delta.months != 1 else ''}")
    if not parts:
        days = (as_of - b[0]).days
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    text = " ".join(parts)
    return ("about " + text) if b[0] != b[1] else text


# ------------------------------------------------------------------ records

@dataclass
class Sourced:
    """A sentence and the pack sources that support it."""

    text: str
    sources: list[Any] = field(default_factory=list)


@dataclass
class PostState:
    post: str
    label: str
    holder: str | None
    since: str | None
    duration: str
    previous: str | None
    sources: list[Any]
    notes: list[Sourced]
    timeline: dict[str, Any]


def _label(pack: Any, id_: str | None) -> str:
    if id_ is None:
        return ""
    return pack.label(id_) or id_


def _known_sources(sources: list[Any], as_of: dt.date) -> bool:
    """True when every source is undated or published by `as_of` (a later source would leak)."""
    return all(getattr(s, "published", None) is None or earliest(s.published) <= as_of for s in sources)


# ------------------------------------------------------------------ posts

def post_segments(pack: Any, post: str, as_of: dt.date) -> list[dict[str, Any]]:
    """Holder and vacancy segments of one post known by `as_of`; open segments have end None."""
    entity = pack.entities.get(post)
    tenures = sorted((t for t in pack.tenures_of(post) if certainly_by(t.start, as_of)), key=lambda t: earliest(t.start))
    segments: list[dict[str, Any]] = []
    cursor: Any = None
    cursor_sources: list[Any] = []
    established = getattr(entity, "established", None) if entity else None
    if established and certainly_by(established, as_of):
        cursor, cursor_sources = established, list(getattr(entity, "established_sources", []) or [])
    previous: str | None = None
    for t in tenures:
        if cursor is not None and earliest(t.start) > earliest(cursor):
            segments.append({"kind": "vacancy", "start": cursor, "end": t.start, "previous": previous,
                             "sources": cursor_sources})
        end = t.end if t.end and certainly_by(t.end, as_of) else None
        name = _label(pack, t.person)
        segments.append({"kind": "holder", "person": t.person, "person_label": name, "start": t.start,
                         "end": end, "sources": list(t.sources), "tenure": t})
        cursor, cursor_sources, previous = end, list(t.sources), name
        if end is None:
            cursor = None
    if cursor is not None:
        checks = [c for c in getattr(pack, "vacancy_checks", []) if c.post == post and certainly_by(c.as_of, as_of)]
        extra = [s for c in checks for s in c.sources]
        segments.append({"kind": "vacancy", "start": cursor, "end": None, "previous": previous,
                         "sources": cursor_sources + extra})
    return segments


def post_states(pack: Any, as_of: dt.date, store: Any = None, posts: tuple[str, ...] = TRACKED_POSTS) -> list[PostState]:
    """Holder or vacancy of each tracked post on `as_of`, with the segments for the Gantt chart."""
    out = []
    for post in posts:
        if post not in pack.entities:
            continue
        label = _label(pack, post)
        segments = post_segments(pack, post, as_of)
        timeline = {"post": post, "label": label, "segments": segments}
        notes: list[Sourced] = []
        if not segments:
            out.append(PostState(post, label, None, None, "", None, [], notes, timeline))
            continue
        current = segments[-1]
        if current["kind"] == "holder":
            tenure = current["tenure"]
            notes += _alternatives(pack, tenure, ("start",), as_of)
            out.append(PostState(post, label, current["person_label"], str(current["start"]),
                                 duration(current["start"], as_of), None, current["sources"], notes, timeline))
        else:
            before = [s for s in segments if s["kind"] == "holder"]
            if before:
                notes += _alternatives(pack, before[-1]["tenure"], ("end",), as_of)
            out.append(PostState(post, label, None, str(current["start"]), duration(current["start"], as_of),
                                 current["previous"], current["sources"], notes, timeline))
    return out


def _alternatives(pack: Any, fact: Any, fields: tuple[str, ...], as_of: dt.date) -> list[Sourced]:
    """'Sources differ' notes for the fields a statement relies on, when every source was out by `as_of`."""
    notes = []
    person = _label(pack, getattr(fact, "person", None))
    for alt in getattr(fact, "alternatives", []) or []:
        if alt.field not in fields:
            continue
        sources = [s for v in alt.values for s in v.sources]
        if not sources or not _known_sources(sources, as_of):
            continue
        values = " or ".join(str(v.value) for v in alt.values)
        what = {"start": "took up", "end": "left"}.get(alt.field, alt.field)
        notes.append(Sourced(f"Sources differ on when {person} {what} the post ({values}); this brief uses "
                             f"{alt.used}: {alt.reason.strip()}", sources))
    return notes


# ------------------------------------------------------------------ laws and mandates

_IN_FORCE = {"enacted": "enacted", "entered_into_force": "in force", "reauthorized": "reauthorized"}
_OUT = {"expired": "expired", "struck_down": "struck down"}
_PENDING = {"introduced", "passed_chamber", "reported"}


@dataclass
class LawState:
    instrument: str
    label: str
    status: str  # in force / expired / struck down / not enacted
    since: str | None
    sentence: str
    sources: list[Any]
    extra: list[Sourced]


def _event_words(e: Any, pack: Any) -> str:
    """'H.R. 3012 introduced in the US House of Representatives on 2023-04-28' and the like."""
    if e.event == "passed_chamber":
        bits = [f"passed the {_label(pack, e.chamber)}" if e.chamber else "passed a chamber"]
    else:
        bits = [e.event.replace("_", " ")]
        if e.chamber:
            bits.append(f"in the {_label(pack, e.chamber)}")
    if e.bill:
        bits.insert(0, e.bill)
    if e.public_law:
        bits.append(f"(Public Law {e.public_law})")
    if e.yes is not None:
        bits.append(f"by {e.yes}-{e.no if e.no is not None else '?'}")
    return " ".join(bits) + " " + on_date(e.date)


def law_state(pack: Any, instrument: str, as_of: dt.date) -> LawState | None:
    """Whether a law is in force, expired or struck down on `as_of`, from its dated events."""
    events = sorted((e for e in pack.events_of(instrument) if certainly_by(e.date, as_of)),
                    key=lambda e: earliest(e.date))
    if not events:
        return None
    label = _label(pack, instrument)
    basis = [e for e in events if e.event in _IN_FORCE or e.event in _OUT]
    extra: list[Sourced] = []
    if not basis:
        last = events[-1]
        return LawState(instrument, label, "not enacted", None,
                        f"{label}: not enacted by this date; latest step: {_event_words(last, pack)}.",
                        list(last.sources), extra)
    last = basis[-1]
    if last.event in _OUT:
        status, since, sources = _OUT[last.event], last.date, list(last.sources)
        enacting = [e for e in basis if e.event in _IN_FORCE]
        sentence = f"{label}: {status} since {fmt_date(since)}"
        if last.event == "struck_down":
            sentence = f"{label}: struck down on {fmt_date(since)}; no longer in force"
        if enacting:
            e = enacting[-1]
            law = ", ".join(x for x in (e.bill, f"Public Law {e.public_law}" if e.public_law else None) if x)
            verb = {"enacted": "Enacted", "entered_into_force": "It had entered into force",
                    "reauthorized": "Last reauthorized"}[e.event]
            extra.append(Sourced(f"{verb} {on_date(e.date)}" + (f" ({law})" if law else "")
                                 + (f", authorized until {fmt_date(e.until)}" if e.until else "") + ".", list(e.sources)))
    elif last.until and certainly_by(last.until, as_of) and earliest(last.until) < as_of:
        status, since, sources = "expired", last.until, list(last.sources)
        sentence = f"{label}: expired since {fmt_date(since)} (the authorization of {fmt_date(last.date)} ran until then)"
    else:
        status = "in force"
        first = next((e for e in basis if e.event in ("enacted", "entered_into_force")), last)
        since, sources = first.date, list(first.sources)
        sentence = f"{label}: in force since {fmt_date(first.date)}"
        if last is not first:
            sentence += f"; {_IN_FORCE[last.event]} on {fmt_date(last.date)}"
            sources += list(last.sources)
        if last.until:
            sentence += f", authorized until {fmt_date(last.until)}"
    pending = [e for e in events if e.event in _PENDING and earliest(e.date) > earliest(last.date)]
    for e in pending[-3:]:
        extra.append(Sourced(f"Since then: {_event_words(e, pack)}.", list(e.sources)))
    return LawState(instrument, label, status, str(since) if since else None, sentence + ".", sources, extra)


_MANDATE_WORDS = {
    "in_effect": "in effect since {date}", "implemented": "implemented (first steps {on})",
    "not_implemented": "not implemented as of {date}", "suspended": "suspended {on}",
    "lapsed": "lapsed {on}", "unknown": "status not known (last noted {on})",
}


def mandate_states(pack: Any, as_of: dt.date) -> list[Sourced]:
    """The latest known status of each mandate (what a law requires or creates) on `as_of`."""
    out = []
    for m in getattr(pack, "mandates", []):
        history = sorted((h for h in m.history if certainly_by(h.date, as_of)), key=lambda h: earliest(h.date))
        if not history:
            continue
        h = history[-1]
        law = _label(pack, m.instrument)
        where = law if m.provision.strip().lower() in m.label.lower() else f"{law}, {m.provision}"
        status = _MANDATE_WORDS.get(h.status, h.status.replace("_", " ") + " since {date}").format(
            date=fmt_date(h.date), on=on_date(h.date))
        note = f" ({h.note.strip().rstrip('.')})" if h.note else ""
        out.append(Sourced(f"{m.label} ({where}): {status}{note}.",
                           list(h.sources) or list(m.sources)))
    return out


def instrument_states(pack: Any, as_of: dt.date) -> tuple[list[LawState], list[Sourced]]:
    laws = []
    for e in pack.of_kind("instrument"):
        if e.instrument_type in ("law", "amendment"):
            st = law_state(pack, e.id, as_of)
            if st is not None:
                laws.append(st)
    return laws, mandate_states(pack, as_of)


# ------------------------------------------------------------------ UN votes

@dataclass
class VoteRow:
    year: int
    outcome: str
    us: str
    rok: str
    sources: list[Any]


@dataclass
class UnState:
    statements: list[Sourced]
    rows: list[VoteRow]
    chart_table: dict[str, list[dict[str, Any]]]


POSITION_WORDS = {
    "cosponsored": "co-sponsored", "not_cosponsored": "did not co-sponsor", "voted_yes": "voted yes",
    "abstained": "abstained", "voted_no": "voted no", "absent": "was absent", "joined_consensus": "joined the consensus",
}


def _vote_known(v: Any, as_of: dt.date) -> bool:
    if v.date:
        return certainly_by(v.date, as_of)
    return v.year < as_of.year


def _outcome(v: Any) -> str:
    if v.method == "consensus":
        return "adopted without a vote (consensus)"
    if v.yes is not None:
        return f"recorded vote {v.yes}-{v.no if v.no is not None else '?'}-{v.abstain if v.abstain is not None else '?'}"
    return "recorded vote (counts not retrieved)"


def _per_year(votes: list[Any], plenary: str) -> dict[int, Any]:
    """One vote per year: the plenary's when known, else the committee's."""
    out: dict[int, Any] = {}
    for v in sorted(votes, key=lambda v: (v.year, v.body == plenary)):
        out[v.year] = v
    return out


def un_vote_state(pack: Any, as_of: dt.date, states: tuple[str, ...] = ("us", "rok", "japan", "eu")) -> UnState:
    """Latest UN resolutions (GA and HRC), the US and ROK positions, and the GA table for the chart."""
    statements: list[Sourced] = []
    votes = [v for v in pack.resolution_votes if _vote_known(v, as_of)]
    positions = [p for p in pack.state_positions if p.year < as_of.year or
                 any(_vote_known(v, as_of) for v in votes if v.year == p.year and v.instrument == p.instrument)]
    ga = _per_year([v for v in votes if v.instrument == GA_RESOLUTION], "un_ga")
    hrc = _per_year([v for v in votes if v.instrument == HRC_RESOLUTION], "un_hrc")
    pos = {(p.instrument, p.state, p.year): p for p in positions}

    for name, series, instrument in (("UN General Assembly", ga, GA_RESOLUTION), ("UN Human Rights Council", hrc, HRC_RESOLUTION)):
        if not series:
            continue
        latest = series[max(series)]
        res = f" (resolution {latest.resolution})" if latest.resolution else ""
        when = f" {on_date(latest.date)}" if latest.date else ""
        statements.append(Sourced(f"{name}: the latest resolution on human rights in the DPRK in the record, of {latest.year}, was "
                                  f"{_outcome(latest).replace('recorded vote', 'adopted by recorded vote')}{res}{when}.",
                                  list(latest.sources)))
        if latest.method == "consensus":
            recorded = [v for y, v in sorted(series.items()) if v.method != "consensus" and v.yes is not None]
            if recorded:
                r = recorded[-1]
                statements.append(Sourced(f"{name}: the last recorded vote was in {r.year} ({_outcome(r)}).", list(r.sources)))
        for state in ("us", "rok"):
            p = pos.get((instrument, state, latest.year))
            if p is not None:
                statements.append(Sourced(f"{_label(pack, state)} {POSITION_WORDS.get(p.position, p.position)} "
                                          f"the {latest.year} {name} resolution.", list(p.sources)))

    rows = []
    for year in sorted(ga)[-6:][::-1]:
        v = ga[year]
        us, rok = pos.get((GA_RESOLUTION, "us", year)), pos.get((GA_RESOLUTION, "rok", year))
        srcs = list(v.sources) + [s for p in (us, rok) if p for s in p.sources]
        rows.append(VoteRow(year, _outcome(v), POSITION_WORDS.get(us.position, us.position) if us else "no record",
                            POSITION_WORDS.get(rok.position, rok.position) if rok else "no record", srcs))
    chart_table = {
        "votes": [{"year": v.year, "body": v.body, "method": v.method or ("recorded_vote" if v.yes is not None else None),
                   "yes": v.yes, "no": v.no, "abstain": v.abstain} for v in ga.values()],
        "positions": [{"state": p.state, "year": p.year, "position": p.position}
                      for p in positions if p.instrument == GA_RESOLUTION and p.state in states],
    }
    return UnState(statements, rows, chart_table)


# ------------------------------------------------------------------ Security Council

def council_state(pack: Any, as_of: dt.date, latest: int = 4) -> list[Sourced]:
    """Security Council meetings on DPRK human rights known by `as_of`: a count and the latest ones."""
    meetings = sorted((m for m in pack.council_meetings if certainly_by(m.date, as_of)), key=lambda m: earliest(m.date))
    if not meetings:
        return []
    held = [m for m in meetings if m.outcome == "held"]
    out = []
    if held:
        out.append(Sourced(f"The Security Council met on human rights in the DPRK {len(held)} time"
                           f"{'s' if len(held) != 1 else ''} between {fmt_date(held[0].date)} and {fmt_date(held[-1].date)}.",
                           [s for m in (held[0], held[-1]) for s in m.sources]))
    for m in meetings[-latest:][::-1]:
        if m.outcome == "held":
            if m.procedural_vote and m.yes is not None:
                against = f" (against: {', '.join(_label(pack, a) for a in m.against)})" if m.against else ""
                how = f"after a procedural vote of {m.yes}-{m.no}-{m.abstain}{against}"
            elif not m.procedural_vote:
                how = "without a procedural vote"
            else:
                how = "after a procedural vote"
            text = f"{fmt_date(m.date)}: meeting held {how}"
        elif m.outcome == "blocked":
            text = f"{fmt_date(m.date)}: meeting blocked in a procedural vote" + (
                f" ({m.yes}-{m.no}-{m.abstain})" if m.yes is not None else "")
        else:
            text = f"{fmt_date(m.date)}: no meeting held"
        if m.record:
            text += f"; record {m.record}"
        if m.note and m.outcome != "held":
            text += f" ({m.note.strip().rstrip('.')})"
        out.append(Sourced(text + ".", list(m.sources)))
    return out
