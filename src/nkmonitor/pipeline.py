"""Where the stages meet the store: ingest files into the archive (analysis runs are added here too)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from nkmonitor.config import Settings, get_settings
from nkmonitor.errors import InputError, NkmonitorError
from nkmonitor.store import AddOutcome, Store

# progress(done_files, total_files, source) after each file (None source: discovery finished).
Progress = Callable[[int, int, "str | None"], None]


@dataclass
class IngestReport:
    """What one ingest run did, input by input."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    already_present: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    files: int = 0
    bytes_read: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def record(self, outcome: AddOutcome) -> None:
        attr = {"ingested": "ingested", "duplicate": "duplicates", "near_duplicate": "near_duplicates",
                "already_present": "already_present"}[outcome.status]
        setattr(self, attr, getattr(self, attr) + 1)
        self.documents.append(outcome.to_json())

    def fail(self, err: NkmonitorError, source: str | None = None) -> None:
        self.failed.append({"source": err.subject or source or "?", "code": err.code, "error": str(err)})

    def summary(self) -> str:
        parts = [f"{self.ingested} ingested", f"{self.duplicates} exact duplicates",
                 f"{self.near_duplicates} near-duplicates", f"{self.already_present} already present",
                 f"{len(self.failed)} failed"]
        text = ", ".join(parts) + f" ({self.files} files in {self.seconds:.1f} s)"
        return ("interrupted: " + text) if self.interrupted else text

    def to_json(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
            "already_present": self.already_present, "failed": len(self.failed), "files": self.files,
            "bytes": self.bytes_read, "seconds": round(self.seconds, 3), "interrupted": self.interrupted,
            "errors": self.failed, "documents": self.documents,
        }


def ingest_paths(store: Store, paths: Iterable[str | Path], settings: Settings | None = None,
                 progress: Progress | None = None) -> IngestReport:
    """Read files and folders and store every document, one transaction each.

    Bad inputs are reported and skipped; the rest of the batch goes on. Ctrl-C stops after
    the document being stored (its transaction is rolled back or committed whole) and
    returns the report so far with `interrupted` set; rerunning resumes, because documents
    already stored are recognised by source and bytes.
    """
    from nkmonitor.ingest import discover, iter_documents  # readers are optional for store users

    settings = settings or get_settings()
    report = IngestReport()
    started = time.perf_counter()
    near = store.near_index()
    try:
        files: list[Path] = []
        for item in discover(paths):
            if isinstance(item, InputError):
                report.fail(item)
            else:
                files.append(Path(item))
        if progress:
            progress(0, len(files), None)
        for done, path in enumerate(files, start=1):
            report.files += 1
            for item in iter_documents([path], settings):
                if isinstance(item, InputError):
                    report.fail(item, str(path))
                    continue
                report.bytes_read += item.size_bytes
                try:
                    report.record(store.add_document(item, near))
                except NkmonitorError as err:
                    report.fail(err, item.source)
            if progress:
                progress(done, len(files), str(path))
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


# --------------------------------------------------------------------------- analysis (tracking, issue 5)
@dataclass
class AnalyzeReport:
    """What one analysis run did: documents analyzed, left alone (unchanged), skipped or failed."""

    analyzed: list[int] = field(default_factory=list)
    unchanged: int = 0
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    suggestions: int = 0
    carried_over: int = 0
    component_version: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{len(self.analyzed)} analyzed, {self.unchanged} unchanged, {len(self.duplicates)} near-duplicates "
                f"skipped, {len(self.failed)} failed; {self.suggestions} suggestions ({self.carried_over} decisions "
                f"carried over) in {self.seconds:.1f} s")

    def to_json(self) -> dict[str, Any]:
        return {"analyzed": self.analyzed, "unchanged": self.unchanged, "duplicates": self.duplicates,
                "failed": self.failed, "warnings": self.warnings, "suggestions": self.suggestions,
                "carried_over": self.carried_over, "component_version": self.component_version,
                "seconds": round(self.seconds, 3)}


