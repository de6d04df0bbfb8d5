"""Reading input files as text: encoding detection and refusal of what is not text."""

from __future__ import annotations

import codecs
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx/.odt)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` read from the file ``name`` to text with normalized line ends.

    ``encoding`` forces an encoding; otherwise a BOM decides, then strict UTF-8, then
    charset-normalizer's guess. Binary data (NUL bytes outside UTF-16/32, known binary
    formats) is refused with an :class:`InputError` naming the file.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {exc}") from None
    else:
        text = _detect_and_decode(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect_and_decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: invalid {codec} text after its byte-order mark: {exc}"
                ) from None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a text file")
    if b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(
            f"{name}: not UTF-8 and no text encoding fits; pass --encoding (e.g. --encoding latin-1)"
        )
    # equally plausible readings of short text are common: prefer the most widespread legacy encodings
    preferred = ("cp1252", "latin_1", "iso8859_15", "cp1251", "gb18030", "shift_jis", "euc_kr")

    def rank(match):  # type: ignore[no-untyped-def]
        pref = preferred.index(match.encoding) if match.encoding in preferred else len(preferred)
        return (round(match.chaos, 3), -round(match.coherence, 3), pref)

    return str(min(matches, key=rank))


def read_text_file(path: str | Path, encoding: str | None = None) -> str:
    """Read a whole file as text (see :func:`decode_bytes`); '-' reads standard input."""

    name = str(path)
    with reading(name):
        data = sys.stdin.buffer.read() if name == "-" else Path(path).read_bytes()
    return decode_bytes(data, name, encoding)


@contextlib.contextmanager
def reading(name: str) -> Iterator[None]:
    """Turn the ``OSError`` of reading file ``name`` into an :class:`InputError` naming it."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
