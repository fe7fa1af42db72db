"""Document issues and stance: weighted lemma lexicons by position plus small Naive Bayes models trained on our own texts."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

COMPONENT = "classify"
VERSION = "1.0"
TRAINING = Path(__file__).with_name("training")

STANCES = ("hr_centered", "engagement_first", "security_first", "neutral_report")

# ------------------------------------------------------------------ a tiny text classifier

_STOP = frozenset("""a an the and or of to in on for with by at from as is are was were be been being it its this that
these those their there they them he she his her we our us you your i my me not no but if than then so such also
which who whom whose what when where while has have had do does did will would can could may might should must
into about over under more most other some any all each both only very just""".split())
_TOKEN = re.compile(r"[a-z][a-z'-]+")


def stem(word: str) -> str:
    """A crude suffix stripper, enough to merge 'appoint/appointed/appointing' without a model."""
    word = word.strip("'-").replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def features(text: str) -> list[str]:
    """Stemmed content words and adjacent pairs of them."""
    words = [stem(w) for w in _TOKEN.findall(text.lower().replace("\u2019", "'"))]
    words = [w for w in words if w and w not in _STOP]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]


class NaiveBayes:
    """Multinomial Naive Bayes over binary word and pair features, with Laplace smoothing."""

    def __init__(self, examples: Iterable[tuple[str, str]], alpha: float = 0.5):
        counts: dict[str, Counter] = {}
        docs: Counter = Counter()
        for text, label in examples:
            counts.setdefault(label, Counter()).update(set(features(text)))
            docs[label] += 1
        self.labels = sorted(counts)
        self.vocab = set().union(*counts.values()) if counts else set()
        total_docs = sum(docs.values())
        self.prior = {lab: math.log(docs[lab] / total_docs) for lab in self.labels}
        self.loglik: dict[str, dict[str, float]] = {}
        self.unseen: dict[str, float] = {}
        for lab in self.labels:
            denom = sum(counts[lab].values()) + alpha * (len(self.vocab) + 1)
            self.loglik[lab] = {w: math.log((c + alpha) / denom) for w, c in counts[lab].items()}
            self.unseen[lab] = math.log(alpha / denom)

    def scores(self, text: str, uniform_prior: bool = True) -> dict[str, float]:
        """Posterior probability of each label for `text` (only known features count)."""
        feats = [f for f in set(features(text)) if f in self.vocab]
        logp = {}
        for lab in self.labels:
            table, unseen = self.loglik[lab], self.unseen[lab]
            logp[lab] = (0.0 if uniform_prior else self.prior[lab]) + sum(table.get(f, unseen) for f in feats)
        top = max(logp.values())
        exp = {lab: math.exp(v - top) for lab, v in logp.items()}
        total = sum(exp.values())
        return {lab: v / total for lab, v in exp.items()}

    def known(self, text: str) -> int:
        return sum(1 for f in set(features(text)) if f in self.vocab)


def read_training(name: str) -> dict[str, list[str]]:
    with open(TRAINING / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def model(name: str) -> NaiveBayes:
    """The classifier trained on `training/NAME` (trained once per process; a few ms)."""
    data = read_training(name)
    return NaiveBayes((text, label) for label, texts in data.items() for text in texts)


# ------------------------------------------------------------------ issues

@lru_cache(maxsize=1)
def issue_lexicon() -> dict[str, list[tuple[re.Pattern, float]]]:
    raw = read_training("issue_lexicon.yaml")
    return {issue: [(re.compile(rf"\b{pat}", re.I), float(w)) for pat, w in entries.items()] for issue, entries in raw.items()}


def _zones(ctx: Any) -> list[tuple[str, float]]:
    """Text zones with their weight: the title counts most, then the lead, then the body."""
    text = ctx.text
    zones = []
    if ctx.title:
        zones.append((ctx.title, 4.0))
    sents = list(ctx.sdoc.sents) if ctx.sdoc is not None and ctx.sdoc.has_annotation("SENT_START") else []
    if sents:
        lead_end = sents[min(3, len(sents) - 1)].end_char
    else:
        lead_end = min(len(text), 600)
    zones.append((text[:lead_end], 2.0))
    zones.append((text[lead_end:], 1.0))
    return zones


def issue_scores(ctx: Any, recommendations: list | None = None) -> dict[str, float]:
    """Weighted lexicon hits per issue, smoothed by the issue classifier's view of title and lead.

    What a document asks for is part of what it is about: each recommendation adds a vote for its issues."""
    totals: Counter = Counter()
    for rec in recommendations or []:
        for issue in rec.issues:
            totals[issue] += REC_ISSUE_WEIGHT
    for zone, weight in _zones(ctx):
        for issue, patterns in issue_lexicon().items():
            for pattern, w in patterns:
                hits = len(pattern.findall(zone))
                if hits:
                    # repeated mentions add less and less: a topic is central, not merely verbose
                    totals[issue] += weight * w * math.log1p(hits)
    nb = model("issues.yaml")
    lead = " ".join(z for z, w in _zones(ctx) if w > 1.0)
    if nb.known(lead) >= 3:
        for issue, p in nb.scores(lead).items():
            totals[issue] += 3.0 * p
    return dict(totals)


# chosen on the dev set from a flat plateau (0.72-0.74 F1 for 2-3.6 and 0.1-0.3)
MIN_ISSUE_SCORE = 2.0
REC_ISSUE_WEIGHT = 1.5
RELATIVE_ISSUE_SCORE = 0.2


def classify_issues(ctx: Any, recommendations: list | None = None, limit: int = 4) -> list[str]:
    """The 1-4 codebook issues the document is mainly about, most central first."""
    scores = issue_scores(ctx, recommendations)
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[0][1]
    if top < MIN_ISSUE_SCORE:
        return []
    # an issue counts when it is clearly present and not dwarfed by the main topic
    chosen = [issue for issue, s in ranked if s >= MIN_ISSUE_SCORE and s >= RELATIVE_ISSUE_SCORE * top][:limit]
    return chosen or [ranked[0][0]]


# ------------------------------------------------------------------ stance

# Which approach each recommended action argues for (decoupling, aid and dialogue are the engagement
# camp's asks; the rest keep human rights central). security_first has no action of its own.
ACTION_STANCE = {
    "decouple_hr_from_security": "engagement_first",
    "humanitarian_cooperation": "engagement_first",
    "sanctions_flexibility": "engagement_first",
    "engagement_dialogue": "engagement_first",
}

_REPORTING = re.compile(r"\b(said|says|told|according to|added|stated|reported|announced)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|we|our|us)\b")
_SECURITY = re.compile(
    r"\b(human rights (?:should|must|can) (?:wait|be set aside|take a back seat)|set(?:ting)? aside human rights|"
    r"denuclearization (?:must|should) come first|priority (?:must|should) be denuclearization|"
    r"not the time to raise human rights)", re.I)


_TITLE_ASK = re.compile(r"\b(?:should|must|needs? to|ought to|time to|time for|calls? for|urges?|let['\u2019]s)\b", re.I)


def title_argues(title: str | None) -> bool:
    """A headline that asks for something ('US Should Refocus…', 'Stop Dawdling—Name an Envoy', 'X: Act on Abuses')."""
    if not title:
        return False
    if _TITLE_ASK.search(title):
        return True
    from nkmonitor.analyze.recommendations import HEADING_VERBS

    # the head of each headline part: 'North Korea: Act on Abuses', 'Stop Dawdling—Name a Special Envoy'
    for part in re.split(r"[:\u2014\u2013|]|\s-\s", title):
        words = part.strip().split()
        if len(words) >= 2 and words[0][:1].isupper() and words[0].lower() in HEADING_VERBS | {"stop", "don't", "do"}:
            return True
    return False


_QUOTED = re.compile(r"\u201c[^\u201d]{0,3000}\u201d|\"[^\"\n]{0,3000}\"")


_STATEMENT = re.compile(r"\bstatement\b|\bremarks\b|\bpress release\b", re.I)
# a release's header ("FOR IMMEDIATE RELEASE", "Press Release", "Joint statement") before its text
_RELEASE_HEADER = re.compile(r"\b(?:for immediate release|press release|press statement|public statement|joint statement)\b", re.I)


def quoted_share(text: str) -> float:
    """The share of the text's characters inside quotation marks."""
    if not text:
        return 0.0
    return sum(m.end() - m.start() for m in _QUOTED.finditer(text)) / len(text)


