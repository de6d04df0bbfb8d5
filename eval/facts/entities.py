"""Named entities of a bead compared: kept, dropped, added or changed (the judge).

The names come from :mod:`eval.facts.names_cased` (capitals) and
:mod:`eval.facts.names_caseless` (Chinese, Japanese, caseless spans); whether the other
side says a name is asked of :mod:`eval.facts.name_match` first (spelling, places, sound).

Spelling decides first: names are folded to ASCII (anyascii) and compared fuzzily
(rapidfuzz), so OpenAI ~ Openai, xAI ~ XAI, Anthropic ~ Antropik, and Бахман ~ Bachmann.
Where spelling cannot decide (another script, an exonym such as Germany ~ Allemagne), the
bundled embedding model is asked whether the other side supports the name: delete the name
from its sentence and see whether the pair becomes *more* similar. If it does, the other
side never said it. Names beside or in a caseless script are checked by romanized
spelling (Xi Jinping ~ 习近平, xijinping) and else by the deletion test with the latent
terms too and a stricter margin (names transcribed by sound, 特朗普 for Trump, share no
spelling). When the other side adds a name, the stretch of the caseless side whose
deletion brings the two closest is taken as the name it replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from align.profile import phased

from ..content import AlignedToken, Similarity, TokenAlignment
from .compare import FactFlag
from .model import Fact
from .name_gains import (
    OPENING_ZIPF,
    REFERENCE_OPENING_ZIPF,
    UNSAID_RARE_ZIPF,
    DeletionGains,
    best_stretch,
    closest_pairs,
    deletion_gains,
    given_name_changes,
    near_pairs,
    opening_name_word,
    person_like,
    plural_of_common_word,
    stretch_gains,
    unsaid_span,
)
from .name_match import (
    mentioned,
    place_ids,
    place_mentioned,
    search_text,
    transcriptions,
)
from .name_slots import (
    enclosing,
    linked_to,
    lost_word,
    overlaps,
    rendered_stretch,
    rendered_term,
    replaced_names,
    slot_pairs,
    tokens_within,
    translatable,
    words_of_name,
)
from .name_words import (
    is_acronym,
    is_caseless,
    is_spaced,
    latin_share,
    looks_like_name,
    same_script,
    travelling_name,
    zipf_of,
)
from .names_cased import NOUN_CAPITALIZING
from .names_caseless import read_in_kanji


def _distinct(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per name: a name said three times is one name to find on the other side."""
    return list({f.key: f for f in reversed(facts)}.values())[::-1]


def _spelled_name(fact: Fact) -> bool:
    """A name spelling can judge: several words (Mustafa Suleyman) or a brand shape (xAI,
    DeepSeek, GPT-4). Short acronyms are translated (AI ~ IA, UN ~ ONU): not by spelling."""
    words = fact.text.split()
    if len(words) >= 2:
        return True
    word = words[0] if words else ""
    acronym = word.isupper() and len(word) <= 5
    return not acronym and looks_like_name(word)


@dataclass(frozen=True)
class NameMargins:
    """How much closer a pair must get without a name before the name counts as not said,
    per kind of name and script (see :func:`compare_entities`, which explains each).

    Gains are differences of a similarity in [0, 1]; ``rendered_share`` is a share of
    tokens. Set on the DEMETR perturbations (``bench/facts.py``); each field goes into
    the run signature (``names.<field>``).
    """

    cased_margin: float = 0.004
    cross_margin: float = 0.025
    romanized_margin: float = 0.005
    unsaid_margin: float = 0.04
    latin_cross_margin: float = 0.02
    opening_margin: float = 0.008
    travel_margin: float = 0.0
    place_margin: float = 0.01
    unaligned_margin: float = -0.01
    unaligned_unsaid_margin: float = 0.025
    unaligned_rare_margin: float = 0.015
    rendered_share: float = 0.5
    weak_margin: float = 0.01
    unaligned_opening_margin: float = 0.001
    said_margin: float = 0.001


NAME_MARGINS = NameMargins()


