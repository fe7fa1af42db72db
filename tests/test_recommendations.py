"""Recommendations on sentences written for these tests: cues, exclusions, addressees, speakers, actions."""

from __future__ import annotations

from nkmonitor.analyze.classify import model
from nkmonitor.analyze.recommendations import classify_action

from textdocs import asks, make_doc


def test_modal_ask_with_metonym_addressee(extractor):
    found = asks(extractor, "Seoul should appoint a new ambassador for North Korean human rights without delay.")
    assert ("rok", "appoint_official") in found


def test_urge_verb_gives_object_as_addressee_and_subject_as_speaker(extractor):
    text = "Human Rights Watch urged Beijing to stop forcibly returning North Korean refugees."
    recs = extractor.extract(make_doc(text)).recommendations
    assert [(r.addressee, r.action) for r in recs] == [("china", "refugee_protection")]
    assert recs[0].by == "hrw"
    assert recs[0].evidence.text == text


def test_reported_demand_counts(extractor):
    found = asks(extractor, "Civic groups have demanded that the Biden administration name a special envoy for the post.")
    assert ("us", "appoint_official") in found


def test_predictions_questions_and_past_acts_are_not_asks(extractor):
    text = ("Analysts expect that Washington will call on Seoul to co-sponsor the resolution. "
            "Should Seoul co-sponsor the resolution again? "
            "Last year the ministry appointed an ambassador and co-sponsored the resolution. "
            "The government could press China on refugees next month.")
    assert asks(extractor, text) == set()


def test_imperative_heading_is_addressed_to_the_documents_main_state(extractor):
    text = ("The United States has neglected the issue for years.\n\n"
            "Appoint a special envoy for North Korean human rights\n\n"
            "The post has been empty for a long time and the administration has not explained why.\n")
    found = asks(extractor, text, title="What Washington can do on North Korean human rights")
    assert ("us", "appoint_official") in found


def test_security_council_and_pyongyang_as_addressees(extractor):
    text = ("The Security Council must hold an open meeting on human rights in North Korea. "
            "Pyongyang should release all political prisoners and allow families to reunite.")
    found = asks(extractor, text)
    assert ("un_sc", "un_multilateral_action") in found
    assert ("dprk", "detainees_abductees_families") in found


def test_coordination_is_coded_by_its_substance(extractor):
    text = "A closer effort between the United States and Japan is needed to help resettle refugees who escaped from North Korea."
    found = asks(extractor, text)
    assert ("us", "refugee_protection") in found
    assert not any(action == "allied_coordination" for _, action in found)


def test_coordinated_verbs_give_one_ask_each(extractor):
    text = "Washington should fund radio broadcasts into North Korea, and expand protection for refugees who reach third countries."
    found = asks(extractor, text)
    assert {("us", "information_access"), ("us", "refugee_protection")} <= found


def test_one_entry_per_addressee_and_action(extractor):
    text = ("Washington should appoint an envoy. Washington must fill the envoy post. "
            "It is time for the administration to name an envoy.")
    recs = extractor.extract(make_doc(text)).recommendations
    keys = [(r.addressee, r.action) for r in recs]
    assert keys.count(("us", "appoint_official")) == 1
    assert len(keys) == len(set(keys))


def test_international_community_pushing_a_state_addresses_that_state(extractor):
    text = "The international community should push Beijing to respect the principle of non-refoulement."
    assert ("china", "refugee_protection") in asks(extractor, text)


def test_descriptive_attempts_are_not_asks(extractor):
    text = "The envoy spent months trying to persuade Pyongyang to accept food aid, officials said."
    assert asks(extractor, text) == set()


def test_action_classifier_runs_on_our_training_sentences():
    nb = model("actions.yaml")
    assert len(nb.labels) == 17
    # held-out phrasings, not in the training file
    assert classify_action("Lawmakers must renew the expiring human rights law before it lapses.")[0][0] == "legislation"
    assert classify_action("The regime should stop executing people in public.", "dprk")[0][0] == "dprk_compliance"
    assert classify_action("Donors should make sure monitors can follow every sack of grain to the villages.")[0][0] == "aid_monitoring"


def test_conditions_and_questions_in_reported_speech_are_not_asks(extractor):
    text = ("If Seoul should decide to co-sponsor the resolution, Pyongyang would protest. "
            "Critics asked how a part-time envoy could carry the whole human rights agenda.")
    assert asks(extractor, text) == set()


def test_demand_without_named_addressee_goes_to_the_speakers_state(extractor):
    text = "The Japanese government called for the immediate return of every citizen abducted by North Korea."
    found = asks(extractor, text)
    assert ("japan", "detainees_abductees_families") in found


def test_has_to_and_passive_urging(extractor):
    found = asks(extractor, "Beijing is urged to end forced repatriations of North Korean escapees. "
                            "The United States has to keep raising the abuses at the Security Council. "
                            "The ministry had to cancel a briefing because of a storm.")
    assert ("china", "refugee_protection") in found
    assert ("us", "un_multilateral_action") in found
    assert len(found) == 2


def test_advice_phrasings_and_no_default_asks_to_pyongyang(extractor):
    found = asks(extractor, "Washington would do well to appoint a special envoy for North Korean human rights soon. "
                            "Tokyo gets little attention here. The best way forward is to expand radio broadcasts.")
    assert ("us", "appoint_official") in found
    assert ("us", "information_access") in found
    # a document that only mentions North Korea gives impersonal advice no addressee
    assert asks(extractor, "The best way forward is to expand radio broadcasts into North Korea.") == set()
