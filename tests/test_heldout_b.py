"""Held-out set B: project-written documents scored against their gold.

The set (tests/heldout_b) is the final, untouched measure of extraction on unseen
documents; see tests/heldout_b/NOTES.md. The test checks that the evaluation runs, that
every gold document is scored, and that scores stay above floors set a little under the
measurement of 2026-11-23 (facts P 0.787 R 0.471 F1 0.589; recommendations F1 0.694;
issues F1 0.805; stance accuracy 0.889). Never tune the extractor to this set: when the
extractor improves, raise the floors after measuring, nothing else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout_b"
GOLD = HELDOUT / "gold.jsonl"
CORPUS_DIR = HELDOUT / "corpus"


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _eval_cmd() -> list[str]:
    exe = shutil.which("nkmonitor")
    if exe:
        return [exe]
    return [sys.executable, "-m", "nkmonitor"]


@pytest.fixture(scope="module")
def scores() -> dict:
    proc = subprocess.run(
        [*_eval_cmd(), "eval", str(GOLD), str(CORPUS_DIR), "--json"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert proc.returncode == 0, f"nkmonitor eval failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout)


def test_heldout_b_eval_runs_and_scores_every_document(scores: dict) -> None:
    gold = _gold()
    assert len(gold) == 18
    assert scores["documents"] == len(gold)
    assert scores.get("missing_documents", []) == []
    for key in ("per_type", "facts", "recommendations", "overall", "issues", "stance"):
        assert key in scores, key
    assert scores["stance"]["n"] == len(gold)


def test_heldout_b_gold_is_well_formed(spec_dir: Path) -> None:
    """Every gold document has its text and sidecar, uses codebook ids, and quotes its text."""
    codebook = yaml.safe_load((spec_dir / "codebook.yaml").read_text(encoding="utf-8"))
    ids = {sec: set(codebook[sec]) for sec in
           ("posts", "persons", "bodies", "states", "instruments", "mechanisms",
            "issues", "actions", "stances")}
    for doc in _gold():
        text = (CORPUS_DIR / f"{doc['id']}.txt").read_text(encoding="utf-8")
        sidecar = json.loads((CORPUS_DIR / f"{doc['id']}.json").read_text(encoding="utf-8"))
        assert sidecar.get("sample") is True and sidecar.get("published") == doc["published"]
        assert 1 <= len(doc["issues"]) <= 4 and set(doc["issues"]) <= ids["issues"]
        assert doc["stance"] in ids["stances"]
        for item in doc["facts"] + doc["recommendations"]:
            for part in item["quote"].split("..."):
                assert part.strip() in text, (doc["id"], item["quote"])
        for fact in doc["facts"]:
            assert fact["type"] in codebook["fact_types"], fact
            if "post" in fact:
                assert fact["post"] in ids["posts"], fact
            if "person" in fact:
                assert fact["person"] in ids["persons"], fact
            if "mechanism" in fact:
                assert fact["mechanism"] in ids["mechanisms"], fact
            if "instrument" in fact:
                assert fact["instrument"] in ids["instruments"], fact
            for key in ("state", "by"):
                if key in fact:
                    assert fact[key] in ids["states"], fact
        for rec in doc["recommendations"]:
            assert rec["action"] in ids["actions"], rec
            assert rec["addressee"] in ids["states"] | ids["bodies"], rec
            if "by" in rec:
                assert rec["by"] in ids["states"] | ids["bodies"] | {"author"}, rec


# Floors about 0.05-0.1 under the measured scores (one stance document is worth 0.056).
FLOORS = {
    ("facts", "f1"): 0.52,
    ("facts", "precision"): 0.70,
    ("recommendations", "f1"): 0.62,
    ("overall", "f1"): 0.56,
    ("issues", "f1"): 0.74,
    ("stance", "accuracy"): 0.80,
}


@pytest.mark.parametrize("section,measure", sorted(FLOORS))
def test_heldout_b_scores_stay_above_floors(scores: dict, section: str, measure: str) -> None:
    value = scores[section][measure]
    assert value >= FLOORS[(section, measure)], f"held-out B {section} {measure} fell to {value:.3f}"
