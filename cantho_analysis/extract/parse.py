"""A document prepared for extraction: sentences, their terms, and the document's period.

Every extractor takes a :class:`ParsedDocument` and returns plain row dicts, so the stages stay
independent and a new table is one new module.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from .. import config
from ..load.corpus import Document
from .sentences import Sentence, attribute_terms, split_sentences


@dataclass(frozen=True)
class Params:
    """Analysis parameters that change extracted values (all have cited defaults)."""

    merger_date: str = config.DEFAULT_MERGER_DATE
    terms: dict = field(default_factory=lambda: dict(config.DEFAULT_TERMS))
    term_congress: dict = field(default_factory=lambda: dict(config.DEFAULT_TERM_CONGRESS))

    def __post_init__(self):
        try:
            dt.date.fromisoformat(self.merger_date)
        except (TypeError, ValueError):
            raise ValueError(f"merger_date: {self.merger_date!r} is not an ISO date (YYYY-MM-DD)") from None
        for name, span in self.terms.items():
            if len(span) != 2 or not all(isinstance(y, int) for y in span) or span[0] > span[1]:
                raise ValueError(f"terms: {name}={span!r} must be two years, first <= last")


@dataclass
class ParsedDocument:
    """A :class:`Document` with its sentences, their terms and the document's metadata."""

    doc: Document
    params: Params
    sentences: list[Sentence]
    terms: list[tuple[str, str]]
    meta: dict = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.doc.text

    def sent_at(self, offset: int) -> int:
        """Id of the sentence that contains *offset* (the nearest preceding one)."""
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        index = bisect.bisect_right(self._starts, offset) - 1
        return max(index, 0)

    def term_at(self, offset: int) -> str:
        """Term of the sentence that contains *offset*."""
        return self.terms[self.sent_at(offset)][0] if self.sentences else ""

    def fact(self, start: int, end: int, **fields) -> dict:
        """A row with the provenance columns every fact table carries."""
        return {"doc_id": self.doc.doc_id, "sent_id": self.sent_at(start), **fields,
                "start": start, "end": end, "quote": self.text[start:end]}


def parse_document(doc: Document, params: Params | None = None) -> ParsedDocument:
    """Split *doc* into sentences and attribute their terms.

    >>> from cantho_analysis.load.corpus import Document
    >>> pd = parse_document(Document("d", "d.txt", "Năm 2026 tăng 10%.", ""))
    >>> pd.terms
    [('I', 'year')]
    """
    params = params or Params()
    sentences = split_sentences(doc.text)
    return ParsedDocument(doc, params, sentences, attribute_terms(sentences, params.terms, params.term_congress))
