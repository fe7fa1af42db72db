"""council_meeting: general phrasings of each construction (trigger verbs, runs of yearly meetings, coordinated
dates, dated list items, tally formats, meetings prevented), each with negative phrasings (plans, negations,
other topics). Written for these tests, not taken from any corpus document."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.facts import extract_facts
from nkmonitor.analyze.linking import link_mentions


@pytest.fixture(scope="module")
def run(facts_of):
    return lambda text, published="2023-10-14": [f for f in facts_of(text, published) if f["type"] == "council_meeting"]


def got(facts, *fields):
    return {tuple(f.get(k) for k in fields) for f in facts}


# ---------------------------------------------------------------- trigger verbs: a meeting held

@pytest.mark.parametrize("text, published, date", [
    ("The Security Council took up the human rights situation in North Korea on Tuesday.", "2015-12-12", "2015-12-08"),
    ("The U.N. Security Council returned to North Korean human rights in June 2024.", "2024-07-01", "2024-06"),
    ("On December 10, 2015, the Security Council discussed the human rights situation in North Korea.", "2015-12-20", "2015-12-10"),
    ("The Security Council considered the human rights situation in the DPRK on 9 December 2016.", "2016-12-20", "2016-12-09"),
    ("A Security Council meeting on human rights in North Korea went ahead on Friday despite objections from China.",
     "2016-12-10", "2016-12-09"),
    ("The Security Council's meeting on North Korean human rights took place on December 11, 2017.", "2018-01-05", "2017-12-11"),
    ("In 2014 the General Assembly urged the Security Council to act on North Korea. The Security Council, that December, "
     "took up North Korean human rights for the first time.", "2020-01-01", "2014-12"),
    ("The Security Council convened an open briefing on human rights in the DPRK on Wednesday.", "2024-06-13", "2024-06-12"),
    ("The Security Council debated North Korea's human rights record for the first time in December 2014.", "2015-01-10", "2014-12"),
    ("The Security Council's fourth annual meeting on North Korean human rights, held on Monday, drew protests from China.",
     "2017-12-12", "2017-12-11"),
    ("Human rights groups welcomed the Security Council meeting on North Korea held on Wednesday.", "2024-06-13", "2024-06-12"),
    ("For the first time since 2017, the Security Council met on Thursday to discuss human rights in North Korea.",
     "2023-08-18", "2023-08-17"),
])
def test_held_trigger_verbs(run, text, published, date):
    assert got(run(text, published), "outcome", "date") == {("held", date)}


@pytest.mark.parametrize("text", [
    "The Security Council will take up North Korean human rights next month.",
    "The Security Council took up North Korea's missile launches on Monday.",
    "China said the Security Council should not discuss human rights in North Korea on Friday.",
    "The Security Council met on Monday to discuss North Korea's latest nuclear test.",
    "Council members held an Arria-formula meeting on human rights in North Korea on Friday, "
    "an informal session that is not a meeting of the Security Council.",
    "The Security Council president met with North Korean defectors on Friday to hear about human rights abuses.",
    "The Security Council held no session on North Korean human rights in December 2019.",
    "The Security Council has not met on North Korean human rights since 2017.",
])
def test_held_trigger_negative(run, text):
    assert run(text, "2023-10-14") == []


# ---------------------------------------------------------------- runs of yearly meetings

@pytest.mark.parametrize("text, dates", [
    ("The Security Council took up the issue of North Korean human rights each December from 2014 through 2017.",
     {"2014-12", "2015-12", "2016-12", "2017-12"}),
    ("From 2014 to 2017, the Security Council met every December to discuss human rights in North Korea.",
     {"2014-12", "2015-12", "2016-12", "2017-12"}),
    ("Between 2015 and 2017 the Security Council discussed North Korea's human rights record every year.",
     {"2015", "2016", "2017"}),
    ("The Security Council held a meeting on North Korean human rights every December from 2014 until 2016.",
     {"2014-12", "2015-12", "2016-12"}),
])
def test_yearly_range(run, text, dates):
    assert got(run(text, "2020-11-10"), "outcome", "date") == {("held", d) for d in dates}


@pytest.mark.parametrize("text", [
    "The Security Council had met on human rights in North Korea every December since 2014.",
    "The Security Council discussed human rights abuses in North Korea. Such meetings were held every December from 2014 to 2017.",
    "The Security Council may meet on North Korean human rights every December from 2025 to 2027.",
    "The Security Council met every year from 2016 to 2018 to discuss sanctions on North Korea's missile programme.",
])
def test_yearly_range_negative(run, text):
    assert run(text, "2020-11-10") == []


# ---------------------------------------------------------------- coordinated dates

@pytest.mark.parametrize("text, dates", [
    ("The UN Security Council returned to the issue of human rights in North Korea in August 2023 and again in June 2024.",
     {"2023-08", "2024-06"}),
    ("The Security Council discussed North Korean human rights in December 2014 and in December 2015.",
     {"2014-12", "2015-12"}),
    ("The Security Council took up human rights in North Korea in August 2023 and June 2024, after a long gap.",
     {"2023-08", "2024-06"}),
])
def test_coordinated_dates(run, text, dates):
    assert got(run(text, "2024-11-05"), "outcome", "date") == {("held", d) for d in dates}


def test_agenda_placement_is_no_meeting_but_the_coordinated_discussion_is(run):
    text = ("The Security Council met this afternoon to consider human rights in North Korea. The President recalled that "
            "the Council had first placed the item on its agenda in December 2014 and had last discussed it in an open "
            "meeting in August 2023.")
    assert got(run(text, "2024-06-12"), "outcome", "date") == {("held", "2024-06-12"), ("held", "2023-08")}


# ---------------------------------------------------------------- tally formats

@pytest.mark.parametrize("tally, counts", [
    ("The agenda was adopted by 12 votes in favour to 2 against (China, Russian Federation), with 1 abstention (Mozambique).",
     (12, 2, 1)),
    ("China objected, and the procedural vote passed 11-2 with two abstentions.", (11, 2, 2)),
    ("Nine members voted in favor, four against (China, Russia, Venezuela and Angola) and two abstained.", (9, 4, 2)),
    ("The procedural vote was 10 in favour, 3 against and 2 abstentions.", (10, 3, 2)),
])
def test_tally_in_following_sentence(run, tally, counts):
    text = "The Security Council met on Wednesday to consider the human rights situation in North Korea. " + tally
    assert got(run(text, "2024-06-13"), "outcome", "date", "yes", "no", "abstain") == {("held", "2024-06-12") + counts}


def test_tally_of_another_body_is_not_taken(run):
    text = ("The Security Council met on Wednesday to consider the human rights situation in North Korea. The General "
            "Assembly adopted its resolution by 116 votes in favour to 20 against, with 53 abstentions.")
    assert got(run(text, "2024-06-13"), "outcome", "date", "yes") == {("held", "2024-06-12", None)}


# ---------------------------------------------------------------- dated list items

def test_timeline_items(run):
    text = ("The Security Council first took up human rights in North Korea in 2014. Three more December meetings followed:\n\n"
            "- December 10, 2015: the meeting went ahead after nine members voted in favor, four against and two abstained.\n"
            "- December 9, 2016: again 9 in favor, with five against and one abstention.\n"
            "- December 11, 2017: ten in favor, three against and two abstentions.\n")
    assert got(run(text, "2023-08-21"), "outcome", "date", "yes", "no", "abstain") >= {
        ("held", "2015-12-10", 9, 4, 2), ("held", "2016-12-09", 9, 5, 1), ("held", "2017-12-11", 10, 3, 2)}


def test_timeline_of_resolution_votes_is_no_council_meeting(run):
    text = ("The General Assembly has adopted the resolution on human rights in North Korea every year:\n\n"
            "- December 18, 2014: 116 in favour, 20 against and 53 abstentions.\n"
            "- December 17, 2015: 119 in favour, 19 against and 48 abstentions.\n")
    assert run(text, "2016-01-10") == []


# ---------------------------------------------------------------- meetings prevented

@pytest.mark.parametrize("text, published, date", [
    ("The United States has shelved a planned Security Council meeting on North Korea's human rights situation after "
     "failing to muster the nine votes needed.", "2018-12-10", "2018-12"),
    ("The Security Council had discussed human rights in North Korea since 2014. In December 2018, the US-led request "
     "for a meeting was withdrawn when it became clear that it would fall short of nine votes.", "2019-06-01", "2018-12"),
    ("Washington called off the Security Council meeting on human rights in North Korea in December 2018.", "2019-01-10", "2018-12"),
    ("In December 2018, the Security Council's annual discussion of North Korean human rights did not happen after "
     "supporters were unable to secure nine votes.", "2020-11-10", "2018-12"),
    ("The Security Council meeting on human rights in North Korea did not take place in December 2018 because of "
     "objections from China.", "2019-03-01", "2018-12"),
])
def test_blocked(run, text, published, date):
    assert got(run(text, published), "outcome", "date") == {("blocked", date)}


@pytest.mark.parametrize("text", [
    "No Security Council meeting on North Korean human rights took place in 2019.",
    "China and Russia have tried to block Security Council meetings on North Korean human rights.",
    "China may block a Security Council meeting on North Korean human rights next month.",
    "The Security Council meeting on North Korea's missile launches was cancelled on Monday.",
    "The Security Council meeting on human rights in North Korea did not take place in 2019.",
])
def test_blocked_negative(run, text):
    assert run(text, "2020-01-10") == []


@pytest.mark.parametrize("text", [
    "The Security Council discussed human rights in North Korea in August. On Friday, Kim Jong Un's meeting with "
    "Vladimir Putin took place in Vladivostok.",
    "The Security Council discussed human rights in North Korea in August. The summit meeting between the two leaders "
    "went ahead on Wednesday.",
    "The Security Council discussed human rights in North Korea in August. Russia's invasion of Ukraine dominated the "
    "session held on Monday.",
    "The Security Council discussed human rights in North Korea in August. It returned to North Korea on Wednesday, but "
    "the meeting focused on missile launches.",
])
def test_other_meetings_in_a_council_passage(run, text):
    assert got(run(text, "2023-09-15"), "outcome", "date") == {("held", "2023-08")}


@pytest.mark.parametrize("text, date", [
    ("The United States dropped its plan for a Security Council meeting on North Korean human rights this month after "
     "failing to secure nine votes.", "2018-12"),
    ("The Security Council meeting on North Korean human rights, planned for Monday, was cancelled after Washington "
     "failed to secure nine votes.", "2018-12"),
])
def test_blocked_dated_by_the_plan(run, text, date):
    assert got(run(text, "2018-12-10"), "outcome", "date") == {("blocked", date)}


@pytest.mark.parametrize("text, dates", [
    ("The Security Council has held four meetings on North Korean human rights, in 2014, 2015, 2016 and 2017.",
     {"2014", "2015", "2016", "2017"}),
    ("The Security Council first discussed North Korean human rights in December 2014 and met again in December 2015, "
     "December 2016 and December 2017.", {"2014-12", "2015-12", "2016-12", "2017-12"}),
])
def test_listed_dates(run, text, dates):
    assert got(run(text, "2019-01-10"), "outcome", "date") == {("held", d) for d in dates}


def test_year_headed_list_items(run):
    text = ("The Security Council votes on holding its North Korea human rights meeting:\n\n"
            "- 2014: 11 in favour, 2 against, 2 abstentions.\n- 2015: 9 in favour, 4 against, 2 abstentions.\n")
    assert got(run(text, "2019-01-10"), "outcome", "date", "yes", "no", "abstain") == {
        ("held", "2014", 11, 2, 2), ("held", "2015", 9, 4, 2)}


def test_went_ahead_with_its_meeting_after_a_tally(run):
    text = ("After nine members voted in favour, five against and one abstained, the Security Council went ahead with its "
            "meeting on North Korean human rights on Friday.")
    assert got(run(text, "2016-12-10"), "outcome", "date", "yes", "no", "abstain") == {("held", "2016-12-09", 9, 5, 1)}


def test_request_dropped_is_blocked_not_held(run):
    text = ("The U.S. request for a Security Council meeting on human rights in North Korea lacked the nine votes and was "
            "dropped last week.")
    assert {f["outcome"] for f in run(text, "2018-12-20")} == {"blocked"}


def test_held_and_cancelled_in_one_sentence(run):
    text = ("Last year the Security Council held a meeting on North Korean human rights in December, but this year's "
            "meeting has been cancelled.")
    assert {(f["outcome"], f["date"][:4]) for f in run(text, "2019-12-10")} == {("held", "2018"), ("blocked", "2019")}


@pytest.mark.parametrize("text", [
    "The General Assembly's Third Committee met on Tuesday to discuss human rights in North Korea.",
    "The Human Rights Council held an interactive dialogue on North Korea on Monday. The meeting went ahead despite "
    "objections from China.",
    "The Security Council's sanctions committee met on Monday to discuss North Korea's violations.",
    "The Security Council is expected to meet on North Korean human rights on Monday.",
    "The United States has requested a Security Council meeting on North Korean human rights for next week.",
])
def test_other_bodies_and_plans(run, text):
    assert run(text, "2023-03-10") == []


@pytest.mark.parametrize("text, published, date", [
    ("China and Russia failed to stop a U.N. Security Council meeting on human rights abuses in North Korea on Monday.",
     "2017-12-12", "2017-12-11"),
    ("China failed to block a UN Security Council meeting on North Korea's human rights abuses on Friday.",
     "2016-12-10", "2016-12-09"),
    ("China and Russia tried but failed to prevent the Security Council from discussing human rights in North Korea on "
     "Thursday.", "2015-12-11", "2015-12-10"),
])
def test_failed_attempt_to_block_is_a_meeting_held(run, text, published, date):
    assert got(run(text, published), "outcome", "date") == {("held", date)}


@pytest.mark.parametrize("text", [
    "China will try to block a Security Council meeting on North Korean human rights next week.",
    "China did not fail to block the Security Council meeting on North Korean human rights in 2019, diplomats said.",
])
def test_attempt_to_block_negative(run, text):
    assert [f for f in run(text, "2019-12-20") if f["outcome"] == "held"] == []


def test_failed_to_stop_the_council_from_discussing_with_the_tally_after(run):
    text = ("UNITED NATIONS (Reuters) - China failed on Monday to stop the United Nations Security Council from discussing "
            "human rights abuses in North Korea. The council voted 10 to 3, with 2 abstentions, to hold the meeting.")
    assert got(run(text, "2017-12-12"), "outcome", "date", "yes", "no", "abstain") == {("held", "2017-12-11", 10, 3, 2)}


@pytest.mark.parametrize("text", [
    "The Security Council discussed human rights in North Korea in 2017. In December 2018, there was no meeting, as the "
    "United States could not muster nine votes.",
    "The Security Council discussed human rights in North Korea in 2017. In December 2018, no Security Council meeting on "
    "North Korean human rights was held because Washington lacked the votes.",
    "The Security Council discussed human rights in North Korea in 2017. In December 2018, the Security Council meeting on "
    "North Korean human rights did not go ahead after objections from China.",
])
def test_no_meeting_with_an_obstacle_is_blocked(run, text):
    assert got(run(text, "2019-06-01"), "outcome", "date") == {("held", "2017"), ("blocked", "2018-12")}


@pytest.mark.parametrize("text", [
    "The Security Council discussed human rights in North Korea in 2017. There was no meeting in 2019.",
    "The Security Council discussed human rights in North Korea in 2017. No Security Council meeting on North Korean "
    "human rights took place in 2019 either.",
    "The Security Council discussed human rights in North Korea in 2017. The meeting did not happen in 2019.",
])
def test_no_meeting_without_an_obstacle_is_not_coded(run, text):
    assert got(run(text, "2020-06-01"), "outcome", "date") == {("held", "2017")}


@pytest.mark.parametrize("text, date", [
    ("At last year's Security Council meeting on North Korean human rights, Japan raised the abductions.", "2023"),
    ("At the Security Council's June 2024 meeting on North Korean human rights, Japan raised the abductions.", "2024-06"),
])
def test_meeting_named_as_the_agenda_item(run, text, date):
    assert got(run(text, "2024-09-01"), "outcome", "date") == {("held", date)}


@pytest.mark.parametrize("text", [
    "The Security Council discussed human rights in North Korea in December 2017. The meeting between Donald Trump and "
    "Kim Jong Un took place in Singapore on June 12.",
    "The Security Council discussed human rights in North Korea in December 2017. Their first meeting took place in "
    "Singapore on June 12.",
    "The Security Council discussed human rights in North Korea in December 2017. The meeting took place on June 12, "
    "when Donald Trump met Kim Jong Un.",
])
def test_leaders_meeting_after_a_council_passage(run, text):
    assert got(run(text, "2018-07-01"), "outcome", "date") == {("held", "2017-12")}


@pytest.fixture(scope="module")
def run_all():
    from nkmonitor.analyze import Extractor

    ex = Extractor()

    def _run(text: str, published: str):
        ctx = DocContext(text=text, sdoc=ex.nlp(text), published=published, pack=ex.pack)
        ctx.mentions = link_mentions(ctx)
        return [f.to_json() for f in extract_facts(ctx)]
    return _run


@pytest.mark.parametrize("second", [
    "That vote placed the situation in the DPRK on the Council's list of matters of which it is seized.",
    "The vote put North Korea's human rights situation on the Council's agenda.",
    "That decision added the situation in the DPRK to the Council's agenda.",
])
def test_agenda_placed_by_that_vote_takes_the_meetings_date(run_all, second):
    text = ("The Security Council first took up human rights in North Korea on December 22, 2014, after a procedural vote "
            "of 11 to 2 with two abstentions. " + second)
    facts = run_all(text, "2020-01-01")
    assert {(f["mechanism"], f["date"]) for f in facts if f["type"] == "mechanism_event"} == {("unsc_dprk_hr_agenda", "2014-12-22")}


@pytest.mark.parametrize("second", [
    "That vote could place the situation in the DPRK on the Council's agenda.",
    "The Security Council has never put the situation in the DPRK on its agenda.",
])
def test_agenda_not_placed(run_all, second):
    text = "The General Assembly adopted a resolution on human rights in North Korea on December 18, 2014. " + second
    facts = run_all(text, "2020-01-01")
    assert [f for f in facts if f["type"] == "mechanism_event" and f["mechanism"] == "unsc_dprk_hr_agenda"] == []


@pytest.mark.parametrize("text, expected", [
    ("The UN Security Council discussed sanctions on Friday. The 15-member body also took up North Korea's human rights "
     "situation on Monday.", {("held", "2017-12-11")}),
    ("The Security Council met on human rights in North Korea in 2014. It returned to the issue on Monday, after a "
     "procedural vote.", {("held", "2014"), ("held", "2017-12-11")}),
    ("The Security Council discussed human rights in North Korea on Monday. South Korea said it returned to the issue of "
     "abductions on Tuesday.", {("held", "2017-12-11")}),
    ("The Security Council discussed human rights in North Korea on Monday. The United States said it met with defectors "
     "on Tuesday.", {("held", "2017-12-11")}),
])
def test_council_referred_to_as_body_or_it(run, text, expected):
    assert got(run(text, "2017-12-12"), "outcome", "date") == expected
