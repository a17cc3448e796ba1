"""Outside plugins: discovered from entry points or -p, blocked on request, errors named."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import ROOT, run_cli

from newslint.plugin.registry import PluginError, Registry, make_plugin_manager

PLUGIN = textwrap.dedent(
    '''
    """newsroom_rules: flag "very unique", and a phrase used in more than one article."""
    import re
    from collections import Counter
    from newslint import Category, Facts, Rule, Severity, hookimpl

    VERY_UNIQUE = Rule("NR101", "very-unique", Category.USAGE, Severity.WARNING,
                       '"Very unique" is a tautology', "## What it does\\nFlags it.\\n")
    SHARED = Rule("NR901", "shared-cliche", Category.USAGE, Severity.INFO,
                  "Cliche used in several articles", "## What it does\\nCounts it.\\n")
    PATTERN = re.compile(r"\\bvery unique\\b", re.IGNORECASE)

    class Cliches(Facts):
        key = "newsroom-cliches"
        def __init__(self, where):
            self.where = where  # path -> (start offset, line, column)
        def merge(self, other):
            return Cliches({**self.where, **other.where})

    @hookimpl
    def newslint_rules():
        return [VERY_UNIQUE, SHARED]

    @hookimpl
    def newslint_check(doc):
        return [doc.diagnostic(VERY_UNIQUE, m.start(), m.end(), f'"{m.group()}" is a tautology',
                               suggestion='Use "unique"') for m in PATTERN.finditer(doc.text)]

    @hookimpl
    def newslint_extract(doc):
        m = PATTERN.search(doc.text)
        return Cliches({doc.path: (m.start(), *doc.position(m.start()))}) if m else None

    @hookimpl
    def newslint_check_corpus(facts):
        from newslint import Diagnostic
        cliches = facts.get("newsroom-cliches")
        if cliches is None or len(cliches.where) < 2:
            return []
        return [Diagnostic(path, line, col, line, col + 11, "NR901", f"Used in {len(cliches.where)} articles",
                           SHARED.severity, SHARED.category) for path, (_, line, col) in cliches.where.items()]
    '''
)


@pytest.fixture
def installed_plugin(tmp_path):
    """A real distribution on sys.path: a module plus dist-info with an entry point."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "newsroom_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "newsroom_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nnewsroom = newsroom_rules\n", encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("A very unique plan was unveiled.\n", encoding="utf-8")
    (articles / "b.txt").write_text("Another very unique idea.\n", encoding="utf-8")
    return site, articles


