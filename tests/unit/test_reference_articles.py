"""corpus/reference_articles.tsv: the format and rules of the reference list of real articles,
and the coverage tables the READMEs show, which must be what the list gives."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re

import pytest

from cantho_analysis import config
from cantho_analysis.load.fetch import normalize_url, read_url_list

_spec = importlib.util.spec_from_file_location("reference_coverage", config.REPO_DIR / "scripts" / "reference_coverage.py")
coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)

ROWS = coverage.read_manifest()
FIRST, LAST = dt.date(2020, 1, 1), dt.date(2026, 12, 31)


def _date(published: str) -> dt.date:
    """The day, or the first of the month for a ``YYYY-MM`` date; ValueError if neither."""
    if re.fullmatch(r"\d{4}-\d{2}", published):
        return dt.date.fromisoformat(published + "-01")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return dt.date.fromisoformat(published)
    raise ValueError(f"{published!r} is not YYYY-MM-DD or YYYY-MM")


def _row_ids(rows):
    return [row["url"][:60] for row in rows]


def test_the_list_has_its_columns_and_enough_rows():
    with coverage.MANIFEST.open(encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n").split("\t") == coverage.COLUMNS
    assert len(ROWS) >= 80
    assert all(None not in row and all(row[c] is not None for c in coverage.COLUMNS) for row in ROWS)  # no ragged row


def test_addresses_are_web_addresses_and_unique():
    assert all(re.fullmatch(r"https?://[^\s/]+/\S*", row["url"]) for row in ROWS)
    keys = [normalize_url(row["url"]).rstrip("/") for row in ROWS]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


@pytest.mark.parametrize("row", ROWS, ids=_row_ids(ROWS))
def test_every_row_follows_the_rules(row):
    day = _date(row["published"])
    assert FIRST <= day <= LAST
    assert row["title"].strip() and row["outlet"].strip()
    assert row["event_type"] in coverage.EVENT_TYPES
    assert row["province"] in coverage.PROVINCES
    # Cần Thơ's committee before the merger, the merged city's from its announcement on.
    if row["province"].startswith("Cần Thơ"):
        assert (row["province"] == "Cần Thơ (merged)") == (row["published"] >= coverage.MERGED_FROM)
    topic = row["topic"]
    assert topic.strip() and len(topic) <= 160
    assert not re.search(r"\d", topic), "a topic carries no figures"
    assert not re.search("[\"“”«»„]", topic), "a topic quotes nothing"


def test_fetch_reads_the_list_as_it_is():
    assert read_url_list(coverage.MANIFEST) == [row["url"] for row in ROWS]


@pytest.mark.parametrize("readme", coverage.READMES, ids=lambda p: p.relative_to(config.REPO_DIR).as_posix())
def test_the_readme_coverage_tables_are_generated_from_the_list(readme):
    text = readme.read_text(encoding="utf-8")
    assert coverage.coverage_markdown(ROWS) in text, f"run: .venv/bin/python scripts/reference_coverage.py --write ({readme})"


def test_the_coverage_tables_show_every_year_and_count_every_row():
    rows = [dict(ROWS[0], published="2021-05-02", province="Hậu Giang", event_type="economy", outlet="A"),
            dict(ROWS[0], published="2024-11", province="Sóc Trăng", event_type="economy", outlet="B")]
    table = coverage.coverage_markdown(rows)
    assert "2 articles." in table
    assert re.findall(r"^\| (\d{4}) \|", table, flags=re.M) == ["2021", "2022", "2023", "2024"]  # gaps shown
    assert "| all | 0 | 1 | 1 | 0 | 2 |" in table
    assert "| `economy` | 2 |" in table and "| `congress` | 0 |" in table
    assert "2 outlets: A 1; B 1." in table
