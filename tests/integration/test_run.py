"""End-to-end: the CLI's run and extract commands (slow: they execute notebooks)."""

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cantho_analysis import config
from cantho_analysis.cli import main
from cantho_analysis.output import codebook
from cantho_analysis.runner import MARKER, RunError, run

OTHER_CORPUS = config.REPO_DIR / "tests" / "fixtures" / "other_corpus"
pytestmark = pytest.mark.slow


def _digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    previous = os.umask(0o022)  # the usual umask, so that the modes of the outputs are known
    try:
        return run(config.SEEDS_DIR, tmp_path_factory.mktemp("a") / "out", log=lambda m: None)
    finally:
        os.umask(previous)


def test_run_writes_every_output(seed_run):
    assert sorted(p.name for p in (seed_run / "notebooks").glob("*.ipynb")) == [p.stem + ".ipynb" for p in sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))]
    index = (seed_run / "report" / "index.html").read_text(encoding="utf-8")
    for page in (seed_run / "notebooks").glob("*.ipynb"):
        assert f'href="{page.stem}.html"' in index
        assert (seed_run / "report" / f"{page.stem}.html").exists()
    for table in codebook.table_names():
        assert (seed_run / "data" / f"{table}.csv").exists() and (seed_run / "data" / f"{table}.parquet").exists()
    pngs = sorted(p.stem for p in (seed_run / "figures").glob("*.png"))
    assert pngs and pngs == sorted(p.stem for p in (seed_run / "figures").glob("*.svg"))
    assert (seed_run / MARKER).exists()


def test_run_output_has_the_modes_the_umask_gives(seed_run):
    """Built in a temporary folder (mkdtemp: 0700) and renamed into place, the output still has
    the modes of a plain mkdir and open under umask 022 (mode bits: the suite may run as root)."""
    modes = {p.relative_to(seed_run).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in [seed_run, *seed_run.rglob("*")]}
    assert {name: mode for name, mode in modes.items() if mode != (0o755 if (seed_run / name).is_dir() else 0o644)} == {}


def test_two_runs_give_identical_data_figures_and_notebooks(seed_run, tmp_path):
    again = run(config.SEEDS_DIR, tmp_path / "out", log=lambda m: None)
    for part in ("data", "figures", "notebooks"):
        assert _digest(seed_run / part) == _digest(again / part), part


def test_run_on_another_provinces_corpus_extracts_it_once(tmp_path, monkeypatch):
    log = tmp_path / "extractions.log"
    monkeypatch.setenv("CANTHO_ANALYSIS_EXTRACTION_LOG", str(log))  # the kernels inherit it
    monkeypatch.setenv("CANTHO_ANALYSIS_CACHE", str(tmp_path / "cache"))
    out = run(OTHER_CORPUS, tmp_path / "other", {"lang": "vi"}, log=lambda m: None)
    documents = (out / "data" / "documents.csv").read_text(encoding="utf-8")
    assert len(documents.strip().splitlines()) == 1 + len(list(OTHER_CORPUS.glob("*.txt")))
    assert len(list((out / "notebooks").glob("*.ipynb"))) == 5
    # One extraction in the runner; the five notebooks read OUT/data, and never the cache.
    assert len(log.read_text().splitlines()) == 1
    assert not (tmp_path / "cache").exists()
    # This corpus mixes provinces that number their 2020-2025 congresses differently.
    terms = (out / "data" / "terms.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:5] for line in terms[1:]] == [["2020-2025", "2020", "2025", "", "conflict"],
                                                          ["I", "2025", "2030", "1", "corpus"]]
    index = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "nhiệm kỳ 2020-2025" in index and "Nhiệm kỳ XIV" not in index


