"""Which configuration applies to a file: the nearest one above it, as ruff resolves it.

One ``Resolver`` answers for the command line and the language server alike:

* ``--config FILE`` (``explicit``) applies to every file;
* ``--isolated`` applies the defaults to every file;
* otherwise a file takes the nearest ``.newslint.toml``, ``newslint.toml`` or
  ``pyproject.toml`` with a ``[tool.newslint]`` table in its own directory or
  above it; standard input takes the one above ``--stdin-filename`` (else the
  working directory).

``Engines`` builds one ``Engine`` per distinct config file and keeps it, so a
run over many directories loads each config (and the plugins) once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.plugin.config import CONFIG_FILES, _has_newslint_table

if TYPE_CHECKING:
    from newslint.run.engine import Engine, RunOptions
    from newslint.run.runner import RunResult
    from newslint.run.sources import Source, SourceProblem

__all__ = ["Engines", "Resolution", "Resolver", "group_by_config", "merge_results"]


@dataclass(frozen=True)
class Resolution:
    """The config file that applies to a path, and why.

    Args:
        config: The config file, or ``None`` for the built-in defaults.
        reason: ``"--config"``, ``"--isolated"``, ``"nearest"`` (found above the
            path) or ``"default"`` (none found).
    """

    config: Path | None
    reason: str

    def describe(self) -> str:
        """One line for ``--show-settings``."""
        if self.reason == "--config":
            return f"{self.config} (given with --config)"
        if self.reason == "--isolated":
            return "built-in defaults (--isolated)"
        if self.config is None:
            return "built-in defaults (no config file found above it)"
        return f"{self.config} (the nearest config file above it)"


class Resolver:
    """Finds the config of each path; caches the answer per directory.

    Args:
        explicit: ``--config``: this file applies everywhere.
        isolated: ``--isolated``: no config file applies anywhere.
        cwd: The working directory (for ``-`` and relative paths); default: now's.
        cache: Remember each directory's answer (a command-line run); the
            language server passes ``False`` so a config file created while it
            runs is found at the next lint.
    """

    def __init__(
        self, explicit: str | Path | None = None, isolated: bool = False, cwd: Path | None = None, *, cache: bool = True
    ) -> None:
        self.explicit = Path(explicit) if explicit else None
        self.isolated = isolated
        self.cwd = cwd
        self.cache = cache
        self._by_dir: dict[Path, Path | None] = {}

    def _cwd(self) -> Path:
        return self.cwd if self.cwd is not None else Path.cwd()

    def for_path(self, path: str | Path, *, is_dir: bool | None = None) -> Resolution:
        """The config of ``path`` (a file, a directory, or ``-`` for stdin without a name)."""
        if self.explicit is not None:
            return Resolution(self.explicit, "--config")
        if self.isolated:
            return Resolution(None, "--isolated")
        if str(path) == "-":
            directory = self._cwd()
        else:
            p = Path(path)
            if not p.is_absolute():
                p = self._cwd() / p
            directory = p if (p.is_dir() if is_dir is None else is_dir) else p.parent
        found = self.for_directory(directory)
        return Resolution(found, "nearest" if found is not None else "default")

    def for_stdin(self, stdin_filename: str | None) -> Resolution:
        """Standard input: resolved from ``--stdin-filename``'s directory, else the working directory."""
        if stdin_filename:
            return self.for_path(stdin_filename, is_dir=False)
        return self.for_path("-")

    def for_directory(self, directory: Path) -> Path | None:
        """The nearest config file in ``directory`` or above it."""
        if self.cache and directory in self._by_dir:  # the common case: a sibling file asked already
            return self._by_dir[directory]
        try:
            start = directory.resolve()
        except OSError:
            start = directory.absolute()
        walked: list[Path] = []
        found: Path | None = None
        for d in (start, *start.parents):
            if d in self._by_dir:
                found = self._by_dir[d]
                break
            walked.append(d)
            hit = _config_in(d)
            if hit is not None:
                found = hit
                break
        if self.cache:
            for d in walked:
                self._by_dir[d] = found
            self._by_dir[directory] = found
        return found

    def clear(self) -> None:
        """Forget cached answers (a config file was created or deleted)."""
        self._by_dir.clear()


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_newslint_table(candidate)):
            return candidate
    return None


def _stamp(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Engines:
    """One ``Engine`` per config file, built from the same ``RunOptions``.

    Args:
        options: The run's options; each engine gets them with ``config`` set to
            its file (``isolated`` when there is none), so worker processes
            rebuild exactly the same engine from ``options_for``.
        resolver: Decides the config of each path.
        reload: Rebuild an engine when its config file changed on disk (the
            language server; a command-line run reads each config once).
        create: Builds an engine from options (default ``Engine.create``).
    """

    def __init__(
        self,
        options: RunOptions,
        resolver: Resolver,
        *,
        reload: bool = False,
        create: Callable[[RunOptions], Engine] | None = None,
    ) -> None:
        self.options = options
        self.resolver = resolver
        self.reload = reload
        if create is None:
            from newslint.run.engine import Engine

            create = Engine.create
        self._create = create
        self._cache: dict[Path | None, tuple[tuple[int, int] | None, Engine]] = {}

    def options_for(self, config: Path | None) -> RunOptions:
        """The run's options pinned to ``config``."""
        return dataclasses.replace(
            self.options, config=str(config) if config is not None else None, isolated=config is None
        )

    def for_config(self, config: Path | None) -> Engine:
        """The engine of ``config`` (built on first use)."""
        stamp = _stamp(config) if self.reload else None
        cached = self._cache.get(config)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        engine = self._create(self.options_for(config))
        self._cache[config] = (stamp, engine)
        return engine

    def for_path(self, path: str | Path, *, is_dir: bool | None = None) -> Engine:
        return self.for_config(self.resolver.for_path(path, is_dir=is_dir).config)

    def built(self) -> list[Engine]:
        """Every engine built so far, in the order they were first needed."""
        return [engine for _, engine in self._cache.values()]

    def clear(self) -> None:
        self._cache.clear()
        self.resolver.clear()


def group_by_config(
    engines: Engines, sources: Iterable[Source | SourceProblem], *, stdin_filename: str | None = None
) -> list[tuple[Engine, RunOptions, list[Source | SourceProblem]]]:
    """Split discovered sources by the config that applies to each, keeping their order.

    Returns one ``(engine, options, sources)`` per distinct config, in the order
    each config was first needed; ``options`` rebuild ``engine`` in a worker.
    """
    from newslint.run.sources import Source

    groups: dict[Path | None, list[Source | SourceProblem]] = {}
    for source in sources:
        if isinstance(source, Source) and source.file is None:
            config = engines.resolver.for_stdin(stdin_filename).config
        else:
            config = engines.resolver.for_path(source.path, is_dir=False).config
        groups.setdefault(config, []).append(source)
    return [(engines.for_config(config), engines.options_for(config), members) for config, members in groups.items()]


def merge_results(results: Sequence[RunResult]) -> RunResult:
    """One ``RunResult`` from the results of several configs' runs."""
    from newslint.run.runner import RunResult

    if len(results) == 1:
        return results[0]
    merged = RunResult()
    for result in results:
        merged.diagnostics.extend(result.diagnostics)
        merged.problems.extend(result.problems)
        merged.files += result.files
        merged.paths.extend(result.paths)
        merged.texts.update(result.texts)
        merged.cached += result.cached
        merged.fixed += result.fixed
        merged.files_fixed += result.files_fixed
        merged.diff += result.diff
        merged.output += result.output
    merged.diagnostics.sort()
    return merged
