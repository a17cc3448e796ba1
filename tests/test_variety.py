"""NL601 spelling-variety-mix: British and American spellings in one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import PackError
from newslint.checks.style.variety import parse_variants
from newslint.plugin.packs import Packs
from newslint.testing import check, positions, span

CLEAN = Path(__file__).parent / "data" / "clean"


class TestMajority:
    @pytest.mark.parametrize(
        ("text", "word"),
        [
            pytest.param(
                "Spending on defence rose, the defence minister said in grey weather, and the defense budget grew.",
                "defense",
                id="one-american-among-british",
            ),
            pytest.param(
                "The neighbors said labor costs rose; the neighbour's flat was sold and labor unions objected.",
                "neighbour",
                id="possessive-stem",
            ),
            pytest.param(
                "The centre-right party and the center-left party tied; the centre-right leader and centre staff said so.",
                "center",
                id="compound-part",
            ),
        ],
    )
    def test_minority_reported(self, text, word):
        """The minority variety is reported at the word, without a possessive or the rest of a compound."""
        assert positions(text, select=["NL601"]) == [span(text, word)]

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("The defence minister met the defense chief.", id="tie"),
            pytest.param(
                "The colour of the defence plan, the neighbours' car; the color and defense.", id="three-to-two"
            ),
            pytest.param("Defence and the defense chief.", id="capitalised-word-is-no-evidence"),
            pytest.param(
                "The colourful market and its grey stalls drew a colorful crowd.", id="two-to-one-is-a-coin-flip"
            ),
        ],
    )
    def test_no_clear_majority_is_silent(self, text):
        """Without a majority of three uses or more, at least twice the minority, nothing is reported."""
        assert check(text, ["NL601"]) == []

    def test_suggests_majority_form_and_says_counts(self):
        """The message gives the counts and the suggestion the other spelling."""
        (diag,) = check("The defence and defence and the colour of defense.", ["NL601"])
        assert diag.suggestion == 'Use "defence"'
        assert "British 3 times to 1" in diag.message
        assert diag.unsafe_fix and diag.unsafe_fix[0].replacement == "defence"

    def test_three_to_one_reports(self):
        """Three British words against one American one is a clear majority."""
        text = "The colour of the defence plan is grey, the neighbours said. The color is odd."
        assert positions(text, select=["NL601"]) == [span(text, "color")]


class TestNoEvidence:
    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "The Labor Party and the Ministry of Defence met at Pearl Harbor; defense and labor talks.",
                id="proper-nouns",
            ),
            pytest.param(
                'Defence spending rose. "Our defense is strong," the US envoy said, citing defence ties.',
                id="quotation",
            ),
            pytest.param(
                "The organization will analyse the data, and the neighbours' defence plan is ready.", id="oxford-ize"
            ),
            pytest.param("The program and the meter and the check and the tire.", id="ambiguous-pairs-left-out"),
            pytest.param("The defence and the colour and licensed to sell, license the tech.", id="license-verb"),
            pytest.param("DEFENSE SPENDING rises, defence minister says, and defence chiefs agree.", id="capitals"),
        ],
    )
    def test_silent(self, text):
        """Names, quotations, -ize, ambiguous pairs and the verb "license" are no evidence."""
        assert check(text, ["NL601"]) == []

    def test_license_noun_counts(self):
        """ "license" after a determiner is the American noun."""
        text = "His licence and her licence were valid in the colour scan, but a license was lost."
        assert positions(text, select=["NL601"]) == [span(text, "license")]

    def test_ise_is_british_evidence(self):
        """An -ise word tips the balance; the -ize word is not reported."""
        text = "They organised the defence and recognised the defense need; the organization agreed."
        assert positions(text, select=["NL601"]) == [span(text, "defense")]


class TestHouseVariety:
    def test_en_us_reports_every_british_form(self):
        """With spelling = "en-US" every British form is reported, -ise included."""
        diags = check("They organised the defence plan.", ["NL601"], overrides={"spelling": "en-US"})
        assert [(d.column, d.suggestion) for d in diags] == [(6, 'Use "organized"'), (20, 'Use "defense"')]
        assert 'spelling = "en-US"' in diags[0].message

    def test_en_gb_keeps_oxford_ize(self):
        """With spelling = "en-GB", -ize is not reported (Oxford spelling)."""
        diags = check("They organized the defense plan.", ["NL601"], overrides={"spelling": "en-GB"})
        assert [d.column for d in diags] == [20]

    def test_bad_value_is_a_config_error(self):
        """Only en-GB and en-US are accepted."""
        from newslint import ConfigError

        with pytest.raises(ConfigError, match="en-GB"):
            check("text", ["NL601"], overrides={"spelling": "en-AU"})


class TestCleanText:
    @pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.glob("*.txt")))
    def test_agency_prose_is_silent(self, name):
        """Consistent British (AFP, BBC, Guardian) and American (AP, Reuters) prose is not reported."""
        assert check((CLEAN / name).read_text(encoding="utf-8"), ["NL601"]) == []


class TestPack:
    def _source(self, tmp_path, body):
        path = tmp_path / "variants.toml"
        path.write_text('[pack]\nkind = "variants"\n' + body, encoding="utf-8")
        return Packs([path], bundled_dir=tmp_path / "none").sources("variants")

    def test_bundled_pack_loads_and_pairs_match(self):
        """Every bundled form maps to a counterpart of the other variety."""
        table = parse_variants(Packs().sources("variants"))
        assert table["defence"].counterpart == "defense" and table["defense"].variety == "american"
        assert all(table[v.counterpart].counterpart == v.form for v in table.values())

    def test_unequal_lists_rejected(self, tmp_path):
        """british and american must have the same length."""
        sources = self._source(tmp_path, '[[pair]]\nbritish = ["colour", "colours"]\namerican = ["color"]\n')
        with pytest.raises(PackError, match=r"pair\[0\]: british has 2 forms"):
            parse_variants(sources)

    def test_bad_evidence_rejected(self, tmp_path):
        """evidence must be both, british or none."""
        sources = self._source(tmp_path, '[[pair]]\nbritish = ["colour"]\namerican = ["color"]\nevidence = "yes"\n')
        with pytest.raises(PackError, match=r"pair\[0\]\.evidence"):
            parse_variants(sources)

    def test_user_pack_turns_a_pair_off(self, tmp_path):
        """evidence = "none" in a later pack silences a bundled pair."""
        path = tmp_path / "mine.toml"
        path.write_text(
            '[pack]\nkind = "variants"\n[[pair]]\nbritish = ["defence"]\namerican = ["defense"]\nevidence = "none"\n'
        )
        text = "Defence spending rose, the defence minister said, and the defense budget grew."
        assert check(text, ["NL601"], overrides={"packs": [str(path)]}) == []


class TestSourceLines:
    """Code, reference entries and embedded posts keep their source's spelling (NL601)."""

    HARBOUR = (
        "The council's defence of the harbour plan drew criticism from neighbours, who said the centre "
        "of town would flood.\n\n"
        "Its engineers travelled to the Netherlands and favoured a sea wall like the ones they saw there.\n\n"
        "References\n\n"
    )

    def test_excerpt_in_a_reference_entry_is_silent(self):
        text = self.HARBOUR + (
            '^ Miller, Jo (2019). "Sea walls and what they cost". Gulf Ledger. Retrieved 4 April 2019. '
            "... the agency canceled its harbor program after the storm ...\n"
        )
        assert check(text, ["NL601"]) == []

    def test_css_listing_is_silent(self):
        text = (
            self.HARBOUR.replace("References\n\n", "")
            + "The site's new banner takes four lines of CSS:\n\n"
            + ".banner {\n  color: #1a4d7a;\n  background-color: #fff;\n}\n\n"
            + "The old one used a grey image, which the designers called dull.\n"
        )
        assert check(text, ["NL601"]) == []

    def test_same_word_in_prose_still_fires(self):
        text = self.HARBOUR.replace("References\n\n", "The agency canceled its own harbour study.\n")
        assert positions(text, select=["NL601"]) == [span(text, "canceled")]
