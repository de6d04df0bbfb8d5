"""Pre-segmented input: the block already is one sentence."""

from __future__ import annotations


class LineSplitter:
    """Identity splitter used with ``--presegmented`` (one sentence per line)."""

    name = "lines"
    version = "1"

    def split(self, block: str, lang: str) -> list[str]:
        block = block.strip()
        return [block] if block else []
