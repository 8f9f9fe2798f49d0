"""Defer the import of ``rfc3987_syntax`` until an ``iri`` format is actually checked.

jsonschema imports ``rfc3987_syntax`` (when the GPL ``rfc3987`` package is absent) as soon as it is
imported itself, and that module builds about 25 Lark parsers at import: 2-2.5 s in every process
that imports papermill, nbformat or jupytext, although this package never validates an IRI.  A
stand-in module in ``sys.modules`` imports the real one on first use, so nothing is validated
differently; see jsonschema issues #1392 and #1428 upstream.  Measured in benchmarks/RESULTS.md:
``import papermill`` 3.3 s -> 0.6 s, a trivial papermill notebook 4.5 s -> 1.9 s.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

_NAME = "rfc3987_syntax"


def install() -> None:
    """Put the lazy stand-in in place, unless the real module is loaded or not installed.

    >>> install(); "rfc3987_syntax" in sys.modules or importlib.util.find_spec("rfc3987_syntax") is None
    True
    """
    if _NAME in sys.modules or importlib.util.find_spec(_NAME) is None:
        return
    stand_in = types.ModuleType(_NAME)

    def real():
        if sys.modules.get(_NAME) is stand_in:
            del sys.modules[_NAME]
            try:
                importlib.import_module(_NAME)
            except BaseException:
                sys.modules[_NAME] = stand_in
                raise
        return sys.modules[_NAME]

    def __getattr__(name):
        if name.startswith("__"):  # the import machinery probes dunders such as __path__
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.is_valid_syntax = lambda term, value: real().is_valid_syntax(term, value)
    stand_in.__getattr__ = __getattr__
    sys.modules[_NAME] = stand_in
