"""Which term and which plan: ``term_span`` and ``plan_level`` (rules in docs/term_rules.md).

Terms are five years long and lie on one grid, anchored at the run's term parameters (2020-2025,
2025-2030), so a figure of 2016-2020 belongs to 2015-2020 although that term is not compared.
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract.patterns import standalone_years, year_spans

# A province's congresses are held from August to October of a term's last year; from October on,
# an article with nothing else to go by speaks of the new term.
_NEW_TERM_MONTH = 10
_TERM_YEARS = 5
# Year-end reviews are held from December to March: a result reported by March is last year's.
_REVIEW_MONTHS = 3
_TERM_SPAN = re.compile(r"nhiệm\s+kỳ\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})", re.IGNORECASE)


def span_of_years(first: int, last: int, anchor: int) -> str:
    """The term whose years hold ``first..last`` on the grid through *anchor*; the boundary year
    goes to the term that ends in it.  "" when the years straddle two terms.

    >>> span_of_years(2016, 2020, 2020), span_of_years(2025, 2025, 2020), span_of_years(2030, 2030, 2020)
    ('2015-2020', '2020-2025', '2025-2030')
    >>> span_of_years(2026, 2030, 2020), span_of_years(2021, 2030, 2020)
    ('2025-2030', '')
    """
    if first == last:
        start = anchor + ((first - 1 - anchor) // _TERM_YEARS) * _TERM_YEARS
    else:
        start = anchor + ((first - anchor) // _TERM_YEARS) * _TERM_YEARS
        if last > start + _TERM_YEARS:
            return ""
    return f"{start}-{start + _TERM_YEARS}"


def span_of_period(period: str, anchor: int) -> str:
    """The term of a period written ``YYYY`` or ``YYYY-YYYY`` ("" for none)."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", period)]
    return span_of_years(years[0], years[-1], anchor) if years else ""


def span_of_date(date_iso: str, anchor: int, reviewed: bool = False) -> str:
    """The term an article dated *date_iso* (``YYYY-MM-DD`` or ``YYYY-MM``) speaks of, with
    nothing else to go by.  A result it reviews is of the year under review: the year before in
    January to March (the year-end reviews), else the article's year.  Anything else speaks of
    the present: in a term's last year, of the new term from October on, when the provinces'
    congresses are over.

    >>> span_of_date("2025-09-30", 2020), span_of_date("2025-10-02", 2020), span_of_date("2023-05", 2020)
    ('2020-2025', '2025-2030', '2020-2025')
    >>> span_of_date("2026-01-05", 2020, reviewed=True), span_of_date("2025-12-02", 2020, reviewed=True)
    ('2020-2025', '2020-2025')
    """
    if not date_iso:
        return ""
    year, month = int(date_iso[:4]), int(date_iso[5:7]) if len(date_iso) >= 7 else 1
    if reviewed:
        return span_of_years(year - 1 if month <= _REVIEW_MONTHS else year, year - 1 if month <= _REVIEW_MONTHS else year, anchor)
    if (year - anchor) % _TERM_YEARS == 0 and month >= _NEW_TERM_MONTH:
        return span_of_years(year + 1, year + 1, anchor)
    return span_of_years(year, year, anchor)


def previous_span(span: str) -> str:
    """The term before *span*.

    >>> previous_span("2025-2030")
    '2020-2025'
    """
    first, last = (int(y) for y in span.split("-"))
    return f"{first - (last - first)}-{first}"


def own_period(sentence_text: str) -> str:
    """The first span or standalone year the sentence itself states ("" for none)."""
    span = next(year_spans(sentence_text), None)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    years = standalone_years(sentence_text)
    return str(years[0]) if years else ""


def article_congress(congress_rows: list[dict], lead: str, article_year: int | None, ordinal_spans: dict[int, str]) -> str:
    """The term of the article's own congress: the latest local congress (not the national one)
    its *lead* names, else the latest one it names that opens in the article's year (the
    congress season); by its stated term years, else by its ordinal (*ordinal_spans*), else by
    the first term its lead names ("Đại hội ... lần thứ XVI ... nhiệm kỳ 2025-2030").  "" for none."""
    local = [row for row in congress_rows if row["level"] not in ("national_party", "national_assembly")]
    own = [row for row in local if row["start"] < len(lead)]
    spans = [_congress_span(row, ordinal_spans) for row in own]
    # A congress held after the article appeared is not its own (a history of a "lần thứ I" decades ago
    # is no I-term congress of 2025).
    spans = [span for span in spans if span and not (article_year and int(span[:4]) > article_year)]
    if not spans and article_year:
        spans = [span for span in (_congress_span(row, ordinal_spans) for row in local) if span[:4] == str(article_year)]
    if spans:
        return max(spans)
    named = _TERM_SPAN.search(lead) if local else None
    if named and (own or named.group(1) == str(article_year)):
        return f"{named.group(1)}-{named.group(2)}"
    return ""


def _congress_span(row: dict, ordinal_spans: dict[int, str]) -> str:
    if row.get("term_start") and row.get("term_end"):
        return f"{row['term_start']}-{row['term_end']}"
    return ordinal_spans.get(row.get("ordinal"), "")


def after_merger(row_period: str, article_date: str, term_span: str, merger_date: str) -> bool:
    """Whether a row speaks of the time after the merger: an article published before the
    merger never does; after it, a row whose own period ended before the merger year does not.

    >>> after_merger("2024", "2025-09-01", "2020-2025", "2025-07-01"), after_merger("", "2025-09-01", "", "2025-07-01")
    (False, True)
    >>> after_merger("2030", "2024-12", "2025-2030", "2025-07-01")
    False
    """
    merger = dt.date.fromisoformat(merger_date)
    if article_date:
        published = dt.date.fromisoformat(article_date + ("-01" if len(article_date) == 7 else ""))
        if published < merger:
            return False
        years = re.findall(r"(?:19|20)\d{2}", row_period)
        return not years or int(years[-1]) >= merger.year
    return bool(term_span) and int(term_span[:4]) >= merger.year


def target_scope(period: str, article_date: str, anchor: int) -> str:
    """The plan a target's own period points to: a span, or the last year of a term (``đến năm
    2030``), a term's (``term``); any other single year, or a term's last year stated in that
    very year (or late in the year before), a year's (``annual``); "" when there is no period.

    >>> target_scope("2026", "2025-12-20", 2020), target_scope("2030", "2025-10-01", 2020), target_scope("2025", "2025-01-10", 2020)
    ('annual', 'term', 'annual')
    """
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", period)]
    if len(years) > 1:
        return "term"
    if not years:
        return ""
    if article_date:
        year, month = int(article_date[:4]), int(article_date[5:7]) if len(article_date) >= 7 else 1
        if years[0] == year or (years[0] == year + 1 and month >= _NEW_TERM_MONTH):
            return "annual"
    return "term" if (years[0] - anchor) % _TERM_YEARS == 0 else "annual"


_PROGRAMME = re.compile(r"chương\s+trình|kế\s+hoạch|đề\s+án|HĐND|Hội\s+đồng\s+nhân\s+dân", re.IGNORECASE)


# "Nghị quyết HĐND tỉnh trong năm 2024 đề ra 7,5%": one year's plan, whatever span the sentence names first.
_ANNUAL_PLAN = re.compile(r"(?:nghị\s+quyết|kế\s+hoạch)[^.;()]{0,40}?(?:trong\s+)?năm\s+(?:19|20)\d{2}", re.IGNORECASE)


def plan_level(scope_kind: str, level: str, sentence_text: str, frame_span: str) -> str:
    """``annual``, ``term`` or ``other`` for a plan element or a target (see the module doc)."""
    if scope_kind == "annual" or _ANNUAL_PLAN.search(sentence_text):
        return "annual"
    if level not in ("province", ""):
        return "other"
    if scope_kind == "term" or frame_span:
        return "term"
    if _PROGRAMME.search(sentence_text):
        return "other"
    return ""
