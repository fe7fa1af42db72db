"""Queries on analyses, suggestions and the review log: what extraction suggested and what people decided."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from nkmonitor.errors import BadValue, ReviewRefused
from nkmonitor.store.core import decode_json
from nkmonitor.store.db import utc_now

STATUSES = ("suggested", "accepted", "rejected", "edited")
# An edited suggestion is a corrected and accepted one: both feed the trackers.
DECIDED_TRUE = ("accepted", "edited")

# Key fields per type (extraction.md "How extraction is scored"): two suggestions with the
# same key are the same claim, whichever document made it. post_vacancy also keys on its
# dates, because across documents "vacant as of 2021" and "vacant as of 2022" are two claims.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "post_event": ("post", "event", "date", "person"),
    "post_vacancy": ("post", "since", "as_of"),
    "instrument_event": ("instrument", "event", "date", "chamber"),
    "resolution_vote": ("instrument", "body", "year", "method", "yes", "no", "abstain"),
    "state_position": ("state", "instrument", "year", "position"),
    "council_meeting": ("body", "outcome", "date", "yes", "no", "abstain"),
    "mechanism_event": ("mechanism", "event", "date"),
    "repatriation": ("by", "date", "count"),
    "recommendation": ("addressee", "action"),
}


def normalize_name(name: str) -> str:
    """A person's name folded for comparison: no accents, lower case, single spaces."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.lower().replace(".", " ").replace("-", " ").split())


def addressee_state(addressee: str | None, pack: Any = None) -> str | None:
    """National bodies count as their state (us_congress as us), as in the scoring rules."""
    if not addressee or pack is None:
        return addressee
    try:
        state = pack.state_of(addressee)
    except Exception:  # an id the pack does not know stays as given
        state = None
    return state or addressee


def compute_fact_key(kind: str, type_: str, payload: dict[str, Any], pack: Any = None) -> str:
    """The normalized key fields of a fact or recommendation, e.g. `post_event|post=...|event=...`."""
    kind_type = "recommendation" if kind == "recommendation" else type_
    parts = [kind_type]
    for name in KEY_FIELDS.get(kind_type, ()):
        value = payload.get(name)
        if name == "person" and not value and payload.get("person_name"):
            value = "name:" + normalize_name(str(payload["person_name"]))
        if name == "year" and value is None and kind_type == "resolution_vote" and payload.get("date"):
            value = str(payload["date"])[:4]
        if name == "addressee":
            value = addressee_state(value, pack)
        parts.append(f"{name}={'' if value is None else value}")
    return "|".join(parts)


@dataclass
class Suggestion:
    """One stored suggestion with its provenance and the document it came from."""

    id: int
    analysis_id: int | None
    document_id: int
    kind: str
    type: str
    payload: dict[str, Any]
    fact_key: str | None
    span_start: int | None
    span_end: int | None
    evidence_text: str | None
    confidence: float | None
    status: str
    component: str | None
    component_version: str | None
    pack_version: str | None
    created_at: str
    updated_at: str
    document_title: str | None = None
    document_published: str | None = None
    current: bool = True  # False once a re-analysis of its document superseded it
    corroboration: int = 1  # how many current suggestions (documents) share its fact_key

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EvidenceRef:
    """Where a fact was read: a document, a span and its text (one per corroborating suggestion)."""

    suggestion_id: int
    document_id: int
    span_start: int | None
    span_end: int | None
    text: str | None
    published: str | None = None
    title: str | None = None
    status: str = "accepted"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AcceptedFact:
    """One reviewed fact (identical suggestions merged by fact_key) and all its evidence."""

    fact_key: str
    type: str
    payload: dict[str, Any]
    evidence: list[EvidenceRef] = field(default_factory=list)

    @property
    def document_ids(self) -> list[int]:
        return sorted({e.document_id for e in self.evidence})

    def to_json(self) -> dict[str, Any]:
        return {"fact_key": self.fact_key, "type": self.type, "payload": self.payload,
                "corroboration": len(self.document_ids),
                "evidence": [e.to_json() for e in self.evidence]}


_SELECT = (
    "SELECT s.id, s.analysis_id, s.document_id, s.kind, s.type, s.payload, s.fact_key, s.span_start, "
    "s.span_end, s.evidence_text, s.confidence, s.status, s.component, s.component_version, s.pack_version, "
    "s.created_at, s.updated_at, d.title AS document_title, d.published AS document_published, "
    "CASE WHEN s.superseded_at IS NULL THEN 1 ELSE 0 END AS is_current "
    "FROM suggestions s JOIN documents d ON d.id = s.document_id"
)
# Current suggestions: those of the latest analysis of their document. add_analysis marks the
# older ones superseded (migration 0002), so this is a column test a partial index covers.
_CURRENT = "s.superseded_at IS NULL"


