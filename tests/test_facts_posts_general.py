"""Post events and vacancies: general phrasings of each linguistic class (written for these tests), positive and negative."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.linking import link_mentions


@pytest.fixture(scope="module")
def run(facts_of):
    return lambda text, published="2023-10-14": facts_of(text, published)


def posts(facts):
    return {(f["event"], f["post"], f.get("person"), f.get("date")) for f in facts if f["type"] == "post_event"}


def vacancies(facts):
    return {f["post"] for f in facts if f["type"] == "post_vacancy"}


ENVOY = "us_special_envoy_nkhr"
RAPP = "un_special_rapporteur_dprk"
ROK = "rok_ambassador_nkhr"


# ---- the end of a tenure: "his tenure ended", "completed her term", "held the job until"
@pytest.mark.parametrize("text, expected", [
    ("Vitit Muntarbhorn was the UN Special Rapporteur on North Korean human rights. Muntarbhorn's six years ended in June 2010.",
     ("left_office", RAPP, "vitit_muntarbhorn", "2010-06")),
    ("Tomás Ojea Quintana served as the UN Special Rapporteur on North Korean human rights. Quintana completed his six-year term at the end of July 2022.",
     ("left_office", RAPP, "tomas_ojea_quintana", "2022-07")),
    ("Jay Lefkowitz was the special envoy for North Korean human rights. He held the part-time job until January 2009.",
     ("left_office", ENVOY, "jay_lefkowitz", "2009-01")),
    ("Marzuki Darusman was the UN Special Rapporteur on North Korean human rights. Darusman's tenure ran until June 2016.",
     ("left_office", RAPP, "marzuki_darusman", "2016-06")),
])
def test_end_of_tenure(run, text, expected):
    assert expected in posts(run(text, "2024-01-10"))


# ---- the start of a tenure: "took up the mandate", "began her mandate", "started work", "took over as"
@pytest.mark.parametrize("text, expected", [
    ("Tomás Ojea Quintana was appointed UN Special Rapporteur on North Korean human rights on 1 July 2016 and took up the mandate on 1 August of that year.",
     ("took_office", RAPP, "tomas_ojea_quintana", "2016-08-01")),
    ("Elizabeth Salmón began her mandate as the UN Special Rapporteur on North Korean human rights in August 2022.",
     ("took_office", RAPP, "elizabeth_salmon", "2022-08")),
    ("Julie Turner took over as special envoy for North Korean human rights in October 2023.",
     ("took_office", ENVOY, "julie_turner", "2023-10")),
])
def test_start_of_tenure(run, text, expected):
    assert expected in posts(run(text, "2024-01-10"))


# ---- appointment verbs and relative clauses; a "Mr." is no appointer
@pytest.mark.parametrize("text, expected", [
    ("Vitit Muntarbhorn held the post of UN Special Rapporteur on North Korean human rights until 2010 and was succeeded by Mr. Darusman, who was appointed by the Council in June 2010.",
     ("appointed", RAPP, "marzuki_darusman", "2010-06")),
    ("The special envoy for North Korean human rights post had been empty for months. President George W. Bush picked Jay Lefkowitz, a lawyer, in August 2005.",
     ("appointed", ENVOY, "jay_lefkowitz", "2005-08")),
    ("Robert King was named special envoy for North Korean human rights in 2009. His resignation took effect on Jan. 13, 2017.",
     ("left_office", ENVOY, "robert_king", "2017-01-13")),
    ("Julie Turner is the special envoy for North Korean human rights. The White House sent her nomination to the Senate on Jan. 23, 2023.",
     ("nominated", ENVOY, "julie_turner", "2023-01-23")),
    ("In the resolution, the Council decided to extend the mandate of the Special Rapporteur on North Korean human rights, Marzuki Darusman, for a further year.",
     ("term_extended", RAPP, "marzuki_darusman", None)),
])
def test_appointment_phrasings(run, text, expected):
    got = posts(run(text, "2024-01-10"))
    if expected[3] is None:
        assert any(g[:3] == expected[:3] for g in got)
    else:
        assert expected in got


# ---- negatives: plans, a bill approved by the Senate, "named for", an administration leaving office, a hearing
@pytest.mark.parametrize("text", [
    "The law requires a special envoy for North Korean human rights. The Senate approved it by unanimous consent in June 2018.",
    "The 2012 reauthorization of the special envoy for North Korean human rights act, named for Ambassador James Lilley, passed the House.",
    "The government should appoint an ambassador for North Korean human rights promptly and keep the post filled.",
    "The administration plans to nominate a special envoy for North Korean human rights next year.",
    "Will the next president appoint a special envoy for North Korean human rights?",
])
def test_post_event_negatives(run, text):
    assert posts(run(text, "2024-01-10")) == set()


def test_administration_leaving_is_no_departure(run):
    text = ("The Senate has confirmed Robert King as special envoy for North Korean human rights, filling a post that had stood "
            "empty since the Bush administration left office in January.")
    got = posts(run(text, "2009-11-22"))
    assert not any(g[0] == "left_office" for g in got)
    assert ("confirmed", ENVOY, "robert_king", "2009-11") in got


def test_confirmation_hearing_is_not_the_confirmation(run):
    text = ("Julie Turner is the nominee for special envoy for North Korean human rights. "
            "After a confirmation hearing in May, the Senate confirmed her by voice vote on July 27.")
    got = posts(run(text, "2023-08-01"))
    assert ("confirmed", ENVOY, "julie_turner", "2023-07-27") in got
    assert not any(g[0] == "confirmed" and g[3] == "2023-05" for g in got)


def test_other_office_is_not_taken_for_the_post(run):
    text = ("The special envoy for North Korean human rights post stayed empty. "
            "President Donald Trump nominated Rex Tillerson as secretary of state in December 2016.")
    assert posts(run(text, "2017-03-01")) == set()


# ---- relative dates: "two months later", "the following month", "a year later"
@pytest.mark.parametrize("text, expected", [
    ("President Barack Obama nominated Robert King as special envoy for North Korean human rights in September 2009, and the Senate approved him two months later.",
     {("nominated", ENVOY, "robert_king", "2009-09"), ("confirmed", ENVOY, "robert_king", "2009-11")}),
    ("The Council appointed Marzuki Darusman as UN Special Rapporteur on North Korean human rights on 18 June 2010, and he started work the following month.",
     {("appointed", RAPP, "marzuki_darusman", "2010-06-18"), ("took_office", RAPP, "marzuki_darusman", "2010-07")}),
    ("Julie Turner was nominated as special envoy for North Korean human rights in January 2023 and was sworn in a year later.",
     {("nominated", ENVOY, "julie_turner", "2023-01"), ("took_office", ENVOY, "julie_turner", "2024")}),
])
def test_relative_later_dates(run, text, expected):
    assert expected <= posts(run(text, "2024-06-01"))


# ---- vacancies phrased without the word "vacancy"
@pytest.mark.parametrize("text, post", [
    ("Its ambassador for North Korean human rights post has not been filled since the first holder left in 2017.", ROK),
    ("Congress told the president to name a special envoy for North Korean human rights. The deadline passed in April with the seat still empty.", ENVOY),
    ("The special envoy for North Korean human rights post has remained unfilled for four years.", ENVOY),
])
def test_vacancy_phrasings(run, text, post):
    assert post in vacancies(run(text, "2021-03-30"))


def test_vacancy_negative_plan(run):
    text = "The government plans to fill the special envoy for North Korean human rights post, which it expects to keep filled."
    assert vacancies(run(text, "2021-03-30")) == set()


# ---- heads of state and descriptions are not holders
@pytest.mark.parametrize("text", [
    "Lee Shin-wha was appointed ambassador for North Korean human rights about two months after President Yoon Suk Yeol took office.",
    "A 2008 amendment made the special envoy for North Korean human rights a full-time official, confirmed by the Senate.",
    "The special envoy for North Korean human rights post is one of many. During his first two years in office, 512 individuals nominated by Biden were confirmed by the Senate.",
])
def test_not_the_holders_event(run, text):
    got = posts(run(text, "2022-10-01"))
    assert not any(g[0] in ("took_office", "confirmed") for g in got)


# ---- served ranges with a relative end ("from 2005 until January of this year") and "did the job"
@pytest.mark.parametrize("text, published, expected", [
    ("He succeeds Jay Lefkowitz, a lawyer who did the special envoy for North Korean human rights job part-time from 2005 until January of this year.",
     "2009-11-22", {("took_office", ENVOY, "jay_lefkowitz", "2005"), ("left_office", ENVOY, "jay_lefkowitz", "2009-01")}),
    ("Lee Shin-wha served as ambassador for North Korean human rights from 2022 until July last year.",
     "2025-05-28", {("took_office", ROK, "lee_shin_wha", "2022"), ("left_office", ROK, "lee_shin_wha", "2024-07")}),
])
def test_served_range_relative_end(run, text, published, expected):
    assert expected <= posts(run(text, published))


# ---- an elided "term": "The post carries a one-year term. Lee's was renewed in July."
def test_elided_term_renewed(run):
    text = ("Lee Shin-wha was appointed ambassador for North Korean human rights in July 2022. The position carries a one-year term "
            "that may be extended once. Lee's was renewed in July last year.")
    assert ("term_extended", ROK, "lee_shin_wha", "2023-07") in posts(run(text, "2024-07-19"))


@pytest.mark.parametrize("text", [
    # appointed to another body, a renewal of something else, an elided noun that is not a term
    "Marzuki Darusman was the UN Special Rapporteur on North Korean human rights. Former judge Michael Kirby was named to chair the inquiry in May 2013.",
    "Lee Shin-wha was appointed ambassador for North Korean human rights in July 2022. Lee's passport was renewed in July last year.",
])
def test_not_this_post(run, text):
    got = posts(run(text, "2024-07-19"))
    assert not any(g[2] == "michael_kirby" for g in got)
    assert not any(g[0] == "term_extended" for g in got)


# ---- more phrasings: double-object "named X its new ambassador", "Name (2009-2017)", "left the ... post"
@pytest.mark.parametrize("text, expected", [
    ("Seoul named Lee Shin-wha its new ambassador for North Korean human rights on Tuesday.",
     {("appointed", ROK, "lee_shin_wha", "2023-10-17")}),
    ("Former special envoy for North Korean human rights Robert King (2009-2017) spoke at the event.",
     {("took_office", ENVOY, "robert_king", "2009"), ("left_office", ENVOY, "robert_king", "2017")}),
    ("Robert King spent seven years in Washington. After seven years, King left the special envoy for North Korean human rights post in January 2017.",
     {("left_office", ENVOY, "robert_king", "2017-01")}),
    ("Julie Turner was sworn in as special envoy for North Korean human rights on Monday.",
     {("took_office", ENVOY, "julie_turner", "2023-10-16")}),
])
def test_more_phrasings(run, text, expected):
    assert expected <= posts(run(text, "2023-10-18"))


@pytest.mark.parametrize("text", [
    "Robert King did not resign as special envoy for North Korean human rights.",
    "Julie Turner is expected to be sworn in as special envoy for North Korean human rights next week.",
    "Special envoy for North Korean human rights Julie Turner said on Monday that China must stop the returns.",
    "Rumors that Robert King would resign as special envoy for North Korean human rights proved false.",
    "Seoul is considering whom to appoint as ambassador for North Korean human rights.",
])
def test_more_negatives(run, text):
    assert posts(run(text, "2023-10-18")) == set()


# ---- "served as ... until", "X's pick", vacancies not yet or no longer
def test_served_as_until(run):
    text = "Julie Turner served as special envoy for North Korean human rights until January 2025."
    assert ("left_office", ENVOY, "julie_turner", "2025-01") in posts(run(text, "2025-05-28"))


def test_possessive_appointer(run):
    text = "Biden's pick for special envoy for North Korean human rights, Julie Turner, was confirmed by the Senate on July 27."
    got = posts(run(text, "2023-08-01"))
    assert ("confirmed", ENVOY, "julie_turner", "2023-07-27") in got
    assert not any(g[2] == "joe_biden" for g in got)


@pytest.mark.parametrize("text", [
    "The special envoy for North Korean human rights post will fall vacant in January.",
    "The special envoy for North Korean human rights post is no longer vacant.",
    "The ambassador for North Korean human rights post is expected to become vacant next month.",
])
def test_vacancy_negatives_future_or_ended(run, text):
    assert vacancies(run(text, "2023-10-18")) == set()


def test_vacancy_continues_to_remain_unfilled(run):
    text = "The special envoy for North Korean human rights position continues to remain unfilled since 2017."
    assert vacancies(run(text, "2022-06-01")) == {ENVOY}


# ---- "in the resolution": the date of the adoption stated just before
@pytest.mark.parametrize("text, expected", [
    ("The Human Rights Council adopted a resolution on North Korea on 24 March 2017. In the resolution, the Council also decided to extend "
     "the mandate of the Special Rapporteur on North Korean human rights, Tomás Ojea Quintana, for a further year.",
     ("term_extended", RAPP, "tomas_ojea_quintana", "2017-03-24")),
    ("On 22 March 2019 the Council passed a resolution on North Korea without a vote. The same resolution also extended the mandate "
     "of the UN Special Rapporteur on North Korean human rights for one year.",
     ("term_extended", RAPP, None, "2019-03-22")),
])
def test_mandate_extended_in_the_resolution(run, text, expected):
    assert expected in posts(run(text, "2019-04-01"))


def test_resolution_back_reference_needs_an_adoption(run):
    text = ("Critics have long questioned a resolution on North Korea. In the resolution, the Council also decided to extend the mandate "
            "of the Special Rapporteur on North Korean human rights for a further year.")
    got = posts(run(text, "2019-04-01"))
    assert all(g[3] is None for g in got if g[0] == "term_extended")


# ---- a choice made before the Senate's confirmation is the nomination
@pytest.mark.parametrize("text, expected, absent", [
    ("The Senate approved Robert King as special envoy for North Korean human rights in November 2009. "
     "President Barack Obama had named him for the job in September 2009.",
     ("nominated", ENVOY, "robert_king", "2009-09"), ("appointed", ENVOY, "robert_king", "2009-09")),
    ("Biden picked Julie Turner as special envoy for North Korean human rights in January 2023, and the Senate confirmed her on July 27, 2023.",
     ("nominated", ENVOY, "julie_turner", "2023-01"), ("appointed", ENVOY, "julie_turner", "2023-01")),
])
def test_choice_before_confirmation_is_nomination(run, text, expected, absent):
    got = posts(run(text, "2023-10-18"))
    assert expected in got and absent not in got


def test_appointment_without_confirmation_stays(run):
    text = "President George W. Bush appointed Jay Lefkowitz as special envoy for North Korean human rights in August 2005."
    assert ("appointed", ENVOY, "jay_lefkowitz", "2005-08") in posts(run(text, "2005-09-01"))


# ---- linking: "North Korean human rights" in front of the title is its topic, "North Korean Ambassador" is Pyongyang's
@pytest.fixture(scope="module")
def mentions():
    from nkmonitor.analyze import Extractor

    ex = Extractor()

    def _m(text):
        ctx = DocContext(text=text, sdoc=ex.nlp(text), published="2023-10-14", pack=ex.pack)
        return [(m.kind, m.id) for m in link_mentions(ctx) if m.kind == "post"]
    return _m


@pytest.mark.parametrize("text, expected", [
    ("The United States has a North Korean human rights envoy again.", [("post", ENVOY)]),
    ("Seoul named a new North Korean human rights ambassador on Monday.", [("post", ROK)]),
    ("North Korean Ambassador Kim Song spoke at the UN on Monday.", []),
])
def test_premodifier_topic_linking(mentions, text, expected):
    assert mentions(text) == expected


# ---- "became", "has been ... since", "succeeded X as"
@pytest.mark.parametrize("text, expected", [
    ("Robert King became special envoy for North Korean human rights in November 2009.",
     ("took_office", ENVOY, "robert_king", "2009-11")),
    ("Julie Turner has been special envoy for North Korean human rights since October 2023.",
     ("took_office", ENVOY, "julie_turner", "2023-10")),
    ("Julie Turner succeeded Robert King as special envoy for North Korean human rights in October 2023.",
     ("took_office", ENVOY, "julie_turner", "2023-10")),
    ("Lee Shin-wha, who became ambassador for North Korean human rights in July 2022, resigned on Friday.",
     ("took_office", ROK, "lee_shin_wha", "2022-07")),
])
def test_became_and_succeeded(run, text, expected):
    got = posts(run(text, "2023-10-18"))
    assert expected in got
    assert not any(g[2] == "robert_king" and g[0] == "took_office" for g in got if "succeeded" in text)


@pytest.mark.parametrize("text", [
    "Robert King became the first special envoy for North Korean human rights to visit Pyongyang in May 2011.",
    "If confirmed, Julie Turner would become the first special envoy for North Korean human rights since 2017.",
    "Robert King has been a critic of the special envoy for North Korean human rights office since 2017.",
])
def test_became_negatives(run, text):
    assert not any(g[0] == "took_office" for g in posts(run(text, "2023-10-18")))


# ---- the passage's post is not given to someone named to another office
@pytest.mark.parametrize("text", [
    "The special envoy for North Korean human rights post stayed empty. President Donald Trump nominated Brett Kavanaugh to the Supreme Court in July 2018.",
    "The special envoy for North Korean human rights post stayed empty. In 2021 Biden picked Antony Blinken as his top diplomat.",
    "The special envoy for North Korean human rights post stayed empty. Rex Tillerson was sworn in as the nation's top diplomat in February 2017.",
])
def test_passage_post_not_for_other_offices(run, text):
    assert posts(run(text, "2022-01-01")) == set()


def test_took_over_from(run):
    text = "Elizabeth Salmón took over from Tomás Ojea Quintana as UN Special Rapporteur on North Korean human rights on August 1, 2022."
    got = posts(run(text, "2022-08-05"))
    assert ("took_office", RAPP, "elizabeth_salmon", "2022-08-01") in got
    assert not any(g[2] == "tomas_ojea_quintana" and g[0] == "took_office" for g in got)
