"""Frictionless ``datapackage.json`` and ``docs/codebook.md``, both generated from the codebook."""

from __future__ import annotations

import json
from pathlib import Path

from .codebook import codebook, columns, field

_FK_EXEMPT = {"documents", "problems"}


def descriptor(outlets: list[str] | None = None) -> dict:
    """The Frictionless Data Package descriptor for the CSV tables; *outlets* (the news outlets
    named in ``documents.outlet``) are listed as sources.

    >>> d = descriptor(["TTXVN"]); d["resources"][0]["name"], d["resources"][0]["schema"]["primaryKey"]
    ('documents', ['doc_id'])
    >>> d["sources"][1]["title"]
    'News outlet: TTXVN'
    """
    book = codebook()
    resources = []
    for name, spec in book["tables"].items():
        fields = []
        for col in columns(name):
            spec_of = field(name, col)
            entry = {"name": col, "type": spec_of["type"], "description": spec_of["description"]}
            if "enum" in spec_of:
                entry["constraints"] = {"enum": spec_of["enum"]}
            fields.append(entry)
        schema = {"fields": fields, "missingValues": [""]}
        if spec.get("primary_key"):
            schema["primaryKey"] = spec["primary_key"]
        if name not in _FK_EXEMPT and "doc_id" in columns(name):
            schema["foreignKeys"] = [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}]
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "encoding": "utf-8", "description": spec["description"], "schema": schema})
    return {
        "profile": "tabular-data-package",
        "name": "cantho-analysis-tables",
        "title": "Facts extracted from Vietnamese news about a provincial Party committee",
        "version": book["version"],
        "licenses": [{"name": "MIT", "title": "MIT License (code and generated tables)"}],
        "sources": [{"title": "News articles in the analysed corpus; see documents.csv (outlet, sha256). "
                              "Article texts keep their publishers' rights and are not relicensed."}]
                   + [{"title": f"News outlet: {outlet}"} for outlet in sorted(set(outlets or []))],
        "resources": resources,
    }


def write_datapackage(data_dir: Path) -> Path:
    """Write ``datapackage.json`` into *data_dir*."""
    import csv

    path = Path(data_dir) / "datapackage.json"
    documents = Path(data_dir) / "documents.csv"
    outlets = []
    if documents.exists():
        with open(documents, encoding="utf-8", newline="") as handle:
            outlets = [row["outlet"] for row in csv.DictReader(handle) if row["outlet"]]
    path.write_text(json.dumps(descriptor(outlets), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def codebook_markdown() -> str:
    """The codebook rendered as Markdown (``docs/codebook.md``)."""
    book = codebook()
    lines = ["# Codebook", "", f"Version {book['version']}. Generated from `cantho_analysis/data/codebook.yaml` "
             "by `python -m cantho_analysis codebook`; do not edit by hand.", ""]
    for name, spec in book["tables"].items():
        lines += [f"## `{name}`", "", spec["description"], ""]
        if spec.get("primary_key"):
            lines += [f"Primary key: `{', '.join(spec['primary_key'])}`.", ""]
        lines += ["| column | type | description | allowed values / example |", "|---|---|---|---|"]
        for col in columns(name):
            entry = field(name, col)
            allowed = ", ".join(f"`{v}`" for v in entry.get("enum", []) if v) or (f"e.g. `{entry['example']}`" if "example" in entry else "")
            lines.append(f"| `{col}` | {entry['type']} | {entry['description'].replace('|', '/')} | {allowed} |")
        lines.append("")
    return "\n".join(lines)
