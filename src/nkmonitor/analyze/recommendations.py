"""Recommendations: who urges whom to do what, from modal, imperative and reporting cues over the parse."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from nkmonitor.analyze.classify import model
from nkmonitor.records import Evidence, Recommendation

COMPONENT = "recommendations"
VERSION = "1.0"
NEEDS = ("sdoc", "mentions", "pack")

# ------------------------------------------------------------------ cues

MODALS = {"should", "must"}
URGE_VERBS = {"urge", "recommend", "demand", "appeal", "encourage", "implore", "request", "exhort", "advise"}
PUSH_VERBS = {"press", "push", "ask", "pressure", "persuade", "call", "lobby", "want"}
HEDGES = {"will", "would", "could", "may", "might", "can", "shall", "'ll"}
# a cue governed by these words states a plan or an expectation, not a demand
FUTURE_FRAMES = {"expect", "plan", "likely", "set", "poise", "intend", "prepare", "hope", "want"}
REPORTING = {"say", "state", "add", "note", "argue", "write", "tell", "stress", "emphasize", "emphasise", "underscore",
             "insist", "warn", "explain", "declare", "conclude", "suggest", "recommend", "urge", "call", "demand"}
_IMPERSONAL = re.compile(
    r"\b(?:it\s+is|it['\u2019]s|it\s+was)\s+(?:well\s+|long\s+|high\s+)?(?:past\s+)?"
    r"(time|imperative|essential|vital|critical|crucial|necessary|advisable|urgent|important)\b"
    # "it is important to note that …" introduces a fact, not an ask
    r"(?!\s+to\s+(?:note|remember|recall|understand|mention|point|recogni[sz]e|acknowledge|add|say|stress|emphasi[sz]e)\b)", re.I)
_DO_WELL = re.compile(r"\bdo\s+well\s+to\b", re.I)
_BEST_WAY = re.compile(r"\bthe\s+(?:best|right|only|wisest|surest)\s+(?:way|approach|course|option|path)\s+(?:forward\s+)?"
                       r"(?:is|would\s+be|remains)\s+to\b", re.I)
_NEEDED = re.compile(r"\b(?:is|are)\s+(?:urgently\s+|also\s+|badly\s+)?needed\b", re.I)
_NEED_NOUN = re.compile(r"\b(?:the|a|an|urgent|clear)\s+(?:urgent\s+|pressing\s+)?need\s+(?:to|for)\b", re.I)
_HOPE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?hope\s+(?:that\s+)?(.{3,80}?)\s+will\b", re.I)

# states whose own government a national speaker's demand is put to (not North Korea: its
# officials do not petition their own government in these texts)
STATES = {"us", "rok", "japan", "china", "russia", "eu"}
# actors named without a pack alias: pronouns and generic heads resolve to the document's main addressee
DEFAULT_HEADS = {"we", "government", "administration", "it", "they", "country", "nation", "officials", "leaders",
                 "policymakers", "policy", "president", "lawmakers", "seoul", "washington",
                 # a person the text has been talking about, and national office holders named by role
                 "she", "he", "appropriators", "legislators", "senators", "negotiators", "diplomats"}
NO_ID = {"community", "countries", "states", "governments", "donors", "nations", "world", "partners", "groups",
         "parties", "sides"}
# heads that stand for a legislature: a vague ask to them ("asked lawmakers to act") is an ask to legislate
LEGISLATURE = re.compile(r"\b(?:lawmakers|legislators|legislature|parliament|congress|senate|house|national assembly|"
                         r"assembly members|appropriators|senators|congressmen)\b", re.I)
DPRK_WORDS = re.compile(r"\b(?:the\s+)?(?:regime|north|communist\s+(?:country|state|regime)|kim\s+regime)\b", re.I)
ADMIN = re.compile(r"\b(Biden|Trump|Obama|Bush|Clinton)\s+administration|\bWhite House\b|\bState Department\b", re.I)
# leaders speak for their state when they are asked to act (the pack's nationality, else this table)
LEADER_STATE = {
    "joe_biden": "us", "donald_trump": "us", "barack_obama": "us", "george_w_bush": "us", "antony_blinken": "us",
    "marco_rubio": "us", "rex_tillerson": "us", "moon_jae_in": "rok", "yoon_suk_yeol": "rok", "park_geun_hye": "rok",
    "lee_myung_bak": "rok", "roh_moo_hyun": "rok", "lee_jae_myung": "rok", "kim_jong_un": "dprk", "kim_jong_il": "dprk",
    "xi_jinping": "china", "vladimir_putin": "russia",
}

# ------------------------------------------------------------------ action lexicon (cheap, precise cues)

ACTION_CUES: dict[str, list[str]] = {
    "appoint_official": [r"\b(?:appoint|name|nominate|designate|fill)\w*\b.{0,60}\b(?:envoy|ambassador|rapporteur|post|position)",
                         r"\b(?:envoy|ambassador|rapporteur)\b.{0,40}\b(?:be\s+)?(?:named|appointed|filled|nominated|confirmed|chosen|picked)", r"\bvacan"],
    "integrate_hr_in_policy": [r"\bintegrat\w*\b.{0,40}\bhuman rights|human rights\b.{0,60}\bintegrat",
                               r"\brelegat|\bsideline|\bsecondary\b|\bat the (?:center|centre|heart)\b",
                               r"human rights\b.{0,50}\b(?:in|into|on)\b.{0,20}\b(?:negotiations|talks|agenda)\b",
                               r"\brais\w*\s+(?:the\s+)?(?:human rights|abuses|rights)\b.{0,50}\b(?:in|at|during)\s+(?:\w+\s+){0,2}(?:talks|negotiations|summits?)\b",
                               # "human rights will be part of any new policy", "not an afterthought to the talks"
                               r"human rights\b.{0,30}\b(?:part|pillar|element)\s+of\b.{0,40}\b(?:policy|strategy|talks|negotiations|agenda|approach|diplomacy)\b",
                               r"\bafterthought\b|\bside issue\b|\btrad(?:e|ed|ing)\s+(?:\w+\s+)?away\b",
                               # talks or diplomacy given as the reason or price for silence on abuses
                               r"\b(?:reason|excuse|price|pretext|cost)\b.{0,30}\b(?:quiet|silent|silence|ignor\w*|sideline\w*|drop\w*)\b|"
                               r"\b(?:silence|quiet)\b.{0,40}\b(?:price|cost)\b",
                               r"\bhuman rights\b.{0,40}\b(?:undermin\w*|spoil\w*|hurt\w*|derail\w*)\b.{0,30}\b(?:security|diplomacy|talks|negotiations)"],
    "decouple_hr_from_security": [r"\b(?:separate|decoupl|delink|insulat)\w*",
                                  r"\b(?:link|tie|connect|condition|bundl)\w*\b.{0,80}\b(?:is|are|would be)\s+(?:not|wrong|a mistake|counterproductive)",
                                  r"\bnot\b.{0,20}\b(?:tie|link|condition)\w*\b.{0,40}\b(?:aid|humanitarian)"],
    "consistent_messaging": [r"\bconsisten\w*|\bpersisten\w*|\bone voice\b|\bunified (?:stance|position|front|message)|\bcoherent\b|\bsteady\b|\bsame message\b"],
    "un_multilateral_action": [r"\bco\s*-?\s*sponsor", r"\bsecurity council\b", r"\bunited nations\b|\bu\.n\.|\bgeneral assembly\b",
                               r"\b(?:hold|convene|request|call|seek|schedule|restore)\w*\b.{0,40}\b(?:meeting|briefing|session|debate)s?\b",
                               r"\b(?:line|lining)\s+up\b.{0,15}\bvotes\b|\b(?:win|secure|gather|rally|muster)\w*\b.{0,20}\bvotes\b",
                               r"\bmultilateral", r"\bcoalition\b", r"\binternational (?:forums?|agenda|attention)"],
    "accountability_measures": [r"\baccountab|\bcriminal court\b|\btribunal|\bprosecut|\bperpetrator|\bdocument(?:ation|ing)\b.{0,30}\b(?:abuse|crime|violation)",
                                r"\bhold\w*\b.{0,50}\bto account\b|\brefer\w*\b.{0,60}\b(?:court|icc|tribunal)\b|\bhague\b|\bdocumentation\b|\b(?:evidence|testimon\w*)\b.{0,30}\b(?:crimes?|abuses?|violations?)\b"],
    "information_access": [r"\binformation\b|\bbroadcast|\bleaflet|\bradio\b"],
    "humanitarian_cooperation": [r"\bhumanitarian (?:aid|assistance|cooperation)|\bfood\b|\bvaccin|\bmedicine|\bsdg",
                                 r"\brice\b|\bfertili[sz]er|\b(?:resum|provid|send|offer|restor|increas|deliver)\w*\b.{0,30}\b(?:aid|assistance|relief)\b"],
    "aid_monitoring": [r"\bmonitor\w*|\bmost vulnerable\b|\bneediest\b|\bdivert|\btransparen",
                       # "ensure that food aid reaches ordinary North Koreans rather than the military"
                       r"\b(?:aid|food|assistance|relief|rations)\b.{0,30}\breach\w*\b.{0,60}\b(?:ordinary|needy|intended|people|civilians|children)\b",
                       r"\b(?:rather than|not)\s+(?:to\s+)?(?:the\s+)?(?:military|army|elites?|party cadres)\b",
                       r"\b(?:ensur|make sure)\w*\b.{0,20}\b(?:aid|food|assistance|relief)\b"],
    "refugee_protection": [r"\brefugee|\brepatriat|\brefoulement|\bdefectors?\b|\bescapee|\basylum|\bforcibly return|\bforced (?:return|deportation)",
                           r"\b(?:send\w*|sent|hand\w*|return\w*|deport\w*)\b.{0,30}\b(?:back|over)\b.{0,20}\b(?:North Korea|the North|across|to)\b|\b(?:sending|sent|handing|handed)\s+(?:\w+\s+){0,3}back\b",
                           # North Koreans held in China are refugees, not the North's detainees
                           r"\b(?:detain\w*|held|custody|jailed)\b.{0,30}\b(?:in|by)\s+(?:China|Chinese)\b"],
    "legislation": [r"\b(?:pass|enact|reauthoriz|repeal|amend|revis|abolish|scrap|implement)\w*\b.{0,40}\b(?:law|act|bill|legislation|ban|statute)\b|\blegislat",
                    r"\breauthoriz\w*|\b(?:the|this|that|a)\s+(?:\w+\s+)?bill\b|\b(?:repeal|revise|abolish|scrap)\w*\b.{0,40}\b(?:law|act|ban)\b",
                    r"\b(?:write|draft|adopt|pass|issue)\w*\b.{0,20}\b(?:rules|regulations|statutes?)\b",
                    # the institution a law mandates (the foundation, its board)
                    r"\bfoundation\W{0,3}s?\b.{0,40}\b(?:directors?|board|members)\b|\b(?:launch|establish|set up|open|create|recommend|nominat)\w*\b.{0,40}\bfoundation\b",
                    r"\b(?:money|funds?|funding)\b.{0,30}\b(?:authorized|appropriated)\b"],
    "sanctions_pressure": [r"\b(?:impose|enforce|maintain|tighten|new)\b.{0,20}\bsanction|\bpressure\b|\benforce\w*"],
    "sanctions_flexibility": [r"\b(?:eas|relax|lift|flexib|exempt)\w*\b.{0,40}\bsanction|\bsanctions?\b.{0,40}\b(?:flexib|exempt|relief)"],
    "engagement_dialogue": [r"\bdialogue\b|\btalks\b(?!\s+with\s+(?:the\s+)?(?:allies|partners|beijing|china|washington|seoul|tokyo)\b)|\bconfidence\b|\bpeace\b|\bengage(?:ment)?\b|\bnegotiating table\b"],
    "detainees_abductees_families": [r"\bdetain|\babduct|\bdisappeared|\bwhereabouts|\bseparated famil|\breunion|\bpolitical prisoners?\b|\bprisoners? of war",
                                     r"\bwhereabouts\b|\benforced disappearances?\b|\bfate\b.{0,40}\b(?:missing|disappear\w*|abduct\w*|detain\w*)"],
    "allied_coordination": [r"\bcoordinat\w*|\bavoid (?:clash|disagree|friction|rift)\w*|\bclash\w*\b|\balign\w*\b.{0,20}\bposition|\btrilateral consultation"],
    "dprk_compliance": [],
}
_CUES = {a: [re.compile(p, re.I) for p in pats] for a, pats in ACTION_CUES.items()}

ACTION_ISSUES = {
    "appoint_official": ["envoys_institutions"], "un_multilateral_action": ["un_mechanisms"],
    "accountability_measures": ["accountability_justice"], "information_access": ["information_access"],
    "humanitarian_cooperation": ["humanitarian_aid"], "aid_monitoring": ["humanitarian_aid"],
    "refugee_protection": ["refugees_repatriation"], "legislation": ["envoys_institutions"],
    "sanctions_pressure": ["sanctions"], "sanctions_flexibility": ["sanctions", "humanitarian_aid"],
    "engagement_dialogue": ["engagement_diplomacy"], "detainees_abductees_families": ["abductions_disappearances"],
    "allied_coordination": ["engagement_diplomacy"], "decouple_hr_from_security": ["denuclearization_security"],
    "integrate_hr_in_policy": [], "consistent_messaging": [], "dprk_compliance": [],
}


DPRK_OWN_ACTIONS = {"dprk_compliance", "detainees_abductees_families", "engagement_dialogue"}
# cues that do not name a verb of asking need a lexicon cue for the action too
WEAK_CUES = {"impersonal", "hope", "need_noun", "needed", "heading"}


LEXICON_WEIGHT = 1.0


def classify_action(text: str, addressee: str | None = None) -> list[tuple[str, float]]:
    """Ranked (action, score) for the text of one ask: lexicon hits plus the Naive Bayes posterior."""
    nb = model("actions.yaml")
    probs = nb.scores(text) if nb.known(text) else {}
    scored = {}
    for action in _CUES:
        hits = sum(1 for p in _CUES[action] if p.search(text))
        # a lexicon cue is more precise than the word statistics: it outweighs a confident posterior
        scored[action] = probs.get(action, 0.0) + LEXICON_WEIGHT * min(hits, 2)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    if addressee == "dprk" and ranked[0][0] not in DPRK_OWN_ACTIONS:
        # what North Korea itself is asked to do (cooperate with the UN, accept monitored aid, end
        # abuses) is compliance in the codebook; only detainees/families and talks keep their own code
        best = ranked[0][1]
        ranked = [("dprk_compliance", best)] + [(a, v) for a, v in ranked if a != "dprk_compliance"]
    return ranked


# ------------------------------------------------------------------ actors

def _mention_actor(mention: Any, pack: Any) -> str | None:
    """A state or body id for a linked mention (leaders and posts speak for their state)."""
    if mention.kind in ("state", "body"):
        return mention.id
    if mention.kind == "person":
        try:
            nationality = getattr(pack.get(mention.id), "nationality", None) if pack is not None else None
        except Exception:
            nationality = None
        return nationality if nationality in STATES | {"dprk"} else LEADER_STATE.get(mention.id)
    if mention.kind == "post":
        try:
            return pack.state_of(mention.id) if pack is not None else None
        except Exception:
            return None
    return None


def _as_addressee(actor: str, pack: Any) -> str:
    """National bodies are addressed as their state (the Congress/the ministry ask → us/rok)."""
    try:
        state = pack.state_of(actor) if pack is not None else None
    except Exception:
        state = None
    return state or actor


_PEOPLE = re.compile(r"(?:Koreans|people|citizens|nationals)$", re.I)


def _actors_in(ctx: Any, start: int, end: int) -> list[str]:
    out = []
    for m in ctx.mentions:
        if m.start >= start and m.end <= end and m.text != "us" and not _PEOPLE.search(m.text):  # pronoun, not the country
            actor = _mention_actor(m, ctx.pack)
            if actor and actor not in out:
                out.append(actor)
    if not out:
        text = ctx.text[start:end]
        if ADMIN.search(text):
            out.append("us")
        elif DPRK_WORDS.search(text) and not re.search(r"\bsouth\b", text, re.I):
            out.append("dprk")
    return out


def _span_of(tokens: Iterable[Any]) -> tuple[int, int]:
    toks = list(tokens)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def default_addressee(ctx: Any) -> str | None:
    """The state a document mostly talks to: mentions in the title count triple; never North Korea."""
    counts: Counter = Counter()
    title = (ctx.title or "")
    for m in ctx.mentions:
        actor = _mention_actor(m, ctx.pack)
        if actor:
            counts[_as_addressee(actor, ctx.pack)] += 1
    for alias, kind, ident in _title_aliases(ctx):
        if alias in title:
            counts[ident] += 3
    if ADMIN.search(title) or re.search(r"\bBiden\b|\bU\.S\.", title):
        counts["us"] += 3
    # North Korea is what these texts are about, not whom they advise by default: asks to Pyongyang
    # name it explicitly
    counts.pop("dprk", None)
    states = [(k, v) for k, v in counts.most_common() if k in STATES]
    return states[0][0] if states else None


def publisher_of(ctx: Any) -> str | None:
    """The body that publishes the document when the outlet names one ('Human Rights Watch' → hrw)."""
    outlet = getattr(ctx, "outlet", None)
    if not outlet or ctx.pack is None:
        return None
    try:
        aliases = ctx.pack.aliases(["body"])
    except Exception:
        return None
    found = []
    for alias, _kind, ident in aliases:
        if len(alias) > 3:
            match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", outlet)
            if match:
                found.append((match.start(), -len(alias), ident))
    # the first organization the outlet names is the publisher ("HRW and TJWG" → hrw)
    return speaker_id(min(found)[2], ctx.pack) if found else None


def speaker_id(actor: str | None, pack: Any) -> str | None:
    """A national sub-body speaks as its parent chamber or office (a Senate committee → us_senate)."""
    if not actor or pack is None or actor == "author":
        return actor
    try:
        entity = pack.get(actor)
    except Exception:
        return actor
    parent = getattr(entity, "parent", None)
    # one step only: a committee speaks as its chamber, a chamber stays itself
    if parent and getattr(entity, "state", None) and getattr(entity, "kind", "body") == "body":
        try:
            pack.get(parent)
        except Exception:
            return actor
        if not getattr(pack.get(parent), "parent", None):
            return actor  # the parent is a top body (us_senate → us_congress is too far)
        return parent
    return actor


def _title_aliases(ctx: Any) -> list[tuple[str, str, str]]:
    try:
        return [a for a in ctx.pack.aliases(["state"]) if len(a[0]) > 2]
    except Exception:
        return []


# ------------------------------------------------------------------ finding asks

TEXT_NOUNS = {"text", "draft", "resolution", "bill", "measure", "statement", "declaration", "act", "report", "letter"}
PRONOUNS = {"we", "they", "i", "he", "she"}


REQUIRES = {"mean", "require", "stipulate", "provide", "specify", "mandate", "entail", "dictate"}


def _hedged(token: Any) -> bool:
    """The cue verb is a prediction or plan ('will call on', 'could press', 'expected to urge')."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    for child in auxes:
        if child.lower_ in HEDGES:
            if child.lower_ in ("will", "would", "'ll") and not any(a.lower_ == "have" for a in auxes) \
                    and _own_commitment(token):
                continue
            return True
    for anc in list(token.ancestors)[:4]:
        # "an amendment that would have deleted the paragraphs encouraging …": counterfactual
        anc_aux = {c.lower_ for c in anc.children if c.dep_ == "aux"}
        if anc_aux & {"would", "could", "might"} and "have" in anc_aux:
            return True
    head = token
    for _ in range(3):
        if head.dep_ in ("xcomp", "ccomp", "acomp") and head.head.lemma_.lower() in FUTURE_FRAMES:
            return True
        head = head.head
    return False


