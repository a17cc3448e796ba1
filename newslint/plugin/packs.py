"""Rule packs: the TOML data behind rules, bundled in ``rules/`` or the newsroom's own.

A pack is a TOML file with a ``[pack]`` header naming its ``kind`` (the bundled
file it extends: ``names`` extends ``rules/names.toml``) and its ``schema``
version. A rule plugin asks for every pack of a kind, bundled first and user
packs after in config order, and parses them with its own validator, so a
later pack can override an earlier entry. Errors name the file, the key path
and the reason.

What a module-level parse function returns is also kept on disk, as data
(``newslint.safecache``: never a pickle) sealed with the user's cache key,
under the user cache directory (``cache_dir()``), so later runs, worker
processes and the language server skip reading TOML, validating and
ReDoS-checking patterns. An entry is keyed by newslint's version and the
stamps of its source files, the Python version, the parse function (module,
qualified name and its module file's stamp) and the content of every pack
file that could be of that kind (bundled and user); any change means a new
key, so nothing stale is read. Compiled regexes are kept as their pattern and
are recompiled on load. A cache that cannot be read or written is ignored, and
so is an entry that is a symlink, another user owns or may write, fails its
MAC or does not decode; it is parsed again and rewritten.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sys
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newslint.plugin.config import read_regular, read_toml
from newslint.safecache import CacheFormatError, decode, encode, open_private, seal, user_key

__all__ = [
    "PackError",
    "PackSource",
    "PackUse",
    "Packs",
    "bundled_rules_dir",
    "cache_dir",
    "check_keys",
    "check_pattern",
    "field_of",
    "tables_of",
    "write_cache_file",
]

T = TypeVar("T")


@dataclass(frozen=True)
class PackUse:
    """A kind of pack a plugin reads, declared by its ``newslint_packs`` hook.

    The engine loads it (``Packs.load(kind, parse)``) once per run, before
    ``newslint_configure``, when the plugin runs and any of ``rules`` is
    enabled; hooks then read the parsed value as ``ctx.packs[kind]``.

    Args:
        kind: The pack kind (``names`` reads ``rules/names.toml`` and the
            newsroom's packs of kind ``names``).
        parse: Validates and merges the packs of that kind; a module-level
            function, so its result can be cached on disk.
        rules: The codes (or ``Rule``s) that need it; empty means any rule of
            the plugin.
    """

    kind: str
    parse: Callable[[list[PackSource]], Any]
    rules: Sequence[Any] = ()

    def codes(self) -> tuple[str, ...]:
        """``rules`` as codes."""
        return tuple(r if isinstance(r, str) else r.code for r in self.rules)


class PackError(Exception):
    """A pack failed validation; the message is ``file: key.path: reason``."""

    def __init__(self, source: Path | str, key_path: str, reason: str) -> None:
        super().__init__(f"{source}: {key_path}: {reason}" if key_path else f"{source}: {reason}")


@dataclass(frozen=True)
class PackSource:
    """One parsed pack file."""

    path: Path
    data: dict[str, Any]
    bundled: bool

    @property
    def kind(self) -> str:
        header = self.data.get("pack", {})
        return str(header.get("kind") or self.path.stem)

    @property
    def schema(self) -> int:
        return int(self.data.get("pack", {}).get("schema", 1))


def bundled_rules_dir() -> Path:
    """Where the bundled packs are: inside the wheel, or at the source tree's top."""
    here = Path(__file__).resolve().parents[1]  # the newslint package
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"newslint's bundled rules/ directory is missing (looked beside {here})")


_TYPE_WORDS = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    float: "a number",
}


def field_of(
    source: PackSource | Path | str,
    table: dict[str, Any],
    key: str,
    expected: type | tuple[type, ...],
    where: str,
    *,
    required: bool = True,
    default: Any = None,
) -> Any:
    """Read ``table[key]`` and check its type, raising ``PackError`` with the key path.

    Args:
        source: The pack (or its path) named in errors.
        table: The TOML table holding the key.
        key: The key to read.
        expected: Allowed Python type(s); ``bool`` is never taken for ``int``.
        where: Key path of ``table`` ("term[3]"), prefixed to ``key`` in errors.
        required: Whether a missing key is an error.
        default: The value when the key is absent and not required.
    """
    path = source.path if isinstance(source, PackSource) else source
    dotted = f"{where}.{key}" if where else key
    if key not in table:
        if required:
            raise PackError(path, dotted, "missing required key")
        return default
    value = table[key]
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        words = " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in types)
        raise PackError(path, dotted, f"expected {words}, got {value!r}")
    return value


