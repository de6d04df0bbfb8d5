"""``factalign`` command line: a thin layer over :mod:`eval.pipeline` and :mod:`eval.summary`.

Exit statuses: 0 success, 1 a ``--fail-under`` gate failed, 2 usage or input error,
130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from align import (
    Document,
    InputError,
    MissingBackendError,
    __version__,
    get_embedder,
)
from align.document import check_unique_ids
from align.embedders import EMBEDDERS, SECOND_EMBEDDERS, Embedder
from align.errors import print_input_warnings
from align.splitters import SPLITTERS
from align.translators import TRANSLATORS, Translator, get_translator

from .pipeline import RunSettings, choose_reference, run_set
from .report import render_report
from .scoring import score_rows
from .signature import settings_of, with_mt
from .summary import format_json, format_text, summarize
from .tsv import atomic_output, check_output, check_output_folder, read_tsv, write_rows

EXIT_GATE = 1
EXIT_INPUT = 2

_DESCRIPTION = """\
Align the language versions of a document sentence by sentence and flag, bead by bead,
where a version dropped, added or changed a fact (dates, numbers, money, percentages)
or a whole sentence. Offline, on a CPU.

  factalign run                        # the bundled seeds/, reference chosen automatically
  factalign run --ref en.txt fr.txt id.txt -o scored.tsv
  factalign align --ref en.txt fr.txt | factalign score - > scored.tsv
  factalign summary scored.tsv --fail-under 0.7
  factalign report scored.tsv -o report.html

Exit status: 0 ok, 1 --fail-under gate failed, 2 usage or input error, 130 interrupted.
"""


def default_inputs() -> list[Path]:
    """The bundled seeds: ``./seeds`` if present, else the seeds/ beside the source tree."""
    for candidate in (Path.cwd() / "seeds", Path(__file__).resolve().parents[1] / "seeds"):
        if candidate.is_dir():
            return [candidate]
    raise InputError("no input files given and no seeds/ directory found; name the files to align")


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files named, and the regular non-hidden files of directories named, in sorted order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not files:
                raise InputError(f"{raw}: directory holds no files")
            out.extend(files)
        elif path.exists():
            out.append(path)
        else:
            raise InputError(f"{raw}: no such file or directory")
    return out


def _count(n: int, noun: str) -> str:
    """``1 document pair``, ``2 document pairs``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _log(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"factalign: {message}", file=sys.stderr, flush=True)


def load_inputs(args: argparse.Namespace) -> tuple[Document, list[Document], Embedder]:
    """Read, segment and pick the reference; returns (reference, versions, embedder)."""
    files = expand_paths(args.paths or [str(p) for p in default_inputs()])
    ref_path = Path(args.ref) if args.ref else None
    if ref_path is not None and not ref_path.exists():
        raise InputError(f"{args.ref}: no such file")
    seen: dict[Path, Path] = {}
    for f in files:
        if ref_path is not None and f.resolve() == ref_path.resolve():
            _log(args, f"{f}: is the reference; not aligned to itself")
        elif f.resolve() in seen:
            _log(args, f"{f}: named more than once; aligned once")
        else:
            seen[f.resolve()] = f
    version_paths = list(seen.values())
    named = ([ref_path] if ref_path else []) + version_paths
    check_unique_ids(named)
    if len(named) < 2:
        raise InputError("need at least two documents: a reference and one version")

    settings = _settings(args)
    embedder = _embedder(args, args.embedder)
    reference = settings.load(ref_path, reference=True) if ref_path else None
    paths = tqdm(
        version_paths,
        desc="reading",
        unit="file",
        disable=True if args.quiet else None,
        leave=False,
    )
    versions = [settings.load(p) for p in paths]
    for doc in ([reference] if reference else []) + versions:
        _log(args, f"{doc.path}: {len(doc)} sentences, language {doc.lang}")
        if doc.lang not in embedder.languages:
            what = (
                "language could not be identified"
                if doc.lang == "und"
                else f"language {doc.lang!r} is not one the embedding model was trained on"
            )
            print(
                f"factalign: warning: {doc.path}: {what}; its alignment rests mostly on "
                "length and shared numbers and names",
                file=sys.stderr,
            )
    if reference is None:
        reference = choose_reference(versions, embedder)
        versions = [v for v in versions if v is not reference]
        _log(
            args,
            f"reference: {reference.doc_id} (closest to all others; choose another with --ref)",
        )
    return reference, versions, embedder


def _embedder(args: argparse.Namespace, name: str) -> Embedder:
    """The embedder ``name`` with the run's cache and progress settings."""
    return get_embedder(name, cache=not args.no_cache, progress=not args.quiet)


