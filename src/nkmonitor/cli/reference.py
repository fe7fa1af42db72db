"""The CLI reference (docs/cli.md), generated from the commands themselves so it cannot drift."""

from __future__ import annotations

import typer

# Typer ships its own copy of click, so parameters and groups are recognised by shape, not class.


def _is_argument(param) -> bool:
    return type(param).__name__.endswith("Argument")


def _rows(command) -> list[str]:
    rows = []
    for param in command.params:
        if _is_argument(param):
            name = (param.metavar or param.name or "").upper()
            rows.append(f"| `{name}` | argument{' (repeatable)' if param.nargs == -1 else ''} | |")
            continue
        if getattr(param, "hidden", False) or not hasattr(param, "opts"):
            continue
        names = ", ".join(f"`{o}`" for o in [*param.opts, *getattr(param, "secondary_opts", [])])
        help_text = (param.help or "").replace("|", "\\|").replace("\n", " ")
        default = ""
        if param.default not in (None, False, (), []) and not getattr(param, "is_flag", False):
            value = getattr(param.default, "value", param.default)  # enums print as their value
            default = f"default `{value}`"
        if param.envvar:
            default = (default + "; " if default else "") + f"env `{param.envvar}`"
        rows.append(f"| {names} | {help_text} | {default} |")
    return rows


def _walk(command, path: list[str], out: list[str]) -> None:
    name = " ".join(path)
    if hasattr(command, "commands"):
        if len(path) > 1:
            out.append(f"## `{name}`\n")
            if command.help:
                out.append(command.help.strip() + "\n")
        for sub_name in sorted(command.commands):
            _walk(command.commands[sub_name], [*path, sub_name], out)
        return
    out.append(f"{'##' if len(path) == 2 else '###'} `{name}`\n")
    if command.help:
        out.append(command.help.strip() + "\n")
    rows = _rows(command)
    if rows:
        out.append("| parameter | meaning | default |\n|---|---|---|")
        out.extend(rows)
        out.append("")


def render_cli_reference() -> str:
    """Markdown for every command, subcommand and option of `nkmonitor`."""
    from nkmonitor.cli import app

    root = typer.main.get_command(app)
    out = ["# CLI reference", "",
           "Generated from the code by `python -m nkmonitor.cli.reference > docs/cli.md`;",
           "a test fails when this file and the commands disagree.", ""]
    _walk(root, ["nkmonitor"], out)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_cli_reference())
