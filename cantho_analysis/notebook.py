"""What every notebook does first: check its parameters, get the tables once, set display defaults.

Inside ``cantho-analysis run`` the notebooks read the tables the runner wrote (``data_dir``), so a
run extracts its corpus once.  A notebook run alone (JupyterLab, papermill) extracts the corpus
and caches the tables, keyed by the corpus content, the extraction parameters and the package
(its version and the hash of its code and data), so the other notebooks and later runs reuse
them; any change to one of the three makes a new entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd

from . import __version__, config, parameters
from .extract.parse import Params
from .extract.terms import analysis_params, terms_from_frame
from .files import make_temp_dir
from .output import figures
from .output.tables import read_tables, write_tables
from .pipeline import build_tables

SETTINGS_FILE = "extraction.json"
_KEEP_CACHE_ENTRIES = 8
SHOWN_ROWS = 30
# What setup() was given that show() needs: where the notebook saves its outputs.
_session: dict = {}


def setup(namespace: dict) -> tuple[dict, Params]:
    """Validate the notebook's parameters (taken from *namespace*, normally ``globals()``) and
    return ``(tables, params)``.

    >>> import cantho_analysis.config as config
    >>> tables, params = setup({"corpus_dir": str(config.SEEDS_DIR), "lang": "en"})
    >>> list(params.terms)
    ['XIV', 'I']
    """
    values = parameters.validate({k: v for k, v in namespace.items() if k in parameters.BY_NAME})
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 70)
    pd.set_option("display.max_rows", 80)
    figures.setup()
    _session["output_dir"] = values["output_dir"]
    settings = extraction_settings(values)
    if values["data_dir"]:
        tables = _read_run_tables(Path(values["data_dir"]), settings)
    else:
        tables = cached_tables(Path(values["corpus_dir"]), settings)
    return tables, params_of(tables, values["merger_date"])


def extraction_settings(values: dict) -> dict:
    """What the tables depend on besides the corpus: the extraction parameters and the package."""
    return {"package_version": __version__, **parameters.extraction_values(values)}


def params_of(tables: dict, merger_date: str) -> Params:
    """The :class:`Params` the tables were extracted with (the terms as the ``terms`` table names them)."""
    return analysis_params(terms_from_frame(tables["terms"]), merger_date)


def write_run_tables(tables: dict, data_dir: Path, settings: dict) -> None:
    """Write the tables and the settings they were made with (read back by :func:`setup`)."""
    write_tables(tables, data_dir)
    (data_dir / SETTINGS_FILE).write_text(json.dumps(settings, sort_keys=True, indent=1) + "\n", encoding="utf-8")


def _read_run_tables(data_dir: Path, settings: dict) -> dict:
    stored_file = data_dir / SETTINGS_FILE
    if not stored_file.is_file():
        raise ValueError(f"data_dir: {data_dir} holds no {SETTINGS_FILE}; it must be the data/ folder of a run "
                         "(or leave data_dir empty to extract from corpus_dir)")
    stored = json.loads(stored_file.read_text(encoding="utf-8"))
    differing = sorted(k for k in settings if stored.get(k) != settings[k])
    if differing:
        name = differing[0]
        raise ValueError(f"data_dir: its tables were extracted with {name}={stored.get(name)!r}, this notebook has "
                         f"{settings[name]!r}; rerun the extraction or leave data_dir empty")
    return read_tables(data_dir)


def cache_dir() -> Path:
    """``$CANTHO_ANALYSIS_CACHE`` if set, else ``$XDG_CACHE_HOME/cantho-analysis`` (``~/.cache``)."""
    if os.environ.get("CANTHO_ANALYSIS_CACHE"):
        return Path(os.environ["CANTHO_ANALYSIS_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cantho-analysis"


def cache_key(corpus_dir: Path, settings: dict) -> str:
    """Hash of the corpus (every entry's name, and the bytes of its files), the settings and the
    package's code and data files."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for path in sorted(corpus_dir.iterdir()) if corpus_dir.is_dir() else []:
        digest.update(path.name.encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".csv"):
            digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode() + path.read_bytes())
    return digest.hexdigest()[:32]


def cached_tables(corpus_dir: Path, settings: dict) -> dict:
    """The tables of *corpus_dir*, from the cache when an entry for this corpus, these settings
    and this package exists; otherwise extracted once and stored."""
    entry = cache_dir() / cache_key(corpus_dir, settings)
    if (entry / SETTINGS_FILE).is_file():
        os.utime(entry)  # most recently used: kept when old entries are pruned
        return read_tables(entry)
    tables = build_tables(corpus_dir, parameters.extraction_values(settings))
    _store(entry, tables, settings)
    return tables


def _store(entry: Path, tables: dict, settings: dict) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = make_temp_dir(entry.parent, prefix=".tmp-")
        write_run_tables(tables, tmp, settings)
        try:
            tmp.rename(entry)
        except OSError:  # another notebook stored the same entry first: same content, keep theirs
            shutil.rmtree(tmp, ignore_errors=True)
        _prune(entry.parent)
    except OSError:
        pass  # a read-only or full disk only costs the reuse, never the analysis


def _prune(folder: Path) -> None:
    entries = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[_KEEP_CACHE_ENTRIES:]:
        shutil.rmtree(old, ignore_errors=True)


def show(frame: pd.DataFrame, what: str, empty_note: str = "", limit: int = SHOWN_ROWS) -> pd.DataFrame | None:
    """Return *frame* for display: whole up to *limit* rows, else its first *limit* rows, with a
    note of how many there are and, when the notebook saves outputs, a link to the whole table
    written as ``OUTPUT_DIR/tables/<what>.csv``.  An empty frame prints that it is empty (a
    notebook must not crash on it).

    >>> show(pd.DataFrame({"a": range(3)}), "tiny", limit=2)
    Showing the first 2 of 3 rows of tiny.
       a
    0  0
    1  1
    """
    if frame is None or frame.empty:
        print(f"No rows for {what}. {empty_note}".strip())
        return None
    if len(frame) <= limit:
        return frame
    note = f"Showing the first {limit} of {len(frame):,} rows of {what}."
    if _session.get("output_dir"):
        name = re.sub(r"\W+", "_", what.lower()).strip("_")
        folder = Path(_session["output_dir"]) / "tables"
        folder.mkdir(parents=True, exist_ok=True)
        frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        from IPython.display import Markdown, display

        display(Markdown(f"{note} The whole table: [tables/{name}.csv](../tables/{name}.csv)."))
    else:
        print(note)
    return frame.head(limit)
