"""Finding, loading and validating plugins: built-ins register exactly like installed ones.

``make_plugin_manager`` builds a fresh manager per run (no module-level state),
registers ``BUILTIN_PLUGINS`` by dotted name, then the ``newslint`` entry-point
group, then explicit ``-p`` plugins. ``Registry`` collects what they declare
and rejects clashes, naming both plugins.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import pluggy

from newslint.model.diagnostic import CODE_PATTERN, Rule
from newslint.output.reporter import Reporter
from newslint.plugin import hookspecs
from newslint.plugin.config import CORE_OPTIONS, Option
from newslint.plugin.packs import PackUse

__all__ = ["BUILTIN_PLUGINS", "ENTRY_POINT_GROUP", "PluginError", "Registry", "make_plugin_manager"]

ENTRY_POINT_GROUP = "newslint"

_T = TypeVar("_T")

#: Built-in plugins, registered under their short name (``-p no:NAME`` blocks one).
BUILTIN_PLUGINS: Mapping[str, str] = {
    "encoding": "newslint.checks.encoding.encoding",
    "structure": "newslint.checks.structure.structure",
    "spelling": "newslint.checks.spelling.spelling",
    "vocabulary": "newslint.checks.spelling.vocabulary",
    "variety": "newslint.checks.style.variety",
    "typography": "newslint.checks.style.typography",
    "weekdays": "newslint.checks.style.weekdays",
    "confusables": "newslint.checks.style.confusables",
    "titles": "newslint.checks.titles.titles",
    "names": "newslint.checks.names.names",
    "boilerplate": "newslint.checks.boilerplate.boilerplate",
    "repeated-lines": "newslint.checks.boilerplate.repeated",
    "text-reporter": "newslint.output.reporters.text",
    "json-reporter": "newslint.output.reporters.json",
    "github-reporter": "newslint.output.reporters.github",
    "sarif-reporter": "newslint.output.reporters.sarif",
    "rdjson-reporter": "newslint.output.reporters.rdjson",
    "gitlab-reporter": "newslint.output.reporters.gitlab",
    "junit-reporter": "newslint.output.reporters.junit",
    "html-reporter": "newslint.output.reporters.html",
}


class PluginError(Exception):
    """A plugin failed to load, declared something invalid, or raised while checking."""


def make_plugin_manager(
    *,
    entry_points: bool = True,
    plugins: Iterable[str | object] = (),
    blocked: Iterable[str] = (),
) -> pluggy.PluginManager:
    """A new plugin manager with built-in, installed and explicit plugins registered.

    Args:
        entry_points: Load plugins from the ``newslint`` entry-point group.
            Tests pass ``False`` so installed plugins cannot change results.
        plugins: Extra plugins: importable module names (``-p NAME``) or
            objects (modules, instances) to register as they are.
        blocked: Names to block (``-p no:NAME``): a built-in's short name or
            an entry point's name.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in blocked:
        pm.set_blocked(name)
    for name, dotted in BUILTIN_PLUGINS.items():
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(dotted), name=name)
    if entry_points and _may_declare_entry_points(ENTRY_POINT_GROUP):
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # the load boundary: name the package and re-raise
            raise PluginError(f"could not load an installed newslint plugin: {exc!r}") from exc
    for plugin in plugins:
        if isinstance(plugin, str):
            if pm.is_blocked(plugin) or pm.has_plugin(plugin):
                continue
            if "/" in plugin or "\\" in plugin or plugin.endswith(".py") or plugin.startswith("."):
                raise PluginError(f"-p {plugin}: expected an importable module name (package.module), not a path")
            try:
                module = importlib.import_module(plugin)
            except ImportError as exc:
                raise PluginError(f"-p {plugin}: cannot import it: {exc}") from exc
            except Exception as exc:  # the load boundary: the module itself raised while importing
                raise PluginError(f"-p {plugin}: importing it raised {type(exc).__name__}: {exc}") from exc
            pm.register(module, name=plugin)
        else:
            pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {exc.plugin!r}: {exc}") from exc
    return pm


