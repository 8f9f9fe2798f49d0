"""Document metadata, sentence splitting, term attribution and the merger period."""

from __future__ import annotations

import pytest

from cantho_analysis.extract.metadata import document_metadata
from cantho_analysis.extract.parse import Params
from cantho_analysis.extract.sentences import split_sentences
from cantho_analysis.load.corpus import Corpus
from cantho_analysis.load.textnorm import normalize
from cantho_analysis.pipeline import merger_period, tables_from_corpus

_META_KEYS = ("published", "published_precision", "published_basis", "event_date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            " date 2025-02-03 Tỉnh ủy An Giang họp mặt kỷ niệm 95 năm Ngày thành lập Đảng\n"
            "Sáng 2/2, Tỉnh ủy An Giang tổ chức họp mặt truyền thống.",
            ("2025-02-03", "day", "header", "2025-02-02"), id="header-day"),
        pytest.param(
            " date 2024-12 Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An\n"
            "Ngày 20/12, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị tổng kết năm 2024.",
            ("2024-12", "month", "header", "2024-12-20"), id="header-month"),
        pytest.param(
            "Tỉnh ủy Quảng Ninh sơ kết công tác xây dựng Đảng 9 tháng năm 2025 12/09/2025 08:30\n"
            "Chiều 11/9, Tỉnh ủy Quảng Ninh tổ chức hội nghị sơ kết.",
            ("2025-09-12", "day", "header", "2025-09-11"), id="headline-timestamp"),
        pytest.param(
            "(Báo Đồng Tháp) - Sáng 15/1, Tỉnh ủy Đồng Tháp tổ chức hội nghị tổng kết công tác năm 2024, "
            "triển khai nhiệm vụ năm 2025.",
            ("2025-01", "month", "inferred", "2025-01-15"), id="headerless-latest-year"),
        pytest.param(
            "TTXVN - Sáng 3/2, Tỉnh ủy Nghệ An tổ chức họp mặt kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam.",
            ("2026-02", "month", "inferred", "2026-02-03"), id="headerless-anniversary-count"),
        pytest.param(
            "Sáng 3/2, tỉnh Huế tổ chức mít tinh kỷ niệm Ngày thành lập Đảng (3/2/1930 - 3/2/2025).",
            ("2025-02", "month", "inferred", "2025-02-03"), id="headerless-same-day-full-date"),
        pytest.param(
            "Chiều 28/12, Tỉnh ủy An Giang tổ chức hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.",
            ("2024-12", "month", "inferred", "2024-12-28"), id="headerless-year-end-conference"),
        pytest.param(
            "Ngày 15/10/2025, Tỉnh ủy An Giang tổ chức hội nghị quán triệt nghị quyết.",
            ("2025-10", "month", "inferred", "2025-10-15"), id="headerless-full-dateline"),
        pytest.param("Tỉnh ủy Huế trao quyết định về công tác cán bộ.", ("", "", "", ""), id="no-date"),
        pytest.param(
            "Sáng 20/10, khai mạc Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XX, nhiệm kỳ 2025 - 2030.",
            ("2025-10", "month", "inferred", "2025-10-20"), id="congress-opens-its-term-year"),
        pytest.param(
            "Chiều nay (14/10), Đại hội đại biểu Đảng bộ tỉnh Phú Yên lần thứ XVII, nhiệm kỳ 2020-2025 bế mạc. "
            "Ông sinh năm 1968, từ năm 2010 công tác tại tỉnh.",
            ("2020-10-14", "day", "inferred", "2020-10-14"), id="today-dateline-and-congress-year"),
        pytest.param(
            "Cần Thơ: Nhiều công trình chào mừng Đại hội\n\nThứ Hai 21/09/2020 , 18:55 (GMT+7)\n\nNgày 21/9, Thành ủy họp báo.",
            ("2020-09-21", "day", "header", "2020-09-21"), id="weekday-timestamp-line"),
        pytest.param(
            "Tin tức\n\nThứ ba, 01/07/2025, 12:52 PM\n\n(NSMT) - Sáng 30/6, tại tỉnh diễn ra lễ công bố.",
            ("2025-07-01", "day", "header", "2025-06-30"), id="weekday-comma-am-pm-line"),
        pytest.param(
            "Thời sự\nHội nghị Tỉnh ủy lần thứ 9\n08/11/2023Ngày 7/11, Tỉnh ủy Hòa Yên tổ chức hội nghị.",
            ("2023-11-08", "day", "header", "2023-11-07"), id="timestamp-glued-to-the-body"),
        pytest.param(
            "tin\n\n12/12/2021\n\nBế mạc Đại hội đại biểu Đảng bộ tỉnh Hòa Yên\n\nMinh An - 14/10/2021, 21:05 GMT+07 | Thời sự\n"
            "Chiều 14/10, Đại hội bế mạc.",
            ("2021-10-14", "day", "header", "2021-10-14"), id="byline-stamp-with-time-beats-a-bare-date"),
        pytest.param(
            "Thời sự\n\nTỉnh ủy Hòa Yên họp phiên cuối năm\n\nChính trị xã hội 08:00 | 26/12/2024\nChiều 25/12, Tỉnh ủy họp.",
            ("2024-12-26", "day", "header", "2024-12-25"), id="section-time-pipe-date"),
        pytest.param(
            "Thứ Năm, ngày 23/01/2025 | 07:56\n(HY) - Chiều ngày 22-1, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2024.",
            ("2025-01-23", "day", "header", "2025-01-22"), id="weekday-ngay-and-pipe"),
        pytest.param(
            " date 2025-01 Tỉnh Bến Tre họp mặt kỷ niệm 95 năm Ngày thành lập Đảng 24/01/2025 10:45\nNgày 24-1, họp mặt diễn ra.",
            ("2025-01-24", "day", "header", "2025-01-24"), id="month-header-refined-by-timestamp"),
        pytest.param(
            "Tham dự Đại hội có nhiều đại biểu. Đại hội khai mạc vào sáng 14/10, nhiệm kỳ 2020-2025, với số liệu năm 2020.",
            ("2020-10", "month", "inferred", "2020-10-14"), id="event-day-in-running-text"),
        pytest.param(
            "VHO - Chiều ngày 3.10, tại Nhà hát tỉnh diễn ra phiên trù bị Đại hội Đảng bộ TP. Vinh lần thứ X, nhiệm kỳ 2025 - 2030.",
            ("2025-10", "month", "inferred", "2025-10-03"), id="day-dot-month"),
        pytest.param(
            "Bí thư Tỉnh ủy phát biểu bế mạc hội nghị\n\n20:05, 07/12/2024\n\nSau hai ngày làm việc, hội nghị bế mạc.",
            ("2024-12-07", "day", "header", ""), id="time-then-date-line"),
        pytest.param(
            "Sáng 20/5, Bộ Chính trị tổ chức hội nghị quán triệt Nghị quyết số 12-NQ/TW, ngày 2/5/2025 của Bộ Chính trị.",
            ("2025-05", "month", "inferred", "2025-05-20"), id="year-after-a-cited-date"),
        pytest.param(
            "Chiều 2.7, Ban Tổ chức Trung ương công bố quyết định điều động ông Lê Văn Ba (sinh năm 1976).",
            ("", "", "", ""), id="birth-year-is-no-publication-year"),
        pytest.param(
            "Chiều 4/9, HĐND tỉnh bầu ông Lê Văn Ba làm Chủ tịch UBND tỉnh. Ông Ba sinh ngày 12/8/1971 tại tỉnh Nam Định.",
            ("", "", "", ""), id="birth-date-is-no-cited-date"),
        pytest.param(
            "Chiều 4/9, HĐND tỉnh bầu bà Lê Thị Ba, nữ Phó Chủ tịch UBND tỉnh đầu tiên kể từ năm 1991.",
            ("", "", "", ""), id="ever-since-year-is-no-publication-year"),
        pytest.param(
            "Các kỳ đại hội của tỉnh\n\n21/09/2020 - 10:41\n\nTừ năm 1976 đến năm 1991, Đảng bộ tỉnh có 4 lần đại hội.",
            ("2020-09-21", "day", "header", ""), id="stamp-line-date-dash-time"),
        pytest.param(
            "Trang chủ Chính trị\n10:05 | 04/11/2025 GMT+7\n\nHội nghị Tỉnh ủy\n\nChiều 3/11, Tỉnh ủy họp.",
            ("2025-11-04", "day", "header", "2025-11-03"), id="stamp-line-after-a-breadcrumb"),
        pytest.param(
            "Chiều 3/10, HĐND tỉnh bầu ông Lê Văn Ba, từng công tác tại tỉnh (trước năm 2003), theo Quyết định ngày 20/2/2025.",
            ("2025-10", "month", "inferred", "2025-10-03"), id="cited-date-beats-an-older-year"),
        pytest.param(
            "(Báo Huế) - Chiều 8/1, Ủy ban Kiểm tra Tỉnh ủy tổ chức hội nghị tổng kết công tác kiểm tra, giám sát năm 2024.",
            ("2025-01-08", "day", "inferred", "2025-01-08"), id="january-review-of-previous-year",
            marks=pytest.mark.xfail(strict=True, reason="a January review of year Y is dated Y, although (as the code comment says) it is held early in Y+1"),
        ),
    ],
)
def test_published_and_event_date(parse, text, expected):
    meta = document_metadata(parse(text))
    assert tuple(meta[k] for k in _META_KEYS) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Tỉnh ủy Quảng Ninh sơ kết công tác xây dựng Đảng 9 tháng năm 2025 12/09/2025 08:30\nChiều 11/9, hội nghị diễn ra.",
                     "Tỉnh ủy Quảng Ninh sơ kết công tác xây dựng Đảng 9 tháng năm 2025", id="timestamp-removed"),
        pytest.param("Hội nghị tổng kết công tác kiểm tra, giám sát năm 2024 của Tỉnh ủy Huế\n(Báo Huế) - Chiều 8/1, hội nghị diễn ra.",
                     "Hội nghị tổng kết công tác kiểm tra, giám sát năm 2024 của Tỉnh ủy Huế", id="plain-headline"),
        pytest.param("(Báo Đồng Tháp) - Sáng 15/1, Tỉnh ủy Đồng Tháp tổ chức hội nghị.", "", id="no-headline"),
    ],
)
def test_title(parse, text, title):
    assert document_metadata(parse(text))["title"] == title


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        pytest.param("(Báo Đồng Tháp) - Sáng 15/1, Tỉnh ủy Đồng Tháp tổ chức hội nghị.", "Báo Đồng Tháp", id="parenthesised"),
        pytest.param("(Chinhphu.vn) – Chiều 6/3, Thủ tướng làm việc với tỉnh Nghệ An.", "Chinhphu.vn", id="parenthesised-en-dash"),
        pytest.param("TTXVN - Sáng 3/2, Tỉnh ủy Nghệ An tổ chức họp mặt.", "TTXVN", id="caps-dateline"),
        pytest.param("Hội nghị tổng kết năm 2024 của Tỉnh ủy An Giang\nQĐND - Sáng 10/1, hội nghị diễn ra.", "QĐND", id="caps-second-line"),
        pytest.param("Tỉnh ủy tổ chức hội nghị. Ảnh: Lê Hòa - VNA\nHội nghị bế mạc.", "VNA", id="photo-credit"),
        pytest.param("Ông Ba phát biểu (Ảnh: VGP/TH).\nHội nghị bế mạc.", "VGP", id="photo-credit-outlet-first"),
        pytest.param("Tin mới\nBaotinhhoa.vn - Tỉnh ủy Hòa Yên tổ chức hội nghị.", "Baotinhhoa.vn", id="site-name-dateline"),
        pytest.param("Khai mạc hội nghị\nPV Minh An/VOV Miền Trung thông tin, sáng nay Tỉnh ủy họp.", "VOV", id="reporter-slash-outlet"),
        pytest.param("Nhân sự\n\nÔng Lê Văn Ba đắc cử Bí thư Tỉnh ủy\n\nBDTO\nÔng Lê Văn Ba được bầu làm Bí thư.", "BDTO",
                     id="caps-on-its-own-line"),
        pytest.param("Tỉnh ủy tổ chức hội nghị tổng kết.", "", id="none"),
    ],
)
def test_outlet(parse, text, outlet):
    assert document_metadata(parse(text))["outlet"] == outlet


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        pytest.param("Sáng 2/2, Tỉnh ủy An Giang tổ chức họp mặt kỷ niệm 95 năm Ngày thành lập Đảng.", "anniversary_meeting", id="anniversary"),
        pytest.param("Sáng 20/10, khai mạc Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XX.", "congress", id="congress-khai-mac"),
        pytest.param("Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XVI thành công tốt đẹp.", "congress", id="congress-headline"),
        pytest.param("Chiều 28/12, Tỉnh ủy An Giang tổ chức hội nghị tổng kết công tác năm 2024.", "conference", id="conference"),
        pytest.param("Tại hội nghị, các đại biểu thảo luận công tác chuẩn bị Đại hội.", "conference", id="first-cue-wins"),
        pytest.param("Thực hiện Nghị quyết Hội nghị Trung ương 10, tỉnh triển khai nhiều nhiệm vụ.", "other", id="resolution-of-plenum"),
        pytest.param("Tỉnh ủy Huế trao quyết định về công tác cán bộ.", "other", id="other"),
    ],
)
def test_event_type(parse, text, event_type):
    assert document_metadata(parse(text))["event_type"] == event_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Bí thư TP. Vinh phát biểu. Hội nghị kết thúc.", ["Bí thư TP. Vinh phát biểu.", "Hội nghị kết thúc."], id="abbreviation-TP"),
        pytest.param("GS. TS. Trần Văn Hùng trình bày tham luận.", ["GS. TS. Trần Văn Hùng trình bày tham luận."], id="academic-titles"),
        pytest.param("Quang cảnh hội nghị. Ảnh: Minh Hòa - TTXVN", ["Quang cảnh hội nghị.", "Ảnh: Minh Hòa - TTXVN"], id="caption"),
        pytest.param(
            "Các đại biểu biểu quyết. (Ảnh: Thanh Tùng/TTXVN)", ["Các đại biểu biểu quyết. (Ảnh: Thanh Tùng/TTXVN)"],
            id="caption-in-parentheses",
            marks=pytest.mark.xfail(strict=True, reason="docs/annotation_guide.md splits only before an upper-case letter or an opening quote; "
                                                        "sentences._BOUNDARY also splits before '(' (gold NOTES keep '. (Ảnh: ...)' as one sentence)"),
        ),
        pytest.param("Đồng chí nhấn mạnh: “Phải làm tốt công tác cán bộ.” Sau đó hội nghị bế mạc.",
                     ["Đồng chí nhấn mạnh: “Phải làm tốt công tác cán bộ.”", "Sau đó hội nghị bế mạc."], id="closing-quote"),
        pytest.param("GRDP tăng 7,5%. 2024 là năm bản lề.", ["GRDP tăng 7,5%.", "2024 là năm bản lề."], id="digit-starts-sentence"),
        pytest.param("Hội nghị bế mạc./.", ["Hội nghị bế mạc./."], id="end-mark"),
        pytest.param("Tỉnh đạt nhiều kết quả… Tuy nhiên còn hạn chế.", ["Tỉnh đạt nhiều kết quả…", "Tuy nhiên còn hạn chế."], id="ellipsis"),
        pytest.param("Tăng 7,5% so với năm trước. còn lại giữ ổn định.", ["Tăng 7,5% so với năm trước. còn lại giữ ổn định."], id="lowercase-no-split"),
        pytest.param("Kinh tế tăng 7,5%. đồng thời xã hội ổn định.", ["Kinh tế tăng 7,5%. đồng thời xã hội ổn định."], id="lowercase-d-no-split"),
        pytest.param("Kinh tế tăng 7,5%. Đồng thời xã hội ổn định.", ["Kinh tế tăng 7,5%.", "Đồng thời xã hội ổn định."], id="upper-D-splits"),
        pytest.param(" date 2024-12 Hội nghị tổng kết năm\n\nNgày 20/12, Tỉnh ủy họp.  \n",
                     ["Hội nghị tổng kết năm", "Ngày 20/12, Tỉnh ủy họp."], id="header-and-blank-lines"),
    ],
)
def test_split_sentences(text, expected):
    text = normalize(text)
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.sent_id for s in sentences] == list(range(len(sentences)))


