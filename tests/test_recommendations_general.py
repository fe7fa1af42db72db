"""Recommendations: classes of phrasing, each with several natural variants and negatives written for these tests.

None of these sentences is taken from a corpus document; each class is tested with wordings the rules were not
written against."""

from __future__ import annotations

import hashlib

import pytest

from nkmonitor.analyze import Extractor
from nkmonitor.records import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def make_doc(text: str, title: str | None = None, published: str | None = "2024-05-02") -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(source="test.txt", text=text, raw_hash=digest, content_hash=digest, reader="text",
                    reader_version="test", title=title, published=published,
                    published_from="sidecar" if published else "none", language="en")


def asks(extractor, text, title=None, published="2024-05-02"):
    return {(r.addressee, r.action) for r in extractor.extract(make_doc(text, title, published)).recommendations}


# ------------------------------------------------------------------ 'ought to' parsed as the clause head

@pytest.mark.parametrize("text, expected", [
    ("The activists also said Washington ought to raise the deportation of escapees with Chinese officials.",
     ("us", "refugee_protection")),
    ("Several scholars argued that Seoul ought to resume rice aid to the North.", ("rok", "humanitarian_cooperation")),
    ("Critics said Tokyo ought to press harder for the return of the abductees.", ("japan", "detainees_abductees_families")),
])
def test_ought_to_in_reported_speech(extractor, text, expected):
    assert expected in asks(extractor, text)


# ------------------------------------------------------------------ speaker's own will/would, drafts' wording

@pytest.mark.parametrize("text, expected", [
    ("Several rights groups said they would press the Biden administration to name a special envoy this year.",
     ("us", "appoint_official")),
    ("We will continue to urge Beijing to stop sending escapees back to North Korea.", ("china", "refugee_protection")),
    ("Under the text, the Assembly would urge the Democratic People's Republic of Korea to end the violations "
     "and to cooperate with the Special Rapporteur.", ("dprk", "dprk_compliance")),
])
def test_own_commitment_or_draft_wording_is_an_ask(extractor, text, expected):
    assert expected in asks(extractor, text)


@pytest.mark.parametrize("text", [
    "Analysts said Washington would press Seoul to co-sponsor the resolution after the election.",
    "The committee rejected an amendment that would have deleted the paragraphs urging the Security Council to hold a meeting.",
    "Diplomats expect that the president will urge Beijing to stop the deportations.",
])
def test_forecasts_and_counterfactuals_are_not_asks(extractor, text):
    assert asks(extractor, text) == set()


# ------------------------------------------------------------------ coordinated clause with its own subject

@pytest.mark.parametrize("text, expected", [
    ("Council members should hold an open meeting on the situation before the year ends, and the United States, "
     "as the member that led earlier requests, should circulate a request for such a meeting.", ("us", "un_multilateral_action")),
    ("Beijing must halt the deportations at once, and Japan, which hosts many of the families, should press "
     "Pyongyang for the return of the abductees.", ("japan", "detainees_abductees_families")),
])
def test_coordinated_clause_takes_its_own_subject(extractor, text, expected):
    assert expected in asks(extractor, text)


# ------------------------------------------------------------------ action wording beyond the training lines

@pytest.mark.parametrize("text, expected", [
    ("Congress should pass a clean reauthorization before the session ends.", ("us", "legislation")),
    ("The Senate must not let this bill die in committee, the groups said.", ("us", "legislation")),
    ("The National Assembly should write new rules to protect residents of border towns.", ("rok", "legislation")),
    ("The unification ministry called on the National Assembly to recommend the foundation's directors quickly.",
     ("rok", "legislation")),
    ("The new U.S. envoy should be nominated early next year and confirmed quickly, the senator said.",
     ("us", "appoint_official")),
    ("President Biden should make clear that human rights will be part of any new North Korea policy.",
     ("us", "integrate_hr_in_policy")),
    ("The Seoul government should resume fertilizer and rice shipments to the North.", ("rok", "humanitarian_cooperation")),
    ("The Biden administration should make sure that food aid reaches ordinary North Koreans rather than the army.",
     ("us", "aid_monitoring")),
    ("Beijing must stop sending North Koreans back across the river.", ("china", "refugee_protection")),
    ("The United States should restore funding for documentation of abuses by North Korean officials.",
     ("us", "accountability_measures")),
    ("The United States should convene a Security Council meeting on the prison camps.", ("us", "un_multilateral_action")),
    ("Seoul should help Washington line up the votes at the Security Council.", ("rok", "un_multilateral_action")),
])
def test_action_wording(extractor, text, expected):
    assert expected in asks(extractor, text)


def test_description_of_an_agenda_is_not_an_ask(extractor):
    text = ("The delegates discussed aid, talks and the bill in Seoul last week. "
            "The ministry delivered rice to the North in 2019.")
    assert asks(extractor, text) == set()


# ------------------------------------------------------------------ addressee: unnamed heads

@pytest.mark.parametrize("text, expected", [
    # 'the government' is the state the sentence has just named
    ("In Tokyo, opposition lawmakers said the government should raise the abductions at the summit.",
     ("japan", "detainees_abductees_families")),
    ("In Seoul, several professors said the government should send rice to the North this spring.",
     ("rok", "humanitarian_cooperation")),
    # 'the new envoy' is the post the text last named
    ("Julie Turner became the U.S. special envoy for North Korean human rights last month. China deported dozens of "
     "escapees in the same week. The new envoy should make the deportations by China her first priority.",
     ("us", "refugee_protection")),
    # a person the text talks about, and office holders named by role
    ("Julie Turner became the U.S. special envoy for North Korean human rights last month. "
     "Advocates say she should press Beijing publicly on the forced returns.", ("us", "refugee_protection")),
    ("The United States cut Korean-language broadcasts this spring. Appropriators should restore funding for "
     "the broadcasts next year.", ("us", "information_access")),
])
def test_unnamed_heads_resolve(extractor, text, expected):
    assert expected in asks(extractor, text)


def test_the_government_pressing_another_state_is_the_one_asked(extractor):
    found = asks(extractor, "South Korea has said little. \"The government should press China to stop sending "
                            "North Koreans back,\" a Seoul activist said.")
    assert ("rok", "refugee_protection") in found
    assert ("china", "refugee_protection") not in found


def test_other_parties_have_no_id(extractor):
    text = "The Chinese envoy called on the parties to resume dialogue and said all sides should show restraint."
    assert asks(extractor, text) == set()


def test_someone_elses_ambassador_is_not_the_speakers_state(extractor):
    text = ("Foreign Minister Yun met the new Ambassador-at-large for North Korean human rights on Monday and asked "
            "the Ambassador to do his best to improve the situation of the North Korean people.")
    assert ("rok", "integrate_hr_in_policy") not in asks(extractor, text)
