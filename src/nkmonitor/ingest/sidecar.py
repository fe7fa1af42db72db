"""Metadata sidecars: `NAME.json` beside `NAME.txt|.md|.html|.htm|.pdf|.docx` (spec/extraction.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nkmonitor.errors import BadValue, SidecarError

from .dates import parse_date

# Document kinds a sidecar may describe; a `.json` beside none of these is no sidecar.
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
# Keys the spec defines; they fill Document fields. Every other key goes to metadata.
FIELDS = ("url", "title", "outlet", "published", "language", "author")
MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_for(path: Path) -> Path:
    """Where the sidecar of a document would be (it may not exist)."""
    return path.with_suffix(".json")


def is_sidecar(path: Path) -> bool:
    """True when `path` is a `.json` file with a document of a sidecar-taking kind beside it."""
    if path.suffix.lower() != ".json":
        return False
    return any(path.with_suffix(s).exists() or path.with_suffix(s.upper()).exists() for s in DOCUMENT_SUFFIXES)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The validated sidecar of document `path`, or None when there is none. Raises SidecarError naming the sidecar."""
    side = sidecar_for(path)
    if not side.exists():
        return None
    name = str(side)
    try:
        if side.stat().st_size > MAX_SIDECAR_BYTES:
            raise SidecarError(f"is over {MAX_SIDECAR_BYTES // 1024} KB; a sidecar holds a few metadata fields", subject=name)
        data = json.loads(side.read_bytes().decode("utf-8-sig"))
    except SidecarError:
        raise
    except OSError as exc:
        raise SidecarError(f"cannot be read ({exc.strerror or exc})", subject=name) from None
    except UnicodeDecodeError:
        raise SidecarError("is not UTF-8", subject=name) from None
    except json.JSONDecodeError as exc:
        raise SidecarError(f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); the document {path.name} was not ingested", subject=name, hint="fix or remove the sidecar") from None
    if not isinstance(data, dict):
        raise SidecarError(f"must be a JSON object, not {type(data).__name__}", subject=name)
    return validate_fields(data, name, SidecarError)


def validate_fields(data: dict[str, Any], name: str, error: type = SidecarError) -> dict[str, Any]:
    """Check the known fields' types and the date; returns a copy with `published` normalized."""
    out = dict(data)
    for key in FIELDS:
        value = out.get(key)
        if value is None:
            out.pop(key, None)
            continue
        if key == "published":
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str):
                raise error(f"field 'published' must be text like 2023-10-14, not {type(value).__name__}", subject=name)
            try:
                out[key] = parse_date(value)
            except BadValue as exc:
                raise error(f"field 'published': {exc.message}", subject=name, hint=exc.hint) from None
            if out[key] is None:
                out.pop(key)
        elif not isinstance(value, str):
            raise error(f"field {key!r} must be text, not {type(value).__name__}", subject=name)
        elif not value.strip():
            out.pop(key)
        else:
            out[key] = value.strip()
    return out
