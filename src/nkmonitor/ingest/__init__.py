"""Document readers: discover files, read every supported kind into `Document` records, never touch the database.

Public surface (others code against it): `discover`, `read_path`, `read_items`,
`iter_documents`, `normalize_text`, `hash_text` / `content_hash`, `hash_bytes` /
`raw_hash`, `READERS`, `reader_for`. Design notes: docs/choices/ingest.md.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterable, Iterator

from nkmonitor.config import Settings, get_settings
from nkmonitor.errors import CorruptInput, EmptyInput, InputError, InputTooLarge, UnsupportedInput
from nkmonitor.records import Document

from . import docx, html, jsonl, pdf, text
from .base import Parsed, Reader
from .dates import find_dateline, parse_date
from .language import detect_language
from .normalize import content_hash, hash_bytes, hash_text, normalize_text, raw_hash
from .sidecar import FIELDS as SIDECAR_FIELDS
from .sidecar import is_sidecar, read_sidecar, sidecar_for

__all__ = [
    "READERS", "reader_for", "discover", "read_path", "read_items", "iter_documents",
    "normalize_text", "hash_text", "hash_bytes", "content_hash", "raw_hash",
    "parse_date", "find_dateline", "detect_language", "is_sidecar", "UNSUPPORTED_DOCUMENTS",
]

# name -> Reader; one module per kind.
READERS: dict[str, Reader] = {
    r.name: r for r in (text.READER, text.MARKDOWN_READER, html.READER, pdf.READER, docx.READER, jsonl.READER)
}
_BY_SUFFIX = {suffix: r for r in READERS.values() for suffix in r.suffixes}
# Kinds an analyst may expect us to read but we cannot: reported in folders, not skipped.
# Every other suffix no reader claims (images, CSS and scripts of saved web pages, `.json`
# sidecars and config) is skipped quietly inside folders.
UNSUPPORTED_DOCUMENTS = (".doc", ".rtf", ".odt", ".pages", ".epub", ".xls", ".xlsx", ".ppt", ".pptx", ".hwp")


def reader_for(path: Path) -> Reader | None:
    """The reader registered for the file's suffix (case-insensitive), or None."""
    return _BY_SUFFIX.get(path.suffix.lower())


# ---------------------------------------------------------------- discover

def _unreadable(path: Path, what: str = "file") -> InputError | None:
    if not os.access(path, os.R_OK | (os.X_OK if what == "folder" else 0)):
        return InputError(f"{what} cannot be read (permission denied)", subject=str(path), hint="check its permissions")
    return None


def _classify(path: Path, explicit: bool) -> Path | InputError | None:
    """A document path, an error about it, or None to skip it quietly."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        if explicit and not is_sidecar(path):
            return UnsupportedInput("is a .json file with no document beside it; it is not read as a document", subject=str(path), hint="JSON Lines exports must end in .jsonl; a sidecar needs NAME.txt/.md/.html/.pdf/.docx beside it")
        return None
    if reader_for(path) is None:
        if explicit or suffix in UNSUPPORTED_DOCUMENTS:
            kinds = ", ".join(sorted(_BY_SUFFIX))
            return UnsupportedInput(f"no reader for {suffix or 'files without a suffix'}", subject=str(path), hint=f"supported: {kinds}")
        return None
    return _unreadable(path) or path


def _link_problem(path: Path) -> str:
    """Why a symbolic link leads nowhere usable."""
    try:
        os.stat(path)
    except OSError as exc:
        # ELOOP: a link that points at itself, directly or through other links.
        return "is a symlink loop" if exc.errno == errno.ELOOP else "is a broken symbolic link"
    return "is not a regular file or folder"


def _walk(folder: Path, ancestors: frozenset) -> Iterator[Path | InputError]:
    try:
        info = folder.stat()
    except OSError as exc:
        yield InputError(f"cannot be opened ({exc.strerror or exc})", subject=str(folder))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        # A link back to a folder we are inside: report it here, once, and do not descend.
        yield InputError("is a symlink loop (it leads back to a folder that contains it); skipped", subject=str(folder))
        return
    problem = _unreadable(folder, "folder")
    if problem:
        yield problem
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"folder cannot be listed ({exc.strerror or exc})", subject=str(folder))
        return
    inside = ancestors | {key}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            yield InputError(_link_problem(path) if entry.is_symlink() else f"cannot be opened ({exc.strerror or exc})", subject=str(path))
            continue
        if is_dir:
            yield from _walk(path, inside)
        elif is_file:
            item = _classify(path, explicit=False)
            if item is not None:
                yield item
        elif entry.is_symlink():
            yield InputError(_link_problem(path), subject=str(path))


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand files and folders (recursive, sorted by name, hidden entries skipped) into document paths, or errors naming the path."""
    for given in paths:
        path = Path(given)
        try:
            exists = path.exists()
        except OSError as exc:  # e.g. a symlink loop given directly
            yield InputError(f"cannot be opened ({exc.strerror or exc})", subject=str(path))
            continue
        if not exists:
            yield InputError(_link_problem(path) if path.is_symlink() else "does not exist", subject=str(path))
        elif path.is_dir():
            yield from _walk(path, frozenset())
        else:
            item = _classify(path, explicit=True)
            if item is not None:
                yield item


