"""Fact extraction: rules over the dependency parse, linked mentions and resolved dates, one per codebook fact type."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from nkmonitor.analyze.dates import TIMELINE_HEAD, DateMention, dateline_span, find_dateline, line_year, resolve_dates
from nkmonitor.analyze.linking import Mention, alias_index, state_of
from nkmonitor.records import Evidence, Fact

COMPONENT = "facts"
VERSION = "1.0"
NEEDS = ("text", "sdoc", "published", "mentions")
SETS = ("facts",)

STATES = ("us", "rok", "dprk", "china", "russia", "japan", "eu")
CHAMBERS = ("us_house", "us_senate", "rok_national_assembly")
RESOLUTION_BODIES = ("un_ga", "un_ga_third_committee", "un_hrc", "un_chr")

# verbs whose complement is a plan, a wish or a forecast, not an event that happened
PLAN_WORDS = {"plan", "expect", "set", "hope", "want", "seek", "aim", "intend", "consider", "propose", "vow",
              "mandate", "require", "authorize", "preparation", "underway", "await", "delay", "postpone",
              "pledge", "promise", "threaten", "prepare", "urge", "call", "ask", "need", "wish", "likely",
              "review", "weigh", "try", "attempt", "decline", "refuse", "fail", "demand", "push", "press", "due"}
MODALS = {"will", "would", "could", "may", "might", "should", "must", "shall", "can", "ca", "'ll", "wo"}
TITLE_WORDS = {"president", "secretary", "minister", "chairman", "chair", "sen.", "senator", "rep.",
               "representative", "prime", "premier", "leader", "mr.", "vice"}

WORD_NUMBERS = {"zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20}
_NUM = r"(\d{1,3}(?:,\d{3})*|zero|no|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"


def _to_int(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower().replace(",", "")
    if s.isdigit():
        return int(s)
    return WORD_NUMBERS.get(s)


@dataclass
class Sent:
    start: int
    end: int
    span: Any
    mentions: list[Mention]
    dates: list[DateMention]
    text: str
    i: int = 0
    people: list = field(default_factory=list)  # spaCy PERSON entities (start, end, text), read once per document


@dataclass
class Work:
    ctx: Any
    text: str
    published: str | None
    sents: list[Sent]
    mentions: list[Mention]
    author: Mention | None
    person_posts: dict[str, set[str]] = field(default_factory=dict)  # persons named in a sentence with a post
    by_congress: set[int] = field(default_factory=set)  # enactments read from "Congress passed", by fact index
    facts: list[Fact] = field(default_factory=list)


# ---------------------------------------------------------------- helpers

def _in(mentions: Iterable[Mention], kind: str | tuple) -> list[Mention]:
    kinds = (kind,) if isinstance(kind, str) else kind
    return [m for m in mentions if m.kind in kinds]


def _mention_at(sent: Sent, char: int, kind: str | tuple | None = None) -> Mention | None:
    for m in sent.mentions:
        if m.start <= char < m.end and (kind is None or m.kind in ((kind,) if isinstance(kind, str) else kind)):
            return m
    return None


def _token_mention(sent: Sent, tok: Any, kind: str | tuple) -> Mention | None:
    """The mention of `kind` covering a token or any token of its compound/flat name."""
    m = _mention_at(sent, tok.idx, kind)
    if m:
        return m
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod", "appos") and child.i < tok.i:
            m = _mention_at(sent, child.idx, kind)
            if m:
                return m
    return None


DONE_WORDS = {"decide", "vote", "move", "agree", "begin", "start", "continue", "manage", "go", "proceed", "choose", "elect"}


def _unreal(tok: Any) -> bool:
    """The event at tok is planned, hoped for, predicted, conditional or asked for."""
    if _imperative(tok):
        return True  # "Appoint an envoy", "4. Launch the foundation": a demand
    if tok.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True  # a mandative subjunctive: "the requirement that the President appoint an envoy"
    if tok.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # a bare infinitive ("time to appoint", "failed to name") reports no event, unless
        # it completes a verb of doing ("decided to withdraw", "voted to add")
        if tok.head.lemma_.lower() not in DONE_WORDS and not (
                tok.head.lemma_.lower() == "decision" and not _unreal(tok.head.head if tok.head.dep_ != "ROOT" else tok.head)):
            return True  # ("the decision to deport two fishermen" reports what was done)
    cur = tok
    for _ in range(6):
        for ch in cur.children:
            if ch.dep_ in ("aux", "auxpass") and ch.lower_ in MODALS:
                return True
            if ch.dep_ == "mark" and ch.lower_ in ("if", "unless", "whether"):
                return True
            if ch.dep_ == "mark" and ch.lower_ == "that" and ch.i > 0 and ch.doc[ch.i - 1].lower_ in ("so", "order"):
                return True  # "so that they co-sponsor": a purpose
        if cur.lower_ in ("likely", "unlikely"):
            return True
        if cur.dep_ in ("xcomp", "ccomp") and cur.head.lemma_.lower() in PLAN_WORDS:
            finite = cur.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were", "is", "are", "did")
                for c in cur.children)
            if cur.dep_ == "xcomp" or not finite:
                return True  # "plans to appoint"; but "promised ... South Korea has co-sponsored" happened
        if cur.dep_ in ("xcomp", "conj", "ccomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "amod") and cur.head.i != cur.i and cur.head.lemma_.lower() in ("plan", "effort", "bid", "proposal", "attempt"):
            return True
        break
    return False


def _imperative(tok: Any) -> bool:
    """'Appoint a special envoy' (a heading or a demand): a base-form verb without subject."""
    if tok.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.tag_ != "LS" and not c.like_num
                               for c in tok.children):
        return False  # (a list number "4." is sometimes parsed as the subject)
    if tok.dep_ == "ROOT":
        return True
    # an item of a numbered or bulleted list of demands glued into one sentence ("...; 4. Launch the foundation")
    p1 = tok.doc[tok.i - 1] if tok.i >= 1 else None
    p2 = tok.doc[tok.i - 2] if tok.i >= 2 else None
    if p1 is None:
        return False
    if p1.text in (";", ":"):
        return True
    line_start = p2 is None or p2.is_space or "\n" in p2.whitespace_ or p2.text in (";", ":")
    if re.fullmatch(r"\d{1,2}[.)]?|[\u2022*-]", p1.text) and line_start:
        return True
    return p2 is not None and re.fullmatch(r"\d{1,2}", p2.text) is not None and p1.text in (".", ")") and (
        p2.i == 0 or p2.doc[p2.i - 1].is_space or p2.doc[p2.i - 1].text in (";", ":"))


def _governor_blocked(tok: Any) -> bool:
    """A noun event ('the establishment of', 'the launch of') under a negated, modal or planning verb."""
    cur = tok
    for _ in range(6):
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ == "prep":
            continue  # "including the establishment of": look at the clause's verb
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            if any(c.dep_ in ("nsubj", "nsubjpass", "acomp", "attr") and c.lemma_.lower() in PLAN_WORDS for c in cur.children):
                return True  # "preparations are underway for the launch"
            return _negated(cur) or _unreal(cur) or cur.lemma_.lower() in PLAN_WORDS
        if cur.lemma_.lower() in PLAN_WORDS:
            return True
        if cur.head.i == cur.i:
            break
    return False


def _negated(tok: Any) -> bool:
    cur = tok
    for _ in range(3):
        if any(ch.dep_ == "neg" for ch in cur.children):
            return True
        if any(ch.dep_ in ("nsubj", "nsubjpass") and (ch.lower_ in ("nobody", "none", "neither") or any(
                d.dep_ == "det" and d.lower_ in ("no", "neither") for d in ch.children)) for ch in cur.children):
            return True  # "no successor has been named"
        if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _subject(tok: Any) -> Any | None:
    """The subject of a verb, climbing through xcomp/conj; relative pronouns resolve to their head noun."""
    cur = tok
    for _ in range(5):
        # the subject nearest the verb: a dateline ("SEOUL, Oct. 11 --") can be parsed as a second one
        subs = sorted((ch for ch in cur.children if ch.dep_ in ("nsubj", "nsubjpass")), key=lambda c: abs(c.i - cur.i))
        for ch in subs[:1]:
            if ch.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
                return cur.head
            return ch
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "After staying off the list, South Korea ...": the main clause's subject
            continue
        break
    return None


def _agent(tok: Any) -> Any | None:
    for ch in tok.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _evidence(work: Work, start: int, end: int) -> Evidence:
    text = work.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, text=text[start:end])


def _add(work: Work, sents: list[Sent], confidence: float, **fields: Any) -> None:
    letters = [c for c in sents[0].text if c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.85 * len(letters):
        return  # an all-capitals headline: parsed badly, and its fact is restated (dated) in the body
    if fields.get("date") is None and fields.get("type") in ("post_event", "instrument_event", "repatriation", "mechanism_event") \
            and _bare_line(work, sents[0]):
        return  # an undated fact from a headline or a link line ("2. China deports 500 North Koreans"): the body restates real ones
    ev = _evidence(work, sents[0].start, sents[-1].end)
    fields = {k: v for k, v in fields.items() if v is not None}
    work.facts.append(Fact(evidence=ev, confidence=max(0.05, min(0.97, confidence)), **fields))


def _bare_line(work: Work, sent: Sent) -> bool:
    """A line of its own without sentence punctuation: a headline, a menu or a list of links."""
    t = work.text
    a, b = sent.start, sent.end
    while b > a and t[b - 1].isspace():
        b -= 1
    line_start = a == 0 or t[a - 1] == "\n" or re.fullmatch(
        r"\s*(?:\d{1,2}[.)]|[-*\u2022\u00b7|>])?\s*", t[max(0, t.rfind("\n", 0, a) + 1):a]) is not None
    line_end = b >= len(t) or t[b:b + 1] == "\n" or t[b:t.find("\n", b) if t.find("\n", b) >= 0 else len(t)].strip() == ""
    return line_start and line_end and b - a < 160 and t[b - 1:b] not in (".", "!", "?", '"', "\u201d", ":")


def _near_date(sent: Sent, anchor: int, *, skip_since: bool = True, avoid: list[Mention] | None = None,
               max_dist: int = 10_000) -> DateMention | None:
    """The date mention closest to a character position in the sentence (dates naming an act excluded)."""
    best, best_d = None, None
    for d in sent.dates:
        if skip_since and re.search(r"\b(since|for the first time since|first time since)\s*$", sent_text_before(sent, d.start)[-30:], re.I):
            continue
        if avoid and any(a.start <= d.start < a.end for a in avoid):
            continue
        if re.match(r"\s*(?:Congress|session)", sent.text[d.end - sent.start:d.end - sent.start + 12]):
            continue
        dist = abs(d.start - anchor)
        if dist <= max_dist and (best_d is None or dist < best_d):
            best, best_d = d, dist
    return best


CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "ROOT", "pcomp", "csubj"}
REPORT_WORDS = {"say", "announce", "release", "state", "tell", "report", "announcement", "statement", "confirm", "add"}


def _clause_root(tok: Any) -> Any:
    cur = tok
    for _ in range(40):
        if cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return cur
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return cur
        cur = cur.head
    return cur


def _attached_date(work: Work, sent: Sent, trig: Any, *, skip_since: bool = True,
                   avoid: list[Mention] | None = None) -> tuple[DateMention | None, float]:
    """The date of the clause the trigger is in (with a confidence factor), not any date of the sentence.

    "appointed on June 18 X" -> June 18; "the appointment of X, a position created in 2016" -> none;
    "X was appointed, the White House said in an announcement released August 19" -> August 19 (weaker)."""
    if trig is None:
        return None, 0.0
    if trig.pos_ == "NOUN" and trig.head.lower_ in ("until", "since", "after", "before", "following", "upon"):
        # "from September 2017 until Lee's appointment": the appointment is a landmark, its date is its own
        inside = {t.i for t in trig.subtree}
        for d in sent.dates:
            dtok = _token_at(sent, d.start)
            if dtok is not None and dtok.i in inside:
                return d, 0.9
        return None, 0.0
    troot = _clause_root(trig)
    best, best_score = None, None
    for d in sent.dates:
        before = sent_text_before(sent, d.start)[-30:]
        dtok0 = _token_at(sent, d.start)
        if dtok0 is not None and troot.dep_ in ("relcl", "advcl") and dtok0.i <= troot.head.i <= dtok0.i + 3 and any(
                c.lower_ == "when" for c in troot.children):
            # "since January 2017, when Robert King resigned": the when-clause is the date's own event
            return d, 0.9
        if skip_since and re.search(r"\b(since|first time since|before|until)\s*$", before, re.I):
            # "served until September 2017" dates a departure; only "since" is never its date
            if not (trig.lemma_.lower() in ("serve", "hold", "remain", "stay") and re.search(r"\b(until|through)\s*$", before, re.I)):
                continue
        if avoid and any(a.start <= d.start < a.end for a in avoid):
            continue
        if re.match(r"\s*(?:Congress|session)", sent.text[d.end - sent.start:d.end - sent.start + 12]):
            continue
        dtok = _token_at(sent, d.start)
        if dtok is None:
            continue
        droot = _clause_root(dtok)
        factor = None
        if droot.i == troot.i:
            factor = 1.0
        elif troot.dep_ in ("relcl", "acl") and (troot.head.lower_ in ("day", "date", "time") or troot.head.i in range(dtok.i - 1, dtok.i + 8)):
            factor = 0.9  # "January 13, 2017, the day my resignation took effect"
        elif _reported_via(dtok, troot):
            factor = 0.8
        elif troot.head.lemma_.lower() in REPORT_WORDS and any(a.i == troot.head.i for a in dtok.ancestors):
            factor = 0.8  # "X has appointed Y, the White House said in an announcement released August 19"
        elif droot.lemma_.lower() in REPORT_WORDS or droot.head.lemma_.lower() in REPORT_WORDS:
            if any(a.i == droot.i or a.i == droot.head.i for a in trig.ancestors) or troot.head.i in (droot.i, droot.head.i) or droot.head.i == troot.i:
                factor = 0.8  # the date a statement reports the event on
        elif droot.dep_ == "advcl" and droot.head.i == troot.i and any(
                c.lower_ in ("when", "as", "after") and c.dep_ in ("advmod", "mark") for c in droot.children):
            factor = 0.8  # "When her term expired in July 2023, the government extended it"
        elif troot.dep_ == "advcl" and troot.tag_ == "VBG" and troot.head.i == droot.i and not any(
                c.dep_ == "mark" for c in troot.children):
            factor = 0.85  # "adopted a resolution on Thursday, extending the mandate": one act
        elif troot.dep_ in ("xcomp", "conj", "ccomp") and troot.head.i == droot.i and droot.lemma_.lower() not in REPORT_WORDS:
            factor = 0.85  # "On Thursday, Seoul decided to withdraw"
        elif droot.dep_ in ("xcomp", "conj") and droot.head.i == troot.i:
            factor = 0.85
        if factor is None:
            continue
        score = factor * 1000 - abs(dtok.i - trig.i)
        if best_score is None or score > best_score:
            best, best_score = d, score
    if best is None:
        return None, 0.0
    return best, min(1.0, best_score / 1000 + 0.02)


def _reported_via(dtok: Any, troot: Any) -> bool:
    """The date hangs off a statement about the event ("..., the White House said in an announcement released August 19")."""
    path = []
    for a in dtok.ancestors:
        if a.i == troot.i:
            return any(x.lemma_.lower() in REPORT_WORDS for x in path)
        path.append(a)
    return False


def sent_text_before(sent: Sent, char: int) -> str:
    return sent.text[: max(0, char - sent.start)]


def _recent_fallback(work: Work, sent: Sent, tok: Any = None) -> str | None:
    """A "recent"/"new" event, or one in the present perfect ("has confirmed"), without a date: the publication month."""
    if not work.published:
        return None
    if re.search(r"\b(recent|recently|newly|just)\b", sent.text, re.I):
        return work.published[:7]
    if tok is not None and tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children):
        return work.published[:7]
    return None


def _prev(work: Work, idx: int, n: int = 1) -> list[Sent]:
    return work.sents[max(0, idx - n):idx]


# ---------------------------------------------------------------- post events

_POST_TRIGGERS = [
    # (regex on the lower-cased sentence, event) — matched near a post mention, then checked on the parse
    (re.compile(r"\b(nominat(?:ed|es|e|ing|ion)|put (?:his|her) name forward|put forward (?:his|her) name)\b"), "nominated"),
    (re.compile(r"\b(appoint(?:ed|s|ment|ing)?|tapped|picked|chose|selected|designated|letter of appointment|named (?!for\b|after\b)(?=[^.;]{1,200}?\bas\b)|named (?=(?:[\w.'\u2019-]+ ){1,4}(?:its|the|his|her|their) (?:new |first |next |own )?(?:[\w-]+ )?(?:special envoy|envoy|ambassador|special rapporteur|rapporteur)\b)|(?<=, )named (?!for\b|after\b)(?=(?:the |its |a )?(?:[\w.'\u2019-]+ ){0,3}?(?:special envoy|envoy|ambassador|special rapporteur)\b)|(?:was|were|has been|had been) (?:first |originally |formally )?named(?! for\b| after\b)|named (?=(?:\w+ ){1,3}for (?:the|this|that) (?:job|post|position|role)\b)|named (?=(?:[\w.'\u2019-]+ ){1,4}to (?:the|this|that|his|her) (?:post|job|position|role|mandate)\b)|(?<!\bbe )(?<!\bwas )named (?=(?:him|her) (?:in|on) (?![^.;,]*\bafter\b))|filled|approved (?=(?:[\w.'\u2019-]+ ){1,4}(?:as (?:the |its |a |an )?(?:[\w.'\u2019-]+ ){0,3}?(?:special envoy|envoy|ambassador|ambassador-at-large|special rapporteur|rapporteur)\b|for (?:the|this|that) (?:job|post|position|role)\b)))\b"), "appointed"),
    (re.compile(r"\b(confirmed|confirmation)\b(?=[^.]{0,60}\bsenate\b)|\bsenate\b[^.]{0,40}\b(confirmed|approved)\b|"
                r"\b(?:won|received|gained|secured|got|obtained) (?:(?:the|full|unanimous) )?senate (approval|confirmation)\b"), "confirmed"),
    (re.compile(r"\b(sworn in|swearing[- ]in|took office|assumed (?:the |his |her |this |office|the post|the role|the position|the mandate|duties)|took up (?:the |his |her )|takes up (?:the |his |her )|assumes (?:the |his |her |office)|took over (?:as|the)\b|took over from (?=[^.;]{1,60}?\bas\b)|(?:has|have|had) (?:served|held)\b[^.;]{0,120}?\bsince|serv(?:ed|ing) since|(?:began|started|begun|starts|begins) (?:his|her|the|its) (?:first |new |second )?(?:term|tenure|mandate|job|duties|work)|started work|(?:(?<=\bhe )|(?<=\bshe ))started (?=(?:on|in) (?:\d|the \d|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b))|became (?=(?:the |its |their |a |an )?(?:(?!of |for |with |to )[\w.'\u2019-]+ ){0,4}?(?:special envoy|envoy|ambassador|ambassador-at-large|special rapporteur|rapporteur)\b(?! to \w+ (?!nations\b)))|(?:has|have|had) been (?=(?:the |its |their |a |an )?(?:(?!of |for |with |to )[\w.'\u2019-]+ ){0,4}?(?:special envoy|envoy|ambassador|ambassador-at-large|special rapporteur|rapporteur)\b[^.;]{0,120}?\bsince\b)|succeeded (?=[^.;]{1,60}?\bas\b))"), "took_office"),
    (re.compile(r"\b(extended|extending|extends|extend|extension|renewed|renewing|renews|renew)\b"), "term_extended"),
    (re.compile(r"\b(resign(?:ed|ation)?|stepped down|step down|stood down|quit|left office|retired from (?:the|his|her) (?:post|job|position)|dismissed|left (?:the|his|her) (?:[\w'\u2019-]+ ){0,8}?(?:post|office|position|job|role)\b|left (?:with|when|after|in)\b|"
                r"(?:term|tenure|mandate|years|stint)s? (?:ended|came to an end|ran out|expired|ran until|lasted until)|completed (?:his|her|the) (?:[\w-]+ ){0,2}(?:term|tenure|mandate)|"
                r"serving (?:through|until)|served (?:as (?:[^.;,]{1,80}? )?)?(?:through|until)|(?:served|stayed|remained) (?:on )?(?:(?:in (?:the|that) (?:post|job|role) )?for (?:about |nearly |almost |just over |more than )?(?:a|an|one|two|three|four|five|six|\d+) (?:years?|months?),? )?(?:through|until)|(?:held|holding|did) (?:it|the (?:[\w-]+ )?(?:post|job|position|role|work)|office) (?:[\w-]+ )?(?:until|through))\b"), "left_office"),
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_SERVED_RANGE = re.compile(
    r"\b(?:served|serving|held|holding|was|as|did|former)\b(?:[^.;]|(?<=[A-Z])\.|\.(?=\S)){0,120}?(?:from\s+(?P<a>(?:\w+\s+)?\d{4})\s+(?:to|until|through)\s+(?:(?:his|her|their|the)\s+(?:departure|resignation|retirement|exit)\s+(?:(?:at|near)\s+the\s+(?:start|end|beginning|close)\s+of|(?:early\s+|late\s+)?in)\s+)?(?P<b>(?:\w+\s+)?\d{4})|"
    r"\((?P<c>\d{4})\s*[-\u2013\u2014]\s*(?P<d>\d{4})\)|between\s+(?P<e>\d{4})\s+and\s+(?P<f>\d{4})|"
    r"from\s+(?P<g>\d{4})\s+(?:to|until|through)\s+(?P<mon>" + "|".join(_MONTHS) + r")(?:\s+of)?\s+(?P<rel>this|last)\s+year)",
    re.I,
)


def _author(work: Work) -> Mention | None:
    """The document's author as a pack person, for first-person statements ("my resignation")."""
    ctx = work.ctx
    cands = []
    if getattr(ctx, "author", None):
        cands.append(ctx.author)
    outlet = getattr(ctx, "outlet", None) or ""
    m = re.search(r"\(([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\)", outlet)
    if m:
        cands.append(m.group(1))
    head = work.text[:1500]
    m = re.search(r"^\s*(?:Author|By|by|Written by)[:\s]+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\s*(?:$|,)", head, re.M)
    if m:
        cands.append(m.group(1))
    index = alias_index(getattr(ctx, "pack", None))
    for name in cands:
        for start, end, surface, ids in index.find(name):
            for kind, ident in ids:
                if kind == "person" and end - start >= len(name.strip()) - 2:
                    return Mention(-1, -1, surface, "person", ident, "alias")
    return None


_APPOINTER_ROLES = {"us_president", "rok_president", "us_secretary_of_state"}


def _appointer(work: Work, pid: str | None) -> bool:
    """A head of state or a minister by the pack's roles ("Bush named him in 2005"): the appointing side, never
    the holder of the post, even when the text gives no title."""
    if not pid:
        return False
    try:
        roles = set(getattr(work.ctx.pack.get(pid), "roles", None) or ())
    except Exception:
        return False
    return bool(roles & _APPOINTER_ROLES)


def _titled(work: Work, m_start: int, m_end: int | None = None, honorific: bool = True) -> bool:
    """A name preceded by a head-of-state or minister title: the appointer, not the appointee.

    honorific=False: a plain "Mr." does not count ("succeeded by Mr. Darusman")."""
    titles = TITLE_WORDS if honorific else TITLE_WORDS - {"mr."}
    if m_end is not None:
        first = work.text[m_start:m_end].split()[:1]
        if first and first[0].lower() in titles:
            return True
    before = work.text[max(0, m_start - 40):m_start].lower()
    words = re.findall(r"[\w.]+", before)[-1:]
    return any(w in titles for w in words)


def _persons_in(work: Work, sent: Sent) -> list[tuple[int, int, str | None, str]]:
    """(start, end, id or None, name) of persons in a sentence: pack-linked names and other PERSON entities."""
    out = []
    for m in _in(sent.mentions, "person"):
        out.append((m.start, m.end, m.id, m.text))
    for start, end, text in sent.people:
        if any(m.start < end and start < m.end for m in sent.mentions):
            continue
        name = text.strip()
        if len(name.split()) < 2 or not name[0].isupper():
            continue
        out.append((start, end, None, name))
    return out


def _full_name(work: Work, pid: str | None, surface: str) -> str:
    """The name as the text gives it: the fullest form of this person in the document, without titles."""
    def clean(name: str) -> str:
        words = re.sub(r"\s+", " ", name).strip().split(" ")
        while len(words) > 1 and (words[0].lower() in TITLE_WORDS or words[0].lower() in ("ms.", "mrs.", "dr.", "ambassador")):
            words = words[1:]
        return " ".join(words)
    best = clean(surface)
    if pid:
        for m in work.mentions:
            if m.id == pid and m.kind == "person" and len(clean(m.text)) > len(best):
                best = clean(m.text)
    return best


