"""A third-party corpus rule for the scale tests: a headline that another document also uses.

It is a real plugin (loaded with ``-p headline_probe``) with real map/reduce:
each document yields its folded first line as ``Facts``; the facts merge by
union; the judge reports every document whose headline another one shares.
"""

from __future__ import annotations

from newslint import Category, Context, Diagnostic, Document, Facts, Rule, Severity, hookimpl
from newslint.text.normalize import fold

SHARED_HEADLINE = Rule(
    code="XP001",
    name="shared-headline",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="First line is the same as another document's",
    explanation="## What it does\nTest probe.\n## Why is this bad?\nTest probe.\n## Example\n    A\nUse instead:\n    B\n",
)


class Headlines(Facts):
    """Folded first line -> the documents (path, end column) that open with it."""

    key = "probe-headlines"

    def __init__(self, by_line: dict[str, frozenset[tuple[str, int]]]) -> None:
        self.by_line = by_line

    def merge(self, other: Facts) -> Facts:
        assert isinstance(other, Headlines)
        out = dict(self.by_line)
        for line, docs in other.by_line.items():
            out[line] = out.get(line, frozenset()) | docs
        return Headlines(out)


@hookimpl
def newslint_rules() -> list[Rule]:
    return [SHARED_HEADLINE]


@hookimpl
def newslint_extract(doc: Document, ctx: Context) -> Facts | None:
    if not ctx.is_enabled(SHARED_HEADLINE) or not doc.lines:
        return None
    first = doc.line_text(1)
    if len(first.strip()) < 10:
        return None
    return Headlines({fold(first): frozenset({(doc.path, len(first) + 1)})})


@hookimpl
def newslint_check_corpus(facts, ctx: Context) -> list[Diagnostic]:
    found = facts.get(Headlines.key)
    out = []
    for docs in found.by_line.values() if found else ():
        if len(docs) < 2:
            continue
        for path, end in sorted(docs):
            others = len(docs) - 1
            out.append(
                Diagnostic(
                    path=path,
                    line=1,
                    column=1,
                    end_line=1,
                    end_column=end,
                    code=SHARED_HEADLINE.code,
                    message=f"Headline also opens {others} other document{'s' if others > 1 else ''}",
                    severity=SHARED_HEADLINE.severity,
                    category=SHARED_HEADLINE.category,
                )
            )
    return out
