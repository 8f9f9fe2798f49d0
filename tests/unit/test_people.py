"""Officials and credits."""

from __future__ import annotations

import pytest

from cantho_analysis.people import extract_credits, extract_officials


def _officials(pd, expected):
    """Rows as (name, code, organization, is_city_secretary); organization is only compared
    where the expected tuple gives one (None: not checked)."""
    rows = sorted((r["name"], r["position_code"], r["organization"], r["is_city_secretary"]) for r in extract_officials(pd))
    checked = {(e[0], e[1]) for e in expected if e[2] is None}
    return [(n, c, None if (n, c) in checked else o, s) for n, c, o, s in rows]


OFFICIAL_CASES = [
    # titles before the name
    pytest.param("Bí thư Tỉnh ủy Nghệ An Phan Đình Tuấn phát biểu chỉ đạo hội nghị.",
                 [("Phan Đình Tuấn", "secretary", "Tỉnh ủy Nghệ An", True)], id="title-before-tinh-uy"),
    pytest.param("Bí thư Thành ủy Huế Lê Minh Khoa trao quyết định cho các đồng chí.",
                 [("Lê Minh Khoa", "secretary", "Thành ủy Huế", True)], id="title-before-thanh-uy"),
    pytest.param("Phó Bí thư Thường trực Tỉnh ủy Nghệ An Nguyễn Văn Phong chủ trì hội nghị.",
                 [("Nguyễn Văn Phong", "standing_deputy_secretary", "Tỉnh ủy Nghệ An", False)], id="standing-deputy"),
    pytest.param("Chủ tịch HĐND tỉnh Thanh Hóa Hoàng Văn Kiên phát biểu khai mạc kỳ họp.",
                 [("Hoàng Văn Kiên", "people_council_chair", "HĐND tỉnh Thanh Hóa", False)], id="council-chair"),
    # two titles before one name
    pytest.param("Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nghệ An Phan Văn Tuấn chủ trì hội nghị.",
                 [("Phan Văn Tuấn", "deputy_secretary", None, False),
                  ("Phan Văn Tuấn", "people_council_chair", "HĐND tỉnh Nghệ An", False)], id="two-titles-before"),
    pytest.param("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An Phạm Hồng Sơn dự và chỉ đạo hội nghị.",
                 [("Phạm Hồng Sơn", "cc_member", None, False),
                  ("Phạm Hồng Sơn", "secretary", "Tỉnh ủy Nghệ An", True)], id="cc-member-and-secretary"),
    pytest.param(
        "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An Phạm Hồng Sơn dự và chỉ đạo hội nghị.",
        [("Phạm Hồng Sơn", "cc_member", "Trung ương Đảng", False),
         ("Phạm Hồng Sơn", "secretary", "Tỉnh ủy Nghệ An", True)], id="cc-member-organization"),
    # apposition after "Ông/Bà/Đồng chí X, A, B"
    pytest.param("Ông Hồ Văn Lợi, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh An Giang, phát biểu tại hội nghị.",
                 [("Hồ Văn Lợi", "deputy_secretary", None, False),
                  ("Hồ Văn Lợi", "people_committee_chair", "UBND tỉnh An Giang", False)], id="apposition-two-offices"),
    pytest.param("Bà Lê Thị Thu Hà, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy, trình bày tờ trình.",
                 [("Lê Thị Thu Hà", "organization_board_head", "Ban Tổ chức Tỉnh ủy", False),
                  ("Lê Thị Thu Hà", "standing_committee_member", "Ban Thường vụ Tỉnh ủy", False)], id="apposition-woman"),
    pytest.param("Tiếp đó, đồng chí Đoàn Minh Trí, Bí thư Tỉnh ủy, phát biểu bế mạc hội nghị.",
                 [("Đoàn Minh Trí", "secretary", "Tỉnh ủy", True)], id="apposition-dong-chi"),
    pytest.param("Ông Ngô Văn Tư, Bí thư Đảng ủy phường An Hòa, báo cáo tham luận.",
                 [("Ngô Văn Tư", "sub_secretary", "Đảng ủy phường An Hòa", False)], id="sub-secretary-not-city"),
    # appointment
    pytest.param("Đồng chí Trần Quốc Bảo được bầu giữ chức Bí thư Tỉnh ủy Quảng Ninh nhiệm kỳ 2025 - 2030.",
                 [("Trần Quốc Bảo", "secretary", "Tỉnh ủy Quảng Ninh", True)], id="appointment"),
    # no office, no row
    pytest.param("Ông Nguyễn Văn Tâm, nông dân xã Tân Hòa, chia sẻ kinh nghiệm sản xuất.", [], id="no-title"),
    # a place whose last word is also a family name swallows the person's name
    pytest.param(
        "Bí thư Tỉnh ủy An Giang Lê Hồng Phúc phát biểu tổng kết.",
        [("Lê Hồng Phúc", "secretary", "Tỉnh ủy An Giang", True)], id="place-an-giang-then-name"),
    pytest.param(
        "Chủ tịch UBND tỉnh Đồng Tháp Phạm Văn Thiện phát biểu chào mừng.",
        [("Phạm Văn Thiện", "people_committee_chair", "UBND tỉnh Đồng Tháp", False)], id="place-dong-thap-then-name"),
    pytest.param(
        "Bí thư Tỉnh ủy Quảng Ninh Vũ Minh Đức dự và phát biểu.",
        [("Vũ Minh Đức", "secretary", "Tỉnh ủy Quảng Ninh", True)], id="place-quang-ninh-then-name"),
    pytest.param(
        "Bí thư Đảng ủy xã Tân Hòa Lê Văn Bảy báo cáo kết quả.",
        [("Lê Văn Bảy", "sub_secretary", "Đảng ủy xã Tân Hòa", False)], id="commune-tail-eats-name"),
]