def _post_events(work: Work) -> None:
    for si, sent in enumerate(work.sents):
        posts = _in(sent.mentions, "post")
        low = sent.text.lower()
        implicit_post = passage = False
        if not posts:
            # "Lee's term expired ... an extension": the post of the last sentences, for tenure words only
            if re.search(r"\b(term|tenure|mandate|predecessor|successor)\b", low):
                prev_posts = [m for s in _prev(work, si, 2) for m in _in(s.mentions, "post")]
                if prev_posts:
                    posts = [prev_posts[-1]]
                    implicit_post = True
            if not posts:
                # "Lee ... was appointed by the Cabinet": a person already named together with one post
                held = {p for m in _in(sent.mentions, "person") for p in work.person_posts.get(m.id, ())}
                if not held:
                    # "The council appointed her in May": the post of the person the pronoun refers to
                    for t in sent.span:
                        if t.lower_ in ("him", "her", "he", "she", "his") and t.dep_ in ("dobj", "nsubjpass", "nsubj", "poss"):
                            ante = _antecedent(work, sent, t.idx, set())
                            if ante and ante[0]:
                                held = set(work.person_posts.get(ante[0], ()))
                            break
                if len(held) == 1:
                    pid = next(iter(held))
                    earlier = [m for m in work.mentions if m.kind == "post" and m.id == pid and m.start < sent.start]
                    if earlier:
                        posts = [earlier[-1]]
                        implicit_post = True
            if not posts and _STRONG_CUE.search(low) and not _OTHER_OFFICE.search(low) and (any(
                    m.id and not _titled(work, m.start, m.end) for m in _in(sent.mentions, "person")) or _pronoun_holder(work, sent)):
                # "Who held it before? ... Bush picked Jay Lefkowitz in August 2005": the one post of the passage
                prev_posts = [m for s in _prev(work, si, 3) for m in _in(s.mentions, "post")]
                if not prev_posts:
                    # nothing close by: the post of the whole document so far, when it names only one
                    prev_posts = [m for m in work.mentions if m.kind == "post" and m.end <= sent.start]
                if prev_posts and len({m.id for m in prev_posts}) == 1:
                    posts = [prev_posts[-1]]
                    implicit_post = passage = True
            if not posts:
                continue
        found_any = False  # a served-from-to range already gave this sentence's tenure events
        # served from A to B / (A-B): two events
        for m in _SERVED_RANGE.finditer(sent.text):
            a = m.group("a") or m.group("c") or m.group("e") or m.group("g")
            b = m.group("b") or m.group("d") or m.group("f")
            ya = re.search(r"\d{4}", a).group(0)
            if b is not None:
                yb = re.search(r"\d{4}", b).group(0)
                end_date = yb
                mon_b = re.match(r"(" + "|".join(_MONTHS) + r")\s", b, re.I)
                if mon_b and m.group("b"):
                    # "from 2009 until his resignation in January 2017": the month the text gives
                    end_date = f"{yb}-{[x.lower() for x in _MONTHS].index(mon_b.group(1).lower()) + 1:02d}"
            else:
                # "from 2005 until January of this year": the month of the story's (or the year before's) year
                if not work.published:
                    continue
                yb = str(int(work.published[:4]) - (1 if m.group("rel").lower() == "last" else 0))
                end_date = f"{yb}-{[x.lower() for x in _MONTHS].index(m.group('mon').lower()) + 1:02d}"
            if not (1945 <= int(ya) <= int(yb) <= 2049):
                continue
            anchor = sent.start + m.start()
            post = min(posts, key=lambda p: abs(p.start - anchor))
            person = _pick_person(work, sent, anchor, trigger_tok=None, event="took_office")
            conf = 0.85 if person else 0.7
            for event, year in (("took_office", ya), ("left_office", end_date)):
                _add(work, [sent], conf, type="post_event", post=post.id, event=event, date=year,
                     **_person_fields(work, person))
            found_any = True
        for rx, event in _POST_TRIGGERS:
            for m in rx.finditer(low):
                if found_any and event in ("took_office", "left_office"):
                    continue
                gi = next((i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), 0)
                char = sent.start + m.start(gi)
                tok = _cue_token(sent, char, sent.start + m.end(gi))
                if tok is None:
                    continue
                if event == "term_extended" and not re.search(r"\b(term|mandate|tenure)s?\b", low) and not (
                        re.search(r"\b(term|mandate|tenure)s?\b", " ".join(p.text.lower() for p in _prev(work, si, 1)))
                        and re.search(r"(?:['\u2019]s|\bhis|\bhers)\s+(?:was|has been|had been|were)\s+(?:\w+\s+)?$", low[:m.start(gi)])):
                    continue  # "The post carries a one-year term. Lee's was renewed in July": an elided "term"
                if event == "appointed" and m.group(gi).strip() == "approved" and re.search(r"\b(?:senate|senators)\b[^.;]{0,40}$", low[:m.start(gi)]):
                    continue  # "the Senate approved X as envoy": the confirmation (read by its own cue)
                if event == "appointed" and m.group(1) == "filled" and not re.search(r"\b(post|position|vacan)", low):
                    continue
                if event == "appointed" and m.group(gi) == "filled" and any(
                        ev2 != "appointed" and ev2 != "term_extended" and rx2.search(low) for rx2, ev2 in _POST_TRIGGERS):
                    continue  # "the chair was filled when X was sworn in": the filling is that other, stated event
                if event == "appointed" and m.group(gi) == "filled" and (tok.tag_ != "VBD" and not any(
                        c.dep_ in ("aux", "auxpass") for c in tok.children) or _unreal(tok.head)):
                    continue  # "to keep the post filled": a state wished for, not a filling
                if event == "confirmed" and tok.pos_ in ("VERB", "AUX"):
                    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                    if obj is not None and (obj.lower_ in ("it", "them", "this", "that", "both") or obj.lemma_.lower() in _NOT_HOLDER
                                            or _token_mention(sent, obj, "instrument") is not None):
                        continue  # "the Senate approved it by unanimous consent": a bill, not a nominee
                if event == "confirmed" and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
                    subj = _subject(tok.head)
                    if subj is not None and (subj.lemma_.lower() in _NOT_HOLDER or _token_mention(sent, subj, "instrument") is not None):
                        continue  # "the act won Senate approval": a bill's passage, not a nominee's confirmation
                if event == "confirmed" and tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.lemma_.lower() in (
                        "hearing", "process", "battle", "fight", "fate"):
                    continue  # "after a confirmation hearing in May": a step before the confirmation
                if event == "appointed" and m.group(gi).startswith("named") and low[max(0, m.start(gi) - 2):m.start(gi)] != ", " and not re.match(r"named (?:him|her) (?:in|on) |named (?:[\w.'\u2019-]+ ){1,6}as\b|named (?:[\w.'\u2019-]+ ){1,4}(?:its|the|his|her|their) |named (?:\w+ ){1,3}for (?:the|this|that) ", low[m.start(gi):]) \
                        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                    continue  # "named X, a lawyer who ..., as special envoy": the "as" must be the verb's
                if event in ("appointed", "nominated") and any((c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
                        a.lower_ == "to" for a in c.children)) and c.lemma_.lower() in (
                        "chair", "head", "lead", "join", "serve", "sit", "investigate", "run", "oversee") and not any(
                        _mention_at(sent, t.idx, "post") is not None for t in c.subtree) for c in tok.children):
                    continue  # "Kirby was named to chair it": appointed to another body, not to the post
                    # (but "nominated X to serve as special envoy for ...": the post itself)
                if event == "took_office" and m.group(gi).startswith("became") and re.match(
                        r"[^.;,]{0,60}?\b(?:first|last|only|second|third)\b[^.;,]{0,100}?\bto (?!the\b|a\b|an\b)[a-z]+\b", low[m.end(gi):]):
                    continue  # "became the first envoy to visit Pyongyang": a first, not a start of tenure
                if event == "appointed" and re.search(r"\bappointed\b", m.group(0)) and tok.dep_ == "amod":
                    continue  # "the newly appointed envoy": a title, not a reported appointment
                if event == "left_office" and m.group(1).startswith("term ended") is False and "extension" in low and "term" in m.group(1):
                    continue
                if _unreal(tok) or (_negated(tok) and (event != "left_office" or any(
                        c.dep_ == "neg" for c in tok.children))) or _imperative(tok):
                    continue
                if event in ("left_office", "took_office") and tok.pos_ in ("VERB", "AUX"):
                    subj = _subject(tok)
                    if subj is not None and (_token_mention(sent, subj, ("state", "body")) is not None
                                             or subj.lemma_.lower() in ("administration", "government", "cabinet", "presidency", "congress")):
                        continue  # also "the Bush administration left office in January": not the post's holder
                    sm = _token_mention(sent, subj, "person") if subj is not None else None
                    if sm is not None and _titled(work, sm.start, sm.end):
                        continue  # "after President Yoon Suk Yeol took office": a head of state's own office  # "the United States quit the Human Rights Council": a state, not a holder
                if re.search(r"\b(no|not any)\s+(?:\w+\s+){0,2}(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?$|\b(nobody|no one|none)\s+(?:\w+\s+){0,2}$", low[:m.start(gi)][-50:]):
                    continue  # "no candidate has been nominated": a vacancy, not an event
                if (event in ("appointed", "nominated") or tok.lower_.startswith("swearing")) and tok.pos_ == "NOUN" and (
                        _noun_unreal(tok) or _governor_blocked(tok)):
                    continue
                if event == "nominated" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in (
                        "confirm", "approve", "reject", "withdraw", "block", "hold", "consider", "advance", "vote"):
                    continue  # "the Senate confirmed her nomination": the confirmation's date, not the nomination's
                post = min(posts, key=lambda p: abs(p.start - char))
                if abs(post.start - char) > 260 and not implicit_post:
                    continue
                person = _pick_person(work, sent, char if implicit_post else post.start, trigger_tok=tok, event=event)
                dm, factor = _attached_date(work, sent, tok, skip_since=event not in ("took_office",) and not re.search(r"\b(?:until|through)$", m.group(gi)),
                                            avoid=_in(sent.mentions, "instrument") + _landmarks(sent, tok))
                if dm is not None and _in_other_since_clause(sent, dm, tok):
                    dm, factor = None, 0.0  # "filling a post that had stood empty since the administration left in January"
                if event == "left_office" and re.search(r"\b(?:until|through)$", m.group(gi)):
                    # "he stayed until the administration changed in January 2009": the until-clause's date
                    for c in tok.children:
                        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("until", "till") for g in c.children):
                            inside = {t.i for t in c.subtree}
                            dm2 = next((d for d in sent.dates if (_token_at(sent, d.start) is not None and _token_at(sent, d.start).i in inside)), None)
                            if dm2 is not None:
                                dm, factor = dm2, 0.85
                row = _row_date(work, sent, char)
                if row is not None:
                    dm, factor = row, 0.9  # a timeline row: its leading date is the event's
                date = _year_of_that(sent, dm, work) if dm else None
                if dm is not None and date == dm.value:
                    date = _unborrowed(work, sent, dm)
                if dm is None or _that_time(work, sent, tok) is not None:
                    that = _that_time(work, sent, tok)
                    if that is not None:
                        date, factor = that, 0.85  # "was appointed that same month"
                if passage and (person is None or not _holder_tied(work, sent, tok, person)):
                    continue  # the passage's post only for the named holder of this very verb
                rel = _relative_later(sent, tok)
                if rel is not None:
                    date, dm, factor = rel, dm or sent.dates[0], 0.8  # "the Senate approved him two months later"
                if tok.pos_ == "NOUN" and person is None and dm is None and not re.search(r"\b(recent|new|latest)\b", low):
                    continue
                if tok.dep_ in ("acl", "amod", "advcl") and tok.tag_ == "VBN" and person is None and dm is None and not any(
                        c.dep_ in ("aux", "auxpass") for c in tok.children):
                    continue  # "a full-time official of ambassadorial rank, confirmed by the Senate": what the post is  # "the legal ground for the appointment of a special envoy": no one, no time, no event
                conf = 0.8 if dm is None else 0.72 + 0.12 * factor
                if date is None and event in ("term_extended", "appointed") and _SAME_RESOLUTION.search(low):
                    date = _resolution_date(work, si)  # "In the resolution, the Council also decided to extend the mandate"
                    conf -= 0.05
                if date is None and event in ("appointed", "nominated", "took_office", "confirmed", "left_office"):
                    date = _recent_fallback(work, sent, tok)
                    conf -= 0.1
                if post.via != "alias":
                    conf -= 0.05
                if implicit_post:
                    conf -= 0.15
                if person is None:
                    conf -= 0.1
                _add(work, [sent], conf, type="post_event", post=post.id, event=event, date=date,
                     **_person_fields(work, person))
                if person and person[0]:
                    work.person_posts.setdefault(person[0], set()).add(post.id)  # later "his tenure ended" refers back
    _nominations_before_confirmation(work)


def _nominations_before_confirmation(work: Work) -> None:
    """"Obama named him for the job in September; the Senate approved him in November": for a post the Senate
    confirms, a choice made before the confirmation is the nomination."""
    confirmed = [f for f in work.facts if f.type == "post_event" and f.event == "confirmed" and f.person and f.date]
    for f in work.facts:
        if f.type != "post_event" or f.event != "appointed" or not f.person or not f.date:
            continue
        for c in confirmed:
            n = min(len(f.date), len(c.date))
            if c.person == f.person and c.post == f.post and f.date[:n] < c.date[:n]:
                f.event = "nominated"
                break


_STRONG_CUE = re.compile(r"\b(nominated|appointed|picked|tapped|chose|sworn in|resigned|stepped down|confirmed by the senate|senate (?:approval|confirmation)|"
                         r"(?:his|her) appointment|named (?:him|her) (?:in|on) |took up (?:the|his|her) (?:work|post|job|mandate|duties)|(?:he|she) started (?=on |in )|"
                         r"(?:term|tenure|mandate)s? (?:ended|expired|ran out))\b")
_OTHER_OFFICE = re.compile(r"\b((?:nominated|appointed|named|picked|tapped|chose|selected|sworn in)\b[^.;]{0,80}?\b(?:to (?:the|be|serve)|as)\b|court|"
                           r"to (?:chair|head|lead|join|serve on|sit on)|commission|panel|secretary|minister|director|chief|judge|governor|commissioner|ambassador to|envoy to|adviser|advisor|"
                           r"chair(?:man|woman)?|head of|president of|member of|prosecutor|justice)\b")
_NOT_HOLDER = {"bill", "act", "law", "measure", "resolution", "version", "text", "amendment", "budget", "treaty",
               "reauthorization", "legislation", "package", "funding", "request", "plan"}


_LATER = re.compile(r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) (?P<u>month|year)s? later|"
                    r"the (?:following|next) (?P<u2>month|year))\b", re.I)


def _relative_later(sent: Sent, trig: Any) -> str | None:
    """"two months later", "the following month" in the trigger's clause: counted from the sentence's earlier date."""
    root = _clause_root(trig)
    for m in _LATER.finditer(sent.text):
        tok = _token_at(sent, sent.start + m.start())
        troot = _clause_root(tok) if tok is not None else None
        if troot is not None and troot.dep_ == "xcomp" and troot.i != root.i:
            troot = _clause_root(troot.head)  # "started work the following month"
        if tok is None or tok.i < trig.i or troot.i != root.i:
            continue
        earlier = [d for d in sent.dates if d.end <= sent.start + m.start() and re.match(r"\d{4}(?:-\d{2})?", d.value)]
        if not earlier:
            return None
        base = earlier[-1].value
        unit = (m.group("u") or m.group("u2")).lower()
        nw = (m.group("n") or "one").lower()
        n = int(nw) if nw.isdigit() else (1 if nw in ("a", "an") else WORD_NUMBERS.get(nw, 0))
        y = int(base[:4])
        if unit == "year":
            return str(y + n)
        if len(base) < 7:
            return None
        mo = int(base[5:7]) - 1 + n
        return f"{y + mo // 12}-{mo % 12 + 1:02d}"
    return None


_SAME_RESOLUTION = re.compile(r"\b(?:in|by|under|through|with) (?:the|that|this|the same|its) resolution\b|\bthe (?:same )?resolution (?:also )?(?:extended|renewed|extends|renews)\b")


def _resolution_date(work: Work, si: int) -> str | None:
    """The date of the adoption a back-reference ("in the resolution") points to: the last sentence before that adopted one."""
    for s in reversed(_prev(work, si, 3)):
        m = re.search(r"\b(adopted|passed|approved|adopts|passes)\b", s.text)
        if m and re.search(r"\bresolution\b", s.text, re.I) and s.dates:
            d = _near_date(s, s.start + m.start())
            if d is not None:
                return d.value
    return None


def _pronoun_holder(work: Work, sent: Sent) -> bool:
    """A he/she/him/her/his in the sentence that refers back to a pack person ("The Council chose him on 18 June 2010")."""
    for t in sent.span:
        if t.lower_ in ("he", "she", "him", "her", "his") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            ante = _antecedent(work, sent, t.idx, set())
            return bool(ante and ante[0])
    return False


def _holder_tied(work: Work, sent: Sent, trig: Any, person: tuple) -> bool:
    """The person is the verb's own holder: its object, its passive subject, or the subject of a tenure verb."""
    holders = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if trig.pos_ == "NOUN":
        holders += [c for c in trig.children if c.dep_ == "poss"]  # "approved his appointment"
    for h in list(holders) + ([_subject(trig)] if trig.pos_ in ("VERB", "AUX") and _subject(trig) is not None else []):
        if h.lower_ in ("him", "her", "his", "he", "she") and not any(c[0] <= h.idx < c[1] for c in _persons_in(work, sent)):
            ante = _antecedent(work, sent, h.idx, set())
            if ante is not None and ante[0] and ante[0] == person[0]:
                return True  # "The Human Rights Council chose him": the pronoun is the named holder
    if trig.dep_ == "acl" and trig.tag_ == "VBN":
        holders.append(trig.head)  # "Robert King, confirmed by the Senate in November 2009, made it ..."
    subj = _subject(trig) if trig.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        holders.append(subj)
    for c in _persons_in(work, sent):
        if (c[2] or None) != (person[0] or None) and c[3] != person[1]:
            continue
        if re.search(r"\bby\s+(?:\w+\s+){0,2}$", work.text[max(0, c[0] - 30):c[0]]):
            continue
        for h in holders:
            if h.lower_ in ("who", "that") and h.head.dep_ == "relcl":
                h = h.head.head
            if h.lower_ in ("he", "she") and c[1] <= h.idx:
                return True  # "The Council appointed Darusman ..., and he started work the following month"
            if c[0] <= h.idx < c[1] or any(c[0] <= x.idx < c[1] for x in h.children if x.dep_ in ("compound", "appos", "poss")):
                return True
    return False


def _landmarks(sent: Sent, trig: Any) -> list[Mention]:
    """Spans of "after a confirmation hearing in May", "before the election in April": their dates are not the event's."""
    out = []
    for t in sent.span:
        if t.dep_ == "prep" and t.lower_ in ("after", "before", "following", "ahead") and not any(x.i == trig.i for x in t.subtree):
            sub = list(t.subtree)
            out.append(Mention(sub[0].idx, sub[-1].idx + len(sub[-1].text), "", "landmark", None, "parse"))
    return out


def _in_other_since_clause(sent: Sent, dm: Any, trig: Any) -> bool:
    """The date belongs to a "since ..." clause that does not contain the trigger."""
    dtok = _token_at(sent, dm.start)
    if dtok is None:
        return False
    for a in [dtok] + list(dtok.ancestors):
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children):
            return not any(t.i == trig.i for t in a.subtree)
        if a.dep_ in ("ROOT",):
            break
    return False


def _year_of_that(sent: Sent, dm: Any, work: Work | None = None) -> str:
    """"on 1 August of that year", "in August the same year": the year of the sentence's earlier date
    (or, with work, of the sentence before: "It passed in March 2016. It took effect in September of that year")."""
    after = sent.text[dm.end - sent.start: dm.end - sent.start + 20]
    if not re.match(r"\s*(?:of\s+)?(?:that|the same)\s+year\b", after, re.I):
        return dm.value
    earlier = [d for d in sent.dates if d.end <= dm.start and re.match(r"\d{4}", d.value)]
    if not earlier and work is not None:
        earlier = [d for s in _prev(work, sent.i, 1) for d in s.dates if re.match(r"\d{4}", d.value)]
    if not earlier or re.search(r"\b\d{4}\b", dm.text):
        return dm.value
    return earlier[-1].value[:4] + dm.value[4:]


_THAT_TIME = re.compile(r"\s*(?:(?:in|on|during|by)\s+)?(?:that|the\s+same)\s+(?:(?:very|same)\s+)?(?P<unit>month|year|"
                        + "|".join(_MONTHS) + r")\b(?!\s+(?:of|in)\b)", re.I)


def _unborrowed(work: Work, sent: Sent, dm: Any) -> str:
    """A month-day without a year ("on October 13") whose year was taken from a "since January 2017" of the same
    sentence: that year is a landmark's, not the event's; the story's own year applies."""
    value = dm.value
    if re.search(r"\b\d{4}\b", dm.text) or not work.published or len(value) < 10:
        return value
    full = [d for d in sent.dates if d.start != dm.start and re.search(r"\b\d{4}\b", d.text) and d.value[:4] == value[:4]]
    if not full or not all(re.search(r"\bsince\s*$", sent_text_before(sent, d.start)[-12:], re.I) for d in full):
        return value
    from nkmonitor.analyze.dates import normalize_date
    return normalize_date(dm.text, work.published) or value


def _that_time(work: Work, sent: Sent, trig: Any) -> str | None:
    """"appointed that same month", "came into force that September", "approved that year": a date given only
    by reference to the last dated event told before it (in this sentence or the one before)."""
    off = trig.idx + len(trig.text) - sent.start
    after = re.split(r"[,;]", sent.text[off:][:60])[0]
    m = re.match(r"(?:\s*(?:up|in|into|down|out|off|the\s+\w+|it|him|her|them|office|effect|force|law|work)\b)*" + _THAT_TIME.pattern, after, re.I)
    if m is None:
        # further on in the trigger's own clause: "was named ambassador for North Korean human rights that September"
        root = _clause_root(trig)
        for m2 in re.finditer(r"\b(?:that|the\s+same)\b", sent.text[off:]):
            m3 = _THAT_TIME.match(sent.text[off + m2.start() - 1:]) if m2.start() > 0 else None
            t2 = _token_at(sent, sent.start + off + m2.start())
            if re.search(r"\b(?:of|since|until|through|before|after|from)\s+$", sent.text[max(0, off + m2.start() - 25):off + m2.start()]):
                continue  # "in August of that year" (the month's own year, handled with its date), "since that year"
            if any(0 <= sent.start + off + m2.start() - d.end <= 2 for d in sent.dates):
                continue  # "on 1 August that year": the date's own year (see _year_of_that)
            if m3 is not None and t2 is not None and _clause_root(t2).i == root.i:
                m = m3
                break
    if m is None:
        return None
    earlier = [d for d in sent.dates if d.end <= trig.idx and re.match(r"\d{4}", d.value)]
    if not earlier:
        earlier = [d for s in _prev(work, sent.i, 1) for d in s.dates if re.match(r"\d{4}", d.value)]
    if not earlier:
        return None
    base = earlier[-1].value
    unit = m.group("unit").lower()
    if unit == "year":
        return base[:4]
    if unit == "month":
        return base[:7] if len(base) >= 7 else None
    return f"{base[:4]}-{[x.lower() for x in _MONTHS].index(unit) + 1:02d}"


def _row_date(work: Work, sent: Sent, char: int) -> DateMention | None:
    """The leading date of a timeline row ("13 Jul 2004 | X appointed ...", "- March 2016: ..."): the date of the
    event on that line, even when rows without final stops were read as one sentence."""
    t = work.text
    line_start = t.rfind("\n", 0, char) + 1
    for d in sent.dates + [d for s in _prev(work, sent.i, 1) for d in s.dates]:
        if line_start <= d.start <= line_start + 6 and re.fullmatch(r"\s*(?:[-*\u2022]\s*)?", t[line_start:d.start]) \
                and re.match(r"\s*(?:\||:|\u2013|\u2014|-)\s", t[d.end:d.end + 4]) and d.end <= char:
            return d
    return None


def _noun_unreal(tok: Any) -> bool:
    """'calls for the appointment of', 'the appointment would': a wished-for appointment."""
    head = tok.head
    for _ in range(3):
        if head.lemma_.lower() in PLAN_WORDS or head.lemma_.lower() in ("for", "to"):
            if head.lemma_.lower() in ("for", "to") and head.head.lemma_.lower() in PLAN_WORDS | {"call", "push", "need", "pressure"}:
                return True
            if head.lemma_.lower() in PLAN_WORDS:
                return True
        if head.dep_ == "ROOT":
            break
        head = head.head
    return _unreal(tok.head) if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else False


def _person_fields(work: Work, person: tuple | None) -> dict:
    if person is None:
        return {}
    pid, name = person
    out = {"person_name": name}
    if pid:
        out["person"] = pid
    return out


def _pick_person(work: Work, sent: Sent, anchor: int, trigger_tok: Any, event: str) -> tuple | None:
    """The post holder: the object of appoint/nominate, the subject of serve/resign; never the appointer."""
    cands = _persons_in(work, sent)
    if trigger_tok is not None and _row_date(work, sent, trigger_tok.idx) is not None:
        # a timeline row: only the people of the trigger's own line (rows were read as one sentence)
        ls = work.text.rfind("\n", 0, trigger_tok.idx) + 1
        le = work.text.find("\n", trigger_tok.idx)
        le = len(work.text) if le < 0 else le
        cands = [c for c in cands if ls <= c[0] < le]
    excluded: set[int] = set()
    headline_passive = False
    if trigger_tok is not None and event in ("nominated", "appointed", "confirmed"):
        subj = _subject(trigger_tok)
        headline_passive = trigger_tok.tag_ in ("VBD", "VBN") and not any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "aux") for c in trigger_tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in trigger_tok.children)
        if subj is not None and trigger_tok.pos_ == "VERB" and not headline_passive and not any(c.dep_ == "auxpass" for c in trigger_tok.children):
            # ("13 Jul 2004 | X of Thailand appointed as the first Special Rapporteur": a headline's passive, X the appointee)
            for c in cands:
                if c[0] <= subj.idx < c[1]:
                    excluded.add(c[0])
    if trigger_tok is not None and event in ("nominated", "appointed"):
        for c in cands:
            # "Bush appoints X" in a headline, "appointed by President Y": the appointer
            gap = work.text[c[1]:trigger_tok.idx]
            if not headline_passive and 0 <= trigger_tok.idx - c[1] <= 12 and re.fullmatch(r"[\s,]*(?:has\s+|have\s+|had\s+|on\s+\w+\s+)?", gap):
                excluded.add(c[0])
            if re.search(r"\bby\s+(?:\w+\s+){0,2}$", work.text[max(0, c[0] - 30):c[0]]):
                excluded.add(c[0])
    for c in cands:
        if re.match(r"['\u2019]?s?\s+(?:administration|government|cabinet|White House)\b|['\u2019]s?\s+(?:\w+\s+)?(?:pick|choice|nominee|candidate|appointee)\b",
                    work.text[c[1]:c[1] + 30], re.I):
            excluded.add(c[0])  # "the Biden administration", "the Yoon government", "Biden's pick": the appointing side
    pool = [c for c in cands if c[0] not in excluded and not _titled(work, c[0], c[1], honorific=False) and not _appointer(work, c[2])]
    # first person: "my resignation", "I served"
    if trigger_tok is not None and work.author and event in ("took_office", "left_office", "term_extended"):
        owner = [c for c in trigger_tok.children if c.dep_ in ("poss", "nsubj", "nsubjpass")]
        if trigger_tok.dep_ in ("nsubj", "dobj") and trigger_tok.pos_ == "NOUN":
            owner += [c for c in trigger_tok.children if c.dep_ == "poss"]
        if any(o.lower_ in ("i", "my") for o in owner):
            return (work.author.id, _full_name(work, work.author.id, work.author.text))
    if trigger_tok is not None or event in ("took_office", "left_office"):
        window = sent.text[max(0, anchor - sent.start - 80): anchor - sent.start + 80]
        if work.author and re.search(r"\b(I|my|My)\b", window) and not pool:
            return (work.author.id, _full_name(work, work.author.id, work.author.text))
    if trigger_tok is not None and event in ("took_office", "left_office", "term_extended") and not pool:
        subj = _subject(trigger_tok) if trigger_tok.pos_ in ("VERB", "AUX") else None
        owner = None
        if trigger_tok.pos_ == "NOUN":
            owner = next((c for c in trigger_tok.children if c.dep_ == "poss"), None)
        if subj is not None and subj.lower_ not in ("he", "she"):
            # "her one-year term was extended": the possessor of the subject
            owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            subj = None if owner is not None else subj
        tok = subj or owner
        if tok is not None and tok.lower_ in ("he", "she", "his", "her"):
            prev_people = [m for s in work.sents if s.end <= sent.start and sent.start - s.end < 600 for m in _in(s.mentions, "person")]
            if prev_people:
                p = prev_people[-1]
                return (p.id, _full_name(work, p.id, p.text))
    if trigger_tok is not None:
        rel = [c for c in trigger_tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "poss")]
        subj = _subject(trigger_tok) if trigger_tok.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            rel.append(subj)
            if event in ("left_office", "took_office", "term_extended") and subj.lemma_.lower() in ("term", "tenure", "mandate", "year", "stint", "resignation"):
                rel += [c for c in subj.children if c.dep_ == "poss"]  # "his tenure ended with the Bush presidency"
        if event in ("nominated", "appointed", "confirmed"):
            rel = [r for r in rel if r.dep_ != "nsubj" or any(c.dep_ == "auxpass" for c in trigger_tok.children)]
        pron = next((r for r in rel if r.lower_ in ("him", "her", "he", "she", "his")), None)
        if pron is not None and not any(c[0] <= pron.idx < c[1] for c in pool):
            ante = _antecedent(work, sent, pron.idx, excluded)
            if ante is not None:
                return ante
    if not pool and event in ("term_extended", "left_office", "took_office"):
        # "When her first term expired ..., the government extended it": the term's owner
        for t in sent.span:
            if t.lemma_.lower() in ("term", "tenure", "mandate"):
                owner = next((c for c in t.children if c.dep_ == "poss"), None)
                if owner is not None and owner.lower_ in ("her", "his"):
                    ante = _antecedent(work, sent, owner.idx, excluded)
                    if ante is not None:
                        return ante
                elif owner is not None:
                    hit = [c for c in cands if c[0] <= owner.idx < c[1]]
                    if hit:
                        return (hit[0][2], _full_name(work, hit[0][2], hit[0][3]))
    if not pool:
        return None
    if trigger_tok is not None:
        # the grammatical holder: subject of "resigned"/"served", object of "appointed"
        roles = ("nsubj",) if event in ("took_office", "left_office", "term_extended") else ("dobj", "nsubjpass")
        holder = None
        if "nsubj" in roles and trigger_tok.pos_ in ("VERB", "AUX"):
            holder = _subject(trigger_tok)
            if holder is None and trigger_tok.dep_ == "acl":
                holder = trigger_tok.head  # "Muntarbhorn's six years ended in June 2010" (parsed as a noun phrase)
        else:
            holder = next((c for c in trigger_tok.children if c.dep_ in roles), None)
        if holder is not None and holder.lower_ in ("who", "whom") and holder.head.dep_ == "relcl":
            holder = holder.head.head  # "succeeded by Mr. Darusman, who was appointed in June 2010"
        if holder is not None and not any(c[0] <= holder.idx < c[1] for c in pool):
            # "Muntarbhorn's six years ended", "Lee's tenure ran until": the possessor of the subject
            poss = next((c for c in holder.children if c.dep_ == "poss"), None)
            if poss is not None and holder.lemma_.lower() in ("term", "tenure", "mandate", "year", "stint", "time", "resignation", "departure"):
                holder = poss
        if holder is not None:
            for c in pool:
                if c[0] <= holder.idx < c[1] or any(c[0] <= ch.idx < c[1] for ch in holder.children if ch.dep_ == "compound"):
                    return (c[2], _full_name(work, c[2], c[3]))
        # else prefer a person syntactically tied to the trigger
        tied = []
        for c in pool:
            tok = _token_at(sent, c[0])
            if tok is None:
                continue
            if tok.head.i == trigger_tok.i or trigger_tok.head.i == tok.i or any(a.i == trigger_tok.i for a in tok.ancestors):
                tied.append(c)
        if len(tied) == 1:
            c = tied[0]
            return (c[2], _full_name(work, c[2], c[3]))
    best = min(pool, key=lambda c: min(abs(c[0] - anchor), abs(c[1] - anchor)))
    if min(abs(best[0] - anchor), abs(best[1] - anchor)) > 200:
        return None
    return (best[2], _full_name(work, best[2], best[3]))


def _cue_token(sent: Sent, start: int, end: int) -> Any | None:
    """The verb (else noun) of a multiword cue such as "forcibly returned" or "sent ... back"."""
    span = sent.span.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for pos in (("VERB",), ("NOUN", "PROPN"), ("AUX",)):
        for t in span:
            if t.pos_ in pos:
                return t
    return span[0]


