"""NL4xx: name mentions, the strict variant key, the names pack, and the corpus map/reduce."""

from __future__ import annotations

import json
import pickle
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

from newslint import Document, PackError
from newslint.checks.names.facts import NameFacts, one_edit
from newslint.checks.names.mentions import find_mentions, variant_key
from newslint.checks.names.names import lexicon
from newslint.model.facts import merge_facts
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import lint_source, run
from newslint.run.sources import Source, discover
from newslint.testing import check, positions

# -- the variant key ------------------------------------------------------------------------


class TestVariantKey:
    """The key joins spellings of one name and nothing else."""

    @pytest.mark.parametrize(
        "spelling",
        [
            "Lee Jae Myung",
            "Lee Jae-myung",
            "Lee Jae\u2011Myung",  # non-breaking hyphen
            "Lee Jae\u2010myung",  # hyphen
            "Lee Jae\u2013myung",  # en dash
            "Lee Jae\u2212myung",  # minus sign
            "Lee Jae\uff0dmyung",  # full-width hyphen-minus
            "Lee\u00a0Jae\u00a0Myung",  # no-break spaces
            "Lee Jae\u202fMyung",  # narrow no-break space
            "Lee Jaemyung",
            "Lee Jae\u00admyung",  # soft hyphen
            "Lee Jae\u200bmyung",  # zero-width space
            "LEE JAE-MYUNG",
            "Lee Jae-myung's",
            "Lee Jae-myung\u2019s",
        ],
    )
    def test_spellings_of_one_name_share_a_key(self, spelling):
        assert variant_key(spelling) == "leejaemyung"

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            pytest.param("Tōkyō", "Tokyo", id="macrons"),
            pytest.param("To\u0304kyo\u0304", "Tokyo", id="decomposed-macrons"),
            pytest.param("Nicolás Maduro", "Nicolas Maduro", id="acute"),
            pytest.param("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", id="breve"),
            pytest.param("Łódź", "Lodz", id="l-stroke"),
            pytest.param("Đoàn", "Doan", id="d-stroke"),
            pytest.param("Søren", "Soren", id="o-stroke"),
            pytest.param("Strauß", "Strauss", id="sharp-s"),
            pytest.param("Işık", "Isik", id="dotless-i"),
            pytest.param("İstanbul", "Istanbul", id="dotted-capital-i"),
            pytest.param("Müller", "Mueller", id="u-umlaut-is-ue"),
            pytest.param("O'Brien", "O\u2019Brien", id="apostrophe-kinds"),
            pytest.param("Xi\u2018an", "Xi'an", id="left-quote-as-apostrophe"),
            pytest.param("Ｔａｋａｉｃｈｉ", "Takaichi", id="full-width-letters"),
        ],
    )
    def test_folds(self, a, b):
        assert variant_key(a) == variant_key(b)

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            pytest.param("Lee Jae-myung", "Lee Jae-yong", id="lee-jae"),
            pytest.param("Kim Jong Un", "Kim Jong Il", id="kim-jong"),
            pytest.param("Park Geun-hye", "Park Chung-hee", id="park"),
            pytest.param("Jae", "Jay", id="jae-jay"),
            pytest.param("Lu", "Lü", id="lu-lü"),
            pytest.param("George Bush", "George W. Bush", id="initial"),
            pytest.param("Donald Trump", "Donald Trump Jr.", id="suffix"),
            pytest.param("Xi'an", "Xian", id="apostrophe-kept"),
            pytest.param("Mount Fuji", "Mount Fu", id="fuji"),
        ],
    )
    def test_different_names_keep_apart(self, a, b):
        assert variant_key(a) != variant_key(b)

    def test_pack_equivalences_join_keys(self, lex):
        assert lex.key("Horyu-ji Temple") == lex.key("Horyuji Temple") == lex.key("Horyu Temple")
        assert lex.key("Zelensky") == lex.key("Zelenskiy") == lex.key("Zelenskyy")
        assert lex.key("Kiev") == lex.key("Kyiv")
        assert lex.key("Yi Seung-man") == lex.key("Syngman Rhee")
        assert lex.key("Mohammed bin Salman") == lex.key("Muhammad bin Salman")

    def test_pack_keeps_what_it_must(self, lex):
        assert lex.key("Mohammed") != lex.key("Muhammad")  # alone = false: people spell their own name
        assert lex.key("Mount Fuji") != lex.key("Mount Fu")
        assert lex.key("Fuji Temple") != lex.key("Fu Temple")  # a glued ending leaves three letters
        assert lex.key("Kim Min-ji") == lex.key("Kim Minji") != lex.key("Kim Min Temple")


