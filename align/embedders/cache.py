"""On-disk embedding cache keyed by model fingerprint and text hash (SQLite, one file per model).

A rerun, or a second version against the same reference, embeds nothing twice. The
location is ``$FACTALIGN_CACHE`` or ``~/.cache/factalign``; ``--no-cache`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from . import Embedder


def cache_dir() -> Path:
    """Directory of the embedding cache."""
    root = os.environ.get("FACTALIGN_CACHE")
    if root:
        return Path(root)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factalign"


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class CachedEmbedder:
    """Wraps an :class:`Embedder`; embeds only texts not seen before, each distinct text once."""

    def __init__(self, inner: Embedder, directory: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.fingerprint = inner.fingerprint
        self.dim = inner.dim
        self.languages = inner.languages
        self._memory: dict[bytes, np.ndarray] = {}
        self._db: sqlite3.Connection | None = None
        directory = directory or cache_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(directory / f"emb-{self.fingerprint}.sqlite"), timeout=30
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS emb (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
        except (OSError, sqlite3.Error):
            self._db = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self._db is not None:
            self._load(missing)
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._memory}
        if todo:
            vectors = self.inner.embed(list(todo.values()))
            fresh = dict(zip(todo, vectors, strict=True))
            self._memory.update(fresh)
            self._store(fresh)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, k in enumerate(keys):
            out[row] = self._memory[k]
        return out

    def _load(self, keys: list[bytes]) -> None:
        assert self._db is not None
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT k, v FROM emb WHERE k IN ({marks})", chunk
                ).fetchall()
            except sqlite3.Error:
                return
            for k, v in rows:
                vec = np.frombuffer(v, dtype=np.float32)
                if vec.shape == (self.dim,):
                    self._memory[k] = vec

    def _store(self, fresh: dict[bytes, np.ndarray]) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb (k, v) VALUES (?, ?)",
                    [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in fresh.items()],
                )
        except sqlite3.Error:
            pass
