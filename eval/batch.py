"""Many document sets in one run: a manifest in, one scored TSV per set and a combined summary out.

The work of one set (:func:`process_set`) is a plain function of picklable arguments, so any
``concurrent.futures.Executor`` can run it: a local process pool, or a Dask cluster through
``distributed.Client.get_executor``. Each worker process loads the embedding model once
(:func:`worker_embedder`) and keeps it for every set it is given.

The driver (:func:`run_batch`) keeps a small SQLite state file in the output directory:
per set, a checksum of its inputs and settings, and whether it is done or failed. A rerun
skips sets that are done with unchanged inputs and whose TSV exists, so a killed run
resumes where it stopped; a failing set is recorded with its error and the others go on.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from align import InputError, MissingBackendError
from align.document import check_unique_ids
from align.embedders import Embedder, embedder_fingerprint, get_embedder
from align.errors import print_input_warnings
from align.reader import reading
from align.translators import Translator, get_translator

from .pipeline import RunSettings, run_set
from .summary import PairSummary, summarize
from .tsv import FLAG_KINDS, atomic_output, check_output_folder, escape, read_tsv, write_rows

STATE_FILE = "batch-state.sqlite"
SUMMARY_JSON = "summary.json"
SUMMARY_TSV = "summary.tsv"
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


@dataclass(frozen=True)
class DocumentSet:
    """One manifest entry: ``set_id`` names the output ``<set_id>.tsv``."""

    set_id: str
    reference: Path
    versions: tuple[Path, ...]


@dataclass(frozen=True)
class SetOutcome:
    """What one set came to. ``status``: ``done``, ``failed`` or ``skipped`` (done before).

    ``worker`` is ``host:pid`` of the process that ran it; ``model_loads`` how many times
    that process had loaded the model by then (1 when it is kept, as it should be).
    """

    set_id: str
    status: str
    error: str = ""
    beads: int = 0
    seconds: float = 0.0
    signature: str = ""
    worker: str = ""
    model_loads: int = 0


@dataclass
class BatchReport:
    """Counts of one :func:`run_batch` call; ``outcomes`` in manifest order."""

    outcomes: list[SetOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)


def read_manifest(path: str | Path) -> list[DocumentSet]:
    """Parse a manifest; relative paths are taken from the manifest's directory.

    JSON Lines (``.jsonl``/``.json``): one object per line,
    ``{"id": "...", "reference": "en.txt", "versions": ["fr.txt", "id.txt"]}``.
    TSV (anything else): ``id<TAB>reference<TAB>version[<TAB>version...]`` per line; a first
    line starting ``id<TAB>`` is a header; blank lines and lines starting ``#`` are skipped.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such manifest") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the manifest is not UTF-8 text") from None
    base = path.parent
    sets: list[DocumentSet] = []
    seen: dict[str, int] = {}
    as_json = path.suffix.lower() in (".jsonl", ".json")
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{path}:{number}"
        if not line.strip() or line.startswith("#"):
            continue
        if as_json:
            entry = _json_entry(line, where)
        else:
            fields_ = [f.strip() for f in line.split("\t")]
            if number == 1 and fields_[0].lower() == "id":
                continue
            if len(fields_) < 3 or not all(fields_):
                raise InputError(
                    f"{where}: expected id<TAB>reference<TAB>version[<TAB>version...], "
                    f"got {len(fields_)} field(s)"
                )
            entry = (fields_[0], fields_[1], fields_[2:])
        set_id, reference, versions = entry
        if not _SAFE_ID.match(set_id):
            raise InputError(
                f"{where}: set id {set_id!r} must be letters, digits, '.', '_' or '-' "
                "(it names the output file)"
            )
        if set_id in seen:
            raise InputError(f"{where}: set id {set_id!r} already used on line {seen[set_id]}")
        seen[set_id] = number
        sets.append(DocumentSet(set_id, base / reference, tuple(base / v for v in versions)))
    if not sets:
        raise InputError(f"{path}: the manifest lists no document sets")
    return sets


def _json_entry(line: str, where: str) -> tuple[str, str, list[str]]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    set_id, reference, versions = obj.get("id"), obj.get("reference"), obj.get("versions")
    if not isinstance(set_id, str) or not isinstance(reference, str):
        raise InputError(f'{where}: "id" and "reference" must be strings')
    if (
        not isinstance(versions, list)
        or not versions
        or not all(isinstance(v, str) and v for v in versions)
    ):
        raise InputError(f'{where}: "versions" must be a non-empty list of paths')
    return set_id, reference, versions


def input_key(docset: DocumentSet, signature: str) -> str:
    """Checksum of the set's settings signature, file names and file contents."""
    digest = hashlib.sha256(signature.encode())
    for role, path in [("ref", docset.reference)] + [("ver", v) for v in docset.versions]:
        digest.update(f"\0{role}\0{path.name}\0".encode())
        with reading(str(path)), path.open("rb") as handle:
            for block in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


_WORKER: dict[tuple[str, bool, int | None], Embedder] = {}
_WORKER_MT: dict[tuple[str, bool], Translator] = {}
_WORKER_LOCK = threading.Lock()
_MODEL_LOADS = 0


def _kept_embedder(name: str, cache: bool, threads: int | None) -> tuple[Embedder, bool]:
    """This process's embedder ``name``, made on first use and then kept; and whether this
    call made it."""
    key = (name, cache, threads)
    made = key not in _WORKER
    if made:
        _WORKER[key] = get_embedder(name, cache=cache, progress=False, threads=threads)
    return _WORKER[key], made


def worker_embedder(settings: RunSettings) -> Embedder:
    """This process's embedder for ``settings``, loaded on first use and then kept."""
    global _MODEL_LOADS
    embedder, made = _kept_embedder(settings.embedder, settings.cache, settings.threads)
    _MODEL_LOADS += made
    return embedder


def worker_second(settings: RunSettings) -> Embedder | None:
    """This process's second embedder for the aligner (None for ``none``), kept once made."""
    if settings.second_embedder == "none":
        return None
    return _kept_embedder(settings.second_embedder, settings.cache, None)[0]


def worker_translator(settings: RunSettings) -> Translator | None:
    """This process's translator for ``settings`` (None without ``mt``), kept once made."""
    if settings.mt is None:
        return None
    key = (settings.mt, settings.cache)
    if key not in _WORKER_MT:
        _WORKER_MT[key] = get_translator(settings.mt, cache=settings.cache, progress=False)
    return _WORKER_MT[key]


def _start_worker(settings: RunSettings) -> None:
    print_input_warnings()
    worker_embedder(settings)


def process_set(docset: DocumentSet, outdir: str, settings: RunSettings) -> SetOutcome:
    """Align and score one set and write ``<outdir>/<set_id>.tsv`` atomically.

    Never raises for a bad set: the error becomes a ``failed`` outcome. A worker running
    several threads still does one set at a time: the model already uses every core given.
    """
    with _WORKER_LOCK:
        return _process_set(docset, outdir, settings)


def _process_set(docset: DocumentSet, outdir: str, settings: RunSettings) -> SetOutcome:
    start = time.perf_counter()
    worker = f"{os.uname().nodename}:{os.getpid()}"
    try:
        check_unique_ids([docset.reference, *docset.versions])
        if docset.reference in docset.versions:
            raise InputError(f"{docset.reference}: the reference is also listed as a version")

        reference = settings.load(docset.reference, reference=True)
        versions = [settings.load(p) for p in docset.versions]
        embedder, second = worker_embedder(settings), worker_second(settings)
        rows = run_set(
            reference,
            versions,
            settings,
            embedder,
            second=second,
            translator=worker_translator(settings),
        )
        signature = rows[0].extra["signature"] if rows else ""
        with atomic_output(str(Path(outdir) / f"{docset.set_id}.tsv")) as out:
            write_rows(rows, out)
    except (InputError, MissingBackendError) as exc:
        return SetOutcome(docset.set_id, "failed", str(exc), worker=worker)
    except Exception as exc:  # a bug must not stop the other sets; keep where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        error = f"internal error {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        return SetOutcome(docset.set_id, "failed", error, worker=worker)
    return SetOutcome(
        docset.set_id,
        "done",
        beads=len(rows),
        seconds=round(time.perf_counter() - start, 3),
        signature=signature,
        worker=worker,
        model_loads=_MODEL_LOADS,
    )


class BatchState:
    """The state file: per set its input key, status, error and timing."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(str(path), timeout=30)
        with self.db:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS sets (set_id TEXT PRIMARY KEY, input_key TEXT, "
                "status TEXT, error TEXT, beads INTEGER, seconds REAL, worker TEXT, model_loads INTEGER, "
                "finished REAL)"
            )

    def get(self, set_id: str) -> tuple[str, str, str]:
        """(status, input key, error) of a set; empty strings when it was never run."""
        row = self.db.execute(
            "SELECT status, input_key, error FROM sets WHERE set_id = ?", (set_id,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else ("", "", "")

    def record(self, outcome: SetOutcome, key: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO sets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    outcome.set_id,
                    key,
                    outcome.status,
                    outcome.error,
                    outcome.beads,
                    outcome.seconds,
                    outcome.worker,
                    outcome.model_loads,
                    time.time(),
                ),
            )

    def close(self) -> None:
        self.db.close()


def local_executor(workers: int, settings: RunSettings) -> Executor:
    """A pool of ``workers`` fresh processes on this machine, each loading the model at start."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings,),
    )


@contextlib.contextmanager
def dask_executor(scheduler: str) -> Iterator[Executor]:
    """An executor on an existing Dask cluster (``tcp://host:8786``); needs ``distributed``.

    Every worker must have factalign and its model installed; a worker whose run signature
    differs from this machine's fails its sets with a message saying so.
    """
    try:
        from distributed import Client
    except ImportError:
        raise MissingBackendError(
            "--engine dask needs Dask's distributed scheduler: pip install 'factalign[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()


def _remove_stale_parts(outdir: Path) -> None:
    for part in outdir.glob(".*.part"):
        with contextlib.suppress(OSError):
            part.unlink()


def run_batch(
    sets: Sequence[DocumentSet],
    outdir: str | Path,
    settings: RunSettings,
    executor: Executor,
    progress: Callable[[SetOutcome, BatchReport, int], None] | None = None,
) -> BatchReport:
    """Process every set not already done, record each outcome, write the combined summary.

    ``progress(outcome, report, remaining)`` is called after each set. On interruption the
    sets finished so far stay recorded and their TSVs stay in place; nothing else is written.
    """
    check_output_folder(str(outdir))
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(outdir)
    started = time.perf_counter()
    translator = worker_translator(settings)
    second = settings.second_embedder
    signature = settings.signature(
        embedder_fingerprint(settings.embedder),
        translator.fingerprint if translator else "none",
        "none" if second == "none" else embedder_fingerprint(second),
    )
    state = BatchState(outdir / STATE_FILE)
    report = BatchReport()
    outcomes: dict[str, SetOutcome] = {}
    keys: dict[str, str] = {}
    todo: list[DocumentSet] = []
    try:
        unreadable: list[SetOutcome] = []
        for docset in sets:
            try:
                keys[docset.set_id] = input_key(docset, signature)
            except InputError as exc:
                keys[docset.set_id] = ""
                unreadable.append(SetOutcome(docset.set_id, "failed", str(exc)))
                continue
            output = outdir / f"{docset.set_id}.tsv"
            status, key, _ = state.get(docset.set_id)
            if status == "done" and key == keys[docset.set_id] and output.exists():
                outcomes[docset.set_id] = SetOutcome(docset.set_id, "skipped")
            else:
                todo.append(docset)
        remaining = len(todo)

        def finish(outcome: SetOutcome) -> None:
            outcomes[outcome.set_id] = outcome
            state.record(outcome, keys[outcome.set_id])
            report.outcomes = [outcomes[s.set_id] for s in sets if s.set_id in outcomes]
            if progress:
                progress(outcome, report, remaining)

        for outcome in unreadable:
            finish(outcome)
        futures: dict[Future[SetOutcome], DocumentSet] = {
            executor.submit(process_set, docset, str(outdir), settings): docset for docset in todo
        }
        for future in as_completed(futures):
            docset = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker itself died (killed, out of memory ...)
                outcome = SetOutcome(docset.set_id, "failed", f"worker lost: {exc!r}")
            if outcome.status == "done" and outcome.signature != signature:
                outcome = replace(
                    outcome,
                    status="failed",
                    error=f"worker {outcome.worker} produced signature {outcome.signature!r}, "
                    f"expected {signature!r}: install the same factalign and models on every worker",
                )
            remaining -= 1
            finish(outcome)
        report.outcomes = [outcomes[s.set_id] for s in sets]
        report.seconds = time.perf_counter() - started
        write_combined_summary(sets, outdir, signature, state)
    finally:
        state.close()
    return report


def _set_summaries(
    sets: Sequence[DocumentSet], outdir: Path, state: BatchState
) -> Iterator[tuple[DocumentSet, str, str, list[PairSummary]]]:
    for docset in sets:
        output = outdir / f"{docset.set_id}.tsv"
        status, _, error = state.get(docset.set_id)
        if status == "done" and output.exists():
            yield docset, "done", "", summarize(read_tsv(str(output)))
        else:
            yield docset, "failed", error or "not processed", []


def write_combined_summary(
    sets: Sequence[DocumentSet], outdir: Path, signature: str, state: BatchState
) -> None:
    """``summary.json`` (per set: status, error, pair summaries) and ``summary.tsv`` (one
    line per document pair, or per failed set), both in manifest order, both atomic."""
    entries = []
    lines = [
        "\t".join(
            (
                "set_id",
                "status",
                "src_doc",
                "tgt_doc",
                "src_lang",
                "tgt_lang",
                "beads",
                "coverage",
                "confident_coverage",
                "fidelity",
                "verdict",
                *FLAG_KINDS,
                "error",
            )
        )
    ]
    for docset, status, error, summaries in _set_summaries(sets, outdir, state):
        entries.append(
            {
                "id": docset.set_id,
                "status": status,
                "output": f"{docset.set_id}.tsv" if status == "done" else None,
                "error": error or None,
                "pairs": [asdict(s) for s in summaries],
            }
        )
        for s in summaries:
            fidelity = "" if s.fidelity is None else f"{s.fidelity:.4f}"
            counts = [str(s.flag_counts.get(kind, 0)) for kind in FLAG_KINDS]
            lines.append(
                "\t".join(
                    (
                        docset.set_id,
                        status,
                        escape(s.src_doc),
                        escape(s.tgt_doc),
                        s.src_lang,
                        s.tgt_lang,
                        str(s.beads),
                        f"{s.coverage:.4f}",
                        f"{s.confident_coverage:.4f}",
                        fidelity,
                        s.verdict,
                        *counts,
                        "",
                    )
                )
            )
        if not summaries:
            empty = [""] * (9 + len(FLAG_KINDS))
            lines.append("\t".join((docset.set_id, status, *empty, escape(error))))
    payload = {"signature": signature, "sets": entries}
    with atomic_output(str(outdir / SUMMARY_JSON)) as out:
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    with atomic_output(str(outdir / SUMMARY_TSV)) as out:
        out.write("\n".join(lines) + "\n")
