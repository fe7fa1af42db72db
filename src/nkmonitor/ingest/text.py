"""Plain text and Markdown: the decoded file itself, markup kept so evidence offsets match the file."""

from __future__ import annotations

import re

from .base import Parsed, Reader
from .decode import decode_bytes, normalize_newlines

NAME, VERSION = "text", "text/1"
MARKDOWN_NAME, MARKDOWN_VERSION = "markdown", "markdown/1"

_HEADING = re.compile(r"^#{1,2}\s+(.+?)\s*#*\s*$", re.M)
_TAG = re.compile(r"</?(p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|table|tr|td|img|script|style)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);", re.I)
_WHOLE_PAGE = re.compile(r"^\s*(<!doctype html|<html[\s>])", re.I)


def is_html_page(text: str) -> bool:
    """True when a file named as text is really a whole saved web page."""
    return bool(_WHOLE_PAGE.match(text[:1024]))


def html_remnants(text: str) -> int:
    """How many HTML tags and entities survive in a text (a scraper left them behind)."""
    return len(_TAG.findall(text)) + len(_ENTITY.findall(text))


def _parse(data: bytes, source: str, markdown: bool) -> list[Parsed]:
    text, codec = decode_bytes(data, source)
    if is_html_page(text):
        # A saved web page with the wrong suffix: reading its markup as prose would bury
        # the article in navigation and scripts.
        from . import html

        parsed = html.parse(data, source)
        for item in parsed:
            item.reader, item.reader_version = html.NAME, html.VERSION
            item.metadata.setdefault("notes", []).append(f"named as {'Markdown' if markdown else 'text'} but is a whole HTML page; read as HTML")
        return parsed
    text = normalize_newlines(text)
    metadata: dict = {"encoding": codec}
    remnants = html_remnants(text)
    if remnants:
        # Kept verbatim (offsets must match the file); flagged so a reviewer knows why
        # a snippet shows "<p>".
        metadata["warnings"] = [f"text contains {remnants} HTML tag(s) or entities left over from scraping"]
    title = None
    if markdown:
        match = _HEADING.search(text[:2000])
        title = match.group(1).strip() if match else None
    return [Parsed(text=text, raw=data, title=title, metadata=metadata)]


def parse_text(data: bytes, source: str) -> list[Parsed]:
    return _parse(data, source, markdown=False)


def parse_markdown(data: bytes, source: str) -> list[Parsed]:
    return _parse(data, source, markdown=True)


READER = Reader(NAME, VERSION, (".txt", ".text"), parse_text)
MARKDOWN_READER = Reader(MARKDOWN_NAME, MARKDOWN_VERSION, (".md", ".markdown"), parse_markdown)
