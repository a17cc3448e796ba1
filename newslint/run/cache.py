"""The result cache: a file's diagnostics and corpus facts, kept until the file or the run changes.

One SQLite database per *run key* lives under ``.newslint_cache/`` (beside the
config file, else in the working directory) or ``--cache-dir``. The run key
hashes everything that can change a result besides the file itself: the
newslint version and source files, every plugin's name and version (or its
module file), the resolved options, the selected codes, the date, corpus
scope, and the contents of packs and word lists. A changed config therefore
opens a different database instead of serving stale results.

Inside a database, each file is looked up by path. Its ``(size, mtime_ns)``
stamp decides a hit without reading the file; when the stamp differs (a
``git checkout`` touches every file) the content's BLAKE2 digest decides, and
a hit refreshes the stamp. A stamp taken less than two seconds before it was
stored is not trusted (an edit in the same clock tick keeps size and mtime),
so such a file is verified by digest next time. The cache is best effort:
any error reading or writing it turns it off for the run, never fails it.

The cache may be planted (committed to a repository), so nothing in it is
trusted: payloads are data (``newslint.safecache``, never pickles), each entry
carries a MAC keyed by a per-user secret kept outside the repository (an entry
that fails it, or fails to decode to diagnostics and facts, is recomputed and
rewritten), the database must hold exactly our table, and no symlink in the
cache is followed: a symlinked cache directory is refused with a warning, and a
symlinked ``v2/``, database or journal is removed, never written through.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.model.diagnostic import Diagnostic
from newslint.model.facts import Facts
from newslint.safecache import CacheFormatError, decode, encode, seal, user_key

__all__ = ["CACHE_DIR_NAME", "Cache", "CacheRefused", "Stamp", "default_cache_dir", "digest", "run_key"]

CACHE_DIR_NAME = ".newslint_cache"
_LAYOUT = "v2"  # v1 stored pickles; its databases are never read
_RACY_NS = 2_000_000_000  # a stamp this recent when stored is verified by digest next time
_UNUSED_DAYS = 30  # databases of other run keys untouched this long are deleted
_BATCH = 500  # paths per SELECT

#: ``(size, mtime_ns)`` of a file, taken before it was read.
Stamp = tuple[int, int]


def digest(data: bytes) -> bytes:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=16).digest()


def default_cache_dir(config_path: Path | None) -> Path:
    """``.newslint_cache`` beside the config file, else in the working directory."""
    return (config_path.parent if config_path else Path.cwd()) / CACHE_DIR_NAME


@dataclass
class _Row:
    size: int
    mtime_ns: int
    digest: bytes
    payload: bytes
    mac: bytes


class CacheRefused(Exception):
    """The cache directory is unsafe to use (a symlink); the message is one line for the user."""


_TABLE = (
    "CREATE TABLE entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest BLOB, payload BLOB, mac BLOB)"
)
_SCHEMA = {("table", "entries", _TABLE), ("index", "sqlite_autoindex_entries_1", None)}
_DB_FILES = ("", "-wal", "-shm", "-journal")
_OPEN_DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


@dataclass
class Cache:
    """Per-file results of one run key; ``open`` it, ``lookup``/``store``, then ``close``."""

    db: sqlite3.Connection
    path: Path
    key: str = ""
    secret: bytes = b""
    _rows: dict[str, _Row | None] = field(default_factory=dict)
    _writes: list[tuple[str, int, int, bytes, bytes, bytes]] = field(default_factory=list)
    _restamps: list[tuple[int, int, str]] = field(default_factory=list)
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, directory: Path, key: str) -> Cache | None:
        """The database for ``key`` under ``directory``; ``None`` when it cannot be used.

        Raises:
            CacheRefused: ``directory`` is a symlink (a cache planted in a
                repository could point it at files to overwrite or delete).
        """
        secret = user_key()
        if secret is None:
            return None
        try:
            dir_fd = _open_cache_dir(directory)
            try:
                layout_fd = _open_layout(dir_fd)
            finally:
                os.close(dir_fd)
            try:
                _prune(layout_fd)
                name = f"{key}.sqlite3"
                _clear_odd_files(layout_fd, name)
                path = directory / _LAYOUT / name
                db = _connect(path)
                if db is None:  # not our schema: start afresh, once
                    for suffix in _DB_FILES:
                        _unlink(layout_fd, name + suffix)
                    db = _connect(path)
                if db is None:
                    return None
            finally:
                os.close(layout_fd)
            return cls(db, path, key, secret)
        except (OSError, sqlite3.Error, NotImplementedError):  # NotImplementedError: no dir_fd here
            return None

    def prefetch(self, paths: Sequence[str]) -> None:
        """Load the rows of ``paths`` in a few queries instead of one per file."""
        wanted = [p for p in paths if p not in self._rows]
        for p in [p for p in wanted if not _storable(p)]:  # a non-UTF-8 name: never cached
            self._rows[p] = None
        wanted = [p for p in wanted if p not in self._rows]
        try:
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i : i + _BATCH]
                for p in batch:
                    self._rows[p] = None
                marks = ",".join("?" * len(batch))
                query = f"SELECT path, size, mtime_ns, digest, payload, mac FROM entries WHERE path IN ({marks})"
                for path, size, mtime_ns, dig, payload, mac in self.db.execute(query, batch):
                    if (type(size), type(mtime_ns), type(dig), type(payload), type(mac)) == _ROW_TYPES:
                        self._rows[path] = _Row(size, mtime_ns, dig, payload, mac)
        except sqlite3.Error:
            pass

    def lookup(self, path: str, file: Path) -> tuple[list[Diagnostic], list[Facts]] | None:
        """The cached results of ``file`` if it is unchanged and the entry is ours, else ``None`` (a miss)."""
        if path not in self._rows:
            self.prefetch([path])
        row = self._rows.get(path)
        if row is None:
            self.misses += 1
            return None
        try:
            st = os.stat(file)
        except OSError:
            self.misses += 1
            return None
        if st.st_size != row.size:
            self.misses += 1
            return None
        restamp = None
        if st.st_mtime_ns != row.mtime_ns:
            try:
                data = file.read_bytes()
            except OSError:
                self.misses += 1
                return None
            if digest(data) != row.digest:
                self.misses += 1
                return None
            restamp = (st.st_size, _trusted(st.st_mtime_ns), path)
        results = self._open_payload(path, row)
        if results is None:  # planted, copied from elsewhere, or written by other code: recompute
            self.misses += 1
            return None
        if restamp is not None:
            self._restamps.append(restamp)
        self.hits += 1
        return results

    def _open_payload(self, path: str, row: _Row) -> tuple[list[Diagnostic], list[Facts]] | None:
        """The entry's results if its MAC verifies and it decodes to the right shape."""
        expected = seal(self.secret, self.key.encode(), path.encode("utf-8", "surrogatepass"), row.digest, row.payload)
        if not hmac.compare_digest(expected, row.mac):
            return None
        try:
            value = decode(row.payload)
        except CacheFormatError:
            return None
        if type(value) is not tuple or len(value) != 2:
            return None
        diagnostics, facts = value
        if type(diagnostics) is not list or not all(type(d) is Diagnostic for d in diagnostics):
            return None
        if type(facts) is not list or not all(isinstance(f, Facts) for f in facts):
            return None
        return diagnostics, facts

    def store(self, path: str, stamp: Stamp, dig: bytes, diagnostics: list[Diagnostic], facts: list[Facts]) -> None:
        """Remember a file's results; written by ``close``. Results the cache cannot hold as data
        (a plugin's facts that are not plain data) are not stored, nor files whose names are not UTF-8."""
        if not _storable(path):
            return
        try:
            payload = encode((list(diagnostics), list(facts)))
        except CacheFormatError:
            return
        mac = seal(self.secret, self.key.encode(), path.encode("utf-8", "surrogatepass"), dig, payload)
        self._writes.append((path, stamp[0], _trusted(stamp[1]), dig, payload, mac))

    def close(self) -> None:
        """Write what was stored in one transaction and close the database."""
        try:
            if self._writes or self._restamps:
                with self.db:
                    self.db.execute("BEGIN")
                    self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?)", self._writes)
                    self.db.executemany("UPDATE entries SET size = ?, mtime_ns = ? WHERE path = ?", self._restamps)
            else:
                os.utime(self.path, follow_symlinks=False)
        except (OSError, sqlite3.Error, NotImplementedError):
            pass
        finally:
            self._writes.clear()
            self._restamps.clear()
            self.db.close()


