"""CLI commands for the archive feature (registered on the main app)."""

from nkmonitor.cli import app  # noqa: F401