# ---------------------------------------------------------------- read

def _document(parsed: Parsed, source: str, reader: Reader, side: dict | None, side_path: Path | None, settings: Settings) -> Document:
    if not parsed.text.strip():
        raise EmptyInput("has no text to read", subject=source, hint="a scanned PDF needs OCR first" if reader.name == "pdf" else None)
    if len(parsed.text) > settings.max_text_chars:
        raise InputTooLarge(f"gives {len(parsed.text):,} characters of text, over the limit of {settings.max_text_chars:,}", subject=source, hint="raise NKMONITOR_MAX_TEXT_CHARS or split the document")
    side = side or {}
    metadata = dict(parsed.metadata)
    metadata.update({k: v for k, v in side.items() if k not in SIDECAR_FIELDS})
    if side_path is not None:
        metadata["sidecar"] = str(side_path)
    fields = {k: side.get(k) or getattr(parsed, k) for k in ("title", "author", "outlet", "url")}
    if side.get("published"):
        published, published_from = side["published"], "sidecar"
    elif parsed.published:
        published, published_from = parsed.published, "metadata"
    else:
        published = find_dateline(parsed.text)
        published_from = "text" if published else "none"
    language = side.get("language") or parsed.language or detect_language(parsed.text)
    return Document(
        source=source + (parsed.fragment or ""),
        text=parsed.text,
        raw_hash=hash_bytes(parsed.raw),
        content_hash=hash_text(parsed.text),
        reader=parsed.reader or reader.name,
        reader_version=parsed.reader_version or reader.version,
        published=published,
        published_from=published_from,
        language=language.lower() if language else None,
        size_bytes=len(parsed.raw),
        metadata=metadata,
        **fields,
    )


def read_items(path: Path, settings: Settings | None = None) -> list[Document | InputError]:
    """Read one file into documents; a JSON Lines file may also give one error per bad line. Raises InputError when the whole file is unusable."""
    settings = settings or get_settings()
    path = Path(path)
    source = str(path)
    reader = reader_for(path)
    if reader is None:
        raise UnsupportedInput(f"no reader for {path.suffix or 'files without a suffix'}", subject=source)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot be opened ({exc.strerror or exc})", subject=source) from None
    # Checked before reading a byte: a 2 GB file must not be loaded to be refused.
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise InputTooLarge(f"is {size / 1024 / 1024:.1f} MB, over the limit of {settings.max_file_mb} MB", subject=source, hint="raise NKMONITOR_MAX_FILE_MB or split the file")
    if size == 0:
        raise EmptyInput("is an empty file (0 bytes)", subject=source)
    side, side_path = None, None
    if reader.takes_sidecar:
        side = read_sidecar(path)
        side_path = sidecar_for(path) if side is not None else None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", subject=source, hint="check its permissions") from None
    try:
        parsed_items = reader.parse(data, source)
    except InputError:
        raise
    except Exception as exc:  # a parser library failing on hostile bytes is a bad input, not a crash
        raise CorruptInput(f"could not be read as {reader.name} ({type(exc).__name__}: {exc})", subject=source) from None
    out: list[Document | InputError] = []
    for item in parsed_items:
        if isinstance(item, InputError):
            out.append(item)
            continue
        try:
            try:
                out.append(_document(item, source, reader, side, side_path, settings))
            except (ValueError, TypeError) as exc:  # pydantic refusing what a parser library returned
                raise CorruptInput(f"gave metadata that does not fit a document ({exc})", subject=source) from None
        except InputError as exc:
            if not item.fragment:
                raise
            exc.subject = source + item.fragment
            out.append(exc)
    return out


def read_path(path: Path, settings: Settings | None = None) -> list[Document]:
    """Read one file into its documents (several for JSON Lines). Raises an InputError subclass naming the file, or for JSON Lines the first bad line (`path#L7`); use `read_items` or `iter_documents` to keep the good lines."""
    items = read_items(path, settings)
    for item in items:
        if isinstance(item, InputError):
            raise item
    return items  # type: ignore[return-value]


def iter_documents(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Document | InputError]:
    """Discover and read: one Document or InputError per document, in input order; never raises for one bad input."""
    settings = settings or get_settings()
    for item in discover(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from read_items(item, settings)
        except InputError as exc:
            yield exc
