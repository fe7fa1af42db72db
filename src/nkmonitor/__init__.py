"""nkmonitor: an evidence-linked monitor of North Korean human-rights policy."""

__version__ = "0.1.0"

__all__ = ["__version__"]
