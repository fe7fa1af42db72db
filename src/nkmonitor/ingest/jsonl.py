"""JSON Lines exports: one document per line, `text` plus metadata fields; a bad line costs only that line."""

from __future__ import annotations

import json

from nkmonitor.errors import BadValue, CorruptInput, EmptyInput, InputError

from .base import Parsed, Reader
from .decode import normalize_newlines
from .sidecar import validate_fields

NAME, VERSION = "jsonl", "jsonl/1"
TEXT_KEYS = ("text",)


def _line(raw: bytes, source: str) -> Parsed:
    try:
        row = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CorruptInput("is not UTF-8", subject=source) from None
    except json.JSONDecodeError as exc:
        raise CorruptInput(f"is not valid JSON ({exc.msg} at column {exc.colno})", subject=source) from None
    if not isinstance(row, dict):
        raise CorruptInput(f"must be a JSON object, not {type(row).__name__}", subject=source)
    text = row.pop("text", None)
    if not isinstance(text, str):
        raise CorruptInput("has no 'text' field with the document's text" if text is None else f"field 'text' must be a string, not {type(text).__name__}", subject=source)
    if not text.strip():
        raise EmptyInput("has an empty 'text' field", subject=source)
    fields = validate_fields(row, source, BadValue)
    known = {k: fields.pop(k) for k in ("title", "author", "outlet", "url", "published", "language") if k in fields}
    return Parsed(text=normalize_newlines(text), raw=raw, metadata=fields, **known)


def parse(data: bytes, source: str) -> list[Parsed | InputError]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out: list[Parsed | InputError] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        fragment = f"#L{number}"
        try:
            parsed = _line(raw.rstrip(b"\r"), source + fragment)
        except InputError as exc:
            out.append(exc)
            continue
        parsed.fragment = fragment
        out.append(parsed)
    if not out:
        raise EmptyInput("holds no JSON lines", subject=source)
    return out


READER = Reader(NAME, VERSION, (".jsonl", ".ndjson"), parse, takes_sidecar=False)
