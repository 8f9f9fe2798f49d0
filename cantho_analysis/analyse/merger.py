"""The merger's changes: one corpus-level table, before and after, each cell labelled and sourced.

``merger_changes`` has one row per aspect, territory and term (and, for bodies, per body):

- the sizes of the executive committee (Ban Chấp hành), its standing committee (Ban Thường vụ)
  and the inspection commission (Ủy ban Kiểm tra), with how they were chosen: ``elected`` when
  the sentence (else its paragraph) says "bầu", "trúng cử"; ``appointed`` when it says "chỉ
  định" or cites the Politburo's or the Secretariat's decisions (Directive 45-CT/TW had the
  merged provinces' first committees appointed); ``not_stated`` otherwise;
- the Party organisations directly under the committee, the grassroots organisations, the
  cells, and the Party members;
- the administrative units: communes, wards and the commune level as a whole, districts;
- bodies named only after the merger, and bodies whose name joins two ("Ban Tuyên giáo và Dân
  vận").

A predecessor ("Hậu Giang") and the merged unit ("Cần Thơ (merged)") are different territories,
so "before" and "after" are rows of their own, never one figure.  When the articles give
several values for one cell, the value stated in most articles wins (ties: the latest) and
the others are kept in ``other_values`` with their sources.
"""

from __future__ import annotations

import re

import pandas as pd

from ..extract import gazetteer

# The committee a size belongs to: the last one named before the number in its clause.
_COMMITTEES = {
    "executive_committee_size": r"Ban\s+[Cc]hấp\s+hành|BCH",
    "standing_committee_size": r"Ban\s+Thường\s+vụ|BTV",
    "inspection_commission_size": r"Ủy\s+ban\s+Kiểm\s+tra|UBKT",
}
_COMMITTEE_RE = re.compile("|".join(f"(?P<{aspect}>{source})" for aspect, source in _COMMITTEES.items()))
# A size is what the committee "gồm / có / là" or the number written right after its name
# ("Ban Thường vụ 17 người"); "bầu 2 đồng chí làm Phó Bí thư" counts people elected to a post.
_GOVERNS_SIZE = re.compile(r"(?:gồm|bao\s+gồm|có|là|với)\s*\Z|(?:" + "|".join(_COMMITTEES.values())
                           + r")(?:\s+(?:Tỉnh|Thành)\s+ủy)?\s*\Z")
# "bầu 13 người vào Ban Thường vụ": the committee after the number.
_INTO_COMMITTEE = re.compile(r"\s*(?:đồng\s+chí|người|thành\s+viên|ủy\s+viên)?\s+vào\s+(?:" + "|".join(_COMMITTEES.values()) + ")")
_SELECTION = {
    "appointed": re.compile(r"chỉ\s+định|(?:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư)[^.;]{0,40}quyết\s+định"
                            r"|(?:theo|căn\s+cứ(?:\s+vào)?)\s+(?:các\s+)?quyết\s+định", re.IGNORECASE),
    "elected": re.compile(r"(?<!\w)bầu(?!\w)|trúng\s+cử|bỏ\s+phiếu", re.IGNORECASE),
}
# Party organisations by the words counted (the quantity's noun, lower case).
_ORGANISATIONS = {
    "party_committees_under": re.compile(r"đảng\s+bộ(?:\s+trực\s+thuộc|\s+cấp\s+trên\s+cơ\s+sở)?\Z"),
    "grassroots_party_organizations": re.compile(r"tổ\s+chức\s+cơ\s+sở\s+đảng\Z"),
    "party_cells": re.compile(r"chi\s+bộ(?:\s+trực\s+thuộc)?\Z"),
}
_MEMBER_METRICS = {"members_represented", "party_membership"}
# Administrative units by the words after the number: "64 đơn vị hành chính cấp xã", "70 đơn vị
# hành chính trực thuộc (14 phường, 56 xã)" and "64 xã, phường" count the whole commune level.
_UNITS = {
    "commune_level_units": re.compile(r"đơn\s+vị\s+hành\s+chính\s+cấp\s+xã|đơn\s+vị(?:\s+hành\s+chính)?(?:\s+trực\s+thuộc)?\s*\(\s*\d+\s+(?:xã|phường)"
                                      r"|(?:xã\s*(?:,|và)\s*phường|phường\s*(?:,|và)\s*xã)(?!\s*\w*\s*\d)"),
    "district_level_units": re.compile(r"đơn\s+vị\s+hành\s+chính\s+cấp\s+huyện"),
    "communes": re.compile(r"xã(?!\s*\w)"),
    "wards": re.compile(r"phường(?!\s*\w)"),
    "special_zones": re.compile(r"đặc\s+khu(?!\s*\w)"),
}
_NUMBER = re.compile(r"[\d.,]+\s*")
# "dự kiến", "sẽ", "đề án": the figure of a plan, not yet the fact.
_PLANNED = re.compile(r"dự\s+kiến|(?<!\w)sẽ(?!\w)|theo\s+(?:đề\s+án|phương\s+án)|trong\s+tương\s+lai", re.IGNORECASE)
_PROVINCIAL = {"province", ""}
# Articles naming a unit's bodies before the merger for "named only after the merger" to be reported.
MIN_ARTICLES_BEFORE = 5
ASPECTS = [*_COMMITTEES, *_ORGANISATIONS, "party_members", *_UNITS, "body_named_after_merger", "body_combined"]


