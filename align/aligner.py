"""Aligning two segmented documents: embed, cost, search, and score each bead."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .costs import (
    CostConfig,
    PairCosts,
    SideFeatures,
    anchor_masks,
    anchor_tokens,
    overlap_texts,
    pair_costs,
    side_features,
)
from .document import Document
from .dp import Band, BeadIds, align_path, bead_shapes
from .embedders import Embedder, MixedEmbedder
from .profile import phased
from .tokens import letter_tokens, linked_share
from .translators import Translator


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the aligner; every field goes into the run signature.

    ``max_bead``: most sentences a bead merges on one side (each step up embeds more
    merged runs). ``absorb_threshold``: see
    :func:`absorb_nulls`; ``split_threshold``, ``split_gain``: see :func:`split_unrelated`;
    ``keep_share``, ``drop_share``, ``share_min_tokens``: how much of a sentence's tokens
    the other side of its bead must render for it to stay in or join the bead, or may
    render before it leaves (:class:`TokenLinks`; its ``min_tokens`` for the last), asked
    of sentences whose cost is above ``links_above`` (see :func:`split_unrelated`);
    ``move_threshold``, ``move_window``: see :func:`pair_moved`. Pairs with more
    than ``max_full_cells`` DP cells are searched in a band: every ``block`` sentences
    become one unit, the units are aligned (recursively, in a band themselves when there
    are many), and the fine search is kept within
    ``band_margin`` sentences of that path. Work and memory are then linear in length.

    ``embed_merges``: ``all`` embeds every run of 2 .. ``max_bead`` sentences, the merged
    candidates. ``doubtful`` (default) first aligns with a merged run's vector taken as the
    normalized sum of its sentences' vectors, then embeds only the runs that lie within
    ``doubtful_margin`` sentences of a bead that came out other than a sure 1-1 (normalized
    semantic cost above ``doubtful_cost``), runs of three or more sentences only within
    ``doubtful_margin_long`` of it (see :func:`doubtful_runs`), and aligns again within
    ``refine_margin`` sentences of the first path: the model is the cost, and most of a
    document is plain 1-1.

    ``second_weight``: share of a second sentence encoder's cosine in the similarity, when
    one is given and knows both languages (see :class:`~align.embedders.MixedEmbedder`):
    two models trained apart err on different sentences.

    The token test (``keep_share`` ...) decides what a merged bead keeps where the
    sentence vectors cannot; it reads only edge sentences the vectors leave in doubt.

    ``typical_cost``: the median semantic cost of the sure 1-1 beads of a close
    translation. A freer one (a literary translator's, whose every bead costs more) has
    its thresholds of leaving a sentence out raised in proportion (:func:`relative_to`):
    otherwise the sentences it adds in rendering a line, or the lines it merges, cost no
    more than leaving them out. 0 turns this off.
    """

    max_bead: int = 5
    costs: CostConfig = field(default_factory=CostConfig)
    absorb_threshold: float = 0.7
    split_threshold: float = 1.0
    split_gain: float = 0.1
    keep_share: float = 0.33
    drop_share: float = 0.2
    share_min_tokens: int = 6
    links_above: float = 0.85
    move_threshold: float = 0.6
    move_window: int = 10
    max_full_cells: int = 1_000_000
    block: int = 8
    band_margin: int = 60
    embed_merges: str = "doubtful"
    doubtful_cost: float = 0.8
    doubtful_margin: int = 1
    doubtful_margin_long: int = 0
    second_weight: float = 0.15
    typical_cost: float = 0.6
    refine_margin: int = 30


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
    """The beads of one document pair in the reference's order, with pair-level figures
    (the version's order too, but where it moved a sentence: see :func:`pair_moved`).

    ``coverage``: share of reference sentences in non-null beads (whether the version is a
    translation at all is the summary's verdict: :func:`eval.summary.verdict`).
    ``tgt_mt``: the version's sentences machine-translated into the reference's language,
    when a translator was given.
    """

    src: Document
    tgt: Document
    beads: tuple[Bead, ...]
    coverage: float
    tgt_mt: tuple[str, ...] | None = None


CONFIDENT_BEAD = 0.7
"""A bead at least this confident (:func:`bead_confidence`) pairs sentences that translate
each other."""

NOT_TRANSLATION_BELOW = 0.4
"""A version with fewer than this share of the reference's sentences in confident beads
is another text, not a translation."""


