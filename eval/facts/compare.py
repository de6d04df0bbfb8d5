"""Comparing the facts of a reference bead with those of its translation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Fact


@dataclass(frozen=True)
class FactFlag:
    """One finding: ``kind`` is dropped, added or changed; ``text`` is the surface text
    (``old -> new`` for changed)."""

    kind: str
    category: str
    text: str

    def format(self) -> str:
        """The ``kind:category:text`` item of the TSV ``flags`` column."""
        clean = " ".join(self.text.replace("|", "/").split())
        return f"{self.kind}:{self.category}:{clean}"


def _family(fact: Fact) -> str:
    return fact.key.split(":", 1)[0]


def _same_amount(a: Fact, b: Fact) -> bool:
    if a.amount is None or b.amount is None or (a.category == "date" and _family(a) != "year"):
        return False
    if b.category == "date" and _family(b) != "year":
        return False
    return abs(a.amount - b.amount) <= 1e-9 * max(abs(a.amount), abs(b.amount), 1.0)


def compare_facts(source: Sequence[Fact], target: Sequence[Fact]) -> list[FactFlag]:
    """Flags for facts of ``source`` missing from ``target`` and the other way round.

    Facts match on their key; then a figure that changed category (``$13 billion`` read
    as money on one side, a bare ``13 billion`` on the other) still matches on its
    amount. What is left pairs into ``changed`` within a category (same kind of key
    first), and the rest is ``dropped`` or ``added``.
    """
    src = list(source)
    tgt = list(target)
    for fact in list(src):
        match = next((t for t in tgt if t.key == fact.key), None)
        if match is not None:
            src.remove(fact)
            tgt.remove(match)
    for fact in list(src):
        match = next((t for t in tgt if _same_amount(fact, t)), None)
        if match is not None:
            src.remove(fact)
            tgt.remove(match)
    flags: list[FactFlag] = []
    for strict in (True, False):
        for fact in list(src):
            match = next(
                (
                    t
                    for t in tgt
                    if t.category == fact.category and (not strict or _family(t) == _family(fact))
                ),
                None,
            )
            if match is not None:
                src.remove(fact)
                tgt.remove(match)
                flags.append(FactFlag("changed", fact.category, f"{fact.text} -> {match.text}"))
    flags += [FactFlag("dropped", f.category, f.text) for f in src]
    flags += [FactFlag("added", f.category, f.text) for f in tgt]
    return flags
