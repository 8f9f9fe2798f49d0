"""Numbers and quantities (quantulum3-style tables of realistic sentences)."""

from __future__ import annotations

import pytest

from cantho_analysis.extract.patterns import parse_vi_number
from cantho_analysis.extract.quantities import extract_quantities


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("312.000", 312000.0),
        ("7,41", 7.41),
        ("1.250", 1250.0),
        ("1.000.000", 1_000_000.0),
        ("0,5", 0.5),
        ("96,9", 96.9),
        ("1.000,5", 1000.5),
        ("25", 25.0),
        # malformed groupings are refused rather than misread
        ("7,41,2", None),
        ("12.3", None),
        ("1.2345", None),
        ("1 000", None),
        ("", None),
        ("mười", None),
    ],
)
def test_parse_vi_number(surface, expected):
    assert parse_vi_number(surface) == expected


def _q(value, unit, kind, qualifier="", *, value_max=None, denominator=None, quote=None, metric=None):
    row = {"value": value, "value_max": value_max, "denominator": denominator, "unit": unit,
           "kind": kind, "qualifier": qualifier}
    if quote is not None:
        row["quote"] = quote
    if metric is not None:
        row["metric"] = metric
    return row


QUANTITY_CASES = [
    # --- money: tỷ and tỉ spell the same unit
    pytest.param("Năm 2024, thu ngân sách nhà nước trên địa bàn tỉnh An Giang đạt 16.480 tỷ đồng.",
                 [_q(16480.0, "billion_vnd", "achieved", quote="16.480 tỷ đồng", metric="budget_revenue")], id="ty-dong"),
    pytest.param("Tổng vốn đầu tư toàn xã hội của tỉnh Đồng Tháp ước đạt 52.300 tỉ đồng.",
                 [_q(52300.0, "billion_vnd", "estimated", quote="52.300 tỉ đồng", metric="total_investment")], id="ti-dong"),
    pytest.param("Quy mô nền kinh tế tỉnh Quảng Ninh năm 2024 đạt 310 nghìn tỷ đồng.",
                 [_q(310.0, "thousand_billion_vnd", "achieved", quote="310 nghìn tỷ đồng", metric="economy_size")], id="nghin-ty"),
    pytest.param("Thu nhập bình quân đầu người của tỉnh Nghệ An đạt 58,7 triệu đồng/người/năm.",
                 [_q(58.7, "million_vnd", "achieved", quote="58,7 triệu đồng/người/năm", metric="income_per_capita")], id="trieu-dong"),
    pytest.param("Kim ngạch xuất khẩu của tỉnh Huế đạt gần 1,6 tỷ USD.",
                 [_q(1.6, "billion_usd", "achieved", "approx", quote="gần 1,6 tỷ USD", metric="exports")], id="ty-usd"),
    pytest.param("Tỉnh thu hút thêm 240 triệu USD vốn FDI.",
                 [_q(240.0, "million_usd", "achieved")], id="trieu-usd"),
    pytest.param("Giá trị xuất khẩu đạt 3 tỷ 215 triệu USD.",
                 [_q(3215.0, "million_usd", "achieved", quote="3 tỷ 215 triệu USD")], id="compound-money"),
    # --- ratios x/y
    pytest.param("Năm 2024, tỉnh Đồng Tháp có 17/22 chỉ tiêu đạt và vượt kế hoạch.",
                 [_q(17.0, "targets", "achieved", denominator=22.0, quote="17/22 chỉ tiêu", metric="targets_met"),
                  _q(22.0, "targets", "plan_count", quote="22 chỉ tiêu", metric="plan_targets")], id="ratio-achieved"),
    pytest.param("Còn 2/20 chỉ tiêu chưa đạt kế hoạch đề ra.",
                 [_q(2.0, "targets", "achieved", denominator=20.0, metric="targets_unmet"),
                  _q(20.0, "targets", "plan_count", metric="plan_targets")], id="ratio-unmet"),
    pytest.param(
        "Năm 2024, tỉnh Nghệ An hoàn thành 18/21 chỉ tiêu chủ yếu.",
        [_q(18.0, "targets", "achieved", denominator=21.0, quote="18/21 chỉ tiêu"), _q(21.0, "targets", "plan_count")],
        id="ratio-without-outcome-word",
    ),
    # --- ranges
    pytest.param("Phấn đấu tốc độ tăng trưởng kinh tế giai đoạn 2026 - 2030 đạt 9 - 10%/năm.",
                 [_q(9.0, "percent", "target", value_max=10.0, quote="9 - 10%/năm", metric="grdp_growth")], id="range-spaced"),
    pytest.param("Trao Huy hiệu Đảng cho 12 đồng chí từ 55 – 70 năm tuổi Đảng.",
                 [_q(12.0, "persons", "count"), _q(55.0, "years", "count", value_max=70.0)], id="range-en-dash-years"),
    pytest.param("Tốc độ tăng trưởng bình quân đạt từ 6 đến 7%.",
                 [_q(6.0, "percent", "achieved", value_max=7.0)], id="range-den"),
    pytest.param(
        "Thu nhập bình quân của người lao động tăng 3-4% mỗi năm.",
        [_q(3.0, "percent", "achieved", value_max=4.0, quote="3-4%")],
        id="range-tight-3-4",
    ),
    pytest.param(
        "Phấn đấu tỷ lệ giải ngân vốn đầu tư công tăng 10-12% so với năm trước.",
        [_q(10.0, "percent", "target", value_max=12.0, quote="10-12%")],
        id="range-tight-10-12",
    ),
    # --- hai con số
    pytest.param("Tỉnh Quảng Ninh phấn đấu tăng trưởng kinh tế đạt hai con số.",
                 [_q(10.0, "percent", "target", "at_least", quote="hai con số", metric="grdp_growth")], id="hai-con-so"),
    pytest.param("Đảng bộ tỉnh Yên Thịnh phấn đấu tăng trưởng 2 con số từ năm 2026.",
                 [_q(10.0, "percent", "target", "at_least", quote="2 con số", metric="grdp_growth")], id="2-con-so"),
    # --- qualifiers
    pytest.param("Năm 2024, toàn tỉnh kết nạp hơn 1.150 đảng viên mới.",
                 [_q(1150.0, "persons", "count", "more_than", quote="hơn 1.150 đảng viên", metric="new_party_members")], id="hon"),
    pytest.param("Tỷ lệ giải ngân vốn đầu tư công của tỉnh đạt trên 95%.",
                 [_q(95.0, "percent", "achieved", "more_than", quote="trên 95%", metric="public_investment_disbursement")], id="tren"),
    pytest.param("Khu kinh tế Vân Đồn thu hút khoảng 3.400 lao động.",
                 [_q(3400.0, "persons", "count", "approx", quote="khoảng 3.400 lao động")], id="khoang"),
    pytest.param("Thu ngân sách nội địa vượt 14% dự toán.",
                 [_q(14.0, "percent", "achieved", "exceeds", quote="vượt 14%", metric="budget_revenue")], id="vuot"),
    pytest.param("Tỷ lệ hộ nghèo của tỉnh giảm xuống dưới 1,8%.",
                 [_q(1.8, "percent", "achieved", "less_than", quote="dưới 1,8%", metric="poverty_rate")], id="duoi"),
    pytest.param("Phấn đấu tăng trưởng GRDP năm 2025 từ 8% trở lên.",
                 [_q(8.0, "percent", "target", "at_least", quote="từ 8% trở lên", metric="grdp_growth")], id="tu-tro-len"),
    # --- kinds
    pytest.param("GRDP năm 2024 của tỉnh Đồng Tháp ước tăng 6,9% so với cùng kỳ.",
                 [_q(6.9, "percent", "estimated", metric="grdp_growth")], id="uoc"),
    pytest.param("Chỉ số PCI năm 2024 của tỉnh Quảng Ninh đứng thứ 3 cả nước.",
                 [_q(3.0, "rank", "rank", quote="3")], id="dung-thu"),
    pytest.param("Đại hội đề ra 9 chỉ tiêu chủ yếu và 3 khâu đột phá.",
                 [_q(9.0, "targets", "plan_count", metric="plan_targets"), _q(3.0, "tasks", "plan_count", metric="plan_tasks")], id="plan-counts"),
    # --- counts of nouns outside the unit list, word numbers, ratios, ranks
    pytest.param("Đại hội nhận được tổng số 84 tham luận, trong đó 12 tham luận trình bày tại hội trường.",
                 [_q(84.0, "count", "count", quote="84 tham luận"), _q(12.0, "count", "count", quote="12 tham luận")],
                 id="count-of-an-unlisted-noun"),
    pytest.param("Ban Chấp hành khóa mới gồm 41 thành viên.",
                 [_q(41.0, "persons", "count", quote="41 thành viên")], id="members"),
    pytest.param("Năm phó bí thư Tỉnh ủy đều tái cử.",
                 [_q(5.0, "persons", "count", quote="Năm phó bí thư")], id="word-number-five-before-people"),
    pytest.param("Quy mô kinh tế năm 2024 gấp 6,4 lần so với năm 2008.",
                 [_q(6.4, "ratio", "achieved", quote="6,4 lần")], id="ratio-gap-lan"),
    pytest.param("Chỉ số cải cách hành chính của tỉnh xếp thứ nhất các tỉnh trong vùng.",
                 [_q(1.0, "rank", "rank", quote="nhất")], id="rank-word"),
    pytest.param("Đại hội có 310 đại biểu, đại diện cho gần 48 nghìn đảng viên.",
                 [_q(310.0, "persons", "count", quote="310 đại biểu"),
                  _q(48000.0, "persons", "count", "approx", quote="gần 48 nghìn đảng viên")], id="thousand-scale-word"),
    pytest.param("Trong 3 ngày 20-22/10, Đại hội làm việc khẩn trương.",
                 [_q(3.0, "days", "count", quote="3 ngày")], id="trong-n-ngay"),
    pytest.param("Toàn Đảng bộ tỉnh có 1.320 tổ chức cơ sở đảng với 98.500 đảng viên.",
                 [_q(1320.0, "organizations", "count"), _q(98500.0, "persons", "count", metric="party_membership")], id="party-counts"),
    # --- metrics: the cue closest to the number wins
    pytest.param("Tốc độ tăng trưởng khu vực dịch vụ của tỉnh Hòa Yên tăng 6,3%.",
                 [_q(6.3, "percent", "achieved", quote="6,3%", metric="sector_growth")], id="sector-growth"),
    pytest.param("Kinh tế tăng trưởng 7,9%, trong đó khu vực III tăng 8,2%.",
                 [_q(7.9, "percent", "achieved", metric="grdp_growth"), _q(8.2, "percent", "achieved", metric="sector_growth")],
                 id="economy-then-sector"),
    pytest.param("Trong cơ cấu kinh tế, khu vực dịch vụ chiếm tỷ trọng 48,3%.",
                 [_q(48.3, "percent", "achieved", metric="sector_share")], id="sector-share-is-no-growth"),
    pytest.param("Tỉnh Hòa Yên đề ra tốc độ tăng trưởng tổng sản phẩm trên địa bàn bình quân 9% trở lên.",
                 [_q(9.0, "percent", "achieved", "at_least", metric="grdp_growth")], id="growth-of-tong-san-pham"),
    pytest.param("Tỉnh Hòa Yên có quy mô dân số trên 2,3 triệu người.",
                 [_q(2300000.0, "persons", "count", "more_than", metric="population")], id="population"),
    pytest.param("Năm 2023, GRDP tăng 5,1%; giá trị sản xuất công nghiệp tăng 8,2%; doanh thu dịch vụ lữ hành tăng 12%.",
                 [_q(5.1, "percent", "achieved", metric="grdp_growth"), _q(8.2, "percent", "achieved", metric="industrial_production"),
                  _q(12.0, "percent", "achieved", metric="tourism_revenue")], id="own-cue-after-semicolon"),
    pytest.param("Thu ngân sách năm 2025 đạt trên dưới 18.000 tỷ đồng.",
                 [_q(18000.0, "billion_vnd", "achieved", "approx", quote="trên dưới 18.000 tỷ đồng")], id="tren-duoi-is-about"),
    pytest.param("Kim ngạch xuất khẩu ước đạt 2,7 tỉ đô la Mỹ.",
                 [_q(2.7, "billion_usd", "estimated", quote="2,7 tỉ đô la Mỹ", metric="exports")], id="do-la-my"),
    pytest.param("Tổng sản phẩm bình quân đầu người ước đạt 88,1 triệu đồng.",
                 [_q(88.1, "million_vnd", "estimated", metric="grdp_per_capita")], id="tong-san-pham-per-capita"),
    pytest.param("Qua kiểm tra, cấp ủy các cấp đã thi hành kỷ luật 3 tổ chức đảng, thi hành kỷ luật 41 đảng viên.",
                 [_q(3.0, "organizations", "count", metric="disciplined_organizations"),
                  _q(41.0, "persons", "count", metric="disciplined_members")], id="ky-luat-before-the-count"),
    pytest.param("Ủy ban Kiểm tra các cấp đã kiểm tra 512 tổ chức đảng và giám sát chuyên đề 1.204 đảng viên.",
                 [_q(512.0, "organizations", "count", metric="inspected_party_organizations"),
                  _q(1204.0, "persons", "count", metric="supervised_party_members")], id="inspected-and-supervised"),
    pytest.param("Tỷ lệ đô thị hóa năm 2025 đạt 38,5%.", [_q(38.5, "percent", "achieved", metric="urbanisation_rate")],
                 id="urbanisation"),
    pytest.param("Công nghiệp tăng gần 8%/năm; nông nghiệp tăng trưởng hơn 2%/năm.",
                 [_q(8.0, "percent", "achieved", "approx", metric="sector_growth"),
                  _q(2.0, "percent", "achieved", "more_than", metric="sector_growth")], id="sector-opens-the-clause"),
    pytest.param("Thu ngân sách ước đạt 41.000 tỷ đồng, tăng 1,7 lần so với giai đoạn trước.",
                 [_q(41000.0, "billion_vnd", "estimated", metric="budget_revenue"),
                  _q(1.7, "ratio", "estimated", metric="budget_revenue")], id="tang-n-lan-is-a-ratio"),
    pytest.param("Các đảng ủy trực thuộc phát triển 820 đảng viên mới trong năm.",
                 [_q(820.0, "persons", "count", metric="new_party_members")], id="phat-trien-dang-vien"),
    pytest.param("Đến năm 2030 GRDP đạt 180.000 tỷ đồng; GRDP 6 tháng đầu năm đạt 6,1%; vốn đầu tư so với GRDP đạt 31%.",
                 [_q(180000.0, "billion_vnd", "target", metric="economy_size"), _q(6.1, "percent", "achieved", metric="grdp_growth"),
                  _q(31.0, "percent", "achieved", metric="other")], id="grdp-in-money-and-grdp-dat"),
    pytest.param("Doanh thu từ lưu trú, ăn uống và lữ hành đạt hơn 9.100 tỉ đồng.",
                 [_q(9100.0, "billion_vnd", "achieved", "more_than", metric="tourism_revenue")], id="tourism-lodging"),
    pytest.param("Tốc độ tăng tổng sản phẩm trên địa bàn năm 2025 ước đạt 7,7%. Tổng sản phẩm trên địa bàn (GRDP) bình quân "
                 "ước đạt 91,2 triệu đồng/người. Năng suất lao động đạt 170,5 triệu đồng/lao động. Cơ cấu kinh tế KV.I chiếm 19,1%.",
                 [_q(7.7, "percent", "estimated", metric="grdp_growth"), _q(91.2, "million_vnd", "estimated", metric="grdp_per_capita"),
                  _q(170.5, "million_vnd", "achieved", metric="labour_productivity"),
                  _q(19.1, "percent", "achieved", metric="sector_share")], id="tong-san-pham-growth-per-head-productivity"),
    pytest.param("Doanh thu du lịch năm 2024 đạt 2.150 tỷ đồng.",
                 [_q(2150.0, "billion_vnd", "achieved", metric="tourism_revenue")], id="tourism-revenue"),
    # --- areas: the "2" of km2 / m2 is part of the unit, not dropped
    pytest.param("Tỉnh mới có diện tích tự nhiên hơn 7.120 km2 và 84 xã, phường.",
                 [_q(7120.0, "km2", "count", "more_than", quote="hơn 7.120 km2"), _q(84.0, "count", "count", quote="84 xã")],
                 id="square-km"),
    pytest.param("Dự án xây dựng 3.400 m² nhà ở xã hội.", [_q(3400.0, "m2", "count", quote="3.400 m²")], id="square-metres"),
]


