"""Page: indicators (vacancy, attention, salience, alignment) as charts from report.charts, with their tables."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from nkmonitor.errors import BadValue
from nkmonitor.web.app import ctx, render
from nkmonitor.web.pages.common import chart, memo, page_as_of

router = APIRouter()


@router.get("/indicators")
def indicators(request: Request, by: str = Query("year", pattern="^(year|quarter)$")):
    try:
        from nkmonitor.track.indicators import INDICATORS, compute_indicator
    except ImportError:
        return render(request, "indicators.html", {"title": "Indicators", "sections": None, "by": by})
    from nkmonitor.report.charts import indicator_svg, indicator_rows

    c = ctx(request)
    as_of = page_as_of(request)
    sections = []
    for name in INDICATORS:
        try:
            table = memo(request, "indicator", as_of,
                         lambda: compute_indicator(name, c.store, c.pack, by=by, as_of=as_of), name, by)
        except BadValue as err:  # e.g. alignment exists per year only
            sections.append({"name": name, "meta": {"label": name.replace("-", " "), "definition": INDICATORS[name].definition},
                             "rows": [], "svg": None, "note": err.message})
            continue
        _, rows, meta = indicator_rows(table)
        svg = chart(request, "indicator", as_of, lambda: indicator_svg(table), name, by)
        sections.append({"name": name, "meta": meta, "rows": rows, "svg": svg, "note": None})
    return render(request, "indicators.html", {"title": "Indicators", "sections": sections, "by": by})
