"""Bad input: each gets one clear error naming the file, and the rest of the batch is still read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nkmonitor.config import get_settings
from nkmonitor.errors import CorruptInput, EmptyInput, InputError, InputTooLarge, SidecarError, UnsupportedInput
from nkmonitor.ingest import iter_documents, read_path
from nkmonitor.records import Document

GOOD = "The special envoy took office after a long vacancy, and advocates welcomed the appointment at once."


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def batch_with(tmp_path: Path, bad_name: str, bad: bytes):
    """A folder with one good document either side of the bad one; returns (docs, errors)."""
    (tmp_path / "a_good.txt").write_text(GOOD + " first")
    (tmp_path / bad_name).write_bytes(bad)
    (tmp_path / "z_good.txt").write_text(GOOD + " last")
    return split(list(iter_documents([tmp_path])))


def assert_one_error(tmp_path, bad_name, bad, kind):
    docs, errors = batch_with(tmp_path, bad_name, bad)
    assert [Path(d.source).name for d in docs] == ["a_good.txt", "z_good.txt"]
    assert len(errors) == 1, [str(e) for e in errors]
    err = errors[0]
    assert isinstance(err, kind), str(err)
    assert str(tmp_path / bad_name) in str(err)
    assert str(err).startswith(f"[{kind.code}]")
    return err


def test_corrupt_pdf(tmp_path):
    assert_one_error(tmp_path, "report.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ngarbage\x00\xff" * 3, CorruptInput)


def test_junk_named_pdf(tmp_path):
    err = assert_one_error(tmp_path, "report.pdf", b"this is not a pdf at all", CorruptInput)
    assert "not a PDF" in str(err)


def test_binary_junk_named_html(tmp_path):
    err = assert_one_error(tmp_path, "page.html", bytes(range(256)) * 40, CorruptInput)
    assert "binary" in str(err)


def test_plain_text_named_html(tmp_path):
    assert_one_error(tmp_path, "page.html", b"just words, no markup whatsoever", CorruptInput)


def test_corrupt_docx(tmp_path):
    assert_one_error(tmp_path, "note.docx", b"PK\x03\x04 broken zip", CorruptInput)


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "empty.md", "empty.jsonl", "empty.docx"])
def test_zero_byte_file(tmp_path, name):
    err = assert_one_error(tmp_path, name, b"", EmptyInput)
    assert "0 bytes" in str(err)


def test_whitespace_only_text(tmp_path):
    assert_one_error(tmp_path, "blank.txt", b"  \n\n\t \n", EmptyInput)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing written
        fh.truncate(50 * 1024 * 1024)
    read_calls = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read_calls.append(self) or original(self))
    with pytest.raises(InputTooLarge) as err:
        read_path(big)
    assert "huge.txt" in str(err.value) and "50.0 MB" in str(err.value) and "25 MB" in str(err.value)
    assert big not in read_calls


def test_size_limit_follows_settings(tmp_path):
    path = tmp_path / "two_mb.txt"
    path.write_bytes((GOOD + "\n").encode() * (2 * 1024 * 1024 // len(GOOD)))
    with pytest.raises(InputTooLarge):
        read_path(path, get_settings(max_file_mb=1))
    assert read_path(path, get_settings(max_file_mb=3))[0].text.startswith(GOOD)


def test_text_over_the_character_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(GOOD * 20)
    with pytest.raises(InputTooLarge) as err:
        read_path(path, get_settings(max_text_chars=100))
    assert "long.txt" in str(err.value)


def test_batch_continues_after_oversized_file(tmp_path):
    with (tmp_path / "m_huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "a.txt").write_text(GOOD)
    docs, errors = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1 and len(errors) == 1 and isinstance(errors[0], InputTooLarge)


KOREAN = "통일부는 북한 인권 보고서를 공개했다. 유엔 특별보고관은 중국의 강제북송을 강하게 비판했다."
FRENCH = "Le Conseil des droits de l'homme a adopté la résolution; déjà, à Genève, les délégués étaient réunis."


def test_euc_kr_html_with_meta_charset(tmp_path):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>북한 인권</title></head><body><article><p>{KOREAN}</p><p>{KOREAN}</p></article></body></html>'
    path = tmp_path / "ko.html"
    path.write_bytes(page.encode("euc-kr"))
    [doc] = read_path(path)
    assert KOREAN in doc.text
    assert doc.title == "북한 인권" and doc.language == "ko"


def test_euc_kr_html_without_declaration(tmp_path):
    path = tmp_path / "ko2.html"
    path.write_bytes(f"<html><body><p>{KOREAN}</p></body></html>".encode("euc-kr"))
    assert KOREAN in read_path(path)[0].text


def test_euc_kr_text(tmp_path):
    path = tmp_path / "ko.txt"
    path.write_bytes((KOREAN + "\r\n" + KOREAN).encode("euc-kr"))
    [doc] = read_path(path)
    assert doc.text == KOREAN + "\n" + KOREAN
    assert doc.language == "ko" and doc.metadata["encoding"] == "cp949"


def test_latin1_html_with_meta_charset(tmp_path):
    path = tmp_path / "fr.html"
    path.write_bytes(f'<html><head><meta charset="iso-8859-1"></head><body><p>{FRENCH}</p></body></html>'.encode("latin-1"))
    assert FRENCH in read_path(path)[0].text


def test_latin1_text(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    [doc] = read_path(path)
    assert doc.text == FRENCH and doc.language == "fr"


def test_wrong_meta_charset_falls_back(tmp_path):
    # Declared UTF-8 but really EUC-KR: the declaration fails to decode, detection takes over.
    path = tmp_path / "liar.html"
    path.write_bytes(f'<html><head><meta charset="utf-8"></head><body><p>{KOREAN}</p></body></html>'.encode("euc-kr"))
    assert KOREAN in read_path(path)[0].text


def test_page_saved_as_utf8_keeps_its_old_euc_kr_declaration(tmp_path):
    path = tmp_path / "saved.html"
    path.write_bytes(f'<html><head><meta charset="euc-kr"></head><body><p>{KOREAN}</p></body></html>'.encode("utf-8"))
    [doc] = read_path(path)
    assert KOREAN in doc.text and doc.metadata["encoding"] == "utf-8"


def test_symlink_loop_reported_once(tmp_path):
    root = tmp_path / "archive"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "doc.txt").write_text(GOOD)
    os.symlink(root, root / "sub" / "back")
    os.symlink(root / "sub", root / "sub" / "self")
    docs, errors = split(list(iter_documents([root])))
    assert len(docs) == 1
    assert len(errors) == 2
    assert {Path(e.subject).name for e in errors} == {"back", "self"}
    assert all("symlink loop" in str(e) for e in errors)


def test_broken_symlink(tmp_path):
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "link.txt")
    (tmp_path / "ok.txt").write_text(GOOD)
    docs, errors = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1 and len(errors) == 1 and "link.txt" in str(errors[0])


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "inner.txt").write_text(GOOD)
    folder.chmod(0)
    try:
        docs, errors = split(list(iter_documents([tmp_path])))
        assert len(docs) == 1
        assert sorted(Path(e.subject).name for e in errors) == ["locked.txt", "private"]
        assert all("permission denied" in str(e) for e in errors)
    finally:
        folder.chmod(0o755)
        locked.chmod(0o644)


def test_unreadable_entries_reported_even_as_root(tmp_path, monkeypatch):
    # Root ignores file modes, so the permission check itself is made to answer "no".
    import nkmonitor.ingest as ingest

    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked.txt").write_text(GOOD)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "inner.txt").write_text(GOOD)
    real_access = os.access
    monkeypatch.setattr(ingest.os, "access", lambda p, mode: Path(p).name not in ("locked.txt", "private") and real_access(p, mode))
    docs, errors = split(list(iter_documents([tmp_path])))
    assert [Path(d.source).name for d in docs] == ["a.txt"]
    assert [Path(e.subject).name for e in errors] == ["locked.txt", "private"]
    assert all("permission denied" in str(e) for e in errors)


def test_unreadable_file_at_read_time(tmp_path, monkeypatch):
    # Runs as root too: the file vanishes or is locked between discovery and reading.
    path = tmp_path / "gone.txt"
    path.write_text(GOOD)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as err:
        read_path(path)
    assert "gone.txt" in str(err.value) and "Permission denied" in str(err.value)


def test_invalid_sidecar_json(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + " b")
    (tmp_path / "b.json").write_text('{"title": "unterminated')
    docs, errors = split(list(iter_documents([tmp_path])))
    assert [Path(d.source).name for d in docs] == ["a.txt"]  # b.txt is not ingested without its metadata
    [err] = errors
    assert isinstance(err, SidecarError) and err.subject == str(tmp_path / "b.json")
    assert "not valid JSON" in str(err) and "b.txt" in str(err)


@pytest.mark.parametrize("content, fragment", [
    ('["a", "list"]', "JSON object"),
    ('{"title": 5}', "'title' must be text"),
    ('{"published": "last week"}', "published"),
    ('{"published": "2023-02-30"}', "no day 30"),
])
def test_sidecar_wrong_shape(tmp_path, content, fragment):
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "b.json").write_text(content)
    with pytest.raises(SidecarError) as err:
        read_path(tmp_path / "b.txt")
    assert fragment in str(err.value) and "b.json" in str(err.value)


def test_jsonl_with_broken_lines_keeps_the_good_ones(tmp_path):
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"text": GOOD + " 1"}),
        '{"text": "cut off in the midd',
        json.dumps({"title": "no text"}),
        json.dumps({"text": GOOD + " 4", "published": "2023-02-30"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"text": "   "}),
        json.dumps({"text": GOOD + " 8"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = split(list(iter_documents([path])))
    assert [d.source for d in docs] == [f"{path}#L1", f"{path}#L8"]
    assert [e.subject for e in errors] == [f"{path}#L{n}" for n in (2, 3, 4, 5, 7)]
    assert "no day 30" in str(errors[2])
    # read_path is strict: it names the first bad line instead of returning part of the file.
    with pytest.raises(CorruptInput) as err:
        read_path(path)
    assert f"{path}#L2" in str(err.value)


def test_jsonl_not_utf8(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps({"text": "x"}).encode() + b"\n" + '{"text": "café"}'.encode("latin-1") + b"\n")
    docs, errors = split(list(iter_documents([path])))
    assert len(docs) == 1 and "UTF-8" in str(errors[0]) and "#L2" in str(errors[0])


def test_text_with_html_remnants_is_kept_and_flagged(tmp_path):
    text = "<p>The envoy took office.</p><br>Advocates &amp; lawmakers welcomed it.\n"
    (tmp_path / "scraped.txt").write_text(text)
    [doc] = read_path(tmp_path / "scraped.txt")
    assert doc.text == text  # offsets must still point into what the file says
    assert doc.reader == "text"
    assert "HTML" in doc.metadata["warnings"][0]


def test_whole_html_page_saved_as_txt_is_read_as_html(tmp_path):
    page = "<!DOCTYPE html><html><head><title>Vote</title></head><body><nav>Menu</nav><article><p>" + GOOD + "</p></article></body></html>"
    (tmp_path / "saved.txt").write_text(page)
    [doc] = read_path(tmp_path / "saved.txt")
    assert doc.reader == "html" and doc.reader_version == "html/1" and doc.title == "Vote"
    assert GOOD in doc.text and "<" not in doc.text
    assert "read as HTML" in doc.metadata["notes"][0]


def test_missing_path_and_unsupported_kind(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "scan.png").write_bytes(b"\x89PNG")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    items = list(iter_documents([tmp_path / "missing.txt", tmp_path, tmp_path / "scan.png"]))
    docs, errors = split(items)
    assert len(docs) == 1
    assert "missing.txt" in str(errors[0]) and "does not exist" in str(errors[0])
    assert isinstance(errors[1], UnsupportedInput) and "old.doc" in str(errors[1])  # a document kind we cannot read: said
    assert isinstance(errors[2], UnsupportedInput) and "scan.png" in str(errors[2])  # given explicitly: said
    assert len(errors) == 3  # scan.png inside the folder is skipped quietly (web-page assets)


def test_reader_crash_becomes_corrupt_input(tmp_path, monkeypatch):
    from nkmonitor.ingest import READERS

    def explode(data, source):
        raise RuntimeError("parser bug")

    import nkmonitor.ingest as ingest
    from dataclasses import replace

    broken = replace(READERS["html"], parse=explode)
    monkeypatch.setitem(ingest._BY_SUFFIX, ".html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.txt").write_text(GOOD)
    docs, errors = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1 and isinstance(errors[0], CorruptInput) and "parser bug" in str(errors[0]) and "a.html" in str(errors[0])


def test_link_pointing_at_itself(tmp_path):
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")
    (tmp_path / "ok.txt").write_text(GOOD)
    docs, errors = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1
    [err] = errors
    assert err.subject == str(tmp_path / "self.txt") and "symlink loop" in str(err)
    [explicit] = list(iter_documents([tmp_path / "self.txt"]))
    assert "symlink loop" in str(explicit)


def test_damaged_pdf_says_nothing_but_its_error(tmp_path, capsys, caplog):
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4 truncated before any object")
    with caplog.at_level("WARNING"):
        [err] = list(iter_documents([path]))
    assert isinstance(err, CorruptInput) and "cut.pdf" in str(err)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_odd_metadata_from_a_parser_becomes_one_error(tmp_path, monkeypatch):
    import nkmonitor.ingest as ingest
    from dataclasses import replace

    from nkmonitor.ingest.base import Parsed

    def odd(data, source):
        return [Parsed(text="Some text about the envoy.", raw=data, title=["not", "a", "string"])]

    monkeypatch.setitem(ingest._BY_SUFFIX, ".html", replace(ingest.READERS["html"], parse=odd))
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.txt").write_text(GOOD)
    docs, errors = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1 and isinstance(errors[0], CorruptInput) and "a.html" in str(errors[0])
