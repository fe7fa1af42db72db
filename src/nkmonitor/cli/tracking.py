"""CLI commands for the tracking feature (registered on the main app)."""

from nkmonitor.cli import app  # noqa: F401
