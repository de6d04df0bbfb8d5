"""Language identification with lingua (its models ship inside the wheel; nothing is downloaded).

Low-accuracy mode (trigram models) is used: it loads in well under a second for all
75 languages, where high-accuracy mode takes about 8 s and 900 MB. Documents are
identified from the sum of their sentences, so short-sentence errors average out.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import version

UNDETERMINED = "und"
logging.getLogger("wordfreq").setLevel(logging.ERROR)
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


def left_untranslated(text: str, src_lang: str, tgt_lang: str) -> bool:
    """Is ``text``, a version's sentence in ``tgt_lang``, written in ``src_lang`` instead?

    Judged on the words in lower case: names keep the spelling of their language (an
    English sentence naming Kaczyński, Morawiecki and Kidawa-Błońska is not Polish). A
    sentence with fewer than three such words is judged whole. The quick detector names
    the likely languages (on a few words it errs: "why microsoft preferred to build its
    own model" reads as Basque), then the accurate one chooses among them and the two
    languages of the pair. A sentence in a third language is not this (it is no
    translation at all, which its similarity shows).
    """
    if src_lang == tgt_lang or UNDETERMINED in (src_lang, tgt_lang):
        return False
    words = [w for w in _WORDS.findall(text[:_MAX_CHARS]) if not w[0].isupper()]
    sample = " ".join(words) if len(words) >= 3 else text[:_MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return False
    likely = _detector().compute_language_confidence_values(sample)[:4]
    codes = {c.language.iso_code_639_1.name.lower() for c in likely} | {src_lang, tgt_lang}
    try:
        detector = _restricted_detector(tuple(sorted(codes)))
    except ValueError:  # a code lingua does not know
        return detect_language(sample) == src_lang
    lang = detector.detect_language_of(sample)
    return lang is not None and lang.iso_code_639_1.name.lower() == src_lang


@lru_cache(maxsize=64)
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
    English sentence) or are a word of the source language and not of the target's: far
    more frequent in the first (wordfreq: bene, Boden, francesi in English text; not
    commerce, festival, radio, which both languages use), or, where wordfreq has no list
    for a language, read alone as ``src_lang`` rather than ``tgt_lang`` by ``margin``
    (lingua).

    Names (capitalized) and numbers are skipped, and so are short words (under three
    letters with wordfreq, unless one of the source's function words; under four with
    lingua) and words the two languages share (cycles), which read as either. English
    source words are never counted: most languages borrow them (interview, senior, open
    source).
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
        if not present or (w[0].isupper() and src_lang != "de") or (len(w) < 2 and w.isascii()):
            continue
        if _script(w) != target_script:
            out.append(w)
        else:
            candidates.append(w)
    if not candidates:
        return out
    frequent = _frequency_lists(src_lang, tgt_lang)
    if frequent is not None:
        return out + [w for w in candidates if frequent(w)]
    candidates = [w for w in candidates if len(w) >= 4 or not w.isascii()]
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


# a word of the source language, not of the target's: this many zipf (log10 per billion
# words) more frequent in the first, and rare in the second (die, et occur in English
# text often enough to be left alone) unless it is one of the source's function words
# (und, od: very frequent there, a thousand times rarer in the target)
_FOREIGN_GAP = 2.0
_TARGET_RARE = 3.5
_FUNCTION_WORD = 6.5
_FUNCTION_GAP = 3.0


@lru_cache(maxsize=64)
def _frequency_lists(src_lang: str, tgt_lang: str) -> Callable[[str], bool] | None:
    """Whether a word is a source-language word foreign to the target language, by
    wordfreq's lists; None when either language has none."""
    from wordfreq import available_languages

    if not {src_lang, tgt_lang} <= set(available_languages()):
        return None

    def foreign(word: str) -> bool:
        in_target, in_source = word_zipf(word, tgt_lang), word_zipf(word, src_lang)
        if in_source >= _FUNCTION_WORD and in_source - in_target >= _FUNCTION_GAP:
            return True
        return len(word) >= 3 and in_target < _TARGET_RARE and in_source - in_target >= _FOREIGN_GAP

    return foreign


_MECAB_LANGS = frozenset({"ja", "ko"})


def word_zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of one word in ``lang``. Japanese and Korean words are
    looked up in the frequency list itself: wordfreq's tokenizer for them needs MeCab,
    which factalign does not install."""
    from wordfreq import get_frequency_dict, zipf_frequency

    if lang not in _MECAB_LANGS:
        return zipf_frequency(word, lang)
    frequency = get_frequency_dict(lang).get(word.casefold(), 0.0)
    return round(math.log10(frequency * 1e9), 2) if frequency else 0.0


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