def _row_to_suggestion(row: Any) -> Suggestion:
    m = dict(row._mapping)
    current = bool(m.pop("is_current"))
    payload = decode_json(m.pop("payload")) or {}
    return Suggestion(payload=payload, current=current, **m)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def add_analysis(conn: Connection, *, document_id: int, text_hash: str, component: str, component_version: str,
                 pack_version: str | None, extraction: Any, pack: Any = None) -> tuple[int, list[int]]:
    """Store one analysis run and one suggestion per fact and recommendation, inside `conn`'s transaction.

    Returns (analysis id, new suggestion ids). The caller carries decisions over afterwards.
    """
    now = utc_now()
    analysis_id = int(conn.execute(text(
        "INSERT INTO analyses (document_id, text_hash, component, component_version, pack_version, analyzed_at, "
        "language, issues, stance) VALUES (:d, :h, :c, :v, :p, :t, :l, :i, :s) RETURNING id"),
        {"d": document_id, "h": text_hash, "c": component, "v": component_version, "p": pack_version, "t": now,
         "l": extraction.language, "i": _dump(list(extraction.issues)), "s": extraction.stance}).scalar_one())
    # The document's earlier suggestions are no longer current (they stay for the audit trail).
    conn.execute(text("UPDATE suggestions SET superseded_at = :t WHERE document_id = :d AND superseded_at IS NULL"),
                 {"t": now, "d": document_id})
    rows = []
    for kind, items in (("fact", extraction.facts), ("recommendation", extraction.recommendations)):
        for item in items:
            payload = item.model_dump(exclude_none=True, exclude={"evidence", "confidence"})
            type_ = payload.get("type", "recommendation") if kind == "fact" else "recommendation"
            rows.append({
                "a": analysis_id, "d": document_id, "k": kind, "ty": type_, "p": _dump(payload),
                "fk": compute_fact_key(kind, type_, payload, pack), "ss": item.evidence.start,
                "se": item.evidence.end, "et": item.evidence.text, "cf": round(float(item.confidence), 3),
                "c": component, "v": component_version, "pv": pack_version, "t": now})
    ids: list[int] = []
    insert = text(
        "INSERT INTO suggestions (analysis_id, document_id, kind, type, payload, fact_key, span_start, span_end, "
        "evidence_text, confidence, status, component, component_version, pack_version, created_at, updated_at) "
        "VALUES (:a, :d, :k, :ty, :p, :fk, :ss, :se, :et, :cf, 'suggested', :c, :v, :pv, :t, :t) RETURNING id")
    for row in rows:
        ids.append(int(conn.execute(insert, row).scalar_one()))
    return analysis_id, ids


def carry_over_decisions(conn: Connection, document_id: int, analysis_id: int, actor: str = "nkmonitor") -> int:
    """Give new suggestions the decisions made on identical (fact_key) older ones of the same document.

    The decision is logged as `carry_over` so the audit trail shows where it came from.
    """
    old = conn.execute(text(
        "SELECT id, fact_key, status, payload FROM suggestions WHERE document_id = :d AND analysis_id <> :a "
        "AND status <> 'suggested' ORDER BY updated_at DESC, id DESC"), {"d": document_id, "a": analysis_id}).all()
    if not old:
        return 0
    # An edited suggestion's key may have changed; its original key is in its first log entry.
    keys: dict[str, Any] = {}
    for row in old:
        candidates = {row.fact_key}
        for log in conn.execute(text("SELECT before FROM review_log WHERE suggestion_id = :s ORDER BY id"),
                                {"s": row.id}):
            before = decode_json(log.before) or {}
            if before.get("fact_key"):
                candidates.add(before["fact_key"])
        for key in candidates:
            keys.setdefault(key, row)
    carried = 0
    now = utc_now()
    for new in conn.execute(text("SELECT id, fact_key, status, payload FROM suggestions WHERE analysis_id = :a"),
                            {"a": analysis_id}).all():
        prior = keys.get(new.fact_key)
        if prior is None:
            continue
        before = {"status": new.status, "payload": decode_json(new.payload), "fact_key": new.fact_key}
        payload = decode_json(prior.payload)
        after = {"status": prior.status, "payload": payload, "fact_key": prior.fact_key}
        conn.execute(text("UPDATE suggestions SET status = :st, payload = :p, fact_key = :fk, updated_at = :t "
                          "WHERE id = :i"),
                     {"st": prior.status, "p": _dump(payload), "fk": prior.fact_key, "t": now, "i": new.id})
        conn.execute(text("INSERT INTO review_log (suggestion_id, actor, at, action, before, after, reason) "
                          "VALUES (:s, :a, :t, 'carry_over', :b, :af, :r)"),
                     {"s": new.id, "a": actor, "t": now, "b": _dump(before), "af": _dump(after),
                      "r": f"re-analysis: decision carried over from suggestion {prior.id}"})
        carried += 1
    return carried


