"""Cache files that hold data, never code: a data-only codec, a per-user key, no-follow opening.

Every cache newslint reads back (the result cache, the pack cache, the
spelling dictionary) may sit where someone else can plant a file: a result
cache committed to a repository, or a shared cache directory. So nothing is
unpickled. Values are written as a tree of lists and scalars, in
``marshal`` form (``encode``/``decode``), and decoding builds only plain values (str, int, float, bool, None, list, tuple,
dict, set, frozenset, ``Counter``, ``datetime.date``, regexes: ``LazyPattern``, compiled on first use) and
instances of classes that are already imported and are *data classes*:
dataclasses, named tuples, enums, ``Facts`` subclasses and classes of
newslint itself. Such an instance is made with ``object.__new__`` and its
attributes are set directly: no ``__init__``, ``__setstate__`` or other
method of the class runs, and nothing is imported.

Entries are also sealed with a keyed BLAKE2b MAC (``seal``) whose 32-byte key
is created once per user (``user_key``), mode 0600, in the user cache
directory, outside any repository. An entry planted in a clone or copied from
another machine therefore never verifies and is recomputed, so it can neither
run code nor hide findings.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import hmac
import marshal
import math
import os
import re
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

__all__ = ["CacheFormatError", "decode", "encode", "open_private", "seal", "user_key"]

#: Name of the per-user MAC key file in the user cache directory.
KEY_FILE = "cache-key"
_KEY_BYTES = 32
_MAX_DEPTH = 200  # nesting a cached value may have
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_KEYS: dict[str, bytes | None] = {}  # by key file, for this process
_SCALARS = frozenset({str, int, bool, float, type(None)})


class CacheFormatError(ValueError):
    """A value cannot be cached, or cached bytes are not a value this codec wrote."""


# -- the per-user key ---------------------------------------------------------------------


def user_key() -> bytes | None:
    """This user's cache MAC key, created on first use; ``None`` when none can be kept.

    The key lives in ``newslint.plugin.packs.cache_dir()``. A key file that is a
    symlink, not a regular file, not this user's, readable or writable by
    others, or of the wrong size is replaced; if it cannot be, there is no key
    and callers run without their cache.
    """
    from newslint.plugin.packs import cache_dir

    path = cache_dir() / KEY_FILE
    if str(path) in _KEYS:
        return _KEYS[str(path)]
    key = _read_key(path)
    if key is None:
        key = _create_key(path)
    _KEYS[str(path)] = key
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _owned_private(st, 0o077) or st.st_size != _KEY_BYTES:
            return None
        data = os.read(fd, _KEY_BYTES + 1)
        return data if len(data) == _KEY_BYTES else None
    finally:
        os.close(fd)


def _create_key(path: Path) -> bytes | None:
    """Write a new key: complete in a private temporary file, then linked into place, so
    no reader sees half a key and two first runs agree on one."""
    import tempfile  # only the first run

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.path.lexists(path):  # a bad key (or a symlink in its place): replace it, never write through it
            os.unlink(path)
        key = os.urandom(_KEY_BYTES)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{KEY_FILE}.", suffix=".tmp")  # mode 0600
        try:
            try:
                os.write(fd, key)
            finally:
                os.close(fd)
            os.link(tmp, path)  # fails if another process got there first; never follows a link
        finally:
            os.unlink(tmp)
        return key
    except FileExistsError:  # another process created it first: use theirs
        return _read_key(path)
    except OSError:
        return None


def _owned_private(st: os.stat_result, forbidden: int) -> bool:
    getuid = getattr(os, "getuid", None)  # not on Windows, where the user profile is private
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & forbidden)


def seal(key: bytes, *parts: bytes) -> bytes:
    """A 16-byte keyed BLAKE2b MAC of ``parts`` (each length-prefixed, so they cannot shift)."""
    h = hashlib.blake2b(key=key, digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def read_sealed(path: Path, purpose: bytes) -> object:
    """What ``write_sealed(path, purpose, ...)`` stored, or ``None``.

    Only this user's own file (never through a symlink) whose MAC, keyed by the
    user's cache key and bound to ``purpose`` and the file's name, verifies is
    handed to ``marshal``, which is not meant for forged input; callers then
    check the value's shape.
    """
    secret = user_key()
    fd = open_private(path) if secret is not None else None
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            blob = fh.read()
        mac, payload = blob[:_SEAL_BYTES], blob[_SEAL_BYTES:]
        if hmac.compare_digest(mac, seal(secret, purpose, path.name.encode(), payload)):  # type: ignore[arg-type]
            return marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return None


def write_sealed(path: Path, purpose: bytes, value: object) -> None:
    """Write ``value`` (plain data ``marshal`` takes) sealed for ``read_sealed``, atomically;
    a read-only or missing cache directory, or no user key, just means no cache."""
    from newslint.plugin.packs import write_cache_file

    secret = user_key()
    if secret is not None:
        payload = marshal.dumps(value)  # type: ignore[arg-type]
        write_cache_file(path, seal(secret, purpose, path.name.encode(), payload) + payload)


#: The length of ``seal``'s MAC at the head of a sealed file.
_SEAL_BYTES = 16


def open_private(path: Path) -> int | None:
    """A read descriptor for the regular file ``path`` if it is this user's and no one else may
    write it; never through a symlink. ``None`` otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(st.st_mode) or not _owned_private(st, 0o022):
        os.close(fd)
        return None
    return fd


