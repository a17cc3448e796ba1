"""Configuration: find it, read it, validate every key against a declared type.

Config lives in ``[tool.newslint]`` of ``pyproject.toml``, or at the top level
of ``newslint.toml`` / ``.newslint.toml``, found by walking up from the linted
paths. Core keys are declared here; plugins declare theirs through the
``newslint_options`` hook, so an unknown key is always an error, never ignored.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = [
    "CORE_OPTIONS",
    "DATA_FILE_LIMIT",
    "Config",
    "ConfigError",
    "Option",
    "find_config",
    "load_config",
    "read_regular",
    "read_toml",
]

CONFIG_FILES = (".newslint.toml", "newslint.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad configuration; the message names the file, the key and what was expected."""


@dataclass(frozen=True)
class Option:
    """A configuration key.

    Args:
        name: kebab-case key, as written in TOML.
        type: One of ``str``, ``bool``, ``int``, ``float``, ``date``,
            ``list[str]`` or ``dict[str, list[str]]``.
        default: The value when the key is absent.
        help: One line for the README's configuration table.
        choices: Allowed values for a ``str`` option, if limited.
        bounds: ``(lowest, highest)`` allowed for an ``int`` or ``float``
            option; ``None`` means ``NUMBER_BOUNDS``. Dates always lie within
            ``DATE_BOUNDS``.
    """

    name: str
    type: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None


#: The range of a numeric option that declares none: exact in a float, far beyond any sane setting.
NUMBER_BOUNDS = (-(2**53), 2**53)
#: Article dates newslint accepts: archives reach back to the 19th century; date arithmetic must not overflow.
DATE_BOUNDS = (dt.date(1800, 1, 1), dt.date(2199, 12, 31))
#: Largest pack, config, word list or baseline newslint reads, in bytes.
DATA_FILE_LIMIT = 64 * 1024 * 1024


CORE_OPTIONS: tuple[Option, ...] = (
    Option(
        "select",
        "list[str]",
        None,
        "Codes or prefixes to enable, replacing the default set (every rule not marked opt-in)",
    ),
    Option("extend-select", "list[str]", [], "Codes or prefixes to enable on top of the default set"),
    Option("ignore", "list[str]", [], "Codes or prefixes to disable"),
    Option("per-file-ignores", "dict[str, list[str]]", {}, "Glob (relative to the config file) to codes it ignores"),
    Option("include", "list[str]", ["*.txt", "*.md"], "File-name globs linted when a directory is walked"),
    Option(
        "exclude",
        "list[str]",
        [],
        "Globs of paths to skip, replacing the default exclusions (VCS, virtualenvs, node_modules, caches, build, dist)",
    ),
    Option("extend-exclude", "list[str]", [], "Globs of paths to skip on top of the default exclusions"),
    Option(
        "respect-gitignore",
        "bool",
        True,
        "Skip files that .gitignore, .ignore or .git/info/exclude ignore when walking directories",
    ),
    Option("packs", "list[str]", [], "The newsroom's own TOML rule packs (paths relative to the config file)"),
    Option("words", "list[str]", [], "Words the spelling rules (NL1xx) accept"),
    Option("word-lists", "list[str]", [], "Files of words the spelling rules (NL1xx) accept, one per line"),
    Option("date", "date", None, "Article date for the date-dependent rules (NL301-NL304, NL620), overriding the text"),
    Option("disable-plugins", "list[str]", [], "Plugins not to load, by name (as -p no:NAME)"),
    Option(
        "max-file-size",
        "int",
        50 * 1024 * 1024,  # about 1.3 GB of peak memory for news text: docs/memory.md
        "Files larger than this many bytes are reported, not read",
        bounds=(1, 2**31),
    ),
    Option("text-field", "str", "text", "The field of a JSONL record that holds the article text"),
    Option("id-field", "str", "id", "The field of a JSONL record that names it in diagnostics"),
)

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".newslint_cache",
    "build",
    "dist",
    "site-packages",
)


@dataclass
class Config:
    """The resolved configuration of one run; ``options`` holds every key by name."""

    path: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The directory relative paths in config are resolved against."""
        return self.path.parent if self.path else Path.cwd()

    def get(self, name: str) -> Any:
        return self.options[name]

    def resolve_path(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.root / path


def find_config(paths: Iterable[str | Path]) -> Path | None:
    """The nearest config file above the first path (or the working directory)."""
    firsts = [Path(p) for p in paths if str(p) != "-"]
    start = (firsts[0] if firsts else Path.cwd()).resolve()
    if not start.is_dir():
        start = start.parent
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_newslint_table(candidate)):
                return candidate
    return None


def _has_newslint_table(path: Path) -> bool:
    try:
        return "newslint" in read_toml(path).get("tool", {})
    except ConfigError:
        return True  # let load_config report the broken file


def read_regular(path: Path | str, limit: int = DATA_FILE_LIMIT) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A FIFO, device (``/dev/zero``), socket or directory is refused without
    reading from it (opening does not block), and so is a larger file.

    Raises:
        OSError: with a ``strerror`` fit for a message.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or directory)", str(path))
        too_big = OSError(errno.EFBIG, f"larger than the limit of {limit} bytes", str(path))
        if st.st_size > limit:
            raise too_big
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise too_big
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; errors name the file and tomllib's line and column."""
    try:
        return tomllib.loads(read_regular(path).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_toml_error_place(path, str(exc))} invalid TOML: {_TOML_AT.sub('', str(exc))}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 at byte {exc.start}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


