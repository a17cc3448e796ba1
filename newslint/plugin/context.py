"""The run context handed to every hook: config, packs, enabled rules, date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.model.diagnostic import Rule
from newslint.plugin.config import Config
from newslint.plugin.packs import Packs

__all__ = ["Context"]


@dataclass
class Context:
    """What a rule may know besides the document. It pickles, for worker processes.

    Args:
        config: The resolved configuration.
        rules: Every registered rule by code.
        enabled: Codes selected for this run.
        packs: The run's rule packs, loaded lazily by kind.
        date: The article date from ``--date`` or config; ``None`` lets rules
            read the date from each document.
        corpus: Whether corpus rules run (a directory, several files or ``--corpus``).
    """

    config: Config = field(default_factory=Config)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    enabled: frozenset[str] = frozenset()
    packs: Packs = field(default_factory=Packs)
    date: dt.date | None = None
    corpus: bool = False

    def is_enabled(self, rule: Rule | str) -> bool:
        """Whether a rule (or code) is selected for this run."""
        return (rule.code if isinstance(rule, Rule) else rule) in self.enabled

    def any_enabled(self, *rules: Rule) -> bool:
        """Whether any of ``rules`` is selected: a plugin's cheap early exit."""
        return any(r.code in self.enabled for r in rules)

    @property
    def options(self) -> Mapping[str, Any]:
        """Every config value by key, core and plugin-declared."""
        return self.config.options