_ROW_TYPES = (int, int, bytes, bytes, bytes)


def _trusted(mtime_ns: int) -> int:
    """``mtime_ns``, or -1 when it is too recent to prove the file unchanged later."""
    return -1 if mtime_ns > time.time_ns() - _RACY_NS else mtime_ns


def _open_cache_dir(directory: Path) -> int:
    """A descriptor of ``directory``, created if missing; never through a symlink."""
    try:
        st = os.lstat(directory)
    except FileNotFoundError:
        directory.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(directory, 0o755)
        except FileExistsError:
            pass
        st = os.lstat(directory)
    if stat.S_ISLNK(st.st_mode):
        raise CacheRefused(
            f"cache directory {directory} is a symlink; running without the cache (delete it, or pass --cache-dir)"
        )
    return os.open(directory, _OPEN_DIR)


def _open_layout(dir_fd: int) -> int:
    """A descriptor of ``<cache>/v2``, made (with ``.gitignore`` and ``CACHEDIR.TAG``) if missing.

    A ``v2`` that is a symlink is removed and made afresh, so the prune never
    deletes files elsewhere. The marker files are created only where nothing
    is: an existing file or symlink of that name is left alone, never written through.
    """
    try:
        st = os.lstat(_LAYOUT, dir_fd=dir_fd)
        if stat.S_ISLNK(st.st_mode):
            os.unlink(_LAYOUT, dir_fd=dir_fd)
            raise FileNotFoundError(_LAYOUT)
    except FileNotFoundError:
        os.mkdir(_LAYOUT, 0o755, dir_fd=dir_fd)
        _create(dir_fd, ".gitignore", "# Created by newslint\n*\n")
        _create(dir_fd, "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# newslint's result cache\n")
    return os.open(_LAYOUT, _OPEN_DIR, dir_fd=dir_fd)


