"""Extraction orchestrator: one spaCy pass per document, then linking, facts, recommendations, issues, stance."""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from nkmonitor.analyze.context import DocContext
from nkmonitor.records import Document, Extraction

__all__ = ["Extractor", "COMPONENTS", "CHUNK_CHARS", "split_chunks", "document_header"]

EXTRACTOR_VERSION = "1.0"
# Long texts are parsed in pieces of at most this size so memory stays bounded: the parser's
# temporary memory grows with the characters in a batch (measured: 0.5 MB of text in 100k
# pieces peaked at 1.5 GB, in 10k pieces at 0.4 GB). Pieces end at paragraph breaks where possible.
CHUNK_CHARS = 10_000


def _components() -> dict[str, str]:
    from nkmonitor.analyze import classify, dates, facts, linking, recommendations

    return {
        "extractor": EXTRACTOR_VERSION,
        "linking": getattr(linking, "VERSION", "0"),
        "dates": getattr(dates, "VERSION", "0"),
        "facts": getattr(facts, "VERSION", "0"),
        "recommendations": recommendations.VERSION,
        "classify": classify.VERSION,
    }


def __getattr__(name: str):
    # COMPONENTS is computed on first access so that importing the package stays cheap
    if name == "COMPONENTS":
        return _components()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Consecutive (offset, piece) slices of `text` of at most about `size` chars, cut at paragraph, line or space breaks."""
    if len(text) <= size:
        return [(0, text)]
    chunks, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > size // 4:
                    end = start + cut + len(sep)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def document_header(document: Document) -> dict[str, Any]:
    """The `document` object of an output line (spec: path, title, outlet, url, published, published_from)."""
    head: dict[str, Any] = {"path": document.source}
    for key in ("title", "outlet", "url", "published"):
        value = getattr(document, key)
        if value:
            head[key] = value
    head["published_from"] = document.published_from
    return head


_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(document: Document) -> str | None:
    """The document's language as the reader gave it, else a cheap script-based guess."""
    if document.language:
        return document.language
    sample = document.text[:20_000]
    latin, hangul = len(_LATIN.findall(sample)), len(_HANGUL.findall(sample))
    if hangul > latin:
        return "ko"
    if latin == 0:
        return None
    try:
        import py3langid

        return py3langid.classify(sample)[0]
    except Exception:  # language id is a hint: a failure must not stop extraction
        return "en"


LINE_BREAKS = "nk_line_breaks"


def _register_line_breaks() -> None:
    from spacy.language import Language

    if LINE_BREAKS in Language.factories:
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        """Start a sentence after a blank line, and after a line break that ends a sentence or a short heading.

        The parser would otherwise glue headings ('Appoint a special envoy') onto the next paragraph."""
        line_start = 0
        for tok in doc[:-1]:
            if not tok.is_space or "\n" not in tok.text:
                continue
            nxt = doc[tok.i + 1]
            prev = doc[tok.i - 1] if tok.i else None
            line_len = tok.idx - line_start
            line_start = tok.idx + len(tok.text)
            if nxt.is_space:
                continue
            if "\n\n" in tok.text or (prev is not None and (prev.text in (".", "!", "?", ":") or line_len < 70)):
                nxt.is_sent_start = True
        return doc


def _with_line_breaks(nlp):
    """The pipeline with our cheap line-break sentence hints before the parser (added once)."""
    _register_line_breaks()
    if LINE_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


