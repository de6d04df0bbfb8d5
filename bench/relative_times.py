"""Relative times (last year, next month, a year ago) checked in versions in languages
whose durations are not read: an English reference, the source sentence as its version.

    python bench/relative_times.py

DEMETR's human translations (``eng_sent``) are faithful English renderings of each
source sentence (``src_sent``). Here the English is the reference and the source sentence
the version, as when a newsroom checks its Russian or Chinese edition. For each item whose
English states a relative time, two checks, by the fact comparison alone (no model):

- faithful: the pair as it is; every date flag on it is false;
- dropped: the version with its own relative time cut out (the span the extractor read);
  found when the pair carries ``dropped:date``. A relative time the extractor does not
  read in the version cannot be cut, so it counts as missed.

Items 0-24 and 25-49 are printed apart; the lexicon words added with this bench were read
off items 0-24, so 25-49 is the figure that counts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.demetr import LANG_CODES, load
from eval.facts import compare_facts, extract_facts


def relative(facts: list) -> list:
    """The relative times stated (an optional one, such as "next spring", is never
    reported alone: nothing to find when it is dropped)."""
    return [f for f in facts if f.key.startswith("rel:") and not f.optional]


def main() -> None:
    items = load("base_id35_reference")
    print("English reference, DEMETR source sentence as the version (fact comparison only)")
    header = f"{'language':<16}{'part':>7}{'pairs':>7}{'false date flags':>18}{'dropped found':>16}"
    for part, lo, hi in (("0-24", 0, 25), ("25-49", 25, 50)):
        print(f"\nitems {part}")
        print(header)
        total: Counter[str] = Counter()
        for lang, code in LANG_CODES.items():
            tally: Counter[str] = Counter()
            for item in items[lang][lo:hi]:
                english, source = item["eng_sent"], item["src_sent"]
                ref = extract_facts(english, "en")
                if not relative(ref):
                    continue
                tally["pairs"] += 1
                own = extract_facts(source, code)
                flags = [f.format() for f in compare_facts(ref, own, "en", code)]
                tally["false"] += sum(":date:" in f for f in flags)
                cut = relative(own)
                if not cut:
                    continue
                span = cut[0]
                edited = source[: span.start] + source[span.end :]
                flags = compare_facts(ref, extract_facts(edited, code), "en", code)
                tally["found"] += any(f.format().startswith("dropped:date:") for f in flags)
            total.update(tally)
            if tally["pairs"]:
                print(
                    f"{lang:<16}{part:>7}{tally['pairs']:>7}{tally['false']:>18}"
                    f"{tally['found']:>10} / {tally['pairs']:<3}"
                )
        print(
            f"{'all':<16}{part:>7}{total['pairs']:>7}{total['false']:>18}"
            f"{total['found']:>10} / {total['pairs']:<3}"
        )


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
