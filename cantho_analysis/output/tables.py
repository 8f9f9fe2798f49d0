"""Write the tables as CSV and Parquet, and read them back.

>>> from cantho_analysis import config
>>> from cantho_analysis.pipeline import build_tables
>>> import tempfile
>>> written = write_tables(build_tables(config.SEEDS_DIR), tempfile.mkdtemp())
>>> sorted(p.name for p in written)[:2]
['annual_targets.csv', 'annual_targets.parquet']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import codebook


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8, header row) and ``<name>.parquet``.

    Both writers are deterministic: same tables, same bytes.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        frame.to_csv(csv_path, index=False, encoding="utf-8", lineterminator="\n")
        frame.to_parquet(parquet_path, index=False, engine="pyarrow", compression="zstd")
        written += [csv_path, parquet_path]
    return written


def read_tables(data_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read tables written by :func:`write_tables` back, with codebook dtypes."""
    data = Path(data_dir)
    return {name: pd.read_parquet(data / f"{name}.parquet") for name in codebook.table_names()
            if (data / f"{name}.parquet").exists()}
