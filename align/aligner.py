"""Aligning two segmented documents: embed, cost, search, and score each bead."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from .costs import (
    CostConfig,
    SideFeatures,
    anchor_masks,
    anchor_tokens,
    overlap_texts,
    pair_costs,
    side_features,
)
from .document import Document
from .dp import Band, BeadIds, align_path, bead_shapes
from .embedders import Embedder
from .translators import Translator

CONFIDENT_BEAD = 0.7
NOT_TRANSLATION_BELOW = 0.4


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the aligner; every field goes into the run signature.

    ``max_bead``: most sentences a bead merges on one side. ``absorb_threshold``: see
    :func:`absorb_nulls`. Pairs with more than ``max_full_cells`` DP cells are searched in a
    band: every ``block`` sentences become one unit, the units are aligned (recursively, in
    a band themselves when there are many), and the fine search is kept within
    ``band_margin`` sentences of that path. Work and memory are then linear in length.
    """

    max_bead: int = 3
    costs: CostConfig = field(default_factory=CostConfig)
    absorb_threshold: float = 0.7
    max_full_cells: int = 1_000_000
    block: int = 8
    band_margin: int = 60


@dataclass(frozen=True)
class Bead:
    """Sentences of the reference (``src_ids``) paired with sentences of the version (``tgt_ids``).

    Either side may be empty (an omission or an addition). ``score`` in [0, 1] is the
    aligner's confidence that the two sides say the same thing; 0 for null beads.
    """

    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    score: float

    @property
    def shape(self) -> str:
        return f"{len(self.src_ids)}-{len(self.tgt_ids)}"


@dataclass(frozen=True)
class Alignment:
    """The beads of one document pair in document order, with pair-level figures.

    ``coverage``: share of reference sentences in non-null beads. ``is_translation``:
    False when fewer than ``NOT_TRANSLATION_BELOW`` of the reference sentences sit in
    confident beads (``score >= CONFIDENT_BEAD``): the version is another text.
    ``tgt_mt``: the version's sentences machine-translated into the reference's language,
    when a translator was given.
    """

    src: Document
    tgt: Document
    beads: tuple[Bead, ...]
    coverage: float
    is_translation: bool
    tgt_mt: tuple[str, ...] | None = None


def bead_confidence(semantic_cost: float) -> float:
    """Map a bead's normalized semantic cost to [0, 1].

    0.5 at cost 0.8 (near chance is 1.0). On the Text+Berg gold, beads with cost below
    0.6 are exactly right 87-93% of the time, 0.7-0.8 76%, above 0.8 about half.
    """
    if math.isnan(semantic_cost):
        return 0.0
    return 1.0 / (1.0 + math.exp((semantic_cost - 0.8) / 0.08))


def absorb_nulls(
    beads: list[BeadIds],
    pair_cost: Callable[[int, int], float],
    threshold: float,
    shapes: tuple[tuple[int, int], ...],
) -> list[BeadIds]:
    """Merge a null bead into a neighbour whose other side translates it.

    A sentence left unaligned although its own semantic cost to a sentence of the
    neighbouring bead's other side is below ``threshold`` is part of that bead (a
    translation that folded two sentences into one and shortened them), not an omission
    or addition. ``pair_cost(i, j)`` is the 1-1 semantic cost of source ``i`` and target ``j``.
    """
    out = list(beads)
    k = 0
    while k < len(out):
        src, tgt = out[k]
        if src and tgt:
            k += 1
            continue
        best: tuple[float, int] | None = None
        for n in (k - 1, k + 1):
            if not 0 <= n < len(out) or not (out[n][0] and out[n][1]):
                continue
            ns, nt = out[n]
            if (len(ns) + len(src), len(nt) + len(tgt)) not in shapes:
                continue
            cost = (
                min(pair_cost(src[0], j) for j in nt)
                if src
                else min(pair_cost(i, tgt[0]) for i in ns)
            )
            if cost < threshold and (best is None or cost < best[0]):
                best = (cost, n)
        if best is None:
            k += 1
            continue
        n = best[1]
        ns, nt = out[n]
        out[n] = (tuple(sorted(ns + src)), tuple(sorted(nt + tgt)))
        del out[k]
        k = max(0, min(k, n) - 1)
    return out


def embed_runs(
    embedder: Embedder, sentences: tuple[str, ...], max_run: int
) -> dict[int, np.ndarray]:
    """Embeddings of every run of 1 .. ``max_run`` consecutive sentences, in one batch."""
    runs = {k: overlap_texts(sentences, k) for k in range(1, max_run + 1)}
    flat = [t for k in runs for t in runs[k]]
    vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dim), dtype=np.float32)
    out: dict[int, np.ndarray] = {}
    start = 0
    for k, texts in runs.items():
        out[k] = vectors[start : start + len(texts)]
        start += len(texts)
    return out


def _blocks(side: SideFeatures, size: int) -> SideFeatures:
    """Downsample a side: every ``size`` consecutive sentences become one unit."""
    n = len(side.lengths)
    starts = np.arange(0, n, size)
    sums = np.add.reduceat(side.vecs[1].astype(np.float64), starts, axis=0)
    pairs = sums[:-1] + sums[1:] if len(sums) > 1 else np.zeros((0, sums.shape[1]))

    def unit(v: np.ndarray) -> np.ndarray:
        return (v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)).astype(np.float32)

    return SideFeatures(
        vecs={1: unit(sums), 2: unit(pairs)},
        lengths=np.add.reduceat(side.lengths, starts),
        anchors=np.bitwise_or.reduceat(side.anchors, starts) if n else side.anchors,
        paragraphs=np.zeros(len(starts), dtype=np.int64),
    )


