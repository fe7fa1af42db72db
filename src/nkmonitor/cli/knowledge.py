"""Knowledge commands: `posts`, `instruments`, `un-votes` and `pack check|export|ids` over the pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from nkmonitor.cli import app
from nkmonitor.cli.common import EXIT_FATAL, EXIT_USAGE, JsonOption, emit_json, fail, info
from nkmonitor.errors import BadValue, NkmonitorError, PackError
from nkmonitor.pack import Pack, check_pack, load_pack
from nkmonitor.pack.dates import parse_edtf, parse_user_date

pack_app = typer.Typer(help="Check, export and list the knowledge pack.", no_args_is_help=True)
app.add_typer(pack_app, name="pack")



def _out() -> Console:
    # Made per command so COLUMNS and the terminal are read when the command runs.
    return Console(highlight=False)

PackOption = typer.Option(None, "--pack", envvar="NKMONITOR_PACK", help="Pack directory (default: the bundled pack).")
AsOfOption = typer.Option(None, "--as-of", help="Answer as of this date (YYYY-MM-DD; default today).")

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _pack(path: Path | None) -> Pack:
    try:
        return load_pack(path)
    except PackError as err:
        fail(f"{err} — run `nkmonitor pack check{' --path ' + str(path) if path else ''}`", EXIT_FATAL)
        raise  # unreachable: fail() exits


def _check_id(pack: Pack, id_: str | None, kind: str, option: str) -> None:
    if id_ is not None and id_ not in pack.ids(kind):
        choices = ", ".join(sorted(pack.ids(kind)))
        fail(f"{option} {id_!r} is not a {kind} id of the pack; use one of: {choices}", EXIT_USAGE)


def _as_of(value: str | None):
    try:
        return parse_user_date(value)
    except BadValue as err:
        fail(str(err), EXIT_USAGE)


def _human_date(value: str | None, *, open_label: str = "open") -> str:
    """2023-10-13 as is; 2009-11 as 'Nov 2009 (month)'; 2017 as '2017 (year)'."""
    if value is None:
        return open_label
    d = parse_edtf(value)
    if d.precision == "day":
        return d.text
    if d.precision == "month":
        return f"{_MONTHS[d.earliest.month - 1]} {d.earliest.year} (month)"
    return f"{d.text} (year)"


def _days(seg: Any) -> str:
    if seg.duration_days is None:
        return ""
    if seg.approximate:
        return f"~{seg.duration_days} ({seg.duration_days_min}–{seg.duration_days_max})"
    return str(seg.duration_days)


# ------------------------------------------------------------------ fused with accepted extractions (--db)
FusedDbOption = typer.Option(None, "--db", help="Also use the accepted extractions of this database "
                             "(SQLite path or postgresql:// URL); disagreements with the pack are listed as conflicts.")


def _fused(name: str, pack: Pack, db: str, data: list[dict[str, Any]], day, **kwargs) -> list[dict[str, Any]]:
    from nkmonitor.cli.tracking import _store
    from nkmonitor.track import fusion

    try:
        return getattr(fusion, name)(pack, _store(db), data, day, **kwargs)
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL if err.code.startswith("NK-DB") else EXIT_USAGE)
        raise  # unreachable: fail() exits


def _print_conflicts(conflicts: list[dict[str, Any]] | None) -> None:
    for c in conflicts or []:
        docs = ", ".join(f"document {d['document_id']}" for d in c["documents"])
        info(f"[yellow]conflict[/yellow] {c['subject']} {c['field']}: pack {c['pack_value']} "
             f"({c['pack_fact'] or 'no pack fact'}; {', '.join(c['pack_sources'][:2]) or 'no source'}) vs "
             f"{c['extracted_value']} ({docs}) — {c['note']}")


# ------------------------------------------------------------------ posts
def post_timelines(pack: Pack, post: str | None, as_of) -> list[dict[str, Any]]:
    """Timelines of one or all tracked posts from the pack's curated tenures (library entry point)."""
    from nkmonitor.track.timelines import post_timeline

    names = {e.id: e.label for e in pack.of_kind("person")}
    posts = [post] if post else sorted(pack.ids("post"))
    out = []
    for pid in posts:
        e = pack.get(pid)
        segs = post_timeline(pid, pack.tenures, as_of, established=e.established,
                             established_sources=e.established_sources, vacancy_checks=pack.vacancy_checks,
                             person_names=names)
        current = segs[-1] if segs and segs[-1].open else None
        out.append({
            "post": pid, "label": e.label, "state": pack.state_of(pid),
            "as_of": (segs[0].as_of if segs else None),
            "status": ("vacant" if current and current.kind == "vacancy" else
                       "held" if current else ("not_established" if not segs else "unknown")),
            "holder": current.person if current and current.kind == "holder" else None,
            "segments": [s.model_dump() for s in segs],
            "gaps": [g.text for g in pack.gaps if pid in g.about],
        })
    return out


