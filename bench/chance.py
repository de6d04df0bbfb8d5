"""What each bundled model's cosine of two unrelated sentences is, in ten language pairs.

    python bench/chance.py

The aligner normalizes a bead's similarity by the pair's own random non-matching
sentences; a pair of one or a few sentences has none, and the model's ``chance_cosine``
stands in (:func:`align.costs.random_baseline`). This prints, per DEMETR source language,
the mean cosine of each source sentence with the English translations of the other
items (:func:`align.costs.random_baseline` over the 50 items, its own left out), beside
the constant each embedder declares.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from align.costs import random_baseline
from align.embedders import get_embedder
from bench.demetr import LANGS, load


def main() -> None:
    items = load("base_id35_reference")
    models = {name: get_embedder(name) for name in ("e5", "use")}
    print(f"{'language':<16}" + "".join(f"{name:>8}" for name in models))
    means: dict[str, list[float]] = {name: [] for name in models}
    for lang in LANGS:
        cells = ""
        for name, model in models.items():
            src = model.embed([it["src_sent"] for it in items[lang]])
            tgt = model.embed([it["mt_sent"] for it in items[lang]])
            chance = float(random_baseline(src, tgt, 256).mean())
            means[name].append(chance)
            cells += f"{chance:>8.3f}"
        print(f"{lang:<16}{cells}")
    print(f"{'mean':<16}" + "".join(f"{sum(v) / len(v):>8.3f}" for v in means.values()))
    print(f"{'chance_cosine':<16}" + "".join(f"{m.chance_cosine:>8.3f}" for m in models.values()))


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
