"""CLI commands for the extraction feature (registered on the main app)."""

from nkmonitor.cli import app  # noqa: F401
