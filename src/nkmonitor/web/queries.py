"""The few read-only queries pages need that the library does not offer: filtered lists with totals."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from nkmonitor.store.core import LIST_COLUMNS, check_date, decode_json, document_filters

# Counting shares its filters with the listing it pages through.
from nkmonitor.store.suggestions import count_suggestions  # noqa: F401  (re-exported for pages)


def browse_documents(store, *, outlet: str | None = None, language: str | None = None,
                     date_from: str | None = None, date_to: str | None = None, sort: str = "published",
                     limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Documents without text, filtered, newest first, and how many match in all."""
    date_from, date_to = check_date(date_from, "from"), check_date(date_to, "to")
    where, params = document_filters(outlet=outlet, language=language, date_from=date_from, date_to=date_to)
    params.update({"l": int(limit), "o": int(offset)})
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    # Undated documents last; the documents_published index serves this order.
    order = "published DESC NULLS LAST, id DESC" if sort == "published" else "id DESC"
    with store.connect(write=False) as conn:
        total = int(conn.execute(text(f"SELECT count(*) FROM documents{clause}"), params).scalar_one())
        rows = conn.execute(text(f"SELECT {', '.join(LIST_COLUMNS)} FROM documents{clause} "
                                 f"ORDER BY {order} LIMIT :l OFFSET :o"), params)
        items = []
        for r in rows:
            d = dict(r._mapping)
            if "metadata" in d:
                d["metadata"] = decode_json(d["metadata"])
            items.append(d)
    return items, total


def suggestion_types(store) -> list[str]:
    with store.connect(write=False) as conn:
        return [r[0] for r in conn.execute(text("SELECT DISTINCT type FROM suggestions ORDER BY type"))]
