"""Shared fixtures for the real-browser tests: Debian's Chromium driven by Playwright (sync API).

Playwright cannot download its own browser builds here, so the tests always launch
``/usr/bin/chromium``.  Without it they fail under CI (the ``CI`` variable is set) and are
skipped elsewhere, with the reason saying what to install.

Screenshots and other artefacts go to ``<repo>/test-artifacts/`` (git-ignored).  Nothing in
this folder talks to anything but ``file://`` pages and servers on 127.0.0.1: every other
request a page makes is aborted and recorded, so a test can assert that none was made.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cantho_analysis import config

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS_DIR = config.REPO_DIR / "test-artifacts"

# Byte sequences of UTF-8 Vietnamese read as cp1252/latin-1: a lead character (Â Ã Ä Å Æ á â)
# followed by what a UTF-8 continuation byte 0x80-0xBF becomes.  "Ä‘" is "đ", "áº"/"á»" start
# most letters with a tone mark, "Æ°" is "ư", "Ã©" is "é".  A lone "Ã" is not flagged: it is
# a real Vietnamese capital (XÃ HỘI), and U+00A0 after "á" is an ordinary no-break space.
_CONTINUATION = ("\u0080-\u009f\u00a1-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                 "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
MOJIBAKE = re.compile(f"[\u00c2\u00c3\u00c4\u00c5\u00c6\u00e1\u00e2][{_CONTINUATION}]|\ufffd")


def require_chromium() -> None:
    """Fail under CI, skip elsewhere, when Debian's Chromium or Playwright is missing."""
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is not installed (pip install -e '.[test]')")
    if problems:
        reason = "browser tests need a browser: " + "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium (Playwright ``Browser``) shared by the whole session."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """What a page reported while a test drove it."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)


def watch(page, allowed_prefixes: tuple[str, ...] = ("file:", "data:", "blob:", "about:")) -> PageLog:
    """Record console errors, uncaught exceptions and dialogs of *page*; dismiss every dialog;
    abort (and record) every request whose URL starts with none of *allowed_prefixes*."""
    log = PageLog()

    def on_console(message):
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            log.console_errors.append(f"{message.text} [{where}]" if where else message.text)

    def on_dialog(dialog):
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def block(route):
        log.blocked_requests.append(route.request.url)
        route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.route(lambda url: not url.startswith(allowed_prefixes), block)
    return log


@pytest.fixture(scope="session")
def page_watcher():
    """The :func:`watch` helper, as a fixture (test modules are imported with importlib)."""
    return watch


def vietnamese_text_problems(text: str) -> list[str]:
    """Why *text* does not look like correctly rendered Vietnamese (empty list: it does)."""
    problems = []
    if not unicodedata.is_normalized("NFC", text):
        decomposed = sorted({ch for ch in text if unicodedata.combining(ch)})
        problems.append(f"text is not NFC (combining marks {[hex(ord(c)) for c in decomposed][:5]})")
    bad = sorted({match.group(0) for match in MOJIBAKE.finditer(text)})
    if bad:
        problems.append(f"mojibake sequences {bad[:10]}")
    return problems


@pytest.fixture(scope="session")
def vietnamese_check():
    return vietnamese_text_problems
