"""Acceptance: newslint on the bundled seed articles, scored against tests/expected.toml.

A diagnostic covers a defect when it names the same file and its line range
holds the defect's line. No diagnostic may cover nothing (a false positive),
and every required defect of a category that some registered rule reports
must be covered by a diagnostic of that category.
"""

from __future__ import annotations

import json
import os
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pytest
from conftest import ROOT, SEEDS, run_main

EXPECTED = ROOT / "tests" / "expected.toml"


def _covers(diag: dict, defect: dict) -> bool:
    if os.path.basename(diag["path"]) != defect["file"]:
        return False
    return diag["line"] <= defect["line"] <= (diag.get("end_line") or diag["line"])


@pytest.fixture(scope="module")
def report() -> list[dict]:
    proc = run_main("--format", "json", "seeds", "--isolated")
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def defects() -> list[dict]:
    with EXPECTED.open("rb") as fh:
        return tomllib.load(fh)["defect"]


@pytest.fixture(scope="module")
def implemented_categories() -> set[str]:
    from newslint.run.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(isolated=True, entry_points=False))
    return {engine.registry.rules[c].category.value for c in engine.ctx.enabled}


def test_seed_files_are_verbatim_copies_listed_in_expected(defects):
    """The five articles ship byte for byte; expected.toml names only them."""
    names = {p.name for p in SEEDS.glob("*.txt")}
    assert len(names) == 5
    assert {d["file"] for d in defects} <= names


def test_no_false_positives(report, defects):
    """Every diagnostic on the seeds covers a listed defect."""
    stray = [d for d in report if not any(_covers(d, defect) for defect in defects)]
    assert stray == []


def test_required_defects_covered(report, defects, implemented_categories):
    """Every required defect of an implemented category is reported in its category."""
    missed = [
        f"{d['file']}:{d['line']} [{d['category']}]"
        for d in defects
        if d.get("required")
        and d["category"] in implemented_categories
        and not any(_covers(g, d) and g["category"] == d["category"] for g in report)
    ]
    assert missed == []


def test_seed_002_duplicate_lede_reported(report):
    """The teaser on line 1 is reported as a copy of lines 3-4, at 1:1."""
    dup = [d for d in report if d["path"].endswith("002_566b46e06db8f717.txt") and d["code"] == "NL501"]
    assert dup and (dup[0]["line"], dup[0]["column"]) == (1, 1)
    assert "lines 3-4" in dup[0]["message"]
