"""Per-file configuration, as ruff resolves it: the nearest config above each file, the CLI as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_main

from newslint.plugin.resolve import Engines, Resolver
from newslint.run.engine import RunOptions

# Two misspellings (NL101) and nothing else the default rules report.
TYPOS = "The harbour board aproved the new ferry timetable after a lenghty debate on Monday.\n"


def _findings(proc) -> list[tuple[str, int, int, str]]:
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((Path(d["path"]).as_posix(), d["line"], d["column"], d["code"]) for d in json.loads(proc.stdout))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``a.txt`` under the defaults; ``desk/`` with a config that ignores NL101."""
    (tmp_path / "a.txt").write_text(TYPOS, encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "newslint.toml").write_text('ignore = ["NL101"]\n', encoding="utf-8")
    (desk / "b.txt").write_text(TYPOS, encoding="utf-8")
    return tmp_path


class TestNearestConfig:
    def test_order_of_paths_does_not_change_findings(self, tree: Path):
        one = _findings(run_main("--output-format", "json", "desk/b.txt", "a.txt", cwd=tree))
        two = _findings(run_main("--output-format", "json", "a.txt", "desk/b.txt", cwd=tree))
        assert one == two == [("a.txt", 1, 19, "NL101"), ("a.txt", 1, 59, "NL101")]

    def test_walking_a_directory_gives_each_file_its_own_config(self, tree: Path):
        walked = _findings(run_main("check", "--output-format", "json", ".", cwd=tree))
        assert [f[0] for f in walked] == ["a.txt", "a.txt"]
        alone = _findings(run_main("check", "--output-format", "json", "desk", cwd=tree))
        assert alone == []

    def test_config_option_overrides_every_nearest_config(self, tree: Path):
        proc = run_main("--config", "desk/newslint.toml", "--output-format", "json", "a.txt", "desk/b.txt", cwd=tree)
        assert _findings(proc) == []

    def test_isolated_ignores_every_config(self, tree: Path):
        proc = run_main("--isolated", "--output-format", "json", "a.txt", "desk/b.txt", cwd=tree)
        assert {f[0] for f in _findings(proc)} == {"a.txt", "desk/b.txt"}

    def test_stdin_takes_the_config_above_its_stdin_filename(self, tree: Path):
        data = TYPOS.encode()
        nested = run_main("--output-format", "json", "--stdin-filename", "desk/new.txt", "-", cwd=tree, input=data)
        top = run_main("--output-format", "json", "--stdin-filename", "new.txt", "-", cwd=tree, input=data)
        assert _findings(nested) == []
        assert [f[:1] + f[3:] for f in _findings(top)] == [("new.txt", "NL101")] * 2

    def test_nested_include_and_per_file_ignores_are_relative_to_their_config(self, tree: Path):
        wire = tree / "wire"
        (wire / "2026").mkdir(parents=True)
        (wire / "pyproject.toml").write_text(
            '[tool.newslint]\ninclude = ["*.text"]\nper-file-ignores = { "2026/*" = ["NL101"] }\n', encoding="utf-8"
        )
        (wire / "feed.text").write_text(TYPOS, encoding="utf-8")
        (wire / "skipped.txt").write_text(TYPOS, encoding="utf-8")
        (wire / "2026" / "old.text").write_text(TYPOS, encoding="utf-8")
        files = run_main("--show-files", cwd=tree).stdout.decode().split()
        assert sorted(Path(f).as_posix() for f in files) == [
            "a.txt",
            "desk/b.txt",
            "wire/2026/old.text",
            "wire/feed.text",
        ]
        found = _findings(run_main("--output-format", "json", "wire", cwd=tree))
        assert {f[0] for f in found} == {"wire/feed.text"}

    def test_pyproject_without_a_newslint_table_is_passed_over(self, tree: Path):
        (tree / "desk" / "sub").mkdir()
        (tree / "desk" / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
        (tree / "desk" / "sub" / "c.txt").write_text(TYPOS, encoding="utf-8")
        proc = run_main("--show-settings", "desk/sub/c.txt", "--output-format", "json", cwd=tree)
        assert json.loads(proc.stdout)["config"] == str((tree / "desk" / "newslint.toml").resolve())

    def test_a_broken_nested_config_is_an_error(self, tree: Path):
        (tree / "bad").mkdir()
        (tree / "bad" / "newslint.toml").write_text('selekt = ["NL1"]\n', encoding="utf-8")
        (tree / "bad" / "c.txt").write_text(TYPOS, encoding="utf-8")
        proc = run_main(".", cwd=tree)
        assert proc.returncode == 2
        assert b"unknown key 'selekt'" in proc.stderr


class TestShowSettings:
    def test_text_names_the_config_and_why(self, tree: Path):
        out = run_main("--show-settings", "desk/b.txt", cwd=tree).stdout.decode()
        assert f"Config: {(tree / 'desk' / 'newslint.toml').resolve()} (the nearest config file above it)" in out
        assert "NL101" not in out.split("Enabled rules", 1)[1]
        top = run_main("--show-settings", "a.txt", cwd=tree).stdout.decode()
        assert "Config: built-in defaults (no config file found above it)" in top
        assert "NL101" in top.split("Enabled rules", 1)[1]

    def test_json_and_config_flag(self, tree: Path):
        proc = run_main(
            "--show-settings", "a.txt", "--config", "desk/newslint.toml", "--output-format", "json", cwd=tree
        )
        settings = json.loads(proc.stdout)
        assert settings["source"] == "--config" and settings["config"] == "desk/newslint.toml"
        assert settings["options"]["ignore"] == ["NL101"] and "NL101" not in settings["enabled"]


class TestOneResolver:
    def test_engines_are_built_once_per_config(self, tree: Path):
        built: list[str | None] = []

        def create(options: RunOptions):
            built.append(options.config)
            from newslint.run.engine import Engine

            return Engine.create(options)

        engines = Engines(RunOptions(entry_points=False), Resolver(cwd=tree), create=create)
        first = engines.for_path(tree / "desk" / "b.txt")
        assert engines.for_path(tree / "desk" / "c.txt") is first
        other = engines.for_path(tree / "a.txt")
        assert other is not first
        assert built == [str((tree / "desk" / "newslint.toml").resolve()), None]

    def test_language_server_engines_use_the_same_resolution(self, tree: Path):
        pytest.importorskip("pygls")
        from newslint.lsp.server import Engines as ServerEngines

        server = ServerEngines()
        assert (
            server.for_path(tree / "desk" / "b.txt", tree).ctx.config.path
            == (tree / "desk" / "newslint.toml").resolve()
        )
        assert server.for_path(tree / "a.txt", tree).ctx.config.path is None


def test_lint_paths_api_resolves_per_file_too(tree: Path, monkeypatch: pytest.MonkeyPatch):
    from newslint import lint_paths

    monkeypatch.chdir(tree)
    result = lint_paths(["desk/b.txt", "a.txt"], entry_points=False)
    assert sorted((d.path, d.code) for d in result.diagnostics) == [("a.txt", "NL101"), ("a.txt", "NL101")]
    assert result.files == 2
