"""Words and sentences left in the source language, on DEMETR's code-mixed translations."""

from __future__ import annotations

import pytest

from eval.untranslated import copied_words, left_untranslated


@pytest.mark.parametrize(
    ("src", "src_lang", "tgt", "expected"),
    [
        (
            "我不知道你有没有意识到，大部分货物都是免关税的。",
            "zh",
            "I don't 知道 if you realize that most goods are duty free.",
            ["知道"],
        ),
        (
            "A Parigi si spera che le ditte francesi ricevano una commessa del valore di 20 miliardi.",
            "it",
            "Paris hopes that francesi firms will receive an order worth 20 billion.",
            ["francesi"],
        ),
        # a function word of the source, however short
        (
            "Die Person habe sich nach Südkorea abgesetzt und sei jetzt zurückgekehrt.",
            "de",
            "The person fled to South Korea und has now returned.",
            ["und"],
        ),
        (
            "Macura je primátorem Ostravy od listopadu 2014.",
            "cs",
            "Macura has been mayor of Ostrava od November 2014.",
            ["od"],
        ),
        # words both languages use, and names, are no untranslated words
        (
            "Bush a fait part de son projet d'élargir le commerce en Asie.",
            "fr",
            "Bush announced his plan to expand commerce in Asia.",
            [],
        ),
        (
            "Le festival de radio a lieu à Paris.",
            "fr",
            "The radio festival takes place in Paris.",
            [],
        ),
        (
            "Schetyna stwierdził także, że Jarosław Kaczyński boi się debatować.",
            "pl",
            "Schetyna also stated that Jarosław Kaczyński is afraid to debate.",
            [],
        ),
    ],
)
def test_copied_words(src: str, src_lang: str, tgt: str, expected: list[str]) -> None:
    assert copied_words(src, tgt, src_lang, "en") == expected


def test_a_sentence_full_of_foreign_names_is_still_translated() -> None:
    names = (
        "In an interview for Rzeczpospolita, Schetyna also stated that Jarosław Kaczyński and "
        "Mateusz Morawiecki are afraid to debate with him and Małgorzata Kidawa-Błońska."
    )
    assert not left_untranslated(names, "pl", "en")
    polish = (
        "Schetyna stwierdził także, że Jarosław Kaczyński i Mateusz Morawiecki boją się debatować."
    )
    assert left_untranslated(polish, "pl", "en")
    # a Spanish sentence in a French version of an English text is no translation, but it
    # was not left in English either
    spanish = "descubre por qué microsoft prefirió desarrollar su propio modelo de ia"
    assert not left_untranslated(spanish, "en", "fr")
    assert left_untranslated("why microsoft preferred to build its own model", "en", "fr")


def test_a_code_mixed_twin_scores_below_the_translation(embedder) -> None:  # type: ignore[no-untyped-def]
    from align import segment_text
    from eval import run

    sources = [
        "我不知道你有没有意识到，从中美洲进口到这个国家的大部分货物都是免关税的。",
        "护林员会密切监督参加虫害防治补充试验的射手，因为试验会受到监测，并会评估其效果。",
        "彗星可能是地球上的水和有机物的来源，这些有机物可以形成蛋白质并维持生命的存续。",
    ]
    good = [
        "I don't know if you realize that most of the goods imported into this country "
        "from Central America are duty free.",
        "Rangers closely monitor shooters participating in supplemental pest control trials "
        "as the trials are monitored and their effectiveness assessed.",
        "Comets may have been the source of Earth's water and organic matter that can form proteins and sustain life.",
    ]
    mixed = [
        "I don't 知道 if you realize that most of the goods imported into this country "
        "from Central America are duty free.",
        "Rangers closely monitor shooters participating in supplemental pest control trials "
        "因为 the trials are monitored and their effectiveness assessed.",
        "彗星 may have been the source of Earth's water and organic matter that can form proteins and sustain life.",
    ]

    def doc(lines: list[str], name: str):  # type: ignore[no-untyped-def]
        return segment_text("\n".join(lines), name, presegmented=True)

    rows = run(doc(sources, "src"), [doc(good, "good"), doc(mixed, "mixed")], embedder)
    by_doc = {
        name: [r for r in rows if r.tgt_doc == name and r.src_ids and r.tgt_ids]
        for name in ("good", "mixed")
    }
    assert len(by_doc["good"]) == len(by_doc["mixed"]) == 3
    for g, m in zip(by_doc["good"], by_doc["mixed"], strict=True):
        assert (g.fidelity or 0.0) > (m.fidelity or 0.0), (g.tgt_text, m.tgt_text)
        assert any(f.startswith("untranslated:language:") for f in m.flags)
        assert not any(f.startswith("untranslated:") for f in g.flags)


def test_a_japanese_source_is_read_without_mecab() -> None:
    # wordfreq's Japanese tokenizer needs MeCab, which is not installed: the word lists
    # are read directly
    assert (
        copied_words(
            "市議会は新しい budget を承認した。", "The council approved the new budget.", "ja", "en"
        )
        == []
    )
    assert copied_words(
        "市議会は新しい予算を承認した。", "The council approved the new 予算.", "ja", "en"
    ) == ["予算"]


def test_a_short_translation_the_detector_misreads_keeps_none_of_the_source_words() -> None:
    """*Hier ist es also* reads as English on its own; it shares no word with *So here it
    is*, so it is a translation. The same sentence left in English is untranslated."""
    assert not left_untranslated("Hier ist es also.", "en", "de", "So here it is.")
    assert left_untranslated("So here it is.", "en", "de", "So here it is.")