def _create(dir_fd: int, name: str, text: str) -> None:
    try:
        fd = os.open(name, _CREATE, 0o644, dir_fd=dir_fd)
    except OSError:  # already there (a file, or a symlink we must not follow)
        return
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def _unlink(dir_fd: int, name: str) -> None:
    try:
        os.unlink(name, dir_fd=dir_fd)
    except FileNotFoundError:
        pass


def _clear_odd_files(layout_fd: int, name: str) -> None:
    """Remove a symlink, hard link or non-file in place of the database or its journals:
    SQLite follows links, and would write wherever they lead."""
    for suffix in _DB_FILES:
        try:
            st = os.lstat(name + suffix, dir_fd=layout_fd)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
            os.unlink(name + suffix, dir_fd=layout_fd)


def _storable(path: str) -> bool:
    """Whether SQLite can hold ``path`` as text: a name with bytes that were not UTF-8 cannot."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _connect(path: Path) -> sqlite3.Connection | None:
    """The database at ``path`` with our table, or ``None`` when it holds anything else
    (a planted database could carry triggers or views)."""
    db = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        db.execute("PRAGMA trusted_schema=OFF")
        schema = set(db.execute("SELECT type, name, sql FROM sqlite_master"))
        if not schema:
            db.execute("PRAGMA journal_mode=WAL")
            try:
                db.execute(_TABLE)
            except sqlite3.OperationalError:  # another process created it meanwhile
                pass
            schema = set(db.execute("SELECT type, name, sql FROM sqlite_master"))
        if schema != _SCHEMA:
            db.close()
            return None
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db
    except sqlite3.Error:
        db.close()
        return None


def _prune(layout_fd: int) -> None:
    """Delete databases unused for ``_UNUSED_DAYS``: regular files in the cache only, never a link's target."""
    cutoff = time.time() - _UNUSED_DAYS * 86400
    with os.scandir(layout_fd) as entries:
        for entry in entries:
            if ".sqlite3" not in entry.name:
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                    os.unlink(entry.name, dir_fd=layout_fd)
            except OSError:
                pass


def run_key(engine: object, extra: Iterable[object] = ()) -> str:
    """Hash everything besides a file's bytes that can change its results.

    Args:
        engine: The run's ``Engine``.
        extra: More values that change results (none for the CLI).
    """
    from newslint import __version__

    pm = engine.pm  # type: ignore[attr-defined]
    ctx = engine.ctx  # type: ignore[attr-defined]
    h = hashlib.blake2b(digest_size=12)

    def feed(*values: object) -> None:
        for value in values:
            h.update(repr(value).encode("utf-8", "surrogatepass"))
            h.update(b"\x00")

    feed(_LAYOUT, __version__, sys.version_info[:2])
    # newslint's own code: a source checkout changes without a version bump.
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        feed(source.relative_to(package).as_posix(), _stat_key(source))
    dists = {id(plugin): (dist.project_name, dist.version) for plugin, dist in pm.list_plugin_distinfo()}
    plugins = []
    for plugin in pm.get_plugins():  # a set: sort for a stable key
        module_file = getattr(plugin, "__file__", None) or getattr(
            sys.modules.get(type(plugin).__module__), "__file__", None
        )
        plugins.append(
            (
                str(pm.get_name(plugin)),
                dists.get(id(plugin)),
                module_file,
                _stat_key(module_file) if module_file else None,
            )
        )
    feed(sorted(plugins, key=repr))
    options = ctx.options
    feed(sorted((k, _plain(v)) for k, v in options.items()))
    feed(sorted(ctx.enabled), ctx.date, ctx.corpus, getattr(engine, "document_rules", True))
    # Data files: bundled packs by stamp, the newsroom's files by content.
    bundled = ctx.packs._bundled() if hasattr(ctx.packs, "_bundled") else None
    if bundled is not None and bundled.is_dir():
        for data in sorted(bundled.rglob("*")):
            if data.is_file():
                feed(data.relative_to(bundled).as_posix(), _stat_key(data))
    for value in _file_values(options):
        path = ctx.config.resolve_path(value)
        try:  # not a file (a glob), unreadable, or beyond a directory we may not search
            feed(value, digest(path.read_bytes()) if path.is_file() else None)
        except OSError:
            feed(value, None)
    feed(*extra)
    return h.hexdigest()


def _stat_key(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return sorted((str(k), _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _file_values(options: dict) -> list[str]:  # type: ignore[type-arg]
    """Option values that may name files (packs, word lists, a plugin's data file)."""
    out: list[str] = []
    for value in options.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str) and ("/" in item or "." in item) and len(item) < 4096:
                out.append(item)
    return out
