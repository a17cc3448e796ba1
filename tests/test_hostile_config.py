"""Hostile config and packs: every mistake is exit 2 naming the file (and line or key path); nothing runs.

A config or pack is data: there is no key that imports, evaluates or executes
anything, so the tests try the obvious attempts and check that each is
refused as an unknown key or invalid TOML, and that nothing ran.
"""

from __future__ import annotations

import pytest
from conftest import run_cli

TEXT = "The council met on Monday.\n\u00a0\nIt approved the budget.\n"  # one NL510 finding

# A module whose import would leave a mark: if anything ever imported it, the test would see it.
EVIL = "import pathlib\npathlib.Path(__file__).with_name('PWNED').write_text('ran')\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "evil.py").write_text(EVIL, encoding="utf-8")
    (tmp_path / "evil.toml").write_text(EVIL, encoding="utf-8")
    return tmp_path


def _run(tree, config: str, *args: str):
    (tree / "newslint.toml").write_text(config, encoding="utf-8")
    proc = run_cli(*args, "a.txt", cwd=tree)
    assert not (tree / "PWNED").exists(), "config made newslint run code"
    assert b"Traceback" not in proc.stderr
    return proc.returncode, proc.stderr.decode()


CONFIGS = {
    "plugins key": ('# house style\nplugins = ["evil"]\n', "newslint.toml:2: top level: unknown key 'plugins'"),
    "python tag": ("select = !!python/object/apply:os.system ['touch PWNED']\n", "newslint.toml:1:10: invalid TOML"),
    "table header typo": (
        "# x\n[per-file-ignore]\n'*.txt' = ['NL5']\n",
        "newslint.toml:2: top level: unknown key 'per-file-ignore'; did you mean 'per-file-ignores'?",
    ),
    "wrong type": ("max-file-size = '10 MB'\n", "newslint.toml:1: top level max-file-size: expected an integer"),
    "broken at the end": ("# x\nselect = [\n", "newslint.toml:2:11: invalid TOML"),
    "a pack that is Python": ('packs = ["evil.py"]\n', "evil.py:1:8: invalid TOML"),
    "a pack that is Python named .toml": ('packs = ["evil.toml"]\n', "evil.toml:1:8: invalid TOML"),
}


@pytest.mark.parametrize(("config", "message"), CONFIGS.values(), ids=CONFIGS.keys())
def test_config_mistakes_and_code_are_refused_with_file_and_line(tree, config, message):
    code, stderr = _run(tree, config)
    assert code == 2 and message in stderr, stderr


PACK_HEAD = '[pack]\nkind = "confusables"\nschema = 1\n'
ENTRY = '\n[[confusable]]\nid = "x"\nwrong = ["loose"]\nright = ["lose"]\nbefore = "to "\nreason = "r"\n'
PACKS = {
    "broken TOML": (PACK_HEAD + ENTRY + "after = [\n", "my.toml:11:10: invalid TOML"),
    "unknown entry key": (PACK_HEAD + ENTRY + 'exec = "import os"\n', "my.toml: confusable[0].exec: unknown key"),
    "unknown table": (
        PACK_HEAD + "\n[[confusables]]\nid = 'x'\n",
        "my.toml: confusables: unknown key; expected one of confusable, pack",
    ),
    "wrong type": (PACK_HEAD + ENTRY.replace('["loose"]', '"loose"'), "my.toml: confusable[0].wrong: expected a list"),
    "loader in the header": (
        PACK_HEAD + 'loader = "python"\n',
        "my.toml: pack.loader: unknown key; expected one of checked, kind, schema",
    ),
    "newer schema": (
        PACK_HEAD.replace("schema = 1", "schema = 2"),
        "my.toml: pack.schema: this newslint reads pack schema 1, got 2",
    ),
    "offices table typo": (
        '[pack]\nkind = "offices"\nschema = 1\n[[office]]\nname = "x"\n',
        "my.toml: office: unknown key",
    ),
    "variants table typo": (
        '[pack]\nkind = "variants"\nschema = 1\n[[pairs]]\nbritish = ["x"]\n',
        "my.toml: pairs: unknown key",
    ),
}


@pytest.mark.parametrize(("pack", "message"), PACKS.values(), ids=PACKS.keys())
def test_pack_mistakes_name_the_file_and_key_path(tree, pack, message):
    (tree / "my.toml").write_text(pack, encoding="utf-8")
    code, stderr = _run(tree, 'packs = ["my.toml"]\n')
    assert code == 2 and message in stderr, stderr


def test_a_valid_pack_still_loads(tree):
    (tree / "my.toml").write_text(PACK_HEAD + ENTRY, encoding="utf-8")
    (tree / "b.txt").write_text("They did not want to loose the vote.\n", encoding="utf-8")
    (tree / "newslint.toml").write_text('packs = ["my.toml"]\n', encoding="utf-8")
    proc = run_cli("b.txt", cwd=tree)
    assert proc.returncode == 1 and b"NL630" in proc.stdout, proc.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("no_such_module.plugin", "-p no_such_module.plugin: cannot import it: No module named 'no_such_module'"),
        ("./evil.py", "-p ./evil.py: expected an importable module name (package.module), not a path"),
        ("plugins/evil.py", "-p plugins/evil.py: expected an importable module name"),
    ],
)
def test_dash_p_with_a_missing_module_or_a_path_is_exit_2(tree, name, message):
    proc = run_cli("-p", name, "--isolated", "a.txt", cwd=tree)
    assert proc.returncode == 2 and message in proc.stderr.decode() and b"Traceback" not in proc.stderr
    assert not (tree / "PWNED").exists()


def test_dash_p_module_that_raises_on_import_is_exit_2(tree):
    (tree / "broken_plugin.py").write_text("raise RuntimeError('half-installed')\n", encoding="utf-8")
    proc = run_cli("-p", "broken_plugin", "--isolated", "a.txt", cwd=tree, env={"PYTHONPATH": str(tree)})
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert "-p broken_plugin: importing it raised RuntimeError: half-installed" in proc.stderr.decode()
