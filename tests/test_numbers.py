"""Numbers, money and percentages: found in any script and format, compared across languages."""

from __future__ import annotations

import pytest

from eval.facts import compare_facts, extract_facts

from .conftest import fact_flags, fact_keys


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Microsoft has invested over $13 billion in OpenAI.", "en"),
        ("Microsoft a investi plus de 13 milliards de dollars dans OpenAI.", "fr"),
        ("Microsoft telah menginvestasikan lebih dari $ 13 miliar di OpenAI.", "id"),
        ("Microsoft invirtió 13.000 millones de dólares en OpenAI.", "es"),
        ("Microsoft investierte 13 Milliarden Dollar in OpenAI.", "de"),
        ("Microsoft invested thirteen billion dollars in OpenAI.", "en"),
        ("マイクロソフトはOpenAIに130億ドルを投資した。", "ja"),
        ("微软向OpenAI投资了130亿美元。", "zh"),
    ],
)
def test_thirteen_billion_dollars_everywhere(text: str, lang: str) -> None:
    assert fact_keys(text, lang) == ["money:USD:13000000000"]


def test_money_in_chinese_and_japanese_takes_its_currency_after_the_scale() -> None:
    # 円, 元 and ドル follow 億 or 万 unspaced, and the sentence goes on unspaced too
    assert fact_keys("建設費は約50億円で、来年完成する。", "ja") == [
        "money:JPY:5000000000",
        "rel:year:+1",
    ]
    assert fact_keys("项目花费了5000万元人民币。", "zh") == ["money:CNY:50000000"]
    changed = compare_facts(
        extract_facts("The library will cost about 5 billion yen.", "en"),
        extract_facts("図書館の建設費は約70億円だ。", "ja"),
    )
    assert [f.format() for f in changed] == ["changed:money:5 billion yen -> 70億円"]


def test_number_formats() -> None:
    assert fact_keys("une infrastructure de 15 000 GPU", "fr") == ["num:15000"]
    assert fact_keys("13,000 people and 2,5 tonnes", "en") == ["num:13000", "num:2.5"]
    # a product's number is its own kind of figure: it must survive, not count as a quantity
    assert fact_keys("MAI-1 runs on H100 chips", "en") == ["code:1", "code:100"]
    assert (
        compare_facts(
            extract_facts("MAI-1 runs on H100 chips", "en"),
            extract_facts("MAI-1 tourne sur des puces H100", "fr"),
        )
        == []
    )
    assert fact_keys("ne se classe qu'au 13ème rang", "fr") == ["ord:13"]
    assert fact_keys("a rise of 25 % in 2024", "en") == ["pct:25", "year:2024"]
    assert fact_keys("我们在2024年花了1,200美元。", "zh")[:1] == ["year:2024"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ኩባንያው ባለፈው ዓመት ከ13 ቢሊዮን ዶላር በላይ አጥቷል።", "am"),  # Amharic
        ("Kampuni ilipoteza zaidi ya dola bilioni 13 mwaka jana.", "sw"),  # Swahili
    ],
)
def test_a_figure_whose_scale_words_are_not_read_is_kept_not_dropped(text: str, lang: str) -> None:
    en = extract_facts("The company lost over $13 billion last year.", "en")
    version = extract_facts(text, lang)
    assert [f.key for f in version] == ["num:13"]
    assert compare_facts(en, version, "en", lang) == []
    # another figure is still a change, and a language whose scale words are read still
    # compares amounts
    other = extract_facts(text.replace("13", "14"), lang)
    assert [f.format() for f in compare_facts(en, other, "en", lang)] == [
        "dropped:money:$13 billion",
        "added:number:14",
    ]
    spanish = extract_facts("La empresa perdió más de 13 millones de dólares el año pasado.", "es")
    assert [f.format() for f in compare_facts(en, spanish, "en", "es")] == [
        "changed:money:$13 billion -> 13 millones de dólares"
    ]


def test_changed_number_and_dropped_fact() -> None:
    src = extract_facts("Sales rose 12% to $5 million last year.", "en")
    tgt = extract_facts(
        "Les ventes ont augmenté de 15 % pour atteindre 5 millions de dollars.", "fr"
    )
    flags = sorted(f.format() for f in compare_facts(src, tgt))
    assert flags == ["changed:percent:12% -> 15 %", "dropped:date:last year"]


@pytest.mark.parametrize(
    ("src", "src_lang", "tgt"),
    [
        # a month we cannot read in Polish or Russian leaves only the year: not "changed"
        (
            "Od wycofania się USA z umowy w maju 2015 roku",
            "pl",
            "Since the US left the deal in May 2015",
        ),
        ("Это произошло в октябре 2016 года.", "ru", "This happened in October 2016."),
        # less detail on one side is not a different date
        ("nació el 10 de octubre de 1958", "es", "born in October 1958"),
        # "ten" is Polish for "this": ten rok = this year, not 10 years
        (
            "na ten rok zarezerwowano raptem 1,4 mld zł",
            "pl",
            "PLN 1.4 billion reserved for this year",
        ),
        # 時間 is hours (a duration), not a time of day; 年/月 read as a date
        ("8月6日から48時間実施すると説明した。", "ja", "to be held for 48 hours from August 6th."),
        (
            "増田巡査は１８９５年７月に高串に赴任。",
            "ja",
            "Masuda was assigned to Takagushi in July 1895.",
        ),
        ("lo scorso mese è tornato quest'anno", "it", "returned last month this year"),
        # "several million" is no figure, and a capitalized number word is a name
        ("Plusieurs millions de flacons", "fr", "Several million vials"),
        ("L'attaccante Otto ha segnato.", "it", "The striker Otto scored."),
        # "today" for "during the day" or "currently"
        (
            "ulteriori dettagli verranno confermati in giornata",
            "it",
            "details will be confirmed later today",
        ),
        (
            "la parte contraria sigue peleando en la actualidad",
            "es",
            "the other side still fights today",
        ),
        # a number word in a name is matched when both sides say it, never reported alone
        (
            "baptisées « Les sept sœurs », d’au moins 100 mètres",
            "fr",
            'dubbed "The Seven Sisters," at least 100 meters',
        ),
        (
            "baptisées « Les grottes », d’au moins 100 mètres",
            "fr",
            'dubbed "The Seven Sisters," at least 100 meters',
        ),
        # Roman-numeral centuries are figures
        (
            "entre le Xe–XIe siècle et le XIVe siècle",
            "fr",
            "between the 10th-11th century and the 14th century",
        ),
        # a date known by its name
        ("dans l’ère de l’après-11 septembre 2001", "fr", "in the post-9/11 era"),
        # the first of a month in words, before or after the month
        ("Am ersten November kämpfen sie in Imola.", "de", "On November 1st, they fight in Imola."),
        (
            "Am ersten November kämpfen sie in Imola.",
            "de",
            "On November first they fight in Imola.",
        ),
        # midnight, an era year beside the year in digits, school years as ordinals
        ("8月6日午前0時から48時間実施する。", "ja", "for 48 hours from midnight on August 6th."),
        ("増田巡査は１８９５（明治２８）年７月に赴任。", "ja", "Masuda was assigned in July 1895."),
        (
            "増田巡査は１８９５（明治２８）年７月に赴任。",
            "ja",
            "Masuda was assigned in July 1895 (Meiji 28).",
        ),
        # a rate is no length of time
        (
            "Anto suele hacer tres viajes al día.",
            "es",
            "Anto usually makes three trips a day.",
        ),
        (
            "３年主体で戦い、２年は控えに回っていた。",
            "ja",
            "third-year players fought, second-year players were kept in reserve.",
        ),
    ],
)
def test_faithful_renderings_raise_no_fact_flag(src: str, src_lang: str, tgt: str) -> None:
    assert fact_flags(src, src_lang, tgt, "en") == []


