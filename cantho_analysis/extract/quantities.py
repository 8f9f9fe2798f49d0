"""Quantities: every number stated as a fact, with unit, metric, kind, qualifier and term.

Numbers are read in Vietnamese format (``.`` thousands, ``,`` decimals) with babel.  Dates,
standalone years, ordinals, Party anniversaries and document numbers are never quantities.
A number needs a recognised unit to be reported: a bare number is not a fact we can label.
"""

from __future__ import annotations

import functools
import heapq
import re

from ..load.textnorm import lower_in_place
from .lexicon import load_yaml
from .metadata import header_year
from .organizations import bodies_of
from .parse import ParsedDocument
from .patterns import LOWER as _LOWER
from .patterns import UPPER, date_spans, parse_vi_number, scan_from, standalone_years, year_spans
from .sentences import CAPTION

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# "năm" (five) is left out: it is far more often "year".
_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# Unit phrases, longest first; each maps to a codebook unit.  The value is multiplied by nothing:
# values stay "in the stated unit".
_UNITS = [
    (r"nghìn\s+t[ỷỉ]\s+đồng|ngàn\s+t[ỷỉ]\s+đồng|nghìn\s+t[ỷỉ]", "thousand_billion_vnd"),
    (r"t[ỷỉ]\s+đồng|t[ỷỉ]\s+VNĐ|t[ỷỉ]\s+VND", "billion_vnd"),
    (r"triệu\s+đồng(?:/người(?:/năm)?)?", "million_vnd"),
    (r"t[ỷỉ]\s+USD|t[ỷỉ]\s+đô\s+la(?:\s+Mỹ)?", "billion_usd"),
    (r"triệu\s+USD|triệu\s+đô\s+la(?:\s+Mỹ)?", "million_usd"),
    # "đạt trên 130.000 tỉ", "khoảng 104 triệu/người": the currency is left implicit.
    (r"t[ỷỉ](?!\s*lệ)(?=\s*[,.;)/]|\s*$|\s+(?:và|trong|so|năm|,))", "billion_vnd"),
    (r"triệu(?=\s*[,.;)/]|\s*$|\s+(?:và|so|năm))", "million_vnd"),
    (r"USD", "usd"),
    (r"đồng(?!\s+chí)", "vnd"),
    (r"%(?:\s*/\s*năm)?", "percent"),
    (r"chỉ\s+tiêu", "targets"),
    (r"nhóm\s+nhiệm\s+vụ|nhiệm\s+vụ|khâu\s+đột\s+phá|đột\s+phá|nhóm\s+giải\s+pháp|giải\s+pháp|chương\s+trình", "tasks"),
    (r"tổ\s+chức\s+cơ\s+sở\s+đảng|tổ\s+chức\s+đảng|tổ\s+chức|tập\s+thể|đảng\s+bộ(?:\s+bộ\s+phận)?|chi\s+bộ|doanh\s+nghiệp"
     r"|hợp\s+tác\s+xã|cơ\s+quan|đơn\s+vị", "organizations"),
    (r"đảng\s+viên|đại\s+biểu|đồng\s+chí|người|cán\s+bộ|lao\s+động|hộ|học\s+sinh|công\s+nhân|chiến\s+sĩ"
     r"|thành\s+viên|ủy\s+viên|phó\s+bí\s+thư|cá\s+nhân", "persons"),
    (r"lần(?!\s+thứ)", "ratio"),
    (r"năm(?!\s+(?:19|20)\d{2})", "years"),
    (r"ngày", "days"),
    (r"ha|hécta|héc-ta", "ha"),
    (r"km2|km²", "km2"),
    (r"m2|m²", "m2"),
    (r"km", "km"),
]
# One named group per unit and no other group: match.lastgroup names the unit found.
_UNIT_RE = re.compile(r"[ \t]*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS)) + r")(?!\w)", re.IGNORECASE)
_PEOPLE_NOUNS = r"phó\s+bí\s+thư|đồng\s+chí|ủy\s+viên|thành\s+viên|đại\s+biểu|tập\s+thể|cá\s+nhân"
_RANK_WORDS = {"nhất": 1, "nhì": 2, "tư": 4, "năm": 5}
# Run on the lower-cased text (textnorm.lower_in_place): case-sensitive matching is much faster.
_NUMBER_RE = re.compile(
    # "hai con số" / "2 con số" (double-digit growth) first: "2" alone would be a count.
    rf"(?<!\w)(?P<two>(?:hai|(?<![.,/:-])2)\s+con\s+số)"
    rf"|(?<![\w.,/:-])(?P<a>{_NUM})(?:\s*/\s*(?P<den>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?!\s*/)|\s*(?:[-–]|đến)\s*(?P<b>{_NUM})(?=\s*[%\w]))?(?![\d/]|,\d|\.\d)"
    rf"|(?<!\w)(?P<w>{'|'.join(_WORD_NUMBERS)})(?=\s+(?:ngày|năm|tháng|chỉ\s+tiêu|nhiệm\s+vụ|khâu|nhóm|đột\s+phá|{_PEOPLE_NOUNS})\b)"
    # "năm" is five only before a noun of people: elsewhere it is "year".
    rf"|(?<!\w)(?P<five>năm)(?=\s+(?:{_PEOPLE_NOUNS})\b)"
    rf"|(?<=thứ\s)(?P<rank>nhất|nhì|{'|'.join(_WORD_NUMBERS)}|tư|năm)(?!\w)")
