"""NL2xx on clean article text: the article's own structure is not page chrome.

Each article here is edited text an editor would keep whole: an encyclopedia
entry opening with its infobox, release notes, a recipe, a dateline under the
headline, a table with a "Comment" column. None of their lines may be reported
as page chrome. The chrome-positive cases beside them (a lone timestamp between
paragraphs, a block of teasers with ad slots in the article after it) keep the
rules honest.
"""

from __future__ import annotations

from newslint.testing import check


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.end_line) for d in check(text, select=["NL2"])]


PROSE = [
    "The town grew around a river crossing that traders used for centuries before the railway arrived in 1871.",
    "Its population doubled in the decade after the mill opened, according to the census records kept by the council.",
    "Local historians say the covered market, built in 1902, remains the oldest working market hall in the region.",
    "The council plans to restore the market roof next year with money from a national heritage fund.",
]

INFOBOX_ARTICLE = article(
    "Marlow Crossing",
    "Town",
    "Country",
    "Wales[1]",
    "Founded",
    "1288",
    "Government",
    "Town council",
    "\u2022 Mayor",
    "Eleri Vaughan[2]",
    "\u2022 Clerk",
    "Owen Pritchard",
    "Area",
    "\u2022 Total",
    "14.2 km2 (5.5 sq mi)",
    "Population (2021)",
    "\u2022 Total",
    "18,406[3]",
    "\u2022 Density",
    "1,296/km2 (3,360/sq mi)",
    "Time zone",
    "UTC+0 (GMT[n 1])",
    *PROSE,
)

CHANGELOG_ARTICLE = article(
    "Harbour Tracker 4.2 is out",
    "+ Added tide tables for twelve more ports",
    "+ Added a night mode for the chart view",
    "+ Added offline maps, with weekly updates",
    "+ Vessel names now wrap on small screens",
    "+ Fixed a crash when two alerts fired at once",
    "The update is free for existing users and rolls out to all app stores over the next two days.",
    "The developers said the next release will focus on battery use, which testers have asked about since spring.",
    "Users who find a problem can report it from the settings menu, where a form sends the logs along with it.",
)

RECIPE_ARTICLE = article(
    "This loaf needs no kneading and very little time at the counter, which makes it a good first bread to bake.",
    "Ingredients",
    "- 500 g strong white flour",
    "- 7 g dried yeast",
    "- 10 g salt",
    "- 400 ml warm water",
    "Method",
    "1. Mix the flour, yeast and salt in a large bowl.",
    "2. Stir in the water until no dry flour is left.",
    "3. Cover and leave overnight at room temperature.",
    "4. Bake in a covered pot at 230C for 40 minutes.",
    "The dough will look wet and loose in the morning, and that is exactly how it should look before it goes in.",
    "Leave the loaf to cool for an hour before slicing it, or the crumb will turn gummy under the knife.",
    "Any leftover bread keeps for three days in a paper bag and makes excellent toast after that.",
)

DATELINE_ARTICLE = article(
    "Ferry service to the islands resumes after the storm",
    "Oct. 14, 2024",
    "Ferries to the outer islands sailed again on Monday after three days in port while the storm passed.",
    "The operator said the first crossings were full and that extra sailings would run through the week.",
    "Islanders had been without fresh deliveries since Thursday, and the main shop ran out of bread on Saturday.",
)

TABLE_ARTICLE = article(
    "Each job moves through a small number of states, and the scheduler records a timestamp at every step.",
    "The table below lists the states and what the scheduler does in each of them when a worker reports back.",
    "State",
    "Timer",
    "Comment",
    "queued",
    "queued_at",
    "Waits for a free worker.",
    "running",
    "started_at",
    "Heartbeats extend the lease.",
    "A job that misses three heartbeats is put back in the queue, so that another worker can pick it up again.",
    "Jobs that fail five times in a row are parked, and an engineer is paged to look at them by hand.",
    "The scheduler keeps the history of every job for a month, which is enough to trace most problems.",
)

