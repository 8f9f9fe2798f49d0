"""Term labels: from a parameter, from the corpus's own congress ordinals, or Cần Thơ's defaults.

Invented provinces, names and sentences only.
"""

import pytest

from cantho_analysis.extract.congresses import provincial_terms
from cantho_analysis.extract.terms import corpus_mentions, resolve_terms
from cantho_analysis.load.corpus import Corpus
from cantho_analysis.pipeline import tables_from_corpus

from .conftest import make_document

SPANS = [(2020, 2025), (2025, 2030)]

# (sentence, expected (ordinal, first year, last year) of each provincial congress named with its term)
MENTION_CASES = [
    ("Đại hội đại biểu Đảng bộ tỉnh Hòa Lâm lần thứ XV, nhiệm kỳ 2020 - 2025 đã thành công.", [(15, 2020, 2025)]),
    ("Đại hội Đảng bộ thành phố lần thứ nhất, nhiệm kỳ 2025-2030 khai mạc sáng nay.", [(1, 2025, 2030)]),
    ("Đại hội Đảng bộ TP. Bình An lần thứ XVII, nhiệm kỳ 2025 – 2030.", [(17, 2025, 2030)]),
    # The national congress and a congress without its term years name no provincial term.
    ("Đại hội XIV của Đảng, nhiệm kỳ 2026 - 2031 và Đại hội Đảng bộ tỉnh lần thứ XVI.", []),
    # The Party agencies' committee is not the province's committee.
    ("Đại hội Đảng bộ các cơ quan Đảng tỉnh lần thứ I, nhiệm kỳ 2025 - 2030.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MENTION_CASES)
def test_provincial_congress_mentions(sentence, expected):
    assert [m[:3] for m in provincial_terms(sentence)] == expected


XV_2020 = "Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 bầu ông Lâm Văn Khải làm Bí thư."
XVI_2020 = "Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2020 - 2025 diễn ra trong ba ngày."
I_2025 = "Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030 thông qua nghị quyết."

# (articles, labels given as parameters, expected [(label, basis, congress ordinal)] earlier first)
LABEL_CASES = [
    pytest.param([XV_2020, I_2025], ["", ""], [("XV", "corpus", 15), ("I", "corpus", 1)], id="both-from-corpus"),
    pytest.param(["Hội nghị sơ kết công tác năm."], ["", ""], [("XIV", "default", 14), ("I", "default", 1)], id="defaults"),
    pytest.param([XV_2020, XV_2020, XVI_2020], ["", ""], [("XV", "corpus", 15), ("I", "default", 1)], id="majority"),
    pytest.param([XV_2020, XVI_2020], ["", ""], [("2020-2025", "conflict", None), ("I", "default", 1)], id="tie-is-a-conflict"),
    pytest.param([XV_2020], ["XIX", ""], [("XIX", "parameter", 19), ("I", "default", 1)], id="parameter-wins"),
    pytest.param([XV_2020], ["XV", "II"], [("XV", "parameter", 15), ("II", "parameter", 2)], id="parameter-agrees"),
    pytest.param([XV_2020], ["", "2025-2030 term"], [("XV", "corpus", 15), ("2025-2030 term", "parameter", None)], id="free-label"),
    pytest.param([I_2025], ["I", ""], [("2020-2025", "conflict", None), ("2025-2030", "conflict", None)], id="same-label-twice"),
]


@pytest.mark.parametrize(("articles", "labels", "expected"), LABEL_CASES)
def test_term_labels(articles, labels, expected):
    corpus = Corpus(tuple(make_document(text, f"d{i}") for i, text in enumerate(articles)))
    terms = resolve_terms(corpus_mentions(corpus), SPANS, labels)
    assert [(t.term, t.label_basis, t.congress_ordinal) for t in terms] == expected


def test_a_corpus_label_keeps_its_mention_and_counts():
    corpus = Corpus((make_document("Mở đầu. " + XV_2020, "a"), make_document(XV_2020, "b")))
    term = resolve_terms(corpus_mentions(corpus), SPANS, ["", ""])[0]
    text = corpus.documents[0].text
    assert (term.n_mentions, term.n_articles, term.doc_id) == (2, 2, "a")
    assert text[term.mention_start:term.mention_end] == term.mention == "Đại hội Đảng bộ tỉnh lần thứ XV"


def test_the_corpus_ordinal_attributes_its_congress_to_the_term():
    """A sentence naming the corpus's own congress XV belongs to the 2020-2025 term labelled XV."""
    later = "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, tỉnh phấn đấu tăng trưởng 8%."
    tables = tables_from_corpus(Corpus((make_document(XV_2020, "a"), make_document(later, "b"))))
    assert tables["terms"]["term"].tolist() == ["XV", "I"]
    assert tables["sentences"].set_index("doc_id").loc["b", "term"] == "XV"
    assert set(tables["quantities"]["term"]) == {"XV"}
