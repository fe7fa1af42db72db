"""Saved web pages: main text and metadata (title, author, date, site name, canonical URL) via trafilatura."""

from __future__ import annotations

import re

from nkmonitor.errors import BadValue, CorruptInput, EmptyInput

from .base import Parsed, Reader
from .dates import parse_date
from .decode import decode_bytes, normalize_newlines

NAME, VERSION = "html", "html/1"
_MARKUP = re.compile(r"<\s*(html|head|body|p|div|article|title|meta|span|h[1-6]|!doctype)\b", re.I)


def _fallback_text(markup: str) -> str:
    """Body text when trafilatura finds no main content (very short pages, bare fragments)."""
    import lxml.html
    from lxml_html_clean import Cleaner

    tree = lxml.html.document_fromstring(markup)
    tree = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=False, page_structure=False).clean_html(tree)
    blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "td", "pre", "blockquote")]
    text = "\n".join(b for b in blocks if b)
    return text or "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


def parse(data: bytes, source: str) -> list[Parsed]:
    markup, codec = decode_bytes(data, source, html=True)
    if not _MARKUP.search(markup[:65536]):
        raise CorruptInput("is named as HTML but holds no HTML markup", subject=source, hint="rename a plain text file to .txt")
    import trafilatura

    result = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Only dates the page states about itself; a guessed date would be reported as metadata.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = normalize_newlines(result.text or "") if result is not None else ""
    metadata: dict = {"encoding": codec}
    if not text.strip():
        text = _fallback_text(markup)
        metadata["extraction"] = "fallback"
    if not text.strip():
        raise EmptyInput("has no readable text", subject=source)
    published = None
    if result is not None and result.date:
        try:
            published = parse_date(result.date)
        except BadValue as exc:
            # A page's own broken date is not the user's fault: keep reading, say why it was dropped.
            metadata.setdefault("notes", []).append(f"page date ignored: {exc.message}")
    get = (lambda k: getattr(result, k, None) or None) if result is not None else (lambda k: None)
    if get("hostname"):
        metadata["hostname"] = get("hostname")
    if get("description"):
        metadata["description"] = get("description")
    return [Parsed(text=text, raw=data, title=get("title"), author=get("author"), outlet=get("sitename"), url=get("url"), published=published, metadata=metadata)]


READER = Reader(NAME, VERSION, (".html", ".htm", ".xhtml"), parse)
