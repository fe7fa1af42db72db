"""Pages: document search and list, and the reader with each extracted fact's evidence highlighted."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from nkmonitor.errors import QueryError
from nkmonitor.store.suggestions import list_suggestions
from nkmonitor.web import queries
from nkmonitor.web.app import ctx, render
from nkmonitor.web.security import get_or_404
from nkmonitor.web.format import describe
from nkmonitor.web.highlight import MARK_END, MARK_START, safe_snippet, segments

router = APIRouter()


@router.get("/documents")
def documents(request: Request, q: str | None = Query(None, max_length=500),
              date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
              outlet: str | None = None, language: str | None = None,
              limit: int = Query(25, ge=1, le=200), offset: int = Query(0, ge=0)):
    store = ctx(request).store
    q = (q or "").strip()
    date_from, date_to = date_from or None, date_to or None
    outlet, language = outlet or None, language or None
    context = {"title": "Documents", "q": q, "date_from": date_from or "", "date_to": date_to or "",
               "outlet": outlet or "", "language": language or "", "hits": None, "docs": None, "error": None}
    if q:
        try:
            hits = store.search(q, date_from=date_from, date_to=date_to, outlet=outlet, language=language,
                                limit=offset + limit + 1, mark=(MARK_START, MARK_END))
        except QueryError as err:
            context["error"] = str(err)
            return render(request, "documents.html", context, status_code=400)
        context["hits"] = [{"hit": h, "snippet": safe_snippet(h.snippet)} for h in hits[offset:offset + limit]]
        context["has_more"] = len(hits) > offset + limit
    else:
        docs, total = queries.browse_documents(store, outlet=outlet, language=language, date_from=date_from,
                                               date_to=date_to, limit=limit, offset=offset)
        context["docs"] = docs
        context["page"] = {"total": total, "limit": limit, "offset": offset}
    context["limit"], context["offset"] = limit, offset
    return render(request, "documents.html", context)


@router.get("/documents/{doc_id}")
def reader(request: Request, doc_id: int):
    c = ctx(request)
    doc = get_or_404(c.store.get_document, doc_id)
    facts = list_suggestions(c.store, document_id=doc_id, limit=1000)
    spans = [(f.id, f.span_start, f.span_end) for f in facts]
    return render(request, "document.html", {
        "title": doc.get("title") or f"Document {doc_id}", "doc": doc,
        "facts": [{"s": f, "fields": describe(f.payload, c.pack)} for f in facts],
        "segments": segments(doc["text"], spans)})
