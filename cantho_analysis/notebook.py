"""What every notebook does first: check parameters, load the tables, set display defaults."""

from __future__ import annotations

import pandas as pd

from . import figures
from .parse import Params
from .tables import build_tables


def setup(corpus_dir: str, merger_date: str, term_xiv_start: int, term_xiv_end: int,
          term_i_start: int, term_i_end: int, lang: str) -> tuple[dict, Params]:
    """Validate the notebook parameters and return ``(tables, params)``.

    >>> tables, params = setup("../seeds" if False else __import__("cantho_analysis").config.SEEDS_DIR,
    ...                        "2025-07-01", 2020, 2025, 2025, 2030, "en")
    >>> params.terms["I"]
    (2025, 2030)
    """
    if lang not in ("en", "vi"):
        raise ValueError(f"lang: {lang!r} must be 'en' or 'vi'")
    params = Params(merger_date=str(merger_date),
                    terms={"XIV": (int(term_xiv_start), int(term_xiv_end)), "I": (int(term_i_start), int(term_i_end))})
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 70)
    pd.set_option("display.max_rows", 80)
    figures.setup()
    return build_tables(corpus_dir, params), params


def show(frame: pd.DataFrame, what: str, empty_note: str = "") -> pd.DataFrame | None:
    """Return *frame* for display, or print that it is empty (a notebook must not crash on it)."""
    if frame is None or frame.empty:
        print(f"No rows for {what}. {empty_note}".strip())
        return None
    return frame
