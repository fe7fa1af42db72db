"""General phrasings of instrument events, resolution votes and co-sponsorship, written for these tests.

Each case stands for a class of phrasing (a chamber named as object, a law referred to as "the
measure", a tally written "91-21-60", a timeline line that dates its events, coordinated states
"among the co-sponsors"), with negative cases beside them. None is taken from an evaluation set.
"""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def run(facts_of):
    return facts_of


def keys(facts: list[dict], type_: str, *fields: str) -> set[tuple]:
    return {tuple(f.get(k) for k in fields) for f in facts if f["type"] == type_}


# ---------------------------------------------------------------- instrument events

@pytest.mark.parametrize("text, published, expected", [
    ("Lawmakers want to renew the North Korean Human Rights Act. A reauthorization measure passed the House by voice vote on Monday.",
     "2024-06-12", ("us_nkhra_2004", "passed_chamber", "us_house", "2024-06-10")),
    ("The North Korean Human Rights Act is up for renewal. The bill cleared the Senate by unanimous consent in April.",
     "2018-07-21", ("us_nkhra_2004", "passed_chamber", "us_senate", "2018-04")),
    ("The North Korean Human Rights Act funds broadcasts. The measure won final approval in the House in June.",
     "2018-07-21", ("us_nkhra_2004", "passed_chamber", "us_house", "2018-06")),
    ("The ruling party pushed the anti-leaflet bill through the National Assembly on Monday.",
     "2020-12-15", ("rok_anti_leaflet_law_2020", "passed_chamber", "rok_national_assembly", "2020-12-14")),
])
def test_chamber_passage_with_the_chamber_as_object_or_phrase(run, text, published, expected):
    assert expected in keys(run(text, published), "instrument_event", "instrument", "event", "chamber", "date")


@pytest.mark.parametrize("text, published, expected", [
    ("Lawmakers are trying to revive the North Korean Human Rights Act, first passed in 2004.",
     "2024-06-12", ("us_nkhra_2004", "enacted", "2004")),
    ("Obama signed the North Korean Human Rights Reauthorization Act of 2012 into law on Monday.",
     "2012-08-08", ("us_nkhra_2004", "reauthorized", "2012-08-06")),
    ("The U.S. North Korean Human Rights Act, which became law in 2004, has been renewed three times: in 2008, 2012 and 2018.",
     "2019-01-20", ("us_nkhra_2004", "reauthorized", "2012")),
    ("The 2020 anti-leaflet law made it a crime to float leaflets north. The Constitutional Court on Tuesday ruled that the ban was unconstitutional.",
     "2023-09-27", ("rok_anti_leaflet_law_2020", "struck_down", "2023-09-26")),
])
def test_instrument_events_in_other_words(run, text, published, expected):
    assert expected in keys(run(text, published), "instrument_event", "instrument", "event", "date")


def test_act_year_in_a_name_is_not_a_date(run):
    facts = run("Obama signed the North Korean Human Rights Reauthorization Act of 2012 into law on Monday.", "2012-08-08")
    assert ("us_nkhra_2004", "reauthorized", "2012") not in keys(facts, "instrument_event", "instrument", "event", "date")


@pytest.mark.parametrize("text, published", [
    ("The North Korean Human Rights Act was due to be renewed this year.", "2018-03-01"),
    ("Lawmakers hope the North Korean Human Rights Act will be renewed before it lapses.", "2022-03-01"),
    ("The anti-leaflet law has not been struck down, and the court may never rule on it.", "2022-03-01"),
])
def test_instrument_plans_and_negations_give_nothing(run, text, published):
    assert keys(run(text, published), "instrument_event", "instrument", "event") == set()


# ---------------------------------------------------------------- resolution votes

