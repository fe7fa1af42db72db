"""Pages: the review queue for editors (accept, reject, edit; j/k/a/r/e keys) and the audit log."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from nkmonitor.errors import ReviewRefused
from nkmonitor.store.suggestions import get_suggestion, list_suggestions
from nkmonitor.web import queries
from nkmonitor.web.app import check_csrf, ctx, render, require_editor
from nkmonitor.web.format import describe
from nkmonitor.web.pages.common import memo

router = APIRouter()


def _queue_url(type: str | None, min_confidence: float | None, **extra) -> str:
    params = {k: v for k, v in {"type": type, "min_confidence": min_confidence, **extra}.items() if v not in (None, "")}
    return "/review" + ("?" + urlencode(params) if params else "")


@router.get("/review")
def queue(request: Request, user=Depends(require_editor), type: str | None = None,
          min_confidence: float | None = Query(None, ge=0, le=1), limit: int = Query(25, ge=1, le=200),
          offset: int = Query(0, ge=0), done: str | None = None, focus: int | None = None,
          error: str | None = None):
    c = ctx(request)
    type = type or None
    # The queue changes only with a decision or an analysis, which change the data version.
    items, total = memo(request, "queue", None, lambda: (
        list_suggestions(c.store, status="suggested", type=type, min_confidence=min_confidence,
                         limit=limit, offset=offset),
        queries.count_suggestions(c.store, status="suggested", type=type, min_confidence=min_confidence)),
        type, min_confidence, limit, offset)
    from nkmonitor.track.review import audit_log

    return render(request, "review.html", {
        "title": "Review queue", "items": [{"s": s, "fields": describe(s.payload, c.pack)} for s in items],
        "page": {"total": total, "limit": limit, "offset": offset}, "type": type or "",
        "min_confidence": "" if min_confidence is None else min_confidence,
        "types": queries.suggestion_types(c.store), "done": done, "error": error, "focus": focus,
        "log": audit_log(c.store, limit=10), "back": _queue_url(type, min_confidence)})


@router.post("/review/{suggestion_id}", dependencies=[Depends(check_csrf)])
async def decide_form(request: Request, suggestion_id: int, user=Depends(require_editor)):
    from nkmonitor.track.review import decide

    form = await request.form()
    decision = form.get("decision")
    back_type, back_mc = form.get("type") or None, form.get("min_confidence") or None
    changes = None
    if decision == "edit":
        original = get_suggestion(ctx(request).store, suggestion_id).payload
        changes = _changes(original, form)
    c = ctx(request)
    try:
        if decision not in ("accept", "reject", "edit"):
            raise ReviewRefused("unknown decision; use accept, reject or edit", subject=str(decision))
        decide(c.store, suggestion_id, decision, actor=user.username, reason=form.get("reason") or None,
               changes=changes, pack=c.pack)
    except ReviewRefused as err:
        if decision == "edit":
            return RedirectResponse(f"/review/{suggestion_id}/edit?{urlencode({'error': str(err)})}", status_code=303)
        return RedirectResponse(_queue_url(back_type, back_mc, error=str(err), focus=suggestion_id), status_code=303)
    verb = {"accept": "Accepted", "reject": "Rejected", "edit": "Edited and accepted"}[decision]
    return RedirectResponse(_queue_url(back_type, back_mc, done=f"{verb} suggestion {suggestion_id}."), status_code=303)


def _changes(original: dict, form) -> dict:
    """Fields the editor changed, typed like the original (numbers stay numbers)."""
    out = {}
    for key, old in original.items():
        name = f"field_{key}"
        if name not in form or isinstance(old, (dict, list)):
            continue
        raw = str(form.get(name)).strip()
        if raw == ("" if old is None else str(old)):
            continue
        if raw == "":
            out[key] = None
        elif isinstance(old, bool):
            out[key] = raw.lower() in ("1", "true", "yes")
        elif isinstance(old, int):
            try:
                out[key] = int(raw)
            except ValueError:
                out[key] = raw
        elif isinstance(old, float):
            try:
                out[key] = float(raw)
            except ValueError:
                out[key] = raw
        else:
            out[key] = raw
    return out


@router.get("/review/{suggestion_id}/edit")
def edit_form(request: Request, suggestion_id: int, user=Depends(require_editor), error: str | None = None):
    c = ctx(request)
    s = get_suggestion(c.store, suggestion_id)
    fields = [(k, v) for k, v in s.payload.items() if not isinstance(v, (dict, list))]
    return render(request, "review_edit.html", {"title": f"Edit suggestion {s.id}", "s": s, "fields": fields,
                                                "error": error, "summary": describe(s.payload, c.pack)})


@router.post("/review/log/{log_id}/undo", dependencies=[Depends(check_csrf)])
def undo_form(request: Request, log_id: int, user=Depends(require_editor)):
    from nkmonitor.track.review import undo

    c = ctx(request)
    try:
        undo(c.store, log_id, actor=user.username, pack=c.pack)
    except ReviewRefused as err:
        return RedirectResponse(_queue_url(None, None, error=str(err)), status_code=303)
    return RedirectResponse(_queue_url(None, None, done=f"Undid decision {log_id}."), status_code=303)
