"""End to end: ``cantho-analysis fetch`` from the invented news site on 127.0.0.1, then
``extract`` and ``run`` on the fetched corpus.  The tests that extract or run are slow (run
executes the notebooks); those of fetch alone take a couple of seconds each."""

import csv
import stat
import subprocess
import sys

import pytest

from cantho_analysis.cli import FETCH_ALL_FAILED, FETCH_SOME_FAILED
from cantho_analysis.load.fetch import doc_id_for

PATHS = ["/chinh-tri/dai-hoi.html", "/cu/hoi-nghi", "/khong-co.html", "/noi-bo/thong-bao.html"]
FAST = ("--delay", "0", "--retries", "0", "--timeout", "5")


def _cli(*args, umask: int = 0o022):
    """Run ``python -m cantho_analysis ARGS`` under *umask* (the usual 022 unless told)."""
    return subprocess.run([sys.executable, "-m", "cantho_analysis", *map(str, args)], capture_output=True, text=True,
                          timeout=300, umask=umask)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fetched(news_site, tmp_path):
    """A corpus fetched by the command line from a URL list with a comment and a blank line."""
    urls = [news_site.url(p) for p in PATHS]
    (tmp_path / "urls.txt").write_text("# invented site\n" + "\n".join(urls[:2]) + "\n\n" + "\n".join(urls[2:]) + "\n",
                                       encoding="utf-8")
    result = _cli("fetch", tmp_path / "urls.txt", "--out", tmp_path / "corpus", "--delay", "0", "--retries", "0")
    return urls, tmp_path / "corpus", result


@pytest.mark.slow
def test_fetch_command_reports_each_url_and_a_summary(fetched):
    urls, corpus, result = fetched
    assert result.returncode == FETCH_SOME_FAILED, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"[1/4] ok: {urls[0]} -> {doc_id_for(urls[0])}.txt"
    assert lines[2] == f"[3/4] failed: HTTP 404 Not Found: {urls[2]}"
    assert lines[3].startswith("[4/4] failed: disallowed by robots.txt")
    assert result.stdout == f"fetched 2, skipped 0 (already saved), failed 2; manifest: {corpus / 'sources.csv'}\n"
    with (corpus / "sources.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 4


@pytest.mark.slow
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


@pytest.mark.slow
def test_html_mode_on_the_command_line(fetch_site_dir, tmp_path):
    result = _cli("fetch", "--html", fetch_site_dir, "--out", tmp_path / "corpus")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("fetched 3, skipped 0 (already saved), failed 0")
    again = _cli("fetch", "--html", fetch_site_dir, "--out", tmp_path / "corpus")
    assert again.stdout.startswith("fetched 0, skipped 3 (already saved), failed 0")


@pytest.mark.slow
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


# ---------------------------------------------------------------- exit status and file modes

@pytest.mark.parametrize("paths, status, counts", [
    (["/chinh-tri/dai-hoi.html", "/chinh-tri/hoi-nghi.html"], 0, "fetched 2, skipped 0 (already saved), failed 0"),
    (["/chinh-tri/dai-hoi.html", "/khong-co.html", "/nen/br.html"], FETCH_SOME_FAILED, "fetched 1, skipped 0 (already saved), failed 2"),
    (["/khong-co.html", "/noi-bo/thong-bao.html"], FETCH_ALL_FAILED, "fetched 0, skipped 0 (already saved), failed 2"),
], ids=["all-ok", "mixed", "all-failed"])
def test_fetch_exit_status_says_whether_every_url_was_saved(news_site, tmp_path, paths, status, counts):
    (tmp_path / "urls.txt").write_text("\n".join(news_site.url(p) for p in paths) + "\n", encoding="utf-8")
    result = _cli("fetch", tmp_path / "urls.txt", "--out", tmp_path / "corpus", *FAST)
    assert result.returncode == status, result.stderr
    assert result.stdout.startswith(counts)
    assert "Traceback" not in result.stderr


def test_fetch_exit_status_counts_articles_already_saved_as_success(news_site, tmp_path):
    """Saved by an earlier run, or saved now: either way the article is there."""
    urls = [news_site.url("/chinh-tri/dai-hoi.html"), news_site.url("/khong-co.html")]
    (tmp_path / "first.txt").write_text(urls[0] + "\n", encoding="utf-8")
    (tmp_path / "both.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    assert _cli("fetch", tmp_path / "first.txt", "--out", tmp_path / "corpus", *FAST).returncode == 0
    assert _cli("fetch", tmp_path / "first.txt", "--out", tmp_path / "corpus", *FAST).returncode == 0  # skipped: still 0
    assert _cli("fetch", tmp_path / "both.txt", "--out", tmp_path / "corpus", *FAST).returncode == FETCH_SOME_FAILED


def test_fetch_documents_its_exit_status(tmp_path):
    result = _cli("fetch", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert f"exit status: 0 every URL was saved or already there; {FETCH_SOME_FAILED} some URLs failed" in text
    assert f"{FETCH_ALL_FAILED} nothing could be fetched; 1 bad arguments" in text and "130 interrupted" in text
    assert "--max-time SECONDS" in text


def test_fetched_corpus_has_the_modes_the_umask_gives(news_site, tmp_path):
    """Under umask 022: the corpus folder 0755, the articles and sources.csv 0644 (not mkstemp's
    0600), as after a plain mkdir and open."""
    (tmp_path / "urls.txt").write_text(news_site.url("/chinh-tri/dai-hoi.html") + "\n", encoding="utf-8")
    result = _cli("fetch", tmp_path / "urls.txt", "--out", tmp_path / "corpus", *FAST, umask=0o022)
    assert result.returncode == 0, result.stderr
    corpus = tmp_path / "corpus"
    assert _mode(corpus) == 0o755
    assert {p.name: _mode(p) for p in corpus.iterdir()} == {
        "sources.csv": 0o644, f"{doc_id_for(news_site.url('/chinh-tri/dai-hoi.html'))}.txt": 0o644}
