"""The plugin contract: every hook a rule, reporter or option plugin may implement.

Hooks are grouped by phase and listed in the order they fire during a run:

1. declaration: ``newslint_rules``, ``newslint_options``, ``newslint_reporters``,
   ``newslint_packs`` (called once, when the run starts, to build the registries);
2. set-up: ``newslint_configure`` (once per run, after config is read);
3. map: ``newslint_check`` and ``newslint_extract`` (once per document,
   possibly in a worker process);
4. reduce: ``newslint_check_corpus`` (once per run, in the parent process,
   after every document's facts are merged).

The engine gates plugins: a plugin that declares rules and none of whose codes
is enabled takes no part in phases 2-4 (a plugin that declares no rules always
does), and the packs a plugin declares with ``newslint_packs`` are loaded
before its ``newslint_configure``. So a hook needs no "is any of my rules on?"
preamble and no ``ctx.packs.load`` of its own; it reads ``ctx.packs[kind]``.

Built-in plugins implement these hooks exactly as an installed package does;
see ``newslint.plugin.registry.BUILTIN_PLUGINS``. Implementations import ``hookimpl``
and the types from ``newslint``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslint.model.diagnostic import Diagnostic, Rule
    from newslint.model.document import Document
    from newslint.model.facts import Facts
    from newslint.output.reporter import Reporter
    from newslint.plugin.config import Option
    from newslint.plugin.context import Context
    from newslint.plugin.packs import PackUse

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- 1. declaration --------------------------------------------------------------


@hookspec
def newslint_rules() -> list[Rule]:
    """Declare the rules this plugin reports.

    Called once when the plugin manager is built, before config is applied, to
    fill the rule registry behind ``--list-rules``, ``--explain``, selection
    and the SARIF rule table. Implemented by every rule plugin.

    :returns: The plugin's rules. Codes must match ``^[A-Z]{2,4}[0-9]{3}$``
        and be unique across all plugins; a clash is a start-up error that
        names both plugins.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


@hookspec
def newslint_options() -> list[Option]:
    """Declare the configuration keys this plugin reads.

    Called once at start-up, before config files are validated: a key in
    ``[tool.newslint]`` that neither the core nor any plugin declares is an
    error (exit 2). Values reach rules as ``ctx.options[name]``.

    :returns: Options with a kebab-case name, a type, a default and a help line.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


@hookspec
def newslint_reporters() -> dict[str, Reporter]:
    """Declare output formats, selectable with ``--format NAME``.

    Called once at start-up.

    :returns: A mapping of format name to a ``Reporter`` callable. A name
        already taken by another plugin is a start-up error.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


@hookspec
def newslint_packs() -> list[PackUse]:
    """Declare the kinds of rule packs this plugin reads.

    Called once at start-up. For each ``newslint.PackUse(kind, parse, rules)``
    the engine parses every pack of ``kind`` with ``parse`` (bundled first,
    then the newsroom's, in config order) once per run, before
    ``newslint_configure``, when the plugin takes part in the run and any of
    ``rules`` (by default, any of the plugin's rules) is enabled. A bad pack
    stops the run with exit 2 before any document is read. Hooks then read the
    parsed value as ``ctx.packs[kind]``.

    Optional: a plugin may still call ``ctx.packs.load(kind, parse)`` itself.

    :returns: The plugin's ``PackUse`` declarations.

    .. versionadded:: 0.2
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


# -- 2. set-up -------------------------------------------------------------------


@hookspec
def newslint_configure(ctx: Context) -> None:
    """Prepare for a run: load and validate packs, compile patterns.

    Called once per run (in the parent process and in each worker), after
    config is read, rule selection is resolved and declared packs are loaded,
    before any document is checked; not called when none of the plugin's
    rules is enabled. Prepare only what enabled rules need (``ctx.is_enabled``)
    so that start-up stays fast.
    Raise ``newslint.PackError`` or ``newslint.ConfigError`` for bad input:
    the run stops with exit 2 and the message.

    :param ctx: The run's context. Anything stored on ``ctx.packs`` must pickle,
        because worker processes receive a copy.

    .. versionadded:: 0.1
    """


# -- 3. map: one document ---------------------------------------------------------


@hookspec
def newslint_check(doc: Document, ctx: Context) -> list[Diagnostic]:
    """Check one document and return what is wrong with it.

    Called once per document, after it is decoded and split into lines,
    paragraphs, sentences and tokens, and before any corpus hook. It may run
    in a worker process, so use nothing but ``doc`` and ``ctx``. Implemented
    by every rule plugin, built-in or installed. Not called when none of the
    plugin's rules is enabled (nor are ``newslint_extract`` and
    ``newslint_check_corpus``).

    :param doc: The parsed article. Use its spans and tokens; never re-read
        the file or re-split the text.
    :param ctx: Config, loaded packs, enabled codes and the article date
        (``ctx.date``, ``None`` when unknown).
    :returns: Diagnostics for codes declared in ``newslint_rules``, in any
        order; ``[]`` when clean. The engine drops unselected codes,
        per-file ignores and findings that judge the words inside a region
        that a rule with ``Rule.owns_region`` of another family already
        reported (one report per region), and sorts the rest.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


@hookspec
def newslint_extract(doc: Document, ctx: Context) -> Facts | None:
    """Extract the facts a cross-document rule needs from one document.

    Called once per document, next to ``newslint_check``, when the run has
    corpus scope (a directory, several files or ``--corpus``). It may run in
    a worker process or on a Dask worker.

    :param doc: The parsed article.
    :param ctx: The run's context.
    :returns: A picklable ``Facts`` whose ``merge`` is associative and
        commutative, so that any split of the corpus gives the same result;
        ``None`` when the plugin has nothing to say about this document.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations


# -- 4. reduce: the whole corpus ----------------------------------------------------


@hookspec
def newslint_check_corpus(facts: Mapping[str, Facts], ctx: Context) -> list[Diagnostic]:
    """Judge the merged facts of every document in the run.

    Called once per run in the parent process, after every document's facts
    have been merged per ``Facts.key``.

    :param facts: Merged facts by key; a plugin reads only its own key(s).
    :param ctx: The run's context.
    :returns: Diagnostics, each naming the document and position it is about
        (facts carry them); ``[]`` when the corpus is consistent.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations
