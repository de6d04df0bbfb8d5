"""Faithful professional-grade MT of TED talk sentences (WMT21 MQM, segments the annotators
found no error in, from the talks the rules were looked at on) carries no fact flag; the
readings they exposed still find the facts they are for."""

from __future__ import annotations

import pytest

from .conftest import entity_flags, fact_flags, fact_keys

FAITHFUL = [
    ("So here it is.", "Hier ist es also."),
    ("We weren't even here.", "Wir waren nicht einmal hier."),
    (
        "So within the next few years, we'll be able to turn up the soundtrack a little bit.",
        "In den nächsten Jahren werden wir also in der Lage sein, den Soundtrack ein wenig aufzudrehen.",
    ),
    (
        "Imagine a billion years ago, two black holes collided.",
        "Stellen Sie sich vor, vor einer Milliarde Jahren kollidierten zwei Schwarze Löcher.",
    ),
    (
        "And I'd like you to pay attention to the shape of the iceberg and where it is at the waterline.",
        "Und ich möchte, dass Sie auf die Form des Eisbergs achten und darauf, wo er an der Wasserlinie ist.",
    ),
    (
        "Maybe they collapsed to two black holes -- each one 10 times the mass of the Sun.",
        "Vielleicht kollabierten sie zu zwei Schwarzen Löchern – jedes mit der zehnfachen Masse der Sonne.",
    ),
    (
        "They will merge over a billion-year time scale.",
        "Sie werden über einen Zeitraum von einer Milliarde Jahren verschmelzen.",
    ),
    (
        "We might one day see a shadow a black hole can cast on a very bright background.",
        "Wir könnten eines Tages einen Schatten sehen, den ein Schwarzes Loch auf einen hellen Hintergrund wirft.",
    ),
    (
        "It's about 120 feet above the water, or 40 meters.",
        "Er befindet sich etwa 40 Meter über dem Wasser.",
    ),
    (
        "The icebergs around me were almost 200 feet out of the water.",
        "Die Eisberge um mich herum ragten fast 60 Meter aus dem Wasser.",
    ),
    ("That's about a 15-foot boat.", "Das ist etwa fünf Meter lang."),
    (
        "Some of the ice in the icebergs that I photograph is very young -- a couple thousand years old.",
        "Ein Teil des Eises in den Eisbergen, die ich fotografiere, ist sehr jung – einige tausend Jahre alt.",
    ),
]


@pytest.mark.parametrize(("en", "de"), FAITHFUL)
def test_faithful_sentences_have_no_date_or_number_flag(en: str, de: str) -> None:
    assert fact_flags(en, "en", de, "de") == []


def test_the_readings_still_find_their_facts() -> None:
    assert fact_keys("Il est venu hier.", "fr") == ["rel:day:-1"]
    assert fact_keys("vor drei Jahren", "de") == fact_keys("three years ago", "en")
    assert fact_keys("am 8. März 2024", "de") == ["date:2024-03-08"]
    assert fact_flags(
        "Imagine ten billion years ago.",
        "en",
        "Stellen Sie sich vor, vor einer Milliarde Jahren.",
        "de",
    ) == ["changed:date:ten billion years ago -> vor einer Milliarde Jahren"]
    assert fact_flags("within the next few years", "en", "in den letzten Jahren", "de") == [
        "changed:date:next few years -> letzten Jahren"
    ]
    assert fact_flags(
        "The strike lasted one day.", "en", "Der Streik dauerte zwei Tage.", "de"
    ) == ["changed:date:one day -> zwei Tage"]
    assert fact_flags("almost 200 feet high", "en", "fast 90 Meter hoch", "de") == [
        "changed:number:200 -> 90"
    ]
    assert fact_flags("10 miles away", "en", "à 16 km", "fr") == []
    assert fact_flags("10 miles away", "en", "à 30 km", "fr") == ["changed:number:10 -> 30"]
    assert fact_flags("It is 10 times larger.", "en", "Es ist dreimal so groß.", "de") == [
        "changed:number:10 -> dreimal"
    ]
    assert fact_flags(
        "over a million-year time scale", "en", "über eine Milliarde Jahre", "de"
    ) == ["changed:date:million-year -> Milliarde Jahre"]


NAMES_BY_MEANING = [
    ("(Applause)", "(Beifall)"),
    (
        "But if we detect those earliest moments, it'll bring us closer to an understanding of the Big Bang.",
        "Aber wenn wir diese frühesten Momente aufspüren, bringt uns das dem Verständnis des Urknalls näher.",
    ),
    (
        "So imagine you're inside the Big Bang.",
        "Stellen Sie sich vor, Sie befinden sich im Urknall.",
    ),
    (
        "We would see a shadow of that black hole against the hundred billion stars in the Milky Way Galaxy.",
        "Wir würden einen Schatten dieses Schwarzen Lochs vor den hundert Milliarden Sternen in der Milchstraße sehen.",
    ),
    (
        "And LISA will be able to see super-massive black holes -- black holes millions of times the mass of the Sun.",
        "Und LISA wird supermassereiche Schwarze Löcher sehen können – "
        "Schwarze Löcher mit der millionenfachen Masse der Sonne.",
    ),
    (
        "A song which I'd like to play for you.",
        "Ein Lied, das ich Ihnen gerne vorspielen möchte.",
    ),
]


@pytest.mark.parametrize(("en", "de"), NAMES_BY_MEANING)
def test_a_name_of_ordinary_words_rendered_by_meaning_is_kept(  # type: ignore[no-untyped-def]
    en: str, de: str, embedder
) -> None:
    assert entity_flags(en, "en", de, "de", embedder) == []


def test_a_name_replaced_beside_a_translated_term_is_still_changed(embedder) -> None:  # type: ignore[no-untyped-def]
    en = "Council leader Maria Thornton spoke about the Big Bang."
    de = "Die Ratsvorsitzende Helen Carter sprach über den Urknall."
    assert entity_flags(en, "en", de, "de", embedder) == [
        "changed:entity:Maria Thornton -> Helen Carter"
    ]


@pytest.mark.parametrize(
    ("en", "de", "added"),
    [
        (
            "The minister spoke about the budget.",
            "Der Minister Olaf Scholz sprach über den Haushalt.",
            "Olaf Scholz",
        ),
        (
            "He spoke about the budget on Monday.",
            "Er sprach am Montag im Weißen Haus über den Haushalt.",
            "Weißen Haus",
        ),
    ],
)
def test_a_name_the_reference_does_not_render_is_still_added(  # type: ignore[no-untyped-def]
    en: str, de: str, added: str, embedder
) -> None:
    assert entity_flags(en, "en", de, "de", embedder) == [f"added:entity:{added}"]
