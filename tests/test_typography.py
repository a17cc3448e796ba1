"""NL610-NL613 typography: quote style, dash style by role, unbalanced quotes and brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import ConfigError
from newslint.fix.fixes import apply_fixes
from newslint.model.document import Document
from newslint.testing import check, positions

CLEAN = Path(__file__).parent / "data" / "clean"
SEEDS = Path(__file__).parent.parent / "seeds"


class TestMixedQuoteStyle:
    def test_minority_curly_apostrophe(self):
        """One curly apostrophe among straight ones: it is reported, with a safe fix."""
        text = "Japan\u2019s leader met Lee. Japan's minister said Seoul's envoy and Tokyo's mayor agreed it's time."
        diags = check(text, ["NL610"])
        assert [(d.line, d.column, d.end_column) for d in diags] == [(1, 6, 7)]
        assert diags[0].fix[0].replacement == "'"
        assert "apostrophes and single quotes are straight 4 times to 1" in diags[0].message

    def test_minority_straight_gets_unsafe_curly_fix(self):
        """Straight marks among curly ones get an opening or closing curly mark as an unsafe fix."""
        text = (
            "\u201cWe won,\u201d she said. \u201cNow we rest,\u201d he said. "
            '\u201cSoon,\u201d they said. It\u2019s over, and "we" know it.'
        )
        (diag,) = check(text, ["NL610"])
        assert [e.replacement for e in diag.unsafe_fix] == ["\u201c", "\u201d"] and diag.fix == ()

    def test_near_tie_is_silent(self):
        """A tie or near tie says nothing about the article's style: only a clear minority is flagged."""
        assert check("It's done. It\u2019s over. She's back.", ["NL610"]) == []

    def test_families_counted_apart(self):
        """Curly double quotes with straight apostrophes is a consistent style, not a mix."""
        text = "\u201cIt's late,\u201d the mayor said. \u201cWe're ready,\u201d she added. \u201cDon't wait.\u201d"
        assert check(text, ["NL610"]) == []

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("He is 6'2\" tall and it\u2019s true.", id="primes-after-digits"),
            pytest.param("See https://example.com/it's-here and it\u2019s fine.", id="url"),
            pytest.param("It\u2019s \u201cfine\u201d, they\u2019re sure.", id="all-curly"),
            pytest.param("It's \"fine\", they're sure.", id="all-straight"),
        ],
    )
    def test_consistent_or_primes_silent(self, text):
        """Consistent marks, primes and URLs are not reported."""
        assert check(text, ["NL610"]) == []

    def test_house_style(self):
        """quote-style = "curly" reports every straight mark, even when they are the majority: one finding
        per paragraph, its unsafe fix curling all of them."""
        diags = check("It's \"fine\".\n\nThe mayor's aide agreed.\n", ["NL610"], overrides={"quote-style": "curly"})
        assert [d.line for d in diags] == [1, 3] and "quote-style" in diags[0].message
        assert [e.replacement for e in diags[0].unsafe_fix] == ["\u2019", "\u201c", "\u201d"]


class TestMixedDashStyle:
    def test_seed_002_datelines(self):
        """Seed 002: 'TOKYO (AP) –' then 'TOKYO (AP) -'; the later one is reported, at the hyphen."""
        text = (SEEDS / "002_566b46e06db8f717.txt").read_text(encoding="utf-8")
        diags = check(text, ["NL611"])
        assert [(d.line, d.column, d.end_column) for d in diags] == [(3, 12, 13)]
        assert "en dash" in diags[0].message and diags[0].fix[0].replacement == "\u2013"

    def test_parenthetical_minority(self):
        """Spaced hyphens among spaced em dashes are reported."""
        text = "The vote \u2014 the first \u2014 passed, and the bill \u2014 a long one \u2014 went on - as expected."
        col = text.index(" - ") + 2
        assert positions(text, select=["NL611"]) == [(1, col, 1, col + 1)]

    def test_unspaced_em_against_spaced_en(self):
        """An unspaced em dash and a spaced en dash are different forms of the same role."""
        text = (
            "The plan\u2014costly\u2014was dropped. The vote \u2013 late \u2013 failed. A new plan\u2014cheaper\u2014came. "
            "The mayor\u2014tired\u2014left. Her aide\u2014silent\u2014stayed."
        )
        (diag,) = check(text, ["NL611"])  # the two dashes of one aside: one finding over both
        assert (diag.start, diag.end) == (text.index("\u2013"), text.rindex("\u2013") + 1)
        assert diag.message.startswith("2 parenthetical dashes in one paragraph are spaced en dashes")
        assert diag.fix == ()  # the spacing changes too: left to the editor

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "Japan\u2013South Korea ties, 1910\u20131945, won 3 - 1 and lost 10 - 2 \u2014 badly.",
                id="ranges-and-compounds",
            ),
            pytest.param(
                "WASHINGTON (AP) \u2014 The vote \u2014 the first \u2014 passed.", id="dateline-is-its-own-role"
            ),
            pytest.param("SEOUL, Jan. 13 (Yonhap) -- The talks ended -- for now.", id="yonhap-double-hyphen"),
            pytest.param("The state-of-the-art plan - costly - was dropped - again.", id="hyphenated-words"),
        ],
    )
    def test_consistent_silent(self, text):
        """Ranges, compounds, hyphenated words and one form per role are not reported."""
        assert check(text, ["NL611"]) == []

    def test_house_dash(self):
        """dash-style = "spaced-en" reports spaced em dashes: one finding per paragraph, one fix for both."""
        (diag,) = check("The vote \u2014 late \u2014 failed.", ["NL611"], overrides={"dash-style": "spaced-en"})
        assert (diag.column, diag.end_column) == (10, 18)
        assert [(e.column, e.replacement) for e in diag.fix] == [(10, "\u2013"), (17, "\u2013")]

    def test_house_dash_rejects_unknown(self):
        """An unknown dash-style name is a config error listing the choices."""
        with pytest.raises(ConfigError, match="spaced-em"):
            check("x", ["NL611"], overrides={"dash-style": "long"})


