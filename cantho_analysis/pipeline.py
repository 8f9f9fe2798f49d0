"""The pipeline, declared in one place: load -> extract -> attribute -> tables.

Each document is read and normalised once (:mod:`.load.corpus`), parsed and extracted
(:mod:`.extract`), attributed to its territory, level, term and plan (:mod:`.attribute`), and
the rows of all documents become schema-validated tables.  Writing them is
:mod:`.output.tables`' business, not this module's.

>>> from cantho_analysis import config
>>> tables = build_tables(config.SEEDS_DIR)
>>> sorted(tables)[:3]
['annual_targets', 'congresses', 'credits']
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import parameters
from .analyse import merger, scorecard
from .attribute import attribute
from .extract import EXTRACTORS
from .extract.domains import code_sentences
from .extract.metadata import document_metadata
from .extract.parse import Params, ParsedDocument, parse_document
from .extract.terms import Term, analysis_params, corpus_mentions, resolve_terms, term_mentions, terms_frame
from .load.corpus import Corpus, CorpusError, Document, corpus_entries, duplicate_problem, load_corpus, load_document, with_source
from .load.sources import article_sources
from .output import codebook

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
    article = doc.document
    if not meta["outlet"] and article.site:
        meta["outlet"] = article.site  # the site name recorded when the article was fetched
    row = {"doc_id": article.doc_id, "source_file": article.source_file, **meta, "url": article.url, "sha256": article.sha256}
    if meta["published"]:
        period = merger_period(meta["published"], meta["published_precision"], doc.params.merger_date)
    elif meta["event_date"]:
        period = merger_period(meta["event_date"], "day" if len(meta["event_date"]) == 10 else "month", doc.params.merger_date)
    else:
        period = ""
    return row, period


def extract_document(doc: ParsedDocument) -> dict[str, list[dict]]:
    """All rows one parsed document contributes, by table name: extracted, then attributed."""
    doc_row, period = _document_rows(doc)
    rows = {"documents": [doc_row]}
    rows["sentences"] = [
        {"doc_id": doc.document.doc_id, "sent_id": s.sent_id, "para_id": s.para_id, "text": s.text,
         "term": term, "term_basis": basis, "period": period, "start": s.start, "end": s.end}
        for s, (term, basis) in zip(doc.sentences, doc.terms)]
    for name, extractor in EXTRACTORS.items():
        rows[name] = extractor(doc)
    for row in rows["quantities"]:
        row["period"] = period
    attribute(doc, rows)
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


def _extract_files(paths: list[Path], params: Params, sources: dict) -> tuple[list[tuple], _Part]:
    """Load and extract each file of *paths* (one task of a worker process), in one read.

    Returns, per file, ``(document without its text, problems, rows it added per table, the
    congress mentions that name the terms)``, and the rows of all the files as typed columns:
    the parent receives neither texts nor row dicts.
    """
    results, collector = [], _Collector()
    for path in paths:
        article, problems = load_document(path)
        counts, mentions = None, []
        if article is not None:
            article = with_source(article, sources)
            mentions = term_mentions(article.doc_id, article.text)
            before = collector.counts()
            collector.add(_rows_of(article, params))
            counts = {name: n - before[name] for name, n in collector.counts().items()}
            article = Document(article.doc_id, article.source_file, "", article.sha256)
        results.append((article, problems, counts, mentions))
    return results, collector.arrays()


def _collect_parallel(corpus_dir: str | Path, params: Params | dict | None, jobs: int):
    """Load and extract *corpus_dir* in *jobs* processes: each worker reads, normalises and
    extracts its files; the parent keeps what :func:`load_corpus` would (same problems, same
    duplicate rule).  Returns ``(parts, problems, terms)``, or None when the folder is too small
    to be worth it.

    Each file is read once.  The terms' labels come from the whole corpus (:mod:`.extract.terms`),
    so the workers extract with the labels the run parameters give (else Cần Thơ's) and collect
    the corpus's congress mentions on the way; only when those mentions name the terms'
    congresses differently does a second pass extract again with the corpus's labels."""
    entries = corpus_entries(corpus_dir)
    paths = [path for path, _, readable in entries if readable]
    if len(paths) < 2 * jobs:
        return None
    size = max(1, min(100, -(-len(paths) // (jobs * 4))))  # small last chunks: the workers finish together
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    sources = article_sources(Path(corpus_dir))
    provisional, _ = _params_and_terms(params, list)
    parts, problems, mentions = _extract_parallel(corpus_dir, chunks, provisional, sources, entries, jobs)
    final, terms = _params_and_terms(params, lambda: mentions)
    if (final.terms, final.term_congress) != (provisional.terms, provisional.term_congress):
        parts, problems, _ = _extract_parallel(corpus_dir, chunks, final, sources, entries, jobs)
    _log_extraction(sum(len(next(iter(part["documents"].values()))) for part in parts))
    return parts, problems, terms


def _extract_parallel(corpus_dir, chunks: list[list[Path]], params: Params, sources: dict, entries, jobs: int):
    """One parallel pass over *chunks*: ``(parts, problems, congress mentions in doc_id order)``."""
    from concurrent.futures import ProcessPoolExecutor

    _warm_up(params)
    problems = [problem for _, skipped, _ in entries for problem in skipped]
    parts, seen, mentions = [], {}, {}
    # map() returns results in file order, so the tables do not depend on scheduling.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        tasks = pool.map(_extract_files, chunks, [params] * len(chunks), [sources] * len(chunks))
        for chunk, (results, part) in zip(chunks, tasks):
            offsets = dict.fromkeys(part, 0)
            skip: dict[str, list[range]] = {}
            for path, (article, found, counts, named) in zip(chunk, results):
                problems.extend(found)
                if article is None:
                    continue
                if article.doc_id in seen:
                    problems.append(duplicate_problem(path, seen[article.doc_id]))
                    for name, n in counts.items():
                        skip.setdefault(name, []).append(range(offsets[name], offsets[name] + n))
                else:
                    seen[article.doc_id] = article
                    mentions[article.doc_id] = named  # the loader keeps the first of two same ids
                for name, n in counts.items():
                    offsets[name] += n
            parts.append(_without(part, skip) if skip else part)
    if not seen:
        raise CorpusError(f"{Path(corpus_dir)}: no readable .txt articles in this folder")
    return parts, problems, [mention for doc_id in sorted(mentions) for mention in mentions[doc_id]]


def _params_and_terms(params: Params | dict | None, mentions) -> tuple[Params, list[Term]]:
    """The extraction's :class:`Params` and the two terms: as given by a ready Params, or from
    run parameters (a dict), the terms then named from the corpus's *mentions()* where no label
    is given."""
    if isinstance(params, Params):
        return params, [Term(label, *span, params.term_congress.get(label), "parameter") for label, span in params.terms.items()]
    values = parameters.validate(params or {})
    labels = parameters.term_labels(values)
    terms = resolve_terms(mentions() if not all(labels) else [], parameters.term_spans(values), labels)
    return analysis_params(terms, values["merger_date"]), terms


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


def _tables(parts: list[_Part], problems, terms: list[Term]) -> dict[str, pd.DataFrame]:
    problem_rows = [vars(p) for p in problems]
    tables = {}
    for name in codebook.table_names():
        if name == "terms":
            tables[name] = terms_frame(terms)  # one row per term, not per document
            continue
        if name in _CORPUS_TABLES:
            continue  # built from the other tables, below
        if name == "problems":
            columns = {col: _array([row[col] for row in problem_rows], codebook.dtype(col)) for col in codebook.columns(name)}
        else:
            columns = {col: _concat([part[name][col] for part in parts], codebook.dtype(col)) for col in codebook.columns(name)}
        tables[name] = _frame(name, columns)
    for name, build in _CORPUS_TABLES.items():
        tables[name] = build(tables)
    return {name: tables[name] for name in codebook.table_names()}


# Tables of the whole corpus, computed from the per-document tables (analyse/scorecard.py).
_CORPUS_TABLES = {"scorecard": scorecard.scorecard, "annual_targets": scorecard.annual_targets, "tenures": scorecard.tenures,
                  "merger_changes": merger.merger_changes}


def tables_from_corpus(corpus: Corpus, params: Params | dict | None = None, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Every table of the codebook for a loaded corpus, schema-validated.

    *params* is either a dict of run parameters (``cantho_analysis.parameters``; missing ones take
    their defaults, and the terms are named as :mod:`cantho_analysis.extract.terms` says) or a ready
    :class:`Params`, whose term labels are then taken as given.  ``jobs`` > 1 extracts documents
    in that many processes; the result is identical.
    """
    params, terms = _params_and_terms(params, lambda: corpus_mentions(corpus))
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
    _log_extraction(len(corpus.documents))
    return _tables([collected.arrays()], corpus.problems, terms)


def _log_extraction(n_documents: int) -> None:
    """Append one line per extraction to the file named by ``CANTHO_ANALYSIS_EXTRACTION_LOG``:
    how the tests prove that a run extracts its corpus once (and a way to audit a pipeline)."""
    log = os.environ.get("CANTHO_ANALYSIS_EXTRACTION_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\t{n_documents}\n")


def build_tables(corpus_dir: str | Path, params: Params | dict | None = None, strict: bool = False,
                 jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Load *corpus_dir* and return every table as a pandas DataFrame (see :func:`tables_from_corpus`).

    With ``jobs`` > 1 the worker processes also read and normalise the files (the parent only
    lists the folder); the result is identical to ``jobs=1``.
    """
    if jobs > 1 and not strict:
        parallel = _collect_parallel(corpus_dir, params, jobs)
        if parallel is not None:
            return _tables(*parallel)
    return tables_from_corpus(load_corpus(corpus_dir, strict=strict), params, jobs=jobs)