# -- mentions ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lex():
    return lexicon(Engine.create(RunOptions(isolated=True, entry_points=False)).ctx)


def _mentions(text, lex):
    return [(m.text, m.start) for m in find_mentions(Document(text), lex)]


class TestMentions:
    """Names are read from the Document's tokens, without titles, possessives or sentence openers."""

    def test_title_and_demonym_dropped(self, lex):
        text = "Officials said South Korean President Lee Jae-myung's visit went well."
        assert _mentions(text, lex) == [("Lee Jae-myung", 38)]

    def test_initials_suffixes_and_particles_kept(self, lex):
        text = "He cited George W. Bush, Donald Trump Jr. and Mohammed bin Salman, and Bashar al-Assad."
        assert [m for m, _ in _mentions(text, lex)] == [
            "George W. Bush",
            "Donald Trump Jr",
            "Mohammed bin Salman",
            "Bashar al-Assad",
        ]

    def test_martin_luther_king_jr_is_not_a_title(self, lex):
        assert [m for m, _ in _mentions("A speech by Martin Luther King Jr. was read.", lex)] == [
            "Martin Luther King Jr"
        ]

    def test_every_hyphen_joins_one_word(self, lex):
        text = "He met Lee Jae\u2013myung and Wi Sung\u2011lac and Kim Jong\u00adun there."
        assert [m for m, _ in _mentions(text, lex)] == ["Lee Jae\u2013myung", "Wi Sung\u2011lac", "Kim Jong\u00adun"]

    def test_sentence_openers_and_weekdays_split_names(self, lex):
        text = "Following talks on Monday Takaichi met Lee. Despite that, officials said Takaichi agreed."
        assert [m for m, _ in _mentions(text, lex)] == ["Takaichi", "Lee", "Takaichi"]

    def test_forced_capital_alone_is_no_name(self, lex):
        assert _mentions("Reelection looks likely. Re-election is the aim.", lex) == []

    def test_title_case_headline_forces_capitals(self, lex):
        text = "Takaichi Hosts Lee Jae-Myung in Nara\n\nPresident Lee Jae-myung met Takaichi in Nara.\n"
        mentions = find_mentions(Document(text), lex)
        assert [(m.text, m.reliable) for m in mentions] == [
            ("Takaichi", False),
            ("Lee Jae-Myung", False),  # forced capitals: case is no evidence here
            ("Nara", False),
            ("Lee Jae-myung", True),
            ("Takaichi", True),
            ("Nara", True),
        ]


# -- NL401 within one document ----------------------------------------------------------------------

LEDE = "South Korean President Lee Jae Myung arrived in Nara on Tuesday for talks with Sanae Takaichi.\n"


