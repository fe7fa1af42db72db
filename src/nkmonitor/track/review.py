"""Review decisions on suggestions (accept, reject, edit, undo) with refusal checks and the append-only log."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from nkmonitor.errors import BadValue, NkmonitorError, ReviewRefused
from nkmonitor.store.core import decode_json
from nkmonitor.store.db import utc_now
from nkmonitor.store.suggestions import (
    DECIDED_TRUE, Suggestion, compute_fact_key, decided_suggestions, get_suggestion, list_suggestions, normalize_name,
)
from nkmonitor.track.asof import certainly_before, check_date, edtf

DECISIONS = ("accept", "reject", "edit")
_STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited"}

# Allowed values per field, from codebook.yaml fact_types. A string names a pack entity kind
# (ids checked against the pack); a tuple lists the allowed values; "date" and "int" are checked.
FIELD_RULES: dict[str, dict[str, Any]] = {
    "post_event": {"post": "post", "person": "person", "person_name": "text", "date": "date",
                   "event": ("nominated", "appointed", "confirmed", "took_office", "term_extended", "left_office")},
    "post_vacancy": {"post": "post", "since": "date", "as_of": "date"},
    "instrument_event": {"instrument": "instrument", "date": "date", "yes": "int", "no": "int",
                         "event": ("introduced", "passed_chamber", "enacted", "entered_into_force", "reauthorized",
                                   "expired", "struck_down"),
                         "chamber": ("us_house", "us_senate", "rok_national_assembly")},
    "resolution_vote": {"instrument": ("unga_dprk_hr_resolution", "unhrc_dprk_hr_resolution"),
                        "body": ("un_ga", "un_ga_third_committee", "un_hrc", "un_chr"), "date": "date",
                        "method": ("recorded_vote", "consensus"), "yes": "int", "no": "int", "abstain": "int",
                        "cosponsors": "int"},
    "state_position": {"state": "state", "instrument": ("unga_dprk_hr_resolution", "unhrc_dprk_hr_resolution"),
                       "year": "year",
                       "position": ("cosponsored", "not_cosponsored", "voted_yes", "abstained", "voted_no")},
    "council_meeting": {"body": ("un_sc",), "date": "date", "outcome": ("held", "blocked"), "yes": "int",
                        "no": "int", "abstain": "int"},
    "mechanism_event": {"mechanism": "mechanism", "date": "date",
                        "event": ("established", "members_appointed", "report_published", "opened", "review_held",
                                  "closed")},
    "repatriation": {"by": "state", "count": "int", "date": "date"},
    "recommendation": {"by": "actor", "addressee": "actor", "action": "action", "issues": "issues"},
}
# Fields that must stay present for a fact to mean anything.
REQUIRED = {"post_event": ("post", "event"), "post_vacancy": ("post",), "instrument_event": ("instrument", "event"),
            "resolution_vote": ("instrument",), "state_position": ("state", "instrument", "position"),
            "council_meeting": ("outcome",), "mechanism_event": ("mechanism", "event"), "repatriation": ("by",),
            "recommendation": ("addressee", "action")}


def default_actor() -> str:
    """Who is deciding: NKMONITOR_USER, else the operating-system user."""
    user = os.environ.get("NKMONITOR_USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry (containers): still log something honest
        return "unknown"


@dataclass
class ReviewResult:
    """What one decision did: the log entry written and the suggestion as it now stands."""

    log_id: int
    suggestion_id: int
    action: str
    before: dict[str, Any]
    after: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BulkResult:
    decided: list[ReviewResult] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"decided": [r.to_json() for r in self.decided], "refused": self.refused}


def _state(s: Suggestion) -> dict[str, Any]:
    return {"status": s.status, "payload": s.payload, "fact_key": s.fact_key}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def parse_changes(assignments: list[str]) -> dict[str, str]:
    """`field=value` strings from the command line as a dict (an empty value removes the field)."""
    out: dict[str, str] = {}
    for item in assignments:
        if "=" not in item:
            raise BadValue("use --set field=value", subject=item)
        name, value = item.split("=", 1)
        if not name.strip():
            raise BadValue("missing field name before '='", subject=item)
        out[name.strip()] = value.strip()
    return out


def _check_value(pack: Any, type_: str, name: str, value: Any) -> Any:
    rules = FIELD_RULES[type_]
    if name not in rules:
        raise ReviewRefused(f"{type_} has no field {name!r}; fields: {', '.join(sorted(rules))}", code="NK-RV-002",
                            subject=name)
    rule = rules[name]
    if value is None or value == "":
        return None
    if rule == "date":
        try:
            return check_date(value, name)
        except BadValue as err:
            raise ReviewRefused(err.message, code="NK-RV-003", subject=name, hint=err.hint) from None
    if rule in ("int", "year"):
        try:
            number = int(str(value))
        except ValueError:
            raise ReviewRefused(f"{name} must be a whole number, not {value!r}", code="NK-RV-002", subject=name) from None
        if number < 0 or (rule == "year" and not 1945 <= number <= 2100):
            raise ReviewRefused(f"impossible {name} {number}", code="NK-RV-003", subject=name)
        return number
    if rule == "text":
        return str(value)
    if isinstance(rule, tuple):
        if value not in rule:
            raise ReviewRefused(f"unknown {name} {value!r}; use one of {', '.join(rule)}", code="NK-RV-002",
                                subject=name)
        return value
    if rule == "issues":
        items = value if isinstance(value, list) else [v.strip() for v in str(value).split(",") if v.strip()]
        for item in items:
            _check_id(pack, ("issue",), item, name)
        return items
    if rule == "actor":
        if name == "by" and value == "author":
            return value
        return _check_id(pack, ("state", "body"), value, name)
    return _check_id(pack, (rule,), value, name)


def _check_id(pack: Any, kinds: tuple[str, ...], value: str, name: str) -> str:
    # ids(kind), not entities[id].kind: an id may name both an issue and an action (information_access)
    if pack is None or not any(value in pack.ids(kind) for kind in kinds):
        raise ReviewRefused(f"unknown {'/'.join(kinds)} id {value!r} for {name}; nothing was changed",
                            code="NK-RV-002", subject=name, hint="see `nkmonitor pack` ids or codebook.yaml")
    return value


def validate_payload(pack: Any, type_: str, payload: dict[str, Any]) -> None:
    """Refuse a payload with unknown ids, impossible dates, a missing key field or an end before its start."""
    if type_ not in FIELD_RULES:
        raise ReviewRefused(f"unknown suggestion type {type_!r}", code="NK-RV-002", subject=type_)
    for name, value in payload.items():
        if name == "type":
            continue
        _check_value(pack, type_, name, value)
    missing = [f for f in REQUIRED.get(type_, ()) if not payload.get(f)]
    if missing:
        raise ReviewRefused(f"{type_} needs {', '.join(missing)}", code="NK-RV-002", subject=", ".join(missing))
    if type_ == "post_vacancy" and certainly_before(payload.get("as_of"), payload.get("since")):
        raise ReviewRefused(f"vacancy as of {payload['as_of']} ends before it starts ({payload['since']})",
                            code="NK-RV-003", subject="as_of")


def _same_person(a_id: str | None, a_name: str | None, b_id: str | None, b_name: str | None) -> bool:
    if a_id and b_id:
        return a_id == b_id
    na = normalize_name(a_name) if a_name else None
    nb = normalize_name(b_name) if b_name else None
    return bool(na and nb and na == nb)


@dataclass
class _Interval:
    person: str | None
    name: str | None
    start: str | None
    end: str | None
    ongoing: bool
    source: str


def _holder_intervals(pack: Any, conn: Connection, store: Any, post: str, exclude_id: int) -> list[_Interval]:
    """Tenures on a post: the pack's, plus extracted tenures of people the pack has no tenure for."""
    out: list[_Interval] = []
    pack_tenures = pack.tenures_of(post) if pack is not None else []
    for t in pack_tenures:
        out.append(_Interval(t.person, pack.label(t.person), t.start, t.end, t.end is None,
                             f"pack {t.id}: " + ", ".join(s.url for s in t.sources[:2])))
    events: dict[str, dict[str, list[str]]] = {}
    names: dict[str, tuple[str | None, str | None]] = {}
    for s in decided_suggestions(store, ("fact",), DECIDED_TRUE, conn=conn):
        p = s.payload
        if s.id == exclude_id or s.type != "post_event" or p.get("post") != post or not p.get("date"):
            continue
        if p.get("event") not in ("took_office", "left_office"):
            continue
        if any(_same_person(t.person, pack.label(t.person), p.get("person"), p.get("person_name"))
               for t in pack_tenures):
            continue  # the pack's tenure of that person is the baseline; a date difference is a conflict, not an overlap
        who = p.get("person") or ("name:" + normalize_name(p.get("person_name") or "")) or None
        if not who or who == "name:":
            continue
        names[who] = (p.get("person"), p.get("person_name"))
        events.setdefault(who, {}).setdefault(p["event"], []).append(p["date"])
    for who, ev in events.items():
        for start in ev.get("took_office", []):
            ends = sorted((e for e in ev.get("left_office", []) if not certainly_before(e, start)),
                          key=lambda e: edtf(e).earliest)
            pid, pname = names[who]
            out.append(_Interval(pid, pname, start, ends[0] if ends else None, False, "accepted extraction"))
    return out


