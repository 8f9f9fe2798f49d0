"""Which decoded files count as prose (``not_text_reason``): thresholds with a wide margin for real
articles, including those full of figures."""

from __future__ import annotations

import unicodedata

import pytest

from cantho_analysis import config
from cantho_analysis.load.plausible import not_text_reason

ARTICLE = ("Sáng 3-2, Thành ủy Cần Thơ tổ chức hội nghị tổng kết công tác năm 2025. Kinh tế tăng trưởng khá, "
           "bình quân đạt 7,41%; quy mô nền kinh tế đạt hơn 312.000 tỉ đồng.\n\n") * 10  # about 1,500 characters
# A figures table inside an article, as outlets print them: still mostly words.
FIGURES = ("Chỉ tiêu\tNăm 2020\tNăm 2025\tTăng bình quân\nGRDP (tỉ đồng)\t250.000\t312.000\t7,41%\n"
           "Thu ngân sách (tỉ đồng)\t12.000\t18.000\t8,5%\nGRDP bình quân đầu người (triệu đồng)\t60,2\t96,9\t10,0%\n")


def _every(text: str, step: int, char: str) -> str:
    return "".join(text[i:i + step] + char for i in range(0, len(text), step))


CASES = [
    pytest.param(ARTICLE, None, id="article"),
    pytest.param(unicodedata.normalize("NFD", ARTICLE), None, id="article-nfd"),
    pytest.param(ARTICLE + FIGURES * 3, None, id="article-with-figures-table"),
    pytest.param(ARTICLE.replace("\n\n", "\n\f\t\r\n"), None, id="tabs-form-feeds-crlf"),
    pytest.param(ARTICLE[:700] + "\x0b" + ARTICLE[700:], None, id="one-stray-control"),
    pytest.param(ARTICLE[:700] + "\ufffd" + ARTICLE[700:], None, id="one-stray-replacement-char"),
    pytest.param(_every(ARTICLE, 300, "\x1b"), "control characters", id="controls-every-300"),
    pytest.param(_every(ARTICLE, 300, "\x85"), "control characters", id="c1-controls-every-300"),
    pytest.param(_every(ARTICLE, 300, "\ufffd"), "U+FFFD replacement characters", id="replacement-every-300"),
    pytest.param("Năm\tGRDP\tTăng\n" + "".join(f"{y}\t{250 + 12 * (y - 2020)}.000\t7,{y % 10}%\n" for y in range(2016, 2026)),
                 "of the non-space characters are letters", id="figures-only"),
    pytest.param("\u2502\u2500\u253c" * 100, "0% of the non-space characters are letters", id="box-drawing"),
]


@pytest.mark.parametrize(("text", "reason"), CASES)
def test_not_text_reason(text, reason):
    found = not_text_reason(text)
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found and "\n" not in found


@pytest.mark.parametrize("folder", [config.SEEDS_DIR, config.REPO_DIR / "tests" / "fixtures" / "other_corpus"],
                         ids=["seeds", "other-corpus"])
def test_real_and_invented_articles_are_text(folder):
    articles = sorted(folder.glob("*.txt"))
    assert articles
    assert {p.name: not_text_reason(p.read_text(encoding="utf-8-sig")) for p in articles} == {p.name: None for p in articles}
