"""Officials with their offices, and credits (photographers and bylines).

People are read as a small mention grammar (``data/positions.yaml``):

1. **Titles** are found first, word by word: an office head ("Phó Bí thư Thường trực"), the
   bodies after it ("Ban Tổ chức" + "Thành ủy"), a place ("TP. Hải Phòng") and a term
   ("khóa XIV, nhiệm kỳ 2020-2025").  "nguyên" before a title or "cũ" after it marks a former post.
2. **Names** are found in the text between titles: a capitalised run that starts with a family
   name, or any capitalised run right after an honorific ("ông", "bà", "đồng chí") or a title
   (names of ethnic minorities need not start with a listed family name).  "Ông Lâm" and a
   sentence-opening pronoun ("Ông là ...") stand for a full name already met in the article.
3. **Attachment** joins them across the separators the genre uses: titles before a name
   ("Ủy viên Bộ Chính trị, Chủ tịch Quốc hội <Name>"), titles after it (``,`` ``-`` ``:`` ``là``),
   appointments ("được bầu giữ chức", "được điều động, chỉ định làm"), posts left ("thôi giữ
   chức", "được miễn nhiệm chức vụ": former), replacements ("thay ông <Name>"), list headings
   ("Các Phó Bí thư gồm: ...", "... được chỉ định gồm các ông: ...") and lists separated by ``;``.
   "nguyên" / "cũ" / "trước sáp nhập" mark a former post, "tân" a new one, "Quyền" an acting one;
   a sentence opening with a closed past period ("Từ 11/2009 đến 3/2011, ...") speaks of former posts.

Every row carries a ``status``: ``current``, ``former`` or ``appointed``.  A title without its
place ("Chủ tịch UBND tỉnh", a bare "Bí thư") takes the article's own committee and place, and
says so in ``organization_basis`` (``context``).  Credited photographers and authors are never
officials.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

from . import gazetteer, organizations
from .lexicon import load_yaml
from .parse import ParsedDocument
from .patterns import LOWER as _LOWER
from .patterns import UPPER as _UPPER
from .sentences import paragraphs

_CAP_WORD = rf"[{_UPPER}][{_LOWER}]+"
_UPPER_WORD = rf"[{_UPPER}]{{2,}}"
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\S")
_PHOTO = re.compile(rf"Ảnh[ \t]*:[ \t]*((?:{_CAP_WORD}|{_UPPER_WORD})(?:[ \t]+(?:{_CAP_WORD}|{_UPPER_WORD})){{0,4}})"
                    rf"(?:[ \t]*[-/–][ \t]*((?:{_UPPER_WORD}|{_CAP_WORD})(?:[ \t]+{_UPPER_WORD})?))?")
_PHOTO_OUTLET_FIRST = re.compile(rf"Ảnh[ \t]*:[ \t]*([A-ZĐ][A-ZĐ0-9]{{1,5}})[ \t]*/[ \t]*"
                                 rf"((?:{_CAP_WORD}|{_UPPER_WORD})(?:[ \t]+(?:{_CAP_WORD}|{_UPPER_WORD})){{0,4}})")
_UI_WORDS = {"xem thêm", "chia sẻ", "bình luận", "tin liên quan", "đọc thêm"}
# Place levels that may stand before a place name, or alone ("Chủ tịch UBND tỉnh").
_LEVELS = {("tỉnh",): "province", ("thành", "phố"): "province", ("tp",): "province", ("xã",): "local",
           ("phường",): "local", ("huyện",): "local", ("quận",): "local", ("thị", "xã"): "local",
           ("đặc", "khu"): "local", ("thị", "trấn"): "local"}
_EXTRA_PLACES = ("TPHCM", "TP.HCM", "HCM", "Thừa Thiên - Huế")
# Bodies named after a district or commune whose name follows ("Huyện ủy Tân Phú").
_LOCAL_NAMED = {"district_committee"}
# Words before an office that change its status: "nguyên" (former), "tân" (newly elected).
_PREFIXES = {"nguyên", "tân"}
# Bodies whose bare mention ("Chủ tịch UBND tỉnh") means the article's own province.
_LOCAL_KINDS = {"provincial_committee", "people_committee", "people_council", "front", "na_delegation",
                "standing_committee", "executive_committee", "inspection_commission", "organization_board",
                "propaganda_board", "party_board", "office"}
_PARTY_HEADS = {"secretary", "deputy_secretary", "standing_deputy_secretary", "committee_member"}
_PARTY_BODIES = {"party_committee", "provincial_committee"}
# Titles whose organisation is itself a body with a key of its own (not a board inside one).
_BODY_KINDS = {"provincial_committee", "party_committee", "people_committee", "people_council", "standing_committee",
               "executive_committee"}
# Words that end the open name of a unit: the clause goes on ("Sở Tài chính được ...").
_CLAUSE_WORDS = {"được", "đã", "là", "làm", "sẽ", "đang", "tại", "có", "cho", "với", "phát", "trình", "dự", "thay",
                 "kiêm", "vừa", "tiếp", "nhận", "về", "từ", "trong", "theo", "khi", "nhiệm", "khóa", "gồm", "cùng"}
# Words that make a capitalised run an organisation or a place, never a person.
_NOT_NAME = {"Đảng", "Ủy", "Tỉnh", "Ban", "Bộ", "Hội", "Sở", "Ảnh", "UBND", "HĐND"}

# First words of a body's name, never of a photographer's ("Ảnh: Ban tổ chức", "Ảnh: Cổng TTĐT ...").
_BODY_WORDS = (_NOT_NAME - {"Ảnh"}) | {"Báo", "Cổng", "Đài", "Cục"}
_FIRST_NOT_NAME = _NOT_NAME | {"Tại", "Theo", "Sáng", "Chiều", "Tối", "Ngày", "Các", "Những", "Trong", "Với", "Cùng",
                               "Dự", "Tham", "Phát", "Thay", "Trước", "Sau", "Đây", "Đến", "Về", "Khi", "Năm", "Nước",
                               "Cộng"}

# Gaps between a name, its titles and other names.
# A military or police rank may stand where an honorific does ("Giám đốc Công an tỉnh, Thiếu tướng <Name>").
_BEFORE = re.compile(r"^\s*(?:,?\s*(?:ông|bà|đồng\s+chí|(?:thiếu|trung|thượng|đại)\s+(?:tướng|tá))\s+)?$", re.IGNORECASE)
# A parenthesis about the person ("(sinh năm 1970)") may sit between the name and its title.
_ASIDE = r"(?:\s*\([^()]{0,40}\))?"
_APPOS = re.compile(rf"^{_ASIDE}\s*(?:[,:\-–—(]\s*)?(?:(?:hiện\s+|nay\s+|vốn\s+)?là\s+)?$", re.IGNORECASE)
_APPOINT = re.compile(
    r"^[\s,\-–—]*(?:(?:đã|đều|cùng|tiếp\s+tục|sẽ|vừa|chính\s+thức)\s+)*(?:được\s+)?(?:[^;.:()\d]{0,70}?\s)?"
    r"(?:(?:bầu|tái\s+đắc\s+cử|đắc\s+cử|tái\s+cử|trúng\s+cử|chỉ\s+định|bổ\s+nhiệm|phân\s+công)"
    r"(?:\s+(?:giữ\s+chức(?:\s+vụ)?|làm|vào))?|giữ\s+chức(?:\s+vụ)?|làm|nhận\s+nhiệm\s+vụ|vào\s+chức\s+danh)\s*$",
    re.IGNORECASE)
# Who approves, signs or announces an appointment is not the appointee: "Thủ tướng A vừa ký Quyết định
# phê chuẩn kết quả bầu Chủ tịch UBND tỉnh", "ông B công bố quyết định chỉ định giữ chức Bí thư".
# Nor is who speaks about an election: "ông A, Phó Bí thư, cho rằng việc bầu Bí thư Tỉnh ủy ...".
_THIRD_PARTY = re.compile(r"phê\s+chuẩn|(?:ký|công\s+bố|trao|đọc)\s+(?:các\s+)?(?:quyết\s+định|nghị\s+quyết)|đề\s+nghị|giới\s+thiệu"
                          r"|cho\s+(?:rằng|biết)|nhấn\s+mạnh|khẳng\s+định|chủ\s+trương|việc\s+bầu", re.IGNORECASE)
_FORMER = re.compile(r"^\s*,?\s*(?:từng|đã\s+từng|trước\s+đó|(?:đã\s+)?(?:kinh\s+qua|đảm\s+nhận|đảm\s+nhiệm|trải\s+qua))\s+"
                     r"(?:[^;.:]{0,40}?\s)?(?:chức\s+vụ|cương\s+vị|vị\s+trí|là)(?:[^;.:]{0,40}?\s+như|\s+như)?\s*:?\s*$",
                     re.IGNORECASE)
# A sentence that opens with a closed period of the past speaks of posts held then:
# "Từ 11/2009 đến 3/2011, ông ... là Vụ trưởng ...".
_CLOSED_PERIOD = re.compile(r"\s*Từ\s+(?:tháng\s+|năm\s+)?(?:\d{1,2}/)?(?:19|20)\d{2}\s+(?:đến|tới)\s+(?:tháng\s+|năm\s+)?"
                            r"(?:\d{1,2}/)?(?:19|20)\d{2}\b", re.IGNORECASE)
# Relieved of a post ("thôi giữ chức", "được miễn nhiệm chức vụ"): the post is then a former one.
_RELIEVE = re.compile(
    r"^[\s,\-–—]*(?:(?:đã|đều|cùng|sẽ|vừa|chính\s+thức|được|cho)\s+)*(?:[^;.:()\d]{0,70}?\s)?"
    r"(?:thôi|miễn\s+nhiệm|nghỉ)(?:\s+(?:giữ|làm|tham\s+gia))?(?:\s+(?:chức(?:\s+vụ)?|cương\s+vị|vị\s+trí))?\s*$",
    re.IGNORECASE)
_LINK = re.compile(r"^\s*(?:,|kiêm|và|,\s*kiêm|,\s*và)?\s*$", re.IGNORECASE)
_LIST_LINK = re.compile(r"^\s*(?:,|;|kiêm|và)?\s*$", re.IGNORECASE)
_REPLACE = re.compile(r"^\s*,?\s*thay\s+(?:cho\s+)?(?:ông|bà|đồng\s+chí)\s+$", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?P<appointed>(?:được\s+)?(?:bầu|chỉ\s+định|phân\s+công|bổ\s+nhiệm|chuẩn\s+y)\s+)?"
                      r"(?:gồm|gồm\s+có|là)\s*:?\s*(?:các\s+)?(?:ông|bà|đồng\s+chí)?\s*:?\s*$", re.IGNORECASE)
_GROUP = re.compile(r"^\s*(?:,|;)?\s*(?:và\s+)?(?:ông|bà|đồng\s+chí)?\s*$", re.IGNORECASE)
_GROUP_LEAD = re.compile(r"(?:\bcác|\bhai|\bba|\bbốn|\d+)\s+(?:ông|bà|đồng\s+chí)\s*:?\s*$", re.IGNORECASE)
_PRONOUN = re.compile(rf"(?:Ông|Bà)(?=\s+[{_LOWER}])")
_PRONOUN_LEAD = re.compile(r"(?:^|[;:]\s*)$")
# Sentences without one of these words hold no title; they are skipped cheaply.
# "tăng trưởng" (growth) is the commonest "trưởng" and no office.
# Matched case-sensitively on the lower-cased text (much faster than IGNORECASE).
# Every alternative starts with a letter (the look-behind of "trưởng" comes after it), so the
# engine scans for those first letters only.
_TITLE_HINT = re.compile(r"bí\b|chủ\s+tịch|ủy\s+viên|trưởng(?<!tăng\strưởng)|chủ\s+nhiệm|thường\s+trực|thủ\s+tướng|giám\s+đốc"
                         r"|thư\s+ký|đại\s+biểu\s+quốc\s+hội|tư\s+lệnh|chánh|phó\s+ban")


class _Word(NamedTuple):
    """A token of a sentence (a NamedTuple: articles have tens of thousands of them)."""

    text: str
    start: int
    end: int
    low: str
    is_cap: bool


def _words(text: str, start: int = 0, end: int | None = None) -> list[_Word]:
    end = len(text) if end is None else end
    segment = text[start:end]
    tokens = _TOKEN.findall(segment)
    # Only non-word characters lie between two tokens, so each token is found where it starts.
    starts, pos, find = [], 0, segment.find
    for token in tokens:
        pos = find(token, pos)
        starts.append(pos + start)
        pos += len(token)
    ends = [a + len(token) for a, token in zip(starts, tokens)]
    caps = [word[:1].isupper() and (len(word) == 1 or not word[1:].isupper()) for word in tokens]
    return list(map(_Word._make, zip(tokens, starts, ends, map(str.lower, tokens), caps)))


@dataclass(frozen=True)
class Title:
    """One office as written: head, bodies, place and term, with the word indexes it covers."""

    first: int
    last: int  # index after the last word
    start: int
    end: int
    head: str
    kinds: tuple  # the bodies after the head, in order; the first one decides the code
    national: bool
    position: str
    organization: str
    place: str
    status: str
    organization_basis: str = "text"

    @property
    def kind(self) -> str:
        return self.kinds[0] if self.kinds else ""


@dataclass(frozen=True)
class Name:
    first: int
    last: int
    start: int
    end: int
    name: str
    basis: str  # text, short_form or pronoun


@dataclass(frozen=True)
class _Lexicon:
    heads: dict
    orgs: dict
    places: dict
    surnames: set
    codes: list
    labels: dict
    # For each table, the phrase lengths that start with a given word, longest first: most words
    # start no phrase, so a lookup costs one dict probe.
    lengths: dict


def _key(phrase: str) -> tuple:
    return tuple(t.lower() for t in _TOKEN.findall(phrase))


@functools.lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    data = load_yaml("positions.yaml")
    names = load_yaml("places_names.yaml")
    heads = {_key(vi): (h["head"], bool(h.get("bare")), bool(h.get("national"))) for h in data["heads"] for vi in h["vi"]}
    orgs = {_key(vi): (o["kind"], bool(o.get("national")), bool(o.get("open")))
            for o in data["organizations"] for vi in o["vi"]}
    places = {_key(p): True for p in gazetteer.province_names() + ["Việt Nam"] + list(_EXTRA_PLACES)}
    codes = [(c["head"], c["kind"], c["code"]) for c in data["codes"]]
    labels = {p["code"]: p["en"] for p in data["positions"]}
    lengths = {}
    for table in (heads, orgs, places):
        by_first = {}
        for key in table:
            by_first.setdefault(key[0], set()).add(len(key))
        lengths[id(table)] = {first: sorted(sizes, reverse=True) for first, sizes in by_first.items()}
    return _Lexicon(heads, orgs, places, set(names["surnames"]), codes, labels, lengths)


def _longest(words: list[_Word], i: int, table: dict) -> tuple[int, object] | None:
    """Longest phrase of *table* starting at word *i*: (number of words, value)."""
    if i >= len(words):
        return None
    for size in _lexicon().lengths[id(table)].get(words[i].low, ()):
        if i + size <= len(words):
            key = tuple(w.low for w in words[i:i + size])
            if key in table:
                return size, table[key]
    return None


def _code(head: str, kind: str) -> str:
    for rule_head, rule_kind, code in _lexicon().codes:
        if rule_head == head and (rule_kind == kind or rule_kind == "*"):
            return code
    return "other"


# ---------------------------------------------------------------- titles
def _titles(words: list[_Word], text: str) -> list[Title]:
    found, i = [], 0
    starts = _lexicon().lengths[id(_lexicon().heads)]
    while i < len(words):
        if words[i].low not in starts and words[i].low not in _PREFIXES and words[i].text != "Quyền":
            i += 1
            continue
        title = _title_at(words, i, text)
        if title:
            found.append(title)
            i = title.last
        else:
            i += 1
    return found


def _title_at(words: list[_Word], i: int, text: str) -> Title | None:
    lex = _lexicon()
    status, j = "current", i
    if words[j].low == "nguyên" and j + 1 < len(words):
        status, j = "former", j + 1
    elif words[j].text == "Quyền" and j + 1 < len(words):
        j += 1  # an acting office ("Quyền Chủ tịch UBND tỉnh") is held: current, "Quyền" kept in the position
    elif words[j].low == "tân" and j + 1 < len(words) and not (j > 0 and words[j - 1].is_cap):
        status, j = "appointed", j + 1  # "tân Bí thư": newly elected (after a name, "Tân" ends the name)
    head = _longest(words, j, lex.heads)
    if not head or (i > 0 and words[i - 1].low in {"ban", "đoàn", "tổng"} and head[1][0] in {"secretary", "chair"}):
        return None
    head_code, bare, national = head[1]
    j += head[0]
    orgs, kinds = [], []
    while j < len(words):
        org = _longest(words, j, lex.orgs)
        if not org:
            break
        kind, is_national, is_open = org[1]
        end = j + org[0]
        if is_open:
            end = _open_tail(words, end)
            end = _ministry_after(words, end)
        orgs.append((j, end))
        kinds.append(kind)
        # "Công an tỉnh": a ministry's short name followed by a province is that province's department.
        national = national or (is_national and _level_at(words, end)[0] != "province")
        j = end
    if not orgs and not bare:
        return None
    org_end = j
    place_first = j
    j = _local_name(words, j) if kinds and kinds[-1] in _LOCAL_NAMED else _place(words, j, national)
    if j == place_first and _city_committee(words, org_end) and j < len(words) and words[j].is_cap \
            and words[j].text not in lex.surnames and words[j].text not in _FIRST_NOT_NAME:
        # "Thành ủy Buôn Ma Thuột": a city under a province (every centrally-run city is a known
        # place), so its committee is a district-level one; and the name is no person's.
        j = _local_name(words, j)
        kinds[-1] = "district_committee"
    place = text[words[place_first].start:words[j - 1].end] if j > place_first else ""
    if tuple(w.low for w in words[place_first:j]) == ("việt", "nam"):
        national, place = True, ""  # "Đại biểu Quốc hội Việt Nam": the country, no province
    j = _term(words, j)
    if j < len(words) and words[j].low == "cũ":
        status, j = "former", j + 1
    elif [w.low for w in words[j:j + 3]] == ["(", "cũ", ")"]:
        status, j = "former", j + 3
    elif (before_merger := _BEFORE_MERGER.match(text, words[j - 1].end)):
        status = "former"  # "Bí thư Tỉnh ủy X trước sáp nhập"
        j = next(k for k in range(j, len(words) + 1) if k == len(words) or words[k].start >= before_merger.end())
    head_first = i + (words[i].low in _PREFIXES and status in {"former", "appointed"})
    position = text[words[head_first].start:words[org_end - 1].end]
    organization = text[words[orgs[0][0]].start:words[org_end - 1].end] if orgs else ""
    organization = " ".join(part for part in (organization, place) if part)
    return Title(i, j, words[i].start, words[j - 1].end, head_code, tuple(kinds), national,
                 " ".join(position.split()), " ".join(organization.split()), " ".join(place.split()), status)


def _level_at(words: list[_Word], j: int) -> tuple[str | None, int]:
    """The place level written at word *j* ("tỉnh", "thành phố", "xã") and its number of words."""
    for size in (2, 1):
        key = tuple(w.low for w in words[j:j + size])
        if len(key) == size and key in _LEVELS:
            return _LEVELS[key], size
    return None, 0


def _city_committee(words: list[_Word], org_end: int) -> bool:
    """The bodies end with "Thành ủy" / "Thị ủy": a city's committee, whose city need not be a province."""
    return org_end >= 2 and words[org_end - 1].low in {"ủy", "uỷ"} and words[org_end - 2].low in {"thành", "thị"}


# A post held until a merger: "Bí thư Tỉnh ủy X trước sáp nhập", "(trước khi hợp nhất)".
_BEFORE_MERGER = re.compile(r"\s*\(?\s*trước\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất)\s*\)?", re.IGNORECASE)


def _open_tail(words: list[_Word], j: int) -> int:
    """The name of an open-ended unit ("Vụ Tổng hợp và phân tích"): up to eight words, never
    across punctuation, never into a person's name."""
    end = j
    while end < len(words) and end - j < 8 and (words[end].text[:1].isalnum() or _joins(words, end)) and words[end].low not in _CLAUSE_WORDS \
            and (words[end].low,) not in _LEVELS and tuple(w.low for w in words[end:end + 2]) not in _LEVELS:
        if words[end].text in _lexicon().surnames and end + 1 < len(words) and words[end + 1].is_cap and end > j:
            break
        end += 1
    while end > j and words[end - 1].low in {"và", "của", "-", "–"}:
        end -= 1
    return end


def _joins(words: list[_Word], k: int) -> bool:
    """A dash inside a unit's name ("Sở Kế hoạch - Đầu tư") joins two capitalised parts."""
    return words[k].text in "-–" and k + 1 < len(words) and words[k + 1].is_cap


def _ministry_after(words: list[_Word], j: int) -> int:
    """", Bộ Tài chính" after a unit names the ministry the unit belongs to."""
    if j + 1 < len(words) and words[j].text == ",":
        org = _longest(words, j + 1, _lexicon().orgs)
        if org and org[1][0] == "ministry" and words[j + 1].low == "bộ":
            return j + 1 + org[0]
    return j


def _place(words: list[_Word], j: int, national: bool) -> int:
    if national or j >= len(words):
        return j
    lex = _lexicon()
    level, size = _level_at(words, j)
    j += size
    if words[j - 1].low == "tp" and j < len(words) and words[j].text == "." and words[j].start == words[j - 1].end:
        j += 1
    known = _longest(words, j, lex.places) if j < len(words) and words[j].text[:1].isupper() else None
    if level == "local":
        # A commune may extend a province's name ("xã Hòa Bình Đông"): the longer reading wins.
        return max(j + (known[0] if known else 0), _local_name(words, j))
    return j + known[0] if known else j


def _local_name(words: list[_Word], j: int) -> int:
    """A district or commune name: up to three capitalised words, never into a person's name."""
    surnames = _lexicon().surnames
    end = j
    while end < len(words) and words[end].is_cap and end - j < 3:
        if end > j and words[end].text in surnames and end + 1 < len(words) and words[end + 1].is_cap:
            break
        end += 1
    return end


def _term(words: list[_Word], j: int) -> int:
    """Skip a term after a title: ", khóa XIV", ", nhiệm kỳ 2020 - 2025"."""
    k = j + (j < len(words) and words[j].text == ",")
    if k < len(words) and words[k].low in {"khóa", "khoá"} and k + 1 < len(words) and re.fullmatch(r"[IVXL]+|\d+", words[k + 1].text):
        j = k + 2
        k = j + (j < len(words) and words[j].text == ",")
    if k + 4 < len(words) + 1 and [w.low for w in words[k:k + 2]] == ["nhiệm", "kỳ"] and k + 4 < len(words) + 0 \
            and re.fullmatch(r"(?:19|20)\d\d", words[k + 2].text) and words[k + 3].text in "-–" \
            and re.fullmatch(r"(?:19|20)\d\d", words[k + 4].text):
        j = k + 5
    return j