def test_a_number_glued_to_a_name_is_a_figure_of_its_own() -> None:
    assert fact_flags(
        "Zdůvodnil to nutností provést Bulharsko pandemií covidu-19.",
        "cs",
        "He justified this by the need to guide Bulgaria through the covid-93 pandemic.",
        "en",
    ) == ["changed:number:covidu-19 -> covid-93"]
    assert (
        fact_flags("sagte Formel-1-Boss Chase Carey", "de", "said Formula 1 boss Chase Carey", "en")
        == []
    )
    assert fact_keys("the F-35 and 15,000 H100 GPUs", "en") == ["code:35", "num:15000", "code:100"]
    # Chinese names the disease in its own words (新冠): nothing to compare the 19 with
    assert fact_flags("进行了新冠肺炎检测。", "zh", "were tested for COVID-19.", "en") == []


@pytest.mark.parametrize(
    ("src", "src_lang", "tgt", "expected"),
    [
        # number words in Hindi and Russian, inflected or joined to a noun (number-parser)
        (
            "на трех верфях были заложены еще шесть кораблей",
            "ru",
            "six ships were laid down at three shipyards",
            [],
        ),
        ("назвала пять продуктов", "ru", "named three products", ["changed:number:пять -> three"]),
        ("तीन बार प्रधानमंत्री रह चुके बर्लुस्कोनी", "hi", "three-time prime minister Berlusconi", []),
        ("छह-बिंदु वाली हार्नेस बेल्ट", "hi", "five-point harness belts", ["changed:number:छह -> five"]),
        ("तीसरे नंबर पर कोहली", "hi", "At number three, Kohli", []),
        ("एक वर्ष पहले 57 से नीचे", "hi", "down from 57 a year ago", []),
    ],
)
def test_number_words_in_hindi_and_russian(
    src: str, src_lang: str, tgt: str, expected: list[str]
) -> None:
    assert fact_flags(src, src_lang, tgt, "en") == expected


def test_figures_said_another_way_still_change() -> None:
    assert fact_flags("au XIVe siècle", "fr", "in the 15th century", "en") == [
        "changed:number:XIVe -> 15th"
    ]
    assert fact_flags("昭和64年に生まれた", "ja", "born in 1988", "en") == [
        "changed:date:昭和64 -> 1988"
    ]
    assert fact_flags("à minuit", "fr", "at noon", "en") == ["changed:date:minuit -> noon"]
    assert fact_flags("Er kam heute an.", "de", "He arrived yesterday.", "en") == [
        "changed:date:heute -> yesterday"
    ]
    assert fact_flags("am ersten November", "de", "on November 2nd", "en") == [
        "changed:date:ersten November -> November 2nd"
    ]


def test_korean_figures_with_their_scale_and_currency() -> None:
    # 만 is 10^4 and 억 10^8, glued to the digits; particles follow the currency (유로의)
    assert fact_keys("4500만 유로의 예산을 승인했다.", "ko") == ["money:EUR:45000000"]
    assert fact_keys("회사는 작년에 130억 달러 이상을 잃었다.", "ko")[-1] == "money:USD:13000000000"
    english = extract_facts("It approved a budget of 45 million euros.", "en")
    assert (
        compare_facts(english, extract_facts("4500만 유로의 예산을 승인했다.", "ko"), "en", "ko")
        == []
    )
    changed = compare_facts(
        english, extract_facts("4600만 유로의 예산을 승인했다.", "ko"), "en", "ko"
    )
    assert [f.format() for f in changed] == ["changed:money:45 million euros -> 4600만 유로"]


