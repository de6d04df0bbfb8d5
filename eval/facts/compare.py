"""Comparing the facts of a reference bead with those of its translation."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from align.profile import phased

from .model import Fact
from .numbers import SCALE_LANGS, written_figure


@dataclass(frozen=True)
class FactFlag:
    """One finding: ``kind`` is dropped, added or changed; ``text`` is the surface text
    (``old -> new`` for changed)."""

    kind: str
    category: str
    text: str

    def format(self) -> str:
        """The ``kind:category:text`` item of the TSV ``flags`` column."""
        clean = " ".join(self.text.replace("|", "/").split())
        return f"{self.kind}:{self.category}:{clean}"


def _family(fact: Fact) -> str:
    return fact.key.split(":", 1)[0]


def _same_amount(a: Fact, b: Fact) -> bool:
    if a.amount is None or b.amount is None or (a.category == "date" and _family(a) != "year"):
        return False
    if b.category == "date" and _family(b) != "year":
        return False
    return abs(a.amount - b.amount) <= 1e-9 * max(abs(a.amount), abs(b.amount), 1.0)


def _significant_digits(value: float) -> int:
    """How many significant digits ``value`` is written with (60 -> 1, 16 -> 2, 4.5 -> 2)."""
    digits = f"{abs(value):.6g}".replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def _converted(a: Fact, b: Fact) -> bool:
    """Is ``b`` the figure ``a`` converted to ``b``'s unit and rounded as ``b`` is written
    (120 feet ~ 40 meters, 15 feet ~ 5 Meter; not 200 feet ~ 90 meters)? Both must carry
    a measure of one dimension (:attr:`~eval.facts.model.Fact.measure`)."""
    if a.measure is None or b.measure is None or a.measure[0] != b.measure[0]:
        return False
    if a.amount is None or b.amount is None or b.amount == 0 or a.measure == b.measure:
        return False
    value = a.amount * a.measure[1] / b.measure[1]
    if value <= 0:
        return False
    places = _significant_digits(b.amount) - 1 - math.floor(math.log10(value))
    return abs(round(value, places) - b.amount) <= 1e-9 * abs(b.amount)


def _same_measure(a: Fact, b: Fact) -> bool:
    """One quantity in two units, converted either way (see :func:`_converted`)."""
    return _converted(a, b) or _converted(b, a)


# days per unit of a duration key (dur:<unit>:<count>, ago:<unit>:<count>)
_UNIT_DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0, "hour": 1 / 24}
_DURATION_SLACK = 0.08
"""Relative difference two durations in different units may have and be one: months run
28 to 31 days, and Romance languages say two weeks as fifteen days (quinze jours)."""


def _same_duration(a: Fact, b: Fact) -> bool:
    """One length of time, or time ago, in two units (half a year ~ six mois, zwei Wochen ~
    quinze jours; see :data:`_DURATION_SLACK`)."""
    fields_a, fields_b = a.key.split(":"), b.key.split(":")
    if (
        fields_a[0] != fields_b[0]
        or fields_a[0] not in {"dur", "ago"}
        or fields_a[1] == fields_b[1]
    ):
        return False
    if fields_a[1] not in _UNIT_DAYS or fields_b[1] not in _UNIT_DAYS:
        return False
    days_a = float(fields_a[2]) * _UNIT_DAYS[fields_a[1]]
    days_b = float(fields_b[2]) * _UNIT_DAYS[fields_b[1]]
    return abs(days_a - days_b) <= _DURATION_SLACK * max(days_a, days_b)


def components(fact: Fact) -> list[float]:
    """The bare numbers a fact is written with: June 20 -> [6, 20]; 25 years -> [25]."""
    family, _, rest = fact.key.partition(":")
    if family in {"date", "time"}:
        return [float(p) for p in re.findall(r"\d+", rest) if int(p)]
    if family in {"dur", "ago", "year", "decade"}:
        return (
            [fact.amount]
            if fact.amount is not None
            else [float(x) for x in re.findall(r"\d+", rest)][-1:]
        )
    return []


def _covered_by_numbers(fact: Fact, others: list[Fact]) -> list[Fact] | None:
    """Bare numbers of ``others`` that spell out all of ``fact``'s components, if any."""
    needed = components(fact)
    if not needed:
        return None
    pool = [o for o in others if _family(o) in {"num", "ord"}]
    used: list[Fact] = []
    for value in needed:
        match = next(
            (
                o
                for o in pool
                if o not in used and o.amount is not None and abs(o.amount - value) < 1e-9
            ),
            None,
        )
        if match is None:
            return None
        used.append(match)
    return used


def _date_fields(fact: Fact) -> tuple[str | None, str | None, str | None] | None:
    """Year, month and day of a calendar date (None where it does not say), else None."""
    family, _, rest = fact.key.partition(":")
    if family == "year":
        return rest, None, None
    m = re.fullmatch(r"(\d{4}|-)-(\d\d)(?:-(\d\d))?", rest) if family == "date" else None
    if m is None:
        return None
    return (None if m.group(1) == "-" else m.group(1)), m.group(2), m.group(3)