def check_keys(
    source: PackSource | Path | str, table: dict[str, Any], allowed: Collection[str], where: str = ""
) -> None:
    """Reject a key of ``table`` not in ``allowed``: a misspelt key must not be silently ignored."""
    unknown = sorted(k for k in table if k not in allowed)
    if unknown:
        path = source.path if isinstance(source, PackSource) else source
        dotted = f"{where}.{unknown[0]}" if where else unknown[0]
        raise PackError(path, dotted, f"unknown key; expected one of {', '.join(sorted(allowed))}")


def tables_of(source: PackSource, key: str) -> list[dict[str, Any]]:
    """The ``[[key]]`` array of tables of a pack (``[]`` when absent); anything else is a ``PackError``."""
    value = field_of(source, source.data, key, list, "", required=False, default=[])
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise PackError(source.path, f"{key}[{i}]", f"expected a table ([[{key}]]), got {entry!r}")
    return value  # type: ignore[no-any-return]


#: What a ``[pack]`` header may hold; a pack is data, so there is nothing to run or import.
PACK_HEADER_KEYS = ("kind", "schema", "checked")
#: The pack schema this newslint reads.
PACK_SCHEMA = 1

#: Longest pattern a pack may hold, in characters.
MAX_PATTERN_LENGTH = 2000
#: The inline flags a pack pattern may be compiled with (``re`` flag to RE2 inline flag).
_RE2_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}


# Python's str patterns give \\w, \\d and \\s their Unicode meaning; RE2's are ASCII. Packs
# are written for Python ("By José Martínez" must match [\\w.-]+), so the three are
# rewritten to Unicode classes before RE2 sees them (\\b stays ASCII in RE2).
_UNICODE_CLASSES = {"w": "\\pL\\pN_", "d": "\\p{Nd}", "s": "\\s\\p{Z}\\x1c-\\x1f\\x85"}
_NEGATED_CLASSES = {"W": "w", "D": "d", "S": "s"}


