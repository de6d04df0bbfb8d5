"""Names in scripts without capitals: Chinese (jieba's part-of-speech tags), Japanese
(janome's, read in romaji through pykakasi), and the word spans of any caseless text
(Chinese, Japanese, Devanagari ...) where a name the other side changed may stand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .model import Fact
from .name_words import (
    HAN,
    HAN_CHAR,
    KATAKANA_WORD,
    LONGEST_RUN,
    SCRIPT_RUN,
    entity_fact,
    is_caseless,
    is_spaced,
    latin_share,
    normalize_name,
    rare_word,
    word_frequencies,
)


@lru_cache(maxsize=1)
def _quiet_jieba() -> Any:
    """jieba, imported on first need (its dictionary loads then), without its log lines
    on stderr."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


_CHINESE_NAME_TAGS = {"nr", "nrfg", "nrt", "ns", "nt"}  # not nz, which tags 中断 (a break)
# a person's tag on a two-character word of jieba's dictionary is as often an ordinary
# word's (明白 understand, 高耸 towering, 和尚 monk) as a name's: such a word is judged as
# a lone German noun is (``weak``: dropped only when the version renders none of it)
_COMMON_WORD_TAGS = {"nr", "nrt"}


def chinese_names(sentence: str) -> list[Fact]:
    """Names in Chinese by jieba's part-of-speech tags (person, place, organisation), a
    transcribed name's parts joined at its middle dot; a two-character word of jieba's
    dictionary tagged as a person is ``weak`` (see :data:`_COMMON_WORD_TAGS`)."""
    import jieba
    import jieba.posseg

    _quiet_jieba()
    spans: list[tuple[int, int]] = []
    weak: set[int] = set()
    tokens = jieba.posseg.lcut(sentence)
    known = jieba.dt.FREQ  # loaded by the first cut
    for token, start in zip(tokens, _token_starts(sentence, [t.word for t in tokens]), strict=True):
        end = start + len(token.word)
        if start < 0 or token.flag not in _CHINESE_NAME_TAGS or len(token.word) < 2:
            continue
        if spans and sentence[spans[-1][1] : start] in ("·", "・"):
            spans[-1] = (spans[-1][0], end)
            weak.discard(len(spans) - 1)
            continue
        spans.append((start, end))
        if token.flag in _COMMON_WORD_TAGS and len(token.word) == 2 and token.word in known:
            weak.add(len(spans) - 1)
    return [
        replace(entity_fact(sentence[a:b], a), qualifier="weak" if k in weak else "")
        for k, (a, b) in enumerate(spans)
    ]


def _token_starts(sentence: str, words: Sequence[str]) -> list[int]:
    """Where each of ``words``, a tokenizer's output in order, starts in ``sentence``
    (-1 for one not found there)."""
    starts, pos = [], 0
    for word in words:
        start = sentence.find(word, pos)
        starts.append(start)
        if start >= 0:
            pos = start + len(word)
    return starts


@lru_cache(maxsize=1)
def _janome() -> Any:
    """janome's tokenizer (its dictionary, IPAdic, loads on first need)."""
    from janome.tokenizer import Tokenizer

    return Tokenizer()


@lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()


_LONG_VOWELS = re.compile(r"(?<=o)u|(?<=([aeou]))\1")


def kana_romaji(kana: str) -> str:
    """Hepburn romanization (pykakasi) of Japanese text, lower case, long vowels written
    short as English does (オオタニ -> otani, トウキョウ -> tokyo, but Niigata)."""
    spelled = " ".join(part["hepburn"] for part in _kakasi().convert(kana))
    return _LONG_VOWELS.sub("", normalize_name(spelled))


