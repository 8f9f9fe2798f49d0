"""Stage 3, output: schema-validated tables (:mod:`.tables`, from the one :mod:`.codebook`), the
Frictionless :mod:`.datapackage`, reproducible :mod:`.figures` and the HTML :mod:`.report`.
"""
