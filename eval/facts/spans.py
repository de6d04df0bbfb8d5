"""Span bookkeeping for extractors that run one after another on the same sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator


class SpanMask:
    """Character ranges already claimed by a fact, so later extractors skip them."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self._spans)

    def claim(self, start: int, end: int) -> None:
        self._spans.append((start, end))

    def matches(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` that do not overlap a claimed span (claiming them is the caller's job)."""
        for match in pattern.finditer(text):
            if match.end() > match.start() and self.free(match.start(), match.end()):
                yield match
