"""Briefings: the state of play as of a date, every statement cited, as Markdown, HTML or PDF."""

from __future__ import annotations

import datetime as dt
import logging
import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nkmonitor.errors import NkmonitorError
from nkmonitor.report import charts
from nkmonitor.report.citations import Citations, Citation
from nkmonitor.report.state import (
    GA_RESOLUTION, POSITION_WORDS, TRACKED_POSTS, bounds, certainly_by, council_state, fmt_date, instrument_states, pack_sources,
    post_segments, post_states, un_vote_state,
)

__all__ = ["Brief", "Section", "Statement", "Table", "Chart", "Citation", "build_brief",
           "render_markdown", "render_html", "render_pdf"]

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Statement:
    """One sentence of the briefing and the numbers of the citations that support it."""

    text: str
    cites: list[int]
    note: bool = False  # context (e.g. "sources differ"), shown smaller


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    cites: list[list[int]]  # per row
    caption: str = ""


@dataclass
class Chart:
    title: str
    svg: str
    slug: str
    caption: str = ""


@dataclass
class Section:
    key: str
    title: str
    statements: list[Statement] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    empty: str | None = None  # why there is no data, shown instead of content

    @property
    def cites(self) -> set[int]:
        out = {n for s in self.statements for n in s.cites}
        out |= {n for t in self.tables for row in t.cites for n in row}
        return out


@dataclass
class Brief:
    as_of: dt.date
    title: str
    sections: list[Section]
    citations: list[Citation]
    pack_version: str
    with_archive: bool
    generated: str = ""


# ------------------------------------------------------------------ composition

