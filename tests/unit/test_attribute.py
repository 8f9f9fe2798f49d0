"""The attribution stage: whose figure (territory, level), which term, which plan.

Invented articles, invented names and numbers, one table per rule (docs/term_rules.md).
"""

from __future__ import annotations

import pytest

from cantho_analysis.attribute import periods
from cantho_analysis.extract import gazetteer
from cantho_analysis.extract.parse import parse_document
from cantho_analysis.load.corpus import Document
from cantho_analysis.pipeline import extract_document


def _rows(text: str, table: str = "quantities") -> list[dict]:
    return extract_document(parse_document(Document("d", "d.txt", text, "")))[table]


def _first(text: str, value: float) -> dict:
    return next(r for r in _rows(text) if r["value"] == value)


def test_the_merger_map_has_63_units_forming_34():
    data = gazetteer._data()
    assert len(data["provinces"]) == 63
    members = [m for ms in data["merged"].values() for m in ms]
    assert len(members) == len(set(members)) == 52
    assert len(data["merged"]) + (63 - 52) == 34
    assert set(members) <= set(data["provinces"])
    assert all(kept == ms[0] for kept, ms in data["merged"].items())


@pytest.mark.parametrize(
    ("text", "value", "territory", "basis"),
    [
        pytest.param(" date 2024-05-02 Tỉnh ủy Bắc Kạn họp. Tại tỉnh Lạng Sơn, thu ngân sách đạt 9.000 tỷ đồng.", 9000.0,
                     "Lạng Sơn", "sentence", id="named-in-sentence"),
        pytest.param(" date 2024-05-02 Tỉnh ủy Bắc Kạn tổng kết.\nNăm 2023, kinh tế tăng 6,1%.", 6.1,
                     "Bắc Kạn", "article", id="article-main-province"),
        pytest.param(" date 2025-12-02 Thành ủy Cần Thơ họp.\nNăm 2026, thành phố phấn đấu tăng trưởng 10%.", 10.0,
                     "Cần Thơ (merged)", "article", id="after-merger-merged"),
        pytest.param(" date 2025-12-02 Thành ủy Cần Thơ họp.\nNăm 2024, tỉnh Hậu Giang tăng trưởng 7%.", 7.0,
                     "Hậu Giang", "sentence", id="absorbed-unit-is-old"),
        pytest.param(" date 2025-03-02 Thành ủy Cần Thơ đặt mục tiêu đến năm 2030 tăng trưởng 9%.", 9.0,
                     "Cần Thơ", "sentence", id="before-merger-never-merged"),
        pytest.param(" date 2025-10-02 Nhiệm kỳ qua, TP. Cần Thơ (cũ) đạt 15/20 chỉ tiêu.", 15.0,
                     "Cần Thơ", "sentence", id="marked-old"),
        pytest.param(" date 2025-10-02 Nhiệm kỳ qua, TP Cần Thơ, tỉnh Hậu Giang, tỉnh Sóc Trăng (trước đây) đạt quy mô kinh tế "
                     "300.000 tỷ đồng.", 300000.0, "Cần Thơ (merged)", "sentence", id="list-of-members-is-merged"),
        pytest.param(" date 2025-04-02 Tỉnh ủy Trà Vinh họp. Tỉnh Vĩnh Long trong tương lai có 124 xã, phường.", 124.0,
                     "Vĩnh Long (merged)", "sentence", id="future-unit-is-merged"),
        pytest.param(" date 2025-04-02 Tỉnh ủy Trà Vinh họp. Sau khi hợp nhất, tỉnh Vĩnh Long sẽ có 124 xã, phường.", 124.0,
                     "Vĩnh Long (merged)", "sentence", id="after-merging-is-merged"),
        pytest.param(" date 2025-04-02 Tỉnh ủy Trà Vinh họp. Sau sáp nhập xã, tỉnh Trà Vinh còn 74 xã.", 74.0,
                     "Trà Vinh", "sentence", id="after-merging-communes-is-not"),
        pytest.param(" date 2024-05-02 Tỉnh ủy Trà Vinh họp. Tỉnh có phía bắc giáp tỉnh Bến Tre, diện tích 2.390 km2.", 2390.0,
                     "Trà Vinh", "paragraph", id="neighbour-is-not-owner"),
        pytest.param(" date 2024-12-10 Tỉnh ủy Hậu Giang cho biết tăng trưởng đứng thứ 2 vùng (sau tỉnh Bến Tre đạt 9,1%), vượt "
                     "Nghị quyết năm 2024 đề ra 6,5%.", 6.5, "Hậu Giang", "sentence", id="province-in-parentheses"),
        pytest.param(" date 2024-05-02 Thành ủy Cần Thơ họp. Phường Sóc Trăng có 1.200 đảng viên.", 1200.0,
                     "Cần Thơ", "paragraph", id="ward-named-after-a-province"),
    ],
)
def test_territory(text, value, territory, basis):
    row = _first(text, value)
    assert (row["territory"], row["territory_basis"]) == (territory, basis)