_TOML_AT = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")


def _toml_error_place(path: Path, message: str) -> str:
    """``FILE:LINE:COLUMN:`` from tomllib's "(at line 3, column 7)" or "(at end of document)"."""
    match = _TOML_AT.search(message)
    if match is None:
        return f"{path}:"
    if match.group(1):
        return f"{path}:{match.group(1)}:{match.group(2)}:"
    try:
        text = read_regular(path).decode("utf-8", "replace")
    except OSError:
        return f"{path}:"
    lines = text.splitlines() or [""]
    return f"{path}:{len(lines)}:{len(lines[-1]) + 1}:"


def load_config(path: Path | None, options: Sequence[Option] = ()) -> Config:
    """Read and validate ``path`` (or return the defaults when it is ``None``).

    Args:
        path: A config file, or ``None`` for defaults only.
        options: Plugin-declared options, validated next to the core ones.

    Raises:
        ConfigError: for broken TOML, an unknown key or a value of the wrong type.
    """
    declared = {opt.name: opt for opt in (*CORE_OPTIONS, *options)}
    values = {name: _copy_default(opt.default) for name, opt in declared.items()}
    if path is None:
        return Config(None, values)
    data = read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint", {})
        where = "[tool.newslint]"
    else:
        table, where = data, "top level"
    source = _SourceText(path)
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: {where} must be a table")
    for key, value in table.items():
        opt = declared.get(key)
        if opt is None:
            hint = _closest(key, declared)
            raise ConfigError(
                f"{source.where(key)} {where}: unknown key {key!r}"
                + (f"; did you mean {hint!r}?" if hint else "; see the README's configuration table")
            )
        values[key] = _validate(opt, value, lambda key=key: f"{source.where(key)} {where} {key}")
    return Config(path, values)


def _copy_default(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


_TYPE_NAMES = {
    "str": "a string",
    "bool": "true or false",
    "int": "an integer",
    "float": "a number",
    "date": "a TOML date (YYYY-MM-DD, unquoted)",
    "list[str]": "a list of strings",
    "dict[str, list[str]]": "a table of lists of strings",
}


def _validate(opt: Option, value: Any, where: Any) -> Any:
    """Check ``value`` against ``opt.type``; ``where()`` names the key in errors."""
    ok: bool
    if opt.type == "str":
        ok = isinstance(value, str) and (not opt.choices or value in opt.choices)
    elif opt.type == "bool":
        ok = isinstance(value, bool)
    elif opt.type == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok:
            _check_range(opt, value, where)
    elif opt.type == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        value = float(value) if ok else value
        if ok:
            _check_range(opt, value, where)
    elif opt.type == "date":
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                pass
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        if ok and not DATE_BOUNDS[0] <= value <= DATE_BOUNDS[1]:
            raise ConfigError(
                f"{where()}: {value.isoformat()} is out of range; expected a date from "
                f"{DATE_BOUNDS[0].isoformat()} to {DATE_BOUNDS[1].isoformat()}"
            )
    elif opt.type == "list[str]":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif opt.type == "dict[str, list[str]]":
        ok = isinstance(value, dict) and all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()
        )
    else:  # pragma: no cover - a plugin declared a type we do not know
        raise ConfigError(f"option {opt.name!r} declares unknown type {opt.type!r}")
    if not ok:
        expected = _TYPE_NAMES[opt.type]
        if opt.choices:
            expected = "one of " + ", ".join(repr(c) for c in opt.choices)
        raise ConfigError(f"{where()}: expected {expected}, got {value!r}")
    return value


def _check_range(opt: Option, value: float, where: Any) -> None:
    low, high = opt.bounds or NUMBER_BOUNDS
    if not low <= value <= high:
        raise ConfigError(f"{where()}: {value} is out of range; expected {low} to {high}")


def validate_option(opt: Option, value: Any, where: str) -> Any:
    """Validate a value given outside a file (command line, API)."""
    return _validate(opt, value, lambda: where)


def _closest(key: str, declared: Mapping[str, Option]) -> str | None:
    import difflib

    match = difflib.get_close_matches(key, list(declared), n=1, cutoff=0.75)
    return match[0] if match else None


class _SourceText:
    """Finds the line of a key in a TOML file, since tomllib keeps no positions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.lines = read_regular(path).decode("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            self.lines = []

    def where(self, key: str) -> str:
        """``FILE:LINE:`` of ``key = ...`` or of a ``[key]`` / ``[key.sub]`` table header."""
        quoted = rf"[\"']?{re.escape(key)}[\"']?"
        pattern = re.compile(rf"^\s*(?:{quoted}\s*=|\[\[?\s*{quoted}\s*[\].])")
        for number, text in enumerate(self.lines, start=1):
            if pattern.match(text):
                return f"{self.path}:{number}:"
        return f"{self.path}:"
