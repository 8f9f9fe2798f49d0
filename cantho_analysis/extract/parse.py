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
from ..load.textnorm import lower_in_place
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


@dataclass(frozen=True)
class ParsedDocument:
    """A :class:`Document` with its sentences and their terms, made by :func:`parse_document`.

    Extractors name it ``doc``; the article itself is ``doc.document``.
    """

    document: Document
    params: Params
    sentences: list[Sentence]
    terms: list[tuple[str, str]]
    starts: list[int] = field(repr=False)  # start offset of each sentence, for sent_at
    low: str = field(repr=False)  # textnorm.lower_in_place(text): same offsets, lower case
    # Results several stages share (the bodies the article names, its frames, its periods), built
    # once per document by the first stage that asks for them: see :meth:`shared`.
    _shared: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    def shared(self, name: str, build):
        """The document's *name* result, built by ``build(self)`` on first use."""
        if name not in self._shared:
            self._shared[name] = build(self)
        return self._shared[name]

    def sent_at(self, offset: int) -> int:
        """Id of the sentence that contains *offset* (the nearest preceding one)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def term_at(self, offset: int) -> str:
        """Term of the sentence that contains *offset*."""
        return self.terms[self.sent_at(offset)][0] if self.sentences else ""

    def fact(self, start: int, end: int, **fields) -> dict:
        """A row with the provenance columns every fact table carries."""
        return {"doc_id": self.document.doc_id, "sent_id": self.sent_at(start), **fields,
                "start": start, "end": end, "quote": self.document.text[start:end]}


def parse_document(document: Document, params: Params | None = None) -> ParsedDocument:
    """Split *document* into sentences and attribute their terms.

    >>> from cantho_analysis.load.corpus import Document
    >>> doc = parse_document(Document("d", "d.txt", "Năm 2026 tăng 10%.", ""))
    >>> doc.terms
    [('I', 'year')]
    """
    params = params or Params()
    sentences = split_sentences(document.text)
    return ParsedDocument(document, params, sentences, attribute_terms(sentences, params.terms, params.term_congress),
                          [s.start for s in sentences], lower_in_place(document.text))
