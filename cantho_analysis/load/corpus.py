"""Load a corpus: a folder of UTF-8 ``.txt`` articles.

Loading never stops at a bad file: each problem becomes a :class:`Problem` that names the file
and the reason, and the rest of the corpus still loads (``strict=True`` raises instead).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .plausible import not_text_reason
from .sources import MANIFEST_NAME, article_sources
from .textnorm import normalize


class CorpusError(Exception):
    """A corpus problem that stops the run (missing folder, or any problem under ``strict``)."""


@dataclass(frozen=True)
class Problem:
    """One file that could not be analysed (``error``) or was analysed with a caveat."""

    source_file: str
    doc_id: str
    severity: str
    problem: str
    message: str


@dataclass(frozen=True)
class Document:
    """One article: its identity, its raw bytes' hash and its normalised text.

    All offsets in the extracted tables index into :attr:`text`.  ``url`` and ``site`` come
    from the corpus's ``sources.csv`` when ``cantho-analysis fetch`` made it (else empty).
    """

    doc_id: str
    source_file: str
    text: str
    sha256: str
    url: str = ""
    site: str = ""


@dataclass(frozen=True)
class Corpus:
    """The loaded documents, sorted by ``doc_id``, and the problems met on the way."""

    documents: tuple[Document, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def __getitem__(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        raise KeyError(doc_id)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML = re.compile(r"<(?:script|style|iframe|html|body|head|div|span|p|br|img|a|table|meta|link)\b[^<>]{0,500}>|</(?:script|p|div|a|span)>", re.IGNORECASE)
_UTF8_BOM = b"\xef\xbb\xbf"


def decode_article(raw: bytes) -> tuple[str | None, list[tuple[str, str, str]]]:
    """Decode the bytes of one article; return ``(text, issues)``.

    ``issues`` is a list of ``(severity, code, reason)``.  ``text`` is None when the file
    cannot be analysed.

    >>> decode_article("Đảng".encode())[0]
    'Đảng'
    >>> decode_article(b"\\xff\\xd8\\xff\\x00JFIF")[1][0][1]
    'binary'
    >>> decode_article("năm;GRDP;thu\\n2023;6,2;84.500\\n2024;6,35;91.200\\n".encode())[1]
    [('error', 'not_text', 'is not plausible text: 23% of the non-space characters are letters')]
    """
    if raw.startswith(_UTF16_BOMS):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, [("error", "not_utf8", f"has a UTF-16 byte-order mark but does not decode as UTF-16 ({exc.reason})")]
        if not text.replace("\ufeff", "").strip():
            return None, [("error", "whitespace_only", "holds only white space")]
        if reason := not_text_reason(text):
            return None, [_not_text(reason)]
        return text, [("warning", "utf16", "is UTF-16 (byte-order mark found), not UTF-8; decoded as UTF-16")]
    if b"\x00" in raw[:4096]:
        return None, [("error", "binary", "contains NUL bytes: a binary file, not text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [("error", "not_utf8", f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8")]
    if not text.replace(_UTF8_BOM.decode(), "").strip():
        code = "empty" if not raw else "whitespace_only"
        return None, [("error", code, "is empty" if not raw else "holds only white space")]
    if reason := not_text_reason(text):
        return None, [_not_text(reason)]
    return text, []


def _not_text(reason: str) -> tuple[str, str, str]:
    # Checked last, so the codes above (binary, not_utf8, empty, ...) keep precedence.
    return "error", "not_text", f"is not plausible text: {reason}"


def load_document(path: Path, doc_id: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and normalise one article file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_bytes("Thành uỷ\\r\\n".encode())
    >>> load_document(p)[0].text
    'Thành ủy\\n'
    """
    name = path.name
    doc_id = doc_id or unicodedata.normalize("NFC", path.stem)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [Problem(name, doc_id, "error", "unreadable", f"{name}: cannot be read ({reason})")]
    text, issues = decode_article(raw)
    problems = [Problem(name, doc_id, sev, code, f"{name}: {reason}") for sev, code, reason in issues]
    if text is None:
        return None, problems
    if _HTML.search(text):
        problems.append(Problem(name, doc_id, "warning", "html_markup",
                                f"{name}: contains HTML markup; it was analysed as plain text (tags are kept in the quotes, never rendered)"))
    return Document(doc_id, name, normalize(text), hashlib.sha256(raw).hexdigest()), problems


def load_corpus(corpus_dir: str | Path, strict: bool = False) -> Corpus:
    """Load every ``*.txt`` file directly inside *corpus_dir*.

    Other files and sub-folders are reported as warnings and skipped, except the source manifest
    ``sources.csv``, which gives each article its URL and site name.  With ``strict=True`` the
    first problem of any severity raises :class:`CorpusError`.

    >>> from cantho_analysis import config
    >>> corpus = load_corpus(config.SEEDS_DIR)
    >>> len(corpus.documents) >= 1
    True
    """
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for path, skipped, readable in corpus_entries(corpus_dir):
        problems.extend(skipped)
        if not readable:
            continue
        doc, found = load_document(path)
        problems.extend(found)
        if doc is None:
            continue
        if doc.doc_id in documents:
            problems.append(duplicate_problem(path, documents[doc.doc_id]))
            continue
        documents[doc.doc_id] = doc
    if strict and problems:
        raise CorpusError(problems[0].message)
    if not documents:
        raise CorpusError(f"{Path(corpus_dir)}: no readable .txt articles in this folder")
    sources = article_sources(Path(corpus_dir))
    ordered = tuple(with_source(documents[k], sources) for k in sorted(documents))
    return Corpus(ordered, tuple(problems))


def with_source(doc: Document, sources: dict[str, dict]) -> Document:
    """*doc* with the URL and site name its row of the corpus's ``sources.csv`` gives (if any)."""
    row = sources.get(doc.doc_id)
    if not row:
        return doc
    return dataclasses.replace(doc, url=unicodedata.normalize("NFC", row["url"]),
                               site=unicodedata.normalize("NFC", row["outlet"]))


def corpus_entries(corpus_dir: str | Path) -> list[tuple[Path, list[Problem], bool]]:
    """Every entry of *corpus_dir* in name order: ``(path, problems of a skipped entry, whether it
    is a .txt file to load)``; raises :class:`CorpusError` when the folder does not exist."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found (it must be a folder of .txt articles)")
    return [(path, _skip_reason(path), path.suffix.lower() == ".txt" and path.is_file())
            for path in sorted(folder.iterdir(), key=lambda p: p.name)]


def duplicate_problem(path: Path, first: Document) -> Problem:
    """The problem of a file whose document id is that of an earlier one, *first*."""
    doc_id = unicodedata.normalize("NFC", path.stem)
    return Problem(path.name, doc_id, "error", "duplicate_id",
                   f"{path.name}: same document id as {first.source_file} after Unicode normalisation; skipped")


def _not_regular(path: Path) -> Problem:
    """A ``.txt`` entry that is not a regular file; never opened (a FIFO would block)."""
    doc_id = unicodedata.normalize("NFC", path.stem)
    if path.is_symlink() and not path.exists():
        reason = "is a broken symbolic link"
    else:
        kind = "a named pipe" if stat.S_ISFIFO(path.stat().st_mode) else "not a regular file"
        reason = f"is {kind}"
    return Problem(path.name, doc_id, "error", "unreadable", f"{path.name}: cannot be read ({reason})")


def _skip_reason(path: Path) -> list[Problem]:
    if path.suffix.lower() == ".txt" and not path.is_file() and not path.is_dir():
        return [_not_regular(path)]
    if path.is_dir():
        return [Problem(path.name, "", "warning", "subfolder", f"{path.name}: is a sub-folder; only .txt files directly in the corpus folder are read")]
    if path.name == MANIFEST_NAME and path.is_file():
        return []  # the source manifest of a fetched corpus, read by load_corpus
    if path.suffix.lower() != ".txt":
        return [Problem(path.name, "", "warning", "not_txt", f"{path.name}: not a .txt file; skipped")]
    return []
