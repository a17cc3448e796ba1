"""Shared fixtures: run the real CLI in a subprocess, from the repository root."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture
def cli():
    return run_cli
