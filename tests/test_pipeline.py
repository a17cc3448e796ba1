"""The pipeline and the engine's own logic: one function per unit, fixing as a step, gating, one report per region.

End-to-end tests run the real CLI on real files (articles built from the seed
paragraphs, ``benchmarks.corpus``; ``tests/plugins/pid_probe.py`` counts the
processes that linted them). The engine tests use in-process plugins written
as a third party writes them.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_main

from newslint import Category, Context, Diagnostic, Document, PackSource, PackUse, Rule, Severity, hookimpl, lint_text
from newslint.plugin.config import ConfigError
from newslint.run.engine import Engine, RunOptions, one_report_per_region
from newslint.run.runner import DocumentsUnit, FileUnit, Plan, RecordsUnit, lint_unit
from newslint.run.sources import Source

sys.path.insert(0, str(ROOT))  # benchmarks.corpus: the shared, reproducible article generator
from benchmarks.corpus import seed_articles, write_tree

PROBE_ENV = {"PYTHONPATH": str(ROOT / "tests" / "plugins")}

# -- one report per region -------------------------------------------------------------

#: A local news story as a naive scraper leaves it: a "Related stories" block
#: (lines 11-19) holds a typo ("stike", "evry"), a repeated teaser and curly
#: quotes in an article that writes straight ones; the body has a typo of its own.
HARBOUR = """Harbour ferry fares to rise in March as council closes budget gap

The city council voted on Tuesday to raise harbour ferry fares by 12 percent from March 3, the first increase since 2019, after officials warned that fuel and maintenance costs had left a gap of 4.1 million in the transport budget.

Councillor Martin Okafor, who chairs the transport committee, said the rise was "painful but unavoidable" and that concession fares for pensioners and students would stay "frozen" until at least next year.

Commuters on the Northbank route, the busiest of the four lines, will pay 3.40 for a single journey, up from 3.05, a change the operator called "modest" and campaigners called "a tax on the tide".

"Nobody wants to pay more to get to work," Okafor told the meeting. "But the boats have to run."

Related stories

Ferry operator warns of timetable cuts as engineers stike

Ferry operator warns of timetable cuts as engineers stike

Northbank pier reopens after troubled refit

Sign up for \u201cThe Harbour Brief\u201d, our free newsletter, and get the week\u2019s ferry news evry Friday.

Opposition members said the council had ignored cheaper options, including a shared maintenance contract with the neighbouring borugh, and would table a motion to delay the rise.

"We put forward a costed plan in October and it was never discussed," said Dana Whitlock, who leads the opposition group on the council.

