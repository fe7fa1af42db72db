"""Fused timelines: the curated pack plus accepted extractions, with disagreements flagged (never resolved)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from nkmonitor.errors import BadValue
from nkmonitor.store.suggestions import AcceptedFact, accepted_facts, normalize_name
from nkmonitor.track.asof import as_of_date, dates_agree, edtf, known_by
from nkmonitor.track.timelines import Provenance, Segment, instrument_status, post_timeline, provenance_of

# Instrument events that happen once in an instrument's life: another date is a conflict.
# Repeated ones (reauthorizations, chamber votes, lapses) may be new events the pack lacks.
SINGLE_EVENTS = {"enacted", "entered_into_force", "struck_down"}
# The two independent dimensions of a state's position on a resolution.
POSITION_DIMENSION = {"cosponsored": "cosponsorship", "not_cosponsored": "cosponsorship",
                      "voted_yes": "vote", "abstained": "vote", "voted_no": "vote", "joined_consensus": "vote",
                      "absent": "vote"}


@dataclass
class DocEvidence:
    """An accepted extraction's provenance: document, suggestion and the evidence span."""

    document_id: int
    suggestion_id: int
    span_start: int | None
    span_end: int | None
    text: str | None
    published: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _doc_evidence(fact: AcceptedFact) -> list[DocEvidence]:
    return [DocEvidence(e.document_id, e.suggestion_id, e.span_start, e.span_end, e.text, e.published)
            for e in fact.evidence]


def _doc_provenance(docs: list[DocEvidence], fact_id: str | None = None) -> list[Provenance]:
    """Archive-document provenance in `track.timelines` form: document id, suggestion id, evidence text."""
    return [Provenance(kind="document", ref=str(d.document_id), fact_id=f"suggestion:{d.suggestion_id}",
                       label=(d.text or "")[:80] or None) for d in docs]


def _urls(item: Any) -> list[str]:
    return [s.url for s in getattr(item, "sources", []) or []]


@dataclass
class Conflict:
    """The pack and an accepted extraction disagree on one field; both sides are kept with their sources."""

    subject: str
    field: str
    pack_value: Any
    pack_fact: str | None
    pack_sources: list[str]
    extracted_value: Any
    documents: list[DocEvidence]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["documents"] = [d.to_json() for d in self.documents]
        return data


@dataclass
class FusedTenure:
    """A tenure record in the shape of the pack's (`id`, `post`, `person`, `start`, `end`, reasons,
    `events`), with `provenance` (pack sources and/or archive documents) so `track.timelines`
    can build segments from curated and extracted tenures alike."""

    id: str
    post: str
    person: str | None
    person_name: str | None
    start: str | None
    end: str | None
    origin: str  # "pack", "extracted" or "pack+extracted"
    pack_fact: str | None = None
    sources: list[str] = field(default_factory=list)  # pack source URLs
    documents: list[DocEvidence] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    start_reason: str | None = None
    end_reason: str | None = None
    note: str | None = None
    alternatives: list[Any] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # flags shown on the tenure's segment
    pack_provenance: list[Provenance] = field(default_factory=list)

    @property
    def person_label(self) -> str | None:  # the name under its older spelling
        return self.person_name

    @property
    def provenance(self) -> list[Provenance]:
        """Pack sources first, then the archive documents that back the tenure."""
        return list(self.pack_provenance) + _doc_provenance(self.documents, self.id)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("pack_provenance")
        data["alternatives"] = [a.model_dump() if hasattr(a, "model_dump") else a for a in self.alternatives]
        data["documents"] = [d.to_json() for d in self.documents]
        data["provenance"] = [p.model_dump() for p in self.provenance]
        return data


