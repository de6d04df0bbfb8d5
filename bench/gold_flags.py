"""Fact flags on human literary translations, aligned by hand: Text+Berg de-fr.

    python bench/gold_flags.py [--docs dev|test]

Each gold bead of Text+Berg (German yearbook prose of the Swiss Alpine Club and its
published French translation, ``../shared/bench/align/textberg-de-fr``) is scored as
``factalign score`` scores an aligned TSV, the German as reference. Printed: how many beads
carry a fact flag (dropped, added or changed date, number, money, percentage or name;
clauses left out), per 100 beads, and the flags by kind. The translators were free: some
flags are true (a year or a page number the French left out), so this is an upper bound on
false flags, and a rule that lowers it must keep the flags that are right. The dev
document is the one whose flags were read; the test set (test0-6) is the figure that counts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.facts import fact_flags  # noqa: E402
from bench.textberg import DATA, TEST_DOCS, read_gold, read_lines  # noqa: E402
from eval.tsv import Row  # noqa: E402


def gold_rows(doc: str) -> list[Row]:
    """One unscored row per gold bead with both sides non-empty."""
    de, fr = read_lines(DATA / f"{doc}.de"), read_lines(DATA / f"{doc}.fr")
    return [
        Row(
            doc,
            f"{doc}.fr",
            "de",
            "fr",
            src,
            tgt,
            " ".join(de[i] for i in src),
            " ".join(fr[j] for j in tgt),
            1.0,
        )
        for src, tgt in read_gold(DATA / f"{doc}.defr")
        if src and tgt
    ]


def main() -> None:
    from align import get_embedder
    from eval.scoring import score_rows

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", choices=("dev", "test"), default="test")
    args = parser.parse_args()
    docs = ["dev"] if args.docs == "dev" else TEST_DOCS
    embedder = get_embedder(progress=False)
    beads, flagged, kinds = 0, 0, Counter()
    for doc in docs:
        for row in score_rows(gold_rows(doc), embedder):
            found = fact_flags(row.flags)
            beads += 1
            flagged += bool(found)
            kinds.update(":".join(f.split(":")[:2]) for f in found)
    print(
        f"Text+Berg {args.docs}: {beads} gold beads, {flagged} with a fact flag "
        f"({100 * flagged / max(beads, 1):.1f} per 100)"
    )
    print("flags by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
