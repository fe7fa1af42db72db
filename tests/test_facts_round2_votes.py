"""Round 2 (dev set E): resolution votes and state positions, general phrasings of each class (positive and negative)."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="session")
def run(facts_of):
    return lambda text, published="2023-10-14": facts_of(text, published)


def positions(facts):
    return {(f["state"], f["year"], f["position"]) for f in facts if f["type"] == "state_position"}


def votes(facts):
    return {(f["body"], (f.get("date") or "")[:4], f.get("method"), f.get("yes")) for f in facts if f["type"] == "resolution_vote"}


# ---------------------------------------------------------------- an undated past event told right after a dated one

@pytest.mark.parametrize("text, expected", [
    ("The Third Committee adopted the annual resolution on North Korea on 14 November 2019. South Korea was absent from the list of co-sponsors.",
     ("rok", 2019, "not_cosponsored")),
    ("The Third Committee adopted the annual resolution on North Korea in November 2019. The United States remained a co-sponsor.",
     ("us", 2019, "cosponsored")),
    ("The Commission on Human Rights adopted a resolution on North Korea in April 2004. South Korea, then seeking engagement, abstained on that text.",
     ("rok", 2004, "abstained")),
    ("I was in the hall on 17 November 2005, when the Third Committee adopted the first resolution on North Korea. Seoul abstained, citing inter-Korean ties.",
     ("rok", 2005, "abstained")),
    ("The General Assembly took up the resolution on North Korea in 2012. Japan co-sponsored it, as usual.",
     ("japan", 2012, "cosponsored")),
])
def test_position_takes_the_year_told_just_before(run, text, expected):
    got = positions(run(text))
    assert expected in got
    assert (expected[0], 2023, expected[2]) not in got


@pytest.mark.parametrize("text, expected", [
    # a new paragraph starts a new time frame: the story's year
    ("The first resolution on North Korea was adopted by the General Assembly in 2005.\n\nThis year, South Korea co-sponsored the resolution.",
     ("rok", 2023, "cosponsored")),
    ("The Third Committee adopted a resolution on North Korea in 2015.\n\nSouth Korea co-sponsored the resolution.",
     ("rok", 2023, "cosponsored")),
])
def test_new_paragraph_keeps_story_year(run, text, expected):
    assert expected in positions(run(text))


@pytest.mark.parametrize("text, year", [
    ("Seoul abstained again in 2007 when the General Assembly's Third Committee voted on the resolution on North Korea. "
     "The committee vote that November was 97 in favour, 23 against and 60 abstaining.", "2007"),
    ("The Human Rights Council took up North Korea again in March 2014. The Council adopted the resolution by a recorded vote.", "2014"),
])
def test_vote_takes_the_year_told_just_before(run, text, year):
    got = votes(run(text, published="2016-05-02"))
    assert any(v[1] == year for v in got), got
    assert not any(v[1] == "2016" for v in got), got


# ---------------------------------------------------------------- "not only X but (also) Y": two positions, neither negated

@pytest.mark.parametrize("sentence, expected", [
    ("Seoul not only voted yes but co-sponsored the resolution for the first time.", {("rok", "voted_yes"), ("rok", "cosponsored")}),
    ("Japan not only voted in favour but also co-sponsored the text.", {("japan", "voted_yes"), ("japan", "cosponsored")}),
    ("South Korea did not only vote for the resolution; it co-sponsored it.", {("rok", "cosponsored")}),
    ("The United States not only co-sponsored the resolution but also lobbied others to back it.", {("us", "cosponsored")}),
])
def test_not_only_is_not_a_negation(run, sentence, expected):
    got = positions(run("The U.N. General Assembly adopted its annual resolution on North Korea on Tuesday. " + sentence))
    assert {(s, p) for s, _y, p in got} >= expected
    assert not any(p == "not_cosponsored" for _s, _y, p in got)


@pytest.mark.parametrize("sentence, state", [
    ("Seoul did not co-sponsor the resolution, but it joined the consensus.", "rok"),
    ("Japan was not among the co-sponsors this time.", "japan"),
])
def test_plain_not_still_negates(run, sentence, state):
    got = positions(run("The U.N. General Assembly adopted its annual resolution on North Korea on Tuesday. " + sentence))
    assert (state, 2023, "not_cosponsored") in got
    assert (state, 2023, "cosponsored") not in got


# ---------------------------------------------------------------- "for the second year in a row": the year before too

@pytest.mark.parametrize("sentence, expected", [
    ("Last month, for the second year in a row, Seoul declined to co-sponsor the resolution.", ("rok", "not_cosponsored")),
    ("Japan co-sponsored the resolution for a second straight year.", ("japan", "cosponsored")),
    ("Seoul again declined to put its name among the co-sponsors, as it had the year before.", ("rok", "not_cosponsored")),
    ("For the second consecutive year, South Korea abstained on the resolution.", ("rok", "abstained")),
])
def test_second_year_running_adds_the_year_before(run, sentence, expected):
    got = positions(run("The U.N. General Assembly adopted its annual resolution on North Korea in November. " + sentence, published="2020-12-15"))
    assert (expected[0], 2020, expected[1]) in got
    assert (expected[0], 2019, expected[1]) in got


@pytest.mark.parametrize("sentence, expected", [
    ("For the fourth year running, South Korea stayed off the list of co-sponsors.", ("rok", "not_cosponsored")),
    ("Japan co-sponsored the resolution again.", ("japan", "cosponsored")),
    ("South Korea co-sponsored the resolution, but it had abstained the year before.", ("rok", "cosponsored")),
])
def test_no_year_before_without_a_second_year(run, sentence, expected):
    got = positions(run("The U.N. General Assembly adopted its annual resolution on North Korea in November. " + sentence, published="2020-12-15"))
    assert (expected[0], 2020, expected[1]) in got
    assert (expected[0], 2019, expected[1]) not in got


# ---------------------------------------------------------------- coordinated positions, each with its own year

def test_coordinated_verbs_keep_their_own_years(run):
    got = positions(run("The General Assembly has voted on a resolution on North Korea every year since 2005. South Korea abstained on the first "
                        "General Assembly resolution in 2005, voted in favour in 2006 after the nuclear test, and abstained again in 2007."))
    assert {("rok", 2005, "abstained"), ("rok", 2006, "voted_yes"), ("rok", 2007, "abstained")} <= got
    assert ("rok", 2006, "abstained") not in got


@pytest.mark.parametrize("sentence, expected", [
    ("By 2008, under a new president, Seoul not only voted yes but co-sponsored the resolution for the first time.",
     {("rok", 2008, "voted_yes"), ("rok", 2008, "cosponsored")}),
    ("In 2012 Japan voted for the resolution and co-sponsored it.", {("japan", 2012, "voted_yes"), ("japan", 2012, "cosponsored")}),
])
def test_shared_year_of_coordinated_verbs(run, sentence, expected):
    assert expected <= positions(run("The General Assembly adopted the resolution on North Korea. " + sentence))


# ---------------------------------------------------------------- "X's name was missing from it" (the co-sponsors' list)

@pytest.mark.parametrize("text, state", [
    ("The Third Committee adopted its annual resolution on North Korea. What was new was the list of co-sponsors: South Korea's name was missing from it.", "rok"),
    ("The General Assembly resolution on North Korea had 40 co-sponsors. Japan's name was absent from the list.", "japan"),
    ("The General Assembly resolution on North Korea was adopted with dozens of co-sponsors, but the United States was missing from the list.", "us"),
])
def test_missing_from_the_cosponsors_list(run, text, state):
    assert (state, 2023, "not_cosponsored") in positions(run(text))


@pytest.mark.parametrize("text", [
    "The General Assembly adopted its annual resolution on North Korea. South Korea's name was missing from the list of speakers.",
    "The General Assembly adopted its annual resolution on North Korea. A clause on abductions was missing from it, Japan said.",
])
def test_missing_from_other_lists(run, text):
    assert not any(p == "not_cosponsored" for _s, _y, p in positions(run(text)))


def test_since_year_is_not_the_narrative_year(run):
    got = positions(run("The Third Committee adopted the resolution on North Korea without a vote on 14 November 2019. For the first time since 2008, "
                        "South Korea was absent from the list of co-sponsors. The United States remained a co-sponsor.", published="2020-01-15"))
    assert ("us", 2019, "cosponsored") in got
    assert ("us", 2008, "cosponsored") not in got


# ---------------------------------------------------------------- resolution votes: habit, footnotes, narrative year

@pytest.mark.parametrize("text", [
    "Mid-December is when the General Assembly, meeting in plenary, formally adopts the resolutions its Third Committee has sent up.",
    "Each spring the Human Rights Council adopts resolutions on a dozen countries, North Korea among them.",
    "In a typical year the General Assembly approves the resolutions on country situations in December.",
])
def test_habitual_adoption_of_resolutions_is_no_vote(run, text):
    assert not votes(run(text, published="2025-12-15"))


@pytest.mark.parametrize("text", [
    "15 Apr 2004 | UN Commission on Human Rights adopts a resolution on North Korea creating the post of Special Rapporteur",
    "Today the General Assembly adopts the resolution on North Korea by consensus.",
])
def test_present_tense_single_adoption_still_counts(run, text):
    assert votes(run(text, published="2004-05-02"))


@pytest.mark.parametrize("text, year", [
    ("The Sanctions Act, signed in February 2016, required reports on North Korean human rights abuses.[2] At the United Nations, the General Assembly adopted resolution 71/202 "
     "without a vote on 19 December 2016.", "2016"),
    ("The sanctions law was signed in 2016.[4] The General Assembly adopted the resolution on North Korean human rights by consensus on 19 December 2016.", "2016"),
])
def test_footnote_mark_ends_the_sentence_for_resolution_linking(run, text, year):
    assert any(v[1] == year and v[2] == "consensus" for v in votes(run(text, published="2018-09-10")))


def test_vote_after_a_sentence_of_two_dates_takes_the_later(run):
    got = votes(run("The Commission of Inquiry was set up by the Human Rights Council in March 2013 and reported in February 2014. "
                    "A month after the report came out, the Council adopted, by a recorded vote, a resolution on North Korea.", published="2015-06-24"))
    assert any(v[0] == "un_hrc" and v[1] == "2014" for v in got), got
    assert not any(v[1] == "2015" for v in got)


# ---------------------------------------------------------------- timelines and tables of votes, one event per dated line

TABLE = ("UN milestones on North Korean human rights\n\nDate | Event\n"
         "14 Apr 2005 | UN Commission on Human Rights adopts a resolution on the DPRK\n"
         "2 Aug 2005 | A new rapporteur takes up the mandate\n"
         "16 Nov 2006 | General Assembly's Third Committee approves the UNGA resolution on the DPRK: 91 in favour, 21 against, 60 abstentions\n"
         "Dec 2006 | Plenary adopts the resolution, 99-21-56\n"
         "19 Dec 2008 | General Assembly adopts the resolution 94-22-63; 53 co-sponsors\n"
         "20 Dec 2012 | General Assembly adopts the resolution without a vote\n")


def test_table_rows_each_give_their_vote(run):
    got = votes(run(TABLE, published="2025-03-31"))
    assert ("un_chr", "2005", None, None) in got
    assert ("un_ga_third_committee", "2006", "recorded_vote", 91) in got
    assert ("un_ga", "2006", "recorded_vote", 99) in got
    assert ("un_ga", "2008", "recorded_vote", 94) in got
    assert ("un_ga", "2012", "consensus", None) in got
    assert not any(v[1] == "2025" for v in got)


TIMELINE = ("For North Korea watchers, this week has a pile of anniversaries.\n\n"
            "December 18, 2009 — The plenary of the General Assembly adopted the annual resolution on North Korea by 99 votes to 20, with 63 abstentions.\n\n"
            "December 19, 2011 — Support kept growing: 123 in favour, 16 against and 51 abstaining.\n\n"
            "December 20, 2012 — For the first time, the resolution passed without a vote.\n\n"
            "December 18, 2014 — The resolution carried with 116 states in favour and 20 against.\n\n"
            "December 22, 2014 — The Security Council voted 11 to 2, with 2 abstentions, to place the situation on its agenda.\n")


def test_dated_timeline_lines_of_one_series(run):
    got = votes(run(TIMELINE, published="2025-12-15"))
    assert ("un_ga", "2009", "recorded_vote", 99) in got
    assert ("un_ga", "2011", "recorded_vote", 123) in got
    assert ("un_ga", "2012", "consensus", None) in got
    assert ("un_ga", "2014", "recorded_vote", 116) in got
    assert not any(v[3] == 11 for v in got)
    assert not any(v[1] == "2025" for v in got)


@pytest.mark.parametrize("text", [
    # a tally line with no resolution vote told before it is not read as one
    "Our poll, December 19, 2011 — Support kept growing: 123 in favour, 16 against and 51 abstaining.",
    "December 19, 2011 — The city council carried out repairs; 123 in favour, 16 against.",
])
def test_tally_lines_without_a_series(run, text):
    assert not votes(run(text, published="2025-12-15"))


@pytest.mark.parametrize("line, method", [
    ("December 19, 2016 — Resolution 71/202 was adopted by consensus.", "consensus"),
    ("December 16, 2020 — Consensus again, but Japan was not among the co-sponsors.", "consensus"),
    ("December 17, 2019 — Adopted without a vote.", "consensus"),
    ("December 17, 2019 — By consensus, as in the years before.", "consensus"),
])
def test_short_timeline_lines_of_the_series(run, line, method):
    text = ("This week in history.\n\nDecember 18, 2009 — The plenary of the General Assembly adopted the annual resolution on North Korea "
            "by 99 votes to 20, with 63 abstentions.\n\n" + line + "\n")
    got = votes(run(text, published="2025-12-15"))
    year = line[line.index(",") + 2:line.index(",") + 6]
    assert ("un_ga", year, method, None) in got, got


@pytest.mark.parametrize("line", [
    "December 16, 2020 — Consensus on the budget eluded the Fifth Committee.",
    "December 16, 2020 — Quiet week; no votes.",
])
def test_other_short_lines_give_no_vote(run, line):
    text = ("This week in history.\n\nDecember 18, 2009 — The plenary of the General Assembly adopted the annual resolution on North Korea "
            "by 99 votes to 20, with 63 abstentions.\n\n" + line + "\n")
    assert not any(v[1] == "2020" for v in votes(run(text, published="2025-12-15")))


# ---------------------------------------------------------------- "N co-sponsors, X among them"

@pytest.mark.parametrize("sentence, expected", [
    ("It had 53 co-sponsors, South Korea among them.", {("rok", 2023, "cosponsored")}),
    ("The text drew 60 co-sponsors, Japan and the United States among them.", {("japan", 2023, "cosponsored"), ("us", 2023, "cosponsored")}),
    ("It had 53 co-sponsors, South Korea among them for a second straight year.", {("rok", 2023, "cosponsored"), ("rok", 2022, "cosponsored")}),
    ("It had 53 co-sponsors, South Korea one of them; Seoul had first joined the co-sponsors in 2008.", {("rok", 2023, "cosponsored")}),
])
def test_states_apposed_among_them(run, sentence, expected):
    got = positions(run("The General Assembly adopted the annual resolution on North Korea on Tuesday. " + sentence))
    assert expected <= got
    assert ("rok", 2007, "cosponsored") not in got


@pytest.mark.parametrize("sentence", [
    "It had 53 co-sponsors, North Korea's allies not among them.",
    "It had 53 co-sponsors, most of them European.",
])
def test_apposition_without_a_state(run, sentence):
    got = positions(run("The General Assembly adopted the annual resolution on North Korea on Tuesday. " + sentence))
    assert not any(p == "cosponsored" for _s, _y, p in got)


# ---------------------------------------------------------------- the co-sponsors "at the Human Rights Council": that body's resolution

TAIL = " Later this year the General Assembly will take up its own resolution on North Korea."


@pytest.mark.parametrize("sentence, expected", [
    ("South Korea was missing from the list of co-sponsors at the Human Rights Council this spring.", ("rok", 2022, "not_cosponsored")),
    ("Japan joined the co-sponsors at the Human Rights Council in April.", ("japan", 2022, "cosponsored")),
    ("In March the United States was among the co-sponsors in the Human Rights Council.", ("us", 2022, "cosponsored")),
])
def test_cosponsors_at_a_body(run, sentence, expected):
    got = {(f["state"], f["year"], f["position"], f["instrument"]) for f in run(sentence + TAIL, published="2022-08-10") if f["type"] == "state_position"}
    assert expected + ("unhrc_dprk_hr_resolution",) in got


@pytest.mark.parametrize("sentence", [
    "South Korea co-sponsored a statement at the Human Rights Council this spring.",
    "Japan was among the co-sponsors of a bill on abductions; the Human Rights Council met in March.",
])
def test_cosponsors_of_other_things_at_a_body(run, sentence):
    got = [f for f in run(sentence + TAIL, published="2022-08-10") if f["type"] == "state_position"]
    assert not any(f["instrument"] == "unhrc_dprk_hr_resolution" for f in got)


# ---------------------------------------------------------------- a body creating a mandate "in a resolution"

@pytest.mark.parametrize("text, body, year", [
    ("The Commission on Human Rights created the mandate on North Korea in April 2004 in the same resolution in which it condemned Pyongyang.", "un_chr", "2004"),
    ("The Human Rights Council established the Commission of Inquiry on North Korea in March 2013 by a resolution adopted without a vote.", "un_hrc", "2013"),
    ("In March 2016 the Human Rights Council extended the rapporteur's mandate on the DPRK through its annual resolution.", "un_hrc", "2016"),
])
def test_mandate_created_in_a_resolution(run, text, body, year):
    got = votes(run(text, published="2022-08-03"))
    assert any(v[0] == body and v[1] == year for v in got), got


@pytest.mark.parametrize("text", [
    "The Human Rights Council could create a new mandate on North Korea in a resolution next year.",
    "The Human Rights Council had created the mandate on North Korea in a resolution long before.",
    "The Security Council created a sanctions committee on North Korea in its resolution 1718 in 2006.",
])
def test_no_vote_from_hypothetical_or_undated_creation(run, text):
    assert not votes(run(text, published="2022-08-03"))


@pytest.mark.parametrize("line, expected", [
    ("2015 - Another recorded vote in plenary: 119-19-48.", ("un_ga", "2015", "recorded_vote", 119)),
    ("2015 - A recorded vote in plenary again: 119-19-48.", ("un_ga", "2015", "recorded_vote", 119)),
    ("2016 - Back to consensus, a pattern that has held since.", ("un_ga", "2016", "consensus", None)),
    ("2016 - A return to consensus.", ("un_ga", "2016", "consensus", None)),
])
def test_year_headed_lines_of_the_series(run, line, expected):
    text = ("TIMELINE OF THE GENERAL ASSEMBLY RESOLUTION ON NORTH KOREA\n\n2014 - The Assembly adopted the resolution on North Korea "
            "in plenary on Dec. 18 by 116-20-53.\n\n" + line + "\n")
    assert expected in votes(run(text, published="2024-11-30"))


@pytest.mark.parametrize("line", [
    "2016 - Back to the drawing board on the budget.",
    "2016 - The adopted text was translated into Korean.",
])
def test_other_year_headed_lines(run, line):
    text = ("TIMELINE OF THE GENERAL ASSEMBLY RESOLUTION ON NORTH KOREA\n\n2014 - The Assembly adopted the resolution on North Korea "
            "in plenary on Dec. 18 by 116-20-53.\n\n" + line + "\n")
    assert not any(v[1] == "2016" for v in votes(run(text, published="2024-11-30")))


@pytest.mark.parametrize("sentence, n", [
    ("The Committee had adopted its text on the country without a vote in each of the previous two years.", 2),
    ("The committee had approved the text by consensus in each of the past three years.", 3),
])
def test_each_previous_year_without_the_word_resolution(run, sentence, n):
    text = "The General Assembly's Third Committee voted on the resolution on North Korea on Tuesday. " + sentence
    got = votes(run(text, published="2014-11-18"))
    for y in range(2014 - n, 2014):
        assert ("un_ga_third_committee", str(y), "consensus", None) in got, got


def test_each_previous_year_needs_a_count(run):
    text = ("The General Assembly's Third Committee voted on the resolution on North Korea on Tuesday. "
            "The committee had approved the text by consensus in previous years.")
    assert not any(v[1] in ("2012", "2013") for v in votes(run(text, published="2014-11-18")))


# ---------------------------------------------------------------- a "since" date does not date the vote

@pytest.mark.parametrize("sentence", [
    "The 193-member assembly approved the measure by a recorded vote of 123 to 16, with 51 abstentions, the strongest support since it was first introduced in 2005.",
    "The assembly approved the text by 120 votes to 18, with 50 abstentions, its widest margin since 2005.",
])
def test_since_date_leaves_the_story_year(run, sentence):
    text = "The General Assembly adopted a resolution on North Korea's human rights on Monday.\n\n" + sentence
    got = votes(run(text, published="2011-12-19"))
    assert any(v[0] == "un_ga" and v[1] == "2011" and v[3] in (123, 120) for v in got), got
    assert not any(v[1] == "2005" for v in got)


def test_dated_earlier_vote_keeps_its_date(run):
    text = ("The General Assembly adopted a resolution on North Korea's human rights on Monday.\n\n"
            "The assembly had approved the text by 99 votes to 20 in 2009.")
    assert not any(v[1] == "2011" and v[3] == 99 for v in votes(run(text, published="2011-12-19")))
