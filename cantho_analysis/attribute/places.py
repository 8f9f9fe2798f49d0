"""Whose figure or post: the province-level unit (``territory``) and the level inside it.

A row belongs to the province named last before it in its sentence, else in its paragraph, else
to the province the article is about; its level is that of the body or place named last before
it, in the same order.  A place name after a local level word ("phường Sóc Trăng", "huyện Long
Mỹ") is a commune or district, never the province of the same name.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from ..extract import gazetteer
from ..extract.organizations import bodies_of
from ..extract.parse import ParsedDocument
from ..extract.patterns import UPPER

_LEAD_CHARS = 600
_LOCAL_WORDS = sorted((w for level in ("district", "commune", "hamlet") for w in gazetteer.level_words(level)), key=len, reverse=True)
# A level word right before a place name makes it a local unit: "phường Sóc Trăng".
_LOCAL_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LOCAL_WORDS) + r")\s+\Z",
                           re.IGNORECASE)

# "giáp tỉnh Đồng Tháp" (a neighbour), "tách ra từ tỉnh Cần Thơ" (a parent): not the place the
# figures describe.
_NEIGHBOUR_BEFORE = re.compile(r"(?:giáp|tách\s+(?:ra\s+)?từ)\s+(?:với\s+)?(?:tỉnh\s+|thành\s+phố\s+|TP\.?\s*)?\Z", re.IGNORECASE)
# "TP. Cần Thơ (cũ)", "tỉnh Sóc Trăng cũ", "Hậu Giang (trước sáp nhập)": the old unit.
_OLD_AFTER = re.compile(r"\s*\(?\s*(?:cũ|trước\s+đây|trước\s+(?:khi\s+)?sáp\s+nhập)(?!\w)", re.IGNORECASE)
# "TP Cần Thơ (mới)", "thành phố Cần Thơ trong tương lai", "Cần Thơ sau hợp nhất": the merged unit,
# even in an article written before the merger date (a plan for it).
_NEW_AFTER = re.compile(r"\s*\(?\s*(?:mới|trong\s+tương\s+lai|sau\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất))(?!\w)", re.IGNORECASE)
# "Sau khi hợp nhất, thành phố Cần Thơ có ...": the same, unless what merged were communes or
# districts ("Sau sáp nhập xã, ...").
_NEW_BEFORE = re.compile(r"[Ss]au\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất)(?!\s+(?:các\s+)?(?:xã|phường|ấp|khóm|huyện|quận|thị\s+xã|"
                         r"đơn\s+vị\s+hành\s+chính\s+cấp\s+(?:xã|huyện)))[^.;:\n]{0,60}\Z")
# What may stand between the provinces of a list: "TP Cần Thơ, tỉnh Hậu Giang và tỉnh Sóc Trăng (cũ)".
_LIST_GAP = re.compile(r"(?:\s*\((?:cũ|trước\s+đây)\))?\s*(?:,|và|cùng)?\s*(?:(?:tỉnh|thành\s+phố|TP\.?)\s*)?\Z", re.IGNORECASE)
_CLOSING = (".", "!", "?", ":", ";", "…", '"', "”", ")", "»")
_CAP = rf"[{UPPER}0-9]"  # a local unit's name starts with a capital letter or a number ("ấp 3")
_ORG = r"(?:Đảng\s+(?:bộ|ủy)|Ban\s+(?:Chấp\s+hành|Thường\s+vụ)(?:\s+Đảng\s+(?:bộ|ủy))?)"
# Level cues, one named group per level; the alternatives are tried in this order at one position.
_CUES = {
    "party_agencies": rf"{_ORG}\s+(?:các\s+)?cơ\s+quan\s+Đảng",
    "state_bodies": rf"{_ORG}\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân|[Cc]hính\s+quyền)",
    "other": rf"{_ORG}\s+(?:Khối|Quân\s+sự|Công\s+an|Bộ\s+đội|Sở|Trường|Công\s+ty|Tổng\s+[Cc]ông\s+ty|Bệnh\s+viện|Ngân\s+hàng|Cục|Chi\s+cục)"
             r"|Bộ\s+Chỉ\s+huy\s+Quân\s+sự|Công\s+an\s+(?:tỉnh|thành\s+phố|TP)|Hội\s+(?:Nông\s+dân|Liên\s+hiệp\s+Phụ\s+nữ|Cựu\s+chiến\s+binh)"
             r"|Đoàn\s+Thanh\s+niên|Thành\s+đoàn|Tỉnh\s+đoàn|Liên\s+đoàn\s+Lao\s+động|(?<!\w)doanh\s+nghiệp\s+(?:này|đó)",
    "district": rf"Huyện\s+ủy|Quận\s+ủy|Thị\s+ủy|{_ORG}\s+(?:huyện|quận|thị\s+xã)|toàn\s+huyện|(?<!\w)(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã)\s+{_CAP}",
    # "xã hội" (society) is no commune: "vốn đầu tư toàn xã hội".
    "commune": rf"{_ORG}\s+(?:xã|phường|thị\s+trấn|đặc\s+khu)(?!\s+hội)|toàn\s+(?:xã|phường)(?!\s+hội)|cấp\s+cơ\s+sở|(?:đảng|chi)\s+bộ\s+cơ\s+sở"
               rf"|(?<!\w)(?<![Tt]hị\s)(?:[Xx]ã|[Pp]hường|[Tt]hị\s+trấn|[Đđ]ặc\s+khu)\s+(?!Hội\b){_CAP}",
    # "khu vực" is a hamlet only with its number ("khu vực 3"): "khu vực ĐBSCL", "khu vực I" are no place.
    "hamlet": rf"{_ORG}\s+(?:ấp|thôn|khóm)|(?<!\w)(?:[Ấấ]p|[Tt]hôn|[Kk]hóm|[Tt]ổ\s+dân\s+phố)\s+{_CAP}"
              r"|(?<!\w)khu\s+vực\s+\d+\s*,?\s*(?:phường|thị\s+trấn)",
    # The Mekong delta as a clause's subject ("ĐBSCL có 3,9 triệu ha"): a region's figure, no province's.
    "region": r"(?:(?<=[.;:,]\s)|(?<=^)|(?<=\n))(?:[Vv]ùng\s+)?(?:Đồng\s+bằng\s+sông\s+Cửu\s+Long|ĐBSCL)(?:\s*\(ĐBSCL\))?\s+(?:có|với|chiếm|đang|đạt)",
    "province": r"Thành\s+ủy|Tỉnh\s+ủy|Đảng\s+bộ\s+(?:tỉnh|thành\s+phố|TP)"
                r"|(?:UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân)\s+(?:tỉnh|thành\s+phố|TP)"
                r"|toàn\s+(?:tỉnh|thành\s+phố)|Mặt\s+trận\s+Tổ\s+quốc\s+(?:tỉnh|thành\s+phố)",
    # The country as a clause's subject ("Cả nước có ...", "; toàn quốc đạt"); a rank ("đứng thứ 5
    # cả nước") or a congress ("Đại hội Đảng toàn quốc") speaks of the province or names an event.
    "national": r"(?:(?<=[.;:,]\s)|(?<=^)|(?<=\n)|(?<=\d{4}\s))(?:[Cc]ả\s+nước|[Tt]oàn\s+quốc)(?!\s*[,.;)])"
                r"|tình\s+hình\s+đất\s+nước|đất\s+nước\s+ta(?!\w)"
                r"|Bộ\s+(?:Nội\s+vụ|Tài\s+chính|Công\s+an|Quốc\s+phòng|Y\s+tế|Giáo\s+dục|Xây\s+dựng|Công\s+Thương|Nông\s+nghiệp"
                r"|Tư\s+pháp|Ngoại\s+giao|Khoa\s+học|Văn\s+hóa|Dân\s+tộc|Tài\s+nguyên)",
}
_CUE_RE = re.compile("|".join(f"(?P<{level}>{source})" for level, source in _CUES.items()))


class Places:
    """The provinces and level cues one document names, to look up a row's territory and level."""

    def __init__(self, doc: ParsedDocument):
        self.doc = doc
        text = doc.text
        self.provinces = [(m.start(), m.end(), _named_unit(text, m))
                          for m in _province_re().finditer(text)
                          if (m.start() == 0 or not text[m.start() - 1].isalnum())
                          and not _LOCAL_BEFORE.search(text, max(0, m.start() - 15), m.start())
                          and not _NEIGHBOUR_BEFORE.search(text, max(0, m.start() - 25), m.start())]
        self.provinces = _merge_lists(text, self.provinces)
        self._province_ends = [end for _, end, _ in self.provinces]
        self._closing = [_closing_parenthesis(text, start) for start, _, _ in self.provinces]
        self.cues = [(m.start(), m.end(), m.lastgroup) for m in _CUE_RE.finditer(text)]
        self._cue_ends = [end for _, end, _ in self.cues]
        self.main_province = self._main_province()
        lead = [level for start, _, level in self.cues if start < _LEAD_CHARS]
        self.main_level = lead[0] if lead and lead[0] != "national" else "province"
        self._para_start: dict[int, int] = {}
        previous = None
        for sentence in doc.sentences:
            if sentence.para_id not in self._para_start:
                # A line break inside a sentence ("... đã đạt được nhiều kết quả và\nTốc độ tăng
                # trưởng đạt 8%") does not start a paragraph of its own.
                continued = previous is not None and not previous.text.rstrip().endswith(_CLOSING)
                self._para_start[sentence.para_id] = self._para_start[previous.para_id] if continued else sentence.start
            previous = sentence

    def _main_province(self) -> str:
        """The province the article is about: that of the first body its lead names, else the
        province it names most often (ties: the first met)."""
        subject = bodies_of(self.doc).subject_key
        place = gazetteer.canonical(subject.split(":", 1)[1]) if ":" in subject else ""
        if place:
            return place
        counts = Counter(name for _, _, (name, _) in self.provinces)
        return counts.most_common(1)[0][0] if counts else ""

    def _scopes(self, offset: int) -> tuple[tuple[str, int], ...]:
        if not self.doc.sentences:
            return ()
        sentence = self.doc.sentences[self.doc.sent_at(offset)]
        return ("sentence", sentence.start), ("paragraph", self._para_start.get(sentence.para_id, sentence.start))

    def territory_at(self, offset: int) -> tuple[str, str, bool, bool]:
        """``(unit, basis, named, old)``: the province a row at *offset* belongs to, what decided
        it, whether the text named it near the row (not only the article's main province), and
        whether it was named as the old unit ("TP. Cần Thơ (cũ)")."""
        index = bisect.bisect_right(self._province_ends, offset) - 1
        # A province named inside parentheses ("(sau tỉnh Trà Vinh đạt 10%)") owns no figure after the ")".
        while index >= 0 and self._closing[index] < offset:
            index -= 1
        found = _last_before(self.provinces[:index + 1], self._province_ends[:index + 1], offset, self._scopes(offset))
        if found:
            (_, _, (name, old)), basis = found
            return name, basis, True, old
        return self.main_province, "article" if self.main_province else "", False, False

    def level_at(self, offset: int) -> tuple[str, str]:
        """``(level, basis)`` of a row at *offset*."""
        scopes = self._scopes(offset)
        found = _last_before(self.cues, self._cue_ends, offset, scopes)
        if found:
            (_, _, level), basis = found
            return level, basis
        # A paragraph with no cue of its own that follows one about the country goes on with it
        # ("Về tình hình đất nước, ông A cho biết ... \n Tốc độ tăng trưởng kinh tế đạt 7,9%").
        if scopes:
            index = bisect.bisect_right(self._cue_ends, scopes[-1][1]) - 1  # the last cue before this paragraph
            if index >= 0 and self.cues[index][2] == "national" and self._in_previous_paragraph(self.cues[index][0], offset):
                return "national", "paragraph"
        return self.main_level, "article"

    def _in_previous_paragraph(self, cue_start: int, offset: int) -> bool:
        sentence = self.doc.sentences[self.doc.sent_at(offset)]
        cue_sentence = self.doc.sentences[self.doc.sent_at(cue_start)]
        return cue_sentence.para_id == sentence.para_id - 1


