"""Language identification with lingua (its models ship inside the wheel; nothing is downloaded).

Low-accuracy mode (trigram models) is used: it loads in well under a second for all
75 languages, where high-accuracy mode takes about 8 s and 900 MB. Documents are
identified from the sum of their sentences, so short-sentence errors average out.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version

UNDETERMINED = "und"
logging.getLogger("wordfreq").setLevel(logging.ERROR)
MAX_CHARS = 10_000  # enough to identify a language; a 5 MB line is not read whole
LETTER_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def langid_version() -> str:
    """Version string of the identifier, for the run signature."""
    return f"lingua-{version('lingua-language-detector')}-low"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``"und"`` when there is no text to judge."""
    text = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in text):
        return UNDETERMINED
    lang = _detector().detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else UNDETERMINED


@lru_cache(maxsize=64)
def _restricted_detector(codes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [IsoCode639_1.from_str(code) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def likely_languages(text: str, n: int = 4) -> set[str]:
    """The ``n`` languages the quick detector finds most likely for ``text``."""
    values = _detector().compute_language_confidence_values(text[:MAX_CHARS])[:n]
    return {c.language.iso_code_639_1.name.lower() for c in values}


def confidences(text: str, codes: Sequence[str]) -> dict[str, float]:
    """How likely ``text`` is in each language of ``codes`` (ISO 639-1), by the accurate
    detector restricted to them; ValueError for a code lingua does not know."""
    detector = _restricted_detector(tuple(sorted(set(codes))))
    return {
        c.language.iso_code_639_1.name.lower(): c.value
        for c in detector.compute_language_confidence_values(text[:MAX_CHARS])
    }


def detect_among(text: str, codes: Sequence[str]) -> str | None:
    """The language of ``text`` among ``codes`` by the accurate detector restricted to
    them (None when it cannot tell); ValueError for a code lingua does not know."""
    lang = _restricted_detector(tuple(sorted(set(codes)))).detect_language_of(text[:MAX_CHARS])
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def sentence_languages(sentences: Sequence[str], margin: float = 0.3) -> list[str]:
    """Language of each sentence (``"und"`` for sentences without letters).

    First pass: every language, low accuracy. Second pass, when more than one language
    holds at least 10% of the text: a high-accuracy detector restricted to those
    languages, and a sentence keeps the document's main language unless another one is
    more likely by ``margin`` (close relatives such as Indonesian and Malay otherwise
    flip from sentence to sentence).
    """
    first = [detect_language(s) for s in sentences]
    weight: Counter[str] = Counter()
    for sentence, lang in zip(sentences, first, strict=True):
        if lang != UNDETERMINED:
            weight[lang] += len(sentence)
    total = sum(weight.values())
    if not total:
        return first
    main = weight.most_common(1)[0][0]
    candidates = tuple(sorted(lang for lang, w in weight.items() if w >= 0.1 * total))
    if len(candidates) < 2:
        return [main if lang != UNDETERMINED else lang for lang in first]
    detector = _restricted_detector(candidates)
    out = []
    for sentence, lang in zip(sentences, first, strict=True):
        if lang == UNDETERMINED:
            out.append(lang)
            continue
        conf = {
            c.language.iso_code_639_1.name.lower(): c.value
            for c in detector.compute_language_confidence_values(sentence)
        }
        best = max(conf, key=conf.__getitem__)
        out.append(best if conf[best] - conf.get(main, 0.0) > margin else main)
    return out


def majority_language(sentences: Sequence[str], langs: Sequence[str]) -> str:
    """The language that covers most characters of the document."""
    weight: Counter[str] = Counter()
    for sentence, lang in zip(sentences, langs, strict=True):
        if lang != UNDETERMINED:
            weight[lang] += len(sentence)
    return weight.most_common(1)[0][0] if weight else UNDETERMINED
