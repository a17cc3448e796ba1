"""Encoding and engine rules (NL0xx): bytes that are not UTF-8 text; unused suppressions.

The rules and their diagnostics are in ``newslint.model.encoding`` (the runner
builds NL001 before parsing) and ``newslint.run.suppressions`` (the engine
builds NL002 after every rule has run); this plugin declares them.
"""

from __future__ import annotations

from newslint import Rule, hookimpl
from newslint.model.encoding import INVALID_UTF8
from newslint.run.suppressions import UNUSED_SUPPRESSION


@hookimpl
def newslint_rules() -> list[Rule]:
    return [INVALID_UTF8, UNUSED_SUPPRESSION]
