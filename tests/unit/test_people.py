"""Officials and credits."""

from __future__ import annotations

import pytest

from cantho_analysis.extract.people import extract_credits, extract_officials


def _officials(doc, expected):
    """Rows as (name, code, organization, is_city_secretary); organization is only compared
    where the expected tuple gives one (None: not checked)."""
    rows = sorted((r["name"], r["position_code"], r["organization"], r["is_city_secretary"]) for r in extract_officials(doc))
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
    pytest.param(
        "Ông Đỗ Văn Tám, Bí thư Đảng ủy xã Hòa Bình Tây, phát biểu.",
        [("Đỗ Văn Tám", "sub_secretary", "Đảng ủy xã Hòa Bình Tây", False)], id="commune-extends-a-province-name"),
    pytest.param(
        "Ông Hoàng Văn Bảy được bầu làm Bí thư Tỉnh ủy Lang Sơn.",
        [("Hoàng Văn Bảy", "secretary", "Tỉnh ủy", True)], id="misspelt-place-is-no-name"),
    pytest.param(
        "Ông Lê Văn Tám giữ chức Bí thư Thành ủy TP.Cần Th",
        [("Lê Văn Tám", "secretary", "Thành ủy TP.", True)], id="word-cut-short-is-no-name"),
    pytest.param(
        "Thủ tướng Chính phủ Trần Văn Chín vừa ký Quyết định phê chuẩn kết quả bầu Chủ tịch UBND tỉnh Bạc Liêu.",
        [("Trần Văn Chín", "prime_minister", "", False)], id="who-approves-is-not-the-appointee"),
    pytest.param(
        "Ông Lê Văn Mười công bố quyết định chỉ định giữ chức Bí thư Tỉnh ủy Bạc Liêu.",
        [], id="who-announces-is-not-the-appointee"),
    pytest.param(
        "Ông Lê Văn Mười, Phó Bí thư Tỉnh ủy, cho rằng việc tỉnh bầu Bí thư Tỉnh ủy tại chỗ là sự ghi nhận.",
        [("Lê Văn Mười", "deputy_secretary", "Tỉnh ủy", False)], id="who-speaks-of-an-election-is-not-elected"),
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
    pytest.param("Các đại biểu dự đại hội (Ảnh: Ban tổ chức).\nĐại hội bế mạc.", [], id="photo-by-a-body-is-no-person"),
    pytest.param("Ông Ba phát biểu (Ảnh: VGP/Minh Khôi).\nĐại hội bế mạc.", [("Minh Khôi", "photo", "VGP")], id="photo-outlet-first"),
    pytest.param("Buổi họp sáng 4/7 - Ảnh: Cổng TTĐT tỉnh\nHội nghị bế mạc.", [], id="photo-by-a-portal"),
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
    doc = parse(text)
    officials = {r["name"] for r in extract_officials(doc)}
    photos = {r["name"] for r in extract_credits(doc) if r["role"] == "photo"}
    assert official in officials
    assert photos == {photographer}
    assert photographer not in officials


def _rows(doc):
    return sorted((r["name"], r["position_code"], r["organization"], r["status"]) for r in extract_officials(doc))