def bead_confidence(semantic_cost: float) -> float:
    """Map a bead's normalized semantic cost to [0, 1].

    0.5 at cost 0.8 (near chance is 1.0), near 1 below 0.6, where gold beads are
    mostly exactly right.
    """
    if math.isnan(semantic_cost):
        return 0.0
    return 1.0 / (1.0 + math.exp((semantic_cost - 0.8) / 0.08))


@dataclass(frozen=True)
class TokenLinks:
    """How much of a sentence a bead's other side renders word by word: the share of its
    tokens linked to a token there (see :mod:`align.tokens`), and how many of its tokens
    hold a letter (a share over a handful says little)."""

    share: float
    tokens: int


LinksOf = Callable[[int, int, tuple[int, ...], tuple[int, ...]], TokenLinks | None]
"""``links(side, sentence, same, other)``: the :class:`TokenLinks` of ``sentence`` (of the
reference when ``side`` is 0, else of the version) in a bead holding it and the sentences
``same`` of its side, against the sentences ``other`` of the other side; None when the
embedder gives no token vectors."""


def nearest(
    pair_cost: Callable[[int, int], float], side: int, sentence: int, other: tuple[int, ...]
) -> float:
    """The 1-1 semantic cost of ``sentence`` (of the reference when ``side`` is 0, else of
    the version) to the closest of the sentences ``other`` of the other side."""
    if side == 0:
        return min(pair_cost(sentence, j) for j in other)
    return min(pair_cost(i, sentence) for i in other)


def absorb_nulls(
    beads: list[BeadIds],
    pair_cost: Callable[[int, int], float],
    threshold: float,
    shapes: tuple[tuple[int, int], ...],
    links: LinksOf | None = None,
    keep_share: float = math.inf,
) -> list[BeadIds]:
    """Merge a null bead into a neighbour whose other side translates it.

    A sentence left unaligned although its own semantic cost to a sentence of the
    neighbouring bead's other side is below ``threshold`` is part of that bead (a
    translation that folded two sentences into one and shortened them), not an omission
    or addition; failing that, so is one whose tokens that bead's other side renders, at
    least ``keep_share`` of them (``links``, see :class:`TokenLinks`): a short clause the
    translation folded into a long sentence is often no closer than chance to it as a
    whole. Between two neighbours, the closer one wins, else the one that renders more.
    ``pair_cost(i, j)`` is the 1-1 semantic cost of source ``i`` and target ``j``.
    """
    out = list(beads)
    k = 0
    while k < len(out):
        src, tgt = out[k]
        if src and tgt:
            k += 1
            continue
        best: tuple[tuple[bool, float, float], int] | None = None
        for n in (k - 1, k + 1):
            if not 0 <= n < len(out) or not (out[n][0] and out[n][1]):
                continue
            ns, nt = out[n]
            if (len(ns) + len(src), len(nt) + len(tgt)) not in shapes:
                continue
            cost = nearest(pair_cost, 0, src[0], nt) if src else nearest(pair_cost, 1, tgt[0], ns)
            share = 0.0
            if cost >= threshold and links is not None:
                found = links(0, src[0], ns, nt) if src else links(1, tgt[0], nt, ns)
                share = found.share if found is not None else 0.0
            rank = (cost >= threshold, -share, cost)
            if (cost < threshold or share >= keep_share) and (best is None or rank < best[0]):
                best = (rank, n)
        if best is None:
            k += 1
            continue
        n = best[1]
        ns, nt = out[n]
        out[n] = (tuple(sorted(ns + src)), tuple(sorted(nt + tgt)))
        del out[k]
        k = max(0, min(k, n) - 1)
    return out