The committee will review the fares again in September, when the new fuel contract is signed and the operator publishes its accounts for the year.
"""


def _found(text: str, **options) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_text(text, "harbour.txt", isolated=True, entry_points=False, **options)]


def test_a_chrome_block_is_reported_once():
    found = _found(HARBOUR)
    assert (11, "NL203") in found
    assert [f for f in found if 11 <= f[0] <= 19] == [(11, "NL203")]  # no typo, duplicate or quote finding inside
    assert (21, "NL101") in found  # the body's own typo is still reported


def test_the_findings_come_back_when_the_block_is_not_reported():
    found = _found(HARBOUR, ignore=["NL203"])
    # Without the block, lines 13-15 are nobody's region: their typo and duplicate are reported.
    assert {(13, "NL101"), (15, "NL501")} <= set(found)
    # Line 19 is still a chrome line (NL201): its typo and curly quotes are not reported again.
    assert (19, "NL201") in found
    assert [code for line, code in found if line == 19] == ["NL201"]
    # ...and with no chrome rule at all, everything inside is reported.
    bare = _found(HARBOUR, ignore=["NL2"])
    assert {(13, "NL101"), (15, "NL501"), (19, "NL101"), (19, "NL610")} <= set(bare)


def _diag(code: str, line: int, end_line: int | None = None, end_column: int = 9, path: str = "a.txt") -> Diagnostic:
    return Diagnostic(path, line, 1, end_line or line, end_column, code, "m", Severity.WARNING, Category.USAGE)


def test_region_bounds_families_and_corpus_findings():
    owners = frozenset({"NL203", "NL202"})
    block = _diag("NL203", 10, 20, end_column=1)  # ends at column 1 of line 20: covers lines 10-19
    inside = _diag("NL101", 19)
    mojibake = Diagnostic("a.txt", 12, 3, 12, 5, "NL520", "m", Severity.WARNING, Category.ENCODING)
    straddling = _diag("NL501", 18, 21)
    after = _diag("NL610", 20)
    same_family = _diag("NL204", 12)
    other_file = _diag("NL101", 12, path="b.txt")
    kept = one_report_per_region([block, inside, straddling, after, same_family, other_file, mojibake], owners)
    assert kept == [block, straddling, after, same_family, other_file, mojibake]  # characters are facts: kept
    # Corpus findings are judged against the regions the documents reported.
    corpus = [_diag("NL402", 15), _diag("NL402", 15, path="b.txt")]
    assert one_report_per_region(corpus, owners, reported=[block]) == [corpus[1]]
    assert one_report_per_region([inside], frozenset()) == [inside]  # no owners declared: nothing dropped


# -- the engine gates plugins ------------------------------------------------------------

ROUNDUP = Rule(
    code="XG101",
    name="roundup-word",
    category=Category.USAGE,
    severity=Severity.INFO,
    summary="A word the desk's style pack bans",
    explanation="## What it does\nTest plugin.\n## Why is this bad?\nHouse style.\n## Example\n    A\nUse instead:\n    B\n",
)


def _parse_banned(sources: list[PackSource]) -> frozenset[str]:
    words: set[str] = set()
    for source in sources:
        words.update(source.data.get("banned", []))
    return frozenset(words)


class StyleDesk:
    """A third-party plugin: one rule, one pack kind it declares, no preamble in its hooks."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    @hookimpl
    def newslint_rules(self) -> list[Rule]:
        return [ROUNDUP]

    @hookimpl
    def newslint_packs(self) -> list[PackUse]:
        return [PackUse("desk-style", _parse_banned)]

    @hookimpl
    def newslint_configure(self, ctx: Context) -> None:
        self.calls.append("configure")

    @hookimpl
    def newslint_check(self, doc: Document, ctx: Context) -> list[Diagnostic]:
        self.calls.append("check")
        banned = ctx.packs["desk-style"]
        out = []
        for token in doc.tokens:
            if token.text.lower() in banned:
                out.append(doc.diagnostic(ROUNDUP, token.start, token.end, f'"{token.text}" is banned'))
        return out


class Watcher:
    """A plugin that declares no rule (as an older third-party plugin may): it always takes part."""

    def __init__(self) -> None:
        self.checked: list[str] = []

    @hookimpl
    def newslint_check(self, doc: Document, ctx: Context) -> list[Diagnostic]:
        self.checked.append(doc.path)
        return []


