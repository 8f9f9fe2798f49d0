"""Build the tidy tables from a corpus, validate them, and write them as CSV and Parquet.

>>> from cantho_analysis import config
>>> tables = build_tables(config.SEEDS_DIR)
>>> sorted(tables)[:3]
['congresses', 'credits', 'documents']
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from .. import parameters
from ..extract import EXTRACTORS
from ..extract.domains import code_sentences
from ..extract.metadata import document_metadata
from ..extract.parse import Params, ParsedDocument, parse_document
from ..extract.terms import Term, analysis_params, resolve_terms, terms_frame
from ..load.corpus import Corpus, load_corpus
from . import codebook

# Deterministic row order for every table: by document, then position in the text.
_SORT = ["doc_id", "start", "end"]


def merger_period(date_iso: str, precision: str, merger_date: str) -> str:
    """``pre_merger``/``post_merger`` for a statement made on *date_iso*.

    >>> merger_period("2025-06-30", "day", "2025-07-01"), merger_period("2025-07", "month", "2025-07-01")
    ('pre_merger', 'post_merger')
    >>> merger_period("2025-07", "month", "2025-07-15")
    ''
    """
    if not date_iso:
        return ""
    merger = dt.date.fromisoformat(merger_date)
    first = dt.date.fromisoformat(date_iso + ("-01" if precision == "month" else ""))
    last = first
    if precision == "month":
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if last < merger:
        return "pre_merger"
    if first >= merger:
        return "post_merger"
    return ""


def _document_rows(pd_doc: ParsedDocument) -> tuple[dict, str]:
    meta = document_metadata(pd_doc)
    if not meta["outlet"] and pd_doc.doc.site:
        meta["outlet"] = pd_doc.doc.site  # the site name recorded when the article was fetched
    row = {"doc_id": pd_doc.doc.doc_id, "source_file": pd_doc.doc.source_file, **meta,
           "url": pd_doc.doc.url, "sha256": pd_doc.doc.sha256}
    if meta["published"]:
        period = merger_period(meta["published"], meta["published_precision"], pd_doc.params.merger_date)
    elif meta["event_date"]:
        period = merger_period(meta["event_date"], "day" if len(meta["event_date"]) == 10 else "month", pd_doc.params.merger_date)
    else:
        period = ""
    return row, period


def extract_document(pd_doc: ParsedDocument) -> dict[str, list[dict]]:
    """All rows one parsed document contributes, by table name."""
    doc_row, period = _document_rows(pd_doc)
    rows = {"documents": [doc_row]}
    rows["sentences"] = [
        {"doc_id": pd_doc.doc.doc_id, "sent_id": s.sent_id, "para_id": s.para_id, "text": s.text,
         "term": term, "term_basis": basis, "period": period, "start": s.start, "end": s.end}
        for s, (term, basis) in zip(pd_doc.sentences, pd_doc.terms)]
    for name, extractor in EXTRACTORS.items():
        rows[name] = extractor(pd_doc)
    for row in rows["quantities"]:
        row["period"] = period
    rows["sentence_domains"] = code_sentences(pd_doc, {s.sent_id: period for s in pd_doc.sentences})
    return rows


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    cols = codebook.columns(table)
    if not rows:
        return codebook.empty_frame(table)
    frame = pd.DataFrame(rows).reindex(columns=cols)
    for col in cols:
        frame[col] = frame[col].astype(codebook.dtype(col))
    keys = [k for k in _SORT if k in cols] or cols[:2]
    extra = [c for c in cols if c not in keys]
    frame = frame.sort_values(keys + extra, kind="mergesort", na_position="first").reset_index(drop=True)
    return codebook.schema(table).validate(frame)


def _rows_of(doc, params: Params) -> dict[str, list[dict]]:
    return extract_document(parse_document(doc, params))


def _all_rows(corpus: Corpus, params: Params, jobs: int):
    if jobs <= 1 or len(corpus.documents) < 2 * jobs:
        return (_rows_of(doc, params) for doc in corpus.documents)
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    chunk = max(1, len(corpus.documents) // (jobs * 8))
    # map() returns results in document order, so the tables do not depend on scheduling.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(partial(_rows_of, params=params), corpus.documents, chunksize=chunk))


def tables_from_corpus(corpus: Corpus, params: Params | dict | None = None, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Every table of the codebook for a loaded corpus, schema-validated.

    *params* is either a dict of run parameters (``cantho_analysis.parameters``; missing ones take
    their defaults, and the terms are named as :mod:`cantho_analysis.extract.terms` says) or a ready
    :class:`Params`, whose term labels are then taken as given.  ``jobs`` > 1 extracts documents
    in that many processes; the result is identical.
    """
    if isinstance(params, Params):
        terms = [Term(label, *span, params.term_congress.get(label), "parameter") for label, span in params.terms.items()]
    else:
        values = parameters.validate(params or {})
        terms = resolve_terms(corpus, parameters.term_spans(values), parameters.term_labels(values))
        params = analysis_params(terms, values["merger_date"])
    _log_extraction(corpus)
    collected: dict[str, list[dict]] = {name: [] for name in codebook.table_names()}
    for doc_rows in _all_rows(corpus, params, jobs):
        for name, rows in doc_rows.items():
            collected[name].extend(rows)
    collected["problems"] = [vars(p) for p in corpus.problems]
    tables = {name: _frame(name, rows) for name, rows in collected.items() if name != "terms"}
    tables["terms"] = terms_frame(terms)
    return {name: tables[name] for name in codebook.table_names()}


def _log_extraction(corpus: Corpus) -> None:
    """Append one line per extraction to the file named by ``CANTHO_ANALYSIS_EXTRACTION_LOG``:
    how the tests prove that a run extracts its corpus once (and a way to audit a pipeline)."""
    log = os.environ.get("CANTHO_ANALYSIS_EXTRACTION_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\t{len(corpus.documents)}\n")


def build_tables(corpus_dir: str | Path, params: Params | dict | None = None, strict: bool = False,
                 jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Load *corpus_dir* and return every table as a pandas DataFrame (see :func:`tables_from_corpus`)."""
    return tables_from_corpus(load_corpus(corpus_dir, strict=strict), params, jobs=jobs)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8, header row) and ``<name>.parquet``.

    Both writers are deterministic: same tables, same bytes.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        frame.to_csv(csv_path, index=False, encoding="utf-8", lineterminator="\n")
        frame.to_parquet(parquet_path, index=False, engine="pyarrow", compression="zstd")
        written += [csv_path, parquet_path]
    return written


def read_tables(data_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read tables written by :func:`write_tables` back, with codebook dtypes."""
    data = Path(data_dir)
    return {name: pd.read_parquet(data / f"{name}.parquet") for name in codebook.table_names()
            if (data / f"{name}.parquet").exists()}