@app.command("posts")
def posts_command(
    post: str | None = typer.Argument(None, help="Post id, e.g. us_special_envoy_nkhr (default: all tracked posts)."),
    as_of: str | None = AsOfOption,
    json_out: bool = JsonOption,
    pack_path: Path | None = PackOption,
    db: str | None = FusedDbOption,
) -> None:
    """Holders and vacancies of tracked posts, in order, with durations and date precision."""
    pack = _pack(pack_path)
    _check_id(pack, post, "post", "POST")
    day = _as_of(as_of)
    timelines = post_timelines(pack, post, day)
    if db:
        timelines = _fused("overlay_posts", pack, db, timelines, day)
    if json_out:
        emit_json(timelines if post is None else timelines[0])
        return
    for tl in timelines:
        table = Table(title=f"{tl['label']} — as of {tl['as_of'] or day}", title_justify="left")
        for col in ("", "holder", "start", "end", "days", "how it started / ended", "sources"):
            table.add_column(col)
        for s in tl["segments"]:
            who = s["person_name"] if s["kind"] == "holder" else "[italic]vacant[/italic]"
            how = " / ".join(x for x in (s.get("start_reason"), s.get("end_reason")) if x) if s["kind"] == "holder" else s["note"]
            table.add_row("●" if s["kind"] == "holder" else "○", who, _human_date(s["start"], open_label="?"),
                          _human_date(s["end"], open_label="open"), _days(_Obj(s)), how or "", str(len(s["provenance"])))
        if not tl["segments"]:
            table.add_row("", "no holder known", "", "", "", "", "")
        _out().print(table)
        for gap in tl["gaps"]:
            info(f"gap: {gap}")
        _print_conflicts(tl.get("conflicts"))
    info("~ days: a date known only to the month or year; range from earliest to latest plausible day")


class _Obj:
    def __init__(self, data: dict):
        self.__dict__.update(data)


# ------------------------------------------------------------------ instruments
def instrument_statuses(pack: Pack, instrument: str | None, as_of) -> list[dict[str, Any]]:
    from nkmonitor.track.timelines import instrument_status

    ids = [instrument] if instrument else sorted(pack.ids("instrument"))
    out = []
    for iid in ids:
        e = pack.get(iid)
        st = instrument_status(iid, pack.instrument_events, as_of, mandates=pack.mandates,
                               votes=pack.resolution_votes, kind=e.instrument_type)
        data = st.model_dump()
        data["label"] = e.label
        data["jurisdiction"] = e.jurisdiction
        out.append(data)
    return out


@app.command("instruments")
def instruments_command(
    instrument: str | None = typer.Argument(None, help="Instrument id, e.g. us_nkhra_2004 (default: all)."),
    as_of: str | None = AsOfOption,
    json_out: bool = JsonOption,
    pack_path: Path | None = PackOption,
    db: str | None = FusedDbOption,
) -> None:
    """Status of laws and resolution series on a date (in force, expired since, struck down) with events and mandates."""
    pack = _pack(pack_path)
    _check_id(pack, instrument, "instrument", "ID")
    day = _as_of(as_of)
    rows = instrument_statuses(pack, instrument, day)
    if db:
        rows = _fused("overlay_instruments", pack, db, rows, day)
        for r in rows:
            _print_conflicts(r["conflicts"])
    if json_out:
        emit_json(rows if instrument is None else rows[0])
        return
    summary = Table(title=f"Instruments — as of {rows[0]['as_of'] if rows else day}", title_justify="left")
    for col in ("instrument", "status", "since", "until", "note"):
        summary.add_column(col)
    for r in rows:
        status = r["status"].replace("_", " ") + (" (uncertain)" if r["uncertain"] else "")
        summary.add_row(r["label"], status, _human_date(r["since"], open_label=""), _human_date(r["until"], open_label=""), r["note"] or "")
    _out().print(summary)
    if instrument is None:
        return
    r = rows[0]
    events = Table(title="Events known by then", title_justify="left")
    for col in ("date", "event", "chamber", "bill / law", "vote", "note"):
        events.add_column(col)
    for ev in r["events"]:
        vote = f"{ev['yes']}-{ev['no']}" if "yes" in ev and "no" in ev else (ev.get("method") or "").replace("_", " ")
        law = " ".join(x for x in (ev.get("bill"), f"PL {ev['public_law']}" if ev.get("public_law") else None) if x)
        events.add_row(_human_date(ev["date"]), ev["event"].replace("_", " "), pack.label(ev.get("chamber")) or "", law, vote, ev.get("note") or "")
    _out().print(events)
    if r["mandates"]:
        mandates = Table(title="Mandates", title_justify="left")
        for col in ("provision", "mandate", "status", "since", "note"):
            mandates.add_column(col)
        for m in r["mandates"]:
            mandates.add_row(m["provision"] or "", m["label"], m["status"].replace("_", " "), _human_date(m["since"], open_label=""), m["note"] or "")
        _out().print(mandates)


