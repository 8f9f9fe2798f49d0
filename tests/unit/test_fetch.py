"""cantho-analysis fetch: clean articles, their sources, and a polite, resumable crawler.

Every page comes from the invented news site of tests/conftest.py on 127.0.0.1; nothing here
touches the internet.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import time
import tracemalloc

import pytest

from cantho_analysis import __version__
from cantho_analysis.cli import main
from cantho_analysis.load.corpus import load_corpus
from cantho_analysis.load.fetch import Fetcher, FetchOptions, convert_html_dir, doc_id_for, extract_article, fetch_urls, read_url_list
from cantho_analysis.load.sources import MANIFEST_COLUMNS
from cantho_analysis.output import report
from cantho_analysis.pipeline import build_tables

FAST = FetchOptions(delay=0, timeout=5, retries=0, backoff=0)
BODY = "Phó Bí thư Thường trực Tỉnh ủy Lê Thị Mai trình bày Báo cáo chính trị"
LEAD = "Sáng 14/10, tại Trung tâm Hội nghị tỉnh, Đảng bộ tỉnh Hòa Lâm long trọng khai mạc"


def _manifest(folder) -> list[dict]:
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _by_url(folder) -> dict[str, dict]:
    return {row["url"]: row for row in _manifest(folder)}


def _fetch(site, paths, folder, options=FAST, **kwargs):
    urls = [site.url(p) for p in paths]
    summary = fetch_urls(urls, folder, options, log=kwargs.pop("log", lambda m: None), **kwargs)
    return urls, summary


# ---------------------------------------------------------------- the article text

@pytest.mark.parametrize("boilerplate", [
    "Trang chủ", "Đăng nhập tài khoản bạn đọc",                 # navigation
    "Tin liên quan", "Hội nghị Tỉnh ủy lần thứ 20",            # related articles
    "Quảng cáo", "Căn hộ ven sông",                            # advertising
    "Giấy phép số", "Tòa soạn:",                               # footer
])
def test_boilerplate_is_left_out(news_site, tmp_path, boilerplate):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    text = (tmp_path / f"{doc_id_for(urls[0])}.txt").read_text(encoding="utf-8")
    assert boilerplate not in text


def test_article_keeps_headline_lead_and_body_under_a_date_line(news_site, tmp_path):
    urls, summary = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    text = (tmp_path / f"{doc_id_for(urls[0])}.txt").read_text(encoding="utf-8")
    lines = text.split("\n\n")
    assert lines[0] == " date 2025-10-14"
    assert lines[1] == "Khai mạc Đại hội đại biểu Đảng bộ tỉnh Hòa Lâm lần thứ XV"
    assert lines[2].startswith(LEAD)  # the lead ("sapo") sits outside the body element
    assert BODY in text and text.endswith("khóa XV.\n")
    assert (summary.fetched, summary.skipped, summary.failed) == (1, 0, 0)


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            '<meta property="article:published_time" content="2025-10-14"/></head><body><article><h1>Hội nghị '
            'Tỉnh ủy Hòa Lâm lần thứ nhất năm 2025</h1><p>Sáng 14/10, Tỉnh ủy Hòa Lâm tổ chức hội nghị lần thứ '
            'nhất để bàn về kế hoạch phát triển kinh tế của tỉnh trong năm tới.</p></article></body></html>')
    article = extract_article(page)
    assert "Sáng 14/10, Tỉnh ủy Hòa Lâm tổ chức" in article.text and article.published == "2025-10-14"


def test_manifest_records_the_source(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    rows = _manifest(tmp_path)
    assert list(rows[0]) == MANIFEST_COLUMNS
    row = rows[0]
    saved = (tmp_path / f"{row['doc_id']}.txt").read_bytes()
    assert row["doc_id"] == doc_id_for(urls[0])
    assert (row["url"], row["final_url"], row["http_status"]) == (urls[0], urls[0], "200")
    assert (row["published"], row["published_source"], row["published_precision"]) == \
        ("2025-10-14", "meta article:published_time", "day")
    assert row["title"] == "Khai mạc Đại hội đại biểu Đảng bộ tỉnh Hòa Lâm lần thứ XV"
    assert row["outlet"] == "Báo Hòa Lâm"
    assert row["sha256"] == hashlib.sha256(saved).hexdigest()
    assert row["status"] == "ok"
    fetched = dt.datetime.strptime(row["fetched_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    assert abs(dt.datetime.now(dt.timezone.utc) - fetched) < dt.timedelta(minutes=5)


def test_requests_name_the_package_and_its_version(news_site, tmp_path):
    _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    assert news_site.requests and all(f"cantho-analysis/{__version__}" in agent for _, agent in news_site.requests)


def test_redirect_records_the_final_url(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/cu/hoi-nghi"], tmp_path)
    row = _manifest(tmp_path)[0]
    assert row["status"] == "ok" and row["url"] == urls[0]
    assert row["final_url"] == news_site.url("/chinh-tri/hoi-nghi.html")
    assert row["doc_id"] == doc_id_for(urls[0])  # named after the URL asked for, so a re-run finds it


# ---------------------------------------------------------------- failures stay rows

@pytest.mark.parametrize("path, options, status, http_status", [
    ("/khong-co.html", FAST, "failed: HTTP 404", "404"),
    ("/cham.html", FetchOptions(delay=0, timeout=0.3, retries=0, backoff=0), "failed: timed out", ""),
    ("/rat-lon.html", FetchOptions(delay=0, timeout=5, retries=0, max_bytes=100_000), "failed: page larger than the limit of 100000 bytes", "200"),
    ("/rat-lon-khai-bao.html", FetchOptions(delay=0, timeout=5, retries=0, max_bytes=100_000), "failed: page larger than the limit of 100000 bytes", "200"),
    ("/anh.jpg", FAST, "failed: not an HTML page (image/jpeg)", "200"),
    ("/sang-tep", FAST, "failed: HTTP 301 Moved Permanently - Redirection to url 'file:///etc/hostname' is not allowed", "301"),
    ("/nen/br.html", FAST, "failed: unsupported content-encoding: br", "200"),
    ("/nen/bom.html", FetchOptions(delay=0, timeout=5, retries=0, max_bytes=100_000),
     "failed: page larger than the limit of 100000 bytes once decompressed (gzip)", "200"),
    ("/nen/cut.html", FAST, "failed: the gzip body is truncated", "200"),
    ("/nen/khong-khai-bao.html", FAST, "failed: no article text found on the page", "200"),
    ("/sai-bang-ma.html", FAST, "failed: the page is not plausible text: ", "200"),
], ids=["404", "timeout", "oversized-streamed", "oversized-announced", "not-html", "redirect-to-file", "brotli",
        "decompression-bomb", "truncated-gzip", "undeclared-gzip", "wrong-charset"])
def test_a_failure_is_a_row_and_the_other_urls_still_succeed(news_site, tmp_path, path, options, status, http_status):
    urls, summary = _fetch(news_site, ["/chinh-tri/dai-hoi.html", path, "/chinh-tri/hoi-nghi.html"], tmp_path, options)
    rows = _by_url(tmp_path)
    assert rows[urls[1]]["status"].startswith(status)
    assert rows[urls[1]]["http_status"] == http_status
    assert not (tmp_path / f"{doc_id_for(urls[1])}.txt").exists()
    assert rows[urls[0]]["status"] == rows[urls[2]]["status"] == "ok"
    assert (summary.fetched, summary.failed) == (2, 1)


@pytest.mark.parametrize("path", ["/nen/gzip.html", "/nen/x-gzip.html", "/nen/deflate.html", "/nen/deflate-tho.html"],
                         ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw"])
def test_a_compressed_page_gives_the_same_article(news_site, tmp_path, path):
    """The server compresses the page whatever was asked; the article saved is the uncompressed one's."""
    plain, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path / "plain")
    packed, summary = _fetch(news_site, [path], tmp_path / "packed")
    assert _manifest(tmp_path / "packed")[0]["status"] == "ok" and summary.fetched == 1
    assert (tmp_path / "packed" / f"{doc_id_for(packed[0])}.txt").read_bytes() == \
        (tmp_path / "plain" / f"{doc_id_for(plain[0])}.txt").read_bytes()


def test_requests_ask_only_for_the_codings_that_are_decoded(news_site, tmp_path):
    _fetch(news_site, ["/chinh-tri/dai-hoi.html", "/nen/gzip.html"], tmp_path)
    assert news_site.accept_encoding and set(news_site.accept_encoding) == {"gzip, deflate"}


def test_a_decompression_bomb_is_never_inflated_in_memory(news_site, tmp_path):
    """8 MB of zeros in 8 kB of gzip, against a 100 kB limit: refused after about 100 kB."""
    options = FetchOptions(delay=0, timeout=5, retries=0, max_bytes=100_000, ignore_robots=True)
    tracemalloc.start()
    try:
        _fetch(news_site, ["/nen/bom.html"], tmp_path, options)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _manifest(tmp_path)[0]["status"].startswith("failed: page larger than the limit of 100000 bytes once decompressed")
    assert peak < 2_000_000, f"{peak} bytes allocated: the bomb was inflated"
    assert list(tmp_path.glob("*.txt")) == []


@pytest.mark.parametrize("path", ["/nho-giot.html", "/nho-giot-tieu-de.html"], ids=["body", "headers"])
def test_a_trickling_server_is_cut_off_at_max_time(news_site, tmp_path, path):
    """A byte every 50 ms never trips the 5 s --timeout; the 0.5 s --max-time cuts it off."""
    options = FetchOptions(delay=0, timeout=5, retries=1, backoff=0, max_time=0.5)
    started = time.monotonic()
    urls, summary = _fetch(news_site, [path, "/chinh-tri/dai-hoi.html"], tmp_path, options)
    elapsed = time.monotonic() - started
    rows = _by_url(tmp_path)
    assert rows[urls[0]]["status"] == "failed: exceeded --max-time 0.5 s"
    assert news_site.paths().count(path) == 1  # a deliberate trickle is not retried
    assert not (tmp_path / f"{doc_id_for(urls[0])}.txt").exists()
    assert rows[urls[1]]["status"] == "ok"
    assert elapsed < 3, f"took {elapsed:.1f} s"


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/hostname", "only http and https URLs are fetched, not 'file'"),
    ("ftp://bao.example/a.html", "only http and https URLs are fetched, not 'ftp'"),
    ("bao.example/a.html", "only http and https URLs are fetched, not 'a relative path'"),
    ("http://bao.example:port/a.html", "the URL's port is not a number"),
])
def test_only_http_urls_are_fetched(tmp_path, url, reason):
    fetch_urls([url], tmp_path, FAST, log=lambda m: None)
    assert _manifest(tmp_path)[0]["status"] == f"failed: {reason}"
    assert list(tmp_path.glob("*.txt")) == []


def test_temporary_errors_are_retried_with_backoff(news_site, tmp_path):
    news_site.fail_first["/loi-tam-thoi.html"] = 2
    sleeps = []
    fetcher = Fetcher(FetchOptions(delay=0, timeout=5, retries=2, backoff=0.5), sleep=sleeps.append)
    urls, _ = _fetch(news_site, ["/loi-tam-thoi.html"], tmp_path, fetcher=fetcher)
    assert _manifest(tmp_path)[0]["status"] == "ok"
    assert sleeps == [0.5, 1.0]
    assert news_site.paths().count("/loi-tam-thoi.html") == 3


def test_a_retry_after_header_is_honoured(news_site, tmp_path):
    news_site.fail_first["/loi-tam-thoi.html"] = 1
    news_site.retry_after = "9"
    sleeps = []
    fetcher = Fetcher(FetchOptions(delay=0, timeout=5, retries=1, backoff=0.5), sleep=sleeps.append)
    _fetch(news_site, ["/loi-tam-thoi.html"], tmp_path, fetcher=fetcher)
    assert _manifest(tmp_path)[0]["status"] == "ok"
    assert sleeps == [9.0]


def test_retries_are_bounded(news_site, tmp_path):
    news_site.fail_first["/loi-tam-thoi.html"] = 5
    fetcher = Fetcher(FetchOptions(delay=0, timeout=5, retries=1, backoff=0), sleep=lambda s: None)
    _fetch(news_site, ["/loi-tam-thoi.html"], tmp_path, fetcher=fetcher)
    assert _manifest(tmp_path)[0]["status"] == "failed: HTTP 503 Service Unavailable (2 attempts)"
    assert news_site.paths().count("/loi-tam-thoi.html") == 2


def test_requests_to_one_host_are_spaced_by_the_delay(news_site):
    """The clock stands still, so every second request to a host must wait the whole delay."""
    sleeps = []
    fetcher = Fetcher(FetchOptions(delay=1.5, timeout=5, ignore_robots=True), sleep=sleeps.append, clock=lambda: 100.0)
    fetcher.get(news_site.url("/chinh-tri/dai-hoi.html"))
    fetcher.get(news_site.url("/chinh-tri/hoi-nghi.html", host="localhost"))  # another host: no wait
    assert sleeps == []
    fetcher.get(news_site.url("/chinh-tri/hoi-nghi.html"))
    assert sleeps == [1.5]


def test_a_robots_crawl_delay_longer_than_ours_wins(news_site, tmp_path):
    news_site.robots = "User-agent: *\nCrawl-delay: 7\n"
    sleeps = []
    fetcher = Fetcher(FetchOptions(delay=1, timeout=5), sleep=sleeps.append, clock=lambda: 100.0)
    _fetch(news_site, ["/chinh-tri/dai-hoi.html", "/chinh-tri/hoi-nghi.html"], tmp_path, fetcher=fetcher)
    assert sleeps and set(sleeps) == {7.0}


# ---------------------------------------------------------------- robots.txt

def test_robots_txt_is_honoured(news_site, tmp_path):
    urls, summary = _fetch(news_site, ["/noi-bo/thong-bao.html", "/chinh-tri/dai-hoi.html"], tmp_path)
    rows = _by_url(tmp_path)
    assert rows[urls[0]]["status"] == "failed: disallowed by robots.txt (--ignore-robots overrides)"
    assert "/noi-bo/thong-bao.html" not in news_site.paths()
    assert rows[urls[1]]["status"] == "ok"
    assert news_site.paths().count("/robots.txt") == 1  # read once per host


def test_a_redirect_into_a_disallowed_folder_is_not_followed(news_site, tmp_path):
    _fetch(news_site, ["/cu/thong-bao"], tmp_path)
    target = news_site.url("/noi-bo/thong-bao.html")
    assert _manifest(tmp_path)[0]["status"] == \
        f"failed: redirected to {target}: disallowed by robots.txt (--ignore-robots overrides)"
    assert "/noi-bo/thong-bao.html" not in news_site.paths()


def test_ignore_robots_overrides(news_site, tmp_path):
    options = FetchOptions(delay=0, timeout=5, retries=0, ignore_robots=True)
    urls, _ = _fetch(news_site, ["/noi-bo/thong-bao.html"], tmp_path, options)
    assert _manifest(tmp_path)[0]["status"] == "ok"
    assert "/robots.txt" not in news_site.paths()


def test_a_redirected_robots_txt_is_followed(news_site, tmp_path):
    news_site.robots = "redirect"
    urls, _ = _fetch(news_site, ["/noi-bo/thong-bao.html", "/chinh-tri/dai-hoi.html"], tmp_path)
    rows = _by_url(tmp_path)
    assert rows[urls[0]]["status"].startswith("failed: disallowed by robots.txt")
    assert rows[urls[1]]["status"] == "ok"


def test_no_robots_txt_allows_everything(news_site, tmp_path):
    news_site.robots = None
    _fetch(news_site, ["/noi-bo/thong-bao.html"], tmp_path)
    assert _manifest(tmp_path)[0]["status"] == "ok"


def test_an_unreadable_robots_txt_blocks_the_site(news_site, tmp_path):
    news_site.fail_first["/robots.txt"] = 1
    _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    assert _manifest(tmp_path)[0]["status"].startswith("failed: robots.txt could not be read (HTTP 503")
    assert "/chinh-tri/dai-hoi.html" not in news_site.paths()


# ---------------------------------------------------------------- never overwrite, resume

def test_fetching_again_skips_saved_articles_and_keeps_their_source(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    path = tmp_path / f"{doc_id_for(urls[0])}.txt"
    first, before = _manifest(tmp_path)[0], path.read_bytes()
    path.write_bytes(before + "Ghi chú của nhà nghiên cứu.\n".encode())  # a researcher's edit
    _, summary = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    again = _manifest(tmp_path)[0]
    assert (summary.fetched, summary.skipped) == (0, 1)
    assert again["status"] == "skipped_existing"
    assert path.read_bytes().endswith("Ghi chú của nhà nghiên cứu.\n".encode())
    assert again["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert {k: again[k] for k in ("fetched_at", "published", "title", "final_url")} == \
        {k: first[k] for k in ("fetched_at", "published", "title", "final_url")}
    assert news_site.paths().count("/chinh-tri/dai-hoi.html") == 1


def test_refresh_fetches_and_overwrites(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path)
    path = tmp_path / f"{doc_id_for(urls[0])}.txt"
    original = path.read_bytes()
    path.write_bytes(b"edited\n")
    _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path, FetchOptions(delay=0, timeout=5, retries=0, refresh=True))
    assert path.read_bytes() == original  # same page, same bytes
    assert _manifest(tmp_path)[0]["status"] == "ok"
    assert news_site.paths().count("/chinh-tri/dai-hoi.html") == 2


def test_an_interrupted_fetch_resumes(news_site, tmp_path):
    paths = ["/chinh-tri/dai-hoi.html", "/cu/hoi-nghi", "/noi-bo/thong-bao.html", "/chinh-tri/hoi-nghi.html"]
    seen = []

    def interrupt_after_two(message):
        seen.append(message)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _fetch(news_site, paths, tmp_path / "a", log=interrupt_after_two)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(
        ["sources.csv"] + [f"{doc_id_for(news_site.url(p))}.txt" for p in paths[:2]])  # no temporary files
    assert [r["status"] for r in _manifest(tmp_path / "a")] == ["ok", "ok"]

    urls, summary = _fetch(news_site, paths, tmp_path / "a")
    assert (summary.fetched, summary.skipped, summary.failed) == (1, 2, 1)
    assert [_by_url(tmp_path / "a")[u]["status"][:7] for u in urls] == ["skipped", "skipped", "failed:", "ok"]
    _fetch(news_site, paths, tmp_path / "b")
    saved = lambda folder: {p.name: p.read_bytes() for p in folder.glob("*.txt")}  # noqa: E731
    assert saved(tmp_path / "a") == saved(tmp_path / "b")  # same pages, byte-identical corpus


def test_progress_and_summary(news_site, tmp_path):
    messages = []
    urls, summary = _fetch(news_site, ["/chinh-tri/dai-hoi.html", "/khong-co.html"], tmp_path, log=messages.append)
    assert messages == [f"[1/2] ok: {urls[0]} -> {doc_id_for(urls[0])}.txt", f"[2/2] failed: HTTP 404 Not Found: {urls[1]}"]
    assert summary.line() == f"fetched 1, skipped 0 (already saved), failed 1; manifest: {tmp_path / 'sources.csv'}"


# ---------------------------------------------------------------- URL lists and ids

@pytest.mark.parametrize("name, content, expected", [
    ("urls.txt", "# chọn lọc\n\nhttps://a.example/1.html\n  https://a.example/2.html  \n", ["https://a.example/1.html", "https://a.example/2.html"]),
    ("urls.txt", "https://a.example/1.html\nhttps://a.example/1.html\n", ["https://a.example/1.html"]),
    ("urls.csv", "title,URL\nBài 1,https://a.example/1.html\nBài 2,\n", ["https://a.example/1.html"]),
    ("urls.csv", "\ufeffurl\nhttps://a.example/1.html\n", ["https://a.example/1.html"]),
    ("urls.tsv", "url\ttitle\tpublished\nhttps://a.example/1.html\tBài 1, số 2\t2025-09\n\tBài 3\t\n", ["https://a.example/1.html"]),
])
def test_url_lists(tmp_path, name, content, expected):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert read_url_list(tmp_path / name) == expected


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "missing.txt: URL list not found"),
    ("empty.txt", "# chỉ có chú thích\n\n", "empty.txt: no URLs"),
    ("bad.csv", "link,title\nhttps://a.example/1.html,x\n", "bad.csv: the CSV has no 'url' column (columns: link, title)"),
    ("bad.tsv", "link\ttitle\nhttps://a.example/1.html\tx\n", "bad.tsv: the TSV has no 'url' column (columns: link, title)"),
    ("latin1.txt", "https://a.example/\xe9".encode("latin-1"), "latin1.txt: the URL list is not UTF-8 text"),
])
def test_bad_url_lists_are_one_line_errors(tmp_path, capsys, name, content, message):
    if isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    elif content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert main(["fetch", str(tmp_path / name), "--out", str(tmp_path / "corpus")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cantho-analysis: error: ") and message in err and err.count("\n") == 1


def test_an_interrupted_fetch_command_says_how_to_resume(monkeypatch, tmp_path, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("cantho_analysis.load.fetch.fetch_urls", interrupted)
    (tmp_path / "urls.txt").write_text("https://bao.example/a.html\n", encoding="utf-8")
    assert main(["fetch", str(tmp_path / "urls.txt"), "--out", str(tmp_path / "corpus")]) == 130
    assert "run the same command again to resume" in capsys.readouterr().err


@pytest.mark.parametrize("option, value, message", [
    ("--max-time", "0", "--max-time: 0.0 must be positive"),
    ("--max-time", "-5", "--max-time: -5.0 must be positive"),
    ("--timeout", "0", "--timeout: 0.0 must be positive"),
    ("--delay", "-1", "--delay: -1.0 must be zero or more"),
    ("--max-bytes", "0", "--max-bytes: 0 must be positive"),
    ("--max-time", "inf", "--max-time: inf is not a number of seconds"),
    ("--max-time", "nan", "--max-time: nan is not a number of seconds"),
], ids=["max-time-zero", "max-time-negative", "timeout-zero", "delay-negative", "max-bytes-zero", "max-time-inf", "max-time-nan"])
def test_bad_fetch_options_are_one_line_errors(tmp_path, capsys, option, value, message):
    (tmp_path / "urls.txt").write_text("https://bao.example/a.html\n", encoding="utf-8")
    assert main(["fetch", str(tmp_path / "urls.txt"), "--out", str(tmp_path / "corpus"), option, value]) == 1
    err = capsys.readouterr().err
    assert err == f"cantho-analysis: error: {message}\n"
    assert not (tmp_path / "corpus").exists()


def test_fetch_needs_urls_or_html_but_not_both(tmp_path, capsys):
    assert main(["fetch", "--out", str(tmp_path)]) == 1
    assert "either a URL list (URLS) or --html DIR" in capsys.readouterr().err


@pytest.mark.parametrize("a, b, same", [
    ("https://bao.example/a.html", "HTTPS://BAO.example:443/a.html#binh-luan", True),
    ("http://bao.example/", "http://bao.example", True),
    ("https://www.bao.example/a.html", "https://bao.example/a.html", False),  # another host may serve another page
    ("https://bao.example/a.html?id=1", "https://bao.example/a.html?id=2", False),
])
def test_doc_ids_are_stable_and_distinct(a, b, same):
    assert (doc_id_for(a) == doc_id_for(b)) is same
    assert doc_id_for(a).startswith("bao.example_")


# ---------------------------------------------------------------- saved pages, the loader and the report

def test_saved_pages_become_the_same_articles(fetch_site_dir, tmp_path):
    summary = convert_html_dir(fetch_site_dir, tmp_path, FAST, log=lambda m: None)
    rows = {row["doc_id"]: row for row in _manifest(tmp_path)}
    canonical = "https://baohoalam.example/chinh-tri/khai-mac-dai-hoi-dang-bo-tinh-hoa-lam-lan-thu-xv-10234.html"
    og_url = "https://baohoalam.example/chinh-tri/hoi-nghi-tong-ket-nam-2025-10399.html"
    assert rows[doc_id_for(canonical)]["url"] == canonical        # <link rel="canonical">
    assert rows[doc_id_for(og_url)]["url"] == og_url              # og:url
    assert rows["noi-bo"]["url"] == "noi-bo.html"                 # neither: the file name
    assert summary.fetched == 3 and all(r["final_url"] == r["http_status"] == "" for r in rows.values())
    assert BODY in (tmp_path / f"{doc_id_for(canonical)}.txt").read_text(encoding="utf-8")


def test_saved_and_fetched_copies_of_a_page_are_identical(news_site, fetch_site_dir, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html"], tmp_path / "web")
    convert_html_dir(fetch_site_dir, tmp_path / "saved", FAST, log=lambda m: None)
    canonical = "https://baohoalam.example/chinh-tri/khai-mac-dai-hoi-dang-bo-tinh-hoa-lam-lan-thu-xv-10234.html"
    assert (tmp_path / "web" / f"{doc_id_for(urls[0])}.txt").read_bytes() == \
        (tmp_path / "saved" / f"{doc_id_for(canonical)}.txt").read_bytes()


def test_the_loader_reads_the_manifest_and_does_not_warn_about_it(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html", "/chinh-tri/hoi-nghi.html"], tmp_path)
    (tmp_path / "ghi-chu.md").write_text("notes", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [p.source_file for p in corpus.problems] == ["ghi-chu.md"]  # sources.csv is no stray file
    docs = build_tables(tmp_path)["documents"].set_index("doc_id")
    assert docs.loc[doc_id_for(urls[0]), "url"] == urls[0]
    assert docs.loc[doc_id_for(urls[0]), "outlet"] == "Báo Hòa Lâm"   # site name: the text names no outlet
    assert docs.loc[doc_id_for(urls[0]), "title"] == "Khai mạc Đại hội đại biểu Đảng bộ tỉnh Hòa Lâm lần thứ XV"
    assert (docs.loc[doc_id_for(urls[0]), "published"], docs.loc[doc_id_for(urls[0]), "published_basis"]) == ("2025-10-14", "header")


def test_a_corpus_without_manifest_has_empty_urls(seed_tables):
    assert (seed_tables["documents"]["url"] == "").all()


def test_extract_finds_the_officials_of_the_fetched_pages(news_site, tmp_path):
    urls, _ = _fetch(news_site, ["/chinh-tri/dai-hoi.html", "/chinh-tri/hoi-nghi.html"], tmp_path)
    officials = build_tables(tmp_path)["officials"]
    found = set(zip(officials["doc_id"], officials["name"], officials["position"]))
    assert {(doc_id_for(urls[0]), "Trần Văn Bình", "Bí thư Tỉnh ủy"),
            (doc_id_for(urls[0]), "Lê Thị Mai", "Phó Bí thư Thường trực Tỉnh ủy"),
            (doc_id_for(urls[1]), "Phạm Quốc Hưng", "Chủ tịch UBND")} <= found


@pytest.mark.parametrize("url, linked", [
    ("https://bao.example/a.html?x=1&y=2", True),
    ("", False),
    ("noi-bo.html", False),                  # a saved page's file name is no web address
    ("javascript:alert(1)", False),           # a manifest is data: never a script link
])
def test_report_links_only_web_addresses(tables, url, linked):
    t = tables("Sáng 14/10, Tỉnh ủy tổ chức hội nghị.", doc_id="d")
    t["documents"]["url"] = url
    link = report._article_link(t, "d", "en")
    assert bool(link) is linked
    if linked:
        assert 'href="https://bao.example/a.html?x=1&amp;y=2"' in link
