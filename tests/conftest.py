"""Shared fixtures: the real bundled model, the seeds, and one pipeline run over them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REF = SEEDS / "003_547da99c0c626299.txt"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    os.environ["FACTALIGN_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    # Argos Translate reads these when first imported: its packages and data stay in tmp
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp_path_factory.mktemp("argos-packages"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from align import get_embedder

    return get_embedder("e5")


@pytest.fixture(scope="session")
def second():  # type: ignore[no-untyped-def]
    """The aligner's second embedder, as the CLI uses it by default (USE multilingual v3)."""
    from align import get_embedder

    return get_embedder("use")


@pytest.fixture(scope="session")
def inner_embedder(embedder):  # type: ignore[no-untyped-def]
    """The model itself, without the disk cache around it."""
    return embedder.inner if hasattr(embedder, "inner") else embedder


@pytest.fixture(scope="session")
def no_model(inner_embedder):  # type: ignore[no-untyped-def]
    """An embedder that names the real model but fails when asked to compute anything:
    what the disk cache must answer from what it stored."""

    class NoModel:
        name, fingerprint = inner_embedder.name, inner_embedder.fingerprint
        dim, languages = inner_embedder.dim, inner_embedder.languages

        def embed(self, texts: list[str]) -> None:
            raise AssertionError("the model was asked again")

        terms = tokens = embed

    return NoModel()


@pytest.fixture(scope="session")
def seed_docs():  # type: ignore[no-untyped-def]
    from align import load_document

    return {p.stem: load_document(p) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_rows(seed_docs, embedder, second):  # type: ignore[no-untyped-def]
    """What ``factalign run --ref 003`` computes on the seeds (both embedders)."""
    from eval import run

    ref = seed_docs[REF.stem]
    versions = [d for k, d in seed_docs.items() if k != REF.stem]
    return run(ref, versions, embedder, second=second)


def rows_of(rows, tgt_prefix: str):  # type: ignore[no-untyped-def]
    return [r for r in rows if r.tgt_doc.startswith(tgt_prefix)]