def _second_embedder(args: argparse.Namespace) -> Embedder | None:
    return None if args.second_embedder == "none" else _embedder(args, args.second_embedder)


def _translator(args: argparse.Namespace) -> Translator | None:
    if not args.mt:
        return None
    return get_translator(args.mt, cache=not args.no_cache, progress=not args.quiet)


def _settings(args: argparse.Namespace) -> RunSettings:
    """The run's settings from the options of ``run``, ``align`` or ``batch``."""
    return RunSettings(
        embedder=args.embedder,
        second_embedder=args.second_embedder,
        cache=not args.no_cache,
        splitter=args.splitter,
        presegmented=args.presegmented,
        encoding=args.encoding,
        ref_encoding=args.ref_encoding,
        max_bead=args.max_bead,
        threads=getattr(args, "threads", None),
        mt=args.mt,
    )


def cmd_run(args: argparse.Namespace, scored: bool = True) -> int:
    check_output(args.output)
    translator = _translator(args)
    reference, versions, embedder = load_inputs(args)
    rows = run_set(
        reference,
        versions,
        _settings(args),
        embedder,
        second=_second_embedder(args),
        translator=translator,
        scored=scored,
        progress=lambda message: _log(args, message),
    )
    with atomic_output(args.output) as out:
        write_rows(rows, out)
    if args.output not in (None, "-"):
        _log(
            args,
            f"wrote {len(rows)} beads for {_count(len(versions), 'document pair')} to {args.output}",
        )
    return 0


def cmd_align(args: argparse.Namespace) -> int:
    return cmd_run(args, scored=False)


def cmd_score(args: argparse.Namespace) -> int:
    check_output(args.output)
    translator = _translator(args)
    rows = read_tsv(args.input)
    if translator is not None:
        for src_lang, tgt_lang in dict.fromkeys((r.src_lang, r.tgt_lang) for r in rows):
            translator.check_pair(tgt_lang, src_lang)
        rows = [
            replace(r, extra={**r.extra, "signature": with_mt(r.extra["signature"], translator)})
            if r.extra.get("signature")
            else r
            for r in rows
        ]
    embedder = _embedder(args, args.embedder)
    scored = score_rows(rows, embedder, translator=translator)
    with atomic_output(args.output) as out:
        write_rows(scored, out)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    check_output(args.output)
    rows = read_tsv(args.input)
    if not rows:
        raise InputError(f"{args.input}: no beads in the TSV")
    summaries = summarize(rows)
    signature = rows[0].extra.get("signature") or None
    text = (
        format_json(summaries, signature, settings_of(signature)) + "\n"
        if args.format == "json"
        else format_text(summaries, signature)
    )
    with atomic_output(args.output) as out:
        out.write(text)
    if args.fail_under is not None:
        failing = [s for s in summaries if s.fidelity is None or s.fidelity < args.fail_under]
        for s in failing:
            fid = "unscored" if s.fidelity is None else f"{s.fidelity:.3f}"
            print(
                f"factalign: gate failed: {s.tgt_doc} against {s.src_doc} fidelity {fid} < {args.fail_under}",
                file=sys.stderr,
            )
        if failing:
            return EXIT_GATE
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    check_output(args.output)
    rows = read_tsv(args.input)
    if not rows:
        raise InputError(f"{args.input}: no beads in the TSV")
    page = render_report(rows, title=args.title, signature=rows[0].extra.get("signature") or None)
    with atomic_output(args.output) as out:
        out.write(page)
    if args.output not in (None, "-"):
        _log(
            args,
            f"wrote the report of {_count(len({r.pair for r in rows}), 'document pair')} to {args.output}",
        )
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    import os
    import time

    from .batch import (
        SUMMARY_JSON,
        SUMMARY_TSV,
        BatchReport,
        SetOutcome,
        dask_executor,
        local_executor,
        read_manifest,
        run_batch,
    )

    check_output_folder(args.output)
    sets = read_manifest(args.manifest)
    if args.engine == "dask" and not args.scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    cores = os.cpu_count() or 1
    workers = args.workers or cores
    threads = args.threads or (max(1, cores // workers) if args.engine == "local" else 1)
    settings = replace(_settings(args), threads=threads)
    where = f"{workers} local workers" if args.engine == "local" else f"Dask at {args.scheduler}"
    _log(args, f"batch: {len(sets)} document sets from {args.manifest} on {where}")
    bar = tqdm(total=len(sets), desc="sets", unit="set", disable=True if args.quiet else None)
    started = time.perf_counter()
    logged = [0.0]

    def progress(outcome: SetOutcome, report: BatchReport, remaining: int) -> None:
        done, failed = report.count("done"), report.count("failed")
        minutes = (time.perf_counter() - started) / 60
        rate = (done + failed) / minutes if minutes else 0.0
        status = f"{done} done, {failed} failed, {remaining} remaining, {rate:.1f} sets/min"
        bar.update(1)
        bar.set_postfix_str(status)
        if outcome.status == "failed":
            bar.write(f"factalign: set {outcome.set_id} failed: {outcome.error}", file=sys.stderr)
        elif bar.disable and not args.quiet and time.perf_counter() - logged[0] > 10:
            logged[0] = time.perf_counter()
            _log(args, f"batch: {status}")

    try:
        if args.engine == "local":
            with local_executor(workers, settings) as executor:
                report = run_batch(sets, args.output, settings, executor, progress)
        else:
            with dask_executor(args.scheduler) as executor:
                report = run_batch(sets, args.output, settings, executor, progress)
    finally:
        bar.close()
    done, failed, skipped = (report.count(s) for s in ("done", "failed", "skipped"))
    rate = (done + failed) / (report.seconds / 60) if report.seconds else 0.0
    _log(
        args,
        f"batch: {done} done, {skipped} skipped (done before, inputs unchanged), {failed} failed "
        f"in {report.seconds:.1f} s ({rate:.1f} sets/min); "
        f"{Path(args.output) / SUMMARY_JSON}, {Path(args.output) / SUMMARY_TSV}",
    )
    return EXIT_INPUT if failed else 0


def _unit_interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {text!r}")
    return value


def _add_document_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories of versions (default: the bundled seeds/)",
    )
    p.add_argument(
        "--ref",
        metavar="FILE",
        help="the reference version (default: the version closest to all others)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the TSV here (checked before any work; a file is replaced atomically, a "
        "symlink's target likewise, a FIFO or device written into; default or -: standard output)",
    )
    _add_segment_options(p)


def _add_segment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--presegmented",
        action="store_true",
        help="input is one sentence per line; a blank line is a paragraph break",
    )
    p.add_argument(
        "--splitter",
        choices=SPLITTERS,
        default="sentencex",
        help="sentence splitter (default: sentencex)",
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="force the versions' encoding (default: detected: a byte-order mark, UTF-16 "
        "without one, UTF-8, then charset-normalizer's guess)",
    )
    p.add_argument(
        "--ref-encoding",
        metavar="NAME",
        help="force the reference's encoding (default: detected, as for the versions)",
    )
    p.add_argument(
        "--max-bead",
        type=int,
        default=5,
        choices=range(1, 9),
        metavar="N",
        help="largest number of sentences a bead may merge on one side, 1-8; two sentences "
        "face at most N-1 (default: 5)",
    )
    p.add_argument(
        "--second-embedder",
        choices=SECOND_EMBEDDERS,
        default="use",
        help="a second sentence encoder whose similarity the aligner mixes in where it knows "
        "both languages (default: use, bundled Universal Sentence Encoder multilingual v3, "
        "16 languages; none: e5 alone). Fidelity scores use --embedder only.",
    )
    _add_model_options(p)