# Where a number can start: a digit, or a number word (a branch of plain words, which the regex
# engine scans for quickly).  See _numbers.
_NUMBER_WORD_START = re.compile("|".join(sorted({*_WORD_NUMBERS, *_RANK_WORDS})))
# Every number in words is followed by one of these nouns (or is "hai con số"), or follows "thứ":
# a sentence without any of these holds none, and is not searched for them.
_NUMBER_WORD_HINT = re.compile("|".join(
    [rf"{word}\s+(?:ngày|năm|tháng|chỉ|nhiệm|khâu|nhóm|đột|phó|đồng|ủy|thành|đại|tập|cá|con)" for word in (*_WORD_NUMBERS, "năm")]
    + [r"thứ\s"]))


def _numbers(low: str, start: int, end: int):
    """The matches of ``_NUMBER_RE.finditer(low, start, end)``, tried only where a digit or a number
    word starts.  A match of digits never overlaps one of words, so the two runs merge by position."""
    digits = scan_from(_NUMBER_RE, low, start, end)
    if not _NUMBER_WORD_HINT.search(low, max(0, start - 4), end):  # "thứ " may end the line before
        return digits
    return heapq.merge(digits, scan_from(_NUMBER_RE, low, start, end, starts=_NUMBER_WORD_START), key=re.Match.start)


# Words right before a number that make it no quantity: an ordinal, a date part, a document's
# number ("Nghị quyết 57"), an anniversary.  Checked with str.endswith on the normalised tail of
# the text before the number, which is much faster than a regex anchored at the end.
_NOT_QUANTITY_WORDS = (
    "số", "thứ", "khóa", "quý", "kỳ", "tháng", "ngày", "năm", "lần", "điều", "khoản", "phường", "quận", "kỷ niệm",
    "chặng đường", "suốt", "trải qua", "kế hoạch", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "quy định",
    "nghị định", "(?<!kỷ )(?<!kỉ )luật", "hướng dẫn", "thông báo", "đề án", "thông tư", "công văn")


# ("luật" is a law's name, "kỷ luật 5 đảng viên" a count of the disciplined.)
# One of them at the end of the tail, as a whole word ([^\W_] is a letter or digit, str.isalnum).
# No word of the list ends another, so at most one matches.
_NOT_QUANTITY_END = re.compile(rf"(?<![^\W_])(?:{'|'.join(_NOT_QUANTITY_WORDS)})\Z")


def _no_quantity_before(tail: str) -> bool:
    words = " ".join(tail.lower().split())
    found = _NOT_QUANTITY_END.search(words)
    return bool(found) and not (found.group() == "số" and words.endswith("tổng số"))


_RANK_BEFORE = re.compile(r"(?:đứng|xếp|vươn\s+lên)\s+(?:hạng\s+|thứ\s+)$", re.IGNORECASE)
# "xếp thứ 2 trong 5 thành phố": the 5 is the base of the rank, not a fact of its own.
_RANK_BASE_BEFORE = re.compile(r"(?:thứ|hạng)\s+\d+\s+(?:trong|trên|/)\s+(?:số\s+)?$", re.IGNORECASE)
# "gấp 3 lần", "tăng 1,6 lần": a multiple of a base ("3 lần" alone counts occurrences).
_RATIO_BEFORE = re.compile(r"(?:gấp|tăng)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$", re.IGNORECASE)
# Anniversaries ("95 năm Ngày thành lập", "80 năm Cách mạng Tháng Tám") and review periods
# ("tổng kết 10 năm thực hiện Nghị quyết") are spans of history, not facts.
_ANNIVERSARY_AFTER = re.compile(
    r"\s*năm\s+(?:Ngày\s+(?!càng)|thành\s+lập|truyền\s+thống|thành\s+phố\s+trực\s+thuộc|giải\s+phóng|Cách\s+mạng|Chiến\s+thắng"
    r"|Quốc\s+khánh|thực\s+hiện|triển\s+khai|thi\s+hành)", re.IGNORECASE)
# A number with no listed unit counts the noun after it ("156 tham luận"); these words are no noun.
_NOT_NOUN = {"và", "hoặc", "trong", "của", "so", "với", "đến", "tới", "từ", "trên", "dưới", "là", "được", "đã", "có",
             "thì", "mà", "này", "đó", "khi", "cho", "tại", "về", "giờ", "phút", "giây", "tuần", "tháng", "quý", "kỳ",
             "tuổi", "năm", "ngày", "lần", "hơn", "nữa", "người", "theo", "để", "các", "những", "như", "sau", "trước",
             "cấp", "nghìn", "ngàn", "triệu", "vạn"}
# "60 nghìn đảng viên" is 60,000 persons; "nghìn tỷ" stays a money unit.
_SCALE = re.compile(r"[ \t]+(nghìn|ngàn|triệu|vạn)(?![ \t]+(?:t[ỷỉ]|đồng|USD|đô))", re.IGNORECASE)
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6}
_NOUN_WORD = re.compile(rf"[ \t]+([{_LOWER}]+)")
_DOCNUM_AFTER = re.compile(r"\s*[-/]\s*[A-ZĐ]")
# The word before a number that qualifies it, in one pattern (one search per number).
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?P<at_least>tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn)|(?P<more_than>hơn|trên)"
    r"|(?P<approx>khoảng|gần|xấp\s+xỉ|trên\s+dưới)|(?P<exceeds>vượt)|(?P<less_than>(?<!trên\s)dưới))\s+$", re.IGNORECASE)
