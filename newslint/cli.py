"""The command line: arguments in, exit code out (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from newslint import __version__
from newslint.config import ConfigError
from newslint.engine import Engine, RunOptions
from newslint.execution import option_overrides
from newslint.plugins import PluginError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

#: Set to any value to stop installed plugins from loading (as pytest's PYTEST_DISABLE_PLUGIN_AUTOLOAD).
DISABLE_AUTOLOAD_ENV = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news articles: typos, orphaned page text, wrong titles, name spellings, duplicates.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage, config or I/O error.",
    )
    parser.add_argument("paths", nargs="*", help="files or directories to lint ('-' reads stdin); default: .")
    sel = parser.add_argument_group("rule selection (ruff's precedence: command line over config)")
    sel.add_argument("--select", type=_codes, action="append", metavar="CODES", help="codes or prefixes to enable, replacing the selection")
    sel.add_argument("--extend-select", type=_codes, action="append", default=[], metavar="CODES", help="codes or prefixes to enable in addition")
    sel.add_argument("--ignore", type=_codes, action="append", default=[], metavar="CODES", help="codes or prefixes to disable")
    out = parser.add_argument_group("output")
    out.add_argument("--format", default="text", metavar="FORMAT", help="text (default), json, jsonl, github, or a plugin's format")
    out.add_argument("--output-file", "-o", metavar="FILE", help="write the report here instead of stdout")
    out.add_argument("--statistics", action="store_true", help="print counts per rule instead of each diagnostic")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour (auto: on a TTY unless NO_COLOR is set)")
    out.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only: no summary, no notes")
    out.add_argument("--verbose", "-v", action="store_true", help="also print notes, such as skipped binary files")
    info = parser.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="print every rule as a Markdown table and exit")
    info.add_argument("--explain", metavar="CODE", help="print a rule's documentation and exit")
    info.add_argument("--version", action="version", version=f"newslint {__version__}")
    run = parser.add_argument_group("running")
    run.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    run.add_argument("--isolated", action="store_true", help="ignore every config file")
    run.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    run.add_argument("--stdin-filename", metavar="PATH", help="the path to report for '-' (stdin)")
    run.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the article date for date-dependent rules")
    run.add_argument("--corpus", action=argparse.BooleanOptionalAction, default=None, help="run cross-document rules (default: on for a directory or several files)")
    run.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME", help="load plugin module NAME, or block a plugin with no:NAME")
    from newslint.execution import add_arguments

    add_arguments(parser)
    return parser


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _flatten(groups: Sequence[Sequence[str]] | None) -> list[str] | None:
    if groups is None:
        return None
    return [code for group in groups for code in group]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = args.paths or ["."]
    plugins = [p for p in args.plugins if not p.startswith("no:")]
    blocked = [p[3:] for p in args.plugins if p.startswith("no:")]
    options = RunOptions(
        paths=tuple(paths),
        config=args.config,
        isolated=args.isolated,
        select=_flatten(args.select),
        extend_select=_flatten(args.extend_select) or (),
        ignore=_flatten(args.ignore) or (),
        plugins=tuple(plugins),
        blocked=tuple(blocked),
        entry_points=not os.environ.get(DISABLE_AUTOLOAD_ENV),
        date=args.date,
        corpus=args.corpus,
        overrides=option_overrides(args),
    )
    try:
        engine = Engine.create(options)
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.list_rules:
        sys.stdout.write(rule_table(engine))
        return EXIT_CLEAN
    if args.explain:
        return explain(engine, args.explain)
    reporter = engine.registry.reporters.get(args.format)
    if reporter is None:
        known = ", ".join(sorted(engine.registry.reporters))
        print(f"newslint: error: --format {args.format!r} is unknown; choose one of {known}", file=sys.stderr)
        return EXIT_ERROR
    from newslint.execution import execute
    from newslint.reporting import ReportContext
    from newslint.sources import discover

    try:
        result = execute(engine, options, args, discover(paths, engine.ctx.config, stdin_filename=args.stdin_filename))
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for problem in result.problems:
        if problem.error:
            print(f"newslint: error: {problem.path}: {problem.message}", file=sys.stderr)
        elif args.verbose:
            print(f"newslint: note: {problem.path}: {problem.message}", file=sys.stderr)
    out: TextIO = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout  # noqa: SIM115
    try:
        ctx = ReportContext(
            rules=engine.registry.rules,
            color=_use_color(args.color, out),
            files_checked=result.files,
            errors=[f"{p.path}: {p.message}" for p in result.problems if p.error],
        )
        diagnostics = result.diagnostics
        if args.statistics:
            write_statistics(diagnostics, engine, out)
        elif args.quiet and args.format == "text":
            from newslint.reporters.text import format_line

            for diag in diagnostics:
                out.write(format_line(diag, ctx.color) + "\n")
        else:
            reporter(diagnostics, ctx, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if result.has_errors:
        return EXIT_ERROR
    if result.diagnostics and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def rule_table(engine: Engine) -> str:
    """Every registered rule as a Markdown table (the README's rule table)."""
    rows = ["| Code | Name | Category | Severity | Fix | Summary |", "| --- | --- | --- | --- | --- | --- |"]
    for code, rule in engine.registry.rules.items():
        fix = "yes" if rule.fixable else ""
        off = "" if rule.default_enabled else " (opt-in)"
        rows.append(
            f"| {code} | {rule.name} | {rule.category.value} | {rule.severity.value} | {fix} | {rule.summary}{off} |"
        )
    return "\n".join(rows) + "\n"


def explain(engine: Engine, code: str) -> int:
    """Print a rule's documentation, found by code or by name."""
    rules = engine.registry.rules
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        print(f"newslint: error: no rule {code!r}; see --list-rules", file=sys.stderr)
        return EXIT_ERROR
    state = "" if rule.default_enabled else ", opt-in"
    print(f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value}{state})\n")
    print(rule.summary + "\n")
    print(rule.explanation.rstrip())
    print(f"\nProvided by: {engine.registry.owners[rule.code]}")
    return EXIT_CLEAN


def write_statistics(diagnostics: Sequence[object], engine: Engine, out: TextIO) -> None:
    """Counts per rule, most frequent first, as ``ruff --statistics`` prints them."""
    counts = Counter(d.code for d in diagnostics)  # type: ignore[attr-defined]
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = engine.registry.rules[code]
        out.write(f"{count:5d}\t{code}\t{rule.name}\t{rule.summary}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