def search_band(src: SideFeatures, tgt: SideFeatures, config: AlignConfig) -> Band:
    """Where the fine search looks: the whole grid when it is small, else a band around a
    coarse alignment of downsampled documents (Vecalign's recursion), so that work and
    memory grow linearly with document length."""
    n, m = len(src.lengths), len(tgt.lengths)
    if (n + 1) * (m + 1) <= config.max_full_cells:
        return Band.full(n, m)
    size = config.block
    coarse_src, coarse_tgt = _blocks(src, size), _blocks(tgt, size)
    cn, cm = len(coarse_src.lengths), len(coarse_tgt.lengths)
    # no length term: Gale-Church's tolerance grows only with the square root of length,
    # so between units of hundreds of sentences it would cost more than leaving them out
    coarse_config = replace(
        config.costs,
        merge_penalty=0.0,
        max_semantic_cost=np.inf,
        paragraph_penalty=0.0,
        length_weight=0.0,
    )
    shapes = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
    coarse_band = search_band(coarse_src, coarse_tgt, config)
    costs = pair_costs(shapes, coarse_src, coarse_tgt, coarse_band, coarse_config)
    path = align_path(costs.rows, cn, cm, coarse_band)
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    i0 = j0 = 0
    for s_ids, t_ids in path:
        i1, j1 = i0 + len(s_ids), j0 + len(t_ids)
        rows = slice(min(i0 * size, n), min(i1 * size, n) + 1)
        lo[rows] = np.minimum(lo[rows], min(j0 * size, m))
        hi[rows] = np.maximum(hi[rows], min(j1 * size, m))
        i0, j0 = i1, j1
    return Band.around(lo, hi, m, margin=max(config.band_margin, 2 * size))


def pivot_vectors(
    tgt_vecs: dict[int, np.ndarray], mt_vecs: dict[int, np.ndarray]
) -> dict[int, np.ndarray]:
    """Unit vectors of each version run's embedding plus its machine translation's: the
    similarity to a reference run becomes the mean of the cross-lingual similarity and the
    same-language similarity to the translation (Bleualign's pivot, in embedding space)."""
    out = {}
    for k, vecs in tgt_vecs.items():
        both = vecs + mt_vecs[k]
        out[k] = both / np.maximum(np.linalg.norm(both, axis=1, keepdims=True), 1e-9)
    return out


def align_documents(
    src: Document,
    tgt: Document,
    embedder: Embedder,
    config: AlignConfig | None = None,
    translator: Translator | None = None,
) -> Alignment:
    """Align version ``tgt`` to reference ``src`` (1-1, 1-2, 2-1, ..., 1-0, 0-1 beads).

    With a ``translator``, the version's sentences are also translated into the reference's
    language and the embedding similarity takes the translation into account
    (:func:`pivot_vectors`); the translations come back in ``Alignment.tgt_mt``.
    """
    config = config or AlignConfig()
    shapes = bead_shapes(config.max_bead)
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        beads = [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        return Alignment(src, tgt, tuple(beads), 0.0, False)
    src_anchor, tgt_anchor = anchor_masks(
        [anchor_tokens(s) for s in src.sentences], [anchor_tokens(s) for s in tgt.sentences]
    )
    src_side = side_features(
        embed_runs(embedder, src.sentences, max(a for a, _ in shapes)),
        src.sentences,
        src_anchor,
        src.paragraphs,
    )
    tgt_vecs = embed_runs(embedder, tgt.sentences, max(b for _, b in shapes))
    tgt_mt = None
    if translator is not None:
        tgt_mt = tuple(translator.translate(list(tgt.sentences), tgt.lang, src.lang))
        tgt_vecs = pivot_vectors(tgt_vecs, embed_runs(embedder, tgt_mt, max(tgt_vecs)))
    tgt_side = side_features(
        tgt_vecs,
        tgt.sentences,
        tgt_anchor,
        tgt.paragraphs,
    )
    band = search_band(src_side, tgt_side, config)
    costs = pair_costs(shapes, src_side, tgt_side, band, config.costs)
    path = align_path(costs.rows, n, m, band)

    def pair_cost(i: int, j: int) -> float:
        return float(costs.semantic(1, 1, np.intp(i), np.intp(j)))

    path = absorb_nulls(path, pair_cost, config.absorb_threshold, shapes)
    beads = []
    for src_ids, tgt_ids in path:
        score = 0.0
        if src_ids and tgt_ids:
            semantic = costs.semantic(
                len(src_ids), len(tgt_ids), np.intp(src_ids[0]), np.intp(tgt_ids[0])
            )
            score = bead_confidence(float(semantic))
        beads.append(Bead(src_ids, tgt_ids, round(score, 4)))
    covered = sum(len(b.src_ids) for b in beads if b.src_ids and b.tgt_ids)
    confident = sum(len(b.src_ids) for b in beads if b.tgt_ids and b.score >= CONFIDENT_BEAD)
    return Alignment(
        src, tgt, tuple(beads), covered / n, confident / n >= NOT_TRANSLATION_BELOW, tgt_mt
    )
