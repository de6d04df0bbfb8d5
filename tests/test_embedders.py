"""The bundled model as the pipeline calls it: the same numbers however texts are grouped."""

from __future__ import annotations

import numpy as np

from .conftest import SEEDS


def _sentences() -> list[str]:
    text = (SEEDS / "001_355e51555a3ccf1d.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()][:8]


def test_vectors_and_terms_are_the_same_bits_alone_and_side_by_side(inner_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = _sentences()
    together = inner_embedder.embed(texts)
    alone = np.concatenate([inner_embedder.embed([t]) for t in texts])
    assert together.shape == (len(texts), inner_embedder.dim)
    assert np.array_equal(together, alone)
    terms_together = inner_embedder.terms(texts)
    for text, (ids, weights) in zip(texts, terms_together, strict=True):
        ((ids_alone, weights_alone),) = inner_embedder.terms([text])
        assert np.array_equal(ids, ids_alone) and np.array_equal(weights, weights_alone)
        assert len(ids) > 50 and np.all(np.diff(ids) > 0)


def test_no_cache_still_computes_each_text_once(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from align.embedders import get_embedder

    monkeypatch.setenv("FACTALIGN_CACHE", str(tmp_path))
    embedder = get_embedder("e5", cache=False, progress=False)
    asked: list[str] = []
    inner_embed = embedder.inner.embed

    def counting(texts):  # type: ignore[no-untyped-def]
        asked.extend(texts)
        return inner_embed(texts)

    embedder.inner.embed = counting
    texts = _sentences()[:3]
    first = embedder.embed(texts)
    again = embedder.embed([texts[1], texts[0]])
    assert asked == texts
    assert np.array_equal(again, first[[1, 0]])
    assert not list(tmp_path.iterdir())  # nothing on disk


def test_a_scored_run_asks_the_model_for_each_text_once(inner_embedder, seed_docs) -> None:  # type: ignore[no-untyped-def]
    from align.embedders.cache import CachedEmbedder
    from eval.pipeline import run

    calls: dict[str, list[str]] = {"embed": [], "tokens": [], "unprefixed": []}
    order: list[tuple[str, str]] = []

    class Counting:
        name, fingerprint = inner_embedder.name, inner_embedder.fingerprint
        dim, languages = inner_embedder.dim, inner_embedder.languages
        chance_cosine = inner_embedder.chance_cosine
        token_spans = inner_embedder.token_spans

        def embed(self, texts):  # type: ignore[no-untyped-def]
            calls["embed"] += texts
            order.extend(("embed", t) for t in texts)
            return inner_embedder.embed(texts)

        def tokens(self, texts):  # type: ignore[no-untyped-def]
            calls["tokens"] += texts
            order.extend(("tokens", t) for t in texts)
            return inner_embedder.tokens(texts)

        def unprefixed(self, texts):  # type: ignore[no-untyped-def]
            calls["unprefixed"] += texts
            order.extend(("unprefixed", t) for t in texts)
            return inner_embedder.unprefixed(texts)

        def terms(self, texts):  # type: ignore[no-untyped-def]
            raise AssertionError("terms come with their token vectors")

    reference, version = seed_docs["003_547da99c0c626299"], seed_docs["000_6aa51a76c1be3abf"]
    rows = run(reference, [version], CachedEmbedder(Counting(), disk=False))
    assert any("dropped:date:last year" in r.flags for r in rows)
    for kind, texts in calls.items():
        assert len(texts) == len(set(texts)), kind  # no text computed twice
    # the terms' pass gave the token vectors: none asked for again
    for k, (kind, text) in enumerate(order):
        if kind == "tokens":
            assert ("unprefixed", text) not in order[:k]
    beads = {t for r in rows for t in (r.src_text, r.tgt_text) if r.src_ids and r.tgt_ids}
    assert beads <= {*calls["unprefixed"], *calls["tokens"]}
    deleted = [t for t in calls["unprefixed"] if t not in beads]
    assert deleted  # texts with a name or a clause taken out, in the same batches
    # a clause taken out is read in one pass, its terms' (a name taken out, in two)
    assert [t for t in deleted if t not in calls["embed"]]
