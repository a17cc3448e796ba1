"""The pre-commit hooks, installed from this checkout by the real ``pre-commit`` into real git repos.

pre-commit clones the hook repository at a commit and pip-installs it into a
virtualenv of its own, so the hook repository is a fresh git repo holding a
snapshot of this checkout (its uncommitted changes included; ``try-repo``
would drop untracked files). One ``PRE_COMMIT_HOME`` serves the module, so
the environment is built once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("pre_commit")
# Slow: pre-commit builds its own environment and installs newslint into it (~12 s); CI runs it with `-m slow`.
pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git"), pytest.mark.slow]

#: What pip needs to build and install newslint from the snapshot.
SNAPSHOT = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "newslint", "rules"]

CLEAN = """\
The city council approved the new library budget on Tuesday after a short debate.

Members said the building would open to readers next spring.
"""
REPEATED = "Officials said the bridge over the river would reopen to traffic on Friday."
BROKEN = f"{REPEATED}\n\nTraffic was diverted through the old town.\n\n{REPEATED}\n"


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "PYTHONPATH"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="newslint tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="newslint tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        NO_COLOR="1",
    )
    return env


def _run(*args: str, cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _git_env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repo holding this checkout as it is now, and its commit."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, repo / name)
    _run("git", "init", "-q", cwd=repo, env=env)
    _run("git", "add", "-A", cwd=repo, env=env)
    _run("git", "commit", "-q", "-m", "snapshot", cwd=repo, env=env)
    sha = _run("git", "rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()
    return repo, sha


@pytest.fixture
def project(tmp_path: Path, hook_repo: tuple[Path, str], env: dict[str, str]) -> Path:
    """A newsroom's repo with both hooks configured and installed as its git pre-commit hook."""
    repo, sha = hook_repo
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {sha}\n    hooks:\n      - id: newslint\n      - id: newslint-corpus\n",
        encoding="utf-8",
    )
    _run("git", "init", "-q", cwd=tmp_path, env=env)
    _run(sys.executable, "-m", "pre_commit", "install", cwd=tmp_path, env=env)
    _run("git", "add", ".pre-commit-config.yaml", cwd=tmp_path, env=env)
    _run("git", "commit", "-q", "--no-verify", "-m", "config", cwd=tmp_path, env=env)
    return tmp_path


def _commit(
    project: Path, env: dict[str, str], name: str, text: str, *, verify: bool = True
) -> subprocess.CompletedProcess:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, encoding="utf-8")
    _run("git", "add", name, cwd=project, env=env)
    extra = [] if verify else ["--no-verify"]
    return _run("git", "commit", "-m", f"add {name}", *extra, cwd=project, env=env, check=False)


def _status(output: str, hook_name: str) -> str | None:
    """The Passed/Failed/Skipped word pre-commit printed for the hook named ``hook_name``."""
    for line in output.splitlines():
        name, dots, status = line.partition("..")
        if dots and name == hook_name:
            return status.strip(".").split()[0]
    return None


def test_manifest_declares_both_hooks() -> None:
    """The manifest pre-commit reads validates, with the per-file and the corpus hook as specified."""
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"newslint", "newslint-corpus"}
    assert hooks["newslint"]["types"] == ["text"] and hooks["newslint"]["require_serial"] is False
    assert hooks["newslint"]["pass_filenames"] is True
    assert hooks["newslint-corpus"]["pass_filenames"] is False and hooks["newslint-corpus"]["require_serial"] is True


def test_clean_article_commits_and_broken_one_is_refused(project: Path, env: dict[str, str]) -> None:
    """A clean article passes both hooks; a repeated paragraph stops the commit and is printed."""
    clean = _commit(project, env, "articles/council.txt", CLEAN)
    output = clean.stdout + clean.stderr
    assert clean.returncode == 0, output
    assert _status(output, "newslint") == "Passed" and _status(output, "newslint (whole corpus)") == "Passed", output

    broken = _commit(project, env, "articles/bridge.txt", BROKEN)
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0, output
    assert "articles/bridge.txt:5:1: NL501 Paragraph repeats line 1" in output
    assert _status(output, "newslint") == "Failed", output
    head = _run("git", "log", "--format=%s", cwd=project, env=env).stdout.split("\n")
    assert head[0] == "add articles/council.txt"  # the broken article was not committed


FERRY_OPENED = """\
Governor Park Soo-hyun opened the new ferry terminal on Saturday morning.

Park Soo-hyun said the terminal would shorten the crossing for commuters.
"""
FERRY_BOARD = """\
The harbour board met on Monday to review the ferry timetable.

Governor Park Soo-hyun told the board the timetable would be published within a week.
"""
FERRY_QUEUES = """\
Residents queued at the ferry terminal on its first weekend.

Governor Park Soo Hyun greeted passengers at the gate.
"""


def test_corpus_hook_sees_articles_outside_the_change(project: Path, env: dict[str, str]) -> None:
    """The corpus hook judges the whole repo: a name spelled against the corpus in old articles fails it."""
    for name, text in [
        ("archive/opened.txt", FERRY_OPENED),
        ("archive/board.txt", FERRY_BOARD),
        ("archive/queues.txt", FERRY_QUEUES),
    ]:
        assert _commit(project, env, name, text, verify=False).returncode == 0
    change = _commit(project, env, "articles/council.txt", CLEAN)
    output = change.stdout + change.stderr
    assert change.returncode != 0, output
    assert _status(output, "newslint") == "Passed" and _status(output, "newslint (whole corpus)") == "Failed", output
    assert "archive/queues.txt:3:10: NL402 'Park Soo Hyun'" in output


def test_both_hooks_never_report_a_finding_twice(project: Path, env: dict[str, str]) -> None:
    """With both hooks on, a per-document finding and a corpus finding in the changed files each print once."""
    for name, text in [("archive/opened.txt", FERRY_OPENED), ("archive/board.txt", FERRY_BOARD)]:
        assert _commit(project, env, name, text, verify=False).returncode == 0
    (project / "articles").mkdir()
    (project / "articles/bridge.txt").write_text(BROKEN, encoding="utf-8")
    (project / "archive/queues.txt").write_text(FERRY_QUEUES, encoding="utf-8")  # NL402 compares within a folder
    _run("git", "add", "articles", "archive", cwd=project, env=env)
    proc = _run("git", "commit", "-m", "two articles", cwd=project, env=env, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert _status(output, "newslint") == "Failed" and _status(output, "newslint (whole corpus)") == "Failed", output
    findings = [line for line in output.splitlines() if ": NL" in line]
    assert len(findings) == len(set(findings)) == 2, output
    assert output.count("articles/bridge.txt:5:1: NL501") == 1
    assert output.count("archive/queues.txt:3:10: NL402") == 1