def _decade(fact: Fact) -> str | None:
    """``1990`` of the 1990s, ``..90`` of the 90s; None for other facts."""
    family, _, rest = fact.key.partition(":")
    return rest if family == "decade" else None


def _compatible_dates(a: Fact, b: Fact) -> bool:
    """One date is the other said with less detail (2016 ~ October 2016, 11 September 2001
    ~ September 11, the 90s ~ the 1990s): every field both give agrees. A month we cannot
    read in one language (w maju 2015 roku) leaves only its year."""
    da, db = _decade(a), _decade(b)
    if da is not None and db is not None:  # the 90s ~ the 1990s
        return da == db or (".." in (da[:2], db[:2]) and da[2:] == db[2:])
    fa, fb = _date_fields(a), _date_fields(b)
    if fa is None or fb is None:
        return False
    shared = [(x, y) for x, y in zip(fa, fb, strict=True) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared)


TIME_FAMILIES = frozenset({"rel", "dur", "ago"})
"""Relative times and durations (last year, three years, two days ago)."""


def _unverifiable(fact: Fact, own_lang: str | None, other_lang: str | None) -> bool:
    """A fact the other side's language could state in a way we cannot read, or one
    read from Chinese or Japanese numerals, which also spell names (九州, 四川), or the
    number of a name (COVID-19) that Chinese, Japanese or Korean write in their words."""
    from . import RELATIVE_TIME_LANGS, RELATIVE_UNREAD, TEMPORAL_LANGS, WORD_NUMBER_LANGS

    if other_lang is None:
        return False
    # a name's number (COVID-19) where the other language names it in its own words (新冠)
    if _family(fact) == "code" and other_lang in {"zh", "ja", "ko"}:
        return True
    if fact.spelled and (other_lang not in WORD_NUMBER_LANGS or own_lang in {"zh", "ja"}):
        return True
    if fact.key.startswith("rel:"):
        if fact.key.startswith(RELATIVE_UNREAD.get(other_lang, ())):
            return True
        return other_lang not in RELATIVE_TIME_LANGS
    return _family(fact) in TIME_FAMILIES and other_lang not in TEMPORAL_LANGS


def _unreported_alone(fact: Fact) -> bool:
    """Facts translations add and drop freely, so alone, unpaired with a changed fact, they
    are not reported: a bare 1 or a small ordinal, written as articles or words in forms
    no reader covers (１人 -> a sailor, 2nd -> second, 二塁 -> 2nd base), and "today",
    which renders "now", "currently", "during the day" (en la actualidad, in giornata)."""
    family = _family(fact)
    if fact.key == "rel:day:+0":
        return True
    if fact.amount is None:
        return False
    return (family == "num" and fact.amount == 1) or (family == "ord" and fact.amount <= 10)


def _unread_scale(lang: str | None) -> Callable[[Fact, Fact], bool]:
    """Pairs a figure with a number of a side in ``lang`` whose scale and currency words
    the extractors do not read: the same digits, and the number read as no more than its
    digits (``$13 billion`` ~ ``13`` of ``13 ቢሊዮን ዶላር``)."""

    def same(fact: Fact, other: Fact) -> bool:
        if lang is None or lang in SCALE_LANGS or other.category not in {"number", "money"}:
            return False
        if fact.category not in {"number", "money", "percent"} or other.amount is None:
            return False
        mine, theirs = written_figure(fact.text), written_figure(other.text)
        return mine is not None and mine == theirs and abs(other.amount - theirs) < 1e-9

    return same


def _same_category(a: Fact, b: Fact) -> bool:
    return a.category == b.category


def _same_family(a: Fact, b: Fact) -> bool:
    return a.category == b.category and _family(a) == _family(b)


def _pair_off(
    src: list[Fact], tgt: list[Fact], same: Callable[[Fact, Fact], bool]
) -> list[tuple[Fact, Fact]]:
    """Take out of both lists each source fact and the first target fact ``same`` pairs it
    with, in source order; the pairs are returned."""
    pairs = []
    for fact in list(src):
        match = next((t for t in tgt if same(fact, t)), None)
        if match is not None:
            src.remove(fact)
            tgt.remove(match)
            pairs.append((fact, match))
    return pairs