def test_indian_scale_words_in_hindi_and_english() -> None:
    source = "परियोजना पर 12 करोड़ रुपये खर्च हुए और 5 लाख लोगों को लाभ मिला।"
    assert fact_keys(source, "hi") == ["money:INR:120000000", "num:500000"]
    # the nukta written as its own mark is the same word
    assert fact_keys(source.replace("ड़", "ड\u093c"), "hi")[0] == "money:INR:120000000"
    assert fact_keys("Sales reached Rs. 3 crore, up from 40 lakh.", "en") == [
        "money:INR:30000000",
        "num:4000000",
    ]
    said = "The project cost 120 million rupees and helped 500,000 people."
    assert fact_flags(source, "hi", said, "en") == []
    assert fact_flags(source, "hi", said.replace("120", "150"), "en") == [
        "changed:money:12 करोड़ रुपये -> 150 million rupees"
    ]
    # Hindi also borrows the English scale words
    assert fact_keys("कंपनी ने 13 बिलियन डॉलर कमाए।", "hi") == ["money:USD:13000000000"]


def test_hindi_arab_alone_is_the_people_not_a_billion() -> None:
    assert fact_keys("अरब देशों के नेता मिले।", "hi") == []
    assert fact_flags("Leaders of Arab countries met.", "en", "अरब देशों के नेता मिले।", "hi") == []
    assert fact_keys("सरकार ने पांच अरब रुपये खर्च किए।", "hi") == ["money:INR:5000000000"]
    assert fact_keys("सरकार ने 5 अरब रुपये खर्च किए।", "hi") == ["money:INR:5000000000"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("이 거래는 4천만 유로 규모이다.", "money:EUR:40000000"),
        ("정부는 1조 2천억 원을 투자했다.", "money:KRW:1200000000000"),
        ("회사는 3억 5000만 달러를 벌었다.", "money:USD:350000000"),
        ("행사에 5천 명이 참석했다.", "num:5000"),
    ],
)
def test_korean_figures_with_their_units(text: str, key: str) -> None:
    assert fact_keys(text, "ko") == [key]


def test_a_korean_article_number_is_no_trillion() -> None:
    assert fact_keys("제3조에 따라 처리한다.", "ko") == ["num:3"]
    assert (
        fact_flags(
            "The deal is worth 40 million euros.", "en", "이 거래는 4천만 유로 규모이다.", "ko"
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        ("Угода коштує 40 мільйонів євро.", "uk", ["money:EUR:40000000"]),
        ("Уряд виділив 3 млрд гривень.", "uk", ["money:UAH:3000000000"]),
        ("Зарплати зросли на 5 відсотків.", "uk", ["pct:5"]),
        ("Угода охоплює п'ять заводів і дев’ять шахт.", "uk", ["num:5", "num:9"]),
        ("تبلغ قيمة الصفقة 40 مليون يورو.", "ar", ["money:EUR:40000000"]),
        ("ارتفعت الأسعار 5 في المئة.", "ar", ["pct:5"]),
        ("تبلغ قيمة الصفقة ٤٠٫٥ مليون يورو.", "ar", ["money:EUR:40500000"]),
    ],
)
def test_ukrainian_and_arabic_figures_with_their_words(
    text: str, lang: str, keys: list[str]
) -> None:
    assert fact_keys(text, lang) == keys


def test_a_word_that_goes_on_past_an_apostrophe_is_no_number() -> None:
    # Ukrainian сім'я is a family, not seven
    assert fact_keys("Сім’я жила тут.", "uk") == []
    assert (
        fact_flags(
            "The deal is worth 40 million euros and covers five factories.",
            "en",
            "Угода коштує 40 мільйонів євро й охоплює п'ять заводів.",
            "uk",
        )
        == []
    )


_BRIDGE = "The bridge will cost 40 million euros, the mayor said."