def _own_commitment(token: Any) -> bool:
    """'We will continue to urge …', '(groups) said they would press …', 'the text would urge …': the speaker's
    own demand or a draft's wording, not someone's forecast of another party."""
    subj = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    head = subj[0]
    if head.lower_ in ("we", "i"):
        return True
    if head.lower_ in PRONOUNS and token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING:
        return True
    if head.lemma_.lower() in TEXT_NOUNS:
        return True
    if re.search(r"\b(?:under|by|in)\s+the\s+(?:text|draft|resolution)\b", token.sent.text, re.I):
        return True  # "Under the text, the Assembly would urge …" describes what a draft says
    if head.lower_ == "it":
        before = token.doc.text[max(0, token.sent.start_char - 300): token.idx]
        return bool(re.search(r"\b(?:text|draft|resolution)\b", before, re.I))
    return False


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _dated_before(token: Any, text: str) -> bool:
    """An urge verb in a clause the text dates to an earlier year than the document's own: a past episode told
    as background ('Then, in 2014, the drafters added language encouraging …'), not a current demand."""
    published = getattr(token.doc, "user_data", {}).get("nk_published") if token.doc.user_data else None
    if not published or not str(published)[:4].isdigit():
        return False
    year = int(str(published)[:4])
    chain = [token, *list(token.ancestors)]
    for node in chain:
        for child in node.children:
            if child.dep_ in ("prep", "npadvmod", "nmod", "pobj") or (child.dep_ == "nummod" and node.dep_ == "npadvmod"):
                if child.i > token.i and node is token:
                    continue  # dates after the cue verb belong to what is asked ("consider … in 2015")
                for t in child.subtree:
                    if _YEAR.match(t.text) and int(t.text) < year:
                        return True
    if token.tag_ == "VBG" and token.dep_ in ("acl", "advcl"):
        # "Then, in 2014, after …, the drafters added language encouraging …": a text's wording told as history
        if any(_YEAR.match(t.text) and int(t.text) < year for t in token.sent if t.i < token.i):
            return True
    line_start = text.rfind("\n", 0, token.sent.start_char) + 1
    entry = re.match(r"\s*((?:19|20)\d\d)\s*[-\u2013\u2014:]", text[line_start: token.sent.end_char])
    return bool(entry) and int(entry.group(1)) < year  # a timeline entry "2014 - …"


