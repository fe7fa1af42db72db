"""Semantic checks of a read pack: sources, references, dates, tenure overlaps, alternatives, aliases."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from nkmonitor.pack.dates import EdtfDate, parse_edtf
from nkmonitor.pack.loader import Pack, Problem
from nkmonitor.pack.models import Fact, Tenure

# Codes of `nkmonitor pack check` (documented in docs/pack.md).
CODES = {
    "NK-PK-001": "file missing or unreadable YAML",
    "NK-PK-002": "record does not match the schema",
    "NK-PK-003": "fact without a source",
    "NK-PK-004": "reference to an unknown id or source key",
    "NK-PK-005": "invalid date",
    "NK-PK-006": "end before start",
    "NK-PK-007": "overlapping tenures on a single-holder post",
    "NK-PK-008": "duplicate id or key",
    "NK-PK-009": "alias names two entities without being flagged ambiguous",
    "NK-PK-010": "alternative not consistent with the fact",
    "NK-PK-011": "codebook id missing from the pack",
}

# field -> entity kinds it must refer to, per fact collection.
_REFS: dict[str, dict[str, tuple[str, ...]]] = {
    "tenures": {"person": ("person",), "post": ("post",)},
    "vacancy_checks": {"post": ("post",)},
    "instrument_events": {"instrument": ("instrument",), "chamber": ("body",)},
    "mandates": {"instrument": ("instrument",), "creates": ("post", "mechanism", "body")},
    "resolution_votes": {"instrument": ("instrument",), "body": ("body",)},
    "state_positions": {"state": ("state",), "instrument": ("instrument",), "body": ("body",)},
    "council_meetings": {"body": ("body",)},
    "mechanism_events": {"mechanism": ("mechanism",), "persons": ("person",)},
    "repatriations": {"by": ("state",), "to": ("state",)},
    "summits": {"participants": ("person", "state")},
    "events": {"actors": ("person", "state", "body", "post", "mechanism"), "issues": ("issue",)},
}
_ENTITY_REFS: dict[str, tuple[str, ...]] = {
    "organization": ("body",), "basis": ("instrument",), "state": ("state",), "parent": ("body",),
}
_DATE_FIELDS = ("date", "start", "end", "since", "as_of", "until", "end_date", "started")


def _parse(value: Any) -> EdtfDate | None:
    try:
        return parse_edtf(value)
    except (ValueError, TypeError):
        return None


def validate_pack(pack: Pack, *, codebook: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []

    def add(code: str, id_: str | None, message: str, file: str | None = None, severity: str = "error") -> None:
        problems.append(Problem(code, file or pack.origins.get(id_ or "", "?"), id_, message, severity))

    ents = pack.entities

    def check_ref(id_: str, field: str, value: Any, kinds: tuple[str, ...]) -> None:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None:
                continue
            e = ents.get(v)
            if e is None:
                add("NK-PK-004", id_, f"{field}: unknown id {v!r}")
            elif e.kind not in kinds:
                add("NK-PK-004", id_, f"{field}: {v!r} is a {e.kind}, expected {' or '.join(kinds)}")

    def check_date(id_: str, field: str, value: Any) -> EdtfDate | None:
        if value is None:
            return None
        parsed = _parse(value)
        if parsed is None:
            add("NK-PK-005", id_, f"{field}: invalid date {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        return parsed

    # ---- entities: references and dates
    for e in ents.values():
        for field, kinds in _ENTITY_REFS.items():
            if getattr(e, field, None) is not None:
                check_ref(e.id, field, getattr(e, field), kinds)
        if e.jurisdiction and e.jurisdiction != "un":
            check_ref(e.id, "jurisdiction", e.jurisdiction, ("state",))
        if e.established:
            check_date(e.id, "established", e.established)
            if not e.established_sources:
                add("NK-PK-003", e.id, "established: date given without established_sources")

    # ---- facts
    for name, fact in pack.facts():
        fid = fact.id
        if not fact.sources:
            add("NK-PK-003", fid, "no source: every fact needs at least one `sources` entry")
        for field, kinds in _REFS.get(name, {}).items():
            check_ref(fid, field, getattr(fact, field, None), kinds)
        if name == "council_meetings":
            # against/abstaining hold state ids where the pack has them, else names ("Chad").
            for field in ("against", "abstaining", "requested_by"):
                for v in getattr(fact, field):
                    if v.islower() and v not in ents:
                        add("NK-PK-004", fid, f"{field}: unknown state id {v!r} (write other states by name)")
        parsed = {f: check_date(fid, f, getattr(fact, f, None)) for f in _DATE_FIELDS if hasattr(fact, f)}
        for ev in getattr(fact, "events", []) or []:
            check_date(fid, f"events.{ev.event}", ev.date)
        for st in getattr(fact, "history", []) or []:
            check_date(fid, "history.date", st.date)
        for s in fact.sources:
            for f in ("published", "accessed"):
                if getattr(s, f):
                    check_date(fid, f"source {f}", getattr(s, f))
        start = parsed.get("start") or parsed.get("since") or (parsed.get("date") if "end_date" in parsed else None)
        end = parsed.get("end") or parsed.get("as_of") or parsed.get("end_date")
        if start and end and end.latest < start.earliest:
            add("NK-PK-006", fid, f"ends ({end}) before it starts ({start})")
        if name == "resolution_votes" and parsed.get("date") and parsed["date"].earliest.year != fact.year:
            add("NK-PK-005", fid, f"date {fact.date} is not in year {fact.year}")
        _check_alternatives(fact, add)

    _check_tenures(pack, add)
    _check_aliases(pack, add)
    for gap in pack.gaps:
        for ref in gap.about:
            if ref not in ents and ref not in pack.sources and pack.find_fact(ref) is None:
                add("NK-PK-004", gap.id, f"about: unknown id {ref!r}", file="gaps.yaml")
    if codebook is not None:
        problems.extend(check_codebook(pack, codebook))
    return problems


def _check_alternatives(fact: Fact, add) -> None:
    for alt in fact.alternatives:
        if not hasattr(fact, alt.field):
            add("NK-PK-010", fact.id, f"alternative names unknown field {alt.field!r}")
            continue
        values = [v.value for v in alt.values]
        if len({str(v) for v in values}) < 2:
            add("NK-PK-010", fact.id, f"alternative for {alt.field!r} needs at least two different values")
        if str(alt.used) not in {str(v) for v in values}:
            add("NK-PK-010", fact.id, f"alternative for {alt.field!r}: used value {alt.used!r} is not one of {values}")
        current = getattr(fact, alt.field)
        if str(current) != str(alt.used):
            add("NK-PK-010", fact.id, f"alternative for {alt.field!r} says the pack uses {alt.used!r} but the fact has {current!r}")
        for v in alt.values:
            if not v.sources:
                add("NK-PK-003", fact.id, f"alternative value {v.value!r} of {alt.field!r} has no source")


def _check_tenures(pack: Pack, add) -> None:
    by_post: dict[str, list[Tenure]] = defaultdict(list)
    for t in pack.tenures:
        by_post[t.post].append(t)
    for post, tenures in by_post.items():
        entity = pack.entities.get(post)
        if entity is None or not entity.single_holder:
            continue
        dated = [(parse_edtf(t.start), t) for t in tenures if _parse(t.start)]
        dated.sort(key=lambda x: x[0].earliest)
        for (s1, t1), (s2, t2) in zip(dated, dated[1:]):
            end1 = _parse(t1.end) if t1.end else None
            # Overlap only when certain: the next holder started before the earlier one can have left.
            if end1 is None or s2.latest < end1.earliest:
                add("NK-PK-007", t2.id, f"overlaps {t1.id} on single-holder post {post} "
                                        f"({t1.start}–{t1.end or 'open'} vs {t2.start}–{t2.end or 'open'})")


def _check_aliases(pack: Pack, add) -> None:
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for e in pack.entities.values():
        if e.kind in ("issue", "action", "stance"):
            continue  # their labels are descriptions, not names to link
        for a in pack.alias_records(e.id, e.kind):
            owners[a.text.casefold()].append((e.id, a.ambiguous))
    for surface, items in owners.items():
        ids = {i for i, _ in items}
        if len(ids) > 1 and not all(flag for _, flag in items):
            unflagged = sorted({i for i, flag in items if not flag})
            add("NK-PK-009", unflagged[0], f"alias {surface!r} names {sorted(ids)}; flag it `ambiguous: true` on each "
                                           f"or remove it")


def check_codebook(pack: Pack, codebook: Path) -> list[Problem]:
    """Every id of the shared codebook must exist in the pack with the right kind."""
    data = yaml.safe_load(Path(codebook).read_text(encoding="utf-8"))
    sections = {"posts": "post", "persons": "person", "bodies": "body", "states": "state", "instruments": "instrument",
                "mechanisms": "mechanism", "issues": "issue", "actions": "action", "stances": "stance"}
    out = []
    for section, kind in sections.items():
        for id_ in data.get(section) or {}:
            e = (pack.classifications[kind].get(id_) if kind in pack.classifications else pack.entities.get(id_))
            if e is None or e.kind != kind:
                out.append(Problem("NK-PK-011", f"{section}.yaml", id_, f"codebook {section} id missing from the pack"))
    return out
