"""One short faithful pair per language the README claims, with the reference in that
language: a clean install runs each through the command line without a traceback."""

from __future__ import annotations

import csv
from pathlib import Path

from eval.fidelity import LANGUAGE_GAPS

from .test_cli import factalign

ENGLISH = (
    "The city council met on 12 March 2024.\n"
    "It approved a budget of 45 million euros.\n"
    "Mayor Anna Weber said the work would start next year.\n"
)
REFERENCES = {
    "ja": "市議会は2024年3月12日に会合を開いた。\n4500万ユーロの予算を承認した。\n"
    "アンナ・ウェーバー市長は、工事は来年始まると述べた。\n",
    "zh": "市议会于2024年3月12日召开会议。\n会议批准了4500万欧元的预算。\n"
    "市长安娜·韦伯表示，工程将于明年开始。\n",
    "hi": "नगर परिषद की बैठक 12 मार्च 2024 को हुई।\nइसने 45 मिलियन यूरो के बजट को मंज़ूरी दी।\n"
    "महापौर अन्ना वेबर ने कहा कि काम अगले साल शुरू होगा।\n",
    "ru": "Городской совет собрался 12 марта 2024 года.\nОн утвердил бюджет в 45 миллионов евро.\n"
    "Мэр Анна Вебер сказала, что работы начнутся в следующем году.\n",
    "de": "Der Stadtrat tagte am 12. März 2024.\nEr genehmigte einen Haushalt von 45 Millionen Euro.\n"
    "Bürgermeisterin Anna Weber sagte, die Arbeiten würden nächstes Jahr beginnen.\n",
    "fr": "Le conseil municipal s'est réuni le 12 mars 2024.\n"
    "Il a approuvé un budget de 45 millions d'euros.\n"
    "La maire Anna Weber a déclaré que les travaux commenceraient l'année prochaine.\n",
    "es": "El ayuntamiento se reunió el 12 de marzo de 2024.\n"
    "Aprobó un presupuesto de 45 millones de euros.\n"
    "La alcaldesa Anna Weber dijo que las obras comenzarían el próximo año.\n",
    "it": "Il consiglio comunale si è riunito il 12 marzo 2024.\n"
    "Ha approvato un bilancio di 45 milioni di euro.\n"
    "La sindaca Anna Weber ha detto che i lavori inizieranno l'anno prossimo.\n",
    "pl": "Rada miasta zebrała się 12 marca 2024 roku.\n"
    "Zatwierdziła budżet w wysokości 45 milionów euro.\n"
    "Burmistrz Anna Weber powiedziała, że prace rozpoczną się w przyszłym roku.\n",
    "cs": "Městská rada zasedala 12. března 2024.\nSchválila rozpočet ve výši 45 milionů eur.\n"
    "Starostka Anna Weberová řekla, že práce začnou příští rok.\n",
    "id": "Dewan kota bertemu pada 12 Maret 2024.\nDewan menyetujui anggaran sebesar 45 juta euro.\n"
    "Wali Kota Anna Weber mengatakan pekerjaan akan dimulai tahun depan.\n",
    "ko": "시의회는 2024년 3월 12일에 회의를 열었다.\n시의회는 4500만 유로의 예산을 승인했다.\n"
    "안나 베버 시장은 공사가 내년에 시작될 것이라고 말했다.\n",
}


def test_a_reference_in_each_claimed_language_runs_and_keeps_its_figures(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    lines = []
    for lang, text in REFERENCES.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{lang}\t{lang}.txt\ten.txt")
    (tmp_path / "sets.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = factalign("batch", "sets.tsv", "--presegmented", "-o", "out", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    with (tmp_path / "out" / "summary.tsv").open(encoding="utf-8") as handle:
        pairs = {row["set_id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    assert set(pairs) == set(REFERENCES)
    for lang, pair in pairs.items():
        assert (pair["status"], pair["src_lang"], pair["tgt_lang"]) == ("done", lang, "en")
        assert (pair["coverage"], pair["verdict"]) == ("1.0000", "translation"), lang
    # the date, the budget, "next year" and the mayor are the same facts in every pair:
    # an office or a council (Wali Kota, नगर परिषद, 시의회는) is no name the English dropped
    for lang in REFERENCES:
        tsv = (tmp_path / "out" / f"{lang}.tsv").read_text(encoding="utf-8")
        for category in ("date", "number", "money", "percent", "entity"):
            assert f":{category}:" not in tsv, (lang, category)
    # a faithful text reads as one in every language whose calibration DEMETR measured
    # (Japanese scored 0.64 before it was, German 0.88)
    for lang in ("ja", "zh", "hi", "ru", "de", "fr", "es", "it", "pl", "cs"):
        assert lang in {code for code, _, _ in LANGUAGE_GAPS}
        assert float(pairs[lang]["fidelity"]) >= 0.8, lang
