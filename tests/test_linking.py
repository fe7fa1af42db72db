"""Entity linking: each alias family on sentences written for these tests, plus precision guards."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.linking import Mention, link_mentions, state_of
from nkmonitor.pack import load_pack


@pytest.fixture(scope="session")
def pack():
    return load_pack()


def link(text: str, pack, **kw) -> list[Mention]:
    return link_mentions(DocContext(text=text, sdoc=None, published=kw.get("published"), pack=pack))


def ids(mentions, kind=None):
    return [(m.id, m.via) for m in mentions if kind is None or m.kind == kind]


def test_offsets_point_into_text(pack):
    text = "Officials in Seoul met the U.N. special rapporteur on North Korean human rights on Monday."
    ms = link(text, pack)
    assert ms, "something must be linked"
    for m in ms:
        assert text[m.start:m.end] == m.text
    starts = [m.start for m in ms]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:])), "mentions must not overlap"


def test_alias_person_and_body(pack):
    ms = link("Marzuki Darusman spoke to the Human Rights Council in Geneva.", pack)
    assert ("marzuki_darusman", "alias") in ids(ms, "person")
    assert ("un_hrc", "alias") in ids(ms, "body")


@pytest.mark.parametrize("text, post", [
    ("She met the U.N. special rapporteur on North Korean human rights.", "un_special_rapporteur_dprk"),
    ("He was the special rapporteur on the situation of human rights in the DPRK.", "un_special_rapporteur_dprk"),
    ("The U.S. special envoy for North Korean human rights issues visited Tokyo.", "us_special_envoy_nkhr"),
    ("Seoul's ambassador for North Korean human rights gave a speech.", "rok_ambassador_nkhr"),
    ("South Korea's ambassador-at-large on North Korean human rights arrived.", "rok_ambassador_nkhr"),
    ("The UN High Commissioner for Human Rights issued a statement.", "un_high_commissioner_hr"),
])
def test_post_descriptions(pack, text, post):
    assert post in [m.id for m in link(text, pack) if m.kind == "post"]


def test_possessive_envoy(pack):
    ms = link("Washington's envoy arrived in Seoul on Tuesday.", pack)
    posts = [m for m in ms if m.kind == "post"]
    assert [(m.id, m.via) for m in posts] == [("us_special_envoy_nkhr", "possessive")]
    assert posts[0].text.startswith("Washington")


@pytest.mark.parametrize("text", [
    "The South Korean ambassador to the U.N. spoke after the vote.",
    "The special rapporteur on torture visited Geneva.",
    "He served as Ambassador for Human Rights before joining the ministry.",
])
def test_other_posts_are_not_linked(pack, text):
    assert not [m for m in link(text, pack) if m.kind == "post"]


def test_bare_envoy_refers_back(pack):
    text = ("Seoul named a new ambassador for North Korean human rights in July. "
            "The ambassador will travel to Geneva.")
    posts = [m for m in link(text, pack) if m.kind == "post"]
    assert [m.id for m in posts] == ["rok_ambassador_nkhr", "rok_ambassador_nkhr"]


def test_abbreviation_defined_in_text(pack):
    text = "Members met for the Universal Periodic Review (UPR) in Geneva. The UPR ended on Friday."
    ms = [m for m in link(text, pack) if m.kind == "mechanism"]
    assert {m.id for m in ms} == {"upr_dprk"}
    assert any(m.via == "abbreviation" and m.text == "UPR" for m in ms)


def test_metonym_and_pronoun_us(pack):
    ms = link("Beijing rejected the request, and Pyongyang told us nothing.", pack)
    states = ids(ms, "state")
    assert ("china", "metonym") in states and ("dprk", "metonym") in states
    assert "us" not in [i for i, _ in states], "the pronoun 'us' is not the United States"


def test_surname_coreference(pack):
    text = "Robert King testified on Tuesday. King said the post should be filled. A king has no envoy."
    persons = [m for m in link(text, pack) if m.kind == "person"]
    assert [(m.text, m.via) for m in persons] == [("Robert King", "alias"), ("King", "surname")]
    assert {m.id for m in persons} == {"robert_king"}


def test_family_name_of_another_person_is_not_linked(pack):
    text = "Lee Shin-wha met reporters. Lee Jae-sung, a lawmaker, asked a question. Lee answered."
    persons = [m for m in link(text, pack) if m.kind == "person"]
    assert [m.text for m in persons if m.via == "surname"] == ["Lee"]
    assert all(m.id == "lee_shin_wha" for m in persons)


def test_lowercase_common_phrase_is_not_an_un_body(pack):
    ms = link("He chaired Indonesia's national human rights commission.", pack)
    assert "un_chr" not in [m.id for m in ms]


@pytest.mark.parametrize("text, inst", [
    ("Congress passed the North Korean Human Rights Act of 2004 with support from both parties.", "us_nkhra_2004"),
    ("The National Assembly in Seoul finally passed the North Korean Human Rights Act.", "rok_nkhra_2016"),
    ("South Korea's North Korea Human Rights Act of 2016 mandates a foundation.", "rok_nkhra_2016"),
    ("The legislature banned balloon launches with a new law on leaflets.", "rok_anti_leaflet_law_2020"),
])
def test_instrument_disambiguation(pack, text, inst):
    assert inst in [m.id for m in link(text, pack) if m.kind == "instrument"]


def test_instrument_anaphora(pack):
    text = "The North Korea Sanctions and Policy Enhancement Act passed easily. The law requires reports."
    ms = [m for m in link(text, pack) if m.kind == "instrument"]
    assert [(m.id, m.via) for m in ms] == [("us_nkspea_2016", "alias"), ("us_nkspea_2016", "description")]


def test_state_of(pack):
    assert state_of("us_congress", pack) == "us"
    assert state_of("rok", pack) == "rok"
    assert state_of("un_sc", pack) is None


@pytest.mark.parametrize("text", ["", "   \n ", "북한 인권 특사가 임명되었다.", "<div><p>&nbsp;</p></div>"])
def test_odd_text(pack, text):
    for m in link(text, pack):
        assert text[m.start:m.end] == m.text


def test_linear_on_long_text(pack):
    import time

    block = "The special envoy for North Korean human rights met Robert King in Seoul. " * 4000
    t0 = time.perf_counter()
    ms = link(block, pack)
    assert time.perf_counter() - t0 < 10
    assert len([m for m in ms if m.kind == "post"]) == 4000


def test_resolution_without_body_by_season(pack):
    # no body named: the annual U.N. human rights resolution is the GA's in the autumn, the Council's in spring
    text = "Seoul declined to co-sponsor the annual U.N. resolution on North Korean human rights."
    assert ("unga_dprk_hr_resolution", "description") in ids(link(text, pack, published="2019-11-18"), "instrument")
    assert ("unhrc_dprk_hr_resolution", "description") in ids(link(text, pack, published="2019-03-20"), "instrument")
    assert not ids(link(text, pack, published="2019-07-01"), "instrument")
    # a sanctions resolution is not the human rights series
    sanc = "The U.N. resolution on North Korea adopted by the Security Council tightened sanctions on human rights abusers."
    assert not ids(link(sanc, pack, published="2017-12-23"), "instrument")
