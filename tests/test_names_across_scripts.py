"""Names matched across scripts: transliteration, sound, CLDR exonyms, initials."""

from __future__ import annotations

import pytest

from .conftest import entity_flags


def test_names_in_other_scripts_and_case_endings_are_found(embedder) -> None:  # type: ignore[no-untyped-def]
    hindi = "दोनों एजेंसियों ने याहू और गूगल के बिछाए विशाल फाइबर ऑप्टिक केबल नेटवर्क से गुजरने वाले डाटा को चुराया।"
    assert (
        entity_flags(
            hindi,
            "hi",
            "The two agencies stole data passing through the vast fiber optic cable network "
            "laid by Yahoo and Google.",
            "en",
            embedder,
        )
        == []
    )
    assert (
        entity_flags(
            "Zkušený gólman získal s Chicagem dva Stanley Cupy.",
            "cs",
            "The experienced goalkeeper has won two Stanley Cups with Chicago.",
            "en",
            embedder,
        )
        == []
    )
    # a Latin word that only looks a little like the Russian name is no mention of it
    dropped = entity_flags(
        "Российская певица Полина Гагарина назвала пять продуктов.",
        "ru",
        "Russian singer named five products that helped her again.",
        "en",
        embedder,
    )
    assert dropped == ["dropped:entity:Полина Гагарина"]


def test_countries_and_cities_under_their_other_names(embedder) -> None:  # type: ignore[no-untyped-def]
    # CLDR's exonyms: the name in the other language (or English), inflected or not
    for src, lang, tgt in [
        (
            "la relación con los mexicano-estadounidenses que viven en los Estados Unidos.",
            "es",
            "the relationship with the Mexican-Americans who live in the United States.",
        ),
        (
            "Il est presque impossible d’échanger de l’argent des Malouines en dehors des îles.",
            "fr",
            "It is almost impossible to exchange Falklands money outside the islands.",
        ),
        ("Als Kind britischer Eltern in Tokio geboren.", "de", "Born in Tokyo to British parents."),
        ("Он вернулся в Россию из Москвы.", "ru", "He returned to Russia from Moscow."),
    ]:
        assert entity_flags(src, lang, tgt, "en", embedder) == [], src
    # a different country is still a different country, a different city another city
    from eval.facts.name_match import place_mentioned
    from eval.facts.name_words import normalize_name
    from eval.facts.names_cased import extract_entities

    for src, lang, tgt in [
        ("Die Person habe sich nach Südkorea abgesetzt.", "de", "The person fled to North Korea."),
        ("Er lebt in Österreich.", "de", "He lives in Australia."),
        ("Polina wohnt in Moskau.", "de", "Polina lives in Kiev."),
        ("en los Estados Unidos", "es", "in the United Kingdom"),
    ]:
        place = extract_entities(src, lang)[-1]
        assert not place_mentioned(place, lang, "en", normalize_name(tgt)), src


CITY_SENTENCE = "The summit took place in {} on Monday."


@pytest.mark.parametrize(
    ("city", "lang", "tgt"),
    [
        ("Munich", "ru", "Саммит прошёл в понедельник в Мюнхене."),
        ("Nuremberg", "ru", "Саммит прошёл в понедельник в Нюрнберге."),
        ("Aachen", "fr", "Le sommet a eu lieu lundi à Aix-la-Chapelle."),
        ("Regensburg", "fr", "Le sommet a eu lieu lundi à Ratisbonne."),
        ("Gdansk", "de", "Der Gipfel fand am Montag in Danzig statt."),
        ("Ljubljana", "de", "Der Gipfel fand am Montag in Laibach statt."),
        ("Geneva", "tr", "Zirve pazartesi günü Cenevre'de yapıldı."),
        ("Genoa", "zh", "峰会周一在热那亚举行。"),
        ("Munich", "ja", "サミットは月曜日にミュンヘンで開かれた。"),
    ],
)
def test_a_city_under_its_name_in_another_language(city, lang, tgt, embedder) -> None:  # type: ignore[no-untyped-def]
    # GeoNames' names of cities, inflected or not, in either direction; before them,
    # the Russian, French and German ones above were each a changed name
    src = CITY_SENTENCE.format(city)
    assert entity_flags(src, "en", tgt, lang, embedder) == []
    assert entity_flags(tgt, lang, src, "en", embedder) == []


