"""A real, tiny Argos Translate package built from scratch, so MT tests need no download.

A SentencePiece model trained on the given sentences, a one-layer CTranslate2 Transformer
(16 dimensions) made with ``ctranslate2.specs`` from seeded random numpy weights, and the
``metadata.json`` Argos expects, zipped as ``translate-<from>_<to>-1_0.argosmodel``. Its
translations are nonsense, but every step a real package goes through is real:
installation, loading, tokenization, batched beam search, decoding.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIM, FFN, HEADS = 16, 32, 2
EOS_BIAS = 1.5  # "</s>" this much likelier: outputs of 5 to 70 pieces, as a real model ends


def _weights(spec, vocab_size: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)

    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.3).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, np.float32)

    def norm(layer) -> None:  # type: ignore[no-untyped-def]
        layer.gamma, layer.beta = np.ones(DIM, np.float32), zeros(DIM)

    def attention(block, cross: bool) -> None:  # type: ignore[no-untyped-def]
        norm(block.layer_norm)
        outs = (DIM, 2 * DIM, DIM) if cross else (3 * DIM, DIM)
        for linear, rows in zip(block.linear, outs, strict=True):
            linear.weight, linear.bias = w(rows, DIM), zeros(rows)

    def ffn(block) -> None:  # type: ignore[no-untyped-def]
        norm(block.layer_norm)
        block.linear_0.weight, block.linear_0.bias = w(FFN, DIM), zeros(FFN)
        block.linear_1.weight, block.linear_1.bias = w(DIM, FFN), zeros(DIM)

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = w(vocab_size, DIM)
    dec.embeddings.weight = w(vocab_size, DIM)
    dec.projection.weight, dec.projection.bias = w(vocab_size, DIM), zeros(vocab_size)
    dec.projection.bias[2] = EOS_BIAS
    norm(enc.layer_norm)
    norm(dec.layer_norm)
    attention(enc.layer[0].self_attention, cross=False)
    ffn(enc.layer[0].ffn)
    attention(dec.layer[0].self_attention, cross=False)
    attention(dec.layer[0].attention, cross=True)
    ffn(dec.layer[0].ffn)


def build_argos_package(
    directory: Path, from_code: str, to_code: str, sentences: Sequence[str], seed: int = 0
) -> Path:
    """Write ``translate-<from>_<to>-1_0.argosmodel`` into ``directory``; returns its path."""
    import ctranslate2.specs
    import sentencepiece as spm

    name = f"translate-{from_code}_{to_code}-1_0"
    root = directory / name
    shutil.rmtree(root, ignore_errors=True)
    (root / "model").mkdir(parents=True)
    corpus = directory / f"{name}.corpus.txt"
    corpus.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(root / "sentencepiece"),
        vocab_size=300,
        character_coverage=1.0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
    vocab = ["<unk>", "<s>", "</s>"] + [
        processor.id_to_piece(i) for i in range(1, processor.get_piece_size())
    ]
    spec = ctranslate2.specs.TransformerSpec.from_config(1, HEADS)
    _weights(spec, len(vocab), seed)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(str(root / "model"))
    (root / "metadata.json").write_text(
        json.dumps(
            {
                "package_version": "1.0",
                "argos_version": "1.9",
                "from_code": from_code,
                "from_name": from_code,
                "to_code": to_code,
                "to_name": to_code,
                "type": "translate",
            }
        ),
        encoding="utf-8",
    )
    archive = directory / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(directory).as_posix())
    shutil.rmtree(root)
    return archive
