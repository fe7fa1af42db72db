"""Benchmark: extraction throughput (words/s, documents/s) with 1 and 2 processes, peak memory, and the ratio to bare spaCy.

    python bench/extract.py                       # >= 1,000,000 words: the dev and seed corpus repeated
    python bench/extract.py --words 100000        # a quicker run
    python bench/extract.py --corpus DIR ...      # other documents (same readers as ingest)

Reference: the bare pipeline is `spacy.load(model).pipe(texts)` (the same model with every
component: tok2vec, tagger, parser, attribute ruler, lemmatizer, NER), on the same texts, in
the same run, same batch size and process count. "Ours" is `Extractor.extract_many` (that
parse plus line-break hints, linking, dates, facts, recommendations, issues, stance). With one
process the two are timed in alternating blocks so that load from other programs on the
machine hits both alike; ratio = bare time / our time (1.0 = our components cost nothing).
Peak memory is the maximum resident set size of this process (and of worker processes).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds"]


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def load_documents(paths: list[Path], words: int):
    """The corpus documents, repeated until they hold at least `words` words."""
    from nkmonitor.config import get_settings
    from nkmonitor.ingest import iter_documents

    base = [d for d in iter_documents([str(p) for p in paths], get_settings()) if not isinstance(d, Exception)]
    if not base:
        sys.exit("no readable documents in " + ", ".join(map(str, paths)))
    per_round = sum(len(d.text.split()) for d in base)
    rounds = max(1, -(-words // per_round))
    return base * rounds, per_round * rounds, len(base)


def run(args) -> dict:
    import spacy

    from nkmonitor.analyze import Extractor
    from nkmonitor.config import get_settings

    settings = get_settings()
    docs, total_words, distinct = load_documents(args.corpus, args.words)
    texts = [d.text for d in docs]
    extractor = Extractor(settings)
    bare = spacy.load(settings.spacy_model)
    # warm both (model caches, pack, classifiers) outside the timings
    list(bare.pipe(texts[:distinct]))
    list(extractor.extract_many(docs[:distinct]))

    result: dict = {"model": settings.spacy_model, "documents": len(docs), "distinct_documents": distinct,
                    "words": total_words, "batch_size": args.batch_size}
    # one process: alternate blocks of documents between the two
    t_bare = t_ours = 0.0
    block = max(1, args.block)
    facts = recs = 0
    for start in range(0, len(docs), block):
        chunk = docs[start:start + block]
        t0 = time.perf_counter()
        for _ in bare.pipe([d.text for d in chunk], batch_size=args.batch_size):
            pass
        t1 = time.perf_counter()
        for extraction in extractor.extract_many(chunk, batch_size=args.batch_size):
            facts += len(extraction.facts)
            recs += len(extraction.recommendations)
        t2 = time.perf_counter()
        t_bare += t1 - t0
        t_ours += t2 - t1
        print(f"  1 process: {min(start + block, len(docs))}/{len(docs)} documents, ratio so far {t_bare / t_ours:.3f}",
              file=sys.stderr)
    result["p1"] = _figures(total_words, len(docs), t_ours, t_bare)
    result["p1"].update({"facts": facts, "recommendations": recs})
    result["peak_rss_mb_p1"] = _peak_mb()[0]

    if args.processes >= 2:
        # two processes: whole runs (worker start-up is part of the cost), ours then bare
        t0 = time.perf_counter()
        n = sum(1 for _ in extractor.extract_many(docs, n_process=2, batch_size=args.batch_size))
        t1 = time.perf_counter()
        for _ in bare.pipe(texts, n_process=2, batch_size=args.batch_size):
            pass
        t2 = time.perf_counter()
        assert n == len(docs)
        result["p2"] = _figures(total_words, len(docs), t1 - t0, t2 - t1)
    own, children = _peak_mb()
    result["peak_rss_mb"] = own
    result["peak_rss_mb_workers"] = children
    return result


def _figures(words: int, docs: int, ours: float, bare: float) -> dict:
    return {
        "seconds": round(ours, 2), "words_per_s": round(words / ours), "docs_per_s": round(docs / ours, 2),
        "bare_seconds": round(bare, 2), "bare_words_per_s": round(words / bare),
        "ratio_to_bare": round(bare / ours, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="at least this many words (default 1,000,000)")
    parser.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT_CORPUS, help="files or folders to repeat")
    parser.add_argument("--processes", type=int, default=2, help="also time this many processes (2) after one")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--block", type=int, default=105, help="documents per alternating block (one process)")
    args = parser.parse_args()
    result = run(args)
    print(f"model {result['model']}: {result['documents']} documents ({result['distinct_documents']} distinct), "
          f"{result['words']:,} words")
    for key, label in (("p1", "1 process "), ("p2", "2 processes")):
        if key in result:
            r = result[key]
            print(f"{label}: {r['words_per_s']:,} words/s, {r['docs_per_s']} docs/s "
                  f"(bare spaCy {r['bare_words_per_s']:,} words/s), ratio to bare {r['ratio_to_bare']}")
    print(f"peak memory: {result['peak_rss_mb']} MB (this process), {result['peak_rss_mb_workers']} MB (largest worker)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
