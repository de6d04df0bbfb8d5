"""Content one side of a bead has and the other does not: the clause a version dropped or added.

A clause is unsupported when taking it out brings its side *closer* to the other side:
for a faithful pair, every clause of one side has its counterpart in the other, so
removing it lowers their similarity; a clause the other side lacks only dilutes the
match, and removing it raises it. This asks the same model that scores the bead, with no
word alignment, and works in any language it reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from align.profile import phased

# a clause ends at a comma, semicolon, colon, dash, bracket or the end of a sentence (a
# full stop after a word of three letters or more, before a capital), in Latin, CJK,
# Devanagari and Arabic punctuation
_CLAUSE_END = re.compile(
    r"[,;:)\]»”]+(?=\s|$)|(?<=[^\W\d_]{3})[.!?…]+[\"'”»)]*(?=\s+[\"'“«(]?[^\W\d_]*[A-ZÀ-ÞА-Я])"
    r"|[.!?…]+$|\s[–—-]\s|[，、；：。！？（）「」]|[।॥؛،]"
)
_WORD = re.compile(r"\w+")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

Similarity = Callable[[Sequence[str], Sequence[str]], Sequence[float]]
"""Similarity of each (source text, target text) pair, in the bead's direction."""


@dataclass(frozen=True)
class AlignedToken:
    """One token of a text against another text: where it stands (``start``, ``end``),
    whether the other text renders it (see :func:`~eval.fidelity.aligned_tokens`), and
    where its counterpart stands there when the two are each other's closest tokens."""

    start: int
    end: int
    rendered: bool
    partner: tuple[int, int] | None


TokenAlignment = Callable[[str, str], Sequence[AlignedToken]]
"""The tokens of a text against another text, in order; empty when the model gives no
tokens."""


def clause_spans(text: str, min_words: int = 3) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``text`` with at least ``min_words`` words (a
    character of a script written without spaces counts as half a word); a shorter piece
    joins the clause after it ("Furthermore," "In 2024,"), or before it at the end."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        if end > start and _size(text[start:end]) >= min_words:
            spans.append((start, end))
            start = end
    if spans and start < len(text):
        spans[-1] = (spans[-1][0], len(text))
    return spans


def _size(piece: str) -> float:
    wide = len(_WIDE.findall(piece))
    return len(_WORD.findall(_WIDE.sub(" ", piece))) + wide / 2


def cut_out(text: str, start: int, end: int, gap: str = "") -> str:
    """``text`` without ``text[start:end]``, ``gap`` in its place, spaces collapsed."""
    return " ".join((text[:start] + gap + text[end:]).split())


def closer_without(
    similarity: Similarity,
    source: str,
    target: str,
    source_variants: Sequence[str] = (),
    target_variants: Sequence[str] = (),
) -> list[float]:
    """How much closer the pair gets with each variant (the side with a piece taken out)
    in place of its side: the source variants first, then the target variants. Positive
    when the other side never said the piece."""
    scores = similarity(
        [source, *source_variants, *[source] * len(target_variants)],
        [target, *[target] * len(source_variants), *target_variants],
    )
    return [score - scores[0] for score in scores[1:]]


@phased("clause tests")
def unsupported_clauses(
    source: str,
    target: str,
    similarity: Similarity,
    margin: float,
    side: str = "source",
) -> list[str]:
    """Clauses of one side (``side``: "source" or "target") whose removal raises the
    bead's similarity by more than ``margin`` (in the units of ``similarity``). A side
    with fewer than two clauses has nothing to weigh against and gives none."""
    text = source if side == "source" else target
    spans = clause_spans(text)
    if len(spans) < 2:
        return []
    variants = [cut_out(text, begin, end, " ") for begin, end in spans]
    if side == "source":
        gains = closer_without(similarity, source, target, source_variants=variants)
    else:
        gains = closer_without(similarity, source, target, target_variants=variants)
    return [
        text[begin:end].strip(" ,;:–—-")
        for (begin, end), gain in zip(spans, gains, strict=True)
        if gain > margin
    ]
