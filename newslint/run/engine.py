"""The engine: build a run from options, check documents (map) and the corpus (reduce).

The engine gates plugins: a plugin whose declared codes are all disabled takes
no part in the run, and the packs a plugin declares (``newslint_packs``) are
loaded before its ``newslint_configure``. It reports each region once: lines
that a rule with ``Rule.owns_region`` reported (page chrome) carry no findings
of other families that judge the words.

``Engine.create`` is deterministic in its ``RunOptions``, which pickle, so a
worker process rebuilds the same engine from the same options instead of
receiving a plugin manager.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pluggy

from newslint.model.diagnostic import Category, Diagnostic
from newslint.model.document import Document
from newslint.model.facts import Facts
from newslint.plugin.config import CORE_OPTIONS, ConfigError, find_config, load_config, read_toml, validate_option
from newslint.plugin.context import Context
from newslint.plugin.packs import PackError, Packs
from newslint.plugin.registry import PluginError, Registry, make_plugin_manager, plugin_label
from newslint.plugin.selection import Layer, resolve
from newslint.run.suppressions import (
    SuppressionFacts,
    apply_corpus_suppressions,
    apply_suppressions,
    drop_masked,
)

__all__ = ["CHARACTER_CATEGORIES", "Engine", "RunOptions", "one_report_per_region"]


@dataclass(frozen=True)
class RunOptions:
    """What the command line (or an API caller) asks of a run; picklable.

    Args:
        paths: The paths to lint; used to find the config file and corpus scope.
        config: An explicit config file (``--config``); otherwise one is searched for.
        isolated: Ignore every config file.
        select: ``--select``; replaces the configured selection when given.
        extend_select: ``--extend-select``.
        ignore: ``--ignore``.
        plugins: ``-p NAME`` modules (or plugin objects, in-process only).
        blocked: ``-p no:NAME`` names.
        entry_points: Load installed plugins.
        date: ``--date``; wins over config and the text.
        corpus: Force corpus rules on or off; ``None`` decides from ``paths``.
        overrides: Extra config values by key, as if written in the config file.
        document_rules: ``False`` reports only the corpus rules' findings
            (``--corpus-only``: the pre-commit corpus hook, so the per-file hook's
            findings are never reported twice).
    """

    paths: Sequence[str] = ()
    config: str | None = None
    isolated: bool = False
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    plugins: Sequence[str | object] = ()
    blocked: Sequence[str] = ()
    entry_points: bool = True
    date: dt.date | None = None
    corpus: bool | None = None
    overrides: Mapping[str, object] = field(default_factory=dict)
    document_rules: bool = True


class Engine:
    """A configured run: plugin manager, registry and context."""

    def __init__(self, pm: pluggy.PluginManager, registry: Registry, ctx: Context) -> None:
        self.pm = pm
        self.registry = registry
        self.ctx = ctx
        self._labels = {id(p): plugin_label(pm, p) for p in pm.get_plugins()}
        self._gated = {id(p) for p in pm.get_plugins() if not _takes_part(pm.get_name(p), registry, ctx.enabled)}
        self._region_owners = frozenset(code for code, rule in registry.rules.items() if rule.owns_region)
        self._configured = False
        self._check_impls = self._impls(pm.hook.newslint_check)
        self._extract_impls = self._impls(pm.hook.newslint_extract) if ctx.corpus else []
        corpus_stage = {code for code, rule in registry.rules.items() if rule.stage != "document"}
        #: Codes a document's suppressions can be unused for: all enabled, but a corpus-only
        #: rule only when the corpus stage runs.
        self._checked_in_documents = frozenset(
            code for code in ctx.enabled if ctx.corpus or registry.rules[code].stage != "corpus"
        )
        #: Codes the corpus stage may report: a directive naming one waits for it.
        self._deferred = frozenset(corpus_stage & ctx.enabled) if ctx.corpus else frozenset()
        self.document_rules = True
        self._per_file_ignores = [(pattern, tuple(codes)) for pattern, codes in ctx.options["per-file-ignores"].items()]

    @classmethod
    def create(cls, options: RunOptions = RunOptions(), *, configure: bool = True) -> Engine:
        """Read config, load plugins, resolve selection and run ``newslint_configure``.

        With ``configure=False`` the packs are loaded and ``newslint_configure``
        runs only when the engine first checks something (``configure``): the
        command line builds its engines so, and a run whose files all come from
        the result cache, or that only lists rules, never loads a pack or the
        dictionary. Errors of packs and plugins are then raised by that check.

        Raises:
            ConfigError: bad config, selectors or packs.
            PluginError: a plugin failed to load or declared something invalid.
        """
        config_path = None
        if options.config:
            config_path = Path(options.config)
        elif not options.isolated:
            config_path = find_config(options.paths)
        blocked = [*options.blocked, *_disabled_plugins(config_path)]
        pm = make_plugin_manager(entry_points=options.entry_points, plugins=options.plugins, blocked=blocked)
        registry = Registry.collect(pm)
        config = load_config(config_path, registry.options)
        opts_by_name = {o.name: o for o in registry.options}
        for key, value in options.overrides.items():
            if key not in config.options:
                raise ConfigError(f"unknown option {key!r}")
            declared = {o.name: o for o in CORE_OPTIONS} | opts_by_name
            config.options[key] = validate_option(declared[key], value, f"option {key}")
        layers = []
        where = f"{config_path}" if config_path else "config"
        if config_path is not None:
            layers.append(
                Layer(
                    config.options["select"],
                    config.options["extend-select"],
                    config.options["ignore"],
                    source=where,
                )
            )
        layers.append(Layer(options.select, options.extend_select, options.ignore, source="command line"))
        try:
            enabled = resolve(registry.rules, layers)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        corpus = options.corpus
        if corpus is None:
            corpus = len(options.paths) > 1 or any(os.path.isdir(p) for p in options.paths if p != "-")
        packs = Packs([config.resolve_path(p) for p in config.options["packs"]])
        ctx = Context(
            config=config,
            rules=registry.rules,
            enabled=enabled,
            packs=packs,
            date=options.date or config.options["date"],
            corpus=corpus,
        )
        engine = cls(pm, registry, ctx)
        engine.document_rules = options.document_rules
        if configure:
            engine.configure()
        return engine

    def configure(self) -> None:
        """Load the packs the enabled rules use and run ``newslint_configure``, once.

        Raises:
            ConfigError: a pack is invalid.
            PluginError: a plugin failed to configure.
        """
        if self._configured:
            return
        self._load_packs()
        ctx = self.ctx
        for impl, label in self._impls(self.pm.hook.newslint_configure):
            _guarded(label, "newslint_configure", lambda impl=impl: impl.function(*_args(impl, ctx=ctx)))
        self._configured = True
        if gc.get_freeze_count():
            # The run froze its start-up state (``cli._tune_collector``); the packs
            # and dictionary just loaded are start-up state too.
            gc.freeze()

    def _impls(self, hook: pluggy.HookCaller) -> list[tuple[pluggy.HookImpl, str]]:
        """The implementations of plugins taking part in the run, in registration order (stable output)."""
        return [
            (impl, self._labels.get(id(impl.plugin), impl.plugin_name))
            for impl in hook.get_hookimpls()
            if id(impl.plugin) not in self._gated
        ]

    def _load_packs(self) -> None:
        """Load the packs that plugins taking part declare for their enabled rules."""
        for plugin in self.pm.get_plugins():
            name = self.pm.get_name(plugin)
            if id(plugin) in self._gated or name not in self.registry.packs:
                continue
            label = self._labels.get(id(plugin), str(name))
            for use in self.registry.packs[name]:
                codes = use.codes() or self.registry.codes.get(str(name), ())
                if codes and not any(code in self.ctx.enabled for code in codes):
                    continue
                _guarded(
                    label,
                    f"loading packs of kind {use.kind!r}",
                    lambda use=use: self.ctx.packs.load(use.kind, use.parse),
                )

    # -- map ---------------------------------------------------------------------

    def check(self, doc: Document) -> tuple[list[Diagnostic], list[Facts]]:
        """Every enabled rule's diagnostics for ``doc`` (sorted), and its corpus facts."""
        if not self._configured:
            self.configure()
        found: list[Diagnostic] = []
        for impl, label in self._check_impls if self.document_rules else ():
            result = _guarded(
                label,
                f"newslint_check on {doc.path}",
                lambda impl=impl: impl.function(*_args(impl, doc=doc, ctx=self.ctx)),
            )
            found.extend(self._validated(result, label))
        facts: list[Facts] = []
        for impl, label in self._extract_impls:
            fact = _guarded(
                label,
                f"newslint_extract on {doc.path}",
                lambda impl=impl: impl.function(*_args(impl, doc=doc, ctx=self.ctx)),
            )
            if fact is not None:
                facts.append(fact)
        kept, pending = self._filter_document(doc, found)
        if pending is not None:
            facts.append(pending)
        return one_report_per_region(kept, self._region_owners), facts

    # -- reduce ------------------------------------------------------------------

    def check_corpus(self, facts: Mapping[str, Facts], reported: Iterable[Diagnostic] = ()) -> list[Diagnostic]:
        """Judge the merged corpus facts.

        Args:
            facts: Every document's facts, merged by key.
            reported: The documents' own diagnostics: the regions they mark
                (``Rule.owns_region``) carry no corpus finding either.
        """
        if not self.ctx.corpus:
            return []
        if not self._configured:
            self.configure()
        found: list[Diagnostic] = []
        for impl, label in self._impls(self.pm.hook.newslint_check_corpus):
            result = _guarded(
                label, "newslint_check_corpus", lambda impl=impl: impl.function(*_args(impl, facts=facts, ctx=self.ctx))
            )
            found.extend(self._validated(result, label))
        found = apply_corpus_suppressions(self._select(found), facts.get(SuppressionFacts.key))
        return one_report_per_region(sorted(found), self._region_owners, reported)

    # -- selection -----------------------------------------------------------------

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Drop unselected codes and per-file ignores; sort by path, position, code.

        A corpus-only engine (``document_rules=False``) keeps no per-document finding.
        """
        if not self.document_rules:
            return []
        return self._select(diagnostics)

    def _select(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        kept = [d for d in diagnostics if d.code in self.ctx.enabled and not self._ignored_for_file(d)]
        return sorted(set(kept))

    def filter_document(self, doc: Document, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """``filter``, then what the document itself says: masked markup and inline suppressions."""
        return self._filter_document(doc, diagnostics)[0]

    def _filter_document(
        self, doc: Document, diagnostics: Iterable[Diagnostic]
    ) -> tuple[list[Diagnostic], SuppressionFacts | None]:
        """``filter_document``, and the suppressions left pending for the corpus stage."""
        kept = self.filter(drop_masked(doc, diagnostics))
        return apply_suppressions(
            doc, kept, self.ctx.enabled, checked=self._checked_in_documents, deferred=self._deferred
        )

    def _ignored_for_file(self, diag: Diagnostic) -> bool:
        if not self._per_file_ignores:
            return False
        rel = _relative(diag.path, self.ctx.config.root)
        name = os.path.basename(diag.path)
        for pattern, codes in self._per_file_ignores:
            if (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern)) and any(
                code == "ALL" or diag.code.startswith(code) for code in codes
            ):
                return True
        return False

    def _validated(self, result: object, label: str) -> list[Diagnostic]:
        diags = list(result or ())  # type: ignore[call-overload]
        for diag in diags:
            if not isinstance(diag, Diagnostic):
                raise PluginError(f"plugin {label}: returned {diag!r}, not a Diagnostic")
            if diag.code not in self.registry.rules:
                raise PluginError(f"plugin {label}: reported code {diag.code}, which no plugin declares")
        return diags


def _takes_part(name: str | None, registry: Registry, enabled: frozenset[str]) -> bool:
    """A plugin takes part unless it declares rules and none of them is enabled."""
    codes = registry.codes.get(str(name), ())
    return not codes or any(code in enabled for code in codes)


#: Findings about the characters themselves (bytes that decode wrongly, invisible or
#: stray whitespace) are facts, not judgments of the words: a region keeps them.
CHARACTER_CATEGORIES = frozenset({Category.ENCODING, Category.WHITESPACE})
#: Findings that relate a region to the rest of the article: a name spelled one way in the
#: body and another in a caption is one fact about the page, and its spelling in the chrome
#: is the evidence; it stays even when the region is reported (and survives a wrong region).
ARTICLE_WIDE_CATEGORIES = frozenset({Category.ROMANIZATION})
#: Categories one report per region never drops.
KEPT_IN_REGIONS = CHARACTER_CATEGORIES | ARTICLE_WIDE_CATEGORIES


def _family(code: str) -> str:
    """A code's family: all but its last two digits (NL203 -> NL2)."""
    return code[:-2]


