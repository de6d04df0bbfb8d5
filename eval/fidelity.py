"""Per-bead fidelity in [0, 1]: the formula, as pure functions.

    fidelity = semantic * facts * language * length * mt        (0 for null beads)

* ``semantic``: how far the bead's cross-lingual similarity stands above the pair's own
  non-matching sentences, in standard deviations ``z``, as ``1 - exp(-z/2)`` (z = 2:
  0.63, z = 4: 0.86, z = 6: 0.95). Normalizing against the pair itself, and
  calibrating ``z`` for the languages the model reads less well
  (:func:`pair_calibration`), makes the same number mean the same thing for en-fr and
  en-ja, whose raw similarities differ. The similarity (:func:`similarity`) is

      cosine + 0.5 * term recall + 0.3 * term precision
             + 2 * token recall + 1 * token precision

  The embedding cosine; how much of the reference side's latent terms the version side
  has (term recall) and of the version's the reference has (term precision); and, word by
  word, how close each reference token comes to some token of the version (token recall)
  and each version token to some reference token (token precision), BERTScore's greedy
  matching over the model's contextual token vectors (:func:`token_overlap`). A word
  left out or added barely moves the single sentence vector; the terms and the tokens
  do. Short texts light up few terms and share fewer of them: below 200 terms, the
  term part leans towards the pair's usual one in proportion (:func:`term_certainty`).
* ``facts``: ``fact_penalty ** n`` for ``n`` dropped, added or changed facts.
* ``language``: ``untranslated_factor`` when the version's text is in the reference's
  language although the version as a whole is in another one; when only some words were
  left untranslated (copied from the source and read as its language), a penalty in
  proportion to their share of the letters.
* ``length``: 1 while the bead's length ratio is within ``length_tolerance`` of the
  pair's overall ratio, falling to ``1 - length_weight`` at twice or half that.
* ``mt``: with an MT pivot only (1 otherwise), ``min(1, chrF / top) ** mt_weight``: the
  bead's sentence chrF between the machine translation of its version side and its
  reference side, against ``top``, the ``mt_quantile`` quantile of that chrF over the
  beads of every version in the same language (pooled, so that versions compare, like
  the semantic baseline). chrF weighs recall, so a translation that left out a word or a
  clause comes back with less of the reference in it, which catches removals the
  embedding misses.

Reading it: 0.8 and above, faithful; 0.6 to 0.8, faithful in substance with looser
wording or a flagged difference; 0.5 and below, something a reviewer should read (a
dropped or changed fact, missing content, or not the same sentence). Between sentences
of one article the baseline is higher than between unrelated ones, so a faithful news
translation sits at 0.8-0.9 and a faithful translation of unrelated sentences (DEMETR)
near 0.98.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.tokens import mutual_closest

LANGUAGE_GAPS: tuple[tuple[str, float, float], ...] = (
    ("cs", 2.252, 3.400),
    ("de", 2.266, 3.583),
    ("es", 2.273, 3.633),
    ("fr", 2.315, 3.659),
    ("hi", 2.389, 3.418),
    ("it", 2.209, 3.568),
    ("ja", 2.151, 2.972),
    ("ko", 2.160, 3.006),
    ("pl", 2.201, 3.449),
    ("ru", 2.278, 3.422),
    ("zh", 2.123, 3.055),
)
"""Per language: the mean similarity (see :func:`similarity`) of non-matching and of
matching sentences between it and English, both directions averaged, from human
translations of news sentences (DEMETR's items 0-24 per language; Korean, which DEMETR
lacks, the developers' translation of the German file's English; printed by
``bench/languages.py``)."""


@dataclass(frozen=True)
class Calibration:
    """How one language pair's similarities differ from the typical pair's: ``shift`` is
    added to the prior mean of non-matching beads, ``factor`` multiplies ``z``."""

    shift: float = 0.0
    factor: float = 1.0


@dataclass(frozen=True)
class FidelityConfig:
    """Constants of the fidelity formula (see the module docstring)."""

    z_scale: float = 2.0
    term_recall_weight: float = 0.5
    term_precision_weight: float = 0.3
    token_recall_weight: float = 2.0
    token_precision_weight: float = 1.0
    term_count_full: int = 200
    fact_penalty: float = 0.7
    untranslated_factor: float = 0.3
    length_tolerance: float = 1.4
    length_weight: float = 0.3
    low_fidelity: float = 0.5
    content_check: float = 0.8
    content_margin: float = 1.0
    prior_mean: float = 2.7
    prior_sd: float = 0.25
    prior_weight: float = 20.0
    mt_weight: float = 0.1
    mt_quantile: float = 0.9
    language_gaps: tuple[tuple[str, float, float], ...] = LANGUAGE_GAPS
    # a name a version renders the same way in this many beads is its name for it (see
    # eval.facts.compare.renderings)
    rendered_name_beads: int = 3


def pair_calibration(src_lang: str, tgt_lang: str, config: FidelityConfig) -> Calibration:
    """The :class:`Calibration` of a language pair from ``config.language_gaps``.

    The model reads some languages less well: a faithful Japanese translation of an English
    sentence stands 0.82 above non-matching sentences where a French one stands 1.34, so
    without this a faithful Japanese version scores like a loose French one. A language
    whose gap is below the table's median gets ``z`` scaled up to the median's (never
    down: the languages the formula's constants were set on keep them), and its prior
    shifted by how far its non-matching similarity is from the median. A pair of two
    non-English languages takes the sum of the shifts and the larger factor; a language
    not in the table, or a pair of one language, is left as it is."""
    table = {lang: (non, match) for lang, non, match in config.language_gaps}
    if not table or src_lang == tgt_lang:
        return Calibration()
    typical_non = float(np.median([non for non, _ in table.values()]))
    typical_gap = float(np.median([match - non for non, match in table.values()]))
    shift, factor = 0.0, 1.0
    for lang in (src_lang, tgt_lang):
        if lang in table:
            non, match = table[lang]
            shift += non - typical_non
            factor = max(factor, typical_gap / (match - non))
    return Calibration(shift, factor)


def term_overlap(
    source: tuple[np.ndarray, np.ndarray], target: tuple[np.ndarray, np.ndarray]
) -> tuple[float, float]:
    """(recall, precision) of two texts' latent terms (ids ascending, weights): the weight
    both share (the smaller of the two, term by term) as a share of the source's total and
    of the target's. (0, 0) when either has none."""
    (src_ids, src_weights), (tgt_ids, tgt_weights) = source, target
    total_src, total_tgt = float(src_weights.sum()), float(tgt_weights.sum())
    if total_src <= 0 or total_tgt <= 0:
        return 0.0, 0.0
    _, in_src, in_tgt = np.intersect1d(src_ids, tgt_ids, assume_unique=True, return_indices=True)
    shared = float(np.minimum(src_weights[in_src], tgt_weights[in_tgt]).sum())
    return shared / total_src, shared / total_tgt


def token_overlap(source: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """(recall, precision) of two texts' token vectors (unit rows, see
    :meth:`~align.embedders.Embedder.tokens`), BERTScore's greedy matching: the mean over
    the source's tokens of the cosine to the closest target token, and the same from the
    target's side. (0, 0) when either has none."""
    if len(source) == 0 or len(target) == 0:
        return 0.0, 0.0
    cosines = source @ target.T
    return float(cosines.max(axis=1).mean()), float(cosines.max(axis=0).mean())


def token_overlaps(source: np.ndarray, targets: Sequence[np.ndarray]) -> list[tuple[float, float]]:
    """:func:`token_overlap` of one source against each of ``targets``, from one matrix
    product."""
    out = [(0.0, 0.0)] * len(targets)
    kept = [k for k, t in enumerate(targets) if len(t)]
    if len(source) == 0 or not kept:
        return out
    lengths = np.array([len(targets[k]) for k in kept])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    cosines = source @ np.concatenate([targets[k] for k in kept]).T
    recalls = np.maximum.reduceat(cosines, starts, axis=1).mean(axis=0)
    precisions = np.add.reduceat(cosines.max(axis=0), starts) / lengths
    for k, recall, precision in zip(kept, recalls, precisions, strict=True):
        out[k] = (float(recall), float(precision))
    return out


def term_overlaps(
    source: tuple[np.ndarray, np.ndarray], targets: Sequence[tuple[np.ndarray, np.ndarray]]
) -> list[tuple[float, float]]:
    """:func:`term_overlap` of one source against each of ``targets``."""
    src_ids, src_weights = source
    total_src = float(src_weights.sum())
    out = [(0.0, 0.0)] * len(targets)
    totals = [float(weights.sum()) for _, weights in targets]
    kept = [k for k, total in enumerate(totals) if total > 0]
    if total_src <= 0 or not kept:
        return out
    dense = np.zeros(int(max(src_ids.max(), *(targets[k][0].max() for k in kept))) + 1, np.float32)
    dense[src_ids] = src_weights
    lengths = np.array([len(targets[k][0]) for k in kept])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    ids = np.concatenate([targets[k][0] for k in kept])
    weights = np.concatenate([targets[k][1] for k in kept])
    shared = np.add.reduceat(np.minimum(dense[ids], weights), starts)
    for k, common in zip(kept, shared, strict=True):
        out[k] = (float(common) / total_src, float(common) / totals[k])
    return out


def aligned_tokens(
    source: np.ndarray, target: np.ndarray, floor: float
) -> tuple[np.ndarray, np.ndarray]:
    """For each of the source's tokens (unit rows): the target token it and that token
    are each other's closest to (SimAlign's *argmax* alignment, Jalili Sabet et al.
    2020, here on e5's middle layer), or -1; and whether it has a counterpart at all,
    that one or a target token at a cosine of at least ``floor``. A word a translation
    left out has neither; a word it rendered, in any script, nearly always has one."""
    if len(source) == 0 or len(target) == 0:
        return np.full(len(source), -1, dtype=np.int64), np.zeros(len(source), dtype=bool)
    cosines = source @ target.T
    partners = mutual_closest(cosines)
    return partners, (partners >= 0) | (cosines.max(axis=1) >= floor)


def term_part(recall: float, precision: float, config: FidelityConfig) -> float:
    """The latent terms' share of a bead's similarity: weighted recall and precision."""
    return config.term_recall_weight * recall + config.term_precision_weight * precision


def term_certainty(source_terms: int, target_terms: int, config: FidelityConfig) -> float:
    """How far two texts' term overlap can be trusted, from the number of latent terms of
    the smaller one: 1 from ``term_count_full`` on, in proportion below. A heading lights
    up a few dozen terms and shares fewer of them with its translation than a sentence does
    ("Key takeaways:" ~ "Points clés :" 0.21, a sentence and its translation 0.4-0.5)."""
    return min(1.0, min(source_terms, target_terms) / config.term_count_full)


def similarity(
    cosine: float,
    recall: float,
    precision: float,
    config: FidelityConfig,
    certainty: float = 1.0,
    typical: float = 0.0,
    tokens: tuple[float, float] = (0.0, 0.0),
) -> float:
    """The bead similarity the ``semantic`` factor measures: cosine plus weighted term
    recall and precision plus weighted token recall and precision (``tokens``, see
    :func:`token_overlap`; the module docstring has the formula). Below full
    ``certainty`` (see :func:`term_certainty`) the term part leans towards ``typical``,
    the pair's usual one."""
    token_recall, token_precision = tokens
    return (
        cosine
        + certainty * term_part(recall, precision, config)
        + (1 - certainty) * typical
        + config.token_recall_weight * token_recall
        + config.token_precision_weight * token_precision
    )


def semantic_score(
    value: float, mean: float, sd: float, config: FidelityConfig, factor: float = 1.0
) -> float:
    """Similarity (see :func:`similarity`) mapped to [0, 1) against the pair's non-matching
    baseline (mean, sd): ``1 - exp(-z / z_scale)`` for ``z`` standard deviations above it,
    times the language pair's ``factor`` (see :func:`pair_calibration`). It never
    saturates, so a closer translation always scores higher."""
    z = factor * (value - mean) / max(sd, 1e-6)
    return 1.0 - math.exp(-max(z, 0.0) / config.z_scale)


def length_score(src_len: int, tgt_len: int, pair_ratio: float, config: FidelityConfig) -> float:
    """1 within ``length_tolerance`` of the pair's own length ratio, falling linearly in log
    ratio to ``1 - length_weight`` at a factor of 2 off. Within the tolerance, sentences
    differ in length for no reason a reader would care about, so length says nothing."""
    if src_len == 0 or tgt_len == 0:
        return 0.0
    off = abs(math.log((tgt_len / src_len) / max(pair_ratio, 1e-6)))
    tolerance = math.log(config.length_tolerance)
    return 1.0 - config.length_weight * min(
        1.0, max(0.0, off - tolerance) / (math.log(2.0) - tolerance)
    )


def mt_score(chrf: float, top: float, config: FidelityConfig) -> float:
    """The ``mt`` factor: the bead's MT chrF against ``top`` (see the module docstring),
    capped at 1, to the power ``mt_weight``: 0.93 at half of ``top`` (0.5 ** 0.1)."""
    if top <= 0:
        return 1.0
    return min(1.0, max(chrf, 1.0) / top) ** config.mt_weight


def blend_baseline(
    sample_mean: np.ndarray,
    sample_sd: np.ndarray,
    n: int,
    config: FidelityConfig,
    shift: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Shrink the pair's baseline towards the model's prior (its mean moved by the language
    pair's ``shift``, see :func:`pair_calibration`) when the pair has few beads."""
    w = n / (n + config.prior_weight)
    mean = w * sample_mean + (1 - w) * (config.prior_mean + shift)
    sd = w * sample_sd + (1 - w) * config.prior_sd
    return mean, np.maximum(sd, 0.01)


def language_score(untranslated_share: float, config: FidelityConfig) -> float:
    """``untranslated_factor`` for text entirely left in the source language; a few words left
    untranslated (share of the letters) cost in proportion, three times over."""
    return 1.0 - (1.0 - config.untranslated_factor) * min(1.0, 5.0 * untranslated_share)


def bead_fidelity(
    semantic: float,
    n_fact_flags: int,
    untranslated_share: float,
    length: float,
    config: FidelityConfig,
    mt: float = 1.0,
) -> float:
    """Combine the factors of the formula (``mt`` from :func:`mt_score`, 1 without MT)."""
    value = (
        semantic
        * (config.fact_penalty**n_fact_flags)
        * length
        * language_score(untranslated_share, config)
        * mt
    )
    return round(min(1.0, max(0.0, value)), 4)
