"""Dates and temporal expressions: absolute dates, relative times and durations.

Normal forms compare across languages: ``rel:year:-1`` is last year / l'année dernière /
tahun lalu / el año pasado; ``dur:year:1`` is a year / un an / satu tahun; ``date:2025-03``
is March 2025 / mars 2025. dateparser was tried and left out: it reads the product name
"MAI" as the month of May, misses "last year" and "el año pasado" in running text, and
turns the duration "a year" into a date. Month names come from babel's CLDR data, so
every language CLDR knows is covered for absolute dates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .cldr import cldr_locales
from .model import Fact
from .numbers import QUALIFIERS, parse_number
from .spans import SpanMask

# Hebrew joins "in", "the", "and" ... to the next word (בשנה שעברה, ומחר)
_HEBREW_PREFIX = r"(?:[ובלהמש]{1,2})?"
# Persian "سال گذشته" is last year, "دو سال گذشته" the past two years
_NOT_AFTER_A_PERSIAN_COUNT = (
    "".join(f"(?<!{count} )" for count in "دو سه چهار پنج شش هفت هشت نه ده چند".split())
    + r"(?<![\d۰-۹] )"
)

UNITS: dict[str, str] = {
    "year": r"years?|ans?|années?|años?|tahun|jahre?n?|jahr(?:es)?|anni|anno|anos?|jaren|jaar|lata?|let|lety|rok\w*|roce|год\w*|лет|साल|वर्ष|yıl(?:lar\w*|ı\w*|da\w*|dır|lık\w*|ın\w*)?|sene(?:si|nin|de|dir|lik)?|рік|рок\w*|році|عام|العام|سنة|السنة|أعوام|سنوات|år|året|åren|vuo(?:si|nna|den|tta|tena)|anul(?:ui)?|anii?|év(?:ben|et|vel|e)?|godin\w*|χρόνο\w*|χρόνια|χρονιά\w*|έτο[ςυ]|έτη|ετών",
    "month": r"months?|mois|mes(?:es)?|bulan|monate?n?|monat(?:s|es)?|mesi|mese|mês|maand(?:en)?|miesi\w*|měsíc\w*|месяц\w*|महीन\w*|ay(?:ı|ın|da|dan|dır|lık)?|місяц\w*|місяць|شهر|الشهر|أشهر|شهور|månad\w*|måned\w*|kuu(?:kausi|kauden|kautta|ssa)|hónap\w*|lun[ăa]|luni(?:i)?|mjesec\w*|mesec\w*|mesiac\w*|месец\w*|μήνα\w*|μήνες|μηνών",
    "week": r"weeks?|semaines?|semanas?|minggu|pekan|wochen?|settimane|settimana|we(?:ken|ek)|tydzień|tygodni\w*|týd\w*|недел\w*|हफ्त\w*|सप्ताह|hafta\w*|тиждень|тижн\w*|أسبوع|الأسبوع|أسابيع|vecka|veckan|veckor|uge[nr]?|uke[nr]?|viikko(?:a|on)?|viiko(?:lla|n|t|ssa)|hét|héten|hetet|săptămân\w*|εβδομάδ\w*|tjed(?:an|na|nu|ni)|sedmic\w*|týžd\w*|týždeň|teden|tedn\w*|седмиц\w*",
    "day": r"days?|jours?|journées?|días?|dias?|hari|tage?n?|tages|giorni|giorno|dagen|dag|dni|dzień|dn\w*|день|дн\w*|दिन|gün(?:ü|ün|de|den|dür|lük\w*|ler\w*)?|يوم|أيام",
    "hour": r"hours?|heures?|horas?|jam|stunden?|ore|ora|uur|godzin\w*|hodin\w*|час\w*|घंट\w*",
    "decade": r"decades?|décennies?|décadas?|dekade|jahrzehnte?n?|decenni|decennio|decennium",
    "century": r"centur(?:y|ies)|siècles?|siglos?|secol[oi]|séculos?|jahrhunderte?n?|jahrhunderts|eeuw(?:en)?",
}

# Relative expressions: (offset, words before the unit, words after the unit).
RELATIVE: tuple[tuple[int, str, str], ...] = (
    (
        -1,
        r"last|past|previous|scors[oa]|pasad[oa]|passad[oa]|letzte[nms]?|vergangene[nms]?|vorige[nms]?|im vorigen|ubiegł\w*|zeszł\w*|poprzedni\w*|minul\w*|uplynul\w*|прошл\w*|минувш\w*|पिछल[ेीा]|गत|geçen|geçtiğimiz|минул\w*|förra|sidste|forrige|viime|edellisen\w*|múlt|prošl\w*|protekl\w*|prejšnj\w*|минал\w*|περασμέν\w*|προηγούμεν\w*",
        r"dernière|dernier|passée?|précédente?|pasad[oa]|anterior|lalu|kemarin|sebelumnya|scors[oa]|passat[oa]|passad[oa]|"
        r"trecut\w*|precedent\w*|"
        r"الماضي|الماضية|المنصرم|المنصرمة|الفائت",
    ),
    (
        0,
        r"this|cette|ce|este|esta|neste(?!\s+(?:år|måned|uke))|nesta|dieser?[nms]?|diese|quest['’]|questo|questa|deze|dit|w tym|bieżąc\w*|tento|této|эт(?:ом|от|ой|у|ого|им)|текущ\w*|нынешн\w*|ць(?:ому|ого|ей|я|ю)|поточн\w*|इस|bu|هذا|هذه|detta|denna|tänä|tässä|tällä|tohto|ove|ovog|ovoj|ovu|ovaj|ovom|тази|този",
        r"ini|ci|en curso|corrente|in corso|الحالي|الحالية|الجاري|الجارية|acesta|aceasta|ăsta|curent\w*",
    ),
    (
        1,
        r"next|coming|prochaine?|próxim[oa]|nächste[nms]?|kommende[nms]?|prossim[oa]|volgende?|przyszł\w*|następn\w*|příští\w*|следующ\w*|будущ\w*|наступн\w*|майбутн\w*|अगले|आगामी|gelecek|önümüzdeki|nästa|næste|neste(?=\s+(?:år|måned|uke))|ensi|jövő|budúc\w*|sljedeć\w*|sledeć\w*|slijedeć\w*|iduć\w*|naredn\w*|prihodnj\w*|naslednj\w*|следващ\w*|επόμεν\w*|ερχόμεν\w*",
        r"prochaine?|próxim[oa]|que viene|que vem|depan|mendatang|prossim[oa]|venturo|"
        r"المقبل|المقبلة|القادم|القادمة|viito\w*|următo\w*",
    ),
)
DAYS: tuple[tuple[int, str], ...] = (
    # two days off first: they hold the words of one day off (après-demain, أول أمس)
    (
        -2,
        r"day before yesterday|avant-hier|anteayer|antier|antes de ayer|(?:l['’])?altro ?ieri|"
        r"vorgestern|eergisteren|anteontem|позавчера|позавчора|przedwczoraj|předevčírem|"
        r"predvčerom|kemarin lusa|i förrgår|i forgårs|toissapäivänä|tegnapelőtt|alaltăieri|"
        r"prekjučer|prekjuče|predvčerajšnjim|προχθές|προχτές|שלשום|پریروز|hôm kia|evvelsi gün|"
        r"أول أمس|أول من أمس|онзи ден",
    ),
    (
        2,
        r"day after tomorrow|après-demain|pasado mañana|depois de amanhã|dopodomani|übermorgen|"
        r"overmorgen|послезавтра|післязавтра|pojutrze|pozítří|pozajtra|lusa|i övermorgon|"
        r"i overmorgen|ylihuomenna|holnapután|poimâine|prekosutra|pojutrišnjem|μεθαύριο|"
        r"מחרתיים|پس‌فردا|پس فردا|ngày kia|öbür gün|بعد غد|вдругиден",
    ),
    (
        -1,
        r"yesterday|last night|hier|ayer|anoche|kemarin|gestern|ieri|ontem|gisteren|wczoraj|včera|вчера|вчора|учора|dün|أمس|الأمس|البارحة|"
        rf"igår|i går|eilen|tegnap|jučer|juče|včeraj|hôm qua|χθες|χτες|χθές|{_HEBREW_PREFIX}אתמול|دیروز",
    ),
    (
        0,
        r"today|aujourd['’]hui|hoy|hari ini|heute|oggi|hoje|vandaag|dzisiaj|dziś|dnes|сегодня|сьогодні|आज|bugün|اليوم",
    ),
    (
        1,
        r"tomorrow|demain|besok|domani|amanhã|jutro|zítra|завтра|yarın|غدا|غدًا|غداً|"
        r"imorgon|i morgon|i morgen|huomenna|mâine|holnap|zajtra|sutra|jutri|утре|ngày mai|αύριο|"
        rf"{_HEBREW_PREFIX}מחר|(?<!پس)(?<!پس\u200c)(?<!پس )فردا|"
        r"(?<!la )(?<!esta )(?<!cada )(?<!una )mañana",
    ),
)
# Relative-time words that are ordinary words or names in other languages: read only in these
# (French "hier" is yesterday, German and Dutch "hier" is here).
RELATIVE_WORD_LANGS: dict[str, frozenset[str]] = {
    "hier": frozenset({"fr"}),
    "lani": frozenset({"sl", "hr", "bs", "sr"}),  # a given name elsewhere
    "eilen": frozenset({"fi"}),  # German: (they) hurry
    "sutra": frozenset({"hr", "bs", "sr"}),  # English: a sutra
    "lusa": frozenset({"id", "ms"}),  # Portuguese: the news agency
}
# Single words that are a relative time on their own.
RELATIVE_WORDS: tuple[tuple[str, int, str], ...] = (
    (
        "year",
        -1,
        r"vorjahr\w*|loni|loňsk\w*|ubiegłoroczn\w*|прошлогодн\w*|i fjol|ifjol|fjolårets?|i fjor|"
        r"ifjor|fjorårets?|tavaly\w*|vlani|vlaňajš\w*|lani|lansk(?:o|em|ega) let[oua]|"
        rf"prejšnj(?:e|em|ega) let[oua]|năm ngoái|πέρυσι|πέρσι|περσιν\w*|{_HEBREW_PREFIX}שנה שעברה|{_HEBREW_PREFIX}שנה שחלפה|"
        rf"{_HEBREW_PREFIX}אשתקד|{_NOT_AFTER_A_PERSIAN_COUNT}سال گذشته|پارسال|"
        r"(?<!\d )(?<!hai )(?<!ba )(?<!bốn )(?<!năm )(?<!sáu )(?<!bảy )(?<!tám )(?<!chín )(?<!mười )"
        r"(?<!vài )(?<!mấy )năm trước",
    ),
    ("year", 0, r"letos|letošní\w*|i år|idén|năm nay|φέτος|φετιν\w*|امسال"),
    # this June: of this year ("may" left out: "this may be")
    (
        "year",
        0,
        r"this (?:january|february|march|april|june|july|august|september|october|november|"
        r"december)",
    ),
    # "a year ago" said without a number
    (
        "year",
        -1,
        r"год назад|годом (?:ранее|раньше)|рік тому|rok temu|rok wcześniej|před rokem|o rok dříve|"
        r"एक (?:साल|वर्ष) पहले|قبل عام|قبل سنة|för ett år sedan|for et år siden|vuosi sitten|"
        r"acum un an|egy évvel ezelőtt|pred rokom|prije godinu dana|pre godinu dana|pred letom|"
        r"преди година|một năm trước|πριν (?:από )?έν[αν]ν? (?:χρόνο|έτος)|לפני שנה|یک سال (?:پیش|قبل)",
    ),
    (
        "month",
        -1,
        r"месяц назад|місяць тому|miesiąc temu|před měsícem|एक (?:महीने|महीना) पहले|قبل شهر|"
        r"för en månad sedan|for en måned siden|kuukausi sitten|acum o lună|egy hónappal ezelőtt|"
        r"pred mesiacom|prije mjesec dana|pre mesec dana|pred mesecem|преди месец|một tháng trước|"
        r"πριν (?:από )?έν[αν]ν? μήνα|לפני חודש|یک ماه (?:پیش|قبل)|"
        rf"{_HEBREW_PREFIX}חודש שעבר|{_NOT_AFTER_A_PERSIAN_COUNT}ماه گذشته",
    ),
    (
        "week",
        -1,
        r"неделю назад|tydzień temu|před týdnem|एक (?:हफ्ते|सप्ताह) पहले|för en vecka sedan|"
        r"for en uge siden|for en uke siden|viikko sitten|acum o săptămână|egy héttel ezelőtt|"
        r"pred týždňom|prije tjedan dana|pred tednom|преди седмица|một tuần trước|"
        r"πριν (?:από )?μ[ιί]α εβδομάδα|לפני שבוע|یک هفته (?:پیش|قبل)|"
        rf"{_HEBREW_PREFIX}שבוע שעבר|{_NOT_AFTER_A_PERSIAN_COUNT}هفته گذشته",
    ),
    (
        "year",
        1,
        r"nächstjährig\w*|příští rok|jövőre|dogodine|догодина|(?:prihodnj|naslednj)(?:e|em|ega) "
        rf"let[oua]|năm tới|năm sau|sang năm|{_HEBREW_PREFIX}שנה הבאה|سال آینده|سال آتی",
    ),
    ("month", 1, rf"tháng tới|tháng sau|{_HEBREW_PREFIX}חודש הבא|ماه آینده|ماه آتی"),
    ("week", 1, rf"tuần tới|tuần sau|{_HEBREW_PREFIX}שבוע הבא|هفته آینده|هفته آتی"),
)
# Seasons (CLDR names none) of the languages whose relative words RELATIVE holds.
SEASONS = (
    r"spring|summer|autumn|fall|winter|printemps|été|automne|hiver|primavera|verano|otoño|"
    r"invierno|verão|outono|inverno|estate|autunno|frühling|frühjahr|sommer|herbst|lente|"
    r"zomer|herfst|весн\w*|летом|лето|осен\w*|зим\w*|wiosn\w*|latem|lato|lecie|jesien\w*|"
    r"jaro|jaře|léto|létě|podzim\w*|musim (?:semi|panas|gugur|dingin|hujan|kemarau)"
)
DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_SPELLED_DECADE = re.compile(rf"(?<!\w)({'|'.join(DECADE_WORDS)})(?!\w)", re.IGNORECASE)
# "one year ago" but not "eleven years ago" (十一年前, 11年前)
_NOT_AFTER_A_DIGIT = r"(?<![\d０-９〇一二三四五六七八九十百千万两])"
# Chinese, Japanese and Korean (whose particles join the word: 작년에): no word boundaries.
# 来 that ends a word (后来 later, 本来 originally) or makes a count rough (一个来月: a month
# or so) does not open 来年 or 来月
_NOT_AFTER_LAI = r"(?<![后後个個本原从從未将將])"
CJK_RELATIVE: tuple[tuple[str, int, str], ...] = (
    (
        "year",
        -1,
        rf"去年|昨年|前年度|上一年|{_NOT_AFTER_A_DIGIT}[一1]年前|작년|지난해|(?<![\d십])(?:1|일) ?년 전",
    ),
    ("year", 0, r"今年|本年|올해|금년"),
    ("year", 1, rf"明年|{_NOT_AFTER_LAI}来年|내년"),
    (
        "month",
        -1,
        rf"上个月|上月|先月|{_NOT_AFTER_A_DIGIT}[一1](?:个|個|か|ヶ|カ)月前|지난달|지난 달",
    ),
    ("month", 0, r"本月|这个月|今月|이번 ?달"),
    ("month", 1, rf"下个月|下月|{_NOT_AFTER_LAI}来月|다음 ?달"),
    (
        "week",
        -1,
        rf"上周|上星期|上个星期|先週|{_NOT_AFTER_A_DIGIT}[一1](?:周|週間|个星期|星期)前|지난 ?주",
    ),
    ("week", 0, r"本周|这周|这个星期|今週|이번 ?주"),
    ("week", 1, r"下周|下星期|下个星期|来週|다음 ?주"),
    ("day", -2, r"(?:一|(?<!\d)1)昨日|前天|그저께|엊그제"),
    ("day", 2, r"明後日|あさって|后天|모레"),
    ("day", -1, r"昨天|昨日|어제"),
    ("day", 0, r"今天|今日|本日|오늘"),
    ("day", 1, r"明天|明日|내일"),
)
# 翌年, 翌月, 翌週, 翌日: the year (month, week, day) after the one just told of, which
# English says as "the next year" (read as next year) or "the following year" (not read)
_CJK_FOLLOWING = re.compile(r"翌(?P<unit>年|月|週|日)")
_CJK_UNITS = {"年": "year", "月": "month", "週": "week", "日": "day"}
TIME_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"later|plus tard|más tarde|mais tarde|später|più tardi|nanti|pozn\w*|позже", "later"),
    (
        r"earlier|plus tôt|au début de|début|a principios de|principios de|early|früher|zu beginn|"
        r"all['’]inizio|awal|no início de|начале",
        "earlier",
    ),
    (
        r"end of|by the end of|fin de|à la fin de|a finales de|finales de|akhir|ende|am ende|"
        r"alla fine|fine|no final de|final de|конце",
        "end",
    ),
)
SMALL_NUMBERS: dict[str, int] = {
    **{
        w: 1
        for w in "a an one un une uno una um uma satu se ein eine einem einen einer één jeden jedna один bir".split()
    },
    **{w: 2 for w in "two deux dos dois dua zwei due twee dwa dva два iki".split()},
    **{w: 3 for w in "three trois tres três tiga drei tre drie trzy tři три üç".split()},
    **{
        w: 4
        for w in "four quatre cuatro quatro empat vier quattro cztery čtyři четыре dört".split()
    },
    **{w: 5 for w in "five cinq cinco lima fünf cinque vijf pięć pět пять beş".split()},
    **{w: 6 for w in "six seis enam sechs sei zes sześć šest шесть".split()},
    **{w: 7 for w in "seven sept siete sete tujuh sieben sette zeven siedem sedm семь".split()},
    **{w: 8 for w in "eight huit ocho oito delapan acht otto osiem osm восемь".split()},
    **{w: 9 for w in "nine neuf nueve nove sembilan neun negen dziewięć devět девять".split()},
    **{w: 10 for w in "ten dix diez dez sepuluh zehn dieci tien dziesięć deset десять".split()},
    **{w: 12 for w in "twelve douze doce doze zwölf dodici twaalf".split()},
}

_ALL_UNITS = "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNITS.items())
_COUNT = "|".join(sorted((re.escape(w) for w in SMALL_NUMBERS), key=len, reverse=True))
_QUAL = "|".join(p for p, _ in QUALIFIERS)
_RATE_BEFORE = re.compile(
    rf"(?<!\w)(?:once|twice|thrice|(?:\d+|{_COUNT})\s+(?:\w+\s+)?\w+s)\s+$", re.IGNORECASE
)
_HALF_BEFORE = re.compile(r"(?<!\w)half\s+$", re.IGNORECASE)
_DURATION = re.compile(
    rf"(?<!\w)(?:(?P<qual>{_QUAL})(?:\s+|(?<=['’])))?(?:(?P<num>\d+(?:[.,]\d+)?)|(?P<word>{_COUNT})|(?P<se>se)(?=\w))"
    rf"[\s\-]?(?:(?:of|de)\s+)?(?:{_ALL_UNITS})(?!\w)",
    re.IGNORECASE,
)
# words that are a relative time on their own: (unit, offset, pattern, read a qualifier before)
_RELATIVE_WORD_PATTERNS: list[tuple[str, int, re.Pattern[str], bool]] = [
    *(
        ("day", offset, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE), False)
        for offset, words in DAYS
    ),
    *(
        (unit, offset, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE), True)
        for unit, offset, words in RELATIVE_WORDS
    ),
    *((unit, offset, re.compile(words), False) for unit, offset, words in CJK_RELATIVE),
]
_AGO_AFTER = re.compile(
    r"\s*(?:ago|earlier|before|auparavant|plus tôt|avant|atrás|antes|fa|prima|früher|zuvor|"
    r"geleden|yang lalu|lalu|sebelumnya|назад|тому|temu|पहले|पूर्व|önce)(?!\w)",
    re.IGNORECASE,
)
_AGO_BEFORE = re.compile(
    r"(?P<word>il y a|hace|há|vor|قبل|fa|sejak|tra|dans|in)\s*"
    r"(?:(?:juste|presque|environ|près de|plus de|moins de|bien|gut|knapp|fast|über|mehr als|"
    r"rund|etwa|genau|casi|más de|menos de|apenas|justo|quase|mais de)\s+)?"
    r"(?:(?:einer|einem|un|une|unos|unas|um|uma)\s+)?$",
    re.IGNORECASE,
)
# "one day" after a subject, a modal or a conjunction, or opening a clause, is "some day"
_SOMEDAY_BEFORE = re.compile(
    r"(?:^|[,;:.!?]\s*|(?<!\w)(?:might|may|will|would|could|can|should|shall|must|i|we|you|"
    r"he|she|they|it|and|but|then|so|that|until|till)\s+)$",
    re.IGNORECASE,
)
# "the next few years" is the next years (den nächsten Jahren, les prochaines années)
_FEW = r"few|couple of|several|paar|wenigen|quelques|pocos|pochi|kilka"
_ARTICLE = r"(?:the|l['’]|le|la|el|al|del|o|a|no|na|do|da|im|in|il|lo|dem|den|der)\s*"
# "last year" (modifier before the unit) and "l'année dernière" (after), per offset
_RELATIVE_FORMS: list[tuple[int, re.Pattern[str]]] = [
    (offset, re.compile(form, re.IGNORECASE))
    for offset, before, after in RELATIVE
    for form in (
        rf"(?<!\w)(?:{before})(?:\s+|(?<=['’]))(?:(?:{_FEW})\s+)?(?:{_ALL_UNITS})(?!\w)",
        rf"(?<!\w)(?:{_ARTICLE})?(?:{_ALL_UNITS})\s*(?:-\s*)?(?:{after})(?!\w)",
    )
]
# "this year" where the demonstrative is also an English number word ("ten rok" is not 10 years)
_THIS_UNIT = {
    lang: re.compile(rf"(?<!\w)(?:{words})\s+(?:{_ALL_UNITS})(?!\w)", re.IGNORECASE)
    for lang, words in (("pl", "ten|tym|tego|tę|tej|ta"), ("cs", "tento|tomto|toho|tuto|této|ten"))
}
_TIME_OF_DAY = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])(?::|\s?h\s?|\.)(?P<m>[0-5]\d)(?:\s?(?P<z>GMT|UTC|CET|CEST|EST|EDT|PST|PDT|[ap]\.?m\.?|h|uhr|heures?))?(?!\d)"
    r"|(?<![\d:])(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s?(?P<z2>GMT|UTC|CET|CEST|EST|EDT|PST|PDT)\b",
    re.IGNORECASE,
)
# a clock time; 点 and 时 alone are too often no hour (有一点: a little; 一时: for a
# moment; 三点建议: three points), so they need a part of the day or minutes, as does 1時
_CJK_TIME = re.compile(
    r"(?:(?P<pm>下午|晚上|午後|傍晚|夜里|深夜)|(?P<am>上午|早上|午前|凌晨|清晨|早晨|中午))?"
    r"(?P<hour>\d{1,2})(?P<unit>点|時(?!間)|时(?!间))(?:(?P<half>半)|(?P<min>\d{1,2})分|(?P<clock>钟|鐘|整))?"
)
# 2027年3月, 3月12日, 2027년 3월 12일: a month with its year or its day
_CJK_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*[年년]\s*(?P<mo>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?"
    r"|(?P<mo2>\d{1,2})\s*[月월]\s*(?P<d2>\d{1,2})\s*[日일])"
)
# a month alone (3月, 3월: March): no count, and not compared, as a month named alone in
# words is not (the year or the day it belongs to is said elsewhere, or not at all)
_CJK_MONTH = re.compile(r"(?<!\d)(?:1[0-2]|0?[1-9])\s*[月월]")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})|(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<c>\d{2,4}))(?![\d/.-])"
)
# the first days of a month said in words (am ersten November, le premier mai)
_DAY_WORDS = {
    "ersten": "1",
    "zweiten": "2",
    "dritten": "3",
    "premier": "1",
    "primero": "1",
    "primo": "1",
    "primeiro": "1",
}
_DAY_WORDS_AFTER = {"first": "1", "second": "2", "third": "3"}  # November first
_MIDNIGHT_NOON = re.compile(
    r"(?<![\w-])(?:(?P<midnight>midnight|minuit|medianoche|mitternacht|mezzanotte|meia-noite|"
    r"tengah malam)|(?P<noon>noon|midday|mediodía|mezzogiorno|meio-dia))(?![\w-])"
    r"|(?P<midnight_cjk>午夜|真夜中)",
    re.IGNORECASE,
)
# dates known by a name of their own
_NAMED_DATE = {"9/11": "date:2001-09-11"}
_NAMED_DATE_PATTERN = re.compile(rf"(?<![\d/.])(?:{'|'.join(_NAMED_DATE)})(?![\d/.])")
# Japanese era years: 明治28年 = Meiji 28 = 1895
_ERA = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|(?<!\w)(?:Meiji|Taish[oō]|Sh[oō]wa|Heisei|Reiwa)(?!\w))"
    r"\s*(?P<n>\d{1,2}|元)(?!\d)"
)
_ERA_START = {
    "明治": 1868,
    "大正": 1912,
    "昭和": 1926,
    "平成": 1989,
    "令和": 2019,
    "meiji": 1868,
    "taisho": 1912,
    "taishō": 1912,
    "showa": 1926,
    "shōwa": 1926,
    "heisei": 1989,
    "reiwa": 2019,
}
_DECADE = re.compile(
    r"(?<!\w)(?:(?:the\s+)?['’]?(?P<a>1\d|20)?(?P<d>\d)0[’']?s(?!\w)"
    r"|(?:années|años|anni|anos|jahre|lata|roky|годы|годах)\s+(?P<b>1\d|20)?(?P<e>\d)0(?!\d)"
    r"|(?P<c>1\d|20)(?P<f>\d)0er(?:\s*jahre\w*)?"
    r"|(?P<g>1\d|20)(?P<h>\d)0-?[хе](?!\w))",
    re.IGNORECASE,
)


def _lower(word: str) -> str:
    """``word`` in lower case as the patterns' IGNORECASE matched it: Turkish İ is i (İki)."""
    return word.replace("İ", "i").lower()


