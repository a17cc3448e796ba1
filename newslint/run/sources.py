"""Which files a run lints, and reading them without ever losing the run.

Directories are walked (symlinked directories are not followed, so a loop
cannot hang the walk); files named on the command line are always linted.
Every problem (a missing path, a permission error, a FIFO) becomes a
``SourceProblem`` for the report, never an exception.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.plugin.config import DEFAULT_EXCLUDE, Config

__all__ = ["BINARY_SNIFF_BYTES", "Source", "SourceProblem", "discover", "read_source"]

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


class _Globs:
    """Several ``fnmatch`` globs compiled into one regex: one match per name instead of one per glob."""

    def __init__(self, patterns: Sequence[str]) -> None:
        joined = "|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns)
        self._regex = re.compile(joined) if patterns else None

    def __call__(self, text: str) -> bool:
        return self._regex is not None and self._regex.match(os.path.normcase(text)) is not None


def _excluded(path: Path, patterns: Sequence[str] | _Globs, root: Path) -> bool:
    name = path.name
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (pathlib before 3.13)
        rel = path.as_posix()
    globs = patterns if isinstance(patterns, _Globs) else _Globs(patterns)
    return globs(name) or globs(rel)


def discover(
    paths: Sequence[str],
    config: Config,
    *,
    stdin_filename: str | None = None,
    stdin: bytes | None = None,
    config_for: Callable[[Path], Config] | None = None,
) -> Iterator[Source | SourceProblem]:
    """Yield each document once, in a stable order, and a problem for each bad path.

    Args:
        paths: Files and directories to lint; ``-`` reads ``stdin`` (or standard input).
        config: The config whose ``include``, ``exclude`` and ``respect-gitignore``
            govern the walk when ``config_for`` is not given.
        stdin_filename: The path reported for ``-``.
        stdin: The bytes of ``-`` (default: read standard input).
        config_for: The config of a directory (``newslint.plugin.resolve``): each
            walked directory then follows its own nearest config, as ruff does.
    """
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
            yield from _walk(path, config_for or (lambda _d: config), seen)
        elif _is_new(path, seen):
            yield Source(str(path), path)


def _is_new(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


class _Rules:
    """One config's walk rules: include and exclude globs, compiled once."""

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.included = _Globs(config.options["include"])
        self.excluded = _Globs(_exclusions(config))
        self.respect_gitignore = bool(config.options.get("respect-gitignore", True))
        try:
            self.real_root = os.path.realpath(self.root)
        except OSError:
            self.real_root = str(self.root)


def _walk(top: Path, config_for: Callable[[Path], Config], seen: set[str]) -> Iterator[Source | SourceProblem]:
    problems: list[SourceProblem] = []

    def on_error(exc: OSError) -> None:
        problems.append(SourceProblem(exc.filename or str(top), exc.strerror or str(exc)))

    compiled: dict[int, _Rules] = {}

    def rules_for(directory: str) -> _Rules:
        config = config_for(Path(directory))
        rules = compiled.get(id(config))
        if rules is None:
            rules = compiled[id(config)] = _Rules(config)
        return rules

    ignores: dict[str, IgnoreFiles] = {}
    for dirpath, dirnames, filenames in os.walk(top, onerror=on_error, followlinks=False):
        yield from problems
        problems.clear()
        here = Path(dirpath)
        rules = rules_for(dirpath)
        parent = ignores.get(os.path.dirname(dirpath))
        ignored = (
            (parent.child(dirpath) if parent is not None else IgnoreFiles.above(dirpath))
            if rules.respect_gitignore
            else None
        )
        if ignored is not None:
            ignores[dirpath] = ignored
            if not ignored.matchers:
                ignored = None  # nothing to match against: skip the per-name checks
        abs_dir = os.path.abspath(dirpath) if ignored is not None else dirpath
        root = rules.root
        excluded, included = rules.excluded, rules.included
        kept = []
        for d in sorted(dirnames):
            if _excluded(here / d, excluded, root):
                continue
            if ignored is not None and ignored.ignores(os.path.join(abs_dir, d), is_dir=True):
                continue
            kept.append(d)
        dirnames[:] = kept
        # Resolve the directory once; a file that is not a symlink resolves to it plus its name.
        real_here = os.path.realpath(dirpath)
        real_root = rules.real_root
        rel_here = os.path.relpath(real_here, real_root) if _is_within(real_here, real_root) else None
        for name in sorted(filenames):
            if not included(name):
                continue
            path = here / name
            full = os.path.join(dirpath, name)
            if ignored is not None and ignored.ignores(os.path.join(abs_dir, name), is_dir=False):
                continue
            if os.path.islink(full):  # rare: the slow, exact way
                if _excluded(path, excluded, root) or not _is_new(path, seen):
                    continue
                yield Source(str(path), path)
                continue
            if rel_here is None:
                rel = path.as_posix()
            else:
                rel = name if rel_here == "." else f"{Path(rel_here).as_posix()}/{name}"
            if excluded(name) or excluded(rel):
                continue
            real = os.path.join(real_here, name)
            if real in seen:
                continue
            seen.add(real)
            yield Source(str(path), path)
    yield from problems


