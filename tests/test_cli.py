"""The command line as a user runs it: subprocesses, files, pipes and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from align import __version__
from eval.signature import settings_hash, signature_fields
from eval.tsv import COLUMNS, read_tsv

from .conftest import REF, ROOT, SEEDS


def factalign(
    *args: str, stdin: str | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eval.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


@pytest.fixture(scope="module")
def seeds_tsv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "seeds.tsv"
    done = factalign("run", "--ref", str(REF), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "signature: factalign:" in done.stderr
    return out


def test_run_on_seeds_writes_the_contract(seeds_tsv: Path) -> None:
    lines = seeds_tsv.read_text(encoding="utf-8").split("\n")
    assert lines[0].split("\t") == [*COLUMNS, "signature"]
    rows = read_tsv(str(seeds_tsv))
    signature = rows[0].extra["signature"]
    assert all(r.extra["signature"] == signature for r in rows)
    fields = signature_fields(signature)
    assert list(fields) == ["factalign", "split", "emb", "emb2", "mt", "max_bead", "cfg"]
    assert fields["factalign"] == __version__ and fields["split"].startswith("sentencex-")
    assert len(signature) <= 200
    # every other setting that changes a number is behind cfg:, listed by summary's JSON
    payload = json.loads(factalign("summary", str(seeds_tsv), "--format", "json").stdout)
    assert payload["signature"] == signature
    settings = payload["settings"]
    assert settings["null_cost"] == 0.8 and settings["keep_share"] == 0.33
    assert settings["fid.fact_penalty"] == 0.7 and settings["names.cased_margin"] == 0.004
    assert fields["cfg"] == settings_hash(settings)
    assert len({r.tgt_doc for r in rows}) == 4
    assert all(r.fidelity is not None for r in rows)


def test_run_without_arguments_uses_bundled_seeds_and_names_the_reference(tmp_path: Path) -> None:
    out = tmp_path / "auto.tsv"
    done = factalign("run", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "reference: " in done.stderr and "closest to all others" in done.stderr
    rows = read_tsv(str(out))
    assert len({r.src_doc for r in rows}) == 1 and len({r.tgt_doc for r in rows}) == 4


def test_align_then_score_equals_run(seeds_tsv: Path) -> None:
    aligned = factalign("align", "-q", "--ref", str(REF), str(SEEDS))
    assert aligned.returncode == 0, aligned.stderr
    unscored = aligned.stdout.split("\n")[1].split("\t")
    assert unscored[10] == "" and unscored[11] == ""
    scored = factalign("score", "-q", "-", stdin=aligned.stdout)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout == seeds_tsv.read_text(encoding="utf-8")


def test_summary_text_json_and_gate(seeds_tsv: Path) -> None:
    text = factalign("summary", str(seeds_tsv))
    assert text.returncode == 0
    assert "dropped:date:last year" in text.stdout and "not a translation" in text.stdout
    # the opinion piece gets its verdict, not a hundred flags that each say the same
    listed = [line for line in text.stdout.splitlines() if line.startswith("  [")]
    assert listed and not any("Media reports suggest" in line for line in listed)
    assert "004_3dbb8be4327ffdce against 003_547da99c0c626299: not a translation" in text.stdout
    assert "001_355e51555a3ccf1d against 003_547da99c0c626299: 0 flags" in text.stdout
    js = factalign("summary", str(seeds_tsv), "--format", "json")
    payload = json.loads(js.stdout)
    pairs = {p["tgt_doc"][:3]: p for p in payload["pairs"]}
    assert set(pairs) == {"000", "001", "002", "004"}
    assert pairs["001"]["coverage"] == 1.0 and pairs["001"]["flag_counts"] == {}
    assert any(f["kind"] == "dropped" and f["text"] == "last year" for f in pairs["000"]["flags"])
    gate = factalign("summary", str(seeds_tsv), "--fail-under", "0.5")
    assert gate.returncode == 1 and "gate failed: 004" in gate.stderr
    ok = factalign("summary", str(seeds_tsv), "--fail-under", "0.0")
    assert ok.returncode == 0


def test_presegmented_run(tmp_path: Path) -> None:
    a = tmp_path / "A.txt"
    b = tmp_path / "B.txt"
    c = tmp_path / "C.txt"
    a.write_text(
        "The meeting took place last year.\nIt cost $5 million.\n\nEveryone agreed.\n",
        encoding="utf-8",
    )
    b.write_text(
        "La réunion a eu lieu l'année dernière.\nElle a coûté 5 millions de dollars.\n\n"
        "Tout le monde était d'accord.\n",
        encoding="utf-8",
    )
    c.write_text(
        "La reunión tuvo lugar.\nCostó 7 millones de dólares.\n\nTodos estuvieron de acuerdo.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.tsv"
    done = factalign("run", "--presegmented", "--ref", str(a), str(b), str(c), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    by_tgt = {t: [r for r in rows if r.tgt_doc == t] for t in ("B", "C")}
    assert [(r.src_ids, r.tgt_ids) for r in by_tgt["B"]] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
    ]
    assert all(not r.flags for r in by_tgt["B"])
    c_flags = [f for r in by_tgt["C"] for f in r.flags]
    assert "dropped:date:last year" in c_flags
    assert "changed:money:$5 million -> 7 millones de dólares" in c_flags


@pytest.mark.parametrize("command", ["run", "align", "score", "summary"])
def test_every_subcommand_has_help(command: str) -> None:
    done = factalign(command, "--help")
    assert done.returncode == 0 and "usage: factalign" in done.stdout


def test_input_errors_exit_2_and_leave_no_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.tsv"
    done = factalign("run", "--ref", str(REF), str(empty), "-o", str(out))
    assert done.returncode == 2
    assert done.stderr.strip().endswith("empty.txt: empty file (no text to align)")
    assert "Traceback" not in done.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.tsv.*"))
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "\t".join(COLUMNS) + "\nen\tfr\ten\tfr\t1-1\t0\tx\ta\tb\t0.5\t\t\n", encoding="utf-8"
    )
    done = factalign("summary", str(bad))
    assert done.returncode == 2 and "bad.tsv:2: column tgt_ids" in done.stderr
    done = factalign("run", str(REF), str(tmp_path / "missing.txt"))
    assert done.returncode == 2 and "missing.txt: no such file" in done.stderr


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        ("blank.txt", b"  \n\t\n   \n", (), "blank.txt: empty file (no text to align)"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", (), "scan.pdf: this is a PDF"),
        ("dump.bin", b"header\x00\x01\x02" * 50, (), "dump.bin: binary data (NUL bytes)"),
        (
            "latin.txt",
            "Le déjeuner a coûté 13 €.".encode("cp1252"),
            ("--encoding", "utf-8"),
            "latin.txt: cannot decode as utf-8",
        ),
        ("symbols.txt", "— … ✓ ✓ —\n".encode(), (), "symbols.txt: no sentences found"),
    ],
)
def test_each_bad_version_stops_with_one_line_and_no_output(
    tmp_path: Path, name: str, content: bytes, args: tuple[str, ...], message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.tsv"
    done = factalign("run", *args, "--ref", str(REF), str(bad), "-o", str(out))
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def _readme_summary_block() -> list[str]:
    """The summary lines the README shows for command 1 (up to its ``...``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What it finds on the seeds", 1)[1]
    block = section.split("```\n", 2)[1]
    return block.split("\n  ...")[0].rstrip("\n").split("\n")


def test_the_readme_shows_what_command_one_prints(seeds_tsv: Path) -> None:
    shown = _readme_summary_block()
    done = factalign("summary", str(seeds_tsv))
    assert done.returncode == 0, done.stderr
    assert len(shown) >= 8
    assert done.stdout.split("\n")[: len(shown)] == shown


def test_version() -> None:
    done = factalign("--version")
    assert done.returncode == 0 and done.stdout == f"factalign {__version__}\n"


def test_models_list_without_argos_says_so_plainly() -> None:
    hide_argos = (
        "import sys; sys.modules['argostranslate'] = None; "
        "sys.modules['argostranslate.package'] = None; "
        "from eval.cli import main; sys.exit(main(['models', 'list']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", hide_argos],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("factalign: Argos Translate is not installed; pip install")
    assert "--mt" not in done.stderr


def test_paths_are_reported_as_given_and_a_file_named_twice_is_said(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("It rained last year.\nThe end.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Il a plu l'année dernière.\nLa fin.\n", encoding="utf-8")
    done = factalign("run", "--ref", "missing.txt", "fr.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "factalign: error: missing.txt: no such file\n"
    done = factalign(
        "run",
        "--presegmented",
        "--ref",
        "en.txt",
        "fr.txt",
        "./fr.txt",
        "-o",
        "out.tsv",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "factalign: fr.txt: named more than once; aligned once" in done.stderr
    assert "wrote 2 beads for 1 document pair to out.tsv" in done.stderr
    assert {r.tgt_doc for r in read_tsv(str(tmp_path / "out.tsv"))} == {"fr"}


def test_quiet_is_quiet_in_a_language_wordfreq_lacks(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(
        "The council met on 12 March 2024.\nMayor Anna Weber said the work would start next year.\n",
        encoding="utf-8",
    )
    (tmp_path / "sw.txt").write_text(
        "Baraza lilikutana tarehe 12 Machi 2024.\n"
        "Meya Anna Weber alisema kazi itaanza mwaka ujao.\n",
        encoding="utf-8",
    )
    done = factalign(
        "run", "-q", "--presegmented", "--ref", "en.txt", "sw.txt", "-o", "out.tsv", cwd=tmp_path
    )
    assert done.returncode == 0 and done.stderr == ""
