"""Reading and segmenting: the seeds, paragraphs, pre-segmented input, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import InputError, doc_id_from_path, load_document, segment_text
from align.reader import decode_bytes

from .conftest import SEEDS


def test_seed_languages_are_detected(seed_docs) -> None:  # type: ignore[no-untyped-def]
    langs = {k[:3]: d.lang for k, d in seed_docs.items()}
    assert langs == {"000": "fr", "001": "fr", "002": "id", "003": "en", "004": "fr"}
    # the opinion piece mixes Spanish and French: sentences keep their own language
    mixed = seed_docs["004_3dbb8be4327ffdce"]
    assert mixed.langs[0] == "es" and mixed.langs[-1] == "es" and mixed.langs[10] == "fr"


def test_key_takeaways_list_is_split_per_bullet(seed_docs) -> None:  # type: ignore[no-untyped-def]
    doc = seed_docs["003_547da99c0c626299"]
    assert len(doc) == 18
    assert doc.sentences[14] == "Key takeaways:"
    assert doc.sentences[15].startswith("🌟 Microsoft AI head")
    assert doc.sentences[17].startswith("🚀 Despite")
    assert doc.sentences[9].startswith("Training the MAI model took nearly a year")
    # each line of the seed is a paragraph
    assert doc.paragraphs[0] == doc.paragraphs[1] != doc.paragraphs[2]


def test_presegmented_lines_and_blank_line_paragraphs() -> None:
    doc = segment_text("One. Two.\nThree\n\nFour\n", "d", presegmented=True, lang="en")
    assert doc.sentences == ("One. Two.", "Three", "Four")
    assert doc.paragraphs == (0, 0, 1)


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = "This sentence is wrapped\nacross several lines of\nthe file and ends here. Then\nanother one.\n"
    doc = segment_text(text, "d", lang="en")
    assert doc.sentences == (
        "This sentence is wrapped across several lines of the file and ends here.",
        "Then another one.",
    )


def test_doc_id_drops_only_the_last_extension() -> None:
    assert doc_id_from_path("x/en.003.txt") == "en.003"
    assert doc_id_from_path("README") == "README"


def test_encodings_are_detected() -> None:
    text = "L'année dernière, Microsoft a investi 13 milliards de dollars à Genève."
    assert decode_bytes(text.encode("utf-16"), "f") == text
    assert decode_bytes(text.encode("cp1252"), "f") == text
    assert decode_bytes(b"a\r\nb\rc", "f") == "a\nb\nc"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"ab\x00cd" * 10, "binary"),
    ],
)
def test_bad_files_are_refused_by_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"bad.txt: .*{message}"):
        load_document(path)


def test_seeds_are_the_shared_ones_unchanged() -> None:
    shared = SEEDS.parents[1] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds not beside this checkout")
    for path in shared.iterdir():
        assert (SEEDS / path.name).read_bytes() == path.read_bytes()
