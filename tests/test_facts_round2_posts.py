"""Round 2 of post, vacancy and instrument rules: general phrasings per linguistic class (written for these
tests, not taken from any corpus document), each with negatives."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def run(facts_of):
    return lambda text, published="2024-05-14": facts_of(text, published)


def posts(facts):
    return {(f["event"], f["post"], f.get("person"), f.get("date")) for f in facts if f["type"] == "post_event"}


def post_events(facts):
    return {(f["event"], f.get("person")) for f in facts if f["type"] == "post_event"}


def vacancies(facts):
    return {f["post"] for f in facts if f["type"] == "post_vacancy"}


def instr(facts):
    return {(f["instrument"], f["event"], f.get("chamber"), f.get("date")) for f in facts if f["type"] == "instrument_event"}


ENVOY = "us_special_envoy_nkhr"
RAPP = "un_special_rapporteur_dprk"
ROK = "rok_ambassador_nkhr"


# ---- a date given by reference to the event told just before: "that same month", "that September", "of that year"
@pytest.mark.parametrize("text, expected", [
    ("South Korea's North Korean Human Rights Act took effect on Sept. 4, 2016. Lee Jung-hoon, the first ambassador for "
     "North Korean human rights, was appointed that same month.",
     ("appointed", ROK, "lee_jung_hoon", "2016-09")),
    ("The National Assembly approved South Korea's North Korean Human Rights Act in March 2016, and Lee Jung-hoon was named "
     "ambassador for North Korean human rights that September.",
     ("appointed", ROK, "lee_jung_hoon", "2016-09")),
    ("The Human Rights Council picked Marzuki Darusman as Special Rapporteur on North Korean human rights in June 2010. "
     "He took up the mandate in August of that year.",
     ("took_office", RAPP, "marzuki_darusman", "2010-08")),
])
def test_post_date_by_reference(run, text, expected):
    assert expected in posts(run(text))


@pytest.mark.parametrize("text, expected", [
    ("Seoul's National Assembly passed its own North Korean Human Rights Act in March 2016, and it came into force that September.",
     ("rok_nkhra_2016", "entered_into_force", None, "2016-09")),
    ("South Korea's National Assembly approved the North Korean Human Rights Act in March 2016. It took effect in September of that year.",
     ("rok_nkhra_2016", "entered_into_force", None, "2016-09")),
    ("The South Korean North Korean Human Rights Act was passed by the National Assembly on March 2, 2016 and went into effect "
     "that same year.",
     ("rok_nkhra_2016", "entered_into_force", None, "2016")),
])
def test_instrument_date_by_reference(run, text, expected):
    assert expected in instr(run(text, "2020-12-16"))


def test_that_year_without_earlier_date_gives_no_date(run):
    # nothing told before it: "that year" cannot be resolved, so no invented date
    got = posts(run("Lee Jung-hoon was appointed ambassador for North Korean human rights that same month."))
    assert all(d is None or not d.startswith("2016") for _e, _p, _w, d in got)


# ---- confirmation phrased as a noun or a participle: "won Senate approval", "X, confirmed by the Senate in ..."
@pytest.mark.parametrize("text, expected", [
    ("Robert King was nominated by President Obama as special envoy for North Korean human rights in September 2009 "
     "and won Senate approval two months later.",
     ("confirmed", ENVOY, "robert_king", "2009-11")),
    ("Julie Turner was nominated as special envoy for North Korean human rights in January 2023 and received Senate "
     "confirmation in July 2023.",
     ("confirmed", ENVOY, "julie_turner", "2023-07")),
    ("The special envoy for North Korean human rights post was created in 2004. Robert King, confirmed by the Senate "
     "in November 2009, made it a full-time job.",
     ("confirmed", ENVOY, "robert_king", "2009-11")),
])
def test_confirmation_variants(run, text, expected):
    assert expected in posts(run(text))


def test_senate_approval_of_a_bill_is_not_a_confirmation(run):
    got = posts(run("The North Korean Human Rights Reauthorization Act won Senate approval in July 2018, a boost for "
                    "the special envoy for North Korean human rights."))
    assert not any(e == "confirmed" for e, *_ in got)


# ---- "named X to the post" (followed by a confirmation: a nomination)
@pytest.mark.parametrize("text, expected", [
    ("Barack Obama named Robert King to the post of special envoy for North Korean human rights in September 2009, "
     "and the Senate confirmed him in November.",
     ("nominated", ENVOY, "robert_king", "2009-09")),
    ("The special envoy for North Korean human rights post stood empty for years. President Biden named Julie Turner to "
     "the job in January 2023, and the Senate confirmed her in July.",
     ("nominated", ENVOY, "julie_turner", "2023-01")),
    ("The Human Rights Council's Special Rapporteur on North Korean human rights was a new mandate. The council named "
     "Vitit Muntarbhorn to the post in July 2004.",
     ("appointed", RAPP, "vitit_muntarbhorn", "2004-07")),
])
def test_named_to_the_post(run, text, expected):
    assert expected in posts(run(text))


def test_named_after_is_not_an_appointment(run):
    got = posts(run("The special envoy for North Korean human rights post was named after the 2004 act."))
    assert not any(e in ("appointed", "nominated") for e, *_ in got)


# ---- end of tenure: "served for about a year, until", "stayed until"
@pytest.mark.parametrize("text, expected", [
    ("Lee Jung-hoon, the first ambassador for North Korean human rights, served for about a year, until September 2017.",
     ("left_office", ROK, "lee_jung_hoon", "2017-09")),
    ("Jay Lefkowitz, the first special envoy for North Korean human rights, stayed until January 2009.",
     ("left_office", ENVOY, "jay_lefkowitz", "2009-01")),
    ("Marzuki Darusman, the UN Special Rapporteur on North Korean human rights, remained in the post for six years, until June 2016.",
     ("left_office", RAPP, "marzuki_darusman", "2016-06")),
])
def test_served_until(run, text, expected):
    assert expected in posts(run(text))


def test_stayed_until_in_a_plan_is_not_a_departure(run):
    got = posts(run("Julie Turner, the special envoy for North Korean human rights, will stay until January 2025."))
    assert not any(e == "left_office" for e, *_ in got)


# ---- "the post was filled when X was sworn in": one event (the swearing-in), not an appointment as well
@pytest.mark.parametrize("text, person", [
    ("The special envoy for North Korean human rights post was finally filled when Julie Turner was sworn in on 13 October 2023.",
     "julie_turner"),
    ("The long-vacant special envoy for North Korean human rights position was filled when Julie Turner took office in October 2023.",
     "julie_turner"),
])
def test_filled_when_sworn_in(run, text, person):
    got = post_events(run(text))
    assert ("took_office", person) in got
    assert not any(e == "appointed" for e, _ in got)


def test_filled_alone_is_still_an_appointment(run):
    got = posts(run("South Korea's government promptly filled the long-vacant ambassador for North Korean human rights position in 2022."))
    assert any(e == "appointed" and p == ROK for e, p, _w, _d in got)


# ---- vacancies stated without naming the post in the sentence
@pytest.mark.parametrize("text, post", [
    ("Lee Jung-hoon, the first ambassador for North Korean human rights, left in September 2017. For almost five years "
     "after that, nobody was appointed.", ROK),
    ("Julie Turner was the special envoy for North Korean human rights until January 2025. No successor has been named.", ENVOY),
    ("Julie Turner was sworn in as special envoy for North Korean human rights in October 2023, ending a vacancy that "
     "had lasted since 2017.", ENVOY),
    ("Robert King was the special envoy for North Korean human rights until 2017. His swearing-in of a successor never came. "
     "The post has been vacant since then.", ENVOY),
    ("South Korea's government created the ambassador post for North Korean human rights in 2016. The ambassador post for "
     "North Korean human rights has been left empty since 2017.", ROK),
])
def test_vacancy_without_post_in_sentence(run, text, post):
    assert post in vacancies(run(text))


@pytest.mark.parametrize("text", [
    "Julie Turner was the special envoy for North Korean human rights. A vacancy on the court will be filled next year.",
    "Robert King served as special envoy for North Korean human rights. Nobody was appointed to the commission on trade.",
    "The special envoy for North Korean human rights met the UN Special Rapporteur on North Korean human rights. Nobody was appointed.",
])
def test_no_vacancy(run, text):
    assert vacancies(run(text)) == set()


# ---- timeline rows "DATE | event": the row's leading date; headline passives "X appointed as ..."; present tense
TIMELINE = ("Date | Event\n"
            "15 Apr 2004 | UN Commission on Human Rights adopts a resolution creating the post of Special Rapporteur on the DPRK\n"
            "13 Jul 2004 | Vitit Muntarbhorn of Thailand appointed as the first Special Rapporteur\n"
            "17 Nov 2005 | General Assembly's Third Committee approves the resolution\n"
            "18 Jun 2010 | Human Rights Council appoints Marzuki Darusman of Indonesia as Special Rapporteur\n"
            "1 Aug 2016 | Tomas Ojea Quintana of Argentina takes up the Special Rapporteur mandate\n"
            "2018 | Security Council meeting does not take place\n"
            "1 Aug 2022 | Elizabeth Salmon of Peru assumes the mandate\n")


@pytest.mark.parametrize("expected", [
    ("appointed", RAPP, "vitit_muntarbhorn", "2004-07-13"),
    ("appointed", RAPP, "marzuki_darusman", "2010-06-18"),
    ("took_office", RAPP, "tomas_ojea_quintana", "2016-08-01"),
    ("took_office", RAPP, "elizabeth_salmon", "2022-08-01"),
])
def test_timeline_rows(run, expected):
    assert expected in posts(run(TIMELINE, "2025-03-31"))


def test_timeline_row_dates_not_borrowed(run):
    got = posts(run(TIMELINE, "2025-03-31"))
    assert not any(d and d.startswith(("2005", "2018")) for *_x, d in got)


def test_dash_timeline(run):
    text = ("Key dates for the envoy post\n\n- 2005-08-19: Jay Lefkowitz appointed as special envoy for North Korean human rights\n"
            "- 2009-11-20: Robert King confirmed by the Senate as special envoy for North Korean human rights\n")
    got = posts(run(text, "2024-01-01"))
    assert ("appointed", ENVOY, "jay_lefkowitz", "2005-08-19") in got


def test_headline_active_appointer_still_excluded(run):
    got = posts(run("President Bush appointed Jay Lefkowitz as special envoy for North Korean human rights in August 2005."))
    assert ("appointed", ENVOY, "jay_lefkowitz", "2005-08") in got


# ---- a cabinet or council "approved X as / for the job": the appointment
@pytest.mark.parametrize("text, expected", [
    ("The cabinet approved Lee Shin-wha as ambassador for North Korean human rights on 19 July 2022.",
     ("appointed", ROK, "lee_shin_wha", "2022-07-19")),
    ("South Korea's ambassador for North Korean human rights post had stood empty. The Yoon government's cabinet approved "
     "Lee Shin-wha for the job on July 19, 2022.",
     ("appointed", ROK, "lee_shin_wha", "2022-07-19")),
    ("The State Council approved Lee Jung-hoon as South Korea's first ambassador for North Korean human rights in September 2016.",
     ("appointed", ROK, "lee_jung_hoon", "2016-09")),
])
def test_cabinet_approved_as(run, text, expected):
    assert expected in posts(run(text))


def test_senate_approved_as_is_confirmation_only(run):
    got = posts(run("The Senate approved Julie Turner as special envoy for North Korean human rights in July 2023."))
    assert ("confirmed", ENVOY, "julie_turner", "2023-07") in got
    assert not any(e == "appointed" for e, *_ in got)


def test_approved_a_budget_is_no_appointment(run):
    got = posts(run("The cabinet approved funds for the ambassador for North Korean human rights in 2017."))
    assert not any(e == "appointed" for e, *_ in got)


# ---- "the swearing-in of X", "assumed this mandate" (first person with a byline), "served from A until his departure in B"
@pytest.mark.parametrize("text, published, expected", [
    ("The Department of State welcomes the swearing-in today of Julie Turner as Special Envoy for North Korean Human Rights Issues.",
     "2023-10-13", ("took_office", ENVOY, "julie_turner", "2023-10-13")),
    ("Statement\nby Elizabeth Salmón, Special Rapporteur on the situation of human rights in the DPRK\n\n"
     "Since I assumed this mandate on 1 August 2022, I have met many victims.",
     "2023-09-22", ("took_office", RAPP, "elizabeth_salmon", "2022-08-01")),
    ("The special envoy for North Korean human rights post was created in 2004. Its previous occupant, Ambassador Robert King, "
     "served from 2009 until his departure at the start of 2017.",
     "2023-10-13", ("left_office", ENVOY, "robert_king", "2017")),
    ("Robert King, the special envoy for North Korean human rights, served from 2009 until his resignation in January 2017.",
     "2023-10-13", ("left_office", ENVOY, "robert_king", "2017-01")),
])
def test_tenure_phrasings(run, text, published, expected):
    assert expected in posts(run(text, published))


def test_swearing_in_planned_is_not_an_event(run):
    got = posts(run("The swearing-in of Julie Turner as special envoy for North Korean human rights is expected next week."))
    assert not any(e == "took_office" for e, *_ in got)


# ---- "nominated X to serve as <the post>" is the post itself; "named to serve on a commission" is not
def test_nominated_to_serve_as_the_post(run):
    got = posts(run("In January, President Biden nominated Julie Turner to serve as U.S. special envoy for North Korean human rights.",
                    "2023-03-31"))
    assert ("nominated", ENVOY, "julie_turner", "2023-01") in got


def test_named_to_serve_on_other_body(run):
    got = posts(run("Marzuki Darusman, the Special Rapporteur on North Korean human rights, was named in May 2013 to serve "
                    "on the Commission of Inquiry."))
    assert not any(e in ("appointed", "nominated") for e, *_ in got)


# ---- instruments: a renewal told as a list of dates; "lawmakers approved it" (ROK); "voted ... to extend / for the act"
@pytest.mark.parametrize("text, expected", [
    ("Congress has renewed the North Korean Human Rights Act three times since: in October 2008, in August 2012 and in July 2018.",
     {("us_nkhra_2004", "reauthorized", None, d) for d in ("2008-10", "2012-08", "2018-07")}),
    ("The North Korean Human Rights Act of 2004 was reauthorized in October 2008 and again in August 2012.",
     {("us_nkhra_2004", "reauthorized", None, d) for d in ("2008-10", "2012-08")}),
    ("The U.S. North Korean Human Rights Act was extended in 2008, 2012 and 2018.",
     {("us_nkhra_2004", "reauthorized", None, d) for d in ("2008", "2012", "2018")}),
])
def test_renewal_date_lists(run, text, expected):
    assert expected <= instr(run(text, "2025-06-10"))


def test_enactment_date_and_other_date_not_listed(run):
    got = instr(run("President Bush signed the North Korean Human Rights Act into law in October 2004, in a quiet ceremony, "
                    "and the first envoy came in August 2005.", "2025-06-10"))
    assert ("us_nkhra_2004", "enacted", None, "2004-10") in got
    assert not any(d == "2005-08" for *_x, d in got)


@pytest.mark.parametrize("text, expected", [
    ("South Korea's North Korean Human Rights Act was first introduced in 2005. Lawmakers finally approved it in March 2016.",
     ("rok_nkhra_2016", "passed_chamber", "rok_national_assembly", "2016-03")),
    ("The South Korean anti-leaflet law was approved by lawmakers on December 14, 2020.",
     ("rok_anti_leaflet_law_2020", "passed_chamber", "rok_national_assembly", "2020-12-14")),
    ("The House of Representatives voted last November to extend the North Korean Human Rights Act.",
     ("us_nkhra_2004", "passed_chamber", "us_house", "2024-11")),
    ("The Senate voted 96 to 0 for the North Korea Sanctions and Policy Enhancement Act in February 2016.",
     ("us_nkspea_2016", "passed_chamber", "us_senate", "2016-02")),
])
def test_passage_phrasings(run, text, expected):
    assert expected in instr(run(text, "2025-06-10"))


def test_us_lawmakers_are_not_a_chamber(run):
    got = instr(run("U.S. lawmakers approved the North Korean Human Rights Act in 2004.", "2025-06-10"))
    assert not any(e == "passed_chamber" for _i, e, _c, _d in got)


def test_senator_voting_for_is_not_passage(run):
    got = instr(run("Senator Rubio voted for the North Korean Human Rights Act reauthorization in 2018.", "2025-06-10"))
    assert not any(e == "passed_chamber" for _i, e, _c, _d in got)


def test_voted_against_is_not_passage(run):
    got = instr(run("The House voted last November against the anti-leaflet law repeal.", "2025-06-10"))
    assert not any(e == "passed_chamber" for _i, e, _c, _d in got)


# ---- an explainer that tells a chain of holders by pronouns, the post named once ("the post", "the mandate",
# or the title only later)
CHAIN = ("Who was first?\nVitit Muntarbhorn, a Thai law professor, was named to the post on 13 July 2004. "
         "His tenure ended in June 2010.\n\nAnd after him?\nMarzuki Darusman, a former attorney general of Indonesia. "
         "The Human Rights Council chose him on 18 June 2010, and he took up the work the following month. "
         "His term ended on 30 June 2016.\n\nThen?\nTomás Ojea Quintana of Argentina. The council approved his appointment "
         "on 1 July 2016 and he started on 1 August that year.\n\n"
         "What can the Special Rapporteur on North Korean human rights do?\nNot much.")


@pytest.mark.parametrize("expected", [
    ("appointed", RAPP, "vitit_muntarbhorn", "2004-07-13"),
    ("left_office", RAPP, "vitit_muntarbhorn", "2010-06"),
    ("appointed", RAPP, "marzuki_darusman", "2010-06-18"),
    ("took_office", RAPP, "marzuki_darusman", "2010-07"),
    ("left_office", RAPP, "marzuki_darusman", "2016-06-30"),
    ("appointed", RAPP, "tomas_ojea_quintana", "2016-07-01"),
    ("took_office", RAPP, "tomas_ojea_quintana", "2016-08-01"),
])
def test_pronoun_chain_single_post(run, expected):
    assert expected in posts(run(CHAIN, "2022-08-03"))


def test_pronoun_chain_two_posts_gives_no_guess(run):
    text = ("Robert King was the special envoy for North Korean human rights. Marzuki Darusman was the UN Special Rapporteur "
            "on North Korean human rights.\n\nWho else?\nTomás Ojea Quintana of Argentina. Other people came and went.\n\n"
            "Later?\nJulie Turner of Washington. Some committee chose her on 1 July 2016 and she started on 1 August that year.")
    got = posts(run(text, "2022-08-03"))
    assert not any(p and w == "julie_turner" for _e, p, w, _d in got)


def test_the_post_cataphora_needs_one_post(run):
    text = ("Vitit Muntarbhorn was named to the post on 13 July 2004. Later the special envoy for North Korean human rights "
            "and the UN Special Rapporteur on North Korean human rights met.")
    got = posts(run(text, "2022-08-03"))
    assert not any(w == "vitit_muntarbhorn" for _e, _p, w, _d in got)


def test_pronoun_for_titled_person_is_not_a_holder(run):
    text = ("The UN Special Rapporteur on North Korean human rights post was created in 2004.\n\n"
            "President Barack Obama came to office in 2009. He stepped down in January 2017.")
    got = posts(run(text, "2022-08-03"))
    assert not any(e == "left_office" for e, *_ in got)


# ---- "Bush named him in August 2005, and he stayed until the administration changed in January 2009": the
# appointer (a president by role, even untitled) is never the holder; the until-clause dates the departure
@pytest.mark.parametrize("text, expected", [
    ("Q: Who was the first special envoy for North Korean human rights?\nA: Jay Lefkowitz, a New York lawyer. "
     "Bush named him in August 2005, and he stayed until the administration changed in January 2009.",
     {("appointed", ENVOY, "jay_lefkowitz", "2005-08"), ("left_office", ENVOY, "jay_lefkowitz", "2009-01")}),
    ("The special envoy for North Korean human rights post was new. Jay Lefkowitz was a lawyer. Bush named him on "
     "19 August 2005.",
     {("appointed", ENVOY, "jay_lefkowitz", "2005-08-19")}),
    ("Robert King was the special envoy for North Korean human rights. He served until the administration changed in January 2017.",
     {("left_office", ENVOY, "robert_king", "2017-01")}),
])
def test_untitled_appointer_and_until_clause(run, text, expected):
    got = posts(run(text, "2025-06-10"))
    assert expected <= got
    assert not any(w in ("george_w_bush", "barack_obama") for _e, _p, w, _d in got)


def test_named_her_after_is_not_appointment(run):
    got = posts(run("The special envoy for North Korean human rights post was new. Julie Turner's parents named her in 1970 "
                    "after a grandmother.", "2025-06-10"))
    assert not any(e == "appointed" for e, *_ in got)


# ---- a chain of pronouns carries the name on across sentences
def test_pronoun_chain_across_sentences(run):
    text = ("Marzuki Darusman was the UN Special Rapporteur on North Korean human rights. The council chose him in June 2010. "
            "He later also sat on the Commission of Inquiry. He travelled widely. His term ended on 30 June 2016.")
    assert ("left_office", RAPP, "marzuki_darusman", "2016-06-30") in posts(run(text, "2022-08-03"))


def test_no_chain_no_far_antecedent(run):
    text = ("Marzuki Darusman was the UN Special Rapporteur on North Korean human rights. The council met in Geneva. "
            "Many states spoke. The debate was long. His term ended on 30 June 2016.")
    got = posts(run(text, "2022-08-03"))
    assert not any(e == "left_office" and w == "marzuki_darusman" for e, _p, w, _d in got)


# ---- "on October 13, filling a seat empty since January 2017": the month-day takes the story's year, not the
# year of the "since" landmark
@pytest.mark.parametrize("text, published, expected", [
    ("Julie Turner was sworn in as the U.S. special envoy for North Korean human rights on October 13, filling a seat "
     "that had been empty since January 2017.", "2023-10-20", ("took_office", ENVOY, "julie_turner", "2023-10-13")),
    ("Lee Shin-wha was appointed South Korea's ambassador for North Korean human rights on July 19, ending a vacancy that had "
     "lasted since September 2017.", "2022-08-01", ("appointed", ROK, "lee_shin_wha", "2022-07-19")),
])
def test_month_day_not_borrowing_since_year(run, text, published, expected):
    assert expected in posts(run(text, published))


def test_month_day_keeps_year_of_its_own_event(run):
    text = "Robert King was sworn in as special envoy for North Korean human rights on November 23, 2009, and left on January 13."
    got = posts(run(text, "2023-10-20"))
    assert ("took_office", ENVOY, "robert_king", "2009-11-23") in got


# ---- a chamber's passage told as "accepted the Senate's changes" / "adopting an amended version"; a lead
# "signed legislation that ..." whose act is named in the next sentence; bill numbers of renewals
@pytest.mark.parametrize("text, expected", [
    ("The North Korean Human Rights Act of 2004 moved through Congress. The House then accepted the Senate's changes on Oct. 4, 2004.",
     ("us_nkhra_2004", "passed_chamber", "us_house", "2004-10-04")),
    ("The House approved the North Korean Human Rights Act on July 21, 2004, and the Senate followed on Sept. 28, 2004, "
     "adopting an amended version by unanimous consent.",
     ("us_nkhra_2004", "passed_chamber", "us_senate", "2004-09-28")),
    ("The North Korean Human Rights Act of 2004 passed the Senate in September. The House agreed to the Senate's amendments "
     "on October 4, 2004.",
     ("us_nkhra_2004", "passed_chamber", "us_house", "2004-10-04")),
])
def test_chamber_accepts_other_chambers_text(run, text, expected):
    assert expected in instr(run(text, "2024-10-01"))


def test_accepting_changes_of_a_resolution_is_not_an_act(run):
    got = instr(run("The House accepted the Senate's changes to the budget resolution on Oct. 4, 2004.", "2024-10-01"))
    assert got == set()


@pytest.mark.parametrize("text, expected", [
    ("WASHINGTON, Oct. 18 -- President George W. Bush on Monday signed legislation that commits the United States to promote "
     "human rights in North Korea. The North Korean Human Rights Act of 2004 had moved through Congress with little opposition.",
     ("us_nkhra_2004", "enacted", None, "2004-10-18")),
    ("President Bush on Monday signed a bill that funds radio broadcasts into North Korea. The North Korean Human Rights Act "
     "of 2004 passed Congress last month.",
     ("us_nkhra_2004", "enacted", None, "2004-10-18")),
])
def test_signed_legislation_named_next(run, text, expected):
    assert expected in instr(run(text, "2004-10-19"))


def test_signed_a_letter_is_not_enactment(run):
    got = instr(run("President Bush on Monday signed a letter to Seoul. The North Korean Human Rights Act of 2004 was mentioned.",
                    "2004-10-19"))
    assert not any(e == "enacted" for _i, e, _c, _d in got)


@pytest.mark.parametrize("text, expected", [
    ("The North Korean Human Rights Act's authorization expired in 2022. Efforts to renew it began months earlier. "
     "Rep. Young Kim introduced H.R. 7332 on March 31, 2022.",
     ("us_nkhra_2004", "introduced", None, "2022-03-31")),
    ("The North Korean Human Rights Act lapsed in 2022. " + "Advocates kept pressing. " * 60 +
     "In the current Congress, Reps. Young Kim and Ami Bera introduced H.R. 3012 on April 28, 2023.",
     ("us_nkhra_2004", "introduced", None, "2023-04-28")),
])
def test_renewal_bill_numbers(run, text, expected):
    assert expected in instr(run(text, "2024-10-01"))


def test_bill_number_of_another_act_not_linked(run):
    text = ("The North Korea Sanctions and Policy Enhancement Act passed in 2016. The North Korean Human Rights Act lapsed in 2022. "
            + "Advocates kept pressing. " * 60 + "Rep. Smith introduced H.R. 5555 on April 28, 2023.")
    got = instr(run(text, "2024-10-01"))
    assert not any(e == "introduced" for _i, e, _c, _d in got)


# ---- the law's own year: "The original law dates to 2004", "the Act, which created the post in 2004";
# "a 2008 revision of the Act, signed in October" is a renewal
@pytest.mark.parametrize("text, expected", [
    ("The original North Korean Human Rights Act dates to 2004 and was last renewed in 2018.",
     ("us_nkhra_2004", "enacted", None, "2004")),
    ("The North Korean Human Rights Act, which created the post in 2004, lapsed in 2022.",
     ("us_nkhra_2004", "enacted", None, "2004")),
    ("The North Korean Human Rights Act dates back to 2004.",
     ("us_nkhra_2004", "enacted", None, "2004")),
    ("Under a 2008 revision of the North Korean Human Rights Act, signed in October 2008, the envoy works full-time.",
     ("us_nkhra_2004", "reauthorized", None, "2008-10")),
])
def test_law_own_year_and_revisions(run, text, expected):
    assert expected in instr(run(text, "2024-10-01"))


@pytest.mark.parametrize("text", [
    "The envoy post was created by the North Korean Human Rights Act of 2004.",
    "The debate over the North Korean Human Rights Act dates to the 1990s.",
    "The bill to renew the North Korean Human Rights Act dates to 2022.",
])
def test_no_law_year_enactment(run, text):
    got = instr(run(text, "2024-10-01"))
    assert not any(e == "enacted" for _i, e, _c, _d in got)


# ---- "the American post" / "the South Korean post" in a text about the envoy posts; a footnote mark glued to the
# stop ("change.[4] Meanwhile ...") does not make the next clause a plan
@pytest.mark.parametrize("text, post", [
    ("Lee Shin-wha is South Korea's ambassador for North Korean human rights. Washington should name its own envoy. "
     "The American post has been vacant since January 2017.", ENVOY),
    ("Julie Turner is the U.S. special envoy for North Korean human rights. The South Korean post has been empty since July 2024.", ROK),
    ("Nothing changed.[4] Meanwhile the State Department's human rights envoy post, vacant since January 2017, has remained "
     "unfilled; the Secretary even proposed folding it into another office last year.[5]", ENVOY),
])
def test_state_qualified_post_and_footnote_glue(run, text, post):
    assert post in vacancies(run(text, "2024-08-25"))


@pytest.mark.parametrize("text", [
    "The American post office has been empty since January.",
    "Julie Turner is the U.S. special envoy for North Korean human rights. The American position on sanctions has been vacant of ideas.",
    "Julie Turner is the U.S. special envoy for North Korean human rights. The post will fall vacant in January.",
])
def test_state_qualified_post_negatives(run, text):
    got = vacancies(run(text, "2024-08-25"))
    assert got == set()


# ---- "the act" far from its antecedent: the document's one act; not when two acts were named
def test_far_act_anaphor_single_act(run):
    text = ("The North Korean Human Rights Act of 2004 set up the envoy post. " + "Advocates kept pressing for attention. " * 50
            + "The act's funding authorization lapsed in September 2022.")
    assert ("us_nkhra_2004", "expired", None, "2022-09") in instr(run(text, "2024-10-01"))


def test_far_act_anaphor_two_acts(run):
    text = ("The North Korean Human Rights Act of 2004 set up the envoy post. The North Korea Sanctions and Policy Enhancement Act "
            "followed in 2016. " + "Advocates kept pressing for attention. " * 50
            + "The act's funding authorization lapsed in September 2022.")
    got = instr(run(text, "2024-10-01"))
    assert not any(e == "expired" for _i, e, _c, _d in got)
