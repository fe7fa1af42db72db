"""Entity linking: find mentions of posts, persons, bodies, states, instruments and mechanisms and link them to pack ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

COMPONENT = "linking"
VERSION = "1.0"
NEEDS = ("text", "pack")
SETS = ("mentions",)

KINDS = ("post", "person", "body", "state", "instrument", "mechanism")
LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

# how far back (characters) an anaphor ("the post", "the act") may look for its antecedent
ANAPHORA_WINDOW = 1500
SHORT_ALIAS = 4  # aliases this short are matched case-sensitively ("US" vs "us")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    id: str
    via: str  # alias | description | possessive | abbreviation | metonym | surname


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The extraction lexicon (cue words, variants, description patterns)."""
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------- trie regex

def _norm(surface: str) -> str:
    """Key used to look a matched surface up: apostrophes unified, spaces collapsed."""
    return re.sub(r"\s+", " ", surface.replace("\u2019", "'").replace("\u2018", "'")).strip()


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literals, built from a character trie so matching stays linear in the text."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = r"\s+"
            elif ch == "'":
                piece = "['\u2019]"
            else:
                piece = re.escape(ch)
            branches.append(piece + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return render(trie)


class AliasIndex:
    """Pack aliases plus lexicon variants, compiled into two trie regexes (case-blind and exact)."""

    def __init__(self, pack: Any):
        lex = load_lexicon()
        exact: dict[str, set[tuple[str, str]]] = {}
        # folded keys that may match in all lower case; "Human Rights Commission" written as
        # "national human rights commission" is some other commission
        self.lower_ok: set[str] = set()
        folded: dict[str, set[tuple[str, str]]] = {}
        entries: list[tuple[str, str, str]] = []
        if pack is not None:
            try:
                entries.extend((s, k, i) for s, k, i in pack.aliases())
            except Exception:  # a pack without aliases still lets the lexicon work
                pass
        for kind, table in (lex.get("aliases") or {}).items():
            for ident, surfaces in table.items():
                entries.extend((s, kind, ident) for s in surfaces)
        self.metonyms = {k: v for k, v in (lex.get("metonyms") or {}).items()}
        amb = lex.get("ambiguous_instruments") or {}
        self.ambiguous_instrument = {_norm(s).lower() for s in amb.get("surfaces", [])}
        self.ambiguous_ids = (amb.get("us"), amb.get("rok"))
        for surface, kind, ident in entries:
            if kind not in KINDS or not surface or not ident:
                continue
            key = _norm(surface)
            if not key or not re.search(r"\w", key):
                continue
            if kind == "post":
                continue  # posts are linked by their descriptions (see _link_posts), more reliably than by full labels
            if len(key) <= SHORT_ALIAS or key.isupper():
                exact.setdefault(key, set()).add((kind, ident))
            else:
                folded.setdefault(key.lower(), set()).add((kind, ident))
                if key == key.lower():
                    self.lower_ok.add(key.lower())
        for key in self.ambiguous_instrument:
            folded.setdefault(key, set()).add(("instrument", "?"))
            self.lower_ok.add(key)
        for city, state in self.metonyms.items():
            exact.setdefault(city, set()).add(("state", state))
        self.exact = exact
        self.folded = folded
        self.re_exact = re.compile(r"(?<![\w.])(" + _trie_pattern(exact) + r")(?![\w])") if exact else None
        self.re_folded = re.compile(r"(?<![\w])(" + _trie_pattern(folded) + r")(?![\w])", re.IGNORECASE) if folded else None

    def find(self, text: str) -> list[tuple[int, int, str, set]]:
        hits = []
        for rx, table, fold in ((self.re_folded, self.folded, True), (self.re_exact, self.exact, False)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                key = _norm(m.group(1))
                key = key.lower() if fold else key
                if fold and key not in self.lower_ok and m.group(1) == m.group(1).lower():
                    continue
                cands = table.get(key)
                if cands:
                    hits.append((m.start(1), m.end(1), m.group(1), cands))
        return hits


_INDEX_CACHE: dict[int, tuple[Any, AliasIndex]] = {}


def alias_index(pack: Any) -> AliasIndex:
    """The compiled alias index of a pack, built once per pack object."""
    key = id(pack)
    cached = _INDEX_CACHE.get(key)
    if cached is None or cached[0] is not pack:
        cached = (pack, AliasIndex(pack))
        _INDEX_CACHE[key] = cached
    return cached[1]


# ---------------------------------------------------------------- helpers

_STATE_PREFIX = {"us_": "us", "rok_": "rok", "dprk_": "dprk", "un_": None}
_STATES = ("us", "rok", "dprk", "china", "russia", "japan", "eu")


def state_of(entity_id: str | None, pack: Any = None) -> str | None:
    """The state an entity belongs to (a state is its own state); None for UN organs and NGOs."""
    if not entity_id:
        return None
    if entity_id in _STATES:
        return entity_id
    pack = pack if pack is not None else _CURRENT_PACK[0]
    if pack is not None:
        try:
            value = pack.state_of(entity_id)
            if value:
                return value
            # a person belongs to the state of their nationality (a president speaks for it)
            nationality = getattr(pack.get(entity_id), "nationality", None)
            if nationality in _STATES:
                return nationality
        except Exception:
            pass
    for prefix, state in _STATE_PREFIX.items():
        if entity_id.startswith(prefix):
            return state
    return None


_CURRENT_PACK: list = [None]  # the pack of the document being linked, for state_of calls without one


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Rough sentence around pos (used only for context windows, not evidence)."""
    left = max(text.rfind(". ", max(0, pos - 400), pos), text.rfind("\n", max(0, pos - 400), pos))
    start = left + 1 if left >= 0 else max(0, pos - 400)
    m = re.compile(r"[.!?]\s|\n\n").search(text, pos, min(len(text), pos + 400))
    end = m.start() + 1 if m else min(len(text), pos + 400)
    return start, end


# ---------------------------------------------------------------- posts

_POST_HEAD = re.compile(
    r"\b(special\s+rapporteur|rapporteur|high\s+commissioner|special\s+representative|special\s+envoy|envoy|"
    r"ambassador[-\s]at[-\s]large|ambassador)s?\b",
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"^\s*(?:for|on|of)\s+(?:the\s+)?((?:[\w.'\u2019()-]+\s+){0,9}?[\w.'\u2019()-]*?"
    r"(?:human\s+rights(?:\s+issues)?|north\s+korea(?:n)?|dprk|n\.\s*korea(?:n)?|democratic\s+people['\u2019]s\s+republic\s+of\s+korea)"
    r"(?:['\u2019]s)?(?:\s+(?:issues|human\s+rights|in\s+north\s+korea|in\s+the\s+dprk|in\s+the\s+democratic\s+people['\u2019]s\s+republic\s+of\s+korea))*)",
    re.IGNORECASE,
)
_OTHER_TOPIC = re.compile(r"^\s*(?:for|on|to|of)\s+(?:the\s+)?[\w.'\u2019-]+", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"(?:(?P<poss>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['\u2019]s\s+|(?P<adj>U\.S\.|US|American|South\s+Korean|"
    r"S\.\s*Korean|Korean|ROK|U\.N\.|UN|United\s+Nations)\s+)(?:(?:new|former|first|inaugural|current|next|"
    r"top|outgoing|incoming|then|sitting|own|human\s+rights|north\s+korean?|n\.\s*korean?)\s+)*$"
)
_HR_NEAR = re.compile(r"human\s+rights", re.IGNORECASE)


def _qualifier_state(text: str, start: int, index: AliasIndex) -> tuple[str | None, str | None, int]:
    """State named just before a post head ("Seoul's", "U.S.", "South Korean"), with its start."""
    window = text[max(0, start - 60):start]
    m = _QUALIFIER.search(window)
    if not m:
        return None, None, start
    qstart = start - len(window) + m.start()
    if m.group("poss"):
        word = _norm(m.group("poss"))
        state = _surface_state(word, index)
        return state, ("possessive" if state else None), qstart
    word = _norm(m.group("adj"))
    if word == "Korean" and re.search(r"\bNorth\s+$", window[:m.start("adj")]):
        if re.search(r"human\s+rights", window[m.start("adj"):], re.I):
            # "a North Korean human rights envoy": the topic in front of the title, not the state holding it
            return None, "topic", start
        return None, "foreign", start  # "North Korean Ambassador Kim Song": Pyongyang's own diplomat
    if word in ("U.N.", "UN", "United Nations"):
        return "un", "description", qstart
    return _surface_state(word, index), "description", qstart


def _surface_state(word: str, index: AliasIndex) -> str | None:
    if word in index.metonyms:
        return index.metonyms[word]
    for table, key in ((index.exact, word), (index.folded, word.lower())):
        for kind, ident in table.get(key, ()):
            if kind == "state":
                return ident
            if kind in ("person", "body"):
                return state_of(ident)
    low = word.lower()
    if "korean" in low and "north" not in low:
        return "rok"
    return None


def _link_posts(text: str, index: AliasIndex, lex: dict, prior: list[Mention]) -> list[Mention]:
    heads = lex["posts"]["heads"]
    by_state = lex["posts"]["envoy_by_state"]
    defaults = lex["posts"]["envoy_default"]
    out: list[Mention] = []
    last_post: list[Mention] = []
    state_mentions = [m for m in prior if m.kind in ("state", "person", "body")]
    for m in _POST_HEAD.finditer(text):
        head = re.sub(r"[\s-]+", " ", m.group(1).lower())
        head_key = head.replace("ambassador at large", "ambassador-at-large")
        target = heads.get(head_key) or heads.get(head)
        after = text[m.end():m.end() + 160]
        noun = re.match(r"\s+(?:post|position|job|seat)\b(?=\s+(?:for|on|of)\b)", after, re.I)
        if noun:
            # "the ambassador post for North Korean human rights": the title used as a modifier of "post"
            after = after[noun.end():]
        topic = _TOPIC.match(after)
        if topic and not re.search(r"korea|dprk", topic.group(0), re.I):
            topic = None  # "Ambassador for Human Rights": a general post, not the DPRK one
        end = m.end() + (noun.end() if noun else 0) + (topic.end() if topic else 0)
        state, via, qstart = _qualifier_state(text, m.start(), index)
        has_hr_topic = bool(topic)
        if via == "topic":
            has_hr_topic, via = True, None
        elif via == "foreign" and target == "envoy":
            continue
        if not has_hr_topic and target != "un_high_commissioner_hr" and _OTHER_TOPIC.match(after):
            # "ambassador to the U.N.", "special rapporteur on torture": some other post
            nxt = _OTHER_TOPIC.match(after).group(0).lower()
            if not re.search(r"north|dprk|korea", nxt):
                continue
        post: str | None = None
        if target != "envoy":
            if target == "us_special_representative_nk" and not (topic and re.search(r"korea|dprk", topic.group(0), re.I)):
                continue
            if target == "un_high_commissioner_hr" and not re.search(r"human\s+rights", text[m.end():m.end() + 30], re.I):
                continue
            if target == "un_special_rapporteur_dprk" and state not in (None, "un"):
                continue
            post = target
            via = via if via == "possessive" else ("description" if has_hr_topic or state == "un" else "description")
            if target == "un_high_commissioner_hr":
                end = m.end() + re.search(r"human\s+rights", text[m.end():m.end() + 30], re.I).end()
        else:
            if state in by_state:
                post = by_state[state]
                via = via or "description"
            elif has_hr_topic:
                # no qualifier: the nearest state named in the same sentence decides, else the title's usual holder
                s0, s1 = _sentence_bounds(text, m.start())
                near = [x for x in state_mentions if s0 <= x.start < s1 and state_of(x.id) in by_state
                        and not (m.start() <= x.start < end)]
                if not near and s0 > 1:
                    # "His administration filled the post": the state of the sentence before
                    p0, _p1 = _sentence_bounds(text, s0 - 2)
                    near = [x for x in state_mentions if p0 <= x.start < s0 and state_of(x.id) in by_state]
                if near:
                    near.sort(key=lambda x: abs(x.start - m.start()))
                    post = by_state[state_of(near[0].id)]
                else:
                    post = defaults.get(head_key) or defaults.get(head)
                via = "description"
            elif head_key in ("special envoy", "envoy", "ambassador-at-large", "ambassador"):
                # bare "the special envoy": the post most recently named, if close enough
                recent = [p for p in last_post if m.start() - p.end <= ANAPHORA_WINDOW and p.id in by_state.values()]
                # "the ambassador" refers back to an ambassador, "the envoy" to an envoy, when both were named
                same = [p for p in recent if head_key.split()[-1].split("-")[0] in p.text.lower()]
                recent = same or recent
                if recent:
                    post = recent[-1].id
                    via = "description"
                elif head_key == "special envoy":
                    # "Special envoy Robert King ... the first trip by a human rights envoy": the title's usual holder
                    s0, s1 = _sentence_bounds(text, m.start())
                    if _HR_NEAR.search(text[max(0, s0 - 300):s1]) and re.search(r"north\s+korea|dprk|pyongyang", text[max(0, s0 - 600):s1 + 300], re.I):
                        post = defaults.get(head_key)
                        via = "description"
            if post is None:
                continue
        start = qstart if via == "possessive" else m.start()
        mention = Mention(start, end, text[start:end], "post", post, via)
        out.append(mention)
        last_post.append(mention)
    if any(p.id in by_state.values() for p in out):
        # "The American post has been vacant since January 2017" in a text about the envoy posts: that state's post
        for m in re.finditer(r"\b(American|U\.S\.|South\s+Korean|Seoul['\u2019]s|Washington['\u2019]s)\s+(?:envoy\s+)?(post|position)\b(?!\s+(?:office|of|for|on|in|at)\b)", text):
            state = _surface_state(_norm(m.group(1)).replace("'s", "").replace("\u2019s", ""), index)
            if state in by_state and not any(o.start <= m.start() < o.end for o in out):
                out.append(Mention(m.start(), m.end(), m.group(0), "post", by_state[state], "description"))
        out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------- instruments

_RESOLUTION = re.compile(r"\bresolutions?\b", re.IGNORECASE)
_TEXT_ON_DPRK = re.compile(
    r"\b((?:draft\s+)?(?:text|draft))\s+(?:\w+\s+){0,3}?on\s+(?:the\s+)?(?:situation\s+of\s+)?human\s+rights\s+(?:situation\s+)?in\s+"
    r"(?:the\s+)?(?:Democratic\s+People['\u2019]s\s+Republic\s+of\s+Korea|DPRK|North\s+Korea)", re.I)
_BILL_NUMBER = re.compile(r"\b(?:H\.\s?R\.|S\.)\s?\d{2,5}\b")
_ANAPHOR_INSTR = re.compile(r"\b(?:the|this|that|its)\s+(?:(?:original|new|revised|amended|reauthorization|extension|\d{4})\s+)?(act|law|legislation|bill|measure|reauthorization|statute|ban|authori[sz]ations?)\b(?!\s+(?:of|on|for)\s+(?!\d{4}))", re.IGNORECASE)
_ANAPHOR_BODY = re.compile(r"\b(?:the|its|this)\s+(committee|council|assembly)\b(?!\s+(?:of|on|for)\b)", re.IGNORECASE)
_BODY_HEADS = {"committee": {"un_ga_third_committee"}, "council": {"un_hrc", "un_sc"}, "assembly": {"un_ga", "rok_national_assembly"}}
_ANAPHOR_MECH = re.compile(r"\b(?:the|its|this)\s+(foundation|commission|center|centre|review|inquiry)\b", re.IGNORECASE)
_ANAPHOR_POST = re.compile(
    r"\b(?:the|that|this)\s+(?:(?:long[-\s]vacant|vacant|same|ambassadorial|envoy)\s+)?(post|position|job|role|mandate)\b|"
    r"\b(?:its|the\s+post['\u2019]s|the)\s+(?:(?:first|inaugural|previous|last|new|current|former)\s+)?(holder|occupant|incumbent)\b",
    re.IGNORECASE,
)


def _resolve_nkhra(text: str, start: int, end: int, prior: list[Mention], doc_states: dict[str, int], ids: tuple) -> str | None:
    """US or South Korean "North Korean Human Rights Act": year, chamber and state context decide."""
    us_id, rok_id = ids
    year = re.match(r"\s+(?:of\s+)?(\d{4})", text[end:end + 12])
    if year:
        # the South Korean act is of 2016; the US act of 2004 and its reauthorizations
        return rok_id if year.group(1) == "2016" else us_id
    near = text[max(0, start - 80):min(len(text), end + 40)]
    if re.search(r"2004|2008|2012|2017|2018|reauthoriz|Congress|Senate|House|U\.S\.|American|Public\s+Law", near):
        return us_id
    if re.search(r"South\s+Korea|Seoul|National\s+Assembly|ROK|Korea['\u2019]s", near):
        return rok_id
    s0, s1 = _sentence_bounds(text, start)
    sent_states = [state_of(m.id) for m in prior if s0 <= m.start < s1 and m.kind in ("state", "body", "person")]
    us = sent_states.count("us")
    rok = sent_states.count("rok")
    if us != rok:
        return us_id if us > rok else rok_id
    if doc_states.get("us", 0) != doc_states.get("rok", 0):
        return us_id if doc_states.get("us", 0) > doc_states.get("rok", 0) else rok_id
    return None


def _link_resolutions(text: str, prior: list[Mention], published: str | None = None) -> list[Mention]:
    """"the resolution" on DPRK human rights: GA series or HRC/CHR series, by the body named nearby."""
    out = []
    bodies = [m for m in prior if m.kind == "body" and m.id in ("un_ga", "un_ga_third_committee", "un_hrc", "un_chr")]
    # no body named anywhere: "the annual U.N. resolution on North Korean human rights" is the series of
    # the season (the GA's in October-December, the Council's in March-April); otherwise not linked
    month = int(published[5:7]) if published and re.match(r"\d{4}-\d{2}", published) else None
    season = "unga_dprk_hr_resolution" if month in (10, 11, 12) else "unhrc_dprk_hr_resolution" if month in (3, 4) else None
    # "a text on the situation of human rights in the Democratic People's Republic of Korea" (UN style): the
    # resolution under another name, when a body that adopts it is named in the same sentence
    for m in _TEXT_ON_DPRK.finditer(text):
        s0, s1 = _sentence_bounds(text, m.start())
        near_bodies = sorted((b for b in bodies if s0 <= b.start < s1), key=lambda b: abs(b.start - m.start()))
        if near_bodies:
            body = near_bodies[0].id
            inst = "unga_dprk_hr_resolution" if body in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
            out.append(Mention(m.start(), m.start() + len(m.group(1)), m.group(1), "instrument", inst, "description"))
    for m in _RESOLUTION.finditer(text):
        s0, s1 = _sentence_bounds(text, m.start())
        # "... abuses.[2] At the United Nations, ...": a sentence ending in a footnote mark or a quote ends there
        ends = list(re.finditer(r"[.!?](?:\[\d{1,3}\]|[\u201d\"'\u2019])+\s", text[s0:m.start()]))
        if ends:
            s0 += ends[-1].end()
        sent = text[s0:s1]
        if not bodies and season and m.group(0).lower() == "resolution" and re.search(
                r"\b(?:U\.N\.|UN|United Nations)\s+(?:\w+\s+){0,2}?resolution\s+(?:on|condemning|against)\s+(?:\w+\s+){0,2}?"
                r"(?:North\s+Korea|DPRK|N\.\s*Korea)", text[max(0, m.start() - 40):m.end() + 80]) and re.search(
                r"human\s+rights", text[m.end():m.end() + 80], re.I) and not re.search(r"sanction|Security\s+Council|nuclear|missile", sent, re.I):
            out.append(Mention(m.start(), m.end(), m.group(0), "instrument", season, "description"))
            continue
        if re.search(r"Security\s+Council\s+resolution|sanctions", sent, re.I) and not re.search(r"human\s+rights", sent, re.I):
            continue
        near_bodies = [b for b in bodies if s0 <= b.start < s1]
        if not near_bodies:
            # an earlier body named within the anaphora window
            near_bodies = [b for b in bodies if b.end <= m.start() and m.start() - b.end <= ANAPHORA_WINDOW][-1:]
            if not near_bodies:
                # a lead that names the body only later ("this year's U.N. resolution ... the Third Committee")
                near_bodies = [b for b in bodies if b.start >= m.end() and b.start - m.end() <= ANAPHORA_WINDOW][:1]
            if not near_bodies or not re.search(r"human\s+rights|North\s+Korea|DPRK|the\s+resolution", sent, re.I):
                continue
        else:
            if not re.search(r"human\s+rights|North\s+Korea|DPRK|N\.\s*Korea", text[max(0, s0 - 200):s1], re.I):
                continue
        near_bodies.sort(key=lambda b: abs(b.start - m.start()))
        body = near_bodies[0].id
        inst = "unga_dprk_hr_resolution" if body in ("un_ga", "un_ga_third_committee") else "unhrc_dprk_hr_resolution"
        out.append(Mention(m.start(), m.end(), m.group(0), "instrument", inst, "description"))
    return out


# ---------------------------------------------------------------- main

def _surname_keys(name: str) -> list[str]:
    """Surnames a later mention may use: the last word, and for Korean-order names the first."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    if len(parts) < 2:
        return []
    keys = [parts[-1]]
    if "-" in parts[-1] or (len(parts) == 3 and len(parts[0]) <= 4):
        keys.append(parts[0])  # Lee Jung-hoon -> Lee; Yoon Suk Yeol -> Yoon
    return [k for k in keys if len(k) > 2 and k[0].isupper()]


def link_mentions(ctx: Any) -> list[Mention]:
    """Linked mentions in ctx.text, sorted by start, without overlaps."""
    text = ctx.text or ""
    if not text.strip():
        return []
    pack = getattr(ctx, "pack", None)
    _CURRENT_PACK[0] = pack
    index = alias_index(pack)
    lex = load_lexicon()
    cands: list[tuple[int, int, int, Mention]] = []  # (start, -length, priority, mention)

    raw = index.find(text)
    base: list[Mention] = []
    doc_states: dict[str, int] = {}
    for start, end, surface, ids in raw:
        if ("instrument", "?") in ids:
            continue
        if len(ids) != 1:
            continue  # an alias shared by two entities is left to context rules
        kind, ident = next(iter(ids))
        if ident == "un_ga":
            # "a U.N. General Assembly committee", "the General Assembly's Third Committee"
            tail = re.match(r"(?:['\u2019]s)?\s+(?:(?:third|human\s+rights|main|social|rights)\s+)*committee\b", text[end:end + 40], re.I)
            head = re.search(r"\b(?:the|a|its)\s+(?:third\s+|human[\s-]+rights\s+|main\s+)?committee\s+of\s+(?:the\s+)?(?:U\.\s?N\.\s+|UN\s+|United\s+Nations\s+)?$",
                             text[max(0, start - 60):start], re.I)
            if tail:
                ident, end = "un_ga_third_committee", end + tail.end()
                surface = text[start:end]
            elif head:
                # "a committee of the United Nations General Assembly": the Third Committee
                ident, start = "un_ga_third_committee", max(0, start - 60) + head.start()
                surface = text[start:end]
        if kind == "instrument":
            # "North Korean Human Rights Reauthorization Act of 2012": the year is part of the name, not a date
            tail = re.match(r"\s+of\s+\d{4}\b", text[end:end + 10])
            if tail:
                end += tail.end()
                surface = text[start:end]
        via = "metonym" if surface in index.metonyms and kind == "state" else (
            "abbreviation" if surface.isupper() and len(surface) <= 6 and kind != "state" else "alias")
        base.append(Mention(start, end, surface, kind, ident, via))
        if kind in ("state", "body", "person"):
            st = state_of(ident, pack)
            if st:
                doc_states[st] = doc_states.get(st, 0) + 1
    base.sort(key=lambda m: m.start)

    for start, end, surface, ids in raw:
        if ("instrument", "?") in ids:
            ident = _resolve_nkhra(text, start, end, base, doc_states, index.ambiguous_ids)
            if ident:
                # "North Korean Human Rights Act of 2004" keeps its year in the span
                tail = re.match(r"\s+of\s+\d{4}", text[end:end + 10])
                end2 = end + (tail.end() if tail else 0)
                base.append(Mention(start, end2, text[start:end2], "instrument", ident, "alias"))
    base.sort(key=lambda m: m.start)

    # bill numbers ("H.R. 2061", "S. 4216") of the US act's reauthorizations: a bill number near the act's name
    # or a word of renewal is that act (reauthorization bills are coded on the act they renew)
    nkhra = [m for m in base if m.kind == "instrument" and m.id == "us_nkhra_2004"]
    if nkhra:
        for hit in _BILL_NUMBER.finditer(text):
            s0, s1 = _sentence_bounds(text, hit.start())
            near = any(-200 < hit.start() - m.start < 1000 for m in nkhra)
            p0 = _sentence_bounds(text, s0 - 2)[0] if s0 > 1 else s0
            only_act = {m.id for m in base if m.kind == "instrument" and m.id.startswith("us_")} == {"us_nkhra_2004"}
            # "Efforts to renew it began months earlier. Rep. Kim introduced H.R. 7332 ...": renewal words in the
            # sentence before; or a document whose one US act is this one
            if near or only_act or re.search(r"reauthoriz|renew|extend", text[p0:s1], re.I):
                base.append(Mention(hit.start(), hit.end(), hit.group(0), "instrument", "us_nkhra_2004", "description"))
        base.sort(key=lambda m: m.start)

    # abbreviations defined in the text: "Universal Periodic Review (UPR)"
    defined: dict[str, Mention] = {}
    for m in base:
        ab = re.match(r"\s*\(([A-Z][A-Za-z.]{1,9})\)", text[m.end:m.end + 14])
        if ab and m.kind != "state":
            defined[ab.group(1)] = m
    for abbr, m in defined.items():
        for hit in re.finditer(r"(?<![\w])" + re.escape(abbr) + r"(?![\w])", text):
            if hit.start() > m.end:
                base.append(Mention(hit.start(), hit.end(), abbr, m.kind, m.id, "abbreviation"))

    for kind, section in (("instrument", "instrument_descriptions"), ("mechanism", "mechanism_descriptions")):
        for ident, patterns in (lex.get(section) or {}).items():
            for pat in patterns:
                for hit in re.finditer(pat, text, re.IGNORECASE):
                    g = 1 if hit.groups() else 0
                    base.append(Mention(hit.start(g), hit.end(g), hit.group(g), kind, ident, "description"))
    # "the committee", "the council", "the assembly": the body of that kind named last
    for hit in _ANAPHOR_BODY.finditer(text):
        word = hit.group(1).lower()
        wanted = _BODY_HEADS[word]
        prior = [m for m in base if m.kind == "body" and m.id in wanted and m.end <= hit.start()
                 and hit.start() - m.end <= ANAPHORA_WINDOW]
        if prior:
            last = max(prior, key=lambda m: m.end)
            base.append(Mention(hit.start(), hit.end(), hit.group(0), "body", last.id, "description"))
    base.sort(key=lambda m: m.start)

    posts = _link_posts(text, index, lex, base)
    resolutions = _link_resolutions(text, base, getattr(ctx, "published", None))

    for prio, group in ((0, posts), (1, base), (2, resolutions)):
        for m in group:
            cands.append((m.start, -(m.end - m.start), prio, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[Mention] = []
    last_end = -1
    for _, _, _, m in cands:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
        elif chosen and m.start == chosen[-1].start and m.end == chosen[-1].end:
            continue

    chosen = _add_surnames(text, chosen)
    chosen = _add_anaphora(text, chosen)
    chosen.sort(key=lambda m: m.start)
    return chosen


def _add_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Link a surname ("King", "Turner", "Lee") to the person fully named most recently before it."""
    persons = [m for m in mentions if m.kind == "person" and m.via != "surname"]
    if not persons:
        return mentions
    keys: dict[str, list[Mention]] = {}
    for p in persons:
        for k in _surname_keys(p.text):
            keys.setdefault(k, []).append(p)
    if not keys:
        return mentions
    rx = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?![\w-])")
    taken = sorted((m.start, m.end) for m in mentions)
    out = list(mentions)
    import bisect

    starts = [s for s, _ in taken]
    for hit in rx.finditer(text):
        s, e = hit.start(), hit.end()
        if re.match(r"\s[A-Z][a-z]", text[e:e + 3]):
            continue  # "Kim Yung-ho": the same family name, another person
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and taken[i][1] > s:
            continue  # inside an existing mention
        before = [p for p in keys[hit.group(1)] if p.end <= s]
        if not before:
            continue
        # "King" the common noun is lower-case; a capitalised sentence-initial "King" after "Robert King" is the man
        ant = max(before, key=lambda p: p.end)
        out.append(Mention(s, e, hit.group(1), "person", ant.id, "surname"))
    return out


def _add_anaphora(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the act" / "the law" and "the post" / "the position" refer to the instrument or post named just before."""
    import bisect

    out = list(mentions)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]

    def free(s: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        return not (i >= 0 and spans[i][1] > s)

    for rx, kind in ((_ANAPHOR_INSTR, "instrument"), (_ANAPHOR_POST, "post"), (_ANAPHOR_MECH, "mechanism")):
        pool = [m for m in mentions if m.kind == kind and (kind != "instrument" or "resolution" not in m.id)]
        if kind == "mechanism":
            pool = [m for m in pool if len(m.text) > 6]
        ends = [m.end for m in pool]
        for hit in rx.finditer(text):
            if not free(hit.start()):
                continue
            if kind == "mechanism":
                # "the foundation" / "the commission": the last mechanism whose name has that word
                word = hit.group(1).lower()
                prior = [m for m in pool if m.end <= hit.start() and word in m.text.lower() and hit.start() - m.end <= ANAPHORA_WINDOW * 2]
                if prior:
                    out.append(Mention(hit.start(), hit.end(), hit.group(0), kind, prior[-1].id, "description"))
                continue
            i = bisect.bisect_right(ends, hit.start()) - 1
            if i >= 0 and hit.start() - pool[i].end > ANAPHORA_WINDOW and not (
                    kind == "instrument" and hit.group(1).lower() in ("act", "law", "statute")
                    and len({m.id for m in pool[:i + 1]}) == 1):
                # far from its antecedent: "the act" still means the one act the document has named
                continue
            if i < 0 and kind == "post" and pool and len({m.id for m in pool}) == 1 and hit.group(1) and hit.group(1).lower() in ("post", "mandate"):
                # "The post changed hands this week" before the title is first spelled out: the document's one post
                out.append(Mention(hit.start(), hit.end(), hit.group(0), kind, pool[0].id, "description"))
                continue
            if i < 0:
                continue
            if kind == "instrument" and hit.group(1).lower() == "ban" and pool[i].id != "rok_anti_leaflet_law_2020":
                continue  # "the ban" is the leaflet law's name in the press, not any act's
            out.append(Mention(hit.start(), hit.end(), hit.group(0), kind, pool[i].id, "description"))
    return out
