"""Round 2 of post, vacancy and instrument rules: general phrasings per linguistic class (written for these
tests, not taken from any corpus document), each with negatives."""

from __future__ import annotations

import pytest

from nkmonitor.analyze.context import DocContext
from nkmonitor.analyze.facts import extract_facts
from nkmonitor.analyze.linking import link_mentions


@pytest.fixture(scope="module")
def run():
    from nkmonitor.analyze import Extractor

    ex = Extractor()

    def _run(text: str, published: str | None = "2024-05-14"):
        ctx = DocContext(text=text, sdoc=ex.nlp(text), published=published, pack=ex.pack)
        ctx.mentions = link_mentions(ctx)
        facts = extract_facts(ctx)
        for f in facts:
            assert f.evidence.text == text[f.evidence.start:f.evidence.end]
        return [f.to_json() for f in facts]
    return _run


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
