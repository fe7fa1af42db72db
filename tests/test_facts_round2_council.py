"""Round 2 (council_meeting, mechanism_event, repatriation): general phrasings of the constructions dev set E
showed missing or over-read, with negatives. Written for these tests, not taken from any corpus document."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def run(facts_of):
    def _run(text: str, published: str | None = "2023-10-14", kind: str = "repatriation"):
        empty = {k: None for k in ("yes", "no", "abstain", "date", "count", "by")}
        return [empty | f for f in facts_of(text, published) if f["type"] == kind]
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


# ---------------------------------------------------------------- council_meeting: tallies in words and other shapes

@pytest.mark.parametrize("text, counts", [
    ("A year later, on 10 December 2015, the Security Council vote on North Korean human rights narrowed to nine to four "
     "with two abstaining.", (9, 4, 2)),
    ("On 9 December 2016 the Security Council met on human rights in North Korea; the vote was nine in favour, this time "
     "with five against and one abstention.", (9, 5, 1)),
    ("The Security Council met on North Korean human rights on 11 December 2017 after ten members voted to hold the "
     "session, three opposed it and two abstained.", (10, 3, 2)),
    ("The Security Council held a meeting on human rights in North Korea on 12 June 2024 after a procedural vote of "
     "12 to 2, with Mozambique abstaining.", (12, 2, 1)),
    ("On 22 December 2014 the Security Council added the situation in the DPRK to its agenda after a procedural vote "
     "(11-2-2).", (11, 2, 2)),
])
def test_council_tally_shapes(run, text, counts):
    facts = run(text, "2024-06-20", "council_meeting")
    assert {(f["yes"], f["no"], f["abstain"]) for f in facts} == {counts}


@pytest.mark.parametrize("text, date, counts", [
    ("The Security Council has discussed human rights in North Korea four times.\n\n- The first, on 22 December 2014, "
     "followed a procedural vote of eleven to two, with two abstentions.", "2014-12-22", (11, 2, 2)),
    ("The Security Council has discussed human rights in North Korea four times.\n\n- On 9 December 2016 the tally was "
     "nine in favour, with five against and one abstention.", "2016-12-09", (9, 5, 1)),
    ("The Security Council has discussed human rights in North Korea four times. In December 2015 the margin was "
     "nine to four with two abstaining.", "2015-12", (9, 4, 2)),
])
def test_council_dated_tally_items(run, text, date, counts):
    facts = run(text, "2017-12-15", "council_meeting")
    assert {(f["date"], f["outcome"], f["yes"], f["no"], f["abstain"]) for f in facts} >= {(date, "held") + counts}


@pytest.mark.parametrize("text", [
    # a General Assembly tally is no Council tally (more than fifteen votes), nor a resolution vote
    "The Security Council has discussed human rights in North Korea. On 18 December 2014 the vote was 116 in favour, "
    "20 against and 53 abstentions.",
    "The Security Council has discussed human rights in North Korea. On 20 March 2015 the tally was 10 to 3, with two "
    "abstentions, on a resolution about sanctions.",
])
def test_council_tally_negatives(run, text):
    assert run(text, "2017-12-15", "council_meeting") == []


def test_council_failed_to_stop_a_meeting(run):
    facts = run("At the Security Council, the human rights issue has come and gone. China failed to stop a meeting on "
                "9 December 2016, which went ahead after a procedural vote of nine to five with one abstention.",
                "2024-03-02", "council_meeting")
    assert got(facts, "date", "outcome", "yes", "no", "abstain") == {("2016-12-09", "held", 9, 5, 1)}


@pytest.mark.parametrize("text, date", [
    ("The Security Council has discussed North Korean human rights since 2014. In 2018 a planned meeting was dropped "
     "when its backers could not muster nine votes.", "2018"),
    ("The Security Council has discussed North Korean human rights since 2014. An attempt to convene a meeting in 2018 "
     "was abandoned when its sponsors could not muster the nine votes needed.", "2018"),
    ("The Security Council has discussed North Korean human rights since 2014. In 2019 a scheduled session was "
     "scrapped for lack of support.", "2019"),
])
def test_council_planned_meeting_dropped(run, text, date):
    assert ("blocked", date) in got(run(text, "2024-06-12", "council_meeting"), "outcome", "date")


def test_council_planned_meeting_negative(run):
    # a planned meeting dropped with no obstacle named is not read as blocked by the vote
    facts = run("The Security Council has discussed North Korean human rights since 2014. In 2019 a planned summit "
                "meeting between the leaders was dropped.", "2024-06-12", "council_meeting")
    assert not [f for f in facts if f["outcome"] == "blocked"]


@pytest.mark.parametrize("text, dates", [
    ("- Security Council. Unlike in 2014 to 2017, the Council did not discuss the human rights situation in North Korea "
     "this year.", {"2014", "2015", "2016", "2017"}),
    ("Unlike in 2015 through 2017, the Security Council held no meeting on North Korean human rights in 2018.",
     {"2015", "2016", "2017"}),
])
def test_council_unlike_range(run, text, dates):
    got_dates = {f["date"] for f in run(text, "2020-01-15", "council_meeting") if f["outcome"] == "held"}
    assert dates <= got_dates


def test_council_each_month_through(run):
    facts = run("The Security Council first put the situation in the DPRK on its agenda at a meeting on 22 December 2014. "
                "It met on the topic each December through 2017.", "2024-06-12", "council_meeting")
    assert {"2015-12", "2016-12", "2017-12"} <= {f["date"] for f in facts}


def test_council_each_month_through_negative(run):
    # no first meeting told: the run has no start
    facts = run("The Security Council met on human rights in North Korea each December through 2017.", "2024-06-12",
                "council_meeting")
    assert not {"2015-12", "2016-12"} & {f["date"] for f in facts}


def test_council_copula_last_session(run):
    facts = run("The Security Council first discussed human rights in North Korea on 22 December 2014. The last session "
                "was an open briefing in August last year.", "2024-06-12", "council_meeting")
    assert ("2023-08", "held") in got(facts, "date", "outcome")


def test_council_live_report(run):
    facts = run("LIVE: UN Security Council meets on North Korean human rights\n\n10:15 — The procedural vote is in: "
                "12 in favour, 2 against (China and Russia), 1 abstention (Mozambique). The meeting goes ahead.",
                "2024-06-12", "council_meeting")
    assert got(facts, "date", "outcome", "yes", "no", "abstain") == {("2024-06-12", "held", 12, 2, 1)}


def test_council_present_generic_negative(run):
    facts = run("The Security Council meets on human rights in North Korea every December. The meeting goes ahead "
                "when nine members vote for it.", "2024-06-12", "council_meeting")
    assert not [f for f in facts if f["date"] == "2024-06-12"]


# ---------------------------------------------------------------- mechanism_event: the commission's report

@pytest.mark.parametrize("text, date", [
    ("The UN Commission of Inquiry delivered its report in February 2014, a long catalogue of abuses.", "2014-02"),
    ("The Commission of Inquiry was set up in March 2013 and delivered its findings in February 2014.", "2014-02"),
    ("The Commission of Inquiry made its findings public on 17 February 2014.", "2014-02-17"),
    ("The session marked a decade since a U.N. commission of inquiry published its findings, in February 2014, that "
     "Pyongyang had committed crimes against humanity.", "2014-02"),
    ("The Commission of Inquiry heard eighty witnesses. The panel released its report in February 2014.", "2014-02"),
    ("The findings of the Commission of Inquiry remain the benchmark. The panel, created by the Human Rights Council in "
     "2013, made its report public in February 2014.", "2014-02"),
])
def test_coi_report_verbs(run, text, date):
    facts = run(text, "2024-06-13", "mechanism_event")
    assert ("un_coi_dprk", "report_published", date) in got(facts, "mechanism", "event", "date")


@pytest.mark.parametrize("text", [
    "The Commission of Inquiry will deliver its report in February.",
    "The Commission of Inquiry heard testimony. The government made its report public in February 2014.",
    "The Commission of Inquiry did not release its report in January 2014.",
])
def test_coi_report_verbs_negatives(run, text):
    facts = run(text, "2013-12-01", "mechanism_event")
    assert not [f for f in facts if f["event"] == "report_published"]


def test_coi_anaphor_established(run):
    facts = run("The findings of the Commission of Inquiry remain the benchmark. The panel, created by the Human Rights "
                "Council in 2013, made its report public in February 2014.", "2024-06-13", "mechanism_event")
    assert ("un_coi_dprk", "established", "2013") in got(facts, "mechanism", "event", "date")


# ---------------------------------------------------------------- mechanism_event: offices, anaphors, dates

@pytest.mark.parametrize("text, mech, event", [
    ("The UN Human Rights Office on 23 June 2015 formally launched a field-based structure in Seoul.", "ohchr_seoul", "opened"),
    ("OHCHR inaugurated its field-based office in Seoul on 23 June 2015.", "ohchr_seoul", "opened"),
    ("On 28 September 2016 the unification ministry opened a center to record defectors' testimonies.",
     "rok_nkhr_records_center", "opened"),
    ("In September 2016 the ministry opened a centre for documenting human rights abuses in the North.",
     "rok_nkhr_records_center", "opened"),
])
def test_offices_opened(run, text, mech, event):
    facts = run(text, "2016-10-01", "mechanism_event")
    assert (mech, event) in got(facts, "mechanism", "event")


@pytest.mark.parametrize("text", [
    "This month the unification ministry set up a preparatory committee for the North Korean Human Rights Foundation.",
    "In March 2023 the government created a task force on the North Korean Human Rights Foundation.",
])
def test_something_set_up_for_a_mechanism(run, text):
    assert not [f for f in run(text, "2023-03-20", "mechanism_event") if f["event"] == "established"]


@pytest.mark.parametrize("text", [
    "The North Korean Human Rights Act of 2016 required a foundation to support research. The ministry closed the "
    "foundation's empty office in June 2018.",
    "The North Korean Human Rights Foundation was never launched. The unification ministry shut the foundation's "
    "office in June 2018.",
])
def test_foundation_office_closed(run, text):
    facts = run(text, "2020-12-16", "mechanism_event")
    assert ("rok_nkhr_foundation", "closed", "2018-06") in got(facts, "mechanism", "event", "date")


def test_foundation_office_closed_negative(run):
    # another foundation: no act, no foundation of the act named before
    facts = run("The Asan Foundation held a forum on Korean security. The ministry closed the foundation's office in "
                "June 2018.", "2020-12-16", "mechanism_event")
    assert facts == []


@pytest.mark.parametrize("text, date", [
    ("North Korea underwent its fourth Universal Periodic Review on Thursday, 7 November.", "2024-11-07"),
    ("North Korea faced the Universal Periodic Review on Monday, 4 November.", "2024-11-04"),
])
def test_upr_weekday_beside_date(run, text, date):
    facts = run(text, "2024-11-25", "mechanism_event")
    assert got(facts, "mechanism", "event", "date") == {("upr_dprk", "review_held", date)}


def test_upr_draft_report_next_sentence(run):
    facts = run("North Korea underwent its fourth Universal Periodic Review on 7 November. Delegates raised the prison "
                "camps. A draft report was circulated four days later, on 11 November.", "2024-11-25", "mechanism_event")
    assert ("upr_dprk", "report_published", "2024-11-11") in got(facts, "mechanism", "event", "date")


def test_upr_report_negative(run):
    # a report of someone else, and a report still to come
    facts = run("North Korea underwent its fourth Universal Periodic Review on 7 November. The government's report "
                "was circulated on 11 November. A draft report will be circulated on 14 November.", "2024-11-25",
                "mechanism_event")
    assert not [f for f in facts if f["event"] == "report_published"]


@pytest.mark.parametrize("text, date", [
    ("The DPRK was first reviewed under the Universal Periodic Review on 7 December 2009. In the third cycle, reviewed "
     "on 9 May 2019, it received 262 recommendations.", "2019-05-09"),
    ("The DPRK was first reviewed under the Universal Periodic Review on 7 December 2009. In the second round, examined "
     "on 1 May 2014, it rejected most recommendations.", "2014-05-01"),
])
def test_upr_cycle_reviewed(run, text, date):
    facts = run(text, "2024-04-08", "mechanism_event")
    assert ("upr_dprk", "review_held", date) in got(facts, "mechanism", "event", "date")


def test_report_of_that_year(run):
    facts = run("The situation was placed on the Security Council's agenda on 22 December 2014, in light of the findings "
                "of the Commission of Inquiry, whose report had been issued in February of that year.", "2015-12-11",
                "mechanism_event")
    assert ("un_coi_dprk", "report_published", "2014-02") in got(facts, "mechanism", "event", "date")


def test_timeline_heading_dates_item(run):
    text = ("December 22, 2014 — Worth a mention: four days later the Security Council voted 11 to 2, with 2 abstentions, "
            "to place the situation in the DPRK on its agenda.")
    facts = run(text, "2025-12-15", "mechanism_event")
    assert got(facts, "mechanism", "date") == {("unsc_dprk_hr_agenda", "2014-12-22")}


# ---------------------------------------------------------------- timeline tables: one row, one event

TABLE = """Date | Event
Mar 2013 | Human Rights Council adopts a resolution establishing a Commission of Inquiry
7 May 2013 | Council President names two experts to serve on the Commission
17 Feb 2014 | Commission of Inquiry report made public in Geneva
18 Dec 2014 | General Assembly adopts a resolution on the DPRK; 116 in favour, 20 against
22 Dec 2014 | DPRK situation added to the Security Council's agenda after a procedural vote (11-2-2)
23 Jun 2015 | OHCHR opens its field office in Seoul
2018 | Security Council meeting does not take place; request withdrawn for lack of nine votes
17 Aug 2023 | Security Council open briefing on human rights, held without a procedural vote
"""


def test_table_rows_mechanisms(run):
    facts = run(TABLE, "2025-03-31", "mechanism_event")
    assert got(facts, "mechanism", "event", "date") >= {
        ("un_coi_dprk", "established", "2013-03"), ("un_coi_dprk", "members_appointed", "2013-05-07"),
        ("un_coi_dprk", "report_published", "2014-02-17"), ("unsc_dprk_hr_agenda", "established", "2014-12-22"),
        ("ohchr_seoul", "opened", "2015-06-23")}


def test_table_rows_council(run):
    facts = run(TABLE, "2025-03-31", "council_meeting")
    assert got(facts, "date", "outcome", "yes") == {("2014-12-22", "held", 11), ("2018", "blocked", None),
                                                    ("2023-08-17", "held", None)}


def test_table_row_negatives(run):
    facts = run("Date | Event\n2026 | Commission of Inquiry report not yet published\n"
                "2027 | OHCHR plans to open a second field office in Seoul\n", "2025-03-31", "mechanism_event")
    assert facts == []


# ---------------------------------------------------------------- repatriation: practice in the present, decisions

@pytest.mark.parametrize("text", [
    "China continues to forcibly return North Koreans it detains.",
    "China forcibly returns North Koreans it catches near the border.",
    "Chinese police are forcibly returning North Korean women caught in Jilin.",
])
def test_repatriation_present_practice(run, text):
    assert got(run(text), "by") == {("china",)}


@pytest.mark.parametrize("text", [
    "China must not forcibly return North Koreans.",
    "We urge China to stop forcibly returning refugees.",
    "China should never forcibly return people who fled.",
])
def test_repatriation_present_negatives(run, text):
    assert run(text) == []


@pytest.mark.parametrize("text", [
    "Critics condemned Seoul's decision last week to deport two fishermen.",
    "Officials in Seoul defended themselves. Critics linked the vote to the government's decision earlier this month "
    "to send two North Korean fishermen back across the border.",
])
def test_repatriation_decision_carried_out(run, text):
    assert got(run(text, "2019-11-15"), "by", "count") == {("rok", 2)}


@pytest.mark.parametrize("text", [
    "Seoul's decision whether to deport the fishermen is pending.",
    "A decision to deport them would be wrong.",
])
def test_repatriation_decision_negatives(run, text):
    assert run(text, "2019-11-15") == []


def test_repatriation_listed_abuse_not_inherited(run):
    facts = run("Seoul sent two fishermen back to the North on 7 November 2019. The resolution again voices concern about "
                "torture, political prison camps and the forced return of refugees.", "2019-11-15")
    assert got(facts, "by", "count", "date") == {("rok", 2, "2019-11-07")}


def test_council_tally_item_off_topic(run):
    facts = run("The Security Council has discussed human rights in North Korea every year. On 22 December 2017 the "
                "council voted 15 to 0 to tighten sanctions after a missile launch.", "2018-01-05", "council_meeting")
    assert not [f for f in facts if f["yes"] == 15]


def test_repatriation_one_of_not_a_count(run):
    facts = run("One of the defectors was sent back by China on 9 October 2023.")
    assert got(facts, "count") <= {(None,)}


@pytest.mark.parametrize("text", [
    "The UN General Assembly voted 116 to 20 on 18 December 2014 to urge the Security Council to refer North Korea's "
    "human rights situation to the ICC.",
    "In December 2014 the General Assembly, by 116 votes to 20, urged the Security Council to act on human rights in "
    "North Korea.",
])
def test_council_other_body_votes(run, text):
    assert run(text, "2024-06-20", "council_meeting") == []


def test_council_tried_to_block_but_lost(run):
    facts = run("China tried to block the Security Council meeting on human rights in the DPRK on 11 December 2017, but "
                "lost the procedural vote 10 to 3.", "2018-01-05", "council_meeting")
    assert got(facts, "date", "outcome", "yes", "no") == {("2017-12-11", "held", 10, 3)}


def test_coi_findings_presented_not_published(run):
    facts = run("The Commission of Inquiry heard 80 witnesses. A year later the commission presented its findings to the "
                "Human Rights Council in March 2014.", "2024-06-20", "mechanism_event")
    assert not [f for f in facts if f["event"] == "report_published"]


def test_commission_definite_other_commission(run):
    # "the commission" after two commissions: not resolved to the inquiry
    facts = run("The Commission on Human Rights met in Geneva. The Commission of Inquiry heard 80 witnesses. The "
                "commission was abolished in 2006.", "2024-06-20", "mechanism_event")
    assert facts == []


@pytest.mark.parametrize("text", [
    "The Security Council met on human rights in the DPRK in 2015. The next session is a briefing in December.",
    "The Security Council met on human rights in the DPRK in 2015. The next session was to be a briefing in December.",
])
def test_council_copula_future_negatives(run, text):
    assert {f["date"] for f in run(text, "2024-06-12", "council_meeting")} == {"2015"}


# ---------------------------------------------------------------- a weekday set beside a written-out date

@pytest.mark.parametrize("text, published, kind, date", [
    ("The Security Council met on human rights in North Korea on Wednesday, 12 June.", "2024-06-20", "council_meeting",
     "2024-06-12"),
    ("China deported about 200 North Koreans on Monday, 9 October.", "2023-10-20", "repatriation", "2023-10-09"),
    ("China deported about 200 North Koreans on Monday, October 9.", "2023-10-20", "repatriation", "2023-10-09"),
])
def test_weekday_beside_date(run, text, published, kind, date):
    assert {f["date"] for f in run(text, published, kind)} == {date}


def test_weekday_alone(run):
    facts = run("The Security Council met on human rights in North Korea on Wednesday.", "2024-06-14", "council_meeting")
    assert {f["date"] for f in facts} == {"2024-06-12"}


@pytest.mark.parametrize("text", [
    "What about the foundation the 2016 law requires? The Unification Ministry closed the foundation's empty office back "
    "in June 2018.",
    "Seoul never launched a foundation mandated by the 2016 act. The ministry closed the foundation's office in June 2018.",
])
def test_foundation_described_by_2016_law(run, text):
    facts = run(text, "2022-08-10", "mechanism_event")
    assert got(facts, "mechanism", "event", "date") == {("rok_nkhr_foundation", "closed", "2018-06")}


def test_foundation_generic_law_negative(run):
    facts = run("The foundation the law requires is still missing. The ministry closed the foundation's office in June "
                "2018.", "2022-08-10", "mechanism_event")
    assert facts == []


def test_repatriation_word_count_date_pairs(run):
    facts = run("China forcibly returned several groups, including about eighty people at the end of August and around "
                "forty in mid-September.")
    assert got(facts, "by", "count", "date") == {("china", 80, "2023-08"), ("china", 40, "2023-09")}


def test_council_tally_item_adoption_negative(run):
    facts = run("The Security Council has discussed human rights in North Korea every year. On 22 December 2017 the "
                "council adopted the text by a vote of 15 to 0.", "2018-01-05", "council_meeting")
    assert not [f for f in facts if f["yes"] == 15]