@pytest.mark.parametrize(
    ("lang", "faithful"),
    [
        ("sv", "Bron kommer att kosta 40 miljoner euro, sa borgmästaren."),
        ("da", "Broen kommer til at koste 40 millioner euro, sagde borgmesteren."),
        ("nb", "Brua vil koste 40 millioner euro, sa ordføreren."),
        ("fi", "Silta maksaa 40 miljoonaa euroa, pormestari sanoi."),
        ("ro", "Podul va costa 40 de milioane de euro, a spus primarul."),
        ("hu", "A híd 40 millió euróba kerül, mondta a polgármester."),
        ("sk", "Most bude stáť 40 miliónov eur, povedal starosta."),
        ("hr", "Most će stajati 40 milijuna eura, rekao je gradonačelnik."),
        ("sl", "Most bo stal 40 milijonov evrov, je dejal župan."),
        ("bg", "Мостът ще струва 40 милиона евро, каза кметът."),
        ("vi", "Cây cầu sẽ có giá 40 triệu euro, thị trưởng nói."),
        ("he", "הגשר יעלה 40 מיליון אירו, אמר ראש העיר."),
        ("fa", "شهردار گفت این پل 40 میلیون یورو هزینه دارد."),
        ("el", "Η γέφυρα θα κοστίσει 40 εκατομμύρια ευρώ, είπε ο δήμαρχος."),
    ],
)
def test_an_amount_with_its_scale_and_currency_in_more_languages(lang: str, faithful: str) -> None:
    assert fact_keys(faithful, lang) == ["money:EUR:40000000"]
    assert fact_flags(_BRIDGE, "en", faithful, lang) == []
    changed = fact_flags(_BRIDGE, "en", faithful.replace("40", "45"), lang)
    assert len(changed) == 1 and changed[0].startswith("changed:money:40 million euros -> 45 ")


def test_danish_and_norwegian_billions_are_a_thousand_times_a_milliard() -> None:
    assert fact_keys("Budgettet voksede med 2,5 milliarder kroner.", "da") == ["num:2500000000"]
    assert fact_keys("Budgettet voksede med 2,5 billioner kroner.", "da") == ["num:2500000000000"]


def test_a_quarter_of_a_year_is_no_figure_four() -> None:
    """四半期 (a quarter) opens with the numeral four: no 4, and not joined to the figure
    before it (第3四半期 is the third quarter, not 34)."""
    assert fact_keys("第3四半期に物価は3.5%上昇した。", "ja") == ["num:3", "pct:3.5"]
    assert (
        fact_flags(
            "Prices rose 3.5% in the third quarter.", "en", "第3四半期に物価は3.5%上昇した。", "ja"
        )
        == []
    )
    assert fact_keys("第三四半期の売上は25%増えた。", "ja") == ["num:3", "pct:25"]


def test_a_percent_sign_joined_to_the_next_word_is_a_percentage() -> None:
    """売上は25%増えた (sales rose 25%): the sign needs no space or stop after it."""
    assert fact_keys("売上は25%増えた。", "ja") == ["pct:25"]
    assert fact_flags("Sales rose 25%.", "en", "売上は30%増えた。", "ja") == [
        "changed:percent:25% -> 30%"
    ]
    assert fact_keys("eine 25%ige Steigerung", "de") == ["pct:25"]


@pytest.mark.parametrize(
    ("english", "version", "lang"),
    [
        ("Exports doubled last year.", "昨年、輸出は2倍になった。", "ja"),
        ("The tower is twice as tall as the old one.", "その塔は古い塔の2倍の高さだ。", "ja"),
        ("The population tripled.", "人口は3倍になった。", "ja"),
        ("A quarter of the budget goes to health.", "予算の4分の1が保健に充てられる。", "ja"),
        ("A third of the budget goes to health.", "三分之一的预算用于卫生。", "zh"),
        ("Half a million people were evacuated.", "50万人が避難した。", "ja"),
        ("Half a million people were evacuated.", "五十万人被疏散。", "zh"),
        (
            "Half a million people were evacuated.",
            "Eine halbe Million Menschen wurde evakuiert.",
            "de",
        ),
        ("The 19th-century building was restored.", "Здание XIX века было отреставрировано.", "ru"),
    ],
)
def test_a_figure_said_in_words_in_one_language_and_in_digits_in_another(
    english: str, version: str, lang: str
) -> None:
    """A figure said in words is one in digits: "doubled" 2倍, "a quarter" 4分の1, "half a
    million" 50万, XIX века the 19th century: faithful, both ways."""
    assert fact_flags(english, "en", version, lang) == []
    assert fact_flags(version, lang, english, "en") == []