def segment_days(seg: Segment, as_of: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """A segment's [first day, day after) for day arithmetic (indicators, holder on a day).

    Month- or year-precise dates are placed on their earliest day here only; the segment itself
    keeps the date as precise as it is known (`start`, `start_precision`). An open segment's end
    is None.
    """
    start = edtf(seg.start)
    end = edtf(seg.end) if not seg.open else None
    return (start.earliest if start else None), (end.earliest if end else None)


@dataclass
class PostTimeline:
    """One post as known on a date: fused tenures, `track.timelines` segments, conflicts, pending steps."""

    post: str
    label: str
    established: str | None
    as_of: str | None
    tenures: list[FusedTenure]
    segments: list[Segment]  # track.timelines.Segment: kind "holder" or "vacancy", EDTF dates with precision
    conflicts: list[Conflict]
    vacancy_reports: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)  # nominations etc. of tenures not yet begun

    def holder_on(self, day: dt.date) -> Segment | None:
        """The segment covering `day`, imprecise dates placed on their earliest day (see `segment_days`)."""
        for seg in self.segments:
            lo, hi = segment_days(seg)
            if lo is not None and lo <= day and (hi is None or day < hi):
                return seg
        return None

    def tenure_of(self, seg: Segment | None) -> FusedTenure | None:
        """The fused tenure a holder segment was built from."""
        if seg is None or seg.kind != "holder":
            return None
        return next((t for t in self.tenures if t.id == seg.tenure_id), None)

    def to_json(self) -> dict[str, Any]:
        return {"post": self.post, "label": self.label, "established": self.established, "as_of": self.as_of,
                "tenures": [t.to_json() for t in self.tenures], "segments": [s.model_dump() for s in self.segments],
                "vacancy_reports": self.vacancy_reports, "pending": self.pending, "conflicts": [c.to_json() for c in self.conflicts]}


def _facts(store: Any, as_of: dt.date | None, types: list[str]) -> list[AcceptedFact]:
    return accepted_facts(store, as_of=as_of, types=types) if store is not None else []


def _same(pack: Any, person_id: str | None, payload: dict[str, Any]) -> bool:
    if payload.get("person"):
        return payload["person"] == person_id
    name = payload.get("person_name")
    if not name or not person_id:
        return False
    wanted = normalize_name(name)
    try:
        forms = [a.text for a in pack.alias_records(person_id)]
    except Exception:
        forms = [pack.label(person_id) or person_id]
    return any(normalize_name(f) == wanted for f in forms)


def _day(value: Any) -> dt.date | None:
    d = edtf(value)
    return d.earliest if d else None


def fused_post_timelines(pack: Any, store: Any = None, post: str | None = None, as_of: Any = None,
                         today: dt.date | None = None) -> list[PostTimeline]:
    """Tenures and vacancies of each post (or one), from the pack plus accepted post facts, as of a date.

    Without `as_of`, every accepted fact counts and the segments run to `today` (default: today).
    """
    day = as_of_date(as_of)
    posts = [e.id for e in pack.of_kind("post")]
    if post is not None:
        if post not in posts:
            raise BadValue(f"unknown post; use one of {', '.join(sorted(posts))}", subject=post)
        posts = [post]
    facts = _facts(store, day, ["post_event", "post_vacancy"])
    end_day = day or today or dt.date.today()
    return [_post_timeline(pack, p, [f for f in facts if f.payload.get("post") == p], day, end_day) for p in posts]


def _pack_tenure(pack: Any, t: Any, day: dt.date | None) -> FusedTenure:
    end = t.end if (t.end and known_by(t.end, day)) else None
    events = [{"event": e.event, "date": e.date, "sources": _urls(e)} for e in t.events if known_by(e.date, day)]
    return FusedTenure(t.id, t.post, t.person, pack.label(t.person), t.start, end, "pack", t.id, _urls(t), [], events,
                       start_reason=t.start_reason, end_reason=t.end_reason if end else None, note=t.note,
                       alternatives=list(getattr(t, "alternatives", None) or []),
                       pack_provenance=provenance_of(t))


