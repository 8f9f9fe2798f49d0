"""Statistics for the notebooks, computed here so the notebooks only display and plot them.

Every function takes the dict of tables from :func:`cantho_analysis.build_tables` and returns a
tidy DataFrame that keeps ``doc_id``/``sent_id``/``quote`` (or a ``provenance`` column), so each
number can be traced back to its sentence.
"""

from __future__ import annotations

import functools
from collections import Counter

import pandas as pd

from ..extract.lexicon import load_csv, load_yaml

# Administrative vocabulary whose use before and after the merger the merger notebook compares.
# Generic Vietnamese terms of the 2025 reform, not taken from any article.
ADMIN_VOCABULARY = {
    "quận, huyện (districts)": r"quận|huyện",
    "xã, phường (communes, wards)": r"\bxã\b(?!\s+hội)|phường",
    "hai cấp (two-level)": r"hai cấp",
    "sáp nhập (merger)": r"sáp nhập|hợp nhất",
    "tinh gọn (streamlining)": r"tinh gọn",
    "sắp xếp (rearrangement)": r"sắp xếp",
    "Đảng bộ các cơ quan Đảng (Party agencies committee)": r"Đảng bộ các cơ quan Đảng",
}


def label(code: str, lang: str = "en") -> str:
    """English or Vietnamese label of a code from the package vocabularies.

    Term labels depend on the corpus: see :func:`term_names`.

    >>> label("anti_corruption"), label("post_merger", "vi")
    ('Anti-corruption, inspection and thrift', 'Sau hợp nhất')
    """
    labels = _labels(lang)
    return labels.get(code, code)


@functools.lru_cache(maxsize=None)
def _labels(lang: str) -> dict:
    key = "label_vi" if lang == "vi" else "label_en"
    labels = {d["code"]: d.get(key, d["code"]) for d in load_yaml("policy_domains.yaml")["domains"]}
    labels.update({p["code"]: p["vi"][0] if lang == "vi" else p["en"] for p in load_yaml("positions.yaml")["positions"]})
    labels.update({m["code"]: m["en"] for m in load_yaml("metrics.yaml")["metrics"]})
    labels.update(_label_table(lang))
    return labels


def text(code: str, lang: str = "en", **values) -> str:
    """A sentence of the package's own, from ``data/labels.csv``, with *values* filled in.

    >>> text("fig_vocabulary_title", "vi", n=12)
    'Từ ngữ hành chính trước và sau hợp nhất (n = 12 câu)'
    """
    return _label_table(lang)[code].format(**values)


@functools.lru_cache(maxsize=None)
def _label_table(lang: str) -> dict:
    """The package's own bilingual labels (``data/labels.csv``: code, en, vi)."""
    return {row["code"]: row["vi" if lang == "vi" else "en"] for row in load_csv("labels.csv")}


def glossary() -> pd.DataFrame:
    """The bilingual glossary of offices, bodies, terms and units (``data/glossary.csv``).

    >>> glossary().columns.tolist()
    ['term_vi', 'term_en', 'category', 'note']
    """
    return pd.DataFrame(load_csv("glossary.csv")).sort_values(["category", "term_vi"], kind="mergesort").reset_index(drop=True)


def context_table() -> pd.DataFrame:
    """The cited outside context (merger date, resolution, term years) used as assumptions."""
    return pd.DataFrame(load_csv("context.csv"))


def provenance(frame: pd.DataFrame, width: int = 90) -> pd.Series:
    """``doc_id#sent_id: “quote”`` for each row, the link from a number back to its sentence.

    >>> provenance(pd.DataFrame({"doc_id": ["d"], "sent_id": [3], "quote": ["6,85%"]})).tolist()
    ['d#3: “6,85%”']
    """
    cited = [cite(d, s, q, width) for d, s, q in zip(frame["doc_id"], frame["sent_id"], frame["quote"])]
    return pd.Series(cited, index=frame.index, dtype=object)


