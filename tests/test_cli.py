"""The command line end to end: real files, a real subprocess, exit codes and formats."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, run_main

CLEAN = "The council approved the budget on Monday.\n"
BROKEN = "The council approved the budget on Monday.\n\u00a0\nIt now goes to the mayor.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society\n".encode("latin-1"))
    return tmp_path


class TestExitCodes:
    def test_clean_is_0_findings_1_exit_zero(self, tree):
        assert run_cli("--isolated", "clean.txt", cwd=tree).returncode == 0
        assert run_cli("--isolated", "broken.txt", cwd=tree).returncode == 1
        assert run_cli("--isolated", "--exit-zero", "broken.txt", cwd=tree).returncode == 0

    def test_non_utf8_is_a_finding_and_the_run_goes_on(self, tree):
        proc = run_cli("--isolated", ".", cwd=tree)
        out = proc.stdout.decode()
        assert "latin1.txt:1:4: NL001 Not valid UTF-8 at byte 3" in out
        assert "broken.txt:2:1: NL510" in out
        assert proc.returncode == 1

    def test_missing_path_is_exit_2_and_others_are_still_linted(self, tree):
        proc = run_cli("--isolated", "nope.txt", "broken.txt", cwd=tree)
        assert proc.returncode == 2
        assert b"newslint: error: nope.txt: no such file or directory" in proc.stderr
        assert b"broken.txt:2:1: NL510" in proc.stdout

    def test_usage_errors_are_exit_2(self, tree):
        assert run_cli("--isolated", "--format", "xml", "clean.txt", cwd=tree).returncode == 2
        assert run_cli("--isolated", "--select", "XX9", "clean.txt", cwd=tree).returncode == 2
        assert run_cli("--isolated", "--date", "2026-02-30", "clean.txt", cwd=tree).returncode == 2
        assert run_cli("--isolated", "--explain", "NL999").returncode == 2

    def test_binary_file_is_skipped_with_a_note_under_verbose(self, tree):
        (tree / "blob.txt").write_bytes(b"\x00\x01\x02binary")
        quiet = run_cli("--isolated", "blob.txt", cwd=tree)
        assert quiet.returncode == 0 and quiet.stderr == b""
        loud = run_cli("--isolated", "--verbose", "blob.txt", cwd=tree)
        assert b"note: blob.txt: binary file" in loud.stderr and loud.returncode == 0

    def test_same_file_twice_is_linted_once(self, tree):
        proc = run_cli("--isolated", "--format", "json", "broken.txt", "./broken.txt", ".", cwd=tree)
        assert [d["code"] for d in json.loads(proc.stdout) if d["path"].endswith("broken.txt")] == ["NL510"]


class TestInputs:
    def test_stdin_with_filename(self):
        proc = run_main("--isolated", "-", "--stdin-filename", "story.txt", input=BROKEN.encode())
        assert proc.stdout.decode().startswith("story.txt:2:1: NL510 Line holds only whitespace")

    def test_directory_walk_skips_vcs_and_venvs(self, tree):
        for hidden in (".git", ".venv", "node_modules"):
            (tree / hidden).mkdir()
            (tree / hidden / "x.txt").write_text(BROKEN, encoding="utf-8")
        out = run_main("--isolated", ".", cwd=tree).stdout.decode()
        assert ".git" not in out and ".venv" not in out and "node_modules" not in out


class TestOutput:
    def test_text_format_is_problem_matcher_shaped(self, tree):
        first = run_main("--isolated", "broken.txt", cwd=tree).stdout.decode().splitlines()[0]
        assert (
            first
            == "broken.txt:2:1: NL510 Line holds only whitespace (1 character: no-break space) (help: Delete the whitespace)"
        )

    def test_json_records_have_the_documented_fields(self, tree):
        (record,) = json.loads(run_main("--isolated", "--format", "json", "broken.txt", cwd=tree).stdout)
        assert record == {
            "path": "broken.txt",
            "line": 2,
            "column": 1,
            "end_line": 2,
            "end_column": 2,
            "code": "NL510",
            "category": "whitespace",
            "severity": "warning",
            "message": "Line holds only whitespace (1 character: no-break space)",
            "suggestion": "Delete the whitespace",
            "fix": {
                "applicability": "safe",
                "message": "Delete the whitespace",
                "edits": [
                    {"content": "", "location": {"row": 2, "column": 1}, "end_location": {"row": 2, "column": 2}}
                ],
            },
        }

    def test_jsonl_is_one_object_per_line(self, tree):
        lines = run_main("--isolated", "--format", "jsonl", ".", cwd=tree).stdout.decode().splitlines()
        assert [json.loads(line)["code"] for line in lines] == ["NL510", "NL001"]

    def test_github_annotations_and_limit(self, tmp_path):
        (tmp_path / "many.txt").write_text(
            "The council met.\n" + "\u00a0\n" * 12 + "It approved the budget.\n", encoding="utf-8"
        )
        out = run_main("--isolated", "--format", "github", "many.txt", cwd=tmp_path).stdout.decode().splitlines()
        assert (
            out[0]
            == "::warning file=many.txt,line=2,col=1,endLine=2,endColumn=2,title=NL510 whitespace-only-line::Line holds only whitespace (1 character: no-break space) (help: Delete the whitespace)"
        )
        assert len([line for line in out if line.startswith("::warning")]) == 10
        assert out[-1].startswith("::notice title=newslint::2 more warnings not annotated")

    def test_statistics(self, tree):
        out = run_main("--isolated", "--statistics", ".", cwd=tree).stdout.decode()
        assert "    1\tNL510\twhitespace-only-line\t" in out and "    1\tNL001\tinvalid-utf8\t" in out

    def test_color_only_when_asked_and_never_with_no_color(self, tree):
        assert b"\x1b[" not in run_main("--isolated", "broken.txt", cwd=tree).stdout  # piped: no colour
        assert (
            b"\x1b[" in run_main("--isolated", "--color", "always", "broken.txt", cwd=tree, env={"NO_COLOR": ""}).stdout
        )


class TestRuleDocs:
    def test_every_rule_explains_itself_like_ruff(self):
        """Each rule has a summary and --explain text with the ruff-style headings."""
        from newslint.run.engine import Engine, RunOptions

        engine = Engine.create(RunOptions(isolated=True, entry_points=False))
        for code, rule in engine.registry.rules.items():
            assert rule.summary and not rule.summary.endswith("."), code
            for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
                assert heading in rule.explanation, f"{code} lacks {heading!r}"

    def test_explain_prints_the_rule_page(self):
        out = run_main("--isolated", "--explain", "NL501").stdout.decode()
        assert out.startswith("NL501 duplicate-paragraph (duplicate, warning)") and "Use instead:" in out
        assert run_main("--isolated", "--explain", "duplicate-paragraph").returncode == 0


def test_closed_pipe_is_quiet():
    """`newslint --explain NL501 | head -1` ends without a traceback."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run(
        f"{sys.executable} -m newslint --isolated --list-rules --format text | head -1",
        shell=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.stdout.startswith(b"| Code |") and b"Traceback" not in proc.stderr
