"""Hostile inputs: each gets a clear message, the run goes on, and the exit code tells."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from conftest import ROOT, run_cli

BROKEN = "The council met on Monday.\n\u00a0\nIt approved the budget.\n"  # one NL510 finding, so we can see the run went on


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "ok.txt").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_empty_file_is_clean(tree):
    (tree / "empty.txt").write_bytes(b"")
    assert run_cli("--isolated", "empty.txt", cwd=tree).returncode == 0


def test_utf16_file_is_named_and_others_linted(tree):
    (tree / "wide.txt").write_bytes("Hello".encode("utf-16"))
    proc = run_cli("--isolated", ".", cwd=tree)
    assert b"wide.txt:1:1: NL001 Not valid UTF-8 at byte 0: the file starts with a UTF-16 byte-order mark" in proc.stdout
    assert b"ok.txt:2:1: NL510" in proc.stdout and proc.returncode == 1


@pytest.mark.skipif(not shutil.which("setpriv") and os.geteuid() == 0, reason="needs setpriv to drop root")
def test_unreadable_file_is_an_error_and_the_run_goes_on(tree):
    """A file without read permission: exit 2, a clear message, other files still linted."""
    secret = tree / "secret.txt"
    secret.write_text(BROKEN, encoding="utf-8")
    secret.chmod(0)
    os.chmod(tree, 0o755)
    os.chmod(tree.parent, 0o755)
    import subprocess
    import sys

    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    probe = subprocess.run([*prefix, sys.executable, "-c", "import pluggy, newslint"], cwd=tree, capture_output=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    if probe.returncode != 0:
        pytest.skip("the unprivileged user cannot read this Python environment (a private venv)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "HOME": str(tree)}
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "newslint", "--isolated", "secret.txt", "ok.txt"],
        cwd=tree, capture_output=True, env=env, timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert b"newslint: error: secret.txt: cannot read: Permission denied" in proc.stderr
    assert b"ok.txt:2:1: NL510" in proc.stdout


def test_directory_symlink_loop_does_not_hang(tree):
    (tree / "sub").mkdir()
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "sub" / "self").symlink_to(tree / "sub", target_is_directory=True)
    proc = run_cli("--isolated", ".", cwd=tree)
    assert proc.returncode == 1 and proc.stdout.count(b"NL510") == 1


def test_fifo_is_skipped_with_a_message(tree):
    os.mkfifo(tree / "pipe.txt")
    proc = run_cli("--isolated", "pipe.txt", "ok.txt", cwd=tree)
    assert b"pipe.txt: not a regular file" in proc.stderr
    assert proc.returncode == 2 and b"ok.txt:2:1: NL510" in proc.stdout


def test_dangling_symlink_is_reported(tree):
    (tree / "gone.txt").symlink_to(tree / "never-there.txt")
    proc = run_cli("--isolated", "gone.txt", "ok.txt", cwd=tree)
    assert b"gone.txt: no such file or directory" in proc.stderr and proc.returncode == 2


def test_path_vanishing_during_the_run(tree):
    """Files deleted while the run walks are reported, not fatal."""
    many = tree / "many"
    many.mkdir()
    for i in range(400):
        (many / f"{i:04}.txt").write_text(BROKEN * 50, encoding="utf-8")
    stop = threading.Event()

    def delete():
        for i in reversed(range(400)):
            if stop.is_set():
                return
            try:
                (many / f"{i:04}.txt").unlink()
            except FileNotFoundError:
                pass

    thread = threading.Thread(target=delete)
    thread.start()
    proc = run_cli("--isolated", "many", cwd=tree)
    stop.set()
    thread.join()
    assert proc.returncode in (0, 1, 2)
    assert b"Traceback" not in proc.stderr
    for line in proc.stderr.decode().splitlines():
        assert "vanished before it could be read" in line or "no such file" in line


def test_file_over_the_size_limit_is_reported_not_read(tree):
    (tree / "newslint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    (tree / "big.txt").write_bytes(b"a" * 5000)
    proc = run_cli("big.txt", "ok.txt", cwd=tree)
    assert b"big.txt: file too large: 5000 bytes, over max-file-size (1000); skipped" in proc.stderr
    assert proc.returncode == 2 and b"ok.txt:2:1: NL510" in proc.stdout


def test_many_files_under_a_low_file_handle_limit(tmp_path):
    """3,000 files lint under a 64-handle limit: no file handle is ever leaked."""
    import resource
    import subprocess
    import sys

    for i in range(3000):
        (tmp_path / f"{i:05}.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "02999.txt").write_text(BROKEN, encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "."],
        cwd=tmp_path, capture_output=True, env=env, timeout=600, preexec_fn=limit,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert b"02999.txt:2:1: NL510" in proc.stdout and b"of 3000 files" in proc.stdout
