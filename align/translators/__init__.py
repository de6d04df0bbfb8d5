"""Machine-translation backends behind one small protocol, chosen by name (``--mt``).

A translator turns sentences of one language into another, offline. factalign uses it as
a pivot: each version's sentences are translated into the reference's language, then
compared with the reference in one language (embedding similarity in the aligner, chrF
and BLEU in the scored TSV), as Bleualign does. ``fingerprint`` names the engine and the
exact models; it keys the cache and goes into the run signature.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from ..errors import InputError


class Translator(Protocol):
    """Translates lists of texts from ``src_lang`` to ``tgt_lang`` (ISO 639-1 codes)."""

    name: str
    fingerprint: str

    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]: ...

    def check_pair(self, src_lang: str, tgt_lang: str) -> None:
        """Raise :class:`~align.errors.MissingBackendError` (saying what to install) when
        this translator cannot translate ``src_lang`` into ``tgt_lang``."""
        ...


TRANSLATORS = ("argos", "apertium")

Step = TypeVar("Step")


def pivot_route(
    steps: Mapping[tuple[str, str], Step], src_lang: str, tgt_lang: str, pivot: str
) -> list[Step] | None:
    """The installed steps (packages, modes ...) that take ``src_lang`` to ``tgt_lang``:
    none for the same language, one direct step, or two through ``pivot``; None when
    there is no way."""
    if src_lang == tgt_lang:
        return []
    if (src_lang, tgt_lang) in steps:
        return [steps[(src_lang, tgt_lang)]]
    if (src_lang, pivot) in steps and (pivot, tgt_lang) in steps:
        return [steps[(src_lang, pivot)], steps[(pivot, tgt_lang)]]
    return None


def get_translator(name: str, *, cache: bool = True, progress: bool = True) -> Translator:
    """The translator registered under ``name``, with the disk cache unless ``cache`` is off."""
    if name == "argos":
        from .argos_translator import ArgosTranslator

        translator: Translator = ArgosTranslator(progress=progress)
    elif name == "apertium":
        from .apertium_translator import ApertiumTranslator

        translator = ApertiumTranslator(progress=progress)
    else:
        raise InputError(f"unknown MT engine {name!r}; choose one of {', '.join(TRANSLATORS)}")
    if cache:
        from .cache import CachedTranslator

        return CachedTranslator(translator)
    return translator
