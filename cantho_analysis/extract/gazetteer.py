"""The gazetteer: province-level units, their aliases, level words and the 2025 merger map.

One data file (``data/gazetteer.yaml``), read here once; every module that needs a place (bodies,
congresses, people, attribution) asks this one.  The merger map is National Assembly Resolution
202/2025/QH15: which of the 63 units formed which of the 34, and which name was kept.

>>> canonical("TP.HCM"), canonical("Thừa Thiên Huế"), canonical("tỉnh Hậu Giang")
('Hồ Chí Minh', 'Huế', 'Hậu Giang')
>>> successor("Hậu Giang"), successor("Quảng Ninh")
('Cần Thơ', '')
>>> territory_name("Sóc Trăng", merged=True), territory_name("Sóc Trăng", merged=False), territory_name("Hà Nội", merged=True)
('Cần Thơ (merged)', 'Sóc Trăng', 'Hà Nội')
"""

from __future__ import annotations

import functools
import re

from .lexicon import load_yaml, phrase_pattern

MERGED_SUFFIX = " (merged)"


@functools.lru_cache(maxsize=None)
def _data() -> dict:
    return load_yaml("gazetteer.yaml")


@functools.lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    """Every written form (lower case, single spaces) -> the unit's canonical name."""
    found = {}
    for name, aliases in _data()["provinces"].items():
        for form in (name, *aliases):
            found[" ".join(form.lower().split())] = name
    return found


def province_names() -> list[str]:
    """Every written form of a province-level unit, longest first (for alternations)."""
    forms = {form for name, aliases in _data()["provinces"].items() for form in (name, *aliases)}
    return sorted(forms, key=lambda form: (-len(form), form))


@functools.lru_cache(maxsize=None)
def province_pattern() -> str:
    """Regex source of any province-level name (no anchors, no groups)."""
    return "|".join(phrase_pattern(name) for name in province_names())


@functools.lru_cache(maxsize=None)
def level_words(level: str) -> tuple[str, ...]:
    """The words that name a place of *level* (``province``, ``district``, ``commune``, ``hamlet``)."""
    return tuple(_data()["levels"][level])


_LEVEL_PREFIX = re.compile(r"^(?:thành\s+phố|tỉnh|tp\.?)\s*", re.IGNORECASE)


def canonical(place: str) -> str:
    """The canonical name of a province-level unit written as *place* (level words allowed), or "".

    >>> canonical("Thành phố Cần Thơ"), canonical("huyện Vị Thủy")
    ('Cần Thơ', '')
    """
    words = " ".join(place.split())
    return _aliases().get(words.lower()) or _aliases().get(_LEVEL_PREFIX.sub("", words).lower(), "")


@functools.lru_cache(maxsize=None)
def _successors() -> dict[str, str]:
    return {member: kept for kept, members in _data()["merged"].items() for member in members}


def successor(unit: str) -> str:
    """The kept name of the merged unit that *unit* joined on the merger date; "" if not merged."""
    return _successors().get(canonical(unit) or unit, "")


def members(kept: str) -> list[str]:
    """The units that formed the merged unit named *kept* (itself first); [kept] if not merged."""
    return list(_data()["merged"].get(kept, [kept]))


def territory_name(unit: str, merged: bool) -> str:
    """How a figure's territory is written: the merged unit as "<kept name> (merged)" for what
    speaks of the time after the merger, else the unit's own name."""
    if unit.endswith(MERGED_SUFFIX):
        return unit  # already the merged unit (a list of its members)
    unit = canonical(unit) or unit
    kept = successor(unit)
    return kept + MERGED_SUFFIX if merged and kept else unit


def source() -> str:
    """The legal source of the merger map."""
    return _data()["source"]
