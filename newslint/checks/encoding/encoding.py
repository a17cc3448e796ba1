"""Encoding and engine rules (NL0xx): bytes that are not UTF-8 text; unused suppressions.

The rules and their diagnostics are in ``newslint.model.encoding`` (the runner
builds NL001 before parsing) and ``newslint.run.suppressions`` (the engine
builds NL002 after every rule has run); this plugin declares them.
"""

from __future__ import annotations

from newslint import Context, Diagnostic, Document, Rule, hookimpl
from newslint.model.encoding import INVALID_UTF8
from newslint.run.suppressions import UNUSED_SUPPRESSION


@hookimpl
def newslint_rules() -> list[Rule]:
    return [INVALID_UTF8, UNUSED_SUPPRESSION]


@hookimpl
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    """Lone surrogates, replaced with U+FFFD when the document was built (JSON text, an editor's buffer)."""
    if not doc.surrogates or not ctx.is_enabled(INVALID_UTF8):
        return []
    first = doc.surrogates[0]
    more = len(doc.surrogates) - 1
    return [
        doc.diagnostic(
            INVALID_UTF8,
            first,
            first + 1,
            "Lone surrogate: text that cannot be encoded as UTF-8 (broken UTF-16 or JSON \\ud800 escapes); "
            f"replaced with U+FFFD{f', with {more} more' if more else ''}",
            suggestion="Fix the text at its source",
        )
    ]
