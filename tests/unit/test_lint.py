"""The code passes ruff (configuration in pyproject.toml, [tool.ruff])."""

from __future__ import annotations

import subprocess
import sys

from cantho_analysis import config


def test_ruff_check_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "cantho_analysis", "tests", "benchmarks", "scripts"],
                            cwd=config.REPO_DIR, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"ruff check failed:\n{result.stdout}\n{result.stderr}"