def cite(doc_id, sent_id, quote, width: int = 90) -> str:
    """One provenance string (see :func:`provenance`); a quote longer than *width* is cut with "…"."""
    quote = str(quote)
    return f"{doc_id}#{sent_id}: “{quote if len(quote) <= width else quote[: width - 1] + '…'}”"


def listed(items, limit: int = 5, lang: str = "en", sep: str = "; ") -> str:
    """The first *limit* items joined, and how many more there are: a cell that stays readable
    however large the corpus.

    >>> listed(["a", "b", "c"], 2), listed(["a", "b", "c"], 2, "vi")
    ('a; b; and 1 more', 'a; b; và 1 mục khác')
    """
    items = list(items)
    shown = sep.join(items[:limit])
    if len(items) <= limit:
        return shown
    return shown + sep + (f"and {len(items) - limit} more" if lang == "en" else f"và {len(items) - limit} mục khác")


def top(frame: pd.DataFrame, by: str, limit: int) -> tuple[pd.DataFrame, int]:
    """Rows of the *limit* values of *by* stated in most articles (ties by value), and how many
    values there are in all: the figures draw these and say "K most-stated of N".

    >>> frame = pd.DataFrame({"name": ["A", "B", "B", "C"], "doc_id": ["1", "1", "2", "3"]})
    >>> kept, n = top(frame, "name", 2)
    >>> sorted(kept["name"].unique()), n
    (['A', 'B'], 3)
    """
    counts = frame.groupby(by)["doc_id"].nunique()
    order = sorted(counts.index, key=lambda value: (-counts[value], str(value)))
    return frame[frame[by].isin(order[:limit])], len(order)


def by_month(documents: pd.DataFrame) -> pd.DataFrame:
    """Articles published, and events they report, per month (the timeline of a large corpus)."""
    published = documents["published"].str[:7]
    events = documents["event_date"].str[:7]
    months = sorted(set(published[published != ""]) | set(events[events != ""]))
    return pd.DataFrame({"month": months,
                         "n_published": [int((published == m).sum()) for m in months],
                         "n_events": [int((events == m).sum()) for m in months]})


