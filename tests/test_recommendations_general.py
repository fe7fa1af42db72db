"""Recommendations: classes of phrasing, each with several natural variants and negatives written for these tests.

None of these sentences is taken from a corpus document; each class is tested with wordings the rules were not
written against."""

from __future__ import annotations

import pytest

from textdocs import asks, make_doc


# ------------------------------------------------------------------ 'ought to' parsed as the clause head

@pytest.mark.parametrize("text, expected", [
    ("The activists also said Washington ought to raise the deportation of escapees with Chinese officials.",
     ("us", "refugee_protection")),
    ("Several scholars argued that Seoul ought to resume rice aid to the North.", ("rok", "humanitarian_cooperation")),
    ("Critics said Tokyo ought to press harder for the return of the abductees.", ("japan", "detainees_abductees_families")),
])
def test_ought_to_in_reported_speech(extractor, text, expected):
    assert expected in asks(extractor, text)


# ------------------------------------------------------------------ speaker's own will/would, drafts' wording

@pytest.mark.parametrize("text, expected", [
    ("Several rights groups said they would press the Biden administration to name a special envoy this year.",
     ("us", "appoint_official")),
    ("We will continue to urge Beijing to stop sending escapees back to North Korea.", ("china", "refugee_protection")),
    ("Under the text, the Assembly would urge the Democratic People's Republic of Korea to end the violations "
     "and to cooperate with the Special Rapporteur.", ("dprk", "dprk_compliance")),
])
def test_own_commitment_or_draft_wording_is_an_ask(extractor, text, expected):
    assert expected in asks(extractor, text)


@pytest.mark.parametrize("text", [
    "Analysts said Washington would press Seoul to co-sponsor the resolution after the election.",
    "The committee rejected an amendment that would have deleted the paragraphs urging the Security Council to hold a meeting.",
    "Diplomats expect that the president will urge Beijing to stop the deportations.",
])
def test_forecasts_and_counterfactuals_are_not_asks(extractor, text):
    assert asks(extractor, text) == set()


# ------------------------------------------------------------------ coordinated clause with its own subject

@pytest.mark.parametrize("text, expected", [
    ("Council members should hold an open meeting on the situation before the year ends, and the United States, "
     "as the member that led earlier requests, should circulate a request for such a meeting.", ("us", "un_multilateral_action")),
    ("Beijing must halt the deportations at once, and Japan, which hosts many of the families, should press "
     "Pyongyang for the return of the abductees.", ("japan", "detainees_abductees_families")),
])
def test_coordinated_clause_takes_its_own_subject(extractor, text, expected):
    assert expected in asks(extractor, text)


# ------------------------------------------------------------------ action wording beyond the training lines

@pytest.mark.parametrize("text, expected", [
    ("Congress should pass a clean reauthorization before the session ends.", ("us", "legislation")),
    ("The Senate must not let this bill die in committee, the groups said.", ("us", "legislation")),
    ("The National Assembly should write new rules to protect residents of border towns.", ("rok", "legislation")),
    ("The unification ministry called on the National Assembly to recommend the foundation's directors quickly.",
     ("rok", "legislation")),
    ("The new U.S. envoy should be nominated early next year and confirmed quickly, the senator said.",
     ("us", "appoint_official")),
    ("President Biden should make clear that human rights will be part of any new North Korea policy.",
     ("us", "integrate_hr_in_policy")),
    ("The Seoul government should resume fertilizer and rice shipments to the North.", ("rok", "humanitarian_cooperation")),
    ("The Biden administration should make sure that food aid reaches ordinary North Koreans rather than the army.",
     ("us", "aid_monitoring")),
    ("Beijing must stop sending North Koreans back across the river.", ("china", "refugee_protection")),
    ("The United States should restore funding for documentation of abuses by North Korean officials.",
     ("us", "accountability_measures")),
    ("The United States should convene a Security Council meeting on the prison camps.", ("us", "un_multilateral_action")),
    ("Seoul should help Washington line up the votes at the Security Council.", ("rok", "un_multilateral_action")),
])
def test_action_wording(extractor, text, expected):
    assert expected in asks(extractor, text)


def test_description_of_an_agenda_is_not_an_ask(extractor):
    text = ("The delegates discussed aid, talks and the bill in Seoul last week. "
            "The ministry delivered rice to the North in 2019.")
    assert asks(extractor, text) == set()


