"""Benchmark: p50/p95 latency of the main pages and API endpoints on a 100,000-document archive.

    python bench/web.py                        # builds bench/results/web-100k.db once, then measures
    python bench/web.py --docs 20000 --runs 20 # a quicker run
    python bench/web.py --db PATH --rebuild    # build a fresh database at PATH

The archive holds synthetic documents (field words, 1-3 KB each, dated 2004-2025, 30
outlets) loaded with `Store.bulk_load`, the bundled sample corpus ingested and analyzed for
real, and synthetic review-queue suggestions cloned from the real ones onto random
documents (one analysis row each), so the queue, counts and joins have production-like
sizes. Requests go over HTTP to uvicorn on localhost, one at a time; charts are warmed first
(as `nkmonitor serve` does), so the figures are steady-state page times.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = """special envoy human rights north korea dprk united nations general assembly resolution council
security rapporteur commission inquiry report accountability detention political prison camp forced labour
repatriation defectors refugees china border abductions japan families separated humanitarian aid famine food
sanctions seoul pyongyang washington geneva ambassador appointment vacancy nominated confirmed senate act
reauthorization law ministry unification testimony witnesses crimes against humanity torture executions
religious freedom information radio leaflets consensus vote adopted cosponsors abstained universal periodic
review recommendations government statement dialogue engagement pressure policy""".split()
COMMON = "the of and to in a is that for on as with by was at from be this which or are it said would after".split()
OUTLETS = [f"Bench Outlet {i}" for i in range(30)]


def synthetic_documents(n: int, seed: int = 7):
    from nkmonitor.records import Document

    rng = random.Random(seed)
    for i in range(n):
        # Each document is about a dozen field words, so a field term matches a fraction of the
        # archive (as in real collections) rather than nearly every document.
        vocab = COMMON * 2 + rng.sample(WORDS, 12)
        sentences = []
        for _ in range(rng.randint(8, 20)):
            sentences.append(" ".join(rng.choices(vocab, k=rng.randint(10, 22))).capitalize() + ".")
        body = f"Bench document {i}. " + " ".join(sentences)
        year = rng.randint(2004, 2025)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.9 else str(year)
        digest = hashlib.sha256(body.encode()).hexdigest()
        yield Document(source=f"bench://{i}", text=body, raw_hash=digest, content_hash=digest, reader="text",
                       reader_version="bench", title=f"Bench {i}: " + " ".join(rng.sample(WORDS, 6)),
                       outlet=rng.choice(OUTLETS), published=published, published_from="sidecar", language="en",
                       size_bytes=len(body))


def clone_suggestions(store, n_docs: int, per_doc: int, seed: int = 11) -> int:
    """Copy the real suggestions onto random synthetic documents (a fresh analysis row for each)."""
    from sqlalchemy import text

    from nkmonitor.store import utc_now

    rng = random.Random(seed)
    with store.connect() as conn:
        real = [dict(r._mapping) for r in conn.execute(text(
            "SELECT kind, type, payload, fact_key, evidence_text, confidence, component, component_version, "
            "pack_version FROM suggestions"))]
        top = conn.execute(text("SELECT max(id) FROM documents WHERE source LIKE 'bench://%'")).scalar_one()
        if not real or not top:
            return 0
        now = utc_now()
        docs = rng.sample(range(1, top + 1), min(n_docs, top))
        added = 0
        for doc_id in docs:
            analysis = conn.execute(text(
                "INSERT INTO analyses (document_id, text_hash, component, component_version, pack_version, "
                "analyzed_at, language, issues, stance) VALUES (:d, 'bench', 'bench', 'bench', NULL, :t, 'en', "
                "'[\"refugees_repatriation\"]', NULL) RETURNING id"), {"d": doc_id, "t": now}).scalar_one()
            rows = []
            for s in rng.sample(real, min(per_doc, len(real))):
                rows.append({**s, "a": analysis, "d": doc_id, "ss": 0, "se": min(len(s["evidence_text"] or ""), 50),
                             "t": now})
            conn.execute(text(
                "INSERT INTO suggestions (analysis_id, document_id, kind, type, payload, fact_key, span_start, span_end, "
                "evidence_text, confidence, status, component, component_version, pack_version, created_at, updated_at) "
                "VALUES (:a, :d, :kind, :type, :payload, :fact_key, :ss, :se, :evidence_text, :confidence, 'suggested', "
                ":component, :component_version, :pack_version, :t, :t)"), rows)
            added += len(rows)
    return added


def build(db: str, n_docs: int, queue_docs: int) -> dict:
    from nkmonitor.pack import load_pack
    from nkmonitor.pipeline import analyze_store, ingest_paths
    from nkmonitor.store import open_store
    from nkmonitor.web import auth

    store = open_store(db)
    # The sample corpus is analyzed first: analyze_store takes every unanalyzed document,
    # and the synthetic ones are not meant for the extractor.
    t0 = time.perf_counter()
    ingest_paths(store, [ROOT / "samples" / "corpus"])
    analyze_store(store, load_pack())
    t1 = time.perf_counter()
    loaded = store.bulk_load(synthetic_documents(n_docs), batch=2000)
    t2 = time.perf_counter()
    cloned = clone_suggestions(store, queue_docs, 3)
    t3 = time.perf_counter()
    auth.add_user(store, "bench", "bench-password", "editor")
    return {"documents": store.count_documents(), "bulk_loaded": loaded, "bulk_seconds": round(t2 - t1, 1),
            "sample_analysis_seconds": round(t1 - t0, 1), "cloned_suggestions": cloned,
            "clone_seconds": round(t3 - t2, 1)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure(db: str, runs: int) -> list[dict]:
    import httpx
    import uvicorn

    from nkmonitor.store import open_store
    from nkmonitor.web import create_app
    from nkmonitor.web.app import WebSettings
    from nkmonitor.web.pages.common import warm_charts

    store = open_store(db)
    n = store.count_documents()
    app = create_app(db, web=WebSettings(secret_key="bench"))
    warm_charts(app)
    with socket_port() as port:
        pass
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(3)
    base = f"http://127.0.0.1:{port}"
    targets = [
        ("page", "/", None), ("page", "/posts", None), ("page", "/laws", None), ("page", "/un-votes", None),
        ("page", "/recommendations", None), ("page", "/indicators", None), ("page", "/documents", None),
        ("page", "/documents?offset=50000", None), ("page", "/documents?q=repatriation", None),
        ("page", '/documents?q="special envoy" camp', None), ("page", "/documents/{id}", None),
        ("page", "/review", "editor"), ("page", "/?as_of=2015-06-30", None),
        ("api", "/api/documents", None), ("api", "/api/documents?offset=99000&limit=50", None),
        ("api", "/api/documents/{id}", None), ("api", "/api/documents/{id}/text", None),
        ("api", "/api/search?q=abductions", None), ("api", "/api/suggestions?status=suggested", None),
        ("api", "/api/facts", None), ("api", "/api/posts", None), ("api", "/api/instruments", None),
        ("api", "/api/un-votes", None), ("api", "/api/recommendations", None),
        ("api", "/api/indicators/attention", None),
    ]
    results = []
    with httpx.Client(base_url=base, timeout=60) as anon, httpx.Client(base_url=base, timeout=60) as editor:
        token = editor.get("/api/session").json()["csrf_token"]
        signed = editor.post("/api/session", json={"username": "bench", "password": "bench-password"},
                             headers={"X-CSRF-Token": token})
        signed.raise_for_status()
        token = signed.json()["csrf_token"]  # signing in starts a new session with a new token
        for kind, path, who in targets:
            client = editor if who else anon
            times = []
            for i in range(runs + 2):
                url = path.replace("{id}", str(rng.randint(1, n)))
                t = time.perf_counter()
                r = client.get(url, headers={"accept": "text/html"} if kind == "page" else {})
                elapsed = (time.perf_counter() - t) * 1000
                if r.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:300]}")
                if i >= 2:  # the first two requests warm caches of SQLite and the OS
                    times.append(elapsed)
            results.append({"kind": kind, "path": path, "p50_ms": round(statistics.median(times), 1),
                            "p95_ms": round(percentile(times, 0.95), 1), "max_ms": round(max(times), 1),
                            "bytes": len(r.content)})
        # The editor's real path: a decision, then the queue again (its cache entry is new each time).
        ids = [s["id"] for s in editor.get("/api/suggestions", params={"status": "suggested", "limit": runs + 2})
               .json()["items"]]
        times = []
        for i, sid in enumerate(ids):
            editor.post(f"/api/suggestions/{sid}/decision", json={"decision": "reject", "reason": "bench"},
                        headers={"X-CSRF-Token": token}).raise_for_status()
            t = time.perf_counter()
            r = editor.get("/review", headers={"accept": "text/html"})
            if i >= 2:
                times.append((time.perf_counter() - t) * 1000)
        for sid in ids:  # leave the queue as it was for the next run
            log = editor.get("/api/review/log", params={"suggestion_id": sid, "limit": 1}).json()["items"]
            if log and log[0]["action"] == "reject" and not log[0]["undone_by"]:
                editor.post(f"/api/review/log/{log[0]['id']}/undo", headers={"X-CSRF-Token": token})
        results.append({"kind": "page", "path": "/review after each decision (uncached)",
                        "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1),
                        "max_ms": round(max(times), 1), "bytes": len(r.content)})
    server.should_exit = True
    thread.join(10)
    return results


class socket_port:
    def __enter__(self):
        import socket

        self.s = socket.socket()
        self.s.bind(("127.0.0.1", 0))
        return self.s.getsockname()[1]

    def __exit__(self, *exc):
        self.s.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queue-docs", type=int, default=1_000,
                        help="documents given 3 cloned suggestions each (the review queue)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", default=None)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = Path(args.db or ROOT / "bench" / "results" / f"web-{args.docs // 1000}k.db")
    db.parent.mkdir(parents=True, exist_ok=True)
    built = None
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        built = build(str(db), args.docs, args.queue_docs)
        print(f"built {db}: {built}", file=sys.stderr)
    results = measure(str(db), args.runs)
    print(f"{'kind':5} {'endpoint':42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>7}")
    for r in results:
        flag = "" if r["kind"] == "api" or r["p95_ms"] < 200 else "  over 200 ms"
        print(f"{r['kind']:5} {r['path'][:42]:42} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f} "
              f"{r['bytes'] / 1024:7.1f}{flag}")
    pages = [r for r in results if r["kind"] == "page"]
    summary = {"bench": "web", "documents": args.docs, "runs": args.runs, "build": built,
               "pages_max_p95_ms": max(r["p95_ms"] for r in pages),
               "pages_over_200ms": [r["path"] for r in pages if r["p95_ms"] >= 200], "results": results}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
