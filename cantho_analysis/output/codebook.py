"""The codebook: one field dictionary that generates the pandera schemas, the Frictionless
``datapackage.json`` and ``docs/codebook.md``."""

from __future__ import annotations

import functools

import pandas as pd
import pandera.pandas as pa

from ..extract.lexicon import load_yaml

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@functools.lru_cache(maxsize=None)
def codebook() -> dict:
    """The parsed ``data/codebook.yaml``.

    >>> "documents" in codebook()["tables"]
    True
    """
    return load_yaml("codebook.yaml")


def table_names() -> list[str]:
    """Names of the tables, in codebook order.

    >>> table_names()[0]
    'documents'
    """
    return list(codebook()["tables"])


def columns(table: str) -> list[str]:
    """Column names of *table*, in order.

    >>> columns("credits")[:3]
    ['doc_id', 'sent_id', 'name']
    """
    return list(codebook()["tables"][table]["fields"])


def field(table: str, column: str) -> dict:
    """The codebook entry that defines *column* of *table*.

    A column is defined by the field of its own name, unless its table maps it to another
    (``field_of``): the attribution column ``level`` of ``quantities`` is the field
    ``attribution_level``, while ``level`` of ``congresses`` is the congress's level.

    >>> field("quantities", "level")["enum"][0], field("congresses", "level")["enum"][0]
    ('province', 'national_party')
    """
    name = codebook()["tables"][table].get("field_of", {}).get(column, column)
    return codebook()["fields"][name]


def field_names(table: str) -> list[str]:
    """The codebook fields that define the columns of *table*, in column order."""
    mapping = codebook()["tables"][table].get("field_of", {})
    return [mapping.get(column, column) for column in columns(table)]


def dtype(field: str) -> str:
    """pandas dtype of the column or field *field* (a column shares its type with every field
    that defines a column of that name).

    >>> dtype("value")
    'Float64'
    """
    return _DTYPES[codebook()["fields"][field]["type"]]


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of *table*.

    >>> list(empty_frame("themes").columns)[:3]
    ['doc_id', 'sent_id', 'year']
    """
    return pd.DataFrame({c: pd.Series(dtype=dtype(c)) for c in columns(table)})


def typed_frame(table: str, rows: list[dict], order: list[str] | None = None) -> pd.DataFrame:
    """*rows* (dicts by column) as the schema-validated DataFrame of *table*, sorted by *order*;
    an empty frame with the table's dtypes when there are none.

    >>> typed_frame("terms", []).empty, str(typed_frame("terms", []).dtypes["start_year"])
    (True, 'Int64')
    """
    frame = pd.DataFrame(rows, columns=columns(table))
    if frame.empty:
        return empty_frame(table)
    for col in frame.columns:
        frame[col] = frame[col].astype(dtype(col))
    if order:
        frame = frame.sort_values(order, kind="mergesort")
    return schema(table).validate(frame.reset_index(drop=True))


def schema(table: str) -> pa.DataFrameSchema:
    """pandera schema of *table*, built from the codebook.

    >>> str(schema("documents").columns["published_precision"].dtype).startswith("string")
    True
    """
    spec = codebook()["tables"][table]
    cols = {}
    for name in spec["fields"]:
        entry = field(table, name)
        checks = [pa.Check.isin(entry["enum"])] if "enum" in entry else []
        nullable = entry["type"] in ("integer", "number") and name not in ("start", "end", "sent_id")
        cols[name] = pa.Column(dtype(name), checks=checks, nullable=nullable or name == "sent_id", coerce=True)
    checks = [pa.Check(lambda df: (df["start"] <= df["end"]).all(), error="start <= end")] if "start" in spec["fields"] else []
    unique = spec.get("primary_key")
    return pa.DataFrameSchema(cols, strict=True, ordered=True, checks=checks, unique=unique)
