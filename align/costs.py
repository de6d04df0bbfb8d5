"""Costs of candidate beads: normalized embedding similarity, length, lexical anchors, paragraphs.

Everything here is a pure function of numpy arrays and lists of strings. The semantic
cost follows Vecalign: ``1 - cos(x, y)`` divided by the same quantity for random,
non-matching sentences of the same document pair, so that about 1.0 means "no better
than chance" whatever the language pair, and a good translation lands near 0.3-0.6.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from .dp import Band, Shape

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(frozen=True)
class CostConfig:
    """Weights of the bead cost (defaults chosen on Text+Berg's dev document; see
    docs/benchmarks.md).

    ``null_cost``: cost of leaving one sentence unaligned (a 1-1 bead is preferred over two
    null beads when its normalized semantic cost is below this). ``length_weight``:
    weight of the Gale-Church length term. ``anchor_weight``: bonus for shared numbers,
    names and URLs. ``paragraph_penalty``: cost of a bead that merges sentences across a
    paragraph boundary. ``merge_penalty``: extra cost per sentence a bead merges beyond 1-1.
    ``random_pairs``: how many random non-matching sentences estimate the baseline (enough
    that sampling noise does not move the beads; a fixed number keeps the cost linear);
    ``least_random_pairs``: below this many, the model's chance cosine fills the mean (see
    :func:`random_baseline`).
    ``size_exponent``: a bead's semantic cost is multiplied by ``(a * b) ** size_exponent``
    (1 is Vecalign's choice; 0 leaves merges to ``merge_penalty``, as Gale-Church's priors do).
    ``semantic_weight``: scale of the semantic cost against the other terms.
    ``max_semantic_cost``: sentences no closer than this are never paired (chance is about
    1.0): a version's extra sentence becomes an addition, not a forced pairing.
    ``long_sentence``: characters the embedding models read of a sentence. A longer one
    is left out of the pair's length ratio and of the random baselines, so that one
    overlong sentence (a table or a list pasted as one line) does not shift the length
    cost and the semantic scale of every other bead.
    """

    null_cost: float = 0.8
    length_weight: float = 0.1
    anchor_weight: float = 0.3
    paragraph_penalty: float = 0.3
    merge_penalty: float = 0.3
    random_pairs: int = 256
    least_random_pairs: int = 8
    size_exponent: float = 0.5
    semantic_weight: float = 1.0
    max_semantic_cost: float = 0.85
    long_sentence: float = 4000.0


def overlap_texts(sentences: Sequence[str], k: int) -> list[str]:
    """Texts of every run of ``k`` consecutive sentences, joined by a space."""
    return [" ".join(sentences[p : p + k]) for p in range(len(sentences) - k + 1)]


def random_baseline(
    vectors: np.ndarray,
    others: np.ndarray,
    n: int,
    seed: int = 0,
    prior: float | None = None,
    least: int = CostConfig.least_random_pairs,
) -> np.ndarray:
    """Mean cosine of each row of ``vectors`` with up to ``n`` random rows of ``others``.
    When that takes every row of a short side, a row's translation is among them: its
    closest one is left out of its mean. Fewer than ``least`` cosines say little about
    chance (one sentence against one has none left): a ``prior``, the model's mean cosine
    of unrelated sentences, fills the mean up to ``least``."""
    if len(others) == 0:
        return np.full(len(vectors), prior or 0.0, dtype=np.float32)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(others), size=min(n, len(others)), replace=False)
    cosines = vectors @ others[pick].T
    if len(others) > n:
        return cosines.mean(axis=1)
    total, count = cosines.sum(axis=1) - cosines.max(axis=1), len(pick) - 1
    if prior is not None and count < least:
        total, count = total + (least - count) * prior, least
    if count == 0:
        return cosines.mean(axis=1)
    return total / count


def length_ratio(src_lengths: np.ndarray, tgt_lengths: np.ndarray, longest: float) -> float:
    """Characters of the version per character of the reference, over the sentences of
    at most ``longest`` characters (all of a side when it has no such sentence); 1.0 when
    a side is empty."""
    if not (len(src_lengths) and len(tgt_lengths)):
        return 1.0

    def read(lengths: np.ndarray) -> float:
        kept = lengths[lengths <= longest]
        return float(kept.sum() if len(kept) else lengths.sum())

    return read(tgt_lengths) / read(src_lengths)


def gale_church_cost(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float) -> np.ndarray:
    """-log P(|delta|) of Gale and Church (1993), with the pair's own character ratio ``ratio``.

    Arrays broadcast: pass ``src[:, None]`` and ``tgt[None, :]`` for a matrix.
    """
    s2 = 6.8
    l1 = np.asarray(src_len, dtype=float)
    l2 = np.asarray(tgt_len, dtype=float) / max(ratio, 1e-6)
    mean = np.maximum((l1 + l2) / 2.0, 1.0)
    delta = np.abs(l2 - l1) / np.sqrt(mean * s2)
    return np.minimum(-np.log(erfc(delta / math.sqrt(2.0)) + 1e-12), 25.0)


def erfc(x: np.ndarray) -> np.ndarray:
    """Complementary error function for x >= 0, vectorized (Abramowitz and Stegun 7.1.26,
    absolute error below 1.5e-7)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return poly * np.exp(-x * x)