# Constructions met in real news articles, each rewritten with invented names, places and
# numbers.  Expected rows: (name, position_code, organization, status).
GRAMMAR_CASES = [
    pytest.param(
        "Dự hội nghị có các đồng chí: Tạ Văn Khôi, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; "
        "Mai Thị Loan, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Kha Minh Sơn, Phó Bí thư Tỉnh ủy.",
        [("Kha Minh Sơn", "deputy_secretary", "Tỉnh ủy", "current"),
         ("Mai Thị Loan", "people_council_chair", "HĐND tỉnh", "current"),
         ("Mai Thị Loan", "standing_deputy_secretary", "Tỉnh ủy", "current"),
         ("Tạ Văn Khôi", "cc_member", "Trung ương Đảng", "current"),
         ("Tạ Văn Khôi", "secretary", "Tỉnh ủy", "current")],
        id="semicolon-list-after-colon"),
    pytest.param(
        "Ủy viên Bộ Chính trị, Chủ tịch Quốc hội Hàn Quốc Việt dự lễ.",
        [("Hàn Quốc Việt", "na_chair", "Quốc hội", "current"),
         ("Hàn Quốc Việt", "politburo_member", "Bộ Chính trị", "current")],
        id="national-title-chain-before-name"),
    pytest.param(
        "Ông Lục Văn Tâm - Phó Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh Bến Tre phát biểu.",
        [("Lục Văn Tâm", "deputy_secretary", "Tỉnh ủy Bến Tre", "current"),
         ("Lục Văn Tâm", "na_delegation_head", "đoàn đại biểu Quốc hội tỉnh Bến Tre", "current")],
        id="dash-apposition"),
    pytest.param(
        "Bà Ung Thị Nga là Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Cà Mau.",
        [("Ung Thị Nga", "deputy_secretary", "Tỉnh ủy Cà Mau", "current"),
         ("Ung Thị Nga", "front_chair", "Ủy ban MTTQ Việt Nam tỉnh Cà Mau", "current")],
        id="copula-la"),
    pytest.param(
        "Ông Quách Văn Hưng, Giám đốc Sở Tài chính được Bộ Chính trị điều động, chỉ định làm Bí thư Tỉnh ủy Long An "
        "nhiệm kỳ 2025-2030, thay ông Bành Văn Lộc.",
        [("Bành Văn Lộc", "secretary", "Tỉnh ủy Long An", "former"),
         ("Quách Văn Hưng", "other", "Sở Tài chính", "current"),
         ("Quách Văn Hưng", "secretary", "Tỉnh ủy Long An", "appointed")],
        id="transfer-and-replacement"),
    pytest.param(
        "Ông Đàm Quang Vinh tái đắc cử Bí thư Tỉnh ủy Lạng Sơn khóa XVIII.",
        [("Đàm Quang Vinh", "secretary", "Tỉnh ủy Lạng Sơn", "appointed")],
        id="re-elected"),
    pytest.param(
        "Bà Lã Thị Hoa được bầu giữ chức Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Hòa Bình.",
        [("Lã Thị Hoa", "inspection_commission_chair", "Ủy ban Kiểm tra Tỉnh ủy Hòa Bình", "appointed")],
        id="elected-to-hold"),
    pytest.param(
        "Đồng chí Tôn Thất Minh, phó bí thư thường trực tỉnh ủy, phát biểu.",
        [("Tôn Thất Minh", "standing_deputy_secretary", "tỉnh ủy", "current")],
        id="lower-case-title"),
    pytest.param(
        "Đồng chí Viên Văn Hải, Ủy viên dự khuyết BCH Trung ương Đảng, Phó Bí thư Uỷ ban Kiểm tra phát biểu.",
        [("Viên Văn Hải", "cc_alternate_member", "BCH Trung ương Đảng", "current"),
         ("Viên Văn Hải", "other", "Ủy ban Kiểm tra", "current")],
        id="abbreviated-and-old-tone-title"),
    pytest.param(
        "Ông Thạch Sô Phol, Thành ủy viên, Phó Chủ tịch UBND thành phố, báo cáo.",
        [("Thạch Sô Phol", "executive_committee_member", "Thành ủy", "current"),
         ("Thạch Sô Phol", "people_committee_vice_chair", "UBND thành phố", "current")],
        id="khmer-name-and-short-title"),
    pytest.param(
        "Đồng chí Ksor Y Bleo, Phó Bí thư Tỉnh ủy Gia Lai, dự lễ.",
        [("Ksor Y Bleo", "deputy_secretary", "Tỉnh ủy Gia Lai", "current")],
        id="name-without-listed-family-name"),
    pytest.param(
        "Dự lễ có ông Phí Văn Tuân, nguyên Bí thư Tỉnh ủy Hà Nam.",
        [("Phí Văn Tuân", "secretary", "Tỉnh ủy Hà Nam", "former")],
        id="former-nguyen"),
    pytest.param(
        "Các Phó Bí thư Tỉnh ủy gồm: ông Lạc Văn An - Chủ tịch HĐND tỉnh; bà Khúc Thị Yến - Chủ tịch UBND tỉnh.",
        [("Khúc Thị Yến", "deputy_secretary", "Tỉnh ủy", "current"),
         ("Khúc Thị Yến", "people_committee_chair", "UBND tỉnh", "current"),
         ("Lạc Văn An", "deputy_secretary", "Tỉnh ủy", "current"),
         ("Lạc Văn An", "people_council_chair", "HĐND tỉnh", "current")],
        id="list-heading"),
    pytest.param(
        "Hội nghị bầu các ông Tiêu Văn Bình - Trưởng Ban Dân vận Tỉnh ủy và ông Hầu Minh Lý - Phó Chủ tịch UBND tỉnh "
        "được bầu làm Phó Bí thư Tỉnh ủy.",
        [("Hầu Minh Lý", "deputy_secretary", "Tỉnh ủy", "appointed"),
         ("Hầu Minh Lý", "people_committee_vice_chair", "UBND tỉnh", "current"),
         ("Tiêu Văn Bình", "deputy_secretary", "Tỉnh ủy", "appointed"),
         ("Tiêu Văn Bình", "party_board_head", "Ban Dân vận Tỉnh ủy", "current")],
        id="shared-appointment"),
    pytest.param(
        "Ông Ninh Văn Sáu từng kinh qua các chức vụ: Phó Chủ tịch UBND tỉnh Yên Bái; Thứ trưởng Bộ Xây dựng.",
        [("Ninh Văn Sáu", "deputy_minister", "Bộ Xây dựng", "former"),
         ("Ninh Văn Sáu", "people_committee_vice_chair", "UBND tỉnh Yên Bái", "former")],
        id="career-list-semicolons"),
    pytest.param(
        "Bí thư Tỉnh ủy Trịnh Văn Đông phát biểu. Ông là Ủy viên Trung ương Đảng.",
        [("Trịnh Văn Đông", "cc_member", "Trung ương Đảng", "current"),
         ("Trịnh Văn Đông", "secretary", "Tỉnh ủy", "current")],
        id="pronoun-opens-sentence"),
    pytest.param(
        "Ông Đinh Công Lâm, Phó Bí thư Tỉnh ủy phát biểu. Ông Lâm từng giữ chức vụ Bí thư Huyện ủy.",
        [("Đinh Công Lâm", "deputy_secretary", "Tỉnh ủy", "current"),
         ("Đinh Công Lâm", "sub_secretary", "Huyện ủy", "former")],
        id="short-form-name"),
    pytest.param(
        "Phó bí thư Thành ủy Chu Văn Quý làm Bí thư Đảng ủy các cơ quan Đảng thành phố.",
        [("Chu Văn Quý", "deputy_secretary", "Thành ủy", "current"),
         ("Chu Văn Quý", "sub_secretary", "Đảng ủy các cơ quan Đảng thành phố", "appointed")],
        id="title-before-then-appointment"),
    pytest.param(
        "Gửi lời chúc tới tân Bí thư Tỉnh ủy Phú Yên Lò Văn Pao và tân Bí thư Tỉnh ủy Hà Nam, Chủ tịch nước Đinh Văn Tư nói.",
        [("Lò Văn Pao", "secretary", "Tỉnh ủy Phú Yên", "appointed"),
         ("Đinh Văn Tư", "state_president", "", "current")],
        id="local-title-never-precedes-a-national-one"),
    pytest.param(
        "Điều động ông Khổng Văn Hòa (sinh năm 1975) - Ủy viên dự khuyết TƯ Đảng, Phó Bí thư Tỉnh ủy Lào Cai.",
        [("Khổng Văn Hòa", "cc_alternate_member", "TƯ Đảng", "current"),
         ("Khổng Văn Hòa", "deputy_secretary", "Tỉnh ủy Lào Cai", "current")],
        id="aside-in-parentheses"),
    pytest.param(
        "Hội nghị bầu 2 đồng chí: Bế Thị Mai và Nông Văn Dũng làm Phó Bí thư Tỉnh ủy Cao Bằng.",
        [("Bế Thị Mai", "deputy_secretary", "Tỉnh ủy Cao Bằng", "appointed"),
         ("Nông Văn Dũng", "deputy_secretary", "Tỉnh ủy Cao Bằng", "appointed")],
        id="counted-group-appointment"),
    pytest.param(
        "Dự có đồng chí Mạc Văn Tú, Phó Chủ nhiệm Ủy ban Pháp luật và Tư pháp của Quốc hội.",
        [("Mạc Văn Tú", "other", "Ủy ban Pháp luật và Tư pháp của Quốc hội", "current")],
        id="open-committee-name"),
    pytest.param(
        "Ông Doãn Văn Kiên từng giữ nhiều chức vụ như: Giám đốc Sở Kế hoạch - Đầu tư tỉnh Hà Tĩnh, Phó Chủ tịch UBND tỉnh Hà Tĩnh (cũ).",
        [("Doãn Văn Kiên", "other", "Sở Kế hoạch - Đầu tư tỉnh Hà Tĩnh", "former"),
         ("Doãn Văn Kiên", "people_committee_vice_chair", "UBND tỉnh Hà Tĩnh", "former")],
        id="career-list-with-nhu-and-cu"),
    pytest.param(
        "Bà Âu Thị Nhàn được thôi giữ chức vụ Phó Bí thư Tỉnh ủy, Ủy viên Ban Chấp hành Đảng bộ tỉnh để nghỉ hưu.",
        [("Âu Thị Nhàn", "deputy_secretary", "Tỉnh ủy", "former"),
         ("Âu Thị Nhàn", "executive_committee_member", "Ban Chấp hành Đảng bộ tỉnh", "former")],
        id="relieved-of-posts"),
    pytest.param(
        "Ông Giáp Văn Hòa được miễn nhiệm chức vụ Chủ tịch UBND thành phố.",
        [("Giáp Văn Hòa", "people_committee_chair", "UBND thành phố", "former")],
        id="dismissed-from-post"),
    pytest.param(
        "Đoàn do bà Lục Thị Thanh, Bí thư Đảng ủy MTTQ, các đoàn thể Trung ương, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam, "
        "làm Trưởng đoàn.",
        [("Lục Thị Thanh", "front_chair", "Ủy ban Trung ương MTTQ Việt Nam", "current"),
         ("Lục Thị Thanh", "sub_secretary", "Đảng ủy MTTQ, các đoàn thể Trung ương", "current")],
        id="body-name-with-a-comma"),
    pytest.param(
        "Ông Lò Văn Hiệp - Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm UBKT Tỉnh ủy chủ trì hội nghị.",
        [("Lò Văn Hiệp", "inspection_commission_chair", "UBKT Tỉnh ủy", "current"),
         ("Lò Văn Hiệp", "standing_committee_member", "Ban Thường vụ Tỉnh ủy", "current")],
        id="inspection-commission-abbreviated"),
    pytest.param(
        "Ông Vi Văn Kỳ, Bí thư Tỉnh ủy Long An trước sáp nhập, được phân công giữ chức vụ Chủ tịch HĐND tỉnh Tây Ninh.",
        [("Vi Văn Kỳ", "people_council_chair", "HĐND tỉnh Tây Ninh", "appointed"),
         ("Vi Văn Kỳ", "secretary", "Tỉnh ủy Long An", "former")],
        id="post-held-before-the-merger"),
    pytest.param(
        "Gồm: ông Lò Văn Tín - Quyền Chủ tịch UBND tỉnh Long An cũ; ông Hà Văn Toại - Phó Chủ tịch UBND tỉnh Tây Ninh.",
        [("Hà Văn Toại", "people_committee_vice_chair", "UBND tỉnh Tây Ninh", "current"),
         ("Lò Văn Tín", "people_committee_chair", "UBND tỉnh Long An", "former")],
        id="acting-office"),
    pytest.param(
        "Bộ Chính trị cho ông Mẫn Văn Lực, Bí thư Tỉnh ủy Gia Lai, thôi tham gia Ban Chấp hành, Ban Thường vụ, thôi giữ chức "
        "Bí thư Tỉnh ủy Gia Lai nhiệm kỳ 2025-2030.",
        [("Mẫn Văn Lực", "secretary", "Tỉnh ủy Gia Lai", "current"), ("Mẫn Văn Lực", "secretary", "Tỉnh ủy Gia Lai", "former")],
        id="relieved-later-in-the-chain"),
    pytest.param(
        "Ông Lại Văn Tư từng là Chủ tịch UBND tỉnh Bình Định; Đại biểu Quốc hội Việt Nam khóa XII.",
        [("Lại Văn Tư", "na_deputy", "", "former"), ("Lại Văn Tư", "people_committee_chair", "UBND tỉnh Bình Định", "former")],
        id="the-country-is-no-province"),
    pytest.param(
        "Các Ủy viên Bộ Chính trị: Tòng Văn Phin - Phó Chủ tịch Thường trực Quốc Hội chủ trì.",
        [("Tòng Văn Phin", "na_vice_chair", "Quốc Hội", "current"), ("Tòng Văn Phin", "politburo_member", "Bộ Chính trị", "current")],
        id="standing-vice-chair-of-the-assembly-under-a-plural-heading"),
    pytest.param(
        "Dự có các Ủy viên Trung ương Đảng: Lò Văn Một, Bộ trưởng Bộ Tư pháp; Kha Văn Hai, Bí thư Tỉnh ủy Ninh Thuận.",
        [("Kha Văn Hai", "cc_member", "Trung ương Đảng", "current"), ("Kha Văn Hai", "secretary", "Tỉnh ủy Ninh Thuận", "current"),
         ("Lò Văn Một", "cc_member", "Trung ương Đảng", "current"), ("Lò Văn Một", "minister", "Bộ Tư pháp", "current")],
        id="plural-title-then-colon-heads-a-list"),
    pytest.param(
        "Bộ Chính trị chỉ định các ông, bà Ma Văn Một, Trần Văn Hai, Giàng Thị Ba giữ chức Phó Bí thư Tỉnh ủy.",
        [("Giàng Thị Ba", "deputy_secretary", "Tỉnh ủy", "appointed"), ("Ma Văn Một", "deputy_secretary", "Tỉnh ủy", "appointed"),
         ("Trần Văn Hai", "deputy_secretary", "Tỉnh ủy", "appointed")],
        id="bare-name-list-appointed-together"),
    pytest.param(
        "Dự có Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lạng Sơn Đỗ Văn Bảy, Phó Bí thư Thường trực, Chủ tịch HĐND Mai Văn Tám.",
        [("Mai Văn Tám", "people_council_chair", "HĐND Lạng Sơn", "current"),
         ("Mai Văn Tám", "standing_deputy_secretary", "Tỉnh ủy Lạng Sơn", "current"),
         ("Đỗ Văn Bảy", "cc_member", "Trung ương Đảng", "current"), ("Đỗ Văn Bảy", "secretary", "Tỉnh ủy Lạng Sơn", "current")],
        id="titles-before-each-name-in-a-row"),
    pytest.param(
        "Ông Khúc Văn Tám, Bí thư Thành ủy, được phân công giữ chức Thứ trưởng Thường trực Bộ Nội vụ.",
        [("Khúc Văn Tám", "deputy_minister", "Bộ Nội vụ", "appointed"), ("Khúc Văn Tám", "secretary", "Thành ủy", "current")],
        id="standing-deputy-minister-appointed"),
    pytest.param(
        "Bốn Phó Bí thư Tỉnh ủy được chỉ định gồm các ông: Lưu Văn Một (Chủ tịch HĐND tỉnh), Kha Văn Hai và bà Âu Thị Ba.",
        [("Kha Văn Hai", "deputy_secretary", "Tỉnh ủy", "appointed"), ("Lưu Văn Một", "deputy_secretary", "Tỉnh ủy", "appointed"),
         ("Lưu Văn Một", "people_council_chair", "HĐND tỉnh", "current"), ("Âu Thị Ba", "deputy_secretary", "Tỉnh ủy", "appointed")],
        id="appointed-heading-with-colon-after-cac-ong"),
    pytest.param(
        "Ông Lý Văn Chín đã đảm nhận nhiều vị trí công tác như: Phó Bí thư, Bí thư Huyện Đoàn; Bí thư Tỉnh ủy Kiên Giang.",
        [("Lý Văn Chín", "other", "Huyện Đoàn", "former"), ("Lý Văn Chín", "other", "Huyện Đoàn", "former"),
         ("Lý Văn Chín", "secretary", "Tỉnh ủy Kiên Giang", "former")],
        id="career-list-dam-nhan-and-two-posts-in-one-body"),
    pytest.param(
        "Từ 10/2008 đến 2/2012, ông Thân Văn Tư là Vụ trưởng Vụ Tổng hợp, Bộ Tài chính.",
        [("Thân Văn Tư", "other", "Vụ Tổng hợp, Bộ Tài chính", "former")], id="post-in-a-closed-past-period"),
    pytest.param(
        "Giám đốc Công an tỉnh, Thiếu tướng Hầu Văn Dũng cho biết. Ông Lã Văn Kiên, Thứ trưởng Công an, dự.",
        [("Hầu Văn Dũng", "other", "Công an tỉnh", "current"), ("Lã Văn Kiên", "deputy_minister", "Công an", "current")],
        id="provincial-police-and-a-rank-before-the-name"),
    pytest.param(
        "Đồng chí Mã Văn Lành – Tân Bí thư Thành ủy. Bí thư Tỉnh ủy Đỗ Minh Tân phát biểu.",
        [("Mã Văn Lành", "secretary", "Thành ủy", "appointed"), ("Đỗ Minh Tân", "secretary", "Tỉnh ủy", "current")],
        id="tan-newly-elected-or-a-name"),
    pytest.param(
        "Ông Y Minh Niê, Bí thư Tỉnh ủy Lâm Đồng, phát biểu. Ông kinh qua nhiều chức vụ như: Bí thư Huyện ủy Cư Kuin, "
        "Bí thư Thành ủy Buôn Ma Thuột.",
        [("Y Minh Niê", "secretary", "Tỉnh ủy Lâm Đồng", "current"),
         ("Y Minh Niê", "sub_secretary", "Huyện ủy Cư Kuin", "former"),
         ("Y Minh Niê", "sub_secretary", "Thành ủy Buôn Ma Thuột", "former")],
        id="career-list-kinh-qua-and-a-provincial-city"),
    pytest.param(
        "Bí thư Thành ủy Pleiku Rơ Mah Tuấn phát biểu.",
        [("Rơ Mah Tuấn", "sub_secretary", "Thành ủy Pleiku", "current")], id="city-committee-then-ethnic-name"),
    pytest.param(
        "Bí thư Huyện ủy Tân Phước Lê Văn Đức báo cáo.",
        [("Lê Văn Đức", "sub_secretary", "Huyện ủy Tân Phước", "current")],
        id="district-committee-name"),
    pytest.param(
        "Chủ tịch Hồ Chí Minh đã dạy: cán bộ là gốc của mọi công việc.",
        [], id="historic-leader-is-no-official"),
    pytest.param(
        "Ông Quan Văn Tùng, nông dân xã Tân Phú, chia sẻ kinh nghiệm.",
        [], id="no-title-no-row"),
]


@pytest.mark.parametrize(("text", "expected"), GRAMMAR_CASES)
def test_mention_grammar(parse, text, expected):
    assert _rows(parse(text)) == expected


def test_bare_title_takes_the_article_committee_and_place(parse):
    text = ("Tỉnh ủy Vĩnh Long tổ chức hội nghị. Tỉnh ủy Vĩnh Long đã bàn nhiều nội dung.\n"
            "Ông Lương Văn Khải - Bí thư, Chủ tịch UBND tỉnh chủ trì.")
    rows = {(r["position_code"], r["organization"], r["organization_basis"]) for r in extract_officials(parse(text))}
    assert rows == {("secretary", "Tỉnh ủy Vĩnh Long", "context"),
                    ("people_committee_chair", "UBND tỉnh Vĩnh Long", "context")}
