"""NL1xx typos: every token class on both sides, names, varieties, config, cache, seeds."""

from __future__ import annotations

import json
import marshal
import pickle
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from newslint import lint_paths, safecache
from newslint.checks.spelling import lexicon
from newslint.checks.spelling.lexicon import LexiconSpec, damerau, read_word_list
from newslint.checks.spelling.spelling import Speller, typos
from newslint.model.document import Document
from newslint.plugin.packs import bundled_rules_dir
from newslint.testing import check, positions

WORDS_TXT = bundled_rules_dir() / "words.txt"


@pytest.fixture(scope="session")
def shared_base():
    """The joined tiers as cached, built at most once for the session (in the session's cache directory)."""
    return LexiconSpec(WORDS_TXT)._base()


@pytest.fixture(scope="session")
def shared_lexicon():
    """The bundled lexicon, built once for the session (the tests that test the cache build their own)."""
    return LexiconSpec(WORDS_TXT).get()


def nl1(text: str) -> list[tuple[int, int, int, int]]:
    return positions(text, select=["NL1"])


def suggestions(text: str) -> list[str | None]:
    return [d.suggestion for d in check(text, select=["NL1"])]


class TestWords:
    """Lower-case words: one edit from a known word is a typo; known words are not."""

    @pytest.mark.parametrize(
        ("text", "expected", "suggestion"),
        [
            pytest.param("They hoped for gaiwning seats.", [(1, 16, 1, 24)], 'Use "gaining"', id="extra-key"),
            pytest.param("The goverment said so.", [(1, 5, 1, 14)], 'Use "government"', id="dropped-letter"),
            pytest.param("It was teh end.", [(1, 8, 1, 11)], 'Use "the"', id="transposition"),
            pytest.param("A realy long day.", [(1, 3, 1, 8)], 'Use "really"', id="undoubled"),
            pytest.param("Police recieved calls.", [(1, 8, 1, 16)], 'Use "received"', id="slip-shaped"),
            pytest.param("The situation was ciritcal today.", [(1, 19, 1, 27)], 'Use "critical"', id="two-edits"),
        ],
    )
    def test_misspelling_reported_with_suggestion(self, text, expected, suggestion):
        assert nl1(text) == expected
        assert suggestions(text) == [suggestion]

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The government said the talks would resume on Friday.", id="plain"),
            pytest.param("Officials said reoffending fell after the airstrikes.", id="prefixed-and-plural"),
            pytest.param("We don’t know; it’s what they’d said and wouldn't say.", id="contractions"),
            pytest.param("The vice versa argument, de facto and in vitro.", id="latin"),
            pytest.param("Cyberattacks, livestreams and deepfakes rose.", id="news-vocabulary"),
            pytest.param("The hanok and the chaebol are Korean.", id="loanwords"),
            pytest.param("The lede, the nutgraf and the factbox.", id="newsroom-terms"),
        ],
    )
    def test_known_words_silent(self, text):
        assert nl1(text) == []

    def test_far_from_every_word_is_not_a_typo(self):
        """A word with no dictionary word within two edits is a foreign word or a name."""
        assert nl1("They ate xqzvbw and mrrkplt at dinner.") == []


