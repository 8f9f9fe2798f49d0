"""Figures of the package: what they draw and say, from invented tables."""

from __future__ import annotations

import pandas as pd
import pytest

from cantho_analysis.output import figures


def _tenures(n: int, territory: str) -> pd.DataFrame:
    return pd.DataFrame({"territory": territory, "position_code": "secretary", "name": [f"Lê Văn {i}" for i in range(n)],
                         "first_seen": "2024-03", "last_seen": "2025-05-02", "n_articles": list(range(1, n + 1))})


@pytest.mark.parametrize(("n", "drawn", "left_out"), [(3, 3, None), (figures.MAX_LANES + 5, figures.MAX_LANES, 5)])
def test_tenure_lanes_keep_the_most_named_holders(n, drawn, left_out):
    figures.setup()
    image = figures.tenure_lanes(_tenures(n, "Bạc Liêu"), ["Bạc Liêu"], "2025-07-01", "en", "lanes", None)
    assert f"(n = {drawn} tenures; dashed: merger date)" in repr(image)
    assert (f"{left_out} named in fewer articles are in the table" in repr(image)) == (left_out is not None)


def test_growth_panels_state_their_n():
    figures.setup()
    growth = pd.DataFrame({"territory": ["Bạc Liêu", "Bạc Liêu", "Cà Mau (merged)"], "refers_to": ["2024", "2021-2025", "2026-2030"],
                           "kind": ["achieved", "achieved", "target"], "qualifier": ["", "", "at_least"], "value": [6.1, 6.5, 9.0],
                           "doc_id": ["a", "b", "c"]})
    image = figures.growth_panels(growth, ["Cà Mau (merged)", "Bạc Liêu"], "en", "growth", None)
    assert "(n = 3 statements, 3 articles)" in repr(image)


def test_prints_split_across_kernel_messages_are_saved_as_one_output():
    """How a kernel splits a cell's printing into messages depends on timing; the saved notebook
    must not (the determinism test compares notebooks byte for byte)."""
    from nbformat.v4 import new_output

    from cantho_analysis.runner import _coalesced

    split = [new_output("stream", name="stdout", text="a\n"), new_output("stream", name="stdout", text="b\n"),
             new_output("stream", name="stderr", text="w\n"), new_output("stream", name="stdout", text="c\n")]
    whole = [new_output("stream", name="stdout", text="a\nb\n"), new_output("stream", name="stderr", text="w\n"),
             new_output("stream", name="stdout", text="c\n")]
    assert _coalesced(split) == whole