class TestUnbalancedQuotes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param('"We will rebuild the bridge, the mayor said on Monday.\n', [(1, 1, 1, 2)], id="never-closed"),
            pytest.param(
                "\u201cWe will rebuild,\u201d she said. \u201cIt will take time.\n", [(1, 30, 1, 31)], id="curly-open"
            ),
            pytest.param('The mayor said the bridge would reopen."\n', [(1, 40, 1, 41)], id="stray-close"),
            pytest.param('He said "soon and she said "never".\n', [(1, 9, 1, 10)], id="second-opener-mid-sentence"),
            pytest.param(
                '"First open.\n\nNo opening here, so the first stays open."\n', [(1, 1, 1, 2)], id="reported-once"
            ),
        ],
    )
    def test_reported(self, text, expected):
        """Unclosed openers and stray closers are reported at the mark."""
        assert positions(text, select=["NL612"]) == expected

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                '"We will fight.\n\n"We will win.\n\n"We will never surrender," he said.\n',
                id="multi-paragraph-quotation",
            ),
            pytest.param('"We will fight. We will win. "We will never surrender," he said.\n', id="joined-paragraphs"),
            pytest.param(
                'The board is not interested in"kicking it". He is 6\' 2" tall.\n', id="missing-space-and-inches"
            ),
            pytest.param("\u201cYes,\u201d he said, \u201cthe \u2018deal\u2019 is done.\u201d\n", id="nested-single"),
        ],
    )
    def test_silent(self, text):
        """Multi-paragraph quotations, joined paragraphs and inch marks are not reported."""
        assert check(text, ["NL612"]) == []


class TestUnbalancedBrackets:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("The agency (which has 40 staff said the report was late.", [(1, 12, 1, 13)], id="unclosed"),
            pytest.param("The agency said the report was late).", [(1, 36, 1, 37)], id="stray-close"),
            pytest.param("The storm (and the flood] hit hard.", [(1, 11, 1, 26)], id="wrong-kind"),
        ],
    )
    def test_reported(self, text, expected):
        """Unclosed, stray and mismatched brackets are reported."""
        assert positions(text, select=["NL613"]) == expected

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("He said 1) the bill passes and 2) it is signed; a) yes b) no.", id="enumerators"),
            pytest.param("See https://en.wikipedia.org/wiki/Nara_(city) for more (and [this]).", id="url-and-nesting"),
            pytest.param("The vote (see figure b) passed.", id="letter-inside-brackets"),
        ],
    )
    def test_silent(self, text):
        """Enumerators, URLs and nested pairs are not reported."""
        assert check(text, ["NL613"]) == []


class TestDocumentQuotations:
    def test_quotations_view(self):
        """Document.quotations pairs double and single quotes, and marks continued paragraphs."""
        doc = Document('He said "we will win" today.\n\n"Open para.\n\n"Closed."\n\nThe players\' union said \'no\'.\n')
        spans = [(doc.text[q.start : q.end], q.closed, q.continued) for q in doc.quotations]
        assert spans == [
            ('"we will win"', True, False),
            ('"Open para.', False, True),
            ('"Closed."', True, False),
            ("'no'", True, False),
        ]
        assert doc.is_quoted(doc.text.index("win")) and not doc.is_quoted(doc.text.index("union"))


@pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.glob("*.txt")))
def test_agency_prose_is_silent(name):
    """Clean prose in each agency's style raises no typography finding."""
    assert check((CLEAN / name).read_text(encoding="utf-8"), ["NL61"]) == []


class TestVoiceOnly:
    """NL610-NL613 count and check only the article's own voice."""

    def test_code_and_tweets_do_not_vote_on_quotes(self):
        text = (
            "The team\u2019s new parser is \u201cfast enough\u201d, its author says, and it\u2019s free.\n\n"
            '<div class="note" data-id="7"><span title="x">hi</span></div>\n\n'
            "can't believe it's finally out, it's great pic.twitter.com/Zx9Yw8Vu\n\n"
            "The project\u2019s next release is due in May, and it\u2019s already \u201cfeature complete\u201d.\n"
        )
        assert check(text, ["NL610", "NL612"]) == []

    def test_stray_mark_in_prose_still_fires(self):
        text = (
            "The city\u2019s budget rose. The mayor\u2019s office said it\u2019s \u201cneeded\u201d.\n\n"
            "The council\u2019s vote is due. Its chair\u2019s view is \u201cpositive\u201d, and it's close.\n"
        )
        assert [d.line for d in check(text, ["NL610"])] == [3]

    def test_separators_and_sql_dashes_are_not_parenthetical(self):
        text = (
            "The tour\u2014six cities in all\u2014starts in spring. Tickets\u2014cheaper this year\u2014sell fast.\n\n"
            "Boston \u2013 Friday, March 3\n\nChicago \u2013 Sunday, March 5\n\nDenver \u2013 Tuesday, March 7\n\n"
            "SELECT city FROM tour -- only the spring dates\n"
        )
        assert check(text, ["NL611"]) == []

    def test_minority_dash_in_prose_still_fires(self):
        text = (
            "The tour\u2014six cities in all\u2014starts in spring. Tickets\u2014cheaper this year\u2014sell fast.\n\n"
            "The band\u2014now a trio\u2014will play new songs. The venue - a former mill - holds 900.\n"
        )
        assert [d.line for d in check(text, ["NL611"])] == [3]

    def test_code_listing_brackets_and_quotes_are_silent(self):
        text = (
            "The loader fits in a few lines:\n\n"
            "const wasm = load('add.wasm').then(({ instance }) => {\n\n"
            'console.log(instance.exports.add(40, 2), "done");\n\n'
            "});\n\n"
            "Running it prints 42, as expected.\n"
        )
        assert check(text, ["NL612", "NL613"]) == []

    def test_unclosed_bracket_in_prose_still_fires(self):
        text = "The agency (which has 40 staff said the report was late.\n"
        assert [d.code for d in check(text, ["NL613"])] == ["NL613"]

    def test_aside_broken_over_lines_is_silent(self):
        text = (
            "You can also copy a request before sending it.\n\n"
            "(This is not the same as cloning it, which the next\n\n"
            "section covers in detail.)\n"
        )
        assert check(text, ["NL613"]) == []

    def test_closers_used_as_list_markers_are_silent(self):
        text = "Scopes grant these rights: 'all') any request, 'read') any GET request, 'write') any PUT request.\n"
        assert check(text, ["NL613"]) == []

    def test_closer_far_from_its_opener_still_fires(self):
        text = (
            "The agency (which has 40 staff said the report was late.\n\n"
            "Officials declined to comment.\n\n"
            "A spokesman said more would follow.\n\n"
            "The minister will visit on Monday.)\n"
        )
        assert [d.line for d in check(text, ["NL613"])] == [1, 7]

    def test_quote_after_comma_without_space_opens(self):
        """A quotation that lost the space before it ("replied,"No.") is still paired."""
        text = 'Asked again, the clerk replied,"I would rather not." Then he went home.\n'
        assert check(text, ["NL612"]) == []

    def test_quote_mark_named_as_a_character_is_silent(self):
        text = 'Version strings must appear inside double quotes ("). Other values need none.\n'
        assert check(text, ["NL612"]) == []


