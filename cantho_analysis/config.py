"""Paths and defaults, in one place.

Everything that names a folder or a default parameter lives here, so notebooks, the CLI and the
tests agree on them.

>>> from cantho_analysis import config
>>> config.DEFAULT_MERGER_DATE
'2025-07-01'
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
REPO_DIR = PACKAGE_DIR.parent
SEEDS_DIR = REPO_DIR / "seeds"
NOTEBOOKS_DIR = REPO_DIR / "notebooks"
GOLD_DIR = REPO_DIR / "tests" / "fixtures" / "gold"
DEFAULT_OUT_DIR = REPO_DIR / "build"

DEFAULT_MERGER_DATE = "2025-07-01"
# Term boundaries as years; the boundary year belongs to the term that ends in it
# (docs/term_rules.md).  The values are cited in data/context.csv.
DEFAULT_TERMS = {"XIV": (2020, 2025), "I": (2025, 2030)}
# Ordinal of the provincial/city congress that opened each term.
DEFAULT_TERM_CONGRESS = {"XIV": 14, "I": 1}
