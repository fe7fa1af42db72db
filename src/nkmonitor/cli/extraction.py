"""CLI commands for the extraction feature: `extract` (JSON Lines per document) and `eval` (scores against gold)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import typer

from nkmonitor.cli import app
from nkmonitor.cli.common import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, emit_json, emit_jsonl, fail, info
from nkmonitor.errors import NkmonitorError


def _documents(paths: list[Path], settings, failures: list[str]) -> Iterator:
    """Readable documents in input order; each unreadable input is reported once on stderr and skipped."""
    from nkmonitor.ingest import iter_documents

    for item in iter_documents([str(p) for p in paths], settings):
        if isinstance(item, NkmonitorError):
            failures.append(str(item))
            info(f"[red]error:[/red] {item}")
            continue
        yield item


def _extractor(processes: int):
    from nkmonitor.analyze import Extractor
    from nkmonitor.config import get_settings

    if processes < 1:
        fail("--processes must be at least 1", EXIT_USAGE)
    try:
        return Extractor(get_settings())
    except NkmonitorError as exc:
        fail(str(exc), EXIT_FATAL)


@app.command("extract")
def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders (same readers and sidecars as ingest)."),
    format: str = typer.Option("jsonl", "--format", help="Output format: jsonl (one JSON object per document)."),
    processes: int = typer.Option(1, "--processes", "-j", help="spaCy worker processes."),
) -> None:
    """Extract facts, recommendations, issues and stance; one JSON line per document on stdout."""
    if format != "jsonl":
        fail(f"unknown --format '{format}' (only 'jsonl' is supported)", EXIT_USAGE)
    extractor = _extractor(processes)
    failures: list[str] = []
    for extraction in extractor.extract_many(_documents(paths, extractor.settings, failures), n_process=processes):
        emit_jsonl(extraction.to_json())
    raise typer.Exit(EXIT_PARTIAL if failures else EXIT_OK)


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="Gold JSON Lines (ids are file stems, STEM#N for JSONL rows)."),
    paths: list[Path] = typer.Argument(..., help="Documents to extract and score."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every miss and false positive with its evidence."),
) -> None:
    """Score extraction against gold: per-type and overall P/R/F1, issues, stance."""
    from nkmonitor.analyze.evaluate import evaluate, format_scores, read_gold

    try:
        gold_rows = read_gold(gold)
    except NkmonitorError as exc:
        fail(str(exc), EXIT_USAGE)
    extractor = _extractor(1)
    failures: list[str] = []
    extractions = list(extractor.extract_many(_documents(paths, extractor.settings, failures)))
    scores = evaluate(gold_rows, extractions, pack=extractor.pack)
    if as_json:
        data = scores.to_json()
        if not show_errors:
            data.pop("errors")
        emit_json(data)
    else:
        typer.echo(format_scores(scores, show_errors=show_errors))
    raise typer.Exit(EXIT_PARTIAL if failures else EXIT_OK)
