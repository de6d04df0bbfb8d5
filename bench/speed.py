"""Is scoring as fast as aligning? ``factalign align`` against ``factalign run``, from an empty cache.

    python bench/speed.py                 # seeds, Text+Berg test0-6, one MQM TED talk
    python bench/speed.py --cases seeds   # one of them

For each document set, in one run on this machine: wall and CPU seconds of ``factalign
align`` and of ``factalign run`` (each from its own empty embedding cache), their ratio,
and where ``run``'s CPU time went, per component (``align.profile``: time is exclusive,
so a model call inside the alignment is the model's). For the seeds, also ``run
--no-cache``, which keeps its values in memory for the run only.

(a) seeds: the five bundled versions, 003 the reference. (b) Text+Berg test0-6
(``../shared/bench/align/textberg-de-fr``), each German document the reference of its
French one, the seven pairs' times added. (c) a TED talk of
``../shared/bench/fidelity/mqm-ted-ende`` as a document: its English source the
reference, three systems' German outputs the versions, one segment a line.

The ``rehearsal`` row is scoring's dry run, which finds the counterfactual texts scoring
will ask for, so that the model computes them in one batch (its model calls count as the
models').
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "bench"
TEXTBERG = SHARED / "align" / "textberg-de-fr"
TED = SHARED / "fidelity" / "mqm-ted-ende" / "mqm_ted_ende.tsv"
TALK = "talk.5"
SYSTEMS = ("Facebook-AI", "HuaweiTSC", "UEdin")
COMPONENTS = (
    "segmentation",
    "embeddings",
    "alignment search",
    "token vectors",
    "latent terms",
    "name tests",
    "clause tests",
    "fact extraction",
    "fact comparison",
    "rehearsal",
    "scoring (rest)",
    "TSV",
)


def _cli(args: list[str], cache: Path, profile: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``factalign`` call (its process and threads)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "FACTALIGN_CACHE": str(cache),
        "FACTALIGN_PROFILE": str(profile),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "eval.cli", *args, "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"factalign {' '.join(args)} failed: {done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _cases(work: Path, names: list[str]) -> dict[str, list[list[str]]]:
    """Per case, the argument lists of its ``factalign`` calls (before the command)."""
    cases: dict[str, list[list[str]]] = {}
    if "seeds" in names:
        seeds = ROOT / "seeds"
        cases["seeds"] = [["--ref", str(seeds / "003_547da99c0c626299.txt"), str(seeds)]]
    if "textberg" in names:
        calls = []
        for k in range(7):
            folder = work / f"textberg{k}"
            folder.mkdir()
            for lang in ("de", "fr"):
                text = (TEXTBERG / f"test{k}.{lang}").read_text(encoding="utf-8")
                (folder / f"{lang}.txt").write_text(text, encoding="utf-8")
            calls.append(
                ["--presegmented", "--ref", str(folder / "de.txt"), str(folder / "fr.txt")]
            )
        cases["textberg"] = calls
    if "ted" in names:
        folder = work / "ted"
        folder.mkdir()
        source: dict[int, str] = {}
        outputs: dict[str, dict[int, str]] = defaultdict(dict)
        with TED.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["doc"] != TALK:
                    continue
                seg = int(row["seg_id"])
                source[seg] = _plain(row["source"])
                if row["system"] in SYSTEMS:
                    outputs[row["system"]][seg] = _plain(row["target"])
        order = sorted(source)
        (folder / "en.txt").write_text("\n".join(source[s] for s in order) + "\n", "utf-8")
        for system in SYSTEMS:
            lines = [outputs[system].get(s, "") for s in order]
            (folder / f"{system}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        versions = [str(folder / f"{s}.txt") for s in SYSTEMS]
        cases["ted"] = [["--presegmented", "--ref", str(folder / "en.txt"), *versions]]
    return cases


def _plain(text: str) -> str:
    return " ".join(text.replace("<v>", "").replace("</v>", "").split())


def _measure(command: str, calls: list[list[str]], work: Path, extra: list[str] = ()) -> dict:
    """One cold pass of ``command`` over ``calls``: wall, CPU, and CPU per component."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    wall = cpu = 0.0
    parts: dict[str, float] = defaultdict(float)
    for k, args in enumerate(calls):
        profile = work / f"profile-{command}-{cache.name}-{k}.json"
        w, c = _cli([command, *extra, *args], cache, profile)
        wall, cpu = wall + w, cpu + c
        found = json.loads(profile.read_text(encoding="utf-8")) if profile.exists() else {}
        for name, figures in found.items():
            if " / " not in name:
                parts[name] += figures["cpu"]
    return {"wall": wall, "cpu": cpu, "parts": dict(parts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default="seeds,textberg,ted")
    args = parser.parse_args()
    names = args.cases.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {}
        for name, calls in _cases(work, names).items():
            align = _measure("align", calls, work)
            run = _measure("run", calls, work)
            entry = {"align": align, "run": run}
            if name == "seeds":
                entry["no-cache"] = _measure("run", calls, work, ["--no-cache"])
            results[name] = entry
            print(
                f"{name}: align {align['wall']:.1f} s wall, {align['cpu']:.1f} s CPU; "
                f"run {run['wall']:.1f} s wall, {run['cpu']:.1f} s CPU; "
                f"run/align {run['wall'] / align['wall']:.2f}",
                flush=True,
            )
    print()
    header = ["case", "align s", "run s", "run/align", "align CPU", "run CPU"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, entry in results.items():
        a, r = entry["align"], entry["run"]
        cells = [name, f"{a['wall']:.1f}", f"{r['wall']:.1f}", f"{r['wall'] / a['wall']:.2f}"]
        cells += [f"{a['cpu']:.1f}", f"{r['cpu']:.1f}"]
        print("| " + " | ".join(cells) + " |")
    if "seeds" in results:
        cold, bare = results["seeds"]["run"], results["seeds"]["no-cache"]
        print(
            f"\nseeds, run --no-cache: {bare['wall']:.1f} s wall "
            f"({bare['wall'] / cold['wall']:.2f} x the cold run with the cache)"
        )
    print("\nCPU seconds of `factalign run` per component (exclusive):\n")
    print("| component | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for component in COMPONENTS:
        cells = [f"{results[n]['run']['parts'].get(component, 0.0):.1f}" for n in results]
        print(f"| {component} | " + " | ".join(cells) + " |")
    totals = [f"{results[n]['run']['cpu']:.1f}" for n in results]
    print("| process total | " + " | ".join(totals) + " |")


if __name__ == "__main__":
    main()