def _suggestion_filters(kind: str | None, type: str | None, document_id: int | None, status: str | None,
                        min_confidence: float | None, include_superseded: bool = False) -> tuple[list[str], dict]:
    """Checked SQL conditions for the review-queue filters (shared by listing and counting)."""
    if status is not None and status not in STATUSES:
        raise BadValue(f"unknown status; use one of {', '.join(STATUSES)}", subject=status)
    if kind is not None and kind not in ("fact", "recommendation"):
        raise BadValue("unknown kind; use fact or recommendation", subject=kind)
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise BadValue("confidence must be between 0 and 1", subject=str(min_confidence))
    if type is not None and type not in KEY_FIELDS:
        raise BadValue(f"unknown type; use one of {', '.join(KEY_FIELDS)}", subject=type)
    where: list[str] = [] if include_superseded else [_CURRENT]
    params: dict[str, Any] = {}
    for col, value in (("kind", kind), ("type", type), ("document_id", document_id), ("status", status)):
        if value is not None:
            where.append(f"s.{col} = :{col}")
            params[col] = value
    if min_confidence is not None:
        where.append("s.confidence >= :mc")
        params["mc"] = min_confidence
    return where, params


def count_suggestions(store: Any, kind: str | None = None, type: str | None = None, document_id: int | None = None,
                      status: str | None = None, min_confidence: float | None = None) -> int:
    """How many current suggestions `list_suggestions` would page through with the same filters."""
    where, params = _suggestion_filters(kind, type, document_id, status, min_confidence)
    sql = "SELECT count(*) FROM suggestions s" + (" WHERE " + " AND ".join(where) if where else "")
    with store.connect(write=False) as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def list_suggestions(store: Any, kind: str | None = None, type: str | None = None, document_id: int | None = None,
                     status: str | None = None, min_confidence: float | None = None, limit: int = 100,
                     offset: int = 0, include_superseded: bool = False) -> list[Suggestion]:
    """Current suggestions filtered by kind, type, document, status and confidence, with corroboration counts."""
    where, params = _suggestion_filters(kind, type, document_id, status, min_confidence, include_superseded)
    params.update({"l": int(limit), "o": int(offset)})
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.id LIMIT :l OFFSET :o"
    with store.connect(write=False) as conn:
        out = [_row_to_suggestion(r) for r in conn.execute(text(sql), params)]
        keys = sorted({s.fact_key for s in out if s.fact_key})
        counts = _corroboration(conn, keys)
    for s in out:
        s.corroboration = counts.get(s.fact_key, 1)
    return out


