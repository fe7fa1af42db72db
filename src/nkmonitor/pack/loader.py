"""Read the pack's YAML files into a `Pack`, collecting every problem with its file and id."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from nkmonitor.errors import BadValue, PackError
from nkmonitor.pack.models import ENTITY_KINDS, FACT_COLLECTIONS, Alias, Entity, Fact, Gap, Source

BUNDLED = Path(__file__).parent / "data"
CLASSIFICATION_KINDS = ("issue", "action", "stance")

# Entity files: file stem -> kind. One file per concept, as in FollowTheMoney's schema folder.
ENTITY_FILES = {
    "posts": "post", "persons": "person", "bodies": "body", "states": "state",
    "instruments": "instrument", "mechanisms": "mechanism",
    "issues": "issue", "actions": "action", "stances": "stance",
}
# Fact files: file stem -> collection names it may hold.
FACT_FILES = {
    "tenures": ["tenures", "vacancy_checks"],
    "instrument_events": ["instrument_events"],
    "mandates": ["mandates"],
    "un_votes": ["resolution_votes"],
    "state_positions": ["state_positions"],
    "council_meetings": ["council_meetings"],
    "mechanism_events": ["mechanism_events"],
    "repatriations": ["repatriations"],
    "summits": ["summits"],
    "events": ["events"],
}


@dataclass(frozen=True)
class Problem:
    """One finding of the pack check: a code, the file and id it is about, and what is wrong."""

    code: str
    file: str
    id: str | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file + (f": {self.id}" if self.id else "")
        return f"[{self.code}] {where}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "file": self.file, "id": self.id, "message": self.message}


# libyaml's parser when available (several times faster on the pack's ~200 KB of YAML).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that refuses duplicate mapping keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Pack:
    """The validated knowledge pack: entities by id, curated facts, gaps and where each came from."""

    def __init__(self, version: str, path: Path):
        self.version = version
        self.path = path
        self.title: str = ""
        self.entities: dict[str, Entity] = {}
        self.sources: dict[str, Source] = {}
        self.tenures: list = []
        self.vacancy_checks: list = []
        self.instrument_events: list = []
        self.mandates: list = []
        self.resolution_votes: list = []
        self.state_positions: list = []
        self.council_meetings: list = []
        self.mechanism_events: list = []
        self.repatriations: list = []
        self.summits: list = []
        self.events: list = []
        self.gaps: list[Gap] = []
        self.origins: dict[str, str] = {}  # id -> file it was read from
        # issue/action/stance entries per kind (ids may repeat across these kinds; in
        # `entities` the first one read, the issue, keeps the bare id).
        self.classifications: dict[str, dict[str, Entity]] = {k: {} for k in CLASSIFICATION_KINDS}

    # ------------------------------------------------------------------ entities
    def get(self, id: str, kind: str | None = None) -> Entity:
        if kind in CLASSIFICATION_KINDS:
            found = self.classifications[kind].get(id)
            if found is None:
                raise BadValue(f"unknown {kind} id", subject=id)
            return found
        try:
            found = self.entities[id]
            if kind is not None and found.kind != kind:
                raise KeyError(id)
            return found
        except KeyError:
            raise BadValue(f"unknown id; try one of the {len(self.entities)} pack ids (nkmonitor pack ids)", subject=id) from None

    def ids(self, kind: str) -> set[str]:
        if kind not in ENTITY_KINDS:
            raise BadValue(f"unknown kind; use one of {', '.join(ENTITY_KINDS)}", subject=kind)
        return {e.id for e in self.of_kind(kind)}

    def of_kind(self, kind: str) -> list[Entity]:
        if kind in CLASSIFICATION_KINDS:
            return list(self.classifications[kind].values())
        return [e for e in self.entities.values() if e.kind == kind]

    def aliases(self, kinds: Iterable[str] | None = None, *, include_metonyms: bool = True,
                include_ambiguous: bool = True) -> list[tuple[str, str, str]]:
        """(surface form, kind, id) for every label and alias, for linking names to ids."""
        wanted = set(kinds) if kinds is not None else None
        out: list[tuple[str, str, str]] = []
        seen: set[tuple[str, str]] = set()
        for e in self._all_entities():
            if wanted is not None and e.kind not in wanted:
                continue
            for a in self._alias_records(e):
                if (a.metonym and not include_metonyms) or (a.ambiguous and not include_ambiguous):
                    continue
                if (a.text, e.id) not in seen:
                    seen.add((a.text, e.id))
                    out.append((a.text, e.kind, e.id))
        return out

    def _all_entities(self) -> Iterable[Entity]:
        for e in self.entities.values():
            if e.kind not in CLASSIFICATION_KINDS:
                yield e
        for kind in CLASSIFICATION_KINDS:
            yield from self.classifications[kind].values()

    def alias_records(self, id: str, kind: str | None = None) -> list[Alias]:
        """The label, Korean label and every alias of one entity, with their flags."""
        return self._alias_records(self.get(id, kind))

    def _alias_records(self, e: Entity) -> list[Alias]:
        records = [Alias(text=e.label)]
        records.extend(e.alias_details)
        return records

    def state_of(self, id: str) -> str | None:
        """The state a national post, body, instrument or mechanism belongs to (None: international)."""
        seen: set[str] = set()
        current: str | None = id
        while current and current not in seen:
            seen.add(current)
            e = self.entities.get(current)
            if e is None:
                return None
            if e.kind == "state":
                return e.id
            nxt = e.state or (e.jurisdiction if e.jurisdiction in self.entities else None)
            if nxt is None and e.kind == "post":
                nxt = e.organization
            if nxt is None and e.kind == "body":
                nxt = e.parent
            current = nxt
        return None

    def label(self, id: str | None) -> str | None:
        if id is None:
            return None
        e = self.entities.get(id)
        return e.label if e else id

    # ------------------------------------------------------------------ facts
    def facts(self) -> Iterable[tuple[str, Fact]]:
        for name in FACT_COLLECTIONS:
            for f in getattr(self, name):
                yield name, f

    def find_fact(self, id: str) -> Fact | None:
        for _, f in self.facts():
            if f.id == id:
                return f
        return None

    def tenures_of(self, post: str) -> list:
        return [t for t in self.tenures if t.post == post]

    def events_of(self, instrument: str) -> list:
        return [e for e in self.instrument_events if e.instrument == instrument]

    def mandates_of(self, instrument: str) -> list:
        return [m for m in self.mandates if m.instrument == instrument]


@dataclass
class LoadResult:
    pack: Pack | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 - safe loader subclass
    except yaml.constructor.ConstructorError as exc:
        line = f" at line {exc.problem_mark.line + 1}" if exc.problem_mark else ""
        problems.append(Problem("NK-PK-008", path.name, None, f"{exc.problem}{line}"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("NK-PK-001", path.name, None, f"unreadable YAML: {exc}"))
    return None


def _normalize_alias(raw: Any) -> Alias:
    if isinstance(raw, str):
        return Alias(text=raw, lang="ko" if any("\uac00" <= ch <= "\ud7a3" for ch in raw) else "en")
    data = dict(raw)
    if "lang" not in data and any("\uac00" <= ch <= "\ud7a3" for ch in str(data.get("text", ""))):
        data["lang"] = "ko"
    return Alias(**data)


_BOOL_KEYS = {True: "yes", False: "no"}


class _SourceResolver:
    """Turns `sources:` entries (registry keys or inline mappings) into Source models."""

    def __init__(self, registry: dict[str, Source], defaults: dict[str, Any]):
        self.registry = registry
        self.defaults = defaults

    def resolve(self, value: Any, file: str, rec_id: str | None, problems: list[Problem]) -> Any:
        if isinstance(value, dict):
            # YAML 1.1 reads bare `yes:`/`no:` keys (vote counts) as booleans.
            value = {(_BOOL_KEYS[k] if isinstance(k, bool) else k): v for k, v in value.items()}
            return {k: (self._list(v, file, rec_id, problems) if k in ("sources", "established_sources") else
                        self.resolve(v, file, rec_id, problems)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v, file, rec_id, problems) for v in value]
        return value

    def _list(self, items: Any, file: str, rec_id: str | None, problems: list[Problem]) -> list:
        if items is None:
            return []
        if not isinstance(items, list):
            items = [items]
        out = []
        for item in items:
            if isinstance(item, str) and not item.startswith(("http://", "https://")):
                src = self.registry.get(item)
                if src is None:
                    problems.append(Problem("NK-PK-004", file, rec_id, f"unknown source key {item!r} (not in sources.yaml)"))
                    continue
                out.append(src)
            elif isinstance(item, str):
                out.append(with_source_defaults({"url": item}, self.defaults))
            elif isinstance(item, dict):
                out.append(with_source_defaults(item, self.defaults))
            else:
                out.append(item)
        return out


def with_source_defaults(raw: dict, defaults: dict[str, Any]) -> dict:
    """Fill a source's publisher from its host and its access date from pack.yaml when missing."""
    out = dict(raw)
    if not out.get("publisher") and isinstance(out.get("url"), str):
        out["publisher"] = urlsplit(out["url"]).hostname or None
    if not out.get("published") and not out.get("accessed") and defaults.get("sources_accessed"):
        out["accessed"] = str(defaults["sources_accessed"])
    return out