def _may_declare_entry_points(group: str) -> bool:
    """Whether any distribution on ``sys.path`` may declare an entry point in ``group``.

    Reading the few ``entry_points.txt`` files costs far less than importing
    ``importlib.metadata`` (which pluggy's scan needs) on every run. Anything
    this cannot see through (a zip or egg on the path, a finder that lists
    distributions of its own) answers yes, and the full scan decides.
    """
    from importlib.machinery import PathFinder

    if any(hasattr(f, "find_distributions") and f is not PathFinder for f in sys.meta_path):
        return True
    header = re.compile(rf"^\s*\[\s*{re.escape(group)}\s*\]\s*$", re.MULTILINE)
    for entry in sys.path:
        directory = entry or "."
        try:
            with os.scandir(directory) as it:
                names = [e.name for e in it if e.name.lower().endswith((".dist-info", ".egg-info", ".egg"))]
        except NotADirectoryError:
            return True  # a zip file on sys.path
        except OSError:
            continue
        for name in names:
            if name.lower().endswith(".egg"):
                return True
            try:
                with open(os.path.join(directory, name, "entry_points.txt"), encoding="utf-8", errors="replace") as fh:
                    if header.search(fh.read()):
                        return True
            except OSError:
                continue
    return False


def plugin_label(pm: pluggy.PluginManager, plugin: object) -> str:
    """``name`` or ``dist[name] version`` for error messages."""
    name = pm.get_name(plugin) or repr(plugin)
    for dist_plugin, dist in pm.list_plugin_distinfo():
        if dist_plugin is plugin:
            return f"{dist.project_name}[{name}] {dist.version}"
    return name


#: ``Rule.stage`` values: where a rule's findings come from.
RULE_STAGES = ("document", "corpus", "both")


@dataclass
class Registry:
    """Everything the plugins declare: rules, reporters, config options and packs.

    ``codes`` and ``packs`` are keyed by the plugin's name in the manager, which
    is how the engine gates a plugin on its codes and loads its packs.
    """

    rules: dict[str, Rule] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    reporters: dict[str, Reporter] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    packs: dict[str, list[PackUse]] = field(default_factory=dict)

    @classmethod
    def collect(cls, pm: pluggy.PluginManager) -> Registry:
        """Ask every plugin what it declares; raise ``PluginError`` on clashes."""
        reg = cls()
        for impl in pm.hook.newslint_rules.get_hookimpls():
            label = plugin_label(pm, impl.plugin)
            for rule in _declared(impl, label, list):
                if not isinstance(rule, Rule):
                    raise PluginError(f"plugin {label}: newslint_rules returned {rule!r}, not a Rule")
                if not CODE_PATTERN.match(rule.code):
                    raise PluginError(f"plugin {label}: code {rule.code!r} does not match {CODE_PATTERN.pattern}")
                if rule.stage not in RULE_STAGES:
                    raise PluginError(
                        f"plugin {label}: rule {rule.code} has stage {rule.stage!r}, not one of {', '.join(RULE_STAGES)}"
                    )
                if rule.code in reg.rules:
                    raise PluginError(
                        f"plugin {label}: code {rule.code} is already declared by {reg.owners[rule.code]}"
                    )
                reg.rules[rule.code] = rule
                reg.owners[rule.code] = label
                name = str(pm.get_name(impl.plugin))
                reg.codes[name] = (*reg.codes.get(name, ()), rule.code)
        reg.rules = dict(sorted(reg.rules.items()))
        for impl in pm.hook.newslint_reporters.get_hookimpls():
            label = plugin_label(pm, impl.plugin)
            for name, reporter in _declared(impl, label, dict).items():
                if name in reg.reporters:
                    raise PluginError(f"plugin {label}: format {name!r} is already declared")
                reg.reporters[name] = reporter
        taken = {opt.name for opt in CORE_OPTIONS}
        for impl in pm.hook.newslint_options.get_hookimpls():
            label = plugin_label(pm, impl.plugin)
            for opt in _declared(impl, label, list):
                if opt.name in taken:
                    raise PluginError(f"plugin {label}: config key {opt.name!r} is already declared")
                taken.add(opt.name)
                reg.options.append(opt)
        for impl in pm.hook.newslint_packs.get_hookimpls():
            label = plugin_label(pm, impl.plugin)
            for use in _declared(impl, label, list):
                if not isinstance(use, PackUse):
                    raise PluginError(f"plugin {label}: newslint_packs returned {use!r}, not a PackUse")
                reg.packs.setdefault(str(pm.get_name(impl.plugin)), []).append(use)
        return reg


def _declared(impl: pluggy.HookImpl, label: str, kind: type[_T]) -> _T:
    """What a declaration hook returned, as a ``kind`` (``None`` reads as empty, a tuple as a list)."""
    try:
        result = impl.function()
    except Exception as exc:  # the plugin boundary
        raise PluginError(f"plugin {label}: {impl.function.__name__} raised {exc!r}") from exc
    if result is None:
        return kind()
    if isinstance(result, tuple) and kind is list:
        result = list(result)
    if not isinstance(result, kind):
        raise PluginError(
            f"plugin {label}: {impl.function.__name__} returned {type(result).__name__}, not a {kind.__name__}"
        )
    return result