def _corroboration(conn: Connection, keys: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ", ".join(f":k{j}" for j in range(len(chunk)))
        rows = conn.execute(text(
            f"SELECT s.fact_key, count(DISTINCT s.document_id) FROM suggestions s WHERE s.fact_key IN ({marks}) "
            f"AND s.status <> 'rejected' AND {_CURRENT} GROUP BY s.fact_key"),
            {f"k{j}": k for j, k in enumerate(chunk)})
        counts.update({r[0]: int(r[1]) for r in rows})
    return counts


def get_suggestion(store: Any, suggestion_id: int, conn: Connection | None = None) -> Suggestion:
    """One suggestion by id; ReviewRefused (NK-RV-001) if there is none."""
    def fetch(c: Connection) -> Suggestion:
        row = c.execute(text(_SELECT + " WHERE s.id = :i"), {"i": int(suggestion_id)}).first()
        if row is None:
            raise ReviewRefused("no suggestion with this id; nothing was changed", code="NK-RV-001",
                                subject=f"suggestion {suggestion_id}", hint="see `nkmonitor review list`")
        s = _row_to_suggestion(row)
        if s.fact_key:
            s.corroboration = _corroboration(c, [s.fact_key]).get(s.fact_key, 1)
        return s

    if conn is not None:
        return fetch(conn)
    with store.connect(write=False) as c:
        return fetch(c)


def decided_suggestions(store: Any, kinds: Iterable[str] = ("fact",), statuses: Iterable[str] = DECIDED_TRUE,
                        conn: Connection | None = None) -> list[Suggestion]:
    """Current suggestions of the given kinds and statuses (accepted and edited by default)."""
    kinds, statuses = list(kinds), list(statuses)
    kmarks = ", ".join(f":k{i}" for i in range(len(kinds)))
    smarks = ", ".join(f":s{i}" for i in range(len(statuses)))
    params = {**{f"k{i}": k for i, k in enumerate(kinds)}, **{f"s{i}": s for i, s in enumerate(statuses)}}
    sql = _SELECT + f" WHERE {_CURRENT} AND s.kind IN ({kmarks}) AND s.status IN ({smarks}) ORDER BY s.id"
    if conn is not None:
        return [_row_to_suggestion(r) for r in conn.execute(text(sql), params)]
    with store.connect(write=False) as c:
        return [_row_to_suggestion(r) for r in c.execute(text(sql), params)]


def accepted_facts(store: Any, as_of: Any = None, conn: Connection | None = None,
                   types: Iterable[str] | None = None) -> list[AcceptedFact]:
    """Accepted and edited facts, identical ones merged by fact_key, known by `as_of` (a date) if given."""
    from nkmonitor.track.asof import fact_known_by

    wanted = set(types) if types is not None else None
    merged: dict[str, AcceptedFact] = {}
    for s in decided_suggestions(store, ("fact",), DECIDED_TRUE, conn=conn):
        if wanted is not None and s.type not in wanted:
            continue
        if as_of is not None and not fact_known_by(s.payload, s.document_published, as_of):
            continue
        key = s.fact_key or f"suggestion:{s.id}"
        fact = merged.setdefault(key, AcceptedFact(fact_key=key, type=s.type, payload=dict(s.payload)))
        fact.evidence.append(EvidenceRef(s.id, s.document_id, s.span_start, s.span_end, s.evidence_text,
                                         s.document_published, s.document_title, s.status))
    return list(merged.values())


def latest_analyses(store: Any, conn: Connection | None = None) -> list[dict[str, Any]]:
    """The latest analysis of every canonical (not near-duplicate) document, with its publication date."""
    sql = ("SELECT a.id, a.document_id, a.text_hash, a.component, a.component_version, a.pack_version, "
           "a.analyzed_at, a.language, a.issues, a.stance, d.published, d.title, d.text "
           "FROM analyses a JOIN documents d ON d.id = a.document_id "
           "WHERE a.id = (SELECT max(b.id) FROM analyses b WHERE b.document_id = a.document_id) "
           "AND d.duplicate_of IS NULL ORDER BY a.document_id")

    def run(c: Connection) -> list[dict[str, Any]]:
        out = []
        for r in c.execute(text(sql)):
            m = dict(r._mapping)
            m["issues"] = decode_json(m["issues"]) or []
            out.append(m)
        return out

    if conn is not None:
        return run(conn)
    with store.connect(write=False) as c:
        return run(c)


def grouped_suggestions(store: Any, kind: str | None = None, type: str | None = None, status: str | None = None,
                        min_confidence: float | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Current suggestions merged by fact_key: one claim with its documents, evidence and statuses (review queue view)."""
    rows = list_suggestions(store, kind=kind, type=type, status=status, min_confidence=min_confidence,
                            limit=1_000_000)
    groups: dict[str, dict[str, Any]] = {}
    for s in rows:
        key = s.fact_key or f"suggestion:{s.id}"
        g = groups.setdefault(key, {"fact_key": key, "kind": s.kind, "type": s.type, "payload": s.payload,
                                    "max_confidence": 0.0, "statuses": {}, "documents": [], "suggestions": []})
        g["max_confidence"] = max(g["max_confidence"], s.confidence or 0.0)
        g["statuses"][s.status] = g["statuses"].get(s.status, 0) + 1
        if s.document_id not in g["documents"]:
            g["documents"].append(s.document_id)
        g["suggestions"].append({"id": s.id, "document_id": s.document_id, "status": s.status,
                                 "confidence": s.confidence, "span_start": s.span_start, "span_end": s.span_end,
                                 "evidence_text": s.evidence_text, "published": s.document_published})
    out = sorted(groups.values(), key=lambda g: (-len(g["documents"]), -g["max_confidence"], g["fact_key"]))
    for g in out:
        g["corroboration"] = len(g["documents"])
    return out[offset:offset + limit]
