"""Bad-input test matrix: what the package does with broken articles, folders and parameters.

Each case is one test (one parametrised row with an id).  docs/bad_input.md lists every case
with its input, the expected behaviour and the test id.

The rules every case checks:

* every problem names the file (or parameter) and the reason, on ONE line;
* one bad file never stops the good article next to it from being extracted, unless
  ``--strict`` (then the exit code is non-zero and the one-line message names the file);
* every problem is also a row of the ``problems`` table (``OUT/problems.csv`` for ``extract``);
* the CLI prints no traceback unless ``--debug``.

Behaviour the code does not have yet is written as it SHOULD be and marked
``xfail(strict=True)``, so the test starts failing (XPASS) the day the code is fixed.

CLI cases run ``python -m cantho_analysis`` as a subprocess; the rest use the Python API.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from cantho_analysis.load.corpus import CorpusError, load_corpus
from cantho_analysis.pipeline import build_tables

# --------------------------------------------------------------------------------------------
# The good article that sits next to every bad one.
# --------------------------------------------------------------------------------------------

GOOD_NAME = "a_good.txt"
GOOD_ID = "a_good"
GOOD = """\
Thành ủy Cần Thơ tổ chức hội nghị tổng kết nhiệm kỳ 2020 - 2025 03/02/2026 16:51

(PLO)- Sáng 3-2, Thành ủy Cần Thơ tổ chức hội nghị tổng kết công tác năm 2025.

Bí thư Thành ủy Cần Thơ Lê Quang Tùng phát biểu tại hội nghị. Ảnh: NHẪN NAM

Kinh tế tăng trưởng khá, bình quân đạt 7,41%, cơ cấu chuyển dịch đúng hướng. Quy mô nền kinh tế đạt hơn 312.000 tỉ đồng; GRDP bình quân đầu người đạt 96,9 triệu đồng.

Văn hóa - xã hội phát triển hài hòa; các công trình thủy lợi được đầu tư đồng bộ.

Đại hội Đảng bộ thành phố lần thứ I, nhiệm kỳ 2025 - 2030 đề ra 6 nhiệm vụ trọng tâm và thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.
"""  # noqa: E501 (one paragraph per line, as in an article file)
# Facts of GOOD that must survive next to any bad file: (value, unit) in `quantities`.
GOOD_FACTS = {(7.41, "percent"), (312000.0, "billion_vnd"), (96.9, "million_vnd")}

PROBLEM_COLUMNS = ["source_file", "doc_id", "severity", "problem", "message"]
FACT_TABLES = ("officials", "credits", "quantities", "legal_refs", "congresses", "plan_elements", "themes",
               "sentence_domains")

# Time bounds.  Extraction is linear at about 3 s per megabyte of ordinary paragraphs on the
# 2-core CI machine, so these leave room for a busy machine; quadratic behaviour blows through them.
BOUND_1MB_LINE_S = 30
BOUND_50MB_S = 400
# A refused parameter must be refused before any notebook starts: well under this.
BOUND_PARAMETER_S = 45

# Realistic sentences for the large-input cases.
BIG_PARAGRAPH = (
    "Kinh tế tăng trưởng khá, bình quân đạt 7,41%, cơ cấu chuyển dịch đúng hướng. "
    "Quy mô nền kinh tế năm 2025 đạt hơn 312.000 tỉ đồng; GRDP bình quân đầu người đạt 96,9 triệu đồng. "
    "Bí thư Thành ủy Cần Thơ Lê Quang Tùng phát biểu tại hội nghị.\n\n"
    "Văn hóa - xã hội đạt nhiều thành tựu quan trọng, an sinh xã hội được đảm bảo toàn diện, kịp thời. "
    "Đảng bộ thành phố thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển khoa học, công nghệ.\n\n"
)
BIG_LINE_SENTENCES = (
    "Kinh tế tăng trưởng khá, bình quân đạt 7,41%, cơ cấu chuyển dịch đúng hướng. "
    "Quy mô nền kinh tế đạt hơn 312.000 tỉ đồng; GRDP bình quân đầu người đạt 96,9 triệu đồng. "
    "Bí thư Thành ủy Cần Thơ Lê Quang Tùng phát biểu tại hội nghị. "
    "Văn hóa - xã hội đạt nhiều thành tựu quan trọng, an sinh xã hội được đảm bảo toàn diện. "
)


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / GOOD_NAME).write_text(GOOD, encoding="utf-8")
    return folder


def _assert_good_extracted(tables: dict[str, pd.DataFrame]) -> None:
    assert GOOD_ID in set(tables["documents"]["doc_id"])
    q = tables["quantities"]
    facts = {(round(v, 4), u) for v, u in zip(q.loc[q["doc_id"] == GOOD_ID, "value"], q.loc[q["doc_id"] == GOOD_ID, "unit"])}
    assert GOOD_FACTS <= facts
    c = tables["congresses"]
    assert list(c.loc[c["doc_id"] == GOOD_ID, "ordinal"]) == [1]


def _problems(tables) -> list[tuple[str, str, str]]:
    return [(r.source_file, r.severity, r.problem) for r in tables["problems"].itertuples()]


def _assert_one_line_naming(message: str, name: str) -> None:
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(f"{name}: ") and len(message) > len(name) + 5, message


def _cp1258(text: str) -> bytes:
    """Encode Vietnamese the way Windows-1258 does: base letters precomposed, tones combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return bytes(out)


def _cli(*args: str, timeout: float = 120) -> tuple[int, str, str, float]:
    """Run ``python -m cantho_analysis ARGS``; return (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "cantho_analysis", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and any kernel it started
        proc.communicate()
        pytest.fail(f"cantho-analysis {' '.join(args)} did not finish within {timeout} s")
    return proc.returncode, out, err, time.monotonic() - started


def _stderr_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def _assert_one_line_error(stderr: str, *names: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = _stderr_lines(stderr)
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{stderr}"
    for name in names:
        assert name in lines[0], f"{name!r} not named in: {lines[0]}"
    return lines[0]


# --------------------------------------------------------------------------------------------
# 1. Corpus files that cannot be analysed: an `error` problem, the good article still loads.
# --------------------------------------------------------------------------------------------

VI_SENTENCE = "Thành ủy Cần Thơ tổ chức hội nghị; Văn hóa - xã hội phát triển hài hòa."
# A table of figures saved as .txt: a header, then numbers (10 % of the non-space characters are letters).
NUMBER_TABLE = "Năm;GRDP;Quy mô\n" + "".join(f"{y};{g:.2f};{v:,}\n" for y, g, v in [
    (2020, 7.1, 250000), (2021, 1.2, 255000), (2022, 9.5, 280000), (2023, 6.2, 295000), (2024, 7.3, 300000), (2025, 7.41, 312000)])


def _binary_as_utf8(data: bytes) -> bytes:
    """Binary bytes as a converter that took them for Latin-1 would save them in UTF-8: every byte
    becomes a character (controls included) and the file is valid UTF-8.  NUL bytes are dropped,
    so that the `binary` check does not catch the file first."""
    return data.replace(b"\x00", b"").decode("latin-1").encode("utf-8")

BAD_FILES = [
    pytest.param("rong.txt", b"", "empty", id="empty"),
    pytest.param("trang.txt", b" \t\r\n  \n" + "\u00a0\u3000\n".encode() + b"\n", "whitespace_only", id="whitespace-only"),
    pytest.param("anh_png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + b"\x00" * 64, "binary", id="binary-png"),
    pytest.param("anh_jpeg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 64, "binary", id="binary-jpeg"),
    pytest.param("latin1.txt", b"Th\xe0nh \xf4y C\xe2n Th\xf4 h\xf4p h\xf4i ngh\xec.\n", "not_utf8", id="latin-1"),
    pytest.param("cp1258.txt", _cp1258(VI_SENTENCE), "not_utf8", id="cp1258"),
    # Valid UTF-8 without a NUL byte, but not text (the `not_text` check comes after the others).
    pytest.param("nen_gzip.txt", _binary_as_utf8(gzip.compress(GOOD.encode(), mtime=0)), "not_text", id="gzip-bytes-as-utf8"),
    pytest.param("thay_the.txt", _cp1258(VI_SENTENCE).decode("utf-8", errors="replace").encode(), "not_text", id="replacement-chars"),
    pytest.param("bang_so.txt", NUMBER_TABLE.encode(), "not_text", id="few-letters"),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_FILES)
def test_bad_file_is_a_named_error_and_the_good_file_is_extracted(tmp_path, name, content, code):
    folder = _corpus(tmp_path / "corpus")
    (folder / name).write_bytes(content)
    tables = build_tables(folder)

    assert _problems(tables) == [(name, "error", code)]
    assert list(tables["problems"].columns) == PROBLEM_COLUMNS
    problem = tables["problems"].iloc[0]
    assert problem["doc_id"] == name[:-4]
    _assert_one_line_naming(problem["message"], name)
    assert name[:-4] not in set(tables["documents"]["doc_id"])
    _assert_good_extracted(tables)

    with pytest.raises(CorpusError, match=name):
        load_corpus(folder, strict=True)


def test_cp1258_fixture_really_is_cp1258():
    """The cp1258 case above is what Windows-1258 produces, and Python can read it back."""
    raw = _cp1258(VI_SENTENCE)
    assert unicodedata.normalize("NFC", raw.decode("cp1258")) == VI_SENTENCE
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


# --------------------------------------------------------------------------------------------
# 2. Encodings and typography that must give the SAME tables as clean UTF-8 NFC text.
# --------------------------------------------------------------------------------------------

OLD_STYLE = GOOD.replace("hòa", "hoà").replace("hóa", "hoá").replace("ủy", "uỷ")  # also thủy -> thuỷ
assert OLD_STYLE.count("hoà") == 1 and OLD_STYLE.count("hoá") == 1 and OLD_STYLE.count("thuỷ") == 1 and OLD_STYLE.count("Thành uỷ") == 3

VARIANTS = [
    pytest.param(GOOD.replace("\n", "\r\n").encode(), [], id="crlf"),
    pytest.param(GOOD.replace("\n", "\r").encode(), [], id="cr-only"),
    pytest.param(unicodedata.normalize("NFD", GOOD).encode(), [], id="nfd"),
    pytest.param(OLD_STYLE.encode(), [], id="old-style-tone-marks"),
    pytest.param(GOOD.replace("Đ", "\u00d0").encode(), [], id="eth-for-dj"),
    pytest.param(GOOD.replace("Cần Thơ", "Cần\u00a0Thơ").replace("Lê Quang", "Lê\u200b Quang")
                 .replace("312.000", "312\u200b.000").replace("7,41%", "7,41\u200b%").encode(), [], id="nbsp-and-zero-width"),
    pytest.param(b"\xef\xbb\xbf" + GOOD.encode(), [], id="utf8-bom"),
    pytest.param(GOOD.encode("utf-16"), [("warning", "utf16")], id="utf16-bom"),
]


def _doc_tables(folder: Path, doc_id: str) -> dict[str, pd.DataFrame]:
    tables = build_tables(folder)
    out = {}
    for name, frame in tables.items():
        if name in ("problems", "terms") or "doc_id" not in frame.columns:
            continue  # terms describe the whole corpus, not one document
        part = frame[frame["doc_id"] == doc_id].reset_index(drop=True)
        out[name] = part.drop(columns=["sha256"]) if name == "documents" else part
    out["_problems"] = tables["problems"]
    return out


@pytest.mark.parametrize(("raw", "problems"), VARIANTS)
def test_variant_gives_the_same_tables_as_clean_text(tmp_path, raw, problems):
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "v.txt").write_text(GOOD, encoding="utf-8")
    folder = _corpus(tmp_path / "corpus")
    (folder / "v.txt").write_bytes(raw)

    expected, got = _doc_tables(reference, "v"), _doc_tables(folder, "v")
    assert [(p.severity, p.problem) for p in got["_problems"].itertuples()] == problems
    for p in got["_problems"].itertuples():
        assert p.source_file == "v.txt"
        _assert_one_line_naming(p.message, "v.txt")
    for name in expected:
        if name != "_problems":
            pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    assert len(got["quantities"]) >= 3 and len(got["congresses"]) == 1

    # Offsets index the stored text: every quote reproduces, and no BOM/CR/NBSP survives.
    corpus = load_corpus(folder)
    text = corpus["v"].text
    assert text == load_corpus(reference)["v"].text
    assert not set(text) & {"\ufeff", "\r", "\u00a0", "\u200b", "\u00d0"}
    for name in FACT_TABLES:
        for row in got[name].itertuples():
            assert text[row.start:row.end] == row.quote, (name, row)
    _assert_good_extracted(build_tables(folder))


# --------------------------------------------------------------------------------------------
# 3. Text that loads but is odd: markup, absurd numbers, bad Roman numerals.
# --------------------------------------------------------------------------------------------

HTML_ARTICLE = textwrap.dedent("""\
    <html><head><title>Thành ủy Cần Thơ</title>
    <script type="text/javascript">window.dataLayer = window.dataLayer || []; var x = "<p>";</script>
    </head><body>
    <p>Kinh tế tăng trưởng khá, bình quân đạt 7,41%, cơ cấu chuyển dịch đúng hướng.</p>
    <p>Quy mô nền kinh tế đạt hơn 312.000 tỉ đồng.</p>
    </body></html>
    """)


def test_html_markup_is_kept_as_text_and_extraction_works(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "html.txt").write_text(HTML_ARTICLE, encoding="utf-8")
    tables = build_tables(folder)
    _assert_good_extracted(tables)
    text = load_corpus(folder)["html"].text
    assert "<script" in text and "<p>" in text  # kept as text, not stripped
    q = tables["quantities"]
    rows = q[q["doc_id"] == "html"]
    assert {(v, u) for v, u in zip(rows["value"], rows["unit"])} >= {(7.41, "percent"), (312000.0, "billion_vnd")}
    for row in rows.itertuples():
        assert text[row.start:row.end] == row.quote


def test_html_markup_is_reported_as_a_warning(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "html.txt").write_text(HTML_ARTICLE, encoding="utf-8")
    tables = build_tables(folder)
    assert ("html.txt", "warning", "html_markup") in _problems(tables)
    row = tables["problems"][tables["problems"]["problem"] == "html_markup"].iloc[0]
    _assert_one_line_naming(row["message"], "html.txt")
    assert "html" in set(tables["documents"]["doc_id"])  # a warning: still extracted


ABSURD_NUMBERS = [
    pytest.param("Quy mô nền kinh tế năm 2025 đạt 1.000.000.000.000.000.000 tỷ đồng.", id="huge-grouped-number"),
    pytest.param("Kinh tế năm 2025 tăng trưởng 7,41,2% so với cùng kỳ.", id="malformed-decimal"),
    pytest.param("Quy mô nền kinh tế năm 2025 đạt 1" + "0" * 400 + " tỷ đồng.",
                 id="overflowing-number"),
]


@pytest.mark.parametrize("sentence", ABSURD_NUMBERS)
def test_absurd_number_gives_a_finite_value_or_no_row(tmp_path, sentence):
    folder = _corpus(tmp_path / "corpus")
    (folder / "so.txt").write_text(f"Thành ủy Cần Thơ họp.\n\n{sentence}\n", encoding="utf-8")
    tables = build_tables(folder)
    _assert_good_extracted(tables)
    q = tables["quantities"]
    rows = q[q["doc_id"] == "so"]
    for col in ("value", "value_max", "denominator"):
        assert all(math.isfinite(v) for v in rows[col].dropna()), rows[[col, "quote"]]
    if "7,41,2" in sentence:
        assert rows.empty, rows


def test_malformed_roman_numeral_gives_no_congress_row(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "la_ma.txt").write_text(
        "Đại hội Đảng bộ tỉnh lần thứ IIII, nhiệm kỳ 2025 - 2030 khai mạc. Đại hội IIII của Đảng bàn về kinh tế.\n",
        encoding="utf-8")
    tables = build_tables(folder)
    c = tables["congresses"]
    assert c[c["doc_id"] == "la_ma"].empty, c
    assert "la_ma" in set(tables["documents"]["doc_id"])
    _assert_good_extracted(tables)


# --------------------------------------------------------------------------------------------
# 4. Large inputs: finish within a generous bound, do not crash.  Run in a child process so a
#    run-away extraction is killed at the bound instead of hanging the suite.
# --------------------------------------------------------------------------------------------

_TIMED_EXTRACTION = """
import json, sys, time
from cantho_analysis.pipeline import build_tables
started = time.monotonic()
tables = build_tables(sys.argv[1])
q = tables["quantities"]
print(json.dumps({
    "seconds": round(time.monotonic() - started, 1),
    "doc_ids": sorted(tables["documents"]["doc_id"]),
    "problems": tables["problems"]["problem"].tolist(),
    "good_facts": sorted([round(v, 4), u] for v, u in zip(q.loc[q.doc_id == "a_good", "value"], q.loc[q.doc_id == "a_good", "unit"])),
    "big_quantities": int((q.doc_id == "big").sum()),
}))
"""


def _timed_extraction(folder: Path, bound: float) -> dict:
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _TIMED_EXTRACTION, str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=bound)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"extraction did not finish within {bound} s (killed after {time.monotonic() - started:.0f} s)")
    assert proc.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    print(f"extraction took {result['seconds']} s; {result['big_quantities']} quantities in the big file")
    assert result["doc_ids"] == ["a_good", "big"]
    assert result["problems"] == []
    assert {tuple(f) for f in result["good_facts"]} >= GOOD_FACTS
    assert result["big_quantities"] > 0
    return result


def test_one_megabyte_single_line_finishes(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    line = (BIG_LINE_SENTENCES * (1_000_000 // len(BIG_LINE_SENTENCES.encode()) + 1)).rstrip()
    (folder / "big.txt").write_text(line, encoding="utf-8")
    assert "\n" not in line and len(line.encode()) >= 1_000_000
    _timed_extraction(folder, BOUND_1MB_LINE_S)


@pytest.mark.slow
def test_fifty_megabyte_article_finishes(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    copies = 50_000_000 // len(BIG_PARAGRAPH.encode()) + 1
    (folder / "big.txt").write_text("Thành ủy Cần Thơ tổng kết năm 2025\n\n" + BIG_PARAGRAPH * copies, encoding="utf-8")
    assert (folder / "big.txt").stat().st_size >= 50_000_000
    _timed_extraction(folder, BOUND_50MB_S)


# --------------------------------------------------------------------------------------------
# 5. Things in the corpus folder that are not readable articles.
# --------------------------------------------------------------------------------------------

def test_unreadable_file_chmod_000(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions are not enforced (see the broken-symlink case)")
    folder = _corpus(tmp_path / "corpus")
    locked = folder / "khoa.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        tables = build_tables(folder)
    finally:
        locked.chmod(0o644)
    assert _problems(tables) == [("khoa.txt", "error", "unreadable")]
    _assert_one_line_naming(tables["problems"].iloc[0]["message"], "khoa.txt")
    _assert_good_extracted(tables)


def _broken_symlink(path: Path) -> None:
    path.symlink_to(path.parent / "does_not_exist.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize("make", [
    pytest.param(_broken_symlink, id="broken-symlink"),
    pytest.param(_fifo, id="fifo"),
])
def test_unreadable_txt_is_an_error_not_silently_skipped(tmp_path, make):
    folder = _corpus(tmp_path / "corpus")
    make(folder / "x.txt")

    def hung(signum, frame):
        raise TimeoutError("load_corpus hung on x.txt")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # opening a FIFO for reading blocks until a writer comes: must not hang
    try:
        tables = build_tables(folder)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    _assert_good_extracted(tables)
    assert _problems(tables) == [("x.txt", "error", "unreadable")]
    _assert_one_line_naming(tables["problems"].iloc[0]["message"], "x.txt")


@pytest.mark.parametrize(("name", "make", "code"), [
    pytest.param("ghi_chu.csv", lambda p: p.write_text("doc_id,note\na_good,Thành ủy\n", encoding="utf-8"), "not_txt", id="not-txt"),
    pytest.param("bai_viet.docx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 32), "not_txt", id="not-txt-docx"),
    pytest.param("luu_tru", lambda p: (p.mkdir(), (p / "cu.txt").write_text(GOOD, encoding="utf-8")), "subfolder", id="subfolder"),
])
def test_non_article_entry_is_a_warning_and_skipped(tmp_path, name, make, code):
    folder = _corpus(tmp_path / "corpus")
    make(folder / name)
    tables = build_tables(folder)
    assert _problems(tables) == [(name, "warning", code)]
    _assert_one_line_naming(tables["problems"].iloc[0]["message"], name)
    assert list(tables["documents"]["doc_id"]) == [GOOD_ID]  # skipped, including the sub-folder's .txt
    _assert_good_extracted(tables)


@pytest.mark.parametrize("stem", [pytest.param("Đảng", id="dang"), pytest.param("hòa", id="hoa")])
def test_names_differing_only_by_normalisation_are_a_duplicate_id(tmp_path, stem):
    nfc, nfd = unicodedata.normalize("NFC", stem) + ".txt", unicodedata.normalize("NFD", stem) + ".txt"
    assert nfc != nfd
    folder = _corpus(tmp_path / "corpus")
    (folder / nfc).write_text("Thành ủy Cần Thơ họp. Kinh tế tăng trưởng 7,41%.\n", encoding="utf-8")
    (folder / nfd).write_text("Thành ủy Cần Thơ họp. Kinh tế tăng trưởng 6,85%.\n", encoding="utf-8")
    tables = build_tables(folder)

    docs = tables["documents"]
    assert sorted(docs["doc_id"]) == sorted([GOOD_ID, unicodedata.normalize("NFC", stem)])
    assert len(tables["problems"]) == 1
    problem = tables["problems"].iloc[0]
    assert (problem["severity"], problem["problem"]) == ("error", "duplicate_id")
    loaded = docs.loc[docs["doc_id"] != GOOD_ID, "source_file"].item()
    assert {problem["source_file"], loaded} == {nfc, nfd}
    _assert_one_line_naming(problem["message"], problem["source_file"])
    assert nfc in problem["message"] and nfd in problem["message"]  # names both files
    _assert_good_extracted(tables)


# --------------------------------------------------------------------------------------------
# 6. The corpus folder itself: missing, or holding no articles.
# --------------------------------------------------------------------------------------------

def _only_csv(folder: Path) -> Path:
    folder.mkdir()
    (folder / "bang.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("make", "reason"), [
    pytest.param(lambda root: root / "khong_co", "corpus folder not found", id="missing-folder"),
    pytest.param(lambda root: _only_csv(root / "chi_csv"), "no readable .txt articles", id="no-articles"),
])
def test_bad_corpus_folder_api(tmp_path, make, reason):
    folder = make(tmp_path)
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert "\n" not in message and str(folder) in message and reason in message


@pytest.mark.parametrize("make", [
    pytest.param(lambda root: root / "khong_co", id="missing-folder"),
    pytest.param(lambda root: _only_csv(root / "chi_csv"), id="no-articles"),
])
def test_bad_corpus_folder_cli(tmp_path, make):
    folder = make(tmp_path)
    code, _, err, _ = _cli("extract", str(folder), "--out", str(tmp_path / "out"))
    assert code == 1
    _assert_one_line_error(err, str(folder))


def test_debug_shows_the_traceback(tmp_path):
    folder = tmp_path / "khong_co"
    code, _, err, _ = _cli("--debug", "extract", str(folder), "--out", str(tmp_path / "out"))
    assert code != 0
    assert "Traceback" in err and "CorpusError" in err and str(folder) in err


# --------------------------------------------------------------------------------------------
# 7. `extract` end to end: problems on stderr and in OUT/problems.csv; --strict.
# --------------------------------------------------------------------------------------------

def test_extract_reports_every_problem_and_still_writes_the_good_article(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "b_rong.txt").write_bytes(b"")
    (folder / "c_anh.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32)
    (folder / "d_latin1.txt").write_bytes(b"Th\xe0nh \xf4y C\xe2n Th\xf4\n")
    (folder / "ghi_chu.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "luu_tru").mkdir()
    expected = {("b_rong.txt", "error", "empty"), ("c_anh.txt", "error", "binary"),
                ("d_latin1.txt", "error", "not_utf8"), ("ghi_chu.csv", "warning", "not_txt"),
                ("luu_tru", "warning", "subfolder")}
    out = tmp_path / "out"
    code, _, err, _ = _cli("extract", str(folder), "--out", str(out))

    assert code == 0, err
    assert "Traceback" not in err
    lines = _stderr_lines(err)
    assert len(lines) == len(expected), err
    for source, severity, _ in expected:
        assert sum(line.startswith(f"{severity}: {source}: ") for line in lines) == 1, (source, err)

    problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
    assert list(problems.columns) == PROBLEM_COLUMNS
    assert {(r.source_file, r.severity, r.problem) for r in problems.itertuples()} == expected
    assert set(problems["severity"]) <= {"error", "warning"}
    for r in problems.itertuples():
        _assert_one_line_naming(r.message, r.source_file)

    documents = pd.read_csv(out / "documents.csv", dtype={"doc_id": str}, keep_default_na=False)
    assert list(documents["doc_id"]) == [GOOD_ID]
    quantities = pd.read_csv(out / "quantities.csv", keep_default_na=False)
    assert GOOD_FACTS <= {(round(v, 4), u) for v, u in zip(quantities["value"], quantities["unit"])}


def test_extract_strict_fails_naming_the_bad_file(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "b_rong.txt").write_bytes(b"")
    code, _, err, _ = _cli("extract", str(folder), "--out", str(tmp_path / "strict"), "--strict")
    assert code != 0
    line = _assert_one_line_error(err, "b_rong.txt")
    assert "empty" in line


def test_extract_without_strict_succeeds_next_to_an_empty_file(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    (folder / "b_rong.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, stdout, err, _ = _cli("extract", str(folder), "--out", str(out))
    assert code == 0, err
    lines = _stderr_lines(err)
    assert len(lines) == 1 and lines[0].startswith("error: b_rong.txt: ") and "empty" in lines[0], err
    assert "wrote" in stdout
    documents = pd.read_csv(out / "documents.csv", dtype={"doc_id": str}, keep_default_na=False)
    assert list(documents["doc_id"]) == [GOOD_ID]


# --------------------------------------------------------------------------------------------
# 8. `run` parameters: refused before any notebook executes, on one line naming the parameter.
# --------------------------------------------------------------------------------------------

BAD_PARAMETERS = [
    pytest.param(["merger_date", "2025-13-45"], "merger_date", id="merger-date-impossible"),
    pytest.param(["merger_date", "tomorrow"], "merger_date", id="merger-date-word"),
    pytest.param(["colour", "red"], "colour", id="unknown-name"),
    pytest.param(["lang", ""], "lang", id="empty-value"),
    pytest.param(["current_term_start", "abc"], "current_term_start", id="wrong-type-int"),
    pytest.param(["lang", "fr"], "lang", id="lang-not-en-vi"),
    pytest.param(["territory", "Atlantis"], "territory", id="territory-unknown"),
    pytest.param(["territory", "Hậu Giang (merged)"], "territory", id="territory-never-a-merged-unit"),
]


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("tiny") / "corpus")


@pytest.mark.parametrize(("parameter", "named"), BAD_PARAMETERS)
def test_bad_run_parameter_is_refused_before_any_notebook(tmp_path, tiny_corpus, parameter, named):
    out = tmp_path / "out"
    code, _, err, seconds = _cli("run", "--corpus", str(tiny_corpus), "--out", str(out), "-p", *parameter,
                                 timeout=180)
    assert code == 1, err
    line = _assert_one_line_error(err, named)
    assert line.startswith("cantho-analysis: error: ")
    assert "executing" not in err
    assert not out.exists() and not (tmp_path / "out.failed").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary output folder left behind
    assert seconds < BOUND_PARAMETER_S