def with_sentence(frame: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Add the full ``sentence`` text behind each fact row."""
    sentences = tables["sentences"][["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    return frame.merge(sentences, on=["doc_id", "sent_id"], how="left")


def per_document_counts(tables: dict) -> pd.DataFrame:
    """Rows each fact table holds per document."""
    docs = tables["documents"][["doc_id", "published"]].copy()
    for name, frame in tables.items():
        if name in ("documents", "problems", "terms", "merger_changes") or "doc_id" not in frame:  # merger_changes: corpus-level
            continue
        docs[name] = docs["doc_id"].map(frame.groupby("doc_id").size()).fillna(0).astype(int)
    return docs


def growth_series(tables: dict) -> pd.DataFrame:
    """Growth-rate statements (achieved, estimated, target) with the year or span they refer to."""
    q = tables["quantities"]
    growth = q[(q["metric"] == "grdp_growth") & (q["unit"] == "percent")].copy()
    growth["refers_to"] = growth["ref_period"].replace("", pd.NA).fillna(growth["term_span"].replace("", pd.NA)).fillna("")
    growth["provenance"] = provenance(growth)
    cols = ["territory", "level", "refers_to", "ref_period", "term_span", "plan_level", "kind", "qualifier", "value", "doc_id",
            "sent_id", "provenance"]
    return growth[cols].sort_values(["territory", "level", "refers_to", "kind", "doc_id", "sent_id"], kind="mergesort").reset_index(drop=True)


def terms_of(tables: dict) -> list[str]:
    """The labels of the corpus's two terms, earlier first (the ``terms`` table)."""
    return tables["terms"]["term"].tolist()


def term_names(tables: dict, lang: str = "en") -> dict[str, str]:
    """Display name of each term, e.g. ``{'XIV': 'XIV term (2020-2025)', ...}``."""
    from ..extract.terms import term_names as names

    return names(tables["terms"], lang)


def term_basis(tables: dict, lang: str = "en") -> str:
    """Where each term's label comes from, in one sentence per term (see :mod:`cantho_analysis.extract.terms`)."""
    from ..extract.terms import basis_sentence

    return basis_sentence(tables["terms"], lang)


def term_spans(tables: dict) -> dict[str, str]:
    """The years of each term, e.g. ``{"XIV": "2020-2025", "I": "2025-2030"}``."""
    return {t.term: f"{t.start_year}-{t.end_year}" for t in tables["terms"].itertuples()}


def with_compared_term(frame: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """*frame* with ``compared_term``: the label of the compared term its ``term_span`` names
    (the attribution stage's term, which places far more figures than the sentence's ``term``);
    empty for other terms ("2015-2020") and for rows without one."""
    by_span = {span: label for label, span in term_spans(tables).items()}
    return frame.assign(compared_term=frame["term_span"].map(by_span).fillna(""))


def territory_label(territory: str, level: str = "province", lang: str = "en") -> str:
    """Whose figure, for a table or a finding: the territory, with its level when not the whole
    province.

    >>> territory_label("Cần Thơ (merged)"), territory_label("Hậu Giang", "commune", "vi")
    ('Cần Thơ (merged)', 'Hậu Giang (xã, phường)')
    """
    if not territory:
        return "?" if level != "national" else ("national" if lang == "en" else "cả nước")
    if lang == "vi":
        territory = territory.replace(" (merged)", " (sau hợp nhất)")
    return territory if level in ("province", "") else f"{territory} ({label('level_' + level, lang)})"


_BODY_LABELS = {
    "provincial_committee": ("Provincial/City Party Committee", "Tỉnh ủy/Thành ủy"),
    "party_agencies_committee": ("Party agencies' committee", "Đảng bộ các cơ quan Đảng"),
    "people_committee": ("People's Committee", "UBND"),
    "people_council": ("People's Council", "HĐND"),
}


def body_label(key: str, lang: str = "en") -> str:
    """A readable name for an ``organization_key``: one label per body, whatever its spelling.

    >>> body_label("provincial_committee:vĩnh long"), body_label("party_agencies_committee:vĩnh long", "vi")
    ('Provincial/City Party Committee (Vĩnh Long)', 'Đảng bộ các cơ quan Đảng (Vĩnh Long)')
    """
    if not key:
        return "?"
    kind, _, place = key.partition(":")
    name = _BODY_LABELS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))[lang == "vi"]
    return f"{name} ({place.title()})" if place else name