# ------------------------------------------------------------------ addressee: unnamed heads

@pytest.mark.parametrize("text, expected", [
    # 'the government' is the state the sentence has just named
    ("In Tokyo, opposition lawmakers said the government should raise the abductions at the summit.",
     ("japan", "detainees_abductees_families")),
    ("In Seoul, several professors said the government should send rice to the North this spring.",
     ("rok", "humanitarian_cooperation")),
    # 'the new envoy' is the post the text last named
    ("Julie Turner became the U.S. special envoy for North Korean human rights last month. China deported dozens of "
     "escapees in the same week. The new envoy should make the deportations by China her first priority.",
     ("us", "refugee_protection")),
    # a person the text talks about, and office holders named by role
    ("Julie Turner became the U.S. special envoy for North Korean human rights last month. "
     "Advocates say she should press Beijing publicly on the forced returns.", ("us", "refugee_protection")),
    ("The United States cut Korean-language broadcasts this spring. Appropriators should restore funding for "
     "the broadcasts next year.", ("us", "information_access")),
])
def test_unnamed_heads_resolve(extractor, text, expected):
    assert expected in asks(extractor, text)


def test_the_government_pressing_another_state_is_the_one_asked(extractor):
    found = asks(extractor, "South Korea has said little. \"The government should press China to stop sending "
                            "North Koreans back,\" a Seoul activist said.")
    assert ("rok", "refugee_protection") in found
    assert ("china", "refugee_protection") not in found


def test_other_parties_have_no_id(extractor):
    text = "The Chinese envoy called on the parties to resume dialogue and said all sides should show restraint."
    assert asks(extractor, text) == set()


def test_someone_elses_ambassador_is_not_the_speakers_state(extractor):
    text = ("Foreign Minister Yun met the new Ambassador-at-large for North Korean human rights on Monday and asked "
            "the Ambassador to do his best to improve the situation of the North Korean people.")
    assert ("rok", "integrate_hr_in_policy") not in asks(extractor, text)


# ------------------------------------------------------------------ background and descriptions are not asks

@pytest.mark.parametrize("text", [
    "In December 2014 the General Assembly adopted a resolution urging the Security Council to refer the case to the court.",
    "Then, in 2016, the drafters added language calling on the Council to consider targeted sanctions.",
    "2014 - The sponsors added a paragraph encouraging the Security Council to refer the situation to the court.",
])
def test_asks_dated_to_an_earlier_year_are_background(extractor, text):
    assert asks(extractor, text, published="2023-11-20") == set()


def test_a_current_resolution_still_asks(extractor):
    text = "The text adopted on Thursday urges the Security Council to refer the situation to the International Criminal Court."
    assert ("un_sc", "accountability_measures") in asks(extractor, text, published="2023-11-20")


@pytest.mark.parametrize("text", [
    "The meeting had been requested by the United States, Japan and France.",
    "Seoul did not co-sponsor the text that year, saying it wanted to leave room for dialogue with Pyongyang.",
    "The post carries the rank of ambassador, which means the Senate must confirm whoever holds it.",
    "The law requires that the government must publish a report every year.",
])
def test_requests_made_wishes_and_requirements_are_not_asks(extractor, text):
    assert asks(extractor, text) == set()


def test_the_people_are_not_the_state(extractor):
    text = ("The Biden administration's bill calls for more attention to North Koreans who are detained after being "
            "sent back from China.")
    assert not {a for a in asks(extractor, text) if a[0] == "dprk"}


# ------------------------------------------------------------------ what is asked: tails that are not the ask

@pytest.mark.parametrize("text, expected, not_expected", [
    ("The Security Council should keep the camps on its agenda, whatever happens at the negotiating table.",
     ("un_sc", "un_multilateral_action"), ("un_sc", "engagement_dialogue")),
    ("Washington should keep the envoy's work apart from the nuclear negotiations so that the talks are not derailed.",
     ("us", "decouple_hr_from_security"), ("us", "engagement_dialogue")),
    ("The Biden administration must treat human rights as part of its North Korea strategy rather than a side issue "
     "to be traded away in nuclear talks.", ("us", "integrate_hr_in_policy"), ("us", "engagement_dialogue")),
    ("Seoul should resume rice aid to the North as soon as Pyongyang returns to the talks.",
     ("rok", "humanitarian_cooperation"), ("rok", "engagement_dialogue")),
])
def test_concessive_conditional_and_rather_than_tails(extractor, text, expected, not_expected):
    found = asks(extractor, text)
    assert expected in found
    assert not_expected not in found


