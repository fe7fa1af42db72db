"""Text normalization and the two hashes of a document (raw bytes; normalized text)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Invisible characters that differ between copies of the same text (web pages insert
# zero-width spaces and soft hyphens; a BOM may survive concatenation).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The form used for exact-duplicate detection: NFC, case-folded, invisible marks removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    # casefold can yield decomposed sequences (e.g. from U+01F0), so compose again after it.
    text = unicodedata.normalize("NFC", text.casefold())
    return _SPACE.sub(" ", text).strip()


def hash_bytes(data: bytes) -> str:
    """`Document.raw_hash`: sha256 hex of the original bytes."""
    return hashlib.sha256(data).hexdigest()


def hash_text(text: str) -> str:
    """`Document.content_hash`: sha256 hex of the normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


# Names matching the Document fields, for callers who think in those terms.
raw_hash = hash_bytes
content_hash = hash_text
