"""Shared CLI plumbing: the --db option, JSON output, messages on stderr, exit codes."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console

from nkmonitor.config import DEFAULT_DB

# Exit codes: 0 all fine; 1 some inputs failed (the rest went through); 2 usage or bad value;
# 3 nothing could be done (database or pack unusable).
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3

err_console = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(DEFAULT_DB, "--db", envvar="NKMONITOR_DB", help="SQLite path or postgresql:// URL.")
JsonOption = typer.Option(False, "--json", help="Print JSON on stdout for scripts.")


def emit_json(data: Any) -> None:
    """Write one JSON value to stdout (UTF-8, dates as strings)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str, indent=2) + "\n")


def emit_jsonl(row: Any) -> None:
    sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def info(message: str) -> None:
    err_console.print(message, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one clear error on stderr and exit with `code`."""
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)