def test_paragraph_ids(parse):
    doc = parse("Dòng thứ nhất. Câu thứ hai.\n\nDòng thứ ba\nDòng thứ tư.")
    assert [(s.para_id, s.text) for s in doc.sentences] == [
        (0, "Dòng thứ nhất."), (0, "Câu thứ hai."), (1, "Dòng thứ ba"), (2, "Dòng thứ tư.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Nhiệm kỳ 2020 - 2025, kinh tế tỉnh tăng trưởng khá.", [("XIV", "term_span")], id="span-xiv"),
        pytest.param("Giai đoạn 2021-2025, tỉnh thu hút nhiều dự án lớn.", [("XIV", "term_span")], id="span-inside-xiv"),
        pytest.param("Giai đoạn 2026 - 2030, tỉnh phấn đấu tăng trưởng hai con số.", [("I", "term_span")], id="span-i"),
        pytest.param("Nhiệm kỳ 2020 - 2025 và giai đoạn 2026 - 2030 có nhiều điểm khác.", [("XIV", "term_span")], id="first-span-wins"),
        pytest.param("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV đã đi vào cuộc sống.", [("XIV", "congress")], id="congress-xiv"),
        pytest.param("Đại hội đại biểu Đảng bộ tỉnh An Giang lần thứ I thành công.", [("I", "congress")], id="congress-i"),
        pytest.param("Đại hội Đảng bộ tỉnh lần thứ XIII đã thành công.", [("", "")], id="congress-unknown-ordinal"),
        pytest.param("Năm 2024, kinh tế tăng trưởng khá.", [("XIV", "year")], id="year-xiv"),
        pytest.param("Năm 2025, tỉnh về đích các chỉ tiêu.", [("XIV", "year")], id="boundary-year"),
        pytest.param("Năm 2026, tỉnh bứt phá.", [("I", "year")], id="year-i"),
        pytest.param("Năm 2019, tỉnh đạt nhiều kết quả.", [("", "")], id="year-outside"),
        pytest.param("Ngày 3/2/2025, tỉnh tổ chức lễ.", [("", "")], id="full-date-no-year"),
        pytest.param("Thực hiện Nghị quyết số 137/2024/QH15 của Quốc hội.", [("", "")], id="document-number-no-year"),
        pytest.param("Năm 2024, kinh tế tăng trưởng. Xã hội ổn định.\nQuốc phòng được giữ vững.",
                     [("XIV", "year"), ("XIV", "paragraph"), ("", "")], id="paragraph-carry-stops-at-paragraph"),
        pytest.param("Hội nghị diễn ra trang trọng.", [("", "")], id="empty"),
        pytest.param("Theo ông Hà Văn Tư, nhiệm kỳ 2020 - 2025, tỉnh đã đạt được nhiều kết quả.\n"
                     "Đại biểu dự họp. Ảnh: Minh Lê\nKinh tế tăng trưởng bình quân 6,2%.\nQuốc phòng được giữ vững.",
                     [("XIV", "term_span"), ("", ""), ("", ""), ("XIV", "previous_paragraph"), ("XIV", "previous_paragraph")],
                     id="review-paragraph-passes-its-term"),
        pytest.param("Nhiệm kỳ 2020 - 2025, tỉnh đạt được nhiều kết quả.\nMục tiêu tổng quát là phát triển nhanh.",
                     [("XIV", "term_span"), ("", "")], id="looking-ahead-ends-the-review"),
        pytest.param("Nhiệm kỳ 2020 - 2025, tỉnh tổ chức nhiều hội nghị.\nKinh tế tăng trưởng khá.",
                     [("XIV", "term_span"), ("", "")], id="no-review-no-carry"),
        pytest.param(
            "Giai đoạn 2016 - 2020, tỉnh đạt nhiều kết quả.", [("", "")], id="previous-term-span",
        ),
    ],
)
def test_sentence_terms(parse, text, expected):
    assert parse(text).terms == expected