def split_unrelated(
    beads: list[BeadIds],
    pair_cost: Callable[[int, int], float],
    bead_cost: Callable[[tuple[int, ...], tuple[int, ...]], float],
    threshold: float,
    gain: float,
    links: LinksOf | None = None,
    keep_share: float = math.inf,
    drop_share: float = 0.0,
    min_tokens: int = 1,
    links_above: float = 0.0,
) -> list[BeadIds]:
    """Take out of a merged bead the sentences at its edges that are not part of the
    translation: they become null beads.

    The counterpart of :func:`absorb_nulls`. A merge is cheap next to two null beads, so a
    sentence a version added (or whose counterpart it dropped) next to a translated one
    tends to be swallowed by its neighbour's bead. An edge sentence leaves the bead when
    the bead without it matches better by more than ``gain`` (a part of a translation
    makes the match better, not worse); when the other side renders less than
    ``drop_share`` of its tokens, of at least ``min_tokens`` (``links``, see
    :class:`TokenLinks`); or when it is no closer than ``threshold`` (chance is 1.0) to
    every sentence of the other side, unless that side renders ``keep_share`` of its
    tokens (a short clause folded into a long sentence). Only an edge sentence no closer
    than ``links_above`` to every sentence of the other side has its tokens read (they cost
    a forward pass of the model; a closer one stays). ``pair_cost(i, j)``: 1-1 semantic
    cost of source ``i`` and target ``j``; ``bead_cost(src_ids, tgt_ids)``: the same for runs.
    """

    def apart(src: tuple[int, ...], tgt: tuple[int, ...], side: int, end: int) -> bool:
        ids = (src, tgt)[side]
        if len(ids) < 2:
            return False
        edge, rest = ids[end], (ids[1:] if end == 0 else ids[:-1])
        other = (tgt, src)[side]
        smaller = bead_cost(rest, tgt) if side == 0 else bead_cost(src, rest)
        if smaller < bead_cost(src, tgt) - gain:
            return True
        alone = nearest(pair_cost, side, edge, other)
        if alone <= links_above:
            return False
        found = links(side, edge, rest, other) if links is not None else None
        if found is not None and found.tokens >= min_tokens and found.share < drop_share:
            return True
        return alone > threshold and (found is None or found.share < keep_share)

    out: list[BeadIds] = []
    for src, tgt in beads:
        if not (src and tgt) or (len(src) == 1 and len(tgt) == 1):
            out.append((src, tgt))
            continue
        before: list[BeadIds] = []
        after: list[BeadIds] = []
        while apart(src, tgt, 1, 0):
            before.append(((), (tgt[0],)))
            tgt = tgt[1:]
        while apart(src, tgt, 1, -1):
            after.insert(0, ((), (tgt[-1],)))
            tgt = tgt[:-1]
        while apart(src, tgt, 0, 0):
            before.append(((src[0],), ()))
            src = src[1:]
        while apart(src, tgt, 0, -1):
            after.insert(0, ((src[-1],), ()))
            src = src[:-1]
        out += [*before, (src, tgt), *after]
    return out


class TokenLinker:
    """The :data:`LinksOf` of a document pair, callable: the bead's texts joined by a space
    (as the scored TSV joins them), their token vectors from ``embedder``, the share of the
    sentence's tokens linked across (:func:`~align.tokens.linked_share`).

    Token vectors are kept for the run; :meth:`prefetch` reads many beads' at once, which
    lets the encoder spread whole texts over its threads."""

    def __init__(
        self, embedder: Embedder, src_sentences: Sequence[str], tgt_sentences: Sequence[str]
    ) -> None:
        self.embedder = embedder
        self.sides = (src_sentences, tgt_sentences)
        self.vectors: dict[str, np.ndarray] = {}
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def _texts(
        self, side: int, sentence: int, same: tuple[int, ...], other: tuple[int, ...]
    ) -> tuple[str, str, int]:
        """The bead's two texts and where ``sentence`` starts in the first."""
        ids = sorted({*same, sentence})
        pieces = [self.sides[side][i] for i in ids]
        start = sum(len(piece) + 1 for piece in pieces[: ids.index(sentence)])
        other_text = " ".join(self.sides[1 - side][j] for j in sorted(other))
        return " ".join(pieces), other_text, start

    def prefetch(self, beads: Iterable[tuple[int, int, tuple[int, ...], tuple[int, ...]]]) -> None:
        """Read the token vectors of these ``(side, sentence, same, other)`` beads in one batch."""
        wanted = {t for bead in beads for t in self._texts(*bead)[:2]} - self.vectors.keys()
        texts = sorted(wanted)
        self.vectors |= dict(zip(texts, self.embedder.tokens(texts), strict=True))

    def __call__(
        self, side: int, sentence: int, same: tuple[int, ...], other: tuple[int, ...]
    ) -> TokenLinks | None:
        text, other_text, start = self._texts(side, sentence, same, other)
        self.prefetch([(side, sentence, same, other)])
        vectors, other_vectors = self.vectors[text], self.vectors[other_text]
        if text not in self.spans:
            self.spans[text] = self.embedder.token_spans([text])[0]
        spans = self.spans[text]
        if len(spans) != len(vectors):
            return None
        end = start + len(self.sides[side][sentence])
        share = linked_share(vectors, spans, other_vectors, start, end)
        if share is None:
            return None
        own = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
        return TokenLinks(share, letter_tokens(self.sides[side][sentence], own))


