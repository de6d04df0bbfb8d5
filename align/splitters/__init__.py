"""Sentence splitters behind one small protocol, chosen by name (``--splitter``).

A splitter turns one block of running text (a paragraph, no line breaks) into sentences.
Line and paragraph structure is handled once, in :mod:`align.document`.
"""

from __future__ import annotations

from typing import Protocol

from ..errors import InputError


class Splitter(Protocol):
    """Splits a block of text in language ``lang`` (ISO 639-1) into sentences."""

    name: str
    version: str

    def split(self, block: str, lang: str) -> list[str]: ...


SPLITTERS = ("sentencex", "lines")


def get_splitter(name: str) -> Splitter:
    """Return the splitter registered under ``name``."""
    if name == "sentencex":
        from .sentencex_splitter import SentencexSplitter

        return SentencexSplitter()
    if name == "lines":
        from .lines import LineSplitter

        return LineSplitter()
    raise InputError(f"unknown splitter {name!r}; choose one of {', '.join(SPLITTERS)}")
