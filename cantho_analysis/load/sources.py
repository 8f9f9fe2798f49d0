"""The source manifest of a fetched corpus: ``CORPUS_DIR/sources.csv``, one row per URL.

``cantho-analysis fetch`` writes it; the corpus loader reads it to give each article its URL and
site name.  It lives in its own small module so that loading a corpus never imports the web
extraction libraries.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..files import write_atomic

MANIFEST_NAME = "sources.csv"
MANIFEST_COLUMNS = [
    "doc_id", "url", "final_url", "fetched_at", "http_status",
    "published", "published_source", "published_precision",
    "title", "outlet", "sha256", "status",
]


def manifest_bytes(rows: list[dict]) -> bytes:
    """The manifest as UTF-8 CSV, rows sorted by ``doc_id`` then ``url`` (independent of the
    order or the batches in which the URLs were fetched).

    >>> manifest_bytes([{"doc_id": "b", "url": "u2"}, {"doc_id": "a", "url": "u1"}]).decode().splitlines()[1][:5]
    'a,u1,'
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MANIFEST_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: (r.get("doc_id", ""), r.get("url", ""))):
        writer.writerow({col: row.get(col, "") for col in MANIFEST_COLUMNS})
    return out.getvalue().encode("utf-8")


def write_manifest(corpus_dir: Path, rows: list[dict]) -> Path:
    """Write ``corpus_dir/sources.csv`` atomically."""
    path = Path(corpus_dir) / MANIFEST_NAME
    write_atomic(path, manifest_bytes(rows))
    return path


def read_manifest(corpus_dir: str | Path) -> list[dict]:
    """Rows of ``corpus_dir/sources.csv`` (empty list when there is none).

    >>> import tempfile
    >>> read_manifest(tempfile.mkdtemp())
    []
    """
    path = Path(corpus_dir) / MANIFEST_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{col: (row.get(col) or "") for col in MANIFEST_COLUMNS} for row in csv.DictReader(handle)]


def article_sources(corpus_dir: str | Path) -> dict[str, dict]:
    """``doc_id -> manifest row`` for every row that names a document.

    The loader only looks up the articles it found, so a failed fetch that saved nothing matches
    no article; a failed ``--refresh`` keeps the earlier file, whose URL is still right.  An
    unreadable manifest gives no sources (the articles still load, without URLs).
    """
    try:
        rows = read_manifest(corpus_dir)
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return {row["doc_id"]: row for row in rows if row["doc_id"]}
