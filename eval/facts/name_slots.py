"""Where a name stands on the other side of a bead, read through the word alignment
(e5 token vectors, SimAlign's argmax): the words its tokens link to, a word that renders
it (a translated term), and the name another side put in its slot (a swap)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from anyascii import anyascii

from ..content import AlignedToken
from .city_names import city_ids
from .model import Fact
from .name_match import (
    mentioned,
    place_ids,
    place_mentioned,
    sound_key,
    sounds_alike,
)
from .name_words import (
    COMMON_NOUN_ZIPF,
    FUNCTION_WORDS,
    entity_fact,
    is_acronym,
    is_caseless,
    latin_share,
    rare_word,
    travelling_word,
    zipf_of,
)
from .names_cased import CONNECTORS, NOUN_CAPITALIZING
from .names_caseless import caseless_spans


def lost_word(
    fact: Fact,
    lang: str,
    unaligned: Callable[[int, int], bool],
    other_text: str,
    other_norm: str,
    other_lang: str,
) -> Fact | None:
    """The first capitalized word of a name of several words that the other side neither
    spells, nor names as a place (in ``other_lang``), nor renders (``unaligned(start,
    end)``), as a name of its own; not a name's opening word at a sentence start, nor, in
    a language that capitalizes its nouns, a word other languages do not write alike
    (*Geräusche*) or a common word of its own (*Band*)."""
    if len(fact.text.split()) < 2:
        return None
    for m in re.finditer(r"\w[\w'’.-]*", fact.text):
        word = m.group()
        if len(word) < 3 or not word[0].isupper():
            continue
        if word.lower() in FUNCTION_WORDS or word.lower() in CONNECTORS:
            continue
        if m.start() == 0 and fact.qualifier == "initial":
            continue
        if lang.split("-")[0] in NOUN_CAPITALIZING and (
            not travelling_word(word, lang) or zipf_of(word, lang) >= COMMON_NOUN_ZIPF
        ):
            continue
        start, end = fact.start + m.start(), fact.start + m.end()
        part = entity_fact(word, start)
        if not unaligned(start, end) or mentioned(part, other_text, other_norm, lang):
            continue
        if not place_mentioned(part, lang, other_lang, other_norm):
            return part
    return None


def overlaps(start: int, end: int, span_start: int, span_end: int) -> bool:
    """Does the non-empty stretch ``start .. end`` overlap ``span_start .. span_end``?"""
    return start < span_end and end > max(start, span_start)


def tokens_within(tokens: Sequence[AlignedToken], start: int, end: int) -> list[AlignedToken]:
    """The tokens (not the empty word-separator ones) that stand in ``start .. end``."""
    return [t for t in tokens if overlaps(t.start, t.end, start, end)]


def linked_to(tokens: Sequence[AlignedToken], name: Fact) -> list[AlignedToken]:
    """The tokens (of one side) whose mutual closest token stands in ``name`` (of the
    other side)."""
    return [
        t for t in tokens if t.partner is not None and overlaps(*t.partner, name.start, name.end)
    ]


TRANSLATABLE_ZIPF = 3.0


def translatable(word: str, lang: str) -> bool:
    """Is ``word`` one its language uses as an ordinary word (see :data:`TRANSLATABLE_ZIPF`)?"""
    return zipf_of(word, lang) >= TRANSLATABLE_ZIPF and not travelling_word(word, lang)


def rendered_term(name: Fact, text: str, lang: str, other: Fact) -> bool:
    """Is ``other``, a lone capitalized word of a language that capitalizes its nouns
    (``weak``: *Urknall*, *Beifall*), the rendering of ``name``, every word of which is an
    ordinary word of its own language (Zipf at least :data:`TRANSLATABLE_ZIPF`: *Big Bang*,
    *Milky Way Galaxy*, *Applause*)? Translators render such a name by its meaning."""
    return other.qualifier == "weak" and all(
        zipf_of(word.text, lang) >= TRANSLATABLE_ZIPF for word in words_of_name(text, name)
    )


_NAME_WORD = re.compile(r"\w+(?:['’-]\w+)*")


ARTICLES = frozenset(
    "an the le la les l un une el los las una der die das den dem des ein eine einen einem "
    "einer eines il lo gli uno".split()
)


def _after_article(word: Fact, text: str) -> bool:
    """Does an article (:data:`ARTICLES`) stand just before ``word`` in ``text``?"""
    before = re.search(r"(\w+)['’]?\s*$", text[: word.start])
    return bool(before) and before.group(1).casefold() in ARTICLES


def _name_swapped_for(
    word: Fact, other: Fact, texts: tuple[str, str], langs: tuple[str, str]
) -> bool:
    """Can the version's word ``other``, standing where the reference's name word ``word``
    stands, be another name rather than its rendering (before :func:`_kept_word` asks
    whether it keeps it)?

    ``word`` must be one other languages keep by its letters alone. In Latin letters: a
    word they write too (:func:`travelling_word`: Thornton, Siemens, Lyon; not a compound
    or an inflected exonym only its own language writes, Wirtschaftsministerium, Gandawie),
    and ``other`` no ordinary word of its language (:func:`translatable`) when it is in
    Latin letters too. In another script with case (Cyrillic, Greek), whose word lists do
    not tell a rare name from an inflected word, a rare word (:func:`rare_word`: Метшин,
    but also Центристская) or one whose romanization travels (:func:`travelling_word`:
    Мария *mariya*, Петрова *petrova*; not Кремля *kremlya*), and ``other`` a Latin-letter
    word no language's list holds as a word (Minnikhanov; not *Center*). Never initials or
    a short abbreviation on either side (each language writes its own: AI ~ IA, San ~
    St.), nor a word both sides introduce with an article (:data:`ARTICLES`: *die Marine*
    ~ *the Navy*), nor a script without case, which renders names by meaning as often as
    by sound (斗兽场 Colosseum)."""
    src_lang, tgt_lang = langs
    if (
        is_caseless(word.text)
        or is_caseless(other.text)
        or is_acronym(word.text)
        or is_acronym(other.text)
    ):
        return False
    if _after_article(word, texts[0]) and _after_article(other, texts[1]):
        return False
    if latin_share(word.text) > 0.5:
        return travelling_word(word.text, src_lang) and (
            latin_share(other.text) <= 0.5 or not translatable(other.text, tgt_lang)
        )
    return (
        (rare_word(word.text, src_lang) or travelling_word(anyascii(word.text), src_lang))
        and latin_share(other.text) > 0.5
        and zipf_of(other.text, tgt_lang) < TRANSLATABLE_ZIPF
        and not travelling_word(other.text, tgt_lang)
    )


def words_of_name(text: str, name: Fact) -> list[Fact]:
    """The words of ``name`` in ``text`` (a word of a script without spaces ends where the
    name does)."""
    return [
        entity_fact(text[a:b], a)
        for m in _NAME_WORD.finditer(text)
        if (a := max(m.start(), name.start)) < (b := min(m.end(), name.end))
    ]


def _span(text: str, words: Sequence[Fact]) -> Fact:
    """The stretch of ``text`` from the first of ``words`` to the last."""
    start, end = min(w.start for w in words), max(w.end for w in words)
    return entity_fact(text[start:end], start)


def replaced_names(
    source: Sequence[Fact],
    target: Sequence[Fact],
    tokens: Sequence[AlignedToken],
    texts: tuple[str, str],
    norms: tuple[str, str],
    langs: tuple[str, str],
) -> list[tuple[Fact, Fact, Fact, Fact]]:
    """Reference names the version replaced: ``(name, its words replaced, version's name,
    the words standing in their place)``.

    A name is a slot in the sentence, found through the tokens that are each other's
    closest (``tokens``: the reference's against the version; ``norms``: the two texts as
    names are looked for in them, :func:`search_text`). A reference word of a name
    that other languages keep by its letters (:func:`_name_swapped_for`) is kept only as it is
    spelled, transliterated, sounded or named by CLDR (:func:`_kept_word`); when the
    version's word in its place, a word of a name of the version in a script with case,
    keeps it in none of these ways, the version put another name there. The replaced
    stretch grows over the neighbouring words of the name that the other side does not keep
    either and that face nothing else (*Olaf* beside *Becker*); an office or noun the name's
    span took in (*Ratsvorsitzende* before *Helen Carter*, linked to *Council leader*) stays
    out. Two places CLDR or GeoNames tells apart are a replacement whatever their words.
    A version's name any of whose tokens faces a reference token outside the name renders
    something else: no replacement."""
    src_text, tgt_text = texts
    found: list[tuple[Fact, Fact, Fact, Fact]] = []
    taken: set[int] = set()

    def faces_of(word: Fact) -> list[tuple[int, int]]:
        """Where the version's tokens facing the reference's ``word`` stand."""
        return [t.partner for t in tokens_within(tokens, word.start, word.end) if t.partner]

    def faced_by(word: Fact) -> list[tuple[int, int]]:
        """Where the reference's tokens facing the version's ``word`` stand."""
        return [(t.start, t.end) for t in linked_to(tokens, word)]

    def renders_else(span: Fact, old: Fact) -> bool:
        """Does some token of the version's ``span`` face a reference token outside ``old``?"""
        return any(not overlaps(*f, old.start, old.end) for f in faced_by(span))

    for old in source:
        old_words = words_of_name(src_text, old)
        for name in target:
            if id(name) in taken:
                continue
            new_words = words_of_name(tgt_text, name)
            pairs = [
                (w, v)
                for w in old_words
                for v in new_words
                if any(overlaps(*p, v.start, v.end) for p in faces_of(w))
            ]
            if pairs and not renders_else(name, old) and _other_place(old, name, norms, langs):
                found.append((old, old, name, name))
                taken.add(id(name))
                break
            if rendered_term(old, src_text, langs[0], name):
                continue
            replaced = [
                (w, v)
                for w, v in pairs
                if _name_swapped_for(w, v, texts, langs)
                and not _kept_word(w, v, texts, norms, langs)
            ]
            if not replaced:
                continue

            said = _grown(
                src_text,
                old_words,
                [w for w, _ in replaced],
                lambda w, name=name: _free(w, (tgt_text, norms[1]), faces_of(w), name),
            )
            new = _grown(
                tgt_text,
                new_words,
                [v for _, v in replaced],
                lambda v, old=old: _free(v, (src_text, norms[0]), faced_by(v), old),
            )
            if renders_else(new, old):
                continue
            found.append((old, said, name, new))
            taken.add(id(name))
            break
    return found