def check_tenure(pack: Any, conn: Connection, store: Any, suggestion_id: int, type_: str,
                 payload: dict[str, Any]) -> None:
    """Refuse a took_office/left_office that certainly falls inside another holder's tenure of a single-holder post.

    Also refuses a left_office dated certainly before the same person's start on the post.
    Differences that are only possible (imprecise dates) are left to the fused timelines to flag.
    """
    if type_ != "post_event" or payload.get("event") not in ("took_office", "left_office") or not payload.get("date"):
        return
    post = payload.get("post")
    entity = pack.entities.get(post) if pack is not None else None
    if entity is not None and not entity.single_holder:
        return
    d = edtf(payload["date"])
    if d is None:
        return
    pid, pname = payload.get("person"), payload.get("person_name")
    if not pid and not pname:
        return
    for iv in _holder_intervals(pack, conn, store, post, suggestion_id):
        same = _same_person(iv.person, iv.name, pid, pname)
        start = edtf(iv.start)
        if same:
            if payload["event"] == "left_office" and start and d.latest < start.earliest and iv.source.startswith("pack"):
                raise ReviewRefused(
                    f"{pname or pid} would leave {post} on {d.text}, before taking it on {iv.start} ({iv.source})",
                    code="NK-RV-003", subject="date", hint="check the date; nothing was changed")
            continue
        if start is None:
            continue
        end = edtf(iv.end)
        inside_end = (end is not None and d.latest < end.earliest) or (end is None and iv.ongoing)
        if start.latest < d.earliest and inside_end:
            holder = iv.name or iv.person
            span = f"{iv.start} to {iv.end or 'now'}"
            raise ReviewRefused(
                f"{payload['event']} of {pname or pid} on {d.text} overlaps {holder}'s tenure of {post} "
                f"({span}; {iv.source}); {post} has one holder at a time",
                code="NK-RV-004", subject=f"suggestion {suggestion_id}",
                hint="edit the date or the person, or reject the suggestion; nothing was changed")