def python_classes(pattern: str) -> str:
    """``pattern`` with ``\\w``, ``\\d``, ``\\s`` (and ``\\W``, ``\\D``, ``\\S`` outside brackets) as Unicode classes.

    ``\\W``, ``\\D`` and ``\\S`` inside brackets (``[^\\W\\d]``) stay ASCII: RE2 cannot
    put the complement of a union inside a class.
    """
    if "\\" not in pattern:
        return pattern
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt in _UNICODE_CLASSES:
                body = _UNICODE_CLASSES[nxt]
                out.append(body if in_class else f"[{body}]")
            elif nxt in _NEGATED_CLASSES and not in_class:
                out.append(f"[^{_UNICODE_CLASSES[_NEGATED_CLASSES[nxt]]}]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            i += 1
            if pattern[i : i + 1] == "^":
                out.append("^")
                i += 1
            if pattern[i : i + 1] == "]":  # a leading "]" is a literal
                out.append("]")
                i += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def re2_options() -> Any:
    """RE2's default options, except that a pattern error is an exception only (RE2 also logs it to stderr)."""
    import re2  # type: ignore[import-untyped]

    options = re2.Options()
    options.log_errors = False
    return options


def check_pattern(source: PackSource | Path | str, where: str, pattern: str, flags: int = 0) -> Any:
    """Compile a regular expression from a pack on RE2, whose matching time is linear in the text.

    A pack is untrusted input, so its patterns never run on Python's
    backtracking ``re``: RE2 (``google-re2``) guarantees linear time for any
    pattern, so no pattern can hang a run on a long line (``(a+)+$``,
    ``.*.*.*=$`` and the like are harmless). RE2 has no look-arounds and no
    back-references; a pattern using them is rejected with a ``PackError``
    naming the key path, as are syntax errors, named groups (the rule names
    its own) and patterns over ``MAX_PATTERN_LENGTH`` characters.

    Args:
        flags: ``re.IGNORECASE``, ``re.MULTILINE`` and ``re.DOTALL`` are honoured.

    Returns:
        A compiled RE2 pattern (``search``, ``match``, ``finditer``, ``sub``... as in ``re``).
    """
    import re2  # type: ignore[import-untyped]  # google-re2

    path = source.path if isinstance(source, PackSource) else source
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PackError(path, where, f"pattern is {len(pattern)} characters long; the limit is {MAX_PATTERN_LENGTH}")
    if "(?P<" in pattern or "(?P=" in pattern or "(?<" in pattern.replace("(?<=", "").replace("(?<!", ""):
        raise PackError(path, where, f"{pattern!r} uses a named group; use (?:...) instead")
    unknown = flags & ~sum(_RE2_FLAGS)
    if unknown:  # a rule's mistake, not the pack's
        raise ValueError(f"check_pattern: unsupported flags {unknown:#x}")
    inline = "".join(letter for flag, letter in _RE2_FLAGS.items() if flags & flag)
    try:
        body = python_classes(pattern)
        return re2.compile(f"(?{inline}){body}" if inline else body, re2_options())
    except re2.error as exc:
        if any(token in pattern for token in ("(?=", "(?!", "(?<=", "(?<!")):
            reason = "uses a look-around, which the linear-time engine (RE2) does not support"
        elif re.search(r"\\[1-9]", pattern):
            reason = "uses a back-reference, which packs may not use"
        else:
            detail = exc.args[0] if exc.args else exc
            reason = f"is not a valid regular expression: {detail.decode('utf-8', 'replace') if isinstance(detail, bytes) else detail}"
        raise PackError(path, where, f"{pattern!r} {reason}") from None


@dataclass
class Packs:
    """Every pack of a run, loaded lazily by kind and parsed once.

    Args:
        user_packs: The newsroom's own pack files, in config order.
        bundled_dir: Where bundled packs live (tests may point elsewhere).
    """

    user_packs: Sequence[Path] = ()
    bundled_dir: Path | None = None
    _parsed: dict[str, Any] = field(default_factory=dict, repr=False)
    _user_sources: list[PackSource] | None = field(default=None, repr=False)

    def _bundled(self) -> Path:
        return self.bundled_dir or bundled_rules_dir()

    def bundled_files(self, kind: str) -> list[Path]:
        """The bundled packs of ``kind``: ``rules/KIND.toml``, then ``rules/KIND/*.toml`` by name."""
        base = self._bundled()
        folder = base / kind
        extra = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        return [p for p in (base / f"{kind}.toml", *extra) if p.is_file()]

    def sources(self, kind: str) -> list[PackSource]:
        """The bundled packs of ``kind`` (if any), then the user packs of that kind."""
        out = [_read(path, bundled=True) for path in self.bundled_files(kind)]
        out.extend(src for src in self._users() if src.kind == kind)
        return out

    def _users(self) -> list[PackSource]:
        if self._user_sources is None:
            self._user_sources = [_read(Path(p), bundled=False) for p in self.user_packs]
        return self._user_sources

    def bundled_file(self, name: str) -> Path:
        """Path of a bundled non-TOML data file, such as ``words.txt``."""
        return self._bundled() / name

    def __getitem__(self, kind: str) -> Any:
        """The parsed packs of ``kind``, loaded by the engine from a ``PackUse`` (or by ``load``)."""
        try:
            return self._parsed[kind]
        except KeyError:
            raise KeyError(
                f"packs of kind {kind!r} are not loaded; declare them with the newslint_packs hook"
            ) from None

    def load(self, kind: str, parse: Callable[[list[PackSource]], T]) -> T:
        """Parse all packs of ``kind`` with ``parse`` once per run and cache the result.

        The result of a module-level ``parse`` is also read from (or written
        to) the on-disk pack cache; a closure or other object is always called,
        since what it captures is not part of the key.
        """
        if kind not in self._parsed:
            self._parsed[kind] = self._load_or_parse(kind, parse)
        return self._parsed[kind]  # type: ignore[no-any-return]

    def _load_or_parse(self, kind: str, parse: Callable[[list[PackSource]], T]) -> T:
        path = self._cache_path(kind, parse)
        if path is None:
            return parse(self.sources(kind))
        secret = user_key()
        if secret is None:
            return parse(self.sources(kind))
        fd = open_private(path)  # this user's own regular file, never through a symlink
        if fd is not None:
            try:
                with os.fdopen(fd, "rb") as fh:
                    data = fh.read()
                mac, payload = data[:_MAC_BYTES], data[_MAC_BYTES:]
                if hmac.compare_digest(mac, seal(secret, b"pack", path.name.encode(), payload)):
                    return _decoded(path.name, mac, payload)  # type: ignore[no-any-return]
            except (OSError, CacheFormatError):
                pass  # unreadable, truncated, corrupt or written by other code: parse instead
        value = parse(self.sources(kind))
        try:
            payload = encode(value)
        except CacheFormatError:  # a parse result that is not plain data: run without the cache
            return value
        write_cache_file(path, seal(secret, b"pack", path.name.encode(), payload) + payload)
        return value

    def _cache_path(self, kind: str, parse: Callable[..., Any]) -> Path | None:
        """Where the parsed packs of ``kind`` are cached, or ``None`` if ``parse`` cannot be keyed."""
        module_name = getattr(parse, "__module__", None)
        qualname = getattr(parse, "__qualname__", None)
        module = sys.modules.get(module_name or "")
        if not isinstance(qualname, str) or "<" in qualname or module is None:
            return None  # a lambda, closure or partial: what it captures is not in the key
        target: Any = module
        for part in qualname.split("."):
            target = getattr(target, part, None)
        if target is not parse:  # a bound method or a replaced name: its state is not in the key
            return None
        h = hashlib.sha256()
        for value in (
            _CACHE_FORMAT,
            _package_key(),
            sys.version_info[:3],
            kind,
            module_name,
            qualname,
            _file_key(getattr(module, "__file__", None)),
        ):
            h.update(repr(value).encode("utf-8", "surrogatepass") + b"\x00")
        # Every file that could be a pack of this kind, by content: user packs
        # are read only to learn their kind when the cache misses.
        for source in [self._bundled() / f"{kind}.toml", *self.bundled_files(kind), *map(Path, self.user_packs)]:
            h.update(repr((str(source), _file_digest(source))).encode("utf-8", "surrogatepass") + b"\x00")
        safe_kind = re.sub(r"[^A-Za-z0-9_-]", "_", kind)[:40]
        return cache_dir() / f"pack-{safe_kind}-{h.hexdigest()[:32]}.data"


#: Bump when the cached form of parsed packs changes.
_CACHE_FORMAT = 2
_MAC_BYTES = 16
#: Packs decoded in this process, by cache file name and seal: an engine made again with the same packs (the
#: language server, a test suite, a library caller linting text after text) reuses them instead of decoding
#: the office table anew each time (60-70 ms). The name holds the hash of every source, so equal keys are
#: equal packs; the parsed packs are read, never changed, by the rules.
_DECODED: dict[tuple[str, bytes], Any] = {}
_DECODED_MAX = 32


def _decoded(name: str, mac: bytes, payload: bytes) -> Any:
    """``decode(payload)``, once per process for each sealed cache file."""
    key = (name, mac)
    value = _DECODED.get(key)
    if value is None:
        value = decode(payload)
        if len(_DECODED) >= _DECODED_MAX:
            _DECODED.pop(next(iter(_DECODED)))
        _DECODED[key] = value
    return value


#: Cached packs not used for this long are deleted when a new one is written.
_UNUSED_DAYS = 30
_KEEP_PER_FAMILY = 3  # entries kept per cache family (e.g. two virtualenvs plus the newest)
_PACKAGE_KEY: list[str] = []


def cache_dir() -> Path:
    """The user cache directory: ``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint`` (``~/.cache/newslint``)."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "newslint"


def _package_key() -> str:
    """newslint's version and the stamps of its source files (a checkout changes without a version bump)."""
    if not _PACKAGE_KEY:
        from newslint import __version__

        package = Path(__file__).resolve().parents[1]
        stamps = sorted((p.relative_to(package).as_posix(), _file_key(p)) for p in package.rglob("*.py"))
        _PACKAGE_KEY.append(hashlib.sha256(repr((__version__, stamps)).encode()).hexdigest())
    return _PACKAGE_KEY[0]


def _file_key(path: str | Path | None) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return None
    return st.st_size, st.st_mtime_ns


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()  # never a FIFO or /dev/zero
    except OSError:
        return None


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; ``False`` if the cache directory cannot be written.

    Cache files are named ``<family>-<key>.<ext>``; writing one prunes its family
    (see ``_prune``), so new keys (a reinstalled dependency, an edited pack) never
    pile up.
    """
    import tempfile  # only when writing

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    _prune(path)
    return True


def _prune(keep: Path) -> None:
    """Delete other entries of ``keep``'s family: all but the ``_KEEP_PER_FAMILY`` most
    recently used, any unused for ``_UNUSED_DAYS``, and pickles of older newslints.
    A symlink is removed itself, never its target."""
    family = keep.name.rsplit("-", 1)[0]
    cutoff = time.time() - _UNUSED_DAYS * 86400
    entries = []
    for old in [*keep.parent.glob(f"{family}-*{keep.suffix}"), *keep.parent.glob(f"{family}-*.pickle")]:
        if old == keep or old.name.rsplit("-", 1)[0] != family:
            continue
        try:
            st = os.lstat(old)
        except OSError:
            continue
        entries.append((0.0 if old.suffix == ".pickle" else max(st.st_atime, st.st_mtime), old))
    entries.sort(reverse=True)
    for rank, (used, old) in enumerate(entries, start=1):
        if rank >= _KEEP_PER_FAMILY or used < cutoff:  # ``keep`` itself is the first of the family
            try:
                old.unlink()
            except OSError:
                pass


def _read(path: Path, *, bundled: bool) -> PackSource:
    data = read_toml(path)  # a ConfigError naming the file, line and column
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(path, "pack", "expected a table")
    check_keys(path, header, PACK_HEADER_KEYS, "pack")
    schema = header.get("schema", 1)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise PackError(path, "pack.schema", f"expected an integer, got {schema!r}")
    if schema != PACK_SCHEMA:
        raise PackError(path, "pack.schema", f"this newslint reads pack schema {PACK_SCHEMA}, got {schema}")
    kind = header.get("kind", path.stem)
    if not isinstance(kind, str):
        raise PackError(path, "pack.kind", f"expected a string, got {kind!r}")
    return PackSource(path, data, bundled)