def merger_changes(tables: dict) -> pd.DataFrame:
    """The merger_changes table (see the module docstring and the codebook)."""
    from ..output import codebook

    facts = pd.concat([_committee_facts(tables), _organisation_facts(tables), _unit_facts(tables)], ignore_index=True)
    rows = [_cell(key, group) for key, group in facts.groupby(["aspect", "territory", "term_span", "detail"], sort=False)] \
        if not facts.empty else []
    rows += _body_rows(tables)
    order = {aspect: i for i, aspect in enumerate(ASPECTS)}
    rows.sort(key=lambda row: (order[row["aspect"]], row["territory"], row["term_span"], row["detail"]))
    return codebook.typed_frame("merger_changes", rows)


def _with_context(tables: dict, q: pd.DataFrame, with_paragraph: bool = False) -> pd.DataFrame:
    """*q* with its sentence's text, the text before and after the number, its article's date
    and, when asked (only committees need it), its paragraph's text."""
    sentences = tables["sentences"]
    s = sentences[["doc_id", "sent_id", "para_id", "text", "start"]].rename(columns={"start": "sent_start"})
    q = q.merge(s, on=["doc_id", "sent_id"]).merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    if with_paragraph:
        rows = sentences[sentences["doc_id"].isin(set(q["doc_id"]))]
        paragraphs = rows.groupby(["doc_id", "para_id"], sort=False)["text"].agg(" ".join).rename("paragraph")
        q = q.merge(paragraphs.reset_index(), on=["doc_id", "para_id"])
    left = [text[:start - base] for text, start, base in zip(q["text"], q["start"], q["sent_start"])]
    right = [text[end - base:] for text, end, base in zip(q["text"], q["end"], q["sent_start"])]
    return q.assign(left=left, right=right)


def _fact(q: pd.DataFrame, aspect, selection="") -> pd.DataFrame:
    return pd.DataFrame({
        "aspect": aspect, "territory": q["territory"], "term_span": q["term_span"].fillna(""), "detail": "",
        "value": q["value"].astype(float), "unit": q["unit"], "selection": selection,
        "is_planned": q["text"].str.contains(_PLANNED).astype(bool), "doc_id": q["doc_id"], "sent_id": q["sent_id"],
        "published": q["published"], "start": q["sent_start"], "end": q["sent_start"] + q["text"].str.len(), "quote": q["text"]})


def _committee_facts(tables: dict) -> pd.DataFrame:
    q = tables["quantities"]
    q = q[(q["metric"] == "committee_size") & (q["unit"] == "persons") & q["level"].isin(_PROVINCIAL)
          & (q["territory"] != "") & q["denominator"].isna()]
    if q.empty:
        return pd.DataFrame()
    q = _with_context(tables, q, with_paragraph=True)
    aspects = [_committee_of(left, right) for left, right in zip(q["left"], q["right"])]
    chosen = [_selection(sentence, paragraph) for sentence, paragraph in zip(q["text"], q["paragraph"])]
    q = q.assign(aspect=aspects, selection=chosen)
    q = q[q["aspect"] != ""]
    return _fact(q, q["aspect"].to_numpy(), selection=q["selection"].to_numpy())


def _committee_of(left: str, right: str) -> str:
    """The committee whose size the number between *left* and *right* is, or ""."""
    into = _INTO_COMMITTEE.match(right)
    if into:
        return _COMMITTEE_RE.search(into.group()).lastgroup
    clause = re.split(r"[;:]|,\s*trong\s+đó|\(", left)[-1]
    named = list(_COMMITTEE_RE.finditer(clause))
    if not named or not _GOVERNS_SIZE.search(clause):
        return ""
    return named[-1].lastgroup


