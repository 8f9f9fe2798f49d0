"""Shared low-level patterns: years, year spans, full dates, Roman numerals, numbers.

Private to the package; the extractors build on these so that "what is a year" or "what is a
date" is decided in one place.
"""

from __future__ import annotations

import heapq
import math
import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal

# Vietnamese upper- and lower-case letters, spelled out: a range such as À-Ỹ would also take in
# lower-case letters (đ is U+0111).
UPPER = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
YEAR = r"(?:19|20)\d{2}"
# A year span such as "2020 - 2025" or "2021-2025", not part of a full date (03/02/1930 – 03/02/2026).
YEAR_SPAN = re.compile(rf"(?<![\d/.\-])({YEAR})\s*[-–—]\s*({YEAR})(?![\d/])")
# Full or partial calendar dates: 3/2/1930, 03/02/2026, 12-13/8, 3-2, 22/12/2025.
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
# "3-4%" is a range, not 3 April: a date is never followed by a unit sign.
DATE = re.compile(rf"(?<![\d/.,]){_DAY}(?:\s*[-–]\s*{_DAY})?[/-]{_MONTH}(?:[/-](?:19|20)\d{{2}})?(?![\d/,]|\s*%)"
                  rf"|(?<![\d/.,]){_MONTH}/(?:19|20)\d{{2}}(?!\d)")
_DATE_HINT = re.compile(r"\d\s*[/-]")
_YEAR_HINT = re.compile(YEAR)
_STANDALONE_YEAR = re.compile(rf"(?<![\d/.,\-–])({YEAR})(?![\d/,.]\d)")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_VALID = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_to_int(numeral: str) -> int | None:
    """Value of a Roman numeral, or None when it is not a well-formed one.

    >>> roman_to_int("XIV"), roman_to_int("I"), roman_to_int("IIII")
    (14, 1, None)
    """
    numeral = numeral.upper()
    if not _ROMAN_VALID.match(numeral):
        return None
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN[char]
        total += -value if following in _ROMAN and _ROMAN[following] > value else value
    return total


def ordinal_value(text: str) -> int | None:
    """Value of a congress ordinal written in Roman or Arabic digits.

    >>> ordinal_value("XV"), ordinal_value("15")
    (15, 15)
    """
    return int(text) if text.isdigit() else roman_to_int(text)


# Ordinals spelled out, after "thứ": "lần thứ nhất", "Hội nghị lần thứ bảy".
ORDINAL_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

_DIGITS = re.compile(r"\d+")
# Four digits that may be a year; never inside one (the year patterns refuse a digit before their start).
_YEAR_START = re.compile(r"(?:19|20)\d\d")


def scan_from(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, starts: re.Pattern = _DIGITS,
              starts_in: str | None = None):
    """The matches of ``pattern.finditer(text, pos, endpos)`` for a pattern whose every match is
    non-empty and starts where a match of *starts* starts, never inside one (by default a run of
    digits: the patterns here refuse a digit before their start).  *starts* is searched in
    *starts_in* when given (the text lower-cased in place: same offsets).

    A pattern that opens with a look-behind or a case-insensitive letter gets no fast scan from the
    regex engine: it tries the whole pattern at every character.  Jumping from one possible start
    to the next with a simple search and trying the pattern only there finds the same matches
    several times faster.

    >>> [m.group() for m in scan_from(YEAR_SPAN, "x 2020 - 2025, 1999-2000")]
    ['2020 - 2025', '1999-2000']
    """
    endpos = len(text) if endpos is None else endpos
    match_at, next_start, haystack = pattern.match, starts.search, text if starts_in is None else starts_in
    while (candidate := next_start(haystack, pos, endpos)) is not None:
        match = match_at(text, candidate.start(), endpos)
        if match is None:
            pos = candidate.end()
            continue
        yield match
        pos = match.end()


# Letters a case-insensitive pattern matches to an ASCII letter, though lower() maps them to
# something else (tests/unit/test_scans.py checks there are no others for the words the extractors start from).
_ODD_CASE = re.compile("[İıſ]")


def caseless_scan(pattern: re.Pattern, text: str, low: str, starts: re.Pattern, digits: re.Pattern | None = None):
    """The matches of ``pattern.finditer(text)`` for a case-insensitive *pattern*; *low* is
    ``textnorm.lower_in_place(text)``.

    Every match must start where *starts* (lower-case words, with what must follow them) matches
    in *low*, never inside such a match; or, with *digits*, where that pattern matches (then a
    match of either kind must never hold a start of the other).

    >>> [m.group() for m in caseless_scan(re.compile(r"(?<!\\w)năm \\d+", re.I), "Năm 5, năm 6", "năm 5, năm 6", re.compile("năm"))]
    ['Năm 5', 'năm 6']
    """
    if _ODD_CASE.search(low):
        return pattern.finditer(text)
    found = scan_from(pattern, text, starts=starts, starts_in=low)
    if digits is None:
        return found
    return heapq.merge(scan_from(pattern, text, starts=digits, starts_in=low), found, key=re.Match.start)


def year_spans(text: str):
    """The matches of ``YEAR_SPAN.finditer(text)``, tried only where a year begins.

    >>> [m.groups() for m in year_spans("nhiệm kỳ 2020 - 2025 và 1999-2000")]
    [('2020', '2025'), ('1999', '2000')]
    """
    return scan_from(YEAR_SPAN, text, starts=_YEAR_START)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of calendar dates (never quantities, never standalone years).

    >>> date_spans("ngày 24/1/2025 và 12-13/8")
    [(5, 14), (18, 25)]
    """
    if not _DATE_HINT.search(text):  # cheap test first: most sentences hold no date
        return []
    return [m.span() for m in scan_from(DATE, text)]


def standalone_years(text: str) -> list[int]:
    """Years written on their own, outside full dates and document numbers.

    >>> standalone_years("năm 2024 và Nghị quyết 45/2022/QH15, ngày 3/2/1930")
    [2024]
    """
    if not _YEAR_HINT.search(text):
        return []
    # Members of a span ("2016 - 2020") are not years on their own.
    blocked = date_spans(text) + [m.span() for m in year_spans(text)]
    years = []
    for match in scan_from(_STANDALONE_YEAR, text, starts=_YEAR_START):
        start = match.start()
        if any(a <= start < b for a, b in blocked):
            continue
        if text[max(0, start - 1):start] == "/" or text[match.end():match.end() + 1] == "/":
            continue
        years.append(int(match.group(1)))
    return years


# Digits with "." between groups of three and an optional "," decimal part: exactly what babel's
# strict "vi" parse accepts for these shapes (tests/unit/test_numbers.py checks they agree).
_PLAIN_VI_NUMBER = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]{1,15}(?:,[0-9]+)?")


def parse_vi_number(surface: str) -> float | None:
    """Parse a number in Vietnamese format: ``.`` groups thousands, ``,`` marks decimals.

    Uses babel's ``vi`` locale, strictly, so a malformed grouping gives None rather than a
    wrong value.

    >>> parse_vi_number("245.000"), parse_vi_number("6,85"), parse_vi_number("6,85,2")
    (245000.0, 6.85, None)
    """
    if _PLAIN_VI_NUMBER.fullmatch(surface):
        # The common, unambiguous shapes convert exactly without a locale lookup (3x faster).
        return float(surface.replace(".", "").replace(",", "."))
    try:
        value = parse_decimal(surface, locale="vi", strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    if not isinstance(value, Decimal) or not value.is_finite():
        return None
    number = float(value)
    return number if math.isfinite(number) else None  # 1e400 is a finite Decimal but no float