def link_candidates(
    path: list[BeadIds],
    pair_cost: Callable[[int, int], float],
    config: AlignConfig,
) -> list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]:
    """The beads whose tokens :func:`absorb_nulls` and :func:`split_unrelated` will read
    first: a null bead's sentence beside a bead no sentence of which it is close to, and a
    merged bead with an edge sentence no closer than ``config.links_above`` to its other side."""
    out = []
    for k, (src, tgt) in enumerate(path):
        if src and tgt:
            if len(src) + len(tgt) == 2:
                continue
            edges = [(0, i) for i in {src[0], src[-1]} if len(src) > 1]
            edges += [(1, j) for j in {tgt[0], tgt[-1]} if len(tgt) > 1]
            for side, edge in edges:
                other = tgt if side == 0 else src
                if nearest(pair_cost, side, edge, other) > config.links_above:
                    out.append((side, edge, src if side == 0 else tgt, other))
                    break
        else:
            side, sentence = (0, src[0]) if src else (1, tgt[0])
            for n in (k - 1, k + 1):
                if 0 <= n < len(path) and path[n][0] and path[n][1]:
                    same, other = path[n] if side == 0 else path[n][::-1]
                    if nearest(pair_cost, side, sentence, other) >= config.absorb_threshold:
                        out.append((side, sentence, same, other))
    return out


def pair_moved(
    beads: list[BeadIds],
    pair_cost: Callable[[int, int], float],
    threshold: float,
    window: int,
) -> list[BeadIds]:
    """Pair a reference sentence left out with a version sentence added nearby when the
    two translate each other: the version moved the sentence (a quote brought forward, a
    caption set elsewhere), which a monotone search cannot follow, and would otherwise
    report it as an omission and an addition.

    ``pair_cost(i, j)``: 1-1 semantic cost of source ``i`` and target ``j``; a pair is made
    below ``threshold`` (a sure pairing), between null beads at most ``window`` beads apart, the surest
    first. The new 1-1 bead takes the reference sentence's place: beads stay in the
    reference's order, and the version's ids run out of order there.
    """
    src_nulls = [(k, src[0]) for k, (src, tgt) in enumerate(beads) if src and not tgt]
    tgt_nulls = [(k, tgt[0]) for k, (src, tgt) in enumerate(beads) if tgt and not src]
    tgt_at = [k for k, _ in tgt_nulls]
    candidates = []
    for k, i in src_nulls:
        for kt, j in tgt_nulls[bisect_left(tgt_at, k - window) : bisect_right(tgt_at, k + window)]:
            cost = pair_cost(i, j)
            if cost < threshold:
                candidates.append((cost, k, kt))
    moved: dict[int, BeadIds] = {}
    taken: set[int] = set()
    for _, k, kt in sorted(candidates):
        if k not in moved and kt not in taken:
            moved[k] = (beads[k][0], beads[kt][1])
            taken.add(kt)
    return [moved.get(k, bead) for k, bead in enumerate(beads) if k not in taken]


def embed_runs(
    embedder: Embedder,
    sentences: tuple[str, ...],
    max_run: int,
    wanted: dict[int, np.ndarray] | None = None,
    known: dict[int, np.ndarray] | None = None,
) -> dict[int, np.ndarray]:
    """Embeddings of every run of 1 .. ``max_run`` consecutive sentences, in one batch.

    With ``wanted`` (per run length, a boolean mask over the runs) only those runs are
    embedded, written into the vectors ``known`` in place (see :func:`approximate_runs`).
    """
    runs = {k: overlap_texts(sentences, k) for k in range(1, max_run + 1)}
    picks = {
        k: np.arange(len(texts)) if wanted is None else np.flatnonzero(wanted[k])
        for k, texts in runs.items()
    }
    flat = [runs[k][p] for k in runs for p in picks[k]]
    vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dim), dtype=np.float32)
    out: dict[int, np.ndarray] = {}
    start = 0
    for k in runs:
        got = vectors[start : start + len(picks[k])]
        start += len(picks[k])
        if wanted is None or known is None:
            out[k] = got
        else:
            out[k] = known[k]
            out[k][picks[k]] = got
    return out