def test_rerun_replaces_its_own_output_but_refuses_a_foreign_folder(seed_run, tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("precious")
    with pytest.raises(RunError, match="not an output of cantho-analysis"):
        run(config.SEEDS_DIR, foreign, log=lambda m: None)
    assert (foreign / "thesis.docx").read_text() == "precious"
    assert not list(tmp_path.glob(".mine.tmp-*"))


@pytest.mark.parametrize("argv, message", [
    (["run", "-p", "no_such_parameter", "1"], "unknown parameter 'no_such_parameter'"),
    (["run", "-p", "merger_date", "2025-13-45"], "merger_date"),
    (["run", "--corpus", "/nonexistent/corpus"], "corpus folder not found"),
])
def test_run_refuses_bad_input_with_one_line(argv, message, tmp_path, capsys):
    assert main(argv + ["--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_extract_command_writes_valid_tables(tmp_path):
    result = subprocess.run([sys.executable, "-m", "cantho_analysis", "extract", str(config.SEEDS_DIR), "--out", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    import pandas as pd

    for table in codebook.table_names():
        frame = pd.read_csv(tmp_path / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == codebook.columns(table)
        codebook.schema(table).validate(pd.read_parquet(tmp_path / f"{table}.parquet"))


def test_tampered_stored_result_fails_nbval(tmp_path):
    source = config.NOTEBOOKS_DIR / "05_extraction_quality.ipynb"
    notebook = nbformat.read(source, as_version=4)
    changed = False
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if not changed and output.get("output_type") == "stream" and "precision" in output.get("text", ""):
                output["text"] = output["text"].replace("precision", "precisión")
                changed = True
    assert changed
    # A copy outside the repository, laid out so the notebook's relative defaults still resolve.
    (tmp_path / "notebooks").mkdir()
    for name in ("seeds", "tests"):
        (tmp_path / name).symlink_to(config.REPO_DIR / name)
    target = tmp_path / "notebooks" / "tampered.ipynb"
    nbformat.write(notebook, target)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
                             "-o", "addopts=", str(target)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "precisión" in result.stdout  # nbval reports the tampered output, not some other failure


def test_summary_page_states_findings_with_n_and_evidence(seed_run):
    """The summary is generated from the tables: each finding has its n and a link to the
    sentence behind it, which the evidence page holds."""
    import re

    index = (seed_run / "report" / "index.html").read_text(encoding="utf-8")
    evidence = (seed_run / "report" / "evidence.html").read_text(encoding="utf-8")
    findings = re.findall(r'<li class="finding">(.*?)</li>', index, re.S)
    assert 5 <= len(findings) <= 12
    for finding in findings:
        assert re.search(r"\(n = \d+ statements? in \d+ articles?\)", finding)
        anchor = re.search(r'href="evidence.html#([^"]+)"', finding).group(1)
        assert f'id="{anchor}"' in evidence
    assert "What this corpus cannot answer" in index
    # The XIV term's result stands beside the I term's target, each with its territory; the
    # term plan's target is told from annual resolutions'.
    assert re.search(r"Cần Thơ \(merged\), XIV term \(2020-2025\): economic growth achieved [^<]*term 2020-2025", index)
    assert re.search(r"Cần Thơ \(merged\), I term \(2025-2030\): economic growth targeted by the term plan at least", index)
    assert "annual resolution 2025" in index and "annual resolution 2026" in index
    assert re.search(r"On the 5 articles with hand annotations: micro precision \d\.\d\d, recall \d\.\d\d", index)


def test_report_pages_show_no_code(seed_run):
    import re

    for page in sorted((seed_run / "report").glob("0*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'class="[^"]*jp-InputArea-editor', text), page.name  # the box that shows code
        assert "injected-parameters" not in text and "notebook.setup(" not in text, page.name


def test_outputs_stay_readable_on_a_larger_corpus(tmp_path):
    """300 synthetic articles (benchmarks/make_corpus.py): no PNG over 2,000 px, no page over 1 MB,
    long tables shown in part with the whole CSV written and linked, the timeline counted by month."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", config.REPO_DIR / "benchmarks" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    make_corpus.make_corpus(300, tmp_path / "corpus", 0)
    out = run(tmp_path / "corpus", tmp_path / "out", log=lambda m: None, jobs=2)
    for png in (out / "figures").glob("*.png"):
        header = png.read_bytes()[16:24]
        assert max(int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")) <= 2000, png.name
    for page in (out / "report").glob("*.html"):
        assert page.stat().st_size <= 1_000_000, page.name
    overview = (out / "report" / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "counted by month" in overview
    assert 'href="../tables/documents.csv"' in overview
    whole = (out / "tables" / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(whole) == 1 + 300


@pytest.mark.parametrize(("argv", "message"), [
    (["-p", "lang", "vi"], "-p lang: not an extraction parameter"),
    (["-p", "previous_term_end", "20x5"], "parameter 'previous_term_end'"),
    (["-p", "current_term_label", "I; DROP"], "parameter 'current_term_label'"),
])
def test_extract_checks_its_parameters_against_the_declaration(argv, message, tmp_path, capsys):
    assert main(["extract", str(config.SEEDS_DIR), "--out", str(tmp_path / "t"), *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert not (tmp_path / "t").exists()


def test_extract_names_the_terms_as_told(tmp_path):
    assert main(["extract", str(config.SEEDS_DIR), "--out", str(tmp_path / "t"), "-p", "previous_term_label", "XV"]) == 0
    terms = (tmp_path / "t" / "terms.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:5] for line in terms[1:]] == [["XV", "2020", "2025", "15", "parameter"],
                                                          ["I", "2025", "2030", "1", "corpus"]]
