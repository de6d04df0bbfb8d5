"""The benchmarks' alignment scorers on a hand-made case: the published rules, exactly."""

from __future__ import annotations

import pytest

from bench.mac import ExactCounts, bead_key
from bench.textberg import Counts

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
TEST = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3,))]


def test_textberg_rule_counts_null_beads_in_precision_only() -> None:
    counts = Counts()
    counts.add(TEST, GOLD)
    s = counts.scores()
    # precision over all 5 predicted beads: 0-0, the gold null []:[2] and 3-3 are strict
    # hits; 1-1 is a lax one (1 and 1 are linked in the gold); the false null [2]:[] is neither
    assert (s["strict_p"], s["lax_p"]) == (pytest.approx(3 / 5), pytest.approx(4 / 5))
    # recall over the 3 gold beads non-empty on both sides, against the prediction's
    assert (s["strict_r"], s["lax_r"]) == (pytest.approx(2 / 3), pytest.approx(3 / 3))


def test_mac_rule_is_exact_strings_with_null_beads_on_both_sides() -> None:
    counts = ExactCounts()
    counts.add(TEST, GOLD)
    s = counts.scores()
    assert (s["p"], s["r"]) == (pytest.approx(3 / 5), pytest.approx(3 / 4))
    assert bead_key(((1, 2), ())) == "[1,2]:[]"
