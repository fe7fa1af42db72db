"""CLI commands for tracking: analyze the archive, review suggestions, follow recommendations, compute indicators."""

from __future__ import annotations

import csv
import sys
from contextlib import contextmanager
from typing import Iterator, Optional

import typer
from rich.table import Table

from nkmonitor.cli import app
from nkmonitor.cli.common import (
    EXIT_FATAL, EXIT_PARTIAL, EXIT_USAGE, DbOption, JsonOption, emit_json, err_console, fail, info,
)
from nkmonitor.errors import BadValue, InputError, NkmonitorError, PackError, ReviewRefused, StoreError

review_app = typer.Typer(help="Review extraction suggestions: list, accept, reject, edit, undo, log.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

ActorOption = typer.Option(None, "--actor", help="Who decides (default: NKMONITOR_USER or the OS user).")
AsOfOption = typer.Option(None, "--as-of", help="Answer from what was known by this date (YYYY[-MM[-DD]]).")


@contextmanager
def _guard() -> Iterator[None]:
    """Turn library errors into one message on stderr and the documented exit code."""
    try:
        yield
    except (ReviewRefused, InputError) as err:
        fail(str(err), EXIT_USAGE)
    except (StoreError, PackError) as err:
        fail(str(err), EXIT_FATAL)
    except NkmonitorError as err:
        fail(str(err), EXIT_USAGE)


def _store(db: str):
    from nkmonitor.store import open_store

    # Reading commands must not leave an empty database file behind a mistyped path.
    if not _db_exists(db):
        raise BadValue("no database here", subject=db, hint="check --db or run `nkmonitor ingest` first")
    return open_store(db)


def _db_exists(db: str) -> bool:
    from pathlib import Path

    return "://" in db or Path(db).exists()


def _pack():
    from nkmonitor.pack import load_pack

    return load_pack()


# --------------------------------------------------------------------------- analyze
@app.command("analyze")
def analyze_cmd(
    db: str = DbOption,
    all_: bool = typer.Option(False, "--all", help="Re-analyze every document, not only new or changed ones."),
    as_json: bool = JsonOption,
) -> None:
    """Run extraction over stored documents and queue its facts and recommendations for review."""
    from rich.progress import Progress

    from nkmonitor.config import get_settings
    from nkmonitor.pipeline import analyze_store

    with _guard():
        store, pack = _store(db), _pack()
        with Progress(console=err_console, transient=True, disable=as_json or not sys.stderr.isatty()) as bar:
            task = bar.add_task("analyzing", total=None)

            def progress(done: int, total: int, _doc: object = None) -> None:
                bar.update(task, completed=done, total=total)

            report = analyze_store(store, pack, get_settings(db=db), all=all_, progress=progress)
    if as_json:
        emit_json(report.to_json())
    info(report.summary())
    for dup in report.duplicates:
        info(f"skipped document {dup['document_id']}: near-duplicate of {dup['duplicate_of']}")
    for warn in report.warnings:
        info(f"[yellow]warning[/yellow] document {warn['document_id']}: {'; '.join(warn['errors'])}")
    for bad in report.failed:
        info(f"[red]failed[/red] document {bad['document_id']}: {bad['error']}")
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)


# --------------------------------------------------------------------------- review
def _suggestion_table(rows) -> Table:
    table = Table(show_lines=False)
    for col in ("id", "doc", "type", "status", "conf", "docs", "what", "evidence"):
        table.add_column(col, overflow="fold")
    for s in rows:
        what = ", ".join(f"{k}={v}" for k, v in s.payload.items() if k != "type")
        ev = (s.evidence_text or "").replace("\n", " ")
        table.add_row(str(s.id), str(s.document_id), s.type, s.status, f"{s.confidence or 0:.2f}",
                      str(s.corroboration), what, ev[:120] + ("…" if len(ev) > 120 else ""))
    return table


