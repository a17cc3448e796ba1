"""NL5xx structure rules, on broken text and as hard on clean text."""

from __future__ import annotations

import pytest

from newslint.checks.structure.structure import repair_mojibake
from newslint.testing import check, positions

LEDE = "Officials said the bridge would reopen on Friday."  # 49 code points
STRAIGHT = 'The mayor said "we will rebuild it" on Monday.'
CURLY = "The mayor said \u201cwe will rebuild it\u201d on Monday."
KO = "서울시는 금요일에 다리를 다시 연다고 밝혔다."  # 25 code points


class TestDuplicateParagraph:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(f"{LEDE}\n\nTraffic was diverted.\n\n{LEDE}\n", [(5, 1, 5, 50)], id="verbatim-repeat"),
            pytest.param(f"{LEDE}\r\n\r\n{LEDE}\r\n", [(3, 1, 3, 50)], id="crlf"),
            pytest.param(f"{STRAIGHT}\n\n{CURLY}\n", [(3, 1, 3, 47)], id="quotes-fold"),
            pytest.param(f"{KO}\n\n{KO}\n", [(3, 1, 3, 26)], id="hangul-code-points"),
            pytest.param(f"{LEDE}\n\n{LEDE.replace('Friday', 'Saturday')}\n", [], id="one-word-differs"),
            pytest.param("Read more.\n\nRead more.\n", [], id="short-repeat-skipped"),
            pytest.param(f"{LEDE} Traffic was diverted.\n{LEDE}\n", [(2, 1, 2, 50)], id="sentence-of-a-paragraph"),
        ],
    )
    def test_positions(self, text, expected):
        assert positions(text, select=["NL501"]) == expected

    def test_teaser_spanning_two_lines_is_reported_once_at_the_teaser(self):
        """A stand-alone teaser repeating text that runs across lines 3-4 is the copy."""
        first = "TOKYO (AP) \u2013 Leaders will meet on Tuesday as Japan\u2019s worries grow."
        second = "The meeting is part of a swirl of diplomatic activity."
        text = f"{first} {second}\nHeadline without a stop\n{first.replace(chr(0x2013), '-')}\n{second} More news follows here.\n"
        (diag,) = check(text, select=["NL501", "NL502"])
        assert (diag.code, diag.line, diag.column, diag.message) == ("NL501", 1, 1, "Paragraph repeats lines 3-4")


class TestDuplicateSentence:
    def test_long_sentence_repeated_in_another_paragraph(self):
        """A six-word sentence repeated elsewhere is reported at the later copy."""
        s = "The council approved the budget on Monday."
        text = f"{s} It now goes to the mayor.\n\nOpposition members walked out. {s}\n"
        assert positions(text, select=["NL502"]) == [(3, 32, 3, 74)]

    def test_a_pasted_run_of_sentences_is_one_finding(self):
        """Two sentences pasted together into a later paragraph are one defect, one finding over both."""
        a = "Engineers found cracks in two of the bridge's steel cables during the spring inspection."
        b = "The county closed the bridge to lorries the same afternoon and posted diversions."
        text = f"{a} {b} Cars may still cross.\n\nDrivers were angry on Tuesday. {a} {b}\n"
        [d] = check(text, select=["NL502"])
        start = len("Drivers were angry on Tuesday. ") + 1
        assert (d.line, d.column, d.end_line, d.end_column) == (3, start, 3, start + len(f"{a} {b}"))
        assert d.message == "2 sentences repeat line 1" and d.suggestion == "Delete the repeated sentences"

    def test_repeats_of_two_places_stay_two_findings(self):
        a = "Engineers found cracks in two of the bridge's steel cables during the spring inspection."
        b = "The county closed the bridge to lorries the same afternoon and posted diversions."
        text = f"{a} Repairs begin in May.\n\n{b} Cars may still cross.\n\nOfficials spoke on Tuesday. {a} {b}\n"
        assert [d.message for d in check(text, select=["NL502"])] == [
            "Sentence repeats line 1",
            "Sentence repeats line 3",
        ]

    def test_sentences_of_a_template_in_three_entries_are_not_repeats(self):
        """Each entry of a roundup carries the same stock sentences: a repeating structure, not a paste."""
        stock = (
            "Every model on this list ships with a two-year warranty and free returns within 30 days. "
            "Prices were checked on the morning of publication and may have changed since."
        )
        entries = [
            "The Larkspur 2 is the quietest fan we tested, at 31 decibels on its lowest setting.",
            "The Breezeline Tower moves the most air for its size, though its remote feels cheap.",
            "The Halden Mini is the pick for a desk, small enough to sit beside a monitor.",
        ]
        text = "Our picks for the summer.\n\n" + "\n\n".join(f"{e} {stock}" for e in entries) + "\n"
        assert check(text, select=["NL502"]) == []
        # The same stock sentences in two entries only still read as a paste.
        two = "Our picks for the summer.\n\n" + "\n\n".join(f"{e} {stock}" for e in entries[:2]) + "\n"
        assert [d.message for d in check(two, select=["NL502"])] == ["2 sentences repeat line 3"]

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("He said no. She left.\n\nHe said no. They stayed.\n", id="short-sentences"),
            pytest.param(
                "The council approved the budget on Monday. The council approved the budget on Monday.\n",
                id="same-paragraph",
            ),
        ],
    )
    def test_not_reported(self, text):
        assert check(text, select=["NL502"]) == []