def build_brief(store: Any, pack: Any, as_of: dt.date | str) -> Brief:
    """Compose the state of play as of `as_of` from the pack (and the archive when `store` is given).

    Each section is built on its own; a section whose data or tracker is missing becomes a
    "no data" section that says why, so one gap never stops the whole briefing.
    """
    from nkmonitor.track.asof import as_of_date

    day = as_of_date(as_of) if not isinstance(as_of, dt.date) else as_of
    cites = Citations(day, pack)
    builders: list[tuple[str, str, Callable[[Section], None]]] = [
        ("posts", "Posts: envoys, ambassador, rapporteur", lambda s: _posts_section(s, pack, store, day, cites)),
        ("instruments", "Laws and mandates", lambda s: _instruments_section(s, pack, day, cites)),
        ("un_votes", "UN resolutions and co-sponsorship", lambda s: _un_section(s, pack, day, cites)),
        ("council", "UN Security Council", lambda s: _council_section(s, pack, day, cites)),
        ("recommendations", "Recommendations", lambda s: _recommendations_section(s, pack, store, day, cites)),
        ("indicators", "Indicators", lambda s: _indicators_section(s, pack, store, day, cites)),
        ("archive_facts", "Facts reported in the archive", lambda s: _archive_facts_section(s, pack, store, day, cites)),
        ("documents", "Newest documents", lambda s: _documents_section(s, store, day, cites)),
    ]
    sections = []
    for key, title, build in builders:
        section = Section(key, title)
        try:
            build(section)
        except ImportError as exc:
            # A tracker not installed in this version: say so in the brief, keep going.
            log.info("brief section %s: %s", key, exc)
            section = Section(key, title, empty="No data: this tracker is not available in this installation.")
        except NkmonitorError as exc:
            log.warning("brief section %s: %s", key, exc)
            section = Section(key, title, empty=f"No data: {exc}")
        if not section.statements and not section.tables and not section.charts and section.empty is None:
            section.empty = "No data known by this date."
        sections.append(section)
    return Brief(
        as_of=day,
        title=f"State of play as of {day.isoformat()}",
        sections=sections,
        citations=cites.entries(),
        pack_version=str(getattr(pack, "version", "")),
        with_archive=store is not None,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _posts_section(section: Section, pack: Any, store: Any, as_of: dt.date, cites: Citations) -> None:
    states = post_states(pack, as_of, store=store)
    rows, row_cites = [], []
    for st in states:
        refs = cites.cite_sources(st.sources, about=st.since)
        if st.holder:
            text = (f"{st.label}: held by {st.holder} since {fmt_date(st.since)} "
                    f"({st.duration}).")
            status = st.holder
        elif st.since:
            after = f", after {st.previous} left" if st.previous else ", no holder yet"
            text = f"{st.label}: vacant since {fmt_date(st.since)} ({st.duration}{after})."
            status = "vacant"
        else:
            text = f"{st.label}: no holder recorded by this date."
            status = "no record"
        section.statements.append(Statement(text, refs))
        rows.append([st.label, status, fmt_date(st.since) if st.since else "",
                     st.duration or ""])
        row_cites.append(refs)
        for note in st.notes:
            section.statements.append(Statement(note.text, cites.cite_sources(note.sources), note=True))
    if store is not None:
        _post_conflicts(section, pack, store, as_of, cites)
    section.tables.append(Table(["Post", "Holder", "Since", "For"], rows, row_cites,
                                caption=f"The tracked posts as of {as_of.isoformat()}"))
    timelines = [st.timeline for st in states]
    section.charts.append(Chart("Post holders and vacancies", charts.posts_gantt_svg(timelines, as_of=as_of), "posts"))


def _post_conflicts(section: Section, pack: Any, store: Any, as_of: dt.date, cites: Citations) -> None:
    """Where accepted extractions disagree with the pack on the tracked posts: both sides, cited."""
    from nkmonitor.track.fusion import fused_post_timelines

    for timeline in fused_post_timelines(pack, store, as_of=as_of):
        if timeline.post not in TRACKED_POSTS:
            continue
        for c in timeline.conflicts:
            refs = cites.cite_urls(c.pack_sources)
            refs += [cites.cite_document(_evidence_dict(store, d)) for d in c.documents[:3]]
            section.statements.append(Statement(
                f"Sources differ on {timeline.label} ({c.field}): curated record “{c.pack_value or 'none'}”, "
                f"reviewed document “{c.extracted_value}”" + (f" ({c.note})" if c.note else "") + ".",
                sorted(set(refs)), note=True))
        for t in timeline.tenures:
            if t.origin == "extracted" and t.documents:
                refs = [cites.cite_document(_evidence_dict(store, d)) for d in t.documents[:3]]
                section.statements.append(Statement(
                    f"Reported in the archive, not in the curated pack: {t.person_name} as {timeline.label}"
                    f" from {fmt_date(t.start) or '?'}" + (f" to {fmt_date(t.end)}" if t.end else "") + ".",
                    refs, note=True))


def _instruments_section(section: Section, pack: Any, as_of: dt.date, cites: Citations) -> None:
    laws, mandates = instrument_states(pack, as_of)
    rows, row_cites = [], []
    for st in laws:
        refs = cites.cite_sources(st.sources, about=st.since)
        section.statements.append(Statement(st.sentence, refs))
        rows.append([st.label, st.status, fmt_date(st.since) if st.since else ""])
        row_cites.append(refs)
        for extra in st.extra:
            section.statements.append(Statement(extra.text, cites.cite_sources(extra.sources), note=True))
    if rows:
        section.tables.append(Table(["Law", "Status", "Since"], rows, row_cites,
                                    caption=f"Status of the laws as of {as_of.isoformat()}"))
    for m in mandates:
        section.statements.append(Statement(m.text, cites.cite_sources(m.sources)))


def _un_section(section: Section, pack: Any, as_of: dt.date, cites: Citations) -> None:
    state = un_vote_state(pack, as_of)
    for item in state.statements:
        section.statements.append(Statement(item.text, cites.cite_sources(item.sources)))
    if state.rows:
        rows, row_cites = [], []
        for r in state.rows:
            rows.append([str(r.year), r.outcome, r.us, r.rok])
            row_cites.append(cites.cite_sources(r.sources))
        section.tables.append(Table(["Year", "UN General Assembly", "United States", "South Korea"], rows, row_cites,
                                    caption="The latest General Assembly resolutions and the US and ROK positions"))
    if state.chart_table["votes"] or state.chart_table["positions"]:
        section.charts.append(Chart("UN General Assembly votes and co-sponsorship",
                                    charts.un_votes_svg(state.chart_table), "un-votes"))


def _council_section(section: Section, pack: Any, as_of: dt.date, cites: Citations) -> None:
    for item in council_state(pack, as_of):
        section.statements.append(Statement(item.text, cites.cite_sources(item.sources)))


def _recommendations_section(section: Section, pack: Any, store: Any, as_of: dt.date, cites: Citations) -> None:
    if store is None:
        section.empty = "No archive database given (option --db): recommendations are tracked from documents."
        return
    from nkmonitor.track.recommendations import tracked_recommendations

    tracked = tracked_recommendations(store, pack, as_of=as_of)
    if not tracked:
        section.empty = "No recommendations in the archive by this date."
        return
    counts: dict[str, int] = {}
    for rec in tracked:
        counts[rec.status] = counts.get(rec.status, 0) + 1
    rows, row_cites = [], []
    for rec in sorted(tracked, key=lambda r: (_status_rank(r.status), r.addressee, r.action, r.key)):
        refs = [cites.cite_document(_evidence_dict(store, {"document_id": m.document_id, "title": m.title,
                                                           "published": m.published, "text": m.evidence}))
                for m in rec.mentions[:3]]
        evidence_words = []
        for ev in rec.status_evidence[:3]:
            refs += cites.cite_urls(ev.sources)
            refs += [cites.cite_document(_evidence_dict(store, d)) for d in ev.documents[:2]]
            dated = ev.date and fmt_date(ev.date) not in ev.summary
            evidence_words.append(ev.summary + (f" ({fmt_date(ev.date)})" if dated else ""))
        by = ", ".join({"author": "the document's author", "unknown": "not stated"}.get(b) or _label(pack, b)
                       for b in rec.made_by)
        reviewed = "" if rec.reviewed else " (unreviewed)"
        rows.append([_label(pack, rec.addressee), rec.action_label + reviewed, by,
                     rec.status, "; ".join(evidence_words) or "none yet"])
        row_cites.append(sorted(set(refs)))
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda kv: _status_rank(kv[0])))
    first = sorted({r[0] for r in row_cites if r})[:8]
    section.statements.append(Statement(
        f"{len(tracked)} recommendations were made in the archive's documents by this date: {summary}. "
        "A status other than open rests on the evidence listed with it.", first))
    limit = 30
    section.tables.append(Table(["Addressee", "Recommendation", "By", "Status", "Evidence of follow-up"],
                                rows[:limit], row_cites[:limit],
                                caption="Recommendations, open first" + (f" (first {limit} of {len(rows)})" if len(rows) > limit else "")))