def _post_timeline(pack: Any, post: str, facts: list[AcceptedFact], day: dt.date | None,
                   end_day: dt.date) -> PostTimeline:
    entity = pack.get(post)
    tenures: list[FusedTenure] = []
    pending: list[dict[str, Any]] = []
    for t in sorted(pack.tenures_of(post), key=lambda t: _day(t.start) or dt.date.max):
        if not known_by(t.start, day):
            # not in office yet as of the answer date, but a nomination or confirmation may be known
            pending.extend({"person": t.person, "person_label": pack.label(t.person), "event": e.event,
                            "date": e.date, "pack_fact": t.id, "sources": _urls(e) or _urls(t)}
                           for e in t.events if e.event != "took_office" and known_by(e.date, day))
            continue
        tenures.append(_pack_tenure(pack, t, day))
    pack_tenures = list(tenures)
    conflicts: list[Conflict] = []
    extracted: dict[str, dict[str, Any]] = {}
    for fact in (f for f in facts if f.type == "post_event"):
        p = fact.payload
        event, date = p.get("event"), p.get("date")
        match = next((ft for ft in pack_tenures if _same(pack, ft.person, p)), None)
        if match is not None:
            _compare_with_tenure(post, match, fact, conflicts)
            continue
        if any(_same(pack, t.person, p) for t in pack.tenures_of(post) if not known_by(t.start, day)):
            # the pack knows this person's tenure, which has not begun by the answer date:
            # the fact is a step towards it, not a tenure of its own
            pending.append({"person": p.get("person"), "person_label": p.get("person_name") or pack.label(p.get("person")),
                            "event": event, "date": date, "pack_fact": None, "sources": [],
                            "documents": [d.to_json() for d in _doc_evidence(fact)]})
            continue
        who = p.get("person") or ("name:" + normalize_name(p["person_name"]) if p.get("person_name") else None)
        if who is None:
            continue  # "the government filled the post": nobody to place on the timeline
        slot = extracted.setdefault(who, {"person": p.get("person"), "label": p.get("person_name") or
                                          pack.label(p.get("person")), "facts": []})
        slot["facts"].append(fact)
        slot.setdefault(event, date)
    for n, (who, slot) in enumerate(extracted.items()):
        start = slot.get("took_office") or slot.get("appointed") or slot.get("confirmed")
        reason = next((e for e in ("took_office", "appointed", "confirmed") if slot.get(e)), None)
        ft = FusedTenure(f"extracted:{post}:{n}", post, slot["person"], slot["label"], start, slot.get("left_office"),
                         "extracted", documents=[d for f in slot["facts"] for d in _doc_evidence(f)],
                         events=[{"event": f.payload.get("event"), "date": f.payload.get("date")} for f in slot["facts"]],
                         start_reason=reason, end_reason="left_office" if slot.get("left_office") else None)
        clash = next((pft for pft in pack_tenures if _may_overlap(ft, pft)), None)
        if clash is not None:
            conflicts.append(Conflict(
                post, "holder", f"{clash.person_name} ({clash.start} to {clash.end or 'now'})", clash.pack_fact,
                clash.sources, f"{ft.person_name} ({ft.start or '?'} to {ft.end or '?'})", ft.documents,
                "another holder in the same period; the pack's holder is kept on the timeline"))
            clash.conflicts.append(f"holder: documents name {ft.person_name} ({ft.start or '?'} to {ft.end or '?'})")
            continue
        if start is not None:
            tenures.append(ft)
    reports = [f for f in facts if f.type == "post_vacancy"]
    timeline = PostTimeline(post, entity.label, entity.established, day.isoformat() if day else None, tenures,
                            [], conflicts, pending=pending)
    checks = list(pack.vacancy_checks)
    timeline.segments = _segments(entity, tenures, checks, end_day)
    for fact in reports:
        when = fact.payload.get("as_of") or fact.payload.get("since")
        report = {"as_of": fact.payload.get("as_of"), "since": fact.payload.get("since"),
                  "documents": [d.to_json() for d in _doc_evidence(fact)]}
        timeline.vacancy_reports.append(report)
        d = edtf(when)
        if d is None:
            continue
        held = [timeline.holder_on(x) for x in (d.earliest, d.latest)]
        if all(h is not None and h.kind == "holder" for h in held) and held[0].tenure_id == held[1].tenure_id:
            holder = timeline.tenure_of(held[0])
            conflicts.append(Conflict(post, "vacancy", f"held by {holder.person_name} on {when}", holder.pack_fact,
                                      holder.sources, f"vacant as of {when}", _doc_evidence(fact),
                                      "a document reports the post vacant while the record shows a holder"))
            holder.conflicts.append(f"vacancy: a document reports the post vacant as of {when}")
        else:
            # a report that fits the record backs the vacancy it falls in, as the pack's vacancy checks do
            checks.append({"post": post, "as_of": d.text, "provenance": _doc_provenance(_doc_evidence(fact))})
    timeline.segments = _segments(entity, tenures, checks, end_day)
    return timeline


