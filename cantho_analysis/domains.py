"""Code sentences by policy domain with the versioned dictionary in ``data/policy_domains.yaml``.

Matching is case-insensitive, on whole words, on normalised text; a sentence can belong to
several domains.  Each match is a row, so the keyword behind every share is visible.
"""

from __future__ import annotations

import functools
import re

from .lexicon import load_yaml, phrase_pattern
from .parse import ParsedDocument


@functools.lru_cache(maxsize=None)
def dictionary() -> dict:
    """The policy-domain dictionary (version, domains, limitations).

    >>> dictionary()["domains"][0]["code"]
    'party_building'
    """
    return load_yaml("policy_domains.yaml")


@functools.lru_cache(maxsize=None)
def _matcher():
    keywords = [(kw, d["code"]) for d in dictionary()["domains"] for kw in d["keywords"]]
    keywords.sort(key=lambda kd: -len(kd[0]))
    pattern = "|".join(f"(?P<k{i}>{phrase_pattern(kw)})" for i, (kw, _) in enumerate(keywords))
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), keywords


def code_sentences(pd: ParsedDocument, periods: dict[int, str] | None = None) -> list[dict]:
    """Rows of ``sentence_domains``: one per sentence, domain and matched keyword.

    >>> from cantho_analysis.corpus import Document
    >>> from cantho_analysis.parse import parse_document
    >>> pd = parse_document(Document("d", "d.txt", "Đẩy mạnh phòng, chống tham nhũng.", ""))
    >>> [(r["domain"], r["keyword"]) for r in code_sentences(pd)]
    [('anti_corruption', 'tham nhũng')]
    """
    regex, keywords = _matcher()
    rows, seen = [], set()
    for sentence, (term, _) in zip(pd.sentences, pd.terms):
        for match in regex.finditer(pd.text, sentence.start, sentence.end):
            index = int(match.lastgroup[1:])
            keyword, domain = keywords[index]
            if (sentence.sent_id, domain, keyword) in seen:
                continue
            seen.add((sentence.sent_id, domain, keyword))
            rows.append(pd.fact(match.start(), match.end(), domain=domain, keyword=keyword, term=term,
                                period=(periods or {}).get(sentence.sent_id, "")))
    return rows
