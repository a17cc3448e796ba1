"""Encoding (NL0xx): bytes that are not UTF-8 text. The runner reports these before parsing.

The rule and its diagnostic are in ``newslint.model.encoding`` (the engine builds
NL001 itself); this plugin declares the rule.
"""

from __future__ import annotations

from newslint import Context, Diagnostic, Document, Rule, hookimpl
from newslint.model.encoding import INVALID_UTF8


@hookimpl
def newslint_rules() -> list[Rule]:
    return [INVALID_UTF8]


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