def _qualifier(text: str, start: int) -> tuple[str, int]:
    head = text[max(0, start - 40) : start]
    for pattern, name in (*TIME_QUALIFIERS, *QUALIFIERS):
        match = re.search(
            rf"(?<!\w)(?:{pattern})\s*(?:{_ARTICLE})?(?:de\s+|of\s+)?$", head, re.IGNORECASE
        )
        if match:
            return name, max(0, start - 40) + match.start()
    return "", start


def _unit_of(match: re.Match[str]) -> str:
    return next(name for name in UNITS if match.group(name))


def _calendar_key(year: str | None, month: int, day: str | None = None) -> str | None:
    """``date:YYYY-MM[-DD]`` (``-`` for a year not given), or None for no such month or day."""
    if not 1 <= month <= 12 or (day and not 1 <= int(day) <= 31):
        return None
    return f"date:{int(year) if year else '-'}-{month:02d}" + (f"-{int(day):02d}" if day else "")


YEAR_FIRST_LANGS = frozenset({"tr", "hu", "lt", "lv", "eu"})
"""Languages that write a date year first (2027 Mart, 2027. március 12.)."""


def _short_month_name(name: str) -> bool:
    """A month's full name of two letters in a script without Chinese characters (Hindi
    मई, May), not an abbreviation: read, where Latin ones that short are not."""
    return (
        len(name) == 2
        and not name.isascii()
        and not any(c.isdigit() or "\u2e80" <= c <= "\u9fff" for c in name)
    )


