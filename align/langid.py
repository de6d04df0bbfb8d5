"""Language identification with lingua (its models ship inside the wheel; nothing is downloaded).

Low-accuracy mode (trigram models) is used: it loads in well under a second for all
75 languages, where high-accuracy mode takes about 8 s and 900 MB. Documents are
identified from the sum of their sentences, so short-sentence errors average out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version

UNDETERMINED = "und"
_MAX_CHARS = 10_000  # enough to identify a language; a 5 MB line is not read whole
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def langid_version() -> str:
    """Version string of the identifier, for the run signature."""
    return f"lingua-{version('lingua-language-detector')}-low"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``"und"`` when there is no text to judge."""
    text = text[:_MAX_CHARS]
    if not any(ch.isalpha() for ch in text):
        return UNDETERMINED
    lang = _detector().detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else UNDETERMINED


@lru_cache(maxsize=8)
def _restricted_detector(codes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [IsoCode639_1.from_str(code) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


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


def copied_words(
    source: str, target: str, src_lang: str, tgt_lang: str, margin: float = 0.8
) -> list[str]:
    """Words of ``target`` left in the source language: they appear verbatim in ``source``
    and either are written in a script the target's language does not use (知道 in an
    English sentence) or, alone, read as ``src_lang`` rather than ``tgt_lang`` by ``margin``.

    Names (capitalized), numbers and short words are skipped; so are words the two
    languages share (cycles), which read as either. English source words are never
    counted: most languages borrow them (interview, senior, open source).
    """
    if src_lang == tgt_lang or UNDETERMINED in (src_lang, tgt_lang) or src_lang == "en":
        return []
    src_words = {w.lower() for w in _WORDS.findall(source)}
    src_lower = source.lower()
    target_script = _script(target)
    out: list[str] = []
    candidates = []
    for w in dict.fromkeys(_WORDS.findall(target)):
        # scripts without spaces (Chinese, Japanese, Thai) have no word list: look for the string
        present = w.lower() in src_words or (not w.isascii() and w.lower() in src_lower)
        # German capitalizes nouns: there a capital does not mark a name
        if not present or (w[0].isupper() and src_lang != "de") or (len(w) < 4 and w.isascii()):
            continue
        if _script(w) != target_script:
            out.append(w)
        else:
            candidates.append(w)
    if not candidates:
        return out
    try:
        detector = _restricted_detector(tuple(sorted({src_lang, tgt_lang})))
    except ValueError:
        return []
    for word in candidates:
        conf = {
            c.language.iso_code_639_1.name.lower(): c.value
            for c in detector.compute_language_confidence_values(word)
        }
        if conf.get(src_lang, 0.0) - conf.get(tgt_lang, 0.0) > margin:
            out.append(word)
    return out


def _script(text: str) -> str:
    """The Unicode script most letters of ``text`` are written in (first word of the name)."""
    import unicodedata

    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
    return counts.most_common(1)[0][0] if counts else ""


def majority_language(sentences: Sequence[str], langs: Sequence[str]) -> str:
    """The language that covers most characters of the document."""
    weight: Counter[str] = Counter()
    for sentence, lang in zip(sentences, langs, strict=True):
        if lang != UNDETERMINED:
            weight[lang] += len(sentence)
    return weight.most_common(1)[0][0] if weight else UNDETERMINED
