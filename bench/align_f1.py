"""Sentence-alignment accuracy through the real CLI: Text+Berg de-fr and MAC zh-en.

    python bench/align_f1.py                  # both sets, each scored by its published rule
    python bench/align_f1.py --set textberg   # test0..test6 (dev with --docs dev)
    python bench/align_f1.py --set mac        # MAC 001-012, tuned (001-008) and held out (009-012)

Each document goes through ``factalign align --presegmented --ref SRC TGT``; the beads of
the TSV are scored against the gold with the rule of the data's README (Text+Berg:
Vecalign's ``score.py``, null beads in precision; MAC: exact bead strings, null beads on
both sides). On Text+Berg nltk's Gale-Church (``align_blocks`` on character lengths, the
whole document one block) runs in the same script as the baseline; on MAC the peers'
committed outputs are scored in the same run on the same texts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import mac
from bench.textberg import (
    DATA,
    TEST_DOCS,
    BeadIds,
    Counts,
    harder_variant,
    read_gold,
    read_lines,
)
from eval.tsv import read_rows

PUBLISHED = [
    ("Bertalign (LaBSE, published)", 0.932, 0.941, 0.936, 0.989),
    ("Vecalign (LASER, published)", 0.899, 0.904, 0.902, 0.986),
]


def factalign_beads(
    de: list[str], fr: list[str], extra: list[str], names: tuple[str, str] = ("de", "fr")
) -> list[BeadIds]:
    """Beads of ``factalign align`` on the reference ``de`` and the version ``fr`` (one
    sentence per line), written as ``names[0].txt`` and ``names[1].txt``."""
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp, f"{names[0]}.txt"), Path(tmp, f"{names[1]}.txt")
        src.write_text("\n".join(de) + "\n", encoding="utf-8")
        tgt.write_text("\n".join(fr) + "\n", encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "eval.cli",
                "align",
                "-q",
                "--presegmented",
                "--ref",
                str(src),
                str(tgt),
                *extra,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        )
    if done.returncode != 0:
        raise SystemExit(f"factalign failed: {done.stderr}")
    return [(r.src_ids, r.tgt_ids) for r in read_rows(done.stdout.split("\n"), "factalign")]


def gale_church_beads(de: list[str], fr: list[str]) -> list[BeadIds]:
    """nltk's Gale-Church over the whole document as one block; links grouped into beads."""
    from nltk.translate.gale_church import align_blocks

    links = align_blocks([max(len(s), 1) for s in de], [max(len(s), 1) for s in fr])
    # connected components of the link graph, in order; unlinked sentences become null beads
    beads: list[tuple[set[int], set[int]]] = []
    for i, j in links:
        if beads and (i in beads[-1][0] or j in beads[-1][1]):
            beads[-1][0].add(i)
            beads[-1][1].add(j)
        else:
            beads.append(({i}, {j}))
    linked_src = {i for i, _ in links}
    linked_tgt = {j for _, j in links}
    out = [(tuple(sorted(s)), tuple(sorted(t))) for s, t in beads]
    out += [((i,), ()) for i in range(len(de)) if i not in linked_src]
    out += [((), (j,)) for j in range(len(fr)) if j not in linked_tgt]
    return out


def textberg_table(docs: list[str], harder: bool, extra: list[str]) -> None:
    ours, gc = Counts(), Counts()
    started = time.perf_counter()
    for n, doc in enumerate(docs):
        de, fr = read_lines(DATA / f"{doc}.de"), read_lines(DATA / f"{doc}.fr")
        gold = read_gold(DATA / f"{doc}.defr")
        if harder:
            foreign = read_lines(DATA / f"{docs[(n + 1) % len(docs)]}.fr")[10:15]
            de, fr, gold = harder_variant(de, fr, gold, foreign, seed=n)
        ours.add(factalign_beads(de, fr, extra), gold)
        gc.add(gale_church_beads(de, fr), gold)
    elapsed = time.perf_counter() - started
    variant = " (harder variant: 5 deleted, 5 foreign inserted)" if harder else ""
    print(f"Text+Berg de-fr{variant}, documents {','.join(docs)}, micro-averaged ({elapsed:.0f} s)")
    print("rule: Vecalign's score.py (null beads in precision)")
    print(f"{'aligner':<34} {'strict P':>8} {'strict R':>8} {'strict F1':>9} {'lax F1':>7}")
    for name, counts in (("factalign (this run)", ours), ("nltk Gale-Church (this run)", gc)):
        s = counts.scores()
        print(
            f"{name:<34} {s['strict_p']:>8.3f} {s['strict_r']:>8.3f} {s['strict_f1']:>9.3f} {s['lax_f1']:>7.3f}"
        )
    if docs == TEST_DOCS and not harder:
        for name, p, r, f1, lax in PUBLISHED:
            print(f"{name:<34} {p:>8.3f} {r:>8.3f} {f1:>9.3f} {lax:>7.3f}")
    print()


def mac_table(extra: list[str]) -> None:
    started = time.perf_counter()
    parts = {
        "001-008 (tuned on)": mac.TUNE,
        "009-012 (held out)": mac.HELD_OUT,
        "001-012": mac.TEXTS,
    }
    gold = {t: mac.read_beads(t) for t in mac.TEXTS}
    ours: dict[str, list[BeadIds]] = {}
    for text in mac.TEXTS:
        zh, en = mac.read_text(text, "zh"), mac.read_text(text, "en")
        ours[text] = factalign_beads(zh, en, extra, (f"zh{text}", f"en{text}"))
    elapsed = time.perf_counter() - started
    rows = [("factalign (this run)", ours)]
    rows += [
        (f"{name} (committed output)", {t: mac.read_beads(t, peer) for t in mac.TEXTS})
        for peer, name in mac.PEERS.items()
    ]
    print(f"MAC zh-en, texts 001-012, pooled over texts ({elapsed:.0f} s)")
    print("rule: exact bead strings, null beads included (the corpus's eval_mac.pl)")
    header = "".join(f" {part + ' P/R/F1':>30}" for part in parts)
    print(f"{'aligner':<34}{header}")
    for name, beads in rows:
        cells = []
        for texts in parts.values():
            counts = mac.ExactCounts()
            for t in texts:
                counts.add(beads[t], gold[t])
            s = counts.scores()
            cells.append(f"{s['p']:.3f} / {s['r']:.3f} / {s['f1']:.3f}")
        print(f"{name:<34}" + "".join(f" {c:>30}" for c in cells))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=("all", "textberg", "mac"), default="all")
    parser.add_argument(
        "--docs", default=",".join(TEST_DOCS), help="Text+Berg documents (default: test0..test6)"
    )
    parser.add_argument(
        "--harder",
        action="store_true",
        help="Text+Berg's harder variant: per document, 5 de sentences deleted and 5 foreign "
        "fr sentences (from the next document) inserted, gold transformed to match",
    )
    parser.add_argument(
        "factalign_args", nargs="*", help="extra arguments for factalign align (after --)"
    )
    args = parser.parse_args()
    if args.set in ("all", "textberg"):
        textberg_table(args.docs.split(","), args.harder, args.factalign_args)
    if args.set in ("all", "mac"):
        mac_table(args.factalign_args)


if __name__ == "__main__":
    main()
