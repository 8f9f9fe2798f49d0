"""Numbered legal and Party documents: type, number, code, issue date, issuer, subject.

A reference is identified by type, number, code and year together (``ref_key``): two documents
that share a number but differ in year or code stay two documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .lexicon import load_yaml
from .parse import ParsedDocument
from .patterns import ORDINAL_WORDS, caseless_scan

# The Party's document types (Cương lĩnh ... Công văn) and the State's (Luật ... Công văn), each
# with its code; longer names first so "Nghị quyết liên tịch" is not read as "Nghị quyết".
_TYPES = {
    "nghị quyết liên tịch": "resolution", "thông tư liên tịch": "circular", "nghị quyết": "resolution",
    "chỉ thị": "directive", "kết luận": "conclusion", "quyết định": "decision", "quy định": "regulation",
    "luật": "law", "pháp lệnh": "ordinance", "nghị định": "decree", "thông tư": "circular", "kế hoạch": "plan",
    "thông báo": "notice", "thông tri": "circular", "hướng dẫn": "guidance", "quy chế": "rules",
    "chương trình": "programme", "đề án": "project", "công văn": "letter", "tờ trình": "submission",
    "báo cáo": "report",
}
_CODE = r"[A-ZĐ][A-Za-zĐđ]*\d*(?:[-/][A-ZĐ][A-Za-zĐđ]*\d*)*"
_REF = re.compile(
    rf"(?<!\w)(?P<type>{'|'.join(_TYPES)})\s+(?:số\s+)?(?P<num>\d{{1,5}})(?![\d,.]\d)"
    rf"(?:/(?P<year>(?:19|20)\d{{2}}))?(?:\s*[-/]\s*(?P<code>{_CODE}))?"
    rf"(?P<date>,?\s+ngày\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})\s*[/-]\s*(?P<y>(?:19|20)\d{{2}}))?",
    re.IGNORECASE)
# Where a reference can start, in the lower-cased text: a type, then its number.
_REF_START = re.compile(rf"(?:{'|'.join(_TYPES)})\s+(?:số\s+)?\d")
_ISSUER_START = re.compile(r"^\s*của\s+")
# "của Quốc hội và Chỉ thị số 36": "và" before another document ends the issuer.
_TYPE_START = re.compile(rf"(?:{'|'.join(_TYPES)})\b", re.IGNORECASE)
# An issuer is a body's name: capitalised words, Roman numerals and the lower-case words of the
# office and body names in data/positions.yaml ("Ban Chấp hành Trung ương Đảng khóa XII",
# "UBND tỉnh An Giang", "Thủ tướng Chính phủ").
_ISSUER_WORD = re.compile(r"\s*([^\W\d_][\w]*|[IVXLC]+|\d{1,2})(?=[\s,;.()…]|$)")
# A plenum is numbered: "Hội nghị Trung ương 11", "Hội nghị lần thứ 10 Ban Chấp hành ...".
_NUMBERED_AFTER = {"ương", "thứ"}
# A list after one type ("Nghị quyết số 59, 70, 71 và 72") names one document per number.
_MORE = re.compile(r"\s*(?:,|và)\s*(?:số\s+)?(?P<num>\d{1,4})(?![\d,.\-/]\d|\d|\s*[-/]\s*[A-ZĐ])(?!\s*(?:%|năm|người|đảng))")
_SUBJECT = re.compile(r"^\s*(?:của\s+[^,;.…]{3,60}?\s+)?về\s+(?P<subject>[^;…]{3,200}?)(?=\s*[;…]|\.(?:\s|$)|,\s*(?:Nghị quyết|Chỉ thị|Kết luận|Quyết định)|$)")


def extract_legal_refs(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``legal_refs`` table for one document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> article = Document("d", "d.txt", "Thực hiện Nghị quyết số 45/2022/QH15 của Quốc hội và Chỉ thị số 36/CT-TTg ngày 31/12/2025.", "")
    >>> [(r["number"], r["code"], r["issued"], r["issuer"]) for r in extract_legal_refs(parse_document(article))]
    [('45', 'QH15', '2022', 'Quốc hội'), ('36', 'CT-TTg', '2025-12-31', '')]
    """
    text = doc.text
    rows = []
    for match in caseless_scan(_REF, text, doc.low, _REF_START):
        doc_type_vi = " ".join(match.group("type").split())
        code = match.group("code") or ""
        if not code and not re.match(r"\s*(?:của|ngày|về)\b", text[match.end():match.end() + 6]) and "số" not in match.group(0):
            continue  # "Nghị quyết 2023" style: a year, not a number
        issued = _issued(match)
        sentence = doc.sentences[doc.sent_at(match.start())] if doc.sentences else None
        tail = text[match.end():sentence.end if sentence else len(text)]
        subject = _SUBJECT.match(tail)
        doc_type = _TYPES[doc_type_vi.lower()]
        fields = dict(doc_type=doc_type, doc_type_vi=doc_type_vi[:1].upper() + doc_type_vi[1:], code=code, issued=issued,
                      issuer=_issuer(tail), subject=" ".join(subject.group("subject").split()).rstrip("./") if subject else "")
        rows.append(_row(doc, match.start(), match.end(), match.group("num"), fields))
        if not code:
            cursor = match.end()
            while (more := _MORE.match(text, cursor)):
                rows.append(_row(doc, more.start("num"), more.end("num"), more.group("num"), fields))
                cursor = more.end()
    return rows


def _row(doc: ParsedDocument, start: int, end: int, number: str, fields: dict) -> dict:
    key = f"{fields['doc_type']}|{number}|{fields['code']}|{fields['issued'][:4]}"
    return doc.fact(start, end, **{**fields, "number": number}, ref_key=key)


@functools.lru_cache(maxsize=None)
def _issuer_words() -> frozenset:
    data = load_yaml("positions.yaml")
    phrases = [vi for group in ("heads", "organizations") for entry in data[group] for vi in entry["vi"]]
    # Only words written in lower case inside the names ("Quốc hội", "Thủ tướng"); "và" joins two
    # capitalised parts and is checked where it stands.
    words = {w for phrase in phrases for w in re.findall(r"\w+", phrase) if w[:1].islower()} - {"và"}
    return frozenset(words | {"khóa", "tỉnh", "thành", "phố", "huyện", "xã", "phường", "quận", "nhân", "dân", "nghị", "lần", "thứ"})


def _issuer(tail: str) -> str:
    """The body after "của": its words up to the first one that no body name contains."""
    start = _ISSUER_START.match(tail)
    if not start:
        return ""
    words, cursor = [], start.end()
    while len(words) < 16 and (word := _ISSUER_WORD.match(tail, cursor)):
        token = word.group(1)
        joins = (token == "và" and (following := _ISSUER_WORD.match(tail, word.end())) and following.group(1)[:1].isupper()
                 and not _TYPE_START.match(tail, following.start(1)))
        if token.isdigit() or (words and words[-1] == "thứ" and token in ORDINAL_WORDS):
            if not words or words[-1] not in _NUMBERED_AFTER:
                break
        elif not (token[:1].isupper() or token in _issuer_words() or joins):
            break
        words.append(token)
        cursor = word.end()
    while words and words[-1].lower() in {"khóa", "tỉnh", "thành", "phố", "huyện", "xã", "phường", "quận", "các", "lần", "thứ"}:
        words.pop()
    return " ".join(words)


def _issued(match: re.Match) -> str:
    if match.group("date"):
        try:
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
        except ValueError:
            return match.group("y")
    return match.group("year") or ""
