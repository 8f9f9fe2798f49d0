"""Attribution rules a reviewer would check: which plan, which body, which metric, which year.

Invented sentences, invented places' bodies and invented numbers, one table per rule.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cantho_analysis.analyse import analysis
from cantho_analysis.extract.organizations import key_for_name
from cantho_analysis.extract.plans import extract_plan_elements
from cantho_analysis.extract.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Thực hiện Nghị quyết Đại hội nhiệm kỳ 2020-2025; thực hiện 17 chỉ tiêu chủ yếu được đề ra tại "
                     "Nghị quyết nhiệm vụ năm 2024.", [(17, "2024", "annual")], id="annual-resolution-beats-term-span"),
        pytest.param("Đại hội nhiệm kỳ 2025 - 2030 đề ra 22 chỉ tiêu chủ yếu.", [(22, "2025-2030", "term")], id="term-plan"),
        pytest.param("Kế hoạch năm 2026 của Tỉnh ủy có 31 chỉ tiêu.", [(31, "2026", "annual")], id="annual-plan"),
    ],
)
def test_plan_scope_tells_annual_from_term(parse, text, expected):
    rows = extract_plan_elements(parse(text))
    assert [(r["count"], r["scope"], r["scope_kind"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Thành ủy Vĩnh Long", "provincial_committee:vĩnh long"),
        ("Thành ủy TP Vĩnh Long", "provincial_committee:vĩnh long"),
        ("Thành ủy TP. Vĩnh Long", "provincial_committee:vĩnh long"),
        ("Đảng bộ tỉnh Vĩnh Long", "provincial_committee:vĩnh long"),
        ("Ban Thường vụ Tỉnh ủy Vĩnh Long", "provincial_committee:vĩnh long"),
        ("Đảng bộ các cơ quan Đảng tỉnh Vĩnh Long", "party_agencies_committee:vĩnh long"),
        ("UBND tỉnh Vĩnh Long", "people_committee:vĩnh long"),
        ("Ban Tuyên giáo Trung ương", ""),
    ],
)
def test_one_key_per_body(name, key):
    assert key_for_name(name) == key


def test_figures_belong_to_the_body_that_states_them(parse):
    text = ("Ngày 5/8, Đảng bộ các cơ quan Đảng tỉnh Bạc Liêu tổ chức Đại hội lần thứ I.\n"
            "Đại hội đề ra 7 chỉ tiêu cụ thể.\n"
            "Tỉnh ủy Bạc Liêu đặt mục tiêu tăng trưởng 9%.")
    rows = extract_quantities(parse(text))
    assert [(r["value"], r["organization_key"], r["organization_basis"]) for r in rows] == [
        (7.0, "party_agencies_committee:bạc liêu", "article"),
        (9.0, "provincial_committee:bạc liêu", "sentence"),
    ]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        pytest.param("Đại hội có 210 đại biểu, đại diện cho hơn 3.100 đảng viên.", "members_represented", id="represented"),
        pytest.param("Ban Chấp hành gồm 31 đồng chí (khuyết 3 đồng chí).", "committee_vacancies", id="vacancies"),
        pytest.param("Trao Huy hiệu cho đảng viên từ 45 – 70 năm tuổi Đảng.", "years_of_membership", id="membership-years"),
    ],
)
def test_metrics_told_apart(parse, text, metric):
    rows = extract_quantities(parse(text))
    assert rows[-1]["metric"] == metric


def test_base_year_is_not_the_period(parse):
    (row,) = extract_quantities(parse("Năm 2023, thu nhập bình quân tăng 12,5% so với năm 2020."))
    assert (row["ref_period"], row["base_period"]) == ("2023", "2020")


def test_base_year_belongs_to_the_number_before_it(parse):
    rows = extract_quantities(parse("Năm 2024, thu nhập bình quân đạt 71,2 triệu đồng, gấp 1,4 lần so với năm 2019."))
    assert [(r["value"], r["base_period"]) for r in rows] == [(71.2, ""), (1.4, "2019")]


def test_comparison_counts_a_repeated_fact_once_and_keeps_bodies_apart(tables):
    text = ("Tỉnh ủy Cà Mau xác định 5 nhiệm vụ trọng tâm năm 2026.\n"
            "Năm 2026, Tỉnh ủy Cà Mau tập trung thực hiện 5 nhiệm vụ trọng tâm.\n"
            "Đảng bộ các cơ quan Đảng tỉnh Cà Mau đề ra 5 nhiệm vụ trọng tâm năm 2026.")
    comparison = analysis.term_comparison(tables(text))
    plans = comparison[comparison["section"] == "plan structure"]
    assert plans["I"].tolist() == ["5 (annual 2026)", "5 (annual 2026)"]
    assert sorted(plans["indicator"]) == ["key_tasks (annual plan) · Cà Mau (merged)",
                                          "key_tasks (annual plan) · Cà Mau (merged) (Party agencies)"]
    assert "” / “" in plans["provenance"].iloc[0] + plans["provenance"].iloc[1]


def test_once_per_article_keeps_both_quotes():
    frame = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 4, 1], "value": [6, 6, 6],
                          "quote": ["6 nhiệm vụ", "sáu nhiệm vụ", "6 nhiệm vụ"]})
    once = analysis.once_per_article(frame, ["value"])
    assert once[["doc_id", "quote"]].values.tolist() == [["a", "6 nhiệm vụ” / “sáu nhiệm vụ"], ["b", "6 nhiệm vụ"]]


def test_leadership_table_flags_two_secretaries_on_one_date(tables):
    text = (" date 2025-10-01 Bí thư Tỉnh ủy Phú Yên Lò Văn Pao chủ trì hội nghị.\n"
            "Phát biểu tại hội nghị, Bí thư Tỉnh ủy Phú Yên Đinh Văn Tư nhấn mạnh nhiều nội dung.\n"
            "Ông Ma Văn Kim, nguyên Bí thư Tỉnh ủy Phú Yên, dự hội nghị.")
    table = analysis.leadership_by_term(tables(text))
    secretaries = table[table["position_code"] == "secretary"]
    assert sorted(secretaries["name"]) == ["Lò Văn Pao", "Đinh Văn Tư"]  # the former secretary is left out
    assert secretaries["conflict"].all()
    assert set(secretaries["organization"]) == {"Provincial/City Party Committee (Phú Yên)"}
