"""Export the documents table as CSV, JSON Lines or Parquet, streaming in batches."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator

from nkmonitor.errors import BadValue, StoreError
from nkmonitor.store.core import DOCUMENT_COLUMNS, Store

FORMATS = ("csv", "jsonl", "parquet")
_BATCH = 1000


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["metadata"] = json.dumps(row["metadata"], ensure_ascii=False, default=str, sort_keys=True)
    return out


def _parquet_schema():
    import pyarrow as pa

    types = {"id": pa.int64(), "size_bytes": pa.int64(), "is_sample": pa.bool_(), "duplicate_of": pa.int64(),
             "similarity": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in DOCUMENT_COLUMNS])


def export_documents(store: Store, fmt: str, out: str | Path | None = None, stream: IO | None = None) -> int:
    """Write every document (all columns, metadata as JSON) to `out` or to `stream`; returns the count.

    Parquet is binary and needs a file. The file is written to a temporary name first and
    renamed at the end, so a failed export never leaves a truncated file behind.
    """
    if fmt not in FORMATS:
        raise BadValue(f"unknown export format (use {', '.join(FORMATS)})", subject=f"--format {fmt}")
    if fmt == "parquet" and out is None:
        raise BadValue("Parquet is binary: give an output file", subject="--format parquet", hint="add -o documents.parquet")
    rows: Iterator[dict[str, Any]] = store.iter_documents(batch=_BATCH)
    if out is None:
        return _write_text(rows, fmt, stream or sys.stdout)
    target = Path(out)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "parquet":
            count = _write_parquet(rows, tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                count = _write_text(rows, fmt, fh)
        tmp.replace(target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write the export ({err.strerror or err})", subject=str(target)) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _write_text(rows: Iterator[dict[str, Any]], fmt: str, fh: IO) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=list(DOCUMENT_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
            count += 1
    else:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_flat(row))
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


__all__ = ["FORMATS", "export_documents"]