@phased("fact comparison")
def compare_facts(
    source: Sequence[Fact],
    target: Sequence[Fact],
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> list[FactFlag]:
    """Flags for facts of ``source`` missing from ``target`` and the other way round.

    Facts match on their key; then a figure that changed category (``$13 billion`` read
    as money on one side, a bare ``13 billion`` on the other) still matches on its
    amount, and a date or duration whose unit we cannot read in the other language
    (6月20日, 25年) matches the bare numbers it is written with. When the languages are
    given, a fact the other language could express in a way the extractors do not read
    (number words, relative times) is not reported. What is left pairs into ``changed``
    within a category (same kind of key first), and the rest is ``dropped`` or ``added``.
    """
    # same key: matched as multisets, in linear time (a huge bead may hold thousands);
    # facts a side states match before its optional ones, which are what is left over
    left = Counter(t.key for t in target)
    src: list[Fact] = []
    for fact in sorted(source, key=lambda f: f.optional):
        if left[fact.key] > 0:
            left[fact.key] -= 1
        else:
            src.append(fact)
    tgt: list[Fact] = []
    for fact in sorted(reversed(target), key=lambda f: not f.optional):
        if left[fact.key] > 0:
            left[fact.key] -= 1
            tgt.append(fact)
    order = {id(f): k for k, f in enumerate([*source, *target])}
    src.sort(key=lambda f: order[id(f)])
    tgt.sort(key=lambda f: order[id(f)])
    _pair_off(src, tgt, _same_amount)
    _pair_off(src, tgt, _same_duration)
    # a quantity in other units (200 feet ~ 60 Meter), or said in two of which the
    # translation keeps one (120 feet, or 40 meters)
    tgt_measured = [f for f in target if f.measure]
    src_measured = [f for f in source if f.measure]
    src = [f for f in src if not (f.measure and any(_same_measure(f, t) for t in tgt_measured))]
    tgt = [f for f in tgt if not (f.measure and any(_same_measure(f, s) for s in src_measured))]
    _pair_off(src, tgt, _unread_scale(tgt_lang))
    _pair_off(tgt, src, _unread_scale(src_lang))
    for fact, match in _pair_off(src, tgt, _compatible_dates):
        # the detail one side gives as a date, the other may give as a bare number
        # (１８９５年７月 read as year 1895 and number 7 ~ July 1895)
        for detailed, plain in ((fact, tgt), (match, src)):
            for value in components(detailed)[1:]:
                extra = next((o for o in plain if _family(o) == "num" and o.amount == value), None)
                if extra is not None:
                    plain.remove(extra)
    for mine, theirs in ((src, tgt), (tgt, src)):
        for fact in list(mine):
            used = _covered_by_numbers(fact, theirs)
            if used is not None:
                mine.remove(fact)
                for other in used:
                    theirs.remove(other)
    # a time the other language may say in a way we cannot read, unless the other side
    # holds an unmatched time of the same kind: then it was read (три года ~ five years)
    src_times, tgt_times = ({_family(f) for f in side} & TIME_FAMILIES for side in (src, tgt))
    src = [
        f
        for f in src
        if not f.optional and (_family(f) in tgt_times or not _unverifiable(f, src_lang, tgt_lang))
    ]
    tgt = [
        f
        for f in tgt
        if not f.optional and (_family(f) in src_times or not _unverifiable(f, tgt_lang, src_lang))
    ]
    flags: list[FactFlag] = []
    for same in (_same_family, _same_category):
        flags += [
            FactFlag("changed", fact.category, f"{fact.text} -> {match.text}")
            for fact, match in _pair_off(src, tgt, same)
        ]
    flags += [FactFlag("dropped", f.category, f.text) for f in src if not _unreported_alone(f)]
    flags += [FactFlag("added", f.category, f.text) for f in tgt if not _unreported_alone(f)]
    return flags


def renderings(flags: Sequence[Sequence[FactFlag]], least: int) -> set[tuple[str, str]]:
    """The (reference name, version name) of each name change that ``flags``, the fact
    flags of one document pair's beads, report in ``least`` beads or more: a translation
    that calls a person by a translated nickname (韦小宝 -> Trinket) or a title (陈近南 ->
    Helmsman) does so throughout, where a fact changed by mistake is changed once."""
    counts = Counter(
        pair
        for bead in flags
        for pair in {
            tuple(f.text.split(" -> ", 1))
            for f in bead
            if f.kind == "changed" and f.category == "entity" and " -> " in f.text
        }
    )
    return {(a, b) for (a, b), n in counts.items() if n >= least}


def without_renderings(
    flags: Sequence[FactFlag], tgt_text: str, names: set[tuple[str, str]]
) -> list[FactFlag]:
    """``flags`` of one bead less the changes of :func:`renderings` ``names``, and less a
    reference name of ``names`` dropped where the version says its rendering."""
    changed = {f"{a} -> {b}" for a, b in names}
    said = {a for a, b in names if re.search(rf"(?<!\w){re.escape(b)}(?!\w)", tgt_text)}
    return [
        f
        for f in flags
        if not (
            f.category == "entity"
            and (
                (f.kind == "changed" and f.text in changed)
                or (f.kind == "dropped" and f.text in said)
            )
        )
    ]
