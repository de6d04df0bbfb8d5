"""Names in scripts with capitals: runs of capitalized words that name someone or something.

A sentence-initial word alone (unless rare in its language), a capitalized function word,
a month or weekday name are not names; in German, where every noun is capitalized, a lone
capitalized word only counts when it looks like a name (internal capitals or digits, all
capitals) or is a country or city CLDR names. Chinese and Japanese sentences go to
:mod:`eval.facts.names_caseless`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.profile import phased

from .city_names import city_ids
from .model import Fact
from .name_match import place_names
from .name_words import (
    CONTRACTION,
    FUNCTION_WORDS,
    MAX_TAGGED,
    OFFICES,
    TITLES,
    calendar_words,
    currency_codes,
    is_caseless,
    looks_like_name,
    normalize_name,
    rare_word,
    travelling_word,
    word_frequencies,
    zipf_of,
)
from .names_caseless import chinese_names, japanese_names

_TOKEN = re.compile(
    r"(?:(?<=\b[lLdD]['’])|(?<=\bqu['’]))?[^\W\d_][\w'’.&-]*\w|[^\W\d_]", re.UNICODE
)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStT]|[qQ]u)['’](?=[A-Z])")
CONNECTORS = {
    "de",
    "del",
    "della",
    "di",
    "da",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "du",
    "of",
    "bin",
    "al",
    "y",
    "e",
    "&",
}
_SENTENCE_START = re.compile(
    r"(?:^|[.!?:;«»\"“”„‘‚(\[]\s*|(?:^|\s)'\s*|[\U0001F000-\U0001FFFF]\s*)$"
)
NOUN_CAPITALIZING = {"de", "lb"}
# a German word after its article, possibly past adjectives (diesen Berg, einer langen
# Pause): a noun; names rarely take one, and those that do are rare words (der Makalu) or
# places (die Schweiz, im texanischen Austin)
_GERMAN_ARTICLE = re.compile(
    r"(?<![\w-])(?:[dD](?:er|ie|as|en|em|es)|(?:[eE]|[kKmMdDsS]e)in(?:e[mnrs]?)?|[dD]iese[mnrs]?|"
    r"[jJ]ede[mnrs]?|[jJ]ene[mnrs]?|[iI]hre?[mnrs]?|"
    r"[uU]nsere?[mnrs]?|[eE]u(?:er|re[mnrs]?)|[zZ]u[mr]|[iIaA]m|[iIaA]ns|[bB]eim|[vV]om)"
    r"\s+(?:[a-zäöüß][\w-]*,?\s+){0,3}$"
)
# rarer than this (Zipf) after an article, a word may be a name that takes one (der Makalu)
ARTICLE_NOUN_ZIPF = 3.5
# languages that join a case ending to a name with an apostrophe (İstanbul'da, Ali'nin)
APOSTROPHE_SUFFIX_LANGS = frozenset({"tr", "az"})
# non-Christians, anti-American, post-Soviet: a word made from a name, not one
_PREFIXED = re.compile(
    r"(?:non|anti|pro|post|pre|ex|mid|pan|neo|semi|sub|trans|inter|intra|ultra|multi|quasi|"
    r"pseudo|self|all|über|sans|contra|extra)-",
)
_ABBREVIATIONS = {"St", "Mt", "Ft", "Pt", "Sta", "Ste", "Sto"}  # St. Petersburg
_AFTER_TITLE = re.compile(
    r"(?<!\w)(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Mlle|Sr|Sra|Jr|St|Hr|Fr|Sig|Gen|Gov|Sen|Rep)\.\s*$"
)
_AFTER_QUOTE = re.compile(r",\s*[\"”»’']\s*$")
_OPENING_QUOTE = re.compile(r"[\"“„«‚‘']\s*$")
_CLOSING_QUOTE = re.compile(r"(?:\s*\d+)?[\"”“»’']")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ème|eme)?$")


@phased("fact extraction")
def extract_entities(sentence: str, lang: str) -> list[Fact]:
    """Capitalized spans that name someone or something. ``qualifier`` is ``weak`` for a
    lone word that may be a common noun (German), which is matched but flagged only when
    the other side renders (almost) none of it (see :func:`compare_entities`), and
    ``initial`` for a span at the start of a sentence, whose first word may not be a name."""
    return list(_extract_entities(sentence, lang))


@lru_cache(maxsize=8192)
def _extract_entities(sentence: str, lang: str) -> tuple[Fact, ...]:
    """:func:`extract_entities`, once per sentence and language (facts are frozen)."""
    calendar = calendar_words(lang or "en")
    tokens = []
    for m in cased_tokens(sentence):
        if m.start() and sentence[m.start() - 1].isdigit():
            continue  # the "th" of 10th-11th
        elided = _ELISION.match(m.group())
        cut = elided.end() if elided else 0
        word = m.group()[cut:]
        if lang in APOSTROPHE_SUFFIX_LANGS:
            word = re.split(r"['’]", word, maxsplit=1)[0] or word
        tokens.append((m.start() + cut, m.start() + cut + len(word), word))
    spans: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for k, (start, end, word) in enumerate(tokens):
        bare = re.sub(r"['’]s$", "", word)
        cased = any(ch.isupper() or ch.islower() for ch in word)  # not Chinese, Hindi ...
        capital = (
            cased and (word[0].isupper() or looks_like_name(word)) and bare.lower() not in calendar
        )
        capital = capital and not _ROMAN_ORDINAL.match(bare) and bare.lower() not in TITLES
        capital = capital and not _PREFIXED.match(word)
        gap = sentence[current[-1][1] : start] if current else ""
        abbreviation = gap.strip() == "." and current[-1][2] in _ABBREVIATIONS
        if current and gap.strip() and not (capital and abbreviation):
            spans.append(current)
            current = []
        if capital:
            current.append((start, end, word))
            if re.search(r"['’]s$", word):
                spans.append(current)
                current = []
            continue
        if (
            current
            and word.lower() in CONNECTORS
            and k + 1 < len(tokens)
            and tokens[k + 1][2][0].isupper()
        ):
            current.append((start, end, word))
            continue
        if current:
            spans.append(current)
            current = []
    if current:
        spans.append(current)
    facts = []
    for span in spans:
        while span and (
            CONTRACTION.sub("", span[0][2]).lower() in FUNCTION_WORDS
            or span[0][2].lower() in CONNECTORS
        ):
            span = span[1:]
        while span and span[-1][2].lower() in CONNECTORS:
            span = span[:-1]
        # a currency code next to a name is a unit of money ("Only PLN 1.4 billion")
        while len(span) > 1 and span[-1][2] in currency_codes():
            span = span[:-1]
        while len(span) > 1 and span[0][2] in currency_codes():
            span = span[1:]
        span = _after_office(span, lang)
        if not span:
            continue
        start, end = span[0][0], span[-1][1]
        before = sentence[max(0, start - 8) : start]
        initial = bool(_SENTENCE_START.search(before)) and (start <= 8 or bool(before.strip()))
        initial = initial and not _AFTER_TITLE.search(before)  # M. Tremblay, Dr. Rao
        initial = initial and not _AFTER_QUOTE.search(before)  # "... the end," Huerta said
        # a name quoted alone ("Hanna", „Rz”, "Россия 1") opens no quoted sentence
        quoted = _OPENING_QUOTE.search(before) and _CLOSING_QUOTE.match(sentence, end)
        initial = initial and not quoted
        single = len(span) == 1
        name_like = any(looks_like_name(w) for _, _, w in span)
        # in a script without case, a word in capitals is no capitalized common word
        opening_word = single and initial and not name_like and not is_caseless(sentence)
        if opening_word and not rare_word(span[0][2], lang):
            continue
        if single and span[0][2] in currency_codes():
            continue  # PLN 570 thousand: a unit of money
        if (
            single
            and not name_like
            and lang == "de"
            and zipf_of(span[0][2], lang) >= ARTICLE_NOUN_ZIPF
            and _GERMAN_ARTICLE.search(sentence, 0, start)
            and not _german_place_word(span[0][2])
        ):
            continue
        # a lone German noun may be a common one; a country or city CLDR names is a name
        weak = single and not name_like and lang in NOUN_CAPITALIZING
        weak = weak and normalize_name(span[0][2]) not in place_names(lang)
        weak = weak and not travelling_word(span[0][2], lang)
        # a sentence's first word may be a capitalized common word or title (Teraz Kolonko
        # = Now Kolonko, Obránce Filip Novák = Defender Filip Novák)
        opening = initial and not single and not looks_like_name(span[0][2])
        text = sentence[start:end]
        facts.append(
            Fact(
                "entity",
                f"ent:{normalize_name(text)}",
                text,
                start,
                end,
                qualifier="weak" if weak else "initial" if opening else "",
            )
        )
    tagged = lang.split("-")[0] if len(sentence) <= MAX_TAGGED else ""
    if tagged == "zh":
        facts += chinese_names(sentence)
    elif tagged == "ja":
        facts += list(japanese_names(sentence))
    return tuple(sorted(facts, key=lambda f: f.start))


def _german_place_word(word: str) -> bool:
    """Is ``word`` a place CLDR or GeoNames names (die Schweiz, im texanischen Austin), or
    the word for its people (ein Berliner, ein Münchner: Berlin, München)?"""
    stems = [word]
    if word.endswith("er"):
        stems.append(word[:-2])
    if word.endswith("ner"):
        stems.append(word[:-3] + "en")
    return any(normalize_name(stem) in place_names("de") or city_ids(stem, "de") for stem in stems)


def _after_office(span: list[tuple[int, int, str]], lang: str) -> list[tuple[int, int, str]]:
    """The name in a span that opens with an office (see :data:`OFFICES`): the words after
    the last office word, without an "of ..." complement of common words or a country
    that still lead them ("Minister of Infrastructure Pearson Alhambra" -> "Pearson
    Alhambra", "Prezydent USA Donald Trump" -> "Donald Trump"). The span as it is when
    nothing but the office's complement follows ("Minister of Foreign Affairs")."""
    last = max(
        (k for k, (_, _, w) in enumerate(span) if w.lower().rsplit("-", 1)[-1] in OFFICES),
        default=-1,
    )
    if last < 0:
        return span
    rest = span[last + 1 :]
    if rest and rest[0][2].lower() in CONNECTORS:
        frequencies = word_frequencies(lang or "en")
        while rest and (
            rest[0][2].lower() in CONNECTORS or frequencies.get(rest[0][2].lower(), 0.0) >= 1e-5
        ):
            rest = rest[1:]
    places = place_names(lang or "en")
    while len(rest) > 2 and (
        normalize_name(rest[0][2]) in places or (rest[0][2].isupper() and len(rest[0][2]) <= 4)
    ):
        rest = rest[1:]
    return rest or span


def cased_tokens(sentence: str) -> list[re.Match[str]]:
    """Word tokens, a token that runs from a cased script into one without case cut to
    its cased parts (CBA联赛 -> CBA): the rest cannot be judged by capitals."""
    tokens = []
    for m in _TOKEN.finditer(sentence):
        caseless = [ch.isalpha() and not (ch.isupper() or ch.islower()) for ch in m.group()]
        if not any(caseless) or all(
            c for c, ch in zip(caseless, m.group(), strict=True) if ch.isalpha()
        ):
            tokens.append(m)
            continue
        k = 0
        while k < len(caseless):
            if caseless[k]:
                k += 1
                continue
            j = k
            while j < len(caseless) and not caseless[j]:
                j += 1
            tokens.extend(_TOKEN.finditer(sentence, m.start() + k, m.start() + j))
            k = j
    return tokens
