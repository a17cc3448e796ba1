"""Textual config edits keep the user's layout and always parse back to the intended change."""

from __future__ import annotations

import pytest

from newslint.lsp.config_edit import ConfigEditError, add_file_ignore, add_word, edit_config_file, glob_escape


@pytest.mark.parametrize(
    ("before", "pyproject", "after"),
    [
        pytest.param("", False, 'words = ["Zelenskyy"]\n', id="empty-file"),
        pytest.param('select = ["NL"]\n', False, 'select = ["NL"]\nwords = ["Zelenskyy"]\n', id="new-key"),
        pytest.param("words = []\n", False, 'words = ["Zelenskyy"]\n', id="empty-array"),
        pytest.param(
            'words = ["a", "b"]  # ok\n[per-file-ignores]\n',
            False,
            'words = ["a", "b", "Zelenskyy"]  # ok\n[per-file-ignores]\n',
            id="inline-array-comment-kept",
        ),
        pytest.param(
            '# top\nwords = [\n    "a",  # c\n    "b"\n]\nignore = []\n',
            False,
            '# top\nwords = [\n    "a",  # c\n    "b",\n    "Zelenskyy"\n]\nignore = []\n',
            id="multiline-no-trailing-comma",
        ),
        pytest.param(
            'words = [\n  "a",\n  "b",  # trailing\n]\n',
            False,
            'words = [\n  "a",\n  "b",  # trailing\n  "Zelenskyy",\n]\n',
            id="multiline-trailing-comma",
        ),
        pytest.param(
            '[project]\nname = "x"\n\n[tool.newslint]\nselect = ["NL"]\n\n[tool.black]\nx = 1\n',
            True,
            '[project]\nname = "x"\n\n[tool.newslint]\nselect = ["NL"]\nwords = ["Zelenskyy"]\n\n[tool.black]\nx = 1\n',
            id="pyproject-table-between-others",
        ),
        pytest.param(
            '[tool.newslint.per-file-ignores]\n"a.txt" = ["NL1"]\n',
            True,
            '[tool.newslint]\nwords = ["Zelenskyy"]\n\n[tool.newslint.per-file-ignores]\n"a.txt" = ["NL1"]\n',
            id="pyproject-only-subtable",
        ),
        pytest.param(
            'description = """\n[tool.newslint]\nwords = x\n"""\n[tool.newslint]\n',
            True,
            'description = """\n[tool.newslint]\nwords = x\n"""\n[tool.newslint]\nwords = ["Zelenskyy"]\n',
            id="header-lookalike-inside-a-string",
        ),
        pytest.param('words = ["Zelenskyy"]\n', False, 'words = ["Zelenskyy"]\n', id="already-there"),
    ],
)
def test_add_word(before, pyproject, after):
    assert add_word(before, "Zelenskyy", pyproject=pyproject) == after


def test_add_word_escapes_toml():
    assert add_word("", 'say "hi"\\', pyproject=False) == 'words = ["say \\"hi\\"\\\\"]\n'


@pytest.mark.parametrize(
    ("before", "pyproject", "after"),
    [
        pytest.param("", False, '[per-file-ignores]\n"a.txt" = ["NL510"]\n', id="empty-file"),
        pytest.param(
            'select = ["NL"]',
            False,
            'select = ["NL"]\n[per-file-ignores]\n"a.txt" = ["NL510"]\n',
            id="no-final-newline",
        ),
        pytest.param(
            '[per-file-ignores]\n"a.txt" = ["NL1"]\n',
            False,
            '[per-file-ignores]\n"a.txt" = ["NL1", "NL510"]\n',
            id="existing-entry",
        ),
        pytest.param(
            '[tool.newslint]\nselect = ["NL"]\n',
            True,
            '[tool.newslint]\nselect = ["NL"]\n\n[tool.newslint.per-file-ignores]\n"a.txt" = ["NL510"]\n',
            id="pyproject-new-table",
        ),
    ],
)
def test_add_file_ignore(before, pyproject, after):
    assert add_file_ignore(before, "a.txt", "NL510", pyproject=pyproject) == after


@pytest.mark.parametrize(
    ("before", "pyproject"),
    [
        pytest.param("select = [\n", False, id="broken-toml"),
    ],
)
def test_unsafe_layouts_are_refused(before, pyproject):
    with pytest.raises(ConfigEditError):
        add_file_ignore(before, "a.txt", "NL510", pyproject=pyproject)


def test_dotted_words_key_is_extended_not_duplicated():
    assert add_word('[tool]\nnewslint.words = ["a"]\n', "b", pyproject=True) == '[tool]\nnewslint.words = ["a", "b"]\n'


def test_inline_tables_are_edited_in_place():
    """An inline per-file-ignores table gains the entry inside its braces; comments stay."""
    before = '[tool.newslint]\n# our ignores\nper-file-ignores = { "a.txt" = ["NL1"] }  # keep\n'
    after = add_file_ignore(before, "a.txt", "NL510", pyproject=True)
    assert after.startswith('[tool.newslint]\n# our ignores\nper-file-ignores = { "a.txt" = ["NL1", "NL510"]')
    assert after.rstrip("\n").endswith("# keep")
    again = add_file_ignore(after, "b.txt", "NL202", pyproject=True)
    import tomllib

    assert tomllib.loads(again)["tool"]["newslint"]["per-file-ignores"] == {
        "a.txt": ["NL1", "NL510"],
        "b.txt": ["NL202"],
    }


@pytest.mark.parametrize("edit", ["word", "ignore"])
def test_crlf_files_keep_crlf(tmp_path, edit):
    """Every line of a CRLF file still ends in CRLF after an edit, new lines included; comments kept."""
    path = tmp_path / "pyproject.toml"
    original = '[project]\r\nname = "paper"  # the site\r\n\r\n[tool.black]\r\nline-length = 100\r\n'
    path.write_bytes(original.encode("utf-8"))
    if edit == "word":
        changed = edit_config_file(path, lambda t, pyproject: add_word(t, "Kyiv", pyproject=pyproject))
    else:
        changed = edit_config_file(
            path, lambda t, pyproject: add_file_ignore(t, "a b.txt", "NL101", pyproject=pyproject)
        )
    data = path.read_bytes().decode("utf-8")
    assert changed and data.startswith(original)
    assert data.count("\n") == data.count("\r\n") > original.count("\r\n")
    assert "# the site" in data


def test_glob_escape_matches_only_itself():
    import fnmatch

    pattern = glob_escape("news [2025]/a*b?.txt")
    assert fnmatch.fnmatch("news [2025]/a*b?.txt", pattern)
    assert not fnmatch.fnmatch("news 2/axb1.txt", pattern)


def test_edit_config_file_creates_and_leaves_unchanged_files_alone(tmp_path):
    path = tmp_path / "newslint.toml"
    assert edit_config_file(path, lambda t, pyproject: add_word(t, "Kyiv", pyproject=pyproject)) is True
    stamp = path.stat().st_mtime_ns
    assert edit_config_file(path, lambda t, pyproject: add_word(t, "Kyiv", pyproject=pyproject)) is False
    assert path.stat().st_mtime_ns == stamp and path.read_text() == 'words = ["Kyiv"]\n'
