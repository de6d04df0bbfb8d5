"""A name swapped for another in a translation is ``changed``, whatever the languages;
its faithful twin carries no flag. Each case is a plain sentence and two versions of it:
one that puts another person, place or organisation in the name's place, one that keeps
the name (spelled, transcribed or in another script)."""

from __future__ import annotations

import pytest

from .conftest import entity_flags

SWAPS = [
    (
        "tr",
        "en",
        "Belediye Başkanı Ayşe Demir, geçen yıl köprü için 12 milyon lira harcandığını söyledi.",
        "Last year, Mayor Fatma Kaya said, 12 million lira had been spent on the bridge.",
        "Last year, Mayor Ayşe Demir said, 12 million lira had been spent on the bridge.",
        "Ayşe Demir -> Fatma Kaya",
    ),
    (
        "de",
        "en",
        "Die Delegation reiste im Mai nach Südkorea.",
        "The delegation travelled to North Korea in May.",
        "The delegation travelled to South Korea in May.",
        "Südkorea -> North Korea",
    ),
    (
        "de",
        "en",
        "Der Vertrag wurde in Österreich unterzeichnet.",
        "The treaty was signed in Australia.",
        "The treaty was signed in Austria.",
        "Österreich -> Australia",
    ),
    (
        "en",
        "de",
        "Council leader Maria Thornton said the money would come from a special infrastructure fund.",
        "Die Ratsvorsitzende Helen Carter sagte, das Geld werde aus einem Sonderfonds für Infrastruktur kommen.",
        "Die Ratsvorsitzende Maria Thornton sagte, das Geld werde aus einem Sonderfonds für Infrastruktur kommen.",
        "Maria Thornton -> Helen Carter",
    ),
    (
        "en",
        "fr",
        "The contract was awarded to Siemens after a long tender.",
        "Le contrat a été attribué à Alstom après un long appel d'offres.",
        "Le contrat a été attribué à Siemens après un long appel d'offres.",
        "Siemens -> Alstom",
    ),
    (
        "en",
        "es",
        "The festival will take place in Valencia next summer.",
        "El festival tendrá lugar en Sevilla el próximo verano.",
        "El festival tendrá lugar en Valencia el próximo verano.",
        "Valencia -> Sevilla",
    ),
    (
        "en",
        "ru",
        "Prime minister Olaf Becker met the delegation on Monday.",
        "Премьер-министр Ханс Мюллер встретился с делегацией в понедельник.",
        "Премьер-министр Олаф Беккер встретился с делегацией в понедельник.",
        "Olaf Becker -> Ханс Мюллер",
    ),
    (
        "en",
        "zh",
        "The company opened its new office in Nairobi.",
        "该公司在拉各斯开设了新办事处。",
        "该公司在内罗毕开设了新办事处。",
        "Nairobi -> 拉各斯",
    ),
    (
        "en",
        "ja",
        "The report was written by Thomas Keller.",
        "報告書はマイケル・ブラウンによって書かれた。",
        "報告書はトーマス・ケラーによって書かれた。",
        "Thomas Keller -> マイケル・ブラウン",
    ),
    (
        "en",
        "de",
        "Shares of Volkswagen fell sharply on Tuesday.",
        "Die Aktien von Daimler fielen am Dienstag deutlich.",
        "Die Aktien von Volkswagen fielen am Dienstag deutlich.",
        "Volkswagen -> Daimler",
    ),
    (
        "en",
        "fr",
        "The prize went to the novelist Julia Hartmann.",
        "Le prix est revenu à la romancière Sophie Marchand.",
        "Le prix est revenu à la romancière Julia Hartmann.",
        "Julia Hartmann -> Sophie Marchand",
    ),
    (
        "en",
        "es",
        "The study was funded by the Gates Foundation.",
        "El estudio fue financiado por la Fundación Ford.",
        "El estudio fue financiado por la Fundación Gates.",
        "Gates Foundation -> Fundación Ford",
    ),
    (
        "de",
        "en",
        "Bürgermeisterin Anna Weber eröffnete die Brücke am Freitag.",
        "Mayor Helen Carter opened the bridge on Friday.",
        "Mayor Anna Weber opened the bridge on Friday.",
        "Anna Weber -> Helen Carter",
    ),
    (
        "fr",
        "en",
        "La réunion s'est tenue à Lyon la semaine dernière.",
        "The meeting was held in Marseille last week.",
        "The meeting was held in Lyon last week.",
        "Lyon -> Marseille",
    ),
    (
        "ru",
        "en",
        "Мэр Казани Ильсур Метшин открыл новый парк.",
        "Kazan mayor Rustam Minnikhanov opened a new park.",
        "Kazan mayor Ilsur Metshin opened a new park.",
        "Ильсур Метшин -> Rustam Minnikhanov",
    ),
    (
        "zh",
        "en",
        "李明在北京出席了会议。",
        "Wang Wei attended the meeting in Beijing.",
        "Li Ming attended the meeting in Beijing.",
        "李明 -> Wang Wei",
    ),
    (
        "ja",
        "en",
        "田中社長は大阪で記者会見を開いた。",
        "President Suzuki held a press conference in Osaka.",
        "President Tanaka held a press conference in Osaka.",
        "田中 -> Suzuki",
    ),
]


