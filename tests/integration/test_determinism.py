"""Same inputs and parameters, same bytes: across processes, hash seeds, and parallelism."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cantho_analysis import config
from cantho_analysis.pipeline import build_tables
from cantho_analysis.runner import run

OTHER = config.REPO_DIR / "tests" / "fixtures" / "other_corpus"


def _digest(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    for source in sorted(config.SEEDS_DIR.glob("*.txt")) + sorted(OTHER.glob("*.txt")):
        shutil.copy(source, folder / source.name)
    return folder


def test_parallel_extraction_gives_the_same_tables(mixed_corpus):
    one, two = build_tables(mixed_corpus, jobs=1), build_tables(mixed_corpus, jobs=2)
    for name in one:
        assert one[name].equals(two[name]), name


def test_parallel_extraction_follows_the_corpus_numbering(tmp_path, monkeypatch):
    """Workers extract with the default labels (XIV, I) in the same read that collects the
    congress mentions; a corpus that numbers its 2020-2025 congress XV gets a second pass with its
    own labels, and the same tables as the serial path."""
    from cantho_analysis import pipeline

    invented = ["Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 khai mạc với 320 đại biểu.\n"
                "Đại hội lần thứ XV đề ra 21 chỉ tiêu chủ yếu.",
                "Tỉnh ủy Phú Yên tổng kết năm 2023: tăng trưởng đạt 7,1%.",
                "Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 bế mạc.",
                "Năm 2026, Tỉnh ủy Phú Yên phấn đấu tăng trưởng 9%."]
    for i, text in enumerate(invented):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    passes = []
    original = pipeline._extract_parallel
    monkeypatch.setattr(pipeline, "_extract_parallel", lambda *a: passes.append(a[2].terms) or original(*a))
    one, two = build_tables(tmp_path, jobs=1), build_tables(tmp_path, jobs=2)
    assert passes == [{"XIV": (2020, 2025), "I": (2025, 2030)}, {"XV": (2020, 2025), "I": (2025, 2030)}]
    assert two["terms"]["term"].tolist() == ["XV", "I"]
    for name in one:
        assert one[name].equals(two[name]), name
    passes.clear()
    build_tables(config.SEEDS_DIR, jobs=2)  # Cần Thơ numbers its terms as the defaults: one pass
    assert len(passes) == 1


def test_parallel_loading_keeps_the_problems_and_the_first_of_a_duplicate(mixed_corpus, tmp_path):
    """With jobs > 1 the workers read the files: the problems, and which of two files with one
    document id is kept, are still those of the serial loader."""
    import unicodedata

    folder = tmp_path / "messy"
    shutil.copytree(mixed_corpus, folder)
    first = sorted(folder.glob("*.txt"))[0]
    (folder / (unicodedata.normalize("NFD", "Đảng_ủy") + ".txt")).write_bytes(first.read_bytes())
    (folder / (unicodedata.normalize("NFC", "Đảng_ủy") + ".txt")).write_text("Năm 2024, tỉnh đạt 5 chỉ tiêu.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "sub").mkdir()
    one, two = build_tables(folder, jobs=1), build_tables(folder, jobs=2)
    assert len(one["problems"]) == 4
    for name in one:
        assert one[name].equals(two[name]), name


def test_extract_is_byte_identical_across_hash_seeds(mixed_corpus, tmp_path):
    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "cantho_analysis", "extract", str(mixed_corpus), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(_digest(out))
    assert outputs[0] == outputs[1]
    assert "quantities.parquet" in outputs[0]


@pytest.mark.slow
def test_notebooks_in_parallel_give_the_same_outputs_with_a_progress_line_and_no_kernel_warnings(tmp_path):
    sequential = run(config.SEEDS_DIR, tmp_path / "one", log=lambda m: None, jobs=1)
    parallel = tmp_path / "two"
    result = subprocess.run([sys.executable, "-m", "cantho_analysis", "run", "--out", str(parallel), "--jobs", "2"],
                            capture_output=True, text=True, check=True)
    for part in ("data", "figures", "notebooks"):
        assert _digest(sequential / part) == _digest(parallel / part), part
    assert _digest(parallel / "figures")
    progress = [line for line in result.stderr.splitlines() if line.startswith("notebooks: ")]
    assert progress[-1] == "notebooks: " + " · ".join(f"{n:02d} done" for n in range(1, 6))
    # Kernels talk over IPC and are stopped at once: no transport warning, no shutdown noise.
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr and "TCP" not in result.stderr
    assert result.stdout.startswith("done in ") and f"report {parallel}/report/index.html" in result.stdout


def test_parallel_extraction_keeps_the_manifest_urls(tmp_path):
    """A fetched corpus (here from the invented saved pages) gives the same tables, URLs included,
    whether its files are loaded in the parent or in the workers."""
    from cantho_analysis.load.fetch import FetchOptions, convert_html_dir

    corpus = tmp_path / "corpus"
    convert_html_dir(config.REPO_DIR / "tests" / "fixtures" / "fetch_site", corpus, FetchOptions(), log=lambda m: None)
    articles = sorted(corpus.glob("*.txt"))
    shutil.copy(articles[0], corpus / "zz_copy_without_manifest_row.txt")  # four files: the parallel path
    one, two = build_tables(corpus, jobs=1), build_tables(corpus, jobs=2)
    for name in one:
        assert one[name].equals(two[name]), name
    assert (two["documents"]["url"].str.startswith("https://")).sum() >= 2
