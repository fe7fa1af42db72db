"""The shared corpus, read in place: every document with its sidecar, text unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from nkmonitor.errors import InputError
from nkmonitor.ingest import discover, iter_documents, read_path
from nkmonitor.records import Document


def _txt_files(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("dev/*.txt")) + sorted(corpus_dir.glob("seeds/*.txt"))


def test_every_corpus_text_reads_with_its_sidecar(corpus_dir):
    files = _txt_files(corpus_dir)
    assert len(files) == 21
    for path in files:
        [doc] = read_path(path)
        side = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert doc.published == side["published"], path
        assert doc.published_from == "sidecar"
        assert doc.title == side["title"]
        assert doc.outlet == side["outlet"]
        assert doc.url == side.get("url")
        # Extra sidecar keys (e.g. the seeds' "note") are kept as metadata.
        for key in set(side) - {"url", "title", "outlet", "published", "language"}:
            assert doc.metadata[key] == side[key]
        assert doc.metadata["sidecar"] == str(path.with_suffix(".json"))


def test_corpus_text_comes_through_unchanged(corpus_dir):
    for path in _txt_files(corpus_dir):
        [doc] = read_path(path)
        raw = path.read_bytes()
        expected = raw.decode("utf-8-sig").replace("\r\n", "\n")
        assert doc.text == expected, path
        assert doc.size_bytes == len(raw)
        assert doc.reader == "text" and doc.reader_version == "text/1"
        assert doc.source == str(path)


def test_corpus_is_english(corpus_dir):
    langs = {read_path(p)[0].language for p in _txt_files(corpus_dir)}
    assert langs == {"en"}


def test_seeds_folder_gives_exactly_five_documents(corpus_dir):
    items = list(iter_documents([corpus_dir / "seeds"]))
    assert all(isinstance(i, Document) for i in items), [str(i) for i in items if not isinstance(i, Document)]
    assert [Path(d.source).name for d in items] == [f"00{i}.txt" for i in range(5)]
    assert len({d.content_hash for d in items}) == 5


def test_sidecars_are_never_documents(corpus_dir):
    found = [p for p in discover([corpus_dir / "dev"]) if isinstance(p, Path)]
    assert len(found) == 16
    assert all(p.suffix == ".txt" for p in found)
    # Given explicitly (as a shell glob would), sidecars are still skipped quietly.
    explicit = list(discover(sorted((corpus_dir / "seeds").iterdir())))
    assert [p.name for p in explicit] == [f"00{i}.txt" for i in range(5)]


def test_gold_annotations_are_not_mistaken_for_documents(corpus_dir):
    # dev.jsonl has no "text" field: each line is an error naming its line, none a document.
    items = list(iter_documents([corpus_dir / "gold" / "dev.jsonl"]))
    assert items and all(isinstance(i, InputError) for i in items)
    assert str(items[0]).count("dev.jsonl#L1") == 1


def test_datelines_in_the_corpus_agree_with_sidecars(corpus_dir):
    # The dateline rule must never put a reported event's date in place of the publication date.
    from nkmonitor.ingest.dates import find_dateline

    found = 0
    for path in _txt_files(corpus_dir):
        date = find_dateline(path.read_text(encoding="utf-8"))
        if date is None:
            continue
        found += 1
        published = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["published"]
        assert date.startswith(published) or published.startswith(date), (path.name, date, published)
    assert found >= 6
