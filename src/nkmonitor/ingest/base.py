"""What a reader returns before sidecar, date, language and hashing are applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from nkmonitor.errors import InputError


@dataclass
class Parsed:
    """One document as a reader saw it; `published` is already a valid EDTF-style date or None."""

    text: str
    raw: bytes
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # A JSON Lines row is addressed as "path#L7"; None for whole-file documents.
    fragment: str | None = None
    # Which reader really read it (a .txt holding a whole HTML page is read as HTML).
    reader: str | None = None
    reader_version: str | None = None


# A reader takes the file's bytes and the source name (for error messages) and gives one
# Parsed per document; a JSON Lines reader may also give one InputError per bad line.
ParseFn = Callable[[bytes, str], "list[Parsed | InputError]"]


@dataclass(frozen=True)
class Reader:
    """A registered reader: its name, version (bumped when its output changes) and suffixes."""

    name: str
    version: str
    suffixes: tuple[str, ...]
    parse: ParseFn
    # Only whole-file documents can have a NAME.json sidecar beside them.
    takes_sidecar: bool = True