def once_per_article(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per article and fact: a fact stated twice in one article (lead and body) counts
    once, and its row keeps every quote ("7 nhiệm vụ” / “7 nhiệm vụ").

    >>> f = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 5], "value": [6, 6], "quote": ["a", "b"]})
    >>> once_per_article(f, ["value"])[["sent_id", "quote"]].values.tolist()
    [[0, 'a” / “b']]
    """
    if frame.empty:
        return frame
    ordered = frame.sort_values(["doc_id", "sent_id"], kind="mergesort")
    group = ordered.groupby(["doc_id", *keys], sort=False, dropna=False).ngroup().to_numpy()
    quotes: dict[int, list[str]] = {}
    for gid, quote in zip(group, ordered["quote"]):  # one pass: fast on 100,000 rows
        quotes.setdefault(gid, []).append(quote)
    first = ~pd.Series(group).duplicated().to_numpy()
    kept = ordered[first]
    return kept.assign(quote=["” / “".join(quotes[gid]) for gid in group[first]]).reset_index(drop=True)


def term_comparison(tables: dict) -> pd.DataFrame:
    """Side-by-side table, one row per territory, level, plan level and indicator, a column per
    term and a provenance column.  A predecessor province, a commune or an annual resolution is
    never mixed into the province's term plan; a figure's term is its ``term_span``; a fact
    stated twice in one article counts once."""
    terms = terms_of(tables)
    q = with_compared_term(tables["quantities"], tables)
    q = once_per_article(q[q["compared_term"] != ""], ["territory", "level", "plan_level", "metric", "kind", "unit", "value"])
    rows = _compare_rows("indicators", q, ["territory", "level", "plan_level", "metric", "kind", "unit"], terms,
                         lambda r: f"{r['metric_en']} ({r['kind']}{', ' + r['plan_level'] + ' plan' if r['plan_level'] else ''}, "
                                   f"{r['unit'].replace('_vnd', ' VND').replace('_', ' ')}) · {territory_label(r['territory'], r['level'])}",
                         lambda r: f"{r['value']:g}")
    plans = plan_structures(tables)
    rows += _compare_rows("plan structure", plans[plans["compared_term"] != ""], ["territory", "level", "plan_level", "element"], terms,
                          lambda r: f"{r['element']} ({r['plan_level'] or '?'} plan) · {territory_label(r['territory'], r['level'])}",
                          lambda r: f"{r['count']} ({r['scope_kind']} {r['scope']})")
    themes = tables["themes"]
    rows += _compare_rows("theme of the year", themes[themes["term"].isin(terms)], ["doc_id", "start"], terms,
                          lambda r: str(r["year"]), lambda r: r["text"][:80] + "…", sort=False)
    return pd.DataFrame(rows, columns=["section", "indicator", *terms, "provenance"])


def _compare_rows(section: str, frame: pd.DataFrame, keys: list[str], terms: list[str], indicator, value,
                  sort: bool = True) -> list[dict]:
    """One row per group of *keys*: the values each term states and the first quotes behind them.
    Plain Python over records: a pandas operation per group costs minutes on 10,000 articles."""
    groups: dict[tuple, list[dict]] = {}
    for record in frame.to_dict("records"):
        groups.setdefault(tuple(record[k] for k in keys), []).append(record)
    rows = []
    for key in sorted(groups) if sort else groups:
        records = groups[key]
        row = {"section": section, "indicator": indicator(records[0])}
        for term in terms:
            row[term] = counted(value(r) for r in records if r.get("compared_term", r["term"]) == term)
        cited = [cite(r["doc_id"], r["sent_id"], r["quote"], 50) for r in records[:3]]
        row["provenance"] = listed(cited + [""] * (len(records) - len(cited)), 3, sep=" | ")
        rows.append(row)
    return rows


def counted(values, limit: int = 5, sep: str = "; ", lang: str = "en", times=lambda value, n: f"{value} (×{n})") -> str:
    """Distinct values, most stated first, each written ``times(value, count)`` when stated more
    than once; the first *limit* of them (see :func:`listed`).

    >>> counted(["7%", "8%", "7%"])
    '7% (×2); 8%'
    """
    counts = Counter(values)
    ordered = sorted(counts, key=lambda v: -counts[v])  # stable: first-stated first among ties
    return listed((v if counts[v] == 1 else times(v, counts[v]) for v in ordered), limit, lang, sep)


def plan_structures(tables: dict) -> pd.DataFrame:
    """Plan elements once per article, with the body and the kind of plan (annual resolution or
    term plan) they belong to."""
    plans = once_per_article(with_compared_term(tables["plan_elements"], tables),
                             ["territory", "level", "plan_level", "element", "count", "scope"])
    cols = ["term", "compared_term", "term_span", "territory", "level", "plan_level", "organization", "organization_key",
            "scope_kind", "scope", "element", "element_vi", "count", "doc_id", "sent_id", "quote"]
    return plans[cols] if not plans.empty else pd.DataFrame(columns=cols)


def officeholders(tables: dict) -> pd.DataFrame:
    """Who is named in which office, with the date of the article that says so."""
    officials = tables["officials"].merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    officials["provenance"] = provenance(officials, 60)
    grouped = officials.groupby(["position_code", "position_en", "name"], sort=True).agg(
        first_seen=("published", "min"), last_seen=("published", "max"), n_mentions=("doc_id", "size"),
        provenance=("provenance", "first"))
    return grouped.reset_index().sort_values(["position_code", "first_seen", "name"], kind="mergesort").reset_index(drop=True)


def leadership_by_term(tables: dict) -> pd.DataFrame:
    """Who held which post, by body: the first and last article that says so, the terms and
    merger periods of those statements, and a ``conflict`` flag when the articles name two
    different holders of one body's post on the same date.

    Former posts ("nguyên", "thay ông X") are left out: they say who held a post before, not when.
    """
    officials = tables["officials"][tables["officials"]["status"] != "former"]
    officials = officials[officials["organization_key"] != ""]
    cols = ["organization", "position_code", "name", "first_seen", "last_seen", "n_articles", "terms", "periods",
            "conflict", "provenance"]
    if officials.empty:
        return pd.DataFrame(columns=cols)
    facts = officials.merge(tables["documents"][["doc_id", "published"]], on="doc_id") \
        .merge(tables["sentences"][["doc_id", "sent_id", "term", "period"]], on=["doc_id", "sent_id"])
    facts["provenance"] = provenance(facts, 60)
    # Two names for one body's post in articles of the same date: a conflict to check by hand.
    holders = facts[facts["published"] != ""].groupby(["organization_key", "position_code", "published"])["name"].nunique()
    clashing = {(k, p) for (k, p, _), n in holders.items() if n > 1}
    grouped = facts.groupby(["organization_key", "position_code", "name"], sort=True).agg(
        first_seen=("published", "min"), last_seen=("published", "max"), n_articles=("doc_id", "nunique"),
        terms=("term", lambda t: ", ".join(sorted(set(t) - {""})) or "?"),
        periods=("period", lambda t: ", ".join(sorted(set(t) - {""})) or "?"),
        provenance=("provenance", "first")).reset_index()
    grouped["conflict"] = [(k, p) in clashing for k, p in zip(grouped["organization_key"], grouped["position_code"])]
    grouped["organization"] = grouped["organization_key"].map(body_label)
    return grouped.sort_values(["organization_key", "position_code", "first_seen", "name"], kind="mergesort")[cols] \
        .reset_index(drop=True)


def legal_documents(tables: dict) -> pd.DataFrame:
    """Distinct legal documents cited, by ``ref_key``, with the documents that cite them."""
    refs = tables["legal_refs"].merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    refs["provenance"] = provenance(refs, 60)
    grouped = refs.groupby("ref_key", sort=True).agg(
        doc_type=("doc_type", "first"), number=("number", "first"), code=("code", "first"),
        issued=("issued", "max"), issuer=("issuer", "max"), n_citing_docs=("doc_id", "nunique"),
        first_cited=("published", "min"), provenance=("provenance", "first"))
    return grouped.reset_index()


def leadership_timeline(tables: dict) -> pd.DataFrame:
    """One row per person, office and article date: the data of the leadership timeline."""
    officials = tables["officials"].merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    officials = officials[officials["published"] != ""]
    officials["date"] = pd.to_datetime(officials["published"].str.pad(10, "right", "-").str.replace("--", "-15", regex=False).str[:10], errors="coerce")
    timeline = officials.drop_duplicates(["doc_id", "name", "position_code"])
    return timeline[["date", "published", "name", "position_code", "position_en", "organization", "doc_id", "sent_id", "quote"]] \
        .sort_values(["date", "position_code", "name"], kind="mergesort").reset_index(drop=True)


def vocabulary_by_period(tables: dict) -> pd.DataFrame:
    """Mentions of the administrative vocabulary per 100 sentences, before and after the merger."""
    sentences = tables["sentences"]
    rows = []
    for period, group in sentences.groupby("period", sort=True):
        n = len(group)
        for term, pattern in ADMIN_VOCABULARY.items():
            hits = group[group["text"].str.contains(pattern, case=False, regex=True)]
            first = hits.head(1)
            rows.append({"period": period, "term": term, "n_sentences": n, "n_hits": len(hits),
                         "per_100_sentences": round(100 * len(hits) / n, 2) if n else 0.0,
                         "example": provenance(first.assign(quote=first["text"]), 70).iloc[0] if len(hits) else ""})
    return pd.DataFrame(rows, columns=["period", "term", "n_sentences", "n_hits", "per_100_sentences", "example"])


# Below about this many sentences, or with one article, a share says little (docs/term_rules.md).
FEW_SENTENCES = 20


def domain_shares(tables: dict, by: str) -> pd.DataFrame:
    """Share of sentences mentioning each policy domain, by ``term`` or ``period``, with its n.

    A sentence that mentions a domain counts once for it; shares are over all sentences of the
    group (``n_sentences``, from ``n_articles`` articles), so they need not add up to 1.  ``rank``
    is shared by ties; ``caution`` says when a group rests on fewer than ``FEW_SENTENCES``
    sentences or on one article.
    """
    sentences = tables["sentences"]
    coded = tables["sentence_domains"].drop_duplicates(["doc_id", "sent_id", "domain"])
    totals = sentences.groupby(by).agg(n_sentences=("sent_id", "size"), n_articles=("doc_id", "nunique"))
    counts = coded.groupby([by, "domain"]).size().rename("n_coded").reset_index()
    shares = counts.merge(totals.reset_index(), on=by)
    shares["share"] = (shares["n_coded"] / shares["n_sentences"]).round(3)
    shares["rank"] = shares.groupby(by)["n_coded"].rank(method="min", ascending=False).astype(int)
    shares["caution"] = ""
    few = (shares["n_sentences"] < FEW_SENTENCES) | (shares["n_articles"] < 2)
    shares.loc[few, "caution"] = "few sentences or one article"
    return shares.sort_values([by, "rank", "domain"], kind="mergesort").reset_index(drop=True)


def top_domains(shares: pd.DataFrame, by: str, group: str, lang: str, top: int = 3) -> str:
    """"Party building 38% (12 of 32 sentences, 3 articles), ..." for the domains ranked 1..top,
    ties included, with the group's n and a caution when it is small."""
    part = shares[(shares[by] == group) & (shares["rank"] <= top)]
    if part.empty:
        return "nothing coded" if lang == "en" else "không có câu nào được mã hóa"
    of = "of" if lang == "en" else "trên"
    sentences = "sentences" if lang == "en" else "câu"
    items = [f"{label(r.domain, lang)} {r.share:.0%} ({r.n_coded} {of} {r.n_sentences} {sentences})" for r in part.itertuples()]
    ties = part["rank"].duplicated(keep=False).any()
    first = part.iloc[0]
    note = f"; {first.n_articles} {'articles' if lang == 'en' else 'bài'}"
    if ties:
        note += "; ties share a rank" if lang == "en" else "; đồng hạng"
    if first.caution:
        note += "; few sentences or one article: read with care" if lang == "en" else "; ít câu hoặc một bài: cần thận trọng"
    return ", ".join(items) + note


