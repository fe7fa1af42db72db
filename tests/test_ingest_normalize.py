"""Normalization and hashes: stable, idempotent, blind to whitespace, case and Unicode form only."""

from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkmonitor.ingest import content_hash, hash_bytes, hash_text, normalize_text, raw_hash

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert hash_text(once) == hash_text(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=20), min_size=1, max_size=20), st.sampled_from([" ", "\n", "\t", "  \r\n ", "\u00a0"]))
def test_whitespace_runs_do_not_change_the_hash(words, gap):
    words = [w for w in words if w.strip()]
    assert hash_text(" ".join(words)) == hash_text(("\n" + gap).join(words) + gap)


@settings(max_examples=200, deadline=None)
@given(texts)
@example("ı")  # dotless i: found by hypothesis, pinned
@example("Straße")
def test_unicode_form_and_case_do_not_change_the_hash(text):
    assert hash_text(unicodedata.normalize("NFD", text)) == hash_text(text)
    # Case-folding is what the hash ignores. (upper().lower() is not case-blind: it turns the
    # Turkish dotless "ı" into "i", a different letter, and the hash rightly differs.)
    assert hash_text(text.casefold()) == hash_text(text)
    assert hash_text(text.lower()) == hash_text(text.upper()) or text.lower().casefold() != text.upper().casefold()


@settings(max_examples=100, deadline=None)
@given(texts, texts)
def test_different_words_give_different_hashes(a, b):
    if normalize_text(a) != normalize_text(b):
        assert hash_text(a) != hash_text(b)


@given(st.binary(max_size=500))
def test_raw_hash_is_sha256_of_bytes(data):
    assert hash_bytes(data) == raw_hash(data) == hashlib.sha256(data).hexdigest()


def test_examples():
    assert normalize_text("  The  Special\u00a0Envoy\n\nwas\u200b named. ") == "the special envoy was named."
    assert content_hash("Seoul ") == content_hash("SEOUL")
    assert content_hash("Seoul") != content_hash("Seul")
    assert len(content_hash("x")) == 64


# Text as people write it: no control characters (tab and newline aside), no lone surrogates.
plain_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\n\t"), min_size=1, max_size=300)


@settings(max_examples=200, deadline=None)
@given(plain_text)
def test_utf8_text_decodes_unchanged(text):
    from nkmonitor.ingest.decode import decode_bytes

    assert decode_bytes(text.encode("utf-8"), "x.txt") == (text, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "x.txt")[0] == text


@settings(max_examples=60, deadline=None)
@given(plain_text.filter(lambda t: t.strip()), st.sampled_from(["\n", "\r\n"]))
def test_text_file_reads_back_with_only_line_endings_changed(tmp_path_factory, text, newline):
    from nkmonitor.ingest import read_path

    path = tmp_path_factory.mktemp("h") / "doc.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    [doc] = read_path(path)
    assert doc.text == text
    assert doc.content_hash == hash_text(text)
    assert doc.raw_hash == hash_bytes(path.read_bytes())
