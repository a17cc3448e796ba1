"""Ignore files when walking directories, checked against real git in real repositories.

``git ls-files --cached --others --exclude-standard`` is the oracle for
``.gitignore`` and ``.git/info/exclude``; ``.ignore`` (ripgrep's) is checked on its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ARTICLE = "The harbour board approved the new ferry timetable on Monday.\n"


def _git(*args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _files(*args: str, cwd: Path) -> list[str]:
    proc = run_main("check", "--show-files", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return sorted(Path(line).as_posix() for line in proc.stdout.decode().splitlines())


def _write(root: Path, rel: str, text: str = ARTICLE) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A newsroom repo: drafts and temp copies ignored at the top, embargoed copy in a nested .gitignore."""
    _git("init", "-q", cwd=tmp_path)
    for rel in [
        "politics/budget.txt",
        "politics/budget.tmp.txt",
        "politics/keep.tmp.txt",
        "drafts/idea.txt",
        "desk/embargoed.txt",
        "desk/ready.txt",
        "desk/notes-private.txt",
        "desk/notes-public.txt",
        "desk/drafts/kept.txt",
        "local.txt",
        "sport/final.md",
    ]:
        _write(tmp_path, rel)
    _write(tmp_path, ".gitignore", "/drafts/\n*.tmp.txt\n!keep.tmp.txt\n")
    _write(tmp_path, "desk/.gitignore", "embargoed.txt\nnotes-*.txt\n")
    _write(tmp_path, ".git/info/exclude", "local.txt\n")
    return tmp_path


def _git_view(repo: Path, under: str = "") -> list[str]:
    listed = _git(
        "ls-files", "--cached", "--others", "--exclude-standard", *([under] if under else []), cwd=repo
    ).split()
    return sorted(p for p in listed if p.endswith((".txt", ".md")))


class TestGitignore:
    def test_walk_matches_git_own_view(self, repo: Path):
        expected = [
            "desk/drafts/kept.txt",
            "desk/ready.txt",
            "politics/budget.txt",
            "politics/keep.tmp.txt",
            "sport/final.md",
        ]
        assert _git_view(repo) == expected  # the oracle agrees with the fixture's intent
        assert _files(".", cwd=repo) == expected

    def test_walking_a_subdirectory_still_applies_the_top_gitignore(self, repo: Path):
        assert (
            _files("politics", cwd=repo)
            == _git_view(repo, "politics")
            == ["politics/budget.txt", "politics/keep.tmp.txt"]
        )
        assert _files(".", cwd=repo / "desk") == ["drafts/kept.txt", "ready.txt"]

    def test_no_respect_gitignore_walks_everything(self, repo: Path):
        everything = _files("--no-respect-gitignore", ".", cwd=repo)
        assert "drafts/idea.txt" in everything and "local.txt" in everything and "desk/embargoed.txt" in everything
        assert len(everything) == 11

    def test_config_can_turn_it_off(self, repo: Path):
        _write(repo, "newslint.toml", "respect-gitignore = false\n")
        assert len(_files(".", cwd=repo)) == 11
        assert len(_files("--respect-gitignore", ".", cwd=repo)) == 5

    def test_a_file_named_on_the_command_line_is_linted_even_if_ignored(self, repo: Path):
        _write(repo, "drafts/idea.txt", "The harbour board aproved the timetable.\n")
        proc = run_main("check", "drafts/idea.txt", cwd=repo)
        assert proc.returncode == 1 and b"drafts/idea.txt:1:19: NL101" in proc.stdout
        assert b"drafts/idea.txt" not in run_main("check", ".", cwd=repo).stdout

    def test_findings_in_ignored_files_are_not_reported(self, repo: Path):
        _write(repo, "politics/budget.tmp.txt", "The harbour board aproved the timetable.\n")
        assert run_main("check", ".", cwd=repo).returncode == 0
        assert run_main("check", "--no-respect-gitignore", ".", cwd=repo).returncode == 1


class TestIgnoreFile:
    def test_dot_ignore_overrides_gitignore_in_its_directory(self, repo: Path):
        _write(repo, "desk/.ignore", "!notes-public.txt\nready.txt\n")
        assert _files("desk", cwd=repo) == ["desk/drafts/kept.txt", "desk/notes-public.txt"]

    def test_dot_ignore_works_outside_git_and_gitignore_does_not(self, tmp_path: Path):
        for rel in ["a.txt", "b.txt", "c.txt"]:
            _write(tmp_path, rel)
        _write(tmp_path, ".gitignore", "a.txt\n")
        _write(tmp_path, ".ignore", "b.txt\n")
        assert _files(".", cwd=tmp_path) == ["a.txt", "c.txt"]


def test_a_directory_named_on_the_command_line_is_walked_even_when_ignored(repo: Path) -> None:
    """Naming an ignored folder asks for it (as with ripgrep); then only the ignore files inside it apply."""
    assert not any(p.startswith("drafts/") for p in _files(cwd=repo))
    _write(repo, "drafts/old/x.txt")
    _write(repo, "drafts/.ignore", "old/\n")
    assert _files("drafts", cwd=repo) == ["drafts/idea.txt"]
