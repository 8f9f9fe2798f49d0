"""Build a synthetic corpus of N Vietnamese news articles for benchmarking.

The articles are sentence-level recombinations of the repository's own test corpora
(``seeds/*.txt`` and ``tests/fixtures/other_corpus/*.txt``): every source article is split into
paragraphs (lines) and sentences (within a line, on ``". "`` followed by an upper-case letter),
and each synthetic article is assembled from 8-25 randomly drawn units.  The first line gets one
of four header styles, in rotation by chance:

* ``" date YYYY-MM-DD "`` prefix (day precision),
* ``" date YYYY-MM "`` prefix (month precision),
* a headline line ending with ``DD/MM/YYYY HH:MM``,
* no header: the body starts with an outlet dateline such as ``(TTXVN) - Sáng 3/2, ...``.

The output is deterministic for a given ``--seed`` (``random.Random(seed)``; the source files
are read in sorted order).  Files are UTF-8 and named ``art_{i:05d}.txt``.

Usage::

    python benchmarks/make_corpus.py N OUT_DIR [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_GLOBS = (REPO / "seeds", REPO / "tests" / "fixtures" / "other_corpus")

# Headers of the source articles, removed before splitting so that they are not recombined
# into the middle of a body.
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
_HEADLINE_STAMP = re.compile(r"\s\d{2}/\d{2}/\d{4} \d{2}:\d{2}\s*$")
# Candidate sentence boundary inside a line: ". "; kept only before an upper-case letter.
_SENTENCE_BREAK = re.compile(r"(?<=\.) ")

OUTLETS = ("TTXVN", "PLO", "NLĐO", "VOV", "Báo Cần Thơ", "Vietnam+", "SGGP", "Dân trí")
TIMES_OF_DAY = ("Sáng", "Chiều", "Tối", "Ngày", "Trưa")
HEADER_KINDS = ("date_day", "date_month", "headline", "dateline")


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_GLOBS:
        files.extend(sorted(folder.glob("*.txt")))
    return files


def split_sentences(line: str) -> list[str]:
    """Split *line* on ". " followed by an upper-case letter (Vietnamese included).

    >>> split_sentences("Năm 2024 tăng 7%. Đảng bộ TP. Huế họp. tiếp theo")
    ['Năm 2024 tăng 7%.', 'Đảng bộ TP.', 'Huế họp. tiếp theo']
    """
    sentences: list[str] = []
    for piece in _SENTENCE_BREAK.split(line):
        if sentences and not piece[:1].isupper():
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [s.strip() for s in sentences if s.strip()]


def split_units(text: str) -> tuple[list[str], list[str]]:
    """Return ``(units, headlines)`` of one source article.

    ``units`` are paragraphs and the sentences inside them; ``headlines`` are short first lines
    that can serve as synthetic headlines.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    headlines: list[str] = []
    if lines:
        first = _DATE_PREFIX.sub("", lines[0])
        if _HEADLINE_STAMP.search(first):
            headlines.append(_HEADLINE_STAMP.sub("", first).strip())
            lines = lines[1:]
        else:
            lines[0] = first
    units: list[str] = []
    for line in lines:
        units.append(line)
        sentences = split_sentences(line)
        if len(sentences) > 1:
            units.extend(sentences)
        elif len(line) < 120 and len(line.split()) >= 5 and not line.endswith("."):
            headlines.append(line)
    return units, headlines


def build_pool() -> tuple[list[str], list[str]]:
    units: list[str] = []
    headlines: list[str] = []
    for path in source_files():
        u, h = split_units(path.read_text(encoding="utf-8"))
        units.extend(u)
        headlines.extend(h)
    if not units:
        raise SystemExit("make_corpus: no source sentences found under seeds/ or tests/fixtures/other_corpus/")
    return units, headlines or units[:10]


def make_article(rng: random.Random, units: list[str], headlines: list[str]) -> str:
    count = rng.randint(8, 25)
    body_units = [rng.choice(units) for _ in range(count)]
    # Join drawn units into paragraphs: most units start a new paragraph, some continue one.
    parts = [body_units[0]]
    for unit in body_units[1:]:
        parts.append("\n\n" if rng.random() < 0.65 else " ")
        parts.append(unit)
    body = "".join(parts)
    year = rng.randint(2020, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    kind = rng.choice(HEADER_KINDS)
    if kind == "date_day":
        return f" date {year:04d}-{month:02d}-{day:02d} {body}\n"
    if kind == "date_month":
        return f" date {year:04d}-{month:02d} {body}\n"
    if kind == "headline":
        headline = rng.choice(headlines)
        stamp = f"{day:02d}/{month:02d}/{year:04d} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
        return f"{headline} {stamp}\n\n{body}\n"
    outlet = rng.choice(OUTLETS)
    when = rng.choice(TIMES_OF_DAY)
    return f"({outlet}) - {when} {day}/{month}, {body}\n"


def make_corpus(n: int, out_dir: str | Path, seed: int = 0) -> Path:
    """Write *n* articles ``art_00000.txt`` ... into *out_dir* and return it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    units, headlines = build_pool()
    rng = random.Random(seed)
    for i in range(n):
        (out / f"art_{i:05d}.txt").write_text(make_article(rng, units, headlines), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    make_corpus(args.n, args.out, args.seed)
    total = sum(p.stat().st_size for p in args.out.glob("art_*.txt"))
    print(f"wrote {args.n} articles ({total / 1e6:.2f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