def _antecedent(work: Work, sent: Sent, char: int, excluded: set[int]) -> tuple | None:
    """The person a he/she/him/her refers to: the last untitled person named before it (this or the two previous sentences)."""
    back = 2
    if sent.i >= 1 and any(t.lower_ in ("he", "she", "him", "her", "his") for t in work.sents[sent.i - 1].span):
        back = 4  # "... chose him. He later also sat on ... His term ended ...": a chain of pronouns carries the name on
    for s in [sent] + [work.sents[j] for j in range(sent.i - 1, max(-1, sent.i - 1 - back), -1)]:
        cands = [c for c in _persons_in(work, s) if c[1] <= char and c[0] not in excluded and not _titled(work, c[0], c[1])
                 and not _appointer(work, c[2])]
        if cands:
            c = max(cands, key=lambda c: c[1])
            return (c[2], _full_name(work, c[2], c[3]))
    return None


def _token_at(sent: Sent, char: int) -> Any | None:
    doc = sent.span.doc
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return None
    return tok[0]


# ---------------------------------------------------------------- vacancies

_VACANCY = re.compile(
    r"\b(vacant|vacancy|unfilled|empty|absent since|no occupant|(?:nobody|no one) (?:has|had) (?:held|filled|occupied)|first (?:person|one) to (?:hold|fill) [^.]{0,30}since|yet to (?:name|appoint|nominate|fill)|"
    r"(?:has|have|had) not (?:yet )?(?:been )?(?:appointed|named|nominated|filled)|(?:nobody|no one|no successor|no replacement) (?:was|were|has been|had been) (?:appointed|named|nominated|chosen|picked)|(?:has|have|had) (?:gone|remained|stayed|sat) (?:unfilled|empty|vacant)|no (?:one|candidate|successor) (?:has|had) been (?:named|nominated|appointed)|"
    r"(?:has|have|had) not had an?|(?:has|have|had) had no\b|(?:has|have|had) been no\b|there (?:is|was) no (?:special )?(?:envoy|ambassador|rapporteur)|without an? (?:special )?(?:envoy|ambassador|rapporteur)|last time [^.]{0,40} had an?)\b",
    re.I,
)


def _vacancies(work: Work) -> None:
    seen: set[str] = set()
    for si, sent in enumerate(work.sents):
        m = _VACANCY.search(sent.text)
        if not m:
            continue
        posts = _in(sent.mentions, "post")
        implicit = False
        if not posts and (re.search(r"\b(?:a|the|that|this)\s+(?:\w+\s+)?(?:position|post|job|role)\s+(?:that|which)\b", sent.text, re.I)
                          or re.search(r"\b(?:the|its|that|this)\s+(?:\w+\s+)?(?:position|post|job|role|seat|office)\s+(?:still\s+|remained\s+|stayed\s+|sat\s+|stood\s+|was\s+|is\s+)?"
                                       r"(?:still\s+)?(?:vacant|empty|unfilled)\b", sent.text, re.I)):
            # "she will fill a position that has been vacant since ...", "with the seat still empty": the post of the sentence before
            posts = [m2 for s2 in _prev(work, si, 2) for m2 in _in(s2.mentions, "post")][-1:]
            implicit = bool(posts)
        if not posts and (re.match(r"vacancy|nobody|no one|no successor|no replacement", m.group(0), re.I)
                          or re.search(r"\b(?:the|its|that|this)\s+(?:\w+\s+)?(?:position|post|job|role|seat|office|chair)\s+"
                                       r"(?:has|have|had)\s+(?:been|remained|stayed|sat|stood|gone)\s+(?:\w+\s+)?(?:vacant|empty|unfilled)\b", sent.text, re.I)):
            # "ending a vacancy that had lasted since ...", "For five years after that, nobody was appointed",
            # "The post has been vacant since 2017": the post of the sentences before (the one post they name)
            prev_posts = [m2 for s2 in _prev(work, si, 2) for m2 in _in(s2.mentions, "post")]
            cue = _token_at(sent, sent.start + m.start())
            other = re.match(r"[^.;,]{0,40}?\b(?:on|at|in|to|for)\s+(?:the|a|an|its)\s+(?!post\b|position\b|job\b|role\b)[a-z]+",
                             sent.text[m.end():])  # "a vacancy on the court", "nobody was appointed to the commission"
            if len({p.id for p in prev_posts}) == 1 and not other and not (
                    cue is not None and cue.pos_ == "NOUN" and _governor_blocked(cue)):
                posts, implicit = prev_posts[-1:], True
        if not posts:
            continue
        char = sent.start + m.start()
        post = min(posts, key=lambda p: abs(p.start - char))
        if post.id in seen:
            continue
        tok = _token_at(sent, char)
        if tok is not None and (_unreal(tok) and not _own_finite_clause(tok) or tok.dep_ in ("acomp", "oprd", "attr", "xcomp") and _modal_verb(tok.head)):
            continue  # "the post will fall vacant in January": not yet
        if re.search(r"\b(?:no longer|not|never)\s+(?:\w+\s+)?$", sent.text[:m.start()]):
            continue  # "the post is no longer vacant"
        seen.add(post.id)
        since = None
        for d in sent.dates:
            if re.search(r"\bsince\s*$", sent_text_before(sent, d.start)[-12:], re.I):
                since = d.value
        _add(work, [sent], (0.75 if post.via == "description" else 0.8) - (0.1 if implicit else 0), type="post_vacancy", post=post.id,
             since=since, as_of=work.published)


def _own_finite_clause(tok: Any) -> bool:
    """The cue's clause is a finite statement of its own ("the post ... has remained unfilled") that a bad parse hangs
    under a noun ("change.[4]" read as a noun when a footnote mark is glued to the stop): its reality is its own."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "is", "are", "was", "were")
                                               for c in cur.children) and not _modal_verb(cur):
            return cur.dep_ in ("ccomp", "conj") and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.tag_ != "VBG"
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _modal_verb(verb: Any) -> bool:
    """The verb (or the verb it completes: "is expected to fall") carries a modal or a plan."""
    cur = verb
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in cur.children):
            return True
        if cur.dep_ == "xcomp" and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_.lower() in PLAN_WORDS:
                return True
            continue
        break
    return False


def _drop_congress_passage(work: Work) -> None:
    """"Congress approved it last month" is the enactment only when the document states no signing of it."""
    if not work.by_congress:
        return
    signed = {f.instrument for i, f in enumerate(work.facts)
              if f.type == "instrument_event" and f.event == "enacted" and i not in work.by_congress}
    work.facts = [f for i, f in enumerate(work.facts)
                  if not (i in work.by_congress and f.type == "instrument_event" and f.instrument in signed)]


def _finish_vacancies(work: Work) -> None:
    """A vacancy's start is the last departure the document states, when the sentence gives none."""
    for f in work.facts:
        if f.type != "post_vacancy" or f.since:
            continue
        lefts = [g.date for g in work.facts if g.type == "post_event" and g.post == f.post and g.event == "left_office" and g.date]
        if lefts:
            f.since = max(lefts)


# ---------------------------------------------------------------- instruments

_INSTR_TRIGGERS = [
    (re.compile(r"\b(introduc(?:ed|es|e|ing)|(?:was|were) (?:first |originally )?proposed)\b"), "introduced"),
    (re.compile(r"\b(signed\b[^.;]{0,120}?\binto law|signed into law|enacted|promulgated|became law|sign(?:ed|s)? (?:the|it)|signed off on)\b"), "enacted"),
    (re.compile(r"\b((?:dates|dated) (?:back )?to(?= (?:the year )?\d{4}\b)|created (?:the|this|that|its) (?:[\w-]+ ){0,3}?(?:post|position|office|job)(?= in \d{4}\b))"), "dated_law"),
    (re.compile(r"\b(signed)\b(?!\s+(?:it\b|the\b|into\b|off\b))"), "signed"),
    (re.compile(r"\b(passed|approved|adopted|passes|cleared|clears|(?<=, )(?:adopting|approving|passing)(?= (?:the|it|an?|its) )|won (?:final |unanimous |swift )?(?:approval|passage)|sailed through|"
                r"(?:pushed|rammed|railroaded|forced)\b[^.;]{0,60}?\bthrough|(?:accepted|agreed to|approved|adopted) (?:the )?(?:senate|house)(?:['\u2019]s)? (?:changes|text|version|amendments?)|(?<=voted )(?:\S+ to \S+ |(?:last |this |in |on )?[\w.]+(?: \d{1,2})?(?:, \d{4})? )?to (?:pass|approve|adopt|extend|renew|reauthori[sz]e)|(?<=voted )(?:\S+ to \S+ )?(?:for|in favou?r of)(?= (?:the|its|this|that) ))\b"), "passed"),
    (re.compile(r"\b(reauthoriz(?:ed|es|ing|ation)|renewed|extended)\b"), "reauthorized"),
    (re.compile(r"\b((?:went|go|goes|gone|came|come|comes|entered|enter|enters) into (?:force|effect)|took effect|takes effect|became effective|(?:in force|in effect) since)\b"), "entered_into_force"),
    (re.compile(r"\b(expired|lapsed|expiration|ran out|(?<=let )(?:the |its |it )?(?:\w+ ){0,3}?(?:lapse|expire)|(?<=allowed )(?:the |its |it )?(?:[\w'\u2019-]+ ){0,8}?to (?:lapse|expire))\b"), "expired"),
    (re.compile(r"\b(struck down|strikes down|(?:ruled|declared|found) [^.]{0,40}unconstitutional|invalidated|overturned|nullified|voided)\b"), "struck_down"),
    (re.compile(r"\(public law [\d-]+"), "public_law"),
]


_BACK_REF = re.compile(r"\b(?:its|the act['\u2019]s|the law['\u2019]s)\s+authori[sz]ations?\b|\b(?:reauthorization|extension)\s+(?:bill|measure)\b|\b(?:bill|measure)\s+to\s+(?:re)?authori[sz]e\b|"
                       r"\b(?:accepted|agreed\s+to|approved|adopted)\s+(?:the\s+)?(?:senate|house)(?:['\u2019]s)?\s+(?:changes|text|version|amendments?)\b")
_OTHER_CHAMBER_TEXT = re.compile(r"\b(?:accepted|agreed\s+to|approved|adopted)\s+(?:the\s+)?(?:senate|house)(?:['\u2019]s)?\s+(?:changes|text|version|amendments?)\b")


def _instruments(work: Work) -> None:
    for si, sent in enumerate(work.sents):
        instrs = [m for m in _in(sent.mentions, "instrument") if "resolution" not in m.id]
        low = sent.text.lower()
        borrowed = back = pron = False
        if not instrs:
            # "Obama signed into law legislation ..." followed by "The law ... extends the Act": look one sentence ahead
            if re.search(r"signed\b[^.;]{0,40}into law|enacted|signed (?:the |a )?(?:legislation|bill)", low) and si + 1 < len(work.sents):
                nxt = work.sents[si + 1]
                if re.match(r"\s*(the|this|it)\b", nxt.text, re.I):
                    instrs = [m for m in _in(nxt.mentions, "instrument") if "resolution" not in m.id][:1]
                    borrowed = bool(instrs)
            if not instrs and si > 0 and _BACK_REF.search(low):
                # "The act ... lapsed in 2022. The Senate passed a reauthorization bill ..." / "Its authorizations
                # lapsed ...": the one instrument of the sentence before
                prev_ids = {m.id for m in _in(work.sents[si - 1].mentions, "instrument") if "resolution" not in m.id}
                if len(prev_ids) == 1:
                    instrs = [m for m in _in(work.sents[si - 1].mentions, "instrument") if "resolution" not in m.id][-1:]
                    back = True
            plural_prev = [m for m in _in(work.sents[si - 1].mentions, "instrument") if "resolution" not in m.id
                           and re.search(r"authori[sz]ations|provisions$", m.text, re.I)] if si > 0 else []
            if not instrs and si > 0 and (re.search(r"\bit\b", low) or (plural_prev and re.search(r"\bthem\b", low))):
                # "It cleared the House on July 21", "Bush signed it on October 18": the law of the sentences before,
                # when they name exactly one (checked per trigger: "it" must be the trigger's subject or object)
                prev = [m for s2 in _prev(work, si, 2) for m in _in(s2.mentions, "instrument") if "resolution" not in m.id]
                prev_res = [m for s2 in _prev(work, si, 1) for m in _in(s2.mentions, "instrument") if "resolution" in m.id]
                if prev and len({m.id for m in prev}) == 1 and not prev_res:
                    instrs, pron = prev[-1:], True
            if not instrs:
                continue
        for rx, event in _INSTR_TRIGGERS:
            for m in rx.finditer(low):
                char = sent.start + m.start()
                if any(x.start <= char < x.end and x.kind == "instrument" for x in sent.mentions):
                    continue  # "Reauthorization Act": part of a name, not an event
                if event in ("passed", "expired") and m.group(1).split()[-1] in ("pass", "approve", "adopt", "lapse", "expire", "extend", "renew", "reauthorize", "reauthorise"):
                    char = sent.start + m.end(1) - len(m.group(1).split()[-1])  # "voted 415 to 0 to pass", "let the law lapse"
                if event == "passed" and re.match(r"(?:\S+ to \S+ )?(?:for|in favou?r of)\b", m.group(1)) and low[max(0, m.start() - 6):m.start()] == "voted ":
                    char = sent.start + m.start() - 6  # "the Senate voted 96 to 0 for the act": the voting is the passage
                tok = _token_at(sent, char)
                date_tok = tok
                if tok is not None and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() == "vote":
                    date_tok = tok.head  # "voted last November to extend them": the vote's date
                if tok is not None and event == "expired" and tok.lemma_.lower() in ("lapse", "expire") \
                        and tok.head.lemma_.lower() in ("let", "allow"):
                    tok = tok.head  # "Congress let the act lapse": the letting is the reported event
                if tok is None or _unreal(tok) or _negated(tok) or _imperative(tok):
                    continue
                if event == "reauthorized" and m.group(1) in ("renewed", "extended") and not any(
                        x.id == "us_nkhra_2004" for x in instrs):
                    continue  # "renewed"/"extended" is a reauthorization only of the US act
                if event in ("passed",) and tok.dep_ == "amod":
                    continue
                if event == "reauthorized" and tok.tag_ == "VBG" and tok.dep_ in ("acl", "amod"):
                    continue  # "a bill reauthorizing the act": describes the bill; its passage is the event
                if back and event not in ("passed", "expired", "introduced"):
                    continue
                if pron and not any(c.lower_ in ("it", "them") and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
                    continue
                if event == "dated_law":
                    subj = tok.head if tok.dep_ == "relcl" else _subject(tok)
                    if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
                        subj = tok.head
                    sm = _token_mention(sent, subj, "instrument") if subj is not None else None
                    if sm is None or sm not in instrs or re.search(r"\b(?:bill|measure|amendment|draft|reauthorization|renewal)\b", sm.text, re.I) \
                            or any(c.dep_ == "auxpass" for c in tok.children):
                        continue  # "The original law dates to 2004", "the Act, which created the post in 2004": the law's own year
                if event == "signed" and not _signed_law(sent, tok, instrs, pron, borrowed):
                    continue  # "signed a letter", "signed an executive order"
                if back and not re.search(r"\b(?:its|the act['\u2019]s|the law['\u2019]s)\s+authori[sz]ations?\b", low) and not (
                        re.search(r"\b(?:reauthorization|extension)\s+(?:bill|measure)\b|\b(?:bill|measure)\s+to\s+(?:re)?authori[sz]e\b", low)
                        and event in ("passed", "introduced")) and not (_OTHER_CHAMBER_TEXT.search(low) and event == "passed"):
                    continue
                inst = min(instrs, key=lambda p: abs(p.start - char)) if not borrowed else instrs[0]
                if back:
                    inst = instrs[0]
                elif not borrowed and not pron and abs(inst.start - char) > 200:
                    continue
                ev = event
                chamber = None
                yes = no = None
                congress = False
                if event == "passed":
                    chamber, chamber_m, is_congress = _passing_body(work, sent, tok)
                    if is_congress:
                        ev = "enacted"
                        congress = True
                    elif chamber:
                        ev = "passed_chamber"
                        yes, no = _vote_counts(sent.text)
                        if re.search(r"\bboth\s+(?:the\s+)?House\s+and\s+(?:the\s+)?Senate\b|\bboth\s+(?:the\s+)?Senate\s+and\s+(?:the\s+)?House\b", sent.text):
                            other = "us_senate" if chamber == "us_house" else "us_house"
                            dm2, _f2 = _attached_date(work, sent, tok, avoid=_in(sent.mentions, "instrument"))
                            _add(work, [sent], 0.72, type="instrument_event", instrument=min(instrs, key=lambda p: abs(p.start - char)).id,
                                 event="passed_chamber", chamber=other, date=dm2.value if dm2 else None)
                    elif _legislators_passed(sent, tok) and min(instrs, key=lambda p: abs(p.start - char)).id.startswith("rok_"):
                        # "lawmakers finally approved it": South Korea's legislature has one chamber
                        ev, chamber = "passed_chamber", "rok_national_assembly"
                        yes, no = _vote_counts(sent.text)
                    elif _law_passed_itself(sent, tok, instrs):
                        # "the act, first passed in 2004": the law itself passed, no chamber named. In the US that is
                        # Congress enacting it; South Korea's legislature has one chamber, the National Assembly
                        inst0 = min(instrs, key=lambda p: abs(p.start - char))
                        if inst0.id.startswith("us_"):
                            ev = "enacted"
                        elif inst0.id.startswith("rok_"):
                            ev, chamber = "passed_chamber", "rok_national_assembly"
                            yes, no = _vote_counts(sent.text)
                        else:
                            continue
                    else:
                        continue
                if event in ("public_law", "signed", "dated_law"):
                    ev = "enacted"
                if event == "expired" and not re.search(r"\b(act|law|legislation|authori[sz]ations?)\b", low):
                    continue
                evs = [ev]
                both = low + (" " + work.sents[si + 1].text.lower() if borrowed else "")
                first = re.search(r"\b(first|originally|initially)\s+(?:\w+\s+)?$", low[:m.start()][-30:])
                context = both
                if pron:
                    # "President Obama signed it on August 17, 2012": what "it" is, the sentence naming it says
                    context += " " + next((s2.text.lower() for s2 in _prev(work, si, 2) if s2.start <= inst.start < s2.end), "")
                elif inst.via == "description" and si > 0:
                    # "the law's", "H.R. 2061": a reference whose sentence before says what it is
                    context += " " + work.sents[si - 1].text.lower()
                if ev == "enacted" and not first and (re.search(r"reauthoriz|extend|extension|renew|\b(?:a|the|its) (?:\d{4} )?(?:revision|amendment) of\b", context) or "reauthorization" in inst.text.lower()) \
                        and inst.id == "us_nkhra_2004" and not re.search(r"\b(?:original|first)\b", inst.text.lower() + " " + low[:m.start()][-60:]):
                    evs = ["reauthorized"]
                if ev == "reauthorized":
                    if tok.pos_ == "NOUN" and not re.search(r"\b(signed|enacted|became law|passed)\b", low):
                        continue
                    if tok.pos_ == "NOUN":
                        gov = tok.head
                        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                            gov = gov.head
                        if gov.pos_ in ("VERB", "AUX") and _passing_body(work, sent, gov)[0]:
                            continue  # "the Senate passed a reauthorization bill": one chamber's passage, not the law
                    if chamber:
                        continue
                avoid = _in(sent.mentions, "instrument")
                if event == "public_law":
                    dm = next((d for d in sent.dates if d.start > char and d.precision == "day"), None)
                else:
                    dm, _f = _attached_date(work, sent, tok, avoid=avoid,
                                            skip_since=not (event == "entered_into_force" and "since" in m.group(1)))
                    if dm is None and date_tok is not tok:
                        dm, _f = _attached_date(work, sent, date_tok, avoid=avoid)
                date = _year_of_that(sent, dm, work) if dm else None
                that = _that_time(work, sent, tok)
                if that is not None:
                    date = that  # "and it came into force that September"
                more: list[str] = []
                if dm is not None and "reauthorized" in evs:
                    # "renewed the act three times: in October 2008, in August 2012 and in July 2018": one event per date
                    prev_d = dm
                    for d2 in sent.dates:
                        if d2.start < prev_d.end:
                            continue
                        if not re.fullmatch(r"\s*,?\s*(?:and\s+)?(?:again\s+)?(?:in|on)?\s*", work.text[prev_d.end:d2.start]):
                            break
                        if len(d2.value) == len(dm.value) and d2.value != dm.value and re.fullmatch(r"\d{4}(?:-\d{2})?", d2.value):
                            more.append(d2.value)
                        prev_d = d2
                if dm is not None and ev == "reauthorized" and re.fullmatch(r"\d{4}", dm.value or "") and not more:
                    # "reauthorized in 2008, 2012 and 2018": one event per listed year
                    lm = re.match(r"((?:\s*,\s*\d{4})*\s*,?\s*and\s+\d{4})\b", work.text[dm.end:sent.end])
                    if lm:
                        more = re.findall(r"\d{4}", lm.group(1))
                conf = 0.82 if inst.via == "alias" else 0.7
                if borrowed or back or pron:
                    conf -= 0.1
                if date is None and (pron or (event == "reauthorized" and m.group(1) in ("renewed", "extended")) or (
                        event == "expired" and re.search(r"let|allow", m.group(1)))):
                    continue  # a weak cue without a date ("how the law was renewed three times"): a summary, not a report
                if date is None and ev in ("enacted", "reauthorized") and si < 4:
                    date = _recent_fallback(work, sent, tok) or (work.published[:7] if work.published and re.search(r"\bafter\b|\bon\b", low[:m.start()][-60:]) and si < 3 else None)
                if date is None and ev in ("passed_chamber", "entered_into_force", "expired", "introduced", "struck_down"):
                    conf -= 0.15  # read without its date: the event is likely real, the fact incomplete
                for y in more:
                    _add(work, [sent], conf - 0.05, type="instrument_event", instrument=inst.id, event=ev, date=y)
                for e in evs:
                    spans = [sent] if not borrowed else [sent, work.sents[si + 1]]
                    if back:
                        spans = [work.sents[si - 1], sent]
                    if congress:
                        work.by_congress.add(len(work.facts))  # the index of the fact about to be added (if it is)
                    n_before = len(work.facts)
                    _add(work, spans, conf, type="instrument_event", instrument=inst.id, event=e,
                         chamber=chamber if e == "passed_chamber" else None, date=date,
                         yes=yes if e == "passed_chamber" else None, no=no if e == "passed_chamber" else None)
                    if congress and len(work.facts) == n_before:
                        work.by_congress.discard(n_before)  # not added (a headline): the index is the next fact's


def _signed_law(sent: Sent, tok: Any, instrs: list[Mention], pron: bool, borrowed: bool = False) -> bool:
    """"which Bush signed last October", "The original act was signed in 2004": the law is what was signed."""
    if tok.lemma_.lower() != "sign":
        return False
    cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if borrowed and any(c.lemma_.lower() in ("legislation", "bill", "law", "measure") for c in cands):
        return True  # "Bush on Monday signed legislation that ... . The North Korean Human Rights Act ...": named next
    if tok.dep_ in ("relcl", "acl"):
        cands.append(tok.head)
    for c in list(cands):
        if c.lemma_.lower() in ("revision", "amendment", "reauthorization", "renewal", "extension", "version"):
            # "a 2008 revision of the North Korean Human Rights Act, signed in October": the act's renewal was signed
            cands += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    for c in cands:
        if pron and c.lower_ == "it":
            return True
        if c.lower_ in ("which", "that") and tok.dep_ == "relcl":
            c = tok.head
        m = _token_mention(sent, c, "instrument")
        if m is not None and m in instrs:
            return True
    return False


def _legislators_passed(sent: Sent, tok: Any) -> bool:
    """"lawmakers approved it", "approved by parliament": the legislature passed it, not named by its own name."""
    words = ("lawmaker", "legislator", "parliament", "legislature", "assemblyman", "mp")
    subj = _subject(tok) if not any(c.dep_ == "auxpass" for c in tok.children) else None
    agent = _agent(tok)
    return any(t is not None and t.lemma_.lower() in words for t in (subj, agent))


def _law_passed_itself(sent: Sent, tok: Any, instrs: list[Mention]) -> bool:
    """"The act, first passed in 2004" / "the law passed in 2016": a law (not a bill) passed, no body named."""
    if tok.lemma_.lower() not in ("pass", "adopt", "approve") or _agent(tok) is not None:
        return False
    for m in instrs:
        # "the Act, first passed in 2004" (the parse often loses the apposition): the words between name and verb
        gap = sent.text[m.end - sent.start:tok.idx - sent.start] if m.end <= tok.idx else None
        if gap is not None and re.fullmatch(r",?\s*(?:(?:which|that)\s+(?:was\s+|had\s+been\s+)?)?(?:(?:first|originally|initially|finally)\s+)?", gap) \
                and re.match(r"\s+(?:in|on|by\s+(?:a\s+)?(?:vote|\d))\b", sent.text[tok.idx + len(tok.text) - sent.start:]) \
                and not re.search(r"\b(?:bill|measure|amendment|draft|reauthorization)\b", m.text, re.I):
            return True
    if any(c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "on", "at", "during", "by") for c in tok.children):
        return False
    passive = tok.tag_ == "VBN" and (tok.dep_ in ("acl", "relcl") or any(c.dep_ == "auxpass" for c in tok.children))
    subj = tok.head if tok.dep_ == "acl" else _subject(tok)
    if subj is None or not (passive or tok.tag_ in ("VBD",)):
        return False
    m = _token_mention(sent, subj, "instrument")
    if m is None and subj.lower_ in ("which", "that"):
        m = _token_mention(sent, subj.head.head, "instrument") if subj.head.dep_ == "relcl" else None
    if m is None or m not in instrs:
        return False
    return re.search(r"\b(?:bill|measure|amendment|draft|reauthorization)\b", m.text, re.I) is None


def _passing_body(work: Work, sent: Sent, tok: Any) -> tuple[str | None, Mention | None, bool]:
    """Who passed it: a chamber (House, Senate, National Assembly) or Congress as a whole.

    As subject or agent ("the House passed", "approved by the Senate"), as object ("cleared the Senate",
    "passed the House") or in a phrase ("won approval in the House", "pushed through the National Assembly")."""
    subj = _subject(tok)
    agent = _agent(tok)
    extra = []
    for c in tok.children:
        if c.dep_ == "dobj":
            extra.append(c)
            extra.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "by", "from", "through")
                         for g in p.children if g.dep_ == "pobj")
        if c.dep_ == "prep" and c.lower_ in ("in", "through", "from"):
            extra.extend(g for g in c.children if g.dep_ == "pobj")
    cands = [t for t in (agent, subj, *extra) if t is not None]
    for t in cands:
        m = _token_mention(sent, t, "body")
        if m is None:
            continue
        tail = work.text[m.end:m.end + 40]
        if re.match(r"\s+(?:[A-Z][\w]*\s+){0,3}Committee|\s+committee", tail):
            return None, None, False  # a committee vote is not a chamber's
        if m.id in CHAMBERS:
            return m.id, m, False
        if m.id == "us_congress":
            return None, m, True
    return None, None, False


_VOTE_A = re.compile(rf"\b(?:vote|votes|tally)\s+(?:of\s+)?{_NUM}\s*(?:-|\u2013|to)\s*{_NUM}\b(?:\s*,?\s*with\s+{_NUM}\s+abstentions?)?", re.I)
_VOTE_E = re.compile(rf"\b(?:voted|approved|adopted|passed)\s+(?:it\s+|the\s+\w+\s+)?(?:by\s+)?{_NUM}\s*(?:-|\u2013|to)\s*{_NUM}\b(?:\s*,?\s*(?:with\s+)?{_NUM}\s+abstentions?)?", re.I)
_VOTE_D = re.compile(rf"\b{_NUM}\s+votes?\s+(?:to|against)\s+{_NUM}(?:\s*,?\s*(?:with\s+)?{_NUM}\s+abstentions?)?", re.I)
_VOTE_F = re.compile(rf"\b(?:was|were|of|by|stood at)\s+{_NUM}\s*(?:-|\u2013|to)\s*{_NUM}\b(?!\s*(?:-|\u2013)\s*\d)(?:\s*,?\s*(?:with\s+)?{_NUM}\s+abstentions?)?", re.I)
_VOTE_B = re.compile(rf"\b{_NUM}\s*(?:-|\u2013|to)\s*{_NUM}(?:\s*(?:-|\u2013|to)\s*{_NUM})?\s+(?:vote|votes|margin|decision)\b", re.I)
_VOTE_C = re.compile(rf"\b{_NUM}\s+(?:votes?\s+|countries\s+|members\s+|states\s+)?(?:in\s+favou?r|for|yes)\b[^.]{{0,20}}?{_NUM}\s+(?:votes?\s+)?(?:against|no)\b(?:[^.]{{0,20}}?{_NUM}\s+abstentions?|[^.]{{0,20}}?{_NUM}\s+(?:(?:countries|states|members|nations|delegations)\s+)?(?:abstained|abstaining))?", re.I)
# a bare tally "84-22, with 62 abstentions" / "91-21-60" / "by 111-19-55" (a UN body has at most 193 members)
_VOTE_H = re.compile(r"(?<![\d.,/-])(\d{1,3})\s*[-\u2013]\s*(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?(?![\d/-])(?:\s*,?\s*(?:with|and)\s+(\d{1,3})\s+(?:abstentions?|(?:countries\s+|states\s+)?abstaining))?")


