"""Start-up: the on-disk cache of parsed packs (hit, miss, invalidation, corruption) and lazy imports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

from newslint.checks.boilerplate import phrases as _phrases
from newslint.plugin.packs import PackError, Packs, PackSource, bundled_rules_dir, field_of
from newslint.run.engine import Engine, RunOptions

CALLS: list[tuple[str, ...]] = []


def parse_greetings(sources: list[PackSource]) -> tuple[str, ...]:
    """A module-level parse function (cacheable) that records each call."""
    out: list[str] = []
    for source in sources:
        out.extend(field_of(source, source.data, "greetings", list, ""))
    CALLS.append(tuple(out))
    return tuple(out)


def _user_pack(path: Path, *greetings: str) -> Path:
    body = ", ".join(f'"{g}"' for g in greetings)
    path.write_text(f'greetings = [{body}]\n\n[pack]\nkind = "greetings"\nschema = 1\n', encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "user-cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(directory))
    CALLS.clear()
    return directory


def _entries(directory: Path, kind: str) -> list[Path]:
    return sorted(directory.glob(f"pack-{kind}-*.data"))


class TestPackCache:
    def test_miss_writes_then_a_new_run_reads_without_parsing(self, cache, tmp_path):
        pack = _user_pack(tmp_path / "house.toml", "hello", "hi")
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello", "hi")
        assert CALLS == [("hello", "hi")]
        assert len(_entries(cache, "greetings")) == 1
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello", "hi")
        assert CALLS == [("hello", "hi")]  # the second run did not parse

    def test_changed_user_pack_invalidates(self, cache, tmp_path):
        pack = _user_pack(tmp_path / "house.toml", "hello")
        stamp = os.stat(pack)
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        _user_pack(pack, "howdy")  # same size, and the old modification time restored
        os.utime(pack, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        assert Packs([pack]).load("greetings", parse_greetings) == ("howdy",)
        assert CALLS == [("hello",), ("howdy",)]

    def test_added_or_removed_user_pack_invalidates(self, cache, tmp_path):
        first = _user_pack(tmp_path / "a.toml", "hello")
        second = _user_pack(tmp_path / "b.toml", "salut")
        assert Packs([first]).load("greetings", parse_greetings) == ("hello",)
        assert Packs([first, second]).load("greetings", parse_greetings) == ("hello", "salut")
        assert Packs([second]).load("greetings", parse_greetings) == ("salut",)
        assert len(CALLS) == 3

    @pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff\xff\xff\x00"])
    def test_corrupt_entry_is_ignored_and_replaced(self, cache, tmp_path, garbage):
        pack = _user_pack(tmp_path / "house.toml", "hello")
        Packs([pack]).load("greetings", parse_greetings)
        [entry] = _entries(cache, "greetings")
        entry.write_bytes(garbage)
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        assert len(CALLS) == 2
        assert entry.read_bytes() != garbage  # rewritten with a good entry
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        assert len(CALLS) == 2

    @pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
    def test_entry_others_may_write_is_not_loaded(self, cache, tmp_path):
        pack = _user_pack(tmp_path / "house.toml", "hello")
        Packs([pack]).load("greetings", parse_greetings)
        [entry] = _entries(cache, "greetings")
        entry.chmod(0o666)
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        assert len(CALLS) == 2
        assert entry.stat().st_mode & 0o777 == 0o600  # replaced by a private entry
        Packs([pack]).load("greetings", parse_greetings)
        assert len(CALLS) == 2

    def test_unwritable_cache_dir_still_parses(self, tmp_path, monkeypatch):
        blocker = tmp_path / "a-file"
        blocker.write_text("not a directory", encoding="utf-8")
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
        CALLS.clear()
        pack = _user_pack(tmp_path / "house.toml", "hello")
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        assert Packs([pack]).load("greetings", parse_greetings) == ("hello",)
        assert len(CALLS) == 2
        assert not list(tmp_path.rglob("*.data"))

    def test_closure_is_never_cached(self, cache, tmp_path):
        pack = _user_pack(tmp_path / "house.toml", "hello")
        prefix = ["extra"]

        def build(sources: list[PackSource]) -> tuple[str, ...]:  # captures state the key cannot see
            return (*prefix, *parse_greetings(sources))

        assert Packs([pack]).load("greetings", build) == ("extra", "hello")
        prefix[0] = "changed"
        assert Packs([pack]).load("greetings", build) == ("changed", "hello")
        assert not cache.exists() or not list(cache.iterdir())

    def test_invalid_pack_is_not_cached_and_still_fails(self, cache, tmp_path):
        pack = tmp_path / "bad.toml"
        pack.write_text('greetings = "hello"\n\n[pack]\nkind = "greetings"\n', encoding="utf-8")
        for _ in range(2):
            with pytest.raises(PackError, match="greetings: expected a list"):
                Packs([pack]).load("greetings", parse_greetings)
        assert not _entries(cache, "greetings")

    def test_cached_boilerplate_pack_equals_a_fresh_parse(self, cache):
        fresh = _phrases.parse(Packs().sources("boilerplate"))
        Packs().load("boilerplate", _phrases.parse)  # writes the entry
        cached = Packs().load("boilerplate", _phrases.parse)  # reads it
        assert _entries(cache, "boilerplate")
        assert cached == fresh
        regexes = [p.pattern for p in cached.phrases if p.pattern is not None]
        assert regexes and all(r.search is not None for r in regexes)
        line = "Sign up for our newsletter"
        assert cached.match(line, edge=True) == fresh.match(line, edge=True)

    def test_every_bundled_kind_of_an_all_rules_run_is_cached(self, cache):
        Engine.create(RunOptions(paths=[str(SEEDS)], isolated=True, select=["ALL"], entry_points=False))
        kinds = {p.name.split("-")[1] for p in cache.glob("pack-*.data")}
        bundled = {p.stem for p in bundled_rules_dir().glob("*.toml")}
        assert {"boilerplate", "confusables", "names", "offices", "variants"} <= kinds <= bundled | {"words"}


class TestSameResults:
    @pytest.mark.slow  # 7 s; tests/test_cache_safety.py compares cached and uncached runs by default
    def test_seeds_identical_cold_warm_and_without_a_cache(self, tmp_path):
        args = ("--isolated", "--select", "ALL", "--format", "json", "--no-cache", "--exit-zero", str(SEEDS))
        cold_dir = tmp_path / "cache"
        cold = run_cli(*args, env={"NEWSLINT_CACHE_DIR": str(cold_dir)})
        assert cold.returncode == 0, cold.stderr
        assert _entries(cold_dir, "boilerplate") and _entries(cold_dir, "confusables")
        warm = run_cli(*args, env={"NEWSLINT_CACHE_DIR": str(cold_dir)})
        blocker = tmp_path / "a-file"
        blocker.write_text("", encoding="utf-8")
        uncached = run_cli(*args, env={"NEWSLINT_CACHE_DIR": str(blocker / "cache")})
        assert json.loads(cold.stdout)  # the seeds have findings
        assert warm.stdout == cold.stdout == uncached.stdout
        assert warm.stderr == cold.stderr == uncached.stderr


class TestLazyImports:
    # Needed only by some formats, datasets, baselines, --fix, the pool or the language server.
    HEAVY = (
        "sqlite3",
        "concurrent.futures",
        "multiprocessing",
        "tqdm",
        "difflib",
        "json",
        "gzip",
        "xml.etree.ElementTree",
        "html",
        "tempfile",
        "pygls",
    )

    def test_cli_and_every_builtin_plugin_import_nothing_heavy(self):
        code = (
            "import sys, newslint.cli\n"
            "from newslint.plugin.registry import ENTRY_POINT_GROUP, _may_declare_entry_points, make_plugin_manager\n"
            "make_plugin_manager()\n"
            f"print([m for m in {self.HEAVY!r} if m in sys.modules])\n"
            "print(('importlib.metadata' in sys.modules) == _may_declare_entry_points(ENTRY_POINT_GROUP))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", None)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        assert out.stdout.split("\n")[:2] == ["[]", "True"]


class TestEntryPointPrescan:
    def _dist(self, site: Path, name: str, entry_points: str) -> None:
        info = site / f"{name}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")

    def test_finds_a_newslint_group_and_ignores_others(self, tmp_path, monkeypatch):
        from importlib.machinery import PathFinder

        from newslint.plugin.registry import _may_declare_entry_points

        self._dist(tmp_path, "tool", "[console_scripts]\ntool = tool:main\n")
        monkeypatch.setattr(sys, "path", [str(tmp_path)])
        # Finders that list distributions of their own (another test's, a plugin's) mean a full scan.
        monkeypatch.setattr(
            sys, "meta_path", [f for f in sys.meta_path if not hasattr(f, "find_distributions") or f is PathFinder]
        )
        assert not _may_declare_entry_points("newslint")
        self._dist(tmp_path, "house_rules", "[console_scripts]\nx = y:z\n\n[ newslint ]\nhouse = house_rules\n")
        assert _may_declare_entry_points("newslint")

    def test_a_zip_on_the_path_means_the_full_scan(self, tmp_path, monkeypatch):
        from newslint.plugin.registry import _may_declare_entry_points

        archive = tmp_path / "plugins.zip"
        archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
        monkeypatch.setattr(sys, "path", [str(archive)])
        assert _may_declare_entry_points("newslint")


def test_cache_families_do_not_pile_up(tmp_path):
    """A new key (a reinstalled dependency) prunes its family to the most recently used few."""
    import os
    import time

    from newslint.plugin.packs import write_cache_file

    for i in range(6):
        path = tmp_path / f"dictionary-{i:04x}.marshal"
        assert write_cache_file(path, b"data")
        os.utime(path, (time.time() - 100 + i, time.time() - 100 + i))
    write_cache_file(tmp_path / "pack-names-ffff.pickle", b"x")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "dictionary-0003.marshal",
        "dictionary-0004.marshal",
        "dictionary-0005.marshal",
        "pack-names-ffff.pickle",
    ]


class TestCommonWords:
    """The names rules' "word in common use" test, answered from a cached set instead of importing wordfreq."""

    def test_same_answers_as_wordfreq_on_article_words(self, cache):
        from wordfreq import zipf_frequency

        from newslint.checks.names.common_words import _SETS, is_common
        from newslint.model.document import Document

        _SETS.clear()
        words = set()
        for path in sorted(SEEDS.glob("*.txt")):
            words.update(Document(path.read_text(encoding="utf-8")).vocabulary)
        # Article words as written (capitalised names, acronyms), lower-cased, shouted, and non-ASCII ones.
        words |= {w.lower() for w in words} | {w.upper() for w in words} | {"Zoë", "Ångström", "naïve", "Straße"}
        words = {w for w in words if w.isalpha()}
        assert len(words) > 1000
        for zipf in (2.3, 4.0):
            assert {w for w in words if is_common(w, zipf)} == {w for w in words if zipf_frequency(w, "en") >= zipf}
        assert list(cache.glob("common-words-en-*.marshal"))
        _SETS.clear()  # a new process: the set comes from the cache
        assert is_common("Parliament", 2.3) and not is_common("Parliment", 2.3)

    def test_a_warm_cache_answers_without_importing_wordfreq(self, cache):
        code = (
            "import sys\n"
            "from newslint.checks.names.facts import is_known_word\n"
            "print(is_known_word('osama'), is_known_word('Greta'), is_known_word('takiachi'), 'wordfreq' in sys.modules)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_CACHE_DIR": str(cache)}
        cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        assert cold.stdout.split() == ["True", "True", "False", "True"]  # built with wordfreq, once
        assert warm.stdout.split() == ["True", "True", "False", "False"]

    def test_a_forged_cache_entry_is_not_read(self, cache):
        from newslint.checks.names.common_words import _SETS, is_common

        _SETS.clear()
        assert not is_common("takiachi", 2.3)
        [entry] = cache.glob("common-words-en-*.marshal")
        import marshal

        entry.write_bytes(b"\x00" * 16 + marshal.dumps(frozenset({"takiachi"})))
        _SETS.clear()
        assert not is_common("takiachi", 2.3)  # the MAC fails: rebuilt from wordfreq


