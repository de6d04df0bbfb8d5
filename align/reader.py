"""Reading input files as text: encoding detection and refusal of what is not text."""

from __future__ import annotations

import codecs
import contextlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, InputWarning

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GARBLE_SAMPLE = 20_000
_MESS_THRESHOLD = 0.2
_UTF16_NULS = 0.3
_UTF16_STRAY = 0.02
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
        doubt = garbled(data, text, encoding)
    else:
        text = _detect_and_decode(data, name)
        doubt = None if _is_utf8(data) else garbled(data, text, None)
    if text.startswith("\ufeff"):
        text = text[1:]
    if doubt:
        warnings.warn(InputWarning(f"{name}: {doubt}"), stacklevel=2)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def garbled(data: bytes, text: str, encoding: str | None) -> str | None:
    """Why ``text``, decoded from ``data`` (with ``encoding`` forced, or guessed for bytes
    that are not UTF-8), looks like mojibake, or None. Two signs: a forced encoding read
    bytes that are valid, not only ASCII, UTF-8 into another text; or the decoded
    characters are a mess by charset-normalizer's measure (runs of unrelated scripts,
    symbols amid letters) above its own detection threshold. Text read as the UTF-8 it
    is never gets the second test: combining tone marks (Yoruba, Vietnamese) look messy
    to it."""
    from charset_normalizer.md import mess_ratio

    if encoding and not data.isascii() and _is_utf8(data):
        if data.decode("utf-8").lstrip("\ufeff") == text.lstrip("\ufeff"):
            return None
        return (
            f"the bytes are valid UTF-8 but were read as {encoding}; "
            "the text may be garbled (drop --encoding to detect it)"
        )
    if mess_ratio(text[:_GARBLE_SAMPLE], _MESS_THRESHOLD) >= _MESS_THRESHOLD:
        how = f"read as {encoding}" if encoding else "as decoded"
        return f"the text {how} looks garbled (mojibake); check the encoding"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when NUL bytes stand in every other byte, as they
    do where UTF-16 without a byte-order mark holds mostly Latin text; else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    nul_even, nul_odd = even.count(0) / half, odd.count(0) / half
    if nul_odd >= _UTF16_NULS and nul_even <= _UTF16_STRAY:
        return "utf-16-le"
    if nul_even >= _UTF16_NULS and nul_odd <= _UTF16_STRAY:
        return "utf-16-be"
    return None


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
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(
            f"{name}: binary data (NUL bytes), not a text file "
            "(if it is text in UTF-16 or UTF-32, pass --encoding)"
        )
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
