"""Fact-flag recall and false alarms on DEMETR, through the real CLI.

    python bench/facts.py

Per source language, the 50 source sentences form a reference document (one per line,
``--presegmented``); the perturbed, the good machine and the human translations are three
versions of it. Recall: share of applied perturbations (``pert_check``) whose bead carries
a flag of the expected kind. False flags: fact flags (dropped/added/changed of a date,
number, money, percent or entity) on the good translations (``mt_sent``) and the human
references (``eng_sent``), per 100 sentences; and, below the table, the content flags
(a clause dropped or added) on the same sentences.
"""

from __future__ import annotations

import sys
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


def rate(hits: int, total: int) -> float:
    return hits / max(total, 1)


def fact_flags(flags: tuple[str, ...]) -> list[str]:
    return [
        f
        for f in flags
        if f.split(":")[0] in {"dropped", "added", "changed"} and f.split(":")[1] in FACT_CATEGORIES
    ]


def main() -> None:
    recall: dict[str, dict[str, tuple[int, int]]] = {}
    false_mt: dict[str, int] = dict.fromkeys(LANGS, 0)
    false_eng: dict[str, int] = dict.fromkeys(LANGS, 0)
    examples: list[str] = []
    seen_controls: set[tuple[str, str]] = set()
    n_controls: dict[str, int] = dict.fromkeys(LANGS, 0)
    content = {"mt": 0, "eng": 0}
    for name, expected in FILES.items():
        recall[name] = {}
        for lang, items in load(name).items():
            rows = run_versions(
                [it["src_sent"] for it in items],
                {
                    "pert": [it["pert_sent"] for it in items],
                    "mt": [it["mt_sent"] for it in items],
                    "eng": [it["eng_sent"] for it in items],
                },
            )
            hits = total = 0
            for k, it in enumerate(items):
                if it["pert_check"]:
                    total += 1
                    hits += bool(expected(bead_of(rows["pert"], k).flags))
                key = (lang, it["src_sent"])
                if key in seen_controls:
                    continue
                seen_controls.add(key)
                n_controls[lang] += 1
                for version, counter in (("mt", false_mt), ("eng", false_eng)):
                    all_flags = bead_of(rows[version], k).flags
                    content[version] += sum(":content:" in f for f in all_flags)
                    flags = fact_flags(all_flags)
                    counter[lang] += len(flags)
                    if flags and len(examples) < 12:
                        examples.append(f"{lang} {version}: {flags}")
            recall[name][lang] = (hits, total)
    names = list(FILES)
    print(
        "Recall per file and source language (hits/applied), false fact flags per 100 faithful sentences"
    )
    print(
        f"{'language':<15}"
        + "".join(f"{n.split('_', 2)[2]:>16}" for n in names)
        + f"{'false/100 mt':>14}{'false/100 ref':>14}"
    )
    for lang in LANGS:
        cells = "".join(f"{rate(*recall[n][lang]):>10.2f} ({recall[n][lang][1]:>2})" for n in names)
        per = 100 / max(n_controls[lang], 1)
        print(f"{lang:<15}{cells}{per * false_mt[lang]:>14.1f}{per * false_eng[lang]:>14.1f}")
    sums = {
        n: (sum(h for h, _ in recall[n].values()), sum(t for _, t in recall[n].values()))
        for n in names
    }
    totals = "".join(f"{rate(*sums[n]):>10.2f} ({sums[n][1]:>3})" for n in names)
    per = 100 / max(sum(n_controls.values()), 1)
    print(
        f"{'all':<15}{totals}{per * sum(false_mt.values()):>14.1f}{per * sum(false_eng.values()):>14.1f}"
    )
    # the goals sit near these figures: the exact counts behind the rounded ones
    exact = ", ".join(
        f"{n.split('_', 2)[2]} {rate(*sums[n]):.3f} ({sums[n][0]}/{sums[n][1]})" for n in names
    )
    controls = sum(n_controls.values())
    print(
        f"all, exactly: {exact}; false flags mt {sum(false_mt.values())}/{controls}, "
        f"ref {sum(false_eng.values())}/{controls} sentences"
    )
    print(
        f"content flags (a clause dropped or added) per 100 faithful sentences: "
        f"mt {per * content['mt']:.1f}, ref {per * content['eng']:.1f}"
    )
    print("\nfirst false flags, for reading:")
    for line in examples:
        print("  " + line)
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
    main()
