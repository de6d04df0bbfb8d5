"""The deletion test of names and the pairing of the names left over: how much closer a
bead's two sides get when a name (or a stretch of a caseless sentence) is taken out,
measured in one batch and only where the answer is used, and which dropped name an added
one replaced (the nearest in the sentence, a sentence's opening word, a full name whose
given name changed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from ..content import Similarity, closer_without, cut_out
from .model import Fact
from .name_match import (
    mentioned,
)
from .name_words import (
    FUNCTION_WORDS,
    OFFICES,
    TITLES,
    calendar_words,
    entity_fact,
    latin_share,
    looks_like_name,
    rare_word,
    word_frequencies,
)
from .names_cased import CONNECTORS, cased_tokens
from .names_caseless import caseless_spans


def deletion_gains(
    similarity: Similarity,
    src_names: Sequence[Fact],
    tgt_names: Sequence[Fact],
    src_text: str,
    tgt_text: str,
) -> dict[int, float]:
    """How much closer the two sides get when each name is deleted from its own side
    (keyed by ``id`` of the fact): positive when the other side does not say it."""
    if not (src_names or tgt_names):
        return {}
    gains = closer_without(
        similarity,
        src_text,
        tgt_text,
        [cut_out(src_text, f.start, f.end) for f in src_names],
        [cut_out(tgt_text, f.start, f.end) for f in tgt_names],
    )
    return {id(f): gain for f, gain in zip([*src_names, *tgt_names], gains, strict=True)}


class DeletionGains:
    """Deletion gains of names (see :func:`deletion_gains`), keyed by ``id`` of the fact:
    a group added ``now`` is measured at once, one batch; a name of another group only
    when it is first asked for (each deleted text costs the model a pass, and most such
    names are never asked for; a name's gain does not depend on the others measured
    beside it, and scoring's dry run batches every deleted text of a document anyway)."""

    def __init__(self, src_text: str, tgt_text: str) -> None:
        self.texts = src_text, tgt_text
        self.known: dict[int, float] = {}
        self.waiting: dict[int, tuple[Similarity, list[Fact], list[Fact]]] = {}

    def add(
        self, measure: Similarity, src_names: list[Fact], tgt_names: list[Fact], now: bool
    ) -> None:
        if not (src_names or tgt_names):
            return
        if now:
            self.known |= deletion_gains(measure, src_names, tgt_names, *self.texts)
            return
        for fact in src_names:
            self.waiting[id(fact)] = (measure, [fact], [])
        for fact in tgt_names:
            self.waiting[id(fact)] = (measure, [], [fact])

    def __getitem__(self, key: int) -> float:
        if key in self.waiting:
            self.known |= deletion_gains(*self.waiting.pop(key), *self.texts)
        return self.known[key]

    def get(self, key: int, default: float) -> float:
        return self[key] if key in self.known or key in self.waiting else default


def unsaid_span(
    similarity: Similarity,
    text: str,
    lang: str,
    other_text: str,
    source_side: bool,
    margin: float,
) -> Fact | None:
    """The stretch of ``text`` (without case) whose deletion brings it closest to
    ``other_text``, as an entity; None unless that brings them closer by ``margin``
    (below it, the best stretch is as often an ordinary word as the name)."""
    gains = stretch_gains(similarity, text, lang, other_text, source_side)
    return best_stretch(gains, text, margin)


def stretch_gains(
    similarity: Similarity, text: str, lang: str, other_text: str, source_side: bool
) -> list[tuple[tuple[int, int], float]]:
    """Each place a name may stand in ``text`` (see :func:`caseless_spans`) with how much
    closer to ``other_text`` its deletion brings ``text`` (``source_side``: ``text`` is
    the reference)."""
    spans = caseless_spans(text, lang)
    if not spans:
        return []
    cut = [cut_out(text, a, b) for a, b in spans]
    if source_side:
        gains = closer_without(similarity, text, other_text, source_variants=cut)
    else:
        gains = closer_without(similarity, other_text, text, target_variants=cut)
    return list(zip(spans, gains, strict=True))


def best_stretch(
    gains: Sequence[tuple[tuple[int, int], float]],
    text: str,
    margin: float,
    among: Callable[[int, int], bool] | None = None,
) -> Fact | None:
    """The stretch of ``gains`` (see :func:`stretch_gains`) that gains most, as an entity
    of ``text``, if by more than ``margin``; ``among``: which stretches (start, end) may
    be the one."""
    candidates = [(span, gain) for span, gain in gains if among is None or among(*span)]
    if not candidates:
        return None
    (a, b), gain = max(candidates, key=lambda candidate: candidate[1])
    return entity_fact(text[a:b], a) if gain > margin else None


PAIR_NEAR = 0.25  # of the sentence's length, between the two names of a replacement
# a version's first word this common (Zipf, lower case) is no name: where a name was
# taken out, the sentence opens with Has, Is, Looking; the reference's first word is
# judged only beside a name the version added, and institutions are common words
# there (Senát 4.2)
OPENING_ZIPF = 4.0
# a word of a Hindi reference this rare (Zipf) is as often a transcribed name as a
# learned word (मूरे 0, एनएसए 3.0 against अभियोग 3.6, भरोसा 4.8)
UNSAID_RARE_ZIPF = 3.5
REFERENCE_OPENING_ZIPF = 4.5


def near_pairs(
    source: Sequence[Fact], target: Sequence[Fact], src_text: str, tgt_text: str
) -> list[tuple[Fact, Fact]]:
    """:func:`closest_pairs` that stand within :data:`PAIR_NEAR` of each other."""
    return [
        (s, t)
        for s, t in closest_pairs(source, target, len(src_text), len(tgt_text))
        if abs(s.start / max(len(src_text), 1) - t.start / max(len(tgt_text), 1)) < PAIR_NEAR
    ]


_NO_OPENING_NAME = FUNCTION_WORDS | frozenset(TITLES) | OFFICES


# an English plural opening a sentence is a common noun when its singular is this common
# (critic 3.9, analyst 4.0, witness 4.3; names' stems are rarer: Fortis, Reuters)
PLURAL_STEM_ZIPF = 3.5


def plural_of_common_word(word: str) -> bool:
    """``word`` is an English plural whose singular is a common word (Critics, Witnesses,
    Authorities); a surname made of a first name (Adams, Evans) is taken for one too."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return False
    stems = [low[:-1]]
    if low.endswith("es"):
        stems.append(low[:-2])
    if low.endswith("ies"):
        stems.append(low[:-3] + "y")
    floor = 10**PLURAL_STEM_ZIPF / 1e9
    frequencies = word_frequencies("en")
    return any(frequencies.get(stem, 0.0) >= floor for stem in stems)


def opening_name_word(
    text: str,
    lang: str,
    other_text: str,
    other_norm: str,
    other_lang: str,
    names: Sequence[Fact],
    zipf: float,
) -> list[Fact]:
    """The first word of ``text`` as a name, when it is capitalized, no function or
    calendar word, not already part of a name of ``names``, and not spelled by the other
    side: a sentence-initial name the extractor left out (it cannot tell Ferrari from
    Party there), which only pairing with a flagged name on the other side reports."""
    tokens = cased_tokens(text)
    if len(tokens) < 2:
        return []  # a sentence of one word: taking it out leaves nothing to compare
    first = tokens[0]
    word = re.sub(r"['’]s$", "", first.group())
    if not word[:1].isupper() or word.lower() in _NO_OPENING_NAME:
        return []
    if word.lower() in calendar_words(lang or "en") or text[: first.start()].strip('"“„«( '):
        return []
    if word_frequencies(lang or "en").get(word.lower(), 0.0) >= 10**zipf / 1e9:
        return []  # Has, Looking, Supporters: what a sentence opens with once a name is gone
    if (lang or "en").startswith("en") and re.search(r"(?:ly|ed|ing|ers)$", word):
        return []  # Illegally, Welcomed, Peacekeepers
    if any(f.start <= first.start() < f.end for f in names):
        return []
    fact = entity_fact(word, first.start())
    return [] if mentioned(fact, other_text, other_norm, other_lang) else [fact]


def closest_pairs(
    source: Sequence[Fact], target: Sequence[Fact], src_len: int, tgt_len: int
) -> list[tuple[Fact, Fact]]:
    """Pair names of the two sides by where they stand in their sentences (relative
    position), closest first; each name in at most one pair."""
    options = sorted(
        (abs(s.start / max(src_len, 1) - t.start / max(tgt_len, 1)), i, j)
        for i, s in enumerate(source)
        for j, t in enumerate(target)
    )
    pairs: list[tuple[Fact, Fact]] = []
    used_s: set[int] = set()
    used_t: set[int] = set()
    for _, i, j in options:
        if i not in used_s and j not in used_t:
            pairs.append((source[i], target[j]))
            used_s.add(i)
            used_t.add(j)
    return pairs


def given_name_changes(
    source: Sequence[Fact], target: Sequence[Fact], tgt_lang: str = ""
) -> list[tuple[Fact, Fact]]:
    """Full names that kept the surname but changed a given name (Mustafa Suleyman -> Mauro
    Suleyman), or kept the given name and changed the surname for a word that is no word
    of the version's language ``tgt_lang`` (Benjamin Netanjahu -> Prime Minister Benjamin
    Gantz; not Rádio Svoboda -> Radio Liberty, a name translated)."""
    pairs = []
    used: set[int] = set()
    for s in source:
        s_words = person_like(s)
        s_last = person_like(s, longest=4)
        for t in target:
            if id(t) in used:
                continue
            t_words = person_like(t)
            t_last = person_like(t, longest=4)
            # the given name stands next to the surname (in Warszawie Kornel Morawiecki
            # the first word is a place the span swallowed)
            given = (
                s_words
                and t_words
                and len(t_words) == len(s_words)
                and s_words[-1] == t_words[-1]
                and fuzz.ratio(s_words[-2], t_words[-2]) < 70
            )
            surname = (
                s_last
                and t_last
                and len(s_last[-2]) >= 3
                and s_last[-2] == t_last[-2]
                and fuzz.ratio(s_last[-1], t_last[-1]) < 70
                and bool(tgt_lang)
                and rare_word(t_last[-1], tgt_lang)
            )
            if given or surname:
                pairs.append((s, t))
                used.add(id(t))
                break
    return pairs


def person_like(fact: Fact, longest: int = 3) -> list[str] | None:
    """The words of ``fact`` (its key's) when it may be a person's full name: two to
    ``longest`` words in Latin letters, no connector, no acronym or inner capital, not
    sentence-initial (a first word there may be a title or an adverb: Teraz Kolonko = Now
    Kolonko); None otherwise."""
    words = fact.text.split()
    if fact.qualifier or latin_share(fact.text) < 0.8 or not 2 <= len(words) <= longest:
        return None
    if any(w.lower() in CONNECTORS or looks_like_name(w) for w in words):
        return None
    return fact.key[4:].split()
