"""Recommendation follow-up: merge recommendations across documents and derive their status from later facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any, Callable

from nkmonitor.errors import BadValue
from nkmonitor.store.suggestions import DECIDED_TRUE, accepted_facts, addressee_state, decided_suggestions
from nkmonitor.track.asof import as_of_date, edtf, known_by
from nkmonitor.track.fusion import _same, fused_instrument_status, fused_post_timelines, fused_un_votes

STATUSES = ("implemented", "partly", "open")
# Wording this similar (difflib ratio) merges two recommendations even when their issues differ.
SIMILAR_WORDING = 0.6


@dataclass
class StatusEvidence:
    """One fact that set a status: from the pack (with source URLs) or from a document (with its span)."""

    summary: str
    date: str | None
    origin: str  # "pack", "document" or "pack+document"
    effect: str  # "implements", "partly", "contradicts"
    pack_fact: str | None = None
    sources: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Made:
    """One document making the recommendation."""

    document_id: int
    suggestion_id: int
    by: str | None
    published: str | None
    title: str | None
    evidence: str | None
    span_start: int | None
    span_end: int | None
    status: str
    confidence: float | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TrackedRecommendation:
    key: str
    addressee: str
    action: str
    action_label: str
    issues: list[str]
    summary: str
    made_by: list[str]
    first_date: str | None
    last_date: str | None
    mentions: list[Made]
    reviewed: bool  # at least one mention was accepted by a person
    status: str = "open"
    status_evidence: list[StatusEvidence] = field(default_factory=list)
    trackable: bool = True
    rule: str = ""

    @property
    def documents(self) -> list[int]:
        return sorted({m.document_id for m in self.mentions})

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "addressee": self.addressee, "action": self.action,
                "action_label": self.action_label, "issues": self.issues, "summary": self.summary,
                "made_by": self.made_by, "first_date": self.first_date, "last_date": self.last_date,
                "documents": self.documents, "reviewed": self.reviewed, "status": self.status,
                "trackable": self.trackable, "rule": self.rule,
                "status_evidence": [e.to_json() for e in self.status_evidence],
                "mentions": [m.to_json() for m in self.mentions]}


def _sort_day(value: str | None) -> dt.date:
    d = edtf(value)
    return d.earliest if d else dt.date.max


def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SIMILAR_WORDING


def _merge(items: list[tuple[Any, set[str]]]) -> list[list[tuple[Any, set[str]]]]:
    """Single-linkage groups: same addressee and action (the caller's bucket) plus issue overlap or similar wording."""
    groups: list[list[tuple[Any, set[str]]]] = []
    for item in items:
        s, issues = item
        joined = [g for g in groups if any(not issues or not gi or issues & gi or _similar(s.evidence_text, gs.evidence_text)
                                           for gs, gi in g)]
        if not joined:
            groups.append([item])
            continue
        first = joined[0]
        first.append(item)
        for other in joined[1:]:
            first.extend(other)
            groups.remove(other)
    return groups


def tracked_recommendations(store: Any, pack: Any, addressee: str | None = None, status: str | None = None,
                            as_of: Any = None, action: str | None = None,
                            include_unreviewed: bool = True) -> list[TrackedRecommendation]:
    """Recommendations of all documents merged and followed up, as known by `as_of`.

    Accepted and edited recommendations always count; `suggested` ones too unless
    `include_unreviewed` is False (they are flagged `reviewed: false`). Rejected ones never.
    """
    if status is not None and status not in STATUSES:
        raise BadValue(f"unknown status; use one of {', '.join(STATUSES)}", subject=status)
    if action is not None and action not in pack.ids("action"):
        raise BadValue("unknown action id (see codebook actions)", subject=action)
    wanted_addressee = None
    if addressee is not None:
        if addressee not in pack.entities:
            raise BadValue("unknown addressee id (a state or body id such as us, rok, un_sc)", subject=addressee)
        wanted_addressee = addressee_state(addressee, pack)
    day = as_of_date(as_of)
    statuses = DECIDED_TRUE + (("suggested",) if include_unreviewed else ())
    buckets: dict[tuple[str, str], list[tuple[Any, set[str]]]] = {}
    for s in decided_suggestions(store, ("recommendation",), statuses):
        if day is not None and (edtf(s.document_published) is None or not known_by(s.document_published, day)):
            continue
        p = s.payload
        who = addressee_state(p.get("addressee"), pack)
        if not who or not p.get("action"):
            continue
        if wanted_addressee and who != wanted_addressee:
            continue
        if action and p["action"] != action:
            continue
        buckets.setdefault((who, p["action"]), []).append((s, set(p.get("issues") or [])))
    context = _Context(pack, store, day)
    out: list[TrackedRecommendation] = []
    for (who, act), items in sorted(buckets.items()):
        for n, group in enumerate(_merge(items), start=1):
            rec = _tracked(pack, who, act, n, group)
            _follow_up(rec, context)
            if status is None or rec.status == status:
                out.append(rec)
    return out


def _tracked(pack: Any, who: str, act: str, n: int, group: list[tuple[Any, set[str]]]) -> TrackedRecommendation:
    mentions = sorted((Made(s.document_id, s.id, s.payload.get("by"), s.document_published, s.document_title,
                            s.evidence_text, s.span_start, s.span_end, s.status, s.confidence) for s, _ in group),
                      key=lambda m: (_sort_day(m.published), m.document_id))
    dates = [m.published for m in mentions if edtf(m.published)]
    issues = sorted({i for _, iss in group for i in iss})
    shortest = min((m.evidence for m in mentions if m.evidence), key=len, default="")
    label = next((e.label for e in pack.of_kind("action") if e.id == act), act)
    return TrackedRecommendation(
        key=f"{who}:{act}:{n}", addressee=who, action=act, action_label=label, issues=issues,
        summary=shortest.strip(), made_by=sorted({m.by or "unknown" for m in mentions}),
        first_date=min(dates, key=_sort_day) if dates else None,
        last_date=max(dates, key=lambda d: edtf(d).latest) if dates else None,
        mentions=mentions, reviewed=any(m.status in DECIDED_TRUE for m in mentions))


class _Context:
    """Fused records computed once per call and shared by every recommendation's rule."""

    def __init__(self, pack: Any, store: Any, day: dt.date | None):
        self.pack, self.store, self.day = pack, store, day
        self._cache: dict[str, Any] = {}

    def get(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]

    def posts(self):
        return self.get("posts", lambda: fused_post_timelines(self.pack, self.store, as_of=self.day))

    def instruments(self):
        return self.get("instruments", lambda: fused_instrument_status(self.pack, self.store, as_of=self.day))

    def votes(self):
        return self.get("votes", lambda: fused_un_votes(self.pack, self.store, as_of=self.day))

    def facts(self, type_: str):
        return self.get(f"facts:{type_}", lambda: accepted_facts(self.store, as_of=self.day, types=[type_])
                        if self.store is not None else [])


def _after(date: str | None, since: str | None) -> bool:
    """An event counts for a recommendation unless it certainly happened before it was (last) made."""
    if since is None:
        return True
    d, s = edtf(date), edtf(since)
    return d is not None and (s is None or d.latest >= s.earliest)


def _docs(items: list[Any]) -> list[dict[str, Any]]:
    return [d.to_json() if hasattr(d, "to_json") else d for d in items]


# --------------------------------------------------------------------------- rules per action
_POST_WORDS = {"envoy": ("envoy", "ambassador"), "ambassador": ("ambassador", "envoy"),
               "rapporteur": ("rapporteur",), "representative": ("representative",),
               "high commissioner": ("high commissioner",)}


def _target_posts(rec: TrackedRecommendation, ctx: _Context) -> list[Any]:
    pack = ctx.pack
    posts = []
    for timeline in ctx.posts():
        state = pack.state_of(timeline.post)
        if state == rec.addressee or (state is None and rec.addressee.startswith(("un_", "ohchr"))):
            posts.append(timeline)
    words = " ".join((m.evidence or "").lower() for m in rec.mentions)
    wanted = {w for key, ws in _POST_WORDS.items() if key in words for w in ws}
    narrowed = [t for t in posts if any(w in t.label.lower() for w in wanted)]
    return narrowed or posts


def _rule_appoint(rec: TrackedRecommendation, ctx: _Context) -> None:
    rec.rule = ("implemented when someone takes office on a post of the addressee after the recommendation "
                "(pack tenures or accepted post_event facts); partly when only a nomination, appointment or "
                "confirmation followed")
    since = rec.last_date
    for timeline in _target_posts(rec, ctx):
        for t in timeline.tenures:
            if t.start and _after(t.start, since) and known_by(t.start, ctx.day):
                # an extracted tenure dated only by an appointment is a step, not taking office
                took = bool(t.pack_fact) or any(e["event"] == "took_office" for e in t.events)
                rec.status_evidence.append(StatusEvidence(
                    f"{t.person_name} {'took office as' if took else 'appointed to'} {timeline.label} on {t.start}",
                    t.start, "pack+document" if t.documents and t.pack_fact else ("pack" if t.pack_fact else "document"),
                    "implements" if took else "partly", t.pack_fact, t.sources, _docs(t.documents)))
            for e in t.events:
                if e["event"] in ("nominated", "appointed", "confirmed") and e.get("date") \
                        and _after(e["date"], since) and known_by(e["date"], ctx.day):
                    from_pack = bool(t.pack_fact) and e.get("origin") != "extracted"
                    docs = e.get("documents") or ([] if t.pack_fact else _docs(t.documents))
                    rec.status_evidence.append(StatusEvidence(
                        f"{t.person_name} {e['event']} for {timeline.label} on {e['date']}", e["date"],
                        ("pack+document" if docs else "pack") if from_pack else "document", "partly",
                        t.pack_fact if from_pack else None, e.get("sources") or [], docs))
        for e in timeline.pending:
            if e["event"] in ("nominated", "appointed", "confirmed") and e.get("date") and _after(e["date"], since):
                rec.status_evidence.append(StatusEvidence(
                    f"{e['person_label']} {e['event']} for {timeline.label} on {e['date']}", e["date"],
                    "pack" if e["pack_fact"] else "document", "partly", e["pack_fact"], e["sources"],
                    e.get("documents") or []))
    for fact in ctx.facts("post_event"):
        p = fact.payload
        # people with a curated tenure on the post are already covered above (fusion attached the
        # documents that agree with the pack, and flagged the ones that do not)
        if any(_same(ctx.pack, t.person, p) for t in ctx.pack.tenures_of(p.get("post") or "")):
            continue
        if p.get("event") in ("nominated", "appointed", "confirmed") and _after(p.get("date"), since) \
                and any(p.get("post") == t.post for t in _target_posts(rec, ctx)):
            rec.status_evidence.append(StatusEvidence(
                f"{p.get('person_name') or ctx.pack.label(p.get('person')) or 'someone'} {p['event']} "
                f"({p['post']}) on {p.get('date')}", p.get("date"), "document", "partly",
                documents=[e.to_json() for e in fact.evidence]))


def _rule_legislation(rec: TrackedRecommendation, ctx: _Context) -> None:
    rec.rule = ("implemented when a law of the addressee's jurisdiction is enacted, reauthorized or enters into "
                "force after the recommendation; partly when a bill is introduced or passes one chamber")
    effects = {"enacted": "implements", "reauthorized": "implements", "entered_into_force": "implements",
               "introduced": "partly", "passed_chamber": "partly"}
    for inst in ctx.instruments():
        if inst.jurisdiction != rec.addressee:
            continue
        for e in inst.events:
            if e.event in effects and _after(e.date, rec.last_date):
                rec.status_evidence.append(StatusEvidence(
                    f"{inst.label}: {e.event.replace('_', ' ')}{' (' + e.chamber + ')' if e.chamber else ''} on {e.date}",
                    e.date, e.origin.replace("extracted", "document"), effects[e.event], e.pack_fact, e.sources,
                    _docs(e.documents)))


def _rule_un(rec: TrackedRecommendation, ctx: _Context) -> None:
    rec.rule = ("for a state: its co-sponsorship of a DPRK human-rights resolution in a year from the "
                "recommendation on, and a Security Council meeting on DPRK human rights held after it; both "
                "implement it, one is partly. For the Security Council: a meeting held implements it")
    since = edtf(rec.last_date)
    cosponsor: list[StatusEvidence] = []
    for row in ctx.votes().rows:
        if since is not None and row.year < since.earliest.year:
            continue
        got = row.positions.get(rec.addressee, {}).get("cosponsorship")
        if got and got["position"] == "cosponsored":
            cosponsor.append(StatusEvidence(
                f"{ctx.pack.label(rec.addressee)} co-sponsored {ctx.pack.label(row.instrument)} in {row.year}",
                str(row.year), got["origin"].replace("extracted", "document"), "partly", got["pack_fact"],
                got["sources"], got["documents"]))
    meetings: list[StatusEvidence] = []
    for m in ctx.pack.council_meetings:
        if m.outcome == "held" and _after(m.date, rec.last_date) and known_by(m.date, ctx.day):
            meetings.append(StatusEvidence(f"Security Council meeting on DPRK human rights held on {m.date}", m.date,
                                           "pack", "partly", m.id, [s.url for s in m.sources]))
    for fact in ctx.facts("council_meeting"):
        p = fact.payload
        if p.get("outcome") == "held" and _after(p.get("date"), rec.last_date):
            meetings.append(StatusEvidence(f"Security Council meeting held on {p.get('date')}", p.get("date"),
                                           "document", "partly", documents=[e.to_json() for e in fact.evidence]))
    if rec.addressee == "un_sc":
        for m in meetings:
            m.effect = "implements"
        rec.status_evidence.extend(meetings)
        return
    if rec.addressee not in ctx.pack.ids("state") or rec.addressee == "dprk":
        rec.trackable = False
        return
    if cosponsor and meetings:
        cosponsor[0].effect = meetings[0].effect = "implements"
    rec.status_evidence.extend(cosponsor[:3] + meetings[:3])


def _rule_refugees(rec: TrackedRecommendation, ctx: _Context) -> None:
    rec.rule = ("forced repatriations by the addressee after the recommendation contradict it (status stays "
                "open, with that evidence); no fact type records protection, so it is never marked implemented")
    for r in ctx.pack.repatriations:
        if r.by == rec.addressee and _after(r.date, rec.last_date) and known_by(r.date, ctx.day):
            count = f"{r.count} people" if r.count else "people"
            rec.status_evidence.append(StatusEvidence(f"{ctx.pack.label(r.by)} forcibly returned {count} on {r.date}",
                                                      r.date, "pack", "contradicts", r.id, [s.url for s in r.sources]))
    for fact in ctx.facts("repatriation"):
        p = fact.payload
        if p.get("by") == rec.addressee and _after(p.get("date"), rec.last_date):
            rec.status_evidence.append(StatusEvidence(
                f"{ctx.pack.label(p['by'])} forcibly returned {p.get('count') or ''} people on {p.get('date')}".replace("  ", " "),
                p.get("date"), "document", "contradicts", documents=[e.to_json() for e in fact.evidence]))
    if rec.addressee not in {r.by for r in ctx.pack.repatriations}:
        rec.trackable = bool(rec.status_evidence)


def _rule_accountability(rec: TrackedRecommendation, ctx: _Context) -> None:
    rec.rule = ("partly when, after the recommendation, an accountability mechanism is established or reports "
                "(mechanism events) or the Security Council holds a DPRK human-rights meeting; full accountability "
                "is not something these facts can show, so it is never marked implemented")
    for m in ctx.pack.mechanism_events:
        if m.event in ("established", "report_published", "opened") and _after(m.date, rec.last_date) \
                and known_by(m.date, ctx.day):
            rec.status_evidence.append(StatusEvidence(f"{ctx.pack.label(m.mechanism)}: {m.event.replace('_', ' ')} on {m.date}",
                                                      m.date, "pack", "partly", m.id, [s.url for s in m.sources]))
    for m in ctx.pack.council_meetings:
        if m.outcome == "held" and _after(m.date, rec.last_date) and known_by(m.date, ctx.day):
            rec.status_evidence.append(StatusEvidence(f"Security Council meeting on DPRK human rights held on {m.date}",
                                                      m.date, "pack", "partly", m.id, [s.url for s in m.sources]))


# Actions followed through the pack's dated context events (aid pledges, broadcasts, family
# reunions...) whose actors include the addressee and whose issues match.
_EVENT_ISSUES = {
    "humanitarian_cooperation": {"humanitarian_aid", "food_health"},
    "aid_monitoring": {"humanitarian_aid"},
    "information_access": {"information_access"},
    "detainees_abductees_families": {"abductions_disappearances", "detained_foreigners", "separated_families"},
    "engagement_dialogue": {"engagement_diplomacy"},
}


def _rule_events(rec: TrackedRecommendation, ctx: _Context) -> None:
    issues = _EVENT_ISSUES[rec.action]
    rec.rule = (f"partly when a dated pack event with the addressee among its actors and an issue in "
                f"{sorted(issues)} follows the recommendation; never implemented from these facts alone")
    for e in ctx.pack.events:
        if rec.addressee in e.actors and issues & set(e.issues) and _after(e.date, rec.last_date) \
                and known_by(e.date, ctx.day):
            rec.status_evidence.append(StatusEvidence(f"{e.label} ({e.date})", e.date, "pack", "partly", e.id,
                                                      [s.url for s in e.sources]))
    if rec.action == "engagement_dialogue":
        for s in ctx.pack.summits:
            if rec.addressee in s.participants and _after(s.date, rec.last_date) and known_by(s.date, ctx.day):
                rec.status_evidence.append(StatusEvidence(f"{s.label} ({s.date})", s.date, "pack", "partly", s.id,
                                                          [x.url for x in s.sources]))


RULES: dict[str, Callable[[TrackedRecommendation, _Context], None]] = {
    "appoint_official": _rule_appoint,
    "legislation": _rule_legislation,
    "un_multilateral_action": _rule_un,
    "refugee_protection": _rule_refugees,
    "accountability_measures": _rule_accountability,
    **{a: _rule_events for a in _EVENT_ISSUES},
}


def _follow_up(rec: TrackedRecommendation, ctx: _Context) -> None:
    rule = RULES.get(rec.action)
    if rule is None:
        rec.trackable = False
        rec.rule = "no fact type records this action; it stays open until someone records its follow-up"
        return
    rule(rec, ctx)
    effects = {e.effect for e in rec.status_evidence}
    rec.status = "implemented" if "implements" in effects else ("partly" if "partly" in effects else "open")
    # the evidence that set the status comes first (readers and briefings show the first few), then by date
    setting = {"implemented": "implements", "partly": "partly"}.get(rec.status, "contradicts")
    rec.status_evidence.sort(key=lambda e: (e.effect != setting, _sort_day(e.date), e.summary))
