"""Scoring aligned beads: fidelity and flags for every row of a document pair."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

import numpy as np

from align.aligner import CONFIDENT_BEAD
from align.embedders import Embedder, Terms, Unprefixed
from align.embedders.cache import CachedEmbedder
from align.profile import phase, phased
from align.translators import Translator

from .content import AlignedToken, TokenAlignment, unsupported_clauses
from .facts import (
    FactFlag,
    Similarity,
    compare_entities,
    compare_facts,
    extract_entities,
    extract_facts,
    renderings,
    without_renderings,
)
from .fidelity import (
    Calibration,
    FidelityConfig,
    aligned_tokens,
    bead_fidelity,
    blend_baseline,
    length_score,
    mt_score,
    pair_calibration,
    semantic_score,
    similarity,
    term_certainty,
    term_overlap,
    term_overlaps,
    term_part,
    token_overlap,
    token_overlaps,
)
from .summary import verdict
from .tsv import Row
from .untranslated import copied_words, left_untranslated

_SNIPPET = 60


def without_words(text: str, words: Sequence[str]) -> str:
    """``text`` with every occurrence of ``words`` taken out (whole words where they are
    written with spaces)."""
    for word in sorted(words, key=len, reverse=True):
        pattern = rf"(?<!\w){re.escape(word)}(?!\w)" if word.isascii() else re.escape(word)
        text = re.sub(pattern, " ", text)
    return " ".join(text.split())


def snippet(text: str, limit: int = _SNIPPET) -> str:
    """Short form of a sentence for a flag (no ``|``, which separates flags); the full text
    is in the row's text column."""
    text = " ".join(text.replace("|", "/").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def null_bead_flags(row: Row) -> list[str]:
    """``omission``/``addition`` of the sentence and of every fact in it."""
    kind, text, lang = (
        ("omission", row.src_text, row.src_lang)
        if row.src_ids
        else ("addition", row.tgt_text, row.tgt_lang)
    )
    flags = [f"{kind}:sentence:{snippet(text)}"]
    facts = extract_facts(text, lang) + [
        e for e in extract_entities(text, lang) if e.qualifier != "weak"
    ]
    flags += [
        FactFlag(kind, f.category, f.text).format() for f in sorted(facts, key=lambda f: f.start)
    ]
    return list(dict.fromkeys(flags))


@dataclass(frozen=True)
class Sides:
    """Embeddings, latent terms and token vectors of the two sides of a pair's matched
    beads, in order."""

    src_vecs: np.ndarray
    tgt_vecs: np.ndarray
    src_terms: list[Terms]
    tgt_terms: list[Terms]
    src_tokens: list[np.ndarray]
    tgt_tokens: list[np.ndarray]
    typical: float = 0.0  # median term part of the matched beads

    def similarity(self, i: int, j: int, config: FidelityConfig) -> float:
        """Similarity (:func:`~eval.fidelity.similarity`) of source side ``i`` and target side ``j``."""
        return self.similarity_to(
            i, self.tgt_vecs[j], self.tgt_terms[j], self.tgt_tokens[j], config
        )

    def similarities(
        self, firsts: np.ndarray, seconds: np.ndarray, config: FidelityConfig
    ) -> np.ndarray:
        """:meth:`similarity` of many (source ``firsts[k]``, target ``seconds[k]``) pairs:
        each source side is compared with all its targets in one matrix product."""
        out = np.zeros(len(firsts))
        for i in np.unique(firsts):
            at = np.flatnonzero(firsts == i)
            js = seconds[at]
            tokens = token_overlaps(self.src_tokens[i], [self.tgt_tokens[j] for j in js])
            terms = term_overlaps(self.src_terms[i], [self.tgt_terms[j] for j in js])
            cosines = self.tgt_vecs[js] @ self.src_vecs[i]
            n_src = len(self.src_terms[i][0])
            for k, j in enumerate(js):
                out[at[k]] = similarity(
                    float(cosines[k]),
                    *terms[k],
                    config,
                    term_certainty(n_src, len(self.tgt_terms[j][0]), config),
                    self.typical,
                    tokens[k],
                )
        return out

    def similarity_to(
        self,
        i: int,
        vector: np.ndarray,
        terms: Terms,
        tokens: np.ndarray,
        config: FidelityConfig,
    ) -> float:
        """Similarity of source side ``i`` and a target text given by its vector, terms and
        token vectors."""
        source = self.src_terms[i]
        return similarity(
            float(self.src_vecs[i] @ vector),
            *term_overlap(source, terms),
            config,
            term_certainty(len(source[0]), len(terms[0]), config),
            self.typical,
            token_overlap(self.src_tokens[i], tokens),
        )


@dataclass(frozen=True)
class Baseline:
    """Mean and spread of the similarity between non-matching beads, for one reference and one
    version language. Versions in the same language share it, so that their fidelities
    compare: the baseline must not move with how good (or short) one version is."""

    mean: float
    sd: float
    factor: float = 1.0

    @classmethod
    def prior(cls, calibration: Calibration, config: FidelityConfig) -> Baseline:
        """The baseline of a pair with no non-matching beads to measure."""
        return cls(config.prior_mean + calibration.shift, config.prior_sd, calibration.factor)


def language_baselines(
    pairs: Sequence[tuple[str, Sides]],
    config: FidelityConfig,
    calibrations: Mapping[str, Calibration] | None = None,
    sample: int = 3000,
    seed: int = 0,
) -> dict[str, Baseline]:
    """Pooled baselines keyed by the pairs' ``key`` (reference and version language).

    ``pairs`` holds (key, :class:`Sides`) of each pair's matched beads; every (i, j != i)
    combination within a pair counts, or ``sample`` of them drawn at random in long pairs.
    ``calibrations`` gives each key's language pair :func:`~eval.fidelity.pair_calibration`
    (none: no calibration).
    """
    sums: dict[str, list[float]] = {}
    rng = np.random.default_rng(seed)
    for key, sides in pairs:
        n = len(sides.src_vecs)
        if n < 2:
            continue
        if n * (n - 1) <= sample:
            firsts, seconds = np.nonzero(~np.eye(n, dtype=bool))
        else:
            firsts = rng.integers(0, n, sample)
            seconds = (firsts + rng.integers(1, n, sample)) % n
        sims = sides.similarities(firsts, seconds, config)
        acc = sums.setdefault(key, [0.0, 0.0, 0.0, 0.0])
        acc[0] += float(sims.sum())
        acc[1] += float((sims**2).sum())
        acc[2] += len(sims)
        acc[3] = max(acc[3], n)
    out = {}
    for key, (total, total_sq, count, n) in sums.items():
        mean = total / count
        sd = math.sqrt(max(total_sq / count - mean * mean, 0.0))
        calibration = (calibrations or {}).get(key, Calibration())
        blended_mean, blended_sd = blend_baseline(mean, sd, int(n), config, calibration.shift)
        out[key] = Baseline(float(blended_mean), float(blended_sd), calibration.factor)
    return out


def matched_sides(rows: Sequence[Row], embedder: Embedder, config: FidelityConfig) -> Sides:
    """Embeddings, latent terms and token vectors of the source and target text of the
    non-null beads."""
    matched = [r for r in rows if r.src_ids and r.tgt_ids]
    src, tgt = [r.src_text for r in matched], [r.tgt_text for r in matched]
    src_terms, tgt_terms = embedder.terms(src), embedder.terms(tgt)
    parts = [
        term_part(*term_overlap(s, t), config) for s, t in zip(src_terms, tgt_terms, strict=True)
    ]
    typical = float(np.median(parts)) if parts else 0.0
    return Sides(
        embedder.embed(src),
        embedder.embed(tgt),
        src_terms,
        tgt_terms,
        embedder.tokens(src),
        embedder.tokens(tgt),
        typical,
    )


def text_measures(
    embedder: Embedder, config: FidelityConfig, unprefixed: bool = False
) -> tuple[Similarity, Similarity]:
    """Two ways to compare texts pairwise (``texts[i]`` with ``others[i]``): the model's
    cosine, and the bead similarity under ``config`` (cosine, latent terms at full
    weight, token matching; see :func:`~eval.fidelity.similarity`), which the tests that
    take a name or a clause out of a side use; full weight, so that taking a piece out
    does not change how far the terms are trusted. Token vectors are computed only when
    ``config`` weighs them (see :func:`without_tokens`).

    ``unprefixed``: the cosine of the texts read as their terms are (see
    :meth:`~align.embedders.Embedder.embed_unprefixed`), so that a variant costs one
    pass of the model, not two. The clause test compares so; the names' margins were set
    on the ``passage:`` embedding, which they keep."""

    # the tests compare many variants with one unchanged side: each distinct text is
    # embedded once per call, with or without the disk cache
    def distinct(texts: Sequence[str], others: Sequence[str]) -> tuple[list[str], list[int]]:
        unique = list(dict.fromkeys([*texts, *others]))
        where = {text: k for k, text in enumerate(unique)}
        return unique, [where[text] for text in [*texts, *others]]

    def paired_cosines(unique: list[str], rows: list[int], n: int) -> list[float]:
        read = embedder.embed_unprefixed if unprefixed else embedder.embed
        vectors = read(unique)[rows]
        return [float(x) for x in np.einsum("ij,ij->i", vectors[:n], vectors[n:])]

    def cosines(texts: Sequence[str], others: Sequence[str]) -> list[float]:
        return paired_cosines(*distinct(texts, others), len(texts))

    weigh_tokens = config.token_recall_weight or config.token_precision_weight

    def similarities(texts: Sequence[str], others: Sequence[str]) -> list[float]:
        unique, rows = distinct(texts, others)
        terms = embedder.terms(unique)
        pairs = list(zip(rows[: len(texts)], rows[len(texts) :], strict=True))
        overlaps = [term_overlap(terms[i], terms[j]) for i, j in pairs]
        if weigh_tokens:
            tokens = embedder.tokens(unique)
            matches = [token_overlap(tokens[i], tokens[j]) for i, j in pairs]
        else:
            matches = [(0.0, 0.0)] * len(pairs)
        return [
            similarity(cosine, *overlap, config, tokens=match)
            for cosine, overlap, match in zip(
                paired_cosines(unique, rows, len(texts)), overlaps, matches, strict=True
            )
        ]

    return cosines, similarities


ALIGNED_COSINE = 0.55


def token_alignment(embedder: Embedder, floor: float = ALIGNED_COSINE) -> TokenAlignment:
    """Which tokens of a text have a counterpart in another (see
    :func:`~eval.fidelity.aligned_tokens`), with where each token stands: what the name
    tests ask of a name the other side does not spell. ``floor``: the cosine from which a
    token counts as rendered even when it is not the closest of its counterpart (lower
    misses removals; higher finds a counterpart for no token of a dropped name)."""

    def align(text: str, other: str) -> list[AlignedToken]:
        vectors = embedder.tokens([text, other])
        spans, other_spans = embedder.token_spans([text, other])
        if len(spans) != len(vectors[0]) or len(other_spans) != len(vectors[1]):
            return []
        partners, rendered = aligned_tokens(vectors[0], vectors[1], floor)
        return [
            AlignedToken(start, end, bool(r), other_spans[p] if p >= 0 else None)
            for (start, end), r, p in zip(spans, rendered, partners, strict=True)
        ]

    return align


@dataclass(frozen=True)
class FactJudge:
    """What the fact comparison of a matched bead reads from the model: the cosine, the
    similarity the name tests measure a deletion with (cosine and latent terms: their
    margins are set on those), and the token alignment. Without a model (all None) names
    are judged by spelling alone."""

    cosines: Similarity | None = None
    similarities: Similarity | None = None
    alignment: TokenAlignment | None = None

    @classmethod
    def of(cls, embedder: Embedder | None, config: FidelityConfig | None = None) -> FactJudge:
        if embedder is None:
            return cls()
        cosines, similarities = text_measures(embedder, without_tokens(config or FidelityConfig()))
        return cls(cosines, similarities, token_alignment(embedder))

    def flags(self, src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> list[FactFlag]:
        """Dropped, added and changed facts of one bead: dates, numbers, money, percentages
        (:func:`~eval.facts.compare_facts`), then names (:func:`~eval.facts.compare_entities`)."""
        facts = compare_facts(
            extract_facts(src_text, src_lang),
            extract_facts(tgt_text, tgt_lang),
            src_lang,
            tgt_lang,
        )
        return facts + compare_entities(
            extract_entities(src_text, src_lang),
            extract_entities(tgt_text, tgt_lang),
            src_text,
            tgt_text,
            self.cosines,
            langs=(src_lang, tgt_lang),
            cross_similarity=self.similarities,
            alignment=self.alignment,
        )


def without_tokens(config: FidelityConfig) -> FidelityConfig:
    """``config`` with the token part of the similarity left out (cosine and latent terms)."""
    return replace(config, token_recall_weight=0.0, token_precision_weight=0.0)


def mt_chrf_top(rows: Sequence[Row], config: FidelityConfig) -> float | None:
    """The ``mt_quantile`` quantile of the ``mt_chrf`` column over ``rows`` (None without MT)."""
    chrfs = [float(r.extra["mt_chrf"]) for r in rows if r.extra.get("mt_chrf")]
    return float(np.quantile(chrfs, config.mt_quantile)) if chrfs else None


def score_pair(
    rows: Sequence[Row],
    embedder: Embedder,
    config: FidelityConfig,
    baseline: Baseline | None = None,
    sides: Sides | None = None,
    mt_top: float | None = None,
) -> list[Row]:
    """Fidelity and flags for the rows of one document pair (in order); ``baseline`` defaults
    to the pair's own (see :func:`language_baselines`), ``sides`` to the embeddings and terms
    of the matched beads' two sides (see :func:`matched_sides`), ``mt_top`` (the MT chrF
    level a bead is measured against, see :func:`~eval.fidelity.mt_score`) to the pair's own.

    A version that is another text (the summary's :func:`~eval.summary.verdict`) has only its confident beads
    compared for facts, untranslated words and clauses: its other beads pair sentences that
    do not translate each other, whose differences are no finding (their fidelity still
    says how far apart they are)."""
    matched = [r for r in rows if r.src_ids and r.tgt_ids]
    translation = verdict(rows) == "translation"
    if mt_top is None:
        mt_top = mt_chrf_top(rows, config)
    if matched:
        sides = sides if sides is not None else matched_sides(rows, embedder, config)
        if baseline is None:
            calibration = pair_calibration(rows[0].src_lang, rows[0].tgt_lang, config)
            baseline = language_baselines([("", sides)], config, {"": calibration}).get(
                "", Baseline.prior(calibration, config)
            )
        src_chars = sum(len(r.src_text) for r in matched)
        ratio = sum(len(r.tgt_text) for r in matched) / max(src_chars, 1)
    pair_langs_differ = bool(rows) and rows[0].src_lang != rows[0].tgt_lang

    _, similarities = text_measures(embedder, config, unprefixed=True)
    judge = FactJudge.of(embedder, config)
    checks = [translation or r.align_score >= CONFIDENT_BEAD for r in matched]
    found = [
        judge.flags(r.src_text, r.tgt_text, r.src_lang, r.tgt_lang) if checked else []
        for r, checked in zip(matched, checks, strict=True)
    ]
    names = renderings(found, config.rendered_name_beads)

    out: list[Row] = []
    k = -1
    for row in rows:
        if not (row.src_ids and row.tgt_ids):
            out.append(row.scored(0.0, null_bead_flags(row)))
            continue
        k += 1
        assert sides is not None and baseline is not None
        value = sides.similarity(k, k, config)
        checked = checks[k]
        facts = without_renderings(found[k], row.tgt_text, names)
        flags = [f.format() for f in facts]
        copied = (
            copied_words(row.src_text, row.tgt_text, row.src_lang, row.tgt_lang)
            if checked and pair_langs_differ
            else []
        )
        untranslated = (
            checked
            and pair_langs_differ
            and left_untranslated(row.tgt_text, row.src_lang, row.tgt_lang, row.src_text)
        )
        if copied and not untranslated:
            # words copied from the source are no evidence of translation (the model finds
            # them closer, not further): similarity is that of the translated words
            translated = without_words(row.tgt_text, copied)
            value = min(
                value,
                sides.similarity_to(
                    k,
                    embedder.embed([translated])[0],
                    embedder.terms([translated])[0],
                    embedder.tokens([translated])[0],
                    config,
                ),
            )
        if untranslated:
            flags.append(f"untranslated:language:{snippet(row.tgt_text)}")
        elif copied:
            flags.append(f"untranslated:language:{snippet(' '.join(copied))}")
        letters = max(1, sum(ch.isalpha() for ch in row.tgt_text))
        share = 1.0 if untranslated else sum(len(w) for w in copied) / letters
        fidelity = bead_fidelity(
            semantic_score(value, baseline.mean, baseline.sd, config, baseline.factor),
            len(facts),
            share,
            length_score(len(row.src_text), len(row.tgt_text), ratio, config),
            config,
            mt_score(float(row.extra["mt_chrf"]), mt_top, config)
            if row.extra.get("mt_chrf") and mt_top
            else 1.0,
        )
        if checked and fidelity < config.content_check and not untranslated:
            margin = config.content_margin * baseline.sd
            for side, kind in (("source", "dropped"), ("target", "added")):
                flags += [
                    f"{kind}:content:{snippet(clause)}"
                    for clause in unsupported_clauses(
                        row.src_text, row.tgt_text, similarities, margin, side
                    )
                ]
        if fidelity < config.low_fidelity and not flags:
            flags.append(f"low_similarity:sentence:{snippet(row.tgt_text)}")
        out.append(row.scored(fidelity, dict.fromkeys(flags)))
    return out


MT_COLUMNS = ("mt_text", "mt_chrf", "mt_bleu")


def with_mt_scores(rows: Sequence[Row], translator: Translator | None = None) -> list[Row]:
    """Add chrF and BLEU (sacrebleu, sentence level, 0-100) of each bead's machine
    translation against the reference side, in columns ``mt_chrf`` and ``mt_bleu``.

    The translation is the row's ``mt_text`` column (written by ``align --mt``); rows
    without one are translated here when a ``translator`` is given. Null beads get empty
    values. Rows with no translation at all are returned unchanged.
    """
    from sacrebleu.metrics import BLEU, CHRF

    rows = list(rows)
    if translator is not None:
        missing = [k for k, r in enumerate(rows) if r.tgt_text and "mt_text" not in r.extra]
        by_langs: dict[tuple[str, str], list[int]] = {}
        for k in missing:
            by_langs.setdefault((rows[k].tgt_lang, rows[k].src_lang), []).append(k)
        for (tgt_lang, src_lang), ks in by_langs.items():
            texts = translator.translate([rows[k].tgt_text for k in ks], tgt_lang, src_lang)
            for k, text in zip(ks, texts, strict=True):
                rows[k] = replace(rows[k], extra={**rows[k].extra, "mt_text": text})
    if not any("mt_text" in r.extra for r in rows):
        return rows
    chrf, bleu = CHRF(), BLEU(effective_order=True)
    out = []
    for row in rows:
        mt = row.extra.get("mt_text", "")
        scores = {"mt_text": mt, "mt_chrf": "", "mt_bleu": ""}
        if row.src_ids and row.tgt_ids:
            scores["mt_chrf"] = f"{chrf.sentence_score(mt, [row.src_text]).score:.2f}"
            scores["mt_bleu"] = f"{bleu.sentence_score(mt, [row.src_text]).score:.2f}"
        rest = {k: v for k, v in row.extra.items() if k not in MT_COLUMNS}
        out.append(replace(row, extra={**scores, **rest}))
    return out


class _Rehearsal:
    """An embedder for a dry run of scoring: it answers from what the cache already holds
    and writes down each text it lacks (answering with a stand-in). The texts scoring will
    ask for, counterfactual ones included (a sentence with a name or a clause taken out),
    are then computed in one batch per model rather than two or three at a time."""

    def __init__(self, cached: CachedEmbedder) -> None:
        self.cached = cached
        self.name, self.fingerprint = cached.name, cached.fingerprint
        self.dim, self.languages = cached.dim, cached.languages
        self.chance_cosine = cached.chance_cosine
        self.wanted: dict[str, dict[str, None]] = {
            "embed": {},
            "terms": {},
            "tokens": {},
            "unprefixed": {},
        }
        unit = np.zeros(cached.dim, dtype=np.float32)
        unit[0] = 1.0
        self._stand_in = {
            "embed": unit,
            "unprefixed": unit,
            "terms": (np.array([0], dtype=np.int32), np.array([1.0], dtype=np.float32)),
            "tokens": unit[None, :],
        }

    def _answer(self, kind: str, texts: Sequence[str]) -> list[Any]:
        known = self.cached.peek(kind, texts)
        for text, value in zip(texts, known, strict=True):
            if value is None:
                self.wanted[kind][text] = None
        return [self._stand_in[kind] if v is None else v for v in known]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack(self._answer("embed", texts)) if texts else np.zeros((0, self.dim))

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        return self._answer("terms", texts)

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        return self._answer("tokens", texts)

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        answers = self._answer("unprefixed", texts)
        return np.stack(answers) if texts else np.zeros((0, self.dim))

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        return self.terms(texts), self.tokens(texts), self.embed_unprefixed(texts)

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return self.cached.token_spans(texts)


@phased("scoring (rest)")
def score_rows(
    rows: Sequence[Row],
    embedder: Embedder,
    config: FidelityConfig | None = None,
    translator: Translator | None = None,
) -> list[Row]:
    """Score every document pair in ``rows`` (rows of one pair must be contiguous); with MT
    (a ``mt_text`` column, or a ``translator``), add the columns of :func:`with_mt_scores`.

    The model is asked for each text once (see :meth:`~align.embedders.cache.CachedEmbedder.read`):
    the beads' sides of every pair in one batch, then, after a dry run of the scoring
    (:class:`_Rehearsal`), the texts it will ask for in one batch, then the scoring
    itself, which finds them computed."""
    config = config or FidelityConfig()
    rows = with_mt_scores(rows, translator)
    if not isinstance(embedder, CachedEmbedder):
        embedder = CachedEmbedder(embedder, disk=False)
    sides_texts = list(
        dict.fromkeys(t for r in rows if r.src_ids and r.tgt_ids for t in (r.src_text, r.tgt_text))
    )
    embedder.read(sides_texts)
    groups = [list(group) for _, group in groupby(rows, key=lambda r: r.pair)]
    sides = [
        (f"{g[0].src_doc}\t{g[0].tgt_lang}", matched_sides(g, embedder, config)) for g in groups
    ]
    calibrations = {
        key: pair_calibration(group[0].src_lang, group[0].tgt_lang, config)
        for group, (key, _) in zip(groups, sides, strict=True)
    }
    baselines = language_baselines(sides, config, calibrations)
    pooled: dict[str, list[Row]] = {}
    for group, (key, _) in zip(groups, sides, strict=True):
        pooled.setdefault(key, []).extend(group)
    mt_top = {key: mt_chrf_top(pooled_rows, config) for key, pooled_rows in pooled.items()}
    rehearsal = _Rehearsal(embedder)
    # a stand-in may mislead the dry run into an error: it only saves time, so it may stop
    with phase("rehearsal"), contextlib.suppress(Exception):
        for group, (key, pair_sides) in zip(groups, sides, strict=True):
            score_pair(group, rehearsal, config, baselines.get(key), pair_sides, mt_top.get(key))
    wanted = rehearsal.wanted
    embedder.unprefixed(
        list(dict.fromkeys([*wanted["terms"], *wanted["tokens"], *wanted["unprefixed"]]))
    )
    embedder.embed(list(wanted["embed"]))
    out: list[Row] = []
    for group, (key, pair_sides) in zip(groups, sides, strict=True):
        out.extend(
            score_pair(group, embedder, config, baselines.get(key), pair_sides, mt_top.get(key))
        )
    return out
