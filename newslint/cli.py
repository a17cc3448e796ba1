"""The command line: arguments in, exit code out (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from newslint import __version__
from newslint.model.diagnostic import Diagnostic, Rule
from newslint.plugin.config import Config, ConfigError
from newslint.plugin.registry import PluginError
from newslint.run.engine import Engine, RunOptions
from newslint.run.execution import option_overrides

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

#: Severities from least to most severe, for ``--fail-level``.
SEVERITY_ORDER = ("info", "warning", "error")

#: ``newslint COMMAND``; anything else is ``newslint check`` (ruff's bare form).
COMMANDS = ("check", "rule", "config", "server", "lsp")

#: Set to any value to stop installed plugins from loading (as pytest's PYTEST_DISABLE_PLUGIN_AUTOLOAD).
DISABLE_AUTOLOAD_ENV = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _date(value: str) -> dt.date:
    from newslint.plugin.config import DATE_BOUNDS

    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None
    low, high = DATE_BOUNDS
    if not low <= date <= high:
        raise argparse.ArgumentTypeError(f"{value} is out of range; expected a date from {low} to {high}")
    return date


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint check",
        description="Lint news articles: typos, orphaned page text, wrong titles, name spellings, duplicates.",
        epilog=(
            "Other commands: newslint rule CODE | --all; newslint config [KEY]; newslint server (or lsp). "
            "'newslint PATHS' is 'newslint check PATHS'. "
            "Exit status: 0 clean, 1 findings (at or above --fail-level), 2 usage, config or I/O error."
        ),
    )
    parser.add_argument("paths", nargs="*", help="files or directories to lint ('-' reads stdin); default: .")
    sel = parser.add_argument_group("rule selection (ruff's precedence: command line over config)")
    sel.add_argument(
        "--select",
        type=_codes,
        action="append",
        metavar="CODES",
        help="codes or prefixes to enable, replacing the selection",
    )
    sel.add_argument(
        "--extend-select",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help="codes or prefixes to enable in addition",
    )
    sel.add_argument(
        "--ignore", type=_codes, action="append", default=[], metavar="CODES", help="codes or prefixes to disable"
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "--output-format",
        "--format",
        dest="format",
        default="text",
        metavar="FORMAT",
        help="text (default), json, jsonl, github, sarif, rdjson, gitlab, junit, html, or a plugin's format (--format is an alias)",
    )
    out.add_argument("--output-file", "-o", metavar="FILE", help="write the report here instead of stdout")
    out.add_argument(
        "--statistics",
        action="store_true",
        help="print counts per rule instead of each diagnostic (JSON with --output-format json)",
    )
    out.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour (auto: on a TTY unless NO_COLOR is set)",
    )
    out.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only: no summary, no notes")
    out.add_argument("--verbose", "-v", action="store_true", help="also print notes, such as skipped binary files")
    info = parser.add_argument_group("information")
    info.add_argument(
        "--list-rules",
        action="store_true",
        help="print every rule as a Markdown table (JSON with --output-format json) and exit",
    )
    info.add_argument(
        "--explain", metavar="CODE", help="print a rule's documentation and exit (as 'newslint rule CODE')"
    )
    info.add_argument(
        "--show-settings",
        metavar="PATH",
        help="print the config that applies to PATH, where it came from, and the rules it enables; then exit",
    )
    info.add_argument("--show-files", action="store_true", help="print the files that would be linted, and exit")
    info.add_argument("--version", action="version", version=f"newslint {__version__}")
    run = parser.add_argument_group("running")
    run.add_argument(
        "--config", metavar="FILE", help="use this config file for every file instead of each file's nearest one"
    )
    run.add_argument("--isolated", action="store_true", help="ignore every config file")
    run.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    run.add_argument(
        "--fail-level",
        choices=SEVERITY_ORDER,
        default="info",
        help="exit 1 only for findings of this severity or above (default: info, every finding)",
    )
    run.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="skip files that .gitignore, .ignore or .git/info/exclude ignore when walking directories (default: on)",
    )
    run.add_argument(
        "--corpus-only",
        action="store_true",
        help="report only the cross-document rules' findings (the pre-commit corpus hook)",
    )
    run.add_argument("--stdin-filename", metavar="PATH", help="the path to report for '-' (stdin)")
    run.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the article date for date-dependent rules")
    run.add_argument(
        "--corpus",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run cross-document rules (default: on for a directory or several files)",
    )
    run.add_argument(
        "--baseline", metavar="FILE", help="report only findings that FILE (from --write-baseline) does not record"
    )
    run.add_argument(
        "--write-baseline", metavar="FILE", help="record every finding in FILE as the accepted baseline and exit 0"
    )
    run.add_argument(
        "-p",
        dest="plugins",
        action="append",
        default=[],
        metavar="NAME",
        help="load plugin module NAME, or block a plugin with no:NAME",
    )
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what remains")
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: also apply unsafe fixes (typo suggestions)"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print a unified diff of what --fix would change; change nothing"
    )
    fixing.add_argument(
        "--add-noqa",
        action="store_true",
        help="add a <!-- newslint-disable-line CODES --> comment for every finding, then exit",
    )
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
    global _OWN_PROCESS
    _OWN_PROCESS = argv is None  # run as the program (console script, python -m), not called in-process
    try:
        code = _main(argv)
        if not sys.stdout.closed:  # the language server closes it when it exits
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at interpreter exit
        return code
    except OSError as exc:
        # The report could not be written: -o into a missing directory, a full
        # disk (/dev/full), a reader that went away. Say so and exit 2; what is
        # still buffered for stdout is discarded so that exit does not fail again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        what = f"{exc.filename}: " if exc.filename else "cannot write the report: "
        try:
            print(f"newslint: error: {what}{exc.strerror or exc}", file=sys.stderr)
        except OSError:
            pass
        return EXIT_ERROR


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else "check"
    if argv[:1] == [command]:
        argv = argv[1:]
    if command in ("server", "lsp"):
        from newslint.lsp.server import main as lsp_main

        return lsp_main(argv)
    if command == "rule":
        return rule_command(argv)
    if command == "config":
        return config_command(argv)
    return check_command(argv)


def _run_options(args: argparse.Namespace, paths: Sequence[str]) -> RunOptions:
    plugins = [p for p in args.plugins if not p.startswith("no:")]
    blocked = [p[3:] for p in args.plugins if p.startswith("no:")]
    overrides = option_overrides(args)
    if args.respect_gitignore is not None:
        overrides["respect-gitignore"] = args.respect_gitignore
    return RunOptions(
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
        overrides=overrides,
        document_rules=not args.corpus_only,
    )


#: Whether ``main`` runs as the program, so process-wide settings are its own to change.
_OWN_PROCESS = False


def _tune_collector() -> None:
    """Settings of the cyclic garbage collector for a lint run, once its engines are built.

    The run keeps its start-up state (engines, packs, dictionary) to the end
    and allocates many short-lived objects that rarely form cycles. Frozen,
    the start-up state is never walked again; the youngest generation is
    collected every 50,000 net allocations instead of 700. This saves CPU
    (about 5% on the development set's articles) and changes no result.
    """
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def _unconfigured_engine(options: RunOptions) -> Engine:
    return Engine.create(options, configure=False)


def check_command(argv: Sequence[str]) -> int:
    """``newslint check PATHS`` (and the bare ``newslint PATHS``)."""
    from newslint.plugin.resolve import Engines, Resolver, group_by_config, merge_results

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.unsafe_fixes and not (args.fix or args.diff):
        parser.error("--unsafe-fixes needs --fix or --diff")
    if args.corpus_only and args.corpus is False:
        parser.error("--corpus-only needs the corpus rules; drop --no-corpus")
    paths = args.paths or ["."]
    options = _run_options(args, paths)
    resolver = Resolver(args.config, args.isolated)
    # Packs and dictionary load when an engine first checks a document: not for
    # --list-rules, --explain or --show-settings, nor for a run served by the result cache.
    engines = Engines(options, resolver, create=_unconfigured_engine)
    files = [p for p in paths if p != "-"]
    try:
        # The first path's engine answers --list-rules and --explain and supplies the reporters.
        engine = (
            engines.for_path(files[0]) if files else engines.for_config(resolver.for_stdin(args.stdin_filename).config)
        )
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    as_json = args.format == "json"
    if args.list_rules:
        sys.stdout.write(rule_json(engine) if as_json else rule_table(engine))
        return EXIT_CLEAN
    if args.explain:
        return explain(engine, args.explain)
    if args.show_settings:
        return show_settings(engines, args.show_settings, as_json)
    reporter = engine.registry.reporters.get(args.format)
    if reporter is None:
        known = ", ".join(sorted(engine.registry.reporters))
        print(f"newslint: error: --output-format {args.format!r} is unknown; choose one of {known}", file=sys.stderr)
        return EXIT_ERROR
    from newslint.output.baseline import Baseline, BaselineError
    from newslint.output.reporter import ReportContext, display_path, needs_texts
    from newslint.run.execution import execute
    from newslint.run.sources import discover

    fixing = None
    try:
        baseline = Baseline.load(args.baseline) if args.baseline else None

        def config_for(directory: Path) -> Config:
            return engines.for_path(directory, is_dir=True).ctx.config

        sources = list(discover(paths, engine.ctx.config, stdin_filename=args.stdin_filename, config_for=config_for))
        if args.show_files:
            return show_files(sources, as_json)
        groups = group_by_config(engines, sources, stdin_filename=args.stdin_filename)
        if _OWN_PROCESS:
            _tune_collector()
        if args.add_noqa:
            return add_noqa([(group_engine, members) for group_engine, _opts, members in groups], quiet=args.quiet)
        plan = None
        if args.fix or args.diff:
            from newslint.fix.fixes import FixPlan

            plan = FixPlan(unsafe=args.unsafe_fixes, write=not args.diff, diff=args.diff)
        results = [
            execute(group_engine, group_options, args, members, keep_texts=needs_texts(reporter), fix=plan)
            for group_engine, group_options, members in groups
        ]
        result = merge_results(results) if results else _empty_result()
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
            print(f"newslint: error: {display_path(f'{problem.path}: {problem.message}')}", file=sys.stderr)
        elif args.verbose:
            print(f"newslint: note: {display_path(f'{problem.path}: {problem.message}')}", file=sys.stderr)
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
            print(
                f"newslint: note: {stale} baselined findings are gone; refresh with --write-baseline {args.baseline}",
                file=sys.stderr,
            )
    rules = dict(engine.registry.rules)
    for built in engines.built():
        for code, rule in built.registry.rules.items():
            rules.setdefault(code, rule)
    # A fixed standard input went to stdout; the report then goes to stderr.
    default_out = sys.stderr if fixing is not None and "-" in paths else sys.stdout
    try:
        out: TextIO = open(args.output_file, "w", encoding="utf-8") if args.output_file else default_out  # noqa: SIM115
    except OSError as exc:
        print(f"newslint: error: {args.output_file}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        ctx = ReportContext(
            rules=rules,
            color=_use_color(args.color, out),
            files_checked=result.files,
            errors=[display_path(f"{p.path}: {p.message}") for p in result.problems if p.error],
            texts=result.texts,
            paths=result.paths,
        )
        if args.statistics:
            write_statistics(diagnostics, rules, out, as_json=as_json)
        elif args.quiet and args.format == "text":
            from newslint.output.reporters.text import format_line

            out.writelines(format_line(diag, ctx.color) + "\n" for diag in diagnostics)
        else:
            reporter(diagnostics, ctx, out)
    finally:
        if out not in (sys.stdout, sys.stderr):
            out.close()
    if result.has_errors:
        return EXIT_ERROR
    if not args.exit_zero and any(_at_or_above(d.severity.value, args.fail_level) for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def add_noqa(groups: Sequence[tuple[Engine, Sequence[object]]], *, quiet: bool) -> int:
    """``--add-noqa``: suppress every current finding in place, as ruff's ``--add-noqa``.

    ``groups`` pairs each config's engine with the sources it governs.
    """
    from newslint.fix.fixes import add_noqa_run

    added = files_changed = 0
    errors = False
    for engine, members in groups:
        result, adder = add_noqa_run(engine, members)  # type: ignore[arg-type]
        added += adder.added
        files_changed += adder.files_changed
        errors = errors or result.has_errors
        for problem in result.problems:
            if problem.error:
                print(f"newslint: error: {problem.path}: {problem.message}", file=sys.stderr)
    if not quiet:
        noun = "suppression" if added == 1 else "suppressions"
        files = "file" if files_changed == 1 else "files"
        print(f"Added {added} {noun} to {files_changed} {files}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _dumps(value: object, indent: int | None = None) -> str:
    """``json.dumps``, imported only when JSON is asked for (the CLI starts without json)."""
    import json

    return json.dumps(value, indent=indent)


def _at_or_above(severity: str, level: str) -> bool:
    return SEVERITY_ORDER.index(severity) >= SEVERITY_ORDER.index(level)


def _empty_result():  # type: ignore[no-untyped-def]
    from newslint.run.runner import RunResult

    return RunResult()


def show_files(sources: Sequence[object], as_json: bool) -> int:
    """``--show-files``: the files a run would lint, one a line (or a JSON list)."""
    from newslint.run.sources import Source, SourceProblem

    listed = [s.path for s in sources if isinstance(s, Source)]
    failed = False
    for s in sources:
        if isinstance(s, SourceProblem) and s.error:
            print(f"newslint: error: {s.path}: {s.message}", file=sys.stderr)
            failed = True
    if as_json:
        sys.stdout.write(_dumps(listed, indent=2) + "\n")
    else:
        for path in listed:
            sys.stdout.write(path + "\n")
    return EXIT_ERROR if failed else EXIT_CLEAN


def _jsonable(value: object) -> object:
    if isinstance(value, (dt.date, Path)):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def show_settings(engines, path: str, as_json: bool) -> int:  # type: ignore[no-untyped-def]
    """``--show-settings PATH``: the config applied to PATH, where it came from, what it enables."""
    resolution = engines.resolver.for_path(path)
    try:
        engine = engines.for_config(resolution.config)
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    enabled = [code for code in engine.registry.rules if code in engine.ctx.enabled]
    settings: dict[str, object] = {
        "path": path,
        "config": str(resolution.config) if resolution.config else None,
        "source": resolution.reason,
        "root": str(engine.ctx.config.root),
        "options": _jsonable(engine.ctx.options),
        "enabled": enabled,
        "corpus": engine.ctx.corpus,
    }
    if as_json:
        sys.stdout.write(_dumps(settings, indent=2) + "\n")
        return EXIT_CLEAN
    lines = [f"Settings for {path}", f"Config: {resolution.describe()}", f"Root: {settings['root']}", "Options:"]
    options = _jsonable(engine.ctx.options)
    assert isinstance(options, dict)
    for key, value in sorted(options.items()):
        lines.append(f"  {key} = {_dumps(value)}")
    lines.append(f"Enabled rules ({len(enabled)}): " + ", ".join(enabled))
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def _info_parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json",
    )
    parser.add_argument("--config", metavar="FILE", help="read plugin settings (disable-plugins) from this config file")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument(
        "-p",
        dest="plugins",
        action="append",
        default=[],
        metavar="NAME",
        help="load plugin module NAME, or block a plugin with no:NAME",
    )
    return parser


def _info_engine(args: argparse.Namespace) -> Engine:
    from newslint.plugin.resolve import Engines, Resolver

    resolver = Resolver(args.config, args.isolated)
    options = RunOptions(
        paths=(".",),
        plugins=tuple(p for p in args.plugins if not p.startswith("no:")),
        blocked=tuple(p[3:] for p in args.plugins if p.startswith("no:")),
        entry_points=not os.environ.get(DISABLE_AUTOLOAD_ENV),
    )
    return Engines(options, resolver, create=_unconfigured_engine).for_path(".", is_dir=True)


def rule_command(argv: Sequence[str]) -> int:
    """``newslint rule CODE`` (a rule's documentation) or ``newslint rule --all``."""
    parser = _info_parser("newslint rule", "Print a rule's documentation, or every rule with --all.")
    parser.add_argument("code", nargs="?", help="a rule code (NL101) or name (possible-typo)")
    parser.add_argument("--all", action="store_true", help="every rule")
    args = parser.parse_args(argv)
    if not args.all and not args.code:
        parser.error("name a rule, or give --all")
    try:
        engine = _info_engine(args)
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.all:
        sys.stdout.write(rule_json(engine, explanation=True) if args.format == "json" else rule_table(engine))
        return EXIT_CLEAN
    if args.format == "json":
        rule = _find_rule(engine, args.code)
        if rule is None:
            print(f"newslint: error: no rule {args.code!r}; see newslint rule --all", file=sys.stderr)
            return EXIT_ERROR
        sys.stdout.write(_dumps(_rule_record(engine, rule, explanation=True), indent=2) + "\n")
        return EXIT_CLEAN
    return explain(engine, args.code)


def config_command(argv: Sequence[str]) -> int:
    """``newslint config``: every configuration key; ``newslint config KEY``: one of them."""
    parser = _info_parser("newslint config", "List the configuration keys (core and plugins'), or describe one.")
    parser.add_argument("key", nargs="?", help="one key, e.g. per-file-ignores")
    args = parser.parse_args(argv)
    try:
        engine = _info_engine(args)
    except (ConfigError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    from newslint.plugin.config import CORE_OPTIONS

    declared = {o.name: o for o in (*CORE_OPTIONS, *engine.registry.options)}
    if args.key is not None and args.key not in declared:
        print(f"newslint: error: no configuration key {args.key!r}; see newslint config", file=sys.stderr)
        return EXIT_ERROR
    chosen = [declared[args.key]] if args.key else list(declared.values())
    records = [
        {
            "name": o.name,
            "type": o.type,
            "default": _jsonable(o.default),
            "help": o.help,
            **({"choices": list(o.choices)} if o.choices else {}),
        }
        for o in chosen
    ]
    if args.format == "json":
        sys.stdout.write(_dumps(records[0] if args.key else records, indent=2) + "\n")
    elif args.key:
        opt = chosen[0]
        sys.stdout.write(f"{opt.name} ({opt.type}, default {_dumps(_jsonable(opt.default))})\n\n{opt.help}\n")
        if opt.choices:
            sys.stdout.write("Choices: " + ", ".join(opt.choices) + "\n")
    else:
        width = max(len(o.name) for o in chosen)
        for opt in chosen:
            sys.stdout.write(f"{opt.name:<{width}}  {opt.help}\n")
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


def fix_availability(rule: Rule) -> str:
    """The Fix column: ``yes`` (``--fix`` applies it), ``unsafe`` (needs ``--unsafe-fixes``), both, or blank."""
    kinds = (["yes"] if rule.fixable else []) + (["unsafe"] if rule.unsafe_fixable else [])
    return ", ".join(kinds)


def rule_table(engine: Engine) -> str:
    """Every registered rule as a Markdown table (the README's rule table)."""
    rows = ["| Code | Name | Category | Severity | Fix | Summary |", "| --- | --- | --- | --- | --- | --- |"]
    for code, rule in engine.registry.rules.items():
        off = "" if rule.default_enabled else " (opt-in)"
        rows.append(
            f"| {code} | {rule.name} | {rule.category.value} | {rule.severity.value} | {fix_availability(rule)} | {rule.summary}{off} |"
        )
    return "\n".join(rows) + "\n"


def _rule_record(engine: Engine, rule: Rule, *, explanation: bool = False) -> dict[str, object]:
    record: dict[str, object] = {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "fix": {"safe": rule.fixable, "unsafe": rule.unsafe_fixable},
        "summary": rule.summary,
        "default_enabled": rule.default_enabled,
        "plugin": engine.registry.owners[rule.code],
    }
    if explanation:
        record["explanation"] = rule.explanation
    return record


def rule_json(engine: Engine, *, explanation: bool = False) -> str:
    """``--list-rules --output-format json``: every rule as a JSON list."""
    records = [_rule_record(engine, rule, explanation=explanation) for rule in engine.registry.rules.values()]
    return _dumps(records, indent=2) + "\n"


def _find_rule(engine: Engine, code: str) -> Rule | None:
    rules = engine.registry.rules
    return rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)


def explain(engine: Engine, code: str) -> int:
    """Print a rule's documentation, found by code or by name."""
    rule = _find_rule(engine, code)
    if rule is None:
        print(f"newslint: error: no rule {code!r}; see --list-rules", file=sys.stderr)
        return EXIT_ERROR
    state = "" if rule.default_enabled else ", opt-in"
    print(f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value}{state})\n")
    print(rule.summary + "\n")
    print(rule.explanation.rstrip())
    fix = {
        "yes": "safe (--fix)",
        "unsafe": "unsafe (--fix --unsafe-fixes)",
        "yes, unsafe": "safe (--fix) and unsafe (--unsafe-fixes)",
    }
    print(f"\nFix: {fix.get(fix_availability(rule), 'none')}")
    print(f"Provided by: {engine.registry.owners[rule.code]}")
    return EXIT_CLEAN


def write_statistics(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, Rule], out: TextIO, *, as_json: bool = False
) -> None:
    """Counts per rule, most frequent first, as ``ruff --statistics`` prints them (or as JSON)."""
    counts = Counter(d.code for d in diagnostics)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        records = [
            {
                "code": code,
                "name": rules[code].name,
                "count": count,
                "summary": rules[code].summary,
                "fix": {"safe": rules[code].fixable, "unsafe": rules[code].unsafe_fixable},
            }
            for code, count in ordered
        ]
        out.write(_dumps(records, indent=2) + "\n")
        return
    for code, count in ordered:
        rule = rules[code]
        out.write(f"{count:5d}\t{code}\t{rule.name}\t{rule.summary}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
