"""Span bookkeeping for extractors that run one after another on the same sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator


class SpanMask:
    """Character ranges already claimed by a fact, so later extractors skip them.

    Spans are kept sorted by start, so a check costs a binary search and a look at the
    neighbours: a "sentence" of megabytes with a hundred thousand facts stays linear.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._longest = 0

    def free(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, start - self._longest)
        while k < len(self._spans) and self._spans[k][0] < end:
            s, e = self._spans[k]
            if not (end <= s or start >= e):
                return False
            k += 1
        return True

    def claim(self, start: int, end: int) -> None:
        k = bisect.bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._spans.insert(k, (start, end))
        self._longest = max(self._longest, end - start)

    def matches(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` that do not overlap a claimed span (claiming them is the caller's job)."""
        for match in pattern.finditer(text):
            if match.end() > match.start() and self.free(match.start(), match.end()):
                yield match
