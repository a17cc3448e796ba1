"""--fix never loses an edit, never writes outside the tree, and keeps owner, mode and links (issue 20)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from newslint import Category, Document, Rule, Severity, hookimpl
from newslint.fix.atomic import STALE_TEMP_SECONDS, TEMP_SUFFIX
from newslint.fix.fixes import fix_run
from newslint.run.engine import Engine, RunOptions
from newslint.run.sources import discover

# Two safely fixable defects: trailing spaces after the first two sentences.
ARTICLE = (
    "The harbour authority approved the new ferry timetable on Tuesday. \n"
    "Crossings to the island will run every forty minutes from June. \n"
    "Residents had asked for later evening departures.\n"
)
FIXED = ARTICLE.replace(". \n", ".\n")


class _EditorDuringCheck:
    """A test plugin standing in for an editor that saves the file while newslint is checking it."""

    RULE = Rule("ZZ901", "editor", Category.USAGE, Severity.INFO, "Editor", "## What it does\nEdits.\n")

    def __init__(self, path: Path, new: bytes, keep_stamp: bool = False) -> None:
        self.path, self.new, self.keep_stamp, self.done = path, new, keep_stamp, False

    @hookimpl
    def newslint_rules(self):
        return [self.RULE]

    @hookimpl
    def newslint_check(self, doc: Document, ctx):
        if not self.done:
            self.done = True
            before = os.stat(self.path)
            self.path.write_bytes(self.new)
            if self.keep_stamp:  # same size, same mtime: only the digest can tell
                os.utime(self.path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return []


def _fix(tmp_path: Path, plugin: object | None = None, paths: tuple[str, ...] = (".",)):
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        engine = Engine.create(RunOptions(isolated=True, entry_points=False, plugins=(plugin,) if plugin else ()))
        return fix_run(engine, discover(list(paths), engine.ctx.config))
    finally:
        os.chdir(old)


def _messages(run_) -> list[str]:
    return [f"{p.path}: {p.message}" for p in run_.result.problems]


class TestStaleness:
    @pytest.mark.parametrize("keep_stamp", [False, True], ids=["new-stamp", "same-stamp-and-size"])
    def test_an_edit_saved_after_the_read_is_kept(self, tmp_path, keep_stamp):
        path = tmp_path / "ferry.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        theirs = ARTICLE.replace("forty", "fifty").encode()  # same length as the original
        run_ = _fix(tmp_path, _EditorDuringCheck(path, theirs, keep_stamp))
        assert path.read_bytes() == theirs
        assert run_.fixed == 0 and run_.files_changed == 0
        assert _messages(run_) == ["ferry.txt: changed on disk while newslint was fixing it; left alone"]
        assert run_.result.has_errors
        assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


class TestSymlinks:
    def test_a_symlink_out_of_the_tree_is_not_written_through(self, tmp_path):
        outside = tmp_path / "outside"
        repo = tmp_path / "repo"
        outside.mkdir()
        repo.mkdir()
        victim = outside / "profile.txt"
        victim.write_text(ARTICLE, encoding="utf-8")
        (repo / "story.txt").symlink_to(victim)
        (repo / "own.txt").write_text(ARTICLE, encoding="utf-8")
        proc = run_cli("--fix", "--isolated", ".", cwd=repo)
        assert proc.returncode == 2
        assert victim.read_text(encoding="utf-8") == ARTICLE
        assert (
            f"story.txt: is a symlink to {victim.resolve()}, outside the linted tree; not fixed".encode() in proc.stderr
        )
        assert (repo / "own.txt").read_text(encoding="utf-8") == FIXED  # the rest of the run goes on
        assert (repo / "story.txt").is_symlink()

    def test_a_symlink_within_the_tree_is_followed(self, tmp_path):
        (tmp_path / "drafts").mkdir()
        target = tmp_path / "drafts" / "real.txt"
        target.write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "link.txt").symlink_to(Path("drafts") / "real.txt")
        proc = run_cli("--fix", "--isolated", "link.txt", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert target.read_text(encoding="utf-8") == FIXED


def _as_nobody() -> list[str]:
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


needs_root = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv")


class TestOwnershipAndLinks:
    def test_a_read_only_file_is_skipped_with_a_message(self, tmp_path):
        path = tmp_path / "locked.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0o444)
        ino = path.stat().st_ino
        proc = run_cli("--fix", "--isolated", "locked.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert b"locked.txt: is read-only (mode 0444); not fixed" in proc.stderr
        assert path.read_text(encoding="utf-8") == ARTICLE and path.stat().st_ino == ino
        assert b"remaining" in proc.stderr and b"NL6" in proc.stdout or proc.stdout  # the findings are still reported

    def test_a_hard_linked_file_is_skipped_and_the_link_kept(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        os.link(path, tmp_path / "copy.dat")
        proc = run_cli("--fix", "--isolated", "a.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert b"a.txt: has 2 hard links, which replacing it would break; not fixed" in proc.stderr
        assert os.path.samefile(path, tmp_path / "copy.dat")
        assert (tmp_path / "copy.dat").read_text(encoding="utf-8") == ARTICLE

    def test_owner_group_and_mode_are_kept(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        uid, gid = os.geteuid(), os.getegid()
        if uid == 0:  # root can give a file away: use an owner and group that are not ours
            os.chown(path, 65534, 65534)
            uid = gid = 65534
        path.chmod(0o640)
        assert run_cli("--fix", "--isolated", "a.txt", cwd=tmp_path).returncode == 0
        st = path.stat()
        assert path.read_text(encoding="utf-8") == FIXED
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, 0o640)

    @needs_root
    def test_another_users_file_does_not_change_hands(self, tmp_path):
        import tempfile

        tree = Path(tempfile.mkdtemp(prefix="newslint-shared-"))  # pytest's own tmp root is 0700
        tree.chmod(0o777)  # anyone may create files here, as in /tmp without the sticky bit
        try:
            self._another_users_file(tree)
        finally:
            shutil.rmtree(tree)

    def _another_users_file(self, tree: Path) -> None:
        path = tree / "root-owned.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0o666)  # writable by all, but owned by root
        env = {
            **os.environ,
            "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
            "PYTHONPATH": str(ROOT),
            "NEWSLINT_CACHE_DIR": str(tree / ".cache"),
        }
        probe = subprocess.run(
            [*_as_nobody(), sys.executable, "-c", "import pluggy, newslint"],
            cwd=tree,
            env=env,
            capture_output=True,
            check=False,
        )
        if probe.returncode != 0:
            pytest.skip(f"nobody cannot import newslint here: {probe.stderr[-200:]!r}")
        proc = subprocess.run(
            [*_as_nobody(), sys.executable, "-m", "newslint", "--fix", "--isolated", "root-owned.txt"],
            cwd=tree,
            env=env,
            capture_output=True,
            check=False,
        )
        assert proc.returncode == 2, proc.stderr
        assert (
            b"root-owned.txt: belongs to uid 0 gid 0, which a rewrite by uid 65534 could not keep; not fixed"
            in proc.stderr
        )
        st = path.stat()
        assert (st.st_uid, st.st_gid) == (0, 0) and path.read_text(encoding="utf-8") == ARTICLE
        assert not list(tree.glob(f"*{TEMP_SUFFIX}"))


class TestTemporaryFiles:
    def test_stale_temporary_files_are_removed_and_fresh_ones_kept(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        stale = tmp_path / f".a.txt.k1ll3d{TEMP_SUFFIX}"
        fresh = tmp_path / f".a.txt.w0rk1n{TEMP_SUFFIX}"
        other = tmp_path / f".b.txt.k1ll3d{TEMP_SUFFIX}"
        for leftover in (stale, fresh, other):
            leftover.write_bytes(b"half a fix")
        old = time.time() - STALE_TEMP_SECONDS - 60
        os.utime(stale, (old, old))
        os.utime(other, (old, old))
        assert run_cli("--fix", "--isolated", "a.txt", cwd=tmp_path).returncode == 0
        assert not stale.exists()
        assert fresh.exists()  # maybe another run's, still being written
        assert other.exists()  # b.txt's: cleaned when b.txt is fixed
