"""On-disk translation cache keyed by engine fingerprint, language pair and text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..store import Store, text_key
from . import Translator


class CachedTranslator:
    """Wraps a :class:`Translator`; translates only texts not translated before, each once."""

    def __init__(self, inner: Translator, directory: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.fingerprint = inner.fingerprint
        self._store = Store(f"mt-{self.fingerprint}", directory)
        self.translated = 0  # texts the engine was asked for (not found in the cache)

    def check_pair(self, src_lang: str, tgt_lang: str) -> None:
        self.inner.check_pair(src_lang, tgt_lang)

    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]:
        keys = [text_key(src_lang, tgt_lang, t) for t in texts]
        known = {k: v.decode("utf-8") for k, v in self._store.get_many(set(keys)).items()}
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in known}
        if todo:
            fresh = dict(
                zip(
                    todo, self.inner.translate(list(todo.values()), src_lang, tgt_lang), strict=True
                )
            )
            self.translated += len(fresh)
            self._store.put_many({k: v.encode("utf-8") for k, v in fresh.items()})
            known.update(fresh)
        return [known[k] for k in keys]