class TestOneFindingPerDefect:
    """NL610 and NL612 report a defect once, with one fix covering all of its marks."""

    FLOOD_WALL = (
        "Riverside council approved a new flood wall on Tuesday after months of debate. "
        "The mayor's office said work would start in March.\n\n"
        '"We\'ve waited long enough," said councillor Dana Whitby, who chairs the works committee. '
        '"The river doesn\'t wait for budgets."\n\n'
        "Residents' groups had pushed for the wall since the 2019 floods, when the town's lower streets "
        "were under water for a week.\n\n"
        "The engineers\u2019 report called the old embankment \u201cunfit for purpose\u201d and said it could "
        "fail in a one-in-50-year flood.\n\n"
        "The wall will cost $4.2m. The state's share is still being negotiated, and the council's finance "
        'chief said it\'s "likely but not certain."\n'
    )

    def test_pasted_paragraph_is_one_finding(self):
        """A paragraph pasted with curly marks into a straight article: one finding over its marks,
        one safe fix that leaves the article consistent."""
        (diag,) = check(self.FLOOD_WALL, ["NL610"])
        start = self.FLOOD_WALL.index("\u2019")
        assert (diag.line, diag.start, diag.end) == (7, start, self.FLOOD_WALL.index("\u201d") + 1)
        assert diag.message.startswith("2 curly double quotes \u201c \u201d and a curly apostrophe")
        assert "double quotes are straight 6 times to 2" in diag.message
        assert "its apostrophes and single quotes are straight 8 times to 1" in diag.message
        fixed, applied = apply_fixes(self.FLOOD_WALL, [diag.fix])
        assert applied == 1 and "\u2019" not in fixed and "\u201c" not in fixed
        assert check(fixed, ["NL610"]) == []

    def test_strays_in_two_paragraphs_are_two_findings(self):
        """Each paragraph holding a stray mark is its own finding; a lone mark keeps the one-mark message."""
        text = self.FLOOD_WALL.replace("\u201cunfit for purpose\u201d", '"unfit for purpose"').replace(
            "The mayor's office", "The mayor\u2019s office"
        )
        diags = check(text, ["NL610"])
        assert [(d.line, d.end - d.start) for d in diags] == [(1, 1), (7, 1)]
        assert diags[0].message == (
            "Curly apostrophe or single quote \u2019; the article's apostrophes and single quotes are straight 7 times to 2"
        )

    def test_mixed_directions_make_the_fix_unsafe(self):
        """One paragraph with a straight double quote (the article curls them) and a curly apostrophe
        (it keeps them straight): one finding, and its fix is unsafe because it curls a mark."""
        text = (
            "\u201cThe ferry runs at dawn,\u201d the harbourmaster said. \u201cIt's the only one.\u201d\n\n"
            "\u201cWe sell out by six,\u201d a ticket clerk said. \u201cThat's every day in summer.\u201d\n\n"
            "The island's school, shop and surgery depend on it, and so does the island's only doctor.\n\n"
            'Nobody\u2019s sure the "winter timetable" will hold.\n'
        )
        (diag,) = check(text, ["NL610"])
        assert diag.line == 7 and diag.fix == ()
        assert sorted(e.replacement for e in diag.unsafe_fix) == ["'", "\u201c", "\u201d"]

    def test_nested_double_quotes_are_one_finding_at_the_inner_quotation(self):
        """Double marks inside a double-quoted speech: the inner quotation is reported once (not the outer
        opener and the last closer), with single marks as an unsafe fix."""
        text = (
            "\u201cThe board met twice,\u201d the chair said. \u201cBoth times it kept the \u201copen door\u201d "
            "policy, and both times the vote was close.\u201d\n"
        )
        (diag,) = check(text, ["NL612"])
        assert (diag.start, diag.end) == (text.index("\u201copen"), text.index("door\u201d") + 5)
        assert "inner quotation takes single marks" in diag.message and diag.fix == ()
        fixed, _ = apply_fixes(text, [diag.unsafe_fix])
        assert "the \u2018open door\u2019 policy" in fixed and check(fixed, ["NL612"]) == []

    def test_two_inner_quotations_in_a_reference_title(self):
        """Two straight inner pairs in a quoted reference title: one finding covering both."""
        text = (
            "The review was widely cited.\n\n"
            '^ Okafor, Lena (2021). "Why "Net Zero" and "Carbon Neutral" Keep Slipping". Harbour Weekly. '
            "Retrieved 3 May 2022.\n"
        )
        (diag,) = check(text, ["NL612"])
        assert text[diag.start : diag.end] == '"Net Zero" and "Carbon Neutral"'
        assert [e.replacement for e in diag.unsafe_fix] == ["'"] * 4

    def test_double_single_double_alternation_is_silent(self):
        """A single-quoted level between the double ones is the right alternation, not a nesting error."""
        text = (
            "The rescue made headlines abroad.\n\n"
            '^ Brandt, Ola (2020). "\'We Called It "Plan B"\': Inside the Harbour Rescue". Coastal Times. '
            "Retrieved 2 June 2020.\n"
        )
        assert check(text, ["NL612"]) == []

    def test_dashes_of_one_aside_are_one_finding_with_one_fix(self):
        """An aside set off with spaced en dashes in an article of spaced em dashes: one finding, and one
        safe fix changing both dashes (the spacing stays)."""
        text = (
            "The ferry \u2014 the last of the day \u2014 left late. Its captain \u2014 a local man \u2014 apologised. "
            "The harbour \u2014 busy in summer \u2014 was quiet.\n\n"
            "The crossing \u2013 two hours in calm seas \u2013 took four.\n"
        )
        (diag,) = check(text, ["NL611"])
        assert diag.line == 3 and text[diag.start : diag.end] == "\u2013 two hours in calm seas \u2013"
        assert "(6 to 2)" in diag.message
        fixed, _ = apply_fixes(text, [diag.fix])
        assert "crossing \u2014 two hours in calm seas \u2014 took" in fixed and check(fixed, ["NL611"]) == []


class TestPageOfSeveralArticles:
    """A digest holds several writers' articles: each keeps its own dash and quote habits."""

    FIRST = (
        "The harbour board voted on Tuesday to replace the swing bridge \u2014 stuck open twice \u2014 with a new span.",
        "Engineers said the gears were worn \u2014 beyond repair, in their words \u2014 and no spare parts are made.",
        "The new bridge should take about eighteen months to build, the board said in a statement.",
        "Boat owners asked for a temporary crossing during the works, and the board promised a plan in May.",
    )
    SECOND = (
        "The town's library reopened on Saturday after a year of repairs\u2014and a new roof\u2014paid for by a levy.",
        "Readers queued from early morning, and the first loans were made before nine o'clock.",
        "The librarian said the children's room\u2014the largest in the county\u2014would open in June.",
        "Volunteers moved forty thousand books back onto the shelves over three weekends\u2014a record.",
        "The council will decide next month whether to keep the longer weekend opening hours.",
    )

    def digest(self) -> str:
        parts = ["Harbour to replace its swing bridge", "By Mara Lindqvist", *self.FIRST]
        parts += ["Library reopens after a year", "By Tomas Ekholm", *self.SECOND]
        return "\n\n".join(parts) + "\n"

    def test_each_article_keeps_its_own_dashes(self):
        """Four spaced em dashes in one writer's article, five unspaced in the other's: no mix in either."""
        assert check(self.digest(), select=["NL611"]) == []

    def test_one_article_with_both_forms_is_still_flagged(self):
        """Under one byline the same writer's habits are one article's: two spaced em dashes among seven unspaced."""
        roof = "The roof\u2014slate from the old quarry\u2014was laid in the spring."
        text = "\n\n".join(["Library news", "By Mara Lindqvist", *self.SECOND, roof, self.FIRST[1]]) + "\n"
        found = check(text, select=["NL611"])
        assert [d.line for d in found] == [17]
        assert "unspaced em dash (7 to 2)" in found[0].message

    def test_a_byline_under_the_headline_starts_nothing(self):
        """The page's own byline, above the first paragraph, is not a second article."""
        from newslint.model.articles import article_starts

        doc = Document(self.digest())
        assert [doc.position(s)[0] for s in article_starts(doc)] == [1, 15]
        lone = Document("\n\n".join(["Library reopens after a year", "By Tomas Ekholm", *self.SECOND]) + "\n")
        assert article_starts(lone) == [0]


def test_spelling_variety_is_counted_per_article():
    """A British writer's article and an American writer's on one page: no mix in either; one article mixing
    the two is still flagged."""
    british = [
        "The council's defence of the harbour plan drew criticism from the neighbour towns.",
        "Its favourite option, a new breakwater, would take a year of labour to build.",
        "The harbour master said the colour of the new lights had been chosen with care.",
        "Fishermen organised a meeting to discuss the plan on Thursday evening.",
    ]
    american = [
        "The city's defense of its parking plan drew criticism from neighbor towns.",
        "Its favorite option, a new garage, would take a year of labor to build.",
        "Officials said the color of the new signs had been chosen with care.",
    ]
    page = "\n\n".join(["Harbour plan", "By Mara Lindqvist", *british, "Parking plan", "By Tom Roe", *american])
    assert check(page + "\n", select=["NL601"]) == []
    one = "\n\n".join(["Harbour and parking plans", "By Mara Lindqvist", *british, american[0]])
    assert [d.line for d in check(one + "\n", select=["NL601"])] == [13, 13]  # "defense", "neighbor"