class RunVectors:
    """Unit vectors of every run of ``k`` sentences, row ``p`` = sentences ``p .. p+k-1``,
    computed when asked as the normalized sum of the sentences' vectors (``singles``),
    except the rows the model embedded (written with ``runs[rows] = vectors``). A long
    document keeps one array per side, not one per run length."""

    def __init__(self, singles: np.ndarray, k: int) -> None:
        self.singles = singles
        self.k = k
        self.slot = np.full(len(self), -1, dtype=np.intp)
        self.rows = np.zeros((0, singles.shape[1]), dtype=np.float32)

    def __len__(self) -> int:
        return max(len(self.singles) - self.k + 1, 0)

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self), self.singles.shape[1])

    def __getitem__(self, rows: object) -> np.ndarray:
        index = (
            np.arange(len(self))[rows]
            if isinstance(rows, slice)
            else np.asarray(rows, dtype=np.intp)
        )
        flat = index.reshape(-1)
        acc = self.singles[flat].astype(np.float32, copy=True)
        for offset in range(1, self.k):
            acc += self.singles[flat + offset]
        acc /= np.maximum(np.linalg.norm(acc, axis=1, keepdims=True), 1e-9)
        slots = self.slot[flat]
        hit = slots >= 0
        if hit.any():
            acc[hit] = self.rows[slots[hit]]
        return acc.reshape(*index.shape, acc.shape[1])

    def __setitem__(self, rows: np.ndarray, vectors: np.ndarray) -> None:
        rows = np.asarray(rows, dtype=np.intp)
        self.slot[rows] = len(self.rows) + np.arange(len(rows))
        self.rows = np.concatenate([self.rows, np.asarray(vectors, dtype=np.float32)])

    def __array__(self, dtype: object = None, copy: object = None) -> np.ndarray:
        out = self[np.arange(len(self))]
        return out if dtype is None else out.astype(dtype)


def approximate_runs(singles: np.ndarray, max_run: int) -> dict[int, np.ndarray]:
    """Vectors of every run of 1 .. ``max_run`` sentences without the model: the unit
    vector of the sum of its sentences' vectors (``singles``, one row per sentence), as
    :class:`RunVectors` for runs of two or more."""
    out: dict[int, np.ndarray] = {1: singles}
    for k in range(2, max_run + 1):
        out[k] = RunVectors(singles, k)  # type: ignore[assignment]
    return out


def doubtful_runs(
    path: list[BeadIds],
    cost: Callable[[tuple[int, ...], tuple[int, ...]], float],
    n: int,
    m: int,
    max_runs: tuple[int, int],
    threshold: float,
    margin: int,
    long_margin: int | None = None,
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Per side and run length, which runs lie inside a doubtful stretch of ``path``: a
    bead other than 1-1, or a 1-1 whose ``cost(src_ids, tgt_ids)`` is above ``threshold``,
    widened by ``margin`` sentences (runs of three or more sentences: by ``long_margin``,
    default ``margin``) on each side, except the single-sentence side of a merge (the
    side of a 2-1 bead that holds one sentence needs no longer runs around it)."""
    stretches = []
    i0 = j0 = 0
    for bead in path:
        i1, j1 = i0 + len(bead[0]), j0 + len(bead[1])
        if len(bead[0]) != 1 or len(bead[1]) != 1 or cost(*bead) > threshold:
            stretches.append(((i0, i1, len(bead[0])), (j0, j1, len(bead[1]))))
        i0, j0 = i1, j1

    def marked(size: int, side: int, widen: int) -> np.ndarray:
        marks = np.zeros(size + 1, dtype=np.int64)
        for stretch in stretches:
            start, end, count = stretch[side]
            merged_across = count == 1 and stretch[1 - side][2] > 1
            w = 0 if merged_across else widen
            marks[max(0, start - w)] += 1
            marks[min(size, end + w)] -= 1
        return np.cumsum(marks)[:size] > 0

    def runs(size: int, side: int, max_run: int) -> dict[int, np.ndarray]:
        near = marked(size, side, margin)
        close = near if long_margin in (None, margin) else marked(size, side, long_margin)
        out = {}
        for k in range(1, max_run + 1):
            doubtful = near if k <= 2 else close
            inside = np.ones(max(size - k + 1, 0), dtype=bool)
            for offset in range(k):
                inside &= doubtful[offset : offset + len(inside)]
            out[k] = inside
        return out

    return runs(n, 0, max_runs[0]), runs(m, 1, max_runs[1])


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


def path_band(path: list[BeadIds], n: int, m: int, margin: int, unit: int = 1) -> Band:
    """The cells within ``margin`` sentences of a monotone bead path over ``n`` x ``m``
    sentences, the path's beads counting ``unit`` sentences a step (a coarse path over
    blocks of ``unit`` sentences)."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    i0 = j0 = 0
    for s_ids, t_ids in path:
        i1, j1 = i0 + len(s_ids), j0 + len(t_ids)
        rows = slice(min(i0 * unit, n), min(i1 * unit, n) + 1)
        lo[rows] = np.minimum(lo[rows], min(j0 * unit, m))
        hi[rows] = np.maximum(hi[rows], min(j1 * unit, m))
        i0, j0 = i1, j1
    return Band.around(lo, hi, m, margin)


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
        long_sentence=np.inf,
    )
    shapes = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
    coarse_band = search_band(coarse_src, coarse_tgt, config)
    costs = pair_costs(shapes, coarse_src, coarse_tgt, coarse_band, coarse_config)
    path = align_path(costs.rows, cn, cm, coarse_band)
    return path_band(path, n, m, max(config.band_margin, 2 * size), size)


