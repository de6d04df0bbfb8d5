"""The DP search on synthetic costs, independent of any text."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from align.dp import align_path, bead_shapes


def _costs(n: int, m: int, matrix: np.ndarray, null: float) -> dict[tuple[int, int], np.ndarray]:
    costs = {}
    for a, b in bead_shapes(3):
        full = np.full((n + 1, m + 1), np.inf)
        if a == 0 or b == 0:
            full[:, :] = null
        elif a == 1 and b == 1:
            full[1:, 1:] = matrix
        costs[(a, b)] = full
    return costs


def test_follows_the_cheap_diagonal_and_skips_an_inserted_sentence() -> None:
    # target sentence 1 is extra: matches are (0,0), (1,2), (2,3)
    match = np.full((3, 4), 5.0)
    for i, j in [(0, 0), (1, 2), (2, 3)]:
        match[i, j] = 0.1
    path = align_path(_costs(3, 4, match, 1.0), 3, 4)
    assert path == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))]


def test_merged_bead_wins_when_cheaper() -> None:
    costs = _costs(2, 1, np.full((2, 1), 3.0), 2.0)
    costs[(2, 1)][2, 1] = 0.5
    assert align_path(costs, 2, 1) == [((0, 1), (0,))]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 12), st.integers(0, 12), st.integers(0, 2**31 - 1))
def test_every_sentence_in_exactly_one_bead(n: int, m: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    costs = {}
    for a, b in bead_shapes(3):
        arr = rng.uniform(0, 3, size=(n + 1, m + 1)) * (a + b)
        if rng.random() < 0.2 and (a, b) not in ((0, 1), (1, 0)):
            arr[:] = np.inf
        costs[(a, b)] = arr
    path = align_path(costs, n, m)
    src = [i for s, _ in path for i in s]
    tgt = [j for _, t in path for j in t]
    assert src == list(range(n)) and tgt == list(range(m))
    assert all(s or t for s, t in path)


def test_merged_sentences_that_are_no_part_of_the_translation_are_split_off() -> None:
    from align.aligner import split_unrelated

    pair = {(0, 0): 0.4, (0, 1): 1.2, (1, 3): 0.5, (1, 4): 0.6, (2, 5): 0.5, (2, 6): 0.7}
    bead = {
        ((0,), (0, 1)): 0.7,
        ((0,), (1,)): 1.2,
        ((0,), (0,)): 0.4,
        ((1,), (3, 4)): 0.45,  # the two halves translate the source together: kept
        ((1,), (3,)): 0.5,
        ((1,), (4,)): 0.6,
        ((2,), (5, 6)): 0.8,
        ((2,), (5,)): 0.5,  # better without target 6: 6 is no part of it
        ((2,), (6,)): 0.75,
    }
    beads = [((0,), (0, 1)), ((), (2,)), ((1,), (3, 4)), ((2,), (5, 6))]
    split = split_unrelated(
        beads, lambda i, j: pair[(i, j)], lambda s, t: bead[(s, t)], threshold=1.0, gain=0.1
    )
    assert split == [
        ((0,), (0,)),
        ((), (1,)),  # no closer than chance to source 0
        ((), (2,)),
        ((1,), (3, 4)),
        ((2,), (5,)),
        ((), (6,)),
    ]


def test_the_tokens_a_bead_renders_keep_a_sentence_in_it_or_take_it_out() -> None:
    from align.aligner import TokenLinks, absorb_nulls, split_unrelated

    # source 0 is a short clause the target folded into one long sentence with source 1:
    # no closer than chance to it as a whole, but half its words are rendered there
    pair = {(0, 0): 1.04, (1, 0): 0.34, (2, 1): 0.4, (3, 1): 1.1}
    bead = {((0, 1), (0,)): 0.38, ((1,), (0,)): 0.34, ((0,), (0,)): 1.04}
    bead |= {((2, 3), (1,)): 0.42, ((2,), (1,)): 0.4, ((3,), (1,)): 1.1}
    share = {0: TokenLinks(0.5, 6), 1: TokenLinks(0.9, 12), 2: TokenLinks(0.8, 9)}
    share[3] = TokenLinks(0.1, 8)  # a caption: its words are nowhere in the target

    def links(side: int, sentence: int, same: tuple, other: tuple) -> TokenLinks:
        return share[sentence]

    def split(beads: list, **rules: float) -> list:
        return split_unrelated(
            beads, lambda i, j: pair[(i, j)], lambda s, t: bead[(s, t)], 1.0, 0.1, **rules
        )

    merged = [((0, 1), (0,)), ((2, 3), (1,))]
    assert split(merged) == [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((3,), ())]
    kept = split(merged, links=links, keep_share=0.33, drop_share=0.2, min_tokens=6)
    assert kept == [((0, 1), (0,)), ((2,), (1,)), ((3,), ())]
    # a caption of fewer tokens than min_tokens is not judged by its share: chance decides
    share[3] = TokenLinks(0.0, 2)
    pair[(3, 1)] = 0.9
    assert split([((2, 3), (1,))], links=links, keep_share=0.33, drop_share=0.2, min_tokens=6) == [
        ((2, 3), (1,))
    ]

    # the same clause left unaligned joins the bead that renders it, not its other neighbour
    nulls = [((5,), (4,)), ((0,), ()), ((1,), (0,))]
    pair |= {(0, 4): 1.1, (5, 4): 0.3}
    shapes = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))

    def links_near(side: int, sentence: int, same: tuple, other: tuple) -> TokenLinks:
        return TokenLinks(0.5 if other == (0,) else 0.1, 6)

    assert absorb_nulls(nulls, lambda i, j: pair[(i, j)], 0.7, shapes) == nulls
    assert absorb_nulls(nulls, lambda i, j: pair[(i, j)], 0.7, shapes, links_near, 0.33) == [
        ((5,), (4,)),
        ((0, 1), (0,)),
    ]


def test_doubtful_runs_widen_the_merged_side_and_embed_long_runs_only_inside() -> None:
    from align.aligner import doubtful_runs

    # ten sentences a side, all 1-1 except a 2-1 merge of source 4-5 with target 4
    path = [((i,), (i,)) for i in range(4)] + [((4, 5), (4,))]
    path += [((i,), (i - 1,)) for i in range(6, 10)]
    src, tgt = doubtful_runs(path, lambda s, t: 0.0, 10, 9, (3, 3), 0.8, 1, 0)
    # runs of two: within one sentence of the stretch on the merged side (source 3..6);
    # the side that holds one sentence is not widened (target 4 alone holds no run of two)
    assert np.flatnonzero(src[2]).tolist() == [3, 4, 5]
    assert not tgt[2].any()
    assert np.flatnonzero(tgt[1]).tolist() == [4]
    # runs of three: inside the stretch itself (source 4-5 holds none)
    assert not src[3].any() and not tgt[3].any()
    # the same margin for every length when no long margin is given
    src, _ = doubtful_runs(path, lambda s, t: 0.0, 10, 9, (3, 3), 0.8, 1)
    assert np.flatnonzero(src[3]).tolist() == [3, 4]
    # a sure 1-1 (cost below the threshold) is no stretch; a doubtful one is
    _, tgt = doubtful_runs(path, lambda s, t: 0.9 if s == (8,) else 0.0, 10, 9, (3, 3), 0.8, 0, 0)
    assert np.flatnonzero(tgt[1]).tolist() == [4, 7]


def test_bead_shapes_follow_bertalign_rule() -> None:
    # a + b <= max_bead + 1: at 3 the former set, at 5 up to 1-5, 2-4 and 3-3
    assert set(bead_shapes(3)) == {(0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (1, 3), (2, 2), (3, 1)}
    five = set(bead_shapes(5))
    assert {(1, 5), (5, 1), (2, 4), (4, 2), (3, 3), (2, 3)} <= five
    assert not {(2, 5), (3, 4), (1, 6)} & five
    assert len(five) == 2 + 15
