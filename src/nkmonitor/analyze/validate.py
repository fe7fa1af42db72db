"""Checking one line of `extract --format jsonl` against spec/extraction.md and the codebook ids."""

from __future__ import annotations

import json
import re
from typing import Any

# Field -> allowed values per fact type, as in codebook.yaml `fact_types`. A kind name means "an
# id of that kind in the pack"; "date" an EDTF-style date; "int" an integer.
FACT_SCHEMA: dict[str, dict[str, Any]] = {
    "post_event": {"post": "post", "person": "person", "person_name": "str",
                   "event": {"nominated", "appointed", "confirmed", "took_office", "term_extended", "left_office"},
                   "date": "date"},
    "post_vacancy": {"post": "post", "since": "date", "as_of": "date"},
    "instrument_event": {"instrument": "instrument",
                         "event": {"introduced", "passed_chamber", "enacted", "entered_into_force", "reauthorized",
                                   "expired", "struck_down"},
                         "chamber": {"us_house", "us_senate", "rok_national_assembly"}, "date": "date",
                         "yes": "int", "no": "int"},
    "resolution_vote": {"instrument": {"unga_dprk_hr_resolution", "unhrc_dprk_hr_resolution"},
                        "body": {"un_ga", "un_ga_third_committee", "un_hrc", "un_chr"}, "date": "date",
                        "method": {"recorded_vote", "consensus"}, "yes": "int", "no": "int", "abstain": "int",
                        "cosponsors": "int"},
    "state_position": {"state": "state", "instrument": {"unga_dprk_hr_resolution", "unhrc_dprk_hr_resolution"},
                       "year": "int", "position": {"cosponsored", "not_cosponsored", "voted_yes", "abstained", "voted_no"}},
    "council_meeting": {"body": {"un_sc"}, "date": "date", "outcome": {"held", "blocked"},
                        "yes": "int", "no": "int", "abstain": "int"},
    "mechanism_event": {"mechanism": "mechanism",
                        "event": {"established", "members_appointed", "report_published", "opened", "review_held", "closed"},
                        "date": "date"},
    "repatriation": {"by": "state", "count": "int", "date": "date"},
}
# the key fields scoring needs: a fact without them cannot be matched to anything
REQUIRED = {
    "post_event": ("post", "event"), "post_vacancy": ("post",), "instrument_event": ("instrument", "event"),
    "resolution_vote": ("instrument", "body"), "state_position": ("state", "instrument", "year", "position"),
    "council_meeting": ("outcome",), "mechanism_event": ("mechanism", "event"), "repatriation": ("by",),
}
PUBLISHED_FROM = {"sidecar", "metadata", "text", "none"}
STANCES = {"hr_centered", "engagement_first", "security_first", "neutral_report"}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _ids(pack: Any, kind: str) -> set[str]:
    return set(pack.ids(kind))