def _in_quotes(text: str, pos: int, sent_start: int) -> bool:
    """Whether `pos` is inside quotation marks opened earlier in its paragraph (quotes run over sentences)."""
    para_start = text.rfind("\n", 0, sent_start) + 1
    chunk = text[para_start:pos]
    if chunk.count("\u201c") > chunk.count("\u201d"):
        return True
    return chunk.count('"') % 2 == 1


def _core(head: Any) -> list[Any]:
    """A noun phrase without its relative clauses and most prepositional modifiers: 'the approach to X' is not X."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "appos", "parataxis"):
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "under"):
            continue
        out.extend(_core(child))
    return sorted(out, key=lambda t: t.i)


def _subject(verb: Any) -> list[Any]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return _core(child)
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return []


def _object_of(verb: Any) -> list[Any]:
    """Whom an urge verb addresses: its object, 'on/upon X', or the subject of its complement."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "obj"):
            return _core(child)
    calls_for = any(c.lower_ == "for" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("prep", "prt", "dative") and child.lower_ in ("on", "upon", "to") \
                and not (calls_for and child.lower_ == "to"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return _core(grand)
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return _core(subj[0])
    return []


def _cues(sent: Any, text: str) -> list[dict[str, Any]]:
    """Every ask in one sentence: kind, the cue token, its actors' tokens, and where the asked-for action starts."""
    found = []
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        low = tok.lower_
        nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if (low in MODALS and tok.tag_ == "MD") or (low == "ought" and nxt == "to"):
            verb = tok.head
            own = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if own and (verb.i == tok.i or tok.dep_ not in ("aux", "auxpass")):
                # "Washington ought to raise …" parsed with 'ought' as the head: its infinitive is the ask
                verb = own[0]
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                found.append({"kind": "modal", "cue": tok, "verb": verb,
                              "actors": _core(subj[0]) if subj else _left_phrase(tokens, i), "start": tok.idx})
                continue
            if nxt == "have" and verb.tag_ == "VBN":
                continue  # "should have done": hindsight, not an ask
            if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in verb.children):
                continue  # "if Seoul should decide to …" is a condition, not an ask
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REQUIRES:
                continue  # "which means the Senate must confirm …": what a rule entails, not an ask
            # an inverted conditional ("Should the administration begin…, it should…") is not itself the ask
            if i == 0 and tok.text == "Should":
                continue
            actors = _subject(verb) or _left_phrase(tokens, i)
            if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                # "…, and the United States, as the member that led past requests, should circulate …"
                own = _since_conjunction(tokens, i)
                if own:
                    actors = own
            found.append({"kind": "modal", "cue": tok, "verb": verb, "actors": actors, "start": tok.idx,
                          "passive": any(c.dep_ == "auxpass" for c in verb.children)})
        elif (tok.lemma_.lower() == "need" or (tok.lemma_.lower() == "have" and tok.tag_ in ("VBZ", "VBP"))) \
                and nxt == "to" and tok.pos_ in ("VERB", "AUX"):
            if not _hedged(tok):
                found.append({"kind": "modal", "cue": tok, "verb": tok, "actors": _subject(tok), "start": tok.idx})
        elif tok.pos_ == "VERB" and (tok.lemma_.lower() in URGE_VERBS or
                                     (tok.lemma_.lower() == "call" and nxt in ("on", "upon", "for")) or
                                     (tok.lemma_.lower() in PUSH_VERBS and _has_to_complement(tok))):
            lemma = tok.lemma_.lower()
            if lemma == "call" and nxt not in ("on", "upon", "for") and not any(c.lower_ in ("on", "upon", "for") for c in tok.children):
                continue
            if _hedged(tok) or tok.tag_ in ("VBN",) and tok.dep_ == "amod":
                continue
            # a reported demand is finite ('urged', 'calls on') or a participle on its source ('a letter urging');
            # 'trying to persuade' or 'efforts to press' describe attempts, not asks
            auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if not (tok.tag_ in ("VBD", "VBZ", "VBP") or (tok.tag_ == "VBG" and (tok.dep_ in ("acl", "advcl") or auxes & {"been", "is", "are", "was", "were"}))
                    or (tok.tag_ == "VBN" and auxes & {"has", "have", "had", "was", "were", "is", "are", "been"})
                    or (tok.tag_ == "VB" and auxes & {"will", "would", "'ll"} and _own_commitment(tok))
                    or (tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("continue", "keep")
                        and _own_commitment(tok.head))):
                continue
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            if (passive or tok.dep_ == "relcl") and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                continue  # "the meeting had been requested by …", "the countries that requested the meeting"
            if _dated_before(tok, text):
                continue  # "In December 2014 the Assembly adopted a resolution encouraging …": history
            # "Seoul is urged to …": the passive subject is the one asked
            actors = _subject(tok) if passive else _object_of(tok)
            if not actors and not passive and nxt == "that":
                # "demanded that Seoul repeal …" when the parser misses the clause's subject
                actors = [t for t in tokens[i + 2: i + 6] if t.pos_ == "PROPN"][:3]
            found.append({"kind": "urge", "cue": tok, "verb": tok, "actors": actors,
                          "speaker": [] if passive else _subject(tok), "start": tok.idx})
    sent_text = sent.text
    for match in _DO_WELL.finditer(sent_text):
        # "Washington would do well to …": an ask phrased as advice
        pos = sent.start_char + match.start()
        verb = next((t for t in sent if t.idx == pos), None)
        if verb is not None:
            found.append({"kind": "modal", "cue": verb, "verb": verb, "actors": _subject(verb),
                          "start": pos})
    for match in _BEST_WAY.finditer(sent_text):
        found.append({"kind": "impersonal", "cue": None, "verb": None, "actors": [],
                      "start": sent.start_char + match.start()})
    for match in _IMPERSONAL.finditer(sent_text):
        start = sent.start_char + match.start()
        after = text[sent.start_char + match.end(): sent.end_char]
        who = re.match(r"\s+for\s+(.{2,80}?)\s+to\b", after)
        actors = [t for t in sent if who and sent.start_char + match.end() <= t.idx < sent.start_char + match.end() + who.end(1) + 1]
        found.append({"kind": "impersonal", "cue": None, "verb": None, "actors": actors, "start": start})
    for match in _NEEDED.finditer(sent_text):
        found.append({"kind": "needed", "cue": None, "verb": None, "actors": [],
                      "start": sent.start_char, "subject_end": sent.start_char + match.start()})
    if not found:
        for match in _NEED_NOUN.finditer(sent_text):
            found.append({"kind": "need_noun", "cue": None, "verb": None, "actors": [],
                          "start": sent.start_char + match.start()})
    for match in _HOPE.finditer(sent_text):
        actors = [t for t in sent if sent.start_char + match.start(1) <= t.idx < sent.start_char + match.end(1)]
        found.append({"kind": "hope", "cue": None, "verb": None, "actors": actors, "start": sent.start_char + match.start()})
    if not found and _imperative_heading(sent, text):
        found.append({"kind": "heading", "cue": tokens[0], "verb": tokens[0], "actors": [], "start": sent.start_char})
    return found


def _since_conjunction(tokens: list[Any], i: int) -> list[Any]:
    """The words between the last 'and'/'but'/';' and a modal: a coordinated clause's own subject, if it names one."""
    j = i
    while j > 0 and tokens[j - 1].lower_ not in ("and", "but", ";") and i - j < 16:
        j -= 1
    if j == 0 or j == i:
        return []
    span = [t for t in tokens[j:i] if not t.is_punct]
    return span if any(t.pos_ == "PROPN" for t in span) else []


def _left_phrase(tokens: list[Any], i: int) -> list[Any]:
    """When the parse gives a modal no subject, the words before it back to the last comma stand in."""
    j = i
    while j > 0 and tokens[j - 1].text not in (",", ";", ":", "\u2014") and i - j < 12:
        j -= 1
    return tokens[j:i]


def _has_to_complement(tok: Any) -> bool:
    # "pressed the administration for two years to name someone" parses the infinitive as advcl
    # "asked how …" or "pressed on whether …" (a ccomp without "to") is a question, not an ask
    comps = [c for c in tok.children if c.dep_ == "xcomp"
             or (c.dep_ in ("advcl", "ccomp") and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children))]
    if not comps:
        return False
    if any(c.dep_ in ("dobj", "obj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in tok.children):
        return True
    return any(g.dep_ in ("nsubj", "nsubjpass") for c in comps for g in c.children)


# verbs that open policy headings and slogans; a capitalized first word of a short line is
# often tagged as a proper noun, so the tagger alone cannot be trusted here
HEADING_VERBS = frozenset("""appoint name nominate fill stay keep ensure make reinforce strengthen empower expand support
restore protect press push end stop halt close release free resume engage pursue prioritize prioritise integrate
put raise fund increase broaden hold refer impose enforce ease lift separate decouple link tie act accept allow
open reopen rebuild revive renew reauthorize pass enact repeal implement establish create launch coordinate align
speak bring use demand urge commit invest document investigate sanction condition address confront build""".split())


def _imperative_heading(sent: Any, text: str) -> bool:
    """A short line of its own that starts with a bare verb ('Appoint a special envoy …')."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or len(words) > 18:
        return False
    first = words[0]
    if first.lower_ not in HEADING_VERBS or not first.text[:1].isupper() or first.tag_ in ("VBD", "VBN", "VBZ", "VBG"):
        return False
    before = text[max(0, sent.start_char - 1): sent.start_char]
    body = text[sent.start_char:sent.end_char]
    after = text[sent.end_char: sent.end_char + 1]
    own_line = before in ("", "\n") and (after in ("", "\n") or body.rstrip(" ").endswith("\n"))
    return own_line and not body.rstrip().endswith(("?", ".", ",", ";"))


# ------------------------------------------------------------------ attribution

_ATTRIB = re.compile(r"\baccording to\b", re.I)


def _speaker(ctx: Any, sent: Any, cue: dict[str, Any], prev_speaker: str | None) -> str | None:
    """Who makes the ask: the urging subject, a reporting verb's subject, else the author when unquoted."""
    if cue["kind"] == "urge":
        tokens = cue.get("speaker") or []
        if tokens:
            s, e = _span_of(tokens)
            actors = _actors_in(ctx, s, e)
            if actors:
                return actors[0]
            if tokens and tokens[-1].lower_ in ("i", "we"):
                return "author"
        return prev_speaker
    for tok in sent:
        if tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB" and (cue.get("cue") is None or tok.i != cue["cue"].i):
            subj = _subject(tok)
            if subj:
                s, e = _span_of(subj)
                actors = _actors_in(ctx, s, e)
                return actors[0] if actors else prev_speaker
    if _ATTRIB.search(sent.text):
        idx = sent.start_char + _ATTRIB.search(sent.text).end()
        actors = _actors_in(ctx, idx, min(sent.end_char, idx + 80))
        return actors[0] if actors else prev_speaker
    if _in_quotes(ctx.text, cue["start"], sent.start_char):
        return prev_speaker
    return "author"


# ------------------------------------------------------------------ the component

def _segments(ctx: Any, cue: dict[str, Any], sent: Any) -> list[str]:
    """The asked-for actions of one cue: a list of coordinated verbs ('increase …, and act to protect …') gives one each."""
    verb = cue.get("verb")
    first = cue["start"]
    if cue.get("passive") and cue["actors"]:
        # "the envoy should be nominated": what is acted on is the subject, so it belongs to the ask
        first = min(first, min(t.idx for t in cue["actors"]))
    whole = ctx.text[first: sent.end_char]
    if cue["kind"] in ("needed", "heading", "hope", "impersonal", "need_noun") or verb is None:
        return [sent.text]
    target = verb
    if cue["kind"] == "urge":
        comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.idx > verb.idx]
        target = comps[0] if comps else verb
        if comps:
            # the asked-for action, without the addressee's name ("urged the Security Council to refer …")
            start = min(t.idx for t in target.subtree)
            whole = ctx.text[start: sent.end_char]
    conjs = _verb_conjs(target)
    if not conjs:
        return _clean_pieces([whole])
    # "appoint an envoy, increase support for X, and act to protect Y": the parser chains each
    # verb to the previous one, so every verb of the chain gets its own piece
    pieces = []
    for verb_tok in [target, *conjs]:
        nested = {t.i for c in _verb_conjs(verb_tok, deep=False) for t in c.subtree}
        start = first if verb_tok.i == target.i else 0
        tokens = [t for t in verb_tok.subtree if t.i not in nested and t.idx >= start]
        pieces.append("".join(t.text_with_ws for t in tokens))
    return _clean_pieces(pieces)


# a clause that concedes, conditions or times the ask is not part of what is asked
_CONCESSIVE = re.compile(r",?\s+(?:whatever|regardless\s+of|no\s+matter|even\s+if|even\s+as|as\s+soon\s+as|once|until|unless|"
                         r"so\s+that|whether\s+or\s+not)\b", re.I)
# "end the violations, including by closing the camps": the main ask is read without its examples
_INCLUDING = re.compile(r",\s+including\b", re.I)
# "to end X, to allow Y, and to resolve Z": one ask per infinitive
_TO_COORD = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+)(?=to\s+[a-z]+\b)")


