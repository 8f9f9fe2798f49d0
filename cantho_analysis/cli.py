"""Command line: ``cantho-analysis run``, ``extract``, ``fetch`` and ``codebook``.

Errors are one line on stderr, naming the file or parameter and the reason; ``--debug`` shows
the traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import config, parameters

# Exit status of `fetch` when it ran to the end (1 stays "bad arguments", 2 argparse's usage
# errors, 130 an interruption): the closing summary line gives the counts.
FETCH_SOME_FAILED = 3
FETCH_ALL_FAILED = 4
_FETCH_EPILOG = (f"exit status: 0 every URL was saved or already there; {FETCH_SOME_FAILED} some URLs failed (whatever "
                 f"the mix; their reasons are in the status column of sources.csv); {FETCH_ALL_FAILED} nothing could be "
                 "fetched; 1 bad arguments or an unreadable URL list; 2 a usage error; 130 interrupted (run the same "
                 "command again to resume).")

_PARAMETER_HELP = "Accepted: " + "; ".join(f"{p.name} ({p.meaning}; default {p.default!r})" for p in parameters.PARAMETERS
                                            if p.name not in parameters.RUNNER_OWNED)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cantho-analysis", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract the tables, execute every notebook, render the HTML report",
                         description="Execute every notebook in notebooks/ through papermill, in order, and write "
                                     "OUT/notebooks/*.ipynb, OUT/report/index.html, OUT/data/ and OUT/figures/.")
    run.add_argument("--corpus", type=Path, default=config.SEEDS_DIR,
                     help="folder of .txt articles, passed to every notebook as corpus_dir (default: the repository's seeds/)")
    run.add_argument("--out", type=Path, default=config.DEFAULT_OUT_DIR,
                     help="output folder (default: build/); replaced atomically, and only if a previous run made it")
    run.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                     help="run parameter, e.g. -p merger_date 2025-07-01 -p lang vi (repeatable); "
                          "unknown names are refused. " + _PARAMETER_HELP)
    run.add_argument("--jobs", type=int, default=1, metavar="N",
                     help="extract in N processes and execute N notebooks at a time, each in its own kernel (default 1); "
                          "outputs are identical")

    extract = sub.add_parser("extract", help="write the tables of a corpus as CSV and Parquet")
    extract.add_argument("corpus", type=Path, help="folder of .txt articles")
    extract.add_argument("--out", type=Path, required=True, help="folder for the tables")
    extract.add_argument("--strict", action="store_true", help="fail on the first unreadable or skipped file")
    extract.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                         help="extraction parameter (repeatable): " + ", ".join(parameters.EXTRACTION))
    extract.add_argument("--jobs", type=int, default=1, metavar="N",
                         help="extract in N processes (default 1; use the number of cores for large corpora)")

    fetch = sub.add_parser(
        "fetch", help="build a corpus folder from a list of URLs (or saved .html pages), with a source manifest",
        description="Fetch each URL, keep the article's main text, headline and date, and save it as one .txt article "
                    "in CORPUS_DIR with a row in CORPUS_DIR/sources.csv (URL, final URL, time, HTTP status, date and "
                    "its source, title, site, SHA-256, status). Polite: honours robots.txt, waits between requests "
                    "to a host, retries with backoff. Articles already saved are skipped, so an interrupted run resumes.",
        epilog=_FETCH_EPILOG)
    fetch.add_argument("urls", type=Path, nargs="?", metavar="URLS",
                       help="text file with one URL per line (blank lines and # comments allowed), or a CSV or TSV "
                            "with a url column (such as corpus/reference_articles.tsv)")
    fetch.add_argument("--html", type=Path, metavar="DIR",
                       help="convert the saved .html pages of DIR instead of fetching (URL from the page's canonical link, else the file name)")
    fetch.add_argument("--out", type=Path, required=True, metavar="CORPUS_DIR", help="corpus folder (created if missing)")
    fetch.add_argument("--refresh", action="store_true", help="fetch again and overwrite articles already saved")
    fetch.add_argument("--ignore-robots", action="store_true",
                       help="fetch pages that robots.txt disallows (only with the site's permission)")
    fetch.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                       help="wait between two requests to the same host (default %(default)s; a larger robots.txt Crawl-delay wins)")
    fetch.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help="per connection and read (default %(default)s)")
    fetch.add_argument("--max-time", type=float, default=60.0, metavar="SECONDS",
                       help="per request, the whole download (connection, headers, body): a server still sending when it "
                            "passes is cut off, not retried, and nothing is saved (default %(default)s)")
    fetch.add_argument("--retries", type=int, default=2, metavar="N",
                       help="further attempts after a timeout, network error, 429 or 5xx, with exponential backoff (default %(default)s)")
    fetch.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                       help="refuse larger pages, counted after gzip/deflate decompression (default %(default)s)")

    codebook = sub.add_parser("codebook", help="write docs/codebook.md from the codebook")
    codebook.add_argument("--out", type=Path, default=config.REPO_DIR / "docs" / "codebook.md")
    return parser


def _extract(args) -> int:
    from .output.datapackage import write_datapackage
    from .output.tables import write_tables
    from .pipeline import build_tables

    if args.jobs < 1:
        raise ValueError(f"--jobs: {args.jobs} must be at least 1")
    given = dict(args.parameter)
    outside = sorted(set(given) - set(parameters.EXTRACTION))
    if outside:
        raise ValueError(f"-p {outside[0]}: not an extraction parameter; extract accepts {', '.join(parameters.EXTRACTION)}")
    values = parameters.validate(given)
    tables = build_tables(args.corpus, parameters.extraction_values(values), strict=args.strict, jobs=args.jobs)
    for problem in tables["problems"].itertuples():
        print(f"{problem.severity}: {problem.message}", file=sys.stderr)
    write_tables(tables, args.out)
    write_datapackage(args.out)
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"wrote {len(tables)} tables to {args.out}: {counts}")
    return 0


def _run(args) -> int:
    from .runner import run

    params = dict(args.parameter)
    if args.jobs < 1:
        raise ValueError(f"--jobs: {args.jobs} must be at least 1")
    started = time.monotonic()
    line = _LiveLine(sys.stderr)
    try:
        out = run(args.corpus, args.out, params, log=line.print, jobs=args.jobs, live=line.update)
    finally:
        line.close()
    print(f"done in {_duration(time.monotonic() - started)}: report {out}/report/index.html; "
          f"tables {out}/data; figures {out}/figures; notebooks {out}/notebooks")
    return 0


def _duration(seconds: float) -> str:
    """A wall time for people.

    >>> _duration(83.4), _duration(7.25)
    ('1 min 23 s', '7.2 s')
    """
    return f"{int(seconds // 60)} min {round(seconds % 60)} s" if seconds >= 60 else f"{seconds:.1f} s"


class _LiveLine:
    """Progress on stderr: on a terminal one line rewritten in place; in a log file, a new line
    only when a notebook finishes (or every 30 s), so CI logs stay short."""

    def __init__(self, stream):
        self.stream, self.tty = stream, stream.isatty()
        self.shown, self.printed_at, self.open = "", 0.0, False

    def update(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r" + text + "\x1b[K")
            self.stream.flush()
            self.open = True
        elif text.count("done") != self.shown.count("done") or time.monotonic() - self.printed_at > 30:
            print(text, file=self.stream, flush=True)
            self.printed_at = time.monotonic()
        self.shown = text

    def print(self, message: str) -> None:
        self.close()
        print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False


def _fetch(args) -> int:
    from .load.fetch import FetchOptions, convert_html_dir, fetch_urls, read_url_list

    if (args.urls is None) == (args.html is None):
        raise ValueError("fetch: give either a URL list (URLS) or --html DIR, not both or neither")
    options = FetchOptions(delay=args.delay, timeout=args.timeout, max_time=args.max_time, retries=args.retries, backoff=2.0,
                           max_bytes=args.max_bytes, ignore_robots=args.ignore_robots, refresh=args.refresh)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    try:
        if args.html is not None:
            summary = convert_html_dir(args.html, args.out, options, log=log)
        else:
            summary = fetch_urls(read_url_list(args.urls), args.out, options, log=log)
    except KeyboardInterrupt:
        print("cantho-analysis: interrupted; the articles saved so far are kept and listed in sources.csv; "
              "run the same command again to resume", file=sys.stderr)
        return 130
    print(summary.line())
    return _fetch_status(summary)


def _fetch_status(summary) -> int:
    """0 when every URL was saved or already there, else FETCH_SOME_FAILED, or FETCH_ALL_FAILED
    when none was.

    >>> from cantho_analysis.load.fetch import Summary
    >>> [_fetch_status(Summary(fetched=f, skipped=s, failed=x)) for f, s, x in [(2, 1, 0), (2, 0, 1), (0, 1, 1), (0, 0, 2)]]
    [0, 3, 3, 4]
    """
    if not summary.failed:
        return 0
    return FETCH_SOME_FAILED if summary.fetched + summary.skipped else FETCH_ALL_FAILED


def _codebook(args) -> int:
    from .output.datapackage import codebook_markdown

    args.out.write_text(codebook_markdown() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cantho-analysis`` command.

    >>> main(["codebook", "--out", "/dev/null"])
    wrote /dev/null
    0
    """
    args = _parser().parse_args(argv)
    handlers = {"run": _run, "extract": _extract, "fetch": _fetch, "codebook": _codebook}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        print("cantho-analysis: interrupted; the previous output, if any, is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # one line, no traceback, unless --debug
        if args.debug:
            raise
        print(f"cantho-analysis: error: {exc}", file=sys.stderr)
        return 1