# -- the codec ----------------------------------------------------------------------------
#
# A plain str, int, bool or None stands for itself; a finite float too. Everything
# else is a list whose first item is a tag:
#   ["l", *items]  list          ["t", *items]  tuple       ["s", *items]  set
#   ["z", *items]  frozenset     ["d", k, v, k, v...] dict   ["c", k, v...] Counter
#   ["f", "nan"|"inf"|"-inf"]    ["D", "2024-01-31"] date    ["r", pattern, flags] regex  ["R", pattern] RE2 regex
#   ["e", "mod:Qual", "NAME"] enum member   ["n", "mod:Qual", *items] named tuple
#   A tuple of scalars is stored as that tuple; ["N", "mod:Qual", (scalars...)] a named tuple of them
#   ["o", "mod:Qual", name, value, name, value...] an object of a data class


def encode(value: object) -> bytes:
    """``value`` as a tagged tree in ``marshal`` form; ``CacheFormatError`` for anything ``decode``
    would not rebuild. Only ever ``decode`` bytes whose ``seal`` verified: ``marshal`` itself is not
    meant for hostile input (it cannot run code, but forged bytes may upset it)."""
    try:
        return marshal.dumps(_enc(value, 0), 4)
    except CacheFormatError:
        raise
    except (RecursionError, ValueError):
        raise CacheFormatError("nested too deeply") from None


def decode(data: bytes) -> Any:
    """The value ``encode`` wrote; ``CacheFormatError`` for anything else (never other errors)."""
    try:
        return _dec(marshal.loads(data), 0)
    except CacheFormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - truncated, too deep, a wrong shape
        raise CacheFormatError(f"not a cached value: {type(exc).__name__}") from None


