"""The bundled knowledge pack: codebook coverage, aliases, lookups (real YAML, real codebook)."""

from __future__ import annotations

import yaml
import pytest

from nkmonitor.errors import BadValue
from nkmonitor.pack import Pack, check_pack, load_pack

SECTION_KIND = {"posts": "post", "persons": "person", "bodies": "body", "states": "state",
                "instruments": "instrument", "mechanisms": "mechanism", "issues": "issue",
                "actions": "action", "stances": "stance"}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="module")
def codebook(spec_dir):
    return yaml.safe_load((spec_dir / "codebook.yaml").read_text(encoding="utf-8"))


def test_bundled_pack_passes_check_with_codebook(spec_dir):
    result = check_pack(codebook=spec_dir / "codebook.yaml")
    assert [str(p) for p in result.errors] == []


@pytest.mark.parametrize("section", list(SECTION_KIND))
def test_every_codebook_id_exists_with_its_kind(pack, codebook, section):
    kind = SECTION_KIND[section]
    missing = sorted(set(codebook[section]) - pack.ids(kind))
    assert missing == []


def test_codebook_post_fields_match_pack(pack, codebook):
    for id_, spec in codebook["posts"].items():
        post = pack.get(id_)
        assert post.organization == spec["organization"]
        assert post.basis == spec.get("basis")
    for id_, spec in codebook["instruments"].items():
        assert pack.get(id_).jurisdiction == spec["jurisdiction"]


def test_version_and_cache(pack):
    assert pack.version.count(".") == 2
    assert load_pack() is pack


@pytest.mark.parametrize("surface,id_", [
    ("NKHRA", "us_nkhra_2004"), ("North Korean Human Rights Act", "us_nkhra_2004"), ("북한인권법", "rok_nkhra_2016"),
    ("COI", "un_coi_dprk"), ("OHCHR", "ohchr"), ("UN human rights office", "ohchr"), ("UNSC", "un_sc"),
    ("Security Council", "un_sc"), ("북한인권국제협력대사", "rok_ambassador_nkhr"),
    ("special envoy for North Korean human rights", "us_special_envoy_nkhr"),
    ("UN special rapporteur on North Korean human rights", "un_special_rapporteur_dprk"),
    ("Robert King", "robert_king"), ("Robert R. King", "robert_king"), ("Ambassador King", "robert_king"),
    ("Tomás Ojea Quintana", "tomas_ojea_quintana"), ("Tomas Ojea Quintana", "tomas_ojea_quintana"),
    ("Elizabeth Salmón", "elizabeth_salmon"), ("Elizabeth Salmon", "elizabeth_salmon"),
    ("Lee Shin-wha", "lee_shin_wha"), ("이신화", "lee_shin_wha"), ("Moon Jae-in", "moon_jae_in"), ("Moon", "moon_jae_in"),
    ("문재인", "moon_jae_in"), ("Yoon Suk Yeol", "yoon_suk_yeol"), ("Yoon Suk-yeol", "yoon_suk_yeol"), ("윤석열", "yoon_suk_yeol"),
    ("United States", "us"), ("U.S.", "us"), ("US", "us"), ("America", "us"), ("Washington", "us"),
    ("South Korea", "rok"), ("ROK", "rok"), ("Republic of Korea", "rok"), ("Seoul", "rok"), ("한국", "rok"),
    ("North Korea", "dprk"), ("DPRK", "dprk"), ("Pyongyang", "dprk"), ("북한", "dprk"),
    ("China", "china"), ("Beijing", "china"), ("PRC", "china"),
])
def test_alias_links_to_id(pack, surface, id_):
    assert (surface, pack.get(id_).kind, id_) in pack.aliases()


def test_metonyms_are_flagged_and_can_be_left_out(pack):
    flagged = {a.text for a in pack.alias_records("us") if a.metonym}
    assert "Washington" in flagged
    plain = pack.aliases(["state"], include_metonyms=False)
    assert ("Washington", "state", "us") not in plain
    assert ("United States", "state", "us") in plain


def test_aliases_filter_by_kind(pack):
    kinds = {k for _, k, _ in pack.aliases(["person", "post"])}
    assert kinds == {"person", "post"}


def test_shared_surface_forms_are_flagged_ambiguous(pack):
    owners = {i for s, _, i in pack.aliases() if s == "North Korean Human Rights Act"}
    assert owners == {"us_nkhra_2004", "rok_nkhra_2016"}
    assert all(a.ambiguous for a in pack.alias_records("rok_nkhra_2016") if a.text == "North Korean Human Rights Act")


def test_state_of(pack):
    assert pack.state_of("us_congress") == "us"
    assert pack.state_of("rok_unification_ministry") == "rok"
    assert pack.state_of("us_special_envoy_nkhr") == "us"
    assert pack.state_of("rok_ambassador_nkhr") == "rok"
    assert pack.state_of("un_special_rapporteur_dprk") is None
    assert pack.state_of("un_hrc") is None
    assert pack.state_of("rok_nkhra_2016") == "rok"


def test_information_access_is_both_issue_and_action(pack):
    assert pack.get("information_access", "issue").kind == "issue"
    assert pack.get("information_access", "action").kind == "action"


def test_unknown_id_is_a_clear_error(pack):
    with pytest.raises(BadValue) as exc:
        pack.get("no_such_post")
    assert "no_such_post" in str(exc.value) and exc.value.code == "NK-IN-006"


def test_entity_aliases_include_korean_label(pack):
    assert "이신화" in pack.get("lee_shin_wha").aliases
    assert "북한인권국제협력대사" in pack.get("rok_ambassador_nkhr").aliases
    assert "NKHRA" in pack.get("us_nkhra_2004").aliases
    assert "북한인권법" in pack.get("us_nkhra_2004").aliases


def _literal_values(model, field):
    import typing

    annotation = model.model_fields[field].annotation
    parts = [annotation] if typing.get_origin(annotation) is typing.Literal else typing.get_args(annotation)
    values = set()
    for arg in parts:  # Literal[...] or Optional[Literal[...]]
        if typing.get_origin(arg) is typing.Literal:
            values |= set(typing.get_args(arg))
    return values


def test_codebook_fact_type_enums_are_covered_by_the_pack_models(codebook):
    from nkmonitor.pack import models as m

    ft = codebook["fact_types"]
    assert set(ft["post_event"]["fields"]["event"]) <= _literal_values(m.TenureEvent, "event")
    assert set(ft["instrument_event"]["fields"]["event"]) <= _literal_values(m.InstrumentEvent, "event")
    assert set(ft["resolution_vote"]["fields"]["method"]) <= _literal_values(m.ResolutionVote, "method")
    assert set(ft["state_position"]["fields"]["position"]) <= _literal_values(m.StatePosition, "position")
    assert set(ft["council_meeting"]["fields"]["outcome"]) <= _literal_values(m.CouncilMeeting, "outcome")
    assert set(ft["mechanism_event"]["fields"]["event"]) <= _literal_values(m.MechanismEvent, "event")


def test_codebook_fact_type_id_lists_exist_in_the_pack(pack, codebook):
    ft = codebook["fact_types"]
    for section in ("resolution_vote", "state_position"):
        assert set(ft[section]["fields"]["instrument"]) <= pack.ids("instrument")
    assert set(ft["resolution_vote"]["fields"]["body"]) <= pack.ids("body")
    assert set(ft["council_meeting"]["fields"]["body"]) <= pack.ids("body")
    chambers = {"us_house", "us_senate", "rok_national_assembly"}
    assert chambers <= pack.ids("body") and chambers <= {e.chamber for e in pack.instrument_events if e.chamber}
