"""Fact extraction and comparison: the one place where dates, numbers, money and names are found.

``extract_facts(sentence, lang)`` returns :class:`Fact` records with normalized keys;
``compare_facts(source_facts, target_facts)`` turns two lists into ``dropped`` /
``added`` / ``changed`` flags.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .compare import FactFlag, compare_facts
from .model import CATEGORIES, Fact
from .numbers import NUMBER, SCALE, extract_numbers
from .spans import SpanMask
from .temporal import extract_temporal

_TEXT2NUM_LANGS = {"en", "fr", "es", "de", "it", "pt", "nl", "da"}

__all__ = ["CATEGORIES", "Fact", "FactFlag", "compare_facts", "extract_facts"]


_DIGIT_RUN = re.compile(rf"{NUMBER}(?:\s?(?:{SCALE})(?!\w))?", re.IGNORECASE)


def _spell_out_numbers(text: str, lang: str) -> str:
    """Number words as digits (text2num), e.g. "thirteen billion" -> "13000000000".

    Figures already in digits, with their scale word, are hidden from text2num first: it
    would otherwise read "13 milliards" as "13 1000000000".
    """
    if lang not in _TEXT2NUM_LANGS or not any(ch.isalpha() for ch in text):
        return text
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group())
        return chr(0xE000 + len(kept) - 1)

    hidden = _DIGIT_RUN.sub(hide, text) if len(text) < 0x1000 else text
    try:
        from text_to_num import alpha2digit

        converted = alpha2digit(hidden, lang)
    except Exception:  # text2num raises on odd input; the digits-only reading still works
        return text
    return re.sub("[\ue000-\uefff]", lambda m: kept[ord(m.group()) - 0xE000], converted)


def _offset_map(original: str, converted: str) -> list[int]:
    """For each offset in ``converted`` (and its end), the matching offset in ``original``."""
    mapping = [0] * (len(converted) + 1)
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, original, converted, autojunk=False
    ).get_opcodes():
        for k in range(j1, j2):
            mapping[k] = i1 + (k - j1) if tag == "equal" else i1
        if tag != "equal":
            for k in range(j1, j2):
                mapping[k] = i1
        mapping[j2] = i2
    return mapping


def extract_facts(sentence: str, lang: str = "en") -> list[Fact]:
    """All facts of one sentence, in text order, with spans into ``sentence``."""
    converted = _spell_out_numbers(sentence, lang)
    mask = SpanMask()
    found = extract_temporal(converted, lang, mask) + extract_numbers(converted, lang, mask)
    if converted != sentence:
        mapping = _offset_map(sentence, converted)
        found = [
            Fact(
                f.category,
                f.key,
                sentence[mapping[f.start] : mapping[f.end]],
                mapping[f.start],
                mapping[f.end],
                f.amount,
                f.qualifier,
            )
            for f in found
        ]
    return sorted(found, key=lambda f: f.start)