def _fmt_validation(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{loc}: {err['msg']}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def read_pack(path: Path | None = None) -> LoadResult:
    """Read every file of a pack directory; return the pack and the problems met while reading."""
    root = Path(path) if path is not None else BUNDLED
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem("NK-PK-001", str(root), None, "pack directory not found"))
        return LoadResult(None, problems)

    meta = _read_yaml(root / "pack.yaml", problems) if (root / "pack.yaml").exists() else None
    if not isinstance(meta, dict) or "version" not in meta:
        problems.append(Problem("NK-PK-002", "pack.yaml", None, "missing pack.yaml with a `version`"))
        meta = {"version": "0"}
    pack = Pack(str(meta["version"]), root)
    pack.title = str(meta.get("title", ""))

    # Sources registry first: other files refer to its keys.
    registry_raw = _read_yaml(root / "sources.yaml", problems) if (root / "sources.yaml").exists() else {}
    for key, raw in ((registry_raw or {}).get("sources") or {}).items():
        try:
            pack.sources[key] = Source(**with_source_defaults(raw, meta))
        except (ValidationError, TypeError) as exc:
            msg = _fmt_validation(exc) if isinstance(exc, ValidationError) else str(exc)
            problems.append(Problem("NK-PK-002", "sources.yaml", key, msg))
    resolver = _SourceResolver(pack.sources, meta)

    def register(id_: str, file: str, kind: str | None = None) -> bool:
        if kind in CLASSIFICATION_KINDS:
            # Classification ids are unique per kind only: the codebook uses
            # `information_access` both as an issue and as an action.
            key = f"{kind}:{id_}"
            if key in pack.origins:
                problems.append(Problem("NK-PK-008", file, id_, f"duplicate {kind} id"))
                return False
            pack.origins[key] = file
            pack.origins.setdefault(id_, file)
            return True
        if id_ in pack.origins:
            problems.append(Problem("NK-PK-008", file, id_, f"duplicate id (already defined in {pack.origins[id_]})"))
            return False
        pack.origins[id_] = file
        return True

    for stem, kind in ENTITY_FILES.items():
        file = f"{stem}.yaml"
        if not (root / file).exists():
            problems.append(Problem("NK-PK-001", file, None, "missing entity file"))
            continue
        data = _read_yaml(root / file, problems) or {}
        for id_, raw in (data.get(stem) or {}).items():
            if isinstance(raw, str):
                raw = {"label": raw}
            raw = resolver.resolve(dict(raw or {}), file, id_, problems)
            aliases_raw = raw.pop("aliases", []) or []
            try:
                details = [_normalize_alias(a) for a in aliases_raw]
                # The Korean label is also an alias, so `entity.aliases` alone covers both languages.
                if raw.get("label_ko") and raw["label_ko"] not in {a.text for a in details}:
                    details.insert(0, Alias(text=raw["label_ko"], lang="ko"))
                entity = Entity(id=id_, kind=kind, aliases=[a.text for a in details], alias_details=details, **raw)
            except (ValidationError, TypeError) as exc:
                msg = _fmt_validation(exc) if isinstance(exc, ValidationError) else str(exc)
                problems.append(Problem("NK-PK-002", file, str(id_), msg))
                continue
            if register(entity.id, file, kind):
                if kind in CLASSIFICATION_KINDS:
                    pack.classifications[kind][entity.id] = entity
                    pack.entities.setdefault(entity.id, entity)
                else:
                    pack.entities[entity.id] = entity

    for stem, collections in FACT_FILES.items():
        file = f"{stem}.yaml"
        if not (root / file).exists():
            problems.append(Problem("NK-PK-001", file, None, "missing fact file"))
            continue
        data = _read_yaml(root / file, problems) or {}
        for name in collections:
            model = FACT_COLLECTIONS[name]
            for raw in data.get(name) or []:
                rec_id = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else None
                try:
                    fact = model(**resolver.resolve(dict(raw), file, rec_id, problems))
                except (ValidationError, TypeError) as exc:
                    msg = _fmt_validation(exc) if isinstance(exc, ValidationError) else str(exc)
                    problems.append(Problem("NK-PK-002", file, rec_id, msg))
                    continue
                if register(fact.id, file):
                    getattr(pack, name).append(fact)

    if (root / "gaps.yaml").exists():
        for raw in (_read_yaml(root / "gaps.yaml", problems) or {}).get("gaps") or []:
            try:
                gap = Gap(**raw)
            except (ValidationError, TypeError) as exc:
                problems.append(Problem("NK-PK-002", "gaps.yaml", str(raw.get("id")) if isinstance(raw, dict) else None,
                                        _fmt_validation(exc) if isinstance(exc, ValidationError) else str(exc)))
                continue
            if register(gap.id, "gaps.yaml"):
                pack.gaps.append(gap)
    return LoadResult(pack, problems)


def check_pack(path: Path | None = None, *, codebook: Path | None = None) -> LoadResult:
    """Read and validate a pack: schema, sources, references, dates, tenures, alternatives, aliases."""
    from nkmonitor.pack.validate import validate_pack

    result = read_pack(path)
    if result.pack is not None:
        result.problems.extend(validate_pack(result.pack, codebook=codebook))
    return result


@functools.lru_cache(maxsize=8)
def _load_cached(resolved: str) -> Pack:
    result = check_pack(Path(resolved))
    if result.errors or result.pack is None:
        first = result.errors[0] if result.errors else Problem("NK-PK-001", resolved, None, "unreadable pack")
        raise PackError(f"{first.message} ({len(result.errors)} error(s); run `nkmonitor pack check`)",
                        code=first.code, subject=f"{first.file}" + (f": {first.id}" if first.id else ""))
    return result.pack


def load_pack(path: Path | None = None) -> Pack:
    """The validated pack at `path` (the bundled pack by default), cached per directory."""
    root = Path(path) if path is not None else BUNDLED
    return _load_cached(str(root.resolve()))
