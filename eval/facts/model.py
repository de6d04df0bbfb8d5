"""The fact record shared by every extractor."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES = ("date", "number", "money", "percent", "entity")


@dataclass(frozen=True)
class Fact:
    """A checkable fact found in one sentence.

    ``category``: one of :data:`CATEGORIES` (durations and relative times are ``date``).
    ``key``: the language-independent normal form two facts must share to be the same
    fact, e.g. ``rel:year:-1`` (last year, l'année dernière, tahun lalu),
    ``dur:year:1`` (a year, un an), ``money:USD:13000000000``, ``num:25``.
    ``amount``: the numeric value when there is one, so that a number and a year or an
    amount in another category can still be recognized as the same figure.
    ``qualifier``: an approximation or bound kept beside the value (``approx``, ``over``,
    ``under``, ``later``, ``earlier``, ``end``); it does not change ``key``.
    ``start``/``end``: character span of ``text`` in the sentence. ``spelled``: the
    figure was written in words (thirteen, 二十五), not digits. ``optional``: matched when
    the other side states it, never reported alone: a number word that is part of a name
    (Les sept sœurs ~ the Seven Sisters), a year said a second way (１８９５（明治２８）年).
    ``measure``: for a figure followed by a unit of length, mass or volume, the dimension
    and the unit's size in SI units (120 feet: ``("length", 0.3048)``), so that a figure
    converted to other units (120 feet ~ 40 meters) still matches.
    """

    category: str
    key: str
    text: str
    start: int
    end: int
    amount: float | None = None
    qualifier: str = ""
    spelled: bool = False
    optional: bool = False
    measure: tuple[str, float] | None = None
