"""docs/cli.md is the generated reference of the current commands."""

from pathlib import Path

from nkmonitor.cli.reference import render_cli_reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current():
    expected = render_cli_reference()
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is out of date: run `python -m nkmonitor.cli.reference > docs/cli.md`")


def test_reference_names_every_main_command():
    text = render_cli_reference()
    for name in ("ingest", "search", "documents", "export", "extract", "eval", "analyze", "review", "posts",
                 "instruments", "un-votes", "recommendations", "indicators", "brief", "serve", "demo", "pack"):
        assert f"`nkmonitor {name}" in text, name