def one_report_per_region(
    diagnostics: list[Diagnostic], owners: frozenset[str], reported: Iterable[Diagnostic] | None = None
) -> list[Diagnostic]:
    """Drop findings that lie wholly inside a region another family already reported.

    A region is the lines of a diagnostic whose rule ``owns_region`` (a chrome
    line, a chrome block). A finding of another family that judges the words
    (a typo, a name, a duplicate, typography...) and whose every line is in a
    region of its document is dropped. Findings of the owning family, of other
    owners, about the characters themselves (``CHARACTER_CATEGORIES``:
    mojibake, invisible characters, whitespace) and article-wide name
    spellings (``ARTICLE_WIDE_CATEGORIES``) stay. In the corpus stage
    (``reported`` given), a region owner's own corpus finding on lines a
    document finding already marks is dropped too: one report per region.
    Order is kept.

    Args:
        diagnostics: The findings to thin out (sorted or not).
        owners: Codes whose findings mark regions.
        reported: Where the regions come from, when not ``diagnostics``
            themselves (the documents' findings, for corpus findings).
    """
    if not owners:
        return diagnostics
    regions: dict[str, list[tuple[int, int, str]]] = {}
    for d in diagnostics if reported is None else reported:
        if d.code in owners:
            regions.setdefault(d.path, []).append((d.line, _last_line(d), _family(d.code)))
    if not regions:
        return diagnostics
    kept = []
    for d in diagnostics:
        spans = regions.get(d.path)
        if spans and d.code not in owners and d.category not in KEPT_IN_REGIONS:
            first, last, family = d.line, _last_line(d), _family(d.code)
            if any(top <= first and last <= bottom and family != owner for top, bottom, owner in spans):
                continue
        elif spans and reported is not None and d.code in owners:
            # A corpus-stage region (NL206) on lines a document rule already reported: reported once.
            first, last = d.line, _last_line(d)
            if any(top <= first and last <= bottom for top, bottom, _owner in spans):
                continue
        kept.append(d)
    return kept


