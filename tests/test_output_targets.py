"""Where ``-o`` writes: checked before any work, links followed, pipes and devices written into."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from eval.tsv import Row, write_rows

from .conftest import REF, SEEDS
from .test_cli import factalign


@pytest.fixture()
def scored_tsv(tmp_path: Path) -> Path:
    """A small scored TSV written by hand: ``summary`` needs no model to read it."""
    rows = [
        Row(
            "en",
            "fr",
            "en",
            "fr",
            (0,),
            (0,),
            "It rained last year.",
            "Il a plu.",
            0.9,
            0.5,
            ("dropped:date:last year",),
            {"signature": "factalign:test"},
        ),
        Row(
            "en",
            "fr",
            "en",
            "fr",
            (1,),
            (1,),
            "The end.",
            "La fin.",
            0.95,
            0.9,
            (),
            {"signature": "factalign:test"},
        ),
    ]
    path = tmp_path / "scored.tsv"
    with path.open("w", encoding="utf-8") as out:
        write_rows(rows, out)
    return path


def _summary_text(scored: Path) -> str:
    done = factalign("summary", str(scored))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path, scored_tsv: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    done = factalign("summary", str(scored_tsv), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == _summary_text(scored_tsv)


def test_a_fifo_gets_the_text(tmp_path: Path, scored_tsv: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    done = factalign("summary", str(scored_tsv), "-o", str(fifo))
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received == [_summary_text(scored_tsv)]


def test_dash_is_standard_output(scored_tsv: Path) -> None:
    done = factalign("summary", str(scored_tsv), "-o", "-")
    assert done.returncode == 0 and done.stdout == _summary_text(scored_tsv)


def _full_device(folder: Path) -> Path:
    """A device every write to fails with "no space": a node of its own where the tests may
    make one (as root: were the code to replace it, only this copy would go), else /dev/full."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    node = folder / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    return node


def test_a_full_device_is_one_line_and_stays_a_device(tmp_path: Path, scored_tsv: Path) -> None:
    device = _full_device(tmp_path)
    done = factalign("summary", str(scored_tsv), "-o", str(device))
    assert done.returncode == 2
    assert done.stderr == f"factalign: error: {device}: cannot write: No space left on device\n"
    assert stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}", "is a directory; name a file to write"),
        ("{tmp}/missing/out.tsv", "does not exist"),
        ("/proc/out.tsv", "cannot write in /proc"),
        ("/sys/x.html", "cannot write in /sys"),
    ],
)
def test_an_impossible_target_stops_before_any_work(
    tmp_path: Path, target: str, message: str
) -> None:
    out = target.format(tmp=tmp_path)
    for command in ("run", "report"):
        args = (
            ("--ref", str(REF), str(SEEDS / "001_355e51555a3ccf1d.txt"))
            if command == "run"
            else (str(tmp_path / "never-read.tsv"),)
        )
        done = factalign(command, *args, "-o", out)
        assert done.returncode == 2, done.stderr
        # one line, and no file was read: the run logs each document it reads
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"factalign: error: {out}: ")
        assert message in lines[0] and "sentences, language" not in done.stderr


def test_a_batch_folder_that_cannot_be_made_stops_before_any_work(tmp_path: Path) -> None:
    manifest = tmp_path / "sets.tsv"
    manifest.write_text("a\tnever-read.txt\tnor-this.txt\n", encoding="utf-8")
    a_file = tmp_path / "taken"
    a_file.write_text("x", encoding="utf-8")
    for target, message in (
        ("-", "-o names a folder here; standard output cannot hold one"),
        (str(a_file), f"{a_file}: exists and is not a directory"),
        ("/proc/out", "/proc/out: cannot write in /proc"),
    ):
        done = factalign("batch", str(manifest), "-o", target)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"factalign: error: {message}"), done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
