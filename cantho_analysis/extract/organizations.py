"""Which body a figure belongs to, and one normalised key per body.

A provincial Party committee is written many ways ("Thành ủy Hải Phòng", "Thành ủy TP Hải Phòng",
"Thành ủy TP. Hải Phòng", "Đảng bộ thành phố", "Ban Thường vụ Thành ủy"); they are one body and
share one ``organization_key`` (``provincial_committee:hải phòng``).  The Party agencies' committee
("Đảng bộ các cơ quan Đảng thành phố") is another body, and so are the People's Committee and
Council.  A figure belongs to the body named last before it in its sentence, else in its
paragraph, else to the body the article is about: the first one its lead names.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from . import gazetteer
from .parse import ParsedDocument
from .patterns import scan_from

_LEVEL = r"(?:\s+(?:thành\s+phố|Thành\s+phố|tỉnh|Tỉnh|TP\.?|Tp\.?))?"
_LEAD_CHARS = 600
_KINDS = ("party_agencies_committee", "provincial_committee", "people_committee", "people_council")


@functools.lru_cache(maxsize=None)
def place_pattern() -> re.Pattern:
    """Any province or city name of the gazetteer (``data/gazetteer.yaml``)."""
    # No look-behind at the start: the engine then skips ahead on the first letters; callers
    # check the character before a match with _word_start.
    return re.compile(rf"(?:{gazetteer.province_pattern()})(?!\w)")


def _word_start(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


@functools.lru_cache(maxsize=None)
def _body_pattern() -> re.Pattern:
    place = rf"(?:\s+(?P<place>{gazetteer.province_pattern()}))?(?!\w)"
    # Every alternative starts with a literal (no optional prefix), so the scan skips ahead fast.
    agencies = r"Đảng\s+(?:bộ|ủy)\s+các\s+cơ\s+quan\s+Đảng"
    provincial_party = r"Đảng\s+bộ(?=\s+(?:thành\s+phố|tỉnh|TP|Thành\s+phố|Tỉnh))"
    bodies = {
        "party_agencies_committee": rf"Ban\s+(?:Chấp\s+hành|Thường\s+vụ)\s+{agencies}|{agencies}",
        "provincial_committee": rf"Ban\s+(?:Chấp\s+hành|Thường\s+vụ)\s+(?:Thành|Tỉnh)\s+ủy|Thành\s+ủy|Tỉnh\s+ủy"
                                rf"|Ban\s+Chấp\s+hành\s+{provincial_party}|{provincial_party}",
        "people_committee": r"UBND|Ủy\s+ban\s+nhân\s+dân",
        "people_council": r"HĐND|Hội\s+đồng\s+nhân\s+dân",
    }
    alternatives = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in bodies.items())
    return re.compile(rf"(?:{alternatives}){_LEVEL}{place}")


# The first word of every alternative of _body_pattern(): a branch of plain words, which the regex
# engine scans for quickly, where the named alternatives of _body_pattern() make it try each at
# every character.  No word holds the first letter of another after its own first letter, so a
# body never starts inside one of them (patterns.scan_from skips a failed candidate whole).
_BODY_START = re.compile(r"Ban|Đảng|Thành|Tỉnh|UBND|Ủy|HĐND|Hội")


def context(text: str) -> tuple[str, str]:
    """The article's own committee word ("Thành ủy"/"Tỉnh ủy") and place: the most frequent of
    each (ties: the first met)."""
    committee = Counter(re.findall(r"Thành ủy|Tỉnh ủy", text)).most_common(1)
    places = Counter(" ".join(m.group().split()) for m in place_pattern().finditer(text) if _word_start(text, m.start()))
    place = places.most_common(1)[0][0] if places else ""
    return (committee[0][0] if committee else ""), place


def key_for_name(name: str, default_place: str = "") -> str:
    """The key of a body named in *name* ("HĐND thành phố Hải Phòng"), or "" when it names none.

    >>> key_for_name("Đảng bộ các cơ quan Đảng thành phố Hải Phòng"), key_for_name("Ban Tổ chức Trung ương")
    ('party_agencies_committee:hải phòng', '')
    """
    match = _body_pattern().match(name)  # at the start of *name*: a word start
    if not match:
        return ""
    kind = next(k for k in _KINDS if match.group(k))
    return organization_key(kind, match.group("place") or default_place)


def organization_key(kind: str, place: str) -> str:
    """``kind:place`` with the place lower-cased and its level words dropped.

    >>> organization_key("provincial_committee", "TP. Hải Phòng")
    'provincial_committee:hải phòng'
    """
    place = gazetteer.canonical(place) or re.sub(r"^(?:thành\s+phố|tỉnh|tp\.?)\s*", "", " ".join(place.split()))
    place = place.lower()
    return f"{kind}:{place}" if place else kind


def bodies_of(doc: ParsedDocument) -> Bodies:
    """The :class:`Bodies` of *doc*, built once for all the stages that read the document."""
    return doc.shared("bodies", Bodies)


class Bodies:
    """The bodies one document names, to look up the one a figure at an offset belongs to."""

    def __init__(self, doc: ParsedDocument):
        self.doc = doc
        self.committee, self.place = context(doc.text)
        self.mentions = [self._mention(m) for m in scan_from(_body_pattern(), doc.text, starts=_BODY_START)
                         if _word_start(doc.text, m.start())]
        self._starts = [m[0] for m in self.mentions]
        lead = [m for m in self.mentions if m[0] < _LEAD_CHARS]
        self.subject = lead[0] if lead else None
        self.subject_key = self.subject[3] if self.subject else ""
        self._para_start = {}
        for sentence in doc.sentences:
            self._para_start.setdefault(sentence.para_id, sentence.start)

    def _mention(self, match: re.Match) -> tuple:
        kind = next(k for k in _KINDS if match.group(k))
        name = " ".join(match.group(0).split())
        key = organization_key(kind, match.group("place") or self.place)
        return match.start(), match.end(), name, key

    def at(self, offset: int) -> tuple[str, str, str]:
        """``(organization, organization_key, organization_basis)`` for a figure at *offset*."""
        index = bisect.bisect_right(self._starts, offset) - 1
        sentence = self.doc.sentences[self.doc.sent_at(offset)] if self.doc.sentences else None
        if index >= 0 and sentence is not None:
            start, end, name, key = self.mentions[index]
            if end <= offset and start >= sentence.start:
                return name, key, "sentence"
            para_start = self._para_start.get(sentence.para_id, sentence.start)
            if end <= offset and start >= para_start:
                return name, key, "paragraph"
        if self.subject is not None:
            return self.subject[2], self.subject[3], "article"
        return "", "", ""
