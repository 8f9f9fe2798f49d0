"""Document-level metadata: publication date, outlet, title, event type and event date.

Three header styles are recognised (a `` date YYYY-MM[-DD]`` prefix, a headline ending in a
``DD/MM/YYYY HH:MM`` timestamp, and no header), and a date missing from the header is inferred
from the body: a day-month dateline ("Sáng 3/2") plus a year from a full date with the same day
and month, from a Party-anniversary count, or from the years the article mentions.
"""

from __future__ import annotations

import datetime as dt
import re

from .parse import ParsedDocument
from .patterns import UPPER, standalone_years
from .sentences import paragraphs

_HEADER_DATE = re.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?")
_TITLE_STAMP = re.compile(r"\s+(\d{1,2})/(\d{1,2})/(\d{4})\s+\d{1,2}:\d{2}\s*$")
_DATELINE = re.compile(
    # Capitalised, as a dateline opens a sentence: "ngày 25/10/2021" inside a citation is no dateline.
    r"(?<![^\W\d_])(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Đêm)(?P<today> nay)?(?: ngày)?|Trong (?:\d+|hai|ba|bốn) ngày)"
    r"\s+\(?(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*(?:[/-]\s*|\.)(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/.]\d|\d)")
# Second choice: an event day in running text ("khai mạc vào sáng 14/10").
_EVENT_DAY = re.compile(
    r"(?:(?:khai\s+mạc|diễn\s+ra|tổ\s+chức|bế\s+mạc)(?:\s+vào)?|,)\s+(?:sáng|chiều|tối|ngày)(?P<today> nay)?\s+(?:ngày\s+)?"
    r"\(?(\d{1,2})\s*(?:[/-]\s*|\.)(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/.]\d|\d)")
# A timestamp line near the top: "Thứ ba, 01/07/2025, 12:52 PM", "17/05/2022 05:31 AM", "Thứ Năm, ngày 23/01/2025 | 07:56",
# "Thứ Hai 21/09/2020 , 18:55 (GMT+7)", "Cập nhật: 03/02/2026 16:51".
_STAMP_LINE = re.compile(
    r"^\s*(?:[^\W\d_][^\d\n|:]{0,30}\s(?=\d{1,2}:\d{2}))?"  # a section name before the time: "Chính trị 08:00 | 26/06/2025"
    r"(?:Cập nhật(?: lúc)?\s*:?\s*|(?:Thứ\s+\w+|Chủ\s+nhật)\s*,?\s*(?:ngày\s+)?|\d{1,2}:\d{2}\s*[,|]?\s*)*(\d{1,2})/(\d{1,2})/(\d{4})\s*[,|\-–]?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?)?\s*(?:\(?GMT\s*[+-]\s*\d+\)?)?\s*$"
    # ... or glued to the first word of the body, a line break lost in extraction ("14/12/2021Ngày 13/12, ...").
    rf"|^\s*(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?=[{UPPER}][^\W\d_])", re.IGNORECASE)
_BYLINE_STAMP = re.compile(r"^\s*[^\d\n]{2,40}?\s[-–]\s(\d{1,2})/(\d{1,2})/(\d{4}),?\s*\d{1,2}:\d{2}")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
_CONGRESS_TERM = re.compile(r"(?:Đại\s+hội|phiên\s+họp\s+(?:lần\s+)?thứ\s+nhất)[^;\n]{0,120}?"
                            r"nhiệm\s+kỳ\s+((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}", re.IGNORECASE)
_OUTLET_PAREN = re.compile(r"^\(([^()\n]{2,40})\)\s*[-–—]")
_OUTLET_CAPS = re.compile(r"^([A-ZĐ][A-ZĐ0-9.]{1,11})\s*[-–—]\s")
_OUTLET_LINE = re.compile(r"^([A-ZĐ][A-ZĐ0-9.]{1,11})$")
# "Baovannghe.vn - Tổng Bí thư ...": a site's name opening the body; "PV Minh An/VOV Miền Trung thông tin, ...".
_OUTLET_SITE = re.compile(r"^([A-Z][A-Za-z0-9-]*\.(?:com\.vn|vn|com|net|org))\s*[-–—]\s")
_OUTLET_REPORTER = re.compile(r"^PV\s+[^/\n]{2,30}/([A-ZĐ][A-ZĐ0-9.]{1,11})\b")
# "Ảnh: Minh An - TTXVN", "Ảnh: Thu Hà/VOV"; an acronym first is the outlet of the photographer after it ("Ảnh: VGP/Nhật Bắc").
_CREDIT_OUTLET = re.compile(r"Ảnh\s*:\s*([A-ZĐ][A-ZĐ0-9]{1,11})\s*/|Ảnh\s*:[^\n()]*?[-/–]\s*([A-ZĐ][A-ZĐ0-9.]{1,11})\b")
_ANNIVERSARY = re.compile(r"(\d{1,3}) năm (?:Ngày )?thành lập Đảng", re.IGNORECASE)
_EVENT_CUES = (
    ("anniversary_meeting", re.compile(r"(?:họp mặt|lễ|mít tinh)?\s*kỷ niệm \d{1,3} năm|\d{1,3} năm (?:Ngày )?thành lập Đảng", re.IGNORECASE)),
    ("congress", re.compile(r"(?:tổ chức|khai mạc|bế mạc|diễn ra|tại)\s+(?:thành công\s+)?Đại hội|^Đại hội (?:đại biểu|Đảng bộ)", re.IGNORECASE)),
    ("conference", re.compile(r"(?<!Nghị quyết )\bhội nghị\b", re.IGNORECASE)),
)
# A birth date or year, and "kể từ năm 1991" (ever since), date a person or an era, not the article.
_BIRTH = re.compile(r"sinh\s+(?:năm|ngày)[^,;.()]{0,12}|kể\s+từ\s+(?:năm\s+)?(?:19|20)\d{2}", re.IGNORECASE)
_HORIZON = re.compile(r"(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d{2}(?!\d)", re.IGNORECASE)
# The Communist Party of Viet Nam was founded on 3 February 1930 (cited in data/context.csv).
PARTY_FOUNDING_YEAR = 1930
_LEAD_CHARS = 700


