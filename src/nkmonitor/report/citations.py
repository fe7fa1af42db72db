"""Numbered citations for briefings: pack sources and archive documents, numbered by first use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from nkmonitor.report.charts import field_of


@dataclass
class Citation:
    """One entry of a briefing's source list."""

    number: int
    key: str
    kind: str  # "source" (a pack source) or "document" (an archive document)
    url: str | None = None
    title: str | None = None
    publisher: str | None = None  # publisher of a pack source, outlet of a document
    date: str | None = None
    quote: str | None = None  # evidence span of a document
    document_id: Any = None
    note: str | None = None

    def plain(self) -> str:
        """The entry as one line of plain text (Markdown and tests use it)."""
        parts = []
        if self.kind == "document":
            parts.append(f"“{self.title or 'Untitled document'}”")
            if self.publisher:
                parts.append(self.publisher)
            parts.append(self.date or "undated")
            line = ", ".join(parts) + "."
            if self.quote:
                line += f" Evidence: “{self.quote}”"
            if self.url:
                line += f" {self.url}"
            if self.document_id is not None:
                line += f" (archive document {self.document_id})"
            return line
        if self.publisher:
            parts.append(self.publisher)
        if self.title:
            parts.append(f"“{self.title}”")
        parts.append(self.date or "undated")
        line = ", ".join(parts) + "."
        if self.url:
            line += f" {self.url}"
        if self.note:
            line += f" ({self.note})"
        return line


def _day_known(value: Any, as_of: dt.date) -> bool:
    """A source date counts as known unless it certainly lies after `as_of`; undated counts as known."""
    if value in (None, ""):
        return True
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not m:
        return True
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.date(year, month, day) <= as_of
    except ValueError:
        return True


def source_index(pack: Any) -> dict[str, Any]:
    """Every pack source by URL, so that trackers that pass bare URLs still cite publisher and date."""
    index: dict[str, Any] = {}
    for src in getattr(pack, "sources", {}).values():
        index.setdefault(src.url, src)
    facts = pack.facts() if hasattr(pack, "facts") else []
    for _, fact in facts:
        nested = [fact] + list(getattr(fact, "events", []) or []) + list(getattr(fact, "history", []) or [])
        for item in nested:
            for src in getattr(item, "sources", []) or []:
                if src.url not in index or (index[src.url].published is None and src.published):
                    index[src.url] = src
    return index


class Citations:
    """Hands out citation numbers, one per distinct source, in the order statements use them."""

    def __init__(self, as_of: dt.date, pack: Any = None):
        self.as_of = as_of
        self._by_key: dict[str, Citation] = {}
        self._index = source_index(pack) if pack is not None else {}

    def cite_urls(self, urls: Any, about: Any = None) -> list[int]:
        """Numbers for sources given by URL (as fused tracker records carry them)."""
        return self.cite_sources([self._index.get(u) or {"url": u} for u in urls or []], about=about)

    def entries(self) -> list[Citation]:
        return sorted(self._by_key.values(), key=lambda c: c.number)

    def _add(self, key: str, **fields: Any) -> int:
        if key in self._by_key:
            return self._by_key[key].number
        citation = Citation(number=len(self._by_key) + 1, key=key, **fields)
        self._by_key[key] = citation
        return citation.number

    def cite_source(self, source: Any) -> int:
        """Number for one pack source (a Source model or dict with url/title/publisher/published)."""
        doc_id = field_of(source, "document_id")
        if doc_id is not None:
            return self.cite_document({"document_id": doc_id, "url": field_of(source, "url"),
                                       "title": field_of(source, "title"), "published": field_of(source, "published"),
                                       "outlet": field_of(source, "publisher"), "text": field_of(source, "quote", "note")})
        url = str(field_of(source, "url", default=""))
        return self._add(url or f"source:{len(self._by_key)}", kind="source", url=url or None,
                         title=field_of(source, "title"), publisher=field_of(source, "publisher"),
                         date=_text(field_of(source, "published")), note=field_of(source, "note"))

    def cite_sources(self, sources: Any, about: Any = None) -> list[int]:
        """Numbers for the sources of a fact, choosing those a reader on the as-of date could have seen.

        Sources published after the as-of date are left out (used only when nothing else
        exists). When `about` (the date the statement is about) is given and some sources are
        dated between it and the as-of date, only those are cited: undated sources on a
        fact's list may describe its later history.
        """
        items = list(sources or [])
        timely = [s for s in items if _day_known(field_of(s, "published"), self.as_of)]
        chosen = timely or items
        if about is not None:
            start = _first_day(about)
            supporting = [s for s in timely if field_of(s, "published") and start is not None
                          and _last_day(field_of(s, "published")) >= start]
            chosen = supporting or chosen
        return sorted({self.cite_source(s) for s in chosen})

    def cite_document(self, evidence: Any) -> int:
        """Number for an archive document, with the evidence span quoted (one entry per document and span)."""
        doc_id = field_of(evidence, "document_id", "id")
        quote = _squash(field_of(evidence, "text", "evidence_text", "quote"))
        key = f"document:{doc_id}:{quote[:80] if quote else ''}"
        return self._add(key, kind="document", document_id=doc_id, url=field_of(evidence, "url"),
                         title=field_of(evidence, "title", "document_title"),
                         publisher=field_of(evidence, "outlet", "publisher"),
                         date=_text(field_of(evidence, "published", "document_published")), quote=quote or None)


def _parts(value: Any) -> tuple[int, int | None, int | None] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value)) if value not in (None, "") else None
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _first_day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    p = _parts(value)
    return dt.date(p[0], p[1] or 1, p[2] or 1) if p else None


def _last_day(value: Any) -> dt.date:
    p = _parts(value)
    if not p:
        return dt.date.min
    year, month, day = p
    if day:
        return dt.date(year, month, day)
    if month:
        return (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return dt.date(year, 12, 31)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _squash(text: Any, limit: int = 300) -> str:
    if not text:
        return ""
    flat = re.sub(r"\s+", " ", str(text)).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"
