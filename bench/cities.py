"""A city under another of its names, and a city swapped for another, in short pairs.

    python bench/cities.py

Two sets of pairs, written by hand for this bench in the languages factalign reads: an
English sentence naming a city, and its translation naming the same city under that
language's name for it (faithful) or another city (swapped), judged in both directions
by the name comparison with the bundled model (``FactJudge``). Printed: faithful pairs
with any name flag (false flags), and swaps seen as ``changed:entity``.

Set A was written after GeoNames' city names joined the name matching (0.8.3) and before
the rule that two cities told apart in one slot are a change, which its misses
suggested: for that rule, set A is the tuning part. Set B was written after both and
tuned on by nothing: its figures are the ones that count.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.scoring import FactJudge

Pair = tuple[str, str, str]
"""(the English sentence's city, the translation, its language)"""

SET_A_SENTENCE = "The delegation arrived in {} late on Thursday evening."
SET_A_FAITHFUL = [
    ("Cologne", "Die Delegation traf am späten Donnerstagabend in Köln ein.", "de"),
    ("Lisbon", "A delegação chegou a Lisboa na quinta-feira à noite.", "pt"),
    ("Warsaw", "Delegacja przybyła do Warszawy w czwartek późnym wieczorem.", "pl"),
    ("Prague", "Delegace dorazila do Prahy ve čtvrtek pozdě večer.", "cs"),
    ("Vienna", "A delegação chegou a Viena na quinta-feira à noite.", "pt"),
    ("Brussels", "La delegación llegó a Bruselas el jueves por la noche.", "es"),
    ("Copenhagen", "La délégation est arrivée à Copenhague jeudi soir.", "fr"),
    ("Bolzano", "Die Delegation traf am späten Donnerstagabend in Bozen ein.", "de"),
    ("Wroclaw", "Die Delegation traf am späten Donnerstagabend in Breslau ein.", "de"),
    ("Thessaloniki", "La délégation est arrivée à Salonique jeudi soir.", "fr"),
    ("Istanbul", "Делегация прибыла в Стамбул в четверг поздно вечером.", "ru"),
    ("Hamburg", "Делегация прибыла в Гамбург в четверг поздно вечером.", "ru"),
    ("Milan", "Делегация прибыла в Милан в четверг поздно вечером.", "ru"),
    ("Seoul", "代表团周四深夜抵达首尔。", "zh"),
    ("Frankfurt", "代表团周四深夜抵达法兰克福。", "zh"),
    ("Vienna", "代表団は木曜日の夜遅くにウィーンに到着した。", "ja"),
    ("Barcelona", "代表団は木曜日の夜遅くにバルセロナに到着した。", "ja"),
    ("Berlin", "प्रतिनिधिमंडल गुरुवार देर शाम बर्लिन पहुंचा।", "hi"),
    ("Kolkata", "प्रतिनिधिमंडल गुरुवार देर शाम कोलकाता पहुंचा।", "hi"),
    ("Antwerp", "Die Delegation traf am späten Donnerstagabend in Antwerpen ein.", "de"),
    ("Florence", "Делегация прибыла во Флоренцию в четверг поздно вечером.", "ru"),
    ("Venice", "Delegacja przybyła do Wenecji w czwartek późnym wieczorem.", "pl"),
    ("Munich", "Delegace dorazila do Mnichova ve čtvrtek pozdě večer.", "cs"),
    ("Turin", "La délégation est arrivée à Turin jeudi soir.", "fr"),
    ("Basel", "La délégation est arrivée à Bâle jeudi soir.", "fr"),
]
SET_A_SWAPPED = [
    ("Cologne", "Die Delegation traf am späten Donnerstagabend in Bonn ein.", "de"),
    ("Lisbon", "A delegação chegou ao Porto na quinta-feira à noite.", "pt"),
    ("Warsaw", "Delegacja przybyła do Krakowa w czwartek późnym wieczorem.", "pl"),
    ("Prague", "Delegace dorazila do Brna ve čtvrtek pozdě večer.", "cs"),
    ("Brussels", "La delegación llegó a Amberes el jueves por la noche.", "es"),
    ("Copenhagen", "La délégation est arrivée à Stockholm jeudi soir.", "fr"),
    ("Wroclaw", "Die Delegation traf am späten Donnerstagabend in Danzig ein.", "de"),
    ("Istanbul", "Делегация прибыла в Анкару в четверг поздно вечером.", "ru"),
    ("Hamburg", "Делегация прибыла в Мюнхен в четверг поздно вечером.", "ru"),
    ("Seoul", "代表团周四深夜抵达东京。", "zh"),
    ("Frankfurt", "代表团周四深夜抵达慕尼黑。", "zh"),
    ("Vienna", "代表団は木曜日の夜遅くにプラハに到着した。", "ja"),
    ("Berlin", "प्रतिनिधिमंडल गुरुवार देर शाम पेरिस पहुंचा।", "hi"),
    ("Florence", "Делегация прибыла в Милан в четверг поздно вечером.", "ru"),
    ("Venice", "Delegacja przybyła do Mediolanu w czwartek późnym wieczorem.", "pl"),
    ("Munich", "Delegace dorazila do Vídně ve čtvrtek pozdě večer.", "cs"),
    ("Basel", "La délégation est arrivée à Genève jeudi soir.", "fr"),
    ("Turin", "La délégation est arrivée à Gênes jeudi soir.", "fr"),
]
SET_B_SENTENCE = "Police in {} arrested two men after the robbery, a spokesman said."
SET_B_FAITHFUL = [
    ("Rome", "Die Polizei in Rom nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.", "de"),
    (
        "Bucharest",
        "La police de Bucarest a arrêté deux hommes après le vol, a indiqué un porte-parole.",
        "fr",
    ),
    (
        "Belgrade",
        "La policía de Belgrado detuvo a dos hombres tras el robo, dijo un portavoz.",
        "es",
    ),
    ("Athens", "Полиция Афин задержала двух мужчин после ограбления, сообщил представитель.", "ru"),
    (
        "Kyiv",
        "Policja w Kijowie zatrzymała dwóch mężczyzn po napadzie, poinformował rzecznik.",
        "pl",
    ),
    (
        "Cairo",
        "La polizia del Cairo ha arrestato due uomini dopo la rapina, ha detto un portavoce.",
        "it",
    ),
    ("Lyon", "Die Polizei in Lyon nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.", "de"),
    (
        "Marseille",
        "La policía de Marsella detuvo a dos hombres tras el robo, dijo un portavoz.",
        "es",
    ),
    (
        "Bordeaux",
        "Полиция Бордо задержала двух мужчин после ограбления, сообщил представитель.",
        "ru",
    ),
    (
        "Seville",
        "Die Polizei in Sevilla nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    ("Dresden", "Policie v Drážďanech zadržela po loupeži dva muže, uvedl mluvčí.", "cs"),
    (
        "Leipzig",
        "Policja w Lipsku zatrzymała dwóch mężczyzn po napadzie, poinformował rzecznik.",
        "pl",
    ),
    ("Osaka", "大阪の警察は強盗事件の後、男2人を逮捕したと広報担当者が述べた。", "ja"),
    ("Shanghai", "发言人说，上海警方在抢劫案发生后逮捕了两名男子。", "zh"),
    ("Madrid", "发言人说，马德里警方在抢劫案发生后逮捕了两名男子。", "zh"),
    ("Delhi", "प्रवक्ता ने बताया कि दिल्ली पुलिस ने लूट के बाद दो लोगों को गिरफ्तार किया।", "hi"),
    (
        "Hanover",
        "La police de Hanovre a arrêté deux hommes après le vol, a indiqué un porte-parole.",
        "fr",
    ),
    (
        "Mechelen",
        "La police de Malines a arrêté deux hommes après le vol, a indiqué un porte-parole.",
        "fr",
    ),
    (
        "Trieste",
        "Die Polizei in Triest nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    (
        "Poznan",
        "Die Polizei in Posen nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
]
SET_B_SWAPPED = [
    (
        "Rome",
        "Die Polizei in Mailand nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    (
        "Bucharest",
        "La police de Sofia a arrêté deux hommes après le vol, a indiqué un porte-parole.",
        "fr",
    ),
    ("Belgrade", "La policía de Zagreb detuvo a dos hombres tras el robo, dijo un portavoz.", "es"),
    (
        "Athens",
        "Полиция Салоник задержала двух мужчин после ограбления, сообщил представитель.",
        "ru",
    ),
    (
        "Kyiv",
        "Policja we Lwowie zatrzymała dwóch mężczyzn po napadzie, poinformował rzecznik.",
        "pl",
    ),
    (
        "Cairo",
        "La polizia di Alessandria ha arrestato due uomini dopo la rapina, ha detto un portavoce.",
        "it",
    ),
    (
        "Lyon",
        "Die Polizei in Grenoble nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    ("Marseille", "La policía de Niza detuvo a dos hombres tras el robo, dijo un portavoz.", "es"),
    (
        "Bordeaux",
        "Полиция Тулузы задержала двух мужчин после ограбления, сообщил представитель.",
        "ru",
    ),
    (
        "Seville",
        "Die Polizei in Córdoba nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    ("Dresden", "Policie v Lipsku zadržela po loupeži dva muže, uvedl mluvčí.", "cs"),
    (
        "Leipzig",
        "Policja w Dreźnie zatrzymała dwóch mężczyzn po napadzie, poinformował rzecznik.",
        "pl",
    ),
    ("Osaka", "京都の警察は強盗事件の後、男2人を逮捕したと広報担当者が述べた。", "ja"),
    ("Shanghai", "发言人说，广州警方在抢劫案发生后逮捕了两名男子。", "zh"),
    ("Delhi", "प्रवक्ता ने बताया कि मुंबई पुलिस ने लूट के बाद दो लोगों को गिरफ्तार किया।", "hi"),
    (
        "Hanover",
        "La police de Brême a arrêté deux hommes après le vol, a indiqué un porte-parole.",
        "fr",
    ),
    (
        "Trieste",
        "Die Polizei in Venedig nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
    (
        "Poznan",
        "Die Polizei in Breslau nahm nach dem Raub zwei Männer fest, sagte ein Sprecher.",
        "de",
    ),
]


def measure(
    sentence: str, faithful: list[Pair], swapped: list[Pair], judge: FactJudge
) -> tuple[int, int, int, int]:
    """(faithful pairs flagged, faithful pairs, swap directions seen, swap directions)."""

    def names(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[str]:
        return [
            f.format() for f in judge.flags(src, tgt, src_lang, tgt_lang) if f.category == "entity"
        ]

    flagged = 0
    for city, text, lang in faithful:
        english = sentence.format(city)
        found = names(english, "en", text, lang) + names(text, lang, english, "en")
        flagged += bool(found)
        if found:
            print(f"  faithful, flagged: {lang} {city}: {found}")
    seen = 0
    for city, text, lang in swapped:
        english = sentence.format(city)
        for found in (names(english, "en", text, lang), names(text, lang, english, "en")):
            hit = any(f.startswith("changed:entity:") for f in found)
            seen += hit
            if not hit:
                print(f"  swap, missed: {lang} {city}: {found}")
    return flagged, len(faithful), seen, 2 * len(swapped)


def main() -> None:
    from align import get_embedder

    judge = FactJudge.of(get_embedder("e5"))
    for title, sentence, faithful, swapped in (
        ("set A (tuning part of the slot rule)", SET_A_SENTENCE, SET_A_FAITHFUL, SET_A_SWAPPED),
        ("set B (tuned on by nothing)", SET_B_SENTENCE, SET_B_FAITHFUL, SET_B_SWAPPED),
    ):
        print(title)
        flagged, pairs, seen, swaps = measure(sentence, faithful, swapped, judge)
        print(f"{title}: faithful pairs flagged {flagged}/{pairs}, swaps seen {seen}/{swaps}")


if __name__ == "__main__":
    main()