def _enc(value: object, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise CacheFormatError("nested too deeply")
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return value
    if t is float:
        return value if math.isfinite(value) else ["f", repr(value)]  # type: ignore[arg-type]
    d = depth + 1
    if t is list:
        return ["l", *(_enc(v, d) for v in value)]  # type: ignore[attr-defined]
    if t is tuple:
        if _SCALARS.issuperset(map(type, value)):  # type: ignore[call-overload]
            return value  # a tuple of scalars is itself a value: marshal keeps it as a tuple
        return ["t", *(_enc(v, d) for v in value)]  # type: ignore[attr-defined]
    if t is dict or t is Counter:
        out: list[Any] = ["d" if t is dict else "c"]
        for k, v in value.items():  # type: ignore[attr-defined]
            out.append(_enc(k, d))
            out.append(_enc(v, d))
        return out
    if t is set or t is frozenset:
        items = [_enc(v, d) for v in value]  # type: ignore[attr-defined]
        items.sort(key=repr)  # a stable file for equal sets
        return ["s" if t is set else "z", *items]
    if t is datetime.date:
        return ["D", value.isoformat()]  # type: ignore[attr-defined]
    if t is re.Pattern:
        return ["r", value.pattern, value.flags]  # type: ignore[attr-defined]
    if t is LazyPattern:
        return list(value._source)  # type: ignore[attr-defined]
    if t.__module__ == "re2" and t.__name__ == "_Regexp":  # a pack pattern on RE2 (flags are inline)
        return ["R", value.pattern]  # type: ignore[attr-defined]
    if isinstance(value, enum.Enum):
        return ["e", _ref(t, "e"), value.name]
    if isinstance(value, tuple) and hasattr(t, "_fields"):
        if _SCALARS.issuperset(map(type, value)):
            return ["N", _ref(t, "n"), tuple(value)]
        return ["n", _ref(t, "n"), *(_enc(v, d) for v in value)]
    return ["o", _ref(t, "o"), *_attributes(value, d)]


def _attributes(value: object, depth: int) -> list[Any]:
    out: list[Any] = []
    names = list(getattr(value, "__dict__", {}))
    # Empty __slots__ (typing.Generic's, a mixin's) add no attribute outside __dict__.
    if not hasattr(value, "__dict__") or any(vars(c).get("__slots__") for c in type(value).__mro__[:-1]):
        if not dataclasses.is_dataclass(value):
            raise CacheFormatError(f"{type(value).__qualname__} keeps attributes in __slots__")
        names += [f.name for f in dataclasses.fields(value) if f.name not in names]
    for name in names:
        out.append(sys.intern(name))
        out.append(_enc(getattr(value, name), depth))
    return out


def _ref(cls: type, tag: str) -> str:
    ref = sys.intern(f"{cls.__module__}:{cls.__qualname__}")  # interned: marshal writes it once per entry
    if _resolve(ref, tag) is not cls:
        raise CacheFormatError(f"{ref} cannot be cached (not an importable data class)")
    return ref


def _data_class(cls: type) -> bool:
    from newslint.model.facts import Facts

    if dataclasses.is_dataclass(cls) or issubclass(cls, Facts):
        return True
    module = cls.__module__
    return module == "newslint" or module.startswith("newslint.")


def _resolve(ref: str, tag: str) -> type:
    """The class ``ref`` names, among modules already imported; only data classes."""
    module_name, _, qualname = ref.partition(":")
    target: Any = sys.modules.get(module_name)
    for part in qualname.split("."):
        if target is None or part.startswith("__") or "<" in part:
            raise CacheFormatError(f"{ref} is not an imported class")
        target = vars(target).get(part) if isinstance(target, type) else getattr(target, part, None)
    if not isinstance(target, type):
        raise CacheFormatError(f"{ref} is not a class")
    if tag == "e":
        ok = issubclass(target, enum.Enum)
    elif tag == "n":
        ok = issubclass(target, tuple) and hasattr(target, "_fields")
    else:
        ok = not issubclass(target, (tuple, enum.Enum, type, BaseException)) and _data_class(target)
    if not ok:
        raise CacheFormatError(f"{ref} is not a data class")
    return target


_RESOLVED: dict[tuple[str, str], tuple[type, frozenset[str]]] = {}


def _class_of(ref: str, tag: str) -> tuple[type, frozenset[str]]:
    """``_resolve`` remembered, with the names of the class's slots."""
    found = _RESOLVED.get((ref, tag))
    if found is None:
        cls = _resolve(ref, tag)
        slots = frozenset(n for c in cls.__mro__ for n, v in vars(c).items() if type(v).__name__ == "member_descriptor")
        found = _RESOLVED[(ref, tag)] = (cls, slots)
    return found


_NAMED = frozenset({"e", "N", "n"})
_ATTRIBUTE_NAMES: dict[tuple[type, tuple[Any, ...]], bool] = {}


def _check_names(cls: type, slots: frozenset[str], names: tuple[Any, ...]) -> bool:
    """Check attribute names once per class and name list; whether all go into ``__dict__``."""
    has_dict = "__dict__" in dir(cls)
    for name in names:
        if type(name) is not str or not name.isidentifier() or name[:2] == "__":
            raise CacheFormatError(f"bad attribute name {name!r}")
        if name not in slots and not has_dict:
            raise CacheFormatError(f"{cls.__qualname__} cannot hold attribute {name!r}")
    into_dict = has_dict and not slots.intersection(names)
    _ATTRIBUTE_NAMES[(cls, names)] = into_dict
    return into_dict


def _dec(node: Any, depth: int) -> Any:
    t = type(node)
    if t in _SCALARS:
        return node
    if t is tuple:
        if _SCALARS.issuperset(map(type, node)):
            return node
        raise CacheFormatError("a tuple holds only scalars")
    if t is not list or not node or type(node[0]) is not str:
        raise CacheFormatError("not a tagged value")
    if depth > _MAX_DEPTH:
        raise CacheFormatError("nested too deeply")
    d = depth + 1
    tag = node[0]
    if tag == "o" and len(node) % 2 == 0 and type(node[1]) is str:
        cls, slots = _class_of(node[1], "o")
        names = tuple(node[2::2])
        into_dict = _ATTRIBUTE_NAMES.get((cls, names))
        if into_dict is None:
            into_dict = _check_names(cls, slots, names)
        values = [v if type(v) in _SCALARS else _dec(v, d) for v in node[3::2]]
        obj: Any = object.__new__(cls)
        if into_dict:
            obj.__dict__.update(zip(names, values))  # straight into the instance: no descriptor runs
        else:
            for name, value in zip(names, values):
                if name in slots:
                    object.__setattr__(obj, name, value)  # a slot's own member descriptor
                else:
                    obj.__dict__[name] = value
        return obj
    if tag in _NAMED:
        if len(node) < 2 or type(node[1]) is not str:
            raise CacheFormatError(f"bad {tag!r} value")
        if tag == "e" and len(node) == 3 and type(node[2]) is str:
            member = _class_of(node[1], "e")[0].__members__.get(node[2])  # type: ignore[attr-defined]
            if member is None:
                raise CacheFormatError(f"{node[1]} has no member {node[2]}")
            return member
        if tag == "N" and len(node) == 3 and type(node[2]) is tuple and _SCALARS.issuperset(map(type, node[2])):
            cls = _class_of(node[1], "n")[0]
            if len(node[2]) != len(cls._fields):  # type: ignore[attr-defined]
                raise CacheFormatError(f"{node[1]} takes {len(cls._fields)} fields")  # type: ignore[attr-defined]
            return tuple.__new__(cls, node[2])
        if tag == "n":
            cls = _class_of(node[1], "n")[0]
            items = [v if type(v) in _SCALARS else _dec(v, d) for v in node[2:]]
            if len(items) != len(cls._fields):  # type: ignore[attr-defined]
                raise CacheFormatError(f"{node[1]} takes {len(cls._fields)} fields")  # type: ignore[attr-defined]
            return tuple.__new__(cls, items)
        raise CacheFormatError(f"bad {tag!r} value")
    if tag == "l":
        return [_dec(v, d) if type(v) not in _SCALARS else v for v in node[1:]]
    if tag == "t":
        return tuple([_dec(v, d) if type(v) not in _SCALARS else v for v in node[1:]])
    if tag == "d" or tag == "c":
        if len(node) % 2 != 1:
            raise CacheFormatError("odd dict")
        out: dict[Any, Any] = {} if tag == "d" else Counter()
        for i in range(1, len(node), 2):
            k, v = node[i], node[i + 1]
            out[k if type(k) in _SCALARS else _dec(k, d)] = v if type(v) in _SCALARS else _dec(v, d)
        return out
    if tag == "s":
        return {_dec(v, d) if type(v) not in _SCALARS else v for v in node[1:]}
    if tag == "z":
        return frozenset([_dec(v, d) if type(v) not in _SCALARS else v for v in node[1:]])
    if tag == "f" and len(node) == 2 and node[1] in ("nan", "inf", "-inf"):
        return float(node[1])
    if tag == "D" and len(node) == 2 and type(node[1]) is str:
        return datetime.date.fromisoformat(node[1])
    if tag == "r" and len(node) == 3 and type(node[1]) is str and type(node[2]) is int:
        return LazyPattern.of("r", node[1], node[2])
    if tag == "R" and len(node) == 2 and type(node[1]) is str:
        return LazyPattern.of("R", node[1])
    raise CacheFormatError(f"unknown tag {tag!r}")


def _compile_re2(pattern: str) -> Any:
    import re2  # type: ignore[import-untyped]

    from newslint.plugin.packs import re2_options

    return re2.compile(pattern, re2_options())


#: The methods a compiled pattern's users call; bound once, then found in the instance's ``__dict__``.
_PATTERN_METHODS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "scanner"})