def _status_rank(status: Any) -> int:
    return {"open": 0, "partly": 1, "implemented": 2}.get(str(status), 3)


SHORT_POST_LABELS = {"us_special_envoy_nkhr": "US envoy", "rok_ambassador_nkhr": "ROK ambassador",
                     "un_special_rapporteur_dprk": "UN rapporteur"}
INDICATOR_TITLES = {"vacancy": ("Vacancy share of the tracked posts per year", "share of days vacant"),
                    "alignment": ("US and South Korea alignment score per year", "score (0 to 1)")}


def _indicators_section(section: Section, pack: Any, store: Any, as_of: dt.date, cites: Citations) -> None:
    from nkmonitor.track.indicators import compute_indicator

    # A year with under three months behind it would be drawn from a few days; stop at the last full one.
    last = as_of.year if (as_of - dt.date(as_of.year, 1, 1)).days >= 90 else as_of.year - 1
    for name in ("vacancy", "alignment"):
        try:
            table = compute_indicator(name, store, pack, by="year", as_of=as_of, date_to=last)
        except NkmonitorError as exc:
            log.warning("indicator %s: %s", name, exc)
            continue
        rows = [dict(r, series_label=SHORT_POST_LABELS.get(r.get("post"), r.get("post")) if r.get("post") else "US and ROK")
                for r in table.rows if r.get("value") is not None]
        if not rows:
            continue
        title, unit = INDICATOR_TITLES[name]
        latest = max(rows, key=lambda r: str(r["period"]))["period"]
        year = int(str(latest)[:4])
        posts = [r["post"] for r in rows if r.get("post")] or ["us_special_envoy_nkhr", "rok_ambassador_nkhr"]
        refs = [n for start, sources in _year_sources(pack, sorted(set(posts)), year, as_of)
                for n in cites.cite_sources(sources, about=start)]
        if name == "alignment":
            refs += cites.cite_sources([src for p in pack.state_positions if p.instrument == GA_RESOLUTION
                                        and p.year == year and p.state in ("us", "rok") for src in p.sources])
        refs = sorted(set(refs))
        if not refs:
            continue
        values = "; ".join(f"{r['series_label']} {r['value']:.2f}" for r in rows if r["period"] == latest)
        section.statements.append(Statement(f"{title}, {latest}: {values}.", refs))
        chart_table = {"name": name, "label": title, "definition": table.definition, "unit": unit, "rows": rows}
        section.charts.append(Chart(title, charts.indicator_svg(chart_table), f"indicator-{name}",
                                    caption=f"{name}: {table.definition}"))


