"""The aligner on real text and on plain arrays: what one odd sentence may and may not change."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from align import Document, align_documents
from align.aligner import absorb_nulls, pair_moved, split_unrelated
from align.costs import gale_church_cost, length_ratio, random_baseline

from .conftest import REF


def test_length_ratio_leaves_out_what_the_model_does_not_read() -> None:
    src = np.array([100.0, 120.0, 80.0])
    tgt = np.array([110.0, 130.0, 90.0])
    assert length_ratio(src, tgt, 4000) == pytest.approx(330 / 300)
    assert length_ratio(src, np.append(tgt, 20_000.0), 4000) == pytest.approx(330 / 300)
    # a side made only of long sentences still has a ratio
    assert length_ratio(np.array([5000.0]), np.array([6000.0]), 4000) == pytest.approx(1.2)
    assert length_ratio(np.array([]), tgt, 4000) == 1.0


def _with_sentence(doc: Document, at: int, sentence: str) -> Document:
    def put(values: tuple, value: object) -> tuple:
        return (*values[:at], value, *values[at:])

    return replace(
        doc,
        sentences=put(doc.sentences, sentence),
        paragraphs=put(doc.paragraphs, doc.paragraphs[at]),
        langs=put(doc.langs, doc.lang),
    )


def _list_sentence(chars: int) -> str:
    """A French sentence of about ``chars`` characters without a full stop (a list pasted
    as one line), about none of the story."""
    words = (
        "la commission a examiné les rapports des groupes de travail sur les marchés "
        "agricoles et les échanges régionaux"
    ).split()
    rng = random.Random(chars)
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < chars:
        out.append(rng.choice(words))
    return " ".join(out)[:chars].rstrip() + "."


@pytest.mark.parametrize("chars", [300, 5_000, 20_000])
def test_a_long_added_sentence_leaves_the_other_beads_unchanged(
    seed_docs, embedder, second, chars: int
) -> None:  # type: ignore[no-untyped-def]
    ref, version = seed_docs[REF.stem], seed_docs["001_355e51555a3ccf1d"]
    before = align_documents(ref, version, embedder, second=second)
    at = len(version) - 2
    after = align_documents(
        ref, _with_sentence(version, at, _list_sentence(chars)), embedder, second=second
    )

    def old_index(j: int) -> int:
        return j if j < at else j - 1

    # the added sentence is an addition of its own
    assert [(b.src_ids, b.tgt_ids) for b in after.beads if at in b.tgt_ids] == [((), (at,))]
    kept = [
        (b.src_ids, tuple(old_index(j) for j in b.tgt_ids))
        for b in after.beads
        if at not in b.tgt_ids
    ]
    assert kept == [(b.src_ids, b.tgt_ids) for b in before.beads]


def _costs(pairs: dict[tuple[int, int], float], default: float = 1.2):  # type: ignore[no-untyped-def]
    """A 1-1 semantic cost function over sentence indices: ``pairs``, else chance."""
    return lambda i, j: pairs.get((i, j), default)


def test_a_short_sides_chance_level_leans_on_the_models() -> None:
    rng = np.random.default_rng(3)
    unit = rng.normal(size=(12, 8))
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    # one sentence against one: its only "random" partner is its translation, left out
    assert random_baseline(unit[:1], unit[:1], 256, prior=0.75).tolist() == pytest.approx([0.75])
    # three against four: three cosines (the closest left out) and five of the prior
    own = unit[:3] @ unit[3:7].T
    expected = (own.sum(axis=1) - own.max(axis=1) + 5 * 0.75) / 8
    assert random_baseline(unit[:3], unit[3:7], 256, prior=0.75) == pytest.approx(expected)
    # enough sentences: the prior plays no part
    many = unit[:2] @ unit[2:12].T
    expected = (many.sum(axis=1) - many.max(axis=1)) / 9
    assert random_baseline(unit[:2], unit[2:12], 256, prior=0.75) == pytest.approx(expected)
    assert random_baseline(unit[:2], unit[2:12], 256) == pytest.approx(expected)


def test_gale_church_cost_grows_with_the_length_mismatch_and_follows_the_ratio() -> None:
    same = gale_church_cost(np.array(100.0), np.array(100.0), 1.0)
    off = gale_church_cost(np.array(100.0), np.array(150.0), 1.0)
    far = gale_church_cost(np.array(100.0), np.array(300.0), 1.0)
    assert float(same) < 0.1 < float(off) < float(far) <= 25.0
    # a version 1.5 times as long as the reference is no mismatch for a pair whose ratio is 1.5
    assert float(gale_church_cost(np.array(100.0), np.array(150.0), 1.5)) == pytest.approx(
        float(same)
    )
    # it broadcasts into a matrix
    assert gale_church_cost(
        np.array([10.0, 20.0])[:, None], np.array([10.0, 20.0, 30.0])[None, :], 1.0
    ).shape == (2, 3)


def test_absorb_nulls_merges_a_sentence_translated_inside_its_neighbour() -> None:
    # source 1 is left out, but its cost to target 1 (the neighbour bead's) is low
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    cost = _costs({(0, 0): 0.3, (1, 1): 0.5, (2, 1): 0.4})
    shapes = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
    assert absorb_nulls(beads, cost, 0.7, shapes) == [((0,), (0,)), ((1, 2), (1,))]
    # no neighbour translates it: it stays an omission
    assert absorb_nulls(beads, _costs({(0, 0): 0.3, (2, 1): 0.4}), 0.7, shapes) == beads
    # the merge must be a shape the search allows
    assert absorb_nulls(beads, cost, 0.7, ((0, 1), (1, 0), (1, 1))) == beads


def test_split_unrelated_takes_an_unrelated_edge_sentence_out() -> None:
    # target 1 is no closer than chance to source 0: an addition, not part of the bead
    cost = _costs({(0, 0): 0.3})

    def bead_cost(src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        return 0.3 if tgt == (0,) else 0.5

    beads = [((0,), (0, 1))]
    assert split_unrelated(beads, cost, bead_cost, 1.0, 0.1) == [((0,), (0,)), ((), (1,))]
    # an edge sentence that is part of the translation stays
    close = _costs({(0, 0): 0.3, (0, 1): 0.6})
    assert split_unrelated(beads, close, lambda s, t: 0.35, 1.0, 0.1) == beads


def test_pair_moved_pairs_a_sentence_the_version_moved() -> None:
    # reference 1 was left out, version 3 added two beads later; they translate each other
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)), ((), (3,))]
    cost = _costs({(1, 3): 0.4})
    assert pair_moved(beads, cost, 0.6, 10) == [
        ((0,), (0,)),
        ((1,), (3,)),
        ((2,), (1,)),
        ((3,), (2,)),
    ]
    # too far apart, or not sure enough: left as they are
    assert pair_moved(beads, cost, 0.6, 2) == beads
    assert pair_moved(beads, _costs({(1, 3): 0.7}), 0.6, 10) == beads


def test_thresholds_scale_with_a_free_translations_typical_cost() -> None:
    from align import AlignConfig
    from align.aligner import relative_to

    config = AlignConfig()
    assert relative_to(config, config.typical_cost - 0.1) == config
    assert relative_to(config, config.typical_cost) == config
    free = relative_to(config, config.typical_cost * 1.2)
    assert free.costs.null_cost == pytest.approx(config.costs.null_cost * 1.2)
    assert free.costs.max_semantic_cost == pytest.approx(config.costs.max_semantic_cost * 1.2)
    assert free.absorb_threshold == pytest.approx(config.absorb_threshold * 1.2)
    assert free.move_threshold == pytest.approx(config.move_threshold * 1.2)
    # what is not a threshold of pairing stays
    assert free.costs.merge_penalty == config.costs.merge_penalty
    assert free.max_bead == config.max_bead


def test_run_vectors_are_the_normalized_sums_but_where_embedded() -> None:
    from align.aligner import RunVectors

    rng = np.random.default_rng(0)
    singles = rng.normal(size=(7, 4)).astype(np.float32)
    runs = RunVectors(singles, 3)
    assert len(runs) == 5 and runs.shape == (5, 4)
    explicit = singles[:5] + singles[1:6] + singles[2:7]
    explicit /= np.linalg.norm(explicit, axis=1, keepdims=True)
    np.testing.assert_allclose(np.asarray(runs), explicit, rtol=1e-6)
    np.testing.assert_allclose(runs[1:3], explicit[1:3], rtol=1e-6)
    np.testing.assert_allclose(runs[np.array([[4], [0]])][:, 0], explicit[[4, 0]], rtol=1e-6)
    model = np.ones((2, 4), dtype=np.float32) / 2
    runs[np.array([1, 3])] = model
    np.testing.assert_array_equal(runs[np.array([0, 1, 3])][1:], model)
    np.testing.assert_allclose(runs[0], explicit[0], rtol=1e-6)
