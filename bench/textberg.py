"""Text+Berg gold alignments and the scoring rule every published figure uses (see shared README)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "align" / "textberg-de-fr"
TEST_DOCS = [f"test{i}" for i in range(7)]

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


def read_gold(path: Path) -> list[BeadIds]:
    """Gold beads of a ``.defr`` file: ``[i, j]:[k]`` per line."""
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            left, right = line.split(":")
            beads.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return beads


def read_lines(path: Path) -> list[str]:
    return (
        path.read_text(encoding="utf-8").split("\n")[:-1]
        if path.read_text(encoding="utf-8").endswith("\n")
        else path.read_text(encoding="utf-8").split("\n")
    )


@dataclass
class Counts:
    """Hit counts summed over documents (micro average), by the published rule (Vecalign's
    ``score.py``): precision over every predicted bead, null beads included; recall over the
    beads with both sides non-empty, of the gold and of the prediction."""

    strict_p: int = 0
    lax_p: int = 0
    n_test: int = 0
    strict_r: int = 0
    lax_r: int = 0
    n_gold: int = 0

    def add(self, test: Sequence[BeadIds], gold: Sequence[BeadIds]) -> None:
        test_beads = _bead_set(b for b in test if b[0] or b[1])
        gold_beads = _bead_set(b for b in gold if b[0] or b[1])
        strict, lax = _hits(test_beads, gold_beads)
        self.strict_p += strict
        self.lax_p += lax
        self.n_test += len(test_beads)
        test_full = {b for b in test_beads if b[0] and b[1]}
        gold_full = {b for b in gold_beads if b[0] and b[1]}
        strict, lax = _hits(gold_full, test_full)
        self.strict_r += strict
        self.lax_r += lax
        self.n_gold += len(gold_full)

    def scores(self) -> dict[str, float]:
        sp, sr = self.strict_p / max(self.n_test, 1), self.strict_r / max(self.n_gold, 1)
        lp, lr = self.lax_p / max(self.n_test, 1), self.lax_r / max(self.n_gold, 1)
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": f1(sp, sr),
            "lax_p": lp,
            "lax_r": lr,
            "lax_f1": f1(lp, lr),
        }


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _bead_set(beads: Iterable[BeadIds]) -> set[BeadIds]:
    return {(tuple(s), tuple(t)) for s, t in beads}


def _hits(beads: set[BeadIds], reference: set[BeadIds]) -> tuple[int, int]:
    """Strict hits (the identical bead is in ``reference``) and lax hits (a strict hit, or
    some source sentence of the bead is linked in ``reference`` to some target sentence of
    it) of ``beads``."""
    links: dict[int, set[int]] = {}
    for src, tgt in reference:
        for i in src:
            links.setdefault(i, set()).update(tgt)
    strict = lax = 0
    for src, tgt in beads:
        if (src, tgt) in reference:
            strict += 1
            lax += 1
        elif any(j in links.get(i, ()) for i in src for j in tgt):
            lax += 1
    return strict, lax


def harder_variant(
    de: list[str], fr: list[str], gold: list[BeadIds], foreign: list[str], seed: int
) -> tuple[list[str], list[str], list[BeadIds]]:
    """The document with a run of 5 reference (de) sentences deleted and 5 sentences of
    another document (``foreign``) inserted in the version (fr), gold transformed to match.

    The deletion starts at a random gold bead and takes whole beads until at least 5 de
    sentences are gone; their fr sentences become 0-1 beads (the version's additions). The
    insertion goes before the fr sentences of another random gold bead, as five 0-1 beads.
    Sentences the gold leaves out stay in the texts.
    """
    import random

    rng = random.Random(seed)
    full = [k for k, (s, t) in enumerate(gold) if s and t]
    first = rng.randrange(max(1, len(full) // 2))
    deleted: set[int] = set()
    k = first
    while len(deleted) < 5 and k < len(full):
        deleted.update(gold[full[k]][0])
        k += 1
    at = min(gold[rng.choice(full[k + 1 :] or full[:first] or full)][1])
    de_map = {i: n for n, i in enumerate(i for i in range(len(de)) if i not in deleted)}

    def fr_map(j: int) -> int:
        return j + len(foreign) if j >= at else j

    new_gold: list[BeadIds] = [((), (at + n,)) for n in range(len(foreign))]
    for src, tgt in gold:
        kept = tuple(de_map[i] for i in src if i not in deleted)
        moved = tuple(fr_map(j) for j in tgt)
        if kept or not moved:
            new_gold.append((kept, moved))
        else:
            new_gold += [((), (j,)) for j in moved]
    new_de = [s for i, s in enumerate(de) if i not in deleted]
    return new_de, fr[:at] + list(foreign) + fr[at:], new_gold
