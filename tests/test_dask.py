"""Dask: the same extract -> merge -> judge on a real distributed.LocalCluster with 2 workers.

Skipped only when the ``dask`` extra is not installed.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask.bag as db
from conftest import ROOT, run_cli
from distributed import Client, LocalCluster

sys.path.insert(0, str(ROOT))
from benchmarks.corpus import seed_articles, write_jsonl, write_tree
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import run
from newslint.run.sources import discover

PLUGINS = ROOT / "tests" / "plugins"
SEED_TEXTS = list(seed_articles().values())


@pytest.fixture(scope="module")
def client():
    # Worker processes find the probe plugin through PYTHONPATH, as a cluster's would.
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), str(PLUGINS), old]))
    sys.path.insert(0, str(PLUGINS))
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()
    if old is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = old


@pytest.mark.slow  # a local Dask cluster: seconds to start
def test_lint_bag_matches_single_process_with_corpus_rules(client, tmp_path):
    write_tree(tmp_path, 60, seed=21, texts=SEED_TEXTS, per_dir=30)
    options = RunOptions(
        paths=(str(tmp_path),), isolated=True, entry_points=False, plugins=("headline_probe",), corpus=True
    )
    engine = Engine.create(options)
    local = run(engine, list(discover([str(tmp_path)], engine.ctx.config)))
    pairs = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(tmp_path.rglob("*.txt"))]
    result = __import__("newslint.run.dask", fromlist=["lint_bag"]).lint_bag(
        db.from_sequence(pairs, npartitions=6), options
    )
    assert result.files == local.files == 60
    assert result.diagnostics == local.diagnostics
    assert any(d.code == "XP001" for d in result.diagnostics), "corpus rule judged facts from both workers"
    workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    assert len(workers) == 2


@pytest.mark.slow  # a local Dask cluster: seconds to start
def test_cli_engine_dask_matches_jobs_1(client, tmp_path):
    write_tree(tmp_path / "t", 40, seed=22, texts=SEED_TEXTS, per_dir=20)
    write_jsonl(tmp_path / "t" / "c.jsonl", 30, seed=23, texts=SEED_TEXTS)
    address = client.scheduler.address
    env = {"PYTHONPATH": str(PLUGINS)}
    paths = (str(tmp_path / "t"), str(tmp_path / "t" / "c.jsonl"))
    local = run_cli(*paths, "--isolated", "-p", "headline_probe", "--format", "json", "-j", "1", "--no-cache", env=env)
    dask = run_cli(
        *paths,
        "--isolated",
        "-p",
        "headline_probe",
        "--format",
        "json",
        "--engine",
        "dask",
        "--scheduler",
        address,
        env=env,
    )
    assert dask.returncode == local.returncode == 1, dask.stderr.decode()
    assert json.loads(dask.stdout) == json.loads(local.stdout)
    found = json.loads(local.stdout)
    assert any("c.jsonl#doc-" in d["path"] for d in found), "dataset records were linted"
    assert any(d["code"] == "XP001" for d in found)
