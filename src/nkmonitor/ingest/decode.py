"""Bytes to text: BOM, UTF-8, declared charset, then charset detection; binary data refused."""

from __future__ import annotations

import codecs
import re

from nkmonitor.errors import CorruptInput

# WHATWG-style aliases: pages labelled with the narrow charset are in practice written in
# its superset (Windows code pages), and decoding with the narrow one would fail on them.
_SUPERSETS = {
    "euc-kr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in `<meta charset>` or `http-equiv` (first 4 KB), if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we accept (NULs or many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


# Control bytes that do not occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def normalize_newlines(text: str) -> str:
    """`\\r\\n` and lone `\\r` become `\\n`; nothing else changes (evidence offsets rely on it)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> tuple[str, str]:
    """Decode a file's bytes; returns (text without BOM, codec used). Raises CorruptInput for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise CorruptInput(f"starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason} at byte {exc.start})", subject=source) from None
    if looks_binary(data):
        raise CorruptInput("is binary data, not text", subject=source, hint="check the file is what its name says; UTF-16 text needs a byte-order mark")
    # Valid UTF-8 first, even against a declaration: legacy-encoded text is almost never valid
    # UTF-8 by accident, while browsers' "save page" re-encodes to UTF-8 and keeps the old
    # <meta charset=euc-kr>.
    tried = ["utf-8"]
    if html:
        declared = declared_charset(data)
        if declared:
            tried.append(declared)
    for codec in tried:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    guessed = _guess_legacy(data)
    if guessed:
        return guessed
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is None:
        # Every byte sequence is valid Latin-1, so this is the last resort rather than failing.
        return data.decode("cp1252", errors="replace"), "cp1252"
    return str(best), best.encoding


# Legacy encodings worth trying, most likely first for this field (Korean, then Western).
_CANDIDATES = ("cp949", "cp1252", "cp1251", "gb18030", "cp932", "euc_jp", "big5", "iso8859_7")


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    """Settle the two common cases directly; charset detection is unreliable on short texts."""
    try:
        text = data.decode("cp949")
        non_ascii = [c for c in text if ord(c) > 127]
        if non_ascii and sum("\uac00" <= c <= "\ud7a3" for c in non_ascii) / len(non_ascii) >= 0.8:
            return text, "cp949"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    non_ascii = [c for c in letters if ord(c) > 127]
    # Western text is mostly ASCII letters with a few accented ones; a Cyrillic or Greek text
    # misread as cp1252 would be almost all accented letters.
    if letters and all("\u00c0" <= c <= "\u00ff" for c in non_ascii) and len(non_ascii) <= 0.3 * len(letters):
        return text, "cp1252"
    return None
