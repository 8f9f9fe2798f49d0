"""Numbered legal and Party documents: type, number, code, issue date, issuer, subject.

A reference is identified by type, number, code and year together (``ref_key``): two documents
that share a number but differ in year or code stay two documents.
"""

from __future__ import annotations

import datetime as dt
import re

from .parse import ParsedDocument

_TYPES = {
    "nghị quyết": "resolution", "chỉ thị": "directive", "kết luận": "conclusion", "quyết định": "decision",
    "quy định": "regulation", "luật": "law", "kế hoạch": "plan", "thông báo": "notice",
    "nghị định": "other", "thông tư": "other", "hướng dẫn": "other", "công văn": "other",
}
_CODE = r"[A-ZĐ][A-Za-zĐđ]*\d*(?:[-/][A-ZĐ][A-Za-zĐđ]*\d*)*"
_REF = re.compile(
    rf"(?<!\w)(?P<type>{'|'.join(_TYPES)})\s+(?:số\s+)?(?P<num>\d{{1,5}})(?![\d,.]\d)"
    rf"(?:/(?P<year>(?:19|20)\d{{2}}))?(?:\s*[-/]\s*(?P<code>{_CODE}))?"
    rf"(?P<date>\s+ngày\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})\s*[/-]\s*(?P<y>(?:19|20)\d{{2}}))?",
    re.IGNORECASE)
_ISSUER = re.compile(r"^\s*của\s+(?P<issuer>[^,;.()…]{3,60}?)(?=\s+về\b|\s+và\b|\s*[,;.()…]|\s*$)")
_SUBJECT = re.compile(r"^\s*(?:của\s+[^,;.…]{3,60}?\s+)?về\s+(?P<subject>[^;…]{3,200}?)(?=\s*[;…]|\.(?:\s|$)|,\s*(?:Nghị quyết|Chỉ thị|Kết luận|Quyết định)|$)")


def extract_legal_refs(pd: ParsedDocument) -> list[dict]:
    """Rows of the ``legal_refs`` table for one document.

    >>> from cantho_analysis.corpus import Document
    >>> from cantho_analysis.parse import parse_document
    >>> doc = Document("d", "d.txt", "Thực hiện Nghị quyết số 45/2022/QH15 của Quốc hội và Chỉ thị số 36/CT-TTg ngày 31/12/2025.", "")
    >>> [(r["number"], r["code"], r["issued"], r["issuer"]) for r in extract_legal_refs(parse_document(doc))]
    [('45', 'QH15', '2022', 'Quốc hội'), ('36', 'CT-TTg', '2025-12-31', '')]
    """
    text = pd.text
    rows = []
    for match in _REF.finditer(text):
        doc_type_vi = " ".join(match.group("type").split())
        code = match.group("code") or ""
        if not code and not re.match(r"\s*(?:của|ngày|về)\b", text[match.end():match.end() + 6]) and "số" not in match.group(0):
            continue  # "Nghị quyết 2023" style: a year, not a number
        issued = _issued(match)
        sentence = pd.sentences[pd.sent_at(match.start())] if pd.sentences else None
        tail = text[match.end():sentence.end if sentence else len(text)]
        issuer = _ISSUER.match(tail)
        subject = _SUBJECT.match(tail)
        doc_type = _TYPES[doc_type_vi.lower()]
        year = issued[:4]
        rows.append(pd.fact(match.start(), match.end(), doc_type=doc_type, doc_type_vi=doc_type_vi[:1].upper() + doc_type_vi[1:],
                            number=match.group("num"), code=code, issued=issued,
                            issuer=" ".join(issuer.group("issuer").split()) if issuer else "",
                            subject=" ".join(subject.group("subject").split()) if subject else "",
                            ref_key=f"{doc_type}|{match.group('num')}|{code}|{year}"))
    return rows


def _issued(match: re.Match) -> str:
    if match.group("date"):
        try:
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
        except ValueError:
            return match.group("y")
    return match.group("year") or ""