NUMBERS_ARTICLE = article(
    "The puzzle asks readers to find the next number in a sequence that a teacher in Leeds wrote on the board.",
    "2, 3, 5, 7, 11, 13",
    "Most readers spotted that the numbers are primes, and the answer is therefore seventeen, as the teacher said.",
    "A few argued for other answers, and one sent a four-page proof that any number could come next.",
    "The teacher said she would set a harder one next week, and that she had enjoyed the letters very much.",
)


class TestArticleStructureIsNotChrome:
    def test_infobox_with_reference_markers(self):
        """An encyclopedia entry's infobox (labels, bulleted rows, sourced values) is the article's."""
        assert codes(INFOBOX_ARTICLE) == []

    def test_release_notes_list(self):
        """A run of items under one marker right under the headline is the article's own list."""
        assert codes(CHANGELOG_ARTICLE) == []

    def test_recipe_ingredients_and_steps(self):
        """Bulleted ingredients and numbered steps inside the prose are the recipe, not a menu."""
        assert codes(RECIPE_ARTICLE) == []

    def test_dateline_under_the_headline(self):
        """A date standing under the headline is the article's dateline, which editors keep."""
        assert codes(DATELINE_ARTICLE) == []

    def test_comment_column_header_in_a_table(self):
        """A "Comment" column header in the article's table does not open a comments block."""
        assert codes(TABLE_ARTICLE) == []

    def test_list_of_figures_is_not_a_phone_number(self):
        """A comma-separated sequence of figures is data, not a stray phone number."""
        assert codes(NUMBERS_ARTICLE) == []


class TestChromeStillFound:
    def test_lone_timestamp_between_paragraphs(self):
        """Past the headline and the first paragraphs, a lone timestamp is still leftover chrome."""
        text = "\n\n".join([*PROSE[:2], "Updated 14 Oct 2024 09:12 BST", *PROSE[2:]]) + "\n"
        assert [c for c, *_ in codes(text)] in (["NL201"], ["NL202"])

    def test_bulleted_menu_far_from_the_prose(self):
        """A bulleted menu at the top of a scraped page, far from the article, is still chrome."""
        menu = ["\u2022 Home", "\u2022 News", "\u2022 Sport", "\u2022 Weather", "\u2022 Contact us", "Sign in"]
        labels = ["Local", "Politics", "Business", "Culture", "Podcasts", "Newsletters"]
        text = "\n\n".join([*menu, *labels, "Ferry service to the islands resumes", *PROSE]) + "\n"
        found = codes(text)
        assert found, "the menu is not reported"
        assert all(end <= 23 for _, _, end in found), found  # never the article's paragraphs

    def test_ad_slots_do_not_keep_a_teaser_block_open(self):
        """A related box ends where the article resumes, even with an ad label between its paragraphs."""
        text = (
            "\n\n".join(
                [
                    PROSE[0],
                    "Related articles",
                    "Council approves market repair budget",
                    "Railway station to close for two weeks",
                    PROSE[1],
                    PROSE[2],
                    "Advertisement",
                    PROSE[3],
                    "Visitors can still use the side entrance while the scaffolding is up, the council said.",
                ]
            )
            + "\n"
        )
        found = codes(text)
        assert ("NL203", 3, 7) in found
        assert all(line not in (9, 11, 15, 17) for _, line, _ in found), found


# -- a page with no chrome evidence ------------------------------------------------------------

# An explainer as a CMS stores it: no pack phrase, no foreign text, but an unmarked list
# of tools in the middle and a short title-case line at the end, which the line model alone
# would take for a related-links list.
EXPLAINER = """\
The county's new flood maps were drawn with a handful of free tools, the planning office said on Tuesday.

Its analysts used four programs to turn decades of river gauges into the maps:

River Gauge Archive
Open Terrain Viewer
Floodline Desktop
Parcel Mapper

Each program is maintained by a university or a public agency, the office said, and the maps can be checked by anyone with a laptop.

Residents can see the maps at the library until the end of March, when the council will vote on them.

Planning Office Contacts
"""


def test_a_page_without_chrome_evidence_keeps_its_lists_and_headings():
    assert check(EXPLAINER, ["NL2"]) == []
    # The same lines on a page that also carries a share bar are judged by the model as before.
    scraped = check(EXPLAINER + "\nShare this article\n", ["NL2"])
    assert [d.line for d in scraped if d.code == "NL201"] == [16]


