"""Numbers, money, percentages and ordinals in any script with decimal digits.

Locale formats are read without knowing the locale: a separator followed by exactly
three digits groups thousands (13,000 = 13.000 = 13 000), any other is a decimal mark
(2,5 = 2.5). Scale words are read in the languages listed in :data:`SCALE_WORDS`, so
that 13 billion = 13 milliards = 13 miliar = 13.000 millones = 13 Milliarden.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Fact
from .spans import SpanMask

_DIGITS = r"\d"
# letters that glue to a digit into a name (H100, MAI-1); CJK characters do not.
GLUE = r"A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"
NUMBER = (
    rf"(?<![{GLUE}\d.,])(?<![{GLUE}]-)(?:{_DIGITS}{{1,3}}(?:(?:[,.]|[ \u00a0\u202f]){_DIGITS}{{3}})+(?:[.,]{_DIGITS}+)?"
    rf"|{_DIGITS}+(?:[.,]{_DIGITS}+)?)(?![.,]?\d)"
)

# scale word (lower case, regex) -> multiplier; French, Spanish, German and Italian use the long scale.
SCALE_WORDS: tuple[tuple[str, float], ...] = (
    (r"mil millones|mil milhões", 1e9),
    (
        r"thousands?|k|mille|mil|milliers|tausend|tsd\.?|mila|ribu|rb|тыс\w*|тис\.?|тисяч\w*|tys\.?|tysi\w*|tis\.?|tisíc\w*|"
        r"हज(?:़|\u093c)?ार|ألف|آلاف|tusen|tusinde|tuhatta|tuhat|mii|ezer|tisuć\w*|hiljad\w*|tisoč\w*|"
        r"хиляд[аи]|nghìn|ngàn|אלף|אלפי|هزار|χιλιάδ\w*",
        1e3,
    ),
    (r"lakhs?|lacs?|लाख", 1e5),
    (r"crores?|करो(?:ड़|ड\u093c|ड)", 1e7),
    (
        r"millions?|mn|mio\.?|millón|millones|million(?:en|er)?|milione|milioni|milhão|milhões|juta|jt|млн|миллион\w*|мільйон\w*|mln|milion\w*|मिलियन|مليون|ملايين|"
        r"miljon\w*|miljoona\w*|milioane|millió\w*|milión\w*|milijun\w*|milijon\w*|милион\w*|triệu|"
        r"מיליון|מיליוני|میلیون|εκατομμύρι\w*",
        1e6,
    ),
    (
        r"billions?|bn|milliards?|milliarden?|milliarder|mrd\.?|miliardo|miliardi|mld\.?|miliar|milyar|bilhão|bilhões|млрд|миллиард\w*|мільярд\w*|miliard\w*|बिलियन|अरब|مليار|مليارات|"
        r"miljard\w*|milliárd\w*|milijard\w*|милиард\w*|tỷ|מיליארד|מיליארדי|میلیارد|δισεκατομμύρι\w*",
        1e9,
    ),
    (
        r"trillions?|billones|billón|billionen|trilioni|triliun|trilhão|trilhões|трлн|триллион\w*|трильйон\w*|bilion\w*|تريليون|"
        r"billioner|biljon\w*|biljoona\w*|billió\w*|bilión\w*|bilijun\w*|bilijon\w*|трилион\w*|τρισεκατομμύρι\w*",
        1e12,
    ),
)
# languages whose scale words (above) and currency words (below) are read, or whose
# numerals cn2an reads with their scale (13亿): elsewhere "13 ቢሊዮን ዶላር" is read as 13
SCALE_LANGS = frozenset(
    "en fr es pt de it id ms ru uk pl cs zh ja ko hi ar sv da nb nn no fi ro hu sk sl hr bs sr bg vi he fa el".split()
)
POINT_DECIMAL_LANGS = {"en", "zh", "ja", "ko", "hi", "th", "ms", "he"}
_LONG_SCALE_LANGS = {"fr", "es", "de", "it", "nl", "pl", "cs", "da", "nb", "nn", "no"}
SCALE = "|".join(p for p, _ in SCALE_WORDS)

CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₽": "RUB",
    "rub": "RUB",
    "₩": "KRW",
    "₴": "UAH",
    "uah": "UAH",
    "r$": "BRL",
    "chf": "CHF",
    "cny": "CNY",
    "rmb": "CNY",
    "rp": "IDR",
    "rp.": "IDR",
    "idr": "IDR",
}
CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (
        r"dollars?|dólar(?:es)?|dollari|dollaro|dolar\w*|доллар\w*|долл\.?|долар\w*|डॉलर|ドル|美元|달러|دولار\w*|"
        r"דולר|דולרים|دلار|δολάρι\w*",
        "USD",
    ),
    (
        r"euros?|euroa|eura|euró\w*|evr(?:o|a|ov|ih|u)|евро|євро|eur|ユーロ|欧元|유로|يورو|אירו|יורו|یورو|ευρώ",
        "EUR",
    ),
    (r"pounds?|livres? sterling|sterling|ポンド|英镑", "GBP"),
    (r"yen(?:es)?|yens|円|日元|иен\w*|єн\w*|येन|엔|ين", "JPY"),
    (r"yuan|renminbi|元|юан\w*", "CNY"),
    (r"rupees?|roupies?|rupias?|रुपये|रुपए|rupiah", "INR"),
    (r"рубл\w*|rubles?|roubles?|ルーブル|卢布", "RUB"),
    (r"złot\w*|zł", "PLN"),
    (r"korun\w*|kč", "CZK"),
    (r"원", "KRW"),
    (r"грив\w*|грн", "UAH"),
)


def _symbol_pattern() -> str:
    """The keys of :data:`CURRENCY_SYMBOLS` as one pattern (read ignoring case): signs,
    longest first (US$ before $), codes as whole words, and a code that may take a dot
    (Rs., Rp.) with its dot."""
    dotted = sorted(k[:-1] for k in CURRENCY_SYMBOLS if k.endswith("."))
    codes = sorted(k for k in CURRENCY_SYMBOLS if k.isalpha() and k not in dotted)
    signs = sorted((k for k in CURRENCY_SYMBOLS if not k.rstrip(".").isalpha()), key=len)
    return "|".join(
        [
            *map(re.escape, reversed(signs)),
            rf"\b(?:{'|'.join(codes)})\b",
            rf"\b(?:{'|'.join(dotted)})\b\.?",
        ]
    )


_SYMBOL = _symbol_pattern()
_CURRENCY_WORD = "|".join(p for p, _ in CURRENCY_WORDS)
PERCENT_WORDS = (
    r"%|％|percent|per cent|pour cent|pourcent|por ciento|porciento|persen|prozent|per cento|"
    r"por cento|процент\w*|відсот\w*|procent\w*|प्रतिशत|بالمئة|بالمائة|في المئة|في المائة"
)
QUALIFIERS: tuple[tuple[str, str], ...] = (
    (
        r"nearly|almost|about|around|roughly|approximately|some|près de|près d['’]|presque|environ|"
        r"quelque|casi|cerca de|alrededor de|unos|unas|aproximadamente|hampir|sekitar|kurang lebih|"
        r"fast|etwa|rund|knapp|ungefähr|quasi|circa|quase|около|почти|około|prawie|téměř|asi|करीब|लगभग",
        "approx",
    ),
    (
        r"over|more than|above|plus de|plus d['’]|au moins|más de|lebih dari|über|mehr als|oltre|"
        r"più di|mais de|более|свыше|ponad|přes|více než|से अधिक",
        "over",
    ),
    (
        r"under|less than|below|moins de|moins d['’]|menos de|kurang dari|unter|weniger als|meno di|"
        r"менее|poniżej|méně než",
        "under",
    ),
)

_NUM = re.compile(NUMBER)
# a number glued to a name (Covid-19, F-35, A4, Formel-1-Boss): the name's number, kept
# as a fact of its own so that Covid-19 -> Covid-22 is a changed figure
_GLUED = re.compile(rf"(?<![\w-])([{GLUE}]+)-?(\d{{1,4}})(?=$|[^\w.,-]|[.,](?!\d)|-[{GLUE}])")
CJK_SCALE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "만": 1e4, "억": 1e8}
_SCALE_AFTER = re.compile(rf"\s?(?:de\s+)?({SCALE})(?!\w)|([万萬亿億만억])", re.IGNORECASE)
_CJK_REST = re.compile(r"(\d{1,4})(?![\d.,])")
# 1990年代, 90年代, 20世纪90年代 (the 90s of the 20th century: the 1990s)
_CJK_DECADE = re.compile(r"(?:(\d{1,2})\s?世[纪紀])?(\d+)\s?(?:代|年代)")
_ROMAN_ORDINAL = re.compile(
    r"(?<!\w)([IVXLC]{1,6})(?:e|er|ème|eme)(?=(?:\s*[–-]\s*[IVXLC]{1,6}(?:e|er|ème|eme))?\s+siècles?\b)"
    r"|(?<!\w)(?:siglo|século|secolo)\s+([IVXLC]{1,6})(?!\w)"
    r"|(?<!\w)([IVXLC]{1,6})(?=\s+(?:век\w*|столет\w*|століт\w*|wiek\w*|stolet\w*|storoč\w*))"
)
# a numeral of two letters or more after a word (camp III ~ Lager 3, Louis XIV, Gasherbrum
# II): the figure another language may write in digits; single letters are words (I, V, X)
_ROMAN_AFTER_WORD = re.compile(r"(?<=\w )(?:X{0,3})(?:IX|IV|V?I{0,3})(?<=[IVX]{2})(?![\w'’-]|\.\w)")
ROMAN_FIGURE = re.compile(r"(?:(?:siglo|século|secolo)\s+)?[IVXLC]+(?:e|er|ème|eme)?")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# a scale word, or a Chinese, Japanese or Korean one, which the currency follows unspaced
# (50億円, 4500만 유로)
_MONEY_SCALE = rf"(?:\s?(?:de\s+)?((?:{SCALE})(?!\w)|[万萬亿億만억]))?"
_MONEY_SYMBOL_FIRST = re.compile(rf"({_SYMBOL})\s?({NUMBER}){_MONEY_SCALE}", re.IGNORECASE)
_MONEY_AMOUNT_FIRST = re.compile(
    rf"({NUMBER}){_MONEY_SCALE}\s?(?:(?:de|d['’]|di|of|von)\s?)?"
    rf"({_SYMBOL}|(?:{_CURRENCY_WORD})(?![^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]))",
    re.IGNORECASE,
)
# a word must end where it ends; a sign need not (25%増: up 25%)
_PERCENT = re.compile(rf"({NUMBER})\s?(?:[%％]|(?:{PERCENT_WORDS})(?!\w))", re.IGNORECASE)
_ORDINAL = re.compile(
    r"(?<![\w.,])(?:ke-?)?(\d+)(?:st|nd|rd|th|e|ème|eme|er|re|ère|º|ª|°|\.ª|\.º)(?!\w)"
    r"|(?<!\w)ke-(\d+)(?!\w)",
    re.IGNORECASE,
)
# ordinal words text2num and number-parser leave alone (second-year, तीसरे नंबर): small
# ordinals are never reported alone (see compare), they only pair with a figure (２年)
_ORDINAL_WORDS = {
    "en": {
        w: n
        for n, w in enumerate(
            "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1
        )
    },
    # not पहले (1st), which is also "before"
    "hi": {
        w: n
        for n, words in ((2, "दूसरा दूसरे दूसरी"), (3, "तीसरा तीसरे तीसरी"), (4, "चौथा चौथे चौथी"))
        for w in words.split()
    },
}
_ORDINAL_WORD = {
    lang: re.compile(rf"(?<![\w-])({'|'.join(words)})(?!\w)", re.IGNORECASE)
    for lang, words in _ORDINAL_WORDS.items()
}
_QUALIFIER_BEFORE = [(re.compile(rf"(?<!\w)(?:{p})\s*$", re.IGNORECASE), q) for p, q in QUALIFIERS]


def parse_number(text: str, lang: str = "", scaled: bool = False) -> float | None:
    """Value of a numeral such as ``13,000``, ``13.000``, ``15 000``, ``2,5`` or ``१२``.

    One separator followed by three digits groups thousands (13.000 millones, 13,000
    people), except a point before a scale word (``scaled``) in a language whose decimal
    mark is the point (English 4.176 million), where it is a decimal.
    """
    digits = "".join(str(unicodedata.decimal(ch)) if ch.isdigit() else ch for ch in text.strip())
    digits = re.sub(r"[ \u00a0\u202f]", "", digits)
    groups = re.split(r"[.,]", digits)
    if len(groups) == 1:
        return float(groups[0]) if groups[0].isdigit() else None
    seps = re.findall(r"[.,]", digits)
    point_decimal = scaled and seps == ["."] and lang in POINT_DECIMAL_LANGS
    if (
        not point_decimal
        and all(len(g) == 3 for g in groups[1:])
        and (len(set(seps)) == 1 or len(groups[-1]) == 3)
    ):
        return float("".join(groups))
    whole = "".join(groups[:-1])
    try:
        return float(f"{whole}.{groups[-1]}")
    except ValueError:
        return None


def written_figure(fact_text: str, lang: str = "") -> float | None:
    """The first figure written in digits in a fact's text, without its scale or unit
    (``$13 billion`` -> 13, ``13,5 %`` -> 13.5), or None."""
    match = _NUM.search(fact_text)
    return parse_number(match.group(), lang) if match else None


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral (XIV -> 14)."""
    total = 0
    for ch, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN[ch]
        total += -value if nxt and _ROMAN[nxt] > value else value
    return total


