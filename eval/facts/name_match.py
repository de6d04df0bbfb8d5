"""Is a name said on the other side? By spelling (ASCII-folded, fuzzy), by place (CLDR's
names of countries and time-zone cities in both languages; GeoNames' names of cities in
any language, :mod:`~eval.facts.city_names`), and by sound (how Chinese transcribes a foreign name, a syllable per
consonant; metaphone for Devanagari)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .city_names import UNSPACED_LANGS, city_mentioned, common_start
from .model import Fact
from .name_words import HAN_CHAR, MAX_FUZZY, MAX_TAGGED, is_caseless, normalize_name, same_script
from .names_caseless import japanese_names, kana_romaji


def search_text(text: str, lang: str) -> str:
    """``text`` as names are looked for in it (:func:`normalize_name`); a Japanese text
    also romanized (:func:`kana_romaji`), since anyascii reads its kanji as Chinese."""
    folded = normalize_name(text)
    if lang.split("-")[0] == "ja" and len(text) <= MAX_TAGGED and is_caseless(text):
        names = " ".join(f.key[4:] for f in japanese_names(text))
        return f"{folded} {kana_romaji(text)} {names}"
    return folded


def _spellings(fact: Fact, lang: str) -> list[str]:
    """The spellings to look for a name of language ``lang`` by: its key's, and for a
    Japanese name the other reading pykakasi gives (大谷: janome ooya, pykakasi ootani,
    written Otani)."""
    name = fact.key[4:]
    if lang.split("-")[0] == "ja" and is_caseless(fact.text):
        return list(dict.fromkeys([name, kana_romaji(fact.text)]))
    return [name]


def mentioned(fact: Fact, other_text: str, haystack: str, lang: str = "") -> bool:
    """Is the name ``fact`` (in language ``lang``) spelled, possibly differently, inflected
    or in another script, in ``other_text``? ``haystack`` is ``other_text`` folded (see
    :func:`search_text`), computed once."""
    return any(_spelled(name, fact, other_text, haystack) for name in _spellings(fact, lang)) or (
        lang.split("-")[0] == "zh" and _surname_said(fact.text, haystack)
    )


def _surname_said(name: str, haystack: str) -> bool:
    """Is the Chinese personal name ``name`` (two to four characters, the surname first)
    named by its surname alone in a romanized ``haystack`` (顾炎武 ~ Gu, 林兄 ~ Brother
    Lin), as translations name a person once introduced?"""
    if not (2 <= len(name) <= 4 and all(HAN_CHAR.match(ch) for ch in name)):
        return False
    syllables = re.findall(r"[A-Z][a-z]*", anyascii(name))
    return bool(syllables) and bool(re.search(rf"\b{syllables[0].lower()}\b", haystack))


def _spelled(name: str, fact: Fact, other_text: str, haystack: str) -> bool:
    """Is ``name``, a spelling of ``fact`` (see :func:`mentioned`), in ``other_text``?"""
    if not name or re.search(rf"\b{re.escape(name)}\b", haystack):
        return True
    words = name.split()
    # the last long word is enough (Musk, Suleyman; not "the", "new"), and needed: the
    # first name or the party kept is no mention (Benjamin Netanjahu -> Benjamin Gantz,
    # ČSSD Alexandra Čuby -> ČSSD)
    parts = [w for w in words if len(w) >= 4]
    if parts and re.search(rf"\b{re.escape(parts[-1])}\b", haystack):
        return True
    if len(haystack) > MAX_FUZZY:
        return False
    # a short name (U.S -> "u s") is found inside any words (Moscú San): not by fuzz
    if len(name.replace(" ", "")) >= 4 and fuzz.partial_ratio(name, haystack) >= (
        85 if len(name) >= 6 else 95
    ):
        return True
    other_words = [w for w in haystack.split() if len(w) >= 3]
    # the last word carries a name's case ending (Morawieckiego); a title before it may
    # share a stem with an ordinary word (President ~ presidente) and does not count
    if any(_inflected(words[-1], o) for o in other_words):
        return True
    if same_script(fact.text, other_text):
        return False
    if is_caseless(other_text):
        # romanized Chinese runs its syllables together: Xi Jinping ~ 习近平 (xijinping)
        compact = haystack.replace(" ", "")
        if any(len(w) >= 6 and w in compact for w in [name.replace(" ", ""), *parts]):
            return True
    # transliterated from another script (Эдвард Сноуден -> edvard snouden, गूगल -> Google)
    if any(fuzz.ratio(w, o) >= 80 for w in parts for o in other_words if len(o) >= 4):
        return True
    candidates = {words[-1], name.replace(" ", "")}
    return any(sounds_alike(w, o) for w in candidates if len(w) >= 3 for o in other_words)


@lru_cache(maxsize=64)
def place_names(lang: str) -> dict[str, frozenset[str]]:
    """CLDR's names (babel) of countries and territories and of the cities time zones are
    named after, in ``lang``: normalized name -> place ids (Estados Unidos -> T:US,
    Moskau -> Z:Europe/Moscow). English city names are the zone ids' own."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    names: dict[str, set[str]] = {}
    for code, name in locale.territories.items():
        if code.isalpha():
            names.setdefault(normalize_name(name), set()).add(f"T:{code}")
    zones = locale.time_zones
    for zone in get_global("zone_territories"):
        city = (zones.get(zone) or {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        names.setdefault(normalize_name(city), set()).add(f"Z:{zone}")
    return {name: frozenset(ids) for name, ids in names.items() if name}


def place_ids(fact: Fact, lang: str) -> frozenset[str]:
    """The places (see :func:`place_names`) ``fact`` names in ``lang``, perhaps inflected
    (России ~ Россия); empty for a name that is no country, territory or zone city."""
    return _places_named(normalize_name(fact.text), lang)


@lru_cache(maxsize=4096)
def _places_named(name: str, lang: str) -> frozenset[str]:
    if not name:
        return frozenset()
    ids: set[str] = set()
    for known, places in place_names(lang).items():
        last = known.rsplit(" ", 1)[-1]
        inflected = name.count(" ") == known.count(" ") and _inflected(name, known)
        if known == name or (len(name) >= 5 and (last == name or inflected)):
            ids |= places
    return frozenset(ids)


def place_mentioned(fact: Fact, own_lang: str, other_lang: str, haystack: str) -> bool:
    """Is ``fact`` a country, territory or city whose name in ``other_lang`` (or in
    English) ``haystack`` holds, possibly inflected: Estados Unidos ~ United States,
    Malouines ~ Falklands, России ~ Russia (CLDR's exonyms); or a city GeoNames knows
    under a name ``haystack`` holds (:func:`city_mentioned`)?"""
    ids = place_ids(fact, own_lang)
    words = [w for w in haystack.split() if len(w) >= 4]
    # Chinese and Japanese write words without spaces: a name is found anywhere in them
    bound = "" if other_lang.split("-")[0] in UNSPACED_LANGS else r"\b"
    for lang in dict.fromkeys((other_lang, "en")) if ids else ():
        for known, places in place_names(lang).items():
            if places & ids and _said(known, haystack, words, bound):
                return True
    return city_mentioned(fact, own_lang, other_lang, haystack, words)


def _said(known: str, haystack: str, words: Sequence[str], bound: str) -> bool:
    """Is the normalized place name ``known`` in ``haystack`` (whose words of four letters
    or more are ``words``): whole, or every long word of it, each perhaps inflected (Îles
    Malouines ~ Malouines)?"""
    if re.search(rf"{bound}{re.escape(known)}{bound}", haystack):
        return True
    long = [k for k in known.split() if len(k) >= 5]
    return bool(long) and all(any(_inflected(k, w) for w in words) for k in long)


_SOUND_CLASSES = {
    **dict.fromkeys("bp", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkq", "K"),
    **dict.fromkeys("csxzjh", "S"),
    **dict.fromkeys("lr", "L"),
    **dict.fromkeys("fvw", "F"),
    "m": "M",
    "n": "N",
}
_ENGLISH_SOUNDS = [
    (re.compile(p), r)
    for p, r in (
        (r"tch|ch|dg", "j"),
        (r"sh", "s"),
        (r"th", "t"),
        (r"ph", "f"),
        (r"ck|qu", "k"),
        (r"ng", "n"),
        (r"wh", "w"),
        (r"gh", ""),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"x", "ks"),
    )
]
_PINYIN_SOUNDS = [
    (re.compile(p), r)
    for p, r in (
        (r"^(?:zh|ch|sh)", "j"),
        (r"^hu(?=[aeio])", "w"),  # 惠特默 Whitmer, 华盛顿 Washington
        (r"^er$", "r"),  # 尔
        (r"ng$", "n"),
    )
]


def _consonants(latin: str) -> str:
    """The consonant classes of a romanized word, repeats and vowels dropped."""
    out: list[str] = []
    for ch in latin:
        sound = _SOUND_CLASSES.get(ch)
        if sound and not (out and out[-1] == sound):
            out.append(sound)
    return "".join(out)


def sound_key(name: str) -> str:
    """What a name sounds like, as classes of its consonants (Houston STN, 休斯敦 xiu si
    dun STN): how Chinese transcribes a foreign name, a syllable per consonant."""
    if HAN_CHAR.search(name):
        syllables = re.findall(r"[A-Z][a-z]*", anyascii(name))
        text = ""
        for syllable in syllables:
            syllable = syllable.lower()
            for pattern, sound in _PINYIN_SOUNDS:
                syllable = pattern.sub(sound, syllable)
            text += syllable
        return _consonants(text)
    text = re.sub(r"['’]s\b", "", anyascii(name).lower())
    for pattern, sound in _ENGLISH_SOUNDS:
        text = pattern.sub(sound, text)
    return _consonants(text)


def _sound_alike_keys(a: str, b: str) -> bool:
    """Two sound keys alike: equal, of three consonants or more (two, PL or SN, match too
    many names: 许正宇 Xu Zhengyu ~ Hong), or one edit apart, of four or more."""
    if min(len(a), len(b)) < 3:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) <= 1


def _transcription_of(latin: Fact, han: Fact) -> bool:
    """Is the Latin-letter name ``latin``, or a run of its words ("Vladimir Putin" in
    "Armed Forces Vladimir Putin"), the sound of the Chinese name ``han``, or, word for
    word, its Japanese reading (Chinese writes a Japanese name in its kanji: 田中宏 is
    *tanaka hiroshi* in Japanese, Tian Zhonghong in pinyin)?"""
    key = sound_key(han.text)
    words = latin.text.split()
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    if any(_sound_alike_keys(key, sound_key(run)) for run in runs):
        return True
    reading = set(kana_romaji(han.text).split())
    return any(len(w) >= 4 and w in reading for w in normalize_name(latin.text).split())


def transcriptions(han_names: Sequence[Fact], latin_names: Sequence[Fact], lang: str) -> set[int]:
    """``id`` of each Chinese name among ``han_names`` that one of ``latin_names`` sounds
    like (约翰·刘易斯 ~ John Lewis, 密歇根州 ~ Michigan), and of the names that do: the
    translation wrote it by its sound, which spelling cannot see (anyascii reads 约翰·刘易斯
    Yuehan Liuyisi)."""
    if lang.split("-")[0] != "zh":
        return set()
    latin_names = [f for f in latin_names if not HAN_CHAR.search(f.text)]
    heard: set[int] = set()
    for han in han_names:
        if not HAN_CHAR.search(han.text):
            continue
        alike = [f for f in latin_names if _transcription_of(f, han)]
        if alike:
            heard |= {id(han), *(id(f) for f in alike)}
    return heard


def _inflected(a: str, b: str) -> bool:
    """The same word with another case ending (Chicagem ~ Chicago, Владивостоком ~ Vladivostok):
    a common beginning of at least 4 letters and three quarters of the shorter word."""
    return common_start(a, b) >= max(4, math.ceil(0.75 * min(len(a), len(b))))


def _phonetic_key(word: str) -> str:
    import jellyfish

    # scripts transcribe z as j (ज) and w as v (в, व)
    return str(jellyfish.metaphone(word.replace("z", "j").replace("w", "v")))


def sounds_alike(a: str, b: str) -> bool:
    """Metaphone keys (jellyfish) of two ASCII-folded words agree: Google ~ गूगल (gugl),
    Zoomlion ~ जूमलॉयन, Georgia ~ जॉर्जिया. Short keys must be equal."""
    import jellyfish

    ka, kb = _phonetic_key(a), _phonetic_key(b)
    if len(ka) < 2 or len(kb) < 2:
        return False
    if ka == kb:
        return True
    return min(len(ka), len(kb)) >= 3 and jellyfish.jaro_winkler_similarity(ka, kb) >= 0.88
