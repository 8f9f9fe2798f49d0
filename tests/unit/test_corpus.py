"""Loading a corpus folder: bad files become named problems, good files still load."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from cantho_analysis.load.corpus import CorpusError, load_corpus

GOOD_TEXT = "Sáng 15/1, Tỉnh ủy An Giang tổ chức hội nghị tổng kết công tác năm 2024."


def _write(path, content):
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")


# (file name, content: bytes | str | None for a sub-folder, severity, problem code or None when
#  the file loads cleanly, expected normalised text when it loads)
FILE_CASES = [
    pytest.param("rong.txt", b"", "error", "empty", None, id="empty"),
    pytest.param("trang.txt", b" \r\n\t \n", "error", "whitespace_only", None, id="whitespace-only"),
    pytest.param("bom_trang.txt", b"\xef\xbb\xbf \n", "error", "whitespace_only", None, id="bom-then-whitespace"),
    pytest.param("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error", "binary", None, id="binary"),
    pytest.param("latin1.txt", "Thông báo: hội nghị sáng thứ Hai".encode("latin-1", "replace"), "error", "not_utf8", None, id="latin-1"),
    pytest.param("cp1258.txt", unicodedata.normalize("NFD", "Tỉnh ủy").encode("cp1258"), "error", "not_utf8", None, id="cp1258"),
    pytest.param("utf16_le_hong.txt", b"\xff\xfeA\x00B", "error", "not_utf8", None, id="broken-utf16"),
    pytest.param("bom8.txt", b"\xef\xbb\xbf" + "Tỉnh ủy Nghệ An họp phiên thường kỳ.".encode(), None, None,
                 "Tỉnh ủy Nghệ An họp phiên thường kỳ.", id="utf8-bom-ok"),
    pytest.param("crlf_old_tone.txt", "Tỉnh uỷ Hoà Bình\r\nhọp.\r\n".encode(), None, None,
                 "Tỉnh ủy Hòa Bình\nhọp.\n", id="normalised-on-load"),
    pytest.param("utf16.txt", "Đảng bộ tỉnh Huế họp.".encode("utf-16"), "warning", "utf16",
                 "Đảng bộ tỉnh Huế họp.", id="utf16-le-bom"),
    pytest.param("utf16be.txt", b"\xfe\xff" + "Đảng bộ tỉnh Huế họp.".encode("utf-16-be"), "warning", "utf16",
                 "Đảng bộ tỉnh Huế họp.", id="utf16-be-bom"),
    pytest.param("ghi_chu.md", "# ghi chú", "warning", "not_txt", None, id="not-txt"),
    pytest.param("bai_viet.docx", b"PK\x03\x04", "warning", "not_txt", None, id="docx"),
    pytest.param("luu_tru", None, "warning", "subfolder", None, id="subfolder"),
    pytest.param(
        "utf16_trang.txt", " \n  ".encode("utf-16"), "error", "whitespace_only", None, id="utf16-whitespace-only",
    ),
    pytest.param("utf16_rac.txt", b"\xff\xfe" + ("\x01\x02\x03" * 50).encode("utf-16-le"), "error", "not_text", None,
                 id="utf16-bom-then-controls"),
    pytest.param("hong.txt", ("Tỉnh ủy " + "\ufffd" * 20 + " họp.").encode(), "error", "not_text", None, id="replacement-chars"),
]


@pytest.mark.parametrize(("name", "content", "severity", "code", "text"), FILE_CASES)
def test_load_corpus_file(tmp_path, name, content, severity, code, text):
    _write(tmp_path / "a_good.txt", GOOD_TEXT)
    _write(tmp_path / name, content)
    corpus = load_corpus(tmp_path)

    problems = [(p.source_file, p.severity, p.problem) for p in corpus.problems]
    assert problems == ([(name, severity, code)] if code else [])
    for p in corpus.problems:
        assert p.message.startswith(f"{name}: ")

    loaded = {d.source_file: d for d in corpus.documents}
    assert loaded["a_good.txt"].text == GOOD_TEXT  # the good file always loads
    if text is None:
        assert set(loaded) == {"a_good.txt"}
    else:
        doc = loaded[name]
        assert doc.text == text
        assert doc.sha256 == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        assert doc.doc_id == name.rsplit(".", 1)[0]

    if code:
        with pytest.raises(CorpusError, match=name):
            load_corpus(tmp_path, strict=True)
    else:
        assert len(load_corpus(tmp_path, strict=True).documents) == 2


def test_documents_sorted_and_duplicate_ids(tmp_path):
    _write(tmp_path / "c_hue.txt", "Tỉnh ủy Huế họp.")
    _write(tmp_path / "a_nghe_an.txt", "Tỉnh ủy Nghệ An họp.")
    _write(tmp_path / (unicodedata.normalize("NFD", "Hòa_bình") + ".txt"), "Bài một.")
    _write(tmp_path / (unicodedata.normalize("NFC", "Hòa_bình") + ".txt"), "Bài hai.")
    corpus = load_corpus(tmp_path)
    ids = [d.doc_id for d in corpus.documents]
    assert ids == sorted(ids)
    assert ids.count(unicodedata.normalize("NFC", "Hòa_bình")) == 1
    assert [(p.severity, p.problem) for p in corpus.problems] == [("error", "duplicate_id")]
    assert corpus["c_hue"].text == "Tỉnh ủy Huế họp."
    with pytest.raises(KeyError):
        corpus["khong_co"]


@pytest.mark.parametrize(
    ("setup", "match"),
    [
        pytest.param(lambda root: root / "khong_ton_tai", "khong_ton_tai: corpus folder not found", id="missing-folder"),
        pytest.param(lambda root: (root / "file.txt", (root / "file.txt").write_text("x"))[0], "file.txt: corpus folder not found",
                     id="path-is-a-file"),
        pytest.param(lambda root: (root / "d", (root / "d").mkdir(), (root / "d" / "x.txt").write_bytes(b""))[0],
                     "no readable .txt articles", id="no-readable-article"),
    ],
)
def test_load_corpus_errors(tmp_path, setup, match):
    with pytest.raises(CorpusError, match=match):
        load_corpus(setup(tmp_path))
