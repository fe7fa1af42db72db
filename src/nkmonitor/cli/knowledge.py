"""CLI commands for the knowledge feature (registered on the main app)."""

from nkmonitor.cli import app  # noqa: F401
