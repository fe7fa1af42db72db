"""Archive commands: ingest, search, documents (list, show) and export documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from nkmonitor.cli import app
from nkmonitor.cli.common import (
    EXIT_FATAL, EXIT_PARTIAL, EXIT_USAGE, DbOption, JsonOption, emit_json, err_console, fail, info,
)
from nkmonitor.errors import InputError, NkmonitorError, QueryError, StoreError

documents_app = typer.Typer(help="List stored documents or show one.", no_args_is_help=False)
# Other features add `nkmonitor export <thing>` commands to this group.
export_app = typer.Typer(help="Export data (CSV, JSON Lines, Parquet).", no_args_is_help=True)
app.add_typer(documents_app, name="documents")
app.add_typer(export_app, name="export")

# Unlikely control characters mark highlights, so snippets can be escaped before styling.
_MARK = ("\x02", "\x03")


def open_db(db: str):
    """Open the store or exit 3 with one clear message (unreachable server, unwritable path)."""
    from nkmonitor.store import open_store

    try:
        return open_store(db)
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files and folders (read recursively)."),
    db: str = DbOption,
    json_out: bool = JsonOption,
) -> None:
    """Store documents from files and folders; duplicates are recognised, failures listed."""
    from nkmonitor.config import get_settings
    from nkmonitor.pipeline import ingest_paths

    store = open_db(db)
    try:
        if err_console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          TextColumn("{task.description}"), console=err_console, transient=True) as bar:
                task = bar.add_task("", total=None)

                def progress(done: int, total: int, source: str | None) -> None:
                    bar.update(task, completed=done, total=total, description=Path(source).name if source else "")

                report = ingest_paths(store, paths, get_settings(db=db), progress=progress)
        else:
            report = ingest_paths(store, paths, get_settings(db=db))
    finally:
        store.close()
    if json_out:
        emit_json(report.to_json())
    for failure in report.failed:
        err_console.print(f"[red]failed:[/red] {escape(failure['error'])}", highlight=False)
    info(report.summary())
    if report.interrupted:
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def search(
    query: str = typer.Argument(..., help='Words (all must match), "exact phrase", prefix*, OR, NOT/-word, ( ).'),
    date_from: Optional[str] = typer.Option(None, "--from", help="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Published on or before."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (case-insensitive)."),
    language: Optional[str] = typer.Option(None, "--language", help="Only this language code, e.g. en or ko."),
    limit: int = typer.Option(20, "--limit", min=1, max=1000, help="Most results to show."),
    db: str = DbOption,
    json_out: bool = JsonOption,
) -> None:
    """Full-text search, best matches first, with highlighted snippets."""
    store = open_db(db)
    try:
        hits = store.search(query, date_from=date_from, date_to=date_to, outlet=outlet, language=language,
                            limit=limit, mark=("<mark>", "</mark>") if json_out else _MARK)
    except (QueryError, InputError) as err:
        fail(str(err), EXIT_USAGE)
    except StoreError as err:
        fail(str(err), EXIT_FATAL)
    finally:
        store.close()
    if json_out:
        emit_json([{k: v for k, v in h.to_json().items()} for h in hits])
        return
    if not hits:
        info("no documents match")
        return
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False)
    for h in hits:
        head = f"[bold]#{h.id}[/bold] {escape(h.date or 'undated')}  {escape(h.outlet or '')}  [bold]{escape(h.title or h.source)}[/bold]"
        out.print(head + (f"  [dim](near-duplicate of #{h.duplicate_of})[/dim]" if h.duplicate_of else ""))
        snippet = escape(" ".join(h.snippet.split())).replace(_MARK[0], "[reverse]").replace(_MARK[1], "[/reverse]")
        out.print(f"    {snippet}")
    info(f"{len(hits)} documents")


@documents_app.callback(invoke_without_command=True)
def documents(
    ctx: typer.Context,
    limit: int = typer.Option(50, "--limit", min=1, help="Most documents to list."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (newest first)."),
    db: str = DbOption,
    json_out: bool = JsonOption,
) -> None:
    """List stored documents, newest first (same as `documents list`)."""
    if ctx.invoked_subcommand is None:
        list_documents(limit=limit, offset=offset, db=db, json_out=json_out)


@documents_app.command("list")
def list_documents(
    limit: int = typer.Option(50, "--limit", min=1, help="Most documents to list."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (newest first)."),
    db: str = DbOption,
    json_out: bool = JsonOption,
) -> None:
    """List stored documents, newest first."""
    store = open_db(db)
    try:
        rows = store.list_documents(limit=limit, offset=offset)
        total = store.count_documents()
    except StoreError as err:
        fail(str(err), EXIT_FATAL)
    finally:
        store.close()
    if json_out:
        emit_json(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False)
    for col in ("id", "published", "lang", "outlet", "title", "dup of"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["id"]), r["published"] or "", r["language"] or "", r["outlet"] or "",
                      r["title"] or r["source"], str(r["duplicate_of"] or ""))
    Console().print(table)
    info(f"{len(rows)} of {total} documents")


@documents_app.command("show")
def show_document(
    doc_id: int = typer.Argument(..., metavar="ID", help="Document id (see `nkmonitor documents`)."),
    db: str = DbOption,
    json_out: bool = JsonOption,
) -> None:
    """Show one document: metadata, sources and text."""
    store = open_db(db)
    try:
        doc = store.get_document(doc_id)
    except InputError as err:
        fail(str(err), EXIT_USAGE)
    except StoreError as err:
        fail(str(err), EXIT_FATAL)
    finally:
        store.close()
    if json_out:
        emit_json(doc)
        return
    for key in ("id", "title", "author", "outlet", "published", "published_from", "language", "url", "source",
                "reader", "reader_version", "size_bytes", "ingested_at", "content_hash", "raw_hash"):
        if doc.get(key) not in (None, ""):
            typer.echo(f"{key}: {doc[key]}")
    if doc["duplicate_of"]:
        typer.echo(f"near-duplicate of: #{doc['duplicate_of']} (similarity {doc['similarity']})")
    if doc["near_duplicates"]:
        typer.echo("near-duplicates: " + ", ".join(f"#{i}" for i in doc["near_duplicates"]))
    for src in doc["sources"]:
        typer.echo(f"seen: {src['source']} ({src['seen_at']})")
    typer.echo("")
    typer.echo(doc["text"])


@export_app.command("documents")
def export_documents_cmd(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="csv, jsonl or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (stdout if omitted; required for parquet)."),
    db: str = DbOption,
) -> None:
    """Export every document with its metadata and text."""
    from nkmonitor.store.export import export_documents

    store = open_db(db)
    try:
        count = export_documents(store, fmt, output, stream=sys.stdout)
    except InputError as err:
        fail(str(err), EXIT_USAGE)
    except StoreError as err:
        fail(str(err), EXIT_FATAL)
    finally:
        store.close()
    info(f"exported {count} documents" + (f" to {output}" if output else ""))
