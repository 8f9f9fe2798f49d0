"""The scorecard and the tenures, from invented articles with invented names and figures."""

from __future__ import annotations

import pytest

from cantho_analysis.load.corpus import Corpus
from cantho_analysis.pipeline import tables_from_corpus

from .conftest import make_document

CONGRESS_2020 = (" date 2020-10-14 Đại hội Đảng bộ tỉnh Hậu Giang lần thứ XIV, nhiệm kỳ 2020-2025 khai mạc.\n"
                 "Nhiệm kỳ 2020 - 2025, Tỉnh ủy Hậu Giang phấn đấu tăng trưởng kinh tế bình quân từ 7% trở lên.")
REVIEW_2024 = " date 2024-12-20 Năm 2024, tỉnh Hậu Giang tăng trưởng kinh tế đạt 8,1%; có 17/19 chỉ tiêu đạt và vượt."
CONGRESS_2025 = (" date 2025-09-27 Đại hội Đảng bộ thành phố Cần Thơ lần thứ I, nhiệm kỳ 2025-2030 bế mạc.\n"
                 "Năm 2025, quy mô nền kinh tế thành phố Cần Thơ ước đạt 300.000 tỷ đồng.\n"
                 "Đại hội đặt mục tiêu đến năm 2030 quy mô nền kinh tế đạt 600 nghìn tỷ đồng; Nghị quyết nhiệm vụ năm 2026 "
                 "phấn đấu tăng trưởng 9%.")
OFFICIALS = [(" date 2024-03-02 Bí thư Tỉnh ủy Hậu Giang Trần Minh Phúc dự hội nghị.", "o1"),
             (" date 2025-02-02 Bí thư Tỉnh ủy Hậu Giang Trần Minh Phúc phát biểu.", "o2"),
             (" date 2025-10-02 Ông Trần Minh Phúc, Phó Bí thư Thành ủy Cần Thơ, dự lễ; ông từng giữ chức Giám đốc Sở Tài chính.", "o3"),
             (" date 2025-10-05 Phó Thủ tướng Lê Văn Dũng làm việc với Thành ủy Cần Thơ.", "o4")]


@pytest.fixture(scope="module")
def tables():
    texts = [(CONGRESS_2020, "a"), (REVIEW_2024, "b"), (CONGRESS_2025, "c")] + OFFICIALS
    return tables_from_corpus(Corpus(tuple(make_document(text, doc_id) for text, doc_id in texts)))


def _cell(tables, territory, metric, column):
    card = tables["scorecard"].set_index(["territory", "metric", "unit"])
    return card.xs((territory, metric), level=["territory", "metric"])[column].iloc[0]


def test_earlier_term_target_beside_its_result(tables):
    assert _cell(tables, "Hậu Giang", "grdp_growth", "previous_term_target") == 7.0
    assert _cell(tables, "Hậu Giang", "grdp_growth", "previous_term_target_qualifier") == "at_least"
    assert _cell(tables, "Hậu Giang", "grdp_growth", "previous_term_result") == 8.1
    assert _cell(tables, "Hậu Giang", "grdp_growth", "previous_term_result_year") == "2024"


def test_tally_keeps_its_denominator(tables):
    assert _cell(tables, "Hậu Giang", "targets_met", "targets_met") == "17/19 (2024)"


def test_current_target_and_the_growth_it_needs(tables):
    """600 nghìn tỷ in 2030 from 300.000 tỷ in 2025: 2 ** (1/5) - 1 = 14.9% a year."""
    assert _cell(tables, "Cần Thơ (merged)", "economy_size", "current_term_target") == 600000.0
    assert _cell(tables, "Cần Thơ (merged)", "economy_size", "baseline") == 300000.0
    assert _cell(tables, "Cần Thơ (merged)", "economy_size", "baseline_year") == 2025
    assert _cell(tables, "Cần Thơ (merged)", "economy_size", "implied_annual_growth") == 14.9
    provenance = _cell(tables, "Cần Thơ (merged)", "economy_size", "provenance")
    assert "current_term_target: c#" in provenance and "baseline: c#" in provenance


