"""Text normalisation for Vietnamese news text.

All offsets in every table index into the text this module returns, so the same article in
NFD, with a BOM, CRLF line ends, non-breaking spaces, old-style tone marks or a look-alike
``Ð`` gives the same tables as clean text.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style ("hoà") versus new-style ("hòa") tone placement: the tone moves from the second
# vowel of oa/oe/uy to the first.  Only open syllables (nothing after the vowel pair) differ.
_TONE = "[\u0300\u0301\u0303\u0309\u0323]"
# The pair must close the syllable: no further letter or combining mark ("hoặc" stays).
_OLD_STYLE = re.compile(
    rf"(?<![qQ])([oO])([aAeE])({_TONE})(?![\w\u0300-\u036f])"
    rf"|(?<![qQ])([uU])([yY])({_TONE})(?![\w\u0300-\u036f])"
)

_CHAR_MAP = str.maketrans({
    "\u00d0": "\u0110",  # Icelandic Eth looks like Đ; Vietnamese means Đ
    "\u00f0": "\u0111",
    "\u00a0": " ",  # no-break space
    "\u202f": " ",
    "\u2007": " ",
    "\u200b": "",  # zero-width space and joiners carry no text
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",  # BOM, also when it turns up mid-file after concatenation
})


# The only NFC text in which _OLD_STYLE can match after decomposition: o/u, then a precomposed
# vowel carrying one of the five tones, at the end of a word.  Text without it skips the NFD round trip.
_OLD_STYLE_NFC = re.compile(r"[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ](?![\w\u0300-\u036f])|[uU][ỳýỷỹỵỲÝỶỸỴ](?![\w\u0300-\u036f])")
# Characters _CHAR_MAP changes: str.translate looks every character up, so test for them first.
_MAPPED = re.compile("[" + "".join(chr(c) for c in _CHAR_MAP) + "]")


def _move_tone(match: re.Match) -> str:
    groups = [g for g in match.groups() if g is not None]
    first, second, tone = groups
    return first + tone + second


def normalize(text: str) -> str:
    """Return *text* in the package's canonical form.

    NFC, new-style tone placement, ``Đ`` for ``Ð``, ``\\n`` line ends, ordinary spaces for
    no-break spaces, no BOM or zero-width characters.

    >>> normalize("Thanh Ho\\u00e0 \\u00d0\\u1ea3ng\\r\\n") == "Thanh Hòa Đảng\\n"
    True
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _MAPPED.search(text):
        text = text.translate(_CHAR_MAP)
    composed = unicodedata.normalize("NFC", text)
    if not _OLD_STYLE_NFC.search(composed):
        return composed  # NFC(NFD(x)) is NFC(x), and there is no old-style tone to move
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _OLD_STYLE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", decomposed)


def fold(text: str) -> str:
    """Lower-case *text* for matching, keeping diacritics (they carry meaning in Vietnamese).

    >>> fold("Bí thư THÀNH ỦY")
    'bí thư thành ủy'
    """
    return normalize(text).lower()


def lower_in_place(text: str) -> str:
    """Lower-case *text* keeping every offset: a character whose lower case is longer (rare outside
    Vietnamese, e.g. "İ") is kept as it is.  Lets case-sensitive patterns, which are much faster
    than IGNORECASE ones on Vietnamese text, run on spans of the original text.

    >>> lower_in_place("Bí thư TỈNH ỦY İ")
    'bí thư tỉnh ủy İ'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
