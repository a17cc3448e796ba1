"""Spelling (NL1xx): typos against a word-frequency lexicon."""
