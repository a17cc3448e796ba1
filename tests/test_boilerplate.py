"""NL2xx orphaned page text: phrases, line shape, blocks, foreign script and language, the pack."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

from newslint import PackError, PackSource, Severity
from newslint.checks.boilerplate import phrases as _phrases
from newslint.checks.boilerplate.boilerplate import THRESHOLD
from newslint.plugin.packs import Packs
from newslint.testing import check, positions
from newslint.text.writing_systems import dominant_system, profile, script_of

sys.path.insert(0, str(ROOT))
from benchmarks.corpus import lee_background

PACK = ROOT / "rules" / "boilerplate.toml"

LEDE = "Officials said the bridge over the river would reopen to traffic on Friday morning."  # 83 code points
SECOND = "Engineers found no structural damage after the inspection that ended on Tuesday."
THIRD = "Traffic was diverted through the old town for the whole of the week, police said."
FOURTH = "Shops along the main road said they had lost a third of their usual trade."
BODY = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n\n{FOURTH}\n"


def codes(text: str, select: tuple[str, ...] = ("NL2",), **options) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.end_line) for d in check(text, select=list(select), **options)]


# -- phrases (NL201) ----------------------------------------------------------------------


class TestPhrases:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            pytest.param("Read more", [(3, 1, 3, 10)], id="en-line"),
            pytest.param("  Share this article  ", [(3, 3, 3, 21)], id="en-line-trimmed"),
            pytest.param("» ADVERTISEMENT «", [(3, 1, 3, 18)], id="en-line-bullets-case"),
            pytest.param("Photo: Kim Hong-ji/Reuters", [(3, 1, 3, 27)], id="en-prefix-credit"),
            pytest.param("Updated: 13 January 2026, 19:58 GMT", [(3, 1, 3, 36)], id="en-timestamp-date"),
            pytest.param(
                "We use cookies to improve your experience on our site.", [(3, 1, 3, 55)], id="en-contains-cookie"
            ),
            pytest.param("اقرأ أيضاً", [(3, 1, 3, 11)], id="ar-tanween-folded"),
            pytest.param("Publicidad", [(3, 1, 3, 11)], id="es"),
            pytest.param("Nous utilisons des cookies pour mesurer l'audience.", [(3, 1, 3, 52)], id="fr-contains"),
            pytest.param("Anzeige", [(3, 1, 3, 8)], id="de"),
            pytest.param("责任编辑：王晓", [(3, 1, 3, 8)], id="zh-prefix-fullwidth-colon"),
            pytest.param("続きを読む", [(3, 1, 3, 6)], id="ja"),
            pytest.param("무단전재 및 재배포 금지", [(3, 1, 3, 14)], id="ko-contains"),
            pytest.param("By Jane Smith and Kim Lee", [(3, 1, 3, 26)], id="en-byline-regex"),
        ],
    )
    def test_phrase_reported_at_exact_position(self, line, expected):
        """A pack phrase on its own line is reported over the line's text, whitespace trimmed."""
        text = f"{LEDE}\n\n{line}\n\n{SECOND}\n\n{THIRD}\n"
        assert positions(text, select=["NL201"]) == expected

    @pytest.mark.parametrize(
        "line",
        [
            pytest.param(
                "Read more about the plan in the council's report, which was published on Monday.",
                id="read-more-in-prose",
            ),
            pytest.param(
                "Updated figures show the economy grew 2% in the last quarter of the year.", id="updated-without-date"
            ),
            pytest.param("By the end of the week, the bridge was open again to cars and buses.", id="by-in-prose"),
            pytest.param(
                'The regulator said the phrase "we use cookies" misled visitors to the site.', id="cookie-phrase-quoted"
            ),
            pytest.param("Share prices rose 3% in Tokyo after the announcement on Tuesday.", id="share-prices"),
            pytest.param("Vor dem Treffen sagte der Minister, er erwarte keine Einigung.", id="de-vor-without-date"),
            pytest.param("World", id="edge-only-label-in-middle"),
            pytest.param(
                "Photograph of the bridge taken in 1927 shows its original design.", id="photograph-not-credit"
            ),
        ],
    )
    def test_near_misses_are_not_reported(self, line):
        """Body text that starts with or holds UI words is not page chrome."""
        text = f"{LEDE}\n\n{line}\n\n{SECOND}\n\n{THIRD}\n"
        assert codes(text, ("NL201", "NL202", "NL203")) == []

    def test_edge_phrase_is_reported_above_the_article(self):
        """A section label such as "World" counts only before the first paragraph or after the last."""
        text = f"World\n\nBridge to reopen on Friday\n\n{BODY}"
        assert codes(text) == [("NL201", 1, 1)]

    def test_uncertain_phrase_is_a_warning(self):
        """Entries marked certain = false report warnings; the rest are errors."""
        found = check(f"Opinion\n\nBridge to reopen on Friday\n\n{BODY}\nRead more\n", select=["NL201"])
        assert [(d.line, d.severity) for d in found] == [(1, Severity.WARNING), (13, Severity.ERROR)]

    def test_lone_platform_name_is_called_a_credit(self):
        """One platform's name between paragraphs (twice for two pictures) is an orphaned photo credit;
        a share bar names several platforms side by side."""
        credits = check(f"{LEDE}\n\nInstagram\n\nInstagram\n\n{SECOND}\n\n{THIRD}\n", select=["NL201"])
        assert [d.line for d in credits] == [3, 5]
        assert all(d.message.startswith("Lone platform name (a photo credit or a share button) left") for d in credits)
        share_bar = check(f"{LEDE}\n\n{SECOND}\n\nFacebook\n\nWhatsApp\n\nX\n", select=["NL201"])
        assert [d.line for d in share_bar] == [5, 7, 9]
        assert all(d.message.startswith("Social or share prompt left") for d in share_bar)

    def test_message_names_role_and_language(self):
        """The message says what kind of chrome it is and which pack language matched."""
        [d] = check(f"{LEDE}\n\nمقالات ذات صلة\n", select=["NL201"])
        assert d.message.startswith(
            'Related-content header left in the text: "مقالات ذات صلة" (ar phrase pack; chrome score '
        )
        assert "a related-content phrase" in d.message  # the strongest features, in words
        assert d.suggestion == "Delete the line"


