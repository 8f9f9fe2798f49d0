"""Is a decoded file prose at all?

Valid UTF-8 is not enough: a binary file passed through a converter (every byte turned into a
character), a text once decoded with errors replaced, or a table of numbers saved as ``.txt`` all
decode, and would be analysed as articles.  The loader and ``fetch`` both refuse them.

The thresholds leave a wide margin: in 95 real Vietnamese news articles and the five seeds, no
control or replacement character occurs, and letters make up at least 82 % of the non-space
characters (the articles richest in figures and tables have the lowest shares).
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, except the white space text files use: tab, LF, CR and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_REPLACEMENT = "\ufffd"
# A stray control or replacement character can slip into a real article; more than one in a
# thousand characters means the bytes were never text, or were decoded wrongly.
MAX_ODD_SHARE = 0.001
# Letters among the non-space characters (combining marks count, so NFD text is not penalised).
MIN_LETTER_SHARE = 0.25
_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_SLICE = 1 << 20


def not_text_reason(text: str) -> str | None:
    """Why *text* is not plausible prose, in a few words; None when it is.

    >>> not_text_reason("Tỉnh ủy Bạc Liêu tổ chức hội nghị tổng kết năm 2024, đạt 6,35%.") is None
    True
    >>> not_text_reason("năm;GRDP;thu\\n2023;6,2;84.500\\n2024;6,35;91.200\\n")
    '23% of the non-space characters are letters'
    >>> not_text_reason("Thành ủy\\x01\\x02")
    '2 control characters (20% of the text; the first, U+0001, at offset 8)'
    """
    if not text:
        return None
    controls = len(_CONTROL.findall(text))
    if controls > MAX_ODD_SHARE * len(text):
        first = _CONTROL.search(text)
        return (f"{controls} control characters ({controls / len(text):.0%} of the text; "
                f"the first, U+{ord(first.group()):04X}, at offset {first.start()})")
    replaced = text.count(_REPLACEMENT)
    if replaced > MAX_ODD_SHARE * len(text):
        return (f"{replaced} U+FFFD replacement characters ({replaced / len(text):.0%} of the text): "
                "bytes that did not decode")
    visible, letters = _visible_and_letters(text)
    if visible and letters / visible < MIN_LETTER_SHARE:
        return f"{letters / visible:.0%} of the non-space characters are letters"
    return None


def _visible_and_letters(text: str) -> tuple[int, int]:
    """How many characters are not white space, and how many of those are letters.

    Counted by deleting runs with a regular expression, which runs in C, one slice at a time:
    ``re.sub`` keeps every piece of its input until it joins them, so on a whole 50 MB article it
    would hold millions of small strings at once.
    """
    visible = letters = 0
    for start in range(0, len(text), _SLICE):
        shown = _SPACE.sub("", text[start:start + _SLICE])
        visible += len(shown)
        letters += len(shown) - len(_LETTERS.sub("", shown))
    return visible, letters
