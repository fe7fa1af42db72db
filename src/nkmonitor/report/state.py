"""The state of play as of a date, read from the pack: posts, laws and mandates, UN votes, Council meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from nkmonitor.report.charts import field_of
from nkmonitor.report.citations import source_index
from nkmonitor.track.asof import edtf
from nkmonitor.track.timelines import instrument_status

TRACKED_POSTS = ("us_special_envoy_nkhr", "rok_ambassador_nkhr", "un_special_rapporteur_dprk")
GA_RESOLUTION = "unga_dprk_hr_resolution"
HRC_RESOLUTION = "unhrc_dprk_hr_resolution"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# ------------------------------------------------------------------ dates

def bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest day an EDTF date (2023-10-13, 2023-10, 2023 or a year int) can mean."""
    d = edtf(value)
    return (d.earliest, d.latest) if d else None


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
    d = edtf(value)
    if d is not None and d.precision == "month":
        return f"{MONTHS[d.earliest.month - 1]} {d.earliest.year}"
    return str(value)


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
    return all(field_of(s, "published") is None or earliest(field_of(s, "published")) <= as_of for s in sources)


# ------------------------------------------------------------------ posts

def pack_sources(pack: Any, provenance: Any) -> list[Any]:
    """Pack Source records for a tracker's provenance list (URLs resolved back to publisher and date)."""
    index = _index(pack)
    out = []
    for p in provenance or []:
        kind, ref = field_of(p, "kind"), field_of(p, "ref")
        if kind == "pack" and ref:
            out.append(index.get(ref) or {"url": ref, "publisher": field_of(p, "label")})
    return out


_INDEXES: dict[int, dict[str, Any]] = {}


def _index(pack: Any) -> dict[str, Any]:
    key = id(pack)
    if key not in _INDEXES:
        _INDEXES[key] = source_index(pack)
    return _INDEXES[key]


def post_segments(pack: Any, post: str, as_of: dt.date, store: Any = None) -> list[Any]:
    """Holder and vacancy segments of one post on `as_of` (`track.timelines` segments, via fusion).

    The brief states the curated record (store None): accepted extractions and their conflicts
    are added as notes by the brief, never as the statement itself.
    """
    from nkmonitor.track.fusion import fused_post_timelines

    return fused_post_timelines(pack, store, post=post, as_of=as_of)[0].segments


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
        sources = pack_sources(pack, current.provenance)
        if current.kind == "holder":
            notes += _alternatives(current.person_name, current.alternatives, ("start",), as_of)
            out.append(PostState(post, label, current.person_name, current.start,
                                 duration(current.start, as_of), None, sources, notes, timeline))
        else:
            before = [seg for seg in segments if seg.kind == "holder"]
            previous = before[-1] if before else None
            if previous is not None:
                notes += _alternatives(previous.person_name, previous.alternatives, ("end",), as_of)
            out.append(PostState(post, label, None, current.start, duration(current.start, as_of),
                                 previous.person_name if previous else None, sources, notes, timeline))
    return out


def _alternatives(person: str | None, alternatives: list[Any], fields: tuple[str, ...], as_of: dt.date) -> list[Sourced]:
    """'Sources differ' notes for the fields a statement relies on, when every source was out by `as_of`."""
    notes = []
    for alt in alternatives or []:
        if field_of(alt, "field") not in fields:
            continue
        values = field_of(alt, "values", default=[])
        sources = [src for v in values for src in field_of(v, "sources", default=[])]
        if not sources or not _known_sources(sources, as_of):
            continue
        shown = " or ".join(str(field_of(v, "value")) for v in values)
        what = {"start": "took up", "end": "left"}.get(field_of(alt, "field"), field_of(alt, "field"))
        notes.append(Sourced(f"Sources differ on when {person} {what} the post ({shown}); this brief uses "
                             f"{field_of(alt, 'used')}: {str(field_of(alt, 'reason', default='')).strip()}", sources))
    return notes


# ------------------------------------------------------------------ laws and mandates

_PENDING = {"introduced", "passed_chamber", "reported"}
_STATUS_WORDS = {"in_force": "in force", "expired": "expired", "struck_down": "struck down",
                 "enacted_not_in_force": "enacted, not yet in force", "not_yet_enacted": "not enacted"}


@dataclass
class LawState:
    instrument: str
    label: str
    status: str  # in force / expired / struck down / enacted, not yet in force / not enacted
    since: str | None
    sentence: str
    sources: list[Any]
    extra: list[Sourced]


def _event_words(e: Any, pack: Any) -> str:
    """'H.R. 3012 introduced in the US House of Representatives on 2023-04-28' and the like."""
    event, chamber = field_of(e, "event"), field_of(e, "chamber")
    if event == "passed_chamber":
        bits = [f"passed the {_label(pack, chamber)}" if chamber else "passed a chamber"]
    else:
        bits = [str(event).replace("_", " ")]
        if chamber:
            bits.append(f"in the {_label(pack, chamber)}")
    if field_of(e, "bill"):
        bits.insert(0, field_of(e, "bill"))
    if field_of(e, "public_law"):
        bits.append(f"(Public Law {field_of(e, 'public_law')})")
    if field_of(e, "yes") is not None:
        no = field_of(e, "no")
        bits.append(f"by {field_of(e, 'yes')}-{no if no is not None else '?'}")
    return " ".join(bits) + " " + on_date(field_of(e, "date"))