def _segments(entity: Any, tenures: list[FusedTenure], checks: list[Any], end_day: dt.date) -> list[Segment]:
    """Holder and vacancy segments from `track.timelines.post_timeline`, as known on `end_day`."""
    return post_timeline(entity.id, tenures, end_day, established=entity.established,
                         established_sources=list(getattr(entity, "established_sources", None) or []),
                         vacancy_checks=checks)


def _compare_with_tenure(post: str, ft: FusedTenure, fact: AcceptedFact, conflicts: list[Conflict]) -> None:
    p = fact.payload
    event, date = p.get("event"), p.get("date")
    docs = _doc_evidence(fact)
    if event == "took_office":
        pack_value, fieldname = ft.start, "start"
    elif event == "left_office":
        pack_value, fieldname = ft.end, "end"
    else:
        pack_events = [e for e in ft.events if e["event"] == event and e.get("origin") != "extracted"]
        agreeing = [e for e in pack_events if dates_agree(e["date"], date)]
        if date and pack_events and not agreeing:
            conflicts.append(Conflict(post, event, ", ".join(e["date"] for e in pack_events), ft.pack_fact,
                                      [u for e in pack_events for u in e["sources"]] or ft.sources, date, docs,
                                      f"{ft.person_name}: another {event} date"))
            ft.conflicts.append(f"{event}: documents say {date}")
        elif agreeing:
            # the documents back that event, not the tenure's start or end
            agreeing[0].setdefault("documents", []).extend(d.to_json() for d in docs)
        else:
            ft.events.append({"event": event, "date": date, "sources": [], "origin": "extracted",
                              "documents": [d.to_json() for d in docs]})
        return
    if date is None:
        ft.documents.extend(docs)
        return
    if pack_value is None and fieldname == "end":
        conflicts.append(Conflict(post, "end", None, ft.pack_fact, ft.sources, date, docs,
                                  f"the pack has {ft.person_name} still in office"))
        ft.conflicts.append(f"end: documents say {ft.person_name} left on {date}")
        return
    if dates_agree(pack_value, date):
        ft.documents.extend(docs)
        if ft.origin == "pack":
            ft.origin = "pack+extracted"
        return
    conflicts.append(Conflict(post, fieldname, pack_value, ft.pack_fact, ft.sources, date, docs,
                              f"{ft.person_name}: another {'start' if fieldname == 'start' else 'end'} date"))
    ft.conflicts.append(f"{fieldname}: documents say {date}")


def _may_overlap(a: FusedTenure, b: FusedTenure) -> bool:
    """Whether two tenures could share a day (imprecise dates read generously)."""
    sa, sb = edtf(a.start), edtf(b.start)
    ea, eb = edtf(a.end), edtf(b.end)
    if sa is None and ea is None:
        return False
    a_lo = sa.earliest if sa else (ea.earliest if ea else dt.date.min)
    a_hi = ea.latest if ea else (sa.latest if sa and a.end is None and a.origin == "extracted" else dt.date.max)
    b_lo = sb.earliest if sb else dt.date.min
    b_hi = eb.latest if eb else dt.date.max
    return a_lo < b_hi and b_lo < a_hi


# --------------------------------------------------------------------------- instruments
@dataclass
class FusedEvent:
    """An instrument event record in the pack's shape (`instrument`, `event`, `date`, `chamber`,
    `until`) with provenance, so `track.timelines.instrument_status` reads curated and extracted
    events alike."""

    event: str
    date: str | None
    chamber: str | None
    origin: str
    pack_fact: str | None = None
    sources: list[str] = field(default_factory=list)
    documents: list[DocEvidence] = field(default_factory=list)
    instrument: str | None = None
    until: str | None = None
    pack_provenance: list[Provenance] = field(default_factory=list)

    @property
    def id(self) -> str | None:
        return self.pack_fact

    @property
    def provenance(self) -> list[Provenance]:
        return list(self.pack_provenance) + _doc_provenance(self.documents)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("pack_provenance")
        data["documents"] = [d.to_json() for d in self.documents]
        return data