TIMELINE = """EXPLAINER | The UN's North Korea human rights resolution, year by year

The General Assembly's Third Committee last month approved its annual resolution on human rights in North Korea without a vote.

2005 - On Nov. 17 the committee approved the EU-drafted text 84-22, with 62 abstentions. The full Assembly then endorsed it by 88 votes to 21 with 60 abstentions.

2008 - Seoul joined the list of co-sponsors for the first time. The committee vote was 95-24-62.

2009 - The plenary vote on Dec. 18 was 99 to 20, with 63 abstentions.

2014 - The committee approved the draft on Nov. 18 by 111-19-55, and the Assembly confirmed it on Dec. 18 by 116 votes to 20.
"""


def test_timeline_votes_take_the_line_year_and_their_own_tally(run):
    got = keys(run(TIMELINE, "2024-12-05"), "resolution_vote", "body", "date", "yes", "no", "abstain")
    assert ("un_ga_third_committee", "2005-11-17", 84, 22, 62) in got
    assert ("un_ga", "2005", 88, 21, 60) in got
    assert ("un_ga_third_committee", "2008", 95, 24, 62) in got
    assert ("un_ga", "2009-12-18", 99, 20, 63) in got
    assert ("un_ga_third_committee", "2014-11-18", 111, 19, 55) in got
    assert ("un_ga", "2014-12-18", 116, 20, None) in got


@pytest.mark.parametrize("text, published", [
    ("The North Korea human rights resolution is adopted by the General Assembly every December. "
     "Once the committee approves it, the full Assembly adopts it in plenary.", "2020-10-01"),
    ("The General Assembly is expected to adopt the resolution on North Korean human rights next month.", "2020-11-20"),
])
def test_habits_and_plans_are_not_votes(run, text, published):
    assert keys(run(text, published), "resolution_vote", "body") == set()


def test_a_committee_of_the_general_assembly_is_the_third_committee(run):
    text = ("South Korea abstained on Tuesday when a committee of the United Nations General Assembly adopted a "
            "resolution expressing concern about human rights in North Korea.")
    assert keys(run(text, "2007-11-21"), "resolution_vote", "body") == {("un_ga_third_committee",)}


def test_abstentions_written_as_countries_abstaining(run):
    text = "The Third Committee passed the resolution on North Korean human rights by 91 votes to 21, with 60 countries abstaining."
    assert keys(run(text, "2006-11-18"), "resolution_vote", "yes", "no", "abstain") == {(91, 21, 60)}


# ---------------------------------------------------------------- co-sponsorship

def test_coordinated_states_among_the_cosponsors(run):
    text = ("UN General Assembly condemns North Korea's human rights record. The General Assembly adopted the resolution on "
            "North Korean human rights on Thursday by a vote of 116 to 20. China and Russia voted against it, while South Korea, "
            "Japan and the United States were among the 60-odd co-sponsors.")
    got = keys(run(text, "2014-12-19"), "state_position", "state", "year", "position")
    assert {("rok", 2014, "cosponsored"), ("japan", 2014, "cosponsored"), ("us", 2014, "cosponsored"),
            ("china", 2014, "voted_no"), ("russia", 2014, "voted_no")} <= got


@pytest.mark.parametrize("text, published, expected", [
    ("UN committee adopts North Korea human rights resolution. The Third Committee adopted the resolution on North Korean "
     "human rights without a vote on Wednesday. For the third straight year, Seoul's name was missing from the list of co-sponsors.",
     "2021-11-18", {("rok", 2021, "not_cosponsored")}),
    ("UN committee adopts North Korea human rights resolution. The Third Committee adopted the resolution on North Korean human "
     "rights without a vote on Wednesday. South Korea returned as a co-sponsor for the first time in five years, after sitting out "
     "from 2019 through 2022.", "2023-11-16",
     {("rok", 2023, "cosponsored"), ("rok", 2019, "not_cosponsored"), ("rok", 2022, "not_cosponsored")}),
    ("North Korea rights text passes. A U.N. General Assembly committee passed a resolution on North Korean human rights on "
     "Tuesday, with South Korea among more than 70 co-sponsors.", "2016-11-16", {("rok", 2016, "cosponsored")}),
])
def test_cosponsorship_in_other_words(run, text, published, expected):
    assert expected <= keys(run(text, published), "state_position", "state", "year", "position")