# ------------------------------------------------------------------ UN votes
_POSITION_SHORT = {"cosponsored": "co-sponsored", "not_cosponsored": "NOT co-sponsored", "voted_yes": "yes", "voted_no": "no",
                   "abstained": "abstained", "absent": "absent", "joined_consensus": "joined consensus"}
_BODY_SHORT = {"un_ga": "plenary", "un_ga_third_committee": "Third Cttee", "un_hrc": "HRC", "un_chr": "CHR"}


def vote_rows(pack: Pack, instrument: str | None, state: str | None, body: str | None, as_of) -> list[dict[str, Any]]:
    from nkmonitor.track.timelines import un_votes_table

    rows = un_votes_table(pack.resolution_votes, pack.state_positions, instrument=instrument, state=state, body=body, as_of=as_of)
    return [r.model_dump() for r in rows]


@app.command("un-votes")
def un_votes_command(
    instrument: str | None = typer.Option(None, "--instrument", help="unga_dprk_hr_resolution or unhrc_dprk_hr_resolution."),
    state: str | None = typer.Option(None, "--state", help="Only years where this state's position is known (e.g. rok)."),
    body: str | None = typer.Option(None, "--body", help="un_ga, un_ga_third_committee, un_hrc or un_chr."),
    as_of: str | None = typer.Option(None, "--as-of", help="Only what was known by this date."),
    json_out: bool = JsonOption,
    pack_path: Path | None = PackOption,
    db: str | None = FusedDbOption,
) -> None:
    """Year-by-year table of the DPRK human-rights resolutions: adoption, counts and state positions."""
    pack = _pack(pack_path)
    _check_id(pack, instrument, "instrument", "--instrument")
    _check_id(pack, state, "state", "--state")
    _check_id(pack, body, "body", "--body")
    day = _as_of(as_of) if as_of else None
    rows = vote_rows(pack, instrument, state, body, day)
    if db:
        rows = _fused("overlay_un_votes", pack, db, rows, day, instrument=instrument)
        for r in rows:
            _print_conflicts(r["conflicts"])
    if json_out:
        emit_json(rows)
        return
    states = [state] if state else ["us", "rok", "japan", "eu"]
    table = Table(title="UN resolutions on DPRK human rights" + (f" — {pack.label(state)}" if state else ""), title_justify="left")
    for col in ("year", "resolution", "body", "adoption", "yes-no-abst.", "co-sponsors", *[pack.label(s) for s in states]):
        table.add_column(col)
    for r in rows:
        pos = [", ".join(_POSITION_SHORT.get(p["position"], p["position"]) + ("*" if p.get("certainty") == "inferred" else "")
                         for p in r["positions"].get(s, [])) for s in states]
        series = "UNGA" if r["instrument"] == "unga_dprk_hr_resolution" else "HRC/CHR"
        if not r["votes"]:
            table.add_row(str(r["year"]), series, "", "", "", "", *pos)
        for i, v in enumerate(r["votes"] or []):
            counts = "-".join(str(v.get(k, "?")) for k in ("yes", "no", "abstain")) if "yes" in v else ""
            table.add_row(str(r["year"]) if i == 0 else "", series if i == 0 else "", _BODY_SHORT.get(v["body"], v["body"]),
                          (v.get("method") or "?").replace("_", " "), counts, str(v.get("cosponsors", "")),
                          *(pos if i == 0 else [""] * len(states)))
    _out().print(table)
    info("* inferred from a range statement or the series' sponsors (see docs/pack.md)")


