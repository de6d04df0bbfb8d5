"""Documents: a version of the text split into sentences, with paragraph and language per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .langid import UNDETERMINED, detect_language, majority_language, sentence_languages
from .profile import phased
from .splitters import Splitter, get_splitter

_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?;:。！？…»”\"')\]]\s*$")


@dataclass(frozen=True)
class Document:
    """One version of a document, segmented.

    ``paragraphs[i]`` is the 0-based paragraph of sentence ``i`` (a soft anchor for the
    aligner); ``langs[i]`` its language (ISO 639-1, ``"und"`` when unknown); ``lang`` the
    language covering most of the text.
    """

    doc_id: str
    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...]
    langs: tuple[str, ...]
    lang: str
    path: str = ""

    def __len__(self) -> int:
        return len(self.sentences)


def doc_id_from_path(path: str | Path) -> str:
    """Document id: the file name without its last extension (``en.003.txt`` -> ``en.003``)."""
    name = Path(path).name
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def check_unique_ids(paths: list[Path]) -> None:
    """Refuse two files whose document ids (see :func:`doc_id_from_path`) are the same."""
    ids: dict[str, Path] = {}
    for path in paths:
        doc_id = doc_id_from_path(path)
        if doc_id in ids:
            raise InputError(
                f"{path}: document id {doc_id!r} is also the id of {ids[doc_id]}; rename one"
            )
        ids[doc_id] = path


def split_blocks(text: str, presegmented: bool) -> list[tuple[int, str]]:
    """Cut ``text`` into (paragraph index, block) pairs before sentence splitting.

    Presegmented input: every non-blank line is one block, blank lines start a new
    paragraph. Running text: blank lines separate paragraphs; inside one, each line is
    its own paragraph unless the lines look hard-wrapped (most end mid-sentence), in
    which case they are joined.
    """
    blocks: list[tuple[int, str]] = []
    para = 0
    for chunk in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if presegmented:
            blocks.extend((para, line) for line in lines)
            para += 1
        elif _looks_wrapped(lines):
            blocks.append((para, " ".join(lines)))
            para += 1
        else:
            for line in lines:
                blocks.append((para, line))
                para += 1
    return blocks


def _looks_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    open_ends = sum(1 for line in lines[:-1] if not _SENTENCE_END.search(line))
    return open_ends > 0.6 * (len(lines) - 1)


def segment_text(
    text: str,
    doc_id: str = "doc",
    *,
    splitter: Splitter | str = "sentencex",
    presegmented: bool = False,
    lang: str | None = None,
    path: str = "",
) -> Document:
    """Split ``text`` into a :class:`Document`.

    ``lang`` forces the language (ISO 639-1); otherwise it is detected per sentence and the
    document takes the majority. ``presegmented`` means one sentence per line.
    """
    if isinstance(splitter, str):
        splitter = get_splitter("lines" if presegmented else splitter)
    elif presegmented:
        splitter = get_splitter("lines")
    blocks = split_blocks(text, presegmented)
    guess = lang or detect_language(" ".join(b for _, b in blocks[:50]))
    split_lang = guess if guess != UNDETERMINED else "en"
    sentences: list[str] = []
    paragraphs: list[int] = []
    for para, block in blocks:
        for sentence in splitter.split(block, split_lang):
            sentences.append(sentence)
            paragraphs.append(para)
    langs = [lang] * len(sentences) if lang else sentence_languages(sentences)
    doc_lang = lang or majority_language(sentences, langs)
    return Document(
        doc_id=doc_id,
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        langs=tuple(langs),
        lang=doc_lang,
        path=path,
    )


@phased("segmentation")
def load_document(
    path: str | Path,
    *,
    splitter: str = "sentencex",
    presegmented: bool = False,
    encoding: str | None = None,
    lang: str | None = None,
) -> Document:
    """Read and segment one file; refuses empty files and files without any sentence."""
    from .reader import read_text_file

    text = read_text_file(path, encoding)
    if not text.strip():
        raise InputError(f"{path}: empty file (no text to align)")
    doc = segment_text(
        text,
        doc_id_from_path(path),
        splitter=splitter,
        presegmented=presegmented,
        lang=lang,
        path=str(path),
    )
    if not any(ch.isalnum() for sentence in doc.sentences for ch in sentence):
        raise InputError(f"{path}: no sentences found (the text has no letters or digits)")
    return doc
