"""The notebooks are paired, parameterised and executable (issue: foundation)."""

import ast
import json
import subprocess
import sys

import jupytext
import nbformat
import pytest

from cantho_analysis import parameters, runner

SOURCES = runner.notebook_sources()
REQUIRED = set(parameters.declared_in("01_corpus_overview"))


def test_there_are_five_notebooks():
    assert [p.stem[:2] for p in SOURCES] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_py_and_ipynb_have_identical_cells(source):
    text = jupytext.read(source)
    paired = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    assert [(c.cell_type, c.source) for c in text.cells] == [(c.cell_type, c.source) for c in paired.cells]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_parameters_cell_is_tagged(source):
    tagged = [c for c in jupytext.read(source).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    # Names, order and defaults exactly as the one declaration (cantho_analysis.parameters) says.
    declared = {name: ast.literal_eval(default) for name, default in runner.notebook_parameters(source).items()}
    assert list(declared.items()) == list(parameters.declared_in(source.stem).items())


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_ipynb_has_no_volatile_metadata(source):
    notebook = json.loads(source.with_suffix(".ipynb").read_text(encoding="utf-8"))
    assert "papermill" not in notebook["metadata"]
    assert "text_representation" not in notebook["metadata"].get("jupytext", {})
    for cell in notebook["cells"]:
        assert not {"execution", "papermill", "ExecuteTime"} & set(cell.get("metadata", {}))


def test_papermill_help_notebook_lists_the_parameters(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(runner.to_notebook(SOURCES[0]), path)
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(path)],
                            capture_output=True, text=True, check=True)
    for name in REQUIRED:
        assert name in result.stdout


def test_executed_notebooks_carry_results():
    """The stored notebooks hold outputs (nbval compares them), not just code."""
    for source in SOURCES:
        notebook = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
        outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
        assert any(o.get("output_type") in ("stream", "execute_result") for o in outputs), source.name


@pytest.mark.slow
def test_a_notebook_run_alone_extracts_once_then_reads_the_cache(tmp_path, monkeypatch):
    """Keyed by corpus content, extraction parameters and package: a change to either re-extracts."""
    import shutil

    import papermill as pm

    from cantho_analysis import config

    log, corpus = tmp_path / "extractions.log", tmp_path / "corpus"
    shutil.copytree(config.SEEDS_DIR, corpus)
    monkeypatch.setenv("CANTHO_ANALYSIS_EXTRACTION_LOG", str(log))
    monkeypatch.setenv("CANTHO_ANALYSIS_CACHE", str(tmp_path / "cache"))
    source = next(p for p in SOURCES if p.stem.startswith("04"))
    nbformat.write(runner.to_notebook(source), tmp_path / "in.ipynb")

    def execute(**parameters):
        pm.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), cwd=str(config.NOTEBOOKS_DIR),
                            parameters={"corpus_dir": str(corpus), **parameters}, progress_bar=False, kernel_name="python3")
        return len(log.read_text().splitlines())

    assert execute() == 1
    assert execute() == 1  # same corpus, parameters and package: read from the cache
    assert execute(merger_date="2025-08-01") == 2  # another extraction parameter
    assert execute(lang="vi") == 2  # the language changes no extracted value
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    assert execute() == 3  # another corpus content
