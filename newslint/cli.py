"""The command line: arguments in, exit code out (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from newslint import __version__
from newslint.model.diagnostic import Diagnostic
from newslint.plugin.config import ConfigError
from newslint.plugin.registry import PluginError
from newslint.run.engine import Engine, RunOptions
from newslint.run.execution import option_overrides

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # killed by SIGPIPE, as the shell reports it

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
    out.add_argument("--format", default="text", metavar="FORMAT", help="text (default), json, jsonl, github, sarif, rdjson, gitlab, junit, html, or a plugin's format")
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
    run.add_argument("--baseline", metavar="FILE", help="report only findings that FILE (from --write-baseline) does not record")
    run.add_argument("--write-baseline", metavar="FILE", help="record every finding in FILE as the accepted baseline and exit 0")
    run.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME", help="load plugin module NAME, or block a plugin with no:NAME")
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: also apply unsafe fixes (typo suggestions)")
    fixing.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; change nothing")
    from newslint.run.execution import add_arguments

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
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``newslint ... | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["lsp"]:
        from newslint.lsp.server import main as lsp_main

        return lsp_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.unsafe_fixes and not (args.fix or args.diff):
        parser.error("--unsafe-fixes needs --fix or --diff")
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
    from newslint.output.baseline import Baseline, BaselineError
    from newslint.output.reporter import ReportContext, needs_texts
    from newslint.run.execution import execute
    from newslint.run.sources import discover

    fixing = None
    try:
        baseline = Baseline.load(args.baseline) if args.baseline else None
        sources = discover(paths, engine.ctx.config, stdin_filename=args.stdin_filename)
        plan = None
        if args.fix or args.diff:
            from newslint.fix.fixes import FixPlan

            plan = FixPlan(unsafe=args.unsafe_fixes, write=not args.diff, diff=args.diff)
        result = execute(engine, options, args, sources, keep_texts=needs_texts(reporter), fix=plan)
        if plan is not None:
            from newslint.fix.fixes import FixRun

            fixing = FixRun(result)
            sys.stdout.write(result.diff if args.diff else result.output)  # a fixed stdin goes to stdout, as ruff does
            sys.stdout.flush()
    except (ConfigError, PluginError, BaselineError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for problem in result.problems:
        if problem.error:
            print(f"newslint: error: {problem.path}: {problem.message}", file=sys.stderr)
        elif args.verbose:
            print(f"newslint: note: {problem.path}: {problem.message}", file=sys.stderr)
    if fixing is not None:
        from newslint.fix.fixes import fix_summary

        if not args.quiet:
            print(fix_summary(fixing, diff=args.diff), file=sys.stderr)
        if args.diff:
            return EXIT_ERROR if result.has_errors else EXIT_FINDINGS if fixing.fixed else EXIT_CLEAN
    diagnostics = result.diagnostics
    if args.write_baseline:
        return write_baseline(diagnostics, args.write_baseline, result.has_errors)
    if baseline is not None:
        diagnostics, stale = baseline.new_findings(diagnostics)
        if stale and args.verbose:
            print(f"newslint: note: {stale} baselined findings are gone; refresh with --write-baseline {args.baseline}", file=sys.stderr)
    # A fixed standard input went to stdout; the report then goes to stderr.
    default_out = sys.stderr if fixing is not None and "-" in paths else sys.stdout
    out: TextIO = open(args.output_file, "w", encoding="utf-8") if args.output_file else default_out  # noqa: SIM115
    try:
        ctx = ReportContext(
            rules=engine.registry.rules,
            color=_use_color(args.color, out),
            files_checked=result.files,
            errors=[f"{p.path}: {p.message}" for p in result.problems if p.error],
            texts=result.texts,
            paths=result.paths,
        )
        if args.statistics:
            write_statistics(diagnostics, engine, out)
        elif args.quiet and args.format == "text":
            from newslint.output.reporters.text import format_line

            for diag in diagnostics:
                out.write(format_line(diag, ctx.color) + "\n")
        else:
            reporter(diagnostics, ctx, out)
    finally:
        if out not in (sys.stdout, sys.stderr):
            out.close()
    if result.has_errors:
        return EXIT_ERROR
    if diagnostics and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def write_baseline(diagnostics: Sequence[Diagnostic], file: str, had_errors: bool) -> int:
    """``--write-baseline FILE``: record the findings (paths relative to FILE's directory)."""
    from newslint.output.baseline import Baseline

    try:
        Baseline.from_diagnostics(diagnostics, Path(file).resolve().parent).write(file)
    except OSError as exc:
        print(f"newslint: error: {file}: cannot write the baseline: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"newslint: recorded {len(diagnostics)} findings in {file}", file=sys.stderr)
    return EXIT_ERROR if had_errors else EXIT_CLEAN


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
