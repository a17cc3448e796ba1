"""Rule selection with ruff's precedence: the CLI over config, the most specific selector wins.

Each layer (config file, then command line) may replace the selection with
``select``, add to it with ``extend-select`` and remove from it with
``ignore``. Within a layer, for each code the longest matching selector
decides, and ``ignore`` wins a tie. ``ALL`` matches every code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newslint.model.diagnostic import Rule

__all__ = ["Layer", "SelectionError", "check_selectors", "matches", "resolve"]


class SelectionError(ValueError):
    """A selector that names no rule."""


@dataclass(frozen=True)
class Layer:
    """The selectors one source (config file or command line) gives."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    source: str = "command line"


def matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _specificity(selectors: Iterable[str], code: str) -> int:
    """Length of the longest selector matching ``code``; -1 when none does."""
    best = -1
    for sel in selectors:
        if matches(sel, code):
            best = max(best, 0 if sel == "ALL" else len(sel))
    return best


def check_selectors(rules: Mapping[str, Rule], selectors: Iterable[str], where: str) -> None:
    """Raise ``SelectionError`` for a selector that matches no registered code."""
    for sel in selectors:
        if sel != "ALL" and not any(code.startswith(sel) for code in rules):
            raise SelectionError(f"{where}: unknown code or prefix {sel!r}; see --list-rules")


def resolve(rules: Mapping[str, Rule], layers: Sequence[Layer]) -> frozenset[str]:
    """The enabled codes after applying ``layers`` in order to the default set."""
    enabled = {code for code, rule in rules.items() if rule.default_enabled}
    for layer in layers:
        check_selectors(rules, [*(layer.select or ()), *layer.extend_select, *layer.ignore], layer.source)
        positive = [*(layer.select or ()), *layer.extend_select]
        for code in rules:
            on = _specificity(positive, code)
            off = _specificity(layer.ignore, code)
            if off >= 0 and off >= on:
                enabled.discard(code)
            elif on >= 0:
                enabled.add(code)
            elif layer.select is not None:
                enabled.discard(code)
    return frozenset(enabled)
