"""Files and folders the package writes: atomically, and with the permissions the umask gives.

An output is built under a temporary name and renamed into place, so an interruption leaves the
old output or the new one, never half of one.  ``tempfile`` creates those temporary files with
mode 0600 and folders with 0700 (right for secrets, wrong for outputs): once renamed, a corpus, a
``sources.csv`` or a report would stay private to its owner although ``open``/``mkdir`` would
have made them readable.  These helpers give them the mode a plain ``open``/``mkdir`` would give
(0644 and 0755 under the usual umask 022).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_PROC_STATUS = Path("/proc/self/status")


def current_umask() -> int:
    """The process's umask.

    Linux states it in ``/proc/self/status``, which reads it without changing it.  Elsewhere it
    can only be read by setting another and restoring it; the one set meanwhile is 0o077, so a
    file another thread creates in that instant is private rather than open to everyone.

    >>> old = os.umask(0o027); (current_umask() == 0o027, os.umask(old) == 0o027)
    (True, True)
    """
    try:
        for line in _PROC_STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    previous = os.umask(0o077)
    os.umask(previous)
    return previous


def file_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file: 0o666 less the umask."""
    return 0o666 & ~current_umask()


def dir_mode() -> int:
    """The mode ``mkdir`` gives a new folder: 0o777 less the umask."""
    return 0o777 & ~current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder and ``os.replace``,
    so that an interruption leaves either the old file or the new one, never half of one.  The
    file gets the mode the umask gives (:func:`file_mode`), not ``mkstemp``'s 0600.

    >>> import pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomic(p, "Tỉnh ủy".encode()); p.read_text(encoding="utf-8")
    'Tỉnh ủy'
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_temp_dir(parent: Path, prefix: str) -> Path:
    """A new empty folder in *parent*, named ``<prefix><random>``, to be filled and then renamed
    into place; it has the mode the umask gives (:func:`dir_mode`), not ``mkdtemp``'s 0700.

    >>> import stat
    >>> old = os.umask(0o022)
    >>> oct(stat.S_IMODE(make_temp_dir(Path(tempfile.mkdtemp()), ".tmp-").stat().st_mode)); _ = os.umask(old)
    '0o755'
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        folder.chmod(dir_mode())
    except BaseException:
        folder.rmdir()
        raise
    return folder
