"""Encoding (NL0xx): bytes that are not UTF-8 text. The runner reports these before parsing.

The rule and its diagnostic are in ``newslint.model.encoding`` (the engine builds
NL001 itself); this plugin declares the rule.
"""

from __future__ import annotations

from newslint import Rule, hookimpl
from newslint.model.encoding import INVALID_UTF8


@hookimpl
def newslint_rules() -> list[Rule]:
    return [INVALID_UTF8]
