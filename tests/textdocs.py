"""Helpers shared by the extraction tests: a Document made from a bare text, and the asks extracted from it."""

from __future__ import annotations

import hashlib

from nkmonitor.records import Document


def make_doc(text: str, title: str | None = None, published: str | None = "2024-05-02") -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(source="test.txt", text=text, raw_hash=digest, content_hash=digest, reader="text",
                    reader_version="test", title=title, published=published,
                    published_from="sidecar" if published else "none", language="en")


def asks(extractor, text: str, title: str | None = None, published: str | None = "2024-05-02") -> set[tuple]:
    """(addressee, action) of every recommendation the extractor finds in the text."""
    return {(r.addressee, r.action) for r in extractor.extract(make_doc(text, title, published)).recommendations}
