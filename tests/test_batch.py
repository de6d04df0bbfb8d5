"""``factalign batch``: manifests, a local pool against a real Dask LocalCluster, resuming."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align import InputError
from eval.batch import STATE_FILE, read_manifest
from eval.cli import main

from .conftest import SEEDS

EN, FR_FAITHFUL, FR_CUT, ID, OPINION = (
    "003_547da99c0c626299.txt",
    "001_355e51555a3ccf1d.txt",
    "000_6aa51a76c1be3abf.txt",
    "002_f5866eb202d2158f.txt",
    "004_3dbb8be4327ffdce.txt",
)


def _corpus(tmp_path: Path, sets: list[tuple[str, str, list[str]]]) -> Path:
    """Seeds copied beside a TSV manifest listing ``sets``; a binary file for failures."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, docs / seed.name)
    (docs / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary\x00" * 20)
    lines = ["id\treference\tversions", "# comment lines are skipped"]
    lines += [
        "\t".join([set_id, f"docs/{ref}", *(f"docs/{v}" for v in vs)]) for set_id, ref, vs in sets
    ]
    manifest = tmp_path / "manifest.tsv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


SETS = [
    ("fr-faithful", EN, [FR_FAITHFUL]),
    ("fr-cut", EN, [FR_CUT]),
    ("id", EN, [ID]),
    ("opinion", EN, [OPINION]),
    ("bad-pdf", EN, ["scan.pdf"]),
    ("en-from-fr", FR_FAITHFUL, [EN, FR_CUT]),
]


def _state(outdir: Path) -> dict[str, tuple[str, str, int]]:
    with sqlite3.connect(outdir / STATE_FILE) as db:
        rows = db.execute("SELECT set_id, status, worker, model_loads FROM sets").fetchall()
    return {set_id: (status, worker, loads) for set_id, status, worker, loads in rows}


def test_manifest_formats_and_errors(tmp_path: Path) -> None:
    manifest = _corpus(tmp_path, SETS[:2])
    sets = read_manifest(manifest)
    assert [s.set_id for s in sets] == ["fr-faithful", "fr-cut"]
    assert sets[0].reference == tmp_path / "docs" / EN
    assert sets[1].versions == (tmp_path / "docs" / FR_CUT,)

    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text(
        json.dumps({"id": "a", "reference": "docs/" + EN, "versions": ["docs/" + ID]}) + "\n"
    )
    assert read_manifest(jsonl)[0].versions == (tmp_path / "docs" / ID,)

    bad = {
        "a\tdocs/x.txt\n": "expected id<TAB>reference<TAB>version",
        "a\tx\ty\na\tx\tz\n": "already used on line 1",
        "../up\tx\ty\n": "must be letters, digits",
        "# only a comment\n": "lists no document sets",
    }
    for text, message in bad.items():
        path = tmp_path / "bad.tsv"
        path.write_text(text)
        with pytest.raises(InputError, match=message):
            read_manifest(path)
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "reference": "x", "versions": []}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:1: \"versions\" must be a non-empty list"):
        read_manifest(tmp_path / "bad.jsonl")


def test_local_and_dask_give_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    distributed = pytest.importorskip("distributed")
    manifest = _corpus(tmp_path, SETS)
    local, dask = tmp_path / "local", tmp_path / "dask"

    assert main(["batch", str(manifest), "-o", str(local), "--workers", "2", "-q"]) == 2
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        status = main(
            [
                "batch",
                str(manifest),
                "-o",
                str(dask),
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
            ]
        )
    assert status == 2  # the PDF set failed, every other set is done
    err = capsys.readouterr().err
    assert "set bad-pdf failed" in err and "scan.pdf" in err
    assert "5 done, 0 skipped (done before, inputs unchanged), 1 failed" in err

    outputs = sorted(p.name for p in local.iterdir() if p.name != STATE_FILE)
    assert outputs == sorted(
        [f"{s[0]}.tsv" for s in SETS if s[0] != "bad-pdf"] + ["summary.json", "summary.tsv"]
    )
    for name in outputs:
        assert (local / name).read_bytes() == (dask / name).read_bytes(), name

    state = _state(dask)
    done = [v for v in state.values() if v[0] == "done"]
    assert len(done) == 5 and len({w for _, w, _ in done}) <= 2
    assert all(loads == 1 for _, _, loads in done)  # the model is kept by each worker

    summary = json.loads((local / "summary.json").read_text())
    by_id = {s["id"]: s for s in summary["sets"]}
    assert by_id["bad-pdf"]["status"] == "failed" and "PDF file" in by_id["bad-pdf"]["error"]
    assert by_id["opinion"]["pairs"][0]["verdict"] == "not a translation"
    assert by_id["fr-faithful"]["pairs"][0]["flag_counts"] == {}
    assert [p["tgt_doc"] for p in by_id["en-from-fr"]["pairs"]] == [EN[:-4], FR_CUT[:-4]]
    lines = (local / "summary.tsv").read_text().splitlines()
    assert len(lines) == 1 + 7  # header, a line per pair (en-from-fr has two), the failed set
    assert lines[0].split("\t")[:3] == ["set_id", "status", "src_doc"]


def test_rerun_after_kill_redoes_only_unfinished_sets(tmp_path: Path) -> None:
    sets = [(f"s{i}", EN, [v]) for i, v in enumerate([FR_FAITHFUL, FR_CUT, ID] * 3)]
    manifest = _corpus(tmp_path, sets)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "eval.cli",
        "batch",
        str(manifest),
        "-o",
        str(out),
        "--workers",
        "1",
        "-q",
    ]
    proc = subprocess.Popen(command, start_new_session=True, env=os.environ.copy())
    deadline = time.monotonic() + 300
    finished: dict[str, int] = {}
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / STATE_FILE).exists():
            try:
                state = _state(out)
            except sqlite3.Error:
                state = {}
            if any(v[0] == "done" for v in state.values()):
                os.killpg(proc.pid, signal.SIGKILL)
                break
        time.sleep(0.05)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    finished = {
        k: (out / f"{k}.tsv").stat().st_mtime_ns for k, v in _state(out).items() if v[0] == "done"
    }
    assert 0 < len(finished) < len(sets)
    assert not (out / "summary.json").exists()

    rerun = subprocess.run(command[:-1], capture_output=True, text=True, env=os.environ.copy())
    assert rerun.returncode == 0, rerun.stderr
    redone = len(sets) - len(finished)
    assert f"{redone} done, {len(finished)} skipped" in rerun.stderr
    for set_id, mtime in finished.items():
        assert (out / f"{set_id}.tsv").stat().st_mtime_ns == mtime  # not redone
    assert all(v[0] == "done" for v in _state(out).values())
    assert not list(out.glob(".*.part"))
    summary = json.loads((out / "summary.json").read_text())
    assert [s["status"] for s in summary["sets"]] == ["done"] * len(sets)
