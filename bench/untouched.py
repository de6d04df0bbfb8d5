"""Fact flags on a short story in six languages no rule was written for, through the CLI.

    python bench/untouched.py

``bench/untouched/en.txt`` is a six-sentence English news story (a city, a budget in yen,
people, a date and a count); ``faithful/`` holds its translations into Japanese, Chinese,
Korean, Hindi, Russian and Arabic, ``damaged/`` the same with one fact changed or left out
each (a person, a count, an amount, a city, "last year", the year of "next spring"). Both
run as versions of the English reference (``factalign run``). Printed: every flag on the
faithful versions (all false) and, per damaged version, whether the bead holding the
damage carries a flag.

The set was written to try the tool as a user with such a document would (0.8.6), and the
faithful versions' false flags were then read to find their causes: it is a tuning set,
and its figures say what was fixed, not what to expect on other texts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.tsv import read_rows  # noqa: E402

DATA = ROOT / "bench" / "untouched"
LANGS = ("ja", "zh", "ko", "hi", "ru", "ar")
DAMAGED_LINE = {"ja": 1, "zh": 1, "ko": 2, "hi": 3, "ru": 0, "ar": 0}
"""The reference sentence whose fact each damaged version changed or left out."""


def run(folder: Path) -> dict[str, list]:
    """Rows of ``factalign run`` with the English reference and ``folder``'s versions."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out.tsv")
        versions = [str(folder / f"{lang}.txt") for lang in LANGS]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "eval.cli",
                "run",
                "-q",
                "--ref",
                str(DATA / "en.txt"),
                *versions,
                "-o",
                str(out),
            ],
            check=True,
            cwd=ROOT,
        )
        rows = read_rows(out.read_text(encoding="utf-8").splitlines(keepends=True), str(out))
    return {lang: [r for r in rows if r.tgt_doc == lang] for lang in LANGS}


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    faithful, damaged = run(DATA / "faithful"), run(DATA / "damaged")
    false = [(lang, r.src_ids, f) for lang in LANGS for r in faithful[lang] for f in r.flags]
    print(f"faithful versions: {len(false)} flags (every one false)")
    for lang, ids, flag in false:
        print(f"  {lang} [src {','.join(map(str, ids))}] {flag}")
    found = 0
    print("damaged versions: the damaged bead's flags")
    for lang in LANGS:
        bead = next(r for r in damaged[lang] if DAMAGED_LINE[lang] in r.src_ids)
        found += bool(bead.flags)
        print(f"  {lang} [src {DAMAGED_LINE[lang]}] {' | '.join(bead.flags) or '(none: missed)'}")
    print(f"damages found: {found}/{len(LANGS)}")


if __name__ == "__main__":
    main()