# ------------------------------------------------------------------ pack check / export / ids
@pack_app.command("check")
def pack_check_command(
    path: Path | None = typer.Option(None, "--path", help="Pack directory to check (default: the bundled pack)."),
    codebook: Path | None = typer.Option(None, "--codebook", help="Also check that every id of this codebook.yaml exists."),
    json_out: bool = JsonOption,
) -> None:
    """Validate the pack: sources, references, dates, tenure overlaps, alternatives, aliases."""
    if codebook is not None and not codebook.is_file():
        fail(f"--codebook {codebook}: file not found", EXIT_USAGE)
    result = check_pack(path, codebook=codebook)
    errors = result.errors
    if json_out:
        pack = result.pack
        emit_json({
            "ok": not errors, "path": str(path or "bundled"), "version": pack.version if pack else None,
            "counts": _counts(pack) if pack else {}, "problems": [p.to_json() for p in result.problems],
        })
    else:
        for p in result.problems:
            info(("[red]error[/red] " if p.severity == "error" else "[yellow]warning[/yellow] ") + str(p).replace("[", "\\["))
        if result.pack is not None and not errors:
            counts = _counts(result.pack)
            info(f"pack {result.pack.version}: ok — " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
    if errors:
        if not json_out:
            info(f"{len(errors)} error(s)")
        raise typer.Exit(1)


def _counts(pack: Pack) -> dict[str, int]:
    from nkmonitor.pack.models import FACT_COLLECTIONS

    counts = {"entities": len(pack.entities) + sum(len(v) for v in pack.classifications.values())
              - sum(1 for e in pack.entities.values() if e.kind in pack.classifications)}
    counts.update({name: len(getattr(pack, name)) for name in FACT_COLLECTIONS})
    counts["alternatives"] = sum(len(f.alternatives) for _, f in pack.facts())
    counts["gaps"] = len(pack.gaps)
    counts["sources"] = sum(len(f.sources) for _, f in pack.facts())
    return counts


@pack_app.command("export")
def pack_export_command(
    format: str = typer.Option(..., "--format", help="popolo (one JSON file) or csv (a folder of CSV files)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="File (popolo) or folder (csv); popolo defaults to stdout."),
    path: Path | None = typer.Option(None, "--path", help="Pack directory (default: the bundled pack)."),
) -> None:
    """Export posts, persons, organizations and memberships as Popolo JSON, or every table as CSV."""
    from nkmonitor.pack.export import to_popolo, write_csv

    if format not in ("popolo", "csv"):
        fail(f"--format {format!r}: use popolo or csv", EXIT_USAGE)
    pack = _pack(path)
    try:
        if format == "popolo":
            data = to_popolo(pack)
            if output is None:
                emit_json(data)
            else:
                import json

                output.parent.mkdir(parents=True, exist_ok=True)
                output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                info(f"wrote {output} ({len(data['memberships'])} memberships)")
        else:
            if output is None:
                fail("--format csv needs -o FOLDER", EXIT_USAGE)
            files = write_csv(pack, output)
            info(f"wrote {len(files)} CSV files to {output}")
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL)
    except OSError as err:
        fail(f"{output}: cannot write ({err.strerror})", EXIT_FATAL)


@pack_app.command("ids")
def pack_ids_command(
    kind: str | None = typer.Argument(None, help="post, person, body, state, instrument, mechanism, issue, action or stance."),
    json_out: bool = JsonOption,
    path: Path | None = PackOption,
) -> None:
    """List the pack's ids with labels (optionally of one kind)."""
    pack = _pack(path)
    from nkmonitor.pack.models import ENTITY_KINDS

    if kind is not None and kind not in ENTITY_KINDS:
        fail(f"kind {kind!r}: use one of {', '.join(ENTITY_KINDS)}", EXIT_USAGE)
    kinds = [kind] if kind else list(ENTITY_KINDS)
    rows = [{"id": e.id, "kind": e.kind, "label": e.label, "aliases": e.aliases}
            for k in kinds for e in sorted(pack.of_kind(k), key=lambda e: e.id)]
    if json_out:
        emit_json(rows)
        return
    table = Table(title=f"pack {pack.version}", title_justify="left")
    for col in ("id", "kind", "label", "aliases"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["id"], r["kind"], r["label"], str(len(r["aliases"])))
    _out().print(table)