def relative_to(config: AlignConfig, typical: float) -> AlignConfig:
    """``config`` for a translation whose sure 1-1 beads cost ``typical`` (their median
    normalized semantic cost): when that is above ``config.typical_cost``, every threshold
    below which sentences are paired rather than left out (the null cost, the cost beyond
    which sentences are never paired, the absorb, split, token-test and move thresholds)
    is scaled by their ratio. A closer translation keeps them as they are."""
    if config.typical_cost <= 0 or not math.isfinite(typical) or typical <= config.typical_cost:
        return config
    scale = typical / config.typical_cost
    costs = config.costs
    return replace(
        config,
        costs=replace(
            costs,
            null_cost=costs.null_cost * scale,
            max_semantic_cost=costs.max_semantic_cost * scale,
        ),
        absorb_threshold=config.absorb_threshold * scale,
        split_threshold=config.split_threshold * scale,
        links_above=config.links_above * scale,
        move_threshold=config.move_threshold * scale,
    )


def confident_share(beads: Iterable[tuple[tuple[int, ...], tuple[int, ...], float]]) -> float:
    """Share of the reference's sentences in beads, given as ``(src_ids, tgt_ids, score)``
    and covering every reference sentence once, whose score is at least
    :data:`CONFIDENT_BEAD` (the summary's verdict and the aligner's read the same)."""
    n_src = confident = 0
    for src_ids, tgt_ids, score in beads:
        n_src += len(src_ids)
        if src_ids and tgt_ids and score >= CONFIDENT_BEAD:
            confident += len(src_ids)
    return confident / n_src if n_src else 0.0


def pivot_vectors(
    tgt_vecs: dict[int, np.ndarray], mt_vecs: dict[int, np.ndarray]
) -> dict[int, np.ndarray]:
    """Unit vectors of each version run's embedding plus its machine translation's: the
    similarity to a reference run becomes the mean of the cross-lingual similarity and the
    same-language similarity to the translation (Bleualign's pivot, in embedding space)."""
    out = {}
    for k, vecs in tgt_vecs.items():
        both = np.asarray(vecs) + np.asarray(mt_vecs[k])
        out[k] = both / np.maximum(np.linalg.norm(both, axis=1, keepdims=True), 1e-9)
    return out