@pytest.fixture
def desk_config(tmp_path: Path) -> Path:
    pack = tmp_path / "desk.toml"
    pack.write_text('banned = ["slammed"]\n\n[pack]\nkind = "desk-style"\nschema = 1\n', encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text('packs = ["desk.toml"]\n', encoding="utf-8")
    return config


def test_a_plugin_takes_part_only_when_one_of_its_codes_is_enabled(desk_config):
    text = "Critics slammed the plan on Monday.\n"
    desk, watcher = StyleDesk(), Watcher()
    on = Engine.create(RunOptions(config=str(desk_config), plugins=(desk, watcher), entry_points=False))
    found, _ = on.check(Document(text, "a.txt"))
    assert [(d.code, d.column) for d in found] == [("XG101", 9)]
    assert desk.calls == ["configure", "check"]
    assert on.ctx.packs["desk-style"] == frozenset({"slammed"})

    desk, watcher = StyleDesk(), Watcher()
    off = Engine.create(
        RunOptions(config=str(desk_config), plugins=(desk, watcher), entry_points=False, ignore=("XG101",))
    )
    found, _ = off.check(Document(text, "a.txt"))
    assert found == [] and desk.calls == []  # neither configured nor called
    with pytest.raises(KeyError):
        off.ctx.packs["desk-style"]  # its pack was not even read
    assert watcher.checked == ["a.txt"]  # a plugin without rules is never gated


def test_a_declared_pack_is_validated_before_any_document_only_when_needed(tmp_path):
    def broken(sources: list[PackSource]) -> frozenset[str]:
        from newslint import PackError

        raise PackError(sources[-1].path, "banned", "expected a list")

    class Strict(StyleDesk):
        @hookimpl
        def newslint_packs(self) -> list[PackUse]:
            return [PackUse("desk-style", broken, rules=[ROUNDUP])]

    (tmp_path / "desk.toml").write_text('banned = 3\n\n[pack]\nkind = "desk-style"\nschema = 1\n', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["desk.toml"]\n', encoding="utf-8")
    config = str(tmp_path / "newslint.toml")
    with pytest.raises(ConfigError, match="desk.toml: banned: expected a list"):
        Engine.create(RunOptions(config=config, plugins=(Strict(),), entry_points=False))
    Engine.create(RunOptions(config=config, plugins=(Strict(),), entry_points=False, select=("NL1",)))


def test_built_in_packs_load_only_for_enabled_rules():
    engine = Engine.create(RunOptions(isolated=True, entry_points=False, select=("NL203",)))
    assert "boilerplate" in engine.ctx.packs._parsed
    assert not {"names", "offices", "confusables", "variants", "words"} & set(engine.ctx.packs._parsed)
    titles_only = Engine.create(RunOptions(isolated=True, entry_points=False, select=("NL310",)))
    assert "offices" not in titles_only.ctx.packs._parsed  # the headline rules need no office table


# -- one function per unit ----------------------------------------------------------------


def test_every_unit_kind_gives_the_same_findings(tmp_path):
    engine = Engine.create(RunOptions(isolated=True, entry_points=False))
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    plan = Plan()
    by_file = lint_unit(engine, FileUnit(0, Source(str(path), path)), plan)
    by_doc = lint_unit(engine, DocumentsUnit([((0, str(path)), Document(HARBOUR, str(path)))]), plan)
    record = json.dumps({"id": "h1", "text": HARBOUR}).encode("utf-8")
    by_record = lint_unit(engine, RecordsUnit(0, "set.jsonl", [(1, record), (2, b"not json")]), plan)

    def where(batch):
        return [(d.line, d.column, d.code) for _, o in batch.outcomes for d in o.diagnostics]

    assert where(by_file) == where(by_doc) == where(by_record) != []
    assert [o.path for _, o in by_record.outcomes] == ["set.jsonl#h1", "set.jsonl:2"]
    assert by_record.outcomes[1][1].problem is not None


# -- executors: --jobs, --fix, the cache -------------------------------------------------------


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """80 articles from the seed paragraphs: past MIN_POOL_FILES (64), so --jobs 2 uses the pool."""
    root = tmp_path_factory.mktemp("articles")
    write_tree(root, 80, seed=5, texts=list(seed_articles().values()), per_dir=40)
    (root / "harbour.txt").write_text(HARBOUR + "\u00a0\n\n\n", encoding="utf-8")  # fixable: whitespace
    return root


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.txt"))}


def lint(cwd: Path, *args: str, in_process: bool = False) -> tuple[int, bytes, bytes]:
    """The CLI on ``cwd``; ``in_process`` for ``--jobs 1`` reference runs, which never start a pool."""
    assert not in_process or "--jobs" in args
    proc = (run_main if in_process else run_cli)(".", "--isolated", *args, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.slow  # 14 s; tests/test_scale.py checks --jobs 1 and 2 agree in the default run
def test_jobs_1_and_2_agree_in_order_sensitive_formats(articles):
    for fmt in ("text", "json", "junit"):
        one = lint(articles, "--no-cache", "--jobs", "1", "--format", fmt)
        two = lint(articles, "--no-cache", "--jobs", "2", "--format", fmt)
        assert one == two, fmt
    assert b"NL203" in one[1] and b"harbour.txt" in one[1]


@pytest.mark.slow  # 9 s; the cache and --diff cases below run --fix through the pipeline by default
def test_fix_honours_jobs(articles, tmp_path):
    one, two = _copy(articles, tmp_path / "one"), _copy(articles, tmp_path / "two")
    before = _files(one)
    fixed_one = lint(one, "--fix", "--no-cache", "--jobs", "1")
    fixed_two = lint(two, "--fix", "--no-cache", "--jobs", "2")
    assert fixed_one == fixed_two  # exit status, remaining findings, summary
    assert _files(one) == _files(two) != before
    assert b"Fixed " in fixed_two[2] and b" 0 problems" not in fixed_two[2]
    assert _files(two)["harbour.txt"].endswith(b"for the year.\n")  # the trailing whitespace went
    # The fixing really ran in two processes (pid_probe records who linted what).
    three = _copy(articles, tmp_path / "three")
    probe = run_cli(
        ".",
        "--isolated",
        "-p",
        "pid_probe",
        "--extend-select",
        "XP900",
        "--fix",
        "--no-cache",
        "--jobs",
        "2",
        cwd=three,
        env=PROBE_ENV,
    )
    assert b"linted by 2 processes" in probe.stdout
    assert _files(three) == _files(two)


def test_diff_honours_jobs_and_keeps_discovery_order(articles):
    one = lint(articles, "--diff", "--no-cache", "--jobs", "1", in_process=True)
    two = lint(articles, "--diff", "--no-cache", "--jobs", "2")
    assert one == two
    names = [line.split()[1] for line in one[1].decode().splitlines() if line.startswith("--- a/")]
    assert len(names) > 1 and len(set(names)) == len(names)  # one diff per file, in discovery order (as --jobs 1)


def test_fix_uses_the_cache_and_caches_fixed_files(articles, tmp_path):
    tree = _copy(articles, tmp_path / "tree")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    plain = lint(tree, *cache, "--jobs", "2")  # fills the cache with pre-fix results, fixable ones included
    first = lint(tree, *cache, "--fix", "-v", "--jobs", "2")
    fixed = _files(tree)
    # Files whose cached results hold a fix were linted (and fixed), not served from the cache.
    assert fixed != _files(articles)
    assert b"from the cache" in first[2]
    served = int(first[2].split(b" from the cache")[0].rsplit(b", ", 1)[1])
    assert 0 < served < 81
    # A second --fix finds nothing to fix and is served wholly from the cache.
    second = lint(tree, *cache, "--fix", "-v", "--jobs", "2")
    assert b"Fixed 0 problems in 0 files" in second[2]
    assert b"81 documents linted, 81 from the cache" in second[2]
    assert second[1] == first[1] and _files(tree) == fixed
    # The cached post-fix results are those of the new content.
    assert lint(tree, *cache)[1] == lint(tree, "--no-cache", "--jobs", "1", in_process=True)[1] != plain[1]


def test_fix_on_stdin_writes_the_text_to_stdout(articles):
    text = (articles / "harbour.txt").read_bytes()
    proc = run_main("-", "--isolated", "--fix", "--stdin-filename", "harbour.txt", input=text)
    assert proc.stdout.endswith(b"for the year.\n") and b"NL203" in proc.stderr


@pytest.mark.slow  # 22 s; tests/test_dask.py lints through Dask in the default run
def test_engine_dask_lints_and_fixes_like_jobs_1(articles, tmp_path):
    pytest.importorskip("distributed")
    for fmt in ("text", "junit"):
        assert (
            lint(articles, "--no-cache", "--engine", "dask", "--jobs", "2", "--format", fmt)[:2]
            == lint(articles, "--no-cache", "--jobs", "1", "--format", fmt)[:2]
        ), fmt
    one, dask = _copy(articles, tmp_path / "one"), _copy(articles, tmp_path / "dask")
    local = lint(one, "--fix", "--no-cache", "--jobs", "1")
    remote = lint(dask, "--fix", "--no-cache", "--engine", "dask", "--jobs", "2")
    assert remote[:2] == local[:2] and b"Fixed 0" not in remote[2]
    assert _files(dask) == _files(one) != _files(articles)


def test_fix_leaves_dataset_records_alone(tmp_path):
    record = {"id": "harbour", "text": HARBOUR + "\u00a0\n\n\n"}
    (tmp_path / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "harbour.txt").write_text(HARBOUR + "\u00a0\n\n\n", encoding="utf-8")
    dataset = (tmp_path / "wire.jsonl").read_bytes()
    diff = run_main("harbour.txt", "wire.jsonl", "--isolated", "--diff", "--no-cache", cwd=tmp_path)
    assert diff.stdout.count(b"--- a/") == 1 and b"--- a/harbour.txt" in diff.stdout
    fixed = run_main("harbour.txt", "wire.jsonl", "--isolated", "--fix", "--no-cache", cwd=tmp_path)
    assert b"in 1 file " in fixed.stderr
    assert (tmp_path / "wire.jsonl").read_bytes() == dataset  # a record has nowhere to be written back
    assert b"wire.jsonl#harbour" in fixed.stdout and b"NL511" in fixed.stdout  # so its findings remain
    assert b"harbour.txt:" in fixed.stdout and b"NL511" not in fixed.stdout.split(b"wire.jsonl#harbour")[0]
