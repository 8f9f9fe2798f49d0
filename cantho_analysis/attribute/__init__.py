"""Stage 3, attribute: whose figure, which term, which plan.

Extraction reads sentences; attribution needs the whole article (its lead, its congress, its
date), so it runs after every extractor, on their rows.  It adds to ``quantities``,
``plan_elements`` and ``officials``:

- ``territory`` / ``territory_basis`` and ``level`` / ``level_basis`` (:mod:`.places`);
- ``term_span`` / ``term_span_basis`` and ``plan_level`` to quantities and plan elements
  (:mod:`.periods`).

The rules, each with an invented example, are in ``docs/term_rules.md``.

>>> from cantho_analysis.load.corpus import Document
>>> from cantho_analysis.pipeline import extract_document
>>> from cantho_analysis.extract.parse import parse_document
>>> text = " date 2025-10-20 Thành ủy Cần Thơ đặt mục tiêu đến năm 2030 tăng trưởng 9%."
>>> (row,) = extract_document(parse_document(Document("d", "d.txt", text, "")))["quantities"]
>>> row["territory"], row["level"], row["term_span"], row["plan_level"]
('Cần Thơ (merged)', 'province', '2025-2030', 'term')
"""

from __future__ import annotations

import re

from ..extract import gazetteer
from ..extract.parse import ParsedDocument
from ..extract.patterns import ordinal_value
from . import periods
from .places import level_of_body, places_of, province_in

_LEAD_CHARS = 600
# "Ban Thường vụ Tỉnh ủy khóa XIV": the committee elected by that congress (not "Quốc hội khóa XV").
_COMMITTEE_TERM = re.compile(r"(?:ủy|Đảng\s+bộ(?:\s+\w+){1,3})\s+khóa\s+([IVXLC]+)(?!\w)")
_REVIEWED = {"achieved", "estimated", "on_track", "below_target"}
# "120 đại biểu đại diện cho 1.150 đảng viên của Đảng bộ": a bare "Đảng bộ" is the article's own
# committee, whatever guests the sentence names before it.
_OWN_BODY_AFTER = re.compile(r"\s*(?:đảng\s+viên\s+)?(?:của|trong)\s+(?:toàn\s+)?Đảng\s+bộ(?=\s*(?:[.,;:)]|$))")


def attribute(doc: ParsedDocument, rows: dict[str, list[dict]]) -> None:
    """Add the attribution columns to *rows* (one document's rows by table), in place."""
    document = rows["documents"][0]
    date = document["published"] or document["event_date"]
    context = _Context(doc, rows, date)
    for row in rows["quantities"]:
        _attribute_quantity(context, row)
    for row in rows["plan_elements"]:
        _attribute_plan(context, row)
    for row in rows["officials"]:
        _attribute_official(context, row)


class _Context:
    """What the article as a whole says: its date, its congress's term, its places."""

    def __init__(self, doc: ParsedDocument, rows: dict[str, list[dict]], date: str):
        self.doc, self.date = doc, date
        self.anchor = min(start for start, _ in doc.params.terms.values()) if doc.params.terms else 2020
        self.label_spans = {label: f"{a}-{b}" for label, (a, b) in doc.params.terms.items()}
        self.ordinal_spans = ordinal_spans = {ordinal: self.label_spans[label] for label, ordinal in doc.params.term_congress.items()
                                              if label in self.label_spans}
        # A congress opens its term: the results it reviews are the outgoing term's.  An article
        # that only names a congress's resolution reviews that resolution's own term.
        self.is_congress = rows["documents"][0]["event_type"] == "congress"
        year = int(date[:4]) if date else None
        self.congress_span = periods.article_congress(rows["congresses"], doc.text[:_LEAD_CHARS], year, ordinal_spans)
        self.places = places_of(doc)

    def term_span(self, row: dict, reviewed: bool) -> tuple[str, str]:
        """``(term_span, basis)`` of a row: its sentence's period or term, its paragraph's, the
        article's congress (its outgoing term for a result reviewed there), the article's date."""
        sentence = self.doc.sentences[row["sent_id"]] if self.doc.sentences else None
        period = row.get("ref_period") or row.get("scope") or ""
        if period:
            own = sentence is not None and period.split("-")[0] in sentence.text
            span = periods.span_of_period(period, self.anchor)
            if span:
                return span, "sentence" if own else "paragraph"
        label, basis = self.doc.terms[row["sent_id"]] if self.doc.sentences else ("", "")
        if label in self.label_spans:
            return self.label_spans[label], "paragraph" if basis in ("paragraph", "previous_paragraph") else "sentence"
        committee = _COMMITTEE_TERM.search(sentence.text) if sentence is not None else None
        if committee and ordinal_value(committee.group(1)) in self.ordinal_spans:
            return self.ordinal_spans[ordinal_value(committee.group(1))], "sentence"
        if self.congress_span:
            outgoing = reviewed and (self.is_congress or self.congress_span[:4] == self.date[:4])
            return (periods.previous_span(self.congress_span) if outgoing else self.congress_span), "article"
        span = periods.span_of_date(self.date, self.anchor, reviewed)
        return span, "date" if span else ""

    def territory(self, row: dict, period: str, term_span: str, former: bool = False) -> tuple[str, str]:
        unit, basis, named, old = self.places.territory_at(row["start"])
        if _OWN_BODY_AFTER.match(self.doc.text, row["end"]):
            unit, basis, old = self.places.main_province, "article", False
        if not unit:
            return "", ""
        # An absorbed unit after the merger is the old one: its own bodies ceased to exist.
        absorbed = old or gazetteer.successor(unit) not in ("", unit)
        merged = not former and not absorbed and periods.after_merger(period, self.date, term_span, self.doc.params.merger_date)
        return gazetteer.territory_name(unit, merged), basis


def _attribute_quantity(context: _Context, row: dict) -> None:
    span, span_basis = context.term_span(row, row["kind"] in _REVIEWED)
    level, level_basis = context.places.level_at(row["start"])
    if _OWN_BODY_AFTER.match(context.doc.text, row["end"]):
        level, level_basis = context.places.main_level, "article"
    territory, territory_basis = context.territory(row, row["ref_period"], span)
    if level in ("national", "region"):
        # A country's or a region's figure is no province's; a region is written "other".
        territory, territory_basis, level = "", "", "national" if level == "national" else "other"
    scope_kind = periods.target_scope(row["ref_period"], context.date, context.anchor)
    plan = periods.plan_level(scope_kind, level, _clause(context, row), context.congress_span) if row["kind"] == "target" else ""
    row.update(term_span=span, term_span_basis=span_basis, plan_level=plan, territory=territory,
               territory_basis=territory_basis, level=level if territory or not territory_basis and level_basis else "",
               level_basis=level_basis if territory or not territory_basis and level_basis else "")


def _clause(context: _Context, row: dict) -> str:
    """The clause of a target, up to its end: its sentence after the last ";" before it (a
    sentence may list a term's targets and then a year's)."""
    if not context.doc.sentences:
        return ""
    sentence = context.doc.sentences[row["sent_id"]]
    cut = context.doc.text.rfind(";", sentence.start, row["start"])
    return context.doc.text[max(sentence.start, cut + 1):row["end"]]


def _attribute_plan(context: _Context, row: dict) -> None:
    span, span_basis = context.term_span(row, reviewed=False)
    level, level_basis = context.places.level_at(row["start"])
    if _OWN_BODY_AFTER.match(context.doc.text, row["end"]):
        level, level_basis = context.places.main_level, "article"
    territory, territory_basis = context.territory(row, row["scope"], span)
    sentence = context.doc.sentences[row["sent_id"]].text if context.doc.sentences else ""
    row.update(term_span=span, term_span_basis=span_basis,
               plan_level=periods.plan_level(row["scope_kind"], level, sentence, context.congress_span),
               territory=territory, territory_basis=territory_basis, level=level if territory else "",
               level_basis=level_basis if territory else "")


_NATIONAL_BODIES = ("Bộ ", "Chính phủ", "Quốc hội", "Văn phòng Trung ương", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư")


def _attribute_official(context: _Context, row: dict) -> None:
    """An official's post belongs to the body of the title (its place, else the article's)."""
    organization = row["organization"]
    if not organization:
        row.update(territory="", territory_basis="", level="", level_basis="")
        return
    if "Trung ương" in organization or organization.startswith(_NATIONAL_BODIES):
        row.update(territory="", territory_basis="", level="national", level_basis="sentence")
        return
    key_place = row["organization_key"].split(":", 1)[1] if ":" in row["organization_key"] else ""
    unit = gazetteer.canonical(key_place) or province_in(organization)
    basis, named = ("sentence", True) if unit else ("article", False)
    if not unit:
        unit = context.places.main_province
    if not unit:
        row.update(territory="", territory_basis="", level="", level_basis="")
        return
    absorbed = named and gazetteer.successor(unit) not in ("", unit)
    # An undated article is placed by its own congress: one that opens the term after the merger.
    undated_span = "" if context.date else context.congress_span
    merged = row["status"] != "former" and not absorbed and periods.after_merger("", context.date, undated_span,
                                                                                 context.doc.params.merger_date)
    row.update(territory=gazetteer.territory_name(unit, merged), territory_basis=basis, level=level_of_body(organization),
               level_basis="sentence")
