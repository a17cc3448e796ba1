"""Replace a file's contents atomically: the file is always either fully old or fully new.

The new bytes go to a temporary file in the same directory (so the rename
never crosses a file system), which is flushed, fsynced and given the
original's permission bits before ``os.replace`` swaps it in. The directory
is fsynced afterwards so the rename itself survives a power cut. A symlink is
followed: its target is rewritten and the link stays a link.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path

__all__ = ["FileChanged", "KILL_AT_ENV", "replace_file", "file_stamp"]

#: Test hook: a step name (see ``_STEPS``) at which the process SIGKILLs itself,
#: so tests can prove that an interrupted ``--fix`` leaves each file old or new.
KILL_AT_ENV = "NEWSLINT_TEST_KILL_AT"
_STEPS = ("temp-created", "temp-half-written", "temp-written", "temp-synced", "replaced")

#: Temporary files end with this, so a directory walk (``*.txt``, ``*.md``) never lints one.
TEMP_SUFFIX = ".newslint-tmp"


class FileChanged(Exception):
    """The file changed on disk after it was read; it was left alone."""


def file_stamp(path: Path) -> tuple[int, int]:
    """``(mtime_ns, size)``: what ``replace_file`` compares to detect a concurrent edit."""
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


def _maybe_die(step: str) -> None:
    if os.environ.get(KILL_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def replace_file(path: Path, data: bytes, *, expect: tuple[int, int] | None = None) -> None:
    """Atomically give ``path`` the contents ``data``, keeping its permission bits.

    Args:
        path: An existing regular file (or a symlink to one).
        data: The complete new contents.
        expect: ``file_stamp`` taken when the file was read; if the file no
            longer matches it, nothing is written and ``FileChanged`` is raised.

    Raises:
        FileChanged: the file was modified by someone else since it was read.
        OSError: the directory is not writable, the disk is full... The
            original file is untouched and no temporary file is left behind.
    """
    target = Path(os.path.realpath(path))
    st = os.stat(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        _maybe_die("temp-created")
        with os.fdopen(fd, "wb") as fh:
            half = len(data) // 2
            fh.write(data[:half])
            fh.flush()
            _maybe_die("temp-half-written")
            fh.write(data[half:])
            fh.flush()
            _maybe_die("temp-written")
            os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
            try:
                os.fchown(fh.fileno(), st.st_uid, st.st_gid)
            except PermissionError:
                pass  # not ours to give away; the mode is kept, the owner becomes us
            os.fsync(fh.fileno())
        _maybe_die("temp-synced")
        if expect is not None and file_stamp(target) != expect:
            raise FileChanged("changed on disk while newslint was fixing it; left alone")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _maybe_die("replaced")
    _fsync_directory(target.parent)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a directory; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