class TestTokenClasses:
    """Numbers, ordinals, URLs, e-mails, handles, acronyms and mixed tokens are never checked."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("It cost 1,300 yen in 2025.", id="number"),
            pytest.param("The 21st and 3rd rounds.", id="ordinal"),
            pytest.param("See https://example.com/gaiwning-seats now.", id="url"),
            pytest.param("Write to gaiwning@example.com today.", id="email"),
            pytest.param("Follow @gaiwning for news.", id="handle"),
            pytest.param("The GAIWNING group and APEC, NHK and the U.S. met.", id="acronyms"),
            pytest.param("The G20 and COVID-19 and gaiwning2 and 3D.", id="mixed"),
        ],
    )
    def test_skipped(self, text):
        assert nl1(text) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("It cost 1,300 yen in teh end.", [(1, 22, 1, 25)], id="after-number"),
            pytest.param("The 21st centruy began.", [(1, 10, 1, 17)], id="after-ordinal"),
            pytest.param("See https://example.com now, plaese.", [(1, 30, 1, 36)], id="after-url"),
            pytest.param("Follow @nhk_news for updaets.", [(1, 22, 1, 29)], id="after-handle"),
            pytest.param("The APEC sumit ended.", [(1, 10, 1, 15)], id="after-acronym"),
        ],
    )
    def test_words_beside_them_still_checked(self, text, expected):
        assert nl1(text) == expected


class TestNames:
    """Capitalised words inside a sentence are names; sentence starts are judged with care."""

    def test_names_mid_sentence(self):
        text = (
            "Prime Minister Sanae Takaichi met Kihara in Gyeongju, then flew to Ouagadougou with "
            "Nguyen Thi Anh, Oluwaseun Adeyemi, Siobhan Ni Bhriain and Zbigniew Brzezinski.\n"
        )
        assert nl1(text) == []

    def test_typo_at_sentence_start(self):
        assert nl1("The vote failed. Meanwhiel, the party will try again.") == [(1, 18, 1, 27)]
        assert suggestions("Meanwhiel, the party will try again.") == ['Use "Meanwhile"']

    def test_name_at_sentence_start_used_as_name_elsewhere(self):
        assert nl1("Seles won easily. Fans cheered for Monica Seles again.") == []

    def test_name_at_sentence_start_before_another_name(self):
        """A company's name opens the line: one slip from "roar", a word too rare to outweigh the capitals."""
        assert nl1("Roxr Software Ltd. filed its accounts late.") == []

    def test_slip_of_a_common_word_before_a_capital(self):
        """Capitals after a first word do not make a slip of a common word a name ("Wsetern Australia")."""
        assert suggestions("Wsetern Australia voted first.") == ['Use "Western"']
        assert suggestions("Police said so.\n\nSoath Korean prosecutors opened an inquiry.") == ['Use "South"']

    def test_rare_name_at_sentence_start_far_from_common_words(self):
        assert nl1("Takaichi said the plan would go ahead.") == []

    def test_teh_slip_mid_sentence(self):
        """A one-off capitalised slip of a very common word between lower-case words is a typo."""
        assert nl1("He said Teh talks would resume.") == [(1, 9, 1, 12)]
        assert suggestions("He said Teh talks would resume.") == ['Use "The"']

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The bank was founded by Teh Hong Piow in 1966.", id="part-of-a-full-name"),
            pytest.param("Officials said Teh would resign. Teh denied it.", id="used-twice"),
            pytest.param("Nguyen Thi Kim spoke to reporters.", id="vietnamese-middle-name"),
        ],
    )
    def test_teh_like_names_silent(self, text):
        assert nl1(text) == []


class TestPossessivesAndCompounds:
    """Possessives are stripped; each hyphenated part is checked on its own."""

    @pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
    def test_possessive_of_known_word_and_name(self, apostrophe):
        assert nl1(f"Japan{apostrophe}s leader and the government{apostrophe}s plan.") == []

    @pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
    def test_possessive_of_misspelled_word(self, apostrophe):
        text = f"The govermnent{apostrophe}s plan failed."
        assert nl1(text) == [(1, 5, 1, 15)]  # the span stops before the possessive

    def test_one_bad_part_of_a_compound(self):
        text = "A forward-lookign plan."
        assert nl1(text) == [(1, 11, 1, 18)]
        assert suggestions(text) == ['Use "looking"']

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("A forward-looking, Japan-China, pre-season plan.", id="good-parts"),
            pytest.param("President Lee Jae-myung visited Horyu-ji Temple.", id="name-compounds"),
            pytest.param("The anti-American and pro-Russian camps.", id="capitalised-part"),
            pytest.param("The US-led, mid-term and non-EU deals.", id="acronym-part"),
        ],
    )
    def test_good_compounds_silent(self, text):
        assert nl1(text) == []