class Extractor:
    """Runs every extraction component over documents; one instance loads spaCy and the pack once."""

    def __init__(self, settings=None, pack=None, nlp=None, chunk_chars: int = CHUNK_CHARS):
        from nkmonitor.analyze.nlp import load_nlp
        from nkmonitor.config import get_settings

        self.settings = settings or get_settings()
        if pack is None:
            from nkmonitor.pack import load_pack

            pack = load_pack()
        self.pack = pack
        self.nlp = _with_line_breaks(nlp or load_nlp(self.settings.spacy_model))
        self.components = _components()
        self.chunk_chars = chunk_chars

    def extract(self, document: Document) -> Extraction:
        """The whole extraction for one document."""
        return next(iter(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document], n_process: int = 1, batch_size: int = 16) -> Iterator[Extraction]:
        """Extractions in input order; texts stream through `nlp.pipe` in bounded chunks.

        With n_process > 1, whole batches of documents go to forked workers that run the full
        extraction (parse and components), so our components are parallel too, not just the parse."""
        if n_process > 1:
            yield from self._extract_parallel(documents, n_process, batch_size)
            return
        from collections import deque

        pending: dict[int, dict[str, Any]] = {}
        order: deque[int] = deque()
        docs_by_index: dict[int, Document] = {}

        def feed() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for index, document in enumerate(documents):
                docs_by_index[index] = document
                order.append(index)
                language = detect_language(document)
                english = language is None or language.startswith("en")
                chunks = split_chunks(document.text, self.chunk_chars) if english and document.text.strip() else []
                pending[index] = {"language": language, "left": len(chunks), "parts": []}
                for offset, piece in chunks:
                    yield piece, (index, offset, len(chunks))

        def ready() -> Iterator[Extraction]:
            # emit every finished document at the head of the queue, keeping input order
            while order and pending[order[0]]["left"] == 0:
                index = order.popleft()
                state = pending.pop(index)
                yield self._finish(docs_by_index.pop(index), state)

        stream = self.nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size)
        for sdoc, (index, offset, _total) in stream:
            # documents without chunks (empty, non-English) may precede this one
            yield from ready()
            state = pending[index]
            state["parts"].append(self._run_chunk(docs_by_index[index], sdoc, offset, state))
            state["left"] -= 1
            yield from ready()
        yield from ready()

    def _extract_parallel(self, documents: Iterable[Document], n_process: int, batch_size: int) -> Iterator[Extraction]:
        import itertools
        import multiprocessing

        global _POOL_EXTRACTOR
        _POOL_EXTRACTOR = self  # inherited by the forked workers: the model is loaded once
        ctx = multiprocessing.get_context("fork")
        iterator = iter(documents)
        with ctx.Pool(n_process) as pool:
            in_flight = []
            while True:
                # a bounded window of batches keeps memory flat however long the input is
                while len(in_flight) < 2 * n_process:
                    batch = list(itertools.islice(iterator, batch_size))
                    if not batch:
                        break
                    in_flight.append(pool.apply_async(_extract_batch, (batch,)))
                if not in_flight:
                    break
                yield from in_flight.pop(0).get()

    # -- per chunk: everything that needs the parse
    def _context(self, document: Document, sdoc: Any, state: dict[str, Any]) -> DocContext:
        if "dateline" not in state:
            from nkmonitor.analyze.dates import find_dateline

            state["dateline"] = find_dateline(document.text, document.published)
        return DocContext(text=sdoc.text, sdoc=sdoc, published=document.published, pack=self.pack,
                          title=document.title, outlet=document.outlet, author=document.author,
                          url=document.url, dateline=state["dateline"])

    def _run_chunk(self, document: Document, sdoc: Any, offset: int, state: dict[str, Any]) -> dict[str, Any]:
        from nkmonitor.analyze import facts, linking, recommendations

        ctx = self._context(document, sdoc, state)
        part: dict[str, Any] = {"facts": [], "recommendations": [], "errors": [], "offset": offset}
        try:
            ctx.mentions = linking.link_mentions(ctx)
        except Exception as exc:  # one failing component must not lose the rest of the document
            part["errors"].append(f"linking: {type(exc).__name__}: {exc}")
        try:
            part["facts"] = [_shift(f, offset, document.text) for f in facts.extract_facts(ctx)]
        except Exception as exc:
            part["errors"].append(f"facts: {type(exc).__name__}: {exc}")
        try:
            recs = recommendations.extract_recommendations(ctx)
            part["recommendations"] = [_shift(r, offset, document.text) for r in recs]
        except Exception as exc:
            recs = []
            part["errors"].append(f"recommendations: {type(exc).__name__}: {exc}")
        if offset == 0:
            # issues and stance read the title and the lead (the first chunk) plus every ask of the
            # document, so they are decided when the last chunk is done
            state["lead"] = ctx
        return part

    def _finish(self, document: Document, state: dict[str, Any]) -> Extraction:
        extraction = Extraction(document=document_header(document), language=state["language"])
        seen = set()
        for part in sorted(state["parts"], key=lambda p: p["offset"]):
            extraction.facts.extend(part["facts"])
            for rec in part["recommendations"]:
                # one entry per (addressee, action) per document, across chunks too
                if (rec.addressee, rec.action) not in seen:
                    seen.add((rec.addressee, rec.action))
                    extraction.recommendations.append(rec)
            extraction.errors.extend(part["errors"])
        lead = state.get("lead")
        if lead is not None:
            from nkmonitor.analyze import classify

            try:
                extraction.issues = classify.classify_issues(lead, extraction.recommendations)
                extraction.stance = classify.classify_stance(lead, extraction.recommendations)
            except Exception as exc:  # labels are lost, the facts and asks are kept
                extraction.errors.append(f"classify: {type(exc).__name__}: {exc}")
        return extraction


_POOL_EXTRACTOR: "Extractor | None" = None


def _extract_batch(batch: list[Document]) -> list[Extraction]:
    return list(_POOL_EXTRACTOR.extract_many(batch))


def _shift(item: Any, offset: int, full_text: str) -> Any:
    """Move a chunk-relative evidence span to document offsets (and re-slice it from the full text)."""
    if not offset:
        return item
    ev = item.evidence
    start, end = ev.start + offset, ev.end + offset
    return item.model_copy(update={"evidence": ev.model_copy(update={"start": start, "end": end, "text": full_text[start:end]})})
