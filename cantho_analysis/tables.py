"""Build the tidy tables from a corpus, validate them, and write them as CSV and Parquet.

>>> from cantho_analysis import config
>>> tables = build_tables(config.SEEDS_DIR)
>>> sorted(tables)[:3]
['congresses', 'credits', 'documents']
"""

from __future__ import annotations

import datetime as dt
import functools
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import codebook
from .congresses import extract_congresses
from .corpus import Corpus, CorpusError, Document, corpus_entries, duplicate_problem, load_corpus, load_document
from .domains import code_sentences
from .legal import extract_legal_refs
from .metadata import document_metadata
from .parse import Params, ParsedDocument, parse_document
from .people import extract_credits, extract_officials
from .plans import extract_plan_elements, extract_themes
from .quantities import extract_quantities

_FACT_EXTRACTORS = {
    "officials": extract_officials,
    "credits": extract_credits,
    "quantities": extract_quantities,
    "legal_refs": extract_legal_refs,
    "congresses": extract_congresses,
    "plan_elements": extract_plan_elements,
    "themes": extract_themes,
}
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


def _document_rows(doc: ParsedDocument) -> tuple[dict, str]:
    meta = document_metadata(doc)
    row = {"doc_id": doc.document.doc_id, "source_file": doc.document.source_file, **meta, "sha256": doc.document.sha256}
    if meta["published"]:
        period = merger_period(meta["published"], meta["published_precision"], doc.params.merger_date)
    elif meta["event_date"]:
        period = merger_period(meta["event_date"], "day" if len(meta["event_date"]) == 10 else "month", doc.params.merger_date)
    else:
        period = ""
    return row, period


def extract_document(doc: ParsedDocument) -> dict[str, list[dict]]:
    """All rows one parsed document contributes, by table name."""
    doc_row, period = _document_rows(doc)
    rows = {"documents": [doc_row]}
    rows["sentences"] = [
        {"doc_id": doc.document.doc_id, "sent_id": s.sent_id, "para_id": s.para_id, "text": s.text,
         "term": term, "term_basis": basis, "period": period, "start": s.start, "end": s.end}
        for s, (term, basis) in zip(doc.sentences, doc.terms)]
    for name, extractor in _FACT_EXTRACTORS.items():
        rows[name] = extractor(doc)
    for row in rows["quantities"]:
        row["period"] = period
    rows["sentence_domains"] = code_sentences(doc, {s.sent_id: period for s in doc.sentences})
    return rows


def _frame(table: str, columns: dict[str, pd.api.extensions.ExtensionArray]) -> pd.DataFrame:
    """The validated, sorted frame of *table* from its columns."""
    cols = codebook.columns(table)
    if not len(columns[cols[0]]):
        return codebook.empty_frame(table)
    frame = pd.DataFrame({col: columns[col] for col in cols})
    keys = [k for k in _SORT if k in cols] or cols[:2]
    extra = [c for c in cols if c not in keys]
    frame = frame.sort_values(keys + extra, kind="mergesort", na_position="first").reset_index(drop=True)
    return codebook.schema(table).validate(frame)


def _array(values: list, dtype: str) -> pd.api.extensions.ExtensionArray:
    """A column of *dtype* from a list of values; strings go through Arrow directly (several times
    faster than pandas' element-by-element check), anything but str and None the slow way."""
    if dtype == "string":
        try:
            return pd.array(pa.array(values, type=pa.large_string()), dtype=dtype)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return pd.Series(values, dtype=object).astype(dtype).array
    return pd.array(values, dtype=dtype)


# The rows of some documents: for each table, each column as a typed array (see _Collector.arrays).
_Part = dict[str, dict[str, pd.api.extensions.ExtensionArray]]


class _Collector:
    """Rows of every table gathered column by column, then turned into typed arrays: a worker
    sends the parent arrays (a few buffers to pickle), not millions of Python values."""

    def __init__(self):
        self.columns = {name: {col: [] for col in codebook.columns(name)} for name in codebook.table_names()}

    def add(self, doc_rows: dict[str, list[dict]]) -> None:
        for name, rows in doc_rows.items():
            if not rows:
                continue
            columns = self.columns[name]
            try:
                records = list(map(_getter(name), rows))
            except KeyError:  # a row without some column: the frame will hold a missing value
                records = [tuple(row.get(col) for col in columns) for row in rows]
            for values, column in zip(zip(*records), columns.values()):
                column.extend(values)

    def counts(self) -> dict[str, int]:
        return {name: len(next(iter(columns.values()))) for name, columns in self.columns.items()}

    def arrays(self) -> _Part:
        return {name: {col: _array(values, codebook.dtype(col)) for col, values in columns.items()}
                for name, columns in self.columns.items()}


@functools.lru_cache(maxsize=None)
def _getter(table: str) -> itemgetter:
    return itemgetter(*codebook.columns(table))


def _without(part: _Part, skip: dict[str, list[range]]) -> _Part:
    """*part* without the rows whose indexes are in *skip* (by table)."""
    kept = {}
    for name, columns in part.items():
        if not skip.get(name):
            kept[name] = columns
            continue
        n = len(next(iter(columns.values())))
        keep = np.ones(n, dtype=bool)
        for rows in skip[name]:
            keep[rows.start:rows.stop] = False
        kept[name] = {col: array[keep] for col, array in columns.items()}
    return kept