# ---------------------------------------------------------------- names
def _names(words: list[_Word], titles: list[Title], text: str, known: list[str]) -> list[Name]:
    taken = set()
    for title in titles:
        taken.update(range(title.first, title.last))
    found, i = [], 0
    while i < len(words):
        if i in taken or not words[i].is_cap or not words[i].text.isalpha():
            i += 1
            continue
        end = i
        while end < len(words) and end not in taken and words[end].is_cap and words[end].text.isalpha() \
                and (end == i or text[words[end - 1].end:words[end].start] == " "):
            end += 1
        name = _name_in_run(words, i, end, titles, text, known)
        if name:
            found.append(name)
        i = end
    return found


def _name_in_run(words, i, end, titles, text, known) -> Name | None:
    lex = _lexicon()
    run = words[i:end]
    honorific = _honorific_before(words, i)
    if run[0].low in {"ông", "bà"}:
        honorific, run = True, run[1:]
        i += 1
    if not run:
        return None
    after_title = any(t.last == i and text[t.end:run[0].start].strip() == "" for t in titles)
    if not (honorific or after_title):
        first = next((k for k, w in enumerate(run) if w.text in lex.surnames), None)
        if first is None:
            return None
        run = run[first:]
        i += first
    words_text = [w.text for w in run]
    if len(run) == 1:
        if not honorific:
            return None
        full = next((n for n in reversed(known) if n.split()[-1] == run[0].text), None)
        return Name(i, i + 1, run[0].start, run[0].end, full, "short_form") if full else None
    if run[0].text in _FIRST_NOT_NAME or any(w in _NOT_NAME for w in words_text[1:]) or len(run) > 5:
        return None
    if _bare(" ".join(words_text)) in _bare_places() or not all(_has_vowel(w) for w in words_text):
        return None  # a place, even misspelt ("Lang Sơn"), or a word cut short ("Cần Th") is no name
    return Name(i, i + len(run), run[0].start, run[-1].end, " ".join(words_text), "text")


