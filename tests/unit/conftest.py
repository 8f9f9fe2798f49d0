"""Shared helpers for the fast unit tests.

Every test builds its documents the way the loader does: the text goes through
``textnorm.normalize`` and the hash is the SHA-256 of the UTF-8 bytes.
"""

from __future__ import annotations

import hashlib

import pytest

from cantho_analysis.extract.parse import parse_document
from cantho_analysis.load.corpus import Corpus, Document
from cantho_analysis.load.textnorm import normalize
from cantho_analysis.pipeline import tables_from_corpus


def make_document(text: str, doc_id: str = "unit_doc") -> Document:
    return Document(doc_id, f"{doc_id}.txt", normalize(text), hashlib.sha256(text.encode("utf-8")).hexdigest())


def parse_text(text: str, doc_id: str = "unit_doc"):
    return parse_document(make_document(text, doc_id))


def all_tables(text: str, doc_id: str = "unit_doc"):
    return tables_from_corpus(Corpus((make_document(text, doc_id),)))


@pytest.fixture(scope="session")
def parse():
    """``parse(text)`` -> ParsedDocument of a one-article document."""
    return parse_text


@pytest.fixture(scope="session")
def document():
    """``document(text, doc_id=...)`` -> Document with normalised text."""
    return make_document


@pytest.fixture(scope="session")
def tables():
    """``tables(text)`` -> every table for a one-article corpus."""
    return all_tables