def scale_value(word: str, lang: str) -> float:
    """Multiplier of a scale word; ``billion`` is 10^12 in long-scale languages."""
    if word in CJK_SCALE:
        return CJK_SCALE[word]
    low = word.lower()
    if low.startswith("billion") and lang in _LONG_SCALE_LANGS:
        return 1e12
    for pattern, value in SCALE_WORDS:
        if re.fullmatch(pattern, low):
            return value
    return 1.0


def currency_code(token: str) -> str:
    """ISO code of a currency symbol or word (``$`` and dollar words count as USD)."""
    low = token.lower()
    if low in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[low]
    for pattern, code in CURRENCY_WORDS:
        if re.fullmatch(pattern, low, re.IGNORECASE):
            return code
    return low.upper()


def format_amount(value: float) -> str:
    """Canonical text of a number: integers without a decimal point, others to 6 significant digits."""
    value = round(value, 6)
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """Approximation or bound word right before ``start``, and where it begins."""
    head = text[max(0, start - 30) : start]
    for pattern, name in _QUALIFIER_BEFORE:
        match = pattern.search(head)
        if match:
            return name, max(0, start - 30) + match.start()
    return "", start


# units a translation converts figures between: (dimension, size in SI units, words)
MEASURE_UNITS: tuple[tuple[str, float, str], ...] = (
    ("length", 0.3048, r"feet|foot|ft|fuß|pieds?|pies|英尺"),
    ("length", 0.0254, r"inch(?:es)?|zoll|pouces?|pulgadas?|英寸"),
    ("length", 0.9144, r"yards?|yd"),
    ("length", 1609.344, r"miles?|meilen?|milles?|millas?|miglia|英里"),
    (
        "length",
        1000.0,
        r"kilomet(?:er|re)s?|kilometern|kilomètres?|kilómetros?|chilometri|km|公里|千米",
    ),
    (
        "length",
        0.01,
        r"centimet(?:er|re)s?|centimetern|centimètres?|centímetros?|centimetri|cm|厘米",
    ),
    ("length", 1.0, r"met(?:er|re)s?|metern|mètres?|metros?|metri|m|米"),
    ("mass", 0.45359237, r"pounds?|lbs?|pfund|livres?|libras?"),
    ("mass", 1.0, r"kilogram(?:m|me)?s?|kilos?|kg|公斤|千克"),
    ("volume", 3.785411784, r"gallons?|gallonen|galones?"),
    ("volume", 1.0, r"lit(?:er|re)s?|litern|litros?|litri|l"),
)
_UNIT_END = r"(?![^\W\u4e00-\u9fff])"  # a unit in Chinese runs into the next word (20公里路)
_MEASURE_AFTER = [
    (dimension, size, re.compile(rf"[\s\u00a0-]?(?:{words}){_UNIT_END}", re.IGNORECASE))
    for dimension, size, words in MEASURE_UNITS
]