@dataclass
class InstrumentStatus:
    """An instrument's fused events and conflicts; the status is `track.timelines.instrument_status`
    computed over those events (curated and extracted), with its precision notes."""

    instrument: str
    label: str
    jurisdiction: str | None
    status: str
    status_since: str | None
    as_of: str | None
    events: list[FusedEvent]
    conflicts: list[Conflict]
    until: str | None = None
    uncertain: bool = False
    note: str | None = None
    mandates: list[Any] = field(default_factory=list)  # track.timelines.MandateState

    def to_json(self) -> dict[str, Any]:
        return {"instrument": self.instrument, "label": self.label, "jurisdiction": self.jurisdiction,
                "status": self.status, "status_since": self.status_since, "until": self.until,
                "uncertain": self.uncertain, "note": self.note, "as_of": self.as_of,
                "events": [e.to_json() for e in self.events], "conflicts": [c.to_json() for c in self.conflicts],
                "mandates": [m.model_dump() for m in self.mandates]}


def fused_instrument_status(pack: Any, store: Any = None, instrument: str | None = None,
                            as_of: Any = None, today: dt.date | None = None) -> list[InstrumentStatus]:
    """Events and current status of each instrument (or one): pack events plus accepted instrument_event facts.

    The status comes from `track.timelines.instrument_status` over the fused events, on `as_of`
    (default: `today`, default today).
    """
    day = as_of_date(as_of)
    ids = sorted(pack.ids("instrument"))
    if instrument is not None:
        if instrument not in ids:
            raise BadValue(f"unknown instrument; use one of {', '.join(ids)}", subject=instrument)
        ids = [instrument]
    facts = _facts(store, day, ["instrument_event"])
    out = []
    for inst in ids:
        events = [FusedEvent(e.event, e.date, e.chamber, "pack", e.id, _urls(e), instrument=inst,
                             until=getattr(e, "until", None), pack_provenance=provenance_of(e))
                  for e in pack.events_of(inst) if known_by(e.date, day)]
        conflicts: list[Conflict] = []
        for fact in (f for f in facts if f.payload.get("instrument") == inst):
            p = fact.payload
            same_kind = [e for e in events if e.event == p.get("event") and e.origin != "extracted"
                         and (p.get("event") != "passed_chamber" or not p.get("chamber") or e.chamber == p.get("chamber"))]
            agree = next((e for e in same_kind if dates_agree(e.date, p.get("date"))), None)
            if agree is not None:
                agree.documents.extend(_doc_evidence(fact))
                agree.origin = "pack+extracted"
            elif same_kind and p.get("event") in SINGLE_EVENTS:
                conflicts.append(Conflict(inst, p["event"], ", ".join(e.date or "?" for e in same_kind),
                                          same_kind[0].pack_fact, [u for e in same_kind for u in e.sources],
                                          p.get("date"), _doc_evidence(fact), "another date for a one-time event"))
            else:
                events.append(FusedEvent(p["event"], p.get("date"), p.get("chamber"), "extracted",
                                         documents=_doc_evidence(fact), instrument=inst, until=p.get("until")))
        events.sort(key=lambda e: (_day(e.date) or dt.date.min))
        entity = pack.get(inst)
        st = instrument_status(inst, [e for e in events if edtf(e.date) is not None], day or today,
                               mandates=pack.mandates_of(inst), votes=pack.resolution_votes,
                               kind=entity.instrument_type)
        out.append(InstrumentStatus(inst, entity.label, entity.jurisdiction, st.status, st.since,
                                    day.isoformat() if day else None, events, conflicts, until=st.until,
                                    uncertain=st.uncertain, note=st.note, mandates=st.mandates))
    return out


