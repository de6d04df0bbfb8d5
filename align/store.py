"""A small on-disk key-value store (SQLite) shared by the embedding and translation caches.

Keys are 16-byte hashes, values bytes. Every failure to open, read or write (read-only
home, full disk, a locked file) turns the store off instead of failing the run: a cache
is an optimization, never a reason to stop.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path


def cache_dir() -> Path:
    """Directory of factalign's caches: ``$FACTALIGN_CACHE`` or ``~/.cache/factalign``."""
    root = os.environ.get("FACTALIGN_CACHE")
    if root:
        return Path(root)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factalign"


def text_key(*parts: str) -> bytes:
    """16-byte hash of the parts (joined by NUL)."""
    return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=16).digest()


class Store:
    """``name.sqlite`` in ``directory`` (default :func:`cache_dir`), one table of key -> value."""

    def __init__(self, name: str, directory: Path | None = None, disk: bool = True) -> None:
        """``disk`` off: a store that keeps nothing (the caches above it still keep
        values in memory for the run)."""
        self._db: sqlite3.Connection | None = None
        if not disk:
            return
        directory = directory or cache_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(directory / f"{name}.sqlite"), timeout=30, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
        except (OSError, sqlite3.Error):
            self._db = None

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored values of those ``keys`` that are present."""
        found: dict[bytes, bytes] = {}
        keys = list(keys)
        if self._db is None:
            return found
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(f"SELECT k, v FROM kv WHERE k IN ({marks})", chunk)
                found.update(rows.fetchall())
            except sqlite3.Error:
                break
        return found

    def put_many(self, items: Mapping[bytes, bytes]) -> None:
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)", items.items()
                )
        except sqlite3.Error:
            pass