@phased("alignment search")
def align_documents(
    src: Document,
    tgt: Document,
    embedder: Embedder,
    config: AlignConfig | None = None,
    translator: Translator | None = None,
    second: Embedder | None = None,
) -> Alignment:
    """Align version ``tgt`` to reference ``src`` (1-1, 1-2, 2-1, ..., 1-0, 0-1 beads).

    With a ``translator``, the version's sentences are also translated into the reference's
    language and the embedding similarity takes the translation into account
    (:func:`pivot_vectors`); the translations come back in ``Alignment.tgt_mt``. With a
    ``second`` embedder that knows both documents' languages, the similarity mixes its
    cosine in (``config.second_weight``).
    """
    config = config or AlignConfig()
    if second is not None and config.second_weight > 0:
        langs = {src.lang.split("-")[0], tgt.lang.split("-")[0]}
        if langs <= second.languages:
            embedder = MixedEmbedder(embedder, second, config.second_weight)
    shapes = bead_shapes(config.max_bead)
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        beads = [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        return Alignment(src, tgt, tuple(beads), 0.0)
    if config.embed_merges not in ("all", "doubtful"):
        raise ValueError(f"embed_merges must be 'all' or 'doubtful', not {config.embed_merges!r}")
    src_anchor, tgt_anchor = anchor_masks(
        [anchor_tokens(s) for s in src.sentences], [anchor_tokens(s) for s in tgt.sentences]
    )
    max_a, max_b = max(a for a, _ in shapes), max(b for _, b in shapes)
    tgt_mt = None
    if translator is not None:
        tgt_mt = tuple(translator.translate(list(tgt.sentences), tgt.lang, src.lang))
    sides = [(src.sentences, max_a), (tgt.sentences, max_b)]
    if tgt_mt is not None:
        sides.append((tgt_mt, max_b))
    doubtful = config.embed_merges == "doubtful"
    if doubtful:
        vecs = [approximate_runs(embed_runs(embedder, s, 1)[1], k) for s, k in sides]
    else:
        vecs = [embed_runs(embedder, s, k) for s, k in sides]

    def search(band: Band | None) -> tuple[Band, PairCosts, list[BeadIds]]:
        src_side = side_features(vecs[0], src.sentences, src_anchor, src.paragraphs)
        tgt_vecs = vecs[1] if tgt_mt is None else pivot_vectors(vecs[1], vecs[2])
        tgt_side = side_features(tgt_vecs, tgt.sentences, tgt_anchor, tgt.paragraphs)
        band = band or search_band(src_side, tgt_side, config)
        costs = pair_costs(shapes, src_side, tgt_side, band, config.costs, embedder.chance_cosine)
        return band, costs, align_path(costs.rows, n, m, band)

    def semantic(src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> float:
        """Normalized semantic cost of a bead under the current ``costs`` (inf when a side is empty)."""
        if not (src_ids and tgt_ids):
            return math.inf
        a, b = len(src_ids), len(tgt_ids)
        return float(costs.semantic(a, b, np.intp(src_ids[0]), np.intp(tgt_ids[0])))

    def pair_cost(i: int, j: int) -> float:
        return semantic((i,), (j,))

    band, costs, path = search(None)
    first = [(s, t, semantic(s, t)) for s, t in path]
    translated = (
        confident_share((s, t, bead_confidence(c)) for s, t, c in first) >= NOT_TRANSLATION_BELOW
    )
    sure = [c for s, t, c in first if len(s) == 1 and len(t) == 1]
    loosened = relative_to(config, float(np.median(sure))) if sure and translated else config
    search_again = loosened != config
    config = loosened
    if doubtful and translated and max(max_a, max_b) > 1:
        wanted = doubtful_runs(
            path,
            semantic,
            n,
            m,
            (max_a, max_b),
            config.doubtful_cost,
            config.doubtful_margin,
            config.doubtful_margin_long,
        )
        for runs in wanted:
            runs[1][:] = False  # single sentences are embedded already
        if any(mask.any() for runs in wanted for mask in runs.values()):
            masks = [wanted[0], wanted[1], wanted[1]]
            vecs = [
                embed_runs(embedder, s, k, mask, v)
                for (s, k), mask, v in zip(sides, masks, vecs, strict=False)
            ]
            search_again = True
    if search_again:
        near = path_band(path, n, m, config.refine_margin) if doubtful else band
        band, costs, path = search(near)

    links = TokenLinker(embedder, src.sentences, tgt.sentences)
    links.prefetch(link_candidates(path, pair_cost, config))
    path = absorb_nulls(path, pair_cost, config.absorb_threshold, shapes, links, config.keep_share)
    path = split_unrelated(
        path,
        pair_cost,
        semantic,
        config.split_threshold,
        config.split_gain,
        links,
        config.keep_share,
        config.drop_share,
        config.share_min_tokens,
        config.links_above,
    )
    path = pair_moved(path, pair_cost, config.move_threshold, config.move_window)
    beads = [
        Bead(s, t, round(bead_confidence(semantic(s, t)), 4) if s and t else 0.0) for s, t in path
    ]
    covered = sum(len(b.src_ids) for b in beads if b.src_ids and b.tgt_ids)
    return Alignment(src, tgt, tuple(beads), covered / n, tgt_mt)
