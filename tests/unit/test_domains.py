"""Policy-domain coding and shares (invented sentences)."""

from __future__ import annotations

import pytest

from cantho_analysis.analyse import analysis
from cantho_analysis.extract.domains import code_sentences


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Đẩy mạnh phòng, chống tham nhũng, lãng phí.", {"anti_corruption"}, id="keyword"),
        pytest.param("Đại hội đại biểu Đảng bộ tỉnh lần thứ I khai mạc trọng thể.", set(),
                     id="the-congress-name-is-no-party-building"),
        pytest.param("Công tác chuẩn bị được tiến hành bài bản, khoa học.", set(), id="methodical-is-no-science"),
        pytest.param("Tỉnh ưu tiên phát triển khoa học và công nghệ, đổi mới sáng tạo.", {"science_tech_digital"},
                     id="science-and-technology"),
    ],
)
def test_domain_coding(parse, sentence, expected):
    assert {r["domain"] for r in code_sentences(parse(sentence))} == expected


def test_shares_carry_their_n_ties_and_a_caution(tables):
    text = ("Năm 2024, tỉnh đẩy mạnh phòng, chống tham nhũng.\n"
            "Năm 2024, tỉnh chăm lo công tác kết nạp đảng viên.\n"
            "Năm 2024, tỉnh giữ vững quốc phòng, an ninh.")
    shares = analysis.domain_shares(tables(text), "term")
    assert set(shares["n_sentences"]) == {3} and set(shares["n_articles"]) == {1}
    assert shares["rank"].tolist() == [1, 1, 1]  # three domains, one sentence each: a tie
    assert set(shares["caution"]) == {"few sentences or one article"}
    line = analysis.top_domains(shares, "term", "XIV", "en")
    assert "33% (1 of 3 sentences)" in line and "ties share a rank" in line and "read with care" in line


def test_domain_precision_on_the_judged_sample(tmp_path):
    import pandas as pd

    from cantho_analysis.analyse.quality import domain_precision

    (tmp_path / "domain_judgements.csv").write_text(
        "doc_id,sent_id,domain,is_correct,note\nd,0,economy_growth,true,\nd,1,economy_growth,false,in passing\n"
        "d,1,party_building,true,\n", encoding="utf-8")
    coded = pd.DataFrame({"doc_id": ["d", "d", "d", "d"], "sent_id": [0, 1, 1, 2],
                          "domain": ["economy_growth", "economy_growth", "party_building", "party_building"]})
    table = domain_precision({"sentence_domains": coded}, tmp_path).set_index("domain")
    assert table.loc["economy_growth", ["n_coded", "n_judged", "n_correct", "precision"]].tolist() == [2, 2, 1, 0.5]
    # a coded pair nobody judged is counted as coded, not as judged
    assert table.loc["party_building", ["n_coded", "n_judged", "n_correct", "precision"]].tolist() == [2, 1, 1, 1.0]


def test_every_coded_seed_pair_is_judged():
    """The judged sample covers the seeds' current coding: a change of the dictionary that
    codes new pairs must come with their judgement."""
    from cantho_analysis import config
    from cantho_analysis.analyse.quality import domain_precision
    from cantho_analysis.pipeline import build_tables

    table = domain_precision(build_tables(config.SEEDS_DIR), config.GOLD_DIR)
    assert (table["n_coded"] == table["n_judged"]).all(), table
    assert table["n_judged"].sum() >= 80
