"""DEMETR items (shared/bench/fidelity/demetr) as factalign runs them: shared by the bench scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from eval.tsv import Row, read_rows

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "fidelity" / "demetr"
# DEMETR's source languages (lang_tag) and their ISO 639-1 codes
LANG_CODES = {
    "chinese_simple": "zh",
    "czech": "cs",
    "french": "fr",
    "german": "de",
    "hindi": "hi",
    "italian": "it",
    "japanese": "ja",
    "polish": "pl",
    "russian": "ru",
    "spanish": "es",
}
LANGS = tuple(LANG_CODES)


def load(name: str) -> dict[str, list[dict]]:
    """Items of one DEMETR file grouped by source language, in file order."""
    groups: dict[str, list[dict]] = defaultdict(list)
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            groups[item["lang_tag"]].append(item)
    return groups


def run_versions(sources: list[str], versions: dict[str, list[str]]) -> dict[str, list[Row]]:
    """``factalign run --presegmented`` with the sources as reference and each version beside it.

    Returns the rows per version name. One line per item: item ``k`` is sentence ``k``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        ref = Path(tmp, "src.txt")
        ref.write_text("\n".join(s.replace("\n", " ") for s in sources) + "\n", encoding="utf-8")
        paths = []
        for name, lines in versions.items():
            path = Path(tmp, f"{name}.txt")
            path.write_text(
                "\n".join(line.replace("\n", " ") or "." for line in lines) + "\n", encoding="utf-8"
            )
            paths.append(str(path))
        rows = run_cli(["--presegmented", "--ref", str(ref), *paths])
    return {name: [r for r in rows if r.tgt_doc == name] for name in versions}


def run_cli(args: list[str]) -> list[Row]:
    """``factalign run -q`` with ``args``, as a user runs it; the rows it writes."""
    done = subprocess.run(
        [sys.executable, "-m", "eval.cli", "run", "-q", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if done.returncode != 0:
        raise SystemExit(f"factalign failed: {done.stderr}")
    return read_rows(done.stdout.split("\n"), "factalign")


def bead_of(rows: list[Row], src_index: int) -> Row:
    """The row whose source side holds sentence ``src_index``."""
    return next(r for r in rows if src_index in r.src_ids)