def _last_line(d: Diagnostic) -> int:
    """The last line a diagnostic covers (its end is exclusive: column 1 of a later line ends the one before)."""
    return d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line


def _args(impl: pluggy.HookImpl, **available: object) -> list[object]:
    """The arguments an implementation asked for (pluggy lets it take a subset)."""
    return [available[name] for name in impl.argnames]


def _guarded(label: str, what: str, call):  # type: ignore[no-untyped-def]
    """Run one plugin call; any exception becomes a ``PluginError`` naming the plugin."""
    try:
        return call()
    except (ConfigError, PluginError):
        raise
    except Exception as exc:  # the plugin boundary: name the plugin and the input
        if isinstance(exc, PackError):
            raise ConfigError(str(exc)) from exc
        raise PluginError(f"plugin {label}: {what} raised {type(exc).__name__}: {exc}") from exc


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


def _disabled_plugins(config_path: Path | None) -> list[str]:
    """``disable-plugins`` from the raw config: needed before plugins are loaded."""
    if config_path is None:
        return []
    data = read_toml(config_path)
    table = data.get("tool", {}).get("newslint", {}) if config_path.name == "pyproject.toml" else data
    value = table.get("disable-plugins", []) if isinstance(table, dict) else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{config_path}: disable-plugins: expected a list of strings, got {value!r}")
    return value
