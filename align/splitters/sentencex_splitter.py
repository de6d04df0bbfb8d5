"""Rule-based splitting with sentencex (Wikimedia): ~300 languages, no model download."""

from __future__ import annotations

from importlib.metadata import version


class SentencexSplitter:
    """Sentence splitter backed by ``sentencex.segment``."""

    name = "sentencex"

    def __init__(self) -> None:
        self.version = version("sentencex")

    def split(self, block: str, lang: str) -> list[str]:
        from sentencex import segment

        return [s.strip() for s in segment(lang or "en", block) if s.strip()]
