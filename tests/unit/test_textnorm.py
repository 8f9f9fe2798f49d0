"""Text normalisation, and the promise that dirty text gives the same tables as clean text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cantho_analysis.extract.parse import parse_document
from cantho_analysis.load.corpus import Corpus, Document, load_corpus
from cantho_analysis.load.textnorm import normalize
from cantho_analysis.pipeline import extract_document, tables_from_corpus

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # NFC vs NFD
        pytest.param(NFD("Tỉnh ủy Nghệ An"), "Tỉnh ủy Nghệ An", id="nfd"),
        pytest.param("Tỉnh ủy Nghệ An", "Tỉnh ủy Nghệ An", id="nfc-unchanged"),
        # old vs new tone placement
        pytest.param("tỉnh Hoà Bình", "tỉnh Hòa Bình", id="hoa"),
        pytest.param("công trình thuỷ lợi", "công trình thủy lợi", id="thuy"),
        pytest.param("chăm sóc sức khoẻ nhân dân", "chăm sóc sức khỏe nhân dân", id="khoe"),
        pytest.param("Uỷ ban Kiểm tra Tỉnh uỷ", "Ủy ban Kiểm tra Tỉnh ủy", id="uy-capital"),
        pytest.param("THUỶ LỢI HOÀ BÌNH", "THỦY LỢI HÒA BÌNH", id="upper-case"),
        pytest.param("thoả thuận, hoạ sĩ, tuỳ thuộc", "thỏa thuận, họa sĩ, tùy thuộc", id="all-tones"),
        pytest.param(NFD("Hoà Bình"), "Hòa Bình", id="old-tone-in-nfd"),
        pytest.param("quý I/2025", "quý I/2025", id="quy-untouched"),
        pytest.param("Quý IV", "Quý IV", id="Quy-untouched"),
        pytest.param("hoặc", "hoặc", id="hoac-untouched"),
        pytest.param("hoàn thành toàn diện", "hoàn thành toàn diện", id="closed-syllable-untouched"),
        pytest.param("đêm khuya", "đêm khuya", id="no-tone-untouched"),
        # look-alike Đ
        pytest.param("\u00d0ảng bộ tỉnh", "Đảng bộ tỉnh", id="eth-upper"),
        pytest.param("\u00f0ồng chí", "đồng chí", id="eth-lower"),
        # BOM, line ends, spaces
        pytest.param("\ufeffTỉnh ủy Huế", "Tỉnh ủy Huế", id="bom"),
        pytest.param("Đoạn một.\ufeffĐoạn hai.", "Đoạn một.Đoạn hai.", id="bom-mid-file"),
        pytest.param("Dòng một\r\nDòng hai\r\n", "Dòng một\nDòng hai\n", id="crlf"),
        pytest.param("Dòng một\rDòng hai", "Dòng một\nDòng hai", id="cr"),
        pytest.param("Bí\u00a0thư Tỉnh\u00a0ủy", "Bí thư Tỉnh ủy", id="nbsp"),
        pytest.param("7,5\u202f%", "7,5 %", id="narrow-nbsp"),
        pytest.param("Quảng\u200b Ninh", "Quảng Ninh", id="zero-width-space"),
        pytest.param("Đảng\u200d bộ", "Đảng bộ", id="zero-width-joiner"),
    ],
)
def test_normalize(raw, expected):
    result = normalize(raw)
    assert result == expected
    assert normalize(result) == result  # idempotent
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bí thư THÀNH ỦY", "bí thư thành ủy"),
        ("Bí thư Tỉnh Uỷ", "bí thư tỉnh ủy"),
        ("\u00d0ẢNG BỘ", "đảng bộ"),
    ],
)
def test_normalised_lower_case(raw, expected):
    assert normalize(raw).lower() == expected


# --- dirty text gives the same tables as clean text ---------------------------------------

CLEAN_ARTICLE = "\n".join([
    "Tỉnh ủy Hòa Bình tổng kết công tác năm 2024",
    "(Báo Hòa Bình) - Sáng 15/1, Tỉnh ủy Hòa Bình tổ chức hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.",
    "Ông Bùi Văn Khỏe, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hòa Bình, trình bày báo cáo.",
    "Năm 2024, thu ngân sách đạt 6.150 tỷ đồng, vượt 12% dự toán; GRDP ước tăng 7,8%.",
    "Tỉnh có 17/22 chỉ tiêu đạt và vượt kế hoạch; công trình thủy lợi được đầu tư hơn 420 tỉ đồng.",
    "Tỉnh quán triệt Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị và Luật số 72/2025/QH15.",
    "Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII, nhiệm kỳ 2025 - 2030 đề ra 8 chỉ tiêu chủ yếu và 3 khâu đột phá.",
    "Tỉnh xác định chủ đề năm 2025 là “Kỷ cương, hành động, hiệu quả, bứt phá”.",
    "Công tác chăm sóc sức khỏe nhân dân, phòng, chống tham nhũng được chú trọng.",
    "Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật 12 đảng viên. Ảnh: Minh Thủy - TTXVN",
    "BÍCH THỦY",
])

_OLD_TONE = re.compile(r"(?<![qQ])([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])(?![\w\u0300-\u036f])"
                       r"|(?<![qQ])([uU])([\u0300\u0301\u0303\u0309\u0323])([yY])(?![\w\u0300-\u036f])")


def _old_tones(text: str) -> str:
    """Move the tone of open oa/oe/uy syllables to the second vowel (hòa -> hoà); NFD result."""
    def swap(m):
        first, tone, second = (g for g in m.groups() if g is not None)
        return first + second + tone
    return _OLD_TONE.sub(swap, NFD(text))


def dirty(text: str, old_tones=True, nfd=True, crlf=True, nbsp=True, bom=True, eth=True, zwsp=True) -> str:
    if old_tones:
        text = _old_tones(text)
    text = unicodedata.normalize("NFD" if nfd else "NFC", text)
    if nbsp:
        text = text.replace("Bí thư", "Bí\u00a0thư").replace("tỷ đồng", "tỷ\u00a0đồng").replace(NFD("tỷ đồng"), NFD("tỷ\u00a0đồng"))
    if eth:
        text = text.replace("Đ", "\u00d0").replace(NFD("Đ"), "\u00d0")
    if zwsp:
        text = text.replace(" - ", " -\u200b ")
    if crlf:
        text = text.replace("\n", "\r\n")
    if bom:
        text = "\ufeff" + text
    return text


def test_dirty_variant_really_is_dirty():
    raw = dirty(CLEAN_ARTICLE)
    assert raw != CLEAN_ARTICLE
    assert "\r\n" in raw and "\u00a0" in raw and raw.startswith("\ufeff") and "\u00d0" in raw
    assert NFD("Hoà") in raw and "Hòa" not in raw
    assert normalize(raw) == CLEAN_ARTICLE


def _tables(text: str):
    return tables_from_corpus(Corpus((Document("hb_2025", "hb_2025.txt", normalize(text), "same-hash"),)))


def _assert_same_tables(left, right):
    assert left.keys() == right.keys()
    for name in left:
        assert left[name].equals(right[name]), name


@pytest.fixture(scope="module")
def clean_tables():
    tables = _tables(CLEAN_ARTICLE)
    # the article exercises every extractor, so identical tables mean something
    for name in ("officials", "credits", "quantities", "legal_refs", "congresses", "plan_elements", "themes", "sentence_domains"):
        assert len(tables[name]) > 0, name
    return tables


def _rows(text: str):
    """Every row of every table, before the DataFrames are built (fast enough for hypothesis)."""
    return extract_document(parse_document(Document("hb_2025", "hb_2025.txt", normalize(text), "same-hash")))


def test_dirty_text_gives_identical_tables(clean_tables):
    _assert_same_tables(_tables(dirty(CLEAN_ARTICLE)), clean_tables)


_CLEAN_ROWS = _rows(CLEAN_ARTICLE)


@settings(max_examples=60, deadline=None, database=None)
@given(flags=st.fixed_dictionaries({k: st.booleans() for k in ("old_tones", "nfd", "crlf", "nbsp", "bom", "eth", "zwsp")}))
def test_any_mix_of_dirt_gives_identical_rows(flags):
    assert _rows(dirty(CLEAN_ARTICLE, **flags)) == _CLEAN_ROWS


def test_dirty_file_gives_identical_tables(tmp_path, clean_tables):
    (clean_dir := tmp_path / "clean").mkdir()
    (dirty_dir := tmp_path / "dirty").mkdir()
    (clean_dir / "hb_2025.txt").write_bytes(CLEAN_ARTICLE.encode("utf-8"))
    (dirty_dir / "hb_2025.txt").write_bytes(dirty(CLEAN_ARTICLE).encode("utf-8"))
    clean = tables_from_corpus(load_corpus(clean_dir))
    messy = tables_from_corpus(load_corpus(dirty_dir))
    # only the hash of the raw bytes may differ
    assert clean["documents"]["sha256"][0] != messy["documents"]["sha256"][0]
    for frames in (clean, messy):
        frames["documents"] = frames["documents"].drop(columns="sha256")
    _assert_same_tables(messy, clean)
    assert clean["officials"]["name"].tolist() == ["Bùi Văn Khỏe", "Bùi Văn Khỏe"]