def analyze_store(store: Store, pack: Any, settings: Settings | None = None, all: bool = False,  # noqa: A002
                  progress: Progress | None = None, extractor: Any = None) -> AnalyzeReport:
    """Run the Extractor over new or changed stored documents and queue its output for review.

    A document is analyzed again when its text hash, the extractor's component versions or
    the pack version differ from its latest analysis (or always with `all`). Near-duplicates
    are skipped and reported. Each document is one transaction: the analysis row, one
    suggestion per fact and recommendation, and decisions carried over from identical
    suggestions of its previous analysis.
    """
    import hashlib

    from sqlalchemy import text as sql

    from nkmonitor.records import Document
    from nkmonitor.store.suggestions import add_analysis, carry_over_decisions

    settings = settings or get_settings()
    report = AnalyzeReport()
    started = time.perf_counter()
    if extractor is None:
        from nkmonitor.analyze import COMPONENTS

        components = dict(COMPONENTS)
    else:
        components = dict(extractor.components)
    version = ";".join(f"{k}={v}" for k, v in sorted(components.items()))
    report.component_version = version
    with store.connect(write=False) as conn:
        latest = {r.document_id: r for r in conn.execute(sql(
            "SELECT a.document_id, a.text_hash, a.component_version, a.pack_version FROM analyses a "
            "WHERE a.id = (SELECT max(b.id) FROM analyses b WHERE b.document_id = a.document_id)"))}
    # First pass keeps only ids and hashes; texts are read again one at a time while extracting,
    # so memory stays bounded on a large archive.
    todo: list[tuple[int, str]] = []
    for row in store.iter_documents():
        if row.get("duplicate_of") is not None:
            report.duplicates.append({"document_id": row["id"], "duplicate_of": row["duplicate_of"],
                                      "similarity": row.get("similarity")})
            continue
        text_hash = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
        prev = latest.get(row["id"])
        if (not all and prev is not None and prev.text_hash == text_hash and prev.component_version == version
                and prev.pack_version == pack.version):
            report.unchanged += 1
            continue
        todo.append((row["id"], text_hash))

    def documents() -> Iterable[Document]:
        for doc_id, _ in todo:
            row = store.get_document(doc_id)
            yield Document(source=row["source"], text=row["text"], raw_hash=row["raw_hash"],
                           content_hash=row["content_hash"], reader=row["reader"],
                           reader_version=row["reader_version"], title=row.get("title"), author=row.get("author"),
                           outlet=row.get("outlet"), url=row.get("url"), published=row.get("published"),
                           published_from=row.get("published_from") or "none", language=row.get("language"),
                           size_bytes=row.get("size_bytes") or 0, metadata=row.get("metadata") or {})

    if progress:
        progress(0, len(todo), None)
    if todo:
        if extractor is None:
            from nkmonitor.analyze import Extractor

            extractor = Extractor(settings, pack)
        try:
            for done, ((doc_id, text_hash), extraction) in enumerate(zip(todo, extractor.extract_many(documents())),
                                                                      start=1):
                try:
                    with store.connect() as conn:
                        analysis_id, ids = add_analysis(
                            conn, document_id=doc_id, text_hash=text_hash, component="nkmonitor.analyze",
                            component_version=version, pack_version=pack.version, extraction=extraction, pack=pack)
                        report.carried_over += carry_over_decisions(conn, doc_id, analysis_id)
                    report.analyzed.append(doc_id)
                    report.suggestions += len(ids)
                    if extraction.errors:
                        report.warnings.append({"document_id": doc_id, "errors": list(extraction.errors)})
                except NkmonitorError as err:
                    report.failed.append({"document_id": doc_id, "code": err.code, "error": str(err)})
                if progress:
                    progress(done, len(todo), str(doc_id))
        except KeyboardInterrupt:
            pass  # documents stored so far are whole; rerunning resumes with the rest
    report.seconds = time.perf_counter() - started
    return report


