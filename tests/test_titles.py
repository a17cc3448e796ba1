"""Titles (NL3xx): office titles against the offices table and the date, title consistency, the headline."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
import tomllib
from conftest import run_cli

from newslint.checks.titles.mentions import title_mentions
from newslint.checks.titles.offices import name_key, parse_offices
from newslint.model.document import Document
from newslint.plugin.packs import PackError, Packs, PackSource
from newslint.testing import check, positions

JAN_2026 = dt.date(2026, 1, 13)
FILLER = "It rained.\nTalks went on.\nBoth left.\nNobody spoke.\nThe end came.\n"  # no dates: the top lines hold none
BODY = "The two leaders are expected to discuss trade, security and the history that still divides them."


def at(text: str, code: str, date: dt.date | None = None) -> list[tuple[int, int, int, int]]:
    return positions(text, select=[code], date=date)


class TestTitleMentions:
    """The parser finds title, country, modifiers and name, and resolves the person."""

    def table(self):
        return Packs().load("offices", parse_offices)

    def test_parts_of_a_mention(self):
        """Country, "-elect" and a possessive name are parsed; the span starts at the title."""
        doc = Document("Talks on U.S. President-elect Donald Trump's plans.")
        (m,) = title_mentions(doc, self.table())
        assert (m.country, m.title, m.elect, m.name, m.person) == (
            "United States",
            "President",
            True,
            "Donald Trump",
            "Donald Trump",
        )
        assert doc.text[m.start : m.end] == "President-elect Donald Trump"

    def test_short_name_needs_the_full_name_in_the_article(self):
        """ "President Lee" is Lee Jae Myung only when his full name appears and no other Lee does."""
        table = self.table()
        alone = title_mentions(Document("President Lee arrived."), table)
        assert alone[0].person is None
        both = title_mentions(Document("President Lee Jae-myung spoke. Later President Lee left."), table)
        assert [m.person for m in both] == ["Lee Jae Myung", "Lee Jae Myung"]
        namesake = title_mentions(Document("Lee Jae Myung met Lee Jong-seok. President Lee left."), table)
        assert namesake[0].person is None

    @pytest.mark.parametrize(
        "text",
        [
            "Chinese leader Xi Jinping spoke.",  # "leader" is not a title
            "the Prime Minister's Office said.",  # a possessive title names an institution
            "The prime minister faces tension.",  # no name after the title
        ],
    )
    def test_not_mentions(self, text):
        """Generic words, possessive titles and titles without a name are not mentions."""
        assert title_mentions(Document(text), self.table()) == []

    def test_junior_and_jr_are_other_people(self):
        """ "Deputy Foreign Minister" is qualified, and "Donald Trump Jr." is not Donald Trump."""
        table = self.table()
        (m,) = title_mentions(Document("Deputy Foreign Minister Toshimitsu Motegi spoke."), table)
        assert m.qualified
        (m,) = title_mentions(Document("President Donald Trump Jr. spoke."), table)
        assert m.person is None

    def test_name_key_folds_spellings_but_keeps_people_apart(self):
        """Hyphens, case, diacritics and possessives fold; a different syllable stays apart."""
        assert name_key("Lee Jae-myung") == name_key("Lee Jae Myung") == name_key("LEE JAE\u2011MYUNG's")
        assert name_key("Recep Tayyip Erdoğan") == name_key("Recep Tayyip Erdogan")
        assert name_key("Lee Jae-yong") != name_key("Lee Jae-myung")


class TestElectAfterStart:
    """NL301: "-elect" once the term has begun, with a day of slack."""

    TEXT = "Talks will focus on U.S. President-elect Donald Trump's diplomacy."

    def test_reported_with_exact_position_and_reason(self):
        """The span covers title and name; the message names the start and the date used."""
        (d,) = check(self.TEXT, ["NL301"], date=JAN_2026)
        assert (d.line, d.column, d.end_line, d.end_column) == (1, 26, 1, 54)
        assert "took office as U.S. President on 2025-01-20" in d.message
        assert "article dated 2026-01-13 (from --date or config)" in d.message

    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            pytest.param(dt.date(2024, 12, 1), [], id="inside-the-elect-window"),
            pytest.param(dt.date(2025, 1, 21), [], id="day-after-start-is-slack"),
            pytest.param(dt.date(2025, 1, 22), [(1, 26, 1, 54)], id="two-days-after-start"),
            pytest.param(None, [], id="no-date-no-check"),
        ],
    )
    def test_date_decides(self, date, expected):
        """Reported only when every day of the window is after the start."""
        assert at(self.TEXT, "NL301", date) == expected

    def test_other_countries(self):
        """South Korea's Yoon: elected 2022-03-09, in office 2022-05-10."""
        text = "South Korean President-elect Yoon Suk Yeol named his cabinet."
        assert at(text, "NL301", dt.date(2022, 4, 1)) == []
        assert at(text, "NL301", dt.date(2022, 6, 1)) == [(1, 14, 1, 43)]

    @pytest.mark.parametrize(
        "text",
        [
            "Talks recalled then-President-elect Donald Trump's plans.",
            'He said "President-elect Donald Trump will call" and left.',
            "In 2016, President-elect Donald Trump met the outgoing president.",
        ],
        ids=["then", "quoted", "sentence-names-another-year"],
    )
    def test_skipped(self, text):
        """ "then-", quotations and sentences about another year are not judged."""
        assert at(text, "NL301", JAN_2026) == []

    def test_inexact_date_from_the_text(self):
        """The latest date in the text stands for the half year before it."""
        text = f"Talks will focus on President-elect Donald Trump's diplomacy.\n{FILLER}The summit opens January 13, 2026.\n"
        (d,) = check(text, ["NL301"])
        assert "the latest date in the text, line 7" in d.message
        early = text.replace("January 13, 2026", "March 1, 2025")  # window reaches back into the elect period
        assert at(early, "NL301") == []


class TestFormerForIncumbent:
    """NL302: "former" for a sitting office holder; exact dates only."""

    TEXT = "Former Foreign Minister Toshimitsu Motegi told reporters on Friday."

    def test_reported_from_former(self):
        """The span starts at "former"; the message says since when the person holds the office."""
        (d,) = check(self.TEXT, ["NL302"], date=JAN_2026)
        assert (d.line, d.column, d.end_column) == (1, 1, 42)
        assert "has been Japanese Foreign Minister since 2025-10-21" in d.message

    @pytest.mark.parametrize(
        ("text", "date", "count"),
        [
            pytest.param(TEXT, dt.date(2023, 6, 1), 0, id="between-motegis-terms"),
            pytest.param("former U.S. President Donald Trump spoke.", JAN_2026, 1, id="trump-second-term"),
            pytest.param("former U.S. President Donald Trump spoke.", dt.date(2023, 6, 1), 0, id="trump-between-terms"),
            pytest.param("Former Prime Minister Shigeru Ishiba spoke.", JAN_2026, 0, id="ishiba-left"),
            pytest.param("Former Chancellor Olaf Scholz spoke.", dt.date(2024, 6, 1), 1, id="scholz-in-office"),
            pytest.param(TEXT, dt.date(2027, 6, 1), 0, id="after-the-table-was-checked"),
        ],
    )
    def test_date_decides(self, text, date, count):
        """Only a term that covers the date, as far as the table knows, makes "former" wrong."""
        assert len(at(text, "NL302", date)) == count

    def test_inexact_date_is_not_enough(self):
        """The latest date in the text bounds the article date from below only."""
        text = f"{self.TEXT}\n{FILLER}The treaty was signed on January 10, 2026.\n"
        assert at(text, "NL302") == []
        assert at(text, "NL302", JAN_2026) == [(1, 1, 1, 42)]


class TestTitleAfterTerm:
    """NL303: a bare title after every term in that office ended."""

    @pytest.mark.parametrize(
        ("text", "date", "expected"),
        [
            pytest.param("Prime Minister Shigeru Ishiba spoke.", JAN_2026, [(1, 1, 1, 30)], id="ishiba-2026"),
            pytest.param(
                "Prime Minister Shigeru Ishiba spoke.", dt.date(2025, 10, 22), [], id="day-after-end-is-slack"
            ),
            pytest.param("Prime Minister Shigeru Ishiba spoke.", dt.date(2025, 1, 1), [], id="ishiba-in-office"),
            pytest.param("German Chancellor Olaf Scholz spoke.", dt.date(2025, 6, 1), [(1, 8, 1, 30)], id="scholz"),
            pytest.param("President Joe Biden spoke.", JAN_2026, [(1, 1, 1, 20)], id="biden"),
            pytest.param("Then-President Joe Biden spoke.", JAN_2026, [], id="then"),
            pytest.param("President Joe Biden signed it in 2022.", JAN_2026, [], id="another-year"),
            pytest.param("President Joe Biden spoke.", None, [], id="no-date"),
        ],
    )
    def test_title_after_term(self, text, date, expected):
        """Reported only with a date, outside every term, beyond a day of slack."""
        assert at(text, "NL303", date) == expected

    def test_message_names_the_end(self):
        (d,) = check("Prime Minister Shigeru Ishiba spoke.", ["NL303"], date=JAN_2026)
        assert d.message.startswith("Shigeru Ishiba left office as Japanese Prime Minister on 2025-10-21;")


class TestOfficeNotHeld:
    """NL304: an office or country the table never gives the person."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("Japanese President Sanae Takaichi spoke.", [(1, 1, 1, 34)], id="wrong-office"),
            pytest.param("South Korean Prime Minister Lee Jae Myung spoke.", [(1, 1, 1, 42)], id="wrong-office-korea"),
            pytest.param("Japanese President Lee Jae Myung spoke.", [(1, 1, 1, 33)], id="wrong-country"),
            pytest.param("Chinese Premier Xi Jinping spoke.", [(1, 1, 1, 27)], id="wrong-office-china"),
            pytest.param("Sanae Takaichi spoke. Later, President Takaichi left.", [(1, 30, 1, 48)], id="short-name"),
            pytest.param("Japanese Prime Minister Sanae Takaichi spoke.", [], id="right"),
            pytest.param("Chinese Prime Minister Li Qiang spoke.", [], id="equivalent-title"),
            pytest.param("EU President Ursula von der Leyen spoke.", [], id="body-within-the-eu"),
            pytest.param("Chinese President Xi Jinping and General Secretary Xi Jinping.", [], id="two-real-offices"),
            pytest.param("Vice Foreign Minister Sanae Takaichi spoke.", [], id="qualified"),
        ],
    )
    def test_office_not_held(self, text, expected):
        """Wrong office or country is reported; equivalent titles and enclosing bodies are right."""
        assert at(text, "NL304", JAN_2026) == expected

    def test_needs_a_date_inside_a_known_term(self):
        """Without a date, or before the person's first known term, nothing is judged."""
        text = "Japanese President Sanae Takaichi spoke."
        assert at(text, "NL304") == []
        assert at(text, "NL304", dt.date(2023, 1, 1)) == []

    def test_message(self):
        (d,) = check("South Korean Prime Minister Lee Jae Myung spoke.", ["NL304"], date=JAN_2026)
        assert (
            'Lee Jae Myung is South Korean President (since 2025-06-04), never "South Korean Prime Minister"'
            in d.message
        )
        assert d.suggestion == 'Use "South Korean President"'