def bodies_by_period(tables: dict) -> pd.DataFrame:
    """Office-title mentions per body (``organization_key``) and merger period, with the ways
    the articles wrote the body's name."""
    orgs = tables["officials"].merge(tables["sentences"][["doc_id", "sent_id", "period"]], on=["doc_id", "sent_id"])
    orgs = orgs[orgs["organization_key"] != ""]
    if orgs.empty:
        return pd.DataFrame(columns=["organization_key", "pre_merger", "post_merger", "names"])
    counts = orgs.groupby(["organization_key", "period"]).size().unstack(fill_value=0)
    for period in ("pre_merger", "post_merger"):
        if period not in counts:
            counts[period] = 0
    names = orgs.groupby("organization_key")["organization"].agg(lambda n: "; ".join(sorted(set(n))))
    return counts[["pre_merger", "post_merger"]].assign(names=names).reset_index()


def congress_numbering(tables: dict) -> pd.DataFrame:
    """Provincial and Party-agencies congress ordinals by article date, to show the restart at I."""
    cong = tables["congresses"].merge(tables["documents"][["doc_id", "published"]], on="doc_id")
    cong = cong[cong["level"].isin(["provincial_party", "party_agencies_committee"])]
    cong = cong.assign(provenance=provenance(cong, 70))
    return cong[["published", "doc_id", "level", "ordinal", "term_start", "term_end", "provenance"]] \
        .drop_duplicates(["doc_id", "level", "ordinal"]).sort_values(["published", "level", "ordinal"], kind="mergesort").reset_index(drop=True)