def _vote_counts(text: str) -> tuple[int | None, int | None]:
    y, n, _a = _vote_counts3(text)
    return y, n


def _vote_counts3(text: str) -> tuple[int | None, int | None, int | None]:
    for rx in (_VOTE_C, _VOTE_A, _VOTE_D, _VOTE_E, _VOTE_B, _VOTE_F):
        m = rx.search(text)
        if m:
            groups = [g for g in m.groups()]
            vals = [_to_int(g) for g in groups]
            y, n = vals[0], vals[1]
            a = next((v for v in vals[2:] if v is not None), None)
            if y is None or n is None:
                continue
            if a is None:
                third = re.match(r"\s*[-\u2013]\s*(\d{1,3})\b(?![-\u2013/]\d)", text[m.end():]) or re.match(
                    rf"\s*,?\s*(?:with|and|while)\s+{_NUM}\s+(?:(?:countries|states|members|nations|delegations|others)\s+)?(?:abstentions?|abstaining|abstained)\b",
                    text[m.end():], re.I)
                if third:
                    a = _to_int(third.group(1))  # "91-21-60", "with 60 countries abstaining"
            return y, n, a
    return None, None, None


def _bare_tally(text: str) -> tuple[int | None, int | None, int | None]:
    """"84-22, with 62 abstentions", "91-21-60": a hyphenated tally, only where a vote is the topic."""
    for m in _VOTE_H.finditer(text):
        y, n = int(m.group(1)), int(m.group(2))
        a = m.group(3) or m.group(4)
        if y > 193 or n > 193 or y < n:
            continue  # not a UN tally (a year range, a date)
        return y, n, int(a) if a else None
    return None, None, None


# ---------------------------------------------------------------- resolutions

_ADOPT = re.compile(r"\b(adopted|adopts|passed|passes|approved|approves|endorsed)\b", re.I)
_CONSENSUS = re.compile(r"\b(without a vote|by consensus|without voting)\b", re.I)
_EVERY_YEAR = re.compile(r"\bevery year since\s+(\d{4})\b|\beach year since\s+(\d{4})\b", re.I)
_EACH_PREVIOUS = re.compile(r"\b(?:in )?each of the (?:previous|past|last|preceding) (two|three|four|five|\d) years\b", re.I)


_VOTED = re.compile(r"\bvoted\b", re.I)


def _by_lines(work: Work) -> Work:
    """The document with each sentence that runs over several date-headed lines of a table or timeline ("15 Apr 2004 |
    ... 13 Jul 2004 | ...", no full stops) cut at those lines: one event per line, with the line's own date."""
    out: list[Sent] = []
    changed = False
    for sent in work.sents:
        cuts = [sent.start]
        pos = sent.start
        while True:
            nl = work.text.find("\n", pos, sent.end)
            if nl < 0:
                break
            if TIMELINE_HEAD.match(work.text, nl + 1) and work.text[nl + 1:sent.end].strip():
                cuts.append(nl + 1)
            pos = nl + 1
        if out and "\n" not in work.text[out[-1].start:sent.start] and len(out[-1].text.strip()) <= 3 and \
                TIMELINE_HEAD.match(work.text, out[-1].start):
            # "15 | Apr 2004 | ...": a day cut off the line's date by the sentence splitter goes back to its line
            a = out.pop().start
            b = cuts[1] - 1 if len(cuts) > 1 else sent.end
            prev_sent = work.sents[sent.i - 1]
            span = work.ctx.sdoc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                out.append(Sent(a, b, span, [m for m in prev_sent.mentions + sent.mentions if a <= m.start < b],
                                [d for d in prev_sent.dates + sent.dates if a <= d.start < b], work.text[a:b], len(out),
                                [p for p in sent.people if a <= p[0] < b]))
                changed = True
            cuts = cuts[1:]
            if not cuts:
                continue
            cuts[0] = max(cuts[0], b)
            if len(cuts) == 1 and cuts[0] >= sent.end:
                continue
        if len(cuts) < 2 or not TIMELINE_HEAD.match(work.text, work.text.rfind("\n", 0, cuts[0]) + 1):
            if cuts[0] == sent.start:
                out.append(replace(sent, i=len(out)))
            else:
                a, b = cuts[0], sent.end
                span = work.ctx.sdoc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    out.append(Sent(a, b, span, [m for m in sent.mentions if a <= m.start < b], [d for d in sent.dates if a <= d.start < b],
                                    work.text[a:b], len(out), [p for p in sent.people if a <= p[0] < b]))
            continue
        changed = True
        cuts.append(sent.end)
        for a, b in zip(cuts, cuts[1:]):
            span = work.ctx.sdoc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            out.append(Sent(a, b, span, [m for m in sent.mentions if a <= m.start < b], [d for d in sent.dates if a <= d.start < b],
                            work.text[a:b], len(out), [p for p in sent.people if a <= p[0] < b]))
    return replace(work, sents=out) if changed else work


def _resolutions(work: Work) -> None:
    _resolutions_in(_by_lines(work))


def _resolutions_in(work: Work) -> None:
    for si, sent in enumerate(work.sents):
        if not re.search(r"\bresolution", sent.text, re.I):
            _tally_only(work, sent)
            continue
        if len(_RES_VERB.findall(sent.text)) >= 2 and (_vote_counts3(sent.text)[0] is not None or _bare_tally(sent.text)[0] is not None):
            continue  # "the committee approved it ..., and the Assembly confirmed it ...": one vote per clause, below
        bodies = [m for m in _in(sent.mentions, "body") if m.id in RESOLUTION_BODIES]
        res = [m for m in _in(sent.mentions, "instrument") if m.id.endswith("_resolution")]
        borrowed_body = False
        if res and not bodies:
            # "The resolution, brought by the EU, was adopted without a vote": the body of the sentences before
            prev = [m for s2 in _prev(work, si, 2) for m in _in(s2.mentions, "body") if m.id in RESOLUTION_BODIES]
            if prev:
                bodies, borrowed_body = [prev[-1]], True
        if not bodies or not res:
            continue
        for m in _ADOPT.finditer(sent.text):
            char = sent.start + m.start()
            tok = _token_at(sent, char)
            if tok is None or _unreal(tok) or _negated(tok):
                continue
            if tok.dep_ == "amod" or (tok.dep_ == "acl" and not re.search(
                    r"\bby\b|\b(?:in|at)\s+the\s+(?:Third\s+Committee|General\s+Assembly|Human\s+Rights\s+Council)|without a vote|by consensus",
                    sent.text[m.end():m.end() + 60])):
                continue  # "the resolution adopted on Thursday is not binding": a reference, not the report
            subj = _adopter(sent, tok)
            body = None
            if subj is not None:
                bm = _token_mention(sent, subj, "body")
                if bm and bm.id in RESOLUTION_BODIES:
                    body = bm
            if body is None:
                # the nearest body by its nearer edge; a body naming the resolution ("the first UNGA resolution") last
                body = min(bodies, key=lambda b: (bool(re.match(r"\s+(?:draft\s+)?resolution", sent.text[b.end - sent.start:])) and len(bodies) > 1,
                                                  min(abs(b.start - char), abs(b.end - char))))
            if borrowed_body and re.search(r"\bresolutions?\b", sent.text[:m.start()], re.I) is None:
                continue
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are") for c in tok.children):
                continue  # "a version of which is adopted each year": a habit, not a vote
            if tok.tag_ in ("VBZ", "VBP") and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "NNS" for c in tok.children):
                continue  # "the Assembly formally adopts the resolutions its Third Committee sent up": a habit, not a vote
            inst = "unga_dprk_hr_resolution" if body.id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
            yes, no, ab = _vote_counts3(sent.text)
            if yes is None and not _CONSENSUS.search(sent.text):
                yes, no, ab = _bare_tally(sent.text[m.end():])  # "adopts the resolution 99-20-63", "by 111-19-55"
            method = "recorded_vote" if yes is not None else ("consensus" if _CONSENSUS.search(sent.text) else None)
            ev = _EVERY_YEAR.search(sent.text)
            conf = 0.85 if yes is not None else 0.72
            each = _EACH_PREVIOUS.search(sent.text)
            if each and work.published and not ev and not sent.dates:
                # "without a vote in each of the previous two years": one vote per year before the story's
                n = _to_int(each.group(1)) or 0
                ref = int(work.published[:4])
                for y in range(ref - n, ref):
                    _add(work, [sent], conf - 0.1, type="resolution_vote", instrument=inst, body=body.id, date=str(y), method=method)
                break
            if ev:
                first = int(ev.group(1) or ev.group(2))
                last = int(work.published[:4]) if work.published else first
                for y in range(first, min(last, first + 30) + 1):
                    _add(work, [sent], conf - 0.1, type="resolution_vote", instrument=inst, body=body.id, date=str(y), method=method)
                break
            dm, _f = _attached_date(work, sent, tok, avoid=_in(sent.mentions, "instrument"))
            date = dm.value if dm else None
            if dm is None:
                # no date of its own: a timeline line's year, else the story's year, unless the sentence dates
                # other events (then the vote is background whose year the text does not give)
                ly = _line_year(work, sent.start) or (_narrative_year(work, sent, last=True) if not sent.dates and tok.tag_ in ("VBD", "VBN") else None)
                head = [d for d in sent.dates if _line_year(work, sent.start) and work.text.rfind("\n", 0, sent.start) + 1 <= d.start
                        and not work.text[work.text.rfind("\n", 0, d.start) + 1:d.start].strip()]
                if head and head[0].value.startswith(str(ly)):
                    ly = head[0].value  # "17 Nov 2005 | ... approves ...": the line's own date
                date = str(ly) if ly else (work.published[:4] if work.published and not sent.dates and not _past_perfect(tok) else None)
                conf -= 0.1
                if date is None:
                    break
            if tok.dep_ == "acl" and re.search(r"\b(?:annual|yearly|each\s+year['\u2019]s)\b", sent.text[max(0, tok.idx - sent.start - 40):tok.idx - sent.start], re.I):
                break  # "the annual resolution adopted by the General Assembly": the series, not one vote
            _add(work, [sent], conf, type="resolution_vote", instrument=inst, body=body.id, date=date,
                 method=method, yes=yes, no=no, abstain=ab)
            break


# ---------------------------------------------------------------- state positions

_POSITION = [
    (re.compile(r"\b(declin\w*|refus\w*|withdr[ae]w\w*|pull\w* out|drop\w*|skip\w*|stay\w* off|kept off|left off|remov\w*|"
                r"step\w* back from|stepped away from|stay\w* out of|st[ao]od aside from|kept out of|remain\w* out of|quit\w*|abandon\w*|not(?!\s+only\b)|n't|no longer|without|"
                r"missing|absent|sat out|sitting out|sit out|opted out)\b(?:(?!\bsince\b)[^.;]){0,60}?\bco-?sponsor\w*", re.I), "not_cosponsored"),
    (re.compile(r"\bco-?sponsor(?:ed|ing)?\b(?! list)|\b(?:joined|among) (?:the )?(?:list of )?co-?sponsors\b|"
                r"\b(?:among|joined|rejoined|returned|came back|signed on|(?:was|were|is|are|been|became|remained)(?: again| once again| also)?)\s+"
                r"(?:as |to )?(?:the |a |one of the |on the )?(?:list of |ranks of )?(?:(?:more than|over|some|about|nearly|around|almost) )?(?:[\w-]+ (?:other )?)?co-?sponsors?\b|\b(?:proposed|tabled|drafted|submitted|sponsored|brought|put forward|presented|introduced) by\b", re.I), "cosponsored"),
    (re.compile(r"\b(?:drafted|tabled|submitted|sponsored|introduced|presented|put forward)\b(?=\s+(?:the|a|this|its|their)\s+(?:\w+\s+){0,3}?(?:text|resolution|draft)\b)", re.I), "cosponsored"),
    # "stayed off the list ... and rejoined": the co-sponsors' list (only where co-sponsorship was mentioned before)
    (re.compile(r"\b(?:stay\w*|stayed|kept|left|remained) off the list\b|\b(?:is|was|are|were) not on the list\b|\b(?:sat|sitting|sit) out\b|"
                r"\b(?:missing|absent|omitted|dropped|removed|left off)\s+from\s+(?:it|them|the\s+list|that\s+list|this\s+list)\b", re.I), "not_cosponsored"),
    (re.compile(r"\brejoin(?:ed)?\b", re.I), "cosponsored"),
    # "had 61 co-sponsors, including South Korea and Japan": the states listed, whatever the clause's subject
    (re.compile(r"\bco-?sponsors\b(?=,?\s+(?:including|among them|such as|notably)\s)", re.I), "cosponsored_list"),
    # "It had 53 co-sponsors, South Korea among them": the states apposed before "among them"
    (re.compile(r"\bco-?sponsors\s*,\s+(?=(?:the\s+)?[A-Z][^,.;]{0,60}?\s+(?:among|one of)\s+them\b)"), "cosponsored_list"),
    # "the EU-drafted text", "the drafters, the European Union and Japan": the states the phrase names
    (re.compile(r"\b[\w.]+-(?:drafted|sponsored|authored|tabled)\b(?=\s+(?:\w+\s+)?(?:text|resolution|draft)\b)|"
                r"\b(?:the|its|main|principal|chief)\s+(?:main\s+)?(?:drafters|sponsors|authors|penholders)\s*,\s+(?=(?:the\s+)?[A-Z])", re.I), "cosponsored_list"),
    (re.compile(r"\babstain(?:ed|s|ing)?\b", re.I), "abstained"),
    (re.compile(r"\bvoted (?:in favou?r|for|yes)\b", re.I), "voted_yes"),
    (re.compile(r"\bvoted (?:against|no)\b", re.I), "voted_no"),
]
_RANGE = re.compile(r"\bfrom\s+(\d{4})\s+(?:to|until|through)\s+(\d{4})\b|\bbetween\s+(\d{4})\s+and\s+(\d{4})\b|\b(\d{4})\s*[-\u2013]\s*(\d{4})\b", re.I)


def _line_year(work: Work, char: int) -> int | None:
    """The year opening the timeline line a position is on ("2006 - the committee approved the text 91-21-60")."""
    return line_year(work.text, char)


_RES_ADOPT = re.compile(r"\b(adopted|adopts|passed|approved|approves|endorsed|confirmed|backed|carried(?!\s+out)|(?:vote|tally)\b[^;:]{0,30}?(?:\bwas\b|\bstood at\b|:)|recorded\s+vote\b|tally\s+in\b)", re.I)
_RES_REF = re.compile(
    r"\b(?:the|this|that|its|a|a\s+similar|the\s+same|the\s+annual|another)\s+(?:[\w-]+\s+){0,2}?(?:text|draft|measure|resolution)\b|\bit\b|"
    r"\bresolution\s+\d{1,3}/\d{1,3}\b", re.I)
_PLENARY = re.compile(r"\b(?:in|the|its)\s+(?:full\s+)?plenary\b|(?:^|[|:]\s*)Plenary\b|\bplenary\s+(?:vote|adopt\w*|approv\w*|endorse\w*|passed)\b|\bthe\s+(?:full|whole)\s+(?:General\s+)?Assembly\b|\bthe\s+(?:[\w-]+\s+)?assembly\b", re.I)
_COMMITTEE = re.compile(r"\b(?:in|the|its)\s+committee\b", re.I)
_COUNCIL_WORD = re.compile(r"\bthe\s+Council\b")
_RES_VERB = re.compile(r"\b(?:adopted|approved|passed|endorsed|confirmed)\b", re.I)


def _resolution_refs(work: Work) -> None:
    _resolution_refs_in(_by_lines(work))


def _resolution_refs_in(work: Work) -> None:
    """Votes on the document's resolution stated without its name: "the committee approved the text 91-21-60",
    "The full Assembly then endorsed it by 88 votes to 21", "Tally in committee on Nov. 20: 97 in favour, ...".

    The resolution must be named earlier in the document; the body is named in the sentence, or is "the
    committee", "the plenary" or "the Assembly" of a document about the General Assembly's text, or the body of
    the sentences just before."""
    doc_res = sorted((m for m in work.mentions if m.kind == "instrument" and m.id.endswith("_resolution")), key=lambda m: m.start)
    if not doc_res:
        return
    covered = {(f.evidence.start, f.evidence.end) for f in work.facts if f.type == "resolution_vote"}
    ga_doc = any(m.kind == "body" and m.id in ("un_ga", "un_ga_third_committee") for m in work.mentions)
    hrc_doc = any(m.kind == "body" and m.id in ("un_hrc", "un_chr") for m in work.mentions)
    for si, sent in enumerate(work.sents):
        if any(a <= sent.start < b or sent.start <= a < sent.end for a, b in covered):
            continue
        earlier = [m for m in doc_res if m.start < sent.end and sent.start - m.end < 3000]
        if not earlier:
            continue
        text = sent.text
        cues = list(_RES_ADOPT.finditer(text))
        # "approved the text by a recorded vote of 111 ...": a tally phrase after a verb belongs to that verb's clause
        cues = [c for i, c in enumerate(cues) if _RES_VERB.match(c.group(0)) or not any(_RES_VERB.match(p.group(0)) for p in cues[:i])]
        line_only = False
        if not cues and _line_year(work, sent.start) is not None and any(f.type == "resolution_vote" for f in work.facts):
            # "December 19, 2011 — Support kept growing: 123 in favour, 16 against and 51 abstaining": a timeline line
            # of the resolution's votes that gives only the tally
            tm = _VOTE_C.search(text)
            if tm and (_to_int(tm.group(1)) or 0) > 30:
                cues = [tm]
            else:
                # "December 16, 2020 — Consensus again": a line that gives only the method
                ls = work.text.rfind("\n", 0, sent.start) + 1
                hm = TIMELINE_HEAD.match(work.text, ls)
                cm = re.match(r"\s*(?:(?:adopted\s+)?by\s+consensus|(?:back\s+to\s+|a\s+return\s+to\s+)?consensus|(?:adopted\s+)?without\s+a\s+vote)\b(?=\s*(?:[,.;]|again\b|once\s+more\b|$))",
                              work.text[hm.end():sent.end], re.I) if hm else None
                if cm and hm.end() >= sent.start:
                    cues = [re.compile(r"\S+").search(text, hm.end() - sent.start + (len(cm.group(0)) - len(cm.group(0).lstrip())))]
                    line_only = True
        if not cues:
            continue
        in_res = [m for m in _in(sent.mentions, "instrument") if m.id.endswith("_resolution")]
        if cues and not line_only and _line_year(work, sent.start) is not None and any(f.type == "resolution_vote" for f in work.facts):
            # "December 17, 2019 — Adopted without a vote.": a line of the series opened by the verb alone
            hm = TIMELINE_HEAD.match(work.text, work.text.rfind("\n", 0, sent.start) + 1)
            if hm and hm.end() >= sent.start and re.match(r"\s*(?:adopted|approved|passed)\s+(?:by\s+consensus|without\s+a\s+vote)\b(?=\s*(?:[,.;]|again\b|once\s+more\b|$))",
                                                          work.text[hm.end():sent.end], re.I):
                line_only = True
        if re.search(r"\bSecurity\s+Council\b|\bagenda\b|\bamendment\b|\bsanction", text, re.I):
            continue  # the Council's procedural votes and amendments are other facts
        if not in_res and not line_only and not _RES_REF.search(text) and _vote_counts3(text)[0] is None and _bare_tally(text)[0] is None:
            continue
        for ci, cue in enumerate(cues):
            left = cues[ci - 1].end() if ci else 0
            right = cues[ci + 1].start() if ci + 1 < len(cues) else len(text)
            seg = text[cue.start():right]
            yes, no, ab = _vote_counts3(seg)
            if yes is None:
                yes, no, ab = _bare_tally(seg)
            if yes is None and len(cues) == 1:
                yes, no, ab = _vote_counts3(text)
                if yes is None:
                    yes, no, ab = _bare_tally(text)
            tok = _token_at(sent, sent.start + cue.start())
            if tok is None or _unreal(tok) or _negated(tok):
                continue
            if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and (
                    _line_year(work, sent.start) is None or tok.dep_ not in ("ROOT", "conj")):
                continue  # "once the committee approves it, the Assembly adopts it in December": a habit (a timeline line's
                # historical present, "Dec 2005 | Plenary adopts the resolution, 88-21-60", is one vote)
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are") for c in tok.children):
                continue  # "a version of which is adopted each year"
            if tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.head.lower_ not in ("vote", "votes", "tally"):
                continue  # "the adopted text" (but "another recorded vote in plenary: 119-19-48" is one)
            if tok.dep_ == "acl" and re.search(r"\b(?:annual|yearly)\b", text[max(0, cue.start() - 40):cue.start()], re.I):
                continue  # "the annual resolution adopted by the General Assembly": the series, not one vote
            around = text[left:right]
            body = None
            subj = _adopter(sent, tok) if tok.pos_ in ("VERB", "AUX") else None
            if subj is not None:
                bm = _token_mention(sent, subj, "body")
                if bm and bm.id in RESOLUTION_BODIES:
                    body = bm.id
            if body is None:
                near = [m for m in _in(sent.mentions, "body") if m.id in RESOLUTION_BODIES
                        and left <= m.start - sent.start < right]
                if near:
                    body = min(near, key=lambda b: abs(b.start - (sent.start + cue.start()))).id
            if body is None:
                if ga_doc and _COMMITTEE.search(around):
                    body = "un_ga_third_committee"
                elif ga_doc and _PLENARY.search(around):
                    body = "un_ga"
                elif hrc_doc and not ga_doc and _COUNCIL_WORD.search(around):
                    body = "un_hrc"
                elif len(cues) == 1:
                    prev = [m for s2 in _prev(work, si, 2) for m in _in(s2.mentions, "body") if m.id in RESOLUTION_BODIES]
                    if prev and (in_res or yes is not None):
                        body = prev[-1].id
                    elif in_res or yes is not None or line_only or _RES_REF.search(text):
                        # a timeline of the one series: the body of the vote told last ("December 20, 2012 — ... the
                        # resolution passed without a vote" after "December 18, 2009 — The plenary adopted ...")
                        told = [f for f in work.facts if f.type == "resolution_vote" and f.evidence.end <= sent.start]
                        if told and _line_year(work, sent.start) is not None:
                            body = max(told, key=lambda f: f.evidence.start).body
            if body is None:
                continue
            inst = "unga_dprk_hr_resolution" if body in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
            method = "recorded_vote" if yes is not None else ("consensus" if line_only or _CONSENSUS.search(seg if len(cues) > 1 else text) else None)
            if method is None and not in_res and not re.search(r"\b(?:text|draft|resolution|measure)\b", around, re.I):
                continue  # "it" alone with neither a tally nor consensus: too weak
            each = _EACH_PREVIOUS.search(around)
            if each and work.published and not sent.dates and not _EVERY_YEAR.search(text):
                # "The Committee had adopted its text ... without a vote in each of the previous two years": one vote a year
                ref = int(work.published[:4])
                for y in range(ref - (_to_int(each.group(1)) or 0), ref):
                    _add(work, [sent], 0.6, type="resolution_vote", instrument=inst, body=body, date=str(y), method=method)
                continue
            dm, _f = _attached_date(work, sent, tok, avoid=_in(sent.mentions, "instrument"))
            date = dm.value if dm else None
            conf = 0.78 if yes is not None else 0.68
            ly = _line_year(work, sent.start)
            if date is None or (len(date) == 4 and ly is not None):
                # a date in or just after the cue ("Tally in committee on Nov. 20: ...", "The plenary vote on Dec. 18 was")
                own = [d for d in sent.dates if sent.start + cue.start() <= d.start < sent.start + cue.end() + 25
                       and (date is None or d.value.startswith(date))]
                if own:
                    date = own[0].value
            if date is None and tok.dep_ == "advcl" and any(c.lower_ in ("after", "before", "when", "as") for c in tok.children):
                # "..., shortly after the General Assembly adopted a resolution": the main clause's year
                main = [d for d in sent.dates if not (tok.left_edge.idx <= d.start < tok.right_edge.idx + len(tok.right_edge.text))]
                if main:
                    date = main[0].value[:4]
                    conf -= 0.1
            if date is None:
                ny = _narrative_year(work, sent, last=True) if not sent.dates and ly is None else None
                if ly is not None:
                    date = str(ly)
                elif ny is not None and (tok.tag_ in ("VBD", "VBN") or tok.pos_ == "NOUN"):
                    date = str(ny)  # "The committee vote that November ... was 97 in favour": the year told just before
                elif work.published and not _event_dates(sent) and not _past_perfect(tok):
                    # "The 193-member assembly approved the measure by ..., the strongest support since it was first
                    # introduced in 2005": a "since" date does not date the vote; the story's own vote
                    date = work.published[:4]  # the story's own vote, told without a date
                    conf -= 0.1
                else:
                    continue
            if ly is not None and not date.startswith(str(ly)):
                date = str(ly)
            _add(work, [sent], conf, type="resolution_vote", instrument=inst, body=body, date=date,
                 method=method, yes=yes, no=no, abstain=ab)


_MANDATE_CUE = re.compile(r"\b(?:establish\w*|set up|setting up|creat\w*|extend\w*|renew\w*)\b", re.I)


_BY_RESOLUTION = re.compile(r"\b(?:in|by|through|with|under)\s+(?:the\s+same\s+|a\s+|an\s+|its\s+|that\s+|this\s+|one\s+)?(?:\w+\s+)?resolution\b", re.I)


def _creating_resolutions(work: Work) -> None:
    """"The Commission on Human Rights created it in April 2004 in the same resolution in which it condemned ...": a body
    creating or extending a mandate in a resolution adopted that resolution then (method as stated, else none)."""
    for si, sent in enumerate(work.sents):
        text = sent.text
        if any(f.type == "resolution_vote" and sent.start <= f.evidence.start < sent.end for f in work.facts):
            continue
        if re.search(r"\bSecurity\s+Council\b", text):
            continue
        for cue in _MANDATE_CUE.finditer(text):
            rm = _BY_RESOLUTION.search(text, cue.end(), min(len(text), cue.end() + 70))
            if rm is None or re.search(r"[;]|\b(?:and|but)\s+(?:the|it|its)\b", text[cue.end():rm.start()]):
                continue
            tok = _token_at(sent, sent.start + cue.start())
            if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.tag_ not in ("VBD",) or _unreal(tok) or _negated(tok) or _past_perfect(tok):
                continue
            subj = _subject(tok)
            bm = _token_mention(sent, subj, "body") if subj is not None else None
            if bm is None or bm.id not in RESOLUTION_BODIES:
                continue
            dm, _f = _attached_date(work, sent, tok, avoid=_in(sent.mentions, "mechanism"))
            if dm is None:
                continue
            yes, no, ab = _vote_counts3(text)
            method = "recorded_vote" if yes is not None else ("consensus" if _CONSENSUS.search(text) else None)
            inst = "unga_dprk_hr_resolution" if bm.id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
            if not re.search(r"north\s+korea|dprk|pyongyang|democratic\s+people", work.text[max(0, sent.start - 600):sent.end], re.I):
                continue
            _add(work, [sent], 0.62, type="resolution_vote", instrument=inst, body=bm.id, date=dm.value, method=method, yes=yes, no=no, abstain=ab)
            break


def _mandate_votes(work: Work) -> None:
    _creating_resolutions(work)
    _mandate_votes_told(work)


def _mandate_votes_told(work: Work) -> None:
    """"the Council responded, establishing a Commission of Inquiry ... without a vote": the resolution that did it.

    A Human Rights Council (or Commission) decision creating or extending a DPRK mechanism or mandate, told with
    its voting method, is the adoption of that year's resolution even when the text does not say "resolution"."""
    hrc_doc = any(m.kind == "body" and m.id in ("un_hrc", "un_chr") for m in work.mentions)
    if not hrc_doc:
        return
    for si, sent in enumerate(work.sents):
        text = sent.text
        yes, no, ab = _vote_counts3(text)
        consensus = _CONSENSUS.search(text)
        if yes is None and not consensus:
            continue
        if re.search(r"\bSecurity\s+Council\b|\bGeneral\s+Assembly\b|\bThird\s+Committee\b", text, re.I):
            continue
        if any(f.type == "resolution_vote" and sent.start <= f.evidence.start < sent.end for f in work.facts):
            continue
        mech = _in(sent.mentions, "mechanism")
        if not mech and not re.search(r"\bmandate\b", text, re.I):
            continue
        cue = _MANDATE_CUE.search(text)
        if cue is None:
            continue
        bodies = [m for m in _in(sent.mentions, "body") if m.id in ("un_hrc", "un_chr")]
        if not bodies:
            prev = [m for s2 in _prev(work, si, 2) for m in _in(s2.mentions, "body") if m.id in ("un_hrc", "un_chr")]
            if not prev or not re.search(r"\b(?:the|its)\s+(?:Council|Commission)\b|\bit\b", text):
                continue
            bodies = prev[-1:]
        tok = _token_at(sent, sent.start + cue.start())
        if tok is None or _unreal(tok) or _negated(tok):
            continue
        dm, _f = _attached_date(work, sent, tok, avoid=_in(sent.mentions, "mechanism"))
        date = dm.value if dm else (str(_line_year(work, sent.start)) if _line_year(work, sent.start) else None)
        if date is None:
            continue
        _add(work, [sent], 0.66, type="resolution_vote", instrument="unhrc_dprk_hr_resolution", body=bodies[0].id,
             date=date, method="recorded_vote" if yes is not None else "consensus", yes=yes, no=no, abstain=ab)