def test_a_multiplier_changed_is_still_flagged() -> None:
    assert fact_flags("Exports tripled last year.", "en", "昨年、輸出は2倍になった。", "ja") == [
        "added:number:2"
    ]
    assert fact_keys("Half a billion dollars were lost.", "en") == ["money:USD:500000000"]


def test_a_figure_stated_matches_before_a_multiplier_word_beside_it() -> None:
    """The word "triple" is an optional 3: the three attributes the German says match the
    English "three", not the word "triple"."""
    german = "Flick nannte in seiner persönlichen Tripleformel die drei Attribute."
    english = "In his personal triple formula, Flick named the three attributes."
    assert fact_flags(german, "de", english, "en") == []
    assert fact_flags(english, "en", german, "de") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("бюджет в размере 12 миллиардов иен", "ru"),
        ("120억 엔의 예산", "ko"),
        ("ميزانية قدرها 12 مليار ين", "ar"),
        ("12 अरब येन के बजट", "hi"),
        ("120亿日元的预算", "zh"),
    ],
)
def test_yen_in_other_languages(text: str, lang: str) -> None:
    assert fact_keys(text, lang) == ["money:JPY:12000000000"]


def test_a_round_count_said_as_a_noun_is_the_figure() -> None:
    # une centaine, ein Dutzend: the figure another language writes; des centaines is none
    assert (
        fact_flags("Rund hundert Leute kamen.", "de", "Une centaine de personnes vinrent.", "fr")
        == []
    )
    assert fact_flags("About 12 people came.", "en", "Ein Dutzend Leute kamen.", "de") == []
    assert fact_flags(
        "Rund hundert Leute kamen.", "de", "Des centaines de personnes vinrent.", "fr"
    ) == ["dropped:number:hundert"]
    # 百分之百: a hundred per cent, said without its 一
    assert fact_keys("那是百分之百的天然橡胶。", "zh") == ["pct:100"]


def test_chinese_counts_in_pairs_taels_and_units() -> None:
    # 三三两两: in twos and threes, no figure; 一万两银子: 10,000 taels (两 is no 2 there)
    assert fact_keys("路上都有三三两两的汉子。", "zh") == []
    assert (
        fact_flags("人家欠了你们一万两银子。", "zh", "They owe you ten thousand taels.", "en") == []
    )
    # 公里 is a kilometre: 20 km is the twelve miles a translator converted them to
    assert fact_flags("我们已经走了二十公里。", "zh", "We had walked twelve miles.", "en") == []
    assert (
        fact_flags("我们已经走了二十公里。", "zh", "We had walked twelve kilometres.", "en") != []
    )
    # one clause cn2an cannot read leaves the others read
    assert "num:3" in fact_keys("都有三三两两的汉子，伸出三根手指往地下一指。", "zh")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fine is over 2 1/2 million tenge.", "en"),
        ("The fine is over 2½ million tenge.", "en"),
        ("The fine is over two and a half million tenge.", "en"),
        ("Штраф — более двух с половиной миллионов тенге.", "ru"),
        ("L'amende dépasse deux millions et demi de tenges.", "fr"),
        ("La multa supera los dos millones y medio de tenge.", "es"),
        ("La multa supera i due milioni e mezzo di tenge.", "it"),
        ("Die Strafe beträgt mehr als zweieinhalb Millionen Tenge.", "de"),
        ("जुर्माना ढाई मिलियन टेंगे से अधिक है।", "hi"),
    ],
)
def test_a_number_and_a_half_is_one_figure(text: str, lang: str) -> None:
    assert [k for k in fact_keys(text, lang) if k.startswith("num:")] == ["num:2500000"]


