"""The rfc3987_syntax stand-in keeps IRI validation working while deferring its cost."""

import subprocess
import sys

CHECK = """
import sys, time
import cantho_analysis.runner
t = time.perf_counter(); import jsonschema; took = time.perf_counter() - t
lazy = type(sys.modules["rfc3987_syntax"]).__name__ == "module" and not hasattr(sys.modules["rfc3987_syntax"], "__file__")
checker = jsonschema.FormatChecker()
print(lazy, checker.conforms("http://example.org/ả", "iri"), checker.conforms("not an iri", "iri"), took < 1.5)
"""


def test_iri_format_still_checked_and_import_is_deferred():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "False", "True"]