def _adopter(sent: Sent, tok: Any) -> Any | None:
    """Who adopted: the agent or subject; for "a resolution ... adopted in April 2004" (a participle on the
    resolution) the subject of the verb governing the resolution ("the Commission set up the mandate in ...")."""
    subj = _agent(tok) or _subject(tok)
    if tok.dep_ == "acl" and (subj is None or _token_mention(sent, subj, "body") is None):
        gov = tok.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            subs = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
            subj = next((c for c in subs if _token_mention(sent, c, "body") is not None), subj)
    return subj


def _past_perfect(tok: Any) -> bool:
    """"had abstained", "had been adopted": an event before the story's, whose year is not the story's."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in tok.children)


def _tally_only(work: Work, sent: Sent) -> None:
    """"The General Assembly voted 116 to 20, with 53 abstentions, to urge ... North Korea": the resolution unnamed."""
    bodies = [m for m in _in(sent.mentions, "body") if m.id in RESOLUTION_BODIES]
    vm = _VOTED.search(sent.text)
    if not bodies or not vm or not re.search(r"north\s+korea|dprk|pyongyang", sent.text, re.I):
        return
    yes, no, ab = _vote_counts3(sent.text)
    if yes is None:
        return
    tok = _token_at(sent, sent.start + vm.start())
    if tok is None or _unreal(tok) or _negated(tok):
        return
    subj = _subject(tok)
    body = _token_mention(sent, subj, "body") if subj is not None else None
    if body is None or body.id not in RESOLUTION_BODIES:
        return
    inst = "unga_dprk_hr_resolution" if body.id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
    dm, _f = _attached_date(work, sent, tok)
    date = dm.value if dm else (work.published[:4] if work.published else None)
    _add(work, [sent], 0.75, type="resolution_vote", instrument=inst, body=body.id, date=date,
         method="recorded_vote", yes=yes, no=no, abstain=ab)
    # later sentences ("Russia and China voted no") refer to this resolution
    work.mentions.append(Mention(vm.start() + sent.start, vm.end() + sent.start, vm.group(0), "instrument", inst, "description"))


def _state_positions(work: Work) -> None:
    doc_res = sorted((m for m in work.mentions if m.kind == "instrument" and m.id.endswith("_resolution")), key=lambda m: m.start)
    if not doc_res:
        return
    for si, sent in enumerate(work.sents):
        _one_of_them(work, si, sent, doc_res)
        _nominal_returns(work, sent)
        res = [m for m in _in(sent.mentions, "instrument") if m.id.endswith("_resolution")]
        if not res:
            earlier = [m for m in doc_res if m.end <= sent.start and sent.start - m.end < 800]
            if not earlier and len({m.id for m in doc_res}) == 1 and re.search(
                    r"\b(?:the|this)\s+(?:[\w.]+-(?:drafted|sponsored|authored)\s+)?(?:draft(?:\s+resolution)?|draft\s+text|resolution|text)\b", sent.text, re.I):
                # "The draft was sponsored by ...": a definite reference to the one resolution the document is about
                earlier = [m for m in doc_res if m.end <= sent.start and sent.start - m.end < 1500]
            if not earlier and len({m.id for m in doc_res}) == 1 and _timeline_year(work, sent) is not None:
                # a line of a timeline of the one resolution the document is about ("2005 - ... South Korea abstained")
                earlier = [m for m in doc_res if m.end <= sent.start and sent.start - m.end < 4000]
            if not earlier and re.search(r"\bco-?sponsor", sent.text, re.I) and not re.search(r"\b(?:bill|act|law|statement|letter)\b", sent.text, re.I):
                # "missing from the list of co-sponsors at the Human Rights Council": that body's resolution on the DPRK,
                # in a document about it
                rb = [b for b in _in(sent.mentions, "body") if b.id in RESOLUTION_BODIES]
                if rb:
                    rid = "unga_dprk_hr_resolution" if rb[0].id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
                    earlier = [Mention(rb[0].start, rb[0].end, rb[0].text, "instrument", rid, "description")]
            if not earlier or not re.search(r"co-?sponsor|resolution|abstain|voted|\b(?:drafters|sponsors|authors)\b|-(?:drafted|sponsored|authored|tabled)\b|\b(?:drafted|tabled|sponsored|submitted|presented|introduced|put forward|brought) by\b|\boff the list\b|\brejoin|\b(?:missing|absent|omitted)\s+from\s+(?:it|them|the\s+list)\b", sent.text, re.I):
                continue
            res = [earlier[-1]]
        states = [m for m in _in(sent.mentions, ("state", "person")) if state_of(m.id) in STATES and state_of(m.id) != "dprk"]
        if not states and si > 0 and re.match(r"\s*(?:It|They)\s+(?:\w+\s+)?(?:abstain|voted|co-?sponsor|declined|refused|joined)", sent.text):
            # "South Korea ... has been cautious. It abstained when ...": the state that was the previous sentence's subject
            prev = work.sents[si - 1]
            for pm in _in(prev.mentions, "state"):
                ptok = _token_at(prev, pm.start)
                if ptok is not None and state_of(pm.id) in STATES and state_of(pm.id) != "dprk" and \
                        any(t.dep_ in ("nsubj", "nsubjpass") for t in (ptok, ptok.head) if t.i >= ptok.i):
                    states = [pm]
                    break
        if not states:
            continue
        done: set[tuple] = set()
        covered: list[tuple[int, int]] = []
        for rx, position in _POSITION:
            for m in rx.finditer(sent.text):
                char = sent.start + m.start()
                if any(a <= char < b for a, b in covered):
                    continue
                if position == "cosponsored_list":
                    _listed_positions(work, sent, m, res, states, done, covered)
                    continue
                if position == "cosponsored" and re.search(r"\b(declin|refus(?!al)|withdr(?!awal)|not(?!\s+only\b)|n't|skip|no longer)\w*\b[^.;]{0,60}$", sent.text[:m.start()], re.I):
                    continue
                if (re.search(r"(?:\blist|\bit|\bthem)$", m.group(0).lower()) or m.group(0).lower().startswith("rejoin")) and not re.search(
                        r"co-?sponsor", work.text[max(0, sent.start - 800):sent.start + m.start()], re.I):
                    continue
                cue = sent.start + m.end() - 1 if position == "not_cosponsored" else char
                # "co-sponsored" is split by the tokenizer: the "sponsored" token carries the clause
                split_cue = position == "cosponsored" and m.group(0).lower().startswith("co") and " by" not in m.group(0)
                tok = _token_at(sent, sent.start + m.end() - 1 if split_cue else char)
                if tok is not None and tok.dep_ == "neg" and tok.head.pos_ in ("VERB", "AUX"):
                    tok = tok.head  # "chose not to co-sponsor it": the negated verb carries the clause
                as_did = _as_state_did(work, sent, m, states) if position != "cosponsored_list" else None
                if as_did is not None:
                    # "Any state can join the consensus without co-sponsoring, as South Korea did between 2019 and
                    # 2021": the comparison states a past position, whatever the mood of the general clause
                    st, ys = as_did
                    inst = _pick_instrument(work, sent, res, char)
                    for year in ys:
                        if st != "dprk" and (st, inst, year, position) not in done:
                            done.add((st, inst, year, position))
                            _add(work, [sent], 0.7, type="state_position", state=st, instrument=inst, year=year, position=position)
                    covered.append((char, sent.start + m.end()))
                    continue
                if tok is None or _unreal(tok):
                    continue
                pieces = _cue_pieces(sent, m)
                if any(_hedged(p) for p in pieces):
                    continue  # "it is not clear whether Seoul will co-sponsor": the verb itself is hedged
                if position in ("voted_yes", "voted_no", "abstained") and re.search(
                        r"\b(?:procedural|meeting|security council)\b", sent.text, re.I) and not re.search(
                        r"\b(?:resolution|text|draft)\b", sent.text, re.I):
                    continue  # a Security Council procedural vote, not a vote on the resolution
                if tok.tag_ in ("VB", "VBP", "VBZ", "VBG") and position == "cosponsored" and not _finite_past(tok):
                    continue  # "they co-sponsor it" (habit or aim), not a position taken
                if position in ("voted_yes", "voted_no", "abstained") and re.search(r"\bagenda\b", sent.text, re.I):
                    continue
                state = _position_state(work, sent, tok, states, cue, position)
                if state is None:
                    continue
                # "China and Russia voted against": every state of a coordinated subject
                also = []
                if position == "cosponsored" and " by" in m.group(0):
                    # "brought by the European Union and Japan": every state of the agent phrase
                    tail = sent.text[m.end():m.end() + 80].split(".")[0]
                    for st_m in states:
                        rel = st_m.start - sent.start - m.end()
                        st = state_of(st_m.id)
                        if 0 <= rel < len(tail) and st not in ("dprk", state) and st not in also:
                            also.append(st)
                subj = _pos_subject(tok)
                if subj is not None:
                    for c in ((subj, *subj.conjuncts) if tok.pos_ == "ADP" else subj.conjuncts):
                        cm = _token_mention(sent, c, ("state", "person"))
                        st = state_of(cm.id) if cm else None
                        if st in STATES and st not in ("dprk", state) and st not in also:
                            also.append(st)
                if position == "cosponsored":
                    # "co-sponsored by dozens of countries, among them the United States and South Korea",
                    # "with 61 co-sponsors including South Korea, Japan and the United States": every state listed
                    for st in _listed_states(sent, states, sent.start + m.end()):
                        if st not in ("dprk", state) and st not in also:
                            also.append(st)
                covered.append((char, sent.start + m.end()))
                inst = _pick_instrument(work, sent, res, char)
                years = _position_years(work, sent, tok, pieces)
                if m.group(0).lower().startswith("rejoin"):
                    # "stayed off the list from 2019 to 2021 and rejoined in 2022": the dates of its own phrase
                    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
                    years = [int(d.value[:4]) for d in sent.dates if lo <= d.start < hi and d.start >= tok.idx]
                conf = 0.8 if years else 0.7
                if not years:
                    years = _implicit_years(work, sent, tok, position)
                    if years is None:
                        continue
                if len(years) == 1 and _year_before(sent.text, m.start(), m.end()):
                    years = [years[0] - 1, years[0]]  # "for the second year in a row", "as it had the year before"
                for st in [state] + also:
                    for year in years:
                        key = (st, inst, year, position)
                        if key in done:
                            continue
                        done.add(key)
                        _add(work, [sent], conf, type="state_position", state=st, instrument=inst, year=year, position=position)


_SECOND_YEAR = re.compile(r"\b(?:for\s+)?(?:the|a)\s+second\s+(?:year\s+(?:in\s+a\s+row|running)|(?:straight|consecutive|successive)\s+year)\b|"
                          r"\b(?:as|like)\s+(?:it|they|she|he|\w+)\s+(?:had|did)\s+(?:the\s+(?:year|session)\s+before|the\s+previous\s+year|a\s+year\s+(?:earlier|before))\b",
                          re.I)


def _year_before(text: str, a: int, b: int) -> bool:
    """"for the second year in a row", "for a second straight year", "as it had the year before" next to the cue: the
    same position the year before too (a longer run, "the fourth year running", names no year and is not expanded)."""
    for m in _SECOND_YEAR.finditer(text):
        if m.end() <= a and not re.search(r"[;]|\bbut\b", text[m.end():a]) and a - m.end() < 60:
            return True
        if m.start() >= b and not re.search(r"[;]|\bbut\b", text[b:m.start()]) and m.start() - b < 60:
            return True
    return False


_AS_DID = re.compile(r"[^.;]{0,40}?,?\s+(?:as|like)\s+(?P<who>[^,.;]{2,40}?)\s+did\b(?P<when>[^,.;]{0,40})", re.I)


def _as_state_did(work: Work, sent: Sent, m: Any, states: list[Mention]) -> tuple[str, list[int]] | None:
    """", as South Korea did between 2019 and 2021": the state and the years of the comparison that follows a cue
    whose own subject names no state."""
    am = _AS_DID.match(sent.text, m.end())
    if not am:
        return None
    a, b = sent.start + am.start("who"), sent.start + am.end("who")
    who = [x for x in states if a <= x.start < b]
    if len(who) != 1:
        return None
    when = am.group("when")
    r = _RANGE.search(when)
    if r:
        lo, hi = [int(g) for g in r.groups() if g][:2]
        ys = list(range(lo, hi + 1)) if 1990 <= lo <= hi <= lo + 40 else []
    else:
        wa, wb = sent.start + am.start("when"), sent.start + am.end("when")
        ys = sorted({int(d.value[:4]) for d in sent.dates if wa <= d.start < wb})
    if not ys:
        return None
    return state_of(who[0].id), ys


_ONE_OF = re.compile(r"\s*(?P<subj>[^,.;]{2,60}?)(?:,[^.;]{0,120},)?\s+(?:was|were|is|are)\s+(?P<neg>not\b\s*)?(?P<which>one of them|among them)?\s*\.?\s*$", re.I)


def _one_of_them(work: Work, si: int, sent: Sent, doc_res: list[Mention]) -> None:
    """"When the draft was circulated on November 12, it listed 41 co-sponsors. South Korea was one of them. The United
    States, which had long co-sponsored the text, was not.": membership of the list the sentence before gives."""
    m = _ONE_OF.fullmatch(sent.text)
    if not m or si == 0:
        return
    prev = work.sents[si - 1]
    listing = re.search(r"\bco-?sponsors\b", prev.text, re.I) is not None
    if m.group("which") is None:
        # the ellipsis "X was not." only right after a "Y was one of them" sentence
        if not (m.group("neg") and _ONE_OF.fullmatch(prev.text) and _ONE_OF.fullmatch(prev.text).group("which") and si >= 2
                and re.search(r"\bco-?sponsors\b", work.sents[si - 2].text, re.I)):
            return
        anchor = work.sents[si - 2]
    elif listing:
        anchor = prev
    else:
        return
    earlier = [r for r in doc_res if r.end <= sent.start and sent.start - r.end < 1500]
    if not earlier:
        return
    a, b = sent.start + m.start("subj"), sent.start + m.end("subj")
    sm = [x for x in sent.mentions if x.kind in ("state", "person") and a <= x.start < b and state_of(x.id) in STATES and state_of(x.id) != "dprk"]
    if len(sm) != 1:
        return
    ys = sorted({int(d.value[:4]) for d in anchor.dates})
    if len(ys) > 1:
        return
    year = ys[0] if ys else (int(work.published[:4]) if work.published else None)
    if year is None:
        return
    inst = _pick_instrument(work, anchor, [earlier[-1]], anchor.start)
    position = "not_cosponsored" if m.group("neg") else "cosponsored"
    _add(work, [sent], 0.65, type="state_position", state=state_of(sm[0].id), instrument=inst, year=year, position=position)


_NOMINAL_RETURN = re.compile(r"\b(?:return|comeback|move back)\s+to\s+(?:the\s+)?(?:group\s+of\s+|list\s+of\s+|ranks\s+of\s+)?co-?sponsors\b", re.I)
_AND_TO = re.compile(r",?\s+and\s+(?:also\s+)?to\s+(?:the\s+)?(?:group\s+of\s+|list\s+of\s+)?co-?sponsors\b", re.I)


def _nominal_returns(work: Work, sent: Sent) -> None:
    """"Seoul's return to the group of co-sponsors of the General Assembly's resolution in 2022, ..., and to the
    co-sponsors of the Human Rights Council resolution in 2023": one position per coordinated list, with its own year."""
    for m in _NOMINAL_RETURN.finditer(sent.text):
        tok = _token_at(sent, sent.start + m.start())
        if tok is None or tok.pos_ != "NOUN" or _governor_blocked(tok) or _noun_unreal(tok):
            continue  # "Seoul's return to the co-sponsors is expected": not yet
        owner = [x for x in sent.mentions if x.kind in ("state", "person") and x.end <= sent.start + m.start()
                 and sent.start + m.start() - x.end <= 4 and state_of(x.id) in STATES and state_of(x.id) != "dprk"]
        if not owner:
            continue
        st = state_of(owner[-1].id)
        cuts = [m.start()] + [x.start() for x in _AND_TO.finditer(sent.text, m.end())]
        for k, c in enumerate(cuts):
            end = cuts[k + 1] if k + 1 < len(cuts) else len(sent.text)
            seg_a, seg_b = sent.start + c, sent.start + end
            res = [x for x in sent.mentions if x.kind == "instrument" and x.id.endswith("_resolution") and seg_a <= x.start < seg_b]
            ys = sorted({int(d.value[:4]) for d in sent.dates if seg_a <= d.start < seg_b})
            if not res or len(ys) != 1:
                continue
            seg_sent_bodies = [b for b in sent.mentions if b.kind == "body" and b.id in RESOLUTION_BODIES and seg_a <= b.start < seg_b]
            if seg_sent_bodies:
                inst = "unga_dprk_hr_resolution" if seg_sent_bodies[0].id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
            else:
                inst = res[0].id
            _add(work, [sent], 0.7, type="state_position", state=st, instrument=inst, year=ys[0], position="cosponsored")


def _pick_instrument(work: Work, sent: Sent, res: list[Mention], char: int) -> str:
    """The resolution a position is about: the nearest mention, read by the resolution body named next to it
    ("a similar resolution at the Commission on Human Rights", "passed the Third Committee"); a bare "the resolution"
    without a body is the document's main resolution (the one it names most)."""
    r = min(res, key=lambda x: abs(x.start - char))
    in_sent = sent.start <= r.start < sent.end
    bodies = [b for b in _in(sent.mentions, "body") if b.id in RESOLUTION_BODIES]
    if in_sent:
        near = [b for b in bodies if abs(b.start - r.start) <= 80 or r.start <= b.start < r.end + 80]
    else:
        near = bodies
    if near:
        b = min(near, key=lambda x: abs(x.start - (r.start if in_sent else char)))
        return "unga_dprk_hr_resolution" if b.id in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
    if re.fullmatch(r"(?:the\s+)?resolutions?", r.text.strip(), re.I):
        counts: dict[str, int] = {}
        firsts: dict[str, int] = {}
        for x in work.mentions:
            if x.kind == "instrument" and x.id.endswith("_resolution"):
                counts[x.id] = counts.get(x.id, 0) + 1
                firsts.setdefault(x.id, x.start)
        if counts:
            return max(counts, key=lambda k: (counts[k], -firsts[k]))
    return r.id


def _listed_positions(work: Work, sent: Sent, m: Any, res: list[Mention], states: list[Mention], done: set, covered: list) -> None:
    """"The draft had 61 co-sponsors, including South Korea, Japan and the United States": each listed state co-sponsored."""
    char = sent.start + m.start()
    if re.search(r"-(?:drafted|sponsored|authored|tabled)$", m.group(0), re.I):
        pm = _mention_at(sent, char, "state")
        listed = [state_of(pm.id)] if pm and state_of(pm.id) in STATES else []
    elif m.group(0).rstrip().endswith(","):
        listed = _apposed_states(sent, states, sent.start + m.end())
    else:
        listed = _listed_states(sent, states, sent.start + m.end())
    tok = _token_at(sent, char)
    if not listed or tok is None:
        return
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if _unreal(verb) or _negated(verb) or _hedged(verb):
        return
    years = _position_years(work, sent, tok, [verb])
    cut = sent.text.find(";", m.end())
    if years and cut >= 0:
        # "..., South Korea among them; Seoul had first joined in 2008": the year after the semicolon is another clause's
        line_year = _timeline_year(work, sent)
        scope = {int(d.value[:4]) for d in sent.dates if d.start < sent.start + cut} | ({line_year} if line_year else set())
        years = [y for y in years if y in scope]
    conf = 0.8 if years else 0.7
    if not years:
        years = _implicit_years(work, sent, verb, "cosponsored")
        if years is None:
            return
    if len(years) == 1 and _year_before(sent.text, m.start(), m.end()):
        years = [years[0] - 1, years[0]]  # "South Korea among them for a second straight year"
    covered.append((char, sent.start + m.end()))
    inst = _pick_instrument(work, sent, res, char)
    for st in listed:
        if st == "dprk":
            continue
        for year in years:
            key = (st, inst, year, "cosponsored")
            if key not in done:
                done.add(key)
                _add(work, [sent], conf, type="state_position", state=st, instrument=inst, year=year, position="cosponsored")


def _implicit_years(work: Work, sent: Sent, tok: Any, position: str) -> list[int] | None:
    """The year(s) of a position whose clause names none: the story's year, unless the clause looks back.

    "has co-sponsored it every year since 2008" -> 2008 (the one year the text pins down); "which had abstained in
    each of the three previous years" -> those three years; "had abstained" with no year -> unknown (None)."""
    clause = sent.text[max(0, tok.left_edge.idx - sent.start - 40):tok.right_edge.idx - sent.start + 60]
    since = re.search(r"(?<!time )\bsince\s+(\d{4})\b", clause)
    ref = int(work.published[:4]) if work.published else None
    each = _EACH_PREVIOUS.search(clause)
    if each and ref:
        n = _to_int(each.group(1)) or 0
        return list(range(ref - n, ref))
    head = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children) or any(
        t.lower_ == "had" and t.dep_ in ("aux", "ROOT", "relcl", "ccomp") for t in tok.doc[max(0, tok.i - 4):tok.i])
    if since and position == "cosponsored":
        return [int(since.group(1))]
    if _VAGUE_PAST.search(clause):
        return None  # "after abstaining or voting in favor in the years before that": no year the text pins down
    line_year = _timeline_year(work, sent)
    if line_year is not None:
        return [line_year]  # a timeline line: its heading year, not the story's
    if sent.i > 0 and re.match(r"\s*(?:that|this|those|these|the same)\b", sent.text, re.I):
        # "The resolution was born in 2005 ... That first text passed ..., and South Korea abstained": the year
        # of the sentence the demonstrative points back to
        ys = {int(d.value[:4]) for d in work.sents[sent.i - 1].dates}
        if len(ys) == 1 and ys != {ref}:
            return sorted(ys)
    if tok.tag_ == "VBG" and tok.head.lower_ in ("after", "before") and sent.dates:
        return None  # "co-sponsored it from 2008 to 2018, after abstaining ...": an earlier, undated stance
    if perfect or ref is None:
        return None
    ny = _narrative_year(work, sent) if tok.tag_ in ("VBD", "VBN") or tok.pos_ in ("ADJ", "ADP") else None
    if ny is not None:
        return [ny]
    return [ref]


def _since_date(sent: Sent, d: Any) -> bool:
    """A date inside a "since" phrase or clause ("since 2008", "since it was first introduced in 2005"): a point of
    comparison, not the date of the sentence's event."""
    if re.search(r"\b(?:since|until|before)\s*$", sent_text_before(sent, d.start)[-20:], re.I):
        return True
    cur = _token_at(sent, d.start)
    for _ in range(8):
        if cur is None:
            return False
        if cur.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _event_dates(sent: Sent) -> list:
    return [d for d in sent.dates if not _since_date(sent, d)]


def _narrative_year(work: Work, sent: Sent, last: bool = False) -> int | None:
    """The single year of the nearest earlier dated sentence of the same paragraph ("The author was in the room on
    17 November 2005, when the committee adopted ... Seoul abstained."): an undated past event told right after it
    belongs to that year, not to the story's."""
    for k in range(sent.i - 1, max(-1, sent.i - 3), -1):
        prev = work.sents[k]
        gap = work.text[prev.start + len(prev.text.rstrip()):sent.start + len(sent.text) - len(sent.text.lstrip())]
        if "\n" in gap:
            return None  # a new paragraph (or a new timeline line): a new time frame
        ds = [d for d in prev.dates if re.match(r"\d{4}", d.value or "")
              and not re.search(r"\b(?:since|before|until|after)\s*$", work.text[max(prev.start, d.start - 30):d.start], re.I)]
        if not ds:
            continue
        ys = {int(d.value[:4]) for d in ds}
        if last:
            return int(max(ds, key=lambda d: d.start).value[:4])  # the story moves on from its last date
        return ys.pop() if len(ys) == 1 else None
    return None


_VAGUE_PAST = re.compile(r"\b(?:in (?:the )?(?:earlier|previous|prior|past|preceding) years|in the years (?:before|prior)|"
                         r"before that|previously|in the past|in earlier years|in previous years|in years past)\b", re.I)


def _finite_past(tok: Any) -> bool:
    """A present-perfect or past construction around a verb ("has co-sponsored", "began co-sponsoring")."""
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "did") for c in tok.children):
        return True
    if any(t.tag_ in ("VBD", "VBN") and t.lemma_.lower() in ("begin", "start", "continue", "resume", "keep", "stop")
           for t in tok.doc[max(0, tok.i - 5):tok.i]):
        return True  # "began co-sponsoring"
    # "did co-sponsor" is split into co / - / sponsor: the auxiliary hangs on a neighbour
    if any(t.dep_ == "aux" and t.lower_ in ("has", "have", "had", "did") for t in tok.doc[max(0, tok.i - 4):tok.i]):
        return True
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "in" and tok.head.head.tag_ in ("VBD", "VBN") \
            and tok.head.head.lemma_.lower() == "join":
        return True  # "joined 60 other countries in co-sponsoring"
    return tok.tag_ == "VBG" and tok.head.tag_ in ("VBD", "VBN")


def _position_state(work: Work, sent: Sent, tok: Any, states: list[Mention], cue: int, position: str) -> str | None:
    """The state taking the position: subject (through relative clauses) or the "proposed by" agent."""
    if position == "cosponsored" and re.match(r"(proposed|tabled|drafted|submitted|sponsored|brought|put|presented|introduced)\b", tok.text) \
            and re.match(r"(?:\s+forward)?\s+by\b", sent.text[tok.idx + len(tok.text) - sent.start:][:12]):
        after = [s for s in states if s.start > cue and s.start - cue < 60]
        if after:
            return state_of(after[0].id)
    subj = _pos_subject(tok)
    if subj is None and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "co":
        # the tokenizer splits "co-sponsoring": the "co" piece may carry the clause
        co = tok.doc[tok.i - 2]
        subj = _pos_subject(co) if co.pos_ in ("VERB", "AUX") else None
    if subj is not None and subj.tag_ == "NNS" and subj.lemma_.lower() in ("state", "country", "nation", "member", "government"):
        return None  # "Latin American and African states that have co-sponsored": a group, not the state an adjective names
    if subj is not None:
        m = _token_mention(sent, subj, ("state", "person"))
        if m and state_of(m.id) in STATES and state_of(m.id) != "dprk":
            return state_of(m.id)
        st = _actor_state(sent, subj)
        if st is not None:
            return st
        if subj.lower_ not in ("it", "they", "which", "who"):
            return None  # a subject that is not a state: some other actor took the step
    before = [s for s in states if s.end <= cue and cue - s.end < 90]
    if before:
        return state_of(before[-1].id)
    if subj is not None and subj.lower_ in ("it", "they"):
        # "... the first time it has stayed off the list since it began co-sponsoring": the state named before
        earlier = [s for s in states if s.end <= cue]
        if earlier:
            return state_of(earlier[-1].id)
    if subj is None and (tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "advcl") or tok.dep_ == "ROOT" and tok.pos_ in ("VERB", "AUX")):
        # "South Korea co-sponsored ..., after staying off the list ...", "Last year, South Korea, which had ..., chose
        # not to co-sponsor it", the subject lost in a bad parse: the state opening the sentence (after an
        # introductory phrase), when it is the only one before the cue
        lead = [s for s in states if sent.start <= s.start and s.end <= cue]
        if lead and re.fullmatch(r"(?:[\w .'\u2019-]{0,40},)?\s*(?:the\s+)?", sent.text[:lead[0].start - sent.start], re.I) \
                and len({state_of(s.id) for s in lead}) == 1:
            return state_of(lead[0].id)
    if subj is None and states and all(s.end <= sent.start for s in states) and re.match(r"\s*(?:It|They)\b", sent.text):
        # "It had co-sponsored ..." (the split "co-sponsored" hides the subject): the previous sentence's subject state
        return state_of(states[-1].id)
    return None


ACTOR_NOUNS = {"representative", "delegate", "delegation", "government", "ambassador", "envoy", "mission", "country",
               "diplomat", "administration", "minister", "ministry", "name"}


