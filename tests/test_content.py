"""Latent terms, the similarity built on them, and the clauses one side of a bead lacks."""

from __future__ import annotations

import numpy as np
import pytest

from eval.content import clause_spans, unsupported_clauses
from eval.fidelity import FidelityConfig, similarity, term_overlap

SOURCE = (
    "This model is currently being tested in Microsoft Copilot, with the aim of replacing "
    "OpenAI's models with this in-house technology."
)
FAITHFUL = (
    "Ce modèle est actuellement testé dans le produit Microsoft Copilot, avec l'espoir de "
    "remplacer les modèles d'OpenAI par cette technologie maison."
)
SHORTENED = "Ce modèle est actuellement testé dans le produit Microsoft Copilot."


def _terms(pairs: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
    ids = sorted(pairs)
    return np.array(ids, dtype=np.int32), np.array([pairs[i] for i in ids], dtype=np.float32)


def test_term_overlap_counts_the_smaller_weight_of_shared_terms() -> None:
    source, target = _terms({1: 1.0, 5: 2.0, 9: 1.0}), _terms({5: 1.0, 9: 3.0, 12: 4.0})
    recall, precision = term_overlap(source, target)
    assert recall == pytest.approx(2.0 / 4.0)  # min(2, 1) + min(1, 3) of 4
    assert precision == pytest.approx(2.0 / 8.0)
    assert term_overlap(_terms({}), target) == (0.0, 0.0)


def test_clauses_split_at_punctuation_and_keep_short_pieces_whole() -> None:
    text = "In 2024, the U.S. economy grew 3.5% (a record), said Mr. Smith. Prices rose."
    assert [text[b:e].strip() for b, e in clause_spans(text)] == [
        "In 2024, the U.S. economy grew 3.5% (a record),",
        "said Mr. Smith. Prices rose.",
    ]
    chinese = "在食用受污染宠物食品后死亡的宠物的尿样中，均发现了氰尿酸和三聚氰胺。"
    assert len(clause_spans(chinese)) == 2
    assert clause_spans("Short.") == []


def test_a_translation_shares_more_latent_terms_than_another_sentence(embedder) -> None:  # type: ignore[no-untyped-def]
    source, faithful, shortened, other = embedder.terms(
        [SOURCE, FAITHFUL, SHORTENED, "Le chat dort sur le canapé du salon depuis midi."]
    )
    assert source[0].dtype == np.int32 and np.all(np.diff(source[0]) > 0)
    recall_faithful, _ = term_overlap(source, faithful)
    recall_shortened, precision_shortened = term_overlap(source, shortened)
    recall_other, _ = term_overlap(source, other)
    assert recall_faithful > recall_shortened > recall_other
    # what the short version says is in the source: its precision stays high
    assert precision_shortened > recall_shortened


def test_latent_terms_come_back_from_the_disk_cache(inner_embedder, no_model, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from align.embedders.cache import CachedEmbedder

    expected = CachedEmbedder(inner_embedder, tmp_path).terms([SOURCE, FAITHFUL])
    again = CachedEmbedder(no_model, tmp_path).terms([FAITHFUL, SOURCE])
    for (ids, weights), (ids2, weights2) in zip(expected[::-1], again, strict=True):
        assert np.array_equal(ids, ids2) and np.allclose(weights, weights2)


def test_the_dropped_clause_is_found_and_a_faithful_bead_has_none(embedder) -> None:  # type: ignore[no-untyped-def]
    config = FidelityConfig()

    def similarities(sources: list[str], targets: list[str]) -> list[float]:
        cosines = np.einsum("ij,ij->i", embedder.embed(sources), embedder.embed(targets))
        overlaps = map(term_overlap, embedder.terms(sources), embedder.terms(targets))
        return [similarity(float(c), *o, config) for c, o in zip(cosines, overlaps, strict=True)]

    margin = 0.05
    dropped = unsupported_clauses(SOURCE, SHORTENED, similarities, margin, "source")
    assert dropped == ["with the aim of replacing OpenAI's models with this in-house technology."]
    assert unsupported_clauses(SOURCE, FAITHFUL, similarities, margin, "source") == []
    added = unsupported_clauses(SHORTENED, FAITHFUL, similarities, margin, "target")
    assert added == [
        "avec l'espoir de remplacer les modèles d'OpenAI par cette technologie maison."
    ]
