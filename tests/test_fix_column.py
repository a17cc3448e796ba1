"""The ``--list-rules`` Fix column says what ``--fix`` and ``--fix --unsafe-fixes`` really do.

Every rule's documented example (plus a few articles written here where the
example's invisible characters or length keep it from firing) is put in a
directory of its own whose ``newslint.toml`` selects only that rule, so one
CLI run over the tree checks each rule alone (per-file config). The tree is
linted, fixed with ``--fix`` and, in a second copy, with ``--fix
--unsafe-fixes``; a rule whose findings go away must be marked ``yes`` (safe)
or ``unsafe`` in the Fix column, and a rule so marked must lose them.
"""

from __future__ import annotations

import codecs
import json
import re
import shutil
import textwrap
from collections import Counter

import pytest
from conftest import run_main

#: Articles for rules whose documented example does not fire as text (invisible characters, length).
EXTRA = {
    "NL510": "The harbour board approved the timetable.\n\u00a0\t\nCrossings start next month.\n",
    "NL511": "Crossings to the island start next month.\n\n\n\n",
    "NL512": "The harbour board approved the timetable.  \nCrossings start next month.\n",
    "NL513": "The harbour master, Ingrid Sol\u00adberg, signed the order.\n",
    "NL312": (
        "Harbour Board Approves New Ferry Timetable.\n\n"
        "PORTSMOUTH (Reuters) - The harbour board on Monday approved a new ferry timetable that adds two "
        "evening crossings to the island from next month.\n\n"
        "The board said demand had risen sharply since the spring.\n"
    ),
    "NL002": "<!-- newslint-disable-next-line NL101 -->\nThe harbour board approved the timetable.\n",
    "NL103": "The board will utilise the new pier from next month.\n",
    "NL205": (
        "The harbour board approved a new ferry timetable on Monday, adding two evening crossings to the island.\n\n"
        "The board said demand for the late crossings had risen sharply since the spring.\n\n"
        "Le conseil portuaire a approuv\u00e9 lundi un nouvel horaire des travers\u00e9es vers l'\u00eele.\n"
    ),
}

#: Config lines a rule needs before its example can fire (a vocabulary to reject from, the code a suppression names).
EXTRA_CONFIG = {"NL103": 'reject = ["utilise -> use"]\n', "NL002": 'extend-select = ["NL101"]\n'}


def _example(explanation: str) -> str | None:
    """The rule's ``## Example`` block as the file it depicts (``\\u00a0``, ``⏎`` and ``·`` decoded)."""
    m = re.search(r"## Example\n(.*?)(?:\nUse instead:|\n## |\Z)", explanation, re.DOTALL)
    if m is None:
        return None
    text = textwrap.dedent(m.group(1)).strip("\n") + "\n"
    text = text.replace("⏎", "").replace("·", " ")
    if "\\u" in text:
        text = codecs.decode(text.encode("ascii", "backslashreplace"), "unicode_escape")
    return text


@pytest.fixture(scope="module")
def explained() -> dict[str, dict]:
    """Every rule with its documentation, from ``newslint rule --all --output-format json``."""
    proc = run_main("rule", "--all", "--isolated", "--output-format", "json")
    assert proc.returncode == 0, proc.stderr
    return {r["code"]: r for r in json.loads(proc.stdout)}


@pytest.fixture(scope="module")
def counts(explained: dict[str, dict], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter]:
    """Findings per rule before fixing, after ``--fix`` and after ``--fix --unsafe-fixes``."""
    base = tmp_path_factory.mktemp("fix-column")
    tree = base / "before"
    for code, rule in explained.items():
        texts = [t for t in (_example(rule["explanation"]), EXTRA.get(code)) if t]
        if not texts:
            continue
        folder = tree / code
        folder.mkdir(parents=True)
        (folder / "newslint.toml").write_text(f'select = ["{code}"]\n' + EXTRA_CONFIG.get(code, ""), encoding="utf-8")
        for i, text in enumerate(texts):
            (folder / f"example{i}.txt").write_text(text, encoding="utf-8")
    out: dict[str, Counter] = {}
    for name, flags in [("before", []), ("safe", ["--fix"]), ("unsafe", ["--fix", "--unsafe-fixes"])]:
        target = base / name
        if name != "before":
            shutil.copytree(tree, target)
        proc = run_main("check", *flags, "--no-corpus", "--no-cache", "--output-format", "json", str(target))
        assert proc.returncode in (0, 1), proc.stderr
        out[name] = Counter(d["code"] for d in json.loads(proc.stdout))
    return out


def test_every_marked_rule_has_a_firing_example(explained, counts):
    marked = {code for code, r in explained.items() if r["fix"]["safe"] or r["fix"]["unsafe"]}
    assert marked, "no rule is marked fixable"
    assert {code for code in marked if counts["before"][code] == 0} == set()


def test_safe_fixes_are_what_the_fix_column_calls_yes(explained, counts):
    fired = [code for code in explained if counts["before"][code]]
    fixed = {code for code in fired if counts["safe"][code] < counts["before"][code]}
    marked = {code for code in fired if explained[code]["fix"]["safe"]}
    assert fixed == marked
    assert {"NL611", "NL610", "NL520"} <= fixed


def test_unsafe_fixes_are_what_the_fix_column_calls_unsafe(explained, counts):
    fired = [code for code in explained if counts["before"][code]]
    fixed = {code for code in fired if counts["unsafe"][code] < counts["before"][code]}
    marked = {code for code in fired if explained[code]["fix"]["safe"] or explained[code]["fix"]["unsafe"]}
    assert fixed == marked
    assert {"NL101", "NL201", "NL203", "NL501", "NL630"} <= fixed - {c for c in fired if explained[c]["fix"]["safe"]}


def test_markdown_table_column_matches_json(explained):
    proc = run_main("--list-rules", "--isolated")
    assert json.loads(run_main("--list-rules", "--isolated", "--output-format", "json").stdout)[0]["code"] == "NL001"
    rows = {}
    for line in proc.stdout.decode().splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = cells[4]
    for code, rule in explained.items():
        expected = ", ".join((["yes"] if rule["fix"]["safe"] else []) + (["unsafe"] if rule["fix"]["unsafe"] else []))
        assert rows[code] == expected, code