# --------------------------------------------------------------------------- UN votes and positions
@dataclass
class VoteRow:
    instrument: str
    year: int
    votes: list[dict[str, Any]] = field(default_factory=list)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)  # state -> dimension -> {position, origin, ...}

    def to_json(self) -> dict[str, Any]:
        return {"instrument": self.instrument, "year": self.year, "votes": self.votes, "positions": self.positions}


@dataclass
class UnVoteTable:
    as_of: str | None
    rows: list[VoteRow]
    conflicts: list[Conflict]

    def position(self, state: str, instrument: str, year: int, dimension: str = "cosponsorship") -> str | None:
        for r in self.rows:
            if r.instrument == instrument and r.year == year:
                got = r.positions.get(state, {}).get(dimension)
                return got["position"] if got else None
        return None

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "rows": [r.to_json() for r in self.rows],
                "conflicts": [c.to_json() for c in self.conflicts]}


def _year_known(year: int | None, date: str | None, day: dt.date | None) -> bool:
    return known_by(date or (str(year) if year else None), day)


def fused_un_votes(pack: Any, store: Any = None, instrument: str | None = None, as_of: Any = None) -> UnVoteTable:
    """Resolution votes and state positions per instrument and year: pack plus accepted facts, conflicts flagged."""
    day = as_of_date(as_of)
    rows: dict[tuple[str, int], VoteRow] = {}
    conflicts: list[Conflict] = []

    def row(inst: str, year: int) -> VoteRow:
        return rows.setdefault((inst, year), VoteRow(inst, year))

    for v in pack.resolution_votes:
        if (instrument and v.instrument != instrument) or not _year_known(v.year, v.date, day):
            continue
        row(v.instrument, v.year).votes.append({
            "body": v.body, "date": v.date, "method": v.method, "yes": v.yes, "no": v.no, "abstain": v.abstain,
            "cosponsors": v.cosponsors, "origin": "pack", "pack_fact": v.id, "sources": _urls(v), "documents": []})
    # A position is known once that year's resolution was adopted: use the first vote date of the
    # year when the pack has it (a bare year would count as known from 1 January).
    vote_dates: dict[tuple[str, int], str] = {}
    for v in pack.resolution_votes:
        if v.date and edtf(v.date) and ((v.instrument, v.year) not in vote_dates
                                        or edtf(v.date).earliest < edtf(vote_dates[(v.instrument, v.year)]).earliest):
            vote_dates[(v.instrument, v.year)] = v.date
    for sp in pack.state_positions:
        if (instrument and sp.instrument != instrument) or \
                not _year_known(sp.year, vote_dates.get((sp.instrument, sp.year)), day):
            continue
        dim = POSITION_DIMENSION.get(sp.position, "vote")
        row(sp.instrument, sp.year).positions.setdefault(sp.state, {})[dim] = {
            "position": sp.position, "origin": "pack", "pack_fact": sp.id, "sources": _urls(sp), "documents": []}
    for fact in _facts(store, day, ["resolution_vote", "state_position"]):
        p = fact.payload
        inst = p.get("instrument")
        if not inst or (instrument and inst != instrument):
            continue
        docs = _doc_evidence(fact)
        if fact.type == "resolution_vote":
            year = edtf(p.get("date")).earliest.year if edtf(p.get("date")) else None
            if year is None:
                continue
            r = row(inst, year)
            same = [v for v in r.votes if v["body"] == p.get("body") and v["origin"] != "extracted"]
            if not same:
                r.votes.append({"body": p.get("body"), "date": p.get("date"), "method": p.get("method"),
                                "yes": p.get("yes"), "no": p.get("no"), "abstain": p.get("abstain"),
                                "cosponsors": p.get("cosponsors"), "origin": "extracted", "pack_fact": None,
                                "sources": [], "documents": [d.to_json() for d in docs]})
                continue
            v = same[0]
            diffs = [k for k in ("method", "yes", "no", "abstain") if p.get(k) is not None and v.get(k) is not None
                     and p.get(k) != v.get(k)]
            if diffs:
                conflicts.append(Conflict(f"{inst} {year} {p.get('body')}", ",".join(diffs),
                                          {k: v.get(k) for k in diffs}, v["pack_fact"], v["sources"],
                                          {k: p.get(k) for k in diffs}, docs, "another vote record"))
            else:
                v["documents"].extend(d.to_json() for d in docs)
        else:
            year, state, pos = p.get("year"), p.get("state"), p.get("position")
            if not (year and state and pos):
                continue
            dim = POSITION_DIMENSION.get(pos, "vote")
            slot = row(inst, int(year)).positions.setdefault(state, {})
            have = slot.get(dim)
            if have is None:
                slot[dim] = {"position": pos, "origin": "extracted", "pack_fact": None, "sources": [],
                             "documents": [d.to_json() for d in docs]}
            elif have["position"] == pos:
                have["documents"].extend(d.to_json() for d in docs)
            else:
                conflicts.append(Conflict(f"{state} {inst} {year}", dim, have["position"], have["pack_fact"],
                                          have["sources"], pos, docs, "another position"))
    ordered = sorted(rows.values(), key=lambda r: (r.instrument, r.year))
    return UnVoteTable(day.isoformat() if day else None, ordered, conflicts)


