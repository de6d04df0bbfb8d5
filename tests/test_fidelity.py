"""The fidelity formula on plain numbers: each factor, and how they combine."""

from __future__ import annotations

import math

import pytest

from eval.fidelity import (
    FidelityConfig,
    bead_fidelity,
    length_score,
    mt_score,
    pair_calibration,
    semantic_score,
)

CONFIG = FidelityConfig()


def test_semantic_score_is_the_distance_above_chance_and_never_saturates() -> None:
    mean, sd = 2.7, 0.25
    assert semantic_score(mean, mean, sd, CONFIG) == 0.0
    assert (
        semantic_score(mean - 1.0, mean, sd, CONFIG) == 0.0
    )  # below chance is no worse than chance
    two, four, six = (semantic_score(mean + z * sd, mean, sd, CONFIG) for z in (2, 4, 6))
    assert two == pytest.approx(1 - math.exp(-1)) and four == pytest.approx(1 - math.exp(-2))
    assert two < four < six < 1.0


def test_length_score_forgives_the_usual_spread_and_no_more() -> None:
    # the pair's own ratio is 1.2: a bead at that ratio, or within a factor of 1.4 of it, is fine
    assert length_score(100, 120, 1.2, CONFIG) == 1.0
    assert length_score(100, 160, 1.2, CONFIG) == 1.0
    # a factor of 2 off the pair's ratio costs the full weight, more costs no more
    assert length_score(100, 240, 1.2, CONFIG) == pytest.approx(1 - CONFIG.length_weight)
    assert length_score(100, 900, 1.2, CONFIG) == pytest.approx(1 - CONFIG.length_weight)
    assert 1 - CONFIG.length_weight < length_score(100, 200, 1.2, CONFIG) < 1.0
    assert length_score(0, 10, 1.0, CONFIG) == 0.0


def test_mt_score_is_one_at_the_pairs_usual_chrf_and_mild_below() -> None:
    assert mt_score(60.0, 60.0, CONFIG) == 1.0 and mt_score(80.0, 60.0, CONFIG) == 1.0
    assert mt_score(30.0, 60.0, CONFIG) == pytest.approx(0.5**CONFIG.mt_weight)
    assert mt_score(30.0, 0.0, CONFIG) == 1.0


def test_bead_fidelity_multiplies_its_factors_and_each_flag_costs_a_share() -> None:
    assert bead_fidelity(0.9, 0, 0.0, 1.0, CONFIG) == 0.9
    assert bead_fidelity(0.9, 1, 0.0, 1.0, CONFIG) == round(0.9 * CONFIG.fact_penalty, 4)
    assert bead_fidelity(0.9, 2, 0.0, 1.0, CONFIG) == round(0.9 * CONFIG.fact_penalty**2, 4)
    # text left wholly in the reference's language keeps only the untranslated factor
    assert bead_fidelity(0.9, 0, 1.0, 1.0, CONFIG) == round(0.9 * CONFIG.untranslated_factor, 4)
    assert bead_fidelity(0.9, 0, 0.0, 0.8, CONFIG, mt=0.5) == 0.36
    assert bead_fidelity(1.5, 0, 0.0, 1.0, CONFIG) == 1.0


def test_a_language_the_model_reads_less_well_is_calibrated_up_to_the_typical_one() -> None:
    ja, fr = pair_calibration("en", "ja", CONFIG), pair_calibration("en", "fr", CONFIG)
    # Japanese stands 0.82 above non-matching sentences, the median language 1.15
    assert ja.factor == pytest.approx(1.40, abs=0.01) and ja.shift < 0
    assert fr.factor == 1.0 and fr.shift > 0  # never scaled down; French shares more subwords
    assert pair_calibration("ja", "en", CONFIG) == ja
    # two languages of the table: the weaker one's factor, both shifts
    zh = pair_calibration("en", "zh", CONFIG)
    ja_zh = pair_calibration("ja", "zh", CONFIG)
    assert ja_zh.factor == ja.factor and ja_zh.shift == pytest.approx(ja.shift + zh.shift)
    # one language, or one the table does not know, is left as it is
    assert pair_calibration("ja", "ja", CONFIG).factor == 1.0
    assert pair_calibration("en", "sw", CONFIG) == pair_calibration("en", "en", CONFIG)
    assert pair_calibration("en", "ja", FidelityConfig(language_gaps=())).factor == 1.0
    # the factor scales z: the same similarity scores higher in Japanese
    assert semantic_score(3.0, 2.5, 0.2, CONFIG, ja.factor) > semantic_score(3.0, 2.5, 0.2, CONFIG)