@lru_cache(maxsize=64)
def _month_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """Day-month-year patterns built from CLDR month names of ``lang`` and English: day
    month year, month day year, month year, and in :data:`YEAR_FIRST_LANGS` year month
    day (Turkish *2027 Mart*, Hungarian *2027. március 12.*)."""
    names: dict[str, int] = {}
    for locale in cldr_locales(lang):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    name = name.strip(".").lower()
                    if len(name) >= 3 or (width == "wide" and _short_month_name(name)):
                        names[name] = number
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))

    def month(n: str) -> str:
        return rf"(?P<month{n}>{alternatives})\.?"

    words = "|".join(_DAY_WORDS)
    day = rf"(?:(?P<day>[0-3]?\d)(?:er|\.|º|st|nd|rd|th)?|(?P<dayword>{words}))"
    year = r"(?P<year>\d{4})"
    pattern = re.compile(
        rf"(?<!\w)(?:{day}\s+(?:de\s+)?{month('')}(?:,?\s+(?:de\s+|del\s+)?{year})?"
        rf"|{month('2')}\s+(?:(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dayword2>{'|'.join(_DAY_WORDS_AFTER)}))"
        rf"(?:,?\s+(?P<year2>\d{{4}}))?"
        rf"|{month('3')},?\s+(?:de\s+|of\s+)?(?P<year3>\d{{4}})"
        rf"|(?P<year4>\d{{4}})\.?\s+{month('4')}(?:\s+(?P<day4>[0-3]?\d)\.?(?!\d))?"
        rf"{'' if lang in YEAR_FIRST_LANGS else '(?!)'})(?!\w)",
        re.IGNORECASE,
    )
    return pattern, names


