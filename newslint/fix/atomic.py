"""Replace a file's contents atomically: the file is always either fully old or fully new.

The new bytes go to a temporary file in the same directory (so the rename
never crosses a file system), which is flushed, fsynced and given the
original's permission bits before ``os.replace`` swaps it in. The directory
is fsynced afterwards so the rename itself survives a power cut. A symlink is
followed: its target is rewritten and the link stays a link, unless the target
lies outside the linted tree.

Nothing is written when writing would do harm; ``NotFixed`` says why:

- the file changed after it was read (its stamp or its bytes differ: ``FileChanged``);
- it is a symlink that leaves the tree (``tree``);
- it is read-only (no write bit, or not writable by us);
- it has other hard links, which a rename would silently detach;
- its owner or group cannot be kept (another user's file, a group we are not in).

Temporary files left by a killed run (``.NAME.XXXX.newslint-tmp``) are removed
the next time that file is fixed, once they are ``STALE_TEMP_SECONDS`` old.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["KILL_AT_ENV", "STALE_TEMP_SECONDS", "FileChanged", "NotFixed", "file_stamp", "replace_file"]

#: Test hook: a step name (see ``_STEPS``) at which the process SIGKILLs itself,
#: so tests can prove that an interrupted ``--fix`` leaves each file old or new.
KILL_AT_ENV = "NEWSLINT_TEST_KILL_AT"
_STEPS = ("temp-created", "temp-half-written", "temp-written", "temp-synced", "replaced")

#: Temporary files end with this, so a directory walk (``*.txt``, ``*.md``) never lints one.
TEMP_SUFFIX = ".newslint-tmp"


#: A temporary file this old was left by a killed run (a live run writes its own in milliseconds).
STALE_TEMP_SECONDS = 600


class NotFixed(Exception):
    """Writing the fix would lose or break something; the file was left alone."""


class FileChanged(NotFixed):
    """The file changed on disk after it was read; it was left alone."""


def file_stamp(path: Path) -> tuple[int, int]:
    """``(mtime_ns, size)``: what ``replace_file`` compares to detect a concurrent edit."""
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


def _maybe_die(step: str) -> None:
    if os.environ.get(KILL_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def replace_file(
    path: Path,
    data: bytes,
    *,
    expect: tuple[int, int] | None = None,
    original: bytes | None = None,
    tree: Sequence[Path] | None = None,
) -> None:
    """Atomically give ``path`` the contents ``data``, keeping its owner, group and permission bits.

    Args:
        path: An existing regular file (or a symlink to one).
        data: The complete new contents.
        expect: ``file_stamp`` taken when the file was read; if the file no
            longer matches it, nothing is written and ``FileChanged`` is raised.
        original: The bytes the fix was computed from; if the file's bytes
            differ just before the replace, ``FileChanged`` is raised.
        tree: The directories the run may write in; a symlink whose target
            lies outside all of them is not followed (``NotFixed``).

    Raises:
        FileChanged: the file was modified by someone else since it was read.
        NotFixed: the file is read-only, hard-linked, another user's, or a
            symlink out of the tree.
        OSError: the directory is not writable, the disk is full... The
            original file is untouched and no temporary file is left behind.
    """
    target = Path(os.path.realpath(path))
    if tree is not None and os.path.islink(path) and not any(_within(target, root) for root in tree):
        raise NotFixed(f"is a symlink to {target}, outside the linted tree; not fixed")
    st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        raise NotFixed("not a regular file; not fixed")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise NotFixed(f"is read-only (mode {stat.S_IMODE(st.st_mode):04o}); not fixed")
    if st.st_nlink > 1:
        raise NotFixed(f"has {st.st_nlink} hard links, which replacing it would break; not fixed")
    _remove_stale_temps(target)
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
            try:
                os.fchown(fh.fileno(), st.st_uid, st.st_gid)
            except PermissionError:
                pass  # checked below: the file would change hands
            os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits
            now = os.fstat(fh.fileno())
            if (now.st_uid, now.st_gid) != (st.st_uid, st.st_gid):
                raise NotFixed(
                    f"belongs to uid {st.st_uid} gid {st.st_gid}, which a rewrite by uid {os.geteuid()} "
                    "could not keep; not fixed"
                )
            os.fsync(fh.fileno())
        _maybe_die("temp-synced")
        _check_unchanged(target, st, expect, original)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _maybe_die("replaced")
    _fsync_directory(target.parent)


def _within(path: Path, root: Path) -> bool:
    real_root = os.path.realpath(root)
    return os.path.commonpath([str(path), real_root]) == real_root


def _check_unchanged(target: Path, st: os.stat_result, expect: tuple[int, int] | None, original: bytes | None) -> None:
    """Raise ``FileChanged`` unless ``target`` is still the file, with the bytes, that were read."""
    if expect is None and original is None:
        return
    changed = FileChanged("changed on disk while newslint was fixing it; left alone")
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        raise changed from None
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise changed
        if expect is not None and (now.st_mtime_ns, now.st_size) != expect:
            raise changed
        if original is not None:
            if now.st_size != len(original):
                raise changed
            digest = hashlib.sha256()
            while chunk := os.read(fd, 1 << 20):
                digest.update(chunk)
            if digest.digest() != hashlib.sha256(original).digest():
                raise changed
    finally:
        os.close(fd)


def _remove_stale_temps(target: Path) -> None:
    """Delete this file's temporary files that a killed run left behind."""
    prefix = f".{target.name}."
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        leftover = target.parent / name
        try:
            lst = os.lstat(leftover)
            if stat.S_ISREG(lst.st_mode) and lst.st_uid == os.geteuid() and lst.st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


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
