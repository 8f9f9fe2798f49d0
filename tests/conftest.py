import atexit
import functools
import gzip
import http.server
import os
import shutil
import tempfile
import threading
import time
import zlib
from pathlib import Path

import pytest

from cantho_analysis import config
from cantho_analysis.pipeline import build_tables

# The notebooks nbval executes cache their tables; keep that cache out of the user's ~/.cache.
if "CANTHO_ANALYSIS_CACHE" not in os.environ:
    os.environ["CANTHO_ANALYSIS_CACHE"] = tempfile.mkdtemp(prefix="cantho-analysis-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CANTHO_ANALYSIS_CACHE"], True)

FETCH_SITE = config.REPO_DIR / "tests" / "fixtures" / "fetch_site"


@pytest.fixture(scope="session")
def seed_tables():
    return build_tables(config.SEEDS_DIR)


class NewsSite:
    """An invented news site on 127.0.0.1 (pages from tests/fixtures/fetch_site/), with the
    cases a crawler meets: robots.txt, a redirect, a missing page, a page that never answers,
    oversized pages, a temporary server error, a non-HTML file, a redirect to file://, compressed
    pages (sent compressed whatever the request asked for), a decompression bomb, and pages that
    trickle their body or their headers a byte at a time.

    ``requests`` logs ``(path, user_agent)`` and ``accept_encoding`` each request's
    Accept-Encoding header; ``robots`` is the robots.txt body (None: 404;
    "redirect": a redirect to the same rules elsewhere);
    ``fail_first[path] = n`` answers 503 (with ``retry_after``, if set) to the first n requests
    of *path*.
    """

    PAGES = {
        "/chinh-tri/dai-hoi.html": "dai-hoi.html",
        "/chinh-tri/hoi-nghi.html": "hoi-nghi.html",
        "/noi-bo/thong-bao.html": "noi-bo.html",
        "/loi-tam-thoi.html": "hoi-nghi.html",
    }

    def __init__(self):
        self.requests: list[tuple[str, str]] = []
        self.accept_encoding: list[str | None] = []
        self.bomb = _bomb()  # made before the test starts, so that a test can measure the client's memory alone
        self.robots: str | None = "User-agent: *\nDisallow: /noi-bo/\n"
        self.fail_first: dict[str, int] = {}
        self.retry_after = ""  # Retry-After header of those 503 answers
        self.release = threading.Event()  # the never-answering page waits for this
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.server.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def _handler(self):
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output quiet
                pass

            def do_GET(self):
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                site.accept_encoding.append(self.headers.get("Accept-Encoding"))
                try:
                    site.respond(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (an oversized page, a timeout): as intended

        return Handler

    def respond(self, h) -> None:
        path = h.path
        if site_fail := self.fail_first.get(path):
            self.fail_first[path] = site_fail - 1
            return self._send(h, 503, b"busy", "text/plain", {"Retry-After": self.retry_after} if self.retry_after else {})
        if path == "/robots.txt" and self.robots == "redirect":
            return self._redirect(h, "/robots-moi.txt")
        if path == "/robots-moi.txt":
            return self._send(h, 200, b"User-agent: *\nDisallow: /noi-bo/\n", "text/plain")
        if path == "/robots.txt":
            return self._send(h, 404, b"", "text/plain") if self.robots is None else \
                self._send(h, 200, self.robots.encode(), "text/plain")
        if path in self.PAGES:
            return self._send(h, 200, (FETCH_SITE / self.PAGES[path]).read_bytes(), "text/html; charset=utf-8")
        if path == "/cu/hoi-nghi":
            return self._redirect(h, "/chinh-tri/hoi-nghi.html")
        if path == "/cu/thong-bao":
            return self._redirect(h, "/noi-bo/thong-bao.html")
        if path == "/sang-tep":
            return self._redirect(h, "file:///etc/hostname")
        if path == "/cham.html":
            self.release.wait(30)
            return self._send(h, 200, b"<html><body><p>Muon.</p></body></html>", "text/html")
        if path == "/rat-lon.html":  # 300 kB, no Content-Length: the reader must count
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.end_headers()
            h.wfile.write(b"<html><body>" + b"<p>Dong dai.</p>" * 20000 + b"</body></html>")
            return None
        if path == "/rat-lon-khai-bao.html":  # announces its size
            return self._send(h, 200, b"<html><body>" + b"<p>Dong dai.</p>" * 20000 + b"</body></html>", "text/html")
        if path == "/anh.jpg":
            return self._send(h, 200, b"\xff\xd8\xff\xe0JFIF", "image/jpeg")
        if path in self.COMPRESSED:
            coding, compress = self.COMPRESSED[path]
            body = compress((FETCH_SITE / "dai-hoi.html").read_bytes())
            return self._send(h, 200, body, "text/html; charset=utf-8", {"Content-Encoding": coding} if coding else {})
        if path == "/nen/bom.html":
            return self._send(h, 200, self.bomb, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/nho-giot.html":
            return self._trickle_body(h)
        if path == "/nho-giot-tieu-de.html":
            return self._trickle_headers(h)
        return self._send(h, 404, b"<html><body>Khong tim thay</body></html>", "text/html")

    # Copies of dai-hoi.html: path -> (Content-Encoding, compression).
    COMPRESSED = {
        "/nen/gzip.html": ("gzip", lambda b: gzip.compress(b, mtime=0)),
        "/nen/x-gzip.html": ("x-gzip", lambda b: gzip.compress(b, mtime=0)),
        "/nen/deflate.html": ("deflate", zlib.compress),                       # zlib-wrapped, as RFC 9110 says
        "/nen/deflate-tho.html": ("deflate", lambda b: _raw_deflate(b)),        # raw, as some servers send it
        "/nen/br.html": ("br", lambda b: b"\x1b\x00\x00" + b),                  # brotli is not decoded
        "/nen/cut.html": ("gzip", lambda b: gzip.compress(b, mtime=0)[:-40]),   # the stream's end is missing
        "/nen/khong-khai-bao.html": ("", lambda b: gzip.compress(b, mtime=0)),  # gzip bytes, undeclared
        # Not compressed: Windows-1258 bytes under a "charset=utf-8" header, so the accented letters
        # decode as U+FFFD.
        "/sai-bang-ma.html": ("", lambda b: b.decode().encode("cp1258", errors="replace")),
    }
    TRICKLE_S = 0.05  # one byte this often, far within any --timeout, until the client hangs up

    def _trickle_body(self, h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()
        h.wfile.write(b"<html><body><p>")
        self._trickle(h)

    def _trickle_headers(self, h) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Cham: ")
        self._trickle(h)

    def _trickle(self, h) -> None:
        for _ in range(int(30 / self.TRICKLE_S)):
            if self.release.is_set():
                return
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(self.TRICKLE_S)

    @staticmethod
    def _send(h, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        h.send_response(status)
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    @staticmethod
    def _redirect(h, location: str) -> None:
        h.send_response(301)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()


@functools.cache
def _bomb() -> bytes:
    """8 MB of zeros, gzip-compressed to about 8 kB."""
    return gzip.compress(b"\0" * 8_000_000, mtime=0)


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.fixture
def news_site():
    """A fresh invented news site on 127.0.0.1 (port chosen by the system), stopped afterwards."""
    site = NewsSite()
    site.thread.start()
    try:
        yield site
    finally:
        site.release.set()
        site.server.shutdown()
        site.server.server_close()
        site.thread.join(10)


@pytest.fixture
def fetch_site_dir() -> Path:
    return FETCH_SITE