def numbering_inconsistencies(numbering: pd.DataFrame, params) -> pd.DataFrame:
    """Provincial congress ordinals that do not fit the numbering of the article's period.

    After the merger the city congress is numbered afresh (from I for Cần Thơ); an article
    published after the merger date that names another provincial ordinal for the current
    congress is flagged.  *params* are the tables' :class:`~cantho_analysis.extract.parse.Params`.
    """
    prov = numbering[numbering["level"] == "provincial_party"]
    merger_date, term_congress = params.merger_date, params.term_congress
    expected_after = term_congress.get(list(params.terms)[-1], pd.NA)
    known = set(term_congress.values())
    after = prov[prov["published"].str[:10] >= merger_date[: len("YYYY-MM")]]
    flagged = after[~after["ordinal"].isin(known)]
    return flagged.assign(expected_after_merger=expected_after)


def focus_territory(tables: dict, territory: str = "") -> tuple[str, list[str]]:
    """``(focus, predecessors)``: the territory the summary is about and the old units that
    formed it, shown beside it and never mixed in.  *territory* names the focus (the run's
    ``territory`` parameter); by default it is the merged unit of the family of units the
    corpus states most figures and posts about ("Cần Thơ (merged)" with "Cần Thơ", "Hậu Giang",
    "Sóc Trăng"), or the most stated unit when none merged.
    """
    from ..extract import gazetteer

    counts = pd.concat([tables["quantities"]["territory"], tables["officials"]["territory"]]).value_counts()
    counts = counts[counts.index != ""]
    if not territory:
        if counts.empty:
            return "", []
        family = Counter()
        for unit, n in counts.items():
            family[gazetteer.successor(unit.removesuffix(gazetteer.MERGED_SUFFIX)) or unit] += n
        kept = max(family, key=lambda unit: (family[unit], unit))
        territory = kept + gazetteer.MERGED_SUFFIX if len(gazetteer.members(kept)) > 1 else kept
    if not territory.endswith(gazetteer.MERGED_SUFFIX):
        return territory, []
    kept = territory.removesuffix(gazetteer.MERGED_SUFFIX)
    return territory, [unit for unit in gazetteer.members(kept)]