def test_a_lone_timestamp_is_still_chrome_on_an_evidence_free_page():
    text = EXPLAINER.replace("Residents can", "Tue 14 Jan 2026 09.12 GMT\n\nResidents can")
    [d] = check(text, ["NL2"])
    assert d.code == "NL202" and "a timestamp" in d.message


# -- the article's own bylines, credits and reference sections (issue #15) ----------------------

HARBOUR = [
    "The harbour board voted on Tuesday to replace the old swing bridge, which has been stuck open twice this winter.",
    "Engineers told the board that the bridge's gears are worn beyond repair and that spare parts are no longer made.",
    "The new bridge will lift rather than swing, and it should take about eighteen months to build, the board said.",
    "Boat owners asked for a temporary crossing during the works, and the board promised to publish a plan in May.",
]
SCHOOL = [
    "The island's only school will add a sixth classroom this summer after the number of pupils rose for a third year.",
    "Parents raised part of the money at a fair in the spring, and the education ministry paid for the rest.",
    "The head teacher said the new room will be used for science lessons, which now take place in the hall.",
    "Builders are due to start in July, once the pupils have left for the holidays, and to finish by September.",
]


def lines_of(text: str, code: str) -> list[int]:
    return [line for c, line, _ in codes(text) if c == code]


class TestTheArticlesOwnMetadata:
    def test_byline_of_a_second_article_on_a_weekly_page(self):
        """A byline between two stretches of prose opens the page's next article; the page's own is chrome."""
        text = article(
            "Share this page",
            "Harbour Weekly for March 12",
            "Board picks a lifting bridge",
            "By Mara Lindqvist",
            "March 11, 2025",
            *HARBOUR,
            "Comments (4 posted)",
            "School to grow by one classroom",
            "By Tomas Ekholm",
            "March 11, 2025",
            *SCHOOL,
        )
        found = codes(text)
        assert ("NL201", 7, 7) in found  # the byline above the page's first article
        assert all(line < 23 for _, line, _ in found), found  # nothing from the second article's byline on

    def test_update_stamp_between_stretches_of_prose_is_still_chrome(self):
        """Only a byline opens an article: a CMS's update stamp between paragraphs is still chrome."""
        text = article(*HARBOUR, "Updated 14 Oct 2024 09:12 BST", *SCHOOL)
        assert [(c, line) for c, line, _ in codes(text)] in ([("NL201", 9)], [("NL202", 9)])

    def test_teaser_bylines_are_still_chrome(self):
        """Bylines among teaser headlines after the article have no prose below them: still chrome."""
        text = article(
            *HARBOUR,
            "More from the harbour",
            "Ferry fares to rise in April",
            "By Mara Lindqvist",
            "Night buses return to the quay",
            "By Tomas Ekholm",
            "Share this page",
        )
        assert {13, 17} <= set(lines_of(text, "NL201"))

    def test_copyright_under_an_essays_title(self):
        """The author's copyright line under the title, above the first paragraph, is the essay's own."""
        assert (
            codes(
                article(
                    "Why I still write letters", "...and why you might, too.", "\u00a9 2019 Ingrid Solheim", *SCHOOL
                )
            )
            == []
        )

    def test_copyright_in_the_footer_is_still_chrome(self):
        text = article(*SCHOOL, "\u00a9 2019 Harbour Media Ltd. All rights reserved.")
        assert lines_of(text, "NL201") == [9]

    def test_a_dated_timestamp_opening_the_text_is_its_dateline(self):
        """The text's first line, a date, is kept; a relative time or a CMS's stamp of the minute is a widget."""
        assert lines_of(article("Last updated March 3, 2021", "Save", *HARBOUR), "NL201") == [3]
        assert lines_of(article("Updated 2 hours ago", "Save", *HARBOUR), "NL201") == [1, 3]
        assert lines_of(article("Last updated March 3, 2021 at 7:58 pm", "Save", *HARBOUR), "NL201") == [1, 3]

    def test_bracketed_credits_of_the_articles_own_series(self):
        """ "(Source: name)" among the article's "(Artist: name)" credits is one of them."""
        text = article(
            HARBOUR[0],
            "(Artist: Kofi Mensah)",
            HARBOUR[1],
            "(Artist: Lena Park)",
            HARBOUR[2],
            "(Source: Harbour Archive)",
            HARBOUR[3],
            "(Artist: Kofi Mensah)",
            SCHOOL[0],
            "(Source: Port Museum)",
            SCHOOL[1],
            "Share this page",
        )
        assert lines_of(text, "NL201") == [23]

    def test_credits_without_a_series_are_still_chrome(self):
        text = article(
            HARBOUR[0],
            "(Photo: Harbour Archive)",
            HARBOUR[1],
            HARBOUR[2],
            "Source: Port Museum",
            HARBOUR[3],
            "Share this page",
        )
        assert lines_of(text, "NL201") == [3, 9, 13]

    def test_writers_sign_off_under_the_last_paragraph(self):
        """ "-- By name" right under the last paragraph is the writer's sign-off; the box after it is chrome."""
        text = article(
            "Share this page",
            *HARBOUR,
            "-- By Mara Lindqvist Follow @maralind",
            "Related stories",
            "Ferry fares to rise in April",
            "Night buses return to the quay",
        )
        found = codes(text)
        assert ("NL203", 13, 17) in found
        assert all(line != 11 for _, line, _ in found), found


