"""Server-side SVG charts (Altair + vl-convert) shared by the web pages and the briefings."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

import altair as alt
import vl_convert as vlc


__all__ = ["posts_gantt_svg", "un_votes_svg", "indicator_svg", "OKABE_ITO"]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies; every mark also
# carries a text label, shape or dash so that colour is never the only carrier of meaning.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]]
# A colour no other mark uses: vacancy bars are drawn in it, then repainted with a hatch
# pattern after rendering (Vega-Lite has no pattern fills).
_VACANCY_SENTINEL = "#a1a1a2"
_HATCH_ID = "nk-hatch-vacant"
_FONT = "DejaVu Sans, Verdana, sans-serif"

STATE_LABELS = {"us": "United States", "rok": "South Korea", "japan": "Japan", "eu": "European Union"}
POSITION_LABELS = {
    "cosponsored": "co-sponsored",
    "not_cosponsored": "did not co-sponsor",
    "voted_yes": "voted yes",
    "joined_consensus": "joined consensus",
    "abstained": "abstained",
    "voted_no": "voted no",
    "absent": "absent",
}
_COSPONSORSHIP = ("cosponsored", "not_cosponsored")
_POSITION_STYLE = {  # label -> (colour, shape)
    "co-sponsored": ("#0072B2", "circle"),
    "did not co-sponsor": ("#D55E00", "cross"),
    "voted yes": ("#56B4E9", "triangle-up"),
    "joined consensus": ("#009E73", "diamond"),
    "abstained": ("#E69F00", "square"),
    "voted no": ("#000000", "triangle-down"),
    "absent": ("#999999", "stroke"),
}


# ------------------------------------------------------------------ plumbing

def field_of(obj: Any, *names: str, default: Any = None) -> Any:
    """First present, non-None attribute or key among `names` (records may be dicts or models)."""
    for name in names:
        value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def to_day(value: Any, *, end: bool = False) -> str | None:
    """ISO day for a date, datetime or EDTF string; a month or year counts from its first (or last) day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value).strip())
    if not m:
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return dt.date(year, int(month), int(day)).isoformat()
    if month:
        last = calendar.monthrange(year, int(month))[1]
        return dt.date(year, int(month), last if end else 1).isoformat()
    return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat()


def wrap_label(text: str, width: int = 26) -> str:
    """Break a long axis label into lines (split again by the axis labelExpr)."""
    return "\n".join(textwrap.wrap(str(text), width=width)) or str(text)


def render_svg(chart: alt.TopLevelMixin, *, title: str, description: str) -> str:
    """Render a chart to a self-contained SVG with a <title>, a <desc> and an aria-label."""
    spec = chart.to_dict()
    spec.setdefault("config", {})
    svg = vlc.vegalite_to_svg(spec)
    return _finish_svg(svg, title=title, description=description)


def _finish_svg(svg: str, *, title: str, description: str) -> str:
    # The root element gets role/aria and the accessible name; <title>/<desc> come first
    # so that screen readers and PDF tagging find them.
    title_x, desc_x = escape(title), escape(description)
    attrs = f' role="img" aria-label="{escape(title, {chr(34): "&quot;"})}"'
    svg = re.sub(r"^<svg\b", "<svg" + attrs, svg, count=1)
    head_end = svg.index(">") + 1
    defs = ""
    if _VACANCY_SENTINEL in svg:
        defs = (
            f'<defs><pattern id="{_HATCH_ID}" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="#777777" stroke-width="2"/></pattern></defs>'
        )
        svg = svg.replace(f'fill="{_VACANCY_SENTINEL}"', f'fill="url(#{_HATCH_ID})"')
    svg = svg[:head_end] + f"<title>{title_x}</title><desc>{desc_x}</desc>" + defs + svg[head_end:]
    # vl-convert writes a generic font family; name the fonts the PDF and pages ship with.
    return svg.replace('font-family="sans-serif"', f'font-family="{_FONT}"')


