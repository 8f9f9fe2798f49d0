"""The summary's findings are computed from the tables (invented articles, invented figures)."""

from __future__ import annotations

from cantho_analysis.analyse import findings
from cantho_analysis.load.corpus import Corpus
from cantho_analysis.pipeline import tables_from_corpus

from .conftest import make_document

REVIEW = (" date 2025-10-02 Tỉnh ủy Bến Tre tổ chức Đại hội. Nhiệm kỳ 2020 - 2025, Tỉnh ủy Bến Tre đã đạt được nhiều kết quả.\n"
          "Kinh tế tăng trưởng bình quân đạt 6,3%.\n"
          "Nhiệm kỳ 2025 - 2030, Tỉnh ủy Bến Tre phấn đấu tăng trưởng kinh tế từ 9% trở lên.")
ANNUAL = (" date 2026-01-08 Tỉnh ủy Bến Tre triển khai Nghị quyết nhiệm vụ năm 2026 với 24 chỉ tiêu và 5 nhiệm vụ trọng tâm.")


def _tables(*texts):
    return tables_from_corpus(Corpus(tuple(make_document(t, f"d{i}") for i, t in enumerate(texts))))


def test_growth_achieved_beside_target():
    found = [f.en for f in findings.key_findings(_tables(REVIEW, ANNUAL))]
    assert "Bến Tre, XIV term (2020-2025): economic growth achieved 6.3% (term 2020-2025)." in found
    assert "Bến Tre, I term (2025-2030): economic growth targeted by the term plan at least 9% (2025-2030)." in found


def test_annual_resolution_is_labelled_annual():
    found = [f for f in findings.key_findings(_tables(REVIEW, ANNUAL)) if "annual resolution" in f.en]
    assert [f.en for f in found] == ["Bến Tre: the annual resolution 2026 sets 24 targets, 5 key tasks."]
    assert (found[0].n_statements, found[0].n_articles) == (2, 1)
    assert found[0].vi == "Bến Tre: nghị quyết năm 2026 đề ra 24 chỉ tiêu, 5 nhiệm vụ trọng tâm."


def test_every_finding_keeps_its_sentence():
    tables = _tables(REVIEW, ANNUAL)
    for finding in findings.key_findings(tables):
        doc_id, sent_id, quote = finding.evidence[0]
        sentence = tables["sentences"].set_index(["doc_id", "sent_id"]).loc[(doc_id, sent_id), "text"]
        assert quote in sentence


def test_limits_say_what_rests_on_one_article():
    limits = [en for en, _ in findings.limits(_tables(REVIEW, ANNUAL))]
    assert any(line.startswith("Rests on one article: Bến Tre: the annual resolution 2026") for line in limits)


def test_findings_never_mix_territories_or_plan_levels():
    """A predecessor province's growth and an annual resolution's target are findings of their own."""
    merged = (" date 2025-10-05 Đại hội Đảng bộ tỉnh Vĩnh Long lần thứ I, nhiệm kỳ 2025-2030 khai mạc.\n"
              "Nhiệm kỳ 2025 - 2030, tỉnh Vĩnh Long phấn đấu tăng trưởng kinh tế từ 10% trở lên.")
    old = " date 2024-01-10 Năm 2023, tăng trưởng kinh tế tỉnh Trà Vinh đạt 7,4%. Năm 2024, tỉnh Trà Vinh phấn đấu tăng trưởng 8%."
    found = [f.en for f in findings.growth_findings(_tables(merged, old))]
    assert found == ["Trà Vinh, XIV term (2020-2025): economic growth achieved 7.4% (2023).",
                     "Trà Vinh, XIV term (2020-2025): economic growth targeted by annual resolutions 8% (2024).",
                     "Vĩnh Long (merged), I term (2025-2030): economic growth targeted by the term plan at least 10% (2025-2030)."]
