"""Fact extraction and comparison on real sentences in several languages."""

from __future__ import annotations

import pytest

from eval.facts import compare_facts, extract_facts


def keys(text: str, lang: str) -> list[str]:
    return [f.key for f in extract_facts(text, lang)]


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
    assert keys(text, lang) == ["rel:year:-1"]


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Microsoft has invested over $13 billion in OpenAI.", "en"),
        ("Microsoft a investi plus de 13 milliards de dollars dans OpenAI.", "fr"),
        ("Microsoft telah menginvestasikan lebih dari $ 13 miliar di OpenAI.", "id"),
        ("Microsoft invirtió 13.000 millones de dólares en OpenAI.", "es"),
        ("Microsoft investierte 13 Milliarden Dollar in OpenAI.", "de"),
        ("Microsoft invested thirteen billion dollars in OpenAI.", "en"),
    ],
)
def test_thirteen_billion_dollars_everywhere(text: str, lang: str) -> None:
    assert keys(text, lang) == ["money:USD:13000000000"]


def test_number_formats() -> None:
    assert keys("une infrastructure de 15 000 GPU", "fr") == ["num:15000"]
    assert keys("13,000 people and 2,5 tonnes", "en") == ["num:13000", "num:2.5"]
    assert keys("MAI-1 runs on H100 chips", "en") == []
    assert keys("ne se classe qu'au 13ème rang", "fr") == ["ord:13"]
    assert keys("a rise of 25 % in 2024", "en") == ["pct:25", "year:2024"]
    assert keys("我们在2024年花了1,200美元。", "zh")[:1] == ["year:2024"]


def test_absolute_dates() -> None:
    assert keys("on 12 March 2025 at 1200 GMT", "en") == ["date:2025-03-12", "time:12:00"]
    assert keys("el 12 de marzo de 2025", "es") == ["date:2025-03-12"]
    assert keys("in March 2026, as in the 1980s", "en") == ["date:2026-03", "decade:1980"]


def test_product_name_mai_is_not_a_month() -> None:
    assert keys("Actuellement, le modèle MAI a été testé dans les produits Microsoft.", "fr") == []


def test_changed_number_and_dropped_fact() -> None:
    src = extract_facts("Sales rose 12% to $5 million last year.", "en")
    tgt = extract_facts(
        "Les ventes ont augmenté de 15 % pour atteindre 5 millions de dollars.", "fr"
    )
    flags = sorted(f.format() for f in compare_facts(src, tgt))
    assert flags == ["changed:percent:12% -> 15 %", "dropped:date:last year"]


def _entity_flags(src: str, src_lang: str, tgt: str, tgt_lang: str, embedder=None) -> list[str]:  # type: ignore[no-untyped-def]
    from eval.facts import compare_entities, extract_entities

    similarity = None
    if embedder is not None:

        def similarity(a, b):  # type: ignore[no-untyped-def]
            return [float(x) for x in (embedder.embed(list(a)) * embedder.embed(list(b))).sum(1)]

    return [
        f.format()
        for f in compare_entities(
            extract_entities(src, src_lang),
            extract_entities(tgt, tgt_lang),
            src,
            tgt,
            similarity,
            langs=(src_lang, tgt_lang),
        )
    ]


def test_entities_are_names_not_sentence_starts() -> None:
    from eval.facts import extract_entities

    texts = [
        f.text
        for f in extract_entities(
            "Simultaneously, Suleyman's team tested Elon Musk's xAI and DeepSeek.", "en"
        )
    ]
    assert texts == ["Suleyman's", "Elon Musk's", "xAI", "DeepSeek"]
    assert [
        f.text for f in extract_entities("The Colosseum reopened in Rome on Tuesday.", "en")
    ] == ["Colosseum", "Rome"]
    # German capitalizes every noun: a lone noun is matched but never flagged
    weak = {
        f.text: f.qualifier
        for f in extract_entities("Am Dienstag sprach Stephen Colbert in seiner Sendung.", "de")
    }
    assert weak == {"Stephen Colbert": "", "Sendung": "weak"}


def test_same_names_across_spellings_are_not_flagged(embedder) -> None:  # type: ignore[no-untyped-def]
    src = "Microsoft is experimenting with models from Anthropic, Elon Musk's xAI, DeepSeek, and OpenAI."
    assert (
        _entity_flags(
            src, "en", "Anthropic, le modèle XAI de Musk, Deepseek et Openai.", "fr", embedder
        )
        == []
    )
    assert (
        _entity_flags(
            src,
            "en",
            "Microsoft expérimente les modèles d'Anthropic, de xAI (la société de Musk), de DeepSeek et d'OpenAI.",
            "fr",
            embedder,
        )
        == []
    )
    assert (
        _entity_flags(
            src, "en", "Antropik, model XAI Musk, Deepseek dan model Openai.", "id", embedder
        )
        == []
    )


def test_changed_and_dropped_names(embedder) -> None:  # type: ignore[no-untyped-def]
    renamed = _entity_flags(
        "Microsoft AI head Mustafa Suleyman's collaboration with OpenAI has experienced fluctuations.",
        "en",
        "La coopération entre Mauro Suleyman, responsable de l'IA de Microsoft, et OpenAI a connu des hauts "
        "et des bas.",
        "fr",
        embedder,
    )
    assert renamed == ["changed:entity:Mustafa Suleyman's -> Mauro Suleyman"]
    src = "The talks were led by Mustafa Suleyman and Sam Altman in Seattle."
    assert _entity_flags(
        src,
        "en",
        "Les discussions étaient menées par Mauro Rossi et Sam Altman à Seattle.",
        "fr",
        embedder,
    ) in (["changed:entity:Mustafa Suleyman -> Mauro Rossi"], ["dropped:entity:Mustafa Suleyman"])
    dropped = _entity_flags(
        "Microsoft tests models from Anthropic and DeepSeek.",
        "en",
        "Microsoft teste des modèles d'Anthropic.",
        "fr",
        embedder,
    )
    assert dropped == ["dropped:entity:DeepSeek"]