@pytest.mark.parametrize(
    ("text", "value", "level"),
    [
        pytest.param(" date 2025-08-04 Đại hội đại biểu Đảng bộ xã Tân Lộc lần thứ I khai mạc.\nDự Đại hội có Bí thư Tỉnh ủy Cà Mau Lê "
                     "Văn Bảy cùng 120 đại biểu đại diện cho 1.150 đảng viên của Đảng bộ.", 1150.0, "commune", id="the-articles-own-body"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Đảng bộ các cơ quan Đảng tỉnh có 120 chi bộ.", 120.0, "party_agencies", id="agencies"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Đảng bộ UBND tỉnh đề ra 20 chỉ tiêu.", 20.0, "state_bodies", id="state-bodies"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Ấp Tân Lợi có 96% hộ tham gia bảo hiểm y tế.", 96.0, "hamlet", id="hamlet"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Đảng ủy xã Vĩnh Hậu kết nạp 25 đảng viên.", 25.0, "commune", id="commune"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Huyện ủy Hòa Bình có 3.100 đảng viên.", 3100.0, "district", id="district"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Tổng vốn đầu tư toàn xã hội đạt 30.000 tỷ đồng.", 30000.0, "province",
                     id="xa-hoi-is-no-commune"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Cả nước có 5,6 triệu đảng viên.", 5600000.0, "national", id="national"),
        pytest.param("Tỉnh ủy Bạc Liêu họp.\nThông tin về tình hình đất nước, ông Lê Văn Ba cho biết năm qua đất nước ta đạt nhiều kết "
                     "quả và\nTốc độ tăng trưởng kinh tế đạt 7,9%.", 7.9, "national", id="national-across-a-broken-line"),
        pytest.param("Tỉnh ủy Bạc Liêu họp.\nThông tin về tình hình đất nước, ông Lê Văn Ba cho biết năm qua đất nước ta đạt nhiều kết "
                     "quả.\nTốc độ tăng trưởng kinh tế đạt 7,9%.", 7.9, "national", id="national-paragraph-goes-on"),
        pytest.param("Cả nước có 5,6 triệu đảng viên.\nTỉnh ủy Bạc Liêu cho biết năm qua tỉnh kết nạp 1.200 đảng viên.", 1200.0,
                     "province", id="a-province-paragraph-after-a-national-one"),
        pytest.param("Tỉnh ủy Bạc Liêu họp. Tỉnh đứng thứ 5 cả nước về thu hút đầu tư.", 5.0, "province", id="rank-in-country"),
    ],
)
def test_level(text, value, level):
    assert _first(text, value)["level"] == level


@pytest.mark.parametrize(
    ("text", "value", "span", "basis"),
    [
        pytest.param(" date 2020-10-12 Giai đoạn 2016-2020, kinh tế tỉnh Long An tăng bình quân 6,1%.", 6.1,
                     "2015-2020", "sentence", id="2016-2020-is-the-term-before"),
        pytest.param(" date 2025-10-12 Tỉnh ủy Tây Ninh đặt mục tiêu đến năm 2030 GRDP đạt 500 nghìn tỷ đồng.", 500.0,
                     "2025-2030", "sentence", id="targets-to-2030"),
        pytest.param(" date 2025-10-12 Đại hội Đảng bộ tỉnh Tây Ninh lần thứ I, nhiệm kỳ 2025-2030 khai mạc.\n"
                     "Nhiệm kỳ qua, kinh tế tăng bình quân 6,5%.", 6.5, "2020-2025", "article", id="outgoing-term-at-congress"),
        pytest.param(" date 2025-10-12 Đại hội Đảng bộ tỉnh Tây Ninh lần thứ I, nhiệm kỳ 2025-2030 khai mạc.\n"
                     "Đại hội có 350 đại biểu.", 350.0, "2025-2030", "article", id="congress-statement"),
        pytest.param(" date 2026-01-06 Tỉnh ủy Tây Ninh tổng kết.\nKinh tế ước tăng 8,1%.", 8.1, "2020-2025", "date",
                     id="january-review-is-last-year"),
        pytest.param(" date 2023-06-06 Tỉnh ủy Tây Ninh họp.\nTăng trưởng từ năm 2011 đến nay đạt 7,9%.", 7.9, "2020-2025", "date",
                     id="since-year-is-no-period"),
        pytest.param("Ban Thường vụ Tỉnh ủy khóa XIV gồm 15 đồng chí.", 15.0, "2020-2025", "sentence", id="committee-khoa"),
    ],
)
def test_term_span(text, value, span, basis):
    row = _first(text, value)
    assert (row["term_span"], row["term_span_basis"]) == (span, basis)


@pytest.mark.parametrize(
    ("text", "plan_level"),
    [
        pytest.param(" date 2026-01-08 Tỉnh ủy Gia Lai triển khai Nghị quyết nhiệm vụ năm 2026 với 24 chỉ tiêu.", "annual", id="annual"),
        pytest.param(" date 2025-10-08 Đại hội Đảng bộ tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025-2030 đề ra 30 chỉ tiêu.", "term",
                     id="term"),
        pytest.param(" date 2025-08-08 Đảng bộ UBND tỉnh Gia Lai tổ chức Đại hội lần thứ I, nhiệm kỳ 2025-2030, đề ra 25 chỉ tiêu.",
                     "other", id="sub-organisation"),
    ],
)
def test_plan_level(text, plan_level):
    (row,) = _rows(text, "plan_elements")
    assert row["plan_level"] == plan_level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Nhiệm kỳ qua có 9/25 chỉ tiêu đạt tiến độ.", [(9.0, "on_track"), (25.0, "plan_count")], id="on-track"),
        pytest.param("Có 4/25 chỉ tiêu dự kiến đạt thấp.", [(4.0, "below_target"), (25.0, "plan_count")], id="below-target"),
        pytest.param("Tỉnh phấn đấu đến năm 2030 GRDP đạt 500 nghìn tỷ. Năm 2024, quy mô kinh tế cán mốc 200 nghìn tỷ đồng.",
                     [(500.0, "target"), (200.0, "achieved")], id="milestone-reached"),
        pytest.param("Mục tiêu tăng trưởng 8%; cấp ủy viên là nữ chiếm 18,5%.", [(8.0, "target"), (18.5, "count")], id="make-up"),
        pytest.param("Dự án cầu Tân An có tổng kinh phí 650 tỷ đồng.", [(650.0, "other")], id="cost"),
        pytest.param("Năm 2024 kết nạp 1.245/1.100 đảng viên.", [(1245.0, "achieved"), (1100.0, "target")], id="pair"),
        pytest.param("Có 18/21 đơn vị đạt chuẩn văn minh.", [(18.0, "count")], id="total-is-no-target"),
    ],
)
def test_kinds(text, expected):
    rows = _rows(text)
    assert [(r["value"], r["kind"]) for r in rows] == expected
    if len(rows) == 2 and rows[1]["pair_id"]:
        assert rows[0]["pair_id"] == rows[1]["pair_id"] == f"d:{rows[0]['start']}"


