"""The search query language: parsing, errors, and what reaches FTS5 and tsquery."""

from __future__ import annotations

import pytest

from nkmonitor.errors import QueryError
from nkmonitor.ingest import iter_documents
from nkmonitor.store import open_store
from nkmonitor.store.dedup import signature
from nkmonitor.store.query import And, Or, Words, parse_query, to_fts5, to_tsquery


def test_words_phrases_prefixes():
    assert parse_query("envoy") == Words(["envoy"])
    assert parse_query('"Special  Envoy"') == Words(["special", "envoy"])
    assert parse_query("envo*") == Words(["envo"], prefix=True)
    # Punctuation inside a word splits it into a phrase; nothing reaches the engine's syntax.
    assert parse_query("U.N.") == Words(["u", "n"])
    assert parse_query("envoy & camp") == And(positive=[Words(["envoy"]), Words(["camp"])])
    assert parse_query("envoy or camp") == And(positive=[Words(["envoy"]), Words(["or"]), Words(["camp"])])
    assert isinstance(parse_query("envoy OR camp"), Or)


def test_compiled_queries_quote_every_word():
    node = parse_query('"special envoy" OR envo* -camp')
    assert to_fts5(node) == '("special envoy" OR (("envo"*) NOT "camp"))'
    assert to_tsquery(node) == "(('special' <-> 'envoy') | (('envo':*) & !('camp')))"
    hostile = parse_query("NEAR(a b) col:x ^y 'z' \\ ;--")
    assert '"near"' in to_fts5(hostile) and ";" not in to_fts5(hostile) and ":" not in to_fts5(hostile)
    assert "'z'" in to_tsquery(hostile) and "\\" not in to_tsquery(hostile)


@pytest.mark.parametrize("query, message", [
    ('"unbalanced', "unbalanced quote"),
    ("AND OR", "AND needs a term before it"),
    ("envoy OR", "OR needs a term after it"),
    ("(envoy", "never closed"),
    ("envoy)", r"without '\('"),
    ("-envoy", "cannot only exclude"),
    ("", "empty"),
    ("&&", "no letters or digits"),
])
def test_errors_say_what_is_wrong(query, message):
    with pytest.raises(QueryError, match=message) as info:
        parse_query(query)
    assert str(info.value).startswith("[NK-DB-002]")


def test_distinct_corpus_stories_are_not_near_duplicates(corpus_dir, sqlite_url):
    docs = [d for d in iter_documents([corpus_dir / "seeds", corpus_dir / "dev"]) if not isinstance(d, Exception)]
    assert len(docs) == 21
    store = open_store(sqlite_url)
    near = store.near_index()
    statuses = [store.add_document(d, near).status for d in docs]
    assert statuses == ["ingested"] * 21
    # The same story under another header is caught.
    reprint = docs[3].model_copy(update={
        "source": "reprint.txt", "content_hash": "0" * 64,
        "text": "Reprinted with permission from the original publisher. " + docs[3].text})
    assert signature(reprint.text).jaccard(signature(docs[3].text)) > 0.9
    out = store.add_document(reprint, near)
    assert out.status == "near_duplicate" and out.duplicate_of == 4
    store.close()


def test_signature_of_long_text_is_computed_in_slices_without_change():
    import random

    from datasketch import MinHash

    from nkmonitor.store import dedup

    rng = random.Random(2)
    text = " ".join(f"w{rng.randint(0, 10**6)}" for _ in range(50_000))  # more shingles than one slice
    grams = list(dedup.shingles(text))
    assert len(grams) > dedup._BATCH
    whole = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME)
    whole.update_batch(grams)
    sliced = dedup.signature(text)
    assert (sliced.hashvalues == whole.hashvalues).all()
    assert (dedup.from_bytes(dedup.to_bytes(sliced)).hashvalues == whole.hashvalues).all()
