"""Names across romanizations (NL401), and the corpus judgments per publication (NL402, NL403).

Issue #18 part 3-4 and issue #15's NL402 fixes: a variant key joins spellings
that differ by the pack's romanization alternations when the rest of the
name agrees, and never relatives or namesakes; short surnames and one-word
titles come from the pack; NL402 compares spellings within one publication.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib
from conftest import ROOT

from newslint.checks.names.facts import is_camel, is_known_word, is_shouting
from newslint.checks.names.mentions import find_mentions, transliterations_match
from newslint.checks.names.pack import parse_names_packs
from newslint.model.document import Document
from newslint.plugin.packs import PackError, Packs, PackSource
from newslint.run.engine import Engine, RunOptions
from newslint.run.runner import run
from newslint.run.sources import discover
from newslint.testing import check, span

PACK = ROOT / "rules" / "names.toml"


@pytest.fixture(scope="module")
def lex():
    return Packs().load("names", parse_names_packs)


def _examples(field: str = "examples") -> list[tuple[str, str]]:
    data = tomllib.loads(PACK.read_text(encoding="utf-8"))
    return [tuple(ex.split(" = ")) for entry in data["alternation"] for ex in entry.get(field, [])]


@pytest.mark.parametrize(("a", "b"), _examples())
def test_every_alternation_example_joins(lex, a, b):
    assert transliterations_match(a, b, lex)


@pytest.mark.parametrize(("a", "b"), _examples("never"))
def test_every_alternation_counterexample_stays_apart(lex, a, b):
    assert not transliterations_match(a, b, lex)
    doc = f"Officials said {a} arrived on Monday.\n\nReporters said {b} arrived on Tuesday.\n"
    assert check(doc, ["NL401", "NL403"]) == []


# Relatives and namesakes: issue #18's must-not-merge list, and more of the same kinds.
NEVER_JOINED = [
    ("Kim Jong Un", "Kim Jong Il"),
    ("Kim Jong Un", "Kim Il Sung"),
    ("Kim Yo Jong", "Kim Jong Un"),
    ("Park Chung-hee", "Park Geun-hye"),
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Lee Jae-myung", "Lee Kun-hee"),
    ("Lee Jae-yong", "Lee Kun-hee"),
    ("Donald Trump", "Donald Trump Jr."),
    ("Donald Trump Jr.", "Donald Trump III"),
    ("George Bush", "George W. Bush"),
    ("George H.W. Bush", "George W. Bush"),
    ("Jeb Bush", "George Bush"),
    ("Indira Gandhi", "Sonia Gandhi"),
    ("Rajiv Gandhi", "Rahul Gandhi"),
    ("Mohammed bin Zayed", "Mohammed bin Salman"),
    ("Tahnoun bin Zayed", "Mohammed bin Zayed"),
    ("Ferdinand Marcos", "Ferdinand Marcos Jr."),
    ("Thaksin Shinawatra", "Yingluck Shinawatra"),
    ("Paetongtarn Shinawatra", "Thaksin Shinawatra"),
    ("Lee Hsien Loong", "Lee Kuan Yew"),
    # Given names that differ by a vowel are different names; a father's name after "bin" is no family name.
    ("Hamad bin Jassim", "Hamid bin Jassim"),
    ("Khalid bin Hamad", "Khalid bin Hamid"),
    ("Kamal Hassan", "Kamil Hassan"),
    ("Lee Jae-min", "Lee Jae-man"),
    # Family names one vowel apart outside the Arabic script's languages (no family marker): other people.
    ("John Miller", "John Millar"),
    ("Peter Jensen", "Peter Jansen"),
    ("Sarah Keller", "Sarah Kellar"),
    ("Anne Walker", "Anne Welker"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ruth Walker spoke at the forum on Monday.\n\nThe moderator, Welker, asked about taxes.\n",
        "Goalkeeper Martin Hansen kept a clean sheet on Saturday, and Hensen came on late.\n",
        "The study was led by Dr. Carla Becker of Utrecht.\n\nBacker, a reviewer, called it careful.\n",
    ],
)
def test_a_surname_alone_one_vowel_off_is_not_folded_outside_the_arabic_script(text):
    assert check(text, ["NL401"]) == []


def test_the_arabic_script_marker_lets_the_family_vowels_fold(lex):
    assert transliterations_match("Khalifa Haftar", "Khalifa Hifter", lex)
    assert not transliterations_match("Mark Walker", "Mark Welker", lex)
    assert lex.folds_family(("khalifa", "haftar")) and not lex.folds_family(("mark", "walker"))


@pytest.mark.parametrize(("a", "b"), NEVER_JOINED)
def test_relatives_and_namesakes_never_join(lex, a, b):
    assert not transliterations_match(a, b, lex)
    doc = Document(f"Officials said {a} arrived on Monday.\n\nReporters said {b} arrived on Tuesday.\n")
    assert check(doc.text, ["NL401", "NL403"]) == []


def test_one_word_names_never_join_by_alternation(lex):
    """Alternations need the rest of the name: a lone "Peskov"/"Peskow" is not joined by them."""
    assert not transliterations_match("Dmitry", "Dmitri", lex)


def test_a_distinct_pair_is_never_joined_by_alternations(tmp_path):
    pack = tmp_path / "names.toml"
    body = '[pack]\nkind = "names"\nschema = 1\n[[alternation]]\nlanguage = "test"\npattern = "y$"\nreplace = "i"\n'
    pack.write_text(body, encoding="utf-8")
    loose = parse_names_packs([PackSource(pack, tomllib.loads(pack.read_text()), False)])
    assert transliterations_match("Tony Blair", "Toni Blair", loose)
    pack.write_text(body + '[[distinct]]\nnames = ["Tony Blair", "Toni Blair"]\n', encoding="utf-8")
    strict = parse_names_packs([PackSource(pack, tomllib.loads(pack.read_text()), False)])
    assert not transliterations_match("Tony Blair", "Toni Blair", strict)


def test_a_bad_pattern_is_rejected(tmp_path):
    pack = tmp_path / "names.toml"
    pack.write_text(
        '[pack]\nkind = "names"\nschema = 1\n[[alternation]]\nlanguage = "x"\npattern = "(y"\n', encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"alternation\[0\]\.pattern"):
        parse_names_packs([PackSource(pack, tomllib.loads(pack.read_text()), False)])


def test_a_bad_scope_is_rejected(tmp_path):
    pack = tmp_path / "names.toml"
    pack.write_text(
        '[pack]\nkind = "names"\nschema = 1\n[[alternation]]\nlanguage = "x"\npattern = "a"\nscope = "given"\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"alternation\[0\]\.scope"):
        parse_names_packs([PackSource(pack, tomllib.loads(pack.read_text()), False)])


def test_family_alternations_fold_the_family_name_only(lex):
    """The Arabic vowel alternation folds "Haftar" as a family name, never "Hamad" as a given name."""
    assert lex.loose("haftar", family=True) == lex.loose("hifter", family=True)
    assert lex.loose("hamad") != lex.loose("hamid")
    assert lex.loose("min", family=True) != lex.loose("man", family=True)  # one syllable: Korean, Chinese


ARTICLE = """\
Kremlin says talks can wait

