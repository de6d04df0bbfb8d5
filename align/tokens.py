"""Token-level evidence that a sentence is part of a bead's translation.

A sentence embedding of a short clause folded into a long translated sentence is often no
closer to that sentence than chance: the long sentence says much else. Its words are
still there. SimAlign's *argmax* alignment (Jalili Sabet et al. 2020) links two tokens
when each is the other's closest; run over the bead with the candidate sentence among
the bead's own sentences, the candidate's words must win their counterparts from its
neighbours. The share of its tokens that do is high for a part of the translation and
near zero for a caption, a heading or a sentence the version added.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def mutual_closest(cosines: np.ndarray) -> np.ndarray:
    """For each source token (a row of the source x target token ``cosines``): the target
    token it and that token are each other's closest to, or -1."""
    if cosines.size == 0:
        return np.full(cosines.shape[0], -1, dtype=np.int64)
    closest = cosines.argmax(axis=1)
    mutual = cosines.argmax(axis=0)[closest] == np.arange(cosines.shape[0])
    return np.where(mutual, closest, -1)


def linked_share(
    tokens: np.ndarray,
    spans: Sequence[tuple[int, int]],
    other: np.ndarray,
    start: int,
    end: int,
) -> float | None:
    """Share of a text's tokens within characters ``start .. end`` that are linked to a
    token of the other text (:func:`mutual_closest`). ``tokens``: the text's token
    vectors (unit rows, see :meth:`~align.embedders.Embedder.tokens`), ``spans`` where
    each stands; ``other``: the other text's. None when the span holds no token or the
    other text none (nothing to judge)."""
    inside = [k for k, (a, b) in enumerate(spans) if a >= start and b <= end]
    if not inside or len(other) == 0:
        return None
    partners = mutual_closest(tokens @ other.T)
    return float(np.mean(partners[inside] >= 0))


def letter_tokens(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """How many of a text's tokens hold a letter (a share over fewer says little)."""
    return sum(1 for a, b in spans if any(ch.isalpha() for ch in text[a:b]))
