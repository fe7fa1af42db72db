"""Extraction quality on every gold set, as the Markdown tables of the README and docs/heldout.md.

    python bench/quality.py                 # all sets
    python bench/quality.py --sets dev heldout_b --per-type

Each set is scored by `nkmonitor eval` (the rules of spec/extraction.md): micro P / R / F1 for facts
and recommendations, issues, stance accuracy (macro-F1). With --per-type, a second table gives
tp / fp / fn per fact type. The sets: the shared dev corpus and the bundled samples (the rules
were written on them), the project-written development sets A, D and E, and the held-out sets B,
C and F, which nobody developed against (docs/heldout.md says how each was made and used).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SETS = {
    "dev": (SHARED / "gold" / "dev.jsonl", [SHARED / "seeds", SHARED / "dev"], "dev: shared seeds + dev"),
    "samples": (ROOT / "samples" / "gold.jsonl", [ROOT / "samples" / "corpus"], "samples"),
    "heldout_a": (ROOT / "tests" / "heldout" / "gold.jsonl", [ROOT / "tests" / "heldout" / "corpus"], "A (became development data)"),
    "devset_d": (ROOT / "tests" / "devset_d" / "gold.jsonl", [ROOT / "tests" / "devset_d" / "corpus"], "D (development)"),
    "devset_e": (ROOT / "tests" / "devset_e" / "gold.jsonl", [ROOT / "tests" / "devset_e" / "corpus"], "E (development)"),
    "heldout_b": (ROOT / "tests" / "heldout_b" / "gold.jsonl", [ROOT / "tests" / "heldout_b" / "corpus"], "**B (held out)**"),
    "heldout_c": (ROOT / "tests" / "heldout_c" / "gold.jsonl", [ROOT / "tests" / "heldout_c" / "corpus"], "**C (held out)**"),
    "heldout_f": (ROOT / "tests" / "heldout_f" / "gold.jsonl", [ROOT / "tests" / "heldout_f" / "corpus"], "**F (held out, final)**"),
}
TYPES = ("post_event", "post_vacancy", "instrument_event", "resolution_vote", "state_position",
         "council_meeting", "mechanism_event", "repatriation")


def score(name: str) -> dict:
    gold, paths, _label = SETS[name]
    proc = subprocess.run([sys.executable, "-m", "nkmonitor", "eval", str(gold), *map(str, paths), "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"eval failed on {name}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def prf(c: dict) -> str:
    return f"{c['precision']:.2f} / {c['recall']:.2f} / {c['f1']:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    ap.add_argument("--per-type", action="store_true", help="also print tp / fp / fn per fact type")
    args = ap.parse_args()
    results = {name: score(name) for name in args.sets}
    print("| set | docs | facts P / R / F1 | recommendations P / R / F1 | issues P / R / F1 | stance acc. (macro-F1) |")
    print("|---|---|---|---|---|---|")
    for name, s in results.items():
        st = s["stance"]
        print(f"| {SETS[name][2]} | {s['documents']} | {prf(s['facts'])} | {prf(s['recommendations'])} | "
              f"{prf(s['issues'])} | {st['accuracy']:.2f} ({st['macro_f1']:.2f}) |")
    if args.per_type:
        print()
        print("| set | " + " | ".join(TYPES) + " |")
        print("|---|" + "---|" * len(TYPES))
        for name, s in results.items():
            cells = []
            for t in TYPES:
                c = s["per_type"].get(t, {"tp": 0, "fp": 0, "fn": 0})
                cells.append(f"{c['tp']}/{c['fp']}/{c['fn']}")
            print(f"| {SETS[name][2]} | " + " | ".join(cells) + " |")
        print()
        print("| set | " + " | ".join(f"conf >= {b['min_confidence']}" for b in next(iter(results.values()))["facts_by_confidence"]) + " |")
        print("|---|" + "---|" * len(next(iter(results.values()))["facts_by_confidence"]))
        for name, s in results.items():
            print(f"| {SETS[name][2]} | " + " | ".join(f"P {b['precision']:.2f} R {b['recall']:.2f}" for b in s["facts_by_confidence"]) + " |")


if __name__ == "__main__":
    main()
