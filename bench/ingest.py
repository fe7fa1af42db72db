"""Benchmark: ingest throughput (documents/s, MB/s) and search latency p50/p95 at 100,000 documents.

    python bench/ingest.py                      # SQLite; PostgreSQL too if NKMONITOR_TEST_PG_URL is set
    python bench/ingest.py --pg postgresql://…  # PostgreSQL at this URL (a throwaway schema is used)
    python bench/ingest.py --docs 2000 --search-docs 20000   # a quicker run

The text is synthetic (words of the field drawn with a Zipf-like law, 2-5 KB a document),
so the figures measure the archive, not any publisher's content.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from nkmonitor.config import get_settings
from nkmonitor.ingest import content_hash, raw_hash
from nkmonitor.pipeline import ingest_paths
from nkmonitor.records import Document
from nkmonitor.store import open_store

FIELD = """special envoy human rights north korea dprk united nations general assembly resolution
council security rapporteur commission inquiry coi report accountability detention political prison
camp kwanliso forced labour repatriation defectors refugees china border abductions japan families
separated humanitarian aid famine food sanctions seoul pyongyang washington geneva ambassador
appointment vacancy nominated confirmed senate act reauthorization law ministry unification foundation
testimony witnesses crimes against humanity torture executions public religious freedom information
radio broadcasts leaflets consensus vote adopted cosponsors abstained opposed universal periodic review
recommendations accepted noted government statement dialogue engagement pressure policy administration
mechanism evidence documentation archive ngo civil society survivors women children disability
overseas workers cyber covid lockdown quarantine isolation economy markets elections parliament bill
amendment budget funding office field based structure seoul high commissioner secretary general""".split()
COMMON = """the of and to in a is that for on as with by was at from be this which or are it an
were has have had been their its but not also said would will more than after over about""".split()

QUERIES = {
    "term": ["repatriation", "rapporteur", "kwanliso", "leaflets", "abductions", "famine"],
    "phrase": ['"special envoy"', '"forced labour"', '"crimes against humanity"', '"general assembly"'],
    "prefix": ["envo*", "abduct*", "repatri*", "defect*"],
}


def synthetic_text(rng: random.Random) -> str:
    # Each document is about a few topics: common words plus ~40 field words of its own, so a
    # field term occurs in a fraction of the archive, as in real collections.
    topic = COMMON + rng.sample(FIELD, 40)
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(topic))]
    target = rng.randint(2000, 5000)
    sentences, size = [], 0
    while size < target:
        words = rng.choices(topic, weights=weights, k=rng.randint(12, 30))
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def synthetic_document(i: int, rng: random.Random) -> Document:
    body = f"Document {i} of the benchmark. " + synthetic_text(rng)
    data = body.encode("utf-8")
    return Document(source=f"bench://{i}", text=body, raw_hash=raw_hash(data), content_hash=content_hash(body),
                    reader="text", reader_version="bench", title=f"Benchmark document {i}",
                    outlet=rng.choice(["Yonhap", "NK News", "UN News", "Daily NK", "KBS"]),
                    published=f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}", language="en",
                    size_bytes=len(data))


def write_corpus(folder: Path, n: int, seed: int) -> int:
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        text = f"Document {i} of the benchmark. " + synthetic_text(rng)
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        total += (sub / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run_backend(name: str, url: str, corpus: Path, n_docs: int, search_docs: int, repeats: int) -> dict:
    store = open_store(url)
    result: dict = {"backend": name}
    started = time.perf_counter()
    report = ingest_paths(store, [corpus], get_settings())
    seconds = time.perf_counter() - started
    assert report.ingested == n_docs and not report.failed, report.summary()
    result.update(ingest_docs=report.ingested, ingest_seconds=round(seconds, 2),
                  docs_per_s=round(report.ingested / seconds, 1),
                  mb_per_s=round(report.bytes_read / 1e6 / seconds, 2))
    print(f"[{name}] ingested {report.ingested} documents in {seconds:.1f} s", file=sys.stderr)

    extra = search_docs - store.count_documents()
    if extra > 0:
        rng = random.Random(99)
        started = time.perf_counter()
        loaded = store.bulk_load(synthetic_document(n_docs + i, rng) for i in range(extra))
        result["bulk_load_docs_per_s"] = round(loaded / (time.perf_counter() - started), 1)
        print(f"[{name}] bulk-loaded {loaded} more documents", file=sys.stderr)
    result["search_docs"] = store.count_documents()
    if name == "postgresql":
        with store.connect() as conn:
            conn.exec_driver_sql("ANALYZE documents")

    timings: dict[str, list[float]] = {kind: [] for kind in QUERIES}
    for kind, queries in QUERIES.items():
        for q in queries:
            store.search(q, limit=20)  # warm the caches once per query
            for _ in range(repeats):
                t0 = time.perf_counter()
                store.search(q, limit=20)
                timings[kind].append((time.perf_counter() - t0) * 1000)
    everything = [t for ts in timings.values() for t in ts]
    result["search_ms"] = {kind: {"p50": round(percentile(ts, 50), 2), "p95": round(percentile(ts, 95), 2)}
                           for kind, ts in timings.items()}
    result["search_ms"]["all"] = {"p50": round(percentile(everything, 50), 2),
                                  "p95": round(percentile(everything, 95), 2)}
    store.close()
    print(f"[{name}] {json.dumps(result)}", file=sys.stderr)
    return result


def lsh_build_seconds(n: int) -> float:
    """Time to build the near-duplicate index from n stored signatures (random ones)."""
    import numpy as np

    from nkmonitor.store.dedup import NUM_PERM, NearDuplicateIndex, from_bytes

    rng = np.random.default_rng(5)
    blobs = [(i, rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint32).tobytes()) for i in range(n)]
    started = time.perf_counter()
    index = NearDuplicateIndex(lambda: iter(blobs))
    index.find(from_bytes(blobs[0][1]))  # the first lookup builds the index
    return round(time.perf_counter() - started, 2)


def pg_schema_url(base: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to ingest from files")
    parser.add_argument("--search-docs", type=int, default=100_000, help="documents in the store when searching")
    parser.add_argument("--repeats", type=int, default=10, help="timed runs per query")
    parser.add_argument("--pg", default=os.environ.get("NKMONITOR_TEST_PG_URL"), help="PostgreSQL URL")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory(prefix="nkbench-") as tmp:
        corpus = Path(tmp) / "corpus"
        size = write_corpus(corpus, args.docs, seed=1)
        print(f"generated {args.docs} documents, {size / 1e6:.1f} MB", file=sys.stderr)
        if not args.no_sqlite:
            results.append(run_backend("sqlite", str(Path(tmp) / "bench.db"), corpus, args.docs,
                                       args.search_docs, args.repeats))
        if args.pg:
            url, schema = pg_schema_url(args.pg)
            try:
                results.append(run_backend("postgresql", url, corpus, args.docs, args.search_docs, args.repeats))
            finally:
                drop_schema(args.pg, schema)

    header = f"{'backend':<11} {'docs/s':>8} {'MB/s':>6} {'search docs':>11} {'p50 ms':>7} {'p95 ms':>7}  by kind p50/p95 ms"
    print(header)
    for r in results:
        kinds = "  ".join(f"{k} {v['p50']}/{v['p95']}" for k, v in r["search_ms"].items() if k != "all")
        print(f"{r['backend']:<11} {r['docs_per_s']:>8} {r['mb_per_s']:>6} {r['search_docs']:>11} "
              f"{r['search_ms']['all']['p50']:>7} {r['search_ms']['all']['p95']:>7}  {kinds}")
    lsh = lsh_build_seconds(args.search_docs)
    print(f"near-duplicate index built from {args.search_docs} signatures in {lsh} s")
    print(json.dumps({"benchmark": "ingest", "cpus": os.cpu_count(), "lsh_build_seconds": lsh,
                      "lsh_signatures": args.search_docs, "results": results}))


if __name__ == "__main__":
    main()
