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

from collections.abc import Mapping

import numpy as np

Shape = tuple[int, int]
BeadIds = tuple[tuple[int, ...], tuple[int, ...]]

DEFAULT_SHAPES: tuple[Shape, ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))


def bead_shapes(max_bead: int) -> tuple[Shape, ...]:
    """Bead shapes allowed when a bead may merge up to ``max_bead`` sentences on a side.

    Always 0-1, 1-0 and 1-1; then every 1-k and k-1 up to ``max_bead``, and 2-2 from 2 up.
    """
    shapes: list[Shape] = [(0, 1), (1, 0), (1, 1)]
    for k in range(2, max_bead + 1):
        shapes += [(1, k), (k, 1)]
    if max_bead >= 2:
        shapes.append((2, 2))
    return tuple(shapes)


def align_path(costs: Mapping[Shape, np.ndarray], n_src: int, n_tgt: int) -> list[BeadIds]:
    """Cheapest bead sequence covering ``n_src`` source and ``n_tgt`` target sentences.

    ``costs[(a, b)]`` is an ``(n_src + 1, n_tgt + 1)`` array: entry ``[i, j]`` is the cost of
    the bead ending just before source sentence ``i`` and target sentence ``j`` (``inf``
    where it is not allowed). ``(0, 1)`` and ``(1, 0)`` must be present so that a path
    always exists. Returns the beads in document order as (source ids, target ids).
    """
    if (0, 1) not in costs or (1, 0) not in costs:
        raise ValueError("costs need the (0, 1) and (1, 0) null shapes")
    shapes = [s for s in costs if s != (0, 1)]
    total = np.full((n_src + 1, n_tgt + 1), np.inf)
    back = np.full((n_src + 1, n_tgt + 1), -1, dtype=np.int16)
    insert_cost = costs[(0, 1)]
    cols = np.arange(n_tgt + 1)
    for i in range(n_src + 1):
        best = np.full(n_tgt + 1, np.inf)
        best_shape = np.full(n_tgt + 1, -1, dtype=np.int16)
        if i == 0:
            best[0] = 0.0
        for k, (a, b) in enumerate(shapes):
            if a > i:
                continue
            cand = np.full(n_tgt + 1, np.inf)
            cand[b:] = total[i - a, : n_tgt + 1 - b] + costs[(a, b)][i, b:]
            better = cand < best
            best[better] = cand[better]
            best_shape[better] = k
        # insertions (0, 1) within the row: D[j] = min(best[j], D[j - 1] + ins[j])
        steps = np.concatenate(([0.0], insert_cost[i, 1:]))
        prefix = np.cumsum(steps)
        with np.errstate(invalid="ignore"):
            shifted = best - prefix
        shifted[np.isnan(shifted)] = np.inf
        running = np.minimum.accumulate(shifted)
        origin = np.maximum.accumulate(np.where(shifted <= running, cols, 0))
        total[i] = running + prefix
        from_insert = origin < cols
        back[i] = np.where(from_insert, len(shapes), best_shape)
    return _trace(back, shapes, n_src, n_tgt)


def _trace(back: np.ndarray, shapes: list[Shape], n_src: int, n_tgt: int) -> list[BeadIds]:
    beads: list[BeadIds] = []
    i, j = n_src, n_tgt
    while i > 0 or j > 0:
        k = int(back[i, j])
        if k < 0:
            raise RuntimeError(f"no alignment path reaches ({i}, {j})")
        a, b = (0, 1) if k == len(shapes) else shapes[k]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads
