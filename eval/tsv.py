"""The scored alignment TSV: the one reader and writer of factalign's product.

Contract (also in the README): UTF-8, tab-separated, a header row, no comment lines,
one row per bead in document order per document pair. The first twelve columns are
:data:`COLUMNS` in that order; more may follow. Text fields escape backslash, TAB, LF
and CR as ``\\\\``, ``\\t``, ``\\n``, ``\\r``.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.profile import phased

COLUMNS: tuple[str, ...] = (
    "src_doc",
    "tgt_doc",
    "src_lang",
    "tgt_lang",
    "bead",
    "src_ids",
    "tgt_ids",
    "src_text",
    "tgt_text",
    "align_score",
    "fidelity",
    "flags",
)
FLAG_SEPARATOR = " | "
FLAG_KINDS = (
    "omission",
    "addition",
    "dropped",
    "added",
    "changed",
    "untranslated",
    "low_similarity",
)

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPE_RE = re.compile(r"[\\\t\n\r]")
_UNESCAPE_RE = re.compile(r"\\(.?)", re.DOTALL)


@dataclass(frozen=True)
class Row:
    """One bead of one document pair, as it appears in the TSV.

    ``fidelity`` is None until the bead is scored; ``flags`` are ``kind:category:text``
    items; ``extra`` keeps columns after the contract's twelve, in order.
    """

    src_doc: str
    tgt_doc: str
    src_lang: str
    tgt_lang: str
    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    src_text: str
    tgt_text: str
    align_score: float
    fidelity: float | None = None
    flags: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def bead(self) -> str:
        return f"{len(self.src_ids)}-{len(self.tgt_ids)}"

    @property
    def pair(self) -> tuple[str, str]:
        return (self.src_doc, self.tgt_doc)

    def scored(self, fidelity: float, flags: Iterable[str]) -> Row:
        return replace(self, fidelity=fidelity, flags=tuple(flags))


def escape(text: str) -> str:
    """Escape backslash, TAB, LF and CR for a TSV field."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text)


def unescape(field_text: str) -> str:
    """Inverse of :func:`escape`; an unknown escape keeps its backslash."""
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPES.get(m.group(1), m.group()), field_text)


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in ids)


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def format_row(row: Row, extra_columns: tuple[str, ...] = ()) -> str:
    """One TSV line (without its newline)."""
    fields = [
        row.src_doc,
        row.tgt_doc,
        row.src_lang,
        row.tgt_lang,
        row.bead,
        _ids(row.src_ids),
        _ids(row.tgt_ids),
        row.src_text,
        row.tgt_text,
        _decimal(row.align_score),
        _decimal(row.fidelity),
        FLAG_SEPARATOR.join(row.flags),
    ]
    fields += [row.extra.get(c, "") for c in extra_columns]
    return "\t".join(escape(f) for f in fields)


@phased("TSV")
def write_rows(rows: Iterable[Row], out: IO[str]) -> None:
    """Write the header and every row to ``out``."""
    rows = list(rows)
    extra: tuple[str, ...] = tuple(dict.fromkeys(c for r in rows for c in r.extra))
    out.write("\t".join(COLUMNS + extra) + "\n")
    for row in rows:
        out.write(format_row(row, extra) + "\n")


def check_output(path: str | None) -> None:
    """Refuse, before any work, an output target that cannot be written.

    ``None`` and ``-`` are standard output. A symlink is judged by what it points to. An
    existing FIFO or character device (``/dev/stdout``) must be writable; otherwise the
    target must be a regular file or not exist yet, in a folder where a file can be
    created (tried, since permission bits do not tell root or a read-only mount).
    """
    if path in (None, "-"):
        return
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise InputError(f"{path}: is a directory; name a file to write")
    if target.exists() and not target.is_file():
        if _is_stream(target):
            if not os.access(target, os.W_OK):
                raise InputError(f"{path}: not writable")
            return
        raise InputError(f"{path}: not a regular file, a FIFO or a device; cannot write there")
    directory = target.parent
    if not directory.is_dir():
        raise InputError(f"{path}: directory {directory} does not exist")
    _try_writing_in(directory, path)
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError(f"{path}: not writable")


def check_output_folder(path: str) -> None:
    """Refuse, before any work, a folder of outputs that cannot be made or written into:
    it must be a folder or not exist yet, and a file must be creatable in it (or in the
    nearest folder above it that exists)."""
    if path == "-":
        raise InputError("-o names a folder here; standard output cannot hold one")
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_dir():
        raise InputError(f"{path}: exists and is not a directory")
    probe_in = target
    while not probe_in.exists():
        probe_in = probe_in.parent
    if not probe_in.is_dir():
        raise InputError(f"{path}: {probe_in} is not a directory")
    _try_writing_in(probe_in, path)


def _try_writing_in(directory: Path, path: str) -> None:
    """Create and remove a file in ``directory``, or raise the :class:`InputError` of
    output ``path`` (permission bits do not tell root or a read-only mount)."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".factalign-", suffix=".part", dir=directory)
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {directory}: {exc.strerror or exc}") from None
    os.close(fd)
    os.unlink(probe)


def _is_stream(path: Path) -> bool:
    mode = path.stat().st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Open ``path`` for writing so that it appears only when complete; ``None`` or ``-`` is stdout.

    A regular file gets the text through a temporary file beside it that is renamed over it
    at the end; on any error or interruption the temporary file is removed and the file is
    untouched. A symlink is followed: its target is replaced and the link stays. A FIFO or
    a character device is written into directly. An error of writing is an
    :class:`InputError` naming ``path`` (see :func:`check_output`, which callers run first).
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    check_output(path)
    target = Path(os.path.realpath(path))
    if target.exists() and _is_stream(target):
        with _writing(path), open(target, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~umask
    os.chmod(tmp, mode)
    try:
        with _writing(path), os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with _writing(path):
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _writing(path: str) -> Iterator[None]:
    """Turn an ``OSError`` of writing ``path`` into an :class:`InputError` naming it."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _parse_ids(text: str, where: str) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        ids = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise InputError(
            f"{where}: expected comma-separated sentence indices, got {text!r}"
        ) from None
    if any(i < 0 for i in ids):
        raise InputError(f"{where}: negative sentence index in {text!r}")
    return ids


def _parse_unit(text: str, where: str, optional: bool) -> float | None:
    if text == "" and optional:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: expected a decimal in [0, 1], got {text!r}") from None
    if not (0.0 <= value <= 1.0) or math.isnan(value):
        raise InputError(f"{where}: expected a decimal in [0, 1], got {text!r}")
    return value


def _row_from_fields(values: dict[str, str], where: str, extra_columns: list[str]) -> Row:
    """Validate one parsed line; ``where`` is ``file:line`` for error messages."""

    def at(column: str) -> str:
        return f"{where}: column {column}"

    src_ids = _parse_ids(values["src_ids"], at("src_ids"))
    tgt_ids = _parse_ids(values["tgt_ids"], at("tgt_ids"))
    if not src_ids and not tgt_ids:
        raise InputError(f"{at('src_ids')}: a bead needs at least one sentence on one side")
    if values["bead"] != f"{len(src_ids)}-{len(tgt_ids)}":
        raise InputError(f"{at('bead')}: {values['bead']!r} does not match the sentence indices")
    align_score = _parse_unit(values["align_score"], at("align_score"), optional=False)
    assert align_score is not None
    flags = tuple(f for f in values["flags"].split(FLAG_SEPARATOR) if f) if values["flags"] else ()
    for flag in flags:
        if flag.split(":", 1)[0] not in FLAG_KINDS:
            raise InputError(f"{at('flags')}: unknown flag kind in {flag!r}")
    return Row(
        src_doc=values["src_doc"],
        tgt_doc=values["tgt_doc"],
        src_lang=values["src_lang"],
        tgt_lang=values["tgt_lang"],
        src_ids=src_ids,
        tgt_ids=tgt_ids,
        src_text=values["src_text"],
        tgt_text=values["tgt_text"],
        align_score=align_score,
        fidelity=_parse_unit(values["fidelity"], at("fidelity"), optional=True),
        flags=flags,
        extra={c: values[c] for c in extra_columns},
    )


def read_rows(lines: Iterable[str], name: str = "<stdin>") -> list[Row]:
    """Parse a TSV written by :func:`write_rows`; a malformed line raises :class:`InputError`
    naming the line and the column."""
    iterator = iter(lines)
    header_line = next(iterator, None)
    if header_line is None or not header_line.strip():
        raise InputError(f"{name}: empty input, expected a factalign TSV with a header row")
    header = header_line.rstrip("\n").rstrip("\r").split("\t")
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise InputError(
            f"{name}:1: header does not start with the factalign columns "
            f"({' '.join(COLUMNS)}); got {' '.join(header[: len(COLUMNS)])!r}"
        )
    extra_columns = header[len(COLUMNS) :]
    rows: list[Row] = []
    for number, line in enumerate(iterator, start=2):
        line = line.rstrip("\n").rstrip("\r")
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise InputError(
                f"{name}:{number}: expected {len(header)} tab-separated columns, found {len(fields)}"
            )
        values = dict(zip(header, (unescape(f) for f in fields), strict=True))
        rows.append(_row_from_fields(values, f"{name}:{number}", extra_columns))
    return rows


def read_tsv(path: str) -> list[Row]:
    """Read a TSV file (``-`` for standard input)."""
    from align.reader import read_text_file

    text = read_text_file(path)
    return read_rows(text.split("\n"), "<stdin>" if path == "-" else path)
