"""The aligner on real text and on plain arrays: what one odd sentence may and may not change."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from align import Document, align_documents
from align.costs import length_ratio

from .conftest import REF


def test_length_ratio_leaves_out_what_the_model_does_not_read() -> None:
    src = np.array([100.0, 120.0, 80.0])
    tgt = np.array([110.0, 130.0, 90.0])
    assert length_ratio(src, tgt, 4000) == pytest.approx(330 / 300)
    assert length_ratio(src, np.append(tgt, 20_000.0), 4000) == pytest.approx(330 / 300)
    # a side made only of long sentences still has a ratio
    assert length_ratio(np.array([5000.0]), np.array([6000.0]), 4000) == pytest.approx(1.2)
    assert length_ratio(np.array([]), tgt, 4000) == 1.0


def _with_sentence(doc: Document, at: int, sentence: str) -> Document:
    def put(values: tuple, value: object) -> tuple:
        return (*values[:at], value, *values[at:])

    return replace(
        doc,
        sentences=put(doc.sentences, sentence),
        paragraphs=put(doc.paragraphs, doc.paragraphs[at]),
        langs=put(doc.langs, doc.lang),
    )


def _list_sentence(chars: int) -> str:
    """A French sentence of about ``chars`` characters without a full stop (a list pasted
    as one line), about none of the story."""
    words = (
        "la commission a examiné les rapports des groupes de travail sur les marchés "
        "agricoles et les échanges régionaux"
    ).split()
    rng = random.Random(chars)
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < chars:
        out.append(rng.choice(words))
    return " ".join(out)[:chars].rstrip() + "."


@pytest.mark.parametrize("chars", [300, 5_000, 20_000])
def test_a_long_added_sentence_leaves_the_other_beads_unchanged(
    seed_docs, embedder, second, chars: int
) -> None:  # type: ignore[no-untyped-def]
    ref, version = seed_docs[REF.stem], seed_docs["001_355e51555a3ccf1d"]
    before = align_documents(ref, version, embedder, second=second)
    at = len(version) - 2
    after = align_documents(
        ref, _with_sentence(version, at, _list_sentence(chars)), embedder, second=second
    )

    def old_index(j: int) -> int:
        return j if j < at else j - 1

    # the added sentence is an addition of its own
    assert [(b.src_ids, b.tgt_ids) for b in after.beads if at in b.tgt_ids] == [((), (at,))]
    kept = [
        (b.src_ids, tuple(old_index(j) for j in b.tgt_ids))
        for b in after.beads
        if at not in b.tgt_ids
    ]
    assert kept == [(b.src_ids, b.tgt_ids) for b in before.beads]
