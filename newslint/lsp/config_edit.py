"""Careful edits of a config file: add an accepted word, ignore a rule for one file.

The language server's quick fixes change the user's own ``pyproject.toml`` or
``newslint.toml``, so the edit is textual and minimal: comments, key order and
formatting stay as the user wrote them. A small scanner finds tables, keys and
the extent of each value (strings, multi-line arrays and comments included).
Every result is parsed again with ``tomllib`` and must equal the old document
plus exactly the intended change; otherwise ``ConfigEditError`` is raised and
nothing is written.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["ConfigEditError", "add_file_ignore", "add_word", "glob_escape", "toml_string"]


class ConfigEditError(Exception):
    """The file could not be edited safely; the message says what to do by hand."""


# A table header line: "[name]" (not "[[array of tables]]"), maybe with a comment.
_HEADER = re.compile(r"\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class _Statement:
    """One top-level line of TOML: a header, a ``key = value``, or blank/comment."""

    kind: str  # "header", "pair" or "other"
    start: int  # offset of the line's first character
    end: int  # offset just past the statement's last line break (or the end of the text)
    name: tuple[str, ...] = ()  # the header's table path, or the pair's key path
    value: tuple[int, int] = (0, 0)  # the pair's value span


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def glob_escape(path: str) -> str:
    """``path`` as an ``fnmatch`` pattern matching only itself."""
    return re.sub(r"([\[\]*?])", r"[\1]", path)


def _key_path(raw: str) -> tuple[str, ...]:
    try:
        parsed: Any = tomllib.loads(f"{raw} = 0")
    except tomllib.TOMLDecodeError:
        return ()
    path: list[str] = []
    while isinstance(parsed, dict) and len(parsed) == 1:
        key, parsed = next(iter(parsed.items()))
        path.append(key)
    return tuple(path)


def _skip_string(text: str, i: int) -> int:
    """The offset just past the string starting at ``text[i]``."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while quote == '"' and end > 0 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        if end < 0:
            raise ConfigEditError("unterminated multi-line string")
        end += 3
        while text.startswith(quote, end):  # up to two quotes may close the string
            end += 1
        return end
    j = i + 1
    while j < len(text) and text[j] != quote and text[j] != "\n":
        j += 2 if quote == '"' and text[j] == "\\" else 1
    if j >= len(text) or text[j] != quote:
        raise ConfigEditError("unterminated string")
    return j + 1


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _value_end(text: str, i: int) -> int:
    """The offset just past the value starting at ``text[i]``."""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c in "\"'":
            j = _skip_string(text, j)
            if depth == 0:
                return j
            continue
        if c == "#" and depth > 0:
            j = text.find("\n", j)
            j = len(text) if j < 0 else j
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return j + 1
        elif depth == 0 and c in "#\n":
            break
        j += 1
    while j > i and text[j - 1] in " \t\r":
        j -= 1
    return j


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j + 1


def _statements(text: str) -> list[_Statement]:
    out: list[_Statement] = []
    i = 0
    while i < len(text):
        line_end = _line_end(text, i)
        line = text[i:line_end].strip()
        header = _HEADER.match(line)
        if line.startswith("[") and not line.startswith("[[") and header:
            out.append(_Statement("header", i, line_end, _key_path(header.group(1))))
        elif line and not line.startswith(("#", "[")) and "=" in line:
            lead = len(text[i:line_end]) - len(text[i:line_end].lstrip())
            eq = _find_equals(text, i + lead)
            start = eq + 1
            while start < len(text) and text[start] in " \t":
                start += 1
            end = _value_end(text, start)
            line_end = _line_end(text, end) if end < len(text) else len(text)
            out.append(_Statement("pair", i, line_end, _key_path(text[i + lead : eq].strip()), (start, end)))
        else:
            out.append(_Statement("other", i, line_end))
        i = line_end
    return out


def _find_equals(text: str, i: int) -> int:
    while text[i] != "=":
        i = _skip_string(text, i) if text[i] in "\"'" else i + 1
    return i


def _table(statements: list[_Statement], name: tuple[str, ...]) -> tuple[int, list[_Statement]] | None:
    """The statements of table ``name`` (``()`` is the top level): its header's end and its pairs."""
    if not name:
        body = []
        for st in statements:
            if st.kind == "header":
                break
            body.append(st)
        return 0, [st for st in body if st.kind == "pair"]
    for index, st in enumerate(statements):
        if st.kind == "header" and st.name == name:
            pairs = []
            for later in statements[index + 1 :]:
                if later.kind == "header":
                    break
                if later.kind == "pair":
                    pairs.append(later)
            return st.end, pairs
    return None