class TestWithinDocument:
    """NL401 reports each minority spelling at its position, with the spelling to use."""

    def test_minority_spelling_reported_with_majority(self):
        text = LEDE + "Officials said Lee Jae Myung would stay two days.\nAides to Lee Jae-myung declined to comment.\n"
        diags = check(text, select=["NL401"])
        assert [(d.line, d.column, d.end_line, d.end_column) for d in diags] == [(3, 10, 3, 23)]
        assert diags[0].message == "'Lee Jae-myung' (1x here) vs 'Lee Jae Myung' (2x here)"
        assert diags[0].suggestion == "Use 'Lee Jae Myung'"

    def test_tie_goes_to_first_spelling(self):
        text = "Aides to Lee Jae-myung spoke first.\nLater Lee Jae Myung spoke.\n"
        assert positions(text, select=["NL401"]) == [(2, 7, 2, 20)]
        assert check(text, select=["NL401"])[0].message.endswith("(1x here, used first)")

    def test_preferred_spelling_wins_over_majority(self):
        text = "Fighting near Kiev went on.\nShelling hit Kiev again.\nResidents of Kyiv fled.\n"
        assert positions(text, select=["NL401"]) == [(1, 15, 1, 19), (2, 14, 2, 18)]
        assert check(text, select=["NL401"])[0].message == "'Kiev' (2x here) vs 'Kyiv' (1x here, preferred)"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("Visitors saw Tōkyō Tower and then Tokyo Tower at night.\n", [(1, 35, 1, 46)], id="macrons"),
            pytest.param(
                "Adviser Wi Sung\u2011lac spoke; aides to Wi Sung-lac and Wi Sung Lac agreed.\n",
                [(1, 53, 1, 64)],
                id="non-breaking-hyphen-is-a-hyphen",
            ),
            pytest.param(
                "Leaders visited Horyu Temple, and guides at Horyu Temple and Horyu-ji Temple agreed.\n",
                [(1, 62, 1, 77)],
                id="ji-temple",
            ),
            pytest.param(
                "Crowds cheered Zelenskyy; aides to Zelensky and Zelenskiy said so.\n",
                [(1, 36, 1, 44), (1, 49, 1, 58)],
                id="zelenskyy-preferred",
            ),
            pytest.param(
                "Aides to Ian Macfarlane and Ian MacFarlane and Ian Macfarlane met.\n", [(1, 29, 1, 43)], id="case"
            ),
        ],
    )
    def test_variants_found(self, text, expected):
        assert positions(text, select=["NL401"]) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "Talks with Lee Jae-myung and the Samsung chief Lee Jae-yong followed, and Lee Jae Myung spoke.\n",
                [(1, 75, 1, 88)],
                id="lee-jae-myung-vs-lee-jae-yong",
            ),
            pytest.param(
                "Portraits of Kim Jong Un and his father Kim Jong Il hung there, and Kim Jong-un waved.\n",
                [(1, 69, 1, 80)],
                id="kim-jong-un-vs-kim-jong-il",
            ),
            pytest.param(
                "A film about Park Geun-hye and her father Park Chung-hee opened, and Park Geun Hye attended.\n",
                [(1, 70, 1, 83)],
                id="park-geun-hye-vs-park-chung-hee",
            ),
            pytest.param(
                "Reporters asked Jae and then Jay about it, and later Jay and Jae left.\n", [], id="jae-vs-jay"
            ),
            pytest.param("Historians compared Lu and Lü, and then Lu again.\n", [], id="lu-vs-lü"),
            pytest.param(
                "Both George Bush and George W. Bush spoke, and then George W Bush left.\n",
                [(1, 53, 1, 66)],
                id="george-bush-vs-george-w-bush",
            ),
            pytest.param(
                "Both Donald Trump and Donald Trump Jr. spoke, and aides to Donald Trump Jr left with Donald Trump.\n",
                [],
                id="donald-trump-vs-donald-trump-jr",
            ),
            pytest.param("Tourists flew from Xi'an to Xian, then back to Xi\u2019an.\n", [], id="xi'an-vs-xian"),
            pytest.param(
                "Climbers left Mount Fuji for Horyu-ji Temple, and pilgrims at Mount Fuji visited Horyu Temple.\n",
                [(1, 82, 1, 94)],
                id="mount-fuji-vs-ji",
            ),
            pytest.param(
                "Guests met Mohammed and Muhammad, and later Mohammed bin Salman and Muhammad bin Salman.\n",
                [(1, 69, 1, 88)],
                id="mohammed-alone-vs-in-full",
            ),
        ],
    )
    def test_must_not_merge(self, text, expected):
        assert positions(text, select=["NL4"]) == expected

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(LEDE + "Lee Jae Myung later met Foreign Minister Toshimitsu Motegi.\n", id="consistent"),
            pytest.param("Lee Jae Myung met aides.\nLee Jae Myung\u2019s trip ended.\n", id="possessive"),
            pytest.param("Al-Assad spoke first. Later Bashar al-Assad and al-Assad spoke.\n", id="sentence-start-case"),
            pytest.param(
                "Takaichi Hosts Lee Jae-Myung in Nara\n\nPresident Lee Jae-myung met Takaichi.\n",
                id="title-case-headline",
            ),
            pytest.param(
                "The Japanese and South Korean leaders visited Nara. Xi Jinping, Sanae Takaichi and Lee Jae Myung "
                "have all met at APEC in Gyeongju, South Korea, where President Donald Trump also spoke.\n",
                id="multi-name",
            ),
            pytest.param("서울에서 이재명 대통령이 다카이치 총리를 만났다. 李在明 총통.\n", id="hangul"),
            pytest.param("Lee Jae Myung met them.\n" * 2 + "Lee Jae-myung-ah spoke.\n", id="longer-name"),
            pytest.param(
                "In the 1998 book L\u2019Ombre et le Métal, the historian traces metal in cities. Metal signs "
                "spread; firms such as Let There Be Metal made them. Metal lighting followed.\n",
                id="word-in-a-foreign-title",
            ),
        ],
    )
    def test_clean(self, text):
        assert positions(text, select=["NL4"]) == []


