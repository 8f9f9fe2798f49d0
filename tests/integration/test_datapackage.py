"""The data package: Frictionless-valid, codebook-complete, readable by DuckDB; CITATION.cff valid."""

import json
import re
import shutil
import subprocess
import venv

import pytest
from frictionless import validate

from cantho_analysis import config
from cantho_analysis.output import codebook
from cantho_analysis.output.datapackage import write_datapackage
from cantho_analysis.output.tables import write_tables
from cantho_analysis.pipeline import build_tables


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    write_tables(build_tables(config.SEEDS_DIR), folder)
    write_datapackage(folder)
    return folder


def _errors(descriptor_path):
    report = validate(str(descriptor_path))
    return [f"{task.name}: {error.type}" for task in report.tasks for error in task.errors] + [e.type for e in report.errors]


def test_frictionless_validates_the_output(data_dir):
    assert _errors(data_dir / "datapackage.json") == []


@pytest.mark.parametrize("table, column, bad_value, error", [
    ("quantities", "doc_id", "no_such_document", "foreign-key"),
    ("quantities", "unit", "furlongs", "constraint-error"),
    ("documents", "n_chars", "many", "type-error"),
])
def test_frictionless_catches_a_broken_table(data_dir, tmp_path, table, column, bad_value, error):
    broken = tmp_path / "data"
    shutil.copytree(data_dir, broken)
    path = broken / f"{table}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    rows[1][header.index(column)] = bad_value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert any(error in e for e in _errors(broken / "datapackage.json"))


def test_every_column_is_in_the_codebook_and_every_entry_is_used(data_dir):
    book = codebook.codebook()
    used = set()
    for table in codebook.table_names():
        header = (data_dir / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == codebook.columns(table)
        for column in header:
            assert codebook.field(table, column)["description"].strip(), column
        used |= set(codebook.field_names(table))
    assert set(book["fields"]) == used


def test_datapackage_is_generated_from_the_codebook(data_dir):
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == codebook.table_names()
    quantities = next(r for r in descriptor["resources"] if r["name"] == "quantities")
    unit = next(f for f in quantities["schema"]["fields"] if f["name"] == "unit")
    assert unit["constraints"]["enum"] == codebook.codebook()["fields"]["unit"]["enum"]
    assert {"title": "News outlet: TTXVN"} in descriptor["sources"]


def test_codebook_markdown_is_current():
    from cantho_analysis.output.datapackage import codebook_markdown

    assert (config.REPO_DIR / "docs" / "codebook.md").read_text(encoding="utf-8") == codebook_markdown() + "\n"


def test_readme_duckdb_example_runs(data_dir, capsys):
    readme = (config.REPO_DIR / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- duckdb-example -->\n```python\n(.*?)```", readme, re.S).group(1)
    exec(block.replace("build/data/", f"{data_dir.as_posix()}/"), {})
    printed = capsys.readouterr().out
    assert "grdp_growth" not in printed and "%" in printed  # the quotes of growth statements


@pytest.mark.slow
def test_citation_cff_is_valid(tmp_path):
    """cffconvert pins jsonschema<4, which the notebook stack cannot use: validate in its own venv."""
    venv.create(tmp_path / "cff", with_pip=True)
    python = tmp_path / "cff" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "cffconvert==2.0.0"], check=True, capture_output=True)
    result = subprocess.run([tmp_path / "cff" / "bin" / "cffconvert", "--validate", "-i", config.REPO_DIR / "CITATION.cff"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