class TestVarieties:
    """British and American spellings are both correct."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The defence of labour, honour and colour in the centre.", id="british"),
            pytest.param("The defense of labor, honor and color in the center.", id="american"),
            pytest.param("They organised the programme and travelled to the paediatric ward.", id="british-verbs"),
            pytest.param("They organized the program and traveled to the pediatric ward.", id="american-verbs"),
            pytest.param("Neighbours criticised the catalogue of offences and the cheque.", id="british-nouns"),
        ],
    )
    def test_both_silent(self, text):
        assert nl1(text) == []


class TestRunTogether:
    """Two words with the space lost next to a function word."""

    def test_reported(self):
        text = "Officials alsosaid the bridge was shut."
        assert positions(text, select=["NL102"]) == [(1, 11, 1, 19)]
        assert suggestions(text) == ['Use "also said"']

    def test_content_compound_silent(self):
        assert nl1("The wheatbelt and the floodplain were dry.") == []


class TestConfig:
    """User words, word-list files and word packs are accepted words."""

    ARTICLE = "The Kwangju plan was about gaiwning seats and the stokcs tax.\n"

    def _lint(self, tmp_path: Path, config: str) -> list[str]:
        (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
        article = tmp_path / "article.txt"
        article.write_text(self.ARTICLE, encoding="utf-8")
        result = lint_paths([str(article)], entry_points=False, select=["NL1"])
        return [self.ARTICLE[d.start : d.end] for d in result.diagnostics]

    def test_without_config_both_reported(self, tmp_path):
        assert self._lint(tmp_path, "") == ["gaiwning", "stokcs"]

    def test_words_key(self, tmp_path):
        assert self._lint(tmp_path, 'words = ["gaiwning"]\n') == ["stokcs"]

    def test_word_lists_key(self, tmp_path):
        (tmp_path / "lists").mkdir()
        (tmp_path / "lists" / "house.txt").write_text(
            "# house words\nstokcs\n\ngaiwning  # a house word\n", encoding="utf-8"
        )
        assert self._lint(tmp_path, 'word-lists = ["lists/house.txt"]\n') == []

    def test_capitalised_entry_counts_only_for_capitalised_tokens(self, tmp_path):
        """A list's capitalised entry is a name: it does not make the lower-case form a word."""
        (tmp_path / "lists").mkdir()
        (tmp_path / "lists" / "house.txt").write_text("Gaiwning\nStokcs\n", encoding="utf-8")
        assert self._lint(tmp_path, 'word-lists = ["lists/house.txt"]\n') == ["gaiwning", "stokcs"]

    def test_words_pack(self, tmp_path):
        (tmp_path / "house.toml").write_text(
            'words = ["stokcs"]\n\n[pack]\nkind = "words"\nschema = 1\n', encoding="utf-8"
        )
        assert self._lint(tmp_path, 'packs = ["house.toml"]\n') == ["gaiwning"]

    def test_missing_word_list_is_a_config_error(self, tmp_path):
        (tmp_path / "newslint.toml").write_text('word-lists = ["nowhere.txt"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text(self.ARTICLE, encoding="utf-8")
        proc = run_cli("a.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert b"nowhere.txt" in proc.stderr


class TestLexicon:
    """The dictionary cache, the picklable state and the edit distance."""

    @pytest.mark.slow  # a fresh user cache: a cold dictionary build (~5 s)
    def test_cache_written_then_read(self, tmp_path, monkeypatch):
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
        spec = LexiconSpec(WORDS_TXT)
        base = spec._base()
        files = list((tmp_path / "cache").glob("spelling-en-*.marshal"))
        assert len(files) == 1
        assert LexiconSpec(WORDS_TXT)._base() == base
        assert "defence" in base["words"] and "the" in base["words"] and base["slips"]["teh"] == "the"
        assert "barth" in base["names"] and "barth" not in base["words"]  # a capitalised entry: a name only

    def test_cache_is_data_only(self, tmp_path, monkeypatch, shared_base):
        """A cache file that is not the expected plain data (a code object, a wrong shape) is rebuilt."""
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setattr(lexicon, "build_base", lambda _path: shared_base)  # the build itself is tested above
        spec = LexiconSpec(WORDS_TXT)
        spec._base()
        (path,) = (tmp_path / "cache").glob("spelling-en-*.marshal")
        path.write_bytes(marshal.dumps({"words": compile("1", "x", "eval")}))
        assert "defence" in LexiconSpec(WORDS_TXT)._base()["words"]
        assert isinstance(marshal.loads(path.read_bytes()[safecache._SEAL_BYTES :]), dict)  # rewritten, sealed

    def test_unwritable_cache_builds_in_memory(self, tmp_path, monkeypatch, shared_base):
        monkeypatch.setattr(lexicon, "build_base", lambda _path: shared_base)
        blocker = tmp_path / "file"
        blocker.write_text("not a directory")
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
        assert "gaining" in LexiconSpec(WORDS_TXT)._base()["words"]

    def test_speller_pickles_without_its_dictionary(self):
        speller = Speller(LexiconSpec(WORDS_TXT))
        doc = Document("in hopes of gaiwning more seats")
        assert len(list(typos(doc, speller))) == 1
        data = pickle.dumps(speller)
        assert len(data) < 2000
        copy = pickle.loads(data)
        assert [d.suggestion for d in typos(doc, copy)] == ['Use "gaining"']

    def test_user_word_is_a_correction(self):
        """A house word joins the correction index too: its misspelling gets it as the suggestion."""
        speller = Speller(LexiconSpec(WORDS_TXT, ("kwangjuite",)))
        doc = Document("The kwangjuitte delegation arrived.")
        assert [d.suggestion for d in typos(doc, speller)] == ['Use "kwangjuite"']

    @pytest.mark.parametrize(
        ("a", "b", "distance"),
        [("teh", "the", 1), ("gaiwning", "gaining", 1), ("ciritcal", "critical", 2), ("abc", "xyzw", 3)],
    )
    def test_damerau(self, a, b, distance):
        assert damerau(a, b) == distance

    def test_damerau_matches_the_full_table(self):
        """The banded, shortcut distance agrees with the plain optimal-string-alignment table."""
        import random

        def full(a: str, b: str, limit: int) -> int:
            d = [[i + j if not (i and j) else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
            for i in range(1, len(a) + 1):
                for j in range(1, len(b) + 1):
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
                    if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            return min(d[-1][-1], limit + 1)

        rng = random.Random(2026)
        for _ in range(3000):
            a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 9)))
            b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 9)))
            for limit in (1, 2):
                assert damerau(a, b, limit) == full(a, b, limit), (a, b, limit)
        assert damerau("abcdef", "bcdefg") == 2  # a letter lost and one added: everything between shifts

    def test_distance2_index_finds_every_word_within_two_edits(self):
        """The hashed deletion index misses nothing a full scan finds, two substitutions included."""
        words = {w: 1000 for w in ("harbour", "harbours", "harbor", "arbour", "labour", "barbour", "harvest", "the")}
        small = lexicon.WordLexicon(words)
        for typed in ("harbuor", "hrabour", "harbxyr", "arbor", "hrbour", "harbourss", "teh", "th", "xyzzy"):
            limit = 2 if len(typed) >= lexicon.SHORTEST_DISTANCE2 else 1
            scan = {(w, damerau(typed, w, limit)) for w in words if 0 < damerau(typed, w, limit) <= limit}
            assert set(small.candidates(typed)) == scan, typed

    def test_distance2_index_cache_is_data_only(self):
        index = lexicon.build_index({"harbour": 1, "labour": 1})
        data = index.data()
        assert set(marshal.loads(marshal.dumps(data))) == {"words", "keys", "starts"}
        again = lexicon.DeleteIndex.from_data(marshal.loads(marshal.dumps(data)))
        assert again is not None and again.lookup({"harbour"}) == {"harbour"}
        for bad in ({"words": ["x"], "keys": b"1234567", "starts": data["starts"]}, {"words": 1}, None):
            assert lexicon.DeleteIndex.from_data(bad) is None

    def test_long_token_bounded(self):
        """A 60-letter unknown token is judged without a distance-2 search blow-up."""
        import time

        text = "the " + "abcdefghij" * 6 + " end"
        start = time.perf_counter()
        nl1(text)
        assert time.perf_counter() - start < 5  # generous: a blow-up takes minutes


