"""newslint: a linter for news text. The public API for users and plugin authors.

Plugins import everything they need from here::

    from newslint import Category, Context, Diagnostic, Document, Rule, Severity, hookimpl
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newslint.config import ConfigError, Option
from newslint.context import Context
from newslint.corpus import Facts
from newslint.diagnostic import Category, Diagnostic, Edit, Rule, Severity
from newslint.document import DecodeError, Document, Line, Paragraph, Sentence, Token, TokenKind
from newslint.hookspecs import hookimpl
from newslint.packs import PackError, PackSource, check_keys, field_of
from newslint.reporting import ReportContext, Reporter

if TYPE_CHECKING:
    from newslint.runner import RunResult

__version__ = "0.1.0"

__all__ = [
    "Category",
    "ConfigError",
    "Context",
    "DecodeError",
    "Diagnostic",
    "Document",
    "Edit",
    "Facts",
    "Line",
    "Option",
    "PackError",
    "PackSource",
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
    from newslint.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(**{"corpus": False, **options}))
    diagnostics, _facts = engine.check(Document(text, path))
    return diagnostics


def lint_paths(paths: list[str], **options: Any) -> RunResult:
    """Lint files and directories (corpus rules included) and return the ``RunResult``."""
    from newslint.engine import Engine, RunOptions
    from newslint.runner import run
    from newslint.sources import discover

    engine = Engine.create(RunOptions(paths=tuple(paths), **options))
    return run(engine, discover(paths, engine.ctx.config))