class TestConflictingTitles:
    """NL305: one person, two incompatible titles, with no table needed."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "Prime Minister Jane Doe spoke. Then President Jane Doe left. Prime Minister Jane Doe sat.",
                [(1, 37, 1, 55)],
                id="exclusive-offices",
            ),
            pytest.param(
                "Japanese Finance Minister Taro Yamada spoke. South Korean Finance Minister Taro Yamada left.",
                [(1, 46, 1, 87)],
                id="two-countries",
            ),
            pytest.param(
                "President-elect Jane Doe spoke. President Jane Doe left. President Jane Doe sat.",
                [(1, 1, 1, 25)],
                id="elect-beside-plain",
            ),
            pytest.param(
                "Finance Minister Jane Doe spoke. Deputy Prime Minister Jane Doe left.", [], id="can-hold-both"
            ),
            pytest.param("Premier Jane Doe spoke. Prime Minister Jane Doe left.", [], id="equivalent"),
            pytest.param("Former President Jane Doe spoke. Prime Minister Jane Doe left.", [], id="former"),
            pytest.param("Opposition leader Jane Doe spoke. President Jane Doe left.", [], id="leader-is-generic"),
            pytest.param("President Doe spoke. Prime Minister Doe left.", [], id="short-names-unresolved"),
        ],
    )
    def test_conflicting_titles(self, text, expected):
        """Only titles no one holds together conflict; generic words and "former" never do."""
        assert at(text, "NL305") == expected

    def test_message_points_to_the_other_mention(self):
        text = "Prime Minister Jane Doe spoke.\nPresident Jane Doe left.\nPrime Minister Jane Doe sat.\n"
        (d,) = check(text, ["NL305"])
        assert d.message == 'Jane Doe is called "President" here and "Prime Minister" at line 1'


ARTICLE = (
    "TOKYO (AP) - Japan will host South Korea's president on Tuesday in a summit meant to stabilize ties "
    "between the two neighbours.\n"
)


class TestHeadline:
    """NL310-NL312: the headline's place, repetition and full stop."""

    HEAD = "Japan will host summit with South Korea to bolster ties"

    def test_headline_after_body(self):
        """A title-like line after the lede, followed by body text, is reported at its line."""
        text = f"{ARTICLE}{self.HEAD}\n{ARTICLE}{BODY}\n"
        (d,) = check(text, ["NL310"])
        assert (d.line, d.column, d.end_line, d.end_column) == (2, 1, 2, 56)
        assert "after the body text of line 1" in d.message

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(f"{HEAD}\n\n{ARTICLE}\n{BODY}\n", id="headline-on-top"),
            pytest.param(f"{ARTICLE}{BODY}\n{BODY}\n", id="no-headline"),
            pytest.param(f"{HEAD}\n\nUpdated: 2026-01-13 19:58 GMT\n\n{ARTICLE}", id="headline-then-stamp"),
            pytest.param(f"{ARTICLE}What comes next?\n{BODY}\n", id="question-is-not-a-headline"),
            pytest.param(f"{ARTICLE}Photo by the ministry of defense\n{BODY}\n", id="unrelated-line"),
            pytest.param(f"{ARTICLE}", id="one-paragraph"),
        ],
    )
    def test_no_misplaced_headline(self, text):
        """A headline on top, no headline, questions and unrelated short lines are fine."""
        assert at(text, "NL310") == []

    def test_headline_repeated(self):
        """A body sentence that repeats the headline is reported; the headline itself is not."""
        text = f"{self.HEAD}\n\n{self.HEAD}. {ARTICLE}\n{BODY}\n"
        assert at(text, "NL311") == [(3, 1, 3, 57)]
        assert at(f"{self.HEAD}\n\n{ARTICLE}\n{BODY}\n", "NL311") == []

    def test_whole_paragraph_copy_left_to_nl501(self):
        """A paragraph that only repeats the headline is NL501's finding when NL501 runs."""
        text = f"{self.HEAD}\n\n{self.HEAD}\n\n{ARTICLE}\n{BODY}\n"
        assert positions(text, select=["NL311", "NL501"]) == [(3, 1, 3, 56)]
        assert [d.code for d in check(text, ["NL311", "NL501"])] == ["NL501"]
        assert at(text, "NL311") == [(3, 1, 3, 56)]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                f"Japan Will Host Summit With South Korea.\n\n{ARTICLE}\n{BODY}\n", [(1, 40, 1, 41)], id="headline-case"
            ),
            pytest.param(
                f"Japan to host South Korean leader.\n{ARTICLE}{BODY}\n", [(1, 34, 1, 35)], id="dateline-follows"
            ),
            pytest.param(
                f"Japan to host South Korean leader.\n\nSouth Korea's leader will travel to Nara.\n{BODY}\n",
                [],
                id="short-lede",
            ),
            pytest.param(f"{ARTICLE}{BODY}\n", [], id="no-headline"),
        ],
    )
    def test_headline_full_stop(self, text, expected):
        """A full stop ends a headline only when headline case or a dateline says it is one."""
        assert at(text, "NL312") == expected

    def test_full_stop_fix_is_unsafe(self):
        (d,) = check(f"Japan Will Host Summit With South Korea.\n\n{ARTICLE}\n{BODY}\n", ["NL312"])
        assert d.fix == () and len(d.unsafe_fix) == 1 and d.unsafe_fix[0].replacement == ""


def _source(tmp_path: Path, body: str) -> PackSource:
    path = tmp_path / "people.toml"
    path.write_text('[pack]\nkind = "offices"\nschema = 1\n\n' + body, encoding="utf-8")
    return PackSource(path, tomllib.loads(path.read_text(encoding="utf-8")), bundled=False)


TERM = '[[term]]\nperson = "Jane Roe"\ncountry = "Japan"\noffice = "Foreign Minister"\n'