def _named_unit(text: str, match: re.Match) -> tuple[str, bool]:
    """``(unit, old)`` for a province name: the merged unit when the text marks it as the new
    one, and whether it is marked as the old one."""
    unit = gazetteer.canonical(match.group())
    new = _NEW_AFTER.match(text, match.end()) or _NEW_BEFORE.search(text, max(0, match.start() - 90), match.start())
    if new and gazetteer.successor(unit):
        return gazetteer.successor(unit) + gazetteer.MERGED_SUFFIX, False
    return unit, bool(_OLD_AFTER.match(text, match.end()))


_PAREN_REACH = 400


def _closing_parenthesis(text: str, offset: int) -> int:
    """Where the parenthesis that holds *offset* closes; past the text when none holds it.  A
    parenthesis is short: looking _PAREN_REACH characters each way keeps a huge article linear."""
    floor = max(0, offset - _PAREN_REACH)
    opened, closed = text.rfind("(", floor, offset), text.rfind(")", floor, offset)
    if opened > closed:
        end = text.find(")", offset, offset + _PAREN_REACH)
        if end != -1:
            return end
    return len(text) + 1


def _merge_lists(text: str, provinces: list[tuple]) -> list[tuple]:
    """A list of two or more units that formed one merged unit ("TP Cần Thơ, tỉnh Hậu Giang, tỉnh
    Sóc Trăng (trước đây)") speaks of them together: each becomes the merged unit."""
    result, i = list(provinces), 0
    while i < len(result):
        j = i
        while j + 1 < len(result) and _LIST_GAP.match(text[result[j][1]:result[j + 1][0]]):
            j += 1
        names = {result[k][2][0] for k in range(i, j + 1)}
        kept = {gazetteer.successor(name) for name in names}
        if len(names) > 1 and len(kept) == 1 and "" not in kept:
            merged = kept.pop() + gazetteer.MERGED_SUFFIX
            for k in range(i, j + 1):
                result[k] = (result[k][0], result[k][1], (merged, False))
        i = j + 1
    return result


def _last_before(spans: list[tuple], ends: list[int], offset: int, scopes) -> tuple[tuple, str] | None:
    """The last of *spans* (sorted, ``(start, end, value)``) that ends by *offset* and starts
    inside the first scope of *scopes* ``(basis, scope start)`` that holds one."""
    index = bisect.bisect_right(ends, offset) - 1
    if index < 0:
        return None
    for basis, scope_start in scopes:
        if spans[index][0] >= scope_start:
            return spans[index], basis
    return None


@functools.lru_cache(maxsize=None)
def _province_re() -> re.Pattern:
    return re.compile(rf"(?:{gazetteer.province_pattern()})(?!\w)")


def province_in(name: str) -> str:
    """The canonical province-level unit named in *name* (an organisation), or ""."""
    match = _province_re().search(name)
    return gazetteer.canonical(match.group()) if match else ""


def level_of_body(name: str) -> str:
    """The level of the body named *name* ("Đảng ủy xã Tân Hòa" -> ``commune``), ``other`` when
    it names none of the cues."""
    match = _CUE_RE.search(name)
    return match.lastgroup if match else "other"


def places_of(doc: ParsedDocument) -> Places:
    """The :class:`Places` of *doc*, built once per document."""
    return doc.shared("places", Places)
