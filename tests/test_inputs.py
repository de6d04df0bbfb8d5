"""Bad and awkward input: one clear line, exit status 2, nothing half-written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align import InputWarning, align_documents, segment_text
from align.reader import decode_bytes
from eval.pipeline import alignment_rows
from eval.summary import verdict
from eval.tsv import read_tsv

from .conftest import REF, ROOT, SEEDS
from .test_cli import factalign


def test_directory_with_a_non_text_file_names_it(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_bytes((SEEDS / "001_355e51555a3ccf1d.txt").read_bytes())
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out.tsv"
    done = factalign("run", "--ref", str(REF), str(tmp_path), "-o", str(out))
    assert done.returncode == 2
    assert "logo.png: this is a PNG image, not a text file" in done.stderr
    assert not out.exists()


def test_duplicate_document_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "fr.txt").write_text("Bonjour. Au revoir.", encoding="utf-8")
    (tmp_path / "fr.md").write_text("Salut. À bientôt.", encoding="utf-8")
    done = factalign(
        "align", "--ref", str(REF), str(tmp_path / "a" / "fr.txt"), str(tmp_path / "fr.md")
    )
    assert done.returncode == 2 and "document id 'fr' is also the id of" in done.stderr


def test_reference_given_again_as_version_is_not_aligned_to_itself(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    done = factalign(
        "align",
        "--ref",
        str(REF),
        str(REF),
        str(SEEDS / "001_355e51555a3ccf1d.txt"),
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert "is the reference; not aligned to itself" in done.stderr
    assert {r.tgt_doc for r in read_tsv(str(out))} == {"001_355e51555a3ccf1d"}


def test_legacy_encodings_and_line_ends_read_like_utf8(tmp_path: Path) -> None:
    text = (SEEDS / "001_355e51555a3ccf1d.txt").read_text(encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        text.replace("🌟 ", "")
        .replace("🔍 ", "")
        .replace("🚀 ", "")
        .replace("\n", "\r\n")
        .encode("cp1252")
    )
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.replace("\n", "\r").encode("utf-16"))
    out = tmp_path / "out.tsv"
    done = factalign("align", "--ref", str(REF), str(latin), str(utf16), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    latin_text = " ".join(r.tgt_text for r in rows if r.tgt_doc == "latin")
    assert "l'année dernière" in latin_text and "Suleyman" in latin_text
    assert sum(len(r.tgt_ids) for r in rows if r.tgt_doc == "utf16") == 17


def test_interrupted_run_leaves_no_output(tmp_path: Path) -> None:
    long_doc = tmp_path / "long.txt"
    long_doc.write_text(
        "\n".join(
            f"Report {i}: the committee approved {i * 7} new rules in district {i % 13}."
            for i in range(4000)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.tsv"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eval.cli",
            "run",
            "--no-cache",
            "--ref",
            str(REF),
            str(long_doc),
            "-o",
            str(out),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        # a test runner started in the background ignores SIGINT, and children inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(8)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted; no output written" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [long_doc]


_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_words, max_size=8), st.lists(_words, max_size=8))
def test_aligner_never_raises_and_covers_every_sentence(embedder, src_lines, tgt_lines) -> None:  # type: ignore[no-untyped-def]
    src = segment_text("\n".join(src_lines), "s", presegmented=True, lang="en")
    tgt = segment_text("\n".join(tgt_lines), "t", presegmented=True, lang="fr")
    alignment = align_documents(src, tgt, embedder)
    assert [i for b in alignment.beads for i in b.src_ids] == list(range(len(src)))
    # a sentence the version moved is paired out of the version's order
    assert sorted(j for b in alignment.beads for j in b.tgt_ids) == list(range(len(tgt)))
    assert all(0.0 <= b.score <= 1.0 for b in alignment.beads)


def test_a_sentence_the_version_moved_is_paired_not_omitted_and_added(embedder) -> None:  # type: ignore[no-untyped-def]
    reference = [
        "The city council met on Monday to discuss the new budget.",
        "The mayor proposed cutting spending on roads by ten percent.",
        "Several councillors objected to the cuts.",
        "The fire brigade will receive two new vehicles next year.",
        "A final vote is expected at the end of the month.",
        "Residents can comment on the plan online until Friday.",
        "The library will stay open on Sundays.",
    ]
    # the French version tells the fire-brigade news last
    version = [
        "Le conseil municipal s'est réuni lundi pour discuter du nouveau budget.",
        "Le maire a proposé de réduire de dix pour cent les dépenses consacrées aux routes.",
        "Plusieurs conseillers se sont opposés à ces coupes.",
        "Un vote final est attendu à la fin du mois.",
        "Les habitants peuvent commenter le projet en ligne jusqu'à vendredi.",
        "La bibliothèque restera ouverte le dimanche.",
        "Les pompiers recevront deux nouveaux véhicules l'année prochaine.",
    ]
    src = segment_text("\n".join(reference), "ref", presegmented=True, lang="en")
    tgt = segment_text("\n".join(version), "fr", presegmented=True, lang="fr")
    beads = [(b.src_ids, b.tgt_ids) for b in align_documents(src, tgt, embedder).beads]
    assert beads == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (6,)),
        ((4,), (3,)),
        ((5,), (4,)),
        ((6,), (5,)),
    ]


def test_a_short_translation_is_one_and_a_short_other_text_is_not(embedder) -> None:  # type: ignore[no-untyped-def]
    # three sentences: the pair's "random" sentences are its only sentences, a sentence's
    # own translation among them (left out of its baseline, or every bead looks doubtful)
    reference = [
        "Tokyo Governor Yuriko Koike said on Monday that the city will open a new library "
        "in Shinjuku next year.",
        "The library will cost about 5 billion yen and hold 300,000 books.",
        "Shohei Ohtani visited the site with children from Osaka.",
    ]
    translation = [
        "東京都の小池百合子知事は月曜日、来年新宿に新しい図書館を開設すると述べた。",
        "図書館の建設費は約50億円で、30万冊の本を所蔵する予定だ。",
        "大谷翔平は大阪の子どもたちと一緒に現場を訪れた。",
    ]
    other = [
        "明日の関東地方は晴れるが、夕方から雨が降る見込みだ。",
        "気温は平年より高く、熱中症に注意が必要だ。",
        "週末には台風が接近するおそれがある。",
    ]
    src = segment_text("\n".join(reference), "ref", presegmented=True, lang="en")
    for lines, expected in ((translation, True), (other, False)):
        tgt = segment_text("\n".join(lines), "ja", presegmented=True, lang="ja")
        alignment = align_documents(src, tgt, embedder)
        assert (verdict(alignment_rows(alignment)) == "translation") == expected
    assert [
        (b.src_ids, b.tgt_ids)
        for b in align_documents(
            src, segment_text("\n".join(translation), "ja", presegmented=True, lang="ja"), embedder
        ).beads
    ] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_long_single_line_is_kept_whole(tmp_path: Path) -> None:
    line = (
        "Microsoft investit 13 milliards de dollars dans OpenAI depuis l'année dernière et la relation change "
        * 3000
    )
    long_line = tmp_path / "oneline.txt"
    long_line.write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    done = factalign("run", "-q", "--ref", str(REF), str(long_line), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    assert "".join(r.tgt_text for r in rows if r.tgt_ids) == line.strip()
    # one sentence repeated 3,000 times renders no stretch of the reference (the model's
    # chance level, not a zero, is what it is measured against): an addition, and the same
    # fact said 3,000 times is one flag of it
    long_bead = next(r for r in rows if r.tgt_ids)
    assert long_bead.src_ids == ()
    assert long_bead.flags.count("addition:money:13 milliards de dollars") == 1
    assert all(len(set(r.flags)) == len(r.flags) for r in rows)


def test_reference_without_any_sentence_is_refused(tmp_path: Path) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text("\u200b … \n\n— ***\n", encoding="utf-8")  # text, but no letter or digit
    out = tmp_path / "out.tsv"
    done = factalign(
        "run", "--ref", str(ref), str(SEEDS / "001_355e51555a3ccf1d.txt"), "-o", str(out)
    )
    assert done.returncode == 2
    assert f"{ref}: no sentences found (the text has no letters or digits)" in done.stderr
    assert not out.exists()


def test_a_language_the_model_does_not_know_warns_and_still_aligns(tmp_path: Path) -> None:
    ref = tmp_path / "en.txt"
    ref.write_text(
        "The meeting took place last year.\nTwenty people were there.\nIt ended at 1200 GMT.\n",
        encoding="utf-8",
    )
    maori = tmp_path / "mi.txt"
    maori.write_text(
        "I tū te hui i tērā tau.\nE rua tekau ngā tāngata i reira.\nI mutu te hui i te 1200 GMT.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.tsv"
    done = factalign("run", "--presegmented", "--ref", str(ref), str(maori), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"{maori}: language 'mi' is not one the embedding model was trained on" in done.stderr
    rows = read_tsv(str(out))
    assert [(r.src_ids, r.tgt_ids) for r in rows] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def _warnings_of(data: bytes, encoding: str | None) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = decode_bytes(data, "doc.txt", encoding)
    return text, [str(w.message) for w in caught if issubclass(w.category, InputWarning)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec: str) -> None:
    text = (SEEDS / "001_355e51555a3ccf1d.txt").read_text(encoding="utf-8")
    assert _warnings_of(text.encode(codec), None) == (text, [])


def test_a_forced_encoding_that_garbles_utf8_text_warns() -> None:
    french = (SEEDS / "001_355e51555a3ccf1d.txt").read_bytes()
    text, said = _warnings_of(french, "latin-1")
    assert "annÃ©e" in text
    assert said == [
        "doc.txt: the bytes are valid UTF-8 but were read as latin-1; "
        "the text may be garbled (drop --encoding to detect it)"
    ]
    english = b"The meeting took place last year and ended early, insiders said."
    _, said = _warnings_of(english + b" " * (len(english) % 2), "utf-16-le")
    assert said == [
        "doc.txt: the text read as utf-16-le looks garbled (mojibake); check the encoding"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "東京都は昨年、新しい予算を発表しました。首相は「経済を立て直す」と述べた。",
        "据知情人士透露，苏莱曼与OpenAI管理层去年在一次视频会议上发生冲突。",
        "सूत्रों ने बताया कि पिछले साल एक वीडियो सम्मेलन के दौरान टकराव हुआ।",
        "Источники сообщили, что в прошлом году они поссорились во время видеоконференции.",
        "ኩባንያው ባለፈው ዓመት ከ13 ቢሊዮን ዶላር በላይ አጥቷል።",
        "كشف مطلعون أن سليمان وإدارة أوبن إيه آي اختلفوا خلال مؤتمر عبر الفيديو العام الماضي.",
        "Le déjeuner a coûté 13 € l'année dernière, à Besançon.",
    ],
)
def test_text_in_any_script_read_in_its_encoding_does_not_warn(text: str) -> None:
    assert _warnings_of(text.encode("utf-8"), None) == (text, [])
    assert _warnings_of(text.encode("utf-8"), "utf-8") == (text, [])


def test_encoding_applies_to_the_versions_and_ref_encoding_to_the_reference(
    tmp_path: Path,
) -> None:
    version = tmp_path / "fr.txt"
    version.write_bytes(
        (SEEDS / "001_355e51555a3ccf1d.txt").read_text(encoding="utf-8").encode("utf-16-le")
    )
    out = tmp_path / "out.tsv"
    done = factalign(
        "align", "--encoding", "utf-16-le", "--ref", str(REF), str(version), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr
    rows = read_tsv(str(out))
    assert {(r.src_lang, r.tgt_lang) for r in rows} == {("en", "fr")}
    assert sum(1 for r in rows if r.src_ids and r.tgt_ids) >= 15
    latin_ref = tmp_path / "en.txt"
    latin_ref.write_bytes(
        "The café opened in Besançon last year.\nIt cost 13 €.\n".encode("cp1252")
    )
    french = tmp_path / "fr2.txt"
    french.write_text(
        "Le café a ouvert à Besançon l'année dernière.\nIl a coûté 13 €.\n", encoding="utf-8"
    )
    done = factalign(
        "align",
        "--presegmented",
        "--ref-encoding",
        "cp1252",
        "--ref",
        str(latin_ref),
        str(french),
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    rows = read_tsv(str(out))
    assert rows[0].src_text == "The café opened in Besançon last year."
    assert rows[0].tgt_text == "Le café a ouvert à Besançon l'année dernière."