def _grown(text: str, words: list[Fact], core: list[Fact], free: Callable[[Fact], bool]) -> Fact:
    """The stretch of ``words`` from the first of ``core`` to the last, grown over the
    neighbouring words that are ``free``."""
    ids = [i for i, w in enumerate(words) if any(w.start == c.start for c in core)]
    lo, hi = min(ids), max(ids)
    while lo > 0 and free(words[lo - 1]):
        lo -= 1
    while hi + 1 < len(words) and free(words[hi + 1]):
        hi += 1
    return _span(text, words[lo : hi + 1])


def _free(word: Fact, other: tuple[str, str], faces: list[tuple[int, int]], name: Fact) -> bool:
    """May ``word``, beside a replaced word of its name, join the replaced stretch: a name's
    word (capitalized, where the script has case), not spelled in the other side's text
    (``other``: the text and its :func:`search_text`), and facing nothing there but the other
    side's ``name``?"""
    other_text, other_norm = other
    return (
        (word.text[:1].isupper() or is_caseless(word.text))
        and not mentioned(word, other_text, other_norm)
        and all(overlaps(*f, name.start, name.end) for f in faces)
    )


def _other_place(old: Fact, new: Fact, norms: tuple[str, str], langs: tuple[str, str]) -> bool:
    """Are ``old`` (the reference's) and ``new`` (the version's) two places CLDR or GeoNames
    tells apart (Südkorea and North Korea, Österreich and Australia, Köln and Bonn),
    neither named on the other side (``norms``: the two texts' :func:`search_text`)?"""
    (src_norm, tgt_norm), (src_lang, tgt_lang) = norms, langs
    ids_old, ids_new = _places_and_cities(old, src_lang), _places_and_cities(new, tgt_lang)
    return (
        bool(ids_old and ids_new)
        and not ids_old & ids_new
        and not place_mentioned(old, src_lang, tgt_lang, tgt_norm)
        and not place_mentioned(new, tgt_lang, src_lang, src_norm)
    )


