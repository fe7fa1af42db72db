"""The `brief` command: the state of play as of a date, cited, as Markdown, HTML or PDF."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from nkmonitor.cli import app
from nkmonitor.cli.common import EXIT_FATAL, EXIT_USAGE, fail, info
from nkmonitor.errors import BadValue, NkmonitorError, PackError


class BriefFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


@app.command()
def brief(
    as_of: str = typer.Option(..., "--as-of", help="Date of the state of play: YYYY-MM-DD (YYYY-MM or YYYY: end of that period)."),
    format: BriefFormat = typer.Option(BriefFormat.md, "--format", "-f", help="md, html or pdf."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (required for pdf; md and html default to stdout)."),
    db: Optional[str] = typer.Option(None, "--db", help="Archive database (SQLite path or postgresql:// URL). Without it the brief uses the knowledge pack alone."),
    pack_path: Optional[Path] = typer.Option(None, "--pack", help="Knowledge pack folder (default: the bundled pack)."),
) -> None:
    """Write a briefing: posts, laws, UN votes, Council meetings, recommendations, indicators; every statement cited."""
    from nkmonitor.track.asof import as_of_date

    try:
        day = as_of_date(as_of)
    except BadValue as err:
        fail(str(err), EXIT_USAGE)
    if format is BriefFormat.pdf and output is None:
        fail("--format pdf needs -o FILE (PDF is not written to a terminal)", EXIT_USAGE)

    from nkmonitor.pack import load_pack
    from nkmonitor.report.brief import build_brief, render_html, render_markdown, render_pdf

    try:
        pack = load_pack(pack_path) if pack_path else load_pack()
    except (PackError, NkmonitorError) as err:
        fail(str(err), EXIT_FATAL)
    store = None
    if db:
        from nkmonitor.store import open_store

        try:
            store = open_store(db)
        except NkmonitorError as err:
            fail(str(err), EXIT_FATAL)
    try:
        result = build_brief(store, pack, day)
        if format is BriefFormat.pdf:
            output.write_bytes(render_pdf(result))
        elif format is BriefFormat.html:
            _write_text(render_html(result), output)
        else:
            chart_dir = output.parent if output else None
            _write_text(render_markdown(result, chart_dir=chart_dir, chart_prefix=output.stem if output else "brief"), output)
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL)
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror}", EXIT_FATAL)
    finally:
        if store is not None:
            store.close()
    if output:
        empty = [s.title for s in result.sections if s.empty]
        info(f"wrote {output} ({format.value}, as of {day.isoformat()}, {len(result.citations)} sources"
             + (f"; no data: {', '.join(empty)}" if empty else "") + ")")


def _write_text(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
