"""The merger's changes, from invented articles with invented names and figures."""

from __future__ import annotations

import pytest

from cantho_analysis.analyse import merger
from cantho_analysis.load.corpus import Corpus
from cantho_analysis.pipeline import tables_from_corpus

from .conftest import make_document

ARTICLES = {
    "a": " date 2020-10-16 Đại hội đã bầu Ban Chấp hành Đảng bộ tỉnh Bạc Liêu khóa XVI gồm 53 đồng chí; Ban Thường vụ gồm 15 "
         "đồng chí. Ban Chấp hành cũng bầu 2 đồng chí làm Phó Bí thư Tỉnh ủy.",
    "b": " date 2020-10-17 Tại phiên họp thứ nhất, Ban Chấp hành Đảng bộ tỉnh Bạc Liêu đã bầu 13 người vào Ủy ban Kiểm tra Tỉnh ủy.",
    "c": " date 2025-07-02 Bộ Chính trị chỉ định Ban Chấp hành Đảng bộ tỉnh Cà Mau nhiệm kỳ 2020-2025 gồm 71 đồng chí, Ban Thường "
         "vụ Tỉnh ủy 19 đồng chí.",
    "d": " date 2025-07-03 Tỉnh Cà Mau có 64 đơn vị hành chính cấp xã (50 xã, 14 phường). Đảng bộ tỉnh có 52 đảng bộ trực thuộc "
         "với hơn 61.000 đảng viên.",
    "e": " date 2025-07-04 Đảng bộ tỉnh Cà Mau có hơn 61.000 đảng viên.",
    "f": " date 2025-07-05 Đảng bộ tỉnh Cà Mau có gần 60.000 đảng viên.",
    "g": " date 2025-04-05 Theo đề án, tỉnh Cà Mau trong tương lai sẽ có 70 đơn vị hành chính cấp xã.",
    "h": " date 2025-08-01 Ông Lâm Văn Hậu, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau, dự lễ.",
}


@pytest.fixture(scope="module")
def changes():
    corpus = Corpus(tuple(make_document(text, doc_id) for doc_id, text in ARTICLES.items()))
    return tables_from_corpus(corpus)["merger_changes"]


def _cell(changes, aspect, territory):
    rows = changes[(changes["aspect"] == aspect) & (changes["territory"] == territory)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("aspect", "territory", "value", "selection", "provenance"),
    [
        pytest.param("executive_committee_size", "Bạc Liêu", 53, "elected", "a#0", id="elected-executive"),
        pytest.param("standing_committee_size", "Bạc Liêu", 15, "elected", "a#0", id="after-trong-do-standing"),
        pytest.param("inspection_commission_size", "Bạc Liêu", 13, "elected", "b#0", id="elected-into-commission"),
        pytest.param("executive_committee_size", "Cà Mau (merged)", 71, "appointed", "c#0", id="appointed-at-merger"),
        pytest.param("standing_committee_size", "Cà Mau (merged)", 19, "appointed", "c#0", id="size-right-after-name"),
    ],
)
def test_committee_size_and_how_it_was_chosen(changes, aspect, territory, value, selection, provenance):
    row = _cell(changes, aspect, territory)
    assert (row["value"], row["selection"], row["provenance"]) == (value, selection, provenance)


def test_people_elected_to_a_post_are_no_committee_size(changes):
    assert 2 not in set(changes.loc[changes["aspect"].str.endswith("_size"), "value"])


@pytest.mark.parametrize(
    ("aspect", "value"),
    [
        pytest.param("commune_level_units", 64, id="commune-level"),
        pytest.param("communes", 50, id="communes"),
        pytest.param("wards", 14, id="wards"),
        pytest.param("party_committees_under", 52, id="party-committees"),
    ],
)
def test_units_and_organisations(changes, aspect, value):
    assert _cell(changes, aspect, "Cà Mau (merged)")["value"] == value


def test_the_value_most_articles_state_wins_and_the_others_stay_beside_it(changes):
    row = _cell(changes, "party_members", "Cà Mau (merged)")
    assert (row["value"], row["n_articles"]) == (61000, 2)
    assert row["other_values"] == "60000 (f#0)"


def test_a_stated_value_wins_over_a_plan(changes):
    row = _cell(changes, "commune_level_units", "Cà Mau (merged)")
    assert (row["value"], row["is_planned"]) == (64, False)
    plan = merger.merger_changes(tables_from_corpus(Corpus((make_document(ARTICLES["g"], "g"),))))
    assert plan[["value", "is_planned"]].values.tolist() == [[70, True]]


def test_a_body_joining_two_is_reported(changes):
    row = _cell(changes, "body_combined", "Cà Mau (merged)")
    assert row["detail"].startswith("Ban Tuyên giáo và Dân vận") and row["provenance"] == "h#0"


def test_predecessors_and_the_merged_unit_are_rows_of_their_own(changes):
    flags = changes.drop_duplicates("territory").set_index("territory")["is_predecessor"].to_dict()
    assert flags == {"Bạc Liêu": True, "Cà Mau (merged)": False}