def _env(site):
    return {"NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "", "PYTHONPATH": f"{ROOT}:{site}"}


class TestOutsidePlugin:
    def test_entry_point_rule_is_listed_and_explained(self, installed_plugin):
        site, _ = installed_plugin
        proc = run_cli("--list-rules", "--isolated", env=_env(site))
        assert '| NR101 | very-unique | usage | warning |  | "Very unique" is a tautology |' in proc.stdout.decode()
        explain = run_cli("--explain", "NR101", "--isolated", env=_env(site)).stdout.decode()
        assert "Provided by: newsroom-rules[newsroom] 1.0" in explain

    def test_entry_point_rule_reports_and_corpus_hooks_run(self, installed_plugin):
        site, articles = installed_plugin
        proc = run_cli("--isolated", "--format", "json", str(articles), env=_env(site))
        found = sorted(
            (d["path"].rsplit("/", 1)[-1], d["code"], d["line"], d["column"]) for d in json.loads(proc.stdout)
        )
        assert found == [
            ("a.txt", "NR101", 1, 3),
            ("a.txt", "NR901", 1, 3),
            ("b.txt", "NR101", 1, 9),
            ("b.txt", "NR901", 1, 9),
        ]
        assert proc.returncode == 1

    def test_blocked_by_flag_config_or_environment(self, installed_plugin, tmp_path):
        site, articles = installed_plugin
        assert b"NR101" not in run_cli("--isolated", "-p", "no:newsroom", str(articles), env=_env(site)).stdout
        (articles / "newslint.toml").write_text("disable-plugins = ['newsroom']\n", encoding="utf-8")
        assert b"NR101" not in run_cli(str(articles), env=_env(site)).stdout
        env = {**_env(site), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
        assert b"NR101" not in run_cli("--isolated", str(articles / "a.txt"), env=env).stdout

    def test_explicit_dash_p_loads_a_module(self, installed_plugin):
        site, articles = installed_plugin
        env = {"NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": f"{ROOT}:{site}"}
        proc = run_cli("--isolated", "-p", "newsroom_rules", str(articles / "a.txt"), env=env)
        assert b"a.txt:1:3: NR101" in proc.stdout


class _Clash:
    from newslint import Category, Rule, Severity, hookimpl

    @hookimpl
    def newslint_rules(self):
        return [self.Rule("NL501", "dup", self.Category.USAGE, self.Severity.INFO, "s", "e")]


class _BadCode:
    from newslint import Category, Rule, Severity, hookimpl

    @hookimpl
    def newslint_rules(self):
        return [self.Rule("nr7011", "x", self.Category.USAGE, self.Severity.INFO, "s", "e")]


class _Crashes:
    from newslint import Category, Rule, Severity, hookimpl

    RULE = Rule("ZZ100", "crash", Category.USAGE, Severity.INFO, "s", "e")

    @hookimpl
    def newslint_rules(self):
        return [self.RULE]

    @hookimpl
    def newslint_check(self, doc):
        raise KeyError("boom")


class TestContract:
    def test_builtins_register_through_the_same_hooks(self):
        pm = make_plugin_manager(entry_points=False)
        reg = Registry.collect(pm)
        assert {"NL001", "NL501"} <= set(reg.rules) and reg.owners["NL501"] == "structure"
        assert {"text", "json", "jsonl", "github"} <= set(reg.reporters)

    def test_code_clash_names_both_plugins(self):
        pm = make_plugin_manager(entry_points=False, plugins=[_Clash()])
        with pytest.raises(PluginError, match="NL501 is already declared by structure"):
            Registry.collect(pm)

    def test_bad_code_pattern(self):
        pm = make_plugin_manager(entry_points=False, plugins=[_BadCode()])
        with pytest.raises(PluginError, match=r"code 'nr7011' does not match"):
            Registry.collect(pm)

    def test_unknown_stage_is_refused(self):
        class Reduce:
            from newslint import Category, Rule, Severity, hookimpl

            @hookimpl
            def newslint_rules(self):
                return [self.Rule("NR702", "x", self.Category.USAGE, self.Severity.INFO, "s", "e", stage="reduce")]

        pm = make_plugin_manager(entry_points=False, plugins=[Reduce()])
        with pytest.raises(PluginError, match=r"rule NR702 has stage 'reduce', not one of document, corpus, both"):
            Registry.collect(pm)

    def test_misspelled_hook_fails_at_start(self):
        class Typo:
            from newslint import hookimpl

            @hookimpl
            def newslint_chek(self, doc):
                return []

        with pytest.raises(PluginError, match="newslint_chek"):
            make_plugin_manager(entry_points=False, plugins=[Typo()])

    def test_crash_in_check_names_plugin_and_document(self):
        from newslint import lint_text

        with pytest.raises(PluginError, match=r"newslint_check on story.txt raised KeyError"):
            lint_text("text", "story.txt", plugins=[_Crashes()], entry_points=False, isolated=True)

    def test_every_hookspec_documents_its_parameters(self):
        """Each hook's docstring has a :param: per argument, as pytest's hookspec does."""
        import inspect

        from newslint.plugin import hookspecs

        for name, func in inspect.getmembers(hookspecs, inspect.isfunction):
            if not name.startswith("newslint_"):
                continue
            doc = inspect.getdoc(func)
            assert doc and "versionadded" in doc, name
            for param in inspect.signature(func).parameters:
                assert f":param {param}:" in doc, f"{name} lacks :param {param}:"
