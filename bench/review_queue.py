"""Benchmark: `store.suggestions.list_suggestions` on a review queue of 15,000 waiting suggestions.

    python bench/review_queue.py                      # SQLite in a temporary folder
    python bench/review_queue.py --db postgresql://... # an empty PostgreSQL database or schema
    python bench/review_queue.py --docs 5000 --runs 30

Each synthetic document is analyzed twice through `add_analysis` (as a re-analysis does), with
three facts each time: the first analysis's suggestions are superseded, the second's wait in
the queue (5,000 documents: 15,000 waiting, 15,000 superseded). Prints the median and p95 of
the review page's calls: the first page of the queue, a page filtered by confidence, a deep
page, and the count.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def build(store, pack, n_docs: int, seed: int = 5) -> None:
    from web import synthetic_documents

    from nkmonitor.records import Evidence, Extraction, Fact
    from nkmonitor.store.suggestions import add_analysis

    rng = random.Random(seed)
    store.bulk_load(synthetic_documents(n_docs), batch=2000)
    people = ["robert_king", "julie_turner", "lee_shin_wha", "person_a", "person_b"]
    from sqlalchemy import text

    with store.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM documents ORDER BY id"))]
        for run in ("v1", "v2"):
            for doc_id in ids:
                facts = [Fact(type="post_event", post="us_special_envoy_nkhr", person=rng.choice(people),
                              event=rng.choice(["nominated", "took_office", "left_office"]),
                              date=str(rng.randint(2004, 2025)), confidence=round(rng.random(), 3),
                              evidence=Evidence(start=0, end=10, text="Bench text")) for _ in range(3)]
                add_analysis(conn, document_id=doc_id, text_hash=run, component="bench", component_version=run,
                             pack_version=pack.version, extraction=Extraction(document={}, facts=facts), pack=pack)


def measure(fn, runs: int) -> tuple[float, float]:
    fn()  # warm the caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLite path or postgresql:// URL (default: a temporary SQLite file)")
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()

    from nkmonitor.pack import load_pack
    from nkmonitor.store import open_store
    from nkmonitor.store.suggestions import list_suggestions
    from nkmonitor.web.queries import count_suggestions

    db = args.db or str(Path(tempfile.mkdtemp()) / "queue.db")
    store = open_store(db)
    t0 = time.perf_counter()
    build(store, load_pack(), args.docs)
    print(f"built {db} in {time.perf_counter() - t0:.1f} s (schema version {store.schema_version})")
    waiting = count_suggestions(store, status="suggested")
    print(f"waiting suggestions: {waiting}")
    cases = {
        "first page (status=suggested, 50)": lambda: list_suggestions(store, status="suggested", limit=50),
        "min_confidence 0.9 (50)": lambda: list_suggestions(store, status="suggested", min_confidence=0.9, limit=50),
        "deep page (offset 10,000)": lambda: list_suggestions(store, status="suggested", limit=50, offset=10000),
        "count waiting": lambda: count_suggestions(store, status="suggested"),
    }
    for name, fn in cases.items():
        p50, p95 = measure(fn, args.runs)
        print(f"{name:38s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
