"""Sets per minute of ``factalign batch``: local process pool against a Dask LocalCluster.

A synthetic manifest of 200 document sets is built from the DEMETR files in shared/: each
set is 5 source sentences (the reference) with two versions, the good and the perturbed
English translations. Both engines run the same manifest through the real CLI, each with
an empty embedding cache, so both pay for every embedding.

    python bench/batch.py [--sets 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from demetr import DATA, load

ROOT = Path(__file__).resolve().parents[1]


def build_manifest(directory: Path, n_sets: int, size: int = 5) -> Path:
    """Write ``n_sets`` sets of ``size`` sentences each and their manifest into ``directory``."""
    lines = ["id\treference\tversions"]
    files = sorted(p.stem for p in DATA.glob("*.jsonl") if not p.stem.startswith("base"))
    k = 0
    for name in files:
        for lang, items in load(name).items():
            for start in range(0, len(items) - size + 1, size):
                chunk = items[start : start + size]
                set_id = f"{name}.{lang}.{start}"
                for role, key in (("src", "src_sent"), ("mt", "mt_sent"), ("pert", "pert_sent")):
                    text = "\n".join(i[key].replace("\n", " ") or "." for i in chunk)
                    (directory / f"{set_id}.{role}.txt").write_text(text + "\n", encoding="utf-8")
                lines.append(f"{set_id}\t{set_id}.src.txt\t{set_id}.mt.txt\t{set_id}.pert.txt")
                k += 1
                if k == n_sets:
                    manifest = directory / "manifest.tsv"
                    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
                    return manifest
    raise SystemExit(f"only {k} sets available")


def run_engine(manifest: Path, outdir: Path, engine: list[str], cache: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "eval.cli",
            "batch",
            str(manifest),
            "-o",
            str(outdir),
            "--presegmented",
            "-q",
            *engine,
        ],
        env={**os.environ, "FACTALIGN_CACHE": str(cache), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "docs").mkdir()
        manifest = build_manifest(root / "docs", args.sets)
        results = {}
        seconds = run_engine(
            manifest, root / "local", ["--workers", str(args.workers)], root / "cache-local"
        )
        results["local"] = seconds
        # the cluster's workers are this process's children: give them an empty cache and
        # this checkout's code, as the local engine's workers get from run_engine
        os.environ["FACTALIGN_CACHE"] = str(root / "cache-dask")
        os.environ["PYTHONPATH"] = str(ROOT)
        with LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            seconds = run_engine(
                manifest,
                root / "dask",
                ["--engine", "dask", "--scheduler", cluster.scheduler_address],
                root / "cache-dask",
            )
        results["dask LocalCluster"] = seconds
        same = all(
            (root / "local" / p.name).read_bytes() == p.read_bytes()
            for p in (root / "dask").iterdir()
            if p.suffix in (".tsv", ".json")
        )
    print(f"{args.sets} sets of 5 sentences + 2 versions, {args.workers} workers, cold cache")
    print(f"{'engine':<20} {'seconds':>8} {'sets/min':>9}")
    for engine, seconds in results.items():
        print(f"{engine:<20} {seconds:>8.1f} {args.sets / seconds * 60:>9.1f}")
    print(f"outputs byte-identical: {same}")


if __name__ == "__main__":
    main()
