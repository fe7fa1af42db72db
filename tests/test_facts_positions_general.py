"""State positions, mechanism events and repatriations: general phrasings of each class (positive and negative)."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="session")
def run(facts_of):
    return lambda text, published="2023-10-14": facts_of(text, published)


def positions(facts):
    return {(f["state"], f["year"], f["position"]) for f in facts if f["type"] == "state_position"}


GA = "The U.N. General Assembly adopted its annual resolution on North Korea's human rights on Tuesday. "


# ---------------------------------------------------------------- coordinated and listed states

@pytest.mark.parametrize("sentence, expected", [
    ("The Republic of Korea and the United States were among the co-sponsors.", {("rok", 2023, "cosponsored"), ("us", 2023, "cosponsored")}),
    ("It was co-sponsored by dozens of countries, among them Japan and South Korea.", {("japan", 2023, "cosponsored"), ("rok", 2023, "cosponsored")}),
    ("The text had 60 co-sponsors, including South Korea, Japan and the United States.",
     {("rok", 2023, "cosponsored"), ("japan", 2023, "cosponsored"), ("us", 2023, "cosponsored")}),
    ("China, Russia and Cuba were among the 20 countries that voted against it.", {("china", 2023, "voted_no"), ("russia", 2023, "voted_no")}),
    ("Russia and China were among the states that voted no.", {("china", 2023, "voted_no"), ("russia", 2023, "voted_no")}),
])
def test_coordinated_and_listed_states(run, sentence, expected):
    assert expected <= positions(run(GA + sentence))


def test_listed_states_only_after_a_list_cue(run):
    got = positions(run(GA + "Japan co-sponsored the text, while China criticized it."))
    assert ("japan", 2023, "cosponsored") in got
    assert not any(s == "china" for s, _y, _p in got)


# ---------------------------------------------------------------- years

@pytest.mark.parametrize("sentence, years", [
    ("South Korea did not co-sponsor the resolution in 2019, 2020 or 2021.", [2019, 2020, 2021]),
    ("Seoul did not co-sponsor the resolution for three straight years, from 2019 to 2021, saying it wanted dialogue.", [2019, 2020, 2021]),
    ("South Korea declined to co-sponsor the resolution in 2019 and 2020.", [2019, 2020]),
])
def test_enumerated_and_ranged_years_with_split_cosponsor(run, sentence, years):
    got = positions(run(GA + sentence, "2023-11-20"))
    assert {("rok", y, "not_cosponsored") for y in years} <= got
    assert ("rok", 2023, "not_cosponsored") not in got


def test_timeline_line_gives_its_year(run):
    text = ("Twenty years of the U.N. General Assembly resolution on North Korea's human rights.\n\n"
            "2005 - The first resolution was adopted. South Korea abstained, citing its engagement policy.\n\n"
            "2006 - The committee approved the text again. This time Seoul voted in favour.\n\n"
            "2008 - Seoul joined the list of co-sponsors for the first time.\n")
    got = positions(run(text, "2024-12-02"))
    assert {("rok", 2005, "abstained"), ("rok", 2006, "voted_yes"), ("rok", 2008, "cosponsored")} <= got
    assert not any(y == 2024 for _s, y, _p in got)


@pytest.mark.parametrize("sentence", [
    "South Korea co-sponsored the resolution every year from 2008 to 2018, after abstaining or voting in favor in the years before that.",
    "Japan co-sponsored the resolution from 2006 to 2010, having abstained in previous years.",
])
def test_vague_earlier_stance_has_no_year(run, sentence):
    got = positions(run(GA + sentence, "2019-11-15"))
    assert not any(p in ("abstained", "voted_yes") for _s, _y, p in got)


# ---------------------------------------------------------------- negatives

@pytest.mark.parametrize("sentence", [
    "It is not clear whether Seoul will co-sponsor the resolution next year.",
    "Officials would not say if South Korea will co-sponsor the resolution.",
    "It remains unclear whether Japan will co-sponsor the text.",
])
def test_hedged_cosponsorship_is_not_a_position(run, sentence):
    assert positions(run(GA + sentence)) == set()


def test_security_council_procedural_vote_is_not_a_position(run):
    text = GA + ("In December 2015 the Security Council meeting went ahead after nine members voted in favor, "
                 "four against (China, Russia, Venezuela and Angola) and two abstained.")
    assert not any(s in ("china", "russia") for s, _y, _p in positions(run(text, "2016-01-10")))


# ---------------------------------------------------------------- delegations speak for their state

@pytest.mark.parametrize("sentence, expected", [
    ("The representative of the Republic of Korea, also among the co-sponsors, welcomed the vote.", ("rok", 2023, "cosponsored")),
    ("China's representative, whose delegation voted against the text, said it fuelled confrontation.", ("china", 2023, "voted_no")),
    ("The United States delegate, whose country co-sponsored the draft, said the vote sent a message.", ("us", 2023, "cosponsored")),
])
def test_delegation_speaks_for_state(run, sentence, expected):
    assert expected in positions(run(GA + sentence))


def test_actor_of_a_non_state_is_not_a_position(run):
    got = positions(run(GA + "The representative of Human Rights Watch, whose group lobbied the co-sponsors, welcomed the vote."))
    assert got == set()


# ---------------------------------------------------------------- repatriations

def repats(facts):
    return {(f["by"], f.get("count"), f.get("date")) for f in facts if f["type"] == "repatriation"}


@pytest.mark.parametrize("text, published, expected", [
    ("Reports say China sent as many as 600 North Koreans back across the border on Oct. 9.", "2023-10-16", ("china", 600, "2023-10-09")),
    ("Chinese authorities sent about 600 North Koreans across the border on Monday night.", "2023-10-13", ("china", 600, "2023-10-09")),
    ("South Korea has itself faced criticism. In November 2019, the previous government sent two North Korean fishermen back.",
     "2023-10-13", ("rok", 2, "2019-11")),
    ("The two men were sent back across the border at Panmunjom on Nov. 7. It was the first time South Korea had deported North Koreans since the 1953 armistice.",
     "2019-11-15", ("rok", 2, "2019-11-07")),
])
def test_return_phrasings(run, text, published, expected):
    assert expected in repats(run(text, published))


def test_first_since_is_not_the_date(run):
    got = repats(run("It was the first time South Korea had deported North Koreans since the 1953 armistice.", "2019-11-15"))
    assert not any(d == "1953" for _b, _c, d in got)


def test_agentless_participle_takes_the_story_agent(run):
    text = ("Chinese authorities sent roughly 600 North Koreans back on October 9. "
            "Rights groups documented a group of about 80 sent back on August 29 and another of about 40 on September 18.")
    got = repats(run(text, "2023-10-20"))
    assert {("china", 80, "2023-08-29"), ("china", 40, "2023-09-18")} <= got


@pytest.mark.parametrize("text, by", [
    ("The next administration must raise forced repatriations with Beijing at every level.", "china"),
    ("The groups said Washington ought to raise the repatriation of defectors directly with Beijing.", "china"),
])
def test_practice_raised_with_a_state(run, text, by):
    got = repats(run(text, "2012-05-17"))
    assert (by, None, None) in got and not any(b == "us" for b, _c, _d in got)


@pytest.mark.parametrize("text", [
    "China may send hundreds of North Koreans back across the border after the Games, activists fear.",
    "The defectors were returned to South Korea safely on Monday.",
    "Thousands of North Koreans fled across the border in the 1990s.",
    "The North Korean government sent the workers back on Monday.",
])
def test_not_a_repatriation(run, text):
    assert repats(run(text, "2023-10-13")) == set()


# ---------------------------------------------------------------- mechanisms

def mechs(facts):
    return {(f["mechanism"], f["event"], f.get("date")) for f in facts if f["type"] == "mechanism_event"}


@pytest.mark.parametrize("text, published, expected", [
    ("Ten members cited a U.N. commission of inquiry that concluded in February that officials were responsible for crimes against humanity.",
     "2014-12-22", ("un_coi_dprk", "report_published", "2014-02")),
    ("Six years ago, the UN Commission of Inquiry on human rights in North Korea concluded that the government was committing crimes against humanity.",
     "2020-11-10", ("un_coi_dprk", "report_published", "2014")),
    ("A U.N. commission of inquiry said in its February 2014 report that China's practice might amount to aiding crimes against humanity.",
     "2023-10-13", ("un_coi_dprk", "report_published", "2014-02")),
])
def test_commission_findings_are_its_report(run, text, published, expected):
    assert expected in mechs(run(text, published))


def test_finding_takes_no_date_of_another_clause(run):
    got = mechs(run("The commission of inquiry had been set up by the Human Rights Council in March 2013 and had found that crimes "
                    "against humanity were being committed.", "2014-11-18"))
    assert ("un_coi_dprk", "report_published", "2013-03") not in got
    assert ("un_coi_dprk", "established", "2013-03") in got


@pytest.mark.parametrize("text, published, expected", [
    ("The Democratic People's Republic of Korea underwent its first universal periodic review in December 2009.", "2013-03-21",
     {("upr_dprk", "review_held", "2009-12")}),
    ("North Korea faces the Universal Periodic Review again this week. Its previous reviews took place in December 2009, in May 2014 and in May 2019.",
     "2024-11-05", {("upr_dprk", "review_held", "2009-12"), ("upr_dprk", "review_held", "2014-05"), ("upr_dprk", "review_held", "2019-05")}),
])
def test_review_phrasings(run, text, published, expected):
    assert expected <= mechs(run(text, published))


@pytest.mark.parametrize("text", [
    "On Thursday, North Korea will be reviewed for the fourth time under the Universal Periodic Review (UPR).",
    "The next reviews will take place in May 2029, under the Universal Periodic Review.",
])
def test_future_review_is_not_held(run, text):
    assert not any(e == "review_held" for _m, e, _d in mechs(run(text, "2024-10-28")))


@pytest.mark.parametrize("text, expected", [
    ("In March 2013 the Council established a Commission of Inquiry. Michael Kirby was named to chair it and Sonja Biserko to join it in May 2013.",
     ("un_coi_dprk", "members_appointed", "2013-05")),
    ("The three members of the commission of inquiry were appointed in May 2013.", ("un_coi_dprk", "members_appointed", "2013-05")),
])
def test_members_appointed(run, text, expected):
    assert expected in mechs(run(text, "2014-02-17"))


def test_members_to_be_appointed_is_not_an_event(run):
    got = mechs(run("The commission of inquiry will have three members, who are to be appointed by the President of the Council.", "2013-03-21"))
    assert not any(e == "members_appointed" for _m, e, _d in got)


@pytest.mark.parametrize("text, expected", [
    ("A UN human rights office opened in Seoul in June 2015 to carry the documentation work forward.", ("ohchr_seoul", "opened", "2015-06")),
    ("The North Korean Human Rights Foundation, mandated by the 2016 act, has never been launched, and its office was closed in 2018.",
     ("rok_nkhr_foundation", "closed", "2018")),
])
def test_office_events(run, text, expected):
    assert expected in mechs(run(text, "2022-07-14"))


def test_mandate_created_by_a_commission_is_not_its_establishment(run):
    got = mechs(run("The mandate of the Special Rapporteur was created by the Commission on Human Rights in 2004.", "2013-03-21"))
    assert not any(m == "un_coi_dprk" for m, _e, _d in got)


# ---------------------------------------------------------------- which resolution

def test_resolution_read_by_the_body_next_to_it(run):
    text = ("South Korea voted in favor of a U.N. General Assembly resolution on North Korea's human rights this week. "
            "South Korea abstained when the General Assembly first took up a North Korean human rights resolution last year, "
            "and also abstained on a similar resolution at the U.N. Commission on Human Rights in Geneva in 2004. "
            "The resolution, drafted by the European Union, expresses serious concern. "
            "China, Russia and several other countries voted against the text.")
    got = {(f["state"], f["instrument"], f["year"], f["position"]) for f in run(text, "2006-11-18") if f["type"] == "state_position"}
    assert {("rok", "unga_dprk_hr_resolution", 2005, "abstained"), ("rok", "unhrc_dprk_hr_resolution", 2004, "abstained"),
            ("eu", "unga_dprk_hr_resolution", 2006, "cosponsored"), ("china", "unga_dprk_hr_resolution", 2006, "voted_no")} <= got
    assert not any(i == "unhrc_dprk_hr_resolution" and y == 2006 for _s, i, y, _p in got)


@pytest.mark.parametrize("sentence, expected", [
    ("The resolution was born in 2005, when the European Union, frustrated by Pyongyang's refusal to cooperate, tabled a text in New York.",
     ("eu", 2005, "cosponsored")),
    ("The campaign began in 2008, when Japan drafted the resolution with the European Union.", ("japan", 2008, "cosponsored")),
])
def test_when_clause_takes_the_year_it_hangs_on(run, sentence, expected):
    assert expected in positions(run(GA + sentence, "2025-11-20"))


@pytest.mark.parametrize("sentence", [
    "Seoul should reach out to Latin American and African states that have co-sponsored before.",
    "Several European countries that co-sponsored the text were thanked.",
])
def test_group_of_states_is_not_a_named_state(run, sentence):
    assert positions(run(GA + sentence, "2025-11-20")) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Last year, South Korea, which had co-sponsored the resolution for over a decade, chose not to co-sponsor it.", ("rok", 2022, "not_cosponsored")),
    ("Last year, Japan, which had long backed the text, decided not to co-sponsor it.", ("japan", 2022, "not_cosponsored")),
    ("In 2019 South Korea did not co-sponsor the resolution, and it was also absent from the list of co-sponsors of the Human Rights Council resolution.",
     ("rok", 2019, "not_cosponsored")),
])
def test_negated_cosponsorship_after_long_subject(run, sentence, expected):
    assert expected in positions(run(GA + sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("The committee approved the EU-drafted text by a recorded vote.", {("eu", 2023, "cosponsored")}),
    ("The Japan-sponsored resolution passed easily.", {("japan", 2023, "cosponsored")}),
    ("The vote leaves the drafters, the European Union and Japan, more exposed.", {("eu", 2023, "cosponsored"), ("japan", 2023, "cosponsored")}),
    ("Its main sponsors, Japan and the European Union, welcomed the vote.", {("eu", 2023, "cosponsored"), ("japan", 2023, "cosponsored")}),
])
def test_drafters_named_in_a_phrase(run, sentence, expected):
    assert expected <= positions(run(GA + sentence))


def test_drafter_phrase_negatives(run):
    got = positions(run(GA + "The drafters, who met in Geneva, praised China for engaging. A U.S.-backed bid to delay the text failed."))
    assert got == set()


def test_demonstrative_takes_the_previous_sentence_year(run):
    text = (GA + "The resolution was born in 2005, when the European Union tabled a text in New York. "
            "That first text passed the Third Committee by a vote of 84 to 22, and South Korea abstained.")
    got = positions(run(text, "2025-11-20"))
    assert ("rok", 2005, "abstained") in got and ("rok", 2025, "abstained") not in got


@pytest.mark.parametrize("text, expected", [
    (GA + "When the draft was circulated on November 12, it listed 41 co-sponsors. South Korea was one of them. "
     "The United States, which had long co-sponsored the text, was not.",
     {("rok", 2023, "cosponsored"), ("us", 2023, "not_cosponsored")}),
    (GA + "The text listed 60 co-sponsors. Japan was among them.", {("japan", 2023, "cosponsored")}),
    (GA + "The text listed 60 co-sponsors. South Korea was not one of them.", {("rok", 2023, "not_cosponsored")}),
])
def test_membership_of_the_list_before(run, text, expected):
    assert expected <= positions(run(text, "2023-11-20"))


def test_one_of_them_without_a_cosponsor_list(run):
    got = positions(run(GA + "Several countries objected to the text. China was one of them. Japan was not.", "2023-11-20"))
    assert got == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Her tenure coincided with Seoul's return to the group of co-sponsors of the U.N. General Assembly's annual resolution on North Korea in 2022, "
     "after three years on the sidelines, and to the co-sponsors of the Human Rights Council resolution in 2023.",
     {("rok", "unga_dprk_hr_resolution", 2022), ("rok", "unhrc_dprk_hr_resolution", 2023)}),
    ("Officials welcomed Japan's return to the list of co-sponsors of the General Assembly resolution on North Korea's human rights in 2021.",
     {("japan", "unga_dprk_hr_resolution", 2021)}),
])
def test_nominal_return_to_the_cosponsors(run, sentence, expected):
    got = {(f["state"], f["instrument"], f["year"]) for f in run(sentence, "2024-07-19") if f["type"] == "state_position"}
    assert expected <= got
    assert ("rok", "unga_dprk_hr_resolution", 2023) not in got


def test_planned_return_is_not_a_position(run):
    got = positions(run("Seoul's return to the co-sponsors of the General Assembly resolution on North Korea's human rights is expected in 2025.", "2024-07-19"))
    assert got == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Any state can join the consensus without co-sponsoring, as South Korea did between 2019 and 2021.",
     {("rok", 2019, "not_cosponsored"), ("rok", 2020, "not_cosponsored"), ("rok", 2021, "not_cosponsored")}),
    ("A government may abstain, as Japan did in 2007.", {("japan", 2007, "abstained")}),
])
def test_as_state_did(run, sentence, expected):
    assert expected <= positions(run(GA + sentence, "2025-11-20"))


def test_as_state_did_without_a_year_is_not_a_position(run):
    got = positions(run(GA + "Any state can join the consensus without co-sponsoring, as South Korea often did.", "2025-11-20"))
    assert not any(s == "rok" for s, _y, _p in got)


@pytest.mark.parametrize("text, by", [
    ("Before the pandemic, many North Koreans caught in China were returned in small groups.", "china"),
    ("Dozens of defectors detained in China were sent back last year.", "china"),
])
def test_held_in_a_state_then_returned(run, text, by):
    assert any(b == by for b, _c, _d in repats(run(text, "2023-10-20")))


def test_returned_to_the_south_is_not_a_repatriation(run):
    assert repats(run("Many North Koreans caught in China were returned to South Korea after talks.", "2023-10-20")) == set()


@pytest.mark.parametrize("text", [
    "Preparations for the launch of the North Korean Human Rights Foundation are under way.",
    "- Professor Lee was appointed ambassador earlier this month;\n - Preparations for the launch of the North Korean Human Rights Foundation are under way.",
    "The ministry is making preparations for the establishment of the North Korean Human Rights Foundation.",
])
def test_preparations_are_not_an_establishment(run, text):
    assert not any(e == "established" for _m, e, _d in mechs(run(text, "2016-09-28")))
