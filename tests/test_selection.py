"""Rule selection follows ruff's precedence."""

from __future__ import annotations

import pytest

from newslint.model.diagnostic import Category, Rule, Severity
from newslint.plugin.selection import Layer, SelectionError, resolve


def _rule(code, default=True):
    return Rule(code, code.lower(), Category.USAGE, Severity.WARNING, "s", "e", default_enabled=default)


RULES = {c: _rule(c) for c in ("NL101", "NL102", "NL501", "NL502")} | {"NL601": _rule("NL601", default=False)}


@pytest.mark.parametrize(
    ("layers", "enabled"),
    [
        pytest.param([], {"NL101", "NL102", "NL501", "NL502"}, id="defaults-skip-opt-in"),
        pytest.param([Layer(select=["NL5"])], {"NL501", "NL502"}, id="select-replaces"),
        pytest.param([Layer(select=["NL5"], ignore=["NL502"])], {"NL501"}, id="more-specific-ignore"),
        pytest.param([Layer(select=["NL502"], ignore=["NL5"])], {"NL502"}, id="more-specific-select"),
        pytest.param([Layer(select=["NL5"], ignore=["NL5"])], set(), id="ignore-wins-tie"),
        pytest.param(
            [Layer(extend_select=["NL601"])], {"NL101", "NL102", "NL501", "NL502", "NL601"}, id="extend-opt-in"
        ),
        pytest.param([Layer(select=["ALL"])], set(RULES), id="all"),
        pytest.param(
            [Layer(ignore=["NL1"], source="config"), Layer(select=["NL1"])],
            {"NL101", "NL102"},
            id="cli-select-overrides-config",
        ),
        pytest.param(
            [Layer(select=["NL1"], source="config"), Layer(ignore=["NL102"])],
            {"NL101"},
            id="cli-ignore-on-config-select",
        ),
    ],
)
def test_resolve(layers, enabled):
    assert resolve(RULES, layers) == enabled


def test_unknown_selector_is_an_error():
    with pytest.raises(SelectionError, match="unknown code or prefix 'NL9'"):
        resolve(RULES, [Layer(select=["NL9"], source="pyproject.toml")])