def _year_sources(pack: Any, posts: list[str], year: int, as_of: dt.date) -> list[tuple[str, list[Any]]]:
    """(start, sources) of the post segments that overlap `year`: what the year's indicator values rest on."""
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out: list[tuple[str, list[Any]]] = []
    for post in posts:
        if post not in pack.entities:
            continue
        for seg in post_segments(pack, post, as_of):
            start = bounds(seg.start)
            end = bounds(seg.end) if seg.end else (as_of, as_of)
            if start and start[0] <= hi and end[1] >= lo:
                out.append((seg.start, pack_sources(pack, seg.provenance)))
    return out


def _archive_facts_section(section: Section, pack: Any, store: Any, as_of: dt.date, cites: Citations) -> None:
    if store is None:
        section.empty = "No archive database given (option --db): only the curated pack is used."
        return
    from nkmonitor.store.suggestions import accepted_facts, list_suggestions
    from nkmonitor.track.asof import fact_known_by

    facts = accepted_facts(store, as_of=as_of)
    facts.sort(key=lambda f: str(_fact_day(f.payload) or ""), reverse=True)
    for fact in facts[:15]:
        refs = [cites.cite_document(_evidence_dict(store, ev)) for ev in fact.evidence[:3]]
        section.statements.append(Statement(f"Reviewed: {_describe_fact(pack, fact.type, fact.payload)}.", refs))
    suggested = [s for s in list_suggestions(store, kind="fact", status="suggested", limit=500)
                 if fact_known_by(s.payload, s.document_published, as_of)]
    suggested.sort(key=lambda s: (-(s.confidence or 0), s.id))
    for s in suggested[:8]:
        ev = {"document_id": s.document_id, "text": s.evidence_text, "title": s.document_title,
              "published": s.document_published}
        refs = [cites.cite_document(_evidence_dict(store, ev))]
        section.statements.append(Statement(
            f"Suggested, not yet reviewed (confidence {s.confidence or 0:.2f}): {_describe_fact(pack, s.type, s.payload)}.",
            refs, note=True))


def _documents_section(section: Section, store: Any, as_of: dt.date, cites: Citations) -> None:
    if store is None:
        section.empty = "No archive database given (option --db)."
        return
    docs = newest_documents(store, as_of, limit=10)
    rows, row_cites = [], []
    for d in docs:
        ref = cites.cite_document({"document_id": d["id"], "title": d["title"], "outlet": d["outlet"],
                                   "published": d["published"], "url": d["url"],
                                   "text": _opening(d["text"], d["title"])})
        rows.append([fmt_date(d["published"]), d["title"] or "(untitled)", d["outlet"] or ""])
        row_cites.append([ref])
    if rows:
        section.tables.append(Table(["Published", "Title", "Outlet"], rows, row_cites,
                                    caption=f"The {len(rows)} newest documents published by {as_of.isoformat()}"))


def newest_documents(store: Any, as_of: dt.date, limit: int = 10) -> list[dict[str, Any]]:
    """The newest canonical documents certainly published by `as_of` (undated ones are left out)."""
    from sqlalchemy import text as sql

    # Dates are EDTF text, so a string bound on the year narrows the scan; the exact
    # check (a month or year must have ended) is done in Python.
    query = sql("SELECT id, title, outlet, url, published, substr(text, 1, 3000) AS text FROM documents "
                "WHERE duplicate_of IS NULL AND published IS NOT NULL AND published <= :hi "
                "ORDER BY published DESC, id DESC LIMIT :n")
    out: list[dict[str, Any]] = []
    with store.connect(write=False) as conn:
        for row in conn.execute(query, {"hi": as_of.isoformat(), "n": limit * 5}):
            m = dict(row._mapping)
            if certainly_by(m["published"], as_of):
                out.append(m)
            if len(out) >= limit:
                break
    return out


# ------------------------------------------------------------------ helpers for archive data

def _label(pack: Any, value: Any) -> str:
    if value is None:
        return ""
    label = pack.label(str(value)) if hasattr(pack, "label") else None
    return label or str(value)


_DOC_META: "weakref.WeakKeyDictionary[Any, dict[int, dict[str, Any]]]" = weakref.WeakKeyDictionary()