@phased("name tests")
def compare_entities(
    source: Sequence[Fact],
    target: Sequence[Fact],
    src_text: str,
    tgt_text: str,
    similarity: Similarity | None = None,
    langs: tuple[str, str] | None = None,
    cross_similarity: Similarity | None = None,
    alignment: TokenAlignment | None = None,
    margins: NameMargins = NAME_MARGINS,
) -> list[FactFlag]:
    """``dropped`` / ``added`` / ``changed`` entity flags for one bead.

    The margins named below are the fields of ``margins`` (:class:`NameMargins`).
    A name on one side that the other side's text spells (see :func:`mentioned`) is kept.
    A full name that kept its surname but not its given name is ``changed``. Otherwise,
    with ``similarity``, the name is deleted from its sentence: when the pair becomes more
    similar by more than ``cased_margin``, the other side does not say it. A name the version
    added and a name of the reference that the version does not spell were a replacement:
    ``changed``; the rest is ``dropped`` or ``added``.
    Where the other side is in a script without case, the deletion test uses
    ``cross_similarity`` (default ``similarity``) and ``cross_margin``: nothing there can
    be spelled against, so the test decides alone and must be surer. A name added beside
    a caseless reference (or dropped beside a caseless version) is paired with the stretch
    of that side whose deletion brings the pair closest (:func:`unsaid_span`): ``changed``.
    A Japanese name in kanji that a version in Latin letters does not spell in romaji
    (仙台 ~ Sendai, see :func:`japanese_names`) has spelling against it already: the
    deletion test need only agree, by ``romanized_margin``.
    A Chinese name and a Latin-letter name that sound alike are one (约翰·刘易斯 ~ John
    Lewis, see :func:`transcriptions`). A Latin-letter name beside a reference without
    case is judged by ``latin_cross_margin``. A reference in a spaced script without case
    (Hindi), where no name can be found, drops the word or two whose deletion brings the
    pair closer by ``unsaid_margin`` (below it, ordinary words win as often as names).
    A reference name every word of which other languages write alike (Leicester City,
    Lockheed Martin: :func:`travelling_name`) is one the version spells or does not say:
    the deletion test need only not argue for it (``travel_margin``). A country or city
    CLDR names in the version's language, beside a script without case (土耳其 ~ Turkey),
    that the version does not name has spelling against it too: ``place_margin``.
    The reference's first word, which the extractor cannot tell from a capitalized word
    (see :func:`opening_name_word`), is dropped when its deletion brings the pair closer by
    ``opening_margin``.
    With ``alignment`` (which tokens of the reference the version renders, see
    :class:`~eval.content.AlignedToken`): a reference name whose first token and two
    thirds of its tokens have no counterpart in the version is dropped unless deleting
    it makes the pair less similar by more than ``-unaligned_margin`` (the deletion test
    alone misses a name in a long sentence); a Hindi reference may drop, among the words
    the version does not render, one that gains only ``unaligned_unsaid_margin``, or a
    rare one (Zipf below :data:`UNSAID_RARE_ZIPF`) only ``unaligned_rare_margin``; a
    dropped name and the version's name standing in its place (each other's closest
    tokens) are ``changed``, and so is a name added beside a reference without case and
    the stretch of it that the name renders; a word of a reference name that the version
    neither spells nor renders is dropped though the version spells the rest (see
    :func:`lost_word`); a name the version added is not reported when at least
    ``rendered_share`` of its tokens are each the closest of a token of the reference
    and that one's closest (the reference says it in its own words: *Iron Dome* ~
    *Cúpula de Hierro*); a lone German word that may be a common noun (``weak``), never
    judged by spelling, is dropped when the version renders its first token and two
    thirds of it by nothing and its deletion gains more than ``weak_margin``; the
    reference's first word, so unrendered, needs only ``unaligned_opening_margin``
    (*Heil sagte* -> *Said that*); a dropped name and the version's name paired with it
    are no replacement when the version's name renders another part of the reference
    (its tokens' closest lie elsewhere) and its deletion brings the pair no closer than
    ``said_margin``: the one was dropped, the other said. A reference name every word of
    which is an ordinary word of its language, whose tokens face a lone capitalized noun
    of a version that capitalizes nouns (:func:`rendered_term`: *Big Bang* ~ *Urknall*),
    was translated: neither changed nor dropped; and a version's noun phrase of ordinary
    words most of whose tokens have a counterpart (*Schwarze Löcher*) was not added.
    Without ``similarity``, a name whose other side is in a script without case, or in
    another script than the name, is left unjudged. ``langs`` (reference, version) picks
    the place names and common words of each side.
    """
    source, target = _distinct(source), _distinct(target)
    src_lang, tgt_lang = langs or ("", "")
    src_norm, tgt_norm = search_text(src_text, src_lang), search_text(tgt_text, tgt_lang)
    renamed = given_name_changes(
        [f for f in source if f.key[4:] not in tgt_norm],
        [f for f in target if f.key[4:] not in src_norm],
        langs[1] if langs else "",
    )
    flags = [FactFlag("changed", "entity", f"{s.text} -> {t.text}") for s, t in renamed]
    done = {id(f) for pair in renamed for f in pair}
    src_left = [
        f for f in source if id(f) not in done and not mentioned(f, tgt_text, tgt_norm, src_lang)
    ]
    tgt_left = [
        f for f in target if id(f) not in done and not mentioned(f, src_text, src_norm, tgt_lang)
    ]
    if langs:
        src_left = [f for f in src_left if not place_mentioned(f, langs[0], langs[1], tgt_norm)]
        tgt_left = [f for f in tgt_left if not place_mentioned(f, langs[1], langs[0], src_norm)]
    heard = transcriptions(src_left, target, src_lang) | transcriptions(tgt_left, source, tgt_lang)
    src_left = [f for f in src_left if id(f) not in heard]
    tgt_left = [f for f in tgt_left if id(f) not in heard]

    @cache
    def src_tokens() -> Sequence[AlignedToken]:
        """The reference's tokens against the version, computed once, when asked for."""
        return alignment(src_text, tgt_text) if alignment is not None else ()

    unjudged = [f for f in source if id(f) not in done], [f for f in target if id(f) not in done]
    if alignment is not None and langs and all(unjudged):
        swapped = replaced_names(
            *unjudged, src_tokens(), (src_text, tgt_text), (src_norm, tgt_norm), langs
        )
        flags += [
            FactFlag("changed", "entity", f"{said.text} -> {new.text}")
            for _, said, _, new in swapped
        ]
        done |= {id(f) for old, _, name, _ in swapped for f in (old, name)}
        src_left = [f for f in src_left if id(f) not in done]
        tgt_left = [f for f in tgt_left if id(f) not in done]
    # how much closer the pair gets without each name: the other side does not say it;
    # a lone German noun is measured only where its answer is used (a reference noun
    # no token of the version renders, a version noun beside a dropped name)
    gain = DeletionGains(src_text, tgt_text)
    cross = cross_similarity or similarity
    if similarity is not None and cross is not None:
        for measure, caseless in ((similarity, False), (cross, True)):
            src_side = [f for f in src_left if _beside_caseless(f, tgt_text) == caseless]
            tgt_side = [f for f in tgt_left if _beside_caseless(f, src_text) == caseless]
            gain.add(
                measure,
                [f for f in src_side if f.qualifier != "weak"],
                [f for f in tgt_side if f.qualifier != "weak"],
                now=True,
            )
            gain.add(measure, [f for f in src_side if f.qualifier == "weak"], [], now=False)
            gain.add(measure, [], [f for f in tgt_side if f.qualifier == "weak"], now=False)

    def unaligned(start: int, end: int) -> bool:
        """No token of the reference's ``start .. end`` has a counterpart in the version."""
        found = [t.rendered for t in tokens_within(src_tokens(), start, end)]
        return bool(found) and not any(found)

    def unpaired(start: int, end: int) -> bool:
        """Some token of the reference's ``start .. end`` has no counterpart that is its
        closest (always, without a token alignment)."""
        found = [t.partner for t in tokens_within(src_tokens(), start, end)]
        return not found or not all(found)

    def mostly_unaligned(start: int, end: int) -> bool:
        """The first token of the reference's ``start .. end``, and two thirds of its
        tokens, have no counterpart in the version (a kept suffix or a word piece that
        happens to match does not make a name said: Rakoczy-Reitturnier -> horse show)."""
        found = [t.rendered for t in tokens_within(src_tokens(), start, end)]
        return bool(found) and not found[0] and 3 * found.count(False) >= 2 * len(found)

    def missing(fact: Fact, other_text: str, lang: str, reference: bool) -> bool:
        if fact.qualifier == "weak":
            # a lone German noun is judged only when the version renders (almost) none of
            # it and a surer deletion test agrees (Lausitzring, Talstraße, Münchner; not a
            # translated noun)
            return (
                reference
                and similarity is not None
                and mostly_unaligned(fact.start, fact.end)
                and gain[id(fact)] > margins.weak_margin
            )

        if is_acronym(fact.text) and not same_script(fact.text, other_text):
            return False  # США = USA, АПЛ = EPL: each script spells its own initials
        if similarity is None:
            return same_script(fact.text, other_text) and _spelled_name(fact)
        if (
            reference
            and fact.qualifier != "initial"
            and gain[id(fact)] > margins.unaligned_margin
            and mostly_unaligned(fact.start, fact.end)
        ):
            return True
        if read_in_kanji(fact, lang) and latin_share(other_text) > 0.8:
            return gain[id(fact)] > margins.romanized_margin
        if not _beside_caseless(fact, other_text):
            if reference and travelling_name(fact, lang) and same_script(fact.text, other_text):
                return gain[id(fact)] > margins.travel_margin
            return gain[id(fact)] > margins.cased_margin
        surer = margins.cross_margin if is_caseless(fact.text) else margins.latin_cross_margin
        if place_ids(fact, lang):
            return gain[id(fact)] > min(margins.place_margin, surer)
        return gain[id(fact)] > surer

    src_flagged = [f for f in src_left if missing(f, tgt_text, src_lang, True)]
    # a name the version kept in part (Sheikh Hasina -> Sheikh; INF Clairefontaine ->
    # Clairefontaine, which counts as spelled): a word of it that the version neither
    # spells nor renders was dropped; of a name counted as spelled, not a person's given
    # name (Elon Musk -> Musk), nor where a name of the version renders the rest in its
    # own words (Cúpula de Hierro de Israel -> Israel's Iron Dome)
    if alignment is not None and similarity is not None:
        flagged = {id(f) for f in src_flagged}
        left = {id(f) for f in src_left}
        spelled = [
            f
            for f in source
            if id(f) not in left
            and id(f) not in done
            and id(f) not in heard
            and not person_like(f)
            and not (langs and place_mentioned(f, langs[0], langs[1], tgt_norm))
        ]
        linked = [t for name in tgt_left for t in linked_to(src_tokens(), name)] if spelled else []
        own_words = {
            id(f) for f in spelled if any(overlaps(t.start, t.end, f.start, f.end) for t in linked)
        }
        for fact in [*src_left, *spelled]:
            if id(fact) in flagged or id(fact) in own_words or fact.qualifier == "weak":
                continue
            lost = lost_word(fact, src_lang, unaligned, tgt_text, tgt_norm, tgt_lang)
            src_flagged += [lost] if lost else []
    tgt_flagged = [f for f in tgt_left if missing(f, src_text, tgt_lang, False)]
    # the reference's first word, when a name the extractor left out (Netanjahu, Fortis),
    # is dropped as a name is, by a surer deletion test
    if similarity is not None and not is_caseless(src_text):
        opening = opening_name_word(
            src_text, src_lang, tgt_text, tgt_norm, tgt_lang, source, REFERENCE_OPENING_ZIPF
        )
        if langs:
            opening = [f for f in opening if not place_mentioned(f, *langs, tgt_norm)]
        if (src_lang or "en").startswith("en"):  # Critics, Analysts: no name dropped
            opening = [f for f in opening if not plural_of_common_word(f.text)]
        opening_gain = deletion_gains(similarity, opening, [], src_text, tgt_text)
        src_flagged += [
            f
            for f in opening
            if opening_gain[id(f)] > margins.opening_margin
            or (
                opening_gain[id(f)] > margins.unaligned_opening_margin
                and mostly_unaligned(f.start, f.end)
            )
        ]
    pairs = closest_pairs(src_flagged, tgt_flagged, len(src_text), len(tgt_text))
    # a name the version added, beside a reference name it does not spell (an exonym, a
    # German noun): the one whose deletion brings the pair closest was replaced
    paired = {id(f) for pair in pairs for f in pair}
    added = [f for f in tgt_flagged if id(f) not in paired]
    if added:
        spare = sorted(
            (f for f in src_left if id(f) not in paired), key=lambda f: -gain.get(id(f), 0.0)
        )
        pairs += list(zip(spare, added, strict=False))
    paired = {id(f) for pair in pairs for f in pair}
    # and a dropped name beside a name of the version the reference does not spell, near
    # the same place (word order differs a little), whose deletion brings the pair closer,
    # if by less than the margin (Arnold Schwarzenegger -> Muddy Waters); or beside the
    # version's first word when it is a capitalized rare word the reference does not
    # spell: a name the extractor cannot tell from a capitalized word there (Ferrari has
    # specified ...)
    dropped = [f for f in src_flagged if id(f) not in paired]
    if dropped:
        spare = [f for f in tgt_left if id(f) not in paired and gain.get(id(f), -1.0) > 0]
        spare += opening_name_word(
            tgt_text, tgt_lang, src_text, src_norm, src_lang, target, OPENING_ZIPF
        )
        pairs += near_pairs(dropped, spare, src_text, tgt_text)
    paired = {id(f) for pair in pairs for f in pair}
    # and a name the version added where the reference opens with such a word: the word
    # was a name (Senát ve středu ... -> The Security Police on Wednesday ...)
    opening = opening_name_word(
        src_text,
        src_lang,
        tgt_text,
        tgt_norm,
        tgt_lang,
        [*source, *src_flagged],
        REFERENCE_OPENING_ZIPF,
    )
    added = [f for f in tgt_flagged if id(f) not in paired]
    pairs += near_pairs(opening, added, src_text, tgt_text)
    paired = {id(f) for pair in pairs for f in pair}
    # Japanese and English order a sentence differently: a kanji name dropped beside a
    # name of the version the reference does not spell, anywhere, whose deletion brings
    # the pair closer, was replaced by it
    dropped = [f for f in src_flagged if id(f) not in paired and read_in_kanji(f, src_lang)]
    if dropped:
        spare = sorted(
            (f for f in tgt_left if id(f) not in paired and gain.get(id(f), -1.0) > 0),
            key=lambda f: -gain[id(f)],
        )
        pairs += list(zip(dropped, spare, strict=False))
    paired = {id(f) for pair in pairs for f in pair}
    if cross is not None:
        # a side without case has no names of its own to pair with: the replaced name is
        # the stretch of it whose deletion brings the pair closest
        added = [f for f in tgt_flagged if id(f) not in paired]
        if added and is_caseless(src_text):
            found = unsaid_span(
                cross, src_text, src_lang, tgt_text, True, 0.6 * margins.cross_margin
            ) or rendered_stretch(added[0], src_tokens(), src_text, src_lang)
            if found:
                pairs.append((found, added[0]))
        dropped = [f for f in src_flagged if id(f) not in paired]
        if dropped and is_caseless(tgt_text):
            found = unsaid_span(
                cross, tgt_text, tgt_lang, src_text, False, 0.6 * margins.cross_margin
            )
            if found:
                pairs.append((dropped[0], found))
        # a reference in a spaced script without case (Hindi) has no names to drop
        # either: the word or two of it whose deletion brings the pair much closer is one
        # the version left out
        bare = not source and not tgt_flagged and not is_caseless(tgt_text)
        if bare and is_caseless(src_text) and is_spaced(src_text):
            stretches = stretch_gains(cross, src_text, src_lang, tgt_text, True)
            # not a stretch every token of which has its counterpart in the version (नगर
            # परिषद ~ city council is said); among the words no token of the version
            # renders, a surer test need not be, and a rare one among them (a transcribed
            # name: मूरे, एनएसए) less still
            found = best_stretch(stretches, src_text, margins.unsaid_margin, unpaired)
            if not found and alignment is not None:

                def rare(start: int, end: int) -> bool:
                    words = src_text[start:end].split()
                    return unaligned(start, end) and all(
                        zipf_of(w, src_lang) < UNSAID_RARE_ZIPF for w in words
                    )

                found = best_stretch(
                    stretches, src_text, margins.unaligned_unsaid_margin, unaligned
                ) or best_stretch(stretches, src_text, margins.unaligned_rare_margin, rare)
            if found and not mentioned(found, tgt_text, tgt_norm, src_lang):
                src_flagged.append(found)
    # a dropped name and a name of the version standing in its place: their tokens are
    # each other's closest, and the version's name renders nothing else of the reference
    paired = {id(f) for pair in pairs for f in pair}
    pairs += slot_pairs(
        [f for f in src_flagged if id(f) not in paired],
        [f for f in tgt_left if id(f) not in paired],
        src_tokens(),
        source,
    )
    # a version's name paired with a dropped one that renders another part of the
    # reference (its tokens' closest lie outside the dropped name) and whose deletion
    # brings the pair no closer says what the reference says: no replacement (Lewis
    # Hamilton ... WM-Punkte -> ... World Championship points)
    if alignment is not None:
        kept: list[tuple[Fact, Fact]] = []
        for old, new in pairs:
            links = linked_to(src_tokens(), new)
            inside = any(overlaps(t.start, t.end, old.start, old.end) for t in links)
            if links and not inside and gain.get(id(new), 1.0) <= margins.said_margin:
                tgt_flagged = [f for f in tgt_flagged if f is not new]
                src_flagged += [] if any(f is old for f in src_flagged) else [old]
            else:
                kept.append((old, new))
        pairs = kept
    # a name of ordinary words the version renders by a common noun (Big Bang ~ Urknall)
    # was translated, neither replaced nor dropped
    if alignment is not None:
        terms = [t for t in target if t.qualifier == "weak"]

        def rendered_as_term(old: Fact) -> bool:
            whole = enclosing(old, source)
            faces = [t.partner for t in tokens_within(src_tokens(), whole.start, whole.end)]
            return any(
                rendered_term(whole, src_text, src_lang, t)
                and any(f and overlaps(*f, t.start, t.end) for f in faces)
                for t in terms
            )

        translated = {id(old) for old in src_flagged if rendered_as_term(old)}
        translated |= {
            id(f)
            for old, new in pairs
            if rendered_term(old, src_text, src_lang, new)
            for f in (old, new)
        }
        pairs = [(old, new) for old, new in pairs if id(old) not in translated]
        src_flagged = [f for f in src_flagged if id(f) not in translated]
        tgt_flagged = [f for f in tgt_flagged if id(f) not in translated]
    pairs.sort(key=lambda pair: pair[0].start)
    paired = {id(f) for pair in pairs for f in pair}
    paired |= {  # a word of a name replaced whole (see slot_pairs)
        id(f)
        for f in src_flagged
        if any(overlaps(f.start, f.end, o.start, o.end) for o, _ in pairs)
    }
    flags += [FactFlag("changed", "entity", f"{s.text} -> {t.text}") for s, t in pairs]
    flags += [FactFlag("dropped", "entity", f.text) for f in src_flagged if id(f) not in paired]
    # an added name that the reference says in its own words (Iron Dome ~ Cúpula de Hierro,
    # Northern Lights ~ aurores boréales): at least half its tokens and some of the
    # reference's are each other's closest; beside a dropped name above, it was still a
    # replacement
    if alignment is not None and any(id(f) not in paired for f in tgt_flagged):
        back = alignment(tgt_text, src_text)

        def rendered(name: Fact) -> bool:
            tokens = tokens_within(back, name.start, name.end)
            found = [t.partner is not None for t in tokens]
            if bool(found) and sum(found) >= margins.rendered_share * len(found):
                return True
            # a noun phrase of a language that capitalizes nouns (Schwarze Löcher ~ black
            # holes): ordinary words all, most of whose tokens have a counterpart
            return (
                tgt_lang in NOUN_CAPITALIZING
                and all(translatable(w.text, tgt_lang) for w in words_of_name(tgt_text, name))
                and sum(t.rendered for t in tokens) >= margins.rendered_share * len(tokens)
            )

        tgt_flagged = [f for f in tgt_flagged if id(f) in paired or not rendered(f)]
    flags += [FactFlag("added", "entity", f.text) for f in tgt_flagged if id(f) not in paired]
    # one flag per name, as one fact per name (see _distinct): a word lost from two names
    # (Thomas Cook Belgium, Thomas Cook Airlines) was dropped once
    return list(dict.fromkeys(flags))


"""A word at least this frequent in its own language (wordfreq's Zipf), that other languages
do not write alike (:func:`travelling_word`), is an ordinary word: a name made of such
words may be translated (Radio Svoboda = Radio Liberty), not only spelled."""
"""Articles of the cased languages: a word both sides introduce with one is a common noun
or an institution's name, which translators translate (*die Marine* ~ *the Navy*)."""


def _beside_caseless(fact: Fact, other_text: str) -> bool:
    """Is the name or the other side in a script without case (a Chinese name beside
    English, an English name beside Hindi): spelling cannot decide, the stricter
    deletion test does."""
    return is_caseless(fact.text) or is_caseless(other_text)
