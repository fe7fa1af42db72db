"""Page: posts timeline (Gantt chart with vacancies, from report.charts) and a table with sources."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request

from nkmonitor.web.app import ctx, render
from nkmonitor.web.format import duration, to_date
from nkmonitor.web.pages.common import chart, page_as_of

router = APIRouter()


def post_states(timelines, as_of: str | None) -> list[dict]:
    """Each post filled or vacant on the answer date, since when (as precise as known) and for how long."""
    day = to_date(as_of) or dt.date.today()
    out = []
    for tl in timelines:
        seg = tl.holder_on(day) if tl.segments else None
        if seg is None and tl.segments and tl.segments[-1].open:
            seg = tl.segments[-1]
        state = "no record" if seg is None else ("filled" if seg.kind == "holder" else "vacant")
        tenure = None
        if seg is not None and seg.kind == "holder":
            tenure = tl.tenure_of(seg)
        elif seg is not None:
            # A vacancy is sourced by the end of the tenure before it (who left, and when).
            start = to_date(seg.start)
            ended = [t for t in tl.tenures if t.end and to_date(t.end) and start and to_date(t.end) <= start]
            tenure = max(ended, key=lambda t: to_date(t.end), default=None)
        out.append({"tl": tl, "state": state, "seg": seg, "tenure": tenure,
                    "since": seg.start if seg else None,
                    "for": duration(seg.start, as_of) if seg else ""})
    return out


def history(tl) -> list[dict]:
    """Tenures and vacancies of one post in date order (vacancies sit between the tenures)."""
    rows = [{"kind": "held", "t": t, "start": t.start, "end": t.end, "key": to_date(t.start)} for t in tl.tenures]
    rows += [{"kind": "vacant", "start": s.start, "end": s.end, "key": to_date(s.start)}
             for s in tl.segments if s.kind == "vacancy"]
    return sorted(rows, key=lambda r: r["key"] or dt.date.min)


@router.get("/posts")
def posts(request: Request):
    from nkmonitor.report.charts import posts_gantt_svg
    from nkmonitor.track.fusion import fused_post_timelines

    c = ctx(request)
    as_of = page_as_of(request)
    timelines = fused_post_timelines(c.pack, c.store, as_of=as_of)
    # Posts with no recorded holder would only add empty chart rows.
    shown = [tl for tl in timelines if tl.segments]
    svg = chart(request, "posts", as_of, lambda: posts_gantt_svg(shown, as_of=to_date(as_of)))
    return render(request, "posts.html", {"title": "Posts", "timelines": timelines, "svg": svg,
                                          "states": post_states(timelines, as_of),
                                          "history": {tl.post: history(tl) for tl in timelines}})