_AT_LEAST_BEFORE = re.compile(r"từ\s+$", re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(r"\s*trở\s+lên", re.IGNORECASE)
_ESTIMATE = re.compile(r"\bước\b", re.IGNORECASE)
# Frames (docs/term_rules.md): a target cue opens a run of targets that goes on, across
# sentences and paragraphs, until a review cue or a year already past closes it.
# Every alternative of the cue patterns starts with a literal, which lets the regex engine skip
# ahead quickly (an optional or look-behind start makes it try every alternative at every character).
_TARGET_CUE = re.compile(
    r"đặt\s+(?:ra\s+)?mục\s+tiêu|mục\s+tiêu|phấn\s+đấu|các\s+chỉ\s+tiêu\s+(?:chủ\s+yếu|cụ\s+thể)"
    r"|chỉ\s+tiêu\s+(?:chủ\s+yếu|cụ\s+thể)|định\s+hướng|tầm\s+nhìn|kịch\s+bản\s+tăng\s+trưởng",
    re.IGNORECASE)
# A target named inside a review ("vượt chỉ tiêu đề ra là 7%", "(chỉ tiêu Nghị quyết là ...)") holds for
# its clause only, as do years and "ước".
_TARGET_REF = re.compile(
    r"chỉ\s+tiêu\s+(?:đề\s+ra|đặt\s+ra|là|từ)|chỉ\s+tiêu\s+(?:của\s+)?nghị\s+quyết(?=\s+(?:là|từ|đề\s+ra|đặt\s+ra)|\s*:?\s*\d)"
    r"|kế\s+hoạch\s+(?:đề\s+ra|năm)|dự\s+kiến|nghị\s+quyết[^;,.()]{0,40}?(?:đề|đặt)\s+ra"
    # A scenario or a requirement ("kịch bản quý IV tăng 12,5%", "quý IV cần tăng khoảng 10,5%").
    r"|kịch\s+bản|(?:cần|phải)\s+(?:tăng|đạt)|để\s+(?:cả\s+năm\s+)?đạt",
    re.IGNORECASE)
_REVIEW_CUE = re.compile(
    # "chưa đạt mục tiêu đề ra", "đã đạt mục tiêu": a target named in a review opens no target frame.
    r"(?:đã\s+|chưa\s+|không\s+)?đạt\s+(?:được\s+)?(?:các\s+|nhiều\s+)?mục\s+tiêu(?:\s+(?:đề|đặt)\s+ra)?"
    r"|nhiệm\s+kỳ\s+(?:vừa\s+)?qua|giai\s+đoạn\s+(?:vừa\s+)?qua|những\s+năm\s+qua|năm\s+qua|đạt\s+và\s+vượt|đạt,\s+vượt"
    r"|kết\s+quả|đã\s+đạt|đạt\s+được|so\s+(?:với\s+)?(?:năm|cùng\s+kỳ)|vượt(?=\s+chỉ\s+tiêu)|chưa\s+đạt|tháng\s+đầu\s+năm"
    r"|hoàn\s+thành\s+(?:các\s+|nhiều\s+)?mục\s+tiêu|thực\s+hiện\s+thắng\s+lợi\s+(?:các\s+|nhiều\s+)?mục\s+tiêu",
    re.IGNORECASE)
# "phấn đấu hoàn thành mục tiêu": a resolve before a review word makes it prospective.
# "để đạt mục tiêu" (in order to reach it) looks ahead too.
_RESOLVE = re.compile(r"phấn\s+đấu|quyết\s+tâm|\bsẽ\b|\bcần\b|\bphải\b|\bđể\s+$", re.IGNORECASE)
# "hoàn thành và vượt 14/17 chỉ tiêu chủ yếu", "đạt 13 chỉ tiêu chủ yếu": targets counted in a
# review, which sets no target frame but a review one.
_TALLIED_BEFORE = re.compile(r"(?:\d+\s*/\s*\d+|(?:đạt|vượt|hoàn\s+thành)(?:\s+(?:và|,)\s*vượt)?\s+\d+)\s+(?:các\s+)?$", re.IGNORECASE)
_FRAME_YEAR = re.compile(r"(?<![\d/.,\-–])((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?![\d/])")


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source (``a|b(?:c|d)`` -> ``a``, ``b(?:c|d)``)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return parts + [source[start:]]


# All cues in one pass; at one position the first alternative wins, so a review that contains a
# target word ("hoàn thành mục tiêu") is one review cue.
# "ước" and years are checked for a word or number before them in _cues, not by a look-behind.
# The alternatives are flattened into one branch, each marked by an empty group named after its
# kind: when every alternative starts with a plain letter or digit the regex engine scans for those
# first characters only, instead of trying every alternative at every character (several times
# faster).  _cue_kind reads the kind back from ``match.lastgroup``.
_CUE_SOURCE_FLAT = "|".join(f"{alternative}(?P<{kind}_{i}>)" for kind, source in
                            (("review", _REVIEW_CUE.pattern), ("target", _TARGET_CUE.pattern), ("ref", _TARGET_REF.pattern),
                             ("estimate", r"ước(?!\w)"),
                             ("year", r"19\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\d/])|20\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\d/])"))
                            for i, alternative in enumerate(_alternatives(source)))
# The cues are written in lower case: matching them case-sensitively on a lower-cased copy of the
# sentence is several times faster than IGNORECASE on Vietnamese text.
_CUE_RE_LOWER = re.compile(_CUE_SOURCE_FLAT)


def _cue_kind(match: re.Match) -> str:
    return match.lastgroup.rsplit("_", 1)[0]


_CUE_KIND = {"review": ("review", False), "target": ("target", False), "ref": ("target", True), "estimate": ("estimate", True)}
_OUTCOME_AFTER = re.compile(r"^[^;,.]{0,60}?(?:đạt|vượt|chưa\s+đạt|không\s+đạt|hoàn\s+thành)", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:(]")
_LOOKBACK = 300


@functools.lru_cache(maxsize=None)
def _metric_rules():
    rules = []
    for rule in load_yaml("metrics.yaml")["metrics"]:
        # Cues are lower case and matched on lower-cased text (faster than IGNORECASE).
        cues = re.compile("|".join(f"(?:{c})" for c in rule["cues"]))
        rules.append((rule["code"], rule["en"], set(rule["units"]), cues))
    return rules


def _unit_after(text: str, pos: int):
    match = _UNIT_RE.match(text, pos)
    if not match:
        return None
    return _UNITS[int(match.lastgroup[1:])][1], match.end()


# A capitalised word (not the first of its sentence) right before a number, or a name that is
# numbered although its last word is written in lower case.
_NAME_BEFORE = re.compile(rf"(?<=\w\s)[{UPPER}][{_LOWER}]*\s+\Z")
_NUMBERED_NAME_BEFORE = re.compile(r"(?<!\w)(?:quân\s+khu|quân\s+đoàn|sư\s+đoàn|trung\s+ương)\s+\Z")


def _noun_after(text: str, pos: int, value: float, match: re.Match):
    """("count", end) for a whole number followed by a noun not in the unit list: the noun is
    its first two lower-case words ("156 tham luận", "9 tổ đại biểu" -> "tổ đại")."""
    if not value.is_integer() or match.group("b") or match.group("den") or 1900 <= value <= 2100:
        return None
    before = text[max(0, match.start() - 30):match.start()]
    if _NAME_BEFORE.search(before) or _NUMBERED_NAME_BEFORE.search(before.lower()):
        return None  # the number in a name ("Sông Hậu 2", "Quân khu 7", "Trung ương 11"), not a count
    end, words = pos, 0
    while words < 2:
        word = _NOUN_WORD.match(text, end)
        if not word or word.group(1) in _NOT_NOUN:
            break
        end, words = word.end(), words + 1
    return ("count", end) if words else None


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    cut = [m.end() for m in _CLAUSE_START.finditer(text, sent_start, pos)]
    return cut[-1] if cut else sent_start


# The first words of a clause that has no subject of its own: a time, a verb, a qualifier, or the
# plan the figure is measured against ("(chỉ tiêu Nghị quyết từ 8-9%/năm)").
_LEADS_ON = re.compile(r"\s*(?:trong\s+đó\s*,?\s*)?(?:(?:năm|quý|tháng|giai\s+đoạn|cả\s+năm|bình\s+quân|ước|dự\s+kiến|riêng|đạt|tăng|"
                       r"giảm|vượt|chiếm|bằng|còn|là|đến|tới|từ|hơn|trên|gần|khoảng|chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|so\s+với)(?!\w)|\d|$)")


_SUB_CLAUSE_CUT = re.compile(r",|\svà\s")


def _metric(clause: str, sentence_before: str, unit: str, unit_surface: str) -> tuple[str, str]:
    """Metric of a number.

    Counts take the first rule (in file order) whose cue is in the nearest sub-clause (after the
    last "và", then the last ","), then the clause, then the unit itself.  Rates and money take
    the cue closest to the number (the longer of two that end together), in the clause and then
    in the sentence."""
    clause, sentence_before, unit_surface = (lower_in_place(t) for t in (clause, sentence_before, unit_surface))
    rules = [r for r in _metric_rules() if not r[2] or unit in r[2]]
    if unit in {"persons", "organizations", "targets", "tasks", "count"}:
        # "kiểm tra 5 tổ chức và giám sát 9 đảng viên": the words after "và" first, then after the comma.
        for scope in (_SUB_CLAUSE_CUT.split(clause)[-1], clause.rsplit(",", 1)[-1], clause, unit_surface):
            for code, en, _, cues in rules:
                if cues.search(scope):
                    return code, en
        return "other", "Other"
    # The sentence before the clause names the indicator only when the clause goes on with it
    # ("...; năm 2022 đạt 7%"), not when it opens a subject of its own ("...; số vụ tội phạm giảm 0,3%").
    # A ")" in the clause closes the parenthesis that cut it ("Tốc độ tăng trưởng (GRDP) năm 2024 đạt").
    # "khu vực I (nông nghiệp) đạt tăng trưởng": the subject stands before the parenthesis, so
    # the words before it are read together with the clause.
    goes_on = len(clause) == len(sentence_before) or _LEADS_ON.match(clause)
    scopes = (sentence_before,) if ")" in clause else (clause, sentence_before) if goes_on else (clause,)
    for scope in scopes:
        best = None
        for code, en, _, cues in rules:
            for match in cues.finditer(scope):
                # Closest to the number first; of two cues ending there, the longer one
                # ("nông nghiệp tăng trưởng" over "tăng trưởng"); then the rule's order in the file.
                rank = (len(scope) - match.end(), match.start())
                if best is None or rank < best[0]:
                    best = (rank, code, en)
        if best:
            return best[1], best[2]
    return "other", "Other"


def _count_metric(unit: str, kind: str, after: str) -> tuple[str, str]:
    if kind == "plan_count":
        code = "plan_targets" if unit == "targets" else "plan_tasks"
    elif kind in ("on_track", "below_target"):
        code = f"targets_{kind}"
    else:
        code = "targets_unmet" if re.match(r"^[^;,.]{0,40}?(?:chưa|không)\s+đạt", after, re.IGNORECASE) else "targets_met"
    en = next(rule[1] for rule in _metric_rules() if rule[0] == code)
    return code, en


# "tăng 12,5% so với năm 2020", "gấp 3 lần so năm 2010": the year compared with.
_BASE = re.compile(r"\bso\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:năm\s+)?((?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
# "từ năm 2011 đến nay", "từ 2015 trở lại đây": a starting point, not the period of the figure.
_SINCE = re.compile(r"\b(?:từ|kể\s+từ)\s+(?:năm\s+)?(?:19|20)\d{2}\s+(?:đến|tới|trở\s+lại)\s+(?:nay|đây)", re.IGNORECASE)
# "từ 40 - 75 năm tuổi Đảng": years of membership, the cue after the unit.
_MEMBERSHIP_AFTER = re.compile(r"\s*tuổi\s+Đảng", re.IGNORECASE)
_COUNT_UNITS = {"persons", "organizations", "count", "years", "days", "ha", "km", "km2", "m2"}


# "11/20 chỉ tiêu đạt tiến độ" (on schedule) and "2 chỉ tiêu dự kiến đạt thấp" (expected to fall
# short) are neither met nor missed: they have kinds of their own.
_ON_TRACK_AFTER = re.compile(r"^[^;,.]{0,40}?đạt\s+(?:theo\s+)?tiến\s+độ", re.IGNORECASE)
_BELOW_AFTER = re.compile(r"^[^;,.]{0,40}?(?:dự\s+kiến\s+)?đạt\s+thấp", re.IGNORECASE)
# A level reached ("cán mốc 100.000 tỷ đồng") is a result, whatever frame it stands in.
_MILESTONE = re.compile(r"(?:cán|vượt|chạm)\s+mốc\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
# The make-up of a body ("cấp ủy viên là nữ chiếm 17%", "trẻ dưới 35 tuổi đạt 11%") is a share, not a target.
_COMPOSITION = re.compile(r"(?<!\w)(?:là\s+)?nữ(?!\w)|(?<!\w)trẻ(?!\w)|dưới\s+\d+\s+tuổi|dân\s+tộc\s+thiểu\s+số|tái\s+cử|lần\s+đầu", re.IGNORECASE)
_EXPECTED_PRESENT = re.compile(r"dự\s+kiến\s+(?:sẽ\s+)?(?:có|mời)\s+(?:khoảng\s+|hơn\s+|trên\s+)?$", re.IGNORECASE)
# A project's cost ("tổng kinh phí", "tổng mức đầu tư") is neither a result nor a target.
# "Tổng vốn đầu tư đạt 150.000 tỉ" is the economy's investment; a project's "tổng vốn" is its cost.
_COST = re.compile(r"kinh\s+phí|tổng\s+mức\s+đầu\s+tư|(?:dự\s+án|công\s+trình)[^;.]{0,60}?tổng\s+vốn", re.IGNORECASE)


def _kind(unit: str, clause: str, after: str, frame: tuple[str, bool], ratio: bool = False) -> str:
    """Kind of a number from its unit, its clause and the frame it stands in (see _frames)."""
    if unit == "rank":
        return "rank"
    if unit in {"targets", "tasks"}:
        if _ON_TRACK_AFTER.search(after):
            return "on_track"
        if _BELOW_AFTER.search(after):
            return "below_target"
        if _OUTCOME_AFTER.search(after) or ratio:
            return "achieved"
        return "plan_count"
    name, same_paragraph = frame
    if unit == "percent" and _COMPOSITION.search(clause[-60:]):
        return "count"
    if unit in ("persons", "organizations") and _EXPECTED_PRESENT.search(clause[-30:]):
        return "count"  # "dự kiến có 70 đại biểu khách mời": who is expected to attend, no target
    if _MILESTONE.search(clause) and not _RESOLVE.search(clause):
        return "achieved"
    if _ESTIMATE.search(clause) or name == "estimate":
        return "estimated"
    if _COST.search(clause[-100:]) and unit.endswith(("vnd", "usd")):
        return "other"
    if name == "target" and (unit not in _COUNT_UNITS or same_paragraph):
        return "target"
    if unit in _COUNT_UNITS:
        return "count"
    return "achieved"


# A sentence that opens with a term or period: "Nhiệm kỳ 2020-2025, ...", "Trong giai đoạn 2026 - 2030, ...".
_LEAD_TERM = re.compile(r"(?:trong\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn)\s+((?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})\s*,")


def _on_caption_line(text: str, start: int) -> bool:
    """The line from *start* credits a photo: a caption, which frames nothing after it."""
    line_end = text.find("\n", start)
    return CAPTION.search(text, start, line_end if line_end >= 0 else len(text)) is not None


def _frames(doc: ParsedDocument) -> list[tuple[tuple[str, int], list[tuple[int, int | None, str]]]]:
    """For each sentence: the frame carried in (name, paragraph it was set in) and its cues
    ``(start, end of scope or None, frame)`` in document offsets.

    ``target`` opens at a target cue ("phấn đấu", "đặt mục tiêu", "các chỉ tiêu chủ yếu");
    ``review`` at a review cue ("nhiệm kỳ qua", "đạt và vượt", "hoàn thành mục tiêu").  Both carry
    over into the next sentences and paragraphs until another such cue, as does a term opening a
    sentence ("Nhiệm kỳ 2020-2025, ...") by its years (see _year_cue).  A target named inside a
    review ("vượt chỉ tiêu đề ra là ..."), a year after or before the article's own, and "ước"
    (``estimate``) hold for their clause only; any cue inside parentheses ends at the ``)``.
    """
    year = header_year(doc.text)
    low = doc.low
    carried, frames = ("", -1), []
    for sentence in doc.sentences:
        cues = [(sentence.start + offset, None if close is None else sentence.start + close, name)
                for offset, name, close in _cues(sentence.text, low[sentence.start:sentence.end], year)]
        frames.append((carried, [(a, b, name, sentence.para_id) for a, b, name in cues]))
        opening = [name for _, close, name in cues if close is None and not name.endswith("_year")]
        if not opening and (lead := _LEAD_TERM.match(low, sentence.start, sentence.end)):
            # "Nhiệm kỳ 2020-2025, ..." opening a sentence frames what follows by its years.
            opening = [name.removesuffix("_year") for start, _, name in cues if start == lead.start(1) and name]
        if opening and not _on_caption_line(doc.text, sentence.start):
            carried = (opening[-1], sentence.para_id)
    return frames


def _cues(text: str, low: str, year: int | None) -> list[tuple[int, str, int | None]]:
    """``(offset, frame, end of scope)`` of every cue in a sentence; the scope of a frame cue is
    open (None), that of a clause cue ends at the next ``;`` or at the sentence end, and any cue
    inside parentheses ends at the ``)``."""
    result = []
    for match in _CUE_RE_LOWER.finditer(low):
        offset = match.start()
        before = text[offset - 1:offset]
        group = _cue_kind(match)
        if (group == "year" and before and before in "0123456789/.,-–") or (group == "estimate" and before.isalnum()):
            continue
        if group == "year":
            name = _year_cue(text, match, year)
            clause = True
        else:
            name, clause = _CUE_KIND[group]
            if group == "review" and _RESOLVE.search(text, max(0, offset - 30), offset):
                continue  # "phấn đấu hoàn thành mục tiêu" looks ahead
            if name == "target" and _TALLIED_BEFORE.search(text, max(0, offset - 40), offset):
                name = "review"
        if not name:
            continue
        opened, closed = text.rfind("(", 0, offset), text.find(")", offset)
        if opened > text.rfind(")", 0, offset) and closed != -1:
            result.append((offset, name, closed))
        elif clause:
            stop = text.find(";", offset)
            result.append((offset, name, stop if stop != -1 else len(text)))
        else:
            result.append((offset, name, None))
    return result


def _year_cue(text: str, match: re.Match, year: int | None) -> str:
    """A year after the article's own, or one it works toward ("đến năm 2030"), is a target; a
    year before it is a review, and so is a term that ends in it ("Nhiệm kỳ 2020-2025, ..." in
    2025: the outgoing term); the article's own year alone says nothing."""
    span = _FRAME_YEAR.match(text, match.start())
    first, last = int(span.group(1)), int(span.group(2) or span.group(1))
    horizon = re.search(r"đến\s+(?:năm\s+)?$", text[max(0, match.start() - 10):match.start()], re.IGNORECASE)
    if (horizon and (year is None or last > year)) or (year and first > year):
        return "target_year"
    if year and (last < year or first < last == year) and not horizon:
        return "review_year"
    return ""


def _frame_at(frame, offset: int, para_id: int) -> tuple[str, bool]:
    """The frame at *offset* (the latest cue whose scope covers it, else the carried one), and
    whether a cue of this paragraph set it."""
    (carried, carried_para), cues = frame
    # A year only says when; any worded cue over the same words says more.
    for strong in (True, False):
        for start, end, name, para in reversed(cues):
            if start <= offset and (end is None or offset < end) and strong != name.endswith("_year"):
                return name.removesuffix("_year"), para == para_id
    return carried, carried_para == para_id


def _qualifier(text: str, floor: int, start: int, end: int) -> tuple[str, int, int]:
    """The qualifier of the number at ``start:end``, and the span widened to cover its words
    ("từ 10% trở lên", "hơn 3.100 đảng viên"); *floor* is the sentence start."""
    before = text[max(floor, start - 20):start]
    tail = _AT_LEAST_AFTER.match(text, end)
    if tail:
        lead = _AT_LEAST_BEFORE.search(before)
        return "at_least", start - len(before) + lead.start() if lead else start, tail.end()
    cue = _QUALIFIER_BEFORE.search(before)
    if cue:
        return cue.lastgroup, start - len(before) + cue.start(), end
    return "", start, end


def _ref_periods(doc: ParsedDocument) -> list[str]:
    """Year or span each sentence refers to: its own first span or year, else the closest earlier
    sentence's in the same paragraph.  A base year of a comparison ("so với năm 2021") is not
    the period.  One pass, so long paragraphs stay linear."""
    periods, carried, para = [], "", -1
    for sentence in doc.sentences:
        if sentence.para_id != para:
            carried, para = "", sentence.para_id
        text = _BASE.sub(" ", sentence.text) if "so" in sentence.text else sentence.text
        text = _SINCE.sub(" ", text) if "nay" in text or "đây" in text else text
        span = next(year_spans(text), None)
        years = [] if span else standalone_years(text)
        own = f"{span.group(1)}-{span.group(2)}" if span else (str(years[0]) if years else "")
        carried = own or carried
        periods.append(carried)
    return periods


def extract_quantities(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``quantities`` table for one document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> article = Document("d", "d.txt", "Năm 2024, GRDP ước tăng 6,85%; thu ngân sách đạt hơn 9.870 tỷ đồng.", "")
    >>> [(r["value"], r["unit"], r["metric"], r["kind"], r["qualifier"]) for r in extract_quantities(parse_document(article))]
    [(6.85, 'percent', 'grdp_growth', 'estimated', ''), (9870.0, 'billion_vnd', 'budget_revenue', 'achieved', 'more_than')]
    """
    low = doc.low
    rows = []
    periods = frames = bodies = None
    for sentence in doc.sentences:
        blocked = [(a + sentence.start, b + sentence.start) for a, b in date_spans(sentence.text)]
        for match in _numbers(low, sentence.start, sentence.end):
            if any(a <= match.start() < b for a, b in blocked):
                continue
            periods = periods if periods is not None else _ref_periods(doc)
            frames = frames if frames is not None else _frames(doc)
            row = _read_number(doc, sentence, match, periods[sentence.sent_id], frames[sentence.sent_id])
            if row:
                bodies = bodies or bodies_of(doc)
                row["organization"], row["organization_key"], row["organization_basis"] = bodies.at(row["start"])
                rows.append(row)
                pair = _pair_row(doc, row, match) if row["denominator"] is not None else None
                if pair:
                    rows.append(pair)
    return rows


# "(chỉ tiêu / kế hoạch / dự toán) x/y": y is the plan's figure, not a total.
_PLAN_WORDS = re.compile(r"chỉ\s+tiêu|kế\s+hoạch|dự\s+toán|nghị\s+quyết|so\s+với\s+mục\s+tiêu", re.IGNORECASE)


def _pair_row(doc: ParsedDocument, row: dict, match: re.Match) -> dict | None:
    """The row of the target ``y`` of a result ``x/y``, linked to the result's row by ``pair_id``.

    "16/18 chỉ tiêu": 18 targets in the plan (``plan_count``); "5.742/5.000 đảng viên" (more
    than planned) or a plan word near it: the target.  "18/21 xã" gives no second row: 21 is a
    total, not a target, and stays the result's ``denominator``."""
    total = row["denominator"]
    sentence = doc.sentences[row["sent_id"]]
    if row["unit"] in {"targets", "tasks"}:
        kind = "plan_count"
        metric = "plan_targets" if row["unit"] == "targets" else "plan_tasks"
        metric_en = next(rule[1] for rule in _metric_rules() if rule[0] == metric)
    else:
        near = doc.text[max(sentence.start, row["start"] - 60):min(sentence.end, row["end"] + 40)]
        if not (row["value"] > total or _PLAN_WORDS.search(near)):
            return None
        kind, metric, metric_en = "target", row["metric"], row["metric_en"]
        if row["kind"] == "count":
            row["kind"] = "achieved"  # a count measured against its target is a result
    row["pair_id"] = f"{row['doc_id']}:{row['start']}"
    start = match.start("den")
    return doc.fact(start, row["end"], value=total, value_max=None, denominator=None, pair_id=row["pair_id"],
                    unit=row["unit"], noun=row["noun"], metric=metric, metric_en=metric_en, ref_period=row["ref_period"],
                    base_period=row["base_period"], kind=kind, qualifier="", term=row["term"],
                    organization=row["organization"], organization_key=row["organization_key"],
                    organization_basis=row["organization_basis"])


# "5 tỷ 508 triệu USD": one sum of money written in two parts (5.508 million USD).
_COMPOUND_MONEY = re.compile(r"[ \t]+t[ỷỉ][ \t]+(\d{1,3})[ \t]+triệu[ \t]+(USD|đô\s+la(?:\s+Mỹ)?|đồng)(?!\w)", re.IGNORECASE)
_COMPOUND_TAIL = re.compile(r"\d[ \t]+t[ỷỉ][ \t]+\Z", re.IGNORECASE)


# "Nhiệm kỳ 2020-2025, ... đạt 6,4%/năm; năm 2024 tăng trưởng đạt 8,2%", "...; Nghị quyết năm 2026
# đặt mục tiêu 9%": a clause after ";" that names its own year refers to it, not to the sentence's
# period (a horizon "đến năm 2030" or a base "so với năm 2020" is no such year).
_CLAUSE_YEAR = re.compile(r";(?:[^;]*?\s)?(?<!đến\s)(?<!tới\s)(?<!từ\s)(?<!với\s)năm\s+((?:19|20)\d{2})(?![\d/\-–])[^;]*\Z",
                          re.IGNORECASE)


def _after_article_year(doc: ParsedDocument, period: str) -> bool:
    """Whether *period* starts after the year the article's header dates it."""
    year = doc.shared("header_year", lambda d: header_year(d.text))
    return bool(year and period[:4].isdigit() and int(period[:4]) > year)


def _read_number(doc: ParsedDocument, sentence, match: re.Match, ref_period: str, frame_events):
    text = doc.text
    # Only the clause since the last ";" within the look-back window: a sentence of thousands of
    # numbers stays linear.
    semicolon = text.rfind(";", max(sentence.start, match.start() - _LOOKBACK), match.start())
    clause_year = _CLAUSE_YEAR.match(text, semicolon, match.start()) if semicolon != -1 else None
    if clause_year:
        ref_period = clause_year.group(1)
    if _COMPOUND_TAIL.search(text, max(0, match.start() - 8), match.start()):
        return None  # the "508" of "5 tỷ 508 triệu USD", read with the "5"
    before = text[max(sentence.start, match.start() - 40):match.start()]
    tail = before[-24:]  # the longest word the look-back patterns end with fits in 24 characters
    if (_no_quantity_before(tail) and not _RANK_BEFORE.search(tail)) or (("thứ" in tail or "hạng" in tail) and _RANK_BASE_BEFORE.search(tail)):
        return None
    start = match.start()
    noun = ""
    if match.group("two"):
        value, value_max, denominator, end = 10.0, None, None, match.end()
        unit, qualifier = "percent", "at_least"
    elif match.group("rank"):
        if not _RANK_BEFORE.search(text[max(sentence.start, match.start() - 20):match.start()]):
            return None
        word = match.group("rank").lower()
        value, value_max, denominator, end = float(_RANK_WORDS.get(word) or _WORD_NUMBERS[word]), None, None, match.end()
        unit, qualifier = "rank", ""
    else:
        if match.group("w") or match.group("five"):
            value = float(_WORD_NUMBERS.get((match.group("w") or "").lower(), 5))
            value_max = denominator = None
        else:
            value = parse_vi_number(match.group("a"))
            value_max = parse_vi_number(match.group("b")) if match.group("b") else None
            denominator = parse_vi_number(match.group("den")) if match.group("den") else None
            if value is None or (match.group("b") and value_max is None):
                return None
        if _DOCNUM_AFTER.match(text, match.end()) or _ANNIVERSARY_AFTER.match(text, match.end()):
            return None
        compound = _COMPOUND_MONEY.match(text, match.end()) if match.group("a") and not match.group("b") and not match.group("den") else None
        if compound:
            value = value * 1000 + float(compound.group(1))
            unit, end = ("million_usd" if compound.group(2).lower() != "đồng" else "million_vnd"), compound.end()
        elif _RANK_BEFORE.search(before):
            unit, end = "rank", match.end()
        else:
            number_end = match.end()
            scale = _SCALE.match(text, number_end)
            direct = _unit_after(text, number_end)
            if direct and direct[0].endswith(("vnd", "usd")):
                scale = None  # "trên 104 triệu." is money with the currency left implicit
            if scale and match.group("b") is None:
                value, number_end = value * _SCALES[scale.group(1).lower()], scale.end()
            found = (direct if number_end == match.end() else _unit_after(text, number_end)) or _noun_after(text, number_end, value, match)
            if not found or (scale and found[0] not in _COUNT_UNITS):
                return None
            unit, end = found
        if unit == "ratio" and value.is_integer() and not _RATIO_BEFORE.search(before):
            unit = "count"  # "3 lần" without "gấp" counts occurrences
        if unit == "years" and 1900 <= value <= 2100:
            return None
        if unit in _COUNT_UNITS:
            noun = " ".join(text[number_end:end].split())
        qualifier, start, end = _qualifier(text, sentence.start, match.start(), end)
    # Look back a bounded window: cues sit next to their number, and an unbounded look-back would
    # make a sentence with thousands of numbers quadratic.
    window = max(sentence.start, match.start() - _LOOKBACK)
    clause_start = _clause_start(text, window, match.start())
    clause = text[clause_start:match.start()]
    after = text[end:min(sentence.end, end + 80)]
    kind = _kind(unit, clause, after, _frame_at(frame_events, match.start(), sentence.para_id), ratio=denominator is not None)
    if kind == "achieved" and _after_article_year(doc, ref_period):
        kind = "target"  # "cam kết đạt 9,5% vào năm 2030": no result is known for a year still to come
    if unit in {"targets", "tasks"}:
        metric, metric_en = _count_metric(unit, kind, after)
    else:
        metric, metric_en = _metric(clause, text[window:match.start()], unit, text[match.end():end])
        if unit == "years" and _MEMBERSHIP_AFTER.match(text, end):
            metric, metric_en = next((code, en) for code, en, _, _ in _metric_rules() if code == "years_of_membership")
    base = _BASE.search(text[end:min(sentence.end, end + 40)].split(";")[0])
    if base and any(char.isdigit() for char in text[end:end + base.start()]):
        base = None  # "85 triệu đồng, gấp 1,5 lần so với năm 2020": the base belongs to the next number
    return doc.fact(start, end, value=value, value_max=value_max, denominator=denominator, pair_id="", unit=unit, noun=noun,
                   metric=metric, metric_en=metric_en, ref_period=ref_period, base_period=base.group(1) if base else "",
                   kind=kind, qualifier=qualifier,
                   term=doc.term_at(match.start()))