def test_rather_than_relegating_is_a_negated_ask(extractor):
    found = asks(extractor, "Seoul should raise the abuses with one voice rather than relegating them to secondary "
                            "status behind the nuclear issue.")
    assert ("rok", "integrate_hr_in_policy") in found


def test_coordinated_infinitives_are_separate_asks(extractor):
    text = ("The resolution adopted on Thursday calls on North Korea to end the use of torture, to allow the special "
            "rapporteur to visit, and to resolve the abduction of foreign nationals.")
    found = asks(extractor, text)
    assert ("dprk", "dprk_compliance") in found
    assert ("dprk", "detainees_abductees_families") in found


# ------------------------------------------------------------------ what the addressee can be asked

@pytest.mark.parametrize("text, expected", [
    ("Pyongyang should \"listen to the world\" and improve the lives of its people, the ministry said.", ("dprk", "dprk_compliance")),
    ("North Korea should give the new rapporteur access to the country.", ("dprk", "dprk_compliance")),
    ("The Security Council must keep shining a light on these crimes.", ("un_sc", "un_multilateral_action")),
    ("The Security Council should invite the former members of the inquiry to brief it next year.",
     ("un_sc", "un_multilateral_action")),
    ("South Korea's unification ministry has repeatedly asked lawmakers in the National Assembly to act.", ("rok", "legislation")),
    ("The State Department urged the U.S. Congress to move quickly.", ("us", "legislation")),
])
def test_vague_asks_take_the_addressees_natural_action(extractor, text, expected):
    assert expected in asks(extractor, text)


# ------------------------------------------------------------------ recommendation lists

def test_numbered_imperatives_under_an_intro_naming_the_addressee(extractor):
    text = ("The report was released on Monday.\n\n"
            "Amnesty International called on the Japanese government to:\n"
            "1. Press Pyongyang to return the abductees and account for the missing;\n"
            "2. Accept North Korean refugees who reach Japan;\n"
            "3. Fund broadcasts and other ways of getting news into the North.\n\n"
            "The government has not replied.\n")
    found = asks(extractor, text)
    assert {("japan", "detainees_abductees_families"), ("japan", "refugee_protection"),
            ("japan", "information_access")} <= found


def test_items_naming_their_own_addressee(extractor):
    text = ("Forty groups signed the letter.\n\n"
            "We call on:\n"
            "- The government of China to stop deporting North Korean escapees;\n"
            "- The U.S. Congress to reauthorize the North Korean Human Rights Act;\n"
            "- The governments of Japan and South Korea to press Beijing on the deportations.\n")
    found = asks(extractor, text)
    assert {("china", "refugee_protection"), ("us", "legislation"), ("japan", "refugee_protection"),
            ("rok", "refugee_protection")} <= found


def test_headings_naming_the_addressee(extractor):
    text = ("Our recommendations\n\n"
            "To the government of North Korea:\n"
            "1. Close the political prison camps and release those held in them.\n"
            "2. Disclose the whereabouts of the abductees.\n\n"
            "To China:\n"
            "3. Halt all forced returns of North Koreans.\n\n"
            "To all states:\n"
            "4. Fund documentation of abuses.\n")
    found = asks(extractor, text)
    assert {("dprk", "dprk_compliance"), ("dprk", "detainees_abductees_families"), ("china", "refugee_protection")} <= found
    assert not {a for a in found if a[1] == "accountability_measures"}


def test_lists_that_are_not_asks(extractor):
    text = ("The report covers three years.\n\n"
            "Its main findings:\n"
            "1. Repatriations from China rose sharply.\n"
            "2. Broadcasts reached fewer listeners.\n\n"
            "The delegation visited:\n"
            "- Seoul\n"
            "- Tokyo\n")
    assert asks(extractor, text) == set()


# ------------------------------------------------------------------ more wording and parse repairs

