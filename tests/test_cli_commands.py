"""ruff's command-line shape: ``check`` and the bare form, ``rule``, ``config``, ``server``, JSON everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_main

INFO_ONLY = "The harbour board approved the new ferry timetable on Monday.\n\n\n\n"  # NL511 (info)
WARNING = (
    "The harbour board approved the new ferry timetable on Monday.\n\u00a0\nCrossings start next month.\n"  # NL510
)


class TestCheck:
    def test_check_and_the_bare_form_lint_the_same(self):
        check = run_main("check", "--isolated", "--output-format", "json", "seeds/")
        bare = run_main("--isolated", "--format", "json", "seeds/")
        assert check.returncode == bare.returncode == 1
        assert b"no such file" not in check.stderr
        assert json.loads(check.stdout) == json.loads(bare.stdout) != []

    def test_help_names_the_other_commands(self):
        out = run_main("check", "--help").stdout.decode()
        assert "newslint rule CODE" in out and "newslint config" in out and "--output-format" in out

    def test_statistics_honour_json(self):
        text = run_main("--isolated", "--statistics", "seeds").stdout.decode().splitlines()
        data = json.loads(run_main("--isolated", "--statistics", "--output-format", "json", "seeds").stdout)
        assert [(r["code"], r["count"]) for r in data] == [
            (line.split("\t")[1], int(line.split("\t")[0])) for line in text
        ]
        assert {"code", "name", "count", "summary", "fix"} <= set(data[0])

    def test_list_rules_honours_json(self):
        data = json.loads(run_main("--isolated", "--list-rules", "--output-format", "json").stdout)
        table = run_main("--isolated", "--list-rules").stdout.decode().splitlines()[2:]
        assert [r["code"] for r in data] == [row.split("|")[1].strip() for row in table]
        assert {"code", "name", "category", "severity", "fix", "summary", "default_enabled"} <= set(data[0])

    def test_show_files_lists_without_linting(self, tmp_path: Path):
        (tmp_path / "a.txt").write_text(WARNING, encoding="utf-8")
        (tmp_path / "b.md").write_text(INFO_ONLY, encoding="utf-8")
        (tmp_path / "c.csv").write_text("x\n", encoding="utf-8")
        proc = run_main("--show-files", "--output-format", "json", ".", cwd=tmp_path)
        assert proc.returncode == 0 and sorted(json.loads(proc.stdout)) == ["a.txt", "b.md"]
        missing = run_main("--show-files", "nope.txt", cwd=tmp_path)
        assert missing.returncode == 2 and b"nope.txt: no such file or directory" in missing.stderr


class TestFailLevel:
    @pytest.mark.parametrize(
        ("text", "level", "status"),
        [
            (INFO_ONLY, "info", 1),
            (INFO_ONLY, "warning", 0),
            (INFO_ONLY, "error", 0),
            (WARNING, "info", 1),
            (WARNING, "warning", 1),
            (WARNING, "error", 0),
        ],
    )
    def test_exit_1_only_at_or_above_the_level(self, tmp_path: Path, text: str, level: str, status: int):
        (tmp_path / "a.txt").write_text(text, encoding="utf-8")
        proc = run_main("--isolated", "--fail-level", level, "a.txt", cwd=tmp_path)
        assert proc.returncode == status
        assert b"a.txt:" in proc.stdout  # findings below the level are still reported

    def test_unknown_level_is_a_usage_error(self):
        assert run_main("--fail-level", "fatal", "seeds").returncode == 2


class TestRule:
    def test_rule_prints_the_documentation_and_fix_kind(self):
        proc = run_main("rule", "NL611")
        out = proc.stdout.decode()
        assert proc.returncode == 0 and out.startswith("NL611 mixed-dash-style") and "Fix: safe (--fix)" in out
        assert "Fix: unsafe (--fix --unsafe-fixes)" in run_main("rule", "misspelled-word").stdout.decode()
        assert run_main("rule", "NL611").stdout == run_main("--explain", "NL611").stdout

    def test_rule_json_and_unknown(self):
        data = json.loads(run_main("rule", "NL101", "--output-format", "json").stdout)
        assert (
            data["code"] == "NL101"
            and data["fix"] == {"safe": False, "unsafe": True}
            and "## Example" in data["explanation"]
        )
        assert run_main("rule", "NL999").returncode == 2
        assert run_main("rule").returncode == 2


class TestConfigCommand:
    def test_lists_every_key(self):
        out = run_main("config").stdout.decode()
        names = [line.split()[0] for line in out.splitlines()]
        assert {"select", "per-file-ignores", "respect-gitignore", "include"} <= set(names)

    def test_shows_one_key_as_text_and_json(self):
        text = run_main("config", "respect-gitignore").stdout.decode()
        assert text.startswith("respect-gitignore (bool, default true)")
        data = json.loads(run_main("config", "include", "--output-format", "json").stdout)
        assert data == {"name": "include", "type": "list[str]", "default": ["*.txt", "*.md"], "help": data["help"]}
        assert run_main("config", "no-such-key").returncode == 2


class TestServer:
    @pytest.mark.parametrize("name", ["server", "lsp"])
    def test_server_command_is_the_language_server(self, name: str):
        proc = run_cli(name, "--help")
        assert proc.returncode == 0 and b"language server" in proc.stdout


def test_pre_commit_hooks_use_the_check_command():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: newslint check --no-corpus" in text and "entry: newslint check --corpus --corpus-only" in text


def test_corpus_only_and_no_corpus_never_share_a_finding():
    """The two pre-commit hooks' halves: disjoint, and the corpus half holds the cross-document findings."""
    corpus = json.loads(run_main("--isolated", "--corpus", "--corpus-only", "--output-format", "json", "seeds").stdout)
    local = json.loads(run_main("--isolated", "--no-corpus", "--output-format", "json", "seeds").stdout)
    key = lambda d: (d["path"], d["line"], d["column"], d["code"])
    assert {d["code"] for d in corpus} == {"NL402"}
    assert not {key(d) for d in corpus} & {key(d) for d in local}
    assert run_main("--corpus-only", "--no-corpus", "seeds").returncode == 2
