"""Discovery: recursive, sorted, hidden entries and sidecars skipped, lone .json refused when named."""

from __future__ import annotations

from pathlib import Path

from nkmonitor.errors import InputError, UnsupportedInput
from nkmonitor.ingest import discover
from nkmonitor.ingest.sidecar import is_sidecar


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_recursive_sorted_and_deterministic(tmp_path):
    tree(tmp_path, ["b/2.txt", "b/1.md", "a.html", "c/d/e.pdf", "c/d/e.json", "c/notes.docx", "c/x.jsonl", "c/x.json"])
    first = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert first == ["a.html", "b/1.md", "b/2.txt", "c/d/e.pdf", "c/notes.docx", "c/x.jsonl"]
    assert first == [p.relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)])]


def test_hidden_files_and_folders_skipped(tmp_path):
    tree(tmp_path, [".git/config.txt", ".hidden.txt", "shown.txt", "sub/.DS_Store"])
    assert [p.name for p in discover([tmp_path])] == ["shown.txt"]


def test_sidecar_rules(tmp_path):
    tree(tmp_path, ["doc.txt", "doc.json", "lone.json", "export.jsonl", "export.json", "page.HTML", "page.json"])
    assert is_sidecar(tmp_path / "doc.json") and is_sidecar(tmp_path / "page.json")
    assert not is_sidecar(tmp_path / "lone.json")
    assert not is_sidecar(tmp_path / "export.json")  # .jsonl exports take no sidecar
    assert [p.name for p in discover([tmp_path])] == ["doc.txt", "export.jsonl", "page.HTML"]


def test_explicit_files(tmp_path):
    tree(tmp_path, ["doc.txt", "doc.json", "lone.json", "img.png"])
    items = list(discover([tmp_path / "doc.txt", tmp_path / "doc.json", tmp_path / "lone.json", tmp_path / "img.png", tmp_path / "nope.md"]))
    assert items[0] == tmp_path / "doc.txt"
    # The sidecar named explicitly (a shell glob does that) is skipped quietly.
    assert isinstance(items[1], UnsupportedInput) and "lone.json" in str(items[1]) and ".jsonl" in str(items[1])
    assert isinstance(items[2], UnsupportedInput) and "img.png" in str(items[2])
    assert isinstance(items[3], InputError) and "nope.md" in str(items[3]) and "does not exist" in str(items[3])
    assert len(items) == 4


def test_input_order_is_kept_across_arguments(tmp_path):
    tree(tmp_path, ["z/1.txt", "a/1.txt"])
    assert [p.parent.name for p in discover([tmp_path / "z", tmp_path / "a"])] == ["z", "a"]