def _clean_pieces(pieces: list[str]) -> list[str]:
    """Asked-for actions without concessive or conditional tails, 'rather than Y' (Y is what is not asked),
    and with coordinated infinitives split."""
    out = []
    for piece in pieces:
        piece = _CONCESSIVE.split(piece, maxsplit=1)[0]
        main, *examples = _INCLUDING.split(piece, maxsplit=1)
        if examples and main.strip() and examples[0].strip():
            out.append(examples[0])  # classified on its own: the examples may name a further ask
            piece = main
        halves = _RATHER.split(piece, maxsplit=1)
        piece = halves[0]
        parts = _TO_COORD.split(piece) if piece.lstrip().startswith("to ") else [piece]
        out.extend(p for p in parts if p.strip())
        if len(halves) > 1 and halves[1].strip():
            # "… rather than relegating them to secondary status": what is not to be done, read only as a
            # negated ask (integrate, decouple)
            out.append(NEGATED + halves[1])
    return out


NEGATED = "\x00"
NEGATABLE = {"integrate_hr_in_policy", "decouple_hr_from_security"}


def _verb_conjs(verb: Any, deep: bool = True) -> list[Any]:
    out = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            out.append(child)
            if deep:
                out.extend(_verb_conjs(child))
    return out


def _inside_other_cue(cue: dict[str, Any], cues: list[dict[str, Any]]) -> bool:
    """An urge verb inside another ask ('should work with China … to urge Pyongyang to …') is part of that ask."""
    verb = cue.get("verb")
    if cue["kind"] != "urge" or verb is None:
        return False
    for other in cues:
        if other is cue or other.get("verb") is None:
            continue
        if verb.i != other["verb"].i and any(anc.i == other["verb"].i for anc in verb.ancestors):
            return True
    return False


