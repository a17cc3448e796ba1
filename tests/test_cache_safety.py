"""Caches hold data, never code: planted entries and symlinks, through the real CLI.

Each test builds a small newsroom repository in a temporary directory, lints it
with the real CLI (so the result cache lands in its ``.newslint_cache``), then
plays the attacker: entries written under another user's key, pickles that
would run code, entries that would hide findings, and symlinks that lead out of
the cache. The victim's run must report the findings, run nothing, change
nothing outside the cache, and the cache must serve hits again afterwards.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import run_cli

from newslint import safecache
from newslint.plugin.packs import Packs, PackSource, field_of

pytestmark = pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="POSIX no-follow opening")

ARTICLE = (
    "Harbour board approves dredging plan\n"
    "\n"
    "The harbour board voted on Tuesday to deepen the northern channel, \n"
    "a project the port says will let larger container ships dock by 2027.\n"
    "\n"
    "Fishing crews had asked for the work to wait until after the autumn season.\n"
)
OTHER = (
    "Library extends weekend hours\n"
    "\n"
    "The central library will stay open until 8 p.m. on Saturdays from next month.  \n"
    "Staff said demand for study space had grown since the spring.\n"
)


class _Marker:
    """Unpickling this creates ``path``: the stand-in for arbitrary code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    (repo / "stories").mkdir(parents=True)
    (repo / "stories" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (repo / "stories" / "library.txt").write_text(OTHER, encoding="utf-8")
    old = time.time() - 3600  # stamps old enough to be trusted: warm runs hit by stamp
    for f in (repo / "stories").iterdir():
        os.utime(f, (old, old))
    return repo


def _lint(repo: Path, user_cache: Path, *extra: str):
    return run_cli(
        "stories", "--isolated", "--verbose", "-j", "1", *extra, cwd=repo, env={"NEWSLINT_CACHE_DIR": str(user_cache)}
    )


def _cached(proc) -> tuple[int, int]:
    for line in proc.stderr.decode().splitlines():
        if "documents linted" in line:
            words = line.split()
            return int(words[2]), int(words[5])
    raise AssertionError(proc.stderr.decode())


def _findings(proc) -> list[str]:
    return sorted(line for line in proc.stdout.decode().splitlines() if line.startswith("stories/"))


def _database(repo: Path) -> Path:
    [db] = (repo / ".newslint_cache" / "v2").glob("*.sqlite3")
    return db


def _no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr.decode(), proc.stderr.decode()


@pytest.fixture(scope="module")
def _user_caches(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """Two users' caches (each its own key, packs and lexicon), built once by a real run
    each, to be copied: the victim's and the attacker's. Building them is not what these
    tests are about (tests/test_startup.py and the key test below are); the victim's run
    is on a clean repository with no result cache at all, so it also gives the baseline."""
    made = tmp_path_factory.mktemp("user-caches")
    victim, attacker = made / "victim", made / "attacker"
    proc = _lint(_repo(made / "clean"), victim, "--no-cache")
    assert proc.returncode == 1 and _findings(proc), proc.stderr.decode()
    _lint(_repo(made / "attackers-own"), attacker, "--no-cache")
    assert (victim / safecache.KEY_FILE).read_bytes() != (attacker / safecache.KEY_FILE).read_bytes()
    return victim, attacker, _findings(proc)


def _user_cache(template: Path, to: Path) -> Path:
    shutil.copytree(template, to)  # modes too: the key stays private
    return to


@pytest.fixture
def victim(tmp_path, _user_caches) -> Path:
    return _user_cache(_user_caches[0], tmp_path / "victim-user-cache")


@pytest.fixture
def baseline(_user_caches) -> list[str]:
    """The findings of a clean repository (no cache at all)."""
    return _user_caches[2]


def _attacker_cache(tmp_path: Path, template: Path) -> tuple[Path, bytes, Path]:
    """A repository whose committed ``.newslint_cache`` an attacker filled on their own machine
    (same image, hence the same run key); returns (repo, attacker's key, database)."""
    repo = _repo(tmp_path)
    attacker = _user_cache(template, tmp_path / "attacker-user-cache")
    proc = _lint(repo, attacker)
    assert _cached(proc) == (2, 0)
    (repo / ".newslint_cache" / ".gitignore").unlink()  # the attacker commits the cache
    return repo, (attacker / safecache.KEY_FILE).read_bytes(), _database(repo)


def _rewrite(db: Path, attacker_key: bytes, payload_for) -> None:
    """Give every entry a new payload, sealed with the attacker's key (their MACs are valid for them)."""
    key = db.name.removesuffix(".sqlite3")
    with sqlite3.connect(db) as conn:
        rows = list(conn.execute("SELECT path, digest FROM entries"))
        assert rows
        for path, dig in rows:
            payload = payload_for(path)
            mac = safecache.seal(attacker_key, key.encode(), path.encode(), dig, payload)
            conn.execute("UPDATE entries SET payload = ?, mac = ? WHERE path = ?", (payload, mac, path))
    conn.close()


def test_planted_pickle_runs_nothing_and_findings_still_show(tmp_path, victim, baseline, _user_caches):
    repo, attacker_key, db = _attacker_cache(tmp_path, _user_caches[1])
    marker = tmp_path / "pwned"
    _rewrite(db, attacker_key, lambda path: pickle.dumps((_Marker(marker), [])))
    # The old layout's pickles too: a database under v1/ is never opened.
    (repo / ".newslint_cache" / "v1").mkdir()
    (repo / ".newslint_cache" / "v1" / db.name).write_bytes(db.read_bytes())

    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert not marker.exists()
    assert proc.returncode == 1
    assert _findings(proc) == baseline
    assert _cached(proc) == (2, 0)
    again = _lint(repo, victim)  # the planted entries were rewritten with the victim's own
    assert _cached(again) == (2, 2) and _findings(again) == baseline
    assert not marker.exists()


def test_planted_entry_cannot_hide_findings(tmp_path, victim, baseline, _user_caches):
    repo, attacker_key, db = _attacker_cache(tmp_path, _user_caches[1])
    _rewrite(db, attacker_key, lambda path: safecache.encode(([], [])))  # well-formed, empty

    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert proc.returncode == 1
    assert _findings(proc) == baseline
    assert _cached(proc) == (2, 0)
    assert _cached(_lint(repo, victim)) == (2, 2)


@pytest.mark.parametrize(
    "payload",
    [
        safecache.encode(["not", "a", "pair"]),
        safecache.encode((["a diagnostic?"], [])),
        safecache.encode(([], [{"names": 1}])),
        b"\xe3\x00\x00\x00\x00",  # marshal of a code object's header, truncated
        pickle.dumps(([], [])),
        b"",
    ],
    ids=["not-a-pair", "not-diagnostics", "not-facts", "truncated", "a-pickle", "empty"],
)
def test_entry_of_the_wrong_shape_is_recomputed(tmp_path, victim, baseline, payload):
    """Even sealed with the user's own key (a newslint that wrote another shape), a bad
    payload is a miss, never a traceback, and is rewritten."""
    repo = _repo(tmp_path)
    assert _cached(_lint(repo, victim)) == (2, 0)
    _rewrite(_database(repo), (victim / safecache.KEY_FILE).read_bytes(), lambda path: payload)

    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert proc.returncode == 1 and _findings(proc) == baseline
    assert _cached(proc) == (2, 0)
    assert _cached(_lint(repo, victim)) == (2, 2)


def test_planted_database_with_a_trigger_is_replaced(tmp_path, victim, baseline):
    repo = _repo(tmp_path)
    _lint(repo, victim)
    db = _database(repo)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE seen (path TEXT)")
        conn.execute("CREATE TRIGGER spy AFTER INSERT ON entries BEGIN INSERT INTO seen VALUES (new.path); END")
        conn.execute("DELETE FROM entries")
    conn.close()
    proc = _lint(repo, victim)
    assert proc.returncode == 1 and _findings(proc) == baseline
    with sqlite3.connect(db) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "spy" not in names and "seen" not in names
    assert _cached(_lint(repo, victim)) == (2, 2)


def _outside(tmp_path: Path) -> tuple[Path, dict[Path, tuple[bytes, int]]]:
    """A directory outside the repository with files a planted symlink aims at."""
    outside = tmp_path / "outside"
    outside.mkdir()
    files = {
        outside / "notes.txt": b"my own notes\n",
        outside / "work.sqlite3": b"someone's database",
        outside / "work.sqlite3-wal": b"its journal",
        outside / "target.sqlite3": b"a database the cache's own name points at",
    }
    old = time.time() - 90 * 86400  # older than the prune's 30 days
    for path, data in files.items():
        path.write_bytes(data)
        os.utime(path, (old, old))
    return outside, {p: (d, p.stat().st_mtime_ns) for p, d in files.items()}


def _unchanged(before: dict[Path, tuple[bytes, int]]) -> None:
    for path, (data, mtime) in before.items():
        assert path.read_bytes() == data, path
        assert path.stat().st_mtime_ns == mtime, path


def test_symlinks_in_the_cache_are_never_followed(tmp_path, victim, baseline):
    repo = _repo(tmp_path)
    outside, before = _outside(tmp_path)
    _lint(repo, victim)
    cache = repo / ".newslint_cache"
    key_db = _database(repo).name
    # The attacker commits links instead of the cache's files.
    for name in (".gitignore", "CACHEDIR.TAG"):
        (cache / name).unlink()
        (cache / name).symlink_to(outside / "notes.txt")
    (cache / "v2").rename(tmp_path / "moved-v2")
    (cache / "v2").symlink_to(outside, target_is_directory=True)
    (cache / "v1").symlink_to(outside, target_is_directory=True)

    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert proc.returncode == 1 and _findings(proc) == baseline
    _unchanged(before)
    assert sorted(p.name for p in outside.iterdir()) == sorted(p.name for p in before)
    assert (cache / "v2").is_dir() and not (cache / "v2").is_symlink()
    assert (cache / ".gitignore").is_symlink()  # left as it was, not written through

    # The database itself (and its journal) linked out of the cache.
    for suffix in ("", "-wal"):
        (cache / "v2" / (key_db + suffix)).unlink(missing_ok=True)
    (cache / "v2" / key_db).symlink_to(outside / "target.sqlite3")
    (cache / "v2" / (key_db + "-wal")).symlink_to(outside / "work.sqlite3-wal")
    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert proc.returncode == 1 and _findings(proc) == baseline
    _unchanged(before)
    assert not (cache / "v2" / key_db).is_symlink()
    assert _cached(_lint(repo, victim)) == (2, 2)  # and the cache works again


def test_a_symlinked_cache_directory_is_refused(tmp_path, victim, baseline):
    repo = _repo(tmp_path)
    outside, before = _outside(tmp_path)
    (repo / ".newslint_cache").symlink_to(outside, target_is_directory=True)

    proc = _lint(repo, victim)
    _no_traceback(proc)
    assert proc.returncode == 1 and _findings(proc) == baseline
    warnings = [line for line in proc.stderr.decode().splitlines() if "symlink" in line]
    assert len(warnings) == 1 and warnings[0].startswith("newslint: warning: cache directory ")
    assert _cached(proc) == (2, 0)
    _unchanged(before)
    assert sorted(p.name for p in outside.iterdir()) == sorted(p.name for p in before)


@pytest.mark.slow  # two fresh user caches, each a cold dictionary build (~10 s)
def test_user_key_is_private_and_a_loose_one_is_replaced(tmp_path):
    victim = tmp_path / "new-user-cache"  # empty: the first run creates the key
    repo = _repo(tmp_path)
    _lint(repo, victim)
    key_file = victim / safecache.KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    first = key_file.read_bytes()
    key_file.chmod(0o644)  # others could read it, so could forge entries
    assert _cached(_lint(repo, victim)) == (2, 0)  # a new key: the old entries no longer verify
    assert key_file.stat().st_mode & 0o777 == 0o600 and key_file.read_bytes() != first
    assert _cached(_lint(repo, victim)) == (2, 2)


# -- the pack cache ------------------------------------------------------------------------


def parse_desks(sources: list[PackSource]) -> tuple[str, ...]:
    """A module-level (so cacheable) parse function."""
    out: list[str] = []
    for source in sources:
        out.extend(field_of(source, source.data, "desks", list, ""))
    return tuple(out)


def test_pack_cache_entries_are_data_and_sealed(tmp_path, monkeypatch):
    user = tmp_path / "user"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(user))
    pack = tmp_path / "desks.toml"
    pack.write_text('desks = ["metro", "sport"]\n\n[pack]\nkind = "desks"\nschema = 1\n', encoding="utf-8")
    assert Packs([pack]).load("desks", parse_desks) == ("metro", "sport")
    [entry] = user.glob("pack-desks-*.data")
    assert safecache.decode(entry.read_bytes()[16:]) == ("metro", "sport")  # data, after a 16-byte MAC

    # A pickle planted under the entry's name (private, as the user's own would be) is not loaded.
    marker = tmp_path / "pwned"
    entry.write_bytes(pickle.dumps(_Marker(marker)))
    entry.chmod(0o600)
    assert Packs([pack]).load("desks", parse_desks) == ("metro", "sport")
    assert not marker.exists()
    # Data sealed with another key (hiding desks) is not believed either.
    forged = safecache.encode(("metro",))
    entry.write_bytes(safecache.seal(os.urandom(32), b"pack", entry.name.encode(), forged) + forged)
    assert Packs([pack]).load("desks", parse_desks) == ("metro", "sport")

    # A symlink in place of the entry is replaced, never read or written through.
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep me")
    entry.unlink()
    entry.symlink_to(outside)
    assert Packs([pack]).load("desks", parse_desks) == ("metro", "sport")
    assert outside.read_bytes() == b"keep me"
    assert not entry.is_symlink()
    assert Packs([pack]).load("desks", parse_desks) == ("metro", "sport")


def test_codec_rebuilds_only_data_classes():
    for bad in (
        ["o", "os:_wrap_close", "x", 1],  # not a data class
        ["o", "builtins:type"],
        ["n", "os:stat_result", 1],  # a struct sequence, not a named tuple
        ["o", "newslint.safecache:CacheFormatError"],  # an exception
        ["o", "newslint.nonexistent:Thing"],  # never imported, and nothing is imported
        ["e", "newslint.model.diagnostic:Severity", "FATAL"],
        ["l", ("a", ["l"])],  # a tuple holds scalars only
        ["l", b"bytes"],  # marshal's other types are refused
        ["d", "k", {"a": 1}],
        ["o", "newslint.model.facts:Facts", "__class__", ["l"]],
    ):
        with pytest.raises(safecache.CacheFormatError):
            safecache.decode(safecache.marshal.dumps(bad))
    with pytest.raises(safecache.CacheFormatError):
        safecache.encode(object())


def test_cached_patterns_compile_on_first_use_and_match_as_before():
    import re

    import re2

    from newslint.plugin.packs import re2_options

    source = r"^(?:Photo|Picture): [\pL\pN_ .-]{1,40}$"
    data = safecache.encode([re2.compile(source, re2_options()), re.compile(r"\bcolou?r\b", re.IGNORECASE)])
    lazy_re2, lazy_re = safecache.decode(data)
    assert lazy_re2.pattern == source and lazy_re2._compiled is None  # nothing compiled yet
    line = "Photo: Ana Müller-Sánchez"
    assert lazy_re2.search(line) is not None and lazy_re2._compiled is not None
    assert lazy_re2.search("Photos of the storm") is None
    assert lazy_re2 == re2.compile(source, re2_options())
    assert lazy_re.sub("hue", "The Colour of money") == "The hue of money"
    assert lazy_re.flags & re.IGNORECASE
    assert safecache.decode(safecache.encode([lazy_re2, lazy_re])) == [lazy_re2, lazy_re]  # re-encoded as written
    assert safecache.decode(data)[0] is lazy_re2  # one per pattern in a process


def test_a_sealed_pack_is_decoded_once_per_process(tmp_path, monkeypatch):
    """A second engine with the same packs reuses the decoded value (the office table costs 60-70 ms to
    decode); a changed pack is another cache file and is parsed anew; a forged entry never reaches the memo."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "user"))
    pack = tmp_path / "desks.toml"
    pack.write_text('desks = ["metro", "sport"]\n\n[pack]\nkind = "desks"\nschema = 1\n', encoding="utf-8")
    Packs([pack]).load("desks", parse_desks)  # parsed, then written to the cache
    first = Packs([pack]).load("desks", parse_desks)  # decoded from the cache
    assert Packs([pack]).load("desks", parse_desks) is first
    pack.write_text('desks = ["metro"]\n\n[pack]\nkind = "desks"\nschema = 1\n', encoding="utf-8")
    assert Packs([pack]).load("desks", parse_desks) == ("metro",)
