"""CLDR's data through babel, as the fact readers look it up: a language's and English's."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=64)
def cldr_locales(lang: str) -> tuple[Any, ...]:
    """babel's ``Locale`` of ``lang`` and of English, in that order (English alone where
    CLDR does not know ``lang``): names are read in both, since a translation into any
    language may keep an English month or weekday."""
    from babel import Locale, UnknownLocaleError

    locales = []
    for code in dict.fromkeys((lang, "en")):
        try:
            locales.append(Locale.parse(code))
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return tuple(locales)
