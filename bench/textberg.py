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
    """Hit counts summed over documents (micro average)."""

    strict_p: int = 0
    lax_p: int = 0
    n_test: int = 0
    strict_r: int = 0
    lax_r: int = 0
    n_gold: int = 0

    def add(self, test: Sequence[BeadIds], gold: Sequence[BeadIds]) -> None:
        test_full = [b for b in test if b[0] and b[1]]
        gold_full = [b for b in gold if b[0] and b[1]]
        self.strict_p += _hits(test_full, gold, strict=True)
        self.lax_p += _hits(test_full, gold, strict=False)
        self.n_test += len(test_full)
        self.strict_r += _hits(gold_full, test, strict=True)
        self.lax_r += _hits(gold_full, test, strict=False)
        self.n_gold += len(gold_full)

    def scores(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

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


def _links(beads: Iterable[BeadIds]) -> set[tuple[int, int]]:
    return {(i, j) for src, tgt in beads for i in src for j in tgt}


def _hits(beads: Sequence[BeadIds], reference: Sequence[BeadIds], strict: bool) -> int:
    if strict:
        ref = {(tuple(s), tuple(t)) for s, t in reference}
        return sum(1 for b in beads if (tuple(b[0]), tuple(b[1])) in ref)
    links = _links(reference)
    return sum(1 for src, tgt in beads if any((i, j) in links for i in src for j in tgt))