def _pos_subject(tok: Any) -> Any | None:
    """The subject of a position cue: the verb's (or, for "among the co-sponsors", the copula's); for "X and Y were
    among the 16 that voted against it", the subject of "were among", not the relative clause's head."""
    if tok.lower_ == "among" and tok.i >= 2 and tok.doc[tok.i - 1].pos_ == "PROPN" and any(
            t.lower_ == "with" for t in tok.doc[max(0, tok.i - 5):tok.i - 1]):
        return tok.doc[tok.i - 1]  # "..., with South Korea among more than 70 co-sponsors"
    if tok.pos_ in ("VERB", "AUX"):
        s = _subject(tok)
    elif (tok.pos_ == "ADP" and tok.lower_ == "among" or tok.pos_ == "ADJ" and tok.dep_ == "acomp") and tok.head.pos_ in ("VERB", "AUX"):
        s = _subject(tok.head)  # "were among the co-sponsors", "was absent from the list"
    else:
        return None
    if s is not None and s.dep_ == "pobj" and s.head.lower_ == "among" and s.head.head.pos_ in ("VERB", "AUX"):
        s2 = _subject(s.head.head)
        if s2 is not None:
            return s2
    if s is not None and s.lemma_.lower() in _BODY_HEADS and tok.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "South Korea abstained when the Assembly took up a resolution, and also abstained on ...": the second
        # verb is glued to the when-clause; an assembly does not vote on its own text, the outer subject does
        cur = tok.head
        while cur.dep_ in ("conj", "advcl", "relcl") and cur.head.i != cur.i:
            cur = cur.head
            s2 = _subject(cur)
            if s2 is not None and s2.lemma_.lower() not in _BODY_HEADS:
                return s2
    return s


_BODY_HEADS = {"assembly", "committee", "council", "commission"}


def _actor_state(sent: Sent, t: Any) -> str | None:
    """The state an actor noun speaks for: "the representative of the Republic of Korea", "China's delegate",
    "the United States delegate, whose country co-sponsored"."""
    if t.lemma_.lower() not in ACTOR_NOUNS:
        return None
    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in t.children) and t.head.dep_ != "ROOT":
        cur = t.head
        while cur.dep_ != "relcl" and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "relcl":
            t = cur.head
            if t.lemma_.lower() not in ACTOR_NOUNS:
                return None
    cands = [t] + [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
    cands += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for c in cands:
        m = _token_mention(sent, c, ("state",))
        if m and state_of(m.id) in STATES and state_of(m.id) != "dprk":
            return state_of(m.id)
    return None


def _listed_states(sent: Sent, states: list[Mention], after: int) -> list[str]:
    """States listed right after a co-sponsor cue: "(by dozens of countries,) among them X and Y", "including X, Y and Z"."""
    tail = sent.text[after - sent.start:]
    lm = re.match(r"(?:\s+by\b)?[^.;]{0,50}?\b(?:among them|among whom|including|such as|notably)\s+", tail, re.I)
    if not lm:
        return []
    rest = tail[lm.end():]
    stop = re.search(r"[.;:]|,\s+(?:while|but|which|who|after|before|as|and\s+(?:the|it|its)\s+\w+ed)\b|\s+(?:while|but)\s", rest)
    end = after + lm.end() + (stop.start() if stop else len(rest))
    out = []
    for st_m in states:
        if after + lm.end() <= st_m.start < end:
            st = state_of(st_m.id)
            if st in STATES and st not in out:
                out.append(st)
    return out


def _apposed_states(sent: Sent, states: list[Mention], after: int) -> list[str]:
    """"the drafters, the European Union and Japan,": the states of the apposition, named one after another."""
    out: list[str] = []
    pos = after
    for st_m in sorted(states, key=lambda x: x.start):
        if st_m.start < pos:
            continue
        gap = sent.text[pos - sent.start:st_m.start - sent.start]
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+|or\s+)?(?:the\s+)?", gap, re.I):
            break
        st = state_of(st_m.id)
        if st in STATES and st not in out:
            out.append(st)
        pos = st_m.end
    return out


def _cue_pieces(sent: Sent, m: Any) -> list[Any]:
    """The tokens of the cue's last word ("co - sponsor" is split by the tokenizer, each piece with its own clause)."""
    a, b = sent.start + m.start(), sent.start + m.end()
    last = re.search(r"co-?sponsor\w*$|\S+$", m.group(0), re.I)
    a2 = sent.start + m.start() + last.start() if last else a
    return [t for t in sent.span if a2 <= t.idx < b]


def _hedged(tok: Any) -> bool:
    """A modal or a conditional on the verb itself or on the verb it completes ("whether Seoul will co-sponsor")."""
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return True
        if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _timeline_year(work: Work, sent: Sent) -> int | None:
    """The year heading a timeline line ("2005 - The first resolution. ... South Korea abstained."), when the
    sentence's own line has text after that head."""
    m = TIMELINE_HEAD.match(work.text, work.text.rfind("\n", 0, sent.start) + 1)
    return int(m.group("y")) if m and m.end() < sent.end and work.text[m.end():sent.end].strip() else None


def _position_years(work: Work, sent: Sent, tok: Any, pieces: list | None = None) -> list[int]:
    """Years of the cue's own clause: an explicit range expanded, an enumeration ("2019, 2020 and 2021") listed."""
    troot = _clause_root(tok)
    roots = {troot.i} | {_clause_root(p).i for p in (pieces or [])}
    for r in _RANGE.finditer(sent.text):
        rtok = _token_at(sent, sent.start + r.start())
        if rtok is None or _clause_root(rtok).i not in roots:
            continue
        a, b = [int(g) for g in r.groups() if g][:2]
        if 1990 <= a <= b <= a + 40:
            return list(range(a, b + 1))
    years = []
    own: list[int] = []
    later: list[int] = []
    up: set[int] = set()
    cur = troot
    while cur.dep_ == "conj" and cur.head.i != cur.i and len(up) < 6:
        cur = cur.head  # "Seoul not only voted yes but co-sponsored ...": the first verb of the coordination
        up.add(_clause_root(cur).i)
    if cur.dep_ == "ROOT" and any(c.dep_ == "cc" and c.i < cur.i for c in cur.children):
        # "voted yes but co-sponsored ...", cut by the parser into two roots: the root before is the first verb
        before = [t for t in sent.span if t.dep_ == "ROOT" and t.i < cur.i]
        if before:
            up.add(before[-1].i)
    line_year = _timeline_year(work, sent)
    for d in sent.dates:
        if re.search(r"\b(since|first time since|before|until)\s*$", sent_text_before(sent, d.start)[-30:], re.I):
            continue
        dtok = _token_at(sent, d.start)
        if dtok is None:
            continue
        droot = _clause_root(dtok)
        y = int(d.value[:4])
        if line_year is not None and not re.search(r"\d{4}", work.text[d.start:d.end]):
            y = line_year  # "2005 - On Nov. 17 the committee approved ...": the line's year, not the story's
        if droot.i in roots:
            own.append(y)
        if droot.dep_ == "conj" and droot.head.i in roots and droot.pos_ in ("VERB", "AUX") and droot.i not in roots:
            later.append(y)  # "abstained in 2005, voted in favour in 2006": the next verb's own year
        if droot.i in roots or (droot.dep_ in ("xcomp", "conj") and droot.head.i in roots) or (
                troot.dep_ in ("xcomp", "conj", "ccomp") and (troot.head.i == droot.i or droot.i in up)):
            years.append(y)
        elif droot.dep_ == "advcl" and droot.head.i == troot.i and any(
                c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in droot.children):
            years.append(int(d.value[:4]))  # "It abstained when the Commission adopted a resolution in April last year"
    if not years and troot.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in troot.children):
        # "The resolution was born in 2005, when the European Union tabled a text": the year the when-clause hangs on
        for d in sent.dates:
            dtok = _token_at(sent, d.start)
            if dtok is not None and dtok.i <= troot.head.i <= dtok.i + 3:
                years.append(int(d.value[:4]))
    if own and troot.dep_ == "conj":
        return sorted(set(own))
    if own and later:
        return sorted(set(own))  # each coordinated verb with its own year keeps its own  # "..., and also abstained on a similar resolution in 2004": its own year, not its head's
    return sorted(set(years))


# ---------------------------------------------------------------- Security Council

_COUNCIL_CUE = re.compile(r"\b(meeting|session|met|convened|held|voted|vote|discuss\w*|briefing|agenda)\b", re.I)
_BLOCK = re.compile(r"\b(blocked|block|prevented|cancel+ed|scuttled|thwarted|withdr[ae]w\w*|called off|shelved|scrapped|dropped|abandoned|held no|(?:did|does) not (?:take place|hold|meet|convene))\b", re.I)
_AGENDA_ADD = re.compile(r"\b(?:add|added|adding|put|placed|place|include|included|inscribe\w*)\b[^.;]{0,140}?\b(?:on|to|in)\s+(?:the|its|the council['\u2019]s|the (?:U\.?N\.?\s+)?security council['\u2019]s)\s+(?:formal\s+)?(?:agenda|list of matters)\b", re.I)
_LIST_ITEM = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*"
_NAMED_TALLY = re.compile(
    rf"\b(?i:{_NUM})\s+(?:members|countries|states|delegations|council members)?\s*voted\s+(?:in\s+favou?r|for|to\s+hold|yes)\b[^.;]{{0,80}}?"
    rf"(?P<no>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:,?\s+and\s+{_LIST_ITEM})?)\s+voted\s+against"
    rf"(?:\s*,?\s*(?:and|while|with)?\s*(?P<ab>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:,?\s+and\s+{_LIST_ITEM})?)\s+abstain(?:ed|ing))?")
# "nine members voted in favor, four against and two abstained", "12 votes in favour to 2 against, with 1 abstention",
# "again 9 in favor, with five against and one abstention" (parenthesised lists of members removed first)
_FAVOUR_TALLY = re.compile(
    rf"\b{_NUM}\s+(?:(?:votes?|members|countries|states|delegations)\s+)?(?:(?:voted|voting)\s+)?(?:in\s+favou?r|for|yes)\b"
    rf"[^.;]{{0,30}}?\b{_NUM}\s+(?:(?:votes?|members|countries|states|delegations)\s+)?(?:(?:voted|voting)\s+)?against\b"
    rf"(?:[^.;]{{0,30}}?\b{_NUM}\s+(?:(?:members|countries|states|delegations)\s+)?(?:abstentions?|abstained|abstaining)\b)?", re.I)


_NOT_HELD = re.compile(r"\b(?:not|n't|no longer)\s+(?:to\s+)?(?:request|seek|hold|convene|call|schedule)\b[^.;]{0,60}?\b(?:meeting|session|briefing)\b", re.I)

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# what a Council meeting in this type is about; a sentence only about weapons or sanctions is another meeting
_SC_TOPIC = re.compile(r"human rights|abuses|atrocities|agenda|situation in (?:north korea|the dprk|the democratic)|crimes against humanity", re.I)
_SC_OFF_TOPIC = re.compile(r"\b(?:nuclear|missiles?|ballistic|sanctions?|weapons?|launch(?:es|ed)?|tests?|satellite|ceasefire|ukraine)\b", re.I)
_MEETING_NOUNS = {"meeting", "session", "briefing", "debate", "discussion", "discussions", "meetings", "sessions"}
_REQUEST_NOUNS = {"request", "bid", "push", "effort", "motion", "plan", "proposal", "attempt"}
_CANCEL = {"shelve", "scrap", "drop", "abandon", "cancel", "block", "withdraw", "scuttle", "thwart", "prevent", "derail",
           "sink", "kill"}
# a meeting "did not happen" is blocked only with a stated obstacle (votes it could not win, an objection)
_OBSTACLE = re.compile(r"\b(?:unable|fail\w*|could not|couldn['\u2019]t|not enough|short of|lack\w*)\b[^.;]{0,80}?\b(?:votes?|support|backing)\b"
                       r"|\b(?:blocked|objections?|vetoed)\b", re.I)
_RECUR = re.compile(r"\b(?:each|every)\s+(?P<unit>year|" + "|".join(_MONTHS) + r")\b|\b(?:annual(?:ly)?|yearly)\b", re.I)
_TIMELINE_HEAD = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])?\s*$")
_THAT_MONTH = re.compile(r"\bthat (" + "|".join(_MONTHS) + r")\b", re.I)


# "the margin narrowed to nine to four with two abstaining", "the tally stood at 10 to 3"
_MARGIN_TALLY = re.compile(rf"\b(?:margin|vote|tally|count)\b[^.;]{{0,60}}?\bto\s+{_NUM}\s*(?:-|\u2013|to)\s*{_NUM}\b", re.I)
# "ten members voted to hold the session, three opposed it and two abstained"
_OPPOSED_TALLY = re.compile(
    rf"\b{_NUM}\s+(?:(?:members|countries|states|delegations)\s+)?(?:voted|voting)\s+(?:in\s+favou?r|for|to\s+(?:hold|convene|proceed|go ahead))\b"
    rf"[^.;]{{0,50}}?\b{_NUM}\s+(?:(?:members|countries|states|delegations)\s+)?(?:opposed|objected|voted\s+(?:against|no))\b"
    rf"(?:[^.;]{{0,30}}?\b{_NUM}\s+(?:(?:members|countries|states|delegations)\s+)?(?:abstentions?|abstained|abstaining)\b)?", re.I)
_NAMED_ABSTAIN = re.compile(rf"^\s*,?\s*(?:and|with|while)\s+(?P<ab>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:,?\s+and\s+{_LIST_ITEM})?)\s+abstain(?:ing|ed)\b")


def _council_counts(text: str) -> tuple[int | None, int | None, int | None]:
    """Procedural vote counts, also as 'Twelve members voted to hold it, China and Russia voted against and X abstained'."""
    plain = re.sub(r"\s*\([^()]{0,120}\)", "", text)  # "2 against (China, Russian Federation)": the names are no count
    m = _FAVOUR_TALLY.search(plain) or _OPPOSED_TALLY.search(plain)
    if m:
        y, n, a = _to_int(m.group(1)), _to_int(m.group(2)), _to_int(m.group(3))
        if y is not None and n is not None:
            return y, n, a
    y, n, a = _vote_counts3(plain)
    end = None
    pm = re.search(r"\bvote\s*\((\d{1,2})\s*[-\u2013]\s*(\d{1,2})(?:\s*[-\u2013]\s*(\d{1,2}))?\)", text, re.I)
    if y is None and pm:
        return int(pm.group(1)), int(pm.group(2)), int(pm.group(3)) if pm.group(3) else None  # "a procedural vote (11-2-2)"
    if y is None:
        mm = _MARGIN_TALLY.search(plain)
        if mm:
            y, n, end = _to_int(mm.group(1)), _to_int(mm.group(2)), mm.end()
            third = re.match(rf"\s*,?\s*(?:with|and|while)\s+{_NUM}\s+(?:(?:countries|states|members|delegations|others)\s+)?(?:abstentions?|abstaining|abstained)\b",
                             plain[end:], re.I)
            a = _to_int(third.group(1)) if third else None
    if y is not None:
        if a is None:
            # "12 to 2, with Mozambique abstaining": the states named
            for vm in ([mm] if end is not None else []) + [rx.search(plain) for rx in (_VOTE_A, _VOTE_E, _VOTE_B, _VOTE_F)]:
                if vm is None:
                    continue
                nm = _NAMED_ABSTAIN.match(plain[vm.end():])
                if nm:
                    a = len([x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", nm.group("ab")) if x.strip()])
                    break
        return y, n, a
    m = _NAMED_TALLY.search(text)
    if not m:
        return None, None, None
    count = lambda lst: len([x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", lst) if x.strip()]) if lst else None
    return _to_int(m.group(1)), count(m.group("no")), count(m.group("ab"))


def _sc_sentence(work: Work, sent: Sent) -> bool:
    """The sentence names the Security Council, or says 'the council' after one was last named."""
    if any(m.id == "un_sc" for m in _in(sent.mentions, "body")):
        return True
    if any(m.id == "unsc_dprk_hr_agenda" and re.search(r"council", m.text, re.I) for m in _in(sent.mentions, "mechanism")):
        return True  # "a Security Council meeting on North Korean human rights" is linked as the agenda item
    if not re.search(r"\bthe council\b", sent.text, re.I):
        return False
    # computed once per document, then a binary search per sentence (linear overall)
    councils = work.__dict__.setdefault("_councils", [m for m in work.mentions if m.kind == "body" and m.id in ("un_sc", "un_hrc")])
    starts = work.__dict__.setdefault("_council_starts", [m.start for m in councils])
    i = bisect.bisect_left(starts, sent.start)
    return i > 0 and councils[i - 1].id == "un_sc"


def _sc_context(work: Work, si: int) -> bool:
    """The sentence is about the Security Council: it names it, or names no body and the nearest sentence
    before it that names one (at most six back) names the Council ("the meeting went ahead", "the request was withdrawn")."""
    sent = work.sents[si]
    if _sc_sentence(work, sent):
        return True
    if _in(sent.mentions, "body"):
        return False
    for j in range(si - 1, max(-1, si - 7), -1):
        bodies = _in(work.sents[j].mentions, "body")
        if bodies:
            return any(m.id == "un_sc" for m in bodies) or _sc_sentence(work, work.sents[j])
    return False


def _sc_topic(work: Work, si: int) -> bool:
    """The meeting is on DPRK human rights: said in the sentence, or it refers back ('the issue', 'the meeting')
    to a passage on them; a sentence on weapons or sanctions alone is another Council matter."""
    low = work.sents[si].text
    if _SC_TOPIC.search(low):
        return True
    if _SC_OFF_TOPIC.search(low):
        return False
    return any(_SC_TOPIC.search(work.sents[j].text) for j in range(max(0, si - 6), si))


def _timeline_date(sent: Sent) -> DateMention | None:
    """'- December 10, 2015: the meeting went ahead ...': a list item headed by its date."""
    if not sent.dates:
        return None
    d = sent.dates[0]
    if not _TIMELINE_HEAD.fullmatch(sent.text[:d.start - sent.start]):
        return None
    if not re.match(r"\s*[:\u2013\u2014|-]\s", sent.text[d.end - sent.start:d.end - sent.start + 4]):
        return None
    return d


def _timeline_over(sent: Sent, dm: Any) -> Any:
    """In a list item headed by its date ("December 22, 2014 — ... four days later the Council voted"), the heading
    dates the item's event unless the date read agrees with it (and is more precise)."""
    tl = _timeline_date(sent)
    if tl is None or (dm is not None and _agree(tl.value, dm.value)):
        return dm
    return tl


def _counts_after(work: Work, si: int, date: str | None) -> tuple[tuple, list[Sent]]:
    """The procedural tally stated in the sentences right after a meeting ('..., which passed 11-2 with two abstentions'),
    not one for another meeting (another date), another body or a resolution."""
    spans: list[Sent] = []
    for j in range(si + 1, min(len(work.sents), si + 3)):
        s = work.sents[j]
        if "\n\n" in work.text[work.sents[j - 1].end:s.start + 1] or _timeline_date(s) is not None:
            break
        if re.match(r"\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\s*)?[\u2014\u2013|-]", s.text, re.I):
            break  # "10:15 — The procedural vote is in": a later entry of a live report, another event
            break
        if any(not _agree(d.value, date) for d in s.dates) or any(m.id != "un_sc" for m in _in(s.mentions, "body")):
            break
        if re.search(r"\bresolution\b", s.text, re.I):
            break
        spans.append(s)
        y, n, a = _council_counts(s.text)
        if y is not None:
            return (y, n, a), spans
    return (None, None, None), []


def _emit_council(work: Work, spans: list[Sent], confidence: float, date: str | None, outcome: str,
                  yes: int | None = None, no: int | None = None, ab: int | None = None) -> None:
    """One fact per meeting: a restatement only adds the tally the first statement lacked."""
    for f in work.facts:
        if f.type == "council_meeting" and f.outcome == outcome and _agree(f.date, date):
            if f.yes is None and yes is not None:
                f.yes, f.no, f.abstain = yes, no, ab
                f.evidence = _evidence(work, spans[0].start, spans[-1].end)
            f.date = _more_precise(f.date, date)
            return
    _add(work, spans, confidence, type="council_meeting", body="un_sc", date=date, outcome=outcome, yes=yes, no=no, abstain=ab)


def _sc_subject(sent: Sent, tok: Any) -> bool:
    """The Council (or its members) does it."""
    subj = _subject(tok)
    if subj is None:
        return False
    m = _token_mention(sent, subj, "body")
    if m is not None:
        return m.id == "un_sc"
    # "the 15-member body", "it": callers have read the sentence as one on the Council ("it" only with no state named)
    if subj.lower_ == "it":
        return not _in(sent.mentions, ("state", "body"))
    return subj.lower_ in ("council", "members", "body") or any(c.lower_ == "council" for c in subj.children)


def _council_noun(sent: Sent, noun: Any) -> bool:
    """A meeting of the Council: 'the Security Council meeting', 'the council's annual discussion', or 'the meeting'
    in a passage on the Council; not 'Kim's meeting with Putin' or 'the summit meeting between the leaders'."""
    kids = list(noun.children)
    for c in kids:
        if c.dep_ in ("poss", "compound", "nmod"):
            m = _token_mention(sent, c, "body")
            if (m is not None and m.id == "un_sc") or c.lower_ == "council":
                return True
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in kids):
        return False
    if any(c.dep_ == "poss" and c.lower_ != "its" and c.lemma_.lower() not in ("year", "month", "week") + _MONTHS
           for c in kids):
        return False  # ("this year's meeting" is the Council's, in a passage on it)
    if any(c.dep_ in ("compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.lower_ in ("summit", "bilateral", "cabinet", "party"))
           for c in kids):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its") for c in kids) or any(c.dep_ == "poss" for c in kids)


def _held_trigger(sent: Sent, tok: Any) -> bool:
    """A meeting held: 'the council met', 'took up the issue', 'returned to the issue', 'discussed it',
    'the meeting went ahead / took place / was held'."""
    lem = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        kids = {c.dep_: c for c in tok.children}
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
               for d in c.children):
            return False  # "held no session", "no meeting took place"
        if lem in ("meet", "convene") and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return _sc_subject(sent, tok)
        if lem == "take" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return _sc_subject(sent, tok) and not any(o.lower_ in ("post", "duties", "office", "seat", "role") for o in objs)
        if lem == "return" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return _sc_subject(sent, tok)
        if lem in ("discuss", "debate", "consider", "examine") and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return _sc_subject(sent, tok) and bool(objs)
        if lem == "hold" and any(o.lemma_.lower() in _MEETING_NOUNS for o in objs):
            return _sc_subject(sent, tok) or any(o.dep_ == "nsubjpass" and _council_noun(sent, o) for o in objs)
        if lem == "hold" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in _MEETING_NOUNS:
            return _council_noun(sent, tok.head)  # "the council's fourth annual meeting, held on Monday"
        if lem in ("stop", "block", "prevent", "halt", "derail") and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail":
            # "China failed to block a Security Council meeting on Friday": the meeting went ahead
            if any(o.dep_ == "dobj" and o.lemma_.lower() in _MEETING_NOUNS and o.tag_ == "NN" and (_council_noun(sent, o) or any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)) for o in objs):
                return True  # ("failed to stop a meeting on 9 December", in a passage on the Council)
            # "failed to stop the Security Council from discussing human rights"
            return any(o.dep_ == "dobj" and ((m := _token_mention(sent, o, "body")) is not None and m.id == "un_sc" or o.lower_ == "council")
                       for o in objs) and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
        if lem in ("go", "proceed") and any(c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _MEETING_NOUNS for g in c.children) for c in tok.children):
            return _sc_subject(sent, tok)  # "the council went ahead with its meeting"
        if lem == "be" and tok.tag_ == "VBD" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _MEETING_NOUNS and c.tag_ == "NN"
                                                     and _council_noun(sent, c) and not any(
                                                         a.lower_ in ("next", "upcoming", "planned", "proposed") for a in c.children)
                                                     for c in tok.children):
            # "The last session was an open briefing in August last year"
            return any(c.dep_ == "attr" and c.lemma_.lower() in _MEETING_NOUNS for c in tok.children)
        if lem in ("go", "proceed", "happen") or (lem == "take" and "dobj" in kids and kids["dobj"].lower_ == "place"):
            if lem == "go" and not any(c.lower_ == "ahead" for c in tok.children):
                return False
            return any(c.dep_ == "nsubj" and c.lemma_.lower() in _MEETING_NOUNS and _council_noun(sent, c) for c in tok.children)
    return False


def _cancel_trigger(sent: Sent, tok: Any) -> bool:
    """A meeting prevented: 'shelved a planned meeting', 'the request was withdrawn', 'called off the session'."""
    if tok.pos_ not in ("VERB",):
        return False
    lem = tok.lemma_.lower()
    if not (lem in _CANCEL or (lem == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children))):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # one meeting, not meetings in general ("has tried to block meetings")
    planned = lambda o: any(c.dep_ in ("amod", "compound") and c.lower_ in ("planned", "scheduled", "proposed", "requested")
                            for c in o.children) and _OBSTACLE.search(sent.text) is not None
    return any(((o.lemma_.lower() in _MEETING_NOUNS and (_council_noun(sent, o) or planned(o))) or o.lemma_.lower() in _REQUEST_NOUNS)
               and o.tag_ in ("NN", "NNP") for o in objs)


def _not_happened(sent: Sent, tok: Any) -> bool:
    """'the council's annual discussion did not happen / take place / go ahead', 'no meeting was held', 'there was no
    meeting', each only with a stated obstacle ('after supporters were unable to secure the nine votes')."""
    lem = tok.lemma_.lower()
    no_det = lambda n: any(d.dep_ == "det" and d.lower_ == "no" for d in n.children)
    if lem == "be" and any(c.dep_ == "expl" for c in tok.children):
        if not any(c.dep_ == "attr" and c.lemma_.lower() in _MEETING_NOUNS and c.tag_ == "NN" and no_det(c) for c in tok.children):
            return False  # "there was no meeting"
        return _OBSTACLE.search(sent.text) is not None
    if lem not in ("happen", "go", "proceed", "take", "hold"):
        return False
    if lem == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
        return False
    if lem == "go" and not any(c.lower_ == "ahead" for c in tok.children):
        return False
    neg = any(c.dep_ == "neg" for c in tok.children)
    subj = [c for c in tok.children if c.dep_ == ("nsubjpass" if lem == "hold" else "nsubj")
            and c.lemma_.lower() in _MEETING_NOUNS and c.tag_ == "NN"]
    if not any((neg and _council_noun(sent, c)) or no_det(c) for c in subj):
        return False
    return _OBSTACLE.search(sent.text) is not None


def _sc_dates(work: Work, sent: Sent, tok: Any) -> tuple[list[str], float]:
    """The dates of the meeting(s) a trigger states, with a confidence factor: an explicit range with a recurrence
    ('each December from 2014 through 2017') gives one per year; coordinated dates ('in August 2023 and again in
    June this year') one each; 'that December' takes the year last written out."""
    troot = _clause_root(tok)
    rng = _RANGE.search(sent.text)
    rec = _RECUR.search(sent.text)
    rtok = _token_at(sent, sent.start + rng.start()) if rng else None
    if rtok is not None and _clause_root(rtok).i == troot.i:
        # a kind summed up ("such meetings were held every year from 2014 to 2017") is background told elsewhere
        if not rec or re.search(r"\bsuch (?:meetings|sessions|briefings)\b", sent.text, re.I):
            return [], 0.0
        a, b = [int(g) for g in rng.groups() if g][:2]
        unit = (rec.group("unit") or "").lower()
        month = _MONTHS.index(unit) + 1 if unit in _MONTHS else None
        if not 0 < b - a <= 15:
            return [], 0.0
        return [f"{y}-{month:02d}" if month else str(y) for y in range(a, b + 1)], 0.8
    dm, factor = _attached_date(work, sent, tok)
    dm = _apposed_date(work, sent, dm)  # "on Wednesday, 12 June"
    if dm is None:
        tm = _THAT_MONTH.search(sent.text)
        if tm:
            before = " ".join([s.text for s in _prev(work, sent.i, 2)] + [sent.text[:tm.start()]])
            years = re.findall(r"\b((?:19|20)\d\d)\b", before)
            if years:
                return [f"{years[-1]}-{_MONTHS.index(tm.group(1).lower()) + 1:02d}"], 0.8
        return [], 0.0
    out = [dm.value]
    ds = sorted(sent.dates, key=lambda d: d.start)
    k = ds.index(dm)
    for prev_d, d in zip(ds[k:], ds[k + 1:]):
        gap = work.text[prev_d.end:d.start]
        if not re.fullmatch(r"\s*,?\s*(?:(?:and|as well as)\s+)?(?:again\s+|also\s+|later\s+|once more\s+)?(?:in\s+|on\s+)?", gap, re.I):
            break
        out.append(d.value)
    return out, factor