def anchor_tokens(sentence: str) -> set[str]:
    """Tokens that survive translation: numbers, URLs, and capitalized non-initial words."""
    tokens = {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(sentence)}
    tokens |= {m.group().lower() for m in _URL.finditer(sentence)}
    words = _WORD.findall(sentence)
    for word in words[1:]:
        if len(word) >= 2 and any(ch.isupper() for ch in word) and not word.isdigit():
            tokens.add(anyascii(word).lower())
    tokens.discard("")
    return tokens


def anchor_masks(
    src_sets: Sequence[set[str]], tgt_sets: Sequence[set[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """64-bit masks of the anchors each sentence shares with the other document.

    Only anchors present on both sides count; each is hashed to one of 64 bits, so the
    overlap of two sentences is a popcount (few anchors per sentence: collisions are rare).
    """
    shared = set().union(*src_sets, set()) & set().union(*tgt_sets, set())
    bit = {tok: np.uint64(1) << np.uint64(zlib.crc32(tok.encode()) % 64) for tok in shared}

    def masks(sets: Sequence[set[str]]) -> np.ndarray:
        out = np.zeros(len(sets), dtype=np.uint64)
        for row, tokens in enumerate(sets):
            for tok in tokens & bit.keys():
                out[row] |= bit[tok]
        return out

    return masks(src_sets), masks(tgt_sets)


def run_masks(masks: np.ndarray, k: int) -> np.ndarray:
    """Bitwise OR over every run of ``k`` consecutive masks."""
    if len(masks) < k:
        return np.zeros(0, dtype=np.uint64)
    out = masks[: len(masks) - k + 1].copy()
    for offset in range(1, k):
        out |= masks[offset : len(masks) - k + 1 + offset]
    return out


def run_sums(values: np.ndarray, k: int) -> np.ndarray:
    """Sums over every run of ``k`` consecutive rows (or elements)."""
    csum = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    return csum[k:] - csum[:-k]


def crosses_paragraph(paragraphs: Sequence[int], k: int) -> np.ndarray:
    """For every run of ``k`` sentences: does it span a paragraph boundary?"""
    para = np.asarray(paragraphs)
    if len(para) < k:
        return np.zeros(0, dtype=bool)
    return para[k - 1 :] != para[: len(para) - k + 1]


@dataclass(frozen=True)
class SideFeatures:
    """What the cost needs from one document: run embeddings and per-sentence features.

    ``vecs[k]``: unit vectors of every run of ``k`` sentences (row ``p`` = sentences
    ``p .. p+k-1``); ``lengths``: characters per sentence; ``anchors``: anchor masks
    (see :func:`anchor_masks`); ``paragraphs``: paragraph index per sentence.
    """

    vecs: dict[int, np.ndarray]
    lengths: np.ndarray
    anchors: np.ndarray
    paragraphs: np.ndarray


def side_features(
    vecs: dict[int, np.ndarray],
    sentences: Sequence[str],
    anchors: np.ndarray,
    paragraphs: Sequence[int],
) -> SideFeatures:
    lengths = np.array([max(len(s), 1) for s in sentences], dtype=float)
    return SideFeatures(vecs, lengths, anchors, np.asarray(paragraphs))


@dataclass(frozen=True)
class RunFeatures:
    """Per run of ``k`` consecutive sentences: total characters, OR of anchor masks, and
    whether it spans a paragraph boundary."""

    lengths: np.ndarray
    anchors: np.ndarray
    crosses: np.ndarray

    @classmethod
    def of(cls, side: SideFeatures, k: int) -> RunFeatures:
        return cls(
            run_sums(side.lengths, k) if len(side.lengths) >= k else np.zeros(0),
            run_masks(side.anchors, k),
            crosses_paragraph(side.paragraphs, k),
        )


@dataclass(frozen=True)
class PairCosts:
    """Bead costs of one document pair over a band, computed a block of rows at a time.

    The search asks for the rows it is at (:meth:`rows`), so memory holds one block, never
    the band's full cost arrays; :meth:`semantic` scores single beads afterwards. Build it
    with :func:`pair_costs`.
    """

    shapes: tuple[Shape, ...]
    src: SideFeatures
    tgt: SideFeatures
    band: Band
    config: CostConfig
    ratio: float
    src_base: dict[int, np.ndarray]
    tgt_base: dict[int, np.ndarray]
    src_runs: dict[int, RunFeatures]
    tgt_runs: dict[int, RunFeatures]

    def semantic(self, a: int, b: int, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Normalized semantic cost of source run ``p .. p+a-1`` against target run
        ``q .. q+b-1`` (arrays broadcast): about 1.0 is chance, below 0.6 a sure match."""
        sims = np.einsum("...d,...d->...", self.src.vecs[a][p], self.tgt.vecs[b][q])
        return self._normalized(a, b, sims, p, q)

    def _normalized(
        self, a: int, b: int, sims: np.ndarray, p: np.ndarray, q: np.ndarray
    ) -> np.ndarray:
        """``1 - sims`` over the runs' mean distance to random sentences (see the module)."""
        scale = 0.5 * ((1.0 - self.src_base[a][p]) + (1.0 - self.tgt_base[b][q]))
        return (1.0 - sims) / np.maximum(scale, 1e-3)

    def _semantic_rows(self, a: int, b: int, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """:meth:`semantic` of source runs ``p`` (one per row) against target runs ``q``
        (a row of positions each), as one matrix product over the window of target runs
        the rows reach: a band's rows reach few, and gathering a vector per cell is slow."""
        first, last = int(q.min()), int(q.max())
        window = self.src.vecs[a][p] @ self.tgt.vecs[b][first : last + 1].T
        sims = np.take_along_axis(window, q - first, axis=1)
        return self._normalized(a, b, sims, p[:, None], q)

    def rows(self, start: int, stop: int) -> dict[Shape, np.ndarray]:
        """Costs of beads ending in rows ``start .. stop-1``: per shape a ``(stop - start,
        band.width)`` float32 array, column ``k`` of row ``i`` ending at target ``lo[i] + k``."""
        config, src, tgt, band = self.config, self.src, self.tgt, self.band
        n, m = len(src.lengths), len(tgt.lengths)
        i = np.arange(start, stop)
        positions = band.lo[i, None] + np.arange(band.width)[None, :]
        inside = positions <= band.hi[i, None]
        out: dict[Shape, np.ndarray] = {}
        for a, b in self.shapes:
            cost = np.full(positions.shape, np.inf, dtype=np.float32)
            out[(a, b)] = cost
            if a == 0 or b == 0:
                cost[inside] = config.null_cost
                continue
            if a > n or b > m:
                continue
            p = i - a
            q = positions - b
            ok = inside & (q >= 0) & (q <= m - b) & (p >= 0)[:, None]
            if not ok.any():
                continue
            pc = np.clip(p, 0, n - a)
            qc = np.clip(q, 0, m - b)
            c = self._semantic_rows(a, b, pc, qc)
            total = config.semantic_weight * (a * b) ** config.size_exponent * c
            sr, tr = self.src_runs[a], self.tgt_runs[b]
            total += config.length_weight * gale_church_cost(
                sr.lengths[pc][:, None], tr.lengths[qc], self.ratio
            )
            shared = np.bitwise_count(sr.anchors[pc][:, None] & tr.anchors[qc]).astype(float)
            norm = np.sqrt(
                np.bitwise_count(sr.anchors[pc])[:, None]
                * np.bitwise_count(tr.anchors[qc]).astype(float)
            )
            total -= config.anchor_weight * np.divide(
                shared, norm, out=np.zeros_like(shared), where=norm > 0
            )
            total += config.paragraph_penalty * (sr.crosses[pc][:, None] | tr.crosses[qc])
            total += config.merge_penalty * (a + b - 2)
            total[(c > config.max_semantic_cost) | ~ok] = np.inf
            cost[:] = total
        return out


def pair_costs(
    shapes: Sequence[Shape],
    src: SideFeatures,
    tgt: SideFeatures,
    band: Band,
    config: CostConfig,
    chance: float | None = None,
) -> PairCosts:
    """The :class:`PairCosts` of a pair: its length ratio and random-pair baselines
    (``chance``: the model's mean cosine of unrelated sentences, what a short pair's
    baselines lean on; see :func:`random_baseline`)."""
    ratio = length_ratio(src.lengths, tgt.lengths, config.long_sentence)
    src_read = src.vecs[1][src.lengths <= config.long_sentence]
    tgt_read = tgt.vecs[1][tgt.lengths <= config.long_sentence]
    src_base = {
        k: random_baseline(
            np.asarray(v), tgt_read, config.random_pairs, k, chance, config.least_random_pairs
        )
        for k, v in src.vecs.items()
    }
    tgt_base = {
        k: random_baseline(
            np.asarray(v), src_read, config.random_pairs, k, chance, config.least_random_pairs
        )
        for k, v in tgt.vecs.items()
    }
    src_runs = {a: RunFeatures.of(src, a) for a, _ in shapes if a}
    tgt_runs = {b: RunFeatures.of(tgt, b) for _, b in shapes if b}
    return PairCosts(
        tuple(shapes), src, tgt, band, config, ratio, src_base, tgt_base, src_runs, tgt_runs
    )