@lru_cache(maxsize=64)
def _named_time_forms(lang: str) -> list[tuple[int, re.Pattern[str]]]:
    """A season, a month or a weekday ("next spring", "last March", "lundi prochain")
    placed by a relative word of :data:`RELATIVE` (months and weekdays from CLDR, in
    ``lang`` and English), per offset."""
    months: set[str] = set()
    weekdays: set[str] = set()
    for locale in cldr_locales(lang):
        months |= {n.lower() for n in locale.months["format"]["wide"].values()}
        months |= {n.lower() for n in locale.months["stand-alone"]["wide"].values()}
        weekdays |= {n.lower() for n in locale.days["format"]["wide"].values()}
    months.discard("may")  # "this may be"

    def alternatives(names: set[str]) -> str:
        return "|".join(sorted((re.escape(n) for n in names if n), key=len, reverse=True))

    named = rf"(?:(?P<year>{SEASONS}|{alternatives(months)})|(?P<week>{alternatives(weekdays)}))"
    return [
        (offset, re.compile(form, re.IGNORECASE))
        for offset, before, after in RELATIVE
        for form in (
            rf"(?<!\w)(?:{before})\s+{named}(?!\w)",
            rf"(?<!\w){named}\s+(?:{after})(?!\w)",
        )
    ]


