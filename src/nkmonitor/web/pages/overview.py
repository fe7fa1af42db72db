"""Page: overview, the state of play as of a date (posts, laws, UN votes, recommendations, newest documents)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from nkmonitor.web import queries
from nkmonitor.web.app import ctx, render
from nkmonitor.web.pages.common import memo, page_as_of
from nkmonitor.web.pages.posts import post_states
from nkmonitor.web.pages.un_votes import principal_vote

router = APIRouter()


def open_recommendations(request, c, as_of: str | None, limit: int = 5):
    """(count, first few) of the recommendations still open, or None before that tracker exists."""
    try:
        from nkmonitor.track.recommendations import tracked_recommendations
    except ImportError:
        return None
    rows = memo(request, "recommendations", as_of,
                lambda: tracked_recommendations(c.store, c.pack, status="open", as_of=as_of), None, "open", None, False)
    return {"total": len(rows), "items": rows[:limit]}


@router.get("/")
def overview(request: Request):
    from nkmonitor.track.fusion import fused_instrument_status, fused_post_timelines, fused_un_votes

    c = ctx(request)
    as_of = page_as_of(request)
    timelines = [tl for tl in fused_post_timelines(c.pack, c.store, as_of=as_of) if tl.segments]
    laws = [st for st in fused_instrument_status(c.pack, c.store, as_of=as_of)
            if c.pack.get(st.instrument).instrument_type != "resolution_series"]
    votes = fused_un_votes(c.pack, c.store, as_of=as_of)
    latest = {}
    for row in votes.rows:  # the newest year of each resolution series
        if row.votes and (row.instrument not in latest or row.year > latest[row.instrument].year):
            latest[row.instrument] = row
    # Filtering by date cannot use the index (dates of mixed precision): cached per as_of instead.
    docs, total_docs = memo(request, "newest-documents", as_of,
                            lambda: queries.browse_documents(c.store, date_to=as_of[:10] if as_of else None, limit=6))
    waiting = queries.count_suggestions(c.store, status="suggested")
    return render(request, "overview.html", {
        "title": "Overview", "posts": post_states(timelines, as_of), "laws": laws,
        "votes": [{"r": r, "v": principal_vote(r.votes)} for r in sorted(latest.values(), key=lambda r: r.instrument)], "labels": c.pack.label,
        "recommendations": open_recommendations(request, c, as_of), "docs": docs, "total_docs": total_docs,
        "waiting": waiting})
