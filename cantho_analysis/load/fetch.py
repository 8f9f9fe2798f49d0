"""Build a corpus folder from the web: ``cantho-analysis fetch URLS --out CORPUS_DIR``.

Each URL becomes one ``.txt`` article in a header style the loader reads (a `` date YYYY-MM-DD``
line, the headline, then the main text), and one row of ``CORPUS_DIR/sources.csv`` that records
where it came from (see :mod:`cantho_analysis.load.sources`).  trafilatura keeps the article's own
text (no navigation, advertising or related-article lists); the date comes from the page's
metadata, else from htmldate.

Politeness: a User-Agent that names the package and its version, robots.txt honoured (unless
``ignore_robots``), a delay between two requests to the same host (at least the robots.txt
``Crawl-delay``), timeouts, bounded retries with exponential backoff, a size limit per page, and
http/https only.  Saved articles are never overwritten unless ``refresh``; a run that is
interrupted resumes where it stopped, because articles already on disk are skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import http.client
import math
import re
import socket
import threading
import time
import unicodedata
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .. import __version__
from ..files import write_atomic
from .plausible import not_text_reason
from .sources import MANIFEST_NAME, read_manifest, write_manifest

USER_AGENT_TOKEN = "cantho-analysis"
USER_AGENT = f"{USER_AGENT_TOKEN}/{__version__} (research corpus builder; honours robots.txt)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_RETRY_AFTER = 120.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The content codings _Inflater decodes, and so the only ones asked for.  Brotli (br) would need a
# library the package does not depend on; a server that sends it anyway is refused by name.
ACCEPT_ENCODING = "gzip, deflate"
_CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}
# Page metadata that states the publication time, most specific first.
_DATE_META = ("article:published_time", "og:article:published_time", "datePublished", "pubdate",
              "dc.date.issued", "publishdate")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")
# The lead paragraph ("sapo") of Vietnamese news sites often sits outside the element trafilatura
# picks as the body, and it carries the dateline; these are the class names CMSs give it.
_LEAD_XPATH = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' sapo ') or "
               "contains(concat(' ', normalize-space(@class), ' '), ' chapeau ') or "
               "contains(concat(' ', normalize-space(@class), ' '), ' article-sapo ')]")


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how persistently to fetch.  Times are in seconds."""

    delay: float = 1.0          # between two requests to the same host
    timeout: float = 20.0       # per connection attempt and per read
    max_time: float = 60.0      # per request, all of it: a server that trickles bytes never hits the timeout
    retries: int = 2            # further attempts after a timeout, a network error, 429 or 5xx
    backoff: float = 2.0        # wait before retry k (from 0): backoff * 2**k
    max_bytes: int = 5_000_000  # larger pages are refused
    ignore_robots: bool = False
    refresh: bool = False       # fetch again and overwrite articles already saved

    def __post_init__(self):
        for name, positive in (("delay", False), ("timeout", True), ("max_time", True), ("backoff", False)):
            value = getattr(self, name)
            if not math.isfinite(value):  # inf or nan would pass the comparisons below, and no timer takes them
                raise ValueError(f"--{name.replace('_', '-')}: {value} is not a number of seconds")
            if value < 0 or (positive and value == 0):
                raise ValueError(f"--{name.replace('_', '-')}: {value} must be {'positive' if positive else 'zero or more'}")
        if self.retries < 0:
            raise ValueError(f"--retries: {self.retries} must be zero or more")
        if self.max_bytes < 1:
            raise ValueError(f"--max-bytes: {self.max_bytes} must be positive")


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` goes into the manifest's status."""

    def __init__(self, reason: str, status: int | None = None, retryable: bool = False, retry_after: float = 0):
        super().__init__(reason)
        self.reason, self.status, self.retryable, self.retry_after = reason, status, retryable, retry_after


@dataclass(frozen=True)
class Page:
    """The bytes of a page and where they came from."""

    url: str
    final_url: str
    http_status: int | None
    body: bytes
    charset: str | None = None


@dataclass(frozen=True)
class Article:
    """What is kept of a page: its headline, main text, date (with its source) and site name."""

    title: str
    text: str
    published: str = ""
    published_source: str = ""
    published_precision: str = ""
    outlet: str = ""


@dataclass
class Summary:
    """Counts of one fetch run, and the manifest it wrote."""

    fetched: int = 0
    skipped: int = 0
    failed: int = 0
    manifest: Path | None = None

    def line(self) -> str:
        return f"fetched {self.fetched}, skipped {self.skipped} (already saved), failed {self.failed}; manifest: {self.manifest}"


# ---------------------------------------------------------------- URLs and file names

def read_url_list(path: str | Path) -> list[str]:
    """The URLs of *path*: a text file with one URL per line (blank lines and ``#`` comments
    allowed), or a CSV (``.csv``) or tab-separated (``.tsv``) file with a ``url`` column, such as
    ``corpus/reference_articles.tsv``.  Duplicates are dropped, first kept.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "urls.txt"
    >>> _ = p.write_text("# bài đã chọn\\nhttps://bao.example/a.html\\n\\nhttps://bao.example/a.html\\n")
    >>> read_url_list(p)
    ['https://bao.example/a.html']
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: URL list not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the URL list is not UTF-8 text") from None
    delimiter = _TABLE_DELIMITERS.get(path.suffix.lower())
    urls = _table_urls(path, text, delimiter) if delimiter else _line_urls(text)
    if not urls:
        raise ValueError(f"{path}: no URLs (one per line, or a CSV or TSV with a 'url' column; blank lines and # comments are ignored)")
    return list(dict.fromkeys(urls))


def _line_urls(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


_TABLE_DELIMITERS = {".csv": ",", ".tsv": "\t"}


def _table_urls(path: Path, text: str, delimiter: str) -> list[str]:
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
    if "url" not in columns:
        kind = "CSV" if delimiter == "," else "TSV"
        raise ValueError(f"{path}: the {kind} has no 'url' column (columns: {', '.join(columns) or 'none'})")
    return [row[columns["url"]].strip() for row in reader if (row.get(columns["url"]) or "").strip()]


def normalize_url(url: str) -> str:
    """The URL that names an article: scheme and host in lower case, no default port, no
    fragment, an empty path written ``/``.

    >>> normalize_url("HTTPS://Bao.Example:443/tin-tuc/a.html?id=7#binh-luan")
    'https://bao.example/tin-tuc/a.html?id=7'
    """
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    default = {"http": 80, "https": 443}.get(scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + host + port
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def doc_id_for(url: str) -> str:
    """A stable document id for *url*: its host and the first 12 hex digits of the SHA-256 of
    the normalised URL, so that fetching the same URL again gives the same file name.

    >>> doc_id_for("https://www.bao.example/tin-tuc/a.html#top") == doc_id_for("https://WWW.bao.example/tin-tuc/a.html")
    True
    >>> doc_id_for("https://www.bao.example/tin-tuc/a.html")[:12]
    'bao.example_'
    """
    normal = normalize_url(url)
    host = (urlsplit(normal).hostname or "unknown").removeprefix("www.")
    host = re.sub(r"[^a-z0-9.-]", "-", host)
    return f"{host}_{hashlib.sha256(normal.encode('utf-8')).hexdigest()[:12]}"


def check_http_url(url: str) -> None:
    """Raise :class:`FetchError` unless *url* is an absolute http or https URL.

    >>> check_http_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    cantho_analysis.load.fetch.FetchError: only http and https URLs are fetched, not 'file'
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme.lower() or 'a relative path'!r}")
    if not parts.hostname:
        raise FetchError("the URL names no host")
    try:
        _ = parts.port  # raises ValueError when the port is not a number
    except ValueError:
        raise FetchError("the URL's port is not a number") from None


# ---------------------------------------------------------------- extraction

def extract_article(html: str, url: str | None = None) -> Article:
    """The article in *html*: headline, main text (paragraphs), date and site name.

    Everything runs on the string given; nothing is downloaded.

    >>> page = ('<html><head><meta property="article:published_time" content="2025-10-14T09:30:00+07:00">'
    ...         '<meta property="og:site_name" content="Báo Hòa Lâm"></head><body><nav>Trang chủ</nav><article>'
    ...         '<h1>Hội nghị Tỉnh ủy Hòa Lâm lần thứ nhất</h1><p>Sáng 14/10, Tỉnh ủy Hòa Lâm tổ chức hội nghị '
    ...         'lần thứ nhất để bàn về kế hoạch phát triển kinh tế của tỉnh trong năm tới.</p></article></body></html>')
    >>> a = extract_article(page)
    >>> a.title, a.published, a.published_source, a.outlet
    ('Hội nghị Tỉnh ủy Hòa Lâm lần thứ nhất', '2025-10-14', 'meta article:published_time', 'Báo Hòa Lâm')
    """
    import trafilatura

    if not html.strip():
        raise FetchError("the page is empty")
    doc = trafilatura.bare_extraction(_tree(html), url=url, with_metadata=True, include_comments=False,
                                      include_images=False, include_tables=True, deduplicate=False)
    body = _nfc(doc.text if doc else "")
    title = _nfc((doc.title if doc else "") or "")
    published, source, precision = publication_date(html, url)
    return Article(title=title, text=_with_lead(_lead(html), body), published=published, published_source=source,
                   published_precision=precision, outlet=_nfc((doc.sitename if doc else "") or ""))


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def _tree(html: str):
    """A parsed tree: the libraries download a string that looks like a URL, never a tree.

    An XHTML page's ``<?xml ... encoding=...?>`` line is dropped: the text is already decoded,
    and lxml refuses a decoded string that declares an encoding.
    """
    import lxml.html

    return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _lead(html: str) -> str:
    nodes = _tree(html).xpath(_LEAD_XPATH)
    return _nfc(" ".join(nodes[0].text_content().split())) if nodes else ""


def _with_lead(lead: str, body: str) -> str:
    if not lead or lead in " ".join(body.split()):
        return body
    return f"{lead}\n{body}" if body else lead


def publication_date(html: str, url: str | None = None) -> tuple[str, str, str]:
    """``(date, source, precision)``: from the page's date metadata when it states one, else
    from htmldate's search of the markup, else from htmldate's heuristics over the text.

    The metadata date is taken as written (the outlet's local date), not converted to UTC.

    >>> publication_date('<html><head><meta property="article:published_time" content="2025-09-17T23:10:00+07:00"></head><body></body></html>')
    ('2025-09-17', 'meta article:published_time', 'day')
    >>> publication_date("<html><body><p>Không có ngày.</p></body></html>")
    ('', '', '')
    """
    found = _meta_date(_tree(html))
    if found:
        return found
    import htmldate

    for extensive, source in ((False, "htmldate markup"), (True, "htmldate text heuristics")):
        date = htmldate.find_date(_tree(html), extensive_search=extensive, original_date=True, url=url)
        if date:
            return date, source, "day"
    return "", "", ""


def _meta_date(tree) -> tuple[str, str, str] | None:
    for name in _DATE_META:
        for value in tree.xpath(f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content"):
            match = _ISO_PREFIX.match(value)
            if not match:
                continue
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                date = dt.date(year, month, day or 1)
            except ValueError:
                continue
            if day:
                return date.isoformat(), f"meta {name}", "day"
            return f"{year:04d}-{month:02d}", f"meta {name}", "month"
    return None


def article_text(article: Article) -> str:
    """The ``.txt`` file of *article*: a `` date YYYY-MM[-DD]`` line (the loader's header), the
    headline, then the paragraphs, separated by blank lines.  Same article, same bytes.

    >>> print(article_text(Article("Khai mạc hội nghị", "Sáng 14/10, hội nghị khai mạc.", "2025-10-14")))
     date 2025-10-14
    <BLANKLINE>
    Khai mạc hội nghị
    <BLANKLINE>
    Sáng 14/10, hội nghị khai mạc.
    <BLANKLINE>
    """
    paragraphs = [p.strip() for p in article.text.split("\n") if p.strip()]
    if article.title and (not paragraphs or paragraphs[0] != article.title):
        paragraphs.insert(0, article.title)
    header = [f" date {article.published}"] if article.published else []
    return unicodedata.normalize("NFC", "\n\n".join(header + paragraphs) + "\n")


def decode_html(body: bytes, charset: str | None = None) -> str:
    """Text of a page: with the charset the server declared, else as trafilatura guesses it.

    >>> decode_html("<p>Đảng</p>".encode(), "utf-8")
    '<p>Đảng</p>'
    """
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    return decode_file(body)


# ---------------------------------------------------------------- the network

class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http and https (never to file:// or ftp://), and only where
    *allowed* (the target's robots.txt) permits."""

    def __init__(self, allowed: Callable[[str], tuple[bool, str]]):
        super().__init__()
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"redirected to a {scheme!r} URL, which is not fetched", status=code)
        allowed, reason = self.allowed(newurl)
        if not allowed:
            raise FetchError(f"redirected to {newurl}: {reason} (--ignore-robots overrides)", status=code)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """The ``--max-time`` of one request.

    Each read waits at most ``--timeout``, so a server that sends a byte every few seconds never
    times out.  When the deadline passes, a timer shuts down the sockets the request opened,
    which ends the read that is waiting, be it for the headers or the body.
    """

    def __init__(self, seconds: float):
        self.seconds, self.expired = seconds, False
        self.sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def reason(self) -> str:
        return f"exceeded --max-time {self.seconds:g} s"

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()
        return False

    def _expire(self) -> None:
        self.expired = True
        for sock in list(self.sockets):
            try:
                # A blocked recv returns at once (close() would not wake it).  The plain socket's
                # method: urllib has already "closed" the socket, which only stops its own use of
                # it (the response still reads from it), and an SSL socket refuses once closed.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass  # the connection has really ended


class _Tracked:
    """Handler mixin: every socket the handler connects is handed to *track*, so that the current
    request's :class:`_Deadline` can shut it down."""

    def __init__(self, track: Callable[[socket.socket], None]):
        super().__init__()
        self.track = track

    def do_open(self, http_class, req, **kwargs):
        track = self.track

        class Connection(http_class):
            def connect(self):
                super().connect()
                track(self.sock)

        return super().do_open(Connection, req, **kwargs)


class _TrackedHTTP(_Tracked, urllib.request.HTTPHandler):
    pass


class _TrackedHTTPS(_Tracked, urllib.request.HTTPSHandler):
    pass


def content_coding(headers, status: int | None = None) -> str:
    """The content coding of a response: ``""`` (none), ``"gzip"`` or ``"deflate"``; any other
    raises :class:`FetchError`.  A server may compress although it was not asked to.

    >>> content_coding({"Content-Encoding": "x-gzip"}), content_coding({"Content-Encoding": "identity"}), content_coding({})
    ('gzip', '', '')
    >>> content_coding({"Content-Encoding": "br"})
    Traceback (most recent call last):
    ...
    cantho_analysis.load.fetch.FetchError: unsupported content-encoding: br
    """
    codings = [c.strip().lower() for c in (headers.get("Content-Encoding") or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return ""
    if len(codings) == 1 and codings[0] in _CODINGS:
        return _CODINGS[codings[0]]
    raise FetchError(f"unsupported content-encoding: {', '.join(codings)}", status)


def _zlib_header(data: bytes) -> bool:
    """Whether *data* starts with a zlib header (RFC 1950); ``deflate`` should be zlib-wrapped,
    but some servers send raw deflate (RFC 1951)."""
    return data[0] & 0x0F == 8 and data[0] >> 4 <= 7 and int.from_bytes(data[:2], "big") % 31 == 0


class _Inflater:
    """Decodes a gzip or deflate body as it arrives.

    The decoded size is counted against the limit while decoding (zlib's ``max_length``), so a
    decompression bomb, a few kilobytes that inflate to gigabytes, is refused after at most
    limit + 1 decoded bytes and is never inflated in memory.

    >>> body = zlib.compress(b"<p>" + b"x" * 5000 + b"</p>")
    >>> inflater = _Inflater("deflate", 10_000, 200)
    >>> len(inflater.feed(body[:7]) + inflater.feed(body[7:]) + inflater.finish())
    5007
    >>> _Inflater("deflate", 1000, 200).feed(body)
    Traceback (most recent call last):
    ...
    cantho_analysis.load.fetch.FetchError: page larger than the limit of 1000 bytes once decompressed (deflate)
    """

    def __init__(self, coding: str, limit: int, status: int | None):
        self.coding, self.limit, self.status, self.size = coding, limit, status, 0
        self._wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else None  # deflate: decided by the first bytes
        self._zlib = zlib.decompressobj(self._wbits) if self._wbits else None
        self._first = b""

    def feed(self, data: bytes) -> bytes:
        if self._zlib is None:
            data, self._first = self._first + data, b""
            if len(data) < 2:
                self._first = data
                return b""
            self._wbits = zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
            self._zlib = zlib.decompressobj(self._wbits)
        pieces = []
        while data:
            try:
                piece = self._zlib.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                raise FetchError(f"the {self.coding} body does not decode ({exc})", self.status) from None
            self.size += len(piece)
            if self.size > self.limit:
                raise FetchError(f"page larger than the limit of {self.limit} bytes once decompressed ({self.coding})", self.status)
            pieces.append(piece)
            data = self._zlib.unconsumed_tail
            if self._zlib.eof and self._zlib.unused_data:  # gzip allows several members one after another
                data, self._zlib = self._zlib.unused_data, zlib.decompressobj(self._wbits)
        return b"".join(pieces)

    def finish(self) -> bytes:
        """Check that the stream ended; a cut one would give half a page."""
        if self._zlib is None or not self._zlib.eof:
            raise FetchError(f"the {self.coding} body is truncated", self.status)
        return b""


@dataclass
class Fetcher:
    """HTTP client with per-host delays, bounded retries and a robots.txt cache.

    ``sleep`` and ``clock`` are parameters so that tests can check the delays without waiting.
    """

    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict = field(default_factory=dict)
    _robots: dict = field(default_factory=dict)
    _opener: urllib.request.OpenerDirector | None = None
    _deadline: _Deadline | None = None  # of the request in progress

    def get(self, url: str, html_only: bool = True) -> Page:
        """Fetch *url*, retrying timeouts, network errors, 429 and 5xx; raise :class:`FetchError`."""
        check_http_url(url)
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._wait(url)
            try:
                return self._request(url, html_only)
            except FetchError as exc:
                if not exc.retryable or attempt == attempts - 1:
                    if exc.retryable and attempts > 1:
                        raise FetchError(f"{exc.reason} ({attempts} attempts)", exc.status) from None
                    raise
                # A server that says when to come back (Retry-After, capped) is waited for.
                self.sleep(max(self.options.backoff * 2 ** attempt, exc.retry_after))
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> tuple[bool, str]:
        """``(allowed, reason)`` for *url* under its host's robots.txt (fetched once per host);
        always allowed with ``ignore_robots``."""
        if self.options.ignore_robots or urlsplit(url).path == "/robots.txt":
            return True, ""
        parser, problem = self._robots_for(url)
        if problem:
            return False, problem
        return parser.can_fetch(USER_AGENT_TOKEN, url), "disallowed by robots.txt"

    def _open(self, request):
        if self._opener is None:
            self._opener = urllib.request.build_opener(_CheckedRedirects(self.allowed), _TrackedHTTP(self._track),
                                                       _TrackedHTTPS(self._track))
        return self._opener.open(request, timeout=self.options.timeout)

    def _track(self, sock: socket.socket) -> None:
        if self._deadline is not None:
            self._deadline.sockets.append(sock)

    def _host(self, url: str) -> str:
        return urlsplit(url).netloc.lower()

    def _wait(self, url: str) -> None:
        host = self._host(url)
        delay = max(self.options.delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            remaining = delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()

    def _crawl_delay(self, host: str) -> float:
        parser, _ = self._robots.get(host, (None, ""))
        value = parser.crawl_delay(USER_AGENT_TOKEN) if parser is not None and not self.options.ignore_robots else None
        return float(value or 0)

    def _request(self, url: str, html_only: bool) -> Page:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                       "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                                                       "Accept-Encoding": ACCEPT_ENCODING})
        deadline = _Deadline(self.options.max_time)
        # A redirect may fetch the target's robots.txt, a request of its own, in the middle of this one.
        outer, self._deadline = self._deadline, deadline
        try:
            with deadline, self._open(request) as response:
                return self._page(url, response, html_only, deadline)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}", exc.code, exc.code in _RETRY_STATUS,
                             _retry_after(exc.headers)) from None
        except urllib.error.URLError as exc:
            raise (FetchError(deadline.reason) if deadline.expired else _network_error(exc.reason)) from None
        except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, broken responses
            raise (FetchError(deadline.reason) if deadline.expired else _network_error(exc)) from None
        finally:
            self._deadline = outer

    def _page(self, url: str, response, html_only: bool, deadline: _Deadline) -> Page:
        content_type = response.headers.get_content_type()
        if html_only and content_type not in _HTML_TYPES:
            raise FetchError(f"not an HTML page ({content_type})", response.status)
        coding = content_coding(response.headers, response.status)
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.options.max_bytes:
            raise FetchError(f"page larger than the limit of {self.options.max_bytes} bytes ({length} bytes)", response.status)
        inflater = _Inflater(coding, self.options.max_bytes, response.status) if coding else None
        body = _read_limited(response, self.options.max_bytes, deadline, inflater)
        return Page(url, response.geturl(), response.status, body, response.headers.get_content_charset())

    def _robots_for(self, url: str):
        host = self._host(url)
        if host not in self._robots:
            # While robots.txt itself is fetched (and redirected), the host counts as allowed,
            # so that a redirecting robots.txt cannot send this lookup into a loop.
            self._robots[host] = (_allow_all(), "")
            self._robots[host] = self._load_robots(url)
        return self._robots[host]

    def _load_robots(self, url: str):
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            page = self.get(robots_url, html_only=False)
        except FetchError as exc:
            if exc.status and 400 <= exc.status < 500 and exc.status not in (401, 403):
                return _allow_all(), ""  # no robots.txt: everything is allowed (RFC 9309)
            # 401/403, a server error or no answer: assume the site wants no crawler (RFC 9309).
            return parser, f"robots.txt could not be read ({exc.reason}), so the site is not fetched"
        parser.parse(decode_html(page.body, page.charset or "utf-8").splitlines())
        return parser, ""


def _allow_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.allow_all = True
    return parser


def _retry_after(headers) -> float:
    """Seconds a 429/503 answer asks to wait (``Retry-After: 30``), at most 120; 0 if unstated.

    >>> _retry_after({"Retry-After": "30"}), _retry_after({"Retry-After": "9999"}), _retry_after({})
    (30.0, 120.0, 0.0)
    """
    value = (headers or {}).get("Retry-After", "") or ""
    return min(float(value), _MAX_RETRY_AFTER) if value.strip().isdigit() else 0.0


def _network_error(reason) -> FetchError:
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return FetchError("timed out", retryable=True)
    text = getattr(reason, "strerror", None) or str(reason)
    return FetchError(f"network error: {text}", retryable=True)


def _read_limited(response, max_bytes: int, deadline: _Deadline, inflater: _Inflater | None = None) -> bytes:
    """The body, decoded by *inflater* if the server compressed it.  At most *max_bytes* are
    received and at most *max_bytes* decoded: a longer body (whatever its Content-Length said) is
    refused, and so is one still arriving when *deadline* passes."""
    chunks, size = [], 0
    while chunk := _read_chunk(response, deadline):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"page larger than the limit of {max_bytes} bytes", response.status)
        chunks.append(inflater.feed(chunk) if inflater else chunk)
    if deadline.expired:  # the connection it shut down reads as the end of the body
        raise FetchError(deadline.reason, response.status)
    if inflater:
        chunks.append(inflater.finish())
    return b"".join(chunks)


def _read_chunk(response, deadline: _Deadline) -> bytes:
    if deadline.expired:
        raise FetchError(deadline.reason, response.status)
    try:
        return response.read(65536)
    except (OSError, http.client.HTTPException):
        if deadline.expired:
            raise FetchError(deadline.reason, response.status) from None
        raise


# ---------------------------------------------------------------- the corpus

def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(doc_id: str, url: str, status: str, **fields) -> dict:
    return {"doc_id": doc_id, "url": url, "status": status, **fields}


def _save(out_dir: Path, doc_id: str, article: Article) -> str:
    data = article_text(article).encode("utf-8")
    write_atomic(out_dir / f"{doc_id}.txt", data)
    return hashlib.sha256(data).hexdigest()


def _saved_row(doc_id: str, url: str, page: Page | None, article: Article, sha: str) -> dict:
    return _row(doc_id, url, "ok", final_url=page.final_url if page else "", fetched_at=_now(),
                http_status=page.http_status if page else "", published=article.published,
                published_source=article.published_source, published_precision=article.published_precision,
                title=article.title, outlet=article.outlet, sha256=sha)


def _skipped_row(out_dir: Path, doc_id: str, url: str, previous: dict | None) -> dict:
    """The earlier row of a saved article (how it was fetched), now marked skipped_existing."""
    sha = hashlib.sha256((out_dir / f"{doc_id}.txt").read_bytes()).hexdigest()
    return {**(previous or {}), "doc_id": doc_id, "url": url, "sha256": sha, "status": "skipped_existing"}


def _fetch_one(url: str, out_dir: Path, fetcher: Fetcher, previous: dict | None) -> dict:
    try:
        check_http_url(url)
    except FetchError as exc:
        return _row("", url, f"failed: {exc.reason}")
    doc_id = doc_id_for(url)
    if (out_dir / f"{doc_id}.txt").exists() and not fetcher.options.refresh:
        return _skipped_row(out_dir, doc_id, url, previous)
    try:
        allowed, reason = fetcher.allowed(url)
        if not allowed:
            raise FetchError(f"{reason} (--ignore-robots overrides)")
        page = fetcher.get(url)
        article = _extract(decode_html(page.body, page.charset), page.final_url, page.http_status)
    except FetchError as exc:
        return _row(doc_id, url, f"failed: {exc.reason}", fetched_at=_now(),
                    http_status=exc.status if exc.status is not None else "")
    return _saved_row(doc_id, url, page, article, _save(out_dir, doc_id, article))


def _extract(html: str, url: str | None, http_status=None) -> Article:
    """The article, or a :class:`FetchError` that says why there is none.  An unexpected error
    of the extraction libraries fails this page only, not the whole run."""
    try:
        article = extract_article(html, url)
    except FetchError:
        raise
    except Exception as exc:
        raise FetchError(f"extraction failed ({type(exc).__name__}: {exc})", http_status) from None
    if not article.text:
        raise FetchError("no article text found on the page", http_status)
    reason = not_text_reason(article_text(article))
    if reason:  # bytes that were never text (an undeclared compression, a binary file) are not an article
        raise FetchError(f"the page is not plausible text: {reason}", http_status)
    return article


def _run(items: list[tuple[str, Callable[[dict | None], dict]]], out_dir: Path, log: Callable[[str], None]) -> Summary:
    """Process ``(url, work)`` items in order, rewriting the manifest after each one, so that an
    interruption loses at most the URL in progress."""
    rows = {row["url"]: row for row in read_manifest(out_dir) if row["url"]}
    summary = Summary(manifest=out_dir / MANIFEST_NAME)
    for number, (url, work) in enumerate(items, 1):
        row = work(rows.get(url))
        rows[url] = row
        write_manifest(out_dir, list(rows.values()))
        status = row["status"]
        summary.fetched += status == "ok"
        summary.skipped += status == "skipped_existing"
        summary.failed += status.startswith("failed")
        target = f" -> {row['doc_id']}.txt" if row.get("doc_id") and not status.startswith("failed") else ""
        log(f"[{number}/{len(items)}] {status}: {url}{target}")
    write_manifest(out_dir, list(rows.values()))
    return summary


def fetch_urls(urls: list[str], out_dir: str | Path, options: FetchOptions | None = None,
               log: Callable[[str], None] = print, fetcher: Fetcher | None = None) -> Summary:
    """Fetch every URL into *out_dir* (created if missing) and write ``sources.csv``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fetcher = fetcher or Fetcher(options or FetchOptions())
    items = [(url, lambda prev, url=url: _fetch_one(url, out, fetcher, prev)) for url in urls]
    return _run(items, out, log)


# ---------------------------------------------------------------- saved pages

def page_url(html: str) -> str:
    """The page's own URL, from ``<link rel="canonical">`` or ``og:url``; empty if neither is an
    absolute http(s) URL.

    >>> page_url('<html><head><link rel="canonical" href="https://bao.example/a.html"></head></html>')
    'https://bao.example/a.html'
    """
    tree = _tree(html)
    found = tree.xpath("//link[@rel='canonical']/@href") + tree.xpath("//meta[@property='og:url']/@content")
    for url in (u.strip() for u in found):
        try:
            check_http_url(url)
        except FetchError:
            continue
        return url
    return ""


def _file_doc_id(path: Path) -> str:
    stem = unicodedata.normalize("NFC", path.stem)
    return re.sub(r"[^\w.-]+", "-", stem).strip("-") or "page"


def _saved_page(path: Path, options: FetchOptions) -> tuple[str, str]:
    """``(html, url)`` of a saved page; the URL is the canonical one, else the file name."""
    if path.stat().st_size > options.max_bytes:
        return "", path.name
    html = decode_html(path.read_bytes())
    try:
        return html, (page_url(html) if html.strip() else "") or path.name
    except Exception:  # not parseable: the extraction step says so
        return html, path.name


def _convert_one(path: Path, out_dir: Path, options: FetchOptions, previous: dict | None) -> dict:
    html, url = _saved_page(path, options)
    is_web = url.startswith(("http://", "https://"))
    doc_id = doc_id_for(url) if is_web else _file_doc_id(path)
    if path.stat().st_size > options.max_bytes:
        return _row(doc_id, url, f"failed: page larger than the limit of {options.max_bytes} bytes")
    if (out_dir / f"{doc_id}.txt").exists() and not options.refresh:
        return _skipped_row(out_dir, doc_id, url, previous)
    try:
        article = _extract(html, url if is_web else None)
    except FetchError as exc:
        return _row(doc_id, url, f"failed: {exc.reason}", fetched_at=_now())
    return _saved_row(doc_id, url, None, article, _save(out_dir, doc_id, article))


def convert_html_dir(html_dir: str | Path, out_dir: str | Path, options: FetchOptions | None = None,
                     log: Callable[[str], None] = print) -> Summary:
    """Do what :func:`fetch_urls` does from saved ``.html``/``.htm`` files (archives,
    reproducible tests): the URL is the page's canonical URL, else its file name."""
    folder = Path(html_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: folder of saved .html pages not found")
    pages = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm") and p.is_file())
    if not pages:
        raise ValueError(f"{folder}: no .html or .htm files in this folder")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    options = options or FetchOptions()
    # A manifest row is keyed by URL, which is only known once the page is read.
    items = [(_saved_page(path, options)[1], lambda prev, path=path: _convert_one(path, out, options, prev))
             for path in pages]
    return _run(items, out, log)


__all__ = ["Article", "FetchError", "FetchOptions", "Fetcher", "Summary", "article_text",
           "check_http_url", "convert_html_dir", "doc_id_for", "extract_article", "fetch_urls", "normalize_url",
           "page_url", "publication_date", "read_url_list"]