class TestReferenceSections:
    REFS = article(
        *HARBOUR,
        "See also",
        "Harbour of Lysekil",
        "List of swing bridges",
        "Notes",
        '^ "Swing bridges of the west coast". Harbour Review. 12 (3): 44\u201351. 2011. Retrieved 4 May 2020.',
        "^ Lindqvist, Mara (2019). The Old Bridge. Lysekil: Quay Press. p. 17. ISBN 978-91-0-000000-0.",
        *SCHOOL,
        "Further reading",
        "Ekholm, Tomas (2004). Bridges and Boats. Quay Press. ISBN 978-91-0-000001-7.",
        "Solheim, Ingrid (2012). A Harbour Town. Port Books. ISBN 978-91-0-000002-4.",
        "Privacy policy",
        "Cookie settings",
        "Terms of use",
        "Contact us",
    )

    def test_titles_under_see_also_are_still_a_block(self):
        """A list of titles under "See also" (footnotes further down) reads like related links: a block."""
        assert ("NL203", 9, 15) in codes(self.REFS)  # up to "Notes": the footnotes are not in it

    def test_chrome_after_a_reference_section_is_still_a_block(self):
        """Under "Further reading", the citations are kept and the footer after them is one block."""
        found = [d for d in check(self.REFS, ["NL2"]) if d.line > 19]
        [d] = found
        assert (d.code, d.line, d.end_line) == ("NL203", 35, 41)
        assert 'after the reference section under "Further reading"' in d.message

    def test_link_titles_after_the_references_are_back_matter(self):
        """An encyclopedia's "External links" after its citations, and no pack phrase below: the article's.

        (A section name of the pack among them, "Travel" or "Sport", still makes the rest a block.)"""
        text = article(
            *HARBOUR,
            "Further reading",
            "Ekholm, Tomas (2004). Bridges and Boats. Quay Press. ISBN 978-91-0-000001-7.",
            "Solheim, Ingrid (2012). A Harbour Town. Port Books. ISBN 978-91-0-000002-4.",
            "External links",
            "Official bodies",
            "Lysekil municipality portal",
            "Swedish Maritime Administration – includes charts of the harbour approaches",
            "Visiting the coast",
            "Official site of West Sweden Tourism",
            "Lysekil at the Nordic Harbours Atlas",
        )
        assert codes(text) == []


def test_infobox_fields_on_a_page_without_chrome_evidence():
    """A date under "Founded", a link under "Website": an infobox's fields, not a timestamp or a stray link."""
    text = article(
        "Lysekil Harbour Board",
        "Type",
        "Public body",
        "Founded",
        "March 2, 1911",
        "Chair",
        "Mara Lindqvist",
        "Website",
        "harbourboard.example.org",
        *HARBOUR,
    )
    assert codes(text) == []
