"""Hostile inputs: each gets a clear message, the run goes on, and the exit code tells."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from conftest import ROOT, run_cli, run_main

BROKEN = (
    "The council met on Monday.\n\u00a0\nIt approved the budget.\n"  # one NL510 finding, so we can see the run went on
)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "ok.txt").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_empty_file_is_clean(tree):
    (tree / "empty.txt").write_bytes(b"")
    assert run_main("--isolated", "empty.txt", cwd=tree).returncode == 0


def test_utf16_file_is_named_and_others_linted(tree):
    (tree / "wide.txt").write_bytes("Hello".encode("utf-16"))
    proc = run_main("--isolated", ".", cwd=tree)
    assert (
        b"wide.txt:1:1: NL001 Not valid UTF-8 at byte 0: the file starts with a UTF-16 byte-order mark" in proc.stdout
    )
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
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import pluggy, newslint"],
        cwd=tree,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("the unprivileged user cannot read this Python environment (a private venv)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "HOME": str(tree)}
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "newslint", "--isolated", "secret.txt", "ok.txt"],
        cwd=tree,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert b"newslint: error: secret.txt: cannot read: Permission denied" in proc.stderr
    assert b"ok.txt:2:1: NL510" in proc.stdout


def test_directory_symlink_loop_does_not_hang(tree):
    (tree / "sub").mkdir()
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "sub" / "self").symlink_to(tree / "sub", target_is_directory=True)
    proc = run_main("--isolated", ".", cwd=tree)
    assert proc.returncode == 1 and proc.stdout.count(b"NL510") == 1


def test_fifo_is_skipped_with_a_message(tree):
    os.mkfifo(tree / "pipe.txt")
    proc = run_main("--isolated", "pipe.txt", "ok.txt", cwd=tree)
    assert b"pipe.txt: not a regular file" in proc.stderr
    assert proc.returncode == 2 and b"ok.txt:2:1: NL510" in proc.stdout


def test_dangling_symlink_is_reported(tree):
    (tree / "gone.txt").symlink_to(tree / "never-there.txt")
    proc = run_main("--isolated", "gone.txt", "ok.txt", cwd=tree)
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
    proc = run_main("big.txt", "ok.txt", cwd=tree)
    assert b"big.txt: file too large: 5000 bytes, over max-file-size (1000); skipped" in proc.stderr
    assert proc.returncode == 2 and b"ok.txt:2:1: NL510" in proc.stdout


@pytest.mark.parametrize(
    ("count", "jobs"),
    [
        (300, ()),
        (200, ("--no-cache", "--jobs", "2")),
        pytest.param(3000, (), marks=pytest.mark.slow),
        pytest.param(1500, ("--no-cache", "--jobs", "2"), marks=pytest.mark.slow),
    ],
    ids=["default-jobs", "jobs-2", "default-jobs-3000", "jobs-2-1500"],
)
def test_many_files_under_a_low_file_handle_limit(tmp_path, count, jobs):
    """Many more files than a 64-handle limit lint, in process or in a pool: no handle is ever leaked.

    By default 300 and 200 files; ``-m slow`` runs thousands.
    """
    import resource
    import subprocess
    import sys

    for i in range(count):
        (tmp_path / f"{i:05}.txt").write_text("Text.\n", encoding="utf-8")
    last = f"{count - 1:05}.txt"
    (tmp_path / last).write_text(BROKEN, encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", *jobs, "."],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=600,
        preexec_fn=limit,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert f"{last}:2:1: NL510".encode() in proc.stdout and f"of {count} files".encode() in proc.stdout


# -- huge inputs --------------------------------------------------------------------------
# By default a 0.5 MB line; `-m slow` adds the 5 MB one, 50 MB with NEWSLINT_SLOW_TESTS=1.

SLOW = bool(os.environ.get("NEWSLINT_SLOW_TESTS"))


def _one_line(size: int) -> bytes:
    """``size`` bytes of real news text (gensim's lee corpus if fetched, else the seeds) on a single line."""
    import sys

    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import lee_background, seed_articles

    try:
        texts = lee_background(fetch=False)
    except FileNotFoundError:  # not fetched (tests never download): the bundled seeds will do
        texts = list(seed_articles().values())
    blob = " ".join(" ".join(t.split()) for t in texts).encode("utf-8")
    data = (blob + b" ") * (size // (len(blob) + 1) + 1)
    return data[:size].decode("utf-8", "ignore").encode("utf-8")


def _run_measured(args, cwd, timeout):
    """The CLI as a child process: its result, wall time and peak RSS in MB."""
    import subprocess
    import sys
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1"}
    # The child's own peak: /proc's VmHWM where there is one. ru_maxrss is not that on
    # Linux: exec keeps the parent's high-water mark, so it would report pytest's memory.
    code = (
        "import re, resource, runpy, sys\n"
        "try:\n    runpy.run_module('newslint', run_name='__main__')\n"
        "finally:\n"
        "    try:\n"
        "        kb = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "    except (OSError, AttributeError):\n"
        "        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'RSS {kb // 1024}', file=sys.stderr)\n"
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, env=env, timeout=timeout, check=False
    )
    elapsed = time.monotonic() - started
    rss = int(proc.stderr.decode().rsplit("RSS ", 1)[1])
    return proc, elapsed, rss


@pytest.mark.parametrize("megabytes", [0.5, pytest.param(50 if SLOW else 5, marks=pytest.mark.slow)])
def test_a_single_huge_line_is_linted_in_linear_time_and_memory(tmp_path, megabytes):
    """One line of real text: findings at sane positions on line 1; time and memory printed.

    A ceiling on time catches the quadratic paths found here (a 5 MB line took
    six minutes before the fixes); memory is about 140 bytes per character.
    """
    data = _one_line(int(megabytes * 1_000_000))
    (tmp_path / "line.txt").write_bytes(data)
    (tmp_path / "newslint.toml").write_text(f"max-file-size = {len(data) + 1}\n", encoding="utf-8")
    proc, elapsed, rss = _run_measured(["--no-cache", "-j", "1", "--format", "json", "line.txt"], tmp_path, timeout=900)
    import json

    assert proc.returncode == 1, proc.stderr[-2000:]
    found = json.loads(proc.stdout)
    assert found and all(d["line"] == d["end_line"] == 1 for d in found)
    assert all(1 <= d["column"] <= d["end_column"] <= len(data) + 1 for d in found)
    print(f"\n{megabytes} MB single line: {elapsed:.1f} s, peak RSS {rss} MB, {len(found)} findings")
    assert rss < 250 * megabytes + 200, f"{rss} MB for {megabytes} MB of text"


def test_a_1_gb_file_is_refused_by_size_without_reading_it(tmp_path):
    """A sparse 1 GB file (no disk used) hits max-file-size at its default: a clear message, flat memory."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(1024**3)
    (tmp_path / "ok.txt").write_text(BROKEN, encoding="utf-8")
    proc, elapsed, rss = _run_measured(["--isolated", "huge.txt", "ok.txt"], tmp_path, timeout=120)
    assert proc.returncode == 2
    assert b"huge.txt: file too large: 1073741824 bytes, over max-file-size (52428800); skipped" in proc.stderr
    assert b"ok.txt:2:1: NL510" in proc.stdout
    assert rss < 150, f"{rss} MB peak for a file that should not have been read"
    print(f"\n1 GB file: refused in {elapsed:.2f} s, peak RSS {rss} MB")


def test_jsonl_broken_records_each_get_a_message_and_the_run_goes_on(tmp_path):
    import json

    records = [
        json.dumps({"id": "a", "text": "First record. \n"}).encode(),
        b"[1, 2, 3]",
        b'{"id": "b", "text": "caf\xe9 in Latin-1"}',
        json.dumps({"id": "c", "body": "the text is under another key"}).encode(),
        json.dumps({"id": "d", "text": 42}).encode(),
        b'{"id": "e", "text": "cut short',
        json.dumps({"id": "f", "text": "Last record.\n\u00a0\nEnd.\n"}).encode(),
    ]
    (tmp_path / "c.jsonl").write_bytes(b"\n".join(records))
    proc = run_main("--isolated", "--verbose", "c.jsonl", cwd=tmp_path)
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert "c.jsonl#a:1:14: NL512" in out and "c.jsonl#f:2:1: NL510" in out  # before and after the bad ones
    assert "error: c.jsonl:2: record is a JSON list, not an object" in err
    assert "error: c.jsonl:3: invalid JSON record: 'utf-8' codec can't decode byte 0xe9" in err
    assert "note: c.jsonl#c: no string field 'text'; skipped" in err
    assert "note: c.jsonl#d: no string field 'text'; skipped" in err
    assert "error: c.jsonl:6: invalid JSON record: " in err  # a string cut short by the line end
