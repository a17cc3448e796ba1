"""A test-only spelling plugin, installed as pip would (dist-info + entry point); see tests/test_lsp.py."""

from newslint import Category, Rule, Severity, hookimpl

RULE = Rule(
    "ZZ101",
    "test-typo",
    Category.TYPO,
    Severity.WARNING,
    "Unknown word",
    "## What it does\nFlags the word Zelenskyy unless it is in words.\n",
)


@hookimpl
def newslint_rules():
    return [RULE]


@hookimpl
def newslint_check(doc, ctx):
    accepted = set(ctx.options["words"])
    return [
        doc.diagnostic(RULE, t.start, t.end, f"Unknown word {t.text!r}")
        for t in doc.words
        if t.text == "Zelenskyy" and t.text not in accepted
    ]
