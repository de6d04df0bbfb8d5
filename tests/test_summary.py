"""The human summary, on plain rows: what it lists and what it leaves to the TSV."""

from __future__ import annotations

from eval.summary import format_text, summarize
from eval.tsv import Row


def _row(
    tgt_doc: str, src: tuple[int, ...], tgt: tuple[int, ...], score: float, flags: list[str]
) -> Row:
    return Row(
        src_doc="ref",
        tgt_doc=tgt_doc,
        src_lang="en",
        tgt_lang="fr",
        src_ids=src,
        tgt_ids=tgt,
        src_text="The meeting took place last year." if src else "",
        tgt_text="La réunion a eu lieu." if tgt else "",
        align_score=score,
        fidelity=0.6 if src and tgt else 0.0,
        flags=tuple(flags),
    )


def test_a_translation_lists_its_flags_and_another_text_only_its_verdict() -> None:
    rows = [
        _row("faithful", (0,), (0,), 0.9, ["dropped:date:last year"]),
        _row("other", (0,), (), 0.0, ["omission:sentence:The meeting took place last year."]),
        _row("other", (), (0,), 0.0, ["addition:sentence:La réunion a eu lieu."]),
    ]
    text = format_text(summarize(rows))
    assert "faithful against ref: 1 flag\n  [src 0 / tgt 0] dropped:date:last year" in text
    assert "not a translation" in text.splitlines()[3]
    assert "other against ref: not a translation (confident coverage 0.00 < 0.4)" in text
    assert "its 2 flags are not listed here" in text
    assert "omission:sentence" not in text and "addition:sentence" not in text
    # the table still counts them
    assert "addition 1, omission 1" in text.splitlines()[3]
