"""environment.yml and pyproject.toml name the same dependencies."""

import re
import tomllib

import yaml

from cantho_analysis import config

# conda-forge names that differ from the PyPI names.
CONDA_TO_PYPI = {"python-duckdb": "duckdb", "lxml-html-clean": "lxml_html_clean"}


def _name(spec: str) -> str:
    name = re.split(r"[<>=!\[ ]", spec.strip(), maxsplit=1)[0].lower()
    return CONDA_TO_PYPI.get(name, name)


def test_environment_matches_pyproject():
    project = tomllib.loads((config.REPO_DIR / "pyproject.toml").read_text())["project"]
    wanted = {_name(d) for d in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = yaml.safe_load((config.REPO_DIR / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda == wanted
    pip_part = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert pip_part == ["-e ."]


def test_constraints_pin_every_dependency():
    pinned = {_name(line) for line in (config.REPO_DIR / "requirements/constraints.txt").read_text().splitlines()
              if line and not line.startswith("#")}
    project = tomllib.loads((config.REPO_DIR / "pyproject.toml").read_text())["project"]
    for dep in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert _name(dep).replace("_", "-") in {p.replace("_", "-") for p in pinned}, dep


def test_seeds_are_the_shared_corpus_byte_for_byte():
    shared = config.REPO_DIR.parent / "shared" / "seeds"
    ours = sorted(p.name for p in config.SEEDS_DIR.glob("*.txt"))
    assert len(ours) == 5
    if shared.is_dir():
        for name in ours:
            assert (shared / name).read_bytes() == (config.SEEDS_DIR / name).read_bytes(), name