def _selection(sentence: str, paragraph: str) -> str:
    """How the committee was chosen: the first cue of its sentence, else of its paragraph."""
    for text in (sentence, paragraph):
        found = [(match.start(), how) for how, pattern in _SELECTION.items() for match in pattern.finditer(text)]
        if found:
            return min(found)[1]
    return "not_stated"


def _organisation_facts(tables: dict) -> pd.DataFrame:
    q = tables["quantities"]
    q = q[q["level"].isin(_PROVINCIAL) & (q["territory"] != "") & q["denominator"].isna()
          & (q["metric"].isin(_MEMBER_METRICS) | (q["metric"] == "party_organizations"))]
    if q.empty:
        return pd.DataFrame()
    q = _with_context(tables, q)
    nouns = q["noun"].fillna("").str.lower()
    aspects = ["party_members" if metric in _MEMBER_METRICS else _first_match(_ORGANISATIONS, noun)
               for metric, noun in zip(q["metric"], nouns)]
    q = q.assign(aspect=aspects)
    q = q[q["aspect"] != ""]
    return _fact(q, q["aspect"].to_numpy())


def _unit_facts(tables: dict) -> pd.DataFrame:
    q = tables["quantities"]
    q = q[q["level"].isin(_PROVINCIAL) & (q["territory"] != "") & q["denominator"].isna() & (q["kind"] == "count")]
    if q.empty:
        return pd.DataFrame()
    q = _with_context(tables, q)
    aspects = [_unit_aspect(text[start - base:]) for text, start, base in zip(q["text"], q["start"], q["sent_start"])]
    q = q.assign(aspect=aspects, unit="count")  # "64 đơn vị" (organizations) and "50 xã" (count) count alike
    q = q[q["aspect"] != ""]
    return _fact(q, q["aspect"].to_numpy())


def _unit_aspect(tail: str) -> str:
    """The kind of administrative unit counted by the number that starts *tail*, or ""."""
    number = _NUMBER.search(tail)
    words = tail[number.end():].lower() if number else ""
    return next((name for name, pattern in _UNITS.items() if pattern.match(words)), "")


def _first_match(patterns: dict, noun: str) -> str:
    return next((name for name, pattern in patterns.items() if pattern.fullmatch(noun)), "")


def _cell(key: tuple, group: pd.DataFrame) -> dict:
    """One cell: the value stated in most articles (ties: the latest), the others beside it."""
    aspect, territory, term_span, detail = key
    stated = group[~group["is_planned"]] if (~group["is_planned"]).any() else group
    votes = stated.groupby("value").agg(n=("doc_id", "nunique"), latest=("published", "max")).reset_index()
    best = votes.sort_values(["n", "latest", "value"], ascending=False, kind="mergesort").iloc[0]
    chosen = stated[stated["value"] == best["value"]].sort_values(["published", "doc_id", "sent_id"], ascending=[False, True, True],
                                                                  kind="mergesort")
    first = chosen.iloc[0]
    others = group[group["value"] != best["value"]]
    selections = chosen.loc[chosen["selection"] != "not_stated", "selection"]
    return dict(aspect=aspect, territory=territory, is_predecessor=_is_predecessor(territory), term_span=term_span, detail=detail,
                value=best["value"], unit=first["unit"], selection=selections.iloc[0] if len(selections) else first["selection"],
                is_planned=bool(first["is_planned"]), as_of=first["published"], n_articles=int(best["n"]),
                other_values=_other_values(others), provenance=_cited(chosen), **_source(first))


def _source(row) -> dict:
    """The first source of a cell, to read its sentence (a body's: its name in an office title)."""
    return dict(doc_id=row["doc_id"], sent_id=int(row["sent_id"]), start=int(row["start"]), end=int(row["end"]), quote=row["quote"])


def _is_predecessor(territory: str) -> bool:
    """Whether *territory* is an old unit that joined a merged one."""
    return not territory.endswith(gazetteer.MERGED_SUFFIX) and bool(gazetteer.successor(territory))


def _cited(rows: pd.DataFrame, limit: int = 5) -> str:
    cited = rows.drop_duplicates("doc_id")
    return "; ".join(f"{r.doc_id}#{r.sent_id}" for r in cited.head(limit).itertuples()) + ("; …" if len(cited) > limit else "")


def _other_values(rows: pd.DataFrame) -> str:
    parts = []
    for value, group in rows.groupby("value", sort=True):
        parts.append(f"{value:g} ({_cited(group, 2)})")
    return "; ".join(parts)