# --------------------------------------------------------------------------- the demo database (README main job)
DEMO_ACCEPT_CONFIDENCE = 0.9


def build_demo(db: str, corpus: Path, settings: Settings | None = None,
               progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build (or bring up to date) the demo database: bundled pack, sample corpus, analysis.

    Suggestions at or above DEMO_ACCEPT_CONFIDENCE are accepted by the actor `demo-build`
    (logged like any decision, and undoable) so that the trackers have reviewed facts to
    show; the rest stay in the review queue. Rerunning adds nothing new.
    """
    from nkmonitor.pack import load_pack
    from nkmonitor.pack.validate import validate_pack
    from nkmonitor.store import open_store
    from nkmonitor.track.fusion import fused_post_timelines
    from nkmonitor.track.review import bulk_accept

    say = progress or (lambda _msg: None)
    settings = settings or get_settings()
    pack = load_pack()
    problems = [p for p in validate_pack(pack) if p.severity == "error"]
    if problems:
        raise NkmonitorError(f"the bundled knowledge pack has {len(problems)} problem(s); run `nkmonitor pack check`",
                             code="NK-PK-000")
    say(f"Knowledge pack {pack.version}: valid")
    store = open_store(db)
    try:
        ingest = ingest_paths(store, [corpus], settings)
        say(f"Sample corpus: {ingest.summary()}")
        analysis = analyze_store(store, pack, settings)
        say(f"Analysis: {analysis.summary()}")
        accepted = bulk_accept(store, DEMO_ACCEPT_CONFIDENCE, actor="demo-build",
                               reason=f"demo build: accept suggestions with confidence >= {DEMO_ACCEPT_CONFIDENCE}",
                               pack=pack)
        say(f"Review: {len(accepted.decided)} high-confidence suggestions accepted by 'demo-build', "
            f"{len(accepted.refused)} refused; the rest wait in the review queue")
        with store.connect(write=False) as conn:
            from sqlalchemy import text as sql

            counts = {
                "documents": conn.execute(sql("SELECT count(*) FROM documents")).scalar_one(),
                "sample_documents": conn.execute(sql("SELECT count(*) FROM documents WHERE is_sample")).scalar_one(),
                "suggestions": conn.execute(sql("SELECT count(*) FROM suggestions")).scalar_one(),
                "accepted": conn.execute(sql(
                    "SELECT count(*) FROM suggestions WHERE status IN ('accepted', 'edited')")).scalar_one(),
                "awaiting_review": conn.execute(sql(
                    "SELECT count(*) FROM suggestions WHERE status = 'suggested'")).scalar_one(),
                "pack_facts": sum(len(getattr(pack, name)) for name in (
                    "tenures", "instrument_events", "resolution_votes", "state_positions", "council_meetings",
                    "mechanism_events", "repatriations")),
            }
        documents = [{k: d.get(k) for k in ("id", "published", "outlet", "title")}
                     for d in store.list_documents(limit=100)]
        today = dt.date.today()
        posts = []
        for timeline in fused_post_timelines(pack, store, today=today):
            seg = timeline.holder_on(today)
            # dates as precise as they are known: "vacant since 2025-01" (month), never a padded day
            since = f"{seg.start} ({seg.start_precision} precision)" if seg is not None and \
                seg.start_precision not in (None, "day") else (seg.start if seg is not None else None)
            if seg is None:
                state = "no record"
            elif seg.kind == "holder":
                state = f"held by {seg.person_name or seg.person} since {since}"
            else:
                state = f"vacant since {since}"
            posts.append({"post": timeline.post, "state": state})
    finally:
        store.close()
    return {"db": db, "counts": counts, "documents": documents, "posts": posts,
            "ingest": ingest.to_json(), "analysis": analysis.to_json()}
