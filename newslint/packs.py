"""Rule packs: the TOML data behind rules, bundled in ``rules/`` or the newsroom's own.

A pack is a TOML file with a ``[pack]`` header naming its ``kind`` (the bundled
file it extends: ``names`` extends ``rules/names.toml``) and its ``schema``
version. A rule plugin asks for every pack of a kind, bundled first and user
packs after in config order, and parses them with its own validator, so a
later pack can override an earlier entry. Errors name the file, the key path
and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newslint.config import ConfigError, read_toml

__all__ = ["PackError", "PackSource", "Packs", "bundled_rules_dir", "check_keys", "check_pattern", "field_of"]

T = TypeVar("T")


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
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"newslint's bundled rules/ directory is missing (looked beside {here})")


_TYPE_WORDS = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "a table", float: "a number"}


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


def check_keys(source: PackSource | Path | str, table: dict[str, Any], allowed: Sequence[str], where: str = "") -> None:
    """Reject a key of ``table`` not in ``allowed``: a misspelt key must not be silently ignored."""
    unknown = sorted(k for k in table if k not in allowed)
    if unknown:
        path = source.path if isinstance(source, PackSource) else source
        dotted = f"{where}.{unknown[0]}" if where else unknown[0]
        raise PackError(path, dotted, f"unknown key; expected one of {', '.join(sorted(allowed))}")


#: What a ``[pack]`` header may hold; a pack is data, so there is nothing to run or import.
PACK_HEADER_KEYS = ("kind", "schema", "checked")
#: The pack schema this newslint reads.
PACK_SCHEMA = 1

# The regex parser of the running Python, to inspect a pattern's structure.
try:  # Python 3.11+
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = {
    _sre_constants.MAX_REPEAT,
    _sre_constants.MIN_REPEAT,
    *([_sre_constants.POSSESSIVE_REPEAT] if hasattr(_sre_constants, "POSSESSIVE_REPEAT") else []),
}
#: A repeat of a variable-width part may have at most this many rounds.
MAX_NESTED_REPEAT = 10
_BOUND_HINT = (
    f"which can take exponential time; bound the outer repeat to {{0,{MAX_NESTED_REPEAT}}} "
    "or less, or make the repeated part fixed-length"
)
#: Longest pattern a pack may hold, in characters.
MAX_PATTERN_LENGTH = 2000


def _nested_repeat(items: Any) -> str | None:
    """Describe the first repeat that can backtrack exponentially, or ``None``."""
    for op, av in items:
        if op in _REPEATS:
            _lo, hi, body = av
            many = hi == _sre_constants.MAXREPEAT or hi > MAX_NESTED_REPEAT
            lo_w, hi_w = body.getwidth()
            if many and lo_w != hi_w:
                return (
                    "a quantifier over a part that itself varies in length (nested quantifiers, as in (a+)+), "
                    + _BOUND_HINT
                )
            if many and _has_branch(body):
                return "a quantifier over alternatives (as in (a|ab)+), " + _BOUND_HINT
            inner = _nested_repeat(body)
            if inner:
                return inner
        elif op is _sre_constants.SUBPATTERN:
            inner = _nested_repeat(av[-1])
            if inner:
                return inner
        elif op is _sre_constants.BRANCH:
            for branch in av[1]:
                inner = _nested_repeat(branch)
                if inner:
                    return inner
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            inner = _nested_repeat(av[1])
            if inner:
                return inner
        elif op is getattr(_sre_constants, "ATOMIC_GROUP", None):
            inner = _nested_repeat(av)
            if inner:
                return inner
        elif op in (_sre_constants.GROUPREF, _sre_constants.GROUPREF_EXISTS):
            return "a back-reference, which packs may not use"
    return None


def _has_branch(items: Any) -> bool:
    for op, av in items:
        if op is _sre_constants.BRANCH:
            return True
        if op is _sre_constants.SUBPATTERN and _has_branch(av[-1]):
            return True
        if op in _REPEATS and _has_branch(av[2]):
            return True
    return False


def check_pattern(source: PackSource | Path | str, where: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a regular expression from a pack, rejecting ones that can backtrack catastrophically.

    Rejected, with a ``PackError`` naming the key path: syntax errors, named
    groups (the rule names its own), back-references, and any quantifier
    allowing more than ``MAX_NESTED_REPEAT`` rounds over a part that varies in
    length or holds alternatives (``(a+)+$``, ``(\\w+\\s?)*``, ``(a|ab)*``).
    A bounded repeat such as ``(?:\\w+ ){0,3}`` is allowed.
    """
    path = source.path if isinstance(source, PackSource) else source
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PackError(path, where, f"pattern is {len(pattern)} characters long; the limit is {MAX_PATTERN_LENGTH}")
    if "(?P<" in pattern or "(?P=" in pattern:
        raise PackError(path, where, f"{pattern!r} uses a named group; use (?:...) instead")
    try:
        compiled = re.compile(pattern, flags)
        parsed = _sre_parse.parse(pattern, flags)
    except re.error as exc:
        raise PackError(path, where, f"{pattern!r} is not a valid regular expression: {exc}") from None
    risky = _nested_repeat(parsed)
    if risky:
        raise PackError(
            path,
            where,
            f"{pattern!r} has {risky}",
        )
    return compiled


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

    def sources(self, kind: str) -> list[PackSource]:
        """The bundled pack of ``kind`` (if any), then the user packs of that kind."""
        out = []
        bundled = self._bundled() / f"{kind}.toml"
        if bundled.is_file():
            out.append(_read(bundled, bundled=True))
        out.extend(src for src in self._users() if src.kind == kind)
        return out

    def _users(self) -> list[PackSource]:
        if self._user_sources is None:
            self._user_sources = [_read(Path(p), bundled=False) for p in self.user_packs]
        return self._user_sources

    def bundled_file(self, name: str) -> Path:
        """Path of a bundled non-TOML data file, such as ``words.txt``."""
        return self._bundled() / name

    def load(self, kind: str, parse: Callable[[list[PackSource]], T]) -> T:
        """Parse all packs of ``kind`` with ``parse`` once per run and cache the result."""
        if kind not in self._parsed:
            self._parsed[kind] = parse(self.sources(kind))
        return self._parsed[kind]  # type: ignore[no-any-return]


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
