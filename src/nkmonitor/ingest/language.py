"""Language of a document: Korean by its share of Hangul, others by py3langid; too short to tell gives None."""

from __future__ import annotations

import re

# Below this many letters a statistical guess is noise ("UN vote" is not a language sample).
MIN_LETTERS = 20
# Korean news mixes in Latin acronyms and Hanja; a third of the letters in Hangul is already Korean text.
HANGUL_SHARE = 0.3
# py3langid's probability for a guess we keep; below it we say we do not know.
MIN_CONFIDENCE = 0.5

_identifier = None


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LETTER = re.compile(r"[^\W\d_]")


def _langid():
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        _identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str, *, sample_chars: int = 5_000) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ko", ...), or None when it cannot be told."""
    # The opening 5,000 characters decide: more costs time and changes no answer on news.
    sample = text[:sample_chars]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    if len(_HANGUL.findall(sample)) / letters >= HANGUL_SHARE:
        return "ko"
    if letters < MIN_LETTERS:
        return None
    # 3,000 characters are plenty for a character n-gram model and keep long reports cheap.
    lang, prob = _langid().classify(sample[:3000])
    return lang if prob >= MIN_CONFIDENCE else None