@pytest.mark.parametrize(("sentence", "expected"), QUANTITY_CASES)
def test_extract_quantities(parse, sentence, expected):
    rows = extract_quantities(parse(sentence))
    got = [{k: r[k] for k in e} for r, e in zip(rows, expected)]
    assert len(rows) == len(expected), [(r["value"], r["unit"], r["quote"]) for r in rows]
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Ngày 15/1/2025, Tỉnh ủy An Giang tổ chức hội nghị tổng kết công tác xây dựng Đảng.", id="full-date"),
        pytest.param("Sáng 3/2, Tỉnh ủy Huế tổ chức mít tinh trọng thể.", id="day-month"),
        pytest.param("Năm 2024 là năm tỉnh Đồng Tháp về đích nhiều chỉ tiêu quan trọng.", id="year"),
        pytest.param("Tỉnh ủy Nghệ An tổ chức Lễ Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam.", id="anniversary-95"),
        pytest.param("Hướng tới 50 năm Ngày giải phóng miền Nam, thống nhất đất nước.", id="anniversary-giai-phong"),
        pytest.param("Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ 20 thành công tốt đẹp.", id="lan-thu-20"),
        pytest.param("Hội nghị Trung ương lần thứ 15 khóa XIII đã thống nhất nhiều nội dung.", id="lan-thu-15"),
        pytest.param("Quán triệt Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII.", id="resolution-number"),
        pytest.param("Thực hiện Quyết định số 1520/QĐ-UBND của UBND tỉnh Quảng Ninh.", id="decision-number"),
        pytest.param("Kết quả quý I/2025 cho thấy kinh tế tỉnh phục hồi rõ nét.", id="quarter"),
        pytest.param("Kỳ họp thứ 9 Quốc hội khóa XV bế mạc.", id="session-ordinal"),
        pytest.param("Trải qua 94 năm lãnh đạo, Đảng đã đưa đất nước vượt qua khó khăn.", id="trai-qua-history"),
        pytest.param("Nghị quyết 36 xác định rõ các nhiệm vụ lâu dài.", id="bare-document-number"),
        pytest.param("Mô hình chính quyền 2 cấp vận hành thông suốt.", id="two-level-government"),
        pytest.param("Hội nghị tổng kết 15 năm thực hiện Nghị quyết 08-NQ/TU của Tỉnh ủy.", id="review-period"),
        pytest.param("Kỷ niệm 40 năm Ngày hội quốc phòng toàn dân được tổ chức trang trọng.", id="anniversary-other-day"),
        pytest.param("Buổi lễ bắt đầu lúc 10:45\n\nNgày 24-1, đoàn đến thăm.", id="time-is-no-quantity"),
        pytest.param("Tỉnh đã tổng kết Điều 5 của Quy định số 22-QĐ/TW.", id="article-number"),
        pytest.param(
            "Các hoạt động chào mừng 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9 diễn ra sôi nổi.", id="anniversary-cach-mang"),
        pytest.param(
            "Nhân dịp 135 năm Ngày sinh Chủ tịch Hồ Chí Minh, tỉnh Nghệ An tổ chức nhiều hoạt động.", id="anniversary-ngay-sinh"),
        pytest.param("Ông tham gia Đảng ủy Quân khu 9 nhiệm kỳ 2015 - 2020.", id="military-region-number"),
        pytest.param("Tỉnh triển khai Nghị quyết Hội nghị Trung ương 8 khóa XII về bảo vệ Tổ quốc.", id="plenum-number"),
        pytest.param("Nhà máy đặt tại Khu công nghiệp Bình Tân 3 giai đoạn mở rộng.", id="number-in-a-place-name"),
        pytest.param("Thực hiện Luật 12 về đất đai trên địa bàn.", id="law-number"),
    ],
)
def test_non_quantities(parse, sentence):
    rows = extract_quantities(parse(sentence))
    assert [(r["value"], r["unit"], r["quote"]) for r in rows] == []


# Kind by frame: constructions from real political reports and reviews, rewritten with invented
# places and figures.  Expected: (value, kind, qualifier) in text order.
FRAME_CASES = [
    pytest.param(
        " date 2025-12-07 Ông Lữ Văn Năm nêu các định hướng phát triển kinh tế thời gian tới. ẢNH: MINH AN\n"
        "Thu ngân sách năm 2025 đạt 14.000 tỷ đồng.",
        [(14000.0, "achieved", "")], id="a-caption-frames-nothing-after-it"),
    pytest.param(
        " date 2025-10-06 Đại hội xác định chủ đề phấn đấu đưa tỉnh phát triển nhanh.\n"
        "Nhiệm kỳ 2020-2025, tốc độ tăng trưởng GRDP bình quân đạt 6,2%/năm. Tổng vốn đầu tư đạt gần 150.000 tỉ đồng.",
        [(6.2, "achieved", ""), (150000.0, "achieved", "approx")],
        id="outgoing-term-opening-a-paragraph-is-a-review"),
    pytest.param(
        " date 2025-10-01 Các mục tiêu chủ yếu được Đại hội đặt ra gồm: tăng trưởng kinh tế bình quân hằng năm đạt từ 9% "
        "trở lên; GRDP đến năm 2030 đạt tối thiểu 410 nghìn tỷ đồng; kim ngạch xuất khẩu đạt 6,4 tỷ USD.",
        [(9.0, "target", "at_least"), (410.0, "target", "at_least"), (6.4, "target", "")],
        id="target-list-with-dat"),
    pytest.param(
        " date 2025-09-10 Theo đó, đến năm 2030 tỉnh đặt mục tiêu kết nạp 3-4% đảng viên mới mỗi năm.\n"
        "Tốc độ tăng trưởng GRDP đạt bình quân từ 10%/năm trở lên; thu ngân sách tăng tối thiểu 12%/năm.",
        [(3.0, "target", ""), (10.0, "target", "at_least"), (12.0, "target", "at_least")],
        id="frame-carries-into-next-paragraph"),
    pytest.param(
        " date 2025-09-10 Nhiệm kỳ qua, tăng trưởng kinh tế đạt 7,2%/năm, vượt chỉ tiêu đề ra là 7%; "
        "thu ngân sách đạt 21.300 tỷ đồng.",
        [(7.2, "achieved", ""), (7.0, "target", ""), (21300.0, "achieved", "")],
        id="target-named-inside-a-review"),
    pytest.param(
        " date 2021-01-05 Ước tính GRDP bình quân đầu người năm 2020 là 1.950 USD (chỉ tiêu Nghị quyết là 2.400 USD), "
        "tăng trưởng GRDP bình quân đầu người là 7,1%.",
        [(1950.0, "estimated", ""), (2400.0, "target", ""), (7.1, "estimated", "")],
        id="parenthesised-target-inside-an-estimate"),
    pytest.param(
        " date 2025-01-20 Về kết quả năm 2024, có 12 chỉ tiêu vượt và 6 chỉ tiêu đạt 100%. "
        "Tăng trưởng kinh tế năm 2024 đạt 6,3% (đạt chỉ tiêu nghị quyết).",
        [(12.0, "achieved", ""), (6.0, "achieved", ""), (100.0, "achieved", ""), (6.3, "achieved", "")],
        id="review-of-a-year"),
    pytest.param(
        " date 2025-02-03 Nhiệm kỳ qua tỉnh đã hoàn thành mục tiêu đề ra. Tăng trưởng kinh tế bình quân ước đạt 6,1%/năm; "
        "quy mô nền kinh tế đạt khoảng 80.500 tỉ đồng.",
        [(6.1, "estimated", ""), (80500.0, "achieved", "approx")],
        id="achieved-goal-is-a-review"),
    pytest.param(
        " date 2024-12-27 Hội nghị tổng kết năm 2024, triển khai nhiệm vụ năm 2025. "
        "Năm 2024, đã kiến nghị thu hồi hơn 12,5 tỷ đồng.",
        [(12.5, "achieved", "more_than")],
        id="next-year-in-a-heading-holds-for-its-clause"),
    pytest.param(
        " date 2025-03-01 Tỉnh phấn đấu hoàn thành mục tiêu tăng trưởng từ 8% trở lên.",
        [(8.0, "target", "at_least")],
        id="resolve-before-a-review-word"),
    pytest.param(
        " date 2020-10-12 Nhiệm kỳ 2015 – 2020, tỉnh đã thực hiện các mục tiêu đề ra; hoàn thành và vượt 14/17 chỉ tiêu "
        "chủ yếu.\nTrong đó, tăng trưởng GRDP bình quân đạt 5,8%/năm.",
        [(14.0, "achieved", "exceeds"), (17.0, "plan_count", ""), (5.8, "achieved", "")],
        id="targets-tallied-in-a-review-open-no-target-frame"),
    pytest.param(
        " date 2025-10-12 Đại hội cam kết đạt tốc độ tăng trưởng kinh tế 9,5% vào năm 2030.",
        [(9.5, "target", "")],
        id="a-figure-for-a-year-still-to-come-is-no-result"),
    pytest.param(
        " date 2025-06-12 Tỉnh tiếp tục bám sát kịch bản tăng trưởng GRDP từ 8,5% trở lên.",
        [(8.5, "target", "at_least")],
        id="a-growth-scenario-is-a-target"),
    pytest.param(
        " date 2025-10-20 Năm 2025, thành phố tăng trưởng gần 7,1% trong 9 tháng. Với kịch bản quý IV tăng trưởng 12,5% để "
        "cả năm đạt 8,6% đã khó hoàn thành; còn để đạt tăng trưởng trên 8% thì quý IV cần tăng trưởng khoảng 10,5%.",
        [(7.1, "achieved", "approx"), (12.5, "target", ""), (8.6, "target", ""), (8.0, "target", "more_than"),
         (10.5, "target", "approx")],
        id="scenarios-and-requirements-are-no-results"),
]


@pytest.mark.parametrize(("text", "expected"), FRAME_CASES)
def test_kind_by_frame(parse, text, expected):
    rows = extract_quantities(parse(text))
    assert [(r["value"], r["kind"], r["qualifier"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(" date 2025-01-20 Năm 2024, khu vực I (nông nghiệp) đạt tăng trưởng 3,1%.", ("sector_growth", "2024"),
                     id="sector-named-before-a-parenthesis"),
        pytest.param(" date 2025-01-20 Năm 2024, GRDP bình quân đầu người đạt 90,5 triệu đồng, tăng 12,2% so với cùng kỳ.",
                     ("grdp_per_capita", "2024"), id="per-capita-change-is-no-growth-rate"),
        pytest.param(" date 2025-09-20 Nhiệm kỳ 2020-2025, kinh tế tăng trưởng bình quân 6,9%/năm; năm 2024 tăng trưởng đạt 7,7%.",
                     ("grdp_growth", "2024"), id="clause-naming-its-own-year"),
    ],
)
def test_metric_and_period_of_the_last_number(parse, text, expected):
    row = extract_quantities(parse(text))[-1]
    assert (row["metric"], row["ref_period"]) == expected