def _append_to_array(text: str, span: tuple[int, int], item: str) -> str:
    """``text`` with ``item`` added as the last element of the array at ``span``."""
    start, end = span
    if text[start] != "[" or text[end - 1] != "]":
        raise ConfigEditError("the value is not an array")
    last_item_end = None  # just past the last element
    comma_after_last = None
    j = start + 1
    while j < end - 1:
        c = text[j]
        if c in "\"'":
            j = _skip_string(text, j)
            last_item_end, comma_after_last = j, None
            continue
        if c == "#":
            j = text.find("\n", j)
            continue
        if c == ",":
            comma_after_last = j
        elif not c.isspace():
            last_item_end, comma_after_last = _value_end(text, j), None
            j = last_item_end
            continue
        j += 1
    if last_item_end is None:
        return text[: start + 1] + item + text[end - 1 :]
    inner = text[start:end]
    if "\n" not in inner:
        return text[:last_item_end] + ", " + item + text[last_item_end:]
    line_start = text.rfind("\n", 0, last_item_end) + 1
    indent = re.match(r"[ \t]*", text[line_start:]).group()  # type: ignore[union-attr]
    anchor = comma_after_last if comma_after_last is not None else last_item_end
    eol = text.find("\n", anchor)
    if comma_after_last is not None:
        return text[:eol] + f"\n{indent}{item}," + text[eol:]
    return text[:last_item_end] + "," + text[last_item_end:eol] + f"\n{indent}{item}" + text[eol:]


def _insert_pair(text: str, at: tuple[int, list[_Statement]], line: str) -> str:
    header_end, pairs = at
    pos = pairs[-1].end if pairs else header_end
    prefix = "" if pos == 0 or text[pos - 1] == "\n" else "\n"
    return text[:pos] + prefix + line + "\n" + text[pos:]


def _append_table(text: str, header: str, line: str) -> str:
    body = text if not text or text.endswith("\n") else text + "\n"
    return body + ("\n" if body else "") + f"{header}\n{line}\n"


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
    prefix = ("tool", "newslint") if pyproject else ()
    try:
        current = _newslint_table(tomllib.loads(text), pyproject).get("words", [])
    except tomllib.TOMLDecodeError as exc:
        raise ConfigEditError(f"the file is not valid TOML ({exc})") from None
    if word in current:
        return text
    statements = _statements(text)
    table = _table(statements, prefix)
    existing = next((st for st in (table[1] if table else []) if st.name == ("words",)), None)
    item = toml_string(word)
    if existing is not None:
        new = _append_to_array(text, existing.value, item)
    elif table is not None:
        new = _insert_pair(text, table, f"words = [{item}]")
    else:
        new = _append_table(text, "[tool.newslint]", f"words = [{item}]")

    def change(table_data: dict[str, Any]) -> None:
        table_data.setdefault("words", []).append(word)

    return _verified(text, new, pyproject, change)


def add_file_ignore(text: str, pattern: str, code: str, *, pyproject: bool) -> str:
    """``text`` with ``code`` added to ``per-file-ignores[pattern]``.

    Raises:
        ConfigEditError: the file cannot be edited safely; ``text`` is unchanged.
    """
    prefix = ("tool", "newslint") if pyproject else ()
    try:
        table_data = _newslint_table(tomllib.loads(text), pyproject)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigEditError(f"the file is not valid TOML ({exc})") from None
    if code in table_data.get("per-file-ignores", {}).get(pattern, []):
        return text
    statements = _statements(text)
    table = _table(statements, (*prefix, "per-file-ignores"))
    line = f"{toml_string(pattern)} = [{toml_string(code)}]"
    if table is not None:
        existing = next((st for st in table[1] if st.name == (pattern,)), None)
        if existing is not None:
            new = _append_to_array(text, existing.value, toml_string(code))
        else:
            new = _insert_pair(text, table, line)
    elif "per-file-ignores" in table_data:
        raise ConfigEditError("per-file-ignores is written as an inline table; add the entry by hand")
    else:
        header = "[tool.newslint.per-file-ignores]" if pyproject else "[per-file-ignores]"
        new = _append_table(text, header, line)

    def change(data: dict[str, Any]) -> None:
        data.setdefault("per-file-ignores", {}).setdefault(pattern, []).append(code)

    return _verified(text, new, pyproject, change)


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
    old = path.read_text(encoding="utf-8")
    new = edit(old, pyproject=pyproject)
    if new == old:
        return False
    replace_file(path, new.encode("utf-8"), expect=stamp)
    return True