def _add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--embedder",
        choices=EMBEDDERS,
        default="e5",
        help="sentence-embedding backend (default: e5, bundled multilingual-e5-small)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the embedding cache ($FACTALIGN_CACHE or ~/.cache/factalign); "
        "values are kept in memory for the run",
    )
    p.add_argument(
        "--mt",
        choices=TRANSLATORS,
        help="machine-translation pivot: translate each version into the reference's language, "
        "use it in the alignment and add columns mt_text, mt_chrf, mt_bleu "
        "(argos: installed Argos Translate packages, see `factalign models`; apertium: the "
        "system's Apertium pairs, e.g. apt-get install apertium apertium-en-es apertium-fr-es)",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or signature on standard error"
    )


def cmd_models(args: argparse.Namespace) -> int:
    from align.translators.argos_translator import (
        INSTALL_HINT as ARGOS_HINT,
    )
    from align.translators.argos_translator import (
        install_package,
        installed_packages,
    )

    if args.models_command == "install":
        for path in args.files:
            package = install_package(path)
            print(
                f"installed {package.from_code}->{package.to_code} {package.version} in {package.path}"
            )
        return 0
    import shutil

    from align.translators.apertium_translator import INSTALL_HINT, installed_modes

    try:
        packages = installed_packages()
    except MissingBackendError:
        packages = []
        print(f"factalign: Argos Translate is not installed; {ARGOS_HINT}", file=sys.stderr)
    else:
        if not packages:
            print(
                "factalign: no Argos Translate packages installed; add one with: "
                "factalign models install FILE.argosmodel",
                file=sys.stderr,
            )
    for package in packages:
        print(f"argos\t{package.from_code}->{package.to_code}\t{package.version}\t{package.path}")
    if shutil.which("apertium") is None:
        print(f"factalign: Apertium is not installed; {INSTALL_HINT}", file=sys.stderr)
    else:
        for (src, tgt), mode in installed_modes().items():
            print(f"apertium\t{src}->{tgt}\t-\t{mode}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factalign",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factalign {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    p = sub.add_parser(
        "run",
        help="align every version to the reference and score it: the scored TSV",
        description="Segment every version, align each to the reference, score every bead, write ONE scored TSV.",
    )
    _add_document_options(p)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser(
        "align",
        help="alignment only: the TSV with fidelity and flags empty",
        description="Segment and align; fidelity and flags are left empty for `factalign score`.",
    )
    _add_document_options(p)
    p.set_defaults(func=cmd_align)
    p = sub.add_parser(
        "score",
        help="fill fidelity and flags of an aligned TSV",
        description="Read a TSV from `factalign align` (or `run`) and (re)compute fidelity and flags.",
    )
    p.add_argument("input", metavar="IN.tsv", help="aligned TSV; - reads standard input")
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write here, atomically (default: standard output)"
    )
    _add_model_options(p)
    p.set_defaults(func=cmd_score)
    p = sub.add_parser(
        "summary",
        help="per document pair: coverage, fidelity, flag counts and flagged facts",
        description="Summarize a scored TSV per document pair. "
        "With --fail-under X, exit 1 when any pair's fidelity is below X.",
    )
    p.add_argument("input", metavar="SCORED.tsv", help="scored TSV; - reads standard input")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--fail-under",
        type=_unit_interval,
        metavar="X",
        help="exit status 1 when any pair's fidelity is below X",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write here (default: standard output)")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser(
        "report",
        help="one self-contained HTML page: beads side by side, flagged facts highlighted",
        description="Render a scored TSV as one HTML page (no network needed to open it): per document "
        "pair, the beads side by side with flagged facts highlighted, omitted and added sentences "
        "shaded, and a switch to show only flagged beads.",
    )
    p.add_argument("input", metavar="SCORED.tsv", help="scored TSV; - reads standard input")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT.html",
        help="write here, atomically (default: standard output)",
    )
    p.add_argument("--title", default="factalign report", help="page title")
    p.add_argument("-q", "--quiet", action="store_true", help="nothing on standard error")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser(
        "models",
        help="machine-translation packages for --mt: list them, install Argos packages from a file",
        description="List the translation pairs --mt can use (engine, pair, version, where: "
        "Argos Translate packages and Apertium's installed pairs), or install Argos Translate "
        "packages (.argosmodel files). Nothing is downloaded: get the file on a machine with "
        "network (index: https://www.argosopentech.com/argospm/index/) and install it here. "
        "Packages go to Argos Translate's folder ($ARGOS_PACKAGES_DIR, default "
        "~/.local/share/argos-translate/packages). Apertium pairs come from the system's "
        "packages (apt-get install apertium-en-es ...).",
    )
    models = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    models.add_parser(
        "list", help="installed translation pairs: engine, pair, version, folder or mode file"
    )
    install = models.add_parser("install", help="install .argosmodel files")
    install.add_argument("files", nargs="+", metavar="FILE.argosmodel")
    p.set_defaults(func=cmd_models)
    p = sub.add_parser(
        "batch",
        help="many document sets from a manifest: one scored TSV each, a combined summary",
        description="Run every document set of MANIFEST, on this machine or on a Dask cluster. "
        "MANIFEST is TSV (id<TAB>reference<TAB>version[<TAB>version...] per line, optional "
        'header "id<TAB>reference<TAB>versions") or JSON Lines ({"id": ..., "reference": ..., '
        '"versions": [...]}); relative paths are read from the manifest\'s directory. OUTDIR gets '
        "<id>.tsv per set, summary.json and summary.tsv (one line per document pair or failed "
        "set), and batch-state.sqlite: rerunning skips sets already done whose inputs have not "
        "changed, so an interrupted run resumes. A failing set is recorded and the others go on; "
        "exit status 2 if any set failed.",
    )
    p.add_argument("manifest", metavar="MANIFEST", help="TSV or .jsonl list of document sets")
    p.add_argument(
        "-o", "--output", metavar="OUTDIR", required=True, help="output directory (created)"
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool on this machine (default); dask: an existing Dask cluster",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786)"
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local worker processes, each with its own model (default: one per core)",
    )
    p.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="model threads per worker (default: cores / workers locally, 1 on Dask)",
    )
    _add_segment_options(p)
    p.set_defaults(func=cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    print_input_warnings()
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"factalign: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("factalign: interrupted; no output written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
