"""Dates, relative times and durations: found in many languages, compared across them."""

from __future__ import annotations

import pytest

from eval.facts import compare_facts, extract_facts

from .conftest import fact_flags, fact_keys


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("They clashed during a video conference last year.", "en"),
        ("Lors d'une visioconférence l'année dernière, ils ont eu un désaccord.", "fr"),
        ("Ils se sont disputés l'an dernier.", "fr"),
        ("Selama konferensi video tahun lalu, mereka berdebat.", "id"),
        ("El año pasado discutieron durante una videoconferencia.", "es"),
        ("Im vergangenen Jahr stritten sie in einer Videokonferenz.", "de"),
        ("L'anno scorso hanno litigato.", "it"),
        ("No ano passado eles discutiram.", "pt"),
    ],
)
def test_last_year_in_many_languages(text: str, lang: str) -> None:
    assert fact_keys(text, lang) == ["rel:year:-1"]


def test_later_this_year_keeps_its_qualifier_and_compares_equal() -> None:
    en = extract_facts("Microsoft plans to launch a MAI API later this year.", "en")
    fr = extract_facts("Microsoft prévoit de lancer l'API de MAI plus tard cette année.", "fr")
    id_ = extract_facts("berencana untuk meluncurkan API akhir tahun ini.", "id")
    assert [f.key for f in en] == [f.key for f in fr] == [f.key for f in id_] == ["rel:year:+0"]
    assert (en[0].qualifier, fr[0].qualifier, id_[0].qualifier) == ("later", "later", "end")
    assert compare_facts(en, fr) == [] and compare_facts(en, id_) == []


def test_durations_with_approximation() -> None:
    for text, lang in [
        ("Training the MAI model took nearly a year.", "en"),
        ("La formation du modèle MAI a pris près d'un an.", "fr"),
        ("Pelatihan model MAI memakan waktu hampir satu tahun.", "id"),
    ]:
        facts = extract_facts(text, lang)
        assert [(f.key, f.qualifier) for f in facts] == [("dur:year:1", "approx")], text
    changed = compare_facts(
        extract_facts("It took nearly a year.", "en"), extract_facts("Cela a pris trois ans.", "fr")
    )
    assert [f.format() for f in changed] == ["changed:date:nearly a year -> trois ans"]


def test_absolute_dates() -> None:
    assert fact_keys("on 12 March 2025 at 1200 GMT", "en") == ["date:2025-03-12", "time:12:00"]
    assert fact_keys("el 12 de marzo de 2025", "es") == ["date:2025-03-12"]
    assert fact_keys("in March 2026, as in the 1980s", "en") == ["date:2026-03", "decade:1980"]


def test_product_name_mai_is_not_a_month() -> None:
    assert (
        fact_keys("Actuellement, le modèle MAI a été testé dans les produits Microsoft.", "fr")
        == []
    )


def test_less_detail_is_matched_but_a_different_date_is_not() -> None:
    assert fact_flags("en octobre 2016", "fr", "in November 2016", "en") == [
        "changed:date:octobre 2016 -> November 2016"
    ]
    assert fact_flags("en 2016", "fr", "in May 2017", "en") == ["changed:date:2016 -> May 2017"]
    # a spelled "a thousand" is a count, not the year 1000
    assert fact_keys("a fine of up to a thousand tenge", "en") == ["num:1000"]


def test_a_duration_changed_beside_a_language_whose_times_are_not_all_read() -> None:
    """Russian relative times are not all read, so a lone English one is not reported; but
    where the Russian side's duration was read, the two are one fact changed."""
    source = "За три года компания наняла 200 человек."
    assert fact_flags(source, "ru", "In five years the company hired 200 people.", "en") == [
        "changed:date:три года -> five years"
    ]
    assert fact_flags(source, "ru", "In three years the company hired 200 people.", "en") == []
    assert (
        fact_flags(
            "Компания наняла 200 человек.", "ru", "Last year the company hired 200 people.", "en"
        )
        == []
    )


def test_a_date_written_year_first_is_read_where_the_language_writes_it_so() -> None:
    assert fact_keys("Yeni köprü 2027 Mart ayında açılacak.", "tr") == ["date:2027-03"]
    assert fact_keys("Az új híd 2027. március 12. nyílik.", "hu") == ["date:2027-03-12"]
    assert fact_flags(
        "Yeni köprü 2027 Mart ayında açılacak.", "tr", "The new bridge will open in May 2027.", "en"
    ) == ["changed:date:2027 Mart -> May 2027"]
    assert fact_keys("In 2027 May was the warmest month.", "en") == ["year:2027"]


def test_a_chinese_japanese_or_korean_date_is_read_as_a_date() -> None:
    assert fact_keys("新しい橋は2027年3月に開通する。", "ja") == ["date:2027-03"]
    assert fact_keys("２０２７年３月", "ja") == ["date:2027-03"]
    assert fact_keys("会议于2027年3月12日举行。", "zh") == ["date:2027-03-12"]
    assert fact_keys("2027년 3월 12일", "ko") == ["date:2027-03-12"]
    assert fact_flags(
        "新しい橋は2027年3月に開通する。", "ja", "The new bridge will open in May 2027.", "en"
    ) == ["changed:date:2027年3月 -> May 2027"]
    assert fact_flags("3月12日に会議があった。", "ja", "The meeting was on March 12.", "en") == []


def test_last_year_in_hindi() -> None:
    source = "पिछले साल बैठक वीडियो कॉन्फ्रेंस से हुई।"
    assert fact_keys(source, "hi") == ["rel:year:-1"]
    assert fact_flags(source, "hi", "Last year the meeting was held by video.", "en") == []
    assert fact_flags(source, "hi", "The meeting was held by video.", "en") == [
        "dropped:date:पिछले साल"
    ]
