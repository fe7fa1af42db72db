"""Issues and stance on short texts written for these tests, and the Naive Bayes models behind them."""

from __future__ import annotations

import hashlib

import pytest

from nkmonitor.analyze import Extractor
from nkmonitor.analyze.classify import NaiveBayes, features, model, stem, title_argues
from nkmonitor.records import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def run(extractor, text, title=None):
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(source="t.txt", text=text, raw_hash=digest, content_hash=digest, reader="text",
                   reader_version="test", title=title, published="2023-06-01", published_from="sidecar", language="en")
    return extractor.extract(doc)


NEWS = ("China forcibly repatriated about 200 North Korean defectors last week, activists said on Monday. "
        "The defectors had been held in detention centers near the border, according to a rights group. "
        "The foreign ministry in Beijing said it handles illegal border crossers according to its laws.")

OPINION_HR = ("Washington must put human rights at the center of its North Korea policy. "
              "The administration should appoint a special envoy now and fund radio broadcasts into the North. "
              "It should also push for a referral of the regime's leaders to the International Criminal Court.")

OPINION_ENGAGEMENT = ("Pressure has failed for two decades. Seoul should resume dialogue with Pyongyang and rebuild trust. "
                      "Humanitarian aid should be separated from nuclear talks, and the government should resume food aid "
                      "to the North without political conditions.")


def test_news_report_is_neutral_with_its_topic_first(extractor):
    result = run(extractor, NEWS, title="China sends back North Korean defectors")
    assert result.stance == "neutral_report"
    assert result.issues[0] == "refugees_repatriation"
    assert 1 <= len(result.issues) <= 4


def test_opinion_for_pressure_and_rights_is_hr_centered(extractor):
    result = run(extractor, OPINION_HR, title="Put rights first on North Korea")
    assert result.stance == "hr_centered"
    assert result.recommendations


def test_opinion_for_engagement_is_engagement_first(extractor):
    result = run(extractor, OPINION_ENGAGEMENT, title="Talk to Pyongyang")
    assert result.stance == "engagement_first"
    assert "engagement_diplomacy" in result.issues


def test_security_first_wording(extractor):
    text = ("The nuclear threat grows every month. Denuclearization must come first, and human rights should wait "
            "until the missiles are gone. Setting aside human rights is the price of a deal.")
    assert run(extractor, text, title="First things first").stance == "security_first"


def test_headlines_that_ask():
    assert title_argues("US Should Refocus on Rights Concerns")
    assert title_argues("Stop Dawdling\u2014Name a Special Envoy")
    assert title_argues("North Korea: Release the Abductees")
    assert not title_argues("Senate passes North Korea human rights bill")
    assert not title_argues(None)


def test_features_merge_word_forms():
    assert stem("appointed") == stem("appointing") == "appoint"
    assert "special_envoy" in features("the Special Envoy")


def test_naive_bayes_learns_and_generalizes():
    nb = NaiveBayes([("rice and medicine for hungry children", "aid"), ("food shipments to the north", "aid"),
                     ("missile launch and nuclear test", "security"), ("nuclear warheads and missiles", "security")])
    assert max(nb.scores("medicine shipments").items(), key=lambda kv: kv[1])[0] == "aid"
    assert max(nb.scores("a nuclear test").items(), key=lambda kv: kv[1])[0] == "security"


def test_trained_models_cover_the_codebook():
    assert len(model("issues.yaml").labels) == 18
    assert set(model("stance.yaml").labels) == {"hr_centered", "engagement_first", "security_first", "neutral_report"}


def test_quoted_asks_in_news_do_not_make_it_argue(extractor):
    text = ("The foreign ministry announced a new human rights office on Tuesday. "
            "\u201cThe regime has to be held to account. Washington should refer the case to the criminal court. "
            "Seoul must co-sponsor the resolution,\u201d one activist told reporters after the announcement.\n\n"
            "The office will open next year, officials said.")
    result = run(extractor, text, title="Ministry opens human rights office")
    assert result.recommendations, "the quoted asks are still recommendations"
    assert all(r.by != "author" for r in result.recommendations)
    assert result.stance == "neutral_report"


def test_first_person_statement_speaks_for_its_publisher(extractor):
    text = ("We, the foreign ministers of three democracies, met today to discuss the human rights situation in North Korea. "
            "We remain deeply concerned by forced labor and by the fate of abductees. We will continue to work together "
            "and with our partners to promote accountability and to support the victims.")
    result = run(extractor, text, title="Joint statement on human rights in North Korea")
    assert result.stance == "hr_centered"
