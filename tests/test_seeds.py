"""The bundled seeds against the English reference 003: alignment and the meeting-date flag."""

from __future__ import annotations

import pytest

from align import align_documents
from eval.pipeline import alignment_rows
from eval.summary import verdict

from .conftest import REF, rows_of


def _video_conference_row(rows):  # type: ignore[no-untyped-def]
    # sentence 1 of 003 is the video-conference sentence ("... during a video conference last year ...")
    (row,) = [r for r in rows if 1 in r.src_ids]
    return row


def test_four_pairs_every_sentence_once(seed_rows, seed_docs) -> None:  # type: ignore[no-untyped-def]
    assert {r.src_doc for r in seed_rows} == {REF.stem}
    assert len({r.tgt_doc for r in seed_rows}) == 4
    for tgt in {r.tgt_doc for r in seed_rows}:
        rows = [r for r in seed_rows if r.tgt_doc == tgt]
        src_ids = [i for r in rows for i in r.src_ids]
        tgt_ids = [j for r in rows for j in r.tgt_ids]
        assert src_ids == list(range(len(seed_docs[REF.stem])))
        assert tgt_ids == list(range(len(seed_docs[tgt])))


def test_meeting_date_dropped_in_000_and_002(seed_rows) -> None:  # type: ignore[no-untyped-def]
    for prefix in ("000", "002"):
        row = _video_conference_row(rows_of(seed_rows, prefix))
        assert row.tgt_ids, f"{prefix}: the video-conference sentence must be aligned, not omitted"
        assert "dropped:date:last year" in row.flags, (prefix, row.flags)
        assert "vid" in row.tgt_text.lower()


def test_facts_said_another_way_are_flagged_in_no_translation(seed_rows) -> None:  # type: ignore[no-untyped-def]
    # "$13 billion" = "13 milliards de dollars" = "$ 13 miliar"; "nearly a year", "later
    # this year" and Anthropic ~ Antropik in every translation (the opinion piece 004,
    # another article, is not one)
    said = ("$13 billion", "nearly a year", "later this year", "Anthropic", "Antropik")
    for prefix in ("000", "001", "002"):
        flags = [f for r in rows_of(seed_rows, prefix) for f in r.flags]
        assert (flags == []) == (prefix == "001"), prefix
        assert not [f for f in flags if any(fact in f for fact in said)], prefix


def test_faithful_french_is_not_accused(seed_rows) -> None:  # type: ignore[no-untyped-def]
    row = _video_conference_row(rows_of(seed_rows, "001"))
    assert "l'année dernière" in row.tgt_text
    assert not any(f.startswith(("dropped", "added", "changed")) for f in row.flags)


def test_dropped_clause_is_named_in_000(seed_rows) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in rows_of(seed_rows, "000") if "Copilot" in r.src_text and r.tgt_ids)
    assert "replacing OpenAI's models" in row.src_text
    content = [f for f in row.flags if f.startswith("dropped:content:")]
    assert content and "with the aim of replacing" in content[0], row.flags


def test_sentence_folded_into_the_next_is_a_2_1_bead_in_000_and_002(seed_rows) -> None:  # type: ignore[no-untyped-def]
    # reference 3 ("... being tested in Microsoft Copilot ...") and 4 (the API) are one
    # sentence 5 in the French 000 and the Indonesian 002
    for prefix in ("000", "002"):
        beads = [(r.src_ids, r.tgt_ids) for r in rows_of(seed_rows, prefix)]
        assert ((3, 4), (5,)) in beads, (prefix, beads[:8])
        assert "Copilot" in next(
            r.tgt_text for r in rows_of(seed_rows, prefix) if r.tgt_ids == (5,)
        )