# an ask is kept when the classifier is fairly sure or one lexicon cue backs it
ACCEPT = 0.6
_RATHER = re.compile(r",?\s+rather than\s+|,?\s+instead of\s+", re.I)


def _lexicon_hit(text: str, action: str) -> bool:
    return action == "dprk_compliance" or any(p.search(text) for p in _CUES[action])


def pick_actions(text: str, addressee: str | None) -> list[tuple[str, float]]:
    """The action of one ask, with coordination demoted to the substance it serves (annotation rule)."""
    ranked = classify_action(text, addressee)
    action, score = ranked[0]
    if action == "allied_coordination":
        for other, other_score in ranked[1:]:
            if other_score >= 0.6 and any(p.search(text) for p in _CUES[other]):
                return [(other, max(other_score, 0.75))]
    return [(action, score)]


UN_ACTIONS = {"un_multilateral_action", "accountability_measures", "integrate_hr_in_policy", "engagement_dialogue"}


def _by_addressee(action: str, score: float, piece: str, addressee: str, how: str, cue: dict[str, Any],
                  ctx: Any) -> tuple[str, float]:
    """What the addressee can be asked decides vague asks: anything North Korea is asked by name is compliance;
    a UN organ asked to act with no other recognizable substance acts as a multilateral body; a legislature
    asked to 'act' is asked to legislate."""
    if cue["kind"] in WEAK_CUES:
        return action, score
    hit = _lexicon_hit(piece, action) and action != "dprk_compliance"
    if not hit and score < ACCEPT and cue["actors"] and LEGISLATURE.search(" ".join(t.text for t in cue["actors"])):
        return "legislation", ACCEPT
    if how != "explicit":
        return action, score
    if addressee == "dprk" and action == "dprk_compliance":
        return action, max(score, ACCEPT)
    if addressee.startswith("un_") and (not hit or action not in UN_ACTIONS):
        return "un_multilateral_action", max(score, ACCEPT)
    return action, score