@review_app.command("list")
def review_list(
    db: str = DbOption,
    type_: Optional[str] = typer.Option(None, "--type", help="Fact type (post_event, ...) or recommendation."),
    document: Optional[int] = typer.Option(None, "--document", help="Only this document id."),
    status: Optional[str] = typer.Option(None, "--status", help="suggested, accepted, rejected or edited."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Only at or above this confidence."),
    limit: int = typer.Option(100, "--limit"),
    offset: int = typer.Option(0, "--offset"),
    grouped: bool = typer.Option(False, "--grouped", help="One row per fact: identical suggestions merged by fact_key."),
    as_json: bool = JsonOption,
) -> None:
    """List current suggestions with their evidence and corroboration (documents sharing the same fact)."""
    from nkmonitor.store.suggestions import grouped_suggestions, list_suggestions

    if grouped:
        if document is not None:
            fail("--grouped merges across documents; leave out --document", EXIT_USAGE)
        with _guard():
            groups = grouped_suggestions(_store(db), type=type_, status=status, min_confidence=min_confidence,
                                         limit=limit, offset=offset)
        if as_json:
            emit_json(groups)
            return
        table = Table()
        for col in ("fact", "docs", "statuses", "suggestion ids", "max conf"):
            table.add_column(col, overflow="fold")
        for g in groups:
            table.add_row(g["fact_key"], str(g["corroboration"]),
                          ", ".join(f"{k} {v}" for k, v in g["statuses"].items()),
                          " ".join(str(x["id"]) for x in g["suggestions"]), f"{g['max_confidence']:.2f}")
        from rich.console import Console

        Console().print(table)
        return
    with _guard():
        rows = list_suggestions(_store(db), type=type_, document_id=document, status=status,
                                min_confidence=min_confidence, limit=limit, offset=offset)
    if as_json:
        emit_json([s.to_json() for s in rows])
        return
    from rich.console import Console

    Console().print(_suggestion_table(rows))
    info(f"{len(rows)} suggestion(s)")


def _report_decisions(results, as_json: bool) -> None:
    if as_json:
        emit_json([r.to_json() for r in results])
    for r in results:
        info(f"log {r.log_id}: suggestion {r.suggestion_id} {r.before['status']} -> {r.after['status']}")


@review_app.command("accept")
def review_accept(
    ids: list[int] = typer.Argument(None, help="Suggestion ids to accept."),
    db: str = DbOption,
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence",
                                                   help="Bulk: accept every suggested one at or above this."),
    type_: Optional[str] = typer.Option(None, "--type", help="Bulk: only this type."),
    reason: Optional[str] = typer.Option(None, "--reason"),
    actor: Optional[str] = ActorOption,
    as_json: bool = JsonOption,
) -> None:
    """Accept suggestions by id (all or none), or in bulk above --min-confidence."""
    from nkmonitor.track.review import bulk_accept, decide_many

    if not ids and min_confidence is None:
        fail("give suggestion ids or --min-confidence", EXIT_USAGE)
    if ids and min_confidence is not None:
        fail("give either suggestion ids or --min-confidence, not both", EXIT_USAGE)
    with _guard():
        store = _store(db)
        if ids:
            _report_decisions(decide_many(store, ids, "accept", actor, reason), as_json)
            return
        result = bulk_accept(store, min_confidence, actor, reason, type=type_)
    if as_json:
        emit_json(result.to_json())
    info(f"accepted {len(result.decided)} suggestion(s); {len(result.refused)} refused")
    for bad in result.refused:
        info(f"[yellow]refused[/yellow] suggestion {bad['suggestion_id']}: {bad['error']}")
    if result.refused:
        raise typer.Exit(EXIT_PARTIAL)


@review_app.command("reject")
def review_reject(
    ids: list[int] = typer.Argument(..., help="Suggestion ids to reject."),
    db: str = DbOption,
    reason: Optional[str] = typer.Option(None, "--reason"),
    actor: Optional[str] = ActorOption,
    as_json: bool = JsonOption,
) -> None:
    """Reject suggestions by id (all or none)."""
    from nkmonitor.track.review import decide_many

    with _guard():
        _report_decisions(decide_many(_store(db), ids, "reject", actor, reason), as_json)


@review_app.command("edit")
def review_edit(
    suggestion_id: int = typer.Argument(..., help="Suggestion id."),
    set_: list[str] = typer.Option(..., "--set", help="field=value (repeatable; empty value removes the field)."),
    db: str = DbOption,
    reason: Optional[str] = typer.Option(None, "--reason"),
    actor: Optional[str] = ActorOption,
    as_json: bool = JsonOption,
) -> None:
    """Correct fields of a suggestion (status becomes edited, which counts as accepted)."""
    from nkmonitor.track.review import decide, parse_changes

    with _guard():
        changes = parse_changes(set_)
        _report_decisions([decide(_store(db), suggestion_id, "edit", actor, reason, changes)], as_json)


@review_app.command("undo")
def review_undo(
    log_id: int = typer.Argument(..., help="Review log entry to undo."),
    db: str = DbOption,
    reason: Optional[str] = typer.Option(None, "--reason"),
    actor: Optional[str] = ActorOption,
    as_json: bool = JsonOption,
) -> None:
    """Undo a logged decision (restores its before-state and logs the inverse entry)."""
    from nkmonitor.track.review import undo

    with _guard():
        _report_decisions([undo(_store(db), log_id, actor, reason)], as_json)