# -- the names pack ------------------------------------------------------------------------------------


def _pack(tmp_path: Path, body: str) -> str:
    path = tmp_path / "newsroom-names.toml"
    path.write_text('[pack]\nkind = "names"\nschema = 1\n' + body, encoding="utf-8")
    return str(path)


class TestPack:
    """The bundled pack validates, and a newsroom pack extends or overrides it."""

    def test_newsroom_changes_preferred_form(self, tmp_path):
        pack = _pack(tmp_path, '[[same]]\nspellings = ["Zelensky", "Zelenskyy"]\npreferred = "Zelensky"\n')
        text = "Crowds cheered Zelenskyy; aides to Zelensky and Zelenskyy spoke.\n"
        assert positions(text, select=["NL401"]) == [(1, 36, 1, 44)]
        assert positions(text, select=["NL401"], overrides={"packs": [pack]}) == [(1, 16, 1, 25), (1, 49, 1, 58)]

    def test_newsroom_adds_equivalence_and_title(self, tmp_path):
        pack = _pack(tmp_path, '[mentions]\ntitles = ["Anchor"]\n\n[[same]]\nspellings = ["Peking", "Beijing"]\n')
        text = "Fans of Anchor Jane Doe met Jane Doe in Beijing, and Peking fans met Jane Doe.\n"
        assert positions(text, select=["NL401"]) == []
        assert positions(text, select=["NL401"], overrides={"packs": [pack]}) == [(1, 54, 1, 60)]

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ('[[same]]\nspellings = "Kyiv"\n', "same[0].spellings: expected a list"),
            (
                '[[same]]\nspellings = ["Kyiv", "Kiev"]\npreferred = "Kyyiv"\n',
                "same[0].preferred: 'Kyyiv' is not one of",
            ),
            ('[[same]]\nspellings = ["Kyiv", ""]\n', "same[0].spellings[1]: expected a non-empty string"),
            (
                '[[same]]\nspellings = ["Kyiv"]\n[[same]]\nspellings = ["Kiev", "Kyiv"]\n',
                "same[1].spellings: 'Kyiv' is also in same[0]",
            ),
            ('[[distinct]]\nnames = ["Kiev", "Kyiv"]\n', "distinct[0]: 'Kiev' and 'Kyiv' share the key"),
            ('[[ending]]\nforms = ["-ji Temple"]\ncanonical = "Temple"\n', "ending[0].canonical"),
            ("[mentions]\ntitle = []\n", "mentions.title: unknown key"),
            ("[[name]]\n", "name: unknown key"),
        ],
    )
    def test_errors_name_file_and_key(self, tmp_path, body, message):
        pack = _pack(tmp_path, body)
        with pytest.raises(Exception) as info:
            Engine.create(RunOptions(isolated=True, entry_points=False, overrides={"packs": [pack]}))
        assert message in str(info.value)
        assert "newsroom-names.toml" in str(info.value)

    def test_cli_reports_bad_pack_with_exit_2(self, tmp_path):
        pack = _pack(tmp_path, '[[same]]\nspellings = ["Kyiv"]\npreferred = "Kiev"\n')
        (tmp_path / "newslint.toml").write_text(f"packs = [{json.dumps(pack)}]\n", encoding="utf-8")
        (tmp_path / "a.txt").write_text("Kyiv.\n", encoding="utf-8")
        proc = run_cli("--config", str(tmp_path / "newslint.toml"), str(tmp_path / "a.txt"))
        assert proc.returncode == 2
        assert "same[0].preferred" in proc.stderr.decode()

    def test_pack_error_is_pack_error(self, tmp_path):
        from newslint.checks.names.pack import parse_names_packs
        from newslint.plugin.packs import Packs

        pack = _pack(tmp_path, '[[distinct]]\nnames = ["Kyiv"]\n')
        with pytest.raises(PackError, match=r"distinct\[0\]\.names: expected at least 2"):
            Packs([Path(pack)]).load("names", parse_names_packs)