class TestWhitespace:
    def test_whitespace_only_lines(self):
        """Lines of only no-break spaces, spaces or tabs; empty lines are fine."""
        text = "Text.\n\u00a0\n\n \t\nMore.\n"
        assert positions(text, select=["NL510"]) == [(2, 1, 2, 2), (4, 1, 4, 3)]

    def test_whitespace_only_fix_empties_line(self):
        (diag,) = check("a\n\u00a0\nb\n", select=["NL510"])
        assert [(e.start, e.end, e.replacement) for e in diag.fix] == [(2, 3, "")]

    def test_trailing_blank_lines(self):
        """Blank lines after the text are one finding; a single final newline is not."""
        assert positions("Text.\n\n\n\n", select=["NL511"]) == [(2, 1, 5, 1)]
        assert positions("Text.\n", select=["NL511"]) == []
        assert positions("Text.", select=["NL511"]) == []
        assert positions("Text.\r\n\r\n", select=["NL511"]) == [(2, 1, 3, 1)]

    def test_trailing_whitespace(self):
        """Trailing spaces are reported, but two spaces in Markdown are a line break."""
        assert positions("Text.  \nMore.\t\n", select=["NL512"]) == [(1, 6, 1, 8), (2, 6, 2, 7)]
        from newslint import lint_text

        md = lint_text("Line one  \nLine two\n", "a.md", select=["NL512"], isolated=True, entry_points=False)
        assert md == []

    def test_invisible_characters(self):
        """ZWSP, word joiner, soft hyphen, mid-text BOM; not ZWJ/ZWNJ used by scripts and emoji."""
        text = "Taka\u00adichi met\u200b Lee.\nمی\u200cخواهم 👩\u200d💻\n"
        assert positions(text, select=["NL513"]) == [(1, 5, 1, 6), (1, 14, 1, 15)]


class TestEncodingDamage:
    @pytest.mark.parametrize(
        ("broken", "fixed"),
        [("Japanâ€™s", "Japan’s"), ("cafÃ©", "café"), ("â€œquotedâ€\x9d", "“quoted”"), ("Ã¼ber", "über"), ("â€”", "—")],
    )
    def test_mojibake_repairs(self, broken, fixed):
        """Runs repair exactly back to the UTF-8 text."""
        new = broken
        for diag in reversed(check(broken, select=["NL520"])):
            (edit,) = diag.fix
            new = new[: edit.start] + edit.replacement + new[edit.end :]
        assert new == fixed

    @pytest.mark.parametrize(
        "text",
        [
            "São Paulo",
            "Ça va, «café»",
            "naïve façade à la carte",
            "Zürich, Århus, Ærø",
            "Ñandú",
            "C’est déjà l’été",
            "© 2026 ±5 °C ¿Qué?",
        ],
    )
    def test_real_accented_text_is_not_mojibake(self, text):
        assert check(text, select=["NL520"]) == []
        assert repair_mojibake(text) is None

    @pytest.mark.parametrize(
        ("broken", "fixed"),
        [
            pytest.param("The harbour\u00e2\u0080\u0099s pier", "The harbour\u2019s pier", id="latin1-c1-controls"),
            pytest.param("a caf\u00c3\u0192\u00c2\u00a9 by the quay", "a caf\u00e9 by the quay", id="double-double"),
            pytest.param(
                "R\u00c3\u0192\u00c2\u00a9sum\u00c3\u0192\u00c2\u00a9 sent",
                "R\u00e9sum\u00e9 sent",
                id="two-double-runs",
            ),
            pytest.param(
                "the \u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2 mark",
                "the \u2019 mark",
                id="curly-apostrophe-twice",
            ),
        ],
    )
    def test_layers_are_repaired_fully_and_the_result_is_clean(self, broken, fixed):
        """Latin-1 (C1) and several layers of cp1252 decoding repair to the original, with nothing left."""
        diags = check(broken, select=["NL520"])
        assert diags and all(d.fix for d in diags)
        new = broken
        for diag in reversed(diags):
            (edit,) = diag.fix
            new = new[: edit.start] + edit.replacement + new[edit.end :]
        assert new == fixed
        assert check(new, select=["NL520"]) == []

    def test_no_fix_when_the_repair_is_not_clean(self):
        """A run that undoes to a C1 control is reported, but no fix is offered."""
        (diag,) = check("The line \u00c2\u2026 broke here.", select=["NL520"])  # "Â…": a C1 control inside
        assert diag.fix == () and diag.unsafe_fix == ()
        assert "does not repair cleanly" in diag.message

    def test_replacement_character(self):
        assert positions("The caf\ufffd\ufffd reopened.", select=["NL521"]) == [(1, 8, 1, 10)]


