"""The README stays true: its rule table is what --list-rules prints."""

from __future__ import annotations

import re

from conftest import ROOT, run_cli


def test_rule_table_matches_list_rules():
    """The table between the rules markers is --list-rules output, byte for byte."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", readme, re.S)
    assert m, "README lacks the rules:start/rules:end markers"
    proc = run_cli("--list-rules", "--isolated")
    assert proc.returncode == 0
    assert m.group(1) == proc.stdout.decode(), "run: python tools/update_readme.py"


def test_setup_commands_are_the_documented_two():
    """The README's set-up block is exactly the two commands CI relies on."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && newslint seeds/\npip install -e '.[test]' && pytest\n" in readme


def test_config_table_matches_declared_options():
    """The config table lists every core and built-in plugin option, as tools/update_readme.py writes it."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from update_readme import option_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- options:start -->\n(.*?)<!-- options:end -->", readme, re.S)
    assert m and m.group(1) == option_table(), "run: python tools/update_readme.py"
