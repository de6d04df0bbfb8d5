"""Words and sentences a version left in the reference's language: the untranslated check
of scoring. Language identification itself is :mod:`align.langid`'s."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from align.langid import (
    LETTER_WORDS,
    MAX_CHARS,
    UNDETERMINED,
    confidences,
    detect_among,
    detect_language,
    likely_languages,
)


@lru_cache(maxsize=4096)
def left_untranslated(text: str, src_lang: str, tgt_lang: str, source: str | None = None) -> bool:
    """Is ``text``, a version's sentence in ``tgt_lang``, written in ``src_lang`` instead?

    With ``source``, the reference side of the bead: a sentence left in the reference's
    language keeps its words, so one of whose words fewer than half occur in ``source``
    is not (on a few words the detector errs: *Hier ist es also* beside *So here it is*
    reads as English).

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
    found = LETTER_WORDS.findall(text[:MAX_CHARS])
    if source is not None:
        folded = source.casefold()  # a run of a script without spaces is kept as a substring
        if found and sum(w.casefold() in folded for w in found) < len(found) / 2:
            return False
    words = [w for w in found if not w[0].isupper()]
    sample = " ".join(words) if len(words) >= 3 else text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return False
    codes = likely_languages(sample, 4) | {src_lang, tgt_lang}
    try:
        return detect_among(sample, sorted(codes)) == src_lang
    except ValueError:  # a code lingua does not know
        return detect_language(sample) == src_lang


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
    src_words = {w.lower() for w in LETTER_WORDS.findall(source)}
    src_lower = source.lower()
    target_script = _script(target)
    out: list[str] = []
    candidates = []
    for w in dict.fromkeys(LETTER_WORDS.findall(target)):
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
    for word in candidates:
        try:
            conf = confidences(word, (src_lang, tgt_lang))
        except ValueError:  # a code lingua does not know
            return []
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

    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
    return counts.most_common(1)[0][0] if counts else ""