def _places_and_cities(fact: Fact, lang: str) -> frozenset[str]:
    """The CLDR places (:func:`place_ids`) and GeoNames cities (:func:`city_ids`) ``fact``
    names in ``lang``."""
    return place_ids(fact, lang) | {f"G:{gid}" for gid in city_ids(fact.text, lang)}


def _kept_word(
    word: Fact,
    other: Fact,
    texts: tuple[str, str],
    norms: tuple[str, str],
    langs: tuple[str, str],
) -> bool:
    """Does the version keep the reference's name word ``word``, or the reference the
    version's word ``other`` standing in its place: spelled (possibly in another script,
    see :func:`mentioned`), named by CLDR (:func:`place_mentioned`), or written by its sound
    (:func:`sounds_alike`, or the same consonants: Keller ~ ケラー)?"""
    (src_text, tgt_text), (src_norm, tgt_norm), (src_lang, tgt_lang) = texts, norms, langs
    return (
        mentioned(word, tgt_text, tgt_norm, src_lang)
        or mentioned(other, src_text, src_norm, tgt_lang)
        or place_mentioned(word, src_lang, tgt_lang, tgt_norm)
        or place_mentioned(other, tgt_lang, src_lang, src_norm)
        or sounds_alike(anyascii(word.text).lower(), anyascii(other.text).lower())
        or (len(key := sound_key(word.text)) >= 2 and key == sound_key(other.text))
    )


