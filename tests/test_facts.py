"""Fact extraction: every fact type on sentences written for these tests (positive and negative), robustness, dev floors."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def run(facts_of):
    return facts_of


def keyed(facts, *fields):
    return {tuple(f.get(k) for k in fields) for f in facts}


def of(facts, type_):
    return [f for f in facts if f["type"] == type_]


# ---------------------------------------------------------------- post events

@pytest.mark.parametrize("text, published, expected", [
    ("President Joe Biden nominated Julie Turner as special envoy for North Korean human rights on Monday.",
     "2023-01-25", ("nominated", "us_special_envoy_nkhr", "julie_turner", "2023-01-23")),
    ("The Senate confirmed Robert King as special envoy for North Korean human rights on November 19, 2009.",
     "2009-11-22", ("confirmed", "us_special_envoy_nkhr", "robert_king", "2009-11-19")),
    ("Julie Turner was sworn in as the U.S. special envoy for North Korean human rights on Friday.",
     "2023-10-14", ("took_office", "us_special_envoy_nkhr", "julie_turner", "2023-10-13")),
    ("President Yoon Suk Yeol appointed Lee Shin-wha as ambassador for North Korean human rights in July 2022.",
     "2022-10-01", ("appointed", "rok_ambassador_nkhr", "lee_shin_wha", "2022-07")),
    ("Robert King resigned as special envoy for North Korean human rights in January 2017.",
     "2017-03-01", ("left_office", "us_special_envoy_nkhr", "robert_king", "2017-01")),
])
def test_post_event_positive(run, text, published, expected):
    facts = of(run(text, published), "post_event")
    assert keyed(facts, "event", "post", "person", "date") == {expected}


def test_appointer_is_not_the_appointee(run):
    facts = of(run("President Yoon Suk Yeol appointed Lee Shin-wha as ambassador for North Korean human rights.", "2022"), "post_event")
    assert [f.get("person") for f in facts] == ["lee_shin_wha"]
    assert facts[0]["person_name"] == "Lee Shin-wha"


def test_served_from_to_gives_two_events(run):
    text = "Vitit Muntarbhorn served as the U.N. special rapporteur on North Korean human rights from 2004 to 2010."
    facts = of(run(text, "2015"), "post_event")
    assert keyed(facts, "event", "person", "date") == {
        ("took_office", "vitit_muntarbhorn", "2004"), ("left_office", "vitit_muntarbhorn", "2010")}


def test_unknown_person_keeps_name_only(run):
    text = "The Human Rights Council appointed Maria Gonzalez as special rapporteur on human rights in North Korea on March 3, 2031."
    facts = of(run(text, "2031-03-05"), "post_event")
    assert len(facts) == 1
    assert "person" not in facts[0]
    assert facts[0]["person_name"] == "Maria Gonzalez"
    assert facts[0]["date"] == "2031-03-03"


def test_pronoun_refers_to_the_person_named_before(run):
    text = ("Julie Turner has worked at the State Department for years. "
            "The Senate confirmed her as special envoy for North Korean human rights on July 27.")
    facts = of(run(text, "2023-10-14"), "post_event")
    assert keyed(facts, "event", "person", "date") == {("confirmed", "julie_turner", "2023-07-27")}


def test_first_person_author(run):
    text = "My resignation as special envoy for North Korean human rights took effect on January 13, 2017."
    facts = of(run(text, "2022", outlet="Think tank (Robert King)"), "post_event")
    assert keyed(facts, "event", "person", "date") == {("left_office", "robert_king", "2017-01-13")}


@pytest.mark.parametrize("text", [
    "The White House plans to appoint a special envoy for North Korean human rights next year.",
    "Biden is expected to nominate a special envoy for North Korean human rights soon.",
    "Former special envoy for North Korean human rights Robert King spoke at the conference.",
    "It is time for the president to appoint a U.S. special envoy for North Korean human rights.",
    "Appoint a special envoy for North Korean human rights",
    "If Seoul appoints an ambassador for North Korean human rights, Pyongyang will protest.",
    "The act mandated the appointment of a special envoy for North Korean human rights.",
])
def test_post_event_negative(run, text):
    assert of(run(text, "2023-10-14"), "post_event") == []


# ---------------------------------------------------------------- vacancies

def test_vacancy_once_per_post(run):
    text = ("The post of U.S. special envoy for North Korean human rights has been vacant since January 2017. "
            "Critics say the special envoy for North Korean human rights post remains unfilled.")
    facts = of(run(text, "2021-03"), "post_vacancy")
    assert [(f["post"], f.get("since"), f.get("as_of")) for f in facts] == [("us_special_envoy_nkhr", "2017-01", "2021-03")]


def test_no_candidate_is_a_vacancy_not_a_nomination(run):
    text = "Still, no candidate has been nominated for the post of special envoy for North Korean human rights."
    facts = run(text, "2022")
    assert of(facts, "post_event") == []
    assert [f["post"] for f in of(facts, "post_vacancy")] == ["us_special_envoy_nkhr"]


def test_asking_for_an_appointment_is_no_vacancy(run):
    text = "Rights groups urged the president to promptly appoint a special envoy for North Korean human rights."
    facts = run(text, "2021-04")
    assert of(facts, "post_vacancy") == [] and of(facts, "post_event") == []


# ---------------------------------------------------------------- instruments

@pytest.mark.parametrize("text, published, expected", [
    ("The House passed the North Korean Human Rights Act of 2004 by a vote of 411 to 2 on Wednesday.", "2004-07-23",
     ("us_nkhra_2004", "passed_chamber", "us_house", "2004-07-21", 411, 2)),
    ("President Bush signed the North Korean Human Rights Act of 2004 into law on October 18, 2004.", "2004-10-20",
     ("us_nkhra_2004", "enacted", None, "2004-10-18", None, None)),
    ("Congress passed the North Korea Sanctions and Policy Enhancement Act in February 2016.", "2016-05-01",
     ("us_nkspea_2016", "enacted", None, "2016-02", None, None)),
    ("The Constitutional Court on Tuesday struck down the anti-leaflet law.", "2023-09-27",
     ("rok_anti_leaflet_law_2020", "struck_down", None, "2023-09-26", None, None)),
    ("The anti-leaflet law took effect in March 2021.", "2023-09-27",
     ("rok_anti_leaflet_law_2020", "entered_into_force", None, "2021-03", None, None)),
    ("The North Korean Human Rights Act of 2004 expired in September 2022.", "2023",
     ("us_nkhra_2004", "expired", None, "2022-09", None, None)),
])
def test_instrument_event_positive(run, text, published, expected):
    facts = of(run(text, published), "instrument_event")
    assert keyed(facts, "instrument", "event", "chamber", "date", "yes", "no") == {expected}


def test_reauthorization_signed(run):
    text = "President Obama on Friday signed a reauthorization of the North Korean Human Rights Act of 2004 into law."
    facts = of(run(text, "2012-08-18"), "instrument_event")
    assert keyed(facts, "instrument", "event", "date") == {("us_nkhra_2004", "reauthorized", "2012-08-17")}


@pytest.mark.parametrize("text", [
    "Lawmakers hope the Senate will pass the North Korean Human Rights Act of 2004 reauthorization next year.",
    "The anti-leaflet law is set to take effect in late March.",
    "The Senate Foreign Relations Committee approved the North Korea Sanctions and Policy Enhancement Act in January.",
])
def test_instrument_event_negative(run, text):
    assert of(run(text, "2021-03-01"), "instrument_event") == []


# ---------------------------------------------------------------- UN votes

def test_recorded_vote(run):
    text = ("The Third Committee of the U.N. General Assembly adopted the resolution on North Korean human rights "
            "by a vote of 84 to 22, with 62 abstentions, on Thursday.")
    facts = of(run(text, "2005-11-19"), "resolution_vote")
    assert keyed(facts, "instrument", "body", "method", "yes", "no", "abstain", "date") == {
        ("unga_dprk_hr_resolution", "un_ga_third_committee", "recorded_vote", 84, 22, 62, "2005-11-17")}


def test_consensus(run):
    text = "The Human Rights Council adopted its resolution on human rights in North Korea without a vote on April 4, 2024."
    facts = of(run(text, "2024-04-05"), "resolution_vote")
    assert keyed(facts, "instrument", "body", "method", "date") == {
        ("unhrc_dprk_hr_resolution", "un_hrc", "consensus", "2024-04-04")}


def test_expected_adoption_is_no_vote(run):
    text = "The General Assembly is expected to adopt the resolution on North Korean human rights in December."
    assert of(run(text, "2023-11-01"), "resolution_vote") == []


def test_state_position_range_expanded(run):
    text = "South Korea co-sponsored the General Assembly resolution on North Korean human rights from 2008 to 2010."
    facts = of(run(text, "2015"), "state_position")
    assert keyed(facts, "state", "position", "year") == {("rok", "cosponsored", y) for y in (2008, 2009, 2010)}


def test_state_position_declined_with_year(run):
    text = "In 2019, South Korea declined to co-sponsor the General Assembly resolution on North Korean human rights."
    facts = of(run(text, "2020-01-10"), "state_position")
    assert keyed(facts, "state", "position", "year", "instrument") == {
        ("rok", "not_cosponsored", 2019, "unga_dprk_hr_resolution")}


def test_state_position_clauses_keep_their_years(run):
    text = ("After staying off the list of co-sponsors of the General Assembly resolution on North Korean human rights "
            "in 2020 and 2021, South Korea co-sponsored it again in 2022.")
    facts = of(run(text, "2023"), "state_position")
    assert keyed(facts, "state", "position", "year") == {
        ("rok", "not_cosponsored", 2020), ("rok", "not_cosponsored", 2021), ("rok", "cosponsored", 2022)}


@pytest.mark.parametrize("text", [
    "South Korea should co-sponsor the General Assembly resolution on North Korean human rights every year.",
    "Allies must work together so that they co-sponsor the General Assembly resolution on North Korean human rights.",
])
def test_state_position_negative(run, text):
    assert of(run(text, "2023"), "state_position") == []


# ---------------------------------------------------------------- Security Council, mechanisms

def test_council_meeting_with_procedural_vote(run):
    text = ("The U.N. Security Council held a meeting on human rights in North Korea on Thursday "
            "after a procedural vote of 9 to 4, with 2 abstentions.")
    facts = of(run(text, "2023-08-18"), "council_meeting")
    assert keyed(facts, "outcome", "date", "yes", "no", "abstain") == {("held", "2023-08-17", 9, 4, 2)}


def test_generic_blocking_is_no_meeting(run):
    text = "China and Russia have tried to block Security Council meetings on North Korean human rights."
    assert of(run(text, "2023"), "council_meeting") == []


@pytest.mark.parametrize("text, published, expected", [
    ("The Human Rights Council established the Commission of Inquiry on human rights in North Korea in March 2013.",
     "2014", ("un_coi_dprk", "established", "2013-03")),
    ("North Korea's record was examined during the Universal Periodic Review in Geneva on November 7, 2024.",
     "2024-11-15", ("upr_dprk", "review_held", "2024-11-07")),
    ("This year marks the tenth anniversary of the Commission of Inquiry report on North Korea.",
     "2024-02-17", ("un_coi_dprk", "report_published", "2014")),
])
def test_mechanism_event_positive(run, text, published, expected):
    facts = of(run(text, published), "mechanism_event")
    assert keyed(facts, "mechanism", "event", "date") == {expected}


@pytest.mark.parametrize("text", [
    "The ministry plans to launch the North Korean Human Rights Foundation next year.",
    "Preparations are underway for the launch of the North Korean Human Rights Foundation.",
    "The upcoming tenth anniversary of the Commission of Inquiry will draw attention.",
])
def test_mechanism_event_negative(run, text):
    assert of(run(text, "2023"), "mechanism_event") == []


# ---------------------------------------------------------------- repatriation

def test_repatriation_with_count_and_weekday(run):
    text = "China forcibly repatriated about 500 North Korean defectors on Monday, activists said."
    facts = of(run(text, "2023-10-11"), "repatriation")
    assert keyed(facts, "by", "count", "date") == {("china", 500, "2023-10-09")}


def test_repatriation_split_cue(run):
    text = "Beijing sent some 200 North Korean women back across the border last month."
    facts = of(run(text, "2024-05-02"), "repatriation")
    assert keyed(facts, "by", "count", "date") == {("china", 200, "2024-04")}


@pytest.mark.parametrize("text", [
    "Seoul urged China not to repatriate the defectors.",
    "If China sends them back, they face torture.",
    "Rights groups oppose forced repatriation of North Koreans.",
])
def test_repatriation_negative(run, text):
    assert of(run(text, "2023-10-11"), "repatriation") == []


# ---------------------------------------------------------------- robustness

@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "북한 인권 특사가 임명되었다. 중국은 탈북민 600명을 강제 북송했다.",
    "<div class='x'><p>&nbsp;</p><script>var a = 1;</script></div>",
    "Appoint a special envoy for North Korean human rights\n\nSubscribe to our newsletter\n\nMenu",
])
def test_bad_input_gives_no_facts(run, text):
    assert run(text, None) == []


def test_no_publication_date(run):
    facts = run("Julie Turner was sworn in as the U.S. special envoy for North Korean human rights on Friday.", None)
    assert [(f["event"], f.get("date")) for f in of(facts, "post_event")] == [("took_office", None)]


def test_html_remnants_do_not_break_offsets(run):
    text = "<p>The Senate confirmed Robert King as special envoy for North Korean human rights on November 19, 2009.</p>"
    facts = of(run(text, "2009-11-22"), "post_event")
    assert keyed(facts, "event", "person", "date") == {("confirmed", "robert_king", "2009-11-19")}


# ---------------------------------------------------------------- dev corpus floors

def _score(extractor, gold_path, paths):
    from nkmonitor.analyze.evaluate import evaluate, read_gold
    from nkmonitor.config import get_settings
    from nkmonitor.ingest import read_path

    docs = []
    for p in paths:
        got = read_path(p, get_settings())
        docs.extend(got if isinstance(got, list) else [got])
    extractions = [extractor.extract(d) for d in docs]
    return evaluate(read_gold(gold_path), extractions, pack=extractor.pack)


def test_dev_corpus_floors(extractor, corpus_dir):
    """Regression floors a little below the measured dev scores (P 1.00 / R 1.00 at the time of writing)."""
    paths = sorted((corpus_dir / "seeds").glob("*.txt")) + sorted((corpus_dir / "dev").glob("*.txt"))
    scores = _score(extractor, corpus_dir / "gold" / "dev.jsonl", paths)
    facts = scores.facts
    assert facts.precision >= 0.9 and facts.recall >= 0.85, (facts.precision, facts.recall)
    for type_, floor in {"post_event": 0.8, "post_vacancy": 0.8, "instrument_event": 0.8, "resolution_vote": 0.75,
                         "state_position": 0.7, "mechanism_event": 0.75, "repatriation": 0.7}.items():
        c = scores.per_type[type_]
        assert c.f1 >= floor, (type_, c.precision, c.recall)


def test_sample_corpus_floors(extractor):
    """The project's sample documents (another engineer's text and gold): P 1.00 / R 0.95 measured."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "samples"
    paths = sorted(p for p in (root / "corpus").iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl"))
    scores = _score(extractor, root / "gold.jsonl", paths)
    facts = scores.facts
    assert facts.precision >= 0.9 and facts.recall >= 0.8, (facts.precision, facts.recall)


def test_heldout_set_a_fact_floors(extractor):
    """Held-out set A (another author; development data since the generalization round):
    P 0.77 / R 0.56 before that round, P 0.99 / R 0.87 after it."""
    from pathlib import Path

    root = Path(__file__).resolve().parent / "heldout"
    paths = sorted(p for p in (root / "corpus").iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl"))
    scores = _score(extractor, root / "gold.jsonl", paths)
    facts = scores.facts
    assert facts.precision >= 0.93 and facts.recall >= 0.82, (facts.precision, facts.recall)


@pytest.mark.parametrize("published,text,expected", [
    ("2023-05-01", "The U.N. human rights office in Seoul has documented hundreds of cases since its opening in June 2015.",
     [("mechanism_event", "opened", "2015-06")]),
    ("2014-11-19", "The General Assembly adopted the resolution on North Korean human rights without a vote in each of the previous two years.",
     [("resolution_vote", None, "2012"), ("resolution_vote", None, "2013")]),
    ("2020-01-10", "The bill keeps the requirement that the President appoint a special envoy for North Korean human rights.", []),
    ("2024-02-19", "Diplomats gathered in Geneva on Monday to mark the 10th anniversary of the report of the U.N. commission "
     "of inquiry on North Korea.", [("mechanism_event", "report_published", "2014")]),
    ("2025-06-24", "The U.N. human rights office in Seoul marked its 10th anniversary on Monday.",
     [("mechanism_event", "opened", "2015")]),
    ("2022-10-01", "The North Korean Human Rights Act was first enacted in 2004 and was reauthorized in 2008, 2012 and 2018.",
     [("instrument_event", "enacted", "2004"), ("instrument_event", "reauthorized", "2008"),
      ("instrument_event", "reauthorized", "2012"), ("instrument_event", "reauthorized", "2018")]),
])
def test_generalization_round_classes(extractor, published, text, expected):
    from nkmonitor.analyze.context import DocContext
    from nkmonitor.analyze.facts import extract_facts
    from nkmonitor.analyze.linking import link_mentions

    ctx = DocContext(text=text, sdoc=extractor.nlp(text), published=published, pack=extractor.pack)
    ctx.mentions = link_mentions(ctx)
    got = sorted((f.type, getattr(f, "event", None), f.date) for f in extract_facts(ctx))
    assert got == sorted(expected)


@pytest.mark.parametrize("published,text,expected", [
    ("2017-10-01", "Lee Jung-hoon, who was appointed South Korea's first ambassador for North Korean human rights in "
     "September 2016, quit in September 2017.",
     [("post_event", "appointed", "2016-09"), ("post_event", "left_office", "2017-09")]),
    # a state quitting a body is not a holder leaving the post
    ("2019-10-01", "The United States quit the Human Rights Council in June 2018, a year after the special envoy for "
     "North Korean human rights post became vacant.", [("post_vacancy", None, None)]),
])
def test_departures(extractor, published, text, expected):
    from nkmonitor.analyze.context import DocContext
    from nkmonitor.analyze.facts import extract_facts
    from nkmonitor.analyze.linking import link_mentions

    ctx = DocContext(text=text, sdoc=extractor.nlp(text), published=published, pack=extractor.pack)
    ctx.mentions = link_mentions(ctx)
    got = sorted((f.type, getattr(f, "event", None), getattr(f, "date", None)) for f in extract_facts(ctx))
    assert got == sorted(expected)


def test_link_lists_give_no_undated_facts(extractor):
    from nkmonitor.analyze.context import DocContext
    from nkmonitor.analyze.facts import extract_facts
    from nkmonitor.analyze.linking import link_mentions

    text = ("Most Read\n1. Senate confirms Julie Turner as North Korea rights envoy\n"
            "2. China deports 500 North Koreans, activists say\n\n"
            "The U.N. Security Council met on Wednesday to discuss human rights in North Korea.")
    ctx = DocContext(text=text, sdoc=extractor.nlp(text), published="2024-06-13", pack=extractor.pack)
    ctx.mentions = link_mentions(ctx)
    assert [f.type for f in extract_facts(ctx)] == ["council_meeting"]
