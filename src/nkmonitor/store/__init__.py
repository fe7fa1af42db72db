"""The archive database: documents, dedup, full-text search and the shared schema (SQLite, PostgreSQL).

Other modules query the shared tables through `store.connect()` (a SQLAlchemy connection
in one transaction) and `store.dialect` ('sqlite' or 'postgresql'); JSON columns are read
with `decode_json`. Migrations live in `store/migrations/<dialect>/NNNN_name.sql`.
"""

from nkmonitor.store.core import AddOutcome, SearchHit, Store, decode_json, open_store
from nkmonitor.store.db import utc_now

__all__ = ["AddOutcome", "SearchHit", "Store", "decode_json", "open_store", "utc_now"]
