"""Split a document into paragraphs and sentences, and attribute each sentence a term.

A paragraph is a non-empty line.  A paragraph splits after ``.``, ``!``, ``?`` or ``…`` that is
followed by white space and an upper-case letter, a digit or an opening quote; common
abbreviations (``TP.``) do not end a sentence.  The rules for ``term`` are in
``docs/term_rules.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import config
from .patterns import UPPER, roman_to_int, standalone_years, year_spans

_HEADER = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]*")
_ABBREVIATIONS = {"tp", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "th", "v.v", "tx", "q", "p"}
_BOUNDARY = re.compile(rf"([.!?…]+[”\"’)]*)(\s+)(?=[\"“‘(]?[{UPPER}0-9])")
_CITY_CONGRESS = re.compile(
    r"Đại hội (?:đại biểu )?Đảng bộ (?:thành phố|tỉnh|TP\.?)[^.;]{0,40}?lần thứ ([IVXLC]+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its id, paragraph id and span in the document's normalised text."""

    sent_id: int
    para_id: int
    start: int
    end: int
    text: str


def body_start(text: str) -> int:
    """Offset where the article body starts, after a `` date YYYY-MM[-DD]`` header.

    >>> body_start(" date 2024-12 Toàn cảnh")
    14
    """
    match = _HEADER.match(text)
    return match.end() if match else 0


# (text, its paragraph spans): sentence splitting, metadata and credits of one document share one.
_LAST_PARAGRAPHS: list = [None, []]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of *text*, skipping a date header.

    >>> paragraphs("a b\\n\\n c\\n")
    [(0, 3), (6, 7)]
    """
    if _LAST_PARAGRAPHS[0] is text:
        return list(_LAST_PARAGRAPHS[1])
    spans = []
    offset = 0
    first = body_start(text)
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        start = max(start, first) if start < first <= end else start
        segment = text[start:end]
        stripped_left = len(segment) - len(segment.lstrip())
        stripped_right = len(segment) - len(segment.rstrip())
        start, end = start + stripped_left, end - stripped_right
        if end > start:
            spans.append((start, end))
    _LAST_PARAGRAPHS[:] = [text, spans]
    return list(spans)


def split_sentences(text: str) -> list[Sentence]:
    """Split normalised *text* into sentences with exact offsets.

    >>> [s.text for s in split_sentences("Ông A nói. Ảnh: B\\nTP. Cần Thơ phát triển.")]
    ['Ông A nói.', 'Ảnh: B', 'TP. Cần Thơ phát triển.']
    """
    sentences: list[Sentence] = []
    for para_id, (p_start, p_end) in enumerate(paragraphs(text)):
        cursor = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if _is_abbreviation(text, cursor, match.start()):
                continue
            end = match.end(1)
            sentences.append(Sentence(len(sentences), para_id, cursor, end, text[cursor:end]))
            cursor = match.end()
        if cursor < p_end:
            sentences.append(Sentence(len(sentences), para_id, cursor, p_end, text[cursor:p_end]))
    return sentences


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before *dot* (letters, digits, "_" and ".", back to *start*) abbreviates."""
    first = dot
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "._"):
        first -= 1
    return first < dot and text[first:dot].lower() in _ABBREVIATIONS


def term_of_years(first: int, last: int, terms: dict[str, tuple[int, int]]) -> str:
    """The term whose years contain the span ``first..last``; the boundary year goes to the
    term that ends in it.

    >>> term_of_years(2026, 2030, config.DEFAULT_TERMS)
    'I'
    >>> term_of_years(2025, 2025, config.DEFAULT_TERMS)
    'XIV'
    """
    for name, (t_start, t_end) in sorted(terms.items(), key=lambda kv: kv[1]):
        if first == last and t_start <= first <= t_end:
            return name
        if first != last and t_start <= first and last <= t_end and not (first == t_end):
            return name
    return ""