def _write(conn: Connection, s: Suggestion, action: str, new: dict[str, Any], actor: str, reason: str | None,
           now: str) -> ReviewResult:
    before = _state(s)
    conn.execute(text("UPDATE suggestions SET status = :st, payload = :p, fact_key = :fk, updated_at = :t "
                      "WHERE id = :i"),
                 {"st": new["status"], "p": _dump(new["payload"]), "fk": new["fact_key"], "t": now, "i": s.id})
    log_id = int(conn.execute(text(
        "INSERT INTO review_log (suggestion_id, actor, at, action, before, after, reason) "
        "VALUES (:s, :a, :t, :ac, :b, :af, :r) RETURNING id"),
        {"s": s.id, "a": actor, "t": now, "ac": action, "b": _dump(before), "af": _dump(new), "r": reason}).scalar_one())
    return ReviewResult(log_id, s.id, action, before, new)


def _decide_in(conn: Connection, store: Any, pack: Any, suggestion_id: int, decision: str, actor: str,
               reason: str | None, changes: dict[str, Any] | None) -> ReviewResult:
    if decision not in DECISIONS:
        raise BadValue(f"unknown decision; use one of {', '.join(DECISIONS)}", subject=decision)
    if not actor or not str(actor).strip():
        raise BadValue("a decision needs an actor (--actor or NKMONITOR_USER)", subject="actor")
    s = get_suggestion(store, suggestion_id, conn=conn)
    payload = dict(s.payload)
    if decision == "edit":
        if not changes:
            raise ReviewRefused("an edit needs at least one --set field=value", code="NK-RV-002",
                                subject=f"suggestion {suggestion_id}")
        for name, value in changes.items():
            if name == "type":
                if value != s.type:  # a different kind of fact is a new suggestion, not an edit
                    raise ReviewRefused(f"the type of a suggestion cannot change ({s.type})", code="NK-RV-002",
                                        subject="type", hint="reject it instead")
                continue
            checked = _check_value(pack, s.type, name, value)
            if checked is None:
                payload.pop(name, None)
            else:
                payload[name] = checked
    if decision != "reject":
        validate_payload(pack, s.type, payload)
        check_tenure(pack, conn, store, s.id, s.type, payload)
    new = {"status": _STATUS_OF[decision], "payload": payload,
           "fact_key": compute_fact_key(s.kind, s.type, payload, pack)}
    return _write(conn, s, decision, new, actor, reason, utc_now())


def decide(store: Any, suggestion_id: int, decision: str, actor: str | None = None, reason: str | None = None,
           changes: dict[str, Any] | None = None, pack: Any = None) -> ReviewResult:
    """Accept, reject or edit one suggestion and log it, in one transaction; ReviewRefused writes nothing."""
    pack = pack if pack is not None else _pack()
    with store.connect() as conn:
        return _decide_in(conn, store, pack, suggestion_id, decision, actor or default_actor(), reason, changes)