def test_a_duration_and_a_half_matches_across_languages_but_a_time_of_day_is_no_figure() -> None:
    english = extract_facts("He spent two and a half years in prison.", "en")
    for text, lang in [
        ("Il a passé deux ans et demi en prison.", "fr"),
        ("Pasó dos años y medio en la cárcel.", "es"),
        ("Er verbrachte zweieinhalb Jahre im Gefängnis.", "de"),
        ("Он провёл в тюрьме два с половиной года.", "ru"),
    ]:
        assert fact_keys(text, lang) == ["dur:year:2.5"]
        assert compare_facts(english, extract_facts(text, lang), "en", lang) == []
    assert compare_facts(english, extract_facts("Il a passé deux ans en prison.", "fr"), "en", "fr")
    assert fact_keys("Llegó a las dos y media.", "es") == []
    assert fact_keys("साढ़े तीन लाख रुपये", "hi") == ["money:INR:350000"]


def test_a_roman_numeral_after_a_word_matches_the_digits_and_is_never_reported_alone() -> None:
    german = extract_facts("Am 2. Juli stand Lager 3 auf 6000 m.", "de")
    french = extract_facts("Le 2 juillet, le camp III était à 6000 m.", "fr")
    assert compare_facts(german, french, "de", "fr") == []
    assert fact_keys("Louis XIV est mort en 1715.", "fr") == ["num:14", "year:1715"]
    # "World War II" beside "la Seconde Guerre mondiale": no figure to report
    assert (
        compare_facts(
            extract_facts("World War II ended in 1945.", "en"),
            extract_facts("La guerre s'est terminée en 1945.", "fr"),
            "en",
            "fr",
        )
        == []
    )
    assert fact_keys("Malcolm X and I met in 1964.", "en") == ["year:1964"]
    assert fact_flags(
        "Am 2. Juli stand Lager 3 auf 6000 m.",
        "de",
        "Le 2 juillet, le camp IV était à 6000 m.",
        "fr",
    ) == ["dropped:number:3"]


def test_a_page_number_glued_to_its_abbreviation_is_read() -> None:
    assert (
        fact_flags(
            "« Die Alpen » 1956, S.298-303, bringen einen ersten Bericht.",
            "de",
            "Les Alpes ont publié un rapport (1956, p. 298-303).",
            "fr",
        )
        == []
    )
    assert fact_keys("Siehe S.83 und U.S.2020.", "de") == ["num:83"]


def test_a_german_thousander_is_the_height_a_translation_writes() -> None:
    assert (
        fact_flags(
            "Obwohl noch kein Achttausender, ist er ein harter Brocken.",
            "de",
            "Bien que n'atteignant pas les 8000, c'est un dur morceau.",
            "fr",
        )
        == []
    )
    # never reported alone: the French may say "un sommet de plus de huit mille mètres"
    assert (
        fact_flags("Er bestieg einen Siebentausender.", "de", "Il a gravi un sommet.", "fr") == []
    )


def test_french_milles_are_miles_not_thousands() -> None:
    assert fact_keys("une zone de 50 milles de largeur", "fr") == ["num:50"]


def test_a_count_and_a_half_in_japanese_is_one_figure() -> None:
    english = "Last year the court sentenced the former mayor to two and a half years in prison."
    assert (
        fact_flags("裁判所は昨年、元市長に懲役2年半の判決を言い渡した。", "ja", english, "en") == []
    )
    assert fact_keys("会議は1時間半かかった。", "ja") == ["num:1.5"]
    assert fact_keys("午後2時半に始まった。", "ja") == ["time:14:30"]