def stance_signals(ctx: Any, recommendations: list | None) -> dict[str, float]:
    """Evidence that the document argues, and for which approach."""
    recs = recommendations or []
    text = ctx.text
    sentences = max(1, text.count(". ") + text.count("\n"))
    # a statement that is mostly one long quotation (a senator's or ministry's release) speaks in
    # its own voice, so unattributed asks inside the quotes count as the document's own
    statement = quoted_share(text) > 0.5 or bool(_STATEMENT.search(ctx.title or "")) \
        or bool(_RELEASE_HEADER.search(text[:300]))
    author_recs = sum(1 for r in recs if r.by == "author" or (statement and r.by is None))
    votes: Counter = Counter()
    for r in recs:
        weight = 1.0 if r.by == "author" else 0.6
        votes[ACTION_STANCE.get(r.action, "hr_centered")] += weight
    nb = model("stance.yaml")
    # sentence by sentence, so that one long text does not make the posterior all-or-nothing
    sents = [s.text for s in ctx.sdoc.sents][:40] if ctx.sdoc is not None else [text[:2000]]
    probs: Counter = Counter()
    for sent in sents:
        if nb.known(sent) >= 2:
            for label, p in nb.scores(sent).items():
                probs[label] += p
    total = sum(probs.values()) or 1.0
    return {
        "recs": float(len(recs)),
        "author_recs": float(author_recs),
        "title_argues": float(title_argues(ctx.title)),
        "statement": float(statement),
        "reporting_rate": len(_REPORTING.findall(text)) / sentences,
        "first_person_rate": len(_FIRST_PERSON.findall(text)) / sentences,
        "security_cues": float(len(_SECURITY.findall(text))),
        **{f"vote_{k}": v for k, v in votes.items()},
        **{f"nb_{k}": v / total for k, v in probs.items()},
    }


def classify_stance(ctx: Any, recommendations: list | None = None) -> str:
    """hr_centered, engagement_first, security_first, or neutral_report for a document that argues nothing."""
    s = stance_signals(ctx, recommendations)
    # a document argues when its own voice asks for things: several unattributed asks, one ask in a
    # first-person text or under a headline that asks, or explicit security-first wording; asks that
    # the text only reports (news quoting officials or experts) do not make it argue
    argued = (
        s["author_recs"] >= 2
        or (s["author_recs"] >= 1 and (s["first_person_rate"] > 0.03 or s["title_argues"]))
        or (s["recs"] >= 1 and s["title_argues"])
        or s["security_cues"] > 0
        # a statement in the first person (a government's or a group's own release) speaks for its publisher
        or (s["statement"] and s["first_person_rate"] > 0.1)
    )
    if not argued:
        return "neutral_report"
    if s["security_cues"] > 0 and s.get("vote_hr_centered", 0) < 2:
        return "security_first"
    camp = {st: s.get(f"vote_{st}", 0.0) + 0.5 * s.get(f"nb_{st}", 0.0) for st in ("hr_centered", "engagement_first")}
    return max(camp, key=lambda k: (camp[k], k == "hr_centered"))
