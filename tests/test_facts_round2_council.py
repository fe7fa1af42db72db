"""Round 2 (council_meeting, mechanism_event, repatriation): general phrasings of the constructions dev set E
showed missing or over-read, with negatives. Written for these tests, not taken from any corpus document."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.facts import extract_facts
from nkmonitor.analyze.linking import link_mentions


@pytest.fixture(scope="module")
def run():
    from nkmonitor.analyze import Extractor

    ex = Extractor()

    def _run(text: str, published: str | None = "2023-10-14", kind: str = "repatriation"):
        ctx = DocContext(text=text, sdoc=ex.nlp(text), published=published, pack=ex.pack)
        ctx.mentions = link_mentions(ctx)
        facts = extract_facts(ctx)
        for f in facts:
            assert f.evidence.text == text[f.evidence.start:f.evidence.end]
        return [f.to_json() for f in facts if f.type == kind]
    return _run


def got(facts, *fields):
    return {tuple(f.get(k) for k in fields) for f in facts}


# ---------------------------------------------------------------- repatriation: head counts

@pytest.mark.parametrize("text, count", [
    ("Chinese authorities forcibly returned roughly 600 North Koreans on 9 October 2023.", 600),
    ("Beijing deported close to 500 North Koreans on 9 October 2023.", 500),
    ("China's deportation of some six hundred North Koreans on 9 October 2023 drew protests.", 600),
    ("China forcibly returned eighty North Koreans on 9 October 2023.", 80),
    ("China repatriated two thousand five hundred North Koreans on 9 October 2023.", 2500),
    ("China forcibly returned a large number of North Koreans, by some estimates about 600 people, on 9 October 2023.", 600),
    ("The forced return from China of about 600 North Koreans on 9 October 2023 alarmed activists.", 600),
])
def test_repatriation_counts(run, text, count):
    assert got(run(text), "by", "count") == {("china", count)}


def test_repatriation_passive_from_state(run):
    facts = run("Reports say some 80 people were returned from China to the DPRK on 29 August, and that about 40 more "
                "were sent back on Monday.", "2023-09-20")
    assert got(facts, "by", "count", "date") == {("china", 80, "2023-08-29"), ("china", 40, "2023-09-18")}


@pytest.mark.parametrize("text", [
    "Some 200 defectors were returned from China to South Korea's custody in 2010.",
    "Officials returned from China on 9 October 2023 with no agreement.",
])
def test_repatriation_from_negatives(run, text):
    assert not [f for f in run(text) if f.get("by") == "china" and f.get("count")]


def test_repatriation_cleft_government(run):
    facts = run("Seoul again stayed off the list of co-sponsors. And it was this government that, in November last year, "
                "sent two fishermen back to the North.", "2020-12-16")
    assert got(facts, "by", "count", "date") == {("rok", 2, "2019-11")}


def test_repatriation_government_three_back(run):
    facts = run("Before that, Seoul wavered. It abstained in 2005. The retreat also fits a pattern. Earlier this month the "
                "government handed two North Korean fishermen back across the border.", "2019-11-20")
    assert got(facts, "by", "count") == {("rok", 2)}


@pytest.mark.parametrize("text", [
    "We urge the PRC to honor the 1951 Refugee Convention and its 1967 Protocol, including the principle of non-refoulement.",
    "China must respect the principle of non refoulement.",
    "Why does China send North Koreans back?",
    "Does Beijing still deport North Korean women?",
])
def test_repatriation_negatives(run, text):
    assert run(text) == []
