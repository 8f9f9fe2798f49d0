"""Key findings and the limits of the corpus, generated from the tables for the summary page.

Nothing here is typed in: every finding is computed from the tables, states its number with the
number of statements and articles it rests on and its basis (the term, year or annual
resolution it refers to), and keeps the sentence behind it (``doc_id``, ``sent_id``, quote).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import analysis


@dataclass(frozen=True)
class Finding:
    """One sentence of the summary, in English and Vietnamese, with its evidence rows."""

    en: str
    vi: str
    n_statements: int
    n_articles: int
    evidence: tuple = field(default_factory=tuple)  # ((doc_id, sent_id, quote), ...)

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def _evidence(frame: pd.DataFrame, limit: int = 3) -> tuple:
    rows = frame.sort_values(["doc_id", "sent_id"], kind="mergesort").head(limit)
    return tuple((r.doc_id, int(r.sent_id), str(r.quote)) for r in rows.itertuples())


def _n(frame: pd.DataFrame) -> tuple[int, int]:
    return len(frame), frame["doc_id"].nunique()


def _main_body(tables: dict) -> str:
    """The provincial/city committee most facts belong to: the corpus's own committee."""
    keys = pd.concat([tables["quantities"]["organization_key"], tables["plan_elements"]["organization_key"]])
    keys = keys[keys.str.startswith("provincial_committee")]
    return keys.value_counts().sort_index().idxmax() if not keys.empty else ""


def number(value: float, lang: str) -> str:
    """A number as the language writes it (ten significant digits, so no float noise): ``6.85`` and ``187,500``
    in English, ``6,85`` and ``187.500`` in Vietnamese (babel's locale data).

    >>> number(6.85, "vi"), number(9.0, "en"), number(187500.0, "en"), number(1234567.0, "vi")
    ('6,85', '9', '187,500', '1.234.567')
    """
    from babel.numbers import format_decimal

    return format_decimal(float(f"{value:.10g}"), locale="vi" if lang == "vi" else "en", decimal_quantization=False)


def subject_name(tables: dict) -> str:
    """How the articles most often write the committee the corpus is about ("Tỉnh ủy Vĩnh Long")."""
    body = _main_body(tables)
    names = pd.concat([tables[t].loc[tables[t]["organization_key"] == body, "organization"]
                       for t in ("quantities", "plan_elements")]) if body else pd.Series(dtype=str)
    names = names[names != ""]
    return names.value_counts().sort_index().idxmax() if not names.empty else ""


def _value(row, lang: str) -> str:
    text = number(row.value, lang)
    if pd.notna(row.value_max):
        text += f"-{number(row.value_max, lang)}"
    return text


def _qualified(row, lang: str) -> str:
    words = {"at_least": ("at least ", "từ "), "more_than": ("more than ", "hơn "), "approx": ("about ", "khoảng "),
             "exceeds": ("above ", "vượt "), "less_than": ("below ", "dưới ")}
    prefix = words.get(row.qualifier, ("", ""))[lang == "vi"]
    suffix = " trở lên" if lang == "vi" and row.qualifier == "at_least" else ""
    return f"{prefix}{_value(row, lang)}%{suffix}"


def _distinct(values: list[str], lang: str, limit: int = 4, sep: str = "; ") -> str:
    """Each distinct value once, most stated first (with its count when stated more than once),
    the first *limit* of them: a finding stays one sentence on any corpus.

    >>> _distinct(["7% (2024)", "8% (2025)", "7% (2024)"], "en")
    '7% (2024) in 2 statements; 8% (2025)'
    """
    times = (lambda v, n: f"{v} in {n} statements") if lang == "en" else (lambda v, n: f"{v} trong {n} phát biểu")
    return analysis.counted(values, limit, sep, lang, times)


def _refers_to(row, lang: str) -> str:
    """The year or span a growth figure refers to; a figure with none is about its whole term."""
    if row.ref_period:
        return row.ref_period
    return f"{'nhiệm kỳ' if lang == 'vi' else 'term'} {row.term_span}"


def _provincial(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows about a province as a whole: a commune's, a sub-organisation's or a country's
    figures never enter a province's findings."""
    return frame[(frame["level"] == "province") & (frame["territory"] != "")]


def growth_findings(tables: dict) -> list[Finding]:
    """Economic growth achieved and targeted, by territory and term, never mixing territories
    (a predecessor province's growth is its own finding) nor plan levels (annual targets apart)."""
    q = analysis.with_compared_term(tables["quantities"], tables)
    q = analysis.once_per_article(q, ["territory", "metric", "kind", "value", "ref_period"])
    growth = _provincial(q[(q["metric"] == "grdp_growth") & (q["unit"] == "percent") & (q["compared_term"] != "")])
    found = []
    names = {lang: analysis.term_names(tables, lang) for lang in ("en", "vi")}
    for territory in _by_weight(growth["territory"]):
        for term in analysis.terms_of(tables):
            for kind, plan, en_word, vi_word in (("achieved", "", "achieved", "đạt"), ("estimated", "", "estimated", "ước đạt"),
                                                 ("target", "term", "targeted by the term plan", "mục tiêu của nhiệm kỳ"),
                                                 ("target", "annual", "targeted by annual resolutions", "mục tiêu của nghị quyết năm")):
                part = growth[(growth["territory"] == territory) & (growth["compared_term"] == term) & (growth["kind"] == kind)
                              & (growth["plan_level"] == plan)]
                if part.empty:
                    continue
                values_en = _distinct([f"{_qualified(r, 'en')} ({_refers_to(r, 'en')})" for r in part.itertuples()], "en")
                values_vi = _distinct([f"{_qualified(r, 'vi')} ({_refers_to(r, 'vi')})" for r in part.itertuples()], "vi")
                n, docs = _n(part)
                where_en, where_vi = analysis.territory_label(territory), analysis.territory_label(territory, lang="vi")
                found.append(Finding(
                    f"{where_en}, {names['en'][term]}: economic growth {en_word} {values_en}.",
                    f"{where_vi}, {names['vi'][term]}: tăng trưởng kinh tế {vi_word} {values_vi}.",
                    n, docs, _evidence(part)))
    return found


def _by_weight(values: pd.Series) -> list[str]:
    """Distinct values, the most frequent first (ties by name): the corpus's main territory leads."""
    counts = values.value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))


def plan_findings(tables: dict) -> list[Finding]:
    """Targets and key tasks of each territory's term plans and annual resolutions, kept apart."""
    plans = _provincial(analysis.plan_structures(tables))
    found = []
    plans = plans[(plans["scope"] != "") & (plans["plan_level"].isin(["term", "annual"]))]
    plans = plans.assign(plan=plans["territory"] + " " + plans["plan_level"] + " " + plans["scope"])
    plans, _ = analysis.top(plans, "plan", 4)  # the plans most articles state; the rest are in notebook 2
    for (territory, kind, scope), part in plans.groupby(["territory", "plan_level", "scope"], sort=True):
        listing_en = _distinct([f"{r.count} {r.element.replace('_', ' ')}" for r in part.itertuples()], "en", 6, ", ")
        listing_vi = _distinct([f"{r.count} {r.element_vi}" for r in part.itertuples()], "vi", 6, ", ")
        plan_en = f"annual resolution {scope}" if kind == "annual" else f"term plan {scope}"
        plan_vi = f"nghị quyết năm {scope}" if kind == "annual" else f"kế hoạch nhiệm kỳ {scope}"
        n, docs = _n(part)
        found.append(Finding(f"{analysis.territory_label(territory)}: the {plan_en} sets {listing_en}.",
                             f"{analysis.territory_label(territory, lang='vi')}: {plan_vi} đề ra {listing_vi}.",
                             n, docs, _evidence(part)))
    return found


def secretary_findings(tables: dict) -> list[Finding]:
    """Who the articles name as secretary of the corpus's own committee, before and after the merger."""
    officials = tables["officials"]
    body = _main_body(tables)
    secretaries = officials[officials["is_city_secretary"] & (officials["status"] != "former")]
    if body:
        secretaries = secretaries[secretaries["organization_key"] == body]
    periods = tables["sentences"][["doc_id", "sent_id", "period"]]
    secretaries = secretaries.merge(periods, on=["doc_id", "sent_id"])
    found = []
    for period, part in secretaries.groupby("period", sort=True):
        if not period:
            continue
        by_name = part.groupby("name")["doc_id"].nunique()
        names = sorted(by_name.index, key=lambda name: (-by_name[name], name))
        if len(names) == 1:
            named_en = named_vi = names[0]
        else:
            named_en = analysis.listed((f"{name} ({by_name[name]} article{'s' if by_name[name] != 1 else ''})" for name in names), 4, "en", ", ")
            named_vi = analysis.listed((f"{name} ({by_name[name]} bài)" for name in names), 4, "vi", ", ")
        n, docs = _n(part)
        found.append(Finding(f"{analysis.label(period, 'en')}: the articles name {named_en} as the committee's secretary.",
                             f"{analysis.label(period, 'vi')}: các bài viết nêu {named_vi} là bí thư.",
                             n, docs, _evidence(part.drop_duplicates("name"))))
    return found


def vocabulary_findings(tables: dict) -> list[Finding]:
    """Administrative words of the two-level reform, per 100 sentences before and after the merger."""
    vocabulary = analysis.vocabulary_by_period(tables)
    found = []
    for term, part in vocabulary.groupby("term", sort=False):
        by = {r.period: r for r in part.itertuples()}
        pre, post = by.get("pre_merger"), by.get("post_merger")
        if pre is None or post is None or (pre.n_hits == 0 and post.n_hits == 0):
            continue
        sentences = tables["sentences"]
        hits = sentences[sentences["text"].str.contains(analysis.ADMIN_VOCABULARY[term], case=False, regex=True)]
        found.append(Finding(
            f"“{term}”: {number(pre.per_100_sentences, 'en')} per 100 sentences before the merger (n = {pre.n_sentences} "
            f"sentences), {number(post.per_100_sentences, 'en')} after (n = {post.n_sentences}).",
            f"“{term}”: {number(pre.per_100_sentences, 'vi')} trên 100 câu trước hợp nhất (n = {pre.n_sentences} câu), "
            f"{number(post.per_100_sentences, 'vi')} sau hợp nhất (n = {post.n_sentences}).",
            pre.n_hits + post.n_hits, hits["doc_id"].nunique(), _evidence(hits.assign(quote=hits["text"]))))
    return found


def key_findings(tables: dict) -> list[Finding]:
    """The summary's findings, in a fixed order."""
    return growth_findings(tables) + plan_findings(tables) + secretary_findings(tables) + vocabulary_findings(tables)[:3]


def limits(tables: dict, found: list[Finding] | None = None) -> list[tuple[str, str]]:
    """What the corpus cannot answer, as ``(en, vi)`` sentences; *found* is the summary's
    :func:`key_findings` when the caller has them already."""
    said = []
    comparison = analysis.term_comparison(tables)
    indicators = comparison[comparison["section"] == "indicators"]
    earlier, later = analysis.terms_of(tables)
    one_sided = indicators[(indicators[earlier] == "") | (indicators[later] == "")]
    if len(one_sided):
        said.append((f"{len(one_sided)} of {len(indicators)} indicators are stated for one term only, so they cannot be "
                     "compared across terms (notebook 2 lists them).",
                     f"{len(one_sided)} trên {len(indicators)} chỉ số chỉ được nêu cho một nhiệm kỳ nên không so sánh được "
                     "(xem sổ tay 2)."))
    q = tables["quantities"]
    if len(q):
        unattributed = (q["term_span"] == "").sum()
        said.append((f"{unattributed} of {len(q)} figures name no term and are left out of every term comparison.",
                      f"{unattributed} trên {len(q)} số liệu không gắn với nhiệm kỳ nào và không được đưa vào so sánh."))
    for finding in key_findings(tables) if found is None else found:
        if finding.n_articles == 1:
            said.append((f"Rests on one article: {finding.en}", f"Chỉ dựa trên một bài: {finding.vi}"))
    docs = tables["documents"]
    undated = (docs["published"] == "").sum()
    if undated:
        said.append((f"{undated} of {len(docs)} articles have no publication date, so no merger period.",
                     f"{undated} trên {len(docs)} bài không có ngày đăng nên không xác định được giai đoạn."))
    return said
