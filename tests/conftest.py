"""Shared fixtures: run the real CLI in a subprocess (or in this process), from the repository root."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _user_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Keep the dictionary and pack caches of this session (and its subprocesses) out of ~/.cache."""
    saved = os.environ.get("NEWSLINT_CACHE_DIR")
    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if saved is None:
        os.environ.pop("NEWSLINT_CACHE_DIR", None)
    else:
        os.environ["NEWSLINT_CACHE_DIR"] = saved


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_cli(
    *args: str, cwd: Path | str = ROOT, input: bytes | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run ``python -m newslint ARGS`` with installed plugins disabled; output as text."""
    full_env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1", **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH", "")]))
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        env=full_env,
        timeout=300,
        check=False,
    )


def run_main(
    *args: str, cwd: Path | str = ROOT, input: bytes | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """``run_cli`` without the new interpreter: ``newslint.cli.main(ARGS)`` in this process.

    For tests about what the command does (findings, exit status, output), not about
    the process itself. The environment, working directory and ``sys.path``
    (``PYTHONPATH``, for ``-p`` plugins) are those ``run_cli`` would give the child,
    and restored afterwards; stdin, stdout and stderr are real files (no terminal),
    with the child's encodings. What is not the same: the interpreter's start-up, and
    what stays in memory from earlier runs (imported plugins, caches keyed as the
    language server keys them). Tests about the process (signals, closed pipes, start-up
    imports, the user cache being built, ``--jobs 2`` with its worker pool) keep ``run_cli``.
    """
    from newslint.cli import main

    full_env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1", **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH", "")]))
    saved_env, saved_cwd, saved_path = dict(os.environ), os.getcwd(), list(sys.path)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    with tempfile.TemporaryFile() as inp, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        inp.write(input or b"")
        inp.seek(0)
        os.environ.clear()
        os.environ.update(full_env)
        sys.path[:0] = [p for p in full_env["PYTHONPATH"].split(os.pathsep) if p]
        os.chdir(cwd)
        sys.stdin = open(inp.fileno(), encoding="utf-8", errors="surrogateescape", closefd=False)  # noqa: SIM115
        sys.stdout = open(out.fileno(), "w", encoding="utf-8", errors="surrogateescape", closefd=False)  # noqa: SIM115
        sys.stderr = open(err.fileno(), "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        try:
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors, as the interpreter would exit
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
            except Exception:  # noqa: BLE001  # uncaught: a traceback and status 1, as from the interpreter
                traceback.print_exc()
                code = 1
            for stream in (sys.stdout, sys.stderr):
                if not stream.closed:
                    stream.flush()
        finally:
            for stream in (sys.stdin, sys.stdout, sys.stderr):
                try:
                    stream.close()
                except OSError:
                    pass
            sys.stdin, sys.stdout, sys.stderr = saved_streams
            os.chdir(saved_cwd)
            sys.path[:] = saved_path
            os.environ.clear()
            os.environ.update(saved_env)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(["newslint", *args], code, out.read(), err.read())


@pytest.fixture
def cli():
    return run_cli


def offices_coverage_tool():
    """``tools/offices_coverage.py`` as a module (``tools/`` is no package), imported once."""
    tools = str(ROOT / "tools")
    sys.path.insert(0, tools)
    try:
        import offices_coverage
    finally:
        sys.path.remove(tools)
    return offices_coverage
