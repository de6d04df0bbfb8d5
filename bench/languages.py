"""Does a faithful translation score the same in every language? DEMETR's human translations.

    python bench/languages.py

DEMETR's ``eng_sent`` is a professional English translation of each FLORES source sentence
(``src_sent``), ten source languages. Each language's items are scored as
``factalign score`` scores a gold-aligned TSV (one 1-1 bead per item), in both directions
(the source as reference and the English as version, and the reverse).

1. Items 0-24: per language, the mean similarity (:func:`eval.fidelity.similarity`) of
   non-matching and of matching sentences, both directions averaged, as one 25-sentence
   document. This is how ``eval.fidelity.LANGUAGE_GAPS`` was measured; the script says
   whether the shipped table still matches. Languages DEMETR lacks come from
   ``bench/languages/<code>.tsv``: the English of the German file's items 0-24 translated
   by the developers (``item<TAB>sentence``), so they have no held-out part here.
2. Items 25-49, the figure that counts: the mean fidelity of these faithful beads, in
   documents of 3 sentences (a short text, where the baseline is mostly the prior) and of
   25, and the share of short-document beads below 0.5 (a ``low_similarity`` flag), with
   the language calibration and without it (``language_gaps=()``), in the same run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demetr import LANG_CODES, load  # noqa: E402
from eval.fidelity import LANGUAGE_GAPS, FidelityConfig  # noqa: E402
from eval.tsv import Row  # noqa: E402

TUNE, HELD_OUT = slice(0, 25), slice(25, 50)
SHORT = 3
EXTRA = ROOT / "bench" / "languages"
EXTRA_SOURCE = "german"
"""The DEMETR file whose English the extra languages translate."""


def bead_rows(doc: str, pairs: Sequence[tuple[str, str]], langs: tuple[str, str]) -> list[Row]:
    """One 1-1 bead per (reference, version) sentence pair."""
    return [
        Row(doc, f"{doc}-version", *langs, (k,), (k,), src, tgt, 1.0)
        for k, (src, tgt) in enumerate(pairs)
    ]


def directions(items: list[dict], code: str) -> dict[str, tuple[list[tuple[str, str]], tuple]]:
    """Both directions of a language's items: name -> (sentence pairs, (ref, version) langs)."""
    forward = [(it["src_sent"], it["eng_sent"]) for it in items]
    return {
        f"{code}>en": (forward, (code, "en")),
        f"en>{code}": ([(t, s) for s, t in forward], ("en", code)),
    }


def tuning_items(items_by_lang: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Items 0-24 per language code: DEMETR's, and the extra languages' translations of the
    English of :data:`EXTRA_SOURCE`'s (their ``src_sent``)."""
    out = {LANG_CODES[lang]: items[TUNE] for lang, items in items_by_lang.items()}
    english = items_by_lang[EXTRA_SOURCE]
    for path in sorted(EXTRA.glob("*.tsv")):
        lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
        out[path.stem] = [{**english[int(k)], "src_sent": text} for k, text in lines]
    return dict(sorted(out.items()))


def gap_table(embedder, items_by_code: dict[str, list[dict]]) -> list[tuple[str, float, float]]:
    """(language, non-matching mean, matching mean), directions averaged."""
    from align.embedders.cache import CachedEmbedder
    from eval.scoring import matched_sides

    config = FidelityConfig()
    cached = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder)
    table = []
    for code, items in items_by_code.items():
        non, match = [], []
        for pairs, langs in directions(items, code).values():
            sides = matched_sides(bead_rows("gap", pairs, langs), cached, config)
            n = len(pairs)
            firsts, seconds = np.divmod(np.arange(n * n), n)
            sims = sides.similarities(firsts, seconds, config).reshape(n, n)
            non.append(float(sims[~np.eye(n, dtype=bool)].mean()))
            match.append(float(np.diag(sims).mean()))
        table.append((code, round(float(np.mean(non)), 3), round(float(np.mean(match)), 3)))
    return table


def fidelities(embedder, pairs, langs, size: int, config: FidelityConfig) -> np.ndarray:
    """Fidelity of each bead, the pairs cut into documents of ``size`` beads."""
    from eval.scoring import score_rows

    out: list[float] = []
    for start in range(0, len(pairs), size):
        rows = bead_rows(f"d{start}", pairs[start : start + size], langs)
        out += [r.fidelity or 0.0 for r in score_rows(rows, embedder, config)]
    return np.array(out)


def main() -> None:
    from align import get_embedder

    embedder = get_embedder(progress=False)
    items_by_lang = load("base_id35_reference")

    table = gap_table(embedder, tuning_items(items_by_lang))
    print("Items 0-24: similarity of non-matching and matching sentences with English")
    print(f"{'lang':<5} {'non-matching':>12} {'matching':>9} {'gap':>6}")
    for code, non, match in table:
        print(f"{code:<5} {non:>12.3f} {match:>9.3f} {match - non:>6.3f}")
    shipped = tuple(table) == LANGUAGE_GAPS
    print(f"eval.fidelity.LANGUAGE_GAPS {'matches' if shipped else 'DIFFERS from'} this table\n")

    configs = {"calibrated": FidelityConfig(), "uncalibrated": FidelityConfig(language_gaps=())}
    print("Items 25-49 (held out): fidelity of faithful human translations")
    head = "".join(f" {name + f' {SHORT}':>15} {'<0.5':>5} {name + ' 25':>16}" for name in configs)
    print(f"{'pair':<7}{head}")
    totals: dict[str, list[np.ndarray]] = {name: [] for name in configs}
    means: dict[str, list[float]] = {name: [] for name in configs}
    for lang, items in sorted(items_by_lang.items(), key=lambda kv: LANG_CODES[kv[0]]):
        for name, (pairs, langs) in directions(items[HELD_OUT], LANG_CODES[lang]).items():
            line = f"{name:<7}"
            for label, config in configs.items():
                short = fidelities(embedder, pairs, langs, SHORT, config)
                whole = fidelities(embedder, pairs, langs, len(pairs), config)
                totals[label].append(short)
                means[label].append(float(short.mean()))
                line += f" {short.mean():>15.3f} {np.mean(short < 0.5):>5.2f} {whole.mean():>16.3f}"
            print(line, flush=True)
    for label in configs:
        short = np.concatenate(totals[label])
        print(
            f"{label}: {SHORT}-sentence documents, mean {short.mean():.3f}, "
            f"below 0.5 {np.mean(short < 0.5):.3f}, "
            f"language means {min(means[label]):.3f}-{max(means[label]):.3f}"
        )


if __name__ == "__main__":
    main()
