"""Extraction quality against the hand-written gold fixtures.

The seeds were the development set, so their scores are optimistic; the invented
other-province corpus is the held-out check.  Thresholds are set below the measured scores so
a regression fails the test.
"""

import pytest

from cantho_analysis import config
from cantho_analysis.analyse.quality import evaluate
from cantho_analysis.pipeline import build_tables

FIXTURES = config.REPO_DIR / "tests" / "fixtures"


@pytest.mark.parametrize("corpus, gold, floor", [
    (config.SEEDS_DIR, FIXTURES / "gold", 0.9),
    (FIXTURES / "other_corpus", FIXTURES / "other_gold", 0.75),
])
def test_every_table_scores_above_its_floor(corpus, gold, floor):
    scores, _ = evaluate(build_tables(corpus), gold)
    assert set(scores["table"]) == {"documents", "officials", "credits", "quantities", "legal_refs",
                                    "congresses", "plan_elements", "themes", "sentences"}
    low = scores[(scores["precision"] < floor) | (scores["recall"] < floor)]
    assert low.empty, low.to_string()