@review_app.command("log")
def review_log(
    db: str = DbOption,
    suggestion: Optional[int] = typer.Option(None, "--suggestion", help="Only entries about this suggestion."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only entries by this actor."),
    limit: int = typer.Option(100, "--limit"),
    as_json: bool = JsonOption,
) -> None:
    """The append-only audit log of review decisions, newest first."""
    from nkmonitor.track.review import audit_log

    with _guard():
        rows = audit_log(_store(db), suggestion_id=suggestion, actor=actor, limit=limit)
    if as_json:
        emit_json(rows)
        return
    table = Table()
    for col in ("id", "suggestion", "actor", "at", "action", "status", "reason", "undone_by"):
        table.add_column(col)
    for r in rows:
        before, after = (r["before"] or {}).get("status"), (r["after"] or {}).get("status")
        table.add_row(str(r["id"]), str(r["suggestion_id"]), r["actor"], r["at"], r["action"],
                      f"{before} -> {after}", r["reason"] or "", str(r["undone_by"] or ""))
    from rich.console import Console

    Console().print(table)


# --------------------------------------------------------------------------- recommendations
@app.command("recommendations")
def recommendations_cmd(
    db: str = DbOption,
    addressee: Optional[str] = typer.Option(None, "--addressee", help="State or body id (national bodies count as their state)."),
    status: Optional[str] = typer.Option(None, "--status", help="implemented, partly or open."),
    action: Optional[str] = typer.Option(None, "--action", help="Codebook action id."),
    as_of: Optional[str] = AsOfOption,
    reviewed_only: bool = typer.Option(False, "--reviewed-only", help="Leave out recommendations nobody has accepted yet."),
    as_json: bool = JsonOption,
) -> None:
    """Tracked recommendations: who made them, when, and whether later facts show them implemented."""
    from nkmonitor.track.recommendations import tracked_recommendations

    with _guard():
        rows = tracked_recommendations(_store(db), _pack(), addressee=addressee, status=status, action=action,
                                       as_of=as_of, include_unreviewed=not reviewed_only)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    table = Table()
    for col in ("addressee", "action", "made by", "first", "last", "docs", "status", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        # the evidence that set the status first
        rank = {"implemented": "implements", "partly": "partly"}.get(r.status, "contradicts")
        shown = sorted(r.status_evidence, key=lambda e: e.effect != rank)
        ev = "; ".join(e.summary for e in shown[:2]) + (f" (+{len(shown) - 2})" if len(shown) > 2 else "")
        table.add_row(r.addressee, r.action, ", ".join(r.made_by), r.first_date or "?", r.last_date or "?",
                      str(len(r.documents)), r.status + ("" if r.reviewed else " (unreviewed)"), ev)
    from rich.console import Console

    Console().print(table)
    info(f"{len(rows)} tracked recommendation(s)")


# --------------------------------------------------------------------------- indicators
@app.command("indicators")
def indicators_cmd(
    name: str = typer.Argument(..., help="vacancy, attention, hr-salience or alignment."),
    db: str = DbOption,
    by: str = typer.Option("year", "--by", help="year or quarter."),
    date_from: Optional[str] = typer.Option(None, "--from", help="First year (default 2004)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Last year (default 2025)."),
    as_of: Optional[str] = AsOfOption,
    as_json: bool = JsonOption,
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV on stdout."),
) -> None:
    """Compute an indicator per period (definitions: docs/tracking.md or `nkmonitor indicators list`)."""
    from nkmonitor.track.indicators import INDICATORS, compute_indicator

    if name == "list":
        for key, ind in INDICATORS.items():
            typer.echo(f"{key}: {ind.definition}")
        return
    with _guard():
        # vacancy and alignment work from the pack alone; a database adds accepted facts (and salience)
        store = None
        if name in INDICATORS and (INDICATORS[name].needs_store or _db_exists(db)):
            store = _store(db)
        table = compute_indicator(name, store, _pack(), by=by, as_of=as_of, date_from=date_from, date_to=date_to)
    if as_json:
        emit_json(table.to_json())
        return
    if as_csv:
        rows = table.rows_flat()
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()) if rows else ["period"])
        writer.writeheader()
        writer.writerows(rows)
        return
    rows = table.rows_flat()
    out = Table(title=f"{table.name}: {table.definition}")
    cols = list(rows[0].keys()) if rows else []
    for col in cols:
        out.add_column(col)
    for r in rows:
        out.add_row(*["" if r[c] is None else (f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c])) for c in cols])
    from rich.console import Console

    Console().print(out)
