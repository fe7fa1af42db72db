"""Exports of the pack: Popolo JSON (persons, organizations, posts, memberships) and CSV tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from nkmonitor.pack.loader import Pack
from nkmonitor.pack.models import FACT_COLLECTIONS, Entity

# Fields kept out of the per-collection CSV: they get their own long tables.
_NESTED = {"sources", "alternatives", "events", "history"}


def _other_names(e: Entity) -> list[dict[str, str]]:
    names = []
    if e.label_ko:
        names.append({"name": e.label_ko, "note": "ko"})
    for a in e.alias_details:
        entry = {"name": a.text}
        if a.lang != "en":
            entry["note"] = a.lang
        names.append(entry)
    return names


def _identifiers(e: Entity) -> list[dict[str, str]]:
    return [{"scheme": "wikidata", "identifier": e.wikidata}] if e.wikidata else []


def to_popolo(pack: Pack) -> dict[str, Any]:
    """The pack's people, organizations, posts and tenures in Popolo JSON (dates keep their precision)."""
    persons = [{
        "id": e.id, "name": e.label, "other_names": _other_names(e), "identifiers": _identifiers(e),
        **({"national_identity": e.nationality} if e.nationality else {}),
        **({"summary": e.description} if e.description else {}),
    } for e in sorted(pack.of_kind("person"), key=lambda e: e.id)]
    organizations = []
    for kind in ("state", "body"):
        for e in sorted(pack.of_kind(kind), key=lambda e: e.id):
            org = {"id": e.id, "name": e.label, "classification": "state" if kind == "state" else "organization",
                   "other_names": _other_names(e), "identifiers": _identifiers(e)}
            parent = e.parent or (e.state if kind == "body" else None)
            if parent:
                org["parent_id"] = parent
            organizations.append(org)
    posts = []
    for e in sorted(pack.of_kind("post"), key=lambda e: e.id):
        post = {"id": e.id, "label": e.label, "organization_id": e.organization,
                "other_label": [a.text for a in e.alias_details]}
        if e.established:
            post["start_date"] = e.established
        posts.append(post)
    memberships = []
    for t in pack.tenures:
        m = {
            "id": t.id, "person_id": t.person, "post_id": t.post,
            "organization_id": pack.get(t.post).organization, "role": t.role or pack.get(t.post).label,
            "start_date": t.start, "start_reason": t.start_reason,
            "sources": [{"url": s.url, **({"note": s.publisher} if s.publisher else {})} for s in t.sources],
        }
        if t.end:
            m["end_date"] = t.end
            m["end_reason"] = t.end_reason
        memberships.append(m)
    return {"pack_version": pack.version, "persons": persons, "organizations": organizations,
            "posts": posts, "memberships": memberships}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write(path: Path, header: list[str], rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in header})
    return path


def write_csv(pack: Pack, folder: Path) -> list[Path]:
    """One CSV per entity table and fact collection, plus long tables of sources and alternatives."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    entities = [e for k in ("post", "person", "body", "state", "instrument", "mechanism", "issue", "action", "stance")
                for e in sorted(pack.of_kind(k), key=lambda e: e.id)]
    ent_header = ["id", "kind", "label", "label_ko", "description", "wikidata", "organization", "basis", "state",
                  "jurisdiction", "instrument_type", "citation", "nationality", "parent", "established"]
    files.append(_write(folder / "entities.csv", ent_header, [e.model_dump() for e in entities]))
    aliases = [{"id": e.id, "kind": e.kind, **a.model_dump()} for e in entities for a in e.alias_details]
    files.append(_write(folder / "aliases.csv", ["id", "kind", "text", "lang", "metonym", "ambiguous", "case_sensitive", "note"], aliases))

    sources, alternatives, sub_events = [], [], []
    for name, model in FACT_COLLECTIONS.items():
        header = ["id"] + [f for f in model.model_fields if f not in _NESTED and f != "id"]
        rows = []
        for fact in getattr(pack, name):
            rows.append(fact.model_dump())
            for s in fact.sources:
                sources.append({"fact_id": fact.id, "collection": name, **s.model_dump()})
            for alt in fact.alternatives:
                for v in alt.values:
                    alternatives.append({"fact_id": fact.id, "field": alt.field, "value": v.value, "used": str(v.value) == str(alt.used),
                                         "reason": alt.reason, "sources": [s.url for s in v.sources]})
            for ev in getattr(fact, "events", []) or []:
                sub_events.append({"fact_id": fact.id, "event": ev.event, "date": ev.date, "note": ev.note})
            for st in getattr(fact, "history", []) or []:
                sub_events.append({"fact_id": fact.id, "event": st.status, "date": st.date, "note": st.note})
        files.append(_write(folder / f"{name}.csv", header, rows))
    files.append(_write(folder / "sources.csv", ["fact_id", "collection", "url", "title", "publisher", "published", "accessed", "note", "document_id"], sources))
    files.append(_write(folder / "alternatives.csv", ["fact_id", "field", "value", "used", "reason", "sources"], alternatives))
    files.append(_write(folder / "fact_events.csv", ["fact_id", "event", "date", "note"], sub_events))
    files.append(_write(folder / "gaps.csv", ["id", "about", "text"], [g.model_dump() for g in pack.gaps]))
    return files