def _event_sources(pack: Any, e: Any) -> list[Any]:
    return pack_sources(pack, field_of(e, "provenance", default=[]))


def law_state(pack: Any, instrument: str, as_of: dt.date) -> LawState | None:
    """Whether a law is in force, expired or struck down on `as_of` (status from track.timelines)."""
    entity = pack.entities[instrument]
    st = instrument_status(instrument, pack.instrument_events, as_of, mandates=(), kind=entity.instrument_type)
    if not st.events:
        return None
    label = _label(pack, instrument)
    events = st.events
    extra: list[Sourced] = []
    sources = pack_sources(pack, st.provenance)
    enacting = [e for e in events if e["event"] in ("enacted", "entered_into_force", "reauthorized")
                and certainly_by(e["date"], as_of)]
    status = _STATUS_WORDS.get(st.status, st.status.replace("_", " "))
    status_day = st.since
    if st.status == "expired":
        sentence = f"{label}: expired since {fmt_date(st.since)}"
        if st.note:
            sentence += f" ({st.note})"
        if enacting:
            e = enacting[-1]
            law = ", ".join(x for x in (e.get("bill"), f"Public Law {e['public_law']}" if e.get("public_law") else None) if x)
            verb = {"enacted": "Enacted", "entered_into_force": "It had entered into force",
                    "reauthorized": "Last reauthorized"}[e["event"]]
            extra.append(Sourced(f"{verb} {on_date(e['date'])}" + (f" ({law})" if law else "")
                                 + (f", authorized until {fmt_date(e['until'])}" if e.get("until") else "") + ".",
                                 _event_sources(pack, e)))
            if not sources:
                sources = _event_sources(pack, e)
    elif st.status == "struck_down":
        sentence = f"{label}: struck down on {fmt_date(st.since)}; no longer in force"
        if enacting:
            e = enacting[-1]
            verb = {"enacted": "It had been enacted", "entered_into_force": "It had entered into force",
                    "reauthorized": "It had last been reauthorized"}[e["event"]]
            extra.append(Sourced(f"{verb} {on_date(e['date'])}.", _event_sources(pack, e)))
    elif st.status in ("in_force", "enacted_not_in_force"):
        first = enacting[0] if enacting else None
        since = first["date"] if first else st.since
        if st.status == "in_force":
            sentence = f"{label}: in force since {fmt_date(since)}"
        else:
            sentence = f"{label}: enacted {on_date(since)}, not yet in force"
        if first is not None:
            sources = _event_sources(pack, first) + [s for s in sources if s not in _event_sources(pack, first)]
        last = enacting[-1] if enacting else None
        if last is not None and last is not first and last["event"] == "reauthorized":
            sentence += f"; reauthorized {on_date(last['date'])}"
        if st.until:
            sentence += f", authorized until {fmt_date(st.until)}"
        status_day = since
    else:
        last = events[-1]
        sentence = f"{label}: not enacted by this date; latest step: {_event_words(last, pack)}"
        sources = _event_sources(pack, last)
    if st.uncertain and st.note:
        extra.append(Sourced(f"Uncertain on this date: {st.note}.", sources))
    if st.status != "not_yet_enacted":
        after = earliest(st.since) if st.since else dt.date.min
        pending = [e for e in events if e["event"] in _PENDING and earliest(e["date"]) > after]
        for e in pending[-3:]:
            extra.append(Sourced(f"Since then: {_event_words(e, pack)}.", _event_sources(pack, e)))
    return LawState(instrument, label, status, str(status_day) if status_day else None, sentence + ".", sources, extra)


_MANDATE_WORDS = {
    "in_effect": "in effect since {date}", "implemented": "implemented since {date}",
    "not_implemented": "not implemented (as of {date})", "suspended": "suspended since {date}",
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
        note = f"; {h.note.strip().rstrip('.')}" if h.note else ""
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


def _positions_words(found: list[Any]) -> str:
    return "; ".join(POSITION_WORDS.get(p.position, p.position) for p in found) or "no record"


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
    # A state has up to two positions a year: co-sponsorship and its vote (or consensus).
    pos: dict[tuple[str, str, int], list[Any]] = {}
    for p in sorted(positions, key=lambda p: p.position not in ("cosponsored", "not_cosponsored")):
        pos.setdefault((p.instrument, p.state, p.year), []).append(p)

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
            found = pos.get((instrument, state, latest.year), [])
            if found:
                words = " and ".join(POSITION_WORDS.get(p.position, p.position) for p in found)
                statements.append(Sourced(f"{_label(pack, state)} on the {latest.year} {name} resolution: {words}.",
                                          [s for p in found for s in p.sources]))

    rows = []
    for year in sorted(ga)[-6:][::-1]:
        v = ga[year]
        us, rok = pos.get((GA_RESOLUTION, "us", year), []), pos.get((GA_RESOLUTION, "rok", year), [])
        srcs = list(v.sources) + [s for p in us + rok for s in p.sources]
        rows.append(VoteRow(year, _outcome(v), _positions_words(us), _positions_words(rok), srcs))
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
