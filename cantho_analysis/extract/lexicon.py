"""Loaders for the package's private data files (glossaries, dictionaries, codebook).

Each loader reads its YAML/CSV once and caches it; the files live in ``cantho_analysis/data``.
"""

from __future__ import annotations

import csv
import functools

import yaml

from ..config import DATA_DIR
from ..load.textnorm import normalize

# libyaml's loader when PyYAML was built with it (the wheels are): the same data, about ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """Parsed content of ``data/<name>``, with every string NFC/tone-normalised.

    >>> load_yaml("positions.yaml")["positions"][0]["code"]
    'politburo_member'
    """
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return _normalise_strings(yaml.load(handle, Loader=_YAML_LOADER))


@functools.lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict, ...]:
    """Rows of ``data/<name>`` as dicts.

    >>> any(row["key"] == "merger_date" for row in load_csv("context.csv"))
    True
    """
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))


def _normalise_strings(value):
    if isinstance(value, str):
        return normalize(value)
    if isinstance(value, list):
        return [_normalise_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise_strings(v) for k, v in value.items()}
    return value


def phrase_pattern(phrase: str) -> str:
    """Regex source matching *phrase* with any run of white space between its words.

    >>> phrase_pattern("Bí thư  Thành ủy")
    'Bí\\\\s+thư\\\\s+Thành\\\\s+ủy'
    """
    import re

    return r"\s+".join(re.escape(word) for word in phrase.split())