@lru_cache(maxsize=4096)
def japanese_names(sentence: str) -> tuple[Fact, ...]:
    """Names in Japanese by janome's part-of-speech tags (proper nouns: people, places,
    organisations), a family and a given name joined, keyed by their romanized reading
    (大谷 -> ent:oya; the name matcher (:mod:`eval.facts.name_match`) adds pykakasi's, otani) so that a version's
    spelling finds them. Latin-letter words are left to the capitals. IPAdic cuts a rare
    personal name short (高|島宗|一郎, 大谷|翔|平): a lone kanji next to a person's name is
    taken into it. A katakana proper noun before a common noun is part of a term
    (グリニッジ標準時, Greenwich Mean Time, is GMT), unless a country (在ナイジェリア大使館). A
    rare katakana word IPAdic does not know (ブランビーズ) may be a name or a loanword: it
    is ``weak``, judged as a lone German noun is (see :func:`compare_entities`). Cached:
    the same sentence is also searched for names (:func:`search_text`)."""
    tokens = [(t.surface, t.part_of_speech, t.reading) for t in _janome().tokenize(sentence)]
    offsets = _token_starts(sentence, [surface for surface, _, _ in tokens])
    person = [",人名," in tag for _, tag, _ in tokens]

    def name(k: int) -> bool:
        surface, tag, _ = tokens[k]
        if offsets[k] < 0 or not tag.startswith("名詞,固有名詞") or latin_share(surface) > 0.5:
            return False
        following = tokens[k + 1][1] if k + 1 < len(tokens) else ""
        if re.search(f"[{HAN}]", surface) or ",地域,国" in tag:
            return True  # a country before a noun is still one (在ナイジェリア大使館)
        return not following.startswith("名詞,一般")

    def name_after(k: int) -> bool:
        return k + 1 < len(tokens) and name(k + 1)

    def lone_kanji(k: int) -> bool:
        surface, tag, _ = tokens[k]
        han = offsets[k] >= 0 and len(surface) == 1 and bool(re.match(f"[{HAN}]", surface))
        return han and "接尾" not in tag

    spans: list[list[int]] = []
    for k in range(len(tokens)):
        if name(k):
            if spans and spans[-1][-1] == k - 1:
                spans[-1].append(k)
            elif k and person[k] and lone_kanji(k - 1):
                spans.append([k - 1, k])
            else:
                spans.append([k])
        elif spans and spans[-1][-1] == k - 1 and person[k - 1] and lone_kanji(k):
            spans[-1].append(k)
        elif spans and spans[-1][-1] == k - 1 and tokens[k][0] == "・" and name_after(k):
            spans[-1].append(k)  # マイケル・ブラウン: one name, its parts cut by a middle dot
    facts: list[Fact] = []
    for span in spans:
        reading = " ".join(
            tokens[k][2] if tokens[k][2] != "*" else tokens[k][0]
            for k in span
            if tokens[k][0] != "・"
        )
        key = kana_romaji(reading)
        start, end = offsets[span[0]], offsets[span[-1]] + len(tokens[span[-1]][0])
        if len(key.replace(" ", "")) >= 2:
            facts.append(Fact("entity", f"ent:{key}", sentence[start:end], start, end))
    taken = {k for span in spans for k in span}
    for k, (surface, tag, reading) in enumerate(tokens):
        if k in taken or offsets[k] < 0 or not tag.startswith("名詞,一般"):
            continue
        if len(surface) < 3 or not KATAKANA_WORD.fullmatch(surface):
            continue
        if rare_word(surface, "ja"):
            key = kana_romaji(reading if reading != "*" else surface)
            end = offsets[k] + len(surface)
            facts.append(Fact("entity", f"ent:{key}", surface, offsets[k], end, qualifier="weak"))
    return tuple(sorted(facts, key=lambda f: f.start))


def read_in_kanji(fact: Fact, lang: str) -> bool:
    """Is ``fact`` a Japanese name written in kanji, which English spells by its Japanese
    reading (大谷 Otani, 長野 Nagano), unlike a katakana one, a foreign name transcribed
    by sound (イラク, Iraq; グリニッジ, Greenwich)?"""
    return (
        lang.split("-")[0] == "ja" and is_caseless(fact.text) and bool(HAN_CHAR.search(fact.text))
    )