# -- NL402 and NL403 across a corpus -----------------------------------------------------------------------

TAKAICHI = "Prime Minister Sanae Takaichi met reporters in Tokyo, and aides to Takaichi said the talks went well.\n"


def _corpus(tmp_path: Path, texts: dict[str, str]) -> list[str]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return sorted(str(tmp_path / name) for name in texts)


def _lint(paths, **options):
    options.setdefault("isolated", True)
    options.setdefault("entry_points", False)
    engine = Engine.create(RunOptions(paths=tuple(paths), **options))
    return run(engine, discover(list(paths), engine.ctx.config)).diagnostics


class TestCorpus:
    """Extract, merge, judge: each document's spellings against the corpus target."""

    def test_consistent_document_reported_against_corpus_majority(self, tmp_path):
        paths = _corpus(
            tmp_path,
            {
                "a.txt": "Aides said Lee Jae Myung and Lee Jae Myung's wife arrived.\n",
                "b.txt": "Officials said Lee Jae Myung arrived.\n",
                "c.txt": "Reporters said Lee Jae-myung arrived, and aides to Lee Jae-myung agreed.\n",
                "d.txt": "Lee Jae Myung spoke, Lee Jae Myung left, and Lee Jae Myung waved.\n",
            },
        )
        diags = _lint(paths, select=["NL4"])
        assert [(Path(d.path).name, d.line, d.column, d.end_column, d.code) for d in diags] == [
            ("c.txt", 1, 16, 29, "NL402")
        ]
        assert diags[0].message == "'Lee Jae-myung' (2x here, 2x in corpus) vs 'Lee Jae Myung' (6x in corpus)"
        assert diags[0].suggestion == "Use 'Lee Jae Myung'"

    def test_document_majority_against_corpus_majority(self, tmp_path):
        paths = _corpus(
            tmp_path,
            {
                "a.txt": "Aides said Lee Jae-myung and Lee Jae-myung's wife and Lee Jae Myung arrived.\n",
                "b.txt": "Officials said Lee Jae Myung arrived with Lee Jae Myung's aides.\n",
                "c.txt": "Officials said Lee Jae Myung arrived.\n",
            },
        )
        diags = _lint(paths, select=["NL4"])
        assert [(Path(d.path).name, d.column, d.code) for d in diags] == [
            ("a.txt", 12, "NL402"),
            ("a.txt", 55, "NL401"),
        ]
        assert diags[0].message == "'Lee Jae-myung' (2x here, 2x in corpus) vs 'Lee Jae Myung' (1x here, 4x in corpus)"

    def test_within_document_finding_not_repeated(self, tmp_path):
        """Where NL401 already names the corpus target, NL402 is silent; alone, NL402 reports it."""
        both = [("003_1ee38f6cb67d9728.txt", 15, 61, "NL402")] + [
            ("003_1ee38f6cb67d9728.txt", line, col, "NL401") for line, col in [(19, 24), (32, 24), (40, 90), (44, 11)]
        ]
        diags = _lint([str(SEEDS)], select=["NL4"])
        assert [(Path(d.path).name, d.line, d.column, d.code) for d in diags] == both
        alone = _lint([str(SEEDS)], select=["NL402"])
        assert [(Path(d.path).name, d.line, d.column) for d in alone] == [
            ("003_1ee38f6cb67d9728.txt", 15, 61),
            ("003_1ee38f6cb67d9728.txt", 19, 24),
        ]
        assert alone[1].message == "'Lee Jae-myung' (4x here, 4x in corpus) vs 'Lee Jae Myung' (4x here, 9x in corpus)"

    def test_no_corpus_rules_on_one_file_or_with_no_corpus(self, tmp_path):
        assert [d.code for d in _lint([str(SEEDS / "003_1ee38f6cb67d9728.txt")], select=["NL402"])] == []
        assert _lint([str(SEEDS)], select=["NL402"], corpus=False) == []

    def test_cli_corpus_mode_on_seeds(self):
        proc = run_cli("--format", "json", "--select", "NL4", "--isolated", "seeds")
        found = [
            (Path(d["path"]).name, d["line"], d["column"], d["code"], d["suggestion"]) for d in json.loads(proc.stdout)
        ]
        assert ("003_1ee38f6cb67d9728.txt", 19, 24, "NL401", "Use 'Lee Jae Myung'") in found
        assert ("003_1ee38f6cb67d9728.txt", 15, 61, "NL402", "Use 'Horyu Temple'") in found
        assert {name for name, *_ in found} == {"003_1ee38f6cb67d9728.txt"}

    def test_near_miss_across_corpus(self, tmp_path):
        texts = {f"{i}.txt": TAKAICHI for i in range(3)}
        texts["3.txt"] = "Sanae Takaichi spoke, and aides to Sanae Takiachi said the talks went well.\n"
        paths = _corpus(tmp_path, texts)
        diags = _lint(paths, select=["NL4"])
        assert [(Path(d.path).name, d.line, d.column, d.end_column, d.code) for d in diags] == [
            ("3.txt", 1, 42, 50, "NL403")
        ]
        assert diags[0].message == "'Takiachi' (1x in corpus) looks like a misspelling of 'Takaichi' (7x in corpus)"
        assert diags[0].severity.value == "error"

    def test_near_miss_within_one_document(self):
        text = TAKAICHI * 3 + "Critics of Takiachi were quiet.\n"
        assert positions(text, select=["NL403"]) == [(4, 12, 4, 20)]

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "Portraits of Kim Jong Un hung there.\n" * 6 + "His father Kim Jong Il died.\n", id="kim-jong-il"
            ),
            pytest.param(
                "Aides to Jordan Peterson spoke.\n" * 6 + "Aides to Jordan Petersen spoke.\n", id="distinct-in-pack"
            ),
            pytest.param("Leaders of South Korea met.\n" * 6 + "Both Koreas met.\n", id="plural"),
            pytest.param("Aides to Clark spoke.\n" * 6 + "Aides to Clarke spoke.\n", id="last-letter"),
            pytest.param(TAKAICHI * 2 + "Aides to Tokaichi spoke.\n", id="first-letter-and-too-few"),
        ],
    )
    def test_near_miss_clean(self, text):
        assert positions(text, select=["NL403"]) == []

    def test_one_edit(self):
        assert one_edit("takiachi", "takaichi") == "transposition"
        assert one_edit("takachi", "takaichi") == "omission"
        assert one_edit("takaiichi", "takaichi") == "addition"
        assert one_edit("takeichi", "takaichi") == "substitution"
        assert one_edit("clarke", "clark") is None
        assert one_edit("koreas", "korean") is None
        assert one_edit("jakaichi", "takaichi") is None


