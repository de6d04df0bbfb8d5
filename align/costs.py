"""Costs of candidate beads: normalized embedding similarity, length, lexical anchors, paragraphs.

Everything here is a pure function of numpy arrays and lists of strings. The semantic
cost follows Vecalign: ``1 - cos(x, y)`` divided by the same quantity for random,
non-matching sentences of the same document pair, so that about 1.0 means "no better
than chance" whatever the language pair, and a good translation lands near 0.3-0.6.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from .dp import Shape

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(frozen=True)
class CostConfig:
    """Weights of the bead cost. Defaults were tuned on the Text+Berg dev document only.

    ``null_cost``: cost of leaving one sentence unaligned (a 1-1 bead is preferred over two
    null beads when its normalized semantic cost is below this). ``length_weight``:
    weight of the Gale-Church length term. ``anchor_weight``: bonus for shared numbers,
    names and URLs. ``paragraph_penalty``: cost of a bead that merges sentences across a
    paragraph boundary. ``merge_penalty``: extra cost per sentence a bead merges beyond 1-1.
    ``random_pairs``: how many random non-matching sentences estimate the baseline.
    ``size_exponent``: a bead's semantic cost is multiplied by ``(a * b) ** size_exponent``
    (1 is Vecalign's choice; 0 leaves merges to ``merge_penalty``, as Gale-Church's priors do).
    ``semantic_weight``: scale of the semantic cost against the other terms.
    ``max_semantic_cost``: sentences no closer than this are never paired (chance is about
    1.0): a version's extra sentence becomes an addition, not a forced pairing.
    """

    null_cost: float = 0.8
    length_weight: float = 0.1
    anchor_weight: float = 0.3
    paragraph_penalty: float = 0.3
    merge_penalty: float = 0.3
    random_pairs: int = 64
    size_exponent: float = 0.5
    semantic_weight: float = 1.0
    max_semantic_cost: float = 0.85


def overlap_texts(sentences: Sequence[str], k: int) -> list[str]:
    """Texts of every run of ``k`` consecutive sentences, joined by a space."""
    return [" ".join(sentences[p : p + k]) for p in range(len(sentences) - k + 1)]


def random_baseline(vectors: np.ndarray, others: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Mean cosine of each row of ``vectors`` with up to ``n`` random rows of ``others``."""
    if len(others) == 0:
        return np.zeros(len(vectors), dtype=np.float32)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(others), size=min(n, len(others)), replace=False)
    return (vectors @ others[pick].T).mean(axis=1)


def semantic_cost(
    src_vecs: np.ndarray, tgt_vecs: np.ndarray, src_base: np.ndarray, tgt_base: np.ndarray
) -> np.ndarray:
    """Normalized cost ``(1 - cos) / mean(1 - baseline)`` for every (source, target) row pair."""
    sims = src_vecs @ tgt_vecs.T
    scale = 0.5 * ((1.0 - src_base)[:, None] + (1.0 - tgt_base)[None, :])
    return (1.0 - sims) / np.maximum(scale, 1e-3)


def gale_church_cost(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float) -> np.ndarray:
    """-log P(|delta|) of Gale and Church (1993), with the pair's own character ratio ``ratio``."""
    s2 = 6.8
    l1 = src_len[:, None].astype(float)
    l2 = tgt_len[None, :].astype(float) / max(ratio, 1e-6)
    mean = np.maximum((l1 + l2) / 2.0, 1.0)
    delta = np.abs(l2 - l1) / np.sqrt(mean * s2)
    tail = np.vectorize(math.erfc)(delta / math.sqrt(2.0))
    return np.minimum(-np.log(tail + 1e-12), 25.0)


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


