"""The bundled sample corpus: every document reads, is marked as a sample, cites sources; its gold is consistent."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from nkmonitor.ingest import iter_documents
from nkmonitor.records import Document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def gold_id(doc: Document) -> str:
    name = Path(doc.source.split("#")[0]).stem
    if "#L" in doc.source:
        # samples/README.md: JSON Lines documents are STEM#N, N counting documents from 1.
        return f"{name}#{doc.source.rsplit('#L', 1)[1]}"
    return name


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    items = list(iter_documents([SAMPLES / "corpus"]))
    errors = [str(i) for i in items if not isinstance(i, Document)]
    assert not errors, errors
    return {gold_id(d): d for d in items}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_twelve_samples_in_varied_formats(samples):
    assert len(samples) == 12
    readers = {d.reader for d in samples.values()}
    assert {"text", "markdown", "html", "jsonl"} <= readers
    assert sum(d.reader == "jsonl" for d in samples.values()) == 2


def test_every_sample_is_marked_and_sourced(samples, spec_dir):
    facts_md = (spec_dir.parent / "reference" / "facts.md").read_text(encoding="utf-8")
    for key, doc in samples.items():
        meta = doc.metadata
        assert meta.get("sample") is True, key
        assert doc.outlet == "nkmonitor sample corpus", key
        assert "own words" in meta.get("note", ""), key
        assert meta.get("sources"), key
        for url in meta["sources"]:
            assert url.startswith("http") and url in facts_md, (key, url)
        assert doc.published and doc.published_from in ("sidecar", "metadata"), key
        assert doc.title and doc.language == "en", key


def test_samples_are_short_news_items(samples):
    for key, doc in samples.items():
        words = len(doc.text.split())
        assert 150 <= words <= 400, (key, words)
        # A dateline in the head, as real wire copy and op-eds have.
        head = doc.text[:300]
        assert re.search(r"(19|20)\d\d", head), key


def test_gold_covers_every_sample_and_quotes_are_exact(samples, gold):
    assert [g["id"] for g in gold] == sorted(g["id"] for g in gold)
    assert {g["id"] for g in gold} == set(samples)
    for row in gold:
        doc = samples[row["id"]]
        assert row["published"] == doc.published
        for item in row["facts"] + row["recommendations"]:
            assert item["quote"] in doc.text, (row["id"], item["quote"])


def test_gold_uses_codebook_ids(gold, spec_dir):
    book = yaml.safe_load((spec_dir / "codebook.yaml").read_text(encoding="utf-8"))
    actors = set(book["bodies"]) | set(book["states"])
    assert sum(len(g["recommendations"]) for g in gold) >= 10  # recommendation tracking needs data
    for row in gold:
        assert 1 <= len(row["issues"]) <= 4 and set(row["issues"]) <= set(book["issues"]), row["id"]
        assert row["stance"] in book["stances"], row["id"]
        for fact in row["facts"]:
            spec = book["fact_types"][fact["type"]]["fields"]
            assert set(fact) - {"type", "quote"} <= set(spec), (row["id"], fact)
            for field, allowed in spec.items():
                if field not in fact:
                    continue
                value = fact[field]
                if isinstance(allowed, list):
                    assert value in allowed, (row["id"], field, value)
                elif allowed in book and isinstance(book[allowed], dict):
                    assert value in book[allowed], (row["id"], field, value)
                elif allowed == "date":
                    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), (row["id"], field, value)
                elif allowed == "int":
                    assert isinstance(value, int)
        pairs = [(r["addressee"], r["action"]) for r in row["recommendations"]]
        assert len(pairs) == len(set(pairs)), row["id"]  # one entry per (addressee, action)
        for rec in row["recommendations"]:
            assert rec["action"] in book["actions"], (row["id"], rec)
            assert rec["addressee"] in actors, (row["id"], rec)
            assert rec.get("by", "author") in actors | {"author"}, (row["id"], rec)
