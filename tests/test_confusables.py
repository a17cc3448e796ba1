"""NL630 confusable-word, and the regex safety check every pack pattern passes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint import PackError
from newslint.checks.style.confusables import parse_confusables
from newslint.plugin.packs import Packs, check_pattern
from newslint.testing import check, positions, span

CLEAN = Path(__file__).parent / "data" / "clean"
SEEDS = Path(__file__).parent.parent / "seeds"


class TestWrongWords:
    @pytest.mark.parametrize(
        ("text", "word", "suggestion"),
        [
            pytest.param("It shows the Korean adaptation of Buddhism.", "adaptation", "adoption", id="faith"),
            pytest.param(
                "The council voted for adaptation of the resolution.", "adaptation", "adoption", id="resolution"
            ),
            pytest.param(
                "The film adoption of the novel opened on Friday.", "adoption", "adaptation", id="film-adoption"
            ),
            pytest.param("The play was adopted for the screen in 1990.", "adopted", "adapted", id="adopted-for-screen"),
            pytest.param(
                "Towns effected by the floods asked for help.", "effected", "affected", id="effected-by-floods"
            ),
            pytest.param("Farmers were badly effected, officials said.", "effected", "affected", id="badly-effected"),
            pytest.param("Those effected were moved to shelters.", "effected", "affected", id="those-effected"),
            pytest.param("The ban had no affect on sales.", "affect", "effect", id="no-affect-on"),
            pytest.param("Side affects were mild.", "affects", "effects", id="side-affects"),
            pytest.param("The rules take affect on Monday.", "affect", "effect", id="take-affect"),
            pytest.param("Both sides agreed in principal to a truce.", "principal", "principle", id="in-principal"),
            pytest.param("The principle reason was cost.", "principle", "principal", id="principle-reason"),
            pytest.param("It was a matter of principal for her.", "principal", "principle", id="matter-of-principal"),
            pytest.param("A full compliment of staff was on duty.", "compliment", "complement", id="full-compliment"),
            pytest.param("Guests received complementary tickets.", "complementary", "complimentary", id="free"),
            pytest.param("He paid her a complement at dinner.", "complement", "compliment", id="paid-complement"),
            pytest.param("He complemented her on the speech.", "complemented", "complimented", id="complemented-on"),
            pytest.param("Police made discrete inquiries.", "discrete", "discreet", id="discrete-inquiries"),
            pytest.param("The data come in discreet units.", "discreet", "discrete", id="discreet-units"),
            pytest.param("Lawyers poured over the documents.", "poured", "pored", id="poured-over"),
            pytest.param("Analysts are pouring over the data.", "pouring", "poring", id="pouring-over"),
        ],
    )
    def test_reported(self, text, word, suggestion):
        """The written word is reported at its exact span with the intended word."""
        diags = check(text, ["NL630"])
        assert [(d.line, d.column, d.end_line, d.end_column) for d in diags] == [span(text, word)]
        assert diags[0].suggestion == f'Use "{suggestion}"'

    def test_capital_kept_in_suggestion(self):
        """A capitalised word gets a capitalised suggestion."""
        (diag,) = check("Discrete inquiries were made.", ["NL630"])
        assert diag.suggestion == 'Use "Discreet"' and diag.unsafe_fix[0].replacement == "Discreet"

    def test_seed_002_adaptation_of_buddhism(self):
        """Seed 002:14 "Japanese adaptation of Buddhism" is reported (expected.toml allows it)."""
        text = (SEEDS / "002_566b46e06db8f717.txt").read_text(encoding="utf-8")
        assert [(d.line, d.column) for d in check(text, ["NL630"])] == [(14, 216)]


class TestRightWords:
    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The film is an adaptation of the novel by Le Carre.", id="screen-adaptation"),
            pytest.param("Japan's adoption of Buddhism came via Korea.", id="adoption-of-faith"),
            pytest.param(
                "Climate adaptation of farming is urgent; the adoption agency closed.", id="adaptation-of-farming"
            ),
            pytest.param("She wants to effect change, and the transfer was effected by the bank.", id="effect-verb"),
            pytest.param("The storm affected thousands and had a big effect on sales.", id="right-pair"),
            pytest.param("The school principal met the principal investigator on principle.", id="principal-noun"),
            pytest.param("He repaid $4 million in principal and interest.", id="loan-principal"),
            pytest.param("The wines complement the food; she complimented the chef.", id="complement-verb"),
            pytest.param("Engineers measured discrete signals at discrete intervals.", id="discrete-technical"),
            pytest.param("She poured water over the fire and pored over the files.", id="pour-liquid"),
            pytest.param('"We were badly effected," the farmer said.', id="inside-quotation"),
        ],
    )
    def test_silent(self, text):
        """Right uses and near misses are not reported."""
        assert check(text, ["NL630"]) == []

    @pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.glob("*.txt")))
    def test_agency_prose_is_silent(self, name):
        """Clean agency prose is not reported."""
        assert check((CLEAN / name).read_text(encoding="utf-8"), ["NL630"]) == []


class TestPack:
    def _sources(self, tmp_path, body):
        path = tmp_path / "confusables.toml"
        path.write_text('[pack]\nkind = "confusables"\n' + body, encoding="utf-8")
        return Packs([path], bundled_dir=tmp_path / "none").sources("confusables")

    def test_bundled_pack_loads(self):
        """The bundled pack compiles into one alternation."""
        table = parse_confusables(Packs().sources("confusables"))
        assert len(table.entries) >= 20 and table.pattern is not None

    def test_look_around_rejected_with_the_key_path(self, tmp_path):
        """RE2 has no look-arounds: one is rejected at load with the key path (not-after replaces it)."""
        body = '[[confusable]]\nid = "x"\nwrong = ["a"]\nright = ["b"]\nreason = "r"\nafter = \'(?!\\s+of)\'\n'
        with pytest.raises(PackError, match=r"confusable\[0\]\.after: .* uses a look-around"):
            parse_confusables(self._sources(tmp_path, body))

    def test_entry_needs_context(self, tmp_path):
        """An entry with neither before nor after is rejected."""
        body = '[[confusable]]\nid = "x"\nwrong = ["a"]\nright = ["b"]\nreason = "r"\n'
        with pytest.raises(PackError, match=r"confusable\[0\]: needs a `before` or `after`"):
            parse_confusables(self._sources(tmp_path, body))

    def test_user_pack_disables_and_adds(self, tmp_path):
        """A user entry with a bundled id and enabled = false turns it off; new entries work."""
        path = tmp_path / "mine.toml"
        path.write_text(
            '[pack]\nkind = "confusables"\n'
            '[[confusable]]\nid = "pour-over-documents"\nenabled = false\n'
            '[[confusable]]\nid = "free-reign"\nwrong = ["reign"]\nright = ["rein"]\nbefore = \'\\bfree\\s+\'\nreason = "a horse is given rein"\n',
            encoding="utf-8",
        )
        text = "Lawyers poured over the documents and had free reign."
        assert positions(text, ["NL630"], overrides={"packs": [str(path)]}) == [span(text, "reign")]


class TestCheckPattern:
    @pytest.mark.parametrize("pattern", [r"(a)\1", "(?P<w>a)", r"(?!\s+of)", r"(?<=of\s)", "a[", "x{1001}"])
    def test_rejected(self, pattern):
        """Back-references, named groups, look-arounds (RE2 has none) and syntax errors are rejected."""
        with pytest.raises(PackError, match=r"pack\.toml: k: "):
            check_pattern("pack.toml", "k", pattern)

    @pytest.mark.parametrize(
        "pattern",
        [
            r"(?:\w+\s+){0,3}of",
            r"\bfull\s+",
            "(?:a|b)+",
            r"[a-z]+\d*",
            "(a+)+$",
            r"(\w+\s?)*x",
            "(a|ab)*c",
            "(a|a)+b",
            "((ab)+)+",
            r"(?:\w+\s){2,50}x",
        ],
    )
    def test_accepted_and_fast(self, pattern):
        """Any pattern RE2 compiles is accepted: even nested repeats run in linear time on hostile input."""
        compiled = check_pattern("pack.toml", "k", pattern)
        start = time.perf_counter()
        compiled.search("a" * 5000 + "!")
        assert time.perf_counter() - start < 1.0


class TestPythonClassesOnRE2:
    """Packs are written with Python's Unicode \\w, \\d and \\s; on RE2 they keep that meaning."""

    @pytest.mark.parametrize(
        ("pattern", "text"),
        [
            (r"^Par [A-ZÉÈ][\w.-]+(?: [A-ZÉÈ][\w.-]+){0,3}$", "Par Hélène Lefèvre-Durand"),
            (r"^Von [A-ZÄÖÜ][\w.-]+$", "Von Jürgen"),
            (r"\d{3}", "٣٤٥"),
            (r"a\sb", "a\u00a0b"),
            (r"^[^\d\s]+$", "Ñandú"),
        ],
    )
    def test_unicode_classes_match_as_in_python(self, pattern, text):
        import re

        assert re.search(pattern, text) is not None
        assert check_pattern("pack.toml", "k", pattern).search(text) is not None

    def test_escaped_backslash_and_literal_brackets_are_left_alone(self):
        compiled = check_pattern("pack.toml", "k", r"\\w[]\w]")
        assert compiled.search("\\wé") is not None and compiled.search("\\w]") is not None