@pytest.mark.parametrize(
    ("date_iso", "precision", "merger_date", "expected"),
    [
        ("2025-06-30", "day", "2025-07-01", "pre_merger"),
        ("2025-07-01", "day", "2025-07-01", "post_merger"),
        ("2025-07-14", "day", "2025-07-15", "pre_merger"),
        ("2025-06", "month", "2025-07-01", "pre_merger"),
        ("2025-07", "month", "2025-07-01", "post_merger"),
        ("2025-07", "month", "2025-07-15", ""),
        ("2025-08", "month", "2025-07-15", "post_merger"),
        ("2024-02", "month", "2024-03-01", "pre_merger"),
        ("2024-02", "month", "2024-02-29", ""),
        ("", "", "2025-07-01", ""),
    ],
)
def test_merger_period(date_iso, precision, merger_date, expected):
    assert merger_period(date_iso, precision, merger_date) == expected


@pytest.mark.parametrize(
    ("text", "merger_date", "expected"),
    [
        pytest.param(" date 2025-08 Hội nghị\nNăm 2025, tỉnh tăng trưởng 8%.", "2025-07-01", "post_merger", id="month-header-after"),
        pytest.param(" date 2025-08 Hội nghị\nNăm 2025, tỉnh tăng trưởng 8%.", "2025-09-01", "pre_merger", id="parameter-changes-period"),
        pytest.param("Sáng 20/5, hội nghị diễn ra. Năm 2025, tỉnh tăng trưởng 8%.", "2025-07-01", "pre_merger", id="inferred-date"),
        pytest.param("Hội nghị diễn ra. Tỉnh tăng trưởng 8%.", "2025-07-01", "", id="no-date"),
    ],
)
def test_period_in_tables(document, text, merger_date, expected):
    tables = tables_from_corpus(Corpus((document(text),)), Params(merger_date=merger_date))
    assert set(tables["sentences"]["period"]) == {expected}
    assert list(tables["quantities"]["period"]) == [expected]


def test_a_horizon_year_does_not_date_the_article(parse):
    """'tầm nhìn đến năm 2045' is a target's horizon: the inferred year comes from the other years."""
    from cantho_analysis.extract.metadata import document_metadata

    text = ("Sáng 14/10, Huyện ủy Long Mỹ tổ chức hội nghị học tập Nghị quyết về phát triển tỉnh đến năm 2030, "
            "tầm nhìn đến năm 2045. Năm 2023, huyện đạt 12 chỉ tiêu.")
    assert document_metadata(parse(text))["published"].startswith("2023")