# -- line shape (NL202) -----------------------------------------------------------------------


class TestLineShape:
    @pytest.mark.parametrize(
        ("line", "reason"),
        [
            pytest.param("https://example.com/world/asia/summit", "a bare link", id="url"),
            pytest.param("@nhk_news @kyodo_english", "social media handles", id="handles"),
            pytest.param("#Japan #SouthKorea", "hashtags", id="hashtags"),
            pytest.param("+82-2-555-0142", "figures with no words", id="phone"),
            pytest.param("Tue 13 Jan 2026 10.58 GMT", "a timestamp", id="timestamp"),
            pytest.param("13.01.2026 19:58 Uhr", "a timestamp", id="timestamp-other-language"),
            pytest.param("Home | World | Asia", "a navigation trail or menu", id="menu"),
        ],
    )
    def test_shapes_reported_anywhere(self, line, reason):
        """Shapes no article sentence has are reported wherever they stand."""
        text = f"{LEDE}\n\n{SECOND}\n\n{line}\n\n{THIRD}\n\n{FOURTH}\n"
        [d] = check(text, select=["NL202"])
        assert (d.line, d.column, d.end_line, d.end_column) == (5, 1, 5, len(line) + 1)
        assert reason in d.message

    def test_email_address_under_the_article_is_reported(self):
        """A bare address in the page's footer or an author box, after the last paragraph, is chrome."""
        text = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n\nnewsdesk@example.com\n"
        [d] = check(text, select=["NL202"])
        assert (d.line, d.column, d.end_column) == (7, 1, len("newsdesk@example.com") + 1)
        assert "an e-mail address" in d.message

    def test_email_address_between_paragraphs_is_the_articles_own(self):
        """An address standing between two of the article's paragraphs is the contact it gives its readers."""
        invite = "If you run a community newsroom and want to share what worked for you, write to us."
        text = f"{LEDE}\n\n{invite}\n\ntips@harbourgazette.example\n\n{THIRD}\n\n{FOURTH}\n"
        assert check(text, select=["NL2"]) == []

    def test_trailing_title_case_heading_is_reported_only_when_the_dial_is_lowered(self):
        """A lone title-case line after the last paragraph is a coin toss (a sign-off, a section or a
        leftover label): left alone at the default, a warning when the user asks for more recall."""
        text = f"{BODY}\nAsia Pacific Roundup\n"
        assert check(text, select=["NL202"]) == []
        [d] = check(text, select=["NL202"], overrides={THRESHOLD: 0.1})
        assert (d.line, d.end_line, d.severity) == (9, 9, Severity.WARNING)
        assert "a short heading after the article's last paragraph" in d.message

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(f"{LEDE}\n\nWhat happens next\n\n{SECOND}\n\n{THIRD}\n", id="subhead-mid-article"),
            pytest.param(f"{LEDE}\n\nIt always has.\n\n{SECOND}\n\n{THIRD}\n", id="one-line-paragraph"),
            pytest.param(f"{LEDE}\n\n\u201cWe will rebuild it.\u201d\n\n{SECOND}\n", id="short-quote"),
            pytest.param(f"TOKYO (AP) \u2014\n\n{BODY}", id="dateline-line"),
            pytest.param(f"LONDON, Jan. 13 (Reuters) --\n\n{BODY}", id="dateline-with-date"),
            pytest.param(f"Bridge to Reopen on Friday\n\n{BODY}", id="title-case-headline"),
            pytest.param(f"Japan 2-1 South Korea\n\n{BODY}", id="score-line"),
            pytest.param(f"{BODY}\n\u201cWe will be back,\u201d she said.\n", id="closing-quote"),
            pytest.param(f"{LEDE}\n\n* * *\n\n{SECOND}\n", id="dinkus"),
            pytest.param(f"{BODY}\n(Reporting by Mari Saito; Editing by Ed Davies)\n", id="agency-credit-line"),
            pytest.param(f"{BODY}\nSeoul bureau chief Ahn Ji-won contributed to this report.\n", id="contributed-line"),
        ],
    )
    def test_short_body_lines_are_not_reported(self, text):
        """Subheads, one-sentence paragraphs, quotes, datelines and headlines are article text."""
        assert codes(text) == []

    def test_threshold_makes_the_classifier_eager(self):
        """Lowering boilerplate-threshold reports a subhead-shaped line the default leaves alone."""
        text = f"{LEDE}\n\nWhat happens next\n\n{SECOND}\n\n{THIRD}\n"
        assert codes(text, ("NL202",)) == []
        assert codes(text, ("NL202",), overrides={THRESHOLD: 0.2}) == [("NL202", 3, 3)]

    def test_threshold_out_of_range_is_a_config_error(self, tmp_path):
        """A threshold outside 0-1 stops the run with exit 2 and names the key."""
        (tmp_path / "newslint.toml").write_text(f"{THRESHOLD} = 1.5\n")
        (tmp_path / "a.txt").write_text(BODY)
        proc = run_cli("a.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert THRESHOLD in proc.stderr.decode()


# -- blocks (NL203) ---------------------------------------------------------------------------


class TestBlocks:
    def test_block_runs_to_the_end_and_names_its_opener(self):
        """After a related-content header, headlines and teasers to the end are one block."""
        text = (
            f"{BODY}\nRelated articles\n\nJapan and Korea agree to expand shuttle diplomacy\n\n"
            "The two leaders met in Nara on Tuesday to discuss trade and security issues.\n\n"
            "Seoul and Tokyo sign chip supply pact\n"
        )
        [d] = check(text, select=["NL2"])
        assert (d.code, d.line, d.column, d.end_line, d.end_column) == ("NL203", 9, 1, 15, 38)
        assert d.message.startswith(
            'Lines 9-15 are page chrome opened by "Related articles" (related-content header, en): '
        )
        assert d.suggestion == "Delete lines 9-15 (7 lines, blank lines included)"
        assert d.severity == Severity.ERROR

    def test_block_ends_where_article_prose_resumes(self):
        """A mid-article box ends before three paragraphs of prose with no chrome among them."""
        text = (
            f"{LEDE}\n\nMore on this story\n\nBridge closure: what drivers need to know\n\n"
            f"Council approves repair budget\n\n{SECOND}\n\n{THIRD}\n\n{FOURTH}\n"
        )
        assert codes(text) == [("NL203", 3, 7)]

    def test_teasers_between_labels_stay_in_the_block(self):
        """Fluent prose between chrome labels does not end the block: only its place gives it away."""
        text = (
            f"{BODY}\nRelated articles\n\n{LEDE}\n\n{SECOND}\n\nAI-generated image\n\n{THIRD}\n\nAccept all cookies\n"
        )
        assert codes(text) == [("NL203", 9, 19)]

    @pytest.mark.parametrize("second_box", ["Most Read\n\n", "Advertisement\n\n"], ids=["header", "ad-slot"])
    def test_prose_between_two_boxes_stays_out_of_the_first(self, second_box):
        """A "most read" box ends before the paragraphs that follow it when the next chrome is another box or an ad.

        The two paragraphs between the boxes are fewer than the three that
        show prose has resumed, but what ends them (a second box's header, an
        ad slot) is chrome that sits inside articles: they are the article's.
        """
        box = (
            "Most Read\n\nOpinion\n\nWhy the ferry timetable keeps slipping\n\nAda Kowalczyk\n\n"
            "Science\n\nThe quiet return of the river otter\n\nSunil Varma\n\n"
        )
        first = (
            "Harbour officials said the new berth would take two more years to finish, because the piles "
            "driven last spring had to be pulled out and set again after divers found soft clay under the quay."
        )
        second = (
            "The council's transport committee will hear the revised plan on Thursday, and its chair, "
            "Margit Olsen, said she expected members to ask why the extra cost had not been flagged sooner."
        )
        text = f"{LEDE}\n\n{box}{first}\n\n{second}\n\n{second_box}{box}{SECOND}\n\n{THIRD}\n\n{FOURTH}\n"
        lines = text.split("\n")
        article = {lines.index(first) + 1, lines.index(second) + 1}
        found = codes(text)
        assert ("NL203", 3, 15) in found, found
        assert not any(line <= a <= end for _, line, end in found for a in article), (found, article)

    @pytest.mark.parametrize(
        "bar",
        [
            "Home\nSport\nAbout us\nCareers\nContact\n",
            "Share\nTweet\nComments\n312 Shares\nPrint\n",
        ],
        ids=["menu", "share-bar"],
    )
    def test_marker_inside_a_menu_ends_at_the_article(self, bar):
        """A block marker that is one item of a menu or a share bar opens the menu, not the rest of the page.

        The article under the bar is a paragraph or two of prose before a photo
        credit: fewer than the three paragraphs that end a section's block, but
        the marker was a label between labels, so its block ends at the first
        prose line.
        """
        text = f"{bar}{LEDE}\nPhoto: Lena Ortiz/Harbour Daily\n{SECOND}\n{THIRD}\n"
        lines = text.split("\n")
        article = lines.index(LEDE) + 1
        found = codes(text)
        assert not any(line <= article <= end for _, line, end in found), found

    def test_see_also_over_the_notes_is_back_matter(self):
        """A "See also" over two links to other entries, then the entry's own notes: the article's back matter."""
        text = (
            f"{LEDE}\n\n{SECOND}\n\nSee also\n\nHarbour dredging timeline\n\nPort authorities of the region\n\n"
            "Notes\n\n^ The berth figures include the temporary pontoon.\n\n"
            "^ Tonnage is given in gross tons, as the port reports it.\n"
        )
        assert codes(text, ("NL203",)) == []

    def test_block_ends_before_the_articles_footnotes(self):
        """A box with chrome in it ends before the notes under it: the footnotes are the article's."""
        text = (
            f"{LEDE}\n\n{SECOND}\n\nRelated articles\n\nHarbour dredging timeline\n\nShare this article\n\n"
            "Notes\n\n^ The berth figures include the temporary pontoon.\n\n"
            "^ Tonnage is given in gross tons, as the port reports it.\n"
        )
        lines = text.split("\n")
        notes = lines.index("Notes") + 1
        found = codes(text, ("NL203",))
        assert found and all(end < notes for _, _, end in found), (found, notes)

    def test_read_also_list_ends_at_the_next_prose(self):
        """An inline "Read also" marker covers only the headlines right after it."""
        text = f"{LEDE}\n\nRead also\n\nBridge closure: what drivers need to know\n\n{SECOND}\n\n{THIRD}\n"
        assert codes(text) == [("NL203", 3, 5)]

    def test_marker_alone_is_a_phrase_not_a_block(self):
        """A marker followed straight away by resumed prose is reported on its own line."""
        text = f"{LEDE}\n\nRelated articles\n\n{SECOND}\n\n{THIRD}\n\n{FOURTH}\n"
        assert codes(text) == [("NL201", 3, 3)]

    def test_lines_are_reported_one_by_one_when_blocks_are_off(self):
        """Without NL203, the block's chrome lines are reported by their own codes."""
        text = f"{BODY}\nRelated articles\n\nBridge Closure Latest\n\nhttps://example.com/a\n"
        assert codes(text, ("NL201", "NL202")) == [("NL201", 9, 9), ("NL202", 11, 11), ("NL202", 13, 13)]

    def test_block_fix_deletes_its_lines(self):
        """The unsafe fix removes the block from its opener to its last line."""
        text = f"{BODY}\nRelated articles\n\nBridge closure latest\n"
        [d] = check(text, select=["NL203"])
        [edit] = d.unsafe_fix
        assert text[: edit.start] + edit.replacement + text[edit.end :] == BODY + "\n"


# -- foreign script and language (NL204, NL205) -------------------------------------------------


ARABIC_ARTICLE = (
    "استقبلت رئيسة الوزراء اليابانية الرئيس الكوري الجنوبي في مدينة نارا اليوم الثلاثاء.\n\n"
    "وقال مسؤولون من البلدين إن المحادثات تناولت التعاون الاقتصادي وأمن سلاسل الإمداد.\n\n"
    "وتأتي القمة في وقت تشهد فيه العلاقات بين طوكيو وبكين توترا متصاعدا بعد تصريحات بشأن تايوان.\n\n"
    'وقال الرئيس إن بلاده تريد علاقات موجهة نحو المستقبل مع اليابان، وفق ما نقلت وكالة "Reuters".\n'
)
JAPANESE_ARTICLE = (
    "日韓首脳会談 経済安全保障で協力強化へ\n\n"
    "高市総理大臣は、韓国のイ・ジェミョン大統領と奈良市で首脳会談を行い、経済安全保障の分野で協力を強化することで一致しました。\n\n"
    "会談では、半導体や重要鉱物のサプライチェーンの強化について意見を交わしました。\n\n"
    "また、北朝鮮への対応で緊密に連携していくことを確認しました。NHKの取材に政府関係者が明らかにしました。\n"
)


class TestForeign:
    def test_foreign_script_paragraph_is_an_error(self):
        """A whole paragraph in another script than the article is an error at its exact span."""
        arabic = "عقد الرئيس الكوري الجنوبي والرئيس الصيني أول قمة لهما"
        [d] = check(f"{LEDE}\n\n{arabic}\n\n{SECOND}\n\n{THIRD}\n", select=["NL204"])
        assert (d.line, d.column, d.end_line, d.end_column, d.severity) == (3, 1, 3, len(arabic) + 1, Severity.ERROR)
        assert "arabic" in d.message

    def test_short_foreign_line_is_a_warning(self):
        """A short line in another script is a warning."""
        found = check(f"{LEDE}\n\n서울 뉴스\n\n{SECOND}\n\n{THIRD}\n", select=["NL204"])
        assert [(d.line, d.severity) for d in found] == [(3, Severity.WARNING)]

    @pytest.mark.parametrize(
        "sentence",
        [
            pytest.param(
                "The word for summit, \u201c정상회담\u201d, was on every front page in Seoul.", id="quoted-korean"
            ),
            pytest.param(
                "Protesters chanted \u201cلا للحرب\u201d outside the embassy on Tuesday evening.", id="quoted-arabic"
            ),
            pytest.param("The temple, known as 法隆寺 in Japanese, dates from the seventh century.", id="han-name"),
            pytest.param(
                "Residents call the festival la fiesta de San Juan and have done so for years.", id="spanish-words"
            ),
        ],
    )
    def test_short_quoted_foreign_words_are_not_reported(self, sentence):
        """Foreign words quoted inside an English sentence are part of the article."""
        assert codes(f"{LEDE}\n\n{sentence}\n\n{SECOND}\n\n{THIRD}\n") == []

    def test_foreign_language_paragraph(self):
        """A Spanish paragraph in an English article is reported as another language."""
        spanish = "Los gobiernos de los dos países firmaron este martes un acuerdo para construir un corredor."
        found = check(f"{LEDE}\n\n{spanish}\n\n{SECOND}\n\n{THIRD}\n", select=["NL205"])
        assert [(d.line, d.column, d.end_column, d.severity) for d in found] == [
            (3, 1, len(spanish) + 1, Severity.WARNING)
        ]
        assert "(es)" in found[0].message

    @pytest.mark.parametrize("article", [ARABIC_ARTICLE, JAPANESE_ARTICLE], ids=["arabic", "japanese"])
    def test_article_in_its_own_script_is_clean(self, article):
        """An all-Arabic or all-Japanese article has its own script as the dominant one."""
        assert codes(article) == []

    def test_english_line_in_arabic_article(self):
        """In an Arabic article, an English line is the foreign one."""
        text = ARABIC_ARTICLE + "\nRead the full story on our English website today\n"
        assert codes(text, ("NL204",)) == [("NL204", 9, 9)]


class TestScripts:
    def test_script_of(self):
        """Letters map to their script; digits and punctuation to none."""
        assert [script_of(c) for c in "aЖ中あア한ع7."] == [
            "latin",
            "cyrillic",
            "han",
            "hiragana",
            "katakana",
            "hangul",
            "arabic",
            None,
            None,
        ]

    def test_dominant_system_groups_han_with_kana(self):
        """Han with kana is Japanese; Han with more Hangul is Korean; Han alone is Chinese."""
        assert dominant_system([profile("日本の首相は会談した")]).name == "japanese"
        assert dominant_system([profile("한국 대통령은 韓國 방문")]).name == "korean"
        assert dominant_system([profile("日韩领导人举行会谈")]).name == "chinese"
        assert dominant_system([profile("12 34")]) is None


# -- clean news prose --------------------------------------------------------------------------

AGENCY_TEXTS = {
    "ap": (
        "TOKYO (AP) \u2014 Japan's economy grew at an annual rate of 1.2% in the July-September quarter, "
        "the government said Monday, as exports recovered.\n\n"
        "The figure was better than economists had expected.\n\n"
        "\u201cThe recovery is real, but it is fragile,\u201d said Takuya Hoshino, an economist at the Dai-ichi Life Research Institute.\n\n"
        "Consumer spending, which accounts for more than half of the economy, rose 0.3%.\n"
    ),
    "reuters": (
        "SEOUL, Jan 13 (Reuters) - South Korea's exports rose for a fourth straight month in December, "
        "trade ministry data showed on Tuesday, led by strong demand for semiconductors.\n\n"
        "Shipments climbed 6.1% from a year earlier to $61.2 billion.\n\n"
        "Imports fell 1.4%, leaving a trade surplus of $5.4 billion, the ministry said.\n"
    ),
    "yonhap": (
        "SEOUL, Jan. 13 (Yonhap) -- The Bank of Korea kept its key interest rate unchanged at 2.5 percent Tuesday, "
        "citing concerns over household debt and a weak won.\n\n"
        "The decision was widely expected.\n\n"
        "Governor Rhee Chang-yong said the board would watch the housing market closely.\n"
    ),
    "afp-british": (
        "Britain's inflation rate fell to 2.1 percent in December, its lowest level for four years, "
        "official data showed on Wednesday.\n\n"
        "The Office for National Statistics said lower petrol prices and airfares were the main factors.\n\n"
        "Analysts said the Bank of England could now cut interest rates as soon as February.\n"
    ),
}


class TestCleanText:
    @pytest.mark.parametrize("text", AGENCY_TEXTS.values(), ids=AGENCY_TEXTS.keys())
    def test_agency_prose_is_clean(self, text):
        """Wire copy in the styles of several agencies draws no NL2xx diagnostic."""
        assert codes(text) == []

    def test_gensim_news_articles_are_clean(self):
        """300 real news articles (if fetched), one sentence per line, draw no NL2xx diagnostic."""
        from newslint import Document
        from newslint.run.engine import Engine, RunOptions

        engine = Engine.create(RunOptions(isolated=True, entry_points=False, select=["NL2"], corpus=False))
        found = []
        try:
            articles = lee_background(fetch=False)
        except FileNotFoundError:
            pytest.skip(
                "benchmarks/.data/lee_background.cor is not fetched (python -m benchmarks.corpus); tests never download"
            )
        for article in articles:
            text = "\n\n".join(re.split(r"(?<=[.!?\"]) (?=[A-Z])", article))
            diagnostics, _ = engine.check(Document(text, "lee.txt"))
            found.extend((article[:40], d.code, d.line) for d in diagnostics)
        assert found == []


# -- the seeds ---------------------------------------------------------------------------------


class TestSeeds:
    def test_seed_diagnostics(self):
        """001's timestamp and related tail, and 003's lines 17-55 as one block; nothing else."""
        proc = run_cli("--select", "NL2", "--format", "json", "--isolated", "seeds")
        import json

        found = sorted((Path(d["path"]).name, d["code"], d["line"], d["end_line"]) for d in json.loads(proc.stdout))
        assert found == [
            ("001_af63139ad71ceeb0.txt", "NL201", 3, 3),
            ("001_af63139ad71ceeb0.txt", "NL203", 21, 23),
            ("003_1ee38f6cb67d9728.txt", "NL203", 17, 55),
        ]

    def test_no_pack_entry_fires_on_seed_body_text(self):
        """Every paragraph the seeds' expected.toml does not mark as orphan text passes the pack."""
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        with (ROOT / "tests" / "expected.toml").open("rb") as fh:
            orphan = {(d["file"], d["line"]) for d in tomllib.load(fh)["defect"] if d["category"] == "orphan-text"}
        pack = Packs().load("boilerplate", _phrases.parse)
        hits = []
        for path in sorted(SEEDS.glob("*.txt")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip() and (path.name, number) not in orphan:
                    for edge in (False, True):
                        phrase = pack.match(line, edge=edge)
                        if phrase is not None:
                            hits.append((path.name, number, phrase.where))
        assert hits == []


# -- the pack ------------------------------------------------------------------------------------


def _source(tmp_path: Path, body: str, name: str = "newsroom.toml") -> PackSource:
    path = tmp_path / name
    path.write_text('[pack]\nkind = "boilerplate"\nschema = 1\n' + body, encoding="utf-8")
    from newslint.plugin.packs import _read

    return _read(path, bundled=False)


class TestPack:
    def test_every_entry_loads_and_matches_itself(self):
        """Every bundled phrase parses, and every non-regex phrase matches a line holding just itself."""
        pack = Packs().load("boilerplate", _phrases.parse)
        assert len(pack.phrases) > 1000
        langs = {p.lang for p in pack.phrases}
        assert {"en", "ar", "es", "fr", "de", "zh", "ja", "ko"} <= langs
        misses = []
        for phrase in pack.phrases:
            if phrase.match == "regex":
                continue
            line = phrase.text + (" 13 January 2026" if phrase.followed_by == "date" else "")
            if pack.match(line, edge=True) is None:
                misses.append(phrase.where)
        assert misses == []

    def test_languages_have_scripts_and_stopwords(self):
        """Each latin-script language has function words for the language tests."""
        pack = Packs().load("boilerplate", _phrases.parse)
        assert {"en", "es", "fr", "de", "ar", "ru"} <= set(pack.languages)
        assert all(lang.stopwords for lang in pack.languages.values() if lang.script == "latin")

    @pytest.mark.parametrize(
        ("body", "error"),
        [
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "nonsense"\nphrases = ["x y"]\n',
                "entry[0].role: 'nonsense' is not one of",
                id="role",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nmatch = "fuzzy"\nphrases = ["x"]\n',
                "entry[0].match: 'fuzzy' is not one of",
                id="match",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nphrases = []\n',
                "entry[0].phrases: must not be empty",
                id="empty",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nmatch = "regex"\nphrases = ["(unclosed"]\n',
                "entry[0].phrases[0]: '(unclosed' is not a valid regular expression",
                id="regex",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nphrases = ["Go", "GO!"]\n',
                "entry[0].phrases[1]: repeats entry[0].phrases[0]",
                id="repeat",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\ncolour = "red"\nphrases = ["Go"]\n',
                "entry[0].colour: unknown key",
                id="unknown-key",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nopens-block = "maybe"\nphrases = ["Go"]\n',
                'entry[0].opens-block: expected true, false or "list"',
                id="block",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nfollowed-by = "date"\nphrases = ["Go"]\n',
                'entry[0].followed-by: only a match = "prefix"',
                id="followed-by",
            ),
            pytest.param(
                '[[entry]]\nlang = "en"\nrole = "cta"\nmax-words = "ten"\nphrases = ["Go"]\n',
                "entry[0].max-words: expected an integer",
                id="type",
            ),
            pytest.param(
                '[[language]]\ncode = "xx"\nscript = "klingon"\nstopwords = []\n',
                "language[0].script: unknown writing system",
                id="script",
            ),
            pytest.param(
                '[[entry]]\nrole = "cta"\nphrases = ["Go"]\n', "entry[0].lang: missing required key", id="missing"
            ),
            pytest.param("[phrases]\n", "phrases: unknown table", id="top-level"),
        ],
    )
    def test_schema_errors_name_file_and_key_path(self, tmp_path, body, error):
        """A broken pack fails with "file: key.path: reason"."""
        source = _source(tmp_path, body)
        with pytest.raises(PackError) as exc:
            _phrases.parse([source])
        assert str(exc.value).startswith(f"{source.path}: {error}")

    def test_newsroom_pack_extends_and_removes(self, tmp_path):
        """A later pack adds phrases and removes bundled ones with remove = true."""
        user = _source(
            tmp_path,
            '[[entry]]\nlang = "en"\nrole = "cta"\nphrases = ["Get the Herald app"]\n\n'
            '[[entry]]\nlang = "en"\nrole = "advert"\nremove = true\nphrases = ["Advertisement"]\n',
        )
        bundled = Packs().sources("boilerplate")
        pack = _phrases.parse([*bundled, user])
        assert pack.match("Get the Herald app", edge=False).where == "newsroom.toml: entry[0].phrases[0]"
        assert pack.match("Advertisement", edge=False) is None

    def test_newsroom_pack_through_config(self, tmp_path):
        """A pack listed under `packs` in config reaches the rule."""
        (tmp_path / "house.toml").write_text(
            '[pack]\nkind = "boilerplate"\nschema = 1\n\n[[entry]]\nlang = "en"\nrole = "cta"\nphrases = ["Get the Herald app"]\n',
            encoding="utf-8",
        )
        (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text(f"{LEDE}\n\nGet the Herald app\n\n{SECOND}\n", encoding="utf-8")
        proc = run_cli("--select", "NL201", "a.txt", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr.decode()
        assert "a.txt:3:1: NL201" in proc.stdout.decode()

    def test_bundled_pack_parses_pickled(self):
        """The parsed pack crosses process boundaries."""
        import pickle

        pack = Packs().load("boilerplate", _phrases.parse)
        copy = pickle.loads(pickle.dumps(pack))
        assert copy.match("Read more", edge=False).text == "Read more"


def test_regex_phrases_found_alike_by_the_set_and_one_by_one(monkeypatch):
    """The one-pass RE2 set a long run builds finds what searching each "regex" phrase finds, in pack order.

    A run's first lines are searched one by one; a set that does not fit
    RE2's memory budget (a big user pack) leaves every line to that path.
    """
    pack = Packs().load("boilerplate", _phrases.parse)
    lines = [
        "By Maria Okafor and Tom Reyes",
        "Copyright 2025 Example Media. All rights reserved.",
        "Photo: Jane Smith/Getty Images",
        "3 comments",
        "Image 2 of 14",
        "The council voted on Tuesday to close the pool for repairs.",
        "He said the view from the third floor was worth the climb.",
        "Updated 5 minutes ago",
    ]

    def found(search):
        return [[pack._regex[i].text for i in search.search(line)] for line in lines]

    one_by_one = found(_phrases._RegexSearch(pack._regex))
    assert sum(1 for f in one_by_one if f) >= 5, one_by_one
    assert one_by_one[5] == [] and one_by_one[6] == []

    monkeypatch.setattr(_phrases, "_SET_AFTER", 1)
    with_set = _phrases._RegexSearch(pack._regex)
    assert with_set.search("Just a line.") == [] and with_set.regex_set not in (None, False)
    assert found(with_set) == one_by_one

    monkeypatch.setattr(_phrases, "_SET_MEMORY", 1)
    too_big = _phrases._RegexSearch(pack._regex)
    too_big.search("Just a line.")
    assert too_big.regex_set is False
    assert found(too_big) == one_by_one


def test_engines_of_one_process_share_the_regex_search():
    """A second engine's pack (decoded anew) finds the first one's set by its patterns."""
    first = Packs().load("boilerplate", _phrases.parse)
    second = _phrases.parse(Packs().sources("boilerplate"))
    assert second._regex is not first._regex
    assert _phrases._regex_search(second._regex) is _phrases._regex_search(first._regex)


def test_pack_regex_that_runs_only_on_backtracking_re_is_rejected(tmp_path):
    """A newsroom regex RE2 cannot run (a back-reference) is refused at load time with the key path."""
    import pytest

    from newslint import ConfigError

    pack = tmp_path / "chrome.toml"
    pack.write_text(
        '[pack]\nkind = "boilerplate"\nschema = 1\n\n[[entry]]\nlang = "en"\nrole = "cta"\nmatch = "regex"\n'
        'phrases = ["(a+)\\\\1$"]\n',
        encoding="utf-8",
    )
    from newslint.testing import check

    with pytest.raises(ConfigError) as info:
        check("Text.\n", select=["NL201"], overrides={"packs": [str(pack)]})
    assert "entry[0].phrases[0]" in str(info.value) and "back-reference" in str(info.value)
