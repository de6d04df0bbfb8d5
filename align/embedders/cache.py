"""On-disk cache of embeddings, latent terms and token vectors, keyed by model fingerprint and text hash.

A rerun, or a second version against the same reference, embeds nothing twice. The
location is ``$FACTALIGN_CACHE`` or ``~/.cache/factalign``; ``--no-cache`` turns it off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..store import Store, text_key
from . import Embedder, Reading, Terms, Unprefixed
from .e5_tokens import TOKEN_LAYER


class _TextCache:
    """Values computed per distinct text, in memory (up to ``limit``, then emptied) and in
    one on-disk store; ``decode`` returns None for a stored value it cannot read."""

    def __init__(self, store: Store, limit: int) -> None:
        self.store, self.limit = store, limit
        self.memory: dict[bytes, Any] = {}

    def peek(self, texts: Sequence[str]) -> list[Any | None]:
        """What memory holds for each text (None where it holds nothing); computes nothing."""
        return [self.memory.get(text_key(t)) for t in texts]

    def lookup(
        self,
        texts: Sequence[str],
        compute: Callable[[list[str]], Sequence[Any]],
        encode: Callable[[Any], bytes],
        decode: Callable[[bytes], Any | None],
    ) -> list[Any]:
        keys = [text_key(t) for t in texts]
        if len(self.memory) + len(keys) > self.limit:
            self.memory.clear()
        missing = [k for k in dict.fromkeys(keys) if k not in self.memory]
        for k, blob in self.store.get_many(missing).items():
            value = decode(blob)
            if value is not None:
                self.memory[k] = value
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.memory}
        if todo:
            self._keep(dict(zip(todo, compute(list(todo.values())), strict=True)), encode)
        return [self.memory[k] for k in keys]

    def put(
        self, texts: Sequence[str], values: Sequence[Any], encode: Callable[[Any], bytes]
    ) -> None:
        """Keep values computed on the way to others (of texts not kept yet)."""
        fresh = {
            k: v for k, v in zip(map(text_key, texts), values, strict=True) if k not in self.memory
        }
        if len(self.memory) + len(fresh) > self.limit:
            self.memory.clear()
        self._keep(fresh, encode)

    def _keep(self, fresh: dict[bytes, Any], encode: Callable[[Any], bytes]) -> None:
        """Values just computed, into memory and onto the disk."""
        self.memory.update(fresh)
        self.store.put_many({k: encode(v) for k, v in fresh.items()})


class CachedEmbedder:
    """Wraps an :class:`Embedder`; embeds only texts not seen before, each distinct text once.

    Values are kept in memory too, up to ``memory_limit`` texts of vectors and of terms and
    ``token_memory_limit`` of token vectors (then the memory is emptied, the disk keeps
    them), so a long-lived batch worker does not grow without end.
    """

    memory_limit = 200_000
    token_memory_limit = 20_000  # a sentence's token vectors weigh as much as ~50 embeddings

    def __init__(self, inner: Embedder, directory: Path | None = None, disk: bool = True) -> None:
        """``disk`` off (``--no-cache``): values are kept in memory for the run only."""
        self.inner = inner
        self.name = inner.name
        self.fingerprint = inner.fingerprint
        self.dim = inner.dim
        self.languages = inner.languages
        self.chance_cosine = inner.chance_cosine

        def store(name: str) -> Store:
            return Store(name, directory, disk=disk)

        self._vectors = _TextCache(store(f"emb-{self.fingerprint}"), self.memory_limit)
        self._terms = _TextCache(store(f"terms-{self.fingerprint}"), self.memory_limit)
        self._tokens = _TextCache(
            store(f"tokens-l{TOKEN_LAYER}-{self.fingerprint}"), self.token_memory_limit
        )
        self._unprefixed = _TextCache(store(f"unprefixed-{self.fingerprint}"), self.memory_limit)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._vectors.lookup(texts, self.inner.embed, _encode_vector, self._decode_vector)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, vector in enumerate(vectors):
            out[row] = vector
        return out

    def read(self, texts: Sequence[str]) -> Reading:
        """Embeddings, latent terms and token vectors (what scoring compares of a text):
        a text lacking its terms gets its token vectors from the same pass."""
        terms = self.terms(texts)
        return self.embed(texts), terms, self.tokens(texts)

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        """Latent terms, each distinct text computed once (stored as ids then weights);
        the pass that computes them gives the token vectors and the unprefixed embedding
        too, which are kept."""
        return self._terms.lookup(texts, self._keeping_all(0), _encode_terms, _decode_terms)

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings read without the prefix, each distinct text computed once (with its
        terms and token vectors, which are kept)."""
        vectors = self._unprefixed.lookup(
            texts, self._keeping_all(2), _encode_vector, self._decode_vector
        )
        return np.stack(vectors) if vectors else np.zeros((0, self.dim), dtype=np.float32)

    def _keeping_all(self, part: int) -> Callable[[list[str]], list[Any]]:
        """A computation of part ``part`` of :meth:`unprefixed` that keeps the other two."""

        def compute(texts: list[str]) -> list[Any]:
            terms, tokens, vectors = self.inner.unprefixed(texts)
            parts = [
                (self._terms, terms, _encode_terms),
                (self._tokens, tokens, _encode_tokens),
                (self._unprefixed, list(vectors), _encode_vector),
            ]
            for k, (cache, values, encode) in enumerate(parts):
                if k != part:
                    cache.put(texts, values, encode)
            return parts[part][1]

        return compute

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        return self.terms(texts), self.tokens(texts), self.embed_unprefixed(texts)

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Token vectors, each distinct text computed once (stored as float16, the
        precision the encoder rounds them to: a cached text gives the same numbers)."""
        return self._tokens.lookup(texts, self.inner.tokens, _encode_tokens, self._decode_tokens)

    def _decode_vector(self, blob: bytes) -> np.ndarray | None:
        vector = np.frombuffer(blob, dtype=np.float32)
        return vector if vector.shape == (self.dim,) else None

    def _decode_tokens(self, blob: bytes) -> np.ndarray | None:
        if len(blob) % (2 * self.dim):
            return None
        return np.frombuffer(blob, dtype=np.float16).reshape(-1, self.dim).astype(np.float32)

    def peek(self, kind: str, texts: Sequence[str]) -> list[Any | None]:
        """The values of ``kind`` (``embed``, ``terms``, ``tokens`` or ``unprefixed``)
        already in memory for each text, None where there are none yet; computes and
        reads nothing."""
        caches = {
            "embed": self._vectors,
            "terms": self._terms,
            "tokens": self._tokens,
            "unprefixed": self._unprefixed,
        }
        return caches[kind].peek(texts)

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Where each token of :meth:`tokens` stands in its text (the tokenizer is cheap:
        not stored)."""
        return self.inner.token_spans(texts)


def _encode_vector(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def _encode_tokens(vectors: np.ndarray) -> bytes:
    return np.asarray(vectors, np.float16).tobytes()


def _encode_terms(terms: Terms) -> bytes:
    ids, weights = terms
    return (
        np.asarray(ids, dtype=np.int32).tobytes() + np.asarray(weights, dtype=np.float32).tobytes()
    )


def _decode_terms(blob: bytes) -> Terms | None:
    if len(blob) % 8:
        return None
    half = len(blob) // 2
    return np.frombuffer(blob[:half], dtype=np.int32), np.frombuffer(blob[half:], dtype=np.float32)