def sentence_term(text: str, terms: dict[str, tuple[int, int]],
                  term_congress: dict[str, int]) -> tuple[str, str]:
    """Term a sentence speaks about, and the rule that decided (``docs/term_rules.md``).

    >>> sentence_term("nhiệm kỳ 2020 - 2025, kinh tế tăng trưởng", config.DEFAULT_TERMS, config.DEFAULT_TERM_CONGRESS)
    ('XIV', 'term_span')
    """
    for match in year_spans(text):
        term = term_of_years(int(match.group(1)), int(match.group(2)), terms)
        if term:
            return term, "term_span"
    for match in (_CITY_CONGRESS.finditer(text) if "đảng" in text.lower() else ()):
        ordinal = roman_to_int(match.group(1))
        for name, number in term_congress.items():
            if number == ordinal and name in terms:
                return name, "congress"
    for year in standalone_years(text):
        term = term_of_years(year, year, terms)
        if term:
            return term, "year"
    return "", ""


# A photo caption between a review paragraph and its results neither sets nor breaks a term.
CAPTION = re.compile(r"\bẢnh\s*:", re.IGNORECASE)
# Words of a review of results: a paragraph that names a term span and reviews it passes the
# term to the results listed in the next paragraphs.
_REVIEW_WORDS = re.compile(r"đạt\s+được|kết\s+quả|thành\s+tựu|(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:vừa\s+)?qua|đánh\s+giá",
                           re.IGNORECASE)
# ... and a paragraph that looks ahead (targets, a new term) ends that review.
_FORWARD_WORDS = re.compile(r"mục\s+tiêu|phấn\s+đấu|đề\s+ra|phương\s+hướng|nhiệm\s+kỳ\s+(?:tới|mới)|giai\s+đoạn\s+tới",
                            re.IGNORECASE)


# Each match of these holds one of the words of its _HINTS in lower case (none with "i", "k" or "s",
# whose case-insensitive matches include letters that lower() maps elsewhere): a sentence without
# any is skipped without running the pattern.
_HINTS = {CAPTION: (":",), _REVIEW_WORDS: ("đạt", "quả", "tựu", "qua", "đánh"),
          _FORWARD_WORDS: ("mục", "đấu", "đề", "hướng", "ới", "đoạn")}


def _says(pattern: re.Pattern, text: str) -> bool:
    low = text.lower()
    return any(hint in low for hint in _HINTS[pattern]) and pattern.search(text) is not None


def attribute_terms(sentences: list[Sentence], terms=None, term_congress=None) -> list[tuple[str, str]]:
    """``(term, term_basis)`` for each sentence (rules in ``docs/term_rules.md``).

    A term carries forward within a paragraph.  A review paragraph ("... đã đạt được những kết
    quả") whose last term clue is a span ("nhiệm kỳ 2020 - 2025") also passes that term to the
    following paragraphs that have no clue of their own (its results), across photo captions.

    >>> ss = split_sentences("Năm 2024, kinh tế tăng. Xã hội ổn định.")
    >>> attribute_terms(ss)
    [('XIV', 'year'), ('XIV', 'paragraph')]
    >>> ss = split_sentences("Nhiệm kỳ 2020 - 2025, tỉnh đạt được kết quả tốt.\\nẢnh: Minh An\\nKinh tế tăng 7%.")
    >>> attribute_terms(ss)
    [('XIV', 'term_span'), ('', ''), ('XIV', 'previous_paragraph')]
    """
    terms = terms or config.DEFAULT_TERMS
    term_congress = term_congress or config.DEFAULT_TERM_CONGRESS
    result: list[tuple[str, str]] = []
    across = ""  # the span term that goes on into the next paragraphs
    for para in _by_paragraph(sentences):
        caption = any(_says(CAPTION, sentence.text) for sentence in para)
        if any(_says(_FORWARD_WORDS, sentence.text) for sentence in para):
            across = ""
        carried = ("", "") if caption or not across else (across, "previous_paragraph")
        last_clue = None
        for sentence in para:
            term, basis = sentence_term(sentence.text, terms, term_congress)
            if term:
                carried, last_clue = (term, "paragraph"), (term, basis)
            elif carried[0]:
                term, basis = carried
            result.append((term, basis))
        if last_clue and not caption:
            reviews = any(_says(_REVIEW_WORDS, sentence.text) for sentence in para)
            across = last_clue[0] if last_clue[1] == "term_span" and reviews else ""
    return result


def _by_paragraph(sentences: list[Sentence]) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][0].para_id == sentence.para_id:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups
