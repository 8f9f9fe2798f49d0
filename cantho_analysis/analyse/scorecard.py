"""The researcher's two corpus-level tables: the scorecard and the tenures.

``scorecard``: one row per territory, metric and unit: the earlier term's target and result,
the latest result (the baseline), the current term's target, the yearly growth that target
needs from the baseline, and "x/y chỉ tiêu" statements.  Only a congress resolution's target
(``plan_level == "term"``) fills a term target; annual targets never do.  Predecessor territories
("Hậu Giang") have rows of their own beside the merged unit ("Cần Thơ (merged)").

``tenures``: one row per territory, body, post and person, with the first and last article that
names the person in that post.  Posts from a career list (``former``) and national posts are no
tenure of the territory's bodies; a person who moved from a predecessor province to the merged
city keeps both spells.
"""

from __future__ import annotations

import re

import pandas as pd

# Money in one unit per currency, so a target in "nghìn tỷ" meets its baseline in "tỷ".
_UNIT_SCALE = {"thousand_billion_vnd": ("billion_vnd", 1000.0), "billion_usd": ("million_usd", 1000.0)}
# Indicators measured as a level: the target's yearly growth from the baseline is meaningful.
LEVEL_METRICS = {"economy_size", "grdp_per_capita", "income_per_capita", "budget_revenue", "exports", "retail_sales",
                 "total_investment"}
# Levels at a point in time: a term review's "quy mô nền kinh tế đạt N tỷ đồng" is the level at the
# term's end.  Flows summed over a term ("thu ngân sách cả nhiệm kỳ đạt N tỷ đồng") are not.
_STATE_METRICS = {"economy_size", "grdp_per_capita", "income_per_capita"}
# Rates a congress sets as a yearly average over its term.
_AVERAGED_METRICS = {"grdp_growth"}
# Always on the scorecard, with or without a target.
KEY_METRICS = {"grdp_growth", "economy_size", "grdp_per_capita", "budget_revenue"}
_TALLY_METRICS = {"targets_met", "targets_unmet", "targets_on_track", "targets_below_target"}
_RESULTS = {"achieved", "estimated"}
_PROVINCIAL_LEVELS = {"province", "party_agencies", "state_bodies"}


def scorecard(tables: dict) -> pd.DataFrame:
    """The scorecard table (see the module docstring and the codebook)."""
    from ..output import codebook

    terms = tables["terms"].sort_values("start_year")
    spans = [f"{r.start_year}-{r.end_year}" for r in terms.itertuples()]
    previous, current = (spans + ["", ""])[:2]
    q = _normalised(tables["quantities"])
    # "gấp 10 lần so với năm 2004" and "vượt 1,3% dự toán" say how far, not how much.
    # A level in percent ("quy mô kinh tế tăng 11%", "thu ngân sách đạt 103% dự toán") is a change
    # or a share of a plan, not the level a target sets.
    q = q[(q["level"] == "province") & (q["territory"] != "") & (q["metric"] != "other") & (q["unit"] != "ratio")
          & (q["qualifier"] != "exceeds") & ~(q["metric"].isin(LEVEL_METRICS | _STATE_METRICS) & (q["unit"] == "percent"))]
    q = q.assign(is_average=_is_average(q, tables["sentences"]))
    q = q.merge(tables["documents"][["doc_id", "published"]], on="doc_id", how="left")
    rows = []
    for (territory, metric, unit), group in q.groupby(["territory", "metric", "unit"], sort=True):
        row = _row(group, previous, current)
        if row is not None:
            rows.append({"territory": territory, "metric": metric, "unit": unit, **row})
    return codebook.typed_frame("scorecard", rows)


def _normalised(quantities: pd.DataFrame) -> pd.DataFrame:
    q = quantities.copy()
    for unit, (into, factor) in _UNIT_SCALE.items():
        rows = q["unit"] == unit
        q.loc[rows, "value"] = q.loc[rows, "value"] * factor
        q.loc[rows, "value_max"] = q.loc[rows, "value_max"] * factor
        q.loc[rows, "unit"] = into
    return q


def _row(group: pd.DataFrame, previous: str, current: str) -> dict | None:
    metric = group["metric"].iloc[0]
    targets = group[(group["kind"] == "target") & (group["plan_level"] == "term")]
    results = group[group["kind"].isin(_RESULTS)]
    prev_target = _most_stated(targets[targets["term_span"] == previous])
    cur_target = _most_stated(targets[targets["term_span"] == current])
    tally = _tally(group, previous) if metric in _TALLY_METRICS else None
    if tally is not None or metric in _TALLY_METRICS:
        results = results.iloc[0:0]  # a tally's x/y is its result: the targets_met column holds it
    prev_result = _previous_result(metric, results[results["term_span"] == previous])
    baseline = _baseline(metric, results)
    if not any(x is not None for x in (prev_target, cur_target, tally)) and metric not in KEY_METRICS:
        return None
    if not any(x is not None for x in (prev_target, cur_target, prev_result, baseline, tally)):
        return None
    row = {
        "previous_term_target": _value(prev_target), "previous_term_target_max": _value(prev_target, "value_max"),
        "previous_term_target_qualifier": _qualifier(prev_target),
        "previous_term_result": _value(prev_result), "previous_term_result_year": _period(prev_result),
        "baseline": _value(baseline), "baseline_year": int(baseline["ref_period"]) if baseline is not None else None,
        "current_term_target": _value(cur_target), "current_term_target_max": _value(cur_target, "value_max"),
        "current_term_target_qualifier": _qualifier(cur_target),
        "implied_annual_growth": _implied_growth(metric, baseline, cur_target, current),
        "targets_met": tally[0] if tally else "",
    }
    cells = {"previous_term_target": prev_target, "previous_term_result": prev_result, "baseline": baseline,
             "current_term_target": cur_target, "targets_met": tally[1] if tally else None}
    row["provenance"] = "; ".join(f"{name}: {cell['doc_id']}#{cell['sent_id']}" for name, cell in cells.items() if cell is not None)
    return row


def _most_stated(rows: pd.DataFrame):
    """The value stated in most articles (ties: the first stated), as a row."""
    if rows.empty:
        return None
    rows = rows.sort_values(["doc_id", "sent_id"], kind="mergesort")
    stated = list(zip(rows["value"], rows["value_max"].fillna(-1), rows["qualifier"]))
    articles: dict[tuple, set] = {}
    for key, doc_id in zip(stated, rows["doc_id"]):
        articles.setdefault(key, set()).add(doc_id)
    best = max(articles, key=lambda key: len(articles[key]))  # max keeps the first of equal counts
    return rows.iloc[stated.index(best)]


def _period_end(period: str) -> int:
    years = re.findall(r"\d{4}", period or "")
    return int(years[-1]) if years else 0


def _latest(rows: pd.DataFrame):
    """The result of the latest period the figures state (a span before a single year of the same
    end, an achieved figure before an estimate, the first stated among equals); figures that
    state no period count only when none does."""
    if rows.empty:
        return None
    rows = rows.sort_values(["doc_id", "sent_id"], kind="mergesort")
    if (rows["ref_period"] != "").any():
        rows = rows[rows["ref_period"] != ""]
    period = rows["ref_period"].where(rows["ref_period"] != "", rows["term_span"])
    keyed = rows.assign(_end=period.map(_period_end), _span=period.str.contains("-"), _achieved=rows["kind"] == "achieved")
    keyed = keyed.sort_values(["_end", "_span", "_achieved"], ascending=False, kind="mergesort")
    return keyed.iloc[0]


def _previous_result(metric: str, rows: pd.DataFrame):
    """The earlier term's result: for a rate its target sets as a yearly average over the term
    (growth), the term's average as most articles state it ("bình quân đạt 6,4%/năm"), before
    any single year's; otherwise the latest result."""
    if metric in _AVERAGED_METRICS:
        whole = rows[rows["is_average"] | rows["ref_period"].str.contains("-", regex=False)]
        if not whole.empty:
            return _most_stated(whole)
    return _latest(rows)


_AVERAGE = re.compile(r"bình\s+quân|trung\s+bình|mỗi\s+năm|hằng\s+năm|hàng\s+năm", re.IGNORECASE)


def _is_average(q: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Whether a figure is a yearly average: "bình quân" (or "mỗi năm", "hằng năm") shortly
    before it, or "/năm" after it."""
    joined = q[["doc_id", "sent_id", "start", "quote"]].merge(
        sentences[["doc_id", "sent_id", "start", "text"]].rename(columns={"start": "sent_start"}), on=["doc_id", "sent_id"], how="left")
    flags = [bool(_AVERAGE.search(text[max(0, start - base - 60):max(0, start - base)])) or quote.endswith("/năm")
             if isinstance(text, str) else quote.endswith("/năm")
             for start, base, text, quote in zip(joined["start"], joined["sent_start"], joined["text"], joined["quote"])]
    return pd.Series(flags, index=q.index, dtype=bool)


def _baseline(metric: str, results: pd.DataFrame):
    """The latest single-year result; when none states a year, for a level at a point in time
    (the economy's size, per capita figures), a term review's figure is the level at the term's end."""
    dated = results[results["ref_period"].str.fullmatch(r"\d{4}")]
    if dated.empty and metric in _STATE_METRICS:
        undated = results[(results["ref_period"] == "") & (results["term_span"] != "")]
        years = [_reviewed_year(span, published) for span, published in zip(undated["term_span"], undated["published"].fillna(""))]
        dated = pd.concat([dated, undated.assign(ref_period=years)])
    return _latest(dated)


def _reviewed_year(term_span: str, published: str) -> str:
    """The year an undated level describes: its term's last year, unless its article appeared
    before then (a yearly review: the year before an article of January to March, else its own)."""
    end = int(term_span[-4:])
    if len(published) >= 7:
        year, month = int(published[:4]), int(published[5:7])
        end = min(end, year - 1 if month <= 3 else year)
    return str(end)


def _tally(group: pd.DataFrame, previous: str):
    """``("x/y (period)", row)`` of an "x/y chỉ tiêu" statement, the earlier term's first."""
    tallies = group[group["denominator"].notna()]
    if tallies.empty:
        return None
    chosen = _latest(tallies[tallies["term_span"] == previous]) if (tallies["term_span"] == previous).any() else _latest(tallies)
    period = chosen["ref_period"] or chosen["term_span"]
    return f"{chosen['value']:g}/{chosen['denominator']:g}" + (f" ({period})" if period else ""), chosen


def _value(row, column: str = "value"):
    if row is None or pd.isna(row[column]):
        return None
    return float(row[column])


def _qualifier(row) -> str:
    if row is None:
        return ""
    return "range" if pd.notna(row["value_max"]) else row["qualifier"]


def _period(row) -> str:
    """The period a result states, or "term <span>" when it states none (a figure of the term's review)."""
    if row is None:
        return ""
    return row["ref_period"] or (f"term {row['term_span']}" if row["term_span"] else "")


def _implied_growth(metric: str, baseline, target, current: str):
    """Yearly growth (%) that takes the baseline to the target by the target's year (the term's
    last year unless the target names one): ``(target / baseline) ** (1 / years) - 1``."""
    if metric not in LEVEL_METRICS or baseline is None or target is None or not current:
        return None
    year = _period_end(target["ref_period"]) or _period_end(current)
    years = year - int(baseline["ref_period"])
    if years <= 0 or baseline["value"] <= 0:
        return None
    return round(((float(target["value"]) / float(baseline["value"])) ** (1 / years) - 1) * 100, 1)


def annual_targets(tables: dict) -> pd.DataFrame:
    """The annual_targets table: one row per territory, metric, unit and year that an annual
    resolution or plan sets a target for (``plan_level == "annual"``), beside the result the
    articles state for that year.  These never fill a term cell of the scorecard."""
    from ..output import codebook

    q = _normalised(tables["quantities"])
    # Indicators only: a count ("12.000 đại biểu") is no yearly target.
    q = q[(q["level"] == "province") & (q["territory"] != "") & (q["metric"] != "other")
          & ~q["unit"].isin(["ratio", "persons", "organizations", "count", "targets", "tasks"]) & q["ref_period"].str.fullmatch(r"\d{4}")]
    targets = q[(q["kind"] == "target") & (q["plan_level"] == "annual")]
    results = q[q["kind"].isin(_RESULTS)]
    rows = []
    for (territory, metric, unit, year), group in targets.groupby(["territory", "metric", "unit", "ref_period"], sort=True):
        target = _most_stated(group)
        result = _latest(results[(results["territory"] == territory) & (results["metric"] == metric)
                                 & (results["unit"] == unit) & (results["ref_period"] == year)])
        cells = {"target": target, "result": result}
        rows.append(dict(territory=territory, metric=metric, unit=unit, year=int(year), annual_target=_value(target),
                         annual_target_max=_value(target, "value_max"), annual_target_qualifier=_qualifier(target),
                         annual_result=_value(result), annual_result_kind=result["kind"] if result is not None else "",
                         provenance="; ".join(f"{name}: {cell['doc_id']}#{cell['sent_id']}" for name, cell in cells.items()
                                              if cell is not None)))
    return codebook.typed_frame("annual_targets", rows)


def tenures(tables: dict) -> pd.DataFrame:
    """The tenures table (see the module docstring and the codebook)."""
    from ..output import codebook

    officials = tables["officials"]
    officials = officials[(officials["territory"] != "") & officials["level"].isin(_PROVINCIAL_LEVELS)
                          & (officials["status"] != "former") & (officials["position_code"] != "")]
    dated = officials.merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    # Without a date, an old unit and the merged one cannot be told apart ("Bí thư Thành ủy Cần
    # Thơ" in 2024 or in 2026): such mentions make no tenure of either.
    from ..extract import gazetteer

    ambiguous = (dated["published"] == "") & dated["territory"].map(
        lambda t: len(gazetteer.members(t.removesuffix(gazetteer.MERGED_SUFFIX))) > 1 or bool(gazetteer.successor(t))).astype(bool)
    dated = dated[~ambiguous]
    rows = []
    keys = ["territory", "organization_key", "position_code", "name"]
    for key, group in dated.sort_values(["doc_id", "sent_id"], kind="mergesort").groupby(keys, sort=True):
        published = group.loc[group["published"] != "", "published"]
        cited = group.drop_duplicates("doc_id")
        rows.append(dict(zip(keys, key), first_seen=published.min() if len(published) else "",
                         last_seen=published.max() if len(published) else "", n_articles=group["doc_id"].nunique(),
                         status="appointed" if (group["status"] == "appointed").any() else "current",
                         provenance="; ".join(f"{r.doc_id}#{r.sent_id}" for r in cited.head(5).itertuples())
                         + ("; …" if len(cited) > 5 else "")))
    return codebook.typed_frame("tenures", rows, ["territory", "organization_key", "position_code", "first_seen", "name"])
