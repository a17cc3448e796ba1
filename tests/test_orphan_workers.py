"""Workers never outlive their parent (issue 20): kill the parent of --jobs N, and its workers end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc")


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.update(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.slow
def test_killing_the_parent_ends_its_workers(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(600):  # enough work that the run is still going when the parent is killed
        src = seeds[i % len(seeds)]
        (tmp_path / f"{i:04}-{src.name}").write_bytes(src.read_bytes())
    env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--isolated", "--no-cache", "-j", "2", "."],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: set[int] = set()
    try:
        assert _wait_for(lambda: len(_children(parent.pid)) >= 2, 60), "no workers started"
        time.sleep(1.0)  # the workers have their engines and are linting
        workers = _children(parent.pid)
        assert parent.poll() is None, "the run finished before it could be killed"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), (
            f"workers {sorted(w for w in workers if _alive(w))} outlived their parent"
        )
    finally:
        for pid in workers | _children(parent.pid):  # clean up even when the test fails
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


WATCH = """
import os, sys, time
sys.platform = "darwin"  # no prctl: the parent-watch thread must do it
from newslint.run import parallel
parent = os.getpid()
child = os.fork()
if child == 0:
    parallel.die_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_without_prctl_a_watch_thread_ends_the_worker():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", WATCH], env=env, stdout=subprocess.PIPE, start_new_session=True)
    child = int(parent.stdout.readline())
    try:
        assert _alive(child)
        parent.kill()
        parent.wait()
        assert _wait_for(lambda: not _alive(child), 5), "the watched worker outlived its parent"
    finally:
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass
