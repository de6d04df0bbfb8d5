"""The dynamic-programming sentence aligner: the whole search in one place.

``align_path`` finds the cheapest sequence of beads covering both documents, given the
cost of every candidate bead. Costs come from :mod:`align.costs`; this module knows
nothing about text. The recurrence is the classic one of Gale and Church (1993) and
Vecalign (Thompson and Koehn, 2019)::

    D[0, 0] = 0
    D[i, j] = min over shapes (a, b) of  D[i - a, j - b] + C[a, b][i, j]

where ``C[a, b][i, j]`` is the cost of the bead that covers source sentences ``i-a .. i-1``
and target sentences ``j-b .. j-1``. Each row is computed with numpy: the shapes that
consume source sentences are vector shifts of earlier rows, and the (0, 1) insertion
shape, which stays in the row, is a prefix-minimum scan.

>>> import numpy as np
>>> ones = {(1, 1): np.zeros((3, 3)), (1, 0): np.ones((3, 3)), (0, 1): np.ones((3, 3))}
>>> align_path(ones, 2, 2)
[((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

Shape = tuple[int, int]
BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


def bead_shapes(max_bead: int) -> tuple[Shape, ...]:
    """Bead shapes allowed when a bead may merge up to ``max_bead`` sentences on a side.

    0-1, 1-0, then every ``a``-``b`` with ``a + b <= max_bead + 1`` (Bertalign's rule): a
    side of ``max_bead`` sentences faces one sentence, two face up to ``max_bead - 1``.
    """
    shapes: list[Shape] = [(0, 1), (1, 0)]
    shapes += [(a, total - a) for total in range(2, max_bead + 2) for a in range(1, total)]
    return tuple(shapes)


@dataclass(frozen=True)
class Band:
    """The cells the search visits: in row ``i`` (source position), target positions
    ``lo[i] .. hi[i]`` inclusive. Cost and score arrays of a band are ``(n + 1, width)``:
    column ``k`` of row ``i`` is target position ``lo[i] + k``.

    ``lo`` and ``hi`` never decrease, ``lo[0] == 0`` and ``hi[n] == m``, so a path from
    (0, 0) to (n, m) always exists.
    """

    lo: np.ndarray
    hi: np.ndarray

    @property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    def positions(self, i: int) -> np.ndarray:
        """Target positions of row ``i``'s columns (past ``hi[i]`` they are padding)."""
        return self.lo[i] + np.arange(self.width)

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def around(cls, lo: np.ndarray, hi: np.ndarray, m: int, margin: int) -> Band:
        """A valid band holding ``lo .. hi`` per row, widened by ``margin`` on each side."""
        lo = np.clip(np.asarray(lo) - margin, 0, m)
        hi = np.clip(np.asarray(hi) + margin, 0, m)
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        lo[0], hi[-1] = 0, m
        # consecutive rows must share a column so that 1-1 steps can pass
        hi[:-1] = np.maximum(hi[:-1], lo[1:])
        return cls(lo.astype(np.int64), hi.astype(np.int64))


CostRows = Callable[[int, int], Mapping[Shape, np.ndarray]]


def align_path(
    costs: Mapping[Shape, np.ndarray] | CostRows,
    n_src: int,
    n_tgt: int,
    band: Band | None = None,
    block_rows: int = 256,
) -> list[BeadIds]:
    """Cheapest bead sequence covering ``n_src`` source and ``n_tgt`` target sentences.

    ``costs[(a, b)]`` is an array over the band (by default the full ``(n_src + 1, n_tgt + 1)``
    grid): the entry for row ``i`` and target position ``j`` is the cost of the bead ending
    just before source sentence ``i`` and target sentence ``j`` (``inf`` where it is not
    allowed). ``(0, 1)`` and ``(1, 0)`` must be present so that a path always exists.
    ``costs`` may instead be a function ``(start, stop) -> {shape: rows start..stop-1}``,
    called for ``block_rows`` rows at a time: memory then holds one block of costs, the
    last rows of scores and one byte per cell for the trace back.
    Returns the beads in document order as (source ids, target ids).
    """
    if isinstance(costs, Mapping):
        arrays = costs

        def cost_rows(start: int, stop: int) -> Mapping[Shape, np.ndarray]:
            return {s: a[start:stop] for s, a in arrays.items()}
    else:
        cost_rows = costs
    band = band or Band.full(n_src, n_tgt)
    width = band.width
    block = cost_rows(0, min(block_rows, n_src + 1))
    if (0, 1) not in block or (1, 0) not in block:
        raise ValueError("costs need the (0, 1) and (1, 0) null shapes")
    shapes = [s for s in block if s != (0, 1)]
    if len(shapes) >= 127 or any(a == 0 for a, _ in shapes):
        raise ValueError("shapes: (0, 1) is the only one with an empty source side; at most 126")
    ring = max(a for a, _ in shapes) + 1
    total = np.full((ring, width), np.inf)
    back = np.full((n_src + 1, width), -1, dtype=np.int8)
    steps_k = np.arange(width)
    src_steps = np.array([a for a, _ in shapes])
    tgt_steps = np.array([b for _, b in shapes])[:, None]
    block_start = 0
    stacked = np.stack([block[s] for s in shapes])
    for i in range(n_src + 1):
        if i >= block_start + block_rows:
            block_start = i
            block = cost_rows(i, min(i + block_rows, n_src + 1))
            stacked = np.stack([block[s] for s in shapes])
        cols = band.positions(i)
        inside = cols <= band.hi[i]
        # every shape at once: the row it comes from, the column there, whether it may
        prev_rows = np.maximum(i - src_steps, 0)
        shifted_cols = cols[None, :] - tgt_steps
        idx = shifted_cols - band.lo[prev_rows][:, None]
        ok = (
            inside[None, :]
            & (idx >= 0)
            & (shifted_cols <= band.hi[prev_rows][:, None])
            & (src_steps <= i)[:, None]
        )
        prev = total[(prev_rows % ring)[:, None], np.clip(idx, 0, width - 1)]
        cand = np.where(ok, prev + stacked[:, i - block_start], np.inf)
        best_shape = np.argmin(cand, axis=0).astype(np.int16)
        best = cand[best_shape, steps_k]
        best_shape[np.isinf(best)] = -1
        if i == 0:
            best[cols == 0] = 0.0
        # insertions (0, 1) stay in the row: D[k] = min(best[k], D[k - 1] + ins[k])
        steps = np.concatenate(([0.0], block[(0, 1)][i - block_start][1:]))
        steps[~inside] = np.inf
        prefix = np.cumsum(steps)
        with np.errstate(invalid="ignore"):
            shifted = best - prefix
        shifted[np.isnan(shifted)] = np.inf
        running = np.minimum.accumulate(shifted)
        origin = np.maximum.accumulate(np.where(shifted <= running, steps_k, 0))
        with np.errstate(invalid="ignore"):
            row = running + prefix
        row[~inside | np.isnan(row)] = np.inf
        total[i % ring] = row
        back[i] = np.where(origin < steps_k, len(shapes), best_shape)
    return _trace(back, band, shapes, n_src, n_tgt)


def _trace(
    back: np.ndarray, band: Band, shapes: list[Shape], n_src: int, n_tgt: int
) -> list[BeadIds]:
    beads: list[BeadIds] = []
    i, j = n_src, n_tgt
    while i > 0 or j > 0:
        k = int(back[i, j - band.lo[i]])
        if k < 0:
            raise RuntimeError(f"no alignment path reaches ({i}, {j})")
        a, b = (0, 1) if k == len(shapes) else shapes[k]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads
