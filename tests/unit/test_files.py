"""Atomic outputs get the permissions the umask gives, not tempfile's private 0600/0700.

The suite may run as root, which reads any file whatever its mode, so these tests check the
mode bits themselves.
"""

from __future__ import annotations

import os
import stat

import pytest

from cantho_analysis import files
from cantho_analysis.files import current_umask, make_temp_dir, write_atomic
from cantho_analysis.load.sources import write_manifest
from cantho_analysis.notebook import _store


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o002, 0o077], ids=["umask-022", "umask-002", "umask-077"])
def umask(request):
    """Run the test under this umask, and restore the previous one afterwards."""
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.mark.parametrize("proc", [True, False], ids=["proc-status", "no-proc"])
def test_the_umask_is_read_without_changing_it(umask, proc, monkeypatch, tmp_path):
    if not proc:  # not Linux: read by setting and restoring it
        monkeypatch.setattr(files, "_PROC_STATUS", tmp_path / "missing")
    assert current_umask() == umask
    assert os.umask(umask) == umask  # still in force


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "replaced-file"])
def test_an_atomic_file_has_the_mode_of_a_plain_open(tmp_path, umask, existing):
    path = tmp_path / "bai.txt"
    if existing:
        path.write_bytes(b"old")
        path.chmod(0o600)
    write_atomic(path, "Thành ủy".encode())
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"x")
    assert _mode(path) == _mode(plain) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_sources_csv_has_the_mode_of_a_plain_open(tmp_path, umask):
    assert _mode(write_manifest(tmp_path, [{"doc_id": "a", "url": "https://bao.example/a"}])) == 0o666 & ~umask


def test_a_temporary_output_folder_has_the_mode_of_a_plain_mkdir(tmp_path, umask):
    folder = make_temp_dir(tmp_path, prefix=".out.tmp-")
    plain = tmp_path / "plain"
    plain.mkdir()
    assert folder.name.startswith(".out.tmp-")
    assert _mode(folder) == _mode(plain) == 0o777 & ~umask


def test_a_stored_cache_entry_has_the_mode_of_a_plain_mkdir(tmp_path, umask, seed_tables):
    entry = tmp_path / "cache" / "entry"
    _store(entry, seed_tables, {})
    assert _mode(entry) == 0o777 & ~umask
    assert {_mode(p) for p in entry.iterdir()} == {0o666 & ~umask}