@pytest.mark.parametrize("text, expected, not_expected", [
    ("The new U.S. envoy should make the North Koreans held in China her first concern in talks with allies.",
     ("us", "refugee_protection"), ("us", "engagement_dialogue")),
    ("Pyongyang must disclose the fate of those who went missing after arrest.",
     ("dprk", "detainees_abductees_families"), None),
    ("Tokyo should press for an account of the enforced disappearances of its nationals.",
     ("japan", "detainees_abductees_families"), None),
])
def test_more_action_wording(extractor, text, expected, not_expected):
    found = asks(extractor, text)
    assert expected in found
    if not_expected:
        assert not_expected not in found


@pytest.mark.parametrize("text", [
    "The Russian delegate said country situations should be considered through the periodic review.",
    "Japan's envoy said state sovereignty must be respected in the process.",
])
def test_a_modifier_does_not_make_a_party(extractor, text):
    assert asks(extractor, text) == set()


def test_timeline_entry_is_background(extractor):
    text = "Key moments\n\n2016 - After the report, the sponsors added language urging the Council to refer the case to the court.\n"
    assert asks(extractor, text, published="2024-05-02") == set()


# ------------------------------------------------------------------ issues: forced returns named without 'repatriation'

@pytest.mark.parametrize("text", [
    "China sent as many as 500 North Koreans back across the border this week, rights groups said. "
    "The returns drew protests in Seoul.",
    "Chinese police forcibly sent back dozens of escapees last month. Advocates condemned the forced returns.",
    "Beijing keeps sending people back to the North, where they face prison.",
])
def test_forced_returns_make_a_refugee_issue(extractor, text):
    assert "refugees_repatriation" in extractor.extract(make_doc(text)).issues


def test_sent_back_without_people_is_not_refugees(extractor):
    text = "The committee sent the bill back to the floor, and the Senate passed the North Korean Human Rights Act."
    assert "refugees_repatriation" not in extractor.extract(make_doc(text)).issues


# ------------------------------------------------------------------ stance: a release speaks for its publisher

@pytest.mark.parametrize("header", ["FOR IMMEDIATE RELEASE", "Press Release", "PUBLIC STATEMENT"])
def test_a_release_with_unattributed_asks_argues(extractor, header):
    text = (f"{header}\nMarch 3, 2024\n\nThe ministry opened a records center today under the law.\n\n"
            "The government should fund the documentation of abuses, and the National Assembly must launch the "
            "foundation without delay.\n")
    assert extractor.extract(make_doc(text)).stance == "hr_centered"


def test_a_release_reporting_someone_elses_asks_stays_neutral(extractor):
    text = ("Press Release\nMarch 3, 2024\n\nThe Human Rights Council adopted a resolution on Monday. "
            "The council urged North Korea to cooperate with the special rapporteur, the text says.\n")
    assert extractor.extract(make_doc(text)).stance == "neutral_report"


def test_news_without_a_release_header_stays_neutral(extractor):
    text = ("SEOUL, March 3 - The ministry opened a records center today. Officials said the government should fund "
            "documentation of abuses, according to a briefing.\n")
    assert extractor.extract(make_doc(text)).stance == "neutral_report"


# ------------------------------------------------------------------ more parse repairs and descriptions

@pytest.mark.parametrize("text, expected", [
    ("Several American lawmakers have demanded that Seoul repeal or revise the leaflet law.", ("rok", "legislation")),
    ("The resolution adopted on Thursday urges North Korea to stop punishing people for leaving the country and to "
     "disclose the whereabouts of those returned.", ("dprk", "detainees_abductees_families")),
    ("Speakers said the Security Council should act to hold those responsible for abuses to account.",
     ("un_sc", "accountability_measures")),
    ("Member states urged North Korea to implement the inquiry's recommendations, including clarifying the "
     "whereabouts of disappeared people.", ("dprk", "detainees_abductees_families")),
])
def test_more_reported_demands(extractor, text, expected):
    assert expected in asks(extractor, text)


def test_main_ask_is_read_without_its_examples(extractor):
    text = ("The resolution adopted on Thursday urges North Korea to end the violations without delay, including by "
            "releasing all political prisoners.")
    assert ("dprk", "dprk_compliance") in asks(extractor, text)


@pytest.mark.parametrize("text", [
    "Speakers from the countries that requested the meeting described the abuses in detail.",
    "Delegates who demanded a recorded vote left the room early.",
])
def test_relative_clause_requests_are_descriptions(extractor, text):
    assert asks(extractor, text) == set()
