"""API: posts, instruments, UN votes, recommendations and indicators, each answerable `as_of` a date."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from nkmonitor.web.api.common import Page, as_of_param, jsonable, page
from nkmonitor.web.app import ctx
from nkmonitor.web.pages.common import memo

router = APIRouter(tags=["tracking"])


def _date(as_of: str | None):
    from nkmonitor.track.asof import as_of_date

    return as_of_date(as_of)


@router.get("/posts", summary="Post timelines (holders and vacancies): curated pack plus reviewed facts, with conflicts")
def posts(request: Request, as_of: str | None = Depends(as_of_param),
          post: str | None = Query(None, description="one post id, e.g. us_envoy_nkhr")) -> dict:
    from nkmonitor.track.fusion import fused_post_timelines

    c = ctx(request)
    rows = fused_post_timelines(c.pack, c.store, post=post, as_of=_date(as_of))
    return {"as_of": as_of, "items": jsonable(rows)}


@router.get("/instruments", summary="Laws and resolution series: status in force or lapsed, with events")
def instruments(request: Request, as_of: str | None = Depends(as_of_param)) -> dict:
    from nkmonitor.track.fusion import fused_instrument_status

    c = ctx(request)
    return {"as_of": as_of, "items": jsonable(fused_instrument_status(c.pack, c.store, as_of=_date(as_of)))}


@router.get("/un-votes", summary="UN resolution votes and co-sponsorship by year")
def un_votes(request: Request, as_of: str | None = Depends(as_of_param)) -> dict:
    from nkmonitor.track.fusion import fused_un_votes

    c = ctx(request)
    return {"as_of": as_of, "table": jsonable(fused_un_votes(c.pack, c.store, as_of=_date(as_of)))}


@router.get("/recommendations", summary="Tracked recommendations with status (implemented, partly, open) and evidence")
def recommendations(request: Request, p: Page = Depends(page), as_of: str | None = Depends(as_of_param),
                    addressee: str | None = Query(None, description="state id, e.g. dprk"),
                    status: str | None = Query(None, description="implemented, partly or open"),
                    action: str | None = Query(None, description="codebook action id, e.g. aid_monitoring"),
                    reviewed_only: bool = Query(False, description="count only mentions accepted in review")) -> dict:
    from nkmonitor.track.recommendations import tracked_recommendations

    c = ctx(request)
    rows = memo(request, "recommendations", as_of, lambda: tracked_recommendations(
        c.store, c.pack, addressee=addressee, status=status, action=action, as_of=_date(as_of),
        include_unreviewed=not reviewed_only), addressee, status, action, reviewed_only)
    return p.wrap(jsonable(rows[p.offset:p.offset + p.limit]), len(rows), as_of=as_of)


@router.get("/indicators", summary="The indicators and their definitions")
def indicators() -> dict:
    from nkmonitor.track.indicators import INDICATORS

    return {"items": [{"name": i.name, "definition": i.definition, "links": {"table": f"/api/indicators/{i.name}"}}
                      for i in INDICATORS.values()]}


@router.get("/indicators/{name}", summary="One indicator as a table by period")
def indicator(request: Request, name: str, as_of: str | None = Depends(as_of_param),
              by: str = Query("year", pattern="^(year|quarter)$", description="period: year or quarter (alignment: year only)")) -> dict:
    from nkmonitor.track.indicators import compute_indicator

    c = ctx(request)
    table = memo(request, "indicator", as_of, lambda: compute_indicator(name, c.store, c.pack, by=by, as_of=_date(as_of)),
                 name, by)
    return {"as_of": as_of, "table": jsonable(table)}