class TestOfficesPack:
    """The pack is validated key by key, and a newsroom pack adds people."""

    def test_bundled_pack_is_valid_and_pickles(self):
        """Every bundled term parses; the table crosses process boundaries."""
        table = Packs().load("offices", parse_offices)
        assert len(table.terms) > 60 and "Sanae Takaichi" in table.people
        assert pickle.loads(pickle.dumps(table)) == table

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            pytest.param(TERM, "term[0].start: missing required key", id="missing-start"),
            pytest.param(
                TERM + 'start = "2025-10-32"\n',
                "term[0].start: '2025-10-32' is a string; write the date as YYYY-MM-DD, unquoted",
                id="quoted-date",
            ),
            pytest.param(
                TERM + "start = 2025-10-21\nend = 2025-01-01\n",
                "term[0].end: 2025-01-01 is not after start 2025-10-21",
                id="end-before-start",
            ),
            pytest.param(
                TERM.replace("Foreign Minister", "Shogun") + "start = 2025-10-21\n",
                "term[0].office: unknown office 'Shogun'; declare it in a [[title]] table",
                id="unknown-office",
            ),
            pytest.param(
                '[[title]]\nname = "Mayor"\n', "title[0].forms: missing required key", id="title-without-forms"
            ),
            pytest.param(
                '[[country]]\nname = "Bank of Atlantis"\nforms = ["Bank of Atlantis"]\nother-titles = ["Doge"]\n',
                "country 'Bank of Atlantis'.other-titles: unknown title 'Doge'",
                id="unknown-other-title",
            ),
            pytest.param(
                '[[country]]\nname = "Atlantis"\nforms = ["Atlantis"]\nother-titles = ["Governor"]\n\n'
                '[[term]]\nperson = "Ana Roe"\ncountry = "Atlantis"\noffice = "President"\nstart = 2020-01-01\n\n'
                '[[term]]\nperson = "Ben Roe"\ncountry = "Atlantis"\noffice = "Prime Minister"\nstart = 2020-01-01\n',
                "country 'Atlantis'.other-titles: the body has several offices (President, Prime Minister); "
                "other-titles names one",
                id="other-title-of-several-offices",
            ),
        ],
    )
    def test_errors_name_file_and_key_path(self, tmp_path, body, message):
        """Errors read "file: key.path: reason"."""
        bundled = Packs().sources("offices")
        with pytest.raises(PackError) as err:
            parse_offices([*bundled, _source(tmp_path, body)])
        assert str(err.value) == f"{tmp_path / 'people.toml'}: {message}"

    def test_invalid_toml_date_is_reported_by_the_cli(self, tmp_path):
        """An impossible unquoted date stops the run with exit 2, naming the pack."""
        (tmp_path / "people.toml").write_text(
            '[pack]\nkind = "offices"\n\n' + TERM + "start = 2025-10-32\n", encoding="utf-8"
        )
        (tmp_path / "newslint.toml").write_text('packs = ["people.toml"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
        proc = run_cli("a.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert "people.toml" in proc.stderr.decode()

    def test_newsroom_pack_adds_a_person(self, tmp_path):
        """A pack listed in the config adds a person; the title rules then judge that person."""
        article = tmp_path / "a.txt"
        article.write_text("Former Defense Minister Shinjiro Koizumi inspected the base.\n", encoding="utf-8")
        (tmp_path / "newslint.toml").write_text('select = ["NL3"]\ndate = 2026-01-13\n', encoding="utf-8")
        assert run_cli("--format", "json", "a.txt", cwd=tmp_path).returncode == 0
        (tmp_path / "people.toml").write_text(
            '[pack]\nkind = "offices"\nschema = 1\n\n# Source: Kyodo, 2025-10-21\n[[term]]\n'
            'person = "Shinjiro Koizumi"\ncountry = "Japan"\noffice = "Defense Minister"\nstart = 2025-10-21\n',
            encoding="utf-8",
        )
        (tmp_path / "newslint.toml").write_text(
            'select = ["NL3"]\ndate = 2026-01-13\npacks = ["people.toml"]\n', encoding="utf-8"
        )
        proc = run_cli("--format", "json", "a.txt", cwd=tmp_path)
        (found,) = json.loads(proc.stdout)
        assert (found["code"], found["line"], found["column"], found["category"]) == ("NL302", 1, 1, "title")
        assert "Shinjiro Koizumi has been Japanese Defense Minister since 2025-10-21" in found["message"]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_body_whose_name_is_possessive_is_matched_whole(apostrophe):
    """ "People's Bank of China Governor" names the bank's governor, not a "China Governor": a possessive inside
    a body's own name does not end the match (a possessive before a title, "Trump's Secretary", still does)."""
    line = f"People{apostrophe}s Bank of China Governor {{}} said policy would stay loose.\n"
    assert check(line.format("Yi Gang"), select=["NL3"], date=dt.date(2021, 5, 4)) == []
    [d] = check(line.format("Zhou Xiaochuan"), select=["NL3"], date=dt.date(2021, 5, 4))
    assert d.code == "NL303" and "People's Bank of China Governor" in d.message


def test_particles_do_not_count_towards_a_names_length():
    """ "Mohamed Abu al-Qasim al-Zwai" is four name words; the particles "al" do not end the name early."""
    text = (
        "Libya's congress meets\n\nUpdated 9:00 AM GMT, March 2, 2012\n\n"
        "TRIPOLI (AP) — Libyan General People's Congress Secretary-General Mohamed Abu al-Qasim al-Zwai opened "
        "the session on Friday.\n"
    )
    (d,) = check(text, ["NL303"])
    assert "Mohamed Abu al-Qasim al-Zwai left office" in d.message
    assert text[d.start : d.end].endswith("al-Zwai")
