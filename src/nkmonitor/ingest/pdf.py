"""PDF reports: text page by page (page start offsets kept), title, author and creation date from the PDF metadata."""

from __future__ import annotations

import contextlib
import io
import logging

from nkmonitor.errors import BadValue, CorruptInput

from .base import Parsed, Reader
from .dates import parse_date
from .decode import normalize_newlines

NAME, VERSION = "pdf", "pdf/1"
PAGE_SEPARATOR = "\n\n"


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs repairs of damaged files ("EOF marker not found") straight to stderr; our
    one error per file says it better, so its logger is muted while we parse."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def parse(data: bytes, source: str) -> list[Parsed]:
    with _quiet_pypdf():
        return _parse(data, source)


def _parse(data: bytes, source: str) -> list[Parsed]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise CorruptInput("is not a PDF (no %PDF header)", subject=source)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorruptInput("is an encrypted PDF that needs a password", subject=source)
        texts = [normalize_newlines(page.extract_text() or "").strip("\n") for page in reader.pages]
    except CorruptInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise CorruptInput(f"is a corrupt PDF ({type(exc).__name__}: {exc})", subject=source) from None
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(PAGE_SEPARATOR)
    metadata: dict = {"pages": starts, "page_count": len(texts)}
    title = author = published = None
    try:
        info = reader.metadata
    except Exception:  # broken info dictionary: the text is still good
        info = None
    if info is not None:
        title = (info.title or "").strip() or None
        author = (info.author or "").strip() or None
        try:
            created = info.creation_date
            published = parse_date(created) if created else None
        except (ValueError, BadValue) as exc:
            metadata.setdefault("notes", []).append(f"PDF creation date ignored: {exc}")
    return [Parsed(text=PAGE_SEPARATOR.join(texts), raw=data, title=title, author=author, published=published, metadata=metadata)]


def page_of(document_metadata: dict, offset: int) -> int:
    """1-based page number holding character `offset`, from `metadata["pages"]`."""
    starts = document_metadata.get("pages") or [0]
    page = 1
    for number, start in enumerate(starts, start=1):
        if start <= offset:
            page = number
    return page


READER = Reader(NAME, VERSION, (".pdf",), parse)
