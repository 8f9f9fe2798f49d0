"""Text normalisation for Vietnamese news text.

All offsets in every table index into the text this module returns, so the same article in
NFD, with a BOM, CRLF line ends, non-breaking spaces, old-style tone marks or a look-alike
``Ð`` gives the same tables as clean text.
"""

from __future__ import annotations

import re
import unicodedata

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


# Old-style ("hoà") versus new-style ("hòa") tone placement: the tone moves from the second
# vowel of oa/oe/uy to the first (not after "q": "quà" stays).  Only open syllables (nothing after
# the vowel pair) differ: the pair must close the syllable, no further letter or combining mark
# ("hoặc" stays).  Matched on composed (NFC) text, where the second vowel and its tone are one
# character; the look-behind comes after the first letter so that the engine scans for that letter.
_OLD_STYLE_O = re.compile(r"([oO])(?<![qQ][oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![\w\u0300-\u036f])")
_OLD_STYLE_U = re.compile(r"([uU])(?<![qQ][uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\w\u0300-\u036f])")
# Characters _CHAR_MAP changes: str.translate looks every character up, so test for them first.
_MAPPED = re.compile("[" + "".join(chr(c) for c in _CHAR_MAP) + "]")


def _move_tone(match: re.Match) -> str:
    """``oà`` -> ``òa``: the tone of the second vowel goes to the first."""
    first, second = match.groups()
    vowel, tone = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + tone) + vowel


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
    # Moving the tone on NFC text gives what moving it on NFD text and composing again would.
    composed = unicodedata.normalize("NFC", text)
    return _OLD_STYLE_U.sub(_move_tone, _OLD_STYLE_O.sub(_move_tone, composed))


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