@pytest.mark.parametrize(("sentence", "expected"), OFFICIAL_CASES)
def test_officials(parse, sentence, expected):
    assert _officials(parse(sentence), expected) == sorted(expected, key=lambda e: (e[0], e[1]))


CREDIT_CASES = [
    pytest.param("Quang cảnh hội nghị. Ảnh: Minh Hòa - TTXVN\nHội nghị kết thúc tốt đẹp.",
                 [("Minh Hòa", "photo", "TTXVN")], id="photo-dash-outlet"),
    pytest.param("Đại biểu biểu quyết thông qua nghị quyết. Ảnh: Thanh Tùng/TTXVN\nĐại hội bế mạc.\nNGỌC LAN",
                 [("Thanh Tùng", "photo", "TTXVN"), ("NGỌC LAN", "author", "")], id="photo-slash-outlet-and-byline"),
    pytest.param("Tỉnh ủy Huế trao Huy hiệu Đảng cho đảng viên. Ảnh: Hoàng Anh\nBuổi lễ diễn ra trang trọng.",
                 [("Hoàng Anh", "photo", "")], id="photo-no-outlet"),
    pytest.param("Hội nghị đã thống nhất các nội dung quan trọng.\nTHU TRANG",
                 [("THU TRANG", "author", "")], id="byline-caps"),
    pytest.param("Đại hội thành công tốt đẹp.\nQUỐC HUY\nXem thêm",
                 [("QUỐC HUY", "author", "")], id="byline-before-ui-word"),
    pytest.param("Đại hội thành công tốt đẹp.\nQuang cảnh phiên bế mạc đại hội.",
                 [], id="no-credit"),
]


@pytest.mark.parametrize(("text", "expected"), CREDIT_CASES)
def test_credits(parse, text, expected):
    rows = extract_credits(parse(text))
    assert [(r["name"], r["role"], r["outlet"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "official", "photographer"),
    [
        pytest.param("Bí thư Tỉnh ủy Nghệ An Phan Đình Tuấn phát biểu. Ảnh: Nguyễn Hoàng Lâm - TTXVN",
                     "Phan Đình Tuấn", "Nguyễn Hoàng Lâm", id="caption-after-title-sentence"),
        pytest.param("Ông Trần Văn Hưng, Chủ tịch UBND tỉnh An Giang, trao quà. Ảnh: Lê Minh Quân",
                     "Trần Văn Hưng", "Lê Minh Quân", id="caption-after-apposition"),
        pytest.param("Chủ tịch UBND tỉnh Nghệ An Lê Văn Hòa phát biểu (Ảnh: Võ Thành Đạt).",
                     "Lê Văn Hòa", "Võ Thành Đạt", id="caption-in-parentheses"),
        pytest.param("Phó Bí thư Tỉnh ủy Hồ Văn Lợi tặng hoa chúc mừng.\nẢnh: Đặng Quốc Việt\nBuổi lễ kết thúc.",
                     "Hồ Văn Lợi", "Đặng Quốc Việt", id="caption-own-line"),
    ],
)
def test_photographer_never_official(parse, text, official, photographer):
    pd = parse(text)
    officials = {r["name"] for r in extract_officials(pd)}
    photos = {r["name"] for r in extract_credits(pd) if r["role"] == "photo"}
    assert official in officials
    assert photos == {photographer}
    assert photographer not in officials
