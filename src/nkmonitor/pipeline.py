"""Where the stages meet the store: ingest files into the archive (analysis runs are added here too)."""

from __future__ import annotations

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
