"""Page: recommendations tracker with filters (addressee, status, action), status and evidence."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from nkmonitor.web.app import ctx, render
from nkmonitor.web.pages.common import memo, page_as_of

router = APIRouter()


@router.get("/recommendations")
def recommendations(request: Request, addressee: str | None = None, status: str | None = None,
                    action: str | None = None, reviewed: str | None = None,
                    limit: int = Query(25, ge=1, le=200), offset: int = Query(0, ge=0)):
    from nkmonitor.track.recommendations import STATUSES, tracked_recommendations

    c = ctx(request)
    as_of = page_as_of(request)
    addressee, status, action = addressee or None, status or None, action or None
    everything = memo(request, "recommendations", as_of, lambda: tracked_recommendations(c.store, c.pack, as_of=as_of))
    rows = memo(request, "recommendations", as_of, lambda: tracked_recommendations(
        c.store, c.pack, addressee=addressee, status=status, action=action, as_of=as_of,
        include_unreviewed=reviewed != "only"), addressee, status, action, reviewed == "only")
    counts = {s: sum(1 for r in everything if r.status == s) for s in STATUSES}
    addressees = sorted({r.addressee for r in everything}, key=lambda a: c.pack.label(a) or a)
    actions = sorted({(r.action, r.action_label) for r in everything}, key=lambda a: a[1])
    return render(request, "recommendations.html", {
        "title": "Recommendations", "rows": rows[offset:offset + limit],
        "page": {"total": len(rows), "limit": limit, "offset": offset}, "counts": counts, "statuses": STATUSES,
        "addressees": [(a, c.pack.label(a)) for a in addressees], "actions": actions, "labels": c.pack.label,
        "f": {"addressee": addressee or "", "status": status or "", "action": action or "", "reviewed": reviewed or ""}})