@pytest.mark.parametrize(
    ("first", "last", "span"),
    [(2016, 2020, "2015-2020"), (2020, 2020, "2015-2020"), (2021, 2021, "2020-2025"), (2025, 2025, "2020-2025"),
     (2026, 2030, "2025-2030"), (2021, 2030, ""), (2031, 2031, "2030-2035")],
)
def test_span_of_years(first, last, span):
    assert periods.span_of_years(first, last, 2020) == span


def test_officials_territory_follows_the_title_and_the_status():
    text = (" date 2025-09-10 Ông Nguyễn Văn Khải, Bí thư Thành ủy Cần Thơ, nguyên Bí thư Tỉnh ủy Sóc Trăng, dự hội nghị.")
    rows = {(r["position_code"], r["status"]): (r["territory"], r["level"]) for r in _rows(text, "officials")}
    assert rows[("secretary", "current")] == ("Cần Thơ (merged)", "province")
    assert rows[("secretary", "former")] == ("Sóc Trăng", "province")


@pytest.mark.parametrize(
    ("text", "territory"),
    [
        pytest.param("Đại hội Đảng bộ thành phố Cần Thơ lần thứ I, nhiệm kỳ 2025-2030 bế mạc. Bí thư Thành ủy Cần Thơ Lê Văn Sáu "
                     "phát biểu.", "Cần Thơ (merged)", id="undated-congress-after-the-merger"),
        pytest.param("Đại hội Đảng bộ thành phố Cần Thơ lần thứ XIV, nhiệm kỳ 2020-2025 bế mạc. Bí thư Thành ủy Cần Thơ Lê Văn Sáu "
                     "phát biểu.", "Cần Thơ", id="undated-congress-before-the-merger"),
    ],
)
def test_an_undated_articles_officials_follow_its_congress(text, territory):
    """An undated article is placed by its congress."""
    (row,) = [r for r in _rows(text, "officials") if r["position_code"] == "secretary"]
    assert row["territory"] == territory


def test_a_congress_after_the_articles_date_is_not_its_own():
    """A 2020 history of the province's first congress (1976) is no I-term (2025-2030) article."""
    text = (" date 2020-09-21 Đại hội đại biểu Đảng bộ tỉnh Bạc Liêu lần thứ I.\n"
            "Đại hội bầu Ban Chấp hành Đảng bộ tỉnh gồm 35 ủy viên.")
    (row,) = _rows(text, "quantities")
    assert row["term_span"] != "2025-2030"
