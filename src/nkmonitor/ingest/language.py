"""Language of a document: Korean by its share of Hangul, others by py3langid; too short to tell gives None."""

from __future__ import annotations

# Below this many letters a statistical guess is noise ("UN vote" is not a language sample).
MIN_LETTERS = 20
# Korean news mixes in Latin acronyms and Hanja; a third of the letters in Hangul is already Korean text.
HANGUL_SHARE = 0.3
# py3langid's probability for a guess we keep; below it we say we do not know.
MIN_CONFIDENCE = 0.5

_identifier = None


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _langid():
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        _identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str, *, sample_chars: int = 20_000) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ko", ...), or None when it cannot be told."""
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    if sum(map(_is_hangul, letters)) / len(letters) >= HANGUL_SHARE:
        return "ko"
    if len(letters) < MIN_LETTERS:
        return None
    lang, prob = _langid().classify(sample)
    return lang if prob >= MIN_CONFIDENCE else None
