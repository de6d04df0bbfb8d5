"""MT pivot with real (tiny, self-built) Argos Translate packages: install, route, batch, cache."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from eval.tsv import read_tsv

from .conftest import REF, ROOT, SEEDS
from .test_cli import factalign

# not imported here: Argos reads its package folder from the environment on first import,
# which the session fixture sets to a temporary folder
if (
    importlib.util.find_spec("argostranslate") is None
    or importlib.util.find_spec("ctranslate2") is None
):
    pytest.skip("Argos Translate is not installed", allow_module_level=True)

FR, ID = SEEDS / "001_355e51555a3ccf1d.txt", SEEDS / "002_f5866eb202d2158f.txt"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """fr->en and en->id packages, built and installed through the CLI."""
    from .tiny_argos import build_argos_package

    directory = tmp_path_factory.mktemp("argosmodels")
    lines = [
        line.strip()
        for seed in sorted(SEEDS.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    built = {
        "fr_en": build_argos_package(directory, "fr", "en", lines, seed=1),
        "en_id": build_argos_package(directory, "en", "id", lines, seed=2),
    }
    done = factalign("models", "install", *map(str, built.values()))
    assert done.returncode == 0, done.stderr
    assert "installed fr->en 1.0" in done.stdout and "installed en->id 1.0" in done.stdout
    return built


def test_models_list_shows_installed_packages(packages: dict[str, Path]) -> None:
    done = factalign("models", "list")
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert [pair for engine, pair, *_ in lines if engine == "argos"] == ["en->id", "fr->en"]


def test_installing_a_file_that_is_not_a_package_says_why(tmp_path: Path) -> None:
    not_zip = tmp_path / "notes.argosmodel"
    not_zip.write_text("hello", encoding="utf-8")
    no_meta = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(no_meta, "w") as zf:
        zf.writestr("pkg/model/model.bin", b"")
    for path, message in (
        (not_zip, "not an Argos Translate package (.argosmodel is a zip archive)"),
        (no_meta, "no pkg/metadata.json"),
        (tmp_path / "missing.argosmodel", "no such file"),
    ):
        done = factalign("models", "install", str(path))
        assert done.returncode == 2 and f"{path}: {message}" in done.stderr, done.stderr


def test_run_with_mt_adds_columns_and_signature(packages: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "mt.tsv"
    done = factalign("run", "--mt", "argos", "--ref", str(REF), str(FR), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    assert list(rows[0].extra) == ["mt_text", "mt_chrf", "mt_bleu", "signature"]
    assert "|mt:argos-" in rows[0].extra["signature"] and "fr_en-1.0" in rows[0].extra["signature"]
    matched = [r for r in rows if r.src_ids and r.tgt_ids]
    assert len(matched) >= 15
    for row in matched:
        assert row.extra["mt_text"].strip()
        assert 0.0 <= float(row.extra["mt_chrf"]) <= 100.0
        assert 0.0 <= float(row.extra["mt_bleu"]) <= 100.0
    assert all(r.extra["mt_chrf"] == "" for r in rows if not (r.src_ids and r.tgt_ids))

    piped = factalign("align", "--mt", "argos", "--ref", str(REF), str(FR), "-q")
    assert piped.returncode == 0, piped.stderr
    scored = factalign("score", "-", "-q", stdin=piped.stdout)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout == out.read_text(encoding="utf-8")


def test_pivot_through_english(packages: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "pivot.tsv"
    done = factalign("run", "--mt", "argos", "--ref", str(ID), str(FR), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    assert rows[0].src_lang == "id" and rows[0].tgt_lang == "fr"
    assert all(r.extra["mt_text"] for r in rows if r.tgt_ids)


def test_batched_translation_equals_one_by_one_and_is_cached(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    from align.translators.argos_translator import ArgosTranslator
    from align.translators.cache import CachedTranslator

    lines = [line for line in FR.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [f"{lines[k % len(lines)]} ({k})" for k in range(70)]  # three batches
    engine = ArgosTranslator(progress=False)
    batched = engine.translate(texts, "fr", "en")
    assert len(batched) == 70 and all(batched)
    assert [engine.translate([t], "fr", "en")[0] for t in texts[:5]] == batched[:5]
    assert len(set(batched)) > 1  # a real model: outputs follow inputs

    first = CachedTranslator(ArgosTranslator(progress=False), tmp_path)
    assert first.translate(texts + texts[:10], "fr", "en") == batched + batched[:10]
    assert first.translated == 70  # each distinct text once
    again = CachedTranslator(ArgosTranslator(progress=False), tmp_path)
    assert again.translate(texts, "fr", "en") == batched
    assert again.translated == 0  # all from the disk cache
    assert engine.translate(texts[:3], "fr", "fr") == texts[:3]


def test_missing_language_pair_is_named(packages: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    done = factalign("run", "--mt", "argos", "--ref", str(FR), str(REF), "-o", str(out))
    assert done.returncode == 2
    assert "no Argos Translate package for en->fr, directly or through en" in done.stderr
    assert "installed: en->id, fr->en" in done.stderr
    assert "factalign models install FILE.argosmodel" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_missing_argostranslate_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['argostranslate'] = None; sys.modules['argostranslate.package'] = None\n"
        "from eval.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out.tsv"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "run",
            "--mt",
            "argos",
            "--ref",
            str(REF),
            str(FR),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "--mt argos needs Argos Translate: pip install 'factalign[mt]'" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