@pytest.mark.parametrize(
    ("city", "lang", "tgt", "new"),
    [
        ("Gdansk", "de", "Der Gipfel fand am Montag in Breslau statt.", "Breslau"),
        ("Munich", "ru", "Саммит прошёл в понедельник в Нюрнберге.", "Нюрнберге"),
        ("Genoa", "fr", "Le sommet a eu lieu lundi à Ratisbonne.", "Ratisbonne"),
        # two cities GeoNames tells apart, in the same slot, whatever the model says
        ("Warsaw", "pl", "Szczyt odbył się w poniedziałek w Krakowie.", "Krakowie"),
        ("Frankfurt", "zh", "峰会周一在慕尼黑举行。", "慕尼黑"),
        # an English city that is also a word (cologne) is no term German renders by a noun
        ("Cologne", "de", "Der Gipfel fand am Montag in Bonn statt.", "Bonn"),
    ],
)
def test_another_city_under_its_other_name_is_still_another_city(
    city, lang, tgt, new, embedder
) -> None:  # type: ignore[no-untyped-def]
    src = CITY_SENTENCE.format(city)
    assert entity_flags(src, "en", tgt, lang, embedder) == [f"changed:entity:{city} -> {new}"]
    assert entity_flags(tgt, lang, src, "en", embedder) == [f"changed:entity:{new} -> {city}"]


def test_city_names_keep_to_their_script_and_to_case_endings() -> None:
    from eval.facts.city_names import city_ids, city_mentioned

    munich = city_ids("Munich")
    assert munich and city_ids("Мюнхене", "ru") == munich
    # in a language without case endings a name one letter off is another name
    assert city_ids("Ferrari", "en") == frozenset() and city_ids("Ferrara", "en")
    # 巴黎 (Paris) reads "bali" in pinyin: Bali is not Paris; Chinese is looked up as
    # written (佛州, Florida, and 福州, Fuzhou, read alike)
    paris = city_ids("Paris")
    assert paris & city_ids("巴黎")
    assert not paris & city_ids("Bali")
    assert city_ids("福州") and not city_ids("佛州")
    # a word that only begins like a city's name is not that name with a case ending
    assert not city_ids("Sonsonate") & city_ids("Sons", "pl")
    assert not city_ids("Netanya") & city_ids("Netanjahuovu", "cs")
    from eval.facts.names_cased import extract_entities

    place = extract_entities("Polscy siatkarze trenowali w Paryżu.", "pl")[-1]
    assert city_mentioned(place, "pl", "en", "volleyball players trained in paris", [])
    assert not city_mentioned(place, "pl", "en", "volleyball players trained in bali", [])


def test_a_chinese_name_by_its_romanization(embedder) -> None:  # type: ignore[no-untyped-def]
    # 习近平 ~ xijinping
    assert (
        entity_flags(
            "习近平总书记多次强调，中国开放的大门不会关闭，只会越开越大。",
            "zh",
            "General Secretary Xi Jinping has repeatedly emphasized that China's door to "
            "opening up will not be closed, but will only open wider.",
            "en",
            embedder,
        )
        == []
    )


