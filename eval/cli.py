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

from align import AlignConfig, Document, InputError, doc_id_from_path, get_embedder, load_document
from align.embedders import EMBEDDERS, Embedder
from align.splitters import SPLITTERS, get_splitter

from .fidelity import FidelityConfig
from .pipeline import choose_reference, run
from .report import render_report
from .scoring import score_rows
from .signature import run_signature
from .summary import format_json, format_text, summarize
from .tsv import atomic_output, read_tsv, write_rows

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


def _log(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"factalign: {message}", file=sys.stderr, flush=True)


def load_inputs(args: argparse.Namespace) -> tuple[Document, list[Document], Embedder]:
    """Read, segment and pick the reference; returns (reference, versions, embedder)."""
    files = expand_paths(args.paths or [str(p) for p in default_inputs()])
    ref_path = Path(args.ref).resolve() if args.ref else None
    seen: dict[Path, None] = {}
    for f in files:
        if f.resolve() == ref_path:
            _log(args, f"{f}: is the reference; not aligned to itself")
        else:
            seen.setdefault(f.resolve(), None)
    version_paths = list(seen)
    ids: dict[str, Path] = {}
    for path in ([ref_path] if ref_path else []) + version_paths:
        doc_id = doc_id_from_path(path)
        if doc_id in ids:
            raise InputError(
                f"{path}: document id {doc_id!r} is also the id of {ids[doc_id]}; rename one"
            )
        ids[doc_id] = path
    if len(ids) < 2:
        raise InputError("need at least two documents: a reference and one version")

    def load(path: Path) -> Document:
        return load_document(
            path, splitter=args.splitter, presegmented=args.presegmented, encoding=args.encoding
        )

    embedder = get_embedder(args.embedder, cache=not args.no_cache, progress=not args.quiet)
    reference = load(ref_path) if ref_path else None
    paths = tqdm(
        version_paths,
        desc="reading",
        unit="file",
        disable=True if args.quiet else None,
        leave=False,
    )
    versions = [load(p) for p in paths]
    for doc in ([reference] if reference else []) + versions:
        _log(args, f"{doc.path}: {len(doc)} sentences, language {doc.lang}")
        if doc.lang not in embedder.languages:
            print(
                f"factalign: warning: {doc.path}: language {doc.lang!r} is not one the embedding model "
                "was trained on; its alignment rests mostly on length and shared numbers and names",
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


def _signature(args: argparse.Namespace, embedder: Embedder, align_config: AlignConfig) -> str:
    splitter = get_splitter(
        "lines" if getattr(args, "presegmented", False) else getattr(args, "splitter", "sentencex")
    )
    return run_signature(
        f"{splitter.name}-{splitter.version}",
        embedder.fingerprint,
        align_config,
        FidelityConfig(),
    )


def cmd_run(args: argparse.Namespace, scored: bool = True) -> int:
    reference, versions, embedder = load_inputs(args)
    align_config = AlignConfig(max_bead=args.max_bead)
    signature = _signature(args, embedder, align_config)
    _log(args, f"signature: {signature}")
    rows = run(
        reference,
        versions,
        embedder,
        align_config,
        scored=scored,
        progress=lambda message: _log(args, message),
    )
    rows = [replace(r, extra={**r.extra, "signature": signature}) for r in rows]
    with atomic_output(args.output) as out:
        write_rows(rows, out)
    if args.output not in (None, "-"):
        _log(args, f"wrote {len(rows)} beads for {len(versions)} document pairs to {args.output}")
    return 0


def cmd_align(args: argparse.Namespace) -> int:
    return cmd_run(args, scored=False)


def cmd_score(args: argparse.Namespace) -> int:
    rows = read_tsv(args.input)
    embedder = get_embedder(args.embedder, cache=not args.no_cache, progress=not args.quiet)
    scored = score_rows(rows, embedder)
    with atomic_output(args.output) as out:
        write_rows(scored, out)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    rows = read_tsv(args.input)
    if not rows:
        raise InputError(f"{args.input}: no beads in the TSV")
    summaries = summarize(rows)
    signature = rows[0].extra.get("signature") or None
    text = (
        format_json(summaries, signature) + "\n"
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
    rows = read_tsv(args.input)
    if not rows:
        raise InputError(f"{args.input}: no beads in the TSV")
    page = render_report(rows, title=args.title, signature=rows[0].extra.get("signature") or None)
    with atomic_output(args.output) as out:
        out.write(page)
    if args.output not in (None, "-"):
        _log(
            args,
            f"wrote the report of {len({r.pair for r in rows})} document pairs to {args.output}",
        )
    return 0


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
        "--presegmented",
        action="store_true",
        help="input is one sentence per line; a blank line is a paragraph break",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the TSV here, atomically (default: standard output)",
    )
    p.add_argument(
        "--splitter",
        choices=SPLITTERS,
        default="sentencex",
        help="sentence splitter (default: sentencex)",
    )
    p.add_argument(
        "--encoding", metavar="NAME", help="force the input encoding (default: detected)"
    )
    p.add_argument(
        "--max-bead",
        type=int,
        default=3,
        choices=range(1, 6),
        metavar="N",
        help="largest number of sentences a bead may merge on one side (default: 3)",
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
        help="do not read or write the embedding cache ($FACTALIGN_CACHE or ~/.cache/factalign)",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or signature on standard error"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factalign",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