def _council(work: Work) -> None:
    emitted: list[str] = []
    pending: list[int] = []
    for si, sent in enumerate(work.sents):
        if not _sc_sentence(work, sent):
            continue
        low = sent.text.lower()
        agenda = _AGENDA_ADD.search(sent.text)
        if agenda:
            # "the council first put the situation on its agenda in December 2014": its own dated event
            atok = _token_at(sent, sent.start + agenda.start())
            if atok is not None and not _unreal(atok) and not _negated(atok):
                adm, _f = _attached_date(work, sent, atok, skip_since=False)
                adm = _timeline_over(sent, adm)
                if adm is not None and not (adm.start > sent.start + agenda.start() and re.search(r"\bsince\b", low[agenda.end():adm.start - sent.start])):
                    _add(work, [sent], 0.7, type="mechanism_event", mechanism="unsc_dprk_hr_agenda", event="established", date=adm.value)
                elif adm is None and re.match(r"\s*(?:that|the|this) (?:procedural )?(?:vote|meeting|decision)\b", low):
                    pending.append(si)  # "That vote placed the situation on the Council's agenda": dated below
        first = not emitted
        if not re.search(r"human rights|abuses|agenda|situation in (north korea|the dprk)|crimes against humanity", low) \
                and not (not first and re.search(r"\b(the|this) (issue|subject|situation)\b", low)):
            continue
        nm = _NOT_HELD.search(sent.text)
        if nm and first and not re.search(r"\b(should|must|could|might|may|if|unless)\s+(?:\w+\s+)?$", sent.text[:nm.start()], re.I):
            # "decided not to request a meeting this year", "will not hold its annual meeting": none took place
            ndm = _near_date(sent, sent.start + nm.start())
            if ndm is not None and not re.search(r"\bsince\s*$", sent.text[:ndm.start - sent.start]):
                _add(work, [sent], 0.65, type="council_meeting", body="un_sc", date=ndm.value, outcome="blocked")
                emitted.append(ndm.value)
                continue
        m = _COUNCIL_CUE.search(sent.text)
        if not m:
            continue
        tok = _token_at(sent, sent.start + m.start())
        if tok is None or _unreal(tok) or (tok.pos_ == "NOUN" and _governor_blocked(tok)):
            continue
        if re.search(r"\barria\b", low) or (tok.lemma_.lower() == "meet" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)):
            continue  # an Arria-formula gathering is no Council meeting; "met with defectors" is no meeting of the Council
        if re.search(r"\bsince the council\b|\bsince\b[^.]{0,30}\b(held|met|convened)\b", low):
            continue
        if _RANGE.search(sent.text) and _RECUR.search(sent.text):
            continue  # a run of yearly meetings: read below, one per year
        dm, _f = _attached_date(work, sent, tok)
        dm = _timeline_over(sent, _apposed_date(work, sent, dm))
        if dm is None:
            continue  # a generic statement about meetings names no meeting
        yes, no, ab = _council_counts(sent.text)
        subj = _subject(tok) if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() == "vote" else None
        sm = _token_mention(sent, subj, "body") if subj is not None else None
        if sm is not None and sm.id != "un_sc":
            continue  # "The General Assembly voted 116 to 20 to urge the Security Council ...": another body's act
        if yes is not None and yes + (no or 0) + (ab or 0) > 15:
            if tok.lemma_.lower() == "vote":
                continue  # more votes than the Council has members: another body's tally
            yes = no = ab = None
        if not first:
            # a further meeting: only a different, explicitly held (or counted) one
            if any(_agree(e, dm.value) for e in emitted):
                continue
            if yes is None and not re.search(r"\b(held|met|convened)\b", low):
                continue
        blocked = _BLOCK.search(sent.text)
        if blocked and re.match(r"held no|(?:did|does) not", blocked.group(0), re.I) and not _OBSTACLE.search(sent.text) \
                and not any(_BLOCK.finditer(sent.text[blocked.end():])):
            continue  # "held no session in 2019" alone: a negation, no meeting prevented is stated
        if blocked:
            btok, croot = _token_at(sent, sent.start + blocked.start()), _clause_root(tok)
            if btok is not None and _clause_root(btok).i != croot.i and croot.lemma_.lower() in ("hold", "meet", "convene", "discuss") \
                    and not _negated(croot):
                blocked = None  # "held a meeting last year, but this year's has been cancelled": the other clause's meeting
        outcome = "blocked" if blocked and not re.search(r"fail", low) else "held"
        spans = [sent]
        if yes is None and outcome == "held":
            (yes, no, ab), more = _counts_after(work, si, dm.value)
            spans += more
        _add(work, spans, 0.8 if yes is not None else 0.7, type="council_meeting", body="un_sc", date=dm.value,
             outcome=outcome, yes=yes, no=no, abstain=ab)
        if agenda and outcome == "held" and not any(f.type == "mechanism_event" and f.mechanism == "unsc_dprk_hr_agenda" for f in work.facts):
            _add(work, [sent], 0.7, type="mechanism_event", mechanism="unsc_dprk_hr_agenda", event="established", date=dm.value)
        emitted.append(dm.value)
    _council_events(work)
    for si in pending:
        # the agenda placed by "that vote": the meeting told just before, with its date
        sent, near = work.sents[si], work.sents[max(0, si - 2)].start
        told = [f for f in work.facts if f.type == "council_meeting" and f.outcome == "held" and f.date
                and near <= f.evidence.start < sent.start]
        if told and not any(f.type == "mechanism_event" and f.mechanism == "unsc_dprk_hr_agenda" for f in work.facts):
            _add(work, [sent], 0.6, type="mechanism_event", mechanism="unsc_dprk_hr_agenda", event="established",
                 date=told[-1].date)


def _council_events(work: Work) -> None:
    """Meetings the sentence-level reading above misses: a wider set of verbs ('took up', 'returned to',
    'the meeting went ahead'), runs of yearly meetings, coordinated dates, dated list items, and meetings
    prevented ('shelved', 'the request was withdrawn', 'did not happen after ... unable to secure the votes')."""
    for si, sent in enumerate(work.sents):
        if not re.search(r"\b(?:meet|met|meetings?|sessions?|briefings?|discuss\w*|debat\w*|consider\w*|took up|taken up|"
                         r"take up|return\w* to|request|convened|favou?r|against|abstain\w*|abstentions?|votes?|voted|margin|happen|place|ahead)\b", sent.text, re.I):
            continue
        if re.search(r"\barria\b", sent.text, re.I) or not _sc_context(work, si) or not _sc_topic(work, si):
            continue
        tl = _timeline_date(sent)
        named = _sc_sentence(work, sent)
        if tl is None and _council_runs(work, si, sent):
            continue
        done = False
        for tok in sent.span:
            nothappened = _not_happened(sent, tok)
            held = not nothappened and _held_trigger(sent, tok)
            cancel = not held and not nothappened and _cancel_trigger(sent, tok)
            if not (held or cancel or nothappened):
                continue
            if held and not named and sent.people and tok.lemma_.lower() in ("go", "take", "happen", "proceed", "hold"):
                continue  # "the meeting took place in Singapore" between two leaders, in a passage on the Council
            if held and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail":
                tok = tok.head  # "failed to block the meeting": the failure is the event, with its date
            if _unreal(tok) or ((held or cancel) and _negated(tok)):
                continue
            if held and (any(c.dep_ == "mark" and c.lower_ in ("since", "until", "before") for c in tok.children)
                         or (tok.dep_ == "pcomp" and tok.head.lower_ in ("since", "until", "before"))):
                continue  # "the first time since the council met in 2017": a landmark, counted where it is told
            if tl is not None:
                dates, factor = [tl.value], 1.0
            else:
                dates, factor = _sc_dates(work, sent, tok)
            if not dates and held and tok.tag_ in ("VBZ", "VBP") and work.published and not _RECUR.search(sent.text) \
                    and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
                # a live report: "The procedural vote is in: 12 in favour, 2 against. The meeting goes ahead." (today)
                prev_s = work.sents[si - 1] if si > 0 and "\n\n" not in work.text[work.sents[si - 1].end - 2:sent.start + 1] else None
                if _council_counts(sent.text)[0] is not None or (prev_s is not None and _council_counts(prev_s.text)[0] is not None):
                    dates, factor = [work.published[:10]], 0.8
                    if prev_s is not None and _council_counts(sent.text)[0] is None:
                        yes_prev = _council_counts(prev_s.text)
                        _emit_council(work, [prev_s, sent], 0.6, dates[0], "held", *yes_prev)
                        done = True
                        continue
            if not dates and not held:
                # "the meeting, planned for Monday, was cancelled": the month it was planned for; else a recent event
                inside = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
                planned = [d for d in sent.dates if (dt := _token_at(sent, d.start)) is not None and dt.i in inside]
                fb = planned[0].value[:7] if planned else _recent_fallback(work, sent, tok)
                dates, factor = ([fb], 0.8) if fb else ([], 0.0)
            if not dates:
                continue
            outcome = "held" if held else "blocked"
            yes = no = ab = None
            spans = [sent]
            if held:
                yes, no, ab = _council_counts(sent.text)
                if yes is None and len(dates) == 1:
                    (yes, no, ab), more = _counts_after(work, si, dates[0])
                    spans += more
            conf = (0.7 if held else 0.6) * max(0.8, factor) + (0.05 if yes is not None else 0.0)
            for d in dates:
                _emit_council(work, spans, conf, d, outcome, yes if len(dates) == 1 else None,
                              no if len(dates) == 1 else None, ab if len(dates) == 1 else None)
            done = True
        if not done and tl is None and not re.search(r"\bresolution\b", sent.text, re.I):
            # "- The first, on 22 December 2014, followed a procedural vote of eleven to two, with two abstentions":
            # a dated procedural tally of the Council (at most its fifteen members; nine carry it)
            yes, no, ab = _council_counts(sent.text)
            if yes is not None and 9 <= yes and yes + no + (ab or 0) <= 15 and not _SC_OFF_TOPIC.search(sent.text) \
                    and not re.search(r"\b(?:adopt\w*|unanimous\w*|draft|text|statement)\b", sent.text, re.I) and re.search(r"\b(?:vote|voted|margin|tally|favou?r)\b", sent.text, re.I):
                vm = re.search(rf"\b{_NUM}\b", sent.text[re.search(r"\b(?:vote|voted|margin|tally|favou?r)\b", sent.text, re.I).start():])
                dm = _near_date(sent, sent.start + (vm.start() if vm else 0))
                if dm is not None and not re.search(r"\bsince\s*$", sent.text[:dm.start - sent.start], re.I):
                    _emit_council(work, [sent], 0.6, dm.value, "held", yes, no, ab)
                    done = True
        if not done and tl is not None and _sc_topic(work, si):
            # "- December 9, 2016: again 9 in favor, with five against and one abstention": a dated tally
            yes, no, ab = _council_counts(sent.text)
            if yes is not None and not re.search(r"\bresolution\b", sent.text, re.I):
                _emit_council(work, [sent], 0.65, tl.value, "held", yes, no, ab)


_UNLIKE_RANGE = re.compile(r"\bunlike\s+(?:in\s+)?(?:the\s+years\s+)?(?:from\s+)?((?:19|20)\d\d)\s*(?:to|through|until|-|\u2013)\s*((?:19|20)\d\d)\b", re.I)
_THROUGH = re.compile(r"\b(?:each|every)\s+(?P<m>" + "|".join(_MONTHS) + r"|year)\s+(?:through|until|till|up to)\s+((?:19|20)\d\d)\b", re.I)


def _council_runs(work: Work, si: int, sent: Sent) -> bool:
    """Runs of yearly meetings stated without both ends: "Unlike in 2014 to 2017, the Council did not discuss it this
    year" (held each of those years), "It met on the topic each December through 2017" (from the first meeting told)."""
    um = _UNLIKE_RANGE.search(sent.text)
    if um:
        a, b = int(um.group(1)), int(um.group(2))
        tok = next((t for t in sent.span if t.lemma_.lower() in ("discuss", "meet", "hold", "convene", "take", "debate")
                    and t.pos_ in ("VERB", "AUX")), None)
        if tok is not None and 0 < b - a <= 15 and (_negated(tok) or re.search(r"\b(?:no|not)\b", sent.text[um.end():], re.I)):
            for y in range(a, b + 1):
                _emit_council(work, [sent], 0.6, str(y), "held")
            return True
    tm = _THROUGH.search(sent.text)
    if tm and not _RANGE.search(sent.text):
        tok = next((t for t in sent.span if t.lemma_.lower() in ("meet", "convene", "discuss", "hold", "take") and t.pos_ == "VERB"), None)
        if tok is None or _unreal(tok) or _negated(tok) or not (_sc_subject(sent, tok) or _sc_sentence(work, sent)):
            return False
        told = [f for f in work.facts if f.type == "council_meeting" and f.outcome == "held" and f.date and f.evidence.start < sent.start]
        if not told:
            return False
        a, b = int(min(f.date[:4] for f in told)), int(tm.group(2))
        unit = tm.group("m").lower()
        month = _MONTHS.index(unit) + 1 if unit in _MONTHS else None
        if not 0 < b - a <= 15:
            return False
        for y in range(a, b + 1):
            _emit_council(work, [sent], 0.6, f"{y}-{month:02d}" if month else str(y), "held")
        return True
    return False


# ---------------------------------------------------------------- mechanisms

_MECH_CUES = [
    (re.compile(r"\b(establish(?:ed|es|ing|ment)?|creat(?:ed|ion)|set(?:ting|s)? up|founded|founding|launch(?:ed)?)\b", re.I), "established"),
    (re.compile(r"\b(report)\b", re.I), "report_published"),
    (re.compile(r"\b(opened|opening|inaugurated)\b", re.I), "opened"),
    (re.compile(r"\b(closed|closure|shut down|shut)\b", re.I), "closed"),
]
_ANNIV = re.compile(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+anniversary\b|\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fifteenth|twentieth)\s+anniversary\b", re.I)


def _linked(sent: Sent, cue: Any, mention: Mention) -> bool:
    """The mention is an argument of the cue (or the cue modifies it) within its clause."""
    span = sent.span.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    cur = head
    for _ in range(4):
        if cur.i == cue.i:
            return True
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp") and cur is not head or cur.head.i == cur.i:
            break
        cur = cur.head
    cur = cue
    for _ in range(2):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if span.start <= cur.i < span.end:
            return True
    return False


_MECH_EXTRA = [
    # descriptions the linker leaves out: a lower-case "universal periodic review", "a UN human rights office ... in Seoul"
    (re.compile(r"\buniversal periodic review\b", re.I), "upr_dprk"),
    (re.compile(r"\b(?:UN|U\.N\.|United Nations|OHCHR)\s+(?:human rights\s+)?(?:field\s+)?office(?=\s+(?:was\s+)?(?:opened|set up|established|launched)\s+in\s+Seoul\b)", re.I), "ohchr_seoul"),
]


_MECH_DEFINITE = re.compile(r"\b(?:the|its)\s+(foundation|commission|cent(?:er|re))(?:['\u2019]s\b|(?=\s+(?:was|had|has|is|opened|closed)\b))", re.I)
_MECH_HEADS = {"founda": {"rok_nkhr_foundation"}, "commis": {"un_coi_dprk"}, "center": {"rok_nkhr_records_center"}}


def _sent_mechanisms(work: Work, sent: Sent) -> list[Mention]:
    """The mechanisms a sentence names: linked mentions that are not part of a body's name ("the Commission on Human
    Rights" is not the Commission of Inquiry), plus descriptions the linker leaves out."""
    bodies = _in(sent.mentions, "body")
    mechs = [m for m in _in(sent.mentions, "mechanism") if m.id != "unsc_dprk_hr_agenda"
             and not any(m.start < b.end and b.start < m.end for b in bodies)]
    for rx, mid in _MECH_EXTRA:
        for x in rx.finditer(sent.text):
            a = sent.start + x.start()
            if not any(m.id == mid for m in mechs):
                mechs.append(Mention(a, sent.start + x.end(), x.group(0), "mechanism", mid, "description"))
    for x in _MECH_DEFINITE.finditer(sent.text):
        # "closed the foundation's empty office": the one foundation (commission, records center) the document named before
        head = x.group(1).lower()
        a = sent.start + x.start(1)
        prior = {m.id for m in work.mentions if m.kind == "mechanism" and m.end <= a and m.id in _MECH_HEADS[head.rstrip("e").replace("centr", "center")[:6]]}
        if not prior and head == "foundation" and any(m.id == "rok_nkhra_2016" for m in work.mentions if m.start < a) \
                and re.search(r"\bfoundation\b", work.text[:sent.start + x.start()], re.I):
            # "a foundation to support research, as the 2016 act requires ... the foundation's office": the act's foundation
            prior = {"rok_nkhr_foundation"}
        if len(prior) == 1 and not any(m.start <= a < m.end for m in mechs):
            mechs.append(Mention(a, sent.start + x.end(1), x.group(1), "mechanism", prior.pop(), "description"))
    return sorted(mechs, key=lambda m: m.start)


def _mechanisms(work: Work) -> None:
    for si, sent in enumerate(work.sents):
        _members_appointed(work, si, sent)
        mechs = _sent_mechanisms(work, sent)
        if not mechs:
            _review_dates(work, si, sent)
            _mech_anaphora(work, si, sent)
            continue
        low = sent.text.lower()
        if re.search(r"\b(upcoming|next|forthcoming|future)\b[^.]{0,30}anniversary", low):
            continue
        anniv = _ANNIV.search(sent.text)
        for mech in mechs:
            rel = mech.start - sent.start
            after = sent.text[mech.end - sent.start: mech.end - sent.start + 30]
            before = sent.text[max(0, rel - 40): rel]
            is_report = bool(re.match(r"['\u2019]?s?\s*(?:\w+\s+){0,2}?reports?\b|\s*,\s*whose\s+(?:final\s+)?report\b", after, re.I)) or bool(re.search(r"\breport (?:of|by) (?:the )?$", before, re.I))
            own = re.match(r"\s*(?:\([^)]*\)\s*)?(?:\w+\s+){0,6}?(?:said|stated|found|concluded|wrote|documented)\s+in\s+its\s+((?:[\w,]+\s+){0,3})report\b",
                           sent.text[mech.end - sent.start:], re.I)
            if own and own.group(1).strip():
                # "the commission said in its February 2014 report that ...": the date inside "its ... report"
                lo = mech.end + own.start(1)
                od = next((d for d in sent.dates if lo <= d.start < mech.end + own.end(1)), None)
                if od is not None:
                    _add(work, [sent], 0.72, type="mechanism_event", mechanism=mech.id, event="report_published", date=od.value)
                    continue
            event = None
            date = None
            conf = 0.75
            if anniv:
                n = int(anniv.group("n")) if anniv.group("n") else ORDINALS[anniv.group("w").lower()]
                explicit = bool(re.search(r"\b(this year|today)\b", low))
                other = [d for d in sent.dates if not re.search(r"\bsince\s*$", sent_text_before(sent, d.start)[-12:], re.I)]
                if work.published and (explicit or other or re.search(r"\b(mark\w*|celebrat\w*|commemorat\w*)\b", low)):
                    is_report = is_report or bool(re.search(r"\breport (?:of|by) (?:the )?(?:\S+ ){0,3}$", sent.text[:rel], re.I))
                    if is_report:
                        event = "report_published"
                    elif re.search(r"\b(establishment|creation|founding|launch)\b", low):
                        event = "established"
                    elif mech.id in ("ohchr_seoul", "rok_nkhr_records_center"):
                        event = "opened"  # an office's anniversary is that of its opening
                    if event:
                        # the anniversary falls in the year the sentence is dated (else the story's year)
                        base = int(other[0].value[:4]) if other and not explicit else int(work.published[:4])
                        date = str(base - n)
                        conf = 0.7 if (explicit or other) else 0.65
            if event is None and is_report:
                yr = re.search(r"\b((?:19|20)\d\d)\s+(?:\w+\s+){0,4}$", before)
                verb = re.search(r"\b(published|released|issued|circulated|presented|unveiled|found|concluded|made public)\b", low)
                dm = None
                if yr:
                    date = yr.group(1)
                else:
                    vtok = _token_at(sent, sent.start + verb.start()) if verb else None
                    if vtok is not None and vtok.pos_ in ("VERB", "AUX"):
                        dm, _f = _attached_date(work, sent, vtok)  # the date of the publishing clause, not the story's
                    else:
                        dm = _near_date(sent, mech.start)
                    date = _of_that_year(work, sent, dm)
                if date and (yr or verb):
                    event = "report_published"
                    conf = 0.72
            if event is None:
                # "The commission ... published its report in February", "delivered its findings", "made its report public"
                _report_verb(work, sent, mech.id, lambda subj: mech.start <= subj.idx < mech.end)
            if event is None and mech.id == "un_coi_dprk" and not is_report:
                # "the commission of inquiry concluded in February that ...", "Six years ago, the COI ... found that":
                # the commission's findings are its report
                for t in sent.span:
                    if t.lemma_.lower() in ("conclude", "find") and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") \
                            and any(c.dep_ == "ccomp" for c in t.children) and not _unreal(t) and not _negated(t):
                        subj = _subject(t)
                        if subj is not None and mech.start <= subj.idx < mech.end:
                            troot = _clause_root(t)
                            own = [d for d in sent.dates if _token_at(sent, d.start) is not None
                                   and _clause_root(_token_at(sent, d.start)).i == troot.i]
                            if own:
                                # its own fact: the sentence may also state the establishment
                                _add(work, [sent], 0.68, type="mechanism_event", mechanism=mech.id,
                                     event="report_published", date=own[0].value)
                            break
            if event is None and mech.id == "upr_dprk" and not is_report:
                dm = _apposed_date(work, sent, _near_date(sent, mech.start))
                mtok = _token_at(sent, mech.start)
                gov = next((a for a in mtok.ancestors if a.pos_ in ("VERB", "AUX")), None) if mtok is not None else None
                if gov is not None and gov.lemma_.lower() in ("review", "examine", "undergo", "face", "hold", "conduct", "scrutinize") \
                        and (_unreal(gov) or _negated(gov)):
                    dm = None  # "North Korea will be reviewed under the UPR on Thursday": not held yet
                if dm and dm.precision == "day" and re.search(r"\b(review|upr)\b", low):
                    tok = _token_at(sent, mech.start)
                    if tok is not None and not _unreal(tok):
                        event, date, conf = "review_held", dm.value, 0.72
                if event is None:
                    # "was reviewed under the UPR in May 2014", "last faced the Universal Periodic Review, in May 2014"
                    for t in sent.span:
                        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ("review", "examine", "face", "undergo", "scrutinize") \
                                and abs(t.idx - mech.start) <= 80 and t.tag_ in ("VBD", "VBN", "VBZ") \
                                and not _unreal(t) and not _negated(t):
                            rdm, _f = _attached_date(work, sent, t)
                            rdm = _apposed_date(work, sent, rdm)
                            if rdm is None:
                                # "When it last faced the UPR, in May 2014, ...": a date set off right after the clause
                                edge = t.right_edge.idx + len(t.right_edge.text)
                                if t.right_edge.text != ",":
                                    edge += 1  # the comma must follow the clause
                                rdm = next((d for d in sent.dates if 0 <= d.start - edge <= 6
                                            and re.fullmatch(r"\s*,\s*(?:in\s+|on\s+)?", work.text[edge - 1:d.start] + " ")), None)
                            if rdm is not None and rdm.precision in ("day", "month"):
                                event, date, conf = "review_held", rdm.value, 0.7
                                break
            if event is None:
                for rx, ev in _MECH_CUES:
                    if ev == "report_published" or event is not None:
                        continue
                    for m in rx.finditer(sent.text):
                        event, date, conf = _mechanism_cue(work, sent, mech, m, ev) or (None, None, conf)
                        if event is not None:
                            break
            tl = _timeline_date(sent)
            if tl is not None:
                # a dated row of a timeline ("17 Feb 2014 | Commission of Inquiry report made public in Geneva"): telegraphic,
                # its heading dates it
                event = event or _mech_row(sent, mech)
                date = tl.value if event and not (date and _agree(tl.value, date)) else date
            if event:
                _add(work, [sent], conf, type="mechanism_event", mechanism=mech.id, event=event, date=date)


def _mech_row(sent: Sent, mech: Mention) -> str | None:
    """The event a telegraphic timeline row states of the mechanism, read from the words around its name."""
    if re.search(r"\b(?:not|no|never|plans?|proposed|to be)\b", sent.text, re.I):
        return None
    before = sent.text[:mech.start - sent.start]
    after = sent.text[mech.end - sent.start:]
    if re.search(r"\b(?:establish|creat|set(?:s|ting)? up|found)\w*\s+(?:a|an|the)?\s*$", before, re.I):
        return "established"
    if re.match(r"['\u2019]?s?\s+(?:final\s+)?report\b[^|;]{0,20}?\b(?:made public|published|released|issued|presented)\b", after, re.I):
        return "report_published"
    if re.search(r"\b(?:opens|opened|inaugurates|inaugurated|launches|launched)\s+(?:its|a|the|new)?\s*(?:\w+\s+)?$", before, re.I):
        return "opened"
    if re.search(r"\b(?:names?|named|appoints?|appointed)\b[^|;]{0,100}\bto (?:serve on|sit on|join)\s+(?:the\s+)?$", before, re.I):
        return "members_appointed"
    return None


def _of_that_year(work: Work, sent: Sent, dm: Any) -> str | None:
    """"in February of that year": the month in the year the sentence wrote out before it."""
    if dm is None:
        return None
    if dm.precision == "month" and re.match(r"\s+of\s+(?:that|the same)\s+year\b", work.text[dm.end:dm.end + 25], re.I):
        years = re.findall(r"\b((?:19|20)\d\d)\b", work.text[sent.start:dm.start])
        if years:
            return f"{years[-1]}-{dm.value[5:7]}"
    return dm.value


_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)


def _apposed_date(work: Work, sent: Sent, dm: Any) -> Any:
    """"on Thursday, 7 November": the written-out date a weekday is set beside, not the weekday's own reckoning."""
    if dm is None or not _WEEKDAY.match(dm.text.strip()):
        return dm
    nxt = next((d for d in sent.dates if d.start >= dm.end and re.fullmatch(r"\s*,?\s*(?:the\s+)?", work.text[dm.end:d.start])), None)
    return nxt if nxt is not None and nxt.precision == "day" else dm


_REPORT_VERBS = {"publish", "release", "issue", "present", "submit", "deliver", "make", "unveil", "hand"}
_ANAPHORS = {"panel", "commission", "inquiry", "coi"}


def _report_verb(work: Work, sent: Sent, mid: str, is_mech: Any) -> bool:
    """A mechanism publishing its report: "published its report in February", "delivered its findings in February 2014",
    "made its report public", "handed over its report"; the subject must be the mechanism (is_mech)."""
    for t in sent.span:
        lem = t.lemma_.lower()
        if lem not in _REPORT_VERBS or t.pos_ != "VERB":
            continue
        objs = [c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in ("report", "finding")]
        if lem == "make":
            # "made its report public": parsed as a small clause, "report" the subject of "public"
            objs += [g for c in t.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.lower_ == "public"
                     for g in c.children if g.dep_ == "nsubj" and g.lemma_.lower() in ("report", "finding")]
        if not objs:
            continue
        if lem == "make" and not any(c.lower_ == "public" for c in t.subtree if c.dep_ in ("oprd", "ccomp", "acomp", "amod", "advmod", "xcomp")):
            continue
        if lem == "hand" and not any(c.dep_ == "prt" and c.lower_ in ("over", "in") for c in t.children):
            continue
        if objs[0].lemma_.lower() == "finding" and lem not in ("publish", "release", "deliver", "issue", "make"):
            continue
        subj = _subject(t)
        if subj is None or not is_mech(subj) or _unreal(t) or _negated(t):
            continue
        dm, _f = _attached_date(work, sent, t)
        dm = _apposed_date(work, sent, dm)
        if dm is None:
            # "published its findings, in February 2014, that ...": a date set off right after the object
            edge = objs[0].idx + len(objs[0].text)
            dm = next((d for d in sent.dates if re.fullmatch(r"\s*,\s*(?:in\s+|on\s+)?", work.text[edge:d.start])), None)
        if dm is not None:
            # its own fact: the same sentence may also state the establishment
            _add(work, [sent], 0.72, type="mechanism_event", mechanism=mid, event="report_published", date=dm.value)
            return True
    return False


def _mech_anaphora(work: Work, si: int, sent: Sent) -> None:
    """A sentence naming no mechanism whose subject ("The panel, created by the Human Rights Council in 2013, made its
    report public in February 2014") refers to the one commission the sentence before names."""
    prev = [x for s2 in _prev(work, si, 2) for x in _sent_mechanisms(work, s2)]
    if len({x.id for x in prev}) != 1 or prev[0].id not in ("un_coi_dprk", "upr_dprk"):
        return
    mid = prev[0].id
    for t in sent.span:
        # "A draft report was circulated four days later, on 11 November": the review's (the commission's) report
        if t.lemma_.lower() in ("circulate", "publish", "release", "issue", "adopt") and t.pos_ == "VERB" and t.tag_ == "VBN" \
                and any(c.dep_ == "auxpass" for c in t.children) and not _unreal(t) and not _negated(t):
            subj = next((c for c in t.children if c.dep_ == "nsubjpass" and c.lemma_.lower() == "report"), None)
            if subj is None or any(c.dep_ in ("poss", "compound", "prep") and c.lower_ not in ("draft", "final", "its") for c in subj.children):
                continue
            dm, _f = _attached_date(work, sent, t)
            dm = _apposed_date(work, sent, dm)
            if dm is not None and dm.precision == "day":
                _add(work, [sent], 0.6, type="mechanism_event", mechanism=mid, event="report_published", date=dm.value)
                return
    if mid != "un_coi_dprk":
        return
    def anaphor(subj: Any) -> bool:
        return subj.lemma_.lower() in _ANAPHORS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)
    if _report_verb(work, sent, mid, anaphor):
        for t in sent.span:
            if anaphor(t):
                for acl in (c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"
                            and c.lemma_.lower() in ("create", "establish", "set", "form", "launch")):
                    dm, _f = _attached_date(work, sent, acl)
                    if dm is not None:
                        _add(work, [sent], 0.65, type="mechanism_event", mechanism=mid, event="established", date=dm.value)
                break


