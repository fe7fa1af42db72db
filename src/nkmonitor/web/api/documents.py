"""API: documents (list, get, text, their facts) and full-text search."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse

from nkmonitor.store.suggestions import list_suggestions
from nkmonitor.web import queries
from nkmonitor.web.highlight import MARK_END, MARK_START, safe_snippet
from nkmonitor.web.api.common import Page, jsonable, page
from nkmonitor.web.app import ctx
from nkmonitor.web.security import get_or_404

router = APIRouter(tags=["documents"])


@router.get("/documents", summary="Documents, newest first, without their text")
def documents(request: Request, p: Page = Depends(page),
              outlet: str | None = Query(None), language: str | None = Query(None),
              date_from: str | None = Query(None, alias="from", description="published on or after (YYYY[-MM[-DD]])"),
              date_to: str | None = Query(None, alias="to", description="published on or before")) -> dict:
    items, total = queries.browse_documents(ctx(request).store, outlet=outlet, language=language,
                                            date_from=date_from, date_to=date_to, limit=p.limit, offset=p.offset)
    return p.wrap(items, total)


@router.get("/documents/{doc_id}", summary="One document's metadata, sources and near-duplicates")
def document(request: Request, doc_id: int) -> dict:
    doc = get_or_404(ctx(request).store.get_document, doc_id)
    doc.pop("text", None)
    doc["links"] = {"text": f"/api/documents/{doc_id}/text", "facts": f"/api/documents/{doc_id}/facts",
                    "page": f"/documents/{doc_id}"}
    return doc


@router.get("/documents/{doc_id}/text", response_class=PlainTextResponse,
            summary="The document's plain text (evidence offsets point into it)")
def document_text(request: Request, doc_id: int) -> PlainTextResponse:
    doc = get_or_404(ctx(request).store.get_document, doc_id)
    return PlainTextResponse(doc["text"])


@router.get("/documents/{doc_id}/facts", summary="Suggestions extracted from one document, with evidence spans")
def document_facts(request: Request, doc_id: int, p: Page = Depends(page)) -> dict:
    store = ctx(request).store
    get_or_404(store.get_document, doc_id)  # 404 for an unknown id rather than an empty list
    items = list_suggestions(store, document_id=doc_id, limit=p.limit, offset=p.offset)
    total = queries.count_suggestions(store, document_id=doc_id)
    return p.wrap(jsonable(items), total)


@router.get("/search", summary="Ranked full-text search with highlighted snippets")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500,
                                             description='words, "phrases", prefix*, AND, OR, NOT'),
           p: Page = Depends(page), date_from: str | None = Query(None, alias="from"),
           date_to: str | None = Query(None, alias="to"), outlet: str | None = None,
           language: str | None = None) -> dict:
    # The store ranks and cuts at `limit`; one extra row tells whether there is a next page.
    hits = ctx(request).store.search(q, date_from=date_from, date_to=date_to, outlet=outlet, language=language,
                                     limit=p.offset + p.limit + 1, mark=(MARK_START, MARK_END))
    window = [h.to_json() | {"snippet": safe_snippet(h.snippet)} for h in hits[p.offset:p.offset + p.limit]]
    # `snippet` is HTML: document text escaped, matches in <mark>; `total` is not counted.
    return p.wrap(window, None, has_more=len(hits) > p.offset + p.limit, query=q)
