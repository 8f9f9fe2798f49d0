"""Execute every ``notebooks/NN_*.py`` with its default parameters and write the paired
``.ipynb`` with outputs, volatile metadata stripped.  Run after editing a notebook:

    .venv/bin/python scripts/sync_notebooks.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat
import papermill as pm

from cantho_analysis import runner


def sync(source: Path) -> Path:
    target = source.with_suffix(".ipynb")
    with tempfile.TemporaryDirectory() as tmp:
        input_path = Path(tmp) / target.name
        nbformat.write(runner.to_notebook(source), input_path)
        pm.execute_notebook(str(input_path), str(target), kernel_name="python3", cwd=str(source.parent),
                            progress_bar=False, request_save_on_cell_execute=False,
                            kernel_manager_class=runner._ipc_kernel_manager(), shutdown_kernel="immediate")
    runner._strip_volatile(target)
    notebook = nbformat.read(target, as_version=4)
    # "-all": the .py sources carry no YAML header, so neither may the .ipynb's text rendering, or
    # jupytext refuses to open a pair whose .ipynb is newer than its .py.
    notebook.metadata["jupytext"] = {"formats": "ipynb,py:percent", "notebook_metadata_filter": "-all"}
    nbformat.write(notebook, target)
    return target


if __name__ == "__main__":
    names = sys.argv[1:]
    for source in runner.notebook_sources():
        if not names or source.stem in names or source.name in names:
            print("executing", source.name, file=sys.stderr)
            sync(source)