def measure_after(text: str, end: int) -> tuple[str, float] | None:
    """The dimension and SI size of the unit written right after a figure ending at
    ``end`` (see :data:`MEASURE_UNITS`), or None."""
    for dimension, size, pattern in _MEASURE_AFTER:
        if pattern.match(text, end):
            return dimension, size
    return None


# doubled, twice, verdoppelt, triplé: the figure another language writes (2倍, 3 fois)
MULTIPLIERS: tuple[tuple[int, str], ...] = (
    (
        2,
        r"twice|double[ds]?|doubling|verdoppel\w*|doppelt\w*|doublé\w*|doubler|duplic[óa]|"
        r"duplicado|raddoppi\w*|dobrou|удвоил\w*|удвоен\w*|вдвое|podwoi\w*|dwukrotn\w*|"
        r"zdvojnásob\w*|dvojnásob\w*|दोगुन\w*",
    ),
    (
        3,
        r"thrice|triple[ds]?|tripling|threefold|verdreifach\w*|triplé\w*|tripler|triplic[óa]|"
        r"triplicado|triplo|triplicou|утроил\w*|утроен\w*|втрое|potroi\w*|trzykrotn\w*|"
        r"ztrojnásob\w*|तिगुन\w*",
    ),
    (4, r"quadruple[ds]?|quadrupling|fourfold|vervierfach\w*|quadruplé\w*|вчетверо"),
)
# a dozen, une centaine, un millier: a round count said as a noun, the figure another
# language writes (rund hundert Leute); singular only, since des centaines is no figure
COLLECTIVES: tuple[tuple[int, str], ...] = (
    (12, r"dozen|douzaine|dutzend|docena|dozzina|dúzia"),
    (20, r"vingtaine|ventina|veintena"),
    (30, r"trentaine|trentina|treintena"),
    (50, r"cinquantaine|cinquantina|cincuentena"),
    (100, r"centaine|centinaio|centenar|centena"),
    (1000, r"millier|migliaio|millar|milhar"),
)
_WORD_FIGURES = [
    (n, re.compile(rf"(?<!\w)(?:{w})(?!\w)", re.IGNORECASE)) for n, w in MULTIPLIERS + COLLECTIVES
]
# 4分の1, 四分之一 (a quarter): a fraction, which other languages say in words
_CJK_FRACTION = re.compile(r"(\d+)\s?分[の之]\s?(\d+)")