def extract_temporal(text: str, lang: str, mask: SpanMask) -> list[Fact]:
    """Absolute dates, times of day, decades, relative days/weeks/months/years and durations."""
    facts: list[Fact] = []

    def add(
        key: str,
        start: int,
        end: int,
        amount: float | None = None,
        qualifier: str = "",
        optional: bool = False,
    ) -> None:
        facts.append(
            Fact("date", key, text[start:end], start, end, amount, qualifier, optional=optional)
        )
        mask.claim(start, end)

    pattern, names = _month_pattern(lang or "en")
    for m in mask.matches(pattern, text):
        name = m.group("month") or m.group("month2") or m.group("month3") or m.group("month4")
        month = names.get(name.lower().rstrip("."))
        if month is None:
            continue
        word = (m.group("dayword") or m.group("dayword2") or "").lower()
        day = (
            m.group("day")
            or m.group("day2")
            or m.group("day4")
            or _DAY_WORDS.get(word)
            or _DAY_WORDS_AFTER.get(word)
        )
        year = m.group("year") or m.group("year2") or m.group("year3") or m.group("year4")
        key = _calendar_key(year, month, day)
        if key is not None:
            add(key, m.start(), m.end())
    for m in mask.matches(_NAMED_DATE_PATTERN, text):
        add(_NAMED_DATE[m.group()], m.start(), m.end())
    for m in mask.matches(_NUMERIC_DATE, text):
        if m.group("y"):
            key = f"date:{m.group('y')}-{int(m.group('mo')):02d}-{int(m.group('d')):02d}"
        else:
            a, b, c = int(m.group("a")), int(m.group("b")), m.group("c")
            year = c if len(c) == 4 else f"20{c}"
            lo, hi = sorted((a, b))
            key = f"date:{year}-{lo:02d}/{hi:02d}"
        add(key, m.start(), m.end())
    for m in mask.matches(_CJK_DATE, text):
        month = int(m.group("mo") or m.group("mo2"))
        key = _calendar_key(m.group("y"), month, m.group("d") or m.group("d2"))
        if key is not None:
            add(key, m.start(), m.end())
    for m in mask.matches(_CJK_MONTH, text):
        mask.claim(m.start(), m.end())
    for m in mask.matches(_TIME_OF_DAY, text):
        hour, minute = m.group("h") or m.group("h2"), m.group("m") or m.group("m2")
        zone = (m.group("z") or m.group("z2") or "").lower().replace(".", "")
        h = int(hour)
        if zone == "pm" and h < 12:
            h += 12
        if not (m.group("z") or m.group("z2")) and m.group(0).count(".") == 1:
            continue
        add(f"time:{h:02d}:{minute}", m.start(), m.end())
    for m in mask.matches(_MIDNIGHT_NOON, text):
        add("time:12:00" if m.group("noon") else "time:00:00", m.start(), m.end())
    for m in mask.matches(_ERA, text):
        n = 1 if m.group("n") == "元" else int(m.group("n"))
        era = m.group("era")
        year = _ERA_START[era if era in _ERA_START else era.lower()] + n - 1
        # said a second way beside the year in digits (１８９５（明治２８）年): optional
        twice = str(year) in unicodedata.normalize("NFKC", text)
        add(f"year:{year}", m.start(), m.end(), float(year), optional=twice)
    for m in mask.matches(_CJK_TIME, text):
        told = any(m.group(g) for g in ("pm", "am", "half", "min", "clock"))
        if not told and (m.group("unit") != "時" or m.group("hour") == "1"):
            continue
        minute = "30" if m.group("half") else f"{int(m.group('min') or 0):02d}"
        hour = int(m.group("hour")) + (12 if m.group("pm") and int(m.group("hour")) < 12 else 0)
        if hour > 24:
            continue
        add(f"time:{hour:02d}:{minute}", m.start(), m.end())
    for m in mask.matches(_DECADE, text):
        century = m.group("a") or m.group("b") or m.group("c") or m.group("g") or ""
        digit = m.group("d") or m.group("e") or m.group("f") or m.group("h")
        add(f"decade:{century or '..'}{digit}0", m.start(), m.end())
    forms = _RELATIVE_FORMS
    if lang in _THIS_UNIT:
        forms = [(0, _THIS_UNIT[lang]), *forms]
    for offset, form in forms:
        for m in mask.matches(form, text):
            unit = _unit_of(m)
            if unit not in {"year", "month", "week", "day"} or (unit == "day" and offset == 0):
                continue
            qual, qstart = _qualifier(text, m.start())
            add(f"rel:{unit}:{offset:+d}", m.start(), m.end(), float(offset), qual)
            if qual:
                mask.claim(qstart, m.start())
    for unit, offset, pattern, qualified in _RELATIVE_WORD_PATTERNS:
        for m in mask.matches(pattern, text):
            if lang and lang not in RELATIVE_WORD_LANGS.get(m.group().lower(), frozenset({lang})):
                continue
            qual = _qualifier(text, m.start())[0] if qualified else ""
            add(f"rel:{unit}:{offset:+d}", m.start(), m.end(), float(offset), qual)
    for m in mask.matches(_CJK_FOLLOWING, text):
        add(f"rel:{_CJK_UNITS[m.group('unit')]}:+1", m.start(), m.end(), 1.0, optional=True)
    # the year or week these place is how Chinese or Japanese say them (来年の春, 下周一),
    # where the word "next" may also mean this year's spring: matched, never reported
    for offset, form in _named_time_forms(lang or "en"):
        for m in mask.matches(form, text):
            unit = "year" if m.group("year") else "week"
            add(f"rel:{unit}:{offset:+d}", m.start(), m.end(), float(offset), optional=True)
    for m in mask.matches(_SPELLED_DECADE, text):
        add(f"decade:..{DECADE_WORDS[m.group(1).lower()]}", m.start(), m.end())
    for m in mask.matches(_DURATION, text):
        if m.group("num"):
            count = parse_number(m.group("num"))
        elif m.group("word"):
            count = float(SMALL_NUMBERS[_lower(m.group("word"))])
        else:
            count = 1.0
        if count is None:
            continue
        word = (m.group("word") or "").lower()
        if word == "one" and _unit_of(m) == "day" and _SOMEDAY_BEFORE.search(text, 0, m.start()):
            continue  # "we might one day see": some day, no length of time
        article = word in {"a", "an"}
        if article and not m.group("qual") and _RATE_BEFORE.search(text, 0, m.start()):
            continue  # three trips a day, twice a year: a rate, not a length of time
        if article and _HALF_BEFORE.search(text, 0, m.start()):
            count = 0.5  # half a year, half a century
        unit = _unit_of(m)
        if unit == "decade":  # ten years (tripled in a decade ~ за десять лет)
            unit, count = "year", 10 * count
        elif unit == "century":  # a hundred years (depuis un siècle ~ seit hundert Jahren)
            unit, count = "year", 100 * count
        qual = ""
        if m.group("qual"):
            qual = next(
                name for p, name in QUALIFIERS if re.fullmatch(p, m.group("qual"), re.IGNORECASE)
            )
        ago = _AGO_AFTER.match(text, m.end())
        before = _AGO_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if ago or (
            before and before.group("word").lower() in {"il y a", "hace", "há", "vor", "قبل"}
        ):
            end = ago.end() if ago else m.end()
            start = before.start() if before and not ago else m.start()
            key = f"rel:{unit}:-1" if count == 1 else f"ago:{unit}:{parse_key(count)}"
            add(key, start, end, count, qual)
            continue
        if unit == "year" and count == int(count) and 1000 <= count <= 2100:
            add(f"year:{int(count)}", m.start(), m.end(), count)
            continue
        add(f"dur:{unit}:{parse_key(count)}", m.start(), m.end(), count, qual)
    return facts


def parse_key(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
