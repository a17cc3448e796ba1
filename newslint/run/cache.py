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
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.model.diagnostic import Diagnostic
from newslint.model.facts import Facts

__all__ = ["CACHE_DIR_NAME", "Cache", "Stamp", "default_cache_dir", "digest", "run_key"]

CACHE_DIR_NAME = ".newslint_cache"
_LAYOUT = "v1"
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


@dataclass
class Cache:
    """Per-file results of one run key; ``open`` it, ``lookup``/``store``, then ``close``."""

    db: sqlite3.Connection
    path: Path
    _rows: dict[str, _Row | None] = field(default_factory=dict)
    _writes: list[tuple[str, int, int, bytes, bytes]] = field(default_factory=list)
    _restamps: list[tuple[int, int, str]] = field(default_factory=list)
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, directory: Path, key: str) -> Cache | None:
        """The database for ``key`` under ``directory``; ``None`` when it cannot be used."""
        try:
            root = directory / _LAYOUT
            if not root.is_dir():
                root.mkdir(parents=True, exist_ok=True)
                (directory / ".gitignore").write_text("# Created by newslint\n*\n", encoding="utf-8")
                (directory / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n# newslint's result cache\n", encoding="utf-8"
                )
            _prune(root)
            path = root / f"{key}.sqlite3"
            db = sqlite3.connect(path, timeout=5, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " digest BLOB, payload BLOB)"
            )
            return cls(db, path)
        except (OSError, sqlite3.Error):
            return None

    def prefetch(self, paths: Sequence[str]) -> None:
        """Load the rows of ``paths`` in a few queries instead of one per file."""
        wanted = [p for p in paths if p not in self._rows]
        try:
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i : i + _BATCH]
                for p in batch:
                    self._rows[p] = None
                marks = ",".join("?" * len(batch))
                query = f"SELECT path, size, mtime_ns, digest, payload FROM entries WHERE path IN ({marks})"  # noqa: S608
                for path, size, mtime_ns, dig, payload in self.db.execute(query, batch):
                    self._rows[path] = _Row(size, mtime_ns, dig, payload)
        except sqlite3.Error:
            pass

    def lookup(self, path: str, file: Path) -> tuple[list[Diagnostic], list[Facts]] | None:
        """The cached results of ``file`` if it is unchanged, else ``None`` (a miss)."""
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
        if st.st_mtime_ns != row.mtime_ns:
            try:
                data = file.read_bytes()
            except OSError:
                self.misses += 1
                return None
            if digest(data) != row.digest:
                self.misses += 1
                return None
            self._restamps.append((st.st_size, _trusted(st.st_mtime_ns), path))
        try:
            diagnostics, facts = pickle.loads(row.payload)
        except Exception:  # a payload pickled by other code: recompute it
            self.misses += 1
            return None
        self.hits += 1
        return diagnostics, facts

    def store(self, path: str, stamp: Stamp, dig: bytes, diagnostics: list[Diagnostic], facts: list[Facts]) -> None:
        """Remember a file's results; written by ``close``."""
        payload = pickle.dumps((diagnostics, facts), protocol=pickle.HIGHEST_PROTOCOL)
        self._writes.append((path, stamp[0], _trusted(stamp[1]), dig, payload))

    def close(self) -> None:
        """Write what was stored in one transaction and close the database."""
        try:
            if self._writes or self._restamps:
                with self.db:
                    self.db.execute("BEGIN")
                    self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self._writes)
                    self.db.executemany("UPDATE entries SET size = ?, mtime_ns = ? WHERE path = ?", self._restamps)
            else:
                os.utime(self.path)
        except (OSError, sqlite3.Error):
            pass
        finally:
            self._writes.clear()
            self._restamps.clear()
            self.db.close()


def _trusted(mtime_ns: int) -> int:
    """``mtime_ns``, or -1 when it is too recent to prove the file unchanged later."""
    return -1 if mtime_ns > time.time_ns() - _RACY_NS else mtime_ns


def _prune(root: Path) -> None:
    cutoff = time.time() - _UNUSED_DAYS * 86400
    for old in root.glob("*.sqlite3*"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
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
        module_file = getattr(plugin, "__file__", None) or getattr(sys.modules.get(type(plugin).__module__), "__file__", None)
        plugins.append((str(pm.get_name(plugin)), dists.get(id(plugin)), module_file, _stat_key(module_file) if module_file else None))
    feed(sorted(plugins, key=repr))
    options = ctx.options
    feed(sorted((k, _plain(v)) for k, v in options.items()))
    feed(sorted(ctx.enabled), ctx.date, ctx.corpus)
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
