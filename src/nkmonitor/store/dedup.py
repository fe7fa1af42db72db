"""Near-duplicate detection: MinHash signatures of word shingles and a lazily built LSH index."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable

import numpy as np

if TYPE_CHECKING:  # datasketch takes ~0.4 s to import: only commands that dedup pay for it
    from datasketch import LeanMinHash, MinHash, MinHashLSH

# 128 permutations keep the estimate within about +-0.05 of the true Jaccard similarity; the
# 0.8 threshold catches the same wire story under another header or byline (a few dozen
# words changed in several hundred) but not two stories on the same topic.
NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE_WORDS = 3
SEED = 1
# Pinned so stored signatures stay comparable across datasketch releases (32-bit values).
SCHEME = "affine32"

_BATCH = 20_000
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping word n-grams of the lower-cased text (the whole text if it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> "MinHash":
    """The MinHash of a text's shingles (same permutations for every document)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    grams = list(shingles(text))
    # update_batch builds a (shingles x permutations) matrix: feed it in slices so a
    # 5-million-character document needs ~20 MB, not gigabytes.
    for start in range(0, len(grams), _BATCH):
        mh.update_batch(grams[start:start + _BATCH])
    return mh


def to_bytes(mh: "MinHash") -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(blob: bytes) -> "LeanMinHash":
    # LeanMinHash skips generating the permutations (1 ms each), which dominated index loading.
    from datasketch import LeanMinHash

    values = np.frombuffer(bytes(blob), dtype=np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """LSH over stored signatures, built once per run on first use and kept up to date."""

    def __init__(self, load: Callable[[], Iterable[tuple[int, bytes]]], threshold: float = THRESHOLD):
        self._load = load
        self.threshold = threshold
        self._lsh: "MinHashLSH | None" = None
        self._sigs: dict[int, np.ndarray] = {}  # hash values only: 512 bytes a document

    def _ensure(self) -> "MinHashLSH":
        if self._lsh is None:
            from datasketch import MinHashLSH

            lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
            with lsh.insertion_session() as session:
                for doc_id, blob in self._load():
                    mh = from_bytes(blob)
                    self._sigs[doc_id] = mh.hashvalues
                    session.insert(doc_id, mh, check_duplication=False)
            self._lsh = lsh
        return self._lsh

    def find(self, mh: "MinHash") -> tuple[int, float] | None:
        """The most similar indexed document at or over the threshold, with its similarity."""
        lsh = self._ensure()
        best: tuple[int, float] | None = None
        for doc_id in lsh.query(mh):
            # LSH returns candidates; the estimate filters its false positives.
            sim = float(np.count_nonzero(mh.hashvalues == self._sigs[doc_id])) / NUM_PERM
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and doc_id < best[0])):
                best = (doc_id, sim)
        return best

    def add(self, doc_id: int, mh: "MinHash") -> None:
        lsh = self._ensure()
        if doc_id not in self._sigs:
            self._sigs[doc_id] = mh.hashvalues
            lsh.insert(doc_id, mh, check_duplication=False)