def _empty_svg(title: str, message: str) -> str:
    """A small chart-sized SVG that says there is no data (pages keep their layout)."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" '
        f'width="480" height="60" viewBox="0 0 480 60"><title>{escape(title)}</title><desc>{escape(message)}</desc>'
        f'<rect width="480" height="60" fill="white" stroke="#cccccc"/>'
        f'<text x="12" y="35" font-family="{_FONT}" font-size="13" fill="#333333">{escape(message)}</text></svg>'
    )


def _base_config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return chart.configure(font=_FONT).configure_view(stroke=None).configure_title(fontSize=14, anchor="start")


# ------------------------------------------------------------------ posts (Gantt)

def gantt_rows(timelines: Any, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Flatten post timelines into bar rows: post label, kind (holder/vacancy), name, start, end.

    Accepts a mapping post id -> timeline, or a list of timelines; a timeline has `post`,
    optionally `label`/`post_label`, and `segments` (each with `kind` or `vacant`, a
    person name, `start`, `end`). Open segments run to `as_of` (or today).
    """
    if isinstance(timelines, Mapping):
        items = [(key, value) for key, value in timelines.items()]
    else:
        items = [(None, value) for value in (timelines or [])]
    horizon = (as_of or dt.date.today()).isoformat()
    rows: list[dict[str, Any]] = []
    for order, (key, timeline) in enumerate(items):
        post_id = field_of(timeline, "post", "post_id", "id", default=key) if not isinstance(timeline, list) else key
        label = field_of(timeline, "post_label", "label", "name", default=post_id) if not isinstance(timeline, list) else key
        segments = timeline if isinstance(timeline, list) else field_of(timeline, "segments", default=[])
        for seg in segments:
            kind = str(field_of(seg, "kind", "type", default="holder"))
            vacant = bool(field_of(seg, "vacant", default=False)) or kind.startswith("vacan")
            start = to_day(field_of(seg, "start", "since", "begin"))
            if start is None:
                continue
            end = to_day(field_of(seg, "end", "until"), end=False) or horizon
            if as_of is not None:
                if start > as_of.isoformat():
                    continue
                end = min(end, as_of.isoformat())
            name = "vacant" if vacant else str(
                field_of(seg, "person_label", "person_name", "holder_label", "holder", "name", "person", default="holder")
            )
            rows.append({
                "post": wrap_label(label),
                "order": order,
                "kind": "vacant" if vacant else "holder",
                "name": name,
                "start": start,
                "end": end,
                "period": f"{start} to {end}",
            })
    _anchor_labels(rows)
    return rows


def _anchor_labels(rows: list[dict[str, Any]]) -> None:
    """Names of segments that start late in the time range are right-aligned to their bar's end,
    so they stay inside the chart instead of running off its right edge."""
    if not rows:
        return
    lo = dt.date.fromisoformat(min(r["start"] for r in rows))
    hi = dt.date.fromisoformat(max(r["end"] for r in rows))
    cutoff = lo + (hi - lo) * 0.85
    for r in rows:
        r["anchor"] = "end" if dt.date.fromisoformat(r["start"]) > cutoff else "start"


def posts_gantt_svg(timelines: Any, as_of: dt.date | None = None, *, title: str | None = None) -> str:
    """Gantt chart of post holders and vacancies, one row per post, with a rule at `as_of`."""
    title = title or (f"Post holders and vacancies as of {as_of.isoformat()}" if as_of else "Post holders and vacancies")
    rows = gantt_rows(timelines, as_of)
    if not rows:
        return _empty_svg(title, "No post data")
    posts = sorted({(r["order"], r["post"]) for r in rows})
    domain = [p for _, p in posts]
    data = alt.Data(values=rows)
    x_scale = alt.Scale(type="utc", nice=False)
    y = alt.Y("post:N", sort=domain, title=None,
              axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelFontSize=11, labelLimit=240,
                            labelPadding=8, ticks=False, domain=False))
    bars = alt.Chart(data).mark_bar(height=16, stroke="#333333", strokeWidth=0.6).encode(
        y=y,
        x=alt.X("start:T", scale=x_scale, title=None, axis=alt.Axis(format="%Y", labelFontSize=10, tickCount=12)),
        x2="end:T",
        color=alt.Color("kind:N", scale=alt.Scale(domain=["holder", "vacant"], range=["#0072B2", _VACANCY_SENTINEL]),
                        legend=alt.Legend(title=None, orient="bottom", labelExpr="datum.label == 'vacant' ? 'vacant (hatched)' : 'holder'")),
        tooltip=["name:N", "period:N"],
    )
    # Holder names above the bar, "vacant" below it: adjacent short segments then never collide.
    layers = [bars]
    for kind, anchor in (("holder", "start"), ("holder", "end"), ("vacant", "start"), ("vacant", "end")):
        style = dict(baseline="bottom", dy=-9, fontSize=10, color="#111111") if kind == "holder" else \
            dict(baseline="top", dy=9, fontSize=9, fontStyle="italic", color="#444444")
        layers.append(alt.Chart(data).transform_filter(f"datum.kind == '{kind}' && datum.anchor == '{anchor}'").mark_text(
            align="left" if anchor == "start" else "right", dx=1 if anchor == "start" else -1, **style).encode(
            y=alt.Y("post:N", sort=domain), x=alt.X(f"{anchor}:T", scale=x_scale), text="name:N"))
    if as_of is not None:
        mark = alt.Data(values=[{"date": as_of.isoformat(), "label": f"as of {as_of.isoformat()}"}])
        layers.append(alt.Chart(mark).mark_rule(color="#D55E00", strokeDash=[4, 3], strokeWidth=1.5).encode(
            x=alt.X("date:T", scale=x_scale)))
        layers.append(alt.Chart(mark).mark_text(align="right", baseline="top", dx=-3, dy=-14, fontSize=10,
                                                color="#D55E00").encode(
            x=alt.X("date:T", scale=x_scale), y=alt.value(0), text="label:N"))
    chart = alt.layer(*layers).properties(width=560, height=alt.Step(58), title=title)
    holders = sorted({r["name"] for r in rows if r["kind"] == "holder"})
    vacancies = sum(1 for r in rows if r["kind"] == "vacant")
    desc = (f"{len(domain)} posts; holders: {', '.join(holders) or 'none'}; "
            f"{vacancies} vacant period(s) shown as hatched bars labelled 'vacant'.")
    return render_svg(_base_config(chart), title=title, description=desc)


