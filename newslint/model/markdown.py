"""Markdown files: what is prose, what is markup, and the front matter.

For ``.md`` and ``.markdown`` files the text the rules read is the source with
everything that is not prose replaced by spaces: code spans and blocks, HTML
(comments included), autolinks and bare URLs, link and image targets,
reference definitions, table delimiter rows, heading markers, thematic breaks
and the front matter. Line terminators are kept, and one code point becomes
one space, so every offset, line and column is the same in the masked text
and in the file; ``Document.source`` keeps the file's text for fixes.

The block structure comes from markdown-it-py (CommonMark, with tables): its
tokens give the lines of fences, indented code, HTML blocks, headings,
breaks and the lines holding inline text. markdown-it-py's inline tokens
carry no source offsets, so inside inline lines the spans are found by the
CommonMark shapes of code spans (a backtick run closed by a run of the same
length), link destinations, autolinks and inline HTML.

Front matter is YAML between ``---`` lines or TOML between ``+++`` lines at the
top of the file (Hugo, Jekyll, Astro). Its ``title`` value stays visible, in
place, so the headline rules and the spelling rules read it where it is; its
``date`` goes into ``Document.meta`` for the date rules.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping

from newslint.text.lazy_re import lazy_compile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["MARKDOWN_SUFFIXES", "MarkdownView", "front_matter", "is_markdown", "mask_markdown"]

MARKDOWN_SUFFIXES = (".md", ".markdown")

_FRONT_OPEN = lazy_compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")
_LINE = lazy_compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# A YAML scalar at the top level: key, colon, value (quoted or plain), maybe a comment.
_YAML_FIELD = lazy_compile(
    r"""^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>"[^"\r\n]*"|'[^'\r\n]*'|[^#\r\n]*?)[ \t]*(?:#.*)?$"""
)
_TOML_FIELD = lazy_compile(
    r"""^(?P<key>[A-Za-z_][\w-]*)[ \t]*=[ \t]*(?P<value>"[^"\r\n]*"|'[^'\r\n]*'|[^#\r\n]*?)[ \t]*(?:#.*)?$"""
)

