"""`pack check`: the bundled pack passes; copies broken in one way each fail with the right code, file and id."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkmonitor.cli import app

from nkmonitor.errors import PackError
from nkmonitor.pack import BUNDLED, check_pack, load_pack


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(BUNDLED, dest)
    return dest


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _codes(result) -> set[tuple[str, str, str | None]]:
    return {(p.code, p.file, p.id) for p in result.errors}


def _cli(*args: str):
    """Run the real CLI in-process (same app as the console script); exit code, stdout, stderr."""
    result = CliRunner().invoke(app, list(args))
    result.returncode = result.exit_code
    return result


def test_bundled_pack_has_no_problems():
    result = check_pack()
    assert result.problems == []


def test_cli_check_passes_on_bundled_pack():
    out = _cli("pack", "check", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True and data["problems"] == []
    assert data["counts"]["tenures"] >= 9 and data["counts"]["alternatives"] >= 13


def test_missing_source(pack_copy):
    # Drop the only source of the 2019 ROK fishermen repatriation.
    path = pack_copy / "repatriations.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - {id: rok_2019_11_07")
    row = text[start:]
    cut = re.sub(r"sources: \[.*?\]\}\s*$", "sources: []}\n", row, flags=re.S)
    path.write_text(text[:start] + cut, encoding="utf-8")
    result = check_pack(pack_copy)
    assert ("NK-PK-003", "repatriations.yaml", "rok_2019_11_07") in _codes(result)


def test_dangling_reference(pack_copy):
    _replace(pack_copy / "tenures.yaml", "person: julie_turner", "person: julie_turnr")
    result = check_pack(pack_copy)
    errors = [p for p in result.errors if p.code == "NK-PK-004"]
    assert [(p.file, p.id) for p in errors] == [("tenures.yaml", "tenure_us_envoy_turner")]
    assert "julie_turnr" in errors[0].message


def test_reference_of_the_wrong_kind(pack_copy):
    _replace(pack_copy / "tenures.yaml", "post: us_special_envoy_nkhr\n    start: \"2023-10-13\"",
             "post: us_state_department\n    start: \"2023-10-13\"")
    result = check_pack(pack_copy)
    assert ("NK-PK-004", "tenures.yaml", "tenure_us_envoy_turner") in _codes(result)


def test_unknown_source_key(pack_copy):
    _replace(pack_copy / "tenures.yaml", "      - globalsecurity_2005_lefkowitz\n      - {url: \"http://archive.boston",
             "      - globalsecurity_2005_lefkowitzz\n      - {url: \"http://archive.boston")
    result = check_pack(pack_copy)
    assert ("NK-PK-004", "tenures.yaml", "tenure_us_envoy_lefkowitz") in _codes(result)


def test_bad_date(pack_copy):
    _replace(pack_copy / "council_meetings.yaml", 'date: "2015-12-10"', 'date: "2015-12-32"')
    result = check_pack(pack_copy)
    errors = [p for p in result.errors if p.code == "NK-PK-005"]
    assert [(p.file, p.id) for p in errors] == [("council_meetings.yaml", "unsc_2015_12_10")]
    assert "2015-12-32" in errors[0].message


def test_end_before_start(pack_copy):
    _replace(pack_copy / "tenures.yaml", 'end: "2024-07-18"', 'end: "2021-07-18"')
    result = check_pack(pack_copy)
    assert ("NK-PK-006", "tenures.yaml", "tenure_rok_ambassador_lee_shin_wha") in _codes(result)


def test_overlapping_tenures_on_single_holder_post(pack_copy):
    # King "left" in 2024 instead of 2017: he would overlap Julie Turner.
    _replace(pack_copy / "tenures.yaml", 'end: "2017-01-13"\n    end_reason: resigned', 'end: "2024-01-13"\n    end_reason: resigned')
    _replace(pack_copy / "tenures.yaml", 'used: "2017-01-13"', 'used: "2024-01-13"')
    _replace(pack_copy / "tenures.yaml", '- value: "2017-01-13"', '- value: "2024-01-13"')
    result = check_pack(pack_copy)
    overlaps = [p for p in result.errors if p.code == "NK-PK-007"]
    assert [(p.file, p.id) for p in overlaps] == [("tenures.yaml", "tenure_us_envoy_turner")]
    assert "tenure_us_envoy_king" in overlaps[0].message


def test_alternative_must_match_the_fact(pack_copy):
    _replace(pack_copy / "council_meetings.yaml", 'used: "2024-06-12"', 'used: "2024-06-11"')
    result = check_pack(pack_copy)
    assert ("NK-PK-010", "council_meetings.yaml", "unsc_2024_06_12") in _codes(result)


def test_duplicate_id(pack_copy):
    _replace(pack_copy / "summits.yaml", "id: summit_2019_hanoi", "id: summit_2018_singapore")
    result = check_pack(pack_copy)
    assert ("NK-PK-008", "summits.yaml", "summit_2018_singapore") in _codes(result)


def test_duplicate_yaml_key(pack_copy):
    _replace(pack_copy / "states.yaml", "  japan:\n", "  china:\n    label: China again\n  japan:\n")
    result = check_pack(pack_copy)
    dup = [p for p in result.errors if p.code == "NK-PK-008" and p.file == "states.yaml"]
    assert dup and "china" in dup[0].message


def test_alias_conflict(pack_copy):
    _replace(pack_copy / "persons.yaml", "aliases: [Tony Blinken,", "aliases: [Robert King, Tony Blinken,")
    result = check_pack(pack_copy)
    conflicts = [p for p in result.errors if p.code == "NK-PK-009"]
    assert conflicts and conflicts[0].file == "persons.yaml" and "robert king" in conflicts[0].message


def test_schema_error_names_file_and_id(pack_copy):
    _replace(pack_copy / "repatriations.yaml", "{id: china_2023_08_29, by: china,", "{id: china_2023_08_29, by: china, victims: 3,")
    result = check_pack(pack_copy)
    assert ("NK-PK-002", "repatriations.yaml", "china_2023_08_29") in _codes(result)


def test_unreadable_yaml(pack_copy):
    (pack_copy / "summits.yaml").write_text("summits: [\n  - {id: broken\n", encoding="utf-8")
    result = check_pack(pack_copy)
    assert any(p.code == "NK-PK-001" and p.file == "summits.yaml" for p in result.errors)
    # the other files were still read and checked
    assert result.pack is not None and len(result.pack.tenures) >= 9


def test_load_pack_refuses_a_broken_pack(pack_copy):
    _replace(pack_copy / "tenures.yaml", "person: julie_turner", "person: julie_turnr")
    with pytest.raises(PackError) as exc:
        load_pack(pack_copy)
    assert exc.value.code == "NK-PK-004" and "tenures.yaml" in str(exc.value)


def test_cli_check_fails_on_broken_copy_with_code_file_and_id(pack_copy):
    _replace(pack_copy / "tenures.yaml", 'end: "2024-07-18"', 'end: "2021-07-18"')
    out = _cli("pack", "check", "--path", str(pack_copy))
    assert out.returncode == 1
    assert "NK-PK-006" in out.stderr and "tenures.yaml" in out.stderr and "tenure_rok_ambassador_lee_shin_wha" in out.stderr
    js = _cli("pack", "check", "--path", str(pack_copy), "--json")
    data = json.loads(js.stdout)
    assert js.returncode == 1 and data["ok"] is False
    assert {"code": "NK-PK-006", "file": "tenures.yaml", "id": "tenure_rok_ambassador_lee_shin_wha"}.items() <= data["problems"][0].items()


def test_cli_commands_refuse_a_broken_pack(pack_copy):
    _replace(pack_copy / "tenures.yaml", "person: julie_turner", "person: julie_turnr")
    out = _cli("posts", "--pack", str(pack_copy))
    assert out.returncode == 3 and "NK-PK-004" in out.stderr


def test_codebook_coverage_is_checked(pack_copy, spec_dir):
    text = (pack_copy / "mechanisms.yaml").read_text(encoding="utf-8")
    start, end = text.index("  upr_dprk:"), text.index("  rok_nkhr_foundation:")
    (pack_copy / "mechanisms.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    result = check_pack(pack_copy, codebook=spec_dir / "codebook.yaml")
    assert ("NK-PK-011", "mechanisms.yaml", "upr_dprk") in _codes(result)
