"""The notebooks are paired, parameterised and executable (issue: foundation)."""

import json
import subprocess
import sys

import jupytext
import nbformat
import pytest

from cantho_analysis import runner

SOURCES = runner.notebook_sources()
REQUIRED = {"corpus_dir", "output_dir", "merger_date", "term_xiv_start", "term_xiv_end", "term_i_start", "term_i_end", "lang"}


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
    declared = set(runner.notebook_parameters(source))
    assert REQUIRED <= declared
    if source.stem.startswith("05"):
        assert "gold_dir" in declared


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
