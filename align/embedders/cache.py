"""On-disk cache of embeddings and latent terms, keyed by model fingerprint and text hash.

A rerun, or a second version against the same reference, embeds nothing twice. The
location is ``$FACTALIGN_CACHE`` or ``~/.cache/factalign``; ``--no-cache`` turns it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..store import Store, text_key
from . import Embedder, Terms


class CachedEmbedder:
    """Wraps an :class:`Embedder`; embeds only texts not seen before, each distinct text once.

    Vectors are kept in memory too, up to ``memory_limit`` of them (then the memory is
    emptied, the disk keeps them), so a long-lived batch worker does not grow without end.
    """

    memory_limit = 200_000

    def __init__(self, inner: Embedder, directory: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.fingerprint = inner.fingerprint
        self.dim = inner.dim
        self.languages = inner.languages
        self._memory: dict[bytes, np.ndarray] = {}
        self._store = Store(f"emb-{self.fingerprint}", directory)
        self._terms: dict[bytes, Terms] = {}
        self._terms_store = Store(f"terms-{self.fingerprint}", directory)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        if len(self._memory) + len(keys) > self.memory_limit:
            self._memory.clear()
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        for k, blob in self._store.get_many(missing).items():
            vec = np.frombuffer(blob, dtype=np.float32)
            if vec.shape == (self.dim,):
                self._memory[k] = vec
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._memory}
        if todo:
            vectors = self.inner.embed(list(todo.values()))
            fresh = dict(zip(todo, vectors, strict=True))
            self._memory.update(fresh)
            self._store.put_many(
                {k: np.asarray(v, dtype=np.float32).tobytes() for k, v in fresh.items()}
            )
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, k in enumerate(keys):
            out[row] = self._memory[k]
        return out

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        """Latent terms, each distinct text computed once (stored as ids then weights)."""
        keys = [text_key(t) for t in texts]
        if len(self._terms) + len(keys) > self.memory_limit:
            self._terms.clear()
        missing = [k for k in dict.fromkeys(keys) if k not in self._terms]
        for k, blob in self._terms_store.get_many(missing).items():
            if len(blob) % 8 == 0:
                half = len(blob) // 2
                self._terms[k] = (
                    np.frombuffer(blob[:half], dtype=np.int32),
                    np.frombuffer(blob[half:], dtype=np.float32),
                )
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._terms}
        if todo:
            fresh = dict(zip(todo, self.inner.terms(list(todo.values())), strict=True))
            self._terms.update(fresh)
            self._terms_store.put_many(
                {
                    k: np.asarray(ids, dtype=np.int32).tobytes()
                    + np.asarray(weights, dtype=np.float32).tobytes()
                    for k, (ids, weights) in fresh.items()
                }
            )
        return [self._terms[k] for k in keys]