@lru_cache(maxsize=16)
def _common_words(lang: str) -> frozenset[str]:
    """The language's most frequent short words (wordfreq; three characters at most, so
    not भारत or मोदी): postpositions, particles, function characters, which are never the
    name a side left out."""
    import wordfreq

    try:
        return frozenset(w for w in wordfreq.top_n_list(lang, 150) if len(w) <= 3)
    except (LookupError, ValueError):
        return frozenset()


def caseless_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where a name may stand in a text without case: each word, and two words together,
    where words are spaced (Hindi); in Chinese, its words (:func:`_chinese_words`); in
    Japanese, katakana and Latin runs and the words of a Han run (a Han run is often a
    whole clause); none in other unspaced scripts (Thai), whose words are not cut here.
    No span is, begins or ends with one of the language's most common short words, nor
    holds a date or a figure the fact extractors read (去年, 40 מיליון אירו): those are
    judged as dates and figures."""
    from . import extract_facts

    read = [(f.start, f.end) for f in extract_facts(text, lang)]
    return [
        (a, b) for a, b in _name_places(text, lang) if not any(a < e and s < b for s, e in read)
    ]


def _name_places(text: str, lang: str) -> list[tuple[int, int]]:
    """:func:`caseless_spans` before the dates and figures are taken out."""
    common = _common_words(lang)
    if is_spaced(text):
        words = [
            (m.start(), m.end())
            for m in re.finditer(r"[^\s\d,.;:!?।\"'()«»“”]+", text)
            if m.group() not in common
        ]
        pairs = [(a[0], b[1]) for a, b in pairwise(words) if not text[a[1] : b[0]].strip()]
        return words + pairs
    if lang.split("-")[0] == "zh":
        return _chinese_words(text, common)
    known = _word_list(lang)
    spans = []
    for m in SCRIPT_RUN.finditer(text):
        run = m.group()
        if re.match(rf"[{HAN}]", run) and len(run) > 3:
            grams = [(i, i + n) for n in (2, 3, 4) for i in range(len(run) - n + 1)]
            words = [(a, b) for a, b in grams if run[a:b] in known and run[a:b] not in common]
            covered = {k for a, b in words for k in range(a, b)}
            # a name the word list does not know (段梦琪): three characters no word covers
            words += [(a, b) for a, b in grams if b - a == 3 and not covered & set(range(a, b))]
            spans += [(m.start() + a, m.start() + b) for a, b in words]
        elif (
            2 <= len(run) <= LONGEST_RUN
            and run not in common
            and (re.match(rf"[{HAN}\u30a0-\u30ff]", run) or not is_caseless(run))
        ):
            spans.append((m.start(), m.end()))
    return spans


def _chinese_words(text: str, common: frozenset[str]) -> list[tuple[int, int]]:
    """Chinese words of two characters or more and Latin words (jieba, whose model of
    unknown words finds names such as 段梦琪), and a transcribed name's parts joined at
    its middle dot (约翰·刘易斯)."""
    tokens = list(_quiet_jieba().tokenize(text))
    spans = [
        (start, end)
        for word, start, end in tokens
        if word not in common
        and (
            (end - start >= 2 and HAN_CHAR.search(word))
            or any(ch.isupper() or ch.islower() for ch in word)
        )
    ]
    for k in range(1, len(tokens) - 1):
        if tokens[k][0] in "·・" and HAN_CHAR.search(tokens[k - 1][0] + tokens[k + 1][0]):
            spans.append((tokens[k - 1][1], tokens[k + 1][2]))
    return spans


@lru_cache(maxsize=8)
def _word_list(lang: str) -> frozenset[str]:
    """Words of 2-4 characters in wordfreq's list for ``lang`` (Japanese): where a Han run
    can be cut without splitting a word (清水, 静岡)."""
    return frozenset(w for w in word_frequencies(lang) if 2 <= len(w) <= 4)