def test_an_annual_target_never_fills_a_term_cell(tables):
    growth = tables["scorecard"].query("territory == 'Cần Thơ (merged)' and metric == 'grdp_growth'")
    assert growth.empty or growth["current_term_target"].isna().all()


def test_tenures_keep_each_territory_and_leave_out_former_and_national_posts(tables):
    tenures = tables["tenures"]
    spells = {(r.territory, r.position_code): (r.first_seen, r.last_seen, r.n_articles)
              for r in tenures[tenures["name"] == "Trần Minh Phúc"].itertuples()}
    assert spells == {("Hậu Giang", "secretary"): ("2024-03-02", "2025-02-02", 2),
                      ("Cần Thơ (merged)", "deputy_secretary"): ("2025-10-02", "2025-10-02", 1)}
    assert "Lê Văn Dũng" not in set(tenures["name"])


def test_a_growth_target_meets_the_term_average_and_a_level_in_percent_stays_out():
    """A term's growth target ("bình quân 7%/năm") is met by the term's average, not by its last
    year; "quy mô kinh tế tăng 12%" is a change, not the economy's size."""
    texts = [(" date 2020-10-14 Đại hội Đảng bộ tỉnh Bạc Liêu nhiệm kỳ 2020-2025 đặt mục tiêu tăng trưởng kinh tế bình quân 7%/năm.", "s1"),
             (" date 2025-03-02 Nhiệm kỳ 2020-2025, tỉnh Bạc Liêu tăng trưởng kinh tế bình quân đạt 6,4%/năm; năm 2024 tăng trưởng "
              "đạt 8,2%.", "s2"),
             (" date 2025-03-03 Năm 2024, quy mô nền kinh tế tỉnh Bạc Liêu đạt 80.000 tỷ đồng, tăng 12%.", "s3")]
    tables = tables_from_corpus(Corpus(tuple(make_document(text, doc_id) for text, doc_id in texts)))
    assert _cell(tables, "Bạc Liêu", "grdp_growth", "previous_term_target") == 7.0
    assert _cell(tables, "Bạc Liêu", "grdp_growth", "previous_term_result") == 6.4
    assert _cell(tables, "Bạc Liêu", "grdp_growth", "baseline") == 8.2
    card = tables["scorecard"]
    assert set(card.loc[card["metric"] == "economy_size", "unit"]) == {"billion_vnd"}


def test_an_undated_level_in_a_yearly_review_is_the_reviewed_years():
    """"Quy mô nền kinh tế đạt N tỷ đồng" in a January review describes the year before, not the
    term's last year."""
    text = " date 2024-01-15 Tỉnh ủy Bạc Liêu tổng kết. Quy mô nền kinh tế đạt 61.000 tỷ đồng, theo giá hiện hành."
    tables = tables_from_corpus(Corpus((make_document(text, "y1"),)))
    assert _cell(tables, "Bạc Liêu", "economy_size", "baseline_year") == 2023


def test_an_annual_target_has_its_own_table_and_never_fills_a_term_cell(tables):
    annual = tables["annual_targets"].set_index(["territory", "metric", "unit", "year"])
    assert annual.loc[("Cần Thơ (merged)", "grdp_growth", "percent", 2026), "annual_target"] == 9.0
    assert 9.0 not in set(tables["scorecard"]["current_term_target"].dropna())


def test_an_undated_mention_of_a_merged_or_absorbed_unit_makes_no_tenure():
    """"Bí thư Thành ủy Cần Thơ" without a date could be the old city's or the merged one's."""
    texts = [("Bí thư Thành ủy Cần Thơ Lê Văn Mười phát biểu.", "u1"), ("Bí thư Tỉnh ủy Lạng Sơn Hà Văn Sáu phát biểu.", "u2")]
    tables = tables_from_corpus(Corpus(tuple(make_document(text, doc_id) for text, doc_id in texts)))
    assert set(tables["tenures"]["name"]) == {"Hà Văn Sáu"}
