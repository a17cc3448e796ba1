"""The Document's fast paths (splitlines, reversed abbreviation match, gated tokenizer) keep exact results."""

from __future__ import annotations

from newslint.model.document import Document, Line, TokenKind


def test_lines_split_only_at_cr_lf_and_crlf():
    doc = Document("a\r\nb\rc\nd\u2028e\x85f\x0cg\n")
    assert doc.lines == [
        Line(1, 0, 1, "\r\n"),
        Line(2, 3, 4, "\r"),
        Line(3, 5, 6, "\n"),
        Line(4, 7, 14, "\n"),  # U+2028, NEL and form feed do not end a line
        Line(5, 15, 15, ""),
    ]
    assert Document("x\n").lines == [Line(1, 0, 1, "\n"), Line(2, 2, 2, "")]
    assert Document("x").lines == [Line(1, 0, 1, "")]
    assert Document("").lines == [Line(1, 0, 0, "")]
    assert Document("\r\r\n").lines == [Line(1, 0, 0, "\r"), Line(2, 1, 1, "\r\n"), Line(3, 3, 3, "")]


def test_sentences_respect_abbreviations_initials_and_wrapped_lines():
    text = "Gen. Smith met George W. Bush on Monday. It rained.\n\nShe left at 5 p.m. Then she\nleft. Again."
    doc = Document(text)
    got = [doc.sentence_text(s) for s in doc.sentences]
    assert got == [
        "Gen. Smith met George W. Bush on Monday.",
        "It rained.",
        "She left at 5 p.m. Then she",
        "left.",
        "Again.",
    ]


def test_full_width_terminators_end_sentences_without_space():
    doc = Document("東京で会談した。首相が出席した！次。")
    assert [doc.sentence_text(s) for s in doc.sentences] == ["東京で会談した。", "首相が出席した！", "次。"]


def test_tokens_same_kinds_with_and_without_at_signs_urls_and_marks():
    plain = "U.S. officials met NHK on 7th May, 1,300 people, G20 and COVID-19 in Tokyo"
    for extra in ("", " @nhk_news x@y.com", " https://example.com/a", " caf\u0065\u0301"):
        doc = Document(plain + extra)
        kinds = {t.text: t.kind for t in doc.tokens}
        assert kinds["U.S."] is TokenKind.ACRONYM and kinds["NHK"] is TokenKind.ACRONYM
        assert kinds["7th"] is TokenKind.ORDINAL and kinds["1,300"] is TokenKind.NUMBER
        assert kinds["G20"] is TokenKind.MIXED and kinds["COVID-19"] is TokenKind.MIXED
        assert kinds["officials"] is TokenKind.WORD
    doc = Document("ask @nhk_news or x@y.com at https://example.com/a. Caf\u0065\u0301 \u4e2d\u6587ABC")
    kinds = [(t.text, t.kind) for t in doc.tokens]
    assert ("@nhk_news", TokenKind.HANDLE) in kinds and ("x@y.com", TokenKind.EMAIL) in kinds
    assert ("https://example.com/a", TokenKind.URL) in kinds and ("Caf\u0065\u0301", TokenKind.WORD) in kinds
    assert ("\u4e2d\u6587ABC", TokenKind.WORD) in kinds  # not all letters upper case: no acronym
