"""Configuration discovery and validation: every mistake is a clear exit 2."""

from __future__ import annotations

import pytest
from conftest import run_main

from newslint.plugin.config import ConfigError, Option, find_config, load_config

BROKEN = "The council met on Monday.\n\u00a0\nIt approved the budget.\n"  # one NL510 finding


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


class TestDiscovery:
    def test_nearest_wins_and_dotfile_beats_pyproject(self, tmp_path):
        """The config nearest to the path is used; in one directory .newslint.toml wins."""
        sub = tmp_path / "a" / "b"
        sub.mkdir(parents=True)
        _write(tmp_path / "newslint.toml", "")
        assert find_config([sub]) == tmp_path / "newslint.toml"
        _write(tmp_path / "a" / "pyproject.toml", "[tool.newslint]\n")
        assert find_config([sub]) == tmp_path / "a" / "pyproject.toml"
        _write(tmp_path / "a" / ".newslint.toml", "")
        assert find_config([sub]) == tmp_path / "a" / ".newslint.toml"

    def test_pyproject_without_table_is_skipped(self, tmp_path):
        _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
        assert find_config([tmp_path]) in (None,) or find_config([tmp_path]).parent != tmp_path


class TestValidation:
    @pytest.mark.parametrize(
        ("toml", "message"),
        [
            pytest.param("selct = ['NL5']\n", "unknown key 'selct'; did you mean 'select'?", id="typo-key"),
            pytest.param("select = 'NL5'\n", "expected a list of strings", id="wrong-type"),
            pytest.param("date = '2026-13-01'\n", "expected a TOML date", id="bad-date"),
            pytest.param(
                "per-file-ignores = { 'a' = 'NL5' }\n", "expected a table of lists of strings", id="bad-table"
            ),
            pytest.param("select = [\n", "invalid TOML", id="broken-toml"),
        ],
    )
    def test_errors_name_file_line_and_key(self, tmp_path, toml, message):
        path = _write(tmp_path / "newslint.toml", "# newsroom config\n" + toml)
        with pytest.raises(ConfigError) as info:
            load_config(path)
        assert message in str(info.value) and str(path) in str(info.value)
        if "TOML" not in message:
            assert f"{path}:2:" in str(info.value)

    def test_plugin_declared_option_is_accepted_and_typed(self, tmp_path):
        path = _write(tmp_path / "newslint.toml", "spelling = 'en-GB'\n")
        opt = Option("spelling", "str", None, "house variety", choices=("en-GB", "en-US"))
        assert load_config(path, [opt]).options["spelling"] == "en-GB"
        _write(path, "spelling = 'en-AU'\n")
        with pytest.raises(ConfigError, match="one of 'en-GB', 'en-US'"):
            load_config(path, [opt])

    def test_defaults_without_file(self):
        config = load_config(None)
        assert config.options["include"] == ["*.txt", "*.md"] and config.path is None


class TestCliConfig:
    def test_config_select_and_cli_override(self, tmp_path):
        """Config ignores NL510; --select on the command line replaces config's choice."""
        _write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['NL510']\n")
        _write(tmp_path / "a.txt", BROKEN)
        assert run_main("a.txt", cwd=tmp_path).returncode == 0
        proc = run_main("--select", "NL510", "a.txt", cwd=tmp_path)
        assert proc.returncode == 1 and b"NL510" in proc.stdout

    def test_bad_config_exits_2_with_file_and_key(self, tmp_path):
        _write(tmp_path / "newslint.toml", "ignore = 3\n")
        _write(tmp_path / "a.txt", BROKEN)
        proc = run_main("a.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert b"newslint.toml:1:" in proc.stderr and b"ignore: expected a list of strings" in proc.stderr

    def test_unknown_selector_in_config(self, tmp_path):
        _write(tmp_path / "newslint.toml", "select = ['NL9']\n")
        _write(tmp_path / "a.txt", BROKEN)
        proc = run_main("a.txt", cwd=tmp_path)
        assert proc.returncode == 2 and b"unknown code or prefix 'NL9'" in proc.stderr

    def test_per_file_ignores(self, tmp_path):
        _write(tmp_path / "newslint.toml", "[per-file-ignores]\n'wire/*.txt' = ['NL5']\n")
        (tmp_path / "wire").mkdir()
        _write(tmp_path / "wire" / "a.txt", BROKEN)
        _write(tmp_path / "b.txt", BROKEN)
        proc = run_main(".", cwd=tmp_path)
        assert b"b.txt:2:1: NL510" in proc.stdout and b"wire" not in proc.stdout

    def test_include_and_exclude(self, tmp_path):
        _write(tmp_path / "newslint.toml", "include = ['*.text']\nextend-exclude = ['skip']\n")
        for name in ("a.text", "b.txt", "skip/c.text", ".git/d.text"):
            (tmp_path / name).parent.mkdir(exist_ok=True)
            _write(tmp_path / name, BROKEN)
        out = run_main(".", cwd=tmp_path).stdout.decode()
        assert "a.text" in out and "b.txt" not in out and "c.text" not in out and "d.text" not in out