class TestWordList:
    """rules/words.txt holds real words only."""

    def test_entries_are_lower_case_words(self):
        words = read_word_list(WORDS_TXT)
        assert len(words) > 1000
        bad = [w for w in words if not re.fullmatch(r"[a-z]{2,}|[A-Z][a-z]+|[A-Za-z]{2,}", w)]
        assert bad == []

    def test_slip_shaped_forms_refused_without_any_list(self):
        """What a list of known misspellings did, done by shape: an apostrophe lost, a slip of a much commoner word."""
        core = {"that": 10_000_000, "did": 1_000_000, "until": 400_000, "transferred": 20_000, "wrecking": 2_400}
        assert lexicon.slip_shaped("thats", 30_000, core)  # "that's" without its apostrophe
        assert lexicon.slip_shaped("didnt", 15_000, core)
        assert lexicon.slip_shaped("untill", 900, core)  # a doubled letter, 400 times rarer than "until"
        assert lexicon.slip_shaped("transfered", 230, core)  # a long word, a doubling lost
        assert not lexicon.slip_shaped("wracking", 560, core)  # a variant only 4 times rarer
        assert not lexicon.slip_shaped("gzip", 56, core)  # no word a slip away

    def test_slip_forms_refused_in_the_built_lexicon(self, shared_lexicon):
        """A rare word one slip from a much commoner word is refused; a capitalised one is still a name."""
        assert not shared_lexicon.known("truk") and not shared_lexicon.known("untill")
        assert shared_lexicon.known("frontman") and not shared_lexicon.known("teh", capitalised=True)