def extract_recommendations(ctx: Any) -> list[Recommendation]:
    """One Recommendation per (addressee, action) the document urges, with the sentence as evidence."""
    if ctx.sdoc is None or not ctx.text.strip():
        return []
    ctx.sdoc.user_data["nk_published"] = ctx.published  # for dating background episodes (_dated_before)
    fallback = default_addressee(ctx)
    publisher = publisher_of(ctx)
    best: dict[tuple[str, str], Recommendation] = {}
    last_addressees: list[str] = []
    last_at = -99
    last_speaker: str | None = None
    for number, sent in enumerate(ctx.sdoc.sents):
        stripped = sent.text.strip()
        if not stripped or stripped.endswith("?") or len(sent) < 3:
            continue
        cues = _cues(sent, ctx.text)
        for cue in cues:
            if _inside_other_cue(cue, cues):
                continue
            by = _speaker(ctx, sent, cue, last_speaker)
            if by == "author" and publisher:
                by = publisher  # an organization's own release: the organization is the author
            elif by not in (None, "author"):
                by = speaker_id(by, ctx.pack)
            # an ask a few sentences after an explicit one continues to address the same parties
            recent = last_addressees if number - last_at <= 3 else []
            addressees, how = _addressees(ctx, sent, cue, fallback, recent, by)
            if not addressees:
                continue
            start, end = _trim(ctx.text, sent.start_char, sent.end_char)
            for addressee in addressees:
                for piece in _segments(ctx, cue, sent):
                    negated = piece.startswith(NEGATED)
                    piece = piece.lstrip(NEGATED)
                    for action, score in pick_actions(piece, addressee):
                        if negated and action not in NEGATABLE:
                            continue
                        action, score = _by_addressee(action, score, piece, addressee, how, cue, ctx)
                        if score < ACCEPT or (cue["kind"] in WEAK_CUES and not _lexicon_hit(piece, action)):
                            continue  # no recognizable policy ask (e.g. "a policy should be comprehensive")
                        confidence = min(0.95, 0.35 + 0.3 * min(score, 1.6) + (0.1 if how == "explicit" else 0.0))
                        rec = Recommendation(
                            by=by, addressee=addressee, action=action,
                            issues=ACTION_ISSUES.get(action, []),
                            evidence=Evidence(start=start, end=end, text=ctx.text[start:end]),
                            confidence=round(confidence, 3),
                        )
                        key = (addressee, action)
                        if key not in best or best[key].confidence < rec.confidence:
                            best[key] = rec
            if how == "explicit":
                last_addressees, last_at = addressees, number
            if by and by != "author":
                last_speaker = by
    for rec in _list_asks(ctx, fallback, publisher):
        key = (rec.addressee, rec.action)
        if key not in best or best[key].confidence < rec.confidence:
            best[key] = rec
    return sorted(best.values(), key=lambda r: r.evidence.start)


