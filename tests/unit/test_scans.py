"""The fast scans (patterns.scan_from, caseless_scan, quantities._numbers) find exactly what the
plain ``finditer`` of their patterns finds."""

from __future__ import annotations

import re
import sys

import pytest

from cantho_analysis.extract import congresses, legal, plans, quantities, sentences
from cantho_analysis.extract.patterns import _STANDALONE_YEAR, _YEAR_START, DATE, YEAR_SPAN, caseless_scan, scan_from, year_spans
from cantho_analysis.load.textnorm import lower_in_place, normalize

# Invented sentences that exercise digits, number words and every case-insensitive start.
_TEXTS = [
    "Nhiệm kỳ 2020 - 2025, tỉnh đạt 15/19 chỉ tiêu; năm 2024 GRDP tăng 6,85%, thu ngân sách 12.345 tỷ đồng.",
    "Ngày 3/2/2025 và 12-13/8, hai nhóm nhiệm vụ, ba khâu đột phá, thứ nhất là hạ tầng; Hai con số.",
    "NGHỊ QUYẾT số 45/2022/QH15 của Quốc hội, Chỉ thị 36-CT/TW ngày 31/12/2025 và Kết luận số 12.",
    "Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2025 - 2030; QUỐC HỘI KHÓA XV; đại hội lần thứ nhất.",
    "Năm đồng chí, 28 chỉ tiêu và MỘT nhóm giải pháp; 4 chương trình trọng điểm, 1999-2000, 3 lần.",
    "x2020 a1b 2020/21 sáu ngày, mười nhiệm vụ, tư, năm 2030 2031",
    "/2020 - 2025 - 2030, 12020-2021, 2019–2020–2021, 19999 2000-2001/5",
]


@pytest.mark.parametrize("text", [normalize(t) for t in _TEXTS])
def test_scans_equal_finditer(text):
    low = lower_in_place(text)
    for pattern in (DATE, YEAR_SPAN, _STANDALONE_YEAR):
        assert [m.span() for m in scan_from(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in year_spans(text)] == [m.span() for m in YEAR_SPAN.finditer(text)]
    assert [m.span() for m in scan_from(_STANDALONE_YEAR, text, starts=_YEAR_START)] == [m.span() for m in _STANDALONE_YEAR.finditer(text)]
    assert [m.span() for m in quantities._numbers(low, 0, len(low))] == [m.span() for m in quantities._NUMBER_RE.finditer(low)]
    cases = [(plans._ELEMENT_RE, plans._COUNT_WORD_START, plans._COUNT_DIGIT_START), (legal._REF, legal._REF_START, None),
             (congresses._CONGRESS, congresses._CONGRESS_START, None), (congresses._ASSEMBLY, congresses._ASSEMBLY_START, None)]
    for pattern, starts, digits in cases:
        found = [m.span() for m in caseless_scan(pattern, text, low, starts, digits)]
        assert found == [m.span() for m in pattern.finditer(text)], pattern.pattern[:40]
    cues = [(m.span(), quantities._cue_kind(m)) for m in quantities._CUE_RE_LOWER.finditer(low)]
    assert cues  # the flattened cue pattern still finds its cues


def test_only_three_odd_case_letters():
    """Every letter a case-insensitive pattern matches to a letter of the start words (and of the
    hint words of sentences.py) lower-cases to that letter, except "İ", "ı" and "ſ" (caseless_scan
    falls back to finditer for them; the hint words hold none of "i", "s", "k")."""
    hints = [hint for words in sentences._HINTS.values() for hint in words if hint.isalpha()]
    starts = [plans._COUNT_WORD_START, plans._COUNT_DIGIT_START, legal._REF_START, congresses._CONGRESS_START, congresses._ASSEMBLY_START]
    words = set(re.findall(r"[^\W\d_]+", " ".join(p.pattern for p in starts))) - {"s", "d"} | {"đảng", *hints}
    letters = sorted({ch for word in words for ch in word})
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    matched = set(re.findall("[" + re.escape("".join(letters)) + "]", every_char, re.IGNORECASE))
    for char in matched - set(letters):
        for letter in letters:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE):
                assert lower_in_place(char) == letter or char in "İıſ", (hex(ord(char)), letter)
