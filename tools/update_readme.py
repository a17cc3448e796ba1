"""Regenerate the README's generated tables: rules (``--list-rules``) and config keys.

Both are checked by tests/test_readme.py, so the README cannot drift from the code.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TYPES = {
    "str": "string",
    "bool": "boolean",
    "int": "integer",
    "float": "number",
    "date": "date",
    "list[str]": "list of strings",
    "dict[str, list[str]]": "table of lists",
}


def rule_table() -> str:
    return subprocess.run(
        [sys.executable, "-m", "newslint", "--list-rules", "--isolated"],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={"NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout


def option_table() -> str:
    """Every config key: the core's and each built-in plugin's, as declared."""
    from newslint.plugin.config import CORE_OPTIONS
    from newslint.run.engine import Engine, RunOptions

    engine = Engine.create(RunOptions(isolated=True, entry_points=False))
    rows = ["| Key | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
    for opt in (*CORE_OPTIONS, *engine.registry.options):
        kind = _TYPES.get(opt.type, opt.type)
        if opt.choices:
            kind = " \\| ".join(f'`"{c}"`' for c in opt.choices)
        default = "none" if opt.default is None else f"`{_toml(opt.default)}`"
        rows.append(f"| `{opt.name}` | {kind} | {default} | {opt.help} |")
    return "\n".join(rows) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return str(value)


def replace(text: str, marker: str, table: str) -> str:
    pattern = rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)"
    if not re.search(pattern, text, flags=re.S):
        raise SystemExit(f"README.md lacks the {marker}:start/{marker}:end markers")
    return re.sub(pattern, lambda m: m.group(1) + table + m.group(2), text, flags=re.S)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = replace(text, "rules", rule_table())
    text = replace(text, "options", option_table())
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
