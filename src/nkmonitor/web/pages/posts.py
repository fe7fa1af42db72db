"""Page: posts timeline (Gantt chart with vacancies, from report.charts) and a table with sources."""

from __future__ import annotations

from fastapi import APIRouter, Request

from nkmonitor.web.app import ctx, render
from nkmonitor.web.format import duration
from nkmonitor.web.pages.common import chart, page_as_of

router = APIRouter()


def post_states(timelines, as_of: str | None) -> list[dict]:
    """Each post filled or vacant on the answer date, since when and for how long."""
    from nkmonitor.web.format import to_date
    import datetime as dt

    day = to_date(as_of) or dt.date.today()
    out = []
    for tl in timelines:
        seg = tl.holder_on(day) if tl.segments else None
        if seg is None and tl.segments and tl.segments[-1].end is None:
            seg = tl.segments[-1]
        state = "unknown" if seg is None else ("filled" if seg.kind == "held" else "vacant")
        tenure = None
        if seg is not None and seg.kind == "held":
            tenure = next((t for t in tl.tenures if t.person == seg.person), None)
        out.append({"tl": tl, "state": state, "seg": seg, "tenure": tenure,
                    "since": seg.start.isoformat() if seg else None,
                    "for": duration(seg.start, as_of) if seg else ""})
    return out


@router.get("/posts")
def posts(request: Request):
    from nkmonitor.report.charts import posts_gantt_svg
    from nkmonitor.track.fusion import fused_post_timelines
    from nkmonitor.web.format import to_date

    c = ctx(request)
    as_of = page_as_of(request)
    timelines = fused_post_timelines(c.pack, c.store, as_of=as_of)
    # Posts with no recorded holder would only add empty chart rows.
    shown = [tl for tl in timelines if tl.segments]
    svg = chart(request, "posts", as_of, lambda: posts_gantt_svg(shown, as_of=to_date(as_of)))
    return render(request, "posts.html", {"title": "Posts", "timelines": timelines, "svg": svg,
                                          "states": post_states(timelines, as_of)})