def document_metadata(doc: ParsedDocument) -> dict:
    """Metadata columns of the ``documents`` table for one parsed document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> article = Document("d", "d.txt", "TTXVN - Sáng 3/2, họp mặt kỷ niệm 95 năm Ngày thành lập Đảng.", "")
    >>> m = document_metadata(parse_document(article))
    >>> m["published"], m["published_precision"], m["published_basis"], m["outlet"], m["event_type"]
    ('2025-02', 'month', 'inferred', 'TTXVN', 'anniversary_meeting')
    """
    text = doc.text
    paras = [text[a:b] for a, b in paragraphs(text)]
    title, stamp = _title(text, paras)
    stamp = stamp or _stamp_line(paras)
    published, precision, basis = _refine(_header_date(text), stamp) or stamp or ("", "", "")
    dateline = _dateline(text)
    event_type = _event_type(paras)
    if not published and dateline:
        year = _infer_year(text, dateline)
        if year:
            # An event dateline dates the event; the article may appear a day later, so only the
            # month is inferred, unless the dateline says "today" ("Chiều nay (14/10)").
            today = dateline[4]
            published = _iso(year, dateline[1], dateline[0] if today else None)
            precision, basis = ("day" if today else "month"), "inferred"
    return {
        "title": title,
        "published": published,
        "published_precision": precision,
        "published_basis": basis,
        "outlet": _outlet(paras),
        "event_type": event_type,
        "event_date": _event_date(dateline, published),
        "n_chars": len(text),
        "n_sentences": len(doc.sentences),
    }


def header_year(text: str) -> int | None:
    """Year of publication when a header states it (`` date YYYY-MM``, or a headline timestamp).

    >>> header_year(" date 2025-09-17 Đại hội ..."), header_year("Tin tức")
    (2025, None)
    """
    match = _HEADER_DATE.match(text)
    if match:
        return int(match.group(1))
    stamp = _TITLE_STAMP.search(text.split("\n", 1)[0])
    return int(stamp.group(3)) if stamp else None


def _iso(year: int, month: int, day: int | None = None) -> str:
    try:
        return dt.date(year, month, day or 1).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return ""


def _header_date(text: str):
    match = _HEADER_DATE.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    iso = _iso(year, month, day)
    return (iso, "day" if day else "month", "header") if iso else None


def _title(text: str, paras: list[str]):
    """Headline and, when the headline ends in a timestamp, the date it states.

    A `` date`` line of its own (as ``cantho-analysis fetch`` writes) may precede the headline:

    >>> text = " date 2025-10-14\\n\\nKhai mạc Đại hội Đảng bộ tỉnh lần thứ XV\\n\\nSáng 14/10, ..."
    >>> _title(text, [text[a:b] for a, b in paragraphs(text)])[0]
    'Khai mạc Đại hội Đảng bộ tỉnh lần thứ XV'
    """
    first_line = text.split("\n", 1)[0]
    match = _TITLE_STAMP.search(first_line)
    if match:
        day, month, year = (int(g) for g in match.groups())
        iso = _iso(year, month, day)
        header = _HEADER_DATE.match(first_line)
        return first_line[header.end() if header else 0:match.start()].strip(), ((iso, "day", "header") if iso else None)
    header = _HEADER_DATE.match(text)
    if header and first_line[header.end():].strip():
        return "", None  # the date line opens the body: no headline
    for para in paras[:4]:  # paras skip a date line of its own, which may precede the headline
        if _STAMP_LINE.match(para):
            continue  # a timestamp line is no headline
        if _OUTLET_PAREN.match(para) or _OUTLET_CAPS.match(para) or _DATELINE.search(para[:40]):
            break
        words = para.split()
        if 5 <= len(words) <= 40 and not para.rstrip().endswith((".", "…", "!", "?")):
            return para.strip(), None
    return "", None


def _stamp_line(paras: list[str]):
    """A timestamp on a line of its own among the first lines (a header, not a dateline), or a
    byline's ("Minh An - 25/09/2020, 22:17 GMT+07 | Thời sự").  A stamp with a time of day wins
    over a bare date, which may be the date a page was listed rather than published."""
    found = []
    # A site's breadcrumb may share the stamp's paragraph: "Trang chủ Chính trị\n11:19 | 09/12/2025 GMT+7".
    for line in (line for para in paras[:6] for line in para.split("\n")):
        match = _STAMP_LINE.match(line) or _BYLINE_STAMP.match(line)
        if match:
            day, month, year = (int(g) for g in match.groups() if g is not None)
            iso = _iso(year, month, day)
            if iso:
                found.append((not _TIME_OF_DAY.search(line), iso))
    return (min(found, key=lambda f: f[0])[1], "day", "header") if found else None


def _refine(header, stamp):
    """A month-precision header refined by a timestamp of the same month."""
    if header and stamp and header[1] == "month" and stamp[0].startswith(header[0]):
        return stamp
    return header


def _dateline(text: str):
    """``(day, month, year or None, offset, says_today)`` of the first day-month dateline in the
    lead, else of the first event day ("khai mạc vào sáng 14/10")."""
    lead = text[:_LEAD_CHARS + 800]
    match = _DATELINE.search(lead) or _EVENT_DAY.search(lead)
    if not match:
        return None
    day, month = int(match.group(2)), int(match.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, int(match.group(4)) if match.group(4) else None, match.start(), bool(match.group("today"))


def _infer_year(text: str, dateline) -> int | None:
    day, month, year = dateline[:3]
    if year:
        return year
    text = _BIRTH.sub(" ", text)
    same_day = [int(y) for y in re.findall(rf"(?<!\d)0?{day}\s*/\s*0?{month}\s*/\s*((?:19|20)\d{{2}})", text)]
    if same_day:
        return max(same_day)
    anniversary = _ANNIVERSARY.search(text)
    if anniversary:
        return PARTY_FOUNDING_YEAR + int(anniversary.group(1))
    # A birth year in a biography, and a horizon ("đến năm 2030, tầm nhìn đến năm 2045"), say
    # nothing about when the article appeared.
    years = sorted(set(standalone_years(_HORIZON.sub(" ", text))))
    congress = _CONGRESS_TERM.search(text[:_LEAD_CHARS])
    if congress and (not years or years[-1] <= int(congress.group(1))):
        # A congress is held in the first year of the term it opens ("nhiệm kỳ 2020-2025").
        return int(congress.group(1))
    cited = _year_after_cited_dates(text, day, month)
    if not years:
        return cited
    latest = years[-1]
    # An end-of-year conference reviews year Y and plans Y+1; early in the year it is held in Y+1.
    inferred = latest - 1 if month >= 10 and latest - 1 in years else latest
    # A document cited with its full date precedes the article, whatever older years it names
    # ("từng công tác tại tỉnh (trước năm 2003)").
    return max(inferred, cited or 0)


def _year_after_cited_dates(text: str, day: int, month: int) -> int | None:
    """A document cited with its full date ("Nghị quyết 66-NQ/TW ngày 30/4/2025") precedes the
    article: the dateline's year is the latest such year, or the next if the day falls earlier."""
    cited = []
    for d, m, y in re.findall(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])", text):
        cited.append((int(y), int(m), int(d)))
    if not cited:
        return None
    year, cited_month, cited_day = max(cited)
    return year if (month, day) >= (cited_month, cited_day) else year + 1


def _outlet(paras: list[str]) -> str:
    for para in paras[:8]:
        for pattern in (_OUTLET_PAREN, _OUTLET_CAPS, _OUTLET_LINE, _OUTLET_SITE, _OUTLET_REPORTER):
            match = pattern.match(para)
            if match:
                return match.group(1).strip()
    for para in paras:
        match = _CREDIT_OUTLET.search(para)
        if match:
            return match.group(1) or match.group(2)
    return ""


def _event_type(paras: list[str]) -> str:
    lead = "\n".join(paras)[:_LEAD_CHARS]
    found = []
    for name, pattern in _EVENT_CUES:
        match = pattern.search(lead)
        if match:
            found.append((match.start(), name))
    return min(found)[1] if found else "other"


def _event_date(dateline, published: str) -> str:
    if not dateline:
        return ""
    day, month, year = dateline[:3]
    if not year:
        if not published:
            return ""
        pub_year, pub_month = int(published[:4]), int(published[5:7])
        year = pub_year - 1 if month > pub_month else pub_year
    return _iso(year, month, day)