class TestConfiguredOnFirstCheck:
    """The command line's engines load packs and the dictionary only when they first check a document."""

    def test_a_run_served_by_the_result_cache_configures_nothing(self, cache, tmp_path, monkeypatch):
        from newslint import cli

        article = tmp_path / "story.txt"
        article.write_text((SEEDS / "000_dd8e68c644c62dc3.txt").read_text(encoding="utf-8"), encoding="utf-8")
        calls: list[int] = []
        real = Engine.configure

        def counted(self: Engine) -> None:
            calls.append(self._configured)
            real(self)

        monkeypatch.setattr(Engine, "configure", counted)
        args = ["--isolated", "--format", "json", "--exit-zero", "--cache-dir", str(tmp_path / "results"), str(article)]
        first = cli.main(args)
        assert first == 0 and calls == [False]  # configured once, for the one document
        calls.clear()
        assert cli.main(args) == 0
        assert calls == []  # every file came from the result cache: no pack, no dictionary
        assert cli.main(["--isolated", "--list-rules"]) == 0
        assert calls == []

    def test_an_unconfigured_engine_finds_what_a_configured_one_does(self, cache):
        from newslint.model.document import Document

        options = RunOptions(paths=[str(SEEDS)], isolated=True, entry_points=False)
        lazy = Engine.create(options, configure=False)
        eager = Engine.create(options)
        total = 0
        for path in sorted(SEEDS.glob("*.txt")):
            doc = Document(path.read_text(encoding="utf-8"), path.name)
            found, _facts = lazy.check(doc)
            assert found == eager.check(Document(doc.source, path.name))[0]
            total += len(found)
        assert total > 5

    def test_a_broken_pack_still_fails_the_run(self, cache, tmp_path):
        (tmp_path / "house.toml").write_text('[pack]\nkind = "boilerplate"\nschema = 1\n\n[[phrase]]\nx = 1\n')
        (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
        (tmp_path / "story.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
        proc = run_cli("story.txt", cwd=tmp_path, env={"NEWSLINT_CACHE_DIR": str(cache)})
        assert proc.returncode == 2
        err = proc.stderr.decode() if isinstance(proc.stderr, bytes) else proc.stderr
        assert err.startswith("newslint: error:") and "house.toml" in err


class TestLazyPatterns:
    def test_a_lazy_pattern_is_the_pattern_it_stands_for(self):
        from newslint.text.lazy_re import lazy_compile

        lazy = lazy_compile(r"(?P<word>[a-z]+)ing\b", re.IGNORECASE)
        plain = re.compile(r"(?P<word>[a-z]+)ing\b", re.IGNORECASE)
        text = "Reading and WRITING, then nothing."
        assert lazy.pattern == plain.pattern
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert lazy.sub(r"\g<word>", text) == plain.sub(r"\g<word>", text)
        assert lazy.groupindex == plain.groupindex and lazy.flags == plain.flags

    def test_importing_newslint_and_its_plugins_compiles_no_model_pattern(self):
        code = (
            "from newslint.plugin.registry import make_plugin_manager\n"
            "import newslint.cli\n"
            "make_plugin_manager()\n"
            "from newslint.model import document, line_roles\n"
            "from newslint.text import dates\n"
            "pats = [document._SENTENCE_END, line_roles._AUTHOR_YEAR, dates._WEEKDAY_AFTER]\n"
            "print([p._compiled is None for p in pats])\n"
            "document.Document('One. Two.').sentences\n"
            "print(document._SENTENCE_END._compiled is not None)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        assert out.stdout.split("\n")[:2] == ["[True, True, True]", "True"]
