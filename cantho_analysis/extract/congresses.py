"""References to Party congresses (national, provincial/city, Party-agencies committee) and to
the National Assembly by number.  The surrounding words decide the level; a Central Committee
plenum ("Hội nghị Trung ương lần thứ 15") is not a congress.
"""

from __future__ import annotations

import re

from ..load.textnorm import lower_in_place
from . import gazetteer
from .parse import ParsedDocument
from .patterns import ORDINAL_WORDS, caseless_scan, ordinal_value

# Arabic ordinals only after "lần thứ" ("Đại hội đề ra 8 chỉ tiêu" is no congress number).
_ORD = rf"(?:lần\s+thứ\s+(?P<ord>[IVXLC]+|\d{{1,2}}|{'|'.join(ORDINAL_WORDS)})|(?P<roman>[IVXLC]+))(?![\w])"
_ORD_AN = r"(?P<ord>[IVXLC]+|\d{1,2})(?![\w])"
_CONGRESS = re.compile(
    rf"(?<!\w)Đại\s+hội(?P<body>(?:\s+(?:đại\s+biểu|Đảng|Đảng\s+bộ|toàn\s+quốc|các\s+cấp|TP\.|Tp\.|[^\s,.;:]+)){{0,8}}?)\s+{_ORD}",
    re.IGNORECASE)
_ASSEMBLY = re.compile(rf"(?<!\w)Quốc\s+hội\s+(?:khóa|khoá)\s+{_ORD_AN}", re.IGNORECASE)
# Where a congress or a National Assembly term can start, in the lower-cased text.
_CONGRESS_START, _ASSEMBLY_START = re.compile(r"đại\s+hội"), re.compile(r"quốc\s+hội\s+(?:khóa|khoá)")
_TERM = re.compile(r"^[\s,]*(?:,\s*)?nhiệm\s+kỳ\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})", re.IGNORECASE)
_NATIONAL = re.compile(r"toàn\s+quốc|^\s*$", re.IGNORECASE)
_AFTER_NATIONAL = re.compile(r"^\s+(?:của\s+Đảng|Đảng\s+toàn\s+quốc)", re.IGNORECASE)
_PLACES = gazetteer.province_pattern()
# A province's Party organisation: "Đảng bộ tỉnh ...", "Đảng bộ TP. ...", or a province named without its level
# ("Đảng bộ Cần Thơ").
_PROVINCIAL = re.compile(rf"Đảng\s+bộ\s+(?:thành\s+phố|tỉnh|TP\.?|(?:{_PLACES})(?!\w))", re.IGNORECASE)
_DELEGATION_TO = re.compile(r"đoàn\s+đại\s+biểu[^.;]{0,60}?(?:đi\s+)?(?:dự|tham\s+dự)\s*$", re.IGNORECASE)
_AFTER = 100  # characters after a congress read for its level, body and term
# The body after the ordinal: "Đại hội đại biểu lần thứ I Đảng bộ TP Cần Thơ".
_BODY_STOP = r"(?:nhiệm\s+kỳ|khóa|khoá|đã|sẽ|diễn|khai|bế|thành\s+công|tiến|và|được|là)(?!\w)"
_BODY_AFTER = re.compile(rf"^\s+(Đảng\s+bộ(?:\s+(?:thành\s+phố|tỉnh|TP\.?))?(?:\s*(?!{_BODY_STOP})[^\W\d_][^,;.()]*?)?)"
                         rf"(?=\s+{_BODY_STOP}|[,;.(]|$)")
_AGENCIES = re.compile(r"Đảng\s+bộ\s+các\s+cơ\s+quan\s+Đảng|Đảng\s+ủy\s+các\s+cơ\s+quan\s+Đảng", re.IGNORECASE)


def _bare(body: str) -> bool:
    """The words between "Đại hội" and its number name no body ("Đại hội đại biểu lần thứ I")."""
    return re.fullmatch(r"\s*(?:đại\s+biểu)?\s*", body, re.IGNORECASE) is not None


def _level(body: str, before: str, after: str, ordinal: int | None, following: re.Match | None) -> str:
    """The congress's level from its body, the sentence *before* it, the text *after* it and the
    body written after its number (*following*, see _following_body)."""
    if _AGENCIES.search(body) or (_bare(body) and _AGENCIES.search(before)):
        return "party_agencies_committee"
    if _PROVINCIAL.search(body):
        return "provincial_party"
    if _bare(body) and _DELEGATION_TO.search(before):
        return "national_party"  # "bầu Đoàn đại biểu Đảng bộ tỉnh dự Đại hội XIII": the Party's national congress
    if re.fullmatch(r"\s*(?:đại\s+biểu\s+)?Đảng", body, re.IGNORECASE):
        return "national_party"  # "Đại hội Đảng lần thứ XIV": the Party's own congress (a province's is "Đảng bộ")
    if _NATIONAL.search(body) and ("toàn quốc" in body.lower() or _AFTER_NATIONAL.match(after)):
        return "national_party"
    if re.search(r"\bĐảng\b", body) and _AFTER_NATIONAL.match(after) is None and "toàn quốc" in body.lower():
        return "national_party"
    provincial_after = following is not None and _PROVINCIAL.match(following.group(1)) is not None
    if _bare(body) and (_PROVINCIAL.search(before) or provincial_after) and not _another_congress(before, ordinal):
        return "provincial_party"
    return "other"


def _another_congress(before: str, ordinal: int | None) -> bool:
    """The sentence already named a congress with another number: a bare "Đại hội XIV" after
    "Đại hội Đảng bộ tỉnh ... lần thứ XVI" is not that province's."""
    return ordinal is not None and any(_ordinal(m) not in (None, ordinal) for m in _CONGRESS.finditer(before))


def _following_body(match: re.Match, after: str) -> re.Match | None:
    """The body written after the number of a congress that names none before it ("Đại hội đại
    biểu lần thứ I Đảng bộ TP Cần Thơ nhiệm kỳ 2025-2030"), read in *after*; else None."""
    body = match.groupdict().get("body")  # None for a National Assembly term
    return _BODY_AFTER.match(after) if body is not None and _bare(body) else None


def extract_congresses(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``congresses`` table for one document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> text = "Nghị quyết Đại hội XIV của Đảng và Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030; Quốc hội khóa XVI."
    >>> [(r["level"], r["ordinal"], r["term_start"]) for r in extract_congresses(parse_document(Document("d", "d.txt", text, "")))]
    [('national_party', 14, None), ('provincial_party', 1, 2025), ('national_assembly', 16, None)]
    """
    text = doc.text
    rows = []
    for match in caseless_scan(_CONGRESS, text, doc.low, _CONGRESS_START):
        ordinal = _ordinal(match)
        if ordinal is None:
            continue
        sentence = doc.sentences[doc.sent_at(match.start())] if doc.sentences else None
        before = text[sentence.start if sentence else 0:match.start()]
        after = text[match.end():match.end() + _AFTER]
        following = _following_body(match, after)
        level = _level(match.group("body"), before, after, ordinal, following)
        rows.append(_row(doc, match, ordinal, level, _organization(match.group("body"), before, following),
                         _term_after(after, following)))
    for match in caseless_scan(_ASSEMBLY, text, doc.low, _ASSEMBLY_START):
        ordinal = ordinal_value(match.group("ord"))
        if ordinal is not None:
            term = _term_after(text[match.end():match.end() + _AFTER], None)
            rows.append(_row(doc, match, ordinal, "national_assembly", "Quốc hội", term))
    return sorted(rows, key=lambda r: r["start"])


def _ordinal(match: re.Match) -> int | None:
    """The congress number a match writes ("lần thứ XV", "lần thứ nhất", "XIV"), or None."""
    written = match.group("ord") or match.group("roman")
    return ORDINAL_WORDS.get(written.lower()) if written.lower() in ORDINAL_WORDS else ordinal_value(written)


def _organization(body: str, before: str, following: re.Match | None) -> str:
    found = re.search(r"Đảng\s+bộ[^,;.]*?(?=\s+(?:khóa|khoá)\s*$|[,;.]|$)", body)
    if found:
        return " ".join(found.group(0).split())  # "Đại hội Đảng bộ tỉnh khóa XVIII": the body without "khóa"
    if following is not None:
        return " ".join(following.group(1).split())
    subject = re.search(r"(Đảng\s+bộ[^,;.]{0,60}?)\s+(?:đã\s+)?(?:tổ\s+chức|khai\s+mạc)", before)
    return " ".join(subject.group(1).split()) if subject else ""


def _term_after(after: str, following: re.Match | None) -> re.Match | None:
    """The term years written after a congress (*after* is the text after it): right after it,
    or after the body that follows its number."""
    if following is not None:
        after = after[following.end(1):]
    return _TERM.match(after[:40])


def _row(doc: ParsedDocument, match: re.Match, ordinal: int, level: str, organization: str, term: re.Match | None) -> dict:
    return doc.fact(match.start(), match.end(), level=level, ordinal=ordinal, ordinal_text=match.groupdict().get("ord") or match.groupdict().get("roman"),
                   organization=organization,
                   term_start=int(term.group(1)) if term else None,
                   term_end=int(term.group(2)) if term else None)


def provincial_terms(text: str):
    """``(ordinal, term_start, term_end, start, end)`` for each provincial congress named with its
    term years ("Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025").  A fast pass over the
    raw text (no sentence split): it names the terms before extraction.

    >>> list(provincial_terms("Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 bế mạc."))
    [(15, 2020, 2025, 0, 31)]
    """
    if "nhiệm kỳ" not in text and "Nhiệm kỳ" not in text:
        return
    for match in caseless_scan(_CONGRESS, text, lower_in_place(text), _CONGRESS_START):
        after = text[match.end():match.end() + _AFTER]
        following = _following_body(match, after)
        term = _term_after(after, following)
        ordinal = _ordinal(match) if term is not None else None  # most mentions name no term: skip them cheaply
        if ordinal is None:
            continue
        sentence_start = max(text.rfind(". ", 0, match.start()) + 1, text.rfind("\n", 0, match.start()) + 1)
        if _level(match.group("body"), text[sentence_start:match.start()], after, ordinal, following) == "provincial_party":
            yield ordinal, int(term.group(1)), int(term.group(2)), match.start(), match.end()
