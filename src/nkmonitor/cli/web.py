"""CLI commands for the web feature (registered on the main app)."""

from nkmonitor.cli import app  # noqa: F401
