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