def enclosing(word: Fact, names: Sequence[Fact]) -> Fact:
    """The first of ``names`` that holds ``word`` (a word of it), else ``word`` itself."""
    return next((f for f in names if f.start <= word.start and word.end <= f.end), word)


def slot_pairs(
    dropped: Sequence[Fact],
    added: Sequence[Fact],
    tokens: Sequence[AlignedToken],
    names: Sequence[Fact] = (),
) -> list[tuple[Fact, Fact]]:
    """Each dropped reference name with the first name of the version (``added``, not
    spelled in the reference) that stands in its place: some token of one is the other's
    mutual closest (``tokens``: the reference's, against the version), and no token of
    the reference outside the dropped name is (the version's name renders nothing else:
    *Blansko's* for *blanenských* is no replacement of the reader's name beside it). A
    dropped word of one of the reference's ``names`` (*Demir* of *Ayşe Demir*) stands
    for that name: a version's name in the name's place replaced all of it."""
    pairs: list[tuple[Fact, Fact]] = []
    taken: set[int] = set()
    for dropped_word in dropped:
        old = enclosing(dropped_word, names)
        for new in added:
            if id(new) in taken:
                continue
            links = linked_to(tokens, new)
            if not links or not all(overlaps(t.start, t.end, old.start, old.end) for t in links):
                continue
            pairs.append((old, new))
            taken.add(id(new))
            break
    return pairs


def rendered_stretch(
    name: Fact, tokens: Sequence[AlignedToken], text: str, lang: str
) -> Fact | None:
    """The stretch of ``text``, a reference without case, that a name the version added
    stands in the place of: the smallest place a name may stand there (see
    :func:`caseless_spans`) holding every token of ``text`` whose mutual closest token
    (``tokens``) is in the name; None when there is none."""
    linked = [t for t in linked_to(tokens, name) if t.end > t.start]
    if not linked:
        return None
    first, last = min(t.start for t in linked), max(t.end for t in linked)
    spans = [(a, b) for a, b in caseless_spans(text, lang) if a <= first and b >= last]
    if not spans:
        return None
    a, b = min(spans, key=lambda span: span[1] - span[0])
    return entity_fact(text[a:b], a)
