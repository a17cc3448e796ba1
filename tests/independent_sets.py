"""Reading the independent-style article sets under tests/data/independent*/ (issue #18's goals).

Each file holds articles that start with a line ``=== id``; one paragraph per
line, as wire copy is laid out. Each article carries its own date.
"""

from __future__ import annotations

from pathlib import Path

from newslint.testing import check

TITLE_CODES = ["NL301", "NL302", "NL303", "NL304", "NL305", "NL306"]
NAME_CODES = ["NL401"]


class ArticleSet:
    """The articles of one folder of tests/data/."""

    def __init__(self, folder: str) -> None:
        self.root = Path(__file__).parent / "data" / folder

    def articles(self, name: str) -> dict[str, str]:
        """``id -> text`` of the articles in one file."""
        out: dict[str, str] = {}
        for block in (self.root / name).read_text(encoding="utf-8").split("=== ")[1:]:
            head, _, body = block.partition("\n")
            out[head.strip()] = body.replace("\n", "\n\n")
        return out

    def flagged(self, name: str, codes: list[str]) -> dict[str, list[str]]:
        """``id -> findings`` ("CODE message") of each article of one file, linted alone."""
        return {key: [f"{d.code} {d.message}" for d in check(text, codes)] for key, text in self.articles(name).items()}
