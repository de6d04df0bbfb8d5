"""Names in scripts without case (Chinese, Japanese, Hindi): where a name can stand, and
whether a version kept, changed or dropped it."""

from __future__ import annotations

import pytest

from .conftest import entity_flags


@pytest.mark.parametrize(
    ("source", "lang", "said", "name", "other", "old"),
    [
        (
            "वाशिंगटन पोस्ट ने पूर्व एनएसए कॉन्ट्रैक्टर एडवर्ड स्नोडन से जुटाए दस्तावेजों के आधार पर यह खुलासा किया है।",
            "hi",
            "The Washington Post has made this disclosure based on documents gathered from "
            "former NSA contractor {}.",
            "Edward Snowden",
            "Recep Tayyip Erdoğan",
            "एडवर्ड स्नोडन",
        ),
        (
            "暴雨致重庆71条次中小河流出现涨水，当地已先后发布两个洪水预警。",
            "zh",
            "The heavy rain caused 71 small and medium-sized rivers in {} to swell, and the "
            "local area has issued two flood warnings.",
            "Chongqing",
            "Finnish Gulf",
            "重庆",
        ),
    ],
)
def test_a_name_replaced_beside_a_script_without_case(  # type: ignore[no-untyped-def]
    embedder, source: str, lang: str, said: str, name: str, other: str, old: str
) -> None:
    # Hindi, Chinese: no capitals, so the version's names are checked against the source,
    # and a name put in place of one of the source's is paired with what it replaced
    assert entity_flags(source, lang, said.format(name), "en", embedder) == []
    assert entity_flags(source, lang, said.format(other), "en", embedder) == [
        f"changed:entity:{old} -> {other}"
    ]


def test_names_next_to_other_scripts_titles_and_short_names() -> None:
    from eval.facts import extract_entities
    from eval.facts.name_match import mentioned
    from eval.facts.name_words import normalize_name

    # a Latin name running into Chinese is the Latin part
    # (the Chinese names come from jieba's tags, which here also take 中断, a break, for
    # a place)
    texts = [
        f.text
        for f in extract_entities("受疫情影响，CBA联赛在中断近5个月后，于6月20日开始复赛。", "zh")
    ]
    assert texts[0] == "CBA" and not any("联赛" in t for t in texts)
    # after a title's full stop a name does not open a sentence
    assert [f.text for f in extract_entities("A raíz de esto, M. Tremblay dimitió.", "es")] == [
        "Tremblay"
    ]
    # "U.S" is not inside "Moscú San Petersburgo" (u s)
    us = extract_entities("Workers arrive in U.S. every year.", "en")[0]
    other = "Llegan a Moscú, San Petersburgo y otras ciudades."
    assert not mentioned(us, other, normalize_name(other))


def test_where_a_name_may_stand_in_text_without_case() -> None:
    from eval.facts.names_caseless import caseless_spans

    def spans(text: str, lang: str) -> list[str]:
        return [text[a:b] for a, b in caseless_spans(text, lang)]

    # words of a Han run, katakana and Latin runs; never a particle or a common word
    japanese = spans("レバンテフジ静岡は清水周一執行役員が委嘱プレートを受け取った。", "ja")
    assert {"レバンテフジ", "静岡", "清水", "プレート"} <= set(japanese)
    assert not {"は", "が", "を"} & set(japanese)
    # Hindi: words and pairs of words, not postpositions
    hindi = spans("पुलिस ने अदालत को बताया कि जाहिद की मौत हुई।", "hi")
    assert "जाहिद" in hindi and "ने" not in hindi and "को" not in hindi
    # a frequent name is still a name (मोदी is among Hindi's 150 most common words)
    assert spans("मोदी ने कहा", "hi") == ["मोदी"]
    # Chinese: its words (jieba), an unknown name among them, and a transcribed name whole
    chinese = spans("该电站站长段梦琪说，这位宣讲福音的约翰·刘易斯后来", "zh")
    assert {"段梦琪", "约翰·刘易斯", "站长"} <= set(chinese)
    assert not {"说", "的"} & set(chinese)
    # Thai writes no spaces between words and they are not cut here: no stretch at all
    assert spans("นายกรัฐมนตรีกล่าวว่าประเทศไทยจะเปิดประเทศ", "th") == []
    # a date or an amount the fact extractors read is judged as one, not as a name
    hebrew = spans("ראש העיר אמר בשנה שעברה שהגשר יעלה 40 מיליון אירו.", "he")
    assert "העיר" in hebrew
    assert not {"בשנה", "שעברה", "בשנה שעברה", "מיליון", "אירו", "מיליון אירו"} & set(hebrew)
    assert "去年" not in spans("市议会去年批准了新预算。", "zh")