# ------------------------------------------------------------------ recommendation lists

_LIST_ITEM = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[-\u2022*\u2013\u2014])[ \t]+(\S.*?)\s*$")
_TO_HEADING = re.compile(r"^[ \t]*(?:To|For)\s+(.{2,120}?):\s*$")
_URGE_INTRO = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?(?:\s+that)?|"
                         r"ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?|demand(?:s|ed|ing)?|"
                         r"encourag(?:e|es|ed|ing))\b", re.I)
_ITEM_TO = re.compile(r"^(.{2,160}?)\s+to\s+(?=[a-z])")


def _list_asks(ctx: Any, fallback: str | None, publisher: str | None) -> list[Recommendation]:
    """Numbered or bulleted recommendation lists: items under an intro that asks ('Human Rights Watch called on the
    administration to:', 'We urge:') or under a heading naming the addressee ('To the government of North Korea:').
    Items are imperatives for the intro's addressee, or 'ADDRESSEE to DO …' when the intro names none."""
    text = ctx.text
    out: list[Recommendation] = []
    group: dict[str, Any] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            continue
        item = _LIST_ITEM.match(body)
        if item and group is not None:
            if group["addressees"] is not None or group["per_item"]:
                out.extend(_item_asks(ctx, group, start + item.start(1), start + len(body.rstrip())))
            continue
        group = _list_intro(ctx, body, start, fallback, publisher)
    return out


def _list_intro(ctx: Any, body: str, start: int, fallback: str | None, publisher: str | None) -> dict[str, Any] | None:
    stripped = body.strip()
    if not stripped.endswith(":") or len(stripped) > 200:
        return None
    heading = _TO_HEADING.match(body)
    if heading:
        s, e = start + heading.start(1), start + heading.end(1)
        words = {w.lower() for w in re.findall(r"\w+", heading.group(1))}
        actors = [_as_addressee(a, ctx.pack) for a in _actors_in(ctx, s, e)]
        if not actors and words & {"government", "administration", "authorities"} and not words & NO_ID and fallback:
            actors = [fallback]
        return {"addressees": actors or None, "per_item": False, "by": publisher or "author"}
    cue = _URGE_INTRO.search(body)
    if not cue:
        return None
    by_actors = _actors_in(ctx, start, start + cue.start())
    by = speaker_id(by_actors[0], ctx.pack) if by_actors else (publisher or "author")
    rest = body[cue.end():].strip().rstrip(":").strip()
    if not rest or rest.lower() in ("that", "the following"):
        return {"addressees": None, "per_item": True, "by": by}  # "Human Rights Watch urged:"
    if rest.lower().endswith(" to"):
        s = start + body.index(rest, cue.end())
        e = s + len(rest) - 3
        words = {w.lower() for w in re.findall(r"\w+", rest)}
        actors = [_as_addressee(a, ctx.pack) for a in _actors_in(ctx, s, e)]
        if not actors and words & NO_ID:
            return {"addressees": None, "per_item": False, "by": by}
        if not actors and words & (DEFAULT_HEADS | {"your", "authorities"}) and fallback:
            actors = [fallback]  # "We urge your government to:"
        return {"addressees": actors or None, "per_item": False, "by": by}
    if rest.lower() in ("on", "upon"):
        return {"addressees": None, "per_item": True, "by": by}  # "We therefore call on:"
    return None


def _item_asks(ctx: Any, group: dict[str, Any], start: int, end: int) -> list[Recommendation]:
    text = ctx.text
    addressees = group["addressees"]
    action_start = start
    if group["per_item"]:
        m = _ITEM_TO.match(text[start:end])
        if not m:
            return []
        addressees = [_as_addressee(a, ctx.pack) for a in _actors_in(ctx, start, start + m.end(1))]
        addressees = list(dict.fromkeys(addressees))
        action_start = start + m.end()
    if not addressees:
        return []
    out = []
    for piece in _item_pieces(ctx, action_start, end):
        negated = piece.startswith(NEGATED)
        piece = piece.lstrip(NEGATED)
        for addressee in addressees:
            for action, score in pick_actions(piece, addressee):
                if negated and action not in NEGATABLE:
                    continue
                action, score = _by_addressee(action, score, piece, addressee, "explicit", {"kind": "list", "actors": []}, ctx)
                if score < ACCEPT:
                    continue
                out.append(Recommendation(
                    by=group["by"], addressee=addressee, action=action, issues=ACTION_ISSUES.get(action, []),
                    evidence=Evidence(start=start, end=end, text=text[start:end]),
                    confidence=round(min(0.95, 0.45 + 0.3 * min(score, 1.6)), 3)))
    return out