def test_a_look_back_takes_no_story_year(run):
    text = ("UN committee votes on North Korea human rights. The Third Committee approved the draft resolution on North Korea's "
            "human rights by 91 votes to 21. South Korea, which had abstained in each of the three previous years, voted in "
            "favour for the first time.")
    got = keys(run(text, "2006-11-18"), "state_position", "state", "year", "position")
    assert ("rok", 2006, "voted_yes") in got
    assert ("rok", 2006, "abstained") not in got


LEGISLATIVE_TIMELINE = """The North Korean Human Rights Act at twenty

The bill, H.R. 4011, was introduced in the House early in 2004. It cleared the House by voice vote on July 21, 2004. The Senate amended it and approved it by unanimous consent on September 28, and President George W. Bush signed it on October 18, 2004.

The 2012 reauthorization (H.R. 4240) passed the House on May 15, 2012. President Barack Obama signed it on August 17, 2012, carrying the law's authorities through 2017.
"""


def test_pronouns_bill_numbers_and_borrowed_years(run):
    got = keys(run(LEGISLATIVE_TIMELINE, "2024-10-18"), "instrument_event", "event", "chamber", "date")
    assert ("passed_chamber", "us_house", "2004-07-21") in got
    assert ("passed_chamber", "us_senate", "2004-09-28") in got  # the year of the sentence's full date
    assert ("enacted", None, "2004-10-18") in got
    assert ("passed_chamber", "us_house", "2012-05-15") in got
    assert ("reauthorized", None, "2012-08-17") in got  # "it" is the 2012 reauthorization
    assert ("enacted", None, "2012-08-17") not in got


def test_signed_needs_the_law_as_what_was_signed(run):
    text = ("The North Korean Human Rights Act was discussed at the hearing. The envoy signed a letter on Monday "
            "asking for more funding.")
    assert keys(run(text, "2019-05-08"), "instrument_event", "event") == set()


def test_allowed_to_expire_takes_the_date_of_the_expiry(run):
    text = "Congress allowed the authorization of the North Korean Human Rights Act to expire at the end of September 2022."
    assert ("expired", "2022-09") in keys(run(text, "2023-02-01"), "instrument_event", "event", "date")


def test_the_adopting_body_is_the_subject_governing_the_resolution(run):
    text = ("The UN Human Rights Council took over the mandate in 2006. The Commission on Human Rights, the body the "
            "Council later replaced, set up the mandate in a resolution on North Korea adopted in April 2004.")
    assert keys(run(text, "2022-08-02"), "resolution_vote", "body", "date") == {("un_chr", "2004-04")}


def test_a_mechanism_created_without_a_vote_is_that_years_resolution(run):
    text = ("The Human Rights Council appointed a special rapporteur in 2010. In March 2013 the Council responded to his "
            "call, establishing a commission of inquiry on North Korea on 21 March 2013 without a vote.")
    got = keys(run(text, "2022-08-02"), "resolution_vote", "instrument", "body", "date", "method")
    assert ("unhrc_dprk_hr_resolution", "un_hrc", "2013-03-21", "consensus") in got


def test_un_style_text_on_the_situation_is_the_resolution(run):
    text = ("The Third Committee (Social, Humanitarian and Cultural) today approved a text on the situation of human rights "
            "in the Democratic People's Republic of Korea by a recorded vote of 111 in favour to 19 against, with 55 abstentions.")
    got = keys(run(text, "2014-11-18"), "resolution_vote", "body", "date", "yes", "no", "abstain")
    assert got == {("un_ga_third_committee", "2014-11-18", 111, 19, 55)}
