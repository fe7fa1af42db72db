"""Scoring rules of spec/extraction.md: date prefixes, one-to-one matching, national bodies as states, issues, stance."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nkmonitor.analyze.evaluate import (
    dates_agree, document_id, evaluate, format_scores, match_pairs, read_gold,
)
from nkmonitor.errors import InputError
from nkmonitor.pack import load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def _ev(start=0, text="x"):
    return {"start": start, "end": start + len(text), "text": text}


def _line(path, facts=(), recs=(), issues=(), stance="neutral_report"):
    return {"document": {"path": path, "published_from": "none"}, "issues": list(issues), "stance": stance,
            "facts": [dict(f, evidence=_ev(), confidence=0.5) for f in facts],
            "recommendations": [dict(r, evidence=_ev(), confidence=0.5) for r in recs]}


@pytest.mark.parametrize("gold,pred,ok", [
    ("2009-11", "2009-11-22", True),
    ("2009-11-22", "2009-11", True),
    ("2017-01-13", "2017-01-20", False),
    ("2017", "2016-12-31", False),
    (None, "1999", True),
    ("2020", None, False),
])
def test_date_prefix_rule(gold, pred, ok):
    assert dates_agree(gold, pred) is ok


def test_document_ids_are_stems_and_jsonl_rows():
    assert document_id("/x/corpus/dev/05.txt") == "05"
    assert document_id("samples/briefs.jsonl#L3") == "briefs#3"
    assert document_id("briefs.jsonl#3") == "briefs#3"


def test_matching_is_one_to_one_and_maximal():
    # a greedy pass would give gold 0 the only prediction gold 1 can use
    gold = ["a", "b"]
    pred = ["ab", "a_only"]
    agree = lambda g, p: g in p and (p != "a_only" or g == "a")  # noqa: E731
    pairs = match_pairs(gold, pred, agree)
    assert len(pairs) == 2


def test_post_event_counts_each_gold_once(pack):
    gold = [{"id": "d1", "issues": [], "stance": "neutral_report", "recommendations": [], "facts": [
        {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "took_office", "date": "2009"}]}]
    twice = {"type": "post_event", "post": "us_special_envoy_nkhr", "person": "robert_king", "event": "took_office", "date": "2009-11-23"}
    scores = evaluate(gold, [_line("a/d1.txt", facts=[twice, twice])], pack=pack)
    c = scores.per_type["post_event"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_person_must_agree_when_gold_names_one(pack):
    gold = [{"id": "d1", "facts": [{"type": "post_event", "post": "rok_ambassador_nkhr", "person_name": "Kim Min-ji",
                                    "event": "appointed", "date": "2024-03"}]}]
    wrong = {"type": "post_event", "post": "rok_ambassador_nkhr", "person_name": "Park Soo", "event": "appointed", "date": "2024-03-02"}
    right = dict(wrong, person_name="Ms. Kim Min-ji")
    assert evaluate(gold, [_line("d1.txt", facts=[wrong])], pack=pack).facts.tp == 0
    assert evaluate(gold, [_line("d1.txt", facts=[right])], pack=pack).facts.tp == 1


def test_votes_and_counts(pack):
    gold = [{"id": "d1", "facts": [
        {"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2005-12-16", "yes": 88},
        {"type": "repatriation", "by": "china", "count": 600, "date": "2023-10"}]}]
    pred = [{"type": "resolution_vote", "instrument": "unga_dprk_hr_resolution", "body": "un_ga", "date": "2005-11-17", "yes": 88, "no": 21},
            {"type": "repatriation", "by": "china", "count": 650, "date": "2023-10-09"}]
    scores = evaluate(gold, [_line("d1.txt", facts=pred)], pack=pack)
    assert scores.per_type["resolution_vote"].tp == 1  # year of the date is what counts
    assert scores.per_type["repatriation"].tp == 1     # 650 is within 10% of 600
    pred[1]["count"] = 700
    assert evaluate(gold, [_line("d1.txt", facts=pred)], pack=pack).per_type["repatriation"].tp == 0


def test_recommendations_national_bodies_count_as_state(pack):
    gold = [{"id": "d1", "recommendations": [{"addressee": "us", "action": "appoint_official"},
                                             {"addressee": "rok", "action": "legislation"}]}]
    pred = [{"addressee": "us_congress", "action": "appoint_official"}, {"addressee": "rok", "action": "sanctions_pressure"}]
    scores = evaluate(gold, [_line("d1.txt", recs=pred)], pack=pack)
    c = scores.recommendations
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.precision == c.recall == 0.5


def test_issues_micro_and_stance_macro(pack):
    gold = [{"id": "a", "issues": ["sanctions", "un_mechanisms"], "stance": "neutral_report"},
            {"id": "b", "issues": ["food_health"], "stance": "neutral_report"},
            {"id": "c", "issues": [], "stance": "hr_centered"}]
    preds = [_line("a.txt", issues=["sanctions"]), _line("b.txt", issues=["food_health", "sanctions"]),
             _line("c.txt")]
    scores = evaluate(gold, preds, pack=pack)
    assert (scores.issues.tp, scores.issues.fp, scores.issues.fn) == (2, 1, 1)
    # a constant neutral guess: accuracy 2/3 but macro-F1 over the two gold stances is (0.8 + 0) / 2
    assert scores.stance_accuracy == pytest.approx(2 / 3)
    assert scores.stance_macro_f1 == pytest.approx(0.4)


def test_errors_list_misses_and_false_positives_with_text(pack):
    gold = [{"id": "d1", "recommendations": [{"addressee": "china", "action": "refugee_protection", "quote": "stop returning refugees"}]}]
    pred = [{"addressee": "dprk", "action": "dprk_compliance"}]
    scores = evaluate(gold, [_line("d1.txt", recs=pred)], pack=pack)
    out = format_scores(scores, show_errors=True)
    assert "miss" in out and "stop returning refugees" in out
    assert "false_positive" in out and "dprk_compliance" in out


def test_missing_documents_are_reported_not_scored(pack):
    scores = evaluate([{"id": "zz", "facts": [{"type": "post_vacancy", "post": "us_special_envoy_nkhr"}]}], [], pack=pack)
    assert scores.missing == ["zz"] and scores.facts.fn == 0


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_gold(path)
    assert "gold.jsonl" in str(exc.value) and "line 2" in str(exc.value)


def test_eval_cli_json_on_dev(corpus_dir):
    """The command scores the real dev corpus and prints JSON with every section."""
    out = subprocess.run(
        [sys.executable, "-m", "nkmonitor", "eval", str(corpus_dir / "gold" / "dev.jsonl"),
         str(corpus_dir / "seeds"), str(corpus_dir / "dev"), "--json"],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["documents"] == 21 and not data["missing_documents"]
    for key in ("per_type", "facts", "recommendations", "overall", "issues", "stance"):
        assert key in data
    assert "errors" not in data


def test_facts_by_confidence_keep_only_what_passes_each_threshold(pack):
    gold = [{"id": "d1", "issues": [], "stance": "neutral_report", "recommendations": [], "facts": [
        {"type": "post_vacancy", "post": "us_special_envoy_nkhr"},
        {"type": "post_vacancy", "post": "rok_ambassador_nkhr"}]}]
    line = _line("d1.txt", facts=[{"type": "post_vacancy", "post": "us_special_envoy_nkhr"},
                                  {"type": "post_vacancy", "post": "rok_ambassador_nkhr"},
                                  {"type": "post_vacancy", "post": "un_special_rapporteur_dprk"}])
    for fact, conf in zip(line["facts"], (0.95, 0.65, 0.75)):
        fact["confidence"] = conf  # right, right, wrong
    bands = {b["min_confidence"]: b for b in evaluate(gold, [line], pack=pack).by_confidence()}
    assert (bands[0.6]["tp"], bands[0.6]["fp"], bands[0.6]["fn"]) == (2, 1, 0)
    assert (bands[0.7]["tp"], bands[0.7]["fp"], bands[0.7]["fn"]) == (1, 1, 1)
    assert (bands[0.9]["tp"], bands[0.9]["fp"], bands[0.9]["precision"]) == (1, 0, 1.0)
