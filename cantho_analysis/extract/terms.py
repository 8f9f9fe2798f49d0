"""Name the two congress terms of a corpus: by parameter, by the corpus's own congress ordinals,
or by the Cần Thơ defaults (XIV and I).

A province's 2020-2025 congress can be its XIV, XV or XVI; the label of each term comes, in this
order, from the ``*_term_label`` parameter, from the ordinal that most mentions of a provincial
congress with those term years give ("Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025"),
or from ``config``.  The ``terms`` table records the label, its basis and one mention behind it.

>>> from cantho_analysis.load.corpus import Corpus, Document
>>> doc = Document("a", "a.txt", "Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 khai mạc.", "")
>>> mentions = corpus_mentions(Corpus((doc,)))
>>> [(t.term, t.label_basis) for t in resolve_terms(mentions, [(2020, 2025), (2025, 2030)], ["", ""])]
[('XV', 'corpus'), ('I', 'default')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

import pandas as pd

from .. import config
from ..load.corpus import Corpus
from ..output import codebook
from .congresses import provincial_terms
from .parse import Params
from .patterns import ordinal_value

_ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Term:
    """One congress term: its label, years, congress ordinal and why it carries that label."""

    term: str
    start_year: int
    end_year: int
    congress_ordinal: int | None
    label_basis: str
    n_mentions: int = 0
    n_articles: int = 0
    doc_id: str = ""
    mention: str = ""
    mention_start: int | None = None
    mention_end: int | None = None


def roman(number: int) -> str:
    """Roman numeral of a congress ordinal.

    >>> roman(14), roman(1), roman(19)
    ('XIV', 'I', 'XIX')
    """
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def term_mentions(doc_id: str, text: str) -> list[tuple]:
    """Provincial congresses named with their term years in one document:
    ``((first year, last year), ordinal, doc_id, mention, start, end)``."""
    return [((first, last), ordinal, doc_id, text[start:end], start, end)
            for ordinal, first, last, start, end in provincial_terms(text)]


def _by_span(mentions: list[tuple]) -> dict[tuple[int, int], list[tuple]]:
    found: dict[tuple[int, int], list] = {}
    for span, *mention in mentions:
        found.setdefault(span, []).append(tuple(mention))
    return found


def _from_corpus(span: tuple[int, int], mentions: list) -> Term | None:
    if not mentions:
        return None
    counts = Counter(m[0] for m in mentions)
    (ordinal, n), *others = counts.most_common()
    if n * 2 <= len(mentions):  # no majority: the corpus mixes provinces' numberings
        return Term(f"{span[0]}-{span[1]}", *span, None, "conflict", len(mentions), len({m[1] for m in mentions}))
    first = next(m for m in mentions if m[0] == ordinal)
    return Term(roman(ordinal), *span, ordinal, "corpus", n, len({m[1] for m in mentions if m[0] == ordinal}),
                first[1], first[2], first[3], first[4])


def resolve_terms(mentions: list[tuple], spans: list[tuple[int, int]], labels: list[str]) -> list[Term]:
    """The corpus's two terms, earlier first (see the module docstring for the order of bases);
    *mentions* are the corpus's :func:`term_mentions`, in document order."""
    defaults = list(zip(config.DEFAULT_TERMS, config.DEFAULT_TERM_CONGRESS.values()))
    by_span = _by_span(mentions)
    terms = []
    for span, label, (default_label, default_ordinal) in zip(spans, labels, defaults):
        found = _from_corpus(span, by_span.get(span, []))
        if label:  # a Roman label names its congress, so "Đại hội ... lần thứ XV" is attributed to it
            terms.append(Term(label, *span, ordinal_value(label) if _ROMAN.fullmatch(label) else None, "parameter"))
        elif found:
            terms.append(found)
        else:
            terms.append(Term(default_label, *span, default_ordinal, "default"))
    if terms[0].term == terms[1].term:  # two terms must never share a label
        terms = [Term(f"{t.start_year}-{t.end_year}", t.start_year, t.end_year, None, "conflict") for t in terms]
    return terms


def corpus_mentions(corpus: Corpus) -> list[tuple]:
    """:func:`term_mentions` of every document of a loaded corpus."""
    return [mention for doc in corpus.documents for mention in term_mentions(doc.doc_id, doc.text)]


def analysis_params(terms: list[Term], merger_date: str) -> Params:
    """The extraction parameters for these terms."""
    return Params(merger_date=merger_date,
                  terms={t.term: (t.start_year, t.end_year) for t in terms},
                  term_congress={t.term: t.congress_ordinal for t in terms if t.congress_ordinal is not None})


def terms_from_frame(frame: pd.DataFrame) -> list[Term]:
    """The inverse of :func:`terms_frame` (for tables read back from disk)."""
    return [Term(**{k: (None if pd.isna(v) else int(v) if k in _INTEGERS else v) for k, v in row.items()})
            for row in frame.to_dict("records")]


_INTEGERS = ("start_year", "end_year", "congress_ordinal", "n_mentions", "n_articles", "mention_start", "mention_end")


def terms_frame(terms: list[Term]) -> pd.DataFrame:
    """The ``terms`` table, earlier term first, schema-validated."""
    cols = codebook.columns("terms")
    frame = pd.DataFrame([asdict(t) for t in terms], columns=cols)
    for col in cols:
        frame[col] = frame[col].astype(codebook.dtype(col))
    return codebook.schema("terms").validate(frame)


def term_names(terms: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Display name of each term label, e.g. ``{'XV': 'XV term (2020-2025)'}``.

    >>> term_names(terms_frame([Term("XV", 2020, 2025, 15, "corpus")]), "vi")
    {'XV': 'Nhiệm kỳ XV (2020-2025)'}
    """
    names = {}
    for row in terms.itertuples():
        years = f"{row.start_year}-{row.end_year}"
        if row.term == years:
            names[row.term] = f"nhiệm kỳ {years}" if lang == "vi" else f"{years} term"
        else:
            names[row.term] = f"Nhiệm kỳ {row.term} ({years})" if lang == "vi" else f"{row.term} term ({years})"
    return names


def basis_sentence(terms: pd.DataFrame, lang: str = "en") -> str:
    """One sentence per term saying where its label comes from (for the notebooks)."""
    parts = []
    for row in terms.itertuples():
        if row.label_basis == "corpus":
            why = (f"the corpus numbers this term's provincial congress {row.term} ({row.n_mentions} mention(s) in "
                   f"{row.n_articles} article(s), e.g. {row.doc_id}: “{row.mention}”)") if lang == "en" else \
                  (f"kho bài đánh số đại hội tỉnh/thành phố của nhiệm kỳ này là {row.term} ({row.n_mentions} lần nhắc "
                   f"trong {row.n_articles} bài, ví dụ {row.doc_id}: “{row.mention}”)")
        elif row.label_basis == "parameter":
            why = "given as a parameter" if lang == "en" else "do tham số chỉ định"
        elif row.label_basis == "conflict":
            why = ("the corpus numbers this term's congress differently in different articles (or both terms alike), "
                   "so the term is named by its years") if lang == "en" else \
                  "các bài đánh số đại hội nhiệm kỳ này khác nhau, nên nhiệm kỳ được gọi theo năm"
        else:
            why = ("no provincial congress with these term years is named in the corpus; Cần Thơ's numbering is "
                   "the default") if lang == "en" else \
                  "kho bài không nêu đại hội tỉnh/thành phố nào với các năm này; mặc định theo cách đánh số của Cần Thơ"
        parts.append(f"{row.term} ({row.start_year}-{row.end_year}): {why}.")
    return " ".join(parts)
