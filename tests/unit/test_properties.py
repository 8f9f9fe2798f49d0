"""Property tests: extraction never raises, and every fact row quotes the text it points at."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cantho_analysis.extract.parse import parse_document
from cantho_analysis.load.corpus import Corpus, Document
from cantho_analysis.load.textnorm import normalize
from cantho_analysis.pipeline import extract_document, tables_from_corpus

# Pieces of provincial Party news, glued together in random order.
PIECES = [
    "Bí thư Tỉnh ủy", "Bí thư Thành ủy", "Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Ông", "Bà", "đồng chí",
    "Nguyễn Văn An", "Lê Thị Hoa", "Trần Quốc Bảo", "An Giang", "Đồng Tháp", "Huế", "Quảng Ninh", "Nghệ An",
    "Nghị quyết số", "Chỉ thị số", "-NQ/TW", "/CT-TTg", "/2024/QH15", "ngày", "của Bộ Chính trị", "về",
    "tỷ đồng", "tỉ đồng", "nghìn tỷ đồng", "triệu đồng", "triệu USD", "%", "chỉ tiêu", "khâu đột phá", "nhóm giải pháp",
    "đảng viên", "tổ chức cơ sở đảng", "năm", "2024", "2025", "2026 - 2030", "nhiệm kỳ 2020 - 2025", "15/1", "3/2/1930",
    "Đại hội", "đại biểu", "Đảng bộ tỉnh", "lần thứ", "XIV", "I", "IIII", "Quốc hội khóa", "Hội nghị Trung ương",
    "hơn", "trên", "khoảng", "gần", "vượt", "dưới", "từ", "trở lên", "ước", "phấn đấu", "đứng thứ", "hai con số",
    "chủ đề năm", "“", "”", "\"", "(", ")", "Ảnh:", "- TTXVN", "TTXVN -", "(Báo Huế) -", "Sáng", "Chiều",
    " date 2025-02-03 ", " date 2024-12 ", "12/09/2025 08:30", "TP.", "kỷ niệm", "95 năm Ngày thành lập Đảng",
    ".", ",", ";", ":", "/", "-", "–", "…", "./.", "\n", "\r\n", "\u00a0", "\ufeff", "Hoà", "thuỷ", "\u00d0",
]
NUMBERS = st.one_of(
    st.integers(0, 2_000_000).map(str),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,2}(,\d{1,2})?", fullmatch=True),
    st.from_regex(r"\d{1,2}/\d{1,2}", fullmatch=True),
    st.from_regex(r"\d{1,2}-\d{1,2}", fullmatch=True),
)
TOKENS = st.one_of(st.sampled_from(PIECES), NUMBERS, st.text(max_size=4))
NEWSY = st.lists(TOKENS, max_size=50).map(" ".join)
ANY_TEXT = st.one_of(st.text(), NEWSY)


def _document(raw: str, doc_id: str = "prop") -> Document:
    return Document(doc_id, f"{doc_id}.txt", normalize(raw), "")


def _check_rows(doc: Document, rows: dict[str, list[dict]]) -> None:
    text = doc.text
    n_sentences = len(rows["sentences"])
    for sentence in rows["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    for table, table_rows in rows.items():
        for row in table_rows:
            if "quote" not in row:
                continue
            assert 0 <= row["start"] <= row["end"] <= len(text), (table, row)
            assert text[row["start"]:row["end"]] == row["quote"], (table, row)
            assert n_sentences == 0 or 0 <= row["sent_id"] < n_sentences, (table, row)


@settings(max_examples=150, deadline=None, database=None)
@given(raw=ANY_TEXT)
def test_extractors_never_raise_and_quotes_match(raw):
    doc = _document(raw)
    _check_rows(doc, extract_document(parse_document(doc)))


@settings(max_examples=150, deadline=None, database=None)
@given(raw=ANY_TEXT)
def test_normalize_is_idempotent_and_extraction_stable(raw):
    once = normalize(raw)
    assert normalize(once) == once
    assert extract_document(parse_document(_document(raw))) == extract_document(parse_document(_document(once)))


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raws=st.lists(ANY_TEXT, min_size=1, max_size=6))
def test_tables_from_corpus_never_raises(raws):
    docs = tuple(_document(raw, f"d{i:02d}") for i, raw in enumerate(raws))
    tables = tables_from_corpus(Corpus(docs))  # schema-validated inside
    assert len(tables["documents"]) == len(docs)
    by_id = {d.doc_id: d.text for d in docs}
    for name, frame in tables.items():
        if "quote" not in frame.columns:
            continue
        for doc_id, start, end, quote in frame[["doc_id", "start", "end", "quote"]].itertuples(index=False):
            assert by_id[doc_id][start:end] == quote, name


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(st.from_regex(r"\d{1,3}(\.\d{3}){0,3}(,\d{1,4})?|\d{1,9}(,\d{1,4})?|[\d.,]{1,12}|[0-9.,]{1,12}", fullmatch=True))
def test_fast_number_parse_agrees_with_babel(surface):
    """The plain fast path of parse_vi_number gives exactly what babel's strict vi parse gives."""
    from decimal import InvalidOperation

    from babel.numbers import NumberFormatError, parse_decimal

    from cantho_analysis.extract.patterns import parse_vi_number

    try:
        expected = float(parse_decimal(surface, locale="vi", strict=True))
    except (NumberFormatError, InvalidOperation, ValueError):
        expected = None
    assert parse_vi_number(surface) == expected
