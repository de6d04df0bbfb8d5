"""Shared fixtures: the real bundled model, the seeds, and one pipeline run over them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REF = SEEDS / "003_547da99c0c626299.txt"


_MODEL_FIXTURES = {"embedder", "second", "inner_embedder", "no_model", "seed_rows"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that load the bundled models, or run the command line (which does), are
    ``model`` tests: ``pytest -m "not model"`` runs the unit tests on plain data alone."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        module = item.module.__name__ if getattr(item, "module", None) else ""
        command_line = module.rsplit(".", 1)[-1] in _COMMAND_LINE_MODULES
        if fixtures & _MODEL_FIXTURES or command_line:
            item.add_marker(pytest.mark.model)


_COMMAND_LINE_MODULES = {
    "test_cli",
    "test_inputs",
    "test_output_targets",
    "test_languages",
    "test_batch",
    "test_mt",
    "test_apertium",
    "test_report",
}


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
        chance_cosine = inner_embedder.chance_cosine

        def embed(self, texts: list[str]) -> None:
            raise AssertionError("the model was asked again")

        terms = tokens = unprefixed = embed_unprefixed = embed

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


def fact_keys(text: str, lang: str) -> list[str]:
    """The normal forms of the facts of one sentence, in text order."""
    from eval.facts import extract_facts

    return [f.key for f in extract_facts(text, lang)]


def fact_flags(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[str]:
    """Date, number, money and percentage flags of one bead."""
    from eval.facts import compare_facts, extract_facts

    return [
        f.format()
        for f in compare_facts(
            extract_facts(src, src_lang), extract_facts(tgt, tgt_lang), src_lang, tgt_lang
        )
    ]


def entity_flags(src: str, src_lang: str, tgt: str, tgt_lang: str, embedder=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Name flags of one bead as scoring finds them (by spelling alone without a model)."""
    from eval.scoring import FactJudge

    flags = FactJudge.of(embedder).flags(src, tgt, src_lang, tgt_lang)
    return [f.format() for f in flags if f.category == "entity"]
