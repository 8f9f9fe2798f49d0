"""Precision and recall of the extracted tables against hand-annotated gold fixtures.

Gold rows and extracted rows are compared as *sets* of key tuples per table (the key columns
are listed in ``docs/annotation_guide.md``), restricted to the documents the gold covers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..load.textnorm import normalize

KEYS = {
    "documents": ["doc_id", "published", "published_precision", "published_basis", "outlet", "event_type", "event_date"],
    "officials": ["doc_id", "name", "position_code", "is_city_secretary"],
    "credits": ["doc_id", "name", "role"],
    "quantities": ["doc_id", "value", "unit", "kind"],
    "legal_refs": ["doc_id", "doc_type", "number", "code", "issued"],
    "congresses": ["doc_id", "level", "ordinal"],
    "plan_elements": ["doc_id", "element", "count"],
    "themes": ["doc_id", "year"],
    "sentences": ["doc_id", "first_words", "term"],
}


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}"
    text = normalize(str(value)).strip()
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered
    try:
        return f"{float(text.replace(',', '.')):.6g}" if text and text[0].isdigit() and "-" not in text and "/" not in text else lowered
    except ValueError:
        return lowered


def key_set(frame: pd.DataFrame, table: str) -> set[tuple]:
    """The set of key tuples of *frame* for *table*.

    >>> key_set(pd.DataFrame({"doc_id": ["a"], "element": ["targets"], "count": [8]}), "plan_elements")
    {('a', 'targets', '8')}
    """
    keys = KEYS[table]
    frame = frame.copy()
    if table == "sentences" and "first_words" not in frame.columns:
        frame["first_words"] = frame["text"].map(lambda t: " ".join(str(t).split()[:5]))
    return {tuple(_cell(v) for v in row) for row in frame[keys].itertuples(index=False, name=None)}


def score_table(extracted: pd.DataFrame, gold: pd.DataFrame, table: str) -> dict:
    """Precision, recall and the rows behind them for one table.

    >>> g = pd.DataFrame({"doc_id": ["a", "a"], "level": ["national_party"] * 2, "ordinal": [13, 14]})
    >>> e = pd.DataFrame({"doc_id": ["a"], "level": ["national_party"], "ordinal": [14]})
    >>> s = score_table(e, g, "congresses"); (s["precision"], s["recall"])
    (1.0, 0.5)
    """
    docs = set(gold["doc_id"].astype(str))
    extracted = extracted[extracted["doc_id"].astype(str).isin(docs)]
    gold_keys, found_keys = key_set(gold, table), key_set(extracted, table)
    hits = gold_keys & found_keys
    return {
        "table": table,
        "n_gold": len(gold_keys),
        "n_extracted": len(found_keys),
        "n_correct": len(hits),
        "precision": round(len(hits) / len(found_keys), 3) if found_keys else float("nan"),
        "recall": round(len(hits) / len(gold_keys), 3) if gold_keys else float("nan"),
        "missed": sorted(gold_keys - found_keys),
        "spurious": sorted(found_keys - gold_keys),
    }


def read_gold(gold_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Gold tables in *gold_dir* (``<table>.csv``), read as text."""
    gold = Path(gold_dir)
    return {t: pd.read_csv(gold / f"{t}.csv", dtype=str, keep_default_na=False)
            for t in KEYS if (gold / f"{t}.csv").exists()}


def evaluate(tables: dict[str, pd.DataFrame], gold_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(scores, errors)``: one score row per table, and one row per missed or spurious key.

    Only documents present in both the gold and the extracted tables are scored, so running on
    a corpus without annotations gives empty frames rather than zero scores.
    """
    gold = read_gold(gold_dir)
    extracted_docs = set(tables["documents"]["doc_id"]) if "documents" in tables else set()
    scores, errors = [], []
    for table, gold_frame in gold.items():
        gold_frame = gold_frame[gold_frame["doc_id"].isin(extracted_docs)]
        if gold_frame.empty:
            continue
        result = score_table(tables[table], gold_frame, table)
        scores.append({k: v for k, v in result.items() if k not in ("missed", "spurious")})
        for kind in ("missed", "spurious"):
            errors += [{"table": table, "error": kind, "key": " | ".join(key)} for key in result[kind]]
    score_frame = pd.DataFrame(scores, columns=["table", "n_gold", "n_extracted", "n_correct", "precision", "recall"])
    return score_frame, pd.DataFrame(errors, columns=["table", "error", "key"])


def domain_precision(tables: dict, gold_dir: str | Path) -> pd.DataFrame:
    """Precision of the policy-domain coding per domain, on the hand-judged sample in
    ``gold_dir/domain_judgements.csv`` (one row per coded sentence and domain: is the sentence
    about that domain, or is the keyword incidental?).

    Columns: ``n_coded`` (coded pairs of the judged documents), ``n_judged``, ``n_correct`` and
    ``precision`` (``n_correct / n_judged``).  Recall is not measured: that needs the uncoded
    sentences judged too.  Returns an empty frame when there is no judgement file.
    """
    path = Path(gold_dir) / "domain_judgements.csv"
    cols = ["domain", "n_coded", "n_judged", "n_correct", "precision"]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    judged = pd.read_csv(path, dtype={"doc_id": str, "domain": str}, keep_default_na=False)
    judged["is_correct"] = judged["is_correct"].astype(str).str.lower() == "true"
    coded = tables["sentence_domains"].drop_duplicates(["doc_id", "sent_id", "domain"])
    coded = coded[coded["doc_id"].isin(set(judged["doc_id"]))][["doc_id", "sent_id", "domain"]]
    merged = coded.merge(judged, on=["doc_id", "sent_id", "domain"], how="left", indicator=True)
    merged["judged"] = merged["_merge"] == "both"
    rows = []
    for domain, group in merged.groupby("domain", sort=True):
        n_judged, n_correct = int(group["judged"].sum()), int((group["judged"] & (group["is_correct"] == True)).sum())  # noqa: E712
        rows.append({"domain": domain, "n_coded": len(group), "n_judged": n_judged, "n_correct": n_correct,
                     "precision": round(n_correct / n_judged, 3) if n_judged else float("nan")})
    return pd.DataFrame(rows, columns=cols)