def _body_rows(tables: dict) -> list[dict]:
    """Bodies of the merged units named only after the merger, and bodies whose name joins two."""
    officials = tables["officials"]
    officials = officials[officials["organization_key"].str.contains(":", regex=False) & (officials["territory"] != "")
                          & officials["level"].isin({"province", "party_agencies", "state_bodies"}) & (officials["status"] != "former")]
    if officials.empty:
        return []
    dated = officials.merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    merged = dated["territory"].str.endswith(gazetteer.MERGED_SUFFIX)
    before = {(gazetteer.successor(t) or t, _body_kind(name, key))
              for t, name, key in zip(dated.loc[~merged, "territory"], dated.loc[~merged, "organization"], dated.loc[~merged, "organization_key"])}
    # "Named only after the merger" says something only where the corpus often names the unit's
    # bodies before it.
    before_articles = dated[~merged].assign(kept=[gazetteer.successor(t) or t for t in dated.loc[~merged, "territory"]])
    counts = before_articles.groupby("kept")["doc_id"].nunique()
    covered = set(counts[counts >= MIN_ARTICLES_BEFORE].index)
    rows = []
    for (territory, name), group in dated[merged].groupby(["territory", "organization"], sort=True):
        kept = territory[: -len(gazetteer.MERGED_SUFFIX)]
        combined = bool(_JOINED.search(name))
        if not combined and (kept not in covered or (kept, _body_kind(name, group["organization_key"].iloc[0])) in before):
            continue
        group = group.sort_values(["published", "doc_id", "sent_id"], kind="mergesort")
        first = group.iloc[0]
        rows.append(dict(aspect="body_combined" if combined else "body_named_after_merger", territory=territory,
                         is_predecessor=False, term_span="", detail=name, value=None, unit="", selection="",
                         is_planned=False, as_of=group["published"].max(), n_articles=group["doc_id"].nunique(), other_values="",
                         provenance=_cited(group), **_source(first)))
    return rows


# "Ban Tuyên giáo và Dân vận": two bodies' names joined ("Ban Kinh tế - Ngân sách" is one body's).
_JOINED = re.compile(r"^Ban\s+\w+(?:\s+\w+)?\s+và\s+[A-ZĐ]", re.UNICODE)


def _body_kind(name: str, key: str) -> str:
    """What makes two bodies the same across the merger: the kind of a known body, the name
    without its place for an open one ("Sở Nội vụ")."""
    kind = key.split(":", 1)[0]
    if kind != "unit":
        return kind
    return re.sub(r"\s+(?:tỉnh|thành\s+phố|TP\.?)\s.*\Z", "", name).lower()


def merger_view(changes: pd.DataFrame, focus: str, predecessors: list[str], lang: str = "en",
                merger_year: int = 2025) -> pd.DataFrame:
    """The merger table for one merged unit: one row per aspect, one column per predecessor
    (before) and per term of the merged unit (after); each cell "value (how chosen) [source]".
    Bodies list their names.  Only territories and aspects with a value appear; a predecessor's
    row for a term that starts after the merger (it had none) is left out."""
    from .analysis import label, territory_label

    rows = changes[changes["territory"].isin([*predecessors, focus])]
    after_its_end = rows["territory"].isin(predecessors) & (rows["term_span"].str[:4] >= str(merger_year))
    rows = rows[~after_its_end]
    if rows.empty:
        return pd.DataFrame(columns=["aspect"])
    columns, cells = [], {}
    for territory in [*predecessors, focus]:
        own = rows[rows["territory"] == territory]
        for term_span in sorted(own["term_span"].unique(), key=lambda span: (span == "", span)):
            name = territory_label(territory, lang=lang) + (f", {term_span}" if term_span else "")
            if term_span == "" and territory == focus:
                name = territory_label(territory, lang=lang)
            columns.append(name)
            for r in own[own["term_span"] == term_span].itertuples():
                cells.setdefault(r.aspect, {}).setdefault(name, []).append(_cell_text(r, lang))
    order = [aspect for aspect in ASPECTS if aspect in cells]
    table = pd.DataFrame([{"aspect": label(aspect, lang), **{c: "; ".join(cells[aspect].get(c, [])) for c in columns}}
                          for aspect in order])
    return table[["aspect", *dict.fromkeys(columns)]]


def _cell_text(row, lang: str) -> str:
    from .analysis import label
    from .findings import number

    if pd.isna(row.value):
        return f"{row.detail} [{row.provenance}]"
    notes = [label(row.selection, lang)] if row.selection not in ("", "not_stated") else []
    notes += [label("planned", lang)] if row.is_planned else []
    return number(float(row.value), lang) + (f" ({', '.join(notes)})" if notes else "") + f" [{row.provenance}]"
