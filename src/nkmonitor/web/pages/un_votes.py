"""Page: UN resolution votes and co-sponsorship by year (table and chart from report.charts)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from nkmonitor.web.app import ctx, render
from nkmonitor.web.pages.common import chart, page_as_of

router = APIRouter()

SERIES = (("unga_dprk_hr_resolution", "UN General Assembly"), ("unhrc_dprk_hr_resolution", "UN Human Rights Council"))
STATES = ("us", "rok", "japan", "eu")


BODY_LABELS = {"un_ga": "Plenary", "un_ga_third_committee": "Third Committee", "un_hrc": "Council"}


def principal_vote(votes: list[dict]) -> dict | None:
    """The year's headline vote: the plenary (or council) with counts, else the committee's, else any."""
    def rank(v: dict) -> tuple:
        return (v.get("yes") is None and v.get("method") != "consensus", v.get("body") == "un_ga_third_committee")

    return min(votes, key=rank) if votes else None


def chart_table(table, instrument: str) -> dict:
    """The fused table of one resolution series in the shape the chart takes (votes, positions)."""
    votes, positions = [], []
    for row in table.rows:
        if row.instrument != instrument:
            continue
        v = principal_vote(row.votes)  # one bar per year: plenary and committee counts would stack
        if v is not None:
            votes.append({"year": row.year, "body": v.get("body"), "method": v.get("method"), "yes": v.get("yes"),
                          "no": v.get("no"), "abstain": v.get("abstain")})
        for state, dims in row.positions.items():
            got = dims.get("cosponsorship") or dims.get("vote")
            if got:
                positions.append({"state": state, "year": row.year, "position": got["position"]})
    return {"votes": votes, "positions": positions}


@router.get("/un-votes")
def un_votes(request: Request):
    from nkmonitor.report.charts import un_votes_svg
    from nkmonitor.track.fusion import fused_un_votes

    c = ctx(request)
    as_of = page_as_of(request)
    table = fused_un_votes(c.pack, c.store, as_of=as_of)
    sections = []
    for inst, body in SERIES:
        rows = sorted((r for r in table.rows if r.instrument == inst), key=lambda r: r.year, reverse=True)
        if not rows:
            continue
        svg = chart(request, "un_votes", as_of, lambda: un_votes_svg(chart_table(table, inst), body_label=body), inst)
        sections.append({"instrument": inst, "body": body, "svg": svg,
                         "rows": [{"r": r, "main": principal_vote(r.votes)} for r in rows]})
    states = [(s, c.pack.label(s)) for s in STATES]
    return render(request, "un_votes.html", {"title": "UN votes", "sections": sections, "states": states,
                                             "conflicts": table.conflicts,
                                             "body_labels": BODY_LABELS})