def _bare(text: str) -> str:
    """*text* lower-cased without its diacritics ("Lạng Sơn" -> "lang son")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=None)
def _bare_places() -> frozenset:
    return frozenset(_bare(" ".join(key)) for key in _lexicon().places)


def _has_vowel(word: str) -> bool:
    """Every Vietnamese syllable has a vowel; "Th" and "Ng" are words cut short."""
    return any(char in "aeiouy" for char in _bare(word))


def _honorific_before(words: list[_Word], i: int) -> bool:
    prev = [w.low for w in words[max(0, i - 3):i]]
    if prev and prev[-1] == ":":
        prev = prev[:-1]
    return bool(prev) and (prev[-1] in {"ông", "bà"} or prev[-2:] == ["đồng", "chí"])


def _pronouns(sentence_start: int, words: list[_Word], text: str) -> list[Name]:
    """"Ông là ..." opening a sentence or a clause after ``;``/``:`` stands for the last full name."""
    found = []
    for k, word in enumerate(words):
        if _PRONOUN.match(text, word.start) and _PRONOUN_LEAD.search(text[sentence_start:word.start]):
            found.append(Name(k, k + 1, word.start, word.end, "", "pronoun"))
    return found


def _resolve(names: list[Name], known: list[str]) -> list[Name]:
    """Give each pronoun the last full name before it (in this sentence, else earlier)."""
    resolved, last = [], known[-1] if known else ""
    for name in names:
        if name.basis == "pronoun":
            if last:
                resolved.append(Name(name.first, name.last, name.start, name.end, last, "pronoun"))
            continue
        resolved.append(name)
        last = name.name
    return resolved


# ---------------------------------------------------------------- attachment
def _gap(text: str, a, b) -> str:
    return text[a.end:b.start]


def _attach(items: list, text: str) -> list[tuple[Name, Title, str]]:
    """(name, title, status) for every title a name takes in one sentence."""
    pairs, claimed = [], set()
    direct = {}
    for k, item in enumerate(items[:-1]):
        nxt = items[k + 1]
        if isinstance(item, Title) and isinstance(nxt, Name) and _BEFORE.match(_gap(text, item, nxt)):
            direct[k] = k + 1
    chain_ends = {}
    for k, item in enumerate(items):
        if isinstance(item, Name):
            chain_ends[k] = _after_chain(items, k, text, direct, claimed, pairs)
    for k, item in enumerate(items):
        if isinstance(item, Name):
            _before_chain(items, k, text, direct, claimed, pairs)
    _headings(items, text, pairs)
    _groups(items, text, chain_ends, pairs)
    _name_lists(items, text, pairs)
    return pairs


def _titles_lead_the_next_name(items, k, text, direct) -> bool:
    """A name written after its titles ("Bí thư Tỉnh ủy <A>, Phó Bí thư, Chủ tịch HĐND <B>") is
    followed by the titles of the next name, not by its own."""
    if (k - 1) not in direct:
        return False
    m = k + 1
    while m < len(items) and isinstance(items[m], Title) and (m == k + 1 or _LINK.match(_gap(text, items[m - 1], items[m]))):
        m += 1
    return m > k + 1 and (m - 1) in direct and _APPOS.match(_gap(text, items[k], items[k + 1])) is not None


def _after_chain(items, k, text, direct, claimed, pairs) -> int:
    name, cursor, status, list_mode = items[k], k, "", False
    if _titles_lead_the_next_name(items, k, text, direct):
        return k
    while cursor + 1 < len(items) and isinstance(items[cursor + 1], Title):
        title_k = cursor + 1
        gap = _gap(text, items[cursor], items[title_k])
        if cursor == k:
            if _APPOS.match(gap):
                status = "current"
            elif _FORMER.match(gap):
                status, list_mode = "former", True
            elif _RELIEVE.match(gap):
                status = "former"
            elif _APPOINT.match(gap) and not _THIRD_PARTY.search(gap):
                status = "appointed"
            else:
                break
        elif _RELIEVE.match(gap) and not _LINK.match(gap):
            status = "former"  # "..., thôi tham gia Ban Chấp hành, thôi giữ chức <Title>"
        elif _APPOINT.match(gap) and not _LINK.match(gap) and not _THIRD_PARTY.search(gap):
            status = "appointed"
        elif not (_LIST_LINK if list_mode else _LINK).match(gap):
            break
        if title_k in direct:
            break
        title = items[title_k]
        pairs.append((name, title, _status(title, status)))
        claimed.add(title_k)
        cursor = title_k
    if cursor + 1 < len(items) and isinstance(items[cursor + 1], Name) and cursor > k:
        if _REPLACE.match(_gap(text, items[cursor], items[cursor + 1])):
            pairs.append((items[cursor + 1], items[cursor], "former"))
    return cursor


def _before_chain(items, k, text, direct, claimed, pairs) -> None:
    title_k = k - 1
    if title_k not in direct:
        return
    chain = [title_k]
    while chain[0] - 1 >= 0 and isinstance(items[chain[0] - 1], Title) and chain[0] - 1 not in claimed \
            and _LINK.match(_gap(text, items[chain[0] - 1], items[chain[0]])) \
            and not _outranks(items[chain[0]], items[chain[0] - 1]):
        chain.insert(0, chain[0] - 1)
    for index in chain:
        claimed.add(index)
        pairs.append((items[k], items[index], _status(items[index], "current")))


def _outranks(later: Title, earlier: Title) -> bool:
    """Titles before a name run from the highest rank down ("Ủy viên Bộ Chính trị, Bí thư Thành
    ủy Hà Nội <Name>"); a local post before a national one ends the previous phrase instead
    ("... tân Bí thư Tỉnh ủy X, Chủ tịch nước <Name> ...")."""
    return later.national and not earlier.national and bool(earlier.organization)


def _status(title: Title, status: str) -> str:
    if title.status in {"former", "appointed"}:  # "nguyên", "cũ", "tân" in the title itself
        return title.status
    return status or "current"


def _headings(items, text, pairs) -> None:
    """"Các Phó Bí thư Tỉnh ủy gồm: ông A - ...; ông B ...", "... được chỉ định gồm các ông: ...",
    "các Ủy viên Trung ương Đảng: A, ...; B, ...": the heading's title goes to every name."""
    for k, item in enumerate(items[:-1]):
        if not (isinstance(item, Title) and isinstance(items[k + 1], Name)):
            continue
        gap = _gap(text, item, items[k + 1])
        heading = _HEADING.match(gap)
        if not heading and not (gap.strip() == ":" and _PLURAL_BEFORE.search(text[max(0, item.start - 8):item.start])):
            continue
        status = "appointed" if heading and heading.group("appointed") else "current"
        for later in items[k + 1:]:
            if isinstance(later, Name):
                pairs.append((later, item, _status(item, status)))


def _groups(items, text, chain_ends, pairs) -> None:
    """"các ông A - ..., và ông B - ... được bầu làm X": X goes to A as well as to B."""
    names = sorted(chain_ends)
    for a, b in zip(names, names[1:]):
        end_a = chain_ends[a]
        if end_a + 1 != b or not _GROUP.match(_gap(text, items[end_a], items[b])):
            continue
        if not _GROUP_LEAD.search(text[max(0, items[a].start - 20):items[a].start]):
            continue
        for name, title, status in list(pairs):
            if name is items[b] and status == "appointed":
                pairs.append((items[a], title, status))


_PLURAL_BEFORE = re.compile(r"(?<!\w)các\s+\Z", re.IGNORECASE)
_NAME_LIST_GAP = re.compile(r"^\s*(?:,|và|,\s*và)\s*(?:(?:ông|bà|đồng\s+chí)\s+)?$", re.IGNORECASE)


def _name_lists(items, text, pairs) -> None:
    """"chỉ định các ông, bà A, B, C giữ chức X", "Đồng chí A, B được bầu giữ chức X": the
    appointment of the last name of a bare list of names goes to every name of the list."""
    for name, title, status in list(pairs):
        if status != "appointed":
            continue
        k = items.index(name)
        if k + 1 >= len(items) or items[k + 1] is not title:
            continue
        while k > 0 and isinstance(items[k - 1], Name) and _NAME_LIST_GAP.match(_gap(text, items[k - 1], items[k])):
            k -= 1
            if not any(n is items[k] for n, _, _ in pairs):  # a name with titles of its own keeps them
                pairs.append((items[k], title, status))


# ---------------------------------------------------------------- rows
def _sentence_context(titles: list[Title], context: tuple) -> tuple:
    """A place written in another local title of the same sentence beats the article's place.
    *context* is (committee word, place, key of the body the article is about)."""
    places = _lexicon().places
    for title in titles:
        if title.kind in _LOCAL_KINDS and tuple(_key(title.place)) in places:
            return context[0], title.place, context[2]
    return context


def _borrow_bodies(titles: list[Title]) -> list[Title]:
    """A bare party post ("Phó Bí thư Thường trực") in a sentence that names a Party body for a
    sibling post ("... và ông B giữ chức Phó Bí thư chuyên trách Đảng bộ") belongs to that body."""
    bodies = [t for t in titles if t.kind in _PARTY_BODIES and t.head in _PARTY_HEADS | {"specialised_deputy_secretary"}]
    result = []
    for title, following in zip(titles, titles[1:] + [None]):
        if not title.organization and following is not None and following.organization and following.first == title.last + 1 \
                and following.start - title.end <= 2 and title.head.split("_")[-1] == following.head.split("_")[-1]:
            # "Phó Bí thư, Bí thư Huyện Đoàn": two ranks of one office in the body named after the second
            # (not "Bí thư, Chủ tịch UBND tỉnh", two offices).
            title = replace(title, kinds=following.kinds, organization=following.organization, place=following.place,
                            national=following.national)
        elif not title.organization and title.head in _PARTY_HEADS and bodies:
            donor = min(bodies, key=lambda t: abs(t.start - title.start))
            title = replace(title, kinds=donor.kinds, organization=donor.organization, place=donor.place,
                            organization_basis="context")
        result.append(title)
    return result


def _organization(title: Title, context: tuple[str, str]) -> tuple[str, str]:
    committee, place = context[:2]
    if title.organization_basis == "context":
        return title.organization, "context"
    if not title.organization:
        if title.head in _PARTY_HEADS and committee:
            return f"{committee} {place}".strip(), "context"
        return "", ""
    bare_place = not title.place or tuple(_key(title.place)) in _LEVELS
    if title.kind in _LOCAL_KINDS and not title.national and bare_place and place and not _LOCAL_NAMED & set(title.kinds):
        return f"{title.organization} {place}", "context"
    return title.organization, "text"


def extract_officials(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``officials`` table for one document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> text = "Ông Trần Văn Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh An Giang, phát biểu."
    >>> [(r["name"], r["position_code"]) for r in extract_officials(parse_document(Document("d", "d.txt", text, "")))]
    [('Trần Văn Bình', 'deputy_secretary'), ('Trần Văn Bình', 'people_committee_chair')]
    """
    text = doc.text
    low = doc.low
    rows, known, context = [], [], None
    for sentence in doc.sentences:
        if not _TITLE_HINT.search(low, sentence.start, sentence.end):
            # No office, no row.  For speed, a person first named in such a sentence is not
            # remembered for a later short form ("ông Lâm"); see docs/quality.md.
            continue
        words = _words(text, sentence.start, sentence.end)
        titles = _titles(words, text)
        titles = _borrow_bodies(titles)
        names = _names(words, titles, text, known) if titles or known else []
        pronouns = _pronouns(sentence.start, words, text) if titles else []
        names = _resolve(sorted(pronouns + names, key=lambda n: n.start), known)
        if titles and names:
            if context is None:
                bodies = organizations.bodies_of(doc)
                context = (bodies.committee, bodies.place, bodies.subject_key)
            local = _sentence_context(titles, context)
            items = sorted(titles + names, key=lambda item: item.start)
            closed = _CLOSED_PERIOD.match(text, sentence.start, sentence.end) is not None
            for name, title, status in _attach(items, text):
                rows.append(_row(doc, name, title, "former" if closed and status == "current" else status, local))
        known.extend(n.name for n in names if n.basis == "text")
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["name"], r["position"]))


def _row(doc: ParsedDocument, name: Name, title: Title, status: str, context) -> dict:
    code = _code(title.head, title.kind)
    organization, basis = _organization(title, context)
    span = (min(title.start, name.start), max(title.end, name.end))
    key = _organization_key(title, organization, basis, context)
    return doc.fact(*span, name=name.name, name_basis=name.basis, position=title.position, position_code=code,
                    position_en=_lexicon().labels.get(code, "Other office"), organization=organization,
                    organization_key=key if organization else "", organization_basis=basis, status=status,
                    is_city_secretary=code == "secretary")


def _organization_key(title: Title, organization: str, basis: str, context: tuple[str, str]) -> str:
    """One key per body (organizations.organization_key): a body the organisation names
    ("HĐND thành phố Hải Phòng", "Đảng bộ các cơ quan Đảng ..."), else the title's kind of body and
    its place; national bodies have no place."""
    if not organization:
        return ""
    place = context[1] if basis == "context" else title.place
    if title.kind == "party_committee" and organization in {"Đảng bộ", "Đảng ủy"} and context[2]:
        return context[2]  # a bare "Đảng bộ" is the body the article is about ("Phó Bí thư chuyên trách Đảng bộ")
    if title.kind in _BODY_KINDS or (not title.kind and title.head in _PARTY_HEADS):
        key = organizations.key_for_name(organization, place)
        if key:
            return key
    kind = title.kind or "provincial_committee"
    return organizations.organization_key(kind, "" if title.national else place)


def extract_credits(doc: ParsedDocument) -> list[dict]:
    """Photo credits (``Ảnh: X``) and bylines (a bare name closing the article).

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> d = Document("d", "d.txt", "Toàn cảnh. Ảnh: Minh Anh - TTXVN\\nHội nghị bế mạc.\\nHOÀNG NAM", "")
    >>> [(r["name"], r["role"], r["outlet"]) for r in extract_credits(parse_document(d))]
    [('Minh Anh', 'photo', 'TTXVN'), ('HOÀNG NAM', 'author', '')]
    """
    text = doc.text
    rows = []
    for match in _PHOTO.finditer(text):
        if match.group(1).split()[0] in _BODY_WORDS:
            continue  # "Ảnh: Ban tổ chức", "Ảnh: Cổng TTĐT ..." credit a body, not a photographer
        outlet_first = _PHOTO_OUTLET_FIRST.match(text, match.start())  # "Ảnh: VGP/Nhật Bắc"
        if outlet_first:
            rows.append(doc.fact(outlet_first.start(2), outlet_first.end(2), name=outlet_first.group(2), role="photo",
                                 outlet=outlet_first.group(1)))
            continue
        rows.append(doc.fact(match.start(1), match.end(1), name=match.group(1), role="photo", outlet=match.group(2) or ""))
    for start, end in reversed(paragraphs(text)[-3:]):
        line = text[start:end].strip(" ./")
        if line.lower() in _UI_WORDS:
            continue
        if _is_byline(line):
            rows.append(doc.fact(start, start + len(line), name=line, role="author", outlet=""))
        break
    return rows


def _is_byline(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 4 and all(re.fullmatch(rf"{_CAP_WORD}|{_UPPER_WORD}", w) for w in words)
            and not line.endswith((".", ":")))
