"""Stage 2, extract: parse each document (:mod:`.parse`) and run the extractors on it.

``EXTRACTORS`` is the registry of fact tables: table name -> function that takes a
:class:`~cantho_analysis.extract.parse.ParsedDocument` and returns that table's rows (plain
dicts with the provenance columns).  A new fact table is one new module and one entry here, plus
its columns in ``data/codebook.yaml``.

>>> sorted(EXTRACTORS)[:3]
['congresses', 'credits', 'legal_refs']
"""

from .congresses import extract_congresses
from .legal import extract_legal_refs
from .people import extract_credits, extract_officials
from .plans import extract_plan_elements, extract_themes
from .quantities import extract_quantities

EXTRACTORS = {
    "officials": extract_officials,
    "credits": extract_credits,
    "quantities": extract_quantities,
    "legal_refs": extract_legal_refs,
    "congresses": extract_congresses,
    "plan_elements": extract_plan_elements,
    "themes": extract_themes,
}
