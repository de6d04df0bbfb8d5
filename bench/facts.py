"""Fact-flag recall and false alarms on DEMETR, through the real CLI.

    python bench/facts.py

Items 25-49 of each language are measured only (no rule or margin is chosen on them):
their table comes first and is the figure that counts; items 0-24 are the tuning part.

Per source language, the 50 source sentences form a reference document (one per line,
``--presegmented``); the perturbed, the good machine and the human translations are three
versions of it. Recall: share of applied perturbations (``pert_check``) whose bead carries
a flag of the expected kind. False flags: fact flags (dropped/added/changed of a date,
number, money, percent or entity) on the good translations (``mt_sent``) and the human
references (``eng_sent``), per 100 sentences; and, below the table, the content flags
(a clause dropped or added) on the same sentences.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.demetr import LANGS, ROOT, bead_of, load, run_cli, run_versions

FACT_CATEGORIES = {"date", "number", "money", "percent", "entity"}
FILES = {
    "critical_id10_numbers_replaced": lambda flags: any(
        f.split(":")[0] in {"changed", "dropped", "added"}
        and f.split(":")[1] in {"date", "number", "money", "percent"}
        for f in flags
    ),
    "critical_id9_ne_replaced": lambda flags: (
        any(f.startswith("changed:entity:") for f in flags)
        or (
            any(f.startswith("dropped:entity:") for f in flags)
            and any(f.startswith("added:entity:") for f in flags)
        )
    ),
    "critical_id25_ne_removed": lambda flags: any(f.startswith("dropped:entity:") for f in flags),
}


TUNED = range(0, 25)
"""Items (per language, in file order) the name and number rules may be chosen on; items
25-49 are only measured: their figures are the ones that count."""
PARTS = ("held out 25-49", "tuned 0-24")


def part_of(k: int) -> str:
    return PARTS[1] if k in TUNED else PARTS[0]


def rate(hits: int, total: int) -> float:
    return hits / max(total, 1)


def fact_flags(flags: tuple[str, ...]) -> list[str]:
    return [
        f
        for f in flags
        if f.split(":")[0] in {"dropped", "added", "changed"} and f.split(":")[1] in FACT_CATEGORIES
    ]


@dataclass
class Tally:
    """Counts of one part of the items: recall per file and language, false flags per
    language and kind of faithful version, faithful sentences per language."""

    recall: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    false: dict[str, dict[str, int]] = field(
        default_factory=lambda: {"mt": Counter(), "eng": Counter()}
    )
    controls: Counter = field(default_factory=Counter)
    content: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def hit(self, name: str, lang: str, found: bool) -> None:
        cell = self.recall.setdefault(name, {}).setdefault(lang, [0, 0])
        cell[0] += found
        cell[1] += 1

    def print(self, title: str) -> None:
        names = list(FILES)
        print(
            f"\n{title}: recall per file and source language (hits/applied), "
            "false fact flags per 100 faithful sentences"
        )
        print(
            f"{'language':<15}"
            + "".join(f"{n.split('_', 2)[2]:>16}" for n in names)
            + f"{'false/100 mt':>14}{'false/100 ref':>14}"
        )
        for lang in LANGS:
            cells = "".join(
                f"{rate(*self.recall[n].get(lang, (0, 0))):>10.2f} ({self.recall[n].get(lang, (0, 0))[1]:>2})"
                for n in names
            )
            per = 100 / max(self.controls[lang], 1)
            print(
                f"{lang:<15}{cells}{per * self.false['mt'][lang]:>14.1f}{per * self.false['eng'][lang]:>14.1f}"
            )
        sums = {
            n: (
                sum(h for h, _ in self.recall[n].values()),
                sum(t for _, t in self.recall[n].values()),
            )
            for n in names
        }
        totals = "".join(f"{rate(*sums[n]):>10.2f} ({sums[n][1]:>3})" for n in names)
        controls = sum(self.controls.values())
        per = 100 / max(controls, 1)
        mt, eng = sum(self.false["mt"].values()), sum(self.false["eng"].values())
        print(f"{'all':<15}{totals}{per * mt:>14.1f}{per * eng:>14.1f}")
        exact = ", ".join(
            f"{n.split('_', 2)[2]} {rate(*sums[n]):.3f} ({sums[n][0]}/{sums[n][1]})" for n in names
        )
        print(
            f"all, exactly: {exact}; false flags mt {mt}/{controls}, ref {eng}/{controls} sentences"
        )
        print(
            f"content flags (a clause dropped or added) per 100 faithful sentences: "
            f"mt {per * self.content['mt']:.1f}, ref {per * self.content['eng']:.1f}"
        )
        print("first false flags, for reading:")
        for line in self.examples:
            print("  " + line)


def main() -> None:
    tallies = {part: Tally() for part in PARTS}
    seen_controls: set[tuple[str, str]] = set()
    for name, expected in FILES.items():
        for lang, items in load(name).items():
            rows = run_versions(
                [it["src_sent"] for it in items],
                {
                    "pert": [it["pert_sent"] for it in items],
                    "mt": [it["mt_sent"] for it in items],
                    "eng": [it["eng_sent"] for it in items],
                },
            )
            for k, it in enumerate(items):
                tally = tallies[part_of(k)]
                if it["pert_check"]:
                    tally.hit(name, lang, bool(expected(bead_of(rows["pert"], k).flags)))
                key = (lang, it["src_sent"])
                if key in seen_controls:
                    continue
                seen_controls.add(key)
                tally.controls[lang] += 1
                for version in ("mt", "eng"):
                    all_flags = bead_of(rows[version], k).flags
                    tally.content[version] += sum(":content:" in f for f in all_flags)
                    flags = fact_flags(all_flags)
                    tally.false[version][lang] += len(flags)
                    if flags and len(tally.examples) < 12:
                        tally.examples.append(f"{lang} {version} item {k}: {flags}")
    for part in PARTS:
        tallies[part].print(part)
    print_seed_flags()


def print_seed_flags() -> None:
    """Every fact flag on the bundled seeds, 003 as reference, for a reader to judge."""
    from eval import summarize

    seeds = ROOT / "seeds"
    rows = run_cli(["--ref", str(seeds / "003_547da99c0c626299.txt"), str(seeds)])
    verdicts = {s.tgt_doc: s.verdict for s in summarize(rows)}
    print("\nseeds, 003 as reference: every fact flag (dropped/added/changed), by bead")
    for doc, verdict in sorted(verdicts.items()):
        beads = [(r, fact_flags(r.flags)) for r in rows if r.tgt_doc == doc]
        print(f"  {doc} ({verdict}): {sum(len(f) for _, f in beads)} fact flags")
        for r, flags in beads:
            src = ",".join(map(str, r.src_ids)) or "-"
            tgt = ",".join(map(str, r.tgt_ids)) or "-"
            for flag in flags:
                print(f"    [src {src} / tgt {tgt}] {flag}")


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
