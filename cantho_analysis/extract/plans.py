"""Plan elements (how many targets, key tasks, breakthroughs, solution groups a plan sets) and
the quoted theme of a year ("chủ đề năm 2026 “...”")."""

from __future__ import annotations

import re

from .organizations import bodies_of
from .parse import ParsedDocument
from .patterns import caseless_scan, standalone_years, year_spans

_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# Longest first: "nhóm nhiệm vụ, giải pháp" is one element, not a task group.
_ELEMENTS = [
    # "5 nhóm nhiệm vụ, giải pháp", "9 nhiệm vụ giải pháp": tasks and solutions counted together.
    (r"(?:nhóm\s+)?nhiệm\s+vụ,?\s+(?:và\s+)?giải\s+pháp", "task_and_solution_groups"),
    (r"nhóm\s+nhiệm\s+vụ", "task_groups"),
    (r"nhóm\s+giải\s+pháp", "solution_groups"),
    (r"nhiệm\s+vụ\s+trọng\s+tâm|nhiệm\s+vụ\s+chủ\s+yếu", "key_tasks"),
    (r"khâu\s+đột\s+phá|đột\s+phá\s+chiến\s+lược|nhiệm\s+vụ\s+đột\s+phá", "breakthroughs"),
    (r"chỉ\s+tiêu(?:\s+(?:chủ\s+yếu|cụ\s+thể|kinh\s+tế\s*-\s*xã\s+hội|nghị\s+quyết))?", "targets"),
    (r"chương\s+trình\s+(?:trọng\s+điểm|hành\s+động)", "programmes"),
]
_ELEMENT_RE = re.compile(
    rf"(?<![\w/])(?P<n>\d{{1,3}}|{'|'.join(_WORDS)})(?!/)\s+(?:" + "|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(_ELEMENTS)) + r")(?!\w)",
    re.IGNORECASE)
# Where a count of plan elements can start, in the lower-cased text: a number, then the first word
# of an element.
_ELEMENT_FIRST = r"\s+(?:nhóm|nhiệm|khâu|đột|chỉ|chương)"
_COUNT_WORD_START = re.compile(rf"(?:{'|'.join(_WORDS)}){_ELEMENT_FIRST}")
_COUNT_DIGIT_START = re.compile(rf"\d+{_ELEMENT_FIRST}")
# An outcome word after the count ("14/17 chỉ tiêu đạt") makes it a result, not a plan; the look
# ahead stops at the next number, which the outcome may belong to ("24 chỉ tiêu, có 15 chỉ tiêu vượt").
_NOT_PLAN_AFTER = re.compile(r"[^;.\d]{0,50}?(?:đạt|vượt|chưa\s+đạt|không\s+đạt|hoàn\s+thành)(?!\s+(?:mục\s+tiêu|được))", re.IGNORECASE)
# "26 chỉ tiêu gồm 9 chỉ tiêu về kinh tế, 7 ...": the parts of a total are not plans of their own.
_BREAKDOWN_BEFORE = re.compile(r"\b(?:gồm|trong\s+đó|bao\s+gồm)\b[^;.]*$", re.IGNORECASE)
_THEME = re.compile(r"chủ\s+đề(?:\s+của)?\s+năm(?:\s+(?P<year>(?:19|20)\d{2}))?[^“”\"]{0,80}?[“\"](?P<text>[^”\"]{10,600})[”\"]", re.IGNORECASE)


def extract_plan_elements(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``plan_elements`` table for one document.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> article = Document("d", "d.txt", "Nghị quyết năm 2027 với 26 chỉ tiêu và 5 nhóm nhiệm vụ, giải pháp; 14/17 chỉ tiêu đạt.", "")
    >>> [(r["element"], r["count"], r["scope"]) for r in extract_plan_elements(parse_document(article))]
    [('targets', 26, '2027'), ('task_and_solution_groups', 5, '2027')]
    """
    text = doc.text
    rows, bodies = [], None
    for match in caseless_scan(_ELEMENT_RE, text, doc.low, _COUNT_WORD_START, _COUNT_DIGIT_START):
        if _NOT_PLAN_AFTER.match(text, match.end()) or _is_part(doc, rows, match):
            continue
        count_text = match.group("n")
        count = int(count_text) if count_text.isdigit() else _WORDS[count_text.lower()]
        index = next(int(k[1:]) for k, v in match.groupdict().items() if k.startswith("e") and v)
        element_vi = " ".join(match.group(f"e{index}").split())
        sent_id = doc.sent_at(match.start())
        scope, scope_kind = _scope(doc, sent_id, match.start())
        bodies = bodies or bodies_of(doc)
        organization, key, basis = bodies.at(match.start())
        rows.append(doc.fact(match.start(), match.end(), element=_ELEMENTS[index][1], element_vi=element_vi,
                            count=count, scope=scope, scope_kind=scope_kind, organization=organization,
                            organization_key=key, organization_basis=basis,
                            term=doc.terms[sent_id][0] if doc.terms else ""))
    return rows


def _is_part(doc: ParsedDocument, rows: list[dict], match: re.Match) -> bool:
    """A count listed after "gồm" that follows a total of the same sentence."""
    sent_id = doc.sent_at(match.start())
    # rows are in text order: the latest row of this sentence, if any, is the last one
    if not rows or rows[-1]["sent_id"] != sent_id or rows[-1]["end"] > match.start():
        return False
    return bool(_BREAKDOWN_BEFORE.search(doc.text, rows[-1]["end"], match.start()))


# "Nghị quyết nhiệm vụ năm 2025", "kế hoạch năm 2026": a plan for one year.
_ANNUAL = re.compile(r"(?:nghị\s+quyết|kế\s+hoạch|nhiệm\s+vụ|chương\s+trình\s+công\s+tác)\s+(?:về\s+)?(?:nhiệm\s+vụ\s+)?"
                     r"(?:của\s+\S+(?:\s+\S+)?\s+)?năm\s+((?:19|20)\d{2})", re.IGNORECASE)


def _scope(doc: ParsedDocument, sent_id: int, offset: int) -> tuple[str, str]:
    """``(scope, scope_kind)`` of the plan an element belongs to.

    An annual plan named in the sentence ("Nghị quyết nhiệm vụ năm 2025") gives that year,
    ``annual``; otherwise the year span or year nearest to the element (``term`` for a span,
    ``annual`` for a year); otherwise the years of the sentence's term, ``term``.
    """
    sentence = doc.sentences[sent_id]
    annual = _ANNUAL.search(sentence.text)
    if annual:
        return annual.group(1), "annual"
    here = offset - sentence.start
    candidates = [(abs(m.start() - here), f"{m.group(1)}-{m.group(2)}", "term") for m in year_spans(sentence.text)]
    spans = [m.span() for m in year_spans(sentence.text)]
    for year in standalone_years(sentence.text):
        position = next((m.start() for m in re.finditer(str(year), sentence.text)
                         if not any(a <= m.start() < b for a, b in spans)), 0)
        candidates.append((abs(position - here), str(year), "annual"))
    if candidates:
        _, scope, kind = min(candidates)
        return scope, kind
    term = doc.terms[sent_id][0]
    if term and term in doc.params.terms:
        first, last = doc.params.terms[term]
        return f"{first}-{last}", "term"
    return "", ""


def extract_themes(doc: ParsedDocument) -> list[dict]:
    """Rows of the ``themes`` table: the quoted theme of a year.

    >>> from cantho_analysis.load.corpus import Document
    >>> from cantho_analysis.extract.parse import parse_document
    >>> article = Document("d", "d.txt", "Với chủ đề của năm 2026 “Đoàn kết, đổi mới, phát triển nhanh”, tỉnh...", "")
    >>> [(r["year"], r["text"]) for r in extract_themes(parse_document(article))]
    [(2026, 'Đoàn kết, đổi mới, phát triển nhanh')]
    """
    rows = []
    for match in _THEME.finditer(doc.text):
        year = match.group("year")
        if not year:
            sentence = doc.sentences[doc.sent_at(match.start())]
            before = doc.text[sentence.start:match.start()]
            years = standalone_years(before)
            year = years[-1] if years else None
        if year is None:
            continue
        sent_id = doc.sent_at(match.start())
        rows.append(doc.fact(match.start("text"), match.end("text"), year=int(year), text=match.group("text"),
                            term=doc.terms[sent_id][0] if doc.terms else ""))
    return rows
