"""API: suggestions (facts and recommendations read by extraction), review decisions and the audit log."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from nkmonitor.store.suggestions import get_suggestion, list_suggestions
from nkmonitor.web import queries
from nkmonitor.web.api.common import Page, as_of_param, jsonable, page
from nkmonitor.web.app import check_csrf, ctx, require_editor

router = APIRouter(tags=["facts and review"])


@router.get("/suggestions", summary="Suggestions with filters (status 'suggested' is the review queue)")
def suggestions(request: Request, p: Page = Depends(page),
                kind: Literal["fact", "recommendation"] | None = None, type: str | None = None,
                document_id: int | None = None,
                status: Literal["suggested", "accepted", "rejected", "edited"] | None = None,
                min_confidence: float | None = Query(None, ge=0, le=1)) -> dict:
    store = ctx(request).store
    filters = dict(kind=kind, type=type, document_id=document_id, status=status, min_confidence=min_confidence)
    items = list_suggestions(store, limit=p.limit, offset=p.offset, **filters)
    return p.wrap(jsonable(items), queries.count_suggestions(store, **filters))


@router.get("/suggestions/{suggestion_id}", summary="One suggestion with its provenance")
def suggestion(request: Request, suggestion_id: int) -> dict:
    s = get_suggestion(ctx(request).store, suggestion_id)
    out = jsonable(s)
    out["links"] = {"document": f"/documents/{s.document_id}#fact-{s.id}"}
    return out


@router.get("/facts", summary="Reviewed facts (accepted or edited), identical ones merged, with all evidence")
def facts(request: Request, p: Page = Depends(page), type: str | None = None,
          as_of: str | None = Depends(as_of_param)) -> dict:
    from nkmonitor.store.suggestions import accepted_facts
    from nkmonitor.track.asof import as_of_date

    rows = accepted_facts(ctx(request).store, as_of=as_of_date(as_of), types=[type] if type else None)
    return p.wrap(jsonable(rows[p.offset:p.offset + p.limit]), len(rows), as_of=as_of)


class Decision(BaseModel):
    decision: Literal["accept", "reject", "edit"]
    reason: str | None = Field(None, max_length=2000)
    changes: dict[str, Any] | None = Field(None, description="for 'edit': the fields to change in the payload")


@router.post("/suggestions/{suggestion_id}/decision", dependencies=[Depends(check_csrf)],
             summary="Accept, reject or edit a suggestion (editor; X-CSRF-Token header)")
def decide_suggestion(request: Request, suggestion_id: int, body: Decision, user=Depends(require_editor)) -> dict:
    from nkmonitor.track.review import decide

    c = ctx(request)
    result = decide(c.store, suggestion_id, body.decision, actor=user.username,
                    reason=body.reason, changes=body.changes, pack=c.pack)
    return {"result": jsonable(result), "suggestion": jsonable(get_suggestion(ctx(request).store, suggestion_id))}


@router.post("/review/log/{log_id}/undo", dependencies=[Depends(check_csrf)],
             summary="Undo a review decision (editor; X-CSRF-Token header)")
def undo_decision(request: Request, log_id: int, user=Depends(require_editor)) -> dict:
    from nkmonitor.track.review import undo

    c = ctx(request)
    return {"result": jsonable(undo(c.store, log_id, actor=user.username, pack=c.pack))}


@router.get("/review/log", summary="The append-only audit log of review decisions, newest first")
def review_log(request: Request, p: Page = Depends(page), suggestion_id: int | None = None) -> dict:
    from nkmonitor.track.review import audit_log

    rows = audit_log(ctx(request).store, suggestion_id=suggestion_id, limit=p.limit, offset=p.offset)
    return p.wrap(jsonable(rows), None)