class TestDuplicatesInStructure:
    """NL501/NL502 report repeated prose and adjacent copies, not lines recurring in a structure."""

    CONTENTS = (
        "Small towns across the region are losing their last bank branches, and residents say they feel it.\n\n"
        "In this story\n\nWhy branches close\n\nWhat residents lose\n\nWhat comes next\n\n"
        "Why branches close\n\n"
        "Banks say fewer customers walk in each year, and that the buildings cost more than they earn.\n\n"
        "What residents lose\n\n"
        "Older customers say they cannot manage their accounts on a phone and now drive an hour to a teller.\n"
    )

    def test_contents_entries_repeating_subheads_are_silent(self):
        assert check(self.CONTENTS, ["NL501", "NL502"]) == []

    def test_credits_and_references_are_silent(self):
        text = (
            "The exhibition opens on Friday with forty paintings from private collections.\n\n"
            "A harbour at dusk.\n\n(Photo: Lena Ortiz)\n\n"
            "The artist worked in the town for a decade before moving to the capital in later life.\n\n"
            "A street market.\n\n(Photo: Lena Ortiz)\n\n"
            '^ Hale, Tom (May 2019). "Painters of the coast". Art Quarterly Review. Retrieved 3 June 2020.\n\n'
            '^ Moss, Ian (June 2020). "Light and water". Art Quarterly Review. Retrieved 3 June 2021.\n'
        )
        assert check(text, ["NL501", "NL502"]) == []

    def test_shell_commands_repeated_in_parallel_steps_are_silent(self):
        text = (
            "First configure the server that will run the tests for the whole team.\n\n"
            "$ deploy --target staging --config ci.toml\n\n"
            "Then configure the machine that builds the nightly release for everyone.\n\n"
            "$ deploy --target staging --config ci.toml\n"
        )
        assert check(text, ["NL501", "NL502"]) == []

    def test_repeated_prose_paragraph_still_fires(self):
        text = (
            "The ferry service will resume on Thursday after a week of storms along the coast.\n\n"
            "Operators said the first crossing would leave at seven in the morning.\n\n"
            "Harbour staff worked through the weekend to repair the damaged pier.\n\n"
            "The ferry service will resume on Thursday after a week of storms along the coast.\n"
        )
        assert [(d.code, d.line) for d in check(text, ["NL501", "NL502"])] == [("NL501", 7)]

    def test_two_footnotes_citing_one_book_are_silent(self):
        """Side by side, two numbered notes may cite the same pages: deleting one would break the numbering."""
        note = "^ Hale, Tom (May 2019). Painters of the Coast. Harbour Press. p. 41. ISBN 978-1-5555-0101-3."
        text = f"The exhibition opens on Friday with forty paintings from private collections.\n\n{note}\n\n{note}\n"
        assert check(text, ["NL501", "NL502"]) == []

    def test_adjacent_short_copies_still_fire(self):
        text = "The market fell sharply on Monday.\n\nContinue reading the story\n\nContinue reading the story\n"
        assert [(d.code, d.line) for d in check(text, ["NL501"])] == [("NL501", 5)]

    def test_meta_description_copy_is_reported_not_the_lede(self):
        """A teaser repeating the lede word for word: the teaser, away from the prose, is reported."""
        lede = "Rail unions called off Friday's strike after a late offer from operators, ending a month of disruption."
        text = (
            f"{lede}\n\nRail strike called off\n\nBy Sam Patel\n\n{lede}\n\n"
            "The offer raises pay by four per cent this year and three per cent next year.\n"
        )
        diags = check(text, ["NL501", "NL502"])
        assert [(d.code, d.line) for d in diags] == [("NL501", 1)]
        assert diags[0].message == "Paragraph repeats line 7"

    def test_quotation_cited_again_is_silent(self):
        text = (
            'The minister wrote: "We will not raise fares this year, whatever the cost to the budget."\n\n'
            "Critics were quick to hold her to it.\n\n"
            'By March the promise read differently: "\u2026 We will not raise fares this year, whatever the cost to the budget."\n'
        )
        assert check(text, ["NL502"]) == []

    def test_line_under_every_product_card_is_silent(self):
        """A disclosure repeated under each card is the page's template, not a pasted copy."""
        note = "We may earn a commission when you buy through the links in this guide."
        cards = "".join(
            f"{name}\n\n{blurb}\n\n{note}\n\n"
            for name, blurb in (
                (
                    "Trailhead 40 backpack",
                    "A light pack with a stiff frame that carried twelve kilos without complaint.",
                ),
                ("Summit stove", "It boiled a litre of water in under four minutes at altitude during our test."),
                ("Ridge tent", "Two people fit inside, and the fly kept out a night of heavy rain in the hills."),
            )
        )
        text = "We tested a season's worth of camping kit so you do not have to.\n\n" + cards
        assert check(text, ["NL501", "NL502"]) == []

    def test_listicle_steps_repeated_apart_are_silent(self):
        text = (
            "Hotel staff shared a few habits they follow when travelling themselves.\n\n"
            "1. Check the room\n\nStrip the bed and look along the seams of the mattress before unpacking.\n\n"
            "2. Keep the bag off the floor\n\nUse the metal rack, and keep the case zipped for the whole stay.\n\n"
            "3. Check the room\n\nStrip the bed and look along the seams of the mattress before unpacking.\n"
        )
        found = check(text, ["NL501"])
        assert [d.line for d in found] == [13]  # the prose step is a paste; the numbered heads are not

    def test_publisher_repeated_across_reference_entries_is_silent(self):
        """The splitter cuts a citation after its title; the publisher then recurs in every entry."""
        text = (
            "The river has flooded the valley four times since records began in the 1860s.\n\n"
            '^ Reid, Ann (March 2009). "Floods of the north". The Regional Encyclopedia of River Valleys. '
            "Retrieved 4 May 2011.\n\n"
            '^ Tane, Rua (June 2010). "The 1936 flood". The Regional Encyclopedia of River Valleys. '
            "Retrieved 9 May 2011.\n"
        )
        assert check(text, ["NL501", "NL502"]) == []

    def test_meal_plan_entries_are_silent(self):
        text = (
            "A week of cheap dinners, planned around one big shop on Saturday morning.\n\n"
            "Monday\n\nLentil soup with crusty bread\n\nGreen salad\n\n"
            "Tuesday\n\nBaked potatoes with beans\n\nGreen salad\n\n"
            "Wednesday\n\nLentil soup with crusty bread\n\nFruit\n"
        )
        assert check(text, ["NL501", "NL502"]) == []