_MEMBERS = re.compile(r"\b(?:named|appointed|chosen|selected|picked|tapped)\s+(?:to\s+(?:chair|head|lead|join|serve on|sit on)|as\s+(?:its\s+|the\s+)?(?:chair\w*|members?|head)\b)|"
                      r"\bmembers\b[^.;]{0,60}?\b(?:were|had been|have been)\s+(?:named|appointed|chosen|selected)\b", re.I)


def _members_appointed(work: Work, si: int, sent: Sent) -> None:
    """"Michael Kirby was named to chair it and Sonja Biserko to join it in May 2013": the members of a mechanism
    (named in the sentence, or "it" for the one named in the sentences before) were appointed."""
    mm = _MEMBERS.search(sent.text)
    if not mm:
        return
    mechs = _sent_mechanisms(work, sent)
    if not mechs:
        if not re.search(r"\b(?:it|its)\b", sent.text[mm.start():], re.I):
            return
        mechs = [x for s2 in reversed(_prev(work, si, 2)) for x in _sent_mechanisms(work, s2)][:1]
        if not mechs or mechs[0].id not in ("un_coi_dprk", "rok_nkhr_foundation"):
            return
    mech = mechs[0]
    if mech.id not in ("un_coi_dprk", "rok_nkhr_foundation"):
        return  # bodies with members
    tok = _token_at(sent, sent.start + mm.start())
    if tok is None:
        return
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok)
    if _unreal(verb) or _negated(verb) or _hedged(verb):
        return
    dm, _f = _attached_date(work, sent, verb)
    if dm is None:
        dm = next((d for d in sent.dates if d.start > sent.start + mm.start()), None)
    if dm is None:
        return
    _add(work, [sent], 0.65, type="mechanism_event", mechanism=mech.id, event="members_appointed", date=dm.value)


_REVIEWS = re.compile(r"\breviews?\b[^.;]{0,40}?\b(?:took place|were held|was held|happened|were conducted)\b"
                      r"|\b(?:cycle|round)\b[^.;]{0,30}?\b(?:reviewed|examined)\b", re.I)


def _review_dates(work: Work, si: int, sent: Sent) -> None:
    """"North Korea's previous reviews took place in December 2009, in May 2014 and in May 2019", the Universal Periodic
    Review named before in the document: one review per dated occasion."""
    rm = _REVIEWS.search(sent.text)
    if not rm:
        return
    if not any(x.id == "upr_dprk" for s2 in work.sents[:si] for x in _sent_mechanisms(work, s2)):
        return
    tok = _token_at(sent, sent.start + rm.end() - 1)
    if tok is None:
        return
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if _unreal(verb) or _negated(verb) or _hedged(verb):
        return
    root = _clause_root(verb)
    for d in sent.dates:
        if d.start < sent.start + rm.end() or d.precision not in ("day", "month"):
            continue
        dtok = _token_at(sent, d.start)
        if dtok is None or _clause_root(dtok).i != root.i:
            continue
        _add(work, [sent], 0.65, type="mechanism_event", mechanism="upr_dprk", event="review_held", date=d.value)


def _mechanism_cue(work: Work, sent: Sent, mech: Mention, m: Any, ev: str) -> tuple | None:
    """(event, date, confidence) when the cue match m is an event of this mechanism, else None."""
    char = sent.start + m.start()
    if abs(char - mech.start) > 120:
        return None
    tok = _token_at(sent, char)
    own_clause = tok is not None and tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    negated = tok is not None and (any(c.dep_ == "neg" for c in tok.children) if own_clause else _negated(tok))
    if tok is None or _unreal(tok) or negated or _imperative(tok):
        return None  # "4. Launch the foundation": a demand, not an event ("has never been launched, and its office
        # was closed in 2018": the second clause has its own subject, and no negation)
    if ev == "established" and _agent(tok) is not None and any(c.dep_ == "nsubjpass" for c in tok.children) and \
            _agent(tok).idx <= mech.start < _agent(tok).right_edge.idx + len(_agent(tok).right_edge.text):
        return None  # "the mandate was created by the Commission": the mechanism made something else
    if ev == "established":
        for o in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
            inside = [p for p in o.children if p.dep_ == "prep" and p.lower_ in ("for", "on", "to")
                      and any(mech.start <= g.idx < mech.end for g in p.subtree)]
            if inside and not (mech.start <= o.idx < mech.end):
                return None  # "set up a preparatory committee for the Foundation": something made for it
    office = ev == "closed" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "office" for c in tok.children)
    # "the office ... since its opening in June 2015": a noun cue whose possessor "its" is the mechanism named before
    its = tok.pos_ == "NOUN" and mech.end <= char and any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children) \
        and not any(x.kind in ("mechanism", "body", "instrument") and mech.end <= x.start < char for x in sent.mentions)
    if not office and not its and not _linked(sent, tok, mech):
        return None  # "opened an office ..., a step recommended by the Commission": not the COI's event
    if tok.pos_ == "NOUN" and (re.search(r"\b(call|push|plan|propos|urg|prepar)\w*\b[^.;]{0,40}$", sent.text[:m.start()], re.I)
                               or _governor_blocked(tok)):
        return None
    dm, _f = _attached_date(work, sent, tok)
    if dm is None:
        # "adopted a resolution, by which it decided to establish a commission": the adoption's date
        root = _clause_root(tok)
        while root.dep_ == "xcomp" and root.head.i != root.i:
            root = _clause_root(root.head)
        if root.dep_ == "relcl" and any(c.dep_ == "prep" and c.lower_ == "by" and any(g.lower_ == "which" for g in c.children)
                                        for c in root.children):
            dm, _f = _attached_date(work, sent, root.head)
    dm = _apposed_date(work, sent, dm)
    if dm is None and ev in ("opened", "closed"):
        return None
    if ev == "established" and mech.id in ("ohchr_seoul", "rok_nkhr_records_center") and tok.lemma_.lower() in ("launch", "inaugurate"):
        ev = "opened"  # "formally launched a field-based structure in Seoul": an office opens
    return ev, (dm.value if dm else None), 0.7


# ---------------------------------------------------------------- repatriations

_REPAT = re.compile(
    r"(?<!non-)(?<!non)\b(repatriat\w*|sent back|send(?:s|ing)? back|sen[dt]\w*\s+(?:[\w,-]+\s+){1,8}?back\b|handed back|handed (?:\w+\s+){1,4}?back\b|deport\w*|forcibly return(?:ed|s|ing)?|forced returns?|refoulement|returned [^.]{0,40}to north korea|returned (?:\w+\s+){0,3}(?:north koreans?|defectors|refugees|escapees|workers)|"
    r"(?:sent|sending|drove|driven|bused|bussed|trucked|escorted|marched|pushed|expelled)\s+(?:[\w,-]+\s+){1,8}?across the border|"
    r"(?:were|was|been|being|are|is|get|got)\s+(?:\w+ly\s+)?returned\b(?!\s+(?:to\s+(?:south korea|seoul|the south|their (?:families|homes))|home to the south|safely)))\b",
    re.I,
)
_RAISE_VERBS = {"raise", "discuss", "protest", "take up"}
_SMALL_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_SMALL = (r"(?:" + "|".join(sorted(_SMALL_WORDS, key=len, reverse=True)) + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?")
_WORD_NUM = r"(?:" + _WORD_SMALL + r"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?" + _WORD_SMALL + r")?){0,2})"
_COUNT_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + _WORD_NUM + r")"
_COUNT_QUAL = (r"(?:of|some|about|around|roughly|approximately|nearly|almost|more than|over|well over|close to|at least|"
               r"an estimated|estimated|up to|as many as|as few as|something like|perhaps|reportedly|another|a further|"
               r"by (?:some|one|most|their|its|official|unofficial|ngo|activists['\u2019]?) (?:estimates?|counts?|accounts?),?)")
_COUNT = re.compile(r"^\s*(?:" + _COUNT_QUAL + r"\s+)*" + _COUNT_NUM + r"\b(?!\s*(?:years?|months?|days?|percent|%|-year|-month))", re.I)


def _count_int(s: str | None) -> int | None:
    """A head count in digits or words: "2,600", "eighty", "six hundred", "two thousand five hundred"."""
    if s is None:
        return None
    s = s.lower().replace(",", "").strip()
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for w in re.split(r"[\s-]+", s):
        if w == "and":
            continue
        if w in _SMALL_WORDS:
            cur += _SMALL_WORDS[w]
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w == "thousand":
            total, cur = total + max(cur, 1) * 1000, 0
        else:
            return None
    return total + cur or None


def _repatriations(work: Work) -> None:
    pending: list[tuple] = []  # agentless returns ("The two men were sent back on Nov. 7"): the agent may come next
    for si, sent in enumerate(work.sents):
        if not _REPAT.search(sent.text):
            continue
        if sent.text.rstrip().endswith("?"):
            continue  # "Why does China send North Koreans back?": a question reports no return
        for m in _REPAT.finditer(sent.text):
            char = sent.start + m.start()
            tok = _cue_token(sent, char, sent.start + m.end())
            if tok is None:
                continue
            practice = _practice_agent(sent, tok)
            if practice is not None:
                # "raise forced repatriations with Beijing": the practice of the state it is raised with (undated)
                _add(work, [sent], 0.6, type="repatriation", by=practice)
                continue
            # "the government's decision earlier this month to send two fishermen back": a decision carried out
            # (whatever the parser attached the infinitive to)
            decided = re.search(r"\b(?:(?P<who>[\w.-]+)['\u2019]s|its|their)\s+decision\s+(?:(?:earlier|later|last|this|in|on)\s+(?:[\w.]+\s+){0,2}?)?to\s+$",
                                sent.text[:m.start()], re.I)
            if (_unreal(tok) and not decided) or _negated(tok):
                continue
            if re.search(r"\b(against|oppos\w*|halt|stop|end|calls? (?:on|for))\s+(?:\w+\s+){0,3}$", sent.text[:m.start()], re.I) and not re.search(r"\b(its|their)\s+(?:\w+\s+){0,2}$", sent.text[:m.start()]):
                continue
            by = _repat_agent(work, sent, tok, char)
            if by is None and decided and decided.group("who"):
                wtok = _token_at(sent, sent.start + decided.start("who"))
                if wtok is not None:
                    if wtok.lemma_.lower() in _GOV_NOUNS and _token_mention(sent, wtok, ("state",)) is None:
                        by = _government_state(work, sent, wtok)
                    else:
                        wm = _token_mention(sent, wtok, ("state",))
                        by = state_of(wm.id) if wm and state_of(wm.id) not in (None, "dprk") else None
            inherited = False
            agentless = (any(c.dep_ == "auxpass" for c in tok.children) and _agent(tok) is None) or (
                tok.tag_ == "VBN" and tok.dep_ == "acl" and _agent(tok) is None) or (
                tok.pos_ == "NOUN" and not any(c.dep_ in ("poss", "prep") and c.lower_ != "of" for c in tok.children))
            listed = tok.pos_ == "NOUN" and (tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children))
            if by is None and agentless and not listed:
                # ("torture, prison camps and the forced return of refugees": a listed abuse, no one's act)
                # "Smaller groups had been sent back over the summer", "a group of about 80 sent back on August 29":
                # the returning state of the story so far
                # (or an earlier return of the same sentence: "80 were returned from China ..., and 40 more were sent back")
                recent = [f for f in work.facts if f.type == "repatriation" and f.evidence.start < char]
                if recent and len({f.by for f in recent}) == 1:
                    by, inherited = recent[-1].by, True
            if by is None:
                if agentless and tok.pos_ in ("VERB", "AUX"):
                    pending.append((si, sent, m, tok, char))
                continue
            _emit_repat(work, sent, m, tok, char, by, inherited)
    for si, sent, m, tok, char in pending:
        # "The two men were sent back ... on Nov. 7. It was the first time South Korea had deported North Koreans":
        # the agent the next sentences give the same returns
        nxt = [f for f in work.facts if f.type == "repatriation" and f.by and any(
            s2.start <= f.evidence.start < s2.end for s2 in work.sents[si + 1:si + 3])]
        if len({f.by for f in nxt}) == 1:
            _emit_repat(work, sent, m, tok, char, nxt[0].by, True)


def _emit_repat(work: Work, sent: Sent, m: Any, tok: Any, char: int, by: str, inherited: bool) -> None:
    pairs = _count_date_pairs(sent, sent.start + m.end())
    if len(pairs) >= 2:
        # "including about 80 people at the end of August and around 40 in mid-September"
        for count, date in pairs:
            _add(work, [sent], 0.7 - (0.1 if inherited else 0), type="repatriation", by=by, count=count, date=date)
        return
    after = sent.text[m.end():m.end() + 120]
    inner = re.match(r"(?:sen[dt]|handed|drove|driven|bused|bussed|trucked|escorted|marched|pushed|expelled)\w*\s+(.*?)(?:back|across the border)$", m.group(0), re.I)
    if inner and inner.group(1).strip():
        after = inner.group(1)  # "sent two fishermen back": the count sits inside the cue
    after = re.sub(r"^\s*from\s+(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}(?=\s+of\s)", "", after)  # "return from China of 600"
    cm = _COUNT.match(after)
    if cm is None:
        # "returned a large number of North Koreans, by some estimates about 600 people": the estimate in apposition
        cm = re.match(r"\s*(?:a (?:large|small|great|significant) (?:number|group) of|large numbers of|hundreds of|dozens of)\s+"
                      r"(?:[\w'\u2019-]+\s+){1,3}?(?:[\w'\u2019-]+),\s*(?=(?:" + _COUNT_QUAL + r"\s+)*(?:\d|[a-z]+\s+(?:people|persons|north koreans)))",
                      after, re.I)
        cm = _COUNT.match(after[cm.end():]) if cm else None
    count = _count_int(cm.group(1)) if cm else None
    if count is None:
        back = re.search(r"\b(\d{1,3}(?:,\d{3})+|\d{2,}|(?!one\b)" + _WORD_NUM + r")\s+(?:\w+\s+){0,2}?(?:north korean\s+)?(?:defectors|refugees|escapees|people|north koreans|women|men|fishermen|sailors|workers|persons|more|others)\b[^.]{0,50}$", sent.text[:m.start()], re.I)
        if back and not re.search(r"\d", sent.text[back.end():m.start()]):
            count = _count_int(back.group(1))
    first = re.search(r"\bfirst\b", sent.text, re.I) is not None

    def landmark(d: DateMention | None) -> bool:
        # "the first time ... since the 1953 armistice": the date of the comparison, not of the return
        return d is not None and first and re.search(r"\bsince\b[^,.;]{0,20}$", sent_text_before(sent, d.start)) is not None
    dm, _f = _attached_date(work, sent, tok, skip_since=first)
    dm = _apposed_date(work, sent, dm)  # "on Monday, 9 October"
    if landmark(dm):
        dm = None
    date = dm.value if dm else None
    if dm is None and sent.dates:
        # an undated return in a sentence that dates its other events: that year
        near = _near_date(sent, char, skip_since=first)
        date = near.value[:4] if near and not landmark(near) else None
    conf = 0.75 + (0.05 if count else 0) + (0.05 if date else 0) - (0.1 if inherited else 0)
    _add(work, [sent], conf, type="repatriation", by=by, count=count, date=date)


_GOV_NOUNS = {"government", "authorities", "administration", "police"}


def _government_state(work: Work, sent: Sent, t: Any) -> str | None:
    """An unnamed government ("the government", "the previous government", "your government"): the state named last
    before it, in its sentence or the two before; none when that is North Korea or a modifier names no state."""
    if any(c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ") and c.lower_ not in ("previous", "current", "new", "former", "then", "local")
           for c in t.children):
        return None  # "the North Korean government", "the provincial authorities"
    ms = [x for x in sent.mentions if x.kind in ("state", "person") and x.end <= t.idx]
    if not ms:
        for s2 in reversed(_prev(work, sent.i, 3)):
            ms = [x for x in s2.mentions if x.kind in ("state", "person")]
            if ms:
                break
    if not ms:
        return None
    st = state_of(ms[-1].id)
    return st if st in STATES and st != "dprk" else None


def _practice_agent(sent: Sent, tok: Any) -> str | None:
    """The state with which a repatriation practice is to be raised ("raise forced repatriations with Beijing")."""
    t = tok
    if t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN":
        t = t.head  # "forced returns": the noun
    v = t.head if t.dep_ in ("dobj", "xcomp", "pcomp") else None
    if v is None or v.pos_ not in ("VERB", "AUX"):
        return None
    if _negated(v):
        return None
    def state_at(x: Any) -> str | None:
        mm = _token_mention(sent, x, ("state",))
        st = state_of(mm.id) if mm else None
        return st if st in STATES and st != "dprk" else None
    lemma = v.lemma_.lower()
    if lemma in _RAISE_VERBS:
        for x in (t, v):
            for c in x.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return state_at(g)
    return None


def _count_date_pairs(sent: Sent, after: int) -> list[tuple[int, str]]:
    """(count, date) pairs listed after a cue: "about 80 people at the end of August and around 40 in mid-September"."""
    pairs = []
    for d in sent.dates:
        if d.start < after:
            continue
        before = sent.text[max(0, d.start - sent.start - 50):d.start - sent.start]
        m = re.search(r"\b(\d{1,3}(?:,\d{3})+|\d+|(?!one\b)" + _WORD_NUM + r")\s+(?:[a-z]+\s+){0,2}?(?:(?:at|in|on|during)\s+(?:the\s+)?)?$", before)
        if m and _count_int(m.group(1)) is not None:
            pairs.append((_count_int(m.group(1)), d.value))
    return pairs


def _repat_agent(work: Work, sent: Sent, tok: Any, char: int) -> str | None:
    """Who returned them: the subject, the possessor ("China's repatriation", "its"), or "by X"."""
    cands = []
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("ROOT", "conj", "xcomp", "relcl"):
        agent = _agent(tok)
        if agent is not None:
            cands.append(agent)
        subj = _subject(tok)
        if subj is not None and subj.lower_ in ("that", "who", "which") and tok.head.lemma_.lower() == "be":
            # a cleft: "it was this government that sent two fishermen back"
            subj = next((c for c in tok.head.children if c.dep_ == "attr"), subj)
        if subj is not None:
            cands.append(subj)
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            # "Seoul's decision to deport two fishermen": the possessor of the governing noun
            cands.extend(ch for ch in tok.head.children if ch.dep_ == "poss")
    else:
        noun = tok if tok.pos_ == "NOUN" else tok.head
        for ch in noun.children:
            if ch.dep_ == "poss":
                cands.append(ch)
            if ch.dep_ == "prep" and ch.lower_ == "by":
                cands.extend(g for g in ch.children if g.dep_ == "pobj")
        if not cands and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            # "China ... completed the forced repatriation of 2,600": the doer of the governing verb
            subj = _subject(noun.head)
            if subj is not None:
                cands.append(subj)
    if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) and _agent(tok) is None:
        # "North Koreans caught in China were returned", "defectors held in Chinese detention were sent back":
        # the state they were held in returned them
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            for acl in (c for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_.lower() in ("catch", "detain", "arrest", "hold", "find", "seize", "capture", "round")):
                for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
                    for g in prep.children:
                        if g.dep_ == "pobj":
                            m = _token_mention(sent, g, ("state",))
                            st = state_of(m.id) if m else None
                            if st in STATES and st != "dprk":
                                return st
    if tok.pos_ == "NOUN" or (tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) and _agent(tok) is None):
        # "were returned from China to the DPRK", "the forced return from China of about 600": the state they left
        # (after the subject and possessor, which name no state here)
        def dest_elsewhere() -> bool:
            # "returned from China to South Korea's custody": a transfer elsewhere, not a return to the North
            for ch in tok.children:
                if ch.dep_ == "prep" and ch.lower_ == "to":
                    for g in ch.subtree:
                        mm = _token_mention(sent, g, ("state",))
                        if mm and state_of(mm.id) not in (None, "dprk"):
                            return True
            return False
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "from" and not dest_elsewhere():
                cands.extend(g for g in ch.children if g.dep_ == "pobj")
    for t in cands:
        if t.lemma_.lower() in _GOV_NOUNS and _token_mention(sent, t, ("state", "body", "person")) is None:
            # "the previous government sent two fishermen back": the state the passage is about
            st = _government_state(work, sent, t)
            if st is not None:
                return st
            continue
        if t.lower_ in ("its", "it", "they", "their"):
            prev = [s for s in _in(sent.mentions, ("state",)) if s.end <= char]
            if prev and state_of(prev[-1].id) not in (None, "dprk"):
                return state_of(prev[-1].id)
            continue
        m = _token_mention(sent, t, ("state", "body", "person"))
        if m:
            st = state_of(m.id)
            if st and st != "dprk":
                return st
    return None


# ---------------------------------------------------------------- merging

def _agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    return a.startswith(b) or b.startswith(a)


def _more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


def _merge(facts: list[Fact]) -> list[Fact]:
    """One fact per event: duplicates and less informative restatements folded into the fullest one."""
    out: list[Fact] = []
    buckets: dict[tuple, list[Fact]] = {}  # only facts about the same thing can merge: keeps this linear
    for f in facts:
        merged = False
        key = (f.type, f.post or f.instrument or f.mechanism or f.by or f.state or f.outcome)
        for g in buckets.get(key, ()):
            if g.type != f.type:
                continue
            f_info, g_info = _informative(f), _informative(g)  # before g absorbs f's fields
            if f.type == "post_event":
                same = g.post == f.post and g.event == f.event and (
                    (g.person or g.person_name) == (f.person or f.person_name) or not (g.person or g.person_name) or not (f.person or f.person_name))
                if same and (_agree(g.date, f.date) or not g.date or not f.date):
                    if not g.person and f.person:
                        g.person, g.person_name = f.person, f.person_name
                    elif not g.person_name and f.person_name:
                        g.person_name = f.person_name
                    g.date = _more_precise(g.date, f.date)
                    g.confidence = max(g.confidence, f.confidence)
                    merged = True
            elif f.type == "post_vacancy":
                merged = g.post == f.post
            elif f.type == "instrument_event":
                if g.instrument == f.instrument and g.event == f.event and g.chamber == f.chamber and (
                        _agree(g.date, f.date) or not g.date or not f.date):
                    g.date = _more_precise(g.date, f.date)
                    g.yes = g.yes if g.yes is not None else f.yes
                    g.no = g.no if g.no is not None else f.no
                    merged = True
            elif f.type == "resolution_vote":
                # the same year's vote reported twice (e.g. the plenary lead and the committee tally)
                if g.instrument == f.instrument and _agree(g.date, f.date) and (g.body == f.body or (g.yes is None) != (f.yes is None)):
                    keep, drop = (g, f) if (g.yes is not None or f.yes is None) else (f, g)
                    date = _more_precise(g.date, f.date)
                    method = g.method or f.method
                    if keep is f:
                        g.body, g.method, g.yes, g.no, g.abstain, g.evidence = f.body, f.method, f.yes, f.no, f.abstain, f.evidence
                    g.method = g.method or method
                    g.date = date
                    merged = True
            elif f.type == "state_position":
                merged = (g.state, g.instrument, g.year, g.position) == (f.state, f.instrument, f.year, f.position)
            elif f.type == "council_meeting":
                merged = g.outcome == f.outcome and _agree(g.date, f.date)
            elif f.type == "mechanism_event":
                if g.mechanism == f.mechanism and g.event == f.event and (_agree(g.date, f.date) or not g.date or not f.date):
                    g.date = _more_precise(g.date, f.date)
                    merged = True
            elif f.type == "repatriation":
                if g.by == f.by and (_agree(g.date, f.date) or not f.date or not g.date) and (
                        g.count is None or f.count is None or g.count == f.count):
                    if g.count is None or f.count is None:
                        g.count = g.count if g.count is not None else f.count
                        g.date = _more_precise(g.date, f.date)
                        merged = True
            if merged:
                if f_info > g_info:
                    g.evidence = f.evidence  # the sentence that states the most is the one to show
                g.confidence = max(g.confidence, f.confidence)
                break
        if not merged:
            out.append(f)
            buckets.setdefault(key, []).append(f)
    return out


def _informative(f: Fact) -> int:
    return sum(v is not None for k, v in f.model_dump(exclude={"evidence", "confidence"}).items())


# ---------------------------------------------------------------- entry point

def _pieces(ctx: Any) -> Iterable[tuple[int, int, Any]]:
    """Parser sentences, cut again at blank lines (headings and menus must not glue onto the lead)."""
    text = ctx.text
    for span in ctx.sdoc.sents:
        s, e = span.start_char, span.end_char
        # (and before each row of a pipe table, "17 Feb 2014 | Commission of Inquiry report made public": one row, one event)
        cuts = [m.end() for m in re.finditer(r"\n[ \t]*\n\s*|\n(?=[ \t]*[^\n|]{1,30}[ \t]\|[ \t])", text[s:e])]
        bounds = [s] + [s + c for c in cuts] + [e]
        for a, b in zip(bounds, bounds[1:]):
            if not text[a:b].strip():
                continue
            sub = span if (a, b) == (s, e) else ctx.sdoc.char_span(a, b, alignment_mode="expand")
            if sub is None or len(sub) == 0:
                continue
            yield a, b, sub


def _joined(ctx: Any) -> Iterable[tuple[int, int, Any]]:
    """Pieces re-joined across hard line wraps ("voted to override China's objections\nand formally add")."""
    text = ctx.text
    cur: list | None = None
    for a, b, span in _pieces(ctx):
        if cur is not None:
            gap = text[cur[1]:a] if a >= cur[1] else ""
            prev = text[cur[0]:cur[1]].rstrip()
            nxt = text[a:b].lstrip()
            wrapped = ("\n\n" not in text[max(0, cur[1] - 2):a + 1] and prev and prev[-1] not in ".!?:\"\u201d)"
                       and nxt and (nxt[0].islower() or prev[-1] in ",;-" or re.search(r"\b(the|of|and|a|an|to|in|on|by)$", prev)))
            if wrapped and not gap.strip():
                cur = [cur[0], b, None]
                continue
            yield cur[0], cur[1], cur[2] if cur[2] is not None else ctx.sdoc.char_span(cur[0], cur[1], alignment_mode="expand")
        cur = [a, b, span]
    if cur is not None:
        yield cur[0], cur[1], cur[2] if cur[2] is not None else ctx.sdoc.char_span(cur[0], cur[1], alignment_mode="expand")


def build_sentences(ctx: Any, dates: list[DateMention], mentions: list[Mention], skip: tuple[int, int] | None = None) -> list[Sent]:
    text = ctx.text
    out = []
    if skip:
        # the dateline's own date ("SEOUL, Oct. 11 (Yonhap) --") dates the story, not an event
        dates = [d for d in dates if not (skip[0] <= d.start < skip[1])]
    m_starts = [m.start for m in mentions]
    d_starts = [d.start for d in dates]
    # Doc.ents walks the whole document: read the people once, not per sentence
    people = [(e.start_char, e.end_char, e.text) for e in ctx.sdoc.ents if e.label_ == "PERSON"]
    p_starts = [p[0] for p in people]
    for s, e, span in _joined(ctx):
        mi, mj = bisect.bisect_left(m_starts, s), bisect.bisect_left(m_starts, e)
        if mi > 0 and mentions[mi - 1].end > s:
            mi -= 1  # a name broken over the sentence cut ("U.N.\nSecurity Council") belongs to both
        di, dj = bisect.bisect_left(d_starts, s), bisect.bisect_left(d_starts, e)
        pi, pj = bisect.bisect_left(p_starts, s), bisect.bisect_left(p_starts, e)
        out.append(Sent(s, e, span, mentions[mi:mj], dates[di:dj], text[s:e], len(out), people[pi:pj]))
    return out


def extract_facts(ctx: Any) -> list[Fact]:
    """Every codebook fact the document states, each with the sentence(s) it was read from."""
    text = ctx.text or ""
    if not text.strip() or ctx.sdoc is None:
        return []
    if not getattr(ctx, "dateline", None):
        dl = find_dateline(text, ctx.published)
        if dl:
            ctx.dateline = dl
    mentions = sorted(ctx.mentions or [], key=lambda m: m.start)
    if not ctx.mentions:
        from nkmonitor.analyze.linking import link_mentions

        mentions = link_mentions(ctx)
        ctx.mentions = mentions
    dates = resolve_dates(ctx)
    skip = dateline_span(text)
    work = Work(ctx=ctx, text=text, published=ctx.published, sents=build_sentences(ctx, dates, mentions, skip),
                mentions=mentions, author=None)
    work.author = _author(work)
    for sent in work.sents:
        sent_posts = {m.id for m in _in(sent.mentions, "post")}
        if len(sent_posts) == 1:
            for m in _in(sent.mentions, "person"):
                if not _titled(work, m.start, m.end):
                    work.person_posts.setdefault(m.id, set()).update(sent_posts)
    for step in (_post_events, _vacancies, _instruments, _resolutions, _resolution_refs, _mandate_votes, _state_positions, _council, _mechanisms, _repatriations):
        step(work)
    _finish_vacancies(work)
    _drop_congress_passage(work)
    facts = _merge(work.facts)
    facts.sort(key=lambda f: (f.evidence.start, f.type))
    return facts
