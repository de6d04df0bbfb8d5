"""Fact flags on human literary translations, aligned by hand: Text+Berg de-fr, MAC zh-en.

    python bench/gold_flags.py [--set textberg|mac] [--docs dev|test] [--show N]

Each gold bead is scored as ``factalign score`` scores an aligned TSV. Text+Berg
(``../shared/bench/align/textberg-de-fr``): German yearbook prose of the Swiss Alpine Club
and its published French translation, the German as reference; its dev document is the
one whose flags were read, test0-6 the figure that counts. MAC
(``../shared/bench/align/mac-zh-en``): chapters of Chinese novels and their published
English translations, the Chinese as reference; texts 001-008 are read ("dev"), 009-012
(another book) count ("test").

Printed: how many beads carry a fact flag (dropped, added or changed date, number, money,
percentage or name; clauses left out), per 100 beads, and the flags by kind; ``--show``
prints that many flagged beads to read. The translators were free: some flags are true (a
year or a page number the French left out), so this is an upper bound on false flags, and
a rule that lowers it must keep the flags that are right.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import mac  # noqa: E402
from bench.facts import fact_flags  # noqa: E402
from bench.textberg import DATA, TEST_DOCS, BeadIds, read_gold, read_lines  # noqa: E402
from eval.tsv import Row  # noqa: E402

SETS = {
    "textberg": {"dev": ["dev"], "test": TEST_DOCS},
    "mac": {"dev": mac.TUNE, "test": mac.HELD_OUT},
}


def gold_rows(corpus: str, doc: str) -> list[Row]:
    """One unscored row per gold bead of ``doc`` with both sides non-empty."""
    if corpus == "mac":
        langs = ("zh", "en")
        src_lines, tgt_lines = mac.read_text(doc, "zh"), mac.read_text(doc, "en")
        beads: list[BeadIds] = mac.read_beads(doc)
    else:
        langs = ("de", "fr")
        src_lines, tgt_lines = read_lines(DATA / f"{doc}.de"), read_lines(DATA / f"{doc}.fr")
        beads = read_gold(DATA / f"{doc}.defr")
    return [
        Row(
            doc,
            f"{doc}.{langs[1]}",
            *langs,
            src,
            tgt,
            " ".join(src_lines[i] for i in src),
            " ".join(tgt_lines[j] for j in tgt),
            1.0,
        )
        for src, tgt in beads
        if src and tgt
    ]


def main() -> None:
    from align import get_embedder
    from eval.scoring import score_rows

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=tuple(SETS), default="textberg")
    parser.add_argument("--docs", choices=("dev", "test"), default="test")
    parser.add_argument("--show", type=int, default=0, help="print this many flagged beads")
    args = parser.parse_args()
    embedder = get_embedder(progress=False)
    beads, flagged, kinds, shown = 0, 0, Counter(), 0
    for doc in SETS[args.set][args.docs]:
        for row in score_rows(gold_rows(args.set, doc), embedder):
            found = fact_flags(row.flags)
            beads += 1
            flagged += bool(found)
            kinds.update(":".join(f.split(":")[:2]) for f in found)
            if found and shown < args.show:
                shown += 1
                print(
                    f"{doc} {row.src_ids}:{row.tgt_ids} {found}\n  {row.src_text}\n  {row.tgt_text}"
                )
    print(
        f"{args.set} {args.docs}: {beads} gold beads, {flagged} with a fact flag "
        f"({100 * flagged / max(beads, 1):.1f} per 100)"
    )
    print("flags by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
