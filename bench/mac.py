"""MAC (manually aligned Chinese-English literary texts) gold and its own scoring rule
(``../shared/bench/align/mac-zh-en/README.md``: the corpus's ``utils/eval_mac.pl``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.textberg import BeadIds, f1, read_gold

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "align" / "mac-zh-en"
TEXTS = [f"{k:03d}" for k in range(1, 13)]
TUNE = TEXTS[:8]
HELD_OUT = TEXTS[8:]
PEERS = {
    "galechurch": "Gale-Church",
    "hunalign": "Hunalign",
    "bleualign": "Bleualign",
    "vecalign": "Vecalign (LASER)",
    "mbert": "Bertalign",
}


def read_text(text: str, lang: str) -> list[str]:
    """Sentences of ``zh/NNN.zh`` or ``en/NNN.en``, one per line."""
    return (DATA / lang / f"{text}.{lang}").read_text(encoding="utf-8").splitlines()


def read_beads(text: str, aligner: str | None = None) -> list[BeadIds]:
    """Gold beads of a text, or a peer's committed output (``peers/<aligner>/NNN.align``)."""
    folder = DATA / "gold" if aligner is None else DATA / "peers" / aligner
    return read_gold(folder / f"{text}.align")


def bead_key(bead: BeadIds) -> str:
    """The bead as the corpus's scorer compares it: ``[zh ids]:[en ids]`` without spaces."""
    return f"[{','.join(map(str, bead[0]))}]:[{','.join(map(str, bead[1]))}]"


@dataclass
class ExactCounts:
    """Exact-string hits pooled over texts: every bead counts, null beads included, in
    precision and in recall."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, test: Sequence[BeadIds], gold: Sequence[BeadIds]) -> None:
        truth = {bead_key(b) for b in gold}
        self.hits += sum(1 for b in test if bead_key(b) in truth)
        self.predicted += len(test)
        self.gold += len(gold)

    def scores(self) -> dict[str, float]:
        p, r = self.hits / max(self.predicted, 1), self.hits / max(self.gold, 1)
        return {"p": p, "r": r, "f1": f1(p, r)}
