"""Scoring aligned beads: fidelity and flags for every row of a document pair."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

import numpy as np

from align.embedders import Embedder
from align.langid import detect_language

from .facts import compare_entities, compare_facts, extract_entities, extract_facts
from .fidelity import (
    FidelityConfig,
    bead_fidelity,
    blend_baseline,
    length_score,
    semantic_score,
)
from .tsv import Row

_SNIPPET = 60


def snippet(text: str, limit: int = _SNIPPET) -> str:
    """Short form of a sentence for a flag; the full text is in the row's text column."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def null_bead_flags(row: Row) -> list[str]:
    """``omission``/``addition`` of the sentence and of every fact in it."""
    kind, text, lang = (
        ("omission", row.src_text, row.src_lang)
        if row.src_ids
        else ("addition", row.tgt_text, row.tgt_lang)
    )
    flags = [f"{kind}:sentence:{snippet(text).replace('|', '/')}"]
    facts = extract_facts(text, lang) + [
        e for e in extract_entities(text, lang) if e.qualifier != "weak"
    ]
    flags += [
        f"{kind}:{f.category}:{f.text.replace('|', '/')}"
        for f in sorted(facts, key=lambda f: f.start)
    ]
    return flags


def pair_baseline(
    src_vecs: np.ndarray, tgt_vecs: np.ndarray, config: FidelityConfig, seed: int = 0
) -> tuple[float, float]:
    """Mean and spread of the cosine between non-matching beads of the same pair."""
    n = len(src_vecs)
    if n < 2:
        return config.prior_mean, config.prior_sd
    rng = np.random.default_rng(seed)
    k = min(16, n - 1)
    rows = np.repeat(np.arange(n), k)
    cols = (rows + rng.integers(1, n, size=len(rows))) % n
    sims = np.einsum("ij,ij->i", src_vecs[rows], tgt_vecs[cols])
    return blend_baseline(float(sims.mean()), float(sims.std()), n, config)


def score_pair(rows: Sequence[Row], embedder: Embedder, config: FidelityConfig) -> list[Row]:
    """Fidelity and flags for the rows of one document pair (in order)."""
    matched = [r for r in rows if r.src_ids and r.tgt_ids]
    if matched:
        src_vecs = embedder.embed([r.src_text for r in matched])
        tgt_vecs = embedder.embed([r.tgt_text for r in matched])
        cosines = np.einsum("ij,ij->i", src_vecs, tgt_vecs)
        mean, sd = pair_baseline(src_vecs, tgt_vecs, config)
        src_chars = sum(len(r.src_text) for r in matched)
        ratio = sum(len(r.tgt_text) for r in matched) / max(src_chars, 1)
    pair_langs_differ = bool(rows) and rows[0].src_lang != rows[0].tgt_lang

    def similarity(texts: Sequence[str], others: Sequence[str]) -> list[float]:
        a, b = embedder.embed(list(texts)), embedder.embed(list(others))
        return [float(x) for x in np.einsum("ij,ij->i", a, b)]

    out: list[Row] = []
    k = 0
    for row in rows:
        if not (row.src_ids and row.tgt_ids):
            out.append(row.scored(0.0, null_bead_flags(row)))
            continue
        cosine = float(cosines[k])
        k += 1
        facts = compare_facts(
            extract_facts(row.src_text, row.src_lang),
            extract_facts(row.tgt_text, row.tgt_lang),
            row.src_lang,
            row.tgt_lang,
        )
        facts += compare_entities(
            extract_entities(row.src_text, row.src_lang),
            extract_entities(row.tgt_text, row.tgt_lang),
            row.src_text,
            row.tgt_text,
            similarity,
            langs=(row.src_lang, row.tgt_lang),
        )
        flags = [f.format() for f in facts]
        untranslated = pair_langs_differ and detect_language(row.tgt_text) == row.src_lang
        if untranslated:
            flags.append(f"untranslated:language:{snippet(row.tgt_text).replace('|', '/')}")
        fidelity = bead_fidelity(
            semantic_score(cosine, mean, sd, config),
            len(facts),
            untranslated,
            length_score(len(row.src_text), len(row.tgt_text), ratio, config),
            config,
        )
        if fidelity < config.low_fidelity and not flags:
            flags.append(f"low_similarity:sentence:{snippet(row.tgt_text).replace('|', '/')}")
        out.append(row.scored(fidelity, flags))
    return out


def score_rows(
    rows: Sequence[Row], embedder: Embedder, config: FidelityConfig | None = None
) -> list[Row]:
    """Score every document pair in ``rows`` (rows of one pair must be contiguous)."""
    config = config or FidelityConfig()
    out: list[Row] = []
    for _, group in groupby(rows, key=lambda r: r.pair):
        out.extend(score_pair(list(group), embedder, config))
    return out