# --------------------------------------------------------------------------- overlays for the knowledge CLI
def overlay_posts(pack: Any, store: Any, timelines: list[dict[str, Any]], as_of: Any) -> list[dict[str, Any]]:
    """`posts` output with accepted extractions: the fused segments (same `track.timelines` shape, with
    extracted tenures and document provenance added) and a conflicts list."""
    for tl in timelines:
        fused = fused_post_timelines(pack, store, post=tl["post"], as_of=as_of)[0]
        tl["segments"] = [s.model_dump() for s in fused.segments]
        tl["conflicts"] = [c.to_json() for c in fused.conflicts]
    return timelines


def overlay_instruments(pack: Any, store: Any, rows: list[dict[str, Any]], as_of: Any) -> list[dict[str, Any]]:
    """Add accepted extractions to `instruments` output: corroborations, extracted-only events, conflicts."""
    for row in rows:
        (fused,) = fused_instrument_status(pack, store, instrument=row["instrument"], as_of=as_of)
        by_id = {e.pack_fact: e for e in fused.events if e.pack_fact and e.documents}
        for ev in row.get("events", []):
            if ev.get("id") in by_id:
                ev["provenance"] = list(ev.get("provenance") or []) + [
                    p.model_dump() for p in _doc_provenance(by_id[ev["id"]].documents)]
        row["extracted_events"] = [e.to_json() for e in fused.events if e.origin == "extracted"]
        row["conflicts"] = [c.to_json() for c in fused.conflicts]
    return rows


def overlay_un_votes(pack: Any, store: Any, rows: list[dict[str, Any]], as_of: Any,
                     instrument: str | None = None) -> list[dict[str, Any]]:
    """Add accepted extractions to `un-votes` rows: extracted votes and positions, and each row's conflicts."""
    fused = fused_un_votes(pack, store, instrument=instrument, as_of=as_of)
    index = {(r["instrument"], r["year"]): r for r in rows}
    for frow in fused.rows:
        extracted_votes = [v for v in frow.votes if v["origin"] == "extracted"]
        extracted_pos = {s: {d: v for d, v in dims.items() if v["origin"] == "extracted"}
                         for s, dims in frow.positions.items()}
        extracted_pos = {s: v for s, v in extracted_pos.items() if v}
        row = index.get((frow.instrument, frow.year))
        if row is None:
            if not extracted_votes and not extracted_pos:
                continue
            row = {"instrument": frow.instrument, "year": frow.year, "votes": [], "positions": {}}
            rows.append(row)
            index[(frow.instrument, frow.year)] = row
        row["extracted_votes"] = extracted_votes
        row["extracted_positions"] = extracted_pos
        # conflict subjects read "<instrument> <year> <body>" or "<state> <instrument> <year>"
        row["conflicts"] = [c.to_json() for c in fused.conflicts
                            if {frow.instrument, str(frow.year)} <= set(c.subject.split())]
    for row in rows:
        row.setdefault("conflicts", [])
    rows.sort(key=lambda r: (r["instrument"], r["year"]))
    return rows