class TestWordStatus:
    """Each extended-tier form's status, judged when the lexicon is built, equals judging it on first use."""

    @staticmethod
    def _sample(words, n, seed):
        import random

        return random.Random(seed).sample(sorted(words), n)

    def test_slip_tests_match_the_generated_slips(self, shared_lexicon):
        """``_is_slip``, ``_is_spelling_slip`` and ``one_edit_cost`` decide from two strings what the generators
        and the full table make."""
        forms = self._sample(shared_lexicon.freq, 60, 1) + self._sample(shared_lexicon.rare, 60, 2)
        forms += ["untill", "occassion", "transfered", "seperate", "recieved", "aab", "abba"]
        for form in forms:
            slips, spelled = set(lexicon.slip_intended(form)), set(lexicon._spelling_slips(form))
            for other in lexicon.edits1(form):
                assert lexicon._is_slip(form, other) == (other in slips), (form, other)
                assert lexicon._is_spelling_slip(form, other) == (other in spelled), (form, other)
                table = lexicon._edit_table(form, other)  # the full weighted table, not its one-edit shortcut
                assert lexicon.one_edit_cost(form, other) == pytest.approx(table), (form, other)
                assert lexicon.edit_cost(form, other) == pytest.approx(table), (form, other)

    def test_neighbours_found_at_once_equal_the_edits(self, shared_lexicon):
        words = shared_lexicon.freq
        forms = self._sample(shared_lexicon.rare, 400, 3) + ["truk", "untill", "gzip"]
        near = lexicon._neighbours((w for w in words if w.isascii() and w.isalpha()), forms)
        for form in forms:
            assert set(near.get(form, ())) == lexicon.one_edit_words(form, words), form

    def test_one_edit_from_the_index_equals_the_edits(self, shared_lexicon):
        shared_lexicon.candidates("harbour")  # loads the correction index, which ``one_edit`` then uses
        forms = self._sample(shared_lexicon.freq, 200, 4) + self._sample(shared_lexicon.rare, 200, 5)
        forms += ["faied", "tomatos", "mics", "ab", "naïve"]
        for form in forms:
            assert shared_lexicon.one_edit(form) == lexicon.one_edit_words(form, shared_lexicon.freq), form

    def test_built_statuses_equal_statuses_judged_on_first_use(self, shared_lexicon, shared_base):
        """A sample of both tables, lower case and capitalised, against a lexicon that judges every form itself."""
        base = shared_base
        judging = lexicon.WordLexicon(
            base["words"],
            names=base["names"],
            rare={**base["rare"], **base["rivalled"]},
            refused=frozenset(base["refused"]),
            slips=base["slips"],
        )
        forms = self._sample(base["rare"], 600, 6) + self._sample(base["rivalled"], 600, 7)
        forms += ["truk", "pase", "barth", "gzip", "frontman", "untill", "thats"]
        for form in forms:
            assert shared_lexicon.known(form) == judging.known(form), form
            assert shared_lexicon.known(form, True) == judging.known(form, True), form
        assert "truk" in base["rivalled"] and "gzip" in base["rare"]  # one slip from "truck"; no word a slip away

    def test_a_house_word_rejudges_the_forms_near_it(self):
        """wordfreq's "listserve" is a word until the house list adds "listserv": then it is that word mistyped."""
        assert LexiconSpec(WORDS_TXT).get().known("listserve")
        house = LexiconSpec(WORDS_TXT, ("listserv",)).get()
        assert house.known("listserv") and not house.known("listserve")
        doc = Document("Subscribers to the newsroom listserve got the memo first.")
        assert [d.suggestion for d in typos(doc, Speller(LexiconSpec(WORDS_TXT, ("listserv",))))] == ['Use "listserv"']

    def test_endings_counted_at_build_time(self, shared_lexicon):
        from collections import Counter

        counted = Counter(w[-3:] for w in shared_lexicon.freq if len(w) >= 6)
        for ending in ("tor", "acy", "ing", "xyt", "nng"):
            assert shared_lexicon.ending_count("x" + ending) == counted[ending]
        house = LexiconSpec(WORDS_TXT, ("zorblacy", "Qwertacy")).get()  # a name adds no lower-case word
        assert house.ending_count("acy") == counted["acy"] + 1

    def test_cache_tables_are_checked(self, shared_base):
        assert lexicon._valid_base(shared_base)
        for name, bad in (
            ("rivalled", ["truk"]),
            ("rivalled", {"truk": "10"}),
            ("endings", {"acy": 1.5}),
            ("rare", None),
        ):
            assert not lexicon._valid_base({**shared_base, name: bad}), name
        assert not lexicon._valid_base({k: v for k, v in shared_base.items() if k != "rivalled"})


class TestCleanText:
    """Professional prose with names from many countries gives no NL1xx at all."""

    CLEAN = """\
SEOUL — President Lee Jae-myung met Chinese President Xi Jinping in Gyeongju on Saturday, the first summit between the two leaders.

Japan’s Prime Minister Sanae Takaichi told reporters in Tokyo that the talks with Kim Jong-un’s envoy had been “forward-looking.”

In Kyiv, President Volodymyr Zelenskyy thanked Chancellor Friedrich Merz and Poland’s Donald Tusk for their support.

Brazil’s President Luiz Inácio Lula da Silva hosted Narendra Modi, Cyril Ramaphosa and Recep Tayyip Erdoğan in Brasília.

NAIROBI — Kenya’s William Ruto and Ethiopia’s Abiy Ahmed discussed the Grand Ethiopian Renaissance Dam with Egypt’s Abdel Fattah el-Sisi.

The ceasefire between Israel and Hamas held for a third day, according to Qatari mediators and officials in Doha and Cairo.

Mexican President Claudia Sheinbaum said the peso had strengthened, while Argentina’s Javier Milei defended his economic programme.

Indonesia’s Prabowo Subianto met Vietnam’s To Lam and the Philippines’ Ferdinand Marcos Jr. at the ASEAN summit in Kuala Lumpur.

The defence ministry’s spokesman, Colonel Oleksandr Syrskyi, said the drones were shot down near Kharkiv and Zaporizhzhia.

Officials said the programme would be organised by the labour ministry and that neighbours had been consulted about the centre.

Analysts in Lagos, Accra and Dakar said the remittances and crowdfunding had helped small businesses weather the downturn.

Bangladesh’s interim leader Muhammad Yunus said the monsoon floods had displaced 1.2 million people in Sylhet and Sunamganj.
"""

    def test_no_typos_reported(self):
        assert check(self.CLEAN, select=["NL1"]) == []

    def test_lee_background_within_budget(self):
        """The 300 gensim news articles stay within the measured false-positive budget (if fetched)."""
        lee = ROOT / "benchmarks" / ".data" / "lee_background.cor"
        if not lee.exists():
            pytest.skip("run python -m benchmarks.corpus to fetch lee_background.cor")
        sys.path.insert(0, str(ROOT))
        from benchmarks.typos import REAL_TYPOS_IN_LEE

        articles = [line for line in lee.read_text(encoding="utf-8").splitlines() if line.strip()]
        speller = Speller(LexiconSpec(WORDS_TXT))
        words = 0
        false = []
        for text in articles:
            words += len(text.split())
            false += [
                text[d.start : d.end]
                for d in typos(Document(text), speller)
                if text[d.start : d.end].lower() not in REAL_TYPOS_IN_LEE
            ]
        assert 1000 * len(false) / words <= 0.3, false


