"""The run parameters, declared once: name, type, default, meaning and check.

The notebooks' ``parameters`` cells, :func:`cantho_analysis.runner.run`, the ``run`` and
``extract`` commands and :func:`cantho_analysis.notebook.setup` all read this declaration, and a
test checks every notebook against it.  :func:`analysis_params` maps the values to the
:class:`~cantho_analysis.extract.parse.Params` that extraction uses (the term spans and their labels).

>>> values = validate({"lang": "vi", "current_term_start": "2025"})
>>> values["lang"], values["current_term_start"], values["merger_date"]
('vi', 2025, '2025-07-01')
>>> validate({"lang": "fr"})
Traceback (most recent call last):
...
ValueError: parameter 'lang': 'fr' must be 'en' or 'vi'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import config


@dataclass(frozen=True)
class Parameter:
    """One run parameter.  ``notebooks`` lists the notebooks that declare it ('' = all)."""

    name: str
    kind: type
    default: object
    meaning: str
    notebooks: tuple[str, ...] = ()


def _year(value) -> str:
    return "" if 1900 <= value <= 2100 else "must be a year (an integer from 1900 to 2100)"


def _iso_date(value) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "is not an ISO date (YYYY-MM-DD)"
    return ""


def _term_label(value) -> str:
    if value and (len(value) > 20 or not value.replace("-", "").replace(" ", "").isalnum()):
        return "must be a short label such as 'XV' (letters, digits, '-'), or '' to take it from the corpus"
    return ""


def _territory(value) -> str:
    from .extract import gazetteer

    unit = value.removesuffix(gazetteer.MERGED_SUFFIX)
    if value and gazetteer.canonical(unit) != unit:
        return (f"is not a province-level unit of data/gazetteer.yaml; write it as the tables do, e.g. 'Hậu Giang' or "
                f"'Cần Thơ{gazetteer.MERGED_SUFFIX}'")
    if value.endswith(gazetteer.MERGED_SUFFIX) and len(gazetteer.members(unit)) < 2:
        return f"'{unit}' is not the name a merged unit kept, so '{value}' does not exist"
    return ""


_CHECKS = {
    "territory": _territory,
    "merger_date": _iso_date,
    "lang": lambda v: "" if v in ("en", "vi") else "must be 'en' or 'vi'",
    "previous_term_label": _term_label,
    "current_term_label": _term_label,
}
_PREVIOUS, _CURRENT = config.DEFAULT_TERMS.values()

PARAMETERS = (
    Parameter("corpus_dir", str, "../seeds", "folder of .txt articles"),
    Parameter("data_dir", str, "", "folder of tables a run already wrote (the runner passes it); "
                                   "empty: extract from corpus_dir, cached"),
    Parameter("output_dir", str, "", "folder for figures (empty: figures are not saved)"),
    Parameter("merger_date", str, config.DEFAULT_MERGER_DATE, "date the merged province and two-level government start"),
    Parameter("previous_term_start", int, _PREVIOUS[0], "first year of the earlier congress term"),
    Parameter("previous_term_end", int, _PREVIOUS[1], "last year of the earlier congress term"),
    Parameter("previous_term_label", str, "", "label of the earlier term, e.g. 'XIV'; empty: its congress ordinal "
                                              "in the corpus, else XIV"),
    Parameter("current_term_start", int, _CURRENT[0], "first year of the later congress term"),
    Parameter("current_term_end", int, _CURRENT[1], "last year of the later congress term"),
    Parameter("current_term_label", str, "", "label of the later term, e.g. 'I'; empty: its congress ordinal "
                                             "in the corpus, else I"),
    Parameter("lang", str, "en", "language of labels and findings: 'en' or 'vi'"),
    Parameter("territory", str, "", "the territory the summary and notebooks 2-3 are about, as the tables write it "
                                    "(e.g. 'Cần Thơ (merged)'); empty: the corpus's main one, its predecessors beside it",
              notebooks=("02_term_comparison", "03_merger_era")),
    Parameter("gold_dir", str, "../tests/fixtures/gold", "hand-annotated gold tables to measure extraction against",
              notebooks=("05_extraction_quality",)),
)
BY_NAME = {p.name: p for p in PARAMETERS}
# Given by the runner itself (from --corpus and --out), never with -p.
RUNNER_OWNED = ("corpus_dir", "data_dir", "output_dir")
# The parameters that change extracted values (the others change labels, paths and language).
EXTRACTION = ("merger_date", "previous_term_start", "previous_term_end", "previous_term_label",
              "current_term_start", "current_term_end", "current_term_label")


def declared_in(notebook_stem: str) -> dict:
    """Names and defaults a notebook's parameters cell must declare, in order.

    >>> list(declared_in("01_corpus_overview"))[:3]
    ['corpus_dir', 'data_dir', 'output_dir']
    """
    return {p.name: p.default for p in PARAMETERS if not p.notebooks or notebook_stem in p.notebooks}


def coerce(name: str, value):
    """*value* (a string from the command line, or already typed) as the parameter's type."""
    parameter = BY_NAME.get(name)
    if parameter is None:
        raise ValueError(f"unknown parameter {name!r}; accepted: {', '.join(BY_NAME)}")
    if parameter.kind is int and not isinstance(value, bool):
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError(f"parameter {name!r}: {value!r} must be a year (an integer from 1900 to 2100)") from None
    if not isinstance(value, str):
        raise ValueError(f"parameter {name!r}: {value!r} must be text")
    return value


def validate(values: dict) -> dict:
    """All parameters, typed and checked: the declared defaults updated with *values*.

    Raises ValueError naming the first bad parameter and why.
    """
    checked = {p.name: p.default for p in PARAMETERS}
    for name, value in values.items():
        checked[name] = coerce(name, value)
    for name, value in checked.items():
        if BY_NAME[name].kind is int:
            problem = _year(value)
        else:
            problem = _CHECKS.get(name, lambda v: "")(value)
            if not problem and not value.strip() and name in ("corpus_dir", "merger_date", "lang"):
                problem = "is empty"
        if problem:
            raise ValueError(f"parameter {name!r}: {values.get(name, value)!r} {problem}")
    for term in ("previous_term", "current_term"):
        if checked[f"{term}_start"] > checked[f"{term}_end"]:
            raise ValueError(f"parameter {term}_start: {checked[f'{term}_start']} is after {term}_end {checked[f'{term}_end']}")
    return checked


def extraction_values(values: dict) -> dict:
    """The checked *values* that change extracted values (what ``build_tables`` takes)."""
    return {name: values[name] for name in EXTRACTION}


def term_spans(values: dict) -> list[tuple[int, int]]:
    """The two terms' year spans, earlier first."""
    return [(values["previous_term_start"], values["previous_term_end"]),
            (values["current_term_start"], values["current_term_end"])]


def term_labels(values: dict) -> list[str]:
    """The labels given as parameters ('' where the corpus is to name the term)."""
    return [values["previous_term_label"], values["current_term_label"]]