KEY_POSTS = ("secretary", "standing_deputy_secretary", "people_committee_chair", "people_council_chair")


def key_tenures(tables: dict, territories: list[str]) -> pd.DataFrame:
    """The tenures of the key posts (secretary, standing deputy secretary, the chairs of the
    People's Committee and Council) of the province-level bodies of *territories*, in that order,
    then by post and first article."""
    tenures = tables["tenures"]
    key = tenures[tenures["position_code"].isin(KEY_POSTS) & tenures["organization_key"].str.contains(":", regex=False)
                  & tenures["territory"].isin(territories)]
    # One row per territory, post and person, whatever spelling of the body each article used.
    key = key.groupby(["territory", "position_code", "name"], sort=False).agg(
        organization_key=("organization_key", "first"), first_seen=("first_seen", _earliest), last_seen=("last_seen", "max"),
        n_articles=("n_articles", "sum"), status=("status", "min"), provenance=("provenance", "; ".join)).reset_index()
    key = key.assign(_t=key["territory"].map(territories.index), _p=key["position_code"].map(KEY_POSTS.index))
    columns = ["territory", "organization_key", "position_code", "name", "first_seen", "last_seen", "n_articles", "status", "provenance"]
    return key.sort_values(["_t", "_p", "first_seen", "name"], kind="mergesort")[columns].reset_index(drop=True)


def _earliest(dates: pd.Series) -> str:
    dated = dates[dates != ""]
    return dated.min() if len(dated) else ""
