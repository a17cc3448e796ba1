"""Careful edits of a config file: add an accepted word, ignore a rule for one file.

The language server's quick fixes change the user's own ``pyproject.toml`` or
``newslint.toml``, so the edit goes through tomlkit, which keeps comments, key
order, formatting, inline tables and the file's line endings as the user wrote
them. Lines tomlkit writes itself end as the file's lines do (CRLF stays
CRLF). Every result is parsed again with ``tomllib`` and must equal the old
document plus exactly the intended change; otherwise ``ConfigEditError`` is
raised and nothing is written.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["ConfigEditError", "add_file_ignore", "add_word", "glob_escape", "toml_string"]


class ConfigEditError(Exception):
    """The file could not be edited safely; the message says what to do by hand."""


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def glob_escape(path: str) -> str:
    """``path`` as an ``fnmatch`` pattern matching only itself."""
    return re.sub(r"([\[\]*?])", r"[\1]", path)


def _parse(text: str):  # type: ignore[no-untyped-def]
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        tomllib.loads(text)
        return tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError) as exc:
        raise ConfigEditError(f"the file is not valid TOML ({exc})") from None


def _container(doc, pyproject: bool):  # type: ignore[no-untyped-def]
    """The table newslint reads (``[tool.newslint]`` in pyproject.toml), created if missing."""
    import tomlkit

    if not pyproject:
        return doc
    if "tool" not in doc:
        doc["tool"] = tomlkit.table(is_super_table=True)
    tool = doc["tool"]
    if "newslint" not in tool:
        tool["newslint"] = tomlkit.table()
    return tool["newslint"]


def _dumped(old: str, doc) -> str:  # type: ignore[no-untyped-def]
    """The document as text, new lines ending like the file's own (CRLF stays CRLF)."""
    import tomlkit

    new = tomlkit.dumps(doc)
    if old.count("\r\n") > old.count("\n") - old.count("\r\n"):
        new = re.sub(r"(?<!\r)\n", "\r\n", new)
    elif not old:
        new = new.lstrip("\n")
    return new


def _newslint_table(data: dict[str, Any], pyproject: bool) -> dict[str, Any]:
    return data.setdefault("tool", {}).setdefault("newslint", {}) if pyproject else data


def _verified(old: str, new: str, pyproject: bool, change) -> str:  # type: ignore[no-untyped-def]
    try:
        expected = copy.deepcopy(tomllib.loads(old))
        change(_newslint_table(expected, pyproject))
        got = tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigEditError(f"the edited file would not be valid TOML ({exc})") from None
    if got != expected:
        raise ConfigEditError("the file's layout is too unusual for a safe automatic edit")
    return new


def add_word(text: str, word: str, *, pyproject: bool) -> str:
    """``text`` with ``word`` appended to ``words`` (a no-op if it is there already).

    Raises:
        ConfigEditError: the file cannot be edited safely; ``text`` is unchanged.
    """
    import tomlkit

    doc = _parse(text)
    table = _container(doc, pyproject)
    current = table.get("words")
    if current is not None and word in current:
        return text
    if current is None:
        words = tomlkit.array()
        words.append(tomlkit.string(word))
        table["words"] = words
    elif isinstance(current, list):
        current.append(tomlkit.string(word))
    else:
        raise ConfigEditError("words is not a list; add the word by hand")

    def change(table_data: dict[str, Any]) -> None:
        table_data.setdefault("words", []).append(word)

    return _verified(text, _dumped(text, doc), pyproject, change)


def add_file_ignore(text: str, pattern: str, code: str, *, pyproject: bool) -> str:
    """``text`` with ``code`` added to ``per-file-ignores[pattern]`` (inline tables too).

    Raises:
        ConfigEditError: the file cannot be edited safely; ``text`` is unchanged.
    """
    import tomlkit

    doc = _parse(text)
    table = _container(doc, pyproject)
    ignores = table.get("per-file-ignores")
    if ignores is None:
        ignores = tomlkit.table()
        table["per-file-ignores"] = ignores
        ignores = table["per-file-ignores"]
    elif not isinstance(ignores, dict):
        raise ConfigEditError("per-file-ignores is not a table; add the entry by hand")
    codes = ignores.get(pattern)
    if codes is not None and code in codes:
        return text
    if codes is None:
        listed = tomlkit.array()
        listed.append(tomlkit.string(code))
        ignores[pattern] = listed
    elif isinstance(codes, list):
        codes.append(tomlkit.string(code))
    else:
        raise ConfigEditError(f"per-file-ignores[{pattern!r}] is not a list; add the code by hand")

    def change(data: dict[str, Any]) -> None:
        data.setdefault("per-file-ignores", {}).setdefault(pattern, []).append(code)

    return _verified(text, _dumped(text, doc), pyproject, change)


def edit_config_file(path: Path, edit) -> bool:  # type: ignore[no-untyped-def]
    """Apply ``edit(text, pyproject=...)`` to ``path`` atomically; create the file if missing.

    Returns whether the file changed.
    """
    from newslint.fix.atomic import file_stamp, replace_file

    pyproject = path.name == "pyproject.toml"
    if not path.exists():
        path.write_text(edit("", pyproject=pyproject), encoding="utf-8")
        return True
    stamp = file_stamp(path)
    try:
        old = path.read_bytes().decode("utf-8")  # not read_text: its newline translation loses CRLF
    except UnicodeDecodeError as exc:
        raise ConfigEditError(f"the file is not UTF-8 ({exc.reason})") from None
    bom = old.startswith("\ufeff")
    old = old.removeprefix("\ufeff")
    new = edit(old, pyproject=pyproject)
    if new == old:
        return False
    if bom:
        new = "\ufeff" + new
    replace_file(path, new.encode("utf-8"), expect=stamp)
    return True
