"""Officials with their offices, and credits (photographers and bylines).

An office is recognised from the glossary in ``data/positions.yaml``; a name from a capitalised
run that starts with a Vietnamese family name (``data/places_names.yaml``).  Three shapes are
read: titles before the name ("Bí thư Thành ủy X Nguyễn Văn A"), an apposition after it
("Ông Nguyễn Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, ..."), and an appointment
("... giữ chức vụ Bí thư ...").  Credited photographers and authors are never officials.
"""

from __future__ import annotations

import functools
import re

from .lexicon import load_yaml, phrase_pattern
from .parse import ParsedDocument
from .patterns import LOWER as _LOWER, UPPER as _UPPER
from .sentences import paragraphs

_CAP_WORD = rf"[{_UPPER}][{_LOWER}]+"
_UPPER_WORD = rf"[{_UPPER}]{{2,}}"
_HONORIFIC = re.compile(r"(?:^|\b)(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)\s+$")
_APPOINTMENT = re.compile(r"\s+(?:giữ chức(?: vụ)?|được bầu(?: giữ chức)?(?: vụ)?|làm|được bầu làm)\s+")
_PHOTO = re.compile(rf"Ảnh[ \t]*:[ \t]*((?:{_CAP_WORD}|{_UPPER_WORD})(?:[ \t]+(?:{_CAP_WORD}|{_UPPER_WORD})){{0,4}})"
                    rf"(?:[ \t]*[-/–][ \t]*((?:{_UPPER_WORD}|{_CAP_WORD})(?:[ \t]+{_UPPER_WORD})?))?")
_UI_WORDS = {"xem thêm", "chia sẻ", "bình luận", "tin liên quan", "đọc thêm"}


@functools.lru_cache(maxsize=None)
def _lexicon():
    positions = load_yaml("positions.yaml")["positions"]
    names = load_yaml("places_names.yaml")
    titles = sorted(((vi, p) for p in positions for vi in p["vi"]), key=lambda t: -len(t[0]))
    place_alt = "|".join(phrase_pattern(p) for p in sorted(names["places"], key=len, reverse=True))
    org_tail = (r"(?:\s+các\s+cơ\s+quan\s+Đảng|\s+Khối(?:\s+[^\s,.;]+){1,2}"
                rf"|\s+(?:xã|phường|đặc\s+khu)(?:\s+{_CAP_WORD})+)?")
    place = rf"(?:\s+(?:TP\.?|Tp\.?|thành\s+phố|tỉnh|Thành\s+phố|Tỉnh))?(?:\s+(?:{place_alt}))"
    title_alt = "|".join(f"(?P<t{i}>{phrase_pattern(vi)})" for i, (vi, _) in enumerate(titles))
    title_re = re.compile(rf"(?<!\w)(?:{title_alt})(?P<tail>{org_tail})(?P<place>{place})?(?!\w)", re.IGNORECASE)
    surname_alt = "|".join(sorted(names["surnames"], key=len, reverse=True))
    name_re = re.compile(rf"(?<![\w])(?:{surname_alt})(?:[ \t]+{_CAP_WORD}){{1,4}}(?![\w])")
    return titles, title_re, name_re


# Every office title in the glossary contains one of these words; sentences without them are
# skipped before the (large) title pattern runs.
_TITLE_HINT = re.compile(r"bí\s+thư|chủ\s+tịch|ủy\s+viên|trưởng|chủ\s+nhiệm", re.IGNORECASE)


def _titles_in(text: str, start: int, end: int) -> list[dict]:
    titles, title_re, _ = _lexicon()
    found = []
    if not _TITLE_HINT.search(text, start, end):
        return found
    for match in title_re.finditer(text, start, end):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if k.startswith("t") and v)
        vi, entry = titles[index]
        title_text = match.group(f"t{index}")
        org_word = vi.split()[-1] if vi.split()[-1] in ("ủy", "UBND", "HĐND") else ""
        found.append({
            "start": match.start(), "end": match.end(), "code": entry["code"], "en": entry["en"],
            "position": " ".join(title_text.split()),
            "tail": " ".join(match.group("tail").split()),
            "place": " ".join((match.group("place") or "").split()),
            "org_word": org_word,
        })
    return found


def _organization(title: dict, fallback_place: str) -> str:
    words = title["position"].split()
    # The organisation is the title minus its office words ("Phó Bí thư Thường trực Thành ủy" -> "Thành ủy").
    for index, word in enumerate(words):
        if word[:1].isupper() and word.lower() not in {"phó", "bí", "chủ", "trưởng", "ủy", "thường", "chuyên"} and index > 0:
            org = " ".join(words[index:])
            break
    else:
        org = words[-1]
    org = " ".join(part for part in (org, title["tail"]) if part)
    place = title["place"] or fallback_place
    return f"{org} {place}".strip() if place else org


def _chain_before(titles: list[dict], name_start: int, text: str) -> list[dict]:
    chain, cursor = [], name_start
    for title in sorted(titles, key=lambda t: -t["end"]):
        gap = text[title["end"]:cursor]
        if title["end"] <= cursor and (gap.strip() == "" if not chain else gap.strip() in {",", "và"}):
            chain.append(title)
            cursor = title["start"]
    return chain


def _chain_after(titles: list[dict], name_end: int, text: str) -> list[dict]:
    chain, cursor = [], name_end
    for title in sorted(titles, key=lambda t: t["start"]):
        gap = text[cursor:title["start"]]
        if title["start"] >= cursor and (gap.strip() in {","} or (chain and gap.strip() in {"và"}) or _APPOINTMENT.fullmatch(gap)):
            chain.append(title)
            cursor = title["end"]
    return chain


def extract_officials(pd: ParsedDocument) -> list[dict]:
    """Rows of the ``officials`` table for one document.

    >>> from cantho_analysis.corpus import Document
    >>> from cantho_analysis.parse import parse_document
    >>> text = "Ông Trần Văn Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh An Giang, phát biểu."
    >>> [(r["name"], r["position_code"]) for r in extract_officials(parse_document(Document("d", "d.txt", text, "")))]
    [('Trần Văn Bình', 'deputy_secretary'), ('Trần Văn Bình', 'people_committee_chair')]
    """
    _, _, name_re = _lexicon()
    text = pd.text
    rows = []
    for sentence in pd.sentences:
        titles = _titles_in(text, sentence.start, sentence.end)
        if not titles:
            continue
        for name in name_re.finditer(text, sentence.start, sentence.end):
            before = _chain_before(titles, name.start(), text)
            after = _chain_after(titles, name.end(), text) if _apposition_ok(text, sentence.start, name.start()) else []
            chain = before + after
            places = [t["place"] for t in chain if t["place"]]
            for title in chain:
                span = (min(title["start"], name.start()), max(title["end"], name.end()))
                rows.append(pd.fact(*span, name=name.group(0), position=title["position"],
                                    position_code=title["code"], position_en=title["en"],
                                    organization=_organization(title, places[0] if places else ""),
                                    is_city_secretary=title["code"] == "secretary"))
    return rows


def _apposition_ok(text: str, sent_start: int, name_start: int) -> bool:
    prefix = text[sent_start:name_start]
    return bool(_HONORIFIC.search(prefix)) or not prefix.strip()


def extract_credits(pd: ParsedDocument) -> list[dict]:
    """Photo credits (``Ảnh: X``) and bylines (a bare name closing the article).

    >>> from cantho_analysis.corpus import Document
    >>> from cantho_analysis.parse import parse_document
    >>> doc = Document("d", "d.txt", "Toàn cảnh. Ảnh: Minh Anh - TTXVN\\nHội nghị bế mạc.\\nHOÀNG NAM", "")
    >>> [(r["name"], r["role"], r["outlet"]) for r in extract_credits(parse_document(doc))]
    [('Minh Anh', 'photo', 'TTXVN'), ('HOÀNG NAM', 'author', '')]
    """
    text = pd.text
    rows = []
    for match in _PHOTO.finditer(text):
        rows.append(pd.fact(match.start(1), match.end(1), name=match.group(1), role="photo", outlet=match.group(2) or ""))
    for start, end in reversed(paragraphs(text)[-3:]):
        line = text[start:end].strip(" ./")
        if line.lower() in _UI_WORDS:
            continue
        if _is_byline(line):
            rows.append(pd.fact(start, start + len(line), name=line, role="author", outlet=""))
        break
    return rows


def _is_byline(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 4 and all(re.fullmatch(rf"{_CAP_WORD}|{_UPPER_WORD}", w) for w in words)
            and not line.endswith((".", ":")))
