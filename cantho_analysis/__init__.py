"""cantho-analysis: provenance-linked tables from Vietnamese news about provincial Party committees.

>>> from cantho_analysis import build_tables, config
>>> tables = build_tables(config.SEEDS_DIR)
>>> list(tables["documents"].columns)[:2]
['doc_id', 'source_file']
"""

from .extract.parse import Params
from .load.corpus import CorpusError, load_corpus
from .load.textnorm import normalize
from .output.tables import read_tables, write_tables
from .pipeline import build_tables

__all__ = ["CorpusError", "Params", "build_tables", "load_corpus", "normalize", "read_tables", "write_tables"]
__version__ = "0.1.0"