class LazyPattern:
    """A cached regular expression, compiled the first time it is used.

    Compiling costs more than reading a cache entry (a pack's RE2 patterns with
    Unicode classes take milliseconds each), and a run on a few small files
    uses only some of them. ``pattern`` is there at once; any other attribute
    (``search``, ``sub``, ``groups``...) compiles the pattern (``re`` for tag
    ``r``, RE2 for ``R``, exactly as a decoded value was compiled before) and
    is the compiled pattern's. A bound method is then kept on the instance, so
    later calls cost what calls on the compiled pattern cost. One instance per
    pattern and flags in a process (as ``re`` and ``re2`` reuse compiled
    patterns): equal patterns compare and hash alike.
    """

    _ALL: ClassVar[dict[tuple[Any, ...], LazyPattern]] = {}

    def __init__(self, source: tuple[Any, ...]) -> None:
        self._source = source
        self.pattern = source[1]
        self._compiled: Any = None

    @classmethod
    def of(cls, *source: Any) -> LazyPattern:
        found = cls._ALL.get(source)
        if found is None:
            found = cls._ALL[source] = cls(source)
        return found

    def compiled(self) -> Any:
        """The compiled pattern (``re.Pattern`` or RE2's)."""
        if self._compiled is None:
            tag, pattern, *flags = self._source
            self._compiled = re.compile(pattern, *flags) if tag == "r" else _compile_re2(pattern)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        if name in _PATTERN_METHODS:
            self.__dict__[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return self._source == other._source
        if type(other) is re.Pattern or type(other).__module__ == "re2":
            return bool(self.compiled() == other)  # as the compiled pattern would compare
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._source)  # without compiling

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern.of, self._source)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
