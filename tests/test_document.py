"""The document model: decoding, exact positions, paragraphs, sentences, tokens."""

from __future__ import annotations

import pytest

from newslint.model.document import DecodeError, Document, TokenKind, decode
from newslint.testing import positions

LEDE = "Officials said the bridge would reopen on Friday."  # 49 code points


class TestDecode:
    def test_utf8_with_and_without_bom(self):
        """A UTF-8 BOM is removed from the text and remembered."""
        assert decode("café".encode()) == ("café", False)
        assert decode(b"\xef\xbb\xbf" + "café".encode()) == ("café", True)

    def test_invalid_utf8_names_the_byte(self):
        """The offset of the first bad byte is reported (BOM bytes counted)."""
        with pytest.raises(DecodeError) as info:
            decode(b"\xef\xbb\xbfab\xe9cd")
        assert info.value.byte == 5

    def test_utf16_is_named(self):
        """A UTF-16 file is reported as UTF-16, not as random bad bytes."""
        with pytest.raises(DecodeError, match="UTF-16"):
            decode("hi".encode("utf-16"))


class TestPositions:
    @pytest.mark.parametrize(
        ("text", "offset", "expected"),
        [
            pytest.param("ab\ncd", 3, (2, 1), id="lf"),
            pytest.param("ab\r\ncd", 4, (2, 1), id="crlf"),
            pytest.param("ab\r\ncd", 3, (1, 3), id="inside-crlf-is-line-end"),
            pytest.param("ab\rcd", 4, (2, 2), id="cr"),
            pytest.param("\tab", 1, (1, 2), id="tab-is-one-column"),
            pytest.param("a\u00a0b", 2, (1, 3), id="no-break-space"),
            pytest.param("مقالات ذات صلة\nx", 15, (2, 1), id="arabic"),
            pytest.param("😀x", 1, (1, 2), id="astral-is-one-code-point"),
            pytest.param("ab\n", 3, (2, 1), id="end-of-text"),
        ],
    )
    def test_offset_to_line_column(self, text, offset, expected):
        """Columns count code points; every line terminator kind starts a new line."""
        doc = Document(text)
        assert doc.position(offset) == expected
        assert doc.offset(*expected) == min(offset, doc.lines[expected[0] - 1].end)

    def test_diagnostics_after_bom_crlf_tab_nbsp_and_arabic(self, tmp_path):
        """A whitespace-only line is found at the same position whatever precedes it."""
        from conftest import run_main

        body = "\ufeffمقالات ذات صلة\r\n\tTab line\r\n\u00a0\r\nEnd.\r\n"
        path = tmp_path / "a.txt"
        path.write_bytes(body.encode("utf-8"))
        proc = run_main("--isolated", "--select", "NL510", "--format", "jsonl", str(path))
        import json

        (diag,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        assert (diag["line"], diag["column"], diag["end_line"], diag["end_column"]) == (3, 1, 3, 2)


class TestParagraphsAndSentences:
    def test_each_line_is_a_paragraph_in_scraped_text(self):
        """Without hard wrapping, a line is a paragraph (most scraped news)."""
        doc = Document(f"{LEDE}\nSecond paragraph here.\n\nThird.\n")
        assert [(p.line, p.end_line) for p in doc.paragraphs] == [(1, 1), (2, 2), (4, 4)]

    def test_hard_wrapped_block_is_one_paragraph(self):
        """Lines of similar modest width between blank lines form one paragraph."""
        block = "The council met on Monday to discuss the\nbudget, which had been delayed twice by\nthe pandemic and a strike.\n"
        doc = Document(block + "\nNext.\n")
        assert [(p.line, p.end_line) for p in doc.paragraphs] == [(1, 3), (5, 5)]

    def test_sentences_respect_abbreviations_and_initials(self):
        """Mr., U.S., Jan. and initials do not end sentences; CJK full stops do."""
        doc = Document("Mr. Smith met U.S. officials on Jan. 5 with George W. Bush. They left. 東京。大阪。")
        assert [doc.sentence_text(s) for s in doc.sentences] == [
            "Mr. Smith met U.S. officials on Jan. 5 with George W. Bush.",
            "They left.",
            "東京。",
            "大阪。",
        ]


class TestTokens:
    @pytest.mark.parametrize(
        ("text", "kinds"),
        [
            ("Japan’s", [("Japan’s", TokenKind.WORD)]),
            (
                "forward-looking Jae\u2011myung",
                [("forward-looking", TokenKind.WORD), ("Jae\u2011myung", TokenKind.WORD)],
            ),
            ("APEC U.S.", [("APEC", TokenKind.ACRONYM), ("U.S.", TokenKind.ACRONYM)]),
            (
                "1,300 2.5 19:58 1910-1945",
                [
                    ("1,300", TokenKind.NUMBER),
                    ("2.5", TokenKind.NUMBER),
                    ("19:58", TokenKind.NUMBER),
                    ("1910-1945", TokenKind.NUMBER),
                ],
            ),
            ("7th 21st", [("7th", TokenKind.ORDINAL), ("21st", TokenKind.ORDINAL)]),
            ("G20 COVID-19", [("G20", TokenKind.MIXED), ("COVID-19", TokenKind.MIXED)]),
            ("https://example.com/a?b=1.", [("https://example.com/a?b=1", TokenKind.URL)]),
            ("news@example.org @nhk_news", [("news@example.org", TokenKind.EMAIL), ("@nhk_news", TokenKind.HANDLE)]),
            ("Tōkyō café", [("Tōkyō", TokenKind.WORD), ("café", TokenKind.WORD)]),
            ("cafe\u0301", [("cafe\u0301", TokenKind.WORD)]),
        ],
    )
    def test_token_kinds(self, text, kinds):
        """Each token class is recognised with its exact text."""
        assert [(t.text, t.kind) for t in Document(text).tokens] == kinds

    def test_possessive_stem_and_compound_parts(self):
        """Possessives strip to the stem; compounds split at any hyphen kind with offsets."""
        doc = Document("Japan's x Takaichi’s Jae\u2011myung")
        japan, _, takaichi, jae = doc.tokens
        assert (japan.stem, takaichi.stem) == ("Japan", "Takaichi")
        assert jae.parts == [("Jae", 21, 24), ("myung", 25, 30)]

    def test_sentence_start(self):
        """The first token of a sentence or line is sentence-initial; others are not."""
        doc = Document("“The mayor said. Then he left.\nNext line")
        starts = [t.text for t in doc.tokens if doc.is_sentence_start(t)]
        assert starts == ["The", "Then", "Next"]


def test_positions_helper_reports_exact_spans():
    """newslint.testing.positions is the tests' view of diagnostics."""
    assert positions(f"{LEDE}\n\nTraffic was diverted.\n\n{LEDE}\n", select=["NL501"]) == [(5, 1, 5, 50)]