class IgnoreFiles:
    """The ignore files in force in one directory, as git and ripgrep read them.

    Inside a git work tree: ``.git/info/exclude``, then every ``.gitignore`` from
    the work tree's top down to the directory, a deeper file overriding a
    shallower one. Anywhere: ``.ignore`` files, which override ``.gitignore`` in
    the same directory. Each file is a gitwildmatch pattern list (``pathspec``),
    negations (``!keep.txt``) included; the last matching pattern decides.
    """

    def __init__(self, matchers: tuple[tuple[str, object], ...], in_git: bool) -> None:
        self.matchers = matchers  # (base directory, pathspec.GitIgnoreSpec), outermost first
        self.in_git = in_git

    @classmethod
    def above(cls, directory: str) -> IgnoreFiles:
        """The ignore files that apply in ``directory``, its own included."""
        start = os.path.abspath(directory)
        chain = [start]
        git_top = None
        d = start
        while True:
            if os.path.exists(os.path.join(d, ".git")):
                git_top = d
                break
            up = os.path.dirname(d)
            if up == d:
                break
            d = up
            chain.append(d)
        if git_top is None:
            chain = [start]  # outside git, only the walked tree's own .ignore files count
        ignores = cls((), git_top is not None)
        if git_top is not None:
            spec = _spec(os.path.join(git_top, ".git", "info", "exclude"))
            if spec is not None:
                ignores = cls(((git_top, spec),), True)
        for d in reversed(chain[1:]):
            ignores = ignores._with(d)
        if ignores.ignores(start, is_dir=True):
            # A directory named on the command line that the files above it ignore is
            # walked anyway, as ripgrep does: only the ignore files inside it apply.
            return cls((), git_top is not None)._with(start)
        return ignores._with(start)

    def child(self, directory: str) -> IgnoreFiles:
        """The ignore files in force in ``directory``, a subdirectory of this one's."""
        return self._with(os.path.abspath(directory))

    def _with(self, directory: str) -> IgnoreFiles:
        added = []
        names = (".gitignore", ".ignore") if self.in_git else (".ignore",)
        for name in names:
            spec = _spec(os.path.join(directory, name))
            if spec is not None:
                added.append((directory, spec))
        if not added:
            return self
        return IgnoreFiles((*self.matchers, *added), self.in_git)

    def ignores(self, path: str, *, is_dir: bool) -> bool:
        """True when the innermost ignore file with a matching pattern ignores ``path`` (absolute)."""
        for base, spec in reversed(self.matchers):
            prefix = base.rstrip(os.sep) + os.sep
            if not path.startswith(prefix):
                continue
            rel = path[len(prefix) :]
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
            verdict = spec.check_file(rel + "/" if is_dir else rel).include  # type: ignore[attr-defined]
            if verdict is not None:
                return bool(verdict)
        return False


def _spec(path: str) -> object | None:
    """The patterns of an ignore file, or ``None`` when it is absent or unreadable."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


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
    """True when the leading bytes hold a NUL, which no text article has (UTF-16 aside: NL001 reports it)."""
    from newslint.model.document import utf16_without_bom

    return (
        b"\x00" in data[:BINARY_SNIFF_BYTES]
        and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        and utf16_without_bom(data, BINARY_SNIFF_BYTES) is None
    )
