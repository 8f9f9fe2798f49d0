"""End to end: ``cantho-analysis fetch`` from the invented news site on 127.0.0.1, then
``extract`` and ``run`` on the fetched corpus (slow: separate processes, and run executes the
notebooks)."""

import csv
import subprocess
import sys

import pytest

from cantho_analysis.load.fetch import doc_id_for

pytestmark = pytest.mark.slow
PATHS = ["/chinh-tri/dai-hoi.html", "/cu/hoi-nghi", "/khong-co.html", "/noi-bo/thong-bao.html"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "cantho_analysis", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def fetched(news_site, tmp_path):
    """A corpus fetched by the command line from a URL list with a comment and a blank line."""
    urls = [news_site.url(p) for p in PATHS]
    (tmp_path / "urls.txt").write_text("# invented site\n" + "\n".join(urls[:2]) + "\n\n" + "\n".join(urls[2:]) + "\n",
                                       encoding="utf-8")
    result = _cli("fetch", tmp_path / "urls.txt", "--out", tmp_path / "corpus", "--delay", "0", "--retries", "0")
    return urls, tmp_path / "corpus", result


def test_fetch_command_reports_each_url_and_a_summary(fetched):
    urls, corpus, result = fetched
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"[1/4] ok: {urls[0]} -> {doc_id_for(urls[0])}.txt"
    assert lines[2] == f"[3/4] failed: HTTP 404 Not Found: {urls[2]}"
    assert lines[3].startswith("[4/4] failed: disallowed by robots.txt")
    assert result.stdout == f"fetched 2, skipped 0 (already saved), failed 2; manifest: {corpus / 'sources.csv'}\n"
    with (corpus / "sources.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 4


def test_extract_reads_the_fetched_corpus(fetched, tmp_path):
    urls, corpus, _ = fetched
    result = _cli("extract", corpus, "--out", tmp_path / "tables")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning about sources.csv
    import pandas as pd

    documents = pd.read_csv(tmp_path / "tables" / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    first = documents.loc[doc_id_for(urls[0])]
    assert (first["published"], first["published_precision"], first["published_basis"]) == ("2025-10-14", "day", "header")
    assert first["url"] == urls[0]
    officials = pd.read_csv(tmp_path / "tables" / "officials.csv", dtype=str, keep_default_na=False)
    assert {"Trần Văn Bình", "Lê Thị Mai", "Phạm Quốc Hưng"} <= set(officials["name"])


def test_html_mode_on_the_command_line(fetch_site_dir, tmp_path):
    result = _cli("fetch", "--html", fetch_site_dir, "--out", tmp_path / "corpus")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("fetched 3, skipped 0 (already saved), failed 0")
    again = _cli("fetch", "--html", fetch_site_dir, "--out", tmp_path / "corpus")
    assert again.stdout.startswith("fetched 0, skipped 3 (already saved), failed 0")


def test_run_on_a_fetched_corpus_links_quotes_to_their_articles(fetched, tmp_path):
    urls, corpus, _ = fetched
    result = _cli("run", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    evidence = (tmp_path / "out" / "report" / "evidence.html").read_text(encoding="utf-8")
    index = (tmp_path / "out" / "report" / "index.html").read_text(encoding="utf-8")
    final = {urls[0], urls[1]}  # the requested URLs (doc_id and url follow the list)
    linked = {u for u in final if f'href="{u}"' in evidence}
    assert linked, "no quote of the fetched articles links to its URL"
    assert any(f'href="{u}"' in index for u in final)
    assert 'class="article"' in index
