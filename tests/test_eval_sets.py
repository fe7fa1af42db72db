"""Project-written evaluation sets scored against their gold: held-out B, C and F, development sets D and E.

- `tests/heldout_b`, `tests/heldout_c` and `tests/heldout_f` are held out: written without reading the
  extractor and never used to develop it (see their NOTES.md). They measure extraction on unseen
  documents; F was scored only once, at the end (docs/heldout.md).
- `tests/devset_d` and `tests/devset_e` are development data: written the same way, then used to
  find general gaps. Their floors guard against regressions, not generalization.

The tests check that each set is well formed (texts, sidecars, codebook ids, quotes present in
the text), that `nkmonitor eval` scores every document, and that scores stay above floors set a
little under the latest measurement (the README gives the figures). Never tune the extractor
to a held-out set: when the extractor improves, raise the floors after measuring, nothing else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "heldout_b": ROOT / "tests" / "heldout_b",
    "heldout_c": ROOT / "tests" / "heldout_c",
    "devset_d": ROOT / "tests" / "devset_d",
    "devset_e": ROOT / "tests" / "devset_e",
    "heldout_f": ROOT / "tests" / "heldout_f",
}

# Floors about 0.05-0.1 under the scores measured on 2026-11-23 after the second round of rules
# (README, "Extraction quality"; one stance document is worth 0.05-0.06 of accuracy).
FLOORS = {
    "heldout_b": {("facts", "f1"): 0.68, ("facts", "precision"): 0.76, ("recommendations", "f1"): 0.65,
                  ("overall", "f1"): 0.67, ("issues", "f1"): 0.74, ("stance", "accuracy"): 0.80},
    "heldout_c": {("facts", "f1"): 0.72, ("facts", "precision"): 0.84, ("recommendations", "f1"): 0.68,
                  ("overall", "f1"): 0.70, ("issues", "f1"): 0.64, ("stance", "accuracy"): 0.75},
    "heldout_f": {("facts", "f1"): 0.72, ("facts", "precision"): 0.81, ("recommendations", "f1"): 0.64,
                  ("overall", "f1"): 0.69, ("issues", "f1"): 0.76, ("stance", "accuracy"): 0.62},
    "devset_d": {("facts", "f1"): 0.90, ("facts", "precision"): 0.93, ("recommendations", "f1"): 0.88,
                 ("overall", "f1"): 0.90, ("issues", "f1"): 0.74, ("stance", "accuracy"): 0.88},
    "devset_e": {("facts", "f1"): 0.92, ("facts", "precision"): 0.93, ("recommendations", "f1"): 0.76,
                 ("overall", "f1"): 0.89, ("issues", "f1"): 0.77, ("stance", "accuracy"): 0.70},
}


def _gold(name: str) -> list[dict]:
    path = SETS[name] / "gold.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _eval_cmd() -> list[str]:
    exe = shutil.which("nkmonitor")
    return [exe] if exe else [sys.executable, "-m", "nkmonitor"]


@lru_cache(maxsize=None)
def _scores(name: str) -> dict:
    root = SETS[name]
    proc = subprocess.run([*_eval_cmd(), "eval", str(root / "gold.jsonl"), str(root / "corpus"), "--json"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, f"nkmonitor eval failed on {name} ({proc.returncode}):\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout)


@pytest.mark.parametrize("name", sorted(SETS))
def test_eval_runs_and_scores_every_document(name: str) -> None:
    scores = _scores(name)
    gold = _gold(name)
    assert scores["documents"] == len(gold)
    assert scores.get("missing_documents", []) == []
    for key in ("per_type", "facts", "recommendations", "overall", "issues", "stance"):
        assert key in scores, key
    assert scores["stance"]["n"] == len(gold)


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_well_formed(name: str, spec_dir: Path) -> None:
    """Every gold document has its text and sidecar, uses codebook ids and enums, and quotes its text."""
    codebook = yaml.safe_load((spec_dir / "codebook.yaml").read_text(encoding="utf-8"))
    ids = {sec: set(codebook[sec]) for sec in
           ("posts", "persons", "bodies", "states", "instruments", "mechanisms", "issues", "actions", "stances")}
    corpus = SETS[name] / "corpus"
    gold = _gold(name)
    assert len({doc["id"] for doc in gold}) == len(gold)
    assert {p.stem for p in corpus.glob("*.txt")} == {doc["id"] for doc in gold}
    for doc in gold:
        text = (corpus / f"{doc['id']}.txt").read_text(encoding="utf-8")
        sidecar = json.loads((corpus / f"{doc['id']}.json").read_text(encoding="utf-8"))
        assert sidecar.get("sample") is True and sidecar.get("published") == doc["published"], doc["id"]
        assert 1 <= len(doc["issues"]) <= 4 and set(doc["issues"]) <= ids["issues"], doc["id"]
        assert doc["stance"] in ids["stances"]
        for item in doc["facts"] + doc["recommendations"]:
            for part in item["quote"].split("..."):
                assert part.strip() in text, (doc["id"], item["quote"])
        for fact in doc["facts"]:
            spec = codebook["fact_types"][fact["type"]]["fields"]
            for key, value in fact.items():
                if key in ("type", "quote", "person_name"):
                    continue
                assert key in spec, (doc["id"], key, fact)
                allowed = spec[key]
                if isinstance(allowed, list):
                    assert value in allowed, (doc["id"], key, fact)
                elif allowed in ids:
                    assert value in ids[allowed], (doc["id"], key, fact)
        for rec in doc["recommendations"]:
            assert rec["action"] in ids["actions"], rec
            assert rec["addressee"] in ids["states"] | ids["bodies"], rec
            if "by" in rec:
                assert rec["by"] in ids["states"] | ids["bodies"] | {"author"}, rec


@pytest.mark.parametrize("name,section,measure", sorted((n, s, m) for n, f in FLOORS.items() for s, m in f))
def test_scores_stay_above_floors(name: str, section: str, measure: str) -> None:
    value = _scores(name)[section][measure]
    floor = FLOORS[name][(section, measure)]
    assert value >= floor, f"{name} {section} {measure} fell to {value:.3f} (floor {floor})"