def anchor_matrix(
    src_sets: Sequence[set[str]], tgt_sets: Sequence[set[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """Binary indicator rows over the anchors the two documents share."""
    shared = sorted(set().union(*src_sets, set()) & set().union(*tgt_sets, set()))
    index = {tok: n for n, tok in enumerate(shared)}
    src = np.zeros((len(src_sets), len(shared)), dtype=np.float32)
    tgt = np.zeros((len(tgt_sets), len(shared)), dtype=np.float32)
    for row, tokens in enumerate(src_sets):
        for tok in tokens & index.keys():
            src[row, index[tok]] = 1.0
    for row, tokens in enumerate(tgt_sets):
        for tok in tokens & index.keys():
            tgt[row, index[tok]] = 1.0
    return src, tgt


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


def bead_costs(
    shapes: Sequence[Shape],
    src_vecs: dict[int, np.ndarray],
    tgt_vecs: dict[int, np.ndarray],
    src_sentences: Sequence[str],
    tgt_sentences: Sequence[str],
    src_paragraphs: Sequence[int],
    tgt_paragraphs: Sequence[int],
    config: CostConfig,
) -> tuple[dict[Shape, np.ndarray], dict[Shape, np.ndarray]]:
    """Cost arrays for :func:`align.dp.align_path`, and the semantic cost of each bead.

    ``src_vecs[k]`` holds the embeddings of every run of ``k`` source sentences (see
    :func:`overlap_texts`), likewise ``tgt_vecs``. Returns ``(costs, semantic)``, both
    keyed by shape, each an ``(n_src + 1, n_tgt + 1)`` array indexed by bead end.
    """
    n, m = len(src_sentences), len(tgt_sentences)
    src_len = np.array([max(len(s), 1) for s in src_sentences], dtype=float)
    tgt_len = np.array([max(len(s), 1) for s in tgt_sentences], dtype=float)
    ratio = float(tgt_len.sum() / src_len.sum()) if n and m else 1.0
    src_anchor, tgt_anchor = anchor_matrix(
        [anchor_tokens(s) for s in src_sentences], [anchor_tokens(s) for s in tgt_sentences]
    )
    src_base = {
        k: random_baseline(v, tgt_vecs[1], config.random_pairs, k) for k, v in src_vecs.items()
    }
    tgt_base = {
        k: random_baseline(v, src_vecs[1], config.random_pairs, k) for k, v in tgt_vecs.items()
    }

    costs: dict[Shape, np.ndarray] = {}
    semantic: dict[Shape, np.ndarray] = {}
    for a, b in shapes:
        full = np.full((n + 1, m + 1), np.inf)
        sem = np.full((n + 1, m + 1), np.nan)
        if a == 0 or b == 0:
            full[:, :] = config.null_cost
            costs[(a, b)] = full
            semantic[(a, b)] = sem
            continue
        if a > n or b > m:
            costs[(a, b)] = full
            semantic[(a, b)] = sem
            continue
        c = semantic_cost(src_vecs[a], tgt_vecs[b], src_base[a], tgt_base[b])
        length = gale_church_cost(run_sums(src_len, a), run_sums(tgt_len, b), ratio)
        sa = np.minimum(run_sums(src_anchor, a), 1.0) if src_anchor.shape[1] else None
        ta = np.minimum(run_sums(tgt_anchor, b), 1.0) if tgt_anchor.shape[1] else None
        size = (a * b) ** config.size_exponent
        cost = config.semantic_weight * size * c + config.length_weight * length
        if sa is not None and ta is not None:
            inter = sa @ ta.T
            norm = np.sqrt(np.outer(sa.sum(1), ta.sum(1)))
            cost -= config.anchor_weight * np.divide(
                inter, norm, out=np.zeros_like(inter), where=norm > 0
            )
        cross = (
            crosses_paragraph(src_paragraphs, a)[:, None]
            | crosses_paragraph(tgt_paragraphs, b)[None, :]
        )
        cost += config.paragraph_penalty * cross
        cost += config.merge_penalty * (a + b - 2)
        cost[c > config.max_semantic_cost] = np.inf
        full[a:, b:] = cost
        sem[a:, b:] = c
        costs[(a, b)] = full
        semantic[(a, b)] = sem
    return costs, semantic
