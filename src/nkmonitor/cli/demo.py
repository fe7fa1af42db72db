"""`nkmonitor demo`: the README's main job — build the demo database and serve the dashboard."""

from __future__ import annotations

from pathlib import Path

import typer

from nkmonitor.cli import app
from nkmonitor.cli.common import EXIT_FATAL, emit_json, fail, info
from nkmonitor.errors import NkmonitorError


def sample_corpus_dir() -> Path:
    """The bundled sample corpus (written by the project, about real, sourced events)."""
    here = Path(__file__).resolve()
    for base in (here.parents[1], here.parents[3]):  # package data, then the source checkout
        candidate = base / "samples" / "corpus"
        if candidate.is_dir():
            return candidate
    raise NkmonitorError("the bundled sample corpus was not found", code="NK-IN-007",
                         hint="run from a source checkout (samples/corpus)")


@app.command()
def demo(
    db: str = typer.Option("./nkmonitor-demo.db", "--db", envvar="NKMONITOR_DEMO_DB", help="Demo database (SQLite path or postgresql:// URL)."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve the dashboard after building."),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    json_out: bool = typer.Option(False, "--json", help="Print the build summary as JSON."),
) -> None:
    """Build the demo database (pack, sample corpus, analysis), show what it holds, serve it."""
    from nkmonitor.pipeline import build_demo

    try:
        summary = build_demo(db, sample_corpus_dir(), progress=info)
    except NkmonitorError as exc:
        fail(str(exc), EXIT_FATAL)
    if json_out:
        emit_json(summary)
    else:
        _print_summary(summary)
    if serve:
        from nkmonitor.web import serve as serve_web

        info(f"Dashboard: http://{host}:{port}/  (Ctrl-C to stop)")
        serve_web(db, host=host, port=port)


def _print_summary(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    table = Table(title=f"nkmonitor demo database: {summary['db']}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in summary["counts"].items():
        table.add_row(key.replace("_", " "), str(value))
    out.print(table)
    docs = Table(title="Documents")
    for col in ("id", "published", "outlet", "title"):
        docs.add_column(col)
    for row in summary["documents"]:
        docs.add_row(str(row["id"]), row.get("published") or "", row.get("outlet") or "", row.get("title") or "")
    out.print(docs)
    if summary.get("posts"):
        posts = Table(title="Tracked posts (pack + accepted facts) today")
        posts.add_column("post")
        posts.add_column("state")
        for row in summary["posts"]:
            posts.add_row(row["post"], row["state"])
        out.print(posts)
