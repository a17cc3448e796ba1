"""newslint: a linter for news text. The public API for users and plugin authors.

Plugins import everything they need from here::

    from newslint import Category, Context, Diagnostic, Document, PackUse, Rule, Severity, hookimpl
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newslint.model.diagnostic import Category, Diagnostic, Edit, Rule, Severity
from newslint.model.document import DecodeError, Document, Line, Paragraph, Sentence, Token, TokenKind
from newslint.model.facts import DocumentFacts, Facts
from newslint.output.reporter import ReportContext, Reporter
from newslint.plugin.config import ConfigError, Option
from newslint.plugin.context import Context
from newslint.plugin.hookspecs import hookimpl
from newslint.plugin.packs import PackError, PackSource, PackUse, check_keys, field_of

if TYPE_CHECKING:
    from newslint.run.runner import RunResult

__version__ = "0.1.0"

__all__ = [
    "Category",
    "ConfigError",
    "Context",
    "DecodeError",
    "Diagnostic",
    "Document",
    "DocumentFacts",
    "Edit",
    "Facts",
    "Line",
    "Option",
    "PackError",
    "PackSource",
    "PackUse",
    "Paragraph",
    "ReportContext",
    "Reporter",
    "Rule",
    "Sentence",
    "Severity",
    "Token",
    "TokenKind",
    "__version__",
    "check_keys",
    "field_of",
    "hookimpl",
    "lint_paths",
    "lint_text",
]


def lint_text(text: str, path: str = "-", **options: Any) -> list[Diagnostic]:
    """Lint one text in memory and return its sorted diagnostics.

    Args:
        text: The article.
        path: The path to show in diagnostics (also used by per-file-ignores).
        **options: ``RunOptions`` fields (``select``, ``ignore``, ``date``,
            ``plugins``, ``isolated``...). Installed plugins load unless
            ``entry_points=False``.
    """
    from newslint.run.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(**{"corpus": False, **options}))
    diagnostics, _facts = engine.check(Document(text, path))
    return diagnostics


def lint_paths(paths: list[str], **options: Any) -> RunResult:
    """Lint files and directories (corpus rules included) and return the ``RunResult``.

    Each file takes the nearest config above it (or ``config``/``isolated`` for
    all), as on the command line.
    """
    from newslint.plugin.resolve import Engines, Resolver, group_by_config, merge_results
    from newslint.run.engine import RunOptions
    from newslint.run.runner import RunResult, run
    from newslint.run.sources import discover

    run_options = RunOptions(paths=tuple(paths), **options)
    engines = Engines(run_options, Resolver(run_options.config, run_options.isolated))
    first = next((p for p in paths if p != "-"), ".")
    engine = engines.for_path(first)
    sources = discover(paths, engine.ctx.config, config_for=lambda d: engines.for_path(d, is_dir=True).ctx.config)
    results = [run(group_engine, members) for group_engine, _opts, members in group_by_config(engines, sources)]
    return merge_results(results) if results else RunResult()