def _rows_of(article: Document, params: Params) -> dict[str, list[dict]]:
    return extract_document(parse_document(article, params))


def _extract_files(paths: list[Path], params: Params) -> tuple[list[tuple[Document | None, list, dict | None]], _Part]:
    """Load and extract each file of *paths* (one task of a worker process).

    Returns, per file, ``(document without its text, problems, rows it added per table)``, and the
    rows of all the files as typed columns: the parent receives neither texts nor row dicts.
    """
    results, collector = [], _Collector()
    for path in paths:
        article, problems = load_document(path)
        counts = None
        if article is not None:
            before = collector.counts()
            collector.add(_rows_of(article, params))
            counts = {name: n - before[name] for name, n in collector.counts().items()}
            article = Document(article.doc_id, article.source_file, "", article.sha256)
        results.append((article, problems, counts))
    return results, collector.arrays()


def _collect_parallel(corpus_dir: str | Path, params: Params, jobs: int) -> tuple[list[_Part], list] | None:
    """Load and extract *corpus_dir* in *jobs* processes: each worker reads, normalises and
    extracts its files; the parent keeps what :func:`load_corpus` would (same problems, same
    duplicate rule).  None when the folder is too small to be worth it."""
    from concurrent.futures import ProcessPoolExecutor

    entries = corpus_entries(corpus_dir)
    paths = [path for path, _, readable in entries if readable]
    if len(paths) < 2 * jobs:
        return None
    _warm_up(params)
    size = max(1, min(100, -(-len(paths) // (jobs * 4))))  # small last chunks: the workers finish together
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    problems = [problem for _, skipped, _ in entries for problem in skipped]
    parts, seen = [], {}
    # map() returns results in file order, so the tables do not depend on scheduling.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, (results, part) in zip(chunks, pool.map(_extract_files, chunks, [params] * len(chunks))):
            offsets = dict.fromkeys(part, 0)
            skip: dict[str, list[range]] = {}
            for path, (article, found, counts) in zip(chunk, results):
                problems.extend(found)
                if article is None:
                    continue
                if article.doc_id in seen:
                    problems.append(duplicate_problem(path, seen[article.doc_id]))
                    for name, n in counts.items():
                        skip.setdefault(name, []).append(range(offsets[name], offsets[name] + n))
                else:
                    seen[article.doc_id] = article
                for name, n in counts.items():
                    offsets[name] += n
            parts.append(_without(part, skip) if skip else part)
    if not seen:
        raise CorpusError(f"{Path(corpus_dir)}: no readable .txt articles in this folder")
    return parts, problems


def _warm_up(params: Params) -> None:
    """Load the lexicons and compile the patterns once, before the workers fork, so that each
    worker inherits them instead of building its own."""
    _rows_of(Document("warm_up", "warm_up.txt", "Năm 2024, Bí thư Tỉnh ủy Nguyễn Văn A nói: GRDP tăng 7%.", ""), params)
    for name in codebook.table_names():
        codebook.schema(name)


def _concat(arrays: list, dtype: str) -> pd.api.extensions.ExtensionArray:
    if len(arrays) == 1:
        return arrays[0]
    if not arrays:
        return _array([], dtype)
    return pd.concat([pd.Series(array) for array in arrays], ignore_index=True).array


def _tables(parts: list[_Part], problems) -> dict[str, pd.DataFrame]:
    problem_rows = [vars(p) for p in problems]
    tables = {}
    for name in codebook.table_names():
        if name == "problems":
            columns = {col: _array([row[col] for row in problem_rows], codebook.dtype(col)) for col in codebook.columns(name)}
        else:
            columns = {col: _concat([part[name][col] for part in parts], codebook.dtype(col)) for col in codebook.columns(name)}
        tables[name] = _frame(name, columns)
    return tables


def tables_from_corpus(corpus: Corpus, params: Params | None = None, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Every table of the codebook for a loaded corpus, schema-validated.

    ``jobs`` > 1 extracts documents in that many processes; the result is identical.
    """
    params = params or Params()
    collected = _Collector()
    if jobs <= 1 or len(corpus.documents) < 2 * jobs:
        for article in corpus.documents:
            collected.add(_rows_of(article, params))
    else:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        chunk = max(1, len(corpus.documents) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for doc_rows in pool.map(partial(_rows_of, params=params), corpus.documents, chunksize=chunk):
                collected.add(doc_rows)
    return _tables([collected.arrays()], corpus.problems)


def build_tables(corpus_dir: str | Path, params: Params | None = None, strict: bool = False,
                 jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Load *corpus_dir* and return every table as a pandas DataFrame (see :func:`tables_from_corpus`).

    With ``jobs`` > 1 the worker processes also read and normalise the files (the parent only
    lists the folder); the result is identical to ``jobs=1``.
    """
    params = params or Params()
    if jobs > 1 and not strict:
        parallel = _collect_parallel(corpus_dir, params, jobs)
        if parallel is not None:
            return _tables(*parallel)
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