def _document_meta(store: Any, doc_id: int) -> dict[str, Any]:
    """Title, outlet, URL and date of a document, fetched once per store (evidence repeats documents)."""
    cache = _DOC_META.setdefault(store, {})
    if doc_id not in cache:
        try:
            doc = store.get_document(doc_id)
        except NkmonitorError:
            doc = {}
        cache[doc_id] = {k: doc.get(k) for k in ("title", "outlet", "url", "published")}
    return cache[doc_id]


def _evidence_dict(store: Any, ev: Any) -> dict[str, Any]:
    """Evidence (an EvidenceRef or dict) completed with the document's outlet and URL."""
    data = dict(ev) if isinstance(ev, dict) else {k: getattr(ev, k, None) for k in
                                                   ("document_id", "text", "title", "published", "span_start", "span_end")}
    doc_id = data.get("document_id")
    if doc_id is not None and store is not None and (data.get("outlet") is None or data.get("url") is None):
        doc = _document_meta(store, int(doc_id))
        for key in ("title", "outlet", "url", "published"):
            if data.get(key) is None and doc.get(key) is not None:
                data[key] = doc[key]
    return data


def _fact_day(payload: dict[str, Any]) -> Any:
    for name in ("date", "as_of", "since", "year"):
        if payload.get(name) not in (None, ""):
            return payload[name]
    return None


def _describe_fact(pack: Any, type_: str, p: dict[str, Any]) -> str:
    """One readable clause for an extracted fact payload."""
    who = p.get("person_name") or _label(pack, p.get("person")) or "an unnamed person"
    when = fmt_date(_fact_day(p)) if _fact_day(p) is not None else "undated"
    if type_ == "post_event":
        return f"{who} {str(p.get('event', '')).replace('_', ' ')} as {_label(pack, p.get('post'))} ({when})"
    if type_ == "post_vacancy":
        since = f" since {fmt_date(p['since'])}" if p.get("since") else ""
        return f"{_label(pack, p.get('post'))} vacant{since} (as of {fmt_date(p.get('as_of') or p.get('since'))})"
    if type_ == "instrument_event":
        return f"{_label(pack, p.get('instrument'))} {str(p.get('event', '')).replace('_', ' ')} ({when})"
    if type_ == "resolution_vote":
        counts = "-".join(str(p.get(k, "?")) for k in ("yes", "no", "abstain")) if p.get("yes") is not None else (p.get("method") or "adopted")
        return f"{_label(pack, p.get('instrument'))} in {_label(pack, p.get('body'))}: {counts} ({when})"
    if type_ == "state_position":
        position = POSITION_WORDS.get(str(p.get("position")), str(p.get("position", "")).replace("_", " "))
        return f"{_label(pack, p.get('state'))} on the {_label(pack, p.get('instrument'))}: {position} ({when})"
    if type_ == "council_meeting":
        return f"Security Council meeting {p.get('outcome', '')} ({when})"
    if type_ == "repatriation":
        return f"{_label(pack, p.get('by'))} repatriated {p.get('count') or 'an unknown number of'} people ({when})"
    if type_ == "mechanism_event":
        return f"{_label(pack, p.get('mechanism'))} {str(p.get('event', '')).replace('_', ' ')} ({when})"
    return f"{type_.replace('_', ' ')} ({when})"


def _opening(text: str | None, title: str | None = None, limit: int = 220) -> str:
    """A sentence from the start of the document to quote as its evidence.

    Web pages often open with menus ("Search", "Menu Content"), so the first sentence among
    the opening ones that shares two words with the title is preferred; failing that, the first.
    """
    if not text:
        return ""
    flat = re.sub(r"\s+", " ", text).strip()
    sentences = _sentences(flat[:3000])
    words = {w for w in re.findall(r"[a-z]{4,}", (title or "").lower())}
    chosen = next((x for x in sentences[:12] if len(words & set(re.findall(r"[a-z]{4,}", x.lower()))) >= 2),
                  sentences[0] if sentences else flat)
    return chosen if len(chosen) <= limit else chosen[:limit].rsplit(" ", 1)[0] + "…"


_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs",
                  "ms", "dr", "st", "gen", "sen", "rep", "gov", "amb", "no", "vs", "inc", "corp", "co", "jr"}