# Inline shapes (CommonMark). Code spans first: what is inside them is not markup.
_CODE_SPAN = lazy_compile(r"(?<!`)(`+)(?!`)(?:.|\n)*?(?<!`)\1(?!`)")
_AUTOLINK = lazy_compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~\-]+@[\w\-]+(?:\.[\w\-]+)*)>"
)
_HTML_COMMENT = lazy_compile(r"<!--(?:.|\n)*?-->")
_HTML_TAG = lazy_compile(
    r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][\w.:\-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
# "](destination "title")": the parentheses and what is inside them.
_LINK_TARGET = lazy_compile(
    r"(?<=\])\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
# "][label]": a full reference link's label.
_LINK_LABEL = lazy_compile(r"(?<=\])\[[^\]\n]*\]")
_BARE_URL = lazy_compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ATX = lazy_compile(r"^([ \t]{0,3})(#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = lazy_compile(r"[ \t]+#+[ \t]*$")
_CELL_PIPE = lazy_compile(r"(?<!\\)\|")
_DELIMITER_ROW = lazy_compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def is_markdown(path: str) -> bool:
    """Whether ``path`` names a Markdown file, by its suffix."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


class MarkdownView:
    """The masked text of a Markdown source, the masked spans, and the front-matter fields."""

    def __init__(self, text: str, spans: list[tuple[int, int]], meta: Mapping[str, str]) -> None:
        self.text = text
        self.spans = spans
        self.meta = dict(meta)


def front_matter(text: str) -> tuple[int, int, dict[str, tuple[str, int, int]]] | None:
    """``(start, end, fields)`` of the front matter, or ``None``.

    ``fields`` maps each top-level scalar key to ``(value, start, end)``, the
    value's span in ``text`` (quotes excluded). TOML front matter is parsed
    with ``tomllib`` to check it is TOML; values keep their source spans.
    """
    m = _FRONT_OPEN.match(text)
    if not m:
        return None
    fence = m.group(1)
    pos = m.end()
    fields: dict[str, tuple[str, int, int]] = {}
    pattern = _YAML_FIELD if fence == "---" else _TOML_FIELD
    for lm in _LINE.finditer(text, pos):
        raw = lm.group()
        body = raw.rstrip("\r\n")
        if body.rstrip() == fence:
            end = lm.end()
            if fence == "+++":
                try:
                    tomllib.loads(text[m.end() : lm.start()].replace("\r\n", "\n"))
                except tomllib.TOMLDecodeError:
                    return None
            return m.start(), end, fields
        if body.startswith((" ", "\t")):  # nested YAML: not a top-level field
            continue
        fm = pattern.match(body)
        if fm and fm.group("key") not in fields:
            value = fm.group("value")
            vstart = lm.start() + fm.start("value")
            if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
                value, vstart = value[1:-1], vstart + 1
            fields[fm.group("key").lower()] = (value, vstart, vstart + len(value))
    return None  # never closed: not front matter


@functools.lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def mask_markdown(source: str) -> MarkdownView:
    """Mask everything in ``source`` that is not prose (see the module docstring)."""
    chars = list(source)
    spans: list[tuple[int, int]] = []
    lines = [(m.start(), m.start() + len(m.group().rstrip("\r\n"))) for m in _LINE.finditer(source)]

    def mask(start: int, end: int) -> None:
        if end <= start:
            return
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
        spans.append((start, end))

    def mask_lines(first: int, last: int) -> None:
        for number in range(first, min(last, len(lines))):
            mask(*lines[number])

    meta: dict[str, str] = {}
    code: list[tuple[int, int]] = []  # fences, indented code, code spans: directives there are examples
    tables: list[tuple[int, int]] = []  # authored structure: never page chrome
    body = source
    matter = front_matter(source)
    if matter is not None:
        fm_start, fm_end, fields = matter
        title = fields.get("title")
        if title and title[0].strip():
            mask(fm_start, title[1])
            mask(title[2], fm_end)
        else:
            mask(fm_start, fm_end)
        for key in ("date", "publishdate", "pubdate", "published"):
            if key in fields and fields[key][0].strip():
                meta["date"] = fields[key][0].strip()
                break
        if title:
            meta["title"] = title[0]
        meta["markdown.front_matter_end"] = str(fm_end)
        # markdown-it must not read the front matter: blank it, keeping the line count.
        body = "".join(c if c in "\r\n" else " " for c in source[:fm_end]) + source[fm_end:]

    covered = [False] * len(lines)
    inline_lines: set[int] = set()
    for token in _parser().parse(body):
        if token.map is None:
            continue
        first, last = token.map
        for number in range(first, min(last, len(lines))):
            covered[number] = True
        if token.type in ("fence", "code_block", "html_block", "hr"):
            mask_lines(first, last)
            if token.type != "html_block" and token.type != "hr" and first < len(lines):
                code.append((lines[first][0], lines[min(last, len(lines)) - 1][1]))
        elif token.type == "inline":
            inline_lines.update(range(first, min(last, len(lines))))
        elif token.type == "heading_open":
            if token.markup.startswith("#"):
                _mask_atx(source, lines[first], mask)
            elif last - first >= 2:  # setext: the underline is the heading's last line
                mask(*lines[last - 1])
        elif token.type == "table_open" and last - first >= 2:
            tables.append((lines[first][0], lines[min(last, len(lines)) - 1][1]))
            start, end = lines[first + 1]
            if _DELIMITER_ROW.match(source, start, end):
                mask(start, end)
            for number in range(first, min(last, len(lines))):  # the cell borders are markup
                row_start, row_end = lines[number]
                for m in _CELL_PIPE.finditer(source, row_start, row_end):
                    mask(m.start(), m.end())
    if matter is not None:
        for number, (start, _end) in enumerate(lines):
            if start < matter[1]:
                covered[number] = True
    for number, (start, end) in enumerate(lines):
        if not covered[number] and source[start:end].strip():
            mask(start, end)  # a link reference definition: "[label]: url"
    for first, last in _runs(sorted(inline_lines)):
        start, end = lines[first][0], lines[last][1]
        _mask_inline(source, "".join(chars[start:end]), start, mask, code)
    spans.sort()
    if code:
        meta["markdown.code"] = ",".join(f"{a}-{b}" for a, b in sorted(code))
    if tables:
        meta["markdown.tables"] = ",".join(f"{a}-{b}" for a, b in tables)
    return MarkdownView("".join(chars), _merge(spans), meta)


def _mask_atx(source: str, line: tuple[int, int], mask) -> None:  # type: ignore[no-untyped-def]
    start, end = line
    text = source[start:end]
    m = _ATX.match(text)
    if m:
        mask(start + m.start(2), start + m.end(2))
        close = _ATX_CLOSE.search(text, m.end())
        if close:
            mask(start + close.start(), start + close.end())


def _mask_inline(source: str, current: str, offset: int, mask, code: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    """Mask code spans, then HTML, autolinks, link targets and URLs in one inline run."""
    chunk = current
    for m in _CODE_SPAN.finditer(chunk):
        mask(offset + m.start(), offset + m.end())
        code.append((offset + m.start(), offset + m.end()))
    chunk = _blank(chunk, _CODE_SPAN)
    for pattern in (_HTML_COMMENT, _AUTOLINK, _HTML_TAG, _LINK_TARGET, _LINK_LABEL, _BARE_URL):
        for m in pattern.finditer(chunk):
            mask(offset + m.start(), offset + m.end())
        chunk = _blank(chunk, pattern)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), text)


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