# -- facts: pickling, merge order, processes ----------------------------------------------------------------------

_ENGINE: Engine | None = None


def _init_worker(options: RunOptions) -> None:
    global _ENGINE
    _ENGINE = Engine.create(options)


def _check_in_worker(path: str):
    assert _ENGINE is not None
    outcome = lint_source(_ENGINE, Source(path, Path(path)))
    assert outcome.problem is None
    return outcome.diagnostics, outcome.facts


def _names_corpus(tmp_path: Path) -> list[str]:
    texts = {f"seed-{p.name}": p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    texts["x1.txt"] = "Aides said Lee Jae-myung arrived in Kiev, and Zelensky met Lee Jae-myung there.\n"
    texts["x2.txt"] = "Residents of Kyiv met Zelenskyy; aides to Zelenskyy and Sanae Takiachi spoke.\n"
    texts["x3.txt"] = "Visitors toured Horyuji Temple, and guides at Horyuji Temple spoke.\n"
    return _corpus(tmp_path, texts)


class TestFacts:
    """Corpus facts pickle, merge in any order and grouping, and give the same diagnostics in any process."""

    def test_facts_pickle(self, tmp_path):
        engine = Engine.create(RunOptions(isolated=True, entry_points=False, corpus=True))
        paths = _names_corpus(tmp_path)
        facts = [lint_source(engine, Source(p, Path(p))).facts[0] for p in paths]
        assert all(isinstance(f, NameFacts) for f in facts)
        copies = [pickle.loads(pickle.dumps(f)) for f in facts]
        assert copies == facts
        assert copies[0].docs == facts[0].docs
        assert pickle.loads(pickle.dumps(engine.ctx)).packs.load("names", None) == lexicon(engine.ctx)

    def test_merge_is_associative_and_commutative(self, tmp_path):
        engine = Engine.create(RunOptions(isolated=True, entry_points=False, corpus=True))
        facts = [lint_source(engine, Source(p, Path(p))).facts[0] for p in _names_corpus(tmp_path)]
        a, b, c = facts[0], facts[1], facts[2]
        assert a.merge(b) == b.merge(a)
        assert a.merge(b).merge(c) == a.merge(b.merge(c))
        reference = merge_facts([[f] for f in facts])["names"]
        rng = random.Random(5)
        for _ in range(20):
            shuffled = facts[:]
            rng.shuffle(shuffled)
            cut = rng.randrange(1, len(shuffled))
            left = merge_facts([[f] for f in shuffled[:cut]])
            right = merge_facts([[f] for f in shuffled[cut:]])
            assert merge_facts([[right["names"]], [left["names"]]])["names"] == reference

    def test_merge_leaves_earlier_results_unchanged(self, tmp_path):
        """A merge may share storage with its left side; merging that side again must not leak."""
        engine = Engine.create(RunOptions(isolated=True, entry_points=False, corpus=True))
        facts = [lint_source(engine, Source(p, Path(p))).facts[0] for p in _names_corpus(tmp_path)]
        a, b, c = facts[0], facts[1], facts[2]
        ab = a.merge(b)
        ac = a.merge(c)  # a is no longer the longest view of ab's storage
        abc = ab.merge(c)
        abb = ab.merge(b)
        assert a.docs == facts[0].docs
        assert ab.docs == a.docs + b.docs
        assert ac.docs == a.docs + c.docs
        assert abc.docs == a.docs + b.docs + c.docs
        assert abb.docs == a.docs + b.docs + b.docs
        assert pickle.loads(pickle.dumps(ab)).docs == ab.docs
        folded = merge_facts([[f] for f in facts])["names"]
        assert folded.docs == tuple(d for f in facts for d in f.docs)

    def test_same_diagnostics_in_one_and_two_processes(self, tmp_path):
        paths = _names_corpus(tmp_path)
        options = RunOptions(paths=tuple(paths), isolated=True, entry_points=False, select=("NL4",))
        single = _lint(paths, select=["NL4"])
        assert {d.code for d in single} == {"NL401", "NL402", "NL403"}
        with ProcessPoolExecutor(2, initializer=_init_worker, initargs=(options,)) as pool:
            results = list(pool.map(_check_in_worker, paths))
        parent = Engine.create(options)
        per_doc = [diags for diags, _facts in results]
        all_facts = [facts for _diags, facts in results]
        rng = random.Random(7)
        for _ in range(10):
            order = list(range(len(paths)))
            rng.shuffle(order)
            cut = rng.randrange(1, len(order))
            groups = [
                merge_facts([all_facts[i] for i in order[:cut]]),
                merge_facts([all_facts[i] for i in order[cut:]]),
            ]
            merged = merge_facts([[g[k] for k in g] for g in reversed(groups)])
            found = sorted([d for diags in per_doc for d in diags] + parent.check_corpus(merged))
            assert [(d, d.message, d.suggestion, d.severity) for d in found] == [
                (d, d.message, d.suggestion, d.severity) for d in single
            ]


# -- real news text ---------------------------------------------------------------------------------------------------


def test_gensim_articles_give_only_real_findings():
    """On 300 real articles, NL4xx reports only spellings that really are mixed (checked by hand)."""
    corpus = pytest.importorskip("benchmarks.corpus")
    if not corpus.LEE_PATH.exists():
        pytest.skip("benchmarks/.data/lee_background.cor is not fetched (python benchmarks/corpus.py)")
    docs = corpus.lee_background()
    found = []
    for i, text in enumerate(docs):
        for d in check(text, select=["NL401", "NL403"]):
            found.append((i, d.code, text[d.start : d.end]))
    assert found == [(217, "NL401", "al-Qaeda")]


def test_family_page_documents_names_pack_keys():
    section = (ROOT / "docs" / "names.md").read_text(encoding="utf-8")
    for key in (
        "[mentions]",
        "[[same]]",
        "preferred",
        "alone",
        "[[ending]]",
        "[[distinct]]",
        "NL401",
        "NL402",
        "NL403",
    ):
        assert key in section