def _check_evidence(where: str, evidence: Any, text: str | None, problems: list[str]) -> None:
    if not isinstance(evidence, dict) or set(evidence) != {"start", "end", "text"}:
        problems.append(f"{where}: evidence must be {{start, end, text}}")
        return
    start, end = evidence["start"], evidence["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        problems.append(f"{where}: evidence offsets {start}..{end} are not a span")
        return
    if text is not None:
        if end > len(text):
            problems.append(f"{where}: evidence end {end} is past the text ({len(text)} chars)")
        elif text[start:end] != evidence["text"]:
            problems.append(f"{where}: evidence.text is not text[{start}:{end}]")


def _check_value(where: str, field: str, rule: Any, value: Any, pack: Any, problems: list[str]) -> None:
    if isinstance(rule, set):
        if value not in rule:
            problems.append(f"{where}: {field}={value!r} is not one of {sorted(rule)}")
    elif rule == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            problems.append(f"{where}: {field}={value!r} is not a date like 2023-10-13, 2023-10 or 2023")
    elif rule == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{where}: {field}={value!r} is not a non-negative integer")
    elif rule == "str":
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: {field} must be a non-empty string")
    elif value not in _ids(pack, rule):
        problems.append(f"{where}: {field}={value!r} is not a {rule} id")


def validate_line(line: str | dict[str, Any], text: str | None, pack: Any) -> list[str]:
    """Every way one output line breaks the spec (empty when it is valid); `text` is the document's text."""
    problems: list[str] = []
    if isinstance(line, str):
        try:
            line = json.loads(line)
        except json.JSONDecodeError as exc:
            return [f"not JSON: {exc.msg}"]
    if not isinstance(line, dict):
        return ["a line must be a JSON object"]
    for key in ("document", "issues", "stance", "facts", "recommendations"):
        if key not in line:
            problems.append(f"missing '{key}'")
    unknown = set(line) - {"document", "language", "issues", "stance", "facts", "recommendations", "errors"}
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    doc = line.get("document") or {}
    if not isinstance(doc.get("path"), str) or not doc.get("path"):
        problems.append("document.path is missing")
    if doc.get("published_from") not in PUBLISHED_FROM:
        problems.append(f"document.published_from={doc.get('published_from')!r} is not one of {sorted(PUBLISHED_FROM)}")
    if doc.get("published") is not None and not _DATE.match(str(doc["published"])):
        problems.append(f"document.published={doc['published']!r} is not a date")
    if (doc.get("published") is None) != (doc.get("published_from") == "none"):
        problems.append("document.published and published_from disagree (a date needs a source, 'none' needs no date)")
    issues = line.get("issues") or []
    if not isinstance(issues, list) or len(issues) > 4 or len(set(issues)) != len(issues):
        problems.append("issues must be a list of at most 4 distinct ids")
    for issue in issues if isinstance(issues, list) else []:
        if issue not in _ids(pack, "issue"):
            problems.append(f"issues: {issue!r} is not an issue id")
    if line.get("stance") is not None and line.get("stance") not in STANCES:
        problems.append(f"stance={line.get('stance')!r} is not one of {sorted(STANCES)}")
    for n, fact in enumerate(line.get("facts") or []):
        where = f"facts[{n}]"
        schema = FACT_SCHEMA.get(fact.get("type"))
        if schema is None:
            problems.append(f"{where}: unknown type {fact.get('type')!r}")
            continue
        where = f"{where} ({fact['type']})"
        for field, value in fact.items():
            if field in ("type", "evidence", "confidence"):
                continue
            if field not in schema:
                problems.append(f"{where}: field {field!r} is not allowed for this type")
                continue
            _check_value(where, field, schema[field], value, pack, problems)
        for field in REQUIRED[fact["type"]]:
            if field not in fact:
                problems.append(f"{where}: required field {field!r} is missing")
        if fact["type"] == "instrument_event" and fact.get("event") == "passed_chamber" and "chamber" not in fact:
            problems.append(f"{where}: passed_chamber needs a chamber")
        _check_confidence(where, fact, problems)
        _check_evidence(where, fact.get("evidence"), text, problems)
    actors = _ids(pack, "state") | _ids(pack, "body")
    for n, rec in enumerate(line.get("recommendations") or []):
        where = f"recommendations[{n}]"
        unknown = set(rec) - {"by", "addressee", "action", "issues", "evidence", "confidence"}
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
        if rec.get("addressee") not in actors:
            problems.append(f"{where}: addressee={rec.get('addressee')!r} is not a state or body id")
        if "by" in rec and rec["by"] != "author" and rec["by"] not in actors:
            problems.append(f"{where}: by={rec['by']!r} is not 'author' or a state or body id")
        if rec.get("action") not in _ids(pack, "action"):
            problems.append(f"{where}: action={rec.get('action')!r} is not an action id")
        for issue in rec.get("issues") or []:
            if issue not in _ids(pack, "issue"):
                problems.append(f"{where}: issue {issue!r} is not an issue id")
        _check_confidence(where, rec, problems)
        _check_evidence(where, rec.get("evidence"), text, problems)
    return problems


def _check_confidence(where: str, item: dict[str, Any], problems: list[str]) -> None:
    value = item.get("confidence")
    if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        problems.append(f"{where}: confidence={value!r} is not in [0, 1]")
