"""MT pivot with Apertium from the system's packages (Debian: apertium, apertium-en-es,
apertium-fr-es; `.ci/run` installs them). Skipped where the command is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.tsv import read_tsv

from .conftest import REF, SEEDS
from .test_cli import factalign

if shutil.which("apertium") is None:
    pytest.skip("Debian package apertium is not installed", allow_module_level=True)

FR, ID, OPINION = (
    SEEDS / "001_355e51555a3ccf1d.txt",
    SEEDS / "002_f5866eb202d2158f.txt",
    SEEDS / "004_3dbb8be4327ffdce.txt",
)


def test_french_reaches_english_through_spanish() -> None:
    from align.translators.apertium_translator import ApertiumTranslator

    engine = ApertiumTranslator(progress=False)
    assert len(engine.route("fr", "en")) == 2
    texts = ["Microsoft a investi 13 milliards de dollars.", "Les discussions\nont échoué.", ""]
    out = engine.translate(texts, "fr", "en")
    assert len(out) == 3 and out[2] == ""
    assert "Microsoft" in out[0] and "13" in out[0] and "dollars" in out[0]
    assert "\n" not in out[1] and out[1]


def test_run_with_apertium_scores_a_translation_above_another_article(tmp_path: Path) -> None:
    out = tmp_path / "mt.tsv"
    done = factalign(
        "run", "--mt", "apertium", "--ref", str(REF), str(FR), str(OPINION), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    assert list(rows[0].extra) == ["mt_text", "mt_chrf", "mt_bleu", "signature"]
    assert "|mt:apertium-" in rows[0].extra["signature"]

    def mean_chrf(prefix: str) -> float:
        scores = [
            float(r.extra["mt_chrf"])
            for r in rows
            if r.tgt_doc.startswith(prefix) and r.src_ids and r.tgt_ids
        ]
        return sum(scores) / len(scores)

    # the faithful French version, machine-translated back, is close to the English reference
    assert mean_chrf("001") > 40 > mean_chrf("004")


def test_missing_apertium_pair_is_named(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    done = factalign("run", "--mt", "apertium", "--ref", str(REF), str(ID), "-o", str(out))
    assert done.returncode == 2
    assert "no Apertium pair for id->en, directly or through es" in done.stderr
    assert "apt-get install apertium" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_mt_chrf_lowers_the_fidelity_of_a_bead_that_lost_a_clause(seed_docs, embedder) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from align.translators import get_translator
    from eval import run

    ref, faithful = seed_docs[REF.stem], seed_docs[FR.stem]
    cut = next(
        k for k, s in enumerate(faithful.sentences) if s.startswith("🔍 Microsoft développe")
    )
    damaged = replace(
        faithful,
        doc_id="damaged",
        sentences=tuple(
            "🔍 Microsoft développe son propre modèle MAI." if k == cut else s
            for k, s in enumerate(faithful.sentences)
        ),
    )
    translator = get_translator("apertium", progress=False)

    def bead(rows, doc_id: str):  # type: ignore[no-untyped-def]
        (row,) = [r for r in rows if r.tgt_doc == doc_id and cut in r.tgt_ids]
        return row

    plain = run(ref, [faithful, damaged], embedder)
    pivot = run(ref, [faithful, damaged], embedder, translator=translator)
    assert float(bead(pivot, "damaged").extra["mt_chrf"]) < float(
        bead(pivot, FR.stem).extra["mt_chrf"]
    )
    assert bead(pivot, "damaged").fidelity < bead(pivot, FR.stem).fidelity
    # the MT factor takes off more than the embedding alone did
    gap_plain = bead(plain, FR.stem).fidelity - bead(plain, "damaged").fidelity
    gap_pivot = bead(pivot, FR.stem).fidelity - bead(pivot, "damaged").fidelity
    assert gap_pivot > gap_plain