# ------------------------------------------------------------------ UN votes and co-sponsorship

def vote_rows(table: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split a UN-vote table into per-year vote rows and per-state position rows.

    Accepts a list of rows or an object/dict with `votes`/`rows` and `positions`. A vote row
    has `year`, `method` (recorded_vote/consensus), `yes`/`no`/`abstain`, optionally `body`;
    a position row has `state`, `year`, `position`. A vote row may also carry `positions`
    as a mapping state -> position.
    """
    if isinstance(table, Mapping) or not isinstance(table, (list, tuple)):
        votes_in = field_of(table, "votes", "rows", default=[]) or []
        positions_in = list(field_of(table, "positions", "state_positions", default=[]) or [])
    else:
        votes_in, positions_in = list(table), []
    votes: list[dict[str, Any]] = []
    positions: list[dict[str, Any]] = []
    for row in votes_in:
        if field_of(row, "state") is not None and field_of(row, "position") is not None:
            positions_in.append(row)
            continue
        year = field_of(row, "year")
        if year is None:
            continue
        method = field_of(row, "method", default="recorded_vote" if field_of(row, "yes") is not None else None)
        votes.append({
            "year": int(year),
            "body": str(field_of(row, "body", default="un_ga")),
            "method": method,
            "yes": field_of(row, "yes"),
            "no": field_of(row, "no"),
            "abstain": field_of(row, "abstain"),
        })
        for state, position in (field_of(row, "positions", default={}) or {}).items():
            positions_in.append({"state": state, "year": year, "position": position})
    chosen: dict[tuple[str, int], str] = {}
    for row in positions_in:
        state, position, year = field_of(row, "state"), field_of(row, "position"), field_of(row, "year")
        if state is None or position is None or year is None:
            continue
        key = (str(state), int(year))
        # One mark per state and year: co-sponsorship is what the strip shows; a vote
        # position (abstained, joined consensus) only where co-sponsorship is not recorded.
        if key not in chosen or (position in _COSPONSORSHIP and chosen[key] not in _COSPONSORSHIP):
            chosen[key] = str(position)
    positions = [{"state": k[0], "year": k[1], "position": v} for k, v in sorted(chosen.items())]
    return votes, positions


def un_votes_svg(table: Any, *, states: Iterable[str] = ("us", "rok", "japan", "eu"),
                 body_label: str = "UN General Assembly", title: str | None = None) -> str:
    """Recorded votes (yes/no/abstain) by year with consensus years marked, and a co-sponsorship strip per state."""
    title = title or f"{body_label} resolutions on human rights in the DPRK"
    votes, positions = vote_rows(table)
    if not votes and not positions:
        return _empty_svg(title, "No UN vote data")
    years = sorted({v["year"] for v in votes} | {p["year"] for p in positions})
    x = alt.X("year:O", title=None, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=-90, labelFontSize=10))
    panels = []
    recorded = [v for v in votes if v["method"] != "consensus" and v["yes"] is not None]
    stacked = []
    for v in recorded:
        for choice, key in (("yes", "yes"), ("no", "no"), ("abstain", "abstain")):
            if v[key] is not None:
                stacked.append({"year": v["year"], "choice": choice, "count": v[key],
                                "order": ["yes", "no", "abstain"].index(choice)})
    labels = [{"year": v["year"], "total": sum(v[k] or 0 for k in ("yes", "no", "abstain")),
               "text": f"{v['yes']}-{v['no'] if v['no'] is not None else '?'}-{v['abstain'] if v['abstain'] is not None else '?'}"}
              for v in recorded]
    consensus = [{"year": v["year"], "text": "consensus"} for v in votes if v["method"] == "consensus"]
    # A recorded vote whose counts no source gave is marked, not drawn as an empty year.
    consensus += [{"year": v["year"], "text": "vote, counts n/a"} for v in votes
                  if v["method"] != "consensus" and v["yes"] is None]
    top = max([lab["total"] for lab in labels] or [100])
    y_scale = alt.Scale(domain=[0, top * 1.35])
    layers = []
    if stacked:
        layers.append(alt.Chart(alt.Data(values=stacked)).mark_bar(stroke="white", strokeWidth=0.5).encode(
            x=x, y=alt.Y("count:Q", stack="zero", scale=y_scale, title="states"),
            color=alt.Color("choice:N", scale=alt.Scale(domain=["yes", "no", "abstain"], range=["#0072B2", "#D55E00", "#E69F00"]),
                            legend=alt.Legend(title="Recorded vote", orient="right")),
            order=alt.Order("order:Q"),
            tooltip=["year:O", "choice:N", "count:Q"]))
        layers.append(alt.Chart(alt.Data(values=labels)).mark_text(angle=270, align="left", baseline="middle", dx=3, fontSize=9).encode(
            x=x, y=alt.Y("total:Q", scale=y_scale), text="text:N"))
    if consensus:
        layers.append(alt.Chart(alt.Data(values=consensus)).mark_text(angle=270, align="left", baseline="middle", fontSize=9,
                                                                      fontStyle="italic").encode(
            x=x, y=alt.value(165), text="text:N",
            color=alt.condition("datum.text == 'consensus'", alt.value("#009E73"), alt.value("#555555"))))
    if layers:
        panels.append(alt.layer(*layers).properties(width=alt.Step(24), height=170,
                                                    title=alt.TitleParams("Votes: yes-no-abstain (consensus years marked)", fontSize=12)))
    wanted = [s for s in states]
    strip = [dict(p, state_label=STATE_LABELS.get(p["state"], p["state"]),
                  position_label=POSITION_LABELS.get(p["position"], p["position"])) for p in positions if p["state"] in wanted]
    if strip:
        used = [label for label in _POSITION_STYLE if any(p["position_label"] == label for p in strip)]
        state_order = [STATE_LABELS.get(s, s) for s in wanted if any(p["state"] == s for p in strip)]
        panels.append(alt.Chart(alt.Data(values=strip)).mark_point(size=70, filled=True, opacity=1).encode(
            x=x,
            y=alt.Y("state_label:N", sort=state_order, title=None, axis=alt.Axis(labelFontSize=11)),
            color=alt.Color("position_label:N", scale=alt.Scale(domain=used, range=[_POSITION_STYLE[u][0] for u in used]),
                            legend=alt.Legend(title="Position", orient="right")),
            shape=alt.Shape("position_label:N", scale=alt.Scale(domain=used, range=[_POSITION_STYLE[u][1] for u in used])),
            tooltip=["state_label:N", "year:O", "position_label:N"],
        ).properties(width=alt.Step(24), height=alt.Step(22),
                     title=alt.TitleParams("Co-sponsorship and positions by state", fontSize=12)))
    chart = alt.vconcat(*panels, spacing=18).resolve_scale(color="independent", shape="independent").properties(title=title)
    desc_parts = []
    if recorded:
        desc_parts.append("recorded votes: " + "; ".join(f"{lab['year']} {lab['text']}" for lab in labels))
    if any(c["text"] == "consensus" for c in consensus):
        desc_parts.append("adopted by consensus in " + ", ".join(str(c["year"]) for c in consensus if c["text"] == "consensus"))
    if strip:
        desc_parts.append(f"positions of {', '.join(state_order)} for {len(strip)} state-years")
    return render_svg(_base_config(chart), title=title, description="; ".join(desc_parts) + ".")


# ------------------------------------------------------------------ indicators

_PERIOD_FIELDS = ("year", "period", "date", "month")
_SERIES_FIELDS = ("series", "post", "issue", "actor", "state", "key", "group", "label")
_VALUE_FIELDS = ("value", "share", "score", "count")


def indicator_rows(table: Any) -> tuple[str, list[dict[str, Any]], dict[str, str]]:
    """Normalize an indicator table into (name, rows of period/series/value, metadata)."""
    name = str(field_of(table, "name", "indicator", default="indicator"))
    meta = {
        "label": str(field_of(table, "label", "title", default=name.replace("_", " "))),
        "definition": str(field_of(table, "definition", "description", default="")),
        "unit": str(field_of(table, "unit", default="")),
    }
    raw = field_of(table, "rows", "values", "data", default=None)
    if raw is None and isinstance(table, (list, tuple)):
        raw = table
    rows = []
    for row in raw or []:
        period = field_of(row, *_PERIOD_FIELDS)
        value = field_of(row, *_VALUE_FIELDS)
        if period is None or value is None:
            continue
        series = field_of(row, *_SERIES_FIELDS, default=meta["label"])
        series_label = field_of(row, "series_label", "post_label", "issue_label", "actor_label", default=series)
        rows.append({"period": str(period), "series": str(series_label), "value": float(value)})
    return name, rows, meta


def indicator_svg(table: Any, *, title: str | None = None) -> str:
    """Line chart of one indicator by period, one line per series (post, issue or actor), labelled at its end."""
    name, rows, meta = indicator_rows(table)
    title = title or meta["label"][:1].upper() + meta["label"][1:]
    if not rows:
        return _empty_svg(title, "No data for this indicator")
    series = sorted({r["series"] for r in rows})
    periods = sorted({r["period"] for r in rows})
    colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(series))]
    dashes = [DASHES[i % len(DASHES)] for i in range(len(series))]
    data = alt.Data(values=rows)
    x = alt.X("period:O", title=None, sort=periods, axis=alt.Axis(labelAngle=-90 if len(periods) > 12 else 0, labelFontSize=10))
    y = alt.Y("value:Q", title=meta["unit"] or "value")
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=colours), legend=alt.Legend(title=None, orient="bottom", columns=2, labelLimit=300))
    if len(periods) == 1:
        base = alt.Chart(data).mark_bar().encode(x=alt.X("series:N", title=None), y=y, color=colour,
                                                 tooltip=["series:N", "period:O", "value:Q"])
        text = alt.Chart(data).mark_text(dy=-6, fontSize=10).encode(x=alt.X("series:N"), y=y, text=alt.Text("value:Q", format=".2~f"))
        chart = alt.layer(base, text).properties(width=alt.Step(60), height=200, title=title)
    else:
        line = alt.Chart(data).mark_line(point=True, strokeWidth=2).encode(
            x=x, y=y, color=colour,
            strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=series, range=dashes), legend=None),
            shape=alt.Shape("series:N", scale=alt.Scale(domain=series), legend=None),
            tooltip=["series:N", "period:O", "value:Q"])
        last = {}
        for r in rows:
            if r["series"] not in last or r["period"] > last[r["series"]]["period"]:
                last[r["series"]] = r
        # End labels of lines that finish close together are stacked by a line height each,
        # so that two series ending on the same value stay readable.
        lo = min(r["value"] for r in rows)
        span = (max(r["value"] for r in rows) - lo) or 1.0
        placed: list[tuple[float, int]] = []
        for r in sorted(last.values(), key=lambda r: (r["value"], r["series"])):
            level = sum(1 for v, _ in placed if abs(v - r["value"]) / span < 0.06)
            placed.append((r["value"], level))
            r_end = dict(r, level=level)
            last[r["series"]] = r_end
        ends = [alt.Chart(alt.Data(values=[r for r in last.values() if r["level"] == level])).mark_text(
            align="left", dx=6, dy=-12 * level, fontSize=10).encode(
            x=x, y=y, text="series:N", color=alt.Color("series:N", scale=alt.Scale(domain=series, range=colours), legend=None))
            for level in sorted({r["level"] for r in last.values()})]
        chart = alt.layer(line, *ends).properties(width=520, height=220, title=title)
    desc = (meta["definition"] + " " if meta["definition"] else "") + \
        f"{len(series)} series ({', '.join(series)}) over {periods[0]} to {periods[-1]}."
    return render_svg(_base_config(chart), title=title, description=desc)