def decide_many(store: Any, suggestion_ids: list[int], decision: str, actor: str | None = None,
                reason: str | None = None, pack: Any = None) -> list[ReviewResult]:
    """Accept or reject several suggestions at once: all of them or, on any refusal, none."""
    pack = pack if pack is not None else _pack()
    with store.connect() as conn:
        return [_decide_in(conn, store, pack, i, decision, actor or default_actor(), reason, None)
                for i in suggestion_ids]


def bulk_accept(store: Any, min_confidence: float, actor: str | None = None, reason: str | None = None,
                type: str | None = None, document_id: int | None = None, kind: str | None = None,
                pack: Any = None) -> BulkResult:
    """Accept every current `suggested` suggestion at or above `min_confidence`.

    Each one passes the same checks as a single accept; a refused one is skipped and
    reported (the others are accepted), so one contradiction does not block the queue.
    """
    if not 0 <= float(min_confidence) <= 1:
        raise BadValue("--min-confidence must be between 0 and 1", subject=str(min_confidence))
    pack = pack if pack is not None else _pack()
    actor = actor or default_actor()
    todo = list_suggestions(store, kind=kind, type=type, document_id=document_id, status="suggested",
                            min_confidence=min_confidence, limit=1_000_000)
    result = BulkResult()
    with store.connect() as conn:
        for s in todo:
            one = conn.begin_nested()
            try:
                result.decided.append(_decide_in(conn, store, pack, s.id, "accept", actor,
                                                 reason or f"bulk accept at confidence >= {min_confidence}", None))
                one.commit()
            except NkmonitorError as err:
                one.rollback()
                result.refused.append({"suggestion_id": s.id, "error": str(err)})
    return result


def undo(store: Any, log_id: int, actor: str | None = None, reason: str | None = None, pack: Any = None) -> ReviewResult:
    """Undo one logged decision: restore its `before` state and append the inverse entry.

    Only a decision whose result still stands can be undone (undo later ones first), so an
    undo never silently discards a decision made after it.
    """
    pack = pack if pack is not None else _pack()
    actor = actor or default_actor()
    with store.connect() as conn:
        entry = conn.execute(text("SELECT id, suggestion_id, action, before, after, undone_by FROM review_log "
                                  "WHERE id = :i"), {"i": int(log_id)}).first()
        if entry is None:
            raise ReviewRefused("no review log entry with this id; nothing was changed", code="NK-RV-001",
                                subject=f"log {log_id}", hint="see `nkmonitor review log`")
        if entry.undone_by is not None:
            raise ReviewRefused(f"already undone by log entry {entry.undone_by}", code="NK-RV-005",
                                subject=f"log {log_id}")
        s = get_suggestion(store, entry.suggestion_id, conn=conn)
        after = decode_json(entry.after) or {}
        # Undo only what still stands: if the suggestion changed since, a later decision would be lost.
        if _dump(_state(s)) != _dump({k: after.get(k) for k in ("status", "payload", "fact_key")}):
            raise ReviewRefused("the suggestion changed after this decision", code="NK-RV-005",
                                subject=f"log {log_id}", hint="undo the later decision first (see `nkmonitor review log`)")
        restored = decode_json(entry.before) or {}
        new = {"status": restored.get("status", "suggested"), "payload": restored.get("payload", s.payload),
               "fact_key": restored.get("fact_key", s.fact_key)}
        if new["status"] in DECIDED_TRUE:
            check_tenure(pack, conn, store, s.id, s.type, new["payload"])
        result = _write(conn, s, "undo", new, actor, reason or f"undo of log {entry.id}", utc_now())
        conn.execute(text("UPDATE review_log SET undone_by = :u WHERE id = :i"), {"u": result.log_id, "i": entry.id})
        return result


def audit_log(store: Any, suggestion_id: int | None = None, actor: str | None = None, limit: int = 100,
              offset: int = 0) -> list[dict[str, Any]]:
    """Review log entries, newest first, with their before/after states decoded."""
    where, params = [], {"l": int(limit), "o": int(offset)}
    if suggestion_id is not None:
        where.append("suggestion_id = :s")
        params["s"] = int(suggestion_id)
    if actor is not None:
        where.append("actor = :a")
        params["a"] = actor
    sql = ("SELECT id, suggestion_id, actor, at, action, before, after, reason, undone_by FROM review_log"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id DESC LIMIT :l OFFSET :o")
    with store.connect(write=False) as conn:
        out = []
        for r in conn.execute(text(sql), params):
            m = dict(r._mapping)
            m["before"], m["after"] = decode_json(m["before"]), decode_json(m["after"])
            out.append(m)
    return out


def _pack() -> Any:
    from nkmonitor.pack import load_pack

    return load_pack()
