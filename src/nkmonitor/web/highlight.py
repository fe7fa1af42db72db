"""Split a document's text into plain and highlighted segments for the reader (escaped later)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    text: str
    spans: list = field(default_factory=list)  # ids of the evidence spans covering this segment
    starts: list = field(default_factory=list)  # ids whose span starts here (anchor targets)


def segments(text: str, spans: list[tuple[object, int, int]]) -> list[Segment]:
    """Cut `text` at every span boundary; overlapping spans give segments with several ids.

    The template escapes each segment and wraps highlighted ones in <mark>, so no document
    character is ever treated as markup (we never insert tags into the raw text).
    """
    n = len(text)
    clean = [(sid, max(0, min(int(s), n)), max(0, min(int(e), n))) for sid, s, e in spans
             if s is not None and e is not None]
    clean = [(sid, s, e) for sid, s, e in clean if e > s]
    cuts = sorted({0, n, *(s for _, s, _ in clean), *(e for _, _, e in clean)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [sid for sid, s, e in clean if s <= a and b <= e]
        starting = [sid for sid, s, _ in clean if s == a]
        out.append(Segment(text[a:b], covering, starting))
    if not out:
        out.append(Segment(text))
    return out


# Sentinels the store puts around search matches instead of <mark>: control characters
# cannot come from normalized document text, so after escaping they are the only markers.
MARK_START, MARK_END = "\x02", "\x03"


def safe_snippet(snippet: str) -> str:
    """A search snippet as HTML: the document text escaped, the matches in <mark>."""
    from markupsafe import escape

    return str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