def _sentences(flat: str) -> list[str]:
    """Split text into sentences, not at initials or abbreviations ("N. Korea", "U.S.", "Oct. 13")."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z\"“(]|$)", flat):
        word = re.search(r"([\w.]+)$", flat[start:m.start()])
        token = word.group(1).rstrip(".").lower() if word else ""
        if m.group(0) == "." and (len(token.replace(".", "")) <= 2 or token in _ABBREVIATIONS):
            continue
        sentence = flat[start:m.end()].strip()
        if len(sentence) >= 20:
            out.append(sentence)
        start = m.end()
    if start < len(flat) and len(flat[start:].strip()) >= 20:
        out.append(flat[start:].strip())
    return out


# ------------------------------------------------------------------ rendering

def _md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so titles and quotes from documents stay plain text."""
    text = str(text).replace("\\", "\\\\")
    text = re.sub(r"([`*_\[\]<>|#])", r"\\\1", text)
    return text.replace("\n", " ")


def _md_refs(numbers: Iterable[int]) -> str:
    return "".join(f"[^{n}]" for n in sorted(set(numbers)))


def render_markdown(brief: Brief, chart_dir: Path | None = None, chart_prefix: str = "brief") -> str:
    """The briefing as GitHub-flavoured Markdown with footnote citations.

    Charts are SVG files: with `chart_dir` they are written there and linked by relative
    path; without it the Markdown says that the charts are in the HTML and PDF versions.
    """
    out = [f"# {_md_escape(brief.title)}", ""]
    out.append(_md_escape(_provenance(brief)))
    out.append("")
    for section in brief.sections:
        out += [f"## {_md_escape(section.title)}", ""]
        if section.empty:
            out += [f"_{_md_escape(section.empty)}_", ""]
            continue
        for st in section.statements:
            prefix = "- Note: " if st.note else "- "
            out.append(f"{prefix}{_md_escape(st.text)}{' ' + _md_refs(st.cites) if st.cites else ''}")
        if section.statements:
            out.append("")
        for table in section.tables:
            if table.caption:
                out += [f"**{_md_escape(table.caption)}**", ""]
            out.append("| " + " | ".join(_md_escape(c) for c in table.columns + ["Sources"]) + " |")
            out.append("|" + "---|" * (len(table.columns) + 1))
            for row, refs in zip(table.rows, table.cites):
                out.append("| " + " | ".join(_md_escape(c) for c in row) + f" | {_md_refs(refs)} |")
            out.append("")
        for chart in section.charts:
            if chart_dir is not None:
                name = f"{chart_prefix}-{chart.slug}.svg"
                (Path(chart_dir) / name).write_text(chart.svg, encoding="utf-8")
                out += [f"![{_md_escape(chart.title)}]({name})", ""]
            else:
                out += [f"_Chart: {_md_escape(chart.title)} (in the HTML and PDF versions)._", ""]
    out += ["## Sources", ""]
    for c in brief.citations:
        out.append(f"[^{c.number}]: {_md_escape(c.plain())}")
    out.append("")
    return "\n".join(out)


def _provenance(brief: Brief) -> str:
    base = f"Knowledge pack {brief.pack_version}"
    base += " and the document archive" if brief.with_archive else " only (no archive database)"
    return (f"{base}. Only facts known by {brief.as_of.isoformat()} are used; every statement cites "
            f"its sources (numbered, listed at the end). Generated {brief.generated}.")


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "xml"], default=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    return env


def render_html(brief: Brief) -> str:
    """The briefing as one self-contained HTML page (inline CSS and SVG, no external resources)."""
    import markupsafe

    env = _environment()
    css = (TEMPLATES / "brief.css").read_text(encoding="utf-8")
    return env.get_template("brief.html").render(
        brief=brief, css=markupsafe.Markup(css), provenance=_provenance(brief),
        # Chart SVG comes from charts.py, whose renderer escapes every data label.
        svg=lambda chart: markupsafe.Markup(chart.svg),
    )


def _offline_fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Briefings are self-contained: refuse any fetch so a stray URL can never reach the network.
    from nkmonitor.errors import InputError

    raise InputError("briefings load no external resources", subject=url[:80])


def render_pdf(brief: Brief) -> bytes:
    """The briefing as an A4 PDF (WeasyPrint from the HTML)."""
    import weasyprint

    html = render_html(brief)
    return weasyprint.HTML(string=html, url_fetcher=_offline_fetcher, base_url=None).write_pdf()