@pytest.mark.parametrize("with_second", [True, False], ids=["e5+use", "e5"])
def test_001_aligns_exactly(seed_docs, embedder, second, with_second) -> None:  # type: ignore[no-untyped-def]
    helper = second if with_second else None
    alignment = align_documents(
        seed_docs[REF.stem], seed_docs["001_355e51555a3ccf1d"], embedder, second=helper
    )
    expected = (
        [((i,), (i,)) for i in range(9)]
        + [((9, 10), (9,))]
        + [((i + 1,), (i,)) for i in range(10, 17)]
    )
    assert [(b.src_ids, b.tgt_ids) for b in alignment.beads] == expected
    assert alignment.coverage == 1.0 and verdict(alignment_rows(alignment)) == "translation"


@pytest.mark.parametrize("with_second", [True, False], ids=["e5+use", "e5"])
def test_opinion_piece_is_not_a_translation(seed_docs, embedder, second, with_second) -> None:  # type: ignore[no-untyped-def]
    helper = second if with_second else None
    ref = seed_docs[REF.stem]
    alignment = align_documents(ref, seed_docs["004_3dbb8be4327ffdce"], embedder, second=helper)
    assert verdict(alignment_rows(alignment)) == "not a translation"
    for prefix in ("000", "001", "002"):
        version = seed_docs[next(k for k in seed_docs if k.startswith(prefix))]
        translated = align_documents(ref, version, embedder, second=helper)
        assert verdict(alignment_rows(translated)) == "translation", prefix


def test_fidelity_orders_faithful_above_damaged(seed_rows) -> None:  # type: ignore[no-untyped-def]
    from eval import summarize

    by_doc = {s.tgt_doc[:3]: s for s in summarize(seed_rows)}
    assert by_doc["001"].fidelity > 0.8
    assert by_doc["001"].fidelity > by_doc["000"].fidelity + 0.1
    assert by_doc["001"].fidelity > by_doc["002"].fidelity + 0.1
    assert by_doc["004"].fidelity < 0.3 and by_doc["004"].verdict == "not a translation"
    assert by_doc["001"].flag_counts == {}


def test_another_text_is_compared_for_facts_only_where_it_translates(seed_rows) -> None:  # type: ignore[no-untyped-def]
    """The opinion piece 004 pairs sentences that do not translate each other: their
    differences are no finding. Its confident beads are still checked."""
    from align.aligner import CONFIDENT_BEAD

    matched = [r for r in rows_of(seed_rows, "004") if r.src_ids and r.tgt_ids]
    loose = [r for r in matched if r.align_score < CONFIDENT_BEAD]
    sure = [r for r in matched if r.align_score >= CONFIDENT_BEAD]
    assert len(loose) > 5 and len(sure) >= 2
    for row in loose:
        assert all(f.startswith("low_similarity:") for f in row.flags), row.flags
    assert any(f.split(":")[0] in {"dropped", "added", "changed"} for r in sure for f in r.flags)


def test_merged_runs_are_embedded_only_where_the_alignment_is_doubtful(seed_docs, embedder) -> None:  # type: ignore[no-untyped-def]
    from align import AlignConfig
    from align.embedders import CountingEmbedder

    ref = seed_docs[REF.stem]
    for prefix in ("000", "001", "002"):
        version = seed_docs[next(k for k in seed_docs if k.startswith(prefix))]
        every, doubtful = CountingEmbedder(embedder), CountingEmbedder(embedder)
        full = align_documents(ref, version, every, AlignConfig(embed_merges="all"))
        lean = align_documents(ref, version, doubtful, AlignConfig())
        assert [(b.src_ids, b.tgt_ids) for b in lean.beads] == [
            (b.src_ids, b.tgt_ids) for b in full.beads
        ], prefix
        n, m = len(ref), len(version)
        runs = AlignConfig().max_bead  # every run of 1 .. max_bead sentences, each side
        assert every.asked == sum(n - k + 1 + m - k + 1 for k in range(1, runs + 1))
        assert n + m <= doubtful.asked <= every.asked, prefix
        if prefix == "001":  # sure 1-1 pairs all along but for one 2-1 merge
            assert doubtful.asked < 0.7 * every.asked
