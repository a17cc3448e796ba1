"""A test plugin whose corpus facts record which processes linted the documents.

``XP900`` reports, on the first document, how many distinct processes ran
``newslint_extract``: proof that ``--jobs 2`` really used two workers.
"""

from __future__ import annotations

import os
import time

from newslint import Category, Context, Diagnostic, Document, Facts, Rule, Severity, hookimpl

PROCESSES = Rule(
    code="XP900",
    name="linted-by-processes",
    category=Category.USAGE,
    severity=Severity.INFO,
    summary="How many processes linted the corpus",
    explanation="## What it does\nTest probe.\n## Why is this bad?\nTest probe.\n## Example\n    A\nUse instead:\n    B\n",
    default_enabled=False,
)


class Pids(Facts):
    key = "probe-pids"

    def __init__(self, pids: frozenset[int], first: str) -> None:
        self.pids = pids
        self.first = first

    def merge(self, other: Facts) -> Facts:
        assert isinstance(other, Pids)
        return Pids(self.pids | other.pids, min(self.first, other.first))


@hookimpl
def newslint_rules() -> list[Rule]:
    return [PROCESSES]


@hookimpl
def newslint_extract(doc: Document, ctx: Context) -> Facts | None:
    if not ctx.is_enabled(PROCESSES):
        return None
    # Each document takes a moment, so that on a loaded machine one worker
    # cannot drain the whole queue before the other has started.
    time.sleep(0.01)
    return Pids(frozenset({os.getpid()}), doc.path)


@hookimpl
def newslint_check_corpus(facts, ctx: Context) -> list[Diagnostic]:
    found = facts.get(Pids.key)
    if found is None:
        return []
    return [
        Diagnostic(
            path=found.first,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            code=PROCESSES.code,
            message=f"linted by {len(found.pids)} processes",
            severity=PROCESSES.severity,
            category=PROCESSES.category,
        )
    ]