def extract_numbers(text: str, lang: str, mask: SpanMask) -> list[Fact]:
    """Money, percentages, ordinals and plain numbers (in that order of precedence)."""
    facts: list[Fact] = []

    def add(category: str, key: str, start: int, end: int, amount: float | None) -> None:
        qual, qstart = qualifier_before(text, start)
        measure = measure_after(text, end) if category == "number" else None
        facts.append(
            Fact(category, key, text[start:end], start, end, amount, qual, measure=measure)
        )
        mask.claim(qstart if qual else start, end)

    # (pattern, group of the currency, of the amount, of the scale word)
    for pattern, cur, num, scale in (
        (_MONEY_SYMBOL_FIRST, 1, 2, 3),
        (_MONEY_AMOUNT_FIRST, 3, 1, 2),
    ):
        for m in mask.matches(pattern, text):
            value = parse_number(m.group(num), lang, scaled=bool(m.group(scale)))
            if value is None:
                continue
            value *= scale_value(m.group(scale), lang) if m.group(scale) else 1.0
            add(
                "money",
                f"money:{currency_code(m.group(cur))}:{format_amount(value)}",
                m.start(),
                m.end(),
                value,
            )
    for m in mask.matches(_PERCENT, text):
        value = parse_number(m.group(1), lang)
        if value is not None:
            add("percent", f"pct:{format_amount(value)}", m.start(), m.end(), value)
    for m in mask.matches(_ROMAN_ORDINAL, text):
        value = roman_value(m.group(1) or m.group(2) or m.group(3))
        add("number", f"ord:{value}", m.start(), m.end(), float(value))
    for m in mask.matches(_CJK_DECADE, text):
        value = parse_number(m.group(2), lang)
        if value is None or value % 10 or value >= 10000:
            continue
        if m.group(1) and value < 100:
            value += 100 * (int(m.group(1)) - 1)
        century = f"{int(value) // 100}" if value >= 100 else ".."
        add("date", f"decade:{century}{int(value) % 100:02d}", m.start(), m.end(), value)
    for m in mask.matches(_ORDINAL, text):
        raw = m.group(1) or m.group(2)
        value = parse_number(raw, lang)
        if value is not None:
            add("number", f"ord:{format_amount(value)}", m.start(), m.end(), value)
    if lang in _ORDINAL_WORD:
        for m in mask.matches(_ORDINAL_WORD[lang], text):
            value = float(_ORDINAL_WORDS[lang][m.group(1).lower()])
            add("number", f"ord:{format_amount(value)}", m.start(), m.end(), value)

    # matched where the other side writes the figure, never reported alone
    def optional(value: float, start: int, end: int) -> None:
        key = f"num:{format_amount(value)}"
        facts.append(Fact("number", key, text[start:end], start, end, value, optional=True))
        mask.claim(start, end)

    for m in mask.matches(_CJK_FRACTION, text):
        for group in (1, 2):
            optional(float(m.group(group)), *m.span(group))
        mask.claim(m.start(), m.end())
    for value, pattern in _WORD_FIGURES:
        for m in mask.matches(pattern, text):
            optional(float(value), m.start(), m.end())
    for m in mask.matches(_ROMAN_AFTER_WORD, text):
        optional(float(roman_value(m.group())), m.start(), m.end())
    for m in mask.matches(_NUM, text):
        end = m.end()
        scale = _SCALE_AFTER.match(text, end)
        scale = scale if scale and mask.free(end, scale.end()) else None
        value = parse_number(m.group(), lang, scaled=scale is not None)
        if value is None:
            continue
        if scale:
            value *= scale_value(scale.group(1) or scale.group(2), lang)
            end = scale.end()
            rest = _CJK_REST.match(text, end) if scale.group(2) else None
            if rest and mask.free(end, rest.end()):
                value += parse_number(rest.group(1)) or 0.0
                end = rest.end()
        elif re.fullmatch(r"\d{4}", m.group()) and 1000 <= value <= 2100:
            add("date", f"year:{int(value)}", m.start(), end, value)
            continue
        add("number", f"num:{format_amount(value)}", m.start(), end, value)
    for m in mask.matches(_GLUED, text):
        value = float(m.group(2))
        add("number", f"code:{format_amount(value)}", m.start(), m.end(), value)
    return facts