@pytest.mark.parametrize(("src_lang", "tgt_lang", "src", "swapped", "kept", "change"), SWAPS)
def test_a_swapped_name_is_changed_and_its_twin_clean(  # type: ignore[no-untyped-def]
    src_lang: str, tgt_lang: str, src: str, swapped: str, kept: str, change: str, embedder
) -> None:
    assert entity_flags(src, src_lang, swapped, tgt_lang, embedder) == [f"changed:entity:{change}"]
    assert entity_flags(src, src_lang, kept, tgt_lang, embedder) == []


def test_a_one_sentence_pair_is_aligned_and_the_swap_reported(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    """One sentence against one: no other sentence tells the aligner what chance looks
    like, and the model's own chance level stands in (``chance_cosine``)."""
    from eval.cli import main

    _, _, src, swapped, kept, change = SWAPS[3]
    ref = tmp_path / "en.txt"
    ref.write_text(src + "\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(swapped + "\n", encoding="utf-8")
    (tmp_path / "de_kept.txt").write_text(kept + "\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert (
        main(
            [
                "run",
                "-q",
                "--ref",
                str(ref),
                str(ref),
                str(tmp_path / "de.txt"),
                str(tmp_path / "de_kept.txt"),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    from eval.tsv import read_rows

    rows = read_rows(out.read_text(encoding="utf-8").splitlines(), "out")
    assert [(r.tgt_doc, r.src_ids, r.tgt_ids) for r in rows] == [
        ("de", (0,), (0,)),
        ("de_kept", (0,), (0,)),
    ]
    assert [r.flags for r in rows] == [(f"changed:entity:{change}",), ()]


def test_a_name_the_version_renders_alike_throughout_is_its_name_for_it(embedder) -> None:  # type: ignore[no-untyped-def]
    # Minford's Deer and the Cauldron calls 韦小宝 (Wei Xiaobao) Trinket throughout: the
    # translation's name for him; a person changed once is still a change
    from eval.fidelity import FidelityConfig
    from eval.scoring import score_rows
    from eval.tsv import Row

    pairs = [
        ("韦小宝走进了大厅，向众人行礼。", "Trinket walked into the hall and bowed to everyone."),
        ("韦小宝笑着说：“我一点也不怕。”", "Trinket said with a smile: 'I am not afraid at all.'"),
        ("康熙皇帝看了韦小宝一眼，点了点头。", "Emperor Kangxi glanced at Trinket and nodded."),
        ("陈近南来到了北京。", "Zhou Enlai came to Beijing."),
    ]
    rows = [Row("zh", "en", "zh", "en", (k,), (k,), a, b, 1.0) for k, (a, b) in enumerate(pairs)]

    def names(config: FidelityConfig) -> list[list[str]]:
        scored = score_rows(rows, embedder, config)
        return [[f for f in r.flags if ":entity:" in f] for r in scored]

    assert names(FidelityConfig()) == [[], [], [], ["changed:entity:陈近南 -> Zhou Enlai"]]
    # said fewer times than the rule asks, each is reported
    assert names(FidelityConfig(rendered_name_beads=4)) == [
        ["changed:entity:韦小宝 -> Trinket"],
        ["changed:entity:韦小宝 -> Trinket"],
        ["changed:entity:韦小宝 -> Trinket"],
        ["changed:entity:陈近南 -> Zhou Enlai"],
    ]


def test_a_common_russian_name_swapped_is_changed(embedder) -> None:  # type: ignore[no-untyped-def]
    # Мария and Петрова are common Russian words, not rare ones; English writes them
    # (mariya, petrova), so the slot holds a name, which Anna Smirnova replaced
    source = "Глава совета Мария Петрова сказала, что деньги поступят из специального фонда."
    swapped = "Council head Anna Smirnova said the money would come from a special fund."
    faithful = "Council head Maria Petrova said the money would come from a special fund."
    assert entity_flags(source, "ru", swapped, "en", embedder) == [
        "changed:entity:Мария Петрова -> Anna Smirnova"
    ]
    assert entity_flags(source, "ru", faithful, "en", embedder) == []
