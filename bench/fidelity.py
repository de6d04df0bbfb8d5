"""Does fidelity rank a good translation above its damaged twin? DEMETR, per perturbation file.

    python bench/fidelity.py [--files critical_id4_codemix,...] [--mt apertium]

For each file and source language, the 50 source sentences are the reference document
(one per line, pre-segmented) and the good (``mt_sent``) and perturbed (``pert_sent``)
translations are two versions, aligned and scored by the real pipeline
(:func:`eval.pipeline.run`, what ``factalign run --presegmented`` calls). Accuracy is the
share of applied perturbations where the good translation's bead fidelity is strictly
higher. Printed beside it, on the same items in the same run: sentence BLEU and chrF
from sacrebleu against the human reference (``eng_sent``; they see a reference, factalign
does not) and plain e5 cosine against the source. For ``base_id35_reference`` (the human
reference as the "perturbed" side, both correct) the mean absolute fidelity difference is
printed instead. Then the seeds' document fidelity against 003.

With ``--mt ENGINE`` only the source languages the engine translates English into are
used (Apertium: French and Spanish), and two more columns come from the same items:
factalign with the MT pivot (its fidelity then includes the MT chrF factor) and the MT
chrF alone (sentence chrF of the version's machine translation against the source).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align import MissingBackendError  # noqa: E402
from bench.demetr import DATA, LANG_CODES, bead_of, load  # noqa: E402
from eval.tsv import Row  # noqa: E402


def mt_chrf(row: Row) -> float:
    """The row's MT chrF (0 where there is none)."""
    return float(row.extra.get("mt_chrf") or 0.0)


def main() -> None:
    import sacrebleu

    from align import get_embedder, load_document, segment_text
    from eval import run, summarize

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", help="comma-separated file names (default: all)")
    parser.add_argument("--mt", help="MT engine for the pivot columns (e.g. apertium)")
    args = parser.parse_args()
    names = args.files.split(",") if args.files else sorted(p.stem for p in DATA.glob("*.jsonl"))
    embedder = get_embedder(progress=False)
    second = get_embedder("use", progress=False)  # the aligner's, as the CLI has it
    translator = None
    if args.mt:
        from align.translators import get_translator

        translator = get_translator(args.mt, progress=False)
    started = time.perf_counter()
    mt_head = f" {'+MT pivot':>9} {'MT chrF':>7}" if translator else ""
    print(
        f"{'file':<34} {'items':>5} {'factalign':>9}{mt_head} {'BLEU(ref)':>9} {'chrF(ref)':>9} {'e5 cos':>7}"
    )
    for name in names:
        wins = {"factalign": 0, "pivot": 0, "mt_chrf": 0, "bleu": 0, "chrf": 0, "cos": 0}
        diffs: list[float] = []
        pivot_diffs: list[float] = []
        items_used = 0
        for lang, items in load(name).items():
            code = LANG_CODES[lang]
            if translator is not None:
                try:
                    translator.check_pair("en", code)
                except MissingBackendError:
                    continue
            src = segment_text("\n".join(it["src_sent"] for it in items), "src", presegmented=True)
            mt = segment_text(
                "\n".join(it["mt_sent"] or "." for it in items), "mt", presegmented=True
            )
            pert_lines = [it["pert_sent"].replace("\n", " ") for it in items]
            pert = segment_text(
                "\n".join(line or "\u2060" for line in pert_lines), "pert", presegmented=True
            )
            rows = run(src, [mt, pert], embedder, second=second)
            mt_rows = [r for r in rows if r.tgt_doc == "mt"]
            pert_rows = [r for r in rows if r.tgt_doc == "pert"]
            if translator is not None:
                pivot = run(
                    replace(src, lang=code),
                    [replace(mt, lang="en"), replace(pert, lang="en")],
                    embedder,
                    translator=translator,
                    second=second,
                )
                pivot_mt = [r for r in pivot if r.tgt_doc == "mt"]
                pivot_pert = [r for r in pivot if r.tgt_doc == "pert"]
            cos_mt = (
                embedder.embed([it["src_sent"] for it in items])
                * embedder.embed([it["mt_sent"] for it in items])
            ).sum(1)
            cos_pert = (
                embedder.embed([it["src_sent"] for it in items])
                * embedder.embed([p or "." for p in pert_lines])
            ).sum(1)
            for k, it in enumerate(items):
                if not it["pert_check"]:
                    continue
                items_used += 1
                f_mt = bead_of(mt_rows, k).fidelity or 0.0
                f_pert = bead_of(pert_rows, k).fidelity or 0.0
                if name == "base_id35_reference":
                    diffs.append(abs(f_mt - f_pert))
                wins["factalign"] += f_mt > f_pert
                if translator is not None:
                    a, b = bead_of(pivot_mt, k), bead_of(pivot_pert, k)
                    wins["pivot"] += (a.fidelity or 0.0) > (b.fidelity or 0.0)
                    if name == "base_id35_reference":
                        pivot_diffs.append(abs((a.fidelity or 0.0) - (b.fidelity or 0.0)))
                    wins["mt_chrf"] += mt_chrf(a) > mt_chrf(b)
                ref = [it["eng_sent"]]
                wins["bleu"] += (
                    sacrebleu.sentence_bleu(it["mt_sent"], ref).score
                    > sacrebleu.sentence_bleu(it["pert_sent"], ref).score
                )
                wins["chrf"] += (
                    sacrebleu.sentence_chrf(it["mt_sent"], ref).score
                    > sacrebleu.sentence_chrf(it["pert_sent"], ref).score
                )
                wins["cos"] += bool(cos_mt[k] > cos_pert[k])
        n = max(items_used, 1)
        ours = (
            f"{np.mean(diffs):>8.3f}d"
            if name == "base_id35_reference"
            else f"{wins['factalign'] / n:>9.3f}"
        )
        if translator is not None:
            ours += (
                f" {np.mean(pivot_diffs):>8.3f}d {'-':>7}"
                if name == "base_id35_reference"
                else f" {wins['pivot'] / n:>9.3f} {wins['mt_chrf'] / n:>7.3f}"
            )
        rates = f"{wins['bleu'] / n:>9.3f} {wins['chrf'] / n:>9.3f} {wins['cos'] / n:>7.3f}"
        print(f"{name:<34} {items_used:>5} {ours} {rates}", flush=True)
    print(
        f"({time.perf_counter() - started:.0f} s; 'd' = mean absolute fidelity difference, both sides correct)"
    )
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    ref = load_document(next(p for p in seeds if p.name.startswith("003")))
    versions = [load_document(p) for p in seeds if not p.name.startswith("003")]
    print("\nseeds against 003: document fidelity")
    for s in summarize(run(ref, versions, embedder, second=second)):
        print(
            f"  {s.tgt_doc:<24} {s.tgt_lang}  fidelity {s.fidelity:.3f}  coverage {s.coverage:.2f}  {s.verdict}"
        )


if __name__ == "__main__":
    main()