def test_initials_in_another_script_and_currency_codes_beside_names(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.facts import extract_entities

    # США (USA) is left implicit in "Assistant Secretary of State": initials in another
    # script are spelled by that script's own words, and no test ties them to English
    assert (
        entity_flags(
            "Об этом в пятницу заявил бывший помощник госсекретаря США по делам Восточной Азии "
            "и Тихого океана Дэниел Рассел.",
            "ru",
            "Daniel Russell, former Assistant Secretary of State for East Asian and Pacific "
            "Affairs, made the announcement on Friday.",
            "en",
            embedder,
        )
        == []
    )
    # "Only PLN": a capitalized first word and a unit of money, no name
    assert extract_entities("“Only PLN 1.4 billion has been reserved for this year.", "en") == []


def test_a_chinese_transcription_sounds_like_the_name() -> None:
    from eval.facts.model import Fact
    from eval.facts.name_match import transcriptions

    def fact(text: str) -> Fact:
        return Fact("entity", f"ent:{text}", text, 0, len(text))

    han = [fact(t) for t in ("约翰·刘易斯", "休斯敦", "密歇根州", "格雷琴", "许正宇")]
    latin = [fact(t) for t in ("John Lewis", "Houston", "Michigan Gov", "Gretchen", "Hong Kong")]
    heard = transcriptions(han, latin, "zh")
    assert [f.text for f in han if id(f) in heard] == [
        "约翰·刘易斯",
        "休斯敦",
        "密歇根州",
        "格雷琴",
    ]
    assert [f.text for f in latin if id(f) in heard] == [
        "John Lewis",
        "Houston",
        "Michigan Gov",
        "Gretchen",
    ]
    # a different name is no transcription, and Japanese kanji are read otherwise
    assert transcriptions([fact("特朗普")], [fact("Biden")], "zh") == set()
    assert transcriptions([fact("休斯敦")], [fact("Houston")], "ja") == set()


def test_a_transcribed_name_is_no_change(embedder) -> None:  # type: ignore[no-untyped-def]
    source = (
        "这位小时候在自家农场上对着鸡宣讲福音的约翰·刘易斯，后来最终获得了菲斯克大学"
        "（Fisk University）宗教和哲学学位。"
    )
    said = (
        "John Lewis, who preached to chickens on his family farm as a child, finally earned "
        "his degree in religion and philosophy at Fisk University."
    )
    assert entity_flags(source, "zh", said, "en", embedder) == []
    renamed = said.replace("John Lewis", "Martin Sheen")
    assert entity_flags(source, "zh", renamed, "en", embedder) == [
        "changed:entity:约翰·刘易斯 -> Martin Sheen"
    ]


@pytest.mark.parametrize(
    ("english", "version", "lang"),
    [
        (
            "Mayor Hiroshi Tanaka said construction of the new hospital will begin next spring.",
            "市长田中宏表示，新医院将于明年春天开工建设。",
            "zh",
        ),
        (
            "The hospital, designed by the architect Kenzo Mori, will have 450 beds.",
            "这家由建筑师森健三设计的医院将设有450张床位。",
            "zh",
        ),
    ],
)
def test_faithful_names_in_untouched_pairs(english, version, lang, embedder) -> None:  # type: ignore[no-untyped-def]
    """A Japanese name Chinese writes in its kanji, read in Japanese (田中宏 tanaka hiroshi),
    not pinyin."""
    assert entity_flags(english, "en", version, lang, embedder) == []
    assert entity_flags(version, lang, english, "en", embedder) == []


def test_a_japanese_name_replaced_in_chinese_is_still_changed(embedder) -> None:  # type: ignore[no-untyped-def]
    english = "Mayor Hiroshi Tanaka said construction of the new hospital will begin next spring."
    swapped = "市长铃木一郎表示，新医院将于明年春天开工建设。"
    assert entity_flags(english, "en", swapped, "zh", embedder) == [
        "changed:entity:Hiroshi Tanaka -> 铃木"
    ]


def test_a_chinese_name_by_its_surname_alone(embedder) -> None:  # type: ignore[no-untyped-def]
    # translations name a person once introduced by the surname: 顾炎武 ~ Gu
    assert (
        entity_flags(
            "顾炎武道：“此中详情，兄弟倒曾打听过。”",
            "zh",
            "Gu said: 'I have made inquiries about the details of this matter.'",
            "en",
            embedder,
        )
        == []
    )
    assert entity_flags(
        "顾炎武道：“此中详情，兄弟倒曾打听过。”",
        "zh",
        "Huang said: 'I have made inquiries about the details of this matter.'",
        "en",
        embedder,
    ) == ["changed:entity:顾炎武 -> Huang"]
