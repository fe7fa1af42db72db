"""Scoring extraction against gold exactly as `spec/extraction.md` says (facts, recommendations, issues, stance)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from nkmonitor.errors import InputError

FACT_TYPES = (
    "post_event", "post_vacancy", "instrument_event", "resolution_vote",
    "state_position", "council_meeting", "mechanism_event", "repatriation",
)
REC = "recommendation"


# ------------------------------------------------------------------ gold and document ids

def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold rows of a JSON Lines file; a bad line raises one InputError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror}", subject=str(path)) from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} is not JSON: {exc.msg}", subject=str(path)) from exc
        if not isinstance(row, dict) or not row.get("id"):
            raise InputError(f"line {number} has no 'id'", subject=str(path))
        rows.append(row)
    return rows


def document_id(source: str) -> str:
    """The gold id of a document: the file stem (`05` for dev/05.txt), `STEM#N` for line N of a JSONL file."""
    base, sep, line = str(source).partition("#")
    stem = Path(base).stem
    # readers address JSON Lines rows as "path#L7"
    return f"{stem}#{line.lstrip('L')}" if sep else stem


# ------------------------------------------------------------------ agreement rules

def dates_agree(gold: str | None, pred: str | None) -> bool:
    """Equal or one a prefix of the other; a gold value without date agrees with anything."""
    if not gold:
        return True
    if not pred:
        return False
    gold, pred = str(gold), str(pred)
    return gold.startswith(pred) or pred.startswith(gold)


def _year(value: Any) -> str | None:
    return str(value)[:4] if value else None


def _norm_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _person_agrees(gold: dict, pred: dict) -> bool:
    if gold.get("person"):
        if pred.get("person"):
            return pred["person"] == gold["person"]
        # a pack-unknown spelling still names the same person when the id's words match
        name = _norm_name(pred.get("person_name") or "")
        return bool(name) and name == _norm_name(gold["person"].replace("_", " "))
    if gold.get("person_name"):
        g, p = _norm_name(gold["person_name"]), _norm_name(pred.get("person_name") or "")
        if not p:
            return False
        # "Lee" and "Lee Shin-wha" are the same mention at a different length
        return g == p or g in p or p in g
    return True


def _counts_agree(gold: dict, pred: dict, keys=("yes", "no", "abstain")) -> bool:
    return all(gold.get(k) is None or pred.get(k) == gold.get(k) for k in keys)


def _count_within(gold: Any, pred: Any) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    return abs(int(pred) - int(gold)) <= 0.1 * abs(int(gold))


def _eq(gold: dict, pred: dict, *keys: str) -> bool:
    return all(gold.get(k) == pred.get(k) for k in keys)


AGREE: dict[str, Callable[[dict, dict], bool]] = {
    "post_event": lambda g, p: _eq(g, p, "post", "event") and dates_agree(g.get("date"), p.get("date")) and _person_agrees(g, p),
    "post_vacancy": lambda g, p: _eq(g, p, "post"),
    "instrument_event": lambda g, p: _eq(g, p, "instrument", "event") and dates_agree(g.get("date"), p.get("date"))
    and (g.get("event") != "passed_chamber" or _eq(g, p, "chamber")),
    "resolution_vote": lambda g, p: _eq(g, p, "instrument", "body") and dates_agree(_year(g.get("date")), _year(p.get("date")))
    and _counts_agree(g, p),
    "state_position": lambda g, p: _eq(g, p, "state", "instrument", "position") and str(g.get("year")) == str(p.get("year")),
    "council_meeting": lambda g, p: _eq(g, p, "outcome") and dates_agree(g.get("date"), p.get("date")) and _counts_agree(g, p),
    "mechanism_event": lambda g, p: _eq(g, p, "mechanism", "event") and dates_agree(g.get("date"), p.get("date")),
    "repatriation": lambda g, p: _eq(g, p, "by") and dates_agree(g.get("date"), p.get("date")) and _count_within(g.get("count"), p.get("count")),
}


def match_pairs(gold: list, pred: list, agree: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths), so a greedy early pick never steals a later match."""
    options = [[j for j, p in enumerate(pred) if agree(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


# ------------------------------------------------------------------ scores

# thresholds at which `eval` reports the facts an analyst would keep (choosing a bulk-accept level)
CONFIDENCE_BANDS = (0.5, 0.6, 0.7, 0.8, 0.9)

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Scores:
    """What `evaluate` returns: counts per type, micro totals, issues, stance, and every error."""

    per_type: dict[str, Counts] = field(default_factory=dict)
    issues: Counts = field(default_factory=Counts)
    stance_pairs: list[tuple[str, str | None]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # gold ids with no extraction
    fact_confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, matched) per output fact

    def by_confidence(self, thresholds: Iterable[float] = CONFIDENCE_BANDS) -> list[dict[str, Any]]:
        """Facts kept at each confidence threshold: how precise they are and how much of the gold they still find."""
        gold = self.facts.tp + self.facts.fn
        out = []
        for t in thresholds:
            kept = [ok for conf, ok in self.fact_confidences if conf >= t]
            c = Counts(tp=sum(kept), fp=len(kept) - sum(kept), fn=gold - sum(kept))
            out.append({"min_confidence": t, **c.to_json()})
        return out

    def _sum(self, types: Iterable[str]) -> Counts:
        total = Counts()
        for t in types:
            total.add(self.per_type.get(t, Counts()))
        return total

    @property
    def facts(self) -> Counts:
        return self._sum(FACT_TYPES)

    @property
    def recommendations(self) -> Counts:
        return self.per_type.get(REC, Counts())

    @property
    def overall(self) -> Counts:
        return self._sum((*FACT_TYPES, REC))

    @property
    def stance_accuracy(self) -> float:
        if not self.stance_pairs:
            return 0.0
        return sum(g == p for g, p in self.stance_pairs) / len(self.stance_pairs)

    @property
    def stance_macro_f1(self) -> float:
        """Macro-F1 over the stances present in gold (a constant guess scores low)."""
        labels = sorted({g for g, _ in self.stance_pairs})
        if not labels:
            return 0.0
        f1s = []
        for label in labels:
            c = Counts()
            for g, p in self.stance_pairs:
                c.tp += g == label and p == label
                c.fp += g != label and p == label
                c.fn += g == label and p != label
            f1s.append(c.f1)
        return sum(f1s) / len(f1s)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "missing_documents": self.missing,
            "per_type": {t: c.to_json() for t, c in sorted(self.per_type.items())},
            "facts": self.facts.to_json(),
            "recommendations": self.recommendations.to_json(),
            "overall": self.overall.to_json(),
            "issues": self.issues.to_json(),
            "stance": {"n": len(self.stance_pairs), "accuracy": round(self.stance_accuracy, 3),
                       "macro_f1": round(self.stance_macro_f1, 3)},
            "facts_by_confidence": self.by_confidence(),
            "errors": self.errors,
        }


def _as_dict(extraction: Any) -> dict[str, Any]:
    return extraction.to_json() if hasattr(extraction, "to_json") else dict(extraction)


def _state_mapper(pack: Any) -> Callable[[str | None], str | None]:
    """National bodies count as their state (us_congress -> us); the pack knows which state a body belongs to."""
    def as_state(entity: str | None) -> str | None:
        if not entity or pack is None:
            return entity
        try:
            state = pack.state_of(entity)
        except Exception:  # an id the pack does not know stays itself and simply fails to match
            state = None
        return state or entity
    return as_state


def _default_pack():
    from nkmonitor.pack import load_pack

    return load_pack()


def evaluate(gold_rows: Iterable[dict[str, Any]], extractions: Iterable[Any], pack: Any = None) -> Scores:
    """Score extractions (Extraction objects or their JSON) against gold rows, matched by document id."""
    if pack is None:
        pack = _default_pack()
    as_state = _state_mapper(pack)
    by_id: dict[str, dict[str, Any]] = {}
    for extraction in extractions:
        data = _as_dict(extraction)
        by_id[document_id(data["document"]["path"])] = data
    scores = Scores(per_type={t: Counts() for t in (*FACT_TYPES, REC)})
    for gold in gold_rows:
        doc_id = str(gold["id"])
        pred = by_id.get(doc_id)
        if pred is None:
            scores.missing.append(doc_id)
            continue
        scores.documents.append(doc_id)
        _score_facts(doc_id, gold.get("facts", []), pred.get("facts", []), scores)
        _score_recommendations(doc_id, gold.get("recommendations", []), pred.get("recommendations", []), scores, as_state)
        gold_issues, pred_issues = set(gold.get("issues", [])), set(pred.get("issues", []))
        scores.issues.add(Counts(len(gold_issues & pred_issues), len(pred_issues - gold_issues), len(gold_issues - pred_issues)))
        for label in sorted(gold_issues - pred_issues):
            scores.errors.append({"document": doc_id, "kind": "miss", "type": "issue", "value": label})
        for label in sorted(pred_issues - gold_issues):
            scores.errors.append({"document": doc_id, "kind": "false_positive", "type": "issue", "value": label})
        if gold.get("stance"):
            scores.stance_pairs.append((gold["stance"], pred.get("stance")))
            if gold["stance"] != pred.get("stance"):
                scores.errors.append({"document": doc_id, "kind": "wrong", "type": "stance",
                                      "value": pred.get("stance"), "gold": gold["stance"]})
    return scores


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in ("evidence", "quote", "confidence")}


def _score_facts(doc_id: str, gold: list[dict], pred: list[dict], scores: Scores) -> None:
    for fact_type in FACT_TYPES:
        g = [f for f in gold if f.get("type") == fact_type]
        p = [f for f in pred if f.get("type") == fact_type]
        pairs = match_pairs(g, p, AGREE[fact_type])
        _record(doc_id, fact_type, g, p, pairs, scores)


def _score_recommendations(doc_id: str, gold: list[dict], pred: list[dict], scores: Scores, as_state) -> None:
    def key(rec: dict) -> tuple:
        return as_state(rec.get("addressee")), rec.get("action")

    # one entry per (addressee, action) per document: duplicates in gold or output count once
    def unique(items: list[dict]) -> list[dict]:
        seen, out = set(), []
        for item in items:
            if key(item) not in seen:
                seen.add(key(item))
                out.append(item)
        return out

    g, p = unique(gold), unique(pred)
    pairs = match_pairs(g, p, lambda a, b: key(a) == key(b))
    _record(doc_id, REC, g, p, pairs, scores)


def _record(doc_id: str, kind: str, gold: list[dict], pred: list[dict], pairs: list[tuple[int, int]], scores: Scores) -> None:
    counts = Counts(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    scores.per_type.setdefault(kind, Counts()).add(counts)
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    if kind in FACT_TYPES:
        scores.fact_confidences.extend((float(item.get("confidence") or 0.0), j in matched_p) for j, item in enumerate(pred))
    for i, item in enumerate(gold):
        if i not in matched_g:
            scores.errors.append({"document": doc_id, "kind": "miss", "type": kind, "fields": _fields(item),
                                  "quote": item.get("quote")})
    for j, item in enumerate(pred):
        if j not in matched_p:
            evidence = (item.get("evidence") or {}).get("text")
            scores.errors.append({"document": doc_id, "kind": "false_positive", "type": kind, "fields": _fields(item),
                                  "evidence": evidence})


def format_scores(scores: Scores, show_errors: bool = False) -> str:
    """A plain-text table of the scores (and, if asked, every miss and false positive)."""
    lines = [f"documents scored: {len(scores.documents)}"]
    if scores.missing:
        lines.append(f"gold documents without extraction: {', '.join(scores.missing)}")
    lines.append(f"{'type':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")

    def row(name: str, c: Counts) -> str:
        return f"{name:<20}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"

    for t in (*FACT_TYPES, REC):
        c = scores.per_type.get(t, Counts())
        if c.tp or c.fp or c.fn:
            lines.append(row(t, c))
    lines.append(row("facts (micro)", scores.facts))
    lines.append(row("overall (micro)", scores.overall))
    lines.append(row("issues", scores.issues))
    lines.append(f"stance: accuracy {scores.stance_accuracy:.3f}, macro-F1 {scores.stance_macro_f1:.3f} "
                 f"over {len(scores.stance_pairs)} documents")
    if scores.fact_confidences:
        bands = "  ".join(f">={b['min_confidence']:.1f}: P {b['precision']:.2f} R {b['recall']:.2f}" for b in scores.by_confidence())
        lines.append(f"facts by confidence: {bands}")
    if show_errors:
        lines.append("")
        for err in scores.errors:
            if err["type"] in ("issue", "stance"):
                gold = f" (gold {err['gold']})" if "gold" in err else ""
                lines.append(f"{err['document']:<8} {err['kind']:<15} {err['type']}: {err['value']}{gold}")
                continue
            fields = ", ".join(f"{k}={v}" for k, v in err["fields"].items())
            text = err.get("quote") if err["kind"] == "miss" else err.get("evidence")
            text = " ".join((text or "").split())
            lines.append(f"{err['document']:<8} {err['kind']:<15} {fields}\n{'':<9}\"{text[:240]}\"")
    return "\n".join(lines)