def _item_pieces(ctx: Any, start: int, end: int) -> list[str]:
    """One piece per coordinated imperative ('Acknowledge X, release Y, and allow Z')."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return _clean_pieces([ctx.text[start:end]])
    cuts = [span[0].idx]
    toks = list(span)
    for k, tok in enumerate(toks[1:], 1):
        prev = toks[k - 1].lower_
        if tok.tag_ == "VB" and tok.pos_ == "VERB" and prev in (",", ";", "and", "or") and \
                not (prev in ("and", "or") and k >= 2 and toks[k - 2].tag_ == "VB"):
            cuts.append(tok.idx)
    cuts.append(end)
    pieces = [ctx.text[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:])]
    pieces = [re.sub(r"(?:,?\s*(?:and|or))$", "", p).strip() for p in pieces]
    return _clean_pieces([p for p in pieces if p])


def _addressees(ctx: Any, sent: Any, cue: dict[str, Any], fallback: str | None, last: list[str],
                by: str | None = None) -> tuple[list[str], str]:
    tokens = cue["actors"]
    if cue["kind"] == "need_noun":
        # "the ministry underscored the need to …": the speaker's own state is asked to act
        state = _as_addressee(by, ctx.pack) if by and by != "author" else None
        if state in STATES:
            return [state], "speaker"
        return ([fallback] if fallback else []), "default"
    actors: list[str] = []
    head_words: set[str] = set()
    all_words: set[str] = set()
    if tokens:
        s, e = _span_of(tokens)
        actors = _actors_in(ctx, s, e)
        head_words = all_words = {t.lower_ for t in tokens}
        ids = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
        if len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN") and roots[0].lower_ not in DEFAULT_HEADS:
            # "country situations should be …": a modifier ('country') does not make the head a party
            head_words = {t.lower_ for t in tokens if t.i == roots[0].i or t.dep_ not in ("compound", "amod")}
        if tokens[0].i == sent.start and cue["kind"] == "modal":
            # the parser sometimes ends a sentence inside "Washington and | Seoul should …"
            before = ctx.text[max(0, sent.start_char - 60): sent.start_char]
            tail = re.search(r"([^\n.;:]{2,50}?)\s+(?:and|or)\s*$", before)
            if tail:
                off = sent.start_char - len(before) + tail.start(1)
                actors = _actors_in(ctx, off, off + len(tail.group(1))) + actors
    if cue["kind"] == "needed":
        actors = _actors_in(ctx, sent.start_char, cue["subject_end"])
    # "the international community should push China to …" asks China
    verb = cue.get("verb")
    # ("the government should press China" asks the government, not China)
    if ((not actors and not head_words & DEFAULT_HEADS) or head_words & NO_ID) and verb is not None \
            and verb.lemma_.lower() in PUSH_VERBS | URGE_VERBS and cue["kind"] == "modal":
        obj = _object_of(verb)
        if obj:
            s, e = _span_of(obj)
            inner = _actors_in(ctx, s, e)
            if inner:
                return [_as_addressee(a, ctx.pack) for a in inner], "explicit"
    if actors:
        out = []
        for a in actors:
            a = _as_addressee(a, ctx.pack)
            if a not in out:
                out.append(a)
        return out, "explicit"
    if head_words & NO_ID:
        return [], "none"
    generic = _generic_head(ctx, sent, cue, tokens, all_words, by)
    if generic:
        return [generic], "default"
    if cue["kind"] == "urge" and by and by != "author" and not tokens:
        # "Lawmakers in Seoul called for the ban to be repealed": a demand with no named addressee
        # is put to the speaker's own government when the speaker is national
        state = _as_addressee(by, ctx.pack)
        if state in STATES:
            return [state], "speaker"
    if cue["kind"] == "urge" and not any(t.pos_ in ("PROPN", "PRON") for t in tokens):
        # "demanding a new envoy be named": the thing demanded, not a party; the document's main state is asked
        return ([fallback] if fallback else []), "default"
    if cue["kind"] in ("heading", "impersonal", "hope") or head_words & DEFAULT_HEADS:
        if last and (head_words & {"it", "they"} or (cue["kind"] == "impersonal" and not tokens)):
            return last, "carried"
        return ([fallback] if fallback else []), "default"
    if cue["kind"] == "modal" and fallback and _policy_subject(tokens):
        return [fallback], "default"
    return [], "none"


ROLE_HEADS = {"envoy": "envoy", "ambassador": "ambassador", "rapporteur": "rapporteur"}


def _generic_head(ctx: Any, sent: Any, cue: dict[str, Any], tokens: list[Any], head_words: set[str],
                  by: str | None) -> str | None:
    """Whom an unnamed head stands for: 'the (new) envoy' is the post last named in the text, 'the Council' the UN
    council last named, 'the government' the state the sentence has just named or the speaker's own."""
    if not tokens:
        return None
    before = [m for m in ctx.mentions if m.end <= cue["start"]]
    roles = head_words & set(ROLE_HEADS)
    if roles and cue["kind"] == "modal":
        word = ROLE_HEADS[sorted(roles)[0]]
        for m in reversed(before):
            if m.kind == "post" and word in m.text.lower():
                actor = _mention_actor(m, ctx.pack)
                if actor:
                    return _as_addressee(actor, ctx.pack)
                break
    if "council" in head_words:
        for m in reversed(before):
            if m.kind == "body" and m.id in ("un_sc", "un_hrc"):
                return m.id
    if head_words & {"government", "administration"} and not any(t.pos_ == "PROPN" for t in tokens):
        states = []
        for m in ctx.mentions:
            if sent.start_char <= m.start and m.end <= cue["start"] and m.start < tokens[0].idx:
                actor = _mention_actor(m, ctx.pack)
                actor = _as_addressee(actor, ctx.pack) if actor else None
                if actor in STATES and actor not in states:
                    states.append(actor)
        if len(states) == 1:
            return states[0]  # "In Seoul, lawmakers said the government should …"
    return None


_POLICY_SUBJECT = re.compile(r"\b(?:human rights|officials|aid|policy|approach|strategy|envoy|funding)\b", re.I)


def _policy_subject(tokens: list[Any]) -> bool:
    """An impersonal subject that still makes a policy ask ('human rights must be integrated into policy')."""
    return bool(tokens) and bool(_POLICY_SUBJECT.search(" ".join(t.text for t in tokens)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
