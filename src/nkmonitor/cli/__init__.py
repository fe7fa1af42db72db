"""The `nkmonitor` command line: thin commands over the library (data on stdout, messages on stderr)."""

from __future__ import annotations

import typer

from nkmonitor import __version__

app = typer.Typer(
    name="nkmonitor",
    help="Evidence-linked monitor of North Korean human-rights policy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nkmonitor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Evidence-linked monitor of North Korean human-rights policy."""


# Each feature registers its commands on `app` when its module is imported.
from nkmonitor.cli import archive, knowledge, extraction, tracking, web, demo  # noqa: E402,F401
from nkmonitor.cli import briefing  # noqa: E402,F401


def main() -> None:
    app()