def test_seeds_exactly_one_typo():
    """On the seeds, the only NL1xx diagnostic is "gaiwning" at 001:7:314, suggesting "gaining"."""
    proc = run_cli("--format", "json", "--isolated", "--select", "NL1", "seeds")
    report = json.loads(proc.stdout)
    assert [(Path(d["path"]).name, d["line"], d["column"], d["end_column"], d["code"]) for d in report] == [
        ("001_af63139ad71ceeb0.txt", 7, 314, 322, "NL101")
    ]
    assert report[0]["suggestion"] == 'Use "gaining"'
    assert report[0]["category"] == "typo"


def test_explain():
    """Each rule has a real --explain text."""
    for code in ("NL101", "NL102"):
        proc = run_cli("--explain", code)
        out = proc.stdout.decode()
        assert proc.returncode == 0
        for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
            assert heading in out


class TestTiersAndShapes:
    """The tiered lexicon, the term rule, and the shapes of names and tokens that are no typos."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The band's frontman praised the chipset and its haptic feedback.", id="extended-tier"),
            pytest.param("Funders greenlit the courtside seats, streamed wirelessly.", id="extended-tier-2"),
            pytest.param("The uncarpeted hall echoed with their ponderings.", id="derived-forms"),
            pytest.param("Ludwig von Mises and Vincent van Gogh were cited.", id="particles"),
            pytest.param("Cases of Salmonella enterica and E. coli rose.", id="binomials"),
            pytest.param("Their neo\u2013liberal turn and the sci-fi film.", id="prefix-before-dash"),
            pytest.param("Details are at petshelter.org and in notes.txt today.", id="domains-and-files"),
            pytest.param("The old drover kept singin\u2019 as the herd moved.", id="dropped-g"),
            pytest.param("Call epoll() and then fopen(path) in the loop.", id="code-punctuation"),
            pytest.param("The elders opened with a karakia (prayer) at dawn.", id="glossed-loanword"),
            pytest.param("It was a wishy-washy, loosey-goosey plan.", id="echo-compounds"),
            pytest.param(
                "The iwi gathered at Ōtaki, Māhia and Whanganui. Later the rangatira spoke of the pātaka and the kumara pits.",
                id="maori-words-in-a-macron-article",
            ),
            pytest.param(
                "Iwi leaders at Ōtaki and Māhia said the pāua beds were closed, but the tuatuas and pipis recovered.",
                id="maori-words-with-english-plurals",
            ),
            pytest.param(
                "The speaker avoided the usual \u201cerms\u201d and \u201cuhms\u201d entirely.", id="mentioned-word"
            ),
            pytest.param("Photos by Ann Ryder, jsmithe, Paul Okafor and others.", id="user-name-in-credits"),
            pytest.param(
                '^ Wroblik, Anna (3 May 2019). "Harbour plans". The Press. Retrieved 4 May 2019.', id="reference"
            ),
            pytest.param(
                '^ Rouer, Ines (2 June 2020). "Dry summer ahead". The Courier.', id="reference-author-near-a-word"
            ),
            pytest.param(
                "The flumpy cushions matched the flumpy sofa in the lobby.", id="coinage-used-twice-is-a-term"
            ),
            pytest.param("The chef's joie de vivre filled the kitchen on opening night.", id="foreign-phrase-de"),
            pytest.param("The smuggler was known to the police only by his nom de guerre.", id="foreign-phrase-nom"),
            pytest.param(
                "The council named the excusers and the refusers of the levy in its report.",
                id="agent-plural-beside-verb-form",
            ),
            pytest.param("The nightly backups were tarred and gzipped before upload.", id="doubled-short-rare-stem"),
        ],
    )
    def test_silent(self, text):
        assert nl1(text) == []

    @pytest.mark.parametrize(
        ("text", "word", "suggestion"),
        [
            pytest.param("A sharp dorp in prices worried traders.", "dorp", 'Use "drop"', id="rare-junk-near-a-word"),
            pytest.param("They bought two tomatos at the market.", "tomatos", 'Use "tomatoes"', id="no-plural-rule"),
            pytest.param("Voters had anothers in mind.", "anothers", 'Use "another"', id="common-stem"),
            pytest.param("The village had a barth for everyone.", "barth", 'Use "birth"', id="name-entry-lower-case"),
            pytest.param("The reciept arrived with teh goods.", "reciept", 'Use "receipt"', id="slip-shaped-form"),
            pytest.param("The flumpy cushions matched the sofa.", "flumpy", 'Use "frumpy"', id="coinage-used-once"),
            pytest.param("^ Rouer report (2020).", "Rouer", 'Use "Roger"', id="no-author-pattern"),
            pytest.param(
                "The goverment's plan was costly, the auditors said.", "goverment", 'Use "government"', id="possessive"
            ),
            pytest.param(
                "Voters in the town de facto ignored the goverment.",
                "goverment",
                'Use "government"',
                id="slip-away-from-the-foreign-link",
            ),
        ],
    )
    def test_flagged(self, text, word, suggestion):
        found = check(text, select=["NL1"])
        assert [text[d.start : d.end] for d in found][:1] == [word]
        assert found[0].suggestion == suggestion

    def test_term_used_three_times_is_silent(self):
        text = (
            "The council's flumox scheme began in May. Critics said flumox was costly.\n\n"
            "Supporters said the flumox plan would pay for itself.\n"
        )
        assert nl1(text) == []

    def test_known_misspelling_is_never_a_term(self):
        text = "The goverment met. The goverment spoke. The goverment resigned.\n"
        found = check(text, select=["NL1"])
        assert [(d.start, d.suggestion) for d in found] == [(4, 'Use "government"')]
        assert "used 3 times" in found[0].message

    def test_unknown_form_reported_once_with_count(self):
        text = "The strikr began at dawn. The strikr ended at noon.\n"
        found = check(text, select=["NL1"])
        assert len(found) == 1 and "used 2 times" in found[0].message

    def test_broken_contraction_reported_once(self):
        text = "The minister said it isn \u2018t over yet.\n"
        found = check(text, select=["NL1"])
        assert [(text[d.start : d.end], d.suggestion) for d in found] == [("isn \u2018t", 'Use "isn\u2019t"')]

    def test_two_edit_suggestion_beats_a_rarer_one_edit_word(self):
        assert suggestions("They will stil go, and were sitll there.")[-1] == 'Use "still"'

    def test_two_arbitrary_edits_from_a_word_is_no_typo(self):
        """A loanword or a coinage two untypical edits from some word ("karakia", "kapaka") is left alone."""
        assert nl1("The elders opened with a karakia at dawn, then the mtalley began.") == []

    def test_two_typical_slips_are_a_typo(self):
        """Two edits that are both typical slips (a doubled letter, two letters swapped) still make a typo."""
        assert suggestions("The council said the vote was a formallity and a techincality.") == [
            'Use "formality"',
            'Use "technicality"',
        ]

    def test_two_edits_of_one_sound_are_a_typo(self):
        """A word spelt by ear is two edits from the word, but one sound for another."""
        assert suggestions("The minister said the board was never inphormed of the change.") == ['Use "informed"']

    def test_a_first_letter_changed_makes_no_correction(self):
        """Writers rarely get the first letter wrong: "vlogs" is no "blogs", but "hte" is "the"."""
        assert suggestions("Her vlogs and zines were sold at hte fair.") == ['Use "the"']


class TestDoubledLetters:
    """A doubled letter written single, or a single one doubled: the commonest real misspelling."""

    @pytest.mark.parametrize(
        ("text", "fixed"),
        [
            ("The collision occured just after the ferry left the quay.", "occurred"),
            ("The inquiry will reccomend changes to the harbour rules.", "recommend"),
            ("Residents said the road would reopen tommorow morning.", "tomorrow"),
            ("Police tried to supress the footage of the arrest.", "suppress"),
        ],
    )
    def test_doubling_slip_of_a_common_word_is_flagged(self, text, fixed):
        """wordfreq lists these forms (the web writes them), but a far commoner word differs only in doubling."""
        assert suggestions(text) == [f'Use "{fixed}"']

    def test_both_spellings_of_a_variant_pass(self):
        """Spellings the dictionary holds ("travelled", "focussed", "woollen") are never judged against another."""
        assert nl1("She travelled north, focussed on the woollen mills, and cancelled the programme.") == []


class TestOtherLanguages:
    def test_term_in_brackets_is_not_spell_checked(self):
        """A Latin term named in brackets after the English is no typo; a typical slip in brackets still is."""
        assert nl1("Citizenship passed only by descent (jus sanguinis) until the 1983 reform.") == []
        assert suggestions("The ministry published the report (tehcnical annex) on Monday.") == ['Use "technical"']

    def test_paragraph_in_another_language_is_not_spell_checked(self):
        """A French headline or caption quoted in a page is no English typo; the English around it is checked."""
        text = (
            "Les députés ont voté contre notre proposition hier soir\n\n"
            "The council said the vote was a formallity after the debate.\n"
        )
        assert suggestions(text) == ['Use "formality"']


class TestRunTogetherPrepositions:
    """A preposition glued to the word before it: a space lost, reported as NL102 with the two words."""

    @pytest.mark.parametrize(
        ("text", "fixed"),
        [
            ("The crew was dressedin orange overalls.", "dressed in"),
            ("She kept the diaryall the way to Lisbon.", "diary all"),
            ("The fund decidedupon a new chair.", "decided upon"),
        ],
    )
    def test_preposition_glued_to_a_word(self, text, fixed):
        found = check(text, select=["NL1"])
        assert [(d.code, d.suggestion) for d in found] == [("NL102", f'Use "{fixed}"')]

    def test_preposition_does_not_open_a_coinage(self):
        """As the first piece a preposition makes a coinage ("onchain", "atcost"), not a lost space."""
        assert [d.code for d in check("The onchain data showed the transfer.", select=["NL102"])] == []


class TestShapesOfTheMistake:
    """Forms decided by the shape of the mistake, not by a list: inflections, first words, particles, vowels."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The podcast hosts swapped their mics before the second interview.", id="plural-of-mic"),
            pytest.param("Forecasters compared the figures with the climate normals for July.", id="common-stem"),
            pytest.param("Two committers reviewed the patch before it was merged.", id="doubled-consonant"),
            pytest.param("Ontologists and linguists met in Geneva to compare notes.", id="y-before-ist"),
            pytest.param("The startup hired a coder from the local university.", id="agent-noun"),
            pytest.param("Claus said the harbour would reopen on Monday.", id="name-wordfreq-knows"),
            pytest.param("Stoll, Mark (2005). A history of the Pacific. London: Penguin.", id="inverted-name"),
            pytest.param("Portraits of Ludwig dela Cruz hung in the hall.", id="particle"),
            pytest.param("Readers can install the tool with npm or download it.", id="abbreviation"),
            pytest.param("Players keep potions in their hotbars during raids.", id="closed-compound"),
        ],
    )
    def test_silent(self, text):
        assert nl1(text) == []

    @pytest.mark.parametrize(
        ("text", "word", "suggestion"),
        [
            pytest.param("The club faied to qualify for the final.", "faied", 'Use "failed"', id="derived-leak"),
            pytest.param("Crowds lined the track for the rcaing season.", "rcaing", 'Use "racing"', id="acronym-stem"),
            pytest.param("The serveer crashed twice overnight.", "serveer", 'Use "server"', id="sibling-form"),
            pytest.param(
                "Officials said the plan was costly.\n\nFrist, the council must vote.",
                "Frist",
                'Use "First"',
                id="first-word-wordfreq-knows",
            ),
            pytest.param(
                "Shoppers queued outside the stre Monday morning.", "stre", 'Use "store"', id="not-a-particle"
            ),
            pytest.param("Ministers said they mght delay the vote.", "mght", 'Use "might"', id="vowel-dropped"),
        ],
    )
    def test_flagged(self, text, word, suggestion):
        found = check(text, select=["NL1"])
        assert [(text[d.start : d.end], d.suggestion) for d in found] == [(word, suggestion)]

    def test_joined_with_a_function_word_is_no_compound(self):
        """Joining "hall" and "all" makes no coinage: a function word does not form closed compounds."""
        assert len(nl1("The butcher on Queen Street sells hallall meat.")) == 1


class TestDerivedEndings:
    """A word two edits from a known word that keeps its stem and takes another common ending is a derivation."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The site's paginator loads twenty stories at a time.", id="agent-noun-of-paginate"),
            pytest.param("Critics mocked the inveteracy of the council's habits.", id="acy-of-inveterate"),
        ],
    )
    def test_silent(self, text):
        assert nl1(text) == []

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            pytest.param("The ruling has to be read in contexxyt, the judge said.", "contexxyt", id="odd-ending"),
            pytest.param("The volunterfs cleared the beach on Sunday.", "volunterfs", id="rare-ending"),
            pytest.param("He said the plan was good for businessat the harbour.", "businessat", id="run-together"),
        ],
    )
    def test_still_flagged(self, text, word):
        found = check(text, select=["NL1"])
        assert [text[d.start : d.end] for d in found] == [word]
