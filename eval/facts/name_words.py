"""What names are made of: the word lists (titles, offices, function words, months),
word frequencies (wordfreq), the scripts a text is written in, and the entity fact of a
name. Shared by the name finders and the judge."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii

from .cldr import cldr_locales
from .model import Fact

# a longer "sentence" (a file without punctuation) is not word-tagged for names, which
# takes about 0.1 ms a character
MAX_TAGGED = 5000
MAX_FUZZY = 20_000  # fuzzy search is linear per name; past this, exact spelling only
KATAKANA_WORD = re.compile(r"[\u30a0-\u30ff]+")
TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "m",
    "mme",
    "mlle",
    "sr",
    "sra",
    "herr",
    "frau",
    "sig",
    "shri",
    "smt",
}
# offices and roles that stand before a name ("US President Erwin Huber", "minister
# infrastruktury Andrzej Adamczyk"): the name is what follows; a translation renders the
# office in its own words, so judged together the two would hide a replaced name
OFFICES = frozenset(
    """president vice prime minister governor senator chancellor mayor secretary general
    director chairman chairwoman chair ceo coach manager judge officer deputy spokesman
    spokeswoman spokesperson leader ambassador commissioner premier king queen prince princess
    pope cardinal bishop captain sergeant lieutenant colonel commander chief trainee defender
    striker midfielder goalkeeper founder inspector professor congressman congresswoman
    lawmaker speaker président présidente ministre gouverneur sénateur maire secrétaire
    général directeur directrice chef entraîneur porte-parole roi reine pape juge député
    ambassadeur commissaire chancelier presidente presidenta ministro ministra primer
    gobernador senador alcalde secretario director directora jefe entrenador portavoz rey
    reina papa juez diputado embajador canciller governatore senatore sindaco segretario
    direttore allenatore portavoce regina giudice deputato ambasciatore cancelliere
    präsident präsidentin ministerin ministerpräsident kanzler kanzlerin bürgermeister
    sekretär direktor trainer sprecher sprecherin könig königin papst richter botschafter
    bundeskanzler bundeskanzlerin bundespräsident prezydent gubernator burmistrz prezes
    dyrektor trener rzecznik król papież sędzia poseł ambasador kanclerz marszałek aplikant
    komisarz prezident premiér ministr ministryně guvernér senátor starosta primátor ředitel
    trenér mluvčí král papež soudce poslanec velvyslanec kancléř obránce útočník brankář
    governador prefeito diretor treinador presiden menteri gubernur direktur pelatih raja
    paus wali kota walikota bupati мэр президент премьер-министр министр губернатор
    председатель директор глава спикер посол канцлер король королева судья депутат
    сенатор тренер başkan başkanı cumhurbaşkanı başbakan bakan bakanı vali valisi müdür
    müdürü milletvekili büyükelçi hakim yargıç""".split()
)
# a pronoun's English contraction is the pronoun (I'd, I'm, We've)
CONTRACTION = re.compile(r"['’](?:d|m|ll|ve|re)$", re.IGNORECASE)
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your but and or if when while
    after before according in on at by for from to with as of not no yes however meanwhile also then there here what
    which who where why how all some many most one two le la les l un une des du ce cet cette ces il elle ils elles
    nous vous on mais et ou si quand selon dans sur par pour avec en au aux son sa ses leur leurs el los las lo una
    unos unas este esta estos estas ese esa según pero y o cuando con por para der die das den dem des ein eine einen
    einem einer und oder aber wenn nach laut im am zum zur bei mit von für auf il lo gli i uno dei delle degli questo
    questa secondo ma o os as um uma uns umas esse essa segundo mas ou na no nas nos ini itu dan atau tetapi yang di
    ke dari pada untuk dengan menurut para dalam""".split()
)


