"""Rule packs: the TOML data behind rules, bundled in ``rules/`` or the newsroom's own.

A pack is a TOML file with a ``[pack]`` header naming its ``kind`` (the bundled
file it extends: ``names`` extends ``rules/names.toml``) and its ``schema``
version. A rule plugin asks for every pack of a kind, bundled first and user
packs after in config order, and parses them with its own validator, so a
later pack can override an earlier entry. Errors name the file, the key path
and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newslint.config import ConfigError, read_toml

__all__ = ["PackError", "PackSource", "Packs", "bundled_rules_dir", "field_of"]

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
    try:
        data = read_toml(path)
    except ConfigError as exc:
        raise PackError(path, "", str(exc).split(": ", 1)[-1]) from None
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(path, "pack", "expected a table")
    schema = header.get("schema", 1)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise PackError(path, "pack.schema", f"expected an integer, got {schema!r}")
    kind = header.get("kind", path.stem)
    if not isinstance(kind, str):
        raise PackError(path, "pack.kind", f"expected a string, got {kind!r}")
    return PackSource(path, data, bundled)
