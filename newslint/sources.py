"""Which files a run lints, and reading them without ever losing the run.

Directories are walked (symlinked directories are not followed, so a loop
cannot hang the walk); files named on the command line are always linted.
Every problem (a missing path, a permission error, a FIFO) becomes a
``SourceProblem`` for the report, never an exception.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.config import DEFAULT_EXCLUDE, Config

__all__ = ["Source", "SourceProblem", "discover", "read_source", "BINARY_SNIFF_BYTES"]

#: A NUL byte in this many leading bytes marks a file as binary.
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """A document to lint: a file, or standard input (``file is None``)."""

    path: str
    file: Path | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class SourceProblem:
    """A path that could not be linted. ``error`` problems make the exit code 2."""

    path: str
    message: str
    error: bool = True


def _exclusions(config: Config) -> list[str]:
    base = config.options["exclude"] or list(DEFAULT_EXCLUDE)
    return [*base, *config.options["extend-exclude"]]


def _excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    name = path.name
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        rel = path.as_posix()
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in patterns)


def discover(
    paths: Sequence[str], config: Config, *, stdin_filename: str | None = None, stdin: bytes | None = None
) -> Iterator[Source | SourceProblem]:
    """Yield each document once, in a stable order, and a problem for each bad path."""
    include = config.options["include"]
    exclude = _exclusions(config)
    seen: set[str] = set()
    for arg in paths:
        if arg == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            yield Source(stdin_filename or "-", None, data)
            continue
        path = Path(arg)
        try:
            st = path.stat()
        except FileNotFoundError:
            yield SourceProblem(arg, "no such file or directory")
            continue
        except OSError as exc:
            yield SourceProblem(arg, exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, include, exclude, config.root, seen)
        elif _is_new(path, seen):
            yield Source(str(path), path)


def _is_new(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(top: Path, include: Sequence[str], exclude: Sequence[str], root: Path, seen: set[str]) -> Iterator[Source | SourceProblem]:
    problems: list[SourceProblem] = []

    def on_error(exc: OSError) -> None:
        problems.append(SourceProblem(exc.filename or str(top), exc.strerror or str(exc)))

    for dirpath, dirnames, filenames in os.walk(top, onerror=on_error, followlinks=False):
        yield from problems
        problems.clear()
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _excluded(here / d, exclude, root))
        for name in sorted(filenames):
            path = here / name
            if not any(fnmatch.fnmatch(name, pat) for pat in include):
                continue
            if _excluded(path, exclude, root) or not _is_new(path, seen):
                continue
            yield Source(str(path), path)
    yield from problems


def read_source(source: Source, max_size: int) -> bytes | SourceProblem:
    """The bytes of ``source``, or the problem that prevented reading them."""
    if source.data is not None:
        return source.data
    assert source.file is not None
    try:
        st = source.file.stat()
        if not stat.S_ISREG(st.st_mode):
            return SourceProblem(source.path, "not a regular file (a FIFO, socket or device); skipped")
        if st.st_size > max_size:
            return SourceProblem(
                source.path, f"file too large: {st.st_size} bytes, over max-file-size ({max_size}); skipped"
            )
        with source.file.open("rb") as fh:
            return fh.read(max_size + 1)
    except FileNotFoundError:
        return SourceProblem(source.path, "vanished before it could be read")
    except IsADirectoryError:
        return SourceProblem(source.path, "is a directory")
    except OSError as exc:
        return SourceProblem(source.path, f"cannot read: {exc.strerror or exc}")


def is_binary(data: bytes) -> bool:
    """True when the leading bytes hold a NUL, which no text article has."""
    return b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