@lru_cache(maxsize=64)
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (lower case) in ``lang`` and English: dates, not entities."""
    words: set[str] = set()
    for locale in cldr_locales(lang):
        for table in (locale.months, locale.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    words.update(n.lower().strip(".") for n in table[context][width].values())
    return frozenset(words)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


RARE_ZIPF = 2.5  # 3.5 found more names but took the seeds' *Insiders* (3.3) for one


def rare_word(word: str, lang: str) -> bool:
    """Is ``word``, in lower case, rare or unknown in ``lang`` (wordfreq's list: Zipf below
    :data:`RARE_ZIPF`, about three in ten million words), so that at the start of a
    sentence it is more likely a name (Macura, Netanjahu) than a capitalized word? False
    for a language wordfreq does not know."""
    frequencies = word_frequencies(lang)
    if not frequencies:
        return False
    parts = re.split(r"['’]", re.sub(r"['’]s$", "", word).casefold())  # C'est: c, est
    return max(frequencies.get(p, 0.0) for p in parts) < 10**RARE_ZIPF / 1e9


# languages that do not share German's own nouns (Dutch and Swedish do: Boden, Bub), and
# whose word lists, with German's, cost some 170 MB loaded (all ten of a longer list: 515)
TRAVEL_LANGS = ("en", "fr", "es")
TRAVEL_ZIPF = 1.5
# a capitalized German word this common (Zipf) inside a name is a noun (Mitglieder der
# Band Fleetwood Mac), though English writes it too
COMMON_NOUN_ZIPF = 4.5


def travelling_word(word: str, lang: str) -> bool:
    """Is ``word`` written about as often in other languages as in ``lang`` (median Zipf
    over :data:`TRAVEL_LANGS` at least :data:`TRAVEL_ZIPF`, and less than that below its
    Zipf in ``lang``)? Names travel (Putin, Twitter, Zimmermann, Werth); a capitalized
    German noun does not (Regierung 5.2 against 1.1, Sohn 5.2 against 2.2)."""
    import statistics

    own = zipf_of(word, lang)
    elsewhere = statistics.median(zipf_of(word, other) for other in TRAVEL_LANGS if other != lang)
    return elsewhere >= TRAVEL_ZIPF and own - elsewhere < TRAVEL_ZIPF


def travelling_name(fact: Fact, lang: str) -> bool:
    """Is every word of ``fact`` one that travels (see :func:`travelling_word`): a name
    other languages write as ``lang`` does (Leicester City, Lockheed Martin), and no
    acronym?"""
    if is_acronym(fact.text) and len(fact.text.strip()) <= 2:
        return False  # AI ~ IA, UN ~ ONU: initials are translated
    words = re.findall(r"\w+", fact.text)
    return bool(words) and all(travelling_word(w, lang) for w in words)


def zipf_of(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in lower case (0 when unknown, and for a
    language wordfreq lacks), looked up without its tokenizer (which wants MeCab for
    Japanese)."""
    frequency = word_frequencies(lang).get(word.casefold(), 0.0)
    return math.log10(frequency * 1e9) if frequency else 0.0


@lru_cache(maxsize=16)
def word_frequencies(lang: str) -> dict[str, float]:
    import wordfreq

    try:
        return wordfreq.get_frequency_dict(lang)
    except (LookupError, ValueError):
        return {}


def entity_fact(name: str, start: int) -> Fact:
    """The entity fact of ``name``, standing at ``start`` in its sentence."""
    return Fact("entity", f"ent:{normalize_name(name)}", name, start, start + len(name))


_POSSESSIVE = re.compile(r"['’]s\b")
_NOT_ALNUM_OR_LINE = re.compile(r"[^0-9a-z\n]+")


def normalize_name(text: str) -> str:
    """ASCII, lower case, no possessive or punctuation: "Elon Musk's" -> "elon musk"."""
    return normalize_names([text])[0]


def normalize_names(texts: Sequence[str]) -> list[str]:
    """:func:`normalize_name` of each text, folded as one string, one text a line (anyascii
    reads a long string much faster than many short ones: 300,000 city names in 0.3 s)."""
    joined = "\n".join(text.replace("\n", " ") for text in texts)
    folded = anyascii(_POSSESSIVE.sub("", joined)).lower()
    lines = _NOT_ALNUM_OR_LINE.sub(" ", folded).split("\n")
    if len(lines) != len(texts):
        raise ValueError("a name folded to more than one line")
    return [" ".join(line.split()) for line in lines]


def looks_like_name(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    inner_caps = any(ch.isupper() for ch in token[1:])
    return (
        inner_caps
        or any(ch.isdigit() for ch in token)
        or (len(letters) >= 2 and all(ch.isupper() for ch in letters))
    )


LONGEST_RUN = 12  # a longer katakana or Latin run is no name
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = r"\u3040-\u30ff\u31f0-\u31ff"
HAN_CHAR = re.compile(rf"[{HAN}]")
SCRIPT_RUN = re.compile(
    rf"[{HAN}々]+|[\u30a0-\u30ff\u31f0-\u31ffー・]+|[\u3040-\u309f]+|[^\W\d_{HAN}{_KANA}]+"
)


def same_script(name: str, other_text: str) -> bool:
    """Do both sides write mostly in Latin letters (so that spelling can decide)?"""

    return latin_share(name) > 0.8 and latin_share(other_text) > 0.8


def is_acronym(name: str) -> bool:
    """One word of 2-5 letters, all capitals but one at most (NSA, АПЛ, MSWiA)."""
    letters = [ch for ch in name if ch.isalpha()]
    return (
        " " not in name.strip()
        and 2 <= len(letters) <= 5
        and sum(ch.isupper() for ch in letters) >= len(letters) - 1
    )


def is_caseless(text: str) -> bool:
    """Is ``text`` written mostly in a script without case (Chinese, Japanese, Hindi ...),
    where no name of its own can be found?"""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() or ch.islower() for ch in letters) < 0.5 * len(letters)


def is_spaced(text: str) -> bool:
    """Are the words of ``text`` cut by spaces (Hindi, not Chinese or Japanese)?"""
    return len(text.split()) >= max(2, 0.08 * len(text))


def latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters) / max(len(letters), 1)