MOSCOW (AP) — Kremlin spokesman Dmitry Peskov said on Monday that the Kremlin saw no reason to hurry.

Asked again on Tuesday, Dmitri Peskov repeated that no date had been set.
"""


def test_variant_is_reported_at_the_variant():
    [d] = check(ARTICLE, ["NL401"])
    assert (d.line, d.column, d.end_line, d.end_column) == span(ARTICLE, "Dmitri Peskov")
    assert d.message == "'Dmitri Peskov' (1x here) vs 'Dmitry Peskov' (1x here, used first)"


def test_surname_alone_follows_the_full_name():
    text = (
        "Prime Minister Abdul Hamid Dbeibah spoke in Tripoli on Sunday.\n\n"
        "Dbeibah said the militias would disband. Critics of Dbeibeh were not convinced.\n"
    )
    [d] = check(text, ["NL401"])
    assert d.message == "'Dbeibeh' (1x here) vs 'Dbeibah' (2x here; family name of 'Abdul Hamid Dbeibah')"
    assert (d.line, d.column, d.end_line, d.end_column) == span(text, "Dbeibeh")


# -- a family name alone, in another spelling than the full name's -------------------------------------


@pytest.mark.parametrize(
    ("text", "variant", "message"),
    [
        pytest.param(
            "Czech Prime Minister Andrej Babiš met farmers in Brno on Friday.\n\n"
            "The subsidies Babis promised would come in the spring, aides said.\n",
            "Babis",
            "'Babis' (1x here) vs 'Babiš' (1x here, used first; family name of 'Andrej Babiš')",
            id="diacritics",
        ),
        pytest.param(
            "Libya's former ruler Moammar Gadhafi was killed in Sirte in 2011.\n\n"
            "Crowds in Benghazi celebrated the end of Gaddafi's rule.\n",
            "Gaddafi",
            "'Gaddafi' (1x here) vs 'Gadhafi' (1x here, preferred; family name of 'Moammar Gadhafi')",
            id="pack-spelling-possessive",
        ),
        pytest.param(
            "Prime Minister Fayez al-Sarraj met envoys in Tripoli on Monday.\n\nSerraj said the talks had gone well.\n",
            "Serraj",
            "'Serraj' (1x here) vs 'Sarraj' (1x here, used first; family name of 'Fayez al-Sarraj')",
            id="arabic-vowels-after-particle-at-sentence-start",
        ),
        pytest.param(
            "Iran's oil minister Bijan Zanganeh arrived in Vienna on Wednesday.\n\n"
            "OPEC delegates said Zangeneh wanted a longer cut.\n",
            "Zangeneh",
            "'Zangeneh' (1x here) vs 'Zanganeh' (1x here, used first; family name of 'Bijan Zanganeh')",
            id="persian-vowels",
        ),
    ],
)
def test_family_name_alone_in_another_spelling(text, variant, message):
    [d] = check(text, ["NL401"])
    assert d.message == message
    assert (d.line, d.column, d.end_line, d.end_column) == span(text, variant)


def test_the_full_name_is_reported_when_the_surname_alone_wins():
    text = (
        "Ukraine's president, Volodymyr Zelensky, spoke to the parliament in Ottawa.\n\n"
        "Zelenskyy thanked Canada. Lawmakers applauded Zelenskyy twice.\n"
    )
    [d] = check(text, ["NL401"])
    assert (d.line, d.column, d.end_line, d.end_column) == span(text, "Zelensky")  # in the full name
    assert d.suggestion == "Use 'Zelenskyy'"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Azerbaijan's President Ilham Aliyev laid flowers at the grave of Heydar Aliyev on Monday.\n\n"
            "Aliev then met the visiting delegation.\n",
            id="two-people-share-the-family-name",
        ),
        pytest.param(
            "Qatar's Emir Tamim bin Hamad Al Thani received the envoys on Sunday.\n\n"
            "Diplomats said Hamid would attend the next round.\n",
            id="father's-name-after-bin",
        ),
        pytest.param(
            "Prime Minister Abdul Hamid Dbeibah met Interior Minister Imad Hamed in Tripoli.\n\n"
            "Later Hamid spoke to reporters.\n",
            id="another-person's-given-name",
        ),
        pytest.param(
            "Union leader Tom Baker addressed the rally in Leeds on Monday.\n\n"
            "Biker clubs joined the march, and Baker thanked them.\n",
            id="common-word-at-sentence-start",
        ),
        pytest.param(
            "White House adviser Stephen Miller spoke to reporters on Monday.\n\n"
            "Writing in the Guardian, Millar disagreed with him.\n",
            id="distinct-surnames",
        ),
        pytest.param(
            "President Uhuru Kenyatta opened the museum of his father, Jomo Kenyatta, on Monday.\n\n"
            "Visitors queued to see Kenyata's desk.\n",
            id="father-and-son",
        ),
    ],
)
def test_family_name_alone_is_not_joined(text):
    assert check(text, ["NL401", "NL403"]) == []


# -- Korean given-name syllables that are also words ------------------------------------------------------


def test_korean_syllable_after_a_space_joins_the_name():
    text = (
        "Opposition leader Kim Chong-in resigned on Thursday after the election defeat.\n\n"
        "Kim Chong In said the party needed new faces.\n"
    )
    [d] = check(text, ["NL401"])
    assert d.message == "'Kim Chong In' (1x here) vs 'Kim Chong-in' (1x here, used first)"
    assert (d.line, d.column, d.end_line, d.end_column) == span(text, "Kim Chong In")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kim Chong In said the party needed new faces.\n", id="no-joined-spelling-elsewhere"),
        pytest.param(
            "Moon Jae-in Meets Troops\n\nPresident Moon Jae-in visited a base.\n\n"
            "Moon Jae In Seoul Talks Resume Today\n",
            id="title-case-line",
        ),
    ],
)
def test_korean_syllable_is_not_joined(text):
    assert check(text, ["NL401"]) == []


def test_surname_alone_is_not_joined_between_two_people():
    text = (
        "Ali Dbeibah met Omar Dbeibeh in Tripoli on Sunday.\n\nDbeibah said the talks went well, and Dbeibeh agreed.\n"
    )
    assert check(text, ["NL401"]) == []


# -- parsing: titles and short surnames from the pack ---------------------------------------------


def _names(lex, text: str) -> list[str]:
    return [m.text for m in find_mentions(Document(text), lex)]


def test_executive_is_a_title(lex):
    assert "John Lee Ka-chiu" in _names(lex, "Hong Kong's Chief Executive John Lee Ka-chiu spoke on Monday.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Vietnam's leader To Lam met investors on Monday.", "To Lam", id="to"),
        pytest.param("China's Vice Premier He Lifeng led the talks in Geneva.", "He Lifeng", id="he"),
        pytest.param("The envoy met President To Lam in Hanoi.", "To Lam", id="after-title"),
    ],
)
def test_short_surname_before_a_given_name(lex, text, name):
    assert name in _names(lex, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("To Beijing, the move was a provocation, officials said.", id="sentence-start"),
        pytest.param("He Said It Would Rain", id="title-case"),
        pytest.param("He met Lifeng officials on Monday.", id="pronoun"),
    ],
)
def test_short_surname_word_is_not_a_name(lex, text):
    names = _names(lex, text)
    assert not any(n.split()[0] in ("To", "He") for n in names), names


# -- NL401 keeps to the article's prose ---------------------------------------------------------------------


def test_forms_in_references_and_quotes_are_not_compared():
    text = (
        "Māori leaders met in Wellington on Monday to discuss the new bill on land rights.\n\n"
        'The report, "Maori Land and the Law", was cited by both sides during the debate.\n\n'
        "^ Smith, J. (2019). Maori land tenure. Auckland University Press. Retrieved 3 May 2020.\n"
    )
    assert check(text, ["NL401"]) == []


# -- NL402 / NL403 across a corpus: per publication -------------------------------------------------------


def _lint(paths, **options):
    options.setdefault("isolated", True)
    options.setdefault("entry_points", False)
    engine = Engine.create(RunOptions(paths=tuple(paths), **options))
    return run(engine, discover(list(paths), engine.ctx.config)).diagnostics


def _write(root: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [str(root / name) for name in sorted(files)]


HOUSE = "Officials said Lee Jae Myung arrived, and Lee Jae Myung spoke.\n"
OTHER = "Reporters said Lee Jae-myung arrived.\n"


def test_another_outlets_house_style_is_not_pushed(tmp_path):
    paths = _write(
        tmp_path, {"reuters/a.txt": HOUSE, "reuters/b.txt": HOUSE, "reuters/c.txt": HOUSE, "yonhap/d.txt": OTHER}
    )
    assert [d for d in _lint(paths, select=["NL402"])] == []


def test_a_minority_within_one_publication_is_reported_at_the_minority(tmp_path):
    paths = _write(tmp_path, {"desk/a.txt": HOUSE, "desk/b.txt": HOUSE, "desk/c.txt": HOUSE, "desk/d.txt": OTHER})
    [d] = _lint(paths, select=["NL402"])
    assert (Path(d.path).name, d.line, d.column) == ("d.txt", 1, 16)


def test_a_near_tie_is_not_reported(tmp_path):
    paths = _write(
        tmp_path,
        {"desk/a.txt": HOUSE, "desk/b.txt": OTHER * 1, "desk/c.txt": OTHER.replace(".", ", and Lee Jae-myung left.")},
    )
    assert _lint(paths, select=["NL402"]) == []


def test_the_publication_key_can_be_a_dataset_field(tmp_path):
    """With ``publication-key = "source"``, a dataset's ``source`` field decides the publication."""
    import json

    rows = [
        {"id": i, "source": src, "text": text}
        for i, (src, text) in enumerate([("reuters", HOUSE), ("reuters", HOUSE), ("reuters", HOUSE), ("yonhap", OTHER)])
    ]
    paths = _write(tmp_path, {"wire.jsonl": "".join(json.dumps(r) + "\n" for r in rows)})
    assert len(_lint(paths, select=["NL402"], corpus=True)) == 1  # one file, no key: one publication
    assert _lint(paths, select=["NL402"], corpus=True, overrides={"publication-key": "source"}) == []


def test_brands_keep_their_casing(tmp_path):
    brand = "Engineers said LinkedIn and GitHub were down, and LinkedIn apologised.\n"
    paths = _write(
        tmp_path,
        {
            "desk/a.txt": brand,
            "desk/b.txt": brand.replace("LinkedIn", "Linkedin"),
            "desk/c.txt": brand.replace("LinkedIn", "Linkedin"),
            "desk/d.txt": brand.replace("LinkedIn", "Linkedin"),
        },
    )
    assert all("'LinkedIn' (" not in d.message.split(" vs ")[0] for d in _lint(paths, select=["NL402"]))


def test_shapes():
    assert is_camel("LinkedIn") and is_camel("Apple AirPods") and is_camel("iPhone")
    assert not is_camel("Linkedin") and not is_camel("LINKEDIN")
    assert is_shouting("APPLE INC") and not is_shouting("Apple Inc") and not is_shouting("A")
    assert is_known_word("osama") and is_known_word("greta") and not is_known_word("takiachi")


def test_a_real_word_is_not_a_misspelt_name():
    text = "Obama spoke. " * 6 + "\n\nOsama was mentioned once, and Greta too.\n"
    assert check(text, ["NL403"]) == []
