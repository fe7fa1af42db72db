"""Page: laws and mandates: each instrument's status (in force, expired, struck down) with events and sources."""

from __future__ import annotations

from fastapi import APIRouter, Request

from nkmonitor.web.app import ctx, render
from nkmonitor.web.pages.common import page_as_of

router = APIRouter()
JURISDICTIONS = {"un": "United Nations"}  # not a pack entity, only a jurisdiction code


def mandate_status(mandate, as_of: str | None):
    """The latest recorded status of a mandate on or before the answer date."""
    from nkmonitor.track.asof import as_of_date, known_by

    day = as_of_date(as_of)
    known = [h for h in mandate.history if known_by(h.date, day)]
    return known[-1] if known else None


@router.get("/laws")
def laws(request: Request):
    from nkmonitor.track.fusion import fused_instrument_status

    c = ctx(request)
    as_of = page_as_of(request)
    rows = []
    for st in fused_instrument_status(c.pack, c.store, as_of=as_of):
        entity = c.pack.get(st.instrument)
        mandates = [{"m": m, "now": mandate_status(m, as_of)} for m in c.pack.mandates_of(st.instrument)]
        rows.append({"st": st, "entity": entity, "mandates": mandates,
                     "jurisdiction": JURISDICTIONS.get(st.jurisdiction) or c.pack.label(st.jurisdiction) or ""})
    # Laws first (what the overview calls "in force or lapsed"), resolution series last.
    rows.sort(key=lambda r: (r["entity"].instrument_type == "resolution_series", r["st"].label))
    return render(request, "laws.html", {"title": "Laws and mandates", "rows": rows, "labels": c.pack.label})
