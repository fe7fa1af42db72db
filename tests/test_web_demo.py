"""The demo database the web, API and browser tests share (built once per test process)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
SEEDS = Path(os.environ.get("NKMONITOR_SHARED", ROOT.parent / "shared")) / "corpus" / "seeds"

HOSTILE_TITLE = 'Envoy news <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = (
    "SEOUL, Feb. 1, 2024 - Julie Turner, the U.S. special envoy for North Korean human rights, "
    "took office on Oct. 13, 2023, after the post had been vacant for more than six years.\n\n"
    "<script>window.__pwned=1</script> Quokkafish. The envoy said <img src=x onerror=\"window.__pwned=2\"> "
    "that North Korea must release detained foreigners. </textarea></mark><b>bold?</b>\n"
)
PASSWORDS = {"edna": "editor-pass-123", "vera": "viewer-pass-123"}

_built: dict[str, object] = {}


def corpus_paths() -> list[Path]:
    return [SAMPLES] if SAMPLES.is_dir() else [SEEDS]


def write_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps({
        "title": HOSTILE_TITLE, "outlet": "Hostile <b>Outlet</b>", "published": "2024-02-01", "language": "en"}),
        encoding="utf-8")
    return folder


def demo_database() -> dict:
    """Build (once) a SQLite demo database: pack + sample corpus + a hostile document, analyzed,
    with an editor and a viewer. Returns its url, the hostile document's id and counts."""
    if _built:
        return _built
    from nkmonitor.pack import load_pack
    from nkmonitor.pipeline import analyze_store, ingest_paths
    from nkmonitor.store import open_store
    from nkmonitor.web import auth

    folder = Path(tempfile.mkdtemp(prefix="nkmonitor-webtest-"))
    url = str(folder / "demo.db")
    corpus = corpus_paths()[0]
    if corpus == SAMPLES:
        # The lead's demo build: sample corpus analyzed, high-confidence suggestions accepted by
        # 'demo-build', so the trackers show reviewed facts next to the pack's.
        from nkmonitor.pipeline import build_demo

        build_demo(url, SAMPLES)
    store = open_store(url)
    pack = load_pack()
    report = ingest_paths(store, [*([] if corpus == SAMPLES else [corpus]), write_hostile(folder / "hostile")])
    assert report.ingested >= 1, report.summary()
    analyze_store(store, pack)
    auth.add_user(store, "edna", PASSWORDS["edna"], "editor")
    auth.add_user(store, "vera", PASSWORDS["vera"], "viewer")
    hostile = next(d["document_id"] for d in report.documents if d["source"].endswith("hostile.txt"))
    _built.update(url=url, hostile_id=hostile, documents=store.count_documents(), folder=folder)
    store.close()
    return _built


def test_demo_database_has_documents_and_suggestions():
    from nkmonitor.store import open_store
    from nkmonitor.store.suggestions import list_suggestions

    info = demo_database()
    store = open_store(info["url"])
    assert info["documents"] >= 4
    assert store.get_document(info["hostile_id"])["title"] == HOSTILE_TITLE
    assert list_suggestions(store, limit=5), "the extractor found nothing to review in the demo corpus"