def test_a_faithful_version_of_a_hebrew_reference_has_no_name_dropped(  # type: ignore[no-untyped-def]
    embedder,
) -> None:
    source = "ראש העיר אמר שהגשר יעלה 40 מיליון אירו."
    faithful = "The mayor said the bridge would cost 40 million euros."
    assert entity_flags(source, "he", faithful, "en", embedder) == []


def test_a_name_dropped_from_a_chinese_source(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.facts import extract_entities

    # jieba's part-of-speech tags find Chinese names: person, place, a transcribed name
    names = [
        f.text for f in extract_entities("该电站站长段梦琪说，这位约翰·刘易斯来自重庆。", "zh")
    ]
    assert {"段梦琪", "约翰·刘易斯", "重庆"} <= set(names)
    source = "暴雨致重庆71条次中小河流出现涨水，当地已先后发布两个洪水预警。"
    said = (
        "The heavy rain caused 71 small and medium-sized rivers{} to swell, and the local "
        "area has issued two flood warnings."
    )
    assert entity_flags(source, "zh", said.format(" in Chongqing"), "en", embedder) == []
    assert entity_flags(source, "zh", said.format(""), "en", embedder) == ["dropped:entity:重庆"]


def test_japanese_names_by_their_reading(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.facts import extract_entities

    # janome's tags find the names, their romanized reading is what English spells
    names = extract_entities("東京都の小池百合子知事は記者会見で述べた。", "ja")
    assert [(f.text, f.key) for f in names] == [
        ("東京", "ent:tokyo"),
        ("小池百合子", "ent:koike yuriko"),
    ]
    # a family and a given name IPAdic cuts short are joined whole
    assert [f.text for f in extract_entities("福岡市の高島宗一郎市長は", "ja")] == [
        "福岡",
        "高島宗一郎",
    ]
    source = "大谷翔平は昨日の試合で二本の本塁打を打った。"
    said = "{} hit two home runs in yesterday's game."
    # janome reads 大谷 Ooya, pykakasi Ootani: either spelling is the name
    for name in ("Shohei Otani", "Shohei Ohtani"):
        assert entity_flags(source, "ja", said.format(name), "en", embedder) == []
    assert entity_flags(source, "ja", said.format("He"), "en", embedder) == [
        "dropped:entity:大谷翔平"
    ]
    assert entity_flags(source, "ja", said.format("Ichiro Suzuki"), "en", embedder) == [
        "changed:entity:大谷翔平 -> Ichiro Suzuki"
    ]
    source = "長野県諏訪市で新しい図書館が開館した。"
    for faithful in (
        "A new library opened in Suwa City, Nagano Prefecture.",
        "A new library has opened in the city of Suwa in Nagano.",
    ):
        assert entity_flags(source, "ja", faithful, "en", embedder) == []
    assert entity_flags(
        source, "ja", "A new library opened in Nagano Prefecture.", "en", embedder
    ) == ["dropped:entity:諏訪"]


def test_a_katakana_name_inside_a_term_is_not_judged_alone() -> None:
    from eval.facts import extract_entities

    # グリニッジ標準時 is Greenwich Mean Time, which English writes GMT
    names = extract_entities("車両は同日のグリニッジ標準時12時頃に運び出された。", "ja")
    assert names == []
    assert [f.text for f in extract_entities("ロシアから34人が入国した。", "ja")] == ["ロシア"]


@pytest.mark.parametrize(
    ("source", "said", "name", "dropped"),
    [
        (
            "मनमोहन सिंह प्रधानमंत्री हैं और उनकी सरकार है, फिर भी उन्हें मोदी से जवाब चाहिए।",
            "{}is the Prime Minister and he has a government, yet he needs an answer from Modi.",
            "Manmohan Singh ",
            "मनमोहन सिंह",
        ),
        (
            "उनके मुताबिक, तीन बार प्रधानमंत्री रह चुके बर्लुस्कोनी ने पूर्व टीवी एंकर "
            "फ्रांसिस्का पास्कल से अपने निजी चैपल में शादी कर ली है।",
            "According to him, three-time prime minister {}married former TV anchor "
            "Francisca Pascal in his private chapel.",
            "Berlusconi ",
            "बर्लुस्कोनी",
        ),
    ],
)
def test_a_name_dropped_from_a_hindi_source(  # type: ignore[no-untyped-def]
    embedder, source: str, said: str, name: str, dropped: str
) -> None:
    # Hindi has no capitals to find the name by: the words whose deletion brings the
    # pair much closer are what the version left out
    assert entity_flags(source, "hi", said.format(name), "en", embedder) == []
    flags = entity_flags(source, "hi", said.format("").capitalize(), "en", embedder)
    assert flags == [f"dropped:entity:{dropped}"]


def test_a_country_dropped_from_a_chinese_source(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.facts import extract_entities
    from eval.facts.name_match import place_ids

    # CLDR names 土耳其 Turkey: a version without that name has spelling against it
    source = (
        "该声明称，土耳其还将接管对被捕的伊斯兰国武装分子的看守任务；欧洲国家拒绝将他们遣送回国。"
    )
    (turkey,) = [f for f in extract_entities(source, "zh") if f.text == "土耳其"]
    assert place_ids(turkey, "zh") == {"T:TR"}
    said = (
        "{}would also take over custody of captured Islamic State fighters, the statement "
        "said, European countries have refused to send them home."
    )
    assert entity_flags(source, "zh", said.format("Turkey "), "en", embedder) == []
    assert entity_flags(source, "zh", said.format("").capitalize(), "en", embedder) == [
        "dropped:entity:土耳其"
    ]


@pytest.mark.parametrize(
    ("source", "said", "name"),
    [
        (
            "लेकिन उसके पश्चात मि. चेन ने टेलीविजन पर स्वीकार किया कि, उन्होंने राज्य के आंशिक "
            "स्वामित्व वाली कम्पनी के बारे में मनगढंत खबर लिखने के लिए रिश्वत लिया था।",
            "But after that Mr.{} admitted on television that he had taken bribes to write "
            "fabricated news about a partially owned state company.",
            (" Chen", "", "चेन"),
        ),
        (
            'कैप्लोविट्ज कहते हैं, "मैं बहुत-सा समय अभिभावकों को यह भरोसा दिलाने में खर्च करता '
            'हूँ - कि आम तौर से यह पूर्ण यौवन की दिशा में द्रुत प्रगति को नहीं दर्शाता।"',
            "{}ays, \"I spend a lot of time convincing parents—that it usually doesn't "
            'indicate rapid progress toward full puberty."',
            ("Kaplowitz s", "S", "कैप्लोविट्ज"),
        ),
        (
            'मूरे ने रिपोर्टर से कहा कि आंरम्भिक शव परीक्षण में संकेत मिलते हैं कि जॉनसन की मृत्यु "स्थितीय '
            'श्वसावरोध" के परिणामस्वरूप हुई।',
            "{}old the reporter that the initial autopsy indicated that Johnson died as a "
            'result of "positional asphyxia".',
            ("Moore t", "T", "मूरे"),  # gains 0.024, but no Hindi word is rarer
        ),
    ],
)
def test_a_hindi_word_no_token_of_the_version_renders_is_dropped(  # type: ignore[no-untyped-def]
    embedder, source: str, said: str, name: tuple[str, str, str]
) -> None:
    # Hindi has no capitals to find the name by: among the words with no counterpart in
    # the version, the one whose deletion brings the pair closer by 0.025 (a rare one:
    # 0.015) was left out
    kept, gone, word = name
    assert entity_flags(source, "hi", said.format(kept), "en", embedder) == []
    assert entity_flags(source, "hi", said.format(gone), "en", embedder) == [
        f"dropped:entity:{word}"
    ]


def test_a_latin_word_opening_a_sentence_without_case_is_a_name() -> None:
    from eval.facts import extract_entities

    # Twitter is a common word to wordfreq's Japanese list, but in a script without
    # capitals a word in Latin letters opening the sentence is no capitalized word
    source = "Twitterなどのソーシャルメディアは重要なメディアになっている。"
    assert [f.text for f in extract_entities(source, "ja")] == ["Twitter"]
    assert [f.text for f in extract_entities("Twitter is an important medium.", "en")] == []


@pytest.mark.parametrize(
    ("source", "kept", "gone", "name"),
    [
        (
            "ブランビーズが２４－０で快勝し、開幕３連勝の勝ち点１４として首位に立った。",
            "The Brumbies easily won 24-0, taking the lead with 14 points after three "
            "straight wins at the start of the season.",
            "They easily won 24-0, taking the lead with 14 points after three straight wins "
            "at the start of the season.",
            "ブランビーズ",
        ),
        (
            "解放された国民の健康は概して良好で、在ナイジェリア大使館が用意した安全な場所で保護されている。",
            "The health of the released nationals is generally good and they are being "
            "protected in a safe place provided by the embassy in Nigeria.",
            "The health of the released nationals is generally good and they are being "
            "protected in a safe place provided by the embassy.",
            "ナイジェリア",
        ),
    ],
)
def test_japanese_names_ipadic_does_not_tag(  # type: ignore[no-untyped-def]
    embedder, source: str, kept: str, gone: str, name: str
) -> None:
    from eval.facts import extract_entities

    # ブランビーズ is no word IPAdic knows (a rare katakana word: weak, judged as a lone
    # German noun is); ナイジェリア is a country though a noun follows it (在...大使館)
    assert name in [f.text for f in extract_entities(source, "ja")]
    assert entity_flags(source, "ja", kept, "en", embedder) == []
    assert entity_flags(source, "ja", gone, "en", embedder) == [f"dropped:entity:{name}"]
    # a common katakana loanword is no name
    assert [f.text for f in extract_entities("ジャケットとシャツを買った。", "ja")] == []
